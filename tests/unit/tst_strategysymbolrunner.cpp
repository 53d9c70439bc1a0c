// SPDX-License-Identifier: GPL-3.0-or-later
// SymbolRunner: one IndicatorSet per distinct parameter set (sharing never changes a result),
// when signals are emitted for a forming candle (OnClose / OnRevision), that no candle emits
// twice whatever the re-fetch pattern, warm-up, ordering errors, quotes and reset.
#include "indicatorsdata.h"
#include "strategy/disparitystrategy.h"
#include "strategy/rsistrategy.h"
#include "strategy/strategyregistry.h"
#include "strategy/symbolrunner.h"
#include "strategydata.h"

#include <QtTest>

#include <random>

using namespace Strategies;
using namespace Qt::StringLiterals;
using Indicators::Bar;
using Status_ = SymbolRunner::BarStatus;

namespace {

QList<std::shared_ptr<const Strategy>> allSeven()
{
    // Parameters loose enough that every strategy fires on minute random walks.
    const std::pair<QString, QJsonObject> specs[] = {
        { u"momentum"_s, {} },
        { u"disparity"_s, QJsonObject { { u"buy_below"_s, 99.6 }, { u"sell_above"_s, 100.4 } } },
        { u"bollinger"_s, {} },
        { u"rsi"_s, QJsonObject { { u"oversold"_s, 40 }, { u"overbought"_s, 60 } } },
        { u"chaikin"_s, {} },
        { u"reference_candle"_s, QJsonObject { { u"min_rise_pct"_s, 0.2 }, { u"volume_multiplier"_s, 2 } } },
        { u"scalping"_s, QJsonObject { { u"min_momentum_pct"_s, 0.1 }, { u"volume_multiplier"_s, 1.5 } } },
    };
    QList<std::shared_ptr<const Strategy>> out;
    for (const auto &[type, params] : specs) {
        auto s = StrategyRegistry::create(type, params);
        Q_ASSERT(s);
        out.append(*s);
    }
    return out;
}

struct Keyed
{
    QString type;
    qint64 timeMs;
    Side side;
    bool operator==(const Keyed &) const = default;
};

QList<Signal> runClosed(SymbolRunner &runner, std::span<const Bar> bars)
{
    QList<Signal> out;
    for (const Bar &b : bars) {
        const Status s = runner.onCandle(b, Status_::Closed, out);
        Q_ASSERT(s);
    }
    return out;
}

} // namespace

class TestStrategySymbolRunner final : public QObject
{
    Q_OBJECT

private slots:
    void setsPerDistinctParameters()
    {
        QList<std::shared_ptr<const Strategy>> list = allSeven();
        SymbolRunner shared(u"A"_s, list);
        // disparity's and rsi's thresholds are not periods: still the one default set.
        QCOMPARE(shared.indicatorSetCount(), 1);
        list.append(*StrategyRegistry::create(u"rsi", QJsonObject { { u"period"_s, 9 } }));
        list.append(*StrategyRegistry::create(u"rsi", QJsonObject { { u"period"_s, 9 }, { u"oversold"_s, 20 } }));
        list.append(*StrategyRegistry::create(u"bollinger", QJsonObject { { u"width"_s, 2.5 } }));
        SymbolRunner mixed(u"A"_s, list);
        QCOMPARE(mixed.indicatorSetCount(), 3);
        QCOMPARE(mixed.indicators(7), mixed.indicators(8));
        QVERIFY(mixed.indicators(7) != mixed.indicators(0));
        QCOMPARE(mixed.indicators(7)->params().rsiPeriod, 9);
        QCOMPARE(mixed.indicators(9)->params().bollingerWidth, 2.5);
    }

    void sharingChangesNothing()
    {
        // All strategies in one runner emit exactly what each emits alone.
        const std::vector<Bar> bars = IndicatorsData::randomWalk(4000, 3);
        QList<std::shared_ptr<const Strategy>> list = allSeven();
        list.append(*StrategyRegistry::create(u"rsi", QJsonObject { { u"period"_s, 9 }, { u"oversold"_s, 35 } }));
        SymbolRunner together(u"A"_s, list);
        const QList<Signal> all = runClosed(together, bars);
        // The same strategies, each in its own runner, stepped in lockstep (same order per bar).
        std::vector<SymbolRunner> alone;
        for (const auto &s : list)
            alone.emplace_back(u"A"_s, QList<std::shared_ptr<const Strategy>> { s });
        QList<Signal> separately;
        for (const Bar &b : bars) {
            for (SymbolRunner &r : alone)
                QVERIFY(r.onCandle(b, Status_::Closed, separately));
        }
        QCOMPARE(all, separately);
        for (const auto &s : list) {
            const bool fired
                = std::any_of(all.begin(), all.end(), [&](const Signal &x) { return x.strategyType == s->type(); });
            QVERIFY2(fired, qPrintable(s->type()));
        }
    }

