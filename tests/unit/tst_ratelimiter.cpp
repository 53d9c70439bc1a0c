// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiwoom/ratelimiter.h"

#include "common/clock.h"
#include "kiwoom/restclient.h"
#include "kiwoom/tokenmanager.h"
#include "kiwoomfakeserver.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QtTest>

using Kiwoom::RequestPool;
using Kiwoom::RequestPriority;

namespace {

const Credentials CREDS { QStringLiteral("limiter-app-key"), QStringLiteral("limiter-secret-key") };

} // namespace

class TestRateLimiter final : public QObject
{
    Q_OBJECT

private:
    qint64 m_now = 1'000'000;
    QStringList m_granted;

    std::unique_ptr<RateLimiter> make(RateLimiter::Config config = {})
    {
        m_granted.clear();
        return std::make_unique<RateLimiter>(config, [this] { return m_now; });
    }

    void acquire(RateLimiter &l, const QString &api, RequestPool pool, RequestPriority prio, const QString &tag)
    {
        l.acquire(api, pool, prio, [this, tag] { m_granted << tag; });
    }

private slots:
    void slidingWindowWithMargin()
    {
        RateLimiter::Config c; // 5/s, window 1000 + 60 ms
        c.maxInFlight = 100;
        auto l = make(c);
        for (int i = 0; i < 12; ++i)
            acquire(*l, QStringLiteral("ka10081"), RequestPool::Query, RequestPriority::Chart, QString::number(i));
        l->pump();
        QCOMPARE(m_granted.size(), 5);
        QCOMPARE(l->budget().queriesInWindow, 5);
        QCOMPARE(l->budget().queued, 7);
        m_now += 1000; // a plain 1 s window would allow more now; the margin does not
        l->pump();
        QCOMPARE(m_granted.size(), 5);
        m_now += 59;
        l->pump();
        QCOMPARE(m_granted.size(), 5);
        m_now += 1;
        l->pump();
        QCOMPARE(m_granted.size(), 10);
        m_now += 1060;
        l->pump();
        QCOMPARE(m_granted.size(), 12);
        QCOMPARE(m_granted, (QStringList { "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11" }));
    }

    void slidingNotFixedWindows()
    {
        RateLimiter::Config c;
        c.maxInFlight = 100;
        auto l = make(c);
        // 3 at t0, 2 at t0+500: at t0+1060 only the 3 early slots free up.
        for (int i = 0; i < 3; ++i)
            acquire(*l, QStringLiteral("a"), RequestPool::Query, RequestPriority::Quote, QStringLiteral("x"));
        l->pump();
        m_now += 500;
        for (int i = 0; i < 5; ++i)
            acquire(*l, QStringLiteral("a"), RequestPool::Query, RequestPriority::Quote, QStringLiteral("y"));
        l->pump();
        QCOMPARE(m_granted.size(), 5);
        m_now += 560;
        l->pump();
        QCOMPARE(m_granted.size(), 8);
    }

    void perApiAndPoolQuotas()
    {
        RateLimiter::Config c;
        c.queriesPerSecond = 5;
        c.perApiQuota.insert(QStringLiteral("ka10080"), 1);
        c.maxInFlight = 100;
        auto l = make(c);
        for (int i = 0; i < 3; ++i)
            acquire(*l, QStringLiteral("ka10080"), RequestPool::Query, RequestPriority::Chart, QStringLiteral("min"));
        for (int i = 0; i < 6; ++i)
            acquire(*l, QStringLiteral("ka10099"), RequestPool::Query, RequestPriority::List, QStringLiteral("info"));
        l->pump();
        // ka10080 (higher priority) is held at 1 but does not block ka10099; the pool caps the total at 5.
        QCOMPARE(m_granted.count(QStringLiteral("min")), 1);
        QCOMPARE(m_granted.count(QStringLiteral("info")), 4);
        QCOMPARE(l->quotaFor(QStringLiteral("ka10080"), RequestPool::Query), 1);
        QCOMPARE(l->quotaFor(QStringLiteral("ka10001"), RequestPool::Query), 5);
    }

    void ordersHaveTheirOwnPool()
    {
        RateLimiter::Config c;
        c.maxInFlight = 100;
        auto l = make(c);
        for (int i = 0; i < 10; ++i)
            acquire(*l, QStringLiteral("ka10001"), RequestPool::Query, RequestPriority::Quote, QStringLiteral("q"));
        for (int i = 0; i < 7; ++i)
            acquire(*l, QStringLiteral("kt10000"), RequestPool::Order, RequestPriority::Order, QStringLiteral("o"));
        l->pump();
        QCOMPARE(m_granted.count(QStringLiteral("q")), 5);
        QCOMPARE(m_granted.count(QStringLiteral("o")), 5);
        QCOMPARE(m_granted.mid(0, 5), QStringList(5, QStringLiteral("o"))); // orders first
        QCOMPARE(l->budget().ordersInWindow, 5);
    }

