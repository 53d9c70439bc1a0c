// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tradingtypes.h"

#include "common/result.h"
#include "kiwoom/kiwoomerror.h"
#include "market/quote.h"
#include "storage/orderrepository.h"
#include "storage/positionrepository.h"
#include "storage/records.h"
#include "storage/signalrepository.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>

#include <functional>
#include <optional>

class Database;
class DecisionLedger;
class IClock;
class IMarketApi;
class IOrderSubmitter;
class OrderEvents;
class MarketPulse;
class MarketTimer;
class Settings;

// What the buy executor reads from the settings on every decision (so a change applies to the next
// signal). Plain value; fromSettings() is the app's source, tests build it by hand.
struct BuyExecutorConfig
{
    bool autoTradeEnabled = true; // trading/autoTradeEnabled: automatic signals are bought (manual/API always)
    qint64 maxInvestAmount = 1'000'000; // trading/maxInvestAmount: KRW per automatic buy
    Trading::OrderType orderType = Trading::OrderType::Limit; // trading/buyOrderType
    int retryDelaySec = 30; // services/buyRetryDelaySec
    int maxRetries = 3; // services/buyMaxRetries
    int sweepIntervalSec = 5; // services/buySweepIntervalSec

    static BuyExecutorConfig fromSettings(const Settings &settings);
    bool operator==(const BuyExecutorConfig &) const = default;
};

// BuyOrderExecutor: turns a PENDING buy signal (pending_buy_signals: condition hits, manual and API
// buys; strategy_signals: strategy and scalping buys) into at most one working buy order, and
// follows that order to the signal's end. It exists so every automatic or manual buy takes the same
// checked path: valid → priced → sized → IOrderSubmitter (the risk guard) → outcome.
//
// The path of one signal (each step writes its DecisionLedger line; see decisionledger.h):
//   PENDING → PROCESSING (compare-and-set: the immediate path and the sweep never both act) →
//   checks: today's trading date by the market clock (older: EXPIRED), auto-trading on (automatic
//   signals), the kill switch allows entries (BLOCKED risk.kill_switch), not held (automatic
//   signals; a user may add to a position), no open buy for the stock (IOrderSubmitter::hasOpenOrder)
//   → SKIPPED with the reason when one fails;
//   price: the quote source (today's last Quote), else IMarketApi::stockInfo (ka10001);
//   order: reference-candle signals (a target price) a limit at min(target, best ask) snapped down;
//   others a limit at the best ask (or last price) snapped up, or a market order
//   (BuyExecutorConfig::orderType); manual/API buys as requested (quantity, amount, order type,
//   limit price); quantity = floor(maxInvest or amount / price), 0 → SKIPPED (ZERO_QUANTITY);
//   IOrderSubmitter::submit(): refused by a risk rule → SKIPPED (BLOCKED, NO_CASH for risk.cash);
//   stored and sent → ORDERED (with the order id).
// The order's fate (OrderEvents; mapped back through OrderRecord.origin + originSignalId, and only
// the signal's newest order counts): a definite transient refusal (RateLimited, Transport) →
// PENDING again after retryDelaySec (RETRY) up to maxRetries, then FAILED; any other rejection →
// FAILED (REJECTED, the broker's message), never retried; FILLED → COMPLETED (FILLED); CANCELLED with
// fills → COMPLETED (PARTIAL), without → CANCELLED; outcome unknown → stays ORDERED (UNKNOWN): a
// signal never gets a second order while one may be working.
// Recovery (start() and every sweep): a PROCESSING signal this executor is not working on (a crash,
// a failed status write) goes back to PENDING when no order exists for it, or to ORDERED with its
// order (settled at once if that order already ended); ORDERED signals whose order ended while
// nobody listened are settled from the orders table. Unfilled limit buys are cancelled by the
// OrderManager after its timeout, not here.
//
// Thread: the core's thread. runOnce() does one sweep synchronously (tests call it with a
// ManualClock); the price fallback completes later on the same thread.
class BuyOrderExecutor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BuyOrderExecutor)

public:
    static constexpr const char *ACTOR = "service.buy_executor";

    // The latest quote of a stock (the quote book), or nothing.
    using QuoteSource = std::function<std::optional<Quote>(const QString &code)>;
    // The kill switch's current mode.
    using KillSwitchSource = std::function<Trading::KillSwitchMode()>;
    using ConfigSource = std::function<BuyExecutorConfig()>;

    // market may be null (no price fallback: a signal without a quote is retried later).
    BuyOrderExecutor(Database &db, const IClock &marketClock, IOrderSubmitter &orders, OrderEvents &events,
        DecisionLedger &ledger, IMarketApi *market, QObject *parent = nullptr);
    ~BuyOrderExecutor() override;

    void setQuoteSource(QuoteSource source);
    void setKillSwitchSource(KillSwitchSource source); // none: Off (the risk guard still checks it)
    void setConfigSource(ConfigSource source); // none: BuyExecutorConfig {}
    void setConfig(const BuyExecutorConfig &config); // a fixed configuration
    // Lockstep runs: the sweep follows the pulse's market time (MarketTimer).
    void setPulse(MarketPulse *pulse);

    // start(): recovery and a sweep now, then a sweep every sweepIntervalSec; new signals are acted
    // on at once while running. stop(): no new work (signals already PROCESSING finish).
    void start();
    void stop();
    bool isRunning() const { return m_running; }

    // One sweep: recovery, expiry of PENDING signals of earlier trading dates, then every
    // actionable PENDING signal of both kinds (next attempt due), oldest first.
    void runOnce();
    // Crash recovery of PROCESSING signals and settlement of ORDERED signals whose order ended.
    // Returns how many signals it changed.
    int recover();
    // Acts on one signal now (what signalCreated leads to; queued while running). Does nothing
    // for a signal that is not PENDING, not due, not a buy, or already being worked on.
    void process(Storage::SignalKind kind, qint64 id);

    // Connected to SignalManager::signalCreated: queued, acted on in the next event-loop turn.
    void onSignalCreated(Storage::SignalKind kind, qint64 id);

    // The origin an order for the signal carries (Condition/Manual/Api, Strategy/Scalping).
    static Storage::Origin originOf(Storage::SignalKind kind, const QString &source);

