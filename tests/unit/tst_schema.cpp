// SPDX-License-Identifier: GPL-3.0-or-later
#include "market/candle.h"
#include "storage/database.h"
#include "storage/records.h"
#include "storage/sqlutil.h"
#include "storagefixture.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QtTest>

using namespace StorageTest;

namespace {

struct SeedColumn
{
    const char *name;
    const char *seedType; // as written in the seed's ER diagram
};

struct SeedTable
{
    const char *name;
    QList<SeedColumn> columns;
    QStringList unique; // the seed's UK columns
    QList<QPair<QString, QString>> foreignKeys; // column → referenced table
};

// Section 2 of the seed ("데이터베이스 ER 다이어그램"), transcribed table by table.
const QList<SeedTable> &seedTables()
{
    static const QList<SeedTable> tables = {
        { "auto_trade_conditions",
            { { "id", "int" }, { "condition_name", "string" }, { "api_condition_id", "string" },
                { "is_enabled", "boolean" }, { "updated_at", "datetime" } },
            { QStringLiteral("condition_name") }, {} },
        { "auto_trade_settings",
            { { "id", "int" }, { "is_enabled", "boolean" }, { "max_invest_amount", "int" }, { "stop_loss_rate", "int" },
                { "take_profit_rate", "int" }, { "updated_at", "datetime" } },
            {}, {} },
        { "pending_buy_signals",
            { { "id", "int" }, { "condition_id", "int" }, { "stock_code", "string" }, { "stock_name", "string" },
                { "detected_at", "datetime" }, { "detected_date", "date" }, { "status", "string" },
                { "signal_type", "string" }, { "reference_candle_high", "int" },
                { "reference_candle_date", "datetime" }, { "target_price", "int" } },
            {}, { { QStringLiteral("condition_id"), QStringLiteral("auto_trade_conditions") } } },
        { "watchlist_stocks",
            { { "id", "int" }, { "stock_code", "string" }, { "stock_name", "string" }, { "added_at", "datetime" },
                { "is_active", "boolean" }, { "source_type", "string" }, { "condition_id", "int" },
                { "condition_name", "string" } },
            { QStringLiteral("stock_code") },
            { { QStringLiteral("condition_id"), QStringLiteral("auto_trade_conditions") } } },
        { "trading_strategies",
            { { "id", "int" }, { "strategy_name", "string" }, { "strategy_type", "string" },
                { "is_enabled", "boolean" }, { "parameters", "json" }, { "updated_at", "datetime" } },
            { QStringLiteral("strategy_name") }, {} },
        { "strategy_signals",
            { { "id", "int" }, { "strategy_id", "int" }, { "stock_code", "string" }, { "stock_name", "string" },
                { "signal_type", "string" }, { "signal_value", "float" }, { "detected_at", "datetime" },
                { "detected_date", "date" }, { "status", "string" }, { "additional_data", "json" } },
            {}, { { QStringLiteral("strategy_id"), QStringLiteral("trading_strategies") } } },
        { "positions",
            { { "id", "int" }, { "stock_code", "string" }, { "stock_name", "string" }, { "buy_price", "int" },
                { "buy_quantity", "int" }, { "buy_amount", "int" }, { "stop_loss_rate", "float" },
                { "take_profit_rate", "float" }, { "stop_loss_price", "int" }, { "take_profit_price", "int" },
                { "status", "string" }, { "current_price", "int" }, { "current_profit_loss", "int" },
                { "current_profit_loss_rate", "float" }, { "buy_time", "datetime" }, { "sell_time", "datetime" },
                { "last_monitored", "datetime" } },
            {}, {} },
        { "sell_orders",
            { { "id", "int" }, { "position_id", "int" }, { "stock_code", "string" }, { "stock_name", "string" },
                { "sell_price", "int" }, { "sell_quantity", "int" }, { "sell_amount", "int" },
                { "sell_reason", "string" }, { "sell_reason_detail", "string" }, { "profit_loss", "int" },
                { "profit_loss_rate", "float" }, { "status", "string" }, { "created_at", "datetime" },
                { "ordered_at", "datetime" }, { "completed_at", "datetime" } },
            {}, { { QStringLiteral("position_id"), QStringLiteral("positions") } } },
        { "condition_watchlist_sync",
            { { "id", "int" }, { "condition_id", "int" }, { "condition_name", "string" }, { "stock_code", "string" },
                { "stock_name", "string" }, { "sync_status", "string" }, { "last_sync_at", "datetime" },
                { "added_to_watchlist", "boolean" } },
            {}, { { QStringLiteral("condition_id"), QStringLiteral("auto_trade_conditions") } } },
    };
    return tables;
}

// The app's storage conventions for each seed type: money/ints, times and booleans are INTEGER,
// dates and JSON TEXT, floats REAL.
QString sqlTypeFor(const QString &table, const QString &column, const QString &seedType)
{
    // The seed draws the settings' rates as int; rates are REAL percent in this app.
    if (table == QLatin1String("auto_trade_settings") && column.endsWith(QLatin1String("_rate")))
        return QStringLiteral("REAL");
    if (seedType == QLatin1String("int") || seedType == QLatin1String("datetime")
        || seedType == QLatin1String("boolean"))
        return QStringLiteral("INTEGER");
    if (seedType == QLatin1String("float"))
        return QStringLiteral("REAL");
    return QStringLiteral("TEXT");
}

QMap<QString, QString> columnTypes(const QSqlDatabase &db, const QString &table)
{
    QMap<QString, QString> types;
    QSqlQuery q(db);
    q.exec(QStringLiteral("SELECT name, type FROM pragma_table_info('%1')").arg(table));
    while (q.next())
        types.insert(q.value(0).toString(), q.value(1).toString());
    return types;
}

QString pkColumn(const QSqlDatabase &db, const QString &table)
{
    QSqlQuery q(db);
    q.exec(QStringLiteral("SELECT name FROM pragma_table_info('%1') WHERE pk = 1").arg(table));
    return q.next() ? q.value(0).toString() : QString();
}

// Single-column unique indexes of a table.
QStringList uniqueColumns(const QSqlDatabase &db, const QString &table)
{
    QStringList columns;
    QSqlQuery q(db);
    q.exec(QStringLiteral("SELECT name FROM pragma_index_list('%1') WHERE \"unique\" = 1 AND partial = 0").arg(table));
    QStringList indexes;
    while (q.next())
        indexes << q.value(0).toString();
    for (const QString &index : std::as_const(indexes)) {
        QSqlQuery c(db);
        c.exec(QStringLiteral("SELECT name FROM pragma_index_info('%1')").arg(index));
        QStringList cols;
        while (c.next())
            cols << c.value(0).toString();
        if (cols.size() == 1)
            columns << cols.first();
    }
    return columns;
}

QMap<QString, QString> foreignKeys(const QSqlDatabase &db, const QString &table)
{
    QMap<QString, QString> keys;
    QSqlQuery q(db);
    q.exec(QStringLiteral("SELECT \"from\", \"table\" FROM pragma_foreign_key_list('%1')").arg(table));
    while (q.next())
        keys.insert(q.value(0).toString(), q.value(1).toString());
    return keys;
}

// Rows every constraint test starts from (ids 1).
const QStringList BASE_ROWS = {
    QStringLiteral("INSERT INTO auto_trade_conditions (id, condition_name, updated_at) VALUES (1, 'c1', 0)"),
    QStringLiteral(
        "INSERT INTO trading_strategies (id, strategy_name, strategy_type, updated_at) VALUES (1, 's1', 'rsi', 0)"),
    QStringLiteral("INSERT INTO watchlist_stocks (id, stock_code, added_at, source_type, updated_at) VALUES (1, "
                   "'005930', 0, 'MANUAL', 0)"),
    QStringLiteral("INSERT INTO pending_buy_signals (id, condition_id, stock_code, detected_at, detected_date, "
                   "signal_type, source, "
                   "updated_at) VALUES (1, 1, '005930', 0, '2025-03-14', 'REF', 'condition:1', 0)"),
    QStringLiteral("INSERT INTO strategy_signals (id, strategy_id, stock_code, signal_type, detected_at, "
                   "detected_date, updated_at) "
                   "VALUES (1, 1, '005930', 'BUY', 0, '2025-03-14', 0)"),
    QStringLiteral(
        "INSERT INTO positions (id, stock_code, buy_price, buy_quantity, buy_amount, status, buy_time, quantity, "
        "origin, "
        "pending_signal_id, updated_at) VALUES (1, '005930', 70000, 10, 700000, 'OPEN', 0, 10, 'condition', 1, 0)"),
    QStringLiteral("INSERT INTO sell_orders (id, position_id, stock_code, sell_quantity, sell_reason, status, "
                   "created_at, updated_at) "
                   "VALUES (1, 1, '005930', 10, 'STOP_LOSS', 'PENDING', 0, 0)"),
    QStringLiteral("INSERT INTO condition_watchlist_sync (id, condition_id, condition_name, stock_code, sync_status, "
                   "last_sync_at) "
                   "VALUES (1, 1, 'c1', '005930', 'ACTIVE', 0)"),
    QStringLiteral(
        "INSERT INTO orders (id, client_order_id, broker_order_no, side, stock_code, quantity, price, trade_type, "
        "state, "
        "created_at, updated_at, origin, trading_date) VALUES (1, 'kt-1', '0000138', 'BUY', '005930', 10, 70000, '0', "
        "'ACCEPTED', 0, 0, 'condition', '2025-03-14')"),
    QStringLiteral(
        "INSERT INTO executions (id, order_id, broker_execution_no, price, quantity, executed_at, recorded_at) "
        "VALUES (1, 1, 'E1', 70000, 1, 0, 0)"),
    QStringLiteral("INSERT INTO candles VALUES ('005930', '1d', 0, 100, 110, 90, 105, 1000)"),
};

// An orders row in a given state, consistent with its CHECKs (quantity 2).
QString orderInState(int id, Storage::OrderState state)
{
    const int filled = state == Storage::OrderState::Filled ? 2 : state == Storage::OrderState::Partial ? 1 : 0;
    return QStringLiteral(
        "INSERT INTO orders (id, client_order_id, side, stock_code, quantity, price, trade_type, state, "
        "filled_quantity, filled_amount, created_at, updated_at, origin, trading_date) "
        "VALUES (%1, 'kt-t%1', 'BUY', '000660', 2, 1000, '0', '%2', %3, %4, 0, 0, 'manual', '2025-03-14')")
        .arg(id)
        .arg(Storage::enumText(state))
        .arg(filled)
        .arg(filled * 1000);
}

} // namespace

