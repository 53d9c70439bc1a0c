// SPDX-License-Identifier: GPL-3.0-or-later
#include "controlserver.h"

#include "eventstream.h"

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
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

#include "trading/instrumentcache.h"
#include "trading/tradingengine.h"

#include <atomic>

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

ControlServer::ControlServer(Deps deps, QObject *parent)
    : QObject(parent), m_deps(std::move(deps)), m_relay(std::make_shared<Relay>())
{
    if (!m_deps.clock)
        m_deps.clock = &SystemClock::instance();
    if (!m_deps.marketClock)
        m_deps.marketClock = m_deps.clock;
    m_relay->server = this;
    registerRoutes();
}

ControlServer::~ControlServer()
{
    {
        const std::lock_guard lock(m_relay->mutex);
        m_relay->server = nullptr;
    }
    stop();
}

struct ControlServer::Pending
{
    explicit Pending(QHttpServerResponder &&r) : responder(std::move(r)) { }
    QHttpServerResponder responder;
    QPointer<QTcpSocket> socket; // the responder's; gone when the client hung up
    QString method;
    QString path;
};

bool ControlServer::isStockCode(const QString &code)
{
    static const QRegularExpression re(QStringLiteral("^[0-9A-Z]{6}$"));
    return re.match(code).hasMatch();
}

bool ControlServer::addRoute(Route route)
{
    if (QThread::currentThread() != thread()) {
        QMetaObject::invokeMethod(
            this,
            [this, route = std::move(route)]() mutable {
                const QString name = route.method + u' ' + route.pattern;
                if (!addRoute(std::move(route)))
                    qCWarning(lcApp).noquote() << "control API: duplicate route" << name << "not added";
            },
            Qt::QueuedConnection);
        return true;
    }
    // The read key may only read: every change is a trade-scope route.
    if (route.method != u"GET")
        route.scope = Scope::Trade;
    return m_routes.add(std::move(route));
}

bool ControlServer::addAsyncRoute(Route route, AsyncHandler handler)
{
    route.handler = nullptr;
    route.asyncHandler = std::move(handler);
    return addRoute(std::move(route));
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
        onRequest(request, std::move(responder));
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

    if (m_deps.events) {
        m_events = std::make_unique<EventStream>(
            *m_deps.events,
            [this](const EventStream::Handshake &h) -> std::optional<Reply> {
                Scope scope = Scope::Read;
                return admit(h.client, h.host, h.hostCount, h.origin, h.originCount, h.authorization,
                    m_events ? m_events->port() : 0, &scope);
            },
            this);
        const quint16 wsPort = m_events->listen(m_options.address, quint16(std::clamp(m_options.eventsPort, 0, 65535)));
        if (wsPort == 0) {
            qCWarning(lcApp).noquote() << "control API: the event stream cannot listen on port" << m_options.eventsPort
                                       << "(in use?); /events is off";
            m_events.reset();
        }
    }
    return bound;
}

void ControlServer::stop()
{
    m_events.reset();
    m_server.reset(); // closes the sockets: pending answers have nobody to go to
    m_pending.clear();
    m_port = 0;
}

QString ControlServer::baseUrl() const
{
    const QString host = m_options.address.protocol() == QAbstractSocket::IPv6Protocol
        ? u'[' + m_options.address.toString() + u']'
        : m_options.address.toString();
    return QStringLiteral("http://%1:%2/api/v1").arg(host).arg(m_port);
}

quint16 ControlServer::eventsPort() const
{
    return m_events ? m_events->port() : 0;
}

QString ControlServer::eventsUrl() const
{
    if (!m_events)
        return {};
    const QString host = m_options.address.protocol() == QAbstractSocket::IPv6Protocol
        ? u'[' + m_options.address.toString() + u']'
        : m_options.address.toString();
    return QStringLiteral("ws://%1:%2%3").arg(host).arg(m_events->port()).arg(EventStream::path());
}

Result<ApiKeys::Keys> ControlServer::rotateKeys()
{
    auto keys = m_keys.rotate(*m_deps.settings, m_options.keyFile);
    if (keys)
        qCInfo(lcApp).noquote() << "control API keys rotated; written to" << m_options.keyFile;
    return keys;
}

bool ControlServer::hostAllowed(const QByteArray &host, quint16 expectedPort) const
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
    if (port.isEmpty() ? expectedPort != 80 : port != QByteArray::number(expectedPort))
        return false;
    if (name == "localhost" || name == "127.0.0.1" || name == "::1")
        return true;
    // Bound elsewhere on purpose: that address is a name of this server too.
    return !m_options.address.isLoopback() && QHostAddress(QString::fromLatin1(name)) == m_options.address;
}

