// SPDX-License-Identifier: GPL-3.0-or-later
#include "chaikinstrategy.h"

using namespace Qt::StringLiterals;

namespace Strategies {

QString ChaikinStrategy::typeName()
{
    return u"chaikin"_s;
}

QString ChaikinStrategy::description()
{
    return u"Buy when the Chaikin oscillator (fast EMA minus slow EMA of the accumulation/distribution line) "
           "crosses above a level (zero by default)."_s;
}

const QList<ParamSpec> &ChaikinStrategy::parameterSpecs()
{
    static const QList<ParamSpec> specs = [] {
        const Params d;
        return QList<ParamSpec> {
            { u"fast"_s, ParamType::Int, double(d.fast), 1, 1000, u"fast EMA period of the A/D line"_s },
            { u"slow"_s, ParamType::Int, double(d.slow), 2, 1000,
                u"slow EMA period of the A/D line; must be greater than fast"_s },
            { u"level"_s, ParamType::Double, d.level, -1e15, 1e15,
                u"buy when the oscillator crosses from at or below this level to strictly above it"_s },
        };
    }();
    return specs;
}

QJsonObject ChaikinStrategy::Params::toJson() const
{
    return QJsonObject {
        { u"fast"_s, fast },
        { u"slow"_s, slow },
        { u"level"_s, level },
    };
}

Result<ChaikinStrategy::Params> ChaikinStrategy::Params::fromJson(const QJsonObject &json)
{
    const Result<Parameters> v = Parameters::parse(typeName(), parameterSpecs(), json);
    if (!v)
        return v.error();
    Params p;
    p.fast = v->integer("fast"_L1);
    p.slow = v->integer("slow"_L1);
    p.level = v->number("level"_L1);
    if (!(p.fast < p.slow)) {
        return Parameters::error(
            typeName(), u"parameter \"fast\" (%1) must be below \"slow\" (%2)"_s.arg(p.fast).arg(p.slow));
    }
    return p;
}

Status ChaikinStrategy::Params::validate() const
{
    const Result<Params> r = fromJson(toJson());
    return r ? Status {} : Status { r.error() };
}

Result<std::shared_ptr<const Strategy>> ChaikinStrategy::create(const QJsonObject &json)
{
    const Result<Params> p = Params::fromJson(json);
    if (!p)
        return p.error();
    return std::shared_ptr<const Strategy>(std::make_shared<const ChaikinStrategy>(*p));
}

ChaikinStrategy::ChaikinStrategy() : ChaikinStrategy(Params {}) { }

ChaikinStrategy::ChaikinStrategy(const Params &params) : m_p(params)
{
    Q_ASSERT_X(params.validate().ok(), "ChaikinStrategy", "invalid parameters");
}

Indicators::IndicatorSet::Params ChaikinStrategy::indicatorParams() const
{
    Indicators::IndicatorSet::Params p;
    p.chaikinFast = m_p.fast;
    p.chaikinSlow = m_p.slow;
    return p;
}

std::optional<Signal> ChaikinStrategy::onCandle(const CandleContext &ctx) const
{
    const std::optional<double> &now = ctx.indicators->current().chaikin;
    const std::optional<double> &before = ctx.indicators->previous().chaikin;
    if (!now || !before)
        return std::nullopt;
    if (!(*before <= m_p.level && *now > m_p.level))
        return std::nullopt;
    Signal s = makeSignal(
        Side::Buy, ctx.bar, u"chaikin.cross_above_level"_s, u"Chaikin oscillator crossed above its level"_s);
    s.values.add("chaikin"_L1, *now);
    s.values.add("chaikin_prev"_L1, *before);
    return s;
}

} // namespace Strategies
