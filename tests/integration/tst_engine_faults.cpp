// SPDX-License-Identifier: GPL-3.0-or-later
// The engine under every fault the simulator can inject (issue 8, "Tests"; grammar in
// core/sim/simfaults.h): HTTP 5xx (before and after the TR ran), timeouts (never answered, closed
// after a while, and when=after on kt10000/kt10001: the order is placed and its reply lost), late
// replies, 429/1700, token expiry, malformed JSON, WebSocket drop, duplicated, reordered and
// malformed REAL frames. For each (a data row): a short buy/sell flow through the command layer
// with the fault active, then the faults are cleared and the engine reconciles. Afterwards:
//  - no duplicate order: every order the simulated exchange holds is carried by exactly one
//    orders row (read in process from the exchange, not through the app);
//  - no lost fill: every share the exchange filled is in `executions` exactly once;
//  - final state = the broker's: BrokerLedger (Kiwoom TRs, a client of its own) agrees with the
//    database — positions, average prices, P&L, fees, taxes, cash.
// And two paths of the buy executor: a rate-limit refusal (a definite, transient error) is retried
// and placed later, with RETRY in the decision ledger; a definite rejection by the broker
// (return_code 20) is never retried.
#include "enginedayrig.h"

#include "market/krx.h"
#include "services/quotebook.h"
#include "sim/simfaults.h"
#include "sim/simserver.h"
#include "storage/database.h"
#include "storage/orderrepository.h"
#include "storage/positionrepository.h"
#include "storage/signalrepository.h"
#include "trading/buyorderexecutor.h"
#include "trading/decisionledger.h"
#include "trading/ordermanager.h"
#include "trading/tradingcommands.h"
#include "trading/tradingengine.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QtTest>

using namespace Storage;

namespace {

// Four liquid stocks in different tick bands.
QStringList pickCodes(ClientSimFixture &sim, int n)
{
    QStringList codes;
    for (int i = 0; i < sim.stockCount() && codes.size() < n; ++i) {
        const SimQuote q = sim.quote(sim.code(i));
        if (q.price >= 5'000 && q.price <= 200'000)
            codes << sim.code(i);
    }
    return codes;
}

EngineDayRig::Options faultOptions()
{
    EngineDayRig::Options o;
    // A lost reply is noticed after 1.5 s (not 8 s): each data row stays a few seconds.
    o.fixture.client.rest.timeoutMs = 1500;
    return o;
}

QList<Decision> decisionsOf(EngineDayRig &rig, qint64 signalId)
{
    auto lines = rig.engine().ledger().forSignal(DecisionKind::Manual, signalId);
    QList<Decision> out;
    if (!lines)
        return out;
    for (auto it = lines->crbegin(); it != lines->crend(); ++it) // oldest first
        out << it->decision;
    return out;
}

QString decisionsText(const QList<Decision> &decisions)
{
    QStringList out;
    for (Decision d : decisions)
        out << enumText(d);
    return out.join(QLatin1Char(' '));
}

qint64 buySignal(EngineDayRig &rig, const QString &code, qint64 quantity)
{
    const SimQuote q = rig.sim().quote(code);
    TradingCommands::BuyCommand c;
    c.code = code;
    c.quantity = quantity;
    c.price = std::min(q.limits.upper, Krx::snapUp(q.price * 1005 / 1000));
    auto r = rig.commands().buy(c, QStringLiteral("ui"));
    if (!r) {
        qWarning().noquote() << "buy" << code << "refused:" << r.error().message;
        return 0;
    }
    return r->value(QStringLiteral("signal_id")).toInteger();
}

int simOrdersFor(EngineDayRig &rig, const QString &code)
{
    int n = 0;
    for (const SimOrder &o : rig.simOrdersToday())
        n += rig.sim().code(o.stock) == code ? 1 : 0;
    return n;
}

} // namespace

