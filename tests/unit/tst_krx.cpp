// SPDX-License-Identifier: GPL-3.0-or-later
#include "market/krx.h"

#include <QtTest>

namespace {

// Instruments and sessions travel through the data tables as their names, so a failure prints them.
QString kindName(Krx::Instrument kind)
{
    return kind == Krx::Instrument::Etf ? QStringLiteral("etf") : QStringLiteral("stock");
}

Krx::Instrument instrumentFrom(const QString &name)
{
    return name == QLatin1String("etf") ? Krx::Instrument::Etf : Krx::Instrument::Stock;
}

const QDate NORMAL_DAY(2026, 11, 27); // a Friday
const QDate FIRST_DAY_2026(2026, 1, 2); // a Friday after the 1 January holiday
const QDate FIRST_DAY_2027(2027, 1, 4); // a Monday after the 1 January holiday (a Friday) and the weekend
const QDate CSAT_2025(2025, 11, 13);
const QDate CSAT_2026(2026, 11, 19);
const QDate CSAT_2027(2027, 11, 18);

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

    // One row per instant: the session, whether regular orders are accepted, on a normal day, the
    // first trading day of a year (late open) and CSAT days, plus a weekend and a holiday.
    void sessions_data()
    {
        QTest::addColumn<QDate>("date");
        QTest::addColumn<QTime>("time");
        QTest::addColumn<QString>("session");
        QTest::addColumn<bool>("acceptsOrders");
        auto row = [](const char *name, const QDate &date, const QTime &time, Krx::Session session, bool accepts) {
            QTest::newRow(name) << date << time << Krx::sessionName(session) << accepts;
        };
        using S = Krx::Session;
        row("normal day 08:29 before the pre-market", NORMAL_DAY, QTime(8, 29), S::Closed, false);
        row("normal day 08:30 pre-market off-hours", NORMAL_DAY, QTime(8, 30), S::PreMarketOffHours, true);
        row("normal day 08:50 opening auction", NORMAL_DAY, QTime(8, 50), S::OpeningAuction, true);
        row("normal day 09:00 continuous starts", NORMAL_DAY, QTime(9, 0), S::Continuous, true);
        row("normal day 15:19:59 last second of continuous", NORMAL_DAY, QTime(15, 19, 59), S::Continuous, true);
        row("normal day 15:20 closing auction", NORMAL_DAY, QTime(15, 20), S::ClosingAuction, true);
        row("normal day 15:30 post-close break", NORMAL_DAY, QTime(15, 30), S::PostCloseBreak, false);
        row("normal day 15:45 after-hours close", NORMAL_DAY, QTime(15, 45), S::AfterHoursClose, false);
        row("normal day 17:00 after-hours single price", NORMAL_DAY, QTime(17, 0), S::AfterHoursSingle, false);
        row("normal day 18:00 closed", NORMAL_DAY, QTime(18, 0), S::Closed, false);

        row("first trading day 08:30 not open yet", FIRST_DAY_2026, QTime(8, 30), S::Closed, false);
        row("first trading day 09:00 not open yet", FIRST_DAY_2026, QTime(9, 0), S::Closed, false);
        row("first trading day 09:29:59 not open yet", FIRST_DAY_2026, QTime(9, 29, 59), S::Closed, false);
        row("first trading day 09:30 pre-market off-hours", FIRST_DAY_2026, QTime(9, 30), S::PreMarketOffHours, true);
        row("first trading day 09:45 opening auction", FIRST_DAY_2026, QTime(9, 45), S::OpeningAuction, true);
        row("first trading day 09:59:59 opening auction", FIRST_DAY_2026, QTime(9, 59, 59), S::OpeningAuction, true);
        row("first trading day 10:00 continuous starts", FIRST_DAY_2026, QTime(10, 0), S::Continuous, true);
        row("first trading day 15:20 closing auction as usual", FIRST_DAY_2026, QTime(15, 20), S::ClosingAuction, true);
        row("first trading day 15:30 closes as usual", FIRST_DAY_2026, QTime(15, 30), S::PostCloseBreak, false);
        row("first trading day 15:40 after-hours close as usual", FIRST_DAY_2026, QTime(15, 40), S::AfterHoursClose,
            false);
        row("first trading day 16:00 single price as usual", FIRST_DAY_2026, QTime(16, 0), S::AfterHoursSingle, false);
        row("first trading day 18:00 closed", FIRST_DAY_2026, QTime(18, 0), S::Closed, false);
        row("first trading day of 2027 (a Monday) 09:00 not open yet", FIRST_DAY_2027, QTime(9, 0), S::Closed, false);
        row("first trading day of 2027 (a Monday) 10:00 continuous", FIRST_DAY_2027, QTime(10, 0), S::Continuous, true);
        row("second trading day of 2027 09:00 continuous", QDate(2027, 1, 5), QTime(9, 0), S::Continuous, true);

        row("CSAT day 08:30 not open yet", CSAT_2025, QTime(8, 30), S::Closed, false);
        row("CSAT day 09:00 not open yet", CSAT_2025, QTime(9, 0), S::Closed, false);
        row("CSAT day 09:30 pre-market off-hours", CSAT_2025, QTime(9, 30), S::PreMarketOffHours, true);
        row("CSAT day 09:50 opening auction", CSAT_2025, QTime(9, 50), S::OpeningAuction, true);
        row("CSAT day 10:00 continuous starts", CSAT_2025, QTime(10, 0), S::Continuous, true);
        row("CSAT day 15:30 still continuous", CSAT_2025, QTime(15, 30), S::Continuous, true);
        row("CSAT day 16:19:59 last second of continuous", CSAT_2025, QTime(16, 19, 59), S::Continuous, true);
        row("CSAT day 16:20 closing auction", CSAT_2025, QTime(16, 20), S::ClosingAuction, true);
        row("CSAT day 16:30 post-close break", CSAT_2025, QTime(16, 30), S::PostCloseBreak, false);
        row("CSAT day 16:40 after-hours close", CSAT_2025, QTime(16, 40), S::AfterHoursClose, false);
        row("CSAT day 17:00 after-hours single price", CSAT_2025, QTime(17, 0), S::AfterHoursSingle, false);
        row("CSAT day 17:59 single price", CSAT_2025, QTime(17, 59), S::AfterHoursSingle, false);
        row("CSAT day 18:00 closed as usual", CSAT_2025, QTime(18, 0), S::Closed, false);
        row("CSAT day 2026 15:25 still continuous", CSAT_2026, QTime(15, 25), S::Continuous, true);
        row("CSAT day 2027 16:25 closing auction", CSAT_2027, QTime(16, 25), S::ClosingAuction, true);
        row("the day before a CSAT day 09:00 continuous", CSAT_2026.addDays(-1), QTime(9, 0), S::Continuous, true);

        row("Saturday 10:00 closed", QDate(2026, 11, 28), QTime(10, 0), S::Closed, false);
        row("holiday (Christmas) 10:00 closed", QDate(2026, 12, 25), QTime(10, 0), S::Closed, false);
        row("year-end closing day 10:00 closed", QDate(2026, 12, 31), QTime(10, 0), S::Closed, false);
    }
    void sessions()
    {
        QFETCH(QDate, date);
        QFETCH(QTime, time);
        QFETCH(QString, session);
        QFETCH(bool, acceptsOrders);
        const qint64 at = Krx::fromKst(date, time);
        QCOMPARE(Krx::sessionName(Krx::sessionAt(at)), session);
        QCOMPARE(Krx::acceptsRegularOrders(at), acceptsOrders);
        QCOMPARE(Krx::isContinuous(at), session == Krx::sessionName(Krx::Session::Continuous));
    }

