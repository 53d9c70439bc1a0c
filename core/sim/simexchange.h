// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "simaccount.h"
#include "simtypes.h"

#include <QHash>
#include <QList>
#include <QObject>

class SimMarket;
struct SimConfig;

// Values match realtime FID 907 (매도수구분): 1 sell (매도), 2 buy (매수).
enum class SimSide
{
    Sell = 1,
    Buy = 2,
};

enum class SimOrderKind
{
    New,
    Modify, // 정정: a new order number carrying (part of) the original's open quantity at a new price
    Cancel, // 취소: a new order number that removes (part of) the original's open quantity
};

enum class SimOrderState
{
    Open, // resting or queued, openQty > 0
    Filled, // fully executed
    Cancelled, // cancelled by a cancel order, or expired at the close
    Replaced, // all of its open quantity moved to a modify order
    Done, // a modify/cancel order's own record once confirmed (cancel orders only)
};

struct SimOrder
{
    int ordNo = 0;
    int origOrdNo = 0; // the order a modify/cancel refers to (0 for new orders)
    int rootOrdNo = 0; // first order of the modify chain (base_orig_ord_no)
    int stock = -1;
    SimSide side = SimSide::Buy;
    SimOrderKind kind = SimOrderKind::New;
    bool market = false; // trde_tp 3 시장가, else 0 보통 (limit)
    qint64 qty = 0; // order quantity (modify/cancel: the quantity modified/cancelled)
    qint64 price = 0; // limit price, 0 for market orders and cancels
    qint64 openQty = 0; // still unfilled (미체결)
    qint64 filledQty = 0;
    qint64 filledAmount = 0;
    qint64 fees = 0;
    qint64 taxes = 0;
    qint64 lastFillPrice = 0;
    SimOrderState state = SimOrderState::Open;
    qint64 timeMs = 0;
    QDate date;
};

struct SimFill
{
    int fillNo = 0;
    int ordNo = 0;
    int stock = -1;
    SimSide side = SimSide::Buy;
    qint64 price = 0;
    qint64 qty = 0;
    qint64 fee = 0;
    qint64 tax = 0;
    qint64 realized = 0; // sells: realized P&L of this fill
    qint64 avgPriceMilli = 0; // sells: average purchase price × 1000 before the fill
    qint64 timeMs = 0;
    QDate date;
};

struct SimOrderEvent
{
    enum class Kind
    {
        Accepted, // 접수
        Filled, // 체결
        Confirmed, // 확인 (modify/cancel confirmed)
        Cancelled, // 취소 (expired at the close)
        Rejected, // 거부
    };
    Kind kind = Kind::Accepted;
    SimOrder order;
    SimFill fill; // Filled only
    QString reason; // Rejected only
    qint64 timeMs = 0;
};

// SimExchange is the simulator's matching engine and account: it validates orders the way the
// broker does (session, trade type, tick, price limit, cash, holdings), matches market and limit
// orders against SimMarket's book and trades (partial fills when the displayed liquidity is short;
// the rest keeps working), handles modify and cancel chains, expires day orders at the close and
// settles cash T+2. Rejections are Error{"20", reason} (Kiwoom's return_code 20).
//
// Lives on the simulator thread next to its SimMarket (connected to traded/dayClosed/dayStarted).
// Emits orderEvent() for every order event and balanceChanged() after every fill, in order.
class SimExchange final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimExchange)

public:
    struct Ack
    {
        int ordNo = 0;
        int baseOrigOrdNo = 0;
        qint64 qty = 0;
    };

    // What survives a restart (SimStateFile): the ledger, the orders and fills still kept (numbers
    // contiguous, oldest first) and the next order and fill numbers.
    struct State
    {
        SimAccount::State account;
        QList<SimOrder> orders;
        QList<SimFill> fills;
        int nextOrderNo = 1;
        int nextFillNo = 1;
    };
    // Orders and fills older than this many trading days are dropped at each day start (the
    // per-day totals stay); no TR reports them.
    static constexpr int RETENTION_TRADING_DAYS = 30;
    static QDate retentionStart(const QDate &today);

    SimExchange(SimMarket &market, const SimConfig &config, QObject *parent = nullptr);

    State state() const;
    // Takes over a saved state; only on a fresh exchange (no order yet), with a consistent state
    // (SimStateFile validates it). Open orders go back into the book with their reservations,
    // unless the close of their day has passed in the market: those expire now (orderEvent
    // Cancelled, as at the close). Settlements due by the market's current date settle.
    void restore(const State &state);

    // tradeType is Kiwoom's trde_tp: 0 (보통, limit at price) and 3 (시장가, market) are supported.
    Result<Ack> submit(SimSide side, int stock, qint64 qty, qint64 price, int tradeType);
    // qty 0 = all of the original's open quantity.
    Result<Ack> modify(int origOrdNo, int stock, qint64 qty, qint64 price);
    Result<Ack> cancel(int origOrdNo, int stock, qint64 qty);

    // The orders kept, oldest first (ordNo ascending, contiguous).
    const QList<SimOrder> &orders() const { return m_orders; }
    const SimOrder *order(int ordNo) const;
    const QList<SimFill> &fills() const { return m_fills; }
    const SimAccount &account() const { return m_account; }
    // Shares of a stock that can still be sold (held minus open sell orders).
    qint64 sellableQty(int stock) const;
    // Today's bought/sold quantity of a stock.
    qint64 todayQty(int stock, SimSide side) const;

signals:
    void orderEvent(const SimOrderEvent &event);
    void balanceChanged(int stock, SimSide side);

private:
    Error reject(SimSide side, int stock, qint64 qty, qint64 price, bool market, const QString &reason);
    void onTraded(int stock, const SimTick &tick);
    void onDayClosed(const QDate &date);
    void onDayStarted(const QDate &date);
    void matchIncoming(int ordNo);
    void applyFill(int ordNo, qint64 price, qint64 qty);
    void closeOrder(SimOrder &order, SimOrderState state);
    void recomputeReserved();
    qint64 reservationFor(const SimOrder &order) const;
    SimOrder *openOrder(int ordNo);
    void dropOrdersBefore(const QDate &date);
    // Cancels open day orders (all, or only those whose day's close has passed in the market).
    void expireOpenOrders(bool onlyPastTheirClose);
    int nextOrderNo() const { return m_orderBase + int(m_orders.size()) + 1; }
    int nextFillNo() const { return m_fillBase + int(m_fills.size()) + 1; }
    void emitEvent(SimOrderEvent::Kind kind, const SimOrder &order, const SimFill &fill = {});

    SimMarket &m_market;
    SimAccount m_account;
    QList<SimOrder> m_orders; // ordNo n is m_orders[n - 1 - m_orderBase]
    QList<SimFill> m_fills; // fillNo n is m_fills[n - 1 - m_fillBase]
    int m_orderBase = 0; // orders dropped (or never restored) before m_orders
    int m_fillBase = 0;
    QHash<int, QList<int>> m_openByStock; // time priority
};
