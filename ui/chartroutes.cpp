// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartroutes.h"

namespace ChartRoutes {

int statusFor(const QString &errorCode)
{
    if (errorCode == u"chart.invalid")
        return 422;
    if (errorCode == u"strategy.unknown")
        return 404;
    // Not ready, the broker refused the chart TR, storage: a state of the app, not of the request.
    return 409;
}

QList<RouteSpec> specs()
{
    return { { Kind::Image, QStringLiteral("/api/v1/chart/image/{code}"),
                 QStringLiteral("PNG of the candle chart with volume, overlays, an indicator and trade markers") },
        { Kind::Strategy, QStringLiteral("/api/v1/chart/strategy/{code}/{type}"),
            QStringLiteral("PNG of the candle chart with a strategy's indicator and its signals") } };
}

QList<QPair<QString, QString>> queryParams()
{
    return { { QStringLiteral("interval"), QStringLiteral("1m, 5m, 15m, 60m or 1d") },
        { QStringLiteral("width"), QStringLiteral("pixels, 200-4000 (default 1200)") },
        { QStringLiteral("height"), QStringLiteral("pixels, 150-3000 (default 800)") },
        { QStringLiteral("count"), QStringLiteral("candles, 20-2000 (default 200)") },
        { QStringLiteral("indicator"), QStringLiteral("none, rsi, macd, chaikin, momentum or disparity") },
        { QStringLiteral("overlays"), QStringLiteral("comma-separated sma, ema, bb; or none") } };
}

void serve(ChartRenderer &renderer, Kind kind, const QHash<QString, QString> &params, const QUrlQuery &query,
    std::function<void(const Answer &)> respond)
{
    const QString code = params.value(QStringLiteral("code"));
    const Result<ChartImageRequest> request = kind == Kind::Image
        ? ChartRenderer::parseImageRequest(code, query)
        : ChartRenderer::parseStrategyRequest(code, params.value(QStringLiteral("type")), query);
    auto fail = [respond](const Error &e) { respond({ statusFor(e.code), {}, e.code, e.message }); };
    if (!request) {
        fail(request.error());
        return;
    }
    renderer.render(request.value(), [respond, fail](const Result<QByteArray> &png) {
        if (!png) {
            fail(png.error());
            return;
        }
        respond({ 200, png.value(), {}, {} });
    });
}

} // namespace ChartRoutes
