// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QPair>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QUrl>

#include <deque>
#include <functional>

class QTcpServer;
class QTcpSocket;
class QWebSocket;
class QWebSocketServer;

// KiwoomFakeServer: a small scripted Kiwoom look-alike for the client's unit tests, written from
// the protocol document only (it shares no code with core/kiwoom). It listens on 127.0.0.1, port 0:
//  * REST: a minimal HTTP/1.1 server (keep-alive, Content-Length bodies) that records every request
//    (method, path, lower-cased headers, raw body, arrival time) and answers
//      - POST /oauth2/token, /oauth2/revoke: issues / revokes tokens (expires_dt configurable)
//      - every other path: sliding-window rate limits (HTTP 429 + return_code 5 + [1700:...], or
//        [1701:...] for the total), then a scripted one-shot response queued for the api-id, then
//        the token check (HTTP 200 + return_code 3 + [8005:...]), then a per-api-id handler, then a
//        plain success envelope.
//    A scripted response can be delayed, never answered (Hang) or answered by closing the
//    connection (Close).
//  * WebSocket (/api/dostk/websocket): LOGIN with the raw token (ack optionally delayed), rejects
//    REG/REMOVE/CNSR* sent before the ack with return_code 100013 and counts them, acks REG/REMOVE,
//    answers CNSRLST/CNSRREQ/CNSRCLR from configured data, records every frame, and can push any
//    frame, send PINGs and drop all connections.
class KiwoomFakeServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KiwoomFakeServer)

public:
    struct Request
    {
        QByteArray method;
        QByteArray path;
        QHash<QByteArray, QByteArray> headers; // names lower-cased
        QList<QByteArray> headerNames; // as sent, in order
        QByteArray body;
        QJsonObject json;
        bool jsonOk = false;
        qint64 atMs = 0; // server monotonic time
        int connection = 0;

        QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
        bool hasHeader(const QByteArray &name) const { return headers.contains(name.toLower()); }
        QString apiId() const { return QString::fromLatin1(header("api-id")); }
    };

    struct Response
    {
        enum class Action
        {
            Reply,
            Hang, // read the request, never answer
            Close, // read the request, close the connection without an answer
        };
        int status = 200;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        int delayMs = 0;
        Action action = Action::Reply;

        static Response raw(const QByteArray &body, int status = 200);
        // body + "return_code":0 + "return_msg" unless present.
        static Response ok(QJsonObject body = {}, const QString &msg = QStringLiteral(" 조회가 완료되었습니다."));
        static Response error(int returnCode, const QString &msg, int status = 200);
        static Response hang();
        static Response close();
        Response &withHeader(const QByteArray &name, const QByteArray &value);
        Response &withPage(const QByteArray &contYn, const QByteArray &nextKey);
        Response &after(int ms);
    };

    using Handler = std::function<Response(const Request &)>;
    using WsHandler = std::function<QStringList(int connection, const QJsonObject &frame)>;

    explicit KiwoomFakeServer(QObject *parent = nullptr);
    ~KiwoomFakeServer() override;

    bool listen();
    QUrl restUrl() const;
    QUrl wsUrl() const;

    // ---- REST ----
    void enqueue(const QString &apiId, const Response &response);
    void setHandler(const QString &apiId, Handler handler);
    QList<Request> requests() const { return m_requests; }
    QList<Request> requests(const QString &apiId) const;
    QList<Request> requestsTo(const QByteArray &path) const;
    void clearRequests() { m_requests.clear(); }

    // Tokens: "fake-token-<n>-<random>" with expires_dt (KST YYYYMMDDHHmmss).
    void setTokenExpiresDt(const QString &kst) { m_expiresDt = kst; }
    void setTokenIssueResponse(const Response &response)
    {
        m_tokenOverride = response;
        m_hasTokenOverride = true;
    }
    void clearTokenIssueResponse() { m_hasTokenOverride = false; }
    QStringList issuedTokens() const { return m_issued; }
    QStringList revokedTokens() const { return m_revoked; }
    void invalidateAllTokens() { m_valid.clear(); }
    bool isValidToken(const QString &token) const { return m_valid.contains(token); }
    void setCheckAuth(bool on) { m_checkAuth = on; }

    // Sliding-window limits, counted at arrival like Kiwoom: per api-id and in total (0 = off).
    void setRateLimit(int perApiPerWindow, int totalPerWindow, int windowMs = 1000);
    int rateLimitRejections() const { return m_rateRejections; }
    // Largest number of accepted requests (per api-id / in total) seen within any window.
    int maxPerApiInWindow() const { return m_maxPerApi; }
    int maxTotalInWindow() const { return m_maxTotal; }

    // ---- WebSocket ----
    struct WsFrame
    {
        int connection = 0;
        QString text;
        qint64 atMs = 0;
        bool beforeLoginAck = false;
    };
    QList<WsFrame> wsFrames() const { return m_wsFrames; }
    QStringList wsTexts(int connection = -1) const;
    // Received frames whose trnm is `trnm` (parsed), in order.
    QList<QJsonObject> wsRequests(const QString &trnm, int connection = -1) const;
    int wsConnectionCount() const { return m_wsNext; }
    int wsOpenCount() const;
    int lastConnection() const { return m_wsNext; }
    bool isLoggedIn(int connection) const;
    void wsSend(const QString &text, int connection = -1); // -1: every open connection
    void wsDropAll(); // abort every connection
    void setLoginAckDelayMs(int ms) { m_loginAckDelayMs = ms; }
    void setRejectNextRegs(int n) { m_rejectRegs = n; }
    void setWsHandler(WsHandler handler) { m_wsHandler = std::move(handler); }
    int earlyRequests() const { return m_early; }
    int realtimeRequestsBeforeList() const { return m_reqBeforeList; }
    // CNSRLST data, CNSRREQ search_type 0 pages (each page a data array), search_type 1 members.
    void setConditions(const QList<QPair<QString, QString>> &conditions) { m_conditions = conditions; }
    void setSearchPages(const QString &seq, const QList<QJsonArray> &pages) { m_searchPages[seq] = pages; }
    void setRealtimeMembers(const QString &seq, const QStringList &codesWithPrefix)
    {
        m_members[seq] = codesWithPrefix;
    }
    void setConditionReplyDelayMs(int ms) { m_conditionDelayMs = ms; }

    // KST "YYYYMMDDHHmmss" of a UTC instant.
    static QString kstStamp(qint64 utcMs);

