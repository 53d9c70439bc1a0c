// SPDX-License-Identifier: GPL-3.0-or-later
// SimHttpServer at the byte level: keep-alive and pipelined requests, Expect: 100-continue,
// Connection: close, chunked bodies refused, held and dropped requests, and the WebSocket upgrade
// path check — the behaviour the fault injection relies on.
#include "sim/simhttpserver.h"

#include <QTcpSocket>
#include <QWebSocket>
#include <QtTest>

namespace {

struct Server
{
    SimHttpServer http;
    QList<SimHttpRequest> seen;

    bool start()
    {
        http.setWebSocketPath("/ws");
        http.setHandler([this](const SimHttpRequest &r) {
            seen.append(r);
            SimHttpResponse response;
            if (r.path == "/hold") {
                response.mode = SimHttpResponse::Mode::Hold;
                response.holdMs = 150;
            } else if (r.path == "/drop") {
                response.mode = SimHttpResponse::Mode::Drop;
            } else {
                response.headers = { { "X-Path", r.path } };
                response.body = "echo:" + r.body;
            }
            return response;
        });
        return http.listen(0).ok();
    }
};

// The server runs on this thread: wait by spinning the event loop, never by blocking the socket.
QByteArray readFor(QTcpSocket &socket, int ms)
{
    QByteArray data;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms && socket.state() == QAbstractSocket::ConnectedState) {
        QTest::qWait(10);
        data += socket.readAll();
    }
    data += socket.readAll();
    return data;
}

bool connectTo(QTcpSocket &socket, quint16 port)
{
    socket.connectToHost(QHostAddress::LocalHost, port);
    QElapsedTimer timer;
    timer.start();
    while (socket.state() != QAbstractSocket::ConnectedState && timer.elapsed() < 2000)
        QTest::qWait(5);
    QTest::qWait(20); // let the server accept it
    return socket.state() == QAbstractSocket::ConnectedState;
}

QByteArray post(const QByteArray &path, const QByteArray &body, const QByteArray &extra = {})
{
    return "POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n"
        + extra + "\r\n" + body;
}

} // namespace

class TestSimHttpServer final : public QObject
{
    Q_OBJECT

private slots:
    void keepAliveAndPipelining()
    {
        Server s;
        QVERIFY(s.start());
        QTcpSocket socket;
        QVERIFY(connectTo(socket, s.http.port()));
        socket.write(post("/a", "one") + post("/b?x=1", "two"));
        const QByteArray data = readFor(socket, 300);
        QCOMPARE(data.count("HTTP/1.1 200 OK"), 2);
        QVERIFY(data.indexOf("echo:one") < data.indexOf("echo:two"));
        QVERIFY(data.contains("X-Path: /b"));
        QVERIFY(data.contains("Connection: keep-alive"));
        QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
        QCOMPARE(s.seen.size(), 2);
        QCOMPARE(s.seen.at(1).query, QByteArray("x=1"));
        QCOMPARE(s.seen.at(0).header("host"), QByteArray("x"));
    }

    void expectContinue()
    {
        Server s;
        QVERIFY(s.start());
        QTcpSocket socket;
        QVERIFY(connectTo(socket, s.http.port()));
        socket.write("POST /c HTTP/1.1\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
        QVERIFY(readFor(socket, 200).startsWith("HTTP/1.1 100 Continue\r\n\r\n"));
        socket.write("hello");
        QVERIFY(readFor(socket, 200).contains("echo:hello"));
    }

    void connectionCloseAndChunked()
    {
        Server s;
        QVERIFY(s.start());
        QTcpSocket closing;
        QVERIFY(connectTo(closing, s.http.port()));
        closing.write(post("/a", "x", "Connection: close\r\n"));
        QVERIFY(readFor(closing, 1000).contains("Connection: close"));
        QTRY_COMPARE(closing.state(), QAbstractSocket::UnconnectedState);

        QTcpSocket chunked;
        QVERIFY(connectTo(chunked, s.http.port()));
        chunked.write("POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n");
        QVERIFY(readFor(chunked, 1000).startsWith("HTTP/1.1 411"));
        QCOMPARE(s.seen.size(), 1);
    }

    void heldAndDropped()
    {
        Server s;
        QVERIFY(s.start());
        QTcpSocket held;
        QVERIFY(connectTo(held, s.http.port()));
        QElapsedTimer timer;
        timer.start();
        held.write(post("/hold", "x"));
        const QByteArray nothing = readFor(held, 2000);
        QVERIFY(nothing.isEmpty());
        QCOMPARE(held.state(), QAbstractSocket::UnconnectedState);
        QVERIFY(timer.elapsed() >= 140);

        QTcpSocket dropped;
        QVERIFY(connectTo(dropped, s.http.port()));
        dropped.write(post("/drop", "x"));
        QVERIFY(readFor(dropped, 2000).isEmpty());
        QCOMPARE(dropped.state(), QAbstractSocket::UnconnectedState);
    }

    void webSocketUpgradeOnlyOnItsPath()
    {
        Server s;
        QVERIFY(s.start());
        QList<QWebSocket *> accepted;
        connect(
            &s.http, &SimHttpServer::webSocketConnected, this, [&accepted](QWebSocket *ws) { accepted.append(ws); });
        QWebSocket good;
        good.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(s.http.port())));
        QTRY_COMPARE(accepted.size(), 1);
        QTRY_COMPARE(good.state(), QAbstractSocket::ConnectedState);
        QWebSocket bad;
        bool badClosed = false;
        connect(&bad, &QWebSocket::disconnected, this, [&badClosed] { badClosed = true; });
        bad.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/elsewhere").arg(s.http.port())));
        QTRY_VERIFY(badClosed);
        QVERIFY(bad.state() != QAbstractSocket::ConnectedState);
        QTest::qWait(50);
        QCOMPARE(accepted.size(), 1);
        qDeleteAll(accepted);
    }
};

QTEST_GUILESS_MAIN(TestSimHttpServer)
#include "tst_simhttpserver.moc"
