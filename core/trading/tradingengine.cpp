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
#include "storage/auditlog.h"
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
    connect(m_deps.settings, &Settings::changed, this, [this](const QString &key) {
        if (key.startsWith(u"risk/") || key.startsWith(u"trading/") || key.startsWith(u"services/stopLoss"))
            configure();
    });
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
    QSet<QString> taken = m_orders->stocksWithOpenBuys();
    if (auto live = positions.listActive()) {
        for (const PositionRecord &p : live.value())
            taken.insert(p.stockCode);
    }
    c.holdsStock = taken.contains(intent.code);
    c.openPositions = int(taken.size());
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
    m_deps.session->realtime().subscribe(
        QString::fromLatin1(ACCOUNT_GROUP), { QString() }, { QStringLiteral("00"), QStringLiteral("04") });
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

void TradingEngine::build()
{
    Database &db = *m_deps.database;
    Settings &settings = *m_deps.settings;
    const IClock &market = *m_deps.marketClock;
    KiwoomSession &session = *m_deps.session;
    ActivityLog *activity = m_deps.activity;

    m_api = std::make_unique<KiwoomBrokerApi>(session.rest(), session.conditions());
    m_events = std::make_unique<OrderEvents>();
    m_keeper = std::make_unique<PositionKeeper>(db, market);
    m_orders = std::make_unique<OrderManager>(db, *m_api, *m_events, *m_keeper, market);
    m_account = std::make_unique<AccountState>(db, *m_orders, market);
    m_reconciler = std::make_unique<Reconciler>(db, *m_api, *m_orders, *m_keeper, *m_account);
    m_instruments = std::make_unique<InstrumentCache>(*m_api, market);
    m_killSwitch = std::make_unique<KillSwitch>(db);
    m_risk = std::make_unique<RiskGuard>();
    m_stops = std::make_unique<StopLossManager>(db, *m_orders, *m_keeper, *m_api, market);
    m_ledger = std::make_unique<DecisionLedger>(db, market);
    m_signals = std::make_unique<SignalManager>(db, market, *m_ledger);
    m_executor = std::make_unique<BuyOrderExecutor>(db, market, *m_orders, *m_events, *m_ledger, m_api.get());
    m_candles = std::make_unique<CandleCache>(*m_api, db, market);
    m_conditionMonitor
        = std::make_unique<ConditionMonitor>(*m_api, *m_candles, db, *m_signals, settings, market, activity);
    m_scanner = std::make_unique<StrategyScanner>(*m_candles, db, *m_signals, settings, market, activity);
    QuoteBook *quotes = m_deps.quotes;
    m_scalping = std::make_unique<ScalpingService>(
        *m_api, db, *m_signals, settings, market, [quotes](const QString &code) { return quotes->quote(code); },
        activity);
    m_watchlistSync = std::make_unique<WatchlistSync>(*m_api, db, settings, market, activity);
    CleanupScheduler::Maintenance maintenance;
    maintenance.backup = [&db](const QString &date) -> Status {
        auto r = db.backupDaily(QDate::fromString(date, Qt::ISODate));
        if (!r)
            return r.error();
        return {};
    };
    maintenance.pruneAudit = [&db](qint64 beforeMs) { return AuditLog(db).pruneBefore(beforeMs); };
    m_cleanup = std::make_unique<CleanupScheduler>(db, settings, market, maintenance, activity);
    m_services = std::make_unique<ServiceController>(settings);
    for (IService *s : std::initializer_list<IService *> { m_conditionMonitor.get(), m_scanner.get(), m_scalping.get(),
             m_stops.get(), m_watchlistSync.get(), m_cleanup.get() }) {
        if (Status st = m_services->add(*s); !st)
            qCCritical(lcTrading).noquote() << "service not registered:" << st.error().message;
    }
    m_commands = std::make_unique<TradingCommands>(*this, db, settings);
    for (TimedService *s : std::initializer_list<TimedService *> {
             m_conditionMonitor.get(), m_scanner.get(), m_scalping.get(), m_watchlistSync.get(), m_cleanup.get() })
        s->setMarketSpeed(m_deps.marketSpeed);
    if (m_deps.pulse) {
        for (TimedService *s : std::initializer_list<TimedService *> {
                 m_conditionMonitor.get(), m_scanner.get(), m_scalping.get(), m_watchlistSync.get(), m_cleanup.get() })
            s->setPulse(m_deps.pulse);
        m_stops->setPulse(m_deps.pulse);
        m_orders->setPulse(m_deps.pulse);
        m_executor->setPulse(m_deps.pulse);
    }
}

