// SPDX-License-Identifier: GPL-3.0-or-later
#include "accumulationdistribution.h"

namespace Indicators {

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

void AccumulationDistribution::step(const Bar &bar, bool revise)
{
    if (revise && m_s.count > 0)
        m_s = m_saved;
    else
        m_saved = m_s;
    m_s.sum.add(moneyFlowMultiplier(bar) * bar.volume);
    m_s.value = m_s.sum.value();
    ++m_s.count;
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
