// SPDX-License-Identifier: GPL-3.0-or-later
#include "macd.h"

#include <algorithm>

namespace Indicators {

Macd::Macd() : Macd(Params {}) { }

Macd::Macd(const Params &params)
    : m_fast(params.fast)
    , m_slow(params.slow)
    , m_signal(params.signal)
    , m_firstLine(std::max(m_fast.period(), m_slow.period()) - 1)
{
}

Macd::Value Macd::append(double close)
{
    return step(close, false);
}

Macd::Value Macd::update(double close)
{
    return step(close, true);
}

void Macd::reset()
{
    m_fast.reset();
    m_slow.reset();
    m_signal.reset();
    m_value = Value {};
}

Macd::Value Macd::step(double close, bool revise)
{
    revise = revise && m_fast.count() > 0;
    const auto fast = detail::feed(m_fast, close, revise);
    const auto slow = detail::feed(m_slow, close, revise);
    Value v;
    if (fast && slow) {
        const double line = *fast - *slow;
        v.line = line;
        // The signal EMA is fed from firstLine() on, so a revised bar revises it iff it holds a value.
        v.signal = detail::feed(m_signal, line, revise && m_signal.count() > 0);
        if (v.signal)
            v.histogram = line - *v.signal;
    }
    m_value = v;
    return v;
}

MacdLines macd(std::span<const double> close, const Macd::Params &params)
{
    Macd m(params);
    const qsizetype n = qsizetype(close.size());
    MacdLines out { detail::makeLine(n, m.firstLine()), detail::makeLine(n, m.firstSignal()),
                    detail::makeLine(n, m.firstSignal()) };
    for (size_t i = 0; i < close.size(); ++i) {
        const Macd::Value v = m.append(close[i]);
        if (v.line)
            out.line.values[i] = *v.line;
        if (v.signal)
            out.signal.values[i] = *v.signal;
        if (v.histogram)
            out.histogram.values[i] = *v.histogram;
    }
    return out;
}

} // namespace Indicators
