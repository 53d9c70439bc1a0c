// SPDX-License-Identifier: GPL-3.0-or-later
#include "singleinstance.h"

#include <QCryptographicHash>
#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLockFile>
#include <QPointer>

#include <algorithm>

#include <unistd.h>

SingleInstance::SingleInstance(const QString &key, QObject *parent) : QObject(parent)
{
    const QByteArray hash
        = QCryptographicHash::hash(QDir::cleanPath(key).toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    m_name = QStringLiteral("kiwoom-trader-%1-%2").arg(::getuid()).arg(QString::fromLatin1(hash));
}

SingleInstance::~SingleInstance() = default;

bool SingleInstance::sendToPrimary(const QByteArray &message, int timeoutMs)
{
    QLocalSocket socket;
    socket.connectToServer(m_name);
    // A socket file left by a crashed instance refuses the connection at once.
    if (!socket.waitForConnected(std::min(timeoutMs, 1000)))
        return false;
    socket.write(message + '\n');
    socket.waitForBytesWritten(timeoutMs);
    // Someone listens: a live instance, even if it is too busy starting to acknowledge in time.
    // The acknowledgement is waited for, but its absence does not make this one the primary.
    while (!socket.canReadLine() && socket.state() == QLocalSocket::ConnectedState) {
        if (!socket.waitForReadyRead(timeoutMs))
            break;
    }
    return true;
}

bool SingleInstance::claim(const QByteArray &message, int timeoutMs)
{
    QLockFile lock(QDir::temp().filePath(m_name + QStringLiteral(".lock")));
    lock.setStaleLockTime(0);
    if (!lock.tryLock(timeoutMs))
        return !sendToPrimary(message, timeoutMs); // someone else is claiming: ask them
    if (sendToPrimary(message, timeoutMs))
        return false;
    // Nobody answered: any socket file left is a crashed instance's.
    QLocalServer::removeServer(m_name);
    m_server = std::make_unique<QLocalServer>();
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_name))
        return true; // cannot listen: run anyway; TradingCore's lock still prevents a second trader
    connect(m_server.get(), &QLocalServer::newConnection, this, &SingleInstance::onNewConnection);
    return true;
}

void SingleInstance::onNewConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            if (!socket->canReadLine())
                return;
            const QByteArray line = socket->readLine().trimmed().left(256);
            socket->write("ok\n");
            socket->flush();
            emit messageReceived(line);
        });
    }
}
