// SPDX-License-Identifier: GPL-3.0-or-later
// PositionKeeper over a real SQLite file (temp dir): positions come from fills, never from orders —
// quantity, the moving-average buy price (매입단가), the buy commission per fill, partial fills,
// sells settled when their order ends, and realized P&L to the won, checked against the formula
// (proceeds − released cost − released buy fees − sell fee − tax) and against the simulator's
// ledger (SimAccount), which is what Kiwoom's realized P&L (ka10074) reports.

#include "storagefixture.h"

#include "common/clock.h"
#include "sim/simaccount.h"
#include "storage/database.h"
#include "storage/orderrepository.h"
#include "storage/positionrepository.h"
#include "storage/signalrepository.h"
#include "trading/positionkeeper.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace Storage;
using namespace StorageTest;

namespace {

const QString CODE = QStringLiteral("005930");
const QString ACTOR = QStringLiteral("test");

} // namespace

class TestPositionKeeper final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<PositionKeeper> m_keeper;
    int m_executionNo = 0;
    int m_orderNo = 0;

    // An accepted order as the OrderManager leaves it before any fill.
    OrderRecord placeOrder(Side side, qint64 quantity, qint64 price, std::optional<qint64> positionId = std::nullopt,
        std::optional<qint64> sellOrderId = std::nullopt)
    {
        OrderRepository orders(*m_db);
        NewOrder n;
        n.side = side;
        n.stockCode = CODE;
        n.stockName = QStringLiteral("삼성전자");
        n.quantity = quantity;
        n.price = price;
        n.tradeType = price == 0 ? QStringLiteral("3") : QStringLiteral("0");
        n.origin = side == Side::Buy ? Origin::Condition : Origin::StopLoss;
        n.positionId = positionId;
        OrderRecord created;
        const Status st = m_db->transaction([&]() -> Status {
            auto row = orders.create(n, ACTOR);
            if (!row)
                return row.error();
            Trading::OrderIntent intent;
            intent.side = side;
            intent.code = CODE;
            intent.quantity = quantity;
            intent.positionId = positionId;
            intent.sellOrderId = sellOrderId;
            created = row.value();
            return m_keeper->onOrderCreated(row.value(), intent);
        });
        if (!st)
            qFatal("create: %s", qPrintable(st.error().message));
        m_keeper->publish();
        auto sent = orders.markSent(created.id, ACTOR);
        auto accepted = orders.markAccepted(
            created.id, OrderState::Sent, QStringLiteral("%1").arg(++m_orderNo, 7, 10, QLatin1Char('0')), ACTOR);
        if (!sent || !accepted)
            qFatal("accept failed");
        return accepted.value();
    }

    // One fill recorded and applied in one transaction, as the OrderManager does; then published.
    OrderRecord fill(qint64 orderId, qint64 quantity, qint64 price, qint64 fee, qint64 tax = 0)
    {
        OrderRecord after;
        const Status st = m_db->transaction([&]() -> Status {
            ExecutionRecord x;
            x.brokerExecutionNo = QStringLiteral("X%1").arg(++m_executionNo);
            x.price = price;
            x.quantity = quantity;
            x.fee = fee;
            x.tax = tax;
            x.executedAtMs = m_clock->nowMs();
            auto outcome = OrderRepository(*m_db).recordExecution(orderId, x, ACTOR);
            if (!outcome)
                return outcome.error();
            after = outcome->order;
            return m_keeper->onExecution(outcome->order, outcome->execution);
        });
        if (!st)
            qFatal("fill: %s", qPrintable(st.error().message));
        m_keeper->publish();
        return after;
    }

    void finish(const OrderRecord &order)
    {
        const Status st = m_db->transaction([&]() -> Status { return m_keeper->onOrderFinished(order); });
        if (!st)
            qFatal("finish: %s", qPrintable(st.error().message));
        m_keeper->publish();
    }

    OrderRecord order(qint64 id)
    {
        auto r = OrderRepository(*m_db).find(id);
        Q_ASSERT(r && *r);
        return r->value();
    }

    std::optional<PositionRecord> live()
    {
        auto r = PositionRepository(*m_db).findActiveByCode(CODE);
        Q_ASSERT(r);
        return *r;
    }

    PositionRecord position(qint64 id)
    {
        auto r = PositionRepository(*m_db).find(id);
        Q_ASSERT(r && *r);
        return r->value();
    }

    // The exit path's first step (StopLossManager::exitPosition): SELLING + a PENDING sell_orders row.
    SellOrderRecord beginSell(qint64 positionId, qint64 quantity)
    {
        auto s = PositionRepository(*m_db).beginSell(
            positionId, quantity, std::nullopt, SellReason::StopLoss, QStringLiteral("test exit"), ACTOR);
        if (!s)
            qFatal("beginSell: %s", qPrintable(s.error().message));
        return s.value();
    }

    SellOrderRecord sellOrder(qint64 id)
    {
        auto r = PositionRepository(*m_db).findSellOrder(id);
        Q_ASSERT(r && *r);
        return r->value();
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_clock = std::make_unique<ManualClock>(T0);
        auto db = Database::openFile(m_dir->filePath(QStringLiteral("keeper.db")), *m_clock);
        QVERIFY2(db.ok(), db ? "" : qPrintable(db.error().message));
        m_db = std::move(db).value();
        m_keeper = std::make_unique<PositionKeeper>(*m_db, *m_clock);
        m_executionNo = 0;
        m_orderNo = 0;
    }
    void cleanup()
    {
        m_keeper.reset();
        m_db.reset();
        m_dir.reset();
    }

    // An order, accepted and working, is not a position: only its fills are.
    void anOrderIsNotAPosition()
    {
        QSignalSpy changed(m_keeper.get(), &PositionKeeper::positionChanged);
        const OrderRecord o = placeOrder(Side::Buy, 10, 70000);
        QCOMPARE(o.state, OrderState::Accepted);
        QVERIFY(!live().has_value());
        QCOMPARE(changed.count(), 0);
    }

    // The first fill opens the position with its commission and links the order to it; the
    // change is announced only after publish() (after the caller's commit).
    void firstFillOpensThePosition()
    {
        const OrderRecord o = placeOrder(Side::Buy, 10, 70000);
        QSignalSpy changed(m_keeper.get(), &PositionKeeper::positionChanged);
        const OrderRecord after = fill(o.id, 4, 70000, 42);
        QCOMPARE(after.state, OrderState::Partial);
        const auto p = live();
        QVERIFY(p.has_value());
        QCOMPARE(p->quantity, 4);
        QCOMPARE(p->buyQuantity, 4);
        QCOMPARE(p->buyPrice, 70000);
        QCOMPARE(p->buyAmount, 280000);
        QCOMPARE(p->buyFees, 42);
        QCOMPARE(p->origin, Origin::Condition);
        QCOMPARE(p->status, PositionStatus::Open);
        QCOMPARE(p->highestPrice, std::optional<qint64>(70000));
        QCOMPARE(order(o.id).positionId, std::optional<qint64>(p->id));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).value<PositionRecord>().id, p->id);
    }

    // A rolled-back transaction announces nothing (discard()).
    void discardAnnouncesNothing()
    {
        const OrderRecord o = placeOrder(Side::Buy, 10, 70000);
        QSignalSpy changed(m_keeper.get(), &PositionKeeper::positionChanged);
        const Status st = m_db->transaction([&]() -> Status {
            ExecutionRecord x;
            x.brokerExecutionNo = QStringLiteral("R1");
            x.price = 70000;
            x.quantity = 10;
            auto outcome = OrderRepository(*m_db).recordExecution(o.id, x, ACTOR);
            if (!outcome)
                return outcome.error();
            if (Status s = m_keeper->onExecution(outcome->order, outcome->execution); !s)
                return s;
            return Error { QStringLiteral("test.rollback"), QStringLiteral("rolled back") };
        });
        QVERIFY(!st);
        m_keeper->discard();
        m_keeper->publish();
        QCOMPARE(changed.count(), 0);
        QVERIFY(!live().has_value());
        QCOMPARE(order(o.id).filledQuantity, 0);
    }

    // Partial fills at different prices, and a second order of the same stock: quantity adds up,
    // the buy price is the moving average of what the shares cost (commissions excluded, as
    // Kiwoom's 매입단가), the commissions are kept per fill in buy_fees, and the amount is exact.
    void partialFillsAverageTheBuyPrice()
    {
        SimAccount ledger(100'000'000, 0.015, 0.20);
        const QDate day(2025, 3, 14);
        const OrderRecord first = placeOrder(Side::Buy, 10, 70100);
        const struct
        {
            qint64 orderQty, qty, price;
        } fills[] = { { 10, 4, 70000 }, { 10, 6, 70100 } };
        qint64 fees = 0;
        qint64 amount = 0;
        for (const auto &f : fills) {
            const qint64 fee = ledger.fee(f.qty * f.price);
            fees += fee;
            amount += f.qty * f.price;
            fill(first.id, f.qty, f.price, fee);
            ledger.applyBuy(0, f.price, f.qty, fee, day);
        }
        QCOMPARE(order(first.id).state, OrderState::Filled);
        auto p = live();
        QVERIFY(p.has_value());
        QCOMPARE(p->quantity, 10);
        QCOMPARE(p->buyAmount, amount); // 700,600
        QCOMPARE(p->buyAmount, 700600);
        QCOMPARE(p->buyPrice, 70060); // 700,600 / 10
        QCOMPARE(p->buyFees, fees); // 42 + 63
        QCOMPARE(p->buyFees, 105);
        QCOMPARE(p->buyAmount, ledger.holding(0).purchaseAmount);
        QCOMPARE(p->buyFees, ledger.holding(0).buyFees);
        QCOMPARE(p->buyPrice, ledger.holding(0).avgPrice());

        // A second buy order of the same stock adds to the same position.
        const OrderRecord second = placeOrder(Side::Buy, 5, 69900);
        const qint64 fee = ledger.fee(5 * 69900);
        fill(second.id, 5, 69900, fee);
        ledger.applyBuy(0, 69900, 5, fee, day);
        p = live();
        QCOMPARE(p->quantity, 15);
        QCOMPARE(p->buyAmount, 700600 + 349500);
        QCOMPARE(p->buyPrice, 70007); // 1,050,100 / 15 = 70,006.7, shown rounded
        QCOMPARE(p->buyFees, 105 + fee);
        QCOMPARE(p->buyAmount, ledger.holding(0).purchaseAmount);
        QCOMPARE(p->buyFees, ledger.holding(0).buyFees);
        QCOMPARE(order(second.id).positionId, std::optional<qint64>(p->id));
    }

    // A protected position's stops follow the average price as more shares are bought.
    void protectionFollowsTheAverage()
    {
        m_keeper->setProtectionPolicy([](Origin, qint64 buyPrice, qint64) {
            Protection p;
            p.stopLossRate = 3.0;
            p.takeProfitRate = 5.0;
            p.stopLossPrice = buyPrice * 97 / 100;
            p.takeProfitPrice = (buyPrice * 105 + 99) / 100;
            return p;
        });
        const OrderRecord o = placeOrder(Side::Buy, 20, 10100);
        fill(o.id, 10, 10000, 15);
        QCOMPARE(live()->stopLossPrice, std::optional<qint64>(9700));
        QCOMPARE(live()->takeProfitPrice, std::optional<qint64>(10500));
        fill(o.id, 10, 10200, 15);
        QCOMPARE(live()->buyPrice, 10100);
        QCOMPARE(live()->stopLossPrice, std::optional<qint64>(9797));
        QCOMPARE(live()->takeProfitPrice, std::optional<qint64>(10605));
    }

    // Sell fills change nothing until the order ends; then the sold quantity is settled with its
    // realized P&L, fill by fill, exactly as the broker's ledger.
    void sellSettlesWhenTheOrderEnds()
    {
        SimAccount ledger(100'000'000, 0.015, 0.20);
        const QDate day(2025, 3, 14);
        const OrderRecord buy = placeOrder(Side::Buy, 10, 70000);
        fill(buy.id, 10, 70000, ledger.fee(700000));
        ledger.applyBuy(0, 70000, 10, ledger.fee(700000), day);
        const PositionRecord p = *live();

        const SellOrderRecord s = beginSell(p.id, 10);
        const OrderRecord sell = placeOrder(Side::Sell, 10, 0, p.id, s.id);
        QCOMPARE(sellOrder(s.id).status, SellOrderStatus::Ordered);
        QCOMPARE(sellOrder(s.id).orderId, std::optional<qint64>(sell.id));
        QSignalSpy settled(m_keeper.get(), &PositionKeeper::sellSettled);
        QSignalSpy closed(m_keeper.get(), &PositionKeeper::positionClosed);

        qint64 realized = 0;
        const struct
        {
            qint64 qty, price;
        } fills[] = { { 4, 71000 }, { 6, 71100 } };
        OrderRecord last;
        for (const auto &f : fills) {
            const qint64 fee = ledger.fee(f.qty * f.price);
            const qint64 tax = ledger.tax(f.qty * f.price);
            last = fill(sell.id, f.qty, f.price, fee, tax);
            realized += ledger.applySell(0, f.price, f.qty, fee, tax, day).realized;
            QCOMPARE(position(p.id).quantity, 10); // not before the order ends
            QCOMPARE(position(p.id).status, PositionStatus::Selling);
        }
        QCOMPARE(last.state, OrderState::Filled);
        finish(last);
        const PositionRecord after = position(p.id);
        QCOMPARE(after.status, PositionStatus::Closed);
        QCOMPARE(after.quantity, 0);
        const SellOrderRecord done = sellOrder(s.id);
        QCOMPARE(done.status, SellOrderStatus::Completed);
        QCOMPARE(done.sellQuantity, 10);
        QCOMPARE(done.sellAmount, std::optional<qint64>(4 * 71000 + 6 * 71100));
        QCOMPARE(done.profitLoss, std::optional<qint64>(realized));
        QCOMPARE(after.realizedProfitLoss, realized);
        // The formula, term by term: proceeds − cost − buy fee − sell fees − taxes.
        const qint64 proceeds = 4 * 71000 + 6 * 71100; // 710,600
        const qint64 sellFees = 284000 * 15 / 100000 + 426600 * 15 / 100000; // 42 + 63
        const qint64 taxes = 284000 * 20 / 10000 + 426600 * 20 / 10000; // 568 + 853
        QCOMPARE(realized, proceeds - 700000 - 105 - sellFees - taxes);
        QCOMPARE(realized, 8969);
        QCOMPARE(settled.count(), 1);
        QCOMPARE(closed.count(), 1);
        // The order's end announced twice (a duplicate notice) settles nothing more.
        finish(last);
        QCOMPARE(settled.count(), 1);
        QCOMPARE(position(p.id).realizedProfitLoss, realized);
    }

    // A partly filled buy whose position was sold before the rest of the buy filled (the scalping
    // deadline came first): the late fill is real shares held, so it opens a position of its own.
    // The first position keeps the signal (one position per signal); found by tst_crashsafety,
    // where the late fill was refused (UNIQUE positions.pending_signal_id) and never recorded.
    void lateFillAfterTheExitOpensAPositionOfItsOwn()
    {
        PendingBuySignalRecord sig;
        sig.stockCode = CODE;
        sig.stockName = QStringLiteral("삼성전자");
        sig.detectedAtMs = m_clock->nowMs();
        sig.signalType = QStringLiteral("reference_candle");
        sig.source = QStringLiteral("condition");
        auto inserted = SignalRepository(*m_db).insertPendingBuy(sig, ACTOR);
        QVERIFY2(inserted, inserted ? "" : qPrintable(inserted.error().message));
        const qint64 signalId = inserted->id;

        OrderRecord buy;
        {
            OrderRepository orders(*m_db);
            NewOrder n;
            n.side = Side::Buy;
            n.stockCode = CODE;
            n.stockName = QStringLiteral("삼성전자");
            n.quantity = 530;
            n.price = 1886;
            n.tradeType = QStringLiteral("0");
            n.origin = Origin::Condition;
            n.originSignalId = signalId;
            auto row = orders.create(n, ACTOR);
            QVERIFY(row);
            QVERIFY(orders.markSent(row->id, ACTOR));
            auto accepted = orders.markAccepted(row->id, OrderState::Sent, QStringLiteral("0000017"), ACTOR);
            QVERIFY(accepted);
            buy = accepted.value();
        }
        fill(buy.id, 522, 1886, 140);
        const PositionRecord first = *live();
        QCOMPARE(first.pendingSignalId, std::optional<qint64>(signalId));
        QCOMPARE(first.quantity, 522);

        // Sold in full before the rest of the buy fills.
        const SellOrderRecord s = beginSell(first.id, 522);
        const OrderRecord sell = placeOrder(Side::Sell, 522, 0, first.id, s.id);
        finish(fill(sell.id, 522, 1888, 140, 1970));
        QCOMPARE(position(first.id).status, PositionStatus::Closed);
        QVERIFY(!live());

        // The rest of the buy: 8 shares.
        const OrderRecord after = fill(buy.id, 8, 1886, 2);
        QCOMPARE(after.state, OrderState::Filled);
        const std::optional<PositionRecord> second = live();
        QVERIFY(second);
        QVERIFY(second->id != first.id);
        QCOMPARE(second->quantity, 8);
        QCOMPARE(second->buyPrice, 1886);
        QCOMPARE(second->buyFees, 2);
        QCOMPARE(second->pendingSignalId, std::nullopt);
        QCOMPARE(position(first.id).pendingSignalId, std::optional<qint64>(signalId));
        QCOMPARE(order(buy.id).positionId, std::optional<qint64>(first.id)); // the order's first position
    }

    // Part of a sell filled, the rest cancelled: the sold shares are settled (cost and buy fees
    // released pro rata, rounded down), the rest stays OPEN with what it cost.
    void partlyFilledSellKeepsTheRest()
    {
        SimAccount ledger(100'000'000, 0.015, 0.20);
        const QDate day(2025, 3, 14);
        const OrderRecord buy = placeOrder(Side::Buy, 7, 10010);
        for (const qint64 price : { 10000, 10010, 10020 }) {
            const qint64 qty = price == 10020 ? 3 : 2;
            const qint64 fee = ledger.fee(qty * price) + 1; // a broker rounding the fee its own way
            fill(buy.id, qty, price, fee);
            ledger.applyBuy(0, price, qty, fee, day);
        }
        const PositionRecord p = *live();
        QCOMPARE(p.quantity, 7);
        QCOMPARE(p.buyFees, ledger.holding(0).buyFees);

        const SellOrderRecord s = beginSell(p.id, 7);
        const OrderRecord sell = placeOrder(Side::Sell, 7, 10100, p.id, s.id);
        const qint64 fee = ledger.fee(3 * 10100);
        const qint64 tax = ledger.tax(3 * 10100);
        fill(sell.id, 3, 10100, fee, tax);
        const qint64 realized = ledger.applySell(0, 10100, 3, fee, tax, day).realized;
        auto cancelled
            = OrderRepository(*m_db).transition(sell.id, OrderState::Partial, OrderState::Cancelled, {}, ACTOR);
        QVERIFY(cancelled);
        finish(cancelled.value());
        const PositionRecord after = position(p.id);
        QCOMPARE(after.status, PositionStatus::Open);
        QCOMPARE(after.quantity, 4);
        QCOMPARE(after.quantity, ledger.holding(0).qty);
        QCOMPARE(after.buyAmount, ledger.holding(0).purchaseAmount);
        QCOMPARE(after.buyFees, ledger.holding(0).buyFees);
        QCOMPARE(after.realizedProfitLoss, realized);
        QCOMPARE(sellOrder(s.id).status, SellOrderStatus::Completed);
        QCOMPARE(sellOrder(s.id).sellQuantity, 3);
        QCOMPARE(sellOrder(s.id).profitLoss, std::optional<qint64>(realized));
    }

    // A sell that ends with nothing filled fails; the position is OPEN again, unchanged.
    void unfilledSellReopens()
    {
        const OrderRecord buy = placeOrder(Side::Buy, 10, 10000);
        fill(buy.id, 10, 10000, 15);
        const PositionRecord p = *live();
        const SellOrderRecord s = beginSell(p.id, 10);
        const OrderRecord sell = placeOrder(Side::Sell, 10, 0, p.id, s.id);
        auto rejected = OrderRepository(*m_db).markRejected(sell.id, OrderState::Accepted, QStringLiteral("VI"), ACTOR);
        QVERIFY(rejected);
        QSignalSpy settled(m_keeper.get(), &PositionKeeper::sellSettled);
        finish(rejected.value());
        QCOMPARE(position(p.id).status, PositionStatus::Open);
        QCOMPARE(position(p.id).quantity, 10);
        QCOMPARE(position(p.id).realizedProfitLoss, 0);
        QCOMPARE(sellOrder(s.id).status, SellOrderStatus::Failed);
        QCOMPARE(sellOrder(s.id).sellReasonDetail, QStringLiteral("VI"));
        QCOMPARE(settled.count(), 1);
    }

    // The issue's example: buy 1,000 @ 10,000 with a 1,500 commission, sell all @ 10,100.
    //   proceeds 10,100,000 − cost 10,000,000 − buy fee 1,500 − sell fee 1,515 − tax:
    //   tax 0.20 % (the settings' and the simulator's rate) = 20,200 → P&L 76,785;
    //   tax 0.15 % (the issue's figure)                     = 15,150 → P&L 81,835.
    // Before the fix the buy commission was left out (83,335 at 0.15 %).
    void issueExampleToTheWon_data()
    {
        QTest::addColumn<double>("taxRate");
        QTest::addColumn<qint64>("tax");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("tax 0.20 %") << 0.20 << qint64(20200) << qint64(76785);
        QTest::newRow("tax 0.15 %") << 0.15 << qint64(15150) << qint64(81835);
    }
    void issueExampleToTheWon()
    {
        QFETCH(double, taxRate);
        QFETCH(qint64, tax);
        QFETCH(qint64, expected);
        SimAccount ledger(100'000'000, 0.015, taxRate);
        QCOMPARE(ledger.fee(10'000'000), 1500);
        QCOMPARE(ledger.fee(10'100'000), 1515);
        QCOMPARE(ledger.tax(10'100'000), tax);
        QCOMPARE(10'100'000 - 10'000'000 - 1'500 - 1'515 - tax, expected);

        const OrderRecord buy = placeOrder(Side::Buy, 1000, 10000);
        fill(buy.id, 1000, 10000, 1500);
        const PositionRecord p = *live();
        QCOMPARE(p.buyFees, 1500);
        const SellOrderRecord s = beginSell(p.id, 1000);
        const OrderRecord sell = placeOrder(Side::Sell, 1000, 0, p.id, s.id);
        const OrderRecord filled = fill(sell.id, 1000, 10100, 1515, tax);
        finish(filled);
        QCOMPARE(sellOrder(s.id).profitLoss, std::optional<qint64>(expected));
        QCOMPARE(position(p.id).realizedProfitLoss, expected);
        QCOMPARE(position(p.id).status, PositionStatus::Closed);
        ledger.applyBuy(0, 10000, 1000, 1500, QDate(2025, 3, 14));
        QCOMPARE(ledger.applySell(0, 10100, 1000, 1515, tax, QDate(2025, 3, 14)).realized, expected);
    }

    // rearm() applies the current policy to a live position (settings changed).
    void rearmAppliesThePolicy()
    {
        const OrderRecord buy = placeOrder(Side::Buy, 10, 10000);
        fill(buy.id, 10, 10000, 15);
        const PositionRecord p = *live();
        QVERIFY(!p.stopLossPrice.has_value());
        m_keeper->setProtectionPolicy([](Origin, qint64 buyPrice, qint64) {
            Protection pr;
            pr.stopLossRate = 2.0;
            pr.stopLossPrice = buyPrice * 98 / 100;
            return pr;
        });
        QSignalSpy changed(m_keeper.get(), &PositionKeeper::positionChanged);
        auto rearmed = m_keeper->rearm(p.id, QStringLiteral("ui"));
        QVERIFY(rearmed);
        QCOMPARE(rearmed->stopLossPrice, std::optional<qint64>(9800));
        QCOMPARE(position(p.id).stopLossRate, std::optional<double>(2.0));
        QCOMPARE(changed.count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestPositionKeeper)
#include "tst_positionkeeper.moc"
