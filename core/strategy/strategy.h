// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signal.h"
#include "types.h"

#include "indicators/indicatorset.h"

#include <QJsonObject>
#include <QString>

#include <memory>
#include <optional>

namespace Strategies {

// Per-symbol private state of a strategy that reads more than the shared IndicatorSet (the
// reference candle keeps its last N days, scalping its observations). It follows the
// IndicatorSet's contract: append() starts a new bar, update() revises the newest one and leaves
// the state exactly as if the last append() had been given the final bar. Created by
// Strategy::newState(), owned by whoever runs the strategy over that symbol (SymbolRunner).
class StrategyState
{
public:
    virtual ~StrategyState();
    virtual void append(const Indicators::Bar &bar) = 0;
    virtual void update(const Indicators::Bar &bar) = 0;
    virtual void reset() = 0;

protected:
    StrategyState() = default;
    StrategyState(const StrategyState &) = default;
    StrategyState &operator=(const StrategyState &) = default;
};

// What Strategy::onCandle() reads: the newest bar (final, or the latest revision of a forming
// bar) and the symbol's state after it was fed that bar.
struct CandleContext
{
    const Indicators::Bar &bar;
    // The IndicatorSet built with the strategy's indicatorParams(); non-null iff usesIndicatorSet().
    // Strategies whose indicatorParams() are equal share one set per symbol.
    const Indicators::IndicatorSet *indicators = nullptr;
    // The strategy's own state (newState()); non-null iff newState() returned one.
    const StrategyState *state = nullptr;
};

// A trading strategy (전략) with its parameters: the rules of the seed, one class per type
// (momentum, disparity, bollinger, rsi, chaikin, reference_candle, scalping), created by type name
// through StrategyRegistry.
//
// Contract:
// - Immutable once created: every method is const and keeps no per-symbol state, so one object
//   (held as std::shared_ptr<const Strategy>) serves every symbol and may be shared across threads.
//   Per-symbol state lives in the IndicatorSet and StrategyState that SymbolRunner (or the caller)
//   keeps for each symbol.
// - onCandle() decides on the newest bar only from the context it is given: the bar, the indicator
//   values of that bar and the bars before it (current()/previous()), and its own state. It never
//   sees a later bar, so no signal depends on the future (tests/unit/tst_backtestlookahead).
// - Every number it compares comes from core/indicators; every threshold is a parameter. The
//   emitted Signal names the rule (reasonCode) and carries the numbers that triggered it.
// - It returns at most one signal per bar (a buy and a sell rule of one strategy never hold together:
//   the parameters are validated so).
// - When a signal is emitted for a bar (on close, or on the first revision that satisfies the rule)
//   is the runner's policy, not the strategy's: see SymbolRunner.
class Strategy
{
public:
    virtual ~Strategy();

    // The registry name: "momentum", "disparity", "bollinger", "rsi", "chaikin", "reference_candle",
    // "scalping".
    virtual QString type() const = 0;
    // Every parameter with its value (defaults filled in): what trading_strategies.parameters stores.
    virtual QJsonObject parameters() const = 0;
    // The smallest number of bars (observations for quotes) after which a signal is possible.
    virtual qsizetype minimumBars() const = 0;

    // Whether onCandle() reads the shared IndicatorSet, and which periods it needs.
    virtual bool usesIndicatorSet() const { return false; }
    virtual Indicators::IndicatorSet::Params indicatorParams() const { return {}; }
    // Per-symbol private state, or nullptr when the IndicatorSet is all the strategy reads.
    virtual std::unique_ptr<StrategyState> newState() const { return nullptr; }

    // Decides on the newest bar of ctx; the returned signal has strategyType, timeMs (= bar time),
    // price (= close), reason and values filled in, stockCode left empty.
    virtual std::optional<Signal> onCandle(const CandleContext &ctx) const = 0;

    // Quote-driven strategies (scalping): feeds `quote` into `state` (from newState()) and decides
    // on it. The default ignores quotes.
    virtual bool acceptsQuotes() const { return false; }
    virtual std::optional<Signal> onQuote(const Quote &quote, StrategyState &state) const;

    // Exit rules of the strategy's own (scalping), replacing the settings' stop-loss / take-profit
    // for the positions it opens; std::nullopt for strategies that use the settings.
    virtual std::optional<ExitRules> exitRules() const { return std::nullopt; }

protected:
    Strategy() = default;
    Q_DISABLE_COPY_MOVE(Strategy)

    // A signal of this strategy for `bar`: strategyType, side, timeMs, price (close) and the reason
    // filled in; the caller adds the values.
    Signal makeSignal(Side side, const Indicators::Bar &bar, const QString &reasonCode, const QString &reason) const;
};

} // namespace Strategies
