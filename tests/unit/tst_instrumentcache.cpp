// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/clock.h"
#include "fakemarketapi.h"
#include "market/krx.h"
#include "trading/instrumentcache.h"

#include <QtTest>

#include <memory>

using Trading::InstrumentInfo;

namespace {

const QDate DAY(2025, 3, 14); // Friday
const QDate NEXT_DAY(2025, 3, 17); // Monday
const QString CODE = QStringLiteral("005930");
const QString OTHER = QStringLiteral("000660");

qint64 at(int h, int m, const QDate &date = DAY)
{
    return Krx::fromKst(date, QTime(h, m));
}

Kiwoom::StockInfo info(const QString &code, qint64 base, qint64 price)
{
    Kiwoom::StockInfo s;
    s.code = code;
    s.name = code == CODE ? QStringLiteral("삼성전자") : QStringLiteral("SK하이닉스");
    const Krx::PriceLimits l = Krx::priceLimits(base);
    s.basePrice = base;
    s.upperLimit = l.upper;
    s.lowerLimit = l.lower;
    s.price = price;
    return s;
}

// Collects what a fetch callback received.
struct Received
{
    int calls = 0;
    std::optional<KiwoomResult<InstrumentInfo>> last;

    InstrumentCache::Callback callback()
    {
        return [this](const KiwoomResult<InstrumentInfo> &r) {
            ++calls;
            last.emplace(r);
        };
    }
};

} // namespace

class TestInstrumentCache final : public QObject
{
    Q_OBJECT

private:
    ManualClock m_clock;
    std::unique_ptr<FakeMarketApi> m_api;
    std::unique_ptr<InstrumentCache> m_cache;

private slots:
    void init()
    {
        m_clock.setNowMs(at(10, 0));
        m_api = std::make_unique<FakeMarketApi>();
        m_api->setStockInfo(CODE, info(CODE, 70'100, 71'000));
        m_api->setStockInfo(OTHER, info(OTHER, 10'000, 10'050));
        m_cache = std::make_unique<InstrumentCache>(*m_api, m_clock);
    }
    void cleanup()
    {
        m_cache.reset();
        m_api.reset();
    }

