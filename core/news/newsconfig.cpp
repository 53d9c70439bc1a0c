// SPDX-License-Identifier: GPL-3.0-or-later
#include "newsconfig.h"

#include "common/logging.h"
#include "common/secretstore.h"
#include "common/settings.h"

#include <QPointer>

namespace NaverEndpoints {

namespace {

QUrl pick(const char *envName, const QString &setting, const QUrl &demoBase, const QUrl &fallback)
{
    const QString env = qEnvironmentVariable(envName).trimmed();
    if (!env.isEmpty())
        return QUrl(env);
    if (!setting.trimmed().isEmpty())
        return QUrl(setting.trimmed());
    if (demoBase.isValid() && !demoBase.isEmpty())
        return demoBase;
    return fallback;
}

} // namespace

QUrl defaultNewsUrl()
{
    return QUrl(QStringLiteral("https://openapi.naver.com"));
}

QUrl defaultBoardUrl()
{
    return QUrl(QStringLiteral("https://finance.naver.com"));
}

QUrl newsBaseUrl(const Settings &settings, const QUrl &demoBase)
{
    return pick("KT_NAVER_NEWS_URL", settings.value(QStringLiteral("news/naverNewsUrl")).toString(), demoBase,
        defaultNewsUrl());
}

int newsCacheTtlSec(const Settings &settings)
{
    return settings.value(QStringLiteral("news/newsCacheTtlSec")).toInt();
}

int boardCacheTtlSec(const Settings &settings)
{
    return settings.value(QStringLiteral("news/boardCacheTtlSec")).toInt();
}

QUrl boardBaseUrl(const Settings &settings, const QUrl &demoBase)
{
    return pick("KT_NAVER_BOARD_URL", settings.value(QStringLiteral("news/naverBoardUrl")).toString(), demoBase,
        defaultBoardUrl());
}

} // namespace NaverEndpoints

NaverKeys NaverKeys::fromEnvironment()
{
    NaverKeys k;
    k.clientId = qEnvironmentVariable("NAVER_CLIENT_ID").trimmed();
    k.clientSecret = qEnvironmentVariable("NAVER_CLIENT_SECRET").trimmed();
    return k;
}

void NaverKeys::registerSecrets() const
{
    if (!clientId.isEmpty())
        Redaction::addSecret(clientId);
    if (!clientSecret.isEmpty())
        Redaction::addSecret(clientSecret);
}

void NaverKeys::resolve(SecretStore *store, std::function<void(const NaverKeys &)> done)
{
    const NaverKeys env = fromEnvironment();
    env.registerSecrets();
    if (env.isComplete() || !store) {
        done(env);
        return;
    }
    QPointer<SecretStore> guard(store);
    store->read(clientIdName(), [guard, env, done](Result<QString> id) {
        if (!guard)
            return;
        guard->read(clientSecretName(), [env, id, done](Result<QString> secret) {
            NaverKeys k;
            k.clientId = !env.clientId.isEmpty() ? env.clientId : id.valueOr(QString()).trimmed();
            k.clientSecret = !env.clientSecret.isEmpty() ? env.clientSecret : secret.valueOr(QString()).trimmed();
            k.registerSecrets();
            done(k);
        });
    });
}
