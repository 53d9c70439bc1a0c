// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/auditlog.h"
#include "storage/conditionrepository.h"
#include "storage/database.h"
#include "storage/orderrepository.h"
#include "storage/positionrepository.h"
#include "storage/signalrepository.h"
#include "sim/simaccount.h"
#include "storagefixture.h"

#include <QRandomGenerator>
#include <QtTest>

using namespace Storage;
using namespace StorageTest;

namespace {

const QString ACTOR = QStringLiteral("service.stop_loss");

PositionRecord position(const QString &code, qint64 price, qint64 quantity)
{
    PositionRecord p;
    p.stockCode = code;
    p.stockName = QStringLiteral("삼성전자");
    p.buyPrice = price;
    p.buyQuantity = quantity;
    p.stopLossRate = 3.0;
    p.takeProfitRate = 5.0;
    p.stopLossPrice = 67900;
    p.takeProfitPrice = 73500;
    p.origin = Origin::Condition;
    return p;
}

} // namespace

class TestPositionRepository final : public QObject
{
    Q_OBJECT

private:
    ManualClock m_clock { T0 };
    std::unique_ptr<Database> m_db;
    std::unique_ptr<PositionRepository> m_positions;

    qint64 audits() const { return countRows(m_db->connection(), QStringLiteral("audit_log")); }
    QStringList dump() const { return dumpAll(m_db->connection()); }

private slots:
    void init()
    {
        m_clock.setNowMs(T0);
        m_db = openMemory(m_clock);
        QVERIFY(m_db);
        m_positions = std::make_unique<PositionRepository>(*m_db);
    }
    void cleanup()
    {
        m_positions.reset();
        m_db.reset();
    }

    void openPosition()
    {
        auto opened = m_positions->open(position(QStringLiteral("005930"), 70000, 10), ACTOR);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
        const PositionRecord &p = opened.value();
        QCOMPARE(p.status, PositionStatus::Open);
        QCOMPARE(p.quantity, qint64(10));
        QCOMPARE(p.buyAmount, qint64(700000));
        QCOMPARE(p.buyTimeMs, T0);
        QVERIFY(p.highestPrice == std::optional<qint64>(70000));
        QVERIFY(p.stopLossPrice == std::optional<qint64>(67900));
        QCOMPARE(p.realizedProfitLoss, qint64(0));
        QCOMPARE(audits(), 1);
        QCOMPARE(AuditLog(*m_db).forEntity(QStringLiteral("positions"), p.id).value().first().action,
            QStringLiteral("open"));
        QVERIFY(m_positions->findActiveByCode(QStringLiteral("005930")).value() == std::optional<PositionRecord>(p));
    }

    // One live position per stock; a signal opens at most one position.
    void noTwinPositions()
    {
        auto first = m_positions->open(position(QStringLiteral("005930"), 70000, 10), ACTOR);
        QVERIFY(first.ok());
        const QStringList before = dump();
        auto twin = m_positions->open(position(QStringLiteral("005930"), 71000, 5), ACTOR);
        QCOMPARE(twin.error().code, QStringLiteral("storage.unique"));
        QCOMPARE(m_positions->open(position(QString(), 1, 1), ACTOR).error().code,
            QStringLiteral("storage.invalid_argument"));
        QCOMPARE(m_positions->open(position(QStringLiteral("000660"), 0, 1), ACTOR).error().code,
            QStringLiteral("storage.invalid_argument"));
        PositionRecord unknownSignal = position(QStringLiteral("000660"), 1000, 1);
        unknownSignal.pendingSignalId = 5;
        QCOMPARE(m_positions->open(unknownSignal, ACTOR).error().code, QStringLiteral("storage.foreign_key"));
        QCOMPARE(dump(), before);

        auto condition = ConditionRepository(*m_db).upsert(QStringLiteral("c"), QString(), ACTOR).value();
        PendingBuySignalRecord signal;
        signal.conditionId = condition.id;
        signal.stockCode = QStringLiteral("000660");
        signal.signalType = QStringLiteral("REF");
        const qint64 signalId = SignalRepository(*m_db).insertPendingBuy(signal, ACTOR).value().id;
        PositionRecord fromSignal = position(QStringLiteral("000660"), 1000, 1);
        fromSignal.pendingSignalId = signalId;
        QVERIFY(m_positions->open(fromSignal, ACTOR).ok());
        fromSignal.stockCode = QStringLiteral("035720");
        QCOMPARE(m_positions->open(fromSignal, ACTOR).error().code, QStringLiteral("storage.unique"));

        // Once closed, the stock may be bought again.
        QVERIFY(m_positions->close(first.value().id, PositionStatus::Open, ACTOR).ok());
        QVERIFY(m_positions->open(position(QStringLiteral("005930"), 69000, 3), ACTOR).ok());
    }

