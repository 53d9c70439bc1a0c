// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QMetaType>
#include <QString>

#include <optional>

#include <utility>
#include <variant>

// KiwoomError: the one typed error model of the Kiwoom client. Every failure of a REST call, a
// token request, a WebSocket request or a parse ends up as one of these, classified so callers can
// decide what to do without reading messages:
//
//   Kind             what happened                                      retryable()
//   Transport        connection refused / reset / DNS / TLS              yes
//   Timeout          no reply within the client's timeout                yes
//   Http             an HTTP status the protocol does not use (4xx, 5xx) 5xx yes, 4xx no
//   RateLimited      HTTP 429 or inner code 1700 / 1701 / 1702           yes (after backoff)
//   Auth             token rejected (8005/8031/8103/HTTP 401, 8001...)   no (the client re-issues once itself)
//   Api              return_code != 0 otherwise (1504, 1511, 1634,       no
//                    8104 not on mock, 8200 not for corporations ...)
//   Rejected         return_code 20: business/order rejection            no
//   OutcomeUnknown   an order request may have reached the broker but     no — never resend blindly;
//                    its reply was lost or unreadable                     reconcile with ka10075/ka10076
//   Parse            reply body or a field is malformed                   no
//   Invalid          refused locally before anything was sent            no
//   Cancelled        the caller or a shutdown cancelled the request      no
//
// `code` is Kiwoom's 4-digit code when one was found ("[1700:...]", "[CODE=8005, ...]", or a
// return_code that is itself 8005/8031/8103), `returnCode` the small envelope code (2, 3, 5, 20),
// `httpStatus` the HTTP status (0 when there was none).
struct KiwoomError
{
    enum class Kind
    {
        Transport,
        Timeout,
        Http,
        RateLimited,
        Auth,
        Api,
        Rejected,
        OutcomeUnknown,
        Parse,
        Invalid,
        Cancelled,
    };

    Kind kind = Kind::Api;
    QString apiId; // TR id (ka10081, kt10000, au10001, CNSRREQ ...) when known
    int httpStatus = 0;
    int returnCode = 0;
    int code = 0; // inner 4-digit Kiwoom code, 0 when none
    QString message; // human readable; never contains secrets

    static KiwoomError make(Kind kind, const QString &apiId, const QString &message);

    bool retryable() const;
    // False only for OutcomeUnknown: every other kind means the broker did not execute the request
    // (for order TRs a lost or unreadable reply is always reported as OutcomeUnknown instead).
    bool isDefinite() const { return kind != Kind::OutcomeUnknown; }
    // House Error: code "kiwoom.<4-digit>" when an inner code is known ("kiwoom.8005"), else
    // "kiwoom.<kind>" ("kiwoom.parse", "kiwoom.outcome_unknown", ...).
    Error toError() const;
    // One line for logs and UI: "ka10081: rate limited [1700] HTTP 429: <message>".
    QString describe() const;

    bool operator==(const KiwoomError &) const = default;
};
Q_DECLARE_METATYPE(KiwoomError)

class QJsonValue;

namespace Kiwoom {

QString kindName(KiwoomError::Kind kind);

// Finds the 4-digit code Kiwoom embeds in a message: "[1700:...]", "[8005:...]", "[2000](RC9000...)",
// "[CODE=8005, MESSAGE=...]". Returns 0 when there is none.
int innerCode(const QString &message);

// Codes after which a fresh token is needed (Kiwoom's own client re-issues on these).
bool isTokenCode(int code);

// A reply's return_code as an int, or nothing when it is missing, not a number, fractional or
// beyond int (QJsonValue::toInt() would turn 4294967296 into 0, i.e. success). Used by every
// REST and WebSocket reply parser.
std::optional<int> returnCodeOf(const QJsonValue &value);

// Classifies a Kiwoom envelope with return_code != 0 (HTTP 200 or 429). Order TRs are not special
// here: a return_code is a definite answer from the broker.
KiwoomError classifyEnvelope(const QString &apiId, int httpStatus, int returnCode, const QString &returnMsg);

} // namespace Kiwoom

// KiwoomResult<T>: a value or a KiwoomError, the house Result with the client's error model.
template<typename T> using KiwoomResult = Result<T, KiwoomError>;