    void priorityOrder()
    {
        RateLimiter::Config c;
        c.queriesPerSecond = 1;
        c.maxInFlight = 100;
        auto l = make(c);
        // Queued in the worst order: lists first, accounts last.
        acquire(*l, QStringLiteral("ka10099"), RequestPool::Query, RequestPriority::List, QStringLiteral("list1"));
        acquire(*l, QStringLiteral("ka10099"), RequestPool::Query, RequestPriority::List, QStringLiteral("list2"));
        acquire(*l, QStringLiteral("ka10081"), RequestPool::Query, RequestPriority::Chart, QStringLiteral("chart"));
        acquire(*l, QStringLiteral("ka10001"), RequestPool::Query, RequestPriority::Quote, QStringLiteral("quote"));
        acquire(*l, QStringLiteral("kt00018"), RequestPool::Query, RequestPriority::Account, QStringLiteral("account"));
        QCOMPARE(l->budget().queuedByPriority.value(RequestPriority::List), 2);
        for (int i = 0; i < 5; ++i) {
            l->pump();
            m_now += 1060;
        }
        QCOMPARE(m_granted, (QStringList { "account", "quote", "chart", "list1", "list2" }));
    }

    void serialIgnoresTheQuotas()
    {
        // Lockstep runs: one request at a time in priority order, never held back by a per-second
        // quota (wall-clock time), so a request of lower priority can never overtake a waiting one
        // on a faster or slower machine.
        RateLimiter::Config c;
        c.serial = true;
        c.queriesPerSecond = 1;
        c.perApiQuota.insert(QStringLiteral("ka10001"), 1);
        auto l = make(c);
        QList<RateLimiter::Ticket> tickets;
        const auto add = [&](const QString &api, RequestPriority prio, const QString &tag) {
            tickets << l->acquire(api, RequestPool::Query, prio, [this, tag] { m_granted << tag; });
        };
        add(QStringLiteral("ka10001"), RequestPriority::Quote, QStringLiteral("quote1"));
        add(QStringLiteral("ka10081"), RequestPriority::Chart, QStringLiteral("chart"));
        add(QStringLiteral("ka10001"), RequestPriority::Quote, QStringLiteral("quote2"));
        l->pump();
        QCOMPARE(m_granted, (QStringList { "quote1" }));
        l->pump();
        QCOMPARE(m_granted.size(), 1); // serial: the next waits for the reply
        l->finished(tickets[0]);
        l->pump(); // same instant: ka10001's quota of 1 would hold quote2 and let the chart go first
        QCOMPARE(m_granted, (QStringList { "quote1", "quote2" }));
        l->finished(tickets[2]);
        l->pump();
        QCOMPARE(m_granted, (QStringList { "quote1", "quote2", "chart" }));
    }

    void inFlightCapKeepsASlotForOrders()
    {
        RateLimiter::Config c;
        c.queriesPerSecond = 100;
        c.ordersPerSecond = 100;
        c.maxInFlight = 3;
        auto l = make(c);
        QList<RateLimiter::Ticket> tickets;
        for (int i = 0; i < 4; ++i)
            tickets << l->acquire(
                QStringLiteral("ka10001"), RequestPool::Query, RequestPriority::Quote, [this] { m_granted << "q"; });
        l->pump();
        QCOMPARE(m_granted.size(), 2); // maxInFlight - 1 for queries
        acquire(*l, QStringLiteral("kt10000"), RequestPool::Order, RequestPriority::Order, QStringLiteral("o"));
        l->pump();
        QCOMPARE(m_granted.last(), QStringLiteral("o"));
        QCOMPARE(l->budget().inFlight, 3);
        l->finished(tickets[0]);
        l->finished(tickets[1]);
        l->pump();
        QCOMPARE(m_granted.count(QStringLiteral("q")), 3); // one freed query slot (the order holds one)
    }

