// SPDX-License-Identifier: GPL-3.0-or-later
#include "apikeys.h"

#include "common/settings.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

namespace Control {

namespace {

const QString READ_HASH_KEY = QStringLiteral("control/readKeyHash");
const QString TRADE_HASH_KEY = QStringLiteral("control/tradeKeyHash");

QByteArray fromHex(const QString &hex)
{
    const QByteArray raw = QByteArray::fromHex(hex.toLatin1());
    return raw.size() == 32 ? raw : QByteArray();
}

} // namespace

QString ApiKeys::generateKey()
{
    QByteArray bytes(24, Qt::Uninitialized); // 192 bits
    QRandomGenerator::system()->generate(
        reinterpret_cast<quint32 *>(bytes.data()), reinterpret_cast<quint32 *>(bytes.data() + bytes.size()));
    return QStringLiteral("kt_")
        + QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QByteArray ApiKeys::hashHex(QByteArrayView key)
{
    return QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex();
}

bool ApiKeys::constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

Status ApiKeys::writeKeyFile(const QString &path, const Keys &keys, qint64 nowMs)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile::remove(path);
    QFile file(path);
    // Created owner-only: the permissions are set by open(), before any byte of a key is written.
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        return Error { QStringLiteral("control.key_file"),
            QCoreApplication::translate("Control::ApiKeys", "Cannot write the control API key file %1: %2")
                .arg(QDir::toNativeSeparators(path), file.errorString()) };
    }
    const QJsonObject o { { QStringLiteral("read_key"), keys.readKey }, { QStringLiteral("trade_key"), keys.tradeKey },
        { QStringLiteral("created_at_ms"), nowMs },
        { QStringLiteral("note"),
            QStringLiteral("Authorization: Bearer <key>. read_key: GET routes only; trade_key: every route. "
                           "Only hashes are kept in the settings: this file is the one copy.") } };
    const QByteArray data = QJsonDocument(o).toJson();
    if (file.write(data) != data.size() || !file.flush()) {
        file.remove();
        return Error { QStringLiteral("control.key_file"),
            QCoreApplication::translate("Control::ApiKeys", "Cannot write the control API key file %1.")
                .arg(QDir::toNativeSeparators(path)) };
    }
    return {};
}

Result<ApiKeys> ApiKeys::load(Settings &settings, const QString &keyFile, bool *generated)
{
    if (generated)
        *generated = false;
    ApiKeys keys;
    keys.m_readHash = fromHex(settings.value(READ_HASH_KEY).toString());
    keys.m_tradeHash = fromHex(settings.value(TRADE_HASH_KEY).toString());
    if (!keys.m_readHash.isEmpty() && !keys.m_tradeHash.isEmpty())
        return keys;
    auto fresh = keys.rotate(settings, keyFile);
    if (!fresh)
        return fresh.error();
    if (generated)
        *generated = true;
    return keys;
}

Result<ApiKeys::Keys> ApiKeys::rotate(Settings &settings, const QString &keyFile)
{
    Keys fresh { generateKey(), generateKey() };
    if (Status st = writeKeyFile(keyFile, fresh, QDateTime::currentMSecsSinceEpoch()); !st)
        return st.error();
    const QByteArray readHex = hashHex(fresh.readKey.toLatin1());
    const QByteArray tradeHex = hashHex(fresh.tradeKey.toLatin1());
    if (Status st = settings.setValue(READ_HASH_KEY, QString::fromLatin1(readHex)); !st)
        return st.error();
    if (Status st = settings.setValue(TRADE_HASH_KEY, QString::fromLatin1(tradeHex)); !st)
        return st.error();
    settings.sync();
    m_readHash = QByteArray::fromHex(readHex);
    m_tradeHash = QByteArray::fromHex(tradeHex);
    return fresh;
}

std::optional<Scope> ApiKeys::check(QByteArrayView presented) const
{
    if (presented.isEmpty() || m_readHash.isEmpty() || m_tradeHash.isEmpty())
        return std::nullopt;
    const QByteArray h = QCryptographicHash::hash(presented, QCryptographicHash::Sha256);
    // Both compared every time: the answer's timing says nothing about which key was close.
    const bool trade = constantTimeEquals(h, m_tradeHash);
    const bool read = constantTimeEquals(h, m_readHash);
    if (trade)
        return Scope::Trade;
    if (read)
        return Scope::Read;
    return std::nullopt;
}

} // namespace Control
