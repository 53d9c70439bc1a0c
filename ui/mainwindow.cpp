// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "backtestwindow.h"
#include "chartdock.h"
#include "conditionsdock.h"
#include "coregateway.h"
#include "layoutmanager.h"
#include "newsdock.h"
#include "orderticket.h"
#include "recordtoggle.h"
#include "servicecontrols.h"
#include "strategiesdock.h"
#include "watchlistdock.h"
#include "settingsdialog.h"
#include "trayicon.h"
#include "tradedocks.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QDockWidget>
#include <QStatusBar>
#include <QToolBar>

MainWindow::MainWindow(CoreGateway *gateway, QWidget *parent) : QMainWindow(parent), m_gateway(gateway)
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(tr("Kiwoom Trader"));
    setAccessibleName(tr("Kiwoom Trader"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/kiwoom-trader.svg")));
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowNestedDocks | QMainWindow::AllowTabbedDocks);
    resize(1440, 900);
    createMenus();
    m_toolBar = addToolBar(tr("Main toolbar"));
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setAccessibleName(tr("Main toolbar"));
    createStatusBar();
    if (m_gateway) {
        connect(m_gateway, &CoreGateway::brokerStateChanged, this, &MainWindow::showBrokerState);
        connect(m_gateway, &CoreGateway::commandFinished, this, [this](bool ok, const QString &message) {
            if (!ok && !message.isEmpty())
                statusBar()->showMessage(message, 10000);
        });
        createDocks();
    }
    connect(this, &MainWindow::stockActivated, this, &MainWindow::openStock);
}

void MainWindow::createDocks()
{
    // One line per dock (each dock's own file holds its model and widgets).
    // [docks: positions, orders, signals, log]
    TradeDocks::install(this, m_gateway);
    // [docks: conditions, strategies, watchlist]
    auto *conditions = new ConditionsDock(m_gateway);
    addDock(conditions, Qt::RightDockWidgetArea, tr("&Conditions"), QKeySequence(Qt::ALT | Qt::Key_5));
    auto *strategies = new StrategiesDock(m_gateway);
    addDock(strategies, Qt::RightDockWidgetArea, tr("&Strategies"), QKeySequence(Qt::ALT | Qt::Key_6));
    tabifyDockWidget(conditions, strategies);
    conditions->raise();
    auto *watchlist = new WatchlistDock(m_gateway);
    connect(watchlist, &WatchlistDock::stockActivated, this, &MainWindow::stockActivated);
    addDock(watchlist, Qt::LeftDockWidgetArea, tr("&Watchlist"), QKeySequence(Qt::ALT | Qt::Key_7));
    // [docks: chart]
    addDock(new ChartDock(m_gateway, this), Qt::TopDockWidgetArea, tr("&Chart"), QKeySequence(Qt::ALT | Qt::Key_8));
    // [toolbar/menu: services, kill switch]
    new ServiceControls(m_gateway, this, m_tradingMenu, m_toolBar);
    // [toolbar/menu: record market data]
    new RecordToggle(m_gateway, this, m_toolsMenu, m_toolBar);
    auto *layouts = new LayoutManager(this, LayoutManager::layoutFileFor(LayoutManager::settingsFileOf(m_gateway)));
    layouts->installMenu(m_viewMenu);
    layouts->watch();
    // [menu: order ticket, backtest, settings, tray]
    OrderTicket::install(this); // Trading > Order Ticket… (F2), toolbar
    BacktestWindow::install(this); // Tools > Backtest… (Ctrl+B)
    SettingsDialog::addMenuEntry(this);
    installTray();
}

void MainWindow::addDock(
    QDockWidget *dock, Qt::DockWidgetArea area, const QString &menuText, const QKeySequence &shortcut)
{
    Q_ASSERT(!dock->objectName().isEmpty());
    dock->setParent(this);
    if (dock->accessibleName().isEmpty())
        dock->setAccessibleName(dock->windowTitle());
    addDockWidget(area, dock);
    QAction *toggle = dock->toggleViewAction();
    toggle->setObjectName(QStringLiteral("action_") + dock->objectName());
    toggle->setText(menuText);
    if (!shortcut.isEmpty())
        toggle->setShortcut(shortcut);
    m_docksMenu->addAction(toggle);
    connect(toggle, &QAction::triggered, dock, [dock](bool on) {
        if (on) {
            dock->raise();
            if (QWidget *w = dock->widget())
                w->setFocus(Qt::ShortcutFocusReason);
        }
    });
}

