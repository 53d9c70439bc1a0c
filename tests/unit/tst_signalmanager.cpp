// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/conditionrepository.h"
#include "storage/database.h"
#include "storage/decisionrepository.h"
#include "storage/positionrepository.h"
#include "storage/signalrepository.h"
#include "storage/strategyrepository.h"
#include "storagefixture.h"
#include "trading/decisionledger.h"
#include "trading/signalmanager.h"

#include <QSignalSpy>
#include <QtTest>

using namespace Storage;
using namespace StorageTest;

namespace {

const QString ACTOR = QStringLiteral("test");

QList<Decision> decisionsOf(const QList<DecisionRecord> &lines)
{
    QList<Decision> out;
    for (auto it = lines.crbegin(); it != lines.crend(); ++it) // oldest first
        out << it->decision;
    return out;
}

} // namespace

class TestSignalManager final : public QObject
{
    Q_OBJECT

private:
    ManualClock m_clock { T0 };
    std::unique_ptr<Database> m_db;
    std::unique_ptr<DecisionLedger> m_ledger;
    std::unique_ptr<SignalManager> m_manager;
    qint64 m_condition1 = 0;
    qint64 m_condition2 = 0;
    qint64 m_strategy = 0;

    Trading::SignalRequest conditionBuy(qint64 conditionId, const QString &code = QStringLiteral("005930")) const
    {
        Trading::SignalRequest r;
        r.kind = SignalKind::PendingBuy;
        r.source = QStringLiteral("condition:%1").arg(conditionId);
        r.code = code;
        r.name = QStringLiteral("삼성전자");
        r.signalType = QStringLiteral("reference_candle");
        r.conditionId = conditionId;
        r.signal.side = Side::Buy;
        r.signal.strategyType = QStringLiteral("reference_candle");
        r.signal.stockCode = code;
        r.signal.price = 70000;
        r.signal.reasonCode = QStringLiteral("reference_candle.breakout");
        r.signal.reason = QStringLiteral("close above the reference candle's high");
        r.signal.referenceCandleHigh = 71000;
        r.signal.referenceCandleTimeMs = T0 - DAY_MS;
        r.signal.targetPrice = 70500;
        r.actor = QStringLiteral("service.condition_monitor");
        return r;
    }
    Trading::SignalRequest strategySignal(Side side, const QString &code = QStringLiteral("005930")) const
    {
        Trading::SignalRequest r;
        r.kind = SignalKind::Strategy;
        r.source = QStringLiteral("strategy:%1").arg(m_strategy);
        r.side = side;
        r.code = code;
        r.signalType = Sides::text(side);
        r.strategyId = m_strategy;
        r.signal.side = side;
        r.signal.strategyType = QStringLiteral("rsi");
        r.signal.stockCode = code;
        r.signal.price = 70000;
        r.signal.reasonCode = side == Side::Sell ? QStringLiteral("rsi.overbought_turning_down")
                                                 : QStringLiteral("rsi.oversold_turning_up");
        r.signal.reason = side == Side::Sell ? QStringLiteral("RSI 72.1 > 70 turning down")
                                             : QStringLiteral("RSI 27.5 < 30 turning up");
        r.signal.values.add(QLatin1StringView("rsi"), side == Side::Sell ? 72.1 : 27.5);
        r.actor = QStringLiteral("service.strategy_scanner");
        return r;
    }
    Trading::SignalRequest manualBuy(const QString &source) const
    {
        Trading::SignalRequest r;
        r.kind = SignalKind::PendingBuy;
        r.source = source;
        r.code = QStringLiteral("005930");
        r.quantity = 10;
        r.orderType = Trading::OrderType::Limit;
        r.limitPrice = 70000;
        r.actor = QStringLiteral("ui");
        return r;
    }
    qint64 rows(const QString &table) const { return countRows(m_db->connection(), table); }
    QList<DecisionRecord> ledgerOf(const QString &code = QStringLiteral("005930")) const
    {
        auto lines = m_ledger->forStock(code, QStringLiteral("2025-03-14"));
        return lines ? lines.value() : QList<DecisionRecord> {};
    }
    void openPosition(const QString &code)
    {
        PositionRecord p;
        p.stockCode = code;
        p.stockName = QStringLiteral("삼성전자");
        p.buyPrice = 68000;
        p.buyQuantity = 10;
        p.origin = Origin::Manual;
        QVERIFY(PositionRepository(*m_db).open(p, ACTOR).ok());
    }

private slots:
    void init()
    {
        m_clock.setNowMs(T0);
        m_db = openMemory(m_clock);
        QVERIFY(m_db);
        m_ledger = std::make_unique<DecisionLedger>(*m_db, m_clock);
        m_manager = std::make_unique<SignalManager>(*m_db, m_clock, *m_ledger);
        auto c1 = ConditionRepository(*m_db).upsert(QStringLiteral("급등주"), QStringLiteral("0"), ACTOR);
        auto c2 = ConditionRepository(*m_db).upsert(QStringLiteral("거래량"), QStringLiteral("1"), ACTOR);
        QVERIFY(c1.ok() && c2.ok());
        m_condition1 = c1->id;
        m_condition2 = c2->id;
        auto s = StrategyRepository(*m_db).create(QStringLiteral("RSI"), QStringLiteral("rsi"), {}, true, ACTOR);
        QVERIFY(s.ok());
        m_strategy = s->id;
    }
    void cleanup()
    {
        m_manager.reset();
        m_ledger.reset();
        m_db.reset();
    }

