// SPDX-License-Identifier: GPL-3.0-or-later
#include "candlecsv.h"

#include <QFile>

#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <string>

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

// Powers of ten exactly representable as doubles (10^0 .. 10^22).
constexpr double POW10[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22 };

// Clinger's fast path for the common field: DIGITS or DIGITS.DIGITS with at most 15 digits in all.
// The digits form an integer m < 10^15 < 2^53 and the divisor 10^k (k <= 15) is exact, so the one
// correctly rounded IEEE division gives the double nearest to the decimal: the very value
// std::from_chars returns. Anything else (a sign, an exponent, more digits, "5.", ".5") → false.
bool parseSimpleDecimal(const char *p, const char *end, double &out)
{
    quint64 m = 0;
    const char *intEnd = p;
    while (intEnd < end && quint8(*intEnd - '0') < 10) {
        m = m * 10 + quint8(*intEnd - '0');
        ++intEnd;
    }
    const int digits = int(intEnd - p);
    if (digits == 0 || digits > 15)
        return false;
    if (intEnd == end) {
        out = double(m);
        return true;
    }
    if (*intEnd != '.')
        return false;
    const char *q = intEnd + 1;
    while (q < end && quint8(*q - '0') < 10) {
        m = m * 10 + quint8(*q - '0');
        ++q;
    }
    const int fraction = int(q - intEnd - 1);
    if (q != end || fraction == 0 || digits + fraction > 15)
        return false;
    out = double(m) / POW10[fraction];
    return true;
}

std::optional<double> parseNumber(QByteArrayView s)
{
    if (!s.isEmpty() && s.front() == '+')
        s = s.sliced(1);
    if (s.isEmpty())
        return std::nullopt;
    double v = 0.0;
    const char *end = s.data() + s.size();
    if (parseSimpleDecimal(s.data(), end, v))
        return v;
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

// The line-by-line reader behind parse(), readFile() and FileReader: feed it the text in pieces that
// end at a line break (the last piece may end without one), then finish(). Each valid data row goes
// to the callback.
class Parser
{
public:
    explicit Parser(const FileReader::RowFn &onRow) : m_onRow(onRow) { m_columnIndex.fill(-1); }

    Status lines(QByteArrayView text)
    {
        const char *p = text.data();
        const char *const end = p + text.size();
        while (p < end) {
            const char *nl = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
            if (!nl)
                nl = end;
            if (Status s = line(QByteArrayView(p, nl - p)); !s)
                return s;
            p = nl + 1;
        }
        return {};
    }

    Status finish() const
    {
        if (!m_haveHeader)
            return error("csv.header", 1, QStringLiteral("empty file: expected a header line"));
        return {};
    }

    static void append(Table &table, const Row &row)
    {
        table.bars.push_back(row.bar);
        table.lineNumbers.push_back(row.lineNumber);
        table.m_timeTexts.append(row.timeText.data(), row.timeText.size());
        table.m_timeStarts.push_back(table.m_timeTexts.size());
    }
    static void reserve(Table &table, qsizetype rows, qsizetype timeBytes)
    {
        table.bars.reserve(size_t(rows));
        table.lineNumbers.reserve(size_t(rows));
        table.m_timeStarts.reserve(size_t(rows) + 1);
        table.m_timeTexts.reserve(timeBytes);
    }

private:
    Status line(QByteArrayView line);
    Status header();

    const FileReader::RowFn &m_onRow;
    std::array<qsizetype, COLUMNS.size()> m_columnIndex;
    qsizetype m_fieldCount = 0;
    bool m_haveHeader = false;
    std::vector<QByteArrayView> m_fields;
    int m_lineNo = 0;
    // The previous data row, for the order check and its message.
    bool m_havePrevious = false;
    qint64 m_previousTimeMs = 0;
    int m_previousLine = 0;
    std::string m_previousTimeText;
};

Status Parser::header()
{
    m_haveHeader = true;
    m_fieldCount = qsizetype(m_fields.size());
    for (qsizetype i = 0; i < m_fieldCount; ++i) {
        const QByteArray name = m_fields[size_t(i)].toByteArray().toLower();
        for (size_t c = 0; c < COLUMNS.size(); ++c) {
            if (name != COLUMNS[c])
                continue;
            if (m_columnIndex[c] >= 0)
                return error("csv.header", m_lineNo,
                    QStringLiteral("column \"%1\" appears twice").arg(QLatin1String(COLUMNS[c])));
            m_columnIndex[c] = i;
        }
    }
    for (size_t c = 0; c < COLUMNS.size(); ++c) {
        if (m_columnIndex[c] < 0) {
            return error("csv.header", m_lineNo,
                QStringLiteral("missing column \"%1\" (the header must name time,open,high,low,close,volume)")
                    .arg(QLatin1String(COLUMNS[c])));
        }
    }
    return {};
}

Status Parser::line(QByteArrayView line)
{
    ++m_lineNo;
    if (m_lineNo == 1 && line.startsWith("\xEF\xBB\xBF"))
        line = line.sliced(3);
    if (trimmed(line).isEmpty())
        return {};
    split(line, m_fields);
    if (!m_haveHeader)
        return header();

    if (qsizetype(m_fields.size()) != m_fieldCount) {
        return error("csv.value", m_lineNo,
            QStringLiteral("expected %1 fields like the header, found %2").arg(m_fieldCount).arg(m_fields.size()));
    }
    Row row;
    Indicators::Bar &bar = row.bar;
    double *targets[] = { nullptr, &bar.open, &bar.high, &bar.low, &bar.close, &bar.volume };
    for (size_t c = Open; c < COLUMNS.size(); ++c) {
        const QByteArrayView field = m_fields[size_t(m_columnIndex[c])];
        const auto v = parseNumber(field);
        if (!v) {
            return error("csv.value", m_lineNo,
                QStringLiteral("%1 %2 is not a finite number").arg(QLatin1String(COLUMNS[c]), shown(field)));
        }
        if (*v < 0.0) {
            return error("csv.value", m_lineNo,
                QStringLiteral("%1 %2 is negative").arg(QLatin1String(COLUMNS[c]), shown(field)));
        }
        *targets[c] = *v;
    }
    if (bar.high < bar.low) {
        return error(
            "csv.value", m_lineNo, QStringLiteral("high %1 is below low %2").arg(number(bar.high), number(bar.low)));
    }
    for (const auto &[name, value] : { std::pair { "open", bar.open }, std::pair { "close", bar.close } }) {
        if (value < bar.low || value > bar.high) {
            return error("csv.value", m_lineNo,
                QStringLiteral("%1 %2 is outside the low..high range %3..%4")
                    .arg(QLatin1String(name), number(value), number(bar.low), number(bar.high)));
        }
    }
    const QByteArrayView timeField = m_fields[size_t(m_columnIndex[Time])];
    const auto time = parseIsoTime(timeField);
    if (!time) {
        return error("csv.value", m_lineNo,
            QStringLiteral("time %1 is not an ISO-8601 date-time with a UTC offset "
                           "(e.g. 2024-01-02T09:00:00+09:00)")
                .arg(shown(timeField)));
    }
    if (m_havePrevious && *time <= m_previousTimeMs) {
        return error("csv.order", m_lineNo,
            QStringLiteral("time %1 is not after the previous row's %2 (line %3): rows must be sorted "
                           "by time without duplicates")
                .arg(shown(timeField), shown(QByteArrayView(m_previousTimeText)))
                .arg(m_previousLine));
    }
    bar.timeMs = *time;
    row.timeText = timeField;
    row.lineNumber = m_lineNo;
    m_havePrevious = true;
    m_previousTimeMs = *time;
    m_previousLine = m_lineNo;
    m_previousTimeText.assign(timeField.data(), size_t(timeField.size())); // reuses its capacity
    m_onRow(row);
    return {};
}

Result<Table> parse(QByteArrayView csv)
{
    Table table;
    const FileReader::RowFn append = [&table](const Row &row) { Parser::append(table, row); };
    Parser parser(append);
    if (Status s = parser.lines(csv); !s)
        return s.error();
    if (Status s = parser.finish(); !s)
        return s.error();
    return table;
}

Result<Table> readFile(const QString &path)
{
    FileReader reader;
    if (Status s = reader.open(path); !s)
        return s.error();
    Table table;
    // Room for the rows of typical files (>= 40 bytes a row) at once rather than growing step by
    // step; memory that is reserved but never written costs no page.
    const qsizetype rows = qsizetype(reader.size() / 40) + 16;
    Parser::reserve(table, rows, rows * 25);
    if (Status s = reader.readRows([&table](const Row &row) { Parser::append(table, row); }); !s)
        return s.error();
    return table;
}

Status FileReader::open(const QString &path)
{
    m_path = path;
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        return Error { QStringLiteral("csv.io"), QStringLiteral("cannot read %1: %2").arg(path, m_file.errorString()) };
    }
    return {};
}

