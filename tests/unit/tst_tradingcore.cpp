// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/activitylog.h"
#include "common/settings.h"
#include "control/controlserver.h"
#include "controlclient.h"
#include "kiwoom/kiwoomsession.h"
#include "news/newsservice.h"
#include "sim/simconfig.h"
#include "sim/simhost.h"
#include "storage/database.h"
#include "tradingcore.h"

#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

namespace {

// Posts on page 1 of the board for 005930 as the core's news service reads it; -1 on an error.
int boardPosts(TradingCore &core)
{
    std::optional<Result<News::BoardPage>> page;
    QObject context;
    core.news()->discussions(
        QStringLiteral("005930"), 1, &context, [&](const Result<News::BoardPage> &r) { page = r; });
    if (!QTest::qWaitFor([&] { return page.has_value(); }, 10000) || !page->ok())
        return -1;
    return int((*page)->posts.size());
}

} // namespace

class TestTradingCore final : public QObject
{
    Q_OBJECT

private slots:
    void credentialsNeverTravelUnencrypted_data()
    {
        QTest::addColumn<QString>("rest");
        QTest::addColumn<QString>("ws");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("kiwoom hosts") << QStringLiteral("https://api.kiwoom.com")
                                      << QStringLiteral("wss://api.kiwoom.com:10000/api/dostk/websocket") << true;
        QTest::newRow("simulator on loopback") << QStringLiteral("http://127.0.0.1:4000")
                                               << QStringLiteral("ws://127.0.0.1:4000/api/dostk/websocket") << true;
        QTest::newRow("localhost") << QStringLiteral("http://localhost:4000")
                                   << QStringLiteral("ws://localhost:4000/api/dostk/websocket") << true;
        QTest::newRow("ipv6 loopback") << QStringLiteral("http://[::1]:4000") << QString() << true;
        QTest::newRow("plain http elsewhere")
            << QStringLiteral("http://10.0.0.5:4000") << QStringLiteral("wss://10.0.0.5/api/dostk/websocket") << false;
        QTest::newRow("plain ws elsewhere") << QStringLiteral("https://replay.example")
                                            << QStringLiteral("ws://replay.example/api/dostk/websocket") << false;
        QTest::newRow("no overrides") << QString() << QString() << true;
    }
    void credentialsNeverTravelUnencrypted()
    {
        QFETCH(QString, rest);
        QFETCH(QString, ws);
        QFETCH(bool, allowed);
        const Status st = TradingCore::checkTransportSecurity(rest, ws);
        QCOMPARE(st.ok(), allowed);
        if (!allowed)
            QCOMPARE(st.error().code, QStringLiteral("broker.insecure_url"));
    }

    void insecureOverrideFailsTheBrokerNotTheCore()
    {
        QTemporaryDir dir;
        TradingCore::Options o;
        o.dataDir = dir.path();
        o.configFile = dir.filePath(QStringLiteral("kt.ini"));
        o.mode = QStringLiteral("mock");
        o.restUrl = QStringLiteral("http://192.0.2.10:8080");
        o.wsUrl = QStringLiteral("ws://192.0.2.10:8080/api/dostk/websocket");
        qputenv("KIWOOM_APPKEY", "APPKEY-tc-0000001");
        qputenv("KIWOOM_SECRETKEY", "SECRET-tc-0000001");
        TradingCore core(o);
        QSignalSpy states(&core, &TradingCore::brokerStateChanged);
        QVERIFY(core.start().ok());
        QTRY_COMPARE(core.brokerState(), TradingCore::BrokerState::Failed);
        QVERIFY(core.brokerDetail().contains(QStringLiteral("unencrypted")));
        QVERIFY(core.session() == nullptr); // nothing was sent anywhere
        QVERIFY(core.database() != nullptr); // the core itself runs (UI, history) without a broker
        core.stop();
        qunsetenv("KIWOOM_APPKEY");
        qunsetenv("KIWOOM_SECRETKEY");
    }

