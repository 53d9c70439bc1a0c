// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakeordersubmitter.h"
#include "storage/conditionrepository.h"
#include "storage/database.h"
#include "storage/decisionrepository.h"
#include "storage/positionrepository.h"
#include "storage/signalrepository.h"
#include "storage/strategyrepository.h"
#include "storagefixture.h"
#include "trading/buyorderexecutor.h"
#include "trading/decisionledger.h"
#include "trading/marketapi.h"
#include "trading/orderevents.h"
#include "trading/signalmanager.h"

#include <QPointer>
#include <QSignalSpy>
#include <QTimer>
#include <QtTest>

using namespace Storage;
using namespace StorageTest;
using Trading::OrderType;

namespace {

const QString ACTOR = QStringLiteral("test");
const QString SAMSUNG = QStringLiteral("005930");
const QString HYNIX = QStringLiteral("000660");

// IMarketApi with only ka10001 answered (from a table), later, as the real client does.
class FakeMarketApi final : public IMarketApi
{
public:
    QHash<QString, KiwoomResult<Kiwoom::StockInfo>> infos;
    int stockInfoCalls = 0;

    void stockInfo(const QString &code, QObject *context, Callback<Kiwoom::StockInfo> done) override
    {
        ++stockInfoCalls;
        const KiwoomResult<Kiwoom::StockInfo> result = infos.value(
            code, KiwoomError::make(KiwoomError::Kind::Api, QStringLiteral("ka10001"), QStringLiteral("unknown code")));
        later(context, [done, result] { done(result); });
    }
    void watchQuotes(const QStringList &, QObject *context, Callback<QList<Kiwoom::WatchQuote>> done) override
    {
        later(context, [done] { done(unsupported()); });
    }
    void dailyCandles(const QString &, const QDate &, int, QObject *context, Callback<QList<Candle>> done) override
    {
        later(context, [done] { done(unsupported()); });
    }
    void minuteCandles(const QString &, int, int, QObject *context, Callback<QList<Candle>> done) override
    {
        later(context, [done] { done(unsupported()); });
    }
    void listConditions(QObject *context, Callback<QList<Kiwoom::ConditionInfo>> done) override
    {
        later(context, [done] { done(unsupported()); });
    }
    void searchCondition(const QString &, QObject *context, Callback<QList<Kiwoom::ConditionRow>> done) override
    {
        later(context, [done] { done(unsupported()); });
    }
    void startRealtimeCondition(const QString &, QObject *context, Callback<QStringList> done) override
    {
        later(context, [done] { done(unsupported()); });
    }
    void stopRealtimeCondition(const QString &, QObject *context, Callback<bool> done) override
    {
        later(context, [done] { done(unsupported()); });
    }

private:
    static KiwoomError unsupported()
    {
        return KiwoomError::make(KiwoomError::Kind::Invalid, QString(), QStringLiteral("not faked"));
    }
    template<typename F> static void later(QObject *context, F f) { QTimer::singleShot(0, context, f); }
};

Kiwoom::StockInfo stockInfo(const QString &code, qint64 price)
{
    Kiwoom::StockInfo info;
    info.code = code;
    info.price = price;
    return info;
}

Quote quote(const QString &code, qint64 price, qint64 ask = 0)
{
    Quote q;
    q.code = code;
    q.timeMs = T0;
    q.price = price;
    q.bestAsk = ask;
    q.bestBid = ask > 0 ? ask - 100 : 0;
    return q;
}

KiwoomError error(KiwoomError::Kind kind, const QString &message)
{
    return KiwoomError::make(kind, QStringLiteral("kt10000"), message);
}

} // namespace

class TestBuyOrderExecutor final : public QObject
{
    Q_OBJECT

private:
    ManualClock m_clock { T0 };
    std::unique_ptr<Database> m_db;
    std::unique_ptr<DecisionLedger> m_ledger;
    std::unique_ptr<SignalManager> m_manager;
    std::unique_ptr<FakeOrderSubmitter> m_orders;
    std::unique_ptr<OrderEvents> m_events;
    std::unique_ptr<FakeMarketApi> m_market;
    std::unique_ptr<BuyOrderExecutor> m_exec;
    QHash<QString, Quote> m_quotes;
    Trading::KillSwitchMode m_kill = Trading::KillSwitchMode::Off;
    BuyExecutorConfig m_config;
    qint64 m_condition1 = 0;
    qint64 m_condition2 = 0;
    qint64 m_strategy = 0;

    void makeExecutor()
    {
        m_exec = std::make_unique<BuyOrderExecutor>(*m_db, m_clock, *m_orders, *m_events, *m_ledger, m_market.get());
        m_exec->setQuoteSource([this](const QString &code) -> std::optional<Quote> {
            if (!m_quotes.contains(code))
                return std::nullopt;
            return m_quotes.value(code);
        });
        m_exec->setKillSwitchSource([this] { return m_kill; });
        m_exec->setConfigSource([this] { return m_config; });
        QObject::connect(m_manager.get(), &SignalManager::signalCreated, m_exec.get(),
            [this](SignalKind kind, qint64 id) { m_exec->onSignalCreated(kind, id); });
    }

