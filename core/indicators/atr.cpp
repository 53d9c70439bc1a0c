// SPDX-License-Identifier: GPL-3.0-or-later
#include "atr.h"

#include <algorithm>
#include <cmath>

namespace Indicators {

Atr::Atr(int period) : m_avg(period) { }

void Atr::reset()
{
    m_s = State {};
    m_saved = State {};
    m_avg.reset();
}

double Atr::trueRange(const Bar &bar, double previousClose)
{
    return std::max({ bar.high - bar.low, std::fabs(bar.high - previousClose), std::fabs(bar.low - previousClose) });
}

void Atr::step(const Bar &bar, bool revise)
{
    revise = revise && m_s.count > 0;
    if (revise)
        m_s = m_saved;
    else
        m_saved = m_s;
    State &s = m_s;
    const qint64 index = s.count++;
    s.prevClose = s.lastClose;
    s.lastClose = bar.close;
    if (index > 0)
        detail::feed(m_avg, trueRange(bar, s.prevClose), revise);
}

Line atr(std::span<const Bar> bars, int period)
{
    Atr a(period);
    Line line = detail::makeLine(qsizetype(bars.size()), a.period());
    for (size_t i = 0; i < bars.size(); ++i) {
        if (const auto v = a.append(bars[i]))
            line.values[i] = *v;
    }
    return line;
}

} // namespace Indicators
