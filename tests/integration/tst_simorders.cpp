// SPDX-License-Identifier: GPL-3.0-or-later
// Orders and the ledger over real loopback HTTP: market and limit orders, partial fills, modify and
// cancel chains, every rejection, day expiry, T+2 settlement, and the account TRs agreeing with
// each other to the won after a sequence of trades.
#include "common/clock.h"
#include "sim/simmarket.h"
#include "sim/simserver.h"
#include "simtestclient.h"
#include "simtestconfig.h"

#include <QRegularExpression>
#include <QtTest>

namespace {

struct Rig
{
    ManualClock clock { Krx::fromKst(QDate(2025, 3, 10), QTime(10, 0)) };
    SimServer server;
    std::unique_ptr<SimTestClient> client;

    bool start(SimConfig c)
    {
        c.clock = &clock;
        c.queryQuotaPerSecond = 0;
        c.orderQuotaPerSecond = 0;
        c.totalQueryQuotaPerSecond = 0;
        c.totalOrderQuotaPerSecond = 0;
        if (!server.start(c))
            return false;
        client = std::make_unique<SimTestClient>(server.restBaseUrl());
        return client->issueToken(SimTest::appKey(), SimTest::secretKey()).returnCode() == 0;
    }

    SimTestClient::Reply order(
        const QString &apiId, const QString &code, qint64 qty, qint64 price, const QString &tradeType)
    {
        return client->tr(apiId,
            { { QStringLiteral("dmst_stex_tp"), QStringLiteral("KRX") }, { QStringLiteral("stk_cd"), code },
                { QStringLiteral("ord_qty"), QString::number(qty) },
                { QStringLiteral("ord_uv"), price > 0 ? QString::number(price) : QString() },
                { QStringLiteral("trde_tp"), tradeType }, { QStringLiteral("cond_uv"), QString() } });
    }
    SimTestClient::Reply buy(const QString &code, qint64 qty, qint64 price = 0)
    {
        return order(
            QStringLiteral("kt10000"), code, qty, price, price > 0 ? QStringLiteral("0") : QStringLiteral("3"));
    }
    SimTestClient::Reply sell(const QString &code, qint64 qty, qint64 price = 0)
    {
        return order(
            QStringLiteral("kt10001"), code, qty, price, price > 0 ? QStringLiteral("0") : QStringLiteral("3"));
    }

    QList<QJsonObject> openOrders()
    {
        return client->allPages(QStringLiteral("ka10075"),
            { { QStringLiteral("all_stk_tp"), QStringLiteral("0") }, { QStringLiteral("trde_tp"), QStringLiteral("0") },
                { QStringLiteral("stk_cd"), QString() }, { QStringLiteral("stex_tp"), QStringLiteral("0") } },
            QStringLiteral("oso"));
    }
    QList<QJsonObject> fills()
    {
        return client->allPages(QStringLiteral("ka10076"),
            { { QStringLiteral("stk_cd"), QString() }, { QStringLiteral("qry_tp"), QStringLiteral("0") },
                { QStringLiteral("sell_tp"), QStringLiteral("0") }, { QStringLiteral("ord_no"), QString() },
                { QStringLiteral("stex_tp"), QStringLiteral("0") } },
            QStringLiteral("cntr"));
    }
    QList<QJsonObject> holdings(QJsonObject *top = nullptr)
    {
        const QJsonObject body { { QStringLiteral("qry_tp"), QStringLiteral("1") },
            { QStringLiteral("dmst_stex_tp"), QStringLiteral("KRX") } };
        if (top)
            *top = client->tr(QStringLiteral("kt00018"), body).json;
        return client->allPages(QStringLiteral("kt00018"), body, QStringLiteral("acnt_evlt_remn_indv_tot"));
    }
    QJsonObject deposit()
    {
        return client->tr(QStringLiteral("kt00001"), { { QStringLiteral("qry_tp"), QStringLiteral("3") } }).json;
    }
    QJsonObject bookOf(const QString &code)
    {
        return client->tr(QStringLiteral("ka10004"), { { QStringLiteral("stk_cd"), code } }).json;
    }
    QJsonObject quoteOf(const QString &code)
    {
        return client->tr(QStringLiteral("ka10001"), { { QStringLiteral("stk_cd"), code } }).json;
    }
    QJsonObject openOrder(const QString &ordNo)
    {
        for (const QJsonObject &o : openOrders()) {
            if (o.value(QStringLiteral("ord_no")).toString() == ordNo)
                return o;
        }
        return {};
    }
};

qint64 absValue(const QString &text)
{
    QString t = text.trimmed();
    if (t.startsWith(QLatin1Char('+')) || t.startsWith(QLatin1Char('-')))
        t = t.mid(1);
    return t.toLongLong();
}

qint64 num(const QJsonObject &o, const char *name)
{
    const QString t = o.value(QLatin1String(name)).toString().trimmed();
    return t.startsWith(QLatin1Char('-')) ? -absValue(t) : absValue(t);
}

QString ordNoOf(const SimTestClient::Reply &r)
{
    return r.json.value(QStringLiteral("ord_no")).toString();
}

bool isPadded(const QString &value, int width)
{
    return value.size() == width && QRegularExpression(QStringLiteral("^-?\\d+$")).match(value).hasMatch();
}

} // namespace

