// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokenmanager.h"

#include "common/clock.h"
#include "common/logging.h"
#include "kiwoomhttp.h"
#include "market/krx.h"
#include "wirevalue.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace {

const QString ISSUE_ID = QStringLiteral("au10001");
const QString REVOKE_ID = QStringLiteral("au10002");

QString kstText(qint64 utcMs)
{
    return Krx::toKst(utcMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QStringLiteral(" KST");
}

} // namespace

TokenManager::TokenManager(QNetworkAccessManager &network, const KiwoomEndpoints &endpoints,
    const Credentials &credentials, const IClock &clock, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_endpoints(endpoints)
    , m_credentials(credentials)
    , m_clock(clock)
    , m_issueTimeout(this)
    , m_refreshTimer(this)
{
    m_credentials.registerSecrets();
    m_issueTimeout.setSingleShot(true);
    connect(&m_issueTimeout, &QTimer::timeout, this, [this] {
        if (m_reply)
            handleIssueReply(m_reply, true);
    });
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setTimerType(Qt::VeryCoarseTimer);
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] {
        checkRefresh();
        scheduleRefresh();
    });
}

TokenManager::~TokenManager()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void TokenManager::setConfig(const Config &config)
{
    m_config = config;
    scheduleRefresh();
}

bool TokenManager::isIssuing() const
{
    return !m_reply.isNull();
}

bool TokenManager::hasUsableToken() const
{
    return !m_token.isEmpty() && m_clock.nowMs() < m_expiresAtMs - m_config.minValidityMs;
}

void TokenManager::ensureToken()
{
    if (hasUsableToken() || m_reply)
        return;
    if (m_state == State::Failed && m_clock.nowMs() < m_retryNotBeforeMs) {
        // Still backing off: report the last failure again (queued) so waiting callers fail fast.
        const KiwoomError error = m_lastError;
        QMetaObject::invokeMethod(
            this,
            [this, error] {
                deliver(error);
                emit tokenFailed(error);
            },
            Qt::QueuedConnection);
        return;
    }
    issue();
}

void TokenManager::withToken(QObject *context, TokenCallback done)
{
    if (hasUsableToken()) {
        const QString token = m_token;
        QMetaObject::invokeMethod(
            context, [done = std::move(done), token] { done(token); }, Qt::QueuedConnection);
        return;
    }
    m_waiters << Waiter { QPointer<QObject>(context), std::move(done) };
    ensureToken();
}

bool TokenManager::invalidate(const QString &rejectedToken)
{
    if (rejectedToken.isEmpty() || rejectedToken != m_token)
        return false;
    qCInfo(lcToken).noquote() << "token" << Redaction::fingerprint(m_token) << "rejected by the server; dropping it";
    m_token.clear();
    m_expiresAtMs = 0;
    m_refreshTimer.stop();
    setState(m_reply ? State::Issuing : State::Empty);
    return true;
}

qint64 TokenManager::refreshAtMs() const
{
    // Refresh ahead of expiry, but never in the first half of the token's life (a short-lived
    // simulator token would otherwise be refreshed continuously).
    const qint64 ahead = m_expiresAtMs - m_config.refreshAheadMs;
    const qint64 half = m_issuedAtMs + (m_expiresAtMs - m_issuedAtMs) / 2;
    return std::max(ahead, half);
}

void TokenManager::checkRefresh()
{
    if (m_token.isEmpty() || m_reply || m_state == State::Revoked)
        return;
    const qint64 now = m_clock.nowMs();
    if (now < refreshAtMs())
        return;
    if (now < m_retryNotBeforeMs)
        return;
    qCInfo(lcToken).noquote() << "token expires" << kstText(m_expiresAtMs) << "- refreshing ahead of expiry";
    issue();
}

void TokenManager::scheduleRefresh()
{
    m_refreshTimer.stop();
    if (m_token.isEmpty())
        return;
    // The timer only wakes us up; checkRefresh() decides with the clock (tests move a ManualClock).
    const qint64 wait = std::clamp<qint64>(refreshAtMs() - m_clock.nowMs(), 1000, 3600 * 1000);
    m_refreshTimer.start(int(wait));
}

QNetworkReply *TokenManager::post(
    const QString &path, const QString &apiId, const QByteArray &body, const QString &bearer)
{
    const QNetworkRequest request = Kiwoom::Http::makeRequest(m_endpoints.restBase, path, apiId, bearer);
    return m_network.post(request, body);
}

