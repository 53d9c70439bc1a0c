// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiwoomfakeserver.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

namespace {

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 404:
        return "Not Found";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

} // namespace

// ---- Response helpers ------------------------------------------------------------------------

KiwoomFakeServer::Response KiwoomFakeServer::Response::raw(const QByteArray &body, int status)
{
    Response r;
    r.status = status;
    r.body = body;
    return r;
}

KiwoomFakeServer::Response KiwoomFakeServer::Response::ok(QJsonObject body, const QString &msg)
{
    if (!body.contains(QStringLiteral("return_code")))
        body.insert(QStringLiteral("return_code"), 0);
    if (!body.contains(QStringLiteral("return_msg")))
        body.insert(QStringLiteral("return_msg"), msg);
    return raw(QJsonDocument(body).toJson(QJsonDocument::Compact));
}

KiwoomFakeServer::Response KiwoomFakeServer::Response::error(int returnCode, const QString &msg, int status)
{
    const QJsonObject body { { QStringLiteral("return_code"), returnCode }, { QStringLiteral("return_msg"), msg } };
    return raw(QJsonDocument(body).toJson(QJsonDocument::Compact), status);
}

KiwoomFakeServer::Response KiwoomFakeServer::Response::hang()
{
    Response r;
    r.action = Action::Hang;
    return r;
}

KiwoomFakeServer::Response KiwoomFakeServer::Response::close()
{
    Response r;
    r.action = Action::Close;
    return r;
}

KiwoomFakeServer::Response &KiwoomFakeServer::Response::withHeader(const QByteArray &name, const QByteArray &value)
{
    headers.append({ name, value });
    return *this;
}

KiwoomFakeServer::Response &KiwoomFakeServer::Response::withPage(const QByteArray &contYn, const QByteArray &nextKey)
{
    withHeader("cont-yn", contYn);
    return withHeader("next-key", nextKey);
}

KiwoomFakeServer::Response &KiwoomFakeServer::Response::after(int ms)
{
    delayMs = ms;
    return *this;
}

// ---- server ----------------------------------------------------------------------------------

KiwoomFakeServer::KiwoomFakeServer(QObject *parent) : QObject(parent)
{
    m_clock.start();
}

KiwoomFakeServer::~KiwoomFakeServer()
{
    for (WsConnection *c : std::as_const(m_wsConnections)) {
        if (c->socket)
            c->socket->abort();
        delete c;
    }
    for (HttpConnection *c : std::as_const(m_httpConnections)) {
        if (c->socket)
            c->socket->abort();
        delete c;
    }
}

QString KiwoomFakeServer::kstStamp(qint64 utcMs)
{
    return QDateTime::fromMSecsSinceEpoch(utcMs + 9LL * 3600 * 1000, Qt::UTC)
        .toString(QStringLiteral("yyyyMMddHHmmss"));
}

bool KiwoomFakeServer::listen()
{
    m_http = new QTcpServer(this);
    if (!m_http->listen(QHostAddress::LocalHost, 0))
        return false;
    connect(m_http, &QTcpServer::newConnection, this, &KiwoomFakeServer::onHttpConnection);
    m_ws = new QWebSocketServer(QStringLiteral("fake-kiwoom"), QWebSocketServer::NonSecureMode, this);
    if (!m_ws->listen(QHostAddress::LocalHost, 0))
        return false;
    connect(m_ws, &QWebSocketServer::newConnection, this, &KiwoomFakeServer::onWsConnection);
    return true;
}

QUrl KiwoomFakeServer::restUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_http->serverPort()));
}

QUrl KiwoomFakeServer::wsUrl() const
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1/api/dostk/websocket").arg(m_ws->serverPort()));
}

void KiwoomFakeServer::enqueue(const QString &apiId, const Response &response)
{
    m_queued[apiId].push_back(response);
}

