// SPDX-License-Identifier: GPL-3.0-or-later
// The simulator's price hooks: POST /_sim/market/shock and /_sim/market/drift over real loopback
// HTTP, SimServer::shock()/setDrift() in process and SimHost's thread-safe wrappers. A shock moves
// the price at once (on the tick, inside the day's limits), prints a trade that reaches WebSocket
// subscribers (0B) and fills resting orders it crosses, and the walk goes on from the new level; a
// drift pushes the walk steadily until cleared or expired; every bad request is refused with JSON.
#include "common/clock.h"
#include "sim/simhost.h"
#include "sim/simmarket.h"
#include "sim/simserver.h"
#include "simtestclient.h"
#include "simtestconfig.h"

#include <QtTest>

#include <cmath>

namespace {

struct Rig
{
    ManualClock clock { Krx::fromKst(QDate(2025, 3, 10), QTime(10, 0)) };
    SimServer server;
    std::unique_ptr<SimTestClient> client;

    bool start(SimConfig c = SimTest::config())
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

    SimTestClient::Reply shock(const QString &code, double percent)
    {
        return client->admin(QStringLiteral("/_sim/market/shock"),
            { { QStringLiteral("code"), code }, { QStringLiteral("percent"), percent } });
    }
    SimTestClient::Reply order(const QString &apiId, const QString &code, qint64 qty, qint64 price)
    {
        return client->tr(apiId,
            { { QStringLiteral("dmst_stex_tp"), QStringLiteral("KRX") }, { QStringLiteral("stk_cd"), code },
                { QStringLiteral("ord_qty"), QString::number(qty) },
                { QStringLiteral("ord_uv"), price > 0 ? QString::number(price) : QString() },
                { QStringLiteral("trde_tp"), price > 0 ? QStringLiteral("0") : QStringLiteral("3") },
                { QStringLiteral("cond_uv"), QString() } });
    }
    qint64 price(const QString &code)
    {
        const auto r = client->tr(QStringLiteral("ka10001"), { { QStringLiteral("stk_cd"), code } });
        QString t = r.json.value(QStringLiteral("cur_prc")).toString().trimmed();
        if (t.startsWith(QLatin1Char('+')) || t.startsWith(QLatin1Char('-')))
            t = t.mid(1);
        return t.toLongLong();
    }
    QJsonObject openOrder(const QString &ordNo)
    {
        const QList<QJsonObject> rows = client->allPages(QStringLiteral("ka10075"),
            { { QStringLiteral("all_stk_tp"), QStringLiteral("0") }, { QStringLiteral("trde_tp"), QStringLiteral("0") },
                { QStringLiteral("stk_cd"), QString() }, { QStringLiteral("stex_tp"), QStringLiteral("0") } },
            QStringLiteral("oso"));
        for (const QJsonObject &o : rows) {
            if (o.value(QStringLiteral("ord_no")).toString() == ordNo)
                return o;
        }
        return {};
    }
    QJsonObject fillOf(const QString &ordNo)
    {
        const QList<QJsonObject> rows = client->allPages(QStringLiteral("ka10076"),
            { { QStringLiteral("stk_cd"), QString() }, { QStringLiteral("qry_tp"), QStringLiteral("0") },
                { QStringLiteral("sell_tp"), QStringLiteral("0") }, { QStringLiteral("ord_no"), QString() },
                { QStringLiteral("stex_tp"), QStringLiteral("0") } },
            QStringLiteral("cntr"));
        for (const QJsonObject &o : rows) {
            if (o.value(QStringLiteral("ord_no")).toString() == ordNo)
                return o;
        }
        return {};
    }
};

qint64 intField(const QJsonObject &o, const char *name)
{
    return o.value(QLatin1String(name)).toString().trimmed().toLongLong();
}

qint64 expectedShockPrice(qint64 before, double percent, const Krx::PriceLimits &limits)
{
    const qint64 snapped = Krx::snapNearest(qint64(std::llround(double(before) * (1.0 + percent / 100.0))));
    return std::clamp(snapped, limits.lower, limits.upper);
}

} // namespace

