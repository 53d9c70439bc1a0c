// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiwoom/trcodec.h"
#include "market/krx.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace Kiwoom;

namespace {

QJsonObject obj(const QByteArray &json)
{
    QJsonParseError e {};
    const QJsonDocument d = QJsonDocument::fromJson(json, &e);
    if (e.error != QJsonParseError::NoError)
        qFatal("fixture is not JSON: %s", qPrintable(e.errorString()));
    return d.object();
}

// Every value of a request body is a JSON string (protocol §3).
bool allStrings(const QJsonObject &o)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!it.value().isString())
            return false;
    }
    return true;
}

qint64 kst(int y, int mo, int d, int h, int mi, int s = 0)
{
    return Krx::fromKst(QDate(y, mo, d), QTime(h, mi, s));
}

} // namespace

// The TR catalogue, every request body and every reply parser, fed with the protocol document's
// examples verbatim.
class TestTrCodec final : public QObject
{
    Q_OBJECT

private slots:
    void catalogue_data()
    {
        QTest::addColumn<QString>("apiId");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("pool");
        QTest::addColumn<int>("priority");
        const int Q = int(RequestPool::Query);
        const int O = int(RequestPool::Order);
        QTest::newRow("ka00001") << "ka00001"
                                 << "/api/dostk/acnt" << Q << int(RequestPriority::Account);
        QTest::newRow("ka10001") << "ka10001"
                                 << "/api/dostk/stkinfo" << Q << int(RequestPriority::Quote);
        QTest::newRow("ka10004") << "ka10004"
                                 << "/api/dostk/mrkcond" << Q << int(RequestPriority::Quote);
        QTest::newRow("ka10007") << "ka10007"
                                 << "/api/dostk/mrkcond" << Q << int(RequestPriority::Quote);
        QTest::newRow("ka10079") << "ka10079"
                                 << "/api/dostk/chart" << Q << int(RequestPriority::Chart);
        QTest::newRow("ka10080") << "ka10080"
                                 << "/api/dostk/chart" << Q << int(RequestPriority::Chart);
        QTest::newRow("ka10081") << "ka10081"
                                 << "/api/dostk/chart" << Q << int(RequestPriority::Chart);
        QTest::newRow("ka10095") << "ka10095"
                                 << "/api/dostk/stkinfo" << Q << int(RequestPriority::Quote);
        QTest::newRow("ka10099") << "ka10099"
                                 << "/api/dostk/stkinfo" << Q << int(RequestPriority::List);
        QTest::newRow("ka10100") << "ka10100"
                                 << "/api/dostk/stkinfo" << Q << int(RequestPriority::List);
        QTest::newRow("kt10000") << "kt10000"
                                 << "/api/dostk/ordr" << O << int(RequestPriority::Order);
        QTest::newRow("kt10001") << "kt10001"
                                 << "/api/dostk/ordr" << O << int(RequestPriority::Order);
        QTest::newRow("kt10002") << "kt10002"
                                 << "/api/dostk/ordr" << O << int(RequestPriority::Order);
        QTest::newRow("kt10003") << "kt10003"
                                 << "/api/dostk/ordr" << O << int(RequestPriority::Order);
        QTest::newRow("kt00001") << "kt00001"
                                 << "/api/dostk/acnt" << Q << int(RequestPriority::Account);
        QTest::newRow("kt00004") << "kt00004"
                                 << "/api/dostk/acnt" << Q << int(RequestPriority::Account);
        QTest::newRow("kt00018") << "kt00018"
                                 << "/api/dostk/acnt" << Q << int(RequestPriority::Account);
        QTest::newRow("ka10074") << "ka10074"
                                 << "/api/dostk/acnt" << Q << int(RequestPriority::Account);
        QTest::newRow("ka10075") << "ka10075"
                                 << "/api/dostk/acnt" << Q << int(RequestPriority::Account);
        QTest::newRow("ka10076") << "ka10076"
                                 << "/api/dostk/acnt" << Q << int(RequestPriority::Account);
        QTest::newRow("ka10077") << "ka10077"
                                 << "/api/dostk/acnt" << Q << int(RequestPriority::Account);
        QTest::newRow("au10001") << "au10001"
                                 << "/oauth2/token" << Q << int(RequestPriority::Account);
        QTest::newRow("au10002") << "au10002"
                                 << "/oauth2/revoke" << Q << int(RequestPriority::Account);
    }
    void catalogue()
    {
        QFETCH(QString, apiId);
        QFETCH(QString, path);
        QFETCH(int, pool);
        QFETCH(int, priority);
        const auto s = Tr::spec(apiId);
        QVERIFY(s);
        QCOMPARE(s->path, path);
        QCOMPARE(int(s->pool), pool);
        QCOMPARE(int(s->priority), priority);
        QCOMPARE(Tr::isOrderTr(apiId), pool == int(RequestPool::Order));
        QVERIFY(!Tr::spec(QStringLiteral("ka99999")));
    }

    // ---- request bodies ----