    void addBuyAveragesThePrice()
    {
        const qint64 id = m_positions->open(position(QStringLiteral("005930"), 70000, 10), ACTOR).value().id;
        auto more = m_positions->addBuy(id, 5, 70100, 0, ACTOR);
        QVERIFY(more.ok());
        QCOMPARE(more.value().buyQuantity, qint64(15));
        QCOMPARE(more.value().quantity, qint64(15));
        QCOMPARE(more.value().buyAmount, qint64(700000 + 350500));
        QCOMPARE(more.value().buyPrice, qint64(70033)); // 1050500 / 15 = 70033.3
        QCOMPARE(audits(), 2);
        QCOMPARE(m_positions->addBuy(id, 0, 1, 0, ACTOR).error().code, QStringLiteral("storage.invalid_argument"));
        QCOMPARE(m_positions->addBuy(999, 1, 1, 0, ACTOR).error().code, QStringLiteral("storage.not_found"));
        QCOMPARE(m_positions->addBuy(id, 1, 1, -1, ACTOR).error().code, QStringLiteral("storage.invalid_argument"));
    }

    // Buy commissions are kept per fill with the shares they bought: added by every buy, released
    // pro rata (rounded down) by every sell, the rest with the last share.
    void buyFeesFollowTheSharesHeld()
    {
        PositionRecord first = position(QStringLiteral("005930"), 70000, 10);
        first.buyFees = 105; // 700,000 × 0.015 %
        auto opened = m_positions->open(first, ACTOR);
        QVERIFY(opened.ok());
        QCOMPARE(opened.value().buyFees, qint64(105));
        auto more = m_positions->addBuy(opened.value().id, 5, 70200, 52, ACTOR); // 351,000 × 0.015 % = 52
        QVERIFY(more.ok());
        QCOMPARE(more.value().buyFees, qint64(157));
        QCOMPARE(more.value().buyAmount, qint64(1051000));
        QCOMPARE(more.value().quantity, qint64(15));

        // Sell 4 of 15: cost floor(1,051,000 × 4 / 15) = 280,266, fees floor(157 × 4 / 15) = 41.
        auto sell = m_positions->beginSell(opened.value().id, 4, std::nullopt, SellReason::Manual, QString(), ACTOR);
        auto sold = m_positions->completeSell(sell.value().id, SellFill { 4, 71000, 0, 284000 }, ACTOR);
        QVERIFY2(sold.ok(), qPrintable(sold.ok() ? QString() : sold.error().message));
        QVERIFY(sold.value().profitLoss == std::optional<qint64>(284000 - 280266 - 41));
        auto p = m_positions->find(opened.value().id).value();
        QCOMPARE(p->quantity, qint64(11));
        QCOMPARE(p->buyQuantity, qint64(11)); // rebased onto the shares held
        QCOMPARE(p->buyAmount, qint64(1051000 - 280266));
        QCOMPARE(p->buyFees, qint64(157 - 41));
        QCOMPARE(p->buyPrice, qint64(70067)); // 770,734 / 11 = 70,066.7

        // The rest releases everything that is left.
        auto rest = m_positions->beginSell(opened.value().id, 11, std::nullopt, SellReason::Manual, QString(), ACTOR);
        auto closed = m_positions->completeSell(rest.value().id, SellFill { 11, 70000, 0 }, ACTOR);
        QVERIFY(closed.ok());
        QVERIFY(closed.value().profitLoss == std::optional<qint64>(770000 - 770734 - 116));
        p = m_positions->find(opened.value().id).value();
        QCOMPARE(p->status, PositionStatus::Closed);
        // Over the whole life: 284,000 + 770,000 received for 1,051,000 + 157 fees paid.
        QCOMPARE(p->realizedProfitLoss, qint64(284000 + 770000 - 1051000 - 157));
        QCOMPARE(m_positions->open(position(QStringLiteral("000660"), 1, 1), ACTOR).value().buyFees, qint64(0));
        PositionRecord negative = position(QStringLiteral("000660"), 1, 1);
        negative.buyFees = -1;
        QCOMPARE(m_positions->open(negative, ACTOR).error().code, QStringLiteral("storage.invalid_argument"));
    }

