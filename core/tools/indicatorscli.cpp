// SPDX-License-Identifier: GPL-3.0-or-later
#include "indicatorscli.h"

#include "candlecsv.h"
#include "indicators/indicatorset.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <charconv>

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
         "A cell is empty while its indicator warms up; values are printed with %.17g.\n"
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

void appendNumber(QByteArray &buf, double v)
{
    if (v == 0.0)
        v = 0.0; // print -0 as 0
    char text[32];
    // Same digits as printf("%.17g"): enough to round-trip every double.
    const auto [end, ec] = std::to_chars(text, text + sizeof text, v, std::chars_format::general, 17);
    Q_ASSERT(ec == std::errc());
    buf.append(text, end - text);
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

    const Result<CandleCsv::Table> parsed = CandleCsv::readFile(inPath);
    if (!parsed) {
        err << TOOL << ": " << QDir::toNativeSeparators(inPath) << ": " << parsed.error().message << "\n";
        err.flush();
        return 2;
    }
    const CandleCsv::Table &table = parsed.value();
    const Indicators::IndicatorLines lines = Indicators::computeAll(table.bars);
    const Indicators::Line *columns[] = {
        &lines.sma,
        &lines.ema,
        &lines.rsi,
        &lines.bbMiddle,
        &lines.bbUpper,
        &lines.bbLower,
        &lines.momentum,
        &lines.disparity,
        &lines.adl,
        &lines.chaikin,
        &lines.stochK,
        &lines.stochD,
        &lines.stochSlowK,
        &lines.stochSlowD,
        &lines.macd,
        &lines.macdSignal,
        &lines.macdHist,
        &lines.atr,
        &lines.obv,
        &lines.vwap,
        &lines.vwapDaily,
    };

    QSaveFile file(outPath);
    if (!file.open(QIODevice::WriteOnly)) {
        err << TOOL << ": cannot write " << QDir::toNativeSeparators(outPath) << ": " << file.errorString() << "\n";
        err.flush();
        return 1;
    }
    QByteArray buf;
    buf.reserve(1 << 20);
    buf.append(CSV_HEADER);
    buf.append('\n');
    bool writeOk = true;
    for (qsizetype i = 0; i < table.size() && writeOk; ++i) {
        buf.append(QByteArray::number(i));
        buf.append(',');
        buf.append(table.timeText(i));
        for (const Indicators::Line *line : columns) {
            buf.append(',');
            if (line->has(i))
                appendNumber(buf, line->values[size_t(i)]);
        }
        buf.append('\n');
        if (buf.size() >= (1 << 20) - 1024) {
            writeOk = file.write(buf) == buf.size();
            buf.clear();
        }
    }
    if (writeOk && !buf.isEmpty())
        writeOk = file.write(buf) == buf.size();
    if (!writeOk || !file.commit()) {
        err << TOOL << ": cannot write " << QDir::toNativeSeparators(outPath) << ": " << file.errorString() << "\n";
        err.flush();
        return 1;
    }
    out << "indicators: " << table.size() << " candles -> " << QDir::toNativeSeparators(outPath) << "\n";
    out.flush();
    return 0;
}

} // namespace IndicatorsCli
