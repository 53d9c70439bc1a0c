// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "parameters.h"
#include "strategy.h"

namespace Strategies {

// Momentum (모멘텀) strategy, buy only. On bar t it buys when
//     momentum_n(t) > min_momentum                 (momentum = C_t − C_{t−n}, default n = 10, level 0)
//     AND C_t > SMA_m(t)                           (the close is above its average, default m = 20)
//     AND SMA_m(t) > SMA_m(t−1)                    (the average is rising)
// — "momentum > 0 and an up-trend". All comparisons are strict, so a momentum of exactly the level,
// a close equal to the SMA, or a flat SMA do not fire. It fires on every bar the conditions hold
// (a state, not a crossing); the runner and the signal store dedupe. Reason "momentum.uptrend",
// values {momentum, close, sma, sma_prev}.
class MomentumStrategy final : public Strategy
{
public:
    struct Params
    {
        int momentumPeriod = 10; // "momentum_period", 1..1000
        int smaPeriod = 20; // "sma_period", 2..1000
        double minMomentum = 0.0; // "min_momentum", KRW, -1e9..1e9

        QJsonObject toJson() const;
        static Result<Params> fromJson(const QJsonObject &json);
        Status validate() const; // same checks as fromJson (error code "strategy.params")
    };

    static QString typeName();
    static QString description();
    static const QList<ParamSpec> &parameterSpecs();
    static Result<std::shared_ptr<const Strategy>> create(const QJsonObject &json);

    MomentumStrategy(); // default parameters
    explicit MomentumStrategy(const Params &params); // params must be valid
    const Params &params() const { return m_p; }

    QString type() const override { return typeName(); }
    QJsonObject parameters() const override { return m_p.toJson(); }
    qsizetype minimumBars() const override;
    bool usesIndicatorSet() const override { return true; }
    Indicators::IndicatorSet::Params indicatorParams() const override;
    std::optional<Signal> onCandle(const CandleContext &ctx) const override;

private:
    Params m_p;
};

} // namespace Strategies
