// SPDX-License-Identifier: GPL-3.0-or-later
#include "accountbar.h"

#include "coregateway.h"
#include "docktable.h"
#include "jsontablemodel.h"

#include "kiwoom/kiwoomsession.h"
#include "trading/accountstate.h"
#include "trading/tradingengine.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMetaEnum>
#include <QTimer>

namespace {

// Core thread: one snapshot of everything the bar shows.
QJsonObject readFigures(TradingCore &core)
{
    const QMetaEnum states = QMetaEnum::fromType<TradingCore::BrokerState>();
    QJsonObject o { { QStringLiteral("mode"), core.mode() },
        { QStringLiteral("broker"),
            QJsonObject { { QStringLiteral("state"), QString::fromLatin1(states.valueToKey(int(core.brokerState()))) },
                { QStringLiteral("detail"), core.brokerDetail() } } },
        { QStringLiteral("recorder"), core.recorderStatus() } };
    if (TradingEngine *engine = core.engine()) {
        const QJsonObject status = engine->status();
        o.insert(QStringLiteral("engine"), status);
        o.insert(QStringLiteral("account"), status.value(QStringLiteral("account")));
    }
    if (KiwoomSession *session = core.session()) {
        const RateLimiter::Budget b = session->limiter().budget();
        o.insert(QStringLiteral("budget"),
            QJsonObject { { QStringLiteral("query_quota"), b.queryQuota },
                { QStringLiteral("queries_in_window"), b.queriesInWindow },
                { QStringLiteral("order_quota"), b.orderQuota },
                { QStringLiteral("orders_in_window"), b.ordersInWindow }, { QStringLiteral("queued"), b.queued },
                { QStringLiteral("in_flight"), b.inFlight },
                { QStringLiteral("paused_ms"), qMax(b.queryPausedForMs, b.orderPausedForMs) },
                { QStringLiteral("rate_limited"), qint64(b.rateLimitedReplies) } });
    }
    return o;
}

QString money(const QJsonValue &v, bool sign = false)
{
    if (!v.isDouble())
        return QStringLiteral("—");
    return JsonTableModel::format(v, sign ? JsonTableModel::Kind::SignedInteger : JsonTableModel::Kind::Integer);
}

} // namespace

AccountBar::AccountBar(CoreGateway *gateway, QWidget *parent) : QToolBar(tr("Account"), parent), m_gateway(gateway)
{
    setObjectName(QStringLiteral("accountBar"));
    setAccessibleName(tr("Account bar"));
    setAccessibleDescription(tr("Mode, connection, cash, evaluation, today's P&L and the request budget"));
    setMovable(true);

    m_mode = new QLabel(this);
    m_mode->setObjectName(QStringLiteral("accountModeBadge"));
    m_mode->setAccessibleName(tr("Trading mode"));
    m_mode->setContentsMargins(6, 0, 6, 0);
    addWidget(m_mode);
    m_rec = new QLabel(tr("REC"), this);
    m_rec->setObjectName(QStringLiteral("accountRecording"));
    m_rec->setAccessibleName(tr("Recording market data"));
    m_rec->setStyleSheet(QStringLiteral(
        "QLabel { color: white; background: #c62828; font-weight: bold; padding: 2px 6px; border-radius: 3px; }"));
    m_recAction = addWidget(m_rec);
    m_recAction->setVisible(false);
    m_connection = addField(QStringLiteral("accountConnection"), QString(), tr("Broker connection"),
        tr("The broker connection (REST and realtime)"));
    m_reconcile = addField(QStringLiteral("accountReconcile"), QString(), tr("Reconciliation"),
        tr("Whether orders and positions agree with the broker's"));
    addSeparator();
    m_deposit
        = addField(QStringLiteral("accountDeposit"), tr("Deposit"), tr("Deposit"), tr("Cash in the account (예수금)"));
    m_orderable = addField(QStringLiteral("accountOrderable"), tr("Orderable"), tr("Orderable cash"),
        tr("주문가능금액: the broker's figure minus what was committed since"));
    m_evaluation = addField(QStringLiteral("accountEvaluation"), tr("Evaluation"), tr("Total evaluation"),
        tr("The positions at their last prices"));
    m_realized = addField(QStringLiteral("accountRealized"), tr("Realized today"), tr("Today's realized P&L"),
        tr("Completed sells of the trading day, after fees and tax"));
    addSeparator();
    m_budget = addField(QStringLiteral("accountBudget"), tr("Requests"), tr("Rate-limit budget"),
        tr("REST requests in the current one-second window against the quota, and requests waiting"));

    m_refresh = std::make_unique<DockRefresh>([this] {
        m_gateway->read(this, readFigures, [this](const QJsonObject &figures) {
            showFigures(figures);
            m_refresh->finished();
            emit refreshed();
        });
    });
    m_timer = new QTimer(this);
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (isVisible())
            refresh();
    });
    showFigures(QJsonObject());
    if (m_gateway) {
        connect(m_gateway, &CoreGateway::changed, this, [this](const QStringList &topics) {
            static const QStringList mine { QStringLiteral("account"), QStringLiteral("positions"),
                QStringLiteral("orders"), QStringLiteral("engine"), QStringLiteral("broker"), QStringLiteral("risk"),
                QStringLiteral("recorder"), QStringLiteral("settings") };
            for (const QString &t : topics) {
                if (mine.contains(t)) {
                    refresh();
                    return;
                }
            }
        });
        connect(m_gateway, &CoreGateway::brokerStateChanged, this, &AccountBar::refresh);
        m_timer->start();
        refresh();
    }
}

