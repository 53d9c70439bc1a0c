// SPDX-License-Identifier: GPL-3.0-or-later
#include "referencecandlestrategy.h"

#include "market/candle.h"
#include "market/krx.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace Strategies {

namespace {

// What the strategy needs of one symbol's daily history, in O(1) space and time: the newest day and
// the most recent qualifying day before it. A day's qualification depends only on its own bar, the
// previous close and the average volume of the days before it — the latter two are fixed when the
// day is appended, so a revision of the newest day only re-judges that day, and the most recent
// qualifying day before it never changes once it is no longer the newest.
class ReferenceCandleState final : public StrategyState
{
public:
    struct Day
    {
        Indicators::Bar bar;
        double prevClose = 0.0;
        double volumeAverage = 0.0;
        qint64 index = 0; // 0-based bar number
        bool hasPrev = false;
        bool hasAverage = false;
    };

    explicit ReferenceCandleState(const ReferenceCandleStrategy::Params &p) : m_p(p), m_volume(p.volumeAvgDays) { }

    void append(const Indicators::Bar &bar) override
    {
        Day d;
        d.bar = bar;
        d.index = m_count;
        if (m_count > 0) {
            if (m_newestQualifies)
                m_lastBefore = m_newest;
            d.hasPrev = true;
            d.prevClose = m_newest.bar.close;
        }
        d.hasAverage = m_volume.ready();
        d.volumeAverage = d.hasAverage ? *m_volume.value() : 0.0;
        m_newest = d;
        ++m_count;
        m_volume.append(bar.volume);
        m_newestQualifies = qualifies(m_newest);
    }

    void update(const Indicators::Bar &bar) override
    {
        if (m_count == 0) {
            append(bar);
            return;
        }
        m_newest.bar = bar;
        m_volume.update(bar.volume);
        m_newestQualifies = qualifies(m_newest);
    }

    void reset() override
    {
        m_count = 0;
        m_newest = Day {};
        m_newestQualifies = false;
        m_lastBefore.reset();
        m_volume.reset();
    }

    // The most recent qualifying day among the last lookback_days (the newest included).
    const Day *reference() const
    {
        if (m_newestQualifies)
            return &m_newest;
        if (m_lastBefore && m_newest.index - m_lastBefore->index < m_p.lookbackDays)
            return &*m_lastBefore;
        return nullptr;
    }
    qint64 newestIndex() const { return m_newest.index; }

private:
    // rose >= X % on the previous close, compared as (C − P) × 100 >= X × P so that exact
    // thresholds stay exact; volume >= K × the average of the days before.
    bool qualifies(const Day &d) const
    {
        return d.hasPrev && d.hasAverage && d.prevClose > 0.0
            && (d.bar.close - d.prevClose) * 100.0 >= m_p.minRisePct * d.prevClose
            && d.bar.volume >= m_p.volumeMultiplier * d.volumeAverage;
    }

    ReferenceCandleStrategy::Params m_p;
    Indicators::Sma m_volume;
    qint64 m_count = 0;
    Day m_newest;
    bool m_newestQualifies = false;
    std::optional<Day> m_lastBefore;
};

} // namespace

QString ReferenceCandleStrategy::typeName()
{
    return u"reference_candle"_s;
}

QString ReferenceCandleStrategy::description()
{
    return u"For condition-search hits on daily candles: find the most recent strong candle of the last N days "
           "(rose at least X% on the previous close with at least K times its average volume) and signal a buy "
           "at a target price inside its body (the midpoint by default), snapped to the KRX tick."_s;
}

const QList<ParamSpec> &ReferenceCandleStrategy::parameterSpecs()
{
    static const QList<ParamSpec> specs = [] {
        const Params d;
        return QList<ParamSpec> {
            { u"lookback_days"_s, ParamType::Int, double(d.lookbackDays), 1, 250,
                u"the reference must be among this many most recent candles (the newest included)"_s },
            { u"min_rise_pct"_s, ParamType::Double, d.minRisePct, 0, 100,
                u"the reference closed at least this many percent above the previous close"_s },
            { u"volume_multiplier"_s, ParamType::Double, d.volumeMultiplier, 0, 1000,
                u"the reference's volume is at least this multiple of its average volume"_s },
            { u"volume_avg_days"_s, ParamType::Int, double(d.volumeAvgDays), 1, 250,
                u"candles before the reference in its average volume"_s },
            { u"target_body_ratio"_s, ParamType::Double, d.targetBodyRatio, 0, 1,
                u"target price position in the reference's body: 0 = body low, 0.5 = midpoint, 1 = body high"_s },
        };
    }();
    return specs;
}

QJsonObject ReferenceCandleStrategy::Params::toJson() const
{
    return QJsonObject {
        { u"lookback_days"_s, lookbackDays },
        { u"min_rise_pct"_s, minRisePct },
        { u"volume_multiplier"_s, volumeMultiplier },
        { u"volume_avg_days"_s, volumeAvgDays },
        { u"target_body_ratio"_s, targetBodyRatio },
    };
}

