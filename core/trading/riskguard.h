// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "instrumentcache.h"
#include "tradingtypes.h"

#include <QCoreApplication>
#include <QtGlobal>

#include <optional>

class Settings;

namespace Trading {

// The risk limits, from Settings (risk/* and trading/feeRate). Amounts are integer KRW.
struct RiskLimits
{
    qint64 maxOrderAmount = 5'000'000; // one buy's amount
    qint64 maxDailyBuyAmount = 20'000'000; // bought + open buys + this buy, per trading day
    int maxOpenPositions = 5; // positions plus stocks with an open buy and no position
    qint64 dailyLossLimit = 1'000'000; // realized + unrealized loss that halts buys; 0 = off
    int entryCutoffMinutes = 10; // no buys in the last N minutes of the continuous session; 0 = off
    bool continuousOnly = true; // buys only in the continuous session (else also in the call auctions)
    double feeRatePercent = 0.015; // broker commission per side, added to a buy's cash need

    static RiskLimits fromSettings(const Settings &settings);
    bool operator==(const RiskLimits &) const = default;
};

// What the risk guard needs to know about the account, the stock and the clock for one order.
// The engine (AccountState, PositionKeeper, OrderRepository totals, InstrumentCache, KillSwitch)
// fills it; the defaults refuse (not reconciled, nothing known).
struct RiskContext
{
    qint64 nowMs = 0; // the market clock
    KillSwitchMode killSwitch = KillSwitchMode::Off;
    bool reconciled = false; // false → every order is refused ("risk.not_reconciled")
    bool stockBlocked = false; // an UNKNOWN order on this stock → refused ("risk.unknown_order")
    std::optional<InstrumentInfo> instrument; // the stock's limits today (InstrumentCache::get)
    qint64 orderableCash = 0; // estimate (AccountState)
    qint64 sellableQuantity = 0; // of this stock: held − in open sells
    // The stock already takes a slot in openPositions: a live position, or an open buy of it.
    bool holdsStock = false;
    int openPositions = 0; // live positions + stocks with open buy orders and no position
    qint64 buyFilledToday = 0; // OrderTotals.buyFilledAmount
    qint64 buyOpenAmount = 0; // OrderTotals.buyOpenAmount (open market buys at the upper limit)
    qint64 realizedToday = 0; // P&L, negative = loss
    qint64 unrealized = 0; // P&L of the open positions, negative = loss
};

} // namespace Trading

// RiskGuard: the rule check in front of every order, whatever its origin (services, the UI, the
// control API, the command line, the exits). It exists so that one bug or one bad signal cannot
// spend more than the user allowed, trade outside the session, or send a price the exchange would
// refuse: OrderManager::submit() asks it before an order is written or sent.
//
// check() is pure: no I/O, no clock, no state — the same intent, context and limits always give
// the same verdict. Every refusal carries its rule (the "risk.*" names of tradingtypes.h), one line
// for a trader with the numbers (KRW with thousands separators) and the numbers as JSON. The rules,
// in the order they are checked (the first that refuses answers):
//   risk.not_reconciled     any order while the engine is not reconciled with the broker
//   risk.unknown_order      any order of a stock with an order of unknown outcome
//   risk.quantity           quantity < 1
//   risk.kill_switch        a buy while the kill switch is not Off
//   risk.session            a buy outside the continuous session (or, with continuousOnly off,
//                           outside the regular order hours 08:30–15:30); a sell outside the
//                           regular order hours
//   risk.entry_cutoff       a buy in the last entryCutoffMinutes before the continuous session ends
//   risk.limits_unknown     a buy without today's limits of the stock (instrument missing, of
//                           another stock or day, or without limits)
//   risk.tick               a limit price ≤ 0 or off the KRX tick ladder of the instrument's kind
//   risk.price_limit        a limit price outside today's lower/upper limit (when known)
//   risk.sellable           a sell of more than the sellable quantity (long-only: every sell reduces)
//   risk.daily_loss_limit   a buy when realized + unrealized P&L ≤ −dailyLossLimit (limit reached)
//   risk.max_order_amount   a buy whose amount > maxOrderAmount
//   risk.daily_buy_amount   a buy when filled + open + this amount > maxDailyBuyAmount
//   risk.max_open_positions a buy of a stock without a slot when openPositions ≥ maxOpenPositions
//   risk.cash               a buy whose amount + fee (rounded up) > orderableCash
// A buy's amount is quantity × valuationPrice(): the limit price, or for a market buy the day's
// upper limit (what an open market buy counts in OrderTotals.buyOpenAmount and what the broker
// reserves). Sells are never refused by the amount, positions, loss or cutoff rules; without
// instrument data a sell skips the limit check and uses the share tick ladder.
// Thread: any (a value type without state).
class RiskGuard final
{
    Q_DECLARE_TR_FUNCTIONS(RiskGuard)

public:
    Trading::RiskVerdict check(const Trading::OrderIntent &intent, const Trading::RiskContext &context,
        const Trading::RiskLimits &limits) const;

    // The per-share price an order is valued at: a limit order's price; a market buy the upper
    // limit, a market sell the lower limit (0 when the instrument is not known). OrderManager
    // stores the same as orders.valuation_price.
    static qint64 valuationPrice(
        const Trading::OrderIntent &intent, const std::optional<Trading::InstrumentInfo> &instrument);
    // When the continuous session of the instant's trading day ends, or nothing on a closed day.
    // Krx's timetable of that date (special days included).
    static std::optional<qint64> continuousSessionEndMs(qint64 nowMs);
    // "1,234,567" (and "-1,234,567"): KRW as a trader reads it.
    static QString formatWon(qint64 amount);
};
