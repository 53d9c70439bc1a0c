// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/sqlutil.h"
#include "storagefixture.h"

#include <QSqlError>
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

// Rows of version-3 tables.
const QStringList VERSION3_ROWS = {
    QStringLiteral("INSERT INTO signal_decisions (at, trading_date, stock_code, signal_kind, signal_id, source, "
                   "decision, message) VALUES (1000, '2025-03-14', '005930', 'PENDING_BUY', 1, 'condition:1', "
                   "'CREATED', 'stored')"),
    QStringLiteral(
        "INSERT INTO engine_state (key, value, updated_at) VALUES ('kill_switch', '{\"mode\":\"OFF\"}', 1000)"),
};

// Every row of a table as text, selecting only `columns`, in rowid order (the "nothing lost" check).
QStringList tableRows(const QSqlDatabase &db, const QString &table, const QStringList &columns)
{
    QStringList out;
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT %1 FROM %2 ORDER BY rowid").arg(columns.join(QLatin1String(", ")), table)))
        return { QStringLiteral("ERROR ") + query.lastError().text() };
    while (query.next()) {
        QStringList row;
        for (int i = 0; i < columns.size(); ++i)
            row << (query.value(i).isNull() ? QStringLiteral("NULL") : query.value(i).toString());
        out << row.join(u'|');
    }
    return out;
}

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
        if (fromVersion >= 3)
            rows += VERSION3_ROWS;
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
            // Version 3's columns: no buy fees known, no trailing stop, no retries yet.
            QCOMPARE(
                scalarText(db, QStringLiteral("SELECT buy_fees FROM positions WHERE id = 1")), QStringLiteral("0"));
            QCOMPARE(scalarText(db, QStringLiteral("SELECT coalesce(trailing_stop_rate, 'null') FROM positions")),
                QStringLiteral("null"));
            QCOMPARE(scalarText(db, QStringLiteral("SELECT retry_count FROM pending_buy_signals WHERE id = 1")),
                QStringLiteral("0"));
            QCOMPARE(scalarText(db, QStringLiteral("SELECT pending_signal_id FROM positions WHERE id = 1")),
                QStringLiteral("1"));
            for (const QString &table : { QStringLiteral("auto_trade_conditions"),
                     QStringLiteral("auto_trade_settings"), QStringLiteral("watchlist_stocks"),
                     QStringLiteral("pending_buy_signals"), QStringLiteral("trading_strategies"),
                     QStringLiteral("strategy_signals"), QStringLiteral("positions"), QStringLiteral("sell_orders"),
                     QStringLiteral("condition_watchlist_sync") }) {
                QCOMPARE(scalarText(db, QStringLiteral("SELECT count(*) FROM %1").arg(table)), QStringLiteral("1"));
            }
        }
        if (fromVersion >= 2) {
            QCOMPARE(scalarText(db, QStringLiteral("SELECT count(*) FROM candles")), QStringLiteral("1"));
            // A limit order written before version 3 is valued at its price; this market sell at 0.
            QCOMPARE(
                scalarText(db, QStringLiteral("SELECT valuation_price FROM orders WHERE id = 1")), QStringLiteral("0"));
        }
        if (fromVersion >= 3)
            QCOMPARE(scalarText(db, QStringLiteral("SELECT count(*) FROM signal_decisions")), QStringLiteral("1"));
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

    // Version 3 rebuilds both signal tables (a CHECK gains PROCESSING). On a version-2 database full
    // of rows, every row of every table survives with its id and values (the new columns take
    // their defaults), the positions' and orders' references to signals still point at the same
    // signals, and the dedupe indexes still dedupe.
    void version3KeepsEverySignalAndReference()
    {
        QTemporaryDir dir;
        ManualClock clock(T0);
        const QString path = dir.filePath(Database::fileName());
        QString error;
        QVERIFY2(createAtVersion(path, 2, &error), qPrintable(error));

        QMap<QString, QStringList> before; // table → rows (version-2 columns)
        QMap<QString, QStringList> columnsAtV2;
        {
            RawConnection raw(path);
            QVERIFY(raw.exec(QStringLiteral("PRAGMA foreign_keys = ON")));
            QVERIFY(raw.exec(QStringLiteral("BEGIN")));
            QVERIFY(raw.exec(QStringLiteral("INSERT INTO auto_trade_conditions (id, condition_name, updated_at) "
                                            "VALUES (1, 'c1', 0), (2, 'c2', 0)")));
            QVERIFY(raw.exec(QStringLiteral("INSERT INTO trading_strategies (id, strategy_name, strategy_type, "
                                            "updated_at) VALUES (1, 's1', 'rsi', 0), (2, 's2', 'momentum', 0)")));
            const QStringList statuses
                = { "PENDING", "ORDERED", "COMPLETED", "FAILED", "CANCELLED", "EXPIRED", "SKIPPED" };
            // Ids with gaps (deleted rows never existed, but an id need not be dense), and every
            // optional column both NULL and set.
            for (int i = 0; i < 300; ++i) {
                const qint64 id = 1 + qint64(i) * 3;
                QVERIFY2(
                    raw.exec(
                        QStringLiteral(
                            "INSERT INTO pending_buy_signals (id, condition_id, stock_code, stock_name, detected_at, "
                            "detected_date, status, signal_type, reference_candle_high, reference_candle_date, "
                            "target_price, source, status_reason, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                            "?, ?, ?, ?)"),
                        { id, i % 3 == 0 ? QVariant() : QVariant(1 + i % 2),
                            QStringLiteral("%1").arg(i % 50, 6, 10, QLatin1Char('0')), QStringLiteral("종목%1").arg(i),
                            T0 + i, QStringLiteral("2025-03-%1").arg(10 + i % 5), statuses.at(i % statuses.size()),
                            QStringLiteral("REF%1").arg(i / 50), i % 4 == 0 ? QVariant() : QVariant(70000 + i),
                            i % 4 == 0 ? QVariant() : QVariant(T0 - 60000),
                            i % 5 == 0 ? QVariant() : QVariant(69900 + i),
                            QStringLiteral("condition:%1").arg(1 + i % 2),
                            i % 2 ? QVariant(QStringLiteral("reason %1").arg(i)) : QVariant(), T0 + i }),
                    qPrintable(raw.lastError()));
                QVERIFY2(
                    raw.exec(QStringLiteral(
                                 "INSERT INTO strategy_signals (id, strategy_id, stock_code, stock_name, signal_type, "
                                 "signal_value, detected_at, detected_date, status, additional_data, status_reason, "
                                 "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                        { id + 1, 1 + i % 2, QStringLiteral("%1").arg(i, 6, 10, QLatin1Char('0')),
                            QStringLiteral("종목%1").arg(i), i % 2 ? QStringLiteral("BUY") : QStringLiteral("SELL"),
                            i % 3 ? QVariant(28.5 + i) : QVariant(), T0 + i,
                            QStringLiteral("2025-03-%1").arg(10 + i % 7), statuses.at((i + 3) % statuses.size()),
                            QStringLiteral("{\"rsi\":%1,\"note\":\"한글\"}").arg(i),
                            i % 2 ? QVariant() : QVariant(QStringLiteral("why %1").arg(i)), T0 + i }),
                    qPrintable(raw.lastError()));
            }
            // Positions and orders that refer to signals (a signal opens at most one position).
            for (int i = 0; i < 40; ++i) {
                const qint64 pendingId = 1 + qint64(i) * 3 * 7; // every 7th buy signal
                const qint64 strategyId = 2 + qint64(i + 1) * 3 * 5;
                QVERIFY2(
                    raw.exec(QStringLiteral(
                                 "INSERT INTO positions (id, stock_code, buy_price, buy_quantity, buy_amount, status, "
                                 "buy_time, sell_time, quantity, origin, pending_signal_id, strategy_signal_id, "
                                 "updated_at) VALUES (?, ?, 1000, 10, 10000, ?, 0, ?, ?, ?, ?, ?, 0)"),
                        { 100 + i, QStringLiteral("P%1").arg(i),
                            i % 2 ? QStringLiteral("CLOSED") : QStringLiteral("OPEN"), i % 2 ? QVariant(5) : QVariant(),
                            i % 2 ? 0 : 10, i % 2 ? QStringLiteral("strategy") : QStringLiteral("condition"),
                            i % 2 ? QVariant() : QVariant(pendingId), i % 2 ? QVariant(strategyId) : QVariant() }),
                    qPrintable(raw.lastError()));
                QVERIFY2(
                    raw.exec(
                        QStringLiteral(
                            "INSERT INTO orders (id, client_order_id, side, stock_code, quantity, price, trade_type, "
                            "state, created_at, updated_at, origin, origin_signal_id, position_id, trading_date) "
                            "VALUES (?, ?, 'BUY', ?, 10, ?, ?, 'ACCEPTED', 0, 0, ?, ?, ?, '2025-03-14')"),
                        { 500 + i, QStringLiteral("kt-%1").arg(i), QStringLiteral("P%1").arg(i), i % 3 ? 1000 : 0,
                            i % 3 ? QStringLiteral("0") : QStringLiteral("3"),
                            i % 2 ? QStringLiteral("strategy") : QStringLiteral("condition"),
                            i % 2 ? strategyId : pendingId, 100 + i }),
                    qPrintable(raw.lastError()));
                QVERIFY(raw.exec(QStringLiteral("INSERT INTO audit_log (at, actor, entity, entity_id, action, after) "
                                                "VALUES (0, 'test', 'pending_buy_signals', ?, 'insert', '{}')"),
                    { pendingId }));
            }
            QVERIFY2(raw.exec(QStringLiteral("COMMIT")), qPrintable(raw.lastError()));
            for (const QString &table : tableNames(raw.db())) {
                columnsAtV2.insert(table, tableColumns(raw.db(), table));
                before.insert(table, tableRows(raw.db(), table, columnsAtV2.value(table)));
            }
            QCOMPARE(before.value(QStringLiteral("pending_buy_signals")).size(), 300);
            QCOMPARE(before.value(QStringLiteral("strategy_signals")).size(), 300);
        }

        auto opened = Database::open(dir.path(), clock);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
        QSqlDatabase db = opened.value()->connection();
        QCOMPARE(opened.value()->schemaVersion().value(), 3);
        QCOMPARE(schemaDescription(db), m_freshSchema);
        // Every row of every version-2 table, column by column, ids included.
        for (auto it = before.cbegin(); it != before.cend(); ++it)
            QCOMPARE(tableRows(db, it.key(), columnsAtV2.value(it.key())), it.value());
        // The new columns start at their defaults.
        QCOMPARE(scalarText(db,
                     QStringLiteral("SELECT count(*) FROM pending_buy_signals WHERE retry_count = 0 AND "
                                    "next_attempt_at IS NULL AND requested_quantity IS NULL AND "
                                    "requested_amount IS NULL AND order_type IS NULL")),
            QStringLiteral("300"));
        QCOMPARE(scalarText(db,
                     QStringLiteral("SELECT count(*) FROM strategy_signals WHERE retry_count = 0 AND "
                                    "next_attempt_at IS NULL")),
            QStringLiteral("300"));
        // Limit orders are valued at their price, market orders of before at 0.
        QCOMPARE(scalarText(db, QStringLiteral("SELECT count(*) FROM orders WHERE valuation_price = price")),
            QStringLiteral("40"));
        // References still resolve to the same signals: each position's signal is the one whose
        // order the position holds.
        QCOMPARE(scalarText(db,
                     QStringLiteral(
                         "SELECT count(*) FROM positions p JOIN pending_buy_signals s ON s.id = "
                         "p.pending_signal_id JOIN orders o ON o.position_id = p.id AND o.origin_signal_id = s.id")),
            QStringLiteral("20"));
        QCOMPARE(scalarText(db,
                     QStringLiteral(
                         "SELECT count(*) FROM positions p JOIN strategy_signals s ON s.id = "
                         "p.strategy_signal_id JOIN orders o ON o.position_id = p.id AND o.origin_signal_id = s.id")),
            QStringLiteral("20"));
        {
            QSqlQuery fkCheck(db);
            QVERIFY(fkCheck.exec(QStringLiteral("PRAGMA foreign_key_check")));
            QVERIFY(!fkCheck.next());
            QCOMPARE(scalarText(db, QStringLiteral("PRAGMA foreign_keys")), QStringLiteral("1"));
        }
        // The foreign keys are live again: a referenced signal cannot go, an unknown one cannot be used.
        QVERIFY(!Storage::run(db, QStringLiteral("UPDATE positions SET pending_signal_id = 2 WHERE id = 100")).ok());
        QCOMPARE(Storage::run(db, QStringLiteral("DELETE FROM pending_buy_signals WHERE id = 1")).error().code,
            QStringLiteral("storage.rule"));
        // The dedupe index survived: the same signal again is refused, a new one takes the next id.
        QCOMPARE(Storage::run(db,
                     QStringLiteral("INSERT INTO pending_buy_signals (condition_id, stock_code, "
                                    "detected_at, detected_date, signal_type, source, updated_at) "
                                    "SELECT condition_id, stock_code, detected_at, detected_date, "
                                    "signal_type, source, updated_at FROM pending_buy_signals WHERE id = 4"))
                     .error()
                     .code,
            QStringLiteral("storage.unique"));
        QVERIFY(Storage::run(db,
            QStringLiteral("INSERT INTO pending_buy_signals (stock_code, detected_at, "
                           "detected_date, signal_type, source, status, updated_at) VALUES "
                           "('NEW', 0, '2025-03-17', 'REF', 'manual', 'PROCESSING', 0)"))
                    .ok());
        QCOMPARE(scalarText(db, QStringLiteral("SELECT max(id) FROM pending_buy_signals")), QStringLiteral("899"));
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
