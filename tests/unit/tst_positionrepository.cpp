// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/auditlog.h"
#include "storage/conditionrepository.h"
#include "storage/database.h"
#include "storage/orderrepository.h"
#include "storage/positionrepository.h"
#include "storage/signalrepository.h"
#include "storagefixture.h"

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
        auto more = m_positions->addBuy(id, 5, 70100, ACTOR);
        QVERIFY(more.ok());
        QCOMPARE(more.value().buyQuantity, qint64(15));
        QCOMPARE(more.value().quantity, qint64(15));
        QCOMPARE(more.value().buyAmount, qint64(700000 + 350500));
        QCOMPARE(more.value().buyPrice, qint64(70033)); // 1050500 / 15 = 70033.3
        QCOMPARE(audits(), 2);
        QCOMPARE(m_positions->addBuy(id, 0, 1, ACTOR).error().code, QStringLiteral("storage.invalid_argument"));
        QCOMPARE(m_positions->addBuy(999, 1, 1, ACTOR).error().code, QStringLiteral("storage.not_found"));
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

        auto more = m_positions->addBuy(id, 10, 200, ACTOR);
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
        auto changed = m_positions->setProtection(id, 2.0, 10.0, 68600, 77000, QStringLiteral("ui"));
        QVERIFY(changed.ok());
        QVERIFY(changed.value().stopLossRate == std::optional<double>(2.0));
        QVERIFY(changed.value().takeProfitPrice == std::optional<qint64>(77000));
        auto entry = AuditLog(*m_db).forEntity(QStringLiteral("positions"), id, 1).value().first();
        QCOMPARE(entry.actor, QStringLiteral("ui"));
        QCOMPARE(entry.before.value(u"stop_loss_price").toInteger(), qint64(67900));
        QCOMPARE(entry.after.value(u"stop_loss_price").toInteger(), qint64(68600));
        QCOMPARE(m_positions->setProtection(id, -1.0, 10.0, 1, 1, ACTOR).error().code, QStringLiteral("storage.check"));
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
        auto bought = m_positions->addBuy(id, 2, 1001, ACTOR);
        QCOMPARE(bought.value().buyAmount, qint64(3002));
        QCOMPARE(bought.value().buyPrice, qint64(1001)); // 1000.67 shown rounded

        // One share at 1,002: cost floor(3002 × 3 / 3) − floor(3002 × 2 / 3) = 3002 − 2001 = 1001.
        auto first = m_positions->beginSell(id, 1, std::nullopt, SellReason::TakeProfit, QString(), ACTOR);
        auto one = m_positions->completeSell(first.value().id, SellFill { 1, 1002, 0, 1002 }, ACTOR);
        QVERIFY2(one.ok(), qPrintable(one.ok() ? QString() : one.error().message));
        QVERIFY(one.value().profitLoss == std::optional<qint64>(1));

        // The other two at 1,001 each: the remaining cost is 2,001, not 2 × 1,001.
        auto rest = m_positions->beginSell(id, 2, std::nullopt, SellReason::TakeProfit, QString(), ACTOR);
        auto two = m_positions->completeSell(rest.value().id, SellFill { 2, 1001, 0, 2002 }, ACTOR);
        QVERIFY2(two.ok(), qPrintable(two.ok() ? QString() : two.error().message));
        QVERIFY(two.value().profitLoss == std::optional<qint64>(2002 - 2001));
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