void TradingEngine::reloadTradingSettings()
{
    // The seed's auto_trade_settings row is the truth; Settings' trading/* keys are its defaults
    // until the first save (a fresh database).
    const Settings &settings = *m_deps.settings;
    Trading::TradingSettings t;
    t.autoTradeEnabled = settings.autoTradeEnabled();
    t.maxInvestAmount = settings.maxInvestAmount();
    t.stopLossRate = settings.stopLossRate();
    t.takeProfitRate = settings.takeProfitRate();
    if (auto row = AutoTradeSettingsRepository(*m_deps.database).load(); row && *row) {
        t.autoTradeEnabled = row->value().enabled;
        t.maxInvestAmount = row->value().maxInvestAmount;
        t.stopLossRate = row->value().stopLossRate;
        t.takeProfitRate = row->value().takeProfitRate;
    }
    t.trailingStopRate = settings.trailingStopRate();
    m_tradingSettings = t;
}

Storage::Protection TradingEngine::protectionFor(Origin origin, qint64 buyPrice, qint64 buyTimeMs) const
{
    // Scalping positions follow the scalping strategy's own exits; the rest the trading settings.
    Protection p;
    double stop = m_tradingSettings.stopLossRate;
    double take = m_tradingSettings.takeProfitRate;
    std::optional<double> trailing;
    if (m_tradingSettings.trailingStopRate > 0)
        trailing = m_tradingSettings.trailingStopRate;
    if (origin == Origin::Scalping) {
        if (auto strategies = StrategyRepository(*m_deps.database).listEnabled()) {
            for (const TradingStrategyRecord &s : strategies.value()) {
                if (s.strategyType != Strategies::ScalpingStrategy::typeName())
                    continue;
                auto created = Strategies::StrategyRegistry::create(s.strategyType, s.parameters);
                if (!created)
                    continue;
                if (auto rules = created.value()->exitRules()) {
                    stop = rules->stopLossPct;
                    take = rules->takeProfitPct;
                    trailing.reset();
                    if (rules->maxHoldingMs > 0 && buyTimeMs > 0)
                        p.exitDeadlineMs = buyTimeMs + rules->maxHoldingMs;
                }
                break;
            }
        }
    }
    if (stop > 0) {
        p.stopLossRate = stop;
        p.stopLossPrice = StopLossManager::priceBelow(buyPrice, stop);
    }
    if (take > 0) {
        p.takeProfitRate = take;
        p.takeProfitPrice = StopLossManager::priceAbove(buyPrice, take);
    }
    p.trailingStopRate = trailing;
    return p;
}

