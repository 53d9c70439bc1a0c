// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "types.h"
#include "wilderaverage.h"

namespace Indicators {

// Relative strength index, Wilder, default 14. U_t = max(C_t − C_{t−1}, 0), D_t = max(C_{t−1} − C_t, 0)
// from index 1; AG/AL at index n are the simple means of U_1..U_n and D_1..D_n, then
// (AG·(n−1) + U)/n and likewise AL. RSI = 100 − 100/(1 + AG/AL), and RSI = 100 whenever AL = 0
// (including a flat series, where AG = AL = 0). First value at index n.
class Rsi
{
public:
    explicit Rsi(int period = 14);

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
    std::optional<double> value() const { return ready() ? std::optional<double>(m_s.rsi) : std::nullopt; }
    void reset();

    int period() const { return m_gain.period(); }
    qint64 count() const { return m_s.count; }
    bool ready() const { return m_gain.ready(); }
    double averageGain() const { return m_gain.value(); } // require ready()
    double averageLoss() const { return m_loss.value(); }

    // The formula alone: 100 when averageLoss is 0.
    static double fromAverages(double averageGain, double averageLoss);

private:
    struct State
    {
        qint64 count = 0;
        double prevClose = 0.0; // C_{t−1}
        double lastClose = 0.0; // C_t
        double rsi = 0.0;
    };
    void step(double close, bool revise);

    WilderAverage m_gain;
    WilderAverage m_loss;
    State m_s;
    State m_saved;
};

Line rsi(std::span<const double> close, int period = 14);

} // namespace Indicators
