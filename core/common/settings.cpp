// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings.h"

#include "logging.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <cmath>

namespace {

using Type = Settings::Type;

QList<Settings::Spec> buildSpecs()
{
    return {
        { QStringLiteral("broker/mode"), Type::Choice, QStringLiteral("demo"), 0, 0,
            { QStringLiteral("demo"), QStringLiteral("mock"), QStringLiteral("live"), QStringLiteral("paper") },
            QStringLiteral("demo = built-in simulator, mock = Kiwoom mock trading, live = real account, paper = "
                           "Kiwoom's quotes with orders filled by a local simulated account") },
        { QStringLiteral("broker/restUrl"), Type::String, QString(), 0, 0, {},
            QStringLiteral("REST base URL overriding the mode's host") },
        { QStringLiteral("broker/wsUrl"), Type::String, QString(), 0, 0, {},
            QStringLiteral("WebSocket URL overriding the mode's host") },
        { QStringLiteral("broker/accountNo"), Type::String, QString(), 0, 0, {},
            QStringLiteral("the Kiwoom account number (10 digits) the keys were issued for, as the user noted it "
                           "(empty = not noted)") },

        { QStringLiteral("services/conditionMonitorIntervalSec"), Type::Int, 600, 10, 86400, {},
            QStringLiteral("condition monitor period") },
        { QStringLiteral("services/strategyScanIntervalSec"), Type::Int, 60, 5, 3600, {},
            QStringLiteral("strategy scan period") },
        { QStringLiteral("services/scalpingIntervalSec"), Type::Int, 30, 1, 3600, {},
            QStringLiteral("scalping loop period") },
        { QStringLiteral("services/stopLossIntervalSec"), Type::Int, 30, 1, 3600, {},
            QStringLiteral("stop-loss / take-profit sweep period") },
        { QStringLiteral("services/watchlistSyncIntervalSec"), Type::Int, 300, 10, 86400, {},
            QStringLiteral("condition → watchlist sync period") },
        { QStringLiteral("services/buyRetryDelaySec"), Type::Int, 30, 1, 3600, {},
            QStringLiteral("wait before retrying a transiently refused buy") },
        { QStringLiteral("services/buyMaxRetries"), Type::Int, 3, 0, 20, {},
            QStringLiteral("retries of a transiently refused buy") },
        { QStringLiteral("services/autostart"), Type::String, QStringLiteral("stoploss,cleanup"), 0, 0, {},
            QStringLiteral("services started once the account is reconciled: comma-separated names (monitoring, "
                           "strategy, scalping, stoploss, watchlist, cleanup), \"all\" or empty") },
        { QStringLiteral("services/scalpingCodes"), Type::String, QString(), 0, 0, {},
            QStringLiteral("stocks the scalping loop trades, comma-separated codes (empty = the active watchlist)") },

        { QStringLiteral("maintenance/auditRetentionDays"), Type::Int, 365, 0, 36500, {},
            QStringLiteral("days of audit_log kept by the midnight cleanup (0 = keep everything)") },
        { QStringLiteral("maintenance/backupEnabled"), Type::Bool, true, 0, 0, {},
            QStringLiteral("back up the database once a day (the newest 7 copies are kept)") },
        { QStringLiteral("services/buySweepIntervalSec"), Type::Int, 5, 1, 3600, {},
            QStringLiteral("buy executor sweep over waiting signals (new signals are bought at once)") },

        { QStringLiteral("trading/autoTradeEnabled"), Type::Bool, false, 0, 0, {},
            QStringLiteral("automatic buying of signals") },
        { QStringLiteral("trading/maxInvestAmount"), Type::Int, 1000000, 1000, 1e12, {},
            QStringLiteral("KRW invested per buy signal") },
        { QStringLiteral("trading/buyOrderType"), Type::Choice, QStringLiteral("limit"), 0, 0,
            { QStringLiteral("limit"), QStringLiteral("market") },
            QStringLiteral("automatic buys: limit at the best ask (on the tick) or market; reference-candle buys "
                           "are always limit at or below the target price") },
        { QStringLiteral("trading/stopLossRate"), Type::Double, 3.0, 0.1, 99.0, {},
            QStringLiteral("stop-loss, percent below the buy price") },
        { QStringLiteral("trading/takeProfitRate"), Type::Double, 5.0, 0.1, 1000.0, {},
            QStringLiteral("take-profit, percent above the buy price") },
        { QStringLiteral("trading/trailingStopRate"), Type::Double, 0.0, 0.0, 99.0, {},
            QStringLiteral("trailing stop, percent below the highest price since the buy (0 = off)") },
        { QStringLiteral("trading/cancelUnfilledBuyAfterSec"), Type::Int, 300, 0, 86400, {},
            QStringLiteral("automatic limit buys still unfilled after this many seconds are cancelled (0 = never)") },
        { QStringLiteral("trading/protectExternalPositions"), Type::Bool, false, 0, 0, {},
            QStringLiteral("guard holdings bought outside the app (HTS/MTS) with stop-loss / take-profit") },
        { QStringLiteral("trading/feeRate"), Type::Double, 0.015, 0.0, 5.0, {},
            QStringLiteral("broker commission, percent per side") },
        { QStringLiteral("trading/sellTaxRate"), Type::Double, 0.20, 0.0, 5.0, {},
            QStringLiteral("securities transaction tax on sells, percent") },

        { QStringLiteral("risk/maxOrderAmount"), Type::Int, 5000000, 1000, 1e12, {},
            QStringLiteral("largest single order, KRW") },
        { QStringLiteral("risk/maxDailyBuyAmount"), Type::Int, 20000000, 1000, 1e13, {},
            QStringLiteral("total buys per trading day, KRW") },
        { QStringLiteral("risk/maxOpenPositions"), Type::Int, 5, 1, 1000, {},
            QStringLiteral("open positions at once") },
        { QStringLiteral("risk/dailyLossLimit"), Type::Int, 1000000, 0, 1e12, {},
            QStringLiteral("realized + unrealized loss per day that halts new buys, KRW (0 = off)") },
        { QStringLiteral("risk/entryCutoffMinutes"), Type::Int, 10, 0, 380, {},
            QStringLiteral("no new buys in the last N minutes before the continuous session ends (0 = off)") },
        { QStringLiteral("risk/continuousOnly"), Type::Bool, true, 0, 0, {},
            QStringLiteral("buys only in the continuous session (09:00–15:20 KST); off: also in the call auctions") },

        { QStringLiteral("kiwoom/queriesPerSecond"), Type::Int, 5, 1, 100, {},
            QStringLiteral("query quota per second") },
        { QStringLiteral("kiwoom/ordersPerSecond"), Type::Int, 5, 1, 100, {},
            QStringLiteral("order quota per second") },

        { QStringLiteral("control/enabled"), Type::Bool, true, 0, 0, {}, QStringLiteral("local HTTP control API") },
        { QStringLiteral("control/port"), Type::Int, 8765, 0, 65535, {},
            QStringLiteral("control API port on 127.0.0.1 (0 = any free port)") },
        { QStringLiteral("control/eventsPort"), Type::Int, 0, 0, 65535, {},
            QStringLiteral("port of the control API's /events WebSocket (0 = the API's port + 1, or any free "
                           "port when the API's is 0)") },
        { QStringLiteral("control/bindAddress"), Type::String, QStringLiteral("127.0.0.1"), 0, 0, {},
            QStringLiteral("control API address; anything but a loopback address exposes it to the network") },
        { QStringLiteral("control/readKeyHash"), Type::String, QString(), 0, 0, {},
            QStringLiteral("SHA-256 of the control API's read key (hex; the key itself is never stored)") },
        { QStringLiteral("control/tradeKeyHash"), Type::String, QString(), 0, 0, {},
            QStringLiteral("SHA-256 of the control API's trade key (hex; the key itself is never stored)") },

        { QStringLiteral("news/naverNewsUrl"), Type::String, QString(), 0, 0, {},
            QStringLiteral("Naver search API base URL (empty = openapi.naver.com, or the simulator in demo mode); "
                           "KT_NAVER_NEWS_URL wins") },
        { QStringLiteral("news/naverBoardUrl"), Type::String, QString(), 0, 0, {},
            QStringLiteral("Naver Finance base URL for the discussion board (empty = finance.naver.com, or the "
                           "simulator in demo mode); KT_NAVER_BOARD_URL wins") },
        { QStringLiteral("news/newsCacheTtlSec"), Type::Int, 300, 0, 86400, {},
            QStringLiteral("seconds a news search result is reused before Naver is asked again") },
        { QStringLiteral("news/boardCacheTtlSec"), Type::Int, 120, 0, 86400, {},
            QStringLiteral("seconds a discussion board page is reused before Naver is asked again") },

        { QStringLiteral("record/enabled"), Type::Bool, false, 0, 0, {},
            QStringLiteral("record what the broker sends (realtime frames, condition results, quote and chart replies) "
                           "into <data-dir>/recordings/ for replay") },
        { QStringLiteral("record/maxMegabytes"), Type::Int, 2048, 1, 1048576, {},
            QStringLiteral("size cap of the recordings directory; the oldest day's file goes first") },

        { QStringLiteral("sim/seed"), Type::Int, 20240102, 0, 9.0e15, {}, QStringLiteral("simulator random seed") },
        { QStringLiteral("sim/speed"), Type::Double, 1.0, 0.01, 10000.0, {},
            QStringLiteral("simulator clock speed factor") },
        { QStringLiteral("sim/intradayVolatility"), Type::Double, 8.0, 0.1, 20.0, {},
            QStringLiteral(
                "demo simulator: scale of the intraday price noise (1 = a stock's calibrated daily volatility; "
                "the demo's default shows stop-loss and take-profit exits within minutes)") },
        { QStringLiteral("sim/followSessionHours"), Type::Bool, false, 0, 0, {},
            QStringLiteral("simulated market follows real KRX hours instead of staying open") },
        { QStringLiteral("sim/universeSize"), Type::Int, 61, 61, 10000, {},
            QStringLiteral("demo simulator: stocks listed (61 hand-written, the rest synthetic)") },
        { QStringLiteral("sim/tickIntensity"), Type::Double, 1.0, 0.1, 100.0, {},
            QStringLiteral("demo simulator: trades per stock versus the calibrated pace (load tests)") },
        { QStringLiteral("sim/maxRealtimeItems"), Type::Int, 200, 1, 100000, {},
            QStringLiteral("demo simulator: realtime (type, item) registrations allowed per WebSocket session") },

        { QStringLiteral("paper/feed"), Type::Choice, QStringLiteral("mock"), 0, 0,
            { QStringLiteral("mock"), QStringLiteral("live") },
            QStringLiteral("paper mode: the Kiwoom host (and its credentials) the quotes come from; orders never "
                           "leave the machine") },
        { QStringLiteral("paper/initialCash"), Type::Int, 100000000, 1000000, 1e13, {},
            QStringLiteral("paper mode: starting cash of the simulated account (KRW); changing it needs a fresh "
                           "paper account") },

        { QStringLiteral("ui/language"), Type::Choice, QStringLiteral("system"), 0, 0,
            { QStringLiteral("system"), QStringLiteral("ko"), QStringLiteral("en") },
            QStringLiteral("user interface language") },
        { QStringLiteral("ui/closeToTray"), Type::Bool, true, 0, 0, {},
            QStringLiteral("closing the window keeps the app running in the tray") },
        { QStringLiteral("ui/startMinimized"), Type::Bool, false, 0, 0, {},
            QStringLiteral("start hidden in the tray (as with --minimized)") },
        { QStringLiteral("ui/trayHintShown"), Type::Bool, false, 0, 0, {},
            QStringLiteral("the \"still running in the tray\" hint was shown once") },
        { QStringLiteral("ui/notifyFills"), Type::Bool, true, 0, 0, {}, QStringLiteral("tray notification on fills") },
        { QStringLiteral("ui/notifyExits"), Type::Bool, true, 0, 0, {},
            QStringLiteral("tray notification when a position is closed (stop-loss, take-profit, ...)") },
        { QStringLiteral("ui/notifyRejections"), Type::Bool, true, 0, 0, {},
            QStringLiteral("tray notification on rejected orders") },
        { QStringLiteral("ui/notifyKillSwitch"), Type::Bool, true, 0, 0, {},
            QStringLiteral("tray notification when the kill switch changes") },
        { QStringLiteral("ui/notifyBroker"), Type::Bool, true, 0, 0, {},
            QStringLiteral("tray notification when the broker connection drops or fails") },
    };
}

QString typeName(Type t)
{
    switch (t) {
    case Type::Bool:
        return QStringLiteral("a boolean (true/false)");
    case Type::Int:
        return QStringLiteral("an integer");
    case Type::Double:
        return QStringLiteral("a number");
    case Type::String:
        return QStringLiteral("text");
    case Type::Choice:
        return QStringLiteral("one of the listed values");
    }
    return {};
}

// Converts what QSettings gives back (strings for INI files, typed variants for values set in this
// process) to the spec's type; nullopt when the text is not of that type.
std::optional<QVariant> convert(Type type, const QVariant &raw)
{
    switch (type) {
    case Type::Bool: {
        if (raw.typeId() == QMetaType::Bool)
            return raw;
        const QString s = raw.toString().trimmed().toLower();
        if (s == u"true" || s == u"1" || s == u"yes" || s == u"on")
            return QVariant(true);
        if (s == u"false" || s == u"0" || s == u"no" || s == u"off")
            return QVariant(false);
        return std::nullopt;
    }
    case Type::Int: {
        if (raw.typeId() == QMetaType::Double) {
            const double d = raw.toDouble();
            if (std::isfinite(d) && std::floor(d) == d)
                return QVariant(qint64(d));
            return std::nullopt;
        }
        bool ok = false;
        const qint64 v = raw.toString().trimmed().toLongLong(&ok);
        return ok ? std::optional<QVariant>(QVariant(v)) : std::nullopt;
    }
    case Type::Double: {
        bool ok = false;
        const double v = raw.toString().trimmed().toDouble(&ok);
        if (!ok || !std::isfinite(v))
            return std::nullopt;
        return QVariant(v);
    }
    case Type::String:
    case Type::Choice:
        if (raw.typeId() == QMetaType::QStringList || raw.typeId() == QMetaType::QVariantList
            || raw.typeId() == QMetaType::QVariantMap)
            return std::nullopt;
        return QVariant(raw.toString());
    }
    return std::nullopt;
}

} // namespace

