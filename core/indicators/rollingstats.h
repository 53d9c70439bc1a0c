// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <vector>

namespace Indicators {

// Mean and population variance of the last n inputs, O(1) per input: the building block of SMA,
// Bollinger, disparity and the stochastic %D smoothing.
//
// Precision (why not a plain running sum): the sums are kept relative to a shift K, an input of the
// window, as S1 = Σ(x−K) and S2 = Σ(x−K)². Prices in a window are close to each other, so x−K is
// small and, within a factor of 2 of K, exact (Sterbenz), which avoids the cancellation of
// Σx² − (Σx)²/n. Every n inputs (when the ring wraps) K is moved to the newest input and S1/S2 are
// recomputed exactly from the window, so rounding drift never outlives one window: amortised O(1),
// and the error over 1,000,000 candles is the same as over 20.
//   mean = (K·n + S1) / n;   variance = (n·S2 − S1²) / n², clamped at 0 (never NaN under sqrt).
// For integer inputs (KRW; while sums stay below 2^53) S1, S2, K·n + S1 and n·S2 − S1² are exact,
// so mean and variance are the correctly rounded true values; for decimal inputs the mean is within a
// few ulps and the variance within a few ulps of S2/n (the squared deviations from K). A window whose n inputs are all
// equal gives mean = that value and variance = 0 exactly.
//
// append() adds an input; update() replaces the newest one (revising a forming candle) by restoring
// the state saved before the last append() and pushing again: bit-identical to never having pushed
// the old value.
class RollingStats
{
public:
    explicit RollingStats(int period);

    void append(double x);
    void update(double x);
    void reset();

    int period() const { return m_n; }
    qint64 count() const { return m_s.count; }
    bool ready() const { return m_s.count >= m_n; }
    // Both require ready().
    double mean() const;
    double variance() const;

private:
    struct State
    {
        qint64 count = 0;
        int pos = 0; // ring slot the next input goes to (the oldest input once full)
        int run = 0; // trailing inputs equal to `last`, capped at n
        double last = 0.0;
        double shift = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
    };
    void push(double x);
    void recenter(double shift);

    int m_n;
    std::vector<double> m_ring;
    State m_s;
    State m_saved;
    double m_savedSlot = 0.0;
};

} // namespace Indicators
