// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPair>

#include <functional>

class QTcpServer;
class QTcpSocket;
class QWebSocket;
class QWebSocketServer;

struct SimHttpRequest
{
    QByteArray method;
    QByteArray path; // without the query string
    QByteArray query;
    QHash<QByteArray, QByteArray> headers; // names lower-cased
    QByteArray body;
    QHostAddress peer;

    bool hasHeader(const char *name) const { return headers.contains(QByteArray(name)); }
    QByteArray header(const char *name) const { return headers.value(QByteArray(name)); }
};

struct SimHttpResponse
{
    enum class Mode
    {
        Reply, // send status/headers/body (after delayMs)
        Hold, // send nothing; close after holdMs (-1: keep it open until the peer gives up)
        Drop, // reset the connection without a reply
        Deferred, // the reply comes later: deferred(complete) is called once, complete() sends it
    };
    using Completion = std::function<void(const SimHttpResponse &)>;
    Mode mode = Mode::Reply;
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    int holdMs = -1;
    int delayMs = 0; // Reply: send it this many real ms later (the connection's next request waits)
    // Deferred (paper trading relays a query to its live feed): called at once with the function
    // that sends the reply; the connection's next request waits until then. complete() may be
    // called from any later point on the server's thread; after the connection or server is gone it
    // does nothing.
    std::function<void(Completion complete)> deferred;
};

// SimHttpServer is the simulator's small HTTP/1.1 server on 127.0.0.1, with WebSocket upgrades of
// one path handed to QWebSocketServer::handleConnection() on the same port.
//
// Why not QHttpServer: the simulator must be able to answer late or never (timeouts), reset a
// connection mid-request, send a body that is not JSON, and decide per request exactly which
// headers go out; QHttpServer 6.4 makes all of those awkward. This server keeps connections alive,
// reads Content-Length bodies (no chunked requests: Kiwoom clients send JSON with a length),
// answers requests of one connection in order, and never logs headers or bodies (they carry keys
// and tokens).
//
// Single-threaded; lives on the simulator thread. webSocketConnected() hands over a QWebSocket the
// receiver must take ownership of.
class SimHttpServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimHttpServer)

public:
    using Handler = std::function<SimHttpResponse(const SimHttpRequest &)>;

    explicit SimHttpServer(QObject *parent = nullptr);
    ~SimHttpServer() override;

    void setHandler(Handler handler) { m_handler = std::move(handler); }
    void setWebSocketPath(const QByteArray &path) { m_wsPath = path; }
    Status listen(quint16 port);
    void close();
    bool isListening() const;
    quint16 port() const;
    int openConnections() const { return int(m_connections.size()); }

signals:
    void webSocketConnected(QWebSocket *socket);

private:
    struct Connection
    {
        QByteArray buffer;
        bool sniffing = true; // first request not yet classified (HTTP vs WebSocket upgrade)
        bool held = false; // a request is being held unanswered
        bool continued = false; // "100 Continue" sent for the request being read
    };

    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void processBuffer(QTcpSocket *socket);
    void send(QTcpSocket *socket, const SimHttpResponse &response, bool keepAlive);
    void sendSimple(QTcpSocket *socket, int status, const QByteArray &body);
    void forget(QTcpSocket *socket);

    QTcpServer *m_tcp = nullptr;
    QWebSocketServer *m_ws = nullptr;
    Handler m_handler;
    QByteArray m_wsPath;
    QHash<QTcpSocket *, Connection> m_connections;
};
