// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tradingcore.h"

#include <QMainWindow>

class NewsDock;
class NewsService;
class QLabel;

// The application's main window: menus (File/View/Help), the status bar and, as they arrive, the
// dock widgets. It only observes the core through signals; it owns no trading state.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Status-bar text for the broker mode ("Demo", "Mock", "Live") and the connection state.
    void setModeText(const QString &text);
    void setConnectionText(const QString &text);
    // Shows the broker mode ("demo", "mock", "live") and connection state in the status bar.
    void showMode(const QString &mode);
    void showBrokerState(TradingCore::BrokerState state, const QString &detail);

    QMenu *viewMenu() const { return m_viewMenu; }

    // Adds the News dock (right side, toggled from View > News, Ctrl+Shift+N). The service may live
    // on the core's thread; null shows the dock with a "not available" note.
    NewsDock *addNewsDock(NewsService *service);
    NewsDock *newsDock() const { return m_newsDock; }

public slots:
    void showAbout();

private:
    void createMenus();
    void createStatusBar();

    QMenu *m_viewMenu = nullptr;
    NewsDock *m_newsDock = nullptr;
    QLabel *m_modeLabel = nullptr;
    QLabel *m_connectionLabel = nullptr;
};
