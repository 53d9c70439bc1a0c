// SPDX-License-Identifier: GPL-3.0-or-later
#include "momentumstrategy.h"

using namespace Qt::StringLiterals;

namespace Strategies {

QString MomentumStrategy::typeName()
{
    return u"momentum"_s;
}

QString MomentumStrategy::description()
{
    return u"Buy when momentum (close minus the close n bars ago) is above a level and the trend is up: "
           "the close is above its simple moving average and that average is rising."_s;
}

const QList<ParamSpec> &MomentumStrategy::parameterSpecs()
{
    static const QList<ParamSpec> specs = [] {
        const Params d;
        return QList<ParamSpec> {
            { u"momentum_period"_s, ParamType::Int, double(d.momentumPeriod), 1, 1000,
                u"bars back for momentum = close - close n bars ago"_s },
            { u"sma_period"_s, ParamType::Int, double(d.smaPeriod), 2, 1000,
                u"period of the simple moving average the close must be above (and which must be rising)"_s },
            { u"min_momentum"_s, ParamType::Double, d.minMomentum, -1e9, 1e9,
                u"momentum must be strictly above this level (KRW)"_s },
        };
    }();
    return specs;
}

QJsonObject MomentumStrategy::Params::toJson() const
{
    return QJsonObject {
        { u"momentum_period"_s, momentumPeriod },
        { u"sma_period"_s, smaPeriod },
        { u"min_momentum"_s, minMomentum },
    };
}

Result<MomentumStrategy::Params> MomentumStrategy::Params::fromJson(const QJsonObject &json)
{
    const Result<Parameters> v = Parameters::parse(typeName(), parameterSpecs(), json);
    if (!v)
        return v.error();
    Params p;
    p.momentumPeriod = v->integer("momentum_period"_L1);
    p.smaPeriod = v->integer("sma_period"_L1);
    p.minMomentum = v->number("min_momentum"_L1);
    return p;
}

Status MomentumStrategy::Params::validate() const
{
    const Result<Params> r = fromJson(toJson());
    return r ? Status {} : Status { r.error() };
}

Result<std::shared_ptr<const Strategy>> MomentumStrategy::create(const QJsonObject &json)
{
    const Result<Params> p = Params::fromJson(json);
    if (!p)
        return p.error();
    return std::shared_ptr<const Strategy>(std::make_shared<const MomentumStrategy>(*p));
}

MomentumStrategy::MomentumStrategy() : MomentumStrategy(Params {}) { }

MomentumStrategy::MomentumStrategy(const Params &params) : m_p(params)
{
    Q_ASSERT_X(params.validate().ok(), "MomentumStrategy", "invalid parameters");
}

qsizetype MomentumStrategy::minimumBars() const
{
    // Momentum has its first value at index n; SMA(t−1) needs m bars before bar t.
    return std::max(m_p.momentumPeriod, m_p.smaPeriod) + 1;
}

Indicators::IndicatorSet::Params MomentumStrategy::indicatorParams() const
{
    Indicators::IndicatorSet::Params p;
    p.momentumPeriod = m_p.momentumPeriod;
    p.smaPeriod = m_p.smaPeriod;
    return p;
}

std::optional<Signal> MomentumStrategy::onCandle(const CandleContext &ctx) const
{
    const Indicators::IndicatorSet::Values &now = ctx.indicators->current();
    const Indicators::IndicatorSet::Values &before = ctx.indicators->previous();
    if (!now.momentum || !now.sma || !before.sma)
        return std::nullopt;
    const double close = ctx.bar.close;
    if (!(*now.momentum > m_p.minMomentum && close > *now.sma && *now.sma > *before.sma))
        return std::nullopt;
    Signal s = makeSignal(
        Side::Buy, ctx.bar, u"momentum.uptrend"_s, u"momentum above its level, close above a rising moving average"_s);
    s.values.add("momentum"_L1, *now.momentum);
    s.values.add("close"_L1, close);
    s.values.add("sma"_L1, *now.sma);
    s.values.add("sma_prev"_L1, *before.sma);
    return s;
}

} // namespace Strategies
