// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QTextStream>

#include <functional>
#include <optional>

class SecretStore;

// `kiwoom-trader credentials set|clear|show`: the Kiwoom app key and secret key of mock or live
// mode, kept out of the environment and the command line. `set` reads both from the terminal
// without echo (or from stdin, one per line, when stdin is not a terminal) and stores them in the
// system keychain; where no keychain service answers (a server, CI) it stores them in the
// owner-only file <config dir>/credentials.json (the one TradingCore reads after the keychain) and
// says so on stderr. `clear` removes them from both; `show` prints fingerprints only (…abcd: the
// last 4 hex digits of a SHA-256), never a secret. Exit codes: 0 ok, 1 failed, 2 bad usage.
// Threading: the main thread, with a Q(Core)Application (store calls run a local event loop).
namespace CredentialsCli {

struct Env
{
    SecretStore *keychain = nullptr; // the system keychain, or null (file only)
    // Reads one secret; nullopt at end of input. Null: readSecret() below.
    std::function<std::optional<QString>(const QString &prompt)> readSecret;
    int keychainTimeoutMs = 10000; // a keychain that does not answer counts as absent
};

int run(const QStringList &args, const Env &env, QTextStream &out, QTextStream &err);

// One line from the terminal without echo (prompt on stderr), or from stdin when it is not a tty.
std::optional<QString> readSecret(const QString &prompt);

// The file store's path for the options (--data-dir DIR, --config FILE), as TradingCore derives it.
QString filePathFor(const QString &dataDir, const QString &configFile);

} // namespace CredentialsCli
