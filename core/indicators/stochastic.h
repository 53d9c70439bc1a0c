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

    Value append(const Bar &bar);
    Value update(const Bar &bar);
    void reset();

    const Params &params() const { return m_p; }
    qint64 count() const { return m_high.count(); }
    const Value &value() const { return m_value; }

    // Index of the first value of each output.
    qsizetype firstK() const { return m_p.k - 1; }
    qsizetype firstD() const { return firstK() + m_p.d - 1; }
    qsizetype firstSlowK() const { return firstK() + m_p.slowK - 1; }
    qsizetype firstSlowD() const { return firstSlowK() + m_p.slowD - 1; }

    static double percentK(double close, double highestHigh, double lowestLow);

private:
    Value step(const Bar &bar, bool revise);

    Params m_p;
    SlidingMax m_high;
    SlidingMin m_low;
    RollingStats m_d;
    RollingStats m_slowK;
    RollingStats m_slowD;
    Value m_value;
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
