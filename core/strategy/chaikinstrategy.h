// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "parameters.h"
#include "strategy.h"

namespace Strategies {

// Chaikin oscillator (차이킨 오실레이터) strategy, buy only. Oscillator = EMA_fast(ADL) −
// EMA_slow(ADL) (default 3, 10). On bar t it buys when the oscillator crosses above the level
// (default 0):  osc_{t−1} <= level AND osc_t > level. Staying above, or touching the level
// without crossing it, does not fire. fast must be below slow. Reason "chaikin.cross_above_level",
// values {chaikin, chaikin_prev}.
class ChaikinStrategy final : public Strategy
{
public:
    struct Params
    {
        int fast = 3; // "fast", 1..1000
        int slow = 10; // "slow", 2..1000, > fast
        double level = 0.0; // "level", -1e15..1e15 (A/D units: price position × volume)

        QJsonObject toJson() const;
        static Result<Params> fromJson(const QJsonObject &json);
        Status validate() const;
    };

    static QString typeName();
    static QString description();
    static const QList<ParamSpec> &parameterSpecs();
    static Result<std::shared_ptr<const Strategy>> create(const QJsonObject &json);

    ChaikinStrategy();
    explicit ChaikinStrategy(const Params &params);
    const Params &params() const { return m_p; }

    QString type() const override { return typeName(); }
    QJsonObject parameters() const override { return m_p.toJson(); }
    qsizetype minimumBars() const override { return std::max(m_p.fast, m_p.slow) + 1; }
    bool usesIndicatorSet() const override { return true; }
    Indicators::IndicatorSet::Params indicatorParams() const override;
    std::optional<Signal> onCandle(const CandleContext &ctx) const override;

private:
    Params m_p;
};

} // namespace Strategies
