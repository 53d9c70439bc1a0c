// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "credentials.h"
#include "result.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

// SecretStore keeps the broker credentials (app key, secret key per mode) and the control-API token
// out of the settings file and the database. The desktop build plugs in the system keychain
// (QtKeychain, app/keychainsecretstore.*); tests and headless machines without a keychain use
// MemorySecretStore or the environment. Calls complete asynchronously through the callback, on the
// store's thread. Values are registered with Redaction as soon as they are read or written.
class SecretStore : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretStore)

public:
    using ReadCallback = std::function<void(Result<QString>)>;
    using WriteCallback = std::function<void(Status)>;

    explicit SecretStore(QObject *parent = nullptr) : QObject(parent) { }
    ~SecretStore() override = default;

    // A missing key completes with Error{"secrets.not_found", ...}.
    virtual void read(const QString &key, ReadCallback done) = 0;
    virtual void write(const QString &key, const QString &value, WriteCallback done) = 0;
    virtual void remove(const QString &key, WriteCallback done) = 0;

    // Key names used by the app.
    static QString appKeyName(const QString &mode) { return QStringLiteral("kiwoom/%1/appkey").arg(mode); }
    static QString secretKeyName(const QString &mode) { return QStringLiteral("kiwoom/%1/secretkey").arg(mode); }
    static QString controlTokenName() { return QStringLiteral("control/token"); }
};

class MemorySecretStore final : public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemorySecretStore)

public:
    explicit MemorySecretStore(QObject *parent = nullptr) : SecretStore(parent) { }
    void read(const QString &key, ReadCallback done) override;
    void write(const QString &key, const QString &value, WriteCallback done) override;
    void remove(const QString &key, WriteCallback done) override;

private:
    QHash<QString, QString> m_values;
};

// Broker credentials for mock/live mode (Credentials): the environment (KIWOOM_APPKEY /
// KIWOOM_SECRETKEY) wins over the store, so a headless server needs no keychain.

namespace CredentialsLookup {
// Completes with the credentials for mode ("mock" or "live") or an Error naming what is missing.
void resolve(SecretStore *store, const QString &mode, std::function<void(Result<Credentials>)> done);
} // namespace CredentialsLookup