bool ControlServer::originAllowed(const QByteArray &origin, quint16 port) const
{
    // Browsers send Origin on cross-site requests; scripts (curl, Python) send none. Only this
    // server's own origin is accepted ("null", a file:// page, is foreign).
    const QByteArray o = origin.trimmed().toLower();
    if (!o.startsWith("http://"))
        return false;
    // The event stream is opened by pages of the HTTP API's origin.
    return hostAllowed(o.mid(7), port) || hostAllowed(o.mid(7), m_port);
}

ControlServer::Answer ControlServer::fromReply(const Reply &reply)
{
    Answer a;
    a.status = reply.status;
    if (!reply.contentType.isEmpty()) {
        a.contentType = reply.contentType;
        a.body = reply.data;
    } else {
        a.body = QJsonDocument(reply.body).toJson(QJsonDocument::Compact);
    }
    return a;
}

void ControlServer::onRequest(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    const quint64 id = ++m_nextRequestId;
    auto pending = std::make_unique<Pending>(std::move(responder));
    pending->socket = pending->responder.socket();
    pending->method = methodName(request.method());
    pending->path = request.url().path();
    m_pending.emplace(id, std::move(pending));

    Prepared p;
    if (std::optional<Answer> refused = prepare(request, &p)) {
        finish(id, *refused);
        return;
    }
    run(id, std::move(p));
}

