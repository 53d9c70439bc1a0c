// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trading/marketapi.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

// FakeMarketApi: IMarketApi for unit tests — a canned market (conditions and their rows, daily and
// minute bars, quotes) that records every call. Replies keep the interface's contract: computed
// when called, delivered later on the event loop (never inside the call), dropped when the context
// dies. Tests can make the next calls of a kind fail (failNext) and hold replies back to keep a
// run in flight (setHold / release). Candle requests return the newest `count` bars (daily: up to
// baseDate), oldest first, so a test moves the market by editing the bar lists as its clock moves.
// Single thread; not thread-safe.
class FakeMarketApi final : public QObject, public IMarketApi
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FakeMarketApi)

public:
    enum class Call
    {
        StockInfo,
        WatchQuotes,
        DailyCandles,
        MinuteCandles,
        ListConditions,
        SearchCondition,
        StartRealtime,
        StopRealtime,
    };
    struct Request
    {
        Call call = Call::StockInfo;
        QString arg; // code or condition seq
        QStringList codes; // watchQuotes
        int count = 0; // candles
        int minutes = 0;
        QDate baseDate;
    };

    explicit FakeMarketApi(QObject *parent = nullptr);
    ~FakeMarketApi() override;

    // The canned market.
    QList<Kiwoom::ConditionInfo> conditions;
    QHash<QString, QList<Kiwoom::ConditionRow>> conditionRows; // by seq
    QHash<QString, QStringList> realtimeMembers; // initial members of a realtime start, by seq
    QHash<QString, QList<Candle>> dailyBars; // by code, oldest first
    QHash<QString, Kiwoom::WatchQuote> quotes; // by code
    QHash<QString, Kiwoom::StockInfo> stockInfos; // by code
    QList<Candle> &minuteBars(const QString &code, int minutes); // oldest first
    // Condition seqs running as realtime conditions (start adds, stop removes).
    QSet<QString> realtimeRunning;

    static Kiwoom::ConditionRow row(const QString &code, const QString &name = QString());
    static KiwoomError error(KiwoomError::Kind kind = KiwoomError::Kind::Transport, const QString &message = QString());

    // The next `times` calls of `call` fail with `error`.
    void failNext(Call call, const KiwoomError &error = FakeMarketApi::error(), int times = 1);
    // While held, replies wait for release(); release() delivers the waiting ones (in call order).
    void setHold(bool hold) { m_hold = hold; }
    int held() const { return int(m_held.size()); }
    void release();

    const QList<Request> &requests() const { return m_requests; }
    QList<Request> requestsOf(Call call) const;
    int count(Call call) const;
    int count(Call call, const QString &arg) const;
    void clearRequests() { m_requests.clear(); }

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
    std::optional<KiwoomError> takeFailure(Call call);
    template<typename T>
    void reply(Call call, QObject *context, const Callback<T> &done, const std::function<KiwoomResult<T>()> &make);

    QHash<QString, QList<Candle>> m_minuteBars; // "code|minutes"
    QMap<Call, QList<KiwoomError>> m_failures;
    QList<Request> m_requests;
    bool m_hold = false;
    QList<std::function<void()>> m_held;
};
