// SPDX-License-Identifier: GPL-3.0-or-later
// BrokerLedger against the simulator over loopback: it reads holdings, open orders, fills, deposit
// and realized P&L through the Kiwoom TRs (paging and rate-limit refusals included), and a "perfect
// app" — records built from the simulator's own orders and fills — agrees with it to the won, while
// a missing fill or an order the app never recorded is reported.
#include "brokerledger.h"
#include "common/clock.h"
#include "sim/simexchange.h"
#include "sim/simmarket.h"
#include "sim/simserver.h"
#include "simtestclient.h"
#include "simtestconfig.h"

#include <QtTest>

namespace {

// Real time (the default clock): the quota's one-second window must pass while the ledger waits.
struct Rig
{
    SimServer server;
    std::unique_ptr<SimTestClient> client;

    bool start(const SimConfig &c)
    {
        if (!server.start(c))
            return false;
        client = std::make_unique<SimTestClient>(server.restBaseUrl());
        return client->issueToken(SimTest::appKey(), SimTest::secretKey()).returnCode() == 0;
    }
    QString order(bool buy, const QString &code, qint64 qty, qint64 price = 0)
    {
        // The rig's own orders must not trip the quota: wait it out like a client would.
        for (int attempt = 0; attempt < 100; ++attempt) {
            const auto r = client->tr(buy ? QStringLiteral("kt10000") : QStringLiteral("kt10001"),
                { { QStringLiteral("dmst_stex_tp"), QStringLiteral("KRX") }, { QStringLiteral("stk_cd"), code },
                    { QStringLiteral("ord_qty"), QString::number(qty) },
                    { QStringLiteral("ord_uv"), price > 0 ? QString::number(price) : QString() },
                    { QStringLiteral("trde_tp"), price > 0 ? QStringLiteral("0") : QStringLiteral("3") },
                    { QStringLiteral("cond_uv"), QString() } });
            if (r.status == 429) {
                QTest::qWait(250);
                continue;
            }
            return r.returnCode() == 0 ? r.json.value(QStringLiteral("ord_no")).toString() : QString();
        }
        return {};
    }
};

// What a faultless app would have recorded: one orders row per broker order, one execution per
// fill, positions from the holdings (and a closed one for a stock sold out), one sell_orders row
// per sell with its realized P&L.
Ledger::AppRecords perfectApp(const SimServer &server)
{
    using namespace Ledger;
    AppRecords app;
    const SimMarket &market = *server.market();
    const SimExchange &exchange = *server.exchange();
    QHash<int, qint64> realizedByStock;
    QHash<int, qint64> realizedByOrder;
    for (const SimFill &f : exchange.fills()) {
        app.executions.append(
            AppExecution { f.fillNo, f.ordNo, QString::number(f.fillNo), f.price, f.qty, f.fee, f.tax });
        realizedByStock[f.stock] += f.realized;
        realizedByOrder[f.ordNo] += f.realized;
    }
    for (const SimOrder &o : exchange.orders()) {
        AppOrder a;
        a.id = o.ordNo;
        a.clientOrderId = QStringLiteral("c%1").arg(o.ordNo);
        a.brokerOrderNo = QStringLiteral("%1").arg(o.ordNo, 7, 10, QLatin1Char('0'));
        a.action = QStringLiteral("PLACE");
        a.side = o.side == SimSide::Buy ? Side::Buy : Side::Sell;
        a.code = market.info(o.stock).code;
        a.quantity = o.qty;
        a.price = o.price;
        a.filledQuantity = o.filledQty;
        a.filledAmount = o.filledAmount;
        a.state = o.state == SimOrderState::Open
            ? (o.filledQty > 0 ? QStringLiteral("PARTIAL") : QStringLiteral("ACCEPTED"))
            : o.filledQty == o.qty ? QStringLiteral("FILLED")
                                   : QStringLiteral("CANCELLED");
        a.origin = QStringLiteral("manual");
        a.tradingDate = o.date.toString(Qt::ISODate);
        app.orders.append(a);
        if (o.side == SimSide::Sell && o.filledQty > 0) {
            app.sellOrders.append(AppSellOrder {
                o.ordNo, o.stock + 1, a.code, QStringLiteral("COMPLETED"), o.ordNo, realizedByOrder.value(o.ordNo) });
        }
    }
    QSet<int> stocks;
    for (const SimOrder &o : exchange.orders())
        stocks.insert(o.stock);
    for (int stock : stocks) {
        const SimAccount::Holding h = exchange.account().holdings().value(stock);
        AppPosition p;
        p.id = stock + 1;
        p.code = market.info(stock).code;
        p.status = h.qty > 0 ? QStringLiteral("OPEN") : QStringLiteral("CLOSED");
        p.quantity = h.qty;
        p.buyPrice = h.qty > 0 ? (h.purchaseAmount + h.qty / 2) / h.qty : 1; // rounded, as the app keeps it
        p.realizedProfitLoss = realizedByStock.value(stock);
        app.positions.append(p);
    }
    return app;
}

} // namespace

