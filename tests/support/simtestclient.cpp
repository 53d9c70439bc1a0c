// SPDX-License-Identifier: GPL-3.0-or-later
#include "simtestclient.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace {

void spin(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 20);
}

} // namespace

SimTestClient::SimTestClient(const QUrl &base, QObject *parent) : QObject(parent), m_base(base) { }

QString SimTestClient::pathOf(const QString &apiId)
{
    static const QHash<QString, QString> paths = {
        { QStringLiteral("au10001"), QStringLiteral("/oauth2/token") },
        { QStringLiteral("au10002"), QStringLiteral("/oauth2/revoke") },
        { QStringLiteral("ka00001"), QStringLiteral("/api/dostk/acnt") },
        { QStringLiteral("kt00001"), QStringLiteral("/api/dostk/acnt") },
        { QStringLiteral("kt00004"), QStringLiteral("/api/dostk/acnt") },
        { QStringLiteral("kt00018"), QStringLiteral("/api/dostk/acnt") },
        { QStringLiteral("ka10075"), QStringLiteral("/api/dostk/acnt") },
        { QStringLiteral("ka10076"), QStringLiteral("/api/dostk/acnt") },
        { QStringLiteral("ka10074"), QStringLiteral("/api/dostk/acnt") },
        { QStringLiteral("ka10077"), QStringLiteral("/api/dostk/acnt") },
        { QStringLiteral("ka10001"), QStringLiteral("/api/dostk/stkinfo") },
        { QStringLiteral("ka10099"), QStringLiteral("/api/dostk/stkinfo") },
        { QStringLiteral("ka10100"), QStringLiteral("/api/dostk/stkinfo") },
        { QStringLiteral("ka10095"), QStringLiteral("/api/dostk/stkinfo") },
        { QStringLiteral("ka10004"), QStringLiteral("/api/dostk/mrkcond") },
        { QStringLiteral("ka10007"), QStringLiteral("/api/dostk/mrkcond") },
        { QStringLiteral("ka10079"), QStringLiteral("/api/dostk/chart") },
        { QStringLiteral("ka10080"), QStringLiteral("/api/dostk/chart") },
        { QStringLiteral("ka10081"), QStringLiteral("/api/dostk/chart") },
        { QStringLiteral("kt10000"), QStringLiteral("/api/dostk/ordr") },
        { QStringLiteral("kt10001"), QStringLiteral("/api/dostk/ordr") },
        { QStringLiteral("kt10002"), QStringLiteral("/api/dostk/ordr") },
        { QStringLiteral("kt10003"), QStringLiteral("/api/dostk/ordr") },
    };
    return paths.value(apiId);
}

SimTestClient::Reply SimTestClient::wait(QNetworkReply *reply, int timeoutMs)
{
    Reply out;
    bool done = false;
    connect(reply, &QNetworkReply::finished, this, [&done] { done = true; });
    spin([&done] { return done; }, timeoutMs);
    if (!done) {
        disconnect(reply, nullptr, this, nullptr);
        reply->abort();
        reply->deleteLater();
        return out;
    }
    out.finished = true;
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = reply->readAll();
    for (const auto &pair : reply->rawHeaderPairs())
        out.headers.insert(pair.first.toLower(), pair.second);
    if (reply->error() != QNetworkReply::NoError && out.status == 0)
        out.networkError = reply->errorString();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(out.body, &error);
    out.jsonOk = error.error == QJsonParseError::NoError && doc.isObject();
    if (out.jsonOk)
        out.json = doc.object();
    reply->deleteLater();
    return out;
}

SimTestClient::Reply SimTestClient::rawPost(
    const QString &path, const QByteArray &body, const QList<QPair<QByteArray, QByteArray>> &headers, int timeoutMs)
{
    QUrl url = m_base;
    url.setPath(path);
    QNetworkRequest request(url);
    request.setRawHeader("Content-Type", "application/json;charset=UTF-8");
    for (const auto &h : headers)
        request.setRawHeader(h.first, h.second);
    return wait(m_nam.post(request, body), timeoutMs);
}

SimTestClient::Reply SimTestClient::post(
    const QString &path, const QJsonObject &body, const QList<QPair<QByteArray, QByteArray>> &headers, int timeoutMs)
{
    return rawPost(path, QJsonDocument(body).toJson(QJsonDocument::Compact), headers, timeoutMs);
}

SimTestClient::Reply SimTestClient::get(const QString &path, int timeoutMs)
{
    QUrl url = m_base;
    url.setPath(path);
    return wait(m_nam.get(QNetworkRequest(url)), timeoutMs);
}