QStringList Settings::splitList(const QString &text)
{
    QStringList out;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString item = part.trimmed();
        if (!item.isEmpty() && !out.contains(item))
            out << item;
    }
    return out;
}

Settings::Settings(const QString &path, QObject *parent) : QObject(parent)
{
    const QString file = path.isEmpty() ? defaultPath() : path;
    QDir().mkpath(QFileInfo(file).absolutePath());
    m_settings = std::make_unique<QSettings>(file, QSettings::IniFormat);
    if (m_settings->status() == QSettings::FormatError) {
        qCWarning(lcSettings).noquote() << "settings file" << file
                                        << "could not be parsed; every key uses its default until it is saved again";
        m_problems << QStringLiteral("file: unreadable INI format");
    }
    // Read every key once so problems are reported at start-up, not at first use.
    for (const Spec &s : specs())
        value(s.key);
}

Settings::~Settings()
{
    if (m_settings)
        m_settings->sync();
}

QString Settings::defaultPath()
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation);
    if (dir.isEmpty())
        dir = QDir::homePath() + QStringLiteral("/.config/kiwoom-trader");
    return QDir(dir).filePath(QStringLiteral("kiwoom-trader.ini"));
}

QString Settings::fileName() const
{
    return m_settings->fileName();
}

const QList<Settings::Spec> &Settings::specs()
{
    static const QList<Spec> list = buildSpecs();
    return list;
}

