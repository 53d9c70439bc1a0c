// SPDX-License-Identifier: GPL-3.0-or-later
// ReferenceCandleStrategy (기준봉) on crafted daily candles: the rise and volume thresholds on both
// sides, the volume average of the days BEFORE the candle, the lookback window, the most recent
// reference winning, the target price snapped to the KRX tick, and the condition monitor's entry
// points (findReference / evaluate over a history) agreeing with the incremental runner.
#include "market/candle.h"
#include "strategy/referencecandlestrategy.h"
#include "strategy/symbolrunner.h"
#include "strategydata.h"

#include <QtTest>

using namespace Strategies;
using namespace Qt::StringLiterals;
using Indicators::Bar;
using StrategyData::daily;

namespace {

// `n` flat days at `price` with `volume`, from day `first` on.
std::vector<Bar> flatDays(int first, int n, double price, double volume = 1000)
{
    std::vector<Bar> out;
    for (int d = first; d < first + n; ++d)
        out.push_back(daily(d, price, price, price, price, volume));
    return out;
}

// 25 flat days at 10000 (volume 1000), then day 25: open 10000, high 10600, low 9990, `close`, `volume`.
std::vector<Bar> history(double close, double volume, int flat = 25)
{
    std::vector<Bar> bars = flatDays(0, flat, 10000);
    bars.push_back(daily(flat, 10000, std::max(10600.0, close), 9990, close, volume));
    return bars;
}

std::shared_ptr<const ReferenceCandleStrategy> make(const ReferenceCandleStrategy::Params &p = {})
{
    return std::make_shared<const ReferenceCandleStrategy>(p);
}

} // namespace

class TestStrategyReferenceCandle final : public QObject
{
    Q_OBJECT

private slots:
    void exactThresholdsQualify()
    {
        // +5 % on the previous close exactly, 3 × the 20-day average exactly.
        const std::vector<Bar> bars = history(10500, 3000);
        const auto s = make();
        const std::optional<Signal> sig = s->evaluate(bars);
        QVERIFY(sig);
        QCOMPARE(sig->side, Side::Buy);
        QCOMPARE(sig->strategyType, u"reference_candle");
        QCOMPARE(sig->reasonCode, u"reference_candle.found");
        QCOMPARE(sig->referenceCandleHigh, 10600);
        QCOMPARE(sig->referenceCandleTimeMs, bars.back().timeMs);
        QCOMPARE(sig->targetPrice, 10250); // (10000 + 10500) / 2, on the 10-won tick
        QCOMPARE(sig->timeMs, bars.back().timeMs);
        QCOMPARE(sig->values.value("rise_pct"_L1), 5.0);
        QCOMPARE(sig->values.value("volume"_L1), 3000.0);
        // The average of the 20 days BEFORE the candle; with the candle in it, it would be 1100 and
        // 3000 would be below 3 ×.
        QCOMPARE(sig->values.value("volume_avg"_L1), 1000.0);
        QCOMPARE(sig->values.value("bars_ago"_L1), 0.0);
        QCOMPARE(sig->values.value("target_price"_L1), 10250.0);

        const auto ref = s->findReference(bars);
        QVERIFY(ref);
        QCOMPARE(ref->barsAgo, 0);
        QCOMPARE(ref->candle, bars.back());
        QCOMPARE(ref->targetPrice, 10250);
    }

    void oneBelowTheThresholdsDoesNot()
    {
        QVERIFY(!make()->evaluate(history(10490, 3000))); // +4.9 %
        QVERIFY(!make()->evaluate(history(10500, 2999))); // 2.999 ×
    }

    void thresholdParametersAreInclusive()
    {
        const std::vector<Bar> bars = history(10500, 3000);
        ReferenceCandleStrategy::Params p;
        p.minRisePct = 5.01;
        QVERIFY(!make(p)->evaluate(bars));
        p = {};
        p.volumeMultiplier = 3.001;
        QVERIFY(!make(p)->evaluate(bars));
        p = {};
        p.minRisePct = 4.0;
        p.volumeMultiplier = 2.0;
        QVERIFY(make(p)->evaluate(history(10400, 2000)));
    }

    void needsTheFullVolumeAverage()
    {
        // 19 days before the candle are not enough for its 20-day average: no reference.
        QVERIFY(!make()->evaluate(history(10500, 30000, 19)));
        QVERIFY(make()->evaluate(history(10500, 30000, 20)));
        ReferenceCandleStrategy::Params p;
        p.volumeAvgDays = 5;
        QCOMPARE(make(p)->minimumBars(), 6);
        QVERIFY(make(p)->evaluate(history(10500, 3000, 5)));
        QVERIFY(!make(p)->evaluate(history(10500, 3000, 4)));
    }

    void riseIsAgainstThePreviousClose()
    {
        // A gap up that holds (open = close = +5 %): a reference with an empty body.
        std::vector<Bar> gap = flatDays(0, 25, 10000);
        gap.push_back(daily(25, 10500, 10500, 10500, 10500, 3000));
        const auto g = make()->evaluate(gap);
        QVERIFY(g);
        QCOMPARE(g->targetPrice, 10500);
        // +8 % from the open but only +4 % on the previous close: not a reference.
        std::vector<Bar> intraday = flatDays(0, 25, 10000);
        intraday.push_back(daily(25, 9600, 10400, 9600, 10400, 3000));
        QVERIFY(!make()->evaluate(intraday));
    }

