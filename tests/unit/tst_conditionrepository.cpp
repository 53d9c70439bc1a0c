// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/auditlog.h"
#include "storage/conditionrepository.h"
#include "storage/database.h"
#include "storage/signalrepository.h"
#include "storagefixture.h"

#include <QtTest>

using namespace Storage;
using namespace StorageTest;

namespace {
const QString ACTOR = QStringLiteral("service.condition_monitor");
}

class TestConditionRepository final : public QObject
{
    Q_OBJECT

private:
    ManualClock m_clock { T0 };
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ConditionRepository> m_conditions;

    qint64 audits(const QString &entity) const
    {
        return countRows(m_db->connection(), QStringLiteral("audit_log"), QStringLiteral("entity = '%1'").arg(entity));
    }

private slots:
    void init()
    {
        m_clock.setNowMs(T0);
        m_db = openMemory(m_clock);
        QVERIFY(m_db);
        m_conditions = std::make_unique<ConditionRepository>(*m_db);
    }
    void cleanup()
    {
        m_conditions.reset();
        m_db.reset();
    }

    void upsertKeepsTheSwitch()
    {
        auto created = m_conditions->upsert(QStringLiteral("급등주"), QStringLiteral("0"), ACTOR);
        QVERIFY(created.ok());
        QCOMPARE(created.value().conditionName, QStringLiteral("급등주"));
        QCOMPARE(created.value().apiConditionId, QStringLiteral("0"));
        QVERIFY(!created.value().enabled); // new conditions start disabled
        QCOMPARE(created.value().updatedAtMs, T0);
        QCOMPARE(audits(QStringLiteral("auto_trade_conditions")), 1);

        QVERIFY(m_conditions->setEnabled(created.value().id, true, QStringLiteral("ui")).ok());
        m_clock.advanceMs(1000);
        // Kiwoom renumbered the condition: the api id follows, the switch stays on.
        auto renumbered = m_conditions->upsert(QStringLiteral("급등주"), QStringLiteral("3"), ACTOR);
        QVERIFY(renumbered.ok());
        QCOMPARE(renumbered.value().id, created.value().id);
        QCOMPARE(renumbered.value().apiConditionId, QStringLiteral("3"));
        QVERIFY(renumbered.value().enabled);
        QCOMPARE(renumbered.value().updatedAtMs, T0 + 1000);
        QCOMPARE(audits(QStringLiteral("auto_trade_conditions")), 3);
        // Nothing new: nothing written.
        QVERIFY(m_conditions->upsert(QStringLiteral("급등주"), QStringLiteral("3"), ACTOR).ok());
        QCOMPARE(audits(QStringLiteral("auto_trade_conditions")), 3);

        QVERIFY(m_conditions->upsert(QStringLiteral("눌림목"), QString(), ACTOR).ok());
        QCOMPARE(m_conditions->list().value().size(), 2);
        QCOMPARE(m_conditions->listEnabled().value().size(), 1);
        QVERIFY(m_conditions->findByName(QStringLiteral("눌림목")).value()->apiConditionId.isEmpty());
        QCOMPARE(m_conditions->upsert(QStringLiteral("  "), QString(), ACTOR).error().code,
            QStringLiteral("storage.invalid_argument"));
        QCOMPARE(m_conditions->setEnabled(999, true, ACTOR).error().code, QStringLiteral("storage.not_found"));
    }

