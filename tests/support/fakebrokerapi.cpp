// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakebrokerapi.h"

#include <QTimer>

FakeBrokerApi::FakeBrokerApi(QObject *parent) : QObject(parent) { }

template<typename T> void FakeBrokerApi::answerLater(QObject *context, Callback<T> done, const KiwoomResult<T> &value)
{
    ++queries;
    QPointer<QObject> guard(context);
    const bool guarded = context != nullptr;
    const KiwoomResult<T> result = queryError ? KiwoomResult<T>(*queryError) : value;
    QTimer::singleShot(0, this, [guard, guarded, done = std::move(done), result] {
        if (!guarded || guard)
            done(result);
    });
}

void FakeBrokerApi::placeOrder(const Kiwoom::OrderRequest &request, QObject *context, Callback<Kiwoom::OrderAck> done)
{
    places.append({ request, context, context != nullptr, std::move(done), false });
    if (autoAccept) {
        const int i = int(places.size()) - 1;
        const QString no = orderNo(nextOrderNo++);
        QTimer::singleShot(0, this, [this, i, no] {
            replyPlace(i, Kiwoom::OrderAck { no, QStringLiteral("KRX"), {} });
        });
    }
}

void FakeBrokerApi::cancelOrder(
    const Kiwoom::CancelRequest &request, QObject *context, Callback<Kiwoom::CancelAck> done)
{
    cancels.append({ request, context, context != nullptr, std::move(done), false });
}

void FakeBrokerApi::openOrders(QObject *context, Callback<Kiwoom::OpenOrders> done)
{
    answerLater<Kiwoom::OpenOrders>(context, std::move(done), openList);
}

void FakeBrokerApi::fills(QObject *context, Callback<Kiwoom::Fills> done)
{
    answerLater<Kiwoom::Fills>(context, std::move(done), fillList);
}

void FakeBrokerApi::holdings(QObject *context, Callback<Kiwoom::Holdings> done)
{
    answerLater<Kiwoom::Holdings>(context, std::move(done), holdingList);
}

void FakeBrokerApi::deposit(QObject *context, Callback<Kiwoom::Deposit> done)
{
    answerLater<Kiwoom::Deposit>(context, std::move(done), depositValue);
}

int FakeBrokerApi::ordersInFlight() const
{
    int n = 0;
    for (const PlaceCall &c : places)
        n += c.answered ? 0 : 1;
    for (const CancelCall &c : cancels)
        n += c.answered ? 0 : 1;
    return n;
}

void FakeBrokerApi::replyPlace(int i, const KiwoomResult<Kiwoom::OrderAck> &result)
{
    PlaceCall &c = places[i];
    if (c.answered)
        return;
    c.answered = true;
    if (!c.guarded || c.context)
        c.done(result);
}

void FakeBrokerApi::replyCancel(int i, const KiwoomResult<Kiwoom::CancelAck> &result)
{
    CancelCall &c = cancels[i];
    if (c.answered)
        return;
    c.answered = true;
    if (!c.guarded || c.context)
        c.done(result);
}
