// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "market/krx.h"
#include "sim/simconfig.h"

#include <QDate>
#include <QTime>

namespace SimTest {

// A fast, deterministic simulator configuration for tests: paused clock (tests step it), a fixed
// virtual start (Monday 2025-03-10 10:00 KST, a trading day), a short history, short PINGs.
inline SimConfig config(quint64 seed = 42)
{
    SimConfig c;
    c.seed = seed;
    c.speed = 0;
    c.startTimeMs = Krx::fromKst(QDate(2025, 3, 10), QTime(10, 0));
    c.historyDays = 60;
    c.minuteHistoryDays = 2;
    c.pingIntervalMs = 10'000;
    c.pingTimeoutMs = 10'000;
    c.loginTimeoutMs = 30'000;
    return c;
}

inline QString appKey()
{
    return QString::fromLatin1(Sim::DEMO_APP_KEY);
}

inline QString secretKey()
{
    return QString::fromLatin1(Sim::DEMO_SECRET_KEY);
}

} // namespace SimTest
