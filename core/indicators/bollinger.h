// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rollingstats.h"
#include "types.h"

namespace Indicators {

// Bollinger Bands (볼린저밴드), default (20, 2): middle = SMA_n, σ = population standard deviation
// of the same n closes, upper/lower = middle ± k·σ. First value at index n−1. A flat window gives
// σ = 0 exactly (upper = middle = lower); σ is never NaN (variance is clamped at 0).
class Bollinger
{
public:
    struct Bands
    {
        double middle = 0.0;
        double upper = 0.0;
        double lower = 0.0;
        double stdDev = 0.0;
        bool operator==(const Bands &) const = default;
    };

    explicit Bollinger(int period = 20, double width = 2.0);

    std::optional<Bands> append(double close)
    {
        step(close, false);
        return value();
    }
    std::optional<Bands> update(double close)
    {
        step(close, true);
        return value();
    }
    std::optional<Bands> value() const { return ready() ? std::optional<Bands>(m_bands) : std::nullopt; }
    void reset();

    int period() const { return m_stats.period(); }
    double width() const { return m_k; }
    qint64 count() const { return m_stats.count(); }
    bool ready() const { return m_stats.ready(); }

    // The bands of a ready window; what step() uses, so equal windows give bit-identical bands.
    static Bands bandsFrom(const RollingStats &stats, double width);

private:
    void step(double close, bool revise);

    RollingStats m_stats;
    double m_k;
    Bands m_bands;
};

struct BollingerLines
{
    Line middle;
    Line upper;
    Line lower;
    Line stdDev;
};
BollingerLines bollinger(std::span<const double> close, int period = 20, double width = 2.0);

} // namespace Indicators
