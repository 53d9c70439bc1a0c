// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QtGlobal>

#include <optional>
#include <span>
#include <vector>

struct Candle;

// Value types shared by every indicator (core/indicators).
//
// How the indicators are built (read this before using or extending them):
// - Each indicator is one small class (Sma, Ema, Rsi, ...) with an O(1) incremental interface:
//     append(x)  feeds a new bar and returns the indicator's value for it (std::nullopt while warming up);
//     update(x)  replaces the newest bar (the still-forming candle) and returns the revised value;
//     value()    returns the newest value again.
//   update() may be called any number of times; the state is then exactly as if the last append() had
//   been given the final value (each class saves the few scalars and the one ring slot an append
//   changes, and update() restores them before stepping again). update() before any append() is an
//   append. Multi-output indicators return a struct of optionals (Stochastic::Value, Macd::Value) or
//   an optional struct (Bollinger::Bands).
// - The batch function of an indicator (Indicators::sma(), ...) runs the same class over the series, so
//   batch and incremental results are bit-identical doubles by construction, not merely close.
// - No value is ever NaN or inf for finite inputs: every division has a documented value for its zero
//   case. "No value yet" is std::nullopt (incremental) or an index before Line::first (batch); the
//   first index of every output depends only on the periods, never on the data.
// - A window of equal inputs gives exactly that input as its mean (SMA, Bollinger middle with σ = 0,
//   the EMA/Wilder seeds, WMA, the stochastic smoothings), so flat prices and constant series show the
//   defined values exactly, not values an ulp away.
// - Nothing allocates after construction: append()/update() are allocation-free. Cost per bar is O(1)
//   amortised: the windowed sums are recomputed from their ring once per window (RollingStats), and a
//   revision may redo that or re-pop the HH/LL deque, so a single update() is at most O(period).
// - Inputs must be finite; prices and volumes are expected to be >= 0 (the CLI rejects anything else).
// - The classes are plain values (copyable, movable, no QObject) and not thread-safe: one owner at a time.
// - Floating point: the sources of this folder are compiled with -ffp-contract=off, so no fused
//   multiply-add changes a rounding depending on how a call was inlined; the inline parts of the
//   headers only copy values, all arithmetic is in the .cpp files.
namespace Indicators {

// Periods are clamped to [1, MAX_PERIOD] (Q_ASSERT in debug builds). Validate user input first,
// e.g. with IndicatorSet::Params::validate().
inline constexpr int MAX_PERIOD = 100000;
int clampPeriod(int period);

// One OHLCV bar in doubles: what every indicator reads. Prices may carry decimals (CSV input);
// Candle (integer KRW) converts exactly with toBar().
struct Bar
{
    qint64 timeMs = 0; // open time, UTC epoch ms; only the daily VWAP reads it
    double open = 0.0;
    double high = 0.0;
    double low = 0.0;
    double close = 0.0;
    double volume = 0.0;

    bool operator==(const Bar &) const = default;
};

Bar toBar(const Candle &candle);
std::vector<Bar> toBars(std::span<const Candle> candles);
std::vector<Bar> toBars(const QList<Candle> &candles);
std::vector<double> closes(std::span<const Bar> bars);
std::vector<double> volumes(std::span<const Bar> bars);

// The Asia/Seoul calendar day of a UTC instant, as days since 1970-01-01 (KST is a fixed UTC+9).
// Daily VWAP restarts whenever this changes.
qint64 kstDay(qint64 utcMs);

// A batch result: one double per input bar, defined from index `first` on. Entries before `first`
// are 0.0 placeholders, never NaN; read through has()/at() unless you index from `first` yourself.
// `first` depends only on the periods, never on the data, and may be >= size() for a short series.
struct Line
{
    std::vector<double> values;
    qsizetype first = 0;

    qsizetype size() const { return qsizetype(values.size()); }
    bool has(qsizetype i) const { return i >= first && i >= 0 && i < size(); }
    std::optional<double> at(qsizetype i) const
    {
        return has(i) ? std::optional<double>(values[size_t(i)]) : std::nullopt;
    }
};

namespace detail {
Line makeLine(qsizetype size, qsizetype first);
// Forwards to sub.append(v) or, when the owner is revising its newest bar, sub.update(v).
template<typename Sub, typename V> decltype(auto) feed(Sub &sub, const V &v, bool revise)
{
    if (revise)
        return sub.update(v);
    return sub.append(v);
}
} // namespace detail

} // namespace Indicators
