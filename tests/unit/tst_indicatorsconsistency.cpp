// SPDX-License-Identifier: GPL-3.0-or-later
// Batch == incremental, bit for bit, on long random series with the forming bar revised at random;
// agreement with the naive textbook reference (tests/support/indicatorsreference); the O(1)
// building blocks against brute force; and precision after 1,000,000 candles.
#include "indicators/indicatorset.h"
#include "indicators/rollingstats.h"
#include "indicators/slidingextremum.h"
#include "indicatorsdata.h"
#include "indicatorsreference.h"

#include <QtTest>

#include <cmath>
#include <random>

using namespace Indicators;
using IndicatorsData::describe;
using IndicatorsData::sameBits;
using Values = IndicatorSet::Values;

Q_DECLARE_METATYPE(IndicatorsData::Prices)
Q_DECLARE_METATYPE(Indicators::IndicatorSet::Params)

namespace {

struct Field
{
    const char *name;
    std::optional<double> Values::*member;
};

constexpr Field FIELDS[] = {
    { "sma", &Values::sma },
    { "ema", &Values::ema },
    { "rsi", &Values::rsi },
    { "bbMiddle", &Values::bbMiddle },
    { "bbUpper", &Values::bbUpper },
    { "bbLower", &Values::bbLower },
    { "momentum", &Values::momentum },
    { "disparity", &Values::disparity },
    { "adl", &Values::adl },
    { "chaikin", &Values::chaikin },
    { "stochK", &Values::stochK },
    { "stochD", &Values::stochD },
    { "stochSlowK", &Values::stochSlowK },
    { "stochSlowD", &Values::stochSlowD },
    { "macd", &Values::macd },
    { "macdSignal", &Values::macdSignal },
    { "macdHist", &Values::macdHist },
    { "atr", &Values::atr },
    { "obv", &Values::obv },
    { "vwap", &Values::vwap },
    { "vwapDaily", &Values::vwapDaily },
    { "volumeWma", &Values::volumeWma },
};

// Empty when bit-identical, else the first differing field.
QString bitDifference(const Values &a, const Values &b)
{
    for (const Field &f : FIELDS) {
        if (!sameBits(a.*f.member, b.*f.member))
            return QStringLiteral("%1: %2 vs %3")
                .arg(QLatin1String(f.name), describe(a.*f.member), describe(b.*f.member));
    }
    return {};
}

IndicatorSet::Params smallPeriods()
{
    IndicatorSet::Params p;
    p.smaPeriod = 1;
    p.emaPeriod = 2;
    p.rsiPeriod = 1;
    p.bollingerPeriod = 2;
    p.bollingerWidth = 0.5;
    p.momentumPeriod = 1;
    p.disparityPeriod = 1;
    p.chaikinFast = 1;
    p.chaikinSlow = 2;
    p.stochastic = { 1, 2, 1, 3 };
    p.macd = { 3, 2, 1 }; // fast > slow on purpose
    p.atrPeriod = 1;
    p.volumeWmaPeriod = 1;
    return p;
}

IndicatorSet::Params oddPeriods()
{
    IndicatorSet::Params p;
    p.smaPeriod = 7;
    p.emaPeriod = 33;
    p.rsiPeriod = 9;
    p.bollingerPeriod = 64;
    p.bollingerWidth = 2.5;
    p.momentumPeriod = 25;
    p.disparityPeriod = 60;
    p.chaikinFast = 5;
    p.chaikinSlow = 21;
    p.stochastic = { 31, 5, 4, 7 };
    p.macd = { 5, 35, 5 };
    p.atrPeriod = 20;
    p.volumeWmaPeriod = 63;
    return p;
}

} // namespace

class TestIndicatorsConsistency final : public QObject
{
    Q_OBJECT

private slots:
    void batchEqualsIncrementalWithRevisions_data()
    {
        QTest::addColumn<qsizetype>("count");
        QTest::addColumn<quint64>("seed");
        QTest::addColumn<IndicatorsData::Prices>("prices");
        QTest::addColumn<IndicatorSet::Params>("params");
        QTest::newRow("100k KRW, default periods")
            << qsizetype(100000) << quint64(1) << IndicatorsData::Prices::KrwTicks << IndicatorSet::Params {};
        QTest::newRow("100k decimals, default periods")
            << qsizetype(100000) << quint64(2) << IndicatorsData::Prices::Decimals << IndicatorSet::Params {};
        QTest::newRow("20k decimals, periods 1-3")
            << qsizetype(20000) << quint64(3) << IndicatorsData::Prices::Decimals << smallPeriods();
        QTest::newRow("20k KRW, odd periods")
            << qsizetype(20000) << quint64(4) << IndicatorsData::Prices::KrwTicks << oddPeriods();
    }

