// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/auditlog.h"
#include "storage/database.h"
#include "storage/orderrepository.h"
#include "storage/positionrepository.h"
#include "storage/sqlutil.h"
#include "storagefixture.h"

#include <QtTest>

using namespace Storage;
using namespace StorageTest;

namespace {

const QString ACTOR = QStringLiteral("service.orders");

NewOrder buy(const QString &code, qint64 quantity, qint64 price)
{
    NewOrder o;
    o.side = Side::Buy;
    o.stockCode = code;
    o.stockName = QStringLiteral("삼성전자");
    o.quantity = quantity;
    o.price = price;
    o.tradeType = price > 0 ? QStringLiteral("0") : QStringLiteral("3");
    o.origin = Origin::Condition;
    o.originSignalId = 42;
    return o;
}

ExecutionRecord fill(const QString &no, qint64 quantity, qint64 price)
{
    ExecutionRecord e;
    e.brokerExecutionNo = no;
    e.quantity = quantity;
    e.price = price;
    e.fee = 15;
    e.executedAtMs = T0 + 1000;
    return e;
}

} // namespace

class TestOrderRepository final : public QObject
{
    Q_OBJECT

private:
    ManualClock m_clock { T0 };
    std::unique_ptr<Database> m_db;
    std::unique_ptr<OrderRepository> m_orders;

    qint64 audits() const { return countRows(m_db->connection(), QStringLiteral("audit_log")); }
    QStringList dump() const { return dumpAll(m_db->connection()); }

    // An order already accepted by the broker.
    OrderRecord accepted(const QString &code, qint64 quantity, qint64 price, const QString &brokerNo)
    {
        auto created = m_orders->create(buy(code, quantity, price), ACTOR);
        if (!created)
            return {};
        if (!m_orders->markSent(created.value().id, ACTOR))
            return {};
        auto done = m_orders->markAccepted(created.value().id, OrderState::Sent, brokerNo, ACTOR);
        return done ? done.value() : OrderRecord {};
    }

private slots:
    void init()
    {
        m_clock.setNowMs(T0);
        m_db = openMemory(m_clock);
        QVERIFY(m_db);
        m_orders = std::make_unique<OrderRepository>(*m_db);
    }
    void cleanup()
    {
        m_orders.reset();
        m_db.reset();
    }

