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

std::optional<double> meanIfReady(const RollingStats &s)
{
    return s.ready() ? std::optional<double>(s.mean()) : std::nullopt;
}
} // namespace

Stochastic::Stochastic() : Stochastic(Params {}) { }

Stochastic::Stochastic(const Params &params)
    : m_p(clamped(params)), m_high(m_p.k), m_low(m_p.k), m_d(m_p.d), m_slowK(m_p.slowK), m_slowD(m_p.slowD)
{
}

Stochastic::Value Stochastic::append(const Bar &bar)
{
    return step(bar, false);
}

Stochastic::Value Stochastic::update(const Bar &bar)
{
    return step(bar, true);
}

void Stochastic::reset()
{
    m_high.reset();
    m_low.reset();
    m_d.reset();
    m_slowK.reset();
    m_slowD.reset();
    m_value = Value {};
}

double Stochastic::percentK(double close, double highestHigh, double lowestLow)
{
    const double range = highestHigh - lowestLow;
    if (range == 0.0)
        return 0.0;
    return 100.0 * (close - lowestLow) / range;
}

Stochastic::Value Stochastic::step(const Bar &bar, bool revise)
{
    // The sub-windows are fed only from fixed indices on, so whether a revision must also revise a
    // sub-window depends on the bar index alone. update() before any append() is an append.
    revise = revise && m_high.count() > 0;
    detail::feed(m_high, bar.high, revise);
    detail::feed(m_low, bar.low, revise);
    Value v;
    if (m_high.count() > firstK()) {
        const double k = percentK(bar.close, m_high.value(), m_low.value());
        v.k = k;
        detail::feed(m_d, k, revise && m_d.count() > 0);
        detail::feed(m_slowK, k, revise && m_slowK.count() > 0);
        v.d = meanIfReady(m_d);
        v.slowK = meanIfReady(m_slowK);
        if (v.slowK) {
            detail::feed(m_slowD, *v.slowK, revise && m_slowD.count() > 0);
            v.slowD = meanIfReady(m_slowD);
        }
    }
    m_value = v;
    return v;
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