    void sameStockDateTypeAndSourceIsOneSignal()
    {
        QSignalSpy created(m_manager.get(), &SignalManager::signalCreated);
        auto first = m_manager->submit(conditionBuy(m_condition1));
        QVERIFY(first.ok());
        QVERIFY(!first->duplicate);
        m_clock.advanceMs(10 * 60 * 1000); // the next 10-minute scan finds it again
        auto second = m_manager->submit(conditionBuy(m_condition1));
        QVERIFY(second.ok());
        QVERIFY(second->duplicate);
        QCOMPARE(second->id, first->id);
        QCOMPARE(rows(QStringLiteral("pending_buy_signals")), 1);
        QCOMPARE(created.count(), 1);
        QCOMPARE(created.at(0).at(0).value<SignalKind>(), SignalKind::PendingBuy);
        QCOMPARE(created.at(0).at(1).toLongLong(), first->id);

        const auto lines = ledgerOf();
        QCOMPARE(decisionsOf(lines), (QList<Decision> { Decision::Created, Decision::Deduped }));
        QCOMPARE(lines.first().signalId, std::optional<qint64>(first->id));
        QCOMPARE(lines.first().kind, DecisionKind::PendingBuy);
        QCOMPARE(lines.first().source, QStringLiteral("condition:%1").arg(m_condition1));
        QCOMPARE(lines.last().data.value(QStringLiteral("target_price")).toInteger(), 70500);

        auto row = SignalRepository(*m_db).findPendingBuy(first->id);
        QVERIFY(row.ok() && row->has_value());
        QCOMPARE(row->value().status, SignalStatus::Pending);
        QCOMPARE(row->value().targetPrice, std::optional<qint64>(70500));
        QCOMPARE(row->value().referenceCandleHigh, std::optional<qint64>(71000));
        QCOMPARE(row->value().detectedDate, QStringLiteral("2025-03-14"));
    }

    void anotherSourceIsAnotherSignal()
    {
        auto a = m_manager->submit(conditionBuy(m_condition1));
        auto b = m_manager->submit(conditionBuy(m_condition2));
        QVERIFY(a.ok() && b.ok());
        QVERIFY(!a->duplicate && !b->duplicate);
        QVERIFY(a->id != b->id);
        QCOMPARE(rows(QStringLiteral("pending_buy_signals")), 2);
    }

    void theNextTradingDateIsANewSignal()
    {
        auto a = m_manager->submit(conditionBuy(m_condition1));
        m_clock.advanceMs(DAY_MS); // the market clock says Saturday: a new date all the same
        auto b = m_manager->submit(conditionBuy(m_condition1));
        QVERIFY(a.ok() && b.ok());
        QVERIFY(!b->duplicate);
        QVERIFY(a->id != b->id);
    }