class TestSimOrders final : public QObject
{
    Q_OBJECT

private slots:
    void marketBuyFills()
    {
        Rig rig;
        QVERIFY(rig.start(SimTest::config()));
        const QJsonObject book = rig.bookOf(QStringLiteral("005930"));
        const qint64 ask1 = absValue(book.value(QStringLiteral("sel_fpr_bid")).toString());
        const auto reply = rig.buy(QStringLiteral("005930"), 10);
        QCOMPARE(reply.returnCode(), 0);
        QCOMPARE(reply.returnMsg(), QStringLiteral("매수주문이 완료되었습니다."));
        QVERIFY(QRegularExpression(QStringLiteral("^\\d{7}$")).match(ordNoOf(reply)).hasMatch());
        QCOMPARE(reply.json.value(QStringLiteral("dmst_stex_tp")).toString(), QStringLiteral("KRX"));
        QVERIFY(rig.openOrders().isEmpty());
        const QList<QJsonObject> fills = rig.fills();
        QCOMPARE(fills.size(), 1);
        const QJsonObject &f = fills.first();
        QCOMPARE(f.value(QStringLiteral("ord_no")).toString(), ordNoOf(reply));
        QCOMPARE(num(f, "cntr_qty"), qint64(10));
        QCOMPARE(num(f, "cntr_pric"), ask1); // a small market buy takes the best ask
        QCOMPARE(f.value(QStringLiteral("trde_tp")).toString(), QStringLiteral("시장가"));
        QCOMPARE(f.value(QStringLiteral("io_tp_nm")).toString(), QStringLiteral("+매수"));
        QCOMPARE(num(f, "tdy_trde_cmsn"), ask1 * 10 * 15 / 100000); // 0.015 %, rounded down
        const QList<QJsonObject> holdings = rig.holdings();
        QCOMPARE(holdings.size(), 1);
        QCOMPARE(holdings.first().value(QStringLiteral("stk_cd")).toString(), QStringLiteral("A005930"));
        QVERIFY(isPadded(holdings.first().value(QStringLiteral("rmnd_qty")).toString(), 15));
        QCOMPARE(num(holdings.first(), "rmnd_qty"), qint64(10));
        QVERIFY(isPadded(holdings.first().value(QStringLiteral("cur_prc")).toString(), 12));
        QCOMPARE(num(holdings.first(), "pur_pric"), ask1);
    }

