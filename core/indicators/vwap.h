// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compensatedsum.h"
#include "types.h"

namespace Indicators {

enum class VwapAnchor
{
    Cumulative, // one running average from the first bar
    KstDay, // restarts whenever the Asia/Seoul calendar day of Bar::timeMs changes (kstDay())
};

// Volume-weighted average price: Σ(TP·V) / ΣV with TP = (H+L+C)/3, from index 0. While the
// accumulated volume is 0 (zero-volume bars at the start of the series or of a day) the VWAP is the
// current bar's typical price: never NaN. Both sums are compensated (see CompensatedSum).
class Vwap
{
public:
    explicit Vwap(VwapAnchor anchor = VwapAnchor::Cumulative);

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
    std::optional<double> value() const { return ready() ? std::optional<double>(m_s.value) : std::nullopt; }
    void reset();

    VwapAnchor anchor() const { return m_anchor; }
    qint64 count() const { return m_s.count; }
    bool ready() const { return m_s.count > 0; }

    static double typicalPrice(const Bar &bar);

private:
    struct State
    {
        qint64 count = 0;
        qint64 dayStartMs = 0; // the current Asia/Seoul day as [start, end) in UTC ms (KstDay only)
        qint64 dayEndMs = 0;
        CompensatedSum priceVolume;
        CompensatedSum volume;
        double value = 0.0;
    };
    void step(const Bar &bar, bool revise);

    VwapAnchor m_anchor;
    State m_s;
    State m_saved;
};

Line vwap(std::span<const Bar> bars, VwapAnchor anchor = VwapAnchor::Cumulative);

} // namespace Indicators
