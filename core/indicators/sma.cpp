// SPDX-License-Identifier: GPL-3.0-or-later
#include "sma.h"

namespace Indicators {

Sma::Sma(int period) : m_stats(period) { }

void Sma::reset()
{
    m_stats.reset();
    m_mean = 0.0;
}

void Sma::step(double x, bool revise)
{
    detail::feed(m_stats, x, revise);
    if (m_stats.ready())
        m_mean = m_stats.mean();
}

Line sma(std::span<const double> x, int period)
{
    Sma s(period);
    Line line = detail::makeLine(qsizetype(x.size()), s.period() - 1);
    for (size_t i = 0; i < x.size(); ++i) {
        if (const auto v = s.append(x[i]))
            line.values[i] = *v;
    }
    return line;
}

} // namespace Indicators
