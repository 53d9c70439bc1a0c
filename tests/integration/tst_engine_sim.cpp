// SPDX-License-Identifier: GPL-3.0-or-later
// The trading engine end to end against the built-in simulator over loopback (issue 8, "Tests"):
// TradingEngine as the app builds it (EngineSimRig), a paused simulated market that moves only when
// the test steps it or shocks a stock (/_sim/market/shock in process), and the broker's own account
// TRs (BrokerLedger: raw HTTP of its own) as the referee for money.
//
//  * seedFlowFromConditionHit: a realtime condition hit (02 I of 상승률5%이상 after a +15 % shock)
//    → reference-candle signal → limit buy → fill → position (quantity, 매입단가) → shock down →
//    stop-loss sell (sell_orders STOP_LOSS) → closed; realized P&L, fees and tax equal ka10074 /
//    ka10077 / ka10076 to the won, and every row agrees with the broker.
//  * takeProfitOnShockUp: a manual market buy through TradingCommands, shock up → TAKE_PROFIT.
//  * trailingStopAfterRise: trailing stop 2 %: a rise moves the highest price, a fall of more than
//    2 % from it exits (TRAILING_STOP) although neither the stop-loss nor the take-profit was hit.
//  * strategySellSignalClosesPosition: a strategy's SELL signal through the SignalManager closes a
//    held position through the exit path (STRATEGY), and the signal ends COMPLETED.
//  * scalpingMaxHoldingTime: a scalping buy signal → position with the scalping strategy's exit
//    deadline → the market moves on past it → exit (RISK, "maximum holding time").
//  * killSwitchCancelAll / killSwitchFlattenAll / killSwitchNoNewEntriesAndResume: the kill switch
//    modes against the broker: open orders cancelled there, every position sold, a buy blocked with
//    its reason in the decision ledger, resumed only by a user.
#include "enginesimrig.h"

#include "common/settings.h"
#include "market/krx.h"
#include "services/conditionmonitor.h"
#include "services/quotebook.h"
#include "sim/simmarket.h"
#include "sim/simserver.h"
#include "storage/conditionrepository.h"
#include "storage/database.h"
#include "storage/decisionrepository.h"
#include "storage/orderrepository.h"
#include "storage/positionrepository.h"
#include "storage/signalrepository.h"
#include "storage/strategyrepository.h"
#include "strategy/disparitystrategy.h"
#include "strategy/referencecandlestrategy.h"
#include "strategy/scalpingstrategy.h"
#include "trading/decisionledger.h"
#include "trading/killswitch.h"
#include "trading/ordermanager.h"
#include "trading/signalmanager.h"
#include "trading/stoplossmanager.h"
#include "trading/tradingcommands.h"
#include "trading/tradingengine.h"

#include <QElapsedTimer>
#include <QtTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace Storage;

namespace {

const QString UI = u"ui"_s;

// Realized P&L of a closed position from its fills, Kiwoom's way: proceeds − cost − buy fees −
// sell fees − tax.
struct Money
{
    qint64 bought = 0, sold = 0, fees = 0, taxes = 0;
    qint64 boughtQty = 0, soldQty = 0;
    qint64 realized() const { return sold - bought - fees - taxes; }
};

} // namespace

