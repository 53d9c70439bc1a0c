// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventfeed.h"

#include "accountstate.h"
#include "killswitch.h"
#include "orderevents.h"
#include "ordermanager.h"
#include "positionkeeper.h"
#include "signalmanager.h"
#include "tradingcommands.h"
#include "tradingengine.h"

#include "common/activitylog.h"
#include "services/conditionmonitor.h"
#include "services/quotebook.h"
#include "services/servicecontroller.h"
#include "storage/recordjson.h"
#include "storage/signalrepository.h"

#include <QDateTime>
#include <QMetaEnum>

namespace {
const QString kOrders = QStringLiteral("orders");
const QString kPositions = QStringLiteral("positions");
const QString kSignals = QStringLiteral("signals");
const QString kAccount = QStringLiteral("account");
const QString kRisk = QStringLiteral("risk");
} // namespace

EventFeed::EventFeed(QObject *parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(250);
    connect(&m_timer, &QTimer::timeout, this, &EventFeed::flush);
}

EventFeed::~EventFeed() = default;

void EventFeed::setThrottleMs(int ms)
{
    m_timer.setInterval(std::max(0, ms));
}

void EventFeed::touch(const QStringList &topics)
{
    if (topics.isEmpty())
        return;
    for (const QString &t : topics)
        m_dirty.insert(t);
    if (!m_timer.isActive())
        m_timer.start();
}

void EventFeed::publish(const QString &type, const QJsonObject &data, const QStringList &topics)
{
    emit event(QJsonObject { { QStringLiteral("seq"), ++m_seq }, { QStringLiteral("type"), type },
        { QStringLiteral("time"), QDateTime::currentMSecsSinceEpoch() }, { QStringLiteral("data"), data } });
    touch(topics);
}

void EventFeed::flush()
{
    if (m_dirty.isEmpty())
        return;
    QStringList topics(m_dirty.begin(), m_dirty.end());
    topics.sort();
    m_dirty.clear();
    emit changed(topics);
}

