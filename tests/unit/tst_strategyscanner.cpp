// SPDX-License-Identifier: GPL-3.0-or-later
// StrategyScanner over a simulated morning of 5-minute bars, one run a minute: every signal is
// emitted exactly once, when its candle has closed (never for a forming revision, never again when
// the closed candle is re-fetched); each is attributed to its strategy; only the forming bar and
// what follows it are fetched after the first run; runners are rebuilt when the strategies change;
// a failing fetch is logged and the next run works.
#include "common/clock.h"
#include "common/settings.h"
#include "fakemarketapi.h"
#include "fakesignalsink.h"
#include "market/candlecache.h"
#include "market/krx.h"
#include "services/strategyscanner.h"
#include "storage/database.h"
#include "storage/strategyrepository.h"
#include "storage/watchlistrepository.h"
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

constexpr qint64 MIN = 60'000;
const QDate TODAY(2025, 3, 10);
const QString DIP = u"005930"_s;
const QString CALM = u"000660"_s;

qint64 kst(int h, int m)
{
    return Krx::fromKst(TODAY, QTime(h, m));
}

Candle bar(qint64 t, qint64 close)
{
    const qint64 open = 10'000;
    return Candle { t, open, std::max(open, close) + 10, std::min(open, close) - 10, close, 1000 };
}

// The close of DIP's bar opened at t, as seen at `now` (a forming bar shows its latest revision).
qint64 dipClose(qint64 t, qint64 now)
{
    const qint64 minutes = std::min<qint64>((now - t) / MIN, 5); // 5 = closed
    if (t == kst(10, 30))
        return minutes >= 2 ? 9'000 : 10'000; // dips and closes low: a buy
    if (t == kst(11, 0))
        return minutes < 4 ? 9'000 : 10'000; // dips while forming, recovers by the close: nothing
    if (t == kst(11, 30))
        return minutes >= 1 ? 11'000 : 10'000; // closes high: a sell
    return 10'000;
}

