// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiwoomhttp.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>
#include <limits>

namespace Kiwoom::Http {

QNetworkRequest makeRequest(const QUrl &base, const QString &path, const QString &apiId, const QString &bearerToken,
    const QString &contYn, const QString &nextKey, bool sendContinuationHeaders)
{
    QUrl url = base;
    QString basePath = base.path();
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + path);

    QNetworkRequest request(url);
    request.setRawHeader("Content-Type", "application/json;charset=UTF-8");
    request.setRawHeader("api-id", apiId.toLatin1());
    if (!bearerToken.isEmpty())
        request.setRawHeader("authorization", "Bearer " + bearerToken.toLatin1());
    if (sendContinuationHeaders) {
        // Kiwoom's portal samples send cont-yn N and an empty next-key on a first page.
        request.setRawHeader("cont-yn", contYn.isEmpty() ? QByteArray("N") : contYn.toLatin1());
        request.setRawHeader("next-key", nextKey.toLatin1().isNull() ? QByteArray("") : nextKey.toLatin1());
    }
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    return request;
}

Response read(QNetworkReply *reply, bool timedOut)
{
    Response r;
    r.timedOut = timedOut;
    r.networkError = reply->error();
    r.networkErrorText = reply->errorString();
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    r.httpStatus = status.isValid() ? status.toInt() : 0;
    if (timedOut)
        r.httpStatus = 0;
    if (r.httpStatus > 0) {
        r.body = reply->readAll();
        r.contYn = QString::fromLatin1(reply->rawHeader("cont-yn")).trimmed();
        r.nextKey = QString::fromLatin1(reply->rawHeader("next-key")).trimmed();
        r.serverTime = parseServerTime(reply->rawHeader("x-sim-time"), reply->rawHeader("x-sim-speed"));
    }
    return r;
}

std::optional<ServerTime> parseServerTime(const QByteArray &timeHeader, const QByteArray &speedHeader)
{
    bool ok = false;
    const qint64 ms = timeHeader.trimmed().toLongLong(&ok);
    if (!ok || ms <= 0)
        return std::nullopt;
    ServerTime t;
    t.virtualMs = ms;
    const double speed = speedHeader.trimmed().toDouble(&ok);
    if (ok && std::isfinite(speed) && speed >= 0)
        t.speed = speed;
    return t;
}

bool mayHaveReachedServer(const Response &response)
{
    if (response.definitelyNotSent)
        return false;
    if (response.timedOut)
        return true;
    switch (response.networkError) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::ProtocolUnknownError:
    case QNetworkReply::ProtocolInvalidOperationError:
        return false;
    default:
        return true;
    }
}

KiwoomError transportError(const QString &apiId, const Response &response)
{
    if (response.timedOut && !response.definitelyNotSent)
        return KiwoomError::make(KiwoomError::Kind::Timeout, apiId, QStringLiteral("no reply within the timeout"));
    return KiwoomError::make(KiwoomError::Kind::Transport, apiId, response.networkErrorText);
}

KiwoomResult<Envelope> parseEnvelope(const QString &apiId, const QByteArray &body)
{
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError) {
        return KiwoomError::make(KiwoomError::Kind::Parse, apiId,
            QStringLiteral("%1: reply is not JSON (%2 at offset %3)")
                .arg(apiId, error.errorString())
                .arg(error.offset));
    }
    if (!doc.isObject())
        return KiwoomError::make(
            KiwoomError::Kind::Parse, apiId, QStringLiteral("%1: reply is not a JSON object").arg(apiId));
    Envelope e;
    e.body = doc.object();
    const std::optional<int> rc = Kiwoom::returnCodeOf(e.body.value(QLatin1String("return_code")));
    if (!rc)
        return KiwoomError::make(
            KiwoomError::Kind::Parse, apiId, QStringLiteral("%1.return_code: missing or not an integer").arg(apiId));
    e.returnCode = *rc;
    e.returnMsg = e.body.value(QLatin1String("return_msg")).toString();
    return e;
}

} // namespace Kiwoom::Http
