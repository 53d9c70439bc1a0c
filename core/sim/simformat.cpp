// SPDX-License-Identifier: GPL-3.0-or-later
#include "simformat.h"

#include <QDateTime>

#include <cmath>

namespace Sim {

QString signedPrice(qint64 price, qint64 base)
{
    if (price > base)
        return QLatin1Char('+') + QString::number(price);
    if (price < base)
        return QLatin1Char('-') + QString::number(price);
    return QString::number(price);
}

QString signedNumber(qint64 value)
{
    if (value > 0)
        return QLatin1Char('+') + QString::number(value);
    return QString::number(value);
}

QString signedRate(double percent)
{
    const double rounded = std::round(percent * 100.0) / 100.0;
    const QString text = QString::number(std::abs(rounded), 'f', 2);
    if (rounded > 0)
        return QLatin1Char('+') + text;
    if (rounded < 0)
        return QLatin1Char('-') + text;
    return text;
}

double changePercent(qint64 price, qint64 base)
{
    return base > 0 ? double(price - base) * 100.0 / double(base) : 0.0;
}

QString changeRate(qint64 price, qint64 base)
{
    return signedRate(changePercent(price, base));
}

QString changeSign(qint64 price, qint64 base, const Krx::PriceLimits &limits)
{
    if (limits.upper > 0 && price >= limits.upper)
        return QStringLiteral("1");
    if (limits.lower > 0 && price <= limits.lower)
        return QStringLiteral("4");
    if (price > base)
        return QStringLiteral("2");
    if (price < base)
        return QStringLiteral("5");
    return QStringLiteral("3");
}

QString padded(qint64 value, int width)
{
    if (value < 0)
        return QLatin1Char('-') + QString::number(-value).rightJustified(width - 1, QLatin1Char('0'));
    return QString::number(value).rightJustified(width, QLatin1Char('0'));
}

QString cnsrNumber(qint64 value)
{
    return padded(value, 9);
}

QString orderNo(int number)
{
    return QString::number(number).rightJustified(7, QLatin1Char('0'));
}

QString decimal(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    double rounded = std::round(value * scale) / scale;
    if (rounded == 0.0)
        rounded = 0.0; // no "-0.00"
    return QString::number(rounded, 'f', decimals);
}

QString kst(qint64 utcMs, const QString &format)
{
    return Krx::toKst(utcMs).toString(format);
}

} // namespace Sim