    void batchEqualsIncrementalWithRevisions()
    {
        // The incremental set sees each bar either appended once, or appended as some forming state
        // and revised 1-4 times (the last revision being the real bar). After every bar its current()
        // must equal the batch lines bit for bit, and previous() the batch values of the bar before.
        QFETCH(qsizetype, count);
        QFETCH(quint64, seed);
        QFETCH(IndicatorsData::Prices, prices);
        QFETCH(IndicatorSet::Params, params);
        QVERIFY(params.validate().ok());

        const std::vector<Bar> bars = IndicatorsData::randomWalk(count, seed, prices);
        const IndicatorLines lines = computeAll(bars, params);
        QCOMPARE(lines.size(), count);

        std::mt19937_64 rng(seed * 7919);
        std::uniform_int_distribution<int> revisions(0, 4);
        IndicatorSet set(params);
        qsizetype revised = 0;
        for (qsizetype t = 0; t < count; ++t) {
            const Bar &real = bars[size_t(t)];
            const int r = t % 3 == 0 ? 0 : revisions(rng);
            if (r == 0) {
                set.append(real);
            } else {
                set.append(IndicatorsData::formingVariant(real, rng));
                for (int i = 1; i < r; ++i)
                    set.update(IndicatorsData::formingVariant(real, rng));
                set.update(real);
                ++revised;
            }
            const QString diff = bitDifference(set.current(), lines.at(t));
            if (!diff.isEmpty())
                QFAIL(qPrintable(QStringLiteral("bar %1: %2").arg(t).arg(diff)));
            if (t > 0 && set.previous() != lines.at(t - 1))
                QFAIL(qPrintable(QStringLiteral("bar %1: previous() differs").arg(t)));
        }
        QVERIFY(revised > count / 2);
        QCOMPARE(set.count(), qint64(count));
    }

    void singleIndicatorsEqualTheirBatch()
    {
        // The classes on their own (not through IndicatorSet), including Bollinger's σ line, revised.
        const std::vector<Bar> bars = IndicatorsData::randomWalk(20000, 11, IndicatorsData::Prices::Decimals);
        const std::vector<double> close = closes(bars);
        const BollingerLines bb = bollinger(close, 13, 1.5);
        const Line emaFirst = ema(close, 9, EmaSeed::FirstValue);
        const Line a = adl(bars);
        Bollinger b(13, 1.5);
        Ema e(9, EmaSeed::FirstValue);
        AccumulationDistribution ad;
        std::mt19937_64 rng(5);
        for (size_t t = 0; t < bars.size(); ++t) {
            const Bar f = IndicatorsData::formingVariant(bars[t], rng);
            b.append(f.close);
            e.append(f.close);
            ad.append(f);
            const auto bands = b.update(close[t]);
            const auto ev = e.update(close[t]);
            const auto av = ad.update(bars[t]);
            QCOMPARE(bands.has_value(), bb.middle.has(qsizetype(t)));
            if (bands) {
                QVERIFY(sameBits(bands->middle, bb.middle.values[t]) && sameBits(bands->upper, bb.upper.values[t])
                    && sameBits(bands->lower, bb.lower.values[t]) && sameBits(bands->stdDev, bb.stdDev.values[t]));
            }
            QVERIFY(sameBits(ev, emaFirst.at(qsizetype(t))));
            QVERIFY(sameBits(av, a.at(qsizetype(t))));
        }
    }

    void agreesWithNaiveReference_data()
    {
        QTest::addColumn<quint64>("seed");
        QTest::addColumn<IndicatorsData::Prices>("prices");
        QTest::addColumn<IndicatorSet::Params>("params");
        QTest::newRow("KRW, default") << quint64(21) << IndicatorsData::Prices::KrwTicks << IndicatorSet::Params {};
        QTest::newRow("decimals, default")
            << quint64(22) << IndicatorsData::Prices::Decimals << IndicatorSet::Params {};
        QTest::newRow("decimals, periods 1-3") << quint64(23) << IndicatorsData::Prices::Decimals << smallPeriods();
        QTest::newRow("KRW, odd periods") << quint64(24) << IndicatorsData::Prices::KrwTicks << oddPeriods();
    }

