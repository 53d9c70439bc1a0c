// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QtGlobal>

class IClock;

// Constants of the built-in simulator (the demo "broker"). The demo credentials are what
// kiwoom-trader's demo mode and `kiwoom-sim` accept when nothing else is configured; they open
// nothing but the local simulator, so they may be printed in the README (never in logs).
namespace Sim {
inline constexpr char DEMO_APP_KEY[] = "SIMDEMOappkey4Kx9PqL2vR7tW3nZ8bY5cH1mJ6dF0gS";
inline constexpr char DEMO_SECRET_KEY[] = "SIMDEMOsecret7Qw2Er9Ty4Ui1Op6As3Df8Gh5Jk0LzXcVbNm2Qa7Ws";
inline constexpr char DEFAULT_ACCOUNT_NO[] = "5012345611";
inline constexpr char WEBSOCKET_PATH[] = "/api/dostk/websocket";
// Stocks of the simulated listing (Sim::universe()): the hand-written ones, and the most with the
// synthetic ones after them.
inline constexpr int BASE_UNIVERSE_SIZE = 61;
inline constexpr int MAX_UNIVERSE_SIZE = 10'000;
} // namespace Sim

// Paper trading: the live feed the paper simulator relays market data from (SimPaperFeed).
struct SimPaperFeedConfig
{
    QString mode = QStringLiteral("mock"); // "mock" | "live": the feed's Kiwoom host when no URL is given
    QString restUrl; // overrides (tests: a kiwoom-sim on loopback)
    QString wsUrl;
    QString appKey; // the feed's credentials (never the paper simulator's own)
    QString secretKey;
    bool announcedClock = false; // follow the time a simulator feed announces (x-sim-time)
    int queriesPerSecond = 5;
    int startTimeoutMs = 20'000;
};

// Everything a simulator instance needs to know. A default-constructed SimConfig is the demo:
// an always-open market at real-time speed with 100,000,000 KRW of cash and Kiwoom-like quotas.
struct SimConfig
{
    // Network: REST and WebSocket share this loopback port (0 = any free port).
    quint16 port = 0;

    // Market: same seed + same start time => same prices, tick for tick.
    quint64 seed = 20250310;
    // Virtual market milliseconds per real millisecond. 0 = paused: the market only moves through
    // SimServer::advanceClock() / POST /_sim/clock/advance (what tests use).
    double speed = 1.0;
    // Scale of the intraday price noise of the tick-by-tick days: 1 = each stock's calibrated daily
    // volatility (kiwoom-sim, tests). Demo mode shows more (Settings sim/intradayVolatility) so a
    // first run sees stop-loss and take-profit exits within minutes, not hours.
    double intradayVolatility = 1.0;
    // false (default): the market is always open — virtual time runs inside the sessions (09:00–15:30
    // KST on a normal day) of consecutive trading days, whatever the wall clock says. true: the real
    // KRX timetable applies, special days included (orders only 08:30–15:30 on a normal day,
    // Krx::acceptsRegularOrders(); "장시작전"/"장종료" otherwise).
    bool followSessionHours = false;
    // Virtual start instant (UTC ms). 0 = automatic: now when following session hours; otherwise
    // the current KST time if it is inside today's session, else the open of the latest trading day.
    qint64 startTimeMs = 0;
    // Stocks listed (Sim::universe()): the 61 hand-written ones, and beyond them deterministic
    // synthetic ones (at most Sim::MAX_UNIVERSE_SIZE, 10,000).
    int universeSize = Sim::BASE_UNIVERSE_SIZE;
    // Trades per stock of the live market versus its calibrated pace (1 = a few thousand a day): the
    // day's volume is spread over that many more, smaller trades. Past days (history) are always 1.
    // Load tests raise it to stream thousands of ticks per second at a modest clock speed.
    double tickIntensity = 1.0;
    // Daily bars generated before the start day, and how many of the most recent of them are
    // simulated tick by tick (those have minute bars for ka10080).
    int historyDays = 260;
    int minuteHistoryDays = 5;

