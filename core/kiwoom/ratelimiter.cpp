// SPDX-License-Identifier: GPL-3.0-or-later
#include "ratelimiter.h"

#include "common/logging.h"

#include <QRegularExpression>

#include <chrono>
#include <limits>

using Kiwoom::RequestPool;
using Kiwoom::RequestPriority;

namespace {

qint64 steadyNowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

QString poolName(RequestPool pool)
{
    return pool == RequestPool::Order ? QStringLiteral("orders") : QStringLiteral("queries");
}

} // namespace

RateLimiter::RateLimiter(QObject *parent) : RateLimiter(Config(), MonotonicClock(), parent) { }

RateLimiter::RateLimiter(const Config &config, MonotonicClock clock, QObject *parent)
    : QObject(parent), m_config(config), m_clock(clock ? std::move(clock) : MonotonicClock(steadyNowMs)), m_timer(this)
{
    setConfig(config); // clamps the values
    m_timer.setSingleShot(true);
    // Precise: a coarse timer may fire 5% late, which on a 1 s window costs 50 ms of throughput
    // and, worse, bunches requests together.
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &RateLimiter::pump);
}

RateLimiter::~RateLimiter() = default;

void RateLimiter::setConfig(const Config &config)
{
    m_config = config;
    m_config.maxInFlight = std::max(2, m_config.maxInFlight);
    m_config.queriesPerSecond = std::max(1, m_config.queriesPerSecond);
    m_config.ordersPerSecond = std::max(1, m_config.ordersPerSecond);
    m_config.windowMs = std::max(1, m_config.windowMs);
    m_config.safetyMarginMs = std::max(0, m_config.safetyMarginMs);
    wake();
}

int RateLimiter::poolQuota(RequestPool pool) const
{
    return pool == RequestPool::Order ? m_config.ordersPerSecond : m_config.queriesPerSecond;
}

int RateLimiter::quotaFor(const QString &apiId, RequestPool pool) const
{
    const int poolLimit = poolQuota(pool);
    const auto it = m_config.perApiQuota.constFind(apiId);
    return it == m_config.perApiQuota.constEnd() ? poolLimit : std::max(1, std::min(*it, poolLimit));
}

RateLimiter::Ticket RateLimiter::acquire(
    const QString &apiId, RequestPool pool, RequestPriority priority, std::function<void()> granted)
{
    Waiting w { ++m_nextTicket, apiId, pool, priority, std::move(granted) };
    // Keep the queue sorted by (priority, ticket): insert after the last entry of equal priority.
    auto pos = std::upper_bound(m_waiting.begin(), m_waiting.end(), w,
        [](const Waiting &a, const Waiting &b) { return int(a.priority) < int(b.priority); });
    const Ticket ticket = w.ticket;
    m_waiting.insert(pos, std::move(w));
    schedule(m_clock(), m_clock());
    emit budgetChanged();
    return ticket;
}

bool RateLimiter::cancel(Ticket ticket)
{
    const auto it
        = std::find_if(m_waiting.begin(), m_waiting.end(), [ticket](const Waiting &w) { return w.ticket == ticket; });
    if (it == m_waiting.end())
        return false;
    m_waiting.erase(it);
    emit budgetChanged();
    return true;
}

void RateLimiter::finished(Ticket ticket)
{
    if (m_inFlight.remove(ticket) > 0) {
        if (!m_waiting.empty())
            schedule(m_clock(), m_clock());
        emit budgetChanged();
    }
}

void RateLimiter::trim(std::deque<qint64> &sends, qint64 now) const
{
    while (!sends.empty() && sends.front() + window() <= now)
        sends.pop_front();
}

int RateLimiter::inWindow(const std::deque<qint64> &sends, qint64 now) const
{
    int n = 0;
    for (auto it = sends.rbegin(); it != sends.rend() && *it + window() > now; ++it)
        ++n;
    return n;
}

qint64 RateLimiter::earliestStart(const Waiting &w, qint64 now) const
{
    qint64 at = now;
    const auto limitBy = [&](std::deque<qint64> &sends, int quota) {
        trim(sends, now);
        const qsizetype n = qsizetype(sends.size());
        if (n >= quota && !m_config.serial) // serial: no quotas (Config::serial)
            at = std::max(at, sends[size_t(n - quota)] + window());
    };
    limitBy(m_apiSends[w.apiId], quotaFor(w.apiId, w.pool));
    limitBy(w.pool == RequestPool::Order ? m_orderSends : m_querySends, poolQuota(w.pool));
    const Backoff &poolBackoff = w.pool == RequestPool::Order ? m_orderBackoff : m_queryBackoff;
    at = std::max(at, poolBackoff.pausedUntil);
    if (const auto it = m_apiBackoff.constFind(w.apiId); it != m_apiBackoff.constEnd())
        at = std::max(at, it->pausedUntil);
    return at;
}

void RateLimiter::schedule(qint64 atMs, qint64 now)
{
    const qint64 delay = std::clamp<qint64>(atMs - now, 0, std::numeric_limits<int>::max());
    if (m_timer.isActive() && m_timer.remainingTime() <= delay)
        return;
    m_timer.start(int(delay));
}

