// SPDX-License-Identifier: GPL-3.0-or-later
#include "filesecretstore.h"

#include "logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTimer>

#include <sys/stat.h>

namespace {
void later(QObject *context, std::function<void()> fn)
{
    QTimer::singleShot(0, context, std::move(fn));
}
} // namespace

FileSecretStore::FileSecretStore(const QString &path, QObject *parent) : SecretStore(parent), m_path(path) { }

QString FileSecretStore::pathIn(const QString &dir)
{
    return QDir(dir).filePath(QStringLiteral("credentials.json"));
}

Result<QJsonObject> FileSecretStore::load() const
{
    QFile f(m_path);
    if (!f.exists())
        return QJsonObject();
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(m_path).constData(), &st) == 0 && (st.st_mode & 077) != 0) {
        return Error { QStringLiteral("secrets.file_mode"),
            QStringLiteral("%1 is readable by other users; refusing to use it (chmod 600 it).").arg(m_path) };
    }
    if (!f.open(QIODevice::ReadOnly))
        return Error { QStringLiteral("secrets.file"),
            QStringLiteral("Cannot read %1: %2").arg(m_path, f.errorString()) };
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return Error { QStringLiteral("secrets.file"), QStringLiteral("%1 is not a JSON object.").arg(m_path) };
    return doc.object();
}

Status FileSecretStore::save(const QJsonObject &values)
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    const mode_t old = ::umask(077);
    QSaveFile f(m_path);
    const bool opened = f.open(QIODevice::WriteOnly);
    ::umask(old);
    if (!opened)
        return Error { QStringLiteral("secrets.file"),
            QStringLiteral("Cannot write %1: %2").arg(m_path, f.errorString()) };
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    f.write(QJsonDocument(values).toJson(QJsonDocument::Indented));
    if (!f.commit())
        return Error { QStringLiteral("secrets.file"),
            QStringLiteral("Cannot write %1: %2").arg(m_path, f.errorString()) };
    QFile::setPermissions(m_path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return {};
}

Result<QString> FileSecretStore::readNow(const QString &key) const
{
    auto values = load();
    if (!values)
        return values.error();
    const QString v = values->value(key).toString();
    if (v.isEmpty())
        return Error { QStringLiteral("secrets.not_found"), QStringLiteral("No secret stored for %1.").arg(key) };
    Redaction::addSecret(v);
    return v;
}

Status FileSecretStore::writeNow(const QString &key, const QString &value)
{
    Redaction::addSecret(value);
    auto values = load();
    QJsonObject o = values ? *values : QJsonObject(); // an unreadable file is replaced
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
    later(this, [done = std::move(done), r = std::move(r)] { done(r); });
}

void FileSecretStore::write(const QString &key, const QString &value, WriteCallback done)
{
    Status s = writeNow(key, value);
    later(this, [done = std::move(done), s = std::move(s)] { done(s); });
}

void FileSecretStore::remove(const QString &key, WriteCallback done)
{
    Status s = removeNow(key);
    later(this, [done = std::move(done), s = std::move(s)] { done(s); });
}

FallbackSecretStore::FallbackSecretStore(SecretStore *primary, SecretStore *fallback, QObject *parent)
    : SecretStore(parent), m_primary(primary), m_fallback(fallback)
{
    if (primary)
        primary->setParent(this);
    if (fallback)
        fallback->setParent(this);
}

void FallbackSecretStore::read(const QString &key, ReadCallback done)
{
    QPointer<FallbackSecretStore> self(this);
    auto fromFallback = [self, key, done](const Result<QString> &primaryResult) {
        if (!self || !self->m_fallback) {
            done(primaryResult);
            return;
        }
        self->m_fallback->read(key, [primaryResult, done](Result<QString> r) {
            // Nothing in either: the primary's answer (its error tells what it is).
            if (!r && r.error().code == u"secrets.not_found" && !primaryResult)
                done(primaryResult);
            else
                done(r);
        });
    };
    if (!m_primary) {
        fromFallback(
            Error { QStringLiteral("secrets.not_found"), QStringLiteral("No secret stored for %1.").arg(key) });
        return;
    }
    m_primary->read(key, [fromFallback, done](Result<QString> r) {
        if (r)
            done(r);
        else
            fromFallback(r);
    });
}

void FallbackSecretStore::write(const QString &key, const QString &value, WriteCallback done)
{
    Redaction::addSecret(value);
    QPointer<FallbackSecretStore> self(this);
    auto toFallback = [self, key, value, done](const Status &why) {
        if (!self || !self->m_fallback) {
            done(why);
            return;
        }
        qCWarning(lcSettings).noquote() << "no usable keychain (" << why.error().message << "); storing" << key
                                        << "in an owner-only file instead";
        self->m_fallback->write(key, value, done);
    };
    if (!m_primary) {
        toFallback(Error { QStringLiteral("secrets.keychain"), QStringLiteral("no keychain") });
        return;
    }
    m_primary->write(key, value, [toFallback, done](Status s) {
        if (s)
            done(s);
        else
            toFallback(s);
    });
}

void FallbackSecretStore::remove(const QString &key, WriteCallback done)
{
    QPointer<FallbackSecretStore> self(this);
    auto second = [self, key, done](const Status &first) {
        if (!self || !self->m_fallback) {
            done(first);
            return;
        }
        self->m_fallback->remove(key, [first, done](Status s) { done(!s ? s : first); });
    };
    if (!m_primary) {
        second({});
        return;
    }
    // A keychain that is not there has nothing to remove.
    m_primary->remove(key, [second](Status) { second({}); });
}
