// SPDX-License-Identifier: GPL-3.0-or-later
#include "migrations.h"

#include "common/logging.h"
#include "sqlutil.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Storage {

namespace {

// Version 1: the nine tables of the seed's ER diagram (section 2 of the seed document), with the
// column names of the seed and the app's conventions: INTEGER KRW money, REAL percent rates,
// INTEGER UTC epoch-ms times, TEXT "YYYY-MM-DD" Asia/Seoul trading dates, TEXT JSON, INTEGER 0/1
// booleans, CHECKed status sets. STRICT tables refuse a value of the wrong type instead of storing
// "70100" as text in a price column. Columns added beyond the seed are commented.
QStringList version1()
{
    return {
        QStringLiteral("PRAGMA application_id = %1").arg(APPLICATION_ID),

        QStringLiteral(R"(CREATE TABLE auto_trade_conditions (
    id               INTEGER PRIMARY KEY,
    condition_name   TEXT    NOT NULL UNIQUE CHECK (condition_name <> ''),
    api_condition_id TEXT,
    is_enabled       INTEGER NOT NULL DEFAULT 0 CHECK (is_enabled IN (0, 1)),
    updated_at       INTEGER NOT NULL
) STRICT)"),

        // A single row (id 1): the automated-trading switch and its limits.
        QStringLiteral(R"(CREATE TABLE auto_trade_settings (
    id                INTEGER PRIMARY KEY CHECK (id = 1),
    is_enabled        INTEGER NOT NULL DEFAULT 0 CHECK (is_enabled IN (0, 1)),
    max_invest_amount INTEGER NOT NULL CHECK (max_invest_amount >= 0),
    stop_loss_rate    REAL    NOT NULL CHECK (stop_loss_rate >= 0 AND stop_loss_rate <= 100),
    take_profit_rate  REAL    NOT NULL CHECK (take_profit_rate >= 0),
    updated_at        INTEGER NOT NULL
) STRICT)"),

