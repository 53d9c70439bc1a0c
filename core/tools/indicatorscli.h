// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QTextStream>

// `kiwoom-trader indicators --csv IN.csv --out OUT.csv`: reads candles (see CandleCsv for the format)
// and writes one row per candle with the standard indicator set, computed by the batch functions of
// core/indicators with their default periods:
//   index,time,sma_20,ema_20,rsi_14,bb_middle,bb_upper,bb_lower,mom_10,disparity_20,adl,chaikin_osc,
//   stoch_k,stoch_d,stoch_slow_k,stoch_slow_d,macd,macd_signal,macd_hist,atr_14,obv,vwap,vwap_daily
// index is the 0-based candle number, time echoes the input's time field, values are printed with
// "%.17g" (round-trip exact; -0 is printed as 0) and a cell is empty while its indicator warms up.
// The output is written to a temporary file in OUT's directory and renamed over OUT only when
// complete, so on any error no (partial) OUT appears and an existing OUT is left untouched.
// Exit status: 0 written, 1 the output could not be written, 2 bad arguments or bad input (the error,
// naming the input line, goes to `err`).
namespace IndicatorsCli {

inline constexpr const char *CSV_HEADER
    = "index,time,sma_20,ema_20,rsi_14,bb_middle,bb_upper,bb_lower,mom_10,disparity_20,adl,chaikin_osc,stoch_k,stoch_d,"
      "stoch_slow_k,stoch_slow_d,macd,macd_signal,macd_hist,atr_14,obv,vwap,vwap_daily";

// args excludes the program and tool names.
int run(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace IndicatorsCli
