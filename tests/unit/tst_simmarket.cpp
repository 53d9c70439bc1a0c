// SPDX-License-Identifier: GPL-3.0-or-later
#include "sim/simmarket.h"

#include <QSet>
#include <QtTest>

namespace {

SimConfig config(quint64 seed = 7)
{
    SimConfig c;
    c.seed = seed;
    c.speed = 0;
    c.startTimeMs = Krx::fromKst(QDate(2025, 3, 10), QTime(10, 0)); // a Monday, trading day
    c.historyDays = 60;
    c.minuteHistoryDays = 3;
    return c;
}

void checkCandle(const Candle &c, const Krx::PriceLimits &limits, const QString &what)
{
    QVERIFY2(c.low <= c.open && c.open <= c.high, qPrintable(what));
    QVERIFY2(c.low <= c.close && c.close <= c.high, qPrintable(what));
    QVERIFY2(c.low >= limits.lower && c.high <= limits.upper, qPrintable(what + QStringLiteral(" outside limits")));
    for (qint64 p : { c.open, c.high, c.low, c.close })
        QVERIFY2(Krx::isOnTick(p), qPrintable(what + QStringLiteral(" off tick ") + QString::number(p)));
    QVERIFY2(c.volume > 0, qPrintable(what));
}

} // namespace

class TestSimMarket final : public QObject
{
    Q_OBJECT

private slots:
    void universeHasRealLookingListing()
    {
        SimMarket market(config());
        QVERIFY(market.stockCount() >= 50);
        QSet<QString> codes;
        QSet<qint64> ticks;
        bool kospi = false;
        bool kosdaq = false;
        for (int i = 0; i < market.stockCount(); ++i) {
            const SimStockInfo &info = market.info(i);
            QCOMPARE(info.code.size(), 6);
            bool numeric = false;
            info.code.toInt(&numeric);
            QVERIFY(numeric);
            QVERIFY(!info.name.isEmpty());
            codes.insert(info.code);
            ticks.insert(Krx::tickSize(market.quote(i).basePrice));
            kospi |= info.market == 0;
            kosdaq |= info.market == 10;
            QCOMPARE(market.indexOf(info.code), i);
        }
        QCOMPARE(codes.size(), market.stockCount());
        QVERIFY(kospi && kosdaq);
        // Base prices cover every band of the tick ladder.
        for (qint64 tick : { 1, 5, 10, 50, 100, 500, 1000 })
            QVERIFY2(ticks.contains(tick), qPrintable(QString::number(tick)));
        QCOMPARE(market.indexOf(QStringLiteral("005930")) >= 0, true);
        QCOMPARE(market.indexOf(QStringLiteral("999999")), -1);
    }

    void historyShapeAndChaining()
    {
        const SimConfig c = config();
        SimMarket market(c);
        QCOMPARE(market.currentDate(), QDate(2025, 3, 10));
        QCOMPARE(market.phase(), SimPhase::Continuous);
        const QList<QDate> minuteDays = market.minuteDates();
        QCOMPARE(minuteDays.size(), c.minuteHistoryDays + 1); // + today
        QCOMPARE(minuteDays.last(), QDate(2025, 3, 10));
        int limitDays = 0;
        int gapDays = 0;
        for (int i = 0; i < market.stockCount(); ++i) {
            const QVector<SimDayBar> bars = market.dailyBars(i);
            QCOMPARE(bars.size(), c.historyDays + 1);
            for (int k = 0; k < bars.size(); ++k) {
                const SimDayBar &bar = bars.at(k);
                QVERIFY(Krx::isTradingDay(bar.date));
                if (k > 0) {
                    QVERIFY(bars.at(k - 1).date < bar.date);
                    QCOMPARE(bar.basePrice, bars.at(k - 1).candle.close); // base = previous close
                }
                const Krx::PriceLimits limits = Krx::priceLimits(bar.basePrice);
                checkCandle(bar.candle, limits, market.info(i).code + bar.date.toString(Qt::ISODate));
                if (bar.candle.close == limits.upper || bar.candle.close == limits.lower)
                    ++limitDays;
                if (bar.candle.open != bar.basePrice)
                    ++gapDays;
            }
        }
        QVERIFY2(limitDays > 0, "no limit move in the whole history");
        QVERIFY(gapDays > market.stockCount() * c.historyDays / 2);
    }

