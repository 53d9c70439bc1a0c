// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "records.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

class Database;

// AuditLog is the append-only audit_log table: who changed what, with the row before and after
// as JSON. Entries are never edited (a schema trigger refuses UPDATE); only pruneBefore() removes
// old ones, by the retention setting, and records that it did. Every state-changing repository method writes its entry
// in the same transaction as the change (through recordInsert()/recordChange()), so a change and its audit row commit
// or vanish together. Services append their own entries for changes that are not rows (kill switch, risk limits) with
// append(). Market-data refreshes (mark-to-market prices, candles) are not audited. Same thread rules as Database.
class AuditLog final
{
public:
    explicit AuditLog(Database &db);

    // Appends one entry at the clock's now. An empty before/after object is stored as NULL.
    Result<qint64> append(const QString &actor, const QString &entity, std::optional<qint64> entityId,
        const QString &action, const QJsonObject &before, const QJsonObject &after);

    // Entries about one entity kind (and one id when given), newest first.
    Result<QList<Storage::AuditRecord>> forEntity(
        const QString &entity, std::optional<qint64> entityId = std::nullopt, int limit = 200) const;
    // Entries with id > afterId, oldest first (a feed for the UI log dock and the control API).
    Result<QList<Storage::AuditRecord>> since(qint64 afterId, int limit = 500) const;

    // Retention (the midnight cleanup, after its backup): deletes every entry older than beforeMs
    // (at < beforeMs) and appends one entry saying so (entity "audit_log", action "prune", after
    // {"before_ms", "deleted"}), in one transaction. Returns how many were deleted. The rows the
    // entries were about (orders, executions, positions, ...) are never pruned. beforeMs in the
    // future (beyond the clock's now) is refused (storage.invalid_argument): it would wipe the log.
    Result<int> pruneBefore(qint64 beforeMs, const QString &actor = QStringLiteral("service.cleanup"));

    // For repositories, inside their transaction:
    // records a freshly inserted row (before = NULL, after = the row).
    static Status recordInsert(Database &db, const QString &actor, const QString &table, qint64 id,
        const QString &action = QStringLiteral("insert"));
    // snapshots the row, runs mutate, snapshots it again and appends the entry. mutate's error is
    // returned as is (the caller's transaction then rolls back).
    static Status recordChange(Database &db, const QString &actor, const QString &table, qint64 id,
        const QString &action, const std::function<Status()> &mutate);
    // Appends an entry from JSON text (as produced by Database::rowSnapshot; null = NULL).
    static Result<qint64> appendRaw(Database &db, const QString &actor, const QString &entity,
        std::optional<qint64> entityId, const QString &action, const QString &beforeJson, const QString &afterJson);

private:
    Database &m_db;
};
