// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "simconfig.h"
#include "simtypes.h"

#include <QList>

namespace Sim {

// The simulated listing (SimConfig::universeSize stocks). The first 61 are hand-written KOSPI and
// KOSDAQ stocks with real-looking codes, names and typical prices spread over every band of the KRX
// tick ladder (from under 2,000 to over 500,000 KRW). Beyond them come synthetic stocks made from
// their position alone (never from the market seed): codes in 400000-899990 ending in 0 (no
// hand-written code lies there), unique Korean names with a sector to match, about 40% KOSPI,
// prices over every tick band and a daily volatility like the hand-written ones of their market.
// Index i is the same stock in every size, so a larger universe only appends. The figures are
// illustrative, not market data.
// size is clamped to [BASE_UNIVERSE_SIZE, MAX_UNIVERSE_SIZE]. The returned list lives for the
// process. Thread-safe (the simulator thread and the app's news service both read it).
const QList<SimStockInfo> &universe(int size = BASE_UNIVERSE_SIZE);

} // namespace Sim
