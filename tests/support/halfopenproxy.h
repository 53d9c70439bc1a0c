// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <memory>

class QTcpServer;
class QTcpSocket;

// HalfOpenProxy: a TCP relay on 127.0.0.1 in front of a local server, for the tests of dead
// connections. Why: a laptop sleep, a Wi-Fi/VPN switch or a NAT forgetting the flow leave both
// ends of a connection open with nothing arriving — no FIN, no RST, and no pongs (QWebSocketServer
// answers pings by itself, so a test server alone cannot go silent). stallAll() makes exactly that
// happen to every connection relayed so far: nothing is forwarded in either direction any more and
// a close by one side is not passed on. Connections accepted afterwards relay normally, so a client
// that notices the dead flow and reconnects gets through.
// setDropServerPongs(true) removes WebSocket pong frames from what the server sends (a server or
// proxy that does not answer pings); everything else passes byte for byte.
// Single thread (the test's); not copyable.
class HalfOpenProxy final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HalfOpenProxy)

public:
    explicit HalfOpenProxy(quint16 targetPort, QObject *parent = nullptr);
    ~HalfOpenProxy() override;

    bool listen();
    quint16 port() const;
    // url with the proxy's host and port (scheme and path kept).
    QUrl via(const QUrl &url) const;

    void stallAll();
    void setDropServerPongs(bool drop) { m_dropPongs = drop; }

    int connectionsAccepted() const { return m_accepted; }
    int pongsDropped() const { return m_pongsDropped; }

private:
    struct Relay
    {
        QPointer<QTcpSocket> client;
        QPointer<QTcpSocket> server;
        QByteArray toServer; // client bytes before the server connection is up
        QByteArray fromServer; // server bytes not yet forwarded (pong filter)
        bool serverConnected = false;
        bool handshakeDone = false; // the server's HTTP 101 reply has passed
        bool stalled = false;
    };

    void onNewConnection();
    void forwardFromServer(Relay &relay);

    quint16 m_targetPort;
    QTcpServer *m_listener = nullptr;
    QList<std::shared_ptr<Relay>> m_relays;
    int m_accepted = 0;
    int m_pongsDropped = 0;
    bool m_dropPongs = false;
};