    void fetchesOnceAndCachesForTheDay()
    {
        QVERIFY(!m_cache->get(CODE));
        Received r;
        m_cache->fetch(CODE, this, r.callback());
        QCOMPARE(r.calls, 0); // never inside the call
        QCOMPARE(m_api->calls(QStringLiteral("stockInfo"), CODE), 1);
        QTRY_COMPARE(r.calls, 1);
        QVERIFY(r.last->ok());
        const InstrumentInfo &i = r.last->value();
        QCOMPARE(i.code, CODE);
        QCOMPARE(i.name, QStringLiteral("삼성전자"));
        QCOMPARE(i.tradingDate, QStringLiteral("2025-03-14"));
        QCOMPARE(i.basePrice, qint64(70'100));
        QCOMPARE(i.upperLimit, qint64(91'100));
        QCOMPARE(i.lowerLimit, qint64(49'100));
        QCOMPARE(i.price, qint64(71'000));
        QCOMPARE(i.kind, Krx::Instrument::Stock);
        QCOMPARE(m_cache->get(CODE), std::optional<InstrumentInfo>(i));

        // Served from the cache, still later, without a request.
        m_clock.setNowMs(at(15, 0));
        Received again;
        m_cache->fetch(CODE, this, again.callback());
        QCOMPARE(again.calls, 0);
        QTRY_COMPARE(again.calls, 1);
        QCOMPARE(again.last->value(), i);
        QCOMPARE(m_api->calls(QStringLiteral("stockInfo")), 1);
    }

    void concurrentFetchesShareOneRequest()
    {
        QObject a, b;
        Received ra, rb, rc;
        m_cache->fetch(CODE, &a, ra.callback());
        m_cache->fetch(CODE, &b, rb.callback());
        m_cache->fetch(OTHER, &a, rc.callback());
        QCOMPARE(m_cache->pendingFetches(), 2);
        QCOMPARE(m_api->calls(QStringLiteral("stockInfo"), CODE), 1);
        QCOMPARE(m_api->calls(QStringLiteral("stockInfo"), OTHER), 1);
        QTRY_VERIFY(ra.calls == 1 && rb.calls == 1 && rc.calls == 1);
        QCOMPARE(ra.last->value(), rb.last->value());
        QCOMPARE(rc.last->value().code, OTHER);
        QCOMPARE(m_cache->pendingFetches(), 0);
        QTest::qWait(10);
        QCOMPARE(ra.calls, 1); // exactly once each
        QCOMPARE(rb.calls, 1);
    }

    void nextTradingDateFetchesAgain()
    {
        Received r;
        m_cache->fetch(CODE, this, r.callback());
        QTRY_COMPARE(r.calls, 1);
        QVERIFY(m_cache->get(CODE));
        m_clock.setNowMs(at(23, 59));
        QVERIFY(m_cache->get(CODE));
        m_clock.setNowMs(at(0, 0, DAY.addDays(1)));
        QVERIFY(!m_cache->get(CODE)); // another trading date, even before the roll

        m_clock.setNowMs(at(9, 0, NEXT_DAY));
        m_api->setStockInfo(CODE, info(CODE, 71'000, 71'500));
        Received next;
        m_cache->fetch(CODE, this, next.callback());
        QTRY_COMPARE(next.calls, 1);
        QCOMPARE(m_api->calls(QStringLiteral("stockInfo"), CODE), 2);
        QCOMPARE(next.last->value().tradingDate, QStringLiteral("2025-03-17"));
        QCOMPARE(next.last->value().basePrice, qint64(71'000));
        QCOMPARE(m_cache->get(CODE)->basePrice, qint64(71'000));
    }

    void entryFetchedBeforeTheRollIsNotUsedAfterIt()
    {
        m_clock.setNowMs(at(7, 0));
        Received r;
        m_cache->fetch(CODE, this, r.callback());
        QTRY_COMPARE(r.calls, 1);
        m_clock.setNowMs(at(8, 29));
        QVERIFY(m_cache->get(CODE));
        m_clock.setNowMs(at(8, 30));
        QVERIFY(!m_cache->get(CODE)); // the base price may have rolled since
        Received after;
        m_cache->fetch(CODE, this, after.callback());
        QTRY_COMPARE(after.calls, 1);
        QCOMPARE(m_api->calls(QStringLiteral("stockInfo"), CODE), 2);
        m_clock.setNowMs(at(15, 0));
        QVERIFY(m_cache->get(CODE)); // fetched after the roll: good all day
    }

    void errorsArePassedOnAndNotCached()
    {
        KiwoomError limited = KiwoomError::make(KiwoomError::Kind::RateLimited, QStringLiteral("ka10001"),
            QStringLiteral("[1700:허용된 요청 개수를 초과하였습니다]"));
        limited.code = 1700;
        m_api->setStockInfo(CODE, limited);
        Received a, b;
        m_cache->fetch(CODE, this, a.callback());
        m_cache->fetch(CODE, this, b.callback());
        QTRY_VERIFY(a.calls == 1 && b.calls == 1);
        QVERIFY(!a.last->ok());
        QCOMPARE(a.last->error(), limited);
        QCOMPARE(b.last->error(), limited);
        QVERIFY(!m_cache->get(CODE));

        m_api->setStockInfo(CODE, info(CODE, 70'100, 71'000));
        Received c;
        m_cache->fetch(CODE, this, c.callback());
        QTRY_COMPARE(c.calls, 1);
        QVERIFY(c.last->ok());
        QCOMPARE(m_api->calls(QStringLiteral("stockInfo"), CODE), 2);
    }

    void replyWithoutLimitsIsAParseError_data()
    {
        QTest::addColumn<qint64>("upper");
        QTest::addColumn<qint64>("lower");
        QTest::addColumn<qint64>("base");
        QTest::newRow("no upper") << qint64(0) << qint64(7'000) << qint64(10'000);
        QTest::newRow("no lower") << qint64(13'000) << qint64(0) << qint64(10'000);
        QTest::newRow("no base") << qint64(13'000) << qint64(7'000) << qint64(0);
        QTest::newRow("inverted") << qint64(7'000) << qint64(13'000) << qint64(10'000);
    }
    void replyWithoutLimitsIsAParseError()
    {
        QFETCH(qint64, upper);
        QFETCH(qint64, lower);
        QFETCH(qint64, base);
        Kiwoom::StockInfo s = info(CODE, 10'000, 10'000);
        s.upperLimit = upper;
        s.lowerLimit = lower;
        s.basePrice = base;
        m_api->setStockInfo(CODE, s);
        Received r;
        m_cache->fetch(CODE, this, r.callback());
        QTRY_COMPARE(r.calls, 1);
        QVERIFY(!r.last->ok());
        QCOMPARE(r.last->error().kind, KiwoomError::Kind::Parse);
        QCOMPARE(r.last->error().apiId, QStringLiteral("ka10001"));
        QVERIFY(r.last->error().message.contains(CODE));
        QVERIFY(!m_cache->get(CODE));
    }

    void deadContextIsSkipped()
    {
        m_api->setHold(true);
        auto gone = std::make_unique<QObject>();
        Received dropped, kept;
        m_cache->fetch(CODE, gone.get(), dropped.callback());
        m_cache->fetch(CODE, this, kept.callback());
        gone.reset();
        m_api->release();
        QCOMPARE(dropped.calls, 0);
        QCOMPARE(kept.calls, 1);
        QVERIFY(m_cache->get(CODE)); // cached all the same

        // A cached answer is skipped too when its context goes before it is delivered.
        auto late = std::make_unique<QObject>();
        Received lateReceived;
        m_cache->fetch(CODE, late.get(), lateReceived.callback());
        late.reset();
        QTest::qWait(10);
        QCOMPARE(lateReceived.calls, 0);
    }

    void cacheDestroyedWhileFetching()
    {
        m_api->setHold(true);
        Received r;
        m_cache->fetch(CODE, this, r.callback());
        m_cache.reset();
        m_api->release(); // the request's context (the cache) is gone: nothing runs
        QCOMPARE(r.calls, 0);
    }

    void tradingDateChangesWhileFetching()
    {
        m_api->setHold(true);
        m_clock.setNowMs(at(15, 0));
        Received r;
        m_cache->fetch(CODE, this, r.callback());
        m_clock.setNowMs(at(9, 0, NEXT_DAY));
        m_api->release();
        QCOMPARE(r.calls, 1);
        QCOMPARE(r.last->value().tradingDate, QStringLiteral("2025-03-14")); // says which day it is of
        QVERIFY(!m_cache->get(CODE)); // and is not today's
    }

    void callbackMayFetchAgain()
    {
        Received inner;
        bool outer = false;
        m_cache->fetch(CODE, this, [&](const KiwoomResult<InstrumentInfo> &r) {
            outer = r.ok();
            m_cache->fetch(CODE, this, inner.callback());
        });
        QTRY_COMPARE(inner.calls, 1);
        QVERIFY(outer);
        QCOMPARE(m_api->calls(QStringLiteral("stockInfo")), 1);
    }

    void updatePriceKeepsTheLimits()
    {
        Received r;
        m_cache->fetch(CODE, this, r.callback());
        QTRY_COMPARE(r.calls, 1);
        Quote q;
        q.code = CODE;
        q.price = 72'000;
        m_cache->updatePrice(q);
        QCOMPARE(m_cache->get(CODE)->price, qint64(72'000));
        QCOMPARE(m_cache->get(CODE)->upperLimit, qint64(91'100));
        QCOMPARE(m_cache->get(CODE)->lowerLimit, qint64(49'100));

        q.price = 0; // no trade price: ignored
        m_cache->updatePrice(q);
        QCOMPARE(m_cache->get(CODE)->price, qint64(72'000));

        q.code = OTHER; // not cached: nothing to update, nothing created
        q.price = 10'100;
        m_cache->updatePrice(q);
        QVERIFY(!m_cache->get(OTHER));
        QCOMPARE(m_api->calls(QStringLiteral("stockInfo"), OTHER), 0);
    }

    void kindFromOutside()
    {
        m_cache->setKind(OTHER, Krx::Instrument::Etf);
        Received r;
        m_cache->fetch(OTHER, this, r.callback());
        QTRY_COMPARE(r.calls, 1);
        QCOMPARE(r.last->value().kind, Krx::Instrument::Etf);

        Received s;
        m_cache->fetch(CODE, this, s.callback());
        QTRY_COMPARE(s.calls, 1);
        QCOMPARE(m_cache->get(CODE)->kind, Krx::Instrument::Stock);
        m_cache->setKind(CODE, Krx::Instrument::Etf); // also changes today's entry
        QCOMPARE(m_cache->get(CODE)->kind, Krx::Instrument::Etf);
    }
};

QTEST_GUILESS_MAIN(TestInstrumentCache)
#include "tst_instrumentcache.moc"
