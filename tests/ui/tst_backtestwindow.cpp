// SPDX-License-Identifier: GPL-3.0-or-later
// The Backtest window: it reads a stock's candles from the demo core's candle cache, runs the
// strategy on a worker thread to 100 %, shows the very statistics Backtest::Backtester computes for
// the same candles, stops when cancelled, refuses bad input in words, and exports its trades to CSV.
#include "uicorerig.h"

#include "backtestwindow.h"

#include "backtest/backtester.h"
#include "indicators/types.h"
#include "strategy/strategyregistry.h"

#include <QAbstractItemModel>
#include <QLabel>
#include <QTabWidget>
#include <QTableView>

#include <cmath>
#include <vector>

class TestBacktestWindow final : public QObject
{
    Q_OBJECT

private:
    // A wave that RSI and Bollinger strategies trade on: 10,000 won ± 15 %, one cycle per 40 bars,
    // daily bars from 2024-01-02 (09:00 KST).
    static QList<Candle> wave(int count)
    {
        QList<Candle> out;
        out.reserve(count);
        const qint64 start = Krx::fromKst(QDate(2024, 1, 2), QTime(9, 0));
        double prev = 10000.0;
        for (int i = 0; i < count; ++i) {
            const double mid = 10000.0 * (1.0 + 0.15 * std::sin(i * 2.0 * M_PI / 40.0));
            Candle c;
            c.timeMs = start + qint64(i) * 86'400'000LL;
            c.open = Krx::snapNearest(qint64(prev));
            c.close = Krx::snapNearest(qint64(mid));
            c.high = Krx::snapUp(std::max(c.open, c.close) + 60);
            c.low = Krx::snapDown(std::min(c.open, c.close) - 60);
            c.volume = 1000 + i % 7 * 100;
            out << c;
            prev = mid;
        }
        return out;
    }

