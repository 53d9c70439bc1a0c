// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/clock.h"
#include "common/credentials.h"
#include "common/result.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>

class ActivityLog;
class ControlServer;
class EventFeed;
class Database;
class KiwoomSession;
class MarketPulse;
class MarketRecorder;
class NewsService;
class QLockFile;
class QuoteBook;
class RecorderControl;
class SecretStore;
class Settings;
class SimHost;
class TradingEngine;

// TradingCore is the composition root: the one place that builds and wires every core service
// (settings, database, broker session, simulator in demo mode, and, as they arrive, the trading
// services, the control API). Everything else talks through signals and small interfaces.
//
// Paper mode (`--mode paper`): the broker is an in-process simulator (SimHost, SimConfig::paper)
// whose market is fed live by Kiwoom (Settings paper/feed: the mock or live host and its
// credentials; restUrl/wsUrl point it elsewhere, e.g. a kiwoom-sim in tests). The app's session
// connects to that simulator exactly as in demo mode, so the trading engine is unchanged and orders
// never leave the machine by construction: the simulator relays only allowlisted market-data TRs,
// realtime registrations and condition searches to the feed (SimPaperFeed) and fills orders in its
// own account (starting cash paper/initialCash, state in <dataDir>/paper/paper-state.json).
//
// Lifecycle: construct, start() (synchronous part: settings and database; a corrupt database or an
// unusable configuration fails here and nothing trades), then the asynchronous broker start-up
// reports through brokerStateChanged(); stop() shuts down in reverse order and emits stopped().
// Threading: lives on one thread (the main thread headless, a dedicated core thread in the GUI).
class TradingCore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TradingCore)

public:
    struct Options
    {
        QString dataDir; // required: logs live here, the database in <dataDir>/<mode>/
        QString configFile; // empty = Settings::defaultPath()
        QString mode; // demo | mock | live | paper; empty = Settings
        // Overrides of the broker endpoints (empty = from mode/Settings); in paper mode those of the
        // quote feed (the app itself talks to the paper simulator).
        QString restUrl;
        QString wsUrl;
        int simPort = 0; // demo: simulator port, 0 = any free port
        int controlPort = -1; // -1 = Settings
        // Builds the store of mock/live credentials on the core's thread (the desktop app passes the
        // system keychain); without it only the environment is consulted.
        std::function<SecretStore *(QObject *parent)> secretStoreFactory;
        const IClock *clock = nullptr; // nullptr = SystemClock
        // Services to start once reconciled ("monitoring", "strategy", "scalping", "stoploss",
        // "watchlist", or "all"), in addition to the autostart settings.
        QStringList startServices;
        // Conditions to enable for auto-trading once listed: "all" or names.
        QStringList enableConditions;
        // "sim": the market clock is the simulator's announced virtual time; "system": the KST wall
        // clock; empty: the in-process simulator's clock in demo mode, "sim" for loopback hosts,
        // "system" otherwise.
        QString marketClock;
        // Demo mode only: the built-in simulator plays this market recording (SimReplaySource)
        // instead of its random walk, between replayFrom and replayTo (KST HHMM, -1 = open-ended);
        // no simulator state file is kept (every replay starts with a fresh account).
        QString replayFile;
        int replayFrom = -1;
        int replayTo = -1;
        // Demo mode only: lockstep. The built-in simulator's clock stands still (speed 0, no
        // quotas) and only moves through simulator()->advanceClock(); the engine's periodic work
        // follows pulse() instead of the wall clock. A driver (ReplayBacktest) steps the market
        // and lets the engine settle after each step, so a run is the same however fast the
        // machine is. It also makes the process's QHash seed deterministic (QHashSeed), so
        // that every hash the engine walks is walked in the same order in every run.
        bool lockstep = false;
    };

    explicit TradingCore(Options options, QObject *parent = nullptr);
    ~TradingCore() override;

    Status start();
    void stop();
    bool isRunning() const { return m_running; }

    // Broker connection state for the status bar and the control API.
    enum class BrokerState
    {
        Offline, // not started, stopped, or failed
        Starting, // simulator / credentials / token / WebSocket
        Ready, // REST and realtime up
        Degraded, // REST up, realtime reconnecting
        Failed, // cannot connect (bad credentials, no simulator); see brokerDetail()
    };
    Q_ENUM(BrokerState)
    BrokerState brokerState() const { return m_brokerState; }
    QString brokerDetail() const { return m_brokerDetail; }
    KiwoomSession *session() { return m_session.get(); }
    // The trading engine (orders, positions, services, the command layer); null until the broker
    // session is ready, and after stop().
    TradingEngine *engine() { return m_engine.get(); }
    QuoteBook *quoteBook() { return m_quoteBook.get(); }
    // The local control API (null when control/enabled is off or it could not listen).
    ControlServer *controlServer() { return m_control.get(); }
    // <dataDir>/control-api-keys.json: the control API's keys, written once, owner-only.
    QString controlKeyFile() const;
    SimHost *simulator() { return m_sim.get(); }
    // Lockstep runs (Options::lockstep): the pulse the driver calls after each step; else null.
    MarketPulse *pulse() { return m_pulse.get(); }
    // The market recorder while record/enabled is on and a broker session exists (else null); it
    // follows the setting at run time. Files: recordingsDir() = <dataDir>/recordings.
    MarketRecorder *recorder() { return m_recorder.get(); }
    QString recordingsDir() const;
    // The Record toggle (RecorderControl): record/enabled, whether it records, the file and counters;
    // and the switch, as the control API's PUT /api/v1/recorder says it (audited with the actor).
    QJsonObject recorderStatus();
    Result<QJsonObject> setRecordEnabled(bool enabled, const QString &actor);
    // News and the discussion board (one Naver client and board reader for the whole app); exists
    // from start() to stop(). In demo mode it points at the simulator unless a URL is configured.
    NewsService *news() { return m_news.get(); }
    // The core's event stream for the UI and the control API's /events: exists for the core's
    // whole life (connect before start()), follows the engine across restarts.
    EventFeed *eventFeed() { return m_feed.get(); }

    // Credentials never travel unencrypted beyond this machine: a plain http:// or ws:// endpoint
    // is accepted only on a loopback host (the simulator, a local replayer).
    static Status checkTransportSecurity(const QString &restUrl, const QString &wsUrl);

    // The owner-only credentials file (next to the settings file) read after the keychain.
    QString credentialsFile() const;

    // Demo mode's keys, whatever the environment holds: they open nothing but a simulator.
    static Credentials demoCredentials();

    // Codes the app watches in realtime when the watchlist is empty (demo convenience).
    static QStringList defaultWatchCodes();

    QString mode() const { return m_mode; }
    QString databaseDir() const;
    Settings &settings() { return *m_settings; }
    ActivityLog &activity() { return *m_activity; }
    Database *database() { return m_database.get(); }
    const IClock &clock() const { return *m_clock; }
    // The market's time: the simulator's virtual clock in demo mode, else the real clock. Trading
    // dates, sessions and candle times are read from it; token expiry and timeouts use clock().
    const IClock &marketClock() const;

