// SPDX-License-Identifier: GPL-3.0-or-later
// The buy and sell rules of the five indicator strategies (momentum, disparity, bollinger, rsi,
// chaikin) on crafted candles: each condition fires on the right side of its threshold and not one
// tick (or one ulp, for the thresholds that are parameters) outside, each condition alone can block
// the signal, and the signal carries the values that triggered it.
#include "indicators/indicatorset.h"
#include "indicatorsdata.h"
#include "strategy/bollingerstrategy.h"
#include "strategy/chaikinstrategy.h"
#include "strategy/disparitystrategy.h"
#include "strategy/momentumstrategy.h"
#include "strategy/rsistrategy.h"
#include "strategydata.h"

#include <QtTest>

#include <cmath>

using namespace Strategies;
using namespace Qt::StringLiterals;
using Indicators::Bar;
using StrategyData::fromCloses;
using StrategyData::lastDecision;

namespace {

template<typename S> std::shared_ptr<const Strategy> make(const typename S::Params &p = {})
{
    return std::make_shared<const S>(p);
}

std::vector<double> repeat(double value, int n)
{
    return std::vector<double>(size_t(n), value);
}

std::vector<double> concat(std::vector<double> a, const std::vector<double> &b)
{
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

// The default IndicatorSet after the bars (what the strategies read).
Indicators::IndicatorSet setAfter(std::span<const Bar> bars, const Indicators::IndicatorSet::Params &p = {})
{
    Indicators::IndicatorSet set(p);
    for (const Bar &b : bars)
        set.append(b);
    return set;
}

} // namespace

class TestStrategyRules final : public QObject
{
    Q_OBJECT

private slots:
    // --- momentum: momentum(10) > 0 AND close > SMA20 AND SMA20 rising --------------------------

    void momentumFiresOneTickAboveFlat()
    {
        // 20 flat bars, then X: momentum = X − 10000, SMA = (190000 + X) / 20, SMA(t−1) = 10000.
        const auto fire = lastDecision(make<MomentumStrategy>(), fromCloses(concat(repeat(10000, 20), { 10010 })));
        QVERIFY(fire);
        QCOMPARE(fire->side, Side::Buy);
        QCOMPARE(fire->strategyType, u"momentum");
        QCOMPARE(fire->reasonCode, u"momentum.uptrend");
        QCOMPARE(fire->values.value("momentum"_L1), 10.0);
        QCOMPARE(fire->values.value("close"_L1), 10010.0);
        QCOMPARE(fire->values.value("sma"_L1), 10000.5);
        QCOMPARE(fire->values.value("sma_prev"_L1), 10000.0);
        QCOMPARE(fire->primaryValue(), 10.0);
        QCOMPARE(fire->price, 10010.0);
        QVERIFY(!lastDecision(make<MomentumStrategy>(), fromCloses(concat(repeat(10000, 20), { 10000 }))));
    }

    void momentumNeedsPositiveMomentum()
    {
        // C(t−20) = 9000 keeps the SMA rising, C(t−10) = 10600; momentum = X − 10600.
        std::vector<double> c = concat({ 9000 }, repeat(10000, 19));
        c[10] = 10600;
        const auto flat = lastDecision(make<MomentumStrategy>(), fromCloses(concat(c, { 10600 })));
        QVERIFY(!flat); // momentum exactly 0, close 10600 > SMA 10060, SMA rising
        const auto up = lastDecision(make<MomentumStrategy>(), fromCloses(concat(c, { 10610 })));
        QVERIFY(up);
        QCOMPARE(up->values.value("momentum"_L1), 10.0);
    }

    void momentumNeedsRisingSma()
    {
        // C(t−20) = 10100: SMA(t) − SMA(t−1) = (X − 10100) / 20.
        const std::vector<double> c = concat({ 10100 }, repeat(10000, 19));
        QVERIFY(!lastDecision(make<MomentumStrategy>(), fromCloses(concat(c, { 10100 })))); // SMA flat at 10005
        const auto fire = lastDecision(make<MomentumStrategy>(), fromCloses(concat(c, { 10110 })));
        QVERIFY(fire);
        QCOMPARE(fire->values.value("sma"_L1), 10005.5);
        QCOMPARE(fire->values.value("sma_prev"_L1), 10005.0);
    }