void RateLimiter::wake()
{
    if (!m_waiting.empty())
        schedule(m_clock(), m_clock());
}

void RateLimiter::pump()
{
    if (m_pumping)
        return;
    m_pumping = true;
    m_timer.stop();
    const qint64 now = m_clock();
    QList<std::function<void()>> grants;

    if (!m_gate || m_gate()) {
        qint64 nextAt = std::numeric_limits<qint64>::max();
        int inFlight = int(m_inFlight.size());
        for (auto it = m_waiting.begin(); it != m_waiting.end();) {
            // One in-flight slot is kept for orders so a stuck query cannot delay a sell.
            const int cap = m_config.serial      ? 1
                : it->pool == RequestPool::Order ? m_config.maxInFlight
                                                 : m_config.maxInFlight - 1;
            if (inFlight >= cap) {
                ++it;
                continue; // finished() will pump again
            }
            const qint64 at = earliestStart(*it, now);
            if (at > now) {
                nextAt = std::min(nextAt, at);
                ++it;
                continue;
            }
            m_apiSends[it->apiId].push_back(now);
            (it->pool == RequestPool::Order ? m_orderSends : m_querySends).push_back(now);
            m_inFlight.insert(it->ticket, it->pool);
            ++inFlight;
            ++m_granted;
            qCDebug(lcRateLimit).noquote() << "grant" << it->apiId << Kiwoom::priorityName(it->priority) << "ticket"
                                           << it->ticket << "queued" << (m_waiting.size() - 1);
            grants << std::move(it->granted);
            it = m_waiting.erase(it);
        }
        if (nextAt != std::numeric_limits<qint64>::max())
            schedule(nextAt, now);
    }
    m_pumping = false;
    for (const auto &grant : std::as_const(grants)) {
        if (grant)
            grant();
    }
    if (!grants.isEmpty())
        emit budgetChanged();
}

void RateLimiter::reportRateLimited(const QString &apiId, RequestPool pool, int code, const QString &message)
{
    ++m_rateLimited;
    const qint64 now = m_clock();
    const bool wholePool = code == 1701 || code == 1702;
    Backoff &b = wholePool ? (pool == RequestPool::Order ? m_orderBackoff : m_queryBackoff) : m_apiBackoff[apiId];
    // Nothing of this api-id (pool) is granted while it is paused, so a refusal arriving during the
    // pause answers a request sent before it: the same overrun, not a new one. Escalating on each
    // of a burst's in-flight replies would stall the api-id for 8 s after one crowded window.
    if (now >= b.pausedUntil)
        ++b.hits;
    qint64 delay
        = std::min<qint64>(qint64(m_config.backoffInitialMs) << std::min(b.hits - 1, 16), m_config.backoffMaxMs);
    delay = std::max(delay, window()); // the server's window must drain completely
    b.pausedUntil = std::max(b.pausedUntil, now + delay);

    // "유량=5, API ID=ka10080": adopt a quota smaller than ours for this api-id.
    static const QRegularExpression quotaRe(QStringLiteral(u"유량\\s*=\\s*(\\d+)"));
    if (const auto m = quotaRe.match(message); m.hasMatch() && !wholePool) {
        const int serverQuota = m.captured(1).toInt();
        if (serverQuota > 0 && serverQuota < quotaFor(apiId, pool)) {
            m_config.perApiQuota.insert(apiId, serverQuota);
            qCWarning(lcRateLimit).noquote()
                << apiId << "quota lowered to" << serverQuota << "per second as the server reports";
        }
    }
    qCWarning(lcRateLimit).noquote() << "rate limited" << (wholePool ? poolName(pool) : apiId) << "code" << code
                                     << "- pausing" << delay << "ms (hit" << b.hits << ")";
    wake();
    emit budgetChanged();
}

void RateLimiter::reportSuccess(const QString &apiId, RequestPool pool)
{
    if (auto it = m_apiBackoff.find(apiId); it != m_apiBackoff.end())
        it->hits = 0;
    (pool == RequestPool::Order ? m_orderBackoff : m_queryBackoff).hits = 0;
}

void RateLimiter::setGate(std::function<bool()> gate)
{
    m_gate = std::move(gate);
    wake();
}

RateLimiter::Budget RateLimiter::budget() const
{
    const qint64 now = m_clock();
    Budget b;
    b.queryQuota = m_config.queriesPerSecond;
    b.orderQuota = m_config.ordersPerSecond;
    b.queriesInWindow = inWindow(m_querySends, now);
    b.ordersInWindow = inWindow(m_orderSends, now);
    b.queued = int(m_waiting.size());
    for (const Waiting &w : m_waiting)
        ++b.queuedByPriority[w.priority];
    b.inFlight = int(m_inFlight.size());
    b.queryPausedForMs = std::max<qint64>(0, m_queryBackoff.pausedUntil - now);
    b.orderPausedForMs = std::max<qint64>(0, m_orderBackoff.pausedUntil - now);
    b.granted = m_granted;
    b.rateLimitedReplies = m_rateLimited;
    return b;
}
