// SPDX-License-Identifier: GPL-3.0-or-later
#include "candlecsv.h"

#include <QFile>

#include <array>
#include <charconv>
#include <cmath>

namespace CandleCsv {

namespace {

constexpr std::array<const char *, 6> COLUMNS = { "time", "open", "high", "low", "close", "volume" };
enum Column
{
    Time,
    Open,
    High,
    Low,
    Close,
    Volume
};

QByteArrayView trimmed(QByteArrayView s)
{
    while (!s.isEmpty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
        s = s.sliced(1);
    while (!s.isEmpty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.chop(1);
    if (s.size() >= 2 && s.front() == '"' && s.back() == '"')
        s = s.sliced(1, s.size() - 2);
    return s;
}

// Splits one line on ',' into `fields` (reused between lines to avoid allocations).
void split(QByteArrayView line, std::vector<QByteArrayView> &fields)
{
    fields.clear();
    qsizetype start = 0;
    for (qsizetype i = 0; i < line.size(); ++i) {
        if (line[i] == ',') {
            fields.push_back(trimmed(line.sliced(start, i - start)));
            start = i + 1;
        }
    }
    fields.push_back(trimmed(line.sliced(start)));
}

QString shown(QByteArrayView field)
{
    // Quote the offending text, cut to a readable length.
    QString s = QString::fromUtf8(field.first(std::min<qsizetype>(field.size(), 40)));
    if (field.size() > 40)
        s += QStringLiteral("...");
    return u'"' + s + u'"';
}

QString number(double v)
{
    return QString::number(v, 'g', 17);
}

Error error(const char *code, int line, const QString &message)
{
    return Error { QLatin1String(code), QStringLiteral("line %1: %2").arg(line).arg(message) };
}

std::optional<double> parseNumber(QByteArrayView s)
{
    if (!s.isEmpty() && s.front() == '+')
        s = s.sliced(1);
    if (s.isEmpty())
        return std::nullopt;
    double v = 0.0;
    const char *end = s.data() + s.size();
    const auto [ptr, ec] = std::from_chars(s.data(), end, v);
    if (ec != std::errc() || ptr != end || !std::isfinite(v))
        return std::nullopt;
    return v;
}

bool digits(QByteArrayView s, qsizetype pos, int count, int &value)
{
    if (pos + count > s.size())
        return false;
    value = 0;
    for (int i = 0; i < count; ++i) {
        const char c = s[pos + i];
        if (c < '0' || c > '9')
            return false;
        value = value * 10 + (c - '0');
    }
    return true;
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
qint64 daysFromCivil(int y, int m, int d)
{
    y -= m <= 2 ? 1 : 0;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return qint64(era) * 146097 + doe - 719468;
}

int daysInMonth(int y, int m)
{
    static constexpr int DAYS[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : DAYS[m - 1];
}

} // namespace

std::optional<qint64> parseIsoTime(QByteArrayView s)
{
    // YYYY-MM-DD[T ]HH:MM[:SS[.fff...]](Z|±HH:MM|±HHMM)
    int year, month, day, hour, minute, second = 0;
    if (!digits(s, 0, 4, year) || s.size() < 16 || s[4] != '-' || !digits(s, 5, 2, month) || s[7] != '-'
        || !digits(s, 8, 2, day) || (s[10] != 'T' && s[10] != 't' && s[10] != ' ') || !digits(s, 11, 2, hour)
        || s[13] != ':' || !digits(s, 14, 2, minute))
        return std::nullopt;
    qsizetype pos = 16;
    qint64 millis = 0;
    if (pos < s.size() && s[pos] == ':') {
        if (!digits(s, pos + 1, 2, second))
            return std::nullopt;
        pos += 3;
        if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
            ++pos;
            int n = 0;
            while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
                if (n < 3)
                    millis = millis * 10 + (s[pos] - '0');
                ++n;
                ++pos;
            }
            if (n == 0)
                return std::nullopt;
            for (; n < 3; ++n)
                millis *= 10;
        }
    }
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        return std::nullopt;
    if (pos >= s.size())
        return std::nullopt; // no offset: the instant would be ambiguous
    qint64 offsetMinutes = 0;
    if (s[pos] == 'Z' || s[pos] == 'z') {
        ++pos;
    } else if (s[pos] == '+' || s[pos] == '-') {
        const int sign = s[pos] == '-' ? -1 : 1;
        int oh, om;
        if (!digits(s, pos + 1, 2, oh))
            return std::nullopt;
        pos += 3;
        if (pos < s.size() && s[pos] == ':')
            ++pos;
        if (!digits(s, pos, 2, om))
            return std::nullopt;
        pos += 2;
        if (oh > 23 || om > 59)
            return std::nullopt;
        offsetMinutes = sign * (oh * 60 + om);
    } else {
        return std::nullopt;
    }
    if (pos != s.size())
        return std::nullopt;
    const qint64 days = daysFromCivil(year, month, day);
    const qint64 localSeconds = ((days * 24 + hour) * 60 + minute) * 60 + second;
    return (localSeconds - offsetMinutes * 60) * 1000 + millis;
}

Result<Table> parse(QByteArrayView csv)
{
    if (csv.startsWith("\xEF\xBB\xBF"))
        csv = csv.sliced(3);

    Table table;
    std::array<qsizetype, COLUMNS.size()> columnIndex;
    columnIndex.fill(-1);
    qsizetype fieldCount = 0;
    bool haveHeader = false;
    std::vector<QByteArrayView> fields;
    int lineNo = 0;
    qsizetype pos = 0;
    while (pos < csv.size()) {
        qsizetype nl = csv.indexOf('\n', pos);
        if (nl < 0)
            nl = csv.size();
        const QByteArrayView line = csv.sliced(pos, nl - pos);
        pos = nl + 1;
        ++lineNo;
        if (trimmed(line).isEmpty())
            continue;
        split(line, fields);

        if (!haveHeader) {
            haveHeader = true;
            fieldCount = qsizetype(fields.size());
            for (qsizetype i = 0; i < fieldCount; ++i) {
                const QByteArray name = fields[size_t(i)].toByteArray().toLower();
                for (size_t c = 0; c < COLUMNS.size(); ++c) {
                    if (name != COLUMNS[c])
                        continue;
                    if (columnIndex[c] >= 0)
                        return error("csv.header", lineNo,
                            QStringLiteral("column \"%1\" appears twice").arg(QLatin1String(COLUMNS[c])));
                    columnIndex[c] = i;
                }
            }
            for (size_t c = 0; c < COLUMNS.size(); ++c) {
                if (columnIndex[c] < 0) {
                    return error("csv.header", lineNo,
                        QStringLiteral("missing column \"%1\" (the header must name time,open,high,low,close,volume)")
                            .arg(QLatin1String(COLUMNS[c])));
                }
            }
            continue;
        }

        if (qsizetype(fields.size()) != fieldCount) {
            return error("csv.value", lineNo,
                QStringLiteral("expected %1 fields like the header, found %2").arg(fieldCount).arg(fields.size()));
        }
        Indicators::Bar bar;
        double *targets[] = { nullptr, &bar.open, &bar.high, &bar.low, &bar.close, &bar.volume };
        for (size_t c = Open; c < COLUMNS.size(); ++c) {
            const QByteArrayView field = fields[size_t(columnIndex[c])];
            const auto v = parseNumber(field);
            if (!v) {
                return error("csv.value", lineNo,
                    QStringLiteral("%1 %2 is not a finite number").arg(QLatin1String(COLUMNS[c]), shown(field)));
            }
            if (*v < 0.0) {
                return error("csv.value", lineNo,
                    QStringLiteral("%1 %2 is negative").arg(QLatin1String(COLUMNS[c]), shown(field)));
            }
            *targets[c] = *v;
        }
        if (bar.high < bar.low) {
            return error(
                "csv.value", lineNo, QStringLiteral("high %1 is below low %2").arg(number(bar.high), number(bar.low)));
        }
        for (const auto &[name, value] : { std::pair { "open", bar.open }, std::pair { "close", bar.close } }) {
            if (value < bar.low || value > bar.high) {
                return error("csv.value", lineNo,
                    QStringLiteral("%1 %2 is outside the low..high range %3..%4")
                        .arg(QLatin1String(name), number(value), number(bar.low), number(bar.high)));
            }
        }
        const QByteArrayView timeField = fields[size_t(columnIndex[Time])];
        const auto time = parseIsoTime(timeField);
        if (!time) {
            return error("csv.value", lineNo,
                QStringLiteral("time %1 is not an ISO-8601 date-time with a UTC offset "
                               "(e.g. 2024-01-02T09:00:00+09:00)")
                    .arg(shown(timeField)));
        }
        if (!table.bars.empty() && *time <= table.bars.back().timeMs) {
            return error("csv.order", lineNo,
                QStringLiteral("time %1 is not after the previous row's %2 (line %3): rows must be sorted "
                               "by time without duplicates")
                    .arg(shown(timeField), shown(table.timeText(qsizetype(table.bars.size()) - 1)))
                    .arg(table.lineNumbers.back()));
        }
        bar.timeMs = *time;
        table.bars.push_back(bar);
        table.lineNumbers.push_back(lineNo);
        table.m_timeTexts.append(timeField.data(), timeField.size());
        table.m_timeStarts.push_back(table.m_timeTexts.size());
    }
    if (!haveHeader)
        return error("csv.header", 1, QStringLiteral("empty file: expected a header line"));
    return table;
}

Result<Table> readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error { QStringLiteral("csv.io"), QStringLiteral("cannot read %1: %2").arg(path, file.errorString()) };
    const QByteArray data = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return Error { QStringLiteral("csv.io"), QStringLiteral("cannot read %1: %2").arg(path, file.errorString()) };
    return parse(data);
}

} // namespace CandleCsv