class TestSchema final : public QObject
{
    Q_OBJECT

private:
    ManualClock m_clock { T0 };
    std::unique_ptr<Database> m_db;

    Status run(const QString &sql)
    {
        auto done = Storage::run(m_db->connection(), sql);
        return done ? Status() : Status(done.error());
    }

private slots:
    void init()
    {
        m_db = openMemory(m_clock);
        QVERIFY(m_db);
    }
    void cleanup() { m_db.reset(); }

    void seedTablesAndColumnsArePresent()
    {
        const QSqlDatabase db = m_db->connection();
        const QStringList tables = tableNames(db);
        for (const SeedTable &seed : seedTables()) {
            const QString table = QString::fromLatin1(seed.name);
            QVERIFY2(tables.contains(table), qPrintable(table));
            const QMap<QString, QString> types = columnTypes(db, table);
            for (const SeedColumn &column : seed.columns) {
                const QString name = QString::fromLatin1(column.name);
                QVERIFY2(types.contains(name), qPrintable(table + QLatin1Char('.') + name));
                QCOMPARE(types.value(name), sqlTypeFor(table, name, QString::fromLatin1(column.seedType)));
            }
            QCOMPARE(pkColumn(db, table), QStringLiteral("id"));
            const QStringList unique = uniqueColumns(db, table);
            for (const QString &uk : seed.unique)
                QVERIFY2(unique.contains(uk), qPrintable(table + QLatin1String(" UK ") + uk));
            const QMap<QString, QString> fks = foreignKeys(db, table);
            for (const auto &fk : seed.foreignKeys)
                QCOMPARE(fks.value(fk.first), fk.second);
        }
        // The seed's "PENDING_BUY_SIGNALS ||--o| POSITIONS": a signal creates at most one position.
        QCOMPARE(foreignKeys(db, QStringLiteral("positions")).value(QStringLiteral("pending_signal_id")),
            QStringLiteral("pending_buy_signals"));
    }

