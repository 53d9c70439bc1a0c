// SPDX-License-Identifier: GPL-3.0-or-later
#include "positionkeeper.h"

#include "common/clock.h"
#include "common/logging.h"
#include "storage/database.h"
#include "storage/orderrepository.h"
#include "storage/sqlutil.h"

using namespace Storage;

PositionKeeper::PositionKeeper(Database &db, const IClock &marketClock, QObject *parent)
    : QObject(parent), m_db(db), m_clock(marketClock)
{
    qRegisterMetaType<Storage::PositionRecord>();
    qRegisterMetaType<Storage::SellOrderRecord>();
}

PositionKeeper::~PositionKeeper() = default;

Protection PositionKeeper::protectionFor(Origin origin, qint64 buyPrice, qint64 buyTimeMs) const
{
    return m_policy ? m_policy(origin, buyPrice, buyTimeMs) : Protection {};
}

void PositionKeeper::changed(const PositionRecord &position)
{
    m_pending.append(
        { position.status == PositionStatus::Closed ? Pending::Kind::Closed : Pending::Kind::Changed, position, {} });
}

Status PositionKeeper::onOrderCreated(const OrderRecord &order, const Trading::OrderIntent &intent)
{
    if (!intent.sellOrderId)
        return {};
    PositionRepository positions(m_db);
    auto sell = positions.markSellOrdered(*intent.sellOrderId, order.id, actor());
    if (!sell)
        return sell.error();
    return {};
}

Status PositionKeeper::onExecution(const OrderRecord &order, const ExecutionRecord &execution)
{
    if (order.action != OrderAction::Place)
        return {};
    if (order.side == Side::Buy)
        return applyBuy(order, execution);
    return {}; // sells settle when the order ends (onOrderFinished)
}

Status PositionKeeper::applyBuy(const OrderRecord &order, const ExecutionRecord &execution)
{
    PositionRepository positions(m_db);
    OrderRepository orders(m_db);
    std::optional<PositionRecord> live;
    if (order.positionId) {
        auto found = positions.find(*order.positionId);
        if (!found)
            return found.error();
        if (*found && found->value().status != PositionStatus::Closed)
            live = found->value();
    }
    if (!live) {
        auto found = positions.findActiveByCode(order.stockCode);
        if (!found)
            return found.error();
        live = *found;
    }
    PositionRecord result;
    if (!live) {
        PositionRecord p;
        p.stockCode = order.stockCode;
        p.stockName = order.stockName;
        p.buyPrice = execution.price;
        p.buyQuantity = execution.quantity;
        p.buyAmount = execution.price * execution.quantity;
        p.buyFees = execution.fee;
        p.origin = order.origin;
        // A fill that comes after the order's first position was already sold (a partly filled buy
        // whose rest fills later) opens a position of its own; the signal stays with the first.
        const bool signalTaken = order.positionId.has_value();
        if (order.originSignalId && !signalTaken) {
            if (order.origin == Origin::Strategy || order.origin == Origin::Scalping)
                p.strategySignalId = order.originSignalId;
            else
                p.pendingSignalId = order.originSignalId;
        }
        p.buyTimeMs = execution.executedAtMs > 0 ? execution.executedAtMs : m_clock.nowMs();
        const Protection protection = protectionFor(order.origin, p.buyPrice, p.buyTimeMs);
        p.stopLossRate = protection.stopLossRate;
        p.takeProfitRate = protection.takeProfitRate;
        p.stopLossPrice = protection.stopLossPrice;
        p.takeProfitPrice = protection.takeProfitPrice;
        p.trailingStopRate = protection.trailingStopRate;
        p.exitDeadlineMs = protection.exitDeadlineMs;
        p.highestPrice = execution.price;
        auto opened = positions.open(p, actor());
        if (!opened)
            return opened.error();
        result = opened.value();
        qCInfo(lcTrading).noquote() << "position" << result.id << "opened:" << result.stockCode << result.quantity
                                    << "@" << result.buyPrice;
    } else {
        auto added = positions.addBuy(live->id, execution.quantity, execution.price, execution.fee, actor());
        if (!added)
            return added.error();
        // The average price moved: the stops follow it (same rates as the position had).
        Protection protection = protectionFor(added->origin, added->buyPrice, added->buyTimeMs);
        if (added->stopLossRate || added->takeProfitRate) {
            auto rearmed = positions.setProtection(added->id, protection, actor());
            if (!rearmed)
                return rearmed.error();
            result = rearmed.value();
        } else {
            result = added.value(); // unprotected (an adopted external holding): stays so
        }
    }
    // An order belongs to the first position it made (a late fill's own position is found by code).
    if (!order.positionId) {
        if (auto linked = orders.linkPosition(order.id, result.id, actor()); !linked)
            return linked.error();
    }
    changed(result);
    return {};
}

