// SPDX-License-Identifier: GPL-3.0-or-later
#include "signalrepository.h"

#include "auditlog.h"
#include "common/clock.h"
#include "database.h"
#include "market/krx.h"
#include "sqlutil.h"

using namespace Storage;

namespace {

const QString PENDING_TABLE = QStringLiteral("pending_buy_signals");
const QString STRATEGY_TABLE = QStringLiteral("strategy_signals");

const QString PENDING_COLUMNS = QStringLiteral(
    "SELECT id, condition_id, stock_code, stock_name, detected_at, detected_date, status, signal_type, "
    "reference_candle_high, reference_candle_date, target_price, source, status_reason, updated_at, retry_count, "
    "next_attempt_at, requested_quantity, requested_amount, order_type FROM pending_buy_signals ");
const QString STRATEGY_COLUMNS = QStringLiteral(
    "SELECT id, strategy_id, stock_code, stock_name, signal_type, signal_value, detected_at, detected_date, status, "
    "additional_data, status_reason, updated_at, retry_count, next_attempt_at FROM strategy_signals ");

PendingBuySignalRecord readPending(const QSqlQuery &q)
{
    PendingBuySignalRecord r;
    r.id = q.value(0).toLongLong();
    r.conditionId = optionalInt(q.value(1));
    r.stockCode = q.value(2).toString();
    r.stockName = q.value(3).toString();
    r.detectedAtMs = q.value(4).toLongLong();
    r.detectedDate = q.value(5).toString();
    r.status = enumValue(q.value(6), SignalStatus::Pending);
    r.signalType = q.value(7).toString();
    r.referenceCandleHigh = optionalInt(q.value(8));
    r.referenceCandleTimeMs = optionalInt(q.value(9));
    r.targetPrice = optionalInt(q.value(10));
    r.source = q.value(11).toString();
    r.statusReason = q.value(12).toString();
    r.updatedAtMs = q.value(13).toLongLong();
    r.retryCount = q.value(14).toInt();
    r.nextAttemptAtMs = optionalInt(q.value(15));
    r.requestedQuantity = optionalInt(q.value(16));
    r.requestedAmount = optionalInt(q.value(17));
    r.orderType = q.value(18).toString();
    return r;
}

StrategySignalRecord readStrategy(const QSqlQuery &q)
{
    StrategySignalRecord r;
    r.id = q.value(0).toLongLong();
    r.strategyId = q.value(1).toLongLong();
    r.stockCode = q.value(2).toString();
    r.stockName = q.value(3).toString();
    r.signalType = q.value(4).toString();
    r.signalValue = optionalReal(q.value(5));
    r.detectedAtMs = q.value(6).toLongLong();
    r.detectedDate = q.value(7).toString();
    r.status = enumValue(q.value(8), SignalStatus::Pending);
    r.additionalData = jsonObject(q.value(9).toString());
    r.statusReason = q.value(10).toString();
    r.updatedAtMs = q.value(11).toLongLong();
    r.retryCount = q.value(12).toInt();
    r.nextAttemptAtMs = optionalInt(q.value(13));
    return r;
}

const QString &tableOf(SignalKind kind)
{
    return kind == SignalKind::PendingBuy ? PENDING_TABLE : STRATEGY_TABLE;
}

// The origins of the orders a signal of this kind leads to (orders.origin + origin_signal_id).
QStringList originsOf(SignalKind kind)
{
    if (kind == SignalKind::PendingBuy)
        return { enumText(Origin::Condition), enumText(Origin::Manual), enumText(Origin::Api) };
    return { enumText(Origin::Strategy), enumText(Origin::Scalping) };
}

// WHERE clause and binds for a SignalFilter (plus an optional strategy id).
QString filterSql(const SignalFilter &filter, std::optional<qint64> strategyId, QVariantList &binds)
{
    QStringList terms;
    if (filter.detectedDate) {
        terms << QStringLiteral("detected_date = ?");
        binds << *filter.detectedDate;
    }
    if (filter.status) {
        terms << QStringLiteral("status = ?");
        binds << enumText(*filter.status);
    }
    if (filter.stockCode) {
        terms << QStringLiteral("stock_code = ?");
        binds << *filter.stockCode;
    }
    if (strategyId) {
        terms << QStringLiteral("strategy_id = ?");
        binds << *strategyId;
    }
    QString sql = terms.isEmpty() ? QString() : QLatin1String("WHERE ") + terms.join(QLatin1String(" AND "));
    sql += QLatin1String(" ORDER BY detected_at, id LIMIT ?");
    binds << filter.limit;
    return sql;
}

// The compare-and-set status change shared by both signal tables.
Status changeStatus(Database &db, const QString &table, qint64 id, SignalStatus expected, SignalStatus next,
    const QString &reason, const QString &actor)
{
    if (!canTransition(expected, next)) {
        return makeError(Errc::InvalidTransition,
            QStringLiteral("%1 %2: %3 → %4 is not a valid signal transition")
                .arg(table)
                .arg(id)
                .arg(enumText(expected), enumText(next)));
    }
    return AuditLog::recordChange(db, actor, table, id, QStringLiteral("status"), [&]() -> Status {
        auto done = Storage::run(db.connection(),
            QStringLiteral("UPDATE %1 SET status = ?, status_reason = COALESCE(?, status_reason), "
                           "updated_at = ? WHERE id = ? AND status = ?")
                .arg(table),
            { enumText(next), nullableText(reason), db.clock().nowMs(), id, enumText(expected) });
        if (!done)
            return done.error();
        if (done.value() == 1)
            return {};
        auto current
            = Storage::exec(db.connection(), QStringLiteral("SELECT status FROM %1 WHERE id = ?").arg(table), { id });
        if (!current)
            return current.error();
        if (!current.value().next())
            return makeError(Errc::NotFound, QStringLiteral("no %1 row with id %2").arg(table).arg(id));
        return makeError(Errc::Conflict,
            QStringLiteral("%1 %2 is %3, not %4; nothing changed")
                .arg(table)
                .arg(id)
                .arg(current.value().value(0).toString(), enumText(expected)));
    });
}

Result<qint64> existingId(Database &db, const QString &sql, const QVariantList &binds)
{
    auto query = Storage::exec(db.connection(), sql, binds);
    if (!query)
        return query.error();
    if (!query.value().next())
        return makeError(Errc::Sql, QStringLiteral("a duplicate signal was reported but none was found"));
    return query.value().value(0).toLongLong();
}

Status validInitialStatus(SignalStatus status)
{
    if (status != SignalStatus::Pending && status != SignalStatus::Skipped) {
        return makeError(
            Errc::InvalidArgument, QStringLiteral("a new signal is PENDING or SKIPPED, not %1").arg(enumText(status)));
    }
    return {};
}

} // namespace

