// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiwoomerror.h"

#include <QJsonValue>
#include <QRegularExpression>

#include <cmath>
#include <limits>

KiwoomError KiwoomError::make(Kind kind, const QString &apiId, const QString &message)
{
    KiwoomError e;
    e.kind = kind;
    e.apiId = apiId;
    e.message = message;
    return e;
}

bool KiwoomError::retryable() const
{
    switch (kind) {
    case Kind::Transport:
    case Kind::Timeout:
    case Kind::RateLimited:
        return true;
    case Kind::Http:
        return httpStatus >= 500;
    case Kind::Auth:
    case Kind::Api:
    case Kind::Rejected:
    case Kind::OutcomeUnknown:
    case Kind::Parse:
    case Kind::Invalid:
    case Kind::Cancelled:
        return false;
    }
    return false;
}

Error KiwoomError::toError() const
{
    const QString c
        = code > 0 ? QStringLiteral("kiwoom.%1").arg(code) : QStringLiteral("kiwoom.") + Kiwoom::kindName(kind);
    return Error { c, describe() };
}

QString KiwoomError::describe() const
{
    QString text;
    if (!apiId.isEmpty())
        text += apiId + QStringLiteral(": ");
    text += Kiwoom::kindName(kind).replace(QLatin1Char('_'), QLatin1Char(' '));
    if (code > 0)
        text += QStringLiteral(" [%1]").arg(code);
    if (httpStatus > 0 && httpStatus != 200)
        text += QStringLiteral(" HTTP %1").arg(httpStatus);
    if (!message.isEmpty())
        text += QStringLiteral(": ") + message;
    return text;
}

namespace Kiwoom {

QString kindName(KiwoomError::Kind kind)
{
    switch (kind) {
    case KiwoomError::Kind::Transport:
        return QStringLiteral("transport");
    case KiwoomError::Kind::Timeout:
        return QStringLiteral("timeout");
    case KiwoomError::Kind::Http:
        return QStringLiteral("http");
    case KiwoomError::Kind::RateLimited:
        return QStringLiteral("rate_limited");
    case KiwoomError::Kind::Auth:
        return QStringLiteral("auth");
    case KiwoomError::Kind::Api:
        return QStringLiteral("api");
    case KiwoomError::Kind::Rejected:
        return QStringLiteral("rejected");
    case KiwoomError::Kind::OutcomeUnknown:
        return QStringLiteral("outcome_unknown");
    case KiwoomError::Kind::Parse:
        return QStringLiteral("parse");
    case KiwoomError::Kind::Invalid:
        return QStringLiteral("invalid");
    case KiwoomError::Kind::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("unknown");
}

int innerCode(const QString &message)
{
    // "[1700:허용된 ...]", "[8005:Token이 ...]", "[2000](RC9000:...)" and "[CODE=8005, MESSAGE=...]".
    static const QRegularExpression bracket(QStringLiteral(R"(\[(\d{4})(?=[:\]]))"));
    static const QRegularExpression named(
        QStringLiteral(R"(\[\s*CODE\s*=\s*(\d{4})\b)"), QRegularExpression::CaseInsensitiveOption);
    if (const auto m = bracket.match(message); m.hasMatch())
        return m.captured(1).toInt();
    if (const auto m = named.match(message); m.hasMatch())
        return m.captured(1).toInt();
    return 0;
}

std::optional<int> returnCodeOf(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double v = value.toDouble();
    if (std::floor(v) != v || v < std::numeric_limits<int>::min() || v > std::numeric_limits<int>::max())
        return std::nullopt;
    return int(v);
}

bool isTokenCode(int code)
{
    return code == 8005 || code == 8031 || code == 8103;
}

KiwoomError classifyEnvelope(const QString &apiId, int httpStatus, int returnCode, const QString &returnMsg)
{
    KiwoomError e;
    e.apiId = apiId;
    e.httpStatus = httpStatus;
    e.returnCode = returnCode;
    e.message = returnMsg.trimmed();
    e.code = innerCode(returnMsg);
    // Kiwoom's own client also sees the 4-digit code directly as return_code.
    if (e.code == 0 && returnCode >= 1000 && returnCode <= 9999)
        e.code = returnCode;

    // 8xxx are authentication codes except 8104 (API not served on mock) and 8200 (not for
    // corporate customers), which refuse the request, not the credentials (protocol §6.2).
    const bool authCode = e.code >= 8000 && e.code <= 8999 && e.code != 8104 && e.code != 8200;
    if (e.code == 1700 || e.code == 1701 || e.code == 1702)
        e.kind = KiwoomError::Kind::RateLimited;
    else if (authCode)
        e.kind = KiwoomError::Kind::Auth;
    else if (returnCode == 20)
        e.kind = KiwoomError::Kind::Rejected;
    else if (httpStatus == 429 && e.code == 0)
        e.kind = KiwoomError::Kind::RateLimited;
    else
        e.kind = KiwoomError::Kind::Api; // includes 1634 (batch too large): retrying cannot help
    return e;
}

} // namespace Kiwoom
