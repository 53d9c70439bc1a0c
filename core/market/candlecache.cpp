// SPDX-License-Identifier: GPL-3.0-or-later
#include "candlecache.h"

#include "common/clock.h"
#include "common/logging.h"
#include "market/krx.h"
#include "trading/marketapi.h"

#include <QMetaObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 MINUTE_MS = 60'000;

bool consistent(const Candle &c)
{
    return c.timeMs > 0 && c.low >= 0 && c.volume >= 0 && c.low <= c.high && c.low <= c.open && c.open <= c.high
        && c.low <= c.close && c.close <= c.high;
}

} // namespace

CandleCache::CandleCache(IMarketApi &market, Database &db, const IClock &marketClock, QObject *parent)
    : QObject(parent), m_market(market), m_repo(db), m_clock(marketClock)
{
}

CandleCache::~CandleCache() = default;

CandleCache::Key CandleCache::keyOf(const QString &code, CandleInterval interval)
{
    return code + u'|' + Candles::toString(interval);
}

void CandleCache::daily(const QString &code, int count, QObject *context, Callback done)
{
    candles(code, CandleInterval::Day, count, context, std::move(done));
}

void CandleCache::minutes(const QString &code, int minutes, int count, QObject *context, Callback done)
{
    static const QHash<int, CandleInterval> byMinutes = {
        { 1, CandleInterval::Minute1 },
        { 3, CandleInterval::Minute3 },
        { 5, CandleInterval::Minute5 },
        { 10, CandleInterval::Minute10 },
        { 15, CandleInterval::Minute15 },
        { 30, CandleInterval::Minute30 },
        { 45, CandleInterval::Minute45 },
        { 60, CandleInterval::Minute60 },
    };
    const auto it = byMinutes.constFind(minutes);
    if (it == byMinutes.constEnd()) {
        deliver(Waiter { count, context, std::move(done) },
            Error { u"candles.unsupported"_s, u"%1-minute candles are not offered by Kiwoom"_s.arg(minutes) });
        return;
    }
    candles(code, *it, count, context, std::move(done));
}

bool CandleCache::historyExhausted(const Key &key, const QList<Candle> &stored) const
{
    const auto it = m_historyStartMs.constFind(key);
    return it != m_historyStartMs.constEnd() && !stored.isEmpty() && stored.first().timeMs <= *it;
}

Result<int> CandleCache::barsToFetch(const QString &code, CandleInterval interval, int count) const
{
    const auto stored = m_repo.latest(code, interval, count);
    if (!stored)
        return stored.error();
    if (stored->isEmpty())
        return count;
    if (stored->size() < count && !historyExhausted(keyOf(code, interval), *stored))
        return count;

    const qint64 newest = stored->last().timeMs;
    const qint64 now = m_clock.nowMs();
    qint64 barSlots = 1;
    if (Candles::isIntraday(interval)) {
        const qint64 step = Candles::minutes(interval) * MINUTE_MS;
        if (now > newest)
            barSlots = (now - newest) / step + 1;
    } else {
        barSlots = std::max<qint64>(1, Krx::kstDate(newest).daysTo(Krx::kstDate(now)) + 1);
    }
    return int(std::min<qint64>(barSlots, count));
}

void CandleCache::candles(const QString &code, CandleInterval interval, int count, QObject *context, Callback done)
{
    Waiter waiter { count, context ? context : this, std::move(done) };
    if (code.isEmpty() || count < 1) {
        deliver(waiter, Error { u"candles.invalid"_s, u"a stock code and at least one bar are needed"_s });
        return;
    }
    if (interval == CandleInterval::Week || interval == CandleInterval::Month) {
        deliver(waiter,
            Error { u"candles.unsupported"_s, u"%1 candles are not cached"_s.arg(Candles::toString(interval)) });
        return;
    }
    const Key key = keyOf(code, interval);
    if (const auto it = m_inFlight.constFind(key); it != m_inFlight.constEnd()) {
        if ((*it)->age.elapsed() < m_stallMs) {
            (*it)->waiters.append(waiter);
            return;
        }
        qCWarning(lcMarket).noquote() << "candles" << key << "fetch without a reply for" << (*it)->age.elapsed() / 1000
                                      << "s; starting another";
        m_inFlight.remove(key);
    }
    const Result<int> n = barsToFetch(code, interval, count);
    if (!n) {
        deliver(waiter, n.error());
        return;
    }
    if (*n == 0) {
        serve(code, interval, waiter);
        return;
    }
    auto fetch = std::make_shared<Fetch>();
    fetch->code = code;
    fetch->interval = interval;
    fetch->requested = *n;
    fetch->fullWindow = *n == count;
    fetch->waiters.append(waiter);
    fetch->age.start();
    m_inFlight.insert(key, fetch);
    startFetch(key, fetch);
}

