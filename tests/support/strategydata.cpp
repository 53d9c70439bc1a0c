// SPDX-License-Identifier: GPL-3.0-or-later
#include "strategydata.h"

#include "indicatorsdata.h"
#include "strategy/symbolrunner.h"

#include <QtTest>

#include <algorithm>

namespace StrategyData {

std::vector<Indicators::Bar> fromCloses(const std::vector<double> &closes, double volume)
{
    return fromCloses(closes, std::vector<double>(closes.size(), volume));
}

std::vector<Indicators::Bar> fromCloses(const std::vector<double> &closes, const std::vector<double> &volumes)
{
    Q_ASSERT(closes.size() == volumes.size());
    std::vector<Indicators::Bar> bars;
    bars.reserve(closes.size());
    for (size_t i = 0; i < closes.size(); ++i) {
        const double open = i == 0 ? closes[0] : closes[i - 1];
        const double close = closes[i];
        bars.push_back(
            IndicatorsData::bar(qsizetype(i), open, std::max(open, close), std::min(open, close), close, volumes[i]));
    }
    return bars;
}

Indicators::Bar daily(int day, double open, double high, double low, double close, double volume)
{
    constexpr qint64 START_MS = 1704153600000LL; // 2024-01-02 09:00 KST
    return Indicators::Bar { START_MS + qint64(day) * 86400000LL, open, high, low, close, volume };
}

std::vector<std::optional<Strategies::Signal>> decisions(
    const std::shared_ptr<const Strategies::Strategy> &strategy, std::span<const Indicators::Bar> bars)
{
    Strategies::SymbolRunner runner(QString(), { strategy });
    std::vector<std::optional<Strategies::Signal>> out;
    out.reserve(bars.size());
    QList<Strategies::Signal> fired;
    for (const Indicators::Bar &b : bars) {
        fired.clear();
        const Status s = runner.onCandle(b, Strategies::SymbolRunner::BarStatus::Closed, fired);
        if (!s)
            qFatal("StrategyData::decisions: %s", qPrintable(s.error().message));
        if (fired.size() > 1)
            qFatal("StrategyData::decisions: more than one signal on a bar");
        out.push_back(fired.isEmpty() ? std::nullopt : std::optional<Strategies::Signal>(fired.front()));
    }
    return out;
}

std::optional<Strategies::Signal> lastDecision(
    const std::shared_ptr<const Strategies::Strategy> &strategy, std::span<const Indicators::Bar> bars)
{
    const auto all = decisions(strategy, bars);
    return all.empty() ? std::nullopt : all.back();
}

std::vector<qsizetype> signalIndices(
    const std::shared_ptr<const Strategies::Strategy> &strategy, std::span<const Indicators::Bar> bars)
{
    const auto all = decisions(strategy, bars);
    std::vector<qsizetype> out;
    for (size_t i = 0; i < all.size(); ++i) {
        if (all[i])
            out.push_back(qsizetype(i));
    }
    return out;
}

ScriptedStrategy::ScriptedStrategy(QHash<qint64, Step> steps, std::optional<Strategies::ExitRules> exits)
    : m_steps(std::move(steps)), m_exits(exits)
{
}

QString ScriptedStrategy::type() const
{
    return QStringLiteral("scripted");
}

std::optional<Strategies::Signal> ScriptedStrategy::onCandle(const Strategies::CandleContext &ctx) const
{
    const auto it = m_steps.constFind(ctx.bar.timeMs);
    if (it == m_steps.constEnd())
        return std::nullopt;
    Strategies::Signal s = makeSignal(it->side, ctx.bar, QStringLiteral("scripted.step"), QStringLiteral("scripted"));
    s.targetPrice = it->targetPrice;
    s.values.add(QLatin1StringView("close"), ctx.bar.close);
    return s;
}

} // namespace StrategyData
