// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiwoom/singleshothttp.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

// A raw TCP peer that answers the first request with scripted bytes (possibly in pieces), so the
// one-shot HTTP exchange can be checked against every response framing.
class RawPeer final : public QObject
{
public:
    QTcpServer server;
    QByteArray received;
    int connections = 0;
    QList<QByteArray> pieces; // written one per 20 ms after the request arrived
    bool closeAfter = false; // close the connection after the last piece

    RawPeer()
    {
        server.listen(QHostAddress::LocalHost, 0);
        connect(&server, &QTcpServer::newConnection, this, [this] {
            QTcpSocket *s = server.nextPendingConnection();
            ++connections;
            connect(s, &QTcpSocket::readyRead, this, [this, s] {
                const bool first = received.isEmpty();
                received += s->readAll();
                if (!first || !received.contains("\r\n\r\n"))
                    return;
                int delay = 0;
                for (const QByteArray &p : std::as_const(pieces)) {
                    QTimer::singleShot(delay, s, [s, p] { s->write(p); });
                    delay += 20;
                }
                if (closeAfter)
                    QTimer::singleShot(delay, s, [s] { s->disconnectFromHost(); });
            });
        });
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/api/dostk/ordr").arg(server.serverPort())); }
};

class TestSingleShotHttp final : public QObject
{
    Q_OBJECT

private:
    static const SingleShotHttp::Outcome &runOnce(SingleShotHttp &http)
    {
        QSignalSpy done(&http, &SingleShotHttp::finished);
        http.start();
        if (!done.wait(5000))
            qFatal("no finished()");
        return http.outcome();
    }

