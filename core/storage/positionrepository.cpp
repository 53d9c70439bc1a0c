// SPDX-License-Identifier: GPL-3.0-or-later
#include "positionrepository.h"

#include "auditlog.h"
#include "common/clock.h"
#include "database.h"
#include "sqlutil.h"

#include <cstdlib>

using namespace Storage;

namespace {

const QString POSITIONS = QStringLiteral("positions");
const QString SELL_ORDERS = QStringLiteral("sell_orders");

const QString POSITION_COLUMNS = QStringLiteral(
    "SELECT id, stock_code, stock_name, buy_price, buy_quantity, buy_amount, stop_loss_rate, take_profit_rate, "
    "stop_loss_price, take_profit_price, status, current_price, current_profit_loss, current_profit_loss_rate, "
    "buy_time, sell_time, last_monitored, quantity, highest_price, origin, pending_signal_id, strategy_signal_id, "
    "realized_profit_loss, updated_at, buy_fees, trailing_stop_rate, exit_deadline_at FROM positions ");
const QString SELL_COLUMNS = QStringLiteral(
    "SELECT id, position_id, stock_code, stock_name, sell_price, sell_quantity, sell_amount, sell_reason, "
    "sell_reason_detail, profit_loss, profit_loss_rate, status, created_at, ordered_at, completed_at, order_id, "
    "updated_at FROM sell_orders ");

PositionRecord readPosition(const QSqlQuery &q)
{
    PositionRecord r;
    r.id = q.value(0).toLongLong();
    r.stockCode = q.value(1).toString();
    r.stockName = q.value(2).toString();
    r.buyPrice = q.value(3).toLongLong();
    r.buyQuantity = q.value(4).toLongLong();
    r.buyAmount = q.value(5).toLongLong();
    r.stopLossRate = optionalReal(q.value(6));
    r.takeProfitRate = optionalReal(q.value(7));
    r.stopLossPrice = optionalInt(q.value(8));
    r.takeProfitPrice = optionalInt(q.value(9));
    r.status = enumValue(q.value(10), PositionStatus::Open);
    r.currentPrice = optionalInt(q.value(11));
    r.currentProfitLoss = optionalInt(q.value(12));
    r.currentProfitLossRate = optionalReal(q.value(13));
    r.buyTimeMs = q.value(14).toLongLong();
    r.sellTimeMs = optionalInt(q.value(15));
    r.lastMonitoredMs = optionalInt(q.value(16));
    r.quantity = q.value(17).toLongLong();
    r.highestPrice = optionalInt(q.value(18));
    r.origin = enumValue(q.value(19), Origin::Manual);
    r.pendingSignalId = optionalInt(q.value(20));
    r.strategySignalId = optionalInt(q.value(21));
    r.realizedProfitLoss = q.value(22).toLongLong();
    r.updatedAtMs = q.value(23).toLongLong();
    r.buyFees = q.value(24).toLongLong();
    r.trailingStopRate = optionalReal(q.value(25));
    r.exitDeadlineMs = optionalInt(q.value(26));
    return r;
}

SellOrderRecord readSell(const QSqlQuery &q)
{
    SellOrderRecord r;
    r.id = q.value(0).toLongLong();
    r.positionId = q.value(1).toLongLong();
    r.stockCode = q.value(2).toString();
    r.stockName = q.value(3).toString();
    r.sellPrice = optionalInt(q.value(4));
    r.sellQuantity = q.value(5).toLongLong();
    r.sellAmount = optionalInt(q.value(6));
    r.sellReason = enumValue(q.value(7), SellReason::Manual);
    r.sellReasonDetail = q.value(8).toString();
    r.profitLoss = optionalInt(q.value(9));
    r.profitLossRate = optionalReal(q.value(10));
    r.status = enumValue(q.value(11), SellOrderStatus::Pending);
    r.createdAtMs = q.value(12).toLongLong();
    r.orderedAtMs = optionalInt(q.value(13));
    r.completedAtMs = optionalInt(q.value(14));
    r.orderId = optionalInt(q.value(15));
    r.updatedAtMs = q.value(16).toLongLong();
    return r;
}

// Integer mean rounded half up (amounts and quantities are positive).
qint64 roundedMean(qint64 amount, qint64 quantity)
{
    return quantity > 0 ? (amount + quantity / 2) / quantity : 0;
}

// floor(total × part / whole) without overflowing (part ≤ whole), and all of total when part ≥ whole:
// the share of a sum that `part` of `whole` shares carry. It is SimAccount::applySell's release
// rule (floor pro rata, the rest with the last share), so successive releases add up to total.
qint64 proRata(qint64 total, qint64 part, qint64 whole)
{
    if (whole <= 0 || part <= 0)
        return 0;
    if (part >= whole)
        return total;
    return (total / whole) * part + (total % whole) * part / whole;
}

// What the shares held cost and the buy fees paid for them. Positions written by schema version 3
// keep buy_quantity = quantity while live, so these are buy_amount and buy_fees; an older row may
// still have buy_quantity > quantity after a partial sell, and its held shares carry their pro-rata part.
qint64 costOfHeld(const PositionRecord &p)
{
    return proRata(p.buyAmount, p.quantity, p.buyQuantity);
}

qint64 feesOfHeld(const PositionRecord &p)
{
    return proRata(p.buyFees, p.quantity, p.buyQuantity);
}

Error conflict(const QString &what, qint64 id, const QString &actual, const QString &expected)
{
    return makeError(
        Errc::Conflict, QStringLiteral("%1 %2 is %3, not %4; nothing changed").arg(what).arg(id).arg(actual, expected));
}

} // namespace

