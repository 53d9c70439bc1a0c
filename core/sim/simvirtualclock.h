// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/clock.h"

#include <atomic>

// SimVirtualClock: the simulated market's time (virtual KST trading time as UTC epoch ms), readable
// from any thread. SimServer publishes it after every step of the market; SimHost owns one that
// outlives its servers. In demo mode the Kiwoom client places the protocol's time-only fields
// (HHmmss, e.g. realtime FID 20) on a calendar day by this clock rather than the wall clock: the
// always-open market runs its sessions back to back, so its date drifts away from today's.
class SimVirtualClock final : public IClock
{
public:
    qint64 nowMs() const override { return m_ms.load(std::memory_order_relaxed); }
    void set(qint64 ms) { m_ms.store(ms, std::memory_order_relaxed); }

private:
    std::atomic<qint64> m_ms { 0 };
};
