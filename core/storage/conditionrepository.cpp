// SPDX-License-Identifier: GPL-3.0-or-later
#include "conditionrepository.h"

#include "auditlog.h"
#include "common/clock.h"
#include "database.h"
#include "sqlutil.h"

#include <QSet>

using namespace Storage;

namespace {

const QString CONDITIONS_TABLE = QStringLiteral("auto_trade_conditions");
const QString SYNC_TABLE = QStringLiteral("condition_watchlist_sync");

const QString CONDITION_COLUMNS
    = QStringLiteral("SELECT id, condition_name, api_condition_id, is_enabled, updated_at FROM auto_trade_conditions ");
const QString SYNC_COLUMNS
    = QStringLiteral("SELECT id, condition_id, condition_name, stock_code, stock_name, sync_status, "
                     "last_sync_at, added_to_watchlist FROM condition_watchlist_sync ");

ConditionRecord readCondition(const QSqlQuery &q)
{
    ConditionRecord r;
    r.id = q.value(0).toLongLong();
    r.conditionName = q.value(1).toString();
    r.apiConditionId = q.value(2).toString();
    r.enabled = q.value(3).toLongLong() != 0;
    r.updatedAtMs = q.value(4).toLongLong();
    return r;
}

ConditionSyncRecord readSync(const QSqlQuery &q)
{
    ConditionSyncRecord r;
    r.id = q.value(0).toLongLong();
    r.conditionId = q.value(1).toLongLong();
    r.conditionName = q.value(2).toString();
    r.stockCode = q.value(3).toString();
    r.stockName = q.value(4).toString();
    r.syncStatus = enumValue(q.value(5), SyncStatus::Active);
    r.lastSyncAtMs = q.value(6).toLongLong();
    r.addedToWatchlist = q.value(7).toLongLong() != 0;
    return r;
}

Error notFound(qint64 id)
{
    return makeError(Errc::NotFound, QStringLiteral("no condition with id %1").arg(id));
}

} // namespace

ConditionRepository::ConditionRepository(Database &db) : m_db(db) { }

Result<ConditionRecord> ConditionRepository::upsert(
    const QString &conditionName, const QString &apiConditionId, const QString &actor)
{
    if (conditionName.trimmed().isEmpty())
        return makeError(Errc::InvalidArgument, QStringLiteral("a condition needs a name"));
    return m_db.transaction([&]() -> Result<ConditionRecord> {
        auto existing = findByName(conditionName);
        if (!existing)
            return existing.error();
        const qint64 now = m_db.clock().nowMs();
        if (!existing.value()) {
            auto inserted = Storage::exec(m_db.connection(),
                QStringLiteral("INSERT INTO auto_trade_conditions (condition_name, api_condition_id, "
                               "is_enabled, updated_at) VALUES (?, ?, 0, ?)"),
                { conditionName, nullableText(apiConditionId), now });
            if (!inserted)
                return inserted.error();
            const qint64 id = inserted.value().lastInsertId().toLongLong();
            if (Status s = AuditLog::recordInsert(m_db, actor, CONDITIONS_TABLE, id); !s)
                return s.error();
        } else if (existing.value()->apiConditionId != apiConditionId) {
            const qint64 id = existing.value()->id;
            Status s
                = AuditLog::recordChange(m_db, actor, CONDITIONS_TABLE, id, QStringLiteral("update"), [&]() -> Status {
                      auto done = Storage::run(m_db.connection(),
                          QStringLiteral("UPDATE auto_trade_conditions SET api_condition_id = ?, updated_at = ? "
                                         "WHERE id = ?"),
                          { nullableText(apiConditionId), now, id });
                      return done ? Status() : Status(done.error());
                  });
            if (!s)
                return s.error();
        }
        auto stored = findByName(conditionName);
        if (!stored)
            return stored.error();
        if (!stored.value())
            return makeError(Errc::NotFound, QStringLiteral("condition %1 vanished").arg(conditionName));
        return *stored.value();
    });
}

