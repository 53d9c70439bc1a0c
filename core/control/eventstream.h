// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "routetable.h"

#include <QHostAddress>
#include <QList>
#include <QObject>

#include <functional>
#include <optional>

class EventFeed;
class QTcpServer;
class QTcpSocket;
class QWebSocket;
class QWebSocketServer;

namespace Control {

// EventStream is the control API's /api/v1/events: a WebSocket that pushes every EventFeed event
// ({"seq","type","time","data"}: fills, order state changes, signals, kill-switch changes, ...) as
// one JSON text message each, in order.
//
// Why a second port: QHttpServer 6.4 upgrades a WebSocket request before any handler sees it (no
// hook to check the key first; that arrives in Qt 6.8). So a QTcpServer of its own reads the
// handshake (peeked, not consumed), answers a refusal as plain HTTP (401/403/404/426/429 with the
// API's JSON error body) and hands only an admitted request to QWebSocketServer.
// Guarantees: the handshake passes the same checks as an HTTP request (the `admit` function:
// throttle, Host naming this port, Origin, bearer key from the Authorization header or, for
// browsers, a `token` query item; either key may read); a client is greeted with
// {"seq": <last seq>, "type": "hello", ...}; a client that lets 4 MiB of events pile up unsent
// is closed (code 1008) instead of growing memory; messages from clients are ignored.
// Threading: the thread it is created on (the core's, where EventFeed lives).
class EventStream final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventStream)

public:
    struct Handshake
    {
        QString client; // remote address
        QByteArray host;
        int hostCount = 0;
        QByteArray origin;
        int originCount = 0;
        QByteArray authorization; // "Bearer <key>" (built from ?token= when there is no header)
    };
    // nullopt: admitted; else the refusal to answer.
    using Admit = std::function<std::optional<Reply>(const Handshake &)>;

    EventStream(EventFeed &feed, Admit admit, QObject *parent = nullptr);
    ~EventStream() override;

    quint16 listen(const QHostAddress &address, quint16 port);
    quint16 port() const { return m_port; }
    int clientCount() const { return int(m_clients.size()); }
    static QString path() { return QStringLiteral("/api/v1/events"); }

private:
    void onConnection(QTcpSocket *socket);
    void readHandshake(QTcpSocket *socket);
    void refuse(QTcpSocket *socket, const Reply &reply);
    void onEvent(const QJsonObject &event);

    EventFeed &m_feed;
    Admit m_admit;
    QTcpServer *m_tcp = nullptr; // children
    QWebSocketServer *m_ws = nullptr;
    QList<QWebSocket *> m_clients;
    quint16 m_port = 0;
};

} // namespace Control
