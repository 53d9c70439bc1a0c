// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "simconfig.h"
#include "simtypes.h"
#include "simvirtualclock.h"

#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <memory>
#include <optional>

class IClock;
class SimConditions;
class SimExchange;
class SimFaults;
class SimHttpServer;
class SimLiveSource;
class SimMarket;
class SimPaperFeed;
class SimQuota;
class SimRealtimeHub;
class SimReplaySource;
class SimRestApi;
class SimTokenStore;
struct SimHttpRequest;
struct SimHttpResponse;
struct SimTrRequest;

// SimServer is one running Kiwoom simulator: market, exchange/account, conditions, tokens, quotas
// and faults behind a REST + WebSocket server on one loopback port. It drives the virtual market
// clock from a timer (speed × real time; speed 0 = only advanceClock() moves it). A speed beyond
// what the machine can generate makes the market fall behind real time, never the server stall.
//
// Every HTTP reply (Kiwoom paths and admin alike) carries the market's time as response headers:
//   x-sim-time: <virtual time, UTC epoch ms>   x-sim-speed: <virtual ms per real ms; 0 = paused>
// so a client in another process can take "now" for trading dates and sessions from the simulator
// (AnnouncedMarketClock in core/kiwoom). Real Kiwoom never sends them.
//
// Besides the Kiwoom paths it serves a small admin API, only to loopback peers and never under
// /api or /oauth2:
//   GET  /_sim/state            virtual time (virtual_ms: UTC epoch ms, virtual_time: KST ISO), phase,
//                               speed, WebSocket sessions/registrations/realtime
//                               conditions, tokens, account summary, faults, REST requests (total and
//                               per api-id) and quota rejections (HTTP 429: 1700, 1701, fault)
//   GET  /_sim/faults           the fault rules with their counters
//   POST /_sim/faults           add rules: body {"spec": "...", "replace": false} or the spec as text
//   POST /_sim/faults/clear     remove every rule
//   POST /_sim/clock/advance    {"ms": N}: step the market N virtual ms (deterministic)
//   POST /_sim/clock/speed      {"speed": X}
//   POST /_sim/tokens/expire    invalidate every token now
//   POST /_sim/market/shock     {"code": "005930", "percent": -5}: shock() — the price jumps now
//   POST /_sim/market/drift     {"code": "005930", "percent_per_minute": -0.5, "minutes": 30}: setDrift()
//                               ("minutes" optional: until cleared; percent_per_minute 0 clears)
// Admin replies are JSON; errors are {"error": "..."} with HTTP 400 (bad body or number), 403 (not
// loopback), 404 (unknown route or stock code) or 409 (a shock outside the continuous session).
//
// Paper trading (SimConfig::paper): start() first connects to the live feed (SimPaperFeed; it
// fails when the feed does not connect), then builds a market fed by it (SimLiveSource) whose
// virtual time is the feed's market time. The market-data TRs the feed may serve
// (SimPaperFeed::isForwardable) are relayed and answered late (SimHttpResponse::Deferred); a
// relayed ka10001 also adds its stock to the market with its base price. Orders and account TRs are
// answered here and never reach the feed. When the feed's WebSocket reconnects, the app's sessions
// are dropped, so the app re-registers and restarts its condition searches. GET /_sim/state then carries "paper":
// {"feed_frames", "rest_forwarded", "feed_subscriptions"}.
//
// Lives on one thread (use SimHost to give it its own). Not copyable.
class SimServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimServer)

