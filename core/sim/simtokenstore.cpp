// SPDX-License-Identifier: GPL-3.0-or-later
#include "simtokenstore.h"

#include "common/clock.h"
#include "common/logging.h"

#include <QByteArray>
#include <QRandomGenerator>

SimTokenStore::SimTokenStore(const IClock &clock, qint64 lifetimeMs) : m_clock(clock), m_lifetimeMs(lifetimeMs) { }

// Issued tokens stay registered with Redaction: the in-process client registers the same strings,
// and removing them here would un-mask the client's copy in its logs.
SimTokenStore::~SimTokenStore() = default;

SimTokenStore::Issued SimTokenStore::issue()
{
    // 64 random bytes -> 86 characters of unpadded URL-safe base64, the observed Kiwoom shape.
    QByteArray raw(64, Qt::Uninitialized);
    QRandomGenerator::system()->generate(
        reinterpret_cast<quint32 *>(raw.data()), reinterpret_cast<quint32 *>(raw.data() + raw.size()));
    const QString token
        = QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    Redaction::addSecret(token);
    Issued issued { token, m_clock.nowMs() + m_lifetimeMs };
    m_tokens.insert(token, Entry { issued.expiresMs, false });
    return issued;
}

SimTokenStore::Check SimTokenStore::check(const QString &token) const
{
    const auto it = m_tokens.constFind(token);
    if (it == m_tokens.cend())
        return Check::Unknown;
    if (it->revoked)
        return Check::Revoked;
    if (m_clock.nowMs() >= it->expiresMs)
        return Check::Expired;
    return Check::Valid;
}

bool SimTokenStore::revoke(const QString &token)
{
    auto it = m_tokens.find(token);
    if (it == m_tokens.end() || it->revoked)
        return false;
    it->revoked = true;
    return true;
}

void SimTokenStore::expireAll()
{
    const qint64 now = m_clock.nowMs();
    for (Entry &e : m_tokens)
        e.expiresMs = std::min(e.expiresMs, now);
    qCInfo(lcSim) << "all tokens expired (fault)";
}

int SimTokenStore::validCount() const
{
    int n = 0;
    for (auto it = m_tokens.cbegin(); it != m_tokens.cend(); ++it)
        n += check(it.key()) == Check::Valid ? 1 : 0;
    return n;
}