void TokenManager::issue()
{
    if (m_reply)
        return;
    if (!m_credentials.isComplete()) {
        // Reported from the event loop like every other issue failure: a caller of ensureToken()
        // (RestClient::acquireSlot) starts waiting for tokenFailed only after the call returns, so
        // a failure emitted from inside it would leave that caller waiting forever.
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (!hasUsableToken() && !m_reply)
                    failIssue(KiwoomError::make(
                        KiwoomError::Kind::Invalid, ISSUE_ID, QStringLiteral("no app key / secret key configured")));
            },
            Qt::QueuedConnection);
        return;
    }
    if (m_token.isEmpty())
        setState(State::Issuing);
    const QJsonObject body {
        { QStringLiteral("grant_type"), QStringLiteral("client_credentials") },
        { QStringLiteral("appkey"), m_credentials.appKey },
        { QStringLiteral("secretkey"), m_credentials.secretKey },
    };
    qCDebug(lcToken) << "requesting a token (au10001)";
    m_reply = post(
        QStringLiteral("/oauth2/token"), ISSUE_ID, QJsonDocument(body).toJson(QJsonDocument::Compact), QString());
    QNetworkReply *reply = m_reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        if (reply == m_reply)
            handleIssueReply(reply, false);
    });
    m_issueTimeout.start(m_config.timeoutMs);
}

void TokenManager::handleIssueReply(QNetworkReply *reply, bool timedOut)
{
    m_issueTimeout.stop();
    m_reply = nullptr;
    reply->disconnect(this);
    if (timedOut)
        reply->abort();
    const Kiwoom::Http::Response response = Kiwoom::Http::read(reply, timedOut);
    reply->deleteLater();

    if (response.httpStatus == 0) {
        failIssue(Kiwoom::Http::transportError(ISSUE_ID, response));
        return;
    }
    const auto envelope = Kiwoom::Http::parseEnvelope(ISSUE_ID, response.body);
    if (response.httpStatus != 200) {
        if (envelope && envelope->returnCode != 0) {
            failIssue(
                Kiwoom::classifyEnvelope(ISSUE_ID, response.httpStatus, envelope->returnCode, envelope->returnMsg));
        } else {
            KiwoomError e = KiwoomError::make(
                response.httpStatus == 429 ? KiwoomError::Kind::RateLimited : KiwoomError::Kind::Http, ISSUE_ID,
                QStringLiteral("unexpected reply to the token request"));
            e.httpStatus = response.httpStatus;
            failIssue(e);
        }
        return;
    }
    if (!envelope) {
        failIssue(envelope.error());
        return;
    }
    if (envelope->returnCode != 0) {
        failIssue(Kiwoom::classifyEnvelope(ISSUE_ID, 200, envelope->returnCode, envelope->returnMsg));
        return;
    }
    const QJsonObject &body = envelope->body;
    const QJsonValue tokenValue = body.value(QLatin1String("token"));
    const QString token = tokenValue.toString().trimmed();
    if (!tokenValue.isString() || token.isEmpty()) {
        failIssue(KiwoomError::make(KiwoomError::Kind::Parse, ISSUE_ID, QStringLiteral("au10001.token: missing")));
        return;
    }
    Redaction::addSecret(token); // before anything else can log it
    const QJsonValue typeValue = body.value(QLatin1String("token_type"));
    if (typeValue.isString() && typeValue.toString().compare(u"bearer", Qt::CaseInsensitive) != 0) {
        failIssue(KiwoomError::make(KiwoomError::Kind::Parse, ISSUE_ID,
            QStringLiteral("au10001.token_type: expected bearer, got \"%1\"").arg(typeValue.toString())));
        return;
    }
    const QJsonValue expiresValue = body.value(QLatin1String("expires_dt"));
    if (!expiresValue.isString()) {
        failIssue(KiwoomError::make(
            KiwoomError::Kind::Parse, ISSUE_ID, QStringLiteral("au10001.expires_dt: missing or not a string")));
        return;
    }
    const auto expires = Kiwoom::parseKstDateTime(expiresValue.toString());
    if (!expires) {
        failIssue(KiwoomError::make(
            KiwoomError::Kind::Parse, ISSUE_ID, QStringLiteral("au10001.expires_dt: ") + expires.error().message));
        return;
    }
    if (*expires <= m_clock.nowMs() + m_config.minValidityMs) {
        failIssue(KiwoomError::make(KiwoomError::Kind::Auth, ISSUE_ID,
            QStringLiteral("the new token expires %1, which is not in the future by this "
                           "computer's clock; check the system clock")
                .arg(kstText(*expires))));
        return;
    }
    succeed(token, *expires);
}

