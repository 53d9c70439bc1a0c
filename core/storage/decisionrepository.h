// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "records.h"

#include <QList>
#include <QString>

#include <optional>

class Database;

namespace Storage {

// Which ledger lines list() returns; every field that is set must match.
struct DecisionFilter
{
    std::optional<QString> code; // stock code
    std::optional<QString> tradingDate; // "YYYY-MM-DD"
    std::optional<DecisionKind> kind;
    std::optional<qint64> signalId;
    int limit = 500;
};

} // namespace Storage

// DecisionRepository is the decision ledger (signal_decisions): for every signal, each step of
// why it was or was not traded — created, deduped, blocked by which rule with which numbers, no
// cash, ordered, rejected with the broker's message, retried, filled. It is what the UI and the
// control API show when a user asks "why did (or didn't) it buy?".
// Guarantees: lines are append-only — the schema refuses every UPDATE and DELETE — and each
// append is one transaction of its own (or part of the caller's). The ledger is itself a journal,
// so an append writes no audit_log row; the state changes it explains (signals, orders) are
// audited by their own repositories. Same thread rules as Database.
class DecisionRepository final
{
public:
    explicit DecisionRepository(Database &db);

    // Appends one line and returns its id. atMs 0 = the database clock's now; an empty tradingDate
    // is the Asia/Seoul date of atMs. A stock code and a message are required
    // (storage.invalid_argument); an orderId must exist (storage.foreign_key).
    Result<qint64> append(const Storage::DecisionRecord &decision);

    // Matching lines, newest first (by id), at most filter.limit.
    Result<QList<Storage::DecisionRecord>> list(const Storage::DecisionFilter &filter) const;

private:
    Database &m_db;
};