SimTestClient::Reply SimTestClient::issueToken(const QString &appKey, const QString &secretKey)
{
    const QJsonObject body { { QStringLiteral("grant_type"), QStringLiteral("client_credentials") },
        { QStringLiteral("appkey"), appKey }, { QStringLiteral("secretkey"), secretKey } };
    Reply reply = post(QStringLiteral("/oauth2/token"), body, { { "api-id", "au10001" } });
    if (reply.returnCode() == 0)
        m_token = reply.json.value(QStringLiteral("token")).toString();
    return reply;
}

SimTestClient::Reply SimTestClient::tr(const QString &apiId, const QJsonObject &body, bool cont, const QString &nextKey)
{
    QList<QPair<QByteArray, QByteArray>> headers = {
        { "api-id", apiId.toLatin1() },
        { "authorization", "Bearer " + m_token.toLatin1() },
        { "cont-yn", cont ? QByteArray("Y") : QByteArray("N") },
        { "next-key", nextKey.toUtf8() },
    };
    return post(pathOf(apiId), body, headers);
}

QList<QJsonObject> SimTestClient::allPages(
    const QString &apiId, const QJsonObject &body, const QString &listName, int *pages)
{
    QList<QJsonObject> rows;
    bool cont = false;
    QString nextKey;
    int count = 0;
    for (int guard = 0; guard < 1000; ++guard) {
        const Reply reply = tr(apiId, body, cont, nextKey);
        ++count;
        if (reply.returnCode() != 0)
            break;
        for (const QJsonValue &v : reply.json.value(listName).toArray())
            rows.append(v.toObject());
        if (reply.header("cont-yn") != "Y")
            break;
        cont = true;
        nextKey = QString::fromUtf8(reply.header("next-key"));
    }
    if (pages)
        *pages = count;
    return rows;
}

SimTestClient::Reply SimTestClient::admin(const QString &path, const QJsonObject &body)
{
    return post(path, body, {});
}

// --- WebSocket ---------------------------------------------------------------------------------

SimTestSocket::SimTestSocket(const QUrl &url, QObject *parent) : QObject(parent)
{
    connect(&socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        rawFrames.append(text);
        const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
        frames.append(o);
        if (o.value(QStringLiteral("trnm")).toString() == QLatin1String("PING")) {
            ++pings;
            if (echoPings)
                socket.sendTextMessage(text);
        }
    });
    connect(&socket, &QWebSocket::disconnected, this, [this] { disconnected = true; });
    socket.setProperty("url", url);
}

SimTestSocket::~SimTestSocket()
{
    socket.abort();
}

bool SimTestSocket::open(int timeoutMs)
{
    bool connected = false;
    const QMetaObject::Connection c
        = connect(&socket, &QWebSocket::connected, this, [&connected] { connected = true; });
    socket.open(socket.property("url").toUrl());
    spin([&] { return connected || disconnected; }, timeoutMs);
    disconnect(c);
    return connected;
}

void SimTestSocket::send(const QJsonObject &message)
{
    socket.sendTextMessage(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

std::optional<QJsonObject> SimTestSocket::login(const QString &token, int timeoutMs)
{
    send(QJsonObject { { QStringLiteral("trnm"), QStringLiteral("LOGIN") }, { QStringLiteral("token"), token } });
    return waitForTrnm(QStringLiteral("LOGIN"), timeoutMs);
}

std::optional<QJsonObject> SimTestSocket::waitFor(const std::function<bool(const QJsonObject &)> &match, int timeoutMs)
{
    std::optional<QJsonObject> found;
    auto scan = [&] {
        while (cursor < frames.size()) {
            const QJsonObject &o = frames.at(cursor++);
            if (match(o)) {
                found = o;
                return true;
            }
        }
        return false;
    };
    if (scan())
        return found;
    spin([&] { return scan() || disconnected; }, timeoutMs);
    if (!found)
        scan();
    return found;
}

std::optional<QJsonObject> SimTestSocket::waitForTrnm(const QString &trnm, int timeoutMs)
{
    return waitFor([&](const QJsonObject &o) { return o.value(QStringLiteral("trnm")).toString() == trnm; }, timeoutMs);
}

QList<QJsonObject> SimTestSocket::realEntries(const QString &type) const
{
    QList<QJsonObject> out;
    for (const QJsonObject &f : frames) {
        if (f.value(QStringLiteral("trnm")).toString() != QLatin1String("REAL"))
            continue;
        for (const QJsonValue &v : f.value(QStringLiteral("data")).toArray()) {
            if (v.toObject().value(QStringLiteral("type")).toString() == type)
                out.append(v.toObject());
        }
    }
    return out;
}

bool SimTestSocket::waitDisconnected(int timeoutMs)
{
    spin([this] { return disconnected; }, timeoutMs);
    return disconnected;
}
