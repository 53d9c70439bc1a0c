// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "types.h"

namespace Indicators {

// Linearly weighted moving average (가중평균), default 20: weights 1..n, the newest input heaviest:
//   WMA_t = Σ_{i=1..n} i·x_{t−n+i} / (n(n+1)/2), first value at index n−1 (no partial windows).
// The seed's RSI volume test ("거래량 > 가중평균 × 1.5") applies it to volume. The value at t
// includes x_t; to compare a bar's volume with the average of the bars before it, use the previous
// bar's value (IndicatorSet::previous().volumeWma).
//
// O(1): S = Σx and W = Σ i·x roll as W' = W − S + n·x_new, S' = S − x_old + x_new; like RollingStats
// both are recomputed exactly from the ring every n inputs so drift never outlives a window, and a
// window of n equal inputs gives exactly that input (zero volume gives exactly 0).
class WeightedMovingAverage
{
public:
    explicit WeightedMovingAverage(int period = 20);

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
    std::optional<double> value() const { return ready() ? std::optional<double>(m_s.value) : std::nullopt; }
    void reset();

    int period() const { return m_n; }
    qint64 count() const { return m_s.count; }
    bool ready() const { return m_s.count >= m_n; }

private:
    struct State
    {
        qint64 count = 0;
        int pos = 0;
        int run = 0;
        double last = 0.0;
        double sum = 0.0;
        double weighted = 0.0;
        double value = 0.0;
    };
    void step(double x, bool revise);

    int m_n;
    double m_weightTotal;
    std::vector<double> m_ring;
    State m_s;
    State m_saved;
    double m_savedSlot = 0.0;
};

Line wma(std::span<const double> x, int period = 20);

} // namespace Indicators
