// SPDX-License-Identifier: GPL-3.0-or-later
#include "momentum.h"

#include <algorithm>

namespace Indicators {

Momentum::Momentum(int period) : m_n(clampPeriod(period)), m_ring(size_t(m_n), 0.0) { }

void Momentum::reset()
{
    m_s = State {};
    m_saved = State {};
    m_savedSlot = 0.0;
    std::fill(m_ring.begin(), m_ring.end(), 0.0);
}

void Momentum::step(double close, bool revise)
{
    if (revise && m_s.count > 0) {
        m_s = m_saved;
        m_ring[size_t(m_s.pos)] = m_savedSlot;
    } else {
        m_saved = m_s;
    }
    State &s = m_s;
    double &slot = m_ring[size_t(s.pos)]; // holds C_{t−n} once n closes have been seen
    m_savedSlot = slot;
    if (s.count >= m_n)
        s.value = close - slot;
    slot = close;
    if (++s.pos == m_n)
        s.pos = 0;
    ++s.count;
}

Line momentum(std::span<const double> close, int period)
{
    Momentum m(period);
    Line line = detail::makeLine(qsizetype(close.size()), m.period());
    for (size_t i = 0; i < close.size(); ++i) {
        if (const auto v = m.append(close[i]))
            line.values[i] = *v;
    }
    return line;
}

} // namespace Indicators
