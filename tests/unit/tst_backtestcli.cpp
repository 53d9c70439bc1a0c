// SPDX-License-Identifier: GPL-3.0-or-later
// `kiwoom-trader backtest` in-process through CliTools::run (string streams, temporary CSV files):
// every bad-input case exits 2 with a clear message on stderr, the tables and the JSON report
// match a direct Backtester run, and once through the real binary when it has been built.
#include "backtest/backtester.h"
#include "indicatorsdata.h"
#include "strategy/strategyregistry.h"
#include "tools/candlecsv.h"
#include "tools/clitools.h"

#include <QtTest>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

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
    r.code = CliTools::run(u"backtest"_s, args, out, err);
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

QByteArray kstTime(int i)
{
    return u"2024-01-02T%1:%2:00+09:00"_s.arg(9 + i / 60, 2, 10, QLatin1Char('0'))
        .arg(i % 60, 2, 10, QLatin1Char('0'))
        .toLatin1();
}

QByteArray sampleCsv(int n)
{
    const std::vector<Indicators::Bar> bars = IndicatorsData::randomWalk(n, 42);
    QByteArray csv = "time,open,high,low,close,volume\n";
    for (int i = 0; i < n; ++i) {
        const Indicators::Bar &b = bars[size_t(i)];
        csv += kstTime(i) + ',' + QByteArray::number(b.open, 'f', 0) + ',' + QByteArray::number(b.high, 'f', 0) + ','
            + QByteArray::number(b.low, 'f', 0) + ',' + QByteArray::number(b.close, 'f', 0) + ','
            + QByteArray::number(b.volume, 'f', 0) + '\n';
    }
    return csv;
}

} // namespace

