// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QTextStream>

// `kiwoom-trader backtest --strategy TYPE --csv IN.csv [--params JSON] [--cash KRW] [--fee PCT]
//  [--tax PCT] [--stop-loss PCT] [--take-profit PCT] [--json] [--signals]` and
// `kiwoom-trader backtest --list [--json]`.
// Reads candles (CandleCsv format), runs the strategy from StrategyRegistry through
// Backtest::Backtester and prints the trades and a summary (or, with --json, one JSON document:
// Backtest::Report::toJson(), plus "signals" with --signals). Rates default to the Settings defaults.
// Exit status: 0 done, 2 bad arguments or bad input (the error goes to `err`; CSV errors name the
// line).
namespace BacktestCli {

// args excludes the program and tool names.
int run(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace BacktestCli