void KiwoomFakeServer::setHandler(const QString &apiId, Handler handler)
{
    m_handlers.insert(apiId, std::move(handler));
}

QList<KiwoomFakeServer::Request> KiwoomFakeServer::requests(const QString &apiId) const
{
    QList<Request> out;
    for (const Request &r : m_requests) {
        if (r.apiId() == apiId)
            out << r;
    }
    return out;
}

QList<KiwoomFakeServer::Request> KiwoomFakeServer::requestsTo(const QByteArray &path) const
{
    QList<Request> out;
    for (const Request &r : m_requests) {
        if (r.path == path)
            out << r;
    }
    return out;
}

void KiwoomFakeServer::setRateLimit(int perApiPerWindow, int totalPerWindow, int windowMs)
{
    m_perApi = perApiPerWindow;
    m_total = totalPerWindow;
    m_windowMs = windowMs;
}

void KiwoomFakeServer::onHttpConnection()
{
    while (QTcpSocket *socket = m_http->nextPendingConnection()) {
        auto *c = new HttpConnection;
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        c->socket = socket;
        c->index = ++m_httpNext;
        m_httpConnections << c;
        connect(socket, &QTcpSocket::readyRead, this, [this, c] {
            c->buffer += c->socket->readAll();
            processHttp(c);
        });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
}

void KiwoomFakeServer::processHttp(HttpConnection *c)
{
    for (;;) {
        const qsizetype end = c->buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = c->buffer.left(end).split('\n');
        Request r;
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        r.method = requestLine.value(0);
        r.path = requestLine.value(1);
        qsizetype length = 0;
        for (int i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].endsWith('\r') ? lines[i].chopped(1) : lines[i];
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = line.left(colon).trimmed();
            const QByteArray value = line.mid(colon + 1).trimmed();
            r.headerNames << name;
            r.headers.insert(name.toLower(), value);
            if (name.compare("content-length", Qt::CaseInsensitive) == 0)
                length = value.toLongLong();
        }
        if (c->buffer.size() < end + 4 + length)
            return;
        r.body = c->buffer.mid(end + 4, length);
        c->buffer.remove(0, end + 4 + length);
        r.atMs = now();
        r.connection = c->index;
        QJsonParseError err {};
        const QJsonDocument doc = QJsonDocument::fromJson(r.body, &err);
        r.jsonOk = err.error == QJsonParseError::NoError && doc.isObject();
        r.json = doc.object();
        m_requests << r;
        emit requestReceived(r);

        const Response response = route(r);
        if (response.action == Response::Action::Hang)
            continue;
        if (response.delayMs > 0) {
            QPointer<QTcpSocket> socket = c->socket;
            QTimer::singleShot(response.delayMs, this, [this, c, socket, r, response] {
                if (socket && m_httpConnections.contains(c))
                    writeResponse(c, r, response);
            });
        } else {
            writeResponse(c, r, response);
        }
    }
}

void KiwoomFakeServer::writeResponse(HttpConnection *c, const Request &r, const Response &response)
{
    if (!c->socket)
        return;
    if (response.action == Response::Action::Close) {
        c->socket->disconnectFromHost();
        return;
    }
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    out += "Content-Type: application/json;charset=UTF-8\r\n";
    out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    out += "Connection: keep-alive\r\n";
    bool hasApiId = false;
    for (const auto &h : response.headers) {
        out += h.first + ": " + h.second + "\r\n";
        hasApiId = hasApiId || h.first.compare("api-id", Qt::CaseInsensitive) == 0;
    }
    if (!hasApiId && r.hasHeader("api-id"))
        out += "api-id: " + r.header("api-id") + "\r\n";
    out += "\r\n";
    out += response.body;
    c->socket->write(out);
}

