// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "market/krx.h"
#include "strategy/signal.h"

#include <QJsonObject>
#include <QList>
#include <QString>

// Value types of the backtest (core/backtest): its configuration, the trades it made and the
// summary. Money is integer KRW, rates are percent (double), times UTC epoch ms.
namespace Backtest {

enum class ExitReason
{
    SellSignal, // the strategy's sell signal on the previous bar: sold at this bar's open
    StopLoss, // low reached the stop-loss price
    TakeProfit, // high reached the take-profit price
    MaxHolding, // held for the strategy's maximum holding time: sold at the first open after it
    EndOfData, // still open after the last bar: closed at its close (not a real exit)
};
// "sell_signal", "stop_loss", "take_profit", "max_holding", "end_of_data"
QString exitReasonText(ExitReason reason);

struct Config
{
    qint64 initialCash = 10'000'000; // KRW, 1..1e15
    // Defaults are the Settings defaults (trading/feeRate, sellTaxRate, stopLossRate, takeProfitRate):
    double feePct; // commission per side, 0..5 (0.015)
    double sellTaxPct; // securities transaction tax on sells, 0..5 (0.20)
    double stopLossPct; // below the buy price, 0..99 (3); 0 = no stop-loss
    double takeProfitPct; // above the buy price, 0..1000 (5); 0 = no take-profit
    Krx::Instrument instrument = Krx::Instrument::Stock; // tick ladder for fills
    bool recordSignals = false; // keep every emitted signal in Report::emitted
    bool recordEquity = false; // keep the equity of every bar in Report::equity

    Config();
    // Error code "backtest.config", naming the field and its range.
    Status validate() const;
    QJsonObject toJson() const;
};

// One round trip. Prices are on the KRX tick; amount = price × quantity.
struct Trade
{
    qsizetype entryIndex = 0; // bar of the buy fill
    qint64 entryTimeMs = 0; // that bar's open time
    qint64 entryPrice = 0;
    qint64 quantity = 0;
    qint64 entryFee = 0;
    QString entryReason; // the buy signal's reasonCode
    qsizetype exitIndex = 0;
    qint64 exitTimeMs = 0; // the exit bar's open time
    qint64 exitPrice = 0;
    qint64 exitFee = 0;
    qint64 exitTax = 0;
    ExitReason exitReason = ExitReason::EndOfData;
    qint64 profit = 0; // sell amount − exit fee − tax − (buy amount + entry fee)
    double returnPct = 0.0; // profit / (buy amount + entry fee) × 100

    qint64 entryAmount() const { return entryPrice * quantity; }
    qint64 exitAmount() const { return exitPrice * quantity; }
    QJsonObject toJson() const; // times also as KST ISO-8601 ("entry_time")
    bool operator==(const Trade &) const = default;
};

struct Summary
{
    qsizetype candles = 0;
    int buySignals = 0;
    int sellSignals = 0;
    int trades = 0;
    int wins = 0; // profit > 0
    int losses = 0; // profit <= 0
    double winRatePct = 0.0;
    qint64 initialCash = 0;
    qint64 finalEquity = 0; // cash after the last trade (an open position is closed at the last close)
    qint64 netProfit = 0;
    double totalReturnPct = 0.0;
    double maxDrawdownPct = 0.0; // largest fall from a peak of equity (cash + shares × close, per bar)
    double buyAndHoldReturnPct = 0.0; // first bar's open to the last bar's close, before costs
    qint64 feesPaid = 0;
    qint64 taxesPaid = 0;
    int unaffordableBuys = 0; // buy signals whose fill price was more than the cash (or <= 0)
    int unfilledLimitBuys = 0; // target-price buys whose next bar never traded at the target
    bool closedAtEnd = false; // the last trade is an EndOfData close

    QJsonObject toJson() const;
    bool operator==(const Summary &) const = default;
};

struct Report
{
    QString strategyType;
    QJsonObject parameters;
    Config config;
    QList<Trade> trades;
    QList<Strategies::Signal> emitted; // every signal the strategy emitted, only with Config::recordSignals
    // Only with Config::recordEquity: per bar, the equity the drawdown is measured on (cash + shares ×
    // close at that bar, after its exits; the last bar's after an end-of-data close is the final cash).
    QList<double> equity;
    Summary summary;

    // {"strategy", "parameters", "config", "trades": [...], "summary": {...}[, "signals": [...]]}
    QJsonObject toJson() const;
};

} // namespace Backtest
