// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "announcedmarketclock.h"
#include "conditionsearch.h"
#include "kiwoomendpoints.h"
#include "kiwoomerror.h"
#include "ratelimiter.h"
#include "realtimeclient.h"
#include "restclient.h"
#include "tokenmanager.h"

#include <functional>
#include <QObject>
#include <QTimer>

#include <memory>

class IClock;
class QNetworkAccessManager;
class Settings;

// KiwoomSession: the composition of the Kiwoom client for the app's composition root. It owns one
// QNetworkAccessManager, TokenManager, RateLimiter, RestClient, RealtimeClient and ConditionSearch,
// wired together, and runs the session:
//   start():  issue the token -> connect the WebSocket -> LOGIN -> ready()
//             (if the WebSocket is not logged in within wsReadyTimeoutMs, ready() still comes, in
//             state Degraded: REST works and the socket keeps reconnecting in the background)
//   stop():   cancel queued requests, wait for the replies to orders already on the wire (at most
//             orderDrainTimeoutMs; what is left then completes with OutcomeUnknown), close the
//             WebSocket, revoke the token -> stopped()
// A token issue that fails for a transient reason (network, timeout, 5xx, rate limit) is retried
// with backoff while starting; a definite one (bad app key, wrong environment) ends in Failed.
// Once ready, the session is Degraded whenever the WebSocket is not logged in (dropped, or found
// dead by RealtimeClient's liveness checks, and reconnecting) and Ready again after the re-login,
// which also emits realtimeRestored(): realtime notices (fills, balances) may have been missed in
// between, so the trading engine reconciles on it.
// Market clock: marketClock() is "now" for trading dates and sessions — Config::marketClock (the
// in-process simulator's virtual time), or with useAnnouncedMarketClock the time a standalone
// simulator announces on its REST replies (AnnouncedMarketClock), or else the session clock.
// State changes are logged under kt.kiwoom.* and emitted as stateChanged(state, detail).
// Threading: everything lives on the thread that created the session (the core's thread).
class KiwoomSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KiwoomSession)