KiwoomFakeServer::Response KiwoomFakeServer::rateCheck(const Request &r, bool *limited)
{
    *limited = false;
    const QString apiId = r.apiId();
    const qint64 t = r.atMs;
    const auto trim = [&](std::deque<qint64> &q) {
        while (!q.empty() && q.front() <= t - m_windowMs)
            q.pop_front();
    };
    auto &api = m_apiArrivals[apiId];
    trim(api);
    trim(m_totalArrivals);
    if (m_perApi > 0 && int(api.size()) >= m_perApi) {
        *limited = true;
        ++m_rateRejections;
        return Response::error(5,
            QStringLiteral(
                "허용된 요청 개수를 초과하였습니다[1700:허용된 요청 개수를 초과하였습니다. 유량=%1, API ID=%2]")
                .arg(m_perApi)
                .arg(apiId),
            429);
    }
    if (m_total > 0 && int(m_totalArrivals.size()) >= m_total) {
        *limited = true;
        ++m_rateRejections;
        return Response::error(
            5, QStringLiteral("허용된 요청 개수를 초과하였습니다[1701:전체 요청 한도를 초과하였습니다]"), 429);
    }
    api.push_back(t);
    m_totalArrivals.push_back(t);
    m_maxPerApi = std::max(m_maxPerApi, int(api.size()));
    m_maxTotal = std::max(m_maxTotal, int(m_totalArrivals.size()));
    return {};
}

KiwoomFakeServer::Response KiwoomFakeServer::route(const Request &r)
{
    if (r.path == "/oauth2/token") {
        if (m_hasTokenOverride)
            return m_tokenOverride;
        const QString token = QStringLiteral("fake-token-%1-%2")
                                  .arg(m_issued.size() + 1)
                                  .arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0'));
        m_issued << token;
        m_valid.insert(token);
        return Response::ok(
            QJsonObject { { QStringLiteral("expires_dt"), m_expiresDt },
                { QStringLiteral("token_type"), QStringLiteral("bearer") }, { QStringLiteral("token"), token } },
            QStringLiteral("정상적으로 처리되었습니다"));
    }
    if (r.path == "/oauth2/revoke") {
        const QString token = r.json.value(QStringLiteral("token")).toString();
        m_revoked << token;
        m_valid.remove(token);
        return Response::ok({}, QStringLiteral("정상적으로 처리되었습니다"));
    }
    const QString apiId = r.apiId();
    if (m_perApi > 0 || m_total > 0) {
        bool limited = false;
        const Response rejected = rateCheck(r, &limited);
        if (limited)
            return rejected;
    }
    if (auto it = m_queued.find(apiId); it != m_queued.end() && !it->empty()) {
        const Response response = it->front();
        it->pop_front();
        return response;
    }
    if (m_checkAuth) {
        const QByteArray auth = r.header("authorization");
        const QString token = auth.startsWith("Bearer ") ? QString::fromLatin1(auth.mid(7)) : QString();
        if (auth.isEmpty())
            return Response::error(2,
                QStringLiteral("입력 값 오류입니다[1513:Http Header에 authorization 필드가 설정되어 있어야 합니다]"));
        if (!m_valid.contains(token))
            return Response::error(3, QStringLiteral("인증에 실패했습니다[8005:Token이 유효하지 않습니다]"));
    }
    if (const auto h = m_handlers.constFind(apiId); h != m_handlers.constEnd())
        return (*h)(r);
    return Response::ok();
}

// ---- WebSocket ---------------------------------------------------------------------------------

QStringList KiwoomFakeServer::wsTexts(int connection) const
{
    QStringList out;
    for (const WsFrame &f : m_wsFrames) {
        if (connection < 0 || f.connection == connection)
            out << f.text;
    }
    return out;
}

QList<QJsonObject> KiwoomFakeServer::wsRequests(const QString &trnm, int connection) const
{
    QList<QJsonObject> out;
    for (const WsFrame &f : m_wsFrames) {
        if (connection >= 0 && f.connection != connection)
            continue;
        const QJsonObject o = QJsonDocument::fromJson(f.text.toUtf8()).object();
        if (o.value(QStringLiteral("trnm")).toString() == trnm)
            out << o;
    }
    return out;
}