    void dailyBarAggregatesMinuteBars()
    {
        SimMarket market(config());
        market.advance(7LL * 3600 * 1000); // through today's close into tomorrow
        for (int i = 0; i < market.stockCount(); ++i) {
            const QVector<SimDayBar> bars = market.dailyBars(i);
            for (const QDate &date : market.minuteDates()) {
                const QVector<Candle> minutes = market.minuteBars(i, date);
                QVERIFY(!minutes.isEmpty());
                auto it = std::find_if(bars.cbegin(), bars.cend(), [&](const SimDayBar &b) { return b.date == date; });
                QVERIFY(it != bars.cend());
                const Candle &day = it->candle;
                QCOMPARE(minutes.first().open, day.open);
                QCOMPARE(minutes.last().close, day.close);
                qint64 high = 0;
                qint64 low = std::numeric_limits<qint64>::max();
                qint64 volume = 0;
                const Krx::PriceLimits limits = Krx::priceLimits(it->basePrice);
                for (int m = 0; m < minutes.size(); ++m) {
                    const Candle &bar = minutes.at(m);
                    checkCandle(bar, limits, QStringLiteral("minute"));
                    if (m > 0)
                        QVERIFY(minutes.at(m - 1).timeMs < bar.timeMs);
                    QCOMPARE(bar.timeMs % 60000, qint64(0));
                    QVERIFY(bar.timeMs >= SimMarket::openMs(date) && bar.timeMs <= SimMarket::closeMs(date));
                    high = std::max(high, bar.high);
                    low = std::min(low, bar.low);
                    volume += bar.volume;
                }
                QCOMPARE(high, day.high);
                QCOMPARE(low, day.low);
                QCOMPARE(volume, day.volume);
            }
        }
    }

    void intradayVolumeIsUShaped()
    {
        SimMarket market(config(3));
        qint64 open = 0;
        qint64 midday = 0;
        qint64 close = 0;
        const QList<QDate> dates = market.minuteDates();
        for (int i = 0; i < market.stockCount(); ++i) {
            for (int d = 0; d < dates.size() - 1; ++d) { // finished days only
                const qint64 start = SimMarket::openMs(dates.at(d));
                for (const Candle &c : market.minuteBars(i, dates.at(d))) {
                    const qint64 minute = (c.timeMs - start) / 60000;
                    if (minute >= 1 && minute < 31) // after the opening print
                        open += c.volume;
                    else if (minute >= 180 && minute < 210)
                        midday += c.volume;
                    else if (minute >= 350 && minute < 380) // before the closing auction
                        close += c.volume;
                }
            }
        }
        QVERIFY2(open > midday * 3 / 2, qPrintable(QStringLiteral("%1 vs %2").arg(open).arg(midday)));
        QVERIFY2(close > midday * 5 / 4, qPrintable(QStringLiteral("%1 vs %2").arg(close).arg(midday)));
    }

