// SPDX-License-Identifier: GPL-3.0-or-later
// `kiwoom-trader indicators` in-process through CliTools::run (string streams, temp files), the
// candle CSV reader behind it, and once through the real binary when it has been built.
#include "indicators/indicatorset.h"
#include "indicatorsdata.h"
#include "tools/candlecsv.h"
#include "tools/clitools.h"
#include "tools/indicatorscli.h"

#include <QtTest>

#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <charconv>
#include <array>
#include <bit>
#include <cmath>
#include <limits>
#include <random>

namespace {

struct RunResult
{
    int code = -1;
    QString out;
    QString err;
};

RunResult runTool(const QStringList &args)
{
    RunResult r;
    QTextStream out(&r.out);
    QTextStream err(&r.err);
    r.code = CliTools::run(QStringLiteral("indicators"), args, out, err);
    out.flush();
    err.flush();
    return r;
}

void writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(data), data.size());
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

// "2024-01-02T09:MM:00+09:00" for minute i of the morning (i < 60 * 6).
QByteArray kstTime(int i)
{
    return QStringLiteral("2024-01-02T%1:%2:00+09:00")
        .arg(9 + i / 60, 2, 10, QLatin1Char('0'))
        .arg(i % 60, 2, 10, QLatin1Char('0'))
        .toLatin1();
}

// A valid CSV of n candles from IndicatorsData::randomWalk (KRW prices, integer volumes).
QByteArray sampleCsv(int n, std::vector<Indicators::Bar> *barsOut = nullptr)
{
    const std::vector<Indicators::Bar> bars = IndicatorsData::randomWalk(n, 42);
    QByteArray csv = "time,open,high,low,close,volume\n";
    for (int i = 0; i < n; ++i) {
        const Indicators::Bar &b = bars[size_t(i)];
        csv += kstTime(i) + ',' + QByteArray::number(b.open, 'f', 0) + ',' + QByteArray::number(b.high, 'f', 0) + ','
            + QByteArray::number(b.low, 'f', 0) + ',' + QByteArray::number(b.close, 'f', 0) + ','
            + QByteArray::number(b.volume, 'f', 0) + '\n';
    }
    if (barsOut)
        *barsOut = bars;
    return csv;
}

// A number as plain decimal text that reads back exactly (the shortest, std::to_chars).
QByteArray exactText(double v)
{
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
    return QByteArray(buf, r.ptr - buf);
}

// A valid CSV of the bars, times in UTC ("2024-01-02T00:00:00Z") so that any number of days fits.
QByteArray csvOf(const std::vector<Indicators::Bar> &bars)
{
    QByteArray csv = "time,open,high,low,close,volume\n";
    for (const Indicators::Bar &b : bars) {
        csv += QDateTime::fromMSecsSinceEpoch(b.timeMs, Qt::UTC).toString(Qt::ISODate).toLatin1();
        for (double v : { b.open, b.high, b.low, b.close, b.volume })
            csv += ',' + exactText(v);
        csv += '\n';
    }
    return csv;
}

// What formatNumber() must write: std::to_chars's shortest round-trip text, plain decimal for
// 0.0001 <= |v| < 1e17, scientific outside, 0 for -0.
QByteArray referenceText(double v)
{
    if (v == 0.0)
        return "0";
    const double a = std::fabs(v);
    char buf[64];
    const auto r = std::to_chars(
        buf, buf + sizeof buf, v, a >= 1e-4 && a < 1e17 ? std::chars_format::fixed : std::chars_format::scientific);
    return QByteArray(buf, r.ptr - buf);
}

QByteArray formatted(double v)
{
    char buf[IndicatorsCli::MAX_NUMBER_CHARS];
    return QByteArray(buf, IndicatorsCli::formatNumber(buf, v) - buf);
}

// The text of a cell read back with std::from_chars.
std::optional<double> readBack(const QByteArray &text)
{
    double v = 0;
    const auto [ptr, ec] = std::from_chars(text.constData(), text.constData() + text.size(), v);
    if (ec != std::errc() || ptr != text.constData() + text.size())
        return std::nullopt;
    return v;
}

// The lines behind the 21 value columns, in CSV_HEADER order.
std::array<const Indicators::Line *, 21> outputLines(const Indicators::IndicatorLines &lines)
{
    return { &lines.sma, &lines.ema, &lines.rsi, &lines.bbMiddle, &lines.bbUpper, &lines.bbLower, &lines.momentum,
        &lines.disparity, &lines.adl, &lines.chaikin, &lines.stochK, &lines.stochD, &lines.stochSlowK,
        &lines.stochSlowD, &lines.macd, &lines.macdSignal, &lines.macdHist, &lines.atr, &lines.obv, &lines.vwap,
        &lines.vwapDaily };
}

} // namespace

