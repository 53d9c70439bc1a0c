// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiwoom/kiwoomsession.h"

#include "common/clock.h"
#include "common/settings.h"
#include "halfopenproxy.h"
#include "kiwoomfakeserver.h"
#include "kiwoomlogcapture.h"
#include "market/krx.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QtTest>

#include <optional>

using Response = KiwoomFakeServer::Response;
using Kind = KiwoomError::Kind;

namespace {

const Credentials CREDS { QStringLiteral("session-app-key-1234"), QStringLiteral("session-secret-key-5678") };
const Kiwoom::OrderRequest BUY { Side::Buy, Kiwoom::Exchange::Krx, QStringLiteral("005930"), 1, 70100,
    Kiwoom::TradeType::Limit, 0 };

QJsonObject ackBody(const char *orderNo)
{
    return QJsonObject { { QStringLiteral("ord_no"), QString::fromLatin1(orderNo) },
        { QStringLiteral("dmst_stex_tp"), QStringLiteral("KRX") } };
}

} // namespace

// The composition the app uses: start -> token -> websocket login -> ready; the demo wiring (list
// conditions, subscribe 0B, log ticks); stop -> wait for orders in flight -> revoke; failures while
// starting; a dead WebSocket -> Degraded -> Ready + realtimeRestored(); the announced market clock.
class TestKiwoomSession final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<KiwoomFakeServer> m_server;

    KiwoomSession::Config config() const
    {
        KiwoomSession::Config c;
        c.mode = QStringLiteral("demo");
        c.endpoints = KiwoomEndpoints { m_server->restUrl(), m_server->wsUrl() };
        c.credentials = CREDS;
        c.token.failureBackoffInitialMs = 20;
        c.realtime.backoffInitialMs = 50;
        c.startRetryInitialMs = 50;
        return c;
    }

