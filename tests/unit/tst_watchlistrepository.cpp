// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/auditlog.h"
#include "storage/conditionrepository.h"
#include "storage/database.h"
#include "storage/watchlistrepository.h"
#include "storagefixture.h"

#include <QtTest>

using namespace Storage;
using namespace StorageTest;

namespace {
const QString ACTOR = QStringLiteral("service.watchlist_sync");
}

class TestWatchlistRepository final : public QObject
{
    Q_OBJECT

private:
    ManualClock m_clock { T0 };
    std::unique_ptr<Database> m_db;
    std::unique_ptr<WatchlistRepository> m_watchlist;
    qint64 m_conditionId = 0;

    qint64 audits() const
    {
        return countRows(
            m_db->connection(), QStringLiteral("audit_log"), QStringLiteral("entity = 'watchlist_stocks'"));
    }

private slots:
    void init()
    {
        m_clock.setNowMs(T0);
        m_db = openMemory(m_clock);
        QVERIFY(m_db);
        m_watchlist = std::make_unique<WatchlistRepository>(*m_db);
        m_conditionId
            = ConditionRepository(*m_db).upsert(QStringLiteral("급등주"), QStringLiteral("0"), ACTOR).value().id;
    }
    void cleanup()
    {
        m_watchlist.reset();
        m_db.reset();
    }

    void addDeactivateReactivate()
    {
        auto added = m_watchlist->add(QStringLiteral("005930"), QStringLiteral("삼성전자"), WatchlistSource::Condition,
            m_conditionId, QStringLiteral("급등주"), ACTOR);
        QVERIFY(added.ok());
        QVERIFY(added.value().changed);
        QCOMPARE(added.value().stock.sourceType, WatchlistSource::Condition);
        QVERIFY(added.value().stock.conditionId == std::optional<qint64>(m_conditionId));
        QVERIFY(added.value().stock.active);
        QCOMPARE(added.value().stock.addedAtMs, T0);
        QCOMPARE(audits(), 1);

        // Adding it again changes nothing and writes nothing.
        auto again = m_watchlist->add(QStringLiteral("005930"), QStringLiteral("삼성전자"), WatchlistSource::Condition,
            m_conditionId, QStringLiteral("급등주"), ACTOR);
        QVERIFY(!again.value().changed);
        QCOMPARE(audits(), 1);

        m_clock.advanceMs(1000);
        QCOMPARE(m_watchlist->deactivate(QStringLiteral("005930"), ACTOR).value(), true);
        QCOMPARE(m_watchlist->deactivate(QStringLiteral("005930"), ACTOR).value(), false);
        QCOMPARE(m_watchlist->deactivate(QStringLiteral("999999"), ACTOR).value(), false);
        QCOMPARE(m_watchlist->listActive().value().size(), 0);
        QCOMPARE(m_watchlist->listAll().value().size(), 1);

        m_clock.advanceMs(1000);
        auto back = m_watchlist->add(QStringLiteral("005930"), QString(), WatchlistSource::Condition, m_conditionId,
            QStringLiteral("급등주"), ACTOR);
        QVERIFY(back.value().changed);
        QVERIFY(back.value().stock.active);
        QCOMPARE(back.value().stock.id, added.value().stock.id);
        QCOMPARE(back.value().stock.addedAtMs, T0); // first added
        QCOMPARE(back.value().stock.updatedAtMs, T0 + 2000);
        QCOMPARE(back.value().stock.stockName, QStringLiteral("삼성전자"));
        QCOMPARE(AuditLog(*m_db)
                     .forEntity(QStringLiteral("watchlist_stocks"), back.value().stock.id, 1)
                     .value()
                     .first()
                     .action,
            QStringLiteral("reactivate"));
        QCOMPARE(countRows(m_db->connection(), QStringLiteral("watchlist_stocks")), 1);
    }

    // What the user added stays, whatever the conditions do.
    void manualIsSticky()
    {
        QVERIFY(m_watchlist
                    ->add(QStringLiteral("005930"), QStringLiteral("삼성전자"), WatchlistSource::Manual, std::nullopt,
                        QString(), QStringLiteral("ui"))
                    .ok());
        auto byCondition = m_watchlist->add(QStringLiteral("005930"), QString(), WatchlistSource::Condition,
            m_conditionId, QStringLiteral("급등주"), ACTOR);
        QVERIFY(!byCondition.value().changed);
        QCOMPARE(byCondition.value().stock.sourceType, WatchlistSource::Manual);
        QCOMPARE(m_watchlist->deactivate(QStringLiteral("005930"), ACTOR, WatchlistSource::Condition).value(), false);
        QVERIFY(m_watchlist->findByCode(QStringLiteral("005930")).value()->active);

        // A condition stock the user adds by hand becomes the user's.
        QVERIFY(m_watchlist
                    ->add(QStringLiteral("000660"), QString(), WatchlistSource::Condition, m_conditionId,
                        QStringLiteral("급등주"), ACTOR)
                    .ok());
        auto claimed = m_watchlist->add(QStringLiteral("000660"), QString(), WatchlistSource::Manual, std::nullopt,
            QString(), QStringLiteral("ui"));
        QVERIFY(claimed.value().changed);
        QCOMPARE(claimed.value().stock.sourceType, WatchlistSource::Manual);
        QVERIFY(!claimed.value().stock.conditionId);

        QVERIFY(m_watchlist
                    ->add(QStringLiteral("035720"), QString(), WatchlistSource::Condition, m_conditionId,
                        QStringLiteral("급등주"), ACTOR)
                    .ok());
        QCOMPARE(m_watchlist->listBySource(WatchlistSource::Manual).value().size(), 2);
        QCOMPARE(m_watchlist->listBySource(WatchlistSource::Condition).value().size(), 1);
        QCOMPARE(m_watchlist->listByCondition(m_conditionId).value().size(), 1);
        QCOMPARE(m_watchlist->deactivate(QStringLiteral("035720"), ACTOR, WatchlistSource::Condition).value(), true);
        QCOMPARE(m_watchlist->listByCondition(m_conditionId).value().size(), 0);
        QCOMPARE(m_watchlist->listByCondition(m_conditionId, false).value().size(), 1);
        QCOMPARE(m_watchlist->listBySource(WatchlistSource::Condition, false).value().size(), 1);
    }

    void invalidAddsChangeNothing()
    {
        const QStringList before = dumpAll(m_db->connection());
        QCOMPARE(m_watchlist->add(QString(), QString(), WatchlistSource::Manual, std::nullopt, QString(), ACTOR)
                     .error()
                     .code,
            QStringLiteral("storage.invalid_argument"));
        QCOMPARE(
            m_watchlist->add(QStringLiteral("005930"), QString(), WatchlistSource::Condition, 999, QString(), ACTOR)
                .error()
                .code,
            QStringLiteral("storage.foreign_key"));
        QCOMPARE(dumpAll(m_db->connection()), before);
    }
};

QTEST_GUILESS_MAIN(TestWatchlistRepository)
#include "tst_watchlistrepository.moc"