    // Demo mode pointed at an external simulator (--rest-url/--ws-url) logs in with the demo keys
    // only: the mock/live keys in the environment never reach the host the user named.
    void demoModeWithUrlsUsesTheDemoKeysOnly()
    {
        SimConfig sim;
        sim.port = 0;
        sim.speed = 0;
        SimHost host;
        auto endpoints = host.start(sim); // accepts the demo keys and nothing else
        QVERIFY2(endpoints.ok(), endpoints ? "" : qPrintable(endpoints.error().message));
        qputenv("KIWOOM_APPKEY", "MOCKAPPKEY-tc-0000002-not-for-demo");
        qputenv("KIWOOM_SECRETKEY", "MOCKSECRET-tc-0000002-not-for-demo");
        QTemporaryDir dir;
        TradingCore::Options o;
        o.dataDir = dir.path();
        o.configFile = dir.filePath(QStringLiteral("kt.ini"));
        o.mode = QStringLiteral("demo");
        o.restUrl = endpoints->restBaseUrl.toString();
        o.wsUrl = endpoints->webSocketUrl.toString();
        TradingCore core(o);
        QVERIFY(core.start().ok());
        QTRY_VERIFY_WITH_TIMEOUT(core.brokerState() == TradingCore::BrokerState::Ready
                || core.brokerState() == TradingCore::BrokerState::Failed,
            20000);
        QVERIFY2(core.brokerState() == TradingCore::BrokerState::Ready, qPrintable(core.brokerDetail()));
        QCOMPARE(core.session()->config().credentials, TradingCore::demoCredentials());
        // The news service follows demo mode to that simulator (its Naver routes), with demo keys.
        QVERIFY(core.news());
        QCOMPARE(core.news()->keysState(), NewsService::KeysState::Present);
        QCOMPARE(boardPosts(core), 20);
        core.stop();
        qunsetenv("KIWOOM_APPKEY");
        qunsetenv("KIWOOM_SECRETKEY");
    }

