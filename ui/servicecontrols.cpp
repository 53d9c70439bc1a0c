// SPDX-License-Identifier: GPL-3.0-or-later
#include "docktable.h"
#include "servicecontrols.h"

#include "coregateway.h"

#include "trading/killswitch.h"
#include "trading/tradingcommands.h"
#include "trading/tradingengine.h"

#include <QAction>
#include <QActionGroup>
#include <QJsonArray>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>

namespace {

const QString kRed = QStringLiteral("#c62828");

QString plain(QString text)
{
    return text.remove(u'&');
}

void nameToolBarWidget(QToolBar *bar, QAction *action)
{
    if (!bar)
        return;
    if (QWidget *w = bar->widgetForAction(action)) {
        w->setObjectName(QStringLiteral("button_") + action->objectName());
        w->setAccessibleName(plain(action->text()));
        w->setAccessibleDescription(action->toolTip());
    }
}

} // namespace

QStringList ServiceControls::serviceNames()
{
    return { QStringLiteral("monitoring"), QStringLiteral("strategy"), QStringLiteral("scalping"),
        QStringLiteral("stoploss"), QStringLiteral("watchlist") };
}

ServiceControls::ServiceControls(CoreGateway *gateway, QMainWindow *window, QMenu *menu, QToolBar *toolBar)
    : QObject(window)
    , m_gateway(gateway)
    , m_window(window)
    , m_confirm([window](const QString &title, const QString &text) {
        return QMessageBox::warning(window, title, text, QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
            == QMessageBox::Yes;
    })
{
    setObjectName(QStringLiteral("serviceControls"));
    struct ServiceText
    {
        QString name;
        QString text;
        QString tip;
    };
    const QList<ServiceText> services {
        { QStringLiteral("monitoring"), tr("Condition &monitoring"),
            tr("Search the enabled conditions (조건식) every period and in realtime; hits become buy signals") },
        { QStringLiteral("strategy"), tr("&Strategy scanner"),
            tr("Run the enabled strategies over the watchlist every period") },
        { QStringLiteral("scalping"), tr("S&calping"), tr("Run the scalping strategy on live quotes") },
        { QStringLiteral("stoploss"), tr("Stop-&loss / take-profit"),
            tr("Check every position against its stop-loss, take-profit and trailing stop") },
        { QStringLiteral("watchlist"), tr("&Watchlist sync"),
            tr("Keep the watchlist in step with the conditions' results") },
    };
    QMenu *servicesMenu = menu ? menu->addMenu(tr("&Services")) : nullptr;
    if (servicesMenu)
        servicesMenu->setObjectName(QStringLiteral("servicesMenu"));
    if (toolBar)
        toolBar->addSeparator();
    int key = Qt::Key_1;
    for (const ServiceText &s : services) {
        auto *a = new QAction(s.text, window);
        a->setObjectName(QStringLiteral("actionService_") + s.name);
        a->setCheckable(true);
        a->setEnabled(false);
        a->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key(key++)));
        a->setToolTip(
            tr("%1 (%2): start or stop").arg(plain(s.text), a->shortcut().toString(QKeySequence::NativeText)));
        a->setStatusTip(s.tip);
        a->setWhatsThis(s.tip);
        const QString name = s.name;
        connect(a, &QAction::triggered, this, [this, name](bool checked) { setServiceRunning(name, checked); });
        m_serviceActions.insert(name, a);
        window->addAction(a); // the shortcut works wherever the focus is
        if (servicesMenu)
            servicesMenu->addAction(a);
        if (toolBar) {
            toolBar->addAction(a);
            nameToolBarWidget(toolBar, a);
        }
    }
    if (servicesMenu) {
        servicesMenu->addSeparator();
        m_startAll = servicesMenu->addAction(tr("Start &all"));
        m_startAll->setObjectName(QStringLiteral("actionServicesStartAll"));
        m_startAll->setStatusTip(tr("Start every service"));
        m_startAll->setEnabled(false);
        connect(m_startAll, &QAction::triggered, this, [this] { setServiceRunning(QStringLiteral("all"), true); });
        m_stopAll = servicesMenu->addAction(tr("St&op all"));
        m_stopAll->setObjectName(QStringLiteral("actionServicesStopAll"));
        m_stopAll->setStatusTip(tr("Stop every service (positions stay; nothing is sold)"));
        m_stopAll->setEnabled(false);
        connect(m_stopAll, &QAction::triggered, this, [this] { setServiceRunning(QStringLiteral("all"), false); });
    }

    // The kill switch.
    struct ModeText
    {
        QString mode;
        QString text;
        QString tip;
        QKeySequence shortcut;
    };
    const QList<ModeText> modes {
        { QStringLiteral("NO_NEW_ENTRIES"), tr("&No new entries"),
            tr("Kill switch: no new buys; exits and open orders go on"),
            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K) },
        { QStringLiteral("REDUCE_ONLY"), tr("&Reduce only"), tr("Kill switch: only orders that reduce positions"),
            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_J) },
        { QStringLiteral("CANCEL_ALL"), tr("&Cancel all orders"),
            tr("Kill switch: cancel every open order and place no new ones (asks first)"),
            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X) },
        { QStringLiteral("FLATTEN_ALL"), tr("&Flatten all positions"),
            tr("Kill switch: cancel every open order and sell every position at market (asks first)"),
            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L) },
    };
    QMenu *killMenu = new QMenu(tr("&Kill switch"), window);
    killMenu->setObjectName(QStringLiteral("killSwitchMenu"));
    killMenu->setAccessibleName(tr("Kill switch"));
    if (menu) {
        menu->addSeparator();
        menu->addMenu(killMenu);
    }
    m_killGroup = new QActionGroup(this);
    m_killGroup->setExclusionPolicy(QActionGroup::ExclusionPolicy::ExclusiveOptional);
    for (const ModeText &m : modes) {
        auto *a = new QAction(m.text, window);
        a->setObjectName(QStringLiteral("actionKillSwitch_") + m.mode);
        a->setCheckable(true);
        a->setEnabled(false);
        a->setShortcut(m.shortcut);
        a->setToolTip(m.tip);
        a->setStatusTip(m.tip);
        a->setWhatsThis(m.tip);
        m_killGroup->addAction(a);
        killMenu->addAction(a);
        window->addAction(a);
        const QString mode = m.mode;
        connect(a, &QAction::triggered, this, [this, mode] { engageKillSwitch(mode); });
        m_killActions.insert(mode, a);
    }
    killMenu->addSeparator();
    m_resume = new QAction(tr("Res&ume trading"), window);
    m_resume->setObjectName(QStringLiteral("actionKillSwitchResume"));
    m_resume->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_resume->setToolTip(tr("Turn the kill switch off: trading as configured again"));
    m_resume->setStatusTip(m_resume->toolTip());
    m_resume->setEnabled(false);
    connect(m_resume, &QAction::triggered, this, &ServiceControls::resume);
    killMenu->addAction(m_resume);
    window->addAction(m_resume);

    if (toolBar) {
        toolBar->addSeparator();
        m_killButton = new QToolButton(toolBar);
        m_killButton->setObjectName(QStringLiteral("killSwitchButton"));
        m_killButton->setText(tr("KILL SWITCH"));
        m_killButton->setAccessibleName(tr("Kill switch"));
        m_killButton->setAccessibleDescription(
            tr("Press: no new entries (Ctrl+Shift+K). The arrow opens the other modes and Resume."));
        m_killButton->setToolTip(m_killButton->accessibleDescription());
        m_killButton->setMenu(killMenu);
        m_killButton->setPopupMode(QToolButton::MenuButtonPopup);
        m_killButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
        m_killButton->setStyleSheet(
            QStringLiteral("QToolButton { background: %1; color: white; font-weight: bold;"
                           " padding: 3px 10px; border: 1px solid #8e0000; border-radius: 3px; }"
                           " QToolButton:disabled { background: #e57373; }")
                .arg(kRed));
        m_killButton->setEnabled(false);
        connect(
            m_killButton, &QToolButton::clicked, this, [this] { engageKillSwitch(QStringLiteral("NO_NEW_ENTRIES")); });
        toolBar->addWidget(m_killButton)->setObjectName(QStringLiteral("actionKillSwitchButton"));
        toolBar->addAction(m_resume);
        nameToolBarWidget(toolBar, m_resume);
    }

    m_killLabel = new QLabel(window);
    m_killLabel->setObjectName(QStringLiteral("killSwitchLabel"));
    m_killLabel->setAccessibleName(tr("Kill switch state"));
    window->statusBar()->addPermanentWidget(m_killLabel);

    if (m_gateway) {
        connect(m_gateway, &CoreGateway::changed, this, [this](const QStringList &topics) {
            if (topics.contains(QStringLiteral("services")) || topics.contains(QStringLiteral("risk"))
                || topics.contains(QStringLiteral("engine")))
                refresh();
        });
        refresh();
    }
}

