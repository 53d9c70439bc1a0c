// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringView>
#include <QtGlobal>

#include "common/side.h"

#include <optional>

// Value types of the SQLite store: one struct per row kind, enums (Q_ENUM_NS) for every column
// whose values are a closed set. The strings that reach SQL are the ones the schema's CHECK constraints list, so a
// value can only be written through these enums. They live in namespace Storage because trading/,
// kiwoom/ and sim/ have their own order and position types; these are the persisted ones.
//
// Conventions (as in the schema): money is integer KRW, rates are percent as double, times are
// UTC epoch milliseconds, detected_date/trading_date is the Asia/Seoul trading date "YYYY-MM-DD".
// A 0 id means "not stored yet".
namespace Storage {
Q_NAMESPACE

// Status of a buy signal (pending_buy_signals) and of a strategy signal (strategy_signals):
//   PENDING    → PROCESSING (the buy executor claims it, compare-and-set), EXPIRED (midnight
//                cleanup), SKIPPED, CANCELLED
//   PROCESSING → ORDERED (its order was stored and sent), PENDING (a definite transient refusal:
//                retry later, see SignalRepository::scheduleRetry; or crash recovery), FAILED,
//                SKIPPED (deliberately not acted on: risk guard, kill switch, already holding —
//                status_reason says why), CANCELLED
//   ORDERED    → COMPLETED | FAILED | CANCELLED as its order ends; PENDING only when the order was
//                definitely refused before acceptance (rate limit, busy) and may be retried.
// Terminal: COMPLETED, FAILED, CANCELLED, EXPIRED, SKIPPED.
enum class SignalStatus
{
    Pending,
    Processing,
    Ordered,
    Completed,
    Failed,
    Cancelled,
    Expired,
    Skipped,
};
Q_ENUM_NS(SignalStatus)

// positions.status. OPEN: held and protected by stop-loss/take-profit; SELLING: a sell order is in
// flight (at most one, see sell_orders); CLOSED: nothing left (terminal). SELLING → OPEN happens when
// the sell failed or filled only partly.
enum class PositionStatus
{
    Open,
    Selling,
    Closed,
};
Q_ENUM_NS(PositionStatus)

// sell_orders.status. PENDING → ORDERED → COMPLETED | FAILED | CANCELLED; PENDING → FAILED | CANCELLED.
enum class SellOrderStatus
{
    Pending,
    Ordered,
    Completed,
    Failed,
    Cancelled,
};
Q_ENUM_NS(SellOrderStatus)

enum class SellReason
{
    StopLoss, // 손절
    TakeProfit, // 익절
    TrailingStop, // 추적 손절
    Strategy, // a strategy's sell signal
    Manual, // the user (UI or control API)
    Risk, // kill switch / flatten / forced exit before the close
};
Q_ENUM_NS(SellReason)

// watchlist_stocks.source_type. MANUAL is sticky: a condition never deactivates a stock the user added.
enum class WatchlistSource
{
    Manual,
    Condition,
};
Q_ENUM_NS(WatchlistSource)

// condition_watchlist_sync.sync_status: the stock currently matches the condition (ACTIVE), left it
// (REMOVED), or could not be added to the watchlist (FAILED).
enum class SyncStatus
{
    Active,
    Removed,
    Failed,
};
Q_ENUM_NS(SyncStatus)

// What an orders row asks the broker: a new order (kt10000/kt10001), a modify (kt10002) or a cancel
// (kt10003) of orig_order_id. Modify and cancel get their own broker order number.
enum class OrderAction
{
    Place,
    Modify,
    Cancel,
};
Q_ENUM_NS(OrderAction)

// The order state machine of DESIGN.md "Orders are money". See canTransition(); the database
// enforces the same table with a trigger, so no code path can move an order backwards.
enum class OrderState
{
    New, // written before the request leaves; never sent yet (or the app died before marking SENT)
    Sent, // the request is on the wire, no reply yet
    Accepted, // the broker gave it an order number (접수)
    Partial, // some quantity filled
    Filled, // all quantity filled (terminal)
    Rejected, // refused by the broker or locally before sending (terminal)
    Cancelled, // cancelled; a filled part stays in filled_quantity (terminal)
    Unknown, // the reply was lost: ask the broker before doing anything else
};
Q_ENUM_NS(OrderState)

// Who wanted an order or opened a position.
enum class Origin
{
    Condition, // condition search (조건검색) hit → reference-candle buy
    Strategy, // indicator strategy scan
    Scalping, // scalping strategy
    StopLoss, // 손절
    TakeProfit, // 익절
    TrailingStop, // 추적 손절
    Manual, // the user in the UI
    Api, // the local control API
    Risk, // kill switch / flatten
    Reconcile, // created while reconciling with the broker
    External, // bought outside this app (HTS/MTS) and adopted at reconciliation
};
Q_ENUM_NS(Origin)

// signal_decisions.signal_kind: which kind of signal a decision-ledger line is about.
enum class DecisionKind
{
    PendingBuy, // pending_buy_signals (condition hits, manual and API buys)
    Strategy, // strategy_signals (strategies, scalping)
    Exit, // a sell decision of a held position (stop-loss, take-profit, strategy sell, ...)
    Manual, // a user's order without a stored signal
};
Q_ENUM_NS(DecisionKind)

// signal_decisions.decision: what happened to a signal at one step, and why (rule/message/data).
enum class Decision
{
    Created, // stored as a new signal
    Deduped, // the same signal was already stored today: nothing new
    Skipped, // deliberately not traded (already held, expired, settings)
    Blocked, // refused by a risk rule or the kill switch (rule says which)
    NoCash, // not enough orderable cash
    ZeroQuantity, // the amount buys less than one share
    Ordered, // an order was stored and sent
    Rejected, // the broker refused the order (message is the broker's)
    Retry, // a definite transient refusal: tried again later
    Failed, // gave up (retries exhausted, an error)
    Filled, // the order filled completely
    Partial, // the order filled in part
    Expired, // the signal expired unacted (midnight)
    Cancelled, // the signal or its order was cancelled
    Unknown, // the order's outcome is unknown until reconciliation
};
Q_ENUM_NS(Decision)

QString enumText(SignalStatus value);
QString enumText(PositionStatus value);
QString enumText(SellOrderStatus value);
QString enumText(SellReason value);
QString enumText(WatchlistSource value);
QString enumText(SyncStatus value);
QString enumText(Side value);
QString enumText(OrderAction value);
QString enumText(OrderState value);
QString enumText(Origin value);
QString enumText(DecisionKind value);
QString enumText(Decision value);

// enumText(E) is the string stored in SQL (and shown by the control API); enumFromText<E>(text) is
// its exact inverse, std::nullopt for anything else. (Not named toString: in namespace Storage that
// name would hijack QTest's argument-dependent toString() for QCOMPARE on these enums.)
template<typename E> std::optional<E> enumFromText(QStringView text);
template<> std::optional<SignalStatus> enumFromText<SignalStatus>(QStringView text);
template<> std::optional<PositionStatus> enumFromText<PositionStatus>(QStringView text);
template<> std::optional<SellOrderStatus> enumFromText<SellOrderStatus>(QStringView text);
template<> std::optional<SellReason> enumFromText<SellReason>(QStringView text);
template<> std::optional<WatchlistSource> enumFromText<WatchlistSource>(QStringView text);
template<> std::optional<SyncStatus> enumFromText<SyncStatus>(QStringView text);
template<> std::optional<Side> enumFromText<Side>(QStringView text);
template<> std::optional<OrderAction> enumFromText<OrderAction>(QStringView text);
template<> std::optional<OrderState> enumFromText<OrderState>(QStringView text);
template<> std::optional<Origin> enumFromText<Origin>(QStringView text);
template<> std::optional<DecisionKind> enumFromText<DecisionKind>(QStringView text);
template<> std::optional<Decision> enumFromText<Decision>(QStringView text);

// Every value of an enum, in declaration order (tests and UI filters iterate them).
template<typename E> QList<E> allValues();
template<> QList<SignalStatus> allValues<SignalStatus>();
template<> QList<PositionStatus> allValues<PositionStatus>();
template<> QList<SellOrderStatus> allValues<SellOrderStatus>();
template<> QList<SellReason> allValues<SellReason>();
template<> QList<WatchlistSource> allValues<WatchlistSource>();
template<> QList<SyncStatus> allValues<SyncStatus>();
template<> QList<Side> allValues<Side>();
template<> QList<OrderAction> allValues<OrderAction>();
template<> QList<OrderState> allValues<OrderState>();
template<> QList<Origin> allValues<Origin>();
template<> QList<DecisionKind> allValues<DecisionKind>();
template<> QList<Decision> allValues<Decision>();

// State machines. canTransition(a, a) is false: applying the same state twice is a conflict, not a no-op.
bool canTransition(OrderState from, OrderState to);
bool canTransition(SignalStatus from, SignalStatus to);
bool canTransition(PositionStatus from, PositionStatus to);
bool canTransition(SellOrderStatus from, SellOrderStatus to);
bool isTerminal(OrderState state);
bool isTerminal(SignalStatus status);
// States in which the broker may still fill or the outcome is not known: NEW, SENT, ACCEPTED,
// PARTIAL, UNKNOWN. These are the "open orders" reconciliation looks at.
bool isOpen(OrderState state);

// auto_trade_conditions: a condition (조건식) known from Kiwoom's list (CNSRLST).
struct ConditionRecord
{
    qint64 id = 0;
    QString conditionName; // unique
    QString apiConditionId; // Kiwoom's seq; empty when unknown
    bool enabled = false;
    qint64 updatedAtMs = 0;

