// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rollingstats.h"
#include "types.h"

namespace Indicators {

// Disparity (이격도), default 20: C_t / SMA_n(t) × 100, first value at index n−1 (same SMA as Sma).
// When the SMA is 0 (every close of the window is 0, for non-negative prices) the disparity is 100:
// the price equals its average. Never inf.
class Disparity
{
public:
    explicit Disparity(int period = 20);

    std::optional<double> append(double close)
    {
        step(close, false);
        return value();
    }
    std::optional<double> update(double close)
    {
        step(close, true);
        return value();
    }
    std::optional<double> value() const { return ready() ? std::optional<double>(m_value) : std::nullopt; }
    void reset();

    int period() const { return m_stats.period(); }
    qint64 count() const { return m_stats.count(); }
    bool ready() const { return m_stats.ready(); }

    // The formula alone, for callers that already hold the SMA.
    static double fromSma(double close, double sma);

private:
    void step(double close, bool revise);

    RollingStats m_stats;
    double m_value = 0.0;
};

Line disparity(std::span<const double> close, int period = 20);

} // namespace Indicators
