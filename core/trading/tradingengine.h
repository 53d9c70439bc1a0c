// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "riskguard.h"
#include "tradingtypes.h"

#include "common/result.h"
#include "storage/records.h"

#include <QJsonObject>
#include <QObject>
#include <QStringList>

#include <memory>

class AccountState;
class ActivityLog;
class BuyOrderExecutor;
class CandleCache;
class CleanupScheduler;
class ConditionMonitor;
class Database;
class DecisionLedger;
class IClock;
class InstrumentCache;
class MarketPulse;
class KillSwitch;
class KiwoomBrokerApi;
class KiwoomSession;
class OrderEvents;
class OrderManager;
class PositionKeeper;
class QuoteBook;
class Reconciler;
class ScalpingService;
class ServiceController;
class Settings;
class SignalManager;
class StopLossManager;
class StrategyScanner;
class TradingCommands;
class WatchlistSync;

// TradingEngine is the trading half of the composition root: it builds the engine's components
// over one broker session and wires them (DESIGN.md "Data flow"):
//   0B ticks → StopLossManager (exits at once), AccountState, InstrumentCache, scalping
//   00 notices → OrderManager → PositionKeeper (positions from fills) → OrderEvents
//   condition hits / timed services → SignalManager (dedupe, ledger) → BuyOrderExecutor
//     → OrderManager (risk guard in front of every order) → broker
//   lost replies, unreadable notices, WebSocket re-logins → Reconciler
//   KillSwitch → cancel all / flatten
//
// Fail closed: start() reconciles with the broker first; until that succeeds the engine is not
// ready, the risk guard refuses every order and no service starts. Then every position's stops are
// armed, the buy executor starts, and the services the settings or the command line ask for.
// stop() stops the services, waits (bounded) for order requests on the wire, records any still
// unanswered as UNKNOWN, and leaves the session to the caller.
// Threading: the core's thread; everything it owns lives there.
class TradingEngine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TradingEngine)

public:
    struct Deps
    {
        Database *database = nullptr;
        Settings *settings = nullptr;
        ActivityLog *activity = nullptr;
        KiwoomSession *session = nullptr;
        QuoteBook *quotes = nullptr;
        const IClock *marketClock = nullptr; // trading dates, sessions
        QString mode; // demo | mock | live
        // How many times faster than the wall clock the market runs (the demo simulator's speed):
        // the timed services' periods are market time. 1 = real time.
        double marketSpeed = 1.0;
        // Lockstep runs (replay backtests): the services' periods and the engine's sweeps follow
        // this pulse's market time instead of the wall clock (MarketTimer). nullptr = wall clock.
        MarketPulse *pulse = nullptr;
    };

    enum class State
    {
        Stopped,
        Reconciling, // waiting for the first reconciliation: no order may be placed
        Ready, // trading
        Stopping,
    };
    Q_ENUM(State)

    explicit TradingEngine(const Deps &deps, QObject *parent = nullptr);
    ~TradingEngine() override;

    // Services to start once ready (in addition to the autostart settings), and conditions to
    // enable once listed ("all" or names): the command line's --start / --enable-conditions.
    void setStartupRequests(const QStringList &services, const QStringList &conditions);

    void start();
    // Bounded by waitMs for requests on the wire.
    void stop(int waitMs = 10000);

    State state() const { return m_state; }
    bool isReady() const { return m_state == State::Ready; }
    // {"state", "reconciled", "kill_switch", "blocked_stocks", "orders_in_flight", "armed", ...}
    QJsonObject status() const;

    TradingCommands &commands() { return *m_commands; }
    OrderManager &orders() { return *m_orders; }
    OrderEvents &orderEvents() { return *m_events; }
    PositionKeeper &positions() { return *m_keeper; }
    StopLossManager &stops() { return *m_stops; }
    Reconciler &reconciler() { return *m_reconciler; }
    AccountState &account() { return *m_account; }
    KillSwitch &killSwitch() { return *m_killSwitch; }
    SignalManager &signalManager() { return *m_signals; }
    DecisionLedger &ledger() { return *m_ledger; }
    BuyOrderExecutor &buyExecutor() { return *m_executor; }
    ServiceController &services() { return *m_services; }
    ConditionMonitor &conditionMonitor() { return *m_conditionMonitor; }
    WatchlistSync &watchlistSync() { return *m_watchlistSync; }
    InstrumentCache &instruments() { return *m_instruments; }
    // Daily and minute candles, stored or fetched (ka10081/ka10080): the services', the charts' and
    // the Backtest window's one cache.
    CandleCache &candles() { return *m_candles; }
    KiwoomBrokerApi &api() { return *m_api; }

    // The automated-trading settings in force (auto_trade_settings, Settings as its defaults).
    Trading::TradingSettings tradingSettings() const { return m_tradingSettings; }
    // Re-reads them (after TradingCommands saved a change).
    void reloadTradingSettings();
    // The protection a new position of `origin` bought at `buyPrice` gets.
    Storage::Protection protectionFor(Storage::Origin origin, qint64 buyPrice, qint64 buyTimeMs) const;
    bool isDatabaseBusy() const { return m_databaseBusy; }

    static QString actor() { return QStringLiteral("engine"); }

signals:
    void stateChanged(TradingEngine::State state, const QString &detail);

private:
    void build();
    void wire();
    void configure();
    void onReconciled(bool first);
    void becomeReady();
    void listConditionsThenStart();
    void applyStartupRequests();
    void setState(State state, const QString &detail);
    Trading::RiskVerdict checkRisk(const Trading::OrderIntent &intent) const;
    void log(int level, const QString &source, const QString &message);

    Deps m_deps;
    State m_state = State::Stopped;
    Trading::RiskLimits m_limits;
    Trading::TradingSettings m_tradingSettings;
    bool m_databaseBusy = false;
    QStringList m_startServices;
    QStringList m_enableConditions;
    bool m_conditionsApplied = false;

    std::unique_ptr<KiwoomBrokerApi> m_api;
    std::unique_ptr<OrderEvents> m_events;
    std::unique_ptr<PositionKeeper> m_keeper;
    std::unique_ptr<OrderManager> m_orders;
    std::unique_ptr<AccountState> m_account;
    std::unique_ptr<Reconciler> m_reconciler;
    std::unique_ptr<InstrumentCache> m_instruments;
    std::unique_ptr<KillSwitch> m_killSwitch;
    std::unique_ptr<RiskGuard> m_risk;
    std::unique_ptr<StopLossManager> m_stops;
    std::unique_ptr<DecisionLedger> m_ledger;
    std::unique_ptr<SignalManager> m_signals;
    std::unique_ptr<BuyOrderExecutor> m_executor;
    std::unique_ptr<CandleCache> m_candles;
    std::unique_ptr<ConditionMonitor> m_conditionMonitor;
    std::unique_ptr<StrategyScanner> m_scanner;
    std::unique_ptr<ScalpingService> m_scalping;
    std::unique_ptr<WatchlistSync> m_watchlistSync;
    std::unique_ptr<CleanupScheduler> m_cleanup;
    std::unique_ptr<ServiceController> m_services;
    std::unique_ptr<TradingCommands> m_commands;
};
