// SPDX-License-Identifier: GPL-3.0-or-later
// The connection layer of issue 8 against the simulator over loopback: a half-open WebSocket is
// noticed and replaced while a healthy one on a paused market is left alone; quitting with an order
// on the wire waits for its reply (or reports it unknown at the bound); and a client whose machine
// says Sunday 06:00 trades on the simulator's Monday 10:00, which every reply announces.
#include "clientsimfixture.h"
#include "halfopenproxy.h"
#include "market/krx.h"
#include "sim/simexchange.h"
#include "sim/simmarket.h"
#include "sim/simserver.h"

#include <QSignalSpy>
#include <QtTest>

#include <optional>

using namespace Kiwoom;

namespace {

OrderRequest marketBuy(const QString &code, qint64 quantity = 1)
{
    OrderRequest r;
    r.side = Side::Buy;
    r.code = code;
    r.quantity = quantity;
    r.tradeType = TradeType::Market;
    return r;
}

} // namespace

class TestClientSimConnection final : public QObject
{
    Q_OBJECT

private slots:
    // The simulator's market is paused (speed 0: no ticks, nothing to push) but its PINGs keep
    // coming: the idle watchdog must not take that for a dead connection.
    void healthyIdleConnectionOnAPausedMarketStays()
    {
        ClientSimFixture f;
        ClientSimFixture::Options o;
        o.sim.pingIntervalMs = 200;
        o.client.realtime.idleTimeoutMs = 1500;
        o.client.realtime.pingIntervalMs = 0; // the server's PINGs alone
        QVERIFY2(f.start(o), qPrintable(f.error()));
        f.realtime().subscribe(QStringLiteral("1"), { f.code(0) }, { QStringLiteral("0B") });
        QVERIFY(f.waitForSimRegistrations(1));
        QSignalSpy lost(&f.realtime(), &RealtimeClient::connectionLost);
        QTest::qWait(4000);
        QCOMPARE(lost.size(), 0);
        QCOMPARE(f.session().state(), KiwoomSession::State::Ready);
        QCOMPARE(f.realtime().stats().livenessFailures, quint64(0));
        QCOMPARE(f.realtime().stats().reconnects, quint64(0));
        QVERIFY(f.realtime().stats().pingsEchoed >= 10);
        QCOMPARE(f.simState().value(QStringLiteral("ws_sessions")).toInt(), 1);
    }

    // Its PINGs rarer than the watchdog allows, the simulator still answers WebSocket pings.
    void pongsKeepAQuietConnectionAlive()
    {
        ClientSimFixture f;
        ClientSimFixture::Options o;
        o.sim.pingIntervalMs = 60'000;
        o.sim.pingTimeoutMs = 60'000;
        o.client.realtime.idleTimeoutMs = 1500;
        o.client.realtime.pingIntervalMs = 200;
        o.client.realtime.pongTimeoutMs = 1000;
        QVERIFY2(f.start(o), qPrintable(f.error()));
        QSignalSpy lost(&f.realtime(), &RealtimeClient::connectionLost);
        QTest::qWait(4000);
        QCOMPARE(lost.size(), 0);
        QCOMPARE(f.realtime().stats().reconnects, quint64(0));
        QVERIFY(f.realtime().stats().pongsReceived >= 10);
        QCOMPARE(f.realtime().stats().pingsEchoed, quint64(0));
    }

