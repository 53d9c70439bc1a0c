// SPDX-License-Identifier: GPL-3.0-or-later
#include "types.h"

#include "common/settings.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Backtest {

namespace {

double settingsDefault(const QString &key)
{
    const Settings::Spec *spec = Settings::spec(key);
    Q_ASSERT_X(spec, "Backtest::Config", "missing settings key");
    return spec ? spec->defaultValue.toDouble() : 0.0;
}

QString kstText(qint64 utcMs)
{
    return Krx::toKst(utcMs).toString(Qt::ISODate);
}

Error configError(const QString &message)
{
    return Error { u"backtest.config"_s, message };
}

} // namespace

QString exitReasonText(ExitReason reason)
{
    switch (reason) {
    case ExitReason::SellSignal:
        return u"sell_signal"_s;
    case ExitReason::StopLoss:
        return u"stop_loss"_s;
    case ExitReason::TakeProfit:
        return u"take_profit"_s;
    case ExitReason::MaxHolding:
        return u"max_holding"_s;
    case ExitReason::EndOfData:
        break;
    }
    return u"end_of_data"_s;
}

Config::Config()
    : feePct(settingsDefault(u"trading/feeRate"_s))
    , sellTaxPct(settingsDefault(u"trading/sellTaxRate"_s))
    , stopLossPct(settingsDefault(u"trading/stopLossRate"_s))
    , takeProfitPct(settingsDefault(u"trading/takeProfitRate"_s))
{
}

Status Config::validate() const
{
    if (initialCash < 1 || initialCash > 1'000'000'000'000'000LL)
        return configError(u"cash must be between 1 and 1000000000000000 KRW (got %1)"_s.arg(initialCash));
    const struct
    {
        const char *name;
        double value;
        double max;
    } rates[] = {
        { "fee", feePct, 5.0 },
        { "sell tax", sellTaxPct, 5.0 },
        { "stop-loss", stopLossPct, 99.0 },
        { "take-profit", takeProfitPct, 1000.0 },
    };
    for (const auto &r : rates) {
        if (!(r.value >= 0.0 && r.value <= r.max)) {
            return configError(u"%1 must be between 0 and %2 percent (got %3)"_s.arg(
                QLatin1StringView(r.name), QString::number(r.max), QString::number(r.value, 'g', 12)));
        }
    }
    return {};
}

QJsonObject Config::toJson() const
{
    return QJsonObject {
        { u"initial_cash"_s, initialCash },
        { u"fee_pct"_s, feePct },
        { u"sell_tax_pct"_s, sellTaxPct },
        { u"stop_loss_pct"_s, stopLossPct },
        { u"take_profit_pct"_s, takeProfitPct },
        { u"instrument"_s, instrument == Krx::Instrument::Etf ? u"etf"_s : u"stock"_s },
    };
}

QJsonObject Trade::toJson() const
{
    return QJsonObject {
        { u"entry_index"_s, entryIndex },
        { u"entry_time_ms"_s, entryTimeMs },
        { u"entry_time"_s, kstText(entryTimeMs) },
        { u"entry_price"_s, entryPrice },
        { u"quantity"_s, quantity },
        { u"entry_amount"_s, entryAmount() },
        { u"entry_fee"_s, entryFee },
        { u"entry_reason"_s, entryReason },
        { u"exit_index"_s, exitIndex },
        { u"exit_time_ms"_s, exitTimeMs },
        { u"exit_time"_s, kstText(exitTimeMs) },
        { u"exit_price"_s, exitPrice },
        { u"exit_amount"_s, exitAmount() },
        { u"exit_fee"_s, exitFee },
        { u"exit_tax"_s, exitTax },
        { u"exit_reason"_s, exitReasonText(exitReason) },
        { u"profit"_s, profit },
        { u"return_pct"_s, returnPct },
    };
}

QJsonObject Summary::toJson() const
{
    return QJsonObject {
        { u"candles"_s, candles },
        { u"buy_signals"_s, buySignals },
        { u"sell_signals"_s, sellSignals },
        { u"trades"_s, trades },
        { u"wins"_s, wins },
        { u"losses"_s, losses },
        { u"win_rate_pct"_s, winRatePct },
        { u"initial_cash"_s, initialCash },
        { u"final_equity"_s, finalEquity },
        { u"net_profit"_s, netProfit },
        { u"total_return_pct"_s, totalReturnPct },
        { u"max_drawdown_pct"_s, maxDrawdownPct },
        { u"buy_and_hold_return_pct"_s, buyAndHoldReturnPct },
        { u"fees_paid"_s, feesPaid },
        { u"taxes_paid"_s, taxesPaid },
        { u"unaffordable_buys"_s, unaffordableBuys },
        { u"unfilled_limit_buys"_s, unfilledLimitBuys },
        { u"closed_at_end"_s, closedAtEnd },
    };
}

QJsonObject Report::toJson() const
{
    QJsonArray t;
    for (const Trade &trade : trades)
        t.append(trade.toJson());
    QJsonObject o {
        { u"strategy"_s, strategyType },
        { u"parameters"_s, parameters },
        { u"config"_s, config.toJson() },
        { u"trades"_s, t },
        { u"summary"_s, summary.toJson() },
    };
    if (config.recordSignals) {
        QJsonArray s;
        for (const Strategies::Signal &signal : emitted)
            s.append(signal.toJson());
        o.insert(u"signals"_s, s);
    }
    return o;
}

} // namespace Backtest
