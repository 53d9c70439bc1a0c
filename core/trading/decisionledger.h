// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "storage/decisionrepository.h"
#include "storage/records.h"
#include "storage/signalrepository.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include <optional>

class Database;
class IClock;

// DecisionLedger: why each signal was or was not traded, one line per step of its life (CREATED,
// DEDUPED, SKIPPED, BLOCKED, NO_CASH, ZERO_QUANTITY, ORDERED, REJECTED, RETRY, FAILED, FILLED,
// PARTIAL, CANCELLED, EXPIRED, UNKNOWN), with the numbers that decided it in `data`. It exists so
// a trader (the UI's ledger, GET /signals/...) can answer "why did it not buy 005930 today?"
// without reading logs.
//
// Guarantees: record() never fails at the caller — a ledger line must not stop trading: a storage
// error is logged under kt.trading and the line is still announced (with id 0, i.e. not stored).
// Lines are append-only (signal_decisions has no update/delete). `at` and `trading_date` come from
// the market clock when the caller leaves them empty. Thread: the core's thread (as Database).
class DecisionLedger final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DecisionLedger)

public:
    DecisionLedger(Database &db, const IClock &marketClock, QObject *parent = nullptr);
    ~DecisionLedger() override;

    // Stores one line; returns its id, or 0 when it could not be stored (logged).
    qint64 record(const Storage::DecisionRecord &decision);
    // Newest first.
    Result<QList<Storage::DecisionRecord>> query(const Storage::DecisionFilter &filter) const;
    // A stock's lines of one trading date ("YYYY-MM-DD"), newest first.
    Result<QList<Storage::DecisionRecord>> forStock(
        const QString &code, const QString &tradingDate, int limit = 500) const;
    // Every line of one signal, newest first.
    Result<QList<Storage::DecisionRecord>> forSignal(
        Storage::DecisionKind kind, qint64 signalId, int limit = 500) const;

    // The ledger's kind for a signal row: MANUAL for manual/API buys ("manual:…", "api:…" sources),
    // PENDING_BUY for the other pending_buy_signals rows, STRATEGY for strategy_signals.
    static Storage::DecisionKind kindOf(Storage::SignalKind kind, const QString &source);
    // A line with the common fields filled; `at`/`trading_date` are left to record().
    static Storage::DecisionRecord line(Storage::DecisionKind kind, std::optional<qint64> signalId, const QString &code,
        const QString &source, Storage::Decision decision, const QString &message, const QJsonObject &data = {});

signals:
    // After every record() (also when storing failed: id 0), for the UI and the control API.
    void decisionRecorded(const Storage::DecisionRecord &decision);

private:
    const IClock &m_clock;
    DecisionRepository m_repository;
};
