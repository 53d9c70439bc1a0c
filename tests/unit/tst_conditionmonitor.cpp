// SPDX-License-Identifier: GPL-3.0-or-later
// ConditionMonitor: lists and stores the conditions, searches the ENABLED ones only, turns hits
// with a reference candle (기준봉) into pending buy signals, logs a failing call and goes on, skips
// a timer tick while a run is in flight, runs a whole trading day in seconds, and handles realtime
// hits (start / stop / disable, at most 10 realtime conditions).
#include "common/activitylog.h"
#include "common/clock.h"
#include "common/settings.h"
#include "fakemarketapi.h"
#include "fakesignalsink.h"
#include "market/candlecache.h"
#include "market/krx.h"
#include "services/conditionmonitor.h"
#include "storage/conditionrepository.h"
#include "storage/database.h"
#include "storage/strategyrepository.h"
#include "storagefixture.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

KiwoomError injected(KiwoomError::Kind kind = KiwoomError::Kind::Transport)
{
    return KiwoomError::make(kind, u"fake"_s, u"injected failure"_s);
}

Kiwoom::ConditionRow row(const QString &code, const QString &name = QString())
{
    Kiwoom::ConditionRow r;
    r.code = code;
    r.name = name.isEmpty() ? u"Stock %1"_s.arg(code) : name;
    return r;
}

const QDate TODAY(2025, 3, 10); // a Monday
const QString SURGE = u"005930"_s; // has a reference candle three days ago
const QString FLAT = u"000660"_s; // never qualifies
const QString LATE = u"035720"_s; // has one too; only ever arrives as a realtime hit

qint64 kst(int h, int m)
{
    return Krx::fromKst(TODAY, QTime(h, m));
}

