// SPDX-License-Identifier: GPL-3.0-or-later
#include "scalpingstrategy.h"

#include "market/krx.h"

using namespace Qt::StringLiterals;

namespace Strategies {

namespace {

// The observation stream of one symbol: momentum of the price and the average volume of the
// observations before the newest one (fixed when it is appended; a revision keeps it).
class ScalpingState final : public StrategyState
{
public:
    ScalpingState(int lookback, int volumeWindow) : m_momentum(lookback), m_volume(volumeWindow) { }

    void append(const Indicators::Bar &bar) override { observe(bar.close, bar.volume, false); }
    void update(const Indicators::Bar &bar) override { observe(bar.close, bar.volume, m_count > 0); }
    void reset() override
    {
        m_momentum.reset();
        m_volume.reset();
        m_count = 0;
        m_hasBaseline = false;
        m_cumulativeVolume = 0;
    }

    void observe(double price, double volume, bool revise)
    {
        if (!revise) {
            m_volumeAverageBefore = m_volume.value();
            ++m_count;
        }
        m_price = price;
        m_lastVolume = volume;
        m_momentumValue = Indicators::detail::feed(m_momentum, price, revise);
        Indicators::detail::feed(m_volume, volume, revise);
    }

    // Quotes: returns the volume traded since the previous quote, or nullopt for a baseline quote.
    std::optional<double> volumeDelta(qint64 cumulativeVolume)
    {
        if (!m_hasBaseline || cumulativeVolume < m_cumulativeVolume) {
            reset();
            m_hasBaseline = true;
            m_cumulativeVolume = cumulativeVolume;
            return std::nullopt;
        }
        const qint64 delta = cumulativeVolume - m_cumulativeVolume;
        m_cumulativeVolume = cumulativeVolume;
        return double(delta);
    }

