// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "brokerapi.h"
#include "marketapi.h"

#include <QObject>

class ConditionSearch;
class RestClient;

// KiwoomBrokerApi: IBrokerApi and IMarketApi over the Kiwoom client (RestClient, ConditionSearch):
// the one place where the engine's calls become TRs. It adds what the engine wants and the raw
// client does not do: paged TRs followed to the end (ka10075, ka10076, kt00018, CNSRREQ), candles
// converted to market Candles oldest first and fetched page by page until `count` bars are there,
// ka10095 split into calls of at most 100 codes.
// Threading: the core's thread, like the client it wraps. Does not own the client.
class KiwoomBrokerApi final : public QObject, public IBrokerApi, public IMarketApi
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KiwoomBrokerApi)

public:
    static constexpr int MAX_CHART_PAGES = 20; // one candle request never follows more pages
    static constexpr int WATCH_BATCH = 100; // ka10095's observed cap per call

    KiwoomBrokerApi(RestClient &rest, ConditionSearch &conditions, QObject *parent = nullptr);
    ~KiwoomBrokerApi() override;

    // IBrokerApi
    template<typename T> using Callback = IBrokerApi::Callback<T>;
    void placeOrder(const Kiwoom::OrderRequest &request, QObject *context, Callback<Kiwoom::OrderAck> done) override;
    void cancelOrder(const Kiwoom::CancelRequest &request, QObject *context, Callback<Kiwoom::CancelAck> done) override;
    void openOrders(QObject *context, Callback<Kiwoom::OpenOrders> done) override;
    void fills(QObject *context, Callback<Kiwoom::Fills> done) override;
    void holdings(QObject *context, Callback<Kiwoom::Holdings> done) override;
    void deposit(QObject *context, Callback<Kiwoom::Deposit> done) override;
    int ordersInFlight() const override;
    // Called with every successful ka10001 reply (the instrument cache learns the day's limits from
    // whoever asked).
    void setStockInfoObserver(std::function<void(const Kiwoom::StockInfo &)> observer)
    {
        m_stockInfoObserver = std::move(observer);
    }

    // IMarketApi
    void stockInfo(const QString &code, QObject *context, Callback<Kiwoom::StockInfo> done) override;
    void watchQuotes(const QStringList &codes, QObject *context, Callback<QList<Kiwoom::WatchQuote>> done) override;
    void dailyCandles(
        const QString &code, const QDate &baseDate, int count, QObject *context, Callback<QList<Candle>> done) override;
    void minuteCandles(
        const QString &code, int minutes, int count, QObject *context, Callback<QList<Candle>> done) override;
    void listConditions(QObject *context, Callback<QList<Kiwoom::ConditionInfo>> done) override;
    void searchCondition(const QString &seq, QObject *context, Callback<QList<Kiwoom::ConditionRow>> done) override;
    void startRealtimeCondition(const QString &seq, QObject *context, Callback<QStringList> done) override;
    void stopRealtimeCondition(const QString &seq, QObject *context, Callback<bool> done) override;

private:
    RestClient &m_rest;
    ConditionSearch &m_conditions;
    std::function<void(const Kiwoom::StockInfo &)> m_stockInfoObserver;
};
