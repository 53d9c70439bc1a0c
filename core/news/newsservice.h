// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "discussionboardreader.h"
#include "navernewsclient.h"

#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <atomic>
#include <functional>

class Database;
class IClock;
class SecretStore;
class Settings;

// NewsService: the app's one NaverNewsClient and one DiscussionBoardReader, configured by
// newsconfig, with the stock-name lookup news queries need.
//
// Why it exists: the news dock (on the GUI thread) and the control API ask for news and board
// pages per stock code; both must share one client and one reader so Naver's quota, caches and
// back-offs are counted once. It guarantees:
//   * base URLs per NaverEndpoints (environment > setting > the demo simulator > Naver); in demo mode
//     the simulator's URL is the demo default, and only a simulator is sent the demo keys (real keys
//     are never sent to a host demo mode picked by itself);
//   * in mock/live mode the keys come from the environment or the secret store (NaverKeys::resolve);
//     keysState() says whether they are missing, and a news request without keys fails at once with
//     code naver_keys_missing (Naver is not asked);
//   * two ways in: the callback API (news()/discussions(), core thread) and request ids for other
//     threads (requestNews()/requestDiscussions() invoked queued; the answer comes back as a signal
//     carrying the id, so the caller connects queued and filters by its ids).
// Threading: lives on the core's thread; every method except nextRequestId() runs there.
class NewsService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NewsService)

public:
    enum class KeysState
    {
        Resolving, // the secret store has not answered yet
        Missing, // mock/live without a Naver client id and secret
        Present, // real keys, or demo keys for the simulator
    };
    Q_ENUM(KeysState)

    NewsService(const IClock &clock, Settings &settings, QObject *parent = nullptr);
    ~NewsService() override;

    // (Re)configures base URLs and keys for a broker mode. demoBase: the simulator's base URL in
    // demo mode (empty otherwise). store: the keychain (may be null: environment only).
    void configure(const QString &mode, const QUrl &demoBase, SecretStore *store);
    // Stock names for news queries; the watchlist's names are read from it (may be null).
    void setDatabase(Database *database) { m_database = database; }
    // The codes offered when the watchlist is empty (TradingCore::defaultWatchCodes()).
    void setDefaultCodes(const QStringList &codes) { m_defaultCodes = codes; }

    NaverNewsClient *newsClient() { return m_news; }
    DiscussionBoardReader *boardReader() { return m_board; }
    KeysState keysState() const { return m_keysState; }
    QString mode() const { return m_mode; }

    // The name a news search uses for a code: the watchlist's name, the simulator's in demo mode,
    // else the code itself.
    QString stockName(const QString &code) const;
    // Watchlist stocks (code, name; name empty when unknown) and, when it is empty, the default codes.
    QList<std::pair<QString, QString>> stockChoices() const;

    // Core-thread API (the control API): callbacks run later, skipped when context is gone.
    // start: the first result's position (1-1000), for paging.
    void news(const QString &code, int display, QObject *context, NaverNewsClient::Callback done, int start = 1);
    void discussions(const QString &code, int page, QObject *context, DiscussionBoardReader::Callback done);

    // Thread-safe: ids for requestNews()/requestDiscussions()/requestStocks().
    static quint64 nextRequestId();

public slots:
    void requestNews(quint64 id, const QString &code);
    void requestDiscussions(quint64 id, const QString &code, int page);
    void requestStocks(quint64 id);
    // Emits keysStateChanged() with the current state (for a late listener).
    void announceKeysState();

signals:
    void keysStateChanged(NewsService::KeysState state);
    void newsReady(quint64 id, const QString &code, const News::NewsResult &result);
    void discussionsReady(quint64 id, const QString &code, const News::BoardPage &page);
    // what: "news" or "board"; errorCode: the client's code (naver_auth, naver_board_layout, ...).
    void requestFailed(
        quint64 id, const QString &code, const QString &what, const QString &errorCode, const QString &message);
    void stocksListed(quint64 id, const QStringList &codes, const QStringList &names);

private:
    void setKeysState(KeysState state);

    const IClock &m_clock;
    Settings &m_settings;
    Database *m_database = nullptr;
    NaverNewsClient *m_news = nullptr; // children
    DiscussionBoardReader *m_board = nullptr;
    QString m_mode;
    QStringList m_defaultCodes;
    KeysState m_keysState = KeysState::Resolving;
    int m_configureGeneration = 0;
    static std::atomic<quint64> s_nextId;
};

Q_DECLARE_METATYPE(News::NewsResult)
Q_DECLARE_METATYPE(News::BoardPage)
