// SPDX-License-Identifier: GPL-3.0-or-later
// StopLossManager over a real SQLite file (temp dir), a fake order submitter and a fake market:
// thresholds from the rates (to the won), event-driven exits on ticks, the sweep for stocks
// without ticks, the trailing stop, whole-quantity exits, never two sells at once, the trading
// gate, and re-arming on start-up (including an exit a crash left half done).

#include "fakemarketapi.h"
#include "fakeordersubmitter.h"
#include "storagefixture.h"

#include "common/clock.h"
#include "storage/database.h"
#include "storage/orderrepository.h"
#include "storage/positionrepository.h"
#include "trading/positionkeeper.h"
#include "trading/stoplossmanager.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace Storage;
using namespace StorageTest;

namespace {

const QString SAMSUNG = QStringLiteral("005930");
const QString HYNIX = QStringLiteral("000660");
const QString NAVER = QStringLiteral("035420");

Quote tick(const QString &code, qint64 price, qint64 timeMs = T0)
{
    Quote q;
    q.code = code;
    q.price = price;
    q.timeMs = timeMs;
    return q;
}

Kiwoom::WatchQuote watchQuote(const QString &code, qint64 price)
{
    Kiwoom::WatchQuote q;
    q.code = code;
    q.price = price;
    return q;
}

} // namespace