private slots:
    void init()
    {
        m_server = std::make_unique<KiwoomFakeServer>();
        QVERIFY(m_server->listen());
        m_server->setConditions({ { QStringLiteral("0"), QStringLiteral("조건1") },
            { QStringLiteral("1"), QStringLiteral("조건2") }, { QStringLiteral("4"), QStringLiteral("급등주") } });
    }

    void cleanup() { m_server.reset(); }

    void demoWiringStartReadyStop()
    {
        KiwoomLogCapture capture;
        KiwoomSession session(config(), SystemClock::instance());
        QSignalSpy ready(&session, &KiwoomSession::ready);
        QSignalSpy states(&session, &KiwoomSession::stateChanged);
        QSignalSpy ticks(&session.realtime(), &RealtimeClient::tradeTickReceived);

        // What the app's demo wiring does once ready.
        int conditionCount = -1;
        connect(&session, &KiwoomSession::ready, this, [&] {
            session.conditions().listConditions(
                this, [&](const auto &r) { conditionCount = r.ok() ? int(r->size()) : -2; });
            session.realtime().subscribe(
                QStringLiteral("1"), { QStringLiteral("005930"), QStringLiteral("000660") }, { QStringLiteral("0B") });
        });
        session.start();
        QVERIFY(ready.wait(5000));
        QCOMPARE(session.state(), KiwoomSession::State::Ready);
        QCOMPARE(states.at(0).at(0).value<KiwoomSession::State>(), KiwoomSession::State::Authenticating);
        QCOMPARE(states.at(1).at(0).value<KiwoomSession::State>(), KiwoomSession::State::Connecting);
        QCOMPARE(states.at(2).at(0).value<KiwoomSession::State>(), KiwoomSession::State::Ready);
        QTRY_COMPARE(conditionCount, 3);
        QTRY_COMPARE(m_server->wsRequests(QStringLiteral("REG")).size(), 1);

        m_server->wsSend(QStringLiteral(
            R"({"trnm":"REAL","data":[{"type":"0B","name":"주식체결","item":"005930","values":{"20":"090001","10":"+70100","15":"+10"}}]})"));
        QVERIFY(ticks.wait(2000));

        // REST works through the same session.
        m_server->enqueue(QStringLiteral("ka10001"),
            Response::ok(QJsonObject { { QStringLiteral("stk_cd"), QStringLiteral("005930") },
                { QStringLiteral("cur_prc"), QStringLiteral("+70100") } }));
        bool restOk = false;
        session.rest().stockInfo(QStringLiteral("005930"), this, [&](const auto &r) { restOk = r.ok(); });
        QTRY_VERIFY(restOk);

        // The WebSocket drops: Degraded, then Ready again.
        m_server->wsDropAll();
        QTRY_COMPARE(session.state(), KiwoomSession::State::Degraded);
        QTRY_COMPARE(session.state(), KiwoomSession::State::Ready);
        QCOMPARE(ready.size(), 1); // ready() once per start

        QSignalSpy stopped(&session, &KiwoomSession::stopped);
        session.stop();
        QVERIFY(stopped.wait(5000));
        QCOMPARE(session.state(), KiwoomSession::State::Stopped);
        QCOMPARE(m_server->revokedTokens(), m_server->issuedTokens());
        QTRY_COMPARE(m_server->wsOpenCount(), 0);

        // The log tells the story, without secrets.
        for (const char *line : { "session authenticating: demo mode", "token issued (expires", "websocket logged in",
                 "session ready", "conditions: 3", "REG 0B for 005930,000660 (group 1)", "revoked", "session stopped" })
            QVERIFY2(capture.contains(QString::fromUtf8(line)), line);
        QStringList secrets = m_server->issuedTokens();
        secrets << CREDS.appKey << CREDS.secretKey;
        const QStringList leaks = capture.linesContainingAny(secrets);
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1Char('\n'))));
    }

    void badCredentialsFail()
    {
        m_server->setTokenIssueResponse(
            Response::error(3, QStringLiteral("인증에 실패했습니다[8001:App Key와 Secret Key 검증에 실패했습니다.]")));
        KiwoomSession session(config(), SystemClock::instance());
        QSignalSpy failed(&session, &KiwoomSession::failed);
        session.start();
        QVERIFY(failed.wait(5000));
        QCOMPARE(session.state(), KiwoomSession::State::Failed);
        QCOMPARE(failed.first().at(0).value<KiwoomError>().code, 8001);
        QCOMPARE(session.lastError().code, 8001);
        QTest::qWait(200);
        QCOMPARE(m_server->requestsTo("/oauth2/token").size(), 1); // a definite refusal is not retried
        QCOMPARE(m_server->wsConnectionCount(), 0);
    }

    void transientTokenFailureIsRetried()
    {
        m_server->setTokenIssueResponse(Response::raw("{}", 503));
        KiwoomSession session(config(), SystemClock::instance());
        QSignalSpy ready(&session, &KiwoomSession::ready);
        session.start();
        QTRY_VERIFY(m_server->requestsTo("/oauth2/token").size() >= 2);
        QCOMPARE(session.state(), KiwoomSession::State::Authenticating);
        m_server->clearTokenIssueResponse();
        QVERIFY(ready.wait(5000));
        QCOMPARE(session.state(), KiwoomSession::State::Ready);
    }

    void configFromSettings()
    {
        QTemporaryDir dir;
        Settings settings(dir.filePath(QStringLiteral("kt.ini")));
        QVERIFY(settings.setValue(QStringLiteral("kiwoom/queriesPerSecond"), 3).ok());
        QVERIFY(settings.setValue(QStringLiteral("kiwoom/ordersPerSecond"), 2).ok());

        // Default mode is demo: without the simulator's URLs there is nothing to connect to.
        QVERIFY(!KiwoomSession::configFor(settings, QString(), QString(), QString(), CREDS).ok());
        const auto demo = KiwoomSession::configFor(
            settings, QString(), m_server->restUrl().toString(), m_server->wsUrl().toString(), CREDS);
        QVERIFY(demo.ok());
        QCOMPARE(demo->mode, QStringLiteral("demo"));
        QCOMPARE(demo->endpoints.restBase, m_server->restUrl());
        QCOMPARE(demo->rate.queriesPerSecond, 3);
        QCOMPARE(demo->rate.ordersPerSecond, 2);

        QVERIFY(settings.setValue(QStringLiteral("broker/mode"), QStringLiteral("mock")).ok());
        const auto mock = KiwoomSession::configFor(settings, QString(), QString(), QString(), CREDS);
        QVERIFY(mock.ok());
        QCOMPARE(mock->endpoints.restBase, QUrl(QStringLiteral("https://mockapi.kiwoom.com")));
        // --mode live wins over Settings
        const auto live = KiwoomSession::configFor(settings, QStringLiteral("live"), QString(), QString(), CREDS);
        QCOMPARE(live->endpoints.wsUrl, QUrl(QStringLiteral("wss://api.kiwoom.com:10000/api/dostk/websocket")));
        // Credentials are required
        const auto none = KiwoomSession::configFor(settings, QString(), QString(), QString(), Credentials());
        QVERIFY(!none.ok());
        QCOMPARE(none.error().code, QStringLiteral("kiwoom.credentials"));
    }

    // Quitting with an order on the wire: stop() waits for its reply (the WebSocket and the token
    // stay up meanwhile), then closes and revokes.
    void stopWaitsForTheReplyToAnOrderInFlight()
    {
        KiwoomSession::Config c = config();
        c.orderDrainTimeoutMs = 5000;
        KiwoomSession session(c, SystemClock::instance());
        QSignalSpy ready(&session, &KiwoomSession::ready);
        session.start();
        QVERIFY(ready.wait(5000));
        m_server->enqueue(QStringLiteral("kt10000"), Response::ok(ackBody("0000301")).after(700));
        std::optional<KiwoomResult<Kiwoom::OrderAck>> ack;
        qsizetype revokedWhenCalledBack = -1;
        int wsOpenWhenCalledBack = -1;
        session.rest().placeOrder(BUY, this, [&](const KiwoomResult<Kiwoom::OrderAck> &r) {
            ack = r;
            revokedWhenCalledBack = m_server->revokedTokens().size();
            wsOpenWhenCalledBack = m_server->wsOpenCount();
        });
        QTRY_COMPARE(session.rest().ordersInFlight(), 1);

        QSignalSpy stopped(&session, &KiwoomSession::stopped);
        QElapsedTimer timer;
        timer.start();
        session.stop();
        QCOMPARE(session.state(), KiwoomSession::State::Stopping);
        QVERIFY(!ack.has_value());
        QVERIFY(stopped.wait(5000));
        QVERIFY(timer.elapsed() < 4000); // the reply ended the wait, not the bound
        QVERIFY(ack.has_value());
        QVERIFY2(ack->ok(), qPrintable(ack->ok() ? QString() : ack->error().describe()));
        QCOMPARE(ack->value().orderNo, QStringLiteral("0000301")); // delivered, not cancelled
        QCOMPARE(revokedWhenCalledBack, qsizetype(0)); // the token was revoked after the reply
        QCOMPARE(wsOpenWhenCalledBack, 1);
        QCOMPARE(m_server->revokedTokens(), m_server->issuedTokens());
        QCOMPARE(session.state(), KiwoomSession::State::Stopped);
    }

    // A reply that never comes: at the bound the order completes with OutcomeUnknown, then the
    // session stops.
    void stopGivesUpOnAnOrderAtTheBound()
    {
        KiwoomSession::Config c = config();
        c.orderDrainTimeoutMs = 400;
        KiwoomSession session(c, SystemClock::instance());
        QSignalSpy ready(&session, &KiwoomSession::ready);
        session.start();
        QVERIFY(ready.wait(5000));
        m_server->enqueue(QStringLiteral("kt10000"), Response::hang());
        std::optional<KiwoomResult<Kiwoom::OrderAck>> ack;
        session.rest().placeOrder(BUY, this, [&](const KiwoomResult<Kiwoom::OrderAck> &r) { ack = r; });
        QTRY_COMPARE(session.rest().ordersInFlight(), 1);

        QSignalSpy stopped(&session, &KiwoomSession::stopped);
        QElapsedTimer timer;
        timer.start();
        session.stop();
        QVERIFY(stopped.wait(5000));
        QVERIFY(timer.elapsed() >= 350);
        QVERIFY(ack.has_value());
        QCOMPARE(ack->error().kind, Kind::OutcomeUnknown);
        QVERIFY(ack->error().message.contains(QStringLiteral("session stopped")));
        QCOMPARE(session.rest().ordersInFlight(), 0);
        QCOMPARE(m_server->revokedTokens(), m_server->issuedTokens());
        QCOMPARE(m_server->requests(QStringLiteral("kt10000")).size(), 1);
    }

    void stopWithoutOrdersInFlightDoesNotWait()
    {
        KiwoomSession::Config c = config();
        c.orderDrainTimeoutMs = 10000;
        KiwoomSession session(c, SystemClock::instance());
        QSignalSpy ready(&session, &KiwoomSession::ready);
        session.start();
        QVERIFY(ready.wait(5000));
        QCOMPARE(session.stopBoundMs(), 10000 + c.stopTimeoutMs);
        QSignalSpy stopped(&session, &KiwoomSession::stopped);
        QElapsedTimer timer;
        timer.start();
        session.stop();
        QVERIFY(stopped.wait(5000));
        QVERIFY(timer.elapsed() < 3000);
    }

    void destroyingTheSessionMidOrderReportsOutcomeUnknown()
    {
        auto session = std::make_unique<KiwoomSession>(config(), SystemClock::instance());
        QSignalSpy ready(session.get(), &KiwoomSession::ready);
        session->start();
        QVERIFY(ready.wait(5000));
        m_server->enqueue(QStringLiteral("kt10000"), Response::hang());
        std::optional<KiwoomResult<Kiwoom::OrderAck>> ack;
        session->rest().placeOrder(BUY, this, [&](const KiwoomResult<Kiwoom::OrderAck> &r) { ack = r; });
        QTRY_COMPARE(session->rest().ordersInFlight(), 1);
        session.reset();
        QVERIFY(ack.has_value());
        QCOMPARE(ack->error().kind, Kind::OutcomeUnknown);
    }

    // A half-open WebSocket (the flow dies, nothing closes): the session shows Degraded while the
    // client reconnects, then Ready, and says realtime was restored so the engine reconciles.
    void deadWebSocketDegradesThenRestores()
    {
        HalfOpenProxy proxy(m_server->wsUrl().port());
        QVERIFY(proxy.listen());
        KiwoomSession::Config c = config();
        c.endpoints.wsUrl = proxy.via(m_server->wsUrl());
        c.realtime.idleTimeoutMs = 60000;
        c.realtime.pingIntervalMs = 100;
        c.realtime.pongTimeoutMs = 400;
        KiwoomSession session(c, SystemClock::instance());
        QSignalSpy ready(&session, &KiwoomSession::ready);
        session.start();
        QVERIFY(ready.wait(5000));
        QCOMPARE(session.state(), KiwoomSession::State::Ready);
        QTRY_VERIFY(session.realtime().stats().pongsReceived >= 1);

        QSignalSpy states(&session, &KiwoomSession::stateChanged);
        QSignalSpy restored(&session, &KiwoomSession::realtimeRestored);
        QSignalSpy loggedIn(&session.realtime(), &RealtimeClient::loggedIn);
        proxy.stallAll();
        QTRY_VERIFY_WITH_TIMEOUT(!states.isEmpty(), 10000);
        QCOMPARE(states.first().at(0).value<KiwoomSession::State>(), KiwoomSession::State::Degraded);
        QVERIFY2(states.first().at(1).toString().contains(QStringLiteral("connection dead")),
            qPrintable(states.first().at(1).toString()));
        QTRY_COMPARE_WITH_TIMEOUT(restored.size(), 1, 10000);
        QCOMPARE(session.state(), KiwoomSession::State::Ready);
        QCOMPARE(states.last().at(0).value<KiwoomSession::State>(), KiwoomSession::State::Ready);
        QCOMPARE(restored.size(), 1);
        QCOMPARE(loggedIn.size(), 1);
        QCOMPARE(loggedIn.first().at(0).toBool(), true);
        QCOMPARE(ready.size(), 1);
        QCOMPARE(proxy.connectionsAccepted(), 2);
    }

    // The market clock from a standalone simulator: a machine at 06:00 KST on a Sunday follows the
    // simulator's Monday 10:00 once a reply announced it; real Kiwoom's replies announce nothing.
    void announcedMarketClock()
    {
        const qint64 sunday = Krx::fromKst(QDate(2025, 3, 9), QTime(6, 0));
        const qint64 monday = Krx::fromKst(QDate(2025, 3, 10), QTime(10, 0));
        ManualClock wall(sunday);
        KiwoomSession::Config c = config();
        c.useAnnouncedMarketClock = true;
        KiwoomSession session(c, wall);
        QVERIFY(session.announcedClock());
        QVERIFY(!session.announcedClock()->isSet());
        QCOMPARE(session.marketClock().nowMs(), sunday); // unset: the session clock
        QSignalSpy ready(&session, &KiwoomSession::ready);
        session.start();
        QVERIFY(ready.wait(5000));

        // No header (real Kiwoom): still unset.
        m_server->enqueue(QStringLiteral("ka10001"),
            Response::ok(QJsonObject { { QStringLiteral("stk_cd"), QStringLiteral("005930") },
                { QStringLiteral("cur_prc"), QStringLiteral("+70100") } }));
        bool done = false;
        session.rest().stockInfo(QStringLiteral("005930"), this, [&](const auto &r) { done = r.ok(); });
        QTRY_VERIFY(done);
        QVERIFY(!session.announcedClock()->isSet());
        QVERIFY(!Krx::isContinuous(session.marketClock().nowMs()));

        // The simulator's header: the clock follows it (paused market: exactly).
        m_server->enqueue(QStringLiteral("ka10001"),
            Response::ok(QJsonObject { { QStringLiteral("stk_cd"), QStringLiteral("005930") },
                             { QStringLiteral("cur_prc"), QStringLiteral("+70100") } })
                .withHeader("x-sim-time", QByteArray::number(monday))
                .withHeader("x-sim-speed", "0"));
        done = false;
        session.rest().stockInfo(QStringLiteral("005930"), this, [&](const auto &r) { done = r.ok(); });
        QTRY_VERIFY(done);
        QVERIFY(session.announcedClock()->isSet());
        QCOMPARE(session.marketClock().nowMs(), monday);
        QVERIFY(Krx::isContinuous(session.marketClock().nowMs()));
        QCOMPARE(&session.marketClock(), static_cast<const IClock *>(session.announcedClock()));

        // Off (mock/live): no announced clock, the configured market clock or the session clock.
        KiwoomSession plain(config(), wall);
        QVERIFY(!plain.announcedClock());
        QCOMPARE(&plain.marketClock(), static_cast<const IClock *>(&wall));
        session.stop();
        QTRY_COMPARE(session.state(), KiwoomSession::State::Stopped);
    }

    void websocketDownStillGivesRest()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const quint16 port = closed.serverPort();
        closed.close();
        KiwoomSession::Config c = config();
        c.endpoints.wsUrl = QUrl(QStringLiteral("ws://127.0.0.1:%1/api/dostk/websocket").arg(port));
        c.wsReadyTimeoutMs = 300;
        KiwoomSession session(c, SystemClock::instance());
        QSignalSpy ready(&session, &KiwoomSession::ready);
        session.start();
        QVERIFY(ready.wait(5000));
        QCOMPARE(session.state(), KiwoomSession::State::Degraded);
        bool restOk = false;
        m_server->enqueue(QStringLiteral("ka00001"),
            Response::ok(QJsonObject { { QStringLiteral("acctNo"), QStringLiteral("0123456789") } }));
        session.rest().accountNumber(this, [&](const auto &r) { restOk = r.ok(); });
        QTRY_VERIFY(restOk);
        session.stop();
        QTRY_COMPARE(session.state(), KiwoomSession::State::Stopped);
    }
};

QTEST_GUILESS_MAIN(TestKiwoomSession)
#include "tst_kiwoomsession.moc"
