// SPDX-License-Identifier: GPL-3.0-or-later
#include "controlserver.h"

#include "common/clock.h"
#include "common/logging.h"
#include "common/settings.h"

#include <QCryptographicHash>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QTcpServer>

namespace {

constexpr int IDEMPOTENCY_CAPACITY = 1000;
constexpr qint64 IDEMPOTENCY_TTL_MS = 24LL * 60 * 60 * 1000;

QString methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get:
        return QStringLiteral("GET");
    case QHttpServerRequest::Method::Put:
        return QStringLiteral("PUT");
    case QHttpServerRequest::Method::Delete:
        return QStringLiteral("DELETE");
    case QHttpServerRequest::Method::Post:
        return QStringLiteral("POST");
    case QHttpServerRequest::Method::Head:
        return QStringLiteral("HEAD");
    case QHttpServerRequest::Method::Options:
        return QStringLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch:
        return QStringLiteral("PATCH");
    default:
        return QStringLiteral("OTHER");
    }
}

QByteArray header(const QHttpServerRequest &request, QByteArrayView name)
{
    for (const auto &[key, value] : request.headers()) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

int headerCount(const QHttpServerRequest &request, QByteArrayView name)
{
    int n = 0;
    for (const auto &h : request.headers()) {
        if (QByteArrayView(h.first).compare(name, Qt::CaseInsensitive) == 0)
            ++n;
    }
    return n;
}

} // namespace

using namespace Control;

ControlServer::ControlServer(Deps deps, QObject *parent) : QObject(parent), m_deps(std::move(deps))
{
    if (!m_deps.clock)
        m_deps.clock = &SystemClock::instance();
    if (!m_deps.marketClock)
        m_deps.marketClock = m_deps.clock;
    registerRoutes();
}

ControlServer::~ControlServer()
{
    stop();
}

bool ControlServer::addRoute(Route route)
{
    // The read key may only read: every change is a trade-scope route.
    if (route.method != u"GET")
        route.scope = Scope::Trade;
    return m_routes.add(std::move(route));
}

