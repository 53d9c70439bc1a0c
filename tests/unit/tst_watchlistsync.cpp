// SPDX-License-Identifier: GPL-3.0-or-later
// WatchlistSync: condition results become the watchlist (source CONDITION) and the per-condition
// sync rows; stocks a condition drops leave unless another condition or the user keeps them (MANUAL
// is sticky); a disabled condition's stocks leave; watchlistChanged fires when the set changes; a
// failing search leaves that condition as it was and the next run works.
#include "common/clock.h"
#include "common/settings.h"
#include "fakemarketapi.h"
#include "market/krx.h"
#include "services/watchlistsync.h"
#include "storage/conditionrepository.h"
#include "storage/database.h"
#include "storage/watchlistrepository.h"
#include "storagefixture.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using Storage::SyncStatus;
using Storage::WatchlistSource;

namespace {

KiwoomError injected(KiwoomError::Kind kind = KiwoomError::Kind::Transport)
{
    return KiwoomError::make(kind, u"fake"_s, u"injected failure"_s);
}

Kiwoom::ConditionRow row(const QString &code, const QString &name = QString())
{
    Kiwoom::ConditionRow r;
    r.code = code;
    r.name = name.isEmpty() ? u"Stock %1"_s.arg(code) : name;
    return r;
}
const QString A1 = u"111111"_s, SHARED = u"222222"_s, MINE = u"333333"_s;
} // namespace

class TestWatchlistSync final : public QObject
{
    Q_OBJECT

private:
    ManualClock m_clock { Krx::fromKst(QDate(2025, 3, 10), QTime(10, 0)) };
    QTemporaryDir m_dir;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<FakeMarketApi> m_market;
    std::unique_ptr<WatchlistSync> m_sync;
    qint64 m_a = 0, m_b = 0;

    QList<QVariant> run()
    {
        QSignalSpy finished(m_sync.get(), &WatchlistSync::runFinished);
        m_sync->runOnce();
        if (finished.isEmpty() && !finished.wait(5000))
            return {};
        return finished.takeFirst();
    }
    QStringList active() const
    {
        QStringList codes;
        const auto stocks = WatchlistRepository(*m_db).listActive();
        if (!stocks)
            return { stocks.error().message };
        for (const auto &s : *stocks)
            codes << s.stockCode;
        std::sort(codes.begin(), codes.end());
        return codes;
    }
    std::optional<SyncStatus> syncStatus(qint64 condition, const QString &code) const
    {
        const auto entries = ConditionRepository(*m_db).syncEntries(condition);
        if (!entries)
            return std::nullopt;
        for (const auto &e : *entries) {
            if (e.stockCode == code)
                return e.syncStatus;
        }
        return std::nullopt;
    }

private slots:
    void init()
    {
        m_settings = std::make_unique<Settings>(m_dir.filePath(u"kt.ini"_s));
        m_db = StorageTest::openMemory(m_clock);
        QVERIFY(m_db);
        m_market = std::make_unique<FakeMarketApi>();
        m_sync = std::make_unique<WatchlistSync>(*m_market, *m_db, *m_settings, m_clock);
        ConditionRepository conditions(*m_db);
        m_a = conditions.upsert(u"급등주"_s, u"0"_s, u"test"_s).value().id;
        m_b = conditions.upsert(u"신고가"_s, u"1"_s, u"test"_s).value().id;
        QVERIFY(conditions.upsert(u"꺼짐"_s, u"2"_s, u"test"_s).ok()); // disabled: never searched
        QVERIFY(conditions.setEnabled(m_a, true, u"test"_s).ok());
        QVERIFY(conditions.setEnabled(m_b, true, u"test"_s).ok());
        QVERIFY(WatchlistRepository(*m_db)
                    .add(MINE, u"내 종목"_s, WatchlistSource::Manual, std::nullopt, {}, u"ui"_s)
                    .ok());
        m_market->setConditionResult(u"0"_s, { row(A1), row(SHARED), row(MINE) });
        m_market->setConditionResult(u"1"_s, { row(SHARED) });
        m_market->setConditionResult(u"2"_s, { row(u"999999"_s) });
    }
    void cleanup()
    {
        m_sync.reset();
        m_market.reset();
        m_db.reset();
        m_settings.reset();
    }

