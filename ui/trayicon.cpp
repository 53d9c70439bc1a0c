// SPDX-License-Identifier: GPL-3.0-or-later
#include "trayicon.h"

#include "coregateway.h"

#include "common/settings.h"
#include "storage/positionrepository.h"
#include "trading/ordermanager.h"
#include "trading/tradingcommands.h"
#include "trading/tradingengine.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QIcon>
#include <QPalette>
#include <QGuiApplication>
#include <QJsonArray>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSystemTrayIcon>
#include <QWidget>

namespace {
const QString HINT_KEY = QStringLiteral("ui/trayHintShown");
const QString CLOSE_KEY = QStringLiteral("ui/closeToTray");

QString won(qint64 amount)
{
    return QLocale(QLocale::Korean).toString(amount);
}

QString stockLabel(const QJsonObject &row)
{
    const QString code = row.value(QStringLiteral("stock_code")).toString();
    const QString name = row.value(QStringLiteral("stock_name")).toString();
    return name.isEmpty() || name == code ? code : QStringLiteral("%1 (%2)").arg(name, code);
}
} // namespace

TrayIcon::TrayIcon(CoreGateway *gateway, QWidget *window, QObject *parent)
    : QObject(parent), m_gateway(gateway), m_window(window)
{
    setObjectName(QStringLiteral("trayIcon"));
    createActions();
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        // A one-colour glyph that reads on the panel: light on dark themes, dark on light ones
        // (the panel usually follows the desktop's palette).
        const bool darkPanel = QGuiApplication::palette().color(QPalette::Window).lightness() < 128;
        m_icon = new QSystemTrayIcon(
            QIcon(darkPanel ? QStringLiteral(":/icons/tray-dark.svg") : QStringLiteral(":/icons/tray-light.svg")),
            this);
        m_icon->setObjectName(QStringLiteral("systemTrayIcon"));
        m_icon->setToolTip(tr("Kiwoom Trader"));
        m_icon->setContextMenu(m_menu);
        connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
            if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                toggleWindow();
        });
        m_icon->show();
    }
    if (m_window)
        m_window->installEventFilter(this);
    updateShowHideText();
    if (m_gateway) {
        connect(m_gateway, &CoreGateway::event, this, &TrayIcon::handleEvent);
        connect(m_gateway, &CoreGateway::changed, this, [this](const QStringList &topics) {
            if (topics.contains(u"settings"))
                readSettings();
            if (topics.contains(u"services") || topics.contains(u"engine"))
                readServices();
        });
        readSettings();
        readServices();
    }
}

TrayIcon::~TrayIcon()
{
    if (m_icon)
        m_icon->setContextMenu(nullptr);
    delete m_menu;
}

void TrayIcon::createActions()
{
    m_menu = new QMenu;
    m_menu->setObjectName(QStringLiteral("trayMenu"));
    m_menu->setTitle(tr("Kiwoom Trader"));
    m_menu->setAccessibleName(tr("Tray menu"));

    m_showHide = m_menu->addAction(tr("&Show window"), this, &TrayIcon::toggleWindow);
    m_showHide->setObjectName(QStringLiteral("trayShowHide"));
    m_menu->addSeparator();
    m_startMonitoring = m_menu->addAction(tr("Start &monitoring"), this, &TrayIcon::startMonitoring);
    m_startMonitoring->setObjectName(QStringLiteral("trayStartMonitoring"));
    m_startMonitoring->setToolTip(tr("Start the condition monitor (조건식 검색)"));
    m_stopMonitoring = m_menu->addAction(tr("S&top monitoring"), this, &TrayIcon::stopMonitoring);
    m_stopMonitoring->setObjectName(QStringLiteral("trayStopMonitoring"));
    m_killSwitch = m_menu->addAction(tr("&Kill switch: cancel all orders"), this, &TrayIcon::engageKillSwitch);
    m_killSwitch->setObjectName(QStringLiteral("trayKillSwitch"));
    m_killSwitch->setToolTip(tr("Stop new buys and cancel every open order"));
    m_menu->addSeparator();
    m_quit = m_menu->addAction(tr("&Quit"), this, &TrayIcon::requestQuit);
    m_quit->setObjectName(QStringLiteral("trayQuit"));
    const bool haveCore = m_gateway != nullptr;
    m_startMonitoring->setEnabled(haveCore);
    m_stopMonitoring->setEnabled(haveCore);
    m_killSwitch->setEnabled(haveCore);
}

