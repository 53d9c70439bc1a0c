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

void Bollinger::step(double close, bool revise)
{
    detail::feed(m_stats, close, revise);
    if (!m_stats.ready())
        return;
    Bands &b = m_bands;
    b.middle = m_stats.mean();
    b.stdDev = std::sqrt(m_stats.variance());
    b.upper = b.middle + m_k * b.stdDev;
    b.lower = b.middle - m_k * b.stdDev;
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