    void momentumNeedsCloseAboveSma()
    {
        // Window of 10500s (C(t−10) = 10000) keeps the SMA above a close that still has momentum.
        std::vector<double> c = concat({ 9000 }, repeat(10500, 19));
        c[10] = 10000;
        QVERIFY(!lastDecision(make<MomentumStrategy>(), fromCloses(concat(c, { 10470 })))); // SMA 10473.5
        const auto fire = lastDecision(make<MomentumStrategy>(), fromCloses(concat(c, { 10480 }))); // SMA 10474
        QVERIFY(fire);
        QCOMPARE(fire->values.value("sma"_L1), 10474.0);
    }

    void momentumLevelIsStrict()
    {
        const auto bars = fromCloses(concat(repeat(10000, 20), { 10010 })); // momentum 10
        MomentumStrategy::Params p;
        p.minMomentum = 10;
        QVERIFY(!lastDecision(make<MomentumStrategy>(p), bars));
        p.minMomentum = std::nextafter(10.0, 0.0);
        QVERIFY(lastDecision(make<MomentumStrategy>(p), bars));
    }

    void momentumCustomPeriods()
    {
        // momentum 3, SMA 5: 5 flat bars then one up bar is enough.
        MomentumStrategy::Params p;
        p.momentumPeriod = 3;
        p.smaPeriod = 5;
        const auto s = make<MomentumStrategy>(p);
        QCOMPARE(s->minimumBars(), 6);
        QVERIFY(lastDecision(s, fromCloses(concat(repeat(10000, 5), { 10010 }))));
        QVERIFY(!lastDecision(make<MomentumStrategy>(), fromCloses(concat(repeat(10000, 5), { 10010 })))); // warming up
    }

    // --- disparity: close / SMA20 × 100 < 95 → buy, > 105 → sell --------------------------------

    void disparityBuyAndSellAtOneTick()
    {
        const auto s = make<DisparityStrategy>();
        const auto base = repeat(10000, 19);
        // X = 9470: SMA 9973.5, disparity 94.95; X = 9480: 95.05.
        const auto buy = lastDecision(s, fromCloses(concat(base, { 9470 })));
        QVERIFY(buy);
        QCOMPARE(buy->side, Side::Buy);
        QCOMPARE(buy->reasonCode, u"disparity.below_buy_level");
        QCOMPARE(buy->values.value("disparity"_L1), 9470.0 / 9973.5 * 100.0);
        QCOMPARE(buy->values.value("close"_L1), 9470.0);
        QVERIFY(!lastDecision(s, fromCloses(concat(base, { 9480 }))));
        // X = 10530: 105.02 sells; X = 10520: 104.93 does nothing.
        const auto sell = lastDecision(s, fromCloses(concat(base, { 10530 })));
        QVERIFY(sell);
        QCOMPARE(sell->side, Side::Sell);
        QCOMPARE(sell->reasonCode, u"disparity.above_sell_level");
        QVERIFY(!lastDecision(s, fromCloses(concat(base, { 10520 }))));
    }

    void disparityExactlyAtTheLevelsDoesNotFire()
    {
        // SMA exactly 10000 with the close at 9500 (10500) gives disparity exactly 95 (105).
        std::vector<double> low = repeat(10000, 18);
        low.push_back(10500);
        low.push_back(9500);
        const auto lowBars = fromCloses(low);
        QCOMPARE(*setAfter(lowBars).current().disparity, 95.0);
        QVERIFY(!lastDecision(make<DisparityStrategy>(), lowBars));
        DisparityStrategy::Params p;
        p.buyBelow = std::nextafter(95.0, 100.0);
        QVERIFY(lastDecision(make<DisparityStrategy>(p), lowBars));

        std::vector<double> high = repeat(10000, 18);
        high.push_back(9500);
        high.push_back(10500);
        const auto highBars = fromCloses(high);
        QCOMPARE(*setAfter(highBars).current().disparity, 105.0);
        QVERIFY(!lastDecision(make<DisparityStrategy>(), highBars));
        p = {};
        p.sellAbove = std::nextafter(105.0, 100.0);
        const auto sell = lastDecision(make<DisparityStrategy>(p), highBars);
        QVERIFY(sell);
        QCOMPARE(sell->side, Side::Sell);
    }

    void disparityCustomPeriod()
    {
        DisparityStrategy::Params p;
        p.period = 5;
        const auto bars = fromCloses(concat(repeat(10000, 4), { 9000 })); // 9000 / 9800 = 91.8
        QVERIFY(lastDecision(make<DisparityStrategy>(p), bars));
        QVERIFY(!lastDecision(make<DisparityStrategy>(), bars)); // period 20 still warming up
    }

    // --- bollinger: low(t−1) <= lower(t−1) AND close(t) > lower(t) ---------------------------

