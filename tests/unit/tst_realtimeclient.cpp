// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiwoom/realtimeclient.h"

#include "common/clock.h"
#include "halfopenproxy.h"
#include "kiwoom/tokenmanager.h"
#include "kiwoomfakeserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QtTest>

using namespace Kiwoom;

namespace {

const Credentials CREDS { QStringLiteral("ws-test-app-key"), QStringLiteral("ws-test-secret-key") };

QJsonObject obj(const QString &json)
{
    return QJsonDocument::fromJson(json.toUtf8()).object();
}

} // namespace

// RealtimeClient against the scripted fake server: session order (LOGIN, ack, then REG), PING
// echo, REAL parsing, SYSTEM frames, malformed frames, drop -> reconnect -> registrations restored,
// and dead (half-open) connections found by the idle watchdog and by WebSocket pings (through a
// HalfOpenProxy that makes the flow go silent without closing it).
class TestRealtimeClient final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<KiwoomFakeServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<TokenManager> m_tokens;
    std::unique_ptr<RealtimeClient> m_ws;

    void startAndWaitForLogin()
    {
        QSignalSpy loggedIn(m_ws.get(), &RealtimeClient::loggedIn);
        m_ws->start();
        QVERIFY(loggedIn.wait(5000));
    }

    // A client connected to the fake server through proxy (the one of init() connects directly).
    std::unique_ptr<RealtimeClient> clientVia(const HalfOpenProxy &proxy, const RealtimeClient::Config &config)
    {
        auto client
            = std::make_unique<RealtimeClient>(*m_tokens, proxy.via(m_server->wsUrl()), SystemClock::instance());
        client->setConfig(config);
        return client;
    }

    static RealtimeClient::Config livenessConfig(int idleMs, int pingMs, int pongMs)
    {
        RealtimeClient::Config config;
        config.backoffInitialMs = 50;
        config.backoffMaxMs = 200;
        config.loginTimeoutMs = 3000;
        config.idleTimeoutMs = idleMs;
        config.pingIntervalMs = pingMs;
        config.pongTimeoutMs = pongMs;
        return config;
    }

    QList<KiwoomFakeServer::WsFrame> framesOf(int connection) const
    {
        QList<KiwoomFakeServer::WsFrame> out;
        for (const auto &f : m_server->wsFrames()) {
            if (f.connection == connection)
                out << f;
        }
        return out;
    }

