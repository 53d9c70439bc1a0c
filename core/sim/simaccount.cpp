// SPDX-License-Identifier: GPL-3.0-or-later
#include "simaccount.h"

#include "market/krx.h"

#include <cmath>

SimAccount::SimAccount(qint64 initialCash, double feeRatePercent, double taxRatePercent)
    : m_initialCash(initialCash)
    , m_feeNano(qint64(std::llround(std::max(0.0, feeRatePercent) * 1e7)))
    , m_taxNano(qint64(std::llround(std::max(0.0, taxRatePercent) * 1e7)))
    , m_deposit(initialCash)
{
}

void SimAccount::restore(const State &state)
{
    m_deposit = state.deposit;
    m_pending = state.pending;
    m_holdings = state.holdings;
    m_days = state.days;
    m_reserved = 0;
}

// Integer arithmetic: amount × rate% rounded down to the won, exact for any realistic amount.
qint64 SimAccount::fee(qint64 amount) const
{
    return amount > 0 ? amount * m_feeNano / 1'000'000'000 : 0;
}

qint64 SimAccount::tax(qint64 amount) const
{
    return amount > 0 ? amount * m_taxNano / 1'000'000'000 : 0;
}

QDate SimAccount::settlementDate(const QDate &tradeDate)
{
    return Krx::nextTradingDay(Krx::nextTradingDay(tradeDate));
}

void SimAccount::applyBuy(int stock, qint64 price, qint64 qty, qint64 fee, const QDate &tradeDate)
{
    const qint64 amount = price * qty;
    Holding &h = m_holdings[stock];
    h.qty += qty;
    h.purchaseAmount += amount;
    h.buyFees += fee;
    m_pending[settlementDate(tradeDate)] -= amount + fee;
    DayTotals &d = m_days[tradeDate];
    d.bought += amount;
    d.fees += fee;
}

SimAccount::SellResult SimAccount::applySell(
    int stock, qint64 price, qint64 qty, qint64 fee, qint64 tax, const QDate &tradeDate)
{
    SellResult result;
    const qint64 amount = price * qty;
    auto it = m_holdings.find(stock);
    Q_ASSERT(it != m_holdings.end() && it->qty >= qty);
    Holding &h = *it;
    result.avgPriceMilli = h.qty > 0 ? h.purchaseAmount * 1000 / h.qty : 0;
    qint64 releasedAmount = 0;
    qint64 releasedFees = 0;
    if (qty >= h.qty) {
        releasedAmount = h.purchaseAmount;
        releasedFees = h.buyFees;
    } else {
        releasedAmount = h.purchaseAmount * qty / h.qty;
        releasedFees = h.buyFees * qty / h.qty;
    }
    h.qty -= qty;
    h.purchaseAmount -= releasedAmount;
    h.buyFees -= releasedFees;
    if (h.qty == 0)
        m_holdings.erase(it);
    result.releasedCost = releasedAmount + releasedFees;
    result.realized = amount - result.releasedCost - fee - tax;
    m_pending[settlementDate(tradeDate)] += amount - fee - tax;
    DayTotals &d = m_days[tradeDate];
    d.sold += amount;
    d.fees += fee;
    d.taxes += tax;
    d.realized += result.realized;
    ++d.sellFills;
    return result;
}

void SimAccount::settle(const QDate &date)
{
    while (!m_pending.isEmpty() && m_pending.firstKey() <= date) {
        m_deposit += m_pending.first();
        m_pending.erase(m_pending.begin());
    }
}

qint64 SimAccount::depositAfter(const QDate &date) const
{
    qint64 total = m_deposit;
    for (auto it = m_pending.cbegin(); it != m_pending.cend() && it.key() <= date; ++it)
        total += it.value();
    return total;
}

qint64 SimAccount::d2Deposit() const
{
    qint64 total = m_deposit;
    for (qint64 v : m_pending)
        total += v;
    return total;
}

qint64 SimAccount::netSettlementOn(const QDate &date) const
{
    return m_pending.value(date);
}