void TradingEngine::wire()
{
    KiwoomSession &session = *m_deps.session;
    QuoteBook *quotes = m_deps.quotes;

    m_orders->setRiskCheck([this](const Trading::OrderIntent &intent) { return checkRisk(intent); });
    m_orders->setUpperLimitLookup([this](const QString &code) -> qint64 {
        auto info = m_instruments->get(code);
        return info ? info->upperLimit : 0;
    });
    m_api->setStockInfoObserver([this](const Kiwoom::StockInfo &info) { m_instruments->remember(info); });
    m_keeper->setProtectionPolicy([this](Origin origin, qint64 buyPrice, qint64 buyTimeMs) {
        return protectionFor(origin, buyPrice, buyTimeMs);
    });
    m_stops->setTradingGate(
        [this] { return m_reconciler->isReconciled() && Krx::acceptsRegularOrders(m_deps.marketClock->nowMs()); });
    m_executor->setQuoteSource([this, quotes](const QString &code) -> std::optional<Quote> {
        // Only with today's limits known: otherwise the executor asks ka10001, which fills the
        // instrument cache the risk guard needs.
        if (!m_instruments->get(code))
            return std::nullopt;
        return quotes->quote(code);
    });
    m_executor->setKillSwitchSource([this] { return m_killSwitch->mode(); });
    m_executor->setConfigSource([this] {
        BuyExecutorConfig c = BuyExecutorConfig::fromSettings(*m_deps.settings);
        c.autoTradeEnabled = m_tradingSettings.autoTradeEnabled;
        c.maxInvestAmount = m_tradingSettings.maxInvestAmount;
        return c;
    });

    // Broker → engine.
    connect(&session.realtime(), &RealtimeClient::orderExecutionReceived, m_orders.get(), &OrderManager::onExecution);
    connect(&session.conditions(), &ConditionSearch::conditionHitReceived, m_conditionMonitor.get(),
        &ConditionMonitor::onConditionHit);
    // A frame that could not be read at all may have been a fill notice: ask the broker. (The
    // reconciler merges back-to-back requests, so a burst of bad frames costs one round.)
    connect(&session.realtime(), &RealtimeClient::malformedFrameReceived, this, [this](const QString &) {
        if (m_state != State::Stopped && !m_orders->openOrders().isEmpty())
            m_reconciler->request(QStringLiteral("unreadable realtime frame"));
    });
    connect(&session.realtime(), &RealtimeClient::loggedIn, this, [this](bool reconnected) {
        if (reconnected && m_state != State::Stopped)
            m_reconciler->request(QStringLiteral("WebSocket logged in again"));
    });
    connect(quotes, &QuoteBook::tickReceived, this, [this](const Quote &q) {
        m_account->setPrice(q.code, q.price);
        m_instruments->updatePrice(q);
        m_stops->onTick(q);
    });

    // Engine internals.
    connect(m_orders.get(), &OrderManager::reconcileRequested, m_reconciler.get(), &Reconciler::request);
    connect(m_reconciler.get(), &Reconciler::finished, this,
        [this](const Reconciler::Report &, bool first) { onReconciled(first); });
    connect(m_reconciler.get(), &Reconciler::failed, this, [this](const QString &message) {
        if (!m_reconciler->isReconciled())
            log(int(ActivityLog::Level::Error), QStringLiteral("reconcile"),
                tr("Not reconciled with the broker yet, so nothing trades: %1").arg(message));
    });
    connect(m_signals.get(), &SignalManager::signalCreated, m_executor.get(), &BuyOrderExecutor::onSignalCreated);
    connect(m_signals.get(), &SignalManager::exitRequested, m_stops.get(), &StopLossManager::onExitRequested);
    connect(m_killSwitch.get(), &KillSwitch::cancelAllRequested, this,
        [this] { m_orders->cancelAll(QStringLiteral("risk.kill_switch")); });
    connect(m_killSwitch.get(), &KillSwitch::flattenRequested, this,
        [this] { m_stops->flattenAll(QStringLiteral("risk.kill_switch")); });
    connect(m_killSwitch.get(), &KillSwitch::modeChanged, this,
        [this](Trading::KillSwitchMode mode, const QString &reason, const QString &actor) {
            log(int(mode == Trading::KillSwitchMode::Off ? ActivityLog::Level::Info : ActivityLog::Level::Warning),
                QStringLiteral("risk"),
                tr("Kill switch %1 by %2: %3").arg(Trading::killSwitchModeText(mode), actor, reason));
        });
    connect(m_stops.get(), &StopLossManager::armedCodesChanged, quotes,
        [quotes](const QStringList &codes) { quotes->watch(QStringLiteral("positions"), codes); });
    connect(m_watchlistSync.get(), &WatchlistSync::watchlistChanged, quotes,
        [quotes](const QStringList &codes) { quotes->watch(QStringLiteral("watchlist"), codes); });
    connect(m_cleanup.get(), &CleanupScheduler::dayRolled, this, [this](const QString &date) {
        log(int(ActivityLog::Level::Info), QStringLiteral("cleanup"), tr("New trading day %1.").arg(date));
        m_reconciler->request(QStringLiteral("new trading day"));
    });
    m_deps.database->setHealthObserver([this](bool busy, const QString &detail) {
        if (busy == m_databaseBusy)
            return;
        m_databaseBusy = busy;
        log(int(busy ? ActivityLog::Level::Error : ActivityLog::Level::Info), QStringLiteral("storage"),
            busy ? tr("Database busy: another program holds a write lock (%1). Orders that cannot be written are not "
                      "sent; fills are taken from the broker once it is free.")
                       .arg(detail)
                 : tr("Database writable again."));
        if (!busy)
            m_reconciler->request(QStringLiteral("database writable again"));
    });

    // What a trader reads in the log.
    connect(
        m_events.get(), &OrderEvents::executionRecorded, this, [this](const OrderRecord &o, const ExecutionRecord &x) {
            log(int(ActivityLog::Level::Trade), QStringLiteral("orders"),
                tr("%1 %2 %3: %4 shares at %5 KRW filled (order %6, %7/%8).")
                    .arg(o.side == Side::Buy ? tr("Bought") : tr("Sold"), o.stockCode, o.stockName)
                    .arg(x.quantity)
                    .arg(won(x.price), o.brokerOrderNo)
                    .arg(o.filledQuantity)
                    .arg(o.quantity));
        });
    connect(m_events.get(), &OrderEvents::orderRejected, this, [this](const OrderRecord &o, const KiwoomError &e) {
        log(int(ActivityLog::Level::Warning), QStringLiteral("orders"),
            tr("%1 order for %2 refused: %3")
                .arg(o.side == Side::Buy ? tr("Buy") : tr("Sell"), o.stockCode, e.message));
    });
    connect(
        m_events.get(), &OrderEvents::orderOutcomeUnknown, this, [this](const OrderRecord &o, const KiwoomError &e) {
            log(int(ActivityLog::Level::Warning), QStringLiteral("orders"),
                tr("The reply to the %1 order for %2 was lost (%3); asking the broker before anything else trades %2.")
                    .arg(o.side == Side::Buy ? tr("buy") : tr("sell"), o.stockCode, e.message));
        });
    connect(m_orders.get(), &OrderManager::intentRefused, this,
        [this](const Trading::OrderIntent &intent, const Trading::RiskVerdict &v) {
            log(int(ActivityLog::Level::Info), QStringLiteral("risk"),
                tr("%1 %2 not placed: %3")
                    .arg(intent.side == Side::Buy ? tr("Buy") : tr("Sell"), intent.code, v.message));
        });
    connect(m_stops.get(), &StopLossManager::exitSent, this,
        [this](const PositionRecord &p, SellReason reason, qint64, const QString &detail, qint64) {
            log(int(ActivityLog::Level::Trade), QStringLiteral("stop-loss"),
                tr("Selling %1 %2 (%3 shares): %4 — %5")
                    .arg(p.stockCode, p.stockName)
                    .arg(p.quantity)
                    .arg(enumText(reason), detail));
        });
    connect(
        m_keeper.get(), &PositionKeeper::sellSettled, this, [this](const SellOrderRecord &s, const PositionRecord &p) {
            if (s.status != SellOrderStatus::Completed)
                return;
            log(int(ActivityLog::Level::Trade), QStringLiteral("positions"),
                tr("Sold %1 %2: %3 shares at %4 KRW, P&L %5 KRW (%6).")
                    .arg(p.stockCode, p.stockName)
                    .arg(s.sellQuantity)
                    .arg(won(s.sellPrice.value_or(0)), won(s.profitLoss.value_or(0)), enumText(s.sellReason)));
        });
    connect(m_signals.get(), &SignalManager::signalCreated, this, [this](Storage::SignalKind kind, qint64 id) {
        auto signal = SignalRepository(*m_deps.database).find(kind, id);
        if (!signal || !*signal)
            return;
        log(int(ActivityLog::Level::Info), QStringLiteral("signals"),
            tr("Buy signal %1 %2 (%3).")
                .arg(signal->value().stockCode(), signal->value().stockName(),
                    kind == Storage::SignalKind::PendingBuy ? tr("condition") : tr("strategy")));
    });
}

