// SPDX-License-Identifier: GPL-3.0-or-later
#include "tradingtypes.h"

namespace Trading {

QString orderTypeText(OrderType type)
{
    return type == OrderType::Market ? QStringLiteral("MARKET") : QStringLiteral("LIMIT");
}

std::optional<OrderType> orderTypeFromText(QStringView text)
{
    if (text == u"LIMIT")
        return OrderType::Limit;
    if (text == u"MARKET")
        return OrderType::Market;
    return std::nullopt;
}

namespace {
struct ModeName
{
    KillSwitchMode mode;
    const char16_t *text;
};
constexpr ModeName MODES[] = {
    { KillSwitchMode::Off, u"OFF" },
    { KillSwitchMode::NoNewEntries, u"NO_NEW_ENTRIES" },
    { KillSwitchMode::ReduceOnly, u"REDUCE_ONLY" },
    { KillSwitchMode::CancelAll, u"CANCEL_ALL" },
    { KillSwitchMode::FlattenAll, u"FLATTEN_ALL" },
};
} // namespace

QString killSwitchModeText(KillSwitchMode mode)
{
    for (const ModeName &m : MODES) {
        if (m.mode == mode)
            return QString::fromUtf16(m.text);
    }
    return QStringLiteral("OFF");
}

std::optional<KillSwitchMode> killSwitchModeFromText(QStringView text)
{
    for (const ModeName &m : MODES) {
        if (text == QStringView(m.text))
            return m.mode;
    }
    return std::nullopt;
}

bool allowsEntries(KillSwitchMode mode)
{
    return mode == KillSwitchMode::Off;
}

} // namespace Trading
