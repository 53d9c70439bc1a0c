// SPDX-License-Identifier: GPL-3.0-or-later
// CandleCache: the whole window only when the cache is empty (or too short), afterwards only the
// newest stored bar and what follows it; concurrent requests share a fetch; failures reach the
// caller and the next request works; bad bars are dropped; short histories are not re-fetched.
#include "common/clock.h"
#include "fakemarketapi.h"
#include "market/candlecache.h"
#include "market/krx.h"
#include "storage/candlerepository.h"
#include "storage/database.h"
#include "storagefixture.h"

#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

KiwoomError injected(KiwoomError::Kind kind = KiwoomError::Kind::Transport)
{
    return KiwoomError::make(kind, u"fake"_s, u"injected failure"_s);
}

constexpr qint64 MIN = 60'000;
const QString CODE = u"005930"_s;

qint64 kst(int h, int m, const QDate &date = QDate(2025, 3, 10))
{
    return Krx::fromKst(date, QTime(h, m));
}

Candle bar(qint64 t, qint64 close, qint64 volume = 1000)
{
    return Candle { t, close, close + 10, close - 10, close, volume };
}

// 5-minute bars from `from` (open times) while open time <= now; the last one is the forming bar.
QList<Candle> fiveMinuteBars(qint64 from, qint64 now, qint64 close = 10'000)
{
    QList<Candle> out;
    for (qint64 t = from; t <= now; t += 5 * MIN)
        out.append(bar(t, close + (t - from) / MIN));
    return out;
}

QList<Candle> dailyBars(const QDate &last, int days)
{
    QList<Candle> out;
    QDate d = last;
    for (int i = 0; i < days; ++i) {
        out.prepend(bar(Krx::fromKst(d, QTime(9, 0)), 10'000 + i));
        d = Krx::previousTradingDay(d);
    }
    return out;
}

} // namespace

class TestCandleCache final : public QObject
{
    Q_OBJECT

private:
    ManualClock m_clock { kst(10, 2) };
    std::unique_ptr<Database> m_db;
    std::unique_ptr<FakeMarketApi> m_market;
    std::unique_ptr<CandleCache> m_cache;

    Result<QList<Candle>> get(CandleInterval interval, int count, const QString &code = CODE)
    {
        std::optional<Result<QList<Candle>>> out;
        m_cache->candles(code, interval, count, this, [&out](const Result<QList<Candle>> &r) { out = r; });
        if (!QTest::qWaitFor([&] { return out.has_value(); }, 5000))
            return Error { u"test.timeout"_s, u"no callback"_s };
        return *out;
    }
    Result<QList<Candle>> five(int count, const QString &code = CODE)
    {
        return get(CandleInterval::Minute5, count, code);
    }
    int lastCount(const QString &method) const { return m_market->requests(method).constLast().count; }

private slots:
    void init()
    {
        m_clock.setNowMs(kst(10, 2));
        m_db = StorageTest::openMemory(m_clock);
        QVERIFY(m_db);
        m_market = std::make_unique<FakeMarketApi>();
        m_cache = std::make_unique<CandleCache>(*m_market, *m_db, m_clock);
    }
    void cleanup()
    {
        m_cache.reset();
        m_market.reset();
        m_db.reset();
    }

    void emptyCacheFetchesTheWholeWindow()
    {
        m_market->setMinuteCandles(CODE, fiveMinuteBars(kst(8, 0), m_clock.nowMs()));
        const auto r = five(10);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r->size(), 10);
        QCOMPARE(r->last().timeMs, kst(10, 0));
        QVERIFY(r->first().timeMs < r->last().timeMs); // oldest first
        QCOMPARE(m_market->calls(u"minuteCandles"_s), 1);
        QCOMPARE(lastCount(u"minuteCandles"_s), 10);
        QCOMPARE(m_market->requests(u"minuteCandles"_s).constLast().minutes, 5);
        QCOMPARE(CandleRepository(*m_db).latest(CODE, CandleInterval::Minute5, 100).value().size(), 10);
    }

    void onlyTheFormingBarAndLaterOnesAreFetched()
    {
        m_market->setMinuteCandles(CODE, fiveMinuteBars(kst(8, 0), m_clock.nowMs()));
        QVERIFY(five(20).ok());
        QCOMPARE(lastCount(u"minuteCandles"_s), 20);

        // A minute later, the 10:00 bar is still forming: only it is fetched, and its revision wins.
        m_clock.setNowMs(kst(10, 3));
        QList<Candle> revised = m_market->cannedMinuteCandles(CODE);
        revised.last().close = 10'200;
        revised.last().high = 10'210;
        m_market->setMinuteCandles(CODE, revised);
        QCOMPARE(m_cache->barsToFetch(CODE, CandleInterval::Minute5, 20).value(), 1);
        auto r = five(20);
        QVERIFY(r.ok());
        QCOMPARE(m_market->calls(u"minuteCandles"_s), 2);
        QCOMPARE(lastCount(u"minuteCandles"_s), 1);
        QCOMPARE(r->size(), 20);
        QCOMPARE(r->last().close, qint64(10'200));

        // At 10:12 the 10:00 bar closed and 10:05, 10:10 exist: three bars, nothing older.
        m_clock.setNowMs(kst(10, 12));
        m_market->setMinuteCandles(CODE, fiveMinuteBars(kst(8, 0), m_clock.nowMs()));
        r = five(20);
        QVERIFY(r.ok());
        QCOMPARE(lastCount(u"minuteCandles"_s), 3);
        QCOMPARE(r->last().timeMs, kst(10, 10));
        QCOMPARE(r->size(), 20);
        // No hole: consecutive five-minute steps over the whole window.
        for (qsizetype i = 1; i < r->size(); ++i)
            QCOMPARE(r->at(i).timeMs - r->at(i - 1).timeMs, 5 * MIN);
    }

    void aLongPauseFetchesAtMostTheWindow()
    {
        m_market->setMinuteCandles(CODE, fiveMinuteBars(kst(8, 0), m_clock.nowMs()));
        QVERIFY(five(10).ok());
        m_clock.setNowMs(kst(14, 0));
        m_market->setMinuteCandles(CODE, fiveMinuteBars(kst(8, 0), m_clock.nowMs()));
        const auto r = five(10);
        QVERIFY(r.ok());
        QCOMPARE(lastCount(u"minuteCandles"_s), 10);
        QCOMPARE(r->last().timeMs, kst(14, 0));
    }

    void concurrentRequestsShareOneFetch()
    {
        m_market->setMinuteCandles(CODE, fiveMinuteBars(kst(8, 0), m_clock.nowMs()));
        m_market->setMinuteCandles(u"000660"_s, fiveMinuteBars(kst(8, 0), m_clock.nowMs()));
        m_market->setHold(true);
        int answered = 0;
        for (int i = 0; i < 3; ++i) {
            m_cache->candles(CODE, CandleInterval::Minute5, 10, this, [&answered](const Result<QList<Candle>> &r) {
                QVERIFY(r.ok());
                QCOMPARE(r->size(), 10);
                ++answered;
            });
        }
        m_cache->candles(u"000660"_s, CandleInterval::Minute5, 10, this, [&answered](const Result<QList<Candle>> &r) {
            QVERIFY(r.ok());
            ++answered;
        });
        QCOMPARE(m_market->calls(u"minuteCandles"_s), 2); // one per stock
        QCOMPARE(m_cache->fetchesInFlight(), 2);
        m_market->release();
        QTRY_COMPARE(answered, 4);
        QCOMPARE(m_cache->fetchesInFlight(), 0);
        QCOMPARE(m_cache->fetchCount(), 2);
    }

    void aJoinerWithALargerWindowGetsItsOwnFetch()
    {
        m_market->setMinuteCandles(CODE, fiveMinuteBars(kst(8, 0), m_clock.nowMs()));
        m_market->setHold(true);
        std::optional<qsizetype> small, large;
        m_cache->candles(CODE, CandleInterval::Minute5, 5, this,
            [&small](const Result<QList<Candle>> &r) { small = r.ok() ? r->size() : -1; });
        m_cache->candles(CODE, CandleInterval::Minute5, 12, this,
            [&large](const Result<QList<Candle>> &r) { large = r.ok() ? r->size() : -1; });
        QCOMPARE(m_market->calls(u"minuteCandles"_s), 1);
        m_market->release();
        QTRY_VERIFY(small && *small == 5);
        QTRY_COMPARE(m_market->calls(u"minuteCandles"_s), 2);
        QCOMPARE(lastCount(u"minuteCandles"_s), 12);
        m_market->release();
        QTRY_VERIFY(large && *large == 12);
    }

    void aFetchWithoutAReplyIsNotJoinedForEver()
    {
        m_market->setMinuteCandles(CODE, fiveMinuteBars(kst(8, 0), m_clock.nowMs()));
        m_cache->setStallMs(30);
        m_market->setHold(true);
        int answered = 0;
        const auto count = [&answered](const Result<QList<Candle>> &r) { answered += r.ok() ? 1 : 0; };
        m_cache->candles(CODE, CandleInterval::Minute5, 10, this, count);
        m_cache->candles(CODE, CandleInterval::Minute5, 10, this, count); // joins
        QCOMPARE(m_market->calls(u"minuteCandles"_s), 1);
        QTest::qWait(50);
        m_cache->candles(CODE, CandleInterval::Minute5, 10, this, count); // the first one stalled
        QCOMPARE(m_market->calls(u"minuteCandles"_s), 2);
        m_market->release();
        QTRY_COMPARE(answered, 3); // a late reply still reaches its own callers
    }

    void aLargerWindowThanStoredFetchesTheWholeWindow()
    {
        m_market->setMinuteCandles(CODE, fiveMinuteBars(kst(8, 0), m_clock.nowMs()));
        QVERIFY(five(10).ok());
        const auto r = five(20);
        QVERIFY(r.ok());
        QCOMPARE(lastCount(u"minuteCandles"_s), 20);
        QCOMPARE(r->size(), 20);
    }

    void aShortHistoryIsNotFetchedAgainAndAgain()
    {
        m_market->setMinuteCandles(CODE, fiveMinuteBars(kst(9, 40), m_clock.nowMs())); // 5 bars: newly listed
        auto r = five(50);
        QVERIFY(r.ok());
        QCOMPARE(r->size(), 5);
        QCOMPARE(lastCount(u"minuteCandles"_s), 50);
        m_clock.setNowMs(kst(10, 4));
        r = five(50);
        QVERIFY(r.ok());
        QCOMPARE(r->size(), 5);
        QCOMPARE(lastCount(u"minuteCandles"_s), 1);
    }

    void aFailureReachesTheCallerAndTheNextRequestWorks()
    {
        m_market->setMinuteCandles(CODE, fiveMinuteBars(kst(8, 0), m_clock.nowMs()));
        m_market->failNext(u"minuteCandles"_s, injected(KiwoomError::Kind::RateLimited));
        auto r = five(10);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, u"kiwoom.rate_limited"_s);
        QCOMPARE(CandleRepository(*m_db).latest(CODE, CandleInterval::Minute5, 100).value().size(), 0);
        r = five(10);
        QVERIFY(r.ok());
        QCOMPARE(r->size(), 10);
        QCOMPARE(lastCount(u"minuteCandles"_s), 10);
    }

    void inconsistentBarsAreDroppedNotTheBatch()
    {
        QList<Candle> bars = fiveMinuteBars(kst(9, 0), m_clock.nowMs());
        bars[3].low = bars[3].high + 5; // broken
        m_market->setMinuteCandles(CODE, bars);
        const auto r = five(20);
        QVERIFY(r.ok());
        QCOMPARE(r->size(), bars.size() - 1);
        QVERIFY(std::none_of(r->cbegin(), r->cend(), [&](const Candle &c) { return c.timeMs == bars[3].timeMs; }));
    }

    void dailyRefetchesTodayOnly()
    {
        const QDate today(2025, 3, 10);
        m_market->setDailyCandles(CODE, dailyBars(today, 40));
        auto r = get(CandleInterval::Day, 30);
        QVERIFY(r.ok());
        QCOMPARE(r->size(), 30);
        QCOMPARE(Krx::kstDate(r->last().timeMs), today);
        QCOMPARE(m_market->requests(u"dailyCandles"_s).constLast().baseDate, today);
        QCOMPARE(lastCount(u"dailyCandles"_s), 30);

        m_clock.setNowMs(kst(14, 0)); // later the same day: today's bar only
        r = get(CandleInterval::Day, 30);
        QVERIFY(r.ok());
        QCOMPARE(lastCount(u"dailyCandles"_s), 1);

        // The next trading day: yesterday's bar (now final) and today's.
        const QDate tomorrow(2025, 3, 11);
        m_clock.setNowMs(kst(9, 30, tomorrow));
        m_market->setDailyCandles(
            CODE, m_market->cannedDailyCandles(CODE) << bar(Krx::fromKst(tomorrow, QTime(9, 0)), 10'500));
        r = get(CandleInterval::Day, 30);
        QVERIFY(r.ok());
        QCOMPARE(lastCount(u"dailyCandles"_s), 2);
        QCOMPARE(m_market->requests(u"dailyCandles"_s).constLast().baseDate, tomorrow);
        QCOMPARE(r->last().close, qint64(10'500));
        QCOMPARE(r->size(), 30);
    }

    void badRequestsAreRefusedLater()
    {
        bool called = false;
        m_cache->candles(QString(), CandleInterval::Minute5, 10, this, [&called](const Result<QList<Candle>> &r) {
            QVERIFY(!r.ok());
            called = true;
        });
        QVERIFY(!called); // never inside the call
        QTRY_VERIFY(called);
        const auto weekly = get(CandleInterval::Week, 10);
        QVERIFY(!weekly.ok());
        QCOMPARE(weekly.error().code, u"candles.unsupported"_s);
        QCOMPARE(m_market->calls(u"minuteCandles"_s) + m_market->calls(u"dailyCandles"_s), 0);
    }
};

QTEST_GUILESS_MAIN(TestCandleCache)
#include "tst_candlecache.moc"