        // Added: updated_at.
        QStringLiteral(R"(CREATE TABLE watchlist_stocks (
    id             INTEGER PRIMARY KEY,
    stock_code     TEXT    NOT NULL UNIQUE CHECK (stock_code <> ''),
    stock_name     TEXT    NOT NULL DEFAULT '',
    added_at       INTEGER NOT NULL,
    is_active      INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
    source_type    TEXT    NOT NULL CHECK (source_type IN ('MANUAL', 'CONDITION')),
    condition_id   INTEGER REFERENCES auto_trade_conditions (id) ON DELETE SET NULL,
    condition_name TEXT,
    updated_at     INTEGER NOT NULL
) STRICT)"),

        // Added: source (the dedupe key's origin, "condition:<id>" by default), status_reason,
        // updated_at. reference_candle_date holds the reference candle's open time (epoch ms).
        // Signals are history: a condition that has signals cannot be deleted (RESTRICT), only disabled.
        QStringLiteral(R"(CREATE TABLE pending_buy_signals (
    id                    INTEGER PRIMARY KEY,
    condition_id          INTEGER REFERENCES auto_trade_conditions (id) ON DELETE RESTRICT,
    stock_code            TEXT    NOT NULL CHECK (stock_code <> ''),
    stock_name            TEXT    NOT NULL DEFAULT '',
    detected_at           INTEGER NOT NULL,
    detected_date         TEXT    NOT NULL CHECK (detected_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    status                TEXT    NOT NULL DEFAULT 'PENDING'
                          CHECK (status IN ('PENDING', 'ORDERED', 'COMPLETED', 'FAILED', 'CANCELLED', 'EXPIRED', 'SKIPPED')),
    signal_type           TEXT    NOT NULL CHECK (signal_type <> ''),
    reference_candle_high INTEGER CHECK (reference_candle_high IS NULL OR reference_candle_high > 0),
    reference_candle_date INTEGER,
    target_price          INTEGER CHECK (target_price IS NULL OR target_price > 0),
    source                TEXT    NOT NULL CHECK (source <> ''),
    status_reason         TEXT,
    updated_at            INTEGER NOT NULL
) STRICT)"),

        QStringLiteral(R"(CREATE TABLE trading_strategies (
    id            INTEGER PRIMARY KEY,
    strategy_name TEXT    NOT NULL UNIQUE CHECK (strategy_name <> ''),
    strategy_type TEXT    NOT NULL CHECK (strategy_type <> ''),
    is_enabled    INTEGER NOT NULL DEFAULT 0 CHECK (is_enabled IN (0, 1)),
    parameters    TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(parameters) AND json_type(parameters) = 'object'),
    updated_at    INTEGER NOT NULL
) STRICT)"),

        // Added: status_reason, updated_at. A strategy with signals cannot be deleted, only disabled.
        QStringLiteral(R"(CREATE TABLE strategy_signals (
    id              INTEGER PRIMARY KEY,
    strategy_id     INTEGER NOT NULL REFERENCES trading_strategies (id) ON DELETE RESTRICT,
    stock_code      TEXT    NOT NULL CHECK (stock_code <> ''),
    stock_name      TEXT    NOT NULL DEFAULT '',
    signal_type     TEXT    NOT NULL CHECK (signal_type <> ''),
    signal_value    REAL,
    detected_at     INTEGER NOT NULL,
    detected_date   TEXT    NOT NULL CHECK (detected_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    status          TEXT    NOT NULL DEFAULT 'PENDING'
                    CHECK (status IN ('PENDING', 'ORDERED', 'COMPLETED', 'FAILED', 'CANCELLED', 'EXPIRED', 'SKIPPED')),
    additional_data TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(additional_data)),
    status_reason   TEXT,
    updated_at      INTEGER NOT NULL
) STRICT)"),

        // Added: quantity (still held), highest_price (trailing stop), origin, the signal that
        // created the position (the seed's "PENDING_BUY_SIGNALS ||--o| POSITIONS", and the same for
        // strategy signals), realized_profit_loss, updated_at.
        QStringLiteral(R"(CREATE TABLE positions (
    id                       INTEGER PRIMARY KEY,
    stock_code               TEXT    NOT NULL CHECK (stock_code <> ''),
    stock_name               TEXT    NOT NULL DEFAULT '',
    buy_price                INTEGER NOT NULL CHECK (buy_price > 0),
    buy_quantity             INTEGER NOT NULL CHECK (buy_quantity > 0),
    buy_amount               INTEGER NOT NULL CHECK (buy_amount > 0),
    stop_loss_rate           REAL    CHECK (stop_loss_rate IS NULL OR stop_loss_rate >= 0),
    take_profit_rate         REAL    CHECK (take_profit_rate IS NULL OR take_profit_rate >= 0),
    stop_loss_price          INTEGER CHECK (stop_loss_price IS NULL OR stop_loss_price >= 0),
    take_profit_price        INTEGER CHECK (take_profit_price IS NULL OR take_profit_price >= 0),
    status                   TEXT    NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'SELLING', 'CLOSED')),
    current_price            INTEGER,
    current_profit_loss      INTEGER,
    current_profit_loss_rate REAL,
    buy_time                 INTEGER NOT NULL,
    sell_time                INTEGER,
    last_monitored           INTEGER,
    quantity                 INTEGER NOT NULL CHECK (quantity >= 0 AND quantity <= buy_quantity),
    highest_price            INTEGER,
    origin                   TEXT    NOT NULL CHECK (origin IN ('condition', 'strategy', 'scalping', 'stop_loss',
                                 'take_profit', 'trailing_stop', 'manual', 'api', 'risk', 'reconcile', 'external')),
    pending_signal_id        INTEGER REFERENCES pending_buy_signals (id) ON DELETE RESTRICT,
    strategy_signal_id       INTEGER REFERENCES strategy_signals (id) ON DELETE RESTRICT,
    realized_profit_loss     INTEGER NOT NULL DEFAULT 0,
    updated_at               INTEGER NOT NULL,
    CHECK (status = 'CLOSED' OR quantity > 0),
    CHECK (status <> 'CLOSED' OR (quantity = 0 AND sell_time IS NOT NULL))
) STRICT)"),

        // Added: updated_at (order_id arrives in version 2).
        QStringLiteral(R"(CREATE TABLE sell_orders (
    id                 INTEGER PRIMARY KEY,
    position_id        INTEGER NOT NULL REFERENCES positions (id) ON DELETE RESTRICT,
    stock_code         TEXT    NOT NULL CHECK (stock_code <> ''),
    stock_name         TEXT    NOT NULL DEFAULT '',
    sell_price         INTEGER CHECK (sell_price IS NULL OR sell_price >= 0),
    sell_quantity      INTEGER NOT NULL CHECK (sell_quantity > 0),
    sell_amount        INTEGER CHECK (sell_amount IS NULL OR sell_amount >= 0),
    sell_reason        TEXT    NOT NULL
                       CHECK (sell_reason IN ('STOP_LOSS', 'TAKE_PROFIT', 'TRAILING_STOP', 'STRATEGY', 'MANUAL', 'RISK')),
    sell_reason_detail TEXT,
    profit_loss        INTEGER,
    profit_loss_rate   REAL,
    status             TEXT    NOT NULL DEFAULT 'PENDING'
                       CHECK (status IN ('PENDING', 'ORDERED', 'COMPLETED', 'FAILED', 'CANCELLED')),
    created_at         INTEGER NOT NULL,
    ordered_at         INTEGER,
    completed_at       INTEGER,
    updated_at         INTEGER NOT NULL
) STRICT)"),

        // Derived sync state, not history: it goes with its condition (CASCADE).
        QStringLiteral(R"(CREATE TABLE condition_watchlist_sync (
    id                 INTEGER PRIMARY KEY,
    condition_id       INTEGER NOT NULL REFERENCES auto_trade_conditions (id) ON DELETE CASCADE,
    condition_name     TEXT    NOT NULL,
    stock_code         TEXT    NOT NULL CHECK (stock_code <> ''),
    stock_name         TEXT    NOT NULL DEFAULT '',
    sync_status        TEXT    NOT NULL CHECK (sync_status IN ('ACTIVE', 'REMOVED', 'FAILED')),
    last_sync_at       INTEGER NOT NULL,
    added_to_watchlist INTEGER NOT NULL DEFAULT 0 CHECK (added_to_watchlist IN (0, 1))
) STRICT)"),

        // Dedupe: the same signal is stored once per trading day.
        QStringLiteral("CREATE UNIQUE INDEX ux_pending_buy_signals_dedupe "
                       "ON pending_buy_signals (stock_code, detected_date, signal_type, source)"),
        QStringLiteral(
            "CREATE INDEX idx_pending_buy_signals_status_date ON pending_buy_signals (status, detected_date)"),
        QStringLiteral("CREATE INDEX idx_pending_buy_signals_condition ON pending_buy_signals (condition_id)"),
        QStringLiteral("CREATE UNIQUE INDEX ux_strategy_signals_dedupe "
                       "ON strategy_signals (strategy_id, stock_code, detected_date, signal_type)"),
        QStringLiteral("CREATE INDEX idx_strategy_signals_status_date ON strategy_signals (status, detected_date)"),
        QStringLiteral("CREATE INDEX idx_strategy_signals_stock_date ON strategy_signals (stock_code, detected_date)"),
        QStringLiteral("CREATE INDEX idx_watchlist_stocks_active ON watchlist_stocks (is_active, source_type)"),
        QStringLiteral("CREATE INDEX idx_watchlist_stocks_condition ON watchlist_stocks (condition_id)"),
        // One live position per stock: a second buy adds to it instead of opening a twin.
        QStringLiteral("CREATE UNIQUE INDEX ux_positions_active_stock ON positions (stock_code) "
                       "WHERE status IN ('OPEN', 'SELLING')"),
        QStringLiteral("CREATE INDEX idx_positions_open ON positions (status) WHERE status IN ('OPEN', 'SELLING')"),
        // A signal opens at most one position.
        QStringLiteral("CREATE UNIQUE INDEX ux_positions_pending_signal ON positions (pending_signal_id) "
                       "WHERE pending_signal_id IS NOT NULL"),
        QStringLiteral("CREATE UNIQUE INDEX ux_positions_strategy_signal ON positions (strategy_signal_id) "
                       "WHERE strategy_signal_id IS NOT NULL"),
        QStringLiteral("CREATE INDEX idx_sell_orders_position ON sell_orders (position_id)"),
        QStringLiteral("CREATE INDEX idx_sell_orders_status ON sell_orders (status)"),
        // At most one sell in flight per position: no double exits.
        QStringLiteral("CREATE UNIQUE INDEX ux_sell_orders_in_flight ON sell_orders (position_id) "
                       "WHERE status IN ('PENDING', 'ORDERED')"),
        QStringLiteral(
            "CREATE UNIQUE INDEX ux_condition_watchlist_sync ON condition_watchlist_sync (condition_id, stock_code)"),
        QStringLiteral("CREATE INDEX idx_condition_watchlist_sync_stock ON condition_watchlist_sync (stock_code)"),

        // Money history is never lost.
        QStringLiteral("CREATE TRIGGER trg_positions_no_delete BEFORE DELETE ON positions "
                       "BEGIN SELECT RAISE(ABORT, 'positions are money history and are never deleted'); END"),
        QStringLiteral("CREATE TRIGGER trg_sell_orders_no_delete BEFORE DELETE ON sell_orders "
                       "BEGIN SELECT RAISE(ABORT, 'sell orders are money history and are never deleted'); END"),
    };
}

