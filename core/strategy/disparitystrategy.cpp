// SPDX-License-Identifier: GPL-3.0-or-later
#include "disparitystrategy.h"

using namespace Qt::StringLiterals;

namespace Strategies {

QString DisparityStrategy::typeName()
{
    return u"disparity"_s;
}

QString DisparityStrategy::description()
{
    return u"Buy when the close is far below its moving average (disparity = close / SMA x 100 below a "
           "level), sell when it is far above."_s;
}

const QList<ParamSpec> &DisparityStrategy::parameterSpecs()
{
    static const QList<ParamSpec> specs = [] {
        const Params d;
        return QList<ParamSpec> {
            { u"period"_s, ParamType::Int, double(d.period), 2, 1000, u"moving average period of the disparity"_s },
            { u"buy_below"_s, ParamType::Double, d.buyBelow, 1, 1000,
                u"buy when the disparity is strictly below this (percent of the average)"_s },
            { u"sell_above"_s, ParamType::Double, d.sellAbove, 1, 1000,
                u"sell when the disparity is strictly above this; must be greater than buy_below"_s },
        };
    }();
    return specs;
}

QJsonObject DisparityStrategy::Params::toJson() const
{
    return QJsonObject {
        { u"period"_s, period },
        { u"buy_below"_s, buyBelow },
        { u"sell_above"_s, sellAbove },
    };
}

Result<DisparityStrategy::Params> DisparityStrategy::Params::fromJson(const QJsonObject &json)
{
    const Result<Parameters> v = Parameters::parse(typeName(), parameterSpecs(), json);
    if (!v)
        return v.error();
    Params p;
    p.period = v->integer("period"_L1);
    p.buyBelow = v->number("buy_below"_L1);
    p.sellAbove = v->number("sell_above"_L1);
    if (!(p.buyBelow < p.sellAbove)) {
        return Parameters::error(typeName(),
            u"parameter \"buy_below\" (%1) must be below \"sell_above\" (%2)"_s.arg(p.buyBelow).arg(p.sellAbove));
    }
    return p;
}

Status DisparityStrategy::Params::validate() const
{
    const Result<Params> r = fromJson(toJson());
    return r ? Status {} : Status { r.error() };
}

Result<std::shared_ptr<const Strategy>> DisparityStrategy::create(const QJsonObject &json)
{
    const Result<Params> p = Params::fromJson(json);
    if (!p)
        return p.error();
    return std::shared_ptr<const Strategy>(std::make_shared<const DisparityStrategy>(*p));
}

DisparityStrategy::DisparityStrategy() : DisparityStrategy(Params {}) { }

DisparityStrategy::DisparityStrategy(const Params &params) : m_p(params)
{
    Q_ASSERT_X(params.validate().ok(), "DisparityStrategy", "invalid parameters");
}

Indicators::IndicatorSet::Params DisparityStrategy::indicatorParams() const
{
    Indicators::IndicatorSet::Params p;
    p.disparityPeriod = m_p.period;
    return p;
}

std::optional<Signal> DisparityStrategy::onCandle(const CandleContext &ctx) const
{
    const std::optional<double> &disparity = ctx.indicators->current().disparity;
    if (!disparity)
        return std::nullopt;
    const bool buy = *disparity < m_p.buyBelow;
    if (!buy && !(*disparity > m_p.sellAbove))
        return std::nullopt;
    // Built only when a rule holds: the scanner evaluates thousands of symbols a minute.
    Signal s = buy ? makeSignal(Side::Buy, ctx.bar, u"disparity.below_buy_level"_s,
                   u"close far below its moving average (disparity below the buy level)"_s)
                   : makeSignal(Side::Sell, ctx.bar, u"disparity.above_sell_level"_s,
                       u"close far above its moving average (disparity above the sell level)"_s);
    s.values.add("disparity"_L1, *disparity);
    s.values.add("close"_L1, ctx.bar.close);
    return s;
}

} // namespace Strategies
