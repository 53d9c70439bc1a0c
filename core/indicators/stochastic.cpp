// SPDX-License-Identifier: GPL-3.0-or-later
#include "stochastic.h"

namespace Indicators {

namespace {
Stochastic::Params clamped(Stochastic::Params p)
{
    p.k = clampPeriod(p.k);
    p.d = clampPeriod(p.d);
    p.slowK = clampPeriod(p.slowK);
    p.slowD = clampPeriod(p.slowD);
    return p;
}

} // namespace

Stochastic::Stochastic() : Stochastic(Params {}) { }

Stochastic::Stochastic(const Params &params)
    : m_p(clamped(params))
    , m_high(m_p.k)
    , m_low(m_p.k)
    , m_d(m_p.d)
    , m_slowK(m_p.slowK)
    , m_slowD(m_p.slowD)
    , m_shareSmoothing(m_p.d == m_p.slowK)
{
}

void Stochastic::reset()
{
    m_high.reset();
    m_low.reset();
    m_d.stats.reset();
    m_slowK.stats.reset();
    m_slowD.stats.reset();
    m_d.mean = m_slowK.mean = m_slowD.mean = m_k = 0.0;
}

double Stochastic::percentK(double close, double highestHigh, double lowestLow)
{
    const double range = highestHigh - lowestLow;
    if (range == 0.0)
        return 0.0;
    return 100.0 * (close - lowestLow) / range;
}

void Stochastic::step(const Bar &bar, bool revise)
{
    // The smoothings are fed only from fixed bar indices on, so a revised bar revises one of them
    // exactly when it already holds an input. update() before any append() is an append.
    revise = revise && m_high.count() > 0;
    detail::feed(m_high, bar.high, revise);
    detail::feed(m_low, bar.low, revise);
    if (m_high.count() <= firstK())
        return;
    m_k = percentK(bar.close, m_high.value(), m_low.value());
    auto smooth = [revise](Smoothing &s, double x) {
        detail::feed(s.stats, x, revise && s.stats.count() > 0);
        if (s.stats.ready())
            s.mean = s.stats.mean();
        return s.stats.ready();
    };
    const bool dReady = smooth(m_d, m_k);
    const Smoothing &slowK = m_shareSmoothing ? m_d : m_slowK;
    if (m_shareSmoothing ? dReady : smooth(m_slowK, m_k))
        smooth(m_slowD, slowK.mean);
}

StochasticLines stochastic(std::span<const Bar> bars, const Stochastic::Params &params)
{
    Stochastic s(params);
    const qsizetype n = qsizetype(bars.size());
    StochasticLines out { detail::makeLine(n, s.firstK()), detail::makeLine(n, s.firstD()),
        detail::makeLine(n, s.firstSlowK()), detail::makeLine(n, s.firstSlowD()) };
    for (size_t i = 0; i < bars.size(); ++i) {
        const Stochastic::Value v = s.append(bars[i]);
        if (v.k)
            out.k.values[i] = *v.k;
        if (v.d)
            out.d.values[i] = *v.d;
        if (v.slowK)
            out.slowK.values[i] = *v.slowK;
        if (v.slowD)
            out.slowD.values[i] = *v.slowD;
    }
    return out;
}

} // namespace Indicators
