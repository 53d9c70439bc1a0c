// SPDX-License-Identifier: GPL-3.0-or-later
#include "orderrepository.h"

#include "auditlog.h"
#include "common/clock.h"
#include "common/logging.h"
#include "database.h"
#include "market/krx.h"
#include "sqlutil.h"

#include <QUuid>

#include <algorithm>

using namespace Storage;

namespace {

const QString ORDERS = QStringLiteral("orders");
const QString EXECUTIONS = QStringLiteral("executions");

const QString ORDER_COLUMNS = QStringLiteral(
    "SELECT id, client_order_id, broker_order_no, orig_order_id, orig_broker_order_no, action, side, stock_code, "
    "stock_name, quantity, price, trade_type, exchange, state, filled_quantity, filled_amount, avg_fill_price, "
    "created_at, sent_at, updated_at, reject_reason, origin, origin_signal_id, position_id, trading_date, "
    "valuation_price FROM orders ");
const QString EXECUTION_COLUMNS = QStringLiteral("SELECT id, order_id, broker_execution_no, price, quantity, fee, tax, "
                                                 "executed_at, recorded_at FROM executions ");
const QString OPEN_STATES = QStringLiteral("('NEW', 'SENT', 'ACCEPTED', 'PARTIAL', 'UNKNOWN')");

OrderRecord readOrder(const QSqlQuery &q)
{
    OrderRecord r;
    r.id = q.value(0).toLongLong();
    r.clientOrderId = q.value(1).toString();
    r.brokerOrderNo = q.value(2).toString();
    r.origOrderId = optionalInt(q.value(3));
    r.origBrokerOrderNo = q.value(4).toString();
    r.action = enumValue(q.value(5), OrderAction::Place);
    r.side = enumValue(q.value(6), Side::Buy);
    r.stockCode = q.value(7).toString();
    r.stockName = q.value(8).toString();
    r.quantity = q.value(9).toLongLong();
    r.price = q.value(10).toLongLong();
    r.tradeType = q.value(11).toString();
    r.exchange = q.value(12).toString();
    r.state = enumValue(q.value(13), OrderState::Unknown);
    r.filledQuantity = q.value(14).toLongLong();
    r.filledAmount = q.value(15).toLongLong();
    r.avgFillPrice = q.value(16).toLongLong();
    r.createdAtMs = q.value(17).toLongLong();
    r.sentAtMs = optionalInt(q.value(18));
    r.updatedAtMs = q.value(19).toLongLong();
    r.rejectReason = q.value(20).toString();
    r.origin = enumValue(q.value(21), Origin::Manual);
    r.originSignalId = optionalInt(q.value(22));
    r.positionId = optionalInt(q.value(23));
    r.tradingDate = q.value(24).toString();
    r.valuationPrice = q.value(25).toLongLong();
    return r;
}

ExecutionRecord readExecution(const QSqlQuery &q)
{
    ExecutionRecord r;
    r.id = q.value(0).toLongLong();
    r.orderId = q.value(1).toLongLong();
    r.brokerExecutionNo = q.value(2).toString();
    r.price = q.value(3).toLongLong();
    r.quantity = q.value(4).toLongLong();
    r.fee = q.value(5).toLongLong();
    r.tax = q.value(6).toLongLong();
    r.executedAtMs = q.value(7).toLongLong();
    r.recordedAtMs = q.value(8).toLongLong();
    return r;
}

qint64 roundedMean(qint64 amount, qint64 quantity)
{
    return quantity > 0 ? (amount + quantity / 2) / quantity : 0;
}

} // namespace

