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

std::optional<double> ChaikinOscillator::append(const Bar &bar)
{
    return step(bar, false);
}

std::optional<double> ChaikinOscillator::update(const Bar &bar)
{
    return step(bar, m_adl.count() > 0);
}

void ChaikinOscillator::reset()
{
    m_adl.reset();
    m_fast.reset();
    m_slow.reset();
}

std::optional<double> ChaikinOscillator::step(const Bar &bar, bool revise)
{
    const double adl = *detail::feed(m_adl, bar, revise);
    const double fast = *detail::feed(m_fast, adl, revise);
    const double slow = *detail::feed(m_slow, adl, revise);
    if (m_adl.count() <= m_warmup)
        return std::nullopt;
    return fast - slow;
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
