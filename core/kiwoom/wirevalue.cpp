// SPDX-License-Identifier: GPL-3.0-or-later
#include "wirevalue.h"

#include "market/krx.h"

#include <charconv>
#include <limits>

namespace Kiwoom {

namespace {

// Every parser below is written once, as a template over the view type, and instantiated for
// QStringView (UTF-16: QJsonObject values, REST replies) and QLatin1StringView (plain ASCII bytes
// straight from a realtime frame's text). Both see the same characters, so both give the same
// value or the same error for the same text.

char16_t at(QStringView t, qsizetype i)
{
    return t[i].unicode();
}

char16_t at(QLatin1StringView t, qsizetype i)
{
    return char16_t(uchar(t.data()[i]));
}

template<typename View> Error parseError(const QString &why, View text)
{
    return Error { QStringLiteral("kiwoom.parse"), QStringLiteral("%1: \"%2\"").arg(why, text.toString()) };
}

bool isSpace(char16_t c)
{
    return c == u' ' || c == u'\t';
}

bool isDigit(char16_t c)
{
    return c >= u'0' && c <= u'9';
}

template<typename View> View trimmed(View text)
{
    qsizetype b = 0;
    qsizetype e = text.size();
    while (b < e && isSpace(at(text, b)))
        ++b;
    while (e > b && isSpace(at(text, e - 1)))
        --e;
    return text.mid(b, e - b);
}

template<typename View> bool allDigits(View t)
{
    for (qsizetype i = 0; i < t.size(); ++i) {
        if (!isDigit(at(t, i)))
            return false;
    }
    return true;
}

// The value of n decimal digits at t[from] (the caller checked they are digits).
template<typename View> int digitsValue(View t, qsizetype from, qsizetype n)
{
    int v = 0;
    for (qsizetype i = from; i < from + n; ++i)
        v = v * 10 + (at(t, i) - u'0');
    return v;
}

template<typename View> Result<SignedMagnitude> signedMagnitudeOf(View text)
{
    // The trimmed range [i, e), without building a view: this runs for most fields of every tick.
    qsizetype i = 0;
    qsizetype e = text.size();
    while (i < e && isSpace(at(text, i)))
        ++i;
    while (e > i && isSpace(at(text, e - 1)))
        --e;
    if (i == e)
        return parseError(QStringLiteral("empty"), text);
    SignedMagnitude out;
    if (at(text, i) == u'+' || at(text, i) == u'-') {
        out.direction = at(text, i) == u'+' ? Direction::Up : Direction::Down;
        ++i;
    }
    if (i == e)
        return parseError(QStringLiteral("not a number"), text);
    constexpr qint64 MAX = std::numeric_limits<qint64>::max();
    qint64 value = 0;
    const bool mayOverflow = e - i > 18; // 18 digits always fit
    for (; i < e; ++i) {
        const char16_t c = at(text, i);
        if (!isDigit(c))
            return parseError(QStringLiteral("not a number"), text);
        const int d = c - u'0';
        if (mayOverflow && value > (MAX - d) / 10)
            return parseError(QStringLiteral("out of range"), text);
        value = value * 10 + d;
    }
    out.magnitude = value;
    return out;
}

template<typename View> Result<qint64> integerOf(View text)
{
    const auto r = signedMagnitudeOf(text);
    if (!r)
        return r.error();
    return r->direction == Direction::Down ? -r->magnitude : r->magnitude;
}

template<typename View> Result<double> decimalOf(View text)
{
    const View t = trimmed(text);
    if (t.isEmpty())
        return parseError(QStringLiteral("empty"), text);
    // Validate the shape first: [+-]? digits ( '.' digits )?
    char buf[64];
    qsizetype n = 0;
    qsizetype i = 0;
    bool negative = false;
    if (at(t, 0) == u'+' || at(t, 0) == u'-') {
        negative = at(t, 0) == u'-';
        i = 1;
    }
    int intDigits = 0;
    int fracDigits = 0;
    bool dot = false;
    for (; i < t.size(); ++i) {
        const char16_t c = at(t, i);
        if (isDigit(c)) {
            (dot ? fracDigits : intDigits)++;
        } else if (c == u'.' && !dot) {
            dot = true;
        } else {
            return parseError(QStringLiteral("not a decimal number"), text);
        }
        if (n >= qsizetype(sizeof(buf)) - 1)
            return parseError(QStringLiteral("out of range"), text);
        buf[n++] = char(c);
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

template<typename View> Result<ChangeSign> changeSignOf(View text)
{
    const View t = trimmed(text);
    if (t.size() != 1 || at(t, 0) < u'0' || at(t, 0) > u'5')
        return parseError(QStringLiteral("not a change sign (0-5)"), text);
    return ChangeSign(at(t, 0) - u'0');
}

template<typename View> Result<QDate> dateOf(View text)
{
    const View t = trimmed(text);
    if (t.size() != 8 || !allDigits(t))
        return parseError(QStringLiteral("not a date (YYYYMMDD)"), text);
    const QDate d(digitsValue(t, 0, 4), digitsValue(t, 4, 2), digitsValue(t, 6, 2));
    if (!d.isValid())
        return parseError(QStringLiteral("not a valid date"), text);
    return d;
}

// HHmmss as milliseconds since midnight, validated as QTime would (hour < 24, minute and second
// < 60).
template<typename View> Result<int> msOfDayOf(View text)
{
    const View t = trimmed(text);
    if (t.size() != 6 || !allDigits(t))
        return parseError(QStringLiteral("not a time (HHmmss)"), text);
    const int h = digitsValue(t, 0, 2);
    const int m = digitsValue(t, 2, 2);
    const int s = digitsValue(t, 4, 2);
    if (!QTime::isValid(h, m, s))
        return parseError(QStringLiteral("not a valid time"), text);
    return ((h * 60 + m) * 60 + s) * 1000;
}

template<typename View> Result<QTime> timeOf(View text)
{
    const auto ms = msOfDayOf(text);
    if (!ms)
        return ms.error();
    return QTime::fromMSecsSinceStartOfDay(*ms);
}

template<typename View> Result<qint64> kstDateTimeOf(View text)
{
    const View t = trimmed(text);
    if (t.size() != 14)
        return parseError(QStringLiteral("not a timestamp (YYYYMMDDHHmmss)"), text);
    const auto d = dateOf(t.mid(0, 8));
    const auto tm = timeOf(t.mid(8, 6));
    if (!d || !tm)
        return parseError(QStringLiteral("not a valid timestamp"), text);
    return Krx::fromKst(*d, *tm);
}

qint64 floorDiv(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

template<typename View> Result<qint64> kstTimeNearOf(View text, qint64 referenceMs)
{
    const auto msOfDay = msOfDayOf(text);
    if (!msOfDay)
        return msOfDay.error();
    // KST is UTC+9 all year (Krx::fromKst/toKst use that fixed offset), so the KST calendar day
    // of the reference and the moment HHmmss on it are plain arithmetic: the same numbers as
    // Krx::fromKst(Krx::kstDate(referenceMs), time), without building two QDateTimes per field.
    constexpr qint64 DAY = 24LL * 3600 * 1000;
    constexpr qint64 HALF_DAY = DAY / 2;
    constexpr qint64 KST_OFFSET = 9LL * 3600 * 1000;
    const qint64 kstDayStart = floorDiv(referenceMs + KST_OFFSET, DAY) * DAY - KST_OFFSET;
    qint64 ms = kstDayStart + *msOfDay;
    if (ms - referenceMs > HALF_DAY)
        ms -= DAY;
    else if (referenceMs - ms > HALF_DAY)
        ms += DAY;
    return ms;
}

// The [begin, end) of the 6-character code inside text, or an error.
template<typename View> Result<std::pair<qsizetype, qsizetype>> codeSpanOf(View text)
{
    qsizetype b = 0;
    qsizetype e = text.size();
    while (b < e && isSpace(at(text, b)))
        ++b;
    while (e > b && isSpace(at(text, e - 1)))
        --e;
    for (qsizetype i = b; i < e; ++i) {
        if (at(text, i) == u'_') {
            e = i;
            break;
        }
    }
    if (e - b == 7 && (at(text, b) == u'A' || at(text, b) == u'J' || at(text, b) == u'Q'))
        ++b;
    if (e - b != 6)
        return parseError(QStringLiteral("not a stock code"), text);
    for (qsizetype i = b; i < e; ++i) {
        const char16_t c = at(text, i);
        if (!isDigit(c) && !(c >= u'A' && c <= u'Z'))
            return parseError(QStringLiteral("not a stock code"), text);
    }
    return std::pair { b, e };
}

template<typename View> Result<QString> codeOf(View text)
{
    const auto span = codeSpanOf(text);
    if (!span)
        return span.error();
    return text.mid(span->first, span->second - span->first).toString();
}

} // namespace

Result<SignedMagnitude> parseSignedMagnitude(QStringView text)
{
    return signedMagnitudeOf(text);
}

Result<SignedMagnitude> parseSignedMagnitude(QLatin1StringView text)
{
    return signedMagnitudeOf(text);
}

Result<qint64> parseInteger(QStringView text)
{
    return integerOf(text);
}

Result<qint64> parseInteger(QLatin1StringView text)
{
    return integerOf(text);
}

Result<double> parseDecimal(QStringView text)
{
    return decimalOf(text);
}

Result<double> parseDecimal(QLatin1StringView text)
{
    return decimalOf(text);
}

Result<ChangeSign> parseChangeSign(QStringView text)
{
    return changeSignOf(text);
}

Result<ChangeSign> parseChangeSign(QLatin1StringView text)
{
    return changeSignOf(text);
}

Result<QDate> parseDate(QStringView text)
{
    return dateOf(text);
}

Result<QDate> parseDate(QLatin1StringView text)
{
    return dateOf(text);
}

Result<QTime> parseTime(QStringView text)
{
    return timeOf(text);
}

Result<QTime> parseTime(QLatin1StringView text)
{
    return timeOf(text);
}

Result<qint64> parseKstDateTime(QStringView text)
{
    return kstDateTimeOf(text);
}

Result<qint64> parseKstDateTime(QLatin1StringView text)
{
    return kstDateTimeOf(text);
}

Result<qint64> parseKstTimeNear(QStringView text, qint64 referenceMs)
{
    return kstTimeNearOf(text, referenceMs);
}

Result<qint64> parseKstTimeNear(QLatin1StringView text, qint64 referenceMs)
{
    return kstTimeNearOf(text, referenceMs);
}

Result<QString> normalizeCode(QStringView text)
{
    return codeOf(text);
}

Result<QString> normalizeCode(QLatin1StringView text)
{
    return codeOf(text);
}

Result<QString> normalizeCode(const QString &text)
{
    const auto span = codeSpanOf(QStringView(text));
    if (!span)
        return span.error();
    if (span->first == 0 && span->second == text.size())
        return text; // already a plain code: share it
    return text.mid(span->first, span->second - span->first);
}

} // namespace Kiwoom
