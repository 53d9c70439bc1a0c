// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chartrenderer.h"

#include "control/controlserver.h"
#include "control/routetable.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QMetaObject>
#include <QPointer>
#include <QString>
#include <QUrlQuery>

#include <functional>
#include <type_traits>
#include <utility>

// The control API's chart routes (issue 9), served by the ui layer so that core stays free of
// Widgets and Charts:
//   GET /api/v1/chart/image/{code}            candles, overlays, an indicator and trade markers
//   GET /api/v1/chart/strategy/{code}/{type}  that strategy's indicator and signals
// Both answer image/png (query parameters: ChartRenderer::parseImageRequest). Errors are the API's
// JSON errors: 422 chart.invalid (the parameter is named), 404 strategy.unknown, 409 when the engine
// is not ready or the candles cannot be had (the error's code and message are the loader's).
// The server calls the controller on its own thread (the core's); the controller posts the work to
// the renderer's (GUI) thread and answers from there. Headless, both are the main thread.
namespace ChartRoutes {

enum class Kind
{
    Image,
    Strategy,
};

// A route's answer before it becomes a Control::Reply: PNG bytes (status 200) or an error.
struct Answer
{
    int status = 200;
    QByteArray png;
    QString errorCode;
    QString message;
};

// Validates, renders and answers through `respond` (once, on the renderer's thread). Call it on the
// renderer's thread.
void serve(ChartRenderer &renderer, Kind kind, const QHash<QString, QString> &params, const QUrlQuery &query,
    std::function<void(const Answer &)> respond);

// HTTP status of a loader/renderer error code.
int statusFor(const QString &errorCode);

// The two routes' method, pattern, summary and query parameters.
struct RouteSpec
{
    Kind kind;
    QString pattern;
    QString summary;
};
QList<RouteSpec> specs();
QList<QPair<QString, QString>> queryParams();

namespace detail {
template<typename S, typename = void> struct HasAsyncRoutes : std::false_type
{
};
template<typename S>
struct HasAsyncRoutes<S,
    std::void_t<typename S::AsyncHandler,
        decltype(std::declval<S &>().addAsyncRoute(
            std::declval<Control::Route>(), std::declval<typename S::AsyncHandler>()))>> : std::true_type
{
};
} // namespace detail

} // namespace ChartRoutes

// Registers the chart routes on `server` with ControlServer::addAsyncRoute() (the asynchronous
// route registration of the control API, callable from any thread; its Reply carries bytes with a
// content type). Returns false, and registers nothing, against a ControlServer without it. The
// renderer must outlive the server's use of the routes (a request after it is gone answers 409).
template<typename Server = ControlServer, typename Route = Control::Route, typename Reply = Control::Reply>
bool registerChartRoutes(Server &server, ChartRenderer &renderer)
{
    if constexpr (ChartRoutes::detail::HasAsyncRoutes<Server>::value) {
        bool ok = true;
        QPointer<ChartRenderer> target(&renderer);
        for (const ChartRoutes::RouteSpec &spec : ChartRoutes::specs()) {
            Route route;
            route.method = QStringLiteral("GET");
            route.pattern = spec.pattern;
            route.scope = Control::Scope::Read;
            route.summary = spec.summary;
            route.queryParams = ChartRoutes::queryParams();
            route.contentType = QByteArrayLiteral("image/png");
            route.knownCode = QStringLiteral("path:code"); // a well-formed code the broker does not know: 422
            const ChartRoutes::Kind kind = spec.kind;
            auto handler = [target, kind](const Control::Request &request, auto respond) {
                auto answer = [respond](const ChartRoutes::Answer &a) {
                    Reply reply;
                    if (a.status == 200) {
                        reply.status = 200;
                        reply.data = a.png;
                        reply.contentType = QByteArrayLiteral("image/png");
                    } else {
                        reply = Reply::error(a.status, a.errorCode, a.message);
                    }
                    respond(reply);
                };
                ChartRenderer *renderer = target.data();
                if (!renderer) {
                    answer(
                        { 409, {}, QStringLiteral("chart.unavailable"), QStringLiteral("charts are not available") });
                    return;
                }
                QMetaObject::invokeMethod(
                    renderer,
                    [target, kind, params = request.params, query = request.query, answer] {
                        if (!target) {
                            answer({ 409, {}, QStringLiteral("chart.unavailable"),
                                QStringLiteral("charts are not available") });
                            return;
                        }
                        ChartRoutes::serve(*target, kind, params, query, answer);
                    },
                    Qt::QueuedConnection);
            };
            ok = server.addAsyncRoute(std::move(route), typename Server::AsyncHandler(handler)) && ok;
        }
        return ok;
    } else {
        Q_UNUSED(server)
        Q_UNUSED(renderer)
        return false;
    }
}