    void onCloseIgnoresRevisions()
    {
        // Each bar arrives as several forming revisions, then its final values as Closed: the
        // signals are exactly those of the final bars, one decision per bar.
        const std::vector<Bar> bars = IndicatorsData::randomWalk(3000, 8);
        SymbolRunner finals(u"A"_s, allSeven());
        const QList<Signal> expected = runClosed(finals, bars);
        QVERIFY(expected.size() > 100);

        SymbolRunner revised(u"A"_s, allSeven());
        std::mt19937_64 rng(99);
        QList<Signal> got;
        for (const Bar &b : bars) {
            for (int k = 0; k < 3; ++k) {
                const qsizetype before = got.size();
                QVERIFY(revised.onCandle(IndicatorsData::formingVariant(b, rng), Status_::Forming, got));
                QCOMPARE(got.size(), before); // nothing while forming
            }
            QVERIFY(revised.onCandle(b, Status_::Closed, got));
        }
        QCOMPARE(got, expected);
    }

    void newerBarClosesTheFormingOne()
    {
        // The scanner may never see a bar as Closed: the next bar's arrival decides it with its
        // last revision.
        const std::vector<Bar> bars = IndicatorsData::randomWalk(2000, 21);
        SymbolRunner finals(u"A"_s, allSeven());
        QList<Signal> expected = runClosed(finals, bars);

        SymbolRunner implicit(u"A"_s, allSeven());
        std::mt19937_64 rng(5);
        QList<Signal> got;
        for (const Bar &b : bars) {
            QVERIFY(implicit.onCandle(IndicatorsData::formingVariant(b, rng), Status_::Forming, got));
            QVERIFY(implicit.onCandle(b, Status_::Forming, got));
        }
        QVERIFY(!implicit.newestDecided());
        QVERIFY(implicit.onCandle(bars.back(), Status_::Closed, got)); // the last one, explicitly
        QCOMPARE(got, expected);
    }

    void refetchedBarsNeverEmitTwice()
    {
        // The scanner re-fetches the last closed candle every minute: one signal per candle.
        const std::vector<Bar> bars = IndicatorsData::randomWalk(2000, 4);
        SymbolRunner finals(u"A"_s, allSeven());
        const QList<Signal> expected = runClosed(finals, bars);

        SymbolRunner again(u"A"_s, allSeven());
        QList<Signal> got;
        for (size_t i = 0; i < bars.size(); ++i) {
            QVERIFY(again.onCandle(bars[i], Status_::Closed, got));
            QVERIFY(again.onCandle(bars[i], Status_::Closed, got));
            QVERIFY(again.onCandle(bars[i], Status_::Forming, got));
        }
        QCOMPARE(got, expected);
        QList<Keyed> keys;
        for (const Signal &s : got) {
            const Keyed k { s.strategyType, s.timeMs, s.side };
            QVERIFY(!keys.contains(k));
            keys.append(k);
        }
    }

    void onRevisionEmitsOnceOnFirstHold()
    {
        // Disparity: 19 bars at 10000, then a forming bar revised 9470 (buy) → 9460 (buy again)
        // → 10000 (nothing) → closed at 10000. OnRevision emits the buy once and never retracts
        // it; OnClose emits nothing for this bar.
        std::vector<Bar> bars = StrategyData::fromCloses(std::vector<double>(19, 10000));
        const auto forming = [&](double close) {
            return IndicatorsData::bar(19, 10000, std::max(10000.0, close), std::min(10000.0, close), close, 1000);
        };
        const std::shared_ptr<const Strategy> s = std::make_shared<const DisparityStrategy>();
        for (const auto policy : { SymbolRunner::EmitPolicy::OnRevision, SymbolRunner::EmitPolicy::OnClose }) {
            SymbolRunner r(u"A"_s, { s }, policy);
            QVERIFY(r.warmUp(bars));
            QList<Signal> got;
            QVERIFY(r.onCandle(forming(9470), Status_::Forming, got));
            QVERIFY(r.onCandle(forming(9460), Status_::Forming, got));
            QVERIFY(r.onCandle(forming(10000), Status_::Forming, got));
            QVERIFY(r.onCandle(forming(10000), Status_::Closed, got));
            if (policy == SymbolRunner::EmitPolicy::OnRevision) {
                QCOMPARE(got.size(), 1);
                QCOMPARE(got.front().side, Side::Buy);
                QCOMPARE(got.front().price, 9470.0);
            } else {
                QVERIFY(got.isEmpty());
            }
        }
        // OnRevision: a sell on the same bar after a buy is a different signal; a second sell is not.
        SymbolRunner r(u"A"_s, { s }, SymbolRunner::EmitPolicy::OnRevision);
        QVERIFY(r.warmUp(bars));
        QList<Signal> got;
        QVERIFY(r.onCandle(forming(9470), Status_::Forming, got));
        QVERIFY(r.onCandle(forming(10600), Status_::Forming, got));
        QVERIFY(r.onCandle(forming(10700), Status_::Closed, got));
        QCOMPARE(got.size(), 2);
        QCOMPARE(got[0].side, Side::Buy);
        QCOMPARE(got[1].side, Side::Sell);
    }