PositionRepository::PositionRepository(Database &db) : m_db(db) { }

Result<PositionRecord> PositionRepository::requirePosition(qint64 id) const
{
    auto found = find(id);
    if (!found)
        return found.error();
    if (!found.value())
        return makeError(Errc::NotFound, QStringLiteral("no position with id %1").arg(id));
    return *found.value();
}

Result<SellOrderRecord> PositionRepository::requireSellOrder(qint64 id) const
{
    auto found = findSellOrder(id);
    if (!found)
        return found.error();
    if (!found.value())
        return makeError(Errc::NotFound, QStringLiteral("no sell order with id %1").arg(id));
    return *found.value();
}

Result<PositionRecord> PositionRepository::open(const PositionRecord &position, const QString &actor)
{
    if (position.stockCode.isEmpty() || position.buyPrice <= 0 || position.buyQuantity <= 0)
        return makeError(
            Errc::InvalidArgument, QStringLiteral("a position needs a stock code, a buy price and a quantity"));
    if (position.buyFees < 0 || position.buyAmount < 0)
        return makeError(Errc::InvalidArgument, QStringLiteral("a position's cost and fees cannot be negative"));
    const qint64 now = m_db.clock().nowMs();
    const qint64 buyAmount = position.buyAmount > 0 ? position.buyAmount : position.buyPrice * position.buyQuantity;
    return m_db.transaction([&]() -> Result<PositionRecord> {
        auto inserted = Storage::exec(m_db.connection(),
            QStringLiteral(
                "INSERT INTO positions (stock_code, stock_name, buy_price, buy_quantity, buy_amount, stop_loss_rate, "
                "take_profit_rate, stop_loss_price, take_profit_price, status, buy_time, quantity, highest_price, "
                "origin, pending_signal_id, strategy_signal_id, realized_profit_loss, updated_at, buy_fees, "
                "trailing_stop_rate, exit_deadline_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)"),
            { position.stockCode, position.stockName, position.buyPrice, position.buyQuantity, buyAmount,
                nullable(position.stopLossRate), nullable(position.takeProfitRate), nullable(position.stopLossPrice),
                nullable(position.takeProfitPrice), position.buyTimeMs > 0 ? position.buyTimeMs : now,
                position.buyQuantity, position.buyPrice, enumText(position.origin), nullable(position.pendingSignalId),
                nullable(position.strategySignalId), now, position.buyFees, nullable(position.trailingStopRate),
                nullable(position.exitDeadlineMs) });
        if (!inserted)
            return inserted.error();
        const qint64 id = inserted.value().lastInsertId().toLongLong();
        if (Status s = AuditLog::recordInsert(m_db, actor, POSITIONS, id, QStringLiteral("open")); !s)
            return s.error();
        return requirePosition(id);
    });
}

