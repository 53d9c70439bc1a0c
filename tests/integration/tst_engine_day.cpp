// SPDX-License-Identifier: GPL-3.0-or-later
// A simulated trading day through the whole engine (issue 8, "Tests"): at least 500 orders placed
// through the command layer (TradingCommands::buy / sell / cancelOrder, the path the UI and the
// control API take) over 25 stocks of every tick band, with the simulator's market clock moving
// from 09:01 into the afternoon between the rounds. Buys are limit orders at a marketable price,
// at the best ask the engine picks, market orders and resting limits below the market; sells are
// market, marketable and resting limits, of the whole position or half of it; resting orders are
// cancelled a round later. At the end the broker's account TRs (BrokerLedger, read over the Kiwoom
// protocol with a client of its own) and the app's database agree to the won: positions, average
// prices, realized P&L, fees, taxes and the cash they add up to. The exchange never refused an
// order (no price off the tick ladder or outside the day's limits, no quantity beyond orderable
// cash or sellable holdings), and the requests that would have been refused were stopped by the
// command layer or the risk guard before anything was sent.
#include "enginedayrig.h"

#include "market/krx.h"
#include "services/quotebook.h"
#include "sim/simserver.h"
#include "storage/database.h"
#include "storage/positionrepository.h"
#include "storage/signalrepository.h"
#include "trading/decisionledger.h"
#include "trading/ordermanager.h"
#include "trading/tradingcommands.h"
#include "trading/tradingengine.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QtTest>

using namespace Storage;

namespace {

constexpr int MIN_ORDERS = 500;
constexpr int MAX_ROUNDS = 40;
constexpr int STOCKS = 25;
constexpr qint64 HALF_ROUND_MS
    = 5 * 60 * 1000; // virtual market time between the buy and the sell half (room for 35 rounds: the day ends at 500
                     // orders, whatever the machine's load made of the rounds)

qint64 clampToLimits(qint64 price, const Krx::PriceLimits &limits)
{
    return std::clamp(price, limits.lower, limits.upper);
}

} // namespace