    static Backtest::Report expected(const BacktestWindow &w, const QList<Candle> &candles)
    {
        const auto strategy = Strategies::StrategyRegistry::create(w.strategyType(), w.parameters());
        Q_ASSERT(strategy);
        std::vector<Indicators::Bar> bars;
        for (const Candle &c : candles)
            bars.push_back(Indicators::toBar(c));
        Backtest::Config config = w.config();
        const auto r = Backtest::Backtester(*strategy, config).run(bars);
        Q_ASSERT(r);
        return r.value();
    }

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English)); }

    void runsOverTheCoresCandlesAndMatchesTheBacktester()
    {
        UiCoreRig rig;
        QVERIFY(rig.ok());
        QVERIFY(rig.waitReady());
        QDate today;
        rig.gw()->read(
            rig.gw(), [](TradingCore &core) { return Krx::kstDate(core.marketClock().nowMs()); },
            [&](const QDate &d) { today = d; });
        QTRY_VERIFY(today.isValid());

        BacktestWindow w(rig.gw());
        w.showWindow();
        const QString code = TradingCore::defaultWatchCodes().value(0);
        w.setStock(code);
        w.setInterval(CandleInterval::Day);
        QTest::qWait(200); // the defaults (settings, market date) arrive first
        w.setDateRange(today.addDays(-400), today);
        QVERIFY(w.setStrategy(QStringLiteral("rsi")));
        QSignalSpy finished(&w, &BacktestWindow::finished);
        w.run();
        QVERIFY(w.isRunning());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
        QCOMPARE(w.progress(), 100);
        QVERIFY(!w.isRunning());
        QVERIFY(w.report().has_value());
        QVERIFY2(w.candles().size() > 100, qPrintable(QString::number(w.candles().size())));
        for (const Candle &c : w.candles()) {
            QVERIFY(Krx::kstDate(c.timeMs) >= today.addDays(-400));
            QVERIFY(Krx::kstDate(c.timeMs) <= today);
        }

        const Backtest::Report want = expected(w, w.candles());
        QCOMPARE(w.report()->summary, want.summary);
        QCOMPARE(w.report()->trades, want.trades);
        QCOMPARE(w.report()->equity.size(), w.candles().size());
        // The statistics the window shows are that summary's.
        const auto stat = [&](const char *key) {
            return w.findChild<QLabel *>(QStringLiteral("stat_") + QLatin1String(key))->text();
        };
        QVERIFY2(stat("total_return").contains(QString::number(want.summary.totalReturnPct, 'f', 2)),
            qPrintable(stat("total_return")));
        QCOMPARE(stat("max_drawdown"), QString::number(want.summary.maxDrawdownPct, 'f', 2) + u'%');
        QCOMPARE(stat("win_rate"), QString::number(want.summary.winRatePct, 'f', 2) + u'%');
        QVERIFY(stat("trades").startsWith(QString::number(want.summary.trades) + u' '));
        QCOMPARE(stat("fees"), QLocale().toString(want.summary.feesPaid) + QStringLiteral(" KRW"));
        QCOMPARE(stat("taxes"), QLocale().toString(want.summary.taxesPaid) + QStringLiteral(" KRW"));
        // KT_UI_SHOTS=DIR keeps pictures of the window's pages (for looking at them, not checked).
        if (const QString shots = qEnvironmentVariable("KT_UI_SHOTS"); !shots.isEmpty()) {
            auto *tabs = w.findChild<QTabWidget *>(QStringLiteral("backtestResults"));
            for (int i = 0; i < tabs->count(); ++i) {
                tabs->setCurrentIndex(i);
                w.grab().save(QDir(shots).filePath(QStringLiteral("backtest-%1.png").arg(i)));
            }
        }
        auto *table = w.findChild<QTableView *>(QStringLiteral("backtestTrades"));
        QCOMPARE(table->model()->rowCount(), want.trades.size());
    }

    void progressReachesTheEndAndTradesExportToCsv()
    {
        BacktestWindow w(nullptr);
        const QList<Candle> candles = wave(600);
        // The first strategy (at its defaults) that trades the wave a few times.
        bool found = false;
        for (const auto &info : Strategies::StrategyRegistry::types()) {
            QVERIFY(w.setStrategy(info.type));
            if (expected(w, candles).trades.size() >= 3) {
                found = true;
                break;
            }
        }
        QVERIFY(found);
        QSignalSpy finished(&w, &BacktestWindow::finished);
        w.runOnCandles(candles);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
        QCOMPARE(w.progress(), 100);
        const Backtest::Report want = expected(w, candles);
        QCOMPARE(w.report()->summary, want.summary);
        QVERIFY2(want.trades.size() >= 3, qPrintable(QString::number(want.trades.size())));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("trades.csv"));
        QVERIFY(w.exportTrades(path));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QString text = QString::fromUtf8(f.readAll());
        if (text.startsWith(QChar(0xFEFF)))
            text.remove(0, 1);
        const QStringList lines = text.split(QRegularExpression(QStringLiteral("\r?\n")), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), want.trades.size() + 1);
        QVERIFY2(lines.at(0).contains(QStringLiteral("Buy price")), qPrintable(lines.at(0)));
        const Backtest::Trade &first = want.trades.first();
        QVERIFY2(lines.at(1).contains(QLocale().toString(first.entryPrice)), qPrintable(lines.at(1)));
        QVERIFY2(lines.at(1).contains(Backtest::exitReasonText(first.exitReason)), qPrintable(lines.at(1)));
    }

    void cancelStopsTheRun()
    {
        BacktestWindow w(nullptr);
        QVERIFY(w.setStrategy(QStringLiteral("bollinger")));
        const QList<Candle> candles = wave(400'000);
        QSignalSpy finished(&w, &BacktestWindow::finished);
        w.runOnCandles(candles);
        QVERIFY(w.isRunning());
        w.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QCOMPARE(finished.at(0).at(1).toString(), QStringLiteral("Cancelled."));
        QVERIFY(!w.report().has_value());
        QVERIFY(w.progress() < 100);
        QVERIFY(!w.isRunning());
        QCOMPARE(w.statusText(), QStringLiteral("Cancelled."));
        QVERIFY(!w.exportTrades(QDir::temp().filePath(QStringLiteral("never.csv"))));
    }

    void everyInputHasAnAccessibleName()
    {
        BacktestWindow w(nullptr);
        QCOMPARE(w.objectName(), QStringLiteral("backtestWindow"));
        const QStringList names { QStringLiteral("backtestStock"), QStringLiteral("backtestInterval"),
            QStringLiteral("backtestFrom"), QStringLiteral("backtestTo"), QStringLiteral("backtestStrategy"),
            QStringLiteral("backtestCash"), QStringLiteral("backtestFee"), QStringLiteral("backtestTax"),
            QStringLiteral("backtestStopLoss"), QStringLiteral("backtestTakeProfit"), QStringLiteral("backtestRun"),
            QStringLiteral("backtestCancel"), QStringLiteral("backtestProgress"), QStringLiteral("backtestStatus"),
            QStringLiteral("backtestResults"), QStringLiteral("backtestEquityChart"),
            QStringLiteral("backtestCandleChart"), QStringLiteral("backtestTrades"), QStringLiteral("backtestExport") };
        for (const QString &name : names) {
            auto *widget = w.findChild<QWidget *>(name);
            QVERIFY2(widget, qPrintable(name));
            QVERIFY2(!widget->accessibleName().isEmpty(), qPrintable(name));
        }
        for (const auto &info : Strategies::StrategyRegistry::types()) {
            QVERIFY(w.setStrategy(info.type));
            for (const auto &p : info.parameters) {
                auto *field = w.findChild<QWidget *>(QStringLiteral("param_") + p.name);
                QVERIFY2(field, qPrintable(p.name));
                QCOMPARE(field->accessibleName(), p.name);
                QCOMPARE(field->accessibleDescription(), p.description);
            }
        }
    }

    void badInputIsRefusedInWords()
    {
        BacktestWindow w(nullptr);
        QSignalSpy finished(&w, &BacktestWindow::finished);
        w.setStock(QStringLiteral("12"));
        w.run();
        QCOMPARE(finished.count(), 1);
        QVERIFY(w.statusText().contains(QStringLiteral("is not a stock code")));
        w.setStock(QStringLiteral("005930"));
        w.setDateRange(QDate(2025, 5, 1), QDate(2025, 1, 1));
        w.run();
        QCOMPARE(finished.count(), 2);
        QVERIFY2(w.statusText().contains(QStringLiteral("after the end date")), qPrintable(w.statusText()));
        QVERIFY(!w.isRunning());
        // Every parameter of every strategy is a field kept inside its range.
        for (const auto &info : Strategies::StrategyRegistry::types()) {
            QVERIFY(w.setStrategy(info.type));
            QCOMPARE(w.parameters(), info.defaults());
        }
    }
};

QTEST_MAIN(TestBacktestWindow)
#include "tst_backtestwindow.moc"
