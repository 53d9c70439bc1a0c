// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QTextStream>

// `kiwoom-trader indicators --csv IN.csv --out OUT.csv`: reads candles (see CandleCsv for the format)
// and writes one row per candle with the standard indicator set at its default periods:
//   index,time,sma_20,ema_20,rsi_14,bb_middle,bb_upper,bb_lower,mom_10,disparity_20,adl,chaikin_osc,
//   stoch_k,stoch_d,stoch_slow_k,stoch_slow_d,macd,macd_signal,macd_hist,atr_14,obv,vwap,vwap_daily
// index is the 0-based candle number, time echoes the input's time field, values are printed by
// formatNumber() below (the shortest text that reads back to the same double) and a cell is empty
// while its indicator warms up. Every value read back is bit for bit what the batch functions of
// core/indicators (computeAll) give over the same candles; the tool gets them from an IndicatorSet,
// which guarantees exactly that.
// The output is written to a temporary file in OUT's directory and renamed over OUT only when
// complete, so on any error no (partial) OUT appears and an existing OUT is left untouched.
// Exit status: 0 written, 1 the output could not be written, 2 bad arguments or bad input (the error,
// naming the input line, goes to `err`; bad input wins over an unwritable OUT).
//
// Speed: one pass in constant memory. The input is read in blocks of 256 KiB (CandleCsv::FileReader)
// and each row is computed (IndicatorSet::append) and formatted as soon as it is parsed, into a
// 256 KiB buffer that goes to the temporary file in one write each: no QString or QByteArray per
// field, no table of all candles or of all values. Figures for 1,000,000 candles are in
// tests/bench/bench_indicatorscli.cpp. Runs on the calling thread.
namespace IndicatorsCli {

inline constexpr const char *CSV_HEADER
    = "index,time,sma_20,ema_20,rsi_14,bb_middle,bb_upper,bb_lower,mom_10,disparity_20,adl,chaikin_osc,stoch_k,stoch_d,"
      "stoch_slow_k,stoch_slow_d,macd,macd_signal,macd_hist,atr_14,obv,vwap,vwap_daily";

// args excludes the program and tool names.
int run(const QStringList &args, QTextStream &out, QTextStream &err);

// The most characters formatNumber() writes.
inline constexpr int MAX_NUMBER_CHARS = 32;

// Writes v at `out` and returns the end (no terminating NUL). The text is the shortest that
// std::from_chars (or strtod) reads back to exactly v — the digits std::to_chars chooses — laid out
// in plain decimal notation when 0.0001 <= |v| < 1e17 ("49194.5", "-110", "0.30000000000000004")
// and in scientific notation outside it ("1.5e-07", "2.5e+20"); 0 and -0 are written as "0".
// v must be finite.
char *formatNumber(char *out, double v);

} // namespace IndicatorsCli
