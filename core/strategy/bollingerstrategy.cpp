// SPDX-License-Identifier: GPL-3.0-or-later
#include "bollingerstrategy.h"

using namespace Qt::StringLiterals;

namespace Strategies {

QString BollingerStrategy::typeName()
{
    return u"bollinger"_s;
}

QString BollingerStrategy::description()
{
    return u"Buy the rebound: a candle touches or closes below the lower Bollinger band and the next one "
           "closes back above it."_s;
}

const QList<ParamSpec> &BollingerStrategy::parameterSpecs()
{
    static const QList<ParamSpec> specs = [] {
        const Params d;
        return QList<ParamSpec> {
            { u"period"_s, ParamType::Int, double(d.period), 2, 1000, u"moving average period of the bands"_s },
            { u"width"_s, ParamType::Double, d.width, 0.1, 10, u"band width in (population) standard deviations"_s },
        };
    }();
    return specs;
}

QJsonObject BollingerStrategy::Params::toJson() const
{
    return QJsonObject {
        { u"period"_s, period },
        { u"width"_s, width },
    };
}

Result<BollingerStrategy::Params> BollingerStrategy::Params::fromJson(const QJsonObject &json)
{
    const Result<Parameters> v = Parameters::parse(typeName(), parameterSpecs(), json);
    if (!v)
        return v.error();
    Params p;
    p.period = v->integer("period"_L1);
    p.width = v->number("width"_L1);
    return p;
}

Status BollingerStrategy::Params::validate() const
{
    const Result<Params> r = fromJson(toJson());
    return r ? Status {} : Status { r.error() };
}

Result<std::shared_ptr<const Strategy>> BollingerStrategy::create(const QJsonObject &json)
{
    const Result<Params> p = Params::fromJson(json);
    if (!p)
        return p.error();
    return std::shared_ptr<const Strategy>(std::make_shared<const BollingerStrategy>(*p));
}

BollingerStrategy::BollingerStrategy() : BollingerStrategy(Params {}) { }

BollingerStrategy::BollingerStrategy(const Params &params) : m_p(params)
{
    Q_ASSERT_X(params.validate().ok(), "BollingerStrategy", "invalid parameters");
}

Indicators::IndicatorSet::Params BollingerStrategy::indicatorParams() const
{
    Indicators::IndicatorSet::Params p;
    p.bollingerPeriod = m_p.period;
    p.bollingerWidth = m_p.width;
    return p;
}

std::optional<Signal> BollingerStrategy::onCandle(const CandleContext &ctx) const
{
    const Indicators::IndicatorSet &set = *ctx.indicators;
    const Indicators::IndicatorSet::Values &now = set.current();
    const Indicators::IndicatorSet::Values &before = set.previous();
    if (!now.bbLower || !before.bbLower)
        return std::nullopt;
    const double prevLow = set.previousBar().low;
    if (!(prevLow <= *before.bbLower && ctx.bar.close > *now.bbLower))
        return std::nullopt;
    Signal s = makeSignal(Side::Buy, ctx.bar, u"bollinger.lower_band_rebound"_s,
        u"previous candle touched the lower Bollinger band, this one closed back above it"_s);
    s.values.add("close"_L1, ctx.bar.close);
    s.values.add("bb_lower"_L1, *now.bbLower);
    s.values.add("prev_low"_L1, prevLow);
    s.values.add("prev_bb_lower"_L1, *before.bbLower);
    s.values.add("bb_middle"_L1, *now.bbMiddle);
    s.values.add("bb_upper"_L1, *now.bbUpper);
    return s;
}

} // namespace Strategies
