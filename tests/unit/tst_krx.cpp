// SPDX-License-Identifier: GPL-3.0-or-later
#include "market/krx.h"

#include <QtTest>

namespace {

// Instruments travel through the data tables as their names, so a failure prints them.
QString kindName(Krx::Instrument kind)
{
    return kind == Krx::Instrument::Etf ? QStringLiteral("etf") : QStringLiteral("stock");
}

Krx::Instrument instrumentFrom(const QString &name)
{
    return name == QLatin1String("etf") ? Krx::Instrument::Etf : Krx::Instrument::Stock;
}

} // namespace

class TestKrx final : public QObject
{
    Q_OBJECT

private slots:
    void tickSize_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<qint64>("price");
        QTest::addColumn<qint64>("tick");
        const QString stock = kindName(Krx::Instrument::Stock);
        const QString etf = kindName(Krx::Instrument::Etf);
        QTest::newRow("stock 1 won") << stock << qint64(1) << qint64(1);
        QTest::newRow("stock just below 2,000") << stock << qint64(1999) << qint64(1);
        QTest::newRow("stock 2,000 band edge") << stock << qint64(2000) << qint64(5);
        QTest::newRow("stock 4,995") << stock << qint64(4995) << qint64(5);
        QTest::newRow("stock 5,000 band edge") << stock << qint64(5000) << qint64(10);
        QTest::newRow("stock 19,990") << stock << qint64(19990) << qint64(10);
        QTest::newRow("stock 20,000 band edge") << stock << qint64(20000) << qint64(50);
        QTest::newRow("stock 49,950") << stock << qint64(49950) << qint64(50);
        QTest::newRow("stock 50,000 band edge") << stock << qint64(50000) << qint64(100);
        QTest::newRow("stock 199,900") << stock << qint64(199900) << qint64(100);
        QTest::newRow("stock 200,000 band edge") << stock << qint64(200000) << qint64(500);
        QTest::newRow("stock 499,500") << stock << qint64(499500) << qint64(500);
        QTest::newRow("stock 500,000 band edge") << stock << qint64(500000) << qint64(1000);
        QTest::newRow("stock 1,234,000") << stock << qint64(1234000) << qint64(1000);
        QTest::newRow("etf 1 won") << etf << qint64(1) << qint64(1);
        QTest::newRow("etf 105 won coin ETN") << etf << qint64(105) << qint64(1);
        QTest::newRow("etf just below 2,000") << etf << qint64(1999) << qint64(1);
        QTest::newRow("etf 2,000 band edge") << etf << qint64(2000) << qint64(5);
        QTest::newRow("etf 2,005") << etf << qint64(2005) << qint64(5);
        QTest::newRow("etf 5,000 (stocks go to 10 here)") << etf << qint64(5000) << qint64(5);
        QTest::newRow("etf 45,000 (stocks go to 50 here)") << etf << qint64(45000) << qint64(5);
        QTest::newRow("etf 500,000 (stocks go to 1,000 here)") << etf << qint64(500000) << qint64(5);
    }
    void tickSize()
    {
        QFETCH(QString, kind);
        QFETCH(qint64, price);
        QFETCH(qint64, tick);
        QCOMPARE(Krx::tickSize(price, instrumentFrom(kind)), tick);
    }

    void snapping_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<qint64>("price");
        QTest::addColumn<qint64>("down");
        QTest::addColumn<qint64>("up");
        QTest::addColumn<qint64>("nearest"); // ties go down
        QTest::addColumn<bool>("onTick");
        const QString stock = kindName(Krx::Instrument::Stock);
        const QString etf = kindName(Krx::Instrument::Etf);
        QTest::newRow("stock 78,849 rounds down")
            << stock << qint64(78849) << qint64(78800) << qint64(78900) << qint64(78800) << false;
        QTest::newRow("stock 78,851 rounds up")
            << stock << qint64(78851) << qint64(78800) << qint64(78900) << qint64(78900) << false;
        QTest::newRow("stock 78,850 tie goes down")
            << stock << qint64(78850) << qint64(78800) << qint64(78900) << qint64(78800) << false;
        QTest::newRow("stock 19,995 snaps up onto the 20,000 edge")
            << stock << qint64(19995) << qint64(19990) << qint64(20000) << qint64(19990) << false;
        QTest::newRow("stock 20,049 just above the 20,000 edge")
            << stock << qint64(20049) << qint64(20000) << qint64(20050) << qint64(20050) << false;
        QTest::newRow("stock 70,100 on tick")
            << stock << qint64(70100) << qint64(70100) << qint64(70100) << qint64(70100) << true;
        QTest::newRow("stock 1,999 on the 1-won band")
            << stock << qint64(1999) << qint64(1999) << qint64(1999) << qint64(1999) << true;
        QTest::newRow("stock 5,003 on the 10-won band")
            << stock << qint64(5003) << qint64(5000) << qint64(5010) << qint64(5000) << false;
        QTest::newRow("etf 1,999 on tick below the 2,000 edge")
            << etf << qint64(1999) << qint64(1999) << qint64(1999) << qint64(1999) << true;
        QTest::newRow("etf 1,234 on tick (1-won band)")
            << etf << qint64(1234) << qint64(1234) << qint64(1234) << qint64(1234) << true;
        QTest::newRow("etf 2,000 on the band edge")
            << etf << qint64(2000) << qint64(2000) << qint64(2000) << qint64(2000) << true;
        QTest::newRow("etf 2,002 just above the edge rounds down")
            << etf << qint64(2002) << qint64(2000) << qint64(2005) << qint64(2000) << false;
        QTest::newRow("etf 2,003 just above the edge rounds up")
            << etf << qint64(2003) << qint64(2000) << qint64(2005) << qint64(2005) << false;
        QTest::newRow("etf 5,003 stays on the 5-won tick")
            << etf << qint64(5003) << qint64(5000) << qint64(5005) << qint64(5005) << false;
        QTest::newRow("etf 45,012 stays on the 5-won tick")
            << etf << qint64(45012) << qint64(45010) << qint64(45015) << qint64(45010) << false;
    }
    void snapping()
    {
        QFETCH(QString, kind);
        QFETCH(qint64, price);
        QFETCH(qint64, down);
        QFETCH(qint64, up);
        QFETCH(qint64, nearest);
        QFETCH(bool, onTick);
        const Krx::Instrument k = instrumentFrom(kind);
        QCOMPARE(Krx::snapDown(price, k), down);
        QCOMPARE(Krx::snapUp(price, k), up);
        QCOMPARE(Krx::snapNearest(price, k), nearest);
        QCOMPARE(Krx::isOnTick(price, k), onTick);
        QVERIFY(Krx::isOnTick(down, k) && Krx::isOnTick(up, k) && Krx::isOnTick(nearest, k));
        QVERIFY(!Krx::isOnTick(0, k));
    }

    void addTicks_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<qint64>("price");
        QTest::addColumn<int>("ticks");
        QTest::addColumn<qint64>("expected");
        const QString stock = kindName(Krx::Instrument::Stock);
        const QString etf = kindName(Krx::Instrument::Etf);
        QTest::newRow("stock 1,999 up one onto the edge") << stock << qint64(1999) << 1 << qint64(2000);
        QTest::newRow("stock 2,000 up one") << stock << qint64(2000) << 1 << qint64(2005);
        QTest::newRow("stock 2,000 down one crosses the edge") << stock << qint64(2000) << -1 << qint64(1999);
        QTest::newRow("stock 50,000 down one crosses the edge") << stock << qint64(50000) << -1 << qint64(49950);
        QTest::newRow("stock 49,950 up one onto the edge") << stock << qint64(49950) << 1 << qint64(50000);
        QTest::newRow("stock 70,000 up three") << stock << qint64(70000) << 3 << qint64(70300);
        QTest::newRow("stock 1 down five stops at 1") << stock << qint64(1) << -5 << qint64(1);
        QTest::newRow("etf 1,998 up one") << etf << qint64(1998) << 1 << qint64(1999);
        QTest::newRow("etf 1,999 up one onto the edge") << etf << qint64(1999) << 1 << qint64(2000);
        QTest::newRow("etf 1,998 up three crosses the edge") << etf << qint64(1998) << 3 << qint64(2005);
        QTest::newRow("etf 2,000 up one") << etf << qint64(2000) << 1 << qint64(2005);
        QTest::newRow("etf 2,000 down one crosses the edge") << etf << qint64(2000) << -1 << qint64(1999);
        QTest::newRow("etf 2,010 down three crosses the edge") << etf << qint64(2010) << -3 << qint64(1999);
        QTest::newRow("etf 5,000 up one stays on 5 won") << etf << qint64(5000) << 1 << qint64(5005);
        QTest::newRow("etf 50,000 down one stays on 5 won") << etf << qint64(50000) << -1 << qint64(49995);
        QTest::newRow("etf 1 down five stops at 1") << etf << qint64(1) << -5 << qint64(1);
    }
    void addTicks()
    {
        QFETCH(QString, kind);
        QFETCH(qint64, price);
        QFETCH(int, ticks);
        QFETCH(qint64, expected);
        QCOMPARE(Krx::addTicks(price, ticks, instrumentFrom(kind)), expected);
    }

    void priceLimits_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<qint64>("base");
        QTest::addColumn<qint64>("upper");
        QTest::addColumn<qint64>("lower");
        const QString stock = kindName(Krx::Instrument::Stock);
        const QString etf = kindName(Krx::Instrument::Etf);
        QTest::newRow("stock 10,000") << stock << qint64(10000) << qint64(13000) << qint64(7000);
        QTest::newRow("stock 70,100") << stock << qint64(70100) << qint64(91100) << qint64(49100);
        QTest::newRow("stock 1,000") << stock << qint64(1000) << qint64(1300) << qint64(700);
        QTest::newRow("stock 16,550") << stock << qint64(16550) << qint64(21500) << qint64(11590);
        // width 597 on the 1-won tick of the base; 2,587 snaps down to 2,585, 1,393 is on tick.
        QTest::newRow("etf 1,990 (limits across the 2,000 edge)")
            << etf << qint64(1990) << qint64(2585) << qint64(1393);
        QTest::newRow("etf 1,000") << etf << qint64(1000) << qint64(1300) << qint64(700);
        QTest::newRow("etf 10,005") << etf << qint64(10005) << qint64(13005) << qint64(7005);
    }
    void priceLimits()
    {
        QFETCH(QString, kind);
        QFETCH(qint64, base);
        QFETCH(qint64, upper);
        QFETCH(qint64, lower);
        const Krx::Instrument k = instrumentFrom(kind);
        const auto limits = Krx::priceLimits(base, 30.0, k);
        QCOMPARE(limits.upper, upper);
        QCOMPARE(limits.lower, lower);
        QVERIFY(Krx::isOnTick(limits.upper, k));
        QVERIFY(Krx::isOnTick(limits.lower, k));
        QVERIFY(limits.upper <= base * 13 / 10);
        QVERIFY(limits.lower >= base * 7 / 10);
    }

    void sessions()
    {
        const QDate friday(2026, 11, 27);
        QCOMPARE(Krx::sessionAt(Krx::fromKst(friday, QTime(8, 29))), Krx::Session::Closed);
        QCOMPARE(Krx::sessionAt(Krx::fromKst(friday, QTime(8, 35))), Krx::Session::PreMarketOffHours);
        QCOMPARE(Krx::sessionAt(Krx::fromKst(friday, QTime(8, 50))), Krx::Session::OpeningAuction);
        QCOMPARE(Krx::sessionAt(Krx::fromKst(friday, QTime(9, 0))), Krx::Session::Continuous);
        QCOMPARE(Krx::sessionAt(Krx::fromKst(friday, QTime(15, 19, 59))), Krx::Session::Continuous);
        QCOMPARE(Krx::sessionAt(Krx::fromKst(friday, QTime(15, 25))), Krx::Session::ClosingAuction);
        QCOMPARE(Krx::sessionAt(Krx::fromKst(friday, QTime(15, 35))), Krx::Session::PostCloseBreak);
        QCOMPARE(Krx::sessionAt(Krx::fromKst(friday, QTime(15, 45))), Krx::Session::AfterHoursClose);
        QCOMPARE(Krx::sessionAt(Krx::fromKst(friday, QTime(17, 0))), Krx::Session::AfterHoursSingle);
        QCOMPARE(Krx::sessionAt(Krx::fromKst(friday, QTime(18, 0))), Krx::Session::Closed);
        QVERIFY(Krx::acceptsRegularOrders(Krx::fromKst(friday, QTime(10, 0))));
        QVERIFY(!Krx::acceptsRegularOrders(Krx::fromKst(friday, QTime(16, 30))));
        // Saturday and a holiday (2026-12-25) are closed all day.
        QCOMPARE(Krx::sessionAt(Krx::fromKst(QDate(2026, 11, 28), QTime(10, 0))), Krx::Session::Closed);
        QCOMPARE(Krx::sessionAt(Krx::fromKst(QDate(2026, 12, 25), QTime(10, 0))), Krx::Session::Closed);
    }

    void tradingDateIsSeoulDate()
    {
        // 2026-11-27 15:30 UTC is already 2026-11-28 00:30 in Seoul.
        const qint64 utc = QDateTime(QDate(2026, 11, 27), QTime(15, 30), Qt::UTC).toMSecsSinceEpoch();
        QCOMPARE(Krx::tradingDateString(utc), QStringLiteral("2026-11-28"));
        QCOMPARE(Krx::toKst(utc).time(), QTime(0, 30));
    }

    void calendar()
    {
        QVERIFY(Krx::isTradingDay(QDate(2026, 11, 27)));
        QVERIFY(!Krx::isTradingDay(QDate(2026, 11, 29)));
        QVERIFY(!Krx::isTradingDay(QDate(2026, 12, 31)));
        QCOMPARE(Krx::nextTradingDay(QDate(2026, 12, 24)), QDate(2026, 12, 28));
        QCOMPARE(Krx::previousTradingDay(QDate(2027, 1, 4)), QDate(2026, 12, 30));
        const QDate extra(2026, 12, 1);
        QVERIFY(Krx::isTradingDay(extra));
        Krx::addHoliday(extra);
        QVERIFY(!Krx::isTradingDay(extra));
    }
};

QTEST_GUILESS_MAIN(TestKrx)
#include "tst_krx.moc"
