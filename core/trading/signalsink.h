// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tradingtypes.h"

#include "common/result.h"
#include "storage/signalrepository.h"
#include "strategy/signal.h"

#include <QString>

#include <optional>

namespace Trading {

// A request to record a signal, from any source: the condition monitor (10-minute scan or a
// realtime condition hit), the strategy scanner, scalping, a user (UI) or a script (control API).
struct SignalRequest
{
    // pending_buy_signals (condition hits, manual/API buys) or strategy_signals (strategies, scalping).
    Storage::SignalKind kind = Storage::SignalKind::PendingBuy;
    // The dedupe key's origin: "condition:<id>", "strategy:<id>", "scalping:<id>",
    // "manual:<uuid>", "api:<uuid>" (manual and API buys are never deduped against each other).
    QString source;
    Side side = Side::Buy;
    QString code;
    QString name;
    QString signalType; // "BUY" / "SELL" (strategies), "reference_candle" (conditions), "manual"
    std::optional<qint64> conditionId; // auto_trade_conditions.id
    std::optional<qint64> strategyId; // trading_strategies.id (kind Strategy)
    Strategies::Signal signal; // the numbers, reason and reference-candle fields
    // Manual / API buys: what the user asked (empty = the trading settings).
    std::optional<qint64> quantity;
    std::optional<qint64> amount;
    std::optional<OrderType> orderType;
    std::optional<qint64> limitPrice;
    QString actor; // "service.condition_monitor", "ui", "api", ...
};

struct SignalOutcome
{
    Storage::SignalKind kind = Storage::SignalKind::PendingBuy;
    qint64 id = 0; // the stored signal (the earlier one for a duplicate)
    bool duplicate = false; // deduped: nothing new was recorded
    bool operator==(const SignalOutcome &) const = default;
};

} // namespace Trading

// ISignalSink: where every producer hands its signals — the SignalManager in the app, a fake in the
// producers' unit tests. submit() is synchronous: the signal is deduped and persisted (or refused
// with an Error) when it returns; acting on it (buying, exiting) happens later, elsewhere.
class ISignalSink
{
public:
    virtual ~ISignalSink() = default;
    virtual Result<Trading::SignalOutcome> submit(const Trading::SignalRequest &request) = 0;

protected:
    ISignalSink() = default;
    ISignalSink(const ISignalSink &) = default;
    ISignalSink &operator=(const ISignalSink &) = default;
};