class TestBrokerLedgerSim final : public QObject
{
    Q_OBJECT

private slots:
    void readsTheBrokerAndAPerfectAppAgrees()
    {
        Rig rig;
        SimConfig config = SimTest::config();
        config.listPageSize = 2; // every list TR pages
        config.queryQuotaPerSecond = 2; // and the ledger meets 429s
        QVERIFY(rig.start(config));
        const QString samsung = QStringLiteral("005930");
        const QString hynix = QStringLiteral("000660");
        QVERIFY(!rig.order(true, samsung, 10).isEmpty());
        QVERIFY(!rig.order(true, QStringLiteral("035420"), 3).isEmpty());
        rig.server.advanceClock(30'000);
        QVERIFY(!rig.order(false, samsung, 4).isEmpty());
        QVERIFY(!rig.order(false, QStringLiteral("035420"), 3).isEmpty()); // sold out
        const qint64 low
            = Krx::snapDown(rig.server.market()->quote(rig.server.market()->indexOf(hynix)).price * 90 / 100);
        const QString resting = rig.order(true, hynix, 5, low);
        QVERIFY(!resting.isEmpty());
        QVERIFY(!rig.order(true, QStringLiteral("000270"), 2).isEmpty());
        rig.server.advanceClock(30'000);

        BrokerLedger ledger(rig.server.restBaseUrl(), SimTest::appKey(), SimTest::secretKey());
        const QDate today(2025, 3, 10);
        const auto read = ledger.read(today, { samsung, QStringLiteral("035420") });
        QVERIFY2(read.ok(), read.ok() ? "" : qPrintable(read.error().message));
        const Ledger::BrokerRecords &b = read.value();
        // It met the per-second quota (1700) and waited it out.
        QVERIFY(rig.server.state()
                    .value(QStringLiteral("quota_rejections"))
                    .toObject()
                    .value(QStringLiteral("1700"))
                    .toDouble()
            > 0);
        QCOMPARE(b.tradingDate, today);
        QCOMPARE(b.orders.size(), 6);
        QCOMPARE(b.holdings.size(), 2); // 005930 and 000270; 035420 was sold out
        qint64 held = 0;
        for (const Ledger::BrokerHolding &h : b.holdings) {
            QVERIFY(!h.code.startsWith(QLatin1Char('A')));
            if (h.code == samsung)
                held = h.quantity;
        }
        QCOMPARE(held, 6);
        bool sawResting = false;
        for (const Ledger::BrokerOrder &o : b.orders) {
            if (o.orderNo == resting) {
                sawResting = true;
                QVERIFY(o.open);
                QCOMPARE(o.openQuantity, 5);
                QCOMPARE(o.filledQuantity, 0);
                QCOMPARE(o.side, Side::Buy);
                QCOMPARE(o.code, hynix);
            }
        }
        QVERIFY(sawResting);
        const SimAccount &account = rig.server.exchange()->account();
        QCOMPARE(b.d2Deposit, account.d2Deposit());
        QCOMPARE(b.realized, account.day(today).realized);
        QCOMPARE(b.fees, account.day(today).fees);
        QCOMPARE(b.taxes, account.day(today).taxes);
        QVERIFY(b.taxes > 0);
        QVERIFY(b.realizedToday.contains(QStringLiteral("035420")));

        Ledger::CompareOptions options;
        options.compareMoney = true;
        options.initialCash = config.initialCash;
        Ledger::AppRecords app = perfectApp(rig.server);
        QStringList found = Ledger::compare(b, app, options);
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));

        // A fill the app missed, and an order it never recorded.
        Ledger::AppRecords missed = app;
        missed.executions.removeLast();
        found = Ledger::compare(b, missed, options);
        QVERIFY(found.size() >= 3); // the order's quantity, the fees, the cash
        Ledger::AppRecords unknown = app;
        unknown.orders.removeLast();
        found = Ledger::compare(b, unknown, options);
        QVERIFY2(
            !found.filter(QStringLiteral("is not in orders")).isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
    }

    void brokerErrorsAreErrorsNotAPartialPicture()
    {
        Rig rig;
        QVERIFY(rig.start(SimTest::config()));
        QVERIFY(rig.server.addFaults(QStringLiteral("http5xx,count=1,api=ka10076")).ok());
        BrokerLedger ledger(rig.server.restBaseUrl(), SimTest::appKey(), SimTest::secretKey());
        const auto read = ledger.read(QDate(2025, 3, 10));
        QVERIFY(!read.ok());
        QCOMPARE(read.error().code, QStringLiteral("ledger.http"));
        QVERIFY(read.error().message.contains(QStringLiteral("ka10076")));
        QVERIFY(ledger.read(QDate(2025, 3, 10)).ok()); // the fault was one request

        BrokerLedger wrongKeys(rig.server.restBaseUrl(), QStringLiteral("nope"), QStringLiteral("nope"));
        QCOMPARE(wrongKeys.read(QDate(2025, 3, 10)).error().code, QStringLiteral("ledger.token"));
    }
};

QTEST_GUILESS_MAIN(TestBrokerLedgerSim)
#include "tst_brokerledgersim.moc"