// Version 2: the order system (orders, executions), the audit log and the candle cache.
QStringList version2()
{
    return {
        // Every order sent or to be sent; written in state NEW before the request leaves.
        QStringLiteral(R"(CREATE TABLE orders (
    id                   INTEGER PRIMARY KEY,
    client_order_id      TEXT    NOT NULL UNIQUE CHECK (client_order_id <> ''),
    broker_order_no      TEXT    CHECK (broker_order_no IS NULL OR broker_order_no <> ''),
    orig_order_id        INTEGER REFERENCES orders (id) ON DELETE RESTRICT,
    orig_broker_order_no TEXT,
    action               TEXT    NOT NULL DEFAULT 'PLACE' CHECK (action IN ('PLACE', 'MODIFY', 'CANCEL')),
    side                 TEXT    NOT NULL CHECK (side IN ('BUY', 'SELL')),
    stock_code           TEXT    NOT NULL CHECK (stock_code <> ''),
    stock_name           TEXT    NOT NULL DEFAULT '',
    quantity             INTEGER NOT NULL CHECK (quantity >= 0),
    price                INTEGER NOT NULL CHECK (price >= 0),
    trade_type           TEXT    NOT NULL CHECK (trade_type <> ''),
    exchange             TEXT    NOT NULL DEFAULT 'KRX' CHECK (exchange IN ('KRX', 'NXT', 'SOR')),
    state                TEXT    NOT NULL DEFAULT 'NEW'
                         CHECK (state IN ('NEW', 'SENT', 'ACCEPTED', 'PARTIAL', 'FILLED', 'REJECTED', 'CANCELLED', 'UNKNOWN')),
    filled_quantity      INTEGER NOT NULL DEFAULT 0 CHECK (filled_quantity >= 0),
    filled_amount        INTEGER NOT NULL DEFAULT 0 CHECK (filled_amount >= 0),
    avg_fill_price       INTEGER NOT NULL DEFAULT 0 CHECK (avg_fill_price >= 0),
    created_at           INTEGER NOT NULL,
    sent_at              INTEGER,
    updated_at           INTEGER NOT NULL,
    reject_reason        TEXT,
    origin               TEXT    NOT NULL CHECK (origin IN ('condition', 'strategy', 'scalping', 'stop_loss',
                             'take_profit', 'trailing_stop', 'manual', 'api', 'risk', 'reconcile', 'external')),
    origin_signal_id     INTEGER,
    position_id          INTEGER REFERENCES positions (id) ON DELETE RESTRICT,
    trading_date         TEXT    NOT NULL CHECK (trading_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    CHECK (action = 'CANCEL' OR quantity > 0),
    CHECK (action <> 'CANCEL' OR filled_quantity = 0),
    CHECK (action = 'PLACE' OR orig_order_id IS NOT NULL OR orig_broker_order_no IS NOT NULL),
    CHECK (filled_quantity <= quantity),
    CHECK (state <> 'FILLED' OR filled_quantity = quantity),
    CHECK (state <> 'PARTIAL' OR (filled_quantity > 0 AND filled_quantity < quantity))
) STRICT)"),

        // One row per fill. Kiwoom's execution numbers (FID 909), like its order numbers, are only
        // unique within a trading day, so idempotency is per order (orders are per day).
        QStringLiteral(R"(CREATE TABLE executions (
    id                  INTEGER PRIMARY KEY,
    order_id            INTEGER NOT NULL REFERENCES orders (id) ON DELETE RESTRICT,
    broker_execution_no TEXT    NOT NULL CHECK (broker_execution_no <> ''),
    price               INTEGER NOT NULL CHECK (price > 0),
    quantity            INTEGER NOT NULL CHECK (quantity > 0),
    fee                 INTEGER NOT NULL DEFAULT 0 CHECK (fee >= 0),
    tax                 INTEGER NOT NULL DEFAULT 0 CHECK (tax >= 0),
    executed_at         INTEGER NOT NULL,
    recorded_at         INTEGER NOT NULL
) STRICT)"),

        // Every state change: who, what, the row before and after as JSON.
        QStringLiteral(R"(CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        INTEGER NOT NULL,
    actor     TEXT    NOT NULL CHECK (actor <> ''),
    entity    TEXT    NOT NULL CHECK (entity <> ''),
    entity_id INTEGER,
    action    TEXT    NOT NULL CHECK (action <> ''),
    before    TEXT    CHECK (before IS NULL OR json_valid(before)),
    after     TEXT    CHECK (after IS NULL OR json_valid(after))
) STRICT)"),

        // Chart cache. interval is Candles::toString(CandleInterval); open_time is the bar's open (epoch ms).
        QStringLiteral(R"(CREATE TABLE candles (
    stock_code TEXT    NOT NULL CHECK (stock_code <> ''),
    interval   TEXT    NOT NULL CHECK (interval IN ('1m', '3m', '5m', '10m', '15m', '30m', '45m', '60m', '1d', '1w', '1M')),
    open_time  INTEGER NOT NULL,
    open       INTEGER NOT NULL,
    high       INTEGER NOT NULL,
    low        INTEGER NOT NULL,
    close      INTEGER NOT NULL,
    volume     INTEGER NOT NULL CHECK (volume >= 0),
    CHECK (low >= 0 AND low <= open AND low <= close AND high >= open AND high >= close),
    PRIMARY KEY (stock_code, interval, open_time)
) STRICT, WITHOUT ROWID)"),

        QStringLiteral("ALTER TABLE sell_orders ADD COLUMN order_id INTEGER REFERENCES orders (id) ON DELETE RESTRICT"),

        // Kiwoom order numbers restart every trading day: unique per day, found by number.
        QStringLiteral("CREATE UNIQUE INDEX ux_orders_broker_order_no ON orders (broker_order_no, trading_date) "
                       "WHERE broker_order_no IS NOT NULL"),
        QStringLiteral("CREATE INDEX idx_orders_state ON orders (state)"),
        QStringLiteral("CREATE INDEX idx_orders_trading_date ON orders (trading_date, side)"),
        QStringLiteral("CREATE INDEX idx_orders_origin_signal ON orders (origin, origin_signal_id) "
                       "WHERE origin_signal_id IS NOT NULL"),
        QStringLiteral("CREATE INDEX idx_orders_position ON orders (position_id) WHERE position_id IS NOT NULL"),
        QStringLiteral("CREATE INDEX idx_orders_orig ON orders (orig_order_id) WHERE orig_order_id IS NOT NULL"),
        QStringLiteral(
            "CREATE UNIQUE INDEX ux_executions_order_broker_no ON executions (order_id, broker_execution_no)"),
        QStringLiteral("CREATE INDEX idx_audit_log_entity ON audit_log (entity, entity_id)"),
        QStringLiteral("CREATE INDEX idx_sell_orders_order ON sell_orders (order_id) WHERE order_id IS NOT NULL"),

        // The order state machine (Storage::canTransition) enforced by the database itself.
        QStringLiteral(R"(CREATE TRIGGER trg_orders_state_transition
BEFORE UPDATE OF state ON orders
WHEN NEW.state IS NOT OLD.state AND NOT (
       (OLD.state = 'NEW'      AND NEW.state IN ('SENT', 'REJECTED', 'CANCELLED', 'UNKNOWN'))
    OR (OLD.state = 'SENT'     AND NEW.state IN ('ACCEPTED', 'PARTIAL', 'FILLED', 'REJECTED', 'UNKNOWN'))
    OR (OLD.state = 'UNKNOWN'  AND NEW.state IN ('ACCEPTED', 'PARTIAL', 'FILLED', 'REJECTED', 'CANCELLED'))
    OR (OLD.state = 'ACCEPTED' AND NEW.state IN ('PARTIAL', 'FILLED', 'REJECTED', 'CANCELLED'))
    OR (OLD.state = 'PARTIAL'  AND NEW.state IN ('FILLED', 'CANCELLED')))
BEGIN
    SELECT RAISE(ABORT, 'illegal order state transition');
END)"),
        QStringLiteral(R"(CREATE TRIGGER trg_orders_immutable
BEFORE UPDATE OF client_order_id, action, side, stock_code, orig_order_id, created_at, trading_date, origin ON orders
WHEN NEW.client_order_id IS NOT OLD.client_order_id OR NEW.action IS NOT OLD.action OR NEW.side IS NOT OLD.side
  OR NEW.stock_code IS NOT OLD.stock_code OR NEW.orig_order_id IS NOT OLD.orig_order_id
  OR NEW.created_at IS NOT OLD.created_at OR NEW.trading_date IS NOT OLD.trading_date OR NEW.origin IS NOT OLD.origin
BEGIN
    SELECT RAISE(ABORT, 'order identity columns are immutable');
END)"),
        QStringLiteral(R"(CREATE TRIGGER trg_orders_broker_order_no_once
BEFORE UPDATE OF broker_order_no ON orders
WHEN OLD.broker_order_no IS NOT NULL AND NEW.broker_order_no IS NOT OLD.broker_order_no
BEGIN
    SELECT RAISE(ABORT, 'a broker order number is assigned once');
END)"),
        QStringLiteral(R"(CREATE TRIGGER trg_orders_fills_monotonic
BEFORE UPDATE OF filled_quantity, filled_amount ON orders
WHEN NEW.filled_quantity < OLD.filled_quantity OR NEW.filled_amount < OLD.filled_amount
BEGIN
    SELECT RAISE(ABORT, 'filled quantity never decreases');
END)"),
        QStringLiteral("CREATE TRIGGER trg_orders_no_delete BEFORE DELETE ON orders "
                       "BEGIN SELECT RAISE(ABORT, 'orders are money history and are never deleted'); END"),
        QStringLiteral("CREATE TRIGGER trg_executions_no_update BEFORE UPDATE ON executions "
                       "BEGIN SELECT RAISE(ABORT, 'executions are immutable'); END"),
        QStringLiteral("CREATE TRIGGER trg_executions_no_delete BEFORE DELETE ON executions "
                       "BEGIN SELECT RAISE(ABORT, 'executions are money history and are never deleted'); END"),
        QStringLiteral("CREATE TRIGGER trg_audit_log_no_update BEFORE UPDATE ON audit_log "
                       "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"),
    };
}