    qint64 conditionSignal(const QString &code, std::optional<qint64> target = 70500, qint64 conditionId = 0)
    {
        Trading::SignalRequest r;
        r.kind = SignalKind::PendingBuy;
        r.conditionId = conditionId > 0 ? conditionId : m_condition1;
        r.source = QStringLiteral("condition:%1").arg(*r.conditionId);
        r.code = code;
        r.name = QStringLiteral("name ") + code;
        r.signalType = QStringLiteral("reference_candle");
        r.signal.targetPrice = target;
        r.signal.referenceCandleHigh = 71000;
        r.signal.price = 70000;
        r.actor = QStringLiteral("service.condition_monitor");
        auto outcome = m_manager->submit(r);
        if (!outcome) {
            qWarning("submit failed: %s", qPrintable(outcome.error().message));
            return 0;
        }
        return outcome->id;
    }
    qint64 strategyBuy(const QString &code, const QString &sourcePrefix = QStringLiteral("strategy"))
    {
        Trading::SignalRequest r;
        r.kind = SignalKind::Strategy;
        r.strategyId = m_strategy;
        r.source = QStringLiteral("%1:%2").arg(sourcePrefix).arg(m_strategy);
        r.code = code;
        r.signalType = QStringLiteral("BUY");
        r.signal.price = 70000;
        r.signal.values.add(QLatin1StringView("rsi"), 27.5);
        auto outcome = m_manager->submit(r);
        return outcome ? outcome->id : 0;
    }
    qint64 manualBuy(const QString &source, std::optional<qint64> quantity, std::optional<qint64> amount,
        std::optional<OrderType> type, std::optional<qint64> limitPrice, const QString &code = SAMSUNG)
    {
        Trading::SignalRequest r;
        r.kind = SignalKind::PendingBuy;
        r.source = source;
        r.code = code;
        r.quantity = quantity;
        r.amount = amount;
        r.orderType = type;
        r.limitPrice = limitPrice;
        r.actor = QStringLiteral("ui");
        auto outcome = m_manager->submit(r);
        return outcome ? outcome->id : 0;
    }
    PendingBuySignalRecord pending(qint64 id) const
    {
        auto row = SignalRepository(*m_db).findPendingBuy(id);
        return row && row->has_value() ? row->value() : PendingBuySignalRecord {};
    }
    StrategySignalRecord strategyRow(qint64 id) const
    {
        auto row = SignalRepository(*m_db).findStrategySignal(id);
        return row && row->has_value() ? row->value() : StrategySignalRecord {};
    }
    // The ledger lines of a signal, oldest first.
    QList<DecisionRecord> lines(DecisionKind kind, qint64 id) const
    {
        auto newestFirst = m_ledger->forSignal(kind, id);
        QList<DecisionRecord> out;
        if (newestFirst) {
            for (auto it = newestFirst->crbegin(); it != newestFirst->crend(); ++it)
                out << *it;
        }
        return out;
    }
    QList<Decision> decisions(DecisionKind kind, qint64 id) const
    {
        QList<Decision> out;
        for (const DecisionRecord &l : lines(kind, id))
            out << l.decision;
        return out;
    }
    QList<Decision> decisions(qint64 pendingId) const { return decisions(DecisionKind::PendingBuy, pendingId); }
    void openPosition(const QString &code)
    {
        PositionRecord p;
        p.stockCode = code;
        p.buyPrice = 68000;
        p.buyQuantity = 10;
        QVERIFY(PositionRepository(*m_db).open(p, ACTOR).ok());
    }
    void toProcessing(qint64 id)
    {
        QVERIFY(SignalRepository(*m_db)
                    .updatePendingBuyStatus(id, SignalStatus::Pending, SignalStatus::Processing, QString(), ACTOR)
                    .ok());
    }

private slots:
    void init()
    {
        m_clock.setNowMs(T0);
        m_db = openMemory(m_clock);
        QVERIFY(m_db);
        m_ledger = std::make_unique<DecisionLedger>(*m_db, m_clock);
        m_manager = std::make_unique<SignalManager>(*m_db, m_clock, *m_ledger);
        m_orders = std::make_unique<FakeOrderSubmitter>(*m_db);
        m_events = std::make_unique<OrderEvents>();
        m_market = std::make_unique<FakeMarketApi>();
        m_quotes.clear();
        m_quotes.insert(SAMSUNG, quote(SAMSUNG, 70000, 70100));
        m_kill = Trading::KillSwitchMode::Off;
        m_config = BuyExecutorConfig {};
        auto c1 = ConditionRepository(*m_db).upsert(QStringLiteral("급등주"), QStringLiteral("0"), ACTOR);
        auto c2 = ConditionRepository(*m_db).upsert(QStringLiteral("거래량"), QStringLiteral("1"), ACTOR);
        QVERIFY(c1.ok() && c2.ok());
        m_condition1 = c1->id;
        m_condition2 = c2->id;
        auto s = StrategyRepository(*m_db).create(QStringLiteral("RSI"), QStringLiteral("rsi"), {}, true, ACTOR);
        QVERIFY(s.ok());
        m_strategy = s->id;
        makeExecutor();
    }
    void cleanup()
    {
        m_exec.reset();
        m_market.reset();
        m_events.reset();
        m_orders.reset();
        m_manager.reset();
        m_ledger.reset();
        m_db.reset();
    }