    void manualBuysAreNeverDeduped()
    {
        QSignalSpy created(m_manager.get(), &SignalManager::signalCreated);
        auto a = m_manager->submit(manualBuy(QStringLiteral("manual")));
        auto b = m_manager->submit(manualBuy(QStringLiteral("manual")));
        auto c = m_manager->submit(manualBuy(QStringLiteral("manual:%1").arg(QUuid::createUuid().toString())));
        QVERIFY(a.ok() && b.ok() && c.ok());
        QVERIFY(!a->duplicate && !b->duplicate && !c->duplicate);
        QCOMPARE(QSet<qint64>({ a->id, b->id, c->id }).size(), 3);
        QCOMPARE(created.count(), 3);
        auto row = SignalRepository(*m_db).findPendingBuy(a->id);
        QVERIFY(row.ok() && row->has_value());
        QVERIFY(row->value().source.startsWith(QLatin1String("manual:")));
        QVERIFY(row->value().source.size() > 10);
        QCOMPARE(row->value().signalType, QStringLiteral("manual"));
        QCOMPARE(row->value().requestedQuantity, std::optional<qint64>(10));
        QCOMPARE(row->value().orderType, QStringLiteral("LIMIT"));
        QCOMPARE(row->value().targetPrice, std::optional<qint64>(70000)); // the user's limit price
        QCOMPARE(ledgerOf().first().kind, DecisionKind::Manual);
    }

    void anApiBuyWithItsOwnKeyIsIdempotent()
    {
        // The control API passes its Idempotency-Key as the source's id: a repeated request is one buy.
        auto a = m_manager->submit(manualBuy(QStringLiteral("api:key-1")));
        auto b = m_manager->submit(manualBuy(QStringLiteral("api:key-1")));
        QVERIFY(a.ok() && b.ok());
        QVERIFY(b->duplicate);
        QCOMPARE(b->id, a->id);
    }

    void manualAmountAndMarketOrder()
    {
        Trading::SignalRequest r = manualBuy(QStringLiteral("api"));
        r.quantity.reset();
        r.amount = 500000;
        r.orderType = Trading::OrderType::Market;
        r.limitPrice.reset();
        auto a = m_manager->submit(r);
        QVERIFY(a.ok());
        auto row = SignalRepository(*m_db).findPendingBuy(a->id);
        QVERIFY(row.ok() && row->has_value());
        QCOMPARE(row->value().requestedAmount, std::optional<qint64>(500000));
        QCOMPARE(row->value().requestedQuantity, std::nullopt);
        QCOMPARE(row->value().orderType, QStringLiteral("MARKET"));
        QCOMPARE(row->value().targetPrice, std::nullopt);
    }

