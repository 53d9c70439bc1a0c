// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// Broker credentials: an app key and secret key (one pair per environment: Kiwoom's real and mock
// keys differ). The one credentials type of the code base, filled from the SecretStore (keychain)
// or the environment and handed to the Kiwoom client, which registers both with Redaction before
// any request. Never logged, never stored in Settings or the database, never taken from the
// command line (where `ps` would show them).
struct Credentials
{
    QString appKey;
    QString secretKey;

    bool isComplete() const { return !appKey.isEmpty() && !secretKey.isEmpty(); }
    // KIWOOM_APPKEY and KIWOOM_SECRETKEY, trimmed.
    static Credentials fromEnvironment();
    // Registers both values with Redaction::addSecret().
    void registerSecrets() const;

    bool operator==(const Credentials &) const = default;
};
