// SPDX-License-Identifier: GPL-3.0-or-later
#include "simexchange.h"

#include "common/logging.h"
#include "simconfig.h"
#include "simmarket.h"

#include "market/krx.h"

#include <QLocale>

namespace {

QString won(qint64 v)
{
    return QLocale::c().toString(v) + QStringLiteral("원");
}

} // namespace

SimExchange::SimExchange(SimMarket &market, const SimConfig &config, QObject *parent)
    : QObject(parent), m_market(market), m_account(config.initialCash, config.feeRatePercent, config.sellTaxRatePercent)
{
    connect(&m_market, &SimMarket::traded, this, &SimExchange::onTraded);
    connect(&m_market, &SimMarket::dayClosed, this, &SimExchange::onDayClosed);
    connect(&m_market, &SimMarket::dayStarted, this, &SimExchange::onDayStarted);
}

const SimOrder *SimExchange::order(int ordNo) const
{
    if (ordNo <= m_orderBase || ordNo > m_orderBase + m_orders.size())
        return nullptr;
    return &m_orders.at(ordNo - 1 - m_orderBase);
}

SimOrder *SimExchange::openOrder(int ordNo)
{
    if (ordNo <= m_orderBase || ordNo > m_orderBase + m_orders.size())
        return nullptr;
    SimOrder &o = m_orders[ordNo - 1 - m_orderBase];
    if (o.state != SimOrderState::Open || o.openQty <= 0 || o.kind == SimOrderKind::Cancel)
        return nullptr;
    return &o;
}

qint64 SimExchange::sellableQty(int stock) const
{
    qint64 held = m_account.holding(stock).qty;
    for (int ordNo : m_openByStock.value(stock)) {
        const SimOrder &o = m_orders.at(ordNo - 1 - m_orderBase);
        if (o.side == SimSide::Sell)
            held -= o.openQty;
    }
    return std::max<qint64>(0, held);
}

qint64 SimExchange::todayQty(int stock, SimSide side) const
{
    const QDate today = m_market.currentDate();
    qint64 total = 0;
    for (auto it = m_fills.crbegin(); it != m_fills.crend() && it->date == today; ++it) {
        if (it->stock == stock && it->side == side)
            total += it->qty;
    }
    return total;
}

Error SimExchange::reject(SimSide side, int stock, qint64 qty, qint64 price, bool market, const QString &reason)
{
    SimOrder o;
    o.stock = stock;
    o.side = side;
    o.market = market;
    o.qty = qty;
    o.price = price;
    o.state = SimOrderState::Cancelled;
    o.timeMs = m_market.nowMs();
    o.date = m_market.currentDate();
    SimOrderEvent e;
    e.kind = SimOrderEvent::Kind::Rejected;
    e.order = o;
    e.reason = reason;
    e.timeMs = o.timeMs;
    qCInfo(lcSim) << "order rejected:" << reason;
    emit orderEvent(e);
    return Error { QStringLiteral("20"), reason };
}

Result<SimExchange::Ack> SimExchange::submit(SimSide side, int stock, qint64 qty, qint64 price, int tradeType)
{
    const bool market = tradeType == 3;
    if (tradeType != 0 && tradeType != 3) {
        return reject(side, stock, qty, price, false,
            QStringLiteral("지원하지 않는 매매구분입니다(trde_tp=%1). 시뮬레이터는 0(보통), 3(시장가)만 지원합니다")
                .arg(tradeType));
    }
    if (!m_market.acceptsOrders())
        return reject(side, stock, qty, price, market, m_market.closedReason());
    if (qty <= 0)
        return reject(side, stock, qty, price, market, QStringLiteral("주문수량이 올바르지 않습니다"));
    const SimQuote q = m_market.quote(stock);
    if (market) {
        price = 0;
    } else {
        if (price <= 0)
            return reject(side, stock, qty, price, market, QStringLiteral("주문단가가 올바르지 않습니다"));
        if (!Krx::isOnTick(price)) {
            return reject(side, stock, qty, price, market,
                QStringLiteral("호가단위 오류입니다(호가단위 %1)").arg(won(Krx::tickSize(price))));
        }
        if (price > q.limits.upper || price < q.limits.lower) {
            return reject(side, stock, qty, price, market,
                QStringLiteral("상/하한가 범위를 벗어난 주문입니다(하한가 %1, 상한가 %2)")
                    .arg(won(q.limits.lower), won(q.limits.upper)));
        }
    }
    if (side == SimSide::Buy) {
        // Market buys reserve at the upper limit (상한가), as the broker does.
        const qint64 reservePrice = market ? q.limits.upper : price;
        const qint64 amount = reservePrice * qty;
        if (amount + m_account.fee(amount) > m_account.orderable())
            return reject(side, stock, qty, price, market, QStringLiteral("주문가능금액 부족"));
    } else if (qty > sellableQty(stock)) {
        return reject(side, stock, qty, price, market, QStringLiteral("매도가능수량 부족"));
    }

    SimOrder o;
    o.ordNo = nextOrderNo();
    o.rootOrdNo = o.ordNo;
    o.stock = stock;
    o.side = side;
    o.kind = SimOrderKind::New;
    o.market = market;
    o.qty = qty;
    o.price = price;
    o.openQty = qty;
    o.timeMs = m_market.nowMs();
    o.date = m_market.currentDate();
    m_orders.append(o);
    m_openByStock[stock].append(o.ordNo);
    recomputeReserved();
    emitEvent(SimOrderEvent::Kind::Accepted, o);
    if (m_market.phase() == SimPhase::Continuous)
        matchIncoming(o.ordNo);
    return Ack { o.ordNo, o.ordNo, qty };
}