    const QList<QPair<QByteArray, QByteArray>> headers {
        { "Content-Type", "application/json;charset=UTF-8" },
        { "api-id", "kt10000" },
        { "authorization", "Bearer abc" },
    };

private slots:
    void writesOneRequestAndReadsContentLength()
    {
        RawPeer peer;
        peer.pieces = {
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\ncont-yn: N\r\nContent-Length: 17\r\n\r\n{\"return_co",
            "de\":0}"
        };
        SingleShotHttp http(peer.url(), headers, R"({"stk_cd":"005930"})", 2000);
        const auto &o = runOnce(http);
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        QCOMPARE(o.status, 200);
        QCOMPARE(o.body, QByteArray(R"({"return_code":0})"));
        QCOMPARE(o.headers.value("cont-yn"), QByteArray("N"));
        QVERIFY(o.connected);
        QVERIFY(o.requestWritten);
        QVERIFY(peer.received.startsWith("POST /api/dostk/ordr HTTP/1.1\r\n"));
        QVERIFY(peer.received.contains(
            QByteArray("\r\nHost: 127.0.0.1:" + QByteArray::number(peer.server.serverPort()) + "\r\n")));
        QVERIFY(peer.received.contains("\r\napi-id: kt10000\r\n"));
        QVERIFY(peer.received.contains("\r\nauthorization: Bearer abc\r\n"));
        QVERIFY(peer.received.contains("\r\nContent-Length: 19\r\n"));
        QVERIFY(peer.received.contains("\r\nConnection: close\r\n"));
        QVERIFY(peer.received.endsWith("\r\n\r\n{\"stk_cd\":\"005930\"}"));
    }

    void chunkedAndInterimResponses()
    {
        RawPeer peer;
        peer.pieces = { "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 429 Too Many Requests\r\nTransfer-Encoding: "
                        "chunked\r\n\r\n5\r\n{\"ret",
            "\r\nc\r\nurn_code\":5}\r\n", "0\r\n\r\n" };
        // chunks of 5 and 0xc bytes -> {"return_code":5}
        SingleShotHttp http(peer.url(), headers, "{}", 2000);
        const auto &o = runOnce(http);
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        QCOMPARE(o.status, 429);
        QCOMPARE(o.body, QByteArray(R"({"return_code":5})"));
    }

    void bodyUntilClose()
    {
        RawPeer peer;
        peer.pieces = { "HTTP/1.1 200 OK\r\n\r\n{\"a\":", "1}" };
        peer.closeAfter = true;
        SingleShotHttp http(peer.url(), headers, "{}", 2000);
        const auto &o = runOnce(http);
        QCOMPARE(o.status, 200);
        QCOMPARE(o.body, QByteArray(R"({"a":1})"));
    }

    void closedWithoutAReplyIsNotResent()
    {
        RawPeer peer;
        peer.closeAfter = true;
        SingleShotHttp http(peer.url(), headers, "{}", 2000);
        const auto &o = runOnce(http);
        QCOMPARE(o.status, 0);
        QVERIFY(o.connected);
        QVERIFY(o.requestWritten); // it may have been executed
        QVERIFY(!o.error.isEmpty());
        QTest::qWait(100);
        QCOMPARE(peer.connections, 1);
    }

    void truncatedBodyIsNotAResponse()
    {
        RawPeer peer;
        peer.pieces = { "HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\n{\"ord_no\":" };
        peer.closeAfter = true;
        SingleShotHttp http(peer.url(), headers, "{}", 2000);
        const auto &o = runOnce(http);
        QCOMPARE(o.status, 0);
        QVERIFY(o.requestWritten);
    }

    // Bytes that cannot be an HTTP response end the exchange at once (outcome unknown: the request
    // was written), instead of looping on a negative chunk size or waiting for the timeout.
    void hostileResponsesFailFast_data()
    {
        QTest::addColumn<QByteArray>("response");
        QTest::addColumn<QString>("error");
        QTest::newRow("negative chunk") << QByteArray(
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n-5\r\nabc\r\n")
                                        << QStringLiteral("invalid chunk size");
        QTest::newRow("huge chunk") << QByteArray(
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n7fffffffffffffff\r\n")
                                    << QStringLiteral("invalid chunk size");
        QTest::newRow("bad chunk") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
                                   << QStringLiteral("invalid chunk size");
        QTest::newRow("negative length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n{}")
                                         << QStringLiteral("invalid Content-Length");
        QTest::newRow("huge length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 99999999999\r\n\r\n{}")
                                     << QStringLiteral("invalid Content-Length");
        QTest::newRow("not http") << QByteArray("SSH-2.0-OpenSSH_9.2\r\n\r\n")
                                  << QStringLiteral("not an HTTP response");
    }

    void hostileResponsesFailFast()
    {
        QFETCH(QByteArray, response);
        QFETCH(QString, error);
        RawPeer peer;
        peer.pieces = { response }; // and the connection stays open
        SingleShotHttp http(peer.url(), headers, "{}", 4000);
        QElapsedTimer t;
        t.start();
        const auto &o = runOnce(http);
        QCOMPARE(o.status, 0);
        QVERIFY(o.requestWritten);
        QVERIFY(!o.timedOut);
        QCOMPARE(o.error, error);
        QVERIFY2(t.elapsed() < 3000, "waited for the timeout");
    }

    void ipv6HostHeaderIsBracketed()
    {
        RawPeer peer;
        peer.server.close();
        if (!peer.server.listen(QHostAddress::LocalHostIPv6, 0))
            QSKIP("no IPv6 loopback on this machine");
        peer.pieces = { "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}" };
        SingleShotHttp http(
            QUrl(QStringLiteral("http://[::1]:%1/oauth2/token").arg(peer.server.serverPort())), headers, "{}", 2000);
        const auto &o = runOnce(http);
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        QVERIFY2(peer.received.contains(
                     QByteArray("\r\nHost: [::1]:" + QByteArray::number(peer.server.serverPort()) + "\r\n")),
            peer.received.constData());
    }

    void timeout()
    {
        RawPeer peer; // never answers
        SingleShotHttp http(peer.url(), headers, "{}", 150);
        const auto &o = runOnce(http);
        QCOMPARE(o.status, 0);
        QVERIFY(o.timedOut);
        QVERIFY(o.requestWritten);
    }

    void refusedConnectionNeverSent()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const QUrl url(QStringLiteral("http://127.0.0.1:%1/x").arg(probe.serverPort()));
        probe.close();
        SingleShotHttp http(url, headers, "{}", 2000);
        const auto &o = runOnce(http);
        QCOMPARE(o.status, 0);
        QVERIFY(!o.connected);
        QVERIFY(!o.requestWritten);
    }

    void tlsHandshakeFailureNeverSent()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("no TLS backend");
        RawPeer peer; // speaks plain TCP: the handshake cannot succeed
        QUrl url = peer.url();
        url.setScheme(QStringLiteral("https"));
        SingleShotHttp http(url, headers, "{}", 300); // the peer never answers the ClientHello
        const auto &o = runOnce(http);
        QCOMPARE(o.status, 0);
        QVERIFY(!o.connected);
        QVERIFY(!o.requestWritten);
        QVERIFY(!peer.received.contains("POST"));
    }
};

QTEST_GUILESS_MAIN(TestSingleShotHttp)
#include "tst_singleshothttp.moc"
