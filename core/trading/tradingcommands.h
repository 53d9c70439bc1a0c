// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tradingtypes.h"

#include "common/result.h"

#include <QJsonObject>
#include <QObject>
#include <QString>

#include <optional>

class TradingEngine;
class Database;
class Settings;

// TradingCommands is the one command layer (DESIGN.md "One command layer"): every verb a person or
// a script can say lives here once, and the desktop UI, the control API and the command line all
// call it — so a button, an HTTP request and a --start flag behave identically, pass the same risk
// guard and leave the same audit_log row, with the actor that said it ("ui", "api", "cli", or
// "service.<name>").
//
// Every verb returns the changed object as JSON (what the API sends back and the UI shows), or an
// Error whose code says why ("command.invalid", "command.not_found", "command.not_ready",
// "risk.<rule>", "storage.*") and whose message a trader reads; a refused verb changes nothing.
// Orders go the normal way: a buy becomes a manual signal that the buy executor turns into an order
// through the risk guard; a sell goes through the exit path (StopLossManager) like any exit.
// Threading: the core's thread. The UI calls it with QMetaObject::invokeMethod (queued).
class TradingCommands final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TradingCommands)

public:
    struct BuyCommand
    {
        QString code;
        std::optional<qint64> quantity; // shares, or
        std::optional<qint64> amount; // KRW (quantity = floor(amount / price))
        Trading::OrderType type = Trading::OrderType::Limit;
        std::optional<qint64> price; // limit price; empty = the best ask at the time
        QString clientOrderId; // idempotency (the API's Idempotency-Key)
    };
    struct SellCommand
    {
        QString code;
        qint64 quantity = 0; // 0 = all held
        Trading::OrderType type = Trading::OrderType::Market;
        std::optional<qint64> price;
    };

    TradingCommands(TradingEngine &engine, Database &db, Settings &settings, QObject *parent = nullptr);
    ~TradingCommands() override;

    // Services: "monitoring", "strategy", "scalping", "stoploss", "watchlist", "cleanup", "all".
    Result<QJsonObject> startService(const QString &name, const QString &actor);
    Result<QJsonObject> stopService(const QString &name, const QString &actor);
    QJsonObject serviceStatus() const;

    // Orders.
    Result<QJsonObject> buy(const BuyCommand &command, const QString &actor);
    Result<QJsonObject> sell(const SellCommand &command, const QString &actor);
    Result<QJsonObject> cancelOrder(qint64 orderId, const QString &actor);
    Result<QJsonObject> cancelAllOrders(const QString &actor);

    // Conditions (by id or name; "all") and strategies (by id, name or type).
    Result<QJsonObject> setConditionEnabled(const QString &condition, bool enabled, const QString &actor);
    Result<QJsonObject> setStrategyEnabled(const QString &strategy, bool enabled, const QString &actor);
    // Validated parameters (strategy.unknown / strategy.params errors); creates the strategy row
    // of that type if there is none.
    Result<QJsonObject> configureStrategy(const QString &type, const QJsonObject &parameters, const QString &actor);

    // Trading settings: {"auto_trade_enabled", "max_invest_amount", "stop_loss_rate",
    // "take_profit_rate", "trailing_stop_rate", "buy_order_type", ...} — validated, all or nothing.
    QJsonObject tradingSettings() const;
    Result<QJsonObject> updateTradingSettings(const QJsonObject &changes, const QString &actor);

    // Kill switch.
    Result<QJsonObject> engageKillSwitch(Trading::KillSwitchMode mode, const QString &reason, const QString &actor);
    Result<QJsonObject> resume(const QString &actor);

    // Watchlist.
    Result<QJsonObject> addToWatchlist(const QString &code, const QString &name, const QString &actor);
    Result<QJsonObject> removeFromWatchlist(const QString &code, const QString &actor);
    Result<QJsonObject> syncWatchlistNow(const QString &actor);

    // Reconcile with the broker now.
    Result<QJsonObject> reconcileNow(const QString &actor);

    static bool isUserActor(const QString &actor);

signals:
    // After every verb, refused ones included (the UI's status bar, the log dock).
    void commandExecuted(const QString &verb, const QString &actor, bool ok, const QString &message);

private:
    Result<QJsonObject> finish(
        const QString &verb, const QString &actor, const QJsonObject &arguments, Result<QJsonObject> result);

    TradingEngine &m_engine;
    Database &m_db;
    Settings &m_settings;
};
