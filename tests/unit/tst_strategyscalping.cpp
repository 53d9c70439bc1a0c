// SPDX-License-Identifier: GPL-3.0-or-later
// ScalpingStrategy: the momentum, volume-surge and spread rules on quotes on both sides of each
// threshold, the cumulative-volume baseline and day restart, the same rules on bars (spread not
// known), the KRX tick count of a spread, and its own exit rules.
#include "strategy/scalpingstrategy.h"
#include "strategy/symbolrunner.h"
#include "strategydata.h"

#include <QtTest>

using namespace Strategies;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 T0 = 1704158400000LL; // 2024-01-02 10:00 KST

struct Feed
{
    std::shared_ptr<const ScalpingStrategy> strategy;
    std::unique_ptr<StrategyState> state;
    qint64 cumulative = 0;
    int n = 0;

    explicit Feed(const ScalpingStrategy::Params &p = {})
        : strategy(std::make_shared<const ScalpingStrategy>(p)), state(strategy->newState())
    {
    }

    std::optional<Signal> quote(qint64 price, qint64 volume, qint64 bid = 0, qint64 ask = 0)
    {
        cumulative += volume;
        if (bid == 0 && ask == 0) {
            bid = price;
            ask = price + 10;
        }
        return strategy->onQuote(
            Quote {
                .timeMs = T0 + 30000 * n++, .price = price, .cumVolume = cumulative, .bestBid = bid, .bestAsk = ask },
            *state);
    }

    // Baseline quote plus 11 observations at 10000 with 100 shares each: the 5-back price is
    // 10000 and the average volume of the 10 observations before the next one is 100.
    void prime()
    {
        QVERIFY(!quote(10000, 0));
        for (int i = 0; i < 11; ++i)
            QVERIFY(!quote(10000, 100));
    }
};

} // namespace

class TestStrategyScalping final : public QObject
{
    Q_OBJECT

private slots:
    void firesAtTheThresholds()
    {
        Feed f;
        f.prime();
        // +0.5 % over 5 observations exactly, 2 × the average volume exactly, a 1-tick spread.
        const auto s = f.quote(10050, 200, 10050, 10060);
        QVERIFY(s);
        QCOMPARE(s->side, Side::Buy);
        QCOMPARE(s->strategyType, u"scalping");
        QCOMPARE(s->reasonCode, u"scalping.momentum_volume_surge");
        QCOMPARE(s->price, 10050.0);
        QCOMPARE(s->timeMs, T0 + 30000 * 12);
        QCOMPARE(s->values.value("momentum_pct"_L1), 0.5);
        QCOMPARE(s->values.value("price_ago"_L1), 10000.0);
        QCOMPARE(s->values.value("volume"_L1), 200.0);
        QCOMPARE(s->values.value("volume_avg"_L1), 100.0);
        QCOMPARE(s->values.value("spread_ticks"_L1), 1.0);
        QCOMPARE(s->values.value("bid"_L1), 10050.0);
        QCOMPARE(s->values.value("ask"_L1), 10060.0);
    }

    void momentumOneTickShort()
    {
        Feed f;
        f.prime();
        QVERIFY(!f.quote(10040, 500)); // +0.4 %
    }

    void volumeOneShort()
    {
        Feed f;
        f.prime();
        QVERIFY(!f.quote(10100, 199));
    }

    void spreadTicksLimit()
    {
        for (const auto &[ask, fires] : { std::pair { 10070, true }, std::pair { 10080, false } }) {
            Feed f;
            f.prime();
            QCOMPARE(bool(f.quote(10050, 300, 10050, ask)), fires); // 2 ticks fire, 3 do not
        }
        Feed noBid;
        noBid.prime();
        QVERIFY(!noBid.quote(10050, 300, 0, 10060));
        Feed crossed;
        crossed.prime();
        QVERIFY(!crossed.quote(10050, 300, 10060, 10050));
    }

