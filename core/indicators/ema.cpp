// SPDX-License-Identifier: GPL-3.0-or-later
#include "ema.h"

namespace Indicators {

Ema::Ema(int period, EmaSeed seed) : m_n(clampPeriod(period)), m_seed(seed), m_alpha(2.0 / (m_n + 1)) { }

std::optional<double> Ema::append(double x)
{
    m_saved = m_s;
    return push(x);
}

std::optional<double> Ema::update(double x)
{
    if (m_s.count == 0)
        return append(x);
    m_s = m_saved;
    return push(x);
}

void Ema::reset()
{
    m_s = State {};
    m_saved = State {};
}

std::optional<double> Ema::push(double x)
{
    State &s = m_s;
    if (m_seed == EmaSeed::FirstValue) {
        s.ema = s.count == 0 ? x : s.ema + m_alpha * (x - s.ema);
        ++s.count;
        return s.ema;
    }
    if (s.count < m_n) {
        s.sum += x;
        s.seedFlat = s.count == 0 || (s.seedFlat && x == s.first);
        if (s.count == 0)
            s.first = x;
        if (++s.count < m_n)
            return std::nullopt;
        s.ema = s.seedFlat ? s.first : s.sum / m_n;
        return s.ema;
    }
    ++s.count;
    s.ema = s.ema + m_alpha * (x - s.ema);
    return s.ema;
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
