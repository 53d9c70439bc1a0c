// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Indicators {

// Neumaier-compensated running sum for the cumulative indicators (A/D line, OBV, VWAP): the error
// stays about one rounding of the total however many terms are added, instead of growing with the
// count (1,000,000 candles of fractional volume). Only additions, so no fused multiply-add can change
// it. value() is what the indicators report; the next add() continues from the pair, not from value().
class CompensatedSum
{
public:
    void add(double x)
    {
        const double t = m_sum + x;
        if ((m_sum >= 0 ? m_sum : -m_sum) >= (x >= 0 ? x : -x))
            m_comp += (m_sum - t) + x;
        else
            m_comp += (x - t) + m_sum;
        m_sum = t;
    }
    double value() const { return m_sum + m_comp; }
    void reset() { m_sum = m_comp = 0.0; }

private:
    double m_sum = 0.0;
    double m_comp = 0.0;
};

} // namespace Indicators
