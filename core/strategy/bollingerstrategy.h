// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "parameters.h"
#include "strategy.h"

namespace Strategies {

// Bollinger Bands (볼린저밴드) rebound strategy, buy only. Bands = SMA_n ± k·σ (population σ,
// default n = 20, k = 2). On bar t it buys when
//     L_{t−1} <= lower(t−1)     the previous candle touched the lower band (its low reached it;
//                               a close below the band implies this, low <= close)
//     AND C_t > lower(t)        and this candle closes back above the lower band (of bar t)
// "a candle touches or closes below the lower band, and the next closes back above it". A previous
// low one tick above the band, or a close exactly on the band, does not fire. Reason
// "bollinger.lower_band_rebound", values {close, bb_lower, prev_low, prev_bb_lower, bb_middle, bb_upper}.
class BollingerStrategy final : public Strategy
{
public:
    struct Params
    {
        int period = 20; // "period", 2..1000
        double width = 2.0; // "width", 0.1..10 (standard deviations)

        QJsonObject toJson() const;
        static Result<Params> fromJson(const QJsonObject &json);
        Status validate() const;
    };

    static QString typeName();
    static QString description();
    static const QList<ParamSpec> &parameterSpecs();
    static Result<std::shared_ptr<const Strategy>> create(const QJsonObject &json);

    BollingerStrategy();
    explicit BollingerStrategy(const Params &params);
    const Params &params() const { return m_p; }

    QString type() const override { return typeName(); }
    QJsonObject parameters() const override { return m_p.toJson(); }
    qsizetype minimumBars() const override { return m_p.period + 1; }
    bool usesIndicatorSet() const override { return true; }
    Indicators::IndicatorSet::Params indicatorParams() const override;
    std::optional<Signal> onCandle(const CandleContext &ctx) const override;

private:
    Params m_p;
};

} // namespace Strategies
