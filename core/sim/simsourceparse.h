// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "simpricesource.h"

#include <QJsonObject>
#include <QString>

#include <optional>

// The one reading of a Kiwoom REAL entry as a price-source event, shared by the sources that feed
// SimMarket from broker frames: a recording (SimReplaySource) and a live feed (SimLiveSource).
// Pure functions, no state; any thread.
namespace Sim {

// "A005930_AL" / " 005930" -> "005930".
QString sourceStockCode(QString code);

// One REAL entry received at timeMs: 0B -> Trade (price |FID 10|, volume |FID 15|, buy-initiated
// unless FID 15 is negative, basePrice = price - FID 11), 0D -> Book (FIDs 41–80), 02 ->
// ConditionHit (841 seq, 9001 code, 843 I/D), any other type -> Realtime (passed on verbatim).
// nullopt for the account's own notices (00, 04) and for a 0B/0D without a code or a price.
std::optional<SimSourceEvent> sourceEventOf(const QJsonObject &entry, qint64 timeMs);

} // namespace Sim