    void addedTablesAndColumnsArePresent_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<QStringList>("columns");
        QTest::newRow("orders") << QStringLiteral("orders")
                                << QStringList { "id", "client_order_id", "broker_order_no", "orig_order_id",
                                       "orig_broker_order_no", "side", "stock_code", "stock_name", "quantity", "price",
                                       "trade_type", "state", "filled_quantity", "avg_fill_price", "created_at",
                                       "sent_at", "updated_at", "reject_reason", "origin", "origin_signal_id",
                                       "position_id" };
        QTest::newRow("executions") << QStringLiteral("executions")
                                    << QStringList { "id", "order_id", "broker_execution_no", "price", "quantity",
                                           "fee", "tax", "executed_at" };
        QTest::newRow("candles") << QStringLiteral("candles")
                                 << QStringList { "stock_code", "interval", "open_time", "open", "high", "low", "close",
                                        "volume" };
        QTest::newRow("audit_log") << QStringLiteral("audit_log")
                                   << QStringList { "id", "at", "actor", "entity", "entity_id", "before", "after" };
        // Version 3.
        QTest::newRow("positions v3") << QStringLiteral("positions")
                                      << QStringList { "buy_fees", "trailing_stop_rate", "exit_deadline_at" };
        QTest::newRow("orders v3") << QStringLiteral("orders") << QStringList { "valuation_price" };
        QTest::newRow("pending_buy_signals v3")
            << QStringLiteral("pending_buy_signals")
            << QStringList { "retry_count", "next_attempt_at", "requested_quantity", "requested_amount", "order_type" };
        QTest::newRow("strategy_signals v3")
            << QStringLiteral("strategy_signals") << QStringList { "retry_count", "next_attempt_at" };
        QTest::newRow("signal_decisions")
            << QStringLiteral("signal_decisions")
            << QStringList { "id", "at", "trading_date", "stock_code", "signal_kind", "signal_id", "source", "decision",
                   "rule", "message", "data", "order_id" };
        QTest::newRow("engine_state") << QStringLiteral("engine_state") << QStringList { "key", "value", "updated_at" };
    }
    void addedTablesAndColumnsArePresent()
    {
        QFETCH(QString, table);
        QFETCH(QStringList, columns);
        const QStringList actual = tableColumns(m_db->connection(), table);
        for (const QString &column : std::as_const(columns))
            QVERIFY2(actual.contains(column), qPrintable(table + QLatin1Char('.') + column));
    }

    void everyTableIsStrict()
    {
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT name, sql FROM sqlite_schema WHERE type = 'table'")));
        int tables = 0;
        while (q.next()) {
            ++tables;
            QVERIFY2(q.value(1).toString().contains(QLatin1String(") STRICT")), qPrintable(q.value(0).toString()));
        }
        QCOMPARE(tables, 15);
        // WITHOUT ROWID for the candle cache.
        QSqlQuery c(m_db->connection());
        QVERIFY(c.exec(QStringLiteral("SELECT sql FROM sqlite_schema WHERE name = 'candles'")) && c.next());
        QVERIFY(c.value(0).toString().contains(QLatin1String("WITHOUT ROWID")));
    }

    void expectedIndexesExist()
    {
        QSqlQuery q(m_db->connection());
        QVERIFY(
            q.exec(QStringLiteral("SELECT name FROM sqlite_schema WHERE type = 'index' AND name NOT LIKE 'sqlite_%'")));
        QStringList names;
        while (q.next())
            names << q.value(0).toString();
        for (const char *expected : { "ux_pending_buy_signals_dedupe", "idx_pending_buy_signals_status_date",
                 "ux_strategy_signals_dedupe", "idx_strategy_signals_status_date", "ux_positions_active_stock",
                 "idx_positions_open", "ux_sell_orders_in_flight", "ux_condition_watchlist_sync", "idx_orders_state",
                 "ux_orders_broker_order_no", "ux_executions_order_broker_no", "idx_audit_log_entity",
                 "idx_pending_buy_signals_condition", "idx_strategy_signals_stock_date",
                 "idx_signal_decisions_stock_date", "idx_signal_decisions_signal" }) {
            QVERIFY2(names.contains(QString::fromLatin1(expected)), expected);
        }
    }

    // Each row: a statement that breaks one constraint, and the error code the store reports.
    void constraintsReject_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("code");
        const QString unique = QStringLiteral("storage.unique");
        const QString check = QStringLiteral("storage.check");
        const QString fk = QStringLiteral("storage.foreign_key");
        const QString rule = QStringLiteral("storage.rule");

        // UNIQUE
        QTest::newRow("condition name")
            << "INSERT INTO auto_trade_conditions (condition_name, updated_at) VALUES ('c1', 0)" << unique;
        QTest::newRow("watchlist stock code")
            << "INSERT INTO watchlist_stocks (stock_code, added_at, source_type, updated_at) "
               "VALUES ('005930', 0, 'CONDITION', 0)"
            << unique;
        QTest::newRow("strategy name") << "INSERT INTO trading_strategies (strategy_name, strategy_type, updated_at) "
                                          "VALUES ('s1', 'momentum', 0)"
                                       << unique;
        QTest::newRow("buy signal dedupe")
            << "INSERT INTO pending_buy_signals (condition_id, stock_code, detected_at, detected_date, "
               "signal_type, source, updated_at) VALUES (1, '005930', 5, '2025-03-14', 'REF', "
               "'condition:1', 0)"
            << unique;
        QTest::newRow("strategy signal dedupe")
            << "INSERT INTO strategy_signals (strategy_id, stock_code, signal_type, detected_at, "
               "detected_date, updated_at) VALUES (1, '005930', 'BUY', 5, '2025-03-14', 0)"
            << unique;
        QTest::newRow("condition sync pair")
            << "INSERT INTO condition_watchlist_sync (condition_id, condition_name, stock_code, "
               "sync_status, last_sync_at) VALUES (1, 'c1', '005930', 'REMOVED', 0)"
            << unique;
        QTest::newRow("client order id")
            << "INSERT INTO orders (client_order_id, side, stock_code, quantity, price, trade_type, "
               "created_at, updated_at, origin, trading_date) VALUES ('kt-1', 'BUY', '000660', 1, 1, "
               "'0', 0, 0, 'manual', '2025-03-14')"
            << unique;
        QTest::newRow("broker order no per day")
            << "INSERT INTO orders (client_order_id, broker_order_no, side, stock_code, quantity, "
               "price, trade_type, created_at, updated_at, origin, trading_date) VALUES "
               "('kt-2', '0000138', 'BUY', '000660', 1, 1, '0', 0, 0, 'manual', '2025-03-14')"
            << unique;
        QTest::newRow("execution per order")
            << "INSERT INTO executions (order_id, broker_execution_no, price, quantity, executed_at, "
               "recorded_at) VALUES (1, 'E1', 70000, 1, 0, 0)"
            << unique;
        QTest::newRow("one live position per stock")
            << "INSERT INTO positions (stock_code, buy_price, buy_quantity, buy_amount, "
               "buy_time, quantity, origin, updated_at) VALUES ('005930', 1, 1, 1, 0, 1, "
               "'manual', 0)"
            << unique;
        QTest::newRow("one position per signal")
            << "INSERT INTO positions (stock_code, buy_price, buy_quantity, buy_amount, buy_time, "
               "quantity, origin, pending_signal_id, updated_at) VALUES ('000660', 1, 1, 1, 0, 1, "
               "'condition', 1, 0)"
            << unique;
        QTest::newRow("one sell in flight")
            << "INSERT INTO sell_orders (position_id, stock_code, sell_quantity, sell_reason, status, "
               "created_at, updated_at) VALUES (1, '005930', 1, 'MANUAL', 'ORDERED', 0, 0)"
            << unique;
        QTest::newRow("candle key") << "INSERT INTO candles VALUES ('005930', '1d', 0, 1, 1, 1, 1, 1)" << unique;

        // CHECK: status sets and other closed sets
        QTest::newRow("buy signal status") << "UPDATE pending_buy_signals SET status = 'DONE'" << check;
        QTest::newRow("strategy signal status") << "UPDATE strategy_signals SET status = 'pending'" << check;
        QTest::newRow("position status") << "UPDATE positions SET status = 'HOLDING'" << check;
        QTest::newRow("sell order status") << "UPDATE sell_orders SET status = 'DONE'" << check;
        QTest::newRow("order state")
            << "INSERT INTO orders (client_order_id, side, stock_code, quantity, price, trade_type, state, "
               "created_at, updated_at, origin, trading_date) VALUES ('kt-x', 'BUY', '1', 1, 1, '0', "
               "'OPEN', 0, 0, 'manual', '2025-03-14')"
            << check;
        QTest::newRow("order side")
            << "INSERT INTO orders (client_order_id, side, stock_code, quantity, price, trade_type, "
               "created_at, updated_at, origin, trading_date) VALUES ('kt-x', 'HOLD', '1', 1, 1, '0', 0, "
               "0, 'manual', '2025-03-14')"
            << check;
        QTest::newRow("order origin")
            << "INSERT INTO orders (client_order_id, side, stock_code, quantity, price, trade_type, "
               "created_at, updated_at, origin, trading_date) VALUES ('kt-x', 'BUY', '1', 1, 1, '0', 0, "
               "0, 'magic', '2025-03-14')"
            << check;
        QTest::newRow("sync status") << "UPDATE condition_watchlist_sync SET sync_status = 'SYNCED'" << check;
        QTest::newRow("watchlist source") << "UPDATE watchlist_stocks SET source_type = 'AI'" << check;
        QTest::newRow("sell reason") << "UPDATE sell_orders SET sell_reason = 'BORED'" << check;
        QTest::newRow("boolean 2") << "UPDATE auto_trade_conditions SET is_enabled = 2" << check;
        QTest::newRow("settings singleton")
            << "INSERT INTO auto_trade_settings (id, max_invest_amount, stop_loss_rate, "
               "take_profit_rate, updated_at) VALUES (2, 1, 1, 1, 0)"
            << check;
        QTest::newRow("negative invest amount")
            << "INSERT INTO auto_trade_settings (id, max_invest_amount, stop_loss_rate, "
               "take_profit_rate, updated_at) VALUES (1, -1, 1, 1, 0)"
            << check;
        QTest::newRow("negative order price") << "UPDATE orders SET price = -1" << check;
        QTest::newRow("overfill") << "UPDATE orders SET filled_quantity = 11" << check;
        QTest::newRow("FILLED without fills") << "UPDATE orders SET state = 'FILLED'" << check;
        QTest::newRow("position sold more than bought") << "UPDATE positions SET quantity = 11" << check;
        QTest::newRow("closed position with shares")
            << "UPDATE positions SET status = 'CLOSED', sell_time = 1" << check;
        QTest::newRow("detected date format") << "UPDATE pending_buy_signals SET detected_date = '14/03/2025'" << check;
        QTest::newRow("parameters not JSON") << "UPDATE trading_strategies SET parameters = '{oops'" << check;
        QTest::newRow("parameters not an object") << "UPDATE trading_strategies SET parameters = '[1,2]'" << check;
        QTest::newRow("audit JSON")
            << "INSERT INTO audit_log (at, actor, entity, action, before) VALUES (0, 'a', 'e', 'x', 'nope')" << check;
        QTest::newRow("candle high below low")
            << "INSERT INTO candles VALUES ('005930', '1d', 1, 100, 90, 95, 92, 1)" << check;
        QTest::newRow("candle interval") << "INSERT INTO candles VALUES ('005930', '2h', 1, 100, 100, 100, 100, 1)"
                                         << check;
        QTest::newRow("text in a price (STRICT)") << "UPDATE orders SET price = '70,000'" << check;
        // Version 3
        QTest::newRow("buy signal status PROCESSING spelled wrong")
            << "UPDATE pending_buy_signals SET status = 'processing'" << check;
        QTest::newRow("negative buy fees") << "UPDATE positions SET buy_fees = -1" << check;
        QTest::newRow("trailing stop 0 %") << "UPDATE positions SET trailing_stop_rate = 0" << check;
        QTest::newRow("trailing stop 100 %") << "UPDATE positions SET trailing_stop_rate = 100" << check;
        QTest::newRow("negative valuation price") << "UPDATE orders SET valuation_price = -1" << check;
        QTest::newRow("negative retry count") << "UPDATE strategy_signals SET retry_count = -1" << check;
        QTest::newRow("requested quantity 0") << "UPDATE pending_buy_signals SET requested_quantity = 0" << check;
        QTest::newRow("order type") << "UPDATE pending_buy_signals SET order_type = 'STOP'" << check;
        QTest::newRow("decision")
            << "INSERT INTO signal_decisions (at, trading_date, stock_code, signal_kind, decision, message) "
               "VALUES (0, '2025-03-14', '005930', 'PENDING_BUY', 'MAYBE', 'm')"
            << check;
        QTest::newRow("decision kind")
            << "INSERT INTO signal_decisions (at, trading_date, stock_code, signal_kind, decision, message) "
               "VALUES (0, '2025-03-14', '005930', 'HUNCH', 'CREATED', 'm')"
            << check;
        QTest::newRow("decision data not an object")
            << "INSERT INTO signal_decisions (at, trading_date, stock_code, signal_kind, decision, message, data) "
               "VALUES (0, '2025-03-14', '005930', 'PENDING_BUY', 'CREATED', 'm', '[1]')"
            << check;
        QTest::newRow("engine state not JSON")
            << "INSERT INTO engine_state (key, value, updated_at) VALUES ('kill_switch', 'OFF', 0)" << check;
        QTest::newRow("real in a quantity (STRICT)") << "UPDATE orders SET quantity = 10.5" << check;
        QTest::newRow("not null")
            << "INSERT INTO orders (client_order_id, side, stock_code, quantity, price, trade_type, "
               "created_at, updated_at, origin, trading_date) VALUES (NULL, 'BUY', '1', 1, 1, '0', 0, 0, "
               "'manual', '2025-03-14')"
            << QStringLiteral("storage.not_null");

        // FOREIGN KEY
        QTest::newRow("signal of unknown condition") << "UPDATE pending_buy_signals SET condition_id = 99" << fk;
        QTest::newRow("signal of unknown strategy") << "UPDATE strategy_signals SET strategy_id = 99" << fk;
        QTest::newRow("sell of unknown position") << "UPDATE sell_orders SET position_id = 99" << fk;
        QTest::newRow("fill of unknown order")
            << "INSERT INTO executions (order_id, broker_execution_no, price, quantity, "
               "executed_at, recorded_at) VALUES (99, 'E9', 1, 1, 0, 0)"
            << fk;
        QTest::newRow("order of unknown position") << "UPDATE orders SET position_id = 99" << fk;
        QTest::newRow("delete condition with signals") << "DELETE FROM auto_trade_conditions WHERE id = 1" << fk;
        QTest::newRow("delete strategy with signals") << "DELETE FROM trading_strategies WHERE id = 1" << fk;
        QTest::newRow("decision of unknown order")
            << "INSERT INTO signal_decisions (at, trading_date, stock_code, signal_kind, decision, message, order_id) "
               "VALUES (0, '2025-03-14', '005930', 'PENDING_BUY', 'ORDERED', 'm', 99)"
            << fk;
        QTest::newRow("position of unknown signal") << "UPDATE positions SET pending_signal_id = 99" << fk;

        // Triggers: money history is never lost or rewritten
        QTest::newRow("delete order") << "DELETE FROM orders" << rule;
        QTest::newRow("delete execution") << "DELETE FROM executions" << rule;
        QTest::newRow("edit execution") << "UPDATE executions SET price = 1" << rule;
        QTest::newRow("delete position") << "DELETE FROM positions" << rule;
        QTest::newRow("delete sell order") << "DELETE FROM sell_orders" << rule;
        QTest::newRow("delete buy signal") << "DELETE FROM pending_buy_signals" << rule;
        QTest::newRow("delete strategy signal") << "DELETE FROM strategy_signals" << rule;
        QTest::newRow("order state backwards") << "UPDATE orders SET state = 'SENT'" << rule;
        QTest::newRow("order changes side") << "UPDATE orders SET side = 'SELL'" << rule;
        QTest::newRow("order changes client id") << "UPDATE orders SET client_order_id = 'other'" << rule;
        QTest::newRow("broker order no reassigned") << "UPDATE orders SET broker_order_no = '0000999'" << rule;
        QTest::newRow("fills decrease") << "UPDATE orders SET filled_quantity = 0 WHERE id = -1 OR 1"
                                        << QStringLiteral("storage.rule-after-fill");
    }
    void constraintsReject()
    {
        QFETCH(QString, sql);
        QFETCH(QString, code);
        for (const QString &row : BASE_ROWS)
            QVERIFY2(run(row).ok(), qPrintable(row));
        if (code == QLatin1String("storage.rule-after-fill")) {
            QVERIFY(run(QStringLiteral("UPDATE orders SET filled_quantity = 1, filled_amount = 70000")).ok());
            code = QStringLiteral("storage.rule");
        }
        const QStringList before = dumpAll(m_db->connection());
        Status result = run(sql);
        QVERIFY2(!result.ok(), qPrintable(sql));
        QCOMPARE(result.error().code, code);
        QVERIFY(!result.error().message.isEmpty());
        // Nothing changed.
        const QStringList after = dumpAll(m_db->connection());
        QCOMPARE(after, before);
    }

    void baseRowsAreValid()
    {
        // The fixture itself must satisfy every constraint, or the rows above prove nothing.
        for (const QString &row : BASE_ROWS) {
            Status s = run(row);
            QVERIFY2(s.ok(), qPrintable(row + QLatin1String(": ") + (s.ok() ? QString() : s.error().message)));
        }
        // And deleting what may be deleted works.
        QVERIFY(run(QStringLiteral("DELETE FROM condition_watchlist_sync")).ok());
        QVERIFY(run(QStringLiteral("DELETE FROM candles")).ok());
        QVERIFY(run(QStringLiteral("DELETE FROM audit_log")).ok());
    }

    // Every C++ enum value is a value its column's CHECK accepts (and the other way round is
    // covered by constraintsReject): enums and schema cannot drift apart.
    void everyEnumValueIsStorable()
    {
        for (const QString &row : BASE_ROWS)
            QVERIFY2(run(row).ok(), qPrintable(row));
        auto accepts = [&](const QString &sql) {
            Status s = run(sql);
            return s.ok() ? QString() : sql + QLatin1String(": ") + s.error().message;
        };
        int id = 10;
        for (Storage::Origin origin : Storage::allValues<Storage::Origin>()) {
            ++id;
            QString failure
                = accepts(QStringLiteral("INSERT INTO orders (id, client_order_id, side, stock_code, quantity, price, "
                                         "trade_type, created_at, updated_at, origin, trading_date) VALUES "
                                         "(%1, 'kt-o%1', 'SELL', '1', 1, 1, '0', 0, 0, '%2', '2025-03-14')")
                              .arg(id)
                              .arg(Storage::enumText(origin)));
            QVERIFY2(failure.isEmpty(), qPrintable(failure));
            failure = accepts(
                QStringLiteral("INSERT INTO positions (id, stock_code, buy_price, buy_quantity, buy_amount, status, "
                               "buy_time, quantity, origin, updated_at) VALUES (%1, 'S%1', 1, 1, 1, 'OPEN', 0, 1, "
                               "'%2', 0)")
                    .arg(id)
                    .arg(Storage::enumText(origin)));
            QVERIFY2(failure.isEmpty(), qPrintable(failure));
        }
        for (Side side : Storage::allValues<Side>()) {
            for (Storage::OrderAction action : Storage::allValues<Storage::OrderAction>()) {
                ++id;
                const QString failure = accepts(QStringLiteral(
                    "INSERT INTO orders (id, client_order_id, action, side, stock_code, quantity, price, "
                    "trade_type, created_at, updated_at, origin, orig_order_id, trading_date) VALUES "
                    "(%1, 'kt-a%1', '%2', '%3', '1', 1, 1, '0', 0, 0, 'manual', 1, '2025-03-14')")
                                                    .arg(id)
                                                    .arg(Storage::enumText(action), Storage::enumText(side)));
                QVERIFY2(failure.isEmpty(), qPrintable(failure));
            }
        }
        for (Storage::SignalStatus status : Storage::allValues<Storage::SignalStatus>()) {
            for (const char *table : { "pending_buy_signals", "strategy_signals" }) {
                const QString failure = accepts(
                    QStringLiteral("UPDATE %1 SET status = '%2'").arg(QLatin1String(table), Storage::enumText(status)));
                QVERIFY2(failure.isEmpty(), qPrintable(failure));
            }
        }
        for (Storage::DecisionKind kind : Storage::allValues<Storage::DecisionKind>()) {
            for (Storage::Decision decision : Storage::allValues<Storage::Decision>()) {
                const QString failure = accepts(
                    QStringLiteral("INSERT INTO signal_decisions (at, trading_date, stock_code, signal_kind, decision, "
                                   "message) VALUES (0, '2025-03-14', '005930', '%1', '%2', 'm')")
                        .arg(Storage::enumText(kind), Storage::enumText(decision)));
                QVERIFY2(failure.isEmpty(), qPrintable(failure));
            }
        }
        for (const char *type : { "LIMIT", "MARKET" }) {
            QVERIFY(accepts(QStringLiteral("UPDATE pending_buy_signals SET order_type = '%1'").arg(QLatin1String(type)))
                        .isEmpty());
        }
        for (Storage::SellReason reason : Storage::allValues<Storage::SellReason>())
            QVERIFY(accepts(QStringLiteral("UPDATE sell_orders SET sell_reason = '%1'").arg(Storage::enumText(reason)))
                        .isEmpty());
        for (Storage::SellOrderStatus status : Storage::allValues<Storage::SellOrderStatus>())
            QVERIFY(accepts(QStringLiteral("UPDATE sell_orders SET status = '%1'").arg(Storage::enumText(status)))
                        .isEmpty());
        for (Storage::SyncStatus status : Storage::allValues<Storage::SyncStatus>()) {
            QVERIFY(accepts(
                QStringLiteral("UPDATE condition_watchlist_sync SET sync_status = '%1'").arg(Storage::enumText(status)))
                        .isEmpty());
        }
        for (Storage::WatchlistSource source : Storage::allValues<Storage::WatchlistSource>()) {
            QVERIFY(
                accepts(QStringLiteral("UPDATE watchlist_stocks SET source_type = '%1'").arg(Storage::enumText(source)))
                    .isEmpty());
        }
        QVERIFY(accepts(QStringLiteral("UPDATE positions SET status = 'SELLING' WHERE id = 1")).isEmpty());
        QVERIFY(
            accepts(QStringLiteral("UPDATE positions SET status = 'CLOSED', quantity = 0, sell_time = 1 WHERE id = 1"))
                .isEmpty());
        for (int i = int(CandleInterval::Minute1); i <= int(CandleInterval::Month); ++i) {
            QVERIFY(accepts(QStringLiteral("INSERT INTO candles VALUES ('E', '%1', 0, 1, 1, 1, 1, 1)")
                                .arg(Candles::toString(CandleInterval(i))))
                        .isEmpty());
        }
    }

    // The trigger and Storage::canTransition() agree on every pair of order states.
    void orderTriggerMatchesStateMachine()
    {
        const auto states = Storage::allValues<Storage::OrderState>();
        QCOMPARE(states.size(), 8);
        int id = 100;
        for (Storage::OrderState from : states) {
            for (Storage::OrderState to : states) {
                if (from == to)
                    continue;
                ++id;
                QVERIFY(run(orderInState(id, from)).ok());
                const int filled = to == Storage::OrderState::Filled ? 2 : to == Storage::OrderState::Partial ? 1 : 0;
                Status moved
                    = run(QStringLiteral("UPDATE orders SET state = '%1', filled_quantity = max(filled_quantity, %2), "
                                         "filled_amount = max(filled_amount, %3) WHERE id = %4")
                              .arg(Storage::enumText(to))
                              .arg(filled)
                              .arg(filled * 1000)
                              .arg(id));
                const QString pair = Storage::enumText(from) + QStringLiteral(" → ") + Storage::enumText(to);
                if (Storage::canTransition(from, to)) {
                    QVERIFY2(moved.ok(),
                        qPrintable(pair + QLatin1String(": ") + (moved.ok() ? QString() : moved.error().message)));
                } else {
                    QVERIFY2(!moved.ok(), qPrintable(pair));
                    QCOMPARE(moved.error().code, QStringLiteral("storage.rule"));
                    QVERIFY2(moved.error().message.contains(QLatin1String("illegal order state transition")),
                        qPrintable(pair));
                }
            }
        }
    }

    // The hot queries of the repositories are served by indexes, not table scans.
    void hotQueriesUseIndexes_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("index");
        QTest::newRow("pending signals by status and date")
            << "SELECT * FROM pending_buy_signals WHERE status = 'PENDING' AND detected_date = '2025-03-14'"
            << "idx_pending_buy_signals_status_date";
        QTest::newRow("expire: pending before a date")
            << "SELECT id FROM pending_buy_signals WHERE status = 'PENDING' AND detected_date < '2025-03-14'"
            << "idx_pending_buy_signals_status_date";
        QTest::newRow("buy signal dedupe lookup")
            << "SELECT id FROM pending_buy_signals WHERE stock_code = '005930' AND detected_date = '2025-03-14' "
               "AND signal_type = 'REF' AND source = 'condition:1'"
            << "ux_pending_buy_signals_dedupe";
        QTest::newRow("strategy signal dedupe lookup")
            << "SELECT id FROM strategy_signals WHERE strategy_id = 1 AND stock_code = '005930' AND detected_date = "
               "'2025-03-14' AND signal_type = 'BUY'"
            << "ux_strategy_signals_dedupe";
        QTest::newRow("open positions") << "SELECT * FROM positions WHERE status IN ('OPEN', 'SELLING') ORDER BY id"
                                        << "idx_positions_open";
        QTest::newRow("live position of a stock")
            << "SELECT * FROM positions WHERE stock_code = '005930' AND status IN ('OPEN', 'SELLING')"
            << "ux_positions_active_stock";
        QTest::newRow("orders by state")
            << "SELECT * FROM orders WHERE state IN ('NEW', 'SENT', 'ACCEPTED', 'PARTIAL', "
               "'UNKNOWN') ORDER BY id"
            << "idx_orders_state";
        QTest::newRow("order by broker number and day")
            << "SELECT * FROM orders WHERE broker_order_no = '0000138' AND trading_date = '2025-03-14'"
            << "ux_orders_broker_order_no";
        QTest::newRow("latest order by broker number")
            << "SELECT * FROM orders WHERE broker_order_no = '0000138' ORDER BY trading_date DESC, id DESC LIMIT 1"
            << "ux_orders_broker_order_no";
        QTest::newRow("order by client id") << "SELECT * FROM orders WHERE client_order_id = 'kt-1'"
                                            << "sqlite_autoindex_orders_1";
        QTest::newRow("orders of a signal")
            << "SELECT * FROM orders WHERE origin = 'condition' AND origin_signal_id = 1"
            << "idx_orders_origin_signal";
        QTest::newRow("executions of an order")
            << "SELECT * FROM executions WHERE order_id = 1 ORDER BY executed_at, id"
            << "ux_executions_order_broker_no";
        QTest::newRow("audit of an entity")
            << "SELECT * FROM audit_log WHERE entity = 'orders' AND entity_id = 1 ORDER BY id DESC"
            << "idx_audit_log_entity";
        QTest::newRow("candle range") << "SELECT * FROM candles WHERE stock_code = '005930' AND interval = '1d' AND "
                                         "open_time >= 0 AND open_time < 100 ORDER BY open_time"
                                      << "PRIMARY KEY";
        QTest::newRow("active watchlist") << "SELECT * FROM watchlist_stocks WHERE is_active = 1"
                                          << "idx_watchlist_stocks_active";
        QTest::newRow("sell orders by status") << "SELECT * FROM sell_orders WHERE status = 'ORDERED'"
                                               << "idx_sell_orders_status";
        QTest::newRow("actionable buy signals")
            << "SELECT * FROM pending_buy_signals WHERE status = 'PENDING' AND detected_date = '2025-03-14' AND "
               "(next_attempt_at IS NULL OR next_attempt_at <= 0) ORDER BY detected_at, id LIMIT 500"
            << "idx_pending_buy_signals_status_date";
        QTest::newRow("actionable strategy signals")
            << "SELECT * FROM strategy_signals WHERE status = 'PENDING' AND detected_date = '2025-03-14' AND "
               "(next_attempt_at IS NULL OR next_attempt_at <= 0) ORDER BY detected_at, id LIMIT 500"
            << "idx_strategy_signals_status_date";
        QTest::newRow("processing signals (crash recovery)")
            << "SELECT id FROM pending_buy_signals WHERE status = 'PROCESSING' ORDER BY id"
            << "idx_pending_buy_signals_status_date";
        QTest::newRow("decisions of a stock and day")
            << "SELECT * FROM signal_decisions WHERE stock_code = '005930' AND trading_date = '2025-03-14' "
               "ORDER BY id DESC LIMIT 500"
            << "idx_signal_decisions_stock_date";
        QTest::newRow("decisions of a signal")
            << "SELECT * FROM signal_decisions WHERE signal_kind = 'PENDING_BUY' AND signal_id = 1 ORDER BY id DESC"
            << "idx_signal_decisions_signal";
    }
    void hotQueriesUseIndexes()
    {
        QFETCH(QString, sql);
        QFETCH(QString, index);
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(QStringLiteral("EXPLAIN QUERY PLAN ") + sql));
        QStringList plan;
        while (q.next())
            plan << q.value(3).toString();
        const QString text = plan.join(QLatin1String("; "));
        QVERIFY2(text.contains(index), qPrintable(text));
    }
};

QTEST_GUILESS_MAIN(TestSchema)
#include "tst_schema.moc"