    // Issue 8: realized P&L left out the buy commission. Buy 1,000 @ 10,000 (10,000,000; fee
    // 0.015 % = 1,500), sell 1,000 @ 10,100 (10,100,000; fee 0.015 % = 1,515; tax = 20,200 at the
    // simulator's 0.20 %, 15,150 at the 0.15 %):
    //   P&L = 10,100,000 − 10,000,000 − 1,500 − 1,515 − 20,200 = 76,785 (stored before: 78,285)
    //   P&L = 10,100,000 − 10,000,000 − 1,500 − 1,515 − 15,150 = 81,835 (stored before: 83,335)
    void realizedProfitIncludesTheBuyCommission_data()
    {
        QTest::addColumn<qint64>("tax");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("simulator tax 0.20 %") << qint64(20200) << qint64(76785);
        QTest::newRow("issue's tax 0.15 %") << qint64(15150) << qint64(81835);
    }
    void realizedProfitIncludesTheBuyCommission()
    {
        QFETCH(qint64, tax);
        QFETCH(qint64, expected);
        SimAccount ledger(100000000, 0.015, double(tax) * 100.0 / 10100000.0);
        QCOMPARE(ledger.fee(10000000), qint64(1500));
        QCOMPARE(ledger.fee(10100000), qint64(1515));
        QCOMPARE(ledger.tax(10100000), tax);

        PositionRecord p = position(QStringLiteral("005930"), 10000, 1000);
        p.buyFees = 1500;
        const qint64 id = m_positions->open(p, ACTOR).value().id;
        auto sell = m_positions->beginSell(id, 1000, std::nullopt, SellReason::TakeProfit, QString(), ACTOR);
        auto sold = m_positions->completeSell(sell.value().id, SellFill { 1000, 10100, 1515 + tax, 10100000 }, ACTOR);
        QVERIFY2(sold.ok(), qPrintable(sold.ok() ? QString() : sold.error().message));
        QCOMPARE(sold.value().profitLoss.value(), expected);
        QCOMPARE(m_positions->find(id).value()->realizedProfitLoss, expected);
        // The percentage is over the purchase cost: 76,785 / 10,000,000.
        QVERIFY(qFuzzyCompare(sold.value().profitLossRate.value(), double(expected) * 100.0 / 10000000.0));

        // The simulator's ledger (= Kiwoom's ka10074) says the same.
        const QDate day(2025, 3, 14);
        ledger.applyBuy(0, 10000, 1000, 1500, day);
        QCOMPARE(ledger.applySell(0, 10100, 1000, 1515, tax, day).realized, expected);
    }

    // Positions and the simulator's ledger (SimAccount, whose realized P&L is the one Kiwoom's
    // ka10074 reports) agree to the won after every step of a long random life: buys with their
    // commissions, sells of random parts in several fills each with commission and tax.
    void matchesTheSimulatorsLedgerToTheWon()
    {
        SimAccount ledger(1000000000000LL, 0.015, 0.20);
        const QDate day(2025, 3, 14);
        QRandomGenerator random(20250314);
        qint64 id = 0;
        int sells = 0;
        for (int step = 0; step < 400; ++step) {
            const qint64 price = 1000 + random.bounded(200000);
            const SimAccount::Holding held = ledger.holding(0);
            if (held.qty == 0 || random.bounded(3) == 0) {
                const qint64 quantity = 1 + random.bounded(997);
                const qint64 fee = ledger.fee(price * quantity);
                ledger.applyBuy(0, price, quantity, fee, day);
                if (id == 0) {
                    PositionRecord p = position(QStringLiteral("005930"), price, quantity);
                    p.buyFees = fee;
                    auto opened = m_positions->open(p, ACTOR);
                    QVERIFY(opened.ok());
                    id = opened.value().id;
                } else {
                    QVERIFY(m_positions->addBuy(id, quantity, price, fee, ACTOR).ok());
                }
            } else {
                const qint64 quantity = random.bounded(4) == 0 ? held.qty : 1 + random.bounded(int(held.qty));
                auto sell = m_positions->beginSell(id, quantity, std::nullopt, SellReason::Manual, QString(), ACTOR);
                QVERIFY(sell.ok());
                QList<SellFill> fills;
                qint64 expected = 0;
                for (qint64 left = quantity; left > 0;) {
                    const qint64 part = std::min(left, 1 + qint64(random.bounded(int(quantity))));
                    const qint64 fillPrice = price + random.bounded(50) * 10;
                    const qint64 amount = fillPrice * part;
                    const qint64 fee = ledger.fee(amount);
                    const qint64 tax = ledger.tax(amount);
                    expected += ledger.applySell(0, fillPrice, part, fee, tax, day).realized;
                    fills.append(SellFill { part, fillPrice, fee + tax, amount });
                    left -= part;
                }
                auto sold = m_positions->completeSell(sell.value().id, fills, ACTOR);
                QVERIFY2(sold.ok(), qPrintable(sold.ok() ? QString() : sold.error().message));
                QCOMPARE(sold.value().profitLoss.value(), expected);
                ++sells;
                if (ledger.holding(0).qty == 0) {
                    QCOMPARE(m_positions->find(id).value()->status, PositionStatus::Closed);
                    QCOMPARE(m_positions->find(id).value()->realizedProfitLoss, ledger.day(day).realized);
                    // The next buy opens a new position; the day's total goes on in the ledger.
                    ledger = SimAccount(1000000000000LL, 0.015, 0.20);
                    id = 0;
                    continue;
                }
            }
            const PositionRecord p = *m_positions->find(id).value();
            const SimAccount::Holding h = ledger.holding(0);
            QCOMPARE(p.quantity, h.qty);
            QCOMPARE(p.buyQuantity, h.qty);
            QCOMPARE(p.buyAmount, h.purchaseAmount);
            QCOMPARE(p.buyFees, h.buyFees);
            QCOMPARE(p.realizedProfitLoss, ledger.day(day).realized);
        }
        QVERIFY(sells > 100);
    }