    void aNewSignalIsBoughtAtOnceAndFilled()
    {
        m_exec->start();
        QCOMPARE(m_orders->intents.size(), 0);
        const qint64 id = conditionSignal(SAMSUNG, 70500);
        QVERIFY(id > 0);
        QCOMPARE(m_orders->intents.size(), 0); // queued: the producer's submit() returned first
        QTRY_COMPARE(m_orders->intents.size(), 1);

        const Trading::OrderIntent intent = m_orders->intents.first();
        QCOMPARE(intent.side, Side::Buy);
        QCOMPARE(intent.code, SAMSUNG);
        QCOMPARE(intent.type, OrderType::Limit);
        QCOMPARE(intent.price, 70100); // min(target 70,500, best ask 70,100)
        QCOMPARE(intent.quantity, 14); // floor(1,000,000 / 70,100)
        QCOMPARE(intent.origin, Origin::Condition);
        QCOMPARE(intent.signalId, std::optional<qint64>(id));
        QCOMPARE(intent.actor, QStringLiteral("service.buy_executor"));
        QCOMPARE(intent.clientOrderId, QStringLiteral("kt-sig-p%1-0").arg(id));
        QCOMPARE(pending(id).status, SignalStatus::Ordered);

        const qint64 orderId = m_orders->placed.first().id;
        auto ordered = lines(DecisionKind::PendingBuy, id);
        QCOMPARE(ordered.size(), 2);
        QCOMPARE(ordered.at(1).decision, Decision::Ordered);
        QCOMPARE(ordered.at(1).orderId, std::optional<qint64>(orderId));
        QCOMPARE(ordered.at(1).data.value(QStringLiteral("price")).toInteger(), 70100);
        QCOMPARE(ordered.at(1).data.value(QStringLiteral("quantity")).toInteger(), 14);
        QCOMPARE(ordered.at(1).data.value(QStringLiteral("amount")).toInteger(), 981400);
        QCOMPARE(ordered.at(1).data.value(QStringLiteral("max_invest_amount")).toInteger(), 1000000);
        QCOMPARE(ordered.at(1).data.value(QStringLiteral("best_ask")).toInteger(), 70100);

        // The sweep sees nothing more to do.
        m_exec->runOnce();
        QCOMPARE(m_orders->intents.size(), 1);

        emit m_events->orderFinished(m_orders->fill(orderId, 70100));
        QCOMPARE(pending(id).status, SignalStatus::Completed);
        QCOMPARE(decisions(id), (QList<Decision> { Decision::Created, Decision::Ordered, Decision::Filled }));
        const DecisionRecord filled = lines(DecisionKind::PendingBuy, id).last();
        QCOMPARE(filled.data.value(QStringLiteral("filled_quantity")).toInteger(), 14);
        QCOMPARE(filled.data.value(QStringLiteral("avg_fill_price")).toInteger(), 70100);
        QCOMPARE(filled.orderId, std::optional<qint64>(orderId));
    }

    void aReferenceCandleBuysAtOrBelowItsTarget()
    {
        m_quotes.insert(SAMSUNG, quote(SAMSUNG, 70200, 70300));
        const qint64 id = conditionSignal(SAMSUNG, 70050); // off the tick: snapped down
        m_exec->runOnce();
        QCOMPARE(m_orders->intents.size(), 1);
        QCOMPARE(m_orders->intents.first().type, OrderType::Limit);
        QCOMPARE(m_orders->intents.first().price, 70000);
        QCOMPARE(m_orders->intents.first().quantity, 14); // floor(1,000,000 / 70,000)
        QCOMPARE(pending(id).status, SignalStatus::Ordered);
    }