ServiceControls::~ServiceControls() = default;

void ServiceControls::refresh()
{
    if (!m_gateway)
        return;
    if (!m_refresh) {
        m_refresh = std::make_unique<DockRefresh>([this] {
            m_gateway->readEngine(
                this,
                [](TradingEngine &e) {
                    QJsonObject state = e.commands().serviceStatus();
                    state.insert(QStringLiteral("kill_switch"), e.killSwitch().state().toJson());
                    state.insert(QStringLiteral("ready"), e.isReady());
                    return state;
                },
                QJsonObject(),
                [this](const QJsonObject &state) {
                    apply(state);
                    m_refresh->finished();
                });
        });
    }
    m_refresh->request();
}

void ServiceControls::apply(const QJsonObject &state)
{
    const bool ready = state.value(QStringLiteral("ready")).toBool();
    m_running.clear();
    for (const QJsonValue &v : state.value(QStringLiteral("services")).toArray()) {
        const QJsonObject s = v.toObject();
        m_running.insert(s.value(QStringLiteral("name")).toString(), s.value(QStringLiteral("running")).toBool());
    }
    for (auto it = m_serviceActions.cbegin(); it != m_serviceActions.cend(); ++it) {
        it.value()->setEnabled(ready && m_running.contains(it.key()));
        it.value()->setChecked(m_running.value(it.key()));
    }
    if (m_startAll)
        m_startAll->setEnabled(ready);
    if (m_stopAll)
        m_stopAll->setEnabled(ready);

    const bool known = state.contains(QStringLiteral("kill_switch"));
    const QJsonObject ks = state.value(QStringLiteral("kill_switch")).toObject();
    m_mode = known ? ks.value(QStringLiteral("mode")).toString() : QString();
    for (auto it = m_killActions.cbegin(); it != m_killActions.cend(); ++it) {
        it.value()->setEnabled(known);
        it.value()->setChecked(it.key() == m_mode);
    }
    m_resume->setEnabled(known && m_mode != u"OFF");
    if (m_killButton)
        m_killButton->setEnabled(known);

    if (!known) {
        m_killLabel->setText(tr("Kill switch: —"));
        m_killLabel->setStyleSheet(QString());
        m_killLabel->setToolTip(tr("Not connected to the trading engine yet"));
    } else if (m_mode == u"OFF") {
        m_killLabel->setText(tr("Kill switch: off"));
        m_killLabel->setStyleSheet(QString());
        m_killLabel->setToolTip(tr("Trading as configured"));
    } else {
        QString text = m_mode;
        for (auto it = m_killActions.cbegin(); it != m_killActions.cend(); ++it) {
            if (it.key() == m_mode)
                text = plain(it.value()->text());
        }
        m_killLabel->setText(tr("KILL SWITCH: %1").arg(text));
        m_killLabel->setStyleSheet(
            QStringLiteral("color: white; background: %1; font-weight: bold; padding: 0 6px;").arg(kRed));
        const QString reason = ks.value(QStringLiteral("reason")).toString();
        const QString actor = ks.value(QStringLiteral("actor")).toString();
        m_killLabel->setToolTip(tr("Engaged by %1: %2").arg(actor, reason));
    }
    m_killLabel->setAccessibleDescription(m_killLabel->toolTip());
    if (m_killButton)
        m_killButton->setText(known && m_mode != u"OFF" ? tr("KILL SWITCH ON") : tr("KILL SWITCH"));
    emit refreshed();
}

