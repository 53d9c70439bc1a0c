// SPDX-License-Identifier: GPL-3.0-or-later
#include "weightedmovingaverage.h"

#include <algorithm>

namespace Indicators {

WeightedMovingAverage::WeightedMovingAverage(int period)
    : m_n(clampPeriod(period)), m_weightTotal(double(m_n) * double(m_n + 1) / 2.0), m_ring(size_t(m_n), 0.0)
{
}

void WeightedMovingAverage::reset()
{
    m_s = State {};
    m_saved = State {};
    m_savedSlot = 0.0;
    std::fill(m_ring.begin(), m_ring.end(), 0.0);
}

void WeightedMovingAverage::step(double x, bool revise)
{
    if (revise && m_s.count > 0) {
        m_s = m_saved;
        m_ring[size_t(m_s.pos)] = m_savedSlot;
    } else {
        m_saved = m_s;
    }
    State &s = m_s;
    s.run = (s.count > 0 && x == s.last) ? std::min(s.run + 1, m_n) : 1;
    s.last = x;

    double &slot = m_ring[size_t(s.pos)];
    m_savedSlot = slot;
    if (s.count < m_n) {
        s.weighted += double(s.count + 1) * x;
        s.sum += x;
    } else {
        s.weighted = (s.weighted - s.sum) + m_n * x;
        s.sum = (s.sum - slot) + x;
    }
    slot = x;
    ++s.count;
    if (++s.pos == m_n) {
        // Exact recompute; pos is 0, so the ring is oldest-first and slot i has weight i+1.
        s.pos = 0;
        double sum = 0.0;
        double weighted = 0.0;
        for (int i = 0; i < m_n; ++i) {
            sum += m_ring[size_t(i)];
            weighted += double(i + 1) * m_ring[size_t(i)];
        }
        s.sum = sum;
        s.weighted = weighted;
    }
    if (s.count >= m_n)
        s.value = s.run >= m_n ? s.last : s.weighted / m_weightTotal;
}

Line wma(std::span<const double> x, int period)
{
    WeightedMovingAverage w(period);
    Line line = detail::makeLine(qsizetype(x.size()), w.period() - 1);
    for (size_t i = 0; i < x.size(); ++i) {
        if (const auto v = w.append(x[i]))
            line.values[i] = *v;
    }
    return line;
}

} // namespace Indicators
