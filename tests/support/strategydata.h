// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "strategy/signal.h"
#include "strategy/strategy.h"

#include "indicators/types.h"

#include <QHash>

#include <memory>
#include <optional>
#include <span>
#include <vector>

// Test helpers of the strategy and backtest suites: crafted candle series, a runner over a whole
// series, and a scripted strategy that signals on chosen bars (to test the backtest engine alone).
namespace StrategyData {

// Minute bars on the IndicatorsData timeline from closes: open = the previous close (the first
// bar opens at its close), high / low = max / min(open, close), the given volume(s).
std::vector<Indicators::Bar> fromCloses(const std::vector<double> &closes, double volume = 1000.0);
std::vector<Indicators::Bar> fromCloses(const std::vector<double> &closes, const std::vector<double> &volumes);

// Daily bar for day `day` (2024-01-02 09:00 KST plus `day` calendar days).
Indicators::Bar daily(int day, double open, double high, double low, double close, double volume);

// The strategy's decision on every bar of `bars` (all passed as Closed through a SymbolRunner).
std::vector<std::optional<Strategies::Signal>> decisions(
    const std::shared_ptr<const Strategies::Strategy> &strategy, std::span<const Indicators::Bar> bars);
// The decision on the last bar.
std::optional<Strategies::Signal> lastDecision(
    const std::shared_ptr<const Strategies::Strategy> &strategy, std::span<const Indicators::Bar> bars);
// Indices of the bars with a signal.
std::vector<qsizetype> signalIndices(
    const std::shared_ptr<const Strategies::Strategy> &strategy, std::span<const Indicators::Bar> bars);

// Emits the scripted signals at the bars with those open times; nothing else. Type "scripted".
class ScriptedStrategy final : public Strategies::Strategy
{
public:
    struct Step
    {
        Side side = Side::Buy;
        std::optional<qint64> targetPrice; // buys only: a limit at this price
    };

    explicit ScriptedStrategy(QHash<qint64, Step> steps, std::optional<Strategies::ExitRules> exits = std::nullopt);

    QString type() const override;
    QJsonObject parameters() const override { return {}; }
    qsizetype minimumBars() const override { return 1; }
    std::optional<Strategies::Signal> onCandle(const Strategies::CandleContext &ctx) const override;
    std::optional<Strategies::ExitRules> exitRules() const override { return m_exits; }

private:
    QHash<qint64, Step> m_steps;
    std::optional<Strategies::ExitRules> m_exits;
};

} // namespace StrategyData
