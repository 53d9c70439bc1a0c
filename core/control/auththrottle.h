// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>

class IClock;

namespace Control {

// AuthThrottle slows down key guessing: every failed authentication of a client adds one to its
// score, which decays by one every decayMs; at maxFailures the client is refused (429) until the
// score has decayed below the limit again. Requests refused while banned do not add to the score,
// so a ban always ends. Clients are told apart by remote address (on loopback: every local
// process is one client — a misbehaving script locks out the others for a while, by design).
// Time comes from the injected clock. Threading: the server's thread.
class AuthThrottle
{
public:
    explicit AuthThrottle(const IClock &clock, int maxFailures = 10, qint64 decayMs = 6000);

    // 0 when the client may try; else how many ms until it may.
    qint64 retryAfterMs(const QString &client) const;
    void recordFailure(const QString &client);
    void recordSuccess(const QString &client);

private:
    struct Entry
    {
        double score = 0;
        qint64 atMs = 0;
    };
    double scoreNow(const Entry &e, qint64 nowMs) const;

    const IClock &m_clock;
    int m_maxFailures;
    qint64 m_decayMs;
    QHash<QString, Entry> m_entries;
};

} // namespace Control
