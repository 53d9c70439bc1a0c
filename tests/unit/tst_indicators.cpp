// SPDX-License-Identifier: GPL-3.0-or-later
// Hand-computed cases for every indicator of core/indicators: the arithmetic is in the comments and
// the expected values are written as the exact fractions, compared to the last few ulps of the
// magnitudes involved. Each warm-up index and each zero rule of issue #4 has its own case.
#include "indicators/indicatorset.h"
#include "indicatorsdata.h"

#include <QtTest>

#include <cmath>

using namespace Indicators;
using IndicatorsData::bar;
using IndicatorsData::closeTo;
using IndicatorsData::describe;
using Expect = std::optional<double>;

namespace {

constexpr Expect N = std::nullopt;

// The line must have a value exactly where `expected` has one, equal to the last few ulps.
void verifyLine(const Line &line, const QList<Expect> &expected, double ulps = 4, double scale = 0.0)
{
    QCOMPARE(line.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const Expect got = line.at(i);
        QVERIFY2(got.has_value() == expected[i].has_value(),
            qPrintable(
                QStringLiteral("index %1: got %2, expected %3").arg(i).arg(describe(got), describe(expected[i]))));
        if (got)
            QVERIFY2(closeTo(*got, *expected[i], ulps, scale),
                qPrintable(
                    QStringLiteral("index %1: got %2, expected %3").arg(i).arg(describe(got), describe(expected[i]))));
    }
}

// A line's first value sits exactly at `first` (none before, one at it).
void verifyFirst(const Line &line, qsizetype first)
{
    QCOMPARE(line.first, first);
    QVERIFY(!line.has(first - 1));
    QVERIFY(line.has(first));
}

std::vector<double> ramp(int n, double start = 1.0)
{
    std::vector<double> x(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i)
        x[size_t(i)] = start + i;
    return x;
}

// Bars with the given closes (open = close, high = close + 1, low = close − 1, volume 100).
std::vector<Bar> barsFromCloses(const std::vector<double> &closes)
{
    std::vector<Bar> bars;
    for (size_t i = 0; i < closes.size(); ++i)
        bars.push_back(bar(qsizetype(i), closes[i], closes[i] + 1, closes[i] - 1, closes[i], 100));
    return bars;
}

} // namespace

class TestIndicators final : public QObject
{
    Q_OBJECT

private slots:
    // ---- SMA ------------------------------------------------------------------------------------
    void smaSmall()
    {
        // SMA3 of 10, 11, 13, 16, 20: (10+11+13)/3, (11+13+16)/3, (13+16+20)/3.
        const std::vector<double> x = { 10, 11, 13, 16, 20 };
        verifyLine(sma(x, 3), { N, N, 34.0 / 3, 40.0 / 3, 49.0 / 3 }, 1);
        // Integer inputs give the correctly rounded mean: bit-equal to sum/n.
        QCOMPARE(sma(x, 3).values[2], 34.0 / 3);
    }

    void smaDefaultWarmup()
    {
        // x_t = t+1: SMA20 first at index 19 = (1+…+20)/20 = 10.5, then t − 8.5.
        QList<Expect> expected;
        for (int t = 0; t < 30; ++t)
            expected << (t < 19 ? N : Expect(t - 8.5));
        const Line line = sma(ramp(30), 20);
        verifyFirst(line, 19);
        verifyLine(line, expected, 0);
    }

    void smaConstantIsExact()
    {
        // 100.1 is not a binary fraction: a summed mean could be off by an ulp; a flat window is exact.
        const std::vector<double> x(25, 100.1);
        const Line line = sma(x, 20);
        for (qsizetype i = 19; i < 25; ++i)
            QCOMPARE(line.values[size_t(i)], 100.1);
    }

    // ---- EMA ------------------------------------------------------------------------------------
    void emaSmall()
    {
        // EMA3, α = 2/4 = 0.5, seed at index 2 = (2+4+6)/3 = 4; then 4 + 0.5·(8−4) = 6; 6 + 0.5·(11−6) = 8.5.
        verifyLine(ema(std::vector<double> { 2, 4, 6, 8, 11 }, 3), { N, N, 4, 6, 8.5 }, 0);
    }

