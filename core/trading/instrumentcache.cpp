// SPDX-License-Identifier: GPL-3.0-or-later
#include "instrumentcache.h"

#include "marketapi.h"

#include "common/clock.h"

#include <QTimer>

namespace {

// The exchange rolls the base price (and so the limits) before regular orders open at 08:30 KST.
const QTime ROLL_TIME_KST(8, 30);

qint64 rollMs(const QString &tradingDate)
{
    return Krx::fromKst(QDate::fromString(tradingDate, Qt::ISODate), ROLL_TIME_KST);
}

} // namespace

InstrumentCache::InstrumentCache(IMarketApi &api, const IClock &marketClock, QObject *parent)
    : QObject(parent), m_api(api), m_clock(marketClock)
{
}

InstrumentCache::~InstrumentCache() = default;

bool InstrumentCache::isCurrent(const Entry &entry, qint64 nowMs) const
{
    if (entry.info.tradingDate != Krx::tradingDateString(nowMs))
        return false;
    const qint64 roll = rollMs(entry.info.tradingDate);
    return !(entry.fetchedAtMs < roll && nowMs >= roll);
}

std::optional<Trading::InstrumentInfo> InstrumentCache::get(const QString &code) const
{
    const auto it = m_entries.constFind(code);
    if (it == m_entries.cend() || !isCurrent(*it, m_clock.nowMs()))
        return std::nullopt;
    return it->info;
}

void InstrumentCache::fetch(const QString &code, QObject *context, Callback done)
{
    if (!context)
        context = this;
    if (const auto cached = get(code)) {
        deliver(context, std::move(done), *cached);
        return;
    }
    auto pending = m_pending.find(code);
    if (pending != m_pending.end()) {
        pending->append({ context, std::move(done) });
        return;
    }
    m_pending.insert(code, { { context, std::move(done) } });
    const qint64 now = m_clock.nowMs();
    const QString tradingDate = Krx::tradingDateString(now);
    m_api.stockInfo(code, this, [this, code, tradingDate, now](const KiwoomResult<Kiwoom::StockInfo> &reply) {
        handleReply(code, tradingDate, now, reply);
    });
}

void InstrumentCache::handleReply(
    const QString &code, const QString &tradingDate, qint64 requestedAtMs, const KiwoomResult<Kiwoom::StockInfo> &reply)
{
    const QList<Waiter> waiters = m_pending.take(code);
    std::optional<KiwoomResult<Trading::InstrumentInfo>> result;
    if (!reply.ok()) {
        result.emplace(reply.error());
    } else {
        const Kiwoom::StockInfo &s = reply.value();
        if (s.upperLimit <= 0 || s.lowerLimit <= 0 || s.basePrice <= 0 || s.lowerLimit > s.upperLimit) {
            result.emplace(KiwoomError::make(KiwoomError::Kind::Parse, QStringLiteral("ka10001"),
                tr("No usable price limits for %1 (upper %2, lower %3, base %4).")
                    .arg(code)
                    .arg(s.upperLimit)
                    .arg(s.lowerLimit)
                    .arg(s.basePrice)));
        } else {
            Trading::InstrumentInfo info;
            info.code = code;
            info.name = s.name;
            info.tradingDate = tradingDate;
            info.basePrice = s.basePrice;
            info.upperLimit = s.upperLimit;
            info.lowerLimit = s.lowerLimit;
            info.price = s.price;
            info.kind = m_kinds.value(code, Krx::Instrument::Stock);
            // Entries of other days are of no use any more.
            const QString today = Krx::tradingDateString(m_clock.nowMs());
            m_entries.removeIf(
                [&](QHash<QString, Entry>::iterator it) { return it.value().info.tradingDate != today; });
            if (tradingDate == today)
                m_entries.insert(code, { info, requestedAtMs });
            result.emplace(info);
        }
    }
    // Callbacks may call back into the cache (or destroy it): only locals from here on.
    for (const Waiter &w : waiters) {
        if (w.context)
            w.done(*result);
    }
}

void InstrumentCache::remember(const Kiwoom::StockInfo &info)
{
    if (info.code.isEmpty() || m_pending.contains(info.code))
        return; // a fetch of ours is on the way: its reply is cached
    const qint64 now = m_clock.nowMs();
    m_pending.insert(info.code, {});
    handleReply(info.code, Krx::tradingDateString(now), now, info);
}

void InstrumentCache::deliver(QObject *context, Callback done, const KiwoomResult<Trading::InstrumentInfo> &result)
{
    QTimer::singleShot(0, context, [done = std::move(done), result] { done(result); });
}

void InstrumentCache::updatePrice(const Quote &quote)
{
    if (quote.price <= 0)
        return;
    auto it = m_entries.find(quote.code);
    if (it == m_entries.end() || !isCurrent(*it, m_clock.nowMs()))
        return;
    it->info.price = quote.price;
}

void InstrumentCache::setKind(const QString &code, Krx::Instrument kind)
{
    m_kinds.insert(code, kind);
    auto it = m_entries.find(code);
    if (it != m_entries.end())
        it->info.kind = kind;
}