// 30 daily bars up to today; with a reference candle 3 trading days ago when `surge`.
QList<Candle> daily(bool surge)
{
    QList<Candle> out;
    QDate d = TODAY;
    for (int i = 0; i < 30; ++i) {
        Candle c { Krx::fromKst(d, QTime(9, 0)), 10'000, 10'050, 9'950, 10'000, 100'000 };
        if (surge && i < 3)
            c = Candle { c.timeMs, 10'500, 10'550, 10'450, 10'500, 100'000 };
        if (surge && i == 3)
            c = Candle { c.timeMs, 10'000, 10'700, 9'950, 10'600, 400'000 }; // +6 %, 4x volume
        out.prepend(c);
        d = Krx::previousTradingDay(d);
    }
    return out;
}

} // namespace

class TestConditionMonitor final : public QObject
{
    Q_OBJECT

private:
    ManualClock m_clock { kst(10, 0) };
    QTemporaryDir m_dir;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<FakeMarketApi> m_market;
    std::unique_ptr<FakeSignalSink> m_sink;
    std::unique_ptr<CandleCache> m_cache;
    std::unique_ptr<ActivityLog> m_activity;
    std::unique_ptr<ConditionMonitor> m_monitor;
    qint64 m_surgeId = 0, m_highId = 0, m_crossId = 0;

    qint64 conditionId(const QString &name) const { return ConditionRepository(*m_db).findByName(name).value()->id; }
    void enable(const QString &name, bool on = true)
    {
        QVERIFY(ConditionRepository(*m_db).setEnabled(conditionId(name), on, u"test"_s).ok());
    }
    // Runs once and waits for runFinished; returns its arguments.
    QList<QVariant> runOnce()
    {
        QSignalSpy finished(m_monitor.get(), &ConditionMonitor::runFinished);
        m_monitor->runOnce();
        if (finished.isEmpty() && !finished.wait(5000))
            return {};
        return finished.takeFirst();
    }

private slots:
    void init()
    {
        m_clock.setNowMs(kst(10, 0));
        m_settings = std::make_unique<Settings>(m_dir.filePath(u"kt.ini"_s));
        m_db = StorageTest::openMemory(m_clock);
        QVERIFY(m_db);
        m_market = std::make_unique<FakeMarketApi>();
        m_sink = std::make_unique<FakeSignalSink>(&m_clock);
        m_cache = std::make_unique<CandleCache>(*m_market, *m_db, m_clock);
        m_activity = std::make_unique<ActivityLog>();
        m_monitor = std::make_unique<ConditionMonitor>(
            *m_market, *m_cache, *m_db, *m_sink, *m_settings, m_clock, m_activity.get());

        m_market->setConditions(
            { { u"0"_s, u"거래량급증"_s }, { u"1"_s, u"20일신고가"_s }, { u"2"_s, u"골든크로스"_s } });
        m_market->setConditionResult(u"0"_s, { row(SURGE, u"삼성전자"_s), row(FLAT) });
        m_market->setConditionResult(u"1"_s, { row(SURGE, u"삼성전자"_s) });
        m_market->setConditionResult(u"2"_s, { row(FLAT) });
        m_market->setDailyCandles(SURGE, daily(true));
        m_market->setDailyCandles(FLAT, daily(false));
        m_market->setDailyCandles(LATE, daily(true));
    }
    void cleanup()
    {
        m_monitor.reset();
        m_activity.reset();
        m_cache.reset();
        m_sink.reset();
        m_market.reset();
        m_db.reset();
        m_settings.reset();
    }

    void newConditionsAreStoredDisabledAndNothingIsSearched()
    {
        const QList<QVariant> args = runOnce();
        QCOMPARE(args.size(), 4);
        QCOMPARE(args.at(0).toInt(), 0);
        const auto stored = ConditionRepository(*m_db).list().value();
        QCOMPARE(stored.size(), 3);
        for (const auto &c : stored)
            QVERIFY(!c.enabled);
        QCOMPARE(ConditionRepository(*m_db).findByName(u"20일신고가"_s).value()->apiConditionId, u"1"_s);
        QCOMPARE(m_market->calls(u"searchCondition"_s), 0);
        QCOMPARE(m_sink->requests.size(), 0);
    }

    void enabledConditionsOnlyBecomePendingBuySignals()
    {
        runOnce();
        enable(u"거래량급증"_s);
        enable(u"골든크로스"_s);
        QSignalSpy completed(m_monitor.get(), &TimedService::runCompleted);
        const QList<QVariant> args = runOnce();
        QCOMPARE(args.at(0).toInt(), 2); // conditions searched
        QCOMPARE(args.at(1).toInt(), 3); // stocks they returned
        QCOMPARE(args.at(2).toInt(), 1); // new signals
        QCOMPARE(args.at(3).toInt(), 0); // failures
        QCOMPARE(m_market->calls(u"searchCondition"_s, u"0"_s), 1);
        QCOMPARE(m_market->calls(u"searchCondition"_s, u"2"_s), 1);
        QCOMPARE(m_market->calls(u"searchCondition"_s, u"1"_s), 0); // disabled: never searched

        QCOMPARE(m_sink->requests.size(), 1);
        const Trading::SignalRequest &r = m_sink->requests.first();
        QCOMPARE(r.kind, Storage::SignalKind::PendingBuy);
        QCOMPARE(r.source, u"condition:%1"_s.arg(conditionId(u"거래량급증"_s)));
        QCOMPARE(r.conditionId, std::optional<qint64>(conditionId(u"거래량급증"_s)));
        QCOMPARE(r.side, Side::Buy);
        QCOMPARE(r.code, SURGE);
        QCOMPARE(r.name, u"삼성전자"_s);
        QCOMPARE(r.signalType, u"reference_candle"_s);
        QCOMPARE(r.actor, ConditionMonitor::ACTOR);
        QCOMPARE(r.signal.stockCode, SURGE);
        QCOMPARE(r.signal.targetPrice, std::optional<qint64>(10'300)); // the body's midpoint, on the tick
        QCOMPARE(r.signal.referenceCandleHigh, std::optional<qint64>(10'700));

        QCOMPARE(completed.size(), 1);
        const ServiceRun run = completed.first().first().value<ServiceRun>();
        QVERIFY(run.ok);
        QCOMPARE(run.counts.value(u"signals"_s).toInt(), 1);
        QCOMPARE(m_monitor->lastRun()->summary, run.summary);

        QStringList lines;
        for (const ActivityLog::Entry &e : m_activity->since(0))
            lines << e.message;
        QVERIFY2(
            lines.contains(u"Condition 거래량급증: 2 stock(s), 1 buy signal(s)"_s), qPrintable(lines.join(u" | ")));
        QVERIFY2(
            lines.contains(u"Condition 골든크로스: 1 stock(s), 0 buy signal(s)"_s), qPrintable(lines.join(u" | ")));
    }

    void theReferenceCandleParametersComeFromTheStrategyTable()
    {
        runOnce();
        enable(u"거래량급증"_s);
        // A stricter rise than the surge's 6 %: no signal.
        QVERIFY(
            StrategyRepository(*m_db)
                .create(u"기준봉"_s, u"reference_candle"_s, QJsonObject { { u"min_rise_pct"_s, 7.0 } }, true, u"test"_s)
                .ok());
        QCOMPARE(runOnce().at(2).toInt(), 0);
        QCOMPARE(m_sink->requests.size(), 0);
    }

    void aFailingCallIsLoggedAndTheLoopGoesOn()
    {
        runOnce();
        enable(u"거래량급증"_s);
        enable(u"골든크로스"_s);

        // The search of the first condition fails: the second is still searched.
        m_market->failNext(u"searchCondition"_s, injected(KiwoomError::Kind::Timeout));
        QList<QVariant> args = runOnce();
        QCOMPARE(args.at(0).toInt(), 2);
        QCOMPARE(args.at(2).toInt(), 0);
        QCOMPARE(args.at(3).toInt(), 1);
        QVERIFY(!m_monitor->lastRun()->ok);
        QCOMPARE(m_market->calls(u"searchCondition"_s, u"2"_s), 1);

        // Next run: the signal comes.
        args = runOnce();
        QCOMPARE(args.at(2).toInt(), 1);
        QCOMPARE(args.at(3).toInt(), 0);
        QVERIFY(m_monitor->lastRun()->ok);

        // Listing fails: the stored conditions are searched anyway; a candle fetch fails: counted.
        m_sink->clear();
        m_clock.setNowMs(kst(9, 0) + 24LL * 3600 * 1000); // the next day: memo cleared
        m_market->failNext(u"listConditions"_s, injected());
        m_market->failNext(u"dailyCandles"_s, injected());
        args = runOnce();
        QCOMPARE(args.at(0).toInt(), 2);
        QVERIFY(args.at(3).toInt() >= 2);

        // A refused submit is a failure too; the next run records it.
        m_sink->failNext = 1;
        args = runOnce();
        QCOMPARE(args.at(3).toInt(), 1);
        args = runOnce();
        QCOMPARE(args.at(2).toInt(), 1);
    }

    void aRunInFlightIsSkippedNotDoubled()
    {
        runOnce();
        enable(u"거래량급증"_s);
        QSignalSpy finished(m_monitor.get(), &ConditionMonitor::runFinished);
        m_market->setHold(true);
        m_monitor->runOnce();
        QVERIFY(m_monitor->isBusy());
        m_monitor->runOnce(); // the timer fires again
        m_monitor->runOnce();
        QCOMPARE(m_monitor->skippedRuns(), 2);
        QCOMPARE(m_market->calls(u"listConditions"_s), 2); // the first run and this one
        while (m_market->held() > 0) {
            m_market->release();
            QCoreApplication::processEvents();
        }
        QTRY_COMPARE(finished.size(), 1);
        QVERIFY(!m_monitor->isBusy());
        QCOMPARE(m_sink->requests.size(), 1);
    }

    void aWholeTradingDayInSeconds()
    {
        runOnce();
        enable(u"거래량급증"_s);
        enable(u"골든크로스"_s);
        m_market->clearCalls();
        int runs = 0;
        for (qint64 t = kst(9, 0); t <= kst(15, 30); t += 10 * 60'000) {
            m_clock.setNowMs(t);
            const QList<QVariant> args = runOnce();
            QCOMPARE(args.size(), 4);
            QCOMPARE(args.at(3).toInt(), 0);
            ++runs;
        }
        QCOMPARE(runs, 40);
        QCOMPARE(m_market->calls(u"listConditions"_s), runs);
        QCOMPARE(m_market->calls(u"searchCondition"_s, u"0"_s), runs);
        QCOMPARE(m_market->calls(u"searchCondition"_s, u"2"_s), runs);
        QCOMPARE(m_market->calls(u"searchCondition"_s, u"1"_s), 0);
        // One signal for the day: later runs do not even evaluate the stock again for that condition.
        QCOMPARE(m_sink->requests.size(), 1);
        QCOMPARE(m_market->calls(u"dailyCandles"_s, SURGE), 1);
        // The flat stock is evaluated every run, its history fetched once, then only today's bar.
        const auto flat = m_market->requests(u"dailyCandles"_s);
        int full = 0;
        for (const auto &r : flat)
            full += r.key == FLAT && r.count > 1 ? 1 : 0;
        QCOMPARE(full, 1);
        QCOMPARE(m_market->calls(u"dailyCandles"_s, FLAT), runs);
    }

    void thePeriodFollowsTheSettings()
    {
        QCOMPARE(m_monitor->period(), std::chrono::milliseconds(600'000));
        QVERIFY(m_settings->setValue(u"services/conditionMonitorIntervalSec"_s, 120).ok());
        QCOMPARE(m_monitor->period(), std::chrono::milliseconds(120'000));
        m_monitor->start();
        QVERIFY(m_monitor->isRunning());
        QVERIFY(m_settings->setValue(u"services/conditionMonitorIntervalSec"_s, 300).ok());
        QCOMPARE(m_monitor->period(), std::chrono::milliseconds(300'000));
        QVERIFY(m_monitor->isRunning());
        m_monitor->stop();
        QVERIFY(!m_monitor->isRunning());
        QCOMPARE(m_monitor->nextRunInMs(), -1);
    }

    void realtimeHitsAreHandledAtOnce()
    {
        runOnce();
        enable(u"거래량급증"_s);
        enable(u"골든크로스"_s);
        QSignalSpy finished(m_monitor.get(), &ConditionMonitor::runFinished);
        QSignalSpy hits(m_monitor.get(), &ConditionMonitor::realtimeHitHandled);
        m_monitor->start(); // runs at once and starts the realtime conditions
        QTRY_COMPARE(finished.size(), 1);
        QTRY_COMPARE(m_monitor->realtimeConditions(), (QStringList { u"0"_s, u"2"_s }));
        QCOMPARE(m_market->realtimeConditions(), (QSet<QString> { u"0"_s, u"2"_s }));
        QCOMPARE(m_sink->requests.size(), 1); // SURGE from the run

        Kiwoom::ConditionHit hit;
        hit.conditionSeq = u"0"_s;
        hit.code = LATE;
        hit.entered = true;
        m_monitor->onConditionHit(hit);
        QTRY_COMPARE(hits.size(), 1);
        QCOMPARE(hits.first().at(0).toLongLong(), conditionId(u"거래량급증"_s));
        QCOMPARE(hits.first().at(1).toString(), LATE);
        QCOMPARE(hits.first().at(2).toBool(), true);
        QCOMPARE(m_sink->requests.size(), 2);
        QCOMPARE(m_sink->requests.last().code, LATE);
        QCOMPARE(m_sink->requests.last().source, u"condition:%1"_s.arg(conditionId(u"거래량급증"_s)));
        QCOMPARE(m_sink->requests.last().kind, Storage::SignalKind::PendingBuy);

        // Left (D), a disabled condition, a stock without a reference: nothing recorded.
        hit.entered = false;
        m_monitor->onConditionHit(hit);
        hit.entered = true;
        hit.conditionSeq = u"1"_s;
        m_monitor->onConditionHit(hit);
        hit.conditionSeq = u"2"_s;
        hit.code = FLAT;
        m_monitor->onConditionHit(hit);
        QTRY_COMPARE(hits.size(), 2);
        QCOMPARE(hits.last().at(2).toBool(), false);
        QCOMPARE(m_sink->requests.size(), 2);

        // Disabling a condition stops its realtime run at once.
        enable(u"골든크로스"_s, false);
        m_monitor->refreshRealtime();
        QTRY_COMPARE(m_market->realtimeConditions(), (QSet<QString> { u"0"_s }));
        QCOMPARE(m_monitor->realtimeConditions(), (QStringList { u"0"_s }));

        // Stopped: realtime conditions stopped, hits ignored; started again: restarted.
        m_monitor->stop();
        QTRY_VERIFY(m_market->realtimeConditions().isEmpty());
        QVERIFY(m_monitor->realtimeConditions().isEmpty());
        hit.conditionSeq = u"0"_s;
        hit.code = LATE;
        m_monitor->onConditionHit(hit);
        QTest::qWait(20);
        QCOMPARE(hits.size(), 2);
        m_monitor->start();
        QTRY_COMPARE(m_market->realtimeConditions(), (QSet<QString> { u"0"_s }));
        m_monitor->stop();
    }

    void conditionActivityCountsTodaysHits()
    {
        runOnce();
        QVERIFY(m_monitor->conditionActivity().isEmpty()); // listed, nothing searched yet
        enable(u"거래량급증"_s);
        enable(u"골든크로스"_s);
        m_clock.setNowMs(kst(10, 5));
        QSignalSpy finished(m_monitor.get(), &ConditionMonitor::runFinished);
        QSignalSpy hits(m_monitor.get(), &ConditionMonitor::realtimeHitHandled);
        m_monitor->start(); // runs at once
        QTRY_COMPARE(finished.size(), 1);
        const QString surge = QString::number(conditionId(u"거래량급증"_s));
        const QString golden = QString::number(conditionId(u"골든크로스"_s));
        QJsonObject a = m_monitor->conditionActivity();
        QCOMPARE(a.size(), 2); // 20일신고가 is disabled: never searched
        QCOMPARE(qint64(a.value(surge)[u"last_run_ms"].toDouble()), kst(10, 5));
        QCOMPARE(a.value(surge)[u"last_run_stocks"].toInt(), 2);
        QCOMPARE(a.value(surge)[u"hits_today"].toInt(), 2);
        QCOMPARE(a.value(golden)[u"hits_today"].toInt(), 1);

        // A realtime entry is a hit of today too; a stock already counted is not counted twice.
        QTRY_VERIFY(!m_monitor->realtimeConditions().isEmpty());
        Kiwoom::ConditionHit hit;
        hit.conditionSeq = u"0"_s;
        hit.code = LATE;
        hit.entered = true;
        m_monitor->onConditionHit(hit);
        hit.code = SURGE;
        m_monitor->onConditionHit(hit);
        QTRY_COMPARE(hits.size(), 2);
        a = m_monitor->conditionActivity();
        QCOMPARE(a.value(surge)[u"hits_today"].toInt(), 3);
        QCOMPARE(qint64(a.value(surge)[u"last_run_ms"].toDouble()), kst(10, 5)); // not a search
        m_monitor->stop();

        // The next trading day starts from zero; the last run stays.
        m_clock.setNowMs(Krx::fromKst(Krx::nextTradingDay(TODAY), QTime(9, 30)));
        a = m_monitor->conditionActivity();
        QCOMPARE(a.value(surge)[u"hits_today"].toInt(), 0);
        QCOMPARE(qint64(a.value(surge)[u"last_run_ms"].toDouble()), kst(10, 5));
    }

    void aRunWhoseRepliesNeverComeIsAbandoned()
    {
        runOnce();
        enable(u"거래량급증"_s);
        m_monitor->setStallTimeout(std::chrono::milliseconds(50));
        m_cache->setStallMs(50);
        // Condition 0 returns five stocks: more candle fetches than the concurrency limit.
        QList<Kiwoom::ConditionRow> rows { row(SURGE, u"삼성전자"_s) };
        for (int i = 0; i < 4; ++i) {
            rows.append(row(u"10000%1"_s.arg(i)));
            m_market->setDailyCandles(u"10000%1"_s.arg(i), daily(false));
        }
        m_market->setConditionResult(u"0"_s, rows);
        m_market->setHold(true);
        m_monitor->runOnce();
        m_market->release(); // the listing
        m_market->release(); // the search; the candle fetches stay unanswered for ever
        QTRY_COMPARE(m_market->held(), ConditionMonitor::MAX_CONCURRENT);
        QTest::qWait(80);
        m_market->setHold(false);
        QSignalSpy finished(m_monitor.get(), &ConditionMonitor::runFinished);
        m_monitor->runOnce(); // the stalled run is abandoned; this one is not starved of fetch slots
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(1).toInt(), 5);
        QCOMPARE(finished.first().at(2).toInt(), 1);
        QCOMPARE(m_monitor->skippedRuns(), 0);
    }

    void aSeqTheBrokerGaveToAnotherConditionIsNotFollowed()
    {
        // 골든크로스 was deleted in the HTS and its seq "2" went to a new condition.
        runOnce();
        enable(u"골든크로스"_s);
        enable(u"거래량급증"_s);
        m_market->setConditions({ { u"0"_s, u"거래량급증"_s }, { u"2"_s, u"새조건"_s } });
        QSignalSpy finished(m_monitor.get(), &ConditionMonitor::runFinished);
        QSignalSpy hits(m_monitor.get(), &ConditionMonitor::realtimeHitHandled);
        m_monitor->start();
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(0).toInt(), 1); // 거래량급증 only
        QCOMPARE(m_market->calls(u"searchCondition"_s, u"2"_s), 0);
        QTRY_COMPARE(m_monitor->realtimeConditions(), QStringList { u"0"_s });
        Kiwoom::ConditionHit hit;
        hit.conditionSeq = u"2"_s;
        hit.code = LATE;
        hit.entered = true;
        m_monitor->onConditionHit(hit); // the new condition's hit: not 골든크로스's
        QTest::qWait(20);
        QCOMPARE(hits.size(), 0);
        m_monitor->stop();
    }

    void atMostTenRealtimeConditions()
    {
        QList<Kiwoom::ConditionInfo> many
            = { { u"0"_s, u"거래량급증"_s }, { u"1"_s, u"20일신고가"_s }, { u"2"_s, u"골든크로스"_s } };
        for (int i = 0; i < 12; ++i) {
            many.append({ QString::number(10 + i), u"조건%1"_s.arg(i) });
            m_market->setConditionResult(QString::number(10 + i), {});
        }
        m_market->setConditions(many);
        runOnce();
        for (int i = 0; i < 12; ++i)
            enable(u"조건%1"_s.arg(i));
        QSignalSpy finished(m_monitor.get(), &ConditionMonitor::runFinished);
        m_monitor->start();
        QTRY_COMPARE(finished.size(), 1);
        QTRY_COMPARE(m_market->realtimeConditions().size(), ConditionMonitor::MAX_REALTIME);
        QCOMPARE(m_market->calls(u"startRealtimeCondition"_s), ConditionMonitor::MAX_REALTIME);
        QVERIFY(!m_market->realtimeConditions().contains(u"20"_s)); // the 11th and 12th run every period only
        QVERIFY(!m_market->realtimeConditions().contains(u"21"_s));
        QCOMPARE(m_market->calls(u"searchCondition"_s), 12); // but every enabled one is searched
        m_monitor->stop();
    }

    void stopAbandonsTheRunInFlight()
    {
        runOnce();
        enable(u"거래량급증"_s);
        QSignalSpy finished(m_monitor.get(), &ConditionMonitor::runFinished);
        m_market->setHold(true);
        m_monitor->start();
        QTRY_VERIFY(m_monitor->isBusy());
        m_monitor->stop();
        QVERIFY(!m_monitor->isBusy());
        m_market->setHold(false);
        while (m_market->held() > 0) {
            m_market->release();
            QCoreApplication::processEvents();
        }
        QTest::qWait(20);
        QCOMPARE(finished.size(), 0);
        QCOMPARE(m_sink->requests.size(), 0); // nothing submitted after the stop
    }
};

QTEST_GUILESS_MAIN(TestConditionMonitor)
#include "tst_conditionmonitor.moc"
