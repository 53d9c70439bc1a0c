// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compensatedsum.h"
#include "types.h"

namespace Indicators {

// On-balance volume: 0 at index 0, then + V when C_t > C_{t−1}, − V when C_t < C_{t−1}, unchanged on
// an equal close. Compensated running total (exact for integer volumes anyway).
class Obv
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

private:
    struct State
    {
        qint64 count = 0;
        double lastClose = 0.0;
        CompensatedSum sum;
        double value = 0.0;
    };
    void step(const Bar &bar, bool revise);

    State m_s;
    State m_saved;
};

Line obv(std::span<const Bar> bars);

} // namespace Indicators
