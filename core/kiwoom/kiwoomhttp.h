// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kiwoomerror.h"

#include <QByteArray>
#include <QJsonObject>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrl>

#include <optional>

// The HTTP details shared by TokenManager and RestClient: building a request with Kiwoom's
// headers (protocol §3) and reading a reply into its status, continuation headers and envelope.
namespace Kiwoom::Http {

// POST target base + path with Content-Type "application/json;charset=UTF-8", "api-id", and, when
// given, "authorization: Bearer <token>", "cont-yn" and "next-key". Redirects are never followed.
QNetworkRequest makeRequest(const QUrl &base, const QString &path, const QString &apiId, const QString &bearerToken,
    const QString &contYn = QString(), const QString &nextKey = QString(), bool sendContinuationHeaders = false);

// The simulator's announcement of its market time on a reply (x-sim-time: virtual UTC epoch ms,
// x-sim-speed: virtual ms per real ms). Real Kiwoom never sends these headers.
struct ServerTime
{
    qint64 virtualMs = 0;
    double speed = 1.0;
};
// Both header values as received; nullopt when x-sim-time is absent or not a positive integer. A
// missing or unreadable x-sim-speed counts as 1.
std::optional<ServerTime> parseServerTime(const QByteArray &timeHeader, const QByteArray &speedHeader);

struct Response
{
    int httpStatus = 0; // 0 = no HTTP response at all
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QString networkErrorText;
    bool timedOut = false; // aborted by the caller's timeout
    bool definitelyNotSent = false; // the request never left (no connection was made)
    QByteArray body;
    QString contYn; // response header cont-yn
    QString nextKey; // response header next-key
    std::optional<ServerTime> serverTime; // response headers x-sim-time / x-sim-speed
};
Response read(QNetworkReply *reply, bool timedOut);

// For a failure without an HTTP status: false when the request certainly never reached the server
// (connection refused, host not found, TLS handshake failed), true when it may have.
bool mayHaveReachedServer(const Response &response);
// Transport/Timeout error for a response without HTTP status.
KiwoomError transportError(const QString &apiId, const Response &response);

struct Envelope
{
    QJsonObject body;
    int returnCode = 0;
    QString returnMsg;
};
// Parses a JSON object with an integer return_code (and return_msg); Parse error otherwise.
KiwoomResult<Envelope> parseEnvelope(const QString &apiId, const QByteArray &body);

} // namespace Kiwoom::Http
