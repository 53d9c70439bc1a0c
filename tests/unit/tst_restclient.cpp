// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiwoom/restclient.h"

#include "common/clock.h"
#include "kiwoom/kiwoomhttp.h"
#include "kiwoom/ratelimiter.h"
#include "kiwoom/tokenmanager.h"
#include "kiwoomfakeserver.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QtTest>

#include <optional>

using namespace Kiwoom;
using Response = KiwoomFakeServer::Response;
using Kind = KiwoomError::Kind;

namespace {

const Credentials CREDS { QStringLiteral("rest-test-app-key"), QStringLiteral("rest-test-secret-key") };

QJsonObject obj(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

bool allStrings(const QJsonObject &o)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!it.value().isString())
            return false;
    }
    return true;
}

QByteArray describeError(const KiwoomResult<OrderAck> &r)
{
    return r ? QByteArray("ok") : r.error().describe().toUtf8();
}

} // namespace

// RestClient against the scripted fake server: the wire shape of every TR, continuation, and each
// error form of protocol §6 with the retry / no-retry policy.
class TestRestClient final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<KiwoomFakeServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<TokenManager> m_tokens;
    std::unique_ptr<RateLimiter> m_limiter;
    std::unique_ptr<RestClient> m_rest;

    void build(const QUrl &restBase)
    {
        const KiwoomEndpoints endpoints { restBase, m_server->wsUrl() };
        m_tokens = std::make_unique<TokenManager>(*m_network, endpoints, CREDS, SystemClock::instance());
        RateLimiter::Config rate;
        rate.queriesPerSecond = 1000; // pacing is tested in tst_ratelimiter
        rate.ordersPerSecond = 1000;
        rate.backoffInitialMs = 20;
        rate.backoffMaxMs = 40;
        rate.windowMs = 20;
        rate.safetyMarginMs = 0;
        m_limiter = std::make_unique<RateLimiter>(rate, RateLimiter::MonotonicClock());
        m_rest = std::make_unique<RestClient>(*m_network, restBase, *m_tokens, *m_limiter, SystemClock::instance());
        RestClient::Config config;
        config.timeoutMs = 300;
        config.retryBaseDelayMs = 10;
        config.maxRetries = 3;
        m_rest->setConfig(config);
    }

    template<typename T, typename Invoke> KiwoomResult<T> run(Invoke invoke, int timeoutMs = 5000)
    {
        std::optional<KiwoomResult<T>> result;
        invoke([&](const KiwoomResult<T> &r) { result = r; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, timeoutMs))
            return KiwoomError::make(Kind::Cancelled, QString(), QStringLiteral("test: no callback"));
        return *result;
    }

    // The last request of apiId carries the protocol's headers and exactly this body.
    void checkShape(const QString &apiId, const QByteArray &path, const QJsonObject &body, bool query)
    {
        const auto requests = m_server->requests(apiId);
        QVERIFY2(!requests.isEmpty(), qPrintable(apiId));
        const auto &r = requests.last();
        QCOMPARE(r.method, QByteArray("POST"));
        QCOMPARE(r.path, path);
        QCOMPARE(r.header("api-id"), apiId.toLatin1());
        QCOMPARE(r.header("content-type"), QByteArray("application/json;charset=UTF-8"));
        QCOMPARE(r.header("authorization"), "Bearer " + m_tokens->token().toLatin1());
        QVERIFY(r.jsonOk);
        QCOMPARE(r.json, body);
        QVERIFY(allStrings(r.json));
        if (query) {
            QCOMPARE(r.header("cont-yn"), QByteArray("N"));
            QVERIFY(r.hasHeader("next-key"));
            QCOMPARE(r.header("next-key"), QByteArray());
        } else {
            QVERIFY(!r.hasHeader("cont-yn"));
        }
    }

