// SPDX-License-Identifier: GPL-3.0-or-later
#include "atr.h"

#include <algorithm>
#include <cmath>

namespace Indicators {

Atr::Atr(int period) : m_avg(period) { }

std::optional<double> Atr::append(const Bar &bar)
{
    m_saved = m_s;
    return step(bar, false);
}

std::optional<double> Atr::update(const Bar &bar)
{
    if (m_s.count == 0)
        return append(bar);
    m_s = m_saved;
    return step(bar, true);
}

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

std::optional<double> Atr::step(const Bar &bar, bool revise)
{
    State &s = m_s;
    const qint64 index = s.count++;
    s.prevClose = s.lastClose;
    s.lastClose = bar.close;
    if (index == 0)
        return std::nullopt;
    return detail::feed(m_avg, trueRange(bar, s.prevClose), revise);
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
