// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "accumulationdistribution.h"
#include "atr.h"
#include "bollinger.h"
#include "chaikinoscillator.h"
#include "disparity.h"
#include "ema.h"
#include "macd.h"
#include "momentum.h"
#include "obv.h"
#include "rsi.h"
#include "sma.h"
#include "stochastic.h"
#include "types.h"
#include "vwap.h"
#include "weightedmovingaverage.h"

#include "common/result.h"

struct Candle;

namespace Indicators {

// The standard indicator set of one symbol, kept up to date one candle at a time: what a strategy
// reads. Every field of Values equals, bit for bit, the batch function of that indicator over the
// same bars (computeAll() gives all of them as Lines).
//
// Contract:
// - append(bar) starts a new bar; update(bar) revises the newest (still-forming) bar and may be called
//   any number of times. Both are O(1) and allocation-free (~0.3 µs for the whole default set on
//   the 2.4 GHz build machine, see bench_indicators); all memory is taken in the
//   constructor (~3.6 KB). update() before the first append() is an append.
// - current() holds the values for the newest bar, previous() those of the bar before it (what
//   crossover rules need: "RSI turned up", "Chaikin crossed 0"); update() never changes previous().
// - A plain value type: copy it, keep one per symbol (e.g. in a QHash), use it from one thread.
//
// Typical use in a strategy engine:
//   Indicators::IndicatorSet set;                   // default periods; IndicatorSet(params) otherwise
//   for (const Candle &c : history) set.append(c);  // warm up from stored candles
//   set.update(formingCandle);                      // each tick of the current minute
//   set.append(nextCandle);                         // when the next minute starts
//   const auto &now = set.current(), &before = set.previous();
//   if (now.rsi && before.rsi && *before.rsi < 30 && *now.rsi > *before.rsi) { /* turned up from oversold */ }
class IndicatorSet
{
public:
    struct Params
    {
        int smaPeriod = 20;
        int emaPeriod = 20;
        int rsiPeriod = 14;
        int bollingerPeriod = 20;
        double bollingerWidth = 2.0;
        int momentumPeriod = 10;
        int disparityPeriod = 20;
        int chaikinFast = 3;
        int chaikinSlow = 10;
        Stochastic::Params stochastic;
        Macd::Params macd;
        int atrPeriod = 14;
        int volumeWmaPeriod = 20;

        // Every period within [1, MAX_PERIOD], width finite and >= 0. Error code "indicators.params".
        Status validate() const;
    };

    // One optional per output; std::nullopt while that indicator warms up. The field order and
    // names follow the columns of `kiwoom-trader indicators` (plus volumeWma).
    struct Values
    {
        std::optional<double> sma; // sma_20
        std::optional<double> ema; // ema_20
        std::optional<double> rsi; // rsi_14
        std::optional<double> bbMiddle; // bb_middle
        std::optional<double> bbUpper; // bb_upper
        std::optional<double> bbLower; // bb_lower
        std::optional<double> momentum; // mom_10
        std::optional<double> disparity; // disparity_20
        std::optional<double> adl; // adl
        std::optional<double> chaikin; // chaikin_osc
        std::optional<double> stochK; // stoch_k      (fast %K)
        std::optional<double> stochD; // stoch_d      (fast %D)
        std::optional<double> stochSlowK; // stoch_slow_k
        std::optional<double> stochSlowD; // stoch_slow_d
        std::optional<double> macd; // macd         (line)
        std::optional<double> macdSignal; // macd_signal
        std::optional<double> macdHist; // macd_hist
        std::optional<double> atr; // atr_14
        std::optional<double> obv; // obv
        std::optional<double> vwap; // vwap         (cumulative)
        std::optional<double> vwapDaily; // vwap_daily   (restarts each Asia/Seoul day)
        std::optional<double> volumeWma; // linearly weighted average volume (가중평균), includes this bar

        bool operator==(const Values &) const = default;
    };

    IndicatorSet();
    explicit IndicatorSet(const Params &params); // periods are clamped; validate() user input first

    const Values &append(const Bar &bar);
    const Values &update(const Bar &bar);
    const Values &append(const Candle &candle);
    const Values &update(const Candle &candle);
    void reset();

    const Params &params() const { return m_p; }
    qint64 count() const { return m_count; }
    const Values &current() const { return m_current; }
    const Values &previous() const { return m_previous; }
    // The newest bar and the one before it (default Bar while they do not exist).
    const Bar &lastBar() const { return m_lastBar; }
    const Bar &previousBar() const { return m_previousBar; }

private:
    void compute(const Bar &bar, bool revise);

    Params m_p;
    // Bollinger and disparity over the SMA's own window when their periods match (the default): the
    // same RollingStats and formulas, so the values are bit-identical to the separate indicators.
    bool m_bollingerFromSma;
    bool m_disparityFromSma;
    Sma m_sma;
    Ema m_ema;
    Rsi m_rsi;
    Bollinger m_bollinger;
    Momentum m_momentum;
    Disparity m_disparity;
    ChaikinOscillator m_chaikin;
    Stochastic m_stochastic;
    Macd m_macd;
    Atr m_atr;
    Obv m_obv;
    Vwap m_vwap;
    Vwap m_vwapDaily;
    WeightedMovingAverage m_volumeWma;
    qint64 m_count = 0;
    Values m_current;
    Values m_previous;
    Bar m_lastBar;
    Bar m_previousBar;
};

// Every indicator of the set over a whole series, as batch Lines (one per Values field).
struct IndicatorLines
{
    Line sma, ema, rsi, bbMiddle, bbUpper, bbLower, momentum, disparity, adl, chaikin, stochK, stochD, stochSlowK,
        stochSlowD, macd, macdSignal, macdHist, atr, obv, vwap, vwapDaily, volumeWma;

    qsizetype size() const { return sma.size(); }
    IndicatorSet::Values at(qsizetype i) const;
};
IndicatorLines computeAll(std::span<const Bar> bars, const IndicatorSet::Params &params = {});

} // namespace Indicators