    void onRevisionEqualsOnCloseForFinalBars()
    {
        const std::vector<Bar> bars = IndicatorsData::randomWalk(1500, 12);
        SymbolRunner a(u"A"_s, allSeven(), SymbolRunner::EmitPolicy::OnClose);
        SymbolRunner b(u"A"_s, allSeven(), SymbolRunner::EmitPolicy::OnRevision);
        QCOMPARE(runClosed(a, bars), runClosed(b, bars));
    }

    void warmUpDecidesNothing()
    {
        const std::vector<Bar> bars = IndicatorsData::randomWalk(1200, 6);
        SymbolRunner full(u"A"_s, allSeven());
        const QList<Signal> all = runClosed(full, bars);
        QList<Signal> tail;
        for (const Signal &s : all)
            if (s.timeMs > bars[999].timeMs)
                tail.append(s);

        SymbolRunner warmed(u"A"_s, allSeven());
        QVERIFY(warmed.warmUp(std::span(bars).first(1000)));
        QCOMPARE(warmed.barCount(), 1000);
        QVERIFY(warmed.newestDecided());
        QList<Signal> got;
        QVERIFY(warmed.onCandle(bars[999], Status_::Closed, got)); // re-sent history: nothing
        QVERIFY(got.isEmpty());
        for (size_t i = 1000; i < bars.size(); ++i)
            QVERIFY(warmed.onCandle(bars[i], Status_::Closed, got));
        QCOMPARE(got, tail);
    }

    void olderBarIsRefused()
    {
        const std::vector<Bar> bars = IndicatorsData::randomWalk(30, 1);
        SymbolRunner r(u"005930"_s, allSeven());
        QVERIFY(r.warmUp(std::span(bars).first(20)));
        const auto bad = r.onCandle(bars[10]);
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, u"strategy.order");
        QVERIFY(bad.error().message.startsWith(u"005930: bar at "));
        QCOMPARE(r.barCount(), 20);
        QCOMPARE(r.newestBar(), bars[19]);
        std::vector<Bar> backwards { bars[25], bars[21] };
        QVERIFY(!r.warmUp(backwards));
    }

    void signalsCarryTheCode()
    {
        const std::vector<Bar> bars = IndicatorsData::randomWalk(1000, 2);
        SymbolRunner r(u"035420"_s, allSeven());
        const QList<Signal> got = runClosed(r, bars);
        QVERIFY(!got.isEmpty());
        for (const Signal &s : got)
            QCOMPARE(s.stockCode, u"035420");
    }

    void quotesGoOnlyToQuoteStrategies()
    {
        QList<std::shared_ptr<const Strategy>> list { std::make_shared<const RsiStrategy>() };
        SymbolRunner r(u"A"_s, list);
        for (int i = 0; i < 50; ++i)
            QVERIFY(r.onQuote(Quote { .timeMs = i * 1000LL,
                                  .price = 10000 + 10 * i,
                                  .cumVolume = 1000LL * i * i,
                                  .bestBid = 10000,
                                  .bestAsk = 10010 })
                        .isEmpty());
        QCOMPARE(r.barCount(), 0);
    }

    void resetForgetsEverything()
    {
        const std::vector<Bar> bars = IndicatorsData::randomWalk(800, 9);
        SymbolRunner r(u"A"_s, allSeven());
        const QList<Signal> first = runClosed(r, bars);
        r.reset();
        QCOMPARE(r.barCount(), 0);
        QCOMPARE(runClosed(r, bars), first);
    }
};

QTEST_GUILESS_MAIN(TestStrategySymbolRunner)
#include "tst_strategysymbolrunner.moc"