AccountBar::~AccountBar() = default;

QLabel *AccountBar::addField(
    const QString &objectName, const QString &caption, const QString &accessibleName, const QString &toolTip)
{
    auto *box = new QWidget(this);
    box->setObjectName(objectName + QStringLiteral("Box"));
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(6, 0, 6, 0);
    layout->setSpacing(4);
    if (!caption.isEmpty()) {
        auto *c = new QLabel(caption, box);
        c->setObjectName(objectName + QStringLiteral("Caption"));
        c->setEnabled(false); // dimmed caption
        layout->addWidget(c);
    }
    auto *value = new QLabel(box);
    value->setObjectName(objectName);
    value->setAccessibleName(accessibleName);
    value->setToolTip(toolTip);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(value);
    addWidget(box);
    return value;
}

QString AccountBar::modeText() const
{
    return m_mode->text();
}

void AccountBar::refresh()
{
    if (m_gateway)
        m_refresh->request();
}

void AccountBar::showFigures(const QJsonObject &figures)
{
    m_figures = figures;
    const QString mode = figures.value(QStringLiteral("mode")).toString();
    if (mode == u"live") {
        m_mode->setText(tr("LIVE"));
        m_mode->setToolTip(tr("Live trading: orders use real money"));
        m_mode->setStyleSheet(
            QStringLiteral("QLabel { color: white; background: #c62828; font-weight: bold; padding: 2px 8px; }"));
    } else if (mode == u"mock") {
        m_mode->setText(tr("MOCK"));
        m_mode->setToolTip(tr("Kiwoom mock trading (모의투자)"));
        m_mode->setStyleSheet(
            QStringLiteral("QLabel { color: black; background: #ffb300; font-weight: bold; padding: 2px 8px; }"));
    } else if (mode == u"paper") {
        m_mode->setText(tr("PAPER"));
        m_mode->setToolTip(tr("Paper trading: Kiwoom's quotes, orders filled by a local simulated account"));
        m_mode->setStyleSheet(
            QStringLiteral("QLabel { color: white; background: #1565c0; font-weight: bold; padding: 2px 8px; }"));
    } else if (mode == u"demo") {
        m_mode->setText(tr("DEMO"));
        m_mode->setToolTip(tr("Demo: the built-in simulator, no broker"));
        m_mode->setStyleSheet(
            QStringLiteral("QLabel { color: white; background: #2e7d32; font-weight: bold; padding: 2px 8px; }"));
    } else {
        m_mode->setText(mode.isEmpty() ? QStringLiteral("—") : mode.toUpper());
        m_mode->setStyleSheet({});
    }
    m_mode->setAccessibleDescription(m_mode->toolTip());

    // REC while the market recorder writes.
    const QJsonObject recorder = figures.value(QStringLiteral("recorder")).toObject();
    const bool recording = recorder.value(QStringLiteral("recording")).toBool();
    m_recAction->setVisible(recording);
    if (recording) {
        const QString file = recorder.value(QStringLiteral("file")).toString();
        const qint64 bytes = qint64(recorder.value(QStringLiteral("bytes_written")).toDouble());
        m_rec->setToolTip(file.isEmpty()
                ? tr("Recording market data into %1").arg(recorder.value(QStringLiteral("directory")).toString())
                : tr("Recording market data: %1 (%2 written)").arg(file, QLocale().formattedDataSize(bytes)));
        m_rec->setAccessibleDescription(m_rec->toolTip());
    }

    const QJsonObject broker = figures.value(QStringLiteral("broker")).toObject();
    const QString state = broker.value(QStringLiteral("state")).toString();
    QString connection = tr("Disconnected");
    if (state == u"Starting")
        connection = tr("Connecting…");
    else if (state == u"Ready")
        connection = tr("Connected");
    else if (state == u"Degraded")
        connection = tr("Realtime reconnecting");
    else if (state == u"Failed")
        connection = tr("Connection failed");
    m_connection->setText(connection);
    m_connection->setToolTip(broker.value(QStringLiteral("detail")).toString());
    m_connection->setStyleSheet(
        state == u"Ready" ? QString() : QStringLiteral("QLabel { color: #c62828; font-weight: bold; }"));

    const QJsonObject engine = figures.value(QStringLiteral("engine")).toObject();
    if (engine.isEmpty()) {
        m_reconcile->setText(tr("Engine not started"));
        m_reconcile->setStyleSheet({});
    } else if (engine.value(QStringLiteral("reconciled")).toBool()) {
        const QString kill = engine.value(QStringLiteral("kill_switch")).toString();
        m_reconcile->setText(
            kill.isEmpty() || kill == u"OFF" ? tr("Reconciled") : tr("Reconciled · kill switch %1").arg(kill));
        m_reconcile->setStyleSheet(kill.isEmpty() || kill == u"OFF"
                ? QString()
                : QStringLiteral("QLabel { color: #c62828; font-weight: bold; }"));
    } else {
        const QString error = engine.value(QStringLiteral("reconcile_error")).toString();
        m_reconcile->setText(error.isEmpty() ? tr("Reconciling…") : tr("Not reconciled: %1").arg(error));
        m_reconcile->setStyleSheet(QStringLiteral("QLabel { color: #c62828; }"));
    }

    const QJsonObject account = figures.value(QStringLiteral("account")).toObject();
    const bool known = account.value(QStringLiteral("known")).toBool();
    m_deposit->setText(known ? money(account.value(QStringLiteral("deposit"))) : QStringLiteral("—"));
    m_orderable->setText(known ? money(account.value(QStringLiteral("orderable"))) : QStringLiteral("—"));
    m_evaluation->setText(money(account.value(QStringLiteral("evaluation"))));
    const QJsonValue realized = account.value(QStringLiteral("realized_today"));
    m_realized->setText(money(realized, true));
    const double r = realized.toDouble();
    m_realized->setStyleSheet(r > 0 ? QStringLiteral("QLabel { color: #c62828; }")
            : r < 0                 ? QStringLiteral("QLabel { color: #1565c0; }")
                                    : QString());

    const QJsonObject budget = figures.value(QStringLiteral("budget")).toObject();
    if (budget.isEmpty()) {
        m_budget->setText(QStringLiteral("—"));
    } else {
        QString text = tr("queries %1/%2 · orders %3/%4 · queued %5")
                           .arg(budget.value(QStringLiteral("queries_in_window")).toInt())
                           .arg(budget.value(QStringLiteral("query_quota")).toInt())
                           .arg(budget.value(QStringLiteral("orders_in_window")).toInt())
                           .arg(budget.value(QStringLiteral("order_quota")).toInt())
                           .arg(budget.value(QStringLiteral("queued")).toInt());
        const qint64 paused = qint64(budget.value(QStringLiteral("paused_ms")).toDouble());
        if (paused > 0)
            text += tr(" · paused %1 s").arg(QLocale().toString(double(paused) / 1000.0, 'f', 1));
        m_budget->setText(text);
        m_budget->setStyleSheet(paused > 0 ? QStringLiteral("QLabel { color: #c62828; }") : QString());
    }
}