public:
    explicit SimServer(QObject *parent = nullptr);
    ~SimServer() override;

    // Builds the market (history generation takes a fraction of a second) and starts listening.
    // With config.stateFile: an existing file is validated and restored first (the market goes on
    // at its saved virtual time, or the automatic start if later); a bad file fails the start.
    Status start(const SimConfig &config);
    void stop();
    bool isRunning() const;

    quint16 port() const;
    QUrl restBaseUrl() const; // http://127.0.0.1:PORT
    QUrl webSocketUrl() const; // ws://127.0.0.1:PORT/api/dostk/websocket
    const SimConfig &config() const { return m_config; }

    // The market's virtual time, readable from any thread (updated after every step). By default
    // the server's own; SimHost passes one that outlives the server (call before start()).
    const IClock &virtualClock() const { return *m_virtualClock; }
    void setVirtualClock(SimVirtualClock *clock) { m_virtualClock = clock ? clock : &m_ownVirtualClock; }

    // In-process control for tests and the admin API (same thread as the server).
    void advanceClock(qint64 virtualMs);
    void setSpeed(double speed);
    double speed() const { return m_config.speed; }
    Status addFaults(const QString &spec);
    void clearFaults();
    void expireTokens();
    // Test hooks that move prices on purpose (SimMarket::shock() / setDrift()): errors
    // sim.unknown_code (no such stock), sim.bad_number, sim.not_continuous, sim.stopped.
    Result<SimShock> shock(const QString &code, double percent);
    // minutes > 0: the push ends after that many virtual minutes; 0: until cleared.
    Status setDrift(const QString &code, double percentPerMinute, double minutes = 0);
    QJsonObject state() const;
    // Writes the state file now (no-op without one). Also done by itself, coalesced, at most
    // STATE_SAVE_DELAY_MS after an order event or a day start, and always on stop().
    Status saveState();
    static constexpr int STATE_SAVE_DELAY_MS = 200;

    // The parts, for tests (nullptr before start()).
    SimMarket *market() const { return m_market.get(); }
    SimExchange *exchange() const { return m_exchange.get(); }
    SimConditions *conditions() const { return m_conditions.get(); }
    SimFaults *faults() const { return m_faults.get(); }
    SimRealtimeHub *realtime() const { return m_hub.get(); }
    SimReplaySource *replaySource() const { return m_source.get(); }
    // Replay: every recorded event has been served.
    bool replayFinished() const;
    // Paper trading (SimConfig::paper): the live feed connection (nullptr otherwise).
    SimPaperFeed *paperFeed() const { return m_feed.get(); }

signals:
    void stopped();

private:
    SimHttpResponse handle(const SimHttpRequest &request);
    SimHttpResponse handleAdmin(const SimHttpRequest &request);
    void step();
    void afterTimeMoved();
    void scheduleSave();
    void teardown();
    Status startPaperFeed(std::optional<qint64> savedMs);
    SimHttpResponse forwardToFeed(const QString &apiId, const SimTrRequest &request);
    void onFeedPushed();
    void noteStockInfo(const QJsonObject &ka10001);

    SimConfig m_config;
    const IClock *m_clock = nullptr;
    std::unique_ptr<SimPaperFeed> m_feed; // paper only; stopped first in teardown()
    std::unique_ptr<SimLiveSource> m_live; // paper only; outlives the market
    bool m_feedPushPending = false;
    std::unique_ptr<SimReplaySource> m_source; // replay only; outlives the market (declared first)
    std::unique_ptr<SimMarket> m_market;
    std::unique_ptr<SimExchange> m_exchange;
    std::unique_ptr<SimConditions> m_conditions;
    std::unique_ptr<SimTokenStore> m_tokens;
    std::unique_ptr<SimQuota> m_quota;
    std::unique_ptr<SimFaults> m_faults;
    std::unique_ptr<SimRestApi> m_rest;
    std::unique_ptr<SimRealtimeHub> m_hub;
    std::unique_ptr<SimHttpServer> m_http;
    SimVirtualClock m_ownVirtualClock;
    SimVirtualClock *m_virtualClock = &m_ownVirtualClock;
    QTimer m_stepTimer;
    QTimer m_saveTimer; // single shot: coalesces state saves
    qint64 m_lastRealMs = 0;
    double m_carryMs = 0;
    bool m_replayHeld = false; // replay: waiting for a client (SimConfig::replayWaitForClientMs)
    qint64 m_holdSinceRealMs = 0;
};
