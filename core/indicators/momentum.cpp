// SPDX-License-Identifier: GPL-3.0-or-later
#include "momentum.h"

#include <algorithm>

namespace Indicators {

Momentum::Momentum(int period) : m_n(clampPeriod(period)), m_ring(size_t(m_n), 0.0) { }

std::optional<double> Momentum::append(double close)
{
    m_saved = m_s;
    return push(close);
}

std::optional<double> Momentum::update(double close)
{
    if (m_s.count == 0)
        return append(close);
    m_s = m_saved;
    m_ring[size_t(m_s.pos)] = m_savedSlot;
    return push(close);
}

void Momentum::reset()
{
    m_s = State {};
    m_saved = State {};
    m_savedSlot = 0.0;
    std::fill(m_ring.begin(), m_ring.end(), 0.0);
}

std::optional<double> Momentum::push(double x)
{
    State &s = m_s;
    double &slot = m_ring[size_t(s.pos)]; // holds C_{t−n} once n closes have been seen
    m_savedSlot = slot;
    std::optional<double> out;
    if (s.count >= m_n)
        out = x - slot;
    slot = x;
    if (++s.pos == m_n)
        s.pos = 0;
    ++s.count;
    return out;
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