    void aStrategyBuysAtTheAskSnappedUpOrAtMarket()
    {
        m_quotes.insert(SAMSUNG, quote(SAMSUNG, 70050)); // no ask known: the last price, snapped up
        const qint64 a = strategyBuy(SAMSUNG);
        m_exec->runOnce();
        QCOMPARE(m_orders->intents.size(), 1);
        QCOMPARE(m_orders->intents.at(0).type, OrderType::Limit);
        QCOMPARE(m_orders->intents.at(0).price, 70100);
        QCOMPARE(m_orders->intents.at(0).quantity, 14);
        QCOMPARE(m_orders->intents.at(0).origin, Origin::Strategy);
        QCOMPARE(m_orders->intents.at(0).clientOrderId, QStringLiteral("kt-sig-s%1-0").arg(a));
        QCOMPARE(strategyRow(a).status, SignalStatus::Ordered);
        QCOMPARE(decisions(DecisionKind::Strategy, a), (QList<Decision> { Decision::Created, Decision::Ordered }));

        m_config.orderType = OrderType::Market;
        m_quotes.insert(HYNIX, quote(HYNIX, 201000, 201500));
        const qint64 b = strategyBuy(HYNIX, QStringLiteral("scalping"));
        m_exec->runOnce();
        QCOMPARE(m_orders->intents.size(), 2);
        QCOMPARE(m_orders->intents.at(1).type, OrderType::Market);
        QCOMPARE(m_orders->intents.at(1).price, 0);
        QCOMPARE(m_orders->intents.at(1).quantity, 4); // floor(1,000,000 / 201,500)
        QCOMPARE(m_orders->intents.at(1).origin, Origin::Scalping);
        QCOMPARE(strategyRow(b).status, SignalStatus::Ordered);
    }

    void quantityZeroIsSkippedWithTheNumbers()
    {
        m_quotes.insert(SAMSUNG, quote(SAMSUNG, 1234000, 1234000));
        const qint64 id = strategyBuy(SAMSUNG);
        m_exec->runOnce();
        QCOMPARE(m_orders->intents.size(), 0);
        const StrategySignalRecord row = strategyRow(id);
        QCOMPARE(row.status, SignalStatus::Skipped);
        QCOMPARE(row.statusReason, QStringLiteral("quantity 0: price 1,234,000 > max invest 1,000,000"));
        const auto l = lines(DecisionKind::Strategy, id);
        QCOMPARE(l.last().decision, Decision::ZeroQuantity);
        QCOMPARE(l.last().message, row.statusReason);
        QCOMPARE(l.last().data.value(QStringLiteral("share_price")).toInteger(), 1234000);
        QCOMPARE(l.last().data.value(QStringLiteral("max_invest_amount")).toInteger(), 1000000);
    }

    void aRiskRefusalSkipsWithTheRule()
    {
        m_orders->refuseNext(
            Error { QStringLiteral("risk.max_open_positions"), QStringLiteral("5 open positions, limit 5") });
        m_orders->refuseNext(Error {
            QStringLiteral("risk.cash"), QStringLiteral("needs 981,548 KRW with fees, orderable 500,000 KRW") });
        const qint64 a = conditionSignal(SAMSUNG);
        m_exec->runOnce();
        const qint64 b = conditionSignal(SAMSUNG, 70500, m_condition2);
        m_exec->runOnce();
        QCOMPARE(m_orders->intents.size(), 2);
        QCOMPARE(m_orders->placed.size(), 0);

        QCOMPARE(pending(a).status, SignalStatus::Skipped);
        QVERIFY(pending(a).statusReason.startsWith(QLatin1String("risk.max_open_positions: ")));
        const DecisionRecord blocked = lines(DecisionKind::PendingBuy, a).last();
        QCOMPARE(blocked.decision, Decision::Blocked);
        QCOMPARE(blocked.rule, QStringLiteral("risk.max_open_positions"));
        QVERIFY(blocked.message.contains(QLatin1String("5 open positions, limit 5")));
        QCOMPARE(blocked.data.value(QStringLiteral("quantity")).toInteger(), 14);

        QCOMPARE(pending(b).status, SignalStatus::Skipped);
        const DecisionRecord noCash = lines(DecisionKind::PendingBuy, b).last();
        QCOMPARE(noCash.decision, Decision::NoCash);
        QCOMPARE(noCash.rule, QStringLiteral("risk.cash"));
    }

