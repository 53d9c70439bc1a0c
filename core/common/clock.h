// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QtGlobal>

#include <atomic>

// IClock is where every time-dependent component reads "now", so trading sessions, token expiry,
// holidays and timers can be tested without waiting for the wall clock.
class IClock
{
public:
    virtual ~IClock() = default;
    // UTC epoch milliseconds.
    virtual qint64 nowMs() const = 0;
    QDateTime now() const { return QDateTime::fromMSecsSinceEpoch(nowMs(), Qt::UTC); }
};

class SystemClock final : public IClock
{
public:
    qint64 nowMs() const override { return QDateTime::currentMSecsSinceEpoch(); }
    static const SystemClock &instance()
    {
        static const SystemClock clock;
        return clock;
    }
};

// ManualClock only moves when told to; thread-safe so a simulator thread and a test can share it.
class ManualClock final : public IClock
{
public:
    explicit ManualClock(qint64 startMs = 0) : m_nowMs(startMs) { }
    qint64 nowMs() const override { return m_nowMs.load(); }
    void setNowMs(qint64 ms) { m_nowMs.store(ms); }
    void advanceMs(qint64 ms) { m_nowMs.fetch_add(ms); }

private:
    std::atomic<qint64> m_nowMs;
};

// ForwardingClock reads another clock chosen later: the composition root hands it out before it
// knows where the market's time will come from (the in-process simulator's virtual clock, a
// standalone simulator's announced time, or the system clock), and points it there once it does.
// Thread-safe; the target must outlive its use.
class ForwardingClock final : public IClock
{
public:
    explicit ForwardingClock(const IClock &target) : m_target(&target) { }
    qint64 nowMs() const override { return m_target.load()->nowMs(); }
    void setTarget(const IClock &target) { m_target.store(&target); }
    const IClock &target() const { return *m_target.load(); }

private:
    std::atomic<const IClock *> m_target;
};