const Settings::Spec *Settings::spec(const QString &key)
{
    for (const Spec &s : specs()) {
        if (s.key == key)
            return &s;
    }
    return nullptr;
}

QVariant Settings::checked(const Spec &spec, const QVariant &raw, QString *problem) const
{
    const auto converted = convert(spec.type, raw);
    if (!converted) {
        *problem = QStringLiteral("expected %1, found \"%2\"").arg(typeName(spec.type), raw.toString());
        return {};
    }
    switch (spec.type) {
    case Type::Int:
    case Type::Double: {
        const double v = converted->toDouble();
        if (v < spec.min || v > spec.max) {
            *problem = QStringLiteral("%1 is outside %2 … %3")
                           .arg(converted->toString(), QString::number(spec.min, 'g', 15),
                               QString::number(spec.max, 'g', 15));
            return {};
        }
        break;
    }
    case Type::Choice:
        if (!spec.choices.contains(converted->toString())) {
            *problem = QStringLiteral("\"%1\" is not one of %2")
                           .arg(converted->toString(), spec.choices.join(QStringLiteral(", ")));
            return {};
        }
        break;
    case Type::Bool:
    case Type::String:
        break;
    }
    return *converted;
}

QVariant Settings::value(const QString &key) const
{
    const Spec *s = spec(key);
    if (!s) {
        qCWarning(lcSettings) << "unknown settings key" << key;
        return {};
    }
    if (!m_settings->contains(key))
        return s->defaultValue;
    QString problem;
    const QVariant v = checked(*s, m_settings->value(key), &problem);
    if (!v.isValid()) {
        const QString entry = key + QStringLiteral(": ") + problem;
        if (!m_problems.contains(entry)) {
            m_problems << entry;
            qCWarning(lcSettings).noquote()
                << "settings" << key << problem << "- using the default" << s->defaultValue.toString();
        }
        return s->defaultValue;
    }
    return v;
}

