// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include <QObject>
#include <QSettings>
#include <QStringList>
#include <QVariant>

#include <memory>

// Settings: the user's configuration, an INI file (QSettings) in AppConfigLocation or at a path
// the caller gives (--data-dir puts it next to the database). Every key has a spec — type,
// default, bounds or allowed values — so:
//   * a getter always returns a valid value: a missing, mistyped or out-of-range entry in the file
//     (hand-edited, broken) gives a warning once and the key's default; it never crashes;
//   * setValue() validates and refuses bad input with a clear message, changing nothing;
//   * changed(key) fires after every accepted change.
// Secrets (app key, secret key, tokens) are never stored here; see SecretStore.
// Not thread-safe: it lives on the thread that created it (the core's thread).
class Settings final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Settings)

public:
    enum class Type
    {
        Bool,
        Int,
        Double,
        String,
        Choice,
    };

    struct Spec
    {
        QString key;
        Type type;
        QVariant defaultValue;
        double min = 0;
        double max = 0;
        QStringList choices; // Type::Choice
        QString description;
    };

    // Opens (or creates) the INI file at path; an empty path means the platform default
    // (AppConfigLocation/kiwoom-trader.ini).
    explicit Settings(const QString &path = QString(), QObject *parent = nullptr);
    ~Settings() override;

    QString fileName() const;
    static const QList<Spec> &specs();
    static const Spec *spec(const QString &key);
    static QString defaultPath();
    // "a, b,,c" -> ["a", "b", "c"]: comma-separated list values, trimmed, empty and repeated items dropped.
    static QStringList splitList(const QString &text);

    // Generic access, used by the settings dialog and the control API.
    QVariant value(const QString &key) const;
    Status setValue(const QString &key, const QVariant &value);
    Status validate(const QString &key, const QVariant &value) const;
    void reset(const QString &key);
    // Problems found while reading the file (key: reason); each was replaced by the default.
    QStringList problems() const;
    void sync();

    // Broker connection
    QString mode() const; // broker/mode: demo | mock | live | paper
    QString restUrlOverride() const; // broker/restUrl (empty = host of the mode)
    QString wsUrlOverride() const; // broker/wsUrl
    // Timed loops (seconds), as in the seed: 10 min / 1 min / 30 s / 30 s / 5 min
    int conditionMonitorIntervalSec() const;
    int strategyScanIntervalSec() const;
    int scalpingIntervalSec() const;
    int stopLossIntervalSec() const;
    int watchlistSyncIntervalSec() const;
    int buyRetryDelaySec() const;
    int buyMaxRetries() const;
    // services/autostart: the service names to start after reconciliation ("all" is kept as is).
    QStringList autostartServices() const;
    // services/scalpingCodes: the scalping loop's own stock list; empty = the active watchlist.
    QStringList scalpingCodes() const;
    // Maintenance (midnight cleanup)
    int auditRetentionDays() const; // 0 = keep every audit_log row
    bool backupEnabled() const;
    int buySweepIntervalSec() const; // services/buySweepIntervalSec: the buy executor's sweep (5 s)
    // Trading
    bool autoTradeEnabled() const;
    qint64 maxInvestAmount() const; // KRW per buy signal
    QString buyOrderType() const; // trading/buyOrderType: limit | market (automatic buys)
    double stopLossRate() const; // percent below the buy price, positive (3.0 = -3%)
    double takeProfitRate() const; // percent above the buy price
    double trailingStopRate() const; // percent below the highest price since the buy; 0 = off
    int cancelUnfilledBuyAfterSec() const; // automatic limit buys; 0 = never
    bool protectExternalPositions() const; // stops on holdings adopted from outside the app
    double feeRate() const; // percent per side
    double sellTaxRate() const; // percent on sells
    // Risk guard
    qint64 maxOrderAmount() const;
    qint64 maxDailyBuyAmount() const;
    int maxOpenPositions() const;
    qint64 dailyLossLimit() const; // 0 = off
    int entryCutoffMinutes() const; // no buys in the last N minutes of the continuous session (0 = off)
    bool continuousOnly() const; // buys only in the continuous session (else also in the call auctions)
    // Rate limits
    int queriesPerSecond() const;
    int ordersPerSecond() const;
    // Control API
    bool controlApiEnabled() const;
    int controlApiPort() const;
    // Market recorder (record/enabled, record/maxMegabytes)
    bool recordEnabled() const;
    qint64 recordMaxBytes() const;
    // Simulator (demo mode)
    quint64 simSeed() const;
    double simSpeed() const;
    double simIntradayVolatility() const;
    bool simFollowSessionHours() const;
    int simUniverseSize() const;
    double simTickIntensity() const;
    int simMaxRealtimeItems() const;
    // Paper trading: which Kiwoom host feeds the quotes (mock | live) and the account's starting cash
    QString paperFeed() const;
    qint64 paperInitialCash() const;
    // UI
    QString language() const; // system | ko | en
    bool closeToTray() const;

signals:
    void changed(const QString &key);

private:
    QVariant checked(const Spec &spec, const QVariant &raw, QString *problem) const;

    std::unique_ptr<QSettings> m_settings;
    mutable QStringList m_problems;
};
