// SPDX-License-Identifier: GPL-3.0-or-later
#include "indicatorset.h"

#include "market/candle.h"

#include <cmath>

namespace Indicators {

Status IndicatorSet::Params::validate() const
{
    const std::pair<const char *, int> periods[] = {
        { "smaPeriod", smaPeriod },
        { "emaPeriod", emaPeriod },
        { "rsiPeriod", rsiPeriod },
        { "bollingerPeriod", bollingerPeriod },
        { "momentumPeriod", momentumPeriod },
        { "disparityPeriod", disparityPeriod },
        { "chaikinFast", chaikinFast },
        { "chaikinSlow", chaikinSlow },
        { "stochastic.k", stochastic.k },
        { "stochastic.d", stochastic.d },
        { "stochastic.slowK", stochastic.slowK },
        { "stochastic.slowD", stochastic.slowD },
        { "macd.fast", macd.fast },
        { "macd.slow", macd.slow },
        { "macd.signal", macd.signal },
        { "atrPeriod", atrPeriod },
        { "volumeWmaPeriod", volumeWmaPeriod },
    };
    for (const auto &[name, value] : periods) {
        if (value < 1 || value > MAX_PERIOD) {
            return Error { QStringLiteral("indicators.params"),
                QStringLiteral("%1 must be between 1 and %2 (got %3)")
                    .arg(QLatin1String(name))
                    .arg(MAX_PERIOD)
                    .arg(value) };
        }
    }
    if (!std::isfinite(bollingerWidth) || bollingerWidth < 0.0) {
        return Error { QStringLiteral("indicators.params"),
            QStringLiteral("bollingerWidth must be a finite number >= 0 (got %1)").arg(bollingerWidth) };
    }
    return {};
}

IndicatorSet::IndicatorSet() : IndicatorSet(Params {}) { }

IndicatorSet::IndicatorSet(const Params &params)
    : m_p(params)
    , m_bollingerFromSma(clampPeriod(params.bollingerPeriod) == clampPeriod(params.smaPeriod))
    , m_disparityFromSma(clampPeriod(params.disparityPeriod) == clampPeriod(params.smaPeriod))
    , m_sma(params.smaPeriod)
    , m_ema(params.emaPeriod)
    , m_rsi(params.rsiPeriod)
    , m_bollinger(m_bollingerFromSma ? 1 : params.bollingerPeriod, params.bollingerWidth) // unused when shared
    , m_momentum(params.momentumPeriod)
    , m_disparity(m_disparityFromSma ? 1 : params.disparityPeriod)
    , m_chaikin(params.chaikinFast, params.chaikinSlow)
    , m_stochastic(params.stochastic)
    , m_macd(params.macd)
    , m_atr(params.atrPeriod)
    , m_vwap(VwapAnchor::Cumulative)
    , m_vwapDaily(VwapAnchor::KstDay)
    , m_volumeWma(params.volumeWmaPeriod)
{
}

const IndicatorSet::Values &IndicatorSet::append(const Bar &bar)
{
    m_previous = m_current;
    m_previousBar = m_lastBar;
    ++m_count;
    compute(bar, false);
    return m_current;
}

const IndicatorSet::Values &IndicatorSet::update(const Bar &bar)
{
    if (m_count == 0)
        return append(bar);
    compute(bar, true);
    return m_current;
}

const IndicatorSet::Values &IndicatorSet::append(const Candle &candle)
{
    return append(toBar(candle));
}

const IndicatorSet::Values &IndicatorSet::update(const Candle &candle)
{
    return update(toBar(candle));
}

void IndicatorSet::reset()
{
    m_sma.reset();
    m_ema.reset();
    m_rsi.reset();
    m_bollinger.reset();
    m_momentum.reset();
    m_disparity.reset();
    m_chaikin.reset();
    m_stochastic.reset();
    m_macd.reset();
    m_atr.reset();
    m_obv.reset();
    m_vwap.reset();
    m_vwapDaily.reset();
    m_volumeWma.reset();
    m_count = 0;
    m_current = Values {};
    m_previous = Values {};
    m_lastBar = Bar {};
    m_previousBar = Bar {};
}

void IndicatorSet::compute(const Bar &bar, bool revise)
{
    using detail::feed;
    m_lastBar = bar;
    Values &v = m_current;
    v.sma = feed(m_sma, bar.close, revise);
    v.ema = feed(m_ema, bar.close, revise);
    v.rsi = feed(m_rsi, bar.close, revise);
    std::optional<Bollinger::Bands> bands;
    if (!m_bollingerFromSma)
        bands = feed(m_bollinger, bar.close, revise);
    else if (v.sma)
        bands = Bollinger::bandsFrom(m_sma.stats(), m_p.bollingerWidth);
    v.bbMiddle = bands ? std::optional<double>(bands->middle) : std::nullopt;
    v.bbUpper = bands ? std::optional<double>(bands->upper) : std::nullopt;
    v.bbLower = bands ? std::optional<double>(bands->lower) : std::nullopt;
    v.momentum = feed(m_momentum, bar.close, revise);
    if (!m_disparityFromSma)
        v.disparity = feed(m_disparity, bar.close, revise);
    else
        v.disparity = v.sma ? std::optional<double>(Disparity::fromSma(bar.close, *v.sma)) : std::nullopt;
    v.chaikin = feed(m_chaikin, bar, revise);
    v.adl = m_chaikin.adl();
    const Stochastic::Value &stoch = feed(m_stochastic, bar, revise);
    v.stochK = stoch.k;
    v.stochD = stoch.d;
    v.stochSlowK = stoch.slowK;
    v.stochSlowD = stoch.slowD;
    const Macd::Value &macd = feed(m_macd, bar.close, revise);
    v.macd = macd.line;
    v.macdSignal = macd.signal;
    v.macdHist = macd.histogram;
    v.atr = feed(m_atr, bar, revise);
    v.obv = feed(m_obv, bar, revise);
    v.vwap = feed(m_vwap, bar, revise);
    v.vwapDaily = feed(m_vwapDaily, bar, revise);
    v.volumeWma = feed(m_volumeWma, bar.volume, revise);
}

IndicatorSet::Values IndicatorLines::at(qsizetype i) const
{
    IndicatorSet::Values v;
    v.sma = sma.at(i);
    v.ema = ema.at(i);
    v.rsi = rsi.at(i);
    v.bbMiddle = bbMiddle.at(i);
    v.bbUpper = bbUpper.at(i);
    v.bbLower = bbLower.at(i);
    v.momentum = momentum.at(i);
    v.disparity = disparity.at(i);
    v.adl = adl.at(i);
    v.chaikin = chaikin.at(i);
    v.stochK = stochK.at(i);
    v.stochD = stochD.at(i);
    v.stochSlowK = stochSlowK.at(i);
    v.stochSlowD = stochSlowD.at(i);
    v.macd = macd.at(i);
    v.macdSignal = macdSignal.at(i);
    v.macdHist = macdHist.at(i);
    v.atr = atr.at(i);
    v.obv = obv.at(i);
    v.vwap = vwap.at(i);
    v.vwapDaily = vwapDaily.at(i);
    v.volumeWma = volumeWma.at(i);
    return v;
}

IndicatorLines computeAll(std::span<const Bar> bars, const IndicatorSet::Params &p)
{
    const std::vector<double> close = closes(bars);
    IndicatorLines out;
    out.sma = sma(close, p.smaPeriod);
    out.ema = ema(close, p.emaPeriod);
    out.rsi = rsi(close, p.rsiPeriod);
    BollingerLines bb = bollinger(close, p.bollingerPeriod, p.bollingerWidth);
    out.bbMiddle = std::move(bb.middle);
    out.bbUpper = std::move(bb.upper);
    out.bbLower = std::move(bb.lower);
    out.momentum = momentum(close, p.momentumPeriod);
    out.disparity = disparity(close, p.disparityPeriod);
    out.adl = adl(bars);
    out.chaikin = chaikin(bars, p.chaikinFast, p.chaikinSlow);
    StochasticLines st = stochastic(bars, p.stochastic);
    out.stochK = std::move(st.k);
    out.stochD = std::move(st.d);
    out.stochSlowK = std::move(st.slowK);
    out.stochSlowD = std::move(st.slowD);
    MacdLines m = macd(close, p.macd);
    out.macd = std::move(m.line);
    out.macdSignal = std::move(m.signal);
    out.macdHist = std::move(m.histogram);
    out.atr = atr(bars, p.atrPeriod);
    out.obv = obv(bars);
    out.vwap = vwap(bars, VwapAnchor::Cumulative);
    out.vwapDaily = vwap(bars, VwapAnchor::KstDay);
    out.volumeWma = wma(volumes(bars), p.volumeWmaPeriod);
    return out;
}

} // namespace Indicators
