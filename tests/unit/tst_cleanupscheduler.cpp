// SPDX-License-Identifier: GPL-3.0-or-later
// CleanupScheduler: the day rolls at the Asia/Seoul date change (00:00 KST = 15:00 UTC), not at UTC
// midnight; yesterday's PENDING signals expire, dayRolled fires once, the database is backed up and
// the audit log pruned by the retention setting; the first check after start-up catches up without
// rolling; a failing step is logged and the others still run.
#include "common/clock.h"
#include "common/settings.h"
#include "market/krx.h"
#include "services/cleanupscheduler.h"
#include "storage/database.h"
#include "storage/signalrepository.h"
#include "storagefixture.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 DAY_MS = 24LL * 3600 * 1000;

qint64 kst(const QDate &date, int h, int m, int s = 0)
{
    return Krx::fromKst(date, QTime(h, m, s));
}

const QDate MON(2025, 3, 10), TUE(2025, 3, 11);

} // namespace

class TestCleanupScheduler final : public QObject
{
    Q_OBJECT

private:
    ManualClock m_clock { kst(MON, 23, 58) };
    QTemporaryDir m_dir;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<CleanupScheduler> m_cleanup;
    QStringList m_backups;
    QList<qint64> m_prunes;
    bool m_backupFails = false;

    qint64 pending(const QString &code, qint64 at)
    {
        Storage::PendingBuySignalRecord r;
        r.stockCode = code;
        r.signalType = u"reference_candle"_s;
        r.source = u"manual:%1"_s.arg(code);
        r.detectedAtMs = at;
        return SignalRepository(*m_db).insertPendingBuy(r, u"test"_s).value().id;
    }
    Storage::SignalStatus status(qint64 id) const { return SignalRepository(*m_db).findPendingBuy(id).value()->status; }

private slots:
    void init()
    {
        m_clock.setNowMs(kst(MON, 23, 58));
        m_backups.clear();
        m_prunes.clear();
        m_backupFails = false;
        m_settings
            = std::make_unique<Settings>(m_dir.filePath(u"kt-%1.ini"_s.arg(QDateTime::currentMSecsSinceEpoch())));
        m_db = StorageTest::openMemory(m_clock);
        QVERIFY(m_db);
        CleanupScheduler::Maintenance maintenance;
        maintenance.backup = [this](const QString &date) -> Status {
            m_backups << date;
            if (m_backupFails)
                return Error { u"storage.io"_s, u"disk full"_s };
            return {};
        };
        maintenance.pruneAudit = [this](qint64 beforeMs) -> Result<int> {
            m_prunes << beforeMs;
            return 3;
        };
        m_cleanup = std::make_unique<CleanupScheduler>(*m_db, *m_settings, m_clock, maintenance);
    }
    void cleanup()
    {
        m_cleanup.reset();
        m_db.reset();
        m_settings.reset();
    }