    void aBusyDatabaseIsRetriedOtherErrorsFail()
    {
        m_orders->refuseNext(Error { QStringLiteral("storage.busy"), QStringLiteral("database is locked") });
        m_orders->refuseNext(Error { QStringLiteral("order.invalid"), QStringLiteral("no such stock") });
        const qint64 id = conditionSignal(SAMSUNG);
        m_exec->runOnce();
        QCOMPARE(pending(id).status, SignalStatus::Pending);
        QCOMPARE(pending(id).retryCount, 1);
        QCOMPARE(decisions(id).last(), Decision::Retry);
        m_clock.advanceMs(30'000);
        m_exec->runOnce();
        QCOMPARE(m_orders->intents.size(), 2);
        QCOMPARE(pending(id).status, SignalStatus::Failed);
        const DecisionRecord failed = lines(DecisionKind::PendingBuy, id).last();
        QCOMPARE(failed.decision, Decision::Failed);
        QCOMPARE(failed.rule, QStringLiteral("order.invalid"));
        QVERIFY(failed.message.contains(QLatin1String("no such stock")));
    }

    void aRateLimitedOrderIsRetriedAfterTheDelayThenFails()
    {
        m_config.maxRetries = 2;
        m_exec->start();
        const qint64 id = conditionSignal(SAMSUNG);
        QTRY_COMPARE(m_orders->intents.size(), 1);

        auto refuse = [this](int n, KiwoomError::Kind kind) {
            const OrderRecord rejected = m_orders->reject(m_orders->placed.at(n).id, QStringLiteral("refused"));
            emit m_events->orderRejected(
                rejected, error(kind, QStringLiteral("[1700] 허용된 요청 개수를 초과하였습니다")));
            emit m_events->orderFinished(rejected);
            QCoreApplication::processEvents();
        };
        refuse(0, KiwoomError::Kind::RateLimited);
        PendingBuySignalRecord row = pending(id);
        QCOMPARE(row.status, SignalStatus::Pending);
        QCOMPARE(row.retryCount, 1);
        QCOMPARE(row.nextAttemptAtMs, std::optional<qint64>(T0 + 30'000));
        DecisionRecord retry = lines(DecisionKind::PendingBuy, id).last();
        QCOMPARE(retry.decision, Decision::Retry);
        QCOMPARE(retry.orderId, std::optional<qint64>(m_orders->placed.at(0).id));
        QCOMPARE(retry.data.value(QStringLiteral("next_attempt_at")).toInteger(), T0 + 30'000);
        QCOMPARE(retry.data.value(QStringLiteral("max_retries")).toInteger(), 2);

        m_exec->runOnce();
        m_clock.advanceMs(29'999);
        m_exec->runOnce();
        QCOMPARE(m_orders->intents.size(), 1); // not before the 30 s are up
        m_clock.advanceMs(1);
        m_exec->runOnce();
        QCOMPARE(m_orders->intents.size(), 2);
        QCOMPARE(m_orders->intents.at(1).clientOrderId, QStringLiteral("kt-sig-p%1-1").arg(id));
        QCOMPARE(pending(id).status, SignalStatus::Ordered);

        refuse(1, KiwoomError::Kind::Transport); // connection refused: never reached the broker
        QCOMPARE(pending(id).status, SignalStatus::Pending);
        QCOMPARE(pending(id).retryCount, 2);
        m_clock.advanceMs(30'000);
        m_exec->runOnce();
        QCOMPARE(m_orders->intents.size(), 3);

        refuse(2, KiwoomError::Kind::RateLimited);
        row = pending(id);
        QCOMPARE(row.status, SignalStatus::Failed);
        m_clock.advanceMs(120'000);
        m_exec->runOnce();
        QCOMPARE(m_orders->intents.size(), 3);
        QCOMPARE(decisions(id),
            (QList<Decision> { Decision::Created, Decision::Ordered, Decision::Retry, Decision::Ordered,
                Decision::Retry, Decision::Ordered, Decision::Failed }));
        QCOMPARE(lines(DecisionKind::PendingBuy, id).last().orderId, std::optional<qint64>(m_orders->placed.at(2).id));
    }

    void aRejectionIsNeverRetried()
    {
        const qint64 id = conditionSignal(SAMSUNG);
        m_exec->runOnce();
        QCOMPARE(m_orders->intents.size(), 1);
        const QString broker = QStringLiteral("[2000](RC4025:매수증거금이 부족합니다)");
        const OrderRecord rejected = m_orders->reject(m_orders->placed.first().id, broker);
        emit m_events->orderRejected(rejected, error(KiwoomError::Kind::Rejected, broker));
        QCOMPARE(pending(id).status, SignalStatus::Failed);
        const DecisionRecord line = lines(DecisionKind::PendingBuy, id).last();
        QCOMPARE(line.decision, Decision::Rejected);
        QVERIFY(line.message.contains(broker));
        QVERIFY(line.rule.startsWith(QLatin1String("kiwoom.")));
        QCOMPARE(line.orderId, std::optional<qint64>(rejected.id));

        m_clock.advanceMs(10 * 60'000);
        m_exec->runOnce();
        QCOMPARE(m_orders->intents.size(), 1);
    }

    void aRejectionWithoutItsErrorEventStillEndsTheSignal()
    {
        const qint64 id = conditionSignal(SAMSUNG);
        m_exec->runOnce();
        const OrderRecord rejected = m_orders->reject(m_orders->placed.first().id, QStringLiteral("가격 오류"));
        emit m_events->orderFinished(rejected);
        QCOMPARE(pending(id).status, SignalStatus::Ordered); // orderRejected may still come
        QTRY_COMPARE(pending(id).status, SignalStatus::Failed);
        QCOMPARE(lines(DecisionKind::PendingBuy, id).last().decision, Decision::Rejected);
        QVERIFY(lines(DecisionKind::PendingBuy, id).last().message.contains(QStringLiteral("가격 오류")));
    }

    void noSecondOrderWhileOrderedOrUnknown()
    {
        const qint64 id = conditionSignal(SAMSUNG);
        m_exec->runOnce();
        m_exec->runOnce();
        m_exec->process(SignalKind::PendingBuy, id);
        m_exec->onSignalCreated(SignalKind::PendingBuy, id);
        QCoreApplication::processEvents();
        QCOMPARE(m_orders->intents.size(), 1);

        const OrderRecord unknown = m_orders->markUnknown(m_orders->placed.first().id);
        emit m_events->orderOutcomeUnknown(
            unknown, error(KiwoomError::Kind::OutcomeUnknown, QStringLiteral("reply lost")));
        QCOMPARE(pending(id).status, SignalStatus::Ordered);
        QCOMPARE(lines(DecisionKind::PendingBuy, id).last().decision, Decision::Unknown);
        m_clock.advanceMs(3600'000);
        m_exec->runOnce();
        QCOMPARE(m_orders->intents.size(), 1);

        // Another condition's signal for the same stock: the unknown buy blocks it.
        const qint64 other = conditionSignal(SAMSUNG, 70500, m_condition2);
        m_exec->runOnce();
        QCOMPARE(m_orders->intents.size(), 1);
        QCOMPARE(pending(other).status, SignalStatus::Skipped);
        QCOMPARE(lines(DecisionKind::PendingBuy, other).last().rule, QStringLiteral("signal.open_buy"));
    }

    void cancelledOrdersEndTheSignal()
    {
        m_quotes.insert(HYNIX, quote(HYNIX, 200000, 200500));
        const qint64 a = conditionSignal(SAMSUNG);
        const qint64 b = conditionSignal(HYNIX, 201000);
        m_exec->runOnce();
        QCOMPARE(m_orders->placed.size(), 2);
        emit m_events->orderFinished(m_orders->cancel(m_orders->placed.at(0).id, 5, 70100));
        emit m_events->orderFinished(m_orders->cancel(m_orders->placed.at(1).id));
        QCOMPARE(pending(a).status, SignalStatus::Completed);
        QCOMPARE(decisions(a).last(), Decision::Partial);
        QCOMPARE(
            lines(DecisionKind::PendingBuy, a).last().data.value(QStringLiteral("filled_quantity")).toInteger(), 5);
        QCOMPARE(pending(b).status, SignalStatus::Cancelled);
        QCOMPARE(decisions(b).last(), Decision::Cancelled);
    }

    void yesterdaysSignalExpires()
    {
        const qint64 id = conditionSignal(SAMSUNG); // the executor is not running: it waits
        QCoreApplication::processEvents();
        QCOMPARE(pending(id).status, SignalStatus::Pending);
        m_clock.advanceMs(DAY_MS);
        m_exec->runOnce();
        QCOMPARE(m_orders->intents.size(), 0);
        QCOMPARE(pending(id).status, SignalStatus::Expired);
        QCOMPARE(decisions(id), (QList<Decision> { Decision::Created, Decision::Expired }));
        const DecisionRecord expired = lines(DecisionKind::PendingBuy, id).last();
        QCOMPARE(expired.data.value(QStringLiteral("detected_date")).toString(), QStringLiteral("2025-03-14"));
        QCOMPARE(expired.tradingDate, QStringLiteral("2025-03-15"));
    }

    void processingSignalsAreRecoveredAfterACrash()
    {
        m_quotes.insert(HYNIX, quote(HYNIX, 200000, 200500));
        // A: the app died before any order; B: after its order was stored; C: its order filled meanwhile.
        const qint64 a = conditionSignal(SAMSUNG);
        const qint64 b = conditionSignal(HYNIX, 201000);
        const qint64 c = conditionSignal(QStringLiteral("035720"), 50000);
        for (qint64 id : { a, b, c })
            toProcessing(id);
        auto place = [this](qint64 signalId, const QString &code) {
            Trading::OrderIntent intent;
            intent.code = code;
            intent.quantity = 4;
            intent.price = 200500;
            intent.origin = Origin::Condition;
            intent.signalId = signalId;
            intent.actor = QStringLiteral("service.buy_executor");
            auto placed = m_orders->submit(intent);
            QVERIFY(placed.ok());
        };
        place(b, HYNIX);
        place(c, QStringLiteral("035720"));
        m_orders->fill(m_orders->placed.at(1).id, 200500);

        m_exec->start();
        QCOMPARE(pending(b).status, SignalStatus::Ordered);
        QCOMPARE(pending(c).status, SignalStatus::Completed);
        QCOMPARE(pending(a).status, SignalStatus::Ordered); // back to PENDING, then bought by the sweep
        QCOMPARE(m_orders->intents.size(), 3);
        QCOMPARE(m_orders->intents.last().code, SAMSUNG);
        QCOMPARE(decisions(a), (QList<Decision> { Decision::Created, Decision::Retry, Decision::Ordered }));
        QCOMPARE(decisions(b), (QList<Decision> { Decision::Created, Decision::Ordered }));
        QCOMPARE(lines(DecisionKind::PendingBuy, b).last().orderId, std::optional<qint64>(m_orders->placed.at(0).id));
        QCOMPARE(decisions(c), (QList<Decision> { Decision::Created, Decision::Ordered, Decision::Filled }));

        m_exec->runOnce();
        QCOMPARE(m_orders->intents.size(), 3);
    }

    void heldStocksAndOpenBuysAreSkipped()
    {
        openPosition(SAMSUNG);
        const qint64 id = conditionSignal(SAMSUNG);
        m_exec->runOnce();
        QCOMPARE(m_orders->intents.size(), 0);
        QCOMPARE(pending(id).status, SignalStatus::Skipped);
        const DecisionRecord skipped = lines(DecisionKind::PendingBuy, id).last();
        QCOMPARE(skipped.decision, Decision::Skipped);
        QCOMPARE(skipped.rule, QStringLiteral("signal.held"));

        // A user may add to a position.
        const qint64 manual = manualBuy(QStringLiteral("manual"), 3, std::nullopt, OrderType::Market, std::nullopt);
        m_exec->runOnce();
        QCOMPARE(m_orders->intents.size(), 1);
        QCOMPARE(pending(manual).status, SignalStatus::Ordered);

        m_quotes.insert(HYNIX, quote(HYNIX, 200000, 200500));
        m_orders->openBuys.insert(HYNIX);
        const qint64 open = conditionSignal(HYNIX, 201000);
        m_exec->runOnce();
        QCOMPARE(m_orders->intents.size(), 1);
        QCOMPARE(pending(open).status, SignalStatus::Skipped);
        QCOMPARE(lines(DecisionKind::PendingBuy, open).last().rule, QStringLiteral("signal.open_buy"));
    }

    void theKillSwitchAndAutoTradingOffStopAutomaticBuys()
    {
        m_kill = Trading::KillSwitchMode::NoNewEntries;
        const qint64 a = conditionSignal(SAMSUNG);
        m_exec->runOnce();
        QCOMPARE(pending(a).status, SignalStatus::Skipped);
        const DecisionRecord blocked = lines(DecisionKind::PendingBuy, a).last();
        QCOMPARE(blocked.decision, Decision::Blocked);
        QCOMPARE(blocked.rule, QStringLiteral("risk.kill_switch"));
        QCOMPARE(blocked.data.value(QStringLiteral("kill_switch")).toString(), QStringLiteral("NO_NEW_ENTRIES"));

        m_kill = Trading::KillSwitchMode::Off;
        m_config.autoTradeEnabled = false;
        const qint64 b = conditionSignal(SAMSUNG, 70500, m_condition2);
        const qint64 manual = manualBuy(QStringLiteral("api"), 2, std::nullopt, std::nullopt, std::nullopt);
        m_exec->runOnce();
        QCOMPARE(pending(b).status, SignalStatus::Skipped);
        QCOMPARE(lines(DecisionKind::PendingBuy, b).last().rule, QStringLiteral("auto_trade.disabled"));
        QCOMPARE(pending(manual).status, SignalStatus::Ordered);
        QCOMPARE(m_orders->intents.size(), 1);
    }

    void manualAndApiBuysAsRequested()
    {
        const qint64 a = manualBuy(QStringLiteral("manual"), 7, std::nullopt, OrderType::Market, std::nullopt);
        const qint64 b = manualBuy(QStringLiteral("api"), std::nullopt, 500000, OrderType::Limit, 69950, HYNIX);
        m_quotes.insert(HYNIX, quote(HYNIX, 71000, 71100));
        m_exec->runOnce();
        QCOMPARE(m_orders->intents.size(), 2);
        const Trading::OrderIntent market = m_orders->intents.at(0);
        QCOMPARE(market.type, OrderType::Market);
        QCOMPARE(market.price, 0);
        QCOMPARE(market.quantity, 7);
        QCOMPARE(market.origin, Origin::Manual);
        QCOMPARE(market.actor, QStringLiteral("ui"));
        const Trading::OrderIntent limit = m_orders->intents.at(1);
        QCOMPARE(limit.type, OrderType::Limit);
        QCOMPARE(limit.price, 69900); // the user's limit, on the tick
        QCOMPARE(limit.quantity, 7); // floor(500,000 / 69,900)
        QCOMPARE(limit.origin, Origin::Api);
        QCOMPARE(limit.actor, QStringLiteral("api"));
        QCOMPARE(decisions(DecisionKind::Manual, a), (QList<Decision> { Decision::Created, Decision::Ordered }));
        QCOMPARE(decisions(DecisionKind::Manual, b), (QList<Decision> { Decision::Created, Decision::Ordered }));

        // An amount too small for one share.
        const qint64 c = manualBuy(
            QStringLiteral("api"), std::nullopt, 50000, std::nullopt, std::nullopt, QStringLiteral("035720"));
        m_quotes.insert(QStringLiteral("035720"), quote(QStringLiteral("035720"), 60000, 60100));
        m_exec->runOnce();
        QCOMPARE(pending(c).status, SignalStatus::Skipped);
        QCOMPARE(pending(c).statusReason, QStringLiteral("quantity 0: price 60,100 > amount 50,000"));
    }

    void withoutAQuoteThePriceComesFromStockInfo()
    {
        m_quotes.clear();
        m_market->infos.insert(SAMSUNG, stockInfo(SAMSUNG, 70000));
        m_market->infos.insert(HYNIX,
            KiwoomError::make(KiwoomError::Kind::Timeout, QStringLiteral("ka10001"), QStringLiteral("no reply")));
        const qint64 a = conditionSignal(SAMSUNG, 70500);
        const qint64 b = conditionSignal(HYNIX, 201000);
        m_exec->runOnce();
        QCOMPARE(pending(a).status, SignalStatus::Processing); // the price is on its way
        m_exec->runOnce(); // the sweep leaves a signal being worked on alone
        QCOMPARE(m_market->stockInfoCalls, 2);
        QTRY_COMPARE(m_orders->intents.size(), 1);
        QCOMPARE(m_orders->intents.first().price, 70000);
        QCOMPARE(m_orders->intents.first().quantity, 14);
        QCOMPARE(pending(a).status, SignalStatus::Ordered);
        QTRY_COMPARE(pending(b).status, SignalStatus::Pending);
        QCOMPARE(pending(b).retryCount, 1);
        QCOMPARE(decisions(b).last(), Decision::Retry);
    }

    void anEventDuringSubmitWaitsForTheOrderedMark()
    {
        m_orders->whileSubmitting = [this](const OrderRecord &order) {
            m_orders->whileSubmitting = nullptr;
            emit m_events->orderRejected(m_orders->reject(order.id, QStringLiteral("busy")),
                error(KiwoomError::Kind::RateLimited, QStringLiteral("[1700] too many requests")));
        };
        const qint64 id = conditionSignal(SAMSUNG);
        m_exec->runOnce();
        QCOMPARE(m_orders->intents.size(), 1);
        QCOMPARE(pending(id).status, SignalStatus::Pending);
        QCOMPARE(pending(id).retryCount, 1);
        QCOMPARE(decisions(id), (QList<Decision> { Decision::Created, Decision::Ordered, Decision::Retry }));
    }

    void aLateEventOfAnEarlierAttemptIsIgnored()
    {
        const qint64 id = conditionSignal(SAMSUNG);
        m_exec->runOnce();
        const OrderRecord first = m_orders->reject(m_orders->placed.first().id, QStringLiteral("rate limited"));
        emit m_events->orderRejected(first, error(KiwoomError::Kind::RateLimited, QStringLiteral("[1700]")));
        m_clock.advanceMs(30'000);
        m_exec->runOnce();
        QCOMPARE(m_orders->intents.size(), 2);
        QCOMPARE(pending(id).status, SignalStatus::Ordered);

        emit m_events->orderRejected(first, error(KiwoomError::Kind::Rejected, QStringLiteral("late duplicate")));
        emit m_events->orderFinished(first);
        QCoreApplication::processEvents();
        QCOMPARE(pending(id).status, SignalStatus::Ordered);
    }

    void sellSignalsAreLeftToTheExitPath()
    {
        openPosition(SAMSUNG);
        Trading::SignalRequest r;
        r.kind = SignalKind::Strategy;
        r.strategyId = m_strategy;
        r.side = Side::Sell;
        r.code = SAMSUNG;
        r.signalType = QStringLiteral("SELL");
        auto sell = m_manager->submit(r);
        QVERIFY(sell.ok());
        QCOMPARE(strategyRow(sell->id).status, SignalStatus::Pending);
        m_exec->start();
        m_clock.advanceMs(60'000);
        m_exec->runOnce();
        QCOMPARE(m_orders->intents.size(), 0);
        QCOMPARE(strategyRow(sell->id).status, SignalStatus::Pending);
        QCOMPARE(decisions(DecisionKind::Strategy, sell->id), QList<Decision> { Decision::Created });
    }

    void ordersMissedWhileDownAreSettledByTheSweep()
    {
        const qint64 id = conditionSignal(SAMSUNG);
        m_exec->runOnce();
        m_orders->fill(m_orders->placed.first().id, 70100); // nobody emitted orderFinished
        m_exec->runOnce();
        QCOMPARE(pending(id).status, SignalStatus::Completed);
        QCOMPARE(decisions(id).last(), Decision::Filled);
    }
};

QTEST_GUILESS_MAIN(TestBuyOrderExecutor)
#include "tst_buyorderexecutor.moc"