class TestEngineDay final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // Thousands of orders: the engine's and the simulator's info lines would exceed QTest's
        // message limit and hide the summary lines.
        QLoggingCategory::setFilterRules(QStringLiteral("kt.*.info=false"));
    }

    void aDayOfManualTradingMatchesTheBrokerToTheWon()
    {
        QElapsedTimer wall;
        wall.start();
        EngineDayRig rig;
        EngineDayRig::Options options;
        options.fixture.sim.startTimeMs = Krx::fromKst(QDate(2025, 3, 10), QTime(9, 1));
        // The cash rule decides oversized buys (not the per-order amount).
        options.settings.insert(QStringLiteral("risk/maxOrderAmount"), 100'000'000'000LL);
        QVERIFY2(rig.start(options), qPrintable(rig.error()));
        ClientSimFixture &sim = rig.sim();
        TradingCommands &commands = rig.commands();

        // 25 stocks across the tick bands (2,000 – 300,000 KRW), in universe order.
        QStringList codes;
        for (int i = 0; i < sim.stockCount() && codes.size() < STOCKS; ++i) {
            const SimQuote q = sim.quote(sim.code(i));
            if (q.price >= 2'000 && q.price <= 300'000)
                codes << sim.code(i);
        }
        QCOMPARE(codes.size(), STOCKS);
        rig.quotes().watch(QStringLiteral("watchlist"), codes);

        QRandomGenerator rng(20250310);
        const QString actor = QStringLiteral("ui");
        int refusedBuys = 0;
        int refusedSells = 0;
        QHash<qint64, int> openSinceRound; // app order id → round it was first seen open
        int round = 0;
        const qint64 lastRoundStart = Krx::fromKst(QDate(2025, 3, 10), QTime(14, 55));
        for (; round < MAX_ROUNDS && rig.simOrdersToday().size() < MIN_ORDERS && sim.virtualNowMs() < lastRoundStart;
             ++round) {
            // Buys: one per stock without an open buy (the executor skips a second one anyway).
            for (const QString &code : std::as_const(codes)) {
                if (rig.engine().orders().hasOpenOrder(code, Side::Buy))
                    continue;
                const SimQuote q = sim.quote(code);
                TradingCommands::BuyCommand c;
                c.code = code;
                const qint64 budget = 200'000 + qint64(rng.bounded(800'000));
                const qint64 quantity = std::max<qint64>(1, budget / q.price);
                switch (rng.bounded(4)) {
                case 0: // marketable limit
                    c.quantity = quantity;
                    c.price = clampToLimits(Krx::snapUp(q.price * 1003 / 1000), q.limits);
                    break;
                case 1: // an amount at the best ask the engine finds
                    c.amount = budget;
                    break;
                case 2:
                    c.quantity = quantity;
                    c.type = Trading::OrderType::Market;
                    break;
                default: // resting below the market
                    c.quantity = quantity;
                    c.price = clampToLimits(Krx::snapDown(q.price * 990 / 1000), q.limits);
                    break;
                }
                auto r = commands.buy(c, actor);
                QVERIFY2(r.ok(), qPrintable(r ? QString() : r.error().message));
            }
            QVERIFY2(rig.waitSettled(20000),
                qPrintable(QStringLiteral("round %1 buys: %2").arg(round).arg(rig.unsettled())));
            rig.advance(HALF_ROUND_MS);
            QVERIFY2(
                rig.waitSettled(20000), qPrintable(QStringLiteral("round %1: %2").arg(round).arg(rig.unsettled())));

            // Sells of positions no sell works on.
            auto live = PositionRepository(rig.db()).listActive();
            QVERIFY(live.ok());
            for (const PositionRecord &p : live.value()) {
                if (p.status != PositionStatus::Open || p.quantity <= 0
                    || rig.engine().orders().hasOpenOrder(p.stockCode, Side::Sell))
                    continue;
                const SimQuote q = sim.quote(p.stockCode);
                TradingCommands::SellCommand c;
                c.code = p.stockCode;
                const qint64 half = std::max<qint64>(1, p.quantity / 2);
                switch (rng.bounded(4)) {
                case 0:
                    c.type = Trading::OrderType::Market;
                    break;
                case 1:
                    c.type = Trading::OrderType::Market;
                    c.quantity = half;
                    break;
                case 2: // marketable limit
                    c.type = Trading::OrderType::Limit;
                    c.price = clampToLimits(Krx::snapDown(q.price * 997 / 1000), q.limits);
                    break;
                default: // resting above the market
                    c.type = Trading::OrderType::Limit;
                    c.quantity = half;
                    c.price = clampToLimits(Krx::snapUp(q.price * 1010 / 1000), q.limits);
                    break;
                }
                auto r = commands.sell(c, actor);
                QVERIFY2(r.ok(), qPrintable(r ? QString() : r.error().message));
            }
            QVERIFY2(rig.waitSettled(20000),
                qPrintable(QStringLiteral("round %1 sells: %2").arg(round).arg(rig.unsettled())));

            // Orders still resting from the round before are cancelled (through the command layer).
            for (const OrderRecord &o : rig.engine().orders().openOrders()) {
                if (o.action != OrderAction::Place)
                    continue;
                if (!openSinceRound.contains(o.id)) {
                    openSinceRound.insert(o.id, round);
                } else if (openSinceRound.value(o.id) < round) {
                    auto r = commands.cancelOrder(o.id, actor);
                    QVERIFY2(r.ok(), qPrintable(r ? QString() : r.error().message));
                }
            }
            QVERIFY2(rig.waitSettled(20000),
                qPrintable(QStringLiteral("round %1 cancels: %2").arg(round).arg(rig.unsettled())));
            rig.advance(HALF_ROUND_MS);
            QVERIFY2(
                rig.waitSettled(20000), qPrintable(QStringLiteral("round %1 end: %2").arg(round).arg(rig.unsettled())));

            if (round == 3) {
                // Requests the broker would refuse never leave the app.
                const int before = int(rig.simOrdersToday(false).size());
                const QString code = codes.at(7);
                const SimQuote q = sim.quote(code);
                // Off the tick ladder (a price between two ticks).
                const qint64 offTick = Krx::snapDown(q.price) + 1;
                QVERIFY(!Krx::isOnTick(offTick));
                TradingCommands::BuyCommand bad;
                bad.code = code;
                bad.quantity = 1;
                bad.price = offTick;
                auto r = commands.buy(bad, actor);
                QVERIFY(!r.ok());
                QCOMPARE(r.error().code, QStringLiteral("command.invalid"));
                ++refusedBuys;
                // Above the day's upper limit, on the tick: the risk guard refuses it.
                TradingCommands::BuyCommand high;
                // Stocks without an open buy (a second buy of a stock is skipped before any risk rule).
                QStringList free;
                for (const QString &c : std::as_const(codes)) {
                    if (!rig.engine().orders().hasOpenOrder(c, Side::Buy))
                        free << c;
                }
                QVERIFY(free.size() >= 2);
                high.code = free.at(0);
                const SimQuote q8 = sim.quote(high.code);
                high.quantity = 1;
                high.price = Krx::snapUp(q8.limits.upper + Krx::tickSize(q8.limits.upper));
                auto rh = commands.buy(high, actor);
                QVERIFY2(rh.ok(), "a buy signal is stored; the executor's risk check refuses the order");
                const qint64 highSignal = rh->value(QStringLiteral("signal_id")).toInteger();
                // More than the orderable cash (100,000,000 KRW to start with).
                TradingCommands::BuyCommand huge;
                huge.code = free.at(1);
                huge.quantity = 200'000'000 / sim.quote(huge.code).price + 1;
                auto ru = commands.buy(huge, actor);
                QVERIFY(ru.ok());
                const qint64 hugeSignal = ru->value(QStringLiteral("signal_id")).toInteger();
                QVERIFY2(rig.waitSettled(20000), qPrintable(rig.unsettled()));
                SignalRepository signalRepo(rig.db());
                for (const auto &[id, rule] : { std::pair { highSignal, QStringLiteral("risk.price_limit") },
                         std::pair { hugeSignal, QStringLiteral("risk.cash") } }) {
                    auto s = signalRepo.findPendingBuy(id);
                    QVERIFY(s.ok() && s->has_value());
                    QCOMPARE(s->value().status, SignalStatus::Skipped);
                    // The decision ledger names the risk rule that refused it.
                    auto lines = rig.engine().ledger().forSignal(DecisionKind::Manual, id);
                    QVERIFY(lines.ok());
                    QStringList rules;
                    for (const DecisionRecord &d : lines.value())
                        rules << d.rule;
                    QVERIFY2(rules.contains(rule), qPrintable(rules.join(QLatin1Char(','))));
                    refusedBuys++;
                }
                // More than held.
                auto held = PositionRepository(rig.db()).listActive();
                QVERIFY(held.ok() && !held->isEmpty());
                TradingCommands::SellCommand over;
                over.code = held->first().stockCode;
                over.quantity = held->first().quantity + 1;
                auto rs = commands.sell(over, actor);
                QVERIFY(!rs.ok());
                QCOMPARE(rs.error().code, QStringLiteral("command.invalid"));
                ++refusedSells;
                QCOMPARE(int(rig.simOrdersToday(false).size()), before);
            }
        }
        qInfo().noquote() << "rounds" << round << "market" << Krx::toKst(sim.virtualNowMs()).toString(Qt::ISODate);

        // Close the book: cancel what still rests, settle, reconcile, settle.
        auto cancelled = commands.cancelAllOrders(actor);
        QVERIFY(cancelled.ok());
        QVERIFY2(rig.waitSettled(20000), qPrintable(rig.unsettled()));
        QVERIFY(rig.reconcile());
        QVERIFY2(rig.waitSettled(20000), qPrintable(rig.unsettled()));

        // The broker saw enough orders, and refused none of them.
        const QList<SimOrder> placed = rig.simOrdersToday();
        QVERIFY2(placed.size() >= MIN_ORDERS,
            qPrintable(QStringLiteral("only %1 orders in %2 rounds").arg(placed.size()).arg(round)));
        QVERIFY2(rig.simRejections().isEmpty(), qPrintable(rig.simRejections().join(QLatin1Char('\n'))));

        // Every price sent is on the KRX tick ladder and inside the day's limits (the broker's
        // record of what it received, and the app's orders table).
        int buys = 0, sells = 0, markets = 0, fills = 0;
        for (const SimOrder &o : placed) {
            (o.side == SimSide::Buy ? buys : sells)++;
            fills += o.filledQty > 0 ? 1 : 0;
            if (o.market) {
                ++markets;
                continue;
            }
            const SimQuote q = sim.quote(sim.code(o.stock));
            QVERIFY2(Krx::isOnTick(o.price), qPrintable(QStringLiteral("order %1 at %2").arg(o.ordNo).arg(o.price)));
            QVERIFY2(o.price >= q.limits.lower && o.price <= q.limits.upper,
                qPrintable(QStringLiteral("order %1 at %2 outside %3..%4")
                               .arg(o.ordNo)
                               .arg(o.price)
                               .arg(q.limits.lower)
                               .arg(q.limits.upper)));
        }
        auto appOrders = rig.appOrdersToday();
        QVERIFY(appOrders.ok());
        for (const OrderRecord &o : appOrders.value()) {
            if (o.action != OrderAction::Place || o.tradeType == u"3")
                continue;
            QVERIFY2(Krx::isOnTick(o.price), qPrintable(QStringLiteral("orders row %1 at %2").arg(o.id).arg(o.price)));
        }
        QVERIFY(buys > 0 && sells > 0 && markets > 0 && fills > MIN_ORDERS / 2);

        // One broker order ↔ one orders row, every fill in executions once.
        const QStringList mapping = rig.orderMappingProblems();
        QVERIFY2(mapping.isEmpty(), qPrintable(mapping.join(QLatin1Char('\n'))));

        // The referee: positions, average prices, realized P&L, fees, taxes, cash.
        Ledger::CompareOptions compare;
        compare.compareMoney = true;
        compare.initialCash = options.fixture.sim.initialCash;
        const QStringList discrepancies = rig.compareWithBroker(codes, compare);
        QVERIFY2(discrepancies.isEmpty(), qPrintable(discrepancies.join(QLatin1Char('\n'))));
        auto broker = rig.brokerRecords(codes);
        QVERIFY(broker.ok());
        QVERIFY(broker->fees > 0 && broker->taxes > 0 && broker->realized != 0);
        qInfo().noquote() << QStringLiteral(
            "%1 orders (%2 buys, %3 sells, %4 market, %5 with fills), %6 refused "
            "before sending; broker: realized %7, fees %8, taxes %9, %10 holdings; %11 ms")
                                 .arg(placed.size())
                                 .arg(buys)
                                 .arg(sells)
                                 .arg(markets)
                                 .arg(fills)
                                 .arg(refusedBuys + refusedSells)
                                 .arg(broker->realized)
                                 .arg(broker->fees)
                                 .arg(broker->taxes)
                                 .arg(broker->holdings.size())
                                 .arg(wall.elapsed());
    }
};

QTEST_GUILESS_MAIN(TestEngineDay)
#include "tst_engine_day.moc"