    void theDayRollsAtKstMidnight()
    {
        const qint64 sunday = pending(u"000001"_s, kst(MON.addDays(-1), 14, 0)); // left over from before
        const qint64 monday = pending(u"000002"_s, kst(MON, 10, 0));
        QSignalSpy rolled(m_cleanup.get(), &CleanupScheduler::dayRolled);
        QSignalSpy finished(m_cleanup.get(), &CleanupScheduler::cleanupFinished);

        // Start-up at 23:58 KST: a catch-up, no roll.
        m_cleanup->runOnce();
        QCOMPARE(m_cleanup->currentDate(), u"2025-03-10"_s);
        QCOMPARE(rolled.size(), 0);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(status(sunday), Storage::SignalStatus::Expired);
        QCOMPARE(status(monday), Storage::SignalStatus::Pending);
        QCOMPARE(m_backups, QStringList { u"2025-03-10"_s });
        QCOMPARE(m_prunes, QList<qint64> { m_clock.nowMs() - 365 * DAY_MS });

        // Every minute until midnight: nothing.
        for (int i = 0; i < 2; ++i) {
            m_clock.advanceMs(60'000);
            m_cleanup->runOnce();
        }
        QCOMPARE(Krx::toKst(m_clock.nowMs()).time(), QTime(0, 0));
        QCOMPARE(rolled.size(), 1); // 00:00:00 KST is the new day
        QCOMPARE(rolled.first().first().toString(), u"2025-03-11"_s);
        QCOMPARE(status(monday), Storage::SignalStatus::Expired);
        QCOMPARE(m_backups, (QStringList { u"2025-03-10"_s, u"2025-03-11"_s }));
        QCOMPARE(finished.size(), 2);
        QCOMPARE(finished.last().at(1).toInt(), 1); // expired
        QCOMPARE(finished.last().at(2).toBool(), true); // backed up
        QCOMPARE(finished.last().at(3).toInt(), 3); // pruned

        // UTC midnight (09:00 KST) is just a morning: no roll, no work.
        m_clock.setNowMs(kst(TUE, 8, 59));
        QCOMPARE(m_clock.now().date(), MON); // 23:59 UTC on Monday
        m_cleanup->runOnce();
        m_clock.advanceMs(120'000);
        QCOMPARE(m_clock.now().date(), TUE); // 00:01 UTC: the UTC date changed
        m_cleanup->runOnce();
        QCOMPARE(rolled.size(), 1);
        QCOMPARE(m_backups.size(), 2);
        QCOMPARE(m_cleanup->lastRun()->summary, u"2025-03-11, nothing to do"_s);
    }

    void aFailingStepIsLoggedAndTheOthersRun()
    {
        m_cleanup->runOnce();
        m_backupFails = true;
        QSignalSpy rolled(m_cleanup.get(), &CleanupScheduler::dayRolled);
        QSignalSpy finished(m_cleanup.get(), &CleanupScheduler::cleanupFinished);
        m_clock.setNowMs(kst(TUE, 0, 0, 30));
        m_cleanup->runOnce();
        QCOMPARE(rolled.size(), 1);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(2).toBool(), false);
        QCOMPARE(finished.first().at(3).toInt(), 3); // pruning still ran
        QCOMPARE(finished.first().at(4).toInt(), 1);
        QVERIFY(!m_cleanup->lastRun()->ok);
        // The next day works again.
        m_backupFails = false;
        m_clock.setNowMs(kst(TUE.addDays(1), 0, 0, 30));
        m_cleanup->runOnce();
        QVERIFY(m_cleanup->lastRun()->ok);
    }

    void settingsTurnBackupAndPruningOff()
    {
        QVERIFY(m_settings->setValue(u"maintenance/backupEnabled"_s, false).ok());
        QVERIFY(m_settings->setValue(u"maintenance/auditRetentionDays"_s, 0).ok());
        m_cleanup->runOnce();
        QVERIFY(m_backups.isEmpty());
        QVERIFY(m_prunes.isEmpty());
        QVERIFY(m_settings->setValue(u"maintenance/auditRetentionDays"_s, 30).ok());
        m_clock.setNowMs(kst(TUE, 0, 1));
        m_cleanup->runOnce();
        QCOMPARE(m_prunes, QList<qint64> { m_clock.nowMs() - 30 * DAY_MS });
    }

    void aClockGoingBackIsNotANewDay()
    {
        m_clock.setNowMs(kst(TUE, 10, 0));
        m_cleanup->runOnce();
        QSignalSpy rolled(m_cleanup.get(), &CleanupScheduler::dayRolled);
        m_clock.setNowMs(kst(MON, 10, 0));
        m_cleanup->runOnce();
        QCOMPARE(rolled.size(), 0);
        QCOMPARE(m_cleanup->currentDate(), u"2025-03-11"_s);
        QCOMPARE(m_cleanup->period(), std::chrono::milliseconds(60'000));
    }
};

QTEST_GUILESS_MAIN(TestCleanupScheduler)
#include "tst_cleanupscheduler.moc"
