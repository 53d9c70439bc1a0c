// SPDX-License-Identifier: GPL-3.0-or-later
#include "simhttpserver.h"

#include "common/logging.h"

#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

namespace {

constexpr int MAX_HEADER_BYTES = 64 * 1024;
constexpr int MAX_BODY_BYTES = 4 * 1024 * 1024;
const QByteArray HEADER_END = QByteArrayLiteral("\r\n\r\n");

QByteArray reason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 411:
        return "Length Required";
    case 413:
        return "Payload Too Large";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

struct Head
{
    bool ok = false;
    QByteArray method;
    QByteArray target;
    QByteArray version;
    QHash<QByteArray, QByteArray> headers;
};

Head parseHead(const QByteArray &block)
{
    Head head;
    const QList<QByteArray> lines = block.split('\n');
    if (lines.isEmpty())
        return head;
    const QList<QByteArray> first = lines.first().trimmed().split(' ');
    if (first.size() != 3)
        return head;
    head.method = first.at(0);
    head.target = first.at(1);
    head.version = first.at(2);
    for (int i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        const int colon = line.indexOf(':');
        if (colon <= 0)
            return head;
        head.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
    }
    head.ok = head.version.startsWith("HTTP/1.");
    return head;
}

} // namespace

SimHttpServer::SimHttpServer(QObject *parent)
    : QObject(parent)
    , m_tcp(new QTcpServer(this))
    , m_ws(new QWebSocketServer(QStringLiteral("kiwoom-sim"), QWebSocketServer::NonSecureMode, this))
{
    connect(m_tcp, &QTcpServer::newConnection, this, &SimHttpServer::onNewConnection);
    connect(m_ws, &QWebSocketServer::newConnection, this, [this] {
        while (m_ws->hasPendingConnections())
            emit webSocketConnected(m_ws->nextPendingConnection());
    });
}

SimHttpServer::~SimHttpServer()
{
    close();
}

Status SimHttpServer::listen(quint16 port)
{
    if (!m_tcp->listen(QHostAddress::LocalHost, port))
        return Error { QStringLiteral("sim.listen"), m_tcp->errorString() };
    return {};
}

void SimHttpServer::close()
{
    m_tcp->close();
    const QList<QTcpSocket *> sockets = m_connections.keys();
    for (QTcpSocket *socket : sockets) {
        disconnect(socket, nullptr, this, nullptr);
        socket->abort();
        socket->deleteLater();
    }
    m_connections.clear();
}

bool SimHttpServer::isListening() const
{
    return m_tcp->isListening();
}

quint16 SimHttpServer::port() const
{
    return m_tcp->serverPort();
}

void SimHttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_tcp->nextPendingConnection()) {
        m_connections.insert(socket, Connection {});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] { forget(socket); });
        if (socket->bytesAvailable() > 0)
            onReadyRead(socket);
    }
}

void SimHttpServer::forget(QTcpSocket *socket)
{
    if (m_connections.remove(socket) > 0)
        socket->deleteLater();
}

void SimHttpServer::onReadyRead(QTcpSocket *socket)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    if (it->sniffing) {
        // Classify the first request without consuming it, so a WebSocket upgrade can be handed to
        // QWebSocketServer with the handshake still unread in the socket.
        const QByteArray peeked = socket->peek(socket->bytesAvailable());
        const int end = peeked.indexOf(HEADER_END);
        if (end < 0) {
            if (peeked.size() > MAX_HEADER_BYTES) {
                sendSimple(socket, 431, {});
                socket->disconnectFromHost();
            }
            return;
        }
        const Head head = parseHead(peeked.left(end));
        if (head.ok && head.headers.value("upgrade").toLower().contains("websocket")) {
            QByteArray path = head.target;
            const int q = path.indexOf('?');
            if (q >= 0)
                path.truncate(q);
            if (path != m_wsPath) {
                sendSimple(socket, 404, QByteArrayLiteral("{\"return_code\":2,\"return_msg\":\"no WebSocket here\"}"));
                socket->disconnectFromHost();
                return;
            }
            m_connections.erase(it);
            disconnect(socket, nullptr, this, nullptr);
            m_ws->handleConnection(socket);
            return;
        }
        it->sniffing = false;
    }
    it->buffer += socket->readAll();
    processBuffer(socket);
}