class TestSimShock final : public QObject
{
    Q_OBJECT

private slots:
    void shockMovesThePriceAndPrintsATrade()
    {
        Rig rig;
        QVERIFY(rig.start());
        SimTestSocket socket(rig.server.webSocketUrl());
        QVERIFY(socket.open());
        QCOMPARE(socket.login(rig.client->token())->value(QStringLiteral("return_code")).toInt(-1), 0);
        socket.send(QJsonObject { { QStringLiteral("trnm"), QStringLiteral("REG") },
            { QStringLiteral("grp_no"), QStringLiteral("1") }, { QStringLiteral("refresh"), QStringLiteral("1") },
            { QStringLiteral("data"),
                QJsonArray { QJsonObject { { QStringLiteral("item"), QJsonArray { QStringLiteral("005930") } },
                    { QStringLiteral("type"), QJsonArray { QStringLiteral("0B") } } } } } });
        QCOMPARE(socket.waitForTrnm(QStringLiteral("REG"))->value(QStringLiteral("return_code")).toInt(-1), 0);

        SimMarket *market = rig.server.market();
        const int samsung = market->indexOf(QStringLiteral("005930"));
        const qint64 before = rig.price(QStringLiteral("005930"));
        const int ticksBefore = int(market->ticksToday(samsung).size());
        const qint64 expected = expectedShockPrice(before, -5, market->quote(samsung).limits);
        const auto reply = rig.shock(QStringLiteral("005930"), -5);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json.value(QStringLiteral("code")).toString(), QStringLiteral("005930"));
        QCOMPARE(qint64(reply.json.value(QStringLiteral("previous_price")).toDouble()), before);
        QCOMPARE(qint64(reply.json.value(QStringLiteral("price")).toDouble()), expected);
        QCOMPARE(reply.json.value(QStringLiteral("limited")).toBool(), false);
        QVERIFY(Krx::isOnTick(expected));
        QVERIFY(expected < before);
        QVERIFY(std::abs(double(expected) / double(before) - 0.95) < 0.005);

        // One trade at the new level, sell-initiated, reported by the TRs and pushed as 0B.
        QCOMPARE(int(market->ticksToday(samsung).size()), ticksBefore + 1);
        const SimTick tick = market->ticksToday(samsung).last();
        QCOMPARE(tick.price, expected);
        QCOMPARE(tick.buyInitiated, false);
        QVERIFY(tick.volume > 0);
        QCOMPARE(rig.price(QStringLiteral("005930")), expected);
        QVERIFY(socket.waitFor(
            [&](const QJsonObject &) {
                for (const QJsonObject &e : socket.realEntries(QStringLiteral("0B"))) {
                    QString price = e.value(QStringLiteral("values")).toObject().value(QStringLiteral("10")).toString();
                    if (price.startsWith(QLatin1Char('+')) || price.startsWith(QLatin1Char('-')))
                        price = price.mid(1);
                    if (price.toLongLong() == expected)
                        return true;
                }
                return false;
            },
            5000));

        // The walk goes on from the new level: a minute later the price is near it, not back up.
        rig.server.advanceClock(60'000);
        QVERIFY(int(market->ticksToday(samsung).size()) > ticksBefore + 2);
        const qint64 later = market->quote(samsung).price;
        QVERIFY2(std::abs(later - expected) < std::abs(later - before), qPrintable(QString::number(later)));

        // In process, same rules: an up move this time.
        const qint64 now = market->quote(samsung).price;
        const Result<SimShock> up = rig.server.shock(QStringLiteral("005930"), 2.5);
        QVERIFY(up.ok());
        QCOMPARE(up->previousPrice, now);
        QCOMPARE(up->price, expectedShockPrice(now, 2.5, market->quote(samsung).limits));
        QCOMPARE(market->ticksToday(samsung).last().buyInitiated, true);
        QCOMPARE(market->quote(samsung).price, up->price);
    }

    void shockFillsRestingOrdersItCrosses()
    {
        Rig rig;
        QVERIFY(rig.start());
        const QString code = QStringLiteral("000660");
        const int stock = rig.server.market()->indexOf(code);
        QCOMPARE(rig.order(QStringLiteral("kt10000"), code, 10, 0).returnCode(), 0); // shares to sell later
        const qint64 price = rig.price(code);
        const qint64 buyAt = Krx::snapDown(price * 97 / 100);
        const qint64 sellAt = Krx::snapUp(price * 103 / 100);
        const auto buy = rig.order(QStringLiteral("kt10000"), code, 5, buyAt);
        const auto sell = rig.order(QStringLiteral("kt10001"), code, 5, sellAt);
        QCOMPARE(buy.returnCode(), 0);
        QCOMPARE(sell.returnCode(), 0);
        const QString buyNo = buy.json.value(QStringLiteral("ord_no")).toString();
        const QString sellNo = sell.json.value(QStringLiteral("ord_no")).toString();
        QCOMPARE(intField(rig.openOrder(buyNo), "oso_qty"), 5);
        QCOMPARE(intField(rig.openOrder(sellNo), "oso_qty"), 5);

        // Down 5%: the buy resting 3% below fills at its limit; the sell above stays.
        QCOMPARE(rig.shock(code, -5).status, 200);
        QVERIFY(rig.openOrder(buyNo).isEmpty());
        const QJsonObject bought = rig.fillOf(buyNo);
        QCOMPARE(intField(bought, "cntr_qty"), 5);
        QCOMPARE(intField(bought, "cntr_pric"), buyAt);
        QCOMPARE(intField(rig.openOrder(sellNo), "oso_qty"), 5);

        // Up well past the sell: it fills at its limit.
        const qint64 low = rig.server.market()->quote(stock).price;
        const double up = (double(sellAt) / double(low) - 1.0) * 100.0 + 2.0;
        QCOMPARE(rig.shock(code, up).status, 200);
        QVERIFY(rig.server.market()->quote(stock).price > sellAt);
        QVERIFY(rig.openOrder(sellNo).isEmpty());
        const QJsonObject sold = rig.fillOf(sellNo);
        QCOMPARE(intField(sold, "cntr_qty"), 5);
        QCOMPARE(intField(sold, "cntr_pric"), sellAt);
    }