    void limitOrderRestsThenFills()
    {
        Rig rig;
        QVERIFY(rig.start(SimTest::config()));
        const QString code = QStringLiteral("000270");
        const qint64 bid1 = absValue(rig.bookOf(code).value(QStringLiteral("buy_fpr_bid")).toString());
        const auto reply = rig.buy(code, 5, bid1);
        QCOMPARE(reply.returnCode(), 0);
        const QString ordNo = ordNoOf(reply);
        QJsonObject open = rig.openOrder(ordNo);
        QCOMPARE(num(open, "oso_qty"), qint64(5));
        QCOMPARE(num(open, "cntr_qty"), qint64(0));
        QCOMPARE(open.value(QStringLiteral("ord_stt")).toString(), QStringLiteral("접수"));
        QCOMPARE(open.value(QStringLiteral("stk_cd")).toString(), code);
        QCOMPARE(num(open, "ord_pric"), bid1);
        QCOMPARE(open.value(QStringLiteral("orig_ord_no")).toString(), QStringLiteral("0000000"));
        // Reserved cash: orderable = D+2 deposit - (price × qty + fee).
        const QJsonObject dep = rig.deposit();
        QCOMPARE(num(dep, "ord_alow_amt"), num(dep, "d2_entra") - (bid1 * 5 + bid1 * 5 * 15 / 100000));
        int steps = 0;
        while (!rig.openOrder(ordNo).isEmpty() && steps < 390) {
            rig.server.advanceClock(60'000);
            ++steps;
        }
        QVERIFY2(steps < 390, "the resting order never filled during the day");
        const QList<QJsonObject> fills = rig.fills();
        QCOMPARE(fills.size(), 1);
        QCOMPARE(num(fills.first(), "cntr_pric"), bid1); // a resting order fills at its limit
        QCOMPARE(num(fills.first(), "cntr_qty"), qint64(5));
        QCOMPARE(num(rig.deposit(), "ord_alow_amt"), num(rig.deposit(), "d2_entra"));
    }

    void partialFills()
    {
        Rig rig;
        SimConfig c = SimTest::config();
        c.initialCash = 1'000'000'000;
        QVERIFY(rig.start(c));
        const QString code = QStringLiteral("038460");
        // A limit buy at the best ask for more than the best ask shows: part fills, the rest rests.
        QJsonObject book = rig.bookOf(code);
        const qint64 ask1 = absValue(book.value(QStringLiteral("sel_fpr_bid")).toString());
        const qint64 ask1Qty = num(book, "sel_fpr_req");
        const auto limit = rig.buy(code, ask1Qty + 7, ask1);
        QCOMPARE(limit.returnCode(), 0);
        QJsonObject open = rig.openOrder(ordNoOf(limit));
        QCOMPARE(num(open, "cntr_qty"), ask1Qty);
        QCOMPARE(num(open, "oso_qty"), qint64(7));
        QCOMPARE(open.value(QStringLiteral("ord_stt")).toString(), QStringLiteral("체결"));
        QCOMPARE(num(rig.bookOf(code), "sel_fpr_req"), qint64(0)); // the level was consumed

        // A market buy larger than the whole displayed ask side: fills what is shown, works the rest.
        rig.server.advanceClock(1000);
        book = rig.bookOf(code);
        const qint64 shown = num(book, "tot_sel_req");
        const auto market = rig.buy(code, shown * 3);
        QCOMPARE(market.returnCode(), 0);
        open = rig.openOrder(ordNoOf(market));
        QVERIFY(!open.isEmpty());
        QVERIFY(num(open, "cntr_qty") >= shown);
        QVERIFY(num(open, "oso_qty") > 0);
        QCOMPARE(num(open, "cntr_qty") + num(open, "oso_qty"), shown * 3);
        int steps = 0;
        while (!rig.openOrder(ordNoOf(market)).isEmpty() && steps < 60) {
            rig.server.advanceClock(10'000);
            ++steps;
        }
        QVERIFY(steps < 60);
        qint64 filled = 0;
        for (const QJsonObject &f : rig.fills()) {
            if (f.value(QStringLiteral("ord_no")).toString() == ordNoOf(market))
                filled = num(f, "cntr_qty");
        }
        QCOMPARE(filled, shown * 3);
    }

    void modifyAndCancelChain()
    {
        Rig rig;
        QVERIFY(rig.start(SimTest::config()));
        const QString code = QStringLiteral("005930");
        const QJsonObject q = rig.quoteOf(code);
        const qint64 lower = absValue(q.value(QStringLiteral("lst_pric")).toString());
        const qint64 p1 = Krx::addTicks(lower, 5);
        const auto first = rig.buy(code, 10, p1);
        QCOMPARE(first.returnCode(), 0);
        const QString root = ordNoOf(first);

        const qint64 p2 = Krx::addTicks(lower, 3);
        const auto modified = rig.client->tr(QStringLiteral("kt10002"),
            { { QStringLiteral("dmst_stex_tp"), QStringLiteral("KRX") }, { QStringLiteral("orig_ord_no"), root },
                { QStringLiteral("stk_cd"), code }, { QStringLiteral("mdfy_qty"), QStringLiteral("0") },
                { QStringLiteral("mdfy_uv"), QString::number(p2) }, { QStringLiteral("mdfy_cond_uv"), QString() } });
        QCOMPARE(modified.returnCode(), 0);
        QCOMPARE(modified.returnMsg(), QStringLiteral("매수정정 주문입력이 완료되었습니다"));
        const QString second = ordNoOf(modified);
        QVERIFY(second != root);
        QCOMPARE(modified.json.value(QStringLiteral("base_orig_ord_no")).toString(), root);
        QCOMPARE(modified.json.value(QStringLiteral("mdfy_qty")).toString(), QStringLiteral("000000000010"));
        QList<QJsonObject> open = rig.openOrders();
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.first().value(QStringLiteral("ord_no")).toString(), second);
        QCOMPARE(open.first().value(QStringLiteral("orig_ord_no")).toString(), root);
        QCOMPARE(num(open.first(), "ord_pric"), p2);
        QCOMPARE(open.first().value(QStringLiteral("io_tp_nm")).toString(), QStringLiteral("+매수정정"));

        // Modify the modification (4 of 10): the original keeps 6, base_orig_ord_no is still the root.
        const qint64 p3 = Krx::addTicks(lower, 2);
        const auto third = rig.client->tr(QStringLiteral("kt10002"),
            { { QStringLiteral("dmst_stex_tp"), QStringLiteral("KRX") }, { QStringLiteral("orig_ord_no"), second },
                { QStringLiteral("stk_cd"), code }, { QStringLiteral("mdfy_qty"), QStringLiteral("4") },
                { QStringLiteral("mdfy_uv"), QString::number(p3) } });
        QCOMPARE(third.returnCode(), 0);
        QCOMPARE(third.json.value(QStringLiteral("base_orig_ord_no")).toString(), root);
        QCOMPARE(num(rig.openOrder(second), "oso_qty"), qint64(6));
        QCOMPARE(num(rig.openOrder(ordNoOf(third)), "oso_qty"), qint64(4));

        // Cancel 2 of the 6, then all of the rest ("0"), and the 4 at p3.
        auto cancel = [&](const QString &orig, const QString &qty) {
            return rig.client->tr(QStringLiteral("kt10003"),
                { { QStringLiteral("dmst_stex_tp"), QStringLiteral("KRX") }, { QStringLiteral("orig_ord_no"), orig },
                    { QStringLiteral("stk_cd"), code }, { QStringLiteral("cncl_qty"), qty } });
        };
        const auto partial = cancel(second, QStringLiteral("2"));
        QCOMPARE(partial.returnCode(), 0);
        QCOMPARE(partial.returnMsg(), QStringLiteral("매수취소 주문입력이 완료되었습니다"));
        QCOMPARE(partial.json.value(QStringLiteral("cncl_qty")).toString(), QStringLiteral("000000000002"));
        QCOMPARE(partial.json.value(QStringLiteral("base_orig_ord_no")).toString(), root);
        QCOMPARE(num(rig.openOrder(second), "oso_qty"), qint64(4));
        const auto rest = cancel(second, QStringLiteral("0"));
        QCOMPARE(rest.json.value(QStringLiteral("cncl_qty")).toString(), QStringLiteral("000000000004"));
        QVERIFY(rig.openOrder(second).isEmpty());
        QCOMPARE(cancel(ordNoOf(third), QStringLiteral("0")).returnCode(), 0);
        QVERIFY(rig.openOrders().isEmpty());
        // Nothing reserved any more; cancelling again is a rejection.
        const QJsonObject dep = rig.deposit();
        QCOMPARE(num(dep, "ord_alow_amt"), num(dep, "d2_entra"));
        const auto again = cancel(second, QStringLiteral("0"));
        QCOMPARE(again.returnCode(), 20);
    }

    void rejections_data()
    {
        QTest::addColumn<QString>("apiId");
        QTest::addColumn<QString>("what");
        QTest::addColumn<int>("returnCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("trade type 5") << "kt10000"
                                      << "tradetype" << 20 << "매매구분";
        QTest::newRow("off tick") << "kt10000"
                                  << "offtick" << 20 << "호가단위";
        QTest::newRow("above upper limit") << "kt10000"
                                           << "upper" << 20 << "상/하한가";
        QTest::newRow("below lower limit") << "kt10000"
                                           << "lower" << 20 << "상/하한가";
        QTest::newRow("insufficient cash") << "kt10000"
                                           << "cash" << 20 << "주문가능금액 부족";
        QTest::newRow("no holdings") << "kt10001"
                                     << "holdings" << 20 << "매도가능수량 부족";
        QTest::newRow("zero quantity") << "kt10000"
                                       << "zero" << 20 << "주문수량";
        QTest::newRow("unknown code") << "kt10000"
                                      << "code" << 2 << "[1902:";
        QTest::newRow("NXT venue") << "kt10000"
                                   << "nxt" << 20 << "KRX";
        QTest::newRow("missing trde_tp") << "kt10000"
                                         << "missing" << 2 << "[1511:필수입력 파라미터=trde_tp]";
    }
    void rejections()
    {
        QFETCH(QString, apiId);
        QFETCH(QString, what);
        QFETCH(int, returnCode);
        QFETCH(QString, message);
        Rig rig;
        QVERIFY(rig.start(SimTest::config()));
        const QString code = QStringLiteral("005930");
        const QJsonObject q = rig.quoteOf(code);
        const qint64 price = absValue(q.value(QStringLiteral("cur_prc")).toString());
        const qint64 upper = absValue(q.value(QStringLiteral("upl_pric")).toString());
        const qint64 lower = absValue(q.value(QStringLiteral("lst_pric")).toString());
        QJsonObject body { { QStringLiteral("dmst_stex_tp"), QStringLiteral("KRX") },
            { QStringLiteral("stk_cd"), code }, { QStringLiteral("ord_qty"), QStringLiteral("1") },
            { QStringLiteral("ord_uv"), QString::number(price) }, { QStringLiteral("trde_tp"), QStringLiteral("0") } };
        if (what == QLatin1String("tradetype"))
            body.insert(QStringLiteral("trde_tp"), QStringLiteral("5"));
        else if (what == QLatin1String("offtick"))
            body.insert(QStringLiteral("ord_uv"), QString::number(price + 1));
        else if (what == QLatin1String("upper"))
            body.insert(QStringLiteral("ord_uv"), QString::number(Krx::addTicks(upper, 1)));
        else if (what == QLatin1String("lower"))
            body.insert(QStringLiteral("ord_uv"), QString::number(Krx::addTicks(lower, -1)));
        else if (what == QLatin1String("cash"))
            body.insert(QStringLiteral("ord_qty"), QString::number(200'000'000 / price));
        else if (what == QLatin1String("zero"))
            body.insert(QStringLiteral("ord_qty"), QStringLiteral("0"));
        else if (what == QLatin1String("code"))
            body.insert(QStringLiteral("stk_cd"), QStringLiteral("999999"));
        else if (what == QLatin1String("nxt"))
            body.insert(QStringLiteral("dmst_stex_tp"), QStringLiteral("NXT"));
        else if (what == QLatin1String("missing"))
            body.remove(QStringLiteral("trde_tp"));
        const auto reply = rig.client->tr(apiId, body);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.returnCode(), returnCode);
        QVERIFY2(reply.returnMsg().contains(message), qPrintable(reply.returnMsg()));
        QVERIFY(!reply.json.contains(QStringLiteral("ord_no"))
            || reply.json.value(QStringLiteral("ord_no")).toString().isEmpty());
        QVERIFY(rig.openOrders().isEmpty());
        QVERIFY(rig.fills().isEmpty());
    }

    void sessionClosedWhenFollowingKrxHours()
    {
        Rig rig;
        SimConfig c = SimTest::config();
        c.followSessionHours = true;
        c.startTimeMs = Krx::fromKst(QDate(2025, 3, 10), QTime(20, 0));
        QVERIFY(rig.start(c));
        const auto closed = rig.buy(QStringLiteral("005930"), 1);
        QCOMPARE(closed.returnCode(), 20);
        QCOMPARE(closed.returnMsg(), QStringLiteral("장종료"));
        // Next morning at 08:45 orders are accepted and queue for the 09:00 opening auction.
        rig.server.market()->advanceTo(Krx::fromKst(QDate(2025, 3, 11), QTime(8, 45)));
        const auto queued = rig.buy(QStringLiteral("005930"), 3);
        QCOMPARE(queued.returnCode(), 0);
        QCOMPARE(num(rig.openOrder(ordNoOf(queued)), "oso_qty"), qint64(3));
        rig.server.advanceClock(20 * 60 * 1000); // 09:05
        QVERIFY(rig.openOrders().isEmpty());
        const QJsonObject day = rig.client
                                    ->tr(QStringLiteral("ka10081"),
                                        { { QStringLiteral("stk_cd"), QStringLiteral("005930") },
                                            { QStringLiteral("base_dt"), QStringLiteral("20250311") },
                                            { QStringLiteral("upd_stkpc_tp"), QStringLiteral("1") } })
                                    .json.value(QStringLiteral("stk_dt_pole_chart_qry"))
                                    .toArray()
                                    .first()
                                    .toObject();
        QCOMPARE(num(rig.fills().first(), "cntr_pric"), num(day, "open_pric")); // filled at the opening print
    }

    void dayOrdersExpireAndCashSettlesTPlus2()
    {
        Rig rig;
        QVERIFY(rig.start(SimTest::config()));
        const QString code = QStringLiteral("105560");
        const qint64 lower = absValue(rig.quoteOf(code).value(QStringLiteral("lst_pric")).toString());
        QCOMPARE(rig.buy(code, 3, Krx::addTicks(lower, 1)).returnCode(), 0); // will never fill today
        QCOMPARE(rig.buy(code, 10).returnCode(), 0);
        const QJsonObject before = rig.deposit();
        QCOMPARE(num(before, "entr"), qint64(100'000'000)); // unsettled: the deposit has not moved
        const qint64 d2 = num(before, "d2_entra");
        QVERIFY(d2 < 100'000'000);
        QVERIFY(isPadded(before.value(QStringLiteral("entr")).toString(), 15));
        QVERIFY(isPadded(before.value(QStringLiteral("d2_entra")).toString(), 15));
        QCOMPARE(num(before, "d2_slby_exct_amt"), d2 - 100'000'000);

        rig.server.advanceClock(6 * 3600 * 1000); // through the close into Tuesday
        QVERIFY(rig.openOrders().isEmpty()); // the resting order expired with the close
        QJsonObject dep = rig.deposit();
        QCOMPARE(num(dep, "entr"), qint64(100'000'000));
        QCOMPARE(num(dep, "d1_entra"), d2); // settles tomorrow (Wednesday = T+2)
        QCOMPARE(num(dep, "ord_alow_amt"), d2);
        rig.server.advanceClock(6 * 3600 * 1000 + 30 * 60 * 1000); // Wednesday
        dep = rig.deposit();
        QCOMPARE(num(dep, "entr"), d2);
        QCOMPARE(num(dep, "d2_entra"), d2);
        QVERIFY(rig.fills().isEmpty()); // ka10076 reports today's fills only
        QCOMPARE(rig.holdings().size(), 1);
    }

    void ledgerAgreesAcrossTrs()
    {
        Rig rig;
        SimConfig c = SimTest::config(7);
        c.listPageSize = 2; // paging everywhere
        QVERIFY(rig.start(c));
        const qint64 initial = c.initialCash;
        // A sequence of trades over two days in three stocks.
        QCOMPARE(rig.buy(QStringLiteral("005930"), 100).returnCode(), 0);
        QCOMPARE(rig.buy(QStringLiteral("035720"), 300).returnCode(), 0);
        const qint64 hynixAsk
            = absValue(rig.bookOf(QStringLiteral("000660")).value(QStringLiteral("sel_2th_pre_bid")).toString());
        QCOMPARE(rig.buy(QStringLiteral("000660"), 20, hynixAsk).returnCode(), 0);
        rig.server.advanceClock(30 * 60 * 1000);
        QCOMPARE(rig.sell(QStringLiteral("005930"), 40).returnCode(), 0);
        QCOMPARE(rig.sell(QStringLiteral("035720"), 300).returnCode(), 0);
        rig.server.advanceClock(7 * 3600 * 1000); // next day
        QCOMPARE(rig.buy(QStringLiteral("005930"), 15).returnCode(), 0);
        QCOMPARE(rig.sell(QStringLiteral("000660"), 5).returnCode(), 0);
        rig.server.advanceClock(20 * 60 * 1000);

        const QJsonObject dep = rig.deposit();
        QJsonObject top;
        const QList<QJsonObject> holdings = rig.holdings(&top);
        const QJsonObject pl = rig.client
                                   ->tr(QStringLiteral("ka10074"),
                                       { { QStringLiteral("strt_dt"), QStringLiteral("20250301") },
                                           { QStringLiteral("end_dt"), QStringLiteral("20250331") } })
                                   .json;
        const qint64 bought = num(pl, "tot_buy_amt");
        const qint64 sold = num(pl, "tot_sell_amt");
        const qint64 fees = num(pl, "trde_cmsn");
        const qint64 taxes = num(pl, "trde_tax");
        const qint64 realized = num(pl, "rlzt_pl");
        QVERIFY(bought > 0 && sold > 0 && fees > 0 && taxes > 0);
        // Tax: 0.20 % of each sell fill, rounded down per fill (so within one won per fill of the total).
        QVERIFY(taxes <= sold * 20 / 10000 && taxes >= sold * 20 / 10000 - 10);

        // 1. Cash: D+2 deposit = initial - bought + sold - commissions - taxes.
        QCOMPARE(num(dep, "d2_entra"), initial - bought + sold - fees - taxes);
        // 2. Holdings at cost: D+2 deposit + Σ(purchase amount + buy commission) = initial + realized P&L.
        qint64 cost = 0;
        qint64 evaluation = 0;
        qint64 pl18 = 0;
        for (const QJsonObject &h : holdings) {
            cost += num(h, "pur_amt") + num(h, "pur_cmsn");
            evaluation += num(h, "evlt_amt");
            pl18 += num(h, "evltv_prft");
            QCOMPARE(num(h, "evlt_amt"), num(h, "cur_prc") * num(h, "rmnd_qty"));
            QCOMPARE(num(h, "evltv_prft"), num(h, "evlt_amt") - num(h, "pur_amt") - num(h, "sum_cmsn") - num(h, "tax"));
        }
        QCOMPARE(num(dep, "d2_entra") + cost, initial + realized);
        QCOMPARE(num(top, "tot_evlt_amt"), evaluation);
        QCOMPARE(num(top, "tot_evlt_pl"), pl18);
        QCOMPARE(num(top, "prsm_dpst_aset_amt"), num(dep, "d2_entra") + evaluation);
        // 3. Quantities: Σ buys − Σ sells of the fills equals the holdings (today's fills + yesterday's
        //    holdings are checked through kt00004's today columns).
        const QJsonObject eval = rig.client
                                     ->tr(QStringLiteral("kt00004"),
                                         { { QStringLiteral("qry_tp"), QStringLiteral("0") },
                                             { QStringLiteral("dmst_stex_tp"), QStringLiteral("KRX") } })
                                     .json;
        const QList<QJsonObject> evalRows = rig.client->allPages(QStringLiteral("kt00004"),
            { { QStringLiteral("qry_tp"), QStringLiteral("0") },
                { QStringLiteral("dmst_stex_tp"), QStringLiteral("KRX") } },
            QStringLiteral("stk_acnt_evlt_prst"));
        QCOMPARE(evalRows.size(), holdings.size());
        for (int i = 0; i < holdings.size(); ++i) {
            const QJsonObject &h = holdings.at(i);
            const QJsonObject &e = evalRows.at(i);
            QCOMPARE(e.value(QStringLiteral("stk_cd")).toString(), h.value(QStringLiteral("stk_cd")).toString());
            QCOMPARE(num(e, "rmnd_qty"), num(h, "rmnd_qty"));
            QCOMPARE(num(e, "avg_prc"), num(h, "pur_pric"));
            QCOMPARE(num(e, "evlt_amt"), num(h, "evlt_amt"));
            QCOMPARE(num(e, "pl_amt"), num(h, "evltv_prft"));
            QVERIFY(isPadded(e.value(QStringLiteral("pl_amt")).toString(), 12));
        }
        QCOMPARE(num(eval, "tot_est_amt"), evaluation);
        QCOMPARE(num(eval, "d2_entra"), num(dep, "d2_entra"));
        // 4. Today's fills (ka10076) against today's totals of ka10074 and ka10077.
        qint64 todayFees = 0;
        qint64 todayTaxes = 0;
        qint64 soldToday = 0;
        qint64 boughtToday = 0;
        for (const QJsonObject &f : rig.fills()) {
            todayFees += num(f, "tdy_trde_cmsn");
            todayTaxes += num(f, "tdy_trde_tax");
            (f.value(QStringLiteral("io_tp_nm")).toString().contains(QStringLiteral("매수")) ? boughtToday : soldToday)
                += num(f, "cntr_qty");
        }
        QCOMPARE(boughtToday, qint64(15));
        QCOMPARE(soldToday, qint64(5));
        const QList<QJsonObject> days = rig.client->allPages(QStringLiteral("ka10074"),
            { { QStringLiteral("strt_dt"), QStringLiteral("20250301") },
                { QStringLiteral("end_dt"), QStringLiteral("20250331") } },
            QStringLiteral("dt_rlzt_pl"));
        QCOMPARE(days.size(), 2);
        QCOMPARE(days.first().value(QStringLiteral("dt")).toString(), QStringLiteral("20250311"));
        QCOMPARE(num(days.first(), "tdy_trde_cmsn"), todayFees);
        QCOMPARE(num(days.first(), "tdy_trde_tax"), todayTaxes);
        qint64 dayRealized = 0;
        for (const QJsonObject &d : days)
            dayRealized += num(d, "tdy_sel_pl");
        QCOMPARE(dayRealized, realized);
        const QJsonObject hynix
            = rig.client->tr(QStringLiteral("ka10077"), { { QStringLiteral("stk_cd"), QStringLiteral("000660") } })
                  .json;
        QCOMPARE(num(hynix, "tdy_rlzt_pl"), num(days.first(), "tdy_sel_pl"));
        const QJsonArray detail = hynix.value(QStringLiteral("tdy_rlzt_pl_dtl")).toArray();
        QVERIFY(!detail.isEmpty());
        QCOMPARE(detail.first().toObject().value(QStringLiteral("stk_cd")).toString(), QStringLiteral("A000660"));
        // 5. Holdings quantities: 005930 100 - 40 + 15, 000660 20 - 5, 035720 sold out.
        QCOMPARE(holdings.size(), 2);
        QCOMPARE(holdings.at(0).value(QStringLiteral("stk_cd")).toString(), QStringLiteral("A000660"));
        QCOMPARE(num(holdings.at(0), "rmnd_qty"), qint64(15));
        QCOMPARE(num(holdings.at(1), "rmnd_qty"), qint64(75));
        QCOMPARE(num(holdings.at(1), "tdy_buyq"), qint64(15));
        // 6. ka00001 reports the account.
        QCOMPARE(
            rig.client->tr(QStringLiteral("ka00001"), {}).json.value(QStringLiteral("acctNo")).toString(), c.accountNo);
    }
};

QTEST_GUILESS_MAIN(TestSimOrders)
#include "tst_simorders.moc"