void TradingEngine::configure()
{
    reloadTradingSettings();
    m_limits = Trading::RiskLimits::fromSettings(*m_deps.settings);
    m_account->setFeeRatePercent(m_deps.settings->feeRate());
    OrderManager::Config oc;
    oc.cancelUnfilledBuyAfterSec = m_deps.settings->cancelUnfilledBuyAfterSec();
    m_orders->setConfig(oc);
    StopLossManager::Config sc;
    sc.sweepIntervalMs
        = std::max(1000, int(m_deps.settings->stopLossIntervalSec() * 1000 / std::max(1.0, m_deps.marketSpeed)));
    m_stops->setConfig(sc);
    m_reconciler->setAdoptExternalProtected(m_deps.settings->protectExternalPositions());
}

void TradingEngine::becomeReady()
{
    if (Status loaded = m_killSwitch->load(); !loaded)
        log(int(ActivityLog::Level::Error), QStringLiteral("risk"),
            tr("The kill switch state could not be read; new entries stay stopped: %1").arg(loaded.error().message));
    m_killSwitch->requestActions(); // a CancelAll / FlattenAll that was on before the restart acts again
    m_executor->start();
    setState(State::Ready, tr("Trading"));
    m_watchlistSync->refreshWatchlist();
    listConditionsThenStart();
}

