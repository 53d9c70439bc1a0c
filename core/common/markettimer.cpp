// SPDX-License-Identifier: GPL-3.0-or-later
#include "markettimer.h"

#include "clock.h"

#include <algorithm>

MarketPulse::MarketPulse(const IClock &marketClock, QObject *parent) : QObject(parent), m_clock(marketClock) { }

void MarketPulse::advanced()
{
    emit pulse(m_clock.nowMs());
}

MarketTimer::MarketTimer(QObject *parent) : QObject(parent)
{
    connect(&m_timer, &QTimer::timeout, this, &MarketTimer::timeout);
}

void MarketTimer::setPulse(MarketPulse *pulse)
{
    if (pulse == m_pulse)
        return;
    const bool wasActive = isActive();
    stop();
    QObject::disconnect(m_pulseConnection);
    m_pulse = pulse;
    if (m_pulse)
        m_pulseConnection = connect(m_pulse, &MarketPulse::pulse, this, &MarketTimer::onPulse);
    if (wasActive)
        start();
}

void MarketTimer::setInterval(int ms)
{
    m_interval = std::max(0, ms);
    if (!m_pulse) {
        m_timer.setInterval(m_interval);
        return;
    }
    if (m_active)
        m_dueMs = m_pulse->clock().nowMs() + m_interval;
}

void MarketTimer::setSingleShot(bool singleShot)
{
    m_singleShot = singleShot;
    m_timer.setSingleShot(singleShot);
}

void MarketTimer::start()
{
    if (!m_pulse) {
        m_timer.start(m_interval);
        return;
    }
    m_active = true;
    m_dueMs = m_pulse->clock().nowMs() + m_interval;
}

void MarketTimer::start(int ms)
{
    setInterval(ms);
    start();
}

void MarketTimer::stop()
{
    m_timer.stop();
    m_active = false;
}

bool MarketTimer::isActive() const
{
    return m_pulse ? m_active : m_timer.isActive();
}

int MarketTimer::remainingTime() const
{
    if (!m_pulse)
        return m_timer.remainingTime();
    if (!m_active)
        return -1;
    return int(std::clamp<qint64>(m_dueMs - m_pulse->clock().nowMs(), 0, m_interval));
}

void MarketTimer::onPulse(qint64 nowMs)
{
    if (!m_active || nowMs < m_dueMs)
        return;
    if (m_singleShot)
        m_active = false;
    else
        m_dueMs = nowMs + std::max(1, m_interval);
    emit timeout();
}