class TestBacktestCli final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_csv;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_csv = m_dir.filePath(u"walk.csv"_s);
        writeFile(m_csv, sampleCsv(360));
    }

    void registeredAsTool()
    {
        QVERIFY(CliTools::isTool(u"backtest"_s));
        bool found = false;
        for (const CliTools::Tool &t : CliTools::tools())
            found = found || (t.name == u"backtest" && !t.summary.isEmpty());
        QVERIFY(found);
    }

    void help()
    {
        for (const char *flag : { "--help", "-h" }) {
            const RunResult r = runTool({ QString::fromLatin1(flag) });
            QCOMPARE(r.code, 0);
            QVERIFY(r.out.contains(u"Usage: kiwoom-trader backtest --strategy TYPE --csv IN.csv [options]"));
            for (const char *option : { "--params JSON", "--cash KRW", "--fee PCT", "--tax PCT", "--stop-loss PCT",
                     "--take-profit PCT", "--json", "--list" })
                QVERIFY2(r.out.contains(QLatin1StringView(option)), option);
            QVERIFY(r.out.contains(u"momentum | disparity | bollinger | rsi | chaikin | reference_candle | scalping"));
            QVERIFY(r.out.contains(u"(default 0.015)"));
            QVERIFY(r.err.isEmpty());
        }
    }

    void list()
    {
        RunResult r = runTool({ u"--list"_s });
        QCOMPARE(r.code, 0);
        for (const QString &t : Strategies::StrategyRegistry::typeNames())
            QVERIFY(r.out.contains(t + u'\n'));
        QVERIFY(r.out.contains(u"volume_wma_period"));
        r = runTool({ u"--list"_s, u"--json"_s });
        QCOMPARE(r.code, 0);
        const QJsonArray types = QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"strategies").toArray();
        QCOMPARE(types.size(), 7);
        QCOMPARE(types.at(3).toObject().value(u"type").toString(), u"rsi");
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString csv = u"CSV"_s; // replaced by the sample file
        QTest::newRow("nothing") << QStringList {} << "missing --strategy TYPE";
        QTest::newRow("no csv") << QStringList { "--strategy", "rsi" } << "missing --csv IN.csv";
        QTest::newRow("no value") << QStringList { "--strategy" } << "--strategy needs a value";
        QTest::newRow("empty value") << QStringList { "--strategy=", "--csv", csv } << "--strategy needs a value";
        QTest::newRow("twice") << QStringList { "--strategy", "rsi", "--strategy=momentum", "--csv", csv }
                               << "--strategy given twice";
        QTest::newRow("flag twice") << QStringList { "--json", "--json" } << "--json given twice";
        QTest::newRow("unknown argument")
            << QStringList { "--strategy", "rsi", "--csv", csv, "--fast" } << "unknown argument \"--fast\"";
        QTest::newRow("signals without json")
            << QStringList { "--strategy", "rsi", "--csv", csv, "--signals" } << "--signals needs --json";
        QTest::newRow("unknown strategy")
            << QStringList { "--strategy", "macd", "--csv", csv }
            << "unknown strategy \"macd\" (known: momentum, disparity, bollinger, rsi, chaikin, reference_candle, "
               "scalping)";
        QTest::newRow("params not json") << QStringList { "--strategy", "rsi", "--csv", csv, "--params", "{period:9}" }
                                         << "--params is not valid JSON:";
        QTest::newRow("params not object")
            << QStringList { "--strategy", "rsi", "--csv", csv, "--params", "[9]" } << "--params must be a JSON object";
        QTest::newRow("params string value") << QStringList { "--strategy", "rsi", "--csv", csv, "--params",
            R"({"period": "9"})" } << "rsi: parameter \"period\" must be a number, not a string";
        QTest::newRow("params unknown key")
            << QStringList { "--strategy", "rsi", "--csv", csv, "--params", R"({"length": 9})" }
            << "rsi: unknown parameter \"length\" (parameters: period, oversold, overbought, volume_multiplier, "
               "volume_wma_period)";
        QTest::newRow("params out of range") << QStringList { "--strategy", "disparity", "--csv", csv, "--params",
            R"({"period": 1})" } << "disparity: parameter \"period\" must be between 2 and 1000 (got 1)";
        QTest::newRow("params cross rule") << QStringList { "--strategy", "rsi", "--csv", csv, "--params",
            R"({"oversold": 80})" } << "rsi: parameter \"oversold\" (80) must be below \"overbought\" (70)";
        for (const char *cash : { "abc", "0", "-5", "1.5", "10,000", "+100" }) {
            QTest::newRow(qPrintable(u"cash "_s + QLatin1StringView(cash)))
                << QStringList { "--strategy", "rsi", "--csv", csv, "--cash", QLatin1StringView(cash) }
                << u"--cash must be a positive whole number of KRW (got \"%1\")"_s.arg(QLatin1StringView(cash));
        }
        QTest::newRow("cash too large") << QStringList { "--strategy", "rsi", "--csv", csv, "--cash",
            "9000000000000000" } << "cash must be between 1 and 1000000000000000 KRW";
        QTest::newRow("fee text") << QStringList { "--strategy", "rsi", "--csv", csv, "--fee", "cheap" }
                                  << "--fee must be a number of percent (got \"cheap\")";
        QTest::newRow("fee range") << QStringList { "--strategy", "rsi", "--csv", csv, "--fee", "6" }
                                   << "fee must be between 0 and 5 percent (got 6)";
        QTest::newRow("tax range") << QStringList { "--strategy", "rsi", "--csv", csv, "--tax=-1" }
                                   << "sell tax must be between 0 and 5 percent (got -1)";
        QTest::newRow("stop-loss range") << QStringList { "--strategy", "rsi", "--csv", csv, "--stop-loss", "99.5" }
                                         << "stop-loss must be between 0 and 99 percent (got 99.5)";
        QTest::newRow("stop-loss nan") << QStringList { "--strategy", "rsi", "--csv", csv, "--stop-loss", "nan" }
                                       << "--stop-loss must be a number of percent (got \"nan\")";
        QTest::newRow("scalping stop-loss") << QStringList { "--strategy", "scalping", "--csv", csv, "--stop-loss",
            "2" } << "--stop-loss and --take-profit do not apply to scalping";
        QTest::newRow("missing file") << QStringList { "--strategy", "rsi", "--csv", "/nonexistent/x.csv" }
                                      << "cannot read /nonexistent/x.csv";
    }

    void badInput()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        args.replaceInStrings(u"CSV"_s, m_csv);
        const RunResult r = runTool(args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(r.err.startsWith(u"kiwoom-trader backtest: "));
        QVERIFY(r.out.isEmpty());
    }

    void badCsv_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QString>("message");
        QTest::newRow("high below low") << QByteArray("time,open,high,low,close,volume\n"
                                                      "2024-01-02T09:00:00+09:00,100,100,100,100,1\n"
                                                      "2024-01-02T09:01:00+09:00,1,1,2,1,1\n")
                                        << "line 3: high 1 is below low 2";
        QTest::newRow("missing column") << QByteArray("time,open,high,low,close\n") << "volume";
        QTest::newRow("no candles") << QByteArray("time,open,high,low,close,volume\n") << "no candles";
        QTest::newRow("too expensive") << QByteArray("time,open,high,low,close,volume\n"
                                                     "2024-01-02T09:00:00+09:00,100,100,100,100,1\n\n"
                                                     "2024-01-02T09:01:00+09:00,100,2e12,100,100,1\n")
                                       << "line 4: price above 1000000000000 KRW";
    }

    void badCsv()
    {
        QFETCH(QByteArray, csv);
        QFETCH(QString, message);
        const QString path = m_dir.filePath(u"bad.csv"_s);
        writeFile(path, csv);
        const RunResult r = runTool({ u"--strategy"_s, u"rsi"_s, u"--csv"_s, path });
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(path + u": "_s), qPrintable(r.err));
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void jsonMatchesTheEngine()
    {
        const QString params = uR"({"oversold": 40, "overbought": 60, "volume_multiplier": 1})"_s;
        const RunResult r = runTool({ u"--strategy"_s, u"rsi"_s, u"--csv"_s, m_csv, u"--params"_s, params, u"--cash"_s,
            u"5000000"_s, u"--fee"_s, u"0.02"_s, u"--tax"_s, u"0.18"_s, u"--stop-loss"_s, u"0.4"_s,
            u"--take-profit=0.6"_s, u"--json"_s });
        QCOMPARE(r.code, 0);
        QVERIFY(r.err.isEmpty());
        QJsonParseError pe;
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8(), &pe).object();
        QCOMPARE(pe.error, QJsonParseError::NoError);

        Backtest::Config c;
        c.initialCash = 5'000'000;
        c.feePct = 0.02;
        c.sellTaxPct = 0.18;
        c.stopLossPct = 0.4;
        c.takeProfitPct = 0.6;
        const auto strategy
            = *Strategies::StrategyRegistry::create(u"rsi", QJsonDocument::fromJson(params.toUtf8()).object());
        const auto table = CandleCsv::readFile(m_csv);
        const Result<Backtest::Report> direct = Backtest::Backtester(strategy, c).run(table->bars);
        QVERIFY(direct);
        QVERIFY(direct->summary.trades > 0);
        QCOMPARE(o, direct->toJson());
        QCOMPARE(o.value(u"summary").toObject().value(u"trades").toInt(), o.value(u"trades").toArray().size());
        QVERIFY(!o.contains(u"signals"));

        const RunResult withSignals = runTool(
            { u"--strategy"_s, u"rsi"_s, u"--csv"_s, m_csv, u"--params"_s, params, u"--json"_s, u"--signals"_s });
        QCOMPARE(withSignals.code, 0);
        const QJsonObject s = QJsonDocument::fromJson(withSignals.out.toUtf8()).object();
        const QJsonObject sum = s.value(u"summary").toObject();
        QCOMPARE(s.value(u"signals").toArray().size(),
            sum.value(u"buy_signals").toInt() + sum.value(u"sell_signals").toInt());
    }

    void humanTables()
    {
        const RunResult r = runTool({ u"--strategy"_s, u"momentum"_s, u"--csv"_s, m_csv, u"--stop-loss"_s, u"0.3"_s,
            u"--take-profit"_s, u"0.3"_s });
        QCOMPARE(r.code, 0);
        QVERIFY(r.err.isEmpty());
        QVERIFY(r.out.startsWith(u"Backtest: momentum over 360 candles, 2024-01-02T09:00:00+09:00 .. "
                                 "2024-01-02T14:59:00+09:00\n"));
        QVERIFY(r.out.contains(u"stop-loss 0.3%, take-profit 0.3%"));
        QVERIFY(r.out.contains(u"entry time"));
        QVERIFY(r.out.contains(u"\nSummary\n"));
        for (const char *line :
            { "  trades ", "  total return ", "  max drawdown ", "  fees paid ", "  taxes paid ", "  buy and hold " })
            QVERIFY2(r.out.contains(QLatin1StringView(line)), line);
        // One table row per trade, numbered from 1.
        const auto table = CandleCsv::readFile(m_csv);
        Backtest::Config c;
        c.stopLossPct = c.takeProfitPct = 0.3;
        const auto report
            = Backtest::Backtester(*Strategies::StrategyRegistry::create(u"momentum"), c).run(table->bars);
        QVERIFY(report->summary.trades > 1);
        const Backtest::Trade &first = report->trades.front();
        QVERIFY(r.out.contains(u"\n   1  %1"_s.arg(QString::fromUtf8(table->timeText(first.entryIndex)))));
        QVERIFY(r.out.contains(u"\n%1  "_s.arg(report->summary.trades, 4)));
        QVERIFY(!r.out.contains(u"\n%1  "_s.arg(report->summary.trades + 1, 4)));

        const RunResult scalping = runTool({ u"--strategy"_s, u"scalping"_s, u"--csv"_s, m_csv });
        QCOMPARE(scalping.code, 0);
        QVERIFY(scalping.out.contains(u"exits of the strategy: stop-loss 0.5%, take-profit 1%, max holding 300 s"));
    }

    void realBinary()
    {
        QString binDir = qEnvironmentVariable("KT_BIN_DIR");
        if (binDir.isEmpty())
            binDir = QCoreApplication::applicationDirPath() + u"/../bin"_s;
        const QString exe = QDir(binDir).filePath(u"kiwoom-trader"_s);
        if (!QFileInfo(exe).isExecutable())
            QSKIP("kiwoom-trader is not built; build the kiwoom-trader target to run this check");
        QProcess p;
        p.start(exe, { u"backtest"_s, u"--strategy"_s, u"bollinger"_s, u"--csv"_s, m_csv, u"--json"_s });
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        const RunResult inProcess = runTool({ u"--strategy"_s, u"bollinger"_s, u"--csv"_s, m_csv, u"--json"_s });
        QCOMPARE(QString::fromUtf8(p.readAllStandardOutput()), inProcess.out);

        p.start(exe, { u"backtest"_s, u"--strategy"_s, u"nope"_s, u"--csv"_s, m_csv });
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardError().contains("unknown strategy \"nope\""));
    }
};

QTEST_GUILESS_MAIN(TestBacktestCli)
#include "tst_backtestcli.moc"
