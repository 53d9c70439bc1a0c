// SPDX-License-Identifier: GPL-3.0-or-later
// The simulator's WebSocket protocol over a real loopback socket: LOGIN, PING/echo and the drop,
// the login timeout, REG/REMOVE/refresh, REAL frames for 0B/0D/0s and the 00/04 order notices.
#include "common/clock.h"
#include "sim/simmarket.h"
#include "sim/simserver.h"
#include "simtestclient.h"
#include "simtestconfig.h"

#include <QRegularExpression>
#include <QSet>
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
    std::unique_ptr<SimTestSocket> loggedIn()
    {
        auto socket = std::make_unique<SimTestSocket>(server.webSocketUrl());
        if (!socket->open())
            return nullptr;
        const auto ack = socket->login(client->token());
        if (!ack || ack->value(QStringLiteral("return_code")).toInt(-1) != 0)
            return nullptr;
        return socket;
    }
};

QJsonObject reg(const QString &grp, const QString &refresh, const QStringList &items, const QStringList &types,
    const QString &trnm = QStringLiteral("REG"))
{
    QJsonObject o { { QStringLiteral("trnm"), trnm }, { QStringLiteral("grp_no"), grp },
        { QStringLiteral("data"),
            QJsonArray { QJsonObject { { QStringLiteral("item"), QJsonArray::fromStringList(items) },
                { QStringLiteral("type"), QJsonArray::fromStringList(types) } } } } };
    if (!refresh.isEmpty())
        o.insert(QStringLiteral("refresh"), refresh);
    return o;
}

qint64 absValue(const QString &text)
{
    QString t = text.trimmed();
    if (t.startsWith(QLatin1Char('+')) || t.startsWith(QLatin1Char('-')))
        t = t.mid(1);
    return t.toLongLong();
}

int returnCode(const std::optional<QJsonObject> &o)
{
    return o ? o->value(QStringLiteral("return_code")).toInt(-1) : -2;
}

bool allStrings(const QJsonObject &values)
{
    for (auto it = values.begin(); it != values.end(); ++it) {
        if (!it.value().isString())
            return false;
    }
    return true;
}

} // namespace

class TestSimWebSocket final : public QObject
{
    Q_OBJECT

private slots:
    void loginAck()
    {
        Rig rig;
        QVERIFY(rig.start(SimTest::config()));
        SimTestSocket socket(rig.server.webSocketUrl());
        QVERIFY(socket.open());
        const auto ack = socket.login(rig.client->token());
        QVERIFY(ack);
        QCOMPARE(ack->value(QStringLiteral("trnm")).toString(), QStringLiteral("LOGIN"));
        QVERIFY(ack->value(QStringLiteral("return_code")).isDouble());
        QCOMPARE(ack->value(QStringLiteral("return_code")).toInt(), 0);
        QCOMPARE(ack->value(QStringLiteral("return_msg")).toString(), QString());
    }

    void loginWithBadTokenIsClosed()
    {
        Rig rig;
        QVERIFY(rig.start(SimTest::config()));
        SimTestSocket socket(rig.server.webSocketUrl());
        QVERIFY(socket.open());
        const auto ack = socket.login(QStringLiteral("not-a-token"));
        QCOMPARE(returnCode(ack), 805004);
        QVERIFY2(ack->value(QStringLiteral("return_msg")).toString().contains(QStringLiteral("[CODE=8005, MESSAGE=")),
            qPrintable(ack->value(QStringLiteral("return_msg")).toString()));
        QVERIFY(socket.waitDisconnected());
    }

    void requestsBeforeLoginAreRejected()
    {
        Rig rig;
        QVERIFY(rig.start(SimTest::config()));
        SimTestSocket socket(rig.server.webSocketUrl());
        QVERIFY(socket.open());
        socket.send(
            reg(QStringLiteral("1"), QStringLiteral("1"), { QStringLiteral("005930") }, { QStringLiteral("0B") }));
        const auto early = socket.waitForTrnm(QStringLiteral("REG"));
        QCOMPARE(returnCode(early), 100013);
        socket.send(QJsonObject { { QStringLiteral("trnm"), QStringLiteral("CNSRLST") } });
        QCOMPARE(returnCode(socket.waitForTrnm(QStringLiteral("CNSRLST"))), 100013);
        QCOMPARE(returnCode(socket.login(rig.client->token())), 0);
        socket.send(
            reg(QStringLiteral("1"), QStringLiteral("1"), { QStringLiteral("005930") }, { QStringLiteral("0B") }));
        QCOMPARE(returnCode(socket.waitForTrnm(QStringLiteral("REG"))), 0);
    }