void CandleCache::startFetch(const Key &key, const std::shared_ptr<Fetch> &fetch)
{
    ++m_fetches;
    qCDebug(lcMarket).noquote() << "candles" << key << "fetching" << fetch->requested << "bars";
    auto done = [this, key, fetch](const KiwoomResult<QList<Candle>> &r) {
        if (r)
            onFetched(key, fetch, r.value());
        else
            onFetched(key, fetch, r.error().toError());
    };
    if (fetch->interval == CandleInterval::Day)
        m_market.dailyCandles(fetch->code, Krx::kstDate(m_clock.nowMs()), fetch->requested, this, done);
    else
        m_market.minuteCandles(fetch->code, Candles::minutes(fetch->interval), fetch->requested, this, done);
}

void CandleCache::onFetched(const Key &key, const std::shared_ptr<Fetch> &fetch, const Result<QList<Candle>> &result)
{
    if (m_inFlight.value(key) == fetch)
        m_inFlight.remove(key);
    const QList<Waiter> waiters = fetch->waiters;
    if (!result) {
        qCWarning(lcMarket).noquote() << "candles" << key << "fetch failed:" << result.error().message;
        for (const Waiter &w : waiters)
            deliver(w, result.error());
        return;
    }

    QList<Candle> bars;
    bars.reserve(result->size());
    for (const Candle &c : *result) {
        if (consistent(c))
            bars.append(c);
        else
            qCWarning(lcMarket).noquote()
                << "candles" << key << "dropped an inconsistent bar at" << c.timeMs << "O" << c.open << "H" << c.high
                << "L" << c.low << "C" << c.close << "V" << c.volume;
    }
    std::sort(bars.begin(), bars.end(), [](const Candle &a, const Candle &b) { return a.timeMs < b.timeMs; });
    if (fetch->fullWindow && result->size() < fetch->requested) {
        // The market has no older bars: a short history is all there is, not a reason to re-fetch.
        m_historyStartMs.insert(key, bars.isEmpty() ? m_clock.nowMs() : bars.first().timeMs);
    }
    if (!bars.isEmpty()) {
        if (const Result<int> written = m_repo.upsert(fetch->code, fetch->interval, bars); !written) {
            qCWarning(lcMarket).noquote() << "candles" << key << "could not be stored:" << written.error().message;
            for (const Waiter &w : waiters)
                deliver(w, written.error());
            return;
        }
    }

    for (const Waiter &w : waiters) {
        if (!w.context)
            continue;
        const auto stored = m_repo.latest(fetch->code, fetch->interval, w.count);
        if (!stored) {
            deliver(w, stored.error());
        } else if (stored->size() >= w.count || historyExhausted(key, *stored) || fetch->requested >= w.count) {
            deliver(w, *stored);
        } else {
            // Joined a smaller fetch than its window: a follow-up fetch of its own.
            candles(fetch->code, fetch->interval, w.count, w.context, w.done);
        }
    }
}

void CandleCache::serve(const QString &code, CandleInterval interval, const Waiter &waiter)
{
    const auto stored = m_repo.latest(code, interval, waiter.count);
    if (stored)
        deliver(waiter, *stored);
    else
        deliver(waiter, stored.error());
}

void CandleCache::deliver(const Waiter &waiter, const Result<QList<Candle>> &result)
{
    if (!waiter.context || !waiter.done)
        return;
    QMetaObject::invokeMethod(
        waiter.context.data(), [done = waiter.done, result]() { done(result); }, Qt::QueuedConnection);
}
