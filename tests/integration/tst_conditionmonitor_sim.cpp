// SPDX-License-Identifier: GPL-3.0-or-later
// The condition monitor against the built-in simulator over loopback: the simulator's condition
// formulas (CNSRLST / CNSRREQ) and daily charts (ka10081) through the real Kiwoom client turn into
// PENDING rows of pending_buy_signals, each for a stock the condition really returned; a second
// run records no duplicate and fetches only today's bar; started, the enabled conditions run as
// realtime conditions at the simulator and its 02 hits are handled.
//
// The engine's IMarketApi adapter (KiwoomBrokerApi) and the SignalManager are not here yet, so
// this test uses SessionMarketApi (tests/support, test-only) and a stand-in sink that writes the
// signal straight through SignalRepository.
#include "clientsimfixture.h"
#include "common/settings.h"
#include "market/candlecache.h"
#include "market/krx.h"
#include "services/conditionmonitor.h"
#include "sessionmarketapi.h"
#include "sim/simconditions.h"
#include "sim/simmarket.h"
#include "sim/simserver.h"
#include "storage/conditionrepository.h"
#include "storage/database.h"
#include "storage/signalrepository.h"
#include "storage/strategyrepository.h"
#include "storagefixture.h"
#include "trading/signalsink.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

// Stand-in for the SignalManager: persists a pending buy through the repository (which dedupes).
class RepositorySignalSink final : public ISignalSink
{
public:
    explicit RepositorySignalSink(Database &db) : m_signals(db) { }
    Result<Trading::SignalOutcome> submit(const Trading::SignalRequest &request) override
    {
        Storage::PendingBuySignalRecord r;
        r.conditionId = request.conditionId;
        r.stockCode = request.code;
        r.stockName = request.name;
        r.signalType = request.signalType;
        r.referenceCandleHigh = request.signal.referenceCandleHigh;
        r.referenceCandleTimeMs = request.signal.referenceCandleTimeMs;
        r.targetPrice = request.signal.targetPrice;
        r.source = request.source;
        const auto inserted = m_signals.insertPendingBuy(r, request.actor);
        if (!inserted)
            return inserted.error();
        return Trading::SignalOutcome { request.kind, inserted->id, inserted->duplicate };
    }

private:
    SignalRepository m_signals;
};

} // namespace

