// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/auditlog.h"
#include "storage/database.h"
#include "storage/enginestaterepository.h"
#include "storage/sqlutil.h"
#include "storagefixture.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

using namespace StorageTest;

class TestEngineStateRepository final : public QObject
{
    Q_OBJECT

private:
    ManualClock m_clock { T0 };
    std::unique_ptr<Database> m_db;
    std::unique_ptr<EngineStateRepository> m_state;

    qint64 audits() const
    {
        return countRows(m_db->connection(), QStringLiteral("audit_log"), QStringLiteral("entity = 'engine_state'"));
    }

private slots:
    void init()
    {
        m_clock.setNowMs(T0);
        m_db = openMemory(m_clock);
        QVERIFY(m_db);
        m_state = std::make_unique<EngineStateRepository>(*m_db);
    }
    void cleanup()
    {
        m_state.reset();
        m_db.reset();
    }

    void killSwitchRoundTripIsAudited()
    {
        QVERIFY(!m_state->get(QStringLiteral("kill_switch")).value().has_value());
        const QJsonObject engaged { { QStringLiteral("mode"), QStringLiteral("FLATTEN_ALL") },
            { QStringLiteral("reason"), QStringLiteral("daily loss limit") }, { QStringLiteral("since"), T0 },
            { QStringLiteral("actor"), QStringLiteral("engine") } };
        QVERIFY(m_state->set(QStringLiteral("kill_switch"), engaged, QStringLiteral("engine")).ok());
        auto stored = m_state->get(QStringLiteral("kill_switch"));
        QVERIFY(stored.ok() && stored.value().has_value());
        QCOMPARE(*stored.value(), QJsonValue(engaged));
        QCOMPARE(stored.value()->toObject().value(u"since").toInteger(), T0); // exact epoch ms
        QCOMPARE(audits(), 1);

        m_clock.advanceMs(60000);
        const QJsonObject resumed { { QStringLiteral("mode"), QStringLiteral("OFF") },
            { QStringLiteral("since"), T0 + 60000 }, { QStringLiteral("actor"), QStringLiteral("ui") } };
        QVERIFY(m_state->set(QStringLiteral("kill_switch"), resumed, QStringLiteral("ui")).ok());
        QCOMPARE(*m_state->get(QStringLiteral("kill_switch")).value(), QJsonValue(resumed));
        QCOMPARE(audits(), 2);
        const Storage::AuditRecord entry
            = AuditLog(*m_db).forEntity(QStringLiteral("engine_state"), std::nullopt, 1).value().first();
        QCOMPARE(entry.actor, QStringLiteral("ui"));
        QCOMPARE(entry.action, QStringLiteral("update"));
        QVERIFY(!entry.entityId);
        QCOMPARE(entry.before.value(u"key").toString(), QStringLiteral("kill_switch"));
        QCOMPARE(entry.before.value(u"value").toObject(), engaged);
        QCOMPARE(entry.before.value(u"updated_at").toInteger(), T0);
        QCOMPARE(entry.after.value(u"value").toObject(), resumed);
        QCOMPARE(entry.after.value(u"updated_at").toInteger(), T0 + 60000);

        // The same value again changes nothing and is not audited.
        const QStringList before = dumpAll(m_db->connection());
        m_clock.advanceMs(1000);
        QVERIFY(m_state->set(QStringLiteral("kill_switch"), resumed, QStringLiteral("ui")).ok());
        QCOMPARE(dumpAll(m_db->connection()), before);
    }

    void anyJsonValue()
    {
        const QList<QJsonValue> values = { QJsonValue(QStringLiteral("텍스트")), QJsonValue(42), QJsonValue(1.5),
            QJsonValue(true), QJsonValue(QJsonValue::Null), QJsonValue(QJsonArray { 1, QStringLiteral("two") }),
            QJsonValue(QJsonObject {}) };
        int i = 0;
        for (const QJsonValue &value : values) {
            const QString key = QStringLiteral("k%1").arg(i++);
            QVERIFY2(m_state->set(key, value, QStringLiteral("engine")).ok(), qPrintable(key));
            auto stored = m_state->get(key);
            QVERIFY(stored.ok() && stored.value().has_value());
            QCOMPARE(*stored.value(), value);
        }
        QCOMPARE(audits(), values.size());
    }

    void invalidCallsChangeNothing()
    {
        const QStringList before = dumpAll(m_db->connection());
        QCOMPARE(m_state->set(QString(), 1, QStringLiteral("engine")).error().code,
            QStringLiteral("storage.invalid_argument"));
        QCOMPARE(
            m_state->set(QStringLiteral("k"), QJsonValue(QJsonValue::Undefined), QStringLiteral("engine")).error().code,
            QStringLiteral("storage.invalid_argument"));
        QCOMPARE(
            m_state->set(QStringLiteral("k"), 1, QString()).error().code, QStringLiteral("storage.invalid_argument"));
        QCOMPARE(dumpAll(m_db->connection()), before);
        // The schema holds only JSON.
        QCOMPARE(Storage::run(m_db->connection(),
                     QStringLiteral("INSERT INTO engine_state (key, value, updated_at) VALUES ('x', '{oops', 0)"))
                     .error()
                     .code,
            QStringLiteral("storage.check"));
    }

    // A change is part of the caller's transaction: rolled back with it, audit row included.
    void composesIntoACallersTransaction()
    {
        Status failed = m_db->transaction([&]() -> Status {
            if (Status s = m_state->set(QStringLiteral("kill_switch"), QJsonObject {}, QStringLiteral("engine")); !s)
                return s;
            return Error { QStringLiteral("test.abort"), QStringLiteral("changed its mind") };
        });
        QVERIFY(!failed.ok());
        QVERIFY(!m_state->get(QStringLiteral("kill_switch")).value().has_value());
        QCOMPARE(audits(), 0);
    }
};

QTEST_GUILESS_MAIN(TestEngineStateRepository)
#include "tst_enginestaterepository.moc"
