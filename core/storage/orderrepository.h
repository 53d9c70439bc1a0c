// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "records.h"

#include <QList>
#include <QString>

#include <optional>

class Database;

namespace Storage {

// What OrderRepository::create() needs; the row starts in NEW with nothing filled.
struct NewOrder
{
    QString clientOrderId; // empty: one is generated (newClientOrderId())
    OrderAction action = OrderAction::Place;
    Side side = Side::Buy;
    QString stockCode;
    QString stockName;
    qint64 quantity = 0; // for CANCEL, 0 = all remaining (Kiwoom cncl_qty "0")
    qint64 price = 0; // 0 for market orders
    // Per-share value of the unfilled quantity for the risk totals; 0 = price. A market BUY must
    // give the day's upper price limit (상한가) here, or create() refuses it (storage.invalid_argument)
    // — except for orders found at the broker (origin Reconcile/External), which are recorded
    // whatever they lack.
    qint64 valuationPrice = 0;
    QString tradeType = QStringLiteral("0"); // Kiwoom trde_tp
    QString exchange = QStringLiteral("KRX"); // dmst_stex_tp: KRX, NXT or SOR
    Origin origin = Origin::Manual;
    std::optional<qint64> originSignalId;
    std::optional<qint64> positionId;
    std::optional<qint64> origOrderId; // MODIFY/CANCEL: the order they act on
    QString origBrokerOrderNo; // MODIFY/CANCEL: its broker number (also for orders not in this database)
};

// Fields a state transition may set besides the state. Empty = keep what is stored.
struct OrderUpdate
{
    QString brokerOrderNo; // assigned once; a different number later is refused (storage.rule)
    QString rejectReason;
};

struct ExecutionOutcome
{
    ExecutionRecord execution; // as stored (the earlier row for a duplicate)
    OrderRecord order; // the order after the fill
    bool duplicate = false; // the fill was already recorded: nothing changed
};

// A trading day's order figures for the risk guard.
struct OrderTotals
{
    qint64 buyFilledAmount = 0; // KRW bought
    qint64 sellFilledAmount = 0; // KRW sold
    // Σ valuation_price × unfilled quantity over open buy orders (PLACE and MODIFY): limit orders at
    // their price, market buys at the upper price limit of their day.
    qint64 buyOpenAmount = 0;
    int orderCount = 0; // PLACE orders created that day
    int openOrderCount = 0; // of those, still open
};

// A fresh client order id ("kt-" + a random UUID).
QString newClientOrderId();

// One fill of a stock with its order's side and origin: what a chart marks (buys and sells).
struct StockFill
{
    qint64 orderId = 0;
    Side side = Side::Buy;
    Origin origin = Origin::Manual;
    qint64 price = 0;
    qint64 quantity = 0;
    qint64 executedAtMs = 0;

    bool operator==(const StockFill &) const = default;
};

} // namespace Storage

// OrderRepository is the order journal (orders + executions) behind DESIGN.md "Orders are money":
// - create() writes the order in NEW before the request leaves (client_order_id is unique).
// - transition() is compare-and-set on the expected state and follows Storage::canTransition();
//   the database enforces the same table with a trigger, so a state never goes backwards and is
//   never applied twice (the second attempt gets storage.conflict and changes nothing).
// - Fills go through recordExecution(), which is idempotent per (order, broker execution number)
//   and moves the order to PARTIAL/FILLED itself; FILLED/PARTIAL are not reachable by transition()
//   without the fills (a CHECK constraint ties them to filled_quantity).
// - Orders and executions are never deleted (schema triggers).
// Every change writes its audit_log row in the same transaction. Same thread rules as Database.
class OrderRepository final
{
public:
    explicit OrderRepository(Database &db);

    Result<Storage::OrderRecord> create(const Storage::NewOrder &order, const QString &actor);

