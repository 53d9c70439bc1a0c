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

    std::optional<double> append(double x);
    std::optional<double> update(double x);
    void reset() { m_stats.reset(); }

    int period() const { return m_stats.period(); }
    qint64 count() const { return m_stats.count(); }
    bool ready() const { return m_stats.ready(); }
    double value() const { return m_stats.mean(); } // requires ready()

private:
    RollingStats m_stats;
};

Line sma(std::span<const double> x, int period);

} // namespace Indicators
