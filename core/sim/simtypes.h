// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "market/candle.h"
#include "market/krx.h"

#include <QDate>
#include <QString>
#include <QVector>
#include <QtGlobal>

// Plain value types of the simulated market. Prices are integer KRW on the KRX tick ladder,
// volumes are shares, times are UTC epoch milliseconds (the market runs on KST wall-clock time).

// A listed stock of the simulated universe (static reference data).
struct SimStockInfo
{
    QString code; // 6 digits, "005930"
    QString name; // "삼성전자"
    int market = 0; // ka10099 mrkt_tp: 0 KOSPI (거래소), 10 KOSDAQ (코스닥)
    qint64 refPrice = 0; // roughly where the price sits on the start day
    qint64 listedShares = 0;
    qint64 avgVolume = 0; // typical daily volume (shares)
    double dailyVolPercent = 2.0; // typical daily volatility (σ of log returns, percent)
    QString sector; // upName ("전기전자")
    QString regDay; // listing date YYYYMMDD
};

// One simulated trade (체결).
struct SimTick
{
    qint64 timeMs = 0;
    qint64 price = 0;
    qint64 volume = 0;
    bool buyInitiated = true; // FID 15 sign: + buy-initiated, - sell-initiated
    bool auction = false; // the opening (09:00) or closing (15:30) single-price print; times of a normal day
};

// A finished or running trading day of one stock. candle.timeMs is the open of the day (09:00 KST on
// a normal day, 10:00 on the first trading day of a year and on a CSAT day: Krx::schedule()).
struct SimDayBar
{
    QDate date;
    Candle candle;
    qint64 value = 0; // traded value, KRW
    qint64 basePrice = 0; // previous close (기준가)
};

enum class SimPhase
{
    PreOpen, // the day has rolled over, no trade yet (quotes show the base price)
    Continuous, // trading (09:00–15:20 ticks on a normal day; orders accepted)
    ClosingAuction, // 15:20–15:30 on a normal day: no ticks, orders queue for the closing print
    Closed, // after the closing print (15:30 on a normal day)
};

// Snapshot of one stock now (what ka10001/ka10007/0B report).
struct SimQuote
{
    int index = -1;
    QDate date;
    qint64 timeMs = 0; // last trade time (0 before the first trade)
    qint64 basePrice = 0; // previous close
    qint64 price = 0; // last trade, or the base price before the first trade
    qint64 open = 0; // 0 before the first trade
    qint64 high = 0;
    qint64 low = 0;
    qint64 volume = 0; // cumulative today
    qint64 value = 0; // cumulative traded value today, KRW
    qint64 lastVolume = 0; // volume of the last trade
    bool lastBuyInitiated = true;
    qint64 buyVolume = 0; // buy-initiated volume today
    qint64 sellVolume = 0;
    qint64 prevVolume = 0; // yesterday's volume
    qint64 prevValue = 0;
    qint64 openTimeMs = 0;
    qint64 highTimeMs = 0;
    qint64 lowTimeMs = 0;
    qint64 upperHitMs = 0; // first time the upper limit traded today (0 = never)
    qint64 lowerHitMs = 0;
    qint64 tickCount = 0;
    Krx::PriceLimits limits;
    SimPhase phase = SimPhase::PreOpen;
};

// One price level of the displayed order book.
struct SimBookLevel
{
    qint64 price = 0; // 0 = no level (beyond the price limit)
    qint64 qty = 0;
};

// The 10-level order book (호가) around the last price. asks[0] is the best ask.
struct SimBook
{
    qint64 timeMs = 0;
    SimBookLevel asks[10];
    SimBookLevel bids[10];
    qint64 totalAsk() const
    {
        qint64 t = 0;
        for (const SimBookLevel &l : asks)
            t += l.qty;
        return t;
    }
    qint64 totalBid() const
    {
        qint64 t = 0;
        for (const SimBookLevel &l : bids)
            t += l.qty;
        return t;
    }
};

// What SimMarket::shock() did: the price moved from previousPrice to price (on the tick, inside the
// day's limits; limited = the asked move was cut at a price limit) with one trade at timeMs.
struct SimShock
{
    QString code;
    qint64 previousPrice = 0;
    qint64 price = 0;
    double percentAsked = 0;
    bool limited = false;
    qint64 volume = 0; // shares of the trade printed at the new level
    qint64 timeMs = 0;
};

// A steady push on one stock's random walk (SimMarket::setDrift()): percentPerMinute per virtual
// minute, compounded, until untilMs (0 = until cleared).
struct SimDrift
{
    QString code;
    double percentPerMinute = 0;
    qint64 untilMs = 0;
};
