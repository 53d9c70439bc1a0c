// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kiwoom/kiwoomerror.h"
#include "kiwoom/types.h"

#include <functional>

class QObject;

// IBrokerApi: the broker calls the trading engine makes — orders and the account TRs it reconciles
// with — behind a small interface, so the order manager and the reconciler are unit-tested against a
// fake and run against Kiwoom (or the simulator) through KiwoomBrokerApi.
//
// Contract: every call completes exactly once, later, on the caller's thread (never inside the
// call), unless `context` was destroyed first (then the callback is dropped). Paged TRs are followed
// to the end. Order calls are never resent by the implementation: a reply that may have been lost is
// KiwoomError::Kind::OutcomeUnknown. Not thread-safe: the core's thread.
class IBrokerApi
{
public:
    template<typename T> using Callback = std::function<void(const KiwoomResult<T> &)>;

    virtual ~IBrokerApi() = default;

    virtual void placeOrder(const Kiwoom::OrderRequest &request, QObject *context,
        Callback<Kiwoom::OrderAck> done)
        = 0; // kt10000 / kt10001
    virtual void cancelOrder(const Kiwoom::CancelRequest &request, QObject *context,
        Callback<Kiwoom::CancelAck> done)
        = 0; // kt10003
    virtual void openOrders(QObject *context, Callback<Kiwoom::OpenOrders> done) = 0; // ka10075, every stock
    virtual void fills(QObject *context, Callback<Kiwoom::Fills> done) = 0; // ka10076, today, every stock
    virtual void holdings(QObject *context, Callback<Kiwoom::Holdings> done) = 0; // kt00018
    virtual void deposit(QObject *context, Callback<Kiwoom::Deposit> done) = 0; // kt00001 (estimated)
    // Order requests handed to the network whose reply has not arrived yet.
    virtual int ordersInFlight() const = 0;

protected:
    IBrokerApi() = default;
    IBrokerApi(const IBrokerApi &) = default;
    IBrokerApi &operator=(const IBrokerApi &) = default;
};
