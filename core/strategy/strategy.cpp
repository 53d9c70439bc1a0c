// SPDX-License-Identifier: GPL-3.0-or-later
#include "strategy.h"

namespace Strategies {

StrategyState::~StrategyState() = default;

Strategy::~Strategy() = default;

std::optional<Signal> Strategy::onQuote(const Quote &, StrategyState &) const
{
    return std::nullopt;
}

Signal Strategy::makeSignal(
    Side side, const Indicators::Bar &bar, const QString &reasonCode, const QString &reason) const
{
    Signal s;
    s.side = side;
    s.strategyType = type();
    s.timeMs = bar.timeMs;
    s.price = bar.close;
    s.reasonCode = reasonCode;
    s.reason = reason;
    return s;
}

} // namespace Strategies
