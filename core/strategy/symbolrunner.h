// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signal.h"
#include "strategy.h"

#include "common/result.h"
#include "indicators/indicatorset.h"

#include <QList>
#include <QString>

#include <memory>
#include <span>
#include <vector>

namespace Strategies {

// Runs a fixed list of strategies over ONE symbol's bars (and quotes): the per-symbol evaluation
// the strategy scanner (1-minute loop over the watchlist, 5-minute candles whose newest one is still
// forming), the condition monitor, the scalping loop and the backtest share.
//
// Sharing: strategies whose indicatorParams() are equal read ONE IndicatorSet, updated once per
// bar (with the default parameters momentum, disparity, bollinger, rsi and chaikin all share the
// default set); a strategy with other periods gets its own set (a keyed cache per distinct
// Params). Strategies with private state (reference candle, scalping) get their StrategyState.
//
// Bars and when a signal is emitted:
// - onCandle(bar, status): a bar whose timeMs equals the newest bar's is a revision of it (the
//   forming candle re-fetched); a later timeMs starts a new bar; an earlier one is refused
//   ("strategy.order"). status says whether the caller knows the bar is final (Closed) or still
//   forming (Forming).
// - Each bar is DECIDED exactly once: when it is first passed as Closed, or — if a newer bar
//   arrives while it was still Forming — just before that newer bar is added, with its last
//   revision. Deciding evaluates every strategy on the bar and emits what fires.
// - EmitPolicy::OnClose (the default, and what the scanner should use): nothing is evaluated while
//   a bar is forming, so a signal never depends on a revision that later changed; one decision per
//   (strategy, bar). EmitPolicy::OnRevision: every Forming revision and the decision are evaluated,
//   and a signal is emitted the first time its rule holds for that bar; later revisions or the close
//   never emit the same (strategy, bar, side) again and never retract it.
// - Re-sending a bar that was already decided (the scanner re-fetches the last closed candle) only
//   revises the indicator state; it emits nothing. Hence no signal is emitted twice for the same
//   candle, whatever the re-fetch pattern.
// - warmUp() feeds stored history as decided bars without evaluating anything.
// Quotes (onQuote) go to the strategies that accept them (scalping), one observation per quote.
//
// Signals carry the runner's stock code. Not thread-safe; movable, not copyable (keep one per
// symbol, e.g. in a std::unordered_map or behind a std::unique_ptr).
class SymbolRunner
{
public:
    enum class BarStatus
    {
        Forming,
        Closed,
    };
    enum class EmitPolicy
    {
        OnClose,
        OnRevision,
    };

    SymbolRunner(const QString &stockCode, const QList<std::shared_ptr<const Strategy>> &strategies,
        EmitPolicy policy = EmitPolicy::OnClose);
    SymbolRunner(SymbolRunner &&) noexcept;
    SymbolRunner &operator=(SymbolRunner &&) noexcept;
    ~SymbolRunner();

    // Feeds a bar; appends the signals it emits to `out` (which is not cleared). Prices must be
    // finite and >= 0 (the CSV reader and the Kiwoom parsers guarantee it).
    Status onCandle(const Indicators::Bar &bar, BarStatus status, QList<Signal> &out);
    Result<QList<Signal>> onCandle(const Indicators::Bar &bar, BarStatus status = BarStatus::Closed);
    // Stored history, oldest first, all taken as decided (no signals).
    Status warmUp(std::span<const Indicators::Bar> history);

    void onQuote(const Quote &quote, QList<Signal> &out);
    QList<Signal> onQuote(const Quote &quote);

    // Forgets every bar and quote (the strategies stay).
    void reset();

    const QString &stockCode() const { return m_code; }
    EmitPolicy policy() const { return m_policy; }
    qsizetype strategyCount() const { return qsizetype(m_slots.size()); }
    const Strategy &strategy(qsizetype i) const { return *m_slots[size_t(i)].strategy; }
    // The IndicatorSet strategy i reads (nullptr if it reads none), and how many distinct sets exist.
    const Indicators::IndicatorSet *indicators(qsizetype i) const;
    qsizetype indicatorSetCount() const { return qsizetype(m_sets.size()); }

    qint64 barCount() const { return m_count; }
    qint64 newestTimeMs() const { return m_newest.timeMs; } // 0 before the first bar
    const Indicators::Bar &newestBar() const { return m_newest; }
    bool newestDecided() const { return m_decided; }

private:
    struct Slot
    {
        std::shared_ptr<const Strategy> strategy;
        int setIndex = -1;
        std::unique_ptr<StrategyState> state;
        unsigned emitted = 0; // Side bits emitted for the newest bar
    };

    void feed(const Indicators::Bar &bar, bool revise);
    void evaluate(QList<Signal> &out);

    QString m_code;
    EmitPolicy m_policy;
    std::vector<Indicators::IndicatorSet> m_sets;
    std::vector<Slot> m_slots;
    qint64 m_count = 0;
    Indicators::Bar m_newest;
    bool m_decided = false;
};

} // namespace Strategies
