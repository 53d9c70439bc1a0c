// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiwoom/announcedmarketclock.h"

#include "common/clock.h"
#include "market/krx.h"

#include <QtTest>

#include <limits>

namespace {

// 2025-03-09 06:00 KST, a Sunday: the machine's wall clock in the headless example.
const qint64 SUNDAY_0600 = Krx::fromKst(QDate(2025, 3, 9), QTime(6, 0));
// 2025-03-10 10:00 KST, a Monday: the simulator's market.
const qint64 MONDAY_1000 = Krx::fromKst(QDate(2025, 3, 10), QTime(10, 0));

} // namespace

// AnnouncedMarketClock: unset until announced (then the fallback), follows announcements, scales
// real time by the announced speed, stands still when paused, never goes backwards.
class TestAnnouncedMarketClock final : public QObject
{
    Q_OBJECT

private:
    ManualClock m_wall { SUNDAY_0600 };
    qint64 m_realMs = 1'000'000; // the fake monotonic clock

    AnnouncedMarketClock make()
    {
        return AnnouncedMarketClock(m_wall, [this] { return m_realMs; });
    }

private slots:
    void init()
    {
        m_wall.setNowMs(SUNDAY_0600);
        m_realMs = 1'000'000;
    }

    void unsetReadsTheFallback()
    {
        const AnnouncedMarketClock clock = make();
        QVERIFY(!clock.isSet());
        QCOMPARE(clock.nowMs(), SUNDAY_0600);
        QVERIFY(!Krx::isContinuous(clock.nowMs())); // a Sunday: no session
        m_wall.advanceMs(1000);
        QCOMPARE(clock.nowMs(), SUNDAY_0600 + 1000);
        QCOMPARE(clock.announcements(), quint64(0));
        QCOMPARE(clock.speed(), 1.0);
    }

    void followsTheAnnouncedTime()
    {
        AnnouncedMarketClock clock = make();
        clock.announce(MONDAY_1000, 1.0);
        QVERIFY(clock.isSet());
        QCOMPARE(clock.nowMs(), MONDAY_1000);
        QVERIFY(Krx::isContinuous(clock.nowMs())); // the Sunday-morning machine trades
        QCOMPARE(Krx::tradingDateString(clock.nowMs()), QStringLiteral("2025-03-10"));
        m_realMs += 1500;
        QCOMPARE(clock.nowMs(), MONDAY_1000 + 1500);
        m_wall.advanceMs(3'600'000); // the wall clock plays no part any more
        QCOMPARE(clock.nowMs(), MONDAY_1000 + 1500);
        // A later announcement re-bases.
        clock.announce(MONDAY_1000 + 60'000, 1.0);
        QCOMPARE(clock.nowMs(), MONDAY_1000 + 60'000);
        QCOMPARE(clock.announcements(), quint64(2));
    }

    void scalesRealTimeBySpeed()
    {
        AnnouncedMarketClock clock = make();
        clock.announce(MONDAY_1000, 30.0);
        QCOMPARE(clock.speed(), 30.0);
        m_realMs += 1000;
        QCOMPARE(clock.nowMs(), MONDAY_1000 + 30'000);
        m_realMs += 10;
        QCOMPARE(clock.nowMs(), MONDAY_1000 + 30'300);
        clock.announce(MONDAY_1000 + 40'000, 0.5);
        m_realMs += 1000;
        QCOMPARE(clock.nowMs(), MONDAY_1000 + 40'500);
    }

    void pausedMarketStandsStill()
    {
        AnnouncedMarketClock clock = make();
        clock.announce(MONDAY_1000, 0.0);
        m_realMs += 60'000;
        QCOMPARE(clock.nowMs(), MONDAY_1000);
        clock.announce(MONDAY_1000 + 5000, 0.0); // POST /_sim/clock/advance
        m_realMs += 60'000;
        QCOMPARE(clock.nowMs(), MONDAY_1000 + 5000);
    }

    void neverGoesBackwards()
    {
        AnnouncedMarketClock clock = make();
        clock.announce(MONDAY_1000, 10.0);
        m_realMs += 1000;
        QCOMPARE(clock.nowMs(), MONDAY_1000 + 10'000);
        // The simulator fell behind real time (or this reply was stamped before an earlier one
        // arrived): the clock holds where it was...
        clock.announce(MONDAY_1000 + 4000, 10.0);
        QCOMPARE(clock.nowMs(), MONDAY_1000 + 10'000);
        m_realMs += 500; // announced + 5000 < 10000
        QCOMPARE(clock.nowMs(), MONDAY_1000 + 10'000);
        // ...until the announced time passes it, then it moves on from there.
        m_realMs += 700; // announced + 12000
        QCOMPARE(clock.nowMs(), MONDAY_1000 + 16'000);
        // Even without a nowMs() call in between, an announcement cannot pull it back.
        m_realMs += 1000; // would read +26000
        clock.announce(MONDAY_1000 + 1000, 0.0);
        QCOMPARE(clock.nowMs(), MONDAY_1000 + 26'000);
        // A monotonic source that stepped back does not either.
        m_realMs -= 5000;
        QCOMPARE(clock.nowMs(), MONDAY_1000 + 26'000);
    }

    void badAnnouncements()
    {
        AnnouncedMarketClock clock = make();
        clock.announce(0, 1.0);
        clock.announce(-5, 1.0);
        QVERIFY(!clock.isSet());
        QCOMPARE(clock.nowMs(), SUNDAY_0600);
        clock.announce(MONDAY_1000, -2.0);
        QCOMPARE(clock.speed(), 1.0);
        clock.announce(MONDAY_1000, std::numeric_limits<double>::infinity());
        QCOMPARE(clock.speed(), 1.0);
        clock.announce(MONDAY_1000, std::numeric_limits<double>::quiet_NaN());
        QCOMPARE(clock.speed(), 1.0);
        m_realMs += 100;
        QCOMPARE(clock.nowMs(), MONDAY_1000 + 100);
    }

    void defaultSourcesAreRealClocks()
    {
        AnnouncedMarketClock clock;
        QVERIFY(qAbs(clock.nowMs() - QDateTime::currentMSecsSinceEpoch()) < 5000);
        clock.announce(MONDAY_1000, 1000.0);
        QTest::qWait(20);
        QVERIFY(clock.nowMs() >= MONDAY_1000 + 10'000);
    }
};

QTEST_GUILESS_MAIN(TestAnnouncedMarketClock)
#include "tst_announcedmarketclock.moc"