    void pingMustBeEchoed()
    {
        Rig rig;
        SimConfig c = SimTest::config();
        c.pingIntervalMs = 100;
        c.pingTimeoutMs = 500; // generous: the echo runs on this (possibly busy) test thread
        QVERIFY(rig.start(c));
        auto echoing = rig.loggedIn();
        QVERIFY(echoing);
        auto silent = rig.loggedIn();
        QVERIFY(silent);
        silent->echoPings = false;
        QVERIFY(silent->waitDisconnected(3000)); // dropped: PING not echoed within 500 ms
        QVERIFY(silent->pings >= 1);
        QTest::qWait(800);
        QVERIFY(!echoing->disconnected);
        QVERIFY2(echoing->pings >= 5, qPrintable(QString::number(echoing->pings)));
        QCOMPARE(echoing->rawFrames.filter(QStringLiteral("PING")).first(), QStringLiteral("{\"trnm\":\"PING\"}"));
    }

    void noLoginGetsSystemFrameAndClose()
    {
        Rig rig;
        SimConfig c = SimTest::config();
        c.loginTimeoutMs = 200;
        QVERIFY(rig.start(c));
        SimTestSocket socket(rig.server.webSocketUrl());
        QVERIFY(socket.open());
        const auto system = socket.waitForTrnm(QStringLiteral("SYSTEM"), 3000);
        QVERIFY(system);
        QCOMPARE(system->value(QStringLiteral("code")).toString(), QStringLiteral("R10004"));
        QVERIFY(socket.waitDisconnected());
    }