int KiwoomFakeServer::wsOpenCount() const
{
    int n = 0;
    for (const WsConnection *c : m_wsConnections) {
        if (c->socket && c->socket->state() == QAbstractSocket::ConnectedState)
            ++n;
    }
    return n;
}

bool KiwoomFakeServer::isLoggedIn(int connection) const
{
    for (const WsConnection *c : m_wsConnections) {
        if (c->index == connection)
            return c->loggedIn && c->socket;
    }
    return false;
}

void KiwoomFakeServer::wsSend(const QString &text, int connection)
{
    for (WsConnection *c : std::as_const(m_wsConnections)) {
        if (c->socket && (connection < 0 || c->index == connection))
            c->socket->sendTextMessage(text);
    }
}

void KiwoomFakeServer::wsDropAll()
{
    for (WsConnection *c : std::as_const(m_wsConnections)) {
        if (c->socket)
            c->socket->abort();
    }
}

void KiwoomFakeServer::onWsConnection()
{
    while (QWebSocket *socket = m_ws->nextPendingConnection()) {
        auto *c = new WsConnection;
        c->socket = socket;
        c->index = ++m_wsNext;
        m_wsConnections << c;
        connect(socket, &QWebSocket::textMessageReceived, this, [this, c](const QString &text) { onWsText(c, text); });
        connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
        emit wsConnected(c->index);
    }
}

void KiwoomFakeServer::sendLater(WsConnection *c, const QString &text, int delayMs)
{
    QPointer<QWebSocket> socket = c->socket;
    if (delayMs <= 0) {
        if (socket)
            socket->sendTextMessage(text);
        return;
    }
    QTimer::singleShot(delayMs, this, [socket, text] {
        if (socket)
            socket->sendTextMessage(text);
    });
}

