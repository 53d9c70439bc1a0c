// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiwoom/tokenmanager.h"

#include "common/clock.h"
#include "kiwoomfakeserver.h"
#include "kiwoomlogcapture.h"
#include "market/krx.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QtTest>

using Response = KiwoomFakeServer::Response;

namespace {

const Credentials CREDS { QStringLiteral("AxserEsdcredca-app-key"), QStringLiteral("SEefdcwcforehDre2fdvc-secret") };

qint64 kst(int y, int mo, int d, int h, int mi, int s = 0)
{
    return Krx::fromKst(QDate(y, mo, d), QTime(h, mi, s));
}

} // namespace

class TestTokenManager final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<KiwoomFakeServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<TokenManager> m_tokens;

    void issueAndWait()
    {
        QSignalSpy issued(m_tokens.get(), &TokenManager::tokenIssued);
        m_tokens->ensureToken();
        QVERIFY(issued.wait(5000));
    }

private slots:
    void init()
    {
        m_server = std::make_unique<KiwoomFakeServer>();
        QVERIFY(m_server->listen());
        m_network = std::make_unique<QNetworkAccessManager>();
        // 2024-11-06 08:37:13 KST; the document's example token expires 24 h later.
        m_clock = std::make_unique<ManualClock>(kst(2024, 11, 6, 8, 37, 13));
        m_server->setTokenExpiresDt(QStringLiteral("20241107083713"));
        const KiwoomEndpoints endpoints { m_server->restUrl(), m_server->wsUrl() };
        m_tokens = std::make_unique<TokenManager>(*m_network, endpoints, CREDS, *m_clock);
    }

    void cleanup()
    {
        m_tokens.reset();
        m_network.reset();
        m_server.reset();
        m_clock.reset();
    }

    void issueRequestShapeAndKstExpiry()
    {
        QCOMPARE(m_tokens->state(), TokenManager::State::Empty);
        QVERIFY(!m_tokens->hasUsableToken());
        issueAndWait();
        const auto requests = m_server->requestsTo("/oauth2/token");
        QCOMPARE(requests.size(), 1);
        const auto &r = requests.first();
        QCOMPARE(r.method, QByteArray("POST"));
        QCOMPARE(r.header("content-type"), QByteArray("application/json;charset=UTF-8"));
        QCOMPARE(r.header("api-id"), QByteArray("au10001"));
        QVERIFY(!r.hasHeader("authorization"));
        QVERIFY(r.jsonOk);
        QCOMPARE(r.json,
            (QJsonObject { { QStringLiteral("grant_type"), QStringLiteral("client_credentials") },
                { QStringLiteral("appkey"), CREDS.appKey }, { QStringLiteral("secretkey"), CREDS.secretKey } }));
        QCOMPARE(m_tokens->token(), m_server->issuedTokens().first());
        QCOMPARE(m_tokens->state(), TokenManager::State::Valid);
        QVERIFY(m_tokens->hasUsableToken());
        // expires_dt "20241107083713" is KST: 2024-11-06 23:37:13 UTC.
        QCOMPARE(
            m_tokens->expiresAtMs(), QDateTime(QDate(2024, 11, 6), QTime(23, 37, 13), Qt::UTC).toMSecsSinceEpoch());
    }

    void withTokenWaitsForIssue()
    {
        QString got;
        m_tokens->withToken(this, [&](const KiwoomResult<QString> &t) { got = t.ok() ? *t : QStringLiteral("error"); });
        QTRY_VERIFY(!got.isEmpty());
        QCOMPARE(got, m_server->issuedTokens().first());
        // Already usable: answered without a new issue, but never synchronously.
        got.clear();
        m_tokens->withToken(this, [&](const KiwoomResult<QString> &t) { got = *t; });
        QVERIFY(got.isEmpty());
        QTRY_VERIFY(!got.isEmpty());
        QCOMPARE(m_server->requestsTo("/oauth2/token").size(), 1);
    }

    void refreshesAheadOfExpiry()
    {
        TokenManager::Config config;
        config.refreshAheadMs = 10 * 60 * 1000;
        config.minValidityMs = 30 * 1000;
        m_tokens->setConfig(config);
        issueAndWait();
        const QString first = m_tokens->token();
        const qint64 expiry = m_tokens->expiresAtMs();

        m_clock->setNowMs(expiry - 11 * 60 * 1000);
        m_tokens->checkRefresh();
        QTest::qWait(50);
        QCOMPARE(m_server->requestsTo("/oauth2/token").size(), 1); // not yet

        m_server->setTokenExpiresDt(QStringLiteral("20241108083000"));
        m_clock->setNowMs(expiry - 9 * 60 * 1000);
        QSignalSpy issued(m_tokens.get(), &TokenManager::tokenIssued);
        m_tokens->checkRefresh();
        QVERIFY(m_tokens->hasUsableToken()); // the old token stays in use meanwhile
        QCOMPARE(m_tokens->token(), first);
        QVERIFY(issued.wait(5000));
        QCOMPARE(m_server->requestsTo("/oauth2/token").size(), 2);
        QVERIFY(m_tokens->token() != first);
        QCOMPARE(m_tokens->expiresAtMs(), kst(2024, 11, 8, 8, 30));
    }

    void tokenCloseToExpiryIsNotUsable()
    {
        issueAndWait();
        const qint64 expiry = m_tokens->expiresAtMs();
        m_clock->setNowMs(expiry - 31 * 1000);
        QVERIFY(m_tokens->hasUsableToken());
        m_clock->setNowMs(expiry - 29 * 1000);
        QVERIFY(!m_tokens->hasUsableToken());
        // ensureToken() re-issues.
        QSignalSpy issued(m_tokens.get(), &TokenManager::tokenIssued);
        m_server->setTokenExpiresDt(QStringLiteral("20241108083713"));
        m_tokens->ensureToken();
        QVERIFY(issued.wait(5000));
        QVERIFY(m_tokens->hasUsableToken());
    }

    void invalidateDropsOnlyTheCurrentToken()
    {
        issueAndWait();
        const QString token = m_tokens->token();
        QVERIFY(!m_tokens->invalidate(QStringLiteral("some-older-token")));
        QVERIFY(m_tokens->hasUsableToken());
        QVERIFY(m_tokens->invalidate(token));
        QVERIFY(!m_tokens->hasUsableToken());
        QVERIFY(m_tokens->token().isEmpty());
        QCOMPARE(m_tokens->state(), TokenManager::State::Empty);
        issueAndWait();
        QVERIFY(m_tokens->token() != token);
    }

    void failedIssueBacksOff()
    {
        m_server->setTokenIssueResponse(
            Response::error(3, QStringLiteral("인증에 실패했습니다[8001:App Key와 Secret Key 검증에 실패했습니다.]")));
        QSignalSpy failed(m_tokens.get(), &TokenManager::tokenFailed);
        m_tokens->ensureToken();
        QVERIFY(failed.wait(5000));
        const auto e = failed.takeFirst().at(0).value<KiwoomError>();
        QCOMPARE(e.kind, KiwoomError::Kind::Auth);
        QCOMPARE(e.code, 8001);
        QCOMPARE(e.returnCode, 3);
        QCOMPARE(m_tokens->state(), TokenManager::State::Failed);
        QCOMPARE(m_server->requestsTo("/oauth2/token").size(), 1);

        // Within the backoff: the failure is re-reported, nothing is sent.
        m_tokens->ensureToken();
        QVERIFY(failed.wait(2000));
        QCOMPARE(m_server->requestsTo("/oauth2/token").size(), 1);

        // After it: a new attempt, which now succeeds.
        m_server->clearTokenIssueResponse();
        m_clock->advanceMs(1001);
        issueAndWait();
        QCOMPARE(m_server->requestsTo("/oauth2/token").size(), 2);
        QCOMPARE(m_tokens->state(), TokenManager::State::Valid);
    }

    void malformedIssueReplies_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("message");
        const int parse = int(KiwoomError::Kind::Parse);
        QTest::newRow("token missing") << QByteArray(
            R"({"expires_dt":"20241107083713","token_type":"bearer","return_code":0,"return_msg":""})")
                                       << parse << "au10001.token: missing";
        QTest::newRow("expires_dt garbage")
            << QByteArray(R"({"expires_dt":"2024-11-07","token_type":"bearer","token":"abcdefgh","return_code":0})")
            << parse << "au10001.expires_dt: not a timestamp (YYYYMMDDHHmmss): \"2024-11-07\"";
        QTest::newRow("expires_dt a number")
            << QByteArray(R"({"expires_dt":20241107083713,"token_type":"bearer","token":"abcdefgh","return_code":0})")
            << parse << "au10001.expires_dt: missing or not a string";
        QTest::newRow("token_type not bearer")
            << QByteArray(R"({"expires_dt":"20241107083713","token_type":"mac","token":"abcdefgh","return_code":0})")
            << parse << "au10001.token_type: expected bearer, got \"mac\"";
        QTest::newRow("not JSON") << QByteArray("<html>oops</html>") << parse << QString();
        QTest::newRow("expired already") << QByteArray(
            R"({"expires_dt":"20241106083713","token_type":"bearer","token":"abcdefgh","return_code":0})")
                                         << int(KiwoomError::Kind::Auth) << QString();
    }
    void malformedIssueReplies()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        QFETCH(QString, message);
        m_server->setTokenIssueResponse(Response::raw(body));
        QSignalSpy failed(m_tokens.get(), &TokenManager::tokenFailed);
        m_tokens->ensureToken();
        QVERIFY(failed.wait(5000));
        const auto e = failed.first().at(0).value<KiwoomError>();
        QCOMPARE(int(e.kind), kind);
        if (!message.isEmpty())
            QCOMPARE(e.message, message);
        QVERIFY(!m_tokens->hasUsableToken());
    }

    void bearerCaseInsensitive()
    {
        m_server->setTokenIssueResponse(Response::raw(
            R"({"expires_dt":"20241107083713","token_type":"Bearer","token":"WQJCwyqInphKnR3bSRtB9NE1lv","return_code":0,"return_msg":"정상적으로 처리되었습니다"})"));
        issueAndWait();
        QCOMPARE(m_tokens->token(), QStringLiteral("WQJCwyqInphKnR3bSRtB9NE1lv"));
    }

    void transportFailures()
    {
        TokenManager::Config config;
        config.timeoutMs = 200;
        m_tokens->setConfig(config);
        m_server->setTokenIssueResponse(Response::hang());
        QSignalSpy failed(m_tokens.get(), &TokenManager::tokenFailed);
        m_tokens->ensureToken();
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.first().at(0).value<KiwoomError>().kind, KiwoomError::Kind::Timeout);
        QVERIFY(failed.first().at(0).value<KiwoomError>().retryable());

        m_server->setTokenIssueResponse(Response::raw("{}", 500));
        m_clock->advanceMs(5000);
        failed.clear();
        m_tokens->ensureToken();
        QVERIFY(failed.wait(5000));
        const auto e = failed.first().at(0).value<KiwoomError>();
        QCOMPARE(e.kind, KiwoomError::Kind::Http);
        QCOMPARE(e.httpStatus, 500);
        QVERIFY(e.retryable());
    }

    void revoke()
    {
        issueAndWait();
        const QString token = m_tokens->token();
        QSignalSpy revoked(m_tokens.get(), &TokenManager::tokenRevoked);
        bool done = false;
        m_tokens->revoke(this, [&](const KiwoomResult<bool> &r) { done = r.ok(); });
        QTRY_VERIFY(done);
        QCOMPARE(revoked.size(), 1);
        const auto requests = m_server->requestsTo("/oauth2/revoke");
        QCOMPARE(requests.size(), 1);
        QCOMPARE(requests.first().header("api-id"), QByteArray("au10002"));
        QCOMPARE(requests.first().header("authorization"), "Bearer " + token.toLatin1());
        QCOMPARE(requests.first().json,
            (QJsonObject { { QStringLiteral("appkey"), CREDS.appKey }, { QStringLiteral("secretkey"), CREDS.secretKey },
                { QStringLiteral("token"), token } }));
        QCOMPARE(m_server->revokedTokens(), QStringList { token });
        QCOMPARE(m_tokens->state(), TokenManager::State::Revoked);
        QVERIFY(m_tokens->token().isEmpty());
    }

    void secretsNeverReachALog()
    {
        KiwoomLogCapture capture;
        TokenManager::Config config;
        config.refreshAheadMs = 10 * 60 * 1000;
        m_tokens->setConfig(config);
        issueAndWait();
        const QString first = m_tokens->token();
        m_clock->setNowMs(m_tokens->expiresAtMs() - 60 * 1000);
        m_server->setTokenExpiresDt(QStringLiteral("20241108083713"));
        QSignalSpy issued(m_tokens.get(), &TokenManager::tokenIssued);
        m_tokens->checkRefresh();
        QVERIFY(issued.wait(5000));
        m_tokens->invalidate(m_tokens->token());
        bool done = false;
        issueAndWait();
        m_tokens->revoke(this, [&](const KiwoomResult<bool> &) { done = true; });
        QTRY_VERIFY(done);

        QVERIFY(capture.contains(QStringLiteral("token issued (expires 2024-11-07 08:37:13 KST")));
        QVERIFY(capture.contains(QStringLiteral("token refreshed")));
        QVERIFY(capture.contains(QStringLiteral("revoked")));
        QStringList secrets = m_server->issuedTokens();
        secrets << CREDS.appKey << CREDS.secretKey;
        const QStringList leaks = capture.linesContainingAny(secrets);
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1Char('\n'))));
        QVERIFY(capture.lines().size() >= 4);
    }
};

QTEST_GUILESS_MAIN(TestTokenManager)
#include "tst_tokenmanager.moc"