void SimHttpServer::processBuffer(QTcpSocket *socket)
{
    for (;;) {
        auto it = m_connections.find(socket);
        if (it == m_connections.end() || it->held)
            return;
        QByteArray &buffer = it->buffer;
        const int end = buffer.indexOf(HEADER_END);
        if (end < 0) {
            if (buffer.size() > MAX_HEADER_BYTES) {
                sendSimple(socket, 431, {});
                socket->disconnectFromHost();
            }
            return;
        }
        const Head head = parseHead(buffer.left(end));
        if (!head.ok) {
            sendSimple(socket, 400, {});
            socket->disconnectFromHost();
            return;
        }
        if (head.headers.value("transfer-encoding").toLower().contains("chunked")) {
            sendSimple(socket, 411, {});
            socket->disconnectFromHost();
            return;
        }
        bool lengthOk = true;
        const qint64 length
            = head.headers.contains("content-length") ? head.headers.value("content-length").toLongLong(&lengthOk) : 0;
        if (!lengthOk || length < 0 || length > MAX_BODY_BYTES) {
            sendSimple(socket, 413, {});
            socket->disconnectFromHost();
            return;
        }
        const qint64 total = end + HEADER_END.size() + length;
        if (buffer.size() < total) {
            // curl and others wait for this before sending a larger body.
            if (!it->continued && head.headers.value("expect").toLower() == "100-continue") {
                it->continued = true;
                socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            }
            return;
        }
        it->continued = false;

        SimHttpRequest request;
        request.method = head.method;
        request.headers = head.headers;
        request.peer = socket->peerAddress();
        request.body = buffer.mid(end + HEADER_END.size(), length);
        const int q = head.target.indexOf('?');
        request.path = q >= 0 ? head.target.left(q) : head.target;
        request.query = q >= 0 ? head.target.mid(q + 1) : QByteArray();
        buffer.remove(0, total);

        const QByteArray connection = head.headers.value("connection").toLower();
        const bool keepAlive
            = head.version == "HTTP/1.1" ? !connection.contains("close") : connection.contains("keep-alive");
        SimHttpResponse response;
        if (m_handler) {
            response = m_handler(request);
        } else {
            response.status = 503;
        }
        // The handler may have stopped the server.
        if (!m_connections.contains(socket))
            return;
        switch (response.mode) {
        case SimHttpResponse::Mode::Reply:
            if (response.delayMs > 0) {
                m_connections[socket].held = true;
                QTimer::singleShot(response.delayMs, socket, [this, socket, response, keepAlive] {
                    const auto held = m_connections.find(socket);
                    if (held == m_connections.end())
                        return; // closed meanwhile
                    held->held = false;
                    send(socket, response, keepAlive);
                    if (keepAlive)
                        processBuffer(socket);
                });
                return;
            }
            send(socket, response, keepAlive);
            if (!keepAlive)
                return;
            break;
        case SimHttpResponse::Mode::Hold:
            m_connections[socket].held = true;
            if (response.holdMs >= 0)
                QTimer::singleShot(response.holdMs, socket, [socket] { socket->abort(); });
            return;
        case SimHttpResponse::Mode::Drop:
            socket->abort();
            return;
        case SimHttpResponse::Mode::Deferred: {
            m_connections[socket].held = true;
            if (!response.deferred) {
                socket->abort();
                return;
            }
            QPointer<SimHttpServer> self(this);
            QPointer<QTcpSocket> peer(socket);
            response.deferred([self, peer, keepAlive](const SimHttpResponse &done) {
                if (!self || !peer)
                    return;
                const auto held = self->m_connections.find(peer.data());
                if (held == self->m_connections.end() || !held->held)
                    return; // closed meanwhile, or already answered
                held->held = false;
                if (done.mode != SimHttpResponse::Mode::Reply) {
                    peer->abort();
                    return;
                }
                self->send(peer.data(), done, keepAlive);
                if (keepAlive)
                    QTimer::singleShot(0, peer.data(), [self, peer] {
                        if (self && peer)
                            self->processBuffer(peer.data());
                    });
            });
            return;
        }
        }
    }
}

void SimHttpServer::send(QTcpSocket *socket, const SimHttpResponse &response, bool keepAlive)
{
    QByteArray out;
    out.reserve(response.body.size() + 256);
    out += "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reason(response.status) + "\r\n";
    bool hasType = false;
    for (const auto &h : response.headers) {
        hasType |= h.first.compare("content-type", Qt::CaseInsensitive) == 0;
        out += h.first + ": " + h.second + "\r\n";
    }
    if (!hasType && !response.body.isEmpty())
        out += "Content-Type: application/json;charset=UTF-8\r\n";
    out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    out += keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n";
    out += "\r\n";
    out += response.body;
    socket->write(out);
    if (!keepAlive)
        socket->disconnectFromHost();
}

void SimHttpServer::sendSimple(QTcpSocket *socket, int status, const QByteArray &body)
{
    SimHttpResponse response;
    response.status = status;
    response.body = body;
    send(socket, response, false);
}
