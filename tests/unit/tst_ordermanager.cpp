// SPDX-License-Identifier: GPL-3.0-or-later
// OrderManager against a fake broker and a real (in-memory) SQLite store: the order state machine,
// "never a blind re-send", fills counted exactly once (duplicates, reordering, recovery from the
// broker's lists and the late notice after it), cancels, and shutdown with a request on the wire.

#include "fakebrokerapi.h"

#include "common/clock.h"
#include "market/krx.h"
#include "storage/database.h"
#include "storage/orderrepository.h"
#include "storage/positionrepository.h"
#include "trading/orderevents.h"
#include "trading/ordermanager.h"
#include "trading/positionkeeper.h"

#include <QSignalSpy>
#include <QtTest>

using namespace Storage;

namespace {

// Monday 2025-03-10 10:00 KST
const qint64 T0 = Krx::fromKst(QDate(2025, 3, 10), QTime(10, 0));

Trading::OrderIntent buyIntent(const QString &code = QStringLiteral("005930"), qint64 qty = 10, qint64 price = 70000)
{
    Trading::OrderIntent i;
    i.side = Side::Buy;
    i.code = code;
    i.name = QStringLiteral("삼성전자");
    i.quantity = qty;
    i.price = price;
    i.type = Trading::OrderType::Limit;
    i.origin = Origin::Manual;
    i.actor = QStringLiteral("ui");
    return i;
}

Kiwoom::OrderExecution notice(const QString &orderNo, Kiwoom::OrderExecution::Status status,
    const QString &code = QStringLiteral("005930"), qint64 orderQty = 10, qint64 unfilled = 10)
{
    Kiwoom::OrderExecution e;
    e.orderNo = orderNo;
    e.code = code;
    e.status = status;
    e.statusText = status == Kiwoom::OrderExecution::Status::Filled ? QStringLiteral("체결") : QStringLiteral("접수");
    e.orderQty = orderQty;
    e.orderPrice = 70000;
    e.unfilledQty = unfilled;
    e.orderKindText = QStringLiteral("+매수");
    e.side = Side::Buy;
    e.timeMs = T0;
    return e;
}

Kiwoom::OrderExecution fillNotice(const QString &orderNo, const QString &fillNo, qint64 qty, qint64 price,
    qint64 cumAfter, qint64 cumFee, qint64 orderQty = 10)
{
    Kiwoom::OrderExecution e = notice(
        orderNo, Kiwoom::OrderExecution::Status::Filled, QStringLiteral("005930"), orderQty, orderQty - cumAfter);
    e.fillNo = fillNo;
    e.fillPrice = price;
    e.fillQty = qty;
    e.unitFillPrice = price;
    e.unitFillQty = qty;
    e.todayFee = cumFee;
    return e;
}

} // namespace

class TestOrderManager final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<FakeBrokerApi> m_broker;
    std::unique_ptr<OrderEvents> m_events;
    std::unique_ptr<PositionKeeper> m_keeper;
    std::unique_ptr<OrderManager> m_orders;

    OrderRecord row(qint64 id)
    {
        auto r = OrderRepository(*m_db).find(id);
        Q_ASSERT(r && *r);
        return r->value();
    }
    QList<ExecutionRecord> executions(qint64 id)
    {
        auto r = OrderRepository(*m_db).executions(id);
        Q_ASSERT(r);
        return r.value();
    }
    OrderRecord placeAccepted(const QString &number, const Trading::OrderIntent &intent = buyIntent())
    {
        auto o = m_orders->submit(intent);
        Q_ASSERT(o);
        m_broker->replyPlace(int(m_broker->places.size()) - 1, Kiwoom::OrderAck { number, QStringLiteral("KRX"), {} });
        return row(o->id);
    }

