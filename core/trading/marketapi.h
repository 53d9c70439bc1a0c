// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kiwoom/kiwoomerror.h"
#include "kiwoom/realtimetypes.h"
#include "kiwoom/types.h"
#include "market/candle.h"

#include <QDate>
#include <QList>
#include <QStringList>

#include <functional>

class QObject;

// IMarketApi: the market data and condition-search (조건검색) calls the services make — current
// prices and limits, candles, condition lists and runs — behind a small interface, so every service
// is unit-tested against a fake and runs against Kiwoom (or the simulator) through KiwoomBrokerApi.
//
// Contract: as IBrokerApi (one completion, later, on the caller's thread; dropped when `context`
// dies). Candles come oldest first, in integer KRW. Not thread-safe: the core's thread.
class IMarketApi
{
public:
    template<typename T> using Callback = std::function<void(const KiwoomResult<T> &)>;

    virtual ~IMarketApi() = default;

    virtual void stockInfo(const QString &code, QObject *context, Callback<Kiwoom::StockInfo> done) = 0; // ka10001
    // ka10095 for up to 100 codes per call (more are split into several calls).
    virtual void watchQuotes(const QStringList &codes, QObject *context, Callback<QList<Kiwoom::WatchQuote>> done) = 0;
    // The newest `count` daily bars up to baseDate (ka10081), following pages as needed.
    virtual void dailyCandles(
        const QString &code, const QDate &baseDate, int count, QObject *context, Callback<QList<Candle>> done)
        = 0;
    // The newest `count` bars of `minutes` (1, 3, 5, 10, 15, 30, 45, 60; ka10080).
    virtual void minuteCandles(
        const QString &code, int minutes, int count, QObject *context, Callback<QList<Candle>> done)
        = 0;
    virtual void listConditions(QObject *context, Callback<QList<Kiwoom::ConditionInfo>> done) = 0; // CNSRLST
    // One-shot run of a condition, every page (CNSRREQ search_type 0).
    virtual void searchCondition(const QString &seq, QObject *context, Callback<QList<Kiwoom::ConditionRow>> done) = 0;
    // Realtime run (CNSRREQ search_type 1): the initial members; hits arrive as ConditionSearch signals.
    virtual void startRealtimeCondition(const QString &seq, QObject *context, Callback<QStringList> done) = 0;
    virtual void stopRealtimeCondition(const QString &seq, QObject *context, Callback<bool> done) = 0; // CNSRCLR

protected:
    IMarketApi() = default;
    IMarketApi(const IMarketApi &) = default;
    IMarketApi &operator=(const IMarketApi &) = default;
};
