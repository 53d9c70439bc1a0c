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
    std::optional<double> append(const Bar &bar);
    std::optional<double> update(const Bar &bar);
    void reset();

    qint64 count() const { return m_s.count; }
    bool ready() const { return m_s.count > 0; }
    double value() const { return m_s.sum.value(); }

private:
    struct State
    {
        qint64 count = 0;
        double lastClose = 0.0;
        CompensatedSum sum;
    };
    double push(const Bar &bar);

    State m_s;
    State m_saved;
};

Line obv(std::span<const Bar> bars);

} // namespace Indicators
