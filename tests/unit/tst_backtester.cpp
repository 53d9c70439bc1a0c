// SPDX-License-Identifier: GPL-3.0-or-later
// Backtest::Backtester with a scripted strategy (signals on chosen bars), so every fill, fee, tax,
// stop-loss / take-profit rule, limit buy, holding-time exit and summary figure is checked against
// numbers worked out by hand; plus input and configuration errors.
#include "backtest/backtester.h"
#include "indicatorsdata.h"
#include "strategy/strategyregistry.h"
#include "strategydata.h"

#include <QtTest>

#include <QJsonArray>

using namespace Backtest;
using namespace Qt::StringLiterals;
using Indicators::Bar;
using StrategyData::ScriptedStrategy;

namespace {

Bar bar(qsizetype i, double o, double h, double l, double c, double v = 1000)
{
    return IndicatorsData::bar(i, o, h, l, c, v);
}

qint64 timeOf(qsizetype i)
{
    return IndicatorsData::bar(i, 0, 0, 0, 0, 0).timeMs;
}

using Script = QList<std::tuple<qsizetype, Side, std::optional<qint64>>>;

std::shared_ptr<const Strategies::Strategy> scripted(
    const Script &steps, std::optional<Strategies::ExitRules> exits = std::nullopt)
{
    QHash<qint64, ScriptedStrategy::Step> map;
    for (const auto &[i, side, target] : steps)
        map.insert(timeOf(i), ScriptedStrategy::Step { side, target });
    return std::make_shared<const ScriptedStrategy>(map, exits);
}

Config config(qint64 cash = 1'000'000)
{
    Config c;
    c.initialCash = cash;
    return c;
}

Report run(
    const std::shared_ptr<const Strategies::Strategy> &s, const std::vector<Bar> &bars, const Config &c = config())
{
    const Result<Report> r = Backtester(s, c).run(bars);
    if (!r)
        qFatal("backtest failed: %s", qPrintable(r.error().message));
    return *r;
}

// Quiet bars around 10000 that touch neither a 3 % stop-loss nor a 5 % take-profit.
std::vector<Bar> quiet(int n)
{
    std::vector<Bar> bars;
    for (int i = 0; i < n; ++i)
        bars.push_back(bar(i, 10000, 10100, 9900, 10000));
    return bars;
}

} // namespace

class TestBacktester final : public QObject
{
    Q_OBJECT

private slots:
    void defaultsComeFromSettings()
    {
        const Config c;
        QCOMPARE(c.feePct, 0.015);
        QCOMPARE(c.sellTaxPct, 0.20);
        QCOMPARE(c.stopLossPct, 3.0);
        QCOMPARE(c.takeProfitPct, 5.0);
        QVERIFY(c.validate());
    }