    bool operator==(const ConditionRecord &) const = default;
};

// condition_watchlist_sync: which stock a condition currently yields, for the 5-minute sync.
struct ConditionSyncRecord
{
    qint64 id = 0;
    qint64 conditionId = 0;
    QString conditionName;
    QString stockCode;
    QString stockName;
    SyncStatus syncStatus = SyncStatus::Active;
    qint64 lastSyncAtMs = 0;
    bool addedToWatchlist = false;

    bool operator==(const ConditionSyncRecord &) const = default;
};

// auto_trade_settings: the single row (id 1) of the automated-trading switch and limits.
// stopLossRate/takeProfitRate are positive percentages (3.0 = sell at −3% / +3%).
struct AutoTradeSettingsRecord
{
    bool enabled = false;
    qint64 maxInvestAmount = 0; // KRW per buy
    double stopLossRate = 0.0;
    double takeProfitRate = 0.0;
    qint64 updatedAtMs = 0;

    bool operator==(const AutoTradeSettingsRecord &) const = default;
};

// pending_buy_signals: a buy waiting to be placed: a condition hit (reference-candle (기준봉)
// entries), or a manual/API buy. Dedupe key: (stockCode, detectedDate, signalType, source). source
// defaults to "condition:<id>". retryCount/nextAttemptAtMs belong to the buy executor's retries
// (SignalRepository::scheduleRetry); a new signal starts with 0 and "now".
struct PendingBuySignalRecord
{
    qint64 id = 0;
    std::optional<qint64> conditionId;
    QString stockCode;
    QString stockName;
    qint64 detectedAtMs = 0;
    QString detectedDate; // derived from detectedAtMs on insert
    SignalStatus status = SignalStatus::Pending;
    QString signalType;
    std::optional<qint64> referenceCandleHigh;
    std::optional<qint64> referenceCandleTimeMs; // column reference_candle_date: the candle's open time
    std::optional<qint64> targetPrice;
    QString source;
    QString statusReason;
    qint64 updatedAtMs = 0;
    int retryCount = 0; // definite transient refusals so far
    std::optional<qint64> nextAttemptAtMs; // not before (epoch ms); nullopt = now
    // Manual/API buys: what the user asked; nullopt/empty = the auto-trade settings decide.
    std::optional<qint64> requestedQuantity; // shares
    std::optional<qint64> requestedAmount; // KRW to invest
    QString orderType; // "LIMIT" or "MARKET" (Trading::orderTypeText); empty = the settings

