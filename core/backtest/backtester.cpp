// SPDX-License-Identifier: GPL-3.0-or-later
#include "backtester.h"

#include "strategy/symbolrunner.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace Backtest {

namespace {

constexpr double MAX_PRICE = 1e12;
constexpr qint64 MICRO_PERCENT = 100'000'000; // 100 % in units of 1e-6 %

qint64 micro(double pct)
{
    return qint64(std::llround(pct * 1e6));
}

// floor(amount × pct / 100) and ceil(...) exactly, in 64-bit integers on every compiler: with
// amount = hi·10^8 + lo, amount·m / 10^8 = hi·m + lo·m / 10^8, and both products fit (amount <=
// ~1e16, m <= 1e9 for rates up to 1000 %).
qint64 mulPctFloor(qint64 amount, double pct)
{
    const qint64 m = micro(pct);
    return (amount / MICRO_PERCENT) * m + (amount % MICRO_PERCENT) * m / MICRO_PERCENT;
}

qint64 mulPctCeil(qint64 amount, double pct)
{
    const qint64 m = micro(pct);
    return (amount / MICRO_PERCENT) * m + ((amount % MICRO_PERCENT) * m + MICRO_PERCENT - 1) / MICRO_PERCENT;
}

qint64 buyFillAtOpen(double open, Krx::Instrument kind)
{
    return open > 0.0 ? Krx::snapUp(qint64(std::ceil(open)), kind) : 0;
}

qint64 sellFillAt(double price, Krx::Instrument kind)
{
    return Krx::snapDown(qint64(std::floor(price)), kind);
}

Error inputError(qsizetype index, const QString &message)
{
    return Error { u"backtest.input"_s, u"bar %1: %2"_s.arg(index).arg(message) };
}

Status checkBars(std::span<const Indicators::Bar> bars)
{
    for (size_t i = 0; i < bars.size(); ++i) {
        const Indicators::Bar &b = bars[i];
        for (double v : { b.open, b.high, b.low, b.close, b.volume }) {
            if (!std::isfinite(v) || v < 0.0)
                return inputError(qsizetype(i), u"prices and volume must be finite numbers >= 0"_s);
        }
        if (!(b.low <= b.open && b.low <= b.close && b.open <= b.high && b.close <= b.high))
            return inputError(qsizetype(i), u"low <= open, close <= high does not hold"_s);
        if (b.high > MAX_PRICE)
            return inputError(qsizetype(i), u"price above %1 KRW"_s.arg(MAX_PRICE, 0, 'f', 0));
        if (i > 0 && b.timeMs <= bars[i - 1].timeMs)
            return inputError(qsizetype(i), u"time is not after the previous bar's"_s);
    }
    return {};
}

} // namespace

Backtester::Backtester(std::shared_ptr<const Strategies::Strategy> strategy, const Config &config)
    : m_strategy(std::move(strategy)), m_config(config)
{
    Q_ASSERT(m_strategy);
}

qint64 Backtester::fee(qint64 amount, double pct)
{
    return amount > 0 ? mulPctFloor(amount, pct) : 0;
}

qint64 Backtester::stopLossPrice(qint64 buyPrice, double pct, Krx::Instrument kind)
{
    if (pct <= 0.0)
        return 0;
    // buy × (1 − pct/100), rounded down to a won: buy − ceil(buy × pct / 100).
    return Krx::snapDown(buyPrice - mulPctCeil(buyPrice, pct), kind);
}

qint64 Backtester::takeProfitPrice(qint64 buyPrice, double pct, Krx::Instrument kind)
{
    if (pct <= 0.0)
        return 0;
    return Krx::snapUp(buyPrice + mulPctCeil(buyPrice, pct), kind);
}

qint64 Backtester::affordableQuantity(qint64 cash, qint64 price, double feePct)
{
    if (price <= 0 || cash <= 0)
        return 0;
    qint64 q = qint64(double(cash) / (double(price) * (1.0 + feePct / 100.0)));
    // The double estimate may be one off either way; settle it exactly.
    while (q > 0 && q * price + fee(q * price, feePct) > cash)
        --q;
    while ((q + 1) * price + fee((q + 1) * price, feePct) <= cash)
        ++q;
    return q;
}

