// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

#include <functional>
#include <optional>

namespace Control {

enum class Scope
{
    Read, // the read key or the trade key
    Trade, // the trade key only
};

// What a controller gets: the matched {params}, the query, the parsed JSON body (empty object for
// no body) and the request's Idempotency-Key header.
struct Request
{
    QString method;
    QString path;
    QHash<QString, QString> params;
    QUrlQuery query;
    QJsonObject body;
    QByteArray idempotencyKey;
};

// What a controller answers: a status and a JSON body (errors: {"error":{"code","message"}}), or,
// when contentType is set, the bytes of data as that type (a PNG chart, a CSV export).
struct Reply
{
    int status = 200;
    QJsonObject body;
    QByteArray data; // sent instead of body when contentType is not empty
    QByteArray contentType; // e.g. "image/png", "text/csv; charset=utf-8"

    static Reply ok(const QJsonObject &body) { return { 200, body, {}, {} }; }
    static Reply error(int status, const QString &code, const QString &message);
    static Reply binary(const QByteArray &data, const QByteArray &contentType)
    {
        return { 200, {}, data, contentType };
    }
};

// An asynchronous controller answers through `respond`, once, from any thread.
using Respond = std::function<void(Reply)>;
using AsyncHandler = std::function<void(const Request &, Respond respond)>;

struct Route
{
    Route() = default;
    // The fields in order, as `{method, pattern, scope, summary, ...}` brace lists write them.
    Route(QString method_, QString pattern_, Scope scope_ = Scope::Read, QString summary_ = {},
        QJsonObject requestSchema_ = {}, QJsonObject responseSchema_ = {},
        QList<QPair<QString, QString>> queryParams_ = {}, bool idempotent_ = false,
        std::function<Reply(const Request &)> handler_ = {})
        : method(std::move(method_))
        , pattern(std::move(pattern_))
        , scope(scope_)
        , summary(std::move(summary_))
        , requestSchema(std::move(requestSchema_))
        , responseSchema(std::move(responseSchema_))
        , queryParams(std::move(queryParams_))
        , idempotent(idempotent_)
        , handler(std::move(handler_))
    {
    }

    QString method; // GET, POST, PUT, DELETE
    QString pattern; // "/api/v1/orders/{id}/cancel"
    Scope scope = Scope::Read;
    QString summary;
    QJsonObject requestSchema; // JSON Schema of the body; empty = no body
    QJsonObject responseSchema; // JSON Schema of the 200 answer
    QList<QPair<QString, QString>> queryParams; // name, description (all optional strings)
    bool idempotent = false; // accepts Idempotency-Key (order-placing routes)
    std::function<Reply(const Request &)> handler; // synchronous controller (or asyncHandler)
    AsyncHandler asyncHandler; // set by ControlServer::addAsyncRoute()
    QByteArray contentType; // of the 200 answer when not JSON (documented in openapi.json)
    // Where the route's stock code is ("body:code", "path:code"): a well-formed code must also be
    // known to the broker (else 422 naming the field) before the controller runs.
    QString knownCode;
};

// RouteTable is the control API's single source of routes: registering a route records its method,
// path pattern, scope, summary and schemas, and the OpenAPI 3.0 document is generated from the same
// list, so the documentation cannot list a route the server does not serve or miss one it does.
// Matching is exact on the path segments; a {param} matches one non-empty segment.
// Guarantees: a path matching a pattern under another method is reported (405, with Allow).
// Threading: built once, then read on the server's thread.
class RouteTable
{
public:
    struct Match
    {
        const Route *route = nullptr; // null: not found, or only other methods (see allowed)
        QHash<QString, QString> params;
        QStringList allowed; // methods whose pattern matches the path
    };

    // False (and nothing added) for a duplicate method + pattern.
    bool add(Route route);
    Match match(const QString &method, const QString &path) const;
    // Marks a registered route's stock code as one that must be known to the broker (Route::knownCode).
    bool setKnownCode(const QString &method, const QString &pattern, const QString &where);
    const QList<Route> &routes() const { return m_routes; }

    // {"openapi": "3.0.3", "info", "paths": {pattern: {method: operation}}, "components"}.
    QJsonObject openApi(const QString &title, const QString &version) const;

private:
    QList<Route> m_routes;
};

} // namespace Control