    bool operator==(const PendingBuySignalRecord &) const = default;
};

// strategy_signals: an indicator strategy's signal. Dedupe key: (strategyId, stockCode, detectedDate, signalType).
struct StrategySignalRecord
{
    qint64 id = 0;
    qint64 strategyId = 0;
    QString stockCode;
    QString stockName;
    QString signalType;
    std::optional<double> signalValue;
    qint64 detectedAtMs = 0;
    QString detectedDate; // derived from detectedAtMs on insert
    SignalStatus status = SignalStatus::Pending;
    QJsonObject additionalData;
    QString statusReason;
    qint64 updatedAtMs = 0;
    int retryCount = 0; // definite transient refusals so far
    std::optional<qint64> nextAttemptAtMs; // not before (epoch ms); nullopt = now

    bool operator==(const StrategySignalRecord &) const = default;
};

// watchlist_stocks: the local watchlist (관심종목) — the truth; nothing edits Kiwoom's groups.
struct WatchlistStockRecord
{
    qint64 id = 0;
    QString stockCode; // unique
    QString stockName;
    qint64 addedAtMs = 0;
    bool active = true;
    WatchlistSource sourceType = WatchlistSource::Manual;
    std::optional<qint64> conditionId;
    QString conditionName;
    qint64 updatedAtMs = 0;

