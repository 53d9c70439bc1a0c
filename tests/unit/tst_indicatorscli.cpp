// SPDX-License-Identifier: GPL-3.0-or-later
// `kiwoom-trader indicators` in-process through CliTools::run (string streams, temp files), the
// candle CSV reader behind it, and once through the real binary when it has been built.
#include "indicators/indicatorset.h"
#include "indicatorsdata.h"
#include "tools/candlecsv.h"
#include "tools/clitools.h"
#include "tools/indicatorscli.h"

#include <QtTest>

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <charconv>

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

    void writesEveryIndicatorWithFullPrecision()
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

        // Every cell parses back to exactly the batch value (%.17g round-trips), empty while warming up.
        const Indicators::IndicatorLines lines = Indicators::computeAll(bars);
        const Indicators::Line *columns[] = { &lines.sma, &lines.ema, &lines.rsi, &lines.bbMiddle, &lines.bbUpper,
            &lines.bbLower, &lines.momentum, &lines.disparity, &lines.adl, &lines.chaikin, &lines.stochK, &lines.stochD,
            &lines.stochSlowK, &lines.stochSlowD, &lines.macd, &lines.macdSignal, &lines.macdHist, &lines.atr,
            &lines.obv, &lines.vwap, &lines.vwapDaily };
        for (int i = 0; i < 120; ++i) {
            const QList<QByteArray> cells = rows[i + 1].split(',');
            QCOMPARE(cells.size(), 23);
            QCOMPARE(cells[0], QByteArray::number(i));
            QCOMPARE(cells[1], kstTime(i)); // echoed as written
            for (int c = 0; c < 21; ++c) {
                const QByteArray &cell = cells[c + 2];
                const Indicators::Line &line = *columns[c];
                QVERIFY2(cell.isEmpty() == !line.has(i), qPrintable(QStringLiteral("row %1 column %2").arg(i).arg(c)));
                if (cell.isEmpty())
                    continue;
                double v = 0;
                const auto [ptr, ec] = std::from_chars(cell.constData(), cell.constData() + cell.size(), v);
                QVERIFY(ec == std::errc() && ptr == cell.constData() + cell.size());
                QVERIFY2(IndicatorsData::sameBits(v, line.values[size_t(i)]) || (v == 0 && line.values[size_t(i)] == 0),
                    qPrintable(QStringLiteral("row %1 column %2: %3").arg(i).arg(c).arg(QString::fromLatin1(cell))));
            }
        }
        // Warm-up boundaries as specified: sma_20 empty on row 18, set on row 19; macd_signal from 33.
        QVERIFY(rows[19].split(',')[2].isEmpty());
        QVERIFY(!rows[20].split(',')[2].isEmpty());
        QVERIFY(rows[33].split(',')[17].isEmpty());
        QVERIFY(!rows[34].split(',')[17].isEmpty());
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
        QVERIFY(!QFile::exists(out));
        QCOMPARE(
            QDir(dir.path()).entryList(QDir::Files), QStringList { QStringLiteral("in.csv") }); // no temp file left

        writeFile(out, "previous result\n");
        r = runTool({ QStringLiteral("--csv"), in, QStringLiteral("--out"), out });
        QCOMPARE(r.code, 2);
        QCOMPARE(readFile(out), QByteArray("previous result\n"));
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
