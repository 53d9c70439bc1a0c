// SPDX-License-Identifier: GPL-3.0-or-later
#include "indicatorsdata.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

namespace IndicatorsData {

namespace {
// 2024-01-02 09:00 KST = 2024-01-02 00:00 UTC.
constexpr qint64 START_MS = 1704153600000LL;
constexpr qint64 MINUTE_MS = 60000;
constexpr qint64 DAY_MS = 86400000;
constexpr qsizetype BARS_PER_DAY = 390;

qint64 timeOf(qsizetype index)
{
    return START_MS + qint64(index / BARS_PER_DAY) * DAY_MS + qint64(index % BARS_PER_DAY) * MINUTE_MS;
}
} // namespace

Indicators::Bar bar(qsizetype index, double open, double high, double low, double close, double volume)
{
    return Indicators::Bar { timeOf(index), open, high, low, close, volume };
}

std::vector<Indicators::Bar> randomWalk(qsizetype n, quint64 seed, Prices prices)
{
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const bool krw = prices == Prices::KrwTicks;
    const double tick = krw ? 10.0 : 0.01;
    const double floor = krw ? 1000.0 : 1.0;
    auto snap = [&](double p) {
        const double q = std::round(p / tick);
        return krw ? q * tick : q / 100.0; // 2-decimal prices as the CSV would give them
    };

    std::vector<Indicators::Bar> bars;
    bars.reserve(size_t(n));
    double close = krw ? 50000.0 : 100.0;
    int flatLeft = 0; // bars left of a flat stretch (O = H = L = C)
    int zeroVolumeLeft = 0; // bars left of a zero-volume stretch
    for (qsizetype i = 0; i < n; ++i) {
        const double r = unit(rng);
        if (flatLeft == 0 && r < 0.01)
            flatLeft = 1 + int(unit(rng) * 45); // up to 45 bars: longer than every default window
        if (zeroVolumeLeft == 0 && unit(rng) < 0.01)
            zeroVolumeLeft = 1 + int(unit(rng) * 30);

        Indicators::Bar b;
        b.timeMs = timeOf(i);
        if (flatLeft > 0) {
            --flatLeft;
            b.open = b.high = b.low = b.close = close;
        } else {
            const double open = (i % BARS_PER_DAY == 0 && unit(rng) < 0.5)
                ? snap(std::max(floor, close * (1.0 + (unit(rng) - 0.5) * 0.06))) // overnight gap
                : close;
            const double step = (unit(rng) - 0.5) * close * 0.004;
            const double c = snap(std::max(floor, open + step));
            const double wickUp = unit(rng) < 0.2 ? 0.0 : unit(rng) * close * 0.002;
            const double wickDown = unit(rng) < 0.2 ? 0.0 : unit(rng) * close * 0.002;
            b.open = open;
            b.close = c;
            b.high = snap(std::max(open, c) + wickUp);
            b.low = snap(std::max(floor, std::min(open, c) - wickDown));
            b.low = std::min({ b.low, open, c });
            b.high = std::max({ b.high, open, c });
        }
        if (zeroVolumeLeft > 0) {
            --zeroVolumeLeft;
            b.volume = 0.0;
        } else {
            const double v = std::exp(unit(rng) * 8.0);
            b.volume = krw ? std::floor(v) : std::round(v * 1000.0) / 1000.0;
        }
        close = b.close;
        bars.push_back(b);
    }
    return bars;
}

Indicators::Bar formingVariant(const Indicators::Bar &bar, std::mt19937_64 &rng)
{
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    Indicators::Bar b = bar;
    const double span = std::max(1.0, bar.high - bar.low) * 2.0;
    b.close = std::round((bar.open + (unit(rng) - 0.5) * span) * 100.0) / 100.0;
    if (b.close < 0.0)
        b.close = 0.0;
    b.high = std::max({ bar.open, b.close }) + (unit(rng) < 0.3 ? 0.0 : std::round(unit(rng) * span * 100.0) / 100.0);
    b.low = std::max(
        0.0, std::min({ bar.open, b.close }) - (unit(rng) < 0.3 ? 0.0 : std::round(unit(rng) * span * 100.0) / 100.0));
    b.volume = unit(rng) < 0.2 ? 0.0 : std::floor(unit(rng) * 5000.0);
    return b;
}

bool sameBits(double a, double b)
{
    return std::bit_cast<quint64>(a) == std::bit_cast<quint64>(b);
}

bool sameBits(const std::optional<double> &a, const std::optional<double> &b)
{
    if (a.has_value() != b.has_value())
        return false;
    return !a || sameBits(*a, *b);
}

quint64 ulpsApart(double a, double b)
{
    if (a == b)
        return 0;
    if (std::isnan(a) || std::isnan(b) || std::signbit(a) != std::signbit(b))
        return std::numeric_limits<quint64>::max();
    const quint64 ia = std::bit_cast<quint64>(std::fabs(a));
    const quint64 ib = std::bit_cast<quint64>(std::fabs(b));
    return ia > ib ? ia - ib : ib - ia;
}

bool closeTo(double actual, double expected, double ulps, double scale)
{
    if (!std::isfinite(actual))
        return false;
    const double magnitude = std::max(std::fabs(expected), scale);
    return std::fabs(actual - expected) <= ulps * std::numeric_limits<double>::epsilon() * magnitude;
}

QString describe(const std::optional<double> &v)
{
    return v ? QString::number(*v, 'g', 17) : QStringLiteral("(none)");
}

} // namespace IndicatorsData