    bool operator==(const WatchlistStockRecord &) const = default;
};

// trading_strategies: a configured strategy; parameters is the strategy's JSON object.
struct TradingStrategyRecord
{
    qint64 id = 0;
    QString strategyName; // unique
    QString strategyType; // registry key: "momentum", "disparity", "bollinger", ...
    bool enabled = false;
    QJsonObject parameters;
    qint64 updatedAtMs = 0;

    bool operator==(const TradingStrategyRecord &) const = default;
};

// positions: a holding this app manages, kept as the broker keeps a holding (Kiwoom's 잔고, and
// SimAccount's Holding): while OPEN/SELLING, buyQuantity = quantity = the shares held, buyAmount =
// their purchase cost (Σ fill price × quantity, moving average: 이동평균법) and buyFees = the buy
// commissions paid for them. A sell releases buyAmount and buyFees pro rata (rounded down, all of
// both on the last share) and rebases the three onto what is left; buyPrice = buyAmount /
// buyQuantity rounded. Once CLOSED, buyQuantity/buyAmount/buyFees are those of the last shares
// sold (what an order-by-order history needs is in orders/executions). Positions written before
// schema version 3 may hold buyQuantity > quantity and buyFees 0 until their next buy or sell.
// At most one OPEN/SELLING position per stock code (a unique partial index).
struct PositionRecord
{
    qint64 id = 0;
    QString stockCode;
    QString stockName;
    qint64 buyPrice = 0;
    qint64 buyQuantity = 0;
    qint64 buyAmount = 0;
    std::optional<double> stopLossRate;
    std::optional<double> takeProfitRate;
    std::optional<qint64> stopLossPrice;
    std::optional<qint64> takeProfitPrice;
    PositionStatus status = PositionStatus::Open;
    std::optional<qint64> currentPrice;
    std::optional<qint64> currentProfitLoss;
    std::optional<double> currentProfitLossRate;
    qint64 buyTimeMs = 0;
    std::optional<qint64> sellTimeMs;
    std::optional<qint64> lastMonitoredMs;
    qint64 quantity = 0; // still held
    std::optional<qint64> highestPrice; // since entry, for the trailing stop
    Origin origin = Origin::Manual;
    std::optional<qint64> pendingSignalId; // pending_buy_signals.id that created it (at most one position each)
    std::optional<qint64> strategySignalId; // strategy_signals.id that created it (at most one position each)
    qint64 realizedProfitLoss = 0; // sum of completed sells, after every fee and tax
    qint64 updatedAtMs = 0;
    qint64 buyFees = 0; // buy commission of the shares held (KRW)
    std::optional<double> trailingStopRate; // percent below highestPrice; nullopt = no trailing stop
    std::optional<qint64> exitDeadlineMs; // sell by then (scalping's max holding time); nullopt = none

    bool operator==(const PositionRecord &) const = default;
};

// How a position is protected (PositionRepository::setProtection replaces all of it; nullopt = off).
// Rates are positive percentages: stopLossRate 3.0 means −3 % of buyPrice, trailingStopRate 2.0
// means 2 % below the highest price since entry (0 < rate < 100); prices are KRW; exitDeadlineMs is
// epoch ms. How rates and prices combine is the stop-loss manager's rule; the store keeps them.
struct Protection
{
    std::optional<double> stopLossRate;
    std::optional<double> takeProfitRate;
    std::optional<double> trailingStopRate;
    std::optional<qint64> stopLossPrice;
    std::optional<qint64> takeProfitPrice;
    std::optional<qint64> exitDeadlineMs;

    bool operator==(const Protection &) const = default;
};

// sell_orders: the decision to sell (part of) a position and its outcome. At most one PENDING or
// ORDERED sell per position (a unique partial index), so a position is never sold twice at once.
struct SellOrderRecord
{
    qint64 id = 0;
    qint64 positionId = 0;
    QString stockCode;
    QString stockName;
    std::optional<qint64> sellPrice; // limit price asked, or the average fill price once completed; 0 = market
    qint64 sellQuantity = 0;
    std::optional<qint64> sellAmount;
    SellReason sellReason = SellReason::Manual;
    QString sellReasonDetail;
    std::optional<qint64> profitLoss;
    std::optional<double> profitLossRate;
    SellOrderStatus status = SellOrderStatus::Pending;
    qint64 createdAtMs = 0;
    std::optional<qint64> orderedAtMs;
    std::optional<qint64> completedAtMs;
    std::optional<qint64> orderId; // orders.id of the sell order sent
    qint64 updatedAtMs = 0;

