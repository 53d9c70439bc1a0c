// SPDX-License-Identifier: GPL-3.0-or-later
// Every error form of the protocol (§6) produced by the real simulator and met by the real client:
// 1504 (api-id vs path), 1511 (missing field), 1513 (no authorization), 8005 (token expired mid-run:
// re-issued once; a second rejection surfaces as Auth without looping), 429 + 1700 (retried for
// queries, a definite refusal for orders), HTTP 5xx and no reply (queries retried; orders never
// resent and reported as outcome-unknown, with the simulator's ledger showing what really
// happened), and malformed JSON (a typed parse error; for an order, outcome-unknown).
#include "clientsimfixture.h"
#include "kiwoom/kiwoomhttp.h"
#include "kiwoom/trcodec.h"
#include "market/krx.h"
#include "sim/simexchange.h"
#include "sim/simmarket.h"
#include "sim/simserver.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QtTest>

using namespace Kiwoom;

class TestClientSimFaults final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ClientSimFixture> f;
    QString stock;

    void startRig(const std::function<void(ClientSimFixture::Options &)> &tweak = {})
    {
        f = std::make_unique<ClientSimFixture>();
        ClientSimFixture::Options o;
        if (tweak)
            tweak(o);
        QVERIFY2(f->start(o), qPrintable(f->error()));
        stock = f->stockPricedBetween(50'000, 199'999);
        QVERIFY(!stock.isEmpty());
    }
    void addFaults(const QString &spec)
    {
        const Status s = f->server().addFaults(spec);
        QVERIFY2(s, qPrintable(s ? QString() : s.error().message));
    }
    KiwoomResult<StockInfo> stockInfo()
    {
        return ClientSimFixture::await<StockInfo>(
            [&](QObject *ctx, auto done) { f->rest().stockInfo(stock, ctx, done); });
    }
    KiwoomResult<OrderAck> restingBuy()
    {
        const SimBook book = f->server().market()->book(f->indexOf(stock));
        OrderRequest r;
        r.code = stock;
        r.quantity = 2;
        r.price = Krx::addTicks(book.bids[0].price, -5);
        r.tradeType = TradeType::Limit;
        return ClientSimFixture::await<OrderAck>([&](QObject *ctx, auto done) { f->rest().placeOrder(r, ctx, done); });
    }
    KiwoomResult<OpenOrders> openOrders()
    {
        return ClientSimFixture::await<OpenOrders>(
            [&](QObject *ctx, auto done) { f->rest().openOrders(OpenOrdersRequest(), ctx, done); });
    }
    int simOrders() const { return int(f->server().exchange()->orders().size()); }

