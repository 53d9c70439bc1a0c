// SPDX-License-Identifier: GPL-3.0-or-later
#include "watchlistrepository.h"

#include "auditlog.h"
#include "common/clock.h"
#include "database.h"
#include "sqlutil.h"

using namespace Storage;

namespace {

const QString TABLE = QStringLiteral("watchlist_stocks");
const QString COLUMNS
    = QStringLiteral("SELECT id, stock_code, stock_name, added_at, is_active, source_type, condition_id, "
                     "condition_name, updated_at FROM watchlist_stocks ");

WatchlistStockRecord readStock(const QSqlQuery &q)
{
    WatchlistStockRecord r;
    r.id = q.value(0).toLongLong();
    r.stockCode = q.value(1).toString();
    r.stockName = q.value(2).toString();
    r.addedAtMs = q.value(3).toLongLong();
    r.active = q.value(4).toLongLong() != 0;
    r.sourceType = enumValue(q.value(5), WatchlistSource::Manual);
    r.conditionId = optionalInt(q.value(6));
    r.conditionName = q.value(7).toString();
    r.updatedAtMs = q.value(8).toLongLong();
    return r;
}

} // namespace

WatchlistRepository::WatchlistRepository(Database &db) : m_db(db) { }

Result<WatchlistAdd> WatchlistRepository::add(const QString &stockCode, const QString &stockName,
    WatchlistSource source, std::optional<qint64> conditionId, const QString &conditionName, const QString &actor)
{
    if (stockCode.isEmpty())
        return makeError(Errc::InvalidArgument, QStringLiteral("a watchlist stock needs a stock code"));
    return m_db.transaction([&]() -> Result<WatchlistAdd> {
        auto existing = findByCode(stockCode);
        if (!existing)
            return existing.error();
        const qint64 now = m_db.clock().nowMs();
        bool changed = false;
        if (!existing.value()) {
            auto inserted = Storage::exec(m_db.connection(),
                QStringLiteral(
                    "INSERT INTO watchlist_stocks (stock_code, stock_name, added_at, is_active, source_type, "
                    "condition_id, condition_name, updated_at) VALUES (?, ?, ?, 1, ?, ?, ?, ?)"),
                { stockCode, stockName, now, enumText(source), nullable(conditionId), nullableText(conditionName),
                    now });
            if (!inserted)
                return inserted.error();
            if (Status s = AuditLog::recordInsert(m_db, actor, TABLE, inserted.value().lastInsertId().toLongLong()); !s)
                return s.error();
            changed = true;
        } else {
            const WatchlistStockRecord &old = *existing.value();
            // MANUAL is sticky: a condition re-adding a manual stock changes nothing but the name.
            const bool keepManual
                = old.active && old.sourceType == WatchlistSource::Manual && source == WatchlistSource::Condition;
            const WatchlistSource newSource = keepManual ? WatchlistSource::Manual : source;
            const std::optional<qint64> newConditionId = keepManual ? old.conditionId : conditionId;
            const QString newConditionName = keepManual ? old.conditionName : conditionName;
            const QString newName = stockName.isEmpty() ? old.stockName : stockName;
            changed = !old.active || old.sourceType != newSource || old.conditionId != newConditionId
                || old.conditionName != newConditionName || old.stockName != newName;
            if (changed) {
                Status s = AuditLog::recordChange(m_db, actor, TABLE, old.id,
                    old.active ? QStringLiteral("update") : QStringLiteral("reactivate"), [&]() -> Status {
                        auto done = Storage::run(m_db.connection(),
                            QStringLiteral("UPDATE watchlist_stocks SET stock_name = ?, is_active = 1, "
                                           "source_type = ?, condition_id = ?, condition_name = ?, "
                                           "updated_at = ? WHERE id = ?"),
                            { newName, enumText(newSource), nullable(newConditionId), nullableText(newConditionName),
                                now, old.id });
                        return done ? Status() : Status(done.error());
                    });
                if (!s)
                    return s.error();
            }
        }
        auto stored = findByCode(stockCode);
        if (!stored)
            return stored.error();
        if (!stored.value())
            return makeError(Errc::NotFound, QStringLiteral("watchlist stock %1 vanished").arg(stockCode));
        return WatchlistAdd { *stored.value(), changed };
    });
}

Result<bool> WatchlistRepository::deactivate(
    const QString &stockCode, const QString &actor, std::optional<WatchlistSource> onlyIfSource)
{
    return m_db.transaction([&]() -> Result<bool> {
        auto existing = findByCode(stockCode);
        if (!existing)
            return existing.error();
        if (!existing.value() || !existing.value()->active)
            return false;
        if (onlyIfSource && existing.value()->sourceType != *onlyIfSource)
            return false;
        Status s = AuditLog::recordChange(
            m_db, actor, TABLE, existing.value()->id, QStringLiteral("deactivate"), [&]() -> Status {
                auto done = Storage::run(m_db.connection(),
                    QStringLiteral("UPDATE watchlist_stocks SET is_active = 0, "
                                   "updated_at = ? WHERE id = ?"),
                    { m_db.clock().nowMs(), existing.value()->id });
                return done ? Status() : Status(done.error());
            });
        if (!s)
            return s.error();
        return true;
    });
}

Result<std::optional<WatchlistStockRecord>> WatchlistRepository::findByCode(const QString &stockCode) const
{
    return readOne<WatchlistStockRecord>(
        Storage::exec(m_db.connection(), COLUMNS + QLatin1String("WHERE stock_code = ?"), { stockCode }), readStock);
}

Result<QList<WatchlistStockRecord>> WatchlistRepository::listActive() const
{
    return readList<WatchlistStockRecord>(
        Storage::exec(m_db.connection(), COLUMNS + QLatin1String("WHERE is_active = 1 ORDER BY added_at, id")),
        readStock);
}

Result<QList<WatchlistStockRecord>> WatchlistRepository::listBySource(WatchlistSource source, bool activeOnly) const
{
    return readList<WatchlistStockRecord>(
        Storage::exec(m_db.connection(),
            COLUMNS
                + (activeOnly ? QLatin1String("WHERE is_active = 1 AND source_type = ? ORDER BY added_at, id")
                              : QLatin1String("WHERE source_type = ? ORDER BY added_at, id")),
            { enumText(source) }),
        readStock);
}

Result<QList<WatchlistStockRecord>> WatchlistRepository::listByCondition(qint64 conditionId, bool activeOnly) const
{
    return readList<WatchlistStockRecord>(
        Storage::exec(m_db.connection(),
            COLUMNS
                + (activeOnly ? QLatin1String("WHERE is_active = 1 AND condition_id = ? ORDER BY added_at, id")
                              : QLatin1String("WHERE condition_id = ? ORDER BY added_at, id")),
            { conditionId }),
        readStock);
}

Result<QList<WatchlistStockRecord>> WatchlistRepository::listAll() const
{
    return readList<WatchlistStockRecord>(
        Storage::exec(m_db.connection(), COLUMNS + QLatin1String("ORDER BY added_at, id")), readStock);
}