    bool operator==(const SellOrderRecord &) const = default;
};

// orders: every order sent or to be sent (see OrderState). tradeType is Kiwoom's trde_tp code
// ("0" limit, "3" market, ...); price 0 for market orders; exchange is dmst_stex_tp (KRX/NXT/SOR).
// filledAmount is the exact sum of price × quantity over executions; avgFillPrice its rounded mean.
// valuationPrice is what one unfilled share is worth to the risk totals: the limit price, or for a
// market buy the day's upper price limit (상한가) at order time (OrderTotals::buyOpenAmount).
struct OrderRecord
{
    qint64 id = 0;
    QString clientOrderId;
    QString brokerOrderNo; // empty until accepted
    std::optional<qint64> origOrderId;
    QString origBrokerOrderNo;
    OrderAction action = OrderAction::Place;
    Side side = Side::Buy;
    QString stockCode;
    QString stockName;
    qint64 quantity = 0;
    qint64 price = 0;
    QString tradeType = QStringLiteral("0");
    QString exchange = QStringLiteral("KRX");
    OrderState state = OrderState::New;
    qint64 filledQuantity = 0;
    qint64 filledAmount = 0;
    qint64 avgFillPrice = 0;
    qint64 createdAtMs = 0;
    std::optional<qint64> sentAtMs;
    qint64 updatedAtMs = 0;
    QString rejectReason;
    Origin origin = Origin::Manual;
    std::optional<qint64>
        originSignalId; // pending_buy_signals.id (Condition) or strategy_signals.id (Strategy/Scalping)
    std::optional<qint64> positionId;
    QString tradingDate; // Asia/Seoul date of createdAtMs
    qint64 valuationPrice = 0; // per unfilled share (see above)

    qint64 remainingQuantity() const { return quantity - filledQuantity; }
    bool operator==(const OrderRecord &) const = default;
};

// executions: one fill (체결). brokerExecutionNo is unique per order (Kiwoom numbers restart daily).
struct ExecutionRecord
{
    qint64 id = 0;
    qint64 orderId = 0;
    QString brokerExecutionNo;
    qint64 price = 0;
    qint64 quantity = 0;
    qint64 fee = 0;
    qint64 tax = 0;
    qint64 executedAtMs = 0;
    qint64 recordedAtMs = 0;

    bool operator==(const ExecutionRecord &) const = default;
};

// audit_log: one state change. before/after are the row as JSON (empty object when absent).
struct AuditRecord
{
    qint64 id = 0;
    qint64 atMs = 0;
    QString actor; // "ui", "api", or a service name such as "service.stop_loss"
    QString entity; // table name, or a kind such as "risk" for non-row changes
    std::optional<qint64> entityId;
    QString action; // "insert", "update", "transition", "execution", ...
    QJsonObject before;
    QJsonObject after;

    bool operator==(const AuditRecord &) const = default;
};

// signal_decisions: one line of the decision ledger — why a signal was or was not traded at one
// step. Append-only. atMs 0 = the database clock's now; tradingDate empty = the Asia/Seoul date of
// atMs (pass the market clock's date when it differs, as in demo mode).
struct DecisionRecord
{
    qint64 id = 0;
    qint64 atMs = 0;
    QString tradingDate;
    QString stockCode;
    DecisionKind kind = DecisionKind::PendingBuy;
    std::optional<qint64> signalId; // pending_buy_signals.id or strategy_signals.id (by kind)
    QString source; // "condition:<id>", "strategy:<id>", "ui", "api", "service.stop_loss", ...
    Decision decision = Decision::Created;
    QString rule; // "risk.daily_buy_amount", ... (Blocked/Skipped); empty = none
    QString message; // one line a trader reads, with the numbers
    QJsonObject data; // the numbers compared: {"amount": 5100000, "limit": 5000000}
    std::optional<qint64> orderId; // orders.id once there is one

    bool operator==(const DecisionRecord &) const = default;
};

} // namespace Storage
