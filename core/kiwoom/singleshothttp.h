// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class QTcpSocket;

// SingleShotHttp: exactly one HTTP/1.1 POST on a connection of its own, never resent.
//
// Why it exists: Qt's HTTP/1.1 stack (QNetworkAccessManager, Qt 6.4) silently resends a request
// when the server closes the connection before the first response byte — for POST too (see the
// "### FIXME" in qhttpnetworkconnectionchannel.cpp). For an order TR that turns "the broker may
// have placed the order but the reply was lost" into a second order. Orders therefore go through
// this class, which writes the request once ("Connection: close"), reads one response
// (Content-Length, chunked, or until close) and reports precisely what happened:
//   * connected / requestWritten tell whether the request can have reached the server at all;
//   * a missing or partial response after the request was written is an unknown outcome.
// http:// uses QTcpSocket, https:// QSslSocket with the default (verifying) TLS configuration.
// Threading: the thread it was created on; deletes nothing by itself (the owner deletes it).
class SingleShotHttp final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SingleShotHttp)

public:
    struct Outcome
    {
        int status = 0; // 0 = no complete response
        QHash<QByteArray, QByteArray> headers; // names lower-cased
        QByteArray body;
        bool connected = false; // TCP (and TLS) connection established
        bool requestWritten = false; // some bytes of the request were handed to the socket
        bool timedOut = false;
        QString error; // empty on success
    };

    SingleShotHttp(const QUrl &url, const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &body,
        int timeoutMs, QObject *parent = nullptr);
    ~SingleShotHttp() override;

    void start();
    // Stops without emitting finished().
    void abort();
    bool isFinished() const { return m_finished; }
    const Outcome &outcome() const { return m_outcome; }

signals:
    void finished();

private:
    void onConnected();
    void onReadyRead();
    void onDisconnected();
    void fail(const QString &error);
    void complete();
    bool parse(bool atEof);

    QUrl m_url;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    QByteArray m_body;
    int m_timeoutMs;
    QPointer<QTcpSocket> m_socket;
    QTimer m_timer;
    QByteArray m_buffer;
    Outcome m_outcome;
    bool m_finished = false;
    // parse state
    bool m_headersDone = false;
    qsizetype m_bodyStart = 0;
    qint64 m_contentLength = -1;
    bool m_chunked = false;
    QString m_malformed; // set when the bytes cannot be an HTTP response: fail at once, never wait
};
