// SPDX-License-Identifier: GPL-3.0-or-later
#include "rsi.h"

namespace Indicators {

Rsi::Rsi(int period) : m_gain(period), m_loss(period) { }

void Rsi::reset()
{
    m_s = State {};
    m_saved = State {};
    m_gain.reset();
    m_loss.reset();
}

double Rsi::fromAverages(double averageGain, double averageLoss)
{
    if (averageLoss == 0.0)
        return 100.0;
    return 100.0 - 100.0 / (1.0 + averageGain / averageLoss);
}

void Rsi::step(double close, bool revise)
{
    revise = revise && m_s.count > 0;
    if (revise)
        m_s = m_saved;
    else
        m_saved = m_s;
    State &s = m_s;
    const qint64 index = s.count++;
    s.prevClose = s.lastClose;
    s.lastClose = close;
    if (index == 0)
        return; // U/D start at index 1, so the averages are fed (and revised) from there on
    const double diff = close - s.prevClose;
    detail::feed(m_gain, diff > 0.0 ? diff : 0.0, revise);
    detail::feed(m_loss, diff < 0.0 ? -diff : 0.0, revise);
    if (m_gain.ready())
        s.rsi = fromAverages(m_gain.value(), m_loss.value());
}

Line rsi(std::span<const double> close, int period)
{
    Rsi r(period);
    Line line = detail::makeLine(qsizetype(close.size()), r.period());
    for (size_t i = 0; i < close.size(); ++i) {
        if (const auto v = r.append(close[i]))
            line.values[i] = *v;
    }
    return line;
}

} // namespace Indicators