    void bollingerTouchThenCloseAbove()
    {
        // 20 closes alternating 10000 / 10100: mean 10050, σ 50, lower band 9950.
        std::vector<double> c;
        for (int i = 0; i < 20; ++i)
            c.push_back(i % 2 == 0 ? 10000 : 10100);
        c.push_back(10000);
        auto bars = fromCloses(c);
        const double lowerPrev = *setAfter(std::span(bars).first(20)).current().bbLower;
        QCOMPARE(lowerPrev, 9950.0);

        bars[19].low = 9950; // touches the band exactly
        const auto fire = lastDecision(make<BollingerStrategy>(), bars);
        QVERIFY(fire);
        QCOMPARE(fire->side, Side::Buy);
        QCOMPARE(fire->reasonCode, u"bollinger.lower_band_rebound");
        QCOMPARE(fire->values.value("prev_low"_L1), 9950.0);
        QCOMPARE(fire->values.value("prev_bb_lower"_L1), 9950.0);
        QCOMPARE(fire->values.value("close"_L1), 10000.0);
        QCOMPARE(fire->values.value("bb_lower"_L1), *setAfter(bars).current().bbLower);

        bars[19].low = 9960; // one tick above the band: no touch
        QVERIFY(!lastDecision(make<BollingerStrategy>(), bars));
    }

    void bollingerCloseMustBeBackAboveTheBand()
    {
        std::vector<double> c;
        for (int i = 0; i < 20; ++i)
            c.push_back(i % 2 == 0 ? 10000 : 10100);
        // Find the lowest close X (on the 10-won tick) with X > lower(t) — the band moves with X.
        double firstAbove = 0;
        for (double x = 10000; x > 9500; x -= 10) {
            auto bars = fromCloses(concat(c, { x }));
            if (!(x > *setAfter(bars).current().bbLower))
                break;
            firstAbove = x;
        }
        QVERIFY(firstAbove > 9500 && firstAbove < 10000);
        for (const double x : { firstAbove, firstAbove - 10 }) {
            auto bars = fromCloses(concat(c, { x }));
            bars[19].low = 9900; // touched
            bars.back().low = std::min(bars.back().low, 9800.0);
            QCOMPARE(bool(lastDecision(make<BollingerStrategy>(), bars)), x == firstAbove);
        }
    }

    void bollingerCloseBelowThenBackAbove()
    {
        // The previous candle closed below the band (so its low did too), this one closes above.
        std::vector<double> c;
        for (int i = 0; i < 19; ++i)
            c.push_back(i % 2 == 0 ? 10000 : 10100);
        c.push_back(9800);
        const auto prevBars = fromCloses(c);
        QVERIFY(9800 < *setAfter(prevBars).current().bbLower);
        QVERIFY(!lastDecision(make<BollingerStrategy>(), prevBars)); // still below: no rebound yet
        c.push_back(10100);
        QVERIFY(lastDecision(make<BollingerStrategy>(), fromCloses(c)));
    }

    void bollingerWidthParameter()
    {
        std::vector<double> c;
        for (int i = 0; i < 20; ++i)
            c.push_back(i % 2 == 0 ? 10000 : 10100);
        c.push_back(10100);
        auto bars = fromCloses(c);
        bars[19].low = 9990; // above the 2σ band (9950), below a 1σ band (10000)
        QVERIFY(!lastDecision(make<BollingerStrategy>(), bars));
        BollingerStrategy::Params p;
        p.width = 1.0;
        QVERIFY(lastDecision(make<BollingerStrategy>(p), bars));
    }

    // --- rsi: RSI < 30, turning up, volume > 1.5 × WMA(previous bars) → buy; mirror → sell ------

    void rsiBuy()
    {
        // 20 falling bars (RSI 0), then +50: RSI = 100 − 100 / (1 + 1/13) = 7.14, turning up.
        std::vector<double> c { 10000 };
        for (int i = 1; i <= 20; ++i)
            c.push_back(10000 - 50 * i);
        c.push_back(9050);
        std::vector<double> v = repeat(1000, int(c.size()));
        v.back() = 1501;
        const auto fire = lastDecision(make<RsiStrategy>(), fromCloses(c, v));
        QVERIFY(fire);
        QCOMPARE(fire->side, Side::Buy);
        QCOMPARE(fire->reasonCode, u"rsi.oversold_turning_up");
        QCOMPARE(fire->values.value("rsi_prev"_L1), 0.0);
        QVERIFY(std::abs(*fire->values.value("rsi"_L1) - 100.0 / 14.0) < 1e-9);
        QCOMPARE(fire->values.value("volume"_L1), 1501.0);
        // The average of the bars BEFORE this one (all 1000); with this bar's 1501 in it the
        // threshold would be 1.5 × 1047.7 = 1571 and 1501 would not fire.
        QCOMPARE(fire->values.value("volume_wma"_L1), 1000.0);

        v.back() = 1500; // exactly 1.5×: not above
        QVERIFY(!lastDecision(make<RsiStrategy>(), fromCloses(c, v)));
    }

