// SPDX-License-Identifier: GPL-3.0-or-later
// Rate limiting end to end (protocol §6.3): a burst of 200 queries through the client's
// RateLimiter against the simulator's real per-api-id quota (raised with the client's, 25/s, to keep
// the test short) is paced without a single quota rejection — counted on the simulator's side
// (its 429s) and on the client's (no RateLimited error) — and its sustained throughput is within
// 10% of the quota. Orders are paced by their own pool the same way.
#include "clientsimfixture.h"
#include "market/krx.h"
#include "sim/simexchange.h"
#include "sim/simmarket.h"
#include "sim/simserver.h"

#include <QElapsedTimer>
#include <QtTest>

#include <algorithm>

using namespace Kiwoom;

class TestClientSimRateLimit final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ClientSimFixture> f;

    // Sustained rate of a paced burst: the first window's quota leaves at once, every later
    // request waits for a slot, so (n - quota) requests finish over (t[n-1] - t[quota-1]).
    static double sustainedRate(QList<qint64> doneMs, int quota)
    {
        std::sort(doneMs.begin(), doneMs.end());
        const qint64 span = doneMs.last() - doneMs.at(quota - 1);
        return span > 0 ? double(doneMs.size() - quota) * 1000.0 / double(span) : 0.0;
    }

