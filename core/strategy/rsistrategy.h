// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "parameters.h"
#include "strategy.h"

namespace Strategies {

// RSI strategy with a volume filter (RSI + 거래량). RSI is Wilder's, default 14; the volume average
// is the linearly weighted average volume (가중평균) of the `volume_wma_period` bars BEFORE this one
// (IndicatorSet::previous().volumeWma, so this bar's own volume does not dilute its own test).
//   buy  when RSI_t < oversold (30)   AND RSI_t > RSI_{t−1} (turning up)
//        AND V_t > volume_multiplier (1.5) × WMA_volume(t−1)          reason "rsi.oversold_turning_up"
//   sell when RSI_t > overbought (70) AND RSI_t < RSI_{t−1} (turning down)
//        AND V_t > volume_multiplier × WMA_volume(t−1)                 reason "rsi.overbought_turning_down"
// All comparisons strict: RSI exactly 30 / 70, an unchanged RSI, or volume exactly 1.5× do not fire.
// oversold must be below overbought. Values {rsi, rsi_prev, volume, volume_wma}.
class RsiStrategy final : public Strategy
{
public:
    struct Params
    {
        int period = 14; // "period", 2..1000
        double oversold = 30.0; // "oversold", 0..100
        double overbought = 70.0; // "overbought", 0..100, > oversold
        double volumeMultiplier = 1.5; // "volume_multiplier", 0..100
        int volumeWmaPeriod = 20; // "volume_wma_period", 1..1000

        QJsonObject toJson() const;
        static Result<Params> fromJson(const QJsonObject &json);
        Status validate() const;
    };

    static QString typeName();
    static QString description();
    static const QList<ParamSpec> &parameterSpecs();
    static Result<std::shared_ptr<const Strategy>> create(const QJsonObject &json);

    RsiStrategy();
    explicit RsiStrategy(const Params &params);
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
