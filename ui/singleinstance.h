// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <memory>

class QLocalServer;
class QLockFile;

// SingleInstance keeps one desktop Kiwoom Trader per user and data directory: a second start
// hands its request ("raise") to the running one over a QLocalSocket and exits, instead of
// starting a second trader against the same account and database (which TradingCore's lock
// would refuse with an error anyway). The claim is serialised by a lock file, so two programs
// started at the same moment cannot both become primary; a socket left by a crashed instance is
// detected (nobody answers) and replaced.
// Threading: the GUI thread.
class SingleInstance final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SingleInstance)

public:
    // key: what makes instances the same (the data directory); the socket name is derived from it
    // and the user id, so other users and other data directories run independently.
    explicit SingleInstance(const QString &key, QObject *parent = nullptr);
    ~SingleInstance() override;

    // True: this process is the primary and now listens. False: a running instance listens and
    // was handed `message` (its acknowledgement is awaited up to timeoutMs); this process should
    // exit.
    bool claim(const QByteArray &message = QByteArrayLiteral("raise"), int timeoutMs = 10000);
    QString serverName() const { return m_name; }

signals:
    // A later start sent its message (e.g. "raise").
    void messageReceived(const QByteArray &message);

private:
    bool sendToPrimary(const QByteArray &message, int timeoutMs);
    void onNewConnection();

    QString m_name;
    std::unique_ptr<QLocalServer> m_server;
};