    // The wall-clock rule is a normal day's, whatever the date.
    void wallClockSessionIsTheNormalDay_data()
    {
        QTest::addColumn<QTime>("time");
        QTest::addColumn<QString>("session");
        QTest::newRow("08:29 closed") << QTime(8, 29) << Krx::sessionName(Krx::Session::Closed);
        QTest::newRow("08:30 pre-market") << QTime(8, 30) << Krx::sessionName(Krx::Session::PreMarketOffHours);
        QTest::newRow("09:30 continuous") << QTime(9, 30) << Krx::sessionName(Krx::Session::Continuous);
        QTest::newRow("15:25 closing auction") << QTime(15, 25) << Krx::sessionName(Krx::Session::ClosingAuction);
        QTest::newRow("16:25 single price") << QTime(16, 25) << Krx::sessionName(Krx::Session::AfterHoursSingle);
        QTest::newRow("18:00 closed") << QTime(18, 0) << Krx::sessionName(Krx::Session::Closed);
    }
    void wallClockSessionIsTheNormalDay()
    {
        QFETCH(QTime, time);
        QFETCH(QString, session);
        QCOMPARE(Krx::sessionName(Krx::sessionAt(time)), session);
    }

    // One row per date: its kind and the times the risk guard and the simulator use.
    void schedules_data()
    {
        QTest::addColumn<QDate>("date");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QTime>("preMarketStart");
        QTest::addColumn<QTime>("open");
        QTest::addColumn<QTime>("continuousEnd");
        QTest::addColumn<QTime>("close");
        QTest::addColumn<QTime>("afterHoursCloseStart");
        QTest::addColumn<QTime>("afterHoursSingleStart");
        QTest::addColumn<QTime>("afterHoursEnd");
        auto row = [](const char *name, const QDate &date, Krx::DayKind kind, QList<QTime> times) {
            while (times.size() < 7)
                times.append(QTime());
            QTest::newRow(name) << date << Krx::dayKindName(kind) << times.at(0) << times.at(1) << times.at(2)
                                << times.at(3) << times.at(4) << times.at(5) << times.at(6);
        };
        using K = Krx::DayKind;
        const QList<QTime> normal { QTime(8, 30), QTime(9, 0), QTime(15, 20), QTime(15, 30), QTime(15, 40),
            QTime(16, 0), QTime(18, 0) };
        const QList<QTime> lateOpen { QTime(9, 30), QTime(10, 0), QTime(15, 20), QTime(15, 30), QTime(15, 40),
            QTime(16, 0), QTime(18, 0) };
        const QList<QTime> csat { QTime(9, 30), QTime(10, 0), QTime(16, 20), QTime(16, 30), QTime(16, 40), QTime(17, 0),
            QTime(18, 0) };
        row("normal day", NORMAL_DAY, K::Normal, normal);
        row("first trading day 2025 (2 January)", QDate(2025, 1, 2), K::LateOpen, lateOpen);
        row("first trading day 2026 (2 January)", FIRST_DAY_2026, K::LateOpen, lateOpen);
        row("first trading day 2027 (4 January, after the holiday and the weekend)", FIRST_DAY_2027, K::LateOpen,
            lateOpen);
        row("second trading day 2025", QDate(2025, 1, 3), K::Normal, normal);
        row("second trading day 2027", QDate(2027, 1, 5), K::Normal, normal);
        row("CSAT day 2025", CSAT_2025, K::Csat, csat);
        row("CSAT day 2026", CSAT_2026, K::Csat, csat);
        row("CSAT day 2027", CSAT_2027, K::Csat, csat);
        row("the day after a CSAT day", CSAT_2025.addDays(1), K::Normal, normal);
        row("Saturday", QDate(2026, 11, 28), K::Closed, {});
        row("new year's day", QDate(2026, 1, 1), K::Closed, {});
        row("year-end closing day", QDate(2026, 12, 31), K::Closed, {});
        row("invalid date", QDate(), K::Closed, {});
    }
    void schedules()
    {
        QFETCH(QDate, date);
        QFETCH(QString, kind);
        QFETCH(QTime, preMarketStart);
        QFETCH(QTime, open);
        QFETCH(QTime, continuousEnd);
        QFETCH(QTime, close);
        QFETCH(QTime, afterHoursCloseStart);
        QFETCH(QTime, afterHoursSingleStart);
        QFETCH(QTime, afterHoursEnd);
        const Krx::DaySchedule s = Krx::schedule(date);
        QCOMPARE(s.date, date);
        QCOMPARE(Krx::dayKindName(s.kind), kind);
        QCOMPARE(Krx::dayKindName(Krx::dayKind(date)), kind);
        QCOMPARE(s.isTradingDay(), Krx::isTradingDay(date));
        QCOMPARE(s.preMarketStart, preMarketStart);
        QCOMPARE(s.preMarketEnd, preMarketStart.isValid() ? preMarketStart.addSecs(600) : QTime());
        QCOMPARE(s.continuousStart, open);
        QCOMPARE(s.continuousEnd, continuousEnd);
        QCOMPARE(s.close, close);
        QCOMPARE(s.afterHoursCloseStart, afterHoursCloseStart);
        QCOMPARE(s.afterHoursSingleStart, afterHoursSingleStart);
        QCOMPARE(s.afterHoursEnd, afterHoursEnd);
        if (s.isTradingDay())
            QCOMPARE(Krx::continuousEnd(date), std::optional<qint64>(Krx::fromKst(date, continuousEnd)));
        else
            QVERIFY(!Krx::continuousEnd(date).has_value());
    }

