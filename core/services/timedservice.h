// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/markettimer.h"
#include "service.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>
#include <optional>

class IClock;
class Settings;

// TimedService: the QTimer loop every service of core/services shares (STYLE §6.4), so each
// service only writes its unit of work. It exists to keep six copies of the same timer, skip and
// status code from drifting apart.
//
// Guarantees:
// - The period comes from a Settings key (seconds), re-read whenever Settings::changed names it; a
//   running timer picks the new period up at once.
// - start() arms the timer and runs once right away (queued: start() itself returns at once);
//   stop() disarms it and abandons a run in flight: its late replies are dropped (isCurrent()
//   turns false), so nothing is submitted after a stop.
// - runOnce() starts a run only when none is in flight; a timer tick during a run is skipped and
//   counted (skippedRuns()), never doubled. A run ends with exactly one finishRun(). A run still in
//   flight after stallTimeout() (five periods, at least five minutes: a reply that never came) is
//   abandoned with a warning and a new one starts, so one lost callback cannot stop the loop.
// - Time for run records comes from the market clock.
// Threading: the core thread, like everything it drives.
class TimedService : public QObject, public IService
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimedService)

public:
    ~TimedService() override;

    QString name() const override { return m_name; }
    void start() override;
    void stop() override;
    bool isRunning() const override { return m_timer.isActive(); }
    void runOnce() override;
    std::chrono::milliseconds period() const override;
    bool isBusy() const override { return m_busy; }
    std::optional<ServiceRun> lastRun() const override { return m_lastRun; }
    qint64 nextRunInMs() const override;
    int skippedRuns() const override { return m_skipped; }

    // The periods are market time: against a market running `speed` times faster than the wall
    // clock (the demo simulator), the timer fires that much more often (never more often than once a
    // second). 1 = real time (Kiwoom).
    void setMarketSpeed(double speed);
    // Lockstep runs: the period follows the pulse's market time instead of the wall clock.
    void setPulse(MarketPulse *pulse) { m_timer.setPulse(pulse); }

    std::chrono::milliseconds stallTimeout() const;
    // Overrides the stall timeout (tests); 0 restores the default.
    void setStallTimeout(std::chrono::milliseconds timeout) { m_stallTimeout = timeout; }

signals:
    void runningChanged(bool running);
    // Every finished run (the per-service runFinished signals carry the same counts, typed).
    void runCompleted(const ServiceRun &run);

protected:
    // periodKey: the Settings key holding the period in seconds; empty = fixedPeriod always.
    TimedService(const QString &name, Settings &settings, const QString &periodKey,
        std::chrono::milliseconds fixedPeriod, const IClock &marketClock, QObject *parent);

    // Starts one run. It must end with finishRun(token) exactly once, now or from a later callback,
    // where token = runToken() read at the start.
    virtual void run() = 0;
    virtual void onStarted() { }
    virtual void onStopped() { }
    // The run in flight was abandoned (stop() or a stall): its replies will be dropped; free what
    // it holds (slots for concurrent calls) so the next run is not starved by replies that never come.
    virtual void onAbandoned() { }
    // Any other Settings key changed.
    virtual void onSettingChanged(const QString &key) { Q_UNUSED(key) }

    quint64 runToken() const { return m_generation; }
    // False once stop() abandoned the run the token belongs to.
    bool isCurrent(quint64 token) const { return token == m_generation && m_busy; }
    // Ends the run of `token` (ignored when the run was abandoned).
    void finishRun(quint64 token, bool ok, const QString &summary, const QJsonObject &counts);

    Settings &settings() const { return m_settings; }
    const IClock &marketClock() const { return m_clock; }
    qint64 nowMs() const;

private:
    void configure();
    void onTimeout();

    QString m_name;
    Settings &m_settings;
    QString m_periodKey;
    std::chrono::milliseconds m_fixedPeriod;
    double m_marketSpeed = 1.0;
    const IClock &m_clock;
    MarketTimer m_timer; // the period (market time under a pulse)
    QTimer m_kick; // the first run after start(), queued
    bool m_busy = false;
    quint64 m_generation = 1;
    int m_skipped = 0;
    qint64 m_runStartedMs = 0;
    QElapsedTimer m_runAge; // real time, like the period
    std::chrono::milliseconds m_stallTimeout { 0 };
    std::optional<ServiceRun> m_lastRun;
};
