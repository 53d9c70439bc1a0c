// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "simconfig.h"
#include "simtypes.h"
#include "simvirtualclock.h"

#include <QJsonObject>
#include <QObject>
#include <QUrl>

#include <functional>

class QThread;
class SimServer;

struct SimEndpoints
{
    QUrl restBaseUrl; // http://127.0.0.1:PORT
    QUrl webSocketUrl; // ws://127.0.0.1:PORT/api/dostk/websocket
    quint16 port = 0;
};

// SimHost runs one SimServer on a thread of its own, so the in-process demo simulator never shares
// the trading core's event loop (and a busy market never delays an order, nor the reverse).
// start() blocks until the server listens (or failed) and returns its URLs; stop() and the
// destructor shut the server down on its thread and join it. The conveniences below are
// thread-safe: they run on the simulator thread and block until done.
// Methods must be called from one (owning) thread, never from the simulator thread itself.
class SimHost final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimHost)

public:
    explicit SimHost(QObject *parent = nullptr);
    ~SimHost() override;

    Result<SimEndpoints> start(const SimConfig &config);
    void stop();
    bool isRunning() const { return m_server != nullptr; }
    SimEndpoints endpoints() const { return m_endpoints; }
    QUrl restBaseUrl() const { return m_endpoints.restBaseUrl; }
    QUrl webSocketUrl() const { return m_endpoints.webSocketUrl; }

    // The market's virtual time, from any thread; valid for the host's lifetime (it keeps the
    // last time after stop()). Demo mode hands it to KiwoomSession::Config::marketClock.
    const IClock &virtualClock() const { return m_virtualClock; }

    Status addFaults(const QString &spec);
    void advanceClock(qint64 virtualMs);
    void setSpeed(double speed);
    // SimServer::shock() / setDrift(): move a stock's price on purpose (sim.stopped when not running).
    Result<SimShock> shock(const QString &code, double percent);
    Status setDrift(const QString &code, double percentPerMinute, double minutes = 0);
    // SimServer::state(): virtual time, phase, sessions, account summary, faults (empty when stopped).
    QJsonObject state() const;
    // Runs fn with the server on the simulator thread and blocks until it returns (tests read the
    // market through it); not run when the simulator is stopped.
    void withServer(const std::function<void(SimServer &)> &fn);

    // Lockstep drivers (ReplayBacktest): sends every realtime entry the hub has queued, then reports
    // the market's virtual time, how many REAL entries the hub has sent in all (a client that has
    // read as many has seen everything) and whether a replay has played its last event.
    struct LockstepState
    {
        qint64 nowMs = 0;
        quint64 realtimeEntriesSent = 0;
        bool replayFinished = false;
    };
    LockstepState lockstepState();

private:
    QThread *m_thread = nullptr;
    QObject *m_anchor = nullptr; // lives on m_thread; the target of blocking invocations
    SimServer *m_server = nullptr;
    SimVirtualClock m_virtualClock;
    SimEndpoints m_endpoints;
};
