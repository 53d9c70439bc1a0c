// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kiwoom/kiwoomerror.h"
#include "kiwoom/types.h"
#include "market/krx.h"
#include "market/quote.h"

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <optional>

class IClock;
class IMarketApi;

namespace Trading {

// One stock's reference data for one trading day: what the risk guard checks a price against
// (상한가/하한가, the tick ladder of its kind) and what a market buy is valued at (the upper limit).
struct InstrumentInfo
{
    QString code;
    QString name;
    QString tradingDate; // "YYYY-MM-DD" (Asia/Seoul) the limits belong to
    qint64 basePrice = 0; // 기준가
    qint64 upperLimit = 0; // 상한가
    qint64 lowerLimit = 0; // 하한가
    qint64 price = 0; // last price (ka10001 cur_prc, then ticks)
    Krx::Instrument kind = Krx::Instrument::Stock;

    bool operator==(const InstrumentInfo &) const = default;
};

} // namespace Trading

Q_DECLARE_METATYPE(Trading::InstrumentInfo)

// InstrumentCache: today's price limits, base price, name and kind per stock, so the risk guard
// can check every order against the day's limits and value a market buy at its upper limit
// without a broker round trip per order.
//
// Guarantees:
// - get() returns only an entry of the market clock's current trading date; an entry fetched
//   before 08:30 KST (before the exchange rolls the base price) is not served from 08:30 on, so
//   yesterday's limits are never used for today's orders. Older days are dropped.
// - fetch() serves today's entry, or asks ka10001 (IMarketApi::stockInfo) once: concurrent
//   fetches of one code share one request. A reply without usable limits (upper/lower/base ≤ 0,
//   lower > upper) is a KiwoomError of kind Parse and is not cached; broker errors are passed on
//   as they came. Nothing is retried here.
// - Every fetch() callback runs later on this thread, never inside the call, and is skipped when
//   its context object is gone (the IMarketApi contract).
// - updatePrice() moves the last price of a cached entry; the limits never change within a day.
// - kind is Stock unless setKind() said otherwise: ka10001 does not tell an ETF/ETN from a share
//   (the stock list ka10099 with mrkt_tp 8 does; the simulator lists no ETFs). Treating an ETF as
//   a share is the safe side: every price on the share ladder is on the ETF ladder, so it can only
//   refuse some valid ETF prices, never let an off-tick one through.
// Thread: the core's thread (not thread-safe), like the IMarketApi it calls.
class InstrumentCache final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InstrumentCache)

public:
    using Callback = std::function<void(const KiwoomResult<Trading::InstrumentInfo> &)>;

    InstrumentCache(IMarketApi &api, const IClock &marketClock, QObject *parent = nullptr);
    ~InstrumentCache() override;

    // Today's entry for the stock, or nothing (not fetched yet, or of another day).
    std::optional<Trading::InstrumentInfo> get(const QString &code) const;
    // Today's entry (cached or fetched); `done` runs later, unless `context` is destroyed first.
    void fetch(const QString &code, QObject *context, Callback done);
    // A ka10001 reply obtained elsewhere (the buy executor's price query): cached like a fetch's
    // for the market clock's trading date, when its limits are usable.
    void remember(const Kiwoom::StockInfo &info);
    // The last trade price of a cached stock (0B ticks). Quotes of other stocks or days are ignored.
    void updatePrice(const Quote &quote);
    // An instrument kind known from elsewhere (e.g. the ETF list); kept across days.
    void setKind(const QString &code, Krx::Instrument kind);

    // Fetches waiting for a reply (tests, status).
    int pendingFetches() const { return int(m_pending.size()); }

private:
    struct Waiter
    {
        QPointer<QObject> context;
        Callback done;
    };
    struct Entry
    {
        Trading::InstrumentInfo info;
        qint64 fetchedAtMs = 0;
    };

    bool isCurrent(const Entry &entry, qint64 nowMs) const;
    void handleReply(const QString &code, const QString &tradingDate, qint64 requestedAtMs,
        const KiwoomResult<Kiwoom::StockInfo> &reply);
    void deliver(QObject *context, Callback done, const KiwoomResult<Trading::InstrumentInfo> &result);

    IMarketApi &m_api;
    const IClock &m_clock;
    QHash<QString, Entry> m_entries;
    QHash<QString, QList<Waiter>> m_pending;
    QHash<QString, Krx::Instrument> m_kinds;
};
