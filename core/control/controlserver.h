// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apikeys.h"
#include "auththrottle.h"
#include "routetable.h"

#include "common/result.h"

#include <QHostAddress>
#include <QJsonObject>
#include <QObject>

#include <QPointer>

#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <unordered_map>

class ActivityLog;
class Database;
class EventFeed;
class IClock;
class MarketRecorder;
class NewsService;
class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;
class QTcpSocket;
class RestClient;
class Settings;
class TradingEngine;

namespace Control {
class EventStream;
}

// ControlServer is the local HTTP control API (issue 9): QHttpServer on 127.0.0.1, every route
// under /api/v1 in one RouteTable (which also generates /api/v1/openapi.json), controllers that
// only call the one command layer (TradingCommands, actor "api") or read the repositories.
//
// Every request passes, in this order: the failed-auth throttle (429 + Retry-After), the Host
// header (a loopback name with this port: DNS-rebinding defence, 403), a foreign Origin (403), the
// body limit (413), the bearer key (401; failures feed the throttle), the route (404; a known path
// under another method: 405 + Allow), the key's scope (the read key: GET only; 403), the JSON body
// (400), for routes with a stock code the code being known to the broker (ka10001 through the
// engine's InstrumentCache; 422 naming the field), then the controller. Every answer has
// Cache-Control: no-store and X-Content-Type-Options: nosniff; it is JSON (errors are
// {"error":{"code","message"}}) unless the controller answers bytes of another type (PNG, CSV).
// Asynchronous controllers (addAsyncRoute) answer later, from any thread; one that has not answered
// within Options::asyncTimeoutMs is answered 504 for it, and its late answer is dropped.
// The event stream (/api/v1/events) is a WebSocket on a second loopback port (Control::EventStream)
// behind the same checks; GET /api/v1/events and GET /health name its URL. A request refused
// before its controller ran changed nothing. Order-placing routes honour Idempotency-Key: the same
// key with the same request answers the first answer again (the command layer also dedupes by it,
// so one order even across restarts); the same key with another request is 409.
// Keys and request bodies are never logged.
// Threading: the thread it is created on (the core's); controllers run there. addRoute() and
// addAsyncRoute() may be called from any thread (queued to this one when called elsewhere);
// an async controller's respond() may be called from any thread.
class ControlServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ControlServer)

public:
    struct Deps
    {
        Settings *settings = nullptr;
        Database *database = nullptr; // may be null (then data routes answer 409)
        ActivityLog *activity = nullptr;
        const IClock *clock = nullptr; // throttle and idempotency expiry; nullptr = SystemClock
        const IClock *marketClock = nullptr; // today's trading date; nullptr = clock
        std::function<TradingEngine *()> engine; // null until the broker session is ready
        // Extra fields of GET /health (broker state, mode, ...).
        std::function<QJsonObject()> health;
        std::function<NewsService *()> news; // null: the news routes answer 409
        EventFeed *events = nullptr; // null: no /events stream
        std::function<RestClient *()> rest; // the broker's REST client (ka10100 for /stocks/{code}/info)
        // /recorder: the running market recorder (null while off) and where it writes.
        std::function<MarketRecorder *()> recorder;
        QString recordingsDir;
    };
    struct Options
    {
        QHostAddress address = QHostAddress(QHostAddress::LocalHost);
        int port = 0; // 0 = any free port
        bool allowNonLoopback = false; // control/bindAddress set explicitly to another address
        QString keyFile; // required: where the keys are written once
        qint64 maxBodyBytes = 64 * 1024;
        int maxAuthFailures = 10;
        qint64 authDecayMs = 6000;
        int asyncTimeoutMs = 30000; // an async controller's answer after this is replaced by 504
        int eventsPort = 0; // the /events WebSocket's port (same address); 0 = any free port
    };

    explicit ControlServer(Deps deps, QObject *parent = nullptr);
    ~ControlServer() override;

    // Loads (or generates) the keys and listens; the bound port, or why not.
    Result<quint16> start(const Options &options);
    void stop();
    quint16 port() const { return m_port; }
    QString baseUrl() const;
    QString keyFile() const { return m_options.keyFile; }
    bool keysGenerated() const { return m_keysGenerated; }

    // ws://host:port/api/v1/events, or empty when the stream is not running.
    QString eventsUrl() const;
    quint16 eventsPort() const;

    const Control::RouteTable &routes() const { return m_routes; }
    using AsyncHandler = Control::AsyncHandler;
    // Adds a route; false for a duplicate. From another thread the route is queued to this thread
    // (true is returned; a duplicate is logged there and dropped).
    bool addRoute(Control::Route route);
    // Adds a route whose controller answers later through respond(reply), once, from any thread (the
    // ui layer registers the chart routes this way). Same checks, scopes and openapi.json entry as
    // any route; thread rules as addRoute().
    bool addAsyncRoute(Control::Route route, AsyncHandler handler);

    static bool isStockCode(const QString &code);

    // New keys, written to the key file; the old ones stop working at once.
    Result<Control::ApiKeys::Keys> rotateKeys();

    static QString actor() { return QStringLiteral("api"); }

private:
    struct Answer
    {
        int status = 200;
        QByteArray body;
        QByteArray contentType = QByteArrayLiteral("application/json; charset=utf-8");
        QList<QPair<QByteArray, QByteArray>> headers;
    };
    struct IdempotentEntry
    {
        QByteArray key;
        QByteArray fingerprint;
        Control::Reply reply;
        qint64 atMs = 0;
    };

    struct Pending;
    struct Relay
    {
        std::mutex mutex;
        ControlServer *server = nullptr; // null once the server is gone
    };
    struct Prepared
    {
        Control::Route route;
        Control::Request request;
        QByteArray fingerprint; // non-empty: run through the idempotency store
    };

    void onRequest(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    void finish(quint64 id, const Answer &answer);
    std::optional<Answer> prepare(const QHttpServerRequest &request, Prepared *out);
    void run(quint64 id, Prepared p);
    void checkKnownCode(
        const QString &field, const QString &code, std::function<void(std::optional<Control::Reply>)> done);
    Control::Respond responderFor(quint64 id);
    bool hostAllowed(const QByteArray &host, quint16 port) const;
    bool originAllowed(const QByteArray &origin, quint16 port) const;
    // The checks before routing, shared with the event stream: throttle, Host, Origin, bearer key.
    std::optional<Control::Reply> admit(const QString &client, const QByteArray &host, int hostCount,
        const QByteArray &origin, int originCount, const QByteArray &authorization, quint16 port,
        Control::Scope *scope);
    Control::Reply runIdempotent(
        const Control::Route &route, const Control::Request &request, const QByteArray &fingerprint);
    void registerRoutes();
    void registerDataRoutes();
    static Answer fromReply(const Control::Reply &reply);

    Deps m_deps;
    Options m_options;
    std::unique_ptr<QHttpServer> m_server;
    std::unique_ptr<Control::AuthThrottle> m_throttle;
    Control::ApiKeys m_keys;
    bool m_keysGenerated = false;
    quint16 m_port = 0;
    Control::RouteTable m_routes;
    std::deque<IdempotentEntry> m_idempotent;
    std::unordered_map<quint64, std::unique_ptr<Pending>> m_pending;
    quint64 m_nextRequestId = 0;
    std::shared_ptr<Relay> m_relay;
    std::unique_ptr<Control::EventStream> m_events;
};
