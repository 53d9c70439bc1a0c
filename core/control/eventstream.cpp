// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventstream.h"

#include "common/logging.h"
#include "trading/eventfeed.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>
#include <QWebSocket>
#include <QWebSocketServer>

namespace Control {

namespace {

constexpr qsizetype MAX_HANDSHAKE_BYTES = 16 * 1024;
constexpr int HANDSHAKE_TIMEOUT_MS = 5000;
constexpr qint64 MAX_BACKLOG_BYTES = 4 * 1024 * 1024;

QByteArray reason(int status)
{
    switch (status) {
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 426:
        return "Upgrade Required";
    case 429:
        return "Too Many Requests";
    default:
        return "Bad Request";
    }
}

} // namespace

EventStream::EventStream(EventFeed &feed, Admit admit, QObject *parent)
    : QObject(parent), m_feed(feed), m_admit(std::move(admit))
{
    m_tcp = new QTcpServer(this);
    m_ws = new QWebSocketServer(QStringLiteral("kiwoom-trader"), QWebSocketServer::NonSecureMode, this);
    m_ws->setHandshakeTimeout(HANDSHAKE_TIMEOUT_MS);
    connect(m_tcp, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *s = m_tcp->nextPendingConnection())
            onConnection(s);
    });
    connect(m_ws, &QWebSocketServer::newConnection, this, [this] {
        while (QWebSocket *ws = m_ws->nextPendingConnection()) {
            ws->setParent(this);
            m_clients.append(ws);
            connect(ws, &QWebSocket::disconnected, this, [this, ws] {
                m_clients.removeAll(ws);
                ws->deleteLater();
            });
            const QJsonObject hello { { QStringLiteral("seq"), m_feed.lastSeq() },
                { QStringLiteral("type"), QStringLiteral("hello") },
                { QStringLiteral("time"), QDateTime::currentMSecsSinceEpoch() },
                { QStringLiteral("data"),
                    QJsonObject { { QStringLiteral("version"), QCoreApplication::applicationVersion() } } } };
            ws->sendTextMessage(QString::fromUtf8(QJsonDocument(hello).toJson(QJsonDocument::Compact)));
        }
    });
    connect(&m_feed, &EventFeed::event, this, &EventStream::onEvent);
}

EventStream::~EventStream()
{
    for (QWebSocket *ws : std::as_const(m_clients)) {
        ws->disconnect(this);
        ws->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("server stopping"));
    }
    m_clients.clear();
}

quint16 EventStream::listen(const QHostAddress &address, quint16 port)
{
    if (!m_tcp->listen(address, port))
        return 0;
    m_port = m_tcp->serverPort();
    return m_port;
}

void EventStream::onConnection(QTcpSocket *socket)
{
    socket->setParent(this);
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readHandshake(socket); });
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    QTimer::singleShot(HANDSHAKE_TIMEOUT_MS, socket, [socket] {
        if (socket->property("kt_handshake").toBool())
            return;
        socket->abort();
        socket->deleteLater();
    });
}

void EventStream::readHandshake(QTcpSocket *socket)
{
    // Peeked, not read: an admitted handshake is read again by QWebSocketServer.
    const QByteArray head = socket->peek(MAX_HANDSHAKE_BYTES);
    const qsizetype end = head.indexOf("\r\n\r\n");
    if (end < 0) {
        if (head.size() >= MAX_HANDSHAKE_BYTES) {
            socket->abort();
            socket->deleteLater();
        }
        return;
    }
    socket->setProperty("kt_handshake", true);
    disconnect(socket, &QTcpSocket::readyRead, this, nullptr);

    const QList<QByteArray> lines = head.left(end).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    Handshake h;
    h.client = socket->peerAddress().toString();
    QByteArray upgrade;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "host") {
            h.host = value;
            ++h.hostCount;
        } else if (name == "origin") {
            h.origin = value;
            ++h.originCount;
        } else if (name == "authorization") {
            h.authorization = value;
        } else if (name == "upgrade") {
            upgrade = value.toLower();
        }
    }
    const QUrl url(QString::fromLatin1(requestLine.value(1)));
    const QUrlQuery query(url);
    if (h.authorization.isEmpty() && query.hasQueryItem(QStringLiteral("token")))
        h.authorization = "Bearer " + query.queryItemValue(QStringLiteral("token")).toLatin1();

    if (std::optional<Reply> refused = m_admit(h)) {
        refused->data.clear();
        refuse(socket, *refused);
        return;
    }
    if (requestLine.size() != 3 || requestLine[0] != "GET") {
        refuse(socket, Reply::error(405, QStringLiteral("method_not_allowed"), tr("Only GET opens the event stream.")));
        return;
    }
    if (url.path() != path() && url.path() != path() + u'/') {
        refuse(socket, Reply::error(404, QStringLiteral("not_found"), tr("The event stream is at %1.").arg(path())));
        return;
    }
    if (upgrade != "websocket") {
        refuse(socket, Reply::error(426, QStringLiteral("upgrade_required"), tr("Open this URL as a WebSocket.")));
        return;
    }
    // QWebSocketServer takes it (the QWebSocket it becomes owns it).
    socket->setParent(nullptr);
    disconnect(socket, nullptr, this, nullptr);
    disconnect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    m_ws->handleConnection(socket);
}

void EventStream::refuse(QTcpSocket *socket, const Reply &reply)
{
    const QByteArray body = QJsonDocument(reply.body).toJson(QJsonDocument::Compact);
    QByteArray out = "HTTP/1.1 " + QByteArray::number(reply.status) + ' ' + reason(reply.status) + "\r\n"
        + "Content-Type: application/json; charset=utf-8\r\n" + "Content-Length: " + QByteArray::number(body.size())
        + "\r\n" + "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n";
    if (reply.status == 401)
        out += "WWW-Authenticate: Bearer realm=\"kiwoom-trader\"\r\n";
    out += "\r\n" + body;
    qCInfo(lcApp).noquote() << "control API event stream refused:" << reply.status;
    socket->readAll();
    socket->write(out);
    socket->disconnectFromHost();
}

void EventStream::onEvent(const QJsonObject &event)
{
    if (m_clients.isEmpty())
        return;
    const QString text = QString::fromUtf8(QJsonDocument(event).toJson(QJsonDocument::Compact));
    for (QWebSocket *ws : QList<QWebSocket *>(m_clients)) {
        if (ws->bytesToWrite() > MAX_BACKLOG_BYTES) {
            qCWarning(lcApp) << "control API event stream: a client does not keep up; closed";
            m_clients.removeAll(ws);
            ws->close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("too slow"));
            continue;
        }
        ws->sendTextMessage(text);
    }
}

} // namespace Control