    void emaDefaultWarmup()
    {
        // x_t = t+1, EMA20: seed at 19 = 10.5; x − E = 21 − 10.5 = 10.5 = (n+1)/2, α·10.5 = 1, so every
        // step adds 1: E_t = t − 8.5 (to rounding of α = 2/21).
        QList<Expect> expected;
        for (int t = 0; t < 40; ++t)
            expected << (t < 19 ? N : Expect(t - 8.5));
        const Line line = ema(ramp(40), 20);
        verifyFirst(line, 19);
        verifyLine(line, expected, 16);
    }

    void emaFirstValueSeed()
    {
        // EMA3 seeded with the first input: E_0 = 2, E_1 = 2 + 0.5·(4−2) = 3, E_2 = 3 + 0.5·(6−3) = 4.5.
        const Line line = ema(std::vector<double> { 2, 4, 6 }, 3, EmaSeed::FirstValue);
        verifyFirst(line, 0);
        verifyLine(line, { 2, 3, 4.5 }, 0);
    }

    void emaConstantIsExact()
    {
        const std::vector<double> x(40, 100.1);
        const Line line = ema(x, 20);
        for (qsizetype i = 19; i < 40; ++i)
            QCOMPARE(line.values[size_t(i)], 100.1);
    }

    // ---- RSI ------------------------------------------------------------------------------------
    void rsiSmall()
    {
        // Closes 10, 11, 10, 12, 12, 9 → U = 1,0,2,0,0 and D = 0,1,0,0,3 (from index 1).
        // RSI3 at 3: AG = (1+0+2)/3 = 1, AL = (0+1+0)/3 = 1/3, RS = 3 → 100 − 100/4 = 75.
        // At 4: AG = (2·1 + 0)/3 = 2/3, AL = (2·1/3 + 0)/3 = 2/9, RS = 3 → 75.
        // At 5: AG = (2·2/3 + 0)/3 = 4/9, AL = (2·2/9 + 3)/3 = 31/27, RS = 12/31 → 100 − 3100/43 = 1200/43.
        verifyLine(rsi(std::vector<double> { 10, 11, 10, 12, 12, 9 }, 3), { N, N, N, 75, 75, 1200.0 / 43 }, 4, 100);
    }

    void rsiDefaultWarmup()
    {
        // Closes alternate 100, 101, 100, …: U_1..U_14 holds seven 1s, D_1..D_14 seven 1s.
        // RSI14 first at index 14: AG = AL = 7/14 → 50.
        // At 15 (+1): AG = (13·0.5 + 1)/14 = 7.5/14, AL = (13·0.5)/14 = 6.5/14, RS = 15/13
        //   → 100 − 100/(28/13) = 375/7.
        std::vector<double> x;
        for (int i = 0; i < 16; ++i)
            x.push_back(100 + i % 2);
        QList<Expect> expected(14, N);
        expected << 50 << 375.0 / 7;
        const Line line = rsi(x, 14);
        verifyFirst(line, 14);
        verifyLine(line, expected, 4, 100);
    }

    void rsiZeroAverageLoss()
    {
        // AL = 0 → 100: a rising series, and a flat one (AG = AL = 0).
        const Line up = rsi(ramp(20), 14);
        const Line flat = rsi(std::vector<double>(20, 5000.0), 14);
        for (qsizetype i = 14; i < 20; ++i) {
            QCOMPARE(up.values[size_t(i)], 100.0);
            QCOMPARE(flat.values[size_t(i)], 100.0);
        }
        // AG = 0 < AL: 100 − 100/(1 + 0) = 0.
        std::vector<double> down = ramp(20);
        std::reverse(down.begin(), down.end());
        QCOMPARE(rsi(down, 14).values[19], 0.0);
        QCOMPARE(Rsi::fromAverages(0, 0), 100.0);
    }

    // ---- Bollinger ------------------------------------------------------------------------------
    void bollingerSmall()
    {
        // (5, 2) over 1, 2, 3, 4, 5, 11.
        // Index 4: mean 3, deviations −2..2, Σd² = 10, σ = √(10/5) = √2 → 3 ± 2√2.
        // Index 5: window 2, 3, 4, 5, 11: mean 5, deviations −3,−2,−1,0,6, Σd² = 50, σ = √10 → 5 ± 2√10.
        const BollingerLines bb = bollinger(std::vector<double> { 1, 2, 3, 4, 5, 11 }, 5, 2.0);
        verifyLine(bb.middle, { N, N, N, N, 3, 5 }, 0);
        verifyLine(bb.stdDev, { N, N, N, N, std::sqrt(2.0), std::sqrt(10.0) }, 1);
        verifyLine(bb.upper, { N, N, N, N, 3 + 2 * std::sqrt(2.0), 5 + 2 * std::sqrt(10.0) }, 2);
        verifyLine(bb.lower, { N, N, N, N, 3 - 2 * std::sqrt(2.0), 5 - 2 * std::sqrt(10.0) }, 4, 5);
    }

