// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/sqlutil.h"
#include "storagefixture.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace StorageTest;

namespace {

// Rows valid at schema version 1, touching every version-1 table.
const QStringList VERSION1_ROWS = {
    QStringLiteral("INSERT INTO auto_trade_conditions (id, condition_name, api_condition_id, is_enabled, updated_at) "
                   "VALUES (1, '급등주', '0', 1, 1000)"),
    QStringLiteral(
        "INSERT INTO auto_trade_settings (id, is_enabled, max_invest_amount, stop_loss_rate, take_profit_rate, "
        "updated_at) VALUES (1, 1, 1000000, 3.0, 5.0, 1000)"),
    QStringLiteral(
        "INSERT INTO watchlist_stocks (id, stock_code, stock_name, added_at, is_active, source_type, condition_id, "
        "condition_name, updated_at) VALUES (1, '005930', '삼성전자', 1000, 1, 'CONDITION', 1, '급등주', 1000)"),
    QStringLiteral(
        "INSERT INTO pending_buy_signals (id, condition_id, stock_code, stock_name, detected_at, detected_date, "
        "status, signal_type, reference_candle_high, reference_candle_date, target_price, source, updated_at) "
        "VALUES (1, 1, '005930', '삼성전자', 1000, '2025-03-14', 'ORDERED', 'REFERENCE_CANDLE', 71000, 900, "
        "70500, 'condition:1', 1000)"),
    QStringLiteral(
        "INSERT INTO trading_strategies (id, strategy_name, strategy_type, is_enabled, parameters, updated_at) "
        "VALUES (1, 'RSI 30', 'rsi', 1, '{\"period\":14}', 1000)"),
    QStringLiteral("INSERT INTO strategy_signals (id, strategy_id, stock_code, stock_name, signal_type, signal_value, "
                   "detected_at, detected_date, status, additional_data, updated_at) "
                   "VALUES (1, 1, '005930', '삼성전자', 'BUY', 28.5, 1000, '2025-03-14', 'PENDING', '{}', 1000)"),
    QStringLiteral(
        "INSERT INTO positions (id, stock_code, stock_name, buy_price, buy_quantity, buy_amount, stop_loss_rate, "
        "take_profit_rate, stop_loss_price, take_profit_price, status, buy_time, quantity, origin, "
        "pending_signal_id, updated_at) VALUES (1, '005930', '삼성전자', 70500, 10, 705000, 3.0, 5.0, 68400, "
        "74000, 'SELLING', 1000, 10, 'condition', 1, 1000)"),
    QStringLiteral(
        "INSERT INTO sell_orders (id, position_id, stock_code, stock_name, sell_price, sell_quantity, sell_reason, "
        "status, created_at, updated_at) VALUES (1, 1, '005930', '삼성전자', 0, 10, 'TAKE_PROFIT', 'PENDING', "
        "1000, 1000)"),
    QStringLiteral(
        "INSERT INTO condition_watchlist_sync (id, condition_id, condition_name, stock_code, stock_name, "
        "sync_status, last_sync_at, added_to_watchlist) VALUES (1, 1, '급등주', '005930', '삼성전자', 'ACTIVE', "
        "1000, 1)"),
};

// Rows of version-2 tables.
const QStringList VERSION2_ROWS = {
    QStringLiteral(
        "INSERT INTO orders (id, client_order_id, side, stock_code, quantity, price, trade_type, state, created_at, "
        "updated_at, origin, trading_date) VALUES (1, 'kt-1', 'SELL', '005930', 10, 0, '3', 'NEW', 1000, 1000, "
        "'take_profit', '2025-03-14')"),
    QStringLiteral(
        "INSERT INTO audit_log (at, actor, entity, entity_id, action) VALUES (1000, 'test', 'orders', 1, 'create')"),
    QStringLiteral("INSERT INTO candles VALUES ('005930', '1d', 1000, 70000, 71000, 69000, 70500, 12345)"),
};

QString scalarText(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next())
        return QStringLiteral("<error>");
    return query.value(0).toString();
}

} // namespace

class TestMigrations final : public QObject
{
    Q_OBJECT

private:
    QStringList m_freshSchema;

private slots:
    void initTestCase()
    {
        ManualClock clock(T0);
        QTemporaryDir dir;
        auto fresh = Database::open(dir.path(), clock);
        QVERIFY(fresh.ok());
        m_freshSchema = schemaDescription(fresh.value()->connection());
        QVERIFY(m_freshSchema.size() > 100);
    }