    void liveTicksStayOnLadderInsideLimits()
    {
        SimMarket market(config(11));
        qint64 count = 0;
        bool ok = true;
        QString failure;
        QHash<int, qint64> lastTime;
        connect(&market, &SimMarket::traded, this, [&](int index, const SimTick &tick) {
            ++count;
            const SimQuote q = market.quote(index);
            if (!Krx::isOnTick(tick.price) || tick.price < q.limits.lower || tick.price > q.limits.upper
                || tick.volume <= 0 || tick.timeMs < lastTime.value(index, 0)) {
                ok = false;
                failure = QStringLiteral("%1 %2 at %3").arg(market.info(index).code).arg(tick.price).arg(tick.timeMs);
            }
            lastTime.insert(index, tick.timeMs);
            const SimBook book = market.book(index);
            if (book.asks[0].price > 0 && book.bids[0].price > 0 && book.asks[0].price <= book.bids[0].price)
                ok = false;
        });
        // Three trading days in 7-minute steps: every tick, every roll-over.
        for (int step = 0; step < 3 * 60; ++step)
            market.advance(7 * 60 * 1000);
        QVERIFY2(ok, qPrintable(failure));
        QVERIFY(count > 3 * 50 * 1000);
        QCOMPARE(market.currentDate() > QDate(2025, 3, 12), true);
        // Always open: the clock never rests outside 09:00–15:30 KST.
        const QTime t = Krx::toKst(market.nowMs()).time();
        QVERIFY(t >= QTime(9, 0) && t < QTime(15, 30));
    }

    void deterministicForSeedWhateverTheStepping()
    {
        SimMarket a(config(5));
        SimMarket b(config(5));
        SimMarket other(config(6));
        a.advance(3LL * 3600 * 1000);
        for (int i = 0; i < 3 * 3600; ++i)
            b.advance(1000);
        other.advance(3LL * 3600 * 1000);
        QCOMPARE(a.nowMs(), b.nowMs());
        bool anyDifferent = false;
        for (int i = 0; i < a.stockCount(); ++i) {
            const QVector<SimTick> &ta = a.ticksToday(i);
            const QVector<SimTick> &tb = b.ticksToday(i);
            QCOMPARE(ta.size(), tb.size());
            for (int k = 0; k < ta.size(); ++k) {
                QCOMPARE(ta.at(k).timeMs, tb.at(k).timeMs);
                QCOMPARE(ta.at(k).price, tb.at(k).price);
                QCOMPARE(ta.at(k).volume, tb.at(k).volume);
            }
            QCOMPARE(a.dailyBars(i).first().candle, b.dailyBars(i).first().candle);
            anyDifferent |= a.quote(i).price != other.quote(i).price;
        }
        QVERIFY(anyDifferent);
    }

    void followSessionHoursClosesTheMarket()
    {
        SimConfig c = config();
        c.followSessionHours = true;
        c.startTimeMs = Krx::fromKst(QDate(2025, 3, 10), QTime(20, 0));
        SimMarket market(c);
        QCOMPARE(market.phase(), SimPhase::Closed);
        QVERIFY(!market.acceptsOrders());
        QCOMPARE(market.closedReason(), QStringLiteral("장종료"));
        const qint64 todaysClose = market.quote(0).price;
        QCOMPARE(market.dailyBars(0).last().candle.close, todaysClose);
        // Overnight to 08:45: rolled over, accepting orders, not trading yet.
        market.advanceTo(Krx::fromKst(QDate(2025, 3, 11), QTime(8, 45)));
        QCOMPARE(market.currentDate(), QDate(2025, 3, 11));
        QCOMPARE(market.phase(), SimPhase::PreOpen);
        QVERIFY(market.acceptsOrders());
        QCOMPARE(market.quote(0).basePrice, todaysClose);
        QCOMPARE(market.quote(0).volume, qint64(0));
        market.advanceTo(Krx::fromKst(QDate(2025, 3, 11), QTime(9, 30)));
        QCOMPARE(market.phase(), SimPhase::Continuous);
        QVERIFY(market.quote(0).volume > 0);
    }

