// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>
#include <QtGlobal>

// Quote: the latest trade of one stock and the best bid/ask around it, in plain values (integer
// KRW, shares, UTC epoch ms). The one quote type of the code base: the realtime quote book fills it
// from 0B ticks (and REST price queries), the strategies (scalping) read it, the trading engine
// marks positions and checks stops with it, and the UI shows it. Fields a source does not know
// stay 0; bestBid/bestAsk <= 0 mean "not known".
struct Quote
{
    QString code;
    qint64 timeMs = 0; // trade time
    qint64 price = 0; // last trade price (absolute)
    qint64 change = 0; // vs the previous close, signed
    double changeRate = 0; // percent, signed
    qint64 open = 0;
    qint64 high = 0;
    qint64 low = 0;
    qint64 cumVolume = 0; // the day's cumulative volume (누적거래량)
    qint64 bestBid = 0; // 최우선 매수호가
    qint64 bestAsk = 0; // 최우선 매도호가
    qint64 receivedMs = 0; // when it arrived here

    bool operator==(const Quote &) const = default;
};
Q_DECLARE_METATYPE(Quote)
