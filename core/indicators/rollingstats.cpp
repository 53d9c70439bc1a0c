// SPDX-License-Identifier: GPL-3.0-or-later
#include "rollingstats.h"

#include "types.h"

#include <algorithm>

namespace Indicators {

RollingStats::RollingStats(int period) : m_n(clampPeriod(period)), m_ring(size_t(m_n), 0.0) { }

void RollingStats::append(double x)
{
    m_saved = m_s;
    push(x);
}

void RollingStats::update(double x)
{
    if (m_s.count == 0) {
        append(x);
        return;
    }
    m_s = m_saved;
    m_ring[size_t(m_s.pos)] = m_savedSlot;
    push(x);
}

void RollingStats::reset()
{
    m_s = State {};
    m_saved = State {};
    m_savedSlot = 0.0;
    std::fill(m_ring.begin(), m_ring.end(), 0.0);
}

void RollingStats::push(double x)
{
    State &s = m_s;
    s.run = (s.count > 0 && x == s.last) ? std::min(s.run + 1, m_n) : 1;
    s.last = x;

    double &slot = m_ring[size_t(s.pos)];
    m_savedSlot = slot;
    if (s.count < m_n) {
        if (s.count == 0)
            s.shift = x;
        const double d = x - s.shift;
        s.s1 += d;
        s.s2 += d * d;
    } else {
        const double dNew = x - s.shift;
        const double dOld = slot - s.shift;
        s.s1 += dNew - dOld;
        s.s2 += (dNew - dOld) * (dNew + dOld);
    }
    slot = x;
    ++s.count;
    if (++s.pos == m_n) {
        s.pos = 0;
        recenter(x); // the window is full whenever the ring wraps
    }
}

void RollingStats::recenter(double shift)
{
    // pos is 0 here, so the ring holds the window oldest-first.
    double s1 = 0.0;
    double s2 = 0.0;
    for (const double v : m_ring) {
        const double d = v - shift;
        s1 += d;
        s2 += d * d;
    }
    m_s.shift = shift;
    m_s.s1 = s1;
    m_s.s2 = s2;
}

double RollingStats::mean() const
{
    Q_ASSERT(ready());
    if (m_s.run >= m_n)
        return m_s.last;
    // K·n + S1 is the exact window sum for integer inputs (KRW), so the mean is then correctly rounded.
    return (m_s.shift * m_n + m_s.s1) / m_n;
}

double RollingStats::variance() const
{
    Q_ASSERT(ready());
    if (m_s.run >= m_n)
        return 0.0;
    // (n·S2 − S1²)/n²: the numerator is exact for integer inputs, so the variance is correctly rounded.
    const double n = m_n;
    const double v = (n * m_s.s2 - m_s.s1 * m_s.s1) / (n * n);
    return v > 0.0 ? v : 0.0;
}

} // namespace Indicators
