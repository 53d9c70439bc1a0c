// SPDX-License-Identifier: GPL-3.0-or-later
#include "indicatorscli.h"

#include "candlecsv.h"
#include "indicators/indicatorset.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <vector>

namespace IndicatorsCli {

namespace {

constexpr const char *TOOL = "kiwoom-trader indicators";

void printUsage(QTextStream &s)
{
    s << "Usage: kiwoom-trader indicators --csv IN.csv --out OUT.csv\n"
         "\n"
         "Computes the standard indicator set for every candle of IN.csv and writes OUT.csv.\n"
         "\n"
         "Input: a header naming the columns time,open,high,low,close,volume (any order, extra\n"
         "columns ignored), then one candle per line, sorted by time without duplicates. time is\n"
         "ISO-8601 with a UTC offset (2024-01-02T09:00:00+09:00); prices and volume are numbers >= 0\n"
         "with low <= open, close <= high.\n"
         "\n"
         "Output columns:\n  "
      << CSV_HEADER
      << "\n"
         "Periods: SMA/EMA/Bollinger(20, 2σ population)/disparity 20, RSI(14, Wilder), momentum 10,\n"
         "Chaikin(3, 10) of the A/D line, stochastic fast(14, 3) and slow(14, 3, 3), MACD(12, 26, 9),\n"
         "ATR(14, Wilder), OBV, VWAP cumulative and daily (restarting each Asia/Seoul day).\n"
         "A cell is empty while its indicator warms up. Values are the shortest text that reads back to\n"
         "the same double: plain decimals from 0.0001 up to 1e17, scientific notation outside.\n"
         "\n"
         "Options:\n"
         "  --csv FILE   input candles\n"
         "  --out FILE   output file (written atomically: no file on error)\n"
         "  -h, --help   show this help\n"
         "\n"
         "Exit status: 0 written, 1 the output could not be written, 2 bad arguments or bad input.\n";
}

int usageError(QTextStream &err, const QString &message)
{
    err << TOOL << ": " << message << "\n"
        << "Try 'kiwoom-trader indicators --help'.\n";
    err.flush();
    return 2;
}

// Exactly representable powers of ten for the short-decimal path.
constexpr double POW10[] = { 1e0, 1e1, 1e2, 1e3, 1e4 };
// Decimals the short-decimal path tries (each costs a few cycles on every value that needs all 17
// digits; four cover sums of two-decimal prices over 20 bars).
constexpr int FAST_DECIMALS = 4;

char *writeUnsigned(char *out, quint64 v)
{
    return std::to_chars(out, out + 20, v).ptr;
}

// The rows of the output, formatted into one large buffer that goes to the file in big writes.
class RowWriter
{
public:
    // A writer whose device failed to open (enabled = false) is not ok() and writes nothing.
    RowWriter(QIODevice &device, bool enabled) : m_device(device), m_buf(size_t(BLOCK)), m_ok(enabled) { }

