// SPDX-License-Identifier: GPL-3.0-or-later
#include "controlclient.h"

#include <QEventLoop>
#include <QHostAddress>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTimer>

QByteArray ControlClient::Response::header(QByteArrayView name) const
{
    for (const auto &[k, v] : headers) {
        if (QByteArrayView(k).compare(name, Qt::CaseInsensitive) == 0)
            return v;
    }
    return {};
}

QJsonObject ControlClient::Response::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QString ControlClient::Response::errorCode() const
{
    return json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
}

ControlClient::Response ControlClient::post(
    const QByteArray &path, const QJsonObject &body, const QList<QPair<QByteArray, QByteArray>> &extraHeaders) const
{
    auto headers = extraHeaders;
    headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
}

ControlClient::Response ControlClient::send(const QByteArray &method, const QByteArray &path, const QByteArray &body,
    const QList<QPair<QByteArray, QByteArray>> &extraHeaders, int timeoutMs) const
{
    QByteArray request = method + ' ' + path + " HTTP/1.1\r\n";
    const QByteArray host = m_hostSet ? m_host : "127.0.0.1:" + QByteArray::number(m_port);
    if (!host.isEmpty())
        request += "Host: " + host + "\r\n";
    if (!m_key.isEmpty())
        request += "Authorization: Bearer " + m_key + "\r\n";
    for (const auto &[k, v] : extraHeaders)
        request += k + ": " + v + "\r\n";
    request += "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;

    QTcpSocket socket;
    QEventLoop loop;
    QByteArray data;
    Response response;
    auto complete = [&]() -> bool {
        const qsizetype end = data.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        const QList<QByteArray> lines = data.left(end).split('\n');
        qint64 length = -1;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().compare("content-length", Qt::CaseInsensitive) == 0)
                length = line.mid(colon + 1).trimmed().toLongLong();
        }
        return length >= 0 && data.size() - end - 4 >= length;
    };
    QObject::connect(&socket, &QTcpSocket::connected, &loop, [&] { socket.write(request); });
    QObject::connect(&socket, &QTcpSocket::readyRead, &loop, [&] {
        data += socket.readAll();
        if (complete())
            loop.quit();
    });
    QObject::connect(&socket, &QTcpSocket::disconnected, &loop, &QEventLoop::quit);
    QObject::connect(&socket, &QTcpSocket::errorOccurred, &loop, [&](QAbstractSocket::SocketError e) {
        if (e != QAbstractSocket::RemoteHostClosedError)
            loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    socket.connectToHost(QHostAddress::LocalHost, m_port);
    loop.exec();
    data += socket.readAll();

    const qsizetype end = data.indexOf("\r\n\r\n");
    if (end < 0)
        return response;
    const QList<QByteArray> lines = data.left(end).split('\n');
    const QList<QByteArray> status = lines.value(0).trimmed().split(' ');
    response.status = status.value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            response.headers.append({ line.left(colon).trimmed(), line.mid(colon + 1).trimmed() });
    }
    response.body = data.mid(end + 4);
    return response;
}
