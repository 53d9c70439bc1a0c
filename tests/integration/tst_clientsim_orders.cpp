// SPDX-License-Identifier: GPL-3.0-or-later
// Orders and the account through the app's Kiwoom client against the simulator: a market buy shows
// up in holdings (kt00018, kt00004), cash (kt00001), fills (ka10076) and the realtime order/balance
// notices (00, 04) with the same numbers the simulator's ledger holds; a limit order rests in
// ka10075 through a modify/cancel chain; a round trip realizes P&L (ka10074, ka10077); every
// rejection comes back as a typed, definite error and leaves the ledger untouched.
#include "clientsimfixture.h"
#include "market/krx.h"
#include "sim/simexchange.h"
#include "sim/simmarket.h"
#include "sim/simserver.h"

#include <QtTest>

using namespace Kiwoom;

class TestClientSimOrders final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ClientSimFixture> f;
    QString stock; // liquid, 50,000–200,000 KRW (tick 100)

    KiwoomResult<OrderAck> place(
        Side side, const QString &code, qint64 qty, qint64 price = 0, TradeType type = TradeType::Market)
    {
        OrderRequest r;
        r.side = side;
        r.code = code;
        r.quantity = qty;
        r.price = price;
        r.tradeType = price > 0 && type == TradeType::Market ? TradeType::Limit : type;
        return ClientSimFixture::await<OrderAck>([&](QObject *ctx, auto done) { f->rest().placeOrder(r, ctx, done); });
    }
    KiwoomResult<Deposit> deposit()
    {
        return ClientSimFixture::await<Deposit>(
            [&](QObject *ctx, auto done) { f->rest().deposit(DepositRequest(), ctx, done); });
    }
    KiwoomResult<Holdings> holdings()
    {
        HoldingsRequest r;
        r.paging.maxPages = 10;
        return ClientSimFixture::await<Holdings>([&](QObject *ctx, auto done) { f->rest().holdings(r, ctx, done); });
    }
    KiwoomResult<OpenOrders> openOrders(int maxPages = 10)
    {
        OpenOrdersRequest r;
        r.paging.maxPages = maxPages;
        return ClientSimFixture::await<OpenOrders>(
            [&](QObject *ctx, auto done) { f->rest().openOrders(r, ctx, done); });
    }
    KiwoomResult<Fills> fills()
    {
        FillsRequest r;
        r.paging.maxPages = 10;
        return ClientSimFixture::await<Fills>([&](QObject *ctx, auto done) { f->rest().fills(r, ctx, done); });
    }
    int simOrders() const { return int(f->server().exchange()->orders().size()); }
    // A price n ticks below the best bid: rests without filling while the clock stands still.
    qint64 restingBuyPrice(int ticksBelow = 5) const
    {
        const SimBook book = f->server().market()->book(f->indexOf(stock));
        return Krx::addTicks(book.bids[0].price, -ticksBelow);
    }