    void tradeFramesFollowTheMarket()
    {
        Rig rig;
        QVERIFY(rig.start(SimTest::config()));
        auto socket = rig.loggedIn();
        QVERIFY(socket);
        socket->send(reg(QStringLiteral("1"), QStringLiteral("1"),
            { QStringLiteral("005930"), QStringLiteral("000660") }, { QStringLiteral("0B") }));
        QCOMPARE(returnCode(socket->waitForTrnm(QStringLiteral("REG"))), 0);
        SimMarket *market = rig.server.market();
        const int samsung = market->indexOf(QStringLiteral("005930"));
        const int before = int(market->ticksToday(samsung).size());
        rig.server.advanceClock(120'000);
        const int added = int(market->ticksToday(samsung).size()) - before;
        QVERIFY(added > 5);
        QVERIFY(socket->waitFor(
            [&](const QJsonObject &) { return socket->realEntries(QStringLiteral("0B")).size() > added; }, 5000));
        QTRY_VERIFY(socket->realEntries(QStringLiteral("0B")).size() >= added);

        const QList<QJsonObject> entries = socket->realEntries(QStringLiteral("0B"));
        QHash<QString, qint64> lastVolume;
        int samsungEntries = 0;
        const Krx::PriceLimits limits = market->quote(samsung).limits;
        for (const QJsonObject &e : entries) {
            const QString item = e.value(QStringLiteral("item")).toString();
            QVERIFY2(item == QLatin1String("005930") || item == QLatin1String("000660"), qPrintable(item));
            QCOMPARE(e.value(QStringLiteral("name")).toString(), QStringLiteral("주식체결"));
            const QJsonObject v = e.value(QStringLiteral("values")).toObject();
            QVERIFY(allStrings(v));
            QVERIFY(QRegularExpression(QStringLiteral("^\\d{6}$"))
                        .match(v.value(QStringLiteral("20")).toString())
                        .hasMatch());
            const qint64 price = absValue(v.value(QStringLiteral("10")).toString());
            QVERIFY(Krx::isOnTick(price));
            QVERIFY(QRegularExpression(QStringLiteral("^[+-]\\d+$"))
                        .match(v.value(QStringLiteral("15")).toString())
                        .hasMatch());
            const qint64 cumulative = v.value(QStringLiteral("13")).toString().toLongLong();
            QVERIFY(cumulative >= lastVolume.value(item, 0) + absValue(v.value(QStringLiteral("15")).toString()));
            lastVolume.insert(item, cumulative);
            for (const char *fid : { "11", "12", "27", "28", "14", "16", "17", "18", "25", "228", "290" })
                QVERIFY2(v.contains(QLatin1String(fid)), fid);
            if (item == QLatin1String("005930")) {
                ++samsungEntries;
                QVERIFY(price >= limits.lower && price <= limits.upper);
            }
        }
        QCOMPARE(samsungEntries, added); // one entry per trade
        bool batched = false;
        for (const QJsonObject &f : socket->frames)
            batched |= f.value(QStringLiteral("trnm")).toString() == QLatin1String("REAL")
                && f.value(QStringLiteral("data")).toArray().size() > 1;
        QVERIFY(batched); // several entries per frame

        // REMOVE one item: its frames stop, the other continues.
        socket->send(reg(QStringLiteral("1"), QString(), { QStringLiteral("000660") }, { QStringLiteral("0B") },
            QStringLiteral("REMOVE")));
        QCOMPARE(returnCode(socket->waitForTrnm(QStringLiteral("REMOVE"))), 0);
        socket->frames.clear();
        socket->cursor = 0;
        rig.server.advanceClock(60'000);
        QTRY_VERIFY(!socket->realEntries(QStringLiteral("0B")).isEmpty());
        for (const QJsonObject &e : socket->realEntries(QStringLiteral("0B")))
            QCOMPARE(e.value(QStringLiteral("item")).toString(), QStringLiteral("005930"));
    }

    void refreshZeroReplacesTheGroup()
    {
        Rig rig;
        QVERIFY(rig.start(SimTest::config()));
        auto socket = rig.loggedIn();
        QVERIFY(socket);
        socket->send(
            reg(QStringLiteral("1"), QStringLiteral("1"), { QStringLiteral("005930") }, { QStringLiteral("0B") }));
        QCOMPARE(returnCode(socket->waitForTrnm(QStringLiteral("REG"))), 0);
        socket->send(
            reg(QStringLiteral("1"), QStringLiteral("0"), { QStringLiteral("000660") }, { QStringLiteral("0B") }));
        QCOMPARE(returnCode(socket->waitForTrnm(QStringLiteral("REG"))), 0);
        rig.server.advanceClock(60'000);
        QTRY_VERIFY(!socket->realEntries(QStringLiteral("0B")).isEmpty());
        QTest::qWait(50);
        for (const QJsonObject &e : socket->realEntries(QStringLiteral("0B")))
            QCOMPARE(e.value(QStringLiteral("item")).toString(), QStringLiteral("000660"));
    }

    void registrationErrors()
    {
        Rig rig;
        SimConfig c = SimTest::config();
        c.maxRealtimeItems = 3;
        QVERIFY(rig.start(c));
        auto socket = rig.loggedIn();
        QVERIFY(socket);
        socket->send(
            reg(QStringLiteral("1"), QStringLiteral("1"), { QStringLiteral("005930") }, { QStringLiteral("0Z") }));
        QCOMPARE(returnCode(socket->waitForTrnm(QStringLiteral("REG"))), 1);
        socket->send(
            reg(QStringLiteral("1"), QStringLiteral("1"), { QStringLiteral("999999") }, { QStringLiteral("0B") }));
        QCOMPARE(returnCode(socket->waitForTrnm(QStringLiteral("REG"))), 1);
        socket->send(reg(QStringLiteral("1"), QStringLiteral("1"),
            { QStringLiteral("005930"), QStringLiteral("000660"), QStringLiteral("035720"), QStringLiteral("035420") },
            { QStringLiteral("0B") }));
        const auto tooMany = socket->waitForTrnm(QStringLiteral("REG"));
        QCOMPARE(returnCode(tooMany), 1);
        QCOMPARE(tooMany->value(QStringLiteral("return_msg")).toString(), QStringLiteral("등록 종목수 초과"));
        socket->send(QJsonObject { { QStringLiteral("trnm"), QStringLiteral("WHAT") } });
        QCOMPARE(returnCode(socket->waitForTrnm(QStringLiteral("WHAT"))), 1);
    }

    void bookFrames()
    {
        Rig rig;
        QVERIFY(rig.start(SimTest::config()));
        auto socket = rig.loggedIn();
        QVERIFY(socket);
        socket->send(reg(QStringLiteral("2"), QStringLiteral("1"), { QStringLiteral("005930") },
            { QStringLiteral("0D"), QStringLiteral("0C") }));
        QCOMPARE(returnCode(socket->waitForTrnm(QStringLiteral("REG"))), 0);
        rig.server.advanceClock(30'000);
        QTRY_VERIFY(!socket->realEntries(QStringLiteral("0D")).isEmpty());
        QVERIFY(!socket->realEntries(QStringLiteral("0C")).isEmpty());
        for (const QJsonObject &e : socket->realEntries(QStringLiteral("0D"))) {
            QCOMPARE(e.value(QStringLiteral("name")).toString(), QStringLiteral("주식호가잔량"));
            const QJsonObject v = e.value(QStringLiteral("values")).toObject();
            QVERIFY(allStrings(v));
            for (int fid = 41; fid <= 100; ++fid)
                QVERIFY2(v.contains(QString::number(fid)), qPrintable(QString::number(fid)));
            for (const char *fid : { "21", "121", "122", "125", "126", "128", "129", "138", "139", "13" })
                QVERIFY2(v.contains(QLatin1String(fid)), fid);
            const qint64 ask1 = absValue(v.value(QStringLiteral("41")).toString());
            const qint64 bid1 = absValue(v.value(QStringLiteral("51")).toString());
            if (ask1 > 0 && bid1 > 0)
                QVERIFY(ask1 > bid1);
            qint64 asks = 0;
            for (int fid = 61; fid <= 70; ++fid)
                asks += v.value(QString::number(fid)).toString().toLongLong();
            QCOMPARE(v.value(QStringLiteral("121")).toString().toLongLong(), asks);
        }
    }

    void orderAndBalanceNotices()
    {
        Rig rig;
        QVERIFY(rig.start(SimTest::config()));
        auto socket = rig.loggedIn();
        QVERIFY(socket);
        socket->send(reg(
            QStringLiteral("9"), QStringLiteral("1"), { QString() }, { QStringLiteral("00"), QStringLiteral("04") }));
        QCOMPARE(returnCode(socket->waitForTrnm(QStringLiteral("REG"))), 0);

        const auto order = rig.client->tr(QStringLiteral("kt10000"),
            { { QStringLiteral("dmst_stex_tp"), QStringLiteral("KRX") },
                { QStringLiteral("stk_cd"), QStringLiteral("005930") },
                { QStringLiteral("ord_qty"), QStringLiteral("7") }, { QStringLiteral("ord_uv"), QString() },
                { QStringLiteral("trde_tp"), QStringLiteral("3") } });
        QCOMPARE(order.returnCode(), 0);
        const QString ordNo = order.json.value(QStringLiteral("ord_no")).toString();
        QTRY_VERIFY(socket->realEntries(QStringLiteral("04")).size() >= 1);
        const QList<QJsonObject> notices = socket->realEntries(QStringLiteral("00"));
        QVERIFY(notices.size() >= 2);
        const QJsonObject accepted = notices.first().value(QStringLiteral("values")).toObject();
        QCOMPARE(accepted.value(QStringLiteral("913")).toString(), QStringLiteral("접수"));
        QCOMPARE(accepted.value(QStringLiteral("9203")).toString(), ordNo);
        QCOMPARE(accepted.value(QStringLiteral("9001")).toString(), QStringLiteral("005930"));
        QCOMPARE(accepted.value(QStringLiteral("9201")).toString(), QString::fromLatin1(Sim::DEFAULT_ACCOUNT_NO));
        QCOMPARE(accepted.value(QStringLiteral("905")).toString(), QStringLiteral("+매수"));
        QCOMPARE(accepted.value(QStringLiteral("906")).toString(), QStringLiteral("시장가"));
        QCOMPARE(accepted.value(QStringLiteral("907")).toString(), QStringLiteral("2"));
        QCOMPARE(accepted.value(QStringLiteral("900")).toString(), QStringLiteral("7"));
        for (const char *fid : { "9201", "9203", "9001", "913", "302", "900", "901", "902", "903", "904", "905", "906",
                 "907", "908", "909", "910", "911", "938", "939", "919" })
            QVERIFY2(accepted.contains(QLatin1String(fid)), fid);
        qint64 filled = 0;
        for (const QJsonObject &n : notices) {
            const QJsonObject v = n.value(QStringLiteral("values")).toObject();
            QVERIFY(allStrings(v));
            if (v.value(QStringLiteral("913")).toString() == QStringLiteral("체결")) {
                QVERIFY(!v.value(QStringLiteral("909")).toString().isEmpty());
                QVERIFY(Krx::isOnTick(v.value(QStringLiteral("910")).toString().toLongLong()));
                filled += v.value(QStringLiteral("911")).toString().toLongLong();
            }
        }
        QCOMPARE(filled, qint64(7));
        const QJsonObject balance
            = socket->realEntries(QStringLiteral("04")).last().value(QStringLiteral("values")).toObject();
        QCOMPARE(balance.value(QStringLiteral("930")).toString(), QStringLiteral("7"));
        QCOMPARE(balance.value(QStringLiteral("933")).toString(), QStringLiteral("7"));
        QCOMPARE(balance.value(QStringLiteral("9001")).toString(), QStringLiteral("005930"));
        QVERIFY(balance.value(QStringLiteral("931")).toString().toLongLong() > 0);

        // Cancel of a resting order: 접수 of the cancel, then 확인.
        const qint64 lower = Krx::priceLimits(
            rig.server.market()->quote(rig.server.market()->indexOf(QStringLiteral("005930"))).basePrice)
                                 .lower;
        const auto resting = rig.client->tr(QStringLiteral("kt10000"),
            { { QStringLiteral("dmst_stex_tp"), QStringLiteral("KRX") },
                { QStringLiteral("stk_cd"), QStringLiteral("005930") },
                { QStringLiteral("ord_qty"), QStringLiteral("2") },
                { QStringLiteral("ord_uv"), QString::number(lower) },
                { QStringLiteral("trde_tp"), QStringLiteral("0") } });
        QCOMPARE(resting.returnCode(), 0);
        const auto cancel = rig.client->tr(QStringLiteral("kt10003"),
            { { QStringLiteral("dmst_stex_tp"), QStringLiteral("KRX") },
                { QStringLiteral("orig_ord_no"), resting.json.value(QStringLiteral("ord_no")).toString() },
                { QStringLiteral("stk_cd"), QStringLiteral("005930") },
                { QStringLiteral("cncl_qty"), QStringLiteral("0") } });
        QCOMPARE(cancel.returnCode(), 0);
        const QString cancelNo = cancel.json.value(QStringLiteral("ord_no")).toString();
        auto statusOf = [&](const QString &no) {
            QStringList out;
            for (const QJsonObject &n : socket->realEntries(QStringLiteral("00"))) {
                const QJsonObject v = n.value(QStringLiteral("values")).toObject();
                if (v.value(QStringLiteral("9203")).toString() == no)
                    out.append(v.value(QStringLiteral("913")).toString());
            }
            return out;
        };
        QTRY_COMPARE(statusOf(cancelNo), QStringList({ QStringLiteral("접수"), QStringLiteral("확인") }));

        // A rejection is announced as 거부 with its reason.
        const auto rejected = rig.client->tr(QStringLiteral("kt10001"),
            { { QStringLiteral("dmst_stex_tp"), QStringLiteral("KRX") },
                { QStringLiteral("stk_cd"), QStringLiteral("000660") },
                { QStringLiteral("ord_qty"), QStringLiteral("1") }, { QStringLiteral("ord_uv"), QString() },
                { QStringLiteral("trde_tp"), QStringLiteral("3") } });
        QCOMPARE(rejected.returnCode(), 20);
        QTRY_VERIFY(!statusOf(QStringLiteral("0000000")).isEmpty());
        for (const QJsonObject &n : socket->realEntries(QStringLiteral("00"))) {
            const QJsonObject v = n.value(QStringLiteral("values")).toObject();
            if (v.value(QStringLiteral("913")).toString() == QStringLiteral("거부"))
                QCOMPARE(v.value(QStringLiteral("919")).toString(), rejected.returnMsg());
        }

        // An order still open at the close expires: 취소.
        const auto expiring = rig.client->tr(QStringLiteral("kt10000"),
            { { QStringLiteral("dmst_stex_tp"), QStringLiteral("KRX") },
                { QStringLiteral("stk_cd"), QStringLiteral("005930") },
                { QStringLiteral("ord_qty"), QStringLiteral("1") },
                { QStringLiteral("ord_uv"), QString::number(lower) },
                { QStringLiteral("trde_tp"), QStringLiteral("0") } });
        const QString expiringNo = expiring.json.value(QStringLiteral("ord_no")).toString();
        rig.server.advanceClock(6 * 3600 * 1000);
        QTRY_VERIFY(statusOf(expiringNo).contains(QStringLiteral("취소")));
    }

    void sessionNotices()
    {
        Rig rig;
        QVERIFY(rig.start(SimTest::config()));
        auto socket = rig.loggedIn();
        QVERIFY(socket);
        socket->send(reg(QStringLiteral("3"), QStringLiteral("1"), { QString() }, { QStringLiteral("0s") }));
        QCOMPARE(returnCode(socket->waitForTrnm(QStringLiteral("REG"))), 0);
        rig.server.advanceClock(5LL * 3600 * 1000 + 31 * 60 * 1000); // past 15:30 into the next day
        QTRY_VERIFY(socket->realEntries(QStringLiteral("0s")).size() >= 2);
        QStringList codes;
        for (const QJsonObject &e : socket->realEntries(QStringLiteral("0s")))
            codes.append(e.value(QStringLiteral("values")).toObject().value(QStringLiteral("215")).toString());
        QCOMPARE(codes, QStringList({ QStringLiteral("0"), QStringLiteral("3") }));
    }
};

QTEST_GUILESS_MAIN(TestSimWebSocket)
#include "tst_simwebsocket.moc"
