// SPDX-License-Identifier: GPL-3.0-or-later
// IndicatorSet as the strategy engine uses it: append/update/previous semantics, Candle input,
// parameters, reset and copies.
#include "indicators/indicatorset.h"
#include "indicatorsdata.h"
#include "market/candle.h"

#include <QtTest>

using namespace Indicators;

class TestIndicatorSet final : public QObject
{
    Q_OBJECT

private slots:
    void updateRevisesOnlyTheNewestBar()
    {
        const std::vector<Bar> bars = IndicatorsData::randomWalk(60, 17);
        IndicatorSet set;
        for (size_t i = 0; i < 50; ++i)
            set.append(bars[i]);
        const IndicatorSet::Values before = set.previous();
        const Bar lastBefore = set.previousBar();

        // The forming bar 50 goes through three states; previous() stays bar 49's values throughout.
        Bar forming = bars[50];
        forming.close = forming.high;
        set.append(forming);
        const IndicatorSet::Values atBar49 = set.previous();
        QVERIFY(atBar49 != before);
        forming.close = forming.low;
        set.update(forming);
        QCOMPARE(set.previous(), atBar49);
        QCOMPARE(set.lastBar(), forming);
        QCOMPARE(set.previousBar(), bars[49]);
        QVERIFY(lastBefore == bars[48]);
        set.update(bars[50]);
        QCOMPARE(set.previous(), atBar49);
        QCOMPARE(set.count(), qint64(51));

        // The result equals a set that only ever saw the final bar.
        IndicatorSet clean;
        for (size_t i = 0; i <= 50; ++i)
            clean.append(bars[i]);
        QCOMPARE(set.current(), clean.current());
        QCOMPARE(set.previous(), clean.previous());
        // ...and so do all later bars.
        for (size_t i = 51; i < 60; ++i)
            QCOMPARE(set.append(bars[i]), clean.append(bars[i]));
    }

    void updateBeforeAppendIsAnAppend()
    {
        const std::vector<Bar> bars = IndicatorsData::randomWalk(3, 1);
        IndicatorSet a;
        IndicatorSet b;
        a.update(bars[0]);
        b.append(bars[0]);
        QCOMPARE(a.count(), qint64(1));
        QCOMPARE(a.current(), b.current());
        QCOMPARE(a.append(bars[1]), b.append(bars[1]));
    }

    void candleInputEqualsBarInput()
    {
        // Candle (integer KRW) converts exactly: both overloads give identical values.
        IndicatorSet fromCandles;
        IndicatorSet fromBars;
        qint64 price = 70000;
        for (int i = 0; i < 40; ++i) {
            price += (i * 37 % 7 - 3) * 100;
            const Candle c { 1704153600000LL + i * 60000LL, price, price + 200, price - 100, price + 100, 1000 + i };
            const IndicatorSet::Values &a = fromCandles.append(c);
            QCOMPARE(a, fromBars.append(toBar(c)));
            QCOMPARE(fromCandles.lastBar().close, double(price + 100));
        }
        Candle c { 1704153600000LL + 40 * 60000LL, price, price, price, price, 0 };
        QCOMPARE(fromCandles.update(c), fromBars.update(toBar(c)));
        QCOMPARE(toBars(QList<Candle> { c }).front(), toBar(c));
    }

    void resetStartsOver()
    {
        const std::vector<Bar> bars = IndicatorsData::randomWalk(80, 5);
        IndicatorSet set;
        for (const Bar &b : bars)
            set.append(b);
        set.reset();
        QCOMPARE(set.count(), qint64(0));
        QCOMPARE(set.current(), IndicatorSet::Values {});
        IndicatorSet fresh;
        for (const Bar &b : bars)
            QCOMPARE(set.append(b), fresh.append(b));
    }

    void copiesAreIndependent()
    {
        // A value type: a copy taken mid-stream continues exactly like the original.
        const std::vector<Bar> bars = IndicatorsData::randomWalk(100, 8);
        IndicatorSet a;
        for (size_t i = 0; i < 50; ++i)
            a.append(bars[i]);
        IndicatorSet b = a;
        for (size_t i = 50; i < 100; ++i)
            QCOMPARE(a.append(bars[i]), b.append(bars[i]));
        b.update(bars[0]);
        QVERIFY(a.current() != b.current());
    }

