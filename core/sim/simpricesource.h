// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "simtr.h"
#include "simtypes.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QStringList>

#include <optional>

// One thing that happened in a fed market, in time order (SimPriceSource).
struct SimSourceEvent
{
    enum class Kind
    {
        Trade, // a trade (체결): tick; entry is the verbatim realtime entry (0B) when there is one
        Book, // the 10-level book (호가): book; entry the verbatim 0D entry
        Realtime, // any other realtime entry for the hub to pass on verbatim (0C, 0s, 1h, ...)
        ConditionHit, // type 02: stock entered (or left) condition seq
        ConditionResult, // a CNSRREQ result: the members (codes) of condition seq at timeMs
    };
    Kind kind = Kind::Trade;
    qint64 timeMs = 0;
    QString type; // realtime type ("0B", "0D", "02", ...)
    QString code; // the stock ("005930"), empty for market-wide entries
    SimTick tick;
    SimBook book;
    QJsonObject entry; // verbatim {"type","name","item","values"}
    QString seq; // conditions
    bool entered = true;
    QStringList codes; // ConditionResult
    qint64 basePrice = 0; // Trade: the stock's base price (기준가) when the source knows it (live feed)
};

// SimPriceSource is the seam where SimMarket's prices come from when they do not come from its
// random walk: a recorded day (SimReplaySource) or, later, a live feed. SimMarket asks it for its
// universe and base prices once, then pulls events in time order as virtual time passes: trades
// (quotes, minute bars and the exchange's matching follow them exactly as they follow simulated
// trades), books (the exchange takes market-order liquidity from them), and entries the realtime
// hub passes on verbatim. Simulator thread only.
class SimPriceSource
{
public:
    virtual ~SimPriceSource() = default;
    // The trading day the source plays (KST).
    virtual QDate date() const = 0;
    // The stocks it feeds (refPrice = the day's base price, 기준가).
    virtual QList<SimStockInfo> stocks() const = 0;
    // The condition formulas (seq, name) known for the day.
    virtual QList<QPair<QString, QString>> conditions() const = 0;
    // The members each condition had when the source begins (seq -> codes): a recording's first
    // result of that condition, which a client searching before it was taken sees too. Default none.
    virtual QHash<QString, QStringList> initialConditionMembers() const { return {}; }
    // A market-data TR answered as the source saw it answered (a recording's chart replies: the
    // history before the day that the market cannot compute), or nullopt to let the market answer.
    // continueKey: the request's next-key when it asks for a further page. Default: nullopt.
    virtual std::optional<SimTrReply> recordedReply(
        const QString &apiId, const QJsonObject &body, const QString &continueKey, qint64 nowMs) const
    {
        Q_UNUSED(apiId)
        Q_UNUSED(body)
        Q_UNUSED(continueKey)
        Q_UNUSED(nowMs)
        return std::nullopt;
    }
    virtual bool atEnd() const = 0;
    // Time of the event `ahead` events from the next one (the last one's when fewer remain); -1 at
    // the end.
    virtual qint64 peekTimeMs(int ahead = 0) const = 0;
    // The next event (only when !atEnd()).
    virtual const SimSourceEvent &peek() const = 0;
    virtual SimSourceEvent take() = 0;
    // A live source (SimLiveSource) learns its stocks as they trade and runs across days: the market
    // then adds a stock at its first trade (Trade::basePrice) and rolls to the next trading day after
    // the close. A recording (false) names every stock upfront and plays one day.
    virtual bool isLive() const { return false; }
};