    // Following the session hours, a special day runs on its own timetable (Krx::schedule()): the
    // market rolls over, takes orders from the pre-market start, opens, ends continuous trading and
    // closes at that day's times.
    void followSessionHoursOnSpecialDays_data()
    {
        QTest::addColumn<QDate>("date");
        QTest::addColumn<QTime>("ordersFrom");
        QTest::addColumn<QTime>("open");
        QTest::addColumn<QTime>("continuousEnd");
        QTest::addColumn<QTime>("close");
        QTest::newRow("normal day") << QDate(2025, 3, 11) << QTime(8, 30) << QTime(9, 0) << QTime(15, 20)
                                    << QTime(15, 30);
        QTest::newRow("first trading day of 2026 opens late")
            << QDate(2026, 1, 2) << QTime(9, 30) << QTime(10, 0) << QTime(15, 20) << QTime(15, 30);
        QTest::newRow("CSAT day 2025 shifted by an hour")
            << QDate(2025, 11, 13) << QTime(9, 30) << QTime(10, 0) << QTime(16, 20) << QTime(16, 30);
    }
    void followSessionHoursOnSpecialDays()
    {
        QFETCH(QDate, date);
        QFETCH(QTime, ordersFrom);
        QFETCH(QTime, open);
        QFETCH(QTime, continuousEnd);
        QFETCH(QTime, close);
        const qint64 openMs = Krx::fromKst(date, open);
        const qint64 endMs = Krx::fromKst(date, continuousEnd);
        const qint64 closeMs = Krx::fromKst(date, close);
        QCOMPARE(SimMarket::openMs(date), openMs);
        QCOMPARE(SimMarket::continuousEndMs(date), endMs);
        QCOMPARE(SimMarket::closeMs(date), closeMs);

        SimConfig c = config();
        c.followSessionHours = true;
        c.startTimeMs = Krx::fromKst(Krx::previousTradingDay(date), QTime(20, 0));
        SimMarket market(c);
        QCOMPARE(market.phase(), SimPhase::Closed);
        QList<SimPhase> phases;
        QList<qint64> phaseTimes;
        connect(&market, &SimMarket::phaseChanged, this, [&](SimPhase phase, qint64 atMs) {
            phases.append(phase);
            phaseTimes.append(atMs);
        });

        // No orders before the pre-market start; rolled over (at 08:30) by then.
        market.advanceTo(Krx::fromKst(date, ordersFrom) - 1);
        QVERIFY(!market.acceptsOrders());
        QCOMPARE(market.closedReason(), QStringLiteral("장시작전"));
        market.advanceTo(Krx::fromKst(date, ordersFrom));
        QCOMPARE(market.currentDate(), date);
        QCOMPARE(market.phase(), SimPhase::PreOpen);
        QVERIFY(market.acceptsOrders());
        market.advanceTo(openMs - 1);
        QCOMPARE(market.phase(), SimPhase::PreOpen);
        QCOMPARE(market.quote(0).volume, qint64(0));

        // The opening print at the day's open; ticks only until its continuous end.
        market.advanceTo(openMs);
        QCOMPARE(market.phase(), SimPhase::Continuous);
        QCOMPARE(market.ticksToday(0).first().timeMs, openMs);
        QVERIFY(market.ticksToday(0).first().auction);
        market.advanceTo(endMs - 1);
        QCOMPARE(market.phase(), SimPhase::Continuous);
        QVERIFY(market.acceptsOrders());
        market.advanceTo(endMs);
        QCOMPARE(market.phase(), SimPhase::ClosingAuction);
        QVERIFY(market.acceptsOrders());
        market.advanceTo(closeMs - 1);
        QCOMPARE(market.phase(), SimPhase::ClosingAuction);
        market.advanceTo(closeMs);
        QCOMPARE(market.phase(), SimPhase::Closed);
        QVERIFY(!market.acceptsOrders());
        QCOMPARE(market.closedReason(), QStringLiteral("장종료"));
        QCOMPARE(phases,
            (QList<SimPhase> { SimPhase::PreOpen, SimPhase::Continuous, SimPhase::ClosingAuction, SimPhase::Closed }));
        QCOMPARE(phaseTimes, (QList<qint64> { SimMarket::rollMs(date), openMs, endMs, closeMs }));

        for (int i = 0; i < market.stockCount(); ++i) {
            const QVector<SimTick> &ticks = market.ticksToday(i);
            QCOMPARE(ticks.last().timeMs, closeMs);
            QVERIFY(ticks.last().auction);
            for (int k = 1; k + 1 < ticks.size(); ++k)
                QVERIFY(ticks.at(k).timeMs > openMs && ticks.at(k).timeMs < endMs);
            const QVector<Candle> minutes = market.minuteBars(i, date);
            QCOMPARE(minutes.first().timeMs, openMs);
            QCOMPARE(market.dailyBars(i).last().date, date);
            QCOMPARE(market.dailyBars(i).last().candle.timeMs, openMs);
        }
    }