void ServiceControls::setServiceRunning(const QString &name, bool running)
{
    if (!m_gateway)
        return;
    m_gateway->command(
        this,
        [name, running](TradingCommands &c) {
            return running ? c.startService(name, CoreGateway::actor()) : c.stopService(name, CoreGateway::actor());
        },
        [this, name, running](const Result<QJsonObject> &r) {
            if (!r)
                showMessage(r.error().message);
            else
                showMessage(running ? tr("Started: %1").arg(name) : tr("Stopped: %1").arg(name));
            emit commandAnswered(r.ok(), r ? QString() : r.error().message);
            refresh();
        });
}

void ServiceControls::engageKillSwitch(const QString &mode)
{
    const auto parsed = Trading::killSwitchModeFromText(mode);
    if (!m_gateway || !parsed || *parsed == Trading::KillSwitchMode::Off) {
        refresh();
        return;
    }
    if (*parsed == Trading::KillSwitchMode::CancelAll || *parsed == Trading::KillSwitchMode::FlattenAll) {
        const bool flatten = *parsed == Trading::KillSwitchMode::FlattenAll;
        const QString text = flatten ? tr("Cancel every open order and sell every position at the market price now?\n"
                                          "No new orders are placed until you resume.")
                                     : tr("Cancel every open order now?\nNo new orders are placed until you resume.");
        if (!m_confirm(flatten ? tr("Flatten all positions") : tr("Cancel all orders"), text)) {
            refresh(); // the action goes back to the core's state
            return;
        }
    }
    const Trading::KillSwitchMode m = *parsed;
    const QString reason = tr("engaged from the desktop");
    m_gateway->command(
        this, [m, reason](TradingCommands &c) { return c.engageKillSwitch(m, reason, CoreGateway::actor()); },
        [this](const Result<QJsonObject> &r) {
            showMessage(r ? tr("Kill switch engaged.") : r.error().message);
            emit commandAnswered(r.ok(), r ? QString() : r.error().message);
            refresh();
        });
}

void ServiceControls::resume()
{
    if (!m_gateway)
        return;
    m_gateway->command(
        this, [](TradingCommands &c) { return c.resume(CoreGateway::actor()); },
        [this](const Result<QJsonObject> &r) {
            showMessage(r ? tr("Kill switch off: trading resumed.") : r.error().message);
            emit commandAnswered(r.ok(), r ? QString() : r.error().message);
            refresh();
        });
}

void ServiceControls::showMessage(const QString &text)
{
    if (m_window && m_window->statusBar())
        m_window->statusBar()->showMessage(text, 8000);
}