QString TrayIcon::settingsKey(Kind kind)
{
    switch (kind) {
    case Kind::Fill:
        return QStringLiteral("ui/notifyFills");
    case Kind::Exit:
        return QStringLiteral("ui/notifyExits");
    case Kind::Rejection:
        return QStringLiteral("ui/notifyRejections");
    case Kind::KillSwitch:
        return QStringLiteral("ui/notifyKillSwitch");
    case Kind::Broker:
        return QStringLiteral("ui/notifyBroker");
    }
    return {};
}

void TrayIcon::readSettings()
{
    m_gateway->read(
        this,
        [](TradingCore &core) {
            QJsonObject o;
            for (Kind k : { Kind::Fill, Kind::Exit, Kind::Rejection, Kind::KillSwitch, Kind::Broker })
                o.insert(settingsKey(k), core.settings().value(settingsKey(k)).toBool());
            o.insert(HINT_KEY, core.settings().value(HINT_KEY).toBool());
            o.insert(CLOSE_KEY, core.settings().closeToTray());
            return o;
        },
        [this](const QJsonObject &o) {
            for (Kind k : { Kind::Fill, Kind::Exit, Kind::Rejection, Kind::KillSwitch, Kind::Broker })
                setNotificationEnabled(k, o.value(settingsKey(k)).toBool(true));
            m_hintShown = m_hintShown || o.value(HINT_KEY).toBool();
            m_closeToTray = o.value(CLOSE_KEY).toBool(true);
        });
}

void TrayIcon::readServices()
{
    m_gateway->readEngine(
        this, [](TradingEngine &engine) { return engine.commands().serviceStatus(); }, QJsonObject(),
        [this](const QJsonObject &status) {
            if (status.isEmpty()) { // no engine yet: nothing to start or stop
                m_startMonitoring->setEnabled(false);
                m_stopMonitoring->setEnabled(false);
                m_killSwitch->setEnabled(false);
                return;
            }
            bool running = false;
            for (const QJsonValue &v : status.value(QStringLiteral("services")).toArray()) {
                const QJsonObject s = v.toObject();
                if (s.value(QStringLiteral("name")).toString() == u"monitoring")
                    running = s.value(QStringLiteral("running")).toBool();
            }
            m_startMonitoring->setEnabled(!running);
            m_stopMonitoring->setEnabled(running);
            m_killSwitch->setEnabled(true);
        });
}

bool TrayIcon::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && (event->type() == QEvent::Show || event->type() == QEvent::Hide))
        updateShowHideText();
    return QObject::eventFilter(watched, event);
}

void TrayIcon::updateShowHideText()
{
    const bool visible = m_window && m_window->isVisible();
    m_showHide->setText(visible ? tr("&Hide window") : tr("&Show window"));
}

void TrayIcon::toggleWindow()
{
    if (!m_window)
        return;
    if (m_window->isVisible() && !m_window->isMinimized()) {
        m_window->hide();
    } else {
        m_window->showNormal();
        m_window->raise();
        m_window->activateWindow();
    }
    updateShowHideText();
}

void TrayIcon::startMonitoring()
{
    if (!m_gateway)
        return;
    m_gateway->command(
        this, [](TradingCommands &c) { return c.startService(QStringLiteral("monitoring"), CoreGateway::actor()); },
        [this](const Result<QJsonObject> &r) {
            readServices();
            emit commandDone(r.ok(), r.ok() ? tr("Monitoring started.") : r.error().message);
        });
}

