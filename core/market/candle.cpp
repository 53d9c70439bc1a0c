// SPDX-License-Identifier: GPL-3.0-or-later
#include "candle.h"

namespace Candles {

QString toString(CandleInterval interval)
{
    switch (interval) {
    case CandleInterval::Minute1:
        return QStringLiteral("1m");
    case CandleInterval::Minute3:
        return QStringLiteral("3m");
    case CandleInterval::Minute5:
        return QStringLiteral("5m");
    case CandleInterval::Minute10:
        return QStringLiteral("10m");
    case CandleInterval::Minute15:
        return QStringLiteral("15m");
    case CandleInterval::Minute30:
        return QStringLiteral("30m");
    case CandleInterval::Minute45:
        return QStringLiteral("45m");
    case CandleInterval::Minute60:
        return QStringLiteral("60m");
    case CandleInterval::Day:
        return QStringLiteral("1d");
    case CandleInterval::Week:
        return QStringLiteral("1w");
    case CandleInterval::Month:
        return QStringLiteral("1M");
    }
    return {};
}

std::optional<CandleInterval> fromString(const QString &text)
{
    for (int i = int(CandleInterval::Minute1); i <= int(CandleInterval::Month); ++i) {
        const auto interval = CandleInterval(i);
        if (toString(interval) == text)
            return interval;
    }
    return std::nullopt;
}

int minutes(CandleInterval interval)
{
    switch (interval) {
    case CandleInterval::Minute1:
        return 1;
    case CandleInterval::Minute3:
        return 3;
    case CandleInterval::Minute5:
        return 5;
    case CandleInterval::Minute10:
        return 10;
    case CandleInterval::Minute15:
        return 15;
    case CandleInterval::Minute30:
        return 30;
    case CandleInterval::Minute45:
        return 45;
    case CandleInterval::Minute60:
        return 60;
    case CandleInterval::Day:
    case CandleInterval::Week:
    case CandleInterval::Month:
        return 0;
    }
    return 0;
}

bool isIntraday(CandleInterval interval)
{
    return minutes(interval) > 0;
}

} // namespace Candles