Status Settings::validate(const QString &key, const QVariant &value) const
{
    const Spec *s = spec(key);
    if (!s)
        return Error { QStringLiteral("settings.unknown_key"), QStringLiteral("Unknown setting \"%1\".").arg(key) };
    QString problem;
    if (!checked(*s, value, &problem).isValid())
        return Error { QStringLiteral("settings.invalid"),
            QStringLiteral("Invalid value for %1: %2.").arg(key, problem) };
    return {};
}

Status Settings::setValue(const QString &key, const QVariant &value)
{
    if (Status st = validate(key, value); !st)
        return st;
    QString problem;
    const QVariant v = checked(*spec(key), value, &problem);
    const bool differs = !m_settings->contains(key) || this->value(key) != v;
    m_settings->setValue(key, v);
    m_settings->sync();
    m_problems.erase(std::remove_if(m_problems.begin(), m_problems.end(),
                         [&](const QString &p) { return p.startsWith(key + QLatin1Char(':')); }),
        m_problems.end());
    if (differs)
        emit changed(key);
    return {};
}

void Settings::reset(const QString &key)
{
    if (!spec(key) || !m_settings->contains(key))
        return;
    m_settings->remove(key);
    m_settings->sync();
    emit changed(key);
}

QStringList Settings::problems() const
{
    return m_problems;
}