    // The flow to the simulator dies without a close (sleep, Wi-Fi switch, NAT): found within the
    // watchdog time, Degraded while reconnecting, Ready again with every registration restored and
    // realtimeRestored() for the engine's reconciliation.
    void halfOpenConnectionIsReplaced()
    {
        std::unique_ptr<HalfOpenProxy> proxy;
        ClientSimFixture f;
        ClientSimFixture::Options o;
        o.client.realtime.idleTimeoutMs = 1500;
        o.client.realtime.pingIntervalMs = 0; // the idle watchdog with its default-like ratio
        o.sim.pingIntervalMs = 300;
        o.wsUrlVia = [&proxy](const QUrl &ws) {
            proxy = std::make_unique<HalfOpenProxy>(quint16(ws.port()));
            return proxy->listen() ? proxy->via(ws) : ws;
        };
        QVERIFY2(f.start(o), qPrintable(f.error()));
        QVERIFY(proxy);
        f.realtime().subscribe(QStringLiteral("1"), { f.code(0), f.code(1) }, { QStringLiteral("0B") });
        f.realtime().subscribe(QStringLiteral("9"), { QString() }, { QStringLiteral("00") });
        QVERIFY(f.waitForSimRegistrations(3));

        QSignalSpy states(&f.session(), &KiwoomSession::stateChanged);
        QSignalSpy restored(&f.session(), &KiwoomSession::realtimeRestored);
        QSignalSpy loggedIn(&f.realtime(), &RealtimeClient::loggedIn);
        proxy->stallAll();
        QElapsedTimer timer;
        timer.start();
        QTRY_VERIFY_WITH_TIMEOUT(!states.isEmpty(), 10000);
        QVERIFY2(timer.elapsed() < 1500 + 3000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(states.first().at(0).value<KiwoomSession::State>(), KiwoomSession::State::Degraded);
        QTRY_COMPARE_WITH_TIMEOUT(restored.size(), 1, 10000);
        QCOMPARE(f.session().state(), KiwoomSession::State::Ready);
        QCOMPARE(loggedIn.size(), 1);
        QCOMPARE(loggedIn.first().at(0).toBool(), true);
        QCOMPARE(f.realtime().stats().livenessFailures, quint64(1));
        // The new session on the simulator holds the registrations again (the stalled one still
        // lingers there until the simulator drops it for not echoing its PINGs).
        QTRY_VERIFY_WITH_TIMEOUT(f.simState().value(QStringLiteral("ws_sessions")).toInt() == 1, 15000);
        QTRY_COMPARE(f.simRegistrations(), 3);

        // And realtime flows again: an order's notice arrives over the new connection.
        QSignalSpy executions(&f.realtime(), &RealtimeClient::orderExecutionReceived);
        const auto ack = ClientSimFixture::await<OrderAck>(
            [&](QObject *ctx, auto done) { f.rest().placeOrder(marketBuy(f.code(0)), ctx, done); });
        QVERIFY2(ack.ok(), describe(ack).constData());
        QVERIFY(executions.wait(5000));
    }

    // Quitting with a buy on the wire whose reply the simulator sends 800 ms late: stop() waits and
    // the reply is delivered; the token is revoked after it.
    void stopWaitsForALateOrderReply()
    {
        ClientSimFixture f;
        ClientSimFixture::Options o;
        o.client.orderDrainTimeoutMs = 5000;
        QVERIFY2(f.start(o), qPrintable(f.error()));
        QVERIFY(f.server().addFaults(QStringLiteral("delay,api=kt10000,ms=800")));
        std::optional<KiwoomResult<OrderAck>> ack;
        int validTokensWhenCalledBack = -1;
        QObject context;
        f.rest().placeOrder(marketBuy(f.code(0)), &context, [&](const KiwoomResult<OrderAck> &r) {
            ack = r;
            validTokensWhenCalledBack = f.simState().value(QStringLiteral("valid_tokens")).toInt();
        });
        QTRY_COMPARE(f.rest().ordersInFlight(), 1);
        QTRY_COMPARE(int(f.server().exchange()->orders().size()), 1); // placed; the reply is late
        QSignalSpy stopped(&f.session(), &KiwoomSession::stopped);
        f.session().stop();
        QCOMPARE(f.session().state(), KiwoomSession::State::Stopping);
        QVERIFY(stopped.wait(8000));
        QVERIFY(ack.has_value());
        QVERIFY2(ack->ok(), describe(*ack).constData());
        QVERIFY(!ack->value().orderNo.isEmpty());
        QCOMPARE(validTokensWhenCalledBack, 1);
        QCOMPARE(f.simState().value(QStringLiteral("valid_tokens")).toInt(), 0); // revoked afterwards
    }

    // The reply never comes (the simulator placed the order and lost the reply): at the bound the
    // order is reported OutcomeUnknown — the simulator does hold it, which reconciliation will find.
    void stopReportsANeverAnsweredOrderAsUnknown()
    {
        ClientSimFixture f;
        ClientSimFixture::Options o;
        o.client.orderDrainTimeoutMs = 500;
        QVERIFY2(f.start(o), qPrintable(f.error()));
        QVERIFY(f.server().addFaults(QStringLiteral("timeout,api=kt10000,when=after")));
        std::optional<KiwoomResult<OrderAck>> ack;
        QObject context;
        f.rest().placeOrder(marketBuy(f.code(0)), &context, [&](const KiwoomResult<OrderAck> &r) { ack = r; });
        QTRY_COMPARE(f.rest().ordersInFlight(), 1);
        QTRY_COMPARE(int(f.server().exchange()->orders().size()), 1);
        QSignalSpy stopped(&f.session(), &KiwoomSession::stopped);
        QElapsedTimer timer;
        timer.start();
        f.session().stop();
        QVERIFY(stopped.wait(8000));
        QVERIFY(timer.elapsed() >= 450);
        QVERIFY(ack.has_value());
        QCOMPARE(ack->error().kind, KiwoomError::Kind::OutcomeUnknown);
        QCOMPARE(f.rest().ordersInFlight(), 0);
    }

    // `--market-clock sim`: the machine says Sunday 06:00 KST, the standalone simulator Monday 10:00.
    void marketClockFollowsTheSimulator()
    {
        const qint64 sunday = Krx::fromKst(QDate(2025, 3, 9), QTime(6, 0));
        ClientSimFixture f;
        ClientSimFixture::Options o;
        o.startSession = false;
        o.client.useAnnouncedMarketClock = true;
        QVERIFY2(f.start(o), qPrintable(f.error()));
        f.clientClock().setNowMs(sunday);
        QSignalSpy ready(&f.session(), &KiwoomSession::ready);
        f.session().start();
        QVERIFY(ready.wait(20000));
        const AnnouncedMarketClock *clock = f.session().announcedClock();
        QVERIFY(clock);
        QVERIFY(!clock->isSet()); // no REST reply yet (the token comes from TokenManager)
        QVERIFY(!Krx::isContinuous(f.session().marketClock().nowMs()));

        QSignalSpy announced(&f.rest(), &RestClient::serverTimeAnnounced);
        const auto info = ClientSimFixture::await<StockInfo>(
            [&](QObject *ctx, auto done) { f.rest().stockInfo(f.code(0), ctx, done); });
        QVERIFY2(info.ok(), describe(info).constData());
        QCOMPARE(announced.size(), 1);
        QCOMPARE(announced.first().at(0).toLongLong(), f.virtualNowMs());
        QCOMPARE(announced.first().at(1).toDouble(), 0.0);
        QVERIFY(clock->isSet());
        QCOMPARE(f.session().marketClock().nowMs(), f.virtualNowMs()); // paused: exactly
        QVERIFY(Krx::isContinuous(f.session().marketClock().nowMs())); // it trades
        QCOMPARE(Krx::tradingDateString(f.session().marketClock().nowMs()), QStringLiteral("2025-03-10"));

        // Every reply announces, orders too; the clock follows the market as it moves.
        f.server().advanceClock(60'000); // (the machine's clock stays at Sunday 06:00)
        const auto ack = ClientSimFixture::await<OrderAck>(
            [&](QObject *ctx, auto done) { f.rest().placeOrder(marketBuy(f.code(0)), ctx, done); });
        QVERIFY2(ack.ok(), describe(ack).constData());
        QCOMPARE(announced.size(), 2);
        QCOMPARE(f.session().marketClock().nowMs(), f.virtualNowMs());

        // A running market: the clock advances by real time × speed between replies.
        f.server().setSpeed(30);
        QVERIFY(ClientSimFixture::await<StockInfo>([&](QObject *ctx, auto done) {
            f.rest().stockInfo(f.code(0), ctx, done);
        }).ok());
        QCOMPARE(announced.last().at(1).toDouble(), 30.0);
        const qint64 base = announced.last().at(0).toLongLong();
        QElapsedTimer real;
        real.start();
        QTest::qWait(300);
        const qint64 moved = f.session().marketClock().nowMs() - base;
        const qint64 elapsed = real.elapsed();
        QVERIFY2(moved >= 300 * 30 && moved <= (elapsed + 200) * 30,
            qPrintable(QStringLiteral("moved %1 virtual ms in %2 real ms").arg(moved).arg(elapsed)));
    }
};

QTEST_GUILESS_MAIN(TestClientSimConnection)
#include "tst_clientsim_connection.moc"