Result<ReferenceCandleStrategy::Params> ReferenceCandleStrategy::Params::fromJson(const QJsonObject &json)
{
    const Result<Parameters> v = Parameters::parse(typeName(), parameterSpecs(), json);
    if (!v)
        return v.error();
    Params p;
    p.lookbackDays = v->integer("lookback_days"_L1);
    p.minRisePct = v->number("min_rise_pct"_L1);
    p.volumeMultiplier = v->number("volume_multiplier"_L1);
    p.volumeAvgDays = v->integer("volume_avg_days"_L1);
    p.targetBodyRatio = v->number("target_body_ratio"_L1);
    return p;
}

Status ReferenceCandleStrategy::Params::validate() const
{
    const Result<Params> r = fromJson(toJson());
    return r ? Status {} : Status { r.error() };
}

Result<std::shared_ptr<const Strategy>> ReferenceCandleStrategy::create(const QJsonObject &json)
{
    const Result<Params> p = Params::fromJson(json);
    if (!p)
        return p.error();
    return std::shared_ptr<const Strategy>(std::make_shared<const ReferenceCandleStrategy>(*p));
}

ReferenceCandleStrategy::ReferenceCandleStrategy() : ReferenceCandleStrategy(Params {}) { }

ReferenceCandleStrategy::ReferenceCandleStrategy(const Params &params) : m_p(params)
{
    Q_ASSERT_X(params.validate().ok(), "ReferenceCandleStrategy", "invalid parameters");
}

std::unique_ptr<StrategyState> ReferenceCandleStrategy::newState() const
{
    return std::make_unique<ReferenceCandleState>(m_p);
}

qint64 ReferenceCandleStrategy::targetPrice(const Indicators::Bar &candle) const
{
    const double bodyLow = std::min(candle.open, candle.close);
    const double bodyHigh = std::max(candle.open, candle.close);
    const double level = bodyLow + m_p.targetBodyRatio * (bodyHigh - bodyLow);
    // Prices are validated (finite, >= 0, far below 2^53) before they reach a strategy.
    const qint64 won = qint64(std::floor(level + 1e-9));
    return won >= 1 ? Krx::snapDown(won) : 0;
}

std::optional<ReferenceCandleStrategy::Reference> ReferenceCandleStrategy::reference(const StrategyState &state) const
{
    const auto &s = static_cast<const ReferenceCandleState &>(state);
    const ReferenceCandleState::Day *d = s.reference();
    if (!d)
        return std::nullopt;
    Reference r;
    r.candle = d->bar;
    r.barsAgo = qsizetype(s.newestIndex() - d->index);
    r.risePct = (d->bar.close - d->prevClose) / d->prevClose * 100.0;
    r.volumeAverage = d->volumeAverage;
    r.targetPrice = targetPrice(d->bar);
    return r;
}

std::optional<Signal> ReferenceCandleStrategy::signalFor(const Indicators::Bar &bar, const Reference &ref) const
{
    if (ref.targetPrice <= 0)
        return std::nullopt;
    Signal s = makeSignal(Side::Buy, bar, u"reference_candle.found"_s,
        u"reference candle within the lookback: buy at or below the target price in its body"_s);
    s.referenceCandleHigh = qint64(std::llround(ref.candle.high));
    s.referenceCandleTimeMs = ref.candle.timeMs;
    s.targetPrice = ref.targetPrice;
    s.values.add("rise_pct"_L1, ref.risePct);
    s.values.add("volume"_L1, ref.candle.volume);
    s.values.add("volume_avg"_L1, ref.volumeAverage);
    s.values.add("reference_high"_L1, ref.candle.high);
    s.values.add("target_price"_L1, double(ref.targetPrice));
    s.values.add("bars_ago"_L1, double(ref.barsAgo));
    s.values.add("close"_L1, bar.close);
    return s;
}

std::optional<Signal> ReferenceCandleStrategy::onCandle(const CandleContext &ctx) const
{
    const std::optional<Reference> ref = reference(*ctx.state);
    return ref ? signalFor(ctx.bar, *ref) : std::nullopt;
}

std::optional<ReferenceCandleStrategy::Reference> ReferenceCandleStrategy::findReference(
    std::span<const Indicators::Bar> daily) const
{
    ReferenceCandleState state(m_p);
    for (const Indicators::Bar &b : daily)
        state.append(b);
    return reference(state);
}

std::optional<ReferenceCandleStrategy::Reference> ReferenceCandleStrategy::findReference(
    const QList<Candle> &daily) const
{
    const std::vector<Indicators::Bar> bars = Indicators::toBars(daily);
    return findReference(bars);
}

std::optional<Signal> ReferenceCandleStrategy::evaluate(std::span<const Indicators::Bar> daily) const
{
    if (daily.empty())
        return std::nullopt;
    const std::optional<Reference> ref = findReference(daily);
    return ref ? signalFor(daily.back(), *ref) : std::nullopt;
}

std::optional<Signal> ReferenceCandleStrategy::evaluate(const QList<Candle> &daily) const
{
    const std::vector<Indicators::Bar> bars = Indicators::toBars(daily);
    return evaluate(bars);
}

} // namespace Strategies
