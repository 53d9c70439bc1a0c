// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "secretstore.h"

#include <QJsonObject>
#include <QPointer>

// FileSecretStore: secrets in an owner-only (0600) JSON file, for machines where no keychain
// service runs (a server, CI, a container). Not encrypted: anyone who can read the file as this
// user (or root) has the keys. The credentials CLI says so when it falls back to it.
// Guarantees: the file is created 0600 and written whole (QSaveFile: a crash leaves the old file
// or the new one); a file readable by group or others is refused on read (secrets.file_mode), as ssh
// does; values are registered with Redaction when read or written; completion is asynchronous.
// Threading: the thread it lives on.
class FileSecretStore final : public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileSecretStore)

public:
    explicit FileSecretStore(const QString &path, QObject *parent = nullptr);
    void read(const QString &key, ReadCallback done) override;
    void write(const QString &key, const QString &value, WriteCallback done) override;
    void remove(const QString &key, WriteCallback done) override;

    QString path() const { return m_path; }
    // <dir>/credentials.json: next to the settings file.
    static QString pathIn(const QString &dir);

    // Synchronous forms (the CLI and tests).
    Result<QString> readNow(const QString &key) const;
    Status writeNow(const QString &key, const QString &value);
    Status removeNow(const QString &key);

private:
    Result<QJsonObject> load() const;
    Status save(const QJsonObject &values);

    QString m_path;
};

// FallbackSecretStore: the system keychain first, the owner-only file second. Reads ask the
// primary and, when it has nothing or fails (no keychain service), the fallback; writes go to the
// primary and, when it fails, to the fallback with a warning in the log; removes go to both.
// Threading: the thread it lives on (both stores must live there too).
class FallbackSecretStore final : public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FallbackSecretStore)

public:
    // Takes ownership of both (reparented); primary may be null (file only).
    FallbackSecretStore(SecretStore *primary, SecretStore *fallback, QObject *parent = nullptr);
    void read(const QString &key, ReadCallback done) override;
    void write(const QString &key, const QString &value, WriteCallback done) override;
    void remove(const QString &key, WriteCallback done) override;

private:
    QPointer<SecretStore> m_primary;
    QPointer<SecretStore> m_fallback;
};
