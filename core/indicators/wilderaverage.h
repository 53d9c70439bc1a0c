// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace Indicators {

// Wilder's smoothing, the average inside RSI and ATR (a building block): the first value (after n
// inputs) is the simple mean of those n inputs (left-to-right sum / n; exactly the input when all n
// are equal), then avg = (avg·(n−1) + x) / n. O(1), no ring. update() replaces the newest input.
class WilderAverage
{
public:
    explicit WilderAverage(int period);

    void append(double x) { step(x, false); }
    void update(double x) { step(x, true); }
    void reset();

    int period() const { return m_n; }
    qint64 count() const { return m_s.count; }
    bool ready() const { return m_s.count >= m_n; }
    double value() const { return m_s.avg; } // requires ready()

private:
    struct State
    {
        qint64 count = 0;
        double sum = 0.0;
        double first = 0.0;
        bool seedFlat = true; // all seed inputs so far equal `first`
        double avg = 0.0;
    };
    void step(double x, bool revise);

    int m_n;
    State m_s;
    State m_saved;
};

} // namespace Indicators
