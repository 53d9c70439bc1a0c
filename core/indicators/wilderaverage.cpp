// SPDX-License-Identifier: GPL-3.0-or-later
#include "wilderaverage.h"

#include "types.h"

namespace Indicators {

WilderAverage::WilderAverage(int period) : m_n(clampPeriod(period)) { }

std::optional<double> WilderAverage::append(double x)
{
    m_saved = m_s;
    return push(x);
}

std::optional<double> WilderAverage::update(double x)
{
    if (m_s.count == 0)
        return append(x);
    m_s = m_saved;
    return push(x);
}

void WilderAverage::reset()
{
    m_s = State {};
    m_saved = State {};
}

std::optional<double> WilderAverage::push(double x)
{
    State &s = m_s;
    if (s.count < m_n) {
        s.sum += x;
        s.seedFlat = s.count == 0 || (s.seedFlat && x == s.first);
        if (s.count == 0)
            s.first = x;
        if (++s.count < m_n)
            return std::nullopt;
        s.avg = s.seedFlat ? s.first : s.sum / m_n;
        return s.avg;
    }
    ++s.count;
    s.avg = (s.avg * (m_n - 1) + x) / m_n;
    return s.avg;
}

} // namespace Indicators
