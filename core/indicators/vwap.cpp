// SPDX-License-Identifier: GPL-3.0-or-later
#include "vwap.h"

namespace Indicators {

Vwap::Vwap(VwapAnchor anchor) : m_anchor(anchor) { }

void Vwap::reset()
{
    m_s = State {};
    m_saved = State {};
}

double Vwap::typicalPrice(const Bar &bar)
{
    return (bar.high + bar.low + bar.close) / 3.0;
}

void Vwap::step(const Bar &bar, bool revise)
{
    if (revise && m_s.count > 0)
        m_s = m_saved;
    else
        m_saved = m_s;
    State &s = m_s;
    // A new day when the bar leaves the current day's interval (no 64-bit division per bar).
    if (m_anchor == VwapAnchor::KstDay && (s.count == 0 || bar.timeMs < s.dayStartMs || bar.timeMs >= s.dayEndMs)) {
        constexpr qint64 DAY_MS = 86400LL * 1000;
        constexpr qint64 KST_MS = 9LL * 3600 * 1000;
        s.dayStartMs = kstDay(bar.timeMs) * DAY_MS - KST_MS;
        s.dayEndMs = s.dayStartMs + DAY_MS;
        s.priceVolume.reset();
        s.volume.reset();
    }
    ++s.count;
    const double tp = typicalPrice(bar);
    s.priceVolume.add(tp * bar.volume);
    s.volume.add(bar.volume);
    const double volume = s.volume.value();
    s.value = volume > 0.0 ? s.priceVolume.value() / volume : tp;
}

Line vwap(std::span<const Bar> bars, VwapAnchor anchor)
{
    Vwap v(anchor);
    Line line = detail::makeLine(qsizetype(bars.size()), 0);
    for (size_t i = 0; i < bars.size(); ++i)
        line.values[i] = *v.append(bars[i]);
    return line;
}

} // namespace Indicators