void TokenManager::succeed(const QString &token, qint64 expiresAtMs)
{
    const bool refreshed = !m_token.isEmpty();
    m_token = token;
    m_expiresAtMs = expiresAtMs;
    m_issuedAtMs = m_clock.nowMs();
    m_failures = 0;
    m_retryNotBeforeMs = 0;
    m_lastError = KiwoomError();
    qCInfo(lcToken).noquote() << (refreshed ? "token refreshed" : "token issued") << "(expires" << kstText(expiresAtMs)
                              << Redaction::fingerprint(token) + QLatin1Char(')');
    setState(State::Valid);
    scheduleRefresh();
    deliver(token);
    emit tokenIssued(expiresAtMs);
}

void TokenManager::failIssue(const KiwoomError &error)
{
    m_lastError = error;
    ++m_failures;
    const qint64 backoff = std::min<qint64>(
        qint64(m_config.failureBackoffInitialMs) << std::min(m_failures - 1, 16), m_config.failureBackoffMaxMs);
    m_retryNotBeforeMs = m_clock.nowMs() + backoff;
    if (hasUsableToken()) {
        // A background refresh failed; the current token stays in use and we try again later.
        qCWarning(lcToken).noquote() << "token refresh failed:" << error.describe() << "- keeping the current token,"
                                     << "next attempt in" << backoff << "ms";
        m_refreshTimer.start(int(std::max<qint64>(backoff, 1000)));
        emit tokenFailed(error);
        return;
    }
    qCWarning(lcToken).noquote() << "token issue failed:" << error.describe();
    setState(State::Failed);
    deliver(error);
    emit tokenFailed(error);
}

void TokenManager::deliver(const KiwoomResult<QString> &result)
{
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    for (const Waiter &w : waiters) {
        if (!w.context)
            continue;
        QMetaObject::invokeMethod(
            w.context.data(), [done = w.done, result] { done(result); }, Qt::QueuedConnection);
    }
}

void TokenManager::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void TokenManager::revoke(QObject *context, DoneCallback done)
{
    QPointer<QObject> ctx(context);
    const auto finish = [this, ctx, done](const KiwoomResult<bool> &result) {
        m_token.clear();
        m_expiresAtMs = 0;
        m_refreshTimer.stop();
        setState(State::Revoked);
        emit tokenRevoked();
        if (ctx && done)
            QMetaObject::invokeMethod(
                ctx.data(), [done, result] { done(result); }, Qt::QueuedConnection);
    };
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
        m_reply = nullptr;
        m_issueTimeout.stop();
    }
    if (m_token.isEmpty() || !m_credentials.isComplete()) {
        finish(true);
        return;
    }
    const QString token = m_token;
    const QJsonObject body {
        { QStringLiteral("appkey"), m_credentials.appKey },
        { QStringLiteral("secretkey"), m_credentials.secretKey },
        { QStringLiteral("token"), token },
    };
    QNetworkReply *reply
        = post(QStringLiteral("/oauth2/revoke"), REVOKE_ID, QJsonDocument(body).toJson(QJsonDocument::Compact), token);
    auto *timeout = new QTimer(reply);
    timeout->setSingleShot(true);
    auto timedOut = std::make_shared<bool>(false);
    connect(timeout, &QTimer::timeout, reply, [reply, timedOut] {
        *timedOut = true;
        reply->abort();
    });
    timeout->start(m_config.timeoutMs);
    connect(reply, &QNetworkReply::finished, this, [this, reply, timedOut, finish, token] {
        const Kiwoom::Http::Response response = Kiwoom::Http::read(reply, *timedOut);
        reply->deleteLater();
        KiwoomResult<bool> result = true;
        if (response.httpStatus == 0) {
            result = Kiwoom::Http::transportError(REVOKE_ID, response);
        } else {
            const auto envelope = Kiwoom::Http::parseEnvelope(REVOKE_ID, response.body);
            if (!envelope)
                result = envelope.error();
            else if (envelope->returnCode != 0 || response.httpStatus != 200)
                result = Kiwoom::classifyEnvelope(
                    REVOKE_ID, response.httpStatus, envelope->returnCode, envelope->returnMsg);
        }
        if (result)
            qCInfo(lcToken).noquote() << "token" << Redaction::fingerprint(token) << "revoked";
        else
            qCWarning(lcToken).noquote() << "token revoke failed:" << result.error().describe();
        finish(result);
    });
}
