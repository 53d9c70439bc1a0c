// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trading/brokerapi.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>

// FakeBrokerApi: an IBrokerApi for the engine's unit tests. Order calls are recorded and stay
// pending until the test answers them (replyPlace / replyCancel, or the auto* switches); the account
// queries answer from the lists the test fills (open, fills, holdings, deposit) on the next event
// loop pass, or with queryError when set. Single thread.
class FakeBrokerApi final : public QObject, public IBrokerApi
{
    Q_OBJECT

public:
    struct PlaceCall
    {
        Kiwoom::OrderRequest request;
        QPointer<QObject> context;
        bool guarded = false;
        Callback<Kiwoom::OrderAck> done;
        bool answered = false;
    };
    struct CancelCall
    {
        Kiwoom::CancelRequest request;
        QPointer<QObject> context;
        bool guarded = false;
        Callback<Kiwoom::CancelAck> done;
        bool answered = false;
    };

    explicit FakeBrokerApi(QObject *parent = nullptr);

    void placeOrder(const Kiwoom::OrderRequest &request, QObject *context, Callback<Kiwoom::OrderAck> done) override;
    void cancelOrder(const Kiwoom::CancelRequest &request, QObject *context, Callback<Kiwoom::CancelAck> done) override;
    void openOrders(QObject *context, Callback<Kiwoom::OpenOrders> done) override;
    void fills(QObject *context, Callback<Kiwoom::Fills> done) override;
    void holdings(QObject *context, Callback<Kiwoom::Holdings> done) override;
    void deposit(QObject *context, Callback<Kiwoom::Deposit> done) override;
    int ordersInFlight() const override;

    // Answers the i-th place call (once).
    void replyPlace(int i, const KiwoomResult<Kiwoom::OrderAck> &result);
    void replyCancel(int i, const KiwoomResult<Kiwoom::CancelAck> &result);

    QList<PlaceCall> places;
    QList<CancelCall> cancels;
    // Auto-answer every place call with the next order number ("0000001", ...) on the next loop pass.
    bool autoAccept = false;
    int nextOrderNo = 1;

    Kiwoom::OpenOrders openList;
    Kiwoom::Fills fillList;
    Kiwoom::Holdings holdingList;
    Kiwoom::Deposit depositValue;
    std::optional<KiwoomError> queryError;
    int queries = 0;

    static QString orderNo(int n) { return QStringLiteral("%1").arg(n, 7, 10, QLatin1Char('0')); }

private:
    template<typename T> void answerLater(QObject *context, Callback<T> done, const KiwoomResult<T> &value);
};
