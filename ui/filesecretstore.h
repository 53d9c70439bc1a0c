// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/secretstore.h"

// FileSecretStore keeps secrets in one owner-only JSON file ({"key": "value", ...}). It is the
// fallback of KeychainSecretStore where no keychain service runs (a headless box, a minimal
// desktop): the user is told so before anything is written (SettingsDialog).
// Guarantees: the file is written atomically (QSaveFile) and is owner-only (0600) before the first
// byte of a secret is written; a file that is not a JSON object is never overwritten (writes fail
// with "secrets.file"); values are registered with Redaction as they are read or written; never
// logged. Completion is asynchronous, like the keychain's.
// Threading: the thread it lives on; two stores on the same file in one process are safe as long as
// they live on the same thread or do not write the same moment (each write re-reads the file).
class FileSecretStore final : public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileSecretStore)

public:
    explicit FileSecretStore(const QString &path, QObject *parent = nullptr);

    QString path() const { return m_path; }
    void read(const QString &key, ReadCallback done) override;
    void write(const QString &key, const QString &value, WriteCallback done) override;
    void remove(const QString &key, WriteCallback done) override;

    // Synchronous forms of the above (the asynchronous ones call them).
    Result<QString> readNow(const QString &key) const;
    Status writeNow(const QString &key, const QString &value);
    Status removeNow(const QString &key);

    // <dataDir>/secrets.json
    static QString defaultPath(const QString &dataDir);

private:
    Result<QJsonObject> load() const;
    Status save(const QJsonObject &values);

    QString m_path;
};
