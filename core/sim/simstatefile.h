// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "simexchange.h"

#include <QByteArray>
#include <QString>

struct SimConfig;

// What the simulator keeps over a restart: the exchange's state (ledger, orders, fills, counters)
// and the market's virtual time when it was saved.
struct SimSavedState
{
    qint64 virtualMs = 0;
    SimExchange::State exchange;
};

// The simulator's state file (SimConfig::stateFile): one JSON object,
//   {"format": "kiwoom-sim-state", "version": 1, "virtual_ms": "...",
//    "config": {"account_no", "seed", "initial_cash"}, "account": {...}, "exchange": {...}}.
// Every 64-bit value (money, quantities, times, the seed) is a decimal string, so no reader ever
// rounds it through a double; order and fill numbers (7 digits) and the version are JSON numbers.
// Stocks are stored by code, not by index. Decoding validates everything (types, ranges, enums,
// contiguous numbering, open sell quantities covered by holdings, the ledger balancing to the won)
// and refuses a state saved for another account, seed or initial cash: nothing is guessed.
namespace Sim {

inline constexpr int STATE_FORMAT_VERSION = 1;

QByteArray encodeState(const SimConfig &config, const SimSavedState &state);
// Error{"sim.state", problem} (the problem alone, without the file name).
Result<SimSavedState> decodeState(const QByteArray &json, const SimConfig &config);

// Reads and decodes a state file; the error names the file and the problem. Never modifies it.
Result<SimSavedState> loadState(const QString &path, const SimConfig &config);
// Writes atomically (QSaveFile): the old file stays whole until the new one is complete. The file
// is readable and writable by its owner only.
Status saveState(const QString &path, const SimConfig &config, const SimSavedState &state);

} // namespace Sim
