// SPDX-License-Identifier: GPL-3.0-or-later
#include "halfopenproxy.h"

#include <QTcpServer>
#include <QTcpSocket>

HalfOpenProxy::HalfOpenProxy(quint16 targetPort, QObject *parent)
    : QObject(parent), m_targetPort(targetPort), m_listener(new QTcpServer(this))
{
    connect(m_listener, &QTcpServer::newConnection, this, &HalfOpenProxy::onNewConnection);
}

HalfOpenProxy::~HalfOpenProxy()
{
    for (const auto &relay : std::as_const(m_relays)) {
        for (QTcpSocket *socket : { relay->client.data(), relay->server.data() }) {
            if (socket) {
                socket->disconnect(this);
                socket->abort();
            }
        }
    }
}

bool HalfOpenProxy::listen()
{
    return m_listener->listen(QHostAddress::LocalHost, 0);
}

quint16 HalfOpenProxy::port() const
{
    return m_listener->serverPort();
}

QUrl HalfOpenProxy::via(const QUrl &url) const
{
    QUrl out = url;
    out.setHost(QStringLiteral("127.0.0.1"));
    out.setPort(port());
    return out;
}

void HalfOpenProxy::stallAll()
{
    for (const auto &relay : std::as_const(m_relays))
        relay->stalled = true;
}

void HalfOpenProxy::onNewConnection()
{
    while (QTcpSocket *client = m_listener->nextPendingConnection()) {
        ++m_accepted;
        auto relay = std::make_shared<Relay>();
        relay->client = client;
        auto *server = new QTcpSocket(this);
        relay->server = server;
        client->setParent(this);
        m_relays.append(relay);
        Relay *r = relay.get();

        connect(server, &QTcpSocket::connected, this, [r] {
            r->serverConnected = true;
            if (!r->stalled && !r->toServer.isEmpty() && r->server)
                r->server->write(r->toServer);
            r->toServer.clear();
        });
        connect(client, &QTcpSocket::readyRead, this, [r] {
            const QByteArray bytes = r->client->readAll();
            if (r->stalled)
                return; // swallowed by the dead flow
            if (r->serverConnected && r->server)
                r->server->write(bytes);
            else
                r->toServer += bytes;
        });
        connect(server, &QTcpSocket::readyRead, this, [this, r] {
            r->fromServer += r->server->readAll();
            if (r->stalled) {
                r->fromServer.clear();
                return;
            }
            forwardFromServer(*r);
        });
        // A close travels on only while the flow is alive.
        connect(client, &QTcpSocket::disconnected, this, [r] {
            if (!r->stalled && r->server)
                r->server->disconnectFromHost();
        });
        connect(server, &QTcpSocket::disconnected, this, [r] {
            if (!r->stalled && r->client)
                r->client->disconnectFromHost();
        });
        server->connectToHost(QHostAddress::LocalHost, m_targetPort);
    }
}

void HalfOpenProxy::forwardFromServer(Relay &relay)
{
    if (!relay.client)
        return;
    QByteArray &buffer = relay.fromServer;
    if (!relay.handshakeDone) {
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        relay.client->write(buffer.left(end + 4));
        buffer.remove(0, end + 4);
        relay.handshakeDone = true;
    }
    if (!m_dropPongs) {
        relay.client->write(buffer);
        buffer.clear();
        return;
    }
    // Server frames (RFC 6455 §5.2): FIN/opcode byte, mask bit + 7-bit length, 16/64-bit extended
    // length, then the (unmasked) payload.
    for (;;) {
        if (buffer.size() < 2)
            return;
        const auto b0 = quint8(buffer.at(0));
        const auto b1 = quint8(buffer.at(1));
        qsizetype header = 2;
        quint64 length = b1 & 0x7F;
        if (length == 126) {
            if (buffer.size() < 4)
                return;
            length = (quint64(quint8(buffer.at(2))) << 8) | quint8(buffer.at(3));
            header = 4;
        } else if (length == 127) {
            if (buffer.size() < 10)
                return;
            length = 0;
            for (int i = 2; i < 10; ++i)
                length = (length << 8) | quint8(buffer.at(i));
            header = 10;
        }
        if (b1 & 0x80)
            header += 4;
        const qsizetype total = header + qsizetype(length);
        if (buffer.size() < total)
            return;
        if ((b0 & 0x0F) == 0xA)
            ++m_pongsDropped;
        else
            relay.client->write(buffer.left(total));
        buffer.remove(0, total);
    }
}
