// SPDX-License-Identifier: GPL-3.0-or-later
#include "riskguard.h"

#include "common/settings.h"
#include "market/krx.h"

#include <QtNumeric>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;
using namespace Trading;

namespace {

constexpr qint64 MAX_KRW = std::numeric_limits<qint64>::max();
constexpr qint64 MINUTE_MS = 60'000;

// Saturating arithmetic: an absurd quantity or a corrupt total must refuse, never wrap around.
qint64 mulSat(qint64 a, qint64 b)
{
    qint64 r = 0;
    if (qMulOverflow(a, b, &r))
        return (a < 0) != (b < 0) ? std::numeric_limits<qint64>::min() : MAX_KRW;
    return r;
}

qint64 addSat(qint64 a, qint64 b)
{
    qint64 r = 0;
    if (qAddOverflow(a, b, &r))
        return b < 0 ? std::numeric_limits<qint64>::min() : MAX_KRW;
    return r;
}

// Commission on an amount, rounded up (the check must not be short by a won).
qint64 feeOn(qint64 amount, double ratePercent)
{
    if (amount <= 0 || ratePercent <= 0)
        return 0;
    const double fee = std::ceil(double(amount) * ratePercent / 100.0 - 1e-6);
    return fee >= double(MAX_KRW) ? MAX_KRW : qint64(fee);
}

QString kstTime(qint64 ms)
{
    return Krx::toKst(ms).toString(QStringLiteral("HH:mm"));
}

QString kstDateTime(qint64 ms)
{
    return Krx::toKst(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString won(qint64 amount)
{
    return RiskGuard::formatWon(amount);
}

// Why the instrument in the context cannot be used for this order (empty: usable).
QString instrumentProblem(const OrderIntent &intent, const RiskContext &context)
{
    if (!context.instrument)
        return RiskGuard::tr("not loaded");
    const InstrumentInfo &i = *context.instrument;
    if (i.code != intent.code)
        return RiskGuard::tr("the data is of %1").arg(i.code);
    const QString today = Krx::tradingDateString(context.nowMs);
    if (i.tradingDate != today)
        return RiskGuard::tr("the data is of %1, today is %2")
            .arg(i.tradingDate.isEmpty() ? u"?"_s : i.tradingDate, today);
    if (i.upperLimit <= 0 || i.lowerLimit <= 0 || i.lowerLimit > i.upperLimit)
        return RiskGuard::tr("no valid limits (upper %1, lower %2)").arg(won(i.upperLimit), won(i.lowerLimit));
    return {};
}

QString modeWords(KillSwitchMode mode)
{
    switch (mode) {
    case KillSwitchMode::Off:
        return RiskGuard::tr("off");
    case KillSwitchMode::NoNewEntries:
        return RiskGuard::tr("no new entries");
    case KillSwitchMode::ReduceOnly:
        return RiskGuard::tr("reduce only");
    case KillSwitchMode::CancelAll:
        return RiskGuard::tr("cancel all");
    case KillSwitchMode::FlattenAll:
        return RiskGuard::tr("flatten all");
    }
    return {};
}

} // namespace

RiskLimits RiskLimits::fromSettings(const Settings &settings)
{
    RiskLimits l;
    l.maxOrderAmount = settings.maxOrderAmount();
    l.maxDailyBuyAmount = settings.maxDailyBuyAmount();
    l.maxOpenPositions = settings.maxOpenPositions();
    l.dailyLossLimit = settings.dailyLossLimit();
    l.entryCutoffMinutes = settings.entryCutoffMinutes();
    l.continuousOnly = settings.continuousOnly();
    l.feeRatePercent = settings.feeRate();
    return l;
}

QString RiskGuard::formatWon(qint64 amount)
{
    const bool negative = amount < 0;
    // Through the unsigned magnitude, so the most negative value formats too.
    quint64 magnitude = negative ? quint64(0) - quint64(amount) : quint64(amount);
    QString digits = QString::number(magnitude);
    for (qsizetype i = digits.size() - 3; i > 0; i -= 3)
        digits.insert(i, QLatin1Char(','));
    return negative ? QLatin1Char('-') + digits : digits;
}

std::optional<qint64> RiskGuard::continuousSessionEndMs(qint64 nowMs)
{
    // The day's timetable: 15:20 KST normally, 16:20 on the CSAT day (Krx::schedule).
    return Krx::continuousEnd(Krx::kstDate(nowMs));
}

qint64 RiskGuard::valuationPrice(const OrderIntent &intent, const std::optional<InstrumentInfo> &instrument)
{
    if (intent.type == OrderType::Limit)
        return intent.price;
    if (!instrument)
        return 0;
    return intent.side == Side::Buy ? instrument->upperLimit : instrument->lowerLimit;
}

RiskVerdict RiskGuard::check(const OrderIntent &intent, const RiskContext &context, const RiskLimits &limits) const
{
    const bool buy = intent.side == Side::Buy;
    const bool market = intent.type == OrderType::Market;
    const qint64 now = context.nowMs;

    if (!context.reconciled) {
        return RiskVerdict::refuse(u"risk.not_reconciled"_s,
            tr("Not reconciled with the broker yet: no order is placed until holdings, open orders and fills "
               "are checked."),
            { { u"reconciled"_s, false } });
    }
    if (context.stockBlocked) {
        return RiskVerdict::refuse(u"risk.unknown_order"_s,
            tr("An order of %1 has an unknown outcome: nothing trades this stock until it is reconciled.")
                .arg(intent.code),
            { { u"code"_s, intent.code } });
    }
    if (intent.quantity < 1) {
        return RiskVerdict::refuse(u"risk.quantity"_s,
            tr("Quantity %1: an order needs at least 1 share.").arg(intent.quantity),
            { { u"quantity"_s, intent.quantity } });
    }
    if (buy && context.killSwitch != KillSwitchMode::Off) {
        return RiskVerdict::refuse(u"risk.kill_switch"_s,
            tr("Kill switch is on (%1): no new buys.").arg(modeWords(context.killSwitch)),
            { { u"mode"_s, killSwitchModeText(context.killSwitch) } });
    }

    // Session: buys in the continuous session (or the regular order hours), sells in the regular
    // order hours.
    const bool sessionOpen = (buy && limits.continuousOnly) ? Krx::isContinuous(now) : Krx::acceptsRegularOrders(now);
    if (!sessionOpen) {
        const QString session = Krx::sessionName(Krx::sessionAt(now));
        QString message;
        if (buy && limits.continuousOnly)
            message = tr("Buys only in the continuous session; it is %1 KST (%2).").arg(kstDateTime(now), session);
        else
            message = tr("Regular orders are not accepted now; it is %1 KST (%2).").arg(kstDateTime(now), session);
        return RiskVerdict::refuse(u"risk.session"_s, message,
            { { u"session"_s, session }, { u"nowMs"_s, now }, { u"continuousOnly"_s, limits.continuousOnly } });
    }
    if (buy && limits.entryCutoffMinutes > 0) {
        if (const auto end = continuousSessionEndMs(now)) {
            const qint64 cutoff = *end - qint64(limits.entryCutoffMinutes) * MINUTE_MS;
            if (now >= cutoff) {
                return RiskVerdict::refuse(u"risk.entry_cutoff"_s,
                    tr("No new buys in the last %1 minutes of the continuous session (from %2 KST, it ends %3 KST); "
                       "it is %4 KST.")
                        .arg(limits.entryCutoffMinutes)
                        .arg(kstTime(cutoff), kstTime(*end), kstTime(now)),
                    { { u"cutoffMinutes"_s, limits.entryCutoffMinutes }, { u"cutoffMs"_s, cutoff },
                        { u"sessionEndMs"_s, *end }, { u"nowMs"_s, now } });
            }
        }
    }

    const QString problem = instrumentProblem(intent, context);
    const std::optional<InstrumentInfo> instrument = problem.isEmpty() ? context.instrument : std::nullopt;
    if (buy && !instrument) {
        return RiskVerdict::refuse(u"risk.limits_unknown"_s,
            tr("Today's price limits of %1 are not known (%2): a buy needs them.").arg(intent.code, problem),
            { { u"code"_s, intent.code }, { u"tradingDate"_s, Krx::tradingDateString(now) } });
    }

    if (!market) {
        const Krx::Instrument kind = instrument ? instrument->kind : Krx::Instrument::Stock;
        if (intent.price <= 0) {
            return RiskVerdict::refuse(u"risk.tick"_s,
                tr("Limit price %1 KRW: a limit order needs a price above 0.").arg(won(intent.price)),
                { { u"price"_s, intent.price } });
        }
        if (!Krx::isOnTick(intent.price, kind)) {
            const qint64 tick = Krx::tickSize(intent.price, kind);
            const qint64 below = Krx::snapDown(intent.price, kind);
            const qint64 above = Krx::snapUp(intent.price, kind);
            return RiskVerdict::refuse(u"risk.tick"_s,
                (kind == Krx::Instrument::Etf
                        ? tr("Price %1 KRW is off the tick ladder (%2 KRW steps for ETFs at this price: %3 or %4).")
                        : tr("Price %1 KRW is off the tick ladder (%2 KRW steps for shares at this price: %3 or %4)."))
                    .arg(won(intent.price), won(tick), won(below), won(above)),
                { { u"price"_s, intent.price }, { u"tick"_s, tick }, { u"below"_s, below }, { u"above"_s, above },
                    { u"kind"_s, kind == Krx::Instrument::Etf ? u"etf"_s : u"stock"_s } });
        }
        if (instrument && (intent.price > instrument->upperLimit || intent.price < instrument->lowerLimit)) {
            return RiskVerdict::refuse(u"risk.price_limit"_s,
                tr("Price %1 KRW is outside today's limits %2 – %3 KRW.")
                    .arg(won(intent.price), won(instrument->lowerLimit), won(instrument->upperLimit)),
                { { u"price"_s, intent.price }, { u"lower"_s, instrument->lowerLimit },
                    { u"upper"_s, instrument->upperLimit } });
        }
    }

    if (!buy) {
        if (intent.quantity > context.sellableQuantity) {
            return RiskVerdict::refuse(u"risk.sellable"_s,
                tr("Sell of %1 shares of %2 exceeds the %3 sellable shares.")
                    .arg(won(intent.quantity), intent.code, won(context.sellableQuantity)),
                { { u"quantity"_s, intent.quantity }, { u"sellable"_s, context.sellableQuantity } });
        }
        return RiskVerdict::allow();
    }

    // Entries only from here on.
    if (limits.dailyLossLimit > 0) {
        const qint64 pnl = addSat(context.realizedToday, context.unrealized);
        if (pnl <= -limits.dailyLossLimit) {
            return RiskVerdict::refuse(u"risk.daily_loss_limit"_s,
                tr("Daily loss limit reached: P&L today %1 KRW (realized %2, unrealized %3), limit %4 KRW; new buys "
                   "are halted.")
                    .arg(won(pnl), won(context.realizedToday), won(context.unrealized), won(limits.dailyLossLimit)),
                { { u"pnl"_s, pnl }, { u"realized"_s, context.realizedToday }, { u"unrealized"_s, context.unrealized },
                    { u"limit"_s, limits.dailyLossLimit } });
        }
    }

    const qint64 price = valuationPrice(intent, instrument);
    const qint64 amount = mulSat(intent.quantity, price);
    const QString basis = market ? u"upper_limit"_s : u"limit"_s;
    const QString how = market ? tr("%1 × %2, market buy at the upper limit").arg(won(intent.quantity), won(price))
                               : tr("%1 × %2").arg(won(intent.quantity), won(price));
    const QJsonObject order = { { u"quantity"_s, intent.quantity }, { u"price"_s, price }, { u"priceBasis"_s, basis },
        { u"amount"_s, amount } };
    auto with = [&order](std::initializer_list<std::pair<QString, QJsonValue>> extra) {
        QJsonObject o = order;
        for (const auto &[key, value] : extra)
            o.insert(key, value);
        return o;
    };

    if (amount > limits.maxOrderAmount) {
        return RiskVerdict::refuse(u"risk.max_order_amount"_s,
            tr("Order amount %1 KRW (%2) exceeds the per-order limit of %3 KRW.")
                .arg(won(amount), how, won(limits.maxOrderAmount)),
            with({ { u"limit"_s, limits.maxOrderAmount } }));
    }
    const qint64 dayTotal = addSat(addSat(context.buyFilledToday, context.buyOpenAmount), amount);
    if (dayTotal > limits.maxDailyBuyAmount) {
        return RiskVerdict::refuse(u"risk.daily_buy_amount"_s,
            tr("Buys today would reach %1 KRW (filled %2 + open %3 + this %4), over the daily limit of %5 KRW.")
                .arg(won(dayTotal), won(context.buyFilledToday), won(context.buyOpenAmount), won(amount),
                    won(limits.maxDailyBuyAmount)),
            with({ { u"filled"_s, context.buyFilledToday }, { u"open"_s, context.buyOpenAmount },
                { u"total"_s, dayTotal }, { u"limit"_s, limits.maxDailyBuyAmount } }));
    }
    if (!context.holdsStock && context.openPositions >= limits.maxOpenPositions) {
        return RiskVerdict::refuse(u"risk.max_open_positions"_s,
            tr("%1 positions are open (limit %2): no buy of a new stock.")
                .arg(context.openPositions)
                .arg(limits.maxOpenPositions),
            { { u"openPositions"_s, context.openPositions }, { u"limit"_s, limits.maxOpenPositions } });
    }
    const qint64 fee = feeOn(amount, limits.feeRatePercent);
    const qint64 need = addSat(amount, fee);
    if (need > context.orderableCash) {
        return RiskVerdict::refuse(u"risk.cash"_s,
            tr("The buy needs %1 KRW (%2 + fee %3) but only %4 KRW is orderable.")
                .arg(won(need), how, won(fee), won(context.orderableCash)),
            with({ { u"fee"_s, fee }, { u"need"_s, need }, { u"orderableCash"_s, context.orderableCash } }));
    }
    return RiskVerdict::allow();
}
