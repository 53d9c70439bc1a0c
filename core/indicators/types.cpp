// SPDX-License-Identifier: GPL-3.0-or-later
#include "types.h"

#include "market/candle.h"

#include <algorithm>

namespace Indicators {

int clampPeriod(int period)
{
    Q_ASSERT_X(period >= 1 && period <= MAX_PERIOD, "Indicators::clampPeriod", "period out of range");
    return std::clamp(period, 1, MAX_PERIOD);
}

Bar toBar(const Candle &candle)
{
    // Integer KRW and share counts are exact in a double up to 2^53.
    return Bar { candle.timeMs, double(candle.open), double(candle.high), double(candle.low), double(candle.close),
        double(candle.volume) };
}

std::vector<Bar> toBars(std::span<const Candle> candles)
{
    std::vector<Bar> bars;
    bars.reserve(candles.size());
    for (const Candle &c : candles)
        bars.push_back(toBar(c));
    return bars;
}

std::vector<Bar> toBars(const QList<Candle> &candles)
{
    return toBars(std::span<const Candle>(candles.constData(), size_t(candles.size())));
}

std::vector<double> closes(std::span<const Bar> bars)
{
    std::vector<double> out(bars.size());
    for (size_t i = 0; i < bars.size(); ++i)
        out[i] = bars[i].close;
    return out;
}

std::vector<double> volumes(std::span<const Bar> bars)
{
    std::vector<double> out(bars.size());
    for (size_t i = 0; i < bars.size(); ++i)
        out[i] = bars[i].volume;
    return out;
}

qint64 kstDay(qint64 utcMs)
{
    constexpr qint64 DAY_MS = 86400LL * 1000;
    constexpr qint64 KST_MS = 9LL * 3600 * 1000;
    const qint64 local = utcMs + KST_MS;
    // Floor division: instants before 1970 still map to the right day.
    return local >= 0 ? local / DAY_MS : -((-local + DAY_MS - 1) / DAY_MS);
}

namespace detail {
Line makeLine(qsizetype size, qsizetype first)
{
    Line line;
    line.values.assign(size_t(size), 0.0);
    line.first = first;
    return line;
}
} // namespace detail

} // namespace Indicators
