// SPDX-License-Identifier: GPL-3.0-or-later
#include "side.h"

namespace Sides {

QString text(Side side)
{
    return side == Side::Buy ? QStringLiteral("BUY") : QStringLiteral("SELL");
}

std::optional<Side> fromText(QStringView text)
{
    if (text == u"BUY")
        return Side::Buy;
    if (text == u"SELL")
        return Side::Sell;
    return std::nullopt;
}

} // namespace Sides
