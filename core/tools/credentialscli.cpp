// SPDX-License-Identifier: GPL-3.0-or-later
#include "credentialscli.h"

#include "common/filesecretstore.h"
#include "common/logging.h"
#include "common/settings.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QTimer>

#include <cstdio>
#include <iostream>
#include <string>
#include <termios.h>
#include <unistd.h>

namespace CredentialsCli {

namespace {

const QStringList MODES { QStringLiteral("mock"), QStringLiteral("live") };

// Runs an asynchronous store call to completion (or the timeout: nullopt).
template<typename R> std::optional<R> wait(std::function<void(std::function<void(R)>)> call, int timeoutMs)
{
    QEventLoop loop;
    std::optional<R> result;
    bool finished = false;
    auto alive = std::make_shared<bool>(true);
    call([&result, &finished, &loop, alive](R r) {
        if (!*alive)
            return;
        result = std::move(r);
        finished = true;
        loop.quit();
    });
    if (!finished) {
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    *alive = false;
    return result;
}

int usage(QTextStream &err)
{
    err << "usage: kiwoom-trader credentials set --mode mock|live [--store auto|keychain|file] [--data-dir DIR]\n"
           "       kiwoom-trader credentials clear --mode mock|live [--data-dir DIR]\n"
           "       kiwoom-trader credentials show [--data-dir DIR]\n";
    return 2;
}

} // namespace

QString filePathFor(const QString &dataDir, const QString &configFile)
{
    // As main.cpp picks the settings file: --config, else <data dir>/kiwoom-trader.ini, else the default.
    QString settingsFile = configFile;
    if (settingsFile.isEmpty() && !dataDir.isEmpty())
        settingsFile = QDir(dataDir).filePath(QStringLiteral("kiwoom-trader.ini"));
    if (settingsFile.isEmpty())
        settingsFile = Settings::defaultPath();
    return FileSecretStore::pathIn(QFileInfo(settingsFile).absolutePath());
}

std::optional<QString> readSecret(const QString &prompt)
{
    const bool tty = ::isatty(STDIN_FILENO) == 1;
    termios saved {};
    if (tty) {
        std::fputs(prompt.toLocal8Bit().constData(), stderr);
        std::fflush(stderr);
        if (::tcgetattr(STDIN_FILENO, &saved) == 0) {
            termios quiet = saved;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            quiet.c_lflag |= ECHONL;
            ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
        }
    }
    std::string line;
    const bool got = static_cast<bool>(std::getline(std::cin, line));
    if (tty)
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    if (!got)
        return std::nullopt;
    return QString::fromLocal8Bit(line.data(), qsizetype(line.size())).trimmed();
}

int run(const QStringList &args, const Env &env, QTextStream &out, QTextStream &err)
{
    if (args.isEmpty())
        return usage(err);
    const QString verb = args.first();
    QString mode, dataDir, configFile, store = QStringLiteral("auto");
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &a = args[i];
        auto value = [&](QString *target) {
            if (i + 1 >= args.size())
                return false;
            *target = args[++i];
            return true;
        };
        bool ok = true;
        if (a == u"--mode")
            ok = value(&mode);
        else if (a.startsWith(u"--mode="))
            mode = a.mid(7);
        else if (a == u"--data-dir")
            ok = value(&dataDir);
        else if (a == u"--config")
            ok = value(&configFile);
        else if (a == u"--store")
            ok = value(&store);
        else
            ok = false;
        if (!ok) {
            err << "kiwoom-trader credentials: unexpected argument \"" << a << "\"\n";
            return usage(err);
        }
    }
    if (store != u"auto" && store != u"keychain" && store != u"file") {
        err << "kiwoom-trader credentials: --store must be auto, keychain or file\n";
        return 2;
    }
    FileSecretStore file(filePathFor(dataDir, configFile));
    SecretStore *keychain = store == u"file" ? nullptr : env.keychain;

    auto keychainRead = [&](const QString &key) -> std::optional<Result<QString>> {
        if (!keychain)
            return std::nullopt;
        return wait<Result<QString>>(
            [&](std::function<void(Result<QString>)> done) { keychain->read(key, std::move(done)); },
            env.keychainTimeoutMs);
    };
    auto keychainCall = [&](std::function<void(SecretStore::WriteCallback)> call) -> Status {
        if (!keychain)
            return Error { QStringLiteral("secrets.keychain"), QStringLiteral("no keychain") };
        auto r = wait<Status>(std::move(call), env.keychainTimeoutMs);
        if (!r)
            return Error { QStringLiteral("secrets.keychain"), QStringLiteral("the keychain did not answer") };
        return *r;
    };