    void agreesWithNaiveReference()
    {
        // Same definitions, independent code: the presence of every value must match exactly and
        // the values to 1e-9 of their scale (prices, 0-100 oscillators, or accumulated volume).
        QFETCH(quint64, seed);
        QFETCH(IndicatorsData::Prices, prices);
        QFETCH(IndicatorSet::Params, params);
        const qsizetype count = 2500;
        const std::vector<Bar> bars = IndicatorsData::randomWalk(count, seed, prices);
        const IndicatorLines lines = computeAll(bars, params);
        double volumeSoFar = 0.0;
        for (qsizetype t = 0; t < count; ++t) {
            volumeSoFar += bars[size_t(t)].volume;
            const Values fast = lines.at(t);
            const Values ref = IndicatorsReference::valuesAt(bars, t, params);
            for (const Field &f : FIELDS) {
                const std::optional<double> a = fast.*f.member;
                const std::optional<double> b = ref.*f.member;
                const QString where = QStringLiteral("bar %1 %2: fast %3, naive %4")
                                          .arg(t)
                                          .arg(QLatin1String(f.name), describe(a), describe(b));
                QVERIFY2(a.has_value() == b.has_value(), qPrintable(where));
                if (!a)
                    continue;
                QVERIFY2(std::isfinite(*a), qPrintable(where));
                const bool cumulative
                    = f.member == &Values::adl || f.member == &Values::obv || f.member == &Values::chaikin;
                const double scale
                    = std::max({ 1.0, std::fabs(*b), bars[size_t(t)].close, cumulative ? volumeSoFar : 0.0 });
                QVERIFY2(std::fabs(*a - *b) <= 1e-9 * scale, qPrintable(where));
            }
        }
    }

    void slidingExtremaMatchBruteForce()
    {
        // Random periods, random inputs with many ties, random revisions: HH/LL equal a scan of the
        // window exactly.
        std::mt19937_64 rng(99);
        for (int period : { 1, 2, 3, 5, 14, 31 }) {
            SlidingMax hi(period);
            SlidingMin lo(period);
            std::vector<double> xs;
            for (int t = 0; t < 3000; ++t) {
                const double x = double(rng() % 7);
                for (int r = int(rng() % 3); r > 0; --r) {
                    // a forming value, revised away below
                    const double f = double(rng() % 9);
                    if (xs.size() == size_t(t)) {
                        hi.append(f);
                        lo.append(f);
                        xs.push_back(f);
                    } else {
                        hi.update(f);
                        lo.update(f);
                        xs.back() = f;
                    }
                }
                if (xs.size() == size_t(t)) {
                    hi.append(x);
                    lo.append(x);
                    xs.push_back(x);
                } else {
                    hi.update(x);
                    lo.update(x);
                    xs.back() = x;
                }
                const size_t from = xs.size() > size_t(period) ? xs.size() - size_t(period) : 0;
                const double mx = *std::max_element(xs.begin() + qsizetype(from), xs.end());
                const double mn = *std::min_element(xs.begin() + qsizetype(from), xs.end());
                QCOMPARE(hi.value(), mx);
                QCOMPARE(lo.value(), mn);
            }
        }
    }

    void rollingStatsMatchTwoPass()
    {
        // Mean and variance against a two-pass computation in long double, across wraps and flat runs.
        std::mt19937_64 rng(5);
        std::uniform_real_distribution<double> u(-1.0, 1.0);
        for (int period : { 1, 2, 3, 20, 57 }) {
            RollingStats s(period);
            std::vector<double> xs;
            double x = 1000.0;
            for (int t = 0; t < 5000; ++t) {
                if (t % 200 >= 120)
                    ; // a flat stretch: x unchanged
                else
                    x = std::round((x + u(rng) * 3.0) * 100.0) / 100.0;
                s.append(x + 5.0); // revised below
                s.update(x);
                xs.push_back(x);
                if (!s.ready())
                    continue;
                long double mean = 0;
                for (size_t i = xs.size() - size_t(period); i < xs.size(); ++i)
                    mean += xs[i];
                mean /= period;
                long double var = 0;
                for (size_t i = xs.size() - size_t(period); i < xs.size(); ++i)
                    var += (xs[i] - mean) * (xs[i] - mean);
                var /= period;
                QVERIFY2(std::fabs(s.mean() - double(mean)) <= 4e-16 * 1000.0 * 4, qPrintable(QString::number(t)));
                QVERIFY2(std::fabs(s.variance() - double(var)) <= 1e-12, qPrintable(QString::number(t)));
                if (var == 0) {
                    QCOMPARE(s.variance(), 0.0); // exactly, on a flat window
                    QCOMPARE(s.mean(), x);
                }
            }
        }
    }