    void stockCodeBodies()
    {
        for (const char *id : { "ka10001", "ka10004", "ka10007", "ka10100", "ka10077" }) {
            const auto b = Tr::stockCodeBody(QString::fromLatin1(id), QStringLiteral("005930"));
            QVERIFY(b.ok());
            QCOMPARE(*b, obj(R"({"stk_cd":"005930"})"));
        }
        QVERIFY(Tr::stockCodeBody(QStringLiteral("ka10001"), QStringLiteral("005930_NX")).ok());
        QVERIFY(Tr::stockCodeBody(QStringLiteral("ka10001"), QStringLiteral("005930_AL")).ok());
        const auto bad = Tr::stockCodeBody(QStringLiteral("ka10001"), QStringLiteral("A005930"));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().kind, KiwoomError::Kind::Invalid);
        QVERIFY(!Tr::stockCodeBody(QStringLiteral("ka10001"), QString()).ok());
    }

    void chartBodies()
    {
        TickChartRequest tick;
        tick.code = QStringLiteral("005930");
        tick.tickScope = 3;
        tick.adjusted = true;
        QCOMPARE(*Tr::tickChartBody(tick), obj(R"({"stk_cd":"005930","tic_scope":"3","upd_stkpc_tp":"1"})"));
        tick.tickScope = 2;
        QVERIFY(!Tr::tickChartBody(tick).ok());

        MinuteChartRequest minute;
        minute.code = QStringLiteral("005930");
        minute.tickScope = 5;
        minute.adjusted = false;
        QCOMPARE(*Tr::minuteChartBody(minute), obj(R"({"stk_cd":"005930","tic_scope":"5","upd_stkpc_tp":"0"})"));
        minute.baseDate = QDate(2025, 9, 17);
        QCOMPARE(*Tr::minuteChartBody(minute),
            obj(R"({"stk_cd":"005930","tic_scope":"5","upd_stkpc_tp":"0","base_dt":"20250917"})"));
        minute.tickScope = 7;
        QVERIFY(!Tr::minuteChartBody(minute).ok());

        DailyChartRequest daily;
        daily.code = QStringLiteral("005930");
        daily.baseDate = QDate(2025, 9, 8);
        const auto d = Tr::dailyChartBody(daily);
        QCOMPARE(*d, obj(R"({"stk_cd":"005930","base_dt":"20250908","upd_stkpc_tp":"1"})"));
        QVERIFY(allStrings(*d));
        daily.baseDate = QDate();
        QVERIFY(!Tr::dailyChartBody(daily).ok()); // base_dt is required
    }

    void listBodies()
    {
        QCOMPARE(*Tr::watchlistBody({ QStringLiteral("005930"), QStringLiteral("000660") }),
            obj(R"({"stk_cd":"005930|000660"})"));
        QVERIFY(!Tr::watchlistBody({}).ok());
        QCOMPARE(Tr::stockListBody(Market::Kospi), obj(R"({"mrkt_tp":"0"})"));
        QCOMPARE(Tr::stockListBody(Market::Kosdaq), obj(R"({"mrkt_tp":"10"})"));
        QCOMPARE(Tr::stockListBody(Market::Etf), obj(R"({"mrkt_tp":"8"})"));
        QCOMPARE(Tr::stockListBody(Market::Konex), obj(R"({"mrkt_tp":"50"})"));
    }

    void orderBodies()
    {
        OrderRequest buy;
        buy.side = Side::Buy;
        buy.code = QStringLiteral("005930");
        buy.quantity = 1;
        buy.price = 70100;
        buy.tradeType = TradeType::Limit;
        const auto b = Tr::orderBody(buy);
        QVERIFY(b.ok());
        QCOMPARE(*b,
            obj(R"({"dmst_stex_tp":"KRX","stk_cd":"005930","ord_qty":"1","ord_uv":"70100","trde_tp":"0","cond_uv":""})"));
        QVERIFY(allStrings(*b));

        OrderRequest market = buy;
        market.side = Side::Sell;
        market.price = 0;
        market.tradeType = TradeType::Market;
        market.exchange = Exchange::Sor;
        QCOMPARE(*Tr::orderBody(market),
            obj(R"({"dmst_stex_tp":"SOR","stk_cd":"005930","ord_qty":"1","ord_uv":"","trde_tp":"3","cond_uv":""})"));

        OrderRequest stop = buy;
        stop.tradeType = TradeType::StopLimit;
        stop.conditionPrice = 69900;
        QCOMPARE(Tr::orderBody(stop)->value(QStringLiteral("cond_uv")).toString(), QStringLiteral("69900"));
        QCOMPARE(Tr::orderBody(stop)->value(QStringLiteral("trde_tp")).toString(), QStringLiteral("28"));

        // Refused locally: nothing would be sent.
        OrderRequest bad = buy;
        bad.quantity = 0;
        QCOMPARE(Tr::orderBody(bad).error().kind, KiwoomError::Kind::Invalid);
        bad = buy;
        bad.price = 0; // a limit order without a price
        QVERIFY(!Tr::orderBody(bad).ok());
        bad = market;
        bad.price = 70000; // a market order with a price
        QVERIFY(!Tr::orderBody(bad).ok());
        bad = buy;
        bad.code = QStringLiteral("A005930");
        QVERIFY(!Tr::orderBody(bad).ok());
        bad = stop;
        bad.conditionPrice = 0;
        QVERIFY(!Tr::orderBody(bad).ok());
        bad = buy;
        bad.conditionPrice = 100;
        QVERIFY(!Tr::orderBody(bad).ok());

        ModifyRequest modify;
        modify.origOrderNo = QStringLiteral("0000139");
        modify.code = QStringLiteral("005930");
        modify.quantity = 0;
        modify.price = 70200;
        const auto m = Tr::modifyBody(modify);
        QCOMPARE(*m,
            obj(R"({"dmst_stex_tp":"KRX","orig_ord_no":"0000139","stk_cd":"005930","mdfy_qty":"0","mdfy_uv":"70200","mdfy_cond_uv":""})"));
        modify.price = 0;
        QVERIFY(!Tr::modifyBody(modify).ok()); // mdfy_uv is required
        modify.price = 70200;
        modify.origOrderNo = QStringLiteral("12a");
        QVERIFY(!Tr::modifyBody(modify).ok());

        CancelRequest cancel;
        cancel.origOrderNo = QStringLiteral("0000140");
        cancel.code = QStringLiteral("005930");
        QCOMPARE(*Tr::cancelBody(cancel),
            obj(R"({"dmst_stex_tp":"KRX","orig_ord_no":"0000140","stk_cd":"005930","cncl_qty":"0"})"));
    }

    void accountBodies()
    {
        QCOMPARE(Tr::depositBody(DepositRequest { true }), obj(R"({"qry_tp":"3"})"));
        QCOMPARE(Tr::depositBody(DepositRequest { false }), obj(R"({"qry_tp":"2"})"));
        AccountEvaluationRequest ev;
        QCOMPARE(*Tr::accountEvaluationBody(ev), obj(R"({"qry_tp":"0","dmst_stex_tp":"KRX"})"));
        ev.excludeDelisted = true;
        ev.exchange = Exchange::Nxt;
        QCOMPARE(*Tr::accountEvaluationBody(ev), obj(R"({"qry_tp":"1","dmst_stex_tp":"NXT"})"));
        ev.exchange = Exchange::Sor;
        QVERIFY(!Tr::accountEvaluationBody(ev).ok());
        HoldingsRequest h;
        QCOMPARE(*Tr::holdingsBody(h), obj(R"({"qry_tp":"1","dmst_stex_tp":"KRX"})"));
        h.summed = false;
        QCOMPARE(*Tr::holdingsBody(h), obj(R"({"qry_tp":"2","dmst_stex_tp":"KRX"})"));

        OpenOrdersRequest open;
        QCOMPARE(*Tr::openOrdersBody(open), obj(R"({"all_stk_tp":"0","trde_tp":"0","stk_cd":"","stex_tp":"0"})"));
        open.code = QStringLiteral("005930");
        open.side = SideFilter::Buy;
        open.venue = VenueFilter::Krx;
        QCOMPARE(*Tr::openOrdersBody(open), obj(R"({"all_stk_tp":"1","trde_tp":"2","stk_cd":"005930","stex_tp":"1"})"));

        FillsRequest fills;
        QCOMPARE(*Tr::fillsBody(fills), obj(R"({"stk_cd":"","qry_tp":"0","sell_tp":"0","ord_no":"","stex_tp":"0"})"));
        fills.code = QStringLiteral("005930");
        fills.side = SideFilter::Sell;
        fills.beforeOrderNo = QStringLiteral("0000037");
        fills.venue = VenueFilter::Nxt;
        QCOMPARE(*Tr::fillsBody(fills),
            obj(R"({"stk_cd":"005930","qry_tp":"1","sell_tp":"1","ord_no":"0000037","stex_tp":"2"})"));

        RealizedPnlRequest pnl { QDate(2024, 11, 28), QDate(2024, 11, 28), {} };
        QCOMPARE(*Tr::realizedPnlBody(pnl), obj(R"({"strt_dt":"20241128","end_dt":"20241128"})"));
        pnl.startDate = QDate(2024, 11, 29);
        QVERIFY(!Tr::realizedPnlBody(pnl).ok());
    }

    // ---- replies ----

    void dailyChartExample()
    {
        // The protocol document's daily row, verbatim, plus a second (older) row.
        const QJsonObject page = obj(R"({"stk_cd":"005930","stk_dt_pole_chart_qry":[
            {"cur_prc":"70100","trde_qty":"9263135","trde_prica":"648525","dt":"20250908","open_pric":"69800","high_pric":"70500","low_pric":"69600","pred_pre":"+600","pred_pre_sig":"2","trde_tern_rt":"+0.16"},
            {"cur_prc":"69500","trde_qty":"1000","trde_prica":"69","dt":"20250905","open_pric":"69000","high_pric":"69900","low_pric":"68800","pred_pre":"-100","pred_pre_sig":"5","trde_tern_rt":"+0.01"}],
            "return_code":0,"return_msg":"정상적으로 처리되었습니다"})");
        const auto r = Tr::parseChart(QStringLiteral("ka10081"), { page });
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r->code, QStringLiteral("005930"));
        QCOMPARE(r->bars.size(), 2);
        const ChartBar &b = r->bars.first();
        QCOMPARE(b.date, QDate(2025, 9, 8));
        QCOMPARE(b.timeMs, kst(2025, 9, 8, 9, 0));
        QCOMPARE(b.close, qint64(70100));
        QCOMPARE(b.open, qint64(69800));
        QCOMPARE(b.high, qint64(70500));
        QCOMPARE(b.low, qint64(69600));
        QCOMPARE(b.volume, qint64(9263135));
        QCOMPARE(b.tradeValueMillion, qint64(648525));
        QCOMPARE(b.change, qint64(600));
        QCOMPARE(b.changeSign, ChangeSign::Up);
        QCOMPARE(b.turnoverRate, 0.16);
        QCOMPARE(r->bars.at(1).change, qint64(-100));

        const QList<Candle> candles = Tr::toCandles(r->bars);
        QCOMPARE(candles.size(), 2);
        QCOMPARE(candles.first().close, qint64(69500)); // oldest first
        QCOMPARE(candles.last(), (Candle { kst(2025, 9, 8, 9, 0), 69800, 70500, 69600, 70100, 9263135 }));
    }

    void minuteChartSignedPrices()
    {
        // Minute prices are signed on the wire ("-78800"): the direction, never a negative price.
        const QJsonObject page = obj(R"({"stk_cd":"005930","stk_min_pole_chart_qry":[
            {"cur_prc":"-78800","trde_qty":"7913","cntr_tm":"20250917132000","open_pric":"-78850","high_pric":"-78900","low_pric":"-78800","acc_trde_qty":"14947571","pred_pre":"-600","pred_pre_sig":"5"}],
            "return_code":0,"return_msg":"정상적으로 처리되었습니다"})");
        const auto r = Tr::parseChart(QStringLiteral("ka10080"), { page });
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        const ChartBar &b = r->bars.first();
        QCOMPARE(b.close, qint64(78800));
        QCOMPARE(b.open, qint64(78850));
        QCOMPARE(b.high, qint64(78900));
        QCOMPARE(b.low, qint64(78800));
        QCOMPARE(b.timeMs, kst(2025, 9, 17, 13, 20));
        QCOMPARE(b.date, QDate(2025, 9, 17));
        QCOMPARE(b.cumVolume, qint64(14947571));
        QCOMPARE(b.change, qint64(-600));
    }

    void tickChart()
    {
        const QJsonObject page = obj(R"({"stk_cd":"005930","last_tic_cnt":"1","stk_tic_chart_qry":[
            {"cur_prc":"70100","trde_qty":"10","cntr_tm":"20250908090001","open_pric":"","high_pric":"","low_pric":"","pred_pre":"+600","pred_pre_sig":"2"}],
            "return_code":0})");
        const auto r = Tr::parseChart(QStringLiteral("ka10079"), { page });
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r->lastTickCount, QStringLiteral("1"));
        QCOMPARE(r->bars.first().open, qint64(70100));
        QCOMPARE(r->bars.first().high, qint64(70100));
        QCOMPARE(r->bars.first().timeMs, kst(2025, 9, 8, 9, 0, 1));
    }

    void chartErrorsNameRowAndField_data()
    {
        QTest::addColumn<QByteArray>("row");
        QTest::addColumn<QString>("message");
        QTest::newRow("garbage price") << QByteArray(
            R"({"cur_prc":"12a","trde_qty":"1","dt":"20250908","open_pric":"1","high_pric":"1","low_pric":"1"})")
                                       << "ka10081 stk_dt_pole_chart_qry[3].cur_prc: not a number: \"12a\"";
        QTest::newRow("missing date") << QByteArray(
            R"({"cur_prc":"1","trde_qty":"1","open_pric":"1","high_pric":"1","low_pric":"1"})")
                                      << "ka10081 stk_dt_pole_chart_qry[3].dt: missing";
        QTest::newRow("number instead of string")
            << QByteArray(
                   R"({"cur_prc":70100,"trde_qty":"1","dt":"20250908","open_pric":"1","high_pric":"1","low_pric":"1"})")
            << "ka10081 stk_dt_pole_chart_qry[3].cur_prc: expected a string, got number";
        QTest::newRow("bad date") << QByteArray(
            R"({"cur_prc":"1","trde_qty":"1","dt":"20251340","open_pric":"1","high_pric":"1","low_pric":"1"})")
                                  << "ka10081 stk_dt_pole_chart_qry[3].dt: not a valid date: \"20251340\"";
        QTest::newRow("low above high") << QByteArray(
            R"({"cur_prc":"100","trde_qty":"1","dt":"20250908","open_pric":"100","high_pric":"90","low_pric":"95"})")
                                        << "ka10081 stk_dt_pole_chart_qry[3]: inconsistent bar: low 95 high 90 close "
                                           "100";
    }
    void chartErrorsNameRowAndField()
    {
        QFETCH(QByteArray, row);
        QFETCH(QString, message);
        const QByteArray good
            = R"({"cur_prc":"1","trde_qty":"1","dt":"20250908","open_pric":"1","high_pric":"1","low_pric":"1"})";
        // Row 3 counts across pages: two good rows on page 1, one good + the bad one on page 2.
        const QJsonObject p1 = obj("{\"stk_dt_pole_chart_qry\":[" + good + "," + good + "]}");
        const QJsonObject p2 = obj("{\"stk_dt_pole_chart_qry\":[" + good + "," + row + "]}");
        const auto r = Tr::parseChart(QStringLiteral("ka10081"), { p1, p2 });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, KiwoomError::Kind::Parse);
        QCOMPARE(r.error().message, message);
        QCOMPARE(r.error().apiId, QStringLiteral("ka10081"));
    }

    void chartListNotAnArray()
    {
        const auto r = Tr::parseChart(QStringLiteral("ka10081"), { obj(R"({"stk_dt_pole_chart_qry":"oops"})") });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().message, QStringLiteral("ka10081 stk_dt_pole_chart_qry: expected an array"));
    }

    void stockInfo()
    {
        const QJsonObject body
            = obj(R"({"stk_cd":"005930","stk_nm":"삼성전자","setl_mm":"12","fav":"100","cap":"7780","flo_stk":"5969783",
            "crd_rt":"+0.08","oyr_hgst":"+88800","oyr_lwst":"-49900","mac":"4335012","mac_wght":"","for_exh_rt":"50.75","repl_pric":"56980",
            "per":"","eps":"","roe":"","pbr":"","ev":"","bps":"-75300","250hgst":"+88800","250lwst":"-49900","open_pric":"-72400",
            "high_pric":"+73000","low_pric":"-71900","upl_pric":"+94200","lst_pric":"-50800","base_pric":"72500","exp_cntr_pric":"0",
            "exp_cntr_qty":"0","250hgst_pric_dt":"20240711","250hgst_pric_pre_rt":"-18.24","250lwst_pric_dt":"20241114",
            "250lwst_pric_pre_rt":"+45.49","cur_prc":"-72600","pre_sig":"2","pred_pre":"+100","flu_rt":"+0.14","trde_qty":"12345",
            "trde_pre":"-63.34","fav_unit":"1","dstr_stk":"5969783","dstr_rt":"100.00","return_code":0,"return_msg":"정상적으로 처리되었습니다"})");
        const auto r = Tr::parseStockInfo(body);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r->code, QStringLiteral("005930"));
        QCOMPARE(r->name, QStringLiteral("삼성전자"));
        QCOMPARE(r->price, qint64(72600));
        QCOMPARE(r->direction, Direction::Down);
        QCOMPARE(r->upperLimit, qint64(94200));
        QCOMPARE(r->lowerLimit, qint64(50800));
        QCOMPARE(r->basePrice, qint64(72500));
        QCOMPARE(r->high250Date, QDate(2024, 7, 11));
        QCOMPARE(r->bps, -75300.0);
        QCOMPARE(r->marketCapEok, qint64(4335012));
        QCOMPARE(r->changeRate, 0.14);
        QCOMPARE(r->open, qint64(72400));
        QVERIFY(r->warnings.isEmpty());

        // A PER that is not a number is a warning, not a failure (descriptive field)...
        QJsonObject lenient = body;
        lenient.insert(QStringLiteral("per"), QStringLiteral("N/A"));
        const auto l = Tr::parseStockInfo(lenient);
        QVERIFY(l.ok());
        QCOMPARE(l->warnings.size(), 1);
        // ...a price that is not a number is not.
        QJsonObject broken = body;
        broken.insert(QStringLiteral("upl_pric"), QStringLiteral("+94,200"));
        QCOMPARE(
            Tr::parseStockInfo(broken).error().message, QStringLiteral("ka10001.upl_pric: not a number: \"+94,200\""));
        broken = body;
        broken.remove(QStringLiteral("cur_prc"));
        QCOMPARE(Tr::parseStockInfo(broken).error().message, QStringLiteral("ka10001.cur_prc: missing"));
    }

    void orderBook()
    {
        QJsonObject body
            = obj(R"({"bid_req_base_tm":"162000","sel_fpr_bid":"-20800","sel_fpr_req":"82","sel_1th_pre_req_pre":"-3",
            "buy_fpr_bid":"-20700","buy_fpr_req":"23847","buy_1th_pre_req_pre":"+10","tot_sel_req":"1000","tot_buy_req":"2000",
            "tot_sel_req_jub_pre":"-5","tot_buy_req_jub_pre":"7","ovt_sel_req":"1","ovt_buy_req":"2","return_code":0})");
        for (int n = 2; n <= 10; ++n) {
            body.insert(QStringLiteral("sel_%1th_pre_bid").arg(n), QStringLiteral("-%1").arg(20800 + 50 * (n - 1)));
            body.insert(QStringLiteral("sel_%1th_pre_req").arg(n), QString::number(100 * n));
            body.insert(QStringLiteral("sel_%1th_pre_req_pre").arg(n), QStringLiteral("0"));
            body.insert(QStringLiteral("buy_%1th_pre_bid").arg(n), QStringLiteral("-%1").arg(20700 - 50 * (n - 1)));
            body.insert(QStringLiteral("buy_%1th_pre_req").arg(n), QString::number(200 * n));
            body.insert(QStringLiteral("buy_%1th_pre_req_pre").arg(n), QStringLiteral("-1"));
        }
        const qint64 received = kst(2025, 9, 17, 16, 20, 5);
        const auto r = Tr::parseOrderBook(body, QStringLiteral("005930"), received);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r->code, QStringLiteral("005930"));
        QCOMPARE(r->timeMs, kst(2025, 9, 17, 16, 20));
        QCOMPARE(r->asks[0].price, qint64(20800));
        QCOMPARE(r->asks[0].quantity, qint64(82));
        QCOMPARE(r->asks[0].quantityChange, qint64(-3));
        QCOMPARE(r->bids[0].price, qint64(20700));
        QCOMPARE(r->bids[0].quantity, qint64(23847));
        QCOMPARE(r->asks[9].price, qint64(20800 + 450));
        QCOMPARE(r->asks[9].quantity, qint64(1000));
        QCOMPARE(r->bids[9].price, qint64(20700 - 450));
        QCOMPARE(r->bids[4].quantityChange, qint64(-1));
        QCOMPARE(r->totalAskQty, qint64(1000));
        QCOMPARE(r->totalBidQtyChange, qint64(7));
        QCOMPARE(r->afterHoursBidQty, qint64(2));
    }

    void quoteSheet()
    {
        QJsonObject body
            = obj(R"({"stk_nm":"삼성전자","stk_cd":"005930","date":"20241128","tm":"153000","pred_close_pric":"72500",
            "pred_trde_qty":"1000","upl_pric":"+94200","lst_pric":"-50800","cur_prc":"+73000","smbol":"2","flu_rt":"+0.69",
            "open_pric":"72500","high_pric":"+73100","low_pric":"-72400","trde_qty":"5000","trde_prica":"365","tot_buy_req":"9","tot_sel_req":"8","return_code":0})");
        for (int i = 1; i <= 10; ++i) {
            body.insert(QStringLiteral("sel_%1bid").arg(i), QStringLiteral("+%1").arg(73000 + 100 * i));
            body.insert(QStringLiteral("sel_%1bid_req").arg(i), QString::number(i));
            body.insert(QStringLiteral("buy_%1bid").arg(i), QStringLiteral("%1").arg(73000 - 100 * i));
            body.insert(QStringLiteral("buy_%1bid_req").arg(i), QString::number(10 * i));
        }
        const auto r = Tr::parseQuoteSheet(body);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r->timeMs, kst(2024, 11, 28, 15, 30));
        QCOMPARE(r->price, qint64(73000));
        QCOMPARE(r->direction, Direction::Up);
        QCOMPARE(r->changeSign, ChangeSign::Up);
        QCOMPARE(r->asks[0].price, qint64(73100));
        QCOMPARE(r->bids[9].quantity, qint64(100));
        QCOMPARE(r->lowerLimit, qint64(50800));
    }

    void watchlist()
    {
        const QJsonObject page
            = obj(R"({"atn_stk_infr":[{"stk_cd":"005930","stk_nm":"삼성전자","cur_prc":"+156600","base_pric":"121700",
            "pred_pre":"+34900","pred_pre_sig":"2","flu_rt":"+28.68","trde_qty":"118636","trde_prica":"14889","cntr_qty":"-1",
            "cntr_str":"172.01","sel_bid":"+156700","buy_bid":"+156600","upl_pric":"+158200","lst_pric":"-85200","open_pric":"121700",
            "high_pric":"+158200","low_pric":"-85200","close_pric":"156600","cntr_tm":"163713","dt":"20241128","tot_sel_req":"1","tot_buy_req":"2"}],
            "return_code":0,"return_msg":"정상적으로 처리되었습니다"})");
        const auto r = Tr::parseWatchlist({ page }, kst(2024, 11, 28, 17, 0));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r->size(), 1);
        const WatchQuote &q = r->first();
        QCOMPARE(q.price, qint64(156600));
        QCOMPARE(q.direction, Direction::Up);
        QCOMPARE(q.change, qint64(34900));
        QCOMPARE(q.lastFillQty, qint64(-1));
        QCOMPARE(q.strength, 172.01);
        QCOMPARE(q.lowerLimit, qint64(85200));
        QCOMPARE(q.timeMs, kst(2024, 11, 28, 16, 37, 13));
    }

    void stockList()
    {
        const QJsonObject page
            = obj(R"({"list":[{"code":"005930","name":"삼성전자","listCount":"0000000123759593","auditInfo":"정상",
            "regDay":"20091204","lastPrice":"00000197","state":"증거금20%|담보대출|신용가능","marketCode":"0","marketName":"거래소",
            "upName":"전기전자","upSizeName":"대형주","companyClassName":"","orderWarning":"0","nxtEnable":"Y"}],"return_code":0})");
        const auto r = Tr::parseStockList({ page, page });
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r->stocks.size(), 2);
        const StockListing &s = r->stocks.first();
        QCOMPARE(s.code, QStringLiteral("005930"));
        QCOMPARE(s.listedShares, qint64(123759593));
        QCOMPARE(s.lastPrice, qint64(197));
        QCOMPARE(s.listedDate, QDate(2009, 12, 4));
        QCOMPARE(s.state,
            (QStringList { QStringLiteral("증거금20%"), QStringLiteral("담보대출"), QStringLiteral("신용가능") }));
        QCOMPARE(s.marketName, QStringLiteral("거래소"));
        QCOMPARE(s.sizeName, QStringLiteral("대형주"));
        QCOMPARE(s.orderWarning, 0);
        QVERIFY(s.nxtEnabled);

        const auto one = Tr::parseStockListing(page.value(QStringLiteral("list")).toArray().first().toObject());
        QVERIFY(one.ok());
        QCOMPARE(one->name, QStringLiteral("삼성전자"));
    }

    void orderAcks()
    {
        const auto a = Tr::parseOrderAck(QStringLiteral("kt10001"),
            obj(R"({"ord_no":"0000138","dmst_stex_tp":"KRX","return_code":0,"return_msg":"매도주문이 완료되었습니다."})"));
        QVERIFY(a.ok());
        QCOMPARE(a->orderNo, QStringLiteral("0000138"));
        QCOMPARE(a->exchange, QStringLiteral("KRX"));
        QCOMPARE(a->message, QStringLiteral("매도주문이 완료되었습니다."));
        QVERIFY(Tr::parseOrderAck(QStringLiteral("kt10000"), obj(R"({"ord_no":"00024","return_code":0})")).ok());
        QVERIFY(!Tr::parseOrderAck(QStringLiteral("kt10000"), obj(R"({"return_code":0})")).ok());
        QVERIFY(!Tr::parseOrderAck(QStringLiteral("kt10000"), obj(R"({"ord_no":"A12","return_code":0})")).ok());

        const auto m
            = Tr::parseModifyAck(obj(R"({"ord_no":"0000140","base_orig_ord_no":"0000139","mdfy_qty":"000000000001",
            "dmst_stex_tp":"KRX","return_code":0,"return_msg":"매수정정 주문입력이 완료되었습니다"})"));
        QVERIFY(m.ok());
        QCOMPARE(m->orderNo, QStringLiteral("0000140"));
        QCOMPARE(m->baseOrigOrderNo, QStringLiteral("0000139"));
        QCOMPARE(m->quantity, qint64(1));

        const auto c
            = Tr::parseCancelAck(obj(R"({"ord_no":"0000141","base_orig_ord_no":"0000139","cncl_qty":"000000000001",
            "return_code":0,"return_msg":"매수취소 주문입력이 완료되었습니다"})"));
        QVERIFY(c.ok());
        QCOMPARE(c->baseOrigOrderNo, QStringLiteral("0000139")); // the root of the modify chain
        QCOMPARE(c->quantity, qint64(1));
    }

    void accountNumber()
    {
        QCOMPARE(Tr::parseAccountNumber(obj(R"({"acctNo":"0123456789","return_code":0})"))->accountNo,
            QStringLiteral("0123456789"));
        QVERIFY(!Tr::parseAccountNumber(obj(R"({"return_code":0})")).ok());
    }

    void deposit()
    {
        const auto d = Tr::parseDeposit(
            obj(R"({"entr":"000000000017534","profa_ch":"000000000000000","d1_entra":"000000000017450",
            "d2_entra":"000000000012550","ord_alow_amt":"000000000017534","pymn_alow_amt":"000000000000085","repl_amt":"000000000000000",
            "ch_uncla":"000000000000000","20stk_ord_alow_amt":"000000000012550","100stk_ord_alow_amt":"000000000012550",
            "d1_slby_exct_amt":"-00000000000084","return_code":0})"));
        QVERIFY2(d.ok(), qPrintable(d.ok() ? QString() : d.error().message));
        QCOMPARE(d->deposit, qint64(17534));
        QCOMPARE(d->d1Deposit, qint64(17450));
        QCOMPARE(d->d2Deposit, qint64(12550));
        QCOMPARE(d->orderable, qint64(17534));
        QCOMPARE(d->withdrawable, qint64(85));
        QCOMPARE(d->orderable20, qint64(12550));
        QCOMPARE(d->orderable100, qint64(12550));
    }

    void accountEvaluation()
    {
        const QJsonObject page
            = obj(R"({"acnt_nm":"김키움","brch_nm":"키움은행","entr":"000000017534","d2_entra":"000000012550",
            "tot_est_amt":"000000000342","aset_evlt_amt":"000000761950","tot_pur_amt":"000000002786","prsm_dpst_aset_amt":"000000749792",
            "tdy_lspft":"000000000000","lspft_rt":"0.00","stk_acnt_evlt_prst":[{"stk_cd":"A005930","stk_nm":"삼성전자","rmnd_qty":"000000000003",
            "avg_prc":"000000124500","cur_prc":"000000070000","evlt_amt":"000000209542","pl_amt":"-00000163958","pl_rt":"-43.8977",
            "pur_amt":"000000373500","tdy_buyq":"000000000000","tdy_sellq":"000000000000"}],"return_code":0})");
        const auto r = Tr::parseAccountEvaluation({ page });
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r->accountName, QStringLiteral("김키움"));
        QCOMPARE(r->deposit, qint64(17534));
        QCOMPARE(r->estimatedDepositAsset, qint64(749792));
        QCOMPARE(r->stocks.size(), 1);
        const EvaluatedStock &s = r->stocks.first();
        QCOMPARE(s.code, QStringLiteral("005930"));
        QCOMPARE(s.quantity, qint64(3));
        QCOMPARE(s.avgPrice, qint64(124500));
        QCOMPARE(s.pnl, qint64(-163958));
        QCOMPARE(s.pnlRate, -43.8977);
    }

    void holdingsOverPages()
    {
        const QByteArray row
            = R"({"stk_cd":"A005930","stk_nm":"삼성전자","evltv_prft":"-00000000196888","prft_rt":"-52.71",
            "pur_pric":"000000000124500","pred_close_pric":"000000059000","rmnd_qty":"000000000000003","trde_able_qty":"000000000000003",
            "cur_prc":"000000059000","pred_buyq":"000000000000000","pred_sellq":"000000000000000","tdy_buyq":"000000000000000",
            "tdy_sellq":"000000000000000","pur_amt":"000000000373500","pur_cmsn":"000000000000050","evlt_amt":"000000000177000",
            "sell_cmsn":"000000000000020","tax":"000000000000318","sum_cmsn":"000000000000070","poss_rt":"2.12","crd_tp":"00",
            "crd_tp_nm":"","crd_loan_dt":""})";
        const QJsonObject p1
            = obj(R"({"tot_pur_amt":"000000017598258","tot_evlt_amt":"000000025789890","tot_evlt_pl":"000000008141180",
            "tot_prft_rt":"46.25","prsm_dpst_aset_amt":"000000038000000","tot_loan_amt":"000000000000000","tot_crd_loan_amt":"000000000000000",
            "tot_crd_ls_amt":"000000000000000","acnt_evlt_remn_indv_tot":[)"
                + row + "]," + R"("return_code":0})");
        const QJsonObject p2
            = obj(R"({"tot_pur_amt":"000000017598258","tot_evlt_amt":"000000025789890","acnt_evlt_remn_indv_tot":[)"
                + row + "," + row + "]," + R"("return_code":0})");
        const auto r = Tr::parseHoldings({ p1, p2 });
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r->totalPurchase, qint64(17598258));
        QCOMPARE(r->totalEvaluation, qint64(25789890));
        QCOMPARE(r->totalPnl, qint64(8141180));
        QCOMPARE(r->totalReturnRate, 46.25);
        QCOMPARE(r->holdings.size(), 3);
        const Holding &h = r->holdings.first();
        QCOMPARE(h.code, QStringLiteral("005930"));
        QCOMPARE(h.pnl, qint64(-196888));
        QCOMPARE(h.returnRate, -52.71);
        QCOMPARE(h.quantity, qint64(3));
        QCOMPARE(h.price, qint64(59000));
        QCOMPARE(h.purchasePrice, qint64(124500));
        QCOMPARE(h.tax, qint64(318));
        QCOMPARE(h.creditType, QStringLiteral("00"));
        QVERIFY(!h.loanDate.isValid());
    }

    void openOrders()
    {
        const QJsonObject page
            = obj(R"({"oso":[{"acnt_no":"1234567","ord_no":"0000069","mang_empno":"","stk_cd":"005930","tsk_tp":"",
            "ord_stt":"접수","stk_nm":"삼성전자","ord_qty":"1","ord_pric":"0","oso_qty":"1","cntr_tot_amt":"0","orig_ord_no":"0000000",
            "io_tp_nm":"+매수","trde_tp":"시장가","tm":"154113","cntr_no":"","cntr_pric":"0","cntr_qty":"0","cur_prc":"+74100",
            "sel_bid":"0","buy_bid":"+74100","unit_cntr_pric":"","unit_cntr_qty":"","tdy_trde_cmsn":"0","tdy_trde_tax":"0",
            "ind_invsr":"","stex_tp":"1","stex_tp_txt":"KRX","sor_yn":"N","stop_pric":""}],"return_code":0})");
        const auto r = Tr::parseOpenOrders({ page }, kst(2024, 11, 28, 15, 45));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        const OpenOrder &o = r->orders.first();
        QCOMPARE(o.orderNo, QStringLiteral("0000069"));
        QCOMPARE(o.status, QStringLiteral("접수"));
        QCOMPARE(o.side, std::optional<Side>(Side::Buy));
        QCOMPARE(o.tradeTypeText, QStringLiteral("시장가"));
        QCOMPARE(o.timeMs, kst(2024, 11, 28, 15, 41, 13));
        QCOMPARE(o.price, qint64(74100));
        QCOMPARE(o.unfilledQty, qint64(1));
        QCOMPARE(o.venueText, QStringLiteral("KRX"));
        QVERIFY(!o.sor);
        QCOMPARE(o.stopPrice, qint64(0));
    }

    void fills()
    {
        const QJsonObject page
            = obj(R"({"cntr":[{"ord_no":"0000037","stk_nm":"삼성전자","io_tp_nm":"-매도","ord_pric":"158200",
            "ord_qty":"1","cntr_pric":"158200","cntr_qty":"1","oso_qty":"0","tdy_trde_cmsn":"310","tdy_trde_tax":"284","ord_stt":"체결",
            "trde_tp":"보통","orig_ord_no":"0000000","ord_tm":"153815","stk_cd":"A005930","stex_tp":"0","stex_tp_txt":"SOR","sor_yn":"Y"}],"return_code":0})");
        const auto r = Tr::parseFills({ page }, kst(2024, 11, 28, 16, 0));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        const Fill &f = r->fills.first();
        QCOMPARE(f.code, QStringLiteral("005930"));
        QCOMPARE(f.side, std::optional<Side>(Side::Sell));
        QCOMPARE(f.fillPrice, qint64(158200));
        QCOMPARE(f.todayFee + f.todayTax, qint64(594));
        QCOMPARE(f.timeMs, kst(2024, 11, 28, 15, 38, 15));
        QVERIFY(f.sor);
    }

    void realizedPnl()
    {
        const QJsonObject page
            = obj(R"({"tot_buy_amt":"0","tot_sell_amt":"474600","rlzt_pl":"179419","trde_cmsn":"940","trde_tax":"852",
            "dt_rlzt_pl":[{"dt":"20241128","buy_amt":"0","sell_amt":"474600","tdy_sel_pl":"179419","tdy_trde_cmsn":"940","tdy_trde_tax":"852"}],
            "return_code":0,"return_msg":" 조회가 완료되었습니다."})");
        const auto r = Tr::parseRealizedPnl({ page });
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r->pnl, qint64(179419));
        QCOMPARE(r->days.size(), 1);
        QCOMPARE(r->days.first().date, QDate(2024, 11, 28));
        QCOMPARE(r->days.first().sellAmount, qint64(474600));
    }

    void todayRealized()
    {
        const QJsonObject page = obj(R"({"tdy_rlzt_pl":"179439","tdy_rlzt_pl_dtl":[{"stk_nm":"삼성전자","cntr_qty":"1",
            "buy_uv":"97602.9573459","cntr_pric":"158200","tdy_sel_pl":"59813.0426541","pl_rt":"+61.28","tdy_trde_cmsn":"500",
            "tdy_trde_tax":"284","stk_cd":"A005930"}],"return_code":0})");
        const auto r = Tr::parseTodayRealized({ page });
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r->pnl, qint64(179439));
        const TodayRealizedRow &row = r->rows.first();
        QCOMPARE(row.code, QStringLiteral("005930"));
        QCOMPARE(row.buyPrice, 97602.9573459);
        QCOMPARE(row.pnl, 59813.0426541);
        QCOMPARE(row.pnlRate, 61.28);
        QCOMPARE(row.sellPrice, qint64(158200));
        // (sell - buy) x qty - fee - tax == realized P&L, as in the example.
        QVERIFY(std::abs((row.sellPrice - row.buyPrice) * row.quantity - row.fee - row.tax - row.pnl) < 0.01);
    }

    void sideFromText()
    {
        QCOMPARE(Kiwoom::sideFromText(QStringLiteral("+매수")), std::optional<Side>(Side::Buy));
        QCOMPARE(Kiwoom::sideFromText(QStringLiteral("-매도")), std::optional<Side>(Side::Sell));
        QCOMPARE(Kiwoom::sideFromText(QStringLiteral("매수취소")), std::optional<Side>(Side::Buy));
        QCOMPARE(Kiwoom::sideFromText(QStringLiteral("-매도정정")), std::optional<Side>(Side::Sell));
        QCOMPARE(Kiwoom::sideFromText(QStringLiteral("?")), std::nullopt);
    }
};

QTEST_GUILESS_MAIN(TestTrCodec)
#include "tst_trcodec.moc"