SignalRepository::SignalRepository(Database &db) : m_db(db) { }

Result<SignalInsert> SignalRepository::insertPendingBuy(const PendingBuySignalRecord &signal, const QString &actor)
{
    if (signal.stockCode.isEmpty() || signal.signalType.isEmpty())
        return makeError(Errc::InvalidArgument, QStringLiteral("a buy signal needs a stock code and a signal type"));
    if (Status s = validInitialStatus(signal.status); !s)
        return s.error();
    if ((signal.requestedQuantity && *signal.requestedQuantity <= 0)
        || (signal.requestedAmount && *signal.requestedAmount <= 0))
        return makeError(Errc::InvalidArgument, QStringLiteral("a requested quantity or amount must be positive"));
    if (!signal.orderType.isEmpty() && signal.orderType != QLatin1String("LIMIT")
        && signal.orderType != QLatin1String("MARKET"))
        return makeError(
            Errc::InvalidArgument, QStringLiteral("an order type is LIMIT or MARKET, not %1").arg(signal.orderType));
    QString source = signal.source;
    if (source.isEmpty() && signal.conditionId)
        source = QStringLiteral("condition:%1").arg(*signal.conditionId);
    if (source.isEmpty())
        return makeError(Errc::InvalidArgument, QStringLiteral("a buy signal needs a source or a condition id"));
    const qint64 now = m_db.clock().nowMs();
    const qint64 detectedAt = signal.detectedAtMs > 0 ? signal.detectedAtMs : now;
    const QString detectedDate = Krx::tradingDateString(detectedAt);

    return m_db.transaction([&]() -> Result<SignalInsert> {
        auto inserted = Storage::exec(m_db.connection(),
            QStringLiteral(
                "INSERT INTO pending_buy_signals (condition_id, stock_code, stock_name, detected_at, detected_date, "
                "status, signal_type, reference_candle_high, reference_candle_date, target_price, source, "
                "status_reason, updated_at, requested_quantity, requested_amount, order_type) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (stock_code, detected_date, signal_type, source) DO NOTHING"),
            { nullable(signal.conditionId), signal.stockCode, signal.stockName, detectedAt, detectedDate,
                enumText(signal.status), signal.signalType, nullable(signal.referenceCandleHigh),
                nullable(signal.referenceCandleTimeMs), nullable(signal.targetPrice), source,
                nullableText(signal.statusReason), now, nullable(signal.requestedQuantity),
                nullable(signal.requestedAmount), nullableText(signal.orderType) });
        if (!inserted)
            return inserted.error();
        if (inserted.value().numRowsAffected() == 0) {
            auto id = existingId(m_db,
                QStringLiteral("SELECT id FROM pending_buy_signals WHERE stock_code = ? AND detected_date = ? "
                               "AND signal_type = ? AND source = ?"),
                { signal.stockCode, detectedDate, signal.signalType, source });
            if (!id)
                return id.error();
            return SignalInsert { id.value(), true };
        }
        const qint64 id = inserted.value().lastInsertId().toLongLong();
        if (Status s = AuditLog::recordInsert(m_db, actor, PENDING_TABLE, id); !s)
            return s.error();
        return SignalInsert { id, false };
    });
}