QList<Candle> barsAt(const QString &code, qint64 now)
{
    QList<Candle> out;
    for (qint64 t = kst(9, 0) - 150 * 5 * MIN; t <= now; t += 5 * MIN)
        out.append(bar(t, code == DIP ? dipClose(t, now) : 10'000));
    return out;
}

} // namespace

class TestStrategyScanner final : public QObject
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
    std::unique_ptr<StrategyScanner> m_scanner;
    qint64 m_loose = 0, m_tight = 0;

    QList<QVariant> runAt(qint64 now)
    {
        m_clock.setNowMs(now);
        m_market->setMinuteCandles(DIP, barsAt(DIP, now));
        m_market->setMinuteCandles(CALM, barsAt(CALM, now));
        QSignalSpy finished(m_scanner.get(), &StrategyScanner::runFinished);
        m_scanner->runOnce();
        if (finished.isEmpty() && !finished.wait(5000))
            return {};
        return finished.takeFirst();
    }
    // Runs every minute of [from, to]; returns the number of runs.
    int runEveryMinute(qint64 from, qint64 to)
    {
        int runs = 0;
        for (qint64 t = from; t <= to; t += MIN) {
            const QList<QVariant> args = runAt(t);
            if (args.size() != 4 || args.at(3).toInt() != 0)
                qWarning() << "run at" << Krx::toKst(t).toString(u"HH:mm") << "gave" << args;
            ++runs;
        }
        return runs;
    }

private slots:
    void init()
    {
        m_settings = std::make_unique<Settings>(m_dir.filePath(u"kt.ini"_s));
        m_clock.setNowMs(kst(10, 0));
        m_db = StorageTest::openMemory(m_clock);
        QVERIFY(m_db);
        m_market = std::make_unique<FakeMarketApi>();
        m_sink = std::make_unique<FakeSignalSink>(&m_clock);
        m_cache = std::make_unique<CandleCache>(*m_market, *m_db, m_clock);
        m_scanner = std::make_unique<StrategyScanner>(*m_cache, *m_db, *m_sink, *m_settings, m_clock);

        WatchlistRepository watchlist(*m_db);
        QVERIFY(watchlist.add(DIP, u"삼성전자"_s, Storage::WatchlistSource::Manual, std::nullopt, {}, u"test"_s).ok());
        QVERIFY(
            watchlist.add(CALM, u"SK하이닉스"_s, Storage::WatchlistSource::Manual, std::nullopt, {}, u"test"_s).ok());
        StrategyRepository strategies(*m_db);
        // Two of one type: each signal must still name its own strategy.
        m_loose = strategies.create(u"이격도"_s, u"disparity"_s, {}, true, u"test"_s).value().id;
        m_tight = strategies
                      .create(u"이격도 92"_s, u"disparity"_s, QJsonObject { { u"buy_below"_s, 92.0 } }, true, u"test"_s)
                      .value()
                      .id;
        // Types with loops of their own are not scanned.
        QVERIFY(strategies.create(u"스캘핑"_s, u"scalping"_s, {}, true, u"test"_s).ok());
        QVERIFY(strategies.create(u"기준봉"_s, u"reference_candle"_s, {}, true, u"test"_s).ok());
        QVERIFY(strategies.create(u"꺼짐"_s, u"rsi"_s, {}, false, u"test"_s).ok());
    }
    void cleanup()
    {
        m_scanner.reset();
        m_cache.reset();
        m_sink.reset();
        m_market.reset();
        m_db.reset();
        m_settings.reset();
    }

    void eachClosedCandleEmitsOnce()
    {
        QCOMPARE(runEveryMinute(kst(10, 0), kst(10, 34)), 35);
        // The 10:30 bar has shown 9,000 since 10:32 but is still forming: nothing yet.
        QCOMPARE(m_sink->requests.size(), 0);
        QCOMPARE(m_scanner->strategyIds(), (QList<qint64> { m_loose, m_tight }));

        runAt(kst(10, 35)); // it closed
        QCOMPARE(m_sink->requests.size(), 2);
        QSet<qint64> ids;
        for (const Trading::SignalRequest &r : std::as_const(m_sink->requests)) {
            QCOMPARE(r.kind, Storage::SignalKind::Strategy);
            QCOMPARE(r.code, DIP);
            QCOMPARE(r.name, u"삼성전자"_s);
            QCOMPARE(r.side, Side::Buy);
            QCOMPARE(r.signalType, u"BUY"_s);
            QCOMPARE(r.source, u"strategy:%1"_s.arg(*r.strategyId));
            QCOMPARE(r.signal.timeMs, kst(10, 30));
            QCOMPARE(r.signal.price, 9'000.0);
            QCOMPARE(r.actor, StrategyScanner::ACTOR);
            ids.insert(*r.strategyId);
        }
        QCOMPARE(ids, (QSet<qint64> { m_loose, m_tight }));

        // The rest of the morning: the 11:00 dip recovers before its close (no signal), the 11:30
        // bar closes high (one sell per strategy), and no candle is ever emitted twice although
        // every run re-fetches the newest stored bar.
        runEveryMinute(kst(10, 36), kst(12, 0));
        QCOMPARE(m_sink->requests.size(), 4);
        for (int i = 2; i < 4; ++i) {
            const Trading::SignalRequest &r = m_sink->requests.at(i);
            QCOMPARE(r.side, Side::Sell);
            QCOMPARE(r.signalType, u"SELL"_s);
            QCOMPARE(r.signal.timeMs, kst(11, 30));
        }
        QCOMPARE(m_sink->created().size(), 4); // none needed the sink's dedupe

        // Fetching: the whole window once per stock, then only the forming bar and what followed.
        for (const QString &code : { DIP, CALM }) {
            int full = 0;
            for (const auto &r : m_market->requests(u"minuteCandles"_s)) {
                if (r.key != code)
                    continue;
                QVERIFY2(r.count <= 2 || r.count == m_scanner->window(), qPrintable(QString::number(r.count)));
                full += r.count == m_scanner->window() ? 1 : 0;
            }
            QCOMPARE(full, 1);
        }
        QCOMPARE(m_scanner->runnerCount(), 2);
    }

    void runnersFollowTheStrategiesAndTheWatchlist()
    {
        runEveryMinute(kst(10, 0), kst(10, 40));
        QCOMPARE(m_sink->requests.size(), 2);
        // New parameters: runners rebuilt and warmed up again; the old dip is history now.
        QVERIFY(
            StrategyRepository(*m_db).setParameters(m_tight, QJsonObject { { u"buy_below"_s, 91.0 } }, u"test"_s).ok());
        const qint64 rsi = StrategyRepository(*m_db).create(u"RSI"_s, u"rsi"_s, {}, true, u"test"_s).value().id;
        runAt(kst(10, 41));
        QCOMPARE(m_scanner->strategyIds(), (QList<qint64> { m_loose, m_tight, rsi }));
        QCOMPARE(m_sink->requests.size(), 2);
        // A stock leaving the watchlist loses its runner.
        QVERIFY(WatchlistRepository(*m_db).deactivate(CALM, u"test"_s).value());
        runAt(kst(10, 42));
        QCOMPARE(m_scanner->runnerCount(), 1);
        // Every strategy disabled: nothing scanned, nothing fetched.
        for (qint64 id : { m_loose, m_tight, rsi })
            QVERIFY(StrategyRepository(*m_db).setEnabled(id, false, u"test"_s).ok());
        const int before = m_market->calls(u"minuteCandles"_s);
        const QList<QVariant> args = runAt(kst(10, 43));
        QCOMPARE(args.at(0).toInt(), 0);
        QCOMPARE(m_market->calls(u"minuteCandles"_s), before);
        QCOMPARE(m_scanner->runnerCount(), 0);
    }

    void aFailingFetchIsLoggedAndTheNextRunWorks()
    {
        runAt(kst(10, 0));
        m_market->failNext(u"minuteCandles"_s, injected(KiwoomError::Kind::RateLimited));
        QList<QVariant> args = runAt(kst(10, 1));
        QCOMPARE(args.at(0).toInt(), 1); // the other stock was scanned
        QCOMPARE(args.at(3).toInt(), 1);
        QVERIFY(!m_scanner->lastRun()->ok);
        args = runAt(kst(10, 2));
        QCOMPARE(args.at(0).toInt(), 2);
        QCOMPARE(args.at(3).toInt(), 0);
        // A strategy that cannot be created is reported once; the others keep running.
        QVERIFY(StrategyRepository(*m_db)
                    .create(u"깨짐"_s, u"disparity"_s, QJsonObject { { u"buy_below"_s, 120.0 } }, true, u"test"_s)
                    .ok());
        args = runAt(kst(10, 3));
        QCOMPARE(args.at(0).toInt(), 2);
        QCOMPARE(args.at(3).toInt(), 1);
        QCOMPARE(m_scanner->strategyIds(), (QList<qint64> { m_loose, m_tight }));
        // And the morning's signals still come exactly once.
        runEveryMinute(kst(10, 4), kst(10, 40));
        QCOMPARE(m_sink->requests.size(), 2);
    }

    void theSinkRefusingIsAFailureNotACrash()
    {
        runEveryMinute(kst(10, 0), kst(10, 34));
        m_sink->failNext = 1;
        const QList<QVariant> args = runAt(kst(10, 35));
        QCOMPARE(args.at(1).toInt(), 2); // emitted
        QCOMPARE(args.at(2).toInt(), 1); // recorded
        QCOMPARE(args.at(3).toInt(), 1); // refused
    }
};

QTEST_GUILESS_MAIN(TestStrategyScanner)
#include "tst_strategyscanner.moc"