Status PositionKeeper::onOrderFinished(const OrderRecord &order)
{
    if (order.action != OrderAction::Place || order.side != Side::Sell)
        return {};
    return settleSell(order);
}

Status PositionKeeper::settleSell(const OrderRecord &order)
{
    if (!order.positionId)
        return {}; // not an exit of ours (reconciliation adopts what is left)
    PositionRepository positions(m_db);
    auto sells = positions.sellOrders(*order.positionId);
    if (!sells)
        return sells.error();
    std::optional<SellOrderRecord> sell;
    for (const SellOrderRecord &s : sells.value()) {
        if (s.orderId && *s.orderId == order.id
            && (s.status == SellOrderStatus::Ordered || s.status == SellOrderStatus::Pending))
            sell = s;
    }
    if (!sell)
        return {}; // already settled
    Result<SellOrderRecord> settled = SellOrderRecord {};
    if (order.filledQuantity > 0) {
        OrderRepository orders(m_db);
        auto executions = orders.executions(order.id);
        if (!executions)
            return executions.error();
        // Fill by fill, as the broker releases the cost (its realized P&L to the won).
        settled = positions.completeSell(sell->id, sellFills(executions.value()), actor());
    } else {
        const SellOrderStatus outcome
            = order.state == OrderState::Rejected ? SellOrderStatus::Failed : SellOrderStatus::Cancelled;
        const QString detail = order.rejectReason.isEmpty() ? enumText(order.state) : order.rejectReason;
        settled = positions.failSell(sell->id, outcome, detail, actor());
    }
    if (!settled)
        return settled.error();
    auto position = positions.find(*order.positionId);
    if (!position)
        return position.error();
    if (!*position)
        return makeError(Errc::NotFound, QStringLiteral("position %1 vanished").arg(*order.positionId));
    const PositionRecord &after = position->value();
    if (after.status == PositionStatus::Closed)
        qCInfo(lcTrading).noquote() << "position" << after.id << "closed:" << after.stockCode
                                    << enumText(settled->sellReason) << "realized P&L" << after.realizedProfitLoss
                                    << "KRW";
    else
        qCInfo(lcTrading).noquote() << "position" << after.id << after.stockCode << enumText(settled->status)
                                    << "- still holds" << after.quantity;
    m_pending.append({ Pending::Kind::Settled, position->value(), settled.value() });
    changed(position->value());
    return {};
}

Result<PositionRecord> PositionKeeper::rearm(qint64 positionId, const QString &actor)
{
    PositionRepository positions(m_db);
    auto found = positions.find(positionId);
    if (!found)
        return found.error();
    if (!*found)
        return makeError(Errc::NotFound, QStringLiteral("no position %1").arg(positionId));
    const PositionRecord &p = found->value();
    auto rearmed = positions.setProtection(p.id, protectionFor(p.origin, p.buyPrice, p.buyTimeMs), actor);
    if (rearmed) {
        changed(rearmed.value());
        publish();
    }
    return rearmed;
}

void PositionKeeper::publish()
{
    const QList<Pending> pending = std::exchange(m_pending, {});
    for (const Pending &p : pending) {
        switch (p.kind) {
        case Pending::Kind::Changed:
            emit positionChanged(p.position);
            break;
        case Pending::Kind::Closed:
            emit positionChanged(p.position);
            emit positionClosed(p.position);
            break;
        case Pending::Kind::Settled:
            emit sellSettled(p.sell, p.position);
            break;
        }
    }
}
