// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/secretstore.h"

class FileSecretStore;

// SecretStore on the system keychain (Secret Service / KWallet on Linux, Keychain on macOS,
// Credential Manager on Windows) through QtKeychain, with an owner-only file as the fallback where
// no keychain service runs (FileSecretStore, given as fallbackFile; empty = no fallback).
// - The keychain is asked first. When it answers "no backend" (no Secret Service, no KWallet, no
//   session bus) the store switches to the file for the rest of its life and says so once through
//   fallbackActivated(reason) and fallbackReason(): the settings dialog shows that message.
// - A read finds a secret in the keychain or, failing that, in the file (secrets written while the
//   keychain was down stay readable); a write goes to the keychain and removes the file's copy, or
//   to the file while in fallback; a remove removes both.
// - Backend::FileOnly skips the keychain altogether (tests, and KT_NO_KEYCHAIN=1).
// Lives in ui/ so kt_core keeps its module list. Threading: the thread it lives on.
class KeychainSecretStore final : public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainSecretStore)

public:
    enum class Backend
    {
        Keychain, // keychain first, the file when no keychain service runs
        FileOnly,
    };

    explicit KeychainSecretStore(QObject *parent = nullptr);
    explicit KeychainSecretStore(
        const QString &fallbackFile, Backend backend = Backend::Keychain, QObject *parent = nullptr);
    ~KeychainSecretStore() override;

    void read(const QString &key, ReadCallback done) override;
    void write(const QString &key, const QString &value, WriteCallback done) override;
    void remove(const QString &key, WriteCallback done) override;

    bool usingFallback() const { return m_fallbackActive; }
    QString fallbackReason() const { return m_fallbackReason; }
    QString fallbackFile() const;

    // Backend::FileOnly when KT_NO_KEYCHAIN is set to 1, else Keychain.
    static Backend defaultBackend();

signals:
    // The keychain cannot be used; secrets go to the fallback file from now on.
    void fallbackActivated(const QString &reason);

private:
    void activateFallback(const QString &reason);

    FileSecretStore *m_file = nullptr; // child; null without a fallback
    bool m_fallbackActive = false;
    QString m_fallbackReason;
};