Result<PositionRecord> PositionRepository::addBuy(
    qint64 id, qint64 quantity, qint64 price, qint64 fee, const QString &actor)
{
    if (quantity <= 0 || price <= 0 || fee < 0)
        return makeError(Errc::InvalidArgument,
            QStringLiteral("a buy fill needs a positive quantity and price and a fee of 0 or more"));
    return m_db.transaction([&]() -> Result<PositionRecord> {
        auto current = requirePosition(id);
        if (!current)
            return current.error();
        const PositionRecord &p = current.value();
        if (p.status == PositionStatus::Closed)
            return conflict(POSITIONS, id, enumText(p.status), QStringLiteral("OPEN or SELLING"));
        // Moving average (이동평균법, as Kiwoom's 매입단가 and SimAccount): the cost and the buy fees
        // of the shares held plus those of the fill.
        const qint64 buyQuantity = p.quantity + quantity;
        const qint64 buyAmount = costOfHeld(p) + quantity * price;
        const qint64 buyFees = feesOfHeld(p) + fee;
        Status s = AuditLog::recordChange(m_db, actor, POSITIONS, id, QStringLiteral("add_buy"), [&]() -> Status {
            auto done = Storage::run(m_db.connection(),
                QStringLiteral("UPDATE positions SET buy_quantity = ?, buy_amount = ?, buy_price = ?, buy_fees = ?, "
                               "quantity = quantity + ?, updated_at = ? "
                               "WHERE id = ? AND status = ? AND buy_quantity = ? AND quantity = ? AND buy_amount = ? "
                               "AND buy_fees = ?"),
                { buyQuantity, buyAmount, roundedMean(buyAmount, buyQuantity), buyFees, quantity, m_db.clock().nowMs(),
                    id, enumText(p.status), p.buyQuantity, p.quantity, p.buyAmount, p.buyFees });
            if (!done)
                return done.error();
            if (done.value() == 0)
                return makeError(Errc::Conflict, QStringLiteral("position %1 changed concurrently").arg(id));
            return {};
        });
        if (!s)
            return s.error();
        return requirePosition(id);
    });
}

Result<PositionRecord> PositionRepository::setProtection(qint64 id, const Protection &protection, const QString &actor)
{
    return m_db.transaction([&]() -> Result<PositionRecord> {
        Status s = AuditLog::recordChange(m_db, actor, POSITIONS, id, QStringLiteral("protection"), [&]() -> Status {
            auto done = Storage::run(m_db.connection(),
                QStringLiteral("UPDATE positions SET stop_loss_rate = ?, take_profit_rate = ?, trailing_stop_rate = ?, "
                               "stop_loss_price = ?, take_profit_price = ?, exit_deadline_at = ?, updated_at = ? "
                               "WHERE id = ? AND status IN ('OPEN', 'SELLING')"),
                { nullable(protection.stopLossRate), nullable(protection.takeProfitRate),
                    nullable(protection.trailingStopRate), nullable(protection.stopLossPrice),
                    nullable(protection.takeProfitPrice), nullable(protection.exitDeadlineMs), m_db.clock().nowMs(),
                    id });
            if (!done)
                return done.error();
            if (done.value() == 0) {
                auto p = requirePosition(id);
                if (!p)
                    return p.error();
                return conflict(POSITIONS, id, enumText(p.value().status), QStringLiteral("OPEN or SELLING"));
            }
            return {};
        });
        if (!s)
            return s.error();
        return requirePosition(id);
    });
}

Status PositionRepository::updateMark(qint64 id, qint64 currentPrice)
{
    if (currentPrice <= 0)
        return makeError(Errc::InvalidArgument, QStringLiteral("a mark price must be positive"));
    // A transaction of its own (not a bare autocommit statement) so a busy database is reported to
    // the health observer like any other write.
    return m_db.transaction([&]() -> Status { return mark(id, currentPrice); });
}

Status PositionRepository::mark(qint64 id, qint64 currentPrice)
{
    auto done = Storage::run(m_db.connection(),
        QStringLiteral("UPDATE positions SET current_price = ?, "
                       "current_profit_loss = (? - buy_price) * quantity, "
                       "current_profit_loss_rate = (? - buy_price) * 100.0 / buy_price, "
                       "highest_price = max(coalesce(highest_price, ?), ?), last_monitored = ? "
                       "WHERE id = ? AND status IN ('OPEN', 'SELLING')"),
        { currentPrice, currentPrice, currentPrice, currentPrice, currentPrice, m_db.clock().nowMs(), id });
    if (!done)
        return done.error();
    if (done.value() == 0) {
        auto p = requirePosition(id);
        if (!p)
            return p.error();
        return conflict(POSITIONS, id, enumText(p.value().status), QStringLiteral("OPEN or SELLING"));
    }
    return {};
}

