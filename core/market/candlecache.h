// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "market/candle.h"
#include "storage/candlerepository.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>

class Database;
class IClock;
class IMarketApi;

// CandleCache: daily and N-minute candles per stock for the services (the condition monitor's
// reference candle, the strategy scanner's 5-minute bars), kept in the candles table
// (CandleRepository) so a stock is fetched from Kiwoom only for what is missing. It exists because
// the chart TRs are slow, paged and rate-limited (ka10080/ka10081 share 5 queries/s), while the
// scanner wants the same 120 bars of every watchlist stock every minute.
//
// What a request fetches (market clock for "now"):
// - nothing stored, or fewer bars stored than asked and the stock's history not known to be
//   shorter: the whole window (`count` bars);
// - otherwise the newest stored bar — it may have been stored while still forming — and every bar
//   slot after it up to now (intraday: one per interval of wall time; daily: one per calendar day),
//   never more than `count`. Session breaks and holidays make this an over-estimate, never a gap.
// Fetched bars are written back with upsert (a re-fetched forming bar replaces its older revision);
// bars that break the table's checks (low > high, ...) are dropped with a warning instead of
// failing the batch. The answer is the newest `count` stored bars, oldest first.
//
// Concurrent requests for the same (stock, interval) share one fetch; a request that joins with a
// larger window than the fetch in flight gets a follow-up fetch of its own. A fetch without a reply
// after stallMs() (2 minutes) is no longer joined (a new one starts), so a lost callback cannot
// block a stock.
// Callbacks run later on the caller's thread (never inside the call) and are dropped when `context`
// dies. Errors: the market call's (as Error, "kiwoom.<kind>"), storage errors, "candles.unsupported"
// for weekly/monthly bars. Threading: the core thread (the Database's).
class CandleCache final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CandleCache)

public:
    using Callback = std::function<void(const Result<QList<Candle>> &)>;
    static constexpr qint64 DEFAULT_STALL_MS = 120'000;

    CandleCache(IMarketApi &market, Database &db, const IClock &marketClock, QObject *parent = nullptr);
    ~CandleCache() override;

    // The newest `count` bars (count >= 1), oldest first.
    void candles(const QString &code, CandleInterval interval, int count, QObject *context, Callback done);
    void daily(const QString &code, int count, QObject *context, Callback done);
    void minutes(const QString &code, int minutes, int count, QObject *context, Callback done);

    qint64 stallMs() const { return m_stallMs; }
    void setStallMs(qint64 ms) { m_stallMs = ms > 0 ? ms : DEFAULT_STALL_MS; } // tests

    // Market calls made so far, and fetches in flight.
    qint64 fetchCount() const { return m_fetches; }
    int fetchesInFlight() const { return int(m_inFlight.size()); }

    // How many bars a request would fetch now (0 = none); what candles() decides, for tests and logs.
    Result<int> barsToFetch(const QString &code, CandleInterval interval, int count) const;

private:
    struct Waiter
    {
        int count = 0;
        QPointer<QObject> context;
        Callback done;
    };
    struct Fetch
    {
        QString code;
        CandleInterval interval = CandleInterval::Day;
        int requested = 0; // bars asked of the market
        bool fullWindow = false;
        QList<Waiter> waiters;
        QElapsedTimer age;
    };
    using Key = QString; // "<code>|<interval>"

    static Key keyOf(const QString &code, CandleInterval interval);
    void startFetch(const Key &key, const std::shared_ptr<Fetch> &fetch);
    void onFetched(const Key &key, const std::shared_ptr<Fetch> &fetch, const Result<QList<Candle>> &result);
    void serve(const QString &code, CandleInterval interval, const Waiter &waiter);
    void deliver(const Waiter &waiter, const Result<QList<Candle>> &result);
    bool historyExhausted(const Key &key, const QList<Candle> &stored) const;

    IMarketApi &m_market;
    CandleRepository m_repo;
    const IClock &m_clock;
    QHash<Key, std::shared_ptr<Fetch>> m_inFlight;
    // Stocks whose history is shorter than a window asked for: the oldest bar the market has.
    QHash<Key, qint64> m_historyStartMs;
    qint64 m_fetches = 0;
    qint64 m_stallMs = DEFAULT_STALL_MS;
};
