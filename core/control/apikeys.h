// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "routetable.h"

#include "common/result.h"

#include <QByteArray>
#include <QString>

#include <optional>

class Settings;

namespace Control {

// ApiKeys holds the control API's two bearer keys — a read key (GET routes only) and a trade key
// (every route) — as SHA-256 hashes in the settings (control/readKeyHash, control/tradeKeyHash).
// Why: a script needs a secret to act on the account, and neither the settings file nor a log may
// ever hold one that works.
// Guarantees: keys are "kt_" + 32 base64url characters from QRandomGenerator::system() (192 bits);
// the plain keys exist only in memory while being generated and in the key file, written once
// (at first run or on rotate()) with owner-only permissions (0600) before a byte is written;
// check() compares hashes in constant time; keys are never logged.
// Threading: the thread of the Settings it is given.
class ApiKeys
{
public:
    struct Keys
    {
        QString readKey;
        QString tradeKey;
    };

    // The hashes from the settings; when either is missing, new keys are generated, their hashes
    // stored and the key file written (an older file at that path is replaced). `generated` is
    // set when that happened.
    static Result<ApiKeys> load(Settings &settings, const QString &keyFile, bool *generated = nullptr);
    // New keys (the old ones stop working at once), stored and written to the key file.
    Result<Keys> rotate(Settings &settings, const QString &keyFile);

    // The scope a presented key grants, or nothing.
    std::optional<Scope> check(QByteArrayView presented) const;

    static QString generateKey();
    static QByteArray hashHex(QByteArrayView key);
    // Equal-length comparison whose time does not depend on where the inputs differ.
    static bool constantTimeEquals(QByteArrayView a, QByteArrayView b);
    // {"read_key", "trade_key", "created_at_ms", "note"}, created 0600 (replacing an older file).
    static Status writeKeyFile(const QString &path, const Keys &keys, qint64 nowMs);

private:
    QByteArray m_readHash; // raw 32 bytes
    QByteArray m_tradeHash;
};

} // namespace Control