    void createWritesNewOrder()
    {
        auto created = m_orders->create(buy(QStringLiteral("005930"), 10, 70000), ACTOR);
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message));
        const OrderRecord &o = created.value();
        QVERIFY(o.id > 0);
        QVERIFY(o.clientOrderId.startsWith(QLatin1String("kt-")));
        QCOMPARE(o.state, OrderState::New);
        QCOMPARE(o.action, OrderAction::Place);
        QCOMPARE(o.side, Side::Buy);
        QCOMPARE(o.quantity, qint64(10));
        QCOMPARE(o.price, qint64(70000));
        QCOMPARE(o.tradeType, QStringLiteral("0"));
        QCOMPARE(o.exchange, QStringLiteral("KRX"));
        QCOMPARE(o.origin, Origin::Condition);
        QVERIFY(o.originSignalId == std::optional<qint64>(42));
        QVERIFY(o.brokerOrderNo.isEmpty());
        QVERIFY(!o.sentAtMs);
        QCOMPARE(o.createdAtMs, T0);
        QCOMPARE(o.tradingDate, QStringLiteral("2025-03-14"));
        QCOMPARE(o.filledQuantity, qint64(0));
        QCOMPARE(audits(), 1);
        auto entry = AuditLog(*m_db).forEntity(QStringLiteral("orders"), o.id).value().first();
        QCOMPARE(entry.action, QStringLiteral("create"));
        QCOMPARE(entry.actor, ACTOR);
        QVERIFY(entry.before.isEmpty());
        QCOMPARE(entry.after.value(u"client_order_id").toString(), o.clientOrderId);
        QCOMPARE(entry.after.value(u"state").toString(), QStringLiteral("NEW"));

        QVERIFY(m_orders->findByClientId(o.clientOrderId).value() == std::optional<OrderRecord>(o));
        QVERIFY(!m_orders->findByClientId(QStringLiteral("nope")).value());
    }

    void duplicateClientIdChangesNothing()
    {
        NewOrder order = buy(QStringLiteral("005930"), 10, 70000);
        order.clientOrderId = QStringLiteral("api-key-1");
        QVERIFY(m_orders->create(order, ACTOR).ok());
        const QStringList before = dump();
        auto again = m_orders->create(order, ACTOR);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, QStringLiteral("storage.unique"));
        QVERIFY(again.error().message.contains(QLatin1String("client_order_id")));
        QCOMPARE(dump(), before);
    }

    void invalidOrdersAreRefused()
    {
        const QStringList before = dump();
        QCOMPARE(m_orders->create(buy(QString(), 10, 70000), ACTOR).error().code,
            QStringLiteral("storage.invalid_argument"));
        QCOMPARE(m_orders->create(buy(QStringLiteral("005930"), 0, 70000), ACTOR).error().code,
            QStringLiteral("storage.check"));
        QCOMPARE(m_orders->create(buy(QStringLiteral("005930"), 10, -1), ACTOR).error().code,
            QStringLiteral("storage.check"));
        NewOrder exchange = buy(QStringLiteral("005930"), 1, 1);
        exchange.exchange = QStringLiteral("NYSE");
        QCOMPARE(m_orders->create(exchange, ACTOR).error().code, QStringLiteral("storage.check"));
        NewOrder orphanCancel = buy(QStringLiteral("005930"), 0, 0);
        orphanCancel.action = OrderAction::Cancel; // no original to cancel
        QCOMPARE(m_orders->create(orphanCancel, ACTOR).error().code, QStringLiteral("storage.check"));
        NewOrder badPosition = buy(QStringLiteral("005930"), 1, 1);
        badPosition.positionId = 77;
        QCOMPARE(m_orders->create(badPosition, ACTOR).error().code, QStringLiteral("storage.foreign_key"));
        QCOMPARE(dump(), before);
    }

    // State transitions are compare-and-set: a repeat or a stale expectation is a conflict.
    void transitionsAreCompareAndSet()
    {
        const qint64 id = m_orders->create(buy(QStringLiteral("005930"), 10, 70000), ACTOR).value().id;
        m_clock.advanceMs(10);
        auto sent = m_orders->markSent(id, ACTOR);
        QVERIFY(sent.ok());
        QCOMPARE(sent.value().state, OrderState::Sent);
        QVERIFY(sent.value().sentAtMs == std::optional<qint64>(T0 + 10));
        QCOMPARE(audits(), 2);

        const QStringList before = dump();
        auto twice = m_orders->markSent(id, ACTOR);
        QVERIFY(!twice.ok());
        QCOMPARE(twice.error().code, QStringLiteral("storage.conflict"));
        QVERIFY(twice.error().message.contains(QLatin1String("SENT")));
        QCOMPARE(dump(), before);

        m_clock.advanceMs(10);
        auto acceptedOrder = m_orders->markAccepted(id, OrderState::Sent, QStringLiteral("0000138"), ACTOR);
        QVERIFY(acceptedOrder.ok());
        QCOMPARE(acceptedOrder.value().state, OrderState::Accepted);
        QCOMPARE(acceptedOrder.value().brokerOrderNo, QStringLiteral("0000138"));
        QVERIFY(acceptedOrder.value().sentAtMs == std::optional<qint64>(T0 + 10)); // unchanged

        const QStringList afterAccept = dump();
        // Backwards is not a transition at all.
        QCOMPARE(m_orders->transition(id, OrderState::Accepted, OrderState::Sent, {}, ACTOR).error().code,
            QStringLiteral("storage.invalid_transition"));
        // Applying ACCEPTED again (a duplicate reply) is a conflict.
        QCOMPARE(m_orders->markAccepted(id, OrderState::Sent, QStringLiteral("0000138"), ACTOR).error().code,
            QStringLiteral("storage.conflict"));
        // FILLED needs the fills: the CHECK ties the state to filled_quantity.
        QCOMPARE(m_orders->transition(id, OrderState::Accepted, OrderState::Filled, {}, ACTOR).error().code,
            QStringLiteral("storage.check"));
        QCOMPARE(m_orders->markSent(999, ACTOR).error().code, QStringLiteral("storage.not_found"));
        QCOMPARE(dump(), afterAccept);

        auto cancelled = m_orders->transition(id, OrderState::Accepted, OrderState::Cancelled, {}, ACTOR);
        QVERIFY(cancelled.ok());
        QCOMPARE(cancelled.value().state, OrderState::Cancelled);
        // Terminal.
        for (OrderState next : allValues<OrderState>()) {
            auto moved = m_orders->transition(id, OrderState::Cancelled, next, {}, ACTOR);
            QVERIFY(!moved.ok());
        }
        // Every change above wrote exactly one audit row.
        QCOMPARE(audits(), 4);
        const auto trail = AuditLog(*m_db).forEntity(QStringLiteral("orders"), id).value();
        QCOMPARE(trail.size(), 4);
        QCOMPARE(trail.at(0).before.value(u"state").toString(), QStringLiteral("ACCEPTED"));
        QCOMPARE(trail.at(0).after.value(u"state").toString(), QStringLiteral("CANCELLED"));
    }

    void rejectionKeepsTheReason()
    {
        const qint64 id = m_orders->create(buy(QStringLiteral("005930"), 10, 70000), ACTOR).value().id;
        QVERIFY(m_orders->markSent(id, ACTOR).ok());
        auto rejected = m_orders->markRejected(id, OrderState::Sent, QStringLiteral("[2000] 주문가능금액 부족"), ACTOR);
        QVERIFY(rejected.ok());
        QCOMPARE(rejected.value().state, OrderState::Rejected);
        QCOMPARE(rejected.value().rejectReason, QStringLiteral("[2000] 주문가능금액 부족"));
    }

    void brokerOrderNumbers()
    {
        const OrderRecord first = accepted(QStringLiteral("005930"), 10, 70000, QStringLiteral("0000138"));
        QVERIFY(first.id > 0);
        // Another order with the same number the same day: refused.
        const qint64 second = m_orders->create(buy(QStringLiteral("000660"), 1, 100000), ACTOR).value().id;
        QVERIFY(m_orders->markSent(second, ACTOR).ok());
        auto clash = m_orders->markAccepted(second, OrderState::Sent, QStringLiteral("0000138"), ACTOR);
        QVERIFY(!clash.ok());
        QCOMPARE(clash.error().code, QStringLiteral("storage.unique"));
        QCOMPARE(m_orders->find(second).value()->state, OrderState::Sent);
        // A number, once assigned, is never replaced.
        QVERIFY(m_orders
                    ->transition(second, OrderState::Sent, OrderState::Unknown,
                        OrderUpdate { QStringLiteral("0000140"), {} }, ACTOR)
                    .ok());
        auto replaced = m_orders->markAccepted(second, OrderState::Unknown, QStringLiteral("0000141"), ACTOR);
        QCOMPARE(replaced.error().code, QStringLiteral("storage.rule"));
        QCOMPARE(m_orders->find(second).value()->brokerOrderNo, QStringLiteral("0000140"));

        // Kiwoom restarts the numbers the next day.
        m_clock.advanceMs(3 * DAY_MS);
        const OrderRecord nextDay = accepted(QStringLiteral("005930"), 5, 71000, QStringLiteral("0000138"));
        QVERIFY(nextDay.id > 0);
        QCOMPARE(nextDay.tradingDate, QStringLiteral("2025-03-17"));
        QCOMPARE(m_orders->findByBrokerOrderNo(QStringLiteral("0000138")).value()->id, nextDay.id);
        QCOMPARE(m_orders->findByBrokerOrderNo(QStringLiteral("0000138"), QStringLiteral("2025-03-14")).value()->id,
            first.id);
        QVERIFY(!m_orders->findByBrokerOrderNo(QStringLiteral("0000999")).value());
    }

    // A fill notice can overtake the REST acknowledgement (SENT → FILLED), and reconciliation can
    // settle an UNKNOWN order from the broker's fills. The order number that arrives afterwards
    // must still be stored: later notices and inquiries name the order only by that number.
    void brokerOrderNumberAfterTheStateMovedOn()
    {
        const qint64 id = m_orders->create(buy(QStringLiteral("005930"), 10, 70000), ACTOR).value().id;
        QVERIFY(m_orders->markSent(id, ACTOR).ok());
        QCOMPARE(m_orders->recordExecution(id, fill(QStringLiteral("E1"), 10, 70000), ACTOR).value().order.state,
            OrderState::Filled);
        // The late acknowledgement cannot accept a filled order ...
        QCOMPARE(m_orders->markAccepted(id, OrderState::Sent, QStringLiteral("0000138"), ACTOR).error().code,
            QStringLiteral("storage.conflict"));
        // ... but its number is recorded, state and fills untouched, and audited.
        const qint64 auditsBefore = audits();
        auto assigned = m_orders->assignBrokerOrderNo(id, QStringLiteral("0000138"), ACTOR);
        QVERIFY2(assigned.ok(), qPrintable(assigned.ok() ? QString() : assigned.error().message));
        QCOMPARE(assigned.value().brokerOrderNo, QStringLiteral("0000138"));
        QCOMPARE(assigned.value().state, OrderState::Filled);
        QCOMPARE(assigned.value().filledQuantity, qint64(10));
        QCOMPARE(m_orders->findByBrokerOrderNo(QStringLiteral("0000138")).value()->id, id);
        QCOMPARE(audits(), auditsBefore + 1);
        const auto entry = AuditLog(*m_db).forEntity(QStringLiteral("orders"), id, 1).value().first();
        QVERIFY(entry.before.value(u"broker_order_no").isNull());
        QCOMPARE(entry.after.value(u"broker_order_no").toString(), QStringLiteral("0000138"));

        // The same number again changes nothing; another number is refused.
        const QStringList before = dump();
        QVERIFY(m_orders->assignBrokerOrderNo(id, QStringLiteral("0000138"), ACTOR).ok());
        QCOMPARE(m_orders->assignBrokerOrderNo(id, QStringLiteral("0000139"), ACTOR).error().code,
            QStringLiteral("storage.rule"));
        QCOMPARE(m_orders->assignBrokerOrderNo(id, QString(), ACTOR).error().code,
            QStringLiteral("storage.invalid_argument"));
        QCOMPARE(m_orders->assignBrokerOrderNo(999, QStringLiteral("0000140"), ACTOR).error().code,
            QStringLiteral("storage.not_found"));
        QCOMPARE(dump(), before);

        // UNKNOWN → PARTIAL by reconciliation, then the number; one order's number is not another's.
        const qint64 other = m_orders->create(buy(QStringLiteral("000660"), 4, 100000), ACTOR).value().id;
        QVERIFY(m_orders->markSent(other, ACTOR).ok());
        QVERIFY(m_orders->transition(other, OrderState::Sent, OrderState::Unknown, {}, ACTOR).ok());
        QCOMPARE(m_orders->recordExecution(other, fill(QStringLiteral("E1"), 1, 100000), ACTOR).value().order.state,
            OrderState::Partial);
        QCOMPARE(m_orders->assignBrokerOrderNo(other, QStringLiteral("0000138"), ACTOR).error().code,
            QStringLiteral("storage.unique"));
        QVERIFY(m_orders->assignBrokerOrderNo(other, QStringLiteral("0000141"), ACTOR).ok());
        QCOMPARE(m_orders->findByBrokerOrderNo(QStringLiteral("0000141")).value()->state, OrderState::Partial);
    }

    // Fills are idempotent per broker execution number and drive PARTIAL/FILLED.
    void executionsAreIdempotent()
    {
        const OrderRecord order = accepted(QStringLiteral("005930"), 10, 70000, QStringLiteral("0000138"));
        const qint64 auditsBefore = audits();
        auto first = m_orders->recordExecution(order.id, fill(QStringLiteral("E1"), 3, 70000), ACTOR);
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().message));
        QVERIFY(!first.value().duplicate);
        QCOMPARE(first.value().order.state, OrderState::Partial);
        QCOMPARE(first.value().order.filledQuantity, qint64(3));
        QCOMPARE(first.value().order.filledAmount, qint64(210000));
        QCOMPARE(first.value().order.avgFillPrice, qint64(70000));
        QCOMPARE(first.value().execution.fee, qint64(15));
        QCOMPARE(first.value().execution.executedAtMs, T0 + 1000);
        QCOMPARE(first.value().execution.recordedAtMs, T0);
        QCOMPARE(audits(), auditsBefore + 2); // the execution and the order

        // The realtime notice and the inquiry report the same fill: recorded once.
        const QStringList before = dump();
        auto repeat = m_orders->recordExecution(order.id, fill(QStringLiteral("E1"), 3, 70000), ACTOR);
        QVERIFY(repeat.ok());
        QVERIFY(repeat.value().duplicate);
        QCOMPARE(repeat.value().execution.id, first.value().execution.id);
        QCOMPARE(repeat.value().order.filledQuantity, qint64(3));
        QCOMPARE(dump(), before);

        // The same number with other figures is a conflict, not silently ignored.
        auto different = m_orders->recordExecution(order.id, fill(QStringLiteral("E1"), 4, 70000), ACTOR);
        QCOMPARE(different.error().code, QStringLiteral("storage.conflict"));
        // More than ordered: refused, nothing written.
        auto overfill = m_orders->recordExecution(order.id, fill(QStringLiteral("E2"), 8, 70100), ACTOR);
        QCOMPARE(overfill.error().code, QStringLiteral("storage.invalid_argument"));
        QCOMPARE(m_orders->recordExecution(order.id, fill(QString(), 1, 1), ACTOR).error().code,
            QStringLiteral("storage.invalid_argument"));
        QCOMPARE(m_orders->recordExecution(999, fill(QStringLiteral("E9"), 1, 1), ACTOR).error().code,
            QStringLiteral("storage.not_found"));
        QCOMPARE(dump(), before);

        auto rest = m_orders->recordExecution(order.id, fill(QStringLiteral("E2"), 7, 70100), ACTOR);
        QVERIFY(rest.ok());
        QCOMPARE(rest.value().order.state, OrderState::Filled);
        QCOMPARE(rest.value().order.filledQuantity, qint64(10));
        QCOMPARE(rest.value().order.filledAmount, qint64(210000 + 490700));
        QCOMPARE(rest.value().order.avgFillPrice, qint64(70070)); // 700700 / 10
        auto executions = m_orders->executions(order.id);
        QCOMPARE(executions.value().size(), 2);
        QCOMPARE(executions.value().at(1).brokerExecutionNo, QStringLiteral("E2"));
        // A filled order takes no more.
        QCOMPARE(m_orders->recordExecution(order.id, fill(QStringLiteral("E3"), 1, 70000), ACTOR).error().code,
            QStringLiteral("storage.invalid_argument"));
    }

    void fillsForStock()
    {
        const OrderRecord a = accepted(QStringLiteral("005930"), 10, 70000, QStringLiteral("0000201"));
        const OrderRecord b = accepted(QStringLiteral("000660"), 5, 150000, QStringLiteral("0000202"));
        ExecutionRecord e1 = fill(QStringLiteral("F1"), 4, 70000);
        e1.executedAtMs = T0 + 1000;
        ExecutionRecord e2 = fill(QStringLiteral("F2"), 6, 70100);
        e2.executedAtMs = T0 + 3000;
        ExecutionRecord e3 = fill(QStringLiteral("F3"), 5, 150000);
        e3.executedAtMs = T0 + 2000;
        QVERIFY(m_orders->recordExecution(a.id, e2, ACTOR).ok());
        QVERIFY(m_orders->recordExecution(a.id, e1, ACTOR).ok());
        QVERIFY(m_orders->recordExecution(b.id, e3, ACTOR).ok());

        auto fills = m_orders->fillsForStock(QStringLiteral("005930"), 0);
        QVERIFY(fills.ok());
        QCOMPARE(fills.value().size(), 2);
        QCOMPARE(fills.value().at(0).price, qint64(70000)); // oldest first
        QCOMPARE(fills.value().at(0).quantity, qint64(4));
        QCOMPARE(fills.value().at(0).side, Side::Buy);
        QCOMPARE(fills.value().at(0).origin, Origin::Condition);
        QCOMPARE(fills.value().at(0).orderId, a.id);
        QCOMPARE(fills.value().at(1).executedAtMs, T0 + 3000);
        // From a time on, and the newest within a limit.
        QCOMPARE(m_orders->fillsForStock(QStringLiteral("005930"), T0 + 2000).value().size(), 1);
        auto newest = m_orders->fillsForStock(QStringLiteral("005930"), 0, 1);
        QCOMPARE(newest.value().size(), 1);
        QCOMPARE(newest.value().at(0).price, qint64(70100));
        QVERIFY(m_orders->fillsForStock(QStringLiteral("035720"), 0).value().isEmpty());
    }

    void averagePriceRoundsHalfUp()
    {
        const OrderRecord order = accepted(QStringLiteral("005930"), 3, 1000, QStringLiteral("1"));
        QVERIFY(m_orders->recordExecution(order.id, fill(QStringLiteral("a"), 1, 1000), ACTOR).ok());
        auto second = m_orders->recordExecution(order.id, fill(QStringLiteral("b"), 1, 1001), ACTOR);
        QCOMPARE(second.value().order.avgFillPrice, qint64(1001)); // 1000.5 → 1001
        auto third = m_orders->recordExecution(order.id, fill(QStringLiteral("c"), 1, 1000), ACTOR);
        QCOMPARE(third.value().order.avgFillPrice, qint64(1000)); // 1000.33 → 1000
        QCOMPARE(third.value().order.filledAmount, qint64(3001));
    }

    // A fill for an order still in NEW proves it went out: NEW → UNKNOWN → PARTIAL, both audited.
    void fillOnNewOrder()
    {
        const qint64 id = m_orders->create(buy(QStringLiteral("005930"), 10, 70000), ACTOR).value().id;
        auto recorded = m_orders->recordExecution(id, fill(QStringLiteral("E1"), 2, 70000), ACTOR);
        QVERIFY(recorded.ok());
        QCOMPARE(recorded.value().order.state, OrderState::Partial);
        const auto trail = AuditLog(*m_db).forEntity(QStringLiteral("orders"), id).value();
        QCOMPARE(trail.size(), 3);
        QCOMPARE(trail.at(1).after.value(u"state").toString(), QStringLiteral("UNKNOWN"));
        QCOMPARE(trail.at(0).after.value(u"state").toString(), QStringLiteral("PARTIAL"));
    }

    // Money is never dropped: a late fill on a cancelled order is recorded and the state kept.
    void lateFillOnCancelledOrder()
    {
        const OrderRecord order = accepted(QStringLiteral("005930"), 10, 70000, QStringLiteral("0000138"));
        QVERIFY(m_orders->transition(order.id, OrderState::Accepted, OrderState::Cancelled, {}, ACTOR).ok());
        auto late = m_orders->recordExecution(order.id, fill(QStringLiteral("E1"), 4, 70000), ACTOR);
        QVERIFY(late.ok());
        QCOMPARE(late.value().order.state, OrderState::Cancelled);
        QCOMPARE(late.value().order.filledQuantity, qint64(4));
    }

    void cancelRequestsCannotFill()
    {
        const OrderRecord order = accepted(QStringLiteral("005930"), 10, 70000, QStringLiteral("0000138"));
        NewOrder cancel = buy(QStringLiteral("005930"), 0, 0);
        cancel.action = OrderAction::Cancel;
        cancel.origOrderId = order.id;
        cancel.origBrokerOrderNo = order.brokerOrderNo;
        cancel.origin = Origin::Manual;
        auto created = m_orders->create(cancel, ACTOR);
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message));
        QCOMPARE(created.value().action, OrderAction::Cancel);
        QCOMPARE(
            m_orders->recordExecution(created.value().id, fill(QStringLiteral("E1"), 1, 70000), ACTOR).error().code,
            QStringLiteral("storage.invalid_argument"));
        auto children = m_orders->listChildren(order.id);
        QCOMPARE(children.value().size(), 1);
        QCOMPARE(children.value().first().id, created.value().id);
    }

    void listsAndTotals()
    {
        const OrderRecord a = accepted(QStringLiteral("A"), 10, 1000, QStringLiteral("1"));
        const OrderRecord b = accepted(QStringLiteral("B"), 5, 2000, QStringLiteral("2"));
        const qint64 c = m_orders->create(buy(QStringLiteral("C"), 1, 500), ACTOR).value().id;
        QVERIFY(m_orders->recordExecution(a.id, fill(QStringLiteral("x"), 10, 1000), ACTOR).ok()); // FILLED
        QVERIFY(m_orders->recordExecution(b.id, fill(QStringLiteral("y"), 2, 2000), ACTOR).ok()); // PARTIAL
        NewOrder sell = buy(QStringLiteral("A"), 4, 1100);
        sell.side = Side::Sell;
        sell.origin = Origin::TakeProfit;
        sell.originSignalId.reset();
        const OrderRecord s = m_orders->create(sell, ACTOR).value();
        QVERIFY(m_orders->markSent(s.id, ACTOR).ok());
        QVERIFY(m_orders->recordExecution(s.id, fill(QStringLiteral("z"), 4, 1100), ACTOR).ok());

        auto open = m_orders->listOpen();
        QCOMPARE(open.value().size(), 2);
        QCOMPARE(open.value().at(0).id, b.id);
        QCOMPARE(open.value().at(1).id, c);
        QCOMPARE(m_orders->listByState(OrderState::Filled).value().size(), 2);
        QCOMPARE(m_orders->listForDate(QStringLiteral("2025-03-14")).value().size(), 4);
        QCOMPARE(m_orders->listForDate(QStringLiteral("2025-03-15")).value().size(), 0);
        QCOMPARE(m_orders->listForSignal(Origin::Condition, 42).value().size(), 3);
        QCOMPARE(m_orders->listForSignal(Origin::Strategy, 42).value().size(), 0);

        auto totals = m_orders->totalsForDate(QStringLiteral("2025-03-14"));
        QVERIFY(totals.ok());
        QCOMPARE(totals.value().buyFilledAmount, qint64(10 * 1000 + 2 * 2000));
        QCOMPARE(totals.value().sellFilledAmount, qint64(4 * 1100));
        QCOMPARE(totals.value().buyOpenAmount, qint64(3 * 2000 + 1 * 500));
        QCOMPARE(totals.value().orderCount, 4);
        QCOMPARE(totals.value().openOrderCount, 2);
    }

    // Issue 8: an open market buy (price 0) counted 0 KRW in the day's open buy amount, so the
    // risk guard's daily buy limit did not see it. It is valued at its valuation price — the
    // day's upper price limit at order time — × the unfilled quantity; limit orders at their price.
    void openMarketBuysCountAtTheirValuation()
    {
        NewOrder market = buy(QStringLiteral("005930"), 10, 0);
        market.valuationPrice = 91000; // 상한가 of a stock closing at 70,000 yesterday
        auto created = m_orders->create(market, ACTOR);
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message));
        QCOMPARE(created.value().price, qint64(0));
        QCOMPARE(created.value().valuationPrice, qint64(91000));
        QCOMPARE(m_orders->find(created.value().id).value()->valuationPrice, qint64(91000));
        const OrderRecord limit = accepted(QStringLiteral("000660"), 5, 2000, QStringLiteral("7"));
        QCOMPARE(limit.valuationPrice, qint64(2000)); // 0 = the price

        auto totals = m_orders->totalsForDate(QStringLiteral("2025-03-14"));
        QCOMPARE(totals.value().buyOpenAmount, qint64(10 * 91000 + 5 * 2000)); // was 5 × 2,000 only

        // Partly filled: only the unfilled rest counts as open; the fill counts as bought.
        QVERIFY(m_orders->markSent(created.value().id, ACTOR).ok());
        QVERIFY(m_orders->recordExecution(created.value().id, fill(QStringLiteral("m1"), 4, 70100), ACTOR).ok());
        totals = m_orders->totalsForDate(QStringLiteral("2025-03-14"));
        QCOMPARE(totals.value().buyOpenAmount, qint64(6 * 91000 + 5 * 2000));
        QCOMPARE(totals.value().buyFilledAmount, qint64(4 * 70100));

        // A market buy without a valuation is refused: it would be invisible to the risk guard.
        const QStringList before = dump();
        QCOMPARE(m_orders->create(buy(QStringLiteral("035720"), 1, 0), ACTOR).error().code,
            QStringLiteral("storage.invalid_argument"));
        NewOrder negative = buy(QStringLiteral("035720"), 1, 1000);
        negative.valuationPrice = -1;
        QCOMPARE(m_orders->create(negative, ACTOR).error().code, QStringLiteral("storage.invalid_argument"));
        QCOMPARE(dump(), before);
        // ... unless it was found at the broker: what exists there is always recorded.
        NewOrder adopted = buy(QStringLiteral("035720"), 1, 0);
        adopted.origin = Origin::Reconcile;
        QVERIFY(m_orders->create(adopted, ACTOR).ok());
        // Market sells need no valuation (they do not count towards the buy limit).
        NewOrder sell = buy(QStringLiteral("005930"), 1, 0);
        sell.side = Side::Sell;
        QVERIFY(m_orders->create(sell, ACTOR).ok());
    }

    void linkPositionOnce()
    {
        PositionRepository positions(*m_db);
        PositionRecord p;
        p.stockCode = QStringLiteral("005930");
        p.buyPrice = 1000;
        p.buyQuantity = 1;
        const qint64 positionId = positions.open(p, ACTOR).value().id;
        p.stockCode = QStringLiteral("000660");
        const qint64 otherStock = positions.open(p, ACTOR).value().id;

        const OrderRecord order = accepted(QStringLiteral("005930"), 1, 1000, QStringLiteral("9"));
        QVERIFY(!order.positionId);
        const qint64 auditsBefore = audits();
        auto linked = m_orders->linkPosition(order.id, positionId, ACTOR);
        QVERIFY2(linked.ok(), qPrintable(linked.ok() ? QString() : linked.error().message));
        QVERIFY(linked.value().positionId == std::optional<qint64>(positionId));
        QCOMPARE(linked.value().state, OrderState::Accepted); // any state, unchanged
        QCOMPARE(audits(), auditsBefore + 1);
        auto entry = AuditLog(*m_db).forEntity(QStringLiteral("orders"), order.id, 1).value().first();
        QCOMPARE(entry.action, QStringLiteral("link_position"));
        QVERIFY(entry.before.value(u"position_id").isNull());
        QCOMPARE(entry.after.value(u"position_id").toInteger(), positionId);
        QCOMPARE(m_orders->listForPosition(positionId).value().size(), 1);

        // Again: nothing changes. Another position: refused, by the repository and by the schema.
        const QStringList before = dump();
        QVERIFY(m_orders->linkPosition(order.id, positionId, ACTOR).ok());
        QCOMPARE(m_orders->linkPosition(order.id, otherStock, ACTOR).error().code, QStringLiteral("storage.conflict"));
        QCOMPARE(Storage::run(m_db->connection(),
                     QStringLiteral("UPDATE orders SET position_id = %1 WHERE id = %2").arg(otherStock).arg(order.id))
                     .error()
                     .code,
            QStringLiteral("storage.rule"));
        QCOMPARE(dump(), before);

        const OrderRecord second = accepted(QStringLiteral("005930"), 1, 1000, QStringLiteral("10"));
        const QStringList withSecond = dump();
        QCOMPARE(m_orders->linkPosition(second.id, otherStock, ACTOR).error().code,
            QStringLiteral("storage.invalid_argument")); // another stock
        QCOMPARE(m_orders->linkPosition(second.id, 999, ACTOR).error().code, QStringLiteral("storage.foreign_key"));
        QCOMPARE(m_orders->linkPosition(999, positionId, ACTOR).error().code, QStringLiteral("storage.not_found"));
        QCOMPARE(dump(), withSecond);
    }

    void changesComposeIntoACallersTransaction()
    {
        // A service can write a signal's order and its first transition atomically.
        Status failed = m_db->transaction([&]() -> Status {
            auto created = m_orders->create(buy(QStringLiteral("005930"), 1, 1000), ACTOR);
            if (!created)
                return created.error();
            auto sent = m_orders->markSent(created.value().id, ACTOR);
            if (!sent)
                return sent.error();
            return Error { QStringLiteral("test.abort"), QStringLiteral("the caller changed its mind") };
        });
        QVERIFY(!failed.ok());
        QCOMPARE(countRows(m_db->connection(), QStringLiteral("orders")), 0);
        QCOMPARE(audits(), 0);
    }
};

QTEST_GUILESS_MAIN(TestOrderRepository)
#include "tst_orderrepository.moc"