    void precisionAfterAMillionCandles_data()
    {
        QTest::addColumn<IndicatorsData::Prices>("prices");
        QTest::newRow("KRW") << IndicatorsData::Prices::KrwTicks;
        QTest::newRow("decimals") << IndicatorsData::Prices::Decimals;
    }

    void precisionAfterAMillionCandles()
    {
        // The rolling sums are re-centred every window, so at candle 1,000,000 the windowed values are
        // as exact as at candle 20: SMA/Bollinger/WMA within a few ulps of a long-double two-pass
        // computation of the window; the cumulative ones within 1e-12 of long-double sums; and the
        // last bar agrees with the naive reference replayed over the whole million.
        QFETCH(IndicatorsData::Prices, prices);
        const qsizetype count = 1000000;
        const std::vector<Bar> bars = IndicatorsData::randomWalk(count, 2024, prices);
        const IndicatorLines lines = computeAll(bars);
        const double eps = std::numeric_limits<double>::epsilon();

        for (qsizetype t = 99999; t < count; t += 100000) {
            long double sum = 0;
            for (qsizetype i = t - 19; i <= t; ++i)
                sum += bars[size_t(i)].close;
            const long double mean = sum / 20;
            long double ss = 0;
            long double wsum = 0;
            for (qsizetype i = t - 19; i <= t; ++i) {
                ss += (bars[size_t(i)].close - mean) * (bars[size_t(i)].close - mean);
                wsum += (i - (t - 20)) * (long double)bars[size_t(i)].volume;
            }
            const double sd = double(std::sqrt(ss / 20));
            const double price = bars[size_t(t)].close;
            QVERIFY2(std::fabs(lines.sma.values[size_t(t)] - double(mean)) <= 4 * eps * price,
                qPrintable(QStringLiteral("sma at %1: %2 vs %3")
                               .arg(t)
                               .arg(lines.sma.values[size_t(t)], 0, 'g', 17)
                               .arg(double(mean), 0, 'g', 17)));
            QVERIFY(std::fabs((lines.bbUpper.values[size_t(t)] - lines.bbMiddle.values[size_t(t)]) / 2 - sd)
                <= 64 * eps * price);
            const double wma = double(wsum / 210);
            QVERIFY(std::fabs(lines.volumeWma.values[size_t(t)] - wma) <= 8 * eps * std::max(1.0, wma));
        }

        long double adl = 0;
        long double obv = 0;
        long double pv = 0;
        long double vol = 0;
        long double absAdl = 0;
        for (qsizetype i = 0; i < count; ++i) {
            const Bar &b = bars[size_t(i)];
            const long double mfm
                = b.high == b.low ? 0.0L : ((b.close - b.low) - (b.high - b.close)) / (long double)(b.high - b.low);
            adl += mfm * b.volume;
            absAdl += std::fabs(mfm * b.volume);
            if (i > 0 && b.close > bars[size_t(i - 1)].close)
                obv += b.volume;
            else if (i > 0 && b.close < bars[size_t(i - 1)].close)
                obv -= b.volume;
            pv += (b.high + b.low + b.close) / 3.0L * b.volume;
            vol += b.volume;
        }
        const size_t last = size_t(count - 1);
        QVERIFY(std::fabs(lines.adl.values[last] - double(adl)) <= 1e-12 * double(absAdl));
        QVERIFY(std::fabs(lines.obv.values[last] - double(obv)) <= 1e-12 * double(vol));
        QVERIFY(std::fabs(lines.vwap.values[last] - double(pv / vol)) <= 1e-12 * double(pv / vol));

        const Values ref = IndicatorsReference::valuesAt(bars, count - 1);
        const Values fast = lines.at(count - 1);
        for (const Field &f : FIELDS) {
            const double a = *(fast.*f.member);
            const double b = *(ref.*f.member);
            const bool cumulative
                = f.member == &Values::adl || f.member == &Values::obv || f.member == &Values::chaikin;
            const double scale = std::max({ 1.0, std::fabs(b), bars[last].close, cumulative ? double(vol) : 0.0 });
            QVERIFY2(std::fabs(a - b) <= 1e-9 * scale,
                qPrintable(
                    QStringLiteral("%1: %2 vs %3").arg(QLatin1String(f.name)).arg(a, 0, 'g', 17).arg(b, 0, 'g', 17)));
        }
    }
};

QTEST_GUILESS_MAIN(TestIndicatorsConsistency)
#include "tst_indicatorsconsistency.moc"