    // expected → next with optional extra fields. Entering SENT stamps sent_at.
    Result<Storage::OrderRecord> transition(qint64 id, Storage::OrderState expected, Storage::OrderState next,
        const Storage::OrderUpdate &update, const QString &actor);
    // NEW → SENT.
    Result<Storage::OrderRecord> markSent(qint64 id, const QString &actor);
    // expected (SENT or UNKNOWN) → ACCEPTED with the broker's order number.
    Result<Storage::OrderRecord> markAccepted(
        qint64 id, Storage::OrderState expected, const QString &brokerOrderNo, const QString &actor);
    // expected → REJECTED with the reason.
    Result<Storage::OrderRecord> markRejected(
        qint64 id, Storage::OrderState expected, const QString &reason, const QString &actor);

    // Ties an order to the position its fills went into (orders.position_id), once: the same
    // position again is a no-op, another position is storage.conflict (and the schema refuses it,
    // storage.rule), a position of another stock is storage.invalid_argument, an unknown one
    // storage.foreign_key. Any state. Audited.
    Result<Storage::OrderRecord> linkPosition(qint64 orderId, qint64 positionId, const QString &actor);

    // Records the broker's order number on an order whose state already moved on without it: a
    // fill notice overtook the REST acknowledgement (SENT → PARTIAL/FILLED), or reconciliation
    // settled an UNKNOWN order from the broker's fills. Any state; the state is not changed. The
    // same number again is a no-op; a different number than the stored one is storage.rule, a
    // number another order of that trading day holds is storage.unique. Audited.
    Result<Storage::OrderRecord> assignBrokerOrderNo(qint64 id, const QString &brokerOrderNo, const QString &actor);

    // Records one fill idempotently. A repeat with the same numbers is a duplicate (nothing
    // changes); a repeat with a different price or quantity is storage.conflict. A fill beyond the
    // order's quantity is refused (storage.invalid_argument) and nothing is written. The order
    // moves to PARTIAL or FILLED (a NEW order first to UNKNOWN: it was evidently sent); a fill on a
    // CANCELLED/REJECTED order is still recorded (money is never dropped) and the state is kept.
    Result<Storage::ExecutionOutcome> recordExecution(
        qint64 orderId, const Storage::ExecutionRecord &execution, const QString &actor);

    Result<std::optional<Storage::OrderRecord>> find(qint64 id) const;
    Result<std::optional<Storage::OrderRecord>> findByClientId(const QString &clientOrderId) const;
    // Kiwoom order numbers restart daily: with a trading date, that day's order; without, the latest.
    Result<std::optional<Storage::OrderRecord>> findByBrokerOrderNo(
        const QString &brokerOrderNo, const std::optional<QString> &tradingDate = std::nullopt) const;
    // NEW, SENT, ACCEPTED, PARTIAL and UNKNOWN orders, oldest first.
    Result<QList<Storage::OrderRecord>> listOpen() const;
    Result<QList<Storage::OrderRecord>> listByState(Storage::OrderState state, int limit = 1000) const;
    Result<QList<Storage::OrderRecord>> listForDate(const QString &tradingDate) const;
    // Orders a signal led to (the buy executor's "already ordered?" check).
    Result<QList<Storage::OrderRecord>> listForSignal(Storage::Origin origin, qint64 signalId) const;
    Result<QList<Storage::OrderRecord>> listForPosition(qint64 positionId) const;
    // MODIFY/CANCEL orders that act on an order.
    Result<QList<Storage::OrderRecord>> listChildren(qint64 origOrderId) const;
    Result<QList<Storage::ExecutionRecord>> executions(qint64 orderId) const;
    // The fills of a stock executed at or after fromMs, oldest first, at most `limit` (the newest).
    Result<QList<Storage::StockFill>> fillsForStock(const QString &stockCode, qint64 fromMs, int limit = 2000) const;
    Result<Storage::OrderTotals> totalsForDate(const QString &tradingDate) const;

private:
    Result<Storage::OrderRecord> requireOrder(qint64 id) const;
    Status changeState(qint64 id, Storage::OrderState expected, Storage::OrderState next,
        const Storage::OrderUpdate &update, const QString &actor);

    Database &m_db;
};
