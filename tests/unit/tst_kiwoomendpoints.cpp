// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/credentials.h"
#include "kiwoom/kiwoomendpoints.h"

#include <QtTest>

class TestKiwoomEndpoints final : public QObject
{
    Q_OBJECT

private slots:
    void hostsFromTheDocument()
    {
        const auto live = KiwoomEndpoints::forMode(QStringLiteral("live"));
        QVERIFY(live.ok());
        QCOMPARE(live->restBase, QUrl(QStringLiteral("https://api.kiwoom.com")));
        QCOMPARE(live->wsUrl, QUrl(QStringLiteral("wss://api.kiwoom.com:10000/api/dostk/websocket")));
        const auto mock = KiwoomEndpoints::forMode(QStringLiteral("mock"));
        QVERIFY(mock.ok());
        QCOMPARE(mock->restBase, QUrl(QStringLiteral("https://mockapi.kiwoom.com")));
        QCOMPARE(mock->wsUrl, QUrl(QStringLiteral("wss://mockapi.kiwoom.com:10000/api/dostk/websocket")));
        QVERIFY(!KiwoomEndpoints::forMode(QStringLiteral("demo")).ok());
        QVERIFY(!KiwoomEndpoints::forMode(QStringLiteral("paper")).ok());
    }

    void urlValidation()
    {
        QVERIFY(KiwoomEndpoints::fromUrls(
            QStringLiteral("http://127.0.0.1:8080"), QStringLiteral("ws://127.0.0.1:8081/api/dostk/websocket"))
                    .ok());
        QVERIFY(!KiwoomEndpoints::fromUrls(QStringLiteral("ftp://x"), QStringLiteral("ws://x/y")).ok());
        QVERIFY(!KiwoomEndpoints::fromUrls(QStringLiteral("http://x"), QStringLiteral("http://x/y")).ok());
        QVERIFY(!KiwoomEndpoints::fromUrls(QStringLiteral("not a url"), QStringLiteral("ws://x/y")).ok());
        QVERIFY(!KiwoomEndpoints::fromUrls(QStringLiteral("https://user:pw@x"), QStringLiteral("wss://x/y")).ok());
    }

    void resolveModeAndOverrides()
    {
        // demo: both URLs from the app (the simulator)
        QVERIFY(!KiwoomEndpoints::resolve(QStringLiteral("demo"), QString(), QString()).ok());
        const auto demo = KiwoomEndpoints::resolve(QStringLiteral("demo"), QStringLiteral("http://127.0.0.1:5000"),
            QStringLiteral("ws://127.0.0.1:5001/api/dostk/websocket"));
        QVERIFY(demo.ok());
        QCOMPARE(demo->restBase.port(), 5000);
        // mock with one override
        const auto mock
            = KiwoomEndpoints::resolve(QStringLiteral("mock"), QString(), QStringLiteral("ws://127.0.0.1:9/ws"));
        QVERIFY(mock.ok());
        QCOMPARE(mock->restBase, QUrl(QStringLiteral("https://mockapi.kiwoom.com")));
        QCOMPARE(mock->wsUrl, QUrl(QStringLiteral("ws://127.0.0.1:9/ws")));
        // any mode with both overrides: a Kiwoom-compatible server elsewhere
        const auto other = KiwoomEndpoints::resolve(
            QStringLiteral("live"), QStringLiteral("https://example.test"), QStringLiteral("wss://example.test/ws"));
        QCOMPARE(other->restBase, QUrl(QStringLiteral("https://example.test")));
    }

    void credentialsFromTheEnvironment()
    {
        qputenv("KIWOOM_APPKEY", " app-key-from-env ");
        qputenv("KIWOOM_SECRETKEY", "secret-from-env");
        const auto c = Credentials::fromEnvironment();
        QCOMPARE(c.appKey, QStringLiteral("app-key-from-env"));
        QCOMPARE(c.secretKey, QStringLiteral("secret-from-env"));
        QVERIFY(c.isComplete());
        qunsetenv("KIWOOM_SECRETKEY");
        QVERIFY(!Credentials::fromEnvironment().isComplete());
        qunsetenv("KIWOOM_APPKEY");
    }
};

QTEST_GUILESS_MAIN(TestKiwoomEndpoints)
#include "tst_kiwoomendpoints.moc"