class TestEngineFaults final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // Thousands of orders: the engine's and the simulator's info lines would exceed QTest's
        // message limit and hide the summary lines.
        QLoggingCategory::setFilterRules(QStringLiteral("kt.*.info=false"));
    }

    void faultDuringFlow_data()
    {
        QTest::addColumn<QString>("spec");
        // Orders.
        QTest::newRow("http5xx-orders") << QStringLiteral("http5xx,api=kt10000|kt10001,count=2");
        QTest::newRow("http5xx-after-orders")
            << QStringLiteral("http5xx,api=kt10000|kt10001,when=after,count=2,status=503");
        QTest::newRow("http5xx-queries") << QStringLiteral(
            "http5xx,api=ka10075|ka10076|kt00018|kt00001|ka10001,count=4,status=502");
        QTest::newRow("timeout-before-buy") << QStringLiteral("timeout,api=kt10000,count=2");
        QTest::newRow("timeout-closed-sell") << QStringLiteral("timeout,api=kt10001,ms=300,count=2");
        QTest::newRow("timeout-after-buy") << QStringLiteral("timeout,api=kt10000,when=after,count=2");
        QTest::newRow("timeout-after-sell") << QStringLiteral("timeout,api=kt10001,when=after,count=2");
        QTest::newRow("timeout-queries") << QStringLiteral("timeout,api=ka10075|ka10076|kt00018,ms=200,count=3");
        QTest::newRow("delay-buy") << QStringLiteral("delay,api=kt10000,ms=1200,count=2");
        QTest::newRow("delay-sell") << QStringLiteral("delay,api=kt10001,ms=1200,count=2");
        QTest::newRow("ratelimit-orders") << QStringLiteral("ratelimit,api=kt10000|kt10001,count=2");
        QTest::newRow("ratelimit-queries") << QStringLiteral("ratelimit,api=ka10075|ka10076|kt00018|kt00001,count=2");
        QTest::newRow("token-expiry-now") << QStringLiteral("token-expiry");
        QTest::newRow("token-expiry-sell") << QStringLiteral("token-expiry,api=kt10001");
        QTest::newRow("malformed-orders") << QStringLiteral("malformed,api=kt10000|kt10001,count=2");
        QTest::newRow("malformed-queries") << QStringLiteral("malformed,api=ka10075|ka10076|kt00018|ka10001,count=3");
        // The WebSocket (0B ticks and 00 order notices alike).
        QTest::newRow("ws-drop") << QStringLiteral("ws-drop,after=3,count=2");
        QTest::newRow("ws-duplicate") << QStringLiteral("ws-duplicate,rate=0.5");
        QTest::newRow("ws-reorder") << QStringLiteral("ws-reorder,rate=0.5");
        QTest::newRow("ws-malformed") << QStringLiteral("ws-malformed,rate=0.3");
    }

    void faultDuringFlow()
    {
        QFETCH(QString, spec);
        QElapsedTimer wall;
        wall.start();
        EngineDayRig rig;
        const EngineDayRig::Options options = faultOptions();
        QVERIFY2(rig.start(options), qPrintable(rig.error()));
        const QStringList codes = pickCodes(rig.sim(), 4);
        QCOMPARE(codes.size(), 4);
        rig.quotes().watch(QStringLiteral("watchlist"), codes);
        QVERIFY(EngineDayRig::waitUntil([&] { return rig.sim().simRegistrations() >= codes.size(); }, 5000));

        QVERIFY2(rig.sim().server().addFaults(spec).ok(), qPrintable(spec));
        // Buys of three stocks, the market moves, everything held is sold, one more buy.
        for (int i = 0; i < 3; ++i)
            QVERIFY(buySignal(rig, codes.at(i), 5 + 3 * i) > 0);
        // A reconciliation under the fault as well (the query TRs: ka10075, ka10076, kt00018, kt00001).
        QVERIFY(rig.commands().reconcileNow(QStringLiteral("ui")).ok());
        EngineDayRig::waitUntil([&] { return rig.unsettled().isEmpty(); }, 2500);
        rig.advance(20'000, 2'000);
        EngineDayRig::waitUntil([&] { return rig.unsettled().isEmpty(); }, 2500);
        auto live = PositionRepository(rig.db()).listActive();
        QVERIFY(live.ok());
        for (const PositionRecord &p : live.value()) {
            if (p.status != PositionStatus::Open)
                continue;
            TradingCommands::SellCommand c;
            c.code = p.stockCode;
            auto r = rig.commands().sell(c, QStringLiteral("ui"));
            if (!r)
                qInfo().noquote() << "sell" << p.stockCode << "refused:" << r.error().message;
        }
        QVERIFY(buySignal(rig, codes.at(3), 7) > 0);
        EngineDayRig::waitUntil([&] { return rig.unsettled().isEmpty(); }, 2500);
        rig.advance(10'000, 2'000);
        EngineDayRig::waitUntil([&] { return rig.unsettled().isEmpty(); }, 2500);

        int fired = 0;
        for (const SimFaults::Rule &r : rig.sim().server().faults()->rules())
            fired += r.fired;
        QVERIFY2(fired > 0, qPrintable(QStringLiteral("the fault never fired: %1").arg(spec)));
        rig.sim().server().clearFaults();

        // The engine reconciles (its own triggers, then once more on request) and settles.
        QVERIFY2(rig.waitSettled(20'000), qPrintable(rig.unsettled()));
        QVERIFY(rig.reconcile());
        QVERIFY2(rig.waitSettled(20'000), qPrintable(rig.unsettled()));

        QVERIFY2(!rig.simOrdersToday().isEmpty(), "no order reached the broker");
        const QStringList mapping = rig.orderMappingProblems();
        QVERIFY2(mapping.isEmpty(), qPrintable(mapping.join(QLatin1Char('\n'))));
        Ledger::CompareOptions compare;
        compare.compareMoney = true;
        compare.initialCash = options.fixture.sim.initialCash;
        const QStringList discrepancies = rig.compareWithBroker(codes, compare);
        QVERIFY2(discrepancies.isEmpty(), qPrintable(discrepancies.join(QLatin1Char('\n'))));
        auto app = rig.appOrdersToday();
        QVERIFY(app.ok());
        int unknownOnce = 0;
        for (const OrderRecord &o : app.value())
            unknownOnce += o.state == OrderState::Unknown ? 1 : 0;
        QCOMPARE(unknownOnce, 0);
        qInfo().noquote() << QStringLiteral("%1: fired %2, %3 broker orders, %4 orders rows, %5 ms")
                                 .arg(spec)
                                 .arg(fired)
                                 .arg(rig.simOrdersToday().size())
                                 .arg(app->size())
                                 .arg(wall.elapsed());
    }

    void rateLimitRefusalIsRetriedLater()
    {
        EngineDayRig rig;
        QVERIFY2(rig.start(faultOptions()), qPrintable(rig.error()));
        const QString code = pickCodes(rig.sim(), 1).value(0);
        QVERIFY(!code.isEmpty());
        QVERIFY(rig.sim().server().addFaults(QStringLiteral("ratelimit,api=kt10000,count=1")).ok());
        const qint64 signal = buySignal(rig, code, 10);
        QVERIFY(signal > 0);
        // Refused with 429/1700 before it reached the exchange: PENDING again, due in 1 s of market time.
        QVERIFY2(EngineDayRig::waitUntil([&] { return decisionsOf(rig, signal).contains(Decision::Retry); }, 5000),
            qPrintable(decisionsText(decisionsOf(rig, signal))));
        QVERIFY2(rig.waitSettled(5000, true), qPrintable(rig.unsettled(true)));
        QCOMPARE(simOrdersFor(rig, code), 0);
        auto pending = SignalRepository(rig.db()).findPendingBuy(signal);
        QVERIFY(pending.ok() && pending->has_value());
        QCOMPARE(pending->value().status, SignalStatus::Pending);

        // The market clock passes the retry time; the executor's sweep places it.
        rig.advance(2'000, 1'000);
        rig.engine().buyExecutor().runOnce();
        QVERIFY2(rig.waitSettled(10'000), qPrintable(rig.unsettled()));
        QCOMPARE(simOrdersFor(rig, code), 1);
        const QList<Decision> decisions = decisionsOf(rig, signal);
        const qsizetype retry = decisions.indexOf(Decision::Retry);
        const qsizetype ordered = decisions.lastIndexOf(Decision::Ordered);
        QVERIFY2(retry >= 0 && ordered > retry, qPrintable(decisionsText(decisions)));
        auto rows = OrderRepository(rig.db()).listForSignal(Origin::Manual, signal);
        QVERIFY(rows.ok());
        QCOMPARE(rows->size(), 2); // the refused attempt and the placed one
        QVERIFY(rig.orderMappingProblems().isEmpty());
        Ledger::CompareOptions compare;
        compare.compareMoney = true;
        compare.initialCash = rig.sim().options().sim.initialCash;
        const QStringList discrepancies = rig.compareWithBroker({ code }, compare);
        QVERIFY2(discrepancies.isEmpty(), qPrintable(discrepancies.join(QLatin1Char('\n'))));
    }

    void definiteRejectionIsNotRetried()
    {
        EngineDayRig rig;
        QVERIFY2(rig.start(faultOptions()), qPrintable(rig.error()));
        const QStringList codes = pickCodes(rig.sim(), 2);
        QCOMPARE(codes.size(), 2);
        const QString code = codes.at(0);
        // Someone else (the HTS) ties up almost all the cash with a resting buy the app has not
        // heard of yet: the app's estimate passes the risk guard, the broker says 주문가능금액 부족.
        SimExchange &exchange = *rig.sim().server().exchange();
        const int other = rig.sim().indexOf(codes.at(1));
        const SimQuote oq = rig.sim().quote(codes.at(1));
        const qint64 restPrice = std::max(oq.limits.lower, Krx::snapDown(oq.price * 97 / 100));
        const qint64 ourAmount = rig.sim().quote(code).price * 12;
        const qint64 qty = (exchange.account().orderable() - ourAmount / 4) * 1000 / 1001 / restPrice;
        auto foreign = exchange.submit(SimSide::Buy, other, qty, restPrice, 0);
        QVERIFY2(foreign.ok(), foreign.ok() ? "" : qPrintable(foreign.error().message));

        const qint64 signal = buySignal(rig, code, 10);
        QVERIFY(signal > 0);
        QVERIFY2(EngineDayRig::waitUntil(
                     [&] {
                         auto s = SignalRepository(rig.db()).findPendingBuy(signal);
                         return s && *s && s->value().status == SignalStatus::Failed;
                     },
                     5000),
            qPrintable(decisionsText(decisionsOf(rig, signal))));
        QCOMPARE(rig.simRejections().size(), 1);
        // Time passes, the executor sweeps: nothing is sent again.
        rig.advance(5'000, 1'000);
        rig.engine().buyExecutor().runOnce();
        EngineDayRig::waitUntil([] { return false; }, 300);
        QCOMPARE(rig.simRejections().size(), 1);
        QCOMPARE(simOrdersFor(rig, code), 0);
        const QList<Decision> decisions = decisionsOf(rig, signal);
        // The signal ended FAILED with the broker's refusal as its last word (REJECTED), no RETRY.
        QVERIFY2(!decisions.isEmpty() && decisions.last() == Decision::Rejected && !decisions.contains(Decision::Retry)
                && decisions.count(Decision::Ordered) == 1,
            qPrintable(decisionsText(decisions)));
        auto failed = SignalRepository(rig.db()).findPendingBuy(signal);
        QVERIFY(failed.ok() && failed->has_value());
        QCOMPARE(failed->value().status, SignalStatus::Failed);
        auto rows = OrderRepository(rig.db()).listForSignal(Origin::Manual, signal);
        QVERIFY(rows.ok());
        QCOMPARE(rows->size(), 1);
        QCOMPARE(rows->first().state, OrderState::Rejected);

        // The other party cancels; the app settles and agrees with the broker.
        auto cancel = exchange.cancel(foreign->ordNo, other, 0);
        QVERIFY(cancel.ok());
        QVERIFY(rig.reconcile());
        QVERIFY2(rig.waitSettled(15'000), qPrintable(rig.unsettled()));
        const QStringList mapping = rig.orderMappingProblems({ foreign->ordNo, cancel->ordNo });
        QVERIFY2(mapping.isEmpty(), qPrintable(mapping.join(QLatin1Char('\n'))));
        Ledger::CompareOptions compare;
        compare.compareMoney = true;
        compare.initialCash = rig.sim().options().sim.initialCash;
        const QStringList discrepancies = rig.compareWithBroker(codes, compare);
        QVERIFY2(discrepancies.isEmpty(), qPrintable(discrepancies.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestEngineFaults)
#include "tst_engine_faults.moc"