    void conditionResultsBecomeTheWatchlist()
    {
        QSignalSpy changed(m_sync.get(), &WatchlistSync::watchlistChanged);
        const QList<QVariant> args = run();
        QCOMPARE(args.at(0).toInt(), 2); // conditions
        QCOMPARE(args.at(1).toInt(), 2); // A1 and SHARED are new; MINE was there
        QCOMPARE(args.at(2).toInt(), 0);
        QCOMPARE(args.at(3).toInt(), 0);
        QCOMPARE(m_market->calls(u"searchCondition"_s, u"2"_s), 0);
        QCOMPARE(active(), (QStringList { A1, SHARED, MINE }));
        const Storage::WatchlistStockRecord mine = WatchlistRepository(*m_db).findByCode(MINE).value().value();
        QVERIFY(mine.sourceType == WatchlistSource::Manual); // sticky
        const Storage::WatchlistStockRecord a1 = WatchlistRepository(*m_db).findByCode(A1).value().value();
        QVERIFY(a1.sourceType == WatchlistSource::Condition);
        QVERIFY(a1.conditionId == std::optional<qint64>(m_a));
        QCOMPARE(syncStatus(m_a, A1), std::optional<SyncStatus>(SyncStatus::Active));
        QCOMPARE(syncStatus(m_b, SHARED), std::optional<SyncStatus>(SyncStatus::Active));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().first().toStringList(), (QStringList { A1, SHARED, MINE }));

        // Nothing changed: no announcement, and no row rewritten (the shared stock keeps its owner).
        const qint64 audits
            = StorageTest::countRows(m_db->connection(), u"audit_log"_s, u"entity = 'watchlist_stocks'"_s);
        run();
        QCOMPARE(changed.size(), 1);
        QCOMPARE(StorageTest::countRows(m_db->connection(), u"audit_log"_s, u"entity = 'watchlist_stocks'"_s), audits);
        QVERIFY(
            WatchlistRepository(*m_db).findByCode(SHARED).value().value().conditionId == std::optional<qint64>(m_a));
    }

    void droppedStocksLeaveUnlessSomeoneKeepsThem()
    {
        run();
        QSignalSpy changed(m_sync.get(), &WatchlistSync::watchlistChanged);
        m_market->setConditionResult(u"0"_s, {}); // A returns nothing now
        const QList<QVariant> args = run();
        QCOMPARE(args.at(2).toInt(), 1); // only A1 left the watchlist
        QCOMPARE(active(), (QStringList { SHARED, MINE })); // SHARED: B still has it; MINE: the user's
        QCOMPARE(syncStatus(m_a, A1), std::optional<SyncStatus>(SyncStatus::Removed));
        QCOMPARE(syncStatus(m_a, SHARED), std::optional<SyncStatus>(SyncStatus::Removed));
        QCOMPARE(syncStatus(m_a, MINE), std::optional<SyncStatus>(SyncStatus::Removed));
        const Storage::WatchlistStockRecord shared = WatchlistRepository(*m_db).findByCode(SHARED).value().value();
        QVERIFY(shared.conditionId == std::optional<qint64>(m_b)); // B owns it now
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().first().toStringList(), (QStringList { SHARED, MINE }));

        // B disabled: its stocks leave at the next run; the user's stays.
        QVERIFY(ConditionRepository(*m_db).setEnabled(m_b, false, u"test"_s).ok());
        run();
        QCOMPARE(active(), (QStringList { MINE }));
        QCOMPARE(syncStatus(m_b, SHARED), std::optional<SyncStatus>(SyncStatus::Removed));
        QCOMPARE(m_market->calls(u"searchCondition"_s, u"1"_s), 2);

        // A returns A1 again: it comes back.
        m_market->setConditionResult(u"0"_s, { row(A1) });
        QCOMPARE(run().at(1).toInt(), 1);
        QCOMPARE(active(), (QStringList { A1, MINE }));
        QCOMPARE(syncStatus(m_a, A1), std::optional<SyncStatus>(SyncStatus::Active));
    }

    void aFailingSearchLeavesTheConditionAsItWas()
    {
        run();
        m_market->setConditionResult(u"0"_s, {});
        m_market->failNext(u"searchCondition"_s, injected(KiwoomError::Kind::Timeout));
        QList<QVariant> args = run();
        QCOMPARE(args.at(0).toInt(), 1); // B synced
        QCOMPARE(args.at(3).toInt(), 1);
        QCOMPARE(active(), (QStringList { A1, SHARED, MINE })); // A's stocks untouched
        QVERIFY(!m_sync->lastRun()->ok);
        args = run();
        QCOMPARE(args.at(3).toInt(), 0);
        QCOMPARE(active(), (QStringList { SHARED, MINE }));
    }

    void aManualChangeIsAnnouncedOnRequest()
    {
        run();
        QSignalSpy changed(m_sync.get(), &WatchlistSync::watchlistChanged);
        m_sync->refreshWatchlist();
        QCOMPARE(changed.size(), 0);
        QVERIFY(WatchlistRepository(*m_db).deactivate(MINE, u"ui"_s).value());
        m_sync->refreshWatchlist();
        QCOMPARE(changed.size(), 1);
        QCOMPARE(m_sync->announcedCodes(), (QStringList { A1, SHARED }));
    }
};

QTEST_GUILESS_MAIN(TestWatchlistSync)
#include "tst_watchlistsync.moc"
