// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rollingstats.h"
#include "types.h"

namespace Indicators {

// Simple moving average of the last n inputs, first value at index n−1. The mean of RollingStats
// (see there for the precision scheme); a window of n equal inputs gives exactly that input.
class Sma
{
public:
    explicit Sma(int period);

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
    std::optional<double> value() const { return ready() ? std::optional<double>(m_mean) : std::nullopt; }
    void reset();

    int period() const { return m_stats.period(); }
    qint64 count() const { return m_stats.count(); }
    bool ready() const { return m_stats.ready(); }
    // The window behind the mean, for indicators over the same closes and period (IndicatorSet
    // derives Bollinger and disparity from it instead of keeping two more windows).
    const RollingStats &stats() const { return m_stats; }

private:
    void step(double x, bool revise);

    RollingStats m_stats;
    double m_mean = 0.0;
};

Line sma(std::span<const double> x, int period);

} // namespace Indicators
