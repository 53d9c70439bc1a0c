// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/settings.h"
#include "market/krx.h"
#include "trading/riskguard.h"

#include <QTemporaryDir>
#include <QtTest>

#include <functional>
#include <limits>

using namespace Trading;

namespace {

const QDate DAY(2025, 3, 14); // a Friday, a KRX trading day
const QString CODE = QStringLiteral("005930");

qint64 at(int h, int m, int s = 0, const QDate &date = DAY)
{
    return Krx::fromKst(date, QTime(h, m, s));
}

InstrumentInfo instrument(qint64 base = 10'000, Krx::Instrument kind = Krx::Instrument::Stock)
{
    InstrumentInfo i;
    i.code = CODE;
    i.name = QStringLiteral("삼성전자");
    i.tradingDate = DAY.toString(Qt::ISODate);
    i.basePrice = base;
    const Krx::PriceLimits l = Krx::priceLimits(base, 30.0, kind);
    i.upperLimit = l.upper; // 13,000 for 10,000
    i.lowerLimit = l.lower; // 7,000
    i.price = base;
    i.kind = kind;
    return i;
}

// One order and its world: a limit buy of 100 × 10,000 at 10:00 on a trading day, reconciled,
// 10,000,000 KRW orderable, nothing bought yet, no positions. Each row changes what it tests.
struct Scenario
{
    OrderIntent intent;
    RiskContext context;
    RiskLimits limits;
};

Scenario baseBuy()
{
    Scenario s;
    s.intent.side = Side::Buy;
    s.intent.code = CODE;
    s.intent.quantity = 100;
    s.intent.type = OrderType::Limit;
    s.intent.price = 10'000;
    s.intent.actor = QStringLiteral("service.buy_executor");
    s.context.nowMs = at(10, 0);
    s.context.reconciled = true;
    s.context.instrument = instrument();
    s.context.orderableCash = 10'000'000;
    return s;
}

Scenario baseSell()
{
    Scenario s = baseBuy();
    s.intent.side = Side::Sell;
    s.intent.actor = QStringLiteral("service.stop_loss");
    s.context.sellableQuantity = 100;
    s.context.holdsStock = true;
    s.context.openPositions = 1;
    s.context.orderableCash = 0;
    return s;
}

void market(Scenario &s)
{
    s.intent.type = OrderType::Market;
    s.intent.price = 0;
}

struct Row
{
    QByteArray name;
    std::function<Scenario()> make;
    QString rule; // empty: allowed
};

// Row builders: start from a base, apply a change.
Row buy(const QByteArray &name, QString rule, std::function<void(Scenario &)> change = {})
{
    return { name,
        [change] {
            Scenario s = baseBuy();
            if (change)
                change(s);
            return s;
        },
        std::move(rule) };
}

Row sell(const QByteArray &name, QString rule, std::function<void(Scenario &)> change = {})
{
    return { name,
        [change] {
            Scenario s = baseSell();
            if (change)
                change(s);
            return s;
        },
        std::move(rule) };
}

const QString OK;
const QString NOT_RECONCILED = QStringLiteral("risk.not_reconciled");
const QString UNKNOWN_ORDER = QStringLiteral("risk.unknown_order");
const QString QUANTITY = QStringLiteral("risk.quantity");
const QString KILL = QStringLiteral("risk.kill_switch");
const QString SESSION = QStringLiteral("risk.session");
const QString CUTOFF = QStringLiteral("risk.entry_cutoff");
const QString LIMITS_UNKNOWN = QStringLiteral("risk.limits_unknown");
const QString TICK = QStringLiteral("risk.tick");
const QString PRICE_LIMIT = QStringLiteral("risk.price_limit");
const QString SELLABLE = QStringLiteral("risk.sellable");
const QString LOSS = QStringLiteral("risk.daily_loss_limit");
const QString ORDER_AMOUNT = QStringLiteral("risk.max_order_amount");
const QString DAILY_BUY = QStringLiteral("risk.daily_buy_amount");
const QString POSITIONS = QStringLiteral("risk.max_open_positions");
const QString CASH = QStringLiteral("risk.cash");

QList<Row> rows()
{
    using S = Scenario;
    const qint64 INT64_MAX_ = std::numeric_limits<qint64>::max();
    QList<Row> r;

    // Baselines.
    r << buy("buy limit: allowed", OK);
    r << buy("buy market: allowed (1,300,000 at the upper limit)", OK, [](S &s) { market(s); });
    r << sell("sell limit: allowed", OK);
    r << sell("sell market: allowed", OK, [](S &s) { market(s); });
    r << buy("buy of 1 share", OK, [](S &s) { s.intent.quantity = 1; });

    // Not reconciled: everything refused, also sells and before every other rule.
    r << buy("buy not reconciled", NOT_RECONCILED, [](S &s) { s.context.reconciled = false; });
    r << sell("sell not reconciled", NOT_RECONCILED, [](S &s) { s.context.reconciled = false; });
    r << buy("not reconciled wins over the kill switch", NOT_RECONCILED, [](S &s) {
        s.context.reconciled = false;
        s.context.killSwitch = KillSwitchMode::FlattenAll;
    });
    r << buy("default context refuses", NOT_RECONCILED, [](S &s) { s.context = RiskContext {}; });

    // Unknown order on the stock.
    r << buy("buy with an unknown order", UNKNOWN_ORDER, [](S &s) { s.context.stockBlocked = true; });
    r << sell("sell with an unknown order", UNKNOWN_ORDER, [](S &s) { s.context.stockBlocked = true; });

    // Quantity.
    r << buy("buy quantity 0", QUANTITY, [](S &s) { s.intent.quantity = 0; });
    r << buy("buy quantity -1", QUANTITY, [](S &s) { s.intent.quantity = -1; });
    r << sell("sell quantity 0", QUANTITY, [](S &s) { s.intent.quantity = 0; });
    r << sell("market sell quantity 0", QUANTITY, [](S &s) {
        market(s);
        s.intent.quantity = 0;
    });

    // Kill switch: every mode, buy (limit, market) and sell.
    const std::pair<const char *, KillSwitchMode> modes[] = {
        { "NoNewEntries", KillSwitchMode::NoNewEntries },
        { "ReduceOnly", KillSwitchMode::ReduceOnly },
        { "CancelAll", KillSwitchMode::CancelAll },
        { "FlattenAll", KillSwitchMode::FlattenAll },
    };
    r << buy("kill Off: buy", OK, [](S &s) { s.context.killSwitch = KillSwitchMode::Off; });
    r << sell("kill Off: sell", OK, [](S &s) { s.context.killSwitch = KillSwitchMode::Off; });
    for (const auto &[label, mode] : modes) {
        const QByteArray kill = QByteArray("kill ") + label;
        const KillSwitchMode m = mode;
        r << buy(kill + ": buy limit", KILL, [m](S &s) { s.context.killSwitch = m; });
        r << buy(kill + ": buy market", KILL, [m](S &s) {
            s.context.killSwitch = m;
            market(s);
        });
        r << sell(kill + ": sell limit", OK, [m](S &s) { s.context.killSwitch = m; });
        r << sell(kill + ": sell market", OK, [m](S &s) {
            s.context.killSwitch = m;
            market(s);
        });
        r << sell(kill + ": sell beyond holdings", SELLABLE, [m](S &s) {
            s.context.killSwitch = m;
            s.intent.quantity = 101;
        });
    }

    // Session (continuous only, the default): 09:00 opens, 15:20 closes.
    r << buy("buy 08:59:59 (opening auction)", SESSION, [](S &s) { s.context.nowMs = at(8, 59, 59); });
    r << buy("buy 09:00:00", OK, [](S &s) { s.context.nowMs = at(9, 0); });
    r << buy("buy 08:30 pre-market", SESSION, [](S &s) { s.context.nowMs = at(8, 30); });
    r << buy("buy 07:00", SESSION, [](S &s) { s.context.nowMs = at(7, 0); });
    r << buy("buy 15:20:00 (closing auction, cutoff off)", SESSION, [](S &s) {
        s.context.nowMs = at(15, 20);
        s.limits.entryCutoffMinutes = 0;
    });
    r << buy("buy 15:19:59 (cutoff off)", OK, [](S &s) {
        s.context.nowMs = at(15, 19, 59);
        s.limits.entryCutoffMinutes = 0;
    });
    r << buy("buy 16:30 after hours", SESSION, [](S &s) { s.context.nowMs = at(16, 30); });
    r << buy("buy Saturday 10:00", SESSION, [](S &s) { s.context.nowMs = at(10, 0, 0, QDate(2025, 3, 15)); });
    r << buy("buy holiday 2025-03-03 10:00", SESSION, [](S &s) { s.context.nowMs = at(10, 0, 0, QDate(2025, 3, 3)); });
    r << buy("market buy 08:59:59", SESSION, [](S &s) {
        market(s);
        s.context.nowMs = at(8, 59, 59);
    });
    // continuousOnly off: the regular order hours 08:30–15:30 (the cutoff still applies).
    r << buy("auctions allowed: buy 08:29:59", SESSION, [](S &s) {
        s.limits.continuousOnly = false;
        s.context.nowMs = at(8, 29, 59);
    });
    r << buy("auctions allowed: buy 08:30", OK, [](S &s) {
        s.limits.continuousOnly = false;
        s.context.nowMs = at(8, 30);
    });
    r << buy("auctions allowed: buy 08:45 opening auction", OK, [](S &s) {
        s.limits.continuousOnly = false;
        s.context.nowMs = at(8, 45);
    });
    r << buy("auctions allowed: buy 15:25 closing auction, cutoff 10", CUTOFF, [](S &s) {
        s.limits.continuousOnly = false;
        s.context.nowMs = at(15, 25);
    });
    r << buy("auctions allowed: buy 15:25 closing auction, cutoff off", OK, [](S &s) {
        s.limits.continuousOnly = false;
        s.limits.entryCutoffMinutes = 0;
        s.context.nowMs = at(15, 25);
    });
    r << buy("auctions allowed: buy 15:30", SESSION, [](S &s) {
        s.limits.continuousOnly = false;
        s.limits.entryCutoffMinutes = 0;
        s.context.nowMs = at(15, 30);
    });
    // Sells: the regular order hours 08:30–15:30.
    r << sell("sell 08:29:59", SESSION, [](S &s) { s.context.nowMs = at(8, 29, 59); });
    r << sell("sell 08:30 pre-market", OK, [](S &s) { s.context.nowMs = at(8, 30); });
    r << sell("sell 08:45 opening auction", OK, [](S &s) { s.context.nowMs = at(8, 45); });
    r << sell("sell 15:15 inside the cutoff", OK, [](S &s) { s.context.nowMs = at(15, 15); });
    r << sell("sell 15:25 closing auction", OK, [](S &s) { s.context.nowMs = at(15, 25); });
    r << sell("market sell 15:29:59", OK, [](S &s) {
        market(s);
        s.context.nowMs = at(15, 29, 59);
    });
    r << sell("sell 15:30:00", SESSION, [](S &s) { s.context.nowMs = at(15, 30); });
    r << sell("sell Saturday 10:00", SESSION, [](S &s) { s.context.nowMs = at(10, 0, 0, QDate(2025, 3, 15)); });

    // Entry cutoff (10 minutes before 15:20 = from 15:10:00).
    r << buy("buy 15:09:59 (just before the cutoff)", OK, [](S &s) { s.context.nowMs = at(15, 9, 59); });
    r << buy("buy 15:10:00 (cutoff starts)", CUTOFF, [](S &s) { s.context.nowMs = at(15, 10); });
    r << buy("buy 15:19:59 (inside the cutoff)", CUTOFF, [](S &s) { s.context.nowMs = at(15, 19, 59); });
    r << buy("market buy 15:10:00", CUTOFF, [](S &s) {
        market(s);
        s.context.nowMs = at(15, 10);
    });
    r << buy("cutoff 30: buy 14:49:59", OK, [](S &s) {
        s.limits.entryCutoffMinutes = 30;
        s.context.nowMs = at(14, 49, 59);
    });
    r << buy("cutoff 30: buy 14:50:00", CUTOFF, [](S &s) {
        s.limits.entryCutoffMinutes = 30;
        s.context.nowMs = at(14, 50);
    });

    // Instrument data.
    r << buy("buy without instrument", LIMITS_UNKNOWN, [](S &s) { s.context.instrument.reset(); });
    r << buy("market buy without instrument", LIMITS_UNKNOWN, [](S &s) {
        market(s);
        s.context.instrument.reset();
    });
    r << buy("buy with yesterday's instrument", LIMITS_UNKNOWN,
        [](S &s) { s.context.instrument->tradingDate = QStringLiteral("2025-03-13"); });
    r << buy("buy with another stock's instrument", LIMITS_UNKNOWN,
        [](S &s) { s.context.instrument->code = QStringLiteral("000660"); });
    r << buy(
        "buy with an instrument without limits", LIMITS_UNKNOWN, [](S &s) { s.context.instrument->upperLimit = 0; });
    r << buy("buy with inverted limits", LIMITS_UNKNOWN, [](S &s) {
        s.context.instrument->upperLimit = 7'000;
        s.context.instrument->lowerLimit = 13'000;
    });
    r << sell("sell without instrument", OK, [](S &s) { s.context.instrument.reset(); });
    r << sell("market sell without instrument", OK, [](S &s) {
        market(s);
        s.context.instrument.reset();
    });
    r << sell("sell without instrument, off the share ladder", TICK, [](S &s) {
        s.context.instrument.reset();
        s.intent.price = 10'003;
    });
    r << sell("sell with yesterday's limits: limit check skipped", OK, [](S &s) {
        s.context.instrument->tradingDate = QStringLiteral("2025-03-13");
        s.context.instrument->upperLimit = 9'000;
    });

    // Tick ladder (share 5,000–20,000: 10 won; 2,000–5,000: 5 won).
    r << buy("buy 10,010 on tick", OK, [](S &s) { s.intent.price = 10'010; });
    r << buy("buy 10,005 off tick", TICK, [](S &s) { s.intent.price = 10'005; });
    r << buy("buy 10,001 off tick", TICK, [](S &s) { s.intent.price = 10'001; });
    r << buy("limit buy at price 0", TICK, [](S &s) { s.intent.price = 0; });
    r << buy("limit buy at a negative price", TICK, [](S &s) { s.intent.price = -10'000; });
    r << buy("band edge: 4,995 on the 5-won tick", OK, [](S &s) {
        s.context.instrument = instrument(5'000);
        s.intent.price = 4'995;
    });
    r << buy("band edge: 5,005 off the 10-won tick", TICK, [](S &s) {
        s.context.instrument = instrument(5'000);
        s.intent.price = 5'005;
    });
    r << buy("band edge: 5,010", OK, [](S &s) {
        s.context.instrument = instrument(5'000);
        s.intent.price = 5'010;
    });
    r << buy("market buy ignores the price field", OK, [](S &s) {
        market(s);
        s.intent.price = 10'003;
    });
    r << sell("sell 10,005 off tick", TICK, [](S &s) { s.intent.price = 10'005; });
    // ETF/ETN: a 5-won tick where shares have 10.
    r << buy("ETF buy 10,005 on its tick", OK, [](S &s) {
        s.context.instrument = instrument(10'000, Krx::Instrument::Etf);
        s.intent.price = 10'005;
    });
    r << buy("ETF buy 10,003 off its tick", TICK, [](S &s) {
        s.context.instrument = instrument(10'000, Krx::Instrument::Etf);
        s.intent.price = 10'003;
    });
    r << sell("ETF sell 10,005 on its tick", OK, [](S &s) {
        s.context.instrument = instrument(10'000, Krx::Instrument::Etf);
        s.intent.price = 10'005;
    });
    r << buy("same price for a share is off tick", TICK, [](S &s) { s.intent.price = 10'005; });

    // Daily price limits 7,000 – 13,000.
    r << buy("buy at the upper limit 13,000", OK, [](S &s) { s.intent.price = 13'000; });
    r << buy("buy one tick above the upper limit", PRICE_LIMIT, [](S &s) { s.intent.price = 13'010; });
    r << buy("buy at the lower limit 7,000", OK, [](S &s) { s.intent.price = 7'000; });
    r << buy("buy one tick below the lower limit", PRICE_LIMIT, [](S &s) { s.intent.price = 6'990; });
    r << sell("sell one tick above the upper limit", PRICE_LIMIT, [](S &s) { s.intent.price = 13'010; });
    r << sell("sell one tick below the lower limit", PRICE_LIMIT, [](S &s) { s.intent.price = 6'990; });
    r << sell("sell at the lower limit", OK, [](S &s) { s.intent.price = 7'000; });

    // Sellable holdings.
    r << sell("sell 99 of 100", OK, [](S &s) { s.intent.quantity = 99; });
    r << sell("sell 100 of 100", OK, [](S &s) { s.intent.quantity = 100; });
    r << sell("sell 101 of 100", SELLABLE, [](S &s) { s.intent.quantity = 101; });
    r << sell("market sell 101 of 100", SELLABLE, [](S &s) {
        market(s);
        s.intent.quantity = 101;
    });
    r << sell("sell with nothing sellable", SELLABLE, [](S &s) { s.context.sellableQuantity = 0; });
    r << sell("sell of an absurd quantity", SELLABLE, [INT64_MAX_](S &s) { s.intent.quantity = INT64_MAX_; });

    // Daily loss limit 1,000,000 (reached at a loss of exactly the limit).
    r << buy("loss 999,999", OK, [](S &s) { s.context.realizedToday = -999'999; });
    r << buy("loss 1,000,000", LOSS, [](S &s) { s.context.realizedToday = -1'000'000; });
    r << buy("loss 1,000,001", LOSS, [](S &s) { s.context.realizedToday = -1'000'001; });
    r << buy("loss 1,000,000 realized + unrealized", LOSS, [](S &s) {
        s.context.realizedToday = -600'000;
        s.context.unrealized = -400'000;
    });
    r << buy("unrealized loss only", LOSS, [](S &s) { s.context.unrealized = -1'200'000; });
    r << buy("gain offsets loss", OK, [](S &s) {
        s.context.realizedToday = 500'000;
        s.context.unrealized = -1'400'000;
    });
    r << buy("market buy at the loss limit", LOSS, [](S &s) {
        market(s);
        s.context.realizedToday = -1'000'000;
    });
    r << buy("loss limit off", OK, [](S &s) {
        s.limits.dailyLossLimit = 0;
        s.context.realizedToday = -50'000'000;
    });
    r << sell("sell at the loss limit", OK, [](S &s) {
        s.context.realizedToday = -600'000;
        s.context.unrealized = -2'000'000;
    });

    // Per-order amount 5,000,000 (limit price; market buys at the upper limit 13,000).
    r << buy("amount 4,990,000", OK, [](S &s) { s.intent.quantity = 499; });
    r << buy("amount 5,000,000", OK, [](S &s) { s.intent.quantity = 500; });
    r << buy("amount 5,010,000", ORDER_AMOUNT, [](S &s) { s.intent.quantity = 501; });
    r << buy("amount 5,005,000 (500 × 10,010)", ORDER_AMOUNT, [](S &s) {
        s.intent.quantity = 500;
        s.intent.price = 10'010;
    });
    r << buy("market 384 × 13,000 = 4,992,000", OK, [](S &s) {
        market(s);
        s.intent.quantity = 384;
    });
    r << buy("market 385 × 13,000 = 5,005,000", ORDER_AMOUNT, [](S &s) {
        market(s);
        s.intent.quantity = 385;
    });
    r << buy("absurd quantity saturates", ORDER_AMOUNT, [INT64_MAX_](S &s) { s.intent.quantity = INT64_MAX_; });
    r << sell("sell of 10,000,000 is not an entry", OK, [](S &s) {
        s.intent.quantity = 1'000;
        s.context.sellableQuantity = 1'000;
    });

    // Per-day buys 20,000,000 = filled + open + this (1,000,000; market 1,300,000).
    r << buy("day 19,999,999", OK, [](S &s) {
        s.context.buyFilledToday = 10'000'000;
        s.context.buyOpenAmount = 8'999'999;
    });
    r << buy("day 20,000,000", OK, [](S &s) {
        s.context.buyFilledToday = 10'000'000;
        s.context.buyOpenAmount = 9'000'000;
    });
    r << buy("day 20,000,001", DAILY_BUY, [](S &s) {
        s.context.buyFilledToday = 10'000'000;
        s.context.buyOpenAmount = 9'000'001;
    });
    r << buy("day: filled alone over", DAILY_BUY, [](S &s) { s.context.buyFilledToday = 19'000'001; });
    r << buy("day: open alone over", DAILY_BUY, [](S &s) { s.context.buyOpenAmount = 19'000'001; });
    r << buy("day market 20,000,000", OK, [](S &s) {
        market(s);
        s.context.buyFilledToday = 10'000'000;
        s.context.buyOpenAmount = 8'700'000;
    });
    r << buy("day market 20,000,001", DAILY_BUY, [](S &s) {
        market(s);
        s.context.buyFilledToday = 10'000'000;
        s.context.buyOpenAmount = 8'700'001;
    });
    r << buy("day totals saturate", DAILY_BUY, [INT64_MAX_](S &s) {
        s.context.buyFilledToday = INT64_MAX_;
        s.context.buyOpenAmount = INT64_MAX_;
    });
    r << sell("sell after a full day of buys", OK, [](S &s) { s.context.buyFilledToday = 30'000'000; });

    // Open positions (limit 5) for a stock without a slot.
    r << buy("positions 4 of 5", OK, [](S &s) { s.context.openPositions = 4; });
    r << buy("positions 5 of 5", POSITIONS, [](S &s) { s.context.openPositions = 5; });
    r << buy("positions 6 of 5", POSITIONS, [](S &s) { s.context.openPositions = 6; });
    r << buy("positions 5 of 5, adding to a held stock", OK, [](S &s) {
        s.context.openPositions = 5;
        s.context.holdsStock = true;
    });
    r << buy("market buy, positions 5 of 5", POSITIONS, [](S &s) {
        market(s);
        s.context.openPositions = 5;
    });
    r << sell("sell with 6 of 5 positions", OK, [](S &s) { s.context.openPositions = 6; });

    // Orderable cash: amount + fee 0.015% rounded up (1,000,000 → 150; 1,300,000 → 195).
    r << buy("cash 1,000,150", OK, [](S &s) { s.context.orderableCash = 1'000'150; });
    r << buy("cash 1,000,149", CASH, [](S &s) { s.context.orderableCash = 1'000'149; });
    r << buy("cash 1,000,000 without fee", CASH, [](S &s) { s.context.orderableCash = 1'000'000; });
    r << buy("fee rate 0: cash 1,000,000", OK, [](S &s) {
        s.limits.feeRatePercent = 0;
        s.context.orderableCash = 1'000'000;
    });
    r << buy("market cash 1,300,195", OK, [](S &s) {
        market(s);
        s.context.orderableCash = 1'300'195;
    });
    r << buy("market cash 1,300,194", CASH, [](S &s) {
        market(s);
        s.context.orderableCash = 1'300'194;
    });
    r << buy("fee rounds up: 10,010 needs 10,012", OK, [](S &s) {
        s.intent.quantity = 1;
        s.intent.price = 10'010;
        s.context.orderableCash = 10'012;
    });
    r << buy("fee rounds up: 10,011 is short", CASH, [](S &s) {
        s.intent.quantity = 1;
        s.intent.price = 10'010;
        s.context.orderableCash = 10'011;
    });
    r << buy("fee exact despite floating point: 10,000 × 0.07% = 7", OK, [](S &s) {
        s.limits.feeRatePercent = 0.07; // 10000 * 0.07 / 100 = 7.000000000000001 in double
        s.intent.quantity = 1;
        s.context.orderableCash = 10'007;
    });
    r << buy("negative cash", CASH, [](S &s) { s.context.orderableCash = -1; });
    r << sell("sell without cash", OK, [](S &s) { s.context.orderableCash = 0; });

    // Which rule answers when several refuse.
    r << buy("kill switch before session", KILL, [](S &s) {
        s.context.killSwitch = KillSwitchMode::NoNewEntries;
        s.context.nowMs = at(20, 0);
    });
    r << buy("session before limits unknown", SESSION, [](S &s) {
        s.context.nowMs = at(20, 0);
        s.context.instrument.reset();
    });
    r << buy("loss before amount", LOSS, [](S &s) {
        s.context.realizedToday = -2'000'000;
        s.intent.quantity = 1'000;
    });
    r << buy("amount before cash", ORDER_AMOUNT, [](S &s) {
        s.intent.quantity = 1'000;
        s.context.orderableCash = 0;
    });
    return r;
}

const QList<Row> &table()
{
    static const QList<Row> t = rows();
    return t;
}

const QStringList KNOWN_RULES = { NOT_RECONCILED, UNKNOWN_ORDER, QUANTITY, KILL, SESSION, CUTOFF, LIMITS_UNKNOWN, TICK,
    PRICE_LIMIT, SELLABLE, LOSS, ORDER_AMOUNT, DAILY_BUY, POSITIONS, CASH };

} // namespace

class TestRiskGuard final : public QObject
{
    Q_OBJECT

private slots:
    void rules_data()
    {
        QTest::addColumn<int>("index");
        for (int i = 0; i < table().size(); ++i)
            QTest::newRow(table()[i].name.constData()) << i;
    }
    void rules()
    {
        QFETCH(int, index);
        const Row &row = table()[index];
        const Scenario s = row.make();
        const RiskGuard guard;
        const RiskVerdict v = guard.check(s.intent, s.context, s.limits);
        QCOMPARE(v.rule, row.rule);
        QCOMPARE(v.allowed, row.rule.isEmpty());
        if (v.allowed) {
            QVERIFY(v.message.isEmpty());
            QVERIFY(v.numbers.isEmpty());
        } else {
            QVERIFY(KNOWN_RULES.contains(v.rule));
            QVERIFY(!v.message.isEmpty());
            QVERIFY2(!v.message.contains(QLatin1Char('%')), qPrintable(v.message)); // every %n filled
            QVERIFY(!v.message.contains(QLatin1Char('\n')));
            QVERIFY(!v.numbers.isEmpty());
        }
        // Pure: the same question gives the same answer.
        QCOMPARE(guard.check(s.intent, s.context, s.limits), v);
    }

    void messagesCarryTheNumbers()
    {
        const RiskGuard guard;
        Scenario s = baseBuy();
        s.intent.quantity = 501;
        RiskVerdict v = guard.check(s.intent, s.context, s.limits);
        QCOMPARE(v.rule, ORDER_AMOUNT);
        QVERIFY2(v.message.contains(u"5,010,000") && v.message.contains(u"5,000,000") && v.message.contains(u"501"),
            qPrintable(v.message));
        QCOMPARE(v.numbers.value(u"amount").toInteger(), 5'010'000);
        QCOMPARE(v.numbers.value(u"limit").toInteger(), 5'000'000);
        QCOMPARE(v.numbers.value(u"quantity").toInteger(), 501);
        QCOMPARE(v.numbers.value(u"price").toInteger(), 10'000);
        QCOMPARE(v.numbers.value(u"priceBasis").toString(), QStringLiteral("limit"));

        // A market buy is valued at the upper limit, and says so.
        s = baseBuy();
        market(s);
        s.intent.quantity = 385;
        v = guard.check(s.intent, s.context, s.limits);
        QCOMPARE(v.rule, ORDER_AMOUNT);
        QVERIFY2(
            v.message.contains(u"5,005,000") && v.message.contains(u"13,000") && v.message.contains(u"upper limit"),
            qPrintable(v.message));
        QCOMPARE(v.numbers.value(u"price").toInteger(), 13'000);
        QCOMPARE(v.numbers.value(u"priceBasis").toString(), QStringLiteral("upper_limit"));

        s = baseBuy();
        s.context.buyFilledToday = 10'000'000;
        s.context.buyOpenAmount = 9'500'000;
        v = guard.check(s.intent, s.context, s.limits);
        QCOMPARE(v.rule, DAILY_BUY);
        QVERIFY2(
            v.message.contains(u"20,500,000") && v.message.contains(u"9,500,000") && v.message.contains(u"20,000,000"),
            qPrintable(v.message));
        QCOMPARE(v.numbers.value(u"total").toInteger(), 20'500'000);
        QCOMPARE(v.numbers.value(u"filled").toInteger(), 10'000'000);
        QCOMPARE(v.numbers.value(u"open").toInteger(), 9'500'000);

        s = baseBuy();
        s.context.orderableCash = 1'000'149;
        v = guard.check(s.intent, s.context, s.limits);
        QCOMPARE(v.rule, CASH);
        QVERIFY2(v.message.contains(u"1,000,150") && v.message.contains(u"1,000,149"), qPrintable(v.message));
        QCOMPARE(v.numbers.value(u"fee").toInteger(), 150);
        QCOMPARE(v.numbers.value(u"need").toInteger(), 1'000'150);
        QCOMPARE(v.numbers.value(u"orderableCash").toInteger(), 1'000'149);

        s = baseBuy();
        s.context.realizedToday = -600'000;
        s.context.unrealized = -400'000;
        v = guard.check(s.intent, s.context, s.limits);
        QCOMPARE(v.rule, LOSS);
        QVERIFY2(v.message.contains(u"-1,000,000") && v.message.contains(u"-600,000"), qPrintable(v.message));
        QCOMPARE(v.numbers.value(u"pnl").toInteger(), -1'000'000);

        s = baseBuy();
        s.intent.price = 10'005;
        v = guard.check(s.intent, s.context, s.limits);
        QCOMPARE(v.rule, TICK);
        QVERIFY2(v.message.contains(u"10,005") && v.message.contains(u"10,000") && v.message.contains(u"10,010"),
            qPrintable(v.message));
        QCOMPARE(v.numbers.value(u"tick").toInteger(), 10);

        s = baseBuy();
        s.intent.price = 13'010;
        v = guard.check(s.intent, s.context, s.limits);
        QCOMPARE(v.rule, PRICE_LIMIT);
        QVERIFY2(v.message.contains(u"7,000") && v.message.contains(u"13,000"), qPrintable(v.message));
        QCOMPARE(v.numbers.value(u"upper").toInteger(), 13'000);

        s = baseBuy();
        s.context.nowMs = at(15, 12);
        v = guard.check(s.intent, s.context, s.limits);
        QCOMPARE(v.rule, CUTOFF);
        QVERIFY2(v.message.contains(u"15:10") && v.message.contains(u"15:20") && v.message.contains(u"15:12"),
            qPrintable(v.message));
        QCOMPARE(v.numbers.value(u"cutoffMs").toInteger(), at(15, 10));
        QCOMPARE(v.numbers.value(u"sessionEndMs").toInteger(), at(15, 20));

        s = baseBuy();
        s.context.nowMs = at(8, 45);
        v = guard.check(s.intent, s.context, s.limits);
        QCOMPARE(v.rule, SESSION);
        QVERIFY2(v.message.contains(u"08:45"), qPrintable(v.message));
        QCOMPARE(v.numbers.value(u"session").toString(), QStringLiteral("opening_auction"));

        s = baseBuy();
        s.context.killSwitch = KillSwitchMode::ReduceOnly;
        v = guard.check(s.intent, s.context, s.limits);
        QCOMPARE(v.numbers.value(u"mode").toString(), QStringLiteral("REDUCE_ONLY"));

        s = baseSell();
        s.intent.quantity = 1'500;
        v = guard.check(s.intent, s.context, s.limits);
        QCOMPARE(v.rule, SELLABLE);
        QVERIFY2(v.message.contains(u"1,500") && v.message.contains(u"100"), qPrintable(v.message));
        QCOMPARE(v.numbers.value(u"sellable").toInteger(), 100);

        s = baseBuy();
        s.context.openPositions = 5;
        v = guard.check(s.intent, s.context, s.limits);
        QCOMPARE(v.numbers.value(u"openPositions").toInteger(), 5);
        QCOMPARE(v.numbers.value(u"limit").toInteger(), 5);
    }

    void formatWon_data()
    {
        QTest::addColumn<qint64>("amount");
        QTest::addColumn<QString>("text");
        QTest::newRow("0") << qint64(0) << QStringLiteral("0");
        QTest::newRow("999") << qint64(999) << QStringLiteral("999");
        QTest::newRow("1,000") << qint64(1000) << QStringLiteral("1,000");
        QTest::newRow("100,000") << qint64(100000) << QStringLiteral("100,000");
        QTest::newRow("1,234,567") << qint64(1234567) << QStringLiteral("1,234,567");
        QTest::newRow("-1,000") << qint64(-1000) << QStringLiteral("-1,000");
        QTest::newRow("-999") << qint64(-999) << QStringLiteral("-999");
        QTest::newRow("max") << std::numeric_limits<qint64>::max() << QStringLiteral("9,223,372,036,854,775,807");
        QTest::newRow("min") << std::numeric_limits<qint64>::min() << QStringLiteral("-9,223,372,036,854,775,808");
    }
    void formatWon()
    {
        QFETCH(qint64, amount);
        QFETCH(QString, text);
        QCOMPARE(RiskGuard::formatWon(amount), text);
    }

    void valuationPrice()
    {
        OrderIntent intent;
        intent.quantity = 1;
        intent.price = 10'010;
        const std::optional<InstrumentInfo> info = instrument();
        QCOMPARE(RiskGuard::valuationPrice(intent, info), qint64(10'010));
        QCOMPARE(RiskGuard::valuationPrice(intent, std::nullopt), qint64(10'010));
        intent.type = OrderType::Market;
        intent.price = 0;
        QCOMPARE(RiskGuard::valuationPrice(intent, info), qint64(13'000));
        QCOMPARE(RiskGuard::valuationPrice(intent, std::nullopt), qint64(0));
        intent.side = Side::Sell;
        QCOMPARE(RiskGuard::valuationPrice(intent, info), qint64(7'000));
    }

    void continuousSessionEnd()
    {
        QCOMPARE(RiskGuard::continuousSessionEndMs(at(10, 0)), std::optional<qint64>(at(15, 20)));
        QCOMPARE(RiskGuard::continuousSessionEndMs(at(0, 0)), std::optional<qint64>(at(15, 20)));
        QCOMPARE(RiskGuard::continuousSessionEndMs(at(23, 59, 59)), std::optional<qint64>(at(15, 20)));
        QVERIFY(!RiskGuard::continuousSessionEndMs(at(10, 0, 0, QDate(2025, 3, 15)))); // Saturday
        QVERIFY(!RiskGuard::continuousSessionEndMs(at(10, 0, 0, QDate(2025, 3, 3)))); // holiday
    }

    void limitsFromSettings()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Settings settings(dir.filePath(QStringLiteral("settings.ini")));
        // The defaults of RiskLimits are the settings' defaults.
        QCOMPARE(RiskLimits::fromSettings(settings), RiskLimits {});

        QVERIFY(settings.setValue(QStringLiteral("risk/maxOrderAmount"), 3'000'000).ok());
        QVERIFY(settings.setValue(QStringLiteral("risk/maxDailyBuyAmount"), 9'000'000).ok());
        QVERIFY(settings.setValue(QStringLiteral("risk/maxOpenPositions"), 3).ok());
        QVERIFY(settings.setValue(QStringLiteral("risk/dailyLossLimit"), 0).ok());
        QVERIFY(settings.setValue(QStringLiteral("risk/entryCutoffMinutes"), 30).ok());
        QVERIFY(settings.setValue(QStringLiteral("risk/continuousOnly"), false).ok());
        QVERIFY(settings.setValue(QStringLiteral("trading/feeRate"), 0.25).ok());
        const RiskLimits l = RiskLimits::fromSettings(settings);
        QCOMPARE(l.maxOrderAmount, qint64(3'000'000));
        QCOMPARE(l.maxDailyBuyAmount, qint64(9'000'000));
        QCOMPARE(l.maxOpenPositions, 3);
        QCOMPARE(l.dailyLossLimit, qint64(0));
        QCOMPARE(l.entryCutoffMinutes, 30);
        QCOMPARE(l.continuousOnly, false);
        QCOMPARE(l.feeRatePercent, 0.25);

        // The new keys are bounded like the others.
        QVERIFY(!settings.setValue(QStringLiteral("risk/entryCutoffMinutes"), -1).ok());
        QVERIFY(!settings.setValue(QStringLiteral("risk/entryCutoffMinutes"), 381).ok());
        QVERIFY(settings.setValue(QStringLiteral("risk/entryCutoffMinutes"), 0).ok());
        QVERIFY(!settings.setValue(QStringLiteral("risk/continuousOnly"), QStringLiteral("maybe")).ok());
        QVERIFY(!Settings::spec(QStringLiteral("risk/entryCutoffMinutes"))->description.isEmpty());
        QVERIFY(!Settings::spec(QStringLiteral("risk/continuousOnly"))->description.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRiskGuard)
#include "tst_riskguard.moc"
