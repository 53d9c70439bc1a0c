// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>

// ControlClient: raw HTTP/1.1 over a QTcpSocket to the control API on 127.0.0.1, so tests can
// send what a well-behaved client never would (a foreign Host, an oversized body, broken JSON).
// Runs a local event loop while waiting, so the server may live on the same (test) thread.
class ControlClient
{
public:
    struct Response
    {
        int status = 0; // 0: no answer (timeout, connection closed)
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;

        QByteArray header(QByteArrayView name) const;
        QJsonObject json() const;
        QString errorCode() const; // error.code of an error body
    };

    explicit ControlClient(quint16 port) : m_port(port) { }

    void setKey(const QByteArray &key) { m_key = key; }
    // The Host header sent (default "127.0.0.1:<port>"); empty = none.
    void setHost(const QByteArray &host)
    {
        m_host = host;
        m_hostSet = true;
    }

    Response send(const QByteArray &method, const QByteArray &path, const QByteArray &body = {},
        const QList<QPair<QByteArray, QByteArray>> &extraHeaders = {}, int timeoutMs = 10000) const;
    Response get(const QByteArray &path) const { return send("GET", path); }
    Response post(const QByteArray &path, const QJsonObject &body,
        const QList<QPair<QByteArray, QByteArray>> &extraHeaders = {}) const;

private:
    quint16 m_port;
    QByteArray m_key;
    QByteArray m_host;
    bool m_hostSet = false;
};