private:
    using Key = QPair<int, qint64>; // (SignalKind, id)

    // A signal as the executor sees it, from either table.
    struct Work
    {
        Storage::SignalKind kind = Storage::SignalKind::PendingBuy;
        qint64 id = 0;
        QString code;
        QString name;
        QString source;
        QString signalType;
        QString detectedDate;
        Storage::SignalStatus status = Storage::SignalStatus::Pending;
        bool buy = true;
        bool manual = false;
        Storage::Origin origin = Storage::Origin::Condition;
        std::optional<qint64> targetPrice;
        int retryCount = 0;
        std::optional<qint64> nextAttemptMs;
        std::optional<qint64> requestedQuantity;
        std::optional<qint64> requestedAmount;
        std::optional<Trading::OrderType> orderType;
    };
    struct Plan
    {
        Trading::OrderType type = Trading::OrderType::Limit;
        qint64 price = 0; // limit price on the tick; 0 for market
        qint64 quantity = 0;
        QJsonObject data; // the numbers behind it, for the ledger
    };
    enum class EventKind
    {
        Rejected,
        Finished,
        Unknown,
    };
    struct Event
    {
        EventKind kind = EventKind::Finished;
        Storage::OrderRecord order;
        KiwoomError error;
    };

    static Key keyOf(Storage::SignalKind kind, qint64 id) { return { int(kind), id }; }
    static Key keyOf(const Work &w) { return keyOf(w.kind, w.id); }
    static std::optional<Key> keyOf(const Storage::OrderRecord &order);

    static Work workOf(const Storage::PendingBuySignalRecord &row);
    static Work workOf(const Storage::StrategySignalRecord &row);
    BuyExecutorConfig config() const;
    Result<std::optional<Work>> load(Storage::SignalKind kind, qint64 id) const;
    Result<QList<Work>> listByStatus(Storage::SignalKind kind, Storage::SignalStatus status) const;
    Result<QList<qint64>> actionable(Storage::SignalKind kind, const QString &tradingDate, qint64 nowMs) const;
    Status setStatus(const Work &w, Storage::SignalStatus expected, Storage::SignalStatus next, const QString &reason);
    // The newest order placed for a signal (none: nothing was placed), or a storage error.
    Result<std::optional<Storage::OrderRecord>> newestOrder(Storage::Origin origin, qint64 signalId) const;

    void drainQueue();
    void expire(const Work &w);
    void expireStale(const QString &today);
    int repairProcessing();
    int settleOrdered(qint64 rejectedGraceMs);

    // The checks that may end a PROCESSING signal before it is priced or sent; true = go on.
    bool passesChecks(const Work &w, const BuyExecutorConfig &config);
    void fetchPrice(const Work &w);
    void priced(const Work &w, const Quote &quote, bool recheck);
    std::optional<Plan> plan(
        const Work &w, const Quote &quote, const BuyExecutorConfig &config, QString *why, QJsonObject *whyData) const;
    void submit(const Work &w, const Plan &plan);

    // PROCESSING or ORDERED → SKIPPED / FAILED / COMPLETED / CANCELLED with its ledger line.
    void end(const Work &w, Storage::SignalStatus from, Storage::SignalStatus to, Storage::Decision decision,
        const QString &message, const QString &rule = QString(), const QJsonObject &data = {},
        std::optional<qint64> orderId = std::nullopt);
    // A definite, transient failure: PENDING again after the delay, or FAILED past the maximum.
    void retryLater(const Work &w, Storage::SignalStatus from, const QString &why, const QJsonObject &data,
        std::optional<qint64> orderId = std::nullopt);
    void release(const Work &w); // no longer being worked on; replays events that waited for it

    void onOrderRejected(const Storage::OrderRecord &order, const KiwoomError &error);
    void onOrderFinished(const Storage::OrderRecord &order);
    void onOrderOutcomeUnknown(const Storage::OrderRecord &order, const KiwoomError &error);
    void handle(const Event &event);
    // The ORDERED signal of an order, if the order is its newest one.
    std::optional<Work> orderedSignalOf(const Storage::OrderRecord &order) const;
    // FILLED / CANCELLED / REJECTED order of an ORDERED signal → the signal's end.
    void settleFinished(const Work &w, const Storage::OrderRecord &order);

    void record(const Work &w, Storage::Decision decision, const QString &message, const QString &rule = QString(),
        QJsonObject data = {}, std::optional<qint64> orderId = std::nullopt);

    Database &m_db;
    const IClock &m_clock;
    IOrderSubmitter &m_orders;
    DecisionLedger &m_ledger;
    IMarketApi *m_market = nullptr;
    SignalRepository m_signals;
    PositionRepository m_positions;
    OrderRepository m_orderRepository;
    QuoteSource m_quoteSource;
    KillSwitchSource m_killSwitch;
    ConfigSource m_config;
    MarketTimer *m_timer = nullptr;
    bool m_running = false;
    bool m_drainScheduled = false;
    QList<Key> m_queue;
    // Signals this executor moved to PROCESSING and is still working on (price on its way, or the
    // order being submitted), with the events that arrived for them meanwhile.
    QHash<Key, QList<Event>> m_working;
};
