// SPDX-License-Identifier: GPL-3.0-or-later
#include "announcedmarketclock.h"

#include <QMutexLocker>

#include <chrono>
#include <cmath>

AnnouncedMarketClock::AnnouncedMarketClock(const IClock &fallback, MonotonicMs monotonic)
    : m_fallback(fallback), m_monotonic(std::move(monotonic))
{
    if (!m_monotonic) {
        m_monotonic = [] {
            using namespace std::chrono;
            return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
        };
    }
}

qint64 AnnouncedMarketClock::extrapolatedLocked(qint64 realMs) const
{
    const qint64 elapsed = std::max<qint64>(0, realMs - m_baseRealMs);
    return m_baseVirtualMs + qint64(std::floor(double(elapsed) * m_speed));
}

qint64 AnnouncedMarketClock::nowMs() const
{
    const qint64 real = m_monotonic();
    QMutexLocker lock(&m_mutex);
    if (!m_set)
        return m_fallback.nowMs();
    m_floorMs = std::max(m_floorMs, extrapolatedLocked(real));
    return m_floorMs;
}

void AnnouncedMarketClock::announce(qint64 virtualMs, double speed)
{
    if (virtualMs <= 0)
        return;
    if (!std::isfinite(speed) || speed < 0)
        speed = 1.0;
    const qint64 real = m_monotonic();
    QMutexLocker lock(&m_mutex);
    if (m_set) // what the clock shows at this instant stays the floor
        m_floorMs = std::max(m_floorMs, extrapolatedLocked(real));
    else
        m_floorMs = virtualMs;
    m_set = true;
    m_baseVirtualMs = virtualMs;
    m_baseRealMs = real;
    m_speed = speed;
    ++m_announcements;
}

bool AnnouncedMarketClock::isSet() const
{
    QMutexLocker lock(&m_mutex);
    return m_set;
}

double AnnouncedMarketClock::speed() const
{
    QMutexLocker lock(&m_mutex);
    return m_speed;
}

quint64 AnnouncedMarketClock::announcements() const
{
    QMutexLocker lock(&m_mutex);
    return m_announcements;
}
