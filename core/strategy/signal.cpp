// SPDX-License-Identifier: GPL-3.0-or-later
#include "signal.h"

#include <cmath>
#include <cstring>

using namespace Qt::StringLiterals;

namespace Strategies {

void SignalValues::add(QLatin1StringView name, double value)
{
    Q_ASSERT_X(m_size < CAPACITY, "SignalValues::add", "too many values");
    Q_ASSERT_X(std::isfinite(value), "SignalValues::add", "signal values must be finite");
    if (m_size >= CAPACITY)
        return;
    m_items[size_t(m_size++)] = Item { name.data(), name.size(), std::isfinite(value) ? value : 0.0 };
}

std::optional<double> SignalValues::value(QLatin1StringView name) const
{
    for (int i = 0; i < m_size; ++i) {
        if (this->name(i) == name)
            return m_items[size_t(i)].value;
    }
    return std::nullopt;
}

QJsonObject SignalValues::toJson() const
{
    QJsonObject o;
    for (int i = 0; i < m_size; ++i)
        o.insert(name(i), m_items[size_t(i)].value);
    return o;
}

bool SignalValues::operator==(const SignalValues &other) const
{
    if (m_size != other.m_size)
        return false;
    for (int i = 0; i < m_size; ++i) {
        const Item &a = m_items[size_t(i)];
        const Item &b = other.m_items[size_t(i)];
        // Bitwise for the numbers: the no-look-ahead tests compare runs bit for bit.
        if (name(i) != other.name(i) || std::memcmp(&a.value, &b.value, sizeof(double)) != 0)
            return false;
    }
    return true;
}

QJsonObject Signal::toJson() const
{
    QJsonObject o {
        { u"side"_s, Sides::text(side) },
        { u"strategy"_s, strategyType },
        { u"code"_s, stockCode },
        { u"time_ms"_s, timeMs },
        { u"price"_s, price },
        { u"reason_code"_s, reasonCode },
        { u"reason"_s, reason },
        { u"values"_s, values.toJson() },
    };
    if (referenceCandleHigh)
        o.insert(u"reference_candle_high"_s, *referenceCandleHigh);
    if (referenceCandleTimeMs)
        o.insert(u"reference_candle_time_ms"_s, *referenceCandleTimeMs);
    if (targetPrice)
        o.insert(u"target_price"_s, *targetPrice);
    return o;
}

} // namespace Strategies