private slots:
    void cleanup() { f.reset(); }

    void apiIdOnTheWrongPathIs1504()
    {
        startRig();
        auto spec = *Tr::spec(QStringLiteral("ka10001"));
        spec.path = QStringLiteral("/api/dostk/chart"); // a real path, but not ka10001's
        const auto r = ClientSimFixture::await<RestClient::RawReply>([&](QObject *ctx, auto done) {
            f->rest().call(spec, QJsonObject { { QStringLiteral("stk_cd"), stock } }, Paging(), ctx, done);
        });
        QVERIFY(!r);
        QCOMPARE(r.error().kind, KiwoomError::Kind::Api);
        QCOMPARE(r.error().code, 1504);
        QCOMPARE(r.error().returnCode, 3);
        QCOMPARE(r.error().httpStatus, 200);
        QCOMPARE(f->simRequests(QStringLiteral("ka10001")), 0); // refused before any TR ran
        QCOMPARE(f->simRequests(), 2); // au10001 + this one: not retried
    }

    void trNotServedOnMockIs8104()
    {
        // The weekly chart is in the client's catalogue but not served by the (mock-like) simulator.
        startRig();
        const auto r = ClientSimFixture::await<RestClient::RawReply>([&](QObject *ctx, auto done) {
            f->rest().call(QStringLiteral("ka10082"),
                QJsonObject { { QStringLiteral("stk_cd"), stock },
                    { QStringLiteral("base_dt"), QStringLiteral("20250310") },
                    { QStringLiteral("upd_stkpc_tp"), QStringLiteral("1") } },
                Paging(), ctx, done);
        });
        QVERIFY(!r);
        QCOMPARE(r.error().code, 8104);
        QCOMPARE(r.error().returnCode, 2);
        QCOMPARE(r.error().kind, KiwoomError::Kind::Api); // a refused request, not a credentials problem
        QCOMPARE(f->simRequests(QStringLiteral("au10001")), 1); // no token re-issue
        QCOMPARE(f->simRequests(), 2);
    }

    void missingRequiredFieldIs1511()
    {
        startRig();
        const auto r = ClientSimFixture::await<RestClient::RawReply>([&](QObject *ctx, auto done) {
            f->rest().call(
                QStringLiteral("ka10081"), QJsonObject { { QStringLiteral("stk_cd"), stock } }, Paging(), ctx, done);
        });
        QVERIFY(!r);
        QCOMPARE(r.error().kind, KiwoomError::Kind::Api);
        QCOMPARE(r.error().code, 1511);
        QCOMPARE(r.error().returnCode, 2);
        QVERIFY(r.error().message.contains(QStringLiteral("base_dt")));
        QCOMPARE(f->simRequests(QStringLiteral("ka10081")), 1);
    }

    void missingAuthorizationIs1513()
    {
        // The client always authorizes, so the simulator's 1513 reply is fetched by hand and put
        // through the client's own envelope classifier: an input error, not a token problem.
        startRig();
        QNetworkAccessManager nam;
        QNetworkRequest request = Http::makeRequest(f->server().restBaseUrl(), QStringLiteral("/api/dostk/stkinfo"),
            QStringLiteral("ka10001"), QString(), QStringLiteral("N"), QString(), true);
        QNetworkReply *reply = nam.post(request, QByteArrayLiteral("{\"stk_cd\":\"005930\"}"));
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
        const Http::Response response = Http::read(reply, false);
        reply->deleteLater();
        QCOMPARE(response.httpStatus, 200);
        const auto envelope = Http::parseEnvelope(QStringLiteral("ka10001"), response.body);
        QVERIFY2(envelope, describe(envelope));
        const KiwoomError e
            = classifyEnvelope(QStringLiteral("ka10001"), 200, envelope->returnCode, envelope->returnMsg);
        QCOMPARE(e.kind, KiwoomError::Kind::Api);
        QCOMPARE(e.code, 1513);
        QCOMPARE(e.returnCode, 2);
        QVERIFY(!isTokenCode(e.code));
    }

    void tokenIssueAndRevokeOverTheSessionLifetime()
    {
        // au10001 when the session starts, au10002 when it stops: the simulator forgets the token.
        startRig();
        QCOMPARE(f->simRequests(QStringLiteral("au10001")), 1);
        QCOMPARE(f->simState().value(QStringLiteral("valid_tokens")).toInt(), 1);
        QVERIFY(f->session().tokens().hasUsableToken());
        QCOMPARE(f->session().tokens().token().size(), 86); // the observed Kiwoom shape
        QCOMPARE(f->simState().value(QStringLiteral("ws_sessions")).toInt(), 1);
        QSignalSpy revoked(&f->session().tokens(), &TokenManager::tokenRevoked);
        QSignalSpy stopped(&f->session(), &KiwoomSession::stopped);
        f->session().stop();
        QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, 10000);
        QCOMPARE(revoked.size(), 1);
        QCOMPARE(f->simRequests(QStringLiteral("au10002")), 1);
        QCOMPARE(f->simState().value(QStringLiteral("valid_tokens")).toInt(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(f->simState().value(QStringLiteral("ws_sessions")).toInt(), 0, 10000);
    }

    void sessionRestartsAfterStop()
    {
        // Stop (revoke) and start again: a fresh token, the WebSocket back, the registry re-sent.
        startRig();
        f->realtime().subscribe(QStringLiteral("1"), { stock }, { QStringLiteral("0B") });
        QVERIFY(f->waitForSimRegistrations(1));
        QSignalSpy stopped(&f->session(), &KiwoomSession::stopped);
        f->session().stop();
        QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(f->simState().value(QStringLiteral("ws_sessions")).toInt(), 0, 10000);
        QSignalSpy ready(&f->session(), &KiwoomSession::ready);
        f->session().start();
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 15000);
        QCOMPARE(f->session().state(), KiwoomSession::State::Ready);
        QCOMPARE(f->simRequests(QStringLiteral("au10001")), 2);
        QCOMPARE(f->simState().value(QStringLiteral("valid_tokens")).toInt(), 1);
        QVERIFY(f->waitForSimRegistrations(1));
        QSignalSpy ticks(&f->realtime(), &RealtimeClient::tradeTickReceived);
        f->advance(60 * 1000);
        QTRY_VERIFY_WITH_TIMEOUT(!ticks.isEmpty(), 10000);
        QVERIFY2(stockInfo(), "REST after the restart");
    }

    void wrongAppKeyFailsTheSessionWithoutRetrying()
    {
        f = std::make_unique<ClientSimFixture>();
        ClientSimFixture::Options o;
        o.client.credentials.appKey = QStringLiteral("SIMWRONGappkey0000000000000000000000000000");
        o.client.credentials.secretKey = QString::fromLatin1(Sim::DEMO_SECRET_KEY);
        o.startSession = false;
        QVERIFY2(f->start(o), qPrintable(f->error()));
        QSignalSpy failed(&f->session(), &KiwoomSession::failed);
        f->session().start();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
        const auto e = failed.first().at(0).value<KiwoomError>();
        QCOMPARE(e.kind, KiwoomError::Kind::Auth);
        QCOMPARE(e.code, 8001);
        QCOMPARE(f->session().state(), KiwoomSession::State::Failed);
        QTest::qWait(300); // a definite refusal: no retry follows
        QCOMPARE(f->simRequests(QStringLiteral("au10001")), 1);
    }

    void tooManyCodesIs1634AndNotRetried()
    {
        startRig();
        QStringList codes;
        for (int i = 0; i < 101; ++i)
            codes << f->code(i % f->stockCount());
        const auto quotes = ClientSimFixture::await<QList<WatchQuote>>(
            [&](QObject *ctx, auto done) { f->rest().watchlistQuotes(codes, ctx, done); });
        QVERIFY(!quotes);
        QCOMPARE(quotes.error().kind, KiwoomError::Kind::Api); // return_code 5 like 1700, but not a rate limit
        QCOMPARE(quotes.error().code, 1634);
        QCOMPARE(quotes.error().returnCode, 5);
        QCOMPARE(f->simRequests(QStringLiteral("ka10095")), 1);
        QCOMPARE(f->session().limiter().budget().rateLimitedReplies, quint64(0));
        codes.resize(100);
        const auto ok = ClientSimFixture::await<QList<WatchQuote>>(
            [&](QObject *ctx, auto done) { f->rest().watchlistQuotes(codes, ctx, done); });
        QVERIFY2(ok, describe(ok));
        QCOMPARE(ok->size(), 100);
    }

    void tokenIsRefreshedAheadOfItsExpiry()
    {
        // Both sides on one clock: a 2-hour token (expires_dt in KST, second resolution) is
        // refreshed in the background before it dies, and no call ever meets 8005.
        startRig([](ClientSimFixture::Options &o) {
            o.shareClockWithSim = true;
            o.queriesPerSecond = 0; // the shared clock stands still: quotas off
            o.ordersPerSecond = 0;
            o.sim.tokenLifetimeMs = 2 * 3600 * 1000;
            o.client.rate.queriesPerSecond = 50;
            o.client.token.refreshAheadMs = 10 * 60 * 1000;
        });
        TokenManager &tokens = f->session().tokens();
        const qint64 issuedAt = f->clientClock().nowMs();
        // expires_dt read as KST: exactly the simulator's expiry (to the second), not 9 h off.
        QCOMPARE(tokens.expiresAtMs() / 1000, (issuedAt + 2 * 3600 * 1000) / 1000);
        const QString first = tokens.token();
        QSignalSpy issued(&tokens, &TokenManager::tokenIssued);

        f->advanceSharedClock(2 * 3600 * 1000 - 9 * 60 * 1000); // inside the refresh window
        QVERIFY2(stockInfo(), "call in the refresh window");
        QTRY_COMPARE_WITH_TIMEOUT(issued.size(), 1, 10000); // background re-issue
        QVERIFY(tokens.token() != first);
        QCOMPARE(f->simRequests(QStringLiteral("au10001")), 2);

        f->advanceSharedClock(10 * 60 * 1000); // the first token is dead now
        QCOMPARE(f->simState().value(QStringLiteral("valid_tokens")).toInt(), 1);
        QVERIFY2(stockInfo(), "call after the first token expired");
        QCOMPARE(f->simRequests(QStringLiteral("ka10001")), 2); // no 8005, no retry
        QCOMPARE(f->simRequests(QStringLiteral("au10001")), 2);
    }

    void tokenExpiredMidRunIsReissuedOnce()
    {
        startRig();
        QVERIFY2(stockInfo(), "first call");
        const qint64 issues = f->simRequests(QStringLiteral("au10001"));
        QCOMPARE(issues, 1);
        f->server().expireTokens();
        QSignalSpy issued(&f->session().tokens(), &TokenManager::tokenIssued);
        const auto info = stockInfo();
        QVERIFY2(info, describe(info));
        QCOMPARE(info->price, f->quote(stock).price);
        QCOMPARE(f->simRequests(QStringLiteral("au10001")), issues + 1); // one re-issue
        QCOMPARE(f->simRequests(QStringLiteral("ka10001")), 3); // first call, 8005, retry
        QCOMPARE(issued.size(), 1);
        QCOMPARE(f->simState().value(QStringLiteral("valid_tokens")).toInt(), 1);

        // The same through the fault grammar, on an order: the retry after a token rejection is
        // safe because the simulator refused the order before it ran (8005 comes before any TR).
        addFaults(QStringLiteral("token-expiry,count=1,api=kt10000"));
        const auto ack = restingBuy();
        QVERIFY2(ack, describe(ack));
        QCOMPARE(simOrders(), 1);
        QCOMPARE(f->simRequests(QStringLiteral("kt10000")), 2);
        QCOMPARE(f->simRequests(QStringLiteral("au10001")), issues + 2);
    }

    void secondTokenRejectionSurfacesAsAuthError()
    {
        startRig();
        QVERIFY2(stockInfo(), "first call");
        // The next two ka10001 requests (the call and its retry after a fresh token) each find
        // every token expired.
        addFaults(QStringLiteral("token-expiry,count=2,api=ka10001"));
        const auto info = stockInfo();
        QVERIFY(!info);
        QCOMPARE(info.error().kind, KiwoomError::Kind::Auth);
        QCOMPARE(info.error().code, 8005);
        QCOMPARE(info.error().returnCode, 3);
        QCOMPARE(f->simRequests(QStringLiteral("ka10001")), 3); // 1 + the failed one + its single retry
        QCOMPARE(f->simRequests(QStringLiteral("au10001")), 2); // one re-issue, no loop
        // Later calls work again (the rule is spent).
        const auto again = stockInfo();
        QVERIFY2(again, describe(again));
        QVERIFY(f->simRequests(QStringLiteral("au10001")) <= 3);
    }

    void rateLimitFaultIsRetriedForQueries()
    {
        startRig();
        addFaults(QStringLiteral("ratelimit,count=1,api=ka10001"));
        const auto info = stockInfo();
        QVERIFY2(info, describe(info));
        QCOMPARE(f->simRequests(QStringLiteral("ka10001")), 2);
        QCOMPARE(f->session().limiter().budget().rateLimitedReplies, quint64(1));
        QCOMPARE(f->simQuotaRejections(), 0); // injected, not a real quota breach
    }

    void rateLimitIsADefiniteRefusalForOrders()
    {
        startRig();
        addFaults(QStringLiteral("ratelimit,count=1,api=kt10000"));
        const auto ack = restingBuy();
        QVERIFY(!ack);
        QCOMPARE(ack.error().kind, KiwoomError::Kind::RateLimited);
        QCOMPARE(ack.error().code, 1700);
        QCOMPARE(ack.error().httpStatus, 429);
        QVERIFY(ack.error().isDefinite());
        QCOMPARE(f->simRequests(QStringLiteral("kt10000")), 1); // not resent by the client
        QCOMPARE(simOrders(), 0);
    }

    void serverErrorIsRetriedForQueries()
    {
        startRig();
        addFaults(QStringLiteral("http5xx,count=2,status=503,api=ka10081"));
        DailyChartRequest r;
        r.code = stock;
        r.baseDate = QDate(2025, 3, 10);
        const auto chart
            = ClientSimFixture::await<ChartReply>([&](QObject *ctx, auto done) { f->rest().dailyChart(r, ctx, done); });
        QVERIFY2(chart, describe(chart));
        QVERIFY(!chart->bars.isEmpty());
        QCOMPARE(f->simRequests(QStringLiteral("ka10081")), 3);

        // Beyond maxRetries the error surfaces, typed.
        addFaults(QStringLiteral("http5xx,count=4,status=502,api=ka10081"));
        const auto failed
            = ClientSimFixture::await<ChartReply>([&](QObject *ctx, auto done) { f->rest().dailyChart(r, ctx, done); });
        QVERIFY(!failed);
        QCOMPARE(failed.error().kind, KiwoomError::Kind::Http);
        QCOMPARE(failed.error().httpStatus, 502);
        QCOMPARE(f->simRequests(QStringLiteral("ka10081")), 3 + 4);
    }

    void serverErrorOnAnOrderIsOutcomeUnknown_data()
    {
        QTest::addColumn<QString>("when");
        QTest::addColumn<int>("placed");
        QTest::newRow("before the order ran") << QStringLiteral("before") << 0;
        QTest::newRow("after the order ran") << QStringLiteral("after") << 1;
    }
    void serverErrorOnAnOrderIsOutcomeUnknown()
    {
        QFETCH(QString, when);
        QFETCH(int, placed);
        startRig();
        addFaults(QStringLiteral("http5xx,count=1,api=kt10000,when=") + when);
        const auto ack = restingBuy();
        QVERIFY(!ack);
        QCOMPARE(ack.error().kind, KiwoomError::Kind::OutcomeUnknown);
        QCOMPARE(ack.error().httpStatus, 500);
        QVERIFY(!ack.error().isDefinite());
        QCOMPARE(f->simRequests(QStringLiteral("kt10000")), 1); // reached the simulator exactly once
        QCOMPARE(simOrders(), placed);
        // Reconciliation through ka10075 tells the truth.
        const auto open = openOrders();
        QVERIFY2(open, describe(open));
        QCOMPARE(open->orders.size(), placed);
    }

    void noReplyToAQueryIsRetried()
    {
        startRig([](ClientSimFixture::Options &o) { o.client.rest.timeoutMs = 1000; });
        addFaults(QStringLiteral("timeout,count=1,api=ka10001"));
        const auto info = stockInfo();
        QVERIFY2(info, describe(info));
        QCOMPARE(f->simRequests(QStringLiteral("ka10001")), 2);

        // A held connection that the server closes without a reply is a transport error: retried too.
        addFaults(QStringLiteral("timeout,count=1,ms=100,api=ka10001"));
        const auto again = stockInfo();
        QVERIFY2(again, describe(again));
        QCOMPARE(f->simRequests(QStringLiteral("ka10001")), 4);
    }

    void noReplyToAnOrderIsOutcomeUnknown_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<int>("placed");
        QTest::newRow("never answered, before") << QStringLiteral("timeout,count=1,api=kt10000") << 0;
        QTest::newRow("never answered, after") << QStringLiteral("timeout,count=1,api=kt10000,when=after") << 1;
        QTest::newRow("closed unanswered, after")
            << QStringLiteral("timeout,count=1,ms=200,api=kt10000,when=after") << 1;
    }
    void noReplyToAnOrderIsOutcomeUnknown()
    {
        QFETCH(QString, spec);
        QFETCH(int, placed);
        startRig([](ClientSimFixture::Options &o) { o.client.rest.timeoutMs = 1500; });
        addFaults(spec);
        const auto ack = restingBuy();
        QVERIFY(!ack);
        QCOMPARE(ack.error().kind, KiwoomError::Kind::OutcomeUnknown);
        QVERIFY(!ack.error().isDefinite());
        QCOMPARE(f->simRequests(QStringLiteral("kt10000")), 1); // never resent
        QCOMPARE(simOrders(), placed);
        const auto open = openOrders();
        QVERIFY2(open, describe(open));
        QCOMPARE(open->orders.size(), placed);
        if (placed)
            QCOMPARE(open->orders.first().unfilledQty, 2);
    }

    void orderToAServerThatIsGoneIsADefiniteFailure()
    {
        // Connection refused: the order cannot have reached anyone, so the failure is definite
        // (unlike a lost reply), and the client does not resend it either.
        startRig();
        f->server().stop();
        OrderRequest r;
        r.code = stock;
        r.quantity = 1;
        r.tradeType = TradeType::Market;
        const auto ack
            = ClientSimFixture::await<OrderAck>([&](QObject *ctx, auto done) { f->rest().placeOrder(r, ctx, done); });
        QVERIFY(!ack);
        QCOMPARE(ack.error().kind, KiwoomError::Kind::Transport);
        QVERIFY(ack.error().isDefinite());
        // A query retries and then reports the transport error.
        const auto info = stockInfo();
        QVERIFY(!info);
        QCOMPARE(info.error().kind, KiwoomError::Kind::Transport);
    }

    void malformedJsonIsATypedParseError()
    {
        startRig();
        addFaults(QStringLiteral("malformed,count=1,api=ka10001"));
        const auto info = stockInfo();
        QVERIFY(!info);
        QCOMPARE(info.error().kind, KiwoomError::Kind::Parse);
        QCOMPARE(info.error().apiId, QStringLiteral("ka10001"));
        QCOMPARE(f->simRequests(QStringLiteral("ka10001")), 1);
        QVERIFY2(stockInfo(), "the next call works");
    }

    void malformedReplyToAnOrderIsOutcomeUnknown()
    {
        // The simulator runs the TR, then truncates the reply: the order exists.
        startRig();
        addFaults(QStringLiteral("malformed,count=1,api=kt10000"));
        const auto ack = restingBuy();
        QVERIFY(!ack);
        QCOMPARE(ack.error().kind, KiwoomError::Kind::OutcomeUnknown);
        QCOMPARE(f->simRequests(QStringLiteral("kt10000")), 1);
        QCOMPARE(simOrders(), 1);
        const auto open = openOrders();
        QVERIFY2(open, describe(open));
        QCOMPARE(open->orders.size(), 1);
    }

    void realQuotaBreachIsRetriedAndTheQuotaLearned()
    {
        // The client believes in 40/s while the simulator allows 10/s for every api-id: the burst
        // meets real 1700s, every call still succeeds, and the limiter adopts "유량=10".
        startRig([](ClientSimFixture::Options &o) {
            o.queriesPerSecond = 10;
            o.client.rate.queriesPerSecond = 40;
        });
        f->session().limiter().setConfig([&] {
            RateLimiter::Config c = f->session().limiter().config();
            c.queriesPerSecond = 40;
            return c;
        }());
        QCOMPARE(f->session().limiter().quotaFor(QStringLiteral("ka10001"), RequestPool::Query), 40);
        int done = 0;
        int ok = 0;
        QObject ctx;
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < 20; ++i) {
            f->rest().stockInfo(f->code(i % f->stockCount()), &ctx, [&](const KiwoomResult<StockInfo> &r) {
                ++done;
                ok += r ? 1 : 0;
            });
        }
        QTRY_COMPARE_WITH_TIMEOUT(done, 20, 30000);
        QCOMPARE(ok, 20);
        QVERIFY(f->simQuotaRejections() > 0);
        QVERIFY(f->session().limiter().budget().rateLimitedReplies > 0);
        QCOMPARE(f->session().limiter().quotaFor(QStringLiteral("ka10001"), RequestPool::Query), 10);
        // The in-flight refusals of that one crowded window pause ka10001 once (~1 s), they do not
        // escalate the backoff to its 8 s maximum (20 calls at 10/s: about 2 s in all).
        QVERIFY2(clock.elapsed() < 6000, qPrintable(QString::number(clock.elapsed())));
    }
};

QTEST_GUILESS_MAIN(TestClientSimFaults)
#include "tst_clientsim_faults.moc"
