// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/logging.h"
#include "common/secretstore.h"

#include <QtTest>

class TestSecretStore final : public QObject
{
    Q_OBJECT

private:
    static Result<Credentials> resolveNow(SecretStore *store, const QString &mode)
    {
        std::optional<Result<Credentials>> out;
        CredentialsLookup::resolve(store, mode, [&](Result<Credentials> r) { out = std::move(r); });
        QDeadlineTimer deadline(5000);
        while (!out && !deadline.hasExpired())
            QTest::qWait(5);
        if (!out)
            return Error { QStringLiteral("test.timeout"), QStringLiteral("resolve() never completed") };
        return *out;
    }

private slots:
    void init()
    {
        qunsetenv("KIWOOM_APPKEY");
        qunsetenv("KIWOOM_SECRETKEY");
    }

    void memoryStoreRoundTripIsAsynchronous()
    {
        MemorySecretStore store;
        bool written = false;
        store.write(QStringLiteral("k"), QStringLiteral("value-123456"), [&](Status st) { written = st.ok(); });
        QVERIFY(!written); // completes on the event loop, never inline
        QTRY_VERIFY(written);
        std::optional<Result<QString>> got;
        store.read(QStringLiteral("k"), [&](Result<QString> r) { got = r; });
        QTRY_VERIFY(got.has_value());
        QCOMPARE(got->value(), QStringLiteral("value-123456"));
        got.reset();
        store.read(QStringLiteral("missing"), [&](Result<QString> r) { got = r; });
        QTRY_VERIFY(got.has_value());
        QCOMPARE(got->error().code, QStringLiteral("secrets.not_found"));
        // A written secret is registered for redaction.
        QVERIFY(!Redaction::redact(QStringLiteral("x value-123456 y")).contains(QStringLiteral("value-123456")));
    }

    void credentialsFromTheStore()
    {
        MemorySecretStore store;
        store.write(
            SecretStore::appKeyName(QStringLiteral("mock")), QStringLiteral("APPKEY-mock-000001"), [](Status) {});
        store.write(
            SecretStore::secretKeyName(QStringLiteral("mock")), QStringLiteral("SECRET-mock-000001"), [](Status) {});
        const auto r = resolveNow(&store, QStringLiteral("mock"));
        QVERIFY(r.ok());
        QCOMPARE(r->appKey, QStringLiteral("APPKEY-mock-000001"));
        QCOMPARE(r->secretKey, QStringLiteral("SECRET-mock-000001"));
        // Live keys are separate from mock keys.
        const auto live = resolveNow(&store, QStringLiteral("live"));
        QVERIFY(!live.ok());
        QCOMPARE(live.error().code, QStringLiteral("secrets.missing_credentials"));
        QVERIFY(live.error().message.contains(QStringLiteral("KIWOOM_APPKEY")));
    }

    void environmentWinsOverTheStore()
    {
        MemorySecretStore store;
        store.write(
            SecretStore::appKeyName(QStringLiteral("live")), QStringLiteral("APPKEY-store-0001"), [](Status) {});
        store.write(
            SecretStore::secretKeyName(QStringLiteral("live")), QStringLiteral("SECRET-store-0001"), [](Status) {});
        qputenv("KIWOOM_APPKEY", "APPKEY-env-000001");
        qputenv("KIWOOM_SECRETKEY", "SECRET-env-000001");
        const auto r = resolveNow(&store, QStringLiteral("live"));
        QVERIFY(r.ok());
        QCOMPARE(r->appKey, QStringLiteral("APPKEY-env-000001"));
        QCOMPARE(r->secretKey, QStringLiteral("SECRET-env-000001"));
        QVERIFY(!Redaction::redact(QStringLiteral("SECRET-env-000001")).contains(QStringLiteral("SECRET-env")));
    }

    void missingSecretKeyIsNamed()
    {
        MemorySecretStore store;
        qputenv("KIWOOM_APPKEY", "APPKEY-env-000002");
        const auto r = resolveNow(&store, QStringLiteral("mock"));
        QVERIFY(!r.ok());
        QVERIFY(r.error().message.contains(QStringLiteral("secret key")));
        QVERIFY(r.error().message.contains(QStringLiteral("KIWOOM_SECRETKEY")));
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