signals:
    void requestReceived(const KiwoomFakeServer::Request &request);
    void wsConnected(int connection);
    void wsFrameReceived(int connection, const QString &text);

private:
    struct HttpConnection
    {
        QPointer<QTcpSocket> socket;
        QByteArray buffer;
        int index = 0;
        bool busy = false; // a response is pending (delayed / hanging)
    };
    struct WsConnection
    {
        QPointer<QWebSocket> socket;
        int index = 0;
        bool loggedIn = false;
        bool listed = false;
    };

    void onHttpConnection();
    void processHttp(HttpConnection *c);
    Response route(const Request &r);
    Response rateCheck(const Request &r, bool *limited);
    void writeResponse(HttpConnection *c, const Request &r, const Response &response);
    void onWsConnection();
    void onWsText(WsConnection *c, const QString &text);
    void sendLater(WsConnection *c, const QString &text, int delayMs);
    qint64 now() const { return m_clock.elapsed(); }

    QTcpServer *m_http = nullptr;
    QWebSocketServer *m_ws = nullptr;
    QElapsedTimer m_clock;
    QList<HttpConnection *> m_httpConnections;
    int m_httpNext = 0;
    QList<Request> m_requests;
    QHash<QString, std::deque<Response>> m_queued;
    QHash<QString, Handler> m_handlers;

    QString m_expiresDt = QStringLiteral("20991231235959");
    Response m_tokenOverride;
    bool m_hasTokenOverride = false;
    QStringList m_issued;
    QStringList m_revoked;
    QSet<QString> m_valid;
    bool m_checkAuth = true;

    int m_perApi = 0;
    int m_total = 0;
    int m_windowMs = 1000;
    QHash<QString, std::deque<qint64>> m_apiArrivals;
    std::deque<qint64> m_totalArrivals;
    int m_rateRejections = 0;
    int m_maxPerApi = 0;
    int m_maxTotal = 0;

    QList<WsConnection *> m_wsConnections;
    int m_wsNext = 0;
    QList<WsFrame> m_wsFrames;
    int m_loginAckDelayMs = 0;
    int m_rejectRegs = 0;
    int m_early = 0;
    int m_reqBeforeList = 0;
    WsHandler m_wsHandler;
    QList<QPair<QString, QString>> m_conditions;
    QHash<QString, QList<QJsonArray>> m_searchPages;
    QHash<QString, QStringList> m_members;
    int m_conditionDelayMs = 0;
};