private slots:
    void init()
    {
        m_server = std::make_unique<KiwoomFakeServer>();
        QVERIFY(m_server->listen());
        m_network = std::make_unique<QNetworkAccessManager>();
        build(m_server->restUrl());
    }

    void cleanup()
    {
        m_rest.reset();
        m_limiter.reset();
        m_tokens.reset();
        m_network.reset();
        m_server.reset();
    }

    void quoteTrs()
    {
        m_server->enqueue(QStringLiteral("ka10001"),
            Response::ok(obj(
                R"({"stk_cd":"005930","stk_nm":"삼성전자","cur_prc":"-72600","pred_pre":"-100","flu_rt":"-0.14"})")));
        const auto info = run<StockInfo>([&](auto done) { m_rest->stockInfo(QStringLiteral("005930"), this, done); });
        QVERIFY2(info.ok(), qPrintable(info.ok() ? QString() : info.error().describe()));
        QCOMPARE(info->price, qint64(72600));
        QCOMPARE(info->direction, Direction::Down);
        checkShape(QStringLiteral("ka10001"), "/api/dostk/stkinfo", obj(R"({"stk_cd":"005930"})"), true);

        m_server->enqueue(QStringLiteral("ka10004"),
            Response::ok(obj(
                R"({"bid_req_base_tm":"162000","sel_fpr_bid":"-20800","sel_fpr_req":"82","buy_fpr_bid":"-20700","buy_fpr_req":"23847"})")));
        const auto book = run<OrderBook>([&](auto done) { m_rest->orderBook(QStringLiteral("005930"), this, done); });
        QVERIFY(book.ok());
        QCOMPARE(book->code, QStringLiteral("005930"));
        QCOMPARE(book->asks[0].price, qint64(20800));
        checkShape(QStringLiteral("ka10004"), "/api/dostk/mrkcond", obj(R"({"stk_cd":"005930"})"), true);

        m_server->enqueue(QStringLiteral("ka10007"),
            Response::ok(
                obj(R"({"stk_cd":"005930","stk_nm":"삼성전자","cur_prc":"+73000","date":"20241128","tm":"153000"})")));
        const auto sheet
            = run<QuoteSheet>([&](auto done) { m_rest->quoteSheet(QStringLiteral("005930"), this, done); });
        QVERIFY(sheet.ok());
        QCOMPARE(sheet->price, qint64(73000));
        checkShape(QStringLiteral("ka10007"), "/api/dostk/mrkcond", obj(R"({"stk_cd":"005930"})"), true);

        m_server->enqueue(QStringLiteral("ka10095"),
            Response::ok(obj(
                R"({"atn_stk_infr":[{"stk_cd":"005930","cur_prc":"+156600"},{"stk_cd":"000660","cur_prc":"-120000"}]})")));
        const auto watch = run<QList<WatchQuote>>([&](auto done) {
            m_rest->watchlistQuotes({ QStringLiteral("005930"), QStringLiteral("000660") }, this, done);
        });
        QVERIFY(watch.ok());
        QCOMPARE(watch->size(), 2);
        QCOMPARE(watch->at(1).price, qint64(120000));
        checkShape(QStringLiteral("ka10095"), "/api/dostk/stkinfo", obj(R"({"stk_cd":"005930|000660"})"), true);
    }

    void chartAndListTrs()
    {
        m_server->enqueue(QStringLiteral("ka10079"),
            Response::ok(obj(
                R"({"stk_cd":"005930","last_tic_cnt":"","stk_tic_chart_qry":[{"cur_prc":"70100","trde_qty":"10","cntr_tm":"20250908090001"}]})")));
        TickChartRequest tick { QStringLiteral("005930"), 1, true, {} };
        QVERIFY(run<ChartReply>([&](auto done) { m_rest->tickChart(tick, this, done); }).ok());
        checkShape(QStringLiteral("ka10079"), "/api/dostk/chart",
            obj(R"({"stk_cd":"005930","tic_scope":"1","upd_stkpc_tp":"1"})"), true);

        m_server->enqueue(QStringLiteral("ka10080"),
            Response::ok(obj(
                R"({"stk_cd":"005930","stk_min_pole_chart_qry":[{"cur_prc":"-78800","trde_qty":"7913","cntr_tm":"20250917132000","open_pric":"-78850","high_pric":"-78900","low_pric":"-78800"}]})")));
        MinuteChartRequest minute { QStringLiteral("005930"), 5, false, QDate(2025, 9, 17), {} };
        const auto m = run<ChartReply>([&](auto done) { m_rest->minuteChart(minute, this, done); });
        QVERIFY(m.ok());
        QCOMPARE(m->bars.first().close, qint64(78800));
        QCOMPARE(m->page.pages, 1);
        QVERIFY(!m->page.hasMore);
        checkShape(QStringLiteral("ka10080"), "/api/dostk/chart",
            obj(R"({"stk_cd":"005930","tic_scope":"5","upd_stkpc_tp":"0","base_dt":"20250917"})"), true);

        m_server->enqueue(QStringLiteral("ka10081"),
            Response::ok(obj(
                R"({"stk_cd":"005930","stk_dt_pole_chart_qry":[{"cur_prc":"70100","trde_qty":"9263135","trde_prica":"648525","dt":"20250908","open_pric":"69800","high_pric":"70500","low_pric":"69600","pred_pre":"+600","pred_pre_sig":"2","trde_tern_rt":"+0.16"}]})")));
        DailyChartRequest daily { QStringLiteral("005930"), QDate(2025, 9, 8), true, {} };
        const auto d = run<ChartReply>([&](auto done) { m_rest->dailyChart(daily, this, done); });
        QVERIFY(d.ok());
        QCOMPARE(d->bars.first().close, qint64(70100));
        checkShape(QStringLiteral("ka10081"), "/api/dostk/chart",
            obj(R"({"stk_cd":"005930","base_dt":"20250908","upd_stkpc_tp":"1"})"), true);

        m_server->enqueue(QStringLiteral("ka10099"),
            Response::ok(obj(
                R"({"list":[{"code":"005930","name":"삼성전자","listCount":"0000000123759593","lastPrice":"00000197"}]})")));
        const auto list
            = run<StockListReply>([&](auto done) { m_rest->stockList(Market::Kosdaq, Paging(), this, done); });
        QVERIFY(list.ok());
        QCOMPARE(list->stocks.first().listedShares, qint64(123759593));
        checkShape(QStringLiteral("ka10099"), "/api/dostk/stkinfo", obj(R"({"mrkt_tp":"10"})"), true);

        m_server->enqueue(QStringLiteral("ka10100"),
            Response::ok(obj(R"({"code":"005930","name":"삼성전자","lastPrice":"00070100"})")));
        const auto one
            = run<StockListing>([&](auto done) { m_rest->stockListing(QStringLiteral("005930"), this, done); });
        QVERIFY(one.ok());
        QCOMPARE(one->lastPrice, qint64(70100));
        checkShape(QStringLiteral("ka10100"), "/api/dostk/stkinfo", obj(R"({"stk_cd":"005930"})"), true);
    }

    void orderTrs()
    {
        m_server->enqueue(QStringLiteral("kt10000"),
            Response::raw(
                R"({"ord_no":"0000138","dmst_stex_tp":"KRX","return_code":0,"return_msg":"매수주문이 완료되었습니다."})"));
        OrderRequest buy { Side::Buy, Exchange::Krx, QStringLiteral("005930"), 1, 70100, TradeType::Limit, 0 };
        const auto b = run<OrderAck>([&](auto done) { m_rest->placeOrder(buy, this, done); });
        QVERIFY(b.ok());
        QCOMPARE(b->orderNo, QStringLiteral("0000138"));
        checkShape(QStringLiteral("kt10000"), "/api/dostk/ordr",
            obj(R"({"dmst_stex_tp":"KRX","stk_cd":"005930","ord_qty":"1","ord_uv":"70100","trde_tp":"0","cond_uv":""})"),
            false);

        m_server->enqueue(QStringLiteral("kt10001"),
            Response::raw(
                R"({"ord_no":"0000139","dmst_stex_tp":"KRX","return_code":0,"return_msg":"매도주문이 완료되었습니다."})"));
        OrderRequest sell { Side::Sell, Exchange::Krx, QStringLiteral("005930"), 2, 0, TradeType::Market, 0 };
        QCOMPARE(run<OrderAck>([&](auto done) { m_rest->placeOrder(sell, this, done); })->orderNo,
            QStringLiteral("0000139"));
        checkShape(QStringLiteral("kt10001"), "/api/dostk/ordr",
            obj(R"({"dmst_stex_tp":"KRX","stk_cd":"005930","ord_qty":"2","ord_uv":"","trde_tp":"3","cond_uv":""})"),
            false);

        m_server->enqueue(QStringLiteral("kt10002"),
            Response::raw(
                R"({"ord_no":"0000140","base_orig_ord_no":"0000139","mdfy_qty":"000000000001","dmst_stex_tp":"KRX","return_code":0,"return_msg":"매수정정 주문입력이 완료되었습니다"})"));
        ModifyRequest modify { Exchange::Krx, QStringLiteral("0000139"), QStringLiteral("005930"), 1, 70200, 0 };
        const auto m = run<ModifyAck>([&](auto done) { m_rest->modifyOrder(modify, this, done); });
        QVERIFY(m.ok());
        QCOMPARE(m->quantity, qint64(1));
        checkShape(QStringLiteral("kt10002"), "/api/dostk/ordr",
            obj(R"({"dmst_stex_tp":"KRX","orig_ord_no":"0000139","stk_cd":"005930","mdfy_qty":"1","mdfy_uv":"70200","mdfy_cond_uv":""})"),
            false);

        m_server->enqueue(QStringLiteral("kt10003"),
            Response::raw(
                R"({"ord_no":"0000141","base_orig_ord_no":"0000139","cncl_qty":"000000000001","return_code":0,"return_msg":"매수취소 주문입력이 완료되었습니다"})"));
        CancelRequest cancel { Exchange::Krx, QStringLiteral("0000140"), QStringLiteral("005930"), 0 };
        const auto c = run<CancelAck>([&](auto done) { m_rest->cancelOrder(cancel, this, done); });
        QVERIFY(c.ok());
        QCOMPARE(c->baseOrigOrderNo, QStringLiteral("0000139"));
        checkShape(QStringLiteral("kt10003"), "/api/dostk/ordr",
            obj(R"({"dmst_stex_tp":"KRX","orig_ord_no":"0000140","stk_cd":"005930","cncl_qty":"0"})"), false);
    }

    void accountTrs()
    {
        m_server->enqueue(QStringLiteral("ka00001"), Response::ok(obj(R"({"acctNo":"0123456789"})")));
        QCOMPARE(run<AccountNumber>([&](auto done) { m_rest->accountNumber(this, done); })->accountNo,
            QStringLiteral("0123456789"));
        checkShape(QStringLiteral("ka00001"), "/api/dostk/acnt", QJsonObject(), true);

        m_server->enqueue(QStringLiteral("kt00001"),
            Response::ok(
                obj(R"({"entr":"000000000017534","ord_alow_amt":"000000000017534","d2_entra":"000000000012550"})")));
        const auto d = run<Deposit>([&](auto done) { m_rest->deposit(DepositRequest { true }, this, done); });
        QCOMPARE(d->deposit, qint64(17534));
        checkShape(QStringLiteral("kt00001"), "/api/dostk/acnt", obj(R"({"qry_tp":"3"})"), true);

        m_server->enqueue(QStringLiteral("kt00004"),
            Response::ok(obj(
                R"({"entr":"000000017534","stk_acnt_evlt_prst":[{"stk_cd":"A005930","rmnd_qty":"000000000003","pl_amt":"-00000163958","pl_rt":"-43.8977"}]})")));
        const auto ev = run<AccountEvaluation>(
            [&](auto done) { m_rest->accountEvaluation(AccountEvaluationRequest(), this, done); });
        QVERIFY(ev.ok());
        QCOMPARE(ev->stocks.first().pnl, qint64(-163958));
        checkShape(QStringLiteral("kt00004"), "/api/dostk/acnt", obj(R"({"qry_tp":"0","dmst_stex_tp":"KRX"})"), true);

        m_server->enqueue(QStringLiteral("kt00018"),
            Response::ok(obj(
                R"({"tot_pur_amt":"000000017598258","tot_evlt_amt":"000000025789890","acnt_evlt_remn_indv_tot":[{"stk_cd":"A005930","rmnd_qty":"000000000000003","cur_prc":"000000059000","evltv_prft":"-00000000196888"}]})")));
        const auto h = run<Holdings>([&](auto done) { m_rest->holdings(HoldingsRequest(), this, done); });
        QVERIFY(h.ok());
        QCOMPARE(h->holdings.first().pnl, qint64(-196888));
        checkShape(QStringLiteral("kt00018"), "/api/dostk/acnt", obj(R"({"qry_tp":"1","dmst_stex_tp":"KRX"})"), true);

        m_server->enqueue(QStringLiteral("ka10075"),
            Response::ok(obj(
                R"({"oso":[{"ord_no":"0000069","stk_cd":"005930","ord_qty":"1","oso_qty":"1","io_tp_nm":"+매수","tm":"154113"}]})")));
        const auto open = run<OpenOrders>([&](auto done) { m_rest->openOrders(OpenOrdersRequest(), this, done); });
        QVERIFY(open.ok());
        QCOMPARE(open->orders.first().orderNo, QStringLiteral("0000069"));
        checkShape(QStringLiteral("ka10075"), "/api/dostk/acnt",
            obj(R"({"all_stk_tp":"0","trde_tp":"0","stk_cd":"","stex_tp":"0"})"), true);

        m_server->enqueue(QStringLiteral("ka10076"),
            Response::ok(
                obj(R"({"cntr":[{"ord_no":"0000037","stk_cd":"A005930","cntr_pric":"158200","cntr_qty":"1"}]})")));
        FillsRequest fr;
        fr.code = QStringLiteral("005930");
        const auto fills = run<Fills>([&](auto done) { m_rest->fills(fr, this, done); });
        QVERIFY(fills.ok());
        QCOMPARE(fills->fills.first().fillPrice, qint64(158200));
        checkShape(QStringLiteral("ka10076"), "/api/dostk/acnt",
            obj(R"({"stk_cd":"005930","qry_tp":"1","sell_tp":"0","ord_no":"","stex_tp":"0"})"), true);

        m_server->enqueue(QStringLiteral("ka10074"),
            Response::ok(obj(R"({"rlzt_pl":"179419","dt_rlzt_pl":[{"dt":"20241128","tdy_sel_pl":"179419"}]})")));
        RealizedPnlRequest pr { QDate(2024, 11, 28), QDate(2024, 11, 28), {} };
        QCOMPARE(run<RealizedPnl>([&](auto done) { m_rest->realizedPnl(pr, this, done); })->pnl, qint64(179419));
        checkShape(
            QStringLiteral("ka10074"), "/api/dostk/acnt", obj(R"({"strt_dt":"20241128","end_dt":"20241128"})"), true);

        m_server->enqueue(QStringLiteral("ka10077"),
            Response::ok(obj(
                R"({"tdy_rlzt_pl":"179439","tdy_rlzt_pl_dtl":[{"stk_cd":"A005930","buy_uv":"97602.9573459","cntr_pric":"158200"}]})")));
        const auto today = run<TodayRealized>(
            [&](auto done) { m_rest->todayRealized(QStringLiteral("005930"), Paging(), this, done); });
        QCOMPARE(today->rows.first().buyPrice, 97602.9573459);
        checkShape(QStringLiteral("ka10077"), "/api/dostk/acnt", obj(R"({"stk_cd":"005930"})"), true);
    }

    void pagingStopsAtTheLimit()
    {
        // The server always has more: pages p1..p5.
        m_server->setHandler(QStringLiteral("ka10081"), [](const KiwoomFakeServer::Request &r) {
            const QByteArray key = r.header("cont-yn") == "Y" ? r.header("next-key") : QByteArray("p1");
            const int n = key.mid(1).toInt();
            const QByteArray row = R"({"cur_prc":"100","trde_qty":"1","dt":"202509)" + QByteArray::number(10 + n)
                + R"(","open_pric":"100","high_pric":"100","low_pric":"100"})";
            return Response::ok(obj("{\"stk_dt_pole_chart_qry\":[" + row + "]}"))
                .withPage("Y", "p" + QByteArray::number(n + 1));
        });
        DailyChartRequest req { QStringLiteral("005930"), QDate(2025, 9, 30), true, Paging { 3, QString() } };
        const auto r = run<ChartReply>([&](auto done) { m_rest->dailyChart(req, this, done); });
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().describe()));
        const auto requests = m_server->requests(QStringLiteral("ka10081"));
        QCOMPARE(requests.size(), 3);
        QCOMPARE(r->bars.size(), 3);
        QCOMPARE(r->bars.at(0).date, QDate(2025, 9, 11));
        QCOMPARE(r->bars.at(2).date, QDate(2025, 9, 13));
        QCOMPARE(r->page.pages, 3);
        QVERIFY(r->page.hasMore);
        QCOMPARE(r->page.nextKey, QStringLiteral("p4"));
        // The same body every page; cont-yn/next-key from the previous response.
        for (const auto &q : requests)
            QCOMPARE(q.json, requests.first().json);
        QCOMPARE(requests[0].header("cont-yn"), QByteArray("N"));
        QCOMPARE(requests[1].header("cont-yn"), QByteArray("Y"));
        QCOMPARE(requests[1].header("next-key"), QByteArray("p2"));
        QCOMPARE(requests[2].header("next-key"), QByteArray("p3"));

        // Resume where it stopped.
        m_server->clearRequests();
        req.paging = Paging { 2, r->page.nextKey };
        const auto more = run<ChartReply>([&](auto done) { m_rest->dailyChart(req, this, done); });
        QVERIFY(more.ok());
        QCOMPARE(more->bars.first().date, QDate(2025, 9, 14));
        const auto resumed = m_server->requests(QStringLiteral("ka10081"));
        QCOMPARE(resumed.size(), 2);
        QCOMPARE(resumed[0].header("cont-yn"), QByteArray("Y"));
        QCOMPARE(resumed[0].header("next-key"), QByteArray("p4"));
    }

    void pagingEndsWhenTheServerSaysSo()
    {
        m_server->enqueue(QStringLiteral("kt00018"),
            Response::ok(
                obj(R"({"tot_pur_amt":"1","tot_evlt_amt":"2","acnt_evlt_remn_indv_tot":[{"stk_cd":"A005930","rmnd_qty":"1","cur_prc":"1"}]})"))
                .withPage("Y", "k2"));
        m_server->enqueue(QStringLiteral("kt00018"),
            Response::ok(
                obj(R"({"tot_pur_amt":"1","tot_evlt_amt":"2","acnt_evlt_remn_indv_tot":[{"stk_cd":"A000660","rmnd_qty":"2","cur_prc":"1"}]})"))
                .withPage("N", ""));
        HoldingsRequest req;
        req.paging.maxPages = 10;
        const auto r = run<Holdings>([&](auto done) { m_rest->holdings(req, this, done); });
        QVERIFY(r.ok());
        QCOMPARE(r->holdings.size(), 2);
        QCOMPARE(r->holdings.at(1).code, QStringLiteral("000660"));
        QCOMPARE(r->page.pages, 2);
        QVERIFY(!r->page.hasMore);
        QCOMPARE(m_server->requests(QStringLiteral("kt00018")).size(), 2);
    }

    void continuationWithoutKeyIsAnError()
    {
        m_server->enqueue(QStringLiteral("ka10075"), Response::ok(obj(R"({"oso":[]})")).withPage("Y", ""));
        OpenOrdersRequest req;
        req.paging.maxPages = 5;
        const auto r = run<OpenOrders>([&](auto done) { m_rest->openOrders(req, this, done); });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Kind::Parse);
        QCOMPARE(m_server->requests(QStringLiteral("ka10075")).size(), 1);
    }

    void expiredTokenIsReissuedOnceThenRetried()
    {
        // First call issues token 1.
        QVERIFY(run<StockInfo>([&](auto done) {
            m_server->setHandler(QStringLiteral("ka10001"),
                [](const auto &) { return Response::ok(obj(R"({"stk_cd":"005930","cur_prc":"100"})")); });
            m_rest->stockInfo(QStringLiteral("005930"), this, done);
        }).ok());
        QCOMPARE(m_server->issuedTokens().size(), 1);
        // The server forgets it (expiry mid-run): HTTP 200 + return_code 3 + [8005:...].
        m_server->invalidateAllTokens();
        const auto r = run<StockInfo>([&](auto done) { m_rest->stockInfo(QStringLiteral("005930"), this, done); });
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().describe()));
        QCOMPARE(m_server->issuedTokens().size(), 2);
        const auto requests = m_server->requests(QStringLiteral("ka10001"));
        QCOMPARE(requests.size(), 3);
        QCOMPARE(requests[1].header("authorization"), "Bearer " + m_server->issuedTokens().at(0).toLatin1());
        QCOMPARE(requests[2].header("authorization"), "Bearer " + m_server->issuedTokens().at(1).toLatin1());
    }

    void secondTokenRejectionIsAnErrorNotALoop_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("code");
        QTest::newRow("[8005:...] on HTTP 200")
            << 200
            << QByteArray(R"({"return_code":3,"return_msg":"인증에 실패했습니다[8005:Token이 유효하지 않습니다]"})")
            << 8005;
        QTest::newRow("return_code 8005 directly")
            << 200 << QByteArray(R"({"return_code":8005,"return_msg":"Token이 유효하지 않습니다"})") << 8005;
        QTest::newRow("[CODE=8031, MESSAGE=...]")
            << 200 << QByteArray(R"({"return_code":3,"return_msg":"[CODE=8031, MESSAGE=토큰 환경 불일치]"})") << 8031;
        QTest::newRow("[8103:...]")
            << 200
            << QByteArray(R"({"return_code":3,"return_msg":"인증에 실패했습니다[8103:토큰 또는 단말기 인증 실패]"})")
            << 8103;
        QTest::newRow("HTTP 401") << 401 << QByteArray("{}") << 0;
    }
    void secondTokenRejectionIsAnErrorNotALoop()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, code);
        m_server->enqueue(QStringLiteral("ka10001"), Response::raw(body, status));
        m_server->enqueue(QStringLiteral("ka10001"), Response::raw(body, status));
        m_server->enqueue(QStringLiteral("ka10001"), Response::ok(obj(R"({"stk_cd":"005930","cur_prc":"100"})")));
        const auto r = run<StockInfo>([&](auto done) { m_rest->stockInfo(QStringLiteral("005930"), this, done); });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Kind::Auth);
        QCOMPARE(r.error().code, code);
        if (status == 401)
            QCOMPARE(r.error().httpStatus, 401);
        QCOMPARE(m_server->requests(QStringLiteral("ka10001")).size(), 2); // original + one retry
        QCOMPARE(m_server->issuedTokens().size(), 2); // initial + one re-issue
    }

    void authFailureOnAnOrderIsRetriedOnce()
    {
        // A token rejection happens before execution: re-issuing and resending is safe.
        m_server->enqueue(QStringLiteral("kt10000"),
            Response::error(3, QStringLiteral("인증에 실패했습니다[8005:Token이 유효하지 않습니다]")));
        m_server->enqueue(
            QStringLiteral("kt10000"), Response::raw(R"({"ord_no":"0000200","return_code":0,"return_msg":"ok"})"));
        OrderRequest buy { Side::Buy, Exchange::Krx, QStringLiteral("005930"), 1, 70100, TradeType::Limit, 0 };
        const auto r = run<OrderAck>([&](auto done) { m_rest->placeOrder(buy, this, done); });
        QVERIFY(r.ok());
        QCOMPARE(r->orderNo, QStringLiteral("0000200"));
        QCOMPARE(m_server->requests(QStringLiteral("kt10000")).size(), 2);
    }

    void rateLimitIsRetriedForQueries_data()
    {
        QTest::addColumn<QByteArray>("msg");
        QTest::addColumn<int>("code");
        QTest::newRow("1700 per api-id") << QByteArray(
            "허용된 요청 개수를 초과하였습니다[1700:허용된 요청 개수를 초과하였습니다. 유량=5, API ID=ka10080]")
                                         << 1700;
        QTest::newRow("1701 total") << QByteArray("허용된 요청 개수를 초과하였습니다[1701:전체 요청 한도 초과]")
                                    << 1701;
        QTest::newRow("1702 group") << QByteArray("허용된 요청 개수를 초과하였습니다[1702:그룹 요청 한도 초과]")
                                    << 1702;
    }
    void rateLimitIsRetriedForQueries()
    {
        QFETCH(QByteArray, msg);
        QFETCH(int, code);
        m_server->enqueue(QStringLiteral("ka10080"), Response::error(5, QString::fromUtf8(msg), 429));
        m_server->enqueue(QStringLiteral("ka10080"), Response::ok(obj(R"({"stk_min_pole_chart_qry":[]})")));
        MinuteChartRequest req { QStringLiteral("005930"), 1, true, QDate(), {} };
        const auto r = run<ChartReply>([&](auto done) { m_rest->minuteChart(req, this, done); });
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().describe()));
        QCOMPARE(m_server->requests(QStringLiteral("ka10080")).size(), 2);
        QCOMPARE(m_limiter->budget().rateLimitedReplies, quint64(1));
        Q_UNUSED(code);
    }

    void rateLimitOnAnOrderIsReturnedNotResent()
    {
        m_server->enqueue(QStringLiteral("kt10001"),
            Response::error(5,
                QStringLiteral("허용된 요청 개수를 초과하였습니다[1700:허용된 요청 개수를 초과하였습니다. 유량=5, API "
                               "ID=kt10001]"),
                429));
        OrderRequest sell { Side::Sell, Exchange::Krx, QStringLiteral("005930"), 1, 70100, TradeType::Limit, 0 };
        const auto r = run<OrderAck>([&](auto done) { m_rest->placeOrder(sell, this, done); });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Kind::RateLimited);
        QCOMPARE(r.error().code, 1700);
        QCOMPARE(r.error().httpStatus, 429);
        QCOMPARE(r.error().returnCode, 5);
        QVERIFY(r.error().isDefinite()); // refused before execution: the order manager may retry
        QVERIFY(r.error().retryable());
        QCOMPARE(m_server->requests(QStringLiteral("kt10001")).size(), 1);
    }

    void batchLimitIsNotRetried_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("HTTP 429") << 429;
        QTest::newRow("HTTP 200") << 200;
    }
    void batchLimitIsNotRetried()
    {
        QFETCH(int, status);
        m_server->enqueue(QStringLiteral("ka10095"),
            Response::error(5,
                QStringLiteral("허용된 요청 개수를 초과하였습니다[1634:한번에 조회 가능한 종목수를 초과하였습니다]"),
                status));
        const auto r = run<QList<WatchQuote>>(
            [&](auto done) { m_rest->watchlistQuotes({ QStringLiteral("005930") }, this, done); });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Kind::Api);
        QCOMPARE(r.error().code, 1634);
        QVERIFY(!r.error().retryable());
        QCOMPARE(m_server->requests(QStringLiteral("ka10095")).size(), 1);
        QCOMPARE(r.error().toError().code, QStringLiteral("kiwoom.1634"));
    }

    void notServedOnMockIsAnApiErrorNotAuth_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("code");
        QTest::newRow("8104") << QStringLiteral("입력 값 오류입니다[8104:모의투자에서 지원하지 않는 API 입니다.]")
                              << 8104;
        QTest::newRow("8200") << QStringLiteral("입력 값 오류입니다[8200:법인 고객은 이용할 수 없습니다]") << 8200;
    }
    void notServedOnMockIsAnApiErrorNotAuth()
    {
        // The request is refused, not the credentials: no token re-issue, no Auth.
        QFETCH(QString, message);
        QFETCH(int, code);
        m_server->enqueue(QStringLiteral("ka10001"), Response::error(2, message));
        const auto r = run<StockInfo>([&](auto done) { m_rest->stockInfo(QStringLiteral("005930"), this, done); });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Kind::Api);
        QCOMPARE(r.error().code, code);
        QCOMPARE(m_server->requests(QStringLiteral("ka10001")).size(), 1);
        QCOMPARE(
            Kiwoom::classifyEnvelope(QStringLiteral("x"), 200, 2, QStringLiteral("[8005:Token이 유효하지 않습니다]"))
                .kind,
            Kind::Auth);
        QCOMPARE(Kiwoom::classifyEnvelope(QStringLiteral("x"), 200, 3, QStringLiteral("[8001:App Key 검증 실패]")).kind,
            Kind::Auth);
    }

    void orderRejection()
    {
        m_server->enqueue(
            QStringLiteral("kt10000"), Response::error(20, QStringLiteral("[2000](RC4025:주문가능금액이 부족합니다)")));
        OrderRequest buy { Side::Buy, Exchange::Krx, QStringLiteral("005930"), 100, 70100, TradeType::Limit, 0 };
        const auto r = run<OrderAck>([&](auto done) { m_rest->placeOrder(buy, this, done); });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Kind::Rejected);
        QCOMPARE(r.error().returnCode, 20);
        QCOMPARE(r.error().code, 2000);
        QVERIFY(r.error().isDefinite());
        QVERIFY(!r.error().retryable());
        QCOMPARE(m_server->requests(QStringLiteral("kt10000")).size(), 1);
    }

    void otherReturnCodesAreNotRetried()
    {
        m_server->enqueue(QStringLiteral("ka10001"),
            Response::error(2, QStringLiteral("입력 값 오류입니다[1511:필수입력 파라미터=stk_cd]")));
        const auto r = run<StockInfo>([&](auto done) { m_rest->stockInfo(QStringLiteral("005930"), this, done); });
        QCOMPARE(r.error().kind, Kind::Api);
        QCOMPARE(r.error().code, 1511);
        QCOMPARE(r.error().returnCode, 2);
        QCOMPARE(m_server->requests(QStringLiteral("ka10001")).size(), 1);
    }

    void serverErrorRetriedForQueriesWithinBounds()
    {
        m_server->enqueue(QStringLiteral("ka10001"), Response::raw("oops", 500));
        m_server->enqueue(QStringLiteral("ka10001"), Response::raw("{}", 503));
        m_server->enqueue(QStringLiteral("ka10001"), Response::ok(obj(R"({"stk_cd":"005930","cur_prc":"100"})")));
        QVERIFY(run<StockInfo>([&](auto done) { m_rest->stockInfo(QStringLiteral("005930"), this, done); }).ok());
        QCOMPARE(m_server->requests(QStringLiteral("ka10001")).size(), 3);

        m_server->clearRequests();
        for (int i = 0; i < 6; ++i)
            m_server->enqueue(QStringLiteral("ka10004"), Response::raw("{}", 500));
        const auto r = run<OrderBook>([&](auto done) { m_rest->orderBook(QStringLiteral("005930"), this, done); });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Kind::Http);
        QCOMPARE(r.error().httpStatus, 500);
        QCOMPARE(m_server->requests(QStringLiteral("ka10004")).size(), 4); // 1 + maxRetries 3
    }

    void serverErrorOnAnOrderIsOutcomeUnknown()
    {
        m_server->enqueue(QStringLiteral("kt10000"), Response::raw("{}", 500));
        m_server->enqueue(QStringLiteral("kt10000"), Response::raw(R"({"ord_no":"0000300","return_code":0})"));
        OrderRequest buy { Side::Buy, Exchange::Krx, QStringLiteral("005930"), 1, 70100, TradeType::Limit, 0 };
        const auto r = run<OrderAck>([&](auto done) { m_rest->placeOrder(buy, this, done); });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Kind::OutcomeUnknown);
        QVERIFY(!r.error().isDefinite());
        QVERIFY(!r.error().retryable());
        QCOMPARE(r.error().toError().code, QStringLiteral("kiwoom.outcome_unknown"));
        QTest::qWait(100);
        QCOMPARE(m_server->requests(QStringLiteral("kt10000")).size(), 1); // never resent
    }

    // A success status other than 200 (a gateway's 201/202/204, a redirect) says the order may have
    // been taken: reporting it as a definite failure invites a second order. A 4xx is a refusal.
    void unexpectedStatusOnAnOrder_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("unknown");
        QTest::newRow("202 with an ack") << 202 << QByteArray(R"({"ord_no":"0000300","return_code":0})") << true;
        QTest::newRow("201 without a body") << 201 << QByteArray() << true;
        QTest::newRow("204") << 204 << QByteArray() << true;
        QTest::newRow("302") << 302 << QByteArray() << true;
        QTest::newRow("400") << 400 << QByteArray("bad request") << false;
        QTest::newRow("403") << 403 << QByteArray() << false;
        QTest::newRow("202 refused by return_code 20")
            << 202 << QByteArray(R"x({"return_code":20,"return_msg":"[2000](RC4025:주문가능금액이 부족합니다)"})x")
            << false;
    }
    void unexpectedStatusOnAnOrder()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(bool, unknown);
        m_server->enqueue(QStringLiteral("kt10000"), Response::raw(body, status));
        OrderRequest buy { Side::Buy, Exchange::Krx, QStringLiteral("005930"), 1, 70100, TradeType::Limit, 0 };
        const auto r = run<OrderAck>([&](auto done) { m_rest->placeOrder(buy, this, done); });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().isDefinite(), !unknown);
        if (unknown)
            QCOMPARE(r.error().kind, Kind::OutcomeUnknown);
        QCOMPARE(r.error().httpStatus, status);
        QTest::qWait(50);
        QCOMPARE(m_server->requests(QStringLiteral("kt10000")).size(), 1);

        // Queries keep reporting an unexpected status as an HTTP error.
        m_server->enqueue(QStringLiteral("ka10001"), Response::raw(body, status));
        const auto q = run<StockInfo>([&](auto done) { m_rest->stockInfo(QStringLiteral("005930"), this, done); });
        QVERIFY(!q.ok());
        QVERIFY(q.error().kind != Kind::OutcomeUnknown);
    }

    void timeouts()
    {
        RestClient::Config config = m_rest->config();
        config.maxRetries = 1;
        m_rest->setConfig(config);
        m_server->enqueue(QStringLiteral("ka10001"), Response::hang());
        m_server->enqueue(QStringLiteral("ka10001"), Response::hang());
        const auto q = run<StockInfo>([&](auto done) { m_rest->stockInfo(QStringLiteral("005930"), this, done); });
        QVERIFY(!q.ok());
        QCOMPARE(q.error().kind, Kind::Timeout);
        QCOMPARE(m_server->requests(QStringLiteral("ka10001")).size(), 2);

        m_server->enqueue(QStringLiteral("kt10001"), Response::hang());
        OrderRequest sell { Side::Sell, Exchange::Krx, QStringLiteral("005930"), 1, 70100, TradeType::Limit, 0 };
        const auto o = run<OrderAck>([&](auto done) { m_rest->placeOrder(sell, this, done); });
        QVERIFY(!o.ok());
        QCOMPARE(o.error().kind, Kind::OutcomeUnknown);
        QVERIFY(o.error().message.contains(QStringLiteral("may or may not")));
        QTest::qWait(100);
        QCOMPARE(m_server->requests(QStringLiteral("kt10001")).size(), 1);
    }

    void connectionDroppedAfterSendingAnOrder()
    {
        m_server->setHandler(QStringLiteral("kt10000"), [](const auto &) { return Response::close(); });
        OrderRequest buy { Side::Buy, Exchange::Krx, QStringLiteral("005930"), 1, 70100, TradeType::Limit, 0 };
        const auto r = run<OrderAck>([&](auto done) { m_rest->placeOrder(buy, this, done); });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Kind::OutcomeUnknown);
        // Exactly once on the wire: QNetworkAccessManager would have resent the POST on this
        // connection loss; orders bypass it.
        QTest::qWait(200);
        QCOMPARE(m_server->requests(QStringLiteral("kt10000")).size(), 1);
        QCOMPARE(m_server->requests(QStringLiteral("kt10000")).first().header("connection"), QByteArray("close"));
    }

    void connectionRefused()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const quint16 port = closed.serverPort();
        closed.close();
        // Token endpoint works; the REST base for TRs points at a closed port.
        m_rest.reset();
        QVERIFY(run<QString>([&](auto done) { m_tokens->withToken(this, done); }).ok());
        m_rest = std::make_unique<RestClient>(*m_network, QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)),
            *m_tokens, *m_limiter, SystemClock::instance());
        RestClient::Config config;
        config.retryBaseDelayMs = 5;
        m_rest->setConfig(config);
        OrderRequest buy { Side::Buy, Exchange::Krx, QStringLiteral("005930"), 1, 70100, TradeType::Limit, 0 };
        const auto o = run<OrderAck>([&](auto done) { m_rest->placeOrder(buy, this, done); });
        QVERIFY(!o.ok());
        QCOMPARE(o.error().kind, Kind::Transport); // never reached a server: definite
        QVERIFY(o.error().isDefinite());
        const auto q = run<StockInfo>([&](auto done) { m_rest->stockInfo(QStringLiteral("005930"), this, done); });
        QCOMPARE(q.error().kind, Kind::Transport);
    }

    void malformedBodies()
    {
        m_server->enqueue(
            QStringLiteral("ka10001"), Response::raw(R"({"stk_cd":"005930","cur_prc":"100","return_code":0)"));
        const auto a = run<StockInfo>([&](auto done) { m_rest->stockInfo(QStringLiteral("005930"), this, done); });
        QCOMPARE(a.error().kind, Kind::Parse);
        QVERIFY(a.error().message.startsWith(QStringLiteral("ka10001: reply is not JSON")));
        QCOMPARE(m_server->requests(QStringLiteral("ka10001")).size(), 1); // not retried

        m_server->enqueue(QStringLiteral("ka10001"), Response::raw(R"({"stk_cd":"005930","cur_prc":"100"})"));
        QCOMPARE(
            run<StockInfo>([&](auto done) { m_rest->stockInfo(QStringLiteral("005930"), this, done); }).error().message,
            QStringLiteral("ka10001.return_code: missing or not an integer"));

        // An integer beyond int is not a return code (QJsonValue::toInt() would make it 0: success).
        for (const QByteArray &code : { QByteArray("4294967296"), QByteArray("1e10"), QByteArray("-4294967296") }) {
            m_server->enqueue(QStringLiteral("ka10001"),
                Response::raw(R"({"stk_cd":"005930","cur_prc":"100","return_code":)" + code + "}"));
            const auto r = run<StockInfo>([&](auto done) { m_rest->stockInfo(QStringLiteral("005930"), this, done); });
            QVERIFY2(!r.ok(), code.constData());
            QCOMPARE(r.error().kind, Kind::Parse);
        }
        OrderRequest buy { Side::Buy, Exchange::Krx, QStringLiteral("005930"), 1, 70100, TradeType::Limit, 0 };
        m_server->enqueue(QStringLiteral("kt10000"), Response::raw(R"({"ord_no":"0000200","return_code":4294967296})"));
        QCOMPARE(
            run<OrderAck>([&](auto done) { m_rest->placeOrder(buy, this, done); }).error().kind, Kind::OutcomeUnknown);

        m_server->enqueue(
            QStringLiteral("ka10001"), Response::raw(R"({"stk_cd":"005930","cur_prc":70100,"return_code":0})"));
        const auto b = run<StockInfo>([&](auto done) { m_rest->stockInfo(QStringLiteral("005930"), this, done); });
        QCOMPARE(b.error().kind, Kind::Parse);
        QCOMPARE(b.error().message, QStringLiteral("ka10001.cur_prc: expected a string, got number"));

        m_server->enqueue(QStringLiteral("ka10001"), Response::raw(R"([1,2,3])"));
        QCOMPARE(
            run<StockInfo>([&](auto done) { m_rest->stockInfo(QStringLiteral("005930"), this, done); }).error().kind,
            Kind::Parse);
    }

    void unreadableOrderRepliesAreOutcomeUnknown()
    {
        OrderRequest buy { Side::Buy, Exchange::Krx, QStringLiteral("005930"), 1, 70100, TradeType::Limit, 0 };
        m_server->enqueue(QStringLiteral("kt10000"), Response::raw("<html>gateway</html>"));
        QCOMPARE(
            run<OrderAck>([&](auto done) { m_rest->placeOrder(buy, this, done); }).error().kind, Kind::OutcomeUnknown);
        m_server->enqueue(
            QStringLiteral("kt10000"), Response::raw(R"({"return_code":0,"return_msg":"매수주문이 완료되었습니다."})"));
        const auto r = run<OrderAck>([&](auto done) { m_rest->placeOrder(buy, this, done); });
        QCOMPARE(r.error().kind, Kind::OutcomeUnknown);
        QVERIFY(r.error().message.contains(QStringLiteral("ord_no")));
        QCOMPARE(m_server->requests(QStringLiteral("kt10000")).size(), 2);
    }

    void invalidRequestsAreNotSent()
    {
        OrderRequest bad { Side::Buy, Exchange::Krx, QStringLiteral("005930"), 0, 70100, TradeType::Limit, 0 };
        RestClient::RequestId id = 1;
        const auto r = run<OrderAck>([&](auto done) { id = m_rest->placeOrder(bad, this, done); });
        QCOMPARE(id, RestClient::RequestId(0));
        QCOMPARE(r.error().kind, Kind::Invalid);
        QVERIFY(m_server->requests(QStringLiteral("kt10000")).isEmpty());
        QCOMPARE(
            run<StockInfo>([&](auto done) { m_rest->stockInfo(QStringLiteral("12345"), this, done); }).error().kind,
            Kind::Invalid);
    }

    // Without credentials the token issue fails before any request; a call waiting for the token
    // must get that failure, not wait forever (the first call of a session used to hang).
    void missingCredentialsFailTheCallInsteadOfHanging()
    {
        m_rest.reset();
        const KiwoomEndpoints endpoints { m_server->restUrl(), m_server->wsUrl() };
        m_tokens = std::make_unique<TokenManager>(*m_network, endpoints, Credentials(), SystemClock::instance());
        m_rest = std::make_unique<RestClient>(
            *m_network, m_server->restUrl(), *m_tokens, *m_limiter, SystemClock::instance());
        const auto q
            = run<StockInfo>([&](auto done) { m_rest->stockInfo(QStringLiteral("005930"), this, done); }, 2000);
        QVERIFY(!q.ok());
        QCOMPARE(q.error().kind, Kind::Invalid);
        OrderRequest buy { Side::Buy, Exchange::Krx, QStringLiteral("005930"), 1, 70100, TradeType::Limit, 0 };
        const auto o = run<OrderAck>([&](auto done) { m_rest->placeOrder(buy, this, done); }, 2000);
        QVERIFY(!o.ok());
        QCOMPARE(o.error().kind, Kind::Invalid);
        QVERIFY(o.error().isDefinite());
        QCOMPARE(m_rest->pendingCount(), 0);
        QVERIFY(m_server->requests(QStringLiteral("kt10000")).isEmpty());
        QVERIFY(m_server->issuedTokens().isEmpty());
    }

    void cancelAndContext()
    {
        m_server->enqueue(
            QStringLiteral("ka10001"), Response::ok(obj(R"({"stk_cd":"005930","cur_prc":"100"})")).after(200));
        auto context = std::make_unique<QObject>();
        bool called = false;
        m_rest->stockInfo(QStringLiteral("005930"), context.get(), [&](const auto &) { called = true; });
        context.reset();
        QTRY_COMPARE(m_server->requests(QStringLiteral("ka10001")).size(), 1);
        QTRY_COMPARE(m_rest->pendingCount(), 0);
        QVERIFY(!called);

        m_server->enqueue(QStringLiteral("ka10004"), Response::hang());
        std::optional<KiwoomResult<OrderBook>> result;
        const auto id = m_rest->orderBook(QStringLiteral("005930"), this, [&](const auto &r) { result = r; });
        QTRY_COMPARE(m_server->requests(QStringLiteral("ka10004")).size(), 1);
        QVERIFY(m_rest->cancel(id));
        QTRY_VERIFY(result.has_value());
        QCOMPARE(result->error().kind, Kind::Cancelled);
        QCOMPARE(m_rest->pendingCount(), 0);
    }

    // ---- orders in flight (issue 8: quitting with an order on the wire) ----

    void ordersInFlightCountsOrdersOnTheWire()
    {
        RestClient::Config config = m_rest->config();
        config.timeoutMs = 5000;
        m_rest->setConfig(config);
        QSignalSpy changes(m_rest.get(), &RestClient::ordersInFlightChanged);
        m_server->enqueue(QStringLiteral("kt10000"),
            Response::ok(
                obj(R"({"ord_no":"0000101","dmst_stex_tp":"KRX"})"), QStringLiteral("매수주문이 완료되었습니다."))
                .after(300));
        m_server->enqueue(QStringLiteral("ka10001"),
            Response::ok(obj(R"({"stk_cd":"005930","cur_prc":"100"})")).after(100)); // a query is no order
        OrderRequest buy { Side::Buy, Exchange::Krx, QStringLiteral("005930"), 1, 70100, TradeType::Limit, 0 };
        std::optional<KiwoomResult<OrderAck>> ack;
        int countWhenCalledBack = -1;
        m_rest->placeOrder(buy, this, [&](const KiwoomResult<OrderAck> &r) {
            ack = r;
            countWhenCalledBack = m_rest->ordersInFlight();
        });
        bool quoted = false;
        m_rest->stockInfo(QStringLiteral("005930"), this, [&](const auto &) { quoted = true; });
        QCOMPARE(m_rest->ordersInFlight(), 0); // queued (waiting for the token), not on the wire
        QTRY_COMPARE(m_rest->ordersInFlight(), 1);
        QTRY_VERIFY(quoted);
        QCOMPARE(m_rest->ordersInFlight(), 1);
        // The 0 comes after the callback: whoever waits for it knows every outcome was delivered.
        bool calledBeforeZero = false;
        connect(m_rest.get(), &RestClient::ordersInFlightChanged, this, [&](int count) {
            if (count == 0)
                calledBeforeZero = ack.has_value();
        });
        QTRY_COMPARE(m_rest->ordersInFlight(), 0);
        QVERIFY(ack.has_value() && ack->ok());
        QCOMPARE(ack->value().orderNo, QStringLiteral("0000101"));
        QCOMPARE(countWhenCalledBack, 0);
        QVERIFY(calledBeforeZero);
        QCOMPARE(changes.size(), 2);
        QCOMPARE(changes.at(0).at(0).toInt(), 1);
        QCOMPARE(changes.at(1).at(0).toInt(), 0);
    }

    void cancelAllLeavesAnOrderOnTheWireToFinish()
    {
        RestClient::Config config = m_rest->config();
        config.timeoutMs = 5000;
        m_rest->setConfig(config);
        m_server->enqueue(QStringLiteral("kt10001"),
            Response::ok(
                obj(R"({"ord_no":"0000102","dmst_stex_tp":"KRX"})"), QStringLiteral("매도주문이 완료되었습니다."))
                .after(300));
        OrderRequest sell { Side::Sell, Exchange::Krx, QStringLiteral("005930"), 1, 70100, TradeType::Limit, 0 };
        std::optional<KiwoomResult<OrderAck>> ack;
        const auto id = m_rest->placeOrder(sell, this, [&](const KiwoomResult<OrderAck> &r) { ack = r; });
        QTRY_COMPARE(m_rest->ordersInFlight(), 1);
        QVERIFY(!m_rest->cancel(id));
        m_rest->cancelAll();
        QTRY_VERIFY(ack.has_value());
        QVERIFY2(ack->ok(), describeError(*ack));
        QCOMPARE(m_rest->ordersInFlight(), 0);
    }

    void abandonedOrdersCompleteAsOutcomeUnknown()
    {
        m_server->enqueue(QStringLiteral("kt10000"), Response::hang());
        OrderRequest buy { Side::Buy, Exchange::Krx, QStringLiteral("005930"), 1, 70100, TradeType::Limit, 0 };
        std::optional<KiwoomResult<OrderAck>> ack;
        m_rest->placeOrder(buy, this, [&](const KiwoomResult<OrderAck> &r) { ack = r; });
        QTRY_COMPARE(m_rest->ordersInFlight(), 1);
        QSignalSpy changes(m_rest.get(), &RestClient::ordersInFlightChanged);
        QCOMPARE(m_rest->abandonOrdersInFlight(QStringLiteral("the test stopped")), 1);
        QVERIFY(ack.has_value()); // before abandonOrdersInFlight() returned
        QCOMPARE(ack->error().kind, Kind::OutcomeUnknown);
        QVERIFY(ack->error().message.contains(QStringLiteral("the test stopped")));
        QCOMPARE(m_rest->ordersInFlight(), 0);
        QCOMPARE(m_rest->pendingCount(), 0);
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.first().at(0).toInt(), 0);
        QCOMPARE(m_rest->abandonOrdersInFlight(QStringLiteral("again")), 0);
        QTest::qWait(100);
        QCOMPARE(m_server->requests(QStringLiteral("kt10000")).size(), 1); // never resent
    }

    // Destroying the client mid-order used to drop the callback: the order manager never learnt
    // that the order may have been placed.
    void destructionMidOrderReportsOutcomeUnknown()
    {
        m_server->enqueue(QStringLiteral("kt10000"), Response::hang());
        OrderRequest buy { Side::Buy, Exchange::Krx, QStringLiteral("005930"), 1, 70100, TradeType::Limit, 0 };
        std::optional<KiwoomResult<OrderAck>> sent;
        m_rest->placeOrder(buy, this, [&](const KiwoomResult<OrderAck> &r) { sent = r; });
        QTRY_COMPARE(m_rest->ordersInFlight(), 1);
        QTRY_COMPARE(m_server->requests(QStringLiteral("kt10000")).size(), 1);
        // A query is in flight; a second order waits for its slot and a third was refused by
        // validation, its result not yet delivered (the event loop does not run before the reset).
        m_server->enqueue(QStringLiteral("ka10001"), Response::hang());
        bool queryCalled = false;
        m_rest->stockInfo(QStringLiteral("005930"), this, [&](const auto &) { queryCalled = true; });
        QTRY_COMPARE(m_server->requests(QStringLiteral("ka10001")).size(), 1);
        std::optional<KiwoomResult<CancelAck>> queued;
        m_rest->cancelOrder(CancelRequest { Exchange::Krx, QStringLiteral("0000001"), QStringLiteral("005930"), 0 },
            this, [&](const KiwoomResult<CancelAck> &r) { queued = r; });
        std::optional<KiwoomResult<OrderAck>> invalid;
        OrderRequest bad = buy;
        bad.quantity = 0;
        m_rest->placeOrder(bad, this, [&](const KiwoomResult<OrderAck> &r) { invalid = r; });
        QVERIFY(!sent && !queued && !invalid);
        QCOMPARE(m_rest->ordersInFlight(), 1);

        m_rest.reset();
        QVERIFY(sent.has_value());
        QCOMPARE(sent->error().kind, Kind::OutcomeUnknown);
        QVERIFY(!sent->error().isDefinite());
        QVERIFY(queued.has_value());
        QCOMPARE(queued->error().kind, Kind::Cancelled); // never sent: definite
        QVERIFY(queued->error().isDefinite());
        QVERIFY(invalid.has_value());
        QCOMPARE(invalid->error().kind, Kind::Invalid);
        QVERIFY(!queryCalled); // queries are dropped as before
        QTest::qWait(100);
        QVERIFY(m_server->requests(QStringLiteral("kt10003")).isEmpty());
    }

    void destructionSkipsCallbacksWhoseContextIsGone()
    {
        m_server->enqueue(QStringLiteral("kt10000"), Response::hang());
        OrderRequest buy { Side::Buy, Exchange::Krx, QStringLiteral("005930"), 1, 70100, TradeType::Limit, 0 };
        auto context = std::make_unique<QObject>();
        bool called = false;
        m_rest->placeOrder(buy, context.get(), [&](const auto &) { called = true; });
        QTRY_COMPARE(m_rest->ordersInFlight(), 1);
        context.reset();
        m_rest.reset();
        QVERIFY(!called);
    }

    // ---- the simulator's market time (x-sim-time / x-sim-speed) ----

    void serverTimeIsAnnouncedFromReplyHeaders()
    {
        QSignalSpy announced(m_rest.get(), &RestClient::serverTimeAnnounced);
        const qint64 t = 1741568400000; // 2025-03-10 10:00 KST
        m_server->enqueue(QStringLiteral("ka10001"),
            Response::ok(obj(R"({"stk_cd":"005930","cur_prc":"100"})"))
                .withHeader("x-sim-time", QByteArray::number(t))
                .withHeader("x-sim-speed", "30"));
        QVERIFY(run<StockInfo>([&](auto done) { m_rest->stockInfo(QStringLiteral("005930"), this, done); }).ok());
        QCOMPARE(announced.size(), 1);
        QCOMPARE(announced.first().at(0).toLongLong(), t);
        QCOMPARE(announced.first().at(1).toDouble(), 30.0);

        // Orders (SingleShotHttp) too, also on a refusal; no x-sim-speed counts as 1.
        m_server->enqueue(QStringLiteral("kt10000"),
            Response::error(20, QStringLiteral("주문이 거부되었습니다"))
                .withHeader("x-sim-time", QByteArray::number(t + 5)));
        OrderRequest buy { Side::Buy, Exchange::Krx, QStringLiteral("005930"), 1, 70100, TradeType::Limit, 0 };
        QVERIFY(!run<OrderAck>([&](auto done) { m_rest->placeOrder(buy, this, done); }).ok());
        QCOMPARE(announced.size(), 2);
        QCOMPARE(announced.last().at(0).toLongLong(), t + 5);
        QCOMPARE(announced.last().at(1).toDouble(), 1.0);

        // Real Kiwoom sends neither header: nothing is announced. Garbage is no announcement.
        m_server->enqueue(QStringLiteral("ka10001"), Response::ok(obj(R"({"stk_cd":"005930","cur_prc":"100"})")));
        m_server->enqueue(QStringLiteral("ka10001"),
            Response::ok(obj(R"({"stk_cd":"005930","cur_prc":"100"})")).withHeader("x-sim-time", "soon"));
        QVERIFY(run<StockInfo>([&](auto done) { m_rest->stockInfo(QStringLiteral("005930"), this, done); }).ok());
        QVERIFY(run<StockInfo>([&](auto done) { m_rest->stockInfo(QStringLiteral("005930"), this, done); }).ok());
        QCOMPARE(announced.size(), 2);
    }

    void serverTimeHeaderParsing()
    {
        using Kiwoom::Http::parseServerTime;
        QCOMPARE(parseServerTime("1741568400000", "30")->virtualMs, 1741568400000);
        QCOMPARE(parseServerTime(" 1741568400000 ", " 0.5 ")->speed, 0.5);
        QCOMPARE(parseServerTime("1741568400000", "0")->speed, 0.0); // paused
        QCOMPARE(parseServerTime("1741568400000", {})->speed, 1.0);
        QCOMPARE(parseServerTime("1741568400000", "-3")->speed, 1.0);
        QCOMPARE(parseServerTime("1741568400000", "nan")->speed, 1.0);
        QVERIFY(!parseServerTime({}, "30"));
        QVERIFY(!parseServerTime("0", "1"));
        QVERIFY(!parseServerTime("-5", "1"));
        QVERIFY(!parseServerTime("12:00", "1"));
    }
};

QTEST_GUILESS_MAIN(TestRestClient)
#include "tst_restclient.moc"