class TestIndicatorsCli final : public QObject
{
    Q_OBJECT

private slots:
    void registeredAsTool()
    {
        QVERIFY(CliTools::isTool(QStringLiteral("indicators")));
        bool found = false;
        for (const CliTools::Tool &t : CliTools::tools())
            found = found || (t.name == u"indicators" && !t.summary.isEmpty());
        QVERIFY(found);
    }

    void help()
    {
        for (const char *flag : { "--help", "-h" }) {
            const RunResult r = runTool({ QString::fromLatin1(flag) });
            QCOMPARE(r.code, 0);
            QVERIFY(r.out.contains(u"Usage: kiwoom-trader indicators --csv IN.csv --out OUT.csv"));
            QVERIFY(r.out.contains(QLatin1String(IndicatorsCli::CSV_HEADER)));
            QVERIFY(r.err.isEmpty());
        }
    }

    void badArguments_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("none") << QStringList {} << "missing --csv";
        QTest::newRow("no out") << QStringList { "--csv", "in.csv" } << "missing --out";
        QTest::newRow("no value") << QStringList { "--csv" } << "--csv needs a file name";
        QTest::newRow("empty value") << QStringList { "--csv=", "--out", "o.csv" } << "--csv needs a file name";
        QTest::newRow("unknown") << QStringList { "--csv", "a", "--out", "b", "--fast" }
                                 << "unknown argument \"--fast\"";
        QTest::newRow("twice") << QStringList { "--csv", "a", "--csv=b", "--out", "c" } << "--csv given twice";
    }

    void badArguments()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const RunResult r = runTool(args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void writesEveryRowAndColumn()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        std::vector<Indicators::Bar> bars;
        const QByteArray csv = sampleCsv(120, &bars);
        const QString in = dir.filePath(QStringLiteral("in.csv"));
        const QString out = dir.filePath(QStringLiteral("out.csv"));
        writeFile(in, csv);

        const RunResult r = runTool({ QStringLiteral("--csv=") + in, QStringLiteral("--out"), out });
        QCOMPARE(r.code, 0);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        QVERIFY(r.out.contains(u"120 candles"));

        const QList<QByteArray> rows = readFile(out).split('\n');
        QCOMPARE(rows.size(), 122); // header + 120 rows + the empty string after the last '\n'
        QCOMPARE(rows.front(), QByteArray(IndicatorsCli::CSV_HEADER));
        QVERIFY(rows.back().isEmpty());
        for (int i = 0; i < 120; ++i)
            QCOMPARE(rows[i + 1].split(',')[1], kstTime(i)); // time echoed as written
        // Warm-up boundaries as specified: sma_20 empty on row 18, set on row 19; macd_signal from 33.
        QVERIFY(rows[19].split(',')[2].isEmpty());
        QVERIFY(!rows[20].split(',')[2].isEmpty());
        QVERIFY(rows[33].split(',')[17].isEmpty());
        QVERIFY(!rows[34].split(',')[17].isEmpty());
    }

    void readsBackBitForBit_data()
    {
        QTest::addColumn<int>("candles");
        QTest::addColumn<bool>("decimals");
        QTest::newRow("KRW, 120") << 120 << false;
        QTest::newRow("KRW, 6000 (15 days)") << 6000 << false;
        QTest::newRow("decimals, 6000") << 6000 << true;
    }

    void readsBackBitForBit()
    {
        // Every cell of the output, read back with std::from_chars, has exactly the bits of the value
        // in memory (the batch functions: computeAll), is empty exactly while that indicator warms up,
        // and is the shortest text that does so (std::to_chars's choice).
        QFETCH(int, candles);
        QFETCH(bool, decimals);
        const std::vector<Indicators::Bar> bars = IndicatorsData::randomWalk(
            candles, 7, decimals ? IndicatorsData::Prices::Decimals : IndicatorsData::Prices::KrwTicks);
        QTemporaryDir dir;
        const QString in = dir.filePath(QStringLiteral("in.csv"));
        const QString out = dir.filePath(QStringLiteral("out.csv"));
        writeFile(in, csvOf(bars));
        const RunResult r = runTool({ QStringLiteral("--csv"), in, QStringLiteral("--out"), out });
        QCOMPARE(r.code, 0);

        const Indicators::IndicatorLines lines = Indicators::computeAll(bars);
        const auto columns = outputLines(lines);
        const QList<QByteArray> rows = readFile(out).split('\n');
        QCOMPARE(rows.size(), candles + 2);
        int cells = 0;
        for (int i = 0; i < candles; ++i) {
            const QList<QByteArray> row = rows[i + 1].split(',');
            QCOMPARE(row.size(), 23);
            QCOMPARE(row[0], QByteArray::number(i));
            for (int c = 0; c < 21; ++c) {
                const QByteArray &cell = row[c + 2];
                const Indicators::Line &line = *columns[c];
                const auto where = [&] { return QStringLiteral("row %1 column %2 \"%3\"").arg(i).arg(c).arg(cell); };
                QVERIFY2(cell.isEmpty() == !line.has(i), qPrintable(where()));
                if (cell.isEmpty())
                    continue;
                const double inMemory = line.values[size_t(i)];
                const std::optional<double> v = readBack(cell);
                QVERIFY2(v, qPrintable(where()));
                // -0 is written as 0: the one value whose bits do not come back.
                QVERIFY2(IndicatorsData::sameBits(*v, inMemory) || (inMemory == 0 && *v == 0), qPrintable(where()));
                QVERIFY2(cell == referenceText(inMemory), qPrintable(where()));
                ++cells;
            }
        }
        QVERIFY(cells > candles * 15);
    }

    void formatNumber_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("0") << 0.0 << QByteArray("0");
        QTest::newRow("-0") << -0.0 << QByteArray("0");
        QTest::newRow("1") << 1.0 << QByteArray("1");
        QTest::newRow("-110") << -110.0 << QByteArray("-110");
        QTest::newRow("round 100000 stays plain") << 100000.0 << QByteArray("100000");
        QTest::newRow("half") << 49194.5 << QByteArray("49194.5");
        QTest::newRow("two places") << 0.05 << QByteArray("0.05");
        QTest::newRow("four places") << 12.3456 << QByteArray("12.3456");
        QTest::newRow("-four places") << -0.0125 << QByteArray("-0.0125");
        QTest::newRow("0.1 + 0.2") << 0.1 + 0.2 << QByteArray("0.30000000000000004");
        QTest::newRow("1/3") << 1.0 / 3.0 << QByteArray("0.3333333333333333");
        QTest::newRow("0.0001 plain") << 1e-4 << QByteArray("0.0001");
        QTest::newRow("below 0.0001") << 9.5e-5 << QByteArray("9.5e-05");
        QTest::newRow("-2.5e-7") << -2.5e-7 << QByteArray("-2.5e-07");
        QTest::newRow("2^53 - 1") << 9007199254740991.0 << QByteArray("9007199254740991");
        QTest::newRow("2^53") << 9007199254740992.0 << QByteArray("9007199254740992");
        QTest::newRow("1e16 + 2") << 10000000000000002.0 << QByteArray("10000000000000002");
        QTest::newRow("1e17") << 1e17 << QByteArray("1e+17");
        QTest::newRow("max") << std::numeric_limits<double>::max() << QByteArray("1.7976931348623157e+308");
        QTest::newRow("smallest subnormal") << std::numeric_limits<double>::denorm_min() << QByteArray("5e-324");
        QTest::newRow("-lowest") << std::numeric_limits<double>::lowest() << QByteArray("-1.7976931348623157e+308");
    }

    void formatNumber()
    {
        QFETCH(double, value);
        QFETCH(QByteArray, text);
        QCOMPARE(formatted(value), text);
        QCOMPARE(referenceText(value), text);
    }

    void formatNumberIsShortestAndExact()
    {
        // formatNumber's fast paths (integers, up to four decimals) must write what std::to_chars
        // writes, and everything must read back to the same bits. Families that hit each path and
        // its edges, plus random bit patterns over the whole range.
        std::mt19937_64 rng(8);
        std::vector<double> values;
        auto add = [&](double v) {
            if (std::isfinite(v)) {
                values.push_back(v);
                values.push_back(-v);
            }
        };
        std::uniform_int_distribution<quint64> bits;
        for (int i = 0; i < 200000; ++i)
            add(std::bit_cast<double>(bits(rng)));
        const double pow10[] = { 1, 10, 100, 1000, 10000, 100000, 1e6 };
        for (int d = 0; d <= 6; ++d) {
            for (int i = 0; i < 40000; ++i) {
                const quint64 k = bits(rng) >> (11 + rng() % 50); // from a few bits up to 2^53
                add(double(k) / pow10[d]);
                add(std::nextafter(double(k) / pow10[d], 0.0));
                add(std::nextafter(double(k) / pow10[d], 1e300));
            }
            // Around the fast path's limit p = |v|·10^d < 2^50 and around 2^53.
            for (double edge : { 0x1p50, 0x1p52, 0x1p53 }) {
                double v = edge / pow10[d];
                for (int i = 0; i < 64; ++i) {
                    add(v);
                    add(std::round(v * pow10[d]) / pow10[d]);
                    v = std::nextafter(v, 0.0);
                }
            }
        }
        for (int i = 0; i < 100000; ++i) {
            // Sums over windows of KRW prices and two-decimal prices, as the indicators make them.
            add(double(rng() % 10000000) * 10.0 / 20.0);
            add(double(rng() % 10000000) / 100.0 / 20.0);
            add(std::uniform_real_distribution<double>(0.0, 100.0)(rng));
        }
        for (double v : { 1e-4, 9.999999999999999e-5, 1e17, 99999999999999984.0, 1e-5, 1e15 + 0.5 })
            add(v);

        for (double v : values) {
            const QByteArray text = formatted(v);
            QVERIFY2(text.size() <= IndicatorsCli::MAX_NUMBER_CHARS, text.constData());
            if (text != referenceText(v))
                QFAIL(qPrintable(QStringLiteral("%1: wrote %2, std::to_chars %3")
                                     .arg(v, 0, 'g', 17)
                                     .arg(QString::fromLatin1(text), QString::fromLatin1(referenceText(v)))));
            const std::optional<double> back = readBack(text);
            if (!back || !(IndicatorsData::sameBits(*back, v) || (v == 0 && *back == 0)))
                QFAIL(qPrintable(QStringLiteral("%1 does not read back from %2").arg(v, 0, 'g', 17).arg(text)));
        }
    }

    void handValuesInTheOutput()
    {
        // Closes 1..25 with O = H = L = C and volume 10, hand-computed cells of row 19 (and 24) below.
        QTemporaryDir dir;
        QByteArray csv = "time,open,high,low,close,volume\n";
        for (int i = 0; i < 25; ++i) {
            const QByteArray p = QByteArray::number(i + 1);
            csv += kstTime(i) + ',' + p + ',' + p + ',' + p + ',' + p + ",10\n";
        }
        writeFile(dir.filePath(QStringLiteral("in.csv")), csv);
        const RunResult r = runTool({ QStringLiteral("--csv"), dir.filePath(QStringLiteral("in.csv")),
            QStringLiteral("--out"), dir.filePath(QStringLiteral("out.csv")) });
        QCOMPARE(r.code, 0);
        const QList<QByteArray> rows = readFile(dir.filePath(QStringLiteral("out.csv"))).split('\n');
        const QList<QByteArray> row19 = rows[20].split(',');
        QCOMPARE(row19[2], QByteArray("10.5")); // sma_20 = (1+…+20)/20
        QCOMPARE(row19[4], QByteArray("100")); // rsi_14: AL = 0
        QCOMPARE(row19[8], QByteArray("10")); // mom_10 = 20 − 10
        QCOMPARE(row19[10], QByteArray("0")); // adl: H = L → MFM 0, printed as 0
        QCOMPARE(row19[12], QByteArray("100")); // stoch_k: C = HH
        QCOMPARE(row19[20], QByteArray("190")); // obv: 19 up closes × 10
        QCOMPARE(row19[21], QByteArray("10.5")); // vwap = mean of 1..20 (equal volumes)
        QCOMPARE(rows[25].split(',')[2], QByteArray("15.5"));
        QCOMPARE(rows[1].split(',')[4], QByteArray()); // rsi_14 warming up on row 0
    }

    void inputVariantsAreAccepted()
    {
        // Columns in another order plus an extra one, CRLF, a BOM, quotes, spaces, blank lines,
        // '+' signs, decimals, Z and compact offsets.
        const QByteArray csv = "\xEF\xBB\xBF"
                               "Volume, Close ,low,HIGH,open,symbol,time\r\n"
                               "100,10.5,10,11,10.25,005930,\"2024-01-02T09:00:00+09:00\"\r\n"
                               "\r\n"
                               "+0,10.5,10.5,10.5,10.5,005930,2024-01-02T00:01:00Z\r\n"
                               " 250 , 11 , 10 , 11.5 , 10.5 ,005930, 2024-01-02T09:02:30.5+0900 \r\n";
        const Result<CandleCsv::Table> t = CandleCsv::parse(csv);
        QVERIFY2(t.ok(), t.ok() ? "" : qPrintable(t.error().message));
        QCOMPARE(t->size(), qsizetype(3));
        QCOMPARE(t->bars[0], (Indicators::Bar { 1704153600000LL, 10.25, 11, 10, 10.5, 100 }));
        QCOMPARE(t->bars[1].timeMs, 1704153660000LL);
        QCOMPARE(t->bars[2].timeMs, 1704153750500LL);
        QCOMPARE(t->bars[2].volume, 250.0);
        QCOMPARE(t->timeText(0), QByteArrayView("2024-01-02T09:00:00+09:00"));
        QCOMPARE(t->timeText(2), QByteArrayView("2024-01-02T09:02:30.5+0900"));
        QCOMPARE(t->lineNumbers, (std::vector<int> { 2, 4, 5 }));
    }

    void isoTimes_data()
    {
        constexpr qint64 REJECTED = std::numeric_limits<qint64>::min();
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<qint64>("ms"); // REJECTED: no value
        const qint64 base = 1704153600000LL; // 2024-01-02T00:00:00Z
        QTest::newRow("KST") << QByteArray("2024-01-02T09:00:00+09:00") << base;
        QTest::newRow("Z") << QByteArray("2024-01-02T00:00:00Z") << base;
        QTest::newRow("lower z, space") << QByteArray("2024-01-02 00:00:00z") << base;
        QTest::newRow("no seconds") << QByteArray("2024-01-02T09:00+09:00") << base;
        QTest::newRow("negative offset") << QByteArray("2024-01-01T19:00:00-05:00") << base;
        QTest::newRow("millis") << QByteArray("2024-01-02T00:00:00.123Z") << base + 123;
        QTest::newRow("micros truncated") << QByteArray("2024-01-02T00:00:00.123999Z") << base + 123;
        QTest::newRow("leap day") << QByteArray("2024-02-29T00:00:00Z") << base + 58LL * 86400000;
        QTest::newRow("before 1970") << QByteArray("1969-12-31T23:59:59Z") << -1000LL;
        QTest::newRow("no offset") << QByteArray("2024-01-02T09:00:00") << REJECTED;
        QTest::newRow("date only") << QByteArray("2024-01-02") << REJECTED;
        QTest::newRow("Feb 30") << QByteArray("2024-02-30T09:00:00+09:00") << REJECTED;
        QTest::newRow("not leap") << QByteArray("2023-02-29T09:00:00+09:00") << REJECTED;
        QTest::newRow("hour 24") << QByteArray("2024-01-02T24:00:00+09:00") << REJECTED;
        QTest::newRow("month 13") << QByteArray("2024-13-02T09:00:00+09:00") << REJECTED;
        QTest::newRow("trailing junk") << QByteArray("2024-01-02T09:00:00+09:00x") << REJECTED;
        QTest::newRow("bad offset") << QByteArray("2024-01-02T09:00:00+9") << REJECTED;
        QTest::newRow("empty fraction") << QByteArray("2024-01-02T09:00:00.+09:00") << REJECTED;
        QTest::newRow("epoch number") << QByteArray("1704153600000") << REJECTED;
    }

    void isoTimes()
    {
        QFETCH(QByteArray, text);
        QFETCH(qint64, ms);
        const std::optional<qint64> got = CandleCsv::parseIsoTime(text);
        if (ms == std::numeric_limits<qint64>::min())
            QVERIFY2(!got, qPrintable(QString::number(got.value_or(0))));
        else
            QCOMPARE(got.value_or(-999), ms);
    }

    void badInput_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QString>("message");
        const QByteArray h = "time,open,high,low,close,volume\n";
        const QByteArray ok1 = "2024-01-02T09:00:00+09:00,100,110,90,105,10\n";
        QTest::newRow("empty file") << QByteArray() << "line 1: empty file";
        QTest::newRow("missing column") << QByteArray("time,open,high,low,close\n2024-01-02T09:00:00+09:00,1,1,1,1\n")
                                        << "line 1: missing column \"volume\"";
        QTest::newRow("duplicate column")
            << QByteArray("time,open,high,low,close,volume,close\n") << "line 1: column \"close\" appears twice";
        QTest::newRow("non-numeric") << h + ok1 + "2024-01-02T09:01:00+09:00,100,abc,90,105,10\n"
                                     << "line 3: high \"abc\" is not a finite number";
        QTest::newRow("empty value") << h + "2024-01-02T09:00:00+09:00,100,110,90,,10\n"
                                     << "line 2: close \"\" is not a finite number";
        QTest::newRow("nan") << h + "2024-01-02T09:00:00+09:00,100,110,90,nan,10\n"
                             << "line 2: close \"nan\" is not a finite number";
        QTest::newRow("inf volume") << h + "2024-01-02T09:00:00+09:00,100,110,90,100,inf\n"
                                    << "line 2: volume \"inf\" is not a finite number";
        QTest::newRow("comma decimal") << h + "2024-01-02T09:00:00+09:00,100,110,90,100,1.5e\n"
                                       << "line 2: volume \"1.5e\" is not a finite number";
        QTest::newRow("high < low") << h + ok1 + "2024-01-02T09:01:00+09:00,100,99,100,99,10\n"
                                    << "line 3: high 99 is below low 100";
        QTest::newRow("close above high") << h + "2024-01-02T09:00:00+09:00,100,110,90,111,10\n"
                                          << "line 2: close 111 is outside the low..high range 90..110";
        QTest::newRow("open below low") << h + "2024-01-02T09:00:00+09:00,89,110,90,100,10\n"
                                        << "line 2: open 89 is outside";
        QTest::newRow("negative volume") << h + "2024-01-02T09:00:00+09:00,100,110,90,100,-1\n"
                                         << "line 2: volume \"-1\" is negative";
        QTest::newRow("unsorted") << h + ok1
                + "2024-01-02T09:02:00+09:00,100,110,90,105,10\n2024-01-02T09:01:00+09:00,100,110,90,105,10\n"
                                  << "line 4: time \"2024-01-02T09:01:00+09:00\" is not after the previous row's "
                                     "\"2024-01-02T09:02:00+09:00\" (line 3)";
        QTest::newRow("duplicate time (other offset)") << h + ok1 + "2024-01-02T00:00:00Z,100,110,90,105,10\n"
                                                       << "line 3: time \"2024-01-02T00:00:00Z\" is not after";
        QTest::newRow("no offset")
            << h + "2024-01-02T09:00:00,100,110,90,105,10\n"
            << "line 2: time \"2024-01-02T09:00:00\" is not an ISO-8601 date-time with a UTC offset";
        QTest::newRow("too few fields") << h + ok1 + "2024-01-02T09:01:00+09:00,100,110,90,105\n"
                                        << "line 3: expected 6 fields like the header, found 5";
        QTest::newRow("too many fields") << h + "2024-01-02T09:00:00+09:00,100,110,90,105,10,7\n"
                                         << "line 2: expected 6 fields like the header, found 7";
        QTest::newRow("after blank lines") << h + ok1 + "\n\n" + "2024-01-02T09:01:00+09:00,1,0,1,1,1\n"
                                           << "line 5: high 0 is below low 1";
    }

    void badInput()
    {
        // Exit 2, the error names the line, and no output file appears (nor is an old one touched).
        QFETCH(QByteArray, csv);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString in = dir.filePath(QStringLiteral("in.csv"));
        const QString out = dir.filePath(QStringLiteral("out.csv"));
        writeFile(in, csv);
        RunResult r = runTool({ QStringLiteral("--csv"), in, QStringLiteral("--out"), out });
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY2(r.err.startsWith(u"kiwoom-trader indicators: "), qPrintable(r.err));
        // The tool streams the file (FileReader); parse() and readFile() refuse it with the same words.
        const Result<CandleCsv::Table> parsed = CandleCsv::parse(csv);
        QVERIFY(!parsed);
        QVERIFY2(r.err.contains(parsed.error().message + u'\n'), qPrintable(r.err + u" / " + parsed.error().message));
        const Result<CandleCsv::Table> read = CandleCsv::readFile(in);
        QVERIFY(!read);
        QCOMPARE(read.error(), parsed.error());
        QVERIFY(!QFile::exists(out));
        QCOMPARE(
            QDir(dir.path()).entryList(QDir::Files), QStringList { QStringLiteral("in.csv") }); // no temp file left

        writeFile(out, "previous result\n");
        r = runTool({ QStringLiteral("--csv"), in, QStringLiteral("--out"), out });
        QCOMPARE(r.code, 2);
        QCOMPARE(readFile(out), QByteArray("previous result\n"));
    }

    void badLineLateInABigFile()
    {
        // The rows are formatted while the file is read; a bad line after megabytes of good ones still
        // means exit 2, no OUT, no temporary file, and an existing OUT untouched.
        QTemporaryDir dir;
        const QString in = dir.filePath(QStringLiteral("in.csv"));
        const QString out = dir.filePath(QStringLiteral("out.csv"));
        const std::vector<Indicators::Bar> bars = IndicatorsData::randomWalk(40000, 3);
        QByteArray csv = csvOf(bars);
        QVERIFY(csv.size() > 1500000); // several read blocks
        csv += "2030-01-01T00:00:00Z,1,1,2,1,1\n";
        writeFile(in, csv);
        writeFile(out, "previous result\n");
        const RunResult r = runTool({ QStringLiteral("--csv"), in, QStringLiteral("--out"), out });
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(u"line 40002: high 1 is below low 2"), qPrintable(r.err));
        QCOMPARE(readFile(out), QByteArray("previous result\n"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files),
            (QStringList { QStringLiteral("in.csv"), QStringLiteral("out.csv") }));
    }

    void badInputBeatsUnwritableOutput()
    {
        // As before the tool streamed: bad input is exit 2 even when OUT cannot be written either.
        QTemporaryDir dir;
        const QString in = dir.filePath(QStringLiteral("in.csv"));
        writeFile(in, sampleCsv(30) + "2024-01-02T15:00:00+09:00,1,1,2,1,1\n");
        const RunResult r = runTool({ QStringLiteral("--csv"), in, QStringLiteral("--out"),
            dir.filePath(QStringLiteral("no/such/dir/out.csv")) });
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(u"line 32: high 1 is below low 2"), qPrintable(r.err));
    }

    void blockBoundaries()
    {
        // Lines straddle the read blocks at every offset (an extra column of varying width), one line
        // is longer than a block, CRLF line ends, no line break after the last row: readFile() (block
        // by block) gives the very table parse() gives over the whole text, and the tool agrees.
        std::mt19937_64 rng(5);
        const std::vector<Indicators::Bar> bars = IndicatorsData::randomWalk(30000, 11);
        QByteArray csv = "time,open,high,low,close,volume,note\r\n";
        for (size_t i = 0; i < bars.size(); ++i) {
            const Indicators::Bar &b = bars[i];
            csv += QDateTime::fromMSecsSinceEpoch(b.timeMs, Qt::UTC).toString(Qt::ISODate).toLatin1();
            for (double v : { b.open, b.high, b.low, b.close, b.volume })
                csv += ',' + exactText(v);
            csv += ',' + QByteArray(i == 15000 ? 700000 : qsizetype(rng() % 61), 'x');
            if (i + 1 < bars.size())
                csv += "\r\n";
        }
        QVERIFY(csv.size() > 3000000);
        QTemporaryDir dir;
        const QString in = dir.filePath(QStringLiteral("in.csv"));
        writeFile(in, csv);
        const Result<CandleCsv::Table> whole = CandleCsv::parse(csv);
        const Result<CandleCsv::Table> blocks = CandleCsv::readFile(in);
        QVERIFY2(whole.ok(), whole.ok() ? "" : qPrintable(whole.error().message));
        QVERIFY2(blocks.ok(), blocks.ok() ? "" : qPrintable(blocks.error().message));
        QCOMPARE(blocks->size(), qsizetype(bars.size()));
        QVERIFY(blocks->bars == bars);
        QVERIFY(blocks->bars == whole->bars);
        QVERIFY(blocks->lineNumbers == whole->lineNumbers);
        QCOMPARE(blocks->lineNumbers.back(), 30001);
        for (qsizetype i = 0; i < blocks->size(); ++i) {
            if (blocks->timeText(i) != whole->timeText(i))
                QFAIL(qPrintable(QStringLiteral("time text of row %1").arg(i)));
        }

        const QString out = dir.filePath(QStringLiteral("out.csv"));
        const RunResult r = runTool({ QStringLiteral("--csv"), in, QStringLiteral("--out"), out });
        QCOMPARE(r.code, 0);
        const QList<QByteArray> rows = readFile(out).split('\n');
        QCOMPARE(rows.size(), 30002);
        QCOMPARE(rows[30000].split(',')[1], whole->timeText(29999).toByteArray());
    }

    void numbersReadExactly_data()
    {
        QTest::addColumn<QByteArray>("text");
        for (const char *t : { "0", "7", "+7", "0.1", "0.3", "4.35", "1234.5678", "00012.50", "123456789012345",
                 "1234567890123456", "12345678901234567890", "9007199254740993", "1.000000000000001",
                 "999999999999999.9", "0.000000000000001", "5.", ".5", "1e3", "2.5E-3", "+0.7" })
            QTest::newRow(t) << QByteArray(t);
    }

    void numbersReadExactly()
    {
        // Whatever path a number takes (the fast one for short plain decimals, std::from_chars
        // otherwise), the bar holds the double std::from_chars gives for the text.
        QFETCH(QByteArray, text);
        const QByteArray csv
            = "time,open,high,low,close,volume\n2024-01-02T09:00:00+09:00,0,1e30,0," + text + "," + text + "\n";
        const Result<CandleCsv::Table> t = CandleCsv::parse(csv);
        QVERIFY2(t.ok(), t.ok() ? "" : qPrintable(t.error().message));
        const QByteArray plain = text.startsWith('+') ? text.mid(1) : text;
        double expected = -1;
        std::from_chars(plain.constData(), plain.constData() + plain.size(), expected);
        QVERIFY(IndicatorsData::sameBits(t->bars[0].close, expected));
        QVERIFY(IndicatorsData::sameBits(t->bars[0].volume, expected));
    }

    void missingInputFile()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("out.csv"));
        const RunResult r = runTool(
            { QStringLiteral("--csv"), dir.filePath(QStringLiteral("nope.csv")), QStringLiteral("--out"), out });
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(u"cannot read"), qPrintable(r.err));
        QVERIFY(!QFile::exists(out));
    }

    void unwritableOutput()
    {
        QTemporaryDir dir;
        const QString in = dir.filePath(QStringLiteral("in.csv"));
        writeFile(in, sampleCsv(5));
        const QString out = dir.filePath(QStringLiteral("no/such/dir/out.csv"));
        const RunResult r = runTool({ QStringLiteral("--csv"), in, QStringLiteral("--out"), out });
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(u"cannot write"), qPrintable(r.err));
        QVERIFY(!QFile::exists(out));
    }

    void headerOnlyGivesHeaderOnly()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("in.csv")), "time,open,high,low,close,volume\n");
        const RunResult r = runTool({ QStringLiteral("--csv"), dir.filePath(QStringLiteral("in.csv")),
            QStringLiteral("--out"), dir.filePath(QStringLiteral("out.csv")) });
        QCOMPARE(r.code, 0);
        QCOMPARE(readFile(dir.filePath(QStringLiteral("out.csv"))), QByteArray(IndicatorsCli::CSV_HEADER) + '\n');
    }

    void realBinary()
    {
        // The same tool through main(): `kiwoom-trader indicators ...` (built next to the tests).
        QString binDir = qEnvironmentVariable("KT_BIN_DIR");
        if (binDir.isEmpty())
            binDir = QCoreApplication::applicationDirPath() + QStringLiteral("/../bin");
        const QString exe = QDir(binDir).filePath(QStringLiteral("kiwoom-trader"));
        if (!QFileInfo(exe).isExecutable())
            QSKIP("kiwoom-trader is not built; build the kiwoom-trader target to run this check");

        QTemporaryDir dir;
        const QString in = dir.filePath(QStringLiteral("in.csv"));
        const QString out = dir.filePath(QStringLiteral("out.csv"));
        writeFile(in, sampleCsv(50));
        QProcess p;
        p.start(exe, { QStringLiteral("indicators"), QStringLiteral("--csv"), in, QStringLiteral("--out"), out });
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        QString inProcessOut = dir.filePath(QStringLiteral("in-process.csv"));
        QCOMPARE(runTool({ QStringLiteral("--csv"), in, QStringLiteral("--out"), inProcessOut }).code, 0);
        QCOMPARE(readFile(out), readFile(inProcessOut));

        writeFile(in, "time,open,high,low,close,volume\n2024-01-02T09:00:00+09:00,1,1,2,1,1\n");
        QFile::remove(out);
        p.start(exe, { QStringLiteral("indicators"), QStringLiteral("--csv"), in, QStringLiteral("--out"), out });
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardError().contains("line 2: high 1 is below low 2"));
        QVERIFY(!QFile::exists(out));
    }
};

QTEST_GUILESS_MAIN(TestIndicatorsCli)
#include "tst_indicatorscli.moc"
