// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/clock.h"
#include "kiwoom/kiwoomsession.h"
#include "sim/simconfig.h"
#include "sim/simtypes.h"

#include <QEventLoop>
#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

class SimServer;

// ClientSimFixture: the app's Kiwoom client (KiwoomSession: TokenManager, RateLimiter, RestClient,
// RealtimeClient, ConditionSearch) against the built-in simulator (SimServer) over loopback, the
// integration rig of issue #3. Both sides keep their own protocol code; this class only wires URLs
// and credentials and gives tests a few synchronous conveniences.
//
//  * The SimServer runs on the calling thread, bound to 127.0.0.1:0, with a paused market (speed 0):
//    only advance() moves the virtual market clock. The simulator's real-time source (token
//    lifetime, quotas, PING) stays the system clock, so quotas behave as they would live.
//  * The client reads its time from a ManualClock that advance() keeps equal to the simulator's
//    virtual time, so HHmmss fields land on the simulated trading day (or, for token lifetime
//    tests, one ManualClock is both sides' real time: Options::shareClockWithSim).
//  * The client's quotas equal the simulator's (Options::queriesPerSecond / ordersPerSecond), so a
//    well-behaved client never sees 1700.
//  * await<T>() runs the event loop until a callback arrives; the context object it passes dies
//    when await returns, so a late callback is dropped by the client instead of touching the stack.
// Single thread; not copyable.
class ClientSimFixture final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClientSimFixture)

public:
    struct Options
    {
        SimConfig sim; // defaults: ClientSimFixture::defaultSimConfig()
        KiwoomSession::Config client; // defaults: ClientSimFixture::defaultClientConfig(); URLs/keys filled in
        int queriesPerSecond = 50; // per api-id, both sides
        int ordersPerSecond = 20; // per api-id, both sides
        bool startSession = true; // start the session and wait for ready()
        // Token lifetime tests: the simulator's real-time source (token expiry, quotas, PINGs) is
        // the client's ManualClock, started at the wall-clock time and moved by advanceSharedClock()
        // only; it no longer follows the market. Quotas must then be off (0): the clock stands still.
        bool shareClockWithSim = false;
        // The WebSocket URL the client uses, from the simulator's (e.g. a HalfOpenProxy in front of
        // it); empty = the simulator's own.
        std::function<QUrl(const QUrl &simWsUrl)> wsUrlVia;
        Options();
    };

    // Paused market at Monday 2025-03-10 10:00 KST, a short history, fast reconnects.
    static SimConfig defaultSimConfig(quint64 seed = 42);
    static KiwoomSession::Config defaultClientConfig();

    explicit ClientSimFixture(QObject *parent = nullptr);
    ~ClientSimFixture() override;

    // Starts the simulator and (unless told not to) the session; false with error() on failure.
    bool start(const Options &options = Options());
    void stop();
    QString error() const { return m_error; }

    SimServer &server() { return *m_server; }
    KiwoomSession &session() { return *m_session; }
    RestClient &rest() { return m_session->rest(); }
    RealtimeClient &realtime() { return m_session->realtime(); }
    ConditionSearch &conditions() { return m_session->conditions(); }
    ManualClock &clientClock() { return m_clientClock; }
    const Options &options() const { return m_options; }

    // Steps the simulated market by virtualMs and moves the client clock along (unless shared).
    void advance(qint64 virtualMs);
    // Moves the clock shared by client and simulator (Options::shareClockWithSim).
    void advanceSharedClock(qint64 ms) { m_clientClock.advanceMs(ms); }
    qint64 virtualNowMs() const;
    void syncClientClock();

    // The simulated universe.
    int stockCount() const;
    QString code(int index) const;
    int indexOf(const QString &code) const;
    SimQuote quote(const QString &code) const;
    // A liquid stock priced between minPrice and maxPrice (the first in universe order); "" if none.
    QString stockPricedBetween(qint64 minPrice, qint64 maxPrice) const;

    // The simulator's /_sim/state equivalent (in process).
    QJsonObject simState() const;
    // REST requests the simulator has served so far (all of them / of one api-id).
    qint64 simRequests() const;
    qint64 simRequests(const QString &apiId) const;
    // Quota rejections the simulator sent (1700 + 1701, not fault-injected ones).
    qint64 simQuotaRejections() const;
    // (type, item) registrations / realtime conditions the simulator holds for WebSocket sessions.
    int simRegistrations() const;
    int simRealtimeConditions() const;
    // Runs the event loop until the simulator holds exactly n registrations (REG processed).
    bool waitForSimRegistrations(int n, int timeoutMs = 10000);

    // Runs the event loop until fn's callback fired (or timeoutMs passed: Cancelled error).
    template<typename T>
    static KiwoomResult<T> await(
        const std::function<void(QObject *, std::function<void(const KiwoomResult<T> &)>)> &fn, int timeoutMs = 20000)
    {
        std::optional<KiwoomResult<T>> result;
        {
            // A local event loop, not QTest::qWaitFor: that one sleeps 10 ms between polls, which
            // would add tens of milliseconds to every call (the client needs several loop passes).
            QObject context;
            QEventLoop loop;
            fn(&context, [&result, &loop](const KiwoomResult<T> &r) {
                result = r;
                loop.quit();
            });
            if (!result) {
                QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
                loop.exec();
            }
        }
        if (!result) {
            return KiwoomError::make(KiwoomError::Kind::Cancelled, QStringLiteral("test"),
                QStringLiteral("no callback within %1 ms").arg(timeoutMs));
        }
        return *result;
    }

private:
    Options m_options;
    ManualClock m_clientClock;
    std::unique_ptr<SimServer> m_server;
    std::unique_ptr<KiwoomSession> m_session;
    QString m_error;
};

// Printable description of a failed result, for QVERIFY2.
template<typename T> QByteArray describe(const KiwoomResult<T> &r)
{
    return r ? QByteArray("ok") : r.error().describe().toUtf8();
}