Status FileReader::readRows(const RowFn &onRow)
{
    auto ioError = [this] {
        return Error { QStringLiteral("csv.io"),
            QStringLiteral("cannot read %1: %2").arg(m_path, m_file.errorString()) };
    };
    if (!m_file.isOpen())
        return ioError();
    // Blocks of READ_BLOCK bytes; the unfinished line at the end of a block moves to the front and
    // the next read appends to it (a line longer than the buffer doubles the buffer). 256 KiB stays in
    // the L2 cache between the kernel's copy and the parse.
    constexpr qsizetype READ_BLOCK = qsizetype(256) << 10;
    std::vector<char> buf(static_cast<size_t>(READ_BLOCK));
    qsizetype kept = 0;
    Parser parser(onRow);
    for (;;) {
        if (kept == qsizetype(buf.size()))
            buf.resize(buf.size() * 2);
        const qint64 got = m_file.read(buf.data() + kept, qint64(buf.size()) - kept);
        if (got < 0)
            return ioError();
        if (got == 0)
            break;
        const QByteArrayView data(buf.data(), kept + got);
        const qsizetype complete = data.lastIndexOf('\n') + 1; // 0: no line break in the buffer yet
        if (Status s = parser.lines(data.first(complete)); !s)
            return s;
        kept = data.size() - complete;
        std::memmove(buf.data(), buf.data() + complete, size_t(kept));
    }
    if (Status s = parser.lines(QByteArrayView(buf.data(), kept)); !s)
        return s;
    return parser.finish();
}

} // namespace CandleCsv
