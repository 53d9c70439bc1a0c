// SPDX-License-Identifier: GPL-3.0-or-later
// Every fault kind over real loopback HTTP/WebSocket, installed through SimConfig::faults, the
// admin endpoint POST /_sim/faults, or SimServer::addFaults: HTTP 5xx, no reply, 429, token
// expiry (now / at a virtual time / after N requests), malformed JSON, WebSocket drop, duplicate
// and out-of-order frames.
#include "common/clock.h"
#include "sim/simexchange.h"
#include "sim/simserver.h"
#include "simtestclient.h"
#include "simtestconfig.h"

#include <QtTest>

namespace {

struct Rig
{
    ManualClock clock { Krx::fromKst(QDate(2025, 3, 10), QTime(10, 0)) };
    SimServer server;
    std::unique_ptr<SimTestClient> client;

    bool start(SimConfig c)
    {
        c.clock = &clock;
        c.queryQuotaPerSecond = 0;
        c.orderQuotaPerSecond = 0;
        c.totalQueryQuotaPerSecond = 0;
        c.totalOrderQuotaPerSecond = 0;
        if (!server.start(c))
            return false;
        client = std::make_unique<SimTestClient>(server.restBaseUrl());
        return client->issueToken(SimTest::appKey(), SimTest::secretKey()).returnCode() == 0;
    }
    SimTestClient::Reply quote(const QString &code = QStringLiteral("005930"))
    {
        return client->tr(QStringLiteral("ka10001"), { { QStringLiteral("stk_cd"), code } });
    }
    SimTestClient::Reply daily()
    {
        return client->tr(QStringLiteral("ka10081"),
            { { QStringLiteral("stk_cd"), QStringLiteral("005930") },
                { QStringLiteral("base_dt"), QStringLiteral("20250310") },
                { QStringLiteral("upd_stkpc_tp"), QStringLiteral("1") } });
    }
    bool addFaults(const QString &spec)
    {
        // Through the admin endpoint, as a script would.
        return client->rawPost(QStringLiteral("/_sim/faults"), spec.toUtf8(), {}).status == 200;
    }
    std::unique_ptr<SimTestSocket> subscribed(const QStringList &codes)
    {
        auto socket = std::make_unique<SimTestSocket>(server.webSocketUrl());
        if (!socket->open())
            return nullptr;
        const auto ack = socket->login(client->token());
        if (!ack || ack->value(QStringLiteral("return_code")).toInt(-1) != 0)
            return nullptr;
        socket->send({ { QStringLiteral("trnm"), QStringLiteral("REG") },
            { QStringLiteral("grp_no"), QStringLiteral("1") }, { QStringLiteral("refresh"), QStringLiteral("1") },
            { QStringLiteral("data"),
                QJsonArray { QJsonObject { { QStringLiteral("item"), QJsonArray::fromStringList(codes) },
                    { QStringLiteral("type"), QJsonArray { QStringLiteral("0B") } } } } } });
        const auto reg = socket->waitForTrnm(QStringLiteral("REG"));
        if (!reg || reg->value(QStringLiteral("return_code")).toInt(-1) != 0)
            return nullptr;
        return socket;
    }
};

QStringList realFrames(const SimTestSocket &socket)
{
    QStringList out;
    for (const QString &raw : socket.rawFrames) {
        if (raw.contains(QLatin1String("\"trnm\":\"REAL\"")))
            out.append(raw);
    }
    return out;
}

} // namespace

