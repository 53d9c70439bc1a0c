// SPDX-License-Identifier: GPL-3.0-or-later
// Reconciler against a fake broker and a real SQLite file (temp dir), with the real OrderManager,
// PositionKeeper and RiskGuard: fail closed until the first run succeeds (no order passes the
// risk guard), retry after a failing TR, adopt an external holding (protected only if opted in),
// close a position the broker no longer holds, set a different quantity to the broker's, settle an
// UNKNOWN order from ka10075 / ka10076 without ever re-sending it, and coalesce requests.

#include "fakebrokerapi.h"
#include "storagefixture.h"

#include "common/clock.h"
#include "market/krx.h"
#include "storage/database.h"
#include "storage/orderrepository.h"
#include "storage/positionrepository.h"
#include "trading/accountstate.h"
#include "trading/orderevents.h"
#include "trading/ordermanager.h"
#include "trading/positionkeeper.h"
#include "trading/reconciler.h"
#include "trading/riskguard.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace Storage;
using namespace StorageTest;

namespace {

const QString SAMSUNG = QStringLiteral("005930");
const QString HYNIX = QStringLiteral("000660");
const QString NAVER = QStringLiteral("035420");

Kiwoom::Holding holding(const QString &code, qint64 quantity, qint64 price, qint64 fee = 0)
{
    Kiwoom::Holding h;
    h.code = code;
    h.name = QStringLiteral("종목 %1").arg(code);
    h.quantity = quantity;
    h.sellableQty = quantity;
    h.purchasePrice = price;
    h.purchaseAmount = price * quantity;
    h.purchaseFee = fee;
    h.price = price;
    return h;
}

Trading::OrderIntent buyIntent(const QString &code, qint64 quantity, qint64 price)
{
    Trading::OrderIntent i;
    i.side = Side::Buy;
    i.code = code;
    i.name = QStringLiteral("종목 %1").arg(code);
    i.quantity = quantity;
    i.price = price;
    i.type = Trading::OrderType::Limit;
    i.origin = Origin::Manual;
    i.actor = QStringLiteral("ui");
    return i;
}

KiwoomError lost()
{
    return KiwoomError::make(KiwoomError::Kind::OutcomeUnknown, QStringLiteral("kt10000"), QStringLiteral("timeout"));
}

} // namespace