void Settings::sync()
{
    m_settings->sync();
}

QString Settings::mode() const
{
    return value(QStringLiteral("broker/mode")).toString();
}
QString Settings::restUrlOverride() const
{
    return value(QStringLiteral("broker/restUrl")).toString();
}
QString Settings::wsUrlOverride() const
{
    return value(QStringLiteral("broker/wsUrl")).toString();
}
int Settings::conditionMonitorIntervalSec() const
{
    return value(QStringLiteral("services/conditionMonitorIntervalSec")).toInt();
}
int Settings::strategyScanIntervalSec() const
{
    return value(QStringLiteral("services/strategyScanIntervalSec")).toInt();
}
int Settings::scalpingIntervalSec() const
{
    return value(QStringLiteral("services/scalpingIntervalSec")).toInt();
}
int Settings::stopLossIntervalSec() const
{
    return value(QStringLiteral("services/stopLossIntervalSec")).toInt();
}
int Settings::watchlistSyncIntervalSec() const
{
    return value(QStringLiteral("services/watchlistSyncIntervalSec")).toInt();
}
int Settings::buyRetryDelaySec() const
{
    return value(QStringLiteral("services/buyRetryDelaySec")).toInt();
}
int Settings::buyMaxRetries() const
{
    return value(QStringLiteral("services/buyMaxRetries")).toInt();
}
QStringList Settings::autostartServices() const
{
    return splitList(value(QStringLiteral("services/autostart")).toString());
}
QStringList Settings::scalpingCodes() const
{
    return splitList(value(QStringLiteral("services/scalpingCodes")).toString());
}
int Settings::auditRetentionDays() const
{
    return value(QStringLiteral("maintenance/auditRetentionDays")).toInt();
}
bool Settings::backupEnabled() const
{
    return value(QStringLiteral("maintenance/backupEnabled")).toBool();
}
int Settings::buySweepIntervalSec() const
{
    return value(QStringLiteral("services/buySweepIntervalSec")).toInt();
}
bool Settings::autoTradeEnabled() const
{
    return value(QStringLiteral("trading/autoTradeEnabled")).toBool();
}
qint64 Settings::maxInvestAmount() const
{
    return value(QStringLiteral("trading/maxInvestAmount")).toLongLong();
}
QString Settings::buyOrderType() const
{
    return value(QStringLiteral("trading/buyOrderType")).toString();
}
double Settings::stopLossRate() const
{
    return value(QStringLiteral("trading/stopLossRate")).toDouble();
}
double Settings::takeProfitRate() const
{
    return value(QStringLiteral("trading/takeProfitRate")).toDouble();
}
double Settings::trailingStopRate() const
{
    return value(QStringLiteral("trading/trailingStopRate")).toDouble();
}
int Settings::cancelUnfilledBuyAfterSec() const
{
    return value(QStringLiteral("trading/cancelUnfilledBuyAfterSec")).toInt();
}
bool Settings::protectExternalPositions() const
{
    return value(QStringLiteral("trading/protectExternalPositions")).toBool();
}
double Settings::feeRate() const
{
    return value(QStringLiteral("trading/feeRate")).toDouble();
}
double Settings::sellTaxRate() const
{
    return value(QStringLiteral("trading/sellTaxRate")).toDouble();
}
qint64 Settings::maxOrderAmount() const
{
    return value(QStringLiteral("risk/maxOrderAmount")).toLongLong();
}
qint64 Settings::maxDailyBuyAmount() const
{
    return value(QStringLiteral("risk/maxDailyBuyAmount")).toLongLong();
}
int Settings::maxOpenPositions() const
{
    return value(QStringLiteral("risk/maxOpenPositions")).toInt();
}
qint64 Settings::dailyLossLimit() const
{
    return value(QStringLiteral("risk/dailyLossLimit")).toLongLong();
}
int Settings::entryCutoffMinutes() const
{
    return value(QStringLiteral("risk/entryCutoffMinutes")).toInt();
}
bool Settings::continuousOnly() const
{
    return value(QStringLiteral("risk/continuousOnly")).toBool();
}
int Settings::queriesPerSecond() const
{
    return value(QStringLiteral("kiwoom/queriesPerSecond")).toInt();
}
int Settings::ordersPerSecond() const
{
    return value(QStringLiteral("kiwoom/ordersPerSecond")).toInt();
}
bool Settings::controlApiEnabled() const
{
    return value(QStringLiteral("control/enabled")).toBool();
}
int Settings::controlApiPort() const
{
    return value(QStringLiteral("control/port")).toInt();
}
bool Settings::recordEnabled() const
{
    return value(QStringLiteral("record/enabled")).toBool();
}
qint64 Settings::recordMaxBytes() const
{
    return qint64(value(QStringLiteral("record/maxMegabytes")).toInt()) << 20;
}
quint64 Settings::simSeed() const
{
    return value(QStringLiteral("sim/seed")).toULongLong();
}
double Settings::simSpeed() const
{
    return value(QStringLiteral("sim/speed")).toDouble();
}
double Settings::simIntradayVolatility() const
{
    return value(QStringLiteral("sim/intradayVolatility")).toDouble();
}
bool Settings::simFollowSessionHours() const
{
    return value(QStringLiteral("sim/followSessionHours")).toBool();
}
int Settings::simUniverseSize() const
{
    return value(QStringLiteral("sim/universeSize")).toInt();
}
double Settings::simTickIntensity() const
{
    return value(QStringLiteral("sim/tickIntensity")).toDouble();
}
int Settings::simMaxRealtimeItems() const
{
    return value(QStringLiteral("sim/maxRealtimeItems")).toInt();
}
QString Settings::paperFeed() const
{
    return value(QStringLiteral("paper/feed")).toString();
}
qint64 Settings::paperInitialCash() const
{
    return value(QStringLiteral("paper/initialCash")).toLongLong();
}
QString Settings::language() const
{
    return value(QStringLiteral("ui/language")).toString();
}
bool Settings::closeToTray() const
{
    return value(QStringLiteral("ui/closeToTray")).toBool();
}