Result<std::optional<PositionRecord>> PositionRepository::find(qint64 id) const
{
    return readOne<PositionRecord>(
        Storage::exec(m_db.connection(), POSITION_COLUMNS + QLatin1String("WHERE id = ?"), { id }), readPosition);
}

Result<std::optional<PositionRecord>> PositionRepository::findActiveByCode(const QString &stockCode) const
{
    return readOne<PositionRecord>(
        Storage::exec(m_db.connection(),
            POSITION_COLUMNS + QLatin1String("WHERE stock_code = ? AND status IN ('OPEN', 'SELLING')"), { stockCode }),
        readPosition);
}

Result<QList<PositionRecord>> PositionRepository::listActive() const
{
    return readList<PositionRecord>(
        Storage::exec(
            m_db.connection(), POSITION_COLUMNS + QLatin1String("WHERE status IN ('OPEN', 'SELLING') ORDER BY id")),
        readPosition);
}

Result<QList<PositionRecord>> PositionRepository::listClosed(qint64 sinceMs, int limit) const
{
    return readList<PositionRecord>(
        Storage::exec(m_db.connection(),
            POSITION_COLUMNS
                + QLatin1String("WHERE status = 'CLOSED' AND sell_time >= ? ORDER BY sell_time DESC, id DESC "
                                "LIMIT ?"),
            { sinceMs, limit }),
        readPosition);
}

Status PositionRepository::setPositionStatus(
    qint64 id, PositionStatus expected, PositionStatus next, const QString &actor)
{
    if (!canTransition(expected, next)) {
        return makeError(Errc::InvalidTransition,
            QStringLiteral("position %1: %2 → %3 is not allowed").arg(id).arg(enumText(expected), enumText(next)));
    }
    return AuditLog::recordChange(m_db, actor, POSITIONS, id, QStringLiteral("status"), [&]() -> Status {
        auto done = Storage::run(m_db.connection(),
            QStringLiteral("UPDATE positions SET status = ?, updated_at = ? WHERE id = ? AND status = ?"),
            { enumText(next), m_db.clock().nowMs(), id, enumText(expected) });
        if (!done)
            return done.error();
        if (done.value() == 0) {
            auto p = requirePosition(id);
            if (!p)
                return p.error();
            return conflict(POSITIONS, id, enumText(p.value().status), enumText(expected));
        }
        return {};
    });
}

Result<SellOrderRecord> PositionRepository::beginSell(qint64 positionId, qint64 quantity,
    std::optional<qint64> limitPrice, SellReason reason, const QString &detail, const QString &actor)
{
    if (quantity <= 0)
        return makeError(Errc::InvalidArgument, QStringLiteral("a sell needs a positive quantity"));
    return m_db.transaction([&]() -> Result<SellOrderRecord> {
        auto position = requirePosition(positionId);
        if (!position)
            return position.error();
        if (quantity > position.value().quantity) {
            return makeError(Errc::InvalidArgument,
                QStringLiteral("cannot sell %1 of position %2 holding %3")
                    .arg(quantity)
                    .arg(positionId)
                    .arg(position.value().quantity));
        }
        if (Status s = setPositionStatus(positionId, PositionStatus::Open, PositionStatus::Selling, actor); !s)
            return s.error();
        const qint64 now = m_db.clock().nowMs();
        auto inserted = Storage::exec(m_db.connection(),
            QStringLiteral("INSERT INTO sell_orders (position_id, stock_code, stock_name, sell_price, sell_quantity, "
                           "sell_reason, sell_reason_detail, status, created_at, updated_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)"),
            { positionId, position.value().stockCode, position.value().stockName, limitPrice.value_or(0), quantity,
                enumText(reason), nullableText(detail), now, now });
        if (!inserted)
            return inserted.error();
        const qint64 id = inserted.value().lastInsertId().toLongLong();
        if (Status s = AuditLog::recordInsert(m_db, actor, SELL_ORDERS, id); !s)
            return s.error();
        return requireSellOrder(id);
    });
}