class TestSimFaultInjection final : public QObject
{
    Q_OBJECT

private slots:
    void http5xxFiltersByApiId()
    {
        Rig rig;
        QVERIFY(rig.start(SimTest::config()));
        QVERIFY(rig.addFaults(QStringLiteral("http5xx,count=2,api=ka10081,status=503")));
        const auto failed = rig.daily();
        QCOMPARE(failed.status, 503);
        QVERIFY(!failed.jsonOk);
        QCOMPARE(rig.quote().returnCode(), 0); // other TRs unaffected
        QCOMPARE(rig.daily().status, 503);
        QCOMPARE(rig.daily().returnCode(), 0); // count exhausted
        const auto listed = rig.client->get(QStringLiteral("/_sim/faults"));
        QCOMPARE(listed.json.value(QStringLiteral("faults"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("fired"))
                     .toInt(),
            2);
    }

    void timeoutNeverAnswers()
    {
        Rig rig;
        QVERIFY(rig.start(SimTest::config()));
        QVERIFY(rig.server.addFaults(QStringLiteral("timeout,count=1,api=ka10001")));
        const auto held = rig.client->post(QStringLiteral("/api/dostk/stkinfo"),
            { { QStringLiteral("stk_cd"), QStringLiteral("005930") } },
            { { "api-id", "ka10001" }, { "authorization", "Bearer " + rig.client->token().toLatin1() } }, 700);
        QVERIFY(!held.finished); // no reply at all
        QCOMPARE(rig.quote().returnCode(), 0);

        // ms=N: the connection is closed after N ms without a reply.
        rig.server.clearFaults();
        QVERIFY(rig.server.addFaults(QStringLiteral("timeout,rate=1,ms=100,api=ka10081")));
        QElapsedTimer timer;
        timer.start();
        const auto closed = rig.daily();
        QVERIFY(closed.finished);
        QCOMPARE(closed.status, 0);
        QVERIFY(!closed.networkError.isEmpty());
        QVERIFY(timer.elapsed() >= 100);
        rig.server.clearFaults();
        QCOMPARE(rig.daily().returnCode(), 0);
    }

    // delay: the TR is carried out at once (an order is placed), its reply comes ms= later.
    void delayedReply()
    {
        Rig rig;
        QVERIFY(rig.start(SimTest::config()));
        QVERIFY(rig.addFaults(QStringLiteral("delay,api=ka10001,ms=400")));
        QElapsedTimer timer;
        timer.start();
        const auto late = rig.quote();
        QVERIFY(late.finished);
        QCOMPARE(late.returnCode(), 0);
        QVERIFY2(timer.elapsed() >= 400, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(!late.header("x-sim-time").isEmpty());
        timer.restart();
        QCOMPARE(rig.quote().returnCode(), 0); // count 1: the next one is on time
        QVERIFY(timer.elapsed() < 400);

        // An order is placed before its late reply leaves.
        QVERIFY(rig.addFaults(QStringLiteral("delay,api=kt10000,ms=500")));
        const auto held = rig.client->post(QStringLiteral("/api/dostk/ordr"),
            { { QStringLiteral("dmst_stex_tp"), QStringLiteral("KRX") },
                { QStringLiteral("stk_cd"), QStringLiteral("005930") },
                { QStringLiteral("ord_qty"), QStringLiteral("1") }, { QStringLiteral("ord_uv"), QString() },
                { QStringLiteral("trde_tp"), QStringLiteral("3") }, { QStringLiteral("cond_uv"), QString() } },
            { { "api-id", "kt10000" }, { "authorization", "Bearer " + rig.client->token().toLatin1() } }, 200);
        QVERIFY(!held.finished); // not within 200 ms
        QCOMPARE(int(rig.server.exchange()->orders().size()), 1);
    }

    void rateLimitReply()
    {
        Rig rig;
        QVERIFY(rig.start(SimTest::config()));
        QVERIFY(rig.addFaults(QStringLiteral("ratelimit,count=1,api=kt10000")));
        const QJsonObject order { { QStringLiteral("dmst_stex_tp"), QStringLiteral("KRX") },
            { QStringLiteral("stk_cd"), QStringLiteral("005930") }, { QStringLiteral("ord_qty"), QStringLiteral("1") },
            { QStringLiteral("ord_uv"), QString() }, { QStringLiteral("trde_tp"), QStringLiteral("3") } };
        const auto limited = rig.client->tr(QStringLiteral("kt10000"), order);
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.returnCode(), 5);
        QCOMPARE(limited.returnMsg(),
            QStringLiteral(
                "허용된 요청 개수를 초과하였습니다[1700:허용된 요청 개수를 초과하였습니다. 유량=5, API ID=kt10000]"));
        QCOMPARE(rig.server.state().value(QStringLiteral("orders")).toInt(), 0); // nothing was placed
        QCOMPARE(rig.client->tr(QStringLiteral("kt10000"), order).returnCode(), 0);
    }

    void malformedBody()
    {
        Rig rig;
        QVERIFY(rig.start(SimTest::config()));
        QVERIFY(rig.addFaults(QStringLiteral("malformed,count=1")));
        const auto broken = rig.quote();
        QCOMPARE(broken.status, 200);
        QVERIFY(broken.header("content-type").startsWith("application/json"));
        QVERIFY(!broken.body.isEmpty());
        QVERIFY(!broken.jsonOk);
        QVERIFY(rig.quote().jsonOk);
    }

    void tokenExpiryNowAtAndAfter()
    {
        Rig rig;
        SimConfig c = SimTest::config();
        c.faults = QStringLiteral("token-expiry,at=1005");
        QVERIFY(rig.start(c));
        QCOMPARE(rig.quote().returnCode(), 0);
        rig.server.advanceClock(6 * 60 * 1000); // 10:06 virtual
        const auto expired = rig.quote();
        QCOMPARE(expired.returnCode(), 3);
        QVERIFY(expired.returnMsg().contains(QStringLiteral("[8005:")));
        // Tokens issued after the moment are fine.
        QCOMPARE(rig.client->issueToken(SimTest::appKey(), SimTest::secretKey()).returnCode(), 0);
        QCOMPARE(rig.quote().returnCode(), 0);

        // "now": through the admin endpoint.
        QVERIFY(rig.addFaults(QStringLiteral("token-expiry")));
        QCOMPARE(rig.quote().returnCode(), 3);

        // after=N: the (N+1)-th request finds its token expired.
        rig.server.clearFaults();
        QCOMPARE(rig.client->issueToken(SimTest::appKey(), SimTest::secretKey()).returnCode(), 0);
        QVERIFY(rig.addFaults(QStringLiteral("token-expiry,after=2")));
        QCOMPARE(rig.quote().returnCode(), 0);
        QCOMPARE(rig.quote().returnCode(), 0);
        QCOMPARE(rig.quote().returnCode(), 3);
    }

    void webSocketDrop()
    {
        Rig rig;
        QVERIFY(rig.start(SimTest::config()));
        auto first = rig.subscribed({ QStringLiteral("005930") });
        QVERIFY(first);
        QVERIFY(rig.addFaults(QStringLiteral("ws-drop")));
        QVERIFY(first->waitDisconnected());

        // At a virtual moment.
        rig.server.clearFaults();
        auto second = rig.subscribed({ QStringLiteral("005930") });
        QVERIFY(second);
        QVERIFY(rig.server.addFaults(QStringLiteral("ws-drop,at=1010")));
        rig.server.advanceClock(5 * 60 * 1000);
        QTest::qWait(50);
        QVERIFY(!second->disconnected);
        rig.server.advanceClock(6 * 60 * 1000);
        QVERIFY(second->waitDisconnected());

        // Per frame: the first REAL frame is never delivered, the connection resets instead.
        rig.server.clearFaults();
        auto third = rig.subscribed({ QStringLiteral("005930") });
        QVERIFY(third);
        QVERIFY(rig.server.addFaults(QStringLiteral("ws-drop,rate=1")));
        rig.server.advanceClock(30'000);
        QVERIFY(third->waitDisconnected());
        QVERIFY(realFrames(*third).isEmpty());
    }

    void duplicateFrames()
    {
        Rig rig;
        QVERIFY(rig.start(SimTest::config()));
        auto socket = rig.subscribed({ QStringLiteral("005930"), QStringLiteral("000660") });
        QVERIFY(socket);
        QVERIFY(rig.server.addFaults(QStringLiteral("ws-duplicate,rate=1")));
        for (int i = 0; i < 5; ++i) {
            rig.server.advanceClock(10'000);
            QTest::qWait(20);
        }
        QTRY_VERIFY(realFrames(*socket).size() >= 10);
        const QStringList frames = realFrames(*socket);
        QCOMPARE(frames.size() % 2, 0);
        for (int i = 0; i < frames.size(); i += 2)
            QCOMPARE(frames.at(i), frames.at(i + 1));
    }

    void outOfOrderFrames()
    {
        Rig rig;
        QVERIFY(rig.start(SimTest::config()));
        auto socket = rig.subscribed({ QStringLiteral("005930") });
        QVERIFY(socket);
        QVERIFY(rig.server.addFaults(QStringLiteral("ws-reorder,count=1")));
        for (int i = 0; i < 10; ++i) {
            rig.server.advanceClock(10'000);
            QTest::qWait(30);
        }
        QTRY_VERIFY(realFrames(*socket).size() >= 4);
        // The cumulative volume (FID 13) of 005930 goes backwards exactly once: the held frame.
        qint64 last = 0;
        int backwards = 0;
        for (const QJsonObject &e : socket->realEntries(QStringLiteral("0B"))) {
            const qint64 cumulative
                = e.value(QStringLiteral("values")).toObject().value(QStringLiteral("13")).toString().toLongLong();
            if (cumulative < last)
                ++backwards;
            last = cumulative;
        }
        QCOMPARE(backwards, 1);
    }
};

QTEST_GUILESS_MAIN(TestSimFaultInjection)
#include "tst_simfaultinjection.moc"
