// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>
#include <QtGlobal>

#include <deque>

class IClock;

// SimQuota enforces Kiwoom's request quotas in any sliding 1000 ms window: per api-id (code 1700,
// "유량=N, API ID=...") and in total per category, queries vs orders (code 1701). Only admitted
// requests count, so a client that backs off gets through again after a second.
// Not thread-safe (simulator thread).
class SimQuota
{
public:
    struct Verdict
    {
        int code = 0; // 0 admitted, 1700 per-api-id limit, 1701 total limit
        int limit = 0; // the limit that was exceeded
    };

    explicit SimQuota(const IClock &clock);
    Verdict admit(const QString &apiId, bool order, int perApiLimit, int totalLimit);
    void clear();

private:
    static void purge(std::deque<qint64> &window, qint64 now);

    const IClock &m_clock;
    QHash<QString, std::deque<qint64>> m_perApi;
    std::deque<qint64> m_queries;
    std::deque<qint64> m_orders;
};
