// SPDX-License-Identifier: GPL-3.0-or-later
#include "tradingengine.h"

#include "accountstate.h"
#include "buyorderexecutor.h"
#include "decisionledger.h"
#include "instrumentcache.h"
#include "killswitch.h"
#include "kiwoombrokerapi.h"
#include "orderevents.h"
#include "ordermanager.h"
#include "positionkeeper.h"
#include "reconciler.h"
#include "riskguard.h"
#include "signalmanager.h"
#include "stoplossmanager.h"
#include "tradingcommands.h"

#include "common/activitylog.h"
#include "common/clock.h"
#include "common/logging.h"
#include "common/settings.h"
#include "kiwoom/kiwoomsession.h"
#include "market/candlecache.h"
#include "market/krx.h"
#include "services/cleanupscheduler.h"
#include "services/conditionmonitor.h"
#include "services/quotebook.h"
#include "services/scalpingservice.h"
#include "services/servicecontroller.h"
#include "services/strategyscanner.h"
#include "services/watchlistsync.h"
#include "storage/autotradesettingsrepository.h"
#include "storage/conditionrepository.h"
#include "storage/database.h"
#include "storage/orderrepository.h"
#include "storage/positionrepository.h"
#include "storage/strategyrepository.h"
#include "strategy/scalpingstrategy.h"
#include "strategy/strategyregistry.h"

#include <QLocale>

#include <cmath>

using namespace Storage;

namespace {

constexpr auto ACCOUNT_GROUP = "0"; // REG group of the account types 00 / 04

QString won(qint64 v)
{
    return QLocale::c().toString(v);
}

} // namespace

TradingEngine::TradingEngine(const Deps &deps, QObject *parent) : QObject(parent), m_deps(deps)
{
    Q_ASSERT(deps.database && deps.settings && deps.activity && deps.session && deps.quotes && deps.marketClock);
    build();
    wire();
    configure();
}

TradingEngine::~TradingEngine()
{
    if (m_state != State::Stopped)
        stop(0);
}

void TradingEngine::setStartupRequests(const QStringList &services, const QStringList &conditions)
{
    m_startServices = services;
    m_enableConditions = conditions;
}

void TradingEngine::setState(State state, const QString &detail)
{
    if (state == m_state)
        return;
    m_state = state;
    qCInfo(lcTrading).noquote() << "engine" << QVariant::fromValue(state).toString() << detail;
    emit stateChanged(state, detail);
}

void TradingEngine::log(int level, const QString &source, const QString &message)
{
    m_deps.activity->add(ActivityLog::Level(level), source, message);
}

Trading::RiskVerdict TradingEngine::checkRisk(const Trading::OrderIntent &intent) const
{
    Trading::RiskContext c;
    c.nowMs = m_deps.marketClock->nowMs();
    c.killSwitch = m_killSwitch->mode();
    c.reconciled = m_reconciler->isReconciled();
    c.stockBlocked = m_orders->isStockBlocked(intent.code);
    c.instrument = m_instruments->get(intent.code);
    PositionRepository positions(*m_deps.database);
    if (intent.side == Side::Sell) {
        // The exit path's hot path: only what a sell can be refused by (no account-wide totals).
        auto live = positions.findActiveByCode(intent.code);
        if (live && *live) {
            qint64 sellable = live->value().quantity;
            for (const OrderRecord &o : m_orders->openOrders()) {
                if (o.action == OrderAction::Place && o.side == Side::Sell && o.stockCode == intent.code)
                    sellable -= o.remainingQuantity();
            }
            c.sellableQuantity = std::max<qint64>(0, sellable);
            c.holdsStock = true;
        }
        return m_risk->check(intent, c, m_limits);
    }
    c.orderableCash = m_account->orderableCash();
    QSet<QString> slots = m_orders->stocksWithOpenBuys();
    if (auto live = positions.listActive()) {
        for (const PositionRecord &p : live.value())
            slots.insert(p.stockCode);
    }
    c.holdsStock = slots.contains(intent.code);
    c.openPositions = int(slots.size());
    if (auto totals = OrderRepository(*m_deps.database).totalsForDate(Krx::tradingDateString(c.nowMs))) {
        c.buyFilledToday = totals->buyFilledAmount;
        c.buyOpenAmount = totals->buyOpenAmount;
    } else {
        // Unknown totals: refuse rather than guess (the daily amount rule would be blind).
        return Trading::RiskVerdict::refuse(QStringLiteral("risk.daily_buy_amount"),
            tr("Today's bought amount cannot be read (%1); no buy until it can.").arg(totals.error().message));
    }
    c.realizedToday = m_account->realizedToday();
    c.unrealized = m_account->unrealized();
    return m_risk->check(intent, c, m_limits);
}

void TradingEngine::start()
{
    if (m_state != State::Stopped)
        return;
    setState(State::Reconciling, tr("Reconciling with the broker"));
    if (Status st = m_orders->start(); !st) {
        log(int(ActivityLog::Level::Error), QStringLiteral("orders"),
            tr("The order journal could not be read, so nothing will trade: %1").arg(st.error().message));
        return;
    }
    // Order and fill notices, balance updates: the account's realtime types.
    m_deps.session->realtime().subscribe(QString::fromLatin1(ACCOUNT_GROUP), { QString() },
        { QStringLiteral("00"), QStringLiteral("04") });
    if (auto armed = m_stops->load(); !armed)
        qCWarning(lcTrading).noquote() << "positions not armed yet:" << armed.error().message;
    m_reconciler->request(QStringLiteral("start-up"));
}

void TradingEngine::onReconciled(bool first)
{
    if (auto armed = m_stops->load(); !armed)
        qCWarning(lcTrading).noquote() << "positions not re-armed:" << armed.error().message;
    const Reconciler::Report &r = m_reconciler->lastReport();
    for (const QString &note : r.notes)
        log(int(ActivityLog::Level::Warning), QStringLiteral("reconcile"), note);
    if (first) {
        log(int(ActivityLog::Level::Info), QStringLiteral("reconcile"),
            tr("Reconciled with the broker: %1 holdings, %2 open orders checked, orderable cash %3 KRW.")
                .arg(r.holdings)
                .arg(r.orders.checked)
                .arg(won(r.orderableCash)));
        becomeReady();
    }
}

void TradingEngine::stop(int waitMs)
{
    if (m_state == State::Stopped)
        return;
    setState(State::Stopping, tr("Stopping"));
    m_services->stopAll();
    m_executor->stop();
    m_stops->stop();
    m_reconciler->stop();
    m_orders->shutdown(waitMs);
    setState(State::Stopped, QString());
}

QJsonObject TradingEngine::status() const
{
    QJsonObject o;
    o.insert(QStringLiteral("state"), QVariant::fromValue(m_state).toString());
    o.insert(QStringLiteral("reconciled"), m_reconciler->isReconciled());
    o.insert(QStringLiteral("reconcile_error"), m_reconciler->lastError());
    o.insert(QStringLiteral("kill_switch"), Trading::killSwitchModeText(m_killSwitch->mode()));
    o.insert(QStringLiteral("blocked_stocks"), QJsonArray::fromStringList(m_orders->blockedStocks()));
    o.insert(QStringLiteral("orders_in_flight"), m_orders->requestsInFlight());
    o.insert(QStringLiteral("open_orders"), int(m_orders->openOrders().size()));
    o.insert(QStringLiteral("armed_positions"), m_stops->armedCount());
    o.insert(QStringLiteral("account"), m_account->summary());
    return o;
}