    void bollingerDefaultWarmupAndFlat()
    {
        // Bollinger(20, 2): first at 19. 30 varied closes then 25 equal ones: once the window is
        // all flat, σ is exactly 0 and the bands collapse onto the middle (never NaN).
        std::vector<double> x;
        for (int i = 0; i < 30; ++i)
            x.push_back(70000 + (i * 37 % 11) * 100.5);
        for (int i = 0; i < 25; ++i)
            x.push_back(70123.4);
        const BollingerLines bb = bollinger(x, 20, 2.0);
        verifyFirst(bb.middle, 19);
        verifyFirst(bb.upper, 19);
        verifyFirst(bb.lower, 19);
        for (size_t i = 49; i < x.size(); ++i) {
            QCOMPARE(bb.stdDev.values[i], 0.0);
            QCOMPARE(bb.middle.values[i], 70123.4);
            QCOMPARE(bb.upper.values[i], 70123.4);
            QCOMPARE(bb.lower.values[i], 70123.4);
        }
        QVERIFY(bb.stdDev.values[48] > 0.0); // one varied close still in the window
    }

    // ---- Momentum, disparity --------------------------------------------------------------------
    void momentumSmallAndDefault()
    {
        // Momentum3 of 5, 7, 4, 9, 9: 9 − 5 = 4, 9 − 7 = 2.
        verifyLine(momentum(std::vector<double> { 5, 7, 4, 9, 9 }, 3), { N, N, N, 4, 2 }, 0);
        // Momentum10 of C_i = i²: first at 10: 100 − 0, then 121 − 1 = 120, 144 − 4 = 140.
        std::vector<double> sq;
        for (int i = 0; i < 13; ++i)
            sq.push_back(double(i * i));
        QList<Expect> expected(10, N);
        expected << 100 << 120 << 140;
        const Line line = momentum(sq, 10);
        verifyFirst(line, 10);
        verifyLine(line, expected, 0);
    }

    void disparitySmallAndDefault()
    {
        // Disparity3 of 10, 20, 30, 40: 30/20·100 = 150; 40/30·100 = 400/3.
        verifyLine(disparity(std::vector<double> { 10, 20, 30, 40 }, 3), { N, N, 150, 400.0 / 3 }, 2);
        // Disparity20 of x_t = t+1: first at 19 = 20/10.5·100.
        const Line line = disparity(ramp(21), 20);
        verifyFirst(line, 19);
        QVERIFY(closeTo(line.values[19], 20 / 10.5 * 100, 2));
        QVERIFY(closeTo(line.values[20], 21 / 11.5 * 100, 2));
    }

    void disparityZeroSmaIs100()
    {
        // All closes 0 → SMA 0 → defined as 100 (not 0/0).
        const Line line = disparity(std::vector<double>(25, 0.0), 20);
        for (qsizetype i = 19; i < 25; ++i)
            QCOMPARE(line.values[size_t(i)], 100.0);
        QCOMPARE(Disparity::fromSma(0.0, 0.0), 100.0);
    }

    // ---- A/D line, Chaikin ----------------------------------------------------------------------
    void adlSmall()
    {
        // bar 0: H10 L8 C9.5 V100: MFM = (1.5 − 0.5)/2 = 0.5 → ADL = 50
        // bar 1: H12 L10 C10 V200: MFM = (0 − 2)/2 = −1 → 50 − 200 = −150
        // bar 2: H = L = 11, V500: MFM = 0 (H = L rule) → −150
        // bar 3: H13 L9 C12 V40: MFM = (3 − 1)/4 = 0.5 → −150 + 20 = −130
        // bar 4: H13 L9 C9 V0: zero volume → −130
        const std::vector<Bar> bars = { bar(0, 9, 10, 8, 9.5, 100), bar(1, 11, 12, 10, 10, 200),
            bar(2, 11, 11, 11, 11, 500), bar(3, 12, 13, 9, 12, 40), bar(4, 10, 13, 9, 9, 0) };
        const Line line = adl(bars);
        verifyFirst(line, 0);
        verifyLine(line, { 50, -150, -150, -130, -130 }, 0);
    }