    if (verb == u"show") {
        if (!mode.isEmpty() && !MODES.contains(mode))
            return usage(err);
        for (const QString &m : mode.isEmpty() ? MODES : QStringList { mode }) {
            out << m << ":\n";
            for (const auto &[label, key] : { std::pair { QStringLiteral("app key"), SecretStore::appKeyName(m) },
                     std::pair { QStringLiteral("secret key"), SecretStore::secretKeyName(m) } }) {
                QString where, value;
                if (auto k = keychainRead(key); k && k->ok()) {
                    where = QStringLiteral("keychain");
                    value = k->value();
                } else if (auto f = file.readNow(key); f) {
                    where = file.path();
                    value = *f;
                } else if (f.error().code != u"secrets.not_found") {
                    where = f.error().message;
                }
                out << "  " << label << ": "
                    << (value.isEmpty() ? QStringLiteral("not set") : Redaction::fingerprint(value))
                    << (where.isEmpty() ? QString() : QStringLiteral(" (") + where + u')') << '\n';
            }
        }
        const Credentials envCredentials = Credentials::fromEnvironment();
        if (!envCredentials.appKey.isEmpty() || !envCredentials.secretKey.isEmpty())
            out << "environment: KIWOOM_APPKEY " << Redaction::fingerprint(envCredentials.appKey)
                << ", KIWOOM_SECRETKEY " << Redaction::fingerprint(envCredentials.secretKey)
                << " (wins over the stored keys)\n";
        return 0;
    }

    if (!MODES.contains(mode)) {
        err << "kiwoom-trader credentials: --mode mock or --mode live is required\n";
        return 2;
    }
    const QString appKeyName = SecretStore::appKeyName(mode);
    const QString secretKeyName = SecretStore::secretKeyName(mode);

    if (verb == u"clear") {
        for (const QString &key : { appKeyName, secretKeyName }) {
            (void)keychainCall([&](SecretStore::WriteCallback done) { keychain->remove(key, std::move(done)); });
            if (Status s = file.removeNow(key); !s) {
                err << "kiwoom-trader credentials: " << s.error().message << '\n';
                return 1;
            }
        }
        out << "The " << mode << " credentials are removed.\n";
        return 0;
    }

    if (verb != u"set")
        return usage(err);
    auto read = env.readSecret ? env.readSecret : [](const QString &prompt) { return readSecret(prompt); };
    const std::optional<QString> appKey = read(QStringLiteral("Kiwoom %1 app key: ").arg(mode));
    const std::optional<QString> secretKey
        = appKey ? read(QStringLiteral("Kiwoom %1 secret key: ").arg(mode)) : std::nullopt;
    if (!appKey || !secretKey || appKey->isEmpty() || secretKey->isEmpty()) {
        err << "kiwoom-trader credentials: both the app key and the secret key are required (one per line)\n";
        return 2;
    }
    for (const QString &v : { *appKey, *secretKey }) {
        if (v.contains(u' ') || v.contains(u'\t') || v.size() > 512) {
            err << "kiwoom-trader credentials: a key has no spaces and at most 512 characters\n";
            return 2;
        }
    }
    Redaction::addSecret(*appKey);
    Redaction::addSecret(*secretKey);

    if (keychain) {
        Status a = keychainCall(
            [&](SecretStore::WriteCallback done) { keychain->write(appKeyName, *appKey, std::move(done)); });
        Status b = a ? keychainCall([&](SecretStore::WriteCallback done) {
            keychain->write(secretKeyName, *secretKey, std::move(done));
        })
                     : a;
        if (a && b) {
            // No stale copy in the file that a keychain outage would bring back.
            (void)file.removeNow(appKeyName);
            (void)file.removeNow(secretKeyName);
            out << "The " << mode << " credentials are stored in the system keychain (app key "
                << Redaction::fingerprint(*appKey) << ", secret key " << Redaction::fingerprint(*secretKey) << ").\n";
            return 0;
        }
        if (store == u"keychain") {
            err << "kiwoom-trader credentials: the system keychain failed: " << (a ? b : a).error().message << '\n';
            return 1;
        }
        err << "warning: no usable system keychain (" << (a ? b : a).error().message << ").\n";
    }
    for (const auto &[key, value] : { std::pair { appKeyName, *appKey }, std::pair { secretKeyName, *secretKey } }) {
        if (Status s = file.writeNow(key, value); !s) {
            err << "kiwoom-trader credentials: " << s.error().message << '\n';
            return 1;
        }
    }
    err << "warning: the " << mode << " credentials are stored UNENCRYPTED in " << file.path()
        << " (owner-only, mode 0600). Anyone who can read it as you, or root, can trade with them.\n";
    out << "The " << mode << " credentials are stored in " << file.path() << " (app key "
        << Redaction::fingerprint(*appKey) << ", secret key " << Redaction::fingerprint(*secretKey) << ").\n";
    return 0;
}

} // namespace CredentialsCli
