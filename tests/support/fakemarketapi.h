// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trading/marketapi.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QSet>
#include <QString>

#include <functional>
#include <optional>

// FakeMarketApi: an IMarketApi for unit tests, so a component that reads prices, limits, candles or
// conditions runs without a network or a simulator. Small on purpose; extend it when a test needs
// more.
// - Canned replies per code (stock info, watch quotes, candles) or per condition seq; a call
//   without one fails with KiwoomError Api "no canned reply", and setError() makes every call of a
//   method fail.
// - calls("stockInfo", "005930") counts requests (calls("stockInfo") counts all codes).
// - Completion keeps the interface's contract: later, never inside the call, skipped when the
//   context is gone. By default through QTimer::singleShot(0); with setHold(true) replies wait until
//   release() (to change the clock or destroy a context between a request and its reply).
// - Candles answer like Kiwoom: the newest `count` canned bars (daily: those up to baseDate),
//   oldest first; requests(method) tells what each call asked (count, minutes, baseDate), so a
//   cache's "fetch only what is missing" can be checked. failNext() fails the next calls once.
// - Realtime conditions started and not stopped are tracked (realtimeConditions()); an 11th start
//   fails as ConditionSearch refuses it.
// Single-threaded (the test's thread).
class FakeMarketApi final : public IMarketApi
{
public:
    FakeMarketApi() = default;
    ~FakeMarketApi() override = default;

    void setStockInfo(const QString &code, const KiwoomResult<Kiwoom::StockInfo> &reply);
    void setWatchQuote(const Kiwoom::WatchQuote &quote); // by quote.code
    void setDailyCandles(const QString &code, const QList<Candle> &candles);
    void setMinuteCandles(const QString &code, const QList<Candle> &candles);
    void setConditions(const QList<Kiwoom::ConditionInfo> &conditions);
    void setConditionResult(const QString &seq, const QList<Kiwoom::ConditionRow> &rows);
    // Every call of `method` ("stockInfo", "watchQuotes", ...) fails with `error`; nullopt clears it.
    void setError(const QString &method, const std::optional<KiwoomError> &error);

    // The next `times` calls of `method` fail with `error`; then canned replies (or setError) again.
    void failNext(const QString &method, const KiwoomError &error, int times = 1);

    // What one call asked. key: the code, the codes joined by '|' (watchQuotes) or the seq.
    struct Request
    {
        QString method;
        QString key;
        int count = 0; // candles: bars asked
        int minutes = 0; // minuteCandles
        QDate baseDate; // dailyCandles
    };
    // Every call of `method`, in order.
    QList<Request> requests(const QString &method) const;
    QList<Candle> cannedDailyCandles(const QString &code) const { return m_daily.value(code); }
    QList<Candle> cannedMinuteCandles(const QString &code) const { return m_minute.value(code); }
    QSet<QString> realtimeConditions() const { return m_realtime; }

    int calls(const QString &method, const QString &key = QString()) const;
    void clearCalls();
    void setHold(bool hold) { m_hold = hold; }
    int held() const { return int(m_held.size()); }
    // Delivers the held replies in request order (contexts that are gone are skipped).
    void release();

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
    struct Held
    {
        QPointer<QObject> context;
        std::function<void()> run;
    };

    Request &count(const QString &method, const QString &key);
    std::optional<KiwoomError> failure(const QString &method);
    static KiwoomError noReply(const QString &method, const QString &key);
    template<typename T> void complete(QObject *context, Callback<T> done, const KiwoomResult<T> &result);

    QHash<QString, KiwoomResult<Kiwoom::StockInfo>> m_stockInfo;
    QHash<QString, Kiwoom::WatchQuote> m_watchQuotes;
    QHash<QString, QList<Candle>> m_daily;
    QHash<QString, QList<Candle>> m_minute;
    std::optional<QList<Kiwoom::ConditionInfo>> m_conditions;
    QHash<QString, QList<Kiwoom::ConditionRow>> m_conditionRows;
    QHash<QString, KiwoomError> m_errors;
    QHash<QString, QList<KiwoomError>> m_failNext;
    QHash<QString, int> m_calls;
    QList<Request> m_requests;
    QSet<QString> m_realtime;
    bool m_hold = false;
    QList<Held> m_held;
};