Result<SignalInsert> SignalRepository::insertStrategySignal(const StrategySignalRecord &signal, const QString &actor)
{
    if (signal.stockCode.isEmpty() || signal.signalType.isEmpty() || signal.strategyId <= 0)
        return makeError(
            Errc::InvalidArgument, QStringLiteral("a strategy signal needs a strategy, a stock code and a type"));
    if (Status s = validInitialStatus(signal.status); !s)
        return s.error();
    const qint64 now = m_db.clock().nowMs();
    const qint64 detectedAt = signal.detectedAtMs > 0 ? signal.detectedAtMs : now;
    const QString detectedDate = Krx::tradingDateString(detectedAt);

    return m_db.transaction([&]() -> Result<SignalInsert> {
        auto inserted = Storage::exec(m_db.connection(),
            QStringLiteral(
                "INSERT INTO strategy_signals (strategy_id, stock_code, stock_name, signal_type, signal_value, "
                "detected_at, detected_date, status, additional_data, status_reason, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (strategy_id, stock_code, detected_date, signal_type) DO NOTHING"),
            { signal.strategyId, signal.stockCode, signal.stockName, signal.signalType, nullable(signal.signalValue),
                detectedAt, detectedDate, enumText(signal.status), jsonText(signal.additionalData),
                nullableText(signal.statusReason), now });
        if (!inserted)
            return inserted.error();
        if (inserted.value().numRowsAffected() == 0) {
            auto id = existingId(m_db,
                QStringLiteral("SELECT id FROM strategy_signals WHERE strategy_id = ? AND stock_code = ? "
                               "AND detected_date = ? AND signal_type = ?"),
                { signal.strategyId, signal.stockCode, detectedDate, signal.signalType });
            if (!id)
                return id.error();
            return SignalInsert { id.value(), true };
        }
        const qint64 id = inserted.value().lastInsertId().toLongLong();
        if (Status s = AuditLog::recordInsert(m_db, actor, STRATEGY_TABLE, id); !s)
            return s.error();
        return SignalInsert { id, false };
    });
}

Result<std::optional<PendingBuySignalRecord>> SignalRepository::findPendingBuy(qint64 id) const
{
    return readOne<PendingBuySignalRecord>(
        Storage::exec(m_db.connection(), PENDING_COLUMNS + QLatin1String("WHERE id = ?"), { id }), readPending);
}

Result<std::optional<StrategySignalRecord>> SignalRepository::findStrategySignal(qint64 id) const
{
    return readOne<StrategySignalRecord>(
        Storage::exec(m_db.connection(), STRATEGY_COLUMNS + QLatin1String("WHERE id = ?"), { id }), readStrategy);
}

Result<QList<PendingBuySignalRecord>> SignalRepository::listPendingBuy(const SignalFilter &filter) const
{
    QVariantList binds;
    const QString where = filterSql(filter, std::nullopt, binds);
    return readList<PendingBuySignalRecord>(
        Storage::exec(m_db.connection(), PENDING_COLUMNS + where, binds), readPending);
}

Result<QList<StrategySignalRecord>> SignalRepository::listStrategySignals(
    const SignalFilter &filter, std::optional<qint64> strategyId) const
{
    QVariantList binds;
    const QString where = filterSql(filter, strategyId, binds);
    return readList<StrategySignalRecord>(
        Storage::exec(m_db.connection(), STRATEGY_COLUMNS + where, binds), readStrategy);
}