private slots:
    void cleanup() { f.reset(); }

    void burstOf200QueriesRunsAtTheQuota()
    {
        constexpr int QUOTA = 25;
        constexpr int N = 200;
        f = std::make_unique<ClientSimFixture>();
        ClientSimFixture::Options o;
        o.queriesPerSecond = QUOTA; // per api-id on both sides (and the client's query pool)
        QVERIFY2(f->start(o), qPrintable(f->error()));
        QCOMPARE(f->session().limiter().quotaFor(QStringLiteral("ka10001"), RequestPool::Query), QUOTA);
        QCOMPARE(f->server().config().queryQuotaPerSecond, QUOTA);

        QList<qint64> doneMs;
        int ok = 0;
        int rateLimited = 0;
        QElapsedTimer clock;
        QObject ctx;
        clock.start();
        for (int i = 0; i < N; ++i) {
            f->rest().stockInfo(f->code(i % f->stockCount()), &ctx, [&](const KiwoomResult<StockInfo> &r) {
                doneMs << clock.elapsed();
                ok += r ? 1 : 0;
                rateLimited += !r && r.error().kind == KiwoomError::Kind::RateLimited ? 1 : 0;
            });
        }
        QTRY_COMPARE_WITH_TIMEOUT(int(doneMs.size()), N, 30000);
        const double rate = sustainedRate(doneMs, QUOTA);
        qInfo("200 x ka10001 at %d/s: done in %lld ms, sustained %.2f req/s (%.1f%% of the quota)", QUOTA,
            doneMs.last(), rate, rate * 100.0 / QUOTA);

        QCOMPARE(ok, N);
        QCOMPARE(rateLimited, 0);
        QCOMPARE(f->simQuotaRejections(), 0); // the simulator never had to say 429
        QCOMPARE(f->simRequests(QStringLiteral("ka10001")), N); // hence no retries either
        QCOMPARE(f->session().limiter().budget().rateLimitedReplies, quint64(0));
        QVERIFY2(rate >= 0.9 * QUOTA && rate <= 1.1 * QUOTA, qPrintable(QString::number(rate)));
    }

    void mixedTrsShareThePoolWithoutRejections()
    {
        // Four TRs at once: each api-id has its own quota on the simulator, the client's query
        // pool caps the sum; the simulator's total (1701) sits above it.
        constexpr int QUOTA = 20;
        f = std::make_unique<ClientSimFixture>();
        ClientSimFixture::Options o;
        o.queriesPerSecond = QUOTA;
        QVERIFY2(f->start(o), qPrintable(f->error()));
        const QString code = f->code(0);
        int done = 0;
        int ok = 0;
        QObject ctx;
        auto count = [&](bool success) {
            ++done;
            ok += success ? 1 : 0;
        };
        for (int i = 0; i < 15; ++i) {
            f->rest().stockInfo(code, &ctx, [&](const auto &r) { count(r.ok()); });
            f->rest().orderBook(code, &ctx, [&](const auto &r) { count(r.ok()); });
            f->rest().quoteSheet(code, &ctx, [&](const auto &r) { count(r.ok()); });
            f->rest().deposit(DepositRequest(), &ctx, [&](const auto &r) { count(r.ok()); });
        }
        QTRY_COMPARE_WITH_TIMEOUT(done, 60, 30000);
        QCOMPARE(ok, 60);
        QCOMPARE(f->simQuotaRejections(), 0);
        QCOMPARE(f->simRequests(), 1 + 60); // au10001 + each call exactly once
    }

    void everyContinuationPageCountsAsARequest()
    {
        // Kiwoom's 5/s and a daily chart of 5 rows per page: 13 pages need three windows, and
        // neither side may treat a continuation as free.
        constexpr int QUOTA = 5;
        f = std::make_unique<ClientSimFixture>();
        ClientSimFixture::Options o;
        o.queriesPerSecond = QUOTA;
        o.sim.dailyPageSize = 5;
        QVERIFY2(f->start(o), qPrintable(f->error()));
        DailyChartRequest r;
        r.code = f->code(0);
        r.baseDate = QDate(2025, 3, 10);
        r.paging.maxPages = 100;
        QElapsedTimer clock;
        clock.start();
        const auto chart
            = ClientSimFixture::await<ChartReply>([&](QObject *ctx, auto done) { f->rest().dailyChart(r, ctx, done); });
        const qint64 ms = clock.elapsed();
        QVERIFY2(chart, describe(chart));
        const int pages = chart->page.pages;
        QCOMPARE(pages, int(f->server().market()->dailyBars(0).size() + 4) / 5);
        QVERIFY(pages > 2 * QUOTA);
        QCOMPARE(f->simRequests(QStringLiteral("ka10081")), pages);
        QCOMPARE(f->simQuotaRejections(), 0);
        QVERIFY2(ms >= (pages - 1) / QUOTA * 1000, qPrintable(QString::number(ms))); // paced, not a burst
    }

    void ordersArePacedByTheirOwnPool()
    {
        constexpr int QUOTA = 5; // Kiwoom's 5 orders/s
        f = std::make_unique<ClientSimFixture>();
        ClientSimFixture::Options o;
        o.ordersPerSecond = QUOTA;
        QVERIFY2(f->start(o), qPrintable(f->error()));
        const QString code = f->stockPricedBetween(50'000, 199'999);
        const SimBook book = f->server().market()->book(f->indexOf(code));
        QList<qint64> doneMs;
        int ok = 0;
        QElapsedTimer clock;
        QObject ctx;
        clock.start();
        for (int i = 0; i < 12; ++i) {
            OrderRequest r;
            r.code = code;
            r.quantity = 1;
            r.tradeType = TradeType::Limit;
            r.price = Krx::addTicks(book.bids[0].price, -5 - i);
            f->rest().placeOrder(r, &ctx, [&](const KiwoomResult<OrderAck> &a) {
                doneMs << clock.elapsed();
                ok += a ? 1 : 0;
            });
        }
        QTRY_COMPARE_WITH_TIMEOUT(int(doneMs.size()), 12, 20000);
        QCOMPARE(ok, 12);
        QCOMPARE(f->simQuotaRejections(), 0);
        QCOMPARE(f->simRequests(QStringLiteral("kt10000")), 12);
        QCOMPARE(int(f->server().exchange()->orders().size()), 12);
        // 12 orders at 5/s need at least two full windows.
        std::sort(doneMs.begin(), doneMs.end());
        QVERIFY2(doneMs.last() - doneMs.first() >= 2000, qPrintable(QString::number(doneMs.last() - doneMs.first())));
    }
};

QTEST_GUILESS_MAIN(TestClientSimRateLimit)
#include "tst_clientsim_ratelimit.moc"