private slots:
    void init()
    {
        m_clock = std::make_unique<ManualClock>(T0);
        m_db = std::move(Database::openInMemory(*m_clock)).value();
        m_broker = std::make_unique<FakeBrokerApi>();
        m_events = std::make_unique<OrderEvents>();
        m_keeper = std::make_unique<PositionKeeper>(*m_db, *m_clock);
        m_orders = std::make_unique<OrderManager>(*m_db, *m_broker, *m_events, *m_keeper, *m_clock);
        OrderManager::Config c;
        c.unmatchedNoticeHoldMs = 200;
        m_orders->setConfig(c);
        QVERIFY(m_orders->start().ok());
    }
    void cleanup()
    {
        m_orders.reset();
        m_keeper.reset();
        m_events.reset();
        m_broker.reset();
        m_db.reset();
    }

    // The order is on disk, SENT, before the request is handed to the broker; the reply makes it
    // ACCEPTED with the broker's number.
    void writtenBeforeSentThenAccepted()
    {
        auto o = m_orders->submit(buyIntent());
        QVERIFY2(o.ok(), o ? "" : qPrintable(o.error().message));
        QCOMPARE(m_broker->places.size(), 1);
        QCOMPARE(o->state, OrderState::Sent);
        QCOMPARE(row(o->id).state, OrderState::Sent);
        QVERIFY(row(o->id).sentAtMs.has_value());
        QCOMPARE(m_broker->places.at(0).request.price, 70000);
        QCOMPARE(m_orders->requestsInFlight(), 1);
        m_broker->replyPlace(0, Kiwoom::OrderAck { QStringLiteral("0000101"), QStringLiteral("KRX"), {} });
        QCOMPARE(row(o->id).state, OrderState::Accepted);
        QCOMPARE(row(o->id).brokerOrderNo, QStringLiteral("0000101"));
        QCOMPARE(m_orders->requestsInFlight(), 0);
        QVERIFY(m_orders->hasOpenOrder(QStringLiteral("005930"), Side::Buy));
    }

    void riskRefusalWritesAndSendsNothing()
    {
        m_orders->setRiskCheck([](const Trading::OrderIntent &) {
            return Trading::RiskVerdict::refuse(QStringLiteral("risk.max_order_amount"), QStringLiteral("too big"));
        });
        QSignalSpy refused(m_orders.get(), &OrderManager::intentRefused);
        auto o = m_orders->submit(buyIntent());
        QVERIFY(!o.ok());
        QCOMPARE(o.error().code, QStringLiteral("risk.max_order_amount"));
        QCOMPARE(refused.count(), 1);
        QCOMPARE(m_broker->places.size(), 0);
        QVERIFY(OrderRepository(*m_db).listForDate(Krx::tradingDateString(T0))->isEmpty());
    }

    void sameClientOrderIdPlacesOneOrder()
    {
        Trading::OrderIntent i = buyIntent();
        i.clientOrderId = QStringLiteral("api-key-1");
        auto a = m_orders->submit(i);
        auto b = m_orders->submit(i);
        QVERIFY(a && b);
        QCOMPARE(a->id, b->id);
        QCOMPARE(m_broker->places.size(), 1);
    }

    void definiteRefusalIsRejectedAndAnnounced()
    {
        QSignalSpy rejected(m_events.get(), &OrderEvents::orderRejected);
        auto o = m_orders->submit(buyIntent());
        m_broker->replyPlace(
            0, KiwoomError::make(KiwoomError::Kind::RateLimited, QStringLiteral("kt10000"), QStringLiteral("[1700]")));
        QCOMPARE(row(o->id).state, OrderState::Rejected);
        QCOMPARE(rejected.count(), 1);
        QCOMPARE(rejected.at(0).at(1).value<KiwoomError>().kind, KiwoomError::Kind::RateLimited);
        QVERIFY(!m_orders->hasOpenOrder(QStringLiteral("005930"), Side::Buy));
    }

    // A lost reply: UNKNOWN, the stock blocked, a reconciliation asked for — and never a second request.
    void lostReplyIsUnknownUntilTheBrokerSaysSo()
    {
        QSignalSpy reconcile(m_orders.get(), &OrderManager::reconcileRequested);
        auto o = m_orders->submit(buyIntent());
        m_broker->replyPlace(0,
            KiwoomError::make(KiwoomError::Kind::OutcomeUnknown, QStringLiteral("kt10000"), QStringLiteral("timeout")));
        QCOMPARE(row(o->id).state, OrderState::Unknown);
        QVERIFY(m_orders->isStockBlocked(QStringLiteral("005930")));
        QTRY_VERIFY(reconcile.count() >= 1);
        QCOMPARE(m_broker->places.size(), 1);

        // The broker lists it as open (number 0000777, nothing filled).
        Kiwoom::OpenOrder open;
        open.orderNo = QStringLiteral("0000777");
        open.code = QStringLiteral("005930");
        open.side = Side::Buy;
        open.orderQty = 10;
        open.orderPrice = 70000;
        open.unfilledQty = 10;
        open.tradeTypeText = QStringLiteral("보통");
        open.timeMs = T0;
        OrderManager::BrokerView view;
        view.open = { open };
        auto report = m_orders->applyBrokerView(view);
        QVERIFY(report.ok());
        QCOMPARE(row(o->id).state, OrderState::Accepted);
        QCOMPARE(row(o->id).brokerOrderNo, QStringLiteral("0000777"));
        QVERIFY(!m_orders->isStockBlocked(QStringLiteral("005930")));
        QCOMPARE(m_broker->places.size(), 1);
    }

    void lostReplyOfAnOrderThatNeverArrivedIsRejected()
    {
        auto o = m_orders->submit(buyIntent());
        m_broker->replyPlace(0,
            KiwoomError::make(KiwoomError::Kind::OutcomeUnknown, QStringLiteral("kt10000"), QStringLiteral("reset")));
        auto report = m_orders->applyBrokerView({});
        QVERIFY(report.ok());
        QCOMPARE(row(o->id).state, OrderState::Rejected);
        QVERIFY(!m_orders->isStockBlocked(QStringLiteral("005930")));
    }

    void duplicateFillNoticeChangesNothing()
    {
        const OrderRecord o = placeAccepted(QStringLiteral("0000101"));
        QSignalSpy recorded(m_events.get(), &OrderEvents::executionRecorded);
        const auto f = fillNotice(QStringLiteral("0000101"), QStringLiteral("1"), 4, 70000, 4, 42);
        m_orders->onExecution(f);
        m_orders->onExecution(f);
        QCOMPARE(recorded.count(), 1);
        QCOMPARE(row(o.id).filledQuantity, 4);
        QCOMPARE(row(o.id).state, OrderState::Partial);
        QCOMPARE(executions(o.id).size(), 1);
        QCOMPARE(executions(o.id).at(0).fee, 42);
    }

    // Fill #2 arrives before fill #1 (a reordered frame): both count, the fees split by difference.
    void reorderedFillsBothCount()
    {
        const OrderRecord o = placeAccepted(QStringLiteral("0000101"));
        m_orders->onExecution(fillNotice(QStringLiteral("0000101"), QStringLiteral("2"), 6, 70100, 10, 105));
        m_orders->onExecution(fillNotice(QStringLiteral("0000101"), QStringLiteral("1"), 4, 70000, 4, 42));
        const OrderRecord after = row(o.id);
        QCOMPARE(after.filledQuantity, 10);
        QCOMPARE(after.state, OrderState::Filled);
        QCOMPARE(after.filledAmount, 6 * 70100 + 4 * 70000);
        qint64 fees = 0;
        for (const ExecutionRecord &x : executions(o.id))
            fees += x.fee;
        QCOMPARE(fees, 105); // the cumulative 938, never more
    }

    // A notice overtakes the REST reply: the order gets its number from the notice, the reply
    // later agrees, and the fill is counted once.
    void noticeBeforeTheReply()
    {
        auto o = m_orders->submit(buyIntent());
        m_orders->onExecution(fillNotice(QStringLiteral("0000555"), QStringLiteral("1"), 10, 70000, 10, 105));
        QCOMPARE(row(o->id).brokerOrderNo, QStringLiteral("0000555"));
        QCOMPARE(row(o->id).state, OrderState::Filled);
        m_broker->replyPlace(0, Kiwoom::OrderAck { QStringLiteral("0000555"), QStringLiteral("KRX"), {} });
        QCOMPARE(row(o->id).state, OrderState::Filled);
        QCOMPARE(executions(o->id).size(), 1);
    }

    // Notice #2 is lost; the broker's fills list brings the order to 10; the late notice #2 is not
    // counted again. Every share exactly once.
    void recoveredFillIsNotCountedTwice()
    {
        const OrderRecord o = placeAccepted(QStringLiteral("0000101"));
        m_orders->onExecution(fillNotice(QStringLiteral("0000101"), QStringLiteral("1"), 4, 70000, 4, 42));
        Kiwoom::Fill f;
        f.orderNo = QStringLiteral("0000101");
        f.code = QStringLiteral("005930");
        f.side = Side::Buy;
        f.orderQty = 10;
        f.orderPrice = 70000;
        f.fillQty = 10;
        f.fillPrice = 70060; // average of 4 @ 70,000 and 6 @ 70,100
        f.unfilledQty = 0;
        f.todayFee = 105;
        f.tradeTypeText = QStringLiteral("보통");
        OrderManager::BrokerView view;
        view.fills = { f };
        auto report = m_orders->applyBrokerView(view);
        QVERIFY(report.ok());
        QCOMPARE(report->recoveredFills, 1);
        QCOMPARE(report->recoveredQuantity, 6);
        QCOMPARE(row(o.id).state, OrderState::Filled);
        QCOMPARE(row(o.id).filledQuantity, 10);
        QCOMPARE(row(o.id).filledAmount, 4 * 70000 + 6 * 70100);
        m_orders->onExecution(fillNotice(QStringLiteral("0000101"), QStringLiteral("2"), 6, 70100, 10, 105));
        QCOMPARE(row(o.id).filledQuantity, 10);
        QCOMPARE(executions(o.id).size(), 2);
    }

    void incompleteFillNoticeAsksForReconciliation()
    {
        const OrderRecord o = placeAccepted(QStringLiteral("0000101"));
        QSignalSpy reconcile(m_orders.get(), &OrderManager::reconcileRequested);
        auto f = fillNotice(QStringLiteral("0000101"), QStringLiteral("1"), 4, 70000, 4, 42);
        f.unreadableFields = QStringList { QStringLiteral("910") };
        m_orders->onExecution(f);
        QCOMPARE(reconcile.count(), 1);
        QCOMPARE(row(o.id).filledQuantity, 0);
    }

    void cancelIsConfirmedByTheNotice()
    {
        const OrderRecord o = placeAccepted(QStringLiteral("0000101"));
        QVERIFY(m_orders->cancel(o.id, QStringLiteral("ui")).ok());
        QCOMPARE(m_broker->cancels.size(), 1);
        QCOMPARE(m_broker->cancels.at(0).request.origOrderNo, QStringLiteral("0000101"));
        m_broker->replyCancel(
            0, Kiwoom::CancelAck { QStringLiteral("0000102"), QStringLiteral("0000101"), 10, {}, {} });
        auto confirm = notice(QStringLiteral("0000102"), Kiwoom::OrderExecution::Status::Confirmed);
        confirm.orderKindText = QStringLiteral("매수취소");
        confirm.origOrderNo = QStringLiteral("0000101");
        m_orders->onExecution(confirm);
        QCOMPARE(row(o.id).state, OrderState::Cancelled);
        QVERIFY(!m_orders->hasOpenOrder(QStringLiteral("005930"), Side::Buy));
        const auto children = OrderRepository(*m_db).listChildren(o.id);
        QVERIFY(children && children->size() == 1);
        QCOMPARE(children->at(0).state, OrderState::Cancelled);
    }

    // The lists were asked for while the order's request was still queued or on the wire (the
    // broker had not seen it yet): its absence from them says nothing. Found by tst_crashsafety,
    // where such a sell was settled as "not open at the broker" just before its fill arrived.
    void ordersOnTheWireDuringTheFetchAreLeftAlone()
    {
        auto o = m_orders->submit(buyIntent());
        QVERIFY(o);
        m_clock->advanceMs(5000);
        OrderManager::BrokerView view; // the reconciler starts: the lists do not have the order
        view.asOfMs = m_clock->nowMs();
        view.wireSequenceAtStart = m_orders->wireSequence();
        m_broker->replyPlace(0, Kiwoom::OrderAck { QStringLiteral("0000201"), QStringLiteral("KRX"), {} });
        QCOMPARE(row(o->id).state, OrderState::Accepted);
        auto report = m_orders->applyBrokerView(view);
        QVERIFY(report.ok());
        QCOMPARE(row(o->id).state, OrderState::Accepted); // not "not open at the broker"

        // The next round, taken after the reply, settles it as usual.
        view.wireSequenceAtStart = m_orders->wireSequence();
        report = m_orders->applyBrokerView(view);
        QVERIFY(report.ok());
        QCOMPARE(row(o->id).state, OrderState::Cancelled);
    }

    // A cancel whose reply was lost, while the original is still open at the broker: it never
    // arrived. It is settled as not in effect (never re-sent blindly); the original stays open and
    // can be cancelled again.
    void lostCancelThatNeverArrivedIsNotInEffect()
    {
        const OrderRecord o = placeAccepted(QStringLiteral("0000101"));
        QVERIFY(m_orders->cancel(o.id, QStringLiteral("ui")).ok());
        m_broker->replyCancel(0,
            KiwoomError::make(KiwoomError::Kind::OutcomeUnknown, QStringLiteral("kt10003"), QStringLiteral("reset")));
        const auto before = OrderRepository(*m_db).listChildren(o.id);
        QVERIFY(before && before->size() == 1);
        QCOMPARE(before->at(0).state, OrderState::Unknown);
        m_clock->advanceMs(5000);

        Kiwoom::OpenOrder open;
        open.orderNo = QStringLiteral("0000101");
        open.code = QStringLiteral("005930");
        open.side = Side::Buy;
        open.orderQty = 10;
        open.orderPrice = 70000;
        open.unfilledQty = 10;
        open.tradeTypeText = QStringLiteral("보통");
        open.timeMs = T0;
        OrderManager::BrokerView view;
        view.open = { open };
        view.asOfMs = m_clock->nowMs();
        auto report = m_orders->applyBrokerView(view);
        QVERIFY(report.ok());
        const auto after = OrderRepository(*m_db).listChildren(o.id);
        QVERIFY(after && after->size() == 1);
        QCOMPARE(after->at(0).state, OrderState::Rejected);
        QVERIFY(after->at(0).rejectReason.contains(QStringLiteral("still open")));
        QCOMPARE(row(o.id).state, OrderState::Accepted);
        QCOMPARE(m_broker->cancels.size(), 1); // nothing re-sent by the reconciliation

        // The user may cancel again: a new request goes out.
        QVERIFY(m_orders->cancel(o.id, QStringLiteral("ui")).ok());
        QCOMPARE(m_broker->cancels.size(), 2);
    }

    // The same lost cancel when the broker did carry it out: the original is gone from the open
    // list, so both are settled as cancelled.
    void lostCancelThatArrivedIsSettled()
    {
        const OrderRecord o = placeAccepted(QStringLiteral("0000101"));
        QVERIFY(m_orders->cancel(o.id, QStringLiteral("ui")).ok());
        m_broker->replyCancel(0,
            KiwoomError::make(KiwoomError::Kind::OutcomeUnknown, QStringLiteral("kt10003"), QStringLiteral("reset")));
        m_clock->advanceMs(5000);
        OrderManager::BrokerView view;
        view.asOfMs = m_clock->nowMs();
        auto report = m_orders->applyBrokerView(view);
        QVERIFY(report.ok());
        const auto after = OrderRepository(*m_db).listChildren(o.id);
        QVERIFY(after && after->size() == 1);
        QCOMPARE(after->at(0).state, OrderState::Cancelled);
        QCOMPARE(row(o.id).state, OrderState::Cancelled);
        QCOMPARE(m_broker->cancels.size(), 1);
    }

    // A buy fill opens the position with its commission; the exit's fill settles it with P&L.
    void fillsMakePositions()
    {
        const OrderRecord o = placeAccepted(QStringLiteral("0000101"));
        m_orders->onExecution(fillNotice(QStringLiteral("0000101"), QStringLiteral("1"), 10, 70000, 10, 105));
        auto live = PositionRepository(*m_db).findActiveByCode(QStringLiteral("005930"));
        QVERIFY(live && *live);
        const PositionRecord p = live->value();
        QCOMPARE(p.quantity, 10);
        QCOMPARE(p.buyPrice, 70000);
        QCOMPARE(p.buyFees, 105);
        QCOMPARE(row(o.id).positionId, std::optional<qint64>(p.id));
    }

    void startUpTurnsSentIntoUnknown()
    {
        auto o = m_orders->submit(buyIntent());
        QVERIFY(o);
        // A new manager over the same database: the app died with the request on the wire.
        OrderManager again(*m_db, *m_broker, *m_events, *m_keeper, *m_clock);
        QVERIFY(again.start().ok());
        QCOMPARE(row(o->id).state, OrderState::Unknown);
        QVERIFY(again.isStockBlocked(QStringLiteral("005930")));
    }

    void shutdownRecordsUnansweredRequestsAsUnknown()
    {
        auto o = m_orders->submit(buyIntent());
        QElapsedTimer t;
        t.start();
        m_orders->shutdown(300);
        QVERIFY(t.elapsed() >= 250);
        QCOMPARE(row(o->id).state, OrderState::Unknown);
    }

    void shutdownReturnsAsSoonAsTheReplyCame()
    {
        auto o = m_orders->submit(buyIntent());
        QTimer::singleShot(50, m_broker.get(), [this] {
            m_broker->replyPlace(0, Kiwoom::OrderAck { QStringLiteral("0000101"), QStringLiteral("KRX"), {} });
        });
        QElapsedTimer t;
        t.start();
        m_orders->shutdown(10000);
        QVERIFY(t.elapsed() < 5000);
        QCOMPARE(row(o->id).state, OrderState::Accepted);
    }
};

QTEST_GUILESS_MAIN(TestOrderManager)
#include "tst_ordermanager.moc"