Result<PendingBuySignalRecord> SignalRepository::updatePendingBuyStatus(
    qint64 id, SignalStatus expected, SignalStatus next, const QString &reason, const QString &actor)
{
    return m_db.transaction([&]() -> Result<PendingBuySignalRecord> {
        if (Status s = changeStatus(m_db, PENDING_TABLE, id, expected, next, reason, actor); !s)
            return s.error();
        auto row = findPendingBuy(id);
        if (!row)
            return row.error();
        return row.value().value_or(PendingBuySignalRecord {});
    });
}

Result<StrategySignalRecord> SignalRepository::updateStrategySignalStatus(
    qint64 id, SignalStatus expected, SignalStatus next, const QString &reason, const QString &actor)
{
    return m_db.transaction([&]() -> Result<StrategySignalRecord> {
        if (Status s = changeStatus(m_db, STRATEGY_TABLE, id, expected, next, reason, actor); !s)
            return s.error();
        auto row = findStrategySignal(id);
        if (!row)
            return row.error();
        return row.value().value_or(StrategySignalRecord {});
    });
}

Result<std::optional<SignalRecord>> SignalRepository::find(SignalKind kind, qint64 id) const
{
    if (kind == SignalKind::PendingBuy) {
        auto row = findPendingBuy(id);
        if (!row)
            return row.error();
        if (!row.value())
            return std::optional<SignalRecord>();
        return std::optional<SignalRecord>(SignalRecord { *row.value() });
    }
    auto row = findStrategySignal(id);
    if (!row)
        return row.error();
    if (!row.value())
        return std::optional<SignalRecord>();
    return std::optional<SignalRecord>(SignalRecord { *row.value() });
}

Result<SignalRecord> SignalRepository::requireSignal(SignalKind kind, qint64 id) const
{
    auto row = find(kind, id);
    if (!row)
        return row.error();
    if (!row.value())
        return makeError(Errc::NotFound, QStringLiteral("no %1 row with id %2").arg(tableOf(kind)).arg(id));
    return *row.value();
}

Result<SignalRecord> SignalRepository::updateStatus(
    SignalKind kind, qint64 id, SignalStatus expected, SignalStatus next, const QString &reason, const QString &actor)
{
    return m_db.transaction([&]() -> Result<SignalRecord> {
        if (Status s = changeStatus(m_db, tableOf(kind), id, expected, next, reason, actor); !s)
            return s.error();
        return requireSignal(kind, id);
    });
}

Result<SignalRecord> SignalRepository::scheduleRetry(SignalKind kind, qint64 id, SignalStatus expected,
    qint64 nextAttemptMs, const QString &reason, const QString &actor)
{
    if (!canTransition(expected, SignalStatus::Pending)) {
        return makeError(Errc::InvalidTransition,
            QStringLiteral("%1 %2: a retry goes from PROCESSING or ORDERED back to PENDING, not from %3")
                .arg(tableOf(kind))
                .arg(id)
                .arg(enumText(expected)));
    }
    const QString &table = tableOf(kind);
    return m_db.transaction([&]() -> Result<SignalRecord> {
        Status s = AuditLog::recordChange(m_db, actor, table, id, QStringLiteral("retry"), [&]() -> Status {
            auto done = Storage::run(m_db.connection(),
                QStringLiteral("UPDATE %1 SET status = 'PENDING', retry_count = retry_count + 1, next_attempt_at = ?, "
                               "status_reason = COALESCE(?, status_reason), updated_at = ? WHERE id = ? AND status = ?")
                    .arg(table),
                { nextAttemptMs, nullableText(reason), m_db.clock().nowMs(), id, enumText(expected) });
            if (!done)
                return done.error();
            if (done.value() == 1)
                return {};
            auto current = requireSignal(kind, id);
            if (!current)
                return current.error();
            return makeError(Errc::Conflict,
                QStringLiteral("%1 %2 is %3, not %4; nothing changed")
                    .arg(table)
                    .arg(id)
                    .arg(enumText(current.value().status()), enumText(expected)));
        });
        if (!s)
            return s.error();
        return requireSignal(kind, id);
    });
}

Result<QList<SignalRecord>> SignalRepository::listActionable(
    SignalKind kind, const QString &tradingDate, qint64 nowMs, int limit) const
{
    const QString where = QStringLiteral("WHERE status = 'PENDING' AND detected_date = ? "
                                         "AND (next_attempt_at IS NULL OR next_attempt_at <= ?) "
                                         "ORDER BY detected_at, id LIMIT ?");
    const QVariantList binds { tradingDate, nowMs, limit };
    if (kind == SignalKind::PendingBuy) {
        return readList<SignalRecord>(Storage::exec(m_db.connection(), PENDING_COLUMNS + where, binds),
            [](const QSqlQuery &q) { return SignalRecord { readPending(q) }; });
    }
    return readList<SignalRecord>(Storage::exec(m_db.connection(), STRATEGY_COLUMNS + where, binds),
        [](const QSqlQuery &q) { return SignalRecord { readStrategy(q) }; });
}

