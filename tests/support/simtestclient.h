// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>
#include <QWebSocket>

#include <functional>
#include <optional>

// Test-side Kiwoom client for the simulator tests: plain QNetworkAccessManager / QWebSocket over
// loopback with synchronous helpers (an event loop waits for each reply). It deliberately shares no
// code with the simulator (nor with the app's Kiwoom client): paths, headers and envelopes are
// written from kiwoom-protocol.md, so a wire-format mistake on either side shows up.
class SimTestClient final : public QObject
{
    Q_OBJECT

public:
    struct Reply
    {
        bool finished = false; // false: no reply within the timeout
        int status = 0;
        QByteArray body;
        QJsonObject json;
        bool jsonOk = false;
        QHash<QByteArray, QByteArray> headers; // lower-case names
        QString networkError; // empty when the transport succeeded
        int returnCode() const { return json.value(QStringLiteral("return_code")).toInt(-1); }
        QString returnMsg() const { return json.value(QStringLiteral("return_msg")).toString(); }
        QByteArray header(const char *name) const { return headers.value(QByteArray(name)); }
    };

    explicit SimTestClient(const QUrl &base, QObject *parent = nullptr);

    // The REST path of an api-id (kiwoom-protocol.md §1, §4).
    static QString pathOf(const QString &apiId);

    // Raw POST with the given headers (no defaults added except Content-Type).
    Reply post(const QString &path, const QJsonObject &body, const QList<QPair<QByteArray, QByteArray>> &headers,
        int timeoutMs = 5000);
    Reply rawPost(const QString &path, const QByteArray &body, const QList<QPair<QByteArray, QByteArray>> &headers,
        int timeoutMs = 5000);
    Reply get(const QString &path, int timeoutMs = 5000);

    // au10001 with the given keys; stores the token on success.
    Reply issueToken(const QString &appKey, const QString &secretKey);
    void setToken(const QString &token) { m_token = token; }
    QString token() const { return m_token; }

    // A TR call with api-id, authorization: Bearer <token>, cont-yn/next-key headers.
    Reply tr(const QString &apiId, const QJsonObject &body, bool cont = false, const QString &nextKey = QString());
    // Follows cont-yn/next-key until done; returns every row of listName and the number of pages.
    QList<QJsonObject> allPages(
        const QString &apiId, const QJsonObject &body, const QString &listName, int *pages = nullptr);

    Reply admin(const QString &path, const QJsonObject &body);

private:
    Reply wait(class QNetworkReply *reply, int timeoutMs);

    QUrl m_base;
    QNetworkAccessManager m_nam;
    QString m_token;
};

// WebSocket test client: collects every text frame; echoes {"trnm":"PING"} unless told not to.
class SimTestSocket final : public QObject
{
    Q_OBJECT

public:
    explicit SimTestSocket(const QUrl &url, QObject *parent = nullptr);
    ~SimTestSocket() override;

    bool open(int timeoutMs = 5000);
    void send(const QJsonObject &message);
    // LOGIN and wait for its reply; returns the reply.
    std::optional<QJsonObject> login(const QString &token, int timeoutMs = 5000);
    // Waits for the first frame at or after the cursor that matches; advances the cursor past it.
    std::optional<QJsonObject> waitFor(const std::function<bool(const QJsonObject &)> &match, int timeoutMs = 5000);
    std::optional<QJsonObject> waitForTrnm(const QString &trnm, int timeoutMs = 5000);
    // Collects REAL entries (data[] items) of a type until count arrived or the timeout.
    QList<QJsonObject> realEntries(const QString &type) const;
    bool waitDisconnected(int timeoutMs = 5000);

    bool echoPings = true;
    QList<QJsonObject> frames;
    QList<QString> rawFrames;
    int pings = 0;
    bool disconnected = false;
    int cursor = 0;
    QWebSocket socket;
};
