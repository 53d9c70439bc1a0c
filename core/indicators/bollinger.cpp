// SPDX-License-Identifier: GPL-3.0-or-later
#include "bollinger.h"

#include <cmath>

namespace Indicators {

Bollinger::Bollinger(int period, double width) : m_stats(period), m_k(width) { }

void Bollinger::reset()
{
    m_stats.reset();
    m_bands = Bands {};
}

Bollinger::Bands Bollinger::bandsFrom(const RollingStats &stats, double width)
{
    Bands b;
    b.middle = stats.mean();
    b.stdDev = std::sqrt(stats.variance());
    b.upper = b.middle + width * b.stdDev;
    b.lower = b.middle - width * b.stdDev;
    return b;
}

void Bollinger::step(double close, bool revise)
{
    detail::feed(m_stats, close, revise);
    if (m_stats.ready())
        m_bands = bandsFrom(m_stats, m_k);
}

BollingerLines bollinger(std::span<const double> close, int period, double width)
{
    Bollinger bb(period, width);
    const qsizetype n = qsizetype(close.size());
    const qsizetype first = bb.period() - 1;
    BollingerLines out { detail::makeLine(n, first), detail::makeLine(n, first), detail::makeLine(n, first),
        detail::makeLine(n, first) };
    for (size_t i = 0; i < close.size(); ++i) {
        if (const auto b = bb.append(close[i])) {
            out.middle.values[i] = b->middle;
            out.upper.values[i] = b->upper;
            out.lower.values[i] = b->lower;
            out.stdDev.values[i] = b->stdDev;
        }
    }
    return out;
}

} // namespace Indicators