Result<quint16> ControlServer::start(const Options &options)
{
    stop();
    m_options = options;
    if (m_options.keyFile.isEmpty())
        return Error { QStringLiteral("control.key_file"), tr("The control API needs a key file path.") };
    if (!m_options.address.isLoopback()) {
        if (!m_options.allowNonLoopback) {
            return Error { QStringLiteral("control.address"),
                tr("The control API binds to loopback addresses only unless control/bindAddress says otherwise.") };
        }
        qCWarning(lcApp).noquote() << "control API bound to" << m_options.address.toString()
                                   << "— reachable from the network; anyone who learns a key can trade";
    }
    auto keys = ApiKeys::load(*m_deps.settings, m_options.keyFile, &m_keysGenerated);
    if (!keys)
        return keys.error();
    m_keys = std::move(keys).value();
    m_throttle = std::make_unique<AuthThrottle>(*m_deps.clock, m_options.maxAuthFailures, m_options.authDecayMs);

    m_server = std::make_unique<QHttpServer>();
    // No QHttpServer routes: every request comes here, so the security checks run before any
    // routing and a wrong method can be told from an unknown path.
    m_server->setMissingHandler([this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        const Answer a = handle(request);
        QHttpServerResponse response(QByteArrayLiteral("application/json; charset=utf-8"), a.body,
            static_cast<QHttpServerResponse::StatusCode>(a.status));
        response.addHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
        response.addHeader(QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff"));
        for (const auto &[name, value] : a.headers)
            response.addHeader(name, value);
        response.write(std::move(responder));
    });
    const quint16 bound = m_server->listen(m_options.address, quint16(std::clamp(m_options.port, 0, 65535)));
    if (bound == 0) {
        m_server.reset();
        return Error { QStringLiteral("control.listen"),
            tr("The control API cannot listen on %1:%2 (in use?).")
                .arg(m_options.address.toString())
                .arg(m_options.port) };
    }
    m_port = bound;
    return bound;
}

void ControlServer::stop()
{
    m_server.reset();
    m_port = 0;
}

QString ControlServer::baseUrl() const
{
    const QString host = m_options.address.protocol() == QAbstractSocket::IPv6Protocol
        ? u'[' + m_options.address.toString() + u']'
        : m_options.address.toString();
    return QStringLiteral("http://%1:%2/api/v1").arg(host).arg(m_port);
}

Result<ApiKeys::Keys> ControlServer::rotateKeys()
{
    auto keys = m_keys.rotate(*m_deps.settings, m_options.keyFile);
    if (keys)
        qCInfo(lcApp).noquote() << "control API keys rotated; written to" << m_options.keyFile;
    return keys;
}

bool ControlServer::hostAllowed(const QByteArray &host) const
{
    // DNS rebinding: a page of evil.example resolving to 127.0.0.1 still sends "Host: evil.example".
    QByteArray name = host.trimmed().toLower();
    QByteArray port;
    if (name.startsWith('[')) {
        const qsizetype close = name.indexOf(']');
        if (close < 0)
            return false;
        port = name.mid(close + 1);
        name = name.mid(1, close - 1);
    } else if (const qsizetype colon = name.lastIndexOf(':'); colon >= 0) {
        port = name.mid(colon + 1);
        name = name.left(colon);
    }
    if (port.startsWith(':'))
        port = port.mid(1);
    if (port.isEmpty() ? m_port != 80 : port != QByteArray::number(m_port))
        return false;
    if (name == "localhost" || name == "127.0.0.1" || name == "::1")
        return true;
    // Bound elsewhere on purpose: that address is a name of this server too.
    return !m_options.address.isLoopback() && QHostAddress(QString::fromLatin1(name)) == m_options.address;
}

bool ControlServer::originAllowed(const QByteArray &origin) const
{
    // Browsers send Origin on cross-site requests; scripts (curl, Python) send none. Only this
    // server's own origin is accepted ("null", a file:// page, is foreign).
    const QByteArray o = origin.trimmed().toLower();
    if (!o.startsWith("http://"))
        return false;
    return hostAllowed(o.mid(7));
}

ControlServer::Answer ControlServer::fromReply(const Reply &reply)
{
    Answer a;
    a.status = reply.status;
    a.body = QJsonDocument(reply.body).toJson(QJsonDocument::Compact);
    return a;
}

ControlServer::Answer ControlServer::handle(const QHttpServerRequest &request)
{
    Answer a = dispatch(request);
    if (a.status >= 400) {
        qCInfo(lcApp).noquote() << "control API" << methodName(request.method()) << request.url().path() << "→"
                                << a.status;
    }
    return a;
}

ControlServer::Answer ControlServer::dispatch(const QHttpServerRequest &request)
{
    const QString client = request.remoteAddress().toString();
    if (const qint64 wait = m_throttle->retryAfterMs(client); wait > 0) {
        Answer a = fromReply(Reply::error(429, QStringLiteral("too_many_failures"),
            tr("Too many failed authentications; try again in %1 s.").arg((wait + 999) / 1000)));
        a.headers.append({ QByteArrayLiteral("Retry-After"), QByteArray::number((wait + 999) / 1000) });
        return a;
    }
    if (headerCount(request, "Host") != 1 || !hostAllowed(header(request, "Host")))
        return fromReply(Reply::error(403, QStringLiteral("host_forbidden"),
            tr("The Host header must name this server by a loopback address and its port.")));
    if (headerCount(request, "Origin") > 0 && !originAllowed(header(request, "Origin")))
        return fromReply(Reply::error(
            403, QStringLiteral("origin_forbidden"), tr("Requests from web pages of other origins are refused.")));
    if (request.body().size() > m_options.maxBodyBytes)
        return fromReply(Reply::error(413, QStringLiteral("body_too_large"),
            tr("The request body is larger than %1 bytes.").arg(m_options.maxBodyBytes)));

    // Authentication before routing: without a key nothing, not even which paths exist, is told.
    const QByteArray authorization = header(request, "Authorization").trimmed();
    std::optional<Scope> scope;
    if (authorization.size() > 7 && authorization.left(7).compare("bearer ", Qt::CaseInsensitive) == 0)
        scope = m_keys.check(authorization.mid(7).trimmed());
    if (!scope) {
        m_throttle->recordFailure(client);
        Answer a = fromReply(Reply::error(401, QStringLiteral("unauthorized"),
            authorization.isEmpty() ? tr("Send Authorization: Bearer <key> (see the key file).")
                                    : tr("The key is not valid.")));
        a.headers.append(
            { QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer realm=\"kiwoom-trader\"") });
        return a;
    }

    const QString method = methodName(request.method());
    const QString path = request.url().path();
    const RouteTable::Match match = m_routes.match(method, path);
    if (!match.route) {
        if (match.allowed.isEmpty())
            return fromReply(Reply::error(404, QStringLiteral("not_found"), tr("No such route: %1").arg(path)));
        Answer a = fromReply(Reply::error(405, QStringLiteral("method_not_allowed"),
            tr("%1 is not allowed on %2; allowed: %3.").arg(method, path, match.allowed.join(QStringLiteral(", ")))));
        a.headers.append({ QByteArrayLiteral("Allow"), match.allowed.join(QStringLiteral(", ")).toLatin1() });
        return a;
    }
    const Route &route = *match.route;
    if (route.scope == Scope::Trade && *scope != Scope::Trade)
        return fromReply(Reply::error(403, QStringLiteral("forbidden_scope"),
            tr("The read key may only read; %1 %2 needs the trade key.").arg(method, route.pattern)));

    Request r;
    r.method = method;
    r.path = path;
    r.params = match.params;
    r.query = request.query();
    const QByteArray body = request.body().trimmed();
    if (!body.isEmpty()) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            return fromReply(Reply::error(400, QStringLiteral("malformed_json"),
                tr("The body is not a JSON object: %1")
                    .arg(error.error != QJsonParseError::NoError ? error.errorString() : tr("expected {...}"))));
        r.body = doc.object();
    }
    r.idempotencyKey = header(request, "Idempotency-Key").trimmed();
    if (route.idempotent && !r.idempotencyKey.isEmpty()) {
        if (r.idempotencyKey.size() > 255)
            return fromReply(
                Reply::error(422, QStringLiteral("invalid_field"), tr("Idempotency-Key: at most 255 characters.")));
        QCryptographicHash h(QCryptographicHash::Sha256);
        h.addData(method.toLatin1());
        h.addData(QByteArrayView("\n"));
        h.addData(route.pattern.toUtf8());
        h.addData(QByteArrayView("\n"));
        h.addData(path.toUtf8());
        h.addData(QByteArrayView("\n"));
        h.addData(QJsonDocument(r.body).toJson(QJsonDocument::Compact));
        return fromReply(runIdempotent(route, r, h.result()));
    }
    if (!route.idempotent)
        r.idempotencyKey.clear();
    return fromReply(route.handler(r));
}

Reply ControlServer::runIdempotent(const Route &route, const Request &request, const QByteArray &fingerprint)
{
    const qint64 now = m_deps.clock->nowMs();
    while (!m_idempotent.empty()
        && (int(m_idempotent.size()) > IDEMPOTENCY_CAPACITY || now - m_idempotent.front().atMs > IDEMPOTENCY_TTL_MS))
        m_idempotent.pop_front();
    for (const IdempotentEntry &e : m_idempotent) {
        if (e.key != request.idempotencyKey)
            continue;
        if (e.fingerprint != fingerprint)
            return Reply::error(409, QStringLiteral("idempotency_conflict"),
                tr("This Idempotency-Key was used for a different request."));
        return e.reply;
    }
    Reply reply = route.handler(request);
    // Only a success is remembered: a refused request (not ready, a risk rule) may be retried
    // with the same key once the reason is gone.
    if (reply.status < 300)
        m_idempotent.push_back({ request.idempotencyKey, fingerprint, reply, now });
    return reply;
}
