// SPDX-License-Identifier: GPL-3.0-or-later
#include "filesecretstore.h"

#include "common/logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTimer>

namespace {
Error fileError(const QString &message)
{
    return Error { QStringLiteral("secrets.file"), message };
}
} // namespace

FileSecretStore::FileSecretStore(const QString &path, QObject *parent) : SecretStore(parent), m_path(path) { }

QString FileSecretStore::defaultPath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("secrets.json"));
}

Result<QJsonObject> FileSecretStore::load() const
{
    QFile file(m_path);
    if (!file.exists())
        return QJsonObject();
    if (!file.open(QIODevice::ReadOnly))
        return fileError(
            tr("Cannot read the secrets file %1: %2").arg(QDir::toNativeSeparators(m_path), file.errorString()));
    const QByteArray data = file.readAll();
    if (data.trimmed().isEmpty())
        return QJsonObject();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return fileError(tr("The secrets file %1 is damaged (not a JSON object); it is left as it is.")
                             .arg(QDir::toNativeSeparators(m_path)));
    return doc.object();
}

Status FileSecretStore::save(const QJsonObject &values)
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return fileError(
            tr("Cannot write the secrets file %1: %2").arg(QDir::toNativeSeparators(m_path), file.errorString()));
    // Owner-only before a byte is written (the temporary file becomes the file on commit).
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        file.cancelWriting();
        return fileError(tr("Cannot make the secrets file %1 owner-only.").arg(QDir::toNativeSeparators(m_path)));
    }
    file.write(QJsonDocument(values).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return fileError(
            tr("Cannot write the secrets file %1: %2").arg(QDir::toNativeSeparators(m_path), file.errorString()));
    return {};
}

Result<QString> FileSecretStore::readNow(const QString &key) const
{
    auto values = load();
    if (!values)
        return values.error();
    const QString value = values->value(key).toString();
    if (value.isEmpty())
        return Error { QStringLiteral("secrets.not_found"), tr("No secret stored for %1.").arg(key) };
    Redaction::addSecret(value);
    return value;
}

Status FileSecretStore::writeNow(const QString &key, const QString &value)
{
    Redaction::addSecret(value);
    auto values = load();
    if (!values)
        return values.error();
    QJsonObject o = *values;
    o.insert(key, value);
    return save(o);
}

Status FileSecretStore::removeNow(const QString &key)
{
    auto values = load();
    if (!values)
        return values.error();
    if (!values->contains(key))
        return {};
    QJsonObject o = *values;
    o.remove(key);
    return save(o);
}

void FileSecretStore::read(const QString &key, ReadCallback done)
{
    Result<QString> r = readNow(key);
    QTimer::singleShot(0, this, [done = std::move(done), r = std::move(r)] { done(r); });
}

void FileSecretStore::write(const QString &key, const QString &value, WriteCallback done)
{
    Status st = writeNow(key, value);
    QTimer::singleShot(0, this, [done = std::move(done), st = std::move(st)] { done(st); });
}

void FileSecretStore::remove(const QString &key, WriteCallback done)
{
    Status st = removeNow(key);
    QTimer::singleShot(0, this, [done = std::move(done), st = std::move(st)] { done(st); });
}
