// SPDX-License-Identifier: GPL-3.0-or-later
#include "rsistrategy.h"

using namespace Qt::StringLiterals;

namespace Strategies {

QString RsiStrategy::typeName()
{
    return u"rsi"_s;
}

QString RsiStrategy::description()
{
    return u"Buy when RSI is oversold and turning up on a volume surge; sell when it is overbought and turning "
           "down on a volume surge (volume above a multiple of the weighted average volume of the bars before)."_s;
}

const QList<ParamSpec> &RsiStrategy::parameterSpecs()
{
    static const QList<ParamSpec> specs = [] {
        const Params d;
        return QList<ParamSpec> {
            { u"period"_s, ParamType::Int, double(d.period), 2, 1000, u"RSI period (Wilder)"_s },
            { u"oversold"_s, ParamType::Double, d.oversold, 0, 100, u"buy only while RSI is strictly below this"_s },
            { u"overbought"_s, ParamType::Double, d.overbought, 0, 100,
                u"sell only while RSI is strictly above this; must be greater than oversold"_s },
            { u"volume_multiplier"_s, ParamType::Double, d.volumeMultiplier, 0, 100,
                u"volume must be strictly above this multiple of the weighted average volume of the previous bars"_s },
            { u"volume_wma_period"_s, ParamType::Int, double(d.volumeWmaPeriod), 1, 1000,
                u"bars in the linearly weighted average volume"_s },
        };
    }();
    return specs;
}

QJsonObject RsiStrategy::Params::toJson() const
{
    return QJsonObject {
        { u"period"_s, period },
        { u"oversold"_s, oversold },
        { u"overbought"_s, overbought },
        { u"volume_multiplier"_s, volumeMultiplier },
        { u"volume_wma_period"_s, volumeWmaPeriod },
    };
}

Result<RsiStrategy::Params> RsiStrategy::Params::fromJson(const QJsonObject &json)
{
    const Result<Parameters> v = Parameters::parse(typeName(), parameterSpecs(), json);
    if (!v)
        return v.error();
    Params p;
    p.period = v->integer("period"_L1);
    p.oversold = v->number("oversold"_L1);
    p.overbought = v->number("overbought"_L1);
    p.volumeMultiplier = v->number("volume_multiplier"_L1);
    p.volumeWmaPeriod = v->integer("volume_wma_period"_L1);
    if (!(p.oversold < p.overbought)) {
        return Parameters::error(typeName(),
            u"parameter \"oversold\" (%1) must be below \"overbought\" (%2)"_s.arg(p.oversold).arg(p.overbought));
    }
    return p;
}

Status RsiStrategy::Params::validate() const
{
    const Result<Params> r = fromJson(toJson());
    return r ? Status {} : Status { r.error() };
}

Result<std::shared_ptr<const Strategy>> RsiStrategy::create(const QJsonObject &json)
{
    const Result<Params> p = Params::fromJson(json);
    if (!p)
        return p.error();
    return std::shared_ptr<const Strategy>(std::make_shared<const RsiStrategy>(*p));
}

RsiStrategy::RsiStrategy() : RsiStrategy(Params {}) { }

RsiStrategy::RsiStrategy(const Params &params) : m_p(params)
{
    Q_ASSERT_X(params.validate().ok(), "RsiStrategy", "invalid parameters");
}

qsizetype RsiStrategy::minimumBars() const
{
    // RSI(t−1) exists from bar n + 1 on; the WMA of the bars before t needs w of them.
    return std::max(m_p.period + 2, m_p.volumeWmaPeriod + 1);
}

Indicators::IndicatorSet::Params RsiStrategy::indicatorParams() const
{
    Indicators::IndicatorSet::Params p;
    p.rsiPeriod = m_p.period;
    p.volumeWmaPeriod = m_p.volumeWmaPeriod;
    return p;
}

std::optional<Signal> RsiStrategy::onCandle(const CandleContext &ctx) const
{
    const Indicators::IndicatorSet::Values &now = ctx.indicators->current();
    const Indicators::IndicatorSet::Values &before = ctx.indicators->previous();
    if (!now.rsi || !before.rsi || !before.volumeWma)
        return std::nullopt;
    const double rsi = *now.rsi;
    const double rsiPrev = *before.rsi;
    const double volume = ctx.bar.volume;
    const double volumeWma = *before.volumeWma;
    if (!(volume > m_p.volumeMultiplier * volumeWma))
        return std::nullopt;
    const bool buy = rsi < m_p.oversold && rsi > rsiPrev;
    if (!buy && !(rsi > m_p.overbought && rsi < rsiPrev))
        return std::nullopt;
    Signal s = buy ? makeSignal(Side::Buy, ctx.bar, u"rsi.oversold_turning_up"_s,
                   u"RSI oversold and turning up, volume above its weighted average"_s)
                   : makeSignal(Side::Sell, ctx.bar, u"rsi.overbought_turning_down"_s,
                       u"RSI overbought and turning down, volume above its weighted average"_s);
    s.values.add("rsi"_L1, rsi);
    s.values.add("rsi_prev"_L1, rsiPrev);
    s.values.add("volume"_L1, volume);
    s.values.add("volume_wma"_L1, volumeWma);
    return s;
}

} // namespace Strategies