    void moneyHelpers()
    {
        QCOMPARE(Backtester::fee(1'000'000, 0.015), 150);
        QCOMPARE(Backtester::fee(999'999, 0.015), 149); // 149.99985 floored
        QCOMPARE(Backtester::fee(1'009'800, 0.2), 2019);
        QCOMPARE(Backtester::fee(0, 0.015), 0);
        QCOMPARE(Backtester::stopLossPrice(10000, 3), 9700);
        QCOMPARE(Backtester::stopLossPrice(10050, 3), 9740); // 9748.5 → 9748 → tick 10 → 9740
        QCOMPARE(Backtester::stopLossPrice(10000, 0), 0);
        QCOMPARE(Backtester::takeProfitPrice(10000, 5), 10500);
        QCOMPARE(Backtester::takeProfitPrice(10050, 5), 10560); // 10552.5 → 10553 → 10560
        QCOMPARE(Backtester::takeProfitPrice(19500, 5), 20500); // 20475 crosses into the 50-won band
        QCOMPARE(Backtester::affordableQuantity(1'000'000, 10000, 0.015), 99);
        QCOMPARE(Backtester::affordableQuantity(1'000'000, 10000, 0.0), 100);
        QCOMPARE(Backtester::affordableQuantity(1'000'150, 10000, 0.015), 100); // 1,000,000 + fee 150
        QCOMPARE(Backtester::affordableQuantity(1'000'149, 10000, 0.015), 99);
        QCOMPARE(Backtester::affordableQuantity(9999, 10000, 0.015), 0);
    }

    void buyNextOpenSellNextOpen()
    {
        std::vector<Bar> bars = quiet(6);
        bars[3] = bar(3, 10200, 10300, 10100, 10200);
        const Report r = run(scripted({ { 0, Side::Buy, {} }, { 2, Side::Sell, {} } }), bars);
        QCOMPARE(r.trades.size(), 1);
        const Trade &t = r.trades.front();
        QCOMPARE(t.entryIndex, 1);
        QCOMPARE(t.entryTimeMs, bars[1].timeMs);
        QCOMPARE(t.entryPrice, 10000);
        QCOMPARE(t.quantity, 99);
        QCOMPARE(t.entryFee, 148); // 990000 × 0.015 %
        QCOMPARE(t.entryReason, u"scripted.step");
        QCOMPARE(t.exitIndex, 3);
        QCOMPARE(t.exitPrice, 10200);
        QCOMPARE(t.exitFee, 151); // 1,009,800 × 0.015 % = 151.47
        QCOMPARE(t.exitTax, 2019); // 1,009,800 × 0.2 % = 2019.6
        QCOMPARE(t.exitReason, ExitReason::SellSignal);
        QCOMPARE(t.profit, 1'009'800 - 151 - 2019 - 990'000 - 148);
        QCOMPARE(t.returnPct, double(t.profit) / 990'148.0 * 100.0);

        const Summary &s = r.summary;
        QCOMPARE(s.trades, 1);
        QCOMPARE(s.wins, 1);
        QCOMPARE(s.losses, 0);
        QCOMPARE(s.winRatePct, 100.0);
        QCOMPARE(s.finalEquity, 1'000'000 + t.profit);
        QCOMPARE(s.netProfit, t.profit);
        QCOMPARE(s.totalReturnPct, double(t.profit) / 1e6 * 100.0);
        QCOMPARE(s.feesPaid, 148 + 151);
        QCOMPARE(s.taxesPaid, 2019);
        QCOMPARE(s.buySignals, 1);
        QCOMPARE(s.sellSignals, 1);
        QCOMPARE(s.candles, 6);
        QVERIFY(!s.closedAtEnd);
    }

    void offTickOpensRoundAgainstTheTrader()
    {
        std::vector<Bar> bars = quiet(5);
        bars[1] = bar(1, 10003.4, 10100, 9900, 10000);
        bars[3] = bar(3, 10208.7, 10300, 10100, 10200);
        const Report r = run(scripted({ { 0, Side::Buy, {} }, { 2, Side::Sell, {} } }), bars);
        QCOMPARE(r.trades.front().entryPrice, 10010); // ceil, then up to the tick
        QCOMPARE(r.trades.front().exitPrice, 10200); // floor, then down to the tick
    }

    void stopLossIntraBarAndOnAGap()
    {
        std::vector<Bar> bars = quiet(5);
        bars[2] = bar(2, 10000, 10050, 9650, 9800);
        Report r = run(scripted({ { 0, Side::Buy, {} } }), bars);
        QCOMPARE(r.trades.size(), 1);
        QCOMPARE(r.trades.front().exitReason, ExitReason::StopLoss);
        QCOMPARE(r.trades.front().exitPrice, 9700);
        QCOMPARE(r.trades.front().exitIndex, 2);

        bars[2] = bar(2, 9600, 9800, 9500, 9700); // opened below the stop: sold at the open
        r = run(scripted({ { 0, Side::Buy, {} } }), bars);
        QCOMPARE(r.trades.front().exitPrice, 9600);

        bars[2] = bar(2, 10000, 10050, 9710, 9800); // one tick above the stop: held
        r = run(scripted({ { 0, Side::Buy, {} } }), bars);
        QCOMPARE(r.trades.front().exitReason, ExitReason::EndOfData);
    }

    void takeProfitIntraBarAndOnAGap()
    {
        std::vector<Bar> bars = quiet(5);
        bars[2] = bar(2, 10000, 10550, 9950, 10400);
        Report r = run(scripted({ { 0, Side::Buy, {} } }), bars);
        QCOMPARE(r.trades.front().exitReason, ExitReason::TakeProfit);
        QCOMPARE(r.trades.front().exitPrice, 10500);

        bars[2] = bar(2, 10700, 10800, 10600, 10700);
        r = run(scripted({ { 0, Side::Buy, {} } }), bars);
        QCOMPARE(r.trades.front().exitPrice, 10700);

        bars[2] = bar(2, 10000, 10490, 9950, 10400); // one tick short
        r = run(scripted({ { 0, Side::Buy, {} } }), bars);
        QCOMPARE(r.trades.front().exitReason, ExitReason::EndOfData);
    }

    void bothInOneBarAssumesTheStopFirst()
    {
        std::vector<Bar> bars = quiet(5);
        bars[2] = bar(2, 10000, 10600, 9600, 10000);
        const Report r = run(scripted({ { 0, Side::Buy, {} } }), bars);
        QCOMPARE(r.trades.front().exitReason, ExitReason::StopLoss);
        QCOMPARE(r.trades.front().exitPrice, 9700);
    }

    void stopLossOnTheEntryBar()
    {
        std::vector<Bar> bars = quiet(4);
        bars[1] = bar(1, 10000, 10050, 9690, 9800);
        const Report r = run(scripted({ { 0, Side::Buy, {} } }), bars);
        QCOMPARE(r.trades.front().entryIndex, 1);
        QCOMPARE(r.trades.front().exitIndex, 1);
        QCOMPARE(r.trades.front().exitPrice, 9700);
    }

    void exitsCanBeTurnedOff()
    {
        std::vector<Bar> bars = quiet(4);
        bars[2] = bar(2, 10000, 11000, 9000, 9500);
        Config c = config();
        c.stopLossPct = 0;
        c.takeProfitPct = 0;
        const Report r = run(scripted({ { 0, Side::Buy, {} } }), bars, c);
        QCOMPARE(r.trades.size(), 1);
        const Trade &t = r.trades.front();
        QCOMPARE(t.exitReason, ExitReason::EndOfData);
        QCOMPARE(t.exitIndex, 3);
        QCOMPARE(t.exitPrice, 10000);
        QVERIFY(r.summary.closedAtEnd);
    }

    void endOfDataClosesAtTheLastClose()
    {
        std::vector<Bar> bars = quiet(3);
        bars[2] = bar(2, 10000, 10100, 9900, 10046.9);
        const Report r = run(scripted({ { 0, Side::Buy, {} } }), bars);
        QCOMPARE(r.trades.front().exitPrice, 10040);
        QVERIFY(r.summary.closedAtEnd);
        // A buy signal on the last bar has no next open: nothing happens.
        const Report none = run(scripted({ { 2, Side::Buy, {} } }), quiet(3));
        QVERIFY(none.trades.isEmpty());
        QCOMPARE(none.summary.buySignals, 1);
        QCOMPARE(none.summary.finalEquity, 1'000'000);
    }

    void limitBuyAtTheTarget()
    {
        // Opens above the target, trades down through it: filled at the target.
        std::vector<Bar> bars = quiet(4);
        bars[1] = bar(1, 10000, 10300, 9790, 10200);
        Report r = run(scripted({ { 0, Side::Buy, 9800 } }), bars);
        QCOMPARE(r.trades.size(), 1);
        QCOMPARE(r.trades.front().entryPrice, 9800);
        // Its take-profit (10290) is within that bar's high, but the high may have come before the
        // fill: not taken on the fill bar.
        QCOMPARE(r.trades.front().exitReason, ExitReason::EndOfData);

        bars[1] = bar(1, 9750, 9900, 9700, 9800); // opens below the target: filled at the open
        r = run(scripted({ { 0, Side::Buy, 9800 } }), bars);
        QCOMPARE(r.trades.front().entryPrice, 9750);

        bars[1] = bar(1, 10000, 10100, 9810, 10000); // never at the target
        r = run(scripted({ { 0, Side::Buy, 9800 } }), bars);
        QVERIFY(r.trades.isEmpty());
        QCOMPARE(r.summary.unfilledLimitBuys, 1);
    }

    void strategyExitRulesReplaceTheSettings()
    {
        // Scalping-style exits: take-profit 1 %, stop-loss 0.5 %, 3 minutes.
        const Strategies::ExitRules exits { 1.0, 0.5, 180000 };
        std::vector<Bar> bars;
        for (int i = 0; i < 8; ++i)
            bars.push_back(bar(i, 10000, 10040, 9960, 10000));
        Report r = run(scripted({ { 0, Side::Buy, {} } }, exits), bars);
        QCOMPARE(r.trades.size(), 1);
        QCOMPARE(r.trades.front().entryIndex, 1);
        QCOMPARE(r.trades.front().exitReason, ExitReason::MaxHolding);
        QCOMPARE(r.trades.front().exitIndex, 4); // bar 4 opens 3 minutes after bar 1
        QCOMPARE(r.trades.front().exitPrice, 10000);

        bars[2] = bar(2, 10000, 10040, 9950, 10000); // 9950 = 10000 − 0.5 %
        r = run(scripted({ { 0, Side::Buy, {} } }, exits), bars);
        QCOMPARE(r.trades.front().exitReason, ExitReason::StopLoss);
        QCOMPARE(r.trades.front().exitPrice, 9950);

        bars[2] = bar(2, 10000, 10100, 9960, 10000);
        r = run(scripted({ { 0, Side::Buy, {} } }, exits), bars);
        QCOMPARE(r.trades.front().exitReason, ExitReason::TakeProfit);
        QCOMPARE(r.trades.front().exitPrice, 10100);

        const Backtester b(scripted({}, exits), config());
        QCOMPARE(b.exitRules(), exits);
        const Backtester plain(scripted({}), config());
        QCOMPARE(plain.exitRules(), (Strategies::ExitRules { 5.0, 3.0, 0 }));
    }

    void onePositionAtATime()
    {
        std::vector<Bar> bars = quiet(8);
        bars[5] = bar(5, 10100, 10200, 10000, 10100);
        const Report r = run(scripted({ { 0, Side::Sell, {} }, { 1, Side::Buy, {} }, { 2, Side::Buy, {} },
                                 { 4, Side::Sell, {} }, { 5, Side::Sell, {} }, { 6, Side::Buy, {} } }),
            bars);
        QCOMPARE(r.trades.size(), 2);
        QCOMPARE(r.trades[0].entryIndex, 2);
        QCOMPARE(r.trades[0].exitIndex, 5);
        QCOMPARE(r.trades[0].exitPrice, 10100);
        QCOMPARE(r.trades[1].entryIndex, 7);
        QCOMPARE(r.trades[1].exitReason, ExitReason::EndOfData);
        QCOMPARE(r.summary.buySignals, 3);
        QCOMPARE(r.summary.sellSignals, 3);
        QCOMPARE(r.summary.trades, 2);
        QCOMPARE(r.summary.wins + r.summary.losses, 2);
    }

    void unaffordable()
    {
        const Report r = run(scripted({ { 0, Side::Buy, {} } }), quiet(3), config(9999));
        QVERIFY(r.trades.isEmpty());
        QCOMPARE(r.summary.unaffordableBuys, 1);
        QCOMPARE(r.summary.finalEquity, 9999);
    }

    void drawdownAndBuyAndHold()
    {
        // Buy 99 at 10000 (cash left 9,852), closes 9900, 9800 (low), 10000: equity troughs at
        // 9,852 + 99 × 9,800 = 980,052 against the starting 1,000,000 peak.
        std::vector<Bar> bars { bar(0, 10000, 10000, 10000, 10000), bar(1, 10000, 10000, 9900, 9900),
            bar(2, 9900, 9900, 9800, 9800), bar(3, 9800, 10000, 9800, 10000), bar(4, 10000, 10100, 10000, 10100) };
        const Report r = run(scripted({ { 0, Side::Buy, {} } }), bars);
        QCOMPARE(r.trades.front().quantity, 99);
        const double trough = 1'000'000.0 - 990'148.0 + 99.0 * 9800.0;
        QCOMPARE(r.summary.maxDrawdownPct, (1e6 - trough) / 1e6 * 100.0);
        QCOMPARE(r.summary.buyAndHoldReturnPct, 1.0);
    }

    void inputErrors_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("message");
        QTest::newRow("time") << 0 << "bar 2: time is not after the previous bar's";
        QTest::newRow("low above open") << 1 << "bar 1: low <= open, close <= high does not hold";
        QTest::newRow("nan") << 2 << "bar 1: prices and volume must be finite numbers >= 0";
        QTest::newRow("negative volume") << 3 << "bar 1: prices and volume must be finite numbers >= 0";
        QTest::newRow("huge") << 4 << "bar 1: price above 1000000000000 KRW";
    }

    void inputErrors()
    {
        QFETCH(int, which);
        QFETCH(QString, message);
        std::vector<Bar> bars = quiet(4);
        switch (which) {
        case 0:
            bars[2].timeMs = bars[1].timeMs;
            break;
        case 1:
            bars[1].low = 10050;
            break;
        case 2:
            bars[1].close = std::nan("");
            break;
        case 3:
            bars[1].volume = -1;
            break;
        case 4:
            bars[1].high = 2e12;
            break;
        }
        const Result<Report> r = Backtester(scripted({}), config()).run(bars);
        QVERIFY(!r);
        QCOMPARE(r.error().code, u"backtest.input");
        QCOMPARE(r.error().message, message);
    }

    void configErrors()
    {
        Config c = config(0);
        Result<Report> r = Backtester(scripted({}), c).run(quiet(3));
        QVERIFY(!r);
        QCOMPARE(r.error().code, u"backtest.config");
        QCOMPARE(r.error().message, u"cash must be between 1 and 1000000000000000 KRW (got 0)");
        c = config();
        c.feePct = 6;
        QCOMPARE(c.validate().error().message, u"fee must be between 0 and 5 percent (got 6)");
        c = config();
        c.stopLossPct = 100;
        QCOMPARE(c.validate().error().message, u"stop-loss must be between 0 and 99 percent (got 100)");
        c = config();
        c.takeProfitPct = -1;
        QVERIFY(!c.validate());
    }

    void equityPerBar()
    {
        // The drawdown example's bars: cash 9,852 and 99 shares after the buy at bar 1's open.
        std::vector<Bar> bars { bar(0, 10000, 10000, 10000, 10000), bar(1, 10000, 10000, 9900, 9900),
            bar(2, 9900, 9900, 9800, 9800), bar(3, 9800, 10000, 9800, 10000), bar(4, 10000, 10100, 10000, 10100) };
        Config c = config();
        c.recordEquity = true;
        const Report r = run(scripted({ { 0, Side::Buy, {} } }), bars, c);
        QCOMPARE(r.equity.size(), 5);
        QCOMPARE(r.equity.at(0), 1'000'000.0); // nothing bought yet
        const double cash = 1'000'000.0 - 990'148.0;
        QCOMPARE(r.equity.at(1), cash + 99 * 9900.0);
        QCOMPARE(r.equity.at(2), cash + 99 * 9800.0);
        QCOMPARE(r.equity.at(4), double(r.summary.finalEquity)); // closed at the end
        QVERIFY(run(scripted({ { 0, Side::Buy, {} } }), bars).equity.isEmpty()); // only when asked
    }

    void progressAndCancel()
    {
        const std::vector<Bar> bars = IndicatorsData::randomWalk(5000, 11);
        const auto s = *Strategies::StrategyRegistry::create(u"rsi"_s);
        QList<qsizetype> seen;
        const Result<Report> done = Backtester(s, config()).run(bars, [&](qsizetype n, qsizetype total) {
            if (total != 5000)
                qFatal("total %lld", qint64(total));
            seen << n;
            return true;
        });
        QVERIFY(done);
        QVERIFY(seen.size() >= 100);
        QVERIFY(std::is_sorted(seen.begin(), seen.end()));
        QCOMPARE(seen.last(), 5000);
        // A progress callback that never cancels changes nothing.
        QCOMPARE(done->summary, run(s, bars).summary);
        QCOMPARE(done->trades, run(s, bars).trades);

        int calls = 0;
        const Result<Report> cancelled
            = Backtester(s, config()).run(bars, [&](qsizetype, qsizetype) { return ++calls < 10; });
        QVERIFY(!cancelled);
        QCOMPARE(cancelled.error().code, u"backtest.cancelled"_s);
        QCOMPARE(calls, 10); // stopped at once
    }

    void emptyInput()
    {
        const Report r = run(scripted({}), {});
        QCOMPARE(r.summary.candles, 0);
        QCOMPARE(r.summary.finalEquity, 1'000'000);
        QCOMPARE(r.summary.trades, 0);
    }

    void realStrategiesAreConsistent()
    {
        // Accounting identities over a long random run for every registered strategy.
        const std::vector<Bar> bars = IndicatorsData::randomWalk(20000, 77);
        for (const QString &type : Strategies::StrategyRegistry::typeNames()) {
            const auto s = *Strategies::StrategyRegistry::create(type);
            Config c = config(50'000'000);
            c.recordSignals = true;
            const Report r = run(s, bars, c);
            const Summary &sum = r.summary;
            qint64 profit = 0, fees = 0, taxes = 0;
            int wins = 0;
            qsizetype lastExit = -1;
            for (const Trade &t : r.trades) {
                QVERIFY(t.entryIndex > lastExit); // a new position only after the previous exit bar
                QVERIFY(t.exitIndex >= t.entryIndex);
                QVERIFY(Krx::isOnTick(t.entryPrice));
                QVERIFY(t.exitPrice == 0 || Krx::isOnTick(t.exitPrice));
                QVERIFY(t.quantity > 0);
                profit += t.profit;
                fees += t.entryFee + t.exitFee;
                taxes += t.exitTax;
                wins += t.profit > 0 ? 1 : 0;
                lastExit = t.exitIndex;
            }
            QCOMPARE(sum.netProfit, profit);
            QCOMPARE(sum.finalEquity, c.initialCash + profit);
            QCOMPARE(sum.feesPaid, fees);
            QCOMPARE(sum.taxesPaid, taxes);
            QCOMPARE(sum.wins, wins);
            QCOMPARE(sum.trades, int(r.trades.size()));
            QVERIFY(sum.maxDrawdownPct >= 0.0 && sum.maxDrawdownPct <= 100.0);
            int buys = 0, sells = 0;
            for (const Strategies::Signal &x : r.emitted)
                (x.side == Side::Buy ? buys : sells) += 1;
            QCOMPARE(sum.buySignals, buys);
            QCOMPARE(sum.sellSignals, sells);
            // Deterministic.
            const Report again = run(s, bars, c);
            QCOMPARE(again.trades, r.trades);
            QCOMPARE(again.summary, r.summary);
        }
    }

    void reportJson()
    {
        std::vector<Bar> bars = quiet(6);
        Config c = config();
        c.recordSignals = true;
        const Report r = run(scripted({ { 0, Side::Buy, {} }, { 2, Side::Sell, {} } }), bars, c);
        const QJsonObject o = r.toJson();
        QCOMPARE(o.value(u"strategy").toString(), u"scripted");
        QCOMPARE(o.value(u"trades").toArray().size(), 1);
        QCOMPARE(o.value(u"signals").toArray().size(), 2);
        const QJsonObject t = o.value(u"trades").toArray().at(0).toObject();
        QCOMPARE(t.value(u"entry_price").toInteger(), 10000);
        QCOMPARE(t.value(u"quantity").toInteger(), 99);
        QCOMPARE(t.value(u"exit_reason").toString(), u"sell_signal");
        QCOMPARE(t.value(u"entry_time").toString(), u"2024-01-02T09:01:00+09:00");
        const QJsonObject s = o.value(u"summary").toObject();
        QCOMPARE(s.value(u"trades").toInt(), 1);
        QCOMPARE(s.value(u"final_equity").toInteger(), r.summary.finalEquity);
        QCOMPARE(o.value(u"config").toObject().value(u"fee_pct").toDouble(), 0.015);
    }
};

QTEST_GUILESS_MAIN(TestBacktester)
#include "tst_backtester.moc"
