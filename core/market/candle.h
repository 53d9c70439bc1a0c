// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>
#include <QtGlobal>

#include <optional>

// One OHLCV bar. Prices are integer KRW, volume is shares; timeMs is the bar's open time in UTC
// epoch milliseconds (for daily bars: 09:00 KST of the trading day).
struct Candle
{
    qint64 timeMs = 0;
    qint64 open = 0;
    qint64 high = 0;
    qint64 low = 0;
    qint64 close = 0;
    qint64 volume = 0;

    bool operator==(const Candle &) const = default;
};
Q_DECLARE_METATYPE(Candle)

// Bar intervals the app asks Kiwoom for (ka10080 tic_scope minutes, ka10081/82/83 daily/weekly/
// monthly). The string form is what the candles table stores: "1m", "5m", "60m", "1d", "1w", "1M".
enum class CandleInterval
{
    Minute1,
    Minute3,
    Minute5,
    Minute10,
    Minute15,
    Minute30,
    Minute45,
    Minute60,
    Day,
    Week,
    Month,
};

namespace Candles {
QString toString(CandleInterval interval);
std::optional<CandleInterval> fromString(const QString &text);
// Minutes per bar for intraday intervals, 0 for Day/Week/Month.
int minutes(CandleInterval interval);
bool isIntraday(CandleInterval interval);
} // namespace Candles
