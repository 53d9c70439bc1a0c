// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/auditlog.h"
#include "storage/database.h"
#include "storage/sqlutil.h"
#include "storagefixture.h"

#include <QtTest>

using namespace StorageTest;

class TestAuditLog final : public QObject
{
    Q_OBJECT

private:
    ManualClock m_clock { T0 };
    std::unique_ptr<Database> m_db;

private slots:
    void init()
    {
        m_clock.setNowMs(T0);
        m_db = openMemory(m_clock);
        QVERIFY(m_db);
    }
    void cleanup() { m_db.reset(); }

    void appendAndQuery()
    {
        AuditLog log(*m_db);
        auto first = log.append(QStringLiteral("ui"), QStringLiteral("risk"), std::nullopt,
            QStringLiteral("kill_switch"), QJsonObject { { QStringLiteral("active"), false } },
            QJsonObject { { QStringLiteral("active"), true } });
        QVERIFY(first.ok());
        m_clock.advanceMs(1000);
        auto second = log.append(QStringLiteral("api"), QStringLiteral("orders"), 7, QStringLiteral("note"), {}, {});
        QVERIFY(second.ok());
        QVERIFY(second.value() > first.value());

        auto risk = log.forEntity(QStringLiteral("risk"));
        QVERIFY(risk.ok());
        QCOMPARE(risk.value().size(), 1);
        const Storage::AuditRecord &entry = risk.value().first();
        QCOMPARE(entry.atMs, T0);
        QCOMPARE(entry.actor, QStringLiteral("ui"));
        QCOMPARE(entry.action, QStringLiteral("kill_switch"));
        QVERIFY(!entry.entityId);
        QCOMPARE(entry.before.value(u"active").toBool(), false);
        QCOMPARE(entry.after.value(u"active").toBool(), true);

        auto order = log.forEntity(QStringLiteral("orders"), 7);
        QVERIFY(order.ok());
        QCOMPARE(order.value().size(), 1);
        QCOMPARE(order.value().first().atMs, T0 + 1000);
        QVERIFY(order.value().first().before.isEmpty()); // stored as NULL
        QCOMPARE(countRows(m_db->connection(), QStringLiteral("audit_log"),
                     QStringLiteral("before IS NULL AND after IS NULL")),
            1);
        QCOMPARE(log.forEntity(QStringLiteral("orders"), 8).value().size(), 0);

        auto feed = log.since(first.value());
        QVERIFY(feed.ok());
        QCOMPARE(feed.value().size(), 1);
        QCOMPARE(feed.value().first().id, second.value());
        QCOMPARE(log.since(0).value().size(), 2);
        QCOMPARE(log.since(0, 1).value().size(), 1);
    }

    void actorIsRequired()
    {
        AuditLog log(*m_db);
        auto refused = log.append(QString(), QStringLiteral("risk"), std::nullopt, QStringLiteral("x"), {}, {});
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QStringLiteral("storage.invalid_argument"));
        QCOMPARE(countRows(m_db->connection(), QStringLiteral("audit_log")), 0);
    }

    void recordChangeSnapshotsBeforeAndAfter()
    {
        QVERIFY(Storage::run(m_db->connection(),
            QStringLiteral("INSERT INTO auto_trade_conditions (id, condition_name, updated_at) VALUES (1, 'c', 0)"))
                    .ok());
        Status changed = m_db->transaction([&]() -> Status {
            return AuditLog::recordChange(*m_db, QStringLiteral("test"), QStringLiteral("auto_trade_conditions"), 1,
                QStringLiteral("update"), [&]() -> Status {
                    auto done = Storage::run(
                        m_db->connection(), QStringLiteral("UPDATE auto_trade_conditions SET is_enabled = 1"));
                    return done ? Status() : Status(done.error());
                });
        });
        QVERIFY(changed.ok());
        auto entries = AuditLog(*m_db).forEntity(QStringLiteral("auto_trade_conditions"), 1);
        QCOMPARE(entries.value().size(), 1);
        QCOMPARE(entries.value().first().before.value(u"is_enabled").toInt(), 0);
        QCOMPARE(entries.value().first().after.value(u"is_enabled").toInt(), 1);
        QCOMPARE(entries.value().first().after.value(u"condition_name").toString(), QStringLiteral("c"));

        // A failing change leaves neither the change nor an audit row behind.
        Status failed = m_db->transaction([&]() -> Status {
            return AuditLog::recordChange(*m_db, QStringLiteral("test"), QStringLiteral("auto_trade_conditions"), 1,
                QStringLiteral("update"), [&]() -> Status {
                    auto done = Storage::run(
                        m_db->connection(), QStringLiteral("UPDATE auto_trade_conditions SET is_enabled = 5"));
                    return done ? Status() : Status(done.error());
                });
        });
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().code, QStringLiteral("storage.check"));
        QCOMPARE(countRows(m_db->connection(), QStringLiteral("audit_log")), 1);
    }

    void auditRowsAreAppendOnly()
    {
        AuditLog log(*m_db);
        QVERIFY(
            log.append(QStringLiteral("ui"), QStringLiteral("risk"), std::nullopt, QStringLiteral("x"), {}, {}).ok());
        auto edit = Storage::run(m_db->connection(), QStringLiteral("UPDATE audit_log SET actor = 'someone else'"));
        QVERIFY(!edit.ok());
        QCOMPARE(edit.error().code, QStringLiteral("storage.rule"));
    }

    // Retention: entries older than the cut-off go, newer ones stay, and the prune itself is recorded.
    void pruneBeforeKeepsTheRecent()
    {
        AuditLog log(*m_db);
        for (int day = 0; day < 5; ++day) {
            m_clock.setNowMs(T0 + day * DAY_MS);
            QVERIFY(log.append(QStringLiteral("ui"), QStringLiteral("risk"), day, QStringLiteral("x"), {}, {}).ok());
            QVERIFY(log.append(QStringLiteral("ui"), QStringLiteral("risk"), day, QStringLiteral("y"), {}, {}).ok());
        }
        const qint64 cutOff = T0 + 2 * DAY_MS; // days 0 and 1 go; day 2 (at the cut-off) stays
        auto pruned = log.pruneBefore(cutOff, QStringLiteral("service.cleanup"));
        QVERIFY2(pruned.ok(), qPrintable(pruned.ok() ? QString() : pruned.error().message));
        QCOMPARE(pruned.value(), 4);
        QCOMPARE(countRows(m_db->connection(), QStringLiteral("audit_log"), QStringLiteral("entity = 'risk'")), 6);
        QCOMPARE(countRows(m_db->connection(), QStringLiteral("audit_log"), QStringLiteral("at < %1").arg(cutOff)), 0);
        const Storage::AuditRecord note = log.forEntity(QStringLiteral("audit_log")).value().first();
        QCOMPARE(note.action, QStringLiteral("prune"));
        QCOMPARE(note.actor, QStringLiteral("service.cleanup"));
        QCOMPARE(note.after.value(u"before_ms").toInteger(), cutOff);
        QCOMPARE(note.after.value(u"deleted").toInt(), 4);

        // Nothing older left: 0, and still noted. The future is refused (it would wipe the log).
        QCOMPARE(log.pruneBefore(cutOff).value(), 0);
        const QStringList before = dumpAll(m_db->connection());
        QCOMPARE(log.pruneBefore(m_clock.nowMs() + 1).error().code, QStringLiteral("storage.invalid_argument"));
        QCOMPARE(log.pruneBefore(cutOff, QString()).error().code, QStringLiteral("storage.invalid_argument"));
        QCOMPARE(dumpAll(m_db->connection()), before);
    }
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