    // Room for at least n more bytes; the returned pointer is valid until commit().
    char *reserve(qsizetype n)
    {
        if (qsizetype(m_buf.size()) - m_used < n) {
            flush();
            if (qsizetype(m_buf.size()) < n)
                m_buf.resize(size_t(n));
        }
        return m_buf.data() + m_used;
    }
    void commit(const char *end) { m_used = end - m_buf.data(); }
    // Hands the buffer to the device; after a failed write ok() is false and nothing more is written.
    void flush()
    {
        if (m_ok && m_used > 0)
            m_ok = m_device.write(m_buf.data(), m_used) == m_used;
        m_used = 0;
    }
    bool ok() const { return m_ok; }

private:
    // 256 KiB: large enough that the write calls cost nothing, small enough that the formatted text is
    // still in the L2 cache when the kernel copies it out (4 MiB blocks measured slower overall).
    static constexpr qsizetype BLOCK = qsizetype(256) << 10;
    QIODevice &m_device;
    std::vector<char> m_buf;
    qsizetype m_used = 0;
    bool m_ok = true;
};

} // namespace

char *formatNumber(char *out, double v)
{
    if (v == 0.0) {
        *out = '0'; // also -0
        return out + 1;
    }
    const double a = std::fabs(v);
    if (a < 0x1p53) {
        // Integers: below 2^53 the exact integer is the only integer text that reads back to v, and
        // the shortest; std::to_chars(fixed) writes the same.
        const auto whole = quint64(a);
        if (double(whole) == a) {
            if (v < 0)
                *out++ = '-';
            return writeUnsigned(out, whole);
        }
        // Short decimals (d <= FAST_DECIMALS places), same text as std::to_chars(fixed), cheaper.
        // Let p = a·10^d (rounded) < 2^50. The digits m of a d-place text that reads back to a are
        // within half an ulp of a, scaled: |m − p| <= p·2^-52 < 1/4, so r = round(p) is the only
        // candidate, and it reads back to a exactly when r / 10^d (one correctly rounded division,
        // as from_chars rounds the decimal) is a. The smallest such d gives the fewest characters,
        // i.e. the shortest text; tst_indicatorscli compares it with std::to_chars.
        for (int d = 1; d <= FAST_DECIMALS; ++d) {
            const double p = a * POW10[d];
            if (p >= 0x1p50)
                break;
            const double r = (p + 0x1p52) - 0x1p52; // round half to even, exact for 0 <= p < 2^52
            // A hit has |p − r| <= p·2^-52 (bound above): a cheap, generous filter before the division.
            if (std::fabs(p - r) > p * 0x1p-49 || r / POW10[d] != a)
                continue;
            const auto digits = quint64(r);
            const auto scale = quint64(POW10[d]);
            if (v < 0)
                *out++ = '-';
            out = writeUnsigned(out, digits / scale);
            *out++ = '.';
            quint64 fraction = digits % scale;
            for (int i = d - 1; i >= 0; --i) {
                out[i] = char('0' + fraction % 10);
                fraction /= 10;
            }
            return out + d;
        }
    }
    const std::chars_format format = a >= 1e-4 && a < 1e17 ? std::chars_format::fixed : std::chars_format::scientific;
    const auto [end, ec] = std::to_chars(out, out + MAX_NUMBER_CHARS, v, format);
    Q_ASSERT(ec == std::errc());
    return end;
}

namespace {

// The output columns after index and time, in CSV_HEADER order.
using Values = Indicators::IndicatorSet::Values;
constexpr std::optional<double> Values::*COLUMNS[] = {
    &Values::sma,
    &Values::ema,
    &Values::rsi,
    &Values::bbMiddle,
    &Values::bbUpper,
    &Values::bbLower,
    &Values::momentum,
    &Values::disparity,
    &Values::adl,
    &Values::chaikin,
    &Values::stochK,
    &Values::stochD,
    &Values::stochSlowK,
    &Values::stochSlowD,
    &Values::macd,
    &Values::macdSignal,
    &Values::macdHist,
    &Values::atr,
    &Values::obv,
    &Values::vwap,
    &Values::vwapDaily,
};
constexpr qsizetype ROW_BYTES_WITHOUT_TIME = 20 + 1 + qsizetype(std::size(COLUMNS)) * (1 + MAX_NUMBER_CHARS) + 1;

void writeRow(RowWriter &writer, qsizetype index, QByteArrayView time, const Values &values)
{
    char *p = writer.reserve(ROW_BYTES_WITHOUT_TIME + time.size());
    p = writeUnsigned(p, quint64(index));
    *p++ = ',';
    std::memcpy(p, time.data(), size_t(time.size()));
    p += time.size();
    for (const auto column : COLUMNS) {
        *p++ = ',';
        if (const std::optional<double> &v = values.*column)
            p = formatNumber(p, *v);
    }
    *p++ = '\n';
    writer.commit(p);
}

} // namespace

int run(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QString inPath;
    QString outPath;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == u"-h" || a == u"--help") {
            printUsage(out);
            out.flush();
            return 0;
        }
        QString *target = nullptr;
        QString value;
        for (const auto &[name, dest] :
            { std::pair { QStringLiteral("--csv"), &inPath }, std::pair { QStringLiteral("--out"), &outPath } }) {
            if (a == name) {
                if (i + 1 >= args.size())
                    return usageError(err, QStringLiteral("%1 needs a file name").arg(name));
                target = dest;
                value = args[++i];
            } else if (a.startsWith(name + u'=')) {
                target = dest;
                value = a.mid(name.size() + 1);
            }
        }
        if (!target)
            return usageError(err, QStringLiteral("unknown argument \"%1\"").arg(a));
        if (!target->isEmpty())
            return usageError(err, QStringLiteral("%1 given twice").arg(a.section(u'=', 0, 0)));
        if (value.isEmpty())
            return usageError(err, QStringLiteral("%1 needs a file name").arg(a.section(u'=', 0, 0)));
        *target = value;
    }
    if (inPath.isEmpty())
        return usageError(err, QStringLiteral("missing --csv IN.csv"));
    if (outPath.isEmpty())
        return usageError(err, QStringLiteral("missing --out OUT.csv"));

    CandleCsv::FileReader reader;
    if (const Status opened = reader.open(inPath); !opened) {
        err << TOOL << ": " << QDir::toNativeSeparators(inPath) << ": " << opened.error().message << "\n";
        err.flush();
        return 2;
    }

    // One pass: each row is computed (IndicatorSet: bit for bit the batch functions) and formatted
    // as soon as it is read, into a temporary file that becomes OUT only when the whole input was
    // valid. When the output cannot be opened or written the input is still read to its end, so bad
    // input is reported (exit 2) before an unwritable output (exit 1), as the help says.
    QSaveFile file(outPath);
    const bool opened = file.open(QIODevice::WriteOnly | QIODevice::Unbuffered);
    RowWriter writer(file, opened);
    char *p = writer.reserve(qsizetype(std::strlen(CSV_HEADER)) + 1);
    p = std::copy_n(CSV_HEADER, std::strlen(CSV_HEADER), p);
    *p++ = '\n';
    writer.commit(p);
    Indicators::IndicatorSet set;
    qsizetype rows = 0;
    const Status read = reader.readRows([&](const CandleCsv::Row &row) {
        const Values &values = set.append(row.bar);
        if (writer.ok())
            writeRow(writer, rows, row.timeText, values);
        ++rows;
    });
    if (!read) {
        file.cancelWriting(); // the temporary file is removed; OUT is not touched
        err << TOOL << ": " << QDir::toNativeSeparators(inPath) << ": " << read.error().message << "\n";
        err.flush();
        return 2;
    }
    writer.flush();
    if (!writer.ok() || !file.commit()) {
        err << TOOL << ": cannot write " << QDir::toNativeSeparators(outPath) << ": " << file.errorString() << "\n";
        err.flush();
        return 1;
    }
    out << "indicators: " << rows << " candles -> " << QDir::toNativeSeparators(outPath) << "\n";
    out.flush();
    return 0;
}

} // namespace IndicatorsCli