    void shockStopsAtThePriceLimits()
    {
        Rig rig;
        QVERIFY(rig.start());
        SimMarket *market = rig.server.market();
        const int stock = market->indexOf(QStringLiteral("035420"));
        const Krx::PriceLimits limits = market->quote(stock).limits;
        const auto up = rig.shock(QStringLiteral("035420"), 100);
        QCOMPARE(up.status, 200);
        QCOMPARE(qint64(up.json.value(QStringLiteral("price")).toDouble()), limits.upper);
        QCOMPARE(up.json.value(QStringLiteral("limited")).toBool(), true);
        QCOMPARE(market->quote(stock).price, limits.upper);
        const auto down = rig.shock(QStringLiteral("035420"), -99);
        QCOMPARE(down.status, 200);
        QCOMPARE(qint64(down.json.value(QStringLiteral("price")).toDouble()), limits.lower);
        QCOMPARE(down.json.value(QStringLiteral("limited")).toBool(), true);
        // The walk stays inside the limits afterwards.
        rig.server.advanceClock(5 * 60'000);
        QVERIFY(market->quote(stock).price >= limits.lower);
    }

    void driftPushesTheWalkUntilClearedOrOver()
    {
        // Two markets from one seed: the one with a push ends far below the one without.
        Rig pushed;
        Rig plain;
        QVERIFY(pushed.start());
        QVERIFY(plain.start());
        const QString code = QStringLiteral("005380");
        const auto set = pushed.client->admin(QStringLiteral("/_sim/market/drift"),
            { { QStringLiteral("code"), code }, { QStringLiteral("percent_per_minute"), -0.5 } });
        QCOMPARE(set.status, 200);
        const QJsonArray listed = set.json.value(QStringLiteral("drifts")).toArray();
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.at(0).toObject().value(QStringLiteral("code")).toString(), code);
        QCOMPARE(listed.at(0).toObject().value(QStringLiteral("percent_per_minute")).toDouble(), -0.5);
        QVERIFY(!listed.at(0).toObject().contains(QStringLiteral("until")));
        pushed.server.advanceClock(20 * 60'000);
        plain.server.advanceClock(20 * 60'000);
        const int stock = plain.server.market()->indexOf(code);
        const double ratio
            = double(pushed.server.market()->quote(stock).price) / double(plain.server.market()->quote(stock).price);
        // 20 minutes at -0.5%/min compound to about -9.5%.
        QVERIFY2(ratio < 0.93 && ratio > 0.87, qPrintable(QString::number(ratio)));
        // Other stocks are untouched.
        const int other = plain.server.market()->indexOf(QStringLiteral("005930"));
        QCOMPARE(pushed.server.market()->quote(other).price, plain.server.market()->quote(other).price);

        // Cleared with 0: the gap stops growing.
        QCOMPARE(pushed.client
                     ->admin(QStringLiteral("/_sim/market/drift"),
                         { { QStringLiteral("code"), code }, { QStringLiteral("percent_per_minute"), 0 } })
                     .status,
            200);
        QVERIFY(
            pushed.client->get(QStringLiteral("/_sim/state")).json.value(QStringLiteral("drifts")).toArray().isEmpty());

        // With minutes: over by itself.
        QVERIFY(pushed.server.setDrift(code, 1.0, 5).ok());
        const auto state = pushed.client->get(QStringLiteral("/_sim/state"));
        QCOMPARE(state.json.value(QStringLiteral("drifts")).toArray().size(), 1);
        QVERIFY(
            state.json.value(QStringLiteral("drifts")).toArray().at(0).toObject().contains(QStringLiteral("until")));
        pushed.server.advanceClock(6 * 60'000);
        QVERIFY(pushed.server.market()->drifts().isEmpty());
    }

    void badRequestsAreRefusedWithJson_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        const QString shock = QStringLiteral("/_sim/market/shock");
        const QString drift = QStringLiteral("/_sim/market/drift");
        QTest::newRow("unknown code") << shock << QByteArray(R"({"code":"999999","percent":-5})") << 404;
        QTest::newRow("percent as text") << shock << QByteArray(R"({"code":"005930","percent":"-5"})") << 400;
        QTest::newRow("percent missing") << shock << QByteArray(R"({"code":"005930"})") << 400;
        QTest::newRow("percent -100") << shock << QByteArray(R"({"code":"005930","percent":-100})") << 400;
        QTest::newRow("percent 150") << shock << QByteArray(R"({"code":"005930","percent":150})") << 400;
        QTest::newRow("code missing") << shock << QByteArray(R"({"percent":-5})") << 400;
        QTest::newRow("code a number") << shock << QByteArray(R"({"code":5930,"percent":-5})") << 400;
        QTest::newRow("not json") << shock << QByteArray("percent=-5") << 400;
        QTest::newRow("drift unknown code")
            << drift << QByteArray(R"({"code":"999999","percent_per_minute":1})") << 404;
        QTest::newRow("drift too steep") << drift << QByteArray(R"({"code":"005930","percent_per_minute":50})") << 400;
        QTest::newRow("drift missing") << drift << QByteArray(R"({"code":"005930"})") << 400;
        QTest::newRow("drift bad minutes")
            << drift << QByteArray(R"({"code":"005930","percent_per_minute":1,"minutes":-3})") << 400;
        QTest::newRow("drift minutes text")
            << drift << QByteArray(R"({"code":"005930","percent_per_minute":1,"minutes":"3"})") << 400;
    }
    void badRequestsAreRefusedWithJson()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        Rig rig;
        QVERIFY(rig.start());
        const qint64 before = rig.server.market()->quote(rig.server.market()->indexOf(QStringLiteral("005930"))).price;
        const auto reply = rig.client->rawPost(path, body, {});
        QCOMPARE(reply.status, status);
        QVERIFY(reply.jsonOk);
        QVERIFY2(!reply.json.value(QStringLiteral("error")).toString().isEmpty(), reply.body.constData());
        QCOMPARE(rig.server.market()->quote(rig.server.market()->indexOf(QStringLiteral("005930"))).price, before);
        QVERIFY(rig.server.market()->drifts().isEmpty());
    }

    void noShockOutsideTheContinuousSession()
    {
        Rig rig;
        QVERIFY(rig.start());
        // 15:25 KST: the closing auction (no trades until the closing print).
        rig.server.advanceClock(Krx::fromKst(QDate(2025, 3, 10), QTime(15, 25)) - rig.server.market()->nowMs());
        QCOMPARE(rig.server.market()->phase(), SimPhase::ClosingAuction);
        const auto reply = rig.shock(QStringLiteral("005930"), -5);
        QCOMPARE(reply.status, 409);
        QVERIFY(!reply.json.value(QStringLiteral("error")).toString().isEmpty());
        QCOMPARE(rig.server.shock(QStringLiteral("005930"), -5).error().code, QStringLiteral("sim.not_continuous"));
    }

    void simHostRunsTheHooksOnTheSimulatorThread()
    {
        SimHost host;
        QVERIFY(!host.shock(QStringLiteral("005930"), 1).ok()); // not running
        QVERIFY(host.start(SimTest::config()).ok());
        const Result<SimShock> shocked = host.shock(QStringLiteral("005930"), -3);
        QVERIFY2(shocked.ok(), shocked.ok() ? "" : qPrintable(shocked.error().message));
        QCOMPARE(shocked->code, QStringLiteral("005930"));
        QVERIFY(shocked->price < shocked->previousPrice);
        QCOMPARE(host.shock(QStringLiteral("nope"), 1).error().code, QStringLiteral("sim.unknown_code"));
        QVERIFY(host.setDrift(QStringLiteral("005930"), 0.2).ok());
        QCOMPARE(host.state().value(QStringLiteral("drifts")).toArray().size(), 1);
        QCOMPARE(host.setDrift(QStringLiteral("005930"), 99).error().code, QStringLiteral("sim.bad_number"));
        host.stop();
        QCOMPARE(host.shock(QStringLiteral("005930"), 1).error().code, QStringLiteral("sim.stopped"));
    }
};

QTEST_GUILESS_MAIN(TestSimShock)
#include "tst_simshock.moc"
