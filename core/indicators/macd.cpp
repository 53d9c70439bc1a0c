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

void Macd::reset()
{
    m_fast.reset();
    m_slow.reset();
    m_signal.reset();
    m_line = m_signalValue = m_histogram = 0.0;
}

void Macd::step(double close, bool revise)
{
    revise = revise && m_fast.count() > 0;
    detail::feed(m_fast, close, revise);
    detail::feed(m_slow, close, revise);
    if (!m_fast.ready() || !m_slow.ready())
        return;
    m_line = *m_fast.value() - *m_slow.value();
    // The signal EMA is fed from firstLine() on, so a revised bar revises it iff it holds an input.
    detail::feed(m_signal, m_line, revise && m_signal.count() > 0);
    if (m_signal.ready()) {
        m_signalValue = *m_signal.value();
        m_histogram = m_line - m_signalValue;
    }
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
