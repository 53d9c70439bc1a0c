// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compensatedsum.h"
#include "types.h"

namespace Indicators {

// Accumulation/distribution line (A/D). Money-flow multiplier MFM = ((C−L) − (H−C)) / (H−L), 0 when
// H = L; ADL_t = ADL_{t−1} + MFM·V with ADL_{−1} = 0, so the first value is at index 0. The running
// total is Neumaier-compensated (see CompensatedSum), so it does not drift over long series.
class AccumulationDistribution
{
public:
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
    std::optional<double> value() const { return ready() ? std::optional<double>(m_s.value) : std::nullopt; }
    void reset();

    qint64 count() const { return m_s.count; }
    bool ready() const { return m_s.count > 0; }

    static double moneyFlowMultiplier(const Bar &bar);

private:
    struct State
    {
        qint64 count = 0;
        CompensatedSum sum;
        double value = 0.0;
    };
    void step(const Bar &bar, bool revise);

    State m_s;
    State m_saved;
};

Line adl(std::span<const Bar> bars);

} // namespace Indicators
