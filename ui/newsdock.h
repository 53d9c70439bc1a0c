// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "news/newsservice.h"

#include <QDockWidget>
#include <QPointer>
#include <QUrl>

#include <functional>

class QComboBox;
class QLabel;
class QPushButton;
class QTabWidget;
class QTreeWidget;
class QTreeWidgetItem;

// NewsDock: news and the discussion board (종목토론실) for one stock code.
//
// Why it exists: a trader wants to see why a stock moves without leaving the terminal. It shows the
// Naver news search (time in KST, source host, title; activating a row opens the article in the
// browser) and the board's first page (date, title, author, views, likes, dislikes; clean-bot
// hidden posts marked as such), a Refresh button, and a status line with the service's errors as
// they are (Naver's typed errors, "could not read the board"). Without Naver keys in mock/live mode
// it says so and explains how to add them. When the stock list arrives and nothing was asked for
// yet, it loads the first watchlist stock.
// It never blocks: requests go to the NewsService on the core's thread (queued) and the answers come
// back as queued signals, filtered by request id. Threading: GUI thread; the service may live on
// another thread (the core thread) or this one (tests).
class NewsDock final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NewsDock)

public:
    explicit NewsDock(NewsService *service, QWidget *parent = nullptr);
    ~NewsDock() override;

    QString currentCode() const;
    // Tests replace the browser; the default is QDesktopServices::openUrl.
    void setUrlOpener(std::function<void(const QUrl &)> opener) { m_openUrl = std::move(opener); }

public slots:
    // Loads news and the board for a 6-character code (a typed "005930 삼성전자" works too).
    void load(const QString &code);
    void refresh();

signals:
    // After both answers (or errors) for the current code have arrived.
    void loadFinished(const QString &code);

private:
    void onKeysState(NewsService::KeysState state);
    void onNews(quint64 id, const QString &code, const News::NewsResult &result);
    void onDiscussions(quint64 id, const QString &code, const News::BoardPage &page);
    void onFailed(
        quint64 id, const QString &code, const QString &what, const QString &errorCode, const QString &message);
    void onStocks(quint64 id, const QStringList &codes, const QStringList &names);
    void loadFromField();
    void openItem(QTreeWidgetItem *item);
    void showKeysHelp();
    void updateStatus();
    void finishOne();

    QPointer<NewsService> m_service;
    std::function<void(const QUrl &)> m_openUrl;
    QComboBox *m_code = nullptr;
    QPushButton *m_refresh = nullptr;
    QLabel *m_status = nullptr;
    QWidget *m_keysPanel = nullptr;
    QLabel *m_keysLabel = nullptr;
    QPushButton *m_keysButton = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTreeWidget *m_newsList = nullptr;
    QTreeWidget *m_boardList = nullptr;
    QString m_loadedCode;
    quint64 m_newsRequest = 0;
    quint64 m_boardRequest = 0;
    quint64 m_stocksRequest = 0;
    int m_outstanding = 0;
    QString m_newsStatus;
    QString m_boardStatus;
    NewsService::KeysState m_keysState = NewsService::KeysState::Resolving;
};