    // Buying more after a partial sell averages over the shares held (moving average, as the
    // broker's 매입단가), not over every share ever bought: 10 @ 100, sell 5, buy 10 @ 200 →
    // 15 held costing 500 + 2,000, average 166.67, and selling them all releases 2,500.
    void addBuyAfterAPartialSellAveragesWhatIsHeld()
    {
        const qint64 id = m_positions->open(position(QStringLiteral("005930"), 100, 10), ACTOR).value().id;
        auto half = m_positions->beginSell(id, 5, std::nullopt, SellReason::TakeProfit, QString(), ACTOR);
        auto sold = m_positions->completeSell(half.value().id, SellFill { 5, 120, 0, 600 }, ACTOR);
        QVERIFY2(sold.ok(), qPrintable(sold.ok() ? QString() : sold.error().message));
        QVERIFY(sold.value().profitLoss == std::optional<qint64>(100));

        auto more = m_positions->addBuy(id, 10, 200, 0, ACTOR);
        QVERIFY2(more.ok(), qPrintable(more.ok() ? QString() : more.error().message));
        QCOMPARE(more.value().quantity, qint64(15));
        QCOMPARE(more.value().buyQuantity, qint64(15));
        QCOMPARE(more.value().buyAmount, qint64(2500));
        QCOMPARE(more.value().buyPrice, qint64(167)); // 2,500 / 15 = 166.67; was 150 over all 20 bought

        auto all = m_positions->beginSell(id, 15, std::nullopt, SellReason::StopLoss, QString(), ACTOR);
        auto done = m_positions->completeSell(all.value().id, SellFill { 15, 160, 0, 2400 }, ACTOR);
        QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : done.error().message));
        QVERIFY(done.value().profitLoss == std::optional<qint64>(2400 - 2500));
        // Over the life of the position: 600 + 2,400 received for 1,000 + 2,000 paid.
        QCOMPARE(m_positions->find(id).value()->realizedProfitLoss, qint64(0));
    }

    void markToMarketIsNotAudited()
    {
        const qint64 id = m_positions->open(position(QStringLiteral("005930"), 70000, 10), ACTOR).value().id;
        m_clock.advanceMs(30000);
        QVERIFY(m_positions->updateMark(id, 71400).ok());
        auto p = m_positions->find(id).value();
        QVERIFY(p->currentPrice == std::optional<qint64>(71400));
        QVERIFY(p->currentProfitLoss == std::optional<qint64>(14000));
        QVERIFY(qFuzzyCompare(p->currentProfitLossRate.value(), 2.0));
        QVERIFY(p->highestPrice == std::optional<qint64>(71400));
        QVERIFY(p->lastMonitoredMs == std::optional<qint64>(T0 + 30000));
        QVERIFY(m_positions->updateMark(id, 68600).ok());
        p = m_positions->find(id).value();
        QVERIFY(p->currentProfitLoss == std::optional<qint64>(-14000));
        QVERIFY(qFuzzyCompare(p->currentProfitLossRate.value(), -2.0));
        QVERIFY(p->highestPrice == std::optional<qint64>(71400)); // the high stays
        QCOMPARE(audits(), 1);
        QCOMPARE(m_positions->updateMark(id, 0).error().code, QStringLiteral("storage.invalid_argument"));
        QVERIFY(m_positions->close(id, PositionStatus::Open, ACTOR).ok());
        QCOMPARE(m_positions->updateMark(id, 70000).error().code, QStringLiteral("storage.conflict"));
        QCOMPARE(m_positions->updateMark(999, 70000).error().code, QStringLiteral("storage.not_found"));
    }

    void protectionChangesAreAudited()
    {
        const qint64 id = m_positions->open(position(QStringLiteral("005930"), 70000, 10), ACTOR).value().id;
        Protection protection;
        protection.stopLossRate = 2.0;
        protection.takeProfitRate = 10.0;
        protection.trailingStopRate = 1.5;
        protection.stopLossPrice = 68600;
        protection.takeProfitPrice = 77000;
        protection.exitDeadlineMs = T0 + 600000;
        auto changed = m_positions->setProtection(id, protection, QStringLiteral("ui"));
        QVERIFY(changed.ok());
        QVERIFY(changed.value().stopLossRate == std::optional<double>(2.0));
        QVERIFY(changed.value().takeProfitPrice == std::optional<qint64>(77000));
        QVERIFY(changed.value().trailingStopRate == std::optional<double>(1.5));
        QVERIFY(changed.value().exitDeadlineMs == std::optional<qint64>(T0 + 600000));
        auto entry = AuditLog(*m_db).forEntity(QStringLiteral("positions"), id, 1).value().first();
        QCOMPARE(entry.actor, QStringLiteral("ui"));
        QCOMPARE(entry.action, QStringLiteral("protection"));
        QCOMPARE(entry.before.value(u"stop_loss_price").toInteger(), qint64(67900));
        QCOMPARE(entry.after.value(u"stop_loss_price").toInteger(), qint64(68600));
        QVERIFY(entry.before.value(u"trailing_stop_rate").isNull());
        QCOMPARE(entry.after.value(u"trailing_stop_rate").toDouble(), 1.5);

        // Everything is replaced: what is not given is off.
        Protection trailingOnly;
        trailingOnly.trailingStopRate = 3.0;
        auto replaced = m_positions->setProtection(id, trailingOnly, ACTOR);
        QVERIFY(replaced.ok());
        QVERIFY(!replaced.value().stopLossRate && !replaced.value().stopLossPrice && !replaced.value().exitDeadlineMs);
        QVERIFY(replaced.value().trailingStopRate == std::optional<double>(3.0));

        Protection bad;
        bad.stopLossRate = -1.0;
        QCOMPARE(m_positions->setProtection(id, bad, ACTOR).error().code, QStringLiteral("storage.check"));
        bad = Protection {};
        bad.trailingStopRate = 0.0;
        QCOMPARE(m_positions->setProtection(id, bad, ACTOR).error().code, QStringLiteral("storage.check"));
        QCOMPARE(
            m_positions->setProtection(999, trailingOnly, ACTOR).error().code, QStringLiteral("storage.not_found"));

        // open() takes them too.
        PositionRecord withAll = position(QStringLiteral("000660"), 1000, 1);
        withAll.trailingStopRate = 2.5;
        withAll.exitDeadlineMs = T0 + 1000;
        auto opened = m_positions->open(withAll, ACTOR);
        QVERIFY(opened.ok());
        QVERIFY(opened.value().trailingStopRate == std::optional<double>(2.5));
        QVERIFY(opened.value().exitDeadlineMs == std::optional<qint64>(T0 + 1000));
        QVERIFY(m_positions->close(opened.value().id, PositionStatus::Open, ACTOR).ok());
        QCOMPARE(m_positions->setProtection(opened.value().id, trailingOnly, ACTOR).error().code,
            QStringLiteral("storage.conflict"));
    }

    // A full life: partial sell at a profit, then the rest at a loss; P&L adds up and the position closes.
    void sellLifecycle()
    {
        const qint64 id = m_positions->open(position(QStringLiteral("005930"), 70000, 10), ACTOR).value().id;
        auto sell = m_positions->beginSell(id, 4, 73500, SellReason::TakeProfit, QStringLiteral("+5%"), ACTOR);
        QVERIFY2(sell.ok(), qPrintable(sell.ok() ? QString() : sell.error().message));
        QCOMPARE(sell.value().status, SellOrderStatus::Pending);
        QCOMPARE(sell.value().sellQuantity, qint64(4));
        QVERIFY(sell.value().sellPrice == std::optional<qint64>(73500));
        QCOMPARE(sell.value().sellReason, SellReason::TakeProfit);
        QCOMPARE(m_positions->find(id).value()->status, PositionStatus::Selling);

        // No second sell while one is in flight: no double exits.
        const QStringList before = dump();
        QCOMPARE(m_positions->beginSell(id, 1, std::nullopt, SellReason::StopLoss, QString(), ACTOR).error().code,
            QStringLiteral("storage.conflict"));
        QCOMPARE(dump(), before);

        OrderRepository orders(*m_db);
        NewOrder o;
        o.side = Side::Sell;
        o.stockCode = QStringLiteral("005930");
        o.quantity = 4;
        o.price = 73500;
        o.origin = Origin::TakeProfit;
        o.positionId = id;
        const qint64 orderId = orders.create(o, ACTOR).value().id;
        m_clock.advanceMs(100);
        auto ordered = m_positions->markSellOrdered(sell.value().id, orderId, ACTOR);
        QVERIFY(ordered.ok());
        QCOMPARE(ordered.value().status, SellOrderStatus::Ordered);
        QVERIFY(ordered.value().orderId == std::optional<qint64>(orderId));
        QVERIFY(ordered.value().orderedAtMs == std::optional<qint64>(T0 + 100));
        QCOMPARE(m_positions->markSellOrdered(sell.value().id, orderId, ACTOR).error().code,
            QStringLiteral("storage.conflict"));

        // 3 of 4 sold at 73,500 with 1,000 costs.
        auto completed = m_positions->completeSell(sell.value().id, SellFill { 3, 73500, 1000 }, ACTOR);
        QVERIFY2(completed.ok(), qPrintable(completed.ok() ? QString() : completed.error().message));
        QCOMPARE(completed.value().status, SellOrderStatus::Completed);
        QCOMPARE(completed.value().sellQuantity, qint64(3));
        QVERIFY(completed.value().sellAmount == std::optional<qint64>(220500));
        QVERIFY(completed.value().profitLoss == std::optional<qint64>(220500 - 210000 - 1000));
        QVERIFY(qFuzzyCompare(completed.value().profitLossRate.value(), 9500.0 * 100.0 / 210000.0));
        auto p = m_positions->find(id).value();
        QCOMPARE(p->status, PositionStatus::Open);
        QCOMPARE(p->quantity, qint64(7));
        QCOMPARE(p->realizedProfitLoss, qint64(9500));
        QVERIFY(!p->sellTimeMs);

        // The rest at a loss.
        auto rest = m_positions->beginSell(id, 7, std::nullopt, SellReason::StopLoss, QStringLiteral("-3%"), ACTOR);
        QVERIFY(rest.ok());
        QVERIFY(rest.value().sellPrice == std::optional<qint64>(0)); // market
        m_clock.advanceMs(1000);
        QCOMPARE(m_positions->completeSell(rest.value().id, SellFill { 8, 67900, 0 }, ACTOR).error().code,
            QStringLiteral("storage.invalid_argument"));
        QVERIFY(m_positions->completeSell(rest.value().id, SellFill { 7, 67900, 700 }, ACTOR).ok());
        p = m_positions->find(id).value();
        QCOMPARE(p->status, PositionStatus::Closed);
        QCOMPARE(p->quantity, qint64(0));
        QCOMPARE(p->realizedProfitLoss, qint64(9500 + (7 * 67900 - 7 * 70000 - 700)));
        QVERIFY(p->sellTimeMs == std::optional<qint64>(T0 + 1100));
        QVERIFY(!m_positions->findActiveByCode(QStringLiteral("005930")).value());
        QCOMPARE(m_positions->listActive().value().size(), 0);
        QCOMPARE(m_positions->listClosed().value().size(), 1);
        QCOMPARE(m_positions->sellOrders(id).value().size(), 2);
        QCOMPARE(m_positions->listSellOrders(SellOrderStatus::Completed).value().size(), 2);
        QCOMPARE(m_positions->completeSell(rest.value().id, SellFill { 1, 1, 0 }, ACTOR).error().code,
            QStringLiteral("storage.conflict"));
        // Every step was audited.
        QVERIFY(AuditLog(*m_db).forEntity(QStringLiteral("sell_orders")).value().size() >= 5);
    }

    // Realized P&L is exact to the won: the cost released is the buy amount pro rata (not the
    // rounded average buy price × quantity) and the proceeds are what the fills paid (not the
    // rounded average sell price × quantity). Over the position's life the costs add up to the
    // buy amount.
    void realizedProfitIsExactToTheWon()
    {
        const qint64 id = m_positions->open(position(QStringLiteral("005930"), 1000, 1), ACTOR).value().id;
        auto bought = m_positions->addBuy(id, 2, 1001, 0, ACTOR);
        QCOMPARE(bought.value().buyAmount, qint64(3002));
        QCOMPARE(bought.value().buyPrice, qint64(1001)); // 1000.67 shown rounded

        // One share at 1,002: cost floor(3,002 × 1 / 3) = 1,000, as the broker (and SimAccount)
        // release it. (Before schema version 3 this released 3,002 − floor(3,002 × 2 / 3) = 1,001
        // for a P&L of 1; the total over the position's life is the same either way.)
        auto first = m_positions->beginSell(id, 1, std::nullopt, SellReason::TakeProfit, QString(), ACTOR);
        auto one = m_positions->completeSell(first.value().id, SellFill { 1, 1002, 0, 1002 }, ACTOR);
        QVERIFY2(one.ok(), qPrintable(one.ok() ? QString() : one.error().message));
        QVERIFY(one.value().profitLoss == std::optional<qint64>(1002 - 1000));
        QCOMPARE(m_positions->find(id).value()->buyAmount, qint64(2002));

        // The other two at 1,001 each: the remaining cost is 2,002, all of it with the last share.
        auto rest = m_positions->beginSell(id, 2, std::nullopt, SellReason::TakeProfit, QString(), ACTOR);
        auto two = m_positions->completeSell(rest.value().id, SellFill { 2, 1001, 0, 2002 }, ACTOR);
        QVERIFY2(two.ok(), qPrintable(two.ok() ? QString() : two.error().message));
        QVERIFY(two.value().profitLoss == std::optional<qint64>(2002 - 2002));
        const auto found = m_positions->find(id);
        QVERIFY(found.ok() && found.value().has_value());
        const PositionRecord closed = *found.value();
        QCOMPARE(closed.status, PositionStatus::Closed);
        // Everything sold for 1,002 + 2,002 against 3,002 bought.
        QCOMPARE(closed.realizedProfitLoss, qint64(1002 + 2002 - 3002));

        // Two shares sold at 4,900 and 4,905: 9,805 paid, average 4,902.5 (4,903 rounded).
        const qint64 other = m_positions->open(position(QStringLiteral("000660"), 5000, 2), ACTOR).value().id;
        auto sell = m_positions->beginSell(other, 2, std::nullopt, SellReason::StopLoss, QString(), ACTOR);
        auto sold = m_positions->completeSell(sell.value().id, SellFill { 2, 4903, 5, 9805 }, ACTOR);
        QVERIFY2(sold.ok(), qPrintable(sold.ok() ? QString() : sold.error().message));
        QVERIFY(sold.value().sellAmount == std::optional<qint64>(9805));
        QVERIFY(sold.value().profitLoss == std::optional<qint64>(9805 - 10000 - 5));
        QCOMPARE(m_positions->find(other).value()->realizedProfitLoss, qint64(-200));

        // Without an amount the proceeds are the average price × quantity, as before.
        const qint64 third = m_positions->open(position(QStringLiteral("035420"), 5000, 4), ACTOR).value().id;
        auto plain = m_positions->beginSell(third, 4, std::nullopt, SellReason::StopLoss, QString(), ACTOR);
        // An amount the average price cannot come from (more than a won per share away) is refused.
        QCOMPARE(m_positions->completeSell(plain.value().id, SellFill { 4, 4900, 0, 30000 }, ACTOR).error().code,
            QStringLiteral("storage.invalid_argument"));
        auto done = m_positions->completeSell(plain.value().id, SellFill { 4, 4900, 0 }, ACTOR);
        QVERIFY(done.value().profitLoss == std::optional<qint64>(-400));
    }

    // The fills of a sell, one by one, from the executions of its order: cost is released fill by
    // fill (an aggregate may round a won differently), each with its own fee and tax.
    void completeSellFillByFill()
    {
        PositionRecord p = position(QStringLiteral("005930"), 0, 6);
        p.buyPrice = 1164419; // 6 shares for 6,986,511 (1,164,418.5 each)
        p.buyAmount = 6986511;
        const qint64 id = m_positions->open(p, ACTOR).value().id;
        auto sell = m_positions->beginSell(id, 4, std::nullopt, SellReason::Manual, QString(), ACTOR);

        OrderRepository orders(*m_db);
        NewOrder o;
        o.side = Side::Sell;
        o.stockCode = QStringLiteral("005930");
        o.quantity = 4;
        o.price = 1200000;
        o.positionId = id;
        const qint64 orderId = orders.create(o, ACTOR).value().id;
        QVERIFY(orders
                    .recordExecution(
                        orderId, ExecutionRecord { 0, 0, QStringLiteral("E1"), 1200000, 1, 180, 2400, 0, 0 }, ACTOR)
                    .ok());
        QVERIFY(orders
                    .recordExecution(
                        orderId, ExecutionRecord { 0, 0, QStringLiteral("E2"), 1200000, 3, 540, 7200, 0, 0 }, ACTOR)
                    .ok());
        const QList<SellFill> fills = sellFills(orders.executions(orderId).value());
        QCOMPARE(fills.size(), 2);
        QCOMPARE(fills.at(1), (SellFill { 3, 1200000, 540 + 7200, 3600000 }));

        // Fill 1 releases floor(6,986,511 / 6) = 1,164,418, fill 2 floor(5,822,093 × 3 / 5) =
        // 3,493,255: 4,657,673 in all, where floor(6,986,511 × 4 / 6) would be 4,657,674.
        auto sold = m_positions->completeSell(sell.value().id, fills, ACTOR);
        QVERIFY2(sold.ok(), qPrintable(sold.ok() ? QString() : sold.error().message));
        QVERIFY(sold.value().profitLoss == std::optional<qint64>(4800000 - 4657673 - 180 - 2400 - 540 - 7200));
        QVERIFY(sold.value().sellAmount == std::optional<qint64>(4800000));
        QVERIFY(sold.value().sellPrice == std::optional<qint64>(1200000));
        QCOMPARE(sold.value().sellQuantity, qint64(4));
        QCOMPARE(m_positions->find(id).value()->buyAmount, qint64(6986511 - 4657673));

        auto rest = m_positions->beginSell(id, 2, std::nullopt, SellReason::Manual, QString(), ACTOR);
        QCOMPARE(m_positions->completeSell(rest.value().id, QList<SellFill> {}, ACTOR).error().code,
            QStringLiteral("storage.invalid_argument"));
        QCOMPARE(m_positions->completeSell(rest.value().id, QList<SellFill> { { 1, 1, 0, 0 }, { 2, 1, 0, 0 } }, ACTOR)
                     .error()
                     .code,
            QStringLiteral("storage.invalid_argument")); // 3 > 2 held
    }

    void failedSellReopensThePosition()
    {
        const qint64 id = m_positions->open(position(QStringLiteral("005930"), 70000, 10), ACTOR).value().id;
        const qint64 sellId
            = m_positions->beginSell(id, 10, std::nullopt, SellReason::Manual, QString(), ACTOR).value().id;
        QCOMPARE(m_positions->failSell(sellId, SellOrderStatus::Completed, QString(), ACTOR).error().code,
            QStringLiteral("storage.invalid_argument"));
        auto failed
            = m_positions->failSell(sellId, SellOrderStatus::Failed, QStringLiteral("매도가능수량 부족"), ACTOR);
        QVERIFY(failed.ok());
        QCOMPARE(failed.value().status, SellOrderStatus::Failed);
        QCOMPARE(failed.value().sellReasonDetail, QStringLiteral("매도가능수량 부족"));
        QCOMPARE(m_positions->find(id).value()->status, PositionStatus::Open);
        QCOMPARE(m_positions->failSell(sellId, SellOrderStatus::Cancelled, QString(), ACTOR).error().code,
            QStringLiteral("storage.conflict"));
        // Protected again and sellable again.
        QVERIFY(m_positions->beginSell(id, 10, std::nullopt, SellReason::Manual, QString(), ACTOR).ok());
        QCOMPARE(m_positions->beginSell(999, 1, std::nullopt, SellReason::Manual, QString(), ACTOR).error().code,
            QStringLiteral("storage.not_found"));
    }

    void sellingMoreThanHeldIsRefused()
    {
        const qint64 id = m_positions->open(position(QStringLiteral("005930"), 70000, 10), ACTOR).value().id;
        const QStringList before = dump();
        QCOMPARE(m_positions->beginSell(id, 11, std::nullopt, SellReason::Manual, QString(), ACTOR).error().code,
            QStringLiteral("storage.invalid_argument"));
        QCOMPARE(m_positions->beginSell(id, 0, std::nullopt, SellReason::Manual, QString(), ACTOR).error().code,
            QStringLiteral("storage.invalid_argument"));
        QCOMPARE(dump(), before);
    }

    void closeIsCompareAndSet()
    {
        const qint64 id = m_positions->open(position(QStringLiteral("005930"), 70000, 10), ACTOR).value().id;
        QCOMPARE(
            m_positions->close(id, PositionStatus::Selling, ACTOR).error().code, QStringLiteral("storage.conflict"));
        auto closed = m_positions->close(id, PositionStatus::Open, QStringLiteral("service.reconcile"));
        QVERIFY(closed.ok());
        QCOMPARE(closed.value().status, PositionStatus::Closed);
        QCOMPARE(closed.value().quantity, qint64(0));
        QVERIFY(closed.value().sellTimeMs == std::optional<qint64>(T0));
        QCOMPARE(m_positions->close(id, PositionStatus::Open, ACTOR).error().code, QStringLiteral("storage.conflict"));
        QCOMPARE(m_positions->close(id, PositionStatus::Closed, ACTOR).error().code,
            QStringLiteral("storage.invalid_transition"));
        QCOMPARE(m_positions->listClosed(T0 + 1).value().size(), 0);
        QCOMPARE(m_positions->listClosed(T0).value().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestPositionRepository)
#include "tst_positionrepository.moc"
