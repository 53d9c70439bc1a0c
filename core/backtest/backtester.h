// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "types.h"

#include "common/result.h"
#include "indicators/types.h"
#include "strategy/strategy.h"

#include <functional>
#include <memory>
#include <span>

namespace Backtest {

// Runs one strategy over one symbol's candles, long only, one position at a time, with the very
// Strategy objects and SymbolRunner the live services use (every bar passed as Closed).
//
// Order of events on bar i:
//  1. The order decided on bar i−1 executes at bar i's OPEN:
//     - a buy signal, when flat: market buy at the open snapped UP to the tick (ceil to a won first:
//       CSV opens may carry decimals); a reference-candle signal with a target price is a limit buy
//       valid for this bar only: filled when low <= target, at the open if open <= target, else at
//       the target;
//     - a sell signal, when holding: market sell at the open snapped DOWN to the tick (floor first).
//     Buying and selling both round against the trader.
//     quantity = the largest q with q × price + fee(q × price) <= cash (0: counted as unaffordable).
//  2. Exits of an open position (including one bought at this open):
//     - maximum holding time (strategies with ExitRules, e.g. scalping): once bar i's open time is at
//       least maxHolding after the entry bar's open time, sell at bar i's open;
//     - stop-loss: SL = buy price × (1 − sl%) floored to a won and snapped down to the tick; when
//       low <= SL, sell at SL, or at the open (snapped down) if the bar opened at or below SL (gap);
//     - take-profit: TP = buy price × (1 + tp%) ceiled and snapped up; when high >= TP, sell at TP, or
//       at the open if it gapped above TP;
//     - both in one bar: the stop-loss is assumed to come first (the worse case). On the bar of an
//       intra-bar limit fill only the stop-loss is checked (its high may predate the fill).
//  3. Equity is marked at bar i's close (cash + shares × close) for the drawdown.
//  4. The strategy decides on bar i (its close); a buy when flat or a sell when holding becomes the
//     order of step 1 on bar i+1; other signals are counted only.
// After the last bar an open position is sold at the last close (snapped down), EndOfData.
// Costs: fee = floor(amount × fee%) on each side, tax = floor(amount × tax%) on sells, exact
// integer arithmetic (rates resolved to 1e-6 %). Stop-loss / take-profit come from Config (the
// Settings defaults unless overridden) unless the strategy brings exitRules() (scalping), which
// then replace them.
//
// Input: bars strictly increasing in time, finite, 0 <= low <= open, close <= high <= 1e12,
// volume >= 0; anything else is an Error "backtest.input" naming the bar index. Reentrant: run()
// is const and keeps no state between calls.
// Progress (the desktop's Backtest window runs it on a worker thread): `progress` is called on the
// calling thread with (bars done, bars in all) about every 1 % of the bars and once at the end;
// returning false stops the run, which then fails with "backtest.cancelled". It does not change the
// result: a run with a progress callback that never cancels equals one without.
class Backtester
{
public:
    using Progress = std::function<bool(qsizetype done, qsizetype total)>;

    explicit Backtester(std::shared_ptr<const Strategies::Strategy> strategy, const Config &config = Config {});

    Result<Report> run(std::span<const Indicators::Bar> bars) const;
    Result<Report> run(std::span<const Indicators::Bar> bars, const Progress &progress) const;

    const Config &config() const { return m_config; }
    const Strategies::Strategy &strategy() const { return *m_strategy; }
    // The exits run() applies: the strategy's own, or Config's stop-loss / take-profit.
    Strategies::ExitRules exitRules() const;

    // The money helpers run() uses, exposed for tests and the live executor's estimates.
    static qint64 fee(qint64 amount, double pct); // floor(amount × pct / 100), exact
    static qint64 stopLossPrice(qint64 buyPrice, double pct, Krx::Instrument kind = Krx::Instrument::Stock);
    static qint64 takeProfitPrice(qint64 buyPrice, double pct, Krx::Instrument kind = Krx::Instrument::Stock);
    static qint64 affordableQuantity(qint64 cash, qint64 price, double feePct);

private:
    std::shared_ptr<const Strategies::Strategy> m_strategy;
    Config m_config;
};

} // namespace Backtest
