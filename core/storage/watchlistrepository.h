// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "records.h"

#include <QList>
#include <QString>

#include <optional>

class Database;

namespace Storage {

// What add() did: the row as stored, and whether anything changed (a new row or a reactivation or a
// source change); false when the stock was already active with the same source.
struct WatchlistAdd
{
    WatchlistStockRecord stock;
    bool changed = false;
};

} // namespace Storage

// WatchlistRepository stores the local watchlist (관심종목, watchlist_stocks): one row per stock code,
// deactivated rather than deleted, so a stock's history (added_at, source) survives. MANUAL is
// sticky: a condition adding a stock that the user added keeps it MANUAL, and only MANUAL rows are
// kept active by deactivate(..., onlyIfSource = CONDITION) when a condition drops the stock.
// Every change writes its audit_log row in the same transaction. Same thread rules as Database.
class WatchlistRepository final
{
public:
    explicit WatchlistRepository(Database &db);

    // Adds a stock or reactivates it. For source CONDITION, conditionId/conditionName say which
    // condition; a MANUAL add of a CONDITION row turns it MANUAL.
    Result<Storage::WatchlistAdd> add(const QString &stockCode, const QString &stockName,
        Storage::WatchlistSource source, std::optional<qint64> conditionId, const QString &conditionName,
        const QString &actor);
    // Deactivates the stock; with onlyIfSource set, only when its source is that one (a condition's
    // removal never drops a stock the user added). Returns true when a row was deactivated.
    Result<bool> deactivate(const QString &stockCode, const QString &actor,
        std::optional<Storage::WatchlistSource> onlyIfSource = std::nullopt);

    Result<std::optional<Storage::WatchlistStockRecord>> findByCode(const QString &stockCode) const;
    Result<QList<Storage::WatchlistStockRecord>> listActive() const;
    Result<QList<Storage::WatchlistStockRecord>> listBySource(
        Storage::WatchlistSource source, bool activeOnly = true) const;
    // Active stocks added by one condition.
    Result<QList<Storage::WatchlistStockRecord>> listByCondition(qint64 conditionId, bool activeOnly = true) const;
    Result<QList<Storage::WatchlistStockRecord>> listAll() const;

private:
    Database &m_db;
};