    void chaikinSmall()
    {
        // Chaikin(2, 3) over ADL 10, 40, 40, 10 (C = H → MFM 1; H = L → 0; C = L → −1).
        // EMA2 (α = 2/3) seeded E_0 = 10: 10, 30, 30 + (2/3)·10 = 110/3, 110/3 + (2/3)(10 − 110/3) = 170/9.
        // EMA3 (α = 1/2) seeded E_0 = 10: 10, 25, 32.5, 21.25.
        // Output from index max(2,3) − 1 = 2: 110/3 − 65/2 = 25/6; 170/9 − 85/4 = −85/36.
        const std::vector<Bar> bars = { bar(0, 10, 11, 10, 11, 10), bar(1, 11, 12, 11, 12, 30),
            bar(2, 12, 12, 12, 12, 999), bar(3, 12, 12, 11, 11, 30) };
        verifyLine(adl(bars), { 10, 40, 40, 10 }, 0);
        const Line line = chaikin(bars, 2, 3);
        verifyFirst(line, 2);
        verifyLine(line, { N, N, 25.0 / 6, -85.0 / 36 }, 8, 40);
    }

    void chaikinDefaultWarmup()
    {
        // Chaikin(3, 10): output from index 9. First bar adds 50 to the A/D line, the rest have H = L:
        // ADL is 50 throughout, both EMAs stay exactly 50 (E + α·0) and the oscillator is exactly 0.
        std::vector<Bar> bars = { bar(0, 9, 10, 8, 9.5, 100) };
        for (int i = 1; i < 15; ++i)
            bars.push_back(bar(i, 9, 9, 9, 9, 1000));
        const Line line = chaikin(bars, 3, 10);
        verifyFirst(line, 9);
        for (qsizetype i = 9; i < 15; ++i)
            QCOMPARE(line.values[size_t(i)], 0.0);
    }

    // ---- Stochastic -----------------------------------------------------------------------------
    void stochasticSmall()
    {
        // Stochastic k = 3, d = 2, slowK = 3, slowD = 2 over (H, L, C):
        //  0 (10, 8, 9)   1 (12, 9, 11)   2 (11, 7, 10)   3 (13, 10, 13)   4..6 (12, 12, 12)
        // %K from 2: HH/LL of bars 0-2 = 12/7 → 100·3/5 = 60; bars 1-3: 13/7 → 100·6/6 = 100;
        //   bars 2-4: 13/7 → 100·5/6 = 250/3; bars 3-5: 13/10 → 100·2/3 = 200/3; bars 4-6: HH = LL → 0.
        // %D = SMA2(%K) from 3: 80, 275/3, 75, 100/3.
        // slow %K = SMA3(%K) from 4: (60+100+250/3)/3 = 730/9, (100+250/3+200/3)/3 = 250/3, (250/3+200/3+0)/3 = 50.
        // slow %D = SMA2(slow %K) from 5: (730/9 + 250/3)/2 = 740/9, (250/3 + 50)/2 = 200/3.
        const std::vector<Bar> bars
            = { bar(0, 9, 10, 8, 9, 1), bar(1, 11, 12, 9, 11, 1), bar(2, 10, 11, 7, 10, 1), bar(3, 13, 13, 10, 13, 1),
                  bar(4, 12, 12, 12, 12, 1), bar(5, 12, 12, 12, 12, 1), bar(6, 12, 12, 12, 12, 1) };
        const StochasticLines s = stochastic(bars, { 3, 2, 3, 2 });
        verifyLine(s.k, { N, N, 60, 100, 250.0 / 3, 200.0 / 3, 0 }, 2, 100);
        verifyLine(s.d, { N, N, N, 80, 275.0 / 3, 75, 100.0 / 3 }, 4, 100);
        verifyLine(s.slowK, { N, N, N, N, 730.0 / 9, 250.0 / 3, 50 }, 4, 100);
        verifyLine(s.slowD, { N, N, N, N, N, 740.0 / 9, 200.0 / 3 }, 4, 100);
    }