    void conditionsWithSignalsAreKept()
    {
        const qint64 id = m_conditions->upsert(QStringLiteral("급등주"), QStringLiteral("0"), ACTOR).value().id;
        QVERIFY(
            m_conditions->recordSync(id, QStringLiteral("005930"), QString(), SyncStatus::Active, true, ACTOR).ok());
        PendingBuySignalRecord signal;
        signal.conditionId = id;
        signal.stockCode = QStringLiteral("005930");
        signal.signalType = QStringLiteral("REF");
        QVERIFY(SignalRepository(*m_db).insertPendingBuy(signal, ACTOR).ok());
        const QStringList before = dumpAll(m_db->connection());
        auto refused = m_conditions->remove(id, QStringLiteral("ui"));
        QCOMPARE(refused.error().code, QStringLiteral("storage.foreign_key"));
        QVERIFY(refused.error().message.contains(QLatin1String("disable it instead")));
        QCOMPARE(dumpAll(m_db->connection()), before);

        // A condition without history can go, with its sync rows.
        const qint64 other = m_conditions->upsert(QStringLiteral("눌림목"), QString(), ACTOR).value().id;
        QVERIFY(m_conditions->recordSync(other, QStringLiteral("000660"), QString(), SyncStatus::Active, false, ACTOR)
                    .ok());
        QVERIFY(m_conditions->remove(other, QStringLiteral("ui")).ok());
        QVERIFY(!m_conditions->find(other).value());
        QCOMPARE(m_conditions->syncEntries(other).value().size(), 0);
        auto entry = AuditLog(*m_db).forEntity(QStringLiteral("auto_trade_conditions"), other, 1).value().first();
        QCOMPARE(entry.action, QStringLiteral("delete"));
        QVERIFY(entry.after.isEmpty());
        QCOMPARE(entry.before.value(u"condition_name").toString(), QStringLiteral("눌림목"));
        QCOMPARE(m_conditions->remove(other, QStringLiteral("ui")).error().code, QStringLiteral("storage.not_found"));
    }

    void syncRows()
    {
        const qint64 id = m_conditions->upsert(QStringLiteral("급등주"), QStringLiteral("0"), ACTOR).value().id;
        auto added = m_conditions->recordSync(id, QStringLiteral("005930"), QStringLiteral("삼성전자"),
            SyncStatus::Active, true, QStringLiteral("service.watchlist_sync"));
        QVERIFY(added.ok());
        QCOMPARE(added.value().conditionName, QStringLiteral("급등주"));
        QCOMPARE(added.value().syncStatus, SyncStatus::Active);
        QVERIFY(added.value().addedToWatchlist);
        QCOMPARE(added.value().lastSyncAtMs, T0);
        QCOMPARE(audits(QStringLiteral("condition_watchlist_sync")), 1);

        // The next sync sees the same: only the time stamp moves, no audit row.
        m_clock.advanceMs(5 * 60 * 1000);
        auto same = m_conditions->recordSync(id, QStringLiteral("005930"), QString(), SyncStatus::Active, true, ACTOR);
        QVERIFY(same.ok());
        QCOMPARE(same.value().id, added.value().id);
        QCOMPARE(same.value().lastSyncAtMs, T0 + 5 * 60 * 1000);
        QCOMPARE(same.value().stockName, QStringLiteral("삼성전자")); // an empty name keeps the known one
        QCOMPARE(audits(QStringLiteral("condition_watchlist_sync")), 1);

        QVERIFY(m_conditions
                    ->recordSync(
                        id, QStringLiteral("000660"), QStringLiteral("SK하이닉스"), SyncStatus::Failed, false, ACTOR)
                    .ok());
        QVERIFY(
            m_conditions
                ->recordSync(id, QStringLiteral("035720"), QStringLiteral("카카오"), SyncStatus::Active, true, ACTOR)
                .ok());
        // The condition now yields only 035720: 005930 leaves it.
        auto removed = m_conditions->markRemovedExcept(id, { QStringLiteral("035720") }, ACTOR);
        QVERIFY(removed.ok());
        QCOMPARE(removed.value().size(), 1);
        QCOMPARE(removed.value().first().stockCode, QStringLiteral("005930"));
        QCOMPARE(removed.value().first().syncStatus, SyncStatus::Removed);
        QCOMPARE(m_conditions->syncEntries(id, SyncStatus::Active).value().size(), 1);
        QCOMPARE(m_conditions->syncEntries(id, SyncStatus::Removed).value().size(), 1);
        QCOMPARE(m_conditions->syncEntries(id).value().size(), 3);
        QCOMPARE(m_conditions->syncEntriesForStock(QStringLiteral("005930")).value().size(), 1);
        QCOMPARE(m_conditions->markRemovedExcept(id, { QStringLiteral("035720") }, ACTOR).value().size(), 0);

        QCOMPARE(m_conditions->recordSync(999, QStringLiteral("005930"), QString(), SyncStatus::Active, true, ACTOR)
                     .error()
                     .code,
            QStringLiteral("storage.not_found"));
        QCOMPARE(m_conditions->recordSync(id, QString(), QString(), SyncStatus::Active, true, ACTOR).error().code,
            QStringLiteral("storage.invalid_argument"));
    }
};

QTEST_GUILESS_MAIN(TestConditionRepository)
#include "tst_conditionrepository.moc"