void TradingEngine::listConditionsThenStart()
{
    // The conditions (조건식) are known once listed: store them, so --enable-conditions and the
    // settings can name them, then start the services.
    m_api->listConditions(this, [this](const KiwoomResult<QList<Kiwoom::ConditionInfo>> &r) {
        if (m_state != State::Ready)
            return;
        if (r) {
            ConditionRepository conditions(*m_deps.database);
            for (const Kiwoom::ConditionInfo &c : r.value()) {
                if (auto stored = conditions.upsert(c.name, c.seq, actor()); !stored)
                    qCWarning(lcTrading).noquote() << "condition" << c.name << "not stored:" << stored.error().message;
            }
            log(int(ActivityLog::Level::Info), QStringLiteral("condition"),
                tr("%n condition search(es) available.", nullptr, int(r->size())));
        } else {
            log(int(ActivityLog::Level::Warning), QStringLiteral("condition"),
                tr("The condition list could not be read: %1").arg(r.error().describe()));
        }
        applyStartupRequests();
        m_services->startAutostart();
    });
}

void TradingEngine::applyStartupRequests()
{
    if (!m_enableConditions.isEmpty()) {
        // Conditions are known once listed: the monitor upserts them on its first run; enabling
        // them here covers conditions already stored, the monitor's next run the rest.
        for (const QString &c : std::as_const(m_enableConditions)) {
            auto r = m_commands->setConditionEnabled(c, true, QStringLiteral("cli"));
            if (!r)
                qCInfo(lcTrading).noquote() << "--enable-conditions" << c << ":" << r.error().message;
        }
    }
    for (const QString &name : std::as_const(m_startServices)) {
        auto r = m_commands->startService(name, QStringLiteral("cli"));
        if (!r)
            log(int(ActivityLog::Level::Error), QStringLiteral("services"),
                tr("--start %1: %2").arg(name, r.error().message));
    }
}
