// SPDX-License-Identifier: GPL-3.0-or-later
#include "wilderaverage.h"

#include "types.h"

namespace Indicators {

WilderAverage::WilderAverage(int period) : m_n(clampPeriod(period)) { }

void WilderAverage::reset()
{
    m_s = State {};
    m_saved = State {};
}

void WilderAverage::step(double x, bool revise)
{
    if (revise && m_s.count > 0)
        m_s = m_saved;
    else
        m_saved = m_s;

    State &s = m_s;
    if (s.count < m_n) {
        s.sum += x;
        s.seedFlat = s.count == 0 || (s.seedFlat && x == s.first);
        if (s.count == 0)
            s.first = x;
        if (++s.count == m_n)
            s.avg = s.seedFlat ? s.first : s.sum / m_n;
        return;
    }
    ++s.count;
    s.avg = (s.avg * (m_n - 1) + x) / m_n;
}

} // namespace Indicators
