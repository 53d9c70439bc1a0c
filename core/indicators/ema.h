// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "types.h"

namespace Indicators {

enum class EmaSeed
{
    Sma, // first value at index n−1: the simple mean of the first n inputs (TA-Lib convention)
    FirstValue, // first value at index 0: E_0 = x_0 (the Chaikin oscillator's EMAs)
};

// Exponential moving average, α = 2/(n+1): E_t = E_{t−1} + α·(x_t − E_{t−1}). That form keeps a
// constant input exactly constant. The SMA seed is the plain left-to-right sum of the first n inputs
// divided by n (an exact sum, so a correctly rounded mean, for integer inputs), or exactly the input
// when all n are equal. O(1), no ring.
class Ema
{
public:
    explicit Ema(int period, EmaSeed seed = EmaSeed::Sma);

    std::optional<double> append(double x)
    {
        step(x, false);
        return value();
    }
    std::optional<double> update(double x)
    {
        step(x, true);
        return value();
    }
    std::optional<double> value() const { return ready() ? std::optional<double>(m_s.ema) : std::nullopt; }
    void reset();

    int period() const { return m_n; }
    double alpha() const { return m_alpha; }
    qint64 count() const { return m_s.count; }
    qsizetype warmup() const { return m_seed == EmaSeed::Sma ? m_n - 1 : 0; } // index of the first value
    bool ready() const { return m_s.count > warmup(); }

private:
    struct State
    {
        qint64 count = 0;
        double sum = 0.0;
        double first = 0.0;
        bool seedFlat = true;
        double ema = 0.0;
    };
    void step(double x, bool revise);

    int m_n;
    EmaSeed m_seed;
    double m_alpha;
    State m_s;
    State m_saved;
};

// Batch form: values from index n−1 (EmaSeed::Sma) or 0 (EmaSeed::FirstValue).
Line ema(std::span<const double> x, int period, EmaSeed seed = EmaSeed::Sma);

} // namespace Indicators
