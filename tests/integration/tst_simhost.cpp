// SPDX-License-Identifier: GPL-3.0-or-later
// SimHost: the simulator on its own thread — start blocks until it listens, the test thread talks to
// it over loopback like the app's client will, the blocking conveniences work, stop joins cleanly.
#include "sim/simhost.h"
#include "simtestclient.h"
#include "simtestconfig.h"

#include <QThread>
#include <QtTest>

class TestSimHost final : public QObject
{
    Q_OBJECT

private slots:
    void runsOnItsOwnThread()
    {
        SimHost host;
        const auto started = host.start(SimTest::config());
        QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().message));
        QVERIFY(host.isRunning());
        QCOMPARE(started->restBaseUrl.scheme(), QStringLiteral("http"));
        QCOMPARE(started->restBaseUrl.host(), QStringLiteral("127.0.0.1"));
        QVERIFY(started->port > 0);
        QCOMPARE(started->restBaseUrl.port(), int(started->port));
        QCOMPARE(started->webSocketUrl.toString(),
            QStringLiteral("ws://127.0.0.1:%1/api/dostk/websocket").arg(started->port));
        QCOMPARE(host.restBaseUrl(), started->restBaseUrl);

        SimTestClient client(host.restBaseUrl());
        QCOMPARE(client.issueToken(SimTest::appKey(), SimTest::secretKey()).returnCode(), 0);
        const auto before = client.get(QStringLiteral("/_sim/state"));
        host.advanceClock(60'000);
        const auto after = client.get(QStringLiteral("/_sim/state"));
        QCOMPARE(after.json.value(QStringLiteral("virtual_ms")).toDouble(),
            before.json.value(QStringLiteral("virtual_ms")).toDouble() + 60'000);

        QCOMPARE(host.state().value(QStringLiteral("virtual_ms")).toDouble(),
            after.json.value(QStringLiteral("virtual_ms")).toDouble());
        // A running clock: speed 1000 moves the market on the simulator thread by itself.
        host.setSpeed(1000);
        QTRY_VERIFY(host.state().value(QStringLiteral("virtual_ms")).toDouble()
            > after.json.value(QStringLiteral("virtual_ms")).toDouble() + 10'000);
        host.setSpeed(0);
        QCOMPARE(host.state().value(QStringLiteral("speed")).toDouble(), 0.0);

        SimTestSocket socket(host.webSocketUrl());
        QVERIFY(socket.open());
        QCOMPARE(socket.login(client.token())->value(QStringLiteral("return_code")).toInt(-1), 0);

        QVERIFY(!host.addFaults(QStringLiteral("nonsense")).ok());
        QVERIFY(host.addFaults(QStringLiteral("http5xx,count=1,api=ka10001")).ok());
        QCOMPARE(
            client.tr(QStringLiteral("ka10001"), { { QStringLiteral("stk_cd"), QStringLiteral("005930") } }).status,
            500);

        QVERIFY(!host.start(SimTest::config()).ok()); // already running
        host.stop();
        QVERIFY(!host.isRunning());
        QVERIFY(socket.waitDisconnected());
        const auto refused = client.get(QStringLiteral("/_sim/state"), 2000);
        QVERIFY(refused.finished);
        QCOMPARE(refused.status, 0); // nothing listens on the old port any more

        // Restartable after stop.
        const auto again = host.start(SimTest::config());
        QVERIFY(again.ok());
        SimTestClient second(host.restBaseUrl());
        QCOMPARE(second.issueToken(SimTest::appKey(), SimTest::secretKey()).returnCode(), 0);
    }

    void portInUseFailsCleanly()
    {
        SimHost first;
        const auto a = first.start(SimTest::config());
        QVERIFY(a.ok());
        SimConfig c = SimTest::config();
        c.port = a->port;
        SimHost second;
        const auto b = second.start(c);
        QVERIFY(!b.ok());
        QVERIFY(!second.isRunning());
        QVERIFY(!b.error().message.isEmpty());
    }

    void badFaultSpecFailsStart()
    {
        SimConfig c = SimTest::config();
        c.faults = QStringLiteral("http5xx,rate=2");
        SimHost host;
        const auto r = host.start(c);
        QVERIFY(!r.ok());
        QVERIFY(r.error().message.contains(QStringLiteral("rate")));
    }

    void destructorStops()
    {
        QUrl url;
        {
            SimHost host;
            QVERIFY(host.start(SimTest::config()).ok());
            url = host.restBaseUrl();
        }
        SimTestClient client(url);
        const auto reply = client.get(QStringLiteral("/_sim/state"), 2000);
        QVERIFY(reply.finished);
        QCOMPARE(reply.status, 0); // connection refused: nothing listens any more
    }
};

QTEST_GUILESS_MAIN(TestSimHost)
#include "tst_simhost.moc"