void TrayIcon::stopMonitoring()
{
    if (!m_gateway)
        return;
    m_gateway->command(
        this, [](TradingCommands &c) { return c.stopService(QStringLiteral("monitoring"), CoreGateway::actor()); },
        [this](const Result<QJsonObject> &r) {
            readServices();
            emit commandDone(r.ok(), r.ok() ? tr("Monitoring stopped.") : r.error().message);
        });
}

void TrayIcon::engageKillSwitch()
{
    if (!m_gateway)
        return;
    const QString reason = tr("Kill switch from the tray menu");
    m_gateway->command(
        this,
        [reason](TradingCommands &c) {
            return c.engageKillSwitch(Trading::KillSwitchMode::CancelAll, reason, CoreGateway::actor());
        },
        [this](const Result<QJsonObject> &r) {
            emit commandDone(r.ok(),
                r.ok() ? tr("Kill switch engaged: new buys stopped, open orders cancelled.") : r.error().message);
        });
}

void TrayIcon::requestQuit()
{
    if (m_quitDialog) {
        m_quitDialog->raise();
        return;
    }
    if (!m_gateway) {
        emit quitConfirmed();
        return;
    }
    using Counts = QPair<int, int>;
    m_gateway->read(
        this,
        [](TradingCore &core) -> Counts {
            // The same rows the Positions dock lists (open or selling) and the orders still working.
            int positions = 0;
            if (Database *db = core.database()) {
                auto active = PositionRepository(*db).listActive();
                positions = active ? int(active->size()) : 0;
            }
            const int orders = core.engine() ? int(core.engine()->orders().openOrders().size()) : 0;
            return Counts(positions, orders);
        },
        [this](const Counts &c) { confirmQuit(c.first, c.second); });
}

