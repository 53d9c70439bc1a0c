// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark of `kiwoom-trader indicators` (not a ctest; prints its figures): the whole job on a
// deterministic candle CSV — read the CSV, compute every indicator, write every column — run
// in-process through CliTools::run, median and best of several runs in wall-clock and CPU seconds,
// plus the share of each stage (reading, computing, formatting, writing).
//
// The CSV is IndicatorsData::randomWalk(n, 2024): one-minute KRW bars from 2024-01-02 09:00 KST,
// 390 a day, integer prices on a 10-won tick and integer volumes, with flat and zero-volume stretches,
// time written as 2024-01-02T09:00:00+09:00 (1,000,000 candles: 50.7 MB in, 324 MB out).
// --keep-csv writes it where another program can read the very same file.
//
// Usage: bench_indicatorscli [candles] [--runs N] [--dir DIR] [--keep-csv PATH]
//   candles     default 1000000
//   --runs N    default 5
//   --dir DIR   where the input and output files go (default: a temporary directory); the disk
//               matters for a job that writes ~300 MB, so compare tools in the same directory
//   --keep-csv  also write the input CSV to PATH and leave it there
//
// Issue 8 asks for <= 0.25x the time TA-Lib C takes for the same job. How it was measured (the
// TA-Lib driver is not part of this repository): TA-Lib 0.6.0-dev C sources as bundled by the npm
// package `talib` 2.0.5, built with gcc -O2 into a static library; a C driver reads the same CSV
// (fgets, strtod, sscanf for the time; numbers, ranges and order checked like the tool), calls
// TA_SMA(20), TA_EMA(20), TA_RSI(14), TA_BBANDS(20, 2, 2, SMA), TA_MOM(10), TA_AD, TA_ADOSC(3, 10),
// TA_STOCHF(14, 3), TA_STOCH(14, 3, 3), TA_MACD(12, 26, 9), TA_ATR(14), TA_OBV, computes disparity 20 and the
// cumulative and daily (KST) VWAP by hand, and writes the same 23 columns with "%.17g" through a
// 1 MiB stdio buffer. Both programs, with `kiwoom-trader` the Release build, ran on the 1,000,000-
// candle file with the output in the same directory, under hyperfine (1 warm-up, 5 runs each, two
// sessions), on the shared 2-core build machine under a load average of 10-14 (others' builds), so
// only about a third of a core was ours and wall times are ~3x the CPU times; the ratios hold either
// way:
//
//                           median wall        CPU (user+sys)     vs TA-Lib (wall / CPU)
//   TA-Lib C driver         28.91 s, 29.78 s    7.30 s, 10.31 s
//   tool before (5f52afe)   12.46 s, 14.31 s    3.97 s,  4.49 s    0.43-0.48x / 0.44-0.54x
//   tool after               3.89 s,  3.91 s    1.12 s,  1.37 s    0.13x      / 0.13-0.15x
//
// The TA-Lib driver's CPU split: reading 0.77 s, TA-Lib calls 0.72 s, printf and writing 5.5 s.
// This benchmark on the same machine and load (after): whole job 3.65 s wall / 1.08 s CPU; stages in
// CPU seconds: read + parse 0.10, compute (IndicatorSet::append) 0.16, format 0.71, write 0.11.
#include "indicators/indicatorset.h"
#include "indicatorsdata.h"
#include "tools/candlecsv.h"
#include "tools/clitools.h"
#include "tools/indicatorscli.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <functional>
#include <time.h>