    void targetPriceInTheBody()
    {
        // Midpoint 20475 lies in the 50-won band: snapped down to 20450.
        std::vector<Bar> bars = flatDays(0, 25, 19950);
        bars.push_back(daily(25, 19950, 21100, 19900, 21000, 5000));
        QCOMPARE(make()->evaluate(bars)->targetPrice, 20450);
        ReferenceCandleStrategy::Params p;
        p.targetBodyRatio = 0.0;
        QCOMPARE(make(p)->evaluate(bars)->targetPrice, 19950);
        p.targetBodyRatio = 1.0;
        QCOMPARE(make(p)->evaluate(bars)->targetPrice, 21000);
        // A falling body (gap up, faded but still +6 %): low = close, high = open.
        std::vector<Bar> faded = flatDays(0, 25, 10000);
        faded.push_back(daily(25, 11000, 11200, 10550, 10600, 5000));
        QCOMPARE(make()->evaluate(faded)->targetPrice, 10800);
        // Direct: (10000 + 10510) / 2 = 10255 → 10250.
        QCOMPARE(make()->targetPrice(daily(0, 10000, 10600, 10000, 10510, 1)), 10250);
    }

    void mostRecentReferenceWins()
    {
        std::vector<Bar> bars = history(10500, 3000); // day 25
        for (const Bar &b : flatDays(26, 2, 10500)) // days 26, 27
            bars.push_back(b);
        // Day 28: +5.05 %, volume 3 × (19 × 1000 + 3000) / 20 = 3300.
        bars.push_back(daily(28, 10500, 11100, 10500, 11030, 3300));
        const auto ref = make()->findReference(bars);
        QVERIFY(ref);
        QCOMPARE(ref->candle.timeMs, bars.back().timeMs);
        QCOMPARE(ref->volumeAverage, 1100.0);
        QCOMPARE(ref->targetPrice, 10760); // (10500 + 11030) / 2 = 10765 → 10760
        bars.back().volume = 3299;
        const auto older = make()->findReference(bars);
        QVERIFY(older);
        QCOMPARE(older->candle.timeMs, bars[25].timeMs);
        QCOMPARE(older->barsAgo, 3);
    }

    void lookbackWindow()
    {
        // The newest day counts as one of the N = 20: a reference 19 days back is in, 20 is out.
        std::vector<Bar> bars = history(10500, 3000);
        for (const Bar &b : flatDays(26, 19, 10500))
            bars.push_back(b);
        const auto in = make()->findReference(bars);
        QVERIFY(in);
        QCOMPARE(in->barsAgo, 19);
        const auto sig = make()->evaluate(bars);
        QVERIFY(sig);
        QCOMPARE(sig->timeMs, bars.back().timeMs); // the signal is for today
        QCOMPARE(sig->referenceCandleTimeMs, bars[25].timeMs);
        QCOMPARE(sig->values.value("bars_ago"_L1), 19.0);
        bars.push_back(daily(45, 10500, 10500, 10500, 10500, 1000));
        QVERIFY(!make()->findReference(bars));
        ReferenceCandleStrategy::Params p;
        p.lookbackDays = 21;
        QVERIFY(make(p)->findReference(bars));
    }

    void candleOverloadsAndRunnerAgree()
    {
        std::vector<Bar> bars = history(10500, 3000);
        for (const Bar &b : flatDays(26, 5, 10300))
            bars.push_back(b);
        QList<Candle> candles;
        for (const Bar &b : bars)
            candles.append(
                Candle { b.timeMs, qint64(b.open), qint64(b.high), qint64(b.low), qint64(b.close), qint64(b.volume) });
        const auto s = make();
        const auto viaCandles = s->evaluate(candles);
        QVERIFY(viaCandles);
        QCOMPARE(*viaCandles, *s->evaluate(bars));
        QCOMPARE(s->findReference(candles)->candle, s->findReference(bars)->candle);
        // The runner decides every day the same way.
        const auto each = StrategyData::decisions(s, bars);
        for (size_t i = 0; i < bars.size(); ++i) {
            const auto expected = s->evaluate(std::span<const Bar>(bars.data(), i + 1));
            QCOMPARE(each[i].has_value(), expected.has_value());
            if (expected)
                QCOMPARE(*each[i], *expected);
        }
        QVERIFY(!s->evaluate(std::span<const Bar>()));
    }

    void todaysFormingCandleIsRevised()
    {
        // Day 25 forming at +4 % (no reference), revised to +5 %: decided on close with the final values.
        std::vector<Bar> bars = flatDays(0, 25, 10000);
        SymbolRunner runner(u"035720"_s, { make() });
        QVERIFY(runner.warmUp(bars));
        Bar today = daily(25, 10000, 10400, 10000, 10400, 3000);
        auto r = runner.onCandle(today, SymbolRunner::BarStatus::Forming);
        QVERIFY(r && r->isEmpty());
        today.close = today.high = 10500;
        r = runner.onCandle(today, SymbolRunner::BarStatus::Closed);
        QVERIFY(r);
        QCOMPARE(r->size(), 1);
        QCOMPARE(r->front().stockCode, u"035720");
        QCOMPARE(r->front().targetPrice, 10250);
    }
};

QTEST_GUILESS_MAIN(TestStrategyReferenceCandle)
#include "tst_strategyreferencecandle.moc"
