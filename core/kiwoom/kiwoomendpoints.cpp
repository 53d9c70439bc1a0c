// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiwoomendpoints.h"

#include "common/logging.h"

namespace {

Error endpointError(const QString &message)
{
    return Error { QStringLiteral("kiwoom.endpoints"), message };
}

} // namespace

Result<KiwoomEndpoints> KiwoomEndpoints::forMode(const QString &mode)
{
    if (mode == u"live") {
        return KiwoomEndpoints { QUrl(QStringLiteral("https://api.kiwoom.com")),
            QUrl(QStringLiteral("wss://api.kiwoom.com:10000/api/dostk/websocket")) };
    }
    if (mode == u"mock") {
        return KiwoomEndpoints { QUrl(QStringLiteral("https://mockapi.kiwoom.com")),
            QUrl(QStringLiteral("wss://mockapi.kiwoom.com:10000/api/dostk/websocket")) };
    }
    if (mode == u"demo")
        return endpointError(
            QStringLiteral("demo mode connects to the built-in simulator; its URLs come from the app"));
    return endpointError(QStringLiteral("unknown mode \"%1\" (expected demo, mock or live)").arg(mode));
}

Result<KiwoomEndpoints> KiwoomEndpoints::fromUrls(const QString &restBase, const QString &wsUrl)
{
    const QUrl rest(restBase, QUrl::StrictMode);
    const QUrl ws(wsUrl, QUrl::StrictMode);
    if (!rest.isValid() || rest.host().isEmpty() || (rest.scheme() != u"http" && rest.scheme() != u"https"))
        return endpointError(QStringLiteral("REST URL must be http(s)://host[:port]: \"%1\"").arg(restBase));
    if (!ws.isValid() || ws.host().isEmpty() || (ws.scheme() != u"ws" && ws.scheme() != u"wss"))
        return endpointError(QStringLiteral("WebSocket URL must be ws(s)://host[:port]/path: \"%1\"").arg(wsUrl));
    if (!rest.userInfo().isEmpty() || !ws.userInfo().isEmpty())
        return endpointError(QStringLiteral("URLs must not carry credentials"));
    return KiwoomEndpoints { rest, ws };
}

Result<KiwoomEndpoints> KiwoomEndpoints::resolve(
    const QString &mode, const QString &restOverride, const QString &wsOverride)
{
    if (mode == u"demo" || (!restOverride.isEmpty() && !wsOverride.isEmpty())) {
        if (restOverride.isEmpty() || wsOverride.isEmpty())
            return endpointError(
                QStringLiteral("demo mode needs both the REST and the WebSocket URL of the simulator"));
        return fromUrls(restOverride, wsOverride);
    }
    const auto base = forMode(mode);
    if (!base)
        return base.error();
    return fromUrls(restOverride.isEmpty() ? base->restBase.toString() : restOverride,
        wsOverride.isEmpty() ? base->wsUrl.toString() : wsOverride);
}
