// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signalsink.h"
#include "tradingtypes.h"

#include "common/result.h"
#include "storage/positionrepository.h"
#include "storage/signalrepository.h"

#include <QObject>

class Database;
class DecisionLedger;
class IClock;

// SignalManager: the one door every signal goes through — condition hits (10-minute scan and
// realtime), strategy and scalping scans, manual buys from the UI and buys from the control API
// (kind PendingBuy, source "manual:<uuid>" / "api:<uuid>"). It exists so that "one signal, one
// decision" holds whatever the source, and the buy executor and the exits only ever see stored rows.
//
// Guarantees:
// - Dedupe by the database's unique indexes: the same stock, trading date (market clock), signal type
//   and source (condition) / strategy is stored once; a repeat writes nothing but a DEDUPED ledger
//   line and returns the earlier id with duplicate = true. Manual and API buys are never deduped:
//   a "manual"/"api" source without its own id gets a fresh UUID.
// - Buy signals are stored PENDING with a CREATED ledger line, then signalCreated(kind, id) is
//   emitted (the BuyOrderExecutor acts on it; a stock already held or with an open buy is still
//   recorded — the executor skips it and says why).
// - Sell signals of the strategies are stored in strategy_signals; with a live position on the stock
//   exitRequested() is emitted (the StopLossManager sells through the exit path, SellReason::Strategy)
//   and the row stays PENDING for that path to settle; without one the row is stored SKIPPED
//   "not held" (ledger CREATED + SKIPPED) and nothing else happens.
// - Errors are values: an invalid request or a storage failure returns an Error and emits nothing.
// Thread: the core's thread (as Database); submit() is synchronous and never places an order itself.
class SignalManager final : public QObject, public ISignalSink
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignalManager)

public:
    static constexpr const char *ACTOR = "service.signals";

    SignalManager(Database &db, const IClock &marketClock, DecisionLedger &ledger, QObject *parent = nullptr);
    ~SignalManager() override;

    Result<Trading::SignalOutcome> submit(const Trading::SignalRequest &request) override;

    // "manual" / "api" sources (and their "<prefix>:<id>" forms): user buys, never deduped.
    static bool isManualSource(const QString &source);

signals:
    // A new buy signal was stored PENDING (not emitted for duplicates or sells).
    void signalCreated(Storage::SignalKind kind, qint64 id);
    // A strategy's sell signal for a stock with a live position.
    void exitRequested(const Trading::ExitRequest &request);

private:
    Result<Trading::SignalOutcome> submitBuy(const Trading::SignalRequest &request, const QString &source);
    Result<Trading::SignalOutcome> submitSell(const Trading::SignalRequest &request, const QString &source);

    const IClock &m_clock;
    DecisionLedger &m_ledger;
    SignalRepository m_signals;
    PositionRepository m_positions;
};
