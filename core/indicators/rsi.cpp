// SPDX-License-Identifier: GPL-3.0-or-later
#include "rsi.h"

namespace Indicators {

Rsi::Rsi(int period) : m_gain(period), m_loss(period) { }

std::optional<double> Rsi::append(double close)
{
    m_saved = m_s;
    return step(close, false);
}

std::optional<double> Rsi::update(double close)
{
    if (m_s.count == 0)
        return append(close);
    m_s = m_saved;
    return step(close, true);
}

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

std::optional<double> Rsi::step(double close, bool revise)
{
    State &s = m_s;
    const qint64 index = s.count++;
    s.prevClose = s.lastClose;
    s.lastClose = close;
    if (index == 0)
        return std::nullopt;
    const double diff = close - s.prevClose;
    const auto gain = detail::feed(m_gain, diff > 0.0 ? diff : 0.0, revise);
    const auto loss = detail::feed(m_loss, diff < 0.0 ? -diff : 0.0, revise);
    if (!gain)
        return std::nullopt;
    return fromAverages(*gain, *loss);
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
