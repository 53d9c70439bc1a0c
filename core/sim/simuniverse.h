// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "simtypes.h"

#include <QList>

namespace Sim {

// The simulated listing: 60 KOSPI and KOSDAQ stocks with real-looking codes, names and typical
// prices spread over every band of the KRX tick ladder (from under 2,000 to over 500,000 KRW).
// The figures are illustrative, not market data.
const QList<SimStockInfo> &universe();

} // namespace Sim
