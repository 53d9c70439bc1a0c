// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "types.h"

namespace Indicators {

// Momentum (모멘텀), default 10: C_t − C_{t−n}, first value at index n. A ring of the previous n
// closes; O(1).
class Momentum
{
public:
    explicit Momentum(int period = 10);

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
    std::optional<double> value() const { return ready() ? std::optional<double>(m_s.value) : std::nullopt; }
    void reset();

    int period() const { return m_n; }
    qint64 count() const { return m_s.count; }
    bool ready() const { return m_s.count > m_n; }

private:
    struct State
    {
        qint64 count = 0;
        int pos = 0;
        double value = 0.0;
    };
    void step(double close, bool revise);

    int m_n;
    std::vector<double> m_ring;
    State m_s;
    State m_saved;
    double m_savedSlot = 0.0;
};

Line momentum(std::span<const double> close, int period = 10);

} // namespace Indicators