private slots:
    void init()
    {
        f = std::make_unique<ClientSimFixture>();
        ClientSimFixture::Options o;
        o.sim.listPageSize = 2;
        QVERIFY2(f->start(o), qPrintable(f->error()));
        stock = f->stockPricedBetween(50'000, 199'999);
        QVERIFY(!stock.isEmpty());
    }
    void cleanup() { f.reset(); }

    void accountNumber()
    {
        const auto a = ClientSimFixture::await<AccountNumber>(
            [&](QObject *ctx, auto done) { f->rest().accountNumber(ctx, done); });
        QVERIFY2(a, describe(a));
        QCOMPARE(a->accountNo, QString::fromLatin1(Sim::DEFAULT_ACCOUNT_NO));
    }

    void marketBuyShowsUpEverywhere()
    {
        const auto before = deposit();
        QVERIFY2(before, describe(before));
        QCOMPARE(before->d2Deposit, f->options().sim.initialCash);
        QCOMPARE(before->orderable, f->options().sim.initialCash);
        QCOMPARE(before->deposit, f->options().sim.initialCash);

        const auto ack = place(Side::Buy, stock, 10);
        QVERIFY2(ack, describe(ack));
        QCOMPARE(ack->orderNo.size(), 7);
        QCOMPARE(ack->exchange, QStringLiteral("KRX"));
        QVERIFY(ack->message.contains(QStringLiteral("매수")));
        QCOMPARE(simOrders(), 1);

        // The simulator's ledger is the reference.
        const SimAccount &ledger = f->server().exchange()->account();
        const SimAccount::Holding held = ledger.holding(f->indexOf(stock));
        QCOMPARE(held.qty, 10);
        const qint64 amount = held.purchaseAmount;
        const qint64 fee = held.buyFees;
        QVERIFY(fee > 0);

        const auto h = holdings();
        QVERIFY2(h, describe(h));
        QCOMPARE(h->holdings.size(), 1);
        const Holding &row = h->holdings.first();
        QCOMPARE(row.code, stock); // "A" prefix stripped
        QCOMPARE(row.quantity, 10);
        QCOMPARE(row.sellableQty, 10);
        QCOMPARE(row.purchasePrice, amount / 10);
        QCOMPARE(row.purchaseAmount, amount);
        QCOMPARE(row.purchaseFee, fee);
        QCOMPARE(row.price, f->quote(stock).price);
        QVERIFY(Krx::isOnTick(row.price));
        QCOMPARE(row.evaluation, row.price * 10);
        QCOMPARE(h->totalPurchase, amount);

        // Cash: D+2 and orderable fall by amount + fee; the settled deposit only at T+2.
        const auto after = deposit();
        QVERIFY2(after, describe(after));
        QCOMPARE(before->d2Deposit - after->d2Deposit, amount + fee);
        QCOMPARE(before->orderable - after->orderable, amount + fee);
        QCOMPARE(after->deposit, before->deposit);

        // ka10076 lists the fill, ka10075 nothing (it is filled).
        const auto fl = fills();
        QVERIFY2(fl, describe(fl));
        QCOMPARE(fl->fills.size(), 1);
        const Fill &fill = fl->fills.first();
        QCOMPARE(fill.orderNo, ack->orderNo);
        QCOMPARE(fill.code, stock);
        QCOMPARE(fill.side, std::optional<Side>(Side::Buy));
        QCOMPARE(fill.fillQty, 10);
        QCOMPARE(fill.unfilledQty, 0);
        QCOMPARE(fill.fillPrice, amount / 10);
        QCOMPARE(fill.todayFee, fee);
        QCOMPARE(Krx::kstDate(fill.timeMs), QDate(2025, 3, 10));
        const auto open = openOrders();
        QVERIFY2(open, describe(open));
        QVERIFY(open->orders.isEmpty());

        // kt00004 agrees.
        AccountEvaluationRequest er;
        const auto eval = ClientSimFixture::await<AccountEvaluation>(
            [&](QObject *ctx, auto done) { f->rest().accountEvaluation(er, ctx, done); });
        QVERIFY2(eval, describe(eval));
        QCOMPARE(eval->stocks.size(), 1);
        QCOMPARE(eval->stocks.first().code, stock);
        QCOMPARE(eval->stocks.first().quantity, 10);
        QCOMPARE(eval->stocks.first().avgPrice, amount / 10);
        QCOMPARE(eval->stocks.first().todayBuyQty, 10);
        QCOMPARE(eval->totalPurchase, amount);
        QCOMPARE(eval->d2Deposit, after->d2Deposit);
        QVERIFY(!eval->accountName.isEmpty());
    }

    void limitOrderModifyCancelChain()
    {
        const auto before = deposit();
        QVERIFY2(before, describe(before));
        const qint64 price = restingBuyPrice();
        const auto ack = place(Side::Buy, stock, 3, price);
        QVERIFY2(ack, describe(ack));

        auto open = openOrders();
        QVERIFY2(open, describe(open));
        QCOMPARE(open->orders.size(), 1);
        OpenOrder o = open->orders.first();
        QCOMPARE(o.orderNo, ack->orderNo);
        QCOMPARE(o.code, stock);
        QCOMPARE(o.orderQty, 3);
        QCOMPARE(o.unfilledQty, 3);
        QCOMPARE(o.orderPrice, price);
        QCOMPARE(o.status, QStringLiteral("접수"));
        QCOMPARE(o.side, std::optional<Side>(Side::Buy));
        QCOMPARE(o.tradeTypeText, QStringLiteral("보통"));
        QCOMPARE(o.accountNo, QString::fromLatin1(Sim::DEFAULT_ACCOUNT_NO));
        QCOMPARE(Krx::kstDate(o.timeMs), QDate(2025, 3, 10));
        const auto reserved = deposit();
        QVERIFY2(reserved, describe(reserved));
        QVERIFY(reserved->orderable < before->orderable);
        QCOMPARE(reserved->d2Deposit, before->d2Deposit);

        // Modify: a new order number carries the quantity at the new price.
        ModifyRequest m;
        m.origOrderNo = ack->orderNo;
        m.code = stock;
        m.quantity = 0; // all remaining
        m.price = Krx::addTicks(price, -1);
        const auto mod
            = ClientSimFixture::await<ModifyAck>([&](QObject *ctx, auto done) { f->rest().modifyOrder(m, ctx, done); });
        QVERIFY2(mod, describe(mod));
        QVERIFY(mod->orderNo != ack->orderNo);
        QCOMPARE(mod->baseOrigOrderNo, ack->orderNo);
        QCOMPARE(mod->quantity, 3);
        QVERIFY(mod->message.contains(QStringLiteral("정정")));

        open = openOrders();
        QVERIFY2(open, describe(open));
        QCOMPARE(open->orders.size(), 1);
        o = open->orders.first();
        QCOMPARE(o.orderNo, mod->orderNo);
        QCOMPARE(o.origOrderNo, ack->orderNo);
        QCOMPARE(o.orderPrice, m.price);
        QCOMPARE(o.unfilledQty, 3);
        QCOMPARE(o.side, std::optional<Side>(Side::Buy));

        // Modify again, then cancel: base_orig_ord_no is the root of the whole chain.
        m.origOrderNo = mod->orderNo;
        m.price = Krx::addTicks(price, -2);
        const auto mod2
            = ClientSimFixture::await<ModifyAck>([&](QObject *ctx, auto done) { f->rest().modifyOrder(m, ctx, done); });
        QVERIFY2(mod2, describe(mod2));
        QCOMPARE(mod2->baseOrigOrderNo, ack->orderNo);

        CancelRequest c;
        c.origOrderNo = mod2->orderNo;
        c.code = stock;
        const auto cancel
            = ClientSimFixture::await<CancelAck>([&](QObject *ctx, auto done) { f->rest().cancelOrder(c, ctx, done); });
        QVERIFY2(cancel, describe(cancel));
        QVERIFY(cancel->orderNo != mod2->orderNo);
        QCOMPARE(cancel->baseOrigOrderNo, ack->orderNo);
        QCOMPARE(cancel->quantity, 3);

        open = openOrders();
        QVERIFY2(open, describe(open));
        QVERIFY(open->orders.isEmpty());
        const auto freed = deposit();
        QVERIFY2(freed, describe(freed));
        QCOMPARE(freed->orderable, before->orderable);

        // A second cancel of the same order is a definite rejection.
        const auto again
            = ClientSimFixture::await<CancelAck>([&](QObject *ctx, auto done) { f->rest().cancelOrder(c, ctx, done); });
        QVERIFY(!again);
        QCOMPARE(again.error().kind, KiwoomError::Kind::Rejected);
        QVERIFY(again.error().isDefinite());
    }

    void openOrdersPageNewestFirst()
    {
        QStringList placed;
        for (int i = 0; i < 5; ++i) {
            const auto ack = place(Side::Buy, stock, 1, restingBuyPrice(5 + i));
            QVERIFY2(ack, describe(ack));
            placed.prepend(ack->orderNo);
        }
        const auto one = openOrders(2);
        QVERIFY2(one, describe(one));
        QCOMPARE(one->orders.size(), 4); // 2 pages of 2: the page limit holds
        QVERIFY(one->page.hasMore);
        const auto all = openOrders(10);
        QVERIFY2(all, describe(all));
        QCOMPARE(all->page.pages, 3);
        QStringList got;
        for (const OpenOrder &o : all->orders)
            got << o.orderNo;
        QCOMPARE(got, placed); // newest first, no gap, no duplicate
    }

    void accountListsPageAcrossSeveralStocks()
    {
        // Five holdings with pages of two rows: kt00018, kt00004 and ka10076 over three pages each.
        QStringList bought;
        const SimMarket &m = *f->server().market();
        for (int i = 0; i < m.stockCount() && bought.size() < 5; ++i) {
            if (m.quote(i).price >= 5'000 && m.quote(i).price <= 300'000 && m.info(i).avgVolume >= 100'000) {
                const auto ack = place(Side::Buy, m.info(i).code, 3);
                QVERIFY2(ack, describe(ack));
                bought << m.info(i).code;
            }
        }
        QCOMPARE(bought.size(), 5);
        const SimAccount &ledger = f->server().exchange()->account();

        const auto h = holdings();
        QVERIFY2(h, describe(h));
        QCOMPARE(h->page.pages, 3);
        QVERIFY(!h->page.hasMore);
        QCOMPARE(h->holdings.size(), 5);
        QStringList codes;
        qint64 purchase = 0;
        for (const Holding &x : h->holdings) {
            codes << x.code;
            const SimAccount::Holding truth = ledger.holding(f->indexOf(x.code));
            QCOMPARE(x.quantity, truth.qty);
            QCOMPARE(x.purchaseAmount, truth.purchaseAmount);
            QCOMPARE(x.purchasePrice, truth.avgPrice());
            purchase += truth.purchaseAmount;
        }
        QCOMPARE(h->totalPurchase, purchase);
        QStringList expected = bought;
        expected.sort();
        QStringList unique = codes;
        unique.removeDuplicates();
        QCOMPARE(unique.size(), 5);
        unique.sort();
        QCOMPARE(unique, expected);

        // Only two pages: the rest is announced, and resumable.
        HoldingsRequest two;
        two.paging.maxPages = 2;
        const auto part
            = ClientSimFixture::await<Holdings>([&](QObject *ctx, auto done) { f->rest().holdings(two, ctx, done); });
        QVERIFY2(part, describe(part));
        QCOMPARE(part->holdings.size(), 4);
        QVERIFY(part->page.hasMore);
        two.paging.nextKey = part->page.nextKey;
        const auto tail
            = ClientSimFixture::await<Holdings>([&](QObject *ctx, auto done) { f->rest().holdings(two, ctx, done); });
        QVERIFY2(tail, describe(tail));
        QCOMPARE(tail->holdings.size(), 1);
        QCOMPARE(tail->holdings.first().code, h->holdings.last().code);

        AccountEvaluationRequest er;
        er.paging.maxPages = 10;
        const auto eval = ClientSimFixture::await<AccountEvaluation>(
            [&](QObject *ctx, auto done) { f->rest().accountEvaluation(er, ctx, done); });
        QVERIFY2(eval, describe(eval));
        QCOMPARE(eval->page.pages, 3);
        QCOMPARE(eval->stocks.size(), 5);
        QStringList evalCodes;
        for (const EvaluatedStock &x : eval->stocks)
            evalCodes << x.code;
        QCOMPARE(evalCodes, expected); // sorted by code, continuous

        const auto fl = fills();
        QVERIFY2(fl, describe(fl));
        QCOMPARE(fl->page.pages, 3);
        QCOMPARE(fl->fills.size(), 5);
        for (int i = 1; i < fl->fills.size(); ++i)
            QVERIFY(fl->fills.at(i).orderNo < fl->fills.at(i - 1).orderNo); // newest first
        // ka10076's ord_no asks for fills older than an order.
        FillsRequest older;
        older.beforeOrderNo = fl->fills.at(1).orderNo;
        older.paging.maxPages = 10;
        const auto olderFills
            = ClientSimFixture::await<Fills>([&](QObject *ctx, auto done) { f->rest().fills(older, ctx, done); });
        QVERIFY2(olderFills, describe(olderFills));
        QCOMPARE(olderFills->fills.size(), 3);
        QCOMPARE(olderFills->fills.first().orderNo, fl->fills.at(2).orderNo);
    }

    void roundTripRealizesPnl()
    {
        QVERIFY2(place(Side::Buy, stock, 20), "buy");
        f->advance(5 * 60 * 1000);
        const auto sell = place(Side::Sell, stock, 20);
        QVERIFY2(sell, describe(sell));
        QVERIFY(sell->message.contains(QStringLiteral("매도")));

        const QList<SimFill> &simFills = f->server().exchange()->fills();
        qint64 realized = 0;
        qint64 sellFees = 0;
        qint64 taxes = 0;
        qint64 bought = 0;
        qint64 sold = 0;
        for (const SimFill &x : simFills) {
            if (x.side == SimSide::Sell) {
                realized += x.realized;
                sellFees += x.fee;
                taxes += x.tax;
                sold += x.price * x.qty;
            } else {
                bought += x.price * x.qty;
            }
        }
        QVERIFY(taxes > 0);

        const auto h = holdings();
        QVERIFY2(h, describe(h));
        QVERIFY(h->holdings.isEmpty());

        const auto today = ClientSimFixture::await<TodayRealized>(
            [&](QObject *ctx, auto done) { f->rest().todayRealized(stock, Paging(), ctx, done); });
        QVERIFY2(today, describe(today));
        QCOMPARE(today->pnl, realized);
        QVERIFY(!today->rows.isEmpty());
        qint64 qty = 0;
        qint64 rowFees = 0;
        qint64 rowTaxes = 0;
        for (const TodayRealizedRow &row : today->rows) {
            QCOMPARE(row.code, stock);
            QVERIFY(Krx::isOnTick(row.sellPrice));
            QVERIFY(row.buyPrice > 0);
            qty += row.quantity;
            rowFees += row.fee;
            rowTaxes += row.tax;
        }
        QCOMPARE(qty, 20);
        QCOMPARE(rowFees, sellFees);
        QCOMPARE(rowTaxes, taxes);

        RealizedPnlRequest r;
        r.startDate = QDate(2025, 3, 1);
        r.endDate = QDate(2025, 3, 10);
        const auto byDay = ClientSimFixture::await<RealizedPnl>(
            [&](QObject *ctx, auto done) { f->rest().realizedPnl(r, ctx, done); });
        QVERIFY2(byDay, describe(byDay));
        QCOMPARE(byDay->pnl, realized);
        QCOMPARE(byDay->totalBuy, bought);
        QCOMPARE(byDay->totalSell, sold);
        QCOMPARE(byDay->taxes, taxes);
        QCOMPARE(byDay->days.size(), 1);
        QCOMPARE(byDay->days.first().date, QDate(2025, 3, 10));
        QCOMPARE(byDay->days.first().pnl, realized);

        // The ledger identity (SimAccount): D+2 deposit = initial cash + realized P&L once flat.
        const auto cash = deposit();
        QVERIFY2(cash, describe(cash));
        QCOMPARE(cash->d2Deposit, f->options().sim.initialCash + realized);
    }

    void rejections_data()
    {
        QTest::addColumn<int>("kind"); // 0 cash, 1 off tick, 2 above limit, 3 unknown code, 4 trade type, 5 sell unheld
        QTest::addColumn<int>("expectedKind");
        QTest::addColumn<int>("expectedCode");
        QTest::addColumn<QString>("reason");
        const int rejected = int(KiwoomError::Kind::Rejected);
        const int api = int(KiwoomError::Kind::Api);
        QTest::newRow("insufficient cash") << 0 << rejected << 0 << QStringLiteral("주문가능금액 부족");
        QTest::newRow("off the tick ladder") << 1 << rejected << 0 << QStringLiteral("호가단위");
        QTest::newRow("above the upper limit") << 2 << rejected << 0 << QStringLiteral("상/하한가");
        QTest::newRow("unknown stock code") << 3 << api << 1902 << QStringLiteral("종목");
        QTest::newRow("unsupported trade type") << 4 << rejected << 0 << QStringLiteral("매매구분");
        QTest::newRow("selling what is not held") << 5 << rejected << 0 << QStringLiteral("매도가능수량 부족");
    }

    void rejections()
    {
        QFETCH(int, kind);
        QFETCH(int, expectedKind);
        QFETCH(int, expectedCode);
        QFETCH(QString, reason);
        const SimQuote q = f->quote(stock);
        OrderRequest r;
        r.side = Side::Buy;
        r.code = stock;
        r.quantity = 1;
        r.tradeType = TradeType::Limit;
        r.price = q.price;
        switch (kind) {
        case 0:
            r.quantity = f->options().sim.initialCash / q.price + 1;
            break;
        case 1:
            r.price = q.price + 1; // tick 100 here
            break;
        case 2:
            r.price = Krx::addTicks(q.limits.upper, 1);
            break;
        case 3:
            r.code = QStringLiteral("999990");
            break;
        case 4:
            r.tradeType = TradeType::BestLimit; // 6 최유리지정가: not supported by the simulator
            r.price = 0;
            break;
        case 5:
            r.side = Side::Sell;
            break;
        }
        const auto before = deposit();
        QVERIFY2(before, describe(before));
        const auto ack
            = ClientSimFixture::await<OrderAck>([&](QObject *ctx, auto done) { f->rest().placeOrder(r, ctx, done); });
        QVERIFY(!ack);
        const KiwoomError &e = ack.error();
        QCOMPARE(int(e.kind), expectedKind);
        QVERIFY(e.isDefinite());
        QVERIFY(!e.retryable());
        if (expectedKind == int(KiwoomError::Kind::Rejected))
            QCOMPARE(e.returnCode, 20);
        QCOMPARE(e.code, expectedCode);
        QVERIFY2(e.message.contains(reason), qPrintable(e.message));
        QCOMPARE(e.apiId, r.side == Side::Buy ? QStringLiteral("kt10000") : QStringLiteral("kt10001"));
        // Sent once, never resent, and nothing reached the ledger.
        QCOMPARE(f->simRequests(e.apiId), 1);
        QCOMPARE(simOrders(), 0);
        const auto after = deposit();
        QVERIFY2(after, describe(after));
        QCOMPARE(after->orderable, before->orderable);
    }

    void orderNoticesArriveInRealtime()
    {
        QSignalSpy executions(&f->realtime(), &RealtimeClient::orderExecutionReceived);
        QSignalSpy balances(&f->realtime(), &RealtimeClient::balanceReceived);
        f->realtime().subscribe(QStringLiteral("9"), { QString() }, { QStringLiteral("00"), QStringLiteral("04") });
        QVERIFY(f->waitForSimRegistrations(2));

        const auto ack = place(Side::Buy, stock, 7);
        QVERIFY2(ack, describe(ack));
        // 접수 then 체결 (one notice per partial fill), then the balance.
        QTRY_VERIFY_WITH_TIMEOUT(!balances.isEmpty(), 10000);
        QVERIFY(executions.size() >= 2);
        QList<OrderExecution> mine;
        for (const QList<QVariant> &args : std::as_const(executions)) {
            const auto e = args.at(0).value<OrderExecution>();
            if (e.orderNo == ack->orderNo)
                mine << e;
        }
        QVERIFY(mine.size() >= 2);
        QCOMPARE(mine.first().status, OrderExecution::Status::Accepted);
        QCOMPARE(mine.first().orderQty, 7);
        QCOMPARE(mine.first().unfilledQty, 7);
        QCOMPARE(mine.first().side, std::optional<Side>(Side::Buy));
        QCOMPARE(mine.first().code, stock);
        QCOMPARE(mine.first().accountNo, QString::fromLatin1(Sim::DEFAULT_ACCOUNT_NO));
        qint64 filled = 0;
        qint64 amount = 0;
        for (int i = 1; i < mine.size(); ++i) {
            const OrderExecution &e = mine.at(i);
            QCOMPARE(e.status, OrderExecution::Status::Filled);
            QVERIFY(Krx::isOnTick(e.fillPrice));
            QVERIFY(!e.fillNo.isEmpty());
            filled += e.fillQty;
            amount += e.fillPrice * e.fillQty;
            QCOMPARE(e.unfilledQty, 7 - filled);
            QCOMPARE(e.filledAmount, amount);
            QVERIFY(e.meta.seq > mine.at(i - 1).meta.seq);
            QCOMPARE(Krx::kstDate(e.timeMs), QDate(2025, 3, 10));
        }
        QCOMPARE(filled, 7);

        // The last balance notice agrees with kt00018.
        const auto h = holdings();
        QVERIFY2(h, describe(h));
        QCOMPARE(h->holdings.size(), 1);
        const auto b = balances.last().at(0).value<BalanceUpdate>();
        QCOMPARE(b.code, stock);
        QCOMPARE(b.quantity, h->holdings.first().quantity);
        QCOMPARE(b.quantity, 7);
        QCOMPARE(b.avgPrice, h->holdings.first().purchasePrice);
        QCOMPARE(b.totalPurchase, h->holdings.first().purchaseAmount);
        QCOMPARE(b.orderableQty, h->holdings.first().sellableQty);
        QCOMPARE(b.price, f->quote(stock).price);
        QCOMPARE(b.accountNo, QString::fromLatin1(Sim::DEFAULT_ACCOUNT_NO));

        // A modify/cancel chain: 접수 then 확인 for each new order number, naming the original.
        const qint64 resting = restingBuyPrice();
        const auto limit = place(Side::Buy, stock, 2, resting);
        QVERIFY2(limit, describe(limit));
        ModifyRequest m;
        m.origOrderNo = limit->orderNo;
        m.code = stock;
        m.price = Krx::addTicks(resting, -1);
        const auto mod
            = ClientSimFixture::await<ModifyAck>([&](QObject *ctx, auto done) { f->rest().modifyOrder(m, ctx, done); });
        QVERIFY2(mod, describe(mod));
        CancelRequest c;
        c.origOrderNo = mod->orderNo;
        c.code = stock;
        const auto cancel
            = ClientSimFixture::await<CancelAck>([&](QObject *ctx, auto done) { f->rest().cancelOrder(c, ctx, done); });
        QVERIFY2(cancel, describe(cancel));
        auto noticesFor = [&](const QString &orderNo) {
            QList<OrderExecution> out;
            for (const QList<QVariant> &args : std::as_const(executions)) {
                const auto e = args.at(0).value<OrderExecution>();
                if (e.orderNo == orderNo)
                    out << e;
            }
            return out;
        };
        QTRY_COMPARE_WITH_TIMEOUT(noticesFor(cancel->orderNo).size(), 2, 10000);
        const QList<OrderExecution> modNotices = noticesFor(mod->orderNo);
        QCOMPARE(modNotices.size(), 2);
        QCOMPARE(modNotices.at(0).status, OrderExecution::Status::Accepted);
        QCOMPARE(modNotices.at(1).status, OrderExecution::Status::Confirmed);
        QCOMPARE(modNotices.at(0).origOrderNo, limit->orderNo);
        QCOMPARE(modNotices.at(0).orderPrice, m.price);
        QCOMPARE(modNotices.at(0).orderKindText, QStringLiteral("+매수정정"));
        const QList<OrderExecution> cancelNotices = noticesFor(cancel->orderNo);
        QCOMPARE(cancelNotices.at(0).status, OrderExecution::Status::Accepted);
        QCOMPARE(cancelNotices.at(1).status, OrderExecution::Status::Confirmed);
        QCOMPARE(cancelNotices.at(0).origOrderNo, mod->orderNo);
        QCOMPARE(cancelNotices.at(0).orderKindText, QStringLiteral("매수취소"));
        QCOMPARE(cancelNotices.at(0).orderQty, 2);
        QCOMPARE(cancelNotices.at(0).side, std::optional<Side>(Side::Buy));

        // A rejection is announced too (거부), and the typed reply says why.
        executions.clear();
        OrderRequest bad;
        bad.code = stock;
        bad.quantity = 1;
        bad.price = f->quote(stock).price + 1;
        const auto refused
            = ClientSimFixture::await<OrderAck>([&](QObject *ctx, auto done) { f->rest().placeOrder(bad, ctx, done); });
        QVERIFY(!refused);
        QTRY_VERIFY_WITH_TIMEOUT(!executions.isEmpty(), 10000);
        const auto r = executions.last().at(0).value<OrderExecution>();
        QCOMPARE(r.status, OrderExecution::Status::Rejected);
        QVERIFY(!r.rejectReason.isEmpty());
        QVERIFY(refused.error().message.contains(r.rejectReason));
    }
};

QTEST_GUILESS_MAIN(TestClientSimOrders)
#include "tst_clientsim_orders.moc"