    // Always open: a start or a resume outside a special day's session goes to that day's open.
    void alwaysOpenUsesTheDaysSession()
    {
        SimConfig c = config();
        const QDate csat(2025, 11, 13);
        c.startTimeMs = Krx::fromKst(csat, QTime(9, 30)); // a normal day's session, not this one's
        QCOMPARE(SimMarket::startTimeFor(c), Krx::fromKst(csat, QTime(10, 0)));
        c.startTimeMs = Krx::fromKst(csat, QTime(16, 0)); // after a normal close, before this one
        QCOMPARE(SimMarket::startTimeFor(c), c.startTimeMs);
        QCOMPARE(SimMarket::resumeTimeAfter(Krx::fromKst(csat, QTime(16, 0)), false), Krx::fromKst(csat, QTime(16, 0)));
        QCOMPARE(SimMarket::resumeTimeAfter(Krx::fromKst(csat, QTime(16, 30)), false),
            Krx::fromKst(QDate(2025, 11, 14), QTime(9, 0)));
        const QDate first(2026, 1, 2);
        QCOMPARE(
            SimMarket::resumeTimeAfter(Krx::fromKst(first, QTime(9, 30)), false), Krx::fromKst(first, QTime(10, 0)));

        // Stepping through the CSAT day: the clock never rests outside 10:00–16:30.
        c.startTimeMs = Krx::fromKst(csat.addDays(-1), QTime(15, 0));
        SimMarket market(c);
        market.advance(30LL * 60 * 1000); // through the previous close into the CSAT day's open
        QCOMPARE(market.currentDate(), csat);
        QCOMPARE(market.nowMs(), Krx::fromKst(csat, QTime(10, 0)));
        market.advance(6LL * 3600 * 1000 + 29LL * 60 * 1000);
        QCOMPARE(market.nowMs(), Krx::fromKst(csat, QTime(16, 29)));
        QCOMPARE(market.phase(), SimPhase::ClosingAuction);
        market.advance(2LL * 60 * 1000);
        QCOMPARE(market.currentDate(), QDate(2025, 11, 14));
        QCOMPARE(market.nowMs(), Krx::fromKst(QDate(2025, 11, 14), QTime(9, 1)));
    }

    void takingLiquidityDepletesTheBook()
    {
        SimMarket market(config());
        const int i = market.indexOf(QStringLiteral("005930"));
        const SimBook before = market.book(i);
        QVERIFY(before.asks[0].price > before.bids[0].price);
        const qint64 want = before.asks[0].qty + 1;
        const QVector<SimMarket::Fill> fills = market.takeLiquidity(i, true, 0, want);
        QCOMPARE(fills.size(), 2);
        QCOMPARE(fills.at(0).price, before.asks[0].price);
        QCOMPARE(fills.at(0).qty, before.asks[0].qty);
        QCOMPARE(fills.at(1).price, before.asks[1].price);
        QCOMPARE(fills.at(1).qty, qint64(1));
        const SimBook after = market.book(i);
        QCOMPARE(after.asks[0].qty, qint64(0));
        QCOMPARE(after.asks[1].qty, before.asks[1].qty - 1);
        // A limit below the best ask takes nothing.
        QVERIFY(market.takeLiquidity(i, true, before.bids[0].price, 10).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSimMarket)
#include "tst_simmarket.moc"
