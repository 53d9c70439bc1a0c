// SPDX-License-Identifier: GPL-3.0-or-later
#include "disparity.h"

namespace Indicators {

Disparity::Disparity(int period) : m_stats(period) { }

void Disparity::reset()
{
    m_stats.reset();
    m_value = 0.0;
}

double Disparity::fromSma(double close, double sma)
{
    return sma == 0.0 ? 100.0 : close / sma * 100.0;
}

void Disparity::step(double close, bool revise)
{
    detail::feed(m_stats, close, revise);
    if (m_stats.ready())
        m_value = fromSma(close, m_stats.mean());
}

Line disparity(std::span<const double> close, int period)
{
    Disparity d(period);
    Line line = detail::makeLine(qsizetype(close.size()), d.period() - 1);
    for (size_t i = 0; i < close.size(); ++i) {
        if (const auto v = d.append(close[i]))
            line.values[i] = *v;
    }
    return line;
}

} // namespace Indicators
