// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "records.h"

#include <QList>
#include <QString>

#include <optional>

class Database;

namespace Storage {

// What a sell (or one fill of it) actually did: the quantity sold, its average price, the costs
// (the sell commission + the transaction tax) and the exact proceeds (Σ fill price × quantity, e.g.
// orders.filled_amount); amount 0 = averagePrice × quantity, which is off by up to half a won per
// share when the fills had different prices.
struct SellFill
{
    qint64 quantity = 0;
    qint64 averagePrice = 0;
    qint64 costs = 0;
    qint64 amount = 0;

    bool operator==(const SellFill &) const = default;
};

// One SellFill per execution (price, quantity, costs = fee + tax), in the given order: what
// completeSell() needs to match the broker's realized P&L to the won.
QList<SellFill> sellFills(const QList<ExecutionRecord> &executions);

} // namespace Storage

// PositionRepository stores positions and the sells that close them (positions + sell_orders).
// A position is kept as the broker keeps a holding (see PositionRecord): quantity held, what those
// shares cost (buy_amount) and the buy commissions paid for them (buy_fees), moving average.
// The life of a position:
//   open()            → OPEN (one live position per stock; a signal opens at most one)
//   addBuy()          another buy fill: its quantity, cost and fee are added to what is held
//   setProtection()   stop-loss / take-profit / trailing stop / exit deadline, all at once
//   updateMark()      mark-to-market (current price, P&L, highest price); not audited
//   beginSell()       OPEN → SELLING and a PENDING sell order, atomically (at most one sell in flight)
//   markSellOrdered() the sell order went out (links orders.id)
//   completeSell()    the sell filled (fully or partly): P&L realized, SELLING → CLOSED or back to OPEN
//   failSell()        the sell failed or was cancelled without fills: SELLING → OPEN
//   close()           closes without a sell (reconciliation found the holding gone)
// Realized P&L is exactly SimAccount::applySell's and the broker's (ka10074): per sell fill,
// proceeds − released cost − released buy fees − sell fee − tax, where cost and buy fees are
// released pro rata to the quantity (rounded down; the rest with the last share).
// Every status change is compare-and-set (storage.conflict when the row is not in the expected
// status) and writes its audit_log row in the same transaction. Rows are never deleted (a schema
// trigger forbids it). Same thread rules as Database.
class PositionRepository final
{
public:
    explicit PositionRepository(Database &db);

    // Uses stockCode, stockName, buyPrice, buyQuantity, buyAmount (buyPrice × buyQuantity when 0),
    // buyFees (the commission of the opening fill(s)), the protection fields (stop-loss,
    // take-profit, trailing stop, exit deadline), origin, the signal ids and buyTimeMs (now when 0).
    // quantity starts at buyQuantity, status OPEN. storage.unique when the stock already has a live
    // position or the signal already opened one.
    Result<Storage::PositionRecord> open(const Storage::PositionRecord &position, const QString &actor);
    // Another buy fill of a live position: quantity at price, with its commission (executions.fee).
    Result<Storage::PositionRecord> addBuy(qint64 id, qint64 quantity, qint64 price, qint64 fee, const QString &actor);
    // Replaces every protection field of a live position (nullopt = off). storage.conflict when
    // the position is closed, storage.check for a negative rate or price.
    Result<Storage::PositionRecord> setProtection(
        qint64 id, const Storage::Protection &protection, const QString &actor);
    // Sets current_price, current_profit_loss ((price − buy_price) × quantity),
    // current_profit_loss_rate, highest_price and last_monitored for a live position.
    // storage.conflict when the position is closed. Not audited: it is market data, not a decision.
    Status updateMark(qint64 id, qint64 currentPrice);

    Result<std::optional<Storage::PositionRecord>> find(qint64 id) const;
    // The OPEN or SELLING position of a stock, if any.
    Result<std::optional<Storage::PositionRecord>> findActiveByCode(const QString &stockCode) const;
    // OPEN and SELLING positions, oldest first.
    Result<QList<Storage::PositionRecord>> listActive() const;
    // CLOSED positions sold at or after sinceMs, newest first.
    Result<QList<Storage::PositionRecord>> listClosed(qint64 sinceMs = 0, int limit = 500) const;

    // OPEN → SELLING plus a PENDING sell order for `quantity` (≤ the held quantity) in one
    // transaction. limitPrice 0/nullopt = market.
    Result<Storage::SellOrderRecord> beginSell(qint64 positionId, qint64 quantity, std::optional<qint64> limitPrice,
        Storage::SellReason reason, const QString &detail, const QString &actor);
    // PENDING → ORDERED; orderId is the orders row of the sell.
    Result<Storage::SellOrderRecord> markSellOrdered(qint64 sellOrderId, qint64 orderId, const QString &actor);
    // ORDERED (or PENDING) → COMPLETED with what was sold; sell_quantity becomes the sold quantity,
    // sell_price the average price, sell_amount the proceeds, profit_loss the realized P&L (see the
    // class comment; profit_loss_rate is it over the released cost); the position's quantity
    // shrinks, what is left is rebased onto the shares still held, and its realized P&L grows; the
    // position is CLOSED when nothing is left, OPEN otherwise.
    // Pass the fills one by one (sellFills(orders.executions(orderId))) to match the broker to the
    // won: cost is released fill by fill, and rounding one aggregate fill may differ by a won.
    Result<Storage::SellOrderRecord> completeSell(
        qint64 sellOrderId, const QList<Storage::SellFill> &fills, const QString &actor);
    // The same with everything sold as one fill.
    Result<Storage::SellOrderRecord> completeSell(
        qint64 sellOrderId, const Storage::SellFill &fill, const QString &actor);
    // PENDING/ORDERED → FAILED or CANCELLED (nothing sold); the position goes back to OPEN.
    Result<Storage::SellOrderRecord> failSell(
        qint64 sellOrderId, Storage::SellOrderStatus outcome, const QString &detail, const QString &actor);
    // Closes a position in status `expected` without a sell: quantity 0, sell_time now.
    Result<Storage::PositionRecord> close(qint64 id, Storage::PositionStatus expected, const QString &actor);

    Result<std::optional<Storage::SellOrderRecord>> findSellOrder(qint64 id) const;
    Result<QList<Storage::SellOrderRecord>> sellOrders(qint64 positionId) const;
    // Sell orders in a status (PENDING/ORDERED ones are what reconciliation looks at), oldest first.
    Result<QList<Storage::SellOrderRecord>> listSellOrders(Storage::SellOrderStatus status, int limit = 500) const;

private:
    Result<Storage::PositionRecord> requirePosition(qint64 id) const;
    Result<Storage::SellOrderRecord> requireSellOrder(qint64 id) const;
    Status mark(qint64 id, qint64 currentPrice);
    Status setPositionStatus(
        qint64 id, Storage::PositionStatus expected, Storage::PositionStatus next, const QString &actor);

    Database &m_db;
};
