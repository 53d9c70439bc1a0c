// SPDX-License-Identifier: GPL-3.0-or-later
#include "obv.h"

namespace Indicators {

void Obv::reset()
{
    m_s = State {};
    m_saved = State {};
}

void Obv::step(const Bar &bar, bool revise)
{
    if (revise && m_s.count > 0)
        m_s = m_saved;
    else
        m_saved = m_s;
    State &s = m_s;
    if (s.count > 0) {
        if (bar.close > s.lastClose)
            s.sum.add(bar.volume);
        else if (bar.close < s.lastClose)
            s.sum.add(-bar.volume);
    }
    s.lastClose = bar.close;
    s.value = s.sum.value();
    ++s.count;
}

Line obv(std::span<const Bar> bars)
{
    Obv o;
    Line line = detail::makeLine(qsizetype(bars.size()), 0);
    for (size_t i = 0; i < bars.size(); ++i)
        line.values[i] = *o.append(bars[i]);
    return line;
}

} // namespace Indicators