    double price() const { return m_price; }
    double volume() const { return m_lastVolume; }
    const std::optional<double> &momentum() const { return m_momentumValue; }
    const std::optional<double> &volumeAverageBefore() const { return m_volumeAverageBefore; }

private:
    Indicators::Momentum m_momentum;
    Indicators::Sma m_volume;
    qint64 m_count = 0;
    double m_price = 0.0;
    double m_lastVolume = 0.0;
    std::optional<double> m_momentumValue;
    std::optional<double> m_volumeAverageBefore;
    bool m_hasBaseline = false;
    qint64 m_cumulativeVolume = 0;
};

} // namespace

QString ScalpingStrategy::typeName()
{
    return u"scalping"_s;
}

QString ScalpingStrategy::description()
{
    return u"Short-term buys on the 30-second loop: the price rose at least x% over the last k observations, "
           "volume surged to m times its recent average and the bid/ask spread is narrow; exits by its own "
           "take-profit, stop-loss and maximum holding time."_s;
}

const QList<ParamSpec> &ScalpingStrategy::parameterSpecs()
{
    static const QList<ParamSpec> specs = [] {
        const Params d;
        return QList<ParamSpec> {
            { u"momentum_lookback"_s, ParamType::Int, double(d.momentumLookback), 1, 1000,
                u"observations back for the price change"_s },
            { u"min_momentum_pct"_s, ParamType::Double, d.minMomentumPct, 0, 100,
                u"the price rose at least this many percent over the lookback"_s },
            { u"volume_window"_s, ParamType::Int, double(d.volumeWindow), 1, 1000,
                u"observations in the average volume (those before the current one)"_s },
            { u"volume_multiplier"_s, ParamType::Double, d.volumeMultiplier, 0, 1000,
                u"the current observation's volume is at least this multiple of the average"_s },
            { u"max_spread_ticks"_s, ParamType::Int, double(d.maxSpreadTicks), 0, 100,
                u"the ask is at most this many KRX ticks above the bid (quotes only)"_s },
            { u"take_profit_pct"_s, ParamType::Double, d.takeProfitPct, 0.1, 100,
                u"sell at this many percent above the buy price"_s },
            { u"stop_loss_pct"_s, ParamType::Double, d.stopLossPct, 0.1, 99,
                u"sell at this many percent below the buy price"_s },
            { u"max_holding_sec"_s, ParamType::Int, double(d.maxHoldingSec), 1, 86400,
                u"sell at the first price seen this many seconds after the buy"_s },
        };
    }();
    return specs;
}

QJsonObject ScalpingStrategy::Params::toJson() const
{
    return QJsonObject {
        { u"momentum_lookback"_s, momentumLookback },
        { u"min_momentum_pct"_s, minMomentumPct },
        { u"volume_window"_s, volumeWindow },
        { u"volume_multiplier"_s, volumeMultiplier },
        { u"max_spread_ticks"_s, maxSpreadTicks },
        { u"take_profit_pct"_s, takeProfitPct },
        { u"stop_loss_pct"_s, stopLossPct },
        { u"max_holding_sec"_s, maxHoldingSec },
    };
}

Result<ScalpingStrategy::Params> ScalpingStrategy::Params::fromJson(const QJsonObject &json)
{
    const Result<Parameters> v = Parameters::parse(typeName(), parameterSpecs(), json);
    if (!v)
        return v.error();
    Params p;
    p.momentumLookback = v->integer("momentum_lookback"_L1);
    p.minMomentumPct = v->number("min_momentum_pct"_L1);
    p.volumeWindow = v->integer("volume_window"_L1);
    p.volumeMultiplier = v->number("volume_multiplier"_L1);
    p.maxSpreadTicks = v->integer("max_spread_ticks"_L1);
    p.takeProfitPct = v->number("take_profit_pct"_L1);
    p.stopLossPct = v->number("stop_loss_pct"_L1);
    p.maxHoldingSec = v->integer("max_holding_sec"_L1);
    return p;
}

Status ScalpingStrategy::Params::validate() const
{
    const Result<Params> r = fromJson(toJson());
    return r ? Status {} : Status { r.error() };
}

Result<std::shared_ptr<const Strategy>> ScalpingStrategy::create(const QJsonObject &json)
{
    const Result<Params> p = Params::fromJson(json);
    if (!p)
        return p.error();
    return std::shared_ptr<const Strategy>(std::make_shared<const ScalpingStrategy>(*p));
}

ScalpingStrategy::ScalpingStrategy() : ScalpingStrategy(Params {}) { }

ScalpingStrategy::ScalpingStrategy(const Params &params) : m_p(params)
{
    Q_ASSERT_X(params.validate().ok(), "ScalpingStrategy", "invalid parameters");
}

std::unique_ptr<StrategyState> ScalpingStrategy::newState() const
{
    return std::make_unique<ScalpingState>(m_p.momentumLookback, m_p.volumeWindow);
}

std::optional<ExitRules> ScalpingStrategy::exitRules() const
{
    return ExitRules { m_p.takeProfitPct, m_p.stopLossPct, qint64(m_p.maxHoldingSec) * 1000 };
}

int ScalpingStrategy::spreadTicks(qint64 bid, qint64 ask, int limit)
{
    if (bid <= 0 || ask <= 0 || ask < bid)
        return -1;
    int ticks = 0;
    for (qint64 p = bid; p < ask && ticks <= limit; ++ticks)
        p = Krx::snapDown(p) + Krx::tickSize(Krx::snapDown(p));
    return ticks;
}

namespace {

// The momentum and volume rules over the state's newest observation; the common part of onCandle
// and onQuote. Fills `values` and returns true when both hold.
bool rulesHold(const ScalpingStrategy::Params &p, const ScalpingState &st, SignalValues &values)
{
    const std::optional<double> &momentum = st.momentum();
    const std::optional<double> &volumeAverage = st.volumeAverageBefore();
    if (!momentum || !volumeAverage)
        return false;
    const double price = st.price();
    const double priceAgo = price - *momentum; // exact for integer prices
    if (!(priceAgo > 0.0))
        return false;
    if (!(*momentum * 100.0 >= p.minMomentumPct * priceAgo))
        return false;
    if (!(st.volume() >= p.volumeMultiplier * *volumeAverage))
        return false;
    values.add("momentum_pct"_L1, *momentum / priceAgo * 100.0);
    values.add("price"_L1, price);
    values.add("price_ago"_L1, priceAgo);
    values.add("volume"_L1, st.volume());
    values.add("volume_avg"_L1, *volumeAverage);
    return true;
}

} // namespace

std::optional<Signal> ScalpingStrategy::onCandle(const CandleContext &ctx) const
{
    SignalValues values;
    if (!rulesHold(m_p, static_cast<const ScalpingState &>(*ctx.state), values))
        return std::nullopt;
    Signal s = makeSignal(Side::Buy, ctx.bar, u"scalping.momentum_volume_surge"_s,
        u"short-term price rise on a volume surge (bars: spread not known)"_s);
    s.values = values;
    return s;
}

std::optional<Signal> ScalpingStrategy::onQuote(const Quote &quote, StrategyState &state) const
{
    auto &st = static_cast<ScalpingState &>(state);
    const std::optional<double> delta = st.volumeDelta(quote.cumVolume);
    if (!delta)
        return std::nullopt;
    st.observe(double(quote.price), *delta, false);
    const int ticks = spreadTicks(quote.bestBid, quote.bestAsk, m_p.maxSpreadTicks + 1);
    if (ticks < 0 || ticks > m_p.maxSpreadTicks)
        return std::nullopt;
    SignalValues values;
    if (!rulesHold(m_p, st, values))
        return std::nullopt;
    values.add("spread_ticks"_L1, ticks);
    values.add("bid"_L1, double(quote.bestBid));
    values.add("ask"_L1, double(quote.bestAsk));
    Signal s;
    s.side = Side::Buy;
    s.strategyType = typeName();
    s.timeMs = quote.timeMs;
    s.price = double(quote.price);
    s.reasonCode = u"scalping.momentum_volume_surge"_s;
    s.reason = u"short-term price rise on a volume surge with a narrow spread"_s;
    s.values = values;
    return s;
}

} // namespace Strategies
