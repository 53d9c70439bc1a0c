// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rollingstats.h"
#include "slidingextremum.h"
#include "types.h"

namespace Indicators {

// Stochastic oscillator, fast (k, d) and slow (k, slowK, slowD) from one pass, default (14, 3, 3, 3):
//   fast %K = 100·(C − LL_k)/(HH_k − LL_k), 0 when HH = LL; from index k−1 (13)
//   fast %D = SMA_d(fast %K);                    from index k−1 + d−1 (15)
//   slow %K = SMA_slowK(fast %K);                from index k−1 + slowK−1 (15)
//   slow %D = SMA_slowD(slow %K);                from index k−1 + slowK−1 + slowD−1 (17)
// HH/LL are the highest high / lowest low of the last k bars including the current one (monotonic
// deques, O(1) amortised). The smoothings are RollingStats means: a flat %K window gives exactly it.
// With d == slowK (the default) fast %D and slow %K are the same numbers and are computed once.
class Stochastic
{
public:
    struct Params
    {
        int k = 14;
        int d = 3;
        int slowK = 3;
        int slowD = 3;
    };
    struct Value
    {
        std::optional<double> k;
        std::optional<double> d;
        std::optional<double> slowK;
        std::optional<double> slowD;
        bool operator==(const Value &) const = default;
    };

    Stochastic();
    explicit Stochastic(const Params &params);

    Value append(const Bar &bar)
    {
        step(bar, false);
        return value();
    }
    Value update(const Bar &bar)
    {
        step(bar, true);
        return value();
    }
    Value value() const
    {
        const qint64 n = count();
        Value v;
        if (n > firstK())
            v.k = m_k;
        if (n > firstD())
            v.d = m_d.mean;
        if (n > firstSlowK())
            v.slowK = m_shareSmoothing ? m_d.mean : m_slowK.mean;
        if (n > firstSlowD())
            v.slowD = m_slowD.mean;
        return v;
    }
    void reset();

    const Params &params() const { return m_p; }
    qint64 count() const { return m_high.count(); }

    // Index of the first value of each output.
    qsizetype firstK() const { return m_p.k - 1; }
    qsizetype firstD() const { return firstK() + m_p.d - 1; }
    qsizetype firstSlowK() const { return firstK() + m_p.slowK - 1; }
    qsizetype firstSlowD() const { return firstSlowK() + m_p.slowD - 1; }

    static double percentK(double close, double highestHigh, double lowestLow);

private:
    void step(const Bar &bar, bool revise);

    struct Smoothing
    {
        explicit Smoothing(int period) : stats(period) { }
        RollingStats stats;
        double mean = 0.0;
    };

    Params m_p;
    SlidingMax m_high;
    SlidingMin m_low;
    Smoothing m_d;
    Smoothing m_slowK;
    Smoothing m_slowD;
    bool m_shareSmoothing; // d == slowK: slow %K is fast %D (same inputs, same window), computed once
    double m_k = 0.0;
};

struct StochasticLines
{
    Line k;
    Line d;
    Line slowK;
    Line slowD;
};
StochasticLines stochastic(std::span<const Bar> bars, const Stochastic::Params &params = {});

} // namespace Indicators
