// SPDX-License-Identifier: GPL-3.0-or-later
#include "market/krx.h"

#include <QtTest>

class TestKrx final : public QObject
{
    Q_OBJECT

private slots:
    void tickSize_data()
    {
        QTest::addColumn<qint64>("price");
        QTest::addColumn<qint64>("tick");
        QTest::newRow("1 won") << qint64(1) << qint64(1);
        QTest::newRow("just below 2,000") << qint64(1999) << qint64(1);
        QTest::newRow("2,000 band edge") << qint64(2000) << qint64(5);
        QTest::newRow("4,995") << qint64(4995) << qint64(5);
        QTest::newRow("5,000 band edge") << qint64(5000) << qint64(10);
        QTest::newRow("19,990") << qint64(19990) << qint64(10);
        QTest::newRow("20,000 band edge") << qint64(20000) << qint64(50);
        QTest::newRow("49,950") << qint64(49950) << qint64(50);
        QTest::newRow("50,000 band edge") << qint64(50000) << qint64(100);
        QTest::newRow("199,900") << qint64(199900) << qint64(100);
        QTest::newRow("200,000 band edge") << qint64(200000) << qint64(500);
        QTest::newRow("499,500") << qint64(499500) << qint64(500);
        QTest::newRow("500,000 band edge") << qint64(500000) << qint64(1000);
        QTest::newRow("1,234,000") << qint64(1234000) << qint64(1000);
    }
    void tickSize()
    {
        QFETCH(qint64, price);
        QFETCH(qint64, tick);
        QCOMPARE(Krx::tickSize(price), tick);
        QCOMPARE(Krx::tickSize(price, Krx::Instrument::Etf), qint64(5));
    }

    void snapping()
    {
        QCOMPARE(Krx::snapDown(78849), qint64(78800));
        QCOMPARE(Krx::snapUp(78801), qint64(78900));
        QCOMPARE(Krx::snapNearest(78849), qint64(78800));
        QCOMPARE(Krx::snapNearest(78851), qint64(78900));
        QCOMPARE(Krx::snapNearest(78850), qint64(78800)); // ties go down
        QCOMPARE(Krx::snapUp(19995), qint64(20000));
        QCOMPARE(Krx::snapDown(20049), qint64(20000));
        QVERIFY(Krx::isOnTick(70100));
        QVERIFY(!Krx::isOnTick(70150));
        QVERIFY(!Krx::isOnTick(0));
    }

    void addTicksCrossesBands()
    {
        QCOMPARE(Krx::addTicks(1999, 1), qint64(2000));
        QCOMPARE(Krx::addTicks(2000, 1), qint64(2005));
        QCOMPARE(Krx::addTicks(2000, -1), qint64(1999));
        QCOMPARE(Krx::addTicks(50000, -1), qint64(49950));
        QCOMPARE(Krx::addTicks(49950, 1), qint64(50000));
        QCOMPARE(Krx::addTicks(70000, 3), qint64(70300));
        QCOMPARE(Krx::addTicks(1, -5), qint64(1));
    }

    void priceLimits_data()
    {
        QTest::addColumn<qint64>("base");
        QTest::addColumn<qint64>("upper");
        QTest::addColumn<qint64>("lower");
        QTest::newRow("10,000") << qint64(10000) << qint64(13000) << qint64(7000);
        QTest::newRow("70,100") << qint64(70100) << qint64(91100) << qint64(49100);
        QTest::newRow("1,000") << qint64(1000) << qint64(1300) << qint64(700);
        QTest::newRow("16,550") << qint64(16550) << qint64(21500) << qint64(11590);
    }
    void priceLimits()
    {
        QFETCH(qint64, base);
        QFETCH(qint64, upper);
        QFETCH(qint64, lower);
        const auto limits = Krx::priceLimits(base);
        QCOMPARE(limits.upper, upper);
        QCOMPARE(limits.lower, lower);
        QVERIFY(Krx::isOnTick(limits.upper));
        QVERIFY(Krx::isOnTick(limits.lower));
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
