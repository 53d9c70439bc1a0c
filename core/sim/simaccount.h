// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QList>
#include <QMap>
#include <QtGlobal>

#include <algorithm>

// SimAccount is the simulated cash account's ledger (원장): deposit (예수금) with T+2 settlement
// (D+1/D+2 estimated deposits), cash reserved by open buy orders, holdings (잔고) with their
// purchase amount and buy commissions, and per-day totals (bought, sold, commissions, taxes,
// realized P&L). Plain value logic, no Qt objects; SimExchange owns it and applies every fill.
//
// Money rules: commission (수수료) = floor(amount × feeRate%) on every fill; sell tax (거래세) =
// floor(amount × taxRate%) on every sell fill. The average price (매입단가) excludes commissions;
// the buy commissions of a holding are tracked separately (pur_cmsn) and are released, together
// with the purchase amount, in proportion to the quantity sold. Realized P&L (실현손익) of a sell =
// proceeds − released purchase amount − released buy commissions − sell commission − sell tax.
// Hence, to the won: D+2 deposit + Σ(purchase amount + buy commissions of holdings) =
// initial cash + Σ realized P&L.
class SimAccount
{
public:
    struct Holding
    {
        qint64 qty = 0;
        qint64 purchaseAmount = 0; // Σ price × qty still held (pur_amt)
        qint64 buyFees = 0; // buy commissions still attributed to the held shares (pur_cmsn)
        qint64 avgPrice() const { return qty > 0 ? purchaseAmount / qty : 0; }
    };
    struct DayTotals
    {
        qint64 bought = 0;
        qint64 sold = 0;
        qint64 fees = 0;
        qint64 taxes = 0;
        qint64 realized = 0;
        qint64 sellFills = 0;
    };
    struct SellResult
    {
        qint64 realized = 0;
        qint64 releasedCost = 0; // purchase amount + buy commissions released
        qint64 avgPriceMilli = 0; // average price × 1000 before the sale (for ka10077 buy_uv)
    };

    // Everything the ledger carries over a restart (reserved cash is derived from the open orders).
    struct State
    {
        qint64 deposit = 0;
        QMap<QDate, qint64> pending; // settlement date -> signed amount
        QMap<int, Holding> holdings; // stock index -> holding
        QMap<QDate, DayTotals> days;
    };

    SimAccount(qint64 initialCash, double feeRatePercent, double taxRatePercent);

    State state() const { return State { m_deposit, m_pending, m_holdings, m_days }; }
    // Replaces the ledger (reserved cash is reset to 0; the exchange recomputes it).
    void restore(const State &state);

    qint64 initialCash() const { return m_initialCash; }
    qint64 fee(qint64 amount) const;
    qint64 tax(qint64 amount) const;

    void applyBuy(int stock, qint64 price, qint64 qty, qint64 fee, const QDate &tradeDate);
    SellResult applySell(int stock, qint64 price, qint64 qty, qint64 fee, qint64 tax, const QDate &tradeDate);
    // Moves settlements due on or before date into the deposit.
    void settle(const QDate &date);

    qint64 deposit() const { return m_deposit; } // 예수금 (settled)
    qint64 depositAfter(const QDate &date) const; // deposit + settlements due by date
    qint64 d2Deposit() const; // all pending settled
    qint64 netSettlementOn(const QDate &date) const; // signed amount settling that day
    qint64 reserved() const { return m_reserved; }
    void setReserved(qint64 amount) { m_reserved = amount; }
    qint64 orderable() const { return std::max<qint64>(0, d2Deposit() - m_reserved); }
    qint64 withdrawable() const { return std::max<qint64>(0, std::min(m_deposit, d2Deposit()) - m_reserved); }

    const QMap<int, Holding> &holdings() const { return m_holdings; }
    Holding holding(int stock) const { return m_holdings.value(stock); }
    const QMap<QDate, DayTotals> &days() const { return m_days; }
    DayTotals day(const QDate &date) const { return m_days.value(date); }

    static QDate settlementDate(const QDate &tradeDate); // T+2 trading days

private:
    qint64 m_initialCash = 0;
    qint64 m_feeNano = 0; // rate percent × 1e7
    qint64 m_taxNano = 0;
    qint64 m_deposit = 0;
    qint64 m_reserved = 0;
    QMap<QDate, qint64> m_pending; // settlement date -> signed amount
    QMap<int, Holding> m_holdings;
    QMap<QDate, DayTotals> m_days;
};