Result<SignalRecovery> SignalRepository::recoverProcessing(const QString &actor)
{
    return m_db.transaction([&]() -> Result<SignalRecovery> {
        SignalRecovery recovery;
        for (SignalKind kind : { SignalKind::PendingBuy, SignalKind::Strategy }) {
            const QString &table = tableOf(kind);
            const QStringList origins = originsOf(kind);
            // An order of the signal that is still open or filled anything decides the signal's
            // fate; without one, nothing left the app for it and it may be tried again.
            auto rows = readList<QPair<qint64, bool>>(
                Storage::exec(m_db.connection(),
                    QStringLiteral("SELECT s.id, EXISTS (SELECT 1 FROM orders o WHERE o.origin IN (?, ?, ?) "
                                   "AND o.origin_signal_id = s.id AND o.action = 'PLACE' "
                                   "AND (o.state NOT IN ('REJECTED', 'CANCELLED') OR o.filled_quantity > 0)) "
                                   "FROM %1 s WHERE s.status = 'PROCESSING' ORDER BY s.id")
                        .arg(table),
                    { origins.value(0), origins.value(1), origins.value(2, origins.value(0)) }),
                [](const QSqlQuery &q) { return qMakePair(q.value(0).toLongLong(), q.value(1).toBool()); });
            if (!rows)
                return rows.error();
            for (const auto &[id, ordered] : std::as_const(rows.value())) {
                const SignalStatus next = ordered ? SignalStatus::Ordered : SignalStatus::Pending;
                if (Status s = changeStatus(m_db, table, id, SignalStatus::Processing, next,
                        ordered ? QStringLiteral("recovered after a restart: its order was found")
                                : QStringLiteral("recovered after a restart: no order was sent"),
                        actor);
                    !s) {
                    return s.error();
                }
                if (ordered)
                    ++recovery.ordered;
                else
                    ++recovery.pending;
            }
        }
        return recovery;
    });
}

Result<int> SignalRepository::expirePending(const QString &tradingDate, const QString &actor)
{
    if (!QDate::fromString(tradingDate, Qt::ISODate).isValid())
        return makeError(Errc::InvalidArgument, QStringLiteral("not a trading date: %1").arg(tradingDate));
    return m_db.transaction([&]() -> Result<int> {
        int expired = 0;
        for (const QString &table : { PENDING_TABLE, STRATEGY_TABLE }) {
            auto ids = readList<qint64>(
                Storage::exec(m_db.connection(),
                    QStringLiteral("SELECT id FROM %1 WHERE status = 'PENDING' AND detected_date < ? ORDER BY id")
                        .arg(table),
                    { tradingDate }),
                [](const QSqlQuery &q) { return q.value(0).toLongLong(); });
            if (!ids)
                return ids.error();
            for (qint64 id : std::as_const(ids.value())) {
                if (Status s = changeStatus(m_db, table, id, SignalStatus::Pending, SignalStatus::Expired,
                        QStringLiteral("expired by the midnight cleanup"), actor);
                    !s) {
                    return s.error();
                }
                ++expired;
            }
        }
        return expired;
    });
}

Result<QList<SignalCount>> SignalRepository::statistics(const QString &fromDate, const QString &toDate) const
{
    return readList<SignalCount>(Storage::exec(m_db.connection(),
                                     QStringLiteral("SELECT 0, signal_type, status, count(*) FROM pending_buy_signals "
                                                    "WHERE detected_date BETWEEN ? AND ? GROUP BY signal_type, status "
                                                    "UNION ALL "
                                                    "SELECT 1, signal_type, status, count(*) FROM strategy_signals "
                                                    "WHERE detected_date BETWEEN ? AND ? GROUP BY signal_type, status "
                                                    "ORDER BY 1, 2, 3"),
                                     { fromDate, toDate, fromDate, toDate }),
        [](const QSqlQuery &q) {
            SignalCount c;
            c.kind = q.value(0).toInt() == 0 ? SignalKind::PendingBuy : SignalKind::Strategy;
            c.signalType = q.value(1).toString();
            c.status = enumValue(q.value(2), SignalStatus::Pending);
            c.count = q.value(3).toLongLong();
            return c;
        });
}