    void customParams()
    {
        // Periods reach the right indicators: the values equal the single indicators' batch lines.
        IndicatorSet::Params p;
        p.smaPeriod = 5;
        p.emaPeriod = 8;
        p.rsiPeriod = 6;
        p.bollingerPeriod = 10;
        p.bollingerWidth = 3.0;
        p.momentumPeriod = 4;
        p.disparityPeriod = 7;
        p.chaikinFast = 2;
        p.chaikinSlow = 6;
        p.stochastic = { 5, 2, 4, 3 };
        p.macd = { 4, 9, 3 };
        p.atrPeriod = 5;
        p.volumeWmaPeriod = 6;
        QVERIFY(p.validate().ok());
        const std::vector<Bar> bars = IndicatorsData::randomWalk(200, 9);
        const std::vector<double> c = closes(bars);
        const BollingerLines bb = bollinger(c, 10, 3.0);
        const StochasticLines st = stochastic(bars, p.stochastic);
        const MacdLines m = macd(c, p.macd);
        const Line lines[] = { sma(c, 5), ema(c, 8), rsi(c, 6), bb.upper, momentum(c, 4), disparity(c, 7),
            chaikin(bars, 2, 6), st.slowD, m.signal, atr(bars, 5), wma(volumes(bars), 6) };
        IndicatorSet set(p);
        for (qsizetype t = 0; t < 200; ++t) {
            const IndicatorSet::Values &v = set.append(bars[size_t(t)]);
            const std::optional<double> got[] = { v.sma, v.ema, v.rsi, v.bbUpper, v.momentum, v.disparity, v.chaikin,
                v.stochSlowD, v.macdSignal, v.atr, v.volumeWma };
            for (size_t k = 0; k < std::size(lines); ++k)
                QVERIFY2(got[k] == lines[k].at(t), qPrintable(QStringLiteral("bar %1, column %2").arg(t).arg(k)));
        }
        QCOMPARE(set.params().macd.slow, 9);
    }

    void paramsValidation_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<int>("value");
        QTest::addColumn<bool>("valid");
        QTest::newRow("sma 1") << "smaPeriod" << 1 << true;
        QTest::newRow("sma 0") << "smaPeriod" << 0 << false;
        QTest::newRow("ema -5") << "emaPeriod" << -5 << false;
        QTest::newRow("stoch k max") << "stochastic.k" << MAX_PERIOD << true;
        QTest::newRow("stoch k max+1") << "stochastic.k" << MAX_PERIOD + 1 << false;
        QTest::newRow("volume wma 0") << "volumeWmaPeriod" << 0 << false;
        QTest::newRow("atr 0") << "atrPeriod" << 0 << false;
    }

    void paramsValidation()
    {
        QFETCH(QString, field);
        QFETCH(int, value);
        QFETCH(bool, valid);
        IndicatorSet::Params p;
        if (field == u"smaPeriod")
            p.smaPeriod = value;
        else if (field == u"emaPeriod")
            p.emaPeriod = value;
        else if (field == u"stochastic.k")
            p.stochastic.k = value;
        else if (field == u"volumeWmaPeriod")
            p.volumeWmaPeriod = value;
        else if (field == u"atrPeriod")
            p.atrPeriod = value;
        const Status s = p.validate();
        QCOMPARE(s.ok(), valid);
        if (!valid)
            QVERIFY2(s.error().message.contains(field), qPrintable(s.error().message));
    }

    void volumeWeightedAverageForTheRsiVolumeTest()
    {
        // The seed's "volume > weighted average × 1.5" reads the previous bar's average so the bar
        // under test is not part of its own baseline: 20 bars of volume 100 then one of 160.
        IndicatorSet set;
        for (int i = 0; i < 20; ++i)
            set.append(IndicatorsData::bar(i, 100, 100, 100, 100, 100));
        set.append(IndicatorsData::bar(20, 100, 100, 100, 100, 160));
        QCOMPARE(*set.previous().volumeWma, 100.0);
        QVERIFY(set.lastBar().volume > *set.previous().volumeWma * 1.5);
        // Including the bar: (1·100 + … + 19·100 + 20·160)/210 = (19000 + 3200)/210.
        QVERIFY(IndicatorsData::closeTo(*set.current().volumeWma, 22200.0 / 210, 2));
    }
};

QTEST_GUILESS_MAIN(TestIndicatorSet)
#include "tst_indicatorset.moc"