    void backoffAfterRateLimitReplies()
    {
        RateLimiter::Config c;
        c.maxInFlight = 100;
        auto l = make(c);
        l->reportRateLimited(QStringLiteral("ka10080"), RequestPool::Query, 1700,
            QStringLiteral(
                "허용된 요청 개수를 초과하였습니다[1700:허용된 요청 개수를 초과하였습니다. 유량=2, API ID=ka10080]"));
        QCOMPARE(l->quotaFor(QStringLiteral("ka10080"), RequestPool::Query), 2); // adopted from the message
        acquire(*l, QStringLiteral("ka10080"), RequestPool::Query, RequestPriority::Chart, QStringLiteral("min"));
        acquire(*l, QStringLiteral("ka10001"), RequestPool::Query, RequestPriority::Quote, QStringLiteral("info"));
        l->pump();
        QCOMPARE(m_granted, QStringList { QStringLiteral("info") }); // only ka10080 is paused
        m_now += 1059;
        l->pump();
        QCOMPARE(m_granted.size(), 1);
        m_now += 1;
        l->pump();
        QCOMPARE(m_granted.size(), 2);
        // A second hit doubles the pause (2 s) ...
        l->reportRateLimited(QStringLiteral("ka10080"), RequestPool::Query, 1700, QString());
        acquire(*l, QStringLiteral("ka10080"), RequestPool::Query, RequestPriority::Chart, QStringLiteral("min2"));
        m_now += 1999;
        l->pump();
        QCOMPARE(m_granted.size(), 2);
        m_now += 1;
        l->pump();
        QCOMPARE(m_granted.size(), 3);
        // ... and success resets it.
        l->reportSuccess(QStringLiteral("ka10080"), RequestPool::Query);
        l->reportRateLimited(QStringLiteral("ka10080"), RequestPool::Query, 1700, QString());
        acquire(*l, QStringLiteral("ka10080"), RequestPool::Query, RequestPriority::Chart, QStringLiteral("min3"));
        m_now += 1060;
        l->pump();
        QCOMPARE(m_granted.size(), 4);

        // 1701 pauses the whole query pool, not orders.
        l->reportRateLimited(QStringLiteral("ka10001"), RequestPool::Query, 1701, QString());
        acquire(*l, QStringLiteral("ka10099"), RequestPool::Query, RequestPriority::List, QStringLiteral("list"));
        acquire(*l, QStringLiteral("kt10000"), RequestPool::Order, RequestPriority::Order, QStringLiteral("order"));
        l->pump();
        QCOMPARE(m_granted.last(), QStringLiteral("order"));
        QVERIFY(l->budget().queryPausedForMs > 0);
        m_now += 1060;
        l->pump();
        QCOMPARE(m_granted.last(), QStringLiteral("list"));
        QCOMPARE(l->budget().rateLimitedReplies, quint64(4));
    }

    void refusalsOfOneBurstDoNotEscalateThePause()
    {
        // Six requests were in flight when the window overflowed: their five 429s arrive while the
        // first one's pause runs and must not double it five times (to the 8 s maximum).
        RateLimiter::Config c;
        c.maxInFlight = 100;
        auto l = make(c);
        for (int i = 0; i < 5; ++i) {
            l->reportRateLimited(QStringLiteral("ka10001"), RequestPool::Query, 1700, QString());
            m_now += 10;
        }
        acquire(*l, QStringLiteral("ka10001"), RequestPool::Query, RequestPriority::Quote, QStringLiteral("next"));
        m_now += 1060 - 10; // 1060 ms after the last refusal
        l->pump();
        QCOMPARE(m_granted, QStringList { QStringLiteral("next") });
        QCOMPARE(l->budget().rateLimitedReplies, quint64(5));
        // A refusal after the pause is a new overrun: the backoff doubles.
        l->reportRateLimited(QStringLiteral("ka10001"), RequestPool::Query, 1700, QString());
        acquire(*l, QStringLiteral("ka10001"), RequestPool::Query, RequestPriority::Quote, QStringLiteral("later"));
        m_now += 1999;
        l->pump();
        QCOMPARE(m_granted.size(), 1);
        m_now += 1;
        l->pump();
        QCOMPARE(m_granted.size(), 2);
    }

    void gateHoldsEverything()
    {
        RateLimiter::Config c;
        auto l = make(c);
        bool open = false;
        l->setGate([&] { return open; });
        acquire(*l, QStringLiteral("kt10000"), RequestPool::Order, RequestPriority::Order, QStringLiteral("o"));
        l->pump();
        QVERIFY(m_granted.isEmpty());
        open = true;
        l->wake();
        QTRY_COMPARE(m_granted.size(), 1); // wake() grants from the event loop
    }

    void cancelQueued()
    {
        RateLimiter::Config c;
        c.queriesPerSecond = 1;
        auto l = make(c);
        acquire(*l, QStringLiteral("a"), RequestPool::Query, RequestPriority::Quote, QStringLiteral("1"));
        const auto t
            = l->acquire(QStringLiteral("a"), RequestPool::Query, RequestPriority::Quote, [this] { m_granted << "2"; });
        l->pump();
        QVERIFY(l->cancel(t));
        QVERIFY(!l->cancel(t));
        m_now += 5000;
        l->pump();
        QCOMPARE(m_granted, QStringList { QStringLiteral("1") });
        QCOMPARE(l->queueDepth(), 0);
    }

    void grantsComeFromTheEventLoop()
    {
        RateLimiter l; // real steady clock
        bool granted = false;
        l.acquire(QStringLiteral("a"), RequestPool::Query, RequestPriority::Quote, [&] { granted = true; });
        QVERIFY(!granted);
        QTRY_VERIFY(granted);
    }

