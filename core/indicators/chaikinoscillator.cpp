// SPDX-License-Identifier: GPL-3.0-or-later
#include "chaikinoscillator.h"

#include <algorithm>

namespace Indicators {

ChaikinOscillator::ChaikinOscillator(int fast, int slow)
    : m_fast(fast, EmaSeed::FirstValue)
    , m_slow(slow, EmaSeed::FirstValue)
    , m_warmup(std::max(m_fast.period(), m_slow.period()) - 1)
{
}

void ChaikinOscillator::reset()
{
    m_adl.reset();
    m_fast.reset();
    m_slow.reset();
    m_value = 0.0;
}

void ChaikinOscillator::step(const Bar &bar, bool revise)
{
    // All three parts are fed on every bar, so they revise together (each handles "no bar yet").
    const double adl = *detail::feed(m_adl, bar, revise);
    const double fast = *detail::feed(m_fast, adl, revise);
    const double slow = *detail::feed(m_slow, adl, revise);
    m_value = fast - slow;
}

Line chaikin(std::span<const Bar> bars, int fast, int slow)
{
    ChaikinOscillator c(fast, slow);
    Line line = detail::makeLine(qsizetype(bars.size()), c.warmup());
    for (size_t i = 0; i < bars.size(); ++i) {
        if (const auto v = c.append(bars[i]))
            line.values[i] = *v;
    }
    return line;
}

} // namespace Indicators
