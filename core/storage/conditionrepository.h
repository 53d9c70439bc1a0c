// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "records.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class Database;

// ConditionRepository stores the conditions (조건식) known from Kiwoom (auto_trade_conditions) and
// the per-condition stock lists of the 5-minute watchlist sync (condition_watchlist_sync).
// Every change writes its audit_log row in the same transaction. Same thread rules as Database.
class ConditionRepository final
{
public:
    explicit ConditionRepository(Database &db);

    // Inserts the condition, or updates api_condition_id of the one with this name (the seed's
    // unique key). is_enabled of an existing condition is kept; a new one starts disabled.
    Result<Storage::ConditionRecord> upsert(
        const QString &conditionName, const QString &apiConditionId, const QString &actor);
    Result<std::optional<Storage::ConditionRecord>> find(qint64 id) const;
    Result<std::optional<Storage::ConditionRecord>> findByName(const QString &conditionName) const;
    Result<QList<Storage::ConditionRecord>> list() const;
    Result<QList<Storage::ConditionRecord>> listEnabled() const;
    // storage.not_found when there is no such condition.
    Status setEnabled(qint64 id, bool enabled, const QString &actor);
    // Deletes a condition and its sync rows. A condition that has buy signals is history and cannot
    // be deleted (storage.foreign_key): disable it instead.
    Status remove(qint64 id, const QString &actor);

    // Records that the condition yields (or failed to add, or no longer yields) a stock: inserts or
    // updates the (condition, stock) row and stamps last_sync_at. Audited only when something other
    // than the time stamp changed.
    Result<Storage::ConditionSyncRecord> recordSync(qint64 conditionId, const QString &stockCode,
        const QString &stockName, Storage::SyncStatus status, bool addedToWatchlist, const QString &actor);
    // Marks every ACTIVE row of the condition whose stock is not in presentCodes as REMOVED and
    // returns those rows (as they are after the change).
    Result<QList<Storage::ConditionSyncRecord>> markRemovedExcept(
        qint64 conditionId, const QStringList &presentCodes, const QString &actor);
    Result<QList<Storage::ConditionSyncRecord>> syncEntries(
        qint64 conditionId, std::optional<Storage::SyncStatus> status = std::nullopt) const;
    // Every condition's row for one stock (to decide whether a condition-sourced watchlist stock is
    // still wanted by any condition).
    Result<QList<Storage::ConditionSyncRecord>> syncEntriesForStock(const QString &stockCode) const;

private:
    Result<std::optional<Storage::ConditionSyncRecord>> findSync(qint64 conditionId, const QString &stockCode) const;

    Database &m_db;
};