class TestReconciler final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<FakeBrokerApi> m_broker;
    std::unique_ptr<OrderEvents> m_events;
    std::unique_ptr<PositionKeeper> m_keeper;
    std::unique_ptr<OrderManager> m_orders;
    std::unique_ptr<AccountState> m_account;
    std::unique_ptr<Reconciler> m_reconciler;
    RiskGuard m_risk;

    // The risk guard as the engine wires it, with permissive limits: what is left to refuse is
    // "not reconciled" and "unknown order on this stock".
    Trading::RiskVerdict checkRisk(const Trading::OrderIntent &intent) const
    {
        Trading::RiskContext c;
        c.nowMs = m_clock->nowMs();
        c.reconciled = m_reconciler->isReconciled();
        c.stockBlocked = m_orders->isStockBlocked(intent.code);
        Trading::InstrumentInfo info;
        info.code = intent.code;
        info.tradingDate = Krx::tradingDateString(c.nowMs);
        info.basePrice = 70000;
        info.upperLimit = 91000;
        info.lowerLimit = 49000;
        info.price = 70000;
        c.instrument = info;
        c.orderableCash = 100'000'000;
        return m_risk.check(intent, c, Trading::RiskLimits {});
    }

    // Runs one reconciliation to its end (finished or failed).
    bool reconcile(const QString &reason = QStringLiteral("test"))
    {
        QSignalSpy finished(m_reconciler.get(), &Reconciler::finished);
        QSignalSpy failed(m_reconciler.get(), &Reconciler::failed);
        m_reconciler->request(reason);
        if (!QTest::qWaitFor([&] { return finished.count() + failed.count() > 0; }, 5000))
            return false;
        return finished.count() > 0;
    }

    PositionRecord openLocal(const QString &code, qint64 quantity, qint64 price)
    {
        PositionRecord p;
        p.stockCode = code;
        p.stockName = QStringLiteral("종목 %1").arg(code);
        p.buyPrice = price;
        p.buyQuantity = quantity;
        p.buyAmount = price * quantity;
        p.buyFees = price * quantity * 15 / 100000;
        p.origin = Origin::Condition;
        auto opened = PositionRepository(*m_db).open(p, QStringLiteral("test"));
        if (!opened)
            qFatal("open: %s", qPrintable(opened.error().message));
        return opened.value();
    }

    std::optional<PositionRecord> live(const QString &code)
    {
        auto r = PositionRepository(*m_db).findActiveByCode(code);
        Q_ASSERT(r);
        return *r;
    }

    PositionRecord position(qint64 id)
    {
        auto r = PositionRepository(*m_db).find(id);
        Q_ASSERT(r && *r);
        return r->value();
    }

    OrderRecord order(qint64 id)
    {
        auto r = OrderRepository(*m_db).find(id);
        Q_ASSERT(r && *r);
        return r->value();
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_clock = std::make_unique<ManualClock>(T0);
        auto db = Database::openFile(m_dir->filePath(QStringLiteral("reconcile.db")), *m_clock);
        QVERIFY2(db.ok(), db ? "" : qPrintable(db.error().message));
        m_db = std::move(db).value();
        m_broker = std::make_unique<FakeBrokerApi>();
        m_events = std::make_unique<OrderEvents>();
        m_keeper = std::make_unique<PositionKeeper>(*m_db, *m_clock);
        m_orders = std::make_unique<OrderManager>(*m_db, *m_broker, *m_events, *m_keeper, *m_clock);
        m_account = std::make_unique<AccountState>(*m_db, *m_orders, *m_clock);
        m_reconciler = std::make_unique<Reconciler>(*m_db, *m_broker, *m_orders, *m_keeper, *m_account);
        m_orders->setRiskCheck([this](const Trading::OrderIntent &i) { return checkRisk(i); });
        QVERIFY(m_orders->start());
        m_broker->depositValue.d2Deposit = 50'000'000;
        m_broker->depositValue.orderable = 50'000'000;
    }
    void cleanup()
    {
        m_reconciler.reset();
        m_account.reset();
        m_orders.reset();
        m_keeper.reset();
        m_events.reset();
        m_broker.reset();
        m_db.reset();
        m_dir.reset();
    }

    // Fail closed: before the first successful run every order is refused by the risk guard and
    // nothing reaches the broker; after it, the same order goes out.
    void noOrderUntilReconciled()
    {
        QVERIFY(!m_reconciler->isReconciled());
        auto refused = m_orders->submit(buyIntent(SAMSUNG, 10, 70000));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, QStringLiteral("risk.not_reconciled"));
        QCOMPARE(m_broker->places.size(), 0);

        QSignalSpy finished(m_reconciler.get(), &Reconciler::finished);
        QVERIFY(reconcile(QStringLiteral("start-up")));
        QVERIFY(m_reconciler->isReconciled());
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(1).toBool(), true); // the first
        QCOMPARE(m_broker->queries, 4); // ka10075, ka10076, kt00018, kt00001

        auto placed = m_orders->submit(buyIntent(SAMSUNG, 10, 70000));
        QVERIFY2(placed.ok(), placed ? "" : qPrintable(placed.error().message));
        QCOMPARE(m_broker->places.size(), 1);

        QVERIFY(reconcile());
        QCOMPARE(finished.count(), 2);
        QCOMPARE(finished.at(1).at(1).toBool(), false); // not the first any more
    }

    // A failing TR: still not reconciled, the error visible, retried (2 s backoff) until it works.
    void failingTrIsRetriedUntilItSucceeds()
    {
        m_broker->queryError
            = KiwoomError::make(KiwoomError::Kind::Http, QStringLiteral("ka10075"), QStringLiteral("HTTP 503"));
        QSignalSpy failed(m_reconciler.get(), &Reconciler::failed);
        QSignalSpy finished(m_reconciler.get(), &Reconciler::finished);
        m_reconciler->request(QStringLiteral("start-up"));
        QTRY_COMPARE(failed.count(), 1);
        QVERIFY(!m_reconciler->isReconciled());
        QVERIFY2(m_reconciler->lastError().contains(QStringLiteral("ka10075")), qPrintable(m_reconciler->lastError()));
        auto refused = m_orders->submit(buyIntent(SAMSUNG, 1, 70000));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, QStringLiteral("risk.not_reconciled"));
        // A request while the retry is scheduled does not start a run of its own.
        const int queries = m_broker->queries;
        m_reconciler->request(QStringLiteral("again"));
        QCOMPARE(m_broker->queries, queries);
        // The broker recovers; the scheduled retry succeeds.
        m_broker->queryError.reset();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);
        QVERIFY(m_reconciler->isReconciled());
        QVERIFY(m_reconciler->lastError().isEmpty());
        QCOMPARE(failed.count(), 1);
    }

    // A holding bought outside the app (HTS/MTS) is adopted as External: shown, not protected.
    void externalHoldingIsAdoptedUnprotected()
    {
        m_keeper->setProtectionPolicy([](Origin, qint64 buyPrice, qint64) {
            Protection p;
            p.stopLossRate = 3.0;
            p.stopLossPrice = buyPrice * 97 / 100;
            return p;
        });
        m_broker->holdingList.holdings = { holding(HYNIX, 5, 200000, 150) };
        QVERIFY(reconcile());
        const auto p = live(HYNIX);
        QVERIFY(p.has_value());
        QCOMPARE(p->origin, Origin::External);
        QCOMPARE(p->quantity, 5);
        QCOMPARE(p->buyPrice, 200000);
        QCOMPARE(p->buyAmount, 1000000);
        QCOMPARE(p->buyFees, 150);
        QVERIFY(!p->stopLossPrice.has_value());
        QVERIFY(!p->stopLossRate.has_value());
        QCOMPARE(m_reconciler->lastReport().adopted, 1);
        QCOMPARE(m_reconciler->lastReport().holdings, 1);
        QVERIFY(!m_reconciler->lastReport().notes.isEmpty());
        // The next run changes nothing.
        QVERIFY(reconcile());
        QCOMPARE(m_reconciler->lastReport().adopted, 0);
        QCOMPARE(PositionRepository(*m_db).listActive()->size(), 1);
    }

    void externalHoldingIsProtectedWhenOptedIn()
    {
        m_keeper->setProtectionPolicy([](Origin, qint64 buyPrice, qint64) {
            Protection p;
            p.stopLossRate = 3.0;
            p.stopLossPrice = buyPrice * 97 / 100;
            p.takeProfitRate = 5.0;
            p.takeProfitPrice = buyPrice * 105 / 100;
            return p;
        });
        m_reconciler->setAdoptExternalProtected(true);
        m_broker->holdingList.holdings = { holding(HYNIX, 5, 200000, 150) };
        QVERIFY(reconcile());
        const auto p = live(HYNIX);
        QVERIFY(p.has_value());
        QCOMPARE(p->origin, Origin::External);
        QCOMPARE(p->stopLossPrice, std::optional<qint64>(194000));
        QCOMPARE(p->takeProfitPrice, std::optional<qint64>(210000));
    }

    // Local positions the broker no longer holds are closed; a different quantity is set to the
    // broker's; a matching one is left alone.
    void positionsFollowTheHoldings()
    {
        const PositionRecord gone = openLocal(SAMSUNG, 10, 70000);
        const PositionRecord fewer = openLocal(HYNIX, 10, 200000);
        const PositionRecord same = openLocal(NAVER, 3, 180000);
        m_broker->holdingList.holdings = { holding(HYNIX, 7, 200000), holding(NAVER, 3, 180000) };
        QVERIFY(reconcile());
        const Reconciler::Report r = m_reconciler->lastReport();
        QCOMPARE(r.closed, 1);
        QCOMPARE(r.adjusted, 1);
        QCOMPARE(r.adopted, 0);
        QCOMPARE(position(gone.id).status, PositionStatus::Closed);
        QCOMPARE(position(gone.id).quantity, 0);
        QCOMPARE(position(fewer.id).status, PositionStatus::Open);
        QCOMPARE(position(fewer.id).quantity, 7);
        QCOMPARE(position(fewer.id).buyPrice, 200000); // the average price is kept
        QCOMPARE(position(same.id), same);
        QCOMPARE(r.notes.size(), 2);
    }

    // A stock with an order of ours still working is left for the next run.
    void stockWithAWorkingOrderIsLeftAlone()
    {
        QVERIFY(reconcile());
        const PositionRecord p = openLocal(SAMSUNG, 10, 70000);
        auto o = m_orders->submit(buyIntent(SAMSUNG, 5, 70000));
        QVERIFY(o);
        m_broker->replyPlace(0, Kiwoom::OrderAck { QStringLiteral("0000101"), QStringLiteral("KRX"), {} });
        m_clock->advanceMs(5000);
        Kiwoom::OpenOrder open;
        open.orderNo = QStringLiteral("0000101");
        open.code = SAMSUNG;
        open.side = Side::Buy;
        open.orderQty = 5;
        open.orderPrice = 70000;
        open.unfilledQty = 5;
        open.tradeTypeText = QStringLiteral("보통");
        open.timeMs = T0;
        m_broker->openList.orders = { open };
        m_broker->holdingList.holdings = {}; // mid-change at the broker
        QVERIFY(reconcile());
        QCOMPARE(position(p.id).status, PositionStatus::Open);
        QCOMPARE(position(p.id).quantity, 10);
        QCOMPARE(m_reconciler->lastReport().closed, 0);
    }

    // A lost order reply: UNKNOWN, the stock blocked. The broker's open orders (ka10075) list it:
    // it gets its number and is ACCEPTED — and is never sent a second time.
    void unknownOrderSettledFromOpenOrders()
    {
        QVERIFY(reconcile());
        auto o = m_orders->submit(buyIntent(SAMSUNG, 10, 70000));
        QVERIFY(o);
        m_broker->replyPlace(0, lost());
        QCOMPARE(order(o->id).state, OrderState::Unknown);
        QVERIFY(m_orders->isStockBlocked(SAMSUNG));
        auto blocked = m_orders->submit(buyIntent(SAMSUNG, 10, 70000));
        QVERIFY(!blocked);
        QCOMPARE(blocked.error().code, QStringLiteral("risk.unknown_order"));

        m_clock->advanceMs(5000);
        Kiwoom::OpenOrder open;
        open.orderNo = QStringLiteral("0000777");
        open.code = SAMSUNG;
        open.side = Side::Buy;
        open.orderQty = 10;
        open.orderPrice = 70000;
        open.unfilledQty = 10;
        open.tradeTypeText = QStringLiteral("보통");
        open.timeMs = T0;
        m_broker->openList.orders = { open };
        QVERIFY(reconcile(QStringLiteral("lost reply")));
        QCOMPARE(order(o->id).state, OrderState::Accepted);
        QCOMPARE(order(o->id).brokerOrderNo, QStringLiteral("0000777"));
        QVERIFY(!m_orders->isStockBlocked(SAMSUNG));
        QVERIFY(m_reconciler->lastReport().orders.settled >= 1);
        QCOMPARE(m_broker->places.size(), 1); // never re-sent
    }

    // The lost order had filled: the broker's fills (ka10076) settle it FILLED, and the fill makes
    // the position (the holdings then agree). Never re-sent.
    void unknownOrderSettledFromFills()
    {
        QVERIFY(reconcile());
        auto o = m_orders->submit(buyIntent(SAMSUNG, 10, 70000));
        QVERIFY(o);
        m_broker->replyPlace(0, lost());
        QCOMPARE(order(o->id).state, OrderState::Unknown);
        m_clock->advanceMs(5000);
        Kiwoom::Fill f;
        f.orderNo = QStringLiteral("0000778");
        f.code = SAMSUNG;
        f.side = Side::Buy;
        f.orderQty = 10;
        f.orderPrice = 70000;
        f.fillQty = 10;
        f.fillPrice = 70000;
        f.unfilledQty = 0;
        f.todayFee = 105;
        f.tradeTypeText = QStringLiteral("보통");
        f.timeMs = T0;
        m_broker->fillList.fills = { f };
        m_broker->holdingList.holdings = { holding(SAMSUNG, 10, 70000, 105) };
        QVERIFY(reconcile(QStringLiteral("lost reply")));
        const OrderRecord settled = order(o->id);
        QCOMPARE(settled.state, OrderState::Filled);
        QCOMPARE(settled.brokerOrderNo, QStringLiteral("0000778"));
        QCOMPARE(settled.filledQuantity, 10);
        QCOMPARE(m_reconciler->lastReport().orders.recoveredFills, 1);
        QCOMPARE(m_reconciler->lastReport().adopted, 0); // the fill made the position, not the holding
        const auto p = live(SAMSUNG);
        QVERIFY(p.has_value());
        QCOMPARE(p->quantity, 10);
        QCOMPARE(p->origin, Origin::Manual);
        QCOMPARE(p->buyFees, 105);
        QCOMPARE(m_broker->places.size(), 1);
    }

    // The broker has no trace of the lost order: it never arrived (REJECTED), the stock is free.
    void unknownOrderTheBrokerNeverSawIsRejected()
    {
        QVERIFY(reconcile());
        auto o = m_orders->submit(buyIntent(SAMSUNG, 10, 70000));
        QVERIFY(o);
        m_broker->replyPlace(0, lost());
        m_clock->advanceMs(5000);
        QVERIFY(reconcile(QStringLiteral("lost reply")));
        QCOMPARE(order(o->id).state, OrderState::Rejected);
        QVERIFY(!m_orders->isStockBlocked(SAMSUNG));
        QCOMPARE(m_broker->places.size(), 1);
    }

    // The deposit (kt00001) refreshes the orderable cash.
    void depositRefreshesTheOrderableCash()
    {
        m_broker->depositValue.orderable = 12'345'000;
        m_broker->depositValue.d2Deposit = 12'345'000;
        QVERIFY(reconcile());
        QVERIFY(m_reconciler->lastReport().orderableCash > 0);
        QCOMPARE(m_reconciler->lastReport().orderableCash, m_account->orderableCash());
    }

    // Requests while a run is going are coalesced into exactly one more run.
    void requestsDuringARunAreCoalesced()
    {
        QSignalSpy started(m_reconciler.get(), &Reconciler::started);
        QSignalSpy finished(m_reconciler.get(), &Reconciler::finished);
        m_reconciler->request(QStringLiteral("one"));
        QVERIFY(m_reconciler->isRunning());
        m_reconciler->request(QStringLiteral("two"));
        m_reconciler->request(QStringLiteral("three"));
        QTRY_COMPARE(finished.count(), 2);
        QTest::qWait(50);
        QCOMPARE(started.count(), 2);
        QCOMPARE(finished.count(), 2);
    }

    // stop(): a run in flight is dropped and nothing new starts; still not reconciled.
    void stopEndsEverything()
    {
        m_reconciler->request(QStringLiteral("start-up"));
        m_reconciler->stop();
        QSignalSpy finished(m_reconciler.get(), &Reconciler::finished);
        m_reconciler->request(QStringLiteral("after stop"));
        QTest::qWait(50);
        QCOMPARE(finished.count(), 0);
        QVERIFY(!m_reconciler->isReconciled());
    }
};

QTEST_GUILESS_MAIN(TestReconciler)
#include "tst_reconciler.moc"
