// SPDX-License-Identifier: GPL-3.0-or-later
// The engine over a recording (issue 12): a demo session of the whole app (TradingCore in demo
// mode, lockstep, the demo showcase trading on its own) is recorded by its MarketRecorder; then
// ReplayBacktest runs the same engine over that recording against the simulator's exchange fed by
// it. The replay's orders equal the recorded run's (stock, side, quantity, price, type, origin,
// virtual time), a second replay gives the very same report, and `kiwoom-trader backtest --replay`
// prints it (JSON) and refuses bad arguments.
#include "common/settings.h"
#include "market/krx.h"
#include "recorder/marketrecorder.h"
#include "replaybacktest.h"
#include "storage/orderrepository.h"
#include "storage/recordjson.h"
#include "tradingcore.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

constexpr qint64 STEP_MS = 1000;
constexpr int STEPS = 6 * 60; // six virtual minutes

QString describe(const Storage::OrderRecord &o)
{
    return QStringLiteral("%1 %2 %3 %4 x %5 @ %6 type %7 %8")
        .arg(Krx::toKst(o.createdAtMs).toString(QStringLiteral("HH:mm:ss.zzz")), o.stockCode,
            Storage::enumText(o.action), Storage::enumText(o.side))
        .arg(o.quantity)
        .arg(o.price)
        .arg(o.tradeType, Storage::enumText(o.origin));
}

// A report without what differs from run to run by design: the wall-clock run time and the
// random client ids of cancel requests (kt-<uuid>; a signal's orders have stable ids).
QJsonObject comparable(QJsonObject report)
{
    report.remove(QStringLiteral("real_ms"));
    QJsonArray orders;
    for (const QJsonValue &v : report.value(QStringLiteral("orders")).toArray()) {
        QJsonObject o = v.toObject();
        if (!o.value(QStringLiteral("client_order_id")).toString().startsWith(QStringLiteral("kt-sig-")))
            o.remove(QStringLiteral("client_order_id"));
        orders.append(o);
    }
    report.insert(QStringLiteral("orders"), orders);
    return report;
}

QStringList describeAll(const QList<Storage::OrderRecord> &orders)
{
    QStringList out;
    for (const auto &o : orders)
        out << describe(o);
    return out;
}

QString traderBinary()
{
    return QDir(qEnvironmentVariable("KT_BIN_DIR")).filePath(QStringLiteral("kiwoom-trader"));
}

} // namespace