    void invalidRequestsWriteNothing_data()
    {
        QTest::addColumn<int>("which");
        QTest::newRow("no code") << 0;
        QTest::newRow("no source") << 1;
        QTest::newRow("strategy without its id") << 2;
        QTest::newRow("a pending buy that sells") << 3;
        QTest::newRow("quantity 0") << 4;
        QTest::newRow("quantity and amount") << 5;
        QTest::newRow("negative limit price") << 6;
    }
    void invalidRequestsWriteNothing()
    {
        QFETCH(int, which);
        Trading::SignalRequest r = manualBuy(QStringLiteral("manual"));
        switch (which) {
        case 0:
            r.code.clear();
            break;
        case 1:
            r = conditionBuy(m_condition1);
            r.source.clear();
            r.conditionId.reset();
            break;
        case 2:
            r = strategySignal(Side::Buy);
            r.strategyId.reset();
            break;
        case 3:
            r.side = Side::Sell;
            break;
        case 4:
            r.quantity = 0;
            break;
        case 5:
            r.amount = 100000;
            break;
        case 6:
            r.limitPrice = -5;
            break;
        }
        QSignalSpy created(m_manager.get(), &SignalManager::signalCreated);
        auto result = m_manager->submit(r);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("signal.invalid"));
        QCOMPARE(rows(QStringLiteral("pending_buy_signals")), 0);
        QCOMPARE(rows(QStringLiteral("strategy_signals")), 0);
        QCOMPARE(rows(QStringLiteral("signal_decisions")), 0);
        QCOMPARE(created.count(), 0);
    }

    void aConditionSourceDefaultsFromItsId()
    {
        Trading::SignalRequest r = conditionBuy(m_condition1);
        r.source.clear();
        auto a = m_manager->submit(r);
        QVERIFY(a.ok());
        auto row = SignalRepository(*m_db).findPendingBuy(a->id);
        QCOMPARE(row->value().source, QStringLiteral("condition:%1").arg(m_condition1));
    }

    void strategyBuyKeepsItsSourceAndNumbers()
    {
        QSignalSpy created(m_manager.get(), &SignalManager::signalCreated);
        Trading::SignalRequest r = strategySignal(Side::Buy);
        r.source = QStringLiteral("scalping:%1").arg(m_strategy);
        auto a = m_manager->submit(r);
        QVERIFY(a.ok());
        QCOMPARE(a->kind, SignalKind::Strategy);
        QCOMPARE(created.count(), 1);
        QCOMPARE(created.at(0).at(0).value<SignalKind>(), SignalKind::Strategy);
        auto row = SignalRepository(*m_db).findStrategySignal(a->id);
        QVERIFY(row.ok() && row->has_value());
        QCOMPARE(row->value().status, SignalStatus::Pending);
        QCOMPARE(row->value().signalType, QStringLiteral("BUY"));
        QCOMPARE(row->value().signalValue, std::optional<double>(27.5));
        QCOMPARE(row->value().additionalData.value(QStringLiteral("source")).toString(), r.source);
        QCOMPARE(row->value().additionalData.value(QStringLiteral("side")).toString(), QStringLiteral("BUY"));
        QCOMPARE(ledgerOf().first().kind, DecisionKind::Strategy);
        QCOMPARE(ledgerOf().first().decision, Decision::Created);
    }

    void aBuyOfAHeldStockIsStillRecorded()
    {
        openPosition(QStringLiteral("005930"));
        QSignalSpy created(m_manager.get(), &SignalManager::signalCreated);
        auto a = m_manager->submit(strategySignal(Side::Buy));
        QVERIFY(a.ok());
        QCOMPARE(created.count(), 1); // the executor skips it and says why
    }

    void aSellSignalOfAHeldStockRequestsTheExit()
    {
        openPosition(QStringLiteral("005930"));
        QSignalSpy exits(m_manager.get(), &SignalManager::exitRequested);
        QSignalSpy created(m_manager.get(), &SignalManager::signalCreated);
        auto a = m_manager->submit(strategySignal(Side::Sell));
        QVERIFY(a.ok());
        QVERIFY(!a->duplicate);
        QCOMPARE(created.count(), 0);
        QCOMPARE(exits.count(), 1);
        const auto exit = exits.at(0).at(0).value<Trading::ExitRequest>();
        QCOMPARE(exit.code, QStringLiteral("005930"));
        QCOMPARE(exit.reason, SellReason::Strategy);
        QCOMPARE(exit.signalKind, std::optional<SignalKind>(SignalKind::Strategy));
        QCOMPARE(exit.signalId, std::optional<qint64>(a->id));
        QCOMPARE(exit.actor, QStringLiteral("service.strategy_scanner"));
        QCOMPARE(exit.detail, QStringLiteral("rsi.overbought_turning_down: RSI 72.1 > 70 turning down"));
        auto row = SignalRepository(*m_db).findStrategySignal(a->id);
        QCOMPARE(row->value().status, SignalStatus::Pending); // the exit path settles it
        QCOMPARE(row->value().signalType, QStringLiteral("SELL"));
        const auto lines = ledgerOf();
        QCOMPARE(decisionsOf(lines), QList<Decision> { Decision::Created });
        QVERIFY(lines.first().data.contains(QStringLiteral("position_id")));

        // The next scan fires again: recorded once, exited once.
        auto again = m_manager->submit(strategySignal(Side::Sell));
        QVERIFY(again.ok());
        QVERIFY(again->duplicate);
        QCOMPARE(exits.count(), 1);
        QCOMPARE(decisionsOf(ledgerOf()), (QList<Decision> { Decision::Created, Decision::Deduped }));
    }

    void aSellSignalOfAStockNotHeldIsSkipped()
    {
        QSignalSpy exits(m_manager.get(), &SignalManager::exitRequested);
        auto a = m_manager->submit(strategySignal(Side::Sell));
        QVERIFY(a.ok());
        QCOMPARE(exits.count(), 0);
        auto row = SignalRepository(*m_db).findStrategySignal(a->id);
        QCOMPARE(row->value().status, SignalStatus::Skipped);
        QCOMPARE(row->value().statusReason, QStringLiteral("not held"));
        QCOMPARE(decisionsOf(ledgerOf()), (QList<Decision> { Decision::Created, Decision::Skipped }));
    }
};

QTEST_GUILESS_MAIN(TestSignalManager)
#include "tst_signalmanager.moc"