class TestStopLossManager final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<FakeOrderSubmitter> m_orders;
    std::unique_ptr<PositionKeeper> m_keeper;
    std::unique_ptr<FakeMarketApi> m_market;
    std::unique_ptr<StopLossManager> m_stops;
    bool m_gateOpen = true;

    void makeManager()
    {
        m_stops = std::make_unique<StopLossManager>(*m_db, *m_orders, *m_keeper, *m_market, *m_clock);
        m_stops->setTradingGate([this] { return m_gateOpen; });
    }

    // A live position as the PositionKeeper opens it from a buy fill.
    PositionRecord open(const QString &code, qint64 quantity, qint64 buyPrice, const Protection &protection = {})
    {
        PositionRecord p;
        p.stockCode = code;
        p.stockName = QStringLiteral("종목 %1").arg(code);
        p.buyPrice = buyPrice;
        p.buyQuantity = quantity;
        p.buyAmount = buyPrice * quantity;
        p.buyFees = buyPrice * quantity * 15 / 100000;
        p.origin = Origin::Condition;
        p.buyTimeMs = T0 - 60000;
        p.highestPrice = buyPrice;
        p.stopLossRate = protection.stopLossRate;
        p.takeProfitRate = protection.takeProfitRate;
        p.stopLossPrice = protection.stopLossPrice;
        p.takeProfitPrice = protection.takeProfitPrice;
        p.trailingStopRate = protection.trailingStopRate;
        p.exitDeadlineMs = protection.exitDeadlineMs;
        auto opened = PositionRepository(*m_db).open(p, QStringLiteral("test"));
        if (!opened)
            qFatal("open failed: %s", qPrintable(opened.error().message));
        return opened.value();
    }

    static Protection stopAndTake(qint64 stop, qint64 take)
    {
        Protection p;
        p.stopLossPrice = stop;
        p.takeProfitPrice = take;
        return p;
    }

    PositionRecord position(qint64 id)
    {
        auto r = PositionRepository(*m_db).find(id);
        Q_ASSERT(r && *r);
        return r->value();
    }

    QList<SellOrderRecord> sells(qint64 positionId)
    {
        auto r = PositionRepository(*m_db).sellOrders(positionId);
        Q_ASSERT(r);
        return r.value();
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_clock = std::make_unique<ManualClock>(T0);
        auto db = Database::openFile(m_dir->filePath(QStringLiteral("stops.db")), *m_clock);
        QVERIFY2(db.ok(), db ? "" : qPrintable(db.error().message));
        m_db = std::move(db).value();
        m_orders = std::make_unique<FakeOrderSubmitter>(*m_db);
        m_keeper = std::make_unique<PositionKeeper>(*m_db, *m_clock);
        m_market = std::make_unique<FakeMarketApi>();
        m_gateOpen = true;
        // As the OrderManager does in the transaction that writes the order: the exit's
        // sell_orders row is linked to it (PENDING → ORDERED).
        m_orders->whileSubmitting = [this](const OrderRecord &order) {
            if (Status st = m_keeper->onOrderCreated(order, m_orders->intents.last()); !st)
                qWarning("onOrderCreated: %s", qPrintable(st.error().message));
        };
        makeManager();
    }
    void cleanup()
    {
        m_stops.reset();
        m_market.reset();
        m_keeper.reset();
        m_orders.reset();
        m_db.reset();
        m_dir.reset();
    }

    // Thresholds from rates, to the won, in integers: a double product is a won off for some
    // rates (7 % below 70,000 = 65,099.99…; 10 % above 100,000 = 110,000.00…1).
    void thresholdsFromRatesAreExact_data()
    {
        QTest::addColumn<qint64>("price");
        QTest::addColumn<double>("rate");
        QTest::addColumn<qint64>("below");
        QTest::addColumn<qint64>("above");
        QTest::newRow("3% of 10,000") << qint64(10000) << 3.0 << qint64(9700) << qint64(10300);
        QTest::newRow("7% of 70,000") << qint64(70000) << 7.0 << qint64(65100) << qint64(74900);
        QTest::newRow("7% of 1,000") << qint64(1000) << 7.0 << qint64(930) << qint64(1070);
        QTest::newRow("10% of 100,000") << qint64(100000) << 10.0 << qint64(90000) << qint64(110000);
        QTest::newRow("9% of 50,000") << qint64(50000) << 9.0 << qint64(45500) << qint64(54500);
        QTest::newRow("2.5% of 12,345 (rounded down / up)")
            << qint64(12345) << 2.5 << qint64(12036) << qint64(12654); // 12,036.375 / 12,653.625
        QTest::newRow("0.1% of 58,700") << qint64(58700) << 0.1 << qint64(58641) << qint64(58759); // .3 / .7
    }
    void thresholdsFromRatesAreExact()
    {
        QFETCH(qint64, price);
        QFETCH(double, rate);
        QFETCH(qint64, below);
        QFETCH(qint64, above);
        QCOMPARE(StopLossManager::priceBelow(price, rate), below);
        QCOMPARE(StopLossManager::priceAbove(price, rate), above);
    }

    // A position stored with rates only (no prices) is still protected: the thresholds follow
    // from its buy price.
    void ratesWithoutPricesArmTheThresholds()
    {
        Protection rates;
        rates.stopLossRate = 7.0;
        rates.takeProfitRate = 10.0;
        const PositionRecord p = open(SAMSUNG, 10, 70000, rates);
        QCOMPARE(m_stops->load().value(), 1);
        const auto a = m_stops->armed(SAMSUNG);
        QVERIFY(a.has_value());
        QCOMPARE(a->stopPrice, std::optional<qint64>(65100));
        QCOMPARE(a->takePrice, std::optional<qint64>(77000));
        m_stops->onTick(tick(SAMSUNG, 65200));
        QCOMPARE(m_orders->intents.size(), 0);
        m_stops->onTick(tick(SAMSUNG, 65100)); // exactly the stop
        QCOMPARE(m_orders->intents.size(), 1);
        QCOMPARE(sells(p.id).at(0).sellReason, SellReason::StopLoss);
    }

    // Stored prices win over the rates (a strategy's own exit rules set them).
    void storedPricesWinOverRates()
    {
        Protection protection = stopAndTake(9500, 10800);
        protection.stopLossRate = 3.0;
        protection.takeProfitRate = 5.0;
        open(SAMSUNG, 10, 10000, protection);
        QVERIFY(m_stops->load());
        QCOMPARE(m_stops->armed(SAMSUNG)->stopPrice, std::optional<qint64>(9500));
        QCOMPARE(m_stops->armed(SAMSUNG)->takePrice, std::optional<qint64>(10800));
        m_stops->onTick(tick(SAMSUNG, 9700)); // below the rate's 9,700 but above the stored 9,500
        QCOMPARE(m_orders->intents.size(), 0);
    }

    // The tick crossing the stop sells at once: a market sell of the whole held quantity, the
    // sell_orders row with its reason and detail, the position SELLING.
    void tickCrossingTheStopSellsAtOnce()
    {
        const PositionRecord p = open(SAMSUNG, 37, 10000, stopAndTake(9700, 10500));
        QVERIFY(m_stops->load());
        QSignalSpy sent(m_stops.get(), &StopLossManager::exitSent);
        m_stops->onTick(tick(SAMSUNG, 9800));
        m_stops->onTick(tick(SAMSUNG, 9710));
        QCOMPARE(m_orders->intents.size(), 0);
        m_stops->onTick(tick(SAMSUNG, 9690)); // through the stop
        QCOMPARE(m_orders->intents.size(), 1);
        const Trading::OrderIntent i = m_orders->intents.at(0);
        QCOMPARE(i.side, Side::Sell);
        QCOMPARE(i.code, SAMSUNG);
        QCOMPARE(i.quantity, 37);
        QCOMPARE(i.type, Trading::OrderType::Market);
        QCOMPARE(i.price, 0);
        QCOMPARE(i.origin, Origin::StopLoss);
        QCOMPARE(i.positionId, std::optional<qint64>(p.id));
        QCOMPARE(i.actor, StopLossManager::actor());
        QVERIFY(i.sellOrderId.has_value());
        const QList<SellOrderRecord> s = sells(p.id);
        QCOMPARE(s.size(), 1);
        QCOMPARE(s.at(0).id, *i.sellOrderId);
        QCOMPARE(s.at(0).sellReason, SellReason::StopLoss);
        QCOMPARE(s.at(0).sellQuantity, 37);
        QCOMPARE(s.at(0).status, SellOrderStatus::Ordered);
        QCOMPARE(s.at(0).orderId, std::optional<qint64>(m_orders->placed.at(0).id));
        QVERIFY2(s.at(0).sellReasonDetail.contains(QStringLiteral("9690"))
                && s.at(0).sellReasonDetail.contains(QStringLiteral("9700")),
            qPrintable(s.at(0).sellReasonDetail));
        QCOMPARE(position(p.id).status, PositionStatus::Selling);
        QCOMPARE(sent.count(), 1);
        QCOMPARE(sent.at(0).at(1).value<SellReason>(), SellReason::StopLoss);
    }

    void tickAtTheTakeProfitSells()
    {
        const PositionRecord p = open(SAMSUNG, 10, 10000, stopAndTake(9700, 10500));
        QVERIFY(m_stops->load());
        m_stops->onTick(tick(SAMSUNG, 10490));
        QCOMPARE(m_orders->intents.size(), 0);
        m_stops->onTick(tick(SAMSUNG, 10500));
        QCOMPARE(m_orders->intents.size(), 1);
        QCOMPARE(m_orders->intents.at(0).origin, Origin::TakeProfit);
        QCOMPARE(sells(p.id).at(0).sellReason, SellReason::TakeProfit);
    }

    // Ticks of other stocks, and prices inside the band, send nothing.
    void ticksOfUnheldStocksAreIgnored()
    {
        open(SAMSUNG, 10, 10000, stopAndTake(9700, 10500));
        QVERIFY(m_stops->load());
        m_stops->onTick(tick(HYNIX, 1)); // not held
        m_stops->onTick(tick(SAMSUNG, 0)); // no price
        m_stops->onTick(tick(SAMSUNG, 10000));
        QCOMPARE(m_orders->intents.size(), 0);
    }

    // The trailing stop follows the highest price since the buy and sells on the drop.
    void trailingStopFollowsTheHighest()
    {
        Protection trailing;
        trailing.trailingStopRate = 5.0;
        const PositionRecord p = open(SAMSUNG, 20, 10000, trailing);
        QVERIFY(m_stops->load());
        m_stops->onTick(tick(SAMSUNG, 9600)); // 4 % below the buy price: 9,500 is the trail
        m_stops->onTick(tick(SAMSUNG, 10500));
        m_stops->onTick(tick(SAMSUNG, 11000));
        m_stops->onTick(tick(SAMSUNG, 10700));
        QCOMPARE(m_stops->armed(SAMSUNG)->highest, 11000);
        m_stops->onTick(tick(SAMSUNG, 10460)); // trail = 10,450
        QCOMPARE(m_orders->intents.size(), 0);
        m_stops->onTick(tick(SAMSUNG, 10450));
        QCOMPARE(m_orders->intents.size(), 1);
        QCOMPARE(m_orders->intents.at(0).origin, Origin::TrailingStop);
        QCOMPARE(m_orders->intents.at(0).quantity, 20);
        const SellOrderRecord s = sells(p.id).at(0);
        QCOMPARE(s.sellReason, SellReason::TrailingStop);
        QVERIFY2(s.sellReasonDetail.contains(QStringLiteral("11000")), qPrintable(s.sellReasonDetail));
    }

    // The highest price survives a restart through the marks the sweep writes.
    void highestIsPersistedByTheSweep()
    {
        Protection trailing;
        trailing.trailingStopRate = 5.0;
        const PositionRecord p = open(SAMSUNG, 20, 10000, trailing);
        QVERIFY(m_stops->load());
        m_stops->onTick(tick(SAMSUNG, 11000));
        m_stops->onTick(tick(SAMSUNG, 10800));
        m_stops->runOnce(); // fresh tick: checked from memory, marks written
        QCOMPARE(position(p.id).highestPrice, std::optional<qint64>(11000));
        QCOMPARE(position(p.id).currentPrice, std::optional<qint64>(10800));
        makeManager(); // a restart
        QVERIFY(m_stops->load());
        QCOMPARE(m_stops->armed(SAMSUNG)->highest, 11000);
        m_stops->onTick(tick(SAMSUNG, 10450));
        QCOMPARE(m_orders->intents.size(), 1);
        QCOMPARE(m_orders->intents.at(0).origin, Origin::TrailingStop);
    }

    // Stocks without a recent tick are priced by REST in the sweep (ka10095); ticking stocks are not.
    void sweepPricesStocksWithoutTicks()
    {
        const PositionRecord quiet = open(SAMSUNG, 10, 10000, stopAndTake(9700, 10500));
        const PositionRecord ticking = open(HYNIX, 5, 200000, stopAndTake(190000, 220000));
        QVERIFY(m_stops->load());
        m_stops->onTick(tick(HYNIX, 201000));
        m_market->setWatchQuote(watchQuote(SAMSUNG, 9650));
        QSignalSpy finished(m_stops.get(), &StopLossManager::sweepFinished);
        m_stops->runOnce();
        QVERIFY(m_stops->isBusy());
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(m_market->calls(QStringLiteral("watchQuotes")), 1);
        QCOMPARE(m_market->requests(QStringLiteral("watchQuotes")).at(0).key, SAMSUNG);
        QCOMPARE(finished.at(0).at(0).toInt(), 2); // checked
        QCOMPARE(finished.at(0).at(1).toInt(), 1); // exits
        QCOMPARE(m_orders->intents.size(), 1);
        QCOMPARE(m_orders->intents.at(0).code, SAMSUNG);
        QCOMPARE(position(quiet.id).status, PositionStatus::Selling);
        QCOMPARE(position(ticking.id).status, PositionStatus::Open);
        QVERIFY(m_stops->lastRun().has_value() && m_stops->lastRun()->ok);
    }

    // A tick older than staleTickMs counts as no tick: the sweep asks REST again.
    void staleTickIsPricedAgain()
    {
        open(SAMSUNG, 10, 10000, stopAndTake(9700, 10500));
        QVERIFY(m_stops->load());
        m_stops->onTick(tick(SAMSUNG, 10000, T0));
        m_clock->advanceMs(46000);
        m_market->setWatchQuote(watchQuote(SAMSUNG, 10600));
        QSignalSpy finished(m_stops.get(), &StopLossManager::sweepFinished);
        m_stops->runOnce();
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(m_market->calls(QStringLiteral("watchQuotes")), 1);
        QCOMPARE(m_orders->intents.size(), 1);
        QCOMPARE(m_orders->intents.at(0).origin, Origin::TakeProfit);
    }

    // A failing price request is logged; the sweep finishes (not ok) and the next one runs.
    void failingSweepRequestIsNotFatal()
    {
        open(SAMSUNG, 10, 10000, stopAndTake(9700, 10500));
        QVERIFY(m_stops->load());
        m_market->failNext(QStringLiteral("watchQuotes"),
            KiwoomError::make(KiwoomError::Kind::Http, QStringLiteral("ka10095"), QStringLiteral("500")));
        QSignalSpy finished(m_stops.get(), &StopLossManager::sweepFinished);
        m_stops->runOnce();
        QTRY_COMPARE(finished.count(), 1);
        QVERIFY(!m_stops->lastRun()->ok);
        m_market->setWatchQuote(watchQuote(SAMSUNG, 9600));
        m_stops->runOnce();
        QTRY_COMPARE(finished.count(), 2);
        QCOMPARE(m_orders->intents.size(), 1);
    }

    // Duplicate ticks, a burst of ticks, and the sweep after the tick: one sell while it works.
    void neverTwiceWhileASellWorks()
    {
        const PositionRecord p = open(SAMSUNG, 10, 10000, stopAndTake(9700, 10500));
        QVERIFY(m_stops->load());
        m_stops->onTick(tick(SAMSUNG, 9600));
        m_stops->onTick(tick(SAMSUNG, 9600)); // a duplicated frame
        for (int i = 0; i < 50; ++i)
            m_stops->onTick(tick(SAMSUNG, 9500 - i * 10));
        QCOMPARE(m_orders->intents.size(), 1);
        // The sweep re-loads every position from the database: the SELLING one stays quiet.
        m_market->setWatchQuote(watchQuote(SAMSUNG, 9000));
        QSignalSpy finished(m_stops.get(), &StopLossManager::sweepFinished);
        m_stops->runOnce();
        QTRY_COMPARE(finished.count(), 1);
        m_stops->onTick(tick(SAMSUNG, 9000));
        QCOMPARE(m_orders->intents.size(), 1);
        QCOMPARE(sells(p.id).size(), 1);
        // A direct exit request (a strategy's sell) is refused too: already being sold.
        auto again = m_stops->exitPosition(p.id, SellReason::Manual, QStringLiteral("again"), QStringLiteral("ui"));
        QVERIFY(!again);
        QCOMPARE(again.error().code, QStringLiteral("position.not_open"));
        QCOMPARE(m_orders->intents.size(), 1);
        // A second manager over the same database (a restart) does not sell it again either.
        makeManager();
        QVERIFY(m_stops->load());
        QVERIFY(m_stops->armed(SAMSUNG)->selling);
        m_stops->onTick(tick(SAMSUNG, 8000));
        QCOMPARE(m_orders->intents.size(), 1);
    }

    // The sell ends unfilled (cancelled): the position is OPEN again, not sold again on the next
    // tick, and protected again once the cool-down has passed.
    void unfilledExitRearmsAfterTheCooldown()
    {
        StopLossManager::Config c;
        c.exitCooldownMs = 300;
        m_stops->setConfig(c);
        const PositionRecord p = open(SAMSUNG, 10, 10000, stopAndTake(9700, 10500));
        QVERIFY(m_stops->load());
        m_stops->onTick(tick(SAMSUNG, 10600));
        QCOMPARE(m_orders->intents.size(), 1);
        const OrderRecord cancelled = m_orders->cancel(m_orders->placed.at(0).id);
        QCOMPARE(cancelled.state, OrderState::Cancelled);
        QVERIFY(m_db->transaction([&]() -> Status { return m_keeper->onOrderFinished(cancelled); }));
        m_keeper->publish();
        QCOMPARE(position(p.id).status, PositionStatus::Open);
        QCOMPARE(sells(p.id).at(0).status, SellOrderStatus::Cancelled);
        QVERIFY(!m_stops->armed(SAMSUNG)->selling);
        m_stops->onTick(tick(SAMSUNG, 10600));
        QCOMPARE(m_orders->intents.size(), 1); // cooling down
        QTest::qWait(350);
        m_stops->onTick(tick(SAMSUNG, 10600));
        QCOMPARE(m_orders->intents.size(), 2);
        QCOMPARE(sells(p.id).size(), 2);
    }

    // A refused exit (risk, session) cools down instead of hammering the order manager.
    void refusedExitCoolsDown()
    {
        const PositionRecord p = open(SAMSUNG, 10, 10000, stopAndTake(9700, 10500));
        QVERIFY(m_stops->load());
        QSignalSpy refused(m_stops.get(), &StopLossManager::exitRefused);
        m_orders->refuseNext(Error { QStringLiteral("risk.session"), QStringLiteral("market closed") });
        m_stops->onTick(tick(SAMSUNG, 9600));
        QCOMPARE(m_orders->intents.size(), 1);
        QCOMPARE(refused.count(), 1);
        QCOMPARE(position(p.id).status, PositionStatus::Open);
        QCOMPARE(sells(p.id).at(0).status, SellOrderStatus::Failed);
        for (int i = 0; i < 20; ++i)
            m_stops->onTick(tick(SAMSUNG, 9600));
        QCOMPARE(m_orders->intents.size(), 1);
        QVERIFY(m_stops->armed(SAMSUNG)->cooldownUntilMs > 0);
    }

    // The gate closed (not reconciled, market closed): no exit, nothing written; it fires on the
    // first tick after the gate opens.
    void closedGateSendsNothing()
    {
        const PositionRecord p = open(SAMSUNG, 10, 10000, stopAndTake(9700, 10500));
        QVERIFY(m_stops->load());
        m_gateOpen = false;
        m_stops->onTick(tick(SAMSUNG, 9600));
        m_stops->onTick(tick(SAMSUNG, 9500));
        QCOMPARE(m_orders->intents.size(), 0);
        QCOMPARE(sells(p.id).size(), 0);
        QCOMPARE(position(p.id).status, PositionStatus::Open);
        m_gateOpen = true;
        m_stops->onTick(tick(SAMSUNG, 9550));
        QCOMPARE(m_orders->intents.size(), 1);
    }

    // Scalping's maximum holding time sells when the market clock passes the deadline.
    void deadlineSells()
    {
        Protection deadline;
        deadline.exitDeadlineMs = T0 + 60000;
        const PositionRecord p = open(SAMSUNG, 10, 10000, deadline);
        QVERIFY(m_stops->load());
        m_stops->onTick(tick(SAMSUNG, 10000));
        QCOMPARE(m_orders->intents.size(), 0);
        m_clock->advanceMs(60000);
        m_stops->onTick(tick(SAMSUNG, 10010, T0 + 60000));
        QCOMPARE(m_orders->intents.size(), 1);
        QCOMPARE(sells(p.id).at(0).sellReason, SellReason::Risk);
    }

    // Start-up: every live position is armed from the database before anything trades, and an
    // exit the app decided but never sent (sell_orders PENDING without an order) is undone.
    void startUpRearmsEveryPosition()
    {
        const PositionRecord a = open(SAMSUNG, 10, 10000, stopAndTake(9700, 10500));
        const PositionRecord b = open(HYNIX, 3, 200000, stopAndTake(194000, 210000));
        const PositionRecord c = open(NAVER, 7, 180000, stopAndTake(174600, 189000));
        // The app died between the decision and the order for NAVER.
        auto halfDone = PositionRepository(*m_db).beginSell(
            c.id, 7, std::nullopt, SellReason::StopLoss, QStringLiteral("crash"), StopLossManager::actor());
        QVERIFY(halfDone);
        QCOMPARE(position(c.id).status, PositionStatus::Selling);

        makeManager(); // the new process
        QSignalSpy codes(m_stops.get(), &StopLossManager::armedCodesChanged);
        QCOMPARE(m_stops->armedCount(), 0);
        auto armed = m_stops->load();
        QVERIFY(armed);
        QCOMPARE(armed.value(), 3);
        QCOMPARE(codes.count(), 1);
        QStringList expected { SAMSUNG, HYNIX, NAVER };
        QStringList got = codes.at(0).at(0).toStringList();
        expected.sort();
        got.sort();
        QCOMPARE(got, expected);
        QCOMPARE(position(c.id).status, PositionStatus::Open);
        QCOMPARE(sells(c.id).at(0).status, SellOrderStatus::Failed);
        QVERIFY(!m_stops->armed(NAVER)->selling);
        QCOMPARE(m_stops->armed(HYNIX)->positionId, b.id);
        QCOMPARE(m_stops->armed(SAMSUNG)->positionId, a.id);
        QCOMPARE(m_stops->armed(NAVER)->stopPrice, std::optional<qint64>(174600));
        m_stops->onTick(tick(NAVER, 174500));
        QCOMPARE(m_orders->intents.size(), 1);
        QCOMPARE(m_orders->intents.at(0).code, NAVER);
        QCOMPARE(m_orders->intents.at(0).quantity, 7);
    }

    // A closed position is disarmed; a new buy fill of the stock arms the new position.
    void positionChangesFollowTheKeeper()
    {
        QVERIFY(m_stops->load());
        QCOMPARE(m_stops->armedCount(), 0);
        m_keeper->setProtectionPolicy([](Origin, qint64 buyPrice, qint64) {
            Protection p;
            p.stopLossRate = 3.0;
            p.stopLossPrice = StopLossManager::priceBelow(buyPrice, 3.0);
            return p;
        });
        // A buy order and its fill, as the OrderManager records them.
        Trading::OrderIntent buy;
        buy.side = Side::Buy;
        buy.code = SAMSUNG;
        buy.name = QStringLiteral("삼성전자");
        buy.quantity = 10;
        buy.price = 10000;
        buy.actor = QStringLiteral("test");
        auto order = m_orders->submit(buy);
        QVERIFY(order);
        const OrderRecord filled = m_orders->fill(order->id, 10000);
        auto executions = OrderRepository(*m_db).executions(filled.id);
        QVERIFY(executions && executions->size() == 1);
        QVERIFY(m_db->transaction([&]() -> Status { return m_keeper->onExecution(filled, executions->at(0)); }));
        m_keeper->publish();
        QCOMPARE(m_stops->armedCount(), 1);
        QCOMPARE(m_stops->armed(SAMSUNG)->stopPrice, std::optional<qint64>(9700));
        m_stops->onTick(tick(SAMSUNG, 9700));
        QCOMPARE(m_orders->intents.size(), 2);
        QCOMPARE(m_orders->intents.at(1).side, Side::Sell);
        // The sell fills: the position closes and is disarmed.
        const OrderRecord sold = m_orders->fill(m_orders->placed.at(1).id, 9700);
        QVERIFY(m_db->transaction([&]() -> Status { return m_keeper->onOrderFinished(sold); }));
        m_keeper->publish();
        QCOMPARE(m_stops->armedCount(), 0);
    }

    // The kill switch's flatten sells every open position once.
    void flattenAllSellsEveryOpenPosition()
    {
        open(SAMSUNG, 10, 10000, stopAndTake(9700, 10500));
        open(HYNIX, 3, 200000, {});
        open(NAVER, 7, 180000, {});
        QVERIFY(m_stops->load());
        m_stops->onTick(tick(SAMSUNG, 9600)); // already being sold
        QCOMPARE(m_stops->flattenAll(QStringLiteral("ui")), 2);
        QCOMPARE(m_orders->intents.size(), 3);
        QCOMPARE(m_stops->flattenAll(QStringLiteral("ui")), 0);
        QCOMPARE(m_orders->intents.size(), 3);
        for (const Trading::OrderIntent &i : std::as_const(m_orders->intents))
            QCOMPARE(i.type, Trading::OrderType::Market);
    }
};

QTEST_GUILESS_MAIN(TestStopLossManager)
#include "tst_stoplossmanager.moc"
