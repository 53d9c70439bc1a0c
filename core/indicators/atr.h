// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "types.h"
#include "wilderaverage.h"

namespace Indicators {

// Average true range, Wilder, default 14. TR_t = max(H−L, |H−C_{t−1}|, |L−C_{t−1}|) for t ≥ 1 (no TR
// at index 0); ATR at index n = mean(TR_1..TR_n), then (ATR·(n−1) + TR)/n. First value at index n.
class Atr
{
public:
    explicit Atr(int period = 14);

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
    std::optional<double> value() const { return ready() ? std::optional<double>(m_avg.value()) : std::nullopt; }
    void reset();

    int period() const { return m_avg.period(); }
    qint64 count() const { return m_s.count; }
    bool ready() const { return m_avg.ready(); }

    static double trueRange(const Bar &bar, double previousClose);

private:
    struct State
    {
        qint64 count = 0;
        double prevClose = 0.0;
        double lastClose = 0.0;
    };
    void step(const Bar &bar, bool revise);

    WilderAverage m_avg;
    State m_s;
    State m_saved;
};

Line atr(std::span<const Bar> bars, int period = 14);

} // namespace Indicators