class TestReplayBacktest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_settings;
    QString m_recording;
    QList<Storage::OrderRecord> m_recordedOrders;
    QJsonObject m_firstReport;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // The settings both runs start from: the demo's livelier intraday noise, so stops fire
        // within minutes; recording on for the first run only (ReplayBacktest turns it off).
        m_settings = m_dir.filePath(QStringLiteral("settings.ini"));
        {
            Settings s(m_settings);
            QVERIFY(s.setValue(QStringLiteral("sim/intradayVolatility"), 8).ok());
            QVERIFY(s.setValue(QStringLiteral("control/enabled"), false).ok());
            QVERIFY(s.setValue(QStringLiteral("kiwoom/queriesPerSecond"), 100).ok());
            QVERIFY(s.setValue(QStringLiteral("kiwoom/ordersPerSecond"), 100).ok());
            s.sync();
        }
        const QString recordSettings = m_dir.filePath(QStringLiteral("record.ini"));
        QVERIFY(QFile::copy(m_settings, recordSettings));
        {
            Settings s(recordSettings);
            QVERIFY(s.setValue(QStringLiteral("record/enabled"), true).ok());
            s.sync();
        }

        TradingCore::Options o;
        o.dataDir = m_dir.filePath(QStringLiteral("recorded"));
        o.configFile = recordSettings;
        o.mode = QStringLiteral("demo");
        o.lockstep = true;
        o.controlPort = 0;
        o.enableConditions = { QStringLiteral("all") };
        o.startServices = { QStringLiteral("all") };
        TradingCore core(o);
        QVERIFY(core.start().ok());
        LockstepDriver driver(core);
        const Status ready = driver.waitReady();
        QVERIFY2(ready.ok(), qPrintable(ready ? QString() : ready.error().message));
        QVERIFY(core.recorder());
        const qint64 origin = driver.nowMs();
        for (int k = 1; k <= STEPS; ++k) {
            const Status st = driver.stepTo(origin + k * STEP_MS);
            QVERIFY2(st.ok(), qPrintable(st ? QString() : st.error().message));
        }
        const QString date = Krx::kstDate(driver.nowMs()).toString(Qt::ISODate);
        auto orders = OrderRepository(*core.database()).listForDate(date);
        QVERIFY(orders.ok());
        m_recordedOrders = *orders;
        core.stop();

        const QStringList files
            = QDir(m_dir.filePath(QStringLiteral("recorded/recordings"))).entryList({ QStringLiteral("*.ktrec") });
        QCOMPARE(files.size(), 1);
        m_recording = m_dir.filePath(QStringLiteral("recorded/recordings/") + files.first());
        // KT_REPLAY_KEEP=DIR keeps the recording and the settings for a look by hand.
        if (const QString keep = qEnvironmentVariable("KT_REPLAY_KEEP"); !keep.isEmpty()) {
            QDir().mkpath(keep);
            QFile::copy(m_recording, QDir(keep).filePath(files.first()));
            QFile::copy(m_settings, QDir(keep).filePath(QStringLiteral("settings.ini")));
        }
        std::sort(
            m_recordedOrders.begin(), m_recordedOrders.end(), [](const auto &a, const auto &b) { return a.id < b.id; });
        qInfo().noquote() << "recorded run:" << m_recordedOrders.size() << "orders";
        for (const auto &o : std::as_const(m_recordedOrders))
            qInfo().noquote() << "  " << describe(o) << Storage::enumText(o.state);
        // The showcase trades: buys from condition hits, and exits once prices move.
        QVERIFY2(m_recordedOrders.size() >= 3, "the recorded demo session placed too few orders to compare");
    }

    void replayPlacesTheRecordedRunsOrders()
    {
        ReplayBacktest::Options r;
        r.recording = m_recording;
        r.settingsFile = m_settings;
        r.dataDir = m_dir.filePath(QStringLiteral("replay1"));
        r.stepMs = STEP_MS;
        r.tailMs = 0;
        auto report = ReplayBacktest::run(r);
        QVERIFY2(report.ok(), qPrintable(report ? QString() : report.error().message));
        QStringList replayed = describeAll(report->orders);
        const QStringList recorded = describeAll(m_recordedOrders);
        for (const QString &line : replayed)
            qInfo().noquote() << "  replay:" << line;
        // The recording ends with the last frame the recorded run read; orders placed after it
        // (in the recorded run's remaining quiet seconds) cannot be in the replay.
        QCOMPARE(replayed, recorded.mid(0, replayed.size()));
        QVERIFY(replayed.size() >= recorded.size() - 1);
        m_firstReport = comparable(report->toJson());
        QVERIFY(report->realtimeEntries > 100);
        QCOMPARE(report->initialCash, qint64(100'000'000));
    }

    void sameRecordingSameSettingsSameResult()
    {
        ReplayBacktest::Options r;
        r.recording = m_recording;
        r.settingsFile = m_settings;
        r.stepMs = STEP_MS;
        r.tailMs = 0;
        auto report = ReplayBacktest::run(r);
        QVERIFY2(report.ok(), qPrintable(report ? QString() : report.error().message));
        const QJsonObject again = comparable(report->toJson());
        // Orders carry their ids and times: the whole report, byte for byte.
        const QByteArray a = QJsonDocument(again).toJson();
        const QByteArray b = QJsonDocument(m_firstReport).toJson();
        if (a != b) {
            const QList<QByteArray> la = a.split('\n');
            const QList<QByteArray> lb = b.split('\n');
            for (int i = 0; i < std::min(la.size(), lb.size()); ++i) {
                if (la.at(i) != lb.at(i)) {
                    qWarning().noquote() << "first difference at line" << i + 1 << ":" << lb.at(i) << "then"
                                         << la.at(i);
                    break;
                }
            }
        }
        QCOMPARE(a, b);
    }

    void reportStatisticsFollowTheFills()
    {
        // P&L of the closed trades = what the fills say: sells' proceeds minus the average cost,
        // minus every fee and tax (fills of shares still held only cost their buy fees later).
        ReplayReport r;
        r.initialCash = 1'000'000;
        Storage::OrderRecord buy;
        buy.id = 1;
        buy.stockCode = QStringLiteral("005930");
        buy.side = Side::Buy;
        Storage::OrderRecord sell = buy;
        sell.id = 2;
        sell.side = Side::Sell;
        sell.origin = Storage::Origin::StopLoss;
        Storage::OrderRecord sell2 = sell;
        sell2.id = 3;
        sell2.origin = Storage::Origin::TakeProfit;
        auto fill = [](qint64 t, qint64 price, qint64 qty, qint64 fee, qint64 tax) {
            Storage::ExecutionRecord x;
            x.executedAtMs = t;
            x.price = price;
            x.quantity = qty;
            x.fee = fee;
            x.tax = tax;
            return x;
        };
        r.compute({ { buy, { fill(1, 10'000, 10, 15, 0), fill(2, 12'000, 10, 18, 0) } },
            { sell, { fill(3, 10'000, 10, 15, 200) } }, { sell2, { fill(4, 13'000, 10, 19, 260) } } });
        QCOMPARE(r.fills.size(), 4);
        QCOMPARE(r.trades.size(), 2);
        // Average cost 11,000; first sell 10 @ 10,000: -10,000 - 15 - 200 - half of 33 buy fees (16).
        QCOMPARE(r.trades.at(0).pnl, qint64(-10'000 - 15 - 200 - 16));
        QCOMPARE(r.trades.at(0).origin, QStringLiteral("stop_loss"));
        QCOMPARE(r.trades.at(1).pnl, qint64(20'000 - 19 - 260 - 17));
        QCOMPARE(r.realizedPnl, r.trades.at(0).pnl + r.trades.at(1).pnl);
        QCOMPARE(r.fees, qint64(15 + 18 + 15 + 19));
        QCOMPARE(r.tax, qint64(460));
        QCOMPARE(r.wins, 1);
        QCOMPARE(r.openQuantity, qint64(0));
        QVERIFY(qAbs(r.maxDrawdownPercent - 100.0 * 10'231 / 1'000'000) < 1e-9);
    }

    void cliPrintsTheReportAndRefusesBadArguments()
    {
        QProcess p;
        p.start(traderBinary(),
            { QStringLiteral("backtest"), QStringLiteral("--replay"), m_recording, QStringLiteral("--settings"),
                m_settings, QStringLiteral("--json") });
        QVERIFY(p.waitForFinished(300'000));
        QCOMPARE(p.exitCode(), 0);
        QJsonParseError pe;
        const QJsonObject doc = QJsonDocument::fromJson(p.readAllStandardOutput(), &pe).object();
        QCOMPARE(pe.error, QJsonParseError::NoError);
        // The default tail (10 s of market time after the last event) may add late fills, never
        // orders before the end of the recording that the library run did not place.
        const QJsonArray orders = doc.value(QStringLiteral("orders")).toArray();
        QVERIFY(orders.size() >= m_firstReport.value(QStringLiteral("orders")).toArray().size());
        QVERIFY(doc.value(QStringLiteral("statistics")).toObject().contains(QStringLiteral("realized_pnl")));

        auto run = [](const QStringList &args, QString *err) {
            QProcess q;
            q.start(traderBinary(), QStringList { QStringLiteral("backtest") } + args);
            q.waitForFinished(60'000);
            *err = QString::fromUtf8(q.readAllStandardError());
            return q.exitCode();
        };
        QString err;
        QCOMPARE(run({ QStringLiteral("--replay"), m_dir.filePath(QStringLiteral("missing.ktrec")) }, &err), 2);
        QVERIFY2(err.contains(QStringLiteral("recording.")), qPrintable(err));
        QCOMPARE(
            run({ QStringLiteral("--replay"), m_recording, QStringLiteral("--from"), QStringLiteral("9999") }, &err),
            2);
        QVERIFY2(err.contains(QStringLiteral("--from")), qPrintable(err));
        QCOMPARE(
            run({ QStringLiteral("--replay"), m_recording, QStringLiteral("--strategy"), QStringLiteral("rsi") }, &err),
            2);
        QCOMPARE(run({ QStringLiteral("--settings"), m_settings }, &err), 2);
        QVERIFY2(err.contains(QStringLiteral("needs --replay")), qPrintable(err));
        QCOMPARE(run({ QStringLiteral("--replay"), m_recording, QStringLiteral("--settings"),
                         m_dir.filePath(QStringLiteral("nope.ini")) },
                     &err),
            2);
    }
};

QTEST_GUILESS_MAIN(TestReplayBacktest)
#include "tst_replaybacktest.moc"