    void stochasticDefaultWarmup()
    {
        // Fast (14, 3) and slow (14, 3, 3): %K from 13, %D from 15, slow %K from 15, slow %D from 17.
        // With C_t = t+100, H = C+1, L = C−1: HH_14 = C_t + 1, LL_14 = C_t − 14 → %K = 100·14/15 always.
        std::vector<double> c = ramp(20, 100);
        const StochasticLines s = stochastic(barsFromCloses(c));
        verifyFirst(s.k, 13);
        verifyFirst(s.d, 15);
        verifyFirst(s.slowK, 15);
        verifyFirst(s.slowD, 17);
        for (qsizetype i = 17; i < 20; ++i) {
            QVERIFY(closeTo(s.k.values[size_t(i)], 1400.0 / 15, 2));
            QVERIFY(closeTo(s.slowD.values[size_t(i)], 1400.0 / 15, 4));
        }
    }

    void stochasticFlatIsZero()
    {
        // HH = LL (a flat window) → %K = 0, and so are the smoothings (exactly).
        std::vector<Bar> bars;
        for (int i = 0; i < 20; ++i)
            bars.push_back(bar(i, 50.5, 50.5, 50.5, 50.5, 10));
        const StochasticLines s = stochastic(bars);
        for (size_t i = 17; i < 20; ++i) {
            QCOMPARE(s.k.values[i], 0.0);
            QCOMPARE(s.d.values[i], 0.0);
            QCOMPARE(s.slowK.values[i], 0.0);
            QCOMPARE(s.slowD.values[i], 0.0);
        }
    }

    // ---- MACD -----------------------------------------------------------------------------------
    void macdSmall()
    {
        // MACD(2, 3, 2) over 1, 2, 4, 7, 11.
        // EMA2 (α = 2/3) seed at 1 = 1.5: 19/6, 103/18, 499/54.   EMA3 (α = 1/2) seed at 2 = 7/3: 14/3, 47/6.
        // line from 2: 19/6 − 7/3 = 5/6; 103/18 − 14/3 = 19/18; 499/54 − 47/6 = 38/27.
        // signal = EMA2 of the line, seed at 3 = (5/6 + 19/18)/2 = 17/18; then 17/18 + (2/3)(38/27 − 17/18) = 203/162.
        // histogram: 19/18 − 17/18 = 1/9; 38/27 − 203/162 = 25/162.
        const MacdLines m = macd(std::vector<double> { 1, 2, 4, 7, 11 }, { 2, 3, 2 });
        verifyLine(m.line, { N, N, 5.0 / 6, 19.0 / 18, 38.0 / 27 }, 8, 10);
        verifyLine(m.signal, { N, N, N, 17.0 / 18, 203.0 / 162 }, 8, 10);
        verifyLine(m.histogram, { N, N, N, 1.0 / 9, 25.0 / 162 }, 8, 10);
    }

    void macdDefaultWarmup()
    {
        // MACD(12, 26, 9) of C_t = 100 + t: an SMA-seeded EMA_n of a unit ramp lags by (n−1)/2, so
        // EMA12 = C − 5.5, EMA26 = C − 12.5 and the line is 7 from index 25; the signal (seeded with
        // the mean of nine 7s) is 7 from 33 and the histogram 0.
        const MacdLines m = macd(ramp(40, 100));
        verifyFirst(m.line, 25);
        verifyFirst(m.signal, 33);
        verifyFirst(m.histogram, 33);
        for (size_t i = 25; i < 40; ++i)
            QVERIFY2(closeTo(m.line.values[i], 7.0, 64, 140), qPrintable(describe(m.line.values[i])));
        for (size_t i = 33; i < 40; ++i) {
            QVERIFY(closeTo(m.signal.values[i], 7.0, 64, 140));
            QVERIFY(closeTo(m.histogram.values[i], 0.0, 64, 140));
        }
    }

    void macdConstantIsZero()
    {
        const MacdLines m = macd(std::vector<double>(40, 70100.5));
        for (size_t i = 33; i < 40; ++i) {
            QCOMPARE(m.line.values[i], 0.0);
            QCOMPARE(m.signal.values[i], 0.0);
            QCOMPARE(m.histogram.values[i], 0.0);
        }
    }

    // ---- ATR ------------------------------------------------------------------------------------
    void atrSmall()
    {
        // ATR3 over (H, L, C): 0 (10, 8, 9), 1 (11, 9, 10), 2 (10.5, 9.5, 10), 3 (15, 14, 14.5), 4 (12, 11, 11).
        // TR_1 = max(2, |11−9|, |9−9|) = 2; TR_2 = max(1, 0.5, 0.5) = 1; TR_3 = max(1, |15−10|, |14−10|) = 5;
        // TR_4 = max(1, |12−14.5|, |11−14.5|) = 3.5.
        // ATR at 3 = (2 + 1 + 5)/3 = 8/3; at 4 = (2·8/3 + 3.5)/3 = 53/18.
        const std::vector<Bar> bars = { bar(0, 9, 10, 8, 9, 1), bar(1, 10, 11, 9, 10, 1), bar(2, 10, 10.5, 9.5, 10, 1),
            bar(3, 14.5, 15, 14, 14.5, 1), bar(4, 11, 12, 11, 11, 1) };
        verifyLine(atr(bars, 3), { N, N, N, 8.0 / 3, 53.0 / 18 }, 4);
    }

