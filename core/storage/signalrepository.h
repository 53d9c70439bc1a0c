// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "records.h"

#include <QList>
#include <QString>

#include <optional>
#include <variant>

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

// A row of either signal table, for the calls that take a SignalKind.
struct SignalRecord
{
    std::variant<PendingBuySignalRecord, StrategySignalRecord> record;

    SignalKind kind() const
    {
        return std::holds_alternative<PendingBuySignalRecord>(record) ? SignalKind::PendingBuy : SignalKind::Strategy;
    }
    const PendingBuySignalRecord *pendingBuy() const { return std::get_if<PendingBuySignalRecord>(&record); }
    const StrategySignalRecord *strategy() const { return std::get_if<StrategySignalRecord>(&record); }
    qint64 id() const
    {
        return std::visit([](const auto &r) { return r.id; }, record);
    }
    QString stockCode() const
    {
        return std::visit([](const auto &r) { return r.stockCode; }, record);
    }
    QString stockName() const
    {
        return std::visit([](const auto &r) { return r.stockName; }, record);
    }
    SignalStatus status() const
    {
        return std::visit([](const auto &r) { return r.status; }, record);
    }
    QString detectedDate() const
    {
        return std::visit([](const auto &r) { return r.detectedDate; }, record);
    }
    int retryCount() const
    {
        return std::visit([](const auto &r) { return r.retryCount; }, record);
    }
    std::optional<qint64> nextAttemptAtMs() const
    {
        return std::visit([](const auto &r) { return r.nextAttemptAtMs; }, record);
    }

    bool operator==(const SignalRecord &) const = default;
};

// What recoverProcessing() did.
struct SignalRecovery
{
    int pending = 0; // PROCESSING → PENDING: no order had been stored for them
    int ordered = 0; // PROCESSING → ORDERED: an order was found; it decides

    bool operator==(const SignalRecovery &) const = default;
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

// SignalRepository stores buy signals from conditions and manual/API buys (pending_buy_signals)
// and strategy signals (strategy_signals):
// - insert*() dedupes: the same signal (stock, trading date, type, source/strategy) is stored once
//   per trading day; a repeat returns the existing id with duplicate = true and writes nothing.
//   detected_at defaults to the clock's now; detected_date is always derived from it (Asia/Seoul).
// - status changes are compare-and-set against the expected old status and follow
//   Storage::canTransition(), so two services can never both act on one signal: the buy executor
//   claims a signal PENDING → PROCESSING before it does anything with it.
// - scheduleRetry() puts a signal back to PENDING after a definite transient refusal, counting the
//   retries and not before a given time; listActionable() is the executor's sweep.
// - recoverProcessing() is start-up's crash recovery; expirePending() the midnight cleanup.
// - signals are never deleted (a schema trigger forbids it).
// Every change writes its audit_log row in the same transaction. Same thread rules as Database.
class SignalRepository final
{
public:
    explicit SignalRepository(Database &db);

    // source defaults to "condition:<conditionId>" (or fails with storage.invalid_argument if neither
    // is given). The signal's status may be PENDING or SKIPPED (recorded but deliberately not acted on).
    // A manual/API buy's requestedQuantity/requestedAmount (positive) and orderType ("LIMIT",
    // "MARKET" or empty) are stored; retryCount/nextAttemptAtMs start at 0/now whatever is passed.
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

    // Either kind by SignalKind.
    Result<std::optional<Storage::SignalRecord>> find(Storage::SignalKind kind, qint64 id) const;
    // updatePendingBuyStatus / updateStrategySignalStatus by SignalKind.
    Result<Storage::SignalRecord> updateStatus(Storage::SignalKind kind, qint64 id, Storage::SignalStatus expected,
        Storage::SignalStatus next, const QString &reason, const QString &actor);

    // expected (PROCESSING or ORDERED) → PENDING after a definite transient refusal (rate limit,
    // server busy before acceptance): retry_count + 1, next_attempt_at = nextAttemptMs (the signal
    // is not actionable before), status_reason = reason. Compare-and-set like updateStatus();
    // storage.invalid_transition for any other expected status. Whether to retry at all (a
    // maximum count) is the caller's decision: read retryCount() of the result.
    Result<Storage::SignalRecord> scheduleRetry(Storage::SignalKind kind, qint64 id, Storage::SignalStatus expected,
        qint64 nextAttemptMs, const QString &reason, const QString &actor);
    // PENDING signals of a kind detected on tradingDate whose next attempt is due (next_attempt_at
    // NULL or ≤ nowMs), oldest first, at most `limit`.
    Result<QList<Storage::SignalRecord>> listActionable(
        Storage::SignalKind kind, const QString &tradingDate, qint64 nowMs, int limit = 500) const;

    // Start-up crash recovery, before the buy executor runs: every PROCESSING signal (its
    // executor died with it) becomes ORDERED when an order of it is open or filled anything (the
    // order decides its fate, it must not be bought twice), PENDING otherwise (nothing was sent;
    // it is actionable again). Orders are matched by origin (condition/manual/api for buy signals,
    // strategy/scalping for strategy signals) and orders.origin_signal_id.
    Result<Storage::SignalRecovery> recoverProcessing(const QString &actor);

    // Midnight cleanup: every PENDING signal of both tables detected before `tradingDate`
    // ("YYYY-MM-DD") becomes EXPIRED. Returns how many. PROCESSING and ORDERED signals are left
    // alone: an executor or their orders decide their fate.
    Result<int> expirePending(const QString &tradingDate, const QString &actor);

    // Counts by kind, signal type and status for detected dates in [fromDate, toDate].
    Result<QList<Storage::SignalCount>> statistics(const QString &fromDate, const QString &toDate) const;

private:
    Result<Storage::SignalRecord> requireSignal(Storage::SignalKind kind, qint64 id) const;

    Database &m_db;
};