public:
    struct Config
    {
        QString mode; // "demo" | "mock" | "live" (for logs)
        KiwoomEndpoints endpoints;
        Credentials credentials;
        RateLimiter::Config rate;
        TokenManager::Config token;
        RestClient::Config rest;
        RealtimeClient::Config realtime;
        ConditionSearch::Config conditions;
        // Demo mode: the simulator's virtual market time (SimHost::virtualClock()), by which reply
        // and realtime HHmmss fields are placed on a day; its always-open market runs sessions back
        // to back, so its date is not today's. nullptr = the session clock. Must outlive the session.
        const IClock *marketClock = nullptr;
        // A standalone simulator (`kiwoom-sim`, a replay): follow the market time it announces on
        // every REST reply (x-sim-time / x-sim-speed) instead of marketClock; until the first reply
        // the clock reads marketClock (or the session clock) and announcedClock()->isSet() is false.
        // Real Kiwoom sends no announcement: leave this off for mock/live (`--market-clock system`).
        bool useAnnouncedMarketClock = false;
        int wsReadyTimeoutMs = 15000;
        int startRetryInitialMs = 2000; // transient token failures while starting: 2 s doubling to 60 s
        // How long stop() waits for the replies to orders on the wire before it gives up on them
        // (they complete with OutcomeUnknown); 0 = do not wait.
        int orderDrainTimeoutMs = 10000;
        int stopTimeoutMs = 3000; // how long stop() waits for the revoke
    };

    enum class State
    {
        Stopped,
        Authenticating, // issuing the first token
        Connecting, // token ok, WebSocket logging in
        Ready, // REST and WebSocket up
        Degraded, // REST up, WebSocket reconnecting
        Stopping,
        Failed, // could not authenticate (see lastError)
    };
    Q_ENUM(State)

    // The session configuration for a mode: mode and URL overrides from the command line win over
    // Settings (broker/mode, broker/restUrl, broker/wsUrl); rate limits from Settings
    // (kiwoom/queriesPerSecond, kiwoom/ordersPerSecond). Demo mode needs the simulator's URLs as
    // overrides. Credentials are passed in (Settings never stores secrets).
    static Result<Config> configFor(const Settings &settings, const QString &modeOverride, const QString &restOverride,
        const QString &wsOverride, const Credentials &credentials);

    explicit KiwoomSession(const Config &config, const IClock &clock, QObject *parent = nullptr);
    ~KiwoomSession() override;

    void start();
    void stop();

    State state() const { return m_state; }
    const KiwoomError &lastError() const { return m_lastError; }
    const Config &config() const { return m_config; }
    // The longest stop() can take before stopped(): the order drain plus the revoke.
    int stopBoundMs() const { return std::max(0, m_config.orderDrainTimeoutMs) + m_config.stopTimeoutMs; }

    // "Now" for trading dates and sessions (see the class comment). Valid for the session's life.
    const IClock &marketClock() const;
    // The clock following the server's announced time; nullptr unless useAnnouncedMarketClock.
    const AnnouncedMarketClock *announcedClock() const { return m_announcedClock.get(); }

    TokenManager &tokens() { return *m_tokens; }
    RateLimiter &limiter() { return *m_limiter; }
    RestClient &rest() { return *m_rest; }
    RealtimeClient &realtime() { return *m_realtime; }
    ConditionSearch &conditions() { return *m_conditions; }
    // Lockstep runs (TradingCore::Options::lockstep): a REST call or a condition request starts
    // only from grantLockstep(), and only while gate() holds — the driver's "nothing else is
    // outstanding". The driver calls grantLockstep() once the engine has gone idle, so which
    // request goes next (the rate limiter's priority order over everything queued by then), and
    // when its answer comes, never depends on socket or timer timing: a grant the limiter's own
    // timer or a reply's arrival would have made mid-way through the engine's zero-timer work
    // could otherwise overtake a request queued a pass later. Empty = no gate.
    void setLockstepGate(std::function<bool()> gate);
    // Starts the next queued REST call (the limiter's order), else the next condition request, if
    // the gate allows; true when one started.
    bool grantLockstep();
    QNetworkAccessManager &network() { return *m_network; }

    static QString stateName(State state);

signals:
    void stateChanged(KiwoomSession::State state, const QString &detail);
    void ready();
    void failed(const KiwoomError &error);
    // The WebSocket is logged in again after the session had been ready without it (a drop, a dead
    // connection, or no login in time at start): reconcile what realtime may have missed. Comes
    // after stateChanged(Ready) and RealtimeClient::loggedIn().
    void realtimeRestored();
    void stopped();

private:
    void setState(State state, const QString &detail);
    void onTokenIssued();
    void onTokenFailed(const KiwoomError &error);
    void onLoggedIn();
    void markReady(bool degraded);
    void finishDrain();
    void closeAndRevoke();
    void finishStop();

    Config m_config;
    const IClock &m_clock;
    std::unique_ptr<AnnouncedMarketClock> m_announcedClock; // before the clients that read it
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<TokenManager> m_tokens;
    std::unique_ptr<RateLimiter> m_limiter;
    std::unique_ptr<RestClient> m_rest;
    std::unique_ptr<RealtimeClient> m_realtime;
    std::unique_ptr<ConditionSearch> m_conditions;

    State m_state = State::Stopped;
    KiwoomError m_lastError;
    bool m_readyEmitted = false;
    bool m_lockstepGrant = false; // inside grantLockstep()
    bool m_draining = false; // stop() waits for orders in flight
    int m_startAttempts = 0;
    QString m_wsLossReason; // why the WebSocket went down last (for the Degraded detail)
    QTimer m_retryTimer;
    QTimer m_wsReadyTimer;
    QTimer m_drainTimer;
    QTimer m_stopTimer;
};
