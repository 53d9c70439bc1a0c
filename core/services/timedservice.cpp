// SPDX-License-Identifier: GPL-3.0-or-later
#include "timedservice.h"

#include "common/clock.h"
#include "common/logging.h"
#include "common/settings.h"

using namespace Qt::StringLiterals;

TimedService::TimedService(const QString &name, Settings &settings, const QString &periodKey,
    std::chrono::milliseconds fixedPeriod, const IClock &marketClock, QObject *parent)
    : QObject(parent)
    , m_name(name)
    , m_settings(settings)
    , m_periodKey(periodKey)
    , m_fixedPeriod(fixedPeriod)
    , m_clock(marketClock)
{
    m_timer.setSingleShot(false);
    m_kick.setSingleShot(true);
    m_kick.setInterval(0);
    connect(&m_timer, &MarketTimer::timeout, this, &TimedService::onTimeout);
    connect(&m_kick, &QTimer::timeout, this, &TimedService::onTimeout);
    connect(&m_settings, &Settings::changed, this, [this](const QString &key) {
        if (!m_periodKey.isEmpty() && key == m_periodKey)
            configure();
        else
            onSettingChanged(key);
    });
    configure();
}

TimedService::~TimedService() = default;

void TimedService::configure()
{
    std::chrono::milliseconds p = m_fixedPeriod;
    if (!m_periodKey.isEmpty())
        p = std::chrono::seconds(m_settings.value(m_periodKey).toInt());
    if (p.count() <= 0)
        p = m_fixedPeriod.count() > 0 ? m_fixedPeriod : std::chrono::milliseconds(60'000);
    if (m_marketSpeed > 1.0)
        p = std::max(
            std::chrono::milliseconds(1000), std::chrono::milliseconds(qint64(double(p.count()) / m_marketSpeed)));
    if (p == std::chrono::milliseconds(m_timer.interval()))
        return;
    // setInterval() on an active timer restarts it with the new period.
    m_timer.setInterval(int(p.count()));
    qCInfo(lcServices).noquote() << m_name << "period" << p.count() / 1000.0 << "s";
}

void TimedService::setMarketSpeed(double speed)
{
    m_marketSpeed = speed > 0 ? speed : 1.0;
    configure();
}

std::chrono::milliseconds TimedService::period() const
{
    return std::chrono::milliseconds(m_timer.interval());
}

qint64 TimedService::nowMs() const
{
    return m_clock.nowMs();
}

void TimedService::start()
{
    if (m_timer.isActive())
        return;
    configure();
    m_timer.start();
    m_kick.start();
    qCInfo(lcServices).noquote() << m_name << "started";
    onStarted();
    emit runningChanged(true);
}

void TimedService::stop()
{
    const bool wasRunning = m_timer.isActive();
    m_timer.stop();
    m_kick.stop();
    if (m_busy) {
        // Abandon the run in flight: its late replies see a new generation and are dropped.
        ++m_generation;
        m_busy = false;
        qCInfo(lcServices).noquote() << m_name << "run in flight abandoned";
        onAbandoned();
    }
    if (!wasRunning)
        return;
    qCInfo(lcServices).noquote() << m_name << "stopped";
    onStopped();
    emit runningChanged(false);
}

qint64 TimedService::nextRunInMs() const
{
    if (!m_timer.isActive())
        return -1;
    if (m_kick.isActive())
        return 0;
    return m_timer.remainingTime();
}

void TimedService::onTimeout()
{
    runOnce();
}

std::chrono::milliseconds TimedService::stallTimeout() const
{
    if (m_stallTimeout.count() > 0)
        return m_stallTimeout;
    return std::max<std::chrono::milliseconds>(5 * period(), std::chrono::minutes(5));
}

void TimedService::runOnce()
{
    if (m_busy) {
        if (m_runAge.isValid() && std::chrono::milliseconds(m_runAge.elapsed()) >= stallTimeout()) {
            qCWarning(lcServices).noquote() << m_name << "run in flight for" << m_runAge.elapsed() / 1000
                                            << "s without finishing; abandoned, starting a new one";
            ++m_generation;
            m_busy = false;
            onAbandoned();
        } else {
            ++m_skipped;
            qCInfo(lcServices).noquote() << m_name << "previous run still in flight; this one is skipped";
            return;
        }
    }
    m_busy = true;
    ++m_generation;
    m_runStartedMs = nowMs();
    m_runAge.start();
    run();
}

void TimedService::finishRun(quint64 token, bool ok, const QString &summary, const QJsonObject &counts)
{
    if (!isCurrent(token))
        return;
    m_busy = false;
    ServiceRun r;
    r.startedMs = m_runStartedMs;
    r.finishedMs = nowMs();
    r.ok = ok;
    r.summary = summary;
    r.counts = counts;
    m_lastRun = r;
    qCDebug(lcServices).noquote() << m_name << "run finished:" << (ok ? "ok" : "with failures") << summary;
    emit runCompleted(r);
}