signals:
    void started();
    // The trading engine exists (the broker session is ready); it reconciles next.
    void engineCreated(TradingEngine *engine);
    void stopped();
    void brokerStateChanged(TradingCore::BrokerState state, const QString &detail);

private:
    void startBroker();
    SecretStore *makeSecretStore();
    void configureNews();
    void startSession(const Credentials &credentials, const QString &restUrl, const QString &wsUrl);
    void startPaperBroker(const Credentials &feedCredentials, const QString &feedMode);
    void onSessionReady();
    void startEngine();
    void startControlServer();
    void applyRecordSetting();
    RecorderControl recorderControl();
    bool usesAnnouncedClock(const QString &restUrl) const;
    double marketSpeed() const;
    void setBrokerState(BrokerState state, const QString &detail);
    QStringList watchCodes() const;

    Options m_options;
    const IClock *m_clock;
    ForwardingClock m_marketClock; // see marketClock()
    ManualClock m_lastMarketTime; // the market time at stop()
    QString m_mode;
    bool m_running = false;
    std::unique_ptr<EventFeed> m_feed;
    std::unique_ptr<QLockFile> m_lock; // held from start() to stop(): one instance per data dir + mode
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<ActivityLog> m_activity;
    std::unique_ptr<Database> m_database;
    SecretStore *m_secrets = nullptr; // child of this
    std::unique_ptr<SimHost> m_sim;
    std::unique_ptr<MarketPulse> m_pulse; // lockstep runs
    std::unique_ptr<NewsService> m_news;
    std::unique_ptr<MarketRecorder> m_recorder; // declared before m_session: outlives the taps
    std::unique_ptr<KiwoomSession> m_session;
    std::unique_ptr<QuoteBook> m_quoteBook;
    std::unique_ptr<TradingEngine> m_engine;
    std::unique_ptr<ControlServer> m_control;
    BrokerState m_brokerState = BrokerState::Offline;
    QString m_brokerDetail;
};