namespace {

volatile double g_sink = 0.0; // keeps the optimiser from dropping the work

// Civil date of a day count since 1970-01-01 (H. Hinnant's civil_from_days).
void civilFromDays(qint64 z, int &y, int &m, int &d)
{
    z += 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const qint64 doe = z - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    d = int(doy - (153 * mp + 2) / 5 + 1);
    m = int(mp < 10 ? mp + 3 : mp - 9);
    y = int(yoe + era * 400 + (m <= 2 ? 1 : 0));
}

// The bars as the CSV a user would hand the tool: Asia/Seoul times, plain decimal numbers.
QByteArray makeCsv(const std::vector<Indicators::Bar> &bars)
{
    QByteArray csv;
    csv.reserve(qsizetype(bars.size()) * 64 + 64);
    csv += "time,open,high,low,close,volume\n";
    char buf[128];
    for (const Indicators::Bar &b : bars) {
        const qint64 kstSeconds = b.timeMs / 1000 + 9 * 3600;
        const qint64 days = kstSeconds >= 0 ? kstSeconds / 86400 : (kstSeconds - 86399) / 86400;
        const qint64 secs = kstSeconds - days * 86400;
        int y, m, d;
        civilFromDays(days, y, m, d);
        int len = std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d+09:00", y, m, d, int(secs / 3600),
            int(secs / 60 % 60), int(secs % 60));
        csv.append(buf, len);
        for (double v : { b.open, b.high, b.low, b.close, b.volume }) {
            csv.append(',');
            const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
            csv.append(buf, r.ptr - buf);
        }
        csv.append('\n');
    }
    return csv;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

double cpuSeconds()
{
    timespec ts {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

// Wall-clock and CPU seconds of `runs` runs of fn(): medians and best wall.
struct Timing
{
    double wallMedian = 0;
    double wallBest = 0;
    double cpuMedian = 0;
};

Timing timeRuns(int runs, const std::function<void()> &fn)
{
    std::vector<double> wall;
    std::vector<double> cpu;
    for (int i = 0; i < runs; ++i) {
        const double cpu0 = cpuSeconds();
        QElapsedTimer t;
        t.start();
        fn();
        wall.push_back(t.nsecsElapsed() / 1e9);
        cpu.push_back(cpuSeconds() - cpu0);
    }
    return { median(wall), *std::min_element(wall.begin(), wall.end()), median(cpu) };
}

// The job's stages, each including the ones before it: read + parse, + compute, + format (into a
// buffer that is reused, nothing written).
enum class Stage
{
    Read,
    Compute,
    Format,
};

void runStages(const QString &in, Stage upTo)
{
    using Values = Indicators::IndicatorSet::Values;
    static constexpr std::optional<double> Values::*COLUMNS[] = { &Values::sma, &Values::ema, &Values::rsi,
        &Values::bbMiddle, &Values::bbUpper, &Values::bbLower, &Values::momentum, &Values::disparity, &Values::adl,
        &Values::chaikin, &Values::stochK, &Values::stochD, &Values::stochSlowK, &Values::stochSlowD, &Values::macd,
        &Values::macdSignal, &Values::macdHist, &Values::atr, &Values::obv, &Values::vwap, &Values::vwapDaily };
    CandleCsv::FileReader reader;
    if (!reader.open(in)) {
        std::fprintf(stderr, "bench_indicatorscli: cannot read %s\n", qPrintable(in));
        std::exit(1);
    }
    Indicators::IndicatorSet set;
    std::vector<char> buf(size_t(1) << 20);
    size_t used = 0;
    const Status s = reader.readRows([&](const CandleCsv::Row &row) {
        if (upTo == Stage::Read) {
            g_sink = g_sink + row.bar.close;
            return;
        }
        const Values &v = set.append(row.bar);
        if (upTo == Stage::Compute) {
            g_sink = g_sink + v.vwap.value_or(0);
            return;
        }
        if (buf.size() - used < 2048)
            used = 0;
        char *p = buf.data() + used;
        p = std::copy_n(row.timeText.data(), row.timeText.size(), p);
        for (const auto column : COLUMNS) {
            *p++ = ',';
            if (const std::optional<double> &x = v.*column)
                p = IndicatorsCli::formatNumber(p, *x);
        }
        *p++ = '\n';
        used = size_t(p - buf.data());
    });
    if (!s) {
        std::fprintf(stderr, "bench_indicatorscli: %s\n", qPrintable(s.error().message));
        std::exit(1);
    }
    g_sink = g_sink + double(used);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    qsizetype n = 1000000;
    int runs = 5;
    QString dirPath;
    QString keepCsv;
    const QStringList args = app.arguments().mid(1);
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == u"--runs" && i + 1 < args.size())
            runs = std::max(1, args[++i].toInt());
        else if (args[i] == u"--dir" && i + 1 < args.size())
            dirPath = args[++i];
        else if (args[i] == u"--keep-csv" && i + 1 < args.size())
            keepCsv = args[++i];
        else if (args[i].toLongLong() > 0)
            n = args[i].toLongLong();
        else {
            std::fprintf(stderr, "usage: bench_indicatorscli [candles] [--runs N] [--dir DIR] [--keep-csv PATH]\n");
            return 2;
        }
    }

    QTemporaryDir tmp;
    if (dirPath.isEmpty()) {
        if (!tmp.isValid()) {
            std::fprintf(stderr, "bench_indicatorscli: no temporary directory\n");
            return 1;
        }
        dirPath = tmp.path();
    }
    const QDir dir(dirPath);
    const QString in = dir.filePath(QStringLiteral("bench-indicators-in.csv"));
    const QString out = dir.filePath(QStringLiteral("bench-indicators-out.csv"));

    const QByteArray csv = makeCsv(IndicatorsData::randomWalk(n, 2024));
    for (const QString &path : { in, keepCsv }) {
        if (path.isEmpty())
            continue;
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(csv) != csv.size() || !f.flush()) {
            std::fprintf(stderr, "bench_indicatorscli: cannot write %s\n", qPrintable(path));
            return 1;
        }
    }
    std::printf("bench_indicatorscli: %lld candles (random walk, KRW ticks), input %.1f MB in %s, %d runs\n\n",
        (long long)n, csv.size() / 1e6, qPrintable(QDir::toNativeSeparators(dirPath)), runs);