Strategies::ExitRules Backtester::exitRules() const
{
    if (const std::optional<Strategies::ExitRules> own = m_strategy->exitRules())
        return *own;
    return Strategies::ExitRules { m_config.takeProfitPct, m_config.stopLossPct, 0 };
}

Result<Report> Backtester::run(std::span<const Indicators::Bar> bars) const
{
    return run(bars, Progress {});
}

Result<Report> Backtester::run(std::span<const Indicators::Bar> bars, const Progress &progress) const
{
    if (const Status s = m_config.validate(); !s)
        return s.error();
    if (const Status s = checkBars(bars); !s)
        return s.error();

    const Config &cfg = m_config;
    const Krx::Instrument kind = cfg.instrument;
    const Strategies::ExitRules rules = exitRules();

    Report report;
    report.strategyType = m_strategy->type();
    report.parameters = m_strategy->parameters();
    report.config = cfg;
    Summary &sum = report.summary;
    sum.candles = qsizetype(bars.size());
    sum.initialCash = cfg.initialCash;

    struct Position
    {
        qsizetype entryIndex = 0;
        qint64 entryTimeMs = 0;
        qint64 price = 0;
        qint64 quantity = 0;
        qint64 fee = 0;
        QString reason;
        qint64 stopLoss = 0; // 0 = none
        qint64 takeProfit = 0; // 0 = none
        bool filledIntraBar = false;
    };
    enum class Pending
    {
        None,
        Buy,
        Sell,
    };

    Strategies::SymbolRunner runner(QString(), { m_strategy });
    qint64 cash = cfg.initialCash;
    std::optional<Position> pos;
    Pending pending = Pending::None;
    std::optional<qint64> pendingTarget;
    QString pendingReason;
    double peak = double(cfg.initialCash);
    double maxDrawdown = 0.0;
    QList<Strategies::Signal> fired;

    const auto markEquity = [&](double equity) {
        peak = std::max(peak, equity);
        if (peak > 0.0)
            maxDrawdown = std::max(maxDrawdown, (peak - equity) / peak * 100.0);
    };

    const auto buy = [&](qsizetype i, const Indicators::Bar &b, qint64 price, bool intraBar) {
        const qint64 qty = affordableQuantity(cash, price, cfg.feePct);
        if (qty <= 0) {
            ++sum.unaffordableBuys;
            return;
        }
        Position p;
        p.entryIndex = i;
        p.entryTimeMs = b.timeMs;
        p.price = price;
        p.quantity = qty;
        p.fee = fee(qty * price, cfg.feePct);
        p.reason = pendingReason;
        p.stopLoss = stopLossPrice(price, rules.stopLossPct, kind);
        p.takeProfit = takeProfitPrice(price, rules.takeProfitPct, kind);
        p.filledIntraBar = intraBar;
        cash -= qty * price + p.fee;
        sum.feesPaid += p.fee;
        pos = p;
    };

    const auto sell = [&](qsizetype i, const Indicators::Bar &b, qint64 price, ExitReason reason) {
        Trade t;
        t.entryIndex = pos->entryIndex;
        t.entryTimeMs = pos->entryTimeMs;
        t.entryPrice = pos->price;
        t.quantity = pos->quantity;
        t.entryFee = pos->fee;
        t.entryReason = pos->reason;
        t.exitIndex = i;
        t.exitTimeMs = b.timeMs;
        t.exitPrice = price;
        t.exitFee = fee(t.exitAmount(), cfg.feePct);
        t.exitTax = fee(t.exitAmount(), cfg.sellTaxPct);
        t.exitReason = reason;
        const qint64 cost = t.entryAmount() + t.entryFee;
        t.profit = t.exitAmount() - t.exitFee - t.exitTax - cost;
        t.returnPct = cost > 0 ? double(t.profit) / double(cost) * 100.0 : 0.0;
        cash += t.exitAmount() - t.exitFee - t.exitTax;
        sum.feesPaid += t.exitFee;
        sum.taxesPaid += t.exitTax;
        ++sum.trades;
        if (t.profit > 0)
            ++sum.wins;
        else
            ++sum.losses;
        report.trades.append(std::move(t));
        pos.reset();
    };

    const qsizetype total = qsizetype(bars.size());
    const qsizetype progressStep = std::max<qsizetype>(1, total / 100);
    if (cfg.recordEquity)
        report.equity.reserve(total);
    for (size_t n = 0; n < bars.size(); ++n) {
        const qsizetype i = qsizetype(n);
        const Indicators::Bar &b = bars[n];
        if (progress && i > 0 && i % progressStep == 0 && !progress(i, total))
            return Error { QStringLiteral("backtest.cancelled"),
                QStringLiteral("cancelled at bar %1 of %2").arg(i).arg(total) };

        // 1. The order decided on the previous bar, at this open.
        if (pending == Pending::Sell && pos) {
            sell(i, b, sellFillAt(b.open, kind), ExitReason::SellSignal);
        } else if (pending == Pending::Buy && !pos) {
            if (pendingTarget) {
                const qint64 target = *pendingTarget;
                if (b.low <= double(target)) {
                    if (b.open <= double(target))
                        buy(i, b, buyFillAtOpen(b.open, kind), false);
                    else
                        buy(i, b, target, true);
                } else {
                    ++sum.unfilledLimitBuys;
                }
            } else {
                const qint64 price = buyFillAtOpen(b.open, kind);
                if (price > 0)
                    buy(i, b, price, false);
                else
                    ++sum.unaffordableBuys;
            }
        }
        pending = Pending::None;

        // 2. Exits of the open position.
        if (pos) {
            const bool heldBefore = pos->entryIndex < i;
            if (rules.maxHoldingMs > 0 && heldBefore && b.timeMs - pos->entryTimeMs >= rules.maxHoldingMs) {
                sell(i, b, sellFillAt(b.open, kind), ExitReason::MaxHolding);
            } else {
                const qint64 sl = pos->stopLoss;
                const qint64 tp = pos->takeProfit;
                const bool slHit = sl > 0 && b.low <= double(sl);
                const bool tpHit = tp > 0 && b.high >= double(tp) && !(!heldBefore && pos->filledIntraBar);
                if (slHit) {
                    const qint64 price = heldBefore && b.open <= double(sl) ? sellFillAt(b.open, kind) : sl;
                    sell(i, b, price, ExitReason::StopLoss);
                } else if (tpHit) {
                    const qint64 price = heldBefore && b.open >= double(tp) ? sellFillAt(b.open, kind) : tp;
                    sell(i, b, price, ExitReason::TakeProfit);
                }
            }
        }

        // 3. Mark to market.
        const double equity = double(cash) + (pos ? double(pos->quantity) * b.close : 0.0);
        markEquity(equity);
        if (cfg.recordEquity)
            report.equity.append(equity);

        // 4. The strategy decides on this bar.
        fired.clear();
        if (const Status s = runner.onCandle(b, Strategies::SymbolRunner::BarStatus::Closed, fired); !s)
            return inputError(i, s.error().message);
        for (Strategies::Signal &s : fired) {
            if (s.side == Side::Buy) {
                ++sum.buySignals;
                if (!pos && pending == Pending::None) {
                    pending = Pending::Buy;
                    pendingTarget = s.targetPrice;
                    pendingReason = s.reasonCode;
                }
            } else {
                ++sum.sellSignals;
                if (pos && pending == Pending::None)
                    pending = Pending::Sell;
            }
            if (cfg.recordSignals)
                report.emitted.append(std::move(s));
        }
    }

    if (pos) {
        const Indicators::Bar &last = bars.back();
        sell(qsizetype(bars.size()) - 1, last, sellFillAt(last.close, kind), ExitReason::EndOfData);
        sum.closedAtEnd = true;
        markEquity(double(cash));
        if (cfg.recordEquity && !report.equity.isEmpty())
            report.equity.back() = double(cash);
    }
    if (progress && !progress(total, total))
        return Error { QStringLiteral("backtest.cancelled"), QStringLiteral("cancelled at the end") };

    sum.finalEquity = cash;
    sum.netProfit = cash - cfg.initialCash;
    sum.totalReturnPct = double(sum.netProfit) / double(cfg.initialCash) * 100.0;
    sum.maxDrawdownPct = maxDrawdown;
    sum.winRatePct = sum.trades > 0 ? double(sum.wins) / double(sum.trades) * 100.0 : 0.0;
    if (!bars.empty() && bars.front().open > 0.0)
        sum.buyAndHoldReturnPct = (bars.back().close - bars.front().open) / bars.front().open * 100.0;
    return report;
}

} // namespace Backtest
