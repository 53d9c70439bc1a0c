// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretstore.h"

#include "logging.h"

#include <QPointer>
#include <QTimer>

namespace {
// Completion is always asynchronous, like a real keychain, so callers never depend on re-entrancy.
void later(QObject *context, std::function<void()> fn)
{
    QTimer::singleShot(0, context, std::move(fn));
}
} // namespace

void MemorySecretStore::read(const QString &key, ReadCallback done)
{
    const auto it = m_values.constFind(key);
    Result<QString> r = it == m_values.cend() ? Result<QString>(Error {
                            QStringLiteral("secrets.not_found"), QStringLiteral("No secret stored for %1.").arg(key) })
                                              : Result<QString>(*it);
    later(this, [done = std::move(done), r = std::move(r)] { done(r); });
}

void MemorySecretStore::write(const QString &key, const QString &value, WriteCallback done)
{
    Redaction::addSecret(value);
    m_values.insert(key, value);
    later(this, [done = std::move(done)] { done({}); });
}

void MemorySecretStore::remove(const QString &key, WriteCallback done)
{
    m_values.remove(key);
    later(this, [done = std::move(done)] { done({}); });
}

namespace CredentialsLookup {

void resolve(SecretStore *store, const QString &mode, std::function<void(Result<Credentials>)> done)
{
    const Credentials env = Credentials::fromEnvironment();
    env.registerSecrets();
    if (env.isComplete() || !store) {
        if (env.isComplete()) {
            qCInfo(lcSettings).noquote() << "credentials for" << mode << "from the environment, app key"
                                         << Redaction::fingerprint(env.appKey);
            done(env);
        } else {
            done(Error { QStringLiteral("secrets.missing_credentials"),
                QStringLiteral("No Kiwoom app key/secret key for %1 mode: set them in Settings or in "
                               "KIWOOM_APPKEY / KIWOOM_SECRETKEY.")
                    .arg(mode) });
        }
        return;
    }
    QPointer<SecretStore> guard(store);
    store->read(SecretStore::appKeyName(mode), [guard, mode, env, done](Result<QString> appKey) {
        if (!guard)
            return;
        guard->read(SecretStore::secretKeyName(mode), [mode, env, appKey, done](Result<QString> secret) {
            Credentials c;
            c.appKey = !env.appKey.isEmpty() ? env.appKey : appKey.valueOr(QString());
            c.secretKey = !env.secretKey.isEmpty() ? env.secretKey : secret.valueOr(QString());
            c.registerSecrets();
            if (!c.isComplete()) {
                done(Error { QStringLiteral("secrets.missing_credentials"),
                    QStringLiteral("No Kiwoom %1 for %2 mode: set it in Settings, with `kiwoom-trader credentials set "
                                   "--mode %2`, or in %3.")
                        .arg(c.appKey.isEmpty() ? QStringLiteral("app key") : QStringLiteral("secret key"), mode,
                            c.appKey.isEmpty() ? QStringLiteral("KIWOOM_APPKEY")
                                               : QStringLiteral("KIWOOM_SECRETKEY")) });
                return;
            }
            qCInfo(lcSettings).noquote() << "credentials for" << mode << "loaded, app key"
                                         << Redaction::fingerprint(c.appKey);
            done(c);
        });
    });
}

} // namespace CredentialsLookup