    void versionsAreConsecutive()
    {
        const auto &steps = Storage::migrations();
        QVERIFY(steps.size() >= 2);
        for (int i = 0; i < steps.size(); ++i) {
            QCOMPARE(steps.at(i).version, i + 1);
            QVERIFY(!steps.at(i).statements.isEmpty());
        }
        QCOMPARE(Storage::latestVersion(), steps.size());
        // Every shipped version has a frozen copy.
        QCOMPARE(frozenVersionCount(), Storage::latestVersion());
    }

    // The frozen copies of the shipped steps still produce exactly the code's schema: nobody
    // edited a shipped migration.
    void frozenStepsMatchTheCode()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("frozen.db"));
        QString error;
        QVERIFY2(createAtVersion(path, frozenVersionCount(), &error), qPrintable(error));
        RawConnection raw(path);
        QCOMPARE(schemaDescription(raw.db()), m_freshSchema);
    }

    // From every older version (0 = an empty file) to the newest: the result equals a fresh
    // database, and the rows written at the old version are all still there.
    void migratesFromEveryVersion_data()
    {
        QTest::addColumn<int>("fromVersion");
        for (int v = 0; v <= Storage::latestVersion(); ++v)
            QTest::newRow(qPrintable(QStringLiteral("from v%1").arg(v))) << v;
    }
    void migratesFromEveryVersion()
    {
        QFETCH(int, fromVersion);
        QTemporaryDir dir;
        ManualClock clock(T0);
        const QString path = dir.filePath(Database::fileName());
        QString error;
        QVERIFY2(createAtVersion(path, fromVersion, &error), qPrintable(error));
        QStringList rows;
        if (fromVersion >= 1)
            rows += VERSION1_ROWS;
        if (fromVersion >= 2)
            rows += VERSION2_ROWS;
        {
            RawConnection raw(path);
            QVERIFY(raw.exec(QStringLiteral("PRAGMA foreign_keys = ON")));
            for (const QString &sql : std::as_const(rows))
                QVERIFY2(raw.exec(sql), qPrintable(raw.lastError() + QLatin1String(" in ") + sql));
        }

        auto opened = Database::open(dir.path(), clock);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
        QSqlDatabase db = opened.value()->connection();
        QCOMPARE(opened.value()->schemaVersion().value(), Storage::latestVersion());
        QCOMPARE(schemaDescription(db), m_freshSchema);

        if (fromVersion >= 1) {
            QCOMPARE(scalarText(db, QStringLiteral("SELECT condition_name FROM auto_trade_conditions WHERE id = 1")),
                QStringLiteral("급등주"));
            QCOMPARE(scalarText(db, QStringLiteral("SELECT status FROM pending_buy_signals WHERE id = 1")),
                QStringLiteral("ORDERED"));
            QCOMPARE(scalarText(db, QStringLiteral("SELECT buy_amount FROM positions WHERE id = 1")),
                QStringLiteral("705000"));
            QCOMPARE(
                scalarText(db, QStringLiteral("SELECT json_extract(parameters, '$.period') FROM trading_strategies")),
                QStringLiteral("14"));
            // The column version 2 added to an existing table starts NULL.
            QCOMPARE(scalarText(db, QStringLiteral("SELECT coalesce(order_id, 'null') FROM sell_orders WHERE id = 1")),
                QStringLiteral("null"));
            for (const QString &table : { QStringLiteral("auto_trade_conditions"),
                     QStringLiteral("auto_trade_settings"), QStringLiteral("watchlist_stocks"),
                     QStringLiteral("pending_buy_signals"), QStringLiteral("trading_strategies"),
                     QStringLiteral("strategy_signals"), QStringLiteral("positions"), QStringLiteral("sell_orders"),
                     QStringLiteral("condition_watchlist_sync") }) {
                QCOMPARE(scalarText(db, QStringLiteral("SELECT count(*) FROM %1").arg(table)), QStringLiteral("1"));
            }
        }
        if (fromVersion >= 2)
            QCOMPARE(scalarText(db, QStringLiteral("SELECT count(*) FROM candles")), QStringLiteral("1"));
        {
            QSqlQuery fkCheck(db);
            QVERIFY(fkCheck.exec(QStringLiteral("PRAGMA foreign_key_check")));
            QVERIFY(!fkCheck.next());
        }

        // Re-opening does nothing more.
        db = QSqlDatabase();
        opened.value()->close();
        auto again = Database::open(dir.path(), clock);
        QVERIFY(again.ok());
        QCOMPARE(schemaDescription(again.value()->connection()), m_freshSchema);
    }

    void migrateIsIdempotent()
    {
        ManualClock clock(T0);
        auto db = openMemory(clock);
        QVERIFY(db);
        const QStringList before = schemaDescription(db->connection());
        QVERIFY(Storage::migrate(db->connection(), Storage::migrations()).ok());
        QVERIFY(Storage::migrate(db->connection(), Storage::migrations()).ok());
        QCOMPARE(schemaDescription(db->connection()), before);
    }

    // A failing step leaves the database exactly at the previous version: its earlier statements
    // are rolled back with it.
    void failingStepRollsBack()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("steps.db"));
        RawConnection raw(path);
        QList<Storage::Migration> steps = {
            { 1, QStringLiteral("one"), { QStringLiteral("CREATE TABLE a (x INTEGER) STRICT") }, false },
            { 2, QStringLiteral("two"),
                { QStringLiteral("CREATE TABLE b (y INTEGER) STRICT"), QStringLiteral("INSERT INTO a VALUES (1)"),
                    QStringLiteral("INSERT INTO nowhere VALUES (1)") },
                false },
        };
        Status failed = Storage::migrate(raw.db(), steps);
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().code, QStringLiteral("storage.migration"));
        QVERIFY(failed.error().message.contains(QLatin1String("version 2")));
        QVERIFY(failed.error().message.contains(QLatin1String("no such table")));
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), 1);
        QCOMPARE(tableNames(raw.db()), QStringList { QStringLiteral("a") });
        QCOMPARE(raw.scalar(QStringLiteral("SELECT count(*) FROM a")).toInt(), 0);

        // Fixed step 2 then applies on top of version 1.
        steps[1].statements.removeLast();
        QVERIFY(Storage::migrate(raw.db(), steps).ok());
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), 2);
        QCOMPARE(tableNames(raw.db()), (QStringList { QStringLiteral("a"), QStringLiteral("b") }));
        QCOMPARE(raw.scalar(QStringLiteral("SELECT count(*) FROM a")).toInt(), 1);
    }

    // A rebuild step runs with foreign keys off and is checked before it commits.
    void foreignKeysOffStepIsChecked()
    {
        QTemporaryDir dir;
        RawConnection raw(dir.filePath(QStringLiteral("fk.db")));
        QVERIFY(raw.exec(QStringLiteral("PRAGMA foreign_keys = ON")));
        QList<Storage::Migration> steps = {
            { 1, QStringLiteral("parent and child"),
                { QStringLiteral("CREATE TABLE parent (id INTEGER PRIMARY KEY)"),
                    QStringLiteral(
                        "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id))"),
                    QStringLiteral("INSERT INTO parent VALUES (1)"),
                    QStringLiteral("INSERT INTO child VALUES (1, 1)") },
                false },
            { 2, QStringLiteral("rebuild parent, losing a row"),
                { QStringLiteral("CREATE TABLE parent_new (id INTEGER PRIMARY KEY, name TEXT)"),
                    QStringLiteral("DROP TABLE parent"), QStringLiteral("ALTER TABLE parent_new RENAME TO parent") },
                true },
        };
        Status failed = Storage::migrate(raw.db(), steps);
        QVERIFY(!failed.ok());
        QVERIFY(failed.error().message.contains(QLatin1String("foreign key")));
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), 1);
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT count(*) FROM parent")).toInt(), 1);

        steps[1].statements.insert(1, QStringLiteral("INSERT INTO parent_new (id) SELECT id FROM parent"));
        QVERIFY(Storage::migrate(raw.db(), steps).ok());
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), 2);
        QCOMPARE(tableColumns(raw.db(), QStringLiteral("parent")),
            (QStringList { QStringLiteral("id"), QStringLiteral("name") }));
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
    }

    void refusesNewerThanKnown()
    {
        QTemporaryDir dir;
        RawConnection raw(dir.filePath(QStringLiteral("new.db")));
        QVERIFY(raw.exec(QStringLiteral("CREATE TABLE future (x)")));
        QVERIFY(raw.exec(QStringLiteral("PRAGMA user_version = %1").arg(Storage::latestVersion() + 5)));
        Status refused = Storage::migrate(raw.db(), Storage::migrations());
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QStringLiteral("storage.schema_too_new"));
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), Storage::latestVersion() + 5);
        QCOMPARE(tableNames(raw.db()), QStringList { QStringLiteral("future") });
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
