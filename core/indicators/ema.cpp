// SPDX-License-Identifier: GPL-3.0-or-later
#include "ema.h"

namespace Indicators {

Ema::Ema(int period, EmaSeed seed) : m_n(clampPeriod(period)), m_seed(seed), m_alpha(2.0 / (m_n + 1)) { }

void Ema::reset()
{
    m_s = State {};
    m_saved = State {};
}

void Ema::step(double x, bool revise)
{
    if (revise && m_s.count > 0)
        m_s = m_saved;
    else
        m_saved = m_s;

    State &s = m_s;
    if (m_seed == EmaSeed::FirstValue) {
        s.ema = s.count == 0 ? x : s.ema + m_alpha * (x - s.ema);
        ++s.count;
        return;
    }
    if (s.count < m_n) {
        s.sum += x;
        s.seedFlat = s.count == 0 || (s.seedFlat && x == s.first);
        if (s.count == 0)
            s.first = x;
        if (++s.count == m_n)
            s.ema = s.seedFlat ? s.first : s.sum / m_n;
        return;
    }
    ++s.count;
    s.ema = s.ema + m_alpha * (x - s.ema);
}

Line ema(std::span<const double> x, int period, EmaSeed seed)
{
    Ema e(period, seed);
    Line line = detail::makeLine(qsizetype(x.size()), e.warmup());
    for (size_t i = 0; i < x.size(); ++i) {
        if (const auto v = e.append(x[i]))
            line.values[i] = *v;
    }
    return line;
}

} // namespace Indicators
