// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apikeys.h"
#include "auththrottle.h"
#include "routetable.h"

#include "common/result.h"

#include <QHostAddress>
#include <QJsonObject>
#include <QObject>

#include <deque>
#include <functional>
#include <memory>

class ActivityLog;
class Database;
class IClock;
class QHttpServer;
class QHttpServerRequest;
class Settings;
class TradingEngine;

// ControlServer is the local HTTP control API (issue 9): QHttpServer on 127.0.0.1, every route
// under /api/v1 in one RouteTable (which also generates /api/v1/openapi.json), controllers that
// only call the one command layer (TradingCommands, actor "api") or read the repositories.
//
// Every request passes, in this order: the failed-auth throttle (429 + Retry-After), the Host
// header (a loopback name with this port: DNS-rebinding defence, 403), a foreign Origin (403), the
// body limit (413), the bearer key (401; failures feed the throttle), the route (404; a known path
// under another method: 405 + Allow), the key's scope (the read key: GET only; 403), the JSON body
// (400), then the controller. Every answer is JSON with Cache-Control: no-store and
// X-Content-Type-Options: nosniff; errors are {"error":{"code","message"}}. A request refused
// before its controller ran changed nothing. Order-placing routes honour Idempotency-Key: the same
// key with the same request answers the first answer again (the command layer also dedupes by it,
// so one order even across restarts); the same key with another request is 409.
// Keys and request bodies are never logged.
// Threading: the thread it is created on (the core's); controllers run there synchronously.
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

    const Control::RouteTable &routes() const { return m_routes; }
    // Adds a route (the ui layer registers the chart routes this way); false for a duplicate.
    bool addRoute(Control::Route route);

    // New keys, written to the key file; the old ones stop working at once.
    Result<Control::ApiKeys::Keys> rotateKeys();

    static QString actor() { return QStringLiteral("api"); }

private:
    struct Answer
    {
        int status = 200;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
    };
    struct IdempotentEntry
    {
        QByteArray key;
        QByteArray fingerprint;
        Control::Reply reply;
        qint64 atMs = 0;
    };

    Answer handle(const QHttpServerRequest &request);
    Answer dispatch(const QHttpServerRequest &request);
    bool hostAllowed(const QByteArray &host) const;
    bool originAllowed(const QByteArray &origin) const;
    Control::Reply runIdempotent(
        const Control::Route &route, const Control::Request &request, const QByteArray &fingerprint);
    void registerRoutes();
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
};