Result<SellOrderRecord> PositionRepository::markSellOrdered(qint64 sellOrderId, qint64 orderId, const QString &actor)
{
    return m_db.transaction([&]() -> Result<SellOrderRecord> {
        Status s
            = AuditLog::recordChange(m_db, actor, SELL_ORDERS, sellOrderId, QStringLiteral("status"), [&]() -> Status {
                  const qint64 now = m_db.clock().nowMs();
                  auto done = Storage::run(m_db.connection(),
                      QStringLiteral("UPDATE sell_orders SET status = 'ORDERED', order_id = ?, ordered_at = ?, "
                                     "updated_at = ? WHERE id = ? AND status = 'PENDING'"),
                      { orderId, now, now, sellOrderId });
                  if (!done)
                      return done.error();
                  if (done.value() == 0) {
                      auto current = requireSellOrder(sellOrderId);
                      if (!current)
                          return current.error();
                      return conflict(
                          SELL_ORDERS, sellOrderId, enumText(current.value().status), QStringLiteral("PENDING"));
                  }
                  return {};
              });
        if (!s)
            return s.error();
        return requireSellOrder(sellOrderId);
    });
}

Result<SellOrderRecord> PositionRepository::completeSell(qint64 sellOrderId, const SellFill &fill, const QString &actor)
{
    return completeSell(sellOrderId, QList<SellFill> { fill }, actor);
}

Result<SellOrderRecord> PositionRepository::completeSell(
    qint64 sellOrderId, const QList<SellFill> &fills, const QString &actor)
{
    if (fills.isEmpty())
        return makeError(Errc::InvalidArgument,
            QStringLiteral("a completed sell needs its fills; use failSell() when nothing was sold"));
    qint64 soldQuantity = 0;
    for (const SellFill &fill : fills) {
        if (fill.quantity <= 0 || fill.averagePrice <= 0 || fill.costs < 0 || fill.amount < 0)
            return makeError(Errc::InvalidArgument,
                QStringLiteral("a completed sell needs a positive quantity and price; "
                               "use failSell() when nothing was sold"));
        if (fill.amount > 0 && std::abs(fill.amount - fill.averagePrice * fill.quantity) > fill.quantity)
            return makeError(Errc::InvalidArgument,
                QStringLiteral("sold %1 for %2 in total, which an average price of %3 cannot come from")
                    .arg(fill.quantity)
                    .arg(fill.amount)
                    .arg(fill.averagePrice));
        soldQuantity += fill.quantity;
    }
    return m_db.transaction([&]() -> Result<SellOrderRecord> {
        auto sell = requireSellOrder(sellOrderId);
        if (!sell)
            return sell.error();
        const SellOrderRecord &order = sell.value();
        if (order.status != SellOrderStatus::Pending && order.status != SellOrderStatus::Ordered)
            return conflict(SELL_ORDERS, sellOrderId, enumText(order.status), QStringLiteral("PENDING or ORDERED"));
        auto position = requirePosition(order.positionId);
        if (!position)
            return position.error();
        const PositionRecord &p = position.value();
        if (p.status != PositionStatus::Selling)
            return conflict(POSITIONS, p.id, enumText(p.status), QStringLiteral("SELLING"));
        if (soldQuantity > p.quantity || soldQuantity > order.sellQuantity) {
            return makeError(Errc::InvalidArgument,
                QStringLiteral("sold %1 but the sell asked %2 of %3 held")
                    .arg(soldQuantity)
                    .arg(order.sellQuantity)
                    .arg(p.quantity));
        }

        // Fill by fill, exactly as SimAccount::applySell and the broker's realized P&L (ka10074):
        // each fill releases its pro-rata part (rounded down; all of it with the last share) of the
        // purchase cost and of the buy fees of the shares held, and
        //   P&L = proceeds − released cost − released buy fees − sell fee − tax.
        qint64 held = p.quantity;
        qint64 heldCost = costOfHeld(p);
        qint64 heldFees = feesOfHeld(p);
        qint64 proceeds = 0;
        qint64 releasedCost = 0;
        qint64 profitLoss = 0;
        for (const SellFill &fill : fills) {
            const qint64 amount = fill.amount > 0 ? fill.amount : fill.averagePrice * fill.quantity;
            const qint64 cost = proRata(heldCost, fill.quantity, held);
            const qint64 fees = proRata(heldFees, fill.quantity, held);
            held -= fill.quantity;
            heldCost -= cost;
            heldFees -= fees;
            proceeds += amount;
            releasedCost += cost;
            profitLoss += amount - cost - fees - fill.costs;
        }
        const qint64 averagePrice
            = fills.size() == 1 ? fills.first().averagePrice : roundedMean(proceeds, soldQuantity);
        const double profitLossRate = releasedCost > 0 ? double(profitLoss) * 100.0 / double(releasedCost) : 0.0;
        const qint64 now = m_db.clock().nowMs();

        Status s
            = AuditLog::recordChange(m_db, actor, SELL_ORDERS, sellOrderId, QStringLiteral("status"), [&]() -> Status {
                  auto done = Storage::run(m_db.connection(),
                      QStringLiteral("UPDATE sell_orders SET status = 'COMPLETED', sell_price = ?, sell_quantity = ?, "
                                     "sell_amount = ?, profit_loss = ?, profit_loss_rate = ?, completed_at = ?, "
                                     "updated_at = ? WHERE id = ? AND status = ?"),
                      { averagePrice, soldQuantity, proceeds, profitLoss, profitLossRate, now, now, sellOrderId,
                          enumText(order.status) });
                  if (!done)
                      return done.error();
                  if (done.value() == 0)
                      return makeError(
                          Errc::Conflict, QStringLiteral("sell order %1 changed concurrently").arg(sellOrderId));
                  return {};
              });
        if (!s)
            return s.error();

        // What is left is rebased onto the shares still held (as the broker's holding is); a
        // closing sell keeps the figures of the shares it sold.
        const bool closes = held == 0;
        s = AuditLog::recordChange(m_db, actor, POSITIONS, p.id, QStringLiteral("sell"), [&]() -> Status {
            auto done = Storage::run(m_db.connection(),
                QStringLiteral("UPDATE positions SET quantity = ?, buy_quantity = ?, buy_amount = ?, buy_fees = ?, "
                               "buy_price = ?, realized_profit_loss = realized_profit_loss + ?, status = ?, "
                               "sell_time = COALESCE(?, sell_time), updated_at = ? "
                               "WHERE id = ? AND status = 'SELLING' AND quantity = ? AND buy_quantity = ? "
                               "AND buy_amount = ? AND buy_fees = ?"),
                { held, closes ? p.buyQuantity : held, closes ? p.buyAmount : heldCost, closes ? p.buyFees : heldFees,
                    closes ? p.buyPrice : roundedMean(heldCost, held), profitLoss,
                    closes ? QStringLiteral("CLOSED") : QStringLiteral("OPEN"), closes ? QVariant(now) : QVariant(),
                    now, p.id, p.quantity, p.buyQuantity, p.buyAmount, p.buyFees });
            if (!done)
                return done.error();
            if (done.value() == 0)
                return makeError(Errc::Conflict, QStringLiteral("position %1 changed concurrently").arg(p.id));
            return {};
        });
        if (!s)
            return s.error();
        return requireSellOrder(sellOrderId);
    });
}