// Version 3: what the trading engine needs (plan ENGINE.md "Storage version 3").
// - positions: buy_fees (realized P&L after the buy commission too), trailing stop, exit deadline.
// - orders: valuation_price (open market buys count in the risk totals), position_id set once.
// - pending_buy_signals and strategy_signals: status PROCESSING, retry bookkeeping, a manual buy's
//   request. SQLite cannot alter a CHECK, so both tables are rebuilt (the 12-step procedure, run
//   with foreign_keys=OFF and checked by foreign_key_check before commit): every row keeps its id,
//   so positions.pending_signal_id/strategy_signal_id still point at the same signals, and the
//   indexes are created again. Signals become undeletable like the rest of the history.
// - signal_decisions (the decision ledger) and engine_state (the kill switch's mode and the like).
QStringList version3()
{
    return {
        QStringLiteral("ALTER TABLE positions ADD COLUMN buy_fees INTEGER NOT NULL DEFAULT 0 CHECK (buy_fees >= 0)"),
        QStringLiteral("ALTER TABLE positions ADD COLUMN trailing_stop_rate REAL "
                       "CHECK (trailing_stop_rate IS NULL OR (trailing_stop_rate > 0 AND trailing_stop_rate < 100))"),
        QStringLiteral("ALTER TABLE positions ADD COLUMN exit_deadline_at INTEGER"),

        QStringLiteral("ALTER TABLE orders ADD COLUMN valuation_price INTEGER NOT NULL DEFAULT 0 "
                       "CHECK (valuation_price >= 0)"),
        // Orders written before: a limit order is worth its price; an open market buy stays 0 (its
        // day's upper limit was never recorded) until it ends.
        QStringLiteral("UPDATE orders SET valuation_price = price"),
        QStringLiteral(R"(CREATE TRIGGER trg_orders_position_id_once
BEFORE UPDATE OF position_id ON orders
WHEN OLD.position_id IS NOT NULL AND NEW.position_id IS NOT OLD.position_id
BEGIN
    SELECT RAISE(ABORT, 'an order belongs to one position');
END)"),

        QStringLiteral(R"(CREATE TABLE pending_buy_signals_v3 (
    id                    INTEGER PRIMARY KEY,
    condition_id          INTEGER REFERENCES auto_trade_conditions (id) ON DELETE RESTRICT,
    stock_code            TEXT    NOT NULL CHECK (stock_code <> ''),
    stock_name            TEXT    NOT NULL DEFAULT '',
    detected_at           INTEGER NOT NULL,
    detected_date         TEXT    NOT NULL CHECK (detected_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    status                TEXT    NOT NULL DEFAULT 'PENDING'
                          CHECK (status IN ('PENDING', 'PROCESSING', 'ORDERED', 'COMPLETED', 'FAILED', 'CANCELLED',
                                            'EXPIRED', 'SKIPPED')),
    signal_type           TEXT    NOT NULL CHECK (signal_type <> ''),
    reference_candle_high INTEGER CHECK (reference_candle_high IS NULL OR reference_candle_high > 0),
    reference_candle_date INTEGER,
    target_price          INTEGER CHECK (target_price IS NULL OR target_price > 0),
    source                TEXT    NOT NULL CHECK (source <> ''),
    status_reason         TEXT,
    updated_at            INTEGER NOT NULL,
    retry_count           INTEGER NOT NULL DEFAULT 0 CHECK (retry_count >= 0),
    next_attempt_at       INTEGER,
    requested_quantity    INTEGER CHECK (requested_quantity IS NULL OR requested_quantity > 0),
    requested_amount      INTEGER CHECK (requested_amount IS NULL OR requested_amount > 0),
    order_type            TEXT    CHECK (order_type IN ('LIMIT', 'MARKET'))
) STRICT)"),
        QStringLiteral(
            "INSERT INTO pending_buy_signals_v3 (id, condition_id, stock_code, stock_name, detected_at, detected_date, "
            "status, signal_type, reference_candle_high, reference_candle_date, target_price, source, status_reason, "
            "updated_at) SELECT id, condition_id, stock_code, stock_name, detected_at, detected_date, status, "
            "signal_type, reference_candle_high, reference_candle_date, target_price, source, status_reason, "
            "updated_at FROM pending_buy_signals ORDER BY id"),
        QStringLiteral("DROP TABLE pending_buy_signals"),
        QStringLiteral("ALTER TABLE pending_buy_signals_v3 RENAME TO pending_buy_signals"),
        QStringLiteral("CREATE UNIQUE INDEX ux_pending_buy_signals_dedupe "
                       "ON pending_buy_signals (stock_code, detected_date, signal_type, source)"),
        QStringLiteral(
            "CREATE INDEX idx_pending_buy_signals_status_date ON pending_buy_signals (status, detected_date)"),
        QStringLiteral("CREATE INDEX idx_pending_buy_signals_condition ON pending_buy_signals (condition_id)"),

        QStringLiteral(R"(CREATE TABLE strategy_signals_v3 (
    id              INTEGER PRIMARY KEY,
    strategy_id     INTEGER NOT NULL REFERENCES trading_strategies (id) ON DELETE RESTRICT,
    stock_code      TEXT    NOT NULL CHECK (stock_code <> ''),
    stock_name      TEXT    NOT NULL DEFAULT '',
    signal_type     TEXT    NOT NULL CHECK (signal_type <> ''),
    signal_value    REAL,
    detected_at     INTEGER NOT NULL,
    detected_date   TEXT    NOT NULL CHECK (detected_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    status          TEXT    NOT NULL DEFAULT 'PENDING'
                    CHECK (status IN ('PENDING', 'PROCESSING', 'ORDERED', 'COMPLETED', 'FAILED', 'CANCELLED',
                                      'EXPIRED', 'SKIPPED')),
    additional_data TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(additional_data)),
    status_reason   TEXT,
    updated_at      INTEGER NOT NULL,
    retry_count     INTEGER NOT NULL DEFAULT 0 CHECK (retry_count >= 0),
    next_attempt_at INTEGER
) STRICT)"),
        QStringLiteral("INSERT INTO strategy_signals_v3 (id, strategy_id, stock_code, stock_name, signal_type, "
                       "signal_value, detected_at, detected_date, status, additional_data, status_reason, updated_at) "
                       "SELECT id, strategy_id, stock_code, stock_name, signal_type, signal_value, detected_at, "
                       "detected_date, status, additional_data, status_reason, updated_at FROM strategy_signals "
                       "ORDER BY id"),
        QStringLiteral("DROP TABLE strategy_signals"),
        QStringLiteral("ALTER TABLE strategy_signals_v3 RENAME TO strategy_signals"),
        QStringLiteral("CREATE UNIQUE INDEX ux_strategy_signals_dedupe "
                       "ON strategy_signals (strategy_id, stock_code, detected_date, signal_type)"),
        QStringLiteral("CREATE INDEX idx_strategy_signals_status_date ON strategy_signals (status, detected_date)"),
        QStringLiteral("CREATE INDEX idx_strategy_signals_stock_date ON strategy_signals (stock_code, detected_date)"),

        QStringLiteral("CREATE TRIGGER trg_pending_buy_signals_no_delete BEFORE DELETE ON pending_buy_signals "
                       "BEGIN SELECT RAISE(ABORT, 'signals are trading history and are never deleted'); END"),
        QStringLiteral("CREATE TRIGGER trg_strategy_signals_no_delete BEFORE DELETE ON strategy_signals "
                       "BEGIN SELECT RAISE(ABORT, 'signals are trading history and are never deleted'); END"),

        // The decision ledger: why each signal was or was not traded. Append-only.
        QStringLiteral(R"(CREATE TABLE signal_decisions (
    id           INTEGER PRIMARY KEY,
    at           INTEGER NOT NULL,
    trading_date TEXT    NOT NULL CHECK (trading_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    stock_code   TEXT    NOT NULL CHECK (stock_code <> ''),
    signal_kind  TEXT    NOT NULL CHECK (signal_kind IN ('PENDING_BUY', 'STRATEGY', 'EXIT', 'MANUAL')),
    signal_id    INTEGER,
    source       TEXT    NOT NULL DEFAULT '',
    decision     TEXT    NOT NULL CHECK (decision IN ('CREATED', 'DEDUPED', 'SKIPPED', 'BLOCKED', 'NO_CASH',
                             'ZERO_QUANTITY', 'ORDERED', 'REJECTED', 'RETRY', 'FAILED', 'FILLED', 'PARTIAL',
                             'EXPIRED', 'CANCELLED', 'UNKNOWN')),
    rule         TEXT,
    message      TEXT    NOT NULL,
    data         TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(data) AND json_type(data) = 'object'),
    order_id     INTEGER REFERENCES orders (id) ON DELETE RESTRICT
) STRICT)"),
        QStringLiteral("CREATE INDEX idx_signal_decisions_stock_date ON signal_decisions (stock_code, trading_date)"),
        QStringLiteral("CREATE INDEX idx_signal_decisions_signal ON signal_decisions (signal_kind, signal_id)"),
        QStringLiteral("CREATE TRIGGER trg_signal_decisions_no_update BEFORE UPDATE ON signal_decisions "
                       "BEGIN SELECT RAISE(ABORT, 'the decision ledger is append-only'); END"),
        QStringLiteral("CREATE TRIGGER trg_signal_decisions_no_delete BEFORE DELETE ON signal_decisions "
                       "BEGIN SELECT RAISE(ABORT, 'the decision ledger is append-only'); END"),

        // Small engine state that must survive a restart, as JSON by key ("kill_switch", ...).
        QStringLiteral(R"(CREATE TABLE engine_state (
    key        TEXT    NOT NULL PRIMARY KEY CHECK (key <> ''),
    value      TEXT    NOT NULL CHECK (json_valid(value)),
    updated_at INTEGER NOT NULL
) STRICT)"),
    };
}