Result<std::optional<ConditionRecord>> ConditionRepository::find(qint64 id) const
{
    return readOne<ConditionRecord>(
        Storage::exec(m_db.connection(), CONDITION_COLUMNS + QLatin1String("WHERE id = ?"), { id }), readCondition);
}

Result<std::optional<ConditionRecord>> ConditionRepository::findByName(const QString &conditionName) const
{
    return readOne<ConditionRecord>(
        Storage::exec(
            m_db.connection(), CONDITION_COLUMNS + QLatin1String("WHERE condition_name = ?"), { conditionName }),
        readCondition);
}

Result<QList<ConditionRecord>> ConditionRepository::list() const
{
    return readList<ConditionRecord>(
        Storage::exec(m_db.connection(), CONDITION_COLUMNS + QLatin1String("ORDER BY id")), readCondition);
}

Result<QList<ConditionRecord>> ConditionRepository::listEnabled() const
{
    return readList<ConditionRecord>(
        Storage::exec(m_db.connection(), CONDITION_COLUMNS + QLatin1String("WHERE is_enabled = 1 ORDER BY id")),
        readCondition);
}

Status ConditionRepository::setEnabled(qint64 id, bool enabled, const QString &actor)
{
    return m_db.transaction([&]() -> Status {
        return AuditLog::recordChange(m_db, actor, CONDITIONS_TABLE, id, QStringLiteral("update"), [&]() -> Status {
            auto done = Storage::run(m_db.connection(),
                QStringLiteral("UPDATE auto_trade_conditions SET is_enabled = ?, updated_at = ? WHERE id = ?"),
                { enabled ? 1 : 0, m_db.clock().nowMs(), id });
            if (!done)
                return done.error();
            if (done.value() == 0)
                return notFound(id);
            return {};
        });
    });
}

Status ConditionRepository::remove(qint64 id, const QString &actor)
{
    return m_db.transaction([&]() -> Status {
        return AuditLog::recordChange(m_db, actor, CONDITIONS_TABLE, id, QStringLiteral("delete"), [&]() -> Status {
            auto done = Storage::run(
                m_db.connection(), QStringLiteral("DELETE FROM auto_trade_conditions WHERE id = ?"), { id });
            if (!done) {
                if (done.error().code == QLatin1String(Errc::ForeignKey)) {
                    return makeError(Errc::ForeignKey,
                        QStringLiteral("condition %1 has buy signals and cannot be deleted; "
                                       "disable it instead (%2)")
                            .arg(id)
                            .arg(done.error().message));
                }
                return done.error();
            }
            if (done.value() == 0)
                return notFound(id);
            return {};
        });
    });
}

Result<std::optional<ConditionSyncRecord>> ConditionRepository::findSync(
    qint64 conditionId, const QString &stockCode) const
{
    return readOne<ConditionSyncRecord>(
        Storage::exec(m_db.connection(), SYNC_COLUMNS + QLatin1String("WHERE condition_id = ? AND stock_code = ?"),
            { conditionId, stockCode }),
        readSync);
}