    void atrDefaultWarmup()
    {
        // ATR14, first at 14 (TR exists from 1). H − L = 2 and no gaps → TR = 2 → ATR = 2.
        // A flat series → TR = 0 → ATR = 0.
        const Line line = atr(barsFromCloses(ramp(20, 100)), 14);
        verifyFirst(line, 14);
        for (size_t i = 14; i < 20; ++i)
            QCOMPARE(line.values[i], 2.0);
        std::vector<Bar> flat;
        for (int i = 0; i < 20; ++i)
            flat.push_back(bar(i, 7, 7, 7, 7, 0));
        QCOMPARE(atr(flat, 14).values[19], 0.0);
    }

    // ---- OBV, VWAP ------------------------------------------------------------------------------
    void obvSmall()
    {
        // Closes 10, 11, 11, 9, 12, 13 with volumes 100, 50, 70, 30, 20, 0:
        // 0; +50 → 50; equal → 50; −30 → 20; +20 → 40; +0 → 40.
        const std::vector<Bar> bars = { bar(0, 10, 10, 10, 10, 100), bar(1, 11, 11, 11, 11, 50),
            bar(2, 11, 11, 11, 11, 70), bar(3, 9, 9, 9, 9, 30), bar(4, 12, 12, 12, 12, 20), bar(5, 13, 13, 13, 13, 0) };
        const Line line = obv(bars);
        verifyFirst(line, 0);
        verifyLine(line, { 0, 50, 50, 20, 40, 40 }, 0);
    }

    void vwapSmall()
    {
        // 0: H = L = C = 9, V0: no volume yet → TP = 9.
        // 1: H12 L9 C9 V100: TP = 10 → 1000/100 = 10.
        // 2: H13 L11 C12 V300: TP = 12 → (1000 + 3600)/400 = 11.5.
        // 3: H = L = C = 14, V0 → still 4600/400 = 11.5.
        const std::vector<Bar> bars = { bar(0, 9, 9, 9, 9, 0), bar(1, 9, 12, 9, 9, 100), bar(2, 12, 13, 11, 12, 300),
            bar(3, 14, 14, 14, 14, 0) };
        const Line line = vwap(bars);
        verifyFirst(line, 0);
        verifyLine(line, { 9, 10, 11.5, 11.5 }, 0);
    }

    void vwapDailyRestartsAtKstMidnight()
    {
        // KST = UTC+9, so the Seoul day changes at 15:00 UTC.
        auto at = [](const char *iso, double tp, double volume) {
            const QDateTime t = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
            return Bar { t.toMSecsSinceEpoch(), tp, tp, tp, tp, volume };
        };
        const std::vector<Bar> bars = {
            at("2024-01-02T15:00:00+09:00", 10, 100), // day 1 → 10
            at("2024-01-02T23:30:00+09:00", 20, 100), // day 1 → (1000 + 2000)/200 = 15
            at("2024-01-02T15:30:00Z", 30, 100), // 00:30 KST Jan 3 (same UTC day): restart → 30
            at("2024-01-03T10:00:00+09:00", 40, 0), // day 2, no volume → 30
            at("2024-01-04T09:00:00+09:00", 50, 0), // day 3, no volume yet → TP = 50
            at("2024-01-04T09:01:00+09:00", 60, 100), // day 3 → 60
        };
        // Cumulative: 10, 15, 20, 20, 20, (1000+2000+3000+6000)/400 = 30.
        verifyLine(vwap(bars, VwapAnchor::Cumulative), { 10, 15, 20, 20, 20, 30 }, 0);
        verifyLine(vwap(bars, VwapAnchor::KstDay), { 10, 15, 30, 30, 50, 60 }, 0);
    }

