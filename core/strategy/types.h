// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>
#include <QtGlobal>

#include "common/side.h"
#include "market/quote.h"

// Small value types shared by the strategies (core/strategy): the side of a signal, the quote
// snapshot the scalping loop reads, a strategy's own exit rules and the description of one
// parameter (what /strategies/{type}/configure publishes).
namespace Strategies {

// Buy / sell: the app-wide Side (common/side.h); Sides::text() gives the signal_type stored in
// pending_buy_signals / strategy_signals ("BUY" / "SELL").
using ::Side;

// One observation of the scalping loop (스캘핑, 30 s) is a Quote (market/quote.h): the last trade
// price, the day's cumulative volume (누적거래량, as Kiwoom's current-price query and realtime type
// 0B report it) and the best bid/ask (최우선 매수/매도호가). bestBid/bestAsk <= 0 means "not known":
// the spread rule is then not evaluated.
using ::Quote;

// Exit rules a strategy brings itself (scalping): they replace the settings' stop-loss /
// take-profit for positions it opened, and add a maximum holding time.
struct ExitRules
{
    double takeProfitPct = 0.0; // percent above the buy price
    double stopLossPct = 0.0; // percent below the buy price, positive
    qint64 maxHoldingMs = 0; // sell at the first price observed this long after the buy

    bool operator==(const ExitRules &) const = default;
};

enum class ParamType
{
    Int, // a JSON number with an integral value
    Double, // any finite JSON number
};

// One strategy parameter: name (the JSON key), type, default, inclusive range and a one-line
// English description. Published by the control API (toJson()).
struct ParamSpec
{
    QString name;
    ParamType type = ParamType::Double;
    double defaultValue = 0.0;
    double min = 0.0;
    double max = 0.0;
    QString description;

    // {"name", "type": "integer"|"number", "default", "min", "max", "description"}
    QJsonObject toJson() const;
};

} // namespace Strategies
