// SPDX-License-Identifier: GPL-3.0-or-later
#include "simquota.h"

#include "common/clock.h"

namespace {
constexpr qint64 WINDOW_MS = 1000;
}

SimQuota::SimQuota(const IClock &clock) : m_clock(clock) { }

void SimQuota::purge(std::deque<qint64> &window, qint64 now)
{
    while (!window.empty() && window.front() <= now - WINDOW_MS)
        window.pop_front();
}

SimQuota::Verdict SimQuota::admit(const QString &apiId, bool order, int perApiLimit, int totalLimit)
{
    const qint64 now = m_clock.nowMs();
    std::deque<qint64> &api = m_perApi[apiId];
    std::deque<qint64> &total = order ? m_orders : m_queries;
    purge(api, now);
    purge(total, now);
    if (perApiLimit > 0 && qint64(api.size()) >= perApiLimit)
        return Verdict { 1700, perApiLimit };
    if (totalLimit > 0 && qint64(total.size()) >= totalLimit)
        return Verdict { 1701, totalLimit };
    api.push_back(now);
    total.push_back(now);
    return {};
}

void SimQuota::clear()
{
    m_perApi.clear();
    m_queries.clear();
    m_orders.clear();
}
