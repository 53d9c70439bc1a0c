// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>
#include <QtGlobal>

class IClock;

// SimTokenStore issues, checks and revokes the simulator's access tokens (au10001/au10002):
// 86 characters of URL-safe base64 from the system CSPRNG, valid for a configurable lifetime on
// the real-time clock. expireAll() is the "token expiry" fault: every token issued so far becomes
// invalid at once. Tokens are registered with Redaction so they never reach a log.
// Not thread-safe (simulator thread).
class SimTokenStore
{
public:
    enum class Check
    {
        Valid,
        Unknown,
        Expired,
        Revoked,
    };
    struct Issued
    {
        QString token;
        qint64 expiresMs = 0;
    };

    SimTokenStore(const IClock &clock, qint64 lifetimeMs);
    ~SimTokenStore();

    Issued issue();
    Check check(const QString &token) const;
    // false when the token was never issued or is already revoked.
    bool revoke(const QString &token);
    void expireAll();
    void setLifetimeMs(qint64 ms) { m_lifetimeMs = ms; }
    int validCount() const;

private:
    struct Entry
    {
        qint64 expiresMs = 0;
        bool revoked = false;
    };
    const IClock &m_clock;
    qint64 m_lifetimeMs = 0;
    QHash<QString, Entry> m_tokens;
};
