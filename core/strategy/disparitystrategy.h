// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "parameters.h"
#include "strategy.h"

namespace Strategies {

// Disparity (이격도) strategy. disparity_n(t) = C_t / SMA_n(t) × 100 (default n = 20).
//   buy  when disparity < buy_below   (default 95)   reason "disparity.below_buy_level"
//   sell when disparity > sell_above  (default 105)  reason "disparity.above_sell_level"
// Strict comparisons: exactly 95 or 105 does not fire. buy_below must be below sell_above, so the
// rules never hold together. Fires on every bar the condition holds. Values {disparity, close}.
class DisparityStrategy final : public Strategy
{
public:
    struct Params
    {
        int period = 20; // "period", 2..1000
        double buyBelow = 95.0; // "buy_below", 1..1000
        double sellAbove = 105.0; // "sell_above", 1..1000, > buy_below

        QJsonObject toJson() const;
        static Result<Params> fromJson(const QJsonObject &json);
        Status validate() const;
    };

    static QString typeName();
    static QString description();
    static const QList<ParamSpec> &parameterSpecs();
    static Result<std::shared_ptr<const Strategy>> create(const QJsonObject &json);

    DisparityStrategy();
    explicit DisparityStrategy(const Params &params);
    const Params &params() const { return m_p; }

    QString type() const override { return typeName(); }
    QJsonObject parameters() const override { return m_p.toJson(); }
    qsizetype minimumBars() const override { return m_p.period; }
    bool usesIndicatorSet() const override { return true; }
    Indicators::IndicatorSet::Params indicatorParams() const override;
    std::optional<Signal> onCandle(const CandleContext &ctx) const override;

private:
    Params m_p;
};

} // namespace Strategies