    void rsiBuyNeedsTurningUp()
    {
        std::vector<double> c { 10000 };
        for (int i = 1; i <= 20; ++i)
            c.push_back(10000 - 50 * i);
        c.push_back(c.back()); // unchanged: RSI stays 0
        std::vector<double> v = repeat(1000, int(c.size()));
        v.back() = 5000;
        QVERIFY(!lastDecision(make<RsiStrategy>(), fromCloses(c, v)));
    }

    void rsiOversoldLevelIsStrict()
    {
        std::vector<double> c { 10000 };
        for (int i = 1; i <= 20; ++i)
            c.push_back(10000 - 50 * i);
        c.push_back(9050);
        std::vector<double> v = repeat(1000, int(c.size()));
        v.back() = 2000;
        const auto bars = fromCloses(c, v);
        const double rsi = *setAfter(bars).current().rsi;
        RsiStrategy::Params p;
        p.oversold = rsi;
        QVERIFY(!lastDecision(make<RsiStrategy>(p), bars));
        p.oversold = std::nextafter(rsi, 100.0);
        QVERIFY(lastDecision(make<RsiStrategy>(p), bars));
    }

    void rsiSell()
    {
        // Mirror: 20 rising bars (RSI 100), then −50: RSI = 100 − 100/14 = 92.86, turning down.
        std::vector<double> c { 10000 };
        for (int i = 1; i <= 20; ++i)
            c.push_back(10000 + 50 * i);
        c.push_back(10950);
        std::vector<double> v = repeat(1000, int(c.size()));
        v.back() = 1501;
        const auto bars = fromCloses(c, v);
        const auto fire = lastDecision(make<RsiStrategy>(), bars);
        QVERIFY(fire);
        QCOMPARE(fire->side, Side::Sell);
        QCOMPARE(fire->reasonCode, u"rsi.overbought_turning_down");
        QCOMPARE(fire->values.value("rsi_prev"_L1), 100.0);
        v.back() = 1500;
        QVERIFY(!lastDecision(make<RsiStrategy>(), fromCloses(c, v)));

        const double rsi = *setAfter(bars).current().rsi;
        RsiStrategy::Params p;
        p.overbought = rsi;
        QVERIFY(!lastDecision(make<RsiStrategy>(p), bars));
        p.overbought = std::nextafter(rsi, 0.0);
        QVERIFY(lastDecision(make<RsiStrategy>(p), bars));
    }

    void rsiSellNeedsTurningDown()
    {
        std::vector<double> c { 10000 };
        for (int i = 1; i <= 21; ++i)
            c.push_back(10000 + 50 * i); // still rising: RSI stays 100
        std::vector<double> v = repeat(1000, int(c.size()));
        v.back() = 5000;
        QVERIFY(!lastDecision(make<RsiStrategy>(), fromCloses(c, v)));
    }

    void rsiVolumeMultiplierParameter()
    {
        std::vector<double> c { 10000 };
        for (int i = 1; i <= 20; ++i)
            c.push_back(10000 - 50 * i);
        c.push_back(9050);
        std::vector<double> v = repeat(1000, int(c.size()));
        v.back() = 1100;
        QVERIFY(!lastDecision(make<RsiStrategy>(), fromCloses(c, v)));
        RsiStrategy::Params p;
        p.volumeMultiplier = 1.0;
        QVERIFY(lastDecision(make<RsiStrategy>(p), fromCloses(c, v)));
    }

    // --- chaikin: oscillator crosses above 0 -------------------------------------------------

