// SPDX-License-Identifier: GPL-3.0-or-later
#include "logging.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QRegularExpression>
#include <QSet>

#include <cstdio>

Q_LOGGING_CATEGORY(lcApp, "kt.app", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSettings, "kt.settings", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStorage, "kt.storage", QtInfoMsg)
Q_LOGGING_CATEGORY(lcMarket, "kt.market", QtInfoMsg)
Q_LOGGING_CATEGORY(lcRest, "kt.kiwoom.rest", QtInfoMsg)
Q_LOGGING_CATEGORY(lcToken, "kt.kiwoom.token", QtInfoMsg)
Q_LOGGING_CATEGORY(lcRateLimit, "kt.kiwoom.ratelimit", QtInfoMsg)
Q_LOGGING_CATEGORY(lcWs, "kt.kiwoom.ws", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCondition, "kt.kiwoom.condition", QtInfoMsg)
Q_LOGGING_CATEGORY(lcIndicators, "kt.indicators", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStrategy, "kt.strategy", QtInfoMsg)
Q_LOGGING_CATEGORY(lcOrders, "kt.trading.orders", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTrading, "kt.trading", QtInfoMsg)
Q_LOGGING_CATEGORY(lcServices, "kt.services", QtInfoMsg)
Q_LOGGING_CATEGORY(lcNews, "kt.news", QtInfoMsg)
Q_LOGGING_CATEGORY(lcControl, "kt.control", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSim, "kt.sim", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "kt.ui", QtInfoMsg)

namespace {

const QString MASK = QStringLiteral("***");

struct SecretRegistry
{
    QMutex mutex;
    QSet<QString> secrets;
};

SecretRegistry &registry()
{
    static SecretRegistry r;
    return r;
}

// Credential-shaped text, masked whether or not the value was registered.
const QList<QRegularExpression> &patterns()
{
    static const QList<QRegularExpression> list = {
        // Authorization: Bearer xyz / authorization: bearer xyz
        QRegularExpression(
            QStringLiteral(R"((bearer\s+)[A-Za-z0-9._~+/=\-]+)"), QRegularExpression::CaseInsensitiveOption),
        // "token":"...", "appkey": "...", "secretkey":"...", "access_token":"...", "secret":"..."
        QRegularExpression(
            QStringLiteral(
                R"x(("(?:token|appkey|app_key|secretkey|secret_key|secret|access_token|api_token|password)"\s*:\s*")[^"]*)x"),
            QRegularExpression::CaseInsensitiveOption),
        // appkey=..., secretkey=..., token=... in query strings or key=value text
        QRegularExpression(
            QStringLiteral(R"x(\b((?:appkey|app_key|secretkey|secret_key|token|access_token|api_token)=)[^&\s"']+)x"),
            QRegularExpression::CaseInsensitiveOption),
    };
    return list;
}

struct Sink
{
    QMutex mutex;
    Logging::Options options;
    QFile file;
    bool installed = false;
    QtMessageHandler previous = nullptr;
};

Sink &sink()
{
    static Sink s;
    return s;
}

QString filePath(const Logging::Options &o, int index)
{
    const QString base = QDir(o.logDir).filePath(o.baseName + QStringLiteral(".log"));
    return index == 0 ? base : base + QLatin1Char('.') + QString::number(index);
}

void rotateLocked(Sink &s)
{
    s.file.close();
    const auto &o = s.options;
    QFile::remove(filePath(o, o.keepFiles));
    for (int i = o.keepFiles - 1; i >= 0; --i) {
        if (QFile::exists(filePath(o, i)))
            QFile::rename(filePath(o, i), filePath(o, i + 1));
    }
    s.file.setFileName(filePath(o, 0));
    s.file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text);
    s.file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "critical";
    case QtFatalMsg:
        return "fatal";
    }
    return "?";
}

void messageHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QString line = Logging::formatLine(type, context.category, message);
    const QByteArray bytes = line.toUtf8() + '\n';
    Sink &s = sink();
    {
        QMutexLocker lock(&s.mutex);
        if (s.options.echoToStderr) {
            std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
            std::fflush(stderr);
        }
        if (s.file.isOpen()) {
            if (s.file.size() + bytes.size() > s.options.maxBytes)
                rotateLocked(s);
            s.file.write(bytes);
            s.file.flush();
        }
    }
    if (type == QtFatalMsg)
        std::abort();
}

} // namespace

namespace Redaction {

void addSecret(const QString &secret)
{
    // Very short strings would mask ordinary words; real keys and tokens are long.
    if (secret.size() < 6)
        return;
    QMutexLocker lock(&registry().mutex);
    registry().secrets.insert(secret);
}

void removeSecret(const QString &secret)
{
    QMutexLocker lock(&registry().mutex);
    registry().secrets.remove(secret);
}

QString redact(QString text)
{
    {
        QMutexLocker lock(&registry().mutex);
        for (const QString &secret : std::as_const(registry().secrets)) {
            if (text.contains(secret))
                text.replace(secret, MASK);
        }
    }
    for (const QRegularExpression &re : patterns())
        text.replace(re, QStringLiteral("\\1") + MASK);
    return text;
}

QString fingerprint(const QString &secret)
{
    if (secret.isEmpty())
        return QStringLiteral("(none)");
    const QByteArray hash = QCryptographicHash::hash(secret.toUtf8(), QCryptographicHash::Sha256).toHex();
    return QStringLiteral("…") + QString::fromLatin1(hash.right(4));
}

} // namespace Redaction

namespace Logging {

QString formatLine(QtMsgType type, const char *category, const QString &message)
{
    const QString time = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    return QStringLiteral("%1 %2 [%3] %4")
        .arg(time, QLatin1String(levelName(type)), QLatin1String(category ? category : "default"),
            Redaction::redact(message));
}

void install(const Options &options)
{
    Sink &s = sink();
    QMutexLocker lock(&s.mutex);
    s.options = options;
    if (s.options.keepFiles < 1)
        s.options.keepFiles = 1;
    s.file.close();
    if (!options.logDir.isEmpty()) {
        QDir().mkpath(options.logDir);
        s.file.setFileName(filePath(s.options, 0));
        if (s.file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text))
            s.file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    if (!s.installed) {
        s.previous = qInstallMessageHandler(messageHandler);
        s.installed = true;
    }
}

void uninstall()
{
    Sink &s = sink();
    QMutexLocker lock(&s.mutex);
    if (s.installed) {
        qInstallMessageHandler(s.previous);
        s.installed = false;
    }
    s.file.close();
}

QString currentLogFile()
{
    Sink &s = sink();
    QMutexLocker lock(&s.mutex);
    return s.file.isOpen() ? s.file.fileName() : QString();
}

} // namespace Logging