    // ---- Weighted average volume ----------------------------------------------------------------
    void weightedAverageSmall()
    {
        // WMA3 (weights 1, 2, 3, newest heaviest, total 6) of 10, 20, 30, 60:
        // (1·10 + 2·20 + 3·30)/6 = 140/6; (1·20 + 2·30 + 3·60)/6 = 260/6.
        const Line line = wma(std::vector<double> { 10, 20, 30, 60 }, 3);
        verifyFirst(line, 2);
        verifyLine(line, { N, N, 140.0 / 6, 260.0 / 6 }, 1);
    }

    void weightedAverageZeroAndConstant()
    {
        // Default period 20, first at 19; zero volume → exactly 0; a constant → exactly it.
        std::vector<double> v(25, 0.0);
        const Line zero = wma(v);
        verifyFirst(zero, 19);
        QCOMPARE(zero.values[24], 0.0);
        const Line constant = wma(std::vector<double>(25, 1234.567));
        QCOMPARE(constant.values[24], 1234.567);
        // After a spike leaves the window the average returns to exactly 0.
        v[0] = 1e9;
        QCOMPARE(wma(v).values[20], 0.0);
    }

    // ---- The whole set ------------------------------------------------------------------------
    void defaultWarmupsOfTheSet()
    {
        // Every line of computeAll() and every field of IndicatorSet starts exactly at its warm-up index.
        const std::vector<Bar> bars = IndicatorsData::randomWalk(40, 7);
        const IndicatorLines lines = computeAll(bars);
        const std::pair<const Line *, qsizetype> firsts[] = {
            { &lines.sma, 19 },
            { &lines.ema, 19 },
            { &lines.rsi, 14 },
            { &lines.bbMiddle, 19 },
            { &lines.bbUpper, 19 },
            { &lines.bbLower, 19 },
            { &lines.momentum, 10 },
            { &lines.disparity, 19 },
            { &lines.adl, 0 },
            { &lines.chaikin, 9 },
            { &lines.stochK, 13 },
            { &lines.stochD, 15 },
            { &lines.stochSlowK, 15 },
            { &lines.stochSlowD, 17 },
            { &lines.macd, 25 },
            { &lines.macdSignal, 33 },
            { &lines.macdHist, 33 },
            { &lines.atr, 14 },
            { &lines.obv, 0 },
            { &lines.vwap, 0 },
            { &lines.vwapDaily, 0 },
            { &lines.volumeWma, 19 },
        };
        for (const auto &[line, first] : firsts) {
            QCOMPARE(line->first, first);
            QCOMPARE(line->size(), qsizetype(40));
        }

        IndicatorSet set;
        for (qsizetype t = 0; t < 40; ++t) {
            const IndicatorSet::Values &v = set.append(bars[size_t(t)]);
            QCOMPARE(v.sma.has_value(), t >= 19);
            QCOMPARE(v.rsi.has_value(), t >= 14);
            QCOMPARE(v.momentum.has_value(), t >= 10);
            QCOMPARE(v.chaikin.has_value(), t >= 9);
            QCOMPARE(v.stochK.has_value(), t >= 13);
            QCOMPARE(v.stochD.has_value(), t >= 15);
            QCOMPARE(v.stochSlowK.has_value(), t >= 15);
            QCOMPARE(v.stochSlowD.has_value(), t >= 17);
            QCOMPARE(v.macd.has_value(), t >= 25);
            QCOMPARE(v.macdSignal.has_value(), t >= 33);
            QCOMPARE(v.macdHist.has_value(), t >= 33);
            QCOMPARE(v.atr.has_value(), t >= 14);
            QVERIFY(v.adl && v.obv && v.vwap && v.vwapDaily);
            QVERIFY(v == lines.at(t));
        }
    }

    void shortSeriesHasNoValues()
    {
        // Fewer bars than the warm-up: `first` stays the warm-up index, nothing is defined.
        const std::vector<Bar> bars = IndicatorsData::randomWalk(5, 3);
        const IndicatorLines lines = computeAll(bars);
        QCOMPARE(lines.macdSignal.first, qsizetype(33));
        for (qsizetype i = 0; i < 5; ++i)
            QVERIFY(!lines.macdSignal.has(i) && !lines.at(i).sma);
        QVERIFY(!lines.sma.at(-1));
        QVERIFY(computeAll({}).size() == 0);
    }