Status execStatement(const QSqlDatabase &db, const QString &sql)
{
    finishStatements(db); // DDL refuses to run beside a statement still reading
    QSqlQuery query(db);
    if (!query.exec(sql))
        return sqlError(query.lastError(), QStringLiteral("run \"%1\"").arg(sql.simplified().left(120)));
    return {};
}

void rollbackQuietly(const QSqlDatabase &db)
{
    finishStatements(db);
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("ROLLBACK")))
        qCWarning(lcStorage) << "rollback after a failed migration step failed:" << query.lastError().text();
}

Status foreignKeyCheck(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA foreign_key_check")))
        return sqlError(query.lastError(), QStringLiteral("PRAGMA foreign_key_check"));
    QStringList violations;
    while (query.next() && violations.size() < 5)
        violations << QStringLiteral("%1 row %2 → %3")
                          .arg(query.value(0).toString(), query.value(1).toString(), query.value(2).toString());
    if (!violations.isEmpty())
        return makeError(Errc::ForeignKey, QStringLiteral("foreign key violations: %1").arg(violations.join(u"; ")));
    return {};
}

Status applyStep(const QSqlDatabase &db, const Migration &step)
{
    const QString what = QStringLiteral("migration to version %1 (%2)").arg(step.version).arg(step.description);
    if (step.foreignKeysOff) {
        if (Status s = execStatement(db, QStringLiteral("PRAGMA foreign_keys = OFF")); !s)
            return makeError(Errc::Migration, what + QLatin1String(": ") + s.error().message);
    }
    auto restoreForeignKeys = [&] {
        if (step.foreignKeysOff) {
            if (Status s = execStatement(db, QStringLiteral("PRAGMA foreign_keys = ON")); !s)
                qCCritical(lcStorage) << "could not turn foreign keys back on:" << s.error().message;
        }
    };
    if (Status s = execStatement(db, QStringLiteral("BEGIN IMMEDIATE")); !s) {
        restoreForeignKeys();
        return makeError(Errc::Migration, what + QLatin1String(": ") + s.error().message);
    }
    // Re-read inside the write lock: another process may have migrated meanwhile.
    auto current = userVersion(db);
    if (!current) {
        rollbackQuietly(db);
        restoreForeignKeys();
        return current.error();
    }
    if (current.value() >= step.version) {
        rollbackQuietly(db);
        restoreForeignKeys();
        return {};
    }
    if (current.value() != step.version - 1) {
        rollbackQuietly(db);
        restoreForeignKeys();
        return makeError(Errc::Migration,
            QStringLiteral("%1: database is at version %2, expected %3")
                .arg(what)
                .arg(current.value())
                .arg(step.version - 1));
    }
    Status result;
    for (const QString &sql : step.statements) {
        result = execStatement(db, sql);
        if (!result)
            break;
    }
    if (result)
        result = foreignKeyCheck(db);
    if (result)
        result = execStatement(db, QStringLiteral("PRAGMA user_version = %1").arg(step.version));
    if (result)
        result = execStatement(db, QStringLiteral("COMMIT"));
    if (!result) {
        rollbackQuietly(db);
        restoreForeignKeys();
        return makeError(
            Errc::Migration, what + QLatin1String(" failed and was rolled back: ") + result.error().message);
    }
    restoreForeignKeys();
    qCInfo(lcStorage) << "migrated database to schema version" << step.version << step.description;
    return {};
}

} // namespace

