// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>
#include <QString>

// Developer log categories, one per module. Info and above are on by default (the demo session
// is visible in the log); debug is turned on with QT_LOGGING_RULES="kt.*.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcApp) // kt.app
Q_DECLARE_LOGGING_CATEGORY(lcSettings) // kt.settings
Q_DECLARE_LOGGING_CATEGORY(lcStorage) // kt.storage
Q_DECLARE_LOGGING_CATEGORY(lcMarket) // kt.market
Q_DECLARE_LOGGING_CATEGORY(lcRest) // kt.kiwoom.rest
Q_DECLARE_LOGGING_CATEGORY(lcToken) // kt.kiwoom.token
Q_DECLARE_LOGGING_CATEGORY(lcRateLimit) // kt.kiwoom.ratelimit
Q_DECLARE_LOGGING_CATEGORY(lcWs) // kt.kiwoom.ws
Q_DECLARE_LOGGING_CATEGORY(lcCondition) // kt.kiwoom.condition
Q_DECLARE_LOGGING_CATEGORY(lcIndicators) // kt.indicators
Q_DECLARE_LOGGING_CATEGORY(lcStrategy) // kt.strategy
Q_DECLARE_LOGGING_CATEGORY(lcOrders) // kt.trading.orders
Q_DECLARE_LOGGING_CATEGORY(lcTrading) // kt.trading
Q_DECLARE_LOGGING_CATEGORY(lcServices) // kt.services
Q_DECLARE_LOGGING_CATEGORY(lcNews) // kt.news
Q_DECLARE_LOGGING_CATEGORY(lcControl) // kt.control
Q_DECLARE_LOGGING_CATEGORY(lcSim) // kt.sim
Q_DECLARE_LOGGING_CATEGORY(lcUi) // kt.ui

// The one redaction point. Every message that reaches a log sink passes through redact():
// registered secrets (app key, secret key, tokens, control-API token) are replaced wherever they
// appear, and credential-shaped text (Bearer values, "token"/"appkey"/"secretkey" JSON fields,
// authorization headers) is masked even when the secret was never registered.
namespace Redaction {
void addSecret(const QString &secret);
void removeSecret(const QString &secret);
QString redact(QString text);
// Stable fingerprint for logs, e.g. "…a1b2" (last 4 characters of a SHA-256), never the value.
QString fingerprint(const QString &secret);
} // namespace Redaction

// Installs the process-wide message handler: every message is redacted, then written to stderr
// (when echo is on) and to <logDir>/kiwoom-trader.log, which rotates at maxBytes keeping keepFiles
// old files (kiwoom-trader.log.1 ... .N). Safe to call again to move the file (e.g. --data-dir).
namespace Logging {
struct Options
{
    QString logDir;
    QString baseName = QStringLiteral("kiwoom-trader");
    qint64 maxBytes = 5 * 1024 * 1024;
    int keepFiles = 5;
    bool echoToStderr = true;
};
void install(const Options &options);
void uninstall();
QString currentLogFile();
// Formats one line the way the sink writes it (time, level, category, redacted message).
QString formatLine(QtMsgType type, const char *category, const QString &message);
} // namespace Logging