    // The acceptance test of the issue: a burst of 200 REST requests against a server that enforces
    // Kiwoom's sliding window per api-id and in total. Zero rejections, and the sustained rate
    // within 10% of the quota. The quota is 25/s to keep the test short (~7.5 s); the pacing is
    // the same as at 5/s.
    void burstOf200AgainstASlidingWindowServer()
    {
        constexpr int QUOTA = 25;
        constexpr int N = 200;
        KiwoomFakeServer server;
        QVERIFY(server.listen());
        server.setRateLimit(QUOTA, QUOTA, 1000);
        server.setHandler(QStringLiteral("ka10001"), [](const auto &) {
            return KiwoomFakeServer::Response::ok(QJsonObject { { QStringLiteral("stk_cd"), QStringLiteral("005930") },
                { QStringLiteral("cur_prc"), QStringLiteral("+70100") } });
        });
        for (const char *id : { "ka10004", "ka10007" })
            server.setHandler(QString::fromLatin1(id), [](const auto &) {
                return KiwoomFakeServer::Response::ok(
                    QJsonObject { { QStringLiteral("bid_req_base_tm"), QStringLiteral("090000") },
                        { QStringLiteral("stk_cd"), QStringLiteral("005930") },
                        { QStringLiteral("cur_prc"), QStringLiteral("+70100") } });
            });
        QNetworkAccessManager network;
        TokenManager tokens(
            network, KiwoomEndpoints { server.restUrl(), server.wsUrl() }, CREDS, SystemClock::instance());
        RateLimiter::Config config;
        config.queriesPerSecond = QUOTA;
        RateLimiter limiter(config, RateLimiter::MonotonicClock());
        RestClient rest(network, server.restUrl(), tokens, limiter, SystemClock::instance());

        int ok = 0;
        int failed = 0;
        QStringList errors;
        for (int i = 0; i < N; ++i) {
            const auto count = [&](bool success, const QString &why) {
                success ? ++ok : ++failed;
                if (!success)
                    errors << why;
            };
            switch (i % 3) {
            case 0:
                rest.stockInfo(QStringLiteral("005930"), this,
                    [&, count](const auto &r) { count(r.ok(), r.ok() ? QString() : r.error().describe()); });
                break;
            case 1:
                rest.orderBook(QStringLiteral("005930"), this,
                    [&, count](const auto &r) { count(r.ok(), r.ok() ? QString() : r.error().describe()); });
                break;
            default:
                rest.quoteSheet(QStringLiteral("005930"), this,
                    [&, count](const auto &r) { count(r.ok(), r.ok() ? QString() : r.error().describe()); });
                break;
            }
        }
        QCOMPARE(limiter.budget().queued, N);
        // A plain event loop: QTest::qWaitFor sleeps 10 ms between event batches, which would
        // throttle the client more than the limiter does.
        QEventLoop loop;
        QTimer poll;
        QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
            if (ok + failed == N)
                loop.quit();
        });
        poll.start(5);
        QTimer::singleShot(30000, &loop, &QEventLoop::quit);
        loop.exec();
        QCOMPARE(ok + failed, N);
        QVERIFY2(failed == 0, qPrintable(errors.join(QLatin1Char('\n'))));
        QCOMPARE(server.rateLimitRejections(), 0);
        QVERIFY(server.maxTotalInWindow() <= QUOTA);

        QList<qint64> arrivals;
        for (const auto &r : server.requests()) {
            if (r.path != "/oauth2/token")
                arrivals << r.atMs;
        }
        QCOMPARE(arrivals.size(), N);
        std::sort(arrivals.begin(), arrivals.end());
        if (qEnvironmentVariableIsSet("KT_DEBUG_ARRIVALS")) {
            for (int i = 0; i < arrivals.size(); i += QUOTA)
                qInfo("batch %d: first %lld last %lld", i / QUOTA, arrivals[i] - arrivals[0],
                    arrivals[std::min(i + QUOTA - 1, int(arrivals.size()) - 1)] - arrivals[0]);
        }
        // Sustained rate: everything after the first full window, over the time it took.
        const double seconds = double(arrivals.last() - arrivals.first()) / 1000.0;
        const double rate = double(N - QUOTA) / seconds;
        qInfo("burst of %d: %.2f req/s sustained against a quota of %d/s (%.1f%%), span %.2f s, 0 rejections", N, rate,
            QUOTA, 100.0 * rate / QUOTA, seconds);
        QVERIFY2(rate >= 0.9 * QUOTA, qPrintable(QString::number(rate)));
        QVERIFY2(rate <= QUOTA, qPrintable(QString::number(rate)));
    }
};

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
