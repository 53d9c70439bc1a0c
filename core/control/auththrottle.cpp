// SPDX-License-Identifier: GPL-3.0-or-later
#include "auththrottle.h"

#include "common/clock.h"

#include <cmath>

namespace Control {

AuthThrottle::AuthThrottle(const IClock &clock, int maxFailures, qint64 decayMs)
    : m_clock(clock), m_maxFailures(std::max(1, maxFailures)), m_decayMs(std::max<qint64>(1, decayMs))
{
}

double AuthThrottle::scoreNow(const Entry &e, qint64 nowMs) const
{
    const double decayed = double(std::max<qint64>(0, nowMs - e.atMs)) / double(m_decayMs);
    return std::max(0.0, e.score - decayed);
}

qint64 AuthThrottle::retryAfterMs(const QString &client) const
{
    const auto it = m_entries.constFind(client);
    if (it == m_entries.cend())
        return 0;
    const double score = scoreNow(*it, m_clock.nowMs());
    // Banned from the maxFailures-th failure until the score has decayed by one below it.
    const double excess = score - double(m_maxFailures - 1);
    if (excess <= 1e-9)
        return 0;
    return qint64(std::ceil(excess * double(m_decayMs)));
}

void AuthThrottle::recordFailure(const QString &client)
{
    const qint64 now = m_clock.nowMs();
    Entry &e = m_entries[client];
    e.score = scoreNow(e, now) + 1;
    e.atMs = now;
    // Forget clients whose score has decayed: the table cannot grow without bound.
    if (m_entries.size() > 1024) {
        for (auto it = m_entries.begin(); it != m_entries.end();)
            it = scoreNow(*it, now) <= 0 ? m_entries.erase(it) : std::next(it);
    }
}

void AuthThrottle::recordSuccess(const QString &client)
{
    Q_UNUSED(client) // a success does not clear the score: one good key does not license guessing
}

} // namespace Control
