// SPDX-License-Identifier: GPL-3.0-or-later
#include "accumulationdistribution.h"

namespace Indicators {

std::optional<double> AccumulationDistribution::append(const Bar &bar)
{
    m_saved = m_s;
    return push(bar);
}

std::optional<double> AccumulationDistribution::update(const Bar &bar)
{
    if (m_s.count == 0)
        return append(bar);
    m_s = m_saved;
    return push(bar);
}

void AccumulationDistribution::reset()
{
    m_s = State {};
    m_saved = State {};
}

double AccumulationDistribution::moneyFlowMultiplier(const Bar &bar)
{
    if (bar.high == bar.low)
        return 0.0;
    return ((bar.close - bar.low) - (bar.high - bar.close)) / (bar.high - bar.low);
}

double AccumulationDistribution::push(const Bar &bar)
{
    m_s.sum.add(moneyFlowMultiplier(bar) * bar.volume);
    ++m_s.count;
    return m_s.sum.value();
}

Line adl(std::span<const Bar> bars)
{
    AccumulationDistribution a;
    Line line = detail::makeLine(qsizetype(bars.size()), 0);
    for (size_t i = 0; i < bars.size(); ++i)
        line.values[i] = *a.append(bars[i]);
    return line;
}

} // namespace Indicators
