// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/auditlog.h"
#include "storage/autotradesettingsrepository.h"
#include "storage/database.h"
#include "storagefixture.h"

#include <QtTest>

using namespace Storage;
using namespace StorageTest;

class TestAutoTradeSettingsRepository final : public QObject
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

    void nothingUntilSaved()
    {
        AutoTradeSettingsRepository settings(*m_db);
        auto loaded = settings.load();
        QVERIFY(loaded.ok());
        QVERIFY(!loaded.value());
        QCOMPARE(settings.setEnabled(true, QStringLiteral("ui")).error().code, QStringLiteral("storage.not_found"));
        QCOMPARE(countRows(m_db->connection(), QStringLiteral("auto_trade_settings")), 0);
    }

    void saveAndUpdate()
    {
        AutoTradeSettingsRepository settings(*m_db);
        AutoTradeSettingsRecord record { false, 1'000'000, 3.0, 5.5, 0 };
        auto saved = settings.save(record, QStringLiteral("ui"));
        QVERIFY(saved.ok());
        record.updatedAtMs = T0;
        QCOMPARE(saved.value(), record);
        QVERIFY(settings.load().value() == std::optional<AutoTradeSettingsRecord>(record));

        m_clock.advanceMs(1000);
        auto on = settings.setEnabled(true, QStringLiteral("api"));
        QVERIFY(on.ok());
        QVERIFY(on.value().enabled);
        QCOMPARE(on.value().maxInvestAmount, qint64(1'000'000));
        QCOMPARE(on.value().updatedAtMs, T0 + 1000);
        QCOMPARE(countRows(m_db->connection(), QStringLiteral("auto_trade_settings")), 1);
        auto trail = AuditLog(*m_db).forEntity(QStringLiteral("auto_trade_settings"), 1).value();
        QCOMPARE(trail.size(), 2);
        QCOMPARE(trail.first().actor, QStringLiteral("api"));
        QCOMPARE(trail.first().before.value(u"is_enabled").toInt(), 0);
        QCOMPARE(trail.first().after.value(u"is_enabled").toInt(), 1);
    }

    void invalidSettingsChangeNothing()
    {
        AutoTradeSettingsRepository settings(*m_db);
        QVERIFY(settings.save({ true, 500'000, 2.0, 4.0, 0 }, QStringLiteral("ui")).ok());
        const QStringList before = dumpAll(m_db->connection());
        QCOMPARE(settings.save({ true, -1, 2.0, 4.0, 0 }, QStringLiteral("ui")).error().code,
            QStringLiteral("storage.check"));
        QCOMPARE(settings.save({ true, 1, -2.0, 4.0, 0 }, QStringLiteral("ui")).error().code,
            QStringLiteral("storage.check"));
        QCOMPARE(settings.save({ true, 1, 2.0, -4.0, 0 }, QStringLiteral("ui")).error().code,
            QStringLiteral("storage.check"));
        QCOMPARE(settings.save({ true, 1, 2.0, 4.0, 0 }, QString()).error().code,
            QStringLiteral("storage.invalid_argument"));
        QCOMPARE(dumpAll(m_db->connection()), before);
    }
};

QTEST_GUILESS_MAIN(TestAutoTradeSettingsRepository)
#include "tst_autotradesettingsrepository.moc"