void ControlServer::finish(quint64 id, const Answer &a)
{
    const auto it = m_pending.find(id);
    if (it == m_pending.end())
        return; // answered already (a late async answer after the 504), or the server stopped
    std::unique_ptr<Pending> p = std::move(it->second);
    m_pending.erase(it);
    if (a.status >= 400)
        qCInfo(lcApp).noquote() << "control API" << p->method << p->path << "→" << a.status;
    if (!p->socket || p->socket->state() != QAbstractSocket::ConnectedState)
        return; // the client hung up
    QHttpServerResponse response(a.contentType, a.body, static_cast<QHttpServerResponse::StatusCode>(a.status));
    response.addHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    response.addHeader(QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff"));
    for (const auto &[name, value] : a.headers)
        response.addHeader(name, value);
    response.write(std::move(p->responder));
}

Respond ControlServer::responderFor(quint64 id)
{
    auto once = std::make_shared<std::atomic_bool>(false);
    return [relay = m_relay, once, id](Reply reply) {
        if (once->exchange(true)) {
            qCWarning(lcApp) << "control API: a controller answered twice; the second answer is dropped";
            return;
        }
        const std::lock_guard lock(relay->mutex);
        ControlServer *server = relay->server;
        if (!server)
            return;
        // Always queued, also on the server's thread: an answer never re-enters the caller.
        QMetaObject::invokeMethod(
            server, [server, id, reply = std::move(reply)] { server->finish(id, fromReply(reply)); },
            Qt::QueuedConnection);
    };
}

std::optional<Reply> ControlServer::admit(const QString &client, const QByteArray &host, int hostCount,
    const QByteArray &origin, int originCount, const QByteArray &authorization, quint16 port, Scope *scope)
{
    if (const qint64 wait = m_throttle->retryAfterMs(client); wait > 0) {
        Reply r = Reply::error(429, QStringLiteral("too_many_failures"),
            tr("Too many failed authentications; try again in %1 s.").arg((wait + 999) / 1000));
        r.data = QByteArray::number((wait + 999) / 1000); // Retry-After (see prepare())
        return r;
    }
    if (hostCount != 1 || !hostAllowed(host, port))
        return Reply::error(403, QStringLiteral("host_forbidden"),
            tr("The Host header must name this server by a loopback address and its port."));
    if (originCount > 0 && !originAllowed(origin, port))
        return Reply::error(
            403, QStringLiteral("origin_forbidden"), tr("Requests from web pages of other origins are refused."));
    // Authentication before routing: without a key nothing, not even which paths exist, is told.
    std::optional<Scope> s;
    const QByteArray a = authorization.trimmed();
    if (a.size() > 7 && a.left(7).compare("bearer ", Qt::CaseInsensitive) == 0)
        s = m_keys.check(a.mid(7).trimmed());
    if (!s) {
        m_throttle->recordFailure(client);
        return Reply::error(401, QStringLiteral("unauthorized"),
            a.isEmpty() ? tr("Send Authorization: Bearer <key> (see the key file).") : tr("The key is not valid."));
    }
    *scope = *s;
    return std::nullopt;
}

std::optional<ControlServer::Answer> ControlServer::prepare(const QHttpServerRequest &request, Prepared *out)
{
    const QString client = request.remoteAddress().toString();
    if (request.body().size() > m_options.maxBodyBytes && m_throttle->retryAfterMs(client) <= 0
        && headerCount(request, "Host") == 1 && hostAllowed(header(request, "Host"), m_port)
        && (headerCount(request, "Origin") == 0 || originAllowed(header(request, "Origin"), m_port)))
        return fromReply(Reply::error(413, QStringLiteral("body_too_large"),
            tr("The request body is larger than %1 bytes.").arg(m_options.maxBodyBytes)));
    Scope scope = Scope::Read;
    if (std::optional<Reply> refused
        = admit(client, header(request, "Host"), headerCount(request, "Host"), header(request, "Origin"),
            headerCount(request, "Origin"), header(request, "Authorization"), m_port, &scope)) {
        const QByteArray retryAfter = refused->data;
        refused->data.clear();
        Answer a = fromReply(*refused);
        if (a.status == 429)
            a.headers.append({ QByteArrayLiteral("Retry-After"), retryAfter });
        if (a.status == 401)
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
    if (route.scope == Scope::Trade && scope != Scope::Trade)
        return fromReply(Reply::error(403, QStringLiteral("forbidden_scope"),
            tr("The read key may only read; %1 %2 needs the trade key.").arg(method, route.pattern)));

    Request &r = out->request;
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
        out->fingerprint = h.result();
    }
    if (!route.idempotent)
        r.idempotencyKey.clear();
    out->route = route;
    return std::nullopt;
}

void ControlServer::run(quint64 id, Prepared p)
{
    // Runs the controller: asynchronous ones answer through their responder (or time out).
    auto proceed = [this, id](const Prepared &p) {
        if (p.route.asyncHandler) {
            QTimer::singleShot(m_options.asyncTimeoutMs, this, [this, id] {
                finish(id,
                    fromReply(Reply::error(504, QStringLiteral("timeout"),
                        tr("The request was not answered within %1 s.").arg(m_options.asyncTimeoutMs / 1000.0))));
            });
            p.route.asyncHandler(p.request, responderFor(id));
            return;
        }
        finish(id,
            fromReply(p.fingerprint.isEmpty() ? p.route.handler(p.request)
                                              : runIdempotent(p.route, p.request, p.fingerprint)));
    };
    // A well-formed stock code must also be one the broker knows (a malformed one is the
    // controller's 422, with its own message) — for asynchronous controllers too.
    if (!p.route.knownCode.isEmpty()) {
        const QString where = p.route.knownCode.section(u':', 0, 0);
        const QString field = p.route.knownCode.section(u':', 1);
        const QString code = where == u"path" ? p.request.params.value(field) : p.request.body.value(field).toString();
        if (isStockCode(code)) {
            QPointer<ControlServer> self(this);
            checkKnownCode(field, code, [self, id, p, proceed](std::optional<Reply> refused) {
                if (!self)
                    return;
                if (refused)
                    self->finish(id, fromReply(*refused));
                else
                    proceed(p);
            });
            return;
        }
    }
    proceed(p);
}

void ControlServer::checkKnownCode(
    const QString &field, const QString &code, std::function<void(std::optional<Reply>)> done)
{
    TradingEngine *engine = m_deps.engine ? m_deps.engine() : nullptr;
    if (!engine || engine->instruments().get(code)) {
        done(std::nullopt); // no engine: the controller answers "not ready"
        return;
    }
    engine->instruments().fetch(code, this, [field, code, done](const KiwoomResult<Trading::InstrumentInfo> &r) {
        if (r) {
            done(std::nullopt);
            return;
        }
        const KiwoomError &e = r.error();
        if (e.kind == KiwoomError::Kind::Api || e.kind == KiwoomError::Kind::Parse
            || e.kind == KiwoomError::Kind::Invalid) {
            Reply bad = Reply::error(422, QStringLiteral("invalid_field"),
                QStringLiteral("%1: %2").arg(field, tr("%1 is not a stock code the broker knows").arg(code)));
            QJsonObject error = bad.body.value(QStringLiteral("error")).toObject();
            error.insert(QStringLiteral("field"), field);
            bad.body.insert(QStringLiteral("error"), error);
            done(bad);
            return;
        }
        done(Reply::error(409, QStringLiteral("broker_unavailable"),
            tr("The broker could not be asked about %1: %2").arg(code, e.describe())));
    });
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