void KiwoomFakeServer::onWsText(WsConnection *c, const QString &text)
{
    WsFrame f;
    f.connection = c->index;
    f.text = text;
    f.atMs = now();
    f.beforeLoginAck = !c->loggedIn;
    m_wsFrames << f;
    emit wsFrameReceived(c->index, text);

    const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString trnm = frame.value(QStringLiteral("trnm")).toString();
    if (m_wsHandler) {
        const QStringList replies = m_wsHandler(c->index, frame);
        if (!replies.isEmpty()) {
            for (const QString &reply : replies)
                c->socket->sendTextMessage(reply);
            return;
        }
    }
    if (trnm == u"PING")
        return; // the client's echo
    if (trnm == u"LOGIN") {
        const QString token = frame.value(QStringLiteral("token")).toString();
        if (!m_valid.contains(token)) {
            c->socket->sendTextMessage(compact(QJsonObject { { QStringLiteral("trnm"), QStringLiteral("LOGIN") },
                { QStringLiteral("return_code"), 805004 },
                { QStringLiteral("return_msg"),
                    QStringLiteral("토큰 인증에 실패했습니다. 접속을 종료합니다 [CODE=8005, MESSAGE=Token이 유효하지 "
                                   "않습니다]") } }));
            QPointer<QWebSocket> socket = c->socket;
            QTimer::singleShot(10, this, [socket] {
                if (socket)
                    socket->close();
            });
            return;
        }
        const QString ack = compact(
            QJsonObject { { QStringLiteral("trnm"), QStringLiteral("LOGIN") }, { QStringLiteral("return_code"), 0 },
                { QStringLiteral("return_msg"), QString() }, { QStringLiteral("sor_yn"), QStringLiteral("Y") } });
        QPointer<QWebSocket> socket = c->socket;
        QTimer::singleShot(m_loginAckDelayMs, this, [this, c, socket, ack] {
            if (!socket || !m_wsConnections.contains(c))
                return;
            c->loggedIn = true;
            socket->sendTextMessage(ack);
        });
        return;
    }
    const bool needsLogin = trnm == u"REG" || trnm == u"REMOVE" || trnm.startsWith(u"CNSR");
    if (needsLogin && !c->loggedIn) {
        ++m_early;
        c->socket->sendTextMessage(
            compact(QJsonObject { { QStringLiteral("trnm"), trnm }, { QStringLiteral("return_code"), 100013 },
                { QStringLiteral("return_msg"), QStringLiteral("로그인 전 요청입니다") } }));
        return;
    }
    if (trnm == u"REG" || trnm == u"REMOVE") {
        if (trnm == u"REG" && m_rejectRegs > 0) {
            --m_rejectRegs;
            c->socket->sendTextMessage(
                compact(QJsonObject { { QStringLiteral("trnm"), trnm }, { QStringLiteral("return_code"), 1 },
                    { QStringLiteral("return_msg"), QStringLiteral("등록 종목수 초과") } }));
            return;
        }
        c->socket->sendTextMessage(compact(QJsonObject { { QStringLiteral("trnm"), trnm },
            { QStringLiteral("return_code"), 0 }, { QStringLiteral("return_msg"), QString() } }));
        return;
    }
    if (trnm == u"CNSRLST") {
        c->listed = true;
        QJsonArray data;
        for (const auto &cond : std::as_const(m_conditions))
            data.append(QJsonArray { cond.first, cond.second });
        sendLater(c,
            compact(QJsonObject { { QStringLiteral("trnm"), QStringLiteral("CNSRLST") },
                { QStringLiteral("return_code"), 0 }, { QStringLiteral("return_msg"), QString() },
                { QStringLiteral("data"), data } }),
            m_conditionDelayMs);
        return;
    }
    if (trnm == u"CNSRREQ") {
        const QString seq = frame.value(QStringLiteral("seq")).toString();
        const QString type = frame.value(QStringLiteral("search_type")).toString();
        if (type == u"1") {
            if (!c->listed)
                ++m_reqBeforeList;
            QJsonArray data;
            for (const QString &code : m_members.value(seq))
                data.append(QJsonObject { { QStringLiteral("jmcode"), code } });
            sendLater(c,
                compact(
                    QJsonObject { { QStringLiteral("trnm"), QStringLiteral("CNSRREQ") }, { QStringLiteral("seq"), seq },
                        { QStringLiteral("return_code"), 0 }, { QStringLiteral("data"), data } }),
                m_conditionDelayMs);
            return;
        }
        const QList<QJsonArray> pages = m_searchPages.value(seq);
        // next_key "p<N>" selects page N (1-based); the first request has cont_yn N.
        int page = 0;
        if (frame.value(QStringLiteral("cont_yn")).toString() == u"Y")
            page = frame.value(QStringLiteral("next_key")).toString().mid(1).toInt() - 1;
        const bool more = page + 1 < pages.size();
        sendLater(c,
            compact(QJsonObject { { QStringLiteral("trnm"), QStringLiteral("CNSRREQ") }, { QStringLiteral("seq"), seq },
                { QStringLiteral("cont_yn"), more ? QStringLiteral("Y") : QStringLiteral("N") },
                { QStringLiteral("next_key"), more ? QStringLiteral("p%1").arg(page + 2) : QString() },
                { QStringLiteral("return_code"), 0 }, { QStringLiteral("data"), pages.value(page) } }),
            m_conditionDelayMs);
        return;
    }
    if (trnm == u"CNSRCLR") {
        sendLater(c,
            compact(QJsonObject { { QStringLiteral("trnm"), QStringLiteral("CNSRCLR") },
                { QStringLiteral("seq"), frame.value(QStringLiteral("seq")).toString() },
                { QStringLiteral("return_code"), 0 }, { QStringLiteral("return_msg"), QString() } }),
            m_conditionDelayMs);
        return;
    }
}