QString Storage::newClientOrderId()
{
    return QLatin1String("kt-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

OrderRepository::OrderRepository(Database &db) : m_db(db) { }

Result<OrderRecord> OrderRepository::requireOrder(qint64 id) const
{
    auto found = find(id);
    if (!found)
        return found.error();
    if (!found.value())
        return makeError(Errc::NotFound, QStringLiteral("no order with id %1").arg(id));
    return *found.value();
}

Result<OrderRecord> OrderRepository::create(const NewOrder &order, const QString &actor)
{
    if (order.stockCode.isEmpty() || order.tradeType.isEmpty())
        return makeError(Errc::InvalidArgument, QStringLiteral("an order needs a stock code and a trade type"));
    if (order.valuationPrice < 0)
        return makeError(Errc::InvalidArgument, QStringLiteral("a valuation price cannot be negative"));
    const qint64 valuationPrice = order.valuationPrice > 0 ? order.valuationPrice : order.price;
    // An open market buy valued at 0 would slip past the daily buy limit of the risk guard.
    const bool foundAtBroker = order.origin == Origin::Reconcile || order.origin == Origin::External;
    if (order.side == Side::Buy && order.action != OrderAction::Cancel && valuationPrice == 0 && !foundAtBroker) {
        return makeError(Errc::InvalidArgument,
            QStringLiteral("a market buy of %1 needs a valuation price (the day's upper price limit) so the risk "
                           "totals count it")
                .arg(order.stockCode));
    }
    const QString clientOrderId = order.clientOrderId.isEmpty() ? newClientOrderId() : order.clientOrderId;
    const qint64 now = m_db.clock().nowMs();
    return m_db.transaction([&]() -> Result<OrderRecord> {
        auto inserted = Storage::exec(m_db.connection(),
            QStringLiteral(
                "INSERT INTO orders (client_order_id, orig_order_id, orig_broker_order_no, action, side, stock_code, "
                "stock_name, quantity, price, trade_type, exchange, state, created_at, updated_at, origin, "
                "origin_signal_id, position_id, trading_date, valuation_price) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'NEW', ?, ?, ?, ?, ?, ?, ?)"),
            { clientOrderId, nullable(order.origOrderId), nullableText(order.origBrokerOrderNo), enumText(order.action),
                enumText(order.side), order.stockCode, order.stockName, order.quantity, order.price, order.tradeType,
                order.exchange, now, now, enumText(order.origin), nullable(order.originSignalId),
                nullable(order.positionId), Krx::tradingDateString(now), valuationPrice });
        if (!inserted)
            return inserted.error();
        const qint64 id = inserted.value().lastInsertId().toLongLong();
        if (Status s = AuditLog::recordInsert(m_db, actor, ORDERS, id, QStringLiteral("create")); !s)
            return s.error();
        return requireOrder(id);
    });
}

Status OrderRepository::changeState(
    qint64 id, OrderState expected, OrderState next, const OrderUpdate &update, const QString &actor)
{
    if (!canTransition(expected, next)) {
        return makeError(Errc::InvalidTransition,
            QStringLiteral("order %1: %2 → %3 is not a valid order transition")
                .arg(id)
                .arg(enumText(expected), enumText(next)));
    }
    return AuditLog::recordChange(m_db, actor, ORDERS, id, QStringLiteral("transition"), [&]() -> Status {
        const qint64 now = m_db.clock().nowMs();
        auto done = Storage::run(m_db.connection(),
            QStringLiteral("UPDATE orders SET state = ?, broker_order_no = COALESCE(?, broker_order_no), "
                           "reject_reason = COALESCE(?, reject_reason), "
                           "sent_at = CASE WHEN ? THEN ? ELSE sent_at END, updated_at = ? "
                           "WHERE id = ? AND state = ?"),
            { enumText(next), nullableText(update.brokerOrderNo), nullableText(update.rejectReason),
                next == OrderState::Sent ? 1 : 0, now, now, id, enumText(expected) });
        if (!done)
            return done.error();
        if (done.value() == 1)
            return {};
        auto current = requireOrder(id);
        if (!current)
            return current.error();
        return makeError(Errc::Conflict,
            QStringLiteral("order %1 is %2, not %3; nothing changed")
                .arg(id)
                .arg(enumText(current.value().state), enumText(expected)));
    });
}

Result<OrderRecord> OrderRepository::transition(
    qint64 id, OrderState expected, OrderState next, const OrderUpdate &update, const QString &actor)
{
    return m_db.transaction([&]() -> Result<OrderRecord> {
        if (Status s = changeState(id, expected, next, update, actor); !s)
            return s.error();
        return requireOrder(id);
    });
}

Result<OrderRecord> OrderRepository::markSent(qint64 id, const QString &actor)
{
    return transition(id, OrderState::New, OrderState::Sent, {}, actor);
}

Result<OrderRecord> OrderRepository::markAccepted(
    qint64 id, OrderState expected, const QString &brokerOrderNo, const QString &actor)
{
    if (brokerOrderNo.isEmpty())
        return makeError(Errc::InvalidArgument, QStringLiteral("an accepted order needs the broker's order number"));
    return transition(id, expected, OrderState::Accepted, OrderUpdate { brokerOrderNo, {} }, actor);
}

Result<OrderRecord> OrderRepository::markRejected(
    qint64 id, OrderState expected, const QString &reason, const QString &actor)
{
    return transition(id, expected, OrderState::Rejected, OrderUpdate { {}, reason }, actor);
}

Result<OrderRecord> OrderRepository::linkPosition(qint64 orderId, qint64 positionId, const QString &actor)
{
    if (positionId <= 0)
        return makeError(Errc::InvalidArgument, QStringLiteral("no position given"));
    return m_db.transaction([&]() -> Result<OrderRecord> {
        auto current = requireOrder(orderId);
        if (!current)
            return current.error();
        const OrderRecord &order = current.value();
        if (order.positionId == positionId)
            return order;
        if (order.positionId) {
            return makeError(Errc::Conflict,
                QStringLiteral("order %1 belongs to position %2, not %3; nothing changed")
                    .arg(orderId)
                    .arg(*order.positionId)
                    .arg(positionId));
        }
        auto stock = Storage::exec(
            m_db.connection(), QStringLiteral("SELECT stock_code FROM positions WHERE id = ?"), { positionId });
        if (!stock)
            return stock.error();
        if (!stock.value().next())
            return makeError(Errc::ForeignKey, QStringLiteral("no position with id %1").arg(positionId));
        if (stock.value().value(0).toString() != order.stockCode) {
            return makeError(Errc::InvalidArgument,
                QStringLiteral("order %1 is for %2 but position %3 holds %4")
                    .arg(orderId)
                    .arg(order.stockCode)
                    .arg(positionId)
                    .arg(stock.value().value(0).toString()));
        }
        Status s
            = AuditLog::recordChange(m_db, actor, ORDERS, orderId, QStringLiteral("link_position"), [&]() -> Status {
                  auto done = Storage::run(m_db.connection(),
                      QStringLiteral("UPDATE orders SET position_id = ?, updated_at = ? WHERE id = ?"),
                      { positionId, m_db.clock().nowMs(), orderId });
                  if (!done)
                      return done.error();
                  return {};
              });
        if (!s)
            return s.error();
        return requireOrder(orderId);
    });
}

Result<OrderRecord> OrderRepository::assignBrokerOrderNo(qint64 id, const QString &brokerOrderNo, const QString &actor)
{
    if (brokerOrderNo.isEmpty())
        return makeError(Errc::InvalidArgument, QStringLiteral("no broker order number given"));
    return m_db.transaction([&]() -> Result<OrderRecord> {
        auto current = requireOrder(id);
        if (!current)
            return current.error();
        if (current.value().brokerOrderNo == brokerOrderNo)
            return current.value();
        // The trigger trg_orders_broker_order_no_once refuses to replace a number already stored.
        Status s = AuditLog::recordChange(m_db, actor, ORDERS, id, QStringLiteral("broker_order_no"), [&]() -> Status {
            auto done = Storage::run(m_db.connection(),
                QStringLiteral("UPDATE orders SET broker_order_no = ?, updated_at = ? WHERE id = ?"),
                { brokerOrderNo, m_db.clock().nowMs(), id });
            if (!done)
                return done.error();
            return {};
        });
        if (!s)
            return s.error();
        return requireOrder(id);
    });
}

Result<ExecutionOutcome> OrderRepository::recordExecution(
    qint64 orderId, const ExecutionRecord &execution, const QString &actor)
{
    if (execution.brokerExecutionNo.isEmpty() || execution.quantity <= 0 || execution.price <= 0 || execution.fee < 0
        || execution.tax < 0) {
        return makeError(Errc::InvalidArgument,
            QStringLiteral("an execution needs a broker execution number, a positive quantity and price"));
    }
    return m_db.transaction([&]() -> Result<ExecutionOutcome> {
        auto current = requireOrder(orderId);
        if (!current)
            return current.error();
        OrderRecord order = current.value();
        if (order.action == OrderAction::Cancel)
            return makeError(
                Errc::InvalidArgument, QStringLiteral("order %1 is a cancel request and cannot fill").arg(orderId));

        const qint64 now = m_db.clock().nowMs();
        auto inserted = Storage::exec(m_db.connection(),
            QStringLiteral(
                "INSERT INTO executions (order_id, broker_execution_no, price, quantity, fee, tax, executed_at, "
                "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (order_id, broker_execution_no) DO NOTHING"),
            { orderId, execution.brokerExecutionNo, execution.price, execution.quantity, execution.fee, execution.tax,
                execution.executedAtMs > 0 ? execution.executedAtMs : now, now });
        if (!inserted)
            return inserted.error();
        if (inserted.value().numRowsAffected() == 0) {
            auto existing = readOne<ExecutionRecord>(
                Storage::exec(m_db.connection(),
                    EXECUTION_COLUMNS + QLatin1String("WHERE order_id = ? AND broker_execution_no = ?"),
                    { orderId, execution.brokerExecutionNo }),
                readExecution);
            if (!existing)
                return existing.error();
            if (!existing.value())
                return makeError(Errc::Sql, QStringLiteral("a duplicate execution was reported but none was found"));
            const ExecutionRecord &stored = *existing.value();
            if (stored.price != execution.price || stored.quantity != execution.quantity) {
                return makeError(Errc::Conflict,
                    QStringLiteral("execution %1 of order %2 was recorded as %3 @ %4 and is now reported as "
                                   "%5 @ %6; nothing changed")
                        .arg(execution.brokerExecutionNo)
                        .arg(orderId)
                        .arg(stored.quantity)
                        .arg(stored.price)
                        .arg(execution.quantity)
                        .arg(execution.price));
            }
            return ExecutionOutcome { stored, order, true };
        }
        const qint64 executionId = inserted.value().lastInsertId().toLongLong();

        const qint64 filled = order.filledQuantity + execution.quantity;
        const qint64 amount = order.filledAmount + execution.price * execution.quantity;
        if (filled > order.quantity) {
            return makeError(Errc::InvalidArgument,
                QStringLiteral("execution %1 would fill %2 of order %3 for only %4; "
                               "nothing was recorded")
                    .arg(execution.brokerExecutionNo)
                    .arg(filled)
                    .arg(orderId)
                    .arg(order.quantity));
        }
        if (Status s = AuditLog::recordInsert(m_db, actor, EXECUTIONS, executionId); !s)
            return s.error();

        // A fill proves a NEW order was sent; NEW → UNKNOWN keeps the state machine honest.
        if (order.state == OrderState::New) {
            if (Status s = changeState(orderId, OrderState::New, OrderState::Unknown, {}, actor); !s)
                return s.error();
            order.state = OrderState::Unknown;
        }
        OrderState next = order.state;
        if (!isTerminal(order.state))
            next = filled == order.quantity ? OrderState::Filled : OrderState::Partial;
        else
            qCWarning(lcOrders) << "fill" << execution.brokerExecutionNo << "on" << enumText(order.state) << "order"
                                << orderId << "recorded; state kept";

        Status s = AuditLog::recordChange(m_db, actor, ORDERS, orderId, QStringLiteral("execution"), [&]() -> Status {
            auto done = Storage::run(m_db.connection(),
                QStringLiteral("UPDATE orders SET filled_quantity = ?, filled_amount = ?, avg_fill_price = ?, "
                               "state = ?, updated_at = ? WHERE id = ? AND filled_quantity = ? AND state = ?"),
                { filled, amount, roundedMean(amount, filled), enumText(next), now, orderId, order.filledQuantity,
                    enumText(order.state) });
            if (!done)
                return done.error();
            if (done.value() == 0)
                return makeError(Errc::Conflict, QStringLiteral("order %1 changed concurrently").arg(orderId));
            return {};
        });
        if (!s)
            return s.error();

        auto storedExecution = readOne<ExecutionRecord>(
            Storage::exec(m_db.connection(), EXECUTION_COLUMNS + QLatin1String("WHERE id = ?"), { executionId }),
            readExecution);
        if (!storedExecution)
            return storedExecution.error();
        auto after = requireOrder(orderId);
        if (!after)
            return after.error();
        return ExecutionOutcome { storedExecution.value().value_or(ExecutionRecord {}), after.value(), false };
    });
}

Result<std::optional<OrderRecord>> OrderRepository::find(qint64 id) const
{
    return readOne<OrderRecord>(
        Storage::exec(m_db.connection(), ORDER_COLUMNS + QLatin1String("WHERE id = ?"), { id }), readOrder);
}

Result<std::optional<OrderRecord>> OrderRepository::findByClientId(const QString &clientOrderId) const
{
    return readOne<OrderRecord>(
        Storage::exec(m_db.connection(), ORDER_COLUMNS + QLatin1String("WHERE client_order_id = ?"), { clientOrderId }),
        readOrder);
}

Result<std::optional<OrderRecord>> OrderRepository::findByBrokerOrderNo(
    const QString &brokerOrderNo, const std::optional<QString> &tradingDate) const
{
    if (tradingDate) {
        return readOne<OrderRecord>(Storage::exec(m_db.connection(),
                                        ORDER_COLUMNS + QLatin1String("WHERE broker_order_no = ? AND trading_date = ?"),
                                        { brokerOrderNo, *tradingDate }),
            readOrder);
    }
    return readOne<OrderRecord>(
        Storage::exec(m_db.connection(),
            ORDER_COLUMNS + QLatin1String("WHERE broker_order_no = ? ORDER BY trading_date DESC, id DESC LIMIT 1"),
            { brokerOrderNo }),
        readOrder);
}

Result<QList<OrderRecord>> OrderRepository::listOpen() const
{
    return readList<OrderRecord>(
        Storage::exec(m_db.connection(),
            ORDER_COLUMNS + QLatin1String("WHERE state IN ") + OPEN_STATES + QLatin1String(" ORDER BY id")),
        readOrder);
}

Result<QList<OrderRecord>> OrderRepository::listByState(OrderState state, int limit) const
{
    return readList<OrderRecord>(
        Storage::exec(m_db.connection(), ORDER_COLUMNS + QLatin1String("WHERE state = ? ORDER BY id LIMIT ?"),
            { enumText(state), limit }),
        readOrder);
}

Result<QList<OrderRecord>> OrderRepository::listForDate(const QString &tradingDate) const
{
    return readList<OrderRecord>(
        Storage::exec(
            m_db.connection(), ORDER_COLUMNS + QLatin1String("WHERE trading_date = ? ORDER BY id"), { tradingDate }),
        readOrder);
}

Result<QList<OrderRecord>> OrderRepository::listForSignal(Origin origin, qint64 signalId) const
{
    return readList<OrderRecord>(
        Storage::exec(m_db.connection(),
            ORDER_COLUMNS + QLatin1String("WHERE origin = ? AND origin_signal_id = ? ORDER BY id"),
            { enumText(origin), signalId }),
        readOrder);
}

Result<QList<OrderRecord>> OrderRepository::listForPosition(qint64 positionId) const
{
    return readList<OrderRecord>(
        Storage::exec(
            m_db.connection(), ORDER_COLUMNS + QLatin1String("WHERE position_id = ? ORDER BY id"), { positionId }),
        readOrder);
}

Result<QList<OrderRecord>> OrderRepository::listChildren(qint64 origOrderId) const
{
    return readList<OrderRecord>(
        Storage::exec(
            m_db.connection(), ORDER_COLUMNS + QLatin1String("WHERE orig_order_id = ? ORDER BY id"), { origOrderId }),
        readOrder);
}

Result<QList<ExecutionRecord>> OrderRepository::executions(qint64 orderId) const
{
    return readList<ExecutionRecord>(
        Storage::exec(m_db.connection(),
            EXECUTION_COLUMNS + QLatin1String("WHERE order_id = ? ORDER BY executed_at, id"), { orderId }),
        readExecution);
}

Result<QList<StockFill>> OrderRepository::fillsForStock(const QString &stockCode, qint64 fromMs, int limit) const
{
    return readList<StockFill>(Storage::exec(m_db.connection(),
                                   QStringLiteral("SELECT * FROM (SELECT o.id, o.side, o.origin, e.price, e.quantity, "
                                                  "e.executed_at, e.id AS eid FROM executions e JOIN orders o ON "
                                                  "o.id = e.order_id WHERE o.stock_code = ? AND e.executed_at >= ? "
                                                  "ORDER BY e.executed_at DESC, e.id DESC LIMIT ?) "
                                                  "ORDER BY executed_at, eid"),
                                   { stockCode, fromMs, std::max(limit, 1) }),
        [](const QSqlQuery &q) {
            StockFill f;
            f.orderId = q.value(0).toLongLong();
            f.side = enumValue(q.value(1), Side::Buy);
            f.origin = enumValue(q.value(2), Origin::Manual);
            f.price = q.value(3).toLongLong();
            f.quantity = q.value(4).toLongLong();
            f.executedAtMs = q.value(5).toLongLong();
            return f;
        });
}

Result<OrderTotals> OrderRepository::totalsForDate(const QString &tradingDate) const
{
    auto query = Storage::exec(m_db.connection(),
        QStringLiteral("SELECT "
                       "coalesce(sum(CASE WHEN side = 'BUY' THEN filled_amount END), 0), "
                       "coalesce(sum(CASE WHEN side = 'SELL' THEN filled_amount END), 0), "
                       "coalesce(sum(CASE WHEN side = 'BUY' AND state IN ")
            + OPEN_STATES
            + QStringLiteral(" THEN valuation_price * (quantity - filled_quantity) END), 0), "
                             "count(CASE WHEN action = 'PLACE' THEN 1 END), "
                             "count(CASE WHEN action = 'PLACE' AND state IN ")
            + OPEN_STATES
            + QStringLiteral(" THEN 1 END) "
                             "FROM orders WHERE trading_date = ? AND action <> 'CANCEL'"),
        { tradingDate });
    if (!query)
        return query.error();
    OrderTotals totals;
    if (query.value().next()) {
        totals.buyFilledAmount = query.value().value(0).toLongLong();
        totals.sellFilledAmount = query.value().value(1).toLongLong();
        totals.buyOpenAmount = query.value().value(2).toLongLong();
        totals.orderCount = query.value().value(3).toInt();
        totals.openOrderCount = query.value().value(4).toInt();
    }
    return totals;
}
