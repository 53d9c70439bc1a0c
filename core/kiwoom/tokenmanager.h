// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/credentials.h"
#include "kiwoomendpoints.h"
#include "kiwoomerror.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

class IClock;
class QNetworkAccessManager;
class QNetworkReply;

// TokenManager owns the access token (접근토큰): au10001 issue (POST /oauth2/token with
// grant_type/appkey/secretkey), au10002 revoke (POST /oauth2/revoke), expiry and refresh.
//  * expires_dt is KST "YYYYMMDDHHmmss"; expiresAtMs() is that instant in UTC epoch ms.
//  * A token counts as usable until minValidityMs before expiry. From refreshAheadMs before expiry
//    (or half its lifetime, whichever is later) a background re-issue starts while the old token
//    stays in use; checkRefresh() runs on a timer and before each request, reading time from IClock.
//  * invalidate(token) is how clients report a rejected token (8005/8031/8103, HTTP 401): the
//    token is dropped if it is still the current one, and the next ensureToken() re-issues. The
//    "retry once" policy lives in the callers (RestClient, RealtimeClient).
//  * After a failed issue, further attempts wait (1 s doubling to 60 s); meanwhile ensureToken()
//    re-reports the last error instead of hammering the server.
//  * Secrets: the credentials and every token are registered with Redaction before use; logs show
//    only Redaction::fingerprint().
// Threading: lives on the thread that owns the QNetworkAccessManager (the core's thread); not
// thread-safe. Emits tokenIssued / tokenFailed / tokenRevoked / stateChanged.
class TokenManager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenManager)

public:
    struct Config
    {
        qint64 refreshAheadMs = 10 * 60 * 1000;
        qint64 minValidityMs = 30 * 1000;
        int timeoutMs = 10000;
        int failureBackoffInitialMs = 1000;
        int failureBackoffMaxMs = 60000;
    };

    enum class State
    {
        Empty, // no token yet
        Issuing, // first issue (or re-issue after invalidation) in flight
        Valid, // a usable token (a background refresh may be in flight)
        Failed, // the last issue failed and there is no usable token
        Revoked, // revoked on quit
    };
    Q_ENUM(State)

    using TokenCallback = std::function<void(const KiwoomResult<QString> &)>;
    using DoneCallback = std::function<void(const KiwoomResult<bool> &)>;

    TokenManager(QNetworkAccessManager &network, const KiwoomEndpoints &endpoints, const Credentials &credentials,
        const IClock &clock, QObject *parent = nullptr);
    ~TokenManager() override;

    void setConfig(const Config &config);
    const Config &config() const { return m_config; }

    QString token() const { return m_token; }
    bool hasUsableToken() const;
    qint64 expiresAtMs() const { return m_expiresAtMs; }
    qint64 issuedAtMs() const { return m_issuedAtMs; }
    State state() const { return m_state; }
    bool isIssuing() const;
    const KiwoomError &lastError() const { return m_lastError; }

    // Starts an issue unless a usable token exists or one is in flight.
    void ensureToken();
    // Calls done (queued, on context's thread, never synchronously) with a usable token or the
    // error of the issue it waited for. Dropped silently if context is destroyed first.
    void withToken(QObject *context, TokenCallback done);
    // Reports a token the server rejected; returns true when it was the current token.
    bool invalidate(const QString &rejectedToken);
    // Starts a background re-issue when the refresh point has passed.
    void checkRefresh();
    // au10002. done(true) after the server confirmed, done(error) otherwise; the local token is
    // forgotten either way. Without a token, completes at once.
    void revoke(QObject *context, DoneCallback done);

signals:
    void tokenIssued(qint64 expiresAtMs);
    void tokenFailed(const KiwoomError &error);
    void tokenRevoked();
    void stateChanged(TokenManager::State state);

private:
    struct Waiter
    {
        QPointer<QObject> context;
        TokenCallback done;
    };

    void issue();
    void handleIssueReply(QNetworkReply *reply, bool timedOut);
    void succeed(const QString &token, qint64 expiresAtMs);
    void failIssue(const KiwoomError &error);
    void setState(State state);
    void scheduleRefresh();
    qint64 refreshAtMs() const;
    void deliver(const KiwoomResult<QString> &result);
    QNetworkReply *post(const QString &path, const QString &apiId, const QByteArray &body, const QString &bearer);

    QNetworkAccessManager &m_network;
    KiwoomEndpoints m_endpoints;
    Credentials m_credentials;
    const IClock &m_clock;
    Config m_config;

    QString m_token;
    qint64 m_expiresAtMs = 0;
    qint64 m_issuedAtMs = 0;
    State m_state = State::Empty;
    KiwoomError m_lastError;
    int m_failures = 0;
    qint64 m_retryNotBeforeMs = 0;

    QPointer<QNetworkReply> m_reply;
    QTimer m_issueTimeout;
    QTimer m_refreshTimer;
    QList<Waiter> m_waiters;
};