void EventFeed::attachEngine(TradingEngine *engine)
{
    for (const auto &c : std::as_const(m_engineConnections))
        disconnect(c);
    m_engineConnections.clear();
    if (!engine)
        return;
    auto &c = m_engineConnections;

    OrderEvents *events = &engine->orderEvents();
    c << connect(events, &OrderEvents::orderUpdated, this, [this](const Storage::OrderRecord &order) {
        publish(QStringLiteral("order"), Storage::toJson(order), { kOrders, kAccount, kRisk });
    });
    c << connect(events, &OrderEvents::executionRecorded, this,
        [this](const Storage::OrderRecord &order, const Storage::ExecutionRecord &execution) {
            publish(QStringLiteral("fill"),
                QJsonObject { { QStringLiteral("order"), Storage::toJson(order) },
                    { QStringLiteral("execution"), Storage::toJson(execution) } },
                { kOrders, kPositions, kAccount });
        });

    PositionKeeper *keeper = &engine->positions();
    c << connect(keeper, &PositionKeeper::positionChanged, this, [this](const Storage::PositionRecord &p) {
        publish(QStringLiteral("position"), Storage::toJson(p), { kPositions, kAccount });
    });
    c << connect(keeper, &PositionKeeper::positionClosed, this, [this](const Storage::PositionRecord &p) {
        publish(QStringLiteral("position_closed"), Storage::toJson(p), { kPositions, kAccount, kRisk });
    });

    c << connect(
        &engine->signalManager(), &SignalManager::signalCreated, this, [this](Storage::SignalKind kind, qint64 id) {
            publish(QStringLiteral("signal"),
                QJsonObject {
                    { QStringLiteral("kind"),
                        kind == Storage::SignalKind::PendingBuy ? QStringLiteral("buy") : QStringLiteral("strategy") },
                    { QStringLiteral("id"), id } },
                { kSignals });
        });
    c << connect(&engine->orders(), &OrderManager::intentRefused, this,
        [this](const Trading::OrderIntent &intent, const Trading::RiskVerdict &verdict) {
            publish(QStringLiteral("risk_refusal"),
                QJsonObject { { QStringLiteral("code"), intent.code },
                    { QStringLiteral("side"),
                        intent.side == Side::Buy ? QStringLiteral("BUY") : QStringLiteral("SELL") },
                    { QStringLiteral("quantity"), intent.quantity }, { QStringLiteral("rule"), verdict.rule },
                    { QStringLiteral("message"), verdict.message }, { QStringLiteral("numbers"), verdict.numbers } },
                { kSignals, kRisk });
        });
    c << connect(&engine->killSwitch(), &KillSwitch::modeChanged, this,
        [this](Trading::KillSwitchMode mode, const QString &reason, const QString &actor) {
            publish(QStringLiteral("kill_switch"),
                QJsonObject { { QStringLiteral("mode"), Trading::killSwitchModeText(mode) },
                    { QStringLiteral("reason"), reason }, { QStringLiteral("actor"), actor } },
                { kRisk });
        });
    c << connect(
        &engine->services(), &ServiceController::serviceStateChanged, this, [this](const QString &name, bool running) {
            publish(QStringLiteral("service"),
                QJsonObject { { QStringLiteral("name"), name }, { QStringLiteral("running"), running } },
                { QStringLiteral("services") });
        });
    c << connect(engine, &TradingEngine::stateChanged, this, [this](TradingEngine::State state, const QString &detail) {
        publish(QStringLiteral("engine"),
            QJsonObject { { QStringLiteral("state"),
                              QString::fromLatin1(QMetaEnum::fromType<TradingEngine::State>().valueToKey(int(state))) },
                { QStringLiteral("detail"), detail } },
            { QStringLiteral("engine"), QStringLiteral("services"), kRisk });
    });
    c << connect(&engine->commands(), &TradingCommands::commandExecuted, this,
        [this](const QString &verb, const QString &actor, bool ok, const QString &message) {
            // A command may change any configuration view; they are cheap to re-read.
            publish(QStringLiteral("command"),
                QJsonObject { { QStringLiteral("verb"), verb }, { QStringLiteral("actor"), actor },
                    { QStringLiteral("ok"), ok }, { QStringLiteral("message"), message } },
                { QStringLiteral("conditions"), QStringLiteral("strategies"), QStringLiteral("watchlist"),
                    QStringLiteral("settings"), QStringLiteral("services"), kRisk, kOrders, kSignals });
        });
    c << connect(&engine->account(), &AccountState::changed, this, [this] { touch({ kAccount }); });
    c << connect(&engine->conditionMonitor(), &ConditionMonitor::runFinished, this, [this] {
        touch({ QStringLiteral("conditions"), kSignals });
    });
    c << connect(&engine->conditionMonitor(), &ConditionMonitor::realtimeHitHandled, this, [this] {
        touch({ QStringLiteral("conditions"), kSignals });
    });
    touch({ QStringLiteral("engine"), QStringLiteral("services"), kOrders, kPositions, kSignals, kAccount, kRisk,
        QStringLiteral("conditions"), QStringLiteral("strategies"), QStringLiteral("watchlist"),
        QStringLiteral("settings") });
}

void EventFeed::attachQuotes(QuoteBook *quotes)
{
    for (const auto &c : std::as_const(m_quoteConnections))
        disconnect(c);
    m_quoteConnections.clear();
    if (quotes)
        m_quoteConnections << connect(
            quotes, &QuoteBook::quotesUpdated, this, [this] { touch({ QStringLiteral("quotes") }); });
}

void EventFeed::attachActivity(ActivityLog *activity)
{
    for (const auto &c : std::as_const(m_activityConnections))
        disconnect(c);
    m_activityConnections.clear();
    if (activity)
        m_activityConnections << connect(
            activity, &ActivityLog::entryAdded, this, [this] { touch({ QStringLiteral("log") }); });
}