class TestEngineSim final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<EngineSimRig> m_rig;
    QElapsedTimer m_timer;

    bool startRig(const std::function<void(Settings &)> &more = {})
    {
        m_rig = std::make_unique<EngineSimRig>();
        EngineSimRig::Options o;
        o.configure = [more](Settings &s) {
            (void)s.setValue(u"trading/autoTradeEnabled"_s, true);
            (void)s.setValue(u"trading/maxInvestAmount"_s, 1'000'000);
            (void)s.setValue(u"trading/stopLossRate"_s, 3.0);
            (void)s.setValue(u"trading/takeProfitRate"_s, 5.0);
            (void)s.setValue(u"trading/trailingStopRate"_s, 0.0);
            if (more)
                more(s);
        };
        if (!m_rig->start(o)) {
            qWarning().noquote() << "rig:" << m_rig->error();
            return false;
        }
        return true;
    }
    TradingEngine &engine() { return m_rig->engine(); }

    // A liquid stock between 10,000 and 60,000 KRW that moved less than 2 % today, not in `not`.
    QString quietStock(const QStringList &exclude = {}) const
    {
        const SimMarket &market = *m_rig->sim().server().market();
        for (int i = 0; i < market.stockCount(); ++i) {
            const SimQuote q = market.quote(i);
            const QString code = market.info(i).code;
            if (exclude.contains(code) || market.info(i).avgVolume < 100'000)
                continue;
            if (q.price >= 10'000 && q.price <= 60'000 && q.basePrice > 0
                && std::abs(double(q.price - q.basePrice)) * 100.0 < 2.0 * double(q.basePrice))
                return code;
        }
        return {};
    }

    // A manual market buy of about `amount` KRW through the command layer; waits for the position.
    std::optional<PositionRecord> buyAtMarket(const QString &code, qint64 amount = 1'000'000)
    {
        TradingCommands::BuyCommand c;
        c.code = code;
        c.amount = amount;
        c.type = Trading::OrderType::Market;
        auto r = engine().commands().buy(c, UI);
        if (!r) {
            qWarning().noquote() << "buy refused:" << r.error().message;
            return std::nullopt;
        }
        const bool held = m_rig->advanceUntil(
            [&] {
                const auto p = m_rig->livePosition(code);
                return p && p->quantity > 0 && !engine().orders().hasOpenOrder(code, Side::Buy);
            },
            20'000);
        if (!held)
            return std::nullopt;
        return m_rig->livePosition(code);
    }

    Money moneyOf(const QString &code) const
    {
        Money m;
        const QList<OrderRecord> orders = m_rig->ordersFor(code);
        OrderRepository repo(m_rig->db());
        for (const OrderRecord &o : orders) {
            const auto xs = repo.executions(o.id);
            if (!xs)
                continue;
            for (const ExecutionRecord &x : xs.value()) {
                (o.side == Side::Buy ? m.bought : m.sold) += x.price * x.quantity;
                (o.side == Side::Buy ? m.boughtQty : m.soldQty) += x.quantity;
                m.fees += x.fee;
                m.taxes += x.tax;
            }
        }
        return m;
    }

    // The closed position's money against the broker's own account TRs, to the won.
    void verifyClosedAgainstBroker(const PositionRecord &closed, SellReason reason)
    {
        QCOMPARE(closed.status, PositionStatus::Closed);
        QCOMPARE(closed.quantity, 0);
        const QList<SellOrderRecord> sells = m_rig->sellOrders(closed.id);
        QCOMPARE(sells.size(), 1); // an exit fires once
        const SellOrderRecord &sell = sells.first();
        QCOMPARE(sell.sellReason, reason);
        QCOMPARE(sell.status, SellOrderStatus::Completed);
        QCOMPARE(sell.sellQuantity, closed.buyQuantity);

        const Money m = moneyOf(closed.stockCode);
        QCOMPARE(m.boughtQty, closed.buyQuantity);
        QCOMPARE(m.soldQty, closed.buyQuantity);
        QCOMPARE(closed.realizedProfitLoss, m.realized());
        QVERIFY(sell.profitLoss.has_value());
        QCOMPARE(*sell.profitLoss, m.realized());

        auto broker = m_rig->broker({ closed.stockCode });
        QVERIFY2(broker.ok(), broker ? "" : qPrintable(broker.error().message));
        // Only this stock traded today in this rig unless the test says otherwise: compare per stock
        // (ka10077) and the day (ka10074) where they are the same.
        QVERIFY(broker->realizedToday.contains(closed.stockCode));
        QCOMPARE(broker->realizedToday.value(closed.stockCode), closed.realizedProfitLoss);
        qint64 brokerFees = 0, brokerTaxes = 0;
        for (const Ledger::BrokerOrder &o : broker->orders) {
            if (o.code == closed.stockCode) {
                brokerFees += o.fees;
                brokerTaxes += o.taxes;
            }
        }
        QCOMPARE(brokerFees, m.fees);
        QCOMPARE(brokerTaxes, m.taxes);
        QVERIFY(m.taxes > 0);
        for (const Ledger::BrokerHolding &h : broker->holdings)
            QVERIFY2(h.code != closed.stockCode, qPrintable(h.code));
        const QStringList problems = m_rig->compareWithBroker({ closed.stockCode });
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"\n"_s)));
    }

    std::optional<PositionRecord> waitClosed(qint64 positionId, qint64 maxVirtualMs = 20'000)
    {
        const bool closed = m_rig->advanceUntil(
            [&] {
                const auto p = m_rig->position(positionId);
                return p && p->status == PositionStatus::Closed;
            },
            maxVirtualMs);
        if (!closed)
            return std::nullopt;
        return m_rig->position(positionId);
    }

private slots:
    void init() { m_timer.start(); }
    void cleanup()
    {
        m_rig.reset();
        qInfo().noquote() << QTest::currentTestFunction() << "took" << m_timer.elapsed() << "ms";
    }

    void seedFlowFromConditionHit()
    {
        QVERIFY(startRig());
        const QString conditionName = u"상승률5%이상"_s;
        // Today's candle is the reference only when it rose 12 % (one candle of look-back), so the
        // scan at start finds nothing and only the shocked stock's realtime hit trades.
        QVERIFY(StrategyRepository(m_rig->db())
                    .create(u"기준봉"_s, Strategies::ReferenceCandleStrategy::typeName(),
                        QJsonObject { { u"lookback_days"_s, 1 }, { u"min_rise_pct"_s, 12.0 },
                            { u"volume_multiplier"_s, 0.0 }, { u"target_body_ratio"_s, 1.0 } },
                        true, u"test"_s)
                    .ok());
        QVERIFY(EngineSimRig::waitFor([&] {
            auto all = ConditionRepository(m_rig->db()).list();
            return all && !all->isEmpty();
        }));
        QVERIFY2(engine().commands().setConditionEnabled(conditionName, true, UI).ok(), "condition not enabled");
        QSignalSpy runs(&engine().conditionMonitor(), &ConditionMonitor::runFinished);
        QVERIFY(engine().commands().startService(u"monitoring"_s, UI).ok());
        QVERIFY(!runs.isEmpty() || runs.wait(20'000));
        QCOMPARE(runs.first().at(2).toInt(), 0); // the scan: no signal yet
        QVERIFY(EngineSimRig::waitFor([&] { return m_rig->sim().simRealtimeConditions() == 1; }));
        QVERIFY(SignalRepository(m_rig->db()).listPendingBuy(SignalFilter {})->isEmpty());

        // The price jumps: at the next minute the stock enters the condition (02 I) at the simulator.
        const QString code = quietStock();
        QVERIFY(!code.isEmpty());
        QSignalSpy hits(&engine().conditionMonitor(), &ConditionMonitor::realtimeHitHandled);
        auto shocked = m_rig->shock(code, 15.0);
        QVERIFY2(shocked.ok(), shocked ? "" : qPrintable(shocked.error().message));
        QVERIFY(m_rig->advanceUntil(
            [&] {
                for (const auto &h : hits) {
                    if (h.at(1).toString() == code && h.at(2).toBool())
                        return true;
                }
                return false;
            },
            120'000));

        // The reference-candle signal of that condition, and a limit buy at its target.
        const auto pendingSignals = SignalRepository(m_rig->db()).listPendingBuy(SignalFilter {}).value();
        QCOMPARE(pendingSignals.size(), 1);
        const PendingBuySignalRecord signal = pendingSignals.first();
        QCOMPARE(signal.stockCode, code);
        QCOMPARE(signal.signalType, u"reference_candle"_s);
        QVERIFY(signal.source.startsWith(u"condition:"_s));
        QVERIFY(signal.targetPrice && Krx::isOnTick(*signal.targetPrice));
        QVERIFY(EngineSimRig::waitFor([&] { return !m_rig->ordersFor(code).isEmpty(); }));
        const OrderRecord buy = m_rig->ordersFor(code).first();
        QCOMPARE(buy.side, Side::Buy);
        QCOMPARE(buy.origin, Origin::Condition);
        QCOMPARE(buy.originSignalId, std::optional<qint64>(signal.id));
        QVERIFY(buy.price > 0 && buy.price <= *signal.targetPrice);
        QVERIFY(buy.quantity > 0 && buy.quantity * buy.price <= 1'000'000);

        // Filled when the price comes back to the limit (a shock down through it if the walk did not).
        if (!m_rig->advanceUntil([&] { return m_rig->livePosition(code).has_value(); }, 5'000)) {
            const qint64 price = m_rig->sim().quote(code).price;
            QVERIFY(m_rig->shock(code, -(double(price - buy.price) * 100.0 / double(price) + 0.5)).ok());
        }
        QVERIFY(m_rig->advanceUntil(
            [&] {
                const auto p = m_rig->livePosition(code);
                return p && p->quantity == buy.quantity;
            },
            20'000));
        PositionRecord position = *m_rig->livePosition(code);
        QCOMPARE(position.origin, Origin::Condition);
        QCOMPARE(position.pendingSignalId, std::optional<qint64>(signal.id));
        const Money bought = moneyOf(code);
        QCOMPARE(bought.boughtQty, buy.quantity);
        QCOMPARE(position.buyAmount, bought.bought);
        QCOMPARE(position.buyFees, bought.fees);
        // 매입단가 as the broker states it (kt00018 pur_pric), and the stop-loss 3 % below it.
        {
            auto broker = m_rig->broker();
            QVERIFY(broker.ok());
            QCOMPARE(broker->holdings.size(), 1);
            QCOMPARE(broker->holdings.first().code, code);
            QCOMPARE(broker->holdings.first().quantity, position.quantity);
            QVERIFY(std::abs(broker->holdings.first().avgPrice - position.buyPrice) <= 1);
        }
        QVERIFY(position.stopLossPrice.has_value());
        QCOMPARE(*position.stopLossPrice, qint64(std::floor(double(position.buyPrice) * 0.97)));
        QTRY_COMPARE_WITH_TIMEOUT(
            SignalRepository(m_rig->db()).findPendingBuy(signal.id)->value().status, SignalStatus::Completed, 10'000);
        // The decision ledger tells the signal's story: created, ordered (with the order), filled.
        {
            DecisionFilter f;
            f.signalId = signal.id;
            f.kind = DecisionKind::PendingBuy;
            const auto lines = engine().ledger().query(f);
            QVERIFY(lines.ok());
            QList<Decision> story;
            for (const DecisionRecord &d : lines.value())
                story.prepend(d.decision); // newest first → oldest first
            QVERIFY2(story.contains(Decision::Created) && story.contains(Decision::Ordered)
                    && story.contains(Decision::Filled),
                qPrintable(QString::number(story.size())));
            QVERIFY(story.indexOf(Decision::Created) < story.indexOf(Decision::Ordered));
            QVERIFY(story.indexOf(Decision::Ordered) < story.indexOf(Decision::Filled));
        }

        // The price falls 6 %: the tick exits at once.
        QVERIFY(m_rig->waitUntilWatched(code));
        position = *m_rig->livePosition(code);
        if (position.status == PositionStatus::Open)
            QVERIFY(m_rig->shock(code, -6.0).ok());
        const auto closed = waitClosed(position.id);
        QVERIFY(closed.has_value());
        verifyClosedAgainstBroker(*closed, SellReason::StopLoss);
        QVERIFY(closed->realizedProfitLoss < 0);
        const OrderRecord sell = m_rig->ordersFor(code).last();
        QCOMPARE(sell.side, Side::Sell);
        QCOMPARE(sell.origin, Origin::StopLoss);
        QCOMPARE(sell.tradeType, u"3"_s); // market
        // Only this stock traded: the day's totals (ka10074) are this position's.
        auto broker = m_rig->broker({ code });
        QVERIFY(broker.ok());
        QCOMPARE(broker->realized, closed->realizedProfitLoss);
        const Money m = moneyOf(code);
        QCOMPARE(broker->fees, m.fees);
        QCOMPARE(broker->taxes, m.taxes);
        QCOMPARE(broker->bought, m.bought);
        QCOMPARE(broker->sold, m.sold);
    }

    void takeProfitOnShockUp()
    {
        QVERIFY(startRig());
        const QString code = quietStock();
        const auto position = buyAtMarket(code);
        QVERIFY(position.has_value());
        QCOMPARE(position->origin, Origin::Manual);
        QCOMPARE(*position->takeProfitPrice, qint64(std::ceil(double(position->buyPrice) * 1.05)));
        QVERIFY(m_rig->waitUntilWatched(code));
        QVERIFY(m_rig->shock(code, 7.0).ok());
        const auto closed = waitClosed(position->id);
        QVERIFY(closed.has_value());
        verifyClosedAgainstBroker(*closed, SellReason::TakeProfit);
        QVERIFY(closed->realizedProfitLoss > 0);
    }

    void trailingStopAfterRise()
    {
        QVERIFY(startRig([](Settings &s) {
            (void)s.setValue(u"trading/trailingStopRate"_s, 2.0);
            (void)s.setValue(u"trading/stopLossRate"_s, 10.0);
            (void)s.setValue(u"trading/takeProfitRate"_s, 50.0);
        }));
        const QString code = quietStock();
        const auto position = buyAtMarket(code);
        QVERIFY(position.has_value());
        QCOMPARE(position->trailingStopRate, std::optional<double>(2.0));
        QVERIFY(m_rig->waitUntilWatched(code));
        // Up 4 %: a new high, nothing sold.
        auto up = m_rig->shock(code, 4.0);
        QVERIFY(up.ok());
        QVERIFY(EngineSimRig::waitFor([&] {
            const auto a = engine().stops().armed(code);
            return a && a->highest >= up->price;
        }));
        QCOMPARE(m_rig->livePosition(code)->status, PositionStatus::Open);
        const qint64 highest = engine().stops().armed(code)->highest;
        // Down 3 % from there: more than the trailing 2 %, far from the 10 % stop-loss.
        auto down = m_rig->shock(code, -3.0);
        QVERIFY(down.ok());
        QVERIFY(down->price <= qint64(std::floor(double(highest) * 0.98)));
        QVERIFY(down->price > *position->stopLossPrice);
        const auto closed = waitClosed(position->id);
        QVERIFY(closed.has_value());
        verifyClosedAgainstBroker(*closed, SellReason::TrailingStop);
        const SellOrderRecord sell = m_rig->sellOrders(closed->id).first();
        QVERIFY2(sell.sellReasonDetail.contains(QLocale::c().toString(highest)), qPrintable(sell.sellReasonDetail));
    }

    void strategySellSignalClosesPosition()
    {
        QVERIFY(startRig());
        const QString code = quietStock();
        const auto position = buyAtMarket(code);
        QVERIFY(position.has_value());
        auto strategy
            = StrategyRepository(m_rig->db())
                  .create(u"이격도"_s, Strategies::DisparityStrategy::typeName(), QJsonObject {}, true, u"test"_s);
        QVERIFY(strategy.ok());

        // What the strategy scanner hands the SignalManager for a disparity > 105 sell.
        Trading::SignalRequest r;
        r.kind = SignalKind::Strategy;
        r.source = u"strategy:%1"_s.arg(strategy->id);
        r.side = Side::Sell;
        r.code = code;
        r.signalType = u"SELL"_s;
        r.strategyId = strategy->id;
        r.signal.side = Side::Sell;
        r.signal.strategyType = Strategies::DisparityStrategy::typeName();
        r.signal.stockCode = code;
        r.signal.timeMs = m_rig->sim().virtualNowMs();
        r.signal.price = double(m_rig->sim().quote(code).price);
        r.signal.reasonCode = u"disparity.overbought"_s;
        r.signal.reason = u"disparity 106.2 > 105"_s;
        r.actor = u"service.strategy_scanner"_s;
        auto outcome = engine().signalManager().submit(r);
        QVERIFY2(outcome.ok(), outcome ? "" : qPrintable(outcome.error().message));
        QVERIFY(!outcome->duplicate);

        const auto closed = waitClosed(position->id);
        QVERIFY(closed.has_value());
        verifyClosedAgainstBroker(*closed, SellReason::Strategy);
        const OrderRecord sell = m_rig->ordersFor(code).last();
        QCOMPARE(sell.side, Side::Sell);
        QCOMPARE(sell.origin, Origin::Strategy);
        QCOMPARE(sell.originSignalId, std::optional<qint64>(outcome->id));
        QTRY_COMPARE_WITH_TIMEOUT(
            SignalRepository(m_rig->db()).find(SignalKind::Strategy, outcome->id)->value().status(),
            SignalStatus::Completed, 10'000);
        // The same sell again (deduped) sells nothing more.
        auto again = engine().signalManager().submit(r);
        QVERIFY(again.ok() && again->duplicate);
        m_rig->advance(3000);
        QCOMPARE(m_rig->ordersFor(code).size(), 2);
    }

    void scalpingMaxHoldingTime()
    {
        QVERIFY(startRig());
        auto strategy = StrategyRepository(m_rig->db())
                            .create(u"스캘핑"_s, Strategies::ScalpingStrategy::typeName(),
                                QJsonObject { { u"take_profit_pct"_s, 50.0 }, { u"stop_loss_pct"_s, 50.0 },
                                    { u"max_holding_sec"_s, 60 } },
                                true, u"test"_s);
        QVERIFY2(strategy.ok(), strategy ? "" : qPrintable(strategy.error().message));
        const QString code = quietStock();
        Trading::SignalRequest r;
        r.kind = SignalKind::Strategy;
        r.source = u"scalping:%1"_s.arg(strategy->id);
        r.side = Side::Buy;
        r.code = code;
        r.signalType = u"BUY"_s;
        r.strategyId = strategy->id;
        r.signal.side = Side::Buy;
        r.signal.strategyType = Strategies::ScalpingStrategy::typeName();
        r.signal.stockCode = code;
        r.signal.timeMs = m_rig->sim().virtualNowMs();
        r.signal.price = double(m_rig->sim().quote(code).price);
        r.signal.reasonCode = u"scalping.momentum"_s;
        r.signal.reason = u"momentum"_s;
        r.actor = u"service.scalping"_s;
        auto outcome = engine().signalManager().submit(r);
        QVERIFY2(outcome.ok(), outcome ? "" : qPrintable(outcome.error().message));

        QVERIFY(m_rig->advanceUntil(
            [&] {
                const auto p = m_rig->livePosition(code);
                return p && p->quantity > 0 && !engine().orders().hasOpenOrder(code, Side::Buy);
            },
            30'000));
        const PositionRecord position = *m_rig->livePosition(code);
        QCOMPARE(position.origin, Origin::Scalping);
        QCOMPARE(position.strategySignalId, std::optional<qint64>(outcome->id));
        QVERIFY(position.exitDeadlineMs.has_value());
        QCOMPARE(*position.exitDeadlineMs, position.buyTimeMs + 60'000);
        // The scalping strategy's own stop / take (50 %), not the settings' 3 % / 5 %.
        QCOMPARE(position.stopLossRate, std::optional<double>(50.0));
        QVERIFY(m_rig->waitUntilWatched(code));
        QCOMPARE(m_rig->livePosition(code)->status, PositionStatus::Open);

        // Held through the minute, sold once it is over.
        m_rig->advance(std::max<qint64>(0, *position.exitDeadlineMs - m_rig->sim().virtualNowMs() - 2000));
        QCOMPARE(m_rig->livePosition(code)->status, PositionStatus::Open);
        const auto closed = waitClosed(position.id, 30'000);
        QVERIFY(closed.has_value());
        verifyClosedAgainstBroker(*closed, SellReason::Risk);
        const SellOrderRecord sell = m_rig->sellOrders(closed->id).first();
        QVERIFY2(sell.sellReasonDetail.contains(u"maximum holding time"_s), qPrintable(sell.sellReasonDetail));
        QVERIFY(*closed->sellTimeMs >= *position.exitDeadlineMs);
    }

    void killSwitchCancelAll()
    {
        QVERIFY(startRig());
        const QString code = quietStock();
        const qint64 price = m_rig->sim().quote(code).price;
        const qint64 limit = Krx::snapDown(qint64(double(price) * 0.92));
        TradingCommands::BuyCommand c;
        c.code = code;
        c.quantity = 10;
        c.type = Trading::OrderType::Limit;
        c.price = limit;
        QVERIFY(engine().commands().buy(c, UI).ok());
        QVERIFY(m_rig->advanceUntil([&] {
            const auto os = m_rig->ordersFor(code);
            return !os.isEmpty() && os.first().state == OrderState::Accepted;
        }));
        {
            auto broker = m_rig->broker();
            QVERIFY(broker.ok());
            int open = 0;
            for (const Ledger::BrokerOrder &o : broker->orders)
                open += o.open && o.code == code ? 1 : 0;
            QCOMPARE(open, 1);
        }

        auto engaged = engine().commands().engageKillSwitch(Trading::KillSwitchMode::CancelAll, u"test"_s, UI);
        QVERIFY2(engaged.ok(), engaged ? "" : qPrintable(engaged.error().message));
        QVERIFY(m_rig->advanceUntil([&] { return m_rig->ordersFor(code).first().state == OrderState::Cancelled; }));
        QVERIFY(engine().orders().openOrders().isEmpty());
        auto broker = m_rig->broker();
        QVERIFY(broker.ok());
        for (const Ledger::BrokerOrder &o : broker->orders)
            QVERIFY2(!o.open, qPrintable(o.orderNo));
        const QStringList problems = m_rig->compareWithBroker();
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"\n"_s)));
        QCOMPARE(engine().killSwitch().mode(), Trading::KillSwitchMode::CancelAll);
    }

    void killSwitchFlattenAll()
    {
        QVERIFY(startRig());
        const QString a = quietStock();
        const QString b = quietStock({ a });
        QVERIFY(!b.isEmpty());
        const auto pa = buyAtMarket(a);
        const auto pb = buyAtMarket(b);
        QVERIFY(pa && pb);

        auto engaged = engine().commands().engageKillSwitch(Trading::KillSwitchMode::FlattenAll, u"test"_s, UI);
        QVERIFY2(engaged.ok(), engaged ? "" : qPrintable(engaged.error().message));
        const auto ca = waitClosed(pa->id);
        const auto cb = waitClosed(pb->id);
        QVERIFY(ca && cb);
        for (const auto &closed : { *ca, *cb }) {
            const auto sells = m_rig->sellOrders(closed.id);
            QCOMPARE(sells.size(), 1);
            QCOMPARE(sells.first().sellReason, SellReason::Risk);
            QCOMPARE(sells.first().status, SellOrderStatus::Completed);
            const Money m = moneyOf(closed.stockCode);
            QCOMPARE(closed.realizedProfitLoss, m.realized());
        }
        auto broker = m_rig->broker({ a, b });
        QVERIFY(broker.ok());
        QVERIFY(broker->holdings.isEmpty());
        QCOMPARE(broker->realized, ca->realizedProfitLoss + cb->realizedProfitLoss);
        QCOMPARE(broker->realizedToday.value(a), ca->realizedProfitLoss);
        QCOMPARE(broker->realizedToday.value(b), cb->realizedProfitLoss);
        const QStringList problems = m_rig->compareWithBroker({ a, b });
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"\n"_s)));
        // No buy while flattened.
        TradingCommands::BuyCommand c;
        c.code = a;
        c.amount = 500'000;
        c.type = Trading::OrderType::Market;
        (void)engine().commands().buy(c, UI);
        m_rig->advance(3000);
        QVERIFY(!m_rig->livePosition(a).has_value());
    }

    void killSwitchNoNewEntriesAndResume()
    {
        QVERIFY(startRig());
        const QString code = quietStock();
        auto engaged = engine().commands().engageKillSwitch(Trading::KillSwitchMode::NoNewEntries, u"test"_s, UI);
        QVERIFY2(engaged.ok(), engaged ? "" : qPrintable(engaged.error().message));

        TradingCommands::BuyCommand c;
        c.code = code;
        c.amount = 1'000'000;
        c.type = Trading::OrderType::Market;
        auto bought = engine().commands().buy(c, UI);
        QVERIFY(bought.ok());
        const qint64 signalId = bought->value(u"signal_id"_s).toInteger();
        QVERIFY(signalId > 0);
        const auto blocked = [&] {
            DecisionFilter f;
            f.code = code;
            f.signalId = signalId;
            const auto lines = engine().ledger().query(f);
            if (!lines)
                return false;
            for (const DecisionRecord &d : lines.value()) {
                if (d.decision == Decision::Blocked && d.rule == u"risk.kill_switch"_s)
                    return true;
            }
            return false;
        };
        QVERIFY(m_rig->advanceUntil(blocked, 10'000));
        QVERIFY(m_rig->ordersFor(code).isEmpty());
        QCOMPARE(m_rig->sim().simRequests(u"kt10000"_s), 0);
        QCOMPARE(SignalRepository(m_rig->db()).findPendingBuy(signalId)->value().status, SignalStatus::Skipped);

        // Only a user resumes.
        auto byService = engine().commands().resume(u"service.stop_loss"_s);
        QVERIFY(!byService.ok());
        QCOMPARE(engine().killSwitch().mode(), Trading::KillSwitchMode::NoNewEntries);
        QVERIFY(engine().commands().resume(UI).ok());
        QCOMPARE(engine().killSwitch().mode(), Trading::KillSwitchMode::Off);

        // Trading again: the next buy is placed and filled.
        const auto position = buyAtMarket(code);
        QVERIFY(position.has_value());
        QCOMPARE(m_rig->sim().simRequests(u"kt10000"_s), 1);
        const QStringList problems = m_rig->compareWithBroker();
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"\n"_s)));
    }
};

QTEST_GUILESS_MAIN(TestEngineSim)
#include "tst_engine_sim.moc"