Result<SimExchange::Ack> SimExchange::modify(int origOrdNo, int stock, qint64 qty, qint64 price)
{
    SimOrder *orig = openOrder(origOrdNo);
    const SimSide side = orig ? orig->side : SimSide::Buy;
    if (!orig)
        return reject(side, stock, qty, price, false, QStringLiteral("정정/취소할 수 있는 원주문이 없습니다"));
    if (orig->stock != stock)
        return reject(side, stock, qty, price, false, QStringLiteral("원주문의 종목코드와 일치하지 않습니다"));
    if (!m_market.acceptsOrders())
        return reject(side, stock, qty, price, false, m_market.closedReason());
    if (orig->market)
        return reject(side, stock, qty, price, true, QStringLiteral("시장가 주문은 정정할 수 없습니다"));
    const SimQuote q = m_market.quote(stock);
    if (price <= 0 || !Krx::isOnTick(price)) {
        return reject(side, stock, qty, price, false,
            QStringLiteral("호가단위 오류입니다(호가단위 %1)").arg(won(Krx::tickSize(std::max<qint64>(price, 1)))));
    }
    if (price > q.limits.upper || price < q.limits.lower) {
        return reject(side, stock, qty, price, false,
            QStringLiteral("상/하한가 범위를 벗어난 주문입니다(하한가 %1, 상한가 %2)")
                .arg(won(q.limits.lower), won(q.limits.upper)));
    }
    const qint64 moved = qty <= 0 ? orig->openQty : qty;
    if (moved > orig->openQty)
        return reject(side, stock, qty, price, false, QStringLiteral("정정가능수량을 초과하였습니다"));
    if (side == SimSide::Buy && price > orig->price) {
        const qint64 extra = (price - orig->price) * moved;
        if (extra + m_account.fee(extra) > m_account.orderable())
            return reject(side, stock, qty, price, false, QStringLiteral("주문가능금액 부족"));
    }

    orig->openQty -= moved;
    const int origNo = orig->ordNo;
    const int root = orig->rootOrdNo;
    if (orig->openQty == 0)
        closeOrder(*orig, SimOrderState::Replaced);

    SimOrder o;
    o.ordNo = nextOrderNo();
    o.origOrdNo = origNo;
    o.rootOrdNo = root;
    o.stock = stock;
    o.side = side;
    o.kind = SimOrderKind::Modify;
    o.qty = moved;
    o.price = price;
    o.openQty = moved;
    o.timeMs = m_market.nowMs();
    o.date = m_market.currentDate();
    m_orders.append(o);
    m_openByStock[stock].append(o.ordNo);
    recomputeReserved();
    emitEvent(SimOrderEvent::Kind::Accepted, o);
    emitEvent(SimOrderEvent::Kind::Confirmed, o);
    if (m_market.phase() == SimPhase::Continuous)
        matchIncoming(o.ordNo);
    return Ack { o.ordNo, root, moved };
}