QList<SellFill> Storage::sellFills(const QList<ExecutionRecord> &executions)
{
    QList<SellFill> fills;
    fills.reserve(executions.size());
    for (const ExecutionRecord &e : executions)
        fills.append(SellFill { e.quantity, e.price, e.fee + e.tax, e.price * e.quantity });
    return fills;
}

Result<SellOrderRecord> PositionRepository::failSell(
    qint64 sellOrderId, SellOrderStatus outcome, const QString &detail, const QString &actor)
{
    if (outcome != SellOrderStatus::Failed && outcome != SellOrderStatus::Cancelled)
        return makeError(Errc::InvalidArgument, QStringLiteral("a failed sell ends FAILED or CANCELLED"));
    return m_db.transaction([&]() -> Result<SellOrderRecord> {
        auto sell = requireSellOrder(sellOrderId);
        if (!sell)
            return sell.error();
        const SellOrderRecord &order = sell.value();
        if (!canTransition(order.status, outcome))
            return conflict(SELL_ORDERS, sellOrderId, enumText(order.status), QStringLiteral("PENDING or ORDERED"));
        Status s
            = AuditLog::recordChange(m_db, actor, SELL_ORDERS, sellOrderId, QStringLiteral("status"), [&]() -> Status {
                  const qint64 now = m_db.clock().nowMs();
                  auto done = Storage::run(m_db.connection(),
                      QStringLiteral("UPDATE sell_orders SET status = ?, "
                                     "sell_reason_detail = COALESCE(?, sell_reason_detail), completed_at = ?, "
                                     "updated_at = ? WHERE id = ? AND status = ?"),
                      { enumText(outcome), nullableText(detail), now, now, sellOrderId, enumText(order.status) });
                  if (!done)
                      return done.error();
                  if (done.value() == 0)
                      return makeError(
                          Errc::Conflict, QStringLiteral("sell order %1 changed concurrently").arg(sellOrderId));
                  return {};
              });
        if (!s)
            return s.error();
        if (s = setPositionStatus(order.positionId, PositionStatus::Selling, PositionStatus::Open, actor); !s)
            return s.error();
        return requireSellOrder(sellOrderId);
    });
}

