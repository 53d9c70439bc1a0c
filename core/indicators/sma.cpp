// SPDX-License-Identifier: GPL-3.0-or-later
#include "sma.h"

namespace Indicators {

Sma::Sma(int period) : m_stats(period) { }

std::optional<double> Sma::append(double x)
{
    m_stats.append(x);
    return m_stats.ready() ? std::optional<double>(m_stats.mean()) : std::nullopt;
}

std::optional<double> Sma::update(double x)
{
    m_stats.update(x);
    return m_stats.ready() ? std::optional<double>(m_stats.mean()) : std::nullopt;
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