    void msUntilContinuousEnd_data()
    {
        QTest::addColumn<QDate>("date");
        QTest::addColumn<QTime>("time");
        QTest::addColumn<qint64>("left");
        constexpr qint64 MIN = 60'000;
        QTest::newRow("normal day 15:00, 20 minutes left") << NORMAL_DAY << QTime(15, 0) << 20 * MIN;
        QTest::newRow("normal day 15:19:30, 30 seconds left") << NORMAL_DAY << QTime(15, 19, 30) << qint64(30'000);
        QTest::newRow("normal day 15:20, none left") << NORMAL_DAY << QTime(15, 20) << qint64(0);
        QTest::newRow("normal day 16:00, past the end") << NORMAL_DAY << QTime(16, 0) << qint64(0);
        QTest::newRow("normal day 08:00, before the open") << NORMAL_DAY << QTime(8, 0) << (7 * 60 + 20) * MIN;
        QTest::newRow("first trading day 15:10, 10 minutes left") << FIRST_DAY_2026 << QTime(15, 10) << 10 * MIN;
        QTest::newRow("CSAT day 15:20, an hour left") << CSAT_2025 << QTime(15, 20) << 60 * MIN;
        QTest::newRow("CSAT day 15:30, 50 minutes left") << CSAT_2025 << QTime(15, 30) << 50 * MIN;
        QTest::newRow("CSAT day 16:19:30, 30 seconds left") << CSAT_2025 << QTime(16, 19, 30) << qint64(30'000);
        QTest::newRow("CSAT day 16:20, none left") << CSAT_2025 << QTime(16, 20) << qint64(0);
        QTest::newRow("Saturday, no session") << QDate(2026, 11, 28) << QTime(10, 0) << qint64(0);
        QTest::newRow("holiday, no session") << QDate(2026, 12, 25) << QTime(10, 0) << qint64(0);
    }
    void msUntilContinuousEnd()
    {
        QFETCH(QDate, date);
        QFETCH(QTime, time);
        QFETCH(qint64, left);
        QCOMPARE(Krx::msUntilContinuousEnd(Krx::fromKst(date, time)), left);
    }

    void tradingDateIsSeoulDate()
    {
        // 2026-11-27 15:30 UTC is already 2026-11-28 00:30 in Seoul.
        const qint64 utc = QDateTime(QDate(2026, 11, 27), QTime(15, 30), Qt::UTC).toMSecsSinceEpoch();
        QCOMPARE(Krx::tradingDateString(utc), QStringLiteral("2026-11-28"));
        QCOMPARE(Krx::toKst(utc).time(), QTime(0, 30));
    }

    // The tests below change the process-wide calendar; they use dates no other test reads.
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

    void firstTradingDayFollowsTheCalendar()
    {
        // 2029 is beyond the built-in holidays: 1 January (a Monday) counts as trading until added.
        QCOMPARE(Krx::dayKind(QDate(2029, 1, 1)), Krx::DayKind::LateOpen);
        QCOMPARE(Krx::dayKind(QDate(2029, 1, 2)), Krx::DayKind::Normal);
        Krx::addHoliday(QDate(2029, 1, 1));
        QCOMPARE(Krx::dayKind(QDate(2029, 1, 1)), Krx::DayKind::Closed);
        QCOMPARE(Krx::dayKind(QDate(2029, 1, 2)), Krx::DayKind::LateOpen);
        QCOMPARE(Krx::sessionAt(Krx::fromKst(QDate(2029, 1, 2), QTime(9, 30))), Krx::Session::PreMarketOffHours);
        QCOMPARE(Krx::dayKind(QDate(2029, 1, 3)), Krx::DayKind::Normal);
    }

    void addSpecialDay()
    {
        // A CSAT day not in the built-in list (2028's is not published yet).
        const QDate csat(2028, 11, 16);
        QCOMPARE(Krx::dayKind(csat), Krx::DayKind::Normal);
        QCOMPARE(Krx::sessionAt(Krx::fromKst(csat, QTime(15, 30))), Krx::Session::PostCloseBreak);
        Krx::addSpecialDay(csat, Krx::DayKind::Csat);
        QCOMPARE(Krx::dayKind(csat), Krx::DayKind::Csat);
        QCOMPARE(Krx::sessionAt(Krx::fromKst(csat, QTime(15, 30))), Krx::Session::Continuous);
        QCOMPARE(Krx::continuousEnd(csat), std::optional<qint64>(Krx::fromKst(csat, QTime(16, 20))));

        // A computed first trading day KRX does not hold late is set back to normal.
        const QDate first2028(2028, 1, 3); // 1 January 2028 is a Saturday
        QCOMPARE(Krx::dayKind(first2028), Krx::DayKind::LateOpen);
        Krx::addSpecialDay(first2028, Krx::DayKind::Normal);
        QCOMPARE(Krx::dayKind(first2028), Krx::DayKind::Normal);
        QVERIFY(Krx::isContinuous(Krx::fromKst(first2028, QTime(9, 0))));
        QCOMPARE(Krx::dayKind(first2028.addDays(1)), Krx::DayKind::Normal);

        // Closed is a holiday; a weekend cannot be opened.
        const QDate closed(2028, 6, 1);
        Krx::addSpecialDay(closed, Krx::DayKind::Closed);
        QVERIFY(!Krx::isTradingDay(closed));
        QVERIFY(Krx::holidays().contains(closed));
        const QDate saturday(2028, 6, 3);
        Krx::addSpecialDay(saturday, Krx::DayKind::Csat);
        QCOMPARE(Krx::dayKind(saturday), Krx::DayKind::Closed);
        QCOMPARE(Krx::sessionAt(Krx::fromKst(saturday, QTime(11, 0))), Krx::Session::Closed);
    }
};

QTEST_GUILESS_MAIN(TestKrx)
#include "tst_krx.moc"