void TrayIcon::confirmQuit(int positions, int orders)
{
    if (positions == 0 && orders == 0) {
        emit quitConfirmed();
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Quit Kiwoom Trader"),
        tr("%n open position(s)", nullptr, positions) + tr(" and ") + tr("%n open order(s)", nullptr, orders)
            + tr(" remain. While the app is closed, nothing watches them: no stop-loss, no take-profit, "
                 "no trailing stop."),
        QMessageBox::NoButton, m_window);
    box->setObjectName(QStringLiteral("quitConfirmDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(tr("Quit anyway?"));
    QPushButton *quit = box->addButton(tr("&Quit"), QMessageBox::AcceptRole);
    quit->setObjectName(QStringLiteral("quitConfirmButton"));
    QPushButton *stay = box->addButton(tr("&Keep running"), QMessageBox::RejectRole);
    stay->setObjectName(QStringLiteral("quitCancelButton"));
    box->setDefaultButton(stay);
    box->setEscapeButton(stay);
    connect(box, &QMessageBox::finished, this, [this, box, quit] {
        if (box->clickedButton() == quit)
            emit quitConfirmed();
    });
    m_quitDialog = box;
    box->open();
}

bool TrayIcon::keepsRunningOnClose() const
{
    return m_icon && m_closeToTray;
}

bool TrayIcon::showCloseHint()
{
    if (m_hintShown)
        return false;
    m_hintShown = true;
    if (m_icon) {
        m_icon->showMessage(tr("Kiwoom Trader is still running"),
            tr("Trading continues in the background. Use the tray icon to show the window or to quit."),
            QSystemTrayIcon::Information, 8000);
    }
    if (m_gateway) {
        m_gateway->read(
            this, [](TradingCore &core) { return core.settings().setValue(HINT_KEY, true).ok(); }, [](bool) {});
    }
    return true;
}

void TrayIcon::notify(Kind kind, const QString &title, const QString &message)
{
    if (!notificationEnabled(kind))
        return;
    if (m_icon) {
        const auto icon = kind == Kind::Rejection || kind == Kind::KillSwitch || kind == Kind::Broker
            ? QSystemTrayIcon::Warning
            : QSystemTrayIcon::Information;
        m_icon->showMessage(title, message, icon, 10000);
    }
    emit notified(kind, title, message);
}

void TrayIcon::handleEvent(const QJsonObject &event)
{
    const QString type = event.value(QStringLiteral("type")).toString();
    const QJsonObject data = event.value(QStringLiteral("data")).toObject();
    if (type == u"fill") {
        const QJsonObject order = data.value(QStringLiteral("order")).toObject();
        const QJsonObject exec = data.value(QStringLiteral("execution")).toObject();
        const bool buy = order.value(QStringLiteral("side")).toString() == u"BUY";
        const QString origin = order.value(QStringLiteral("origin")).toString();
        if (!buy)
            m_lastSellOrigin.insert(order.value(QStringLiteral("stock_code")).toString(), origin);
        const qint64 qty = exec.value(QStringLiteral("quantity")).toInteger();
        const qint64 price = exec.value(QStringLiteral("price")).toInteger();
        notify(Kind::Fill, buy ? tr("Bought %1").arg(stockLabel(order)) : tr("Sold %1").arg(stockLabel(order)),
            tr("%1 shares at %2 KRW").arg(QLocale().toString(qty), won(price)));
    } else if (type == u"position_closed") {
        const QString code = data.value(QStringLiteral("stock_code")).toString();
        const QString origin = m_lastSellOrigin.take(code);
        QString title;
        if (origin == u"stop_loss")
            title = tr("Stop-loss (손절): %1").arg(stockLabel(data));
        else if (origin == u"take_profit")
            title = tr("Take-profit (익절): %1").arg(stockLabel(data));
        else if (origin == u"trailing_stop")
            title = tr("Trailing stop: %1").arg(stockLabel(data));
        else
            title = tr("Position closed: %1").arg(stockLabel(data));
        const qint64 pnl = data.value(QStringLiteral("realized_profit_loss")).toInteger();
        notify(
            Kind::Exit, title, tr("Realized P&L %1 KRW").arg((pnl > 0 ? QStringLiteral("+") : QString()) + won(pnl)));
    } else if (type == u"order") {
        if (data.value(QStringLiteral("state")).toString() != u"REJECTED")
            return;
        const qint64 id = data.value(QStringLiteral("id")).toInteger();
        if (id == m_lastRejectedOrder)
            return;
        m_lastRejectedOrder = id;
        const bool buy = data.value(QStringLiteral("side")).toString() == u"BUY";
        QString reason = data.value(QStringLiteral("reject_reason")).toString();
        if (reason.isEmpty())
            reason = tr("No reason given.");
        notify(Kind::Rejection,
            (buy ? tr("Buy order rejected: %1") : tr("Sell order rejected: %1")).arg(stockLabel(data)), reason);
    } else if (type == u"kill_switch") {
        const QString mode = data.value(QStringLiteral("mode")).toString();
        const QString reason = data.value(QStringLiteral("reason")).toString();
        if (mode == u"OFF")
            notify(Kind::KillSwitch, tr("Kill switch released"), tr("Trading resumed."));
        else
            notify(Kind::KillSwitch, tr("Kill switch engaged: %1").arg(mode), reason);
    } else if (type == u"broker") {
        const QString state = data.value(QStringLiteral("state")).toString();
        const QString detail = data.value(QStringLiteral("detail")).toString();
        if (state == u"Degraded" || state == u"Failed" || state == u"Offline") {
            if (state == u"Offline" && !m_brokerDown && detail.isEmpty())
                return; // the normal shutdown
            m_brokerDown = true;
            notify(Kind::Broker, tr("Broker connection lost"), detail.isEmpty() ? tr("Reconnecting…") : detail);
        } else if (state == u"Ready" && m_brokerDown) {
            m_brokerDown = false;
            notify(Kind::Broker, tr("Broker connection restored"), tr("Connected again."));
        }
    }
}
