// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "simexchange.h"

#include <QByteArray>
#include <QString>

#include <functional>

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

// Stock indexes are the fixed universe's (Sim::universe()) unless a StockCodeScope is alive on the
// calling thread: a paper market (SimLiveSource) numbers its stocks in the order the feed named
// them, and restoring its account adds the saved stocks to it (indexOf may add the code). Not a
// parameter of every function below because the codes are read deep inside the decoder.
class StockCodeScope
{
public:
    StockCodeScope(std::function<QString(int)> codeOf, std::function<int(const QString &)> indexOf);
    ~StockCodeScope();
    Q_DISABLE_COPY_MOVE(StockCodeScope)
    QString codeOf(int stock) const { return m_codeOf(stock); }
    int indexOf(const QString &code) const { return m_indexOf(code); }

private:
    std::function<QString(int)> m_codeOf;
    std::function<int(const QString &)> m_indexOf;
    const StockCodeScope *m_previous;
};

QByteArray encodeState(const SimConfig &config, const SimSavedState &state);
// Error{"sim.state", problem} (the problem alone, without the file name).
Result<SimSavedState> decodeState(const QByteArray &json, const SimConfig &config);

// Reads and decodes a state file; the error names the file and the problem. Never modifies it.
Result<SimSavedState> loadState(const QString &path, const SimConfig &config);
// Writes atomically (QSaveFile): the old file stays whole until the new one is complete. The file
// is readable and writable by its owner only.
Status saveState(const QString &path, const SimConfig &config, const SimSavedState &state);

} // namespace Sim