class TestConditionMonitorSim final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ClientSimFixture> m_rig;
    QTemporaryDir m_dir;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<SessionMarketApi> m_market;
    std::unique_ptr<CandleCache> m_cache;
    std::unique_ptr<RepositorySignalSink> m_sink;
    std::unique_ptr<ConditionMonitor> m_monitor;

    QList<QVariant> runOnce()
    {
        QSignalSpy finished(m_monitor.get(), &ConditionMonitor::runFinished);
        m_monitor->runOnce();
        if (finished.isEmpty() && !finished.wait(120'000))
            return {};
        return finished.takeFirst();
    }
    QList<Storage::PendingBuySignalRecord> pending() const
    {
        return SignalRepository(*m_db).listPendingBuy(Storage::SignalFilter {}).value();
    }

private slots:
    void initTestCase()
    {
        m_rig = std::make_unique<ClientSimFixture>();
        QVERIFY2(m_rig->start(), qPrintable(m_rig->error()));
        m_settings = std::make_unique<Settings>(m_dir.filePath(u"kt.ini"_s));
        m_db = StorageTest::openMemory(m_rig->clientClock());
        QVERIFY(m_db);
        m_market = std::make_unique<SessionMarketApi>(m_rig->session());
        // The simulator's virtual clock is the market clock.
        m_cache = std::make_unique<CandleCache>(*m_market, *m_db, m_rig->clientClock());
        m_sink = std::make_unique<RepositorySignalSink>(*m_db);
        m_monitor = std::make_unique<ConditionMonitor>(
            *m_market, *m_cache, *m_db, *m_sink, *m_settings, m_rig->clientClock());
        connect(&m_rig->conditions(), &ConditionSearch::conditionHitReceived, m_monitor.get(),
            &ConditionMonitor::onConditionHit);
        // Reference candles a little easier to meet than the defaults (rise 2 %, 1.5x volume), so a
        // 60-day simulated history surely has some.
        QVERIFY(StrategyRepository(*m_db)
                    .create(u"기준봉"_s, u"reference_candle"_s,
                        QJsonObject { { u"min_rise_pct"_s, 2.0 }, { u"volume_multiplier"_s, 1.5 } }, true, u"test"_s)
                    .ok());
    }
    void cleanupTestCase()
    {
        m_monitor.reset();
        m_sink.reset();
        m_cache.reset();
        m_market.reset();
        m_db.reset();
        m_settings.reset();
        m_rig.reset();
    }

    void conditionHitsBecomePendingSignals()
    {
        // First run: every simulator condition stored, all disabled; nothing searched.
        QList<QVariant> args = runOnce();
        QCOMPARE(args.size(), 4);
        QCOMPARE(args.at(0).toInt(), 0);
        const auto conditions = ConditionRepository(*m_db).list().value();
        QCOMPARE(conditions.size(), m_rig->server().conditions()->formulas().size());
        QVERIFY(pending().isEmpty());

        // Enable them all: each is searched, its hits evaluated on the simulator's daily candles.
        for (const auto &c : conditions)
            QVERIFY(ConditionRepository(*m_db).setEnabled(c.id, true, u"test"_s).ok());
        const qint64 dailyBefore = m_rig->simRequests(u"ka10081"_s);
        args = runOnce();
        QCOMPARE(args.at(0).toInt(), conditions.size());
        QCOMPARE(args.at(3).toInt(), 0);
        const int stocks = args.at(1).toInt();
        const int created = args.at(2).toInt();
        QVERIFY2(stocks > 0, "the simulator's conditions returned no stock at 10:00");
        QVERIFY2(created > 0, "no reference candle among the hits");
        const QList<Storage::PendingBuySignalRecord> rows = pending();
        QCOMPARE(rows.size(), created);
        QVERIFY(m_rig->simRequests(u"ka10081"_s) - dailyBefore <= stocks);

        // Every signal: PENDING, for a stock its condition returns, a target price on the tick.
        QHash<qint64, QString> seqOf;
        for (const auto &c : conditions)
            seqOf.insert(c.id, c.apiConditionId);
        for (const Storage::PendingBuySignalRecord &r : rows) {
            QCOMPARE(r.status, Storage::SignalStatus::Pending);
            QVERIFY(r.conditionId.has_value());
            QCOMPARE(r.source, u"condition:%1"_s.arg(*r.conditionId));
            QCOMPARE(r.signalType, u"reference_candle"_s);
            QCOMPARE(r.detectedDate, Krx::tradingDateString(m_rig->virtualNowMs()));
            QVERIFY(r.targetPrice && *r.targetPrice > 0 && Krx::isOnTick(*r.targetPrice));
            QVERIFY(r.referenceCandleHigh && *r.referenceCandleHigh >= *r.targetPrice);
            QStringList members;
            for (int i : m_rig->server().conditions()->members(seqOf.value(*r.conditionId)))
                members << m_rig->code(i);
            QVERIFY2(members.contains(r.stockCode), qPrintable(r.stockCode));
        }

        // Again: nothing new; the signalled stocks are not even fetched, the others only today's bar.
        const qint64 dailyBeforeSecond = m_rig->simRequests(u"ka10081"_s);
        args = runOnce();
        QCOMPARE(args.at(2).toInt(), 0);
        QCOMPARE(pending().size(), rows.size());
        QVERIFY(m_rig->simRequests(u"ka10081"_s) - dailyBeforeSecond <= stocks - rows.size());
    }

    void startedTheConditionsRunInRealtime()
    {
        QSignalSpy finished(m_monitor.get(), &ConditionMonitor::runFinished);
        QSignalSpy hits(m_monitor.get(), &ConditionMonitor::realtimeHitHandled);
        m_monitor->start();
        QVERIFY(finished.wait(120'000));
        QTRY_COMPARE_WITH_TIMEOUT(m_monitor->realtimeConditions().size(), ConditionMonitor::MAX_REALTIME, 20'000);
        QTRY_COMPARE_WITH_TIMEOUT(m_rig->simRealtimeConditions(), ConditionMonitor::MAX_REALTIME, 20'000);
        // Let the simulated market move: stocks enter and leave the conditions, 02 hits arrive.
        for (int minute = 0; minute < 30 && hits.isEmpty(); ++minute) {
            m_rig->advance(60'000);
            QTest::qWait(100);
        }
        QTRY_VERIFY_WITH_TIMEOUT(!hits.isEmpty(), 20'000);
        m_monitor->stop();
        QTRY_COMPARE_WITH_TIMEOUT(m_rig->simRealtimeConditions(), 0, 20'000);
    }
};

QTEST_GUILESS_MAIN(TestConditionMonitorSim)
#include "tst_conditionmonitor_sim.moc"