Result<PositionRecord> PositionRepository::close(qint64 id, PositionStatus expected, const QString &actor)
{
    if (!canTransition(expected, PositionStatus::Closed))
        return makeError(
            Errc::InvalidTransition, QStringLiteral("a %1 position cannot be closed").arg(enumText(expected)));
    return m_db.transaction([&]() -> Result<PositionRecord> {
        Status s = AuditLog::recordChange(m_db, actor, POSITIONS, id, QStringLiteral("close"), [&]() -> Status {
            const qint64 now = m_db.clock().nowMs();
            auto done = Storage::run(m_db.connection(),
                QStringLiteral("UPDATE positions SET status = 'CLOSED', quantity = 0, sell_time = ?, "
                               "updated_at = ? WHERE id = ? AND status = ?"),
                { now, now, id, enumText(expected) });
            if (!done)
                return done.error();
            if (done.value() == 0) {
                auto p = requirePosition(id);
                if (!p)
                    return p.error();
                return conflict(POSITIONS, id, enumText(p.value().status), enumText(expected));
            }
            return {};
        });
        if (!s)
            return s.error();
        return requirePosition(id);
    });
}

Result<PositionRecord> PositionRepository::adjustQuantity(qint64 id, qint64 quantity, const QString &actor)
{
    if (quantity <= 0)
        return makeError(Errc::InvalidArgument, QStringLiteral("adjustQuantity needs a positive quantity"));
    return m_db.transaction([&]() -> Result<PositionRecord> {
        auto current = requirePosition(id);
        if (!current)
            return current.error();
        const PositionRecord &p = current.value();
        if (p.status != PositionStatus::Open)
            return conflict(POSITIONS, id, enumText(p.status), enumText(PositionStatus::Open));
        const qint64 fees = p.quantity > 0 ? p.buyFees * std::min(quantity, p.quantity) / p.quantity : 0;
        Status s = AuditLog::recordChange(
            m_db, actor, POSITIONS, id, QStringLiteral("adjust_quantity"), [&]() -> Status {
                auto done = Storage::run(m_db.connection(),
                    QStringLiteral("UPDATE positions SET quantity = ?, buy_quantity = ?, buy_amount = ?, buy_fees = ?, "
                                   "updated_at = ? WHERE id = ? AND status = 'OPEN'"),
                    { quantity, quantity, p.buyPrice * quantity, fees, m_db.clock().nowMs(), id });
                if (!done)
                    return done.error();
                return {};
            });
        if (!s)
            return s.error();
        return requirePosition(id);
    });
}

Result<qint64> PositionRepository::realizedBetween(qint64 fromMs, qint64 toMs) const
{
    auto q = Storage::exec(m_db.connection(),
        QStringLiteral("SELECT COALESCE(SUM(profit_loss), 0) FROM sell_orders WHERE status = 'COMPLETED' "
                       "AND completed_at >= ? AND completed_at < ?"),
        { fromMs, toMs });
    if (!q)
        return q.error();
    if (!q.value().next())
        return qint64(0);
    return q.value().value(0).toLongLong();
}

Result<std::optional<SellOrderRecord>> PositionRepository::findSellOrder(qint64 id) const
{
    return readOne<SellOrderRecord>(
        Storage::exec(m_db.connection(), SELL_COLUMNS + QLatin1String("WHERE id = ?"), { id }), readSell);
}

Result<QList<SellOrderRecord>> PositionRepository::sellOrders(qint64 positionId) const
{
    return readList<SellOrderRecord>(
        Storage::exec(
            m_db.connection(), SELL_COLUMNS + QLatin1String("WHERE position_id = ? ORDER BY id"), { positionId }),
        readSell);
}

Result<QList<SellOrderRecord>> PositionRepository::listSellOrders(SellOrderStatus status, int limit) const
{
    return readList<SellOrderRecord>(
        Storage::exec(m_db.connection(), SELL_COLUMNS + QLatin1String("WHERE status = ? ORDER BY id LIMIT ?"),
            { enumText(status), limit }),
        readSell);
}