Result<SimExchange::Ack> SimExchange::cancel(int origOrdNo, int stock, qint64 qty)
{
    SimOrder *orig = openOrder(origOrdNo);
    const SimSide side = orig ? orig->side : SimSide::Buy;
    if (!orig)
        return reject(side, stock, qty, 0, false, QStringLiteral("정정/취소할 수 있는 원주문이 없습니다"));
    if (orig->stock != stock)
        return reject(side, stock, qty, 0, false, QStringLiteral("원주문의 종목코드와 일치하지 않습니다"));
    if (!m_market.acceptsOrders())
        return reject(side, stock, qty, 0, false, m_market.closedReason());
    const qint64 removed = qty <= 0 ? orig->openQty : qty;
    if (removed > orig->openQty)
        return reject(side, stock, qty, 0, false, QStringLiteral("취소가능수량을 초과하였습니다"));

    orig->openQty -= removed;
    const int origNo = orig->ordNo;
    const int root = orig->rootOrdNo;
    const bool market = orig->market;
    if (orig->openQty == 0)
        closeOrder(*orig, SimOrderState::Cancelled);

    SimOrder o;
    o.ordNo = nextOrderNo();
    o.origOrdNo = origNo;
    o.rootOrdNo = root;
    o.stock = stock;
    o.side = side;
    o.kind = SimOrderKind::Cancel;
    o.market = market;
    o.qty = removed;
    o.state = SimOrderState::Done;
    o.timeMs = m_market.nowMs();
    o.date = m_market.currentDate();
    m_orders.append(o);
    recomputeReserved();
    emitEvent(SimOrderEvent::Kind::Accepted, o);
    emitEvent(SimOrderEvent::Kind::Confirmed, o);
    return Ack { o.ordNo, root, removed };
}

void SimExchange::closeOrder(SimOrder &order, SimOrderState state)
{
    order.state = state;
    QList<int> &open = m_openByStock[order.stock];
    open.removeOne(order.ordNo);
    if (open.isEmpty())
        m_openByStock.remove(order.stock);
}

void SimExchange::matchIncoming(int ordNo)
{
    const SimOrder &o = m_orders.at(ordNo - 1 - m_orderBase);
    const QVector<SimMarket::Fill> fills
        = m_market.takeLiquidity(o.stock, o.side == SimSide::Buy, o.market ? 0 : o.price, o.openQty);
    for (const SimMarket::Fill &f : fills)
        applyFill(ordNo, f.price, f.qty);
}

void SimExchange::onTraded(int stock, const SimTick &tick)
{
    const QList<int> open = m_openByStock.value(stock);
    if (open.isEmpty())
        return;
    qint64 tickVolumeLeft = tick.volume;
    for (int ordNo : open) {
        const SimOrder &o = m_orders.at(ordNo - 1 - m_orderBase);
        if (o.state != SimOrderState::Open || o.openQty <= 0)
            continue;
        const bool buy = o.side == SimSide::Buy;
        if (tick.auction) {
            // Single-price auction: every crossing order executes at the auction price.
            if (o.market || (buy ? o.price >= tick.price : o.price <= tick.price))
                applyFill(ordNo, tick.price, o.openQty);
            continue;
        }
        if (m_market.phase() != SimPhase::Continuous)
            continue;
        if (o.market) {
            matchIncoming(ordNo);
            continue;
        }
        const bool through = buy ? tick.price < o.price : tick.price > o.price;
        // A resting order at the traded price fills only against the other side's aggressor.
        const bool touch = tick.price == o.price && (buy ? !tick.buyInitiated : tick.buyInitiated);
        if (through) {
            const qint64 fromBook = m_market.liquidityWithin(stock, buy, o.price);
            const qint64 qty = std::min(o.openQty, tickVolumeLeft + fromBook);
            if (qty > tickVolumeLeft)
                m_market.takeLiquidity(stock, buy, o.price, qty - tickVolumeLeft);
            tickVolumeLeft = std::max<qint64>(0, tickVolumeLeft - qty);
            if (qty > 0)
                applyFill(ordNo, o.price, qty);
        } else if (touch && tickVolumeLeft > 0) {
            const qint64 qty = std::min(o.openQty, tickVolumeLeft);
            tickVolumeLeft -= qty;
            applyFill(ordNo, o.price, qty);
        }
    }
}

void SimExchange::applyFill(int ordNo, qint64 price, qint64 qty)
{
    SimOrder &o = m_orders[ordNo - 1 - m_orderBase];
    Q_ASSERT(qty > 0 && qty <= o.openQty);
    const qint64 amount = price * qty;
    const qint64 fee = m_account.fee(amount);
    const QDate date = m_market.currentDate();
    SimFill f;
    f.fillNo = nextFillNo();
    f.ordNo = ordNo;
    f.stock = o.stock;
    f.side = o.side;
    f.price = price;
    f.qty = qty;
    f.fee = fee;
    f.timeMs = m_market.nowMs();
    f.date = date;
    if (o.side == SimSide::Buy) {
        m_account.applyBuy(o.stock, price, qty, fee, date);
    } else {
        f.tax = m_account.tax(amount);
        const SimAccount::SellResult r = m_account.applySell(o.stock, price, qty, fee, f.tax, date);
        f.realized = r.realized;
        f.avgPriceMilli = r.avgPriceMilli;
    }
    o.openQty -= qty;
    o.filledQty += qty;
    o.filledAmount += amount;
    o.fees += fee;
    o.taxes += f.tax;
    o.lastFillPrice = price;
    if (o.openQty == 0)
        closeOrder(o, SimOrderState::Filled);
    m_fills.append(f);
    recomputeReserved();
    emitEvent(SimOrderEvent::Kind::Filled, o, f);
    emit balanceChanged(o.stock, o.side);
}