QList<QDockWidget *> MainWindow::docks() const
{
    return findChildren<QDockWidget *>(QString(), Qt::FindDirectChildrenOnly);
}

void MainWindow::openStock(const QString &code)
{
    if (auto *chart = findChild<ChartDock *>(QStringLiteral("chartDock"), Qt::FindDirectChildrenOnly)) {
        chart->show();
        chart->raise();
        chart->showStock(code);
    }
    statusBar()->showMessage(tr("Showing %1").arg(code), 3000);
}

MainWindow::~MainWindow() = default;

void MainWindow::installTray()
{
    m_tray = new TrayIcon(m_gateway, this, this);
    // File > Quit quits for real (with the tray's confirmation when positions or orders are open);
    // closing the window only hides it while the tray keeps the app running.
    if (QAction *quit = findChild<QAction *>(QStringLiteral("actionQuit"))) {
        disconnect(quit, &QAction::triggered, this, &MainWindow::close);
        connect(quit, &QAction::triggered, m_tray, &TrayIcon::requestQuit);
    }
    connect(m_tray, &TrayIcon::quitConfirmed, this, [this] {
        m_quitting = true;
        close();
        QCoreApplication::quit();
    });
    connect(m_tray, &TrayIcon::commandDone, this,
        [this](bool, const QString &message) { statusBar()->showMessage(message, 10000); });
    QAction *hideAction = m_viewMenu->addAction(tr("&Hide to tray"));
    hideAction->setObjectName(QStringLiteral("actionHideToTray"));
    hideAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    hideAction->setToolTip(tr("Hide the window; trading continues in the background"));
    hideAction->setEnabled(m_tray->hasIcon());
    connect(hideAction, &QAction::triggered, this, [this] {
        hide();
        m_tray->showCloseHint();
    });
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_tray && !m_quitting && m_tray->hasIcon()) {
        event->ignore();
        if (m_tray->keepsRunningOnClose()) {
            // Trading goes on in the background; the tray icon brings the window back.
            hide();
            m_tray->showCloseHint();
        } else {
            // With a tray the app does not quit with its last window (AppRunner): closing is quitting,
            // asked like the tray's Quit when positions or orders are open.
            m_tray->requestQuit();
        }
        return;
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::createMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->setObjectName(QStringLiteral("fileMenu"));
    QAction *quit = fileMenu->addAction(tr("&Quit"));
    quit->setObjectName(QStringLiteral("actionQuit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &MainWindow::close);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->setObjectName(QStringLiteral("viewMenu"));
    m_docksMenu = m_viewMenu->addMenu(tr("&Docks"));
    m_docksMenu->setObjectName(QStringLiteral("docksMenu"));
    QAction *statusBarAction = m_viewMenu->addAction(tr("&Status Bar"));
    statusBarAction->setObjectName(QStringLiteral("actionStatusBar"));
    statusBarAction->setCheckable(true);
    statusBarAction->setChecked(true);
    connect(statusBarAction, &QAction::toggled, this, [this](bool on) { statusBar()->setVisible(on); });

    m_tradingMenu = menuBar()->addMenu(tr("&Trading"));
    m_tradingMenu->setObjectName(QStringLiteral("tradingMenu"));
    m_toolsMenu = menuBar()->addMenu(tr("T&ools"));
    m_toolsMenu->setObjectName(QStringLiteral("toolsMenu"));

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->setObjectName(QStringLiteral("helpMenu"));
    QAction *about = helpMenu->addAction(tr("&About Kiwoom Trader"));
    about->setObjectName(QStringLiteral("actionAbout"));
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
    QAction *aboutQt = helpMenu->addAction(tr("About &Qt"));
    aboutQt->setObjectName(QStringLiteral("actionAboutQt"));
    connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

NewsDock *MainWindow::addNewsDock(NewsService *service)
{
    if (m_newsDock)
        return m_newsDock;
    m_newsDock = new NewsDock(service, this);
    addDockWidget(Qt::RightDockWidgetArea, m_newsDock);
    QAction *toggle = m_newsDock->toggleViewAction();
    toggle->setObjectName(QStringLiteral("actionNewsDock"));
    toggle->setText(tr("&News"));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    toggle->setToolTip(tr("Show or hide news and the discussion board"));
    m_viewMenu->insertAction(m_viewMenu->actions().value(0), toggle);
    // Opening it from the menu or the shortcut puts the keyboard in the code field.
    connect(toggle, &QAction::triggered, m_newsDock, [this](bool on) {
        if (on) {
            m_newsDock->raise();
            if (auto *field = m_newsDock->findChild<QWidget *>(QStringLiteral("newsCodeCombo")))
                field->setFocus(Qt::ShortcutFocusReason);
        }
    });
    return m_newsDock;
}

void MainWindow::createStatusBar()
{
    m_modeLabel = new QLabel(this);
    m_modeLabel->setObjectName(QStringLiteral("modeLabel"));
    m_connectionLabel = new QLabel(tr("Disconnected"), this);
    m_connectionLabel->setObjectName(QStringLiteral("connectionLabel"));
    statusBar()->addPermanentWidget(m_modeLabel);
    statusBar()->addPermanentWidget(m_connectionLabel);
    statusBar()->showMessage(tr("Ready"));
}

void MainWindow::setModeText(const QString &text)
{
    m_modeLabel->setText(text);
}

void MainWindow::setConnectionText(const QString &text)
{
    m_connectionLabel->setText(text);
}

void MainWindow::showMode(const QString &mode)
{
    if (mode == u"demo")
        setModeText(tr("Demo (simulator)"));
    else if (mode == u"mock")
        setModeText(tr("Mock trading"));
    else if (mode == u"live")
        setModeText(tr("LIVE"));
    else if (mode == u"paper")
        setModeText(tr("Paper trading"));
    else
        setModeText(mode);
    // Live trading must never be mistaken for a rehearsal.
    m_modeLabel->setStyleSheet(
        mode == u"live" ? QStringLiteral("color: white; background: #c62828; padding: 0 6px;") : QString());
}

void MainWindow::showBrokerState(TradingCore::BrokerState state, const QString &detail)
{
    QString text;
    switch (state) {
    case TradingCore::BrokerState::Offline:
        text = tr("Disconnected");
        break;
    case TradingCore::BrokerState::Starting:
        text = tr("Connecting…");
        break;
    case TradingCore::BrokerState::Ready:
        text = tr("Connected");
        break;
    case TradingCore::BrokerState::Degraded:
        text = tr("Realtime reconnecting");
        break;
    case TradingCore::BrokerState::Failed:
        text = tr("Connection failed");
        break;
    }
    setConnectionText(text);
    m_connectionLabel->setToolTip(detail);
    if (state == TradingCore::BrokerState::Failed && !detail.isEmpty())
        statusBar()->showMessage(detail);
}

void MainWindow::showAbout()
{
    auto *box = new QMessageBox(this);
    box->setObjectName(QStringLiteral("aboutDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowTitle(tr("About Kiwoom Trader"));
    box->setIconPixmap(QIcon(QStringLiteral(":/icons/kiwoom-trader.svg")).pixmap(64, 64));
    box->setText(tr("<h3>Kiwoom Trader %1</h3>").arg(QStringLiteral(KT_VERSION)));
    box->setInformativeText(tr("A desktop trading terminal for the Kiwoom Securities REST and WebSocket API.<br>"
                               "Built with Qt %1. Automated trading carries the risk of loss; "
                               "test your strategies in demo mode first.")
                                .arg(QString::fromLatin1(qVersion())));
    box->setStandardButtons(QMessageBox::Ok);
    box->open();
}
