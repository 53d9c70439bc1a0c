// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "accumulationdistribution.h"
#include "ema.h"

namespace Indicators {

// Chaikin oscillator (차이킨 오실레이터), default (3, 10): EMA_fast(ADL) − EMA_slow(ADL), both EMAs
// seeded with the first A/D value (E_0 = ADL_0, EmaSeed::FirstValue), output from index
// max(fast, slow) − 1 (9 for the default). adl() exposes the underlying A/D line.
class ChaikinOscillator
{
public:
    explicit ChaikinOscillator(int fast = 3, int slow = 10);

    std::optional<double> append(const Bar &bar)
    {
        step(bar, false);
        return value();
    }
    std::optional<double> update(const Bar &bar)
    {
        step(bar, true);
        return value();
    }
    std::optional<double> value() const { return ready() ? std::optional<double>(m_value) : std::nullopt; }
    std::optional<double> adl() const { return m_adl.value(); } // from index 0
    void reset();

    qint64 count() const { return m_adl.count(); }
    qsizetype warmup() const { return m_warmup; } // index of the first value
    bool ready() const { return count() > m_warmup; }

private:
    void step(const Bar &bar, bool revise);

    AccumulationDistribution m_adl;
    Ema m_fast;
    Ema m_slow;
    qsizetype m_warmup;
    double m_value = 0.0;
};

Line chaikin(std::span<const Bar> bars, int fast = 3, int slow = 10);

} // namespace Indicators