const QList<Migration> &migrations()
{
    static const QList<Migration> steps = {
        { 1, QStringLiteral("seed tables"), version1(), false },
        { 2, QStringLiteral("orders, executions, audit log, candle cache"), version2(), false },
        { 3, QStringLiteral("trading engine: fees, valuation, signal processing, decision ledger, engine state"),
            version3(), true },
    };
    return steps;
}

int latestVersion()
{
    return migrations().constLast().version;
}

Result<int> userVersion(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return sqlError(query.lastError(), QStringLiteral("PRAGMA user_version"));
    return query.value(0).toInt();
}

Status migrate(const QSqlDatabase &db, const QList<Migration> &steps)
{
    if (steps.isEmpty())
        return {};
    auto current = userVersion(db);
    if (!current)
        return current.error();
    const int latest = steps.constLast().version;
    if (current.value() > latest) {
        return makeError(Errc::SchemaTooNew,
            QStringLiteral("the database has schema version %1 but this version of the app knows only "
                           "up to %2; it was written by a newer Kiwoom Trader and is left untouched")
                .arg(current.value())
                .arg(latest));
    }
    for (int i = 0; i < steps.size(); ++i) {
        const Migration &step = steps.at(i);
        Q_ASSERT_X(step.version == i + 1, "Storage::migrate", "migration versions must be 1, 2, 3, ... in order");
        if (step.version <= current.value())
            continue;
        if (Status s = applyStep(db, step); !s)
            return s;
    }
    return {};
}

} // namespace Storage