    // Credentials au10001 accepts. Empty = the demo keys above.
    QString appKey;
    QString secretKey;
    qint64 tokenLifetimeMs = 24LL * 3600 * 1000;

    // Fault injection spec (grammar in simfaults.h); empty = no faults.
    QString faults;

    // Account (ledger).
    // State file (JSON, SimStateFile): the ledger, orders, fills and virtual time survive a restart
    // through it. Empty = in memory only. An existing file that does not fit this configuration
    // (accountNo, seed, initialCash) or is damaged makes start() fail and is never modified.
    QString stateFile;
    QString accountNo = QString::fromLatin1(Sim::DEFAULT_ACCOUNT_NO);
    qint64 initialCash = 100'000'000;
    double feeRatePercent = 0.015; // per fill, rounded down to the won
    double sellTaxRatePercent = 0.20; // securities transaction tax on sells, rounded down

    // Quotas in any sliding 1000 ms window. Per api-id (1700) and in total (1701); 0 disables.
    int queryQuotaPerSecond = 5;
    int orderQuotaPerSecond = 5;
    int totalQueryQuotaPerSecond = 20;
    int totalOrderQuotaPerSecond = 10;

    // Page sizes (rows per reply before cont-yn=Y).
    int dailyPageSize = 600; // ka10081
    int minutePageSize = 900; // ka10080
    int tickPageSize = 900; // ka10079
    int listPageSize = 100; // kt00018, kt00004, ka10075, ka10076, ka10074, ka10099, ka10077
    int conditionPageSize = 100; // CNSRREQ search_type 0

    // WebSocket: the server sends {"trnm":"PING"} every pingIntervalMs and drops a session that has
    // not echoed it within pingTimeoutMs; a session that sends no LOGIN within loginTimeoutMs gets
    // SYSTEM R10004 and is closed. maxRealtimeItems bounds (type, item) registrations per session (the
    // protocol names no cap; `kiwoom-sim --max-realtime-items`).
    int pingIntervalMs = 10'000;
    int pingTimeoutMs = 10'000;
    int loginTimeoutMs = 60'000;
    int maxRealtimeItems = 200;
    int maxRealtimeConditions = 10;

    // Replay (`kiwoom-sim --replay`): a market recording (core/recorder) whose day the market serves
    // instead of its random walk (SimReplaySource). speed 0 then means "as fast as possible" (no
    // pause). replayFrom/replayTo: KST HHMM on the recorded day, -1 = from the first / to the last
    // recorded event. No state file with a replay: the account starts fresh every time.
    QString replayFile;
    int replayFrom = -1;
    int replayTo = -1;
    // Replay at speed 0: source events per step (the event loop runs between steps); 0 = paused
    // like an ordinary speed 0 (only advanceClock() moves the market; what tests use).
    int replayEventsPerStep = 2000;
    // Replay: the clock holds until a WebSocket client has connected and then this many real ms
    // more (for its LOGIN, registrations and condition requests), so a fast replay does not run
    // out before the app listens. -1 = start at once.
    int replayWaitForClientMs = 3000;

    // Paper trading (`kiwoom-trader --mode paper`): the market is fed live by paperFeed
    // (SimLiveSource) instead of the random walk, its clock is the feed's market time (speed is
    // ignored), query TRs and condition searches are relayed to the feed, orders and account TRs
    // are this simulator's own. followSessionHours applies as usual; a state file is allowed.
    bool paper = false;
    SimPaperFeedConfig paperFeed;

    // How often (real ms) the server advances the market when speed > 0.
    int stepIntervalMs = 100;

    // Real-time source for token expiry, quotas and the speed mapping. nullptr = the system clock.
    // Tests pass a ManualClock (it must outlive the server and be thread-safe).
    const IClock *clock = nullptr;

    QString effectiveAppKey() const { return appKey.isEmpty() ? QString::fromLatin1(Sim::DEMO_APP_KEY) : appKey; }
    QString effectiveSecretKey() const
    {
        return secretKey.isEmpty() ? QString::fromLatin1(Sim::DEMO_SECRET_KEY) : secretKey;
    }
};
