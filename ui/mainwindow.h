// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tradingcore.h"

#include <QMainWindow>

class CoreGateway;
class NewsDock;
class NewsService;
class QDockWidget;
class QLabel;
class QToolBar;
class TrayIcon;

// The application's main window: menus (File, View, Trading, Tools, Help), the main toolbar, the
// status bar and the dock widgets. It only observes the core through the CoreGateway and owns no
// trading state. Without a gateway (unit tests of the frame) it shows the frame only.
// Docks are added in createDocks() through addDock(), which also gives each a View-menu entry with
// a shortcut; a dock that shows stocks emits stockActivated(code) on double-click, which opens the
// stock in the Chart dock (openStock()).
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(CoreGateway *gateway = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Status-bar text for the broker mode ("Demo", "Mock", "Live") and the connection state.
    void setModeText(const QString &text);
    void setConnectionText(const QString &text);
    // Shows the broker mode ("demo", "mock", "live") and connection state in the status bar.
    void showMode(const QString &mode);
    void showBrokerState(TradingCore::BrokerState state, const QString &detail);

    QMenu *viewMenu() const { return m_viewMenu; }
    QMenu *tradingMenu() const { return m_tradingMenu; }
    QMenu *toolsMenu() const { return m_toolsMenu; }
    QToolBar *mainToolBar() const { return m_toolBar; }
    CoreGateway *gateway() const { return m_gateway; }

    // Adds a dock in `area` with a View-menu toggle (text, shortcut) and an accessible name from
    // its window title; the dock's objectName must be set (layouts are saved by it).
    void addDock(QDockWidget *dock, Qt::DockWidgetArea area, const QString &menuText, const QKeySequence &shortcut);
    QList<QDockWidget *> docks() const;

    // Adds the News dock (right side, toggled from View > News, Ctrl+Shift+N). The service may live
    // on the core's thread; null shows the dock with a "not available" note.
    NewsDock *addNewsDock(NewsService *service);
    NewsDock *newsDock() const { return m_newsDock; }
    // The tray icon and its menu (null without a gateway); see TrayIcon.
    TrayIcon *trayIcon() const { return m_tray; }

protected:
    // With a tray icon (and ui/closeToTray) closing hides the window and trading goes on; a quit
    // from the tray or File > Quit closes for real.
    void closeEvent(QCloseEvent *event) override;

signals:
    // A stock was chosen in a dock (double-click): the Chart dock shows it.
    void stockActivated(const QString &code);

public slots:
    void showAbout();
    // Shows the stock in the Chart dock and raises it.
    void openStock(const QString &code);

private:
    void createMenus();
    void createStatusBar();
    void createDocks();
    void installTray();

    CoreGateway *m_gateway = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_docksMenu = nullptr;
    QMenu *m_tradingMenu = nullptr;
    QMenu *m_toolsMenu = nullptr;
    QToolBar *m_toolBar = nullptr;
    NewsDock *m_newsDock = nullptr;
    TrayIcon *m_tray = nullptr;
    bool m_quitting = false;
    QLabel *m_modeLabel = nullptr;
    QLabel *m_connectionLabel = nullptr;
};
