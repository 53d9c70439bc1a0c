// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tradingtypes.h"

#include "common/result.h"
#include "storage/records.h"

#include <QString>

// IOrderSubmitter: how the buy executor, the exits and the command layer hand an order to the
// OrderManager, behind a small interface so their unit tests use a fake.
//
// submit() is synchronous for the decision and the journal: it runs the risk guard, writes the
// order (NEW, then SENT) and hands the request to the broker, returning the stored row; or it
// refuses and returns an Error whose code is the risk rule ("risk.cash", ...) or a storage error,
// and nothing was sent. The broker's answer comes later through OrderEvents.
class IOrderSubmitter
{
public:
    virtual ~IOrderSubmitter() = default;
    virtual Result<Storage::OrderRecord> submit(const Trading::OrderIntent &intent) = 0;
    // Whether an order of `side` for the stock is open or of unknown outcome (no second buy while one works).
    virtual bool hasOpenOrder(const QString &code, Side side) const = 0;

protected:
    IOrderSubmitter() = default;
    IOrderSubmitter(const IOrderSubmitter &) = default;
    IOrderSubmitter &operator=(const IOrderSubmitter &) = default;
};
