// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

#include <optional>

// Side: buy (매수) or sell (매도). The one word for it across the code base: the Kiwoom client's
// orders and notices, the strategies' signals, the stored orders and the trading engine all use
// this enum (Kiwoom::Side, Strategies::Side and Storage's order side are this type).
enum class Side
{
    Buy,
    Sell,
};

namespace Sides {
// "BUY" / "SELL": the text stored in SQL (orders.side, signal_type) and shown by the control API.
QString text(Side side);
// Exact inverse of text(); std::nullopt for anything else.
std::optional<Side> fromText(QStringView text);
constexpr Side opposite(Side side)
{
    return side == Side::Buy ? Side::Sell : Side::Buy;
}
} // namespace Sides
