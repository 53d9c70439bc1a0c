// SPDX-License-Identifier: GPL-3.0-or-later
#include "wirevalue.h"

#include "market/krx.h"

#include <charconv>
#include <limits>

namespace Kiwoom {

namespace {

Error parseError(const QString &why, QStringView text)
{
    return Error { QStringLiteral("kiwoom.parse"), QStringLiteral("%1: \"%2\"").arg(why, text.toString()) };
}

bool isSpace(QChar c)
{
    return c == u' ' || c == u'\t';
}

QStringView trimmed(QStringView text)
{
    qsizetype b = 0;
    qsizetype e = text.size();
    while (b < e && isSpace(text[b]))
        ++b;
    while (e > b && isSpace(text[e - 1]))
        --e;
    return text.mid(b, e - b);
}

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

} // namespace

Result<SignedMagnitude> parseSignedMagnitude(QStringView text)
{
    const QStringView t = trimmed(text);
    if (t.isEmpty())
        return parseError(QStringLiteral("empty"), text);
    SignedMagnitude out;
    qsizetype i = 0;
    if (t[0] == u'+' || t[0] == u'-') {
        out.direction = t[0] == u'+' ? Direction::Up : Direction::Down;
        i = 1;
    }
    if (i == t.size())
        return parseError(QStringLiteral("not a number"), text);
    constexpr qint64 MAX = std::numeric_limits<qint64>::max();
    qint64 value = 0;
    for (; i < t.size(); ++i) {
        const QChar c = t[i];
        if (!isDigit(c))
            return parseError(QStringLiteral("not a number"), text);
        const int d = c.unicode() - u'0';
        if (value > (MAX - d) / 10)
            return parseError(QStringLiteral("out of range"), text);
        value = value * 10 + d;
    }
    out.magnitude = value;
    return out;
}

Result<qint64> parseInteger(QStringView text)
{
    const auto r = parseSignedMagnitude(text);
    if (!r)
        return r.error();
    return r->direction == Direction::Down ? -r->magnitude : r->magnitude;
}

Result<double> parseDecimal(QStringView text)
{
    const QStringView t = trimmed(text);
    if (t.isEmpty())
        return parseError(QStringLiteral("empty"), text);
    // Validate the shape first: [+-]? digits ( '.' digits )?
    char buf[64];
    qsizetype n = 0;
    qsizetype i = 0;
    bool negative = false;
    if (t[0] == u'+' || t[0] == u'-') {
        negative = t[0] == u'-';
        i = 1;
    }
    int intDigits = 0;
    int fracDigits = 0;
    bool dot = false;
    for (; i < t.size(); ++i) {
        const QChar c = t[i];
        if (isDigit(c)) {
            (dot ? fracDigits : intDigits)++;
        } else if (c == u'.' && !dot) {
            dot = true;
        } else {
            return parseError(QStringLiteral("not a decimal number"), text);
        }
        if (n >= qsizetype(sizeof(buf)) - 1)
            return parseError(QStringLiteral("out of range"), text);
        buf[n++] = char(c.unicode());
    }
    if (intDigits == 0 || (dot && fracDigits == 0))
        return parseError(QStringLiteral("not a decimal number"), text);
    double value = 0;
    const auto res = std::from_chars(buf, buf + n, value, std::chars_format::fixed);
    if (res.ec != std::errc() || res.ptr != buf + n)
        return parseError(QStringLiteral("not a decimal number"), text);
    if (value == 0)
        return 0.0; // "-0.00" is zero, not negative zero
    return negative ? -value : value;
}

Result<ChangeSign> parseChangeSign(QStringView text)
{
    const QStringView t = trimmed(text);
    if (t.size() != 1 || t[0] < u'0' || t[0] > u'5')
        return parseError(QStringLiteral("not a change sign (0-5)"), text);
    return ChangeSign(t[0].unicode() - u'0');
}

Result<QDate> parseDate(QStringView text)
{
    const QStringView t = trimmed(text);
    if (t.size() != 8 || !std::all_of(t.begin(), t.end(), isDigit))
        return parseError(QStringLiteral("not a date (YYYYMMDD)"), text);
    const QDate d(t.mid(0, 4).toInt(), t.mid(4, 2).toInt(), t.mid(6, 2).toInt());
    if (!d.isValid())
        return parseError(QStringLiteral("not a valid date"), text);
    return d;
}

Result<QTime> parseTime(QStringView text)
{
    const QStringView t = trimmed(text);
    if (t.size() != 6 || !std::all_of(t.begin(), t.end(), isDigit))
        return parseError(QStringLiteral("not a time (HHmmss)"), text);
    const QTime tm(t.mid(0, 2).toInt(), t.mid(2, 2).toInt(), t.mid(4, 2).toInt());
    if (!tm.isValid())
        return parseError(QStringLiteral("not a valid time"), text);
    return tm;
}

Result<qint64> parseKstDateTime(QStringView text)
{
    const QStringView t = trimmed(text);
    if (t.size() != 14)
        return parseError(QStringLiteral("not a timestamp (YYYYMMDDHHmmss)"), text);
    const auto d = parseDate(t.mid(0, 8));
    const auto tm = parseTime(t.mid(8, 6));
    if (!d || !tm)
        return parseError(QStringLiteral("not a valid timestamp"), text);
    return Krx::fromKst(*d, *tm);
}

Result<qint64> parseKstTimeNear(QStringView text, qint64 referenceMs)
{
    const auto tm = parseTime(text);
    if (!tm)
        return tm.error();
    constexpr qint64 DAY = 24LL * 3600 * 1000;
    constexpr qint64 HALF_DAY = DAY / 2;
    qint64 ms = Krx::fromKst(Krx::kstDate(referenceMs), *tm);
    if (ms - referenceMs > HALF_DAY)
        ms -= DAY;
    else if (referenceMs - ms > HALF_DAY)
        ms += DAY;
    return ms;
}

Result<QString> normalizeCode(QStringView text)
{
    QStringView t = trimmed(text);
    if (const qsizetype us = t.indexOf(u'_'); us >= 0)
        t = t.left(us);
    if (t.size() == 7 && (t[0] == u'A' || t[0] == u'J' || t[0] == u'Q'))
        t = t.mid(1);
    if (t.size() != 6)
        return parseError(QStringLiteral("not a stock code"), text);
    for (const QChar c : t) {
        if (!isDigit(c) && !(c >= u'A' && c <= u'Z'))
            return parseError(QStringLiteral("not a stock code"), text);
    }
    return t.toString();
}

} // namespace Kiwoom
