// SPDX-License-Identifier: GPL-3.0-or-later
// No look-ahead: for every strategy, replacing every candle after time t by different random
// candles never changes a signal decided at or before t, nor a trade closed at or before t, in the
// backtest and in the SymbolRunner (also with forming revisions). The replacement does change
// later signals, so the comparison is not vacuous.
#include "backtest/backtester.h"
#include "indicatorsdata.h"
#include "strategy/strategyregistry.h"
#include "strategy/symbolrunner.h"

#include <QtTest>

#include <random>

using namespace Qt::StringLiterals;
using Indicators::Bar;
using Strategies::Signal;

namespace {

// Parameters loose enough that each strategy fires often on minute random walks.
std::shared_ptr<const Strategies::Strategy> active(const QString &type)
{
    QJsonObject p;
    if (type == u"disparity")
        p = QJsonObject { { u"buy_below"_s, 99.6 }, { u"sell_above"_s, 100.4 } };
    else if (type == u"rsi")
        p = QJsonObject { { u"oversold"_s, 40 }, { u"overbought"_s, 60 }, { u"volume_multiplier"_s, 1.0 } };
    else if (type == u"reference_candle")
        p = QJsonObject { { u"min_rise_pct"_s, 0.2 }, { u"volume_multiplier"_s, 2 } };
    else if (type == u"scalping")
        p = QJsonObject { { u"min_momentum_pct"_s, 0.1 }, { u"volume_multiplier"_s, 1.5 } };
    const auto s = Strategies::StrategyRegistry::create(type, p);
    Q_ASSERT(s);
    return *s;
}

// bars[0..t] unchanged, every later bar replaced by a bar of an unrelated walk at the same time.
std::vector<Bar> rewrittenAfter(const std::vector<Bar> &bars, size_t t, quint64 seed)
{
    const std::vector<Bar> other = IndicatorsData::randomWalk(qsizetype(bars.size()), seed);
    std::vector<Bar> out = bars;
    for (size_t i = t + 1; i < bars.size(); ++i) {
        out[i] = other[i];
        out[i].timeMs = bars[i].timeMs;
    }
    return out;
}

QList<Signal> upTo(const QList<Signal> &signals_, qint64 timeMs)
{
    QList<Signal> out;
    for (const Signal &s : signals_)
        if (s.timeMs <= timeMs)
            out.append(s);
    return out;
}

QList<Backtest::Trade> closedBy(const QList<Backtest::Trade> &trades, qsizetype t)
{
    QList<Backtest::Trade> out;
    for (const Backtest::Trade &x : trades)
        if (x.exitIndex <= t && x.exitReason != Backtest::ExitReason::EndOfData)
            out.append(x);
    return out;
}

Backtest::Report runBacktest(const std::shared_ptr<const Strategies::Strategy> &s, const std::vector<Bar> &bars)
{
    Backtest::Config c;
    c.initialCash = 100'000'000;
    c.stopLossPct = 0.3; // tight exits: many round trips on minute bars
    c.takeProfitPct = 0.3;
    c.recordSignals = true;
    const Result<Backtest::Report> r = Backtest::Backtester(s, c).run(bars);
    Q_ASSERT(r);
    return *r;
}

} // namespace

class TestBacktestLookahead final : public QObject
{
    Q_OBJECT

private slots:
    void backtest_data()
    {
        QTest::addColumn<QString>("type");
        for (const QString &t : Strategies::StrategyRegistry::typeNames())
            QTest::newRow(qPrintable(t)) << t;
    }

    void backtest()
    {
        QFETCH(QString, type);
        const auto strategy = active(type);
        const std::vector<Bar> bars = IndicatorsData::randomWalk(4000, 1234);
        const Backtest::Report full = runBacktest(strategy, bars);
        QVERIFY(full.emitted.size() > 20);
        QVERIFY(full.trades.size() > 3);
        bool laterDiffers = false;
        int seed = 1;
        for (const size_t t : { size_t(300), size_t(1111), size_t(2024), size_t(3500), size_t(3998) }) {
            const std::vector<Bar> changed = rewrittenAfter(bars, t, 5000 + quint64(seed++));
            const Backtest::Report other = runBacktest(strategy, changed);
            const qint64 cut = bars[t].timeMs;
            const QList<Signal> before = upTo(full.emitted, cut);
            QCOMPARE(upTo(other.emitted, cut), before);
            QCOMPARE(closedBy(other.trades, qsizetype(t)), closedBy(full.trades, qsizetype(t)));
            laterDiffers = laterDiffers || other.emitted != full.emitted;
        }
        QVERIFY(laterDiffers);
    }

    void runnerWithRevisions_data() { backtest_data(); }

    void runnerWithRevisions()
    {
        // Live-style feed: each bar arrives as forming revisions and then closed. Decisions for bars
        // <= t depend only on bars <= t, whatever comes after (including later bars' revisions).
        QFETCH(QString, type);
        const auto strategy = active(type);
        const std::vector<Bar> bars = IndicatorsData::randomWalk(2500, 4321);
        const auto feed = [&](const std::vector<Bar> &series, quint64 seed) {
            Strategies::SymbolRunner runner(u"A"_s, { strategy });
            std::mt19937_64 rng(seed);
            QList<Signal> out;
            bool ok = true;
            for (const Bar &b : series) {
                ok = ok
                    && runner.onCandle(
                        IndicatorsData::formingVariant(b, rng), Strategies::SymbolRunner::BarStatus::Forming, out);
                ok = ok && runner.onCandle(b, Strategies::SymbolRunner::BarStatus::Closed, out);
            }
            if (!ok)
                qFatal("runner refused a bar");
            return out;
        };
        const QList<Signal> full = feed(bars, 1);
        QVERIFY(full.size() > 20);
        for (const size_t t : { size_t(100), size_t(999), size_t(2400) }) {
            const std::vector<Bar> changed = rewrittenAfter(bars, t, 77 + t);
            const qint64 cut = bars[t].timeMs;
            QCOMPARE(upTo(feed(changed, 2), cut), upTo(full, cut));
        }
    }
};

QTEST_GUILESS_MAIN(TestBacktestLookahead)
#include "tst_backtestlookahead.moc"
