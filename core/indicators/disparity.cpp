// SPDX-License-Identifier: GPL-3.0-or-later
#include "disparity.h"

namespace Indicators {

Disparity::Disparity(int period) : m_stats(period) { }

std::optional<double> Disparity::append(double close)
{
    m_stats.append(close);
    return result(close);
}

std::optional<double> Disparity::update(double close)
{
    m_stats.update(close);
    return result(close);
}

std::optional<double> Disparity::result(double close) const
{
    if (!m_stats.ready())
        return std::nullopt;
    return fromSma(close, m_stats.mean());
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
