// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "market/krx.h"

#include <QString>
#include <QtGlobal>

// The simulator's own wire formatting of Kiwoom values (kiwoom-protocol.md §3.1), written apart
// from the client's parser on purpose. All values on the wire are strings.
namespace Sim {

// "+53500" above the base, "-20800" below it, "53500" unchanged: the sign is the direction versus
// the previous close, not a negative price.
QString signedPrice(qint64 price, qint64 base);
// "+600", "-600", "0".
QString signedNumber(qint64 value);
// Percent with two decimals: "+0.94", "-30.00", "0.00".
QString signedRate(double percent);
// Change rate of a price versus its base, rounded to 2 decimals, as signedRate().
QString changeRate(qint64 price, qint64 base);
double changePercent(qint64 price, qint64 base);
// 전일대비기호: 1 상한가, 2 상승, 3 보합, 4 하한가, 5 하락.
QString changeSign(qint64 price, qint64 base, const Krx::PriceLimits &limits);
// Left zero-padded, sign inside the width: padded(17534, 12) = "000000017534",
// padded(-163958, 12) = "-00000163958".
QString padded(qint64 value, int width);
// Condition-search (CNSRREQ) numbers: 9 characters, zero-padded, sign inside ("000075000", "-00000100").
QString cnsrNumber(qint64 value);
// Order numbers are 7 digits: "0000138".
QString orderNo(int number);
// Fixed decimals without sign decoration except a leading "-": "46.25", "-52.71".
QString decimal(double value, int decimals);
// KST formatting of a UTC instant, e.g. kst(ms, "yyyyMMddHHmmss").
QString kst(qint64 utcMs, const QString &format);
// Unsigned integer text.
inline QString num(qint64 value)
{
    return QString::number(value);
}

} // namespace Sim
