// SPDX-License-Identifier: GPL-3.0-or-later
#include "obv.h"

namespace Indicators {

std::optional<double> Obv::append(const Bar &bar)
{
    m_saved = m_s;
    return push(bar);
}

std::optional<double> Obv::update(const Bar &bar)
{
    if (m_s.count == 0)
        return append(bar);
    m_s = m_saved;
    return push(bar);
}

void Obv::reset()
{
    m_s = State {};
    m_saved = State {};
}

double Obv::push(const Bar &bar)
{
    State &s = m_s;
    if (s.count > 0) {
        if (bar.close > s.lastClose)
            s.sum.add(bar.volume);
        else if (bar.close < s.lastClose)
            s.sum.add(-bar.volume);
    }
    s.lastClose = bar.close;
    ++s.count;
    return s.sum.value();
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