    // The whole job, as `kiwoom-trader indicators --csv IN --out OUT` does it.
    QString sinkText;
    QTextStream sink(&sinkText);
    int code = 0;
    const Timing total = timeRuns(runs, [&] {
        sinkText.clear();
        code = CliTools::run(
            QStringLiteral("indicators"), { QStringLiteral("--csv"), in, QStringLiteral("--out"), out }, sink, sink);
    });
    sink.flush();
    if (code != 0) {
        std::fprintf(stderr, "bench_indicatorscli: the tool failed (%d): %s\n", code, qPrintable(sinkText));
        return 1;
    }
    const double outMb = QFileInfo(out).size() / 1e6;
    QFile::remove(out);

    // Its stages, each on top of the ones before.
    const Timing read = timeRuns(runs, [&] { runStages(in, Stage::Read); });
    const Timing compute = timeRuns(runs, [&] { runStages(in, Stage::Compute); });
    const Timing format = timeRuns(runs, [&] { runStages(in, Stage::Format); });

    std::printf("whole job (in-process): median %.3f s wall (best %.3f s), %.3f s CPU; %.0f ns per candle;\n"
                "                        output %.1f MB\n",
        total.wallMedian, total.wallBest, total.cpuMedian, total.wallMedian * 1e9 / double(n), outMb);
    std::printf("  stages (medians, each stage's share = its run minus the run before it):\n");
    std::printf("    read + parse CSV           %.3f s wall, %.3f s CPU\n", read.wallMedian, read.cpuMedian);
    std::printf("    + IndicatorSet::append     %.3f s wall, %.3f s CPU   (compute %.3f s)\n", compute.wallMedian,
        compute.cpuMedian, compute.wallMedian - read.wallMedian);
    std::printf("    + format rows (no write)   %.3f s wall, %.3f s CPU   (format  %.3f s)\n", format.wallMedian,
        format.cpuMedian, format.wallMedian - compute.wallMedian);
    std::printf("    = the whole job            %.3f s wall, %.3f s CPU   (write   %.3f s)\n", total.wallMedian,
        total.cpuMedian, total.wallMedian - format.wallMedian);
    std::printf("\nCPU seconds are the steadier figure on a shared machine. To compare with another program on\n"
                "the same file: bench_indicatorscli %lld --keep-csv IN.csv, then time\n"
                "`kiwoom-trader indicators --csv IN.csv --out OUT.csv` and the other program alike.\n",
        (long long)n);
    if (!tmp.isValid() || dirPath != tmp.path())
        QFile::remove(in);
    return 0;
}