    // The in-process simulator serves news and the board: demo mode shows both with no keys.
    void demoModeNewsReachesTheBuiltInSimulator()
    {
        qunsetenv("KT_NAVER_NEWS_URL");
        qunsetenv("KT_NAVER_BOARD_URL");
        QTemporaryDir dir;
        TradingCore::Options o;
        o.dataDir = dir.path();
        o.configFile = dir.filePath(QStringLiteral("kt.ini"));
        o.mode = QStringLiteral("demo");
        TradingCore core(o);
        QVERIFY(core.start().ok());
        QVERIFY(core.simulator());
        NewsService *news = core.news();
        QVERIFY(news);
        QCOMPARE(news->keysState(), NewsService::KeysState::Present);
        QCOMPARE(news->stockName(QStringLiteral("005930")), QStringLiteral("삼성전자"));
        std::optional<Result<News::NewsResult>> answer;
        QObject context;
        news->news(QStringLiteral("005930"), 10, &context, [&](const Result<News::NewsResult> &r) { answer = r; });
        QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 10000);
        QVERIFY2(answer->ok(), answer->ok() ? "" : qPrintable(answer->error().message));
        QCOMPARE((*answer)->items.size(), 10);
        QVERIFY((*answer)->items.first().title.contains(QStringLiteral("삼성전자")));
        QCOMPARE(boardPosts(core), 20);
        core.stop();
        QVERIFY(core.news() == nullptr);
    }

    // Mock/live without Naver keys: the service says so, and Naver is never asked.
    void mockModeWithoutNaverKeysSaysSo()
    {
        qunsetenv("NAVER_CLIENT_ID");
        qunsetenv("NAVER_CLIENT_SECRET");
        QTemporaryDir dir;
        TradingCore::Options o;
        o.dataDir = dir.path();
        o.configFile = dir.filePath(QStringLiteral("kt.ini"));
        o.mode = QStringLiteral("mock");
        TradingCore core(o);
        QVERIFY(core.start().ok());
        QTRY_COMPARE(core.news()->keysState(), NewsService::KeysState::Missing);
        std::optional<Result<News::NewsResult>> answer;
        QObject context;
        core.news()->news(
            QStringLiteral("005930"), 10, &context, [&](const Result<News::NewsResult> &r) { answer = r; });
        QTRY_VERIFY(answer.has_value());
        QVERIFY(!answer->ok());
        QCOMPARE(answer->error().code, QStringLiteral("naver_keys_missing"));
        QCOMPARE(core.news()->newsClient()->callsToday(), 0);
        core.stop();
    }

    void databaseLivesInAPerModeDirectory()
    {
        QTemporaryDir dir;
        TradingCore::Options o;
        o.dataDir = dir.path();
        o.configFile = dir.filePath(QStringLiteral("kt.ini"));
        o.mode = QStringLiteral("live");
        TradingCore core(o);
        QVERIFY(core.start().ok());
        QCOMPARE(core.databaseDir(), dir.filePath(QStringLiteral("live")));
        QVERIFY(core.database()->filePath().startsWith(dir.filePath(QStringLiteral("live"))));
        QSignalSpy stopped(&core, &TradingCore::stopped);
        core.stop();
        QCOMPARE(stopped.count(), 1);
        QVERIFY(core.database() == nullptr);
    }

    void controlApiStartsWithTheCore()
    {
        QTemporaryDir dir;
        TradingCore::Options o;
        o.dataDir = dir.path();
        o.configFile = dir.filePath(QStringLiteral("kt.ini"));
        o.mode = QStringLiteral("live"); // no credentials: the broker fails, the API still answers
        o.controlPort = 0;
        TradingCore core(o);
        QVERIFY(core.start().ok());
        QVERIFY(core.controlServer());
        QVERIFY(core.controlServer()->port() > 0);
        QCOMPARE(core.controlKeyFile(), dir.filePath(QStringLiteral("control-api-keys.json")));
        QCOMPARE(core.controlServer()->baseUrl(),
            QStringLiteral("http://127.0.0.1:%1/api/v1").arg(core.controlServer()->port()));
        QFile keys(core.controlKeyFile());
        QVERIFY(keys.open(QIODevice::ReadOnly));
        const QJsonObject k = QJsonDocument::fromJson(keys.readAll()).object();
        ControlClient client(core.controlServer()->port());
        client.setKey(k.value(QStringLiteral("read_key")).toString().toLatin1());
        const auto health = client.get("/api/v1/health");
        QCOMPARE(health.status, 200);
        QCOMPARE(health.json().value(QStringLiteral("mode")).toString(), QStringLiteral("live"));
        QVERIFY(health.json().value(QStringLiteral("broker")).toObject().contains(QStringLiteral("state")));
        QVERIFY(!health.json().value(QStringLiteral("ready")).toBool());
        // Without an engine, trading routes refuse without acting.
        client.setKey(k.value(QStringLiteral("trade_key")).toString().toLatin1());
        QCOMPARE(client.post("/api/v1/risk/resume", {}).status, 409);
        const quint16 port = core.controlServer()->port();
        core.stop();
        QVERIFY(core.controlServer() == nullptr);
        QCOMPARE(ControlClient(port).get("/api/v1/health").status, 0); // nothing listens any more

        // control/enabled off: no server.
        QTemporaryDir dir2;
        o.dataDir = dir2.path();
        o.configFile = dir2.filePath(QStringLiteral("kt.ini"));
        {
            Settings s(o.configFile);
            QVERIFY(s.setValue(QStringLiteral("control/enabled"), false).ok());
        }
        TradingCore off(o);
        QVERIFY(off.start().ok());
        QVERIFY(off.controlServer() == nullptr);
        off.stop();
    }
};

QTEST_GUILESS_MAIN(TestTradingCore)
#include "tst_tradingcore.moc"