    void spreadTicksAlongTheLadder()
    {
        QCOMPARE(ScalpingStrategy::spreadTicks(10000, 10000), 0);
        QCOMPARE(ScalpingStrategy::spreadTicks(10000, 10010), 1);
        QCOMPARE(ScalpingStrategy::spreadTicks(1999, 2000), 1);
        QCOMPARE(ScalpingStrategy::spreadTicks(1995, 2010), 7); // 5 one-won ticks, then 2 five-won
        QCOMPARE(ScalpingStrategy::spreadTicks(4995, 5010), 2); // 5-won then 10-won
        QCOMPARE(ScalpingStrategy::spreadTicks(0, 100), -1);
        QCOMPARE(ScalpingStrategy::spreadTicks(100, 99), -1);
        QCOMPARE(ScalpingStrategy::spreadTicks(10000, 20000, 3), 4); // counting stops past the limit
    }

    void baselineAndNewDay()
    {
        Feed f;
        f.prime();
        // Cumulative volume falls: a new day. The stream restarts, so a surge right away is not
        // judged against yesterday's observations.
        f.cumulative = 0;
        QVERIFY(!f.quote(10100, 50));
        for (int i = 0; i < 5; ++i)
            QVERIFY(!f.quote(10100, 1000));
        // After the restart there are not yet 10 observations for the volume average.
        QVERIFY(!f.quote(10200, 5000));
    }

    void parameters()
    {
        ScalpingStrategy::Params p;
        p.momentumLookback = 2;
        p.minMomentumPct = 1.0;
        p.volumeWindow = 3;
        p.volumeMultiplier = 1.0;
        p.maxSpreadTicks = 0;
        Feed f(p);
        QVERIFY(!f.quote(10000, 0));
        for (int i = 0; i < 3; ++i)
            QVERIFY(!f.quote(10000, 100));
        QVERIFY(!f.quote(10100, 100, 10100, 10110)); // spread 1 tick > 0
        Feed g(p);
        QVERIFY(!g.quote(10000, 0));
        for (int i = 0; i < 3; ++i)
            QVERIFY(!g.quote(10000, 100));
        QVERIFY(g.quote(10100, 100, 10100, 10100)); // +1 % over 2, volume = 1 × average, locked spread
    }

    void exitRules()
    {
        const ScalpingStrategy s;
        const auto rules = s.exitRules();
        QVERIFY(rules);
        QCOMPARE(rules->takeProfitPct, 1.0);
        QCOMPARE(rules->stopLossPct, 0.5);
        QCOMPARE(rules->maxHoldingMs, 300000);
    }

    void onBarsTheSpreadIsNotKnown()
    {
        std::vector<double> closes(11, 10000);
        std::vector<double> volumes(11, 100);
        closes.push_back(10050);
        volumes.push_back(200);
        auto strategy = std::make_shared<const ScalpingStrategy>();
        const auto sig = StrategyData::lastDecision(strategy, StrategyData::fromCloses(closes, volumes));
        QVERIFY(sig);
        QCOMPARE(sig->values.value("momentum_pct"_L1), 0.5);
        QVERIFY(!sig->values.value("spread_ticks"_L1));
        volumes.back() = 199;
        QVERIFY(!StrategyData::lastDecision(strategy, StrategyData::fromCloses(closes, volumes)));
        closes.back() = 10040;
        volumes.back() = 1000;
        QVERIFY(!StrategyData::lastDecision(strategy, StrategyData::fromCloses(closes, volumes)));
    }

    void runnerRoutesQuotes()
    {
        QList<std::shared_ptr<const Strategy>> list { std::make_shared<const ScalpingStrategy>() };
        SymbolRunner runner(u"000660"_s, list);
        qint64 cum = 0;
        int n = 0;
        const auto quote = [&](qint64 price, qint64 volume) {
            cum += volume;
            return runner.onQuote(Quote { .timeMs = T0 + 30000 * n++,
                .price = price,
                .cumVolume = cum,
                .bestBid = price,
                .bestAsk = price + 10 });
        };
        QVERIFY(quote(10000, 0).isEmpty());
        for (int i = 0; i < 11; ++i)
            QVERIFY(quote(10000, 100).isEmpty());
        const QList<Signal> s = quote(10050, 200);
        QCOMPARE(s.size(), 1);
        QCOMPARE(s.front().stockCode, u"000660");
    }
};

QTEST_GUILESS_MAIN(TestStrategyScalping)
#include "tst_strategyscalping.moc"
