// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

class IClock;

// MarketPulse exists for lockstep runs (`kiwoom-trader backtest --replay`, the replay determinism
// test): there the market's virtual time does not flow, a driver moves it in steps and, once the
// engine has caught up with each step, calls advanced(). Every MarketTimer attached to the pulse
// then fires from market time instead of the wall clock, so a periodic run happens at the same
// virtual instant however fast or slow the machine is. It guarantees nothing else: a pulse never
// moves the clock itself. Lives on the core's thread, with the timers it drives.
class MarketPulse final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MarketPulse)

public:
    explicit MarketPulse(const IClock &marketClock, QObject *parent = nullptr);
    const IClock &clock() const { return m_clock; }
    // Market time has moved (to clock().nowMs()): due timers fire, each at most once per call.
    void advanced();

signals:
    void pulse(qint64 nowMs);

private:
    const IClock &m_clock;
};

// MarketTimer is the periodic (or single-shot) timer of the trading engine's sweeps and services.
// Without a pulse it is a QTimer whose interval is wall-clock milliseconds (callers scale market
// periods by the market speed, as before). With a pulse (setPulse()) it never uses the wall clock:
// start() schedules the first timeout interval() market-ms after the market's now, and each pulse
// at or past that instant fires timeout() once and schedules the next one interval() after the
// pulse's time (missed periods are not replayed in a burst, as a QTimer would not either).
// Threading: the owner's thread (the core's).
class MarketTimer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MarketTimer)

public:
    explicit MarketTimer(QObject *parent = nullptr);

    // Switches the timer to market time (nullptr: back to the wall clock); an active timer is
    // re-armed in the new mode.
    void setPulse(MarketPulse *pulse);
    MarketPulse *pulse() const { return m_pulse; }

    void setInterval(int ms);
    int interval() const { return m_interval; }
    void setSingleShot(bool singleShot);
    void start();
    void start(int ms);
    void stop();
    bool isActive() const;
    // Milliseconds (wall clock, or market time with a pulse) until the next timeout; -1 inactive.
    int remainingTime() const;

signals:
    void timeout();

private:
    void onPulse(qint64 nowMs);

    QTimer m_timer;
    QPointer<MarketPulse> m_pulse;
    QMetaObject::Connection m_pulseConnection;
    int m_interval = 0;
    bool m_singleShot = false;
    bool m_active = false; // pulse mode
    qint64 m_dueMs = 0; // pulse mode: market time of the next timeout
};