private slots:
    void init()
    {
        m_server = std::make_unique<KiwoomFakeServer>();
        QVERIFY(m_server->listen());
        m_network = std::make_unique<QNetworkAccessManager>();
        m_tokens = std::make_unique<TokenManager>(
            *m_network, KiwoomEndpoints { m_server->restUrl(), m_server->wsUrl() }, CREDS, SystemClock::instance());
        m_ws = std::make_unique<RealtimeClient>(*m_tokens, m_server->wsUrl(), SystemClock::instance());
        RealtimeClient::Config config;
        config.backoffInitialMs = 50;
        config.backoffMaxMs = 200;
        config.loginTimeoutMs = 3000;
        m_ws->setConfig(config);
    }

    void cleanup()
    {
        m_ws.reset();
        m_tokens.reset();
        m_network.reset();
        m_server.reset();
    }

    void loginFirstThenRegistrations()
    {
        m_server->setLoginAckDelayMs(300);
        m_ws->subscribe(QStringLiteral("1"), { QStringLiteral("005930"), QStringLiteral("000660") },
            { QStringLiteral("0B"), QStringLiteral("0D") });
        QSignalSpy states(m_ws.get(), &RealtimeClient::stateChanged);
        startAndWaitForLogin();
        QVERIFY(m_ws->isLoggedIn());
        QCOMPARE(states.first().at(0).value<RealtimeClient::State>(), RealtimeClient::State::Connecting);

        QTRY_COMPARE(m_server->wsRequests(QStringLiteral("REG")).size(), 1);
        const auto frames = framesOf(1);
        // LOGIN with the raw token (no "Bearer"), first and alone until the ack.
        QCOMPARE(obj(frames.first().text),
            (QJsonObject {
                { QStringLiteral("trnm"), QStringLiteral("LOGIN") }, { QStringLiteral("token"), m_tokens->token() } }));
        for (const auto &f : frames) {
            if (f.beforeLoginAck)
                QCOMPARE(obj(f.text).value(QStringLiteral("trnm")).toString(), QStringLiteral("LOGIN"));
        }
        QCOMPARE(m_server->earlyRequests(), 0);
        QCOMPARE(m_server->wsRequests(QStringLiteral("REG")).first(),
            obj(QStringLiteral(
                R"({"trnm":"REG","grp_no":"1","refresh":"1","data":[{"item":["000660","005930"],"type":["0B","0D"]}]})")));

        // Registered while logged in: sent at once, in the document's shape.
        m_ws->subscribe(QStringLiteral("2"), { QStringLiteral("005930"), QStringLiteral("000660") },
            { QStringLiteral("0B"), QStringLiteral("0D") }, false);
        QTRY_COMPARE(m_server->wsRequests(QStringLiteral("REG")).size(), 2);
        QCOMPARE(m_server->wsRequests(QStringLiteral("REG")).last(),
            obj(QStringLiteral(
                R"({"trnm":"REG","grp_no":"2","refresh":"0","data":[{"item":["005930","000660"],"type":["0B","0D"]}]})")));
        QCOMPARE(m_ws->subscriptions().size(), 4);
    }

    void pingIsEchoedIdenticallyEvenBeforeTheAck()
    {
        m_server->setLoginAckDelayMs(400);
        const QString ping = QStringLiteral(R"({"trnm":"PING"})");
        const QString oddPing = QStringLiteral(R"({ "trnm" : "PING", "seq":"17",   "t":"165208" })");
        connect(m_server.get(), &KiwoomFakeServer::wsFrameReceived, this, [&](int connection, const QString &text) {
            if (obj(text).value(QStringLiteral("trnm")).toString() == u"LOGIN") {
                m_server->wsSend(ping, connection);
                m_server->wsSend(oddPing, connection);
            }
        });
        startAndWaitForLogin();
        QTRY_COMPARE(m_server->wsRequests(QStringLiteral("PING")).size(), 2);
        const auto frames = framesOf(1);
        QStringList echoes;
        for (const auto &f : frames) {
            if (f.text.contains(u"PING")) {
                echoes << f.text;
                QVERIFY(f.beforeLoginAck);
            }
        }
        QCOMPARE(echoes, (QStringList { ping, oddPing })); // byte for byte, not re-serialized
        m_server->wsSend(ping);
        QTRY_COMPARE(m_server->wsRequests(QStringLiteral("PING")).size(), 3);
        QCOMPARE(m_ws->stats().pingsEchoed, quint64(3));
        QVERIFY(m_server->wsTexts().filter(QStringLiteral("PONG")).isEmpty());
    }

    void realFramesBecomeTypedEvents()
    {
        startAndWaitForLogin();
        QSignalSpy ticks(m_ws.get(), &RealtimeClient::tradeTickReceived);
        QSignalSpy books(m_ws.get(), &RealtimeClient::orderBookReceived);
        QSignalSpy executions(m_ws.get(), &RealtimeClient::orderExecutionReceived);
        QSignalSpy balances(m_ws.get(), &RealtimeClient::balanceReceived);
        QSignalSpy hits(m_ws.get(), &RealtimeClient::conditionHitReceived);
        QSignalSpy others(m_ws.get(), &RealtimeClient::otherRealtimeReceived);
        QSignalSpy vis(m_ws.get(), &RealtimeClient::viReceived);
        QSignalSpy status(m_ws.get(), &RealtimeClient::marketStatusReceived);
        m_server->wsSend(QStringLiteral(R"({"data":[
            {"type":"0B","name":"주식체결","item":"005930","values":{"20":"165208","10":"-20800","11":"-50","12":"-0.24","15":"+82","13":"30379732","25":"5"}},
            {"type":"0B","name":"주식체결","item":"000660","values":{"20":"165209","10":"+120000","15":"-3"}},
            {"type":"0D","name":"주식호가잔량","item":"005930","values":{"21":"165209","41":"-20800","61":"82","51":"-20700","71":"23847"}}],"trnm":"REAL"})"));
        m_server->wsSend(QStringLiteral(R"({"trnm":"REAL","data":[
            {"type":"00","name":"주문체결","item":"","values":{"9201":"1234567890","9203":"0000138","9001":"A005930","913":"접수","900":"1","901":"70100","902":"1","907":"2"}},
            {"type":"04","name":"잔고","item":"","values":{"9001":"005930","930":"102","931":"154116","933":"102","10":"-20800"}},
            {"type":"02","name":"조건검색","item":"005930","values":{"841":"4","9001":"005930","843":"I","20":"152028","907":"2"}},
            {"type":"1h","name":"VI발동/해제","item":"005930","values":{"9001":"005930","1221":"+77000"}},
            {"type":"0s","name":"장시작시간","item":"","values":{"215":"3","20":"090000"}},
            {"type":"0C","name":"주식우선호가","item":"005930","values":{"27":"-20800","28":"-20700"}}]})"));
        QTRY_COMPARE(others.size(), 1);
        QCOMPARE(ticks.size(), 2);
        QCOMPARE(books.size(), 1);
        QCOMPARE(executions.size(), 1);
        QCOMPARE(balances.size(), 1);
        QCOMPARE(hits.size(), 1);
        QCOMPARE(vis.size(), 1);
        QCOMPARE(status.size(), 1);
        const auto first = ticks.at(0).at(0).value<TradeTick>();
        const auto second = ticks.at(1).at(0).value<TradeTick>();
        QCOMPARE(first.price, qint64(20800));
        QCOMPARE(first.direction, Direction::Down);
        QCOMPARE(first.code, QStringLiteral("005930"));
        QCOMPARE(second.aggressor, std::optional<Side>(Side::Sell));
        QVERIFY(second.meta.seq > first.meta.seq);
        QCOMPARE(executions.first().at(0).value<OrderExecution>().code, QStringLiteral("005930"));
        QCOMPARE(hits.first().at(0).value<ConditionHit>().conditionSeq, QStringLiteral("4"));
        QCOMPARE(m_ws->stats().realEntries, quint64(9));
    }

    // Issue 8: a fill notice with an unreadable optional FID was dropped as a malformed entry. It
    // is delivered now, flagged, and counted as incomplete (not as malformed).
    void incompleteOrderNoticesAreDeliveredAndCounted()
    {
        startAndWaitForLogin();
        QSignalSpy executions(m_ws.get(), &RealtimeClient::orderExecutionReceived);
        QSignalSpy balances(m_ws.get(), &RealtimeClient::balanceReceived);
        QSignalSpy malformed(m_ws.get(), &RealtimeClient::malformedFrameReceived);
        m_server->wsSend(QStringLiteral(R"({"trnm":"REAL","data":[
            {"type":"00","name":"주문체결","item":"","values":{"9201":"1234567890","9203":"0000138","9001":"A005930","913":"체결",
             "900":"10","902":"4","907":"2","908":"090512","909":"00012","910":"1,2","911":"6","938":"abc","939":"0"}}]})"));
        // The same kinds of damage on the JSON path (a number where a string belongs), a notice
        // without an order number, and a balance line that cannot be opened.
        m_server->wsSend(QStringLiteral(R"({"trnm":"REAL","data":[
            {"type":"00","item":"","values":{"9203":"0000139","913":"체결","909":"00013","910":70100,"911":"1"}},
            {"type":"00","item":"","values":{"913":"체결","909":"00014","911":"1"}},
            {"type":"04","item":"","values":"?"}]})"));
        QTRY_COMPARE(balances.size(), 1);
        QCOMPARE(executions.size(), 3);
        const auto first = executions.at(0).at(0).value<OrderExecution>();
        QCOMPARE(first.orderNo, QStringLiteral("0000138"));
        QCOMPARE(first.fillNo, QStringLiteral("00012"));
        QCOMPARE(first.fillQty, qint64(6));
        QVERIFY(!first.complete());
        QCOMPARE(first.unreadableFields, (QStringList { QStringLiteral("910"), QStringLiteral("938") }));
        const auto second = executions.at(1).at(0).value<OrderExecution>();
        QCOMPARE(second.orderNo, QStringLiteral("0000139"));
        QCOMPARE(second.unreadableFields, QStringList { QStringLiteral("910") });
        const auto third = executions.at(2).at(0).value<OrderExecution>();
        QVERIFY(!third.identified());
        QCOMPARE(third.unreadableFields, QStringList { QStringLiteral("9203") });
        QVERIFY(third.meta.seq > second.meta.seq && second.meta.seq > first.meta.seq);
        QVERIFY(!balances.first().at(0).value<BalanceUpdate>().complete());
        QCOMPARE(m_ws->stats().incompleteEntries, quint64(4));
        QCOMPARE(m_ws->stats().realEntries, quint64(4));
        QCOMPARE(m_ws->stats().malformedFrames, quint64(0));
        QVERIFY(malformed.isEmpty());
    }

    void malformedFramesAreCountedNotFatal()
    {
        startAndWaitForLogin();
        QSignalSpy malformed(m_ws.get(), &RealtimeClient::malformedFrameReceived);
        QSignalSpy ticks(m_ws.get(), &RealtimeClient::tradeTickReceived);
        m_server->wsSend(QStringLiteral("garbage {"));
        m_server->wsSend(QStringLiteral("[1,2,3]"));
        m_server->wsSend(QStringLiteral(R"({"no":"trnm"})"));
        m_server->wsSend(
            QStringLiteral(R"({"trnm":"REAL","data":[{"type":"0B","item":"005930","values":{"20":"090000","10":"12a"}},
                                                               {"type":"0B","item":"005930","values":{"20":"090001","10":"+70100"}}]})"));
        QTRY_COMPARE(ticks.size(), 1);
        QCOMPARE(malformed.size(), 4);
        QCOMPARE(m_ws->stats().malformedFrames, quint64(4));
        QVERIFY(m_ws->isLoggedIn());
        QCOMPARE(m_server->wsConnectionCount(), 1);
    }

    void systemFrames()
    {
        startAndWaitForLogin();
        QSignalSpy system(m_ws.get(), &RealtimeClient::systemMessage);
        m_server->wsSend(QStringLiteral(
            R"({"trnm":"SYSTEM","code":"R10004","message":"접속허용요청(토큰)이 들어오지 않았습니다"})"));
        QVERIFY(system.wait(2000));
        QCOMPARE(system.first().at(0).toString(), QStringLiteral("R10004"));
        QVERIFY(m_ws->isLoggedIn());

        // R10001: another connection with the same app key took over. Reconnecting would evict it.
        m_server->wsSend(
            QStringLiteral(R"({"trnm":"SYSTEM","code":"R10001","message":"동일한 App key로 접속이 되었습니다"})"));
        QVERIFY(system.wait(2000));
        m_server->wsDropAll();
        QTRY_COMPARE(m_ws->state(), RealtimeClient::State::Stopped);
        QTest::qWait(300);
        QCOMPARE(m_server->wsConnectionCount(), 1);
    }

    void dropReconnectRestoresEveryRegistration()
    {
        m_ws->subscribe(
            QStringLiteral("1"), { QStringLiteral("005930"), QStringLiteral("000660") }, { QStringLiteral("0B") });
        m_ws->subscribe(QStringLiteral("1"), { QStringLiteral("005930") }, { QStringLiteral("0D") });
        m_ws->subscribe(QStringLiteral("9"), { QString() }, { QStringLiteral("00"), QStringLiteral("04") });
        startAndWaitForLogin();
        QTRY_COMPARE(m_server->wsRequests(QStringLiteral("REG"), 1).size(), 3);
        const QList<QJsonObject> before = m_server->wsRequests(QStringLiteral("REG"), 1);

        QSignalSpy lost(m_ws.get(), &RealtimeClient::connectionLost);
        QSignalSpy loggedIn(m_ws.get(), &RealtimeClient::loggedIn);
        m_server->wsDropAll();
        QVERIFY(loggedIn.wait(5000));
        QCOMPARE(loggedIn.first().at(0).toBool(), true); // reconnected
        QCOMPARE(lost.size(), 1);
        QCOMPARE(m_ws->stats().reconnects, quint64(1));
        QCOMPARE(m_server->wsConnectionCount(), 2);
        QTRY_COMPARE(m_server->wsRequests(QStringLiteral("REG"), 2).size(), 3);
        const auto frames = framesOf(2);
        QCOMPARE(obj(frames.first().text).value(QStringLiteral("trnm")).toString(), QStringLiteral("LOGIN"));
        QCOMPARE(m_server->wsRequests(QStringLiteral("REG"), 2), before);
        QVERIFY(before.contains(obj(
            QStringLiteral(R"({"trnm":"REG","grp_no":"9","refresh":"1","data":[{"item":[""],"type":["00","04"]}]})"))));
        QVERIFY(before.contains(obj(QStringLiteral(
            R"({"trnm":"REG","grp_no":"1","refresh":"1","data":[{"item":["000660"],"type":["0B"]}]})"))));
        QVERIFY(before.contains(obj(QStringLiteral(
            R"({"trnm":"REG","grp_no":"1","refresh":"1","data":[{"item":["005930"],"type":["0B","0D"]}]})"))));
        QCOMPARE(m_server->earlyRequests(), 0);

        // And the feed flows again.
        QSignalSpy ticks(m_ws.get(), &RealtimeClient::tradeTickReceived);
        m_server->wsSend(QStringLiteral(
            R"({"trnm":"REAL","data":[{"type":"0B","item":"005930","values":{"20":"090001","10":"+70100"}}]})"));
        QVERIFY(ticks.wait(2000));
    }

    void reconnectsWithBackoffWhileTheServerIsGone()
    {
        startAndWaitForLogin();
        QSignalSpy states(m_ws.get(), &RealtimeClient::stateChanged);
        m_server->wsDropAll();
        QTRY_VERIFY(m_server->wsConnectionCount() >= 2);
        QTRY_VERIFY(m_ws->isLoggedIn());
        bool waited = false;
        for (const auto &s : states)
            waited = waited || s.at(0).value<RealtimeClient::State>() == RealtimeClient::State::WaitingToReconnect;
        QVERIFY(waited);
    }

    void loginRejectedForATokenReissuesAndRetries()
    {
        QVERIFY(QTest::qWaitFor(
            [&] {
                m_tokens->ensureToken();
                return m_tokens->hasUsableToken();
            },
            5000));
        m_server->invalidateAllTokens(); // the token dies before the socket logs in
        QSignalSpy failed(m_ws.get(), &RealtimeClient::loginFailed);
        startAndWaitForLogin();
        QCOMPARE(failed.size(), 1);
        const auto e = failed.first().at(0).value<KiwoomError>();
        QCOMPARE(e.code, 8005);
        QCOMPARE(e.returnCode, 805004);
        QCOMPARE(m_server->issuedTokens().size(), 2);
        QCOMPARE(m_server->wsConnectionCount(), 2);
        QCOMPARE(
            obj(framesOf(2).first().text).value(QStringLiteral("token")).toString(), m_server->issuedTokens().last());
    }

    // A return_code beyond int is not 0 (QJsonValue::toInt() would make it 0, i.e. success): the
    // LOGIN counts as failed and the client tries again; a REG ack like it is a refusal.
    void outOfRangeReturnCodesAreNotSuccess()
    {
        int logins = 0;
        m_server->setWsHandler([&](int, const QJsonObject &frame) -> QStringList {
            const QString trnm = frame.value(QStringLiteral("trnm")).toString();
            if (trnm == u"LOGIN" && ++logins == 1)
                return { QStringLiteral(R"({"trnm":"LOGIN","return_code":4294967296,"return_msg":""})") };
            if (trnm == u"REG")
                return { QStringLiteral(R"({"trnm":"REG","return_code":1e10,"return_msg":""})") };
            return {};
        });
        QSignalSpy failed(m_ws.get(), &RealtimeClient::loginFailed);
        startAndWaitForLogin();
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().at(0).value<KiwoomError>().kind, KiwoomError::Kind::Parse);
        QCOMPARE(logins, 2);

        QSignalSpy refused(m_ws.get(), &RealtimeClient::registrationFailed);
        m_ws->subscribe(QStringLiteral("1"), { QStringLiteral("005930") }, { QStringLiteral("0B") });
        QVERIFY(refused.wait(2000));
        QCOMPARE(refused.first().at(1).toInt(), -1);
        QVERIFY(m_ws->subscriptions().isEmpty());
    }

    void refusedRegistrationLeavesTheRegistry()
    {
        startAndWaitForLogin();
        m_server->setRejectNextRegs(1);
        QSignalSpy failed(m_ws.get(), &RealtimeClient::registrationFailed);
        m_ws->subscribe(QStringLiteral("3"), { QStringLiteral("005930") }, { QStringLiteral("0B") });
        QVERIFY(failed.wait(2000));
        QCOMPARE(failed.first().at(0).toString(), QStringLiteral("3"));
        QCOMPARE(failed.first().at(1).toInt(), 1);
        QVERIFY(m_ws->subscriptions().isEmpty());
    }

    void registrationTooEarlyIsResent()
    {
        int regs = 0;
        m_server->setWsHandler([&](int, const QJsonObject &frame) -> QStringList {
            if (frame.value(QStringLiteral("trnm")).toString() == u"REG" && ++regs == 1)
                return { QStringLiteral(R"({"trnm":"REG","return_code":100013,"return_msg":"로그인 전 요청입니다"})") };
            return {};
        });
        startAndWaitForLogin();
        QSignalSpy failed(m_ws.get(), &RealtimeClient::registrationFailed);
        m_ws->subscribe(QStringLiteral("1"), { QStringLiteral("005930") }, { QStringLiteral("0B") });
        QTRY_COMPARE_WITH_TIMEOUT(m_server->wsRequests(QStringLiteral("REG")).size(), 2, 3000);
        QCOMPARE(failed.size(), 0);
        QCOMPARE(m_ws->subscriptions().size(), 1);
    }

    void unsubscribeSendsRemove()
    {
        m_ws->subscribe(
            QStringLiteral("1"), { QStringLiteral("005930"), QStringLiteral("000660") }, { QStringLiteral("0B") });
        startAndWaitForLogin();
        m_ws->unsubscribe(QStringLiteral("1"), { QStringLiteral("005930") }, { QStringLiteral("0B") });
        QTRY_COMPARE(m_server->wsRequests(QStringLiteral("REMOVE")).size(), 1);
        QCOMPARE(m_server->wsRequests(QStringLiteral("REMOVE")).first(),
            obj(QStringLiteral(R"({"trnm":"REMOVE","grp_no":"1","data":[{"item":["005930"],"type":["0B"]}]})")));
        QCOMPARE(m_ws->subscriptions().size(), 1);
        QCOMPARE(m_ws->subscriptions().first().item, QStringLiteral("000660"));
    }

    void loginTimeoutReconnects()
    {
        m_server->setLoginAckDelayMs(5000);
        RealtimeClient::Config config = m_ws->config();
        config.loginTimeoutMs = 200;
        m_ws->setConfig(config);
        m_ws->start();
        QTRY_VERIFY(m_server->wsConnectionCount() >= 2);
        m_server->setLoginAckDelayMs(0);
        QTRY_VERIFY_WITH_TIMEOUT(m_ws->isLoggedIn(), 5000);
    }

    void idleWatchdog()
    {
        RealtimeClient::Config config = m_ws->config();
        config.idleTimeoutMs = 300;
        m_ws->setConfig(config);
        startAndWaitForLogin();
        QTRY_VERIFY_WITH_TIMEOUT(m_server->wsConnectionCount() >= 2, 3000);
    }

    void livenessDefaults()
    {
        // Issue 8: the watchdog used to default to 0 (off) and nothing pinged, so a dead flow was
        // never noticed. Defaults: 3 × the simulator's 10 s PING interval, pings every 10 s.
        const RealtimeClient::Config defaults;
        QCOMPARE(defaults.idleTimeoutMs, 30000);
        QCOMPARE(defaults.pingIntervalMs, 10000);
        QCOMPARE(defaults.pongTimeoutMs, 10000);
    }

    // The server accepts the LOGIN and then goes silent (no frames, no pongs, no close): a missing
    // pong finds it long before the idle watchdog would, and the client logs in again.
    void deadFlowIsFoundByAMissingPong()
    {
        HalfOpenProxy proxy(m_server->wsUrl().port());
        QVERIFY(proxy.listen());
        auto ws = clientVia(proxy, livenessConfig(60000, 100, 300));
        QSignalSpy loggedIn(ws.get(), &RealtimeClient::loggedIn);
        QSignalSpy lost(ws.get(), &RealtimeClient::connectionLost);
        QSignalSpy states(ws.get(), &RealtimeClient::stateChanged);
        ws->subscribe(QStringLiteral("1"), { QStringLiteral("005930") }, { QStringLiteral("0B") });
        ws->start();
        QVERIFY(loggedIn.wait(5000));
        QTRY_VERIFY(ws->stats().pongsReceived >= 1); // the server answers pings
        QTRY_COMPARE(m_server->wsRequests(QStringLiteral("REG"), 1).size(), 1);

        proxy.stallAll();
        QElapsedTimer timer;
        timer.start();
        QVERIFY(lost.wait(10000));
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed()))); // the watchdog: 60 s
        QVERIFY(lost.first().at(0).toString().contains(QStringLiteral("pong")));
        QVERIFY(!ws->isLoggedIn());
        QTRY_VERIFY_WITH_TIMEOUT(loggedIn.size() == 2, 5000);
        QCOMPARE(loggedIn.last().at(0).toBool(), true); // reconnected: the engine reconciles on it
        QCOMPARE(ws->stats().livenessFailures, quint64(1));
        QCOMPARE(ws->stats().reconnects, quint64(1));
        QCOMPARE(proxy.connectionsAccepted(), 2);
        bool waited = false;
        for (const auto &s : states)
            waited = waited || s.at(0).value<RealtimeClient::State>() == RealtimeClient::State::WaitingToReconnect;
        QVERIFY(waited);
        // Registrations are restored on the new connection.
        QTRY_COMPARE(m_server->wsRequests(QStringLiteral("REG"), 2).size(), 1);
    }

    // Without WebSocket pings the idle watchdog alone finds the silent flow.
    void deadFlowIsFoundByTheIdleWatchdog()
    {
        HalfOpenProxy proxy(m_server->wsUrl().port());
        QVERIFY(proxy.listen());
        auto ws = clientVia(proxy, livenessConfig(500, 0, 0));
        QSignalSpy loggedIn(ws.get(), &RealtimeClient::loggedIn);
        QSignalSpy lost(ws.get(), &RealtimeClient::connectionLost);
        ws->start();
        QVERIFY(loggedIn.wait(5000));
        proxy.stallAll();
        QElapsedTimer timer;
        timer.start();
        QVERIFY(lost.wait(10000));
        QVERIFY2(timer.elapsed() >= 400 && timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(lost.first().at(0).toString().contains(QStringLiteral("nothing received")));
        QTRY_VERIFY_WITH_TIMEOUT(loggedIn.size() == 2, 5000);
        QCOMPARE(loggedIn.last().at(0).toBool(), true);
        QCOMPARE(ws->stats().pingsSent, quint64(0));
    }

    // A healthy connection on a quiet market: the server's PINGs are all that arrives, and they
    // are enough — the watchdog must not fire.
    void serverPingsKeepAQuietConnectionAlive()
    {
        auto pinger = std::make_unique<QTimer>();
        connect(
            pinger.get(), &QTimer::timeout, this, [this] { m_server->wsSend(QStringLiteral(R"({"trnm":"PING"})")); });
        pinger->start(100);
        RealtimeClient::Config config = livenessConfig(1500, 0, 0);
        m_ws->setConfig(config);
        QSignalSpy lost(m_ws.get(), &RealtimeClient::connectionLost);
        startAndWaitForLogin();
        QTest::qWait(3500);
        QCOMPARE(lost.size(), 0);
        QVERIFY(m_ws->isLoggedIn());
        QCOMPARE(m_server->wsConnectionCount(), 1);
        QVERIFY(m_ws->stats().pingsEchoed >= 5);
    }

    // A server that answers WebSocket pings keeps an idle connection alive even when it sends
    // nothing else for longer than the watchdog allows.
    void pongsKeepASilentButHealthyConnectionAlive()
    {
        m_ws->setConfig(livenessConfig(1500, 100, 1000));
        QSignalSpy lost(m_ws.get(), &RealtimeClient::connectionLost);
        startAndWaitForLogin();
        QTest::qWait(3500);
        QCOMPARE(lost.size(), 0);
        QCOMPARE(m_server->wsConnectionCount(), 1);
        QVERIFY(m_ws->stats().pongsReceived >= 5);
    }

    // A server (or proxy) that never answers pings: the missing pongs are not held against it (that
    // would reconnect forever); its PINGs keep the idle watchdog quiet.
    void aServerThatNeverAnswersPingsIsNotReconnectedForever()
    {
        HalfOpenProxy proxy(m_server->wsUrl().port());
        QVERIFY(proxy.listen());
        proxy.setDropServerPongs(true);
        auto pinger = std::make_unique<QTimer>();
        connect(
            pinger.get(), &QTimer::timeout, this, [this] { m_server->wsSend(QStringLiteral(R"({"trnm":"PING"})")); });
        pinger->start(100);
        auto ws = clientVia(proxy, livenessConfig(1500, 100, 200));
        QSignalSpy loggedIn(ws.get(), &RealtimeClient::loggedIn);
        QSignalSpy lost(ws.get(), &RealtimeClient::connectionLost);
        ws->start();
        QVERIFY(loggedIn.wait(5000));
        QTest::qWait(2500);
        QCOMPARE(lost.size(), 0);
        QCOMPARE(proxy.connectionsAccepted(), 1);
        QVERIFY(ws->stats().pingsSent >= 5);
        QCOMPARE(ws->stats().pongsReceived, quint64(0));
        QVERIFY(proxy.pongsDropped() >= 5);

        // Its flow dies: the idle watchdog still finds it.
        proxy.stallAll();
        QVERIFY(lost.wait(10000));
        QVERIFY(lost.first().at(0).toString().contains(QStringLiteral("nothing received")));
        QTRY_VERIFY_WITH_TIMEOUT(loggedIn.size() == 2, 5000);
    }

    void stopClosesWithoutReconnecting()
    {
        startAndWaitForLogin();
        m_ws->stop();
        QCOMPARE(m_ws->state(), RealtimeClient::State::Stopped);
        QTRY_COMPARE(m_server->wsOpenCount(), 0);
        QTest::qWait(300);
        QCOMPARE(m_server->wsConnectionCount(), 1);
        QVERIFY(!m_ws->sendFrame(QJsonObject { { QStringLiteral("trnm"), QStringLiteral("CNSRLST") } }));
    }
};

QTEST_GUILESS_MAIN(TestRealtimeClient)
#include "tst_realtimeclient.moc"