Result<ConditionSyncRecord> ConditionRepository::recordSync(qint64 conditionId, const QString &stockCode,
    const QString &stockName, SyncStatus status, bool addedToWatchlist, const QString &actor)
{
    if (stockCode.isEmpty())
        return makeError(Errc::InvalidArgument, QStringLiteral("a sync entry needs a stock code"));
    return m_db.transaction([&]() -> Result<ConditionSyncRecord> {
        auto condition = find(conditionId);
        if (!condition)
            return condition.error();
        if (!condition.value())
            return notFound(conditionId);
        auto existing = findSync(conditionId, stockCode);
        if (!existing)
            return existing.error();
        const qint64 now = m_db.clock().nowMs();
        const QString conditionName = condition.value()->conditionName;
        if (!existing.value()) {
            auto inserted = Storage::exec(m_db.connection(),
                QStringLiteral(
                    "INSERT INTO condition_watchlist_sync (condition_id, condition_name, stock_code, stock_name, "
                    "sync_status, last_sync_at, added_to_watchlist) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                { conditionId, conditionName, stockCode, stockName, enumText(status), now, addedToWatchlist ? 1 : 0 });
            if (!inserted)
                return inserted.error();
            if (Status s
                = AuditLog::recordInsert(m_db, actor, SYNC_TABLE, inserted.value().lastInsertId().toLongLong());
                !s)
                return s.error();
        } else {
            const ConditionSyncRecord &old = *existing.value();
            const bool changed = old.syncStatus != status || old.addedToWatchlist != addedToWatchlist
                || old.conditionName != conditionName || (!stockName.isEmpty() && old.stockName != stockName);
            auto update = [&]() -> Status {
                auto done = Storage::run(m_db.connection(),
                    QStringLiteral("UPDATE condition_watchlist_sync SET condition_name = ?, "
                                   "stock_name = CASE WHEN ? = '' THEN stock_name ELSE ? END, "
                                   "sync_status = ?, last_sync_at = ?, added_to_watchlist = ? WHERE id = ?"),
                    { conditionName, stockName, stockName, enumText(status), now, addedToWatchlist ? 1 : 0, old.id });
                return done ? Status() : Status(done.error());
            };
            Status s = changed
                ? AuditLog::recordChange(m_db, actor, SYNC_TABLE, old.id, QStringLiteral("update"), update)
                : update();
            if (!s)
                return s.error();
        }
        auto stored = findSync(conditionId, stockCode);
        if (!stored)
            return stored.error();
        if (!stored.value())
            return makeError(Errc::NotFound, QStringLiteral("sync entry vanished"));
        return *stored.value();
    });
}

Result<QList<ConditionSyncRecord>> ConditionRepository::markRemovedExcept(
    qint64 conditionId, const QStringList &presentCodes, const QString &actor)
{
    return m_db.transaction([&]() -> Result<QList<ConditionSyncRecord>> {
        auto active = syncEntries(conditionId, SyncStatus::Active);
        if (!active)
            return active.error();
        const QSet<QString> present(presentCodes.cbegin(), presentCodes.cend());
        const qint64 now = m_db.clock().nowMs();
        QList<ConditionSyncRecord> removed;
        for (const ConditionSyncRecord &entry : std::as_const(active.value())) {
            if (present.contains(entry.stockCode))
                continue;
            Status s
                = AuditLog::recordChange(m_db, actor, SYNC_TABLE, entry.id, QStringLiteral("update"), [&]() -> Status {
                      auto done = Storage::run(m_db.connection(),
                          QStringLiteral("UPDATE condition_watchlist_sync SET sync_status = 'REMOVED', "
                                         "last_sync_at = ? WHERE id = ?"),
                          { now, entry.id });
                      return done ? Status() : Status(done.error());
                  });
            if (!s)
                return s.error();
            ConditionSyncRecord after = entry;
            after.syncStatus = SyncStatus::Removed;
            after.lastSyncAtMs = now;
            removed.append(after);
        }
        return removed;
    });
}

Result<QList<ConditionSyncRecord>> ConditionRepository::syncEntries(
    qint64 conditionId, std::optional<SyncStatus> status) const
{
    if (status) {
        return readList<ConditionSyncRecord>(
            Storage::exec(m_db.connection(),
                SYNC_COLUMNS + QLatin1String("WHERE condition_id = ? AND sync_status = ? ORDER BY stock_code"),
                { conditionId, enumText(*status) }),
            readSync);
    }
    return readList<ConditionSyncRecord>(
        Storage::exec(m_db.connection(), SYNC_COLUMNS + QLatin1String("WHERE condition_id = ? ORDER BY stock_code"),
            { conditionId }),
        readSync);
}

Result<QList<ConditionSyncRecord>> ConditionRepository::syncEntriesForStock(const QString &stockCode) const
{
    return readList<ConditionSyncRecord>(
        Storage::exec(m_db.connection(), SYNC_COLUMNS + QLatin1String("WHERE stock_code = ? ORDER BY condition_id"),
            { stockCode }),
        readSync);
}
