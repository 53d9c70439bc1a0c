// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kiwoom/kiwoomerror.h"
#include "storage/records.h"

#include <QObject>

// OrderEvents: what happened to orders after submit() — the OrderManager emits through it, the
// buy executor, the exits, the decision ledger and the UI listen. A plain notifier so a unit test
// can emit on it directly without an OrderManager. Lives on the core's thread; the signals carry
// complete value types (queued connections to the UI thread copy them).
class OrderEvents final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrderEvents)

public:
    explicit OrderEvents(QObject *parent = nullptr);

signals:
    // Any change of an order row (state, broker number, fills).
    void orderUpdated(const Storage::OrderRecord &order);
    // The broker definitely refused the order (REJECTED). error.retryable() with Kind RateLimited or
    // Transport means it was refused before it reached the exchange and may be tried again later.
    void orderRejected(const Storage::OrderRecord &order, const KiwoomError &error);
    // The reply was lost (UNKNOWN): the order is being reconciled; nothing else may trade the stock.
    void orderOutcomeUnknown(const Storage::OrderRecord &order, const KiwoomError &error);
    // One fill, recorded once (duplicates are not re-emitted).
    void executionRecorded(const Storage::OrderRecord &order, const Storage::ExecutionRecord &execution);
    // The order reached a terminal state: FILLED, CANCELLED (maybe partly filled) or REJECTED.
    void orderFinished(const Storage::OrderRecord &order);
};
