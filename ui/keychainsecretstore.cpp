// SPDX-License-Identifier: GPL-3.0-or-later
#include "keychainsecretstore.h"

#include "common/logging.h"

#include <qt6keychain/keychain.h>

namespace {
const QString SERVICE = QStringLiteral("kiwoom-trader");

Error keychainError(const QKeychain::Job *job, const QString &key)
{
    if (job->error() == QKeychain::EntryNotFound)
        return Error { QStringLiteral("secrets.not_found"), QStringLiteral("No secret stored for %1.").arg(key) };
    return Error { QStringLiteral("secrets.keychain"),
        QStringLiteral("System keychain error for %1: %2").arg(key, job->errorString()) };
}
} // namespace

KeychainSecretStore::KeychainSecretStore(QObject *parent) : SecretStore(parent) { }

void KeychainSecretStore::read(const QString &key, ReadCallback done)
{
    auto *job = new QKeychain::ReadPasswordJob(SERVICE, this);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [key, done = std::move(done)](QKeychain::Job *j) {
        auto *job = static_cast<QKeychain::ReadPasswordJob *>(j);
        if (job->error() != QKeychain::NoError) {
            done(keychainError(job, key));
            return;
        }
        Redaction::addSecret(job->textData());
        done(job->textData());
    });
    job->start();
}

void KeychainSecretStore::write(const QString &key, const QString &value, WriteCallback done)
{
    Redaction::addSecret(value);
    auto *job = new QKeychain::WritePasswordJob(SERVICE, this);
    job->setKey(key);
    job->setTextData(value);
    connect(job, &QKeychain::Job::finished, this, [key, done = std::move(done)](QKeychain::Job *job) {
        done(job->error() == QKeychain::NoError ? Status() : Status(keychainError(job, key)));
    });
    job->start();
}

void KeychainSecretStore::remove(const QString &key, WriteCallback done)
{
    auto *job = new QKeychain::DeletePasswordJob(SERVICE, this);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [key, done = std::move(done)](QKeychain::Job *job) {
        const bool ok = job->error() == QKeychain::NoError || job->error() == QKeychain::EntryNotFound;
        done(ok ? Status() : Status(keychainError(job, key)));
    });
    job->start();
}
