// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/records.h"

#include <QSet>
#include <QtTest>

using namespace Storage;

namespace {

template<typename E> void checkRoundTrip(const QStringList &expected)
{
    const QList<E> values = allValues<E>();
    QCOMPARE(values.size(), expected.size());
    QSet<QString> seen;
    for (int i = 0; i < values.size(); ++i) {
        const QString text = enumText(values.at(i));
        QCOMPARE(text, expected.at(i));
        QVERIFY(!seen.contains(text));
        seen.insert(text);
        QVERIFY(enumFromText<E>(text) == std::optional<E>(values.at(i)));
    }
    QVERIFY(!enumFromText<E>(u""));
    QVERIFY(!enumFromText<E>(u"nonsense"));
    // Case matters: the database stores exactly these spellings.
    if (expected.first() != expected.first().toLower())
        QVERIFY(!enumFromText<E>(expected.first().toLower()));
    else
        QVERIFY(!enumFromText<E>(expected.first().toUpper()));
}

} // namespace

class TestRecords final : public QObject
{
    Q_OBJECT

private slots:
    // The spellings are the ones the schema's CHECK constraints list.
    void enumStrings()
    {
        checkRoundTrip<SignalStatus>(
            { "PENDING", "PROCESSING", "ORDERED", "COMPLETED", "FAILED", "CANCELLED", "EXPIRED", "SKIPPED" });
        checkRoundTrip<PositionStatus>({ "OPEN", "SELLING", "CLOSED" });
        checkRoundTrip<SellOrderStatus>({ "PENDING", "ORDERED", "COMPLETED", "FAILED", "CANCELLED" });
        checkRoundTrip<SellReason>({ "STOP_LOSS", "TAKE_PROFIT", "TRAILING_STOP", "STRATEGY", "MANUAL", "RISK" });
        checkRoundTrip<WatchlistSource>({ "MANUAL", "CONDITION" });
        checkRoundTrip<SyncStatus>({ "ACTIVE", "REMOVED", "FAILED" });
        checkRoundTrip<Side>({ "BUY", "SELL" });
        checkRoundTrip<OrderAction>({ "PLACE", "MODIFY", "CANCEL" });
        checkRoundTrip<OrderState>(
            { "NEW", "SENT", "ACCEPTED", "PARTIAL", "FILLED", "REJECTED", "CANCELLED", "UNKNOWN" });
        checkRoundTrip<Origin>({ "condition", "strategy", "scalping", "stop_loss", "take_profit", "trailing_stop",
            "manual", "api", "risk", "reconcile", "external" });
        checkRoundTrip<DecisionKind>({ "PENDING_BUY", "STRATEGY", "EXIT", "MANUAL" });
        checkRoundTrip<Decision>({ "CREATED", "DEDUPED", "SKIPPED", "BLOCKED", "NO_CASH", "ZERO_QUANTITY", "ORDERED",
            "REJECTED", "RETRY", "FAILED", "FILLED", "PARTIAL", "EXPIRED", "CANCELLED", "UNKNOWN" });
    }

    void orderStateMachine()
    {
        using S = OrderState;
        // The happy path and the documented side roads.
        QVERIFY(canTransition(S::New, S::Sent));
        QVERIFY(canTransition(S::Sent, S::Accepted));
        QVERIFY(canTransition(S::Accepted, S::Partial));
        QVERIFY(canTransition(S::Partial, S::Filled));
        QVERIFY(canTransition(S::Sent, S::Unknown));
        QVERIFY(canTransition(S::Unknown, S::Filled));
        QVERIFY(canTransition(S::Sent, S::Filled)); // a fill notice overtaking the REST reply
        QVERIFY(canTransition(S::New, S::Unknown)); // found after a crash
        // Never backwards, never twice.
        QVERIFY(!canTransition(S::Accepted, S::Sent));
        QVERIFY(!canTransition(S::Partial, S::Accepted));
        QVERIFY(!canTransition(S::Sent, S::New));
        QVERIFY(!canTransition(S::Unknown, S::Sent)); // an unknown outcome is never blindly re-sent
        for (S s : allValues<S>())
            QVERIFY(!canTransition(s, s));
        for (S terminal : { S::Filled, S::Rejected, S::Cancelled }) {
            QVERIFY(isTerminal(terminal));
            QVERIFY(!isOpen(terminal));
            for (S to : allValues<S>())
                QVERIFY(!canTransition(terminal, to));
        }
        for (S open : { S::New, S::Sent, S::Accepted, S::Partial, S::Unknown })
            QVERIFY(isOpen(open));
        // Every non-terminal state can still reach an end.
        for (S s : allValues<S>()) {
            if (isTerminal(s))
                continue;
            QVERIFY(canTransition(s, S::Rejected) || canTransition(s, S::Cancelled) || canTransition(s, S::Filled));
        }
    }

    void signalStateMachine()
    {
        using S = SignalStatus;
        // The buy executor claims a signal before acting on it: nothing goes from PENDING to ORDERED
        // or FAILED without PROCESSING in between.
        QVERIFY(canTransition(S::Pending, S::Processing));
        QVERIFY(!canTransition(S::Pending, S::Ordered));
        QVERIFY(!canTransition(S::Pending, S::Failed));
        for (S to : { S::Ordered, S::Pending, S::Failed, S::Skipped, S::Cancelled })
            QVERIFY(canTransition(S::Processing, to));
        QVERIFY(!canTransition(S::Processing, S::Completed));
        QVERIFY(!canTransition(S::Processing, S::Expired)); // being worked on: not expired under the executor
        QVERIFY(canTransition(S::Ordered, S::Completed));
        QVERIFY(canTransition(S::Pending, S::Expired));
        QVERIFY(canTransition(S::Pending, S::Skipped));
        QVERIFY(canTransition(S::Pending, S::Cancelled));
        QVERIFY(canTransition(S::Ordered, S::Pending)); // retry after a definite refusal
        QVERIFY(!canTransition(S::Pending, S::Completed));
        QVERIFY(!canTransition(S::Ordered, S::Expired)); // an ordered signal's fate is its order's
        QVERIFY(!isTerminal(S::Processing));
        for (S s : allValues<S>())
            QVERIFY(!canTransition(s, s));
        for (S terminal : { S::Completed, S::Failed, S::Cancelled, S::Expired, S::Skipped }) {
            QVERIFY(isTerminal(terminal));
            for (S to : allValues<S>())
                QVERIFY(!canTransition(terminal, to));
        }
    }

    void positionAndSellStateMachines()
    {
        QVERIFY(canTransition(PositionStatus::Open, PositionStatus::Selling));
        QVERIFY(canTransition(PositionStatus::Selling, PositionStatus::Open));
        QVERIFY(canTransition(PositionStatus::Selling, PositionStatus::Closed));
        QVERIFY(!canTransition(PositionStatus::Closed, PositionStatus::Open));
        QVERIFY(canTransition(SellOrderStatus::Pending, SellOrderStatus::Ordered));
        QVERIFY(canTransition(SellOrderStatus::Ordered, SellOrderStatus::Completed));
        QVERIFY(!canTransition(SellOrderStatus::Completed, SellOrderStatus::Failed));
        QVERIFY(!canTransition(SellOrderStatus::Pending, SellOrderStatus::Completed));
    }

    void orderRemainingQuantity()
    {
        OrderRecord order;
        order.quantity = 10;
        order.filledQuantity = 3;
        QCOMPARE(order.remainingQuantity(), qint64(7));
    }
};

QTEST_GUILESS_MAIN(TestRecords)
#include "tst_records.moc"
