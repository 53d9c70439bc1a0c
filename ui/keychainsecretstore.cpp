// SPDX-License-Identifier: GPL-3.0-or-later
#include "keychainsecretstore.h"

#include "common/filesecretstore.h"

#include "common/logging.h"

#include <QDir>
#include <QPointer>
#include <QTimer>

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

// No keychain service to talk to (as opposed to a refusal or a missing entry): QtKeychain reports
// NoBackendAvailable, or OtherError with the D-Bus failure of an absent Secret Service.
bool noService(const QKeychain::Job *job)
{
    return job->error() == QKeychain::NoBackendAvailable || job->error() == QKeychain::OtherError;
}
QString noServiceReason(const QKeychain::Job *job)
{
    return KeychainSecretStore::tr("no Secret Service or KWallet answered on the session bus: %1")
        .arg(job->errorString());
}
} // namespace

KeychainSecretStore::KeychainSecretStore(QObject *parent) : SecretStore(parent) { }

KeychainSecretStore::KeychainSecretStore(const QString &fallbackFile, Backend backend, QObject *parent)
    : SecretStore(parent)
{
    if (!fallbackFile.isEmpty())
        m_file = new FileSecretStore(fallbackFile, this);
    if (backend == Backend::FileOnly) {
        m_fallbackActive = m_file != nullptr;
        m_fallbackReason = tr("the system keychain is switched off with KT_NO_KEYCHAIN=1");
    }
}

KeychainSecretStore::~KeychainSecretStore() = default;

KeychainSecretStore::Backend KeychainSecretStore::defaultBackend()
{
    return qEnvironmentVariable("KT_NO_KEYCHAIN") == u"1" ? Backend::FileOnly : Backend::Keychain;
}

QString KeychainSecretStore::fallbackFile() const
{
    return m_file ? m_file->path() : QString();
}

void KeychainSecretStore::activateFallback(const QString &reason)
{
    if (m_fallbackActive || !m_file)
        return;
    m_fallbackActive = true;
    m_fallbackReason = reason;
    qCWarning(lcSettings).noquote() << "no system keychain:" << reason << "- secrets go to the owner-only file"
                                    << QDir::toNativeSeparators(m_file->path());
    emit fallbackActivated(reason);
}

void KeychainSecretStore::read(const QString &key, ReadCallback done)
{
    if (m_fallbackActive) {
        m_file->read(key, std::move(done));
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(SERVICE, this);
    job->setKey(key);
    QPointer<KeychainSecretStore> self(this);
    connect(job, &QKeychain::Job::finished, this, [self, key, done = std::move(done)](QKeychain::Job *j) mutable {
        auto *job = static_cast<QKeychain::ReadPasswordJob *>(j);
        if (job->error() == QKeychain::NoError) {
            Redaction::addSecret(job->textData());
            done(job->textData());
            return;
        }
        if (self && self->m_file && (job->error() == QKeychain::EntryNotFound || noService(job))) {
            if (noService(job))
                self->activateFallback(noServiceReason(job));
            self->m_file->read(key, std::move(done));
            return;
        }
        done(keychainError(job, key));
    });
    job->start();
}

void KeychainSecretStore::write(const QString &key, const QString &value, WriteCallback done)
{
    Redaction::addSecret(value);
    if (m_fallbackActive) {
        m_file->write(key, value, std::move(done));
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(SERVICE, this);
    job->setKey(key);
    job->setTextData(value);
    QPointer<KeychainSecretStore> self(this);
    connect(
        job, &QKeychain::Job::finished, this, [self, key, value, done = std::move(done)](QKeychain::Job *job) mutable {
            if (job->error() == QKeychain::NoError) {
                // One copy: an older fallback copy would otherwise shadow nothing but linger on disk.
                if (self && self->m_file)
                    self->m_file->removeNow(key);
                done(Status());
                return;
            }
            if (self && self->m_file && noService(job)) {
                self->activateFallback(noServiceReason(job));
                self->m_file->write(key, value, std::move(done));
                return;
            }
            done(Status(keychainError(job, key)));
        });
    job->start();
}

void KeychainSecretStore::remove(const QString &key, WriteCallback done)
{
    Status fileStatus = m_file ? m_file->removeNow(key) : Status();
    if (m_fallbackActive) {
        QTimer::singleShot(0, this, [done = std::move(done), fileStatus] { done(fileStatus); });
        return;
    }
    auto *job = new QKeychain::DeletePasswordJob(SERVICE, this);
    job->setKey(key);
    QPointer<KeychainSecretStore> self(this);
    connect(job, &QKeychain::Job::finished, this, [self, key, fileStatus, done = std::move(done)](QKeychain::Job *job) {
        if (!fileStatus) {
            done(fileStatus);
            return;
        }
        const bool ok = job->error() == QKeychain::NoError || job->error() == QKeychain::EntryNotFound;
        if (!ok && self && self->m_file && noService(job)) {
            self->activateFallback(noServiceReason(job));
            done(Status());
            return;
        }
        done(ok ? Status() : Status(keychainError(job, key)));
    });
    job->start();
}
