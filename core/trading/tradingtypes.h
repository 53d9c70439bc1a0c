// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/side.h"
#include "storage/records.h"
#include "storage/signalrepository.h"

#include <QJsonObject>
#include <QMetaType>
#include <QString>

#include <optional>

// Value types of the trading engine (core/trading): what a service or a user asks the order
// manager for (OrderIntent), the risk guard's answer (RiskVerdict), the kill switch's modes and a
// request to exit a held position (ExitRequest).
// Plain values, copied across threads (the UI and the control API see them through queued signals).
namespace Trading {

enum class OrderType
{
    Limit, // 지정가 (trde_tp 0): price on the tick, inside the day's limits
    Market, // 시장가 (trde_tp 3): no price on the wire
};
QString orderTypeText(OrderType type); // "LIMIT" / "MARKET"
std::optional<OrderType> orderTypeFromText(QStringView text);

// What a service or a user asks the OrderManager to place. A buy opens or adds to a position; a
// sell reduces one (exits carry the sell_orders row they fulfil).
struct OrderIntent
{
    Side side = Side::Buy;
    QString code;
    QString name;
    qint64 quantity = 0;
    OrderType type = OrderType::Limit;
    qint64 price = 0; // limit price (on the KRX tick); 0 for market orders
    // The per-share price the unfilled quantity is valued at by the risk totals while the order is
    // open: the limit price, or for a market buy the day's upper price limit (0 = price; the order
    // manager fills it in for market buys when it knows the limit).
    qint64 valuationPrice = 0;
    Storage::Origin origin = Storage::Origin::Manual;
    // pending_buy_signals.id (Condition, Manual, Api) or strategy_signals.id (Strategy, Scalping).
    std::optional<qint64> signalId;
    std::optional<qint64> positionId;
    std::optional<qint64> sellOrderId; // sell_orders.id an exit fulfils
    QString actor; // "service.buy_executor", "service.stop_loss", "ui", "api", "cli", ...
    QString clientOrderId; // optional: idempotency (the same id twice places one order)

    bool operator==(const OrderIntent &) const = default;
};

// The automated-trading settings (the seed's auto_trade_settings row, with the trailing stop): what
// the buy executor sizes automatic buys by and what protects a new position.
struct TradingSettings
{
    bool autoTradeEnabled = false;
    qint64 maxInvestAmount = 0; // KRW per automatic buy
    double stopLossRate = 0; // percent below the buy price (3.0 = −3 %); 0 = none
    double takeProfitRate = 0; // percent above the buy price; 0 = none
    double trailingStopRate = 0; // percent below the highest price since the buy; 0 = off

    bool operator==(const TradingSettings &) const = default;
};

// The risk guard's answer: allowed, or the rule that refused and the numbers it compared.
struct RiskVerdict
{
    bool allowed = true;
    // "risk.max_order_amount", "risk.daily_buy_amount", "risk.max_open_positions",
    // "risk.daily_loss_limit", "risk.session", "risk.entry_cutoff", "risk.tick", "risk.price_limit",
    // "risk.cash", "risk.sellable", "risk.kill_switch", "risk.limits_unknown", "risk.quantity",
    // "risk.not_reconciled", "risk.unknown_order", "risk.duplicate"
    QString rule;
    QString message; // one line a trader reads, with the numbers
    QJsonObject numbers; // {"amount": 5100000, "limit": 5000000, ...}

    static RiskVerdict allow() { return {}; }
    static RiskVerdict refuse(const QString &rule, const QString &message, const QJsonObject &numbers = {})
    {
        return { false, rule, message, numbers };
    }
    bool operator==(const RiskVerdict &) const = default;
};

// Kill switch (긴급 정지) modes, from the mildest:
//   Off           normal trading
//   NoNewEntries  no buy may be placed; sells and exits go on
//   ReduceOnly    only sells of held quantity (nothing that would open or grow a position)
//   CancelAll     ReduceOnly, and every open order is cancelled when the mode is entered
//   FlattenAll    CancelAll, and every position is sold at market
// Entered by anyone (a user, the API, a risk rule); resumed (→ Off) only by a user actor.
enum class KillSwitchMode
{
    Off,
    NoNewEntries,
    ReduceOnly,
    CancelAll,
    FlattenAll,
};
QString killSwitchModeText(KillSwitchMode mode); // "OFF", "NO_NEW_ENTRIES", "REDUCE_ONLY", "CANCEL_ALL", "FLATTEN_ALL"
std::optional<KillSwitchMode> killSwitchModeFromText(QStringView text);
// Whether the mode lets a new buy through.
bool allowsEntries(KillSwitchMode mode);

// A request to sell a held position through the exit path (the StopLossManager places it as it places
// stop-loss and take-profit sells: the whole sellable quantity, sell_orders with the reason, never
// twice while a sell works). The SignalManager raises one for a strategy's sell signal on a stock
// with a live position; signalKind/signalId name the signal it fulfils.
struct ExitRequest
{
    QString code;
    Storage::SellReason reason = Storage::SellReason::Strategy;
    QString detail; // sell_orders.sell_reason_detail: the strategy's reason ("rsi.overbought_turning_down: ...")
    std::optional<Storage::SignalKind> signalKind;
    std::optional<qint64> signalId;
    QString actor; // who asked: "service.strategy_scanner", "ui", ...
    qint64 quantity = 0; // 0 = the whole held quantity

    bool operator==(const ExitRequest &) const = default;
};

} // namespace Trading

Q_DECLARE_METATYPE(Trading::ExitRequest)
Q_DECLARE_METATYPE(Trading::OrderIntent)
Q_DECLARE_METATYPE(Trading::RiskVerdict)
Q_DECLARE_METATYPE(Trading::KillSwitchMode)