qint64 SimExchange::reservationFor(const SimOrder &order) const
{
    if (order.side != SimSide::Buy || order.state != SimOrderState::Open || order.openQty <= 0)
        return 0;
    const qint64 price = order.market ? m_market.quote(order.stock).limits.upper : order.price;
    const qint64 amount = price * order.openQty;
    return amount + m_account.fee(amount);
}

void SimExchange::recomputeReserved()
{
    qint64 total = 0;
    for (auto it = m_openByStock.cbegin(); it != m_openByStock.cend(); ++it) {
        for (int ordNo : it.value())
            total += reservationFor(m_orders.at(ordNo - 1 - m_orderBase));
    }
    m_account.setReserved(total);
}

void SimExchange::onDayClosed(const QDate &date)
{
    Q_UNUSED(date)
    // Day orders: whatever is still open expires with the closing print.
    expireOpenOrders(false);
}

void SimExchange::expireOpenOrders(bool onlyPastTheirClose)
{
    const QHash<int, QList<int>> open = m_openByStock;
    for (auto it = open.cbegin(); it != open.cend(); ++it) {
        for (int ordNo : it.value()) {
            SimOrder &o = m_orders[ordNo - 1 - m_orderBase];
            if (onlyPastTheirClose && m_market.nowMs() < SimMarket::closeMs(o.date))
                continue;
            o.openQty = 0;
            closeOrder(o, SimOrderState::Cancelled);
            recomputeReserved();
            emitEvent(SimOrderEvent::Kind::Cancelled, o);
        }
    }
    recomputeReserved();
}

void SimExchange::onDayStarted(const QDate &date)
{
    m_account.settle(date);
    dropOrdersBefore(retentionStart(date));
}

QDate SimExchange::retentionStart(const QDate &today)
{
    QDate d = today;
    for (int i = 0; i < RETENTION_TRADING_DAYS; ++i)
        d = Krx::previousTradingDay(d);
    return d;
}

void SimExchange::dropOrdersBefore(const QDate &date)
{
    // Orders and fills are in time order, so the old ones are a prefix. Only closed orders can be
    // that old (day orders expire at the close), and nothing reports them any more.
    qsizetype orders = 0;
    while (
        orders < m_orders.size() && m_orders.at(orders).date < date && m_orders.at(orders).state != SimOrderState::Open)
        ++orders;
    if (orders > 0) {
        m_orders.remove(0, orders);
        m_orderBase += int(orders);
    }
    qsizetype fills = 0;
    while (fills < m_fills.size() && m_fills.at(fills).date < date)
        ++fills;
    if (fills > 0) {
        m_fills.remove(0, fills);
        m_fillBase += int(fills);
    }
}

SimExchange::State SimExchange::state() const
{
    State s;
    s.account = m_account.state();
    s.orders = m_orders;
    s.fills = m_fills;
    s.nextOrderNo = nextOrderNo();
    s.nextFillNo = nextFillNo();
    return s;
}

void SimExchange::restore(const State &state)
{
    Q_ASSERT(m_orders.isEmpty() && m_fills.isEmpty());
    Q_ASSERT(state.orders.isEmpty() || state.orders.last().ordNo == state.nextOrderNo - 1);
    Q_ASSERT(state.fills.isEmpty() || state.fills.last().fillNo == state.nextFillNo - 1);
    m_account.restore(state.account);
    m_orders = state.orders;
    m_fills = state.fills;
    m_orderBase = state.nextOrderNo - 1 - int(m_orders.size());
    m_fillBase = state.nextFillNo - 1 - int(m_fills.size());
    m_openByStock.clear();
    for (const SimOrder &o : std::as_const(m_orders)) {
        if (o.state == SimOrderState::Open && o.openQty > 0 && o.kind != SimOrderKind::Cancel)
            m_openByStock[o.stock].append(o.ordNo);
    }
    recomputeReserved();
    // Open orders of a day that has closed meanwhile expire now, as they would have at its close.
    expireOpenOrders(true);
    // Settlements due by the current trading day (its dayStarted came before this exchange existed).
    m_account.settle(m_market.currentDate());
    dropOrdersBefore(retentionStart(m_market.currentDate()));
}

void SimExchange::emitEvent(SimOrderEvent::Kind kind, const SimOrder &order, const SimFill &fill)
{
    SimOrderEvent e;
    e.kind = kind;
    e.order = order;
    e.fill = fill;
    e.timeMs = m_market.nowMs();
    emit orderEvent(e);
}
