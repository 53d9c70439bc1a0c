// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "records.h"

#include <QList>
#include <QString>

#include <optional>

class Database;

namespace Storage {

// Outcome of a dedupe insert: the id of the stored signal (the new one, or the one that was already
// there) and whether it was a duplicate (nothing was written).
struct SignalInsert
{
    qint64 id = 0;
    bool duplicate = false;

    bool operator==(const SignalInsert &) const = default;
};

struct SignalFilter
{
    std::optional<QString> detectedDate; // "YYYY-MM-DD"
    std::optional<SignalStatus> status;
    std::optional<QString> stockCode;
    int limit = 1000;
};

enum class SignalKind
{
    PendingBuy, // pending_buy_signals
    Strategy, // strategy_signals
};

// One line of signal statistics: how many signals of a kind and type ended in a status.
struct SignalCount
{
    SignalKind kind = SignalKind::PendingBuy;
    QString signalType;
    SignalStatus status = SignalStatus::Pending;
    qint64 count = 0;

    bool operator==(const SignalCount &) const = default;
};

} // namespace Storage

// SignalRepository stores buy signals from conditions (pending_buy_signals) and strategy signals
// (strategy_signals), the "why / why not" ledger of the signal manager:
// - insert*() dedupes: the same signal (stock, trading date, type, source/strategy) is stored once
//   per trading day; a repeat returns the existing id with duplicate = true and writes nothing.
//   detected_at defaults to the clock's now; detected_date is always derived from it (Asia/Seoul).
// - status changes are compare-and-set against the expected old status and follow
//   Storage::canTransition(), so two services can never both act on one signal.
// - expirePending() is the midnight cleanup.
// Every change writes its audit_log row in the same transaction. Same thread rules as Database.
class SignalRepository final
{
public:
    explicit SignalRepository(Database &db);

    // source defaults to "condition:<conditionId>" (or fails with storage.invalid_argument if neither
    // is given). The signal's status may be PENDING or SKIPPED (recorded but deliberately not acted on).
    Result<Storage::SignalInsert> insertPendingBuy(const Storage::PendingBuySignalRecord &signal, const QString &actor);
    Result<Storage::SignalInsert> insertStrategySignal(
        const Storage::StrategySignalRecord &signal, const QString &actor);

    Result<std::optional<Storage::PendingBuySignalRecord>> findPendingBuy(qint64 id) const;
    Result<std::optional<Storage::StrategySignalRecord>> findStrategySignal(qint64 id) const;
    // Oldest first.
    Result<QList<Storage::PendingBuySignalRecord>> listPendingBuy(const Storage::SignalFilter &filter) const;
    Result<QList<Storage::StrategySignalRecord>> listStrategySignals(
        const Storage::SignalFilter &filter, std::optional<qint64> strategyId = std::nullopt) const;

    // Compare-and-set: succeeds only when the signal is in `expected` and expected → next is allowed.
    // storage.not_found, storage.conflict (another status; the message names it) or
    // storage.invalid_transition otherwise, and nothing changes. reason goes to status_reason
    // (an empty reason keeps the old one). Returns the row after the change.
    Result<Storage::PendingBuySignalRecord> updatePendingBuyStatus(qint64 id, Storage::SignalStatus expected,
        Storage::SignalStatus next, const QString &reason, const QString &actor);
    Result<Storage::StrategySignalRecord> updateStrategySignalStatus(qint64 id, Storage::SignalStatus expected,
        Storage::SignalStatus next, const QString &reason, const QString &actor);

    // Midnight cleanup: every PENDING signal of both tables detected before `tradingDate`
    // ("YYYY-MM-DD") becomes EXPIRED. Returns how many. ORDERED signals are left alone: their
    // orders decide their fate.
    Result<int> expirePending(const QString &tradingDate, const QString &actor);

    // Counts by kind, signal type and status for detected dates in [fromDate, toDate].
    Result<QList<Storage::SignalCount>> statistics(const QString &fromDate, const QString &toDate) const;

private:
    Database &m_db;
};
