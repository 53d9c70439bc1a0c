// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/clock.h"

#include <QMutex>
#include <QtGlobal>

#include <functional>

// AnnouncedMarketClock: "now" for trading dates and sessions as announced by the server.
//
// Why it exists: against a standalone `kiwoom-sim` (or a replay) the market runs on the
// simulator's virtual time, not the wall clock: a headless run at 06:00 KST on a Sunday talks to a
// market at 10:00 on a weekday and must trade there. The in-process demo hands the simulator's
// SimVirtualClock over directly; a separate process can only tell its time over the wire. The
// simulator therefore stamps every REST reply with `x-sim-time: <virtual UTC epoch ms>` and
// `x-sim-speed: <virtual ms per real ms>` (RestClient::serverTimeAnnounced), and this clock follows
// those announcements. Real Kiwoom never sends them: the clock then simply stays unset.
//
// What it guarantees:
//  * Until the first announcement isSet() is false and nowMs() is the fallback clock's time.
//  * Once set, nowMs() = the last announced time + real time elapsed since it arrived × its speed
//    (speed 0 = a paused market: the clock stands still until the next announcement).
//  * It never goes backwards once set: an announcement behind what the clock already showed (the
//    reply was stamped before an earlier one arrived, or the simulator fell behind real time at a
//    high speed) holds the clock at the value it reached until the announced time passes it.
//  * Announcements with a non-positive time are ignored; a speed that is negative or not finite
//    counts as 1 (real time).
// Real time comes from a monotonic source (a steady clock; tests inject one), so a wall-clock
// step (NTP, a user changing the time) does not move the market.
//
// Threading: announce() and nowMs() may be called from any thread (a mutex guards the state);
// normally both run on the core's thread.
class AnnouncedMarketClock final : public IClock
{
public:
    using MonotonicMs = std::function<qint64()>;

    // fallback: the time before the first announcement (must outlive this clock). monotonic: real
    // milliseconds from any fixed origin; empty = std::chrono::steady_clock.
    explicit AnnouncedMarketClock(const IClock &fallback = SystemClock::instance(), MonotonicMs monotonic = {});

    qint64 nowMs() const override;

    // A server said its market time is virtualMs (UTC epoch ms), moving at speed virtual ms per
    // real ms, as of now.
    void announce(qint64 virtualMs, double speed);

    bool isSet() const;
    // The speed of the last announcement (1 before any).
    double speed() const;
    // How many announcements were taken (for diagnostics and tests).
    quint64 announcements() const;

private:
    qint64 extrapolatedLocked(qint64 realMs) const;

    const IClock &m_fallback;
    MonotonicMs m_monotonic;
    mutable QMutex m_mutex;
    bool m_set = false;
    qint64 m_baseVirtualMs = 0; // announced time
    qint64 m_baseRealMs = 0; // monotonic time it arrived
    double m_speed = 1.0;
    mutable qint64 m_floorMs = 0; // the latest time nowMs() returned (never go below it)
    quint64 m_announcements = 0;
};
