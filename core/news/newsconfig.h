// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

#include <functional>

class SecretStore;
class Settings;

// Where the Naver clients connect and with which keys.
//
// Why it exists: tests and demo mode point the news client and the board reader at local servers,
// and a headless run configures them without a settings file. Base URL order: the environment
// (KT_NAVER_NEWS_URL / KT_NAVER_BOARD_URL) > the setting (news/naverNewsUrl / news/naverBoardUrl) >
// demoBase (the simulator, in demo mode) > Naver itself. A configured URL therefore wins over the
// demo default. Pure functions; any thread.
namespace NaverEndpoints {
QUrl defaultNewsUrl(); // https://openapi.naver.com
QUrl defaultBoardUrl(); // https://finance.naver.com
QUrl newsBaseUrl(const Settings &settings, const QUrl &demoBase = QUrl());
QUrl boardBaseUrl(const Settings &settings, const QUrl &demoBase = QUrl());
// news/newsCacheTtlSec and news/boardCacheTtlSec (seconds).
int newsCacheTtlSec(const Settings &settings);
int boardCacheTtlSec(const Settings &settings);
} // namespace NaverEndpoints

// NaverKeys: the search API's client id and secret. Secrets like Kiwoom's: from the environment
// (NAVER_CLIENT_ID / NAVER_CLIENT_SECRET) or the SecretStore (keychain: "naver/clientId",
// "naver/clientSecret"), registered with Redaction before use, never logged, never in Settings.
struct NaverKeys
{
    QString clientId;
    QString clientSecret;

    bool isComplete() const { return !clientId.isEmpty() && !clientSecret.isEmpty(); }
    static NaverKeys fromEnvironment();
    void registerSecrets() const;
    static QString clientIdName() { return QStringLiteral("naver/clientId"); }
    static QString clientSecretName() { return QStringLiteral("naver/clientSecret"); }

    // Each value from the environment when set there, else from the store (null store: environment
    // only). Completes on the store's thread; the keys may be incomplete (the client then reports
    // naver_auth "keys missing" without calling Naver).
    static void resolve(SecretStore *store, std::function<void(const NaverKeys &)> done);

    bool operator==(const NaverKeys &) const = default;
};