    void degenerateSeriesGiveDefinedValues_data()
    {
        QTest::addColumn<double>("price");
        QTest::addColumn<double>("volume");
        QTest::newRow("all zero") << 0.0 << 0.0;
        QTest::newRow("constant with decimals") << 100.1 << 7.5;
        QTest::newRow("constant, zero volume") << 70000.0 << 0.0;
        QTest::newRow("huge") << 1e12 << 1e12;
        QTest::newRow("tiny") << 1e-9 << 1e-9;
    }

    void degenerateSeriesGiveDefinedValues()
    {
        // A flat series (O = H = L = C): every indicator has its defined value, never NaN or inf.
        QFETCH(double, price);
        QFETCH(double, volume);
        IndicatorSet set;
        for (int i = 0; i < 60; ++i)
            set.append(bar(i, price, price, price, price, volume));
        const IndicatorSet::Values v = set.current();
        QCOMPARE(*v.sma, price);
        QCOMPARE(*v.ema, price);
        QCOMPARE(*v.rsi, 100.0); // AL = 0
        QCOMPARE(*v.bbMiddle, price);
        QCOMPARE(*v.bbUpper, price); // σ = 0
        QCOMPARE(*v.bbLower, price);
        QCOMPARE(*v.momentum, 0.0);
        QCOMPARE(*v.disparity, 100.0); // C/SMA = 1, or SMA = 0 → 100
        QCOMPARE(*v.adl, 0.0); // H = L → MFM = 0
        QCOMPARE(*v.chaikin, 0.0);
        QCOMPARE(*v.stochK, 0.0); // HH = LL
        QCOMPARE(*v.stochD, 0.0);
        QCOMPARE(*v.stochSlowK, 0.0);
        QCOMPARE(*v.stochSlowD, 0.0);
        QCOMPARE(*v.macd, 0.0);
        QCOMPARE(*v.macdSignal, 0.0);
        QCOMPARE(*v.macdHist, 0.0);
        QCOMPARE(*v.atr, 0.0);
        QCOMPARE(*v.obv, 0.0);
        QVERIFY(closeTo(*v.vwap, price, 2)); // Σ(TP·V)/ΣV, or TP when ΣV = 0
        QVERIFY(closeTo(*v.vwapDaily, price, 2));
        QCOMPARE(*v.volumeWma, volume);
    }

    // ---- Incremental revision on hand values ------------------------------------------------------
    void revisionSmall()
    {
        // SMA3: 1, 2, then the forming bar goes 3 → 6 → 3: (1+2+6)/3 = 3, back to (1+2+3)/3 = 2;
        // the next bar 4 averages the final value: (2+3+4)/3 = 3.
        Sma s(3);
        QVERIFY(!s.append(1));
        QVERIFY(!s.append(2));
        QCOMPARE(*s.append(3), 2.0);
        QCOMPARE(*s.update(6), 3.0);
        QCOMPARE(*s.update(3), 2.0);
        QCOMPARE(*s.append(4), 3.0);

        // RSI3 over 10, 11, 10, 12 (75, see rsiSmall) with the last close revised 12 → 9 → 12:
        // with 9: U = 1,0,0, D = 0,1,1: AG = 1/3, AL = 2/3 → 100 − 100/1.5 = 100/3.
        Rsi r(3);
        r.append(10);
        r.append(11);
        r.append(10);
        QCOMPARE(*r.append(12), 75.0);
        QVERIFY(closeTo(*r.update(9), 100.0 / 3, 4, 100));
        QCOMPARE(*r.update(12), 75.0);

        // Update before any append is an append.
        Ema e(1);
        QCOMPARE(*e.update(5), 5.0);
        QCOMPARE(e.count(), qint64(1));
    }

    void periodsAreClamped()
    {
        // Out-of-range periods never crash a release build (Q_ASSERT in debug): validate() is the gate.
        IndicatorSet::Params p;
        QVERIFY(p.validate().ok());
        p.rsiPeriod = 0;
        QVERIFY(!p.validate().ok());
        QCOMPARE(p.validate().error().code, QStringLiteral("indicators.params"));
        QVERIFY(p.validate().error().message.contains(u"rsiPeriod"));
        p = {};
        p.macd.signal = MAX_PERIOD + 1;
        QVERIFY(p.validate().error().message.contains(u"macd.signal"));
        p = {};
        p.bollingerWidth = -1;
        QVERIFY(!p.validate().ok());
        p.bollingerWidth = std::numeric_limits<double>::infinity();
        QVERIFY(!p.validate().ok());
    }
};

QTEST_GUILESS_MAIN(TestIndicators)
#include "tst_indicators.moc"