    void chaikinCrossFromExactlyZero()
    {
        // Bars with high == low have a money-flow multiplier of 0: the A/D line and the oscillator
        // stay exactly 0. Then one bar closing at its high (multiplier +1) lifts it above 0.
        std::vector<Bar> bars;
        for (int i = 0; i < 12; ++i)
            bars.push_back(IndicatorsData::bar(i, 10000, 10000, 10000, 10000, 1000));
        QCOMPARE(*setAfter(bars).current().chaikin, 0.0);
        QVERIFY(!lastDecision(make<ChaikinStrategy>(), bars)); // 0 is not above 0
        bars.push_back(IndicatorsData::bar(12, 10000, 10100, 10000, 10100, 1000));
        const auto fire = lastDecision(make<ChaikinStrategy>(), bars);
        QVERIFY(fire);
        QCOMPARE(fire->side, Side::Buy);
        QCOMPARE(fire->reasonCode, u"chaikin.cross_above_level");
        QCOMPARE(fire->values.value("chaikin_prev"_L1), 0.0);
        QVERIFY(*fire->values.value("chaikin"_L1) > 0.0);
        // Staying above does not fire again.
        bars.push_back(IndicatorsData::bar(13, 10100, 10200, 10100, 10200, 1000));
        QVERIFY(*setAfter(bars).current().chaikin > 0.0);
        QVERIFY(!lastDecision(make<ChaikinStrategy>(), bars));
    }

    void chaikinCrossAfterDistribution()
    {
        // Distribution (closes at the low) pushes the oscillator below 0, accumulation (closes at
        // the high) brings it back: exactly one signal, on the bar where it crosses.
        std::vector<Bar> bars;
        for (int i = 0; i < 15; ++i)
            bars.push_back(IndicatorsData::bar(i, 10100, 10100, 10000, 10000, 1000));
        for (int i = 15; i < 30; ++i)
            bars.push_back(IndicatorsData::bar(i, 10000, 10100, 10000, 10100, 3000));
        const Indicators::IndicatorLines lines = Indicators::computeAll(bars);
        qsizetype cross = -1;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            if (lines.chaikin.has(i - 1) && lines.chaikin.values[size_t(i - 1)] <= 0.0
                && lines.chaikin.values[size_t(i)] > 0.0) {
                QCOMPARE(cross, -1);
                cross = i;
            }
        }
        QVERIFY(cross > 15);
        QCOMPARE(StrategyData::signalIndices(make<ChaikinStrategy>(), bars), std::vector<qsizetype> { cross });

        // The level is a strict threshold too.
        const std::span<const Bar> upTo(bars.data(), size_t(cross + 1));
        const double osc = lines.chaikin.values[size_t(cross)];
        ChaikinStrategy::Params p;
        p.level = osc;
        QVERIFY(!lastDecision(make<ChaikinStrategy>(p), upTo));
        p.level = std::nextafter(osc, -1e300);
        QVERIFY(lines.chaikin.values[size_t(cross - 1)] <= p.level);
        QVERIFY(lastDecision(make<ChaikinStrategy>(p), upTo));
    }

    // --- common ------------------------------------------------------------------------------

    void warmingUpNeverFires()
    {
        // No strategy fires before minimumBars() bars, whatever the data.
        const std::vector<Bar> bars = IndicatorsData::randomWalk(5000, 11);
        DisparityStrategy::Params near; // minute bars rarely stray 5 % from their average
        near.buyBelow = 99.5;
        near.sellAbove = 100.5;
        const std::shared_ptr<const Strategy> all[] = { make<MomentumStrategy>(), make<DisparityStrategy>(near),
            make<BollingerStrategy>(), make<RsiStrategy>(), make<ChaikinStrategy>() };
        for (const auto &s : all) {
            const std::vector<qsizetype> idx = StrategyData::signalIndices(s, bars);
            QVERIFY2(!idx.empty(), qPrintable(s->type()));
            QVERIFY2(idx.front() >= s->minimumBars() - 1, qPrintable(s->type()));
        }
    }

    void signalValuesAreFinite()
    {
        const std::vector<Bar> bars = IndicatorsData::randomWalk(3000, 5);
        const std::shared_ptr<const Strategy> all[] = { make<MomentumStrategy>(), make<DisparityStrategy>(),
            make<BollingerStrategy>(), make<RsiStrategy>(), make<ChaikinStrategy>() };
        for (const auto &s : all) {
            for (const auto &d : StrategyData::decisions(s, bars)) {
                if (!d)
                    continue;
                QVERIFY(!d->values.isEmpty());
                for (int i = 0; i < d->values.size(); ++i)
                    QVERIFY(std::isfinite(d->values.value(i)));
                const QJsonObject json = d->toJson();
                QCOMPARE(json.value(u"values").toObject().size(), d->values.size());
                QCOMPARE(json.value(u"strategy").toString(), s->type());
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestStrategyRules)
#include "tst_strategyrules.moc"
