// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/orderrepository.h"
#include "trading/ordersubmitter.h"

#include <QList>
#include <QSet>
#include <QString>

#include <functional>
#include <optional>

class Database;

// FakeOrderSubmitter: the OrderManager as the buy executor, the exits and the command layer see it
// (IOrderSubmitter), for their unit tests. It exists so those tests need no broker, risk guard or
// order state machine, yet what they read back is real:
// - submit() records every intent; a refusal scripted with refuseNext() is returned once (nothing
//   stored, as the OrderManager's risk guard); otherwise the order is written to the given
//   Database's orders table in SENT (client order id, origin + signal id, trade type "0"/"3"), as the
//   OrderManager does before the request leaves, and the stored row is returned.
// - hasOpenOrder() answers from that table (open or unknown PLACE orders of the stock and side)
//   plus the codes a test adds to openBuys.
// - reject()/cancel()/fill()/markUnknown() move a stored order on (through OrderRepository) and
//   return the row a test then emits on OrderEvents.
// Thread: the test's thread.
class FakeOrderSubmitter final : public IOrderSubmitter
{
public:
    explicit FakeOrderSubmitter(Database &db);

    Result<Storage::OrderRecord> submit(const Trading::OrderIntent &intent) override;
    bool hasOpenOrder(const QString &code, Side side) const override;

    // The next submit() returns this error and stores nothing.
    void refuseNext(const Error &error) { m_refusals.append(error); }

    // SENT → REJECTED with the reason.
    Storage::OrderRecord reject(qint64 orderId, const QString &reason);
    // SENT → ACCEPTED, then `filled` shares at `price` (0 = none), then → CANCELLED.
    Storage::OrderRecord cancel(qint64 orderId, qint64 filled = 0, qint64 price = 0);
    // SENT → ACCEPTED, then every share at `price` (→ FILLED).
    Storage::OrderRecord fill(qint64 orderId, qint64 price);
    // SENT → UNKNOWN.
    Storage::OrderRecord markUnknown(qint64 orderId);
    // The stored row.
    Storage::OrderRecord order(qint64 orderId) const;

    QList<Trading::OrderIntent> intents; // every submit(), refused or not, in order
    QList<Storage::OrderRecord> placed; // the orders stored (as returned by submit())
    QSet<QString> openBuys; // codes reported as having an open buy besides the stored ones
    qint64 marketValuationPrice = 1'000'000; // orders.valuation_price of a stored market order
    // Called with the stored order before submit() returns (an event the OrderManager emits at once).
    std::function<void(const Storage::OrderRecord &)> whileSubmitting;

private:
    Storage::OrderRecord accept(qint64 orderId);

    OrderRepository m_repository;
    QList<Error> m_refusals;
    int m_executionNo = 0;
};
