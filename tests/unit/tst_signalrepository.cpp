// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/auditlog.h"
#include "storage/conditionrepository.h"
#include "storage/database.h"
#include "storage/orderrepository.h"
#include "storage/signalrepository.h"
#include "storage/sqlutil.h"
#include "storage/strategyrepository.h"
#include "storagefixture.h"

#include <QtTest>

using namespace Storage;
using namespace StorageTest;

namespace {

const QString ACTOR = QStringLiteral("service.signals");

PendingBuySignalRecord buySignal(
    qint64 conditionId, const QString &code, const QString &type = QStringLiteral("REFERENCE_CANDLE"))
{
    PendingBuySignalRecord s;
    s.conditionId = conditionId;
    s.stockCode = code;
    s.stockName = QStringLiteral("name ") + code;
    s.signalType = type;
    s.referenceCandleHigh = 71000;
    s.referenceCandleTimeMs = T0 - DAY_MS;
    s.targetPrice = 70500;
    return s;
}

StrategySignalRecord strategySignal(qint64 strategyId, const QString &code, const QString &type = QStringLiteral("BUY"))
{
    StrategySignalRecord s;
    s.strategyId = strategyId;
    s.stockCode = code;
    s.signalType = type;
    s.signalValue = 27.5;
    s.additionalData = QJsonObject { { QStringLiteral("rsi"), 27.5 }, { QStringLiteral("volumeRatio"), 2.1 } };
    return s;
}

} // namespace

class TestSignalRepository final : public QObject
{
    Q_OBJECT

private:
    ManualClock m_clock { T0 };
    std::unique_ptr<Database> m_db;
    std::unique_ptr<SignalRepository> m_signals;
    qint64 m_conditionId = 0;
    qint64 m_strategyId = 0;

    qint64 audits(const QString &entity) const
    {
        return countRows(m_db->connection(), QStringLiteral("audit_log"), QStringLiteral("entity = '%1'").arg(entity));
    }

private slots:
    void init()
    {
        m_clock.setNowMs(T0);
        m_db = openMemory(m_clock);
        QVERIFY(m_db);
        m_signals = std::make_unique<SignalRepository>(*m_db);
        auto condition = ConditionRepository(*m_db).upsert(QStringLiteral("급등주"), QStringLiteral("0"), ACTOR);
        QVERIFY(condition.ok());
        m_conditionId = condition.value().id;
        auto strategy = StrategyRepository(*m_db).create(QStringLiteral("RSI"), QStringLiteral("rsi"), {}, true, ACTOR);
        QVERIFY(strategy.ok());
        m_strategyId = strategy.value().id;
    }
    void cleanup()
    {
        m_signals.reset();
        m_db.reset();
    }

    void insertStoresAndAudits()
    {
        auto inserted = m_signals->insertPendingBuy(buySignal(m_conditionId, QStringLiteral("005930")), ACTOR);
        QVERIFY2(inserted.ok(), qPrintable(inserted.ok() ? QString() : inserted.error().message));
        QVERIFY(!inserted.value().duplicate);
        auto stored = m_signals->findPendingBuy(inserted.value().id);
        QVERIFY(stored.ok() && stored.value());
        const PendingBuySignalRecord &s = *stored.value();
        QCOMPARE(s.stockCode, QStringLiteral("005930"));
        QCOMPARE(s.status, SignalStatus::Pending);
        QCOMPARE(s.detectedAtMs, T0);
        QCOMPARE(s.detectedDate, QStringLiteral("2025-03-14"));
        QCOMPARE(s.source, QStringLiteral("condition:%1").arg(m_conditionId));
        QVERIFY(s.targetPrice == std::optional<qint64>(70500));
        QVERIFY(s.referenceCandleTimeMs == std::optional<qint64>(T0 - DAY_MS));
        QCOMPARE(s.updatedAtMs, T0);
        QCOMPARE(audits(QStringLiteral("pending_buy_signals")), 1);
    }

    // The same signal is stored once per trading day.
    void duplicateIsDetected()
    {
        auto first = m_signals->insertPendingBuy(buySignal(m_conditionId, QStringLiteral("005930")), ACTOR);
        QVERIFY(first.ok());
        m_clock.advanceMs(3 * 3600 * 1000); // later the same day
        const QStringList before = dumpAll(m_db->connection());
        auto again = m_signals->insertPendingBuy(buySignal(m_conditionId, QStringLiteral("005930")), ACTOR);
        QVERIFY(again.ok());
        QVERIFY(again.value().duplicate);
        QCOMPARE(again.value().id, first.value().id);
        QCOMPARE(dumpAll(m_db->connection()), before); // nothing written, not even an audit row

        // Another type, source or stock is another signal.
        QVERIFY(!m_signals
                     ->insertPendingBuy(
                         buySignal(m_conditionId, QStringLiteral("005930"), QStringLiteral("BREAKOUT")), ACTOR)
                     .value()
                     .duplicate);
        auto manual = buySignal(m_conditionId, QStringLiteral("005930"));
        manual.source = QStringLiteral("api");
        QVERIFY(!m_signals->insertPendingBuy(manual, ACTOR).value().duplicate);
        QVERIFY(
            !m_signals->insertPendingBuy(buySignal(m_conditionId, QStringLiteral("000660")), ACTOR).value().duplicate);

        // The next trading day it is new again.
        m_clock.advanceMs(DAY_MS);
        auto nextDay = m_signals->insertPendingBuy(buySignal(m_conditionId, QStringLiteral("005930")), ACTOR);
        QVERIFY(!nextDay.value().duplicate);
        QCOMPARE(m_signals->findPendingBuy(nextDay.value().id).value()->detectedDate, QStringLiteral("2025-03-15"));
        QCOMPARE(countRows(m_db->connection(), QStringLiteral("pending_buy_signals")), 5);
    }

    // detected_date is the Asia/Seoul date: 00:30 KST is the next day although UTC is still the day before.
    void detectedDateIsKst()
    {
        auto signal = buySignal(m_conditionId, QStringLiteral("005930"));
        signal.detectedAtMs = T0_EARLY - 30 * 60 * 1000; // 2025-03-14 00:30 KST = 2025-03-13 15:30 UTC
        signal.detectedDate = QStringLiteral("1999-01-01"); // ignored: always derived
        auto inserted = m_signals->insertPendingBuy(signal, ACTOR);
        QVERIFY(inserted.ok());
        QCOMPARE(m_signals->findPendingBuy(inserted.value().id).value()->detectedDate, QStringLiteral("2025-03-14"));
    }

    void invalidSignalsChangeNothing()
    {
        const QStringList before = dumpAll(m_db->connection());
        PendingBuySignalRecord noSource = buySignal(m_conditionId, QStringLiteral("005930"));
        noSource.conditionId.reset();
        QCOMPARE(m_signals->insertPendingBuy(noSource, ACTOR).error().code, QStringLiteral("storage.invalid_argument"));
        QCOMPARE(m_signals->insertPendingBuy(buySignal(999, QStringLiteral("005930")), ACTOR).error().code,
            QStringLiteral("storage.foreign_key"));
        PendingBuySignalRecord ordered = buySignal(m_conditionId, QStringLiteral("005930"));
        ordered.status = SignalStatus::Ordered;
        QCOMPARE(m_signals->insertPendingBuy(ordered, ACTOR).error().code, QStringLiteral("storage.invalid_argument"));
        PendingBuySignalRecord badPrice = buySignal(m_conditionId, QStringLiteral("005930"));
        badPrice.targetPrice = -5;
        QCOMPARE(m_signals->insertPendingBuy(badPrice, ACTOR).error().code, QStringLiteral("storage.check"));
        QCOMPARE(m_signals->insertStrategySignal(strategySignal(999, QStringLiteral("005930")), ACTOR).error().code,
            QStringLiteral("storage.foreign_key"));
        QCOMPARE(m_signals->insertPendingBuy(buySignal(m_conditionId, QString()), ACTOR).error().code,
            QStringLiteral("storage.invalid_argument"));
        QCOMPARE(dumpAll(m_db->connection()), before);
    }

    void skippedSignalIsRecorded()
    {
        auto signal = buySignal(m_conditionId, QStringLiteral("005930"));
        signal.status = SignalStatus::Skipped;
        signal.statusReason = QStringLiteral("risk.max_positions");
        auto inserted = m_signals->insertPendingBuy(signal, ACTOR);
        QVERIFY(inserted.ok());
        const auto stored = m_signals->findPendingBuy(inserted.value().id).value();
        QCOMPARE(stored->status, SignalStatus::Skipped);
        QCOMPARE(stored->statusReason, QStringLiteral("risk.max_positions"));
    }

    // Compare-and-set: only the service that sees the expected status moves the signal.
    void statusCompareAndSet()
    {
        const qint64 id
            = m_signals->insertPendingBuy(buySignal(m_conditionId, QStringLiteral("005930")), ACTOR).value().id;
        m_clock.advanceMs(5000);
        // The executor claims the signal first; only one claim can win.
        auto claimed = m_signals->updatePendingBuyStatus(
            id, SignalStatus::Pending, SignalStatus::Processing, QStringLiteral("claimed"), ACTOR);
        QVERIFY(claimed.ok());
        QCOMPARE(claimed.value().status, SignalStatus::Processing);
        QCOMPARE(claimed.value().updatedAtMs, T0 + 5000);
        QCOMPARE(audits(QStringLiteral("pending_buy_signals")), 2);
        auto twice
            = m_signals->updatePendingBuyStatus(id, SignalStatus::Pending, SignalStatus::Processing, QString(), ACTOR);
        QVERIFY(!twice.ok());
        QCOMPARE(twice.error().code, QStringLiteral("storage.conflict"));
        QVERIFY(twice.error().message.contains(QLatin1String("PROCESSING")));

        auto ordered = m_signals->updatePendingBuyStatus(
            id, SignalStatus::Processing, SignalStatus::Ordered, QStringLiteral("order kt-1"), ACTOR);
        QVERIFY(ordered.ok());
        QCOMPARE(ordered.value().status, SignalStatus::Ordered);
        QCOMPARE(ordered.value().statusReason, QStringLiteral("order kt-1"));
        QCOMPARE(audits(QStringLiteral("pending_buy_signals")), 3);

        const QStringList before = dumpAll(m_db->connection());
        auto again
            = m_signals->updatePendingBuyStatus(id, SignalStatus::Processing, SignalStatus::Ordered, QString(), ACTOR);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, QStringLiteral("storage.conflict"));
        QVERIFY(again.error().message.contains(QLatin1String("ORDERED")));
        auto illegal
            = m_signals->updatePendingBuyStatus(id, SignalStatus::Ordered, SignalStatus::Expired, QString(), ACTOR);
        QCOMPARE(illegal.error().code, QStringLiteral("storage.invalid_transition"));
        // Nothing skips the claim.
        auto unclaimed
            = m_signals->updatePendingBuyStatus(id, SignalStatus::Pending, SignalStatus::Ordered, QString(), ACTOR);
        QCOMPARE(unclaimed.error().code, QStringLiteral("storage.invalid_transition"));
        auto missing
            = m_signals->updatePendingBuyStatus(999, SignalStatus::Pending, SignalStatus::Processing, QString(), ACTOR);
        QCOMPARE(missing.error().code, QStringLiteral("storage.not_found"));
        QCOMPARE(dumpAll(m_db->connection()), before);

        // An empty reason keeps the old one.
        auto completed
            = m_signals->updatePendingBuyStatus(id, SignalStatus::Ordered, SignalStatus::Completed, QString(), ACTOR);
        QVERIFY(completed.ok());
        QCOMPARE(completed.value().statusReason, QStringLiteral("order kt-1"));

        // The audit row holds the row before and after.
        auto entry = AuditLog(*m_db).forEntity(QStringLiteral("pending_buy_signals"), id, 1).value().first();
        QCOMPARE(entry.actor, ACTOR);
        QCOMPARE(entry.before.value(u"status").toString(), QStringLiteral("ORDERED"));
        QCOMPARE(entry.after.value(u"status").toString(), QStringLiteral("COMPLETED"));
    }

    void strategySignals()
    {
        auto first = m_signals->insertStrategySignal(strategySignal(m_strategyId, QStringLiteral("005930")), ACTOR);
        QVERIFY(first.ok());
        QVERIFY(!first.value().duplicate);
        auto again = m_signals->insertStrategySignal(strategySignal(m_strategyId, QStringLiteral("005930")), ACTOR);
        QVERIFY(again.value().duplicate);
        QCOMPARE(again.value().id, first.value().id);
        QVERIFY(!m_signals
                     ->insertStrategySignal(
                         strategySignal(m_strategyId, QStringLiteral("005930"), QStringLiteral("SELL")), ACTOR)
                     .value()
                     .duplicate);
        auto stored = m_signals->findStrategySignal(first.value().id).value();
        QVERIFY(stored);
        QCOMPARE(stored->additionalData.value(u"volumeRatio").toDouble(), 2.1);
        QVERIFY(stored->signalValue == std::optional<double>(27.5));
        QCOMPARE(stored->detectedDate, QStringLiteral("2025-03-14"));

        auto moved = m_signals->updateStrategySignalStatus(
            first.value().id, SignalStatus::Pending, SignalStatus::Skipped, QStringLiteral("kill switch"), ACTOR);
        QVERIFY(moved.ok());
        QCOMPARE(m_signals
                     ->updateStrategySignalStatus(
                         first.value().id, SignalStatus::Pending, SignalStatus::Processing, QString(), ACTOR)
                     .error()
                     .code,
            QStringLiteral("storage.conflict"));
        auto list = m_signals->listStrategySignals(
            SignalFilter { std::nullopt, SignalStatus::Pending, std::nullopt, 100 }, m_strategyId);
        QCOMPARE(list.value().size(), 1);
        QCOMPARE(list.value().first().signalType, QStringLiteral("SELL"));
    }

    void listFilters()
    {
        QVERIFY(m_signals->insertPendingBuy(buySignal(m_conditionId, QStringLiteral("A")), ACTOR).ok());
        m_clock.advanceMs(1000);
        const qint64 b = m_signals->insertPendingBuy(buySignal(m_conditionId, QStringLiteral("B")), ACTOR).value().id;
        m_clock.advanceMs(DAY_MS);
        QVERIFY(m_signals->insertPendingBuy(buySignal(m_conditionId, QStringLiteral("C")), ACTOR).ok());
        QVERIFY(m_signals->updatePendingBuyStatus(b, SignalStatus::Pending, SignalStatus::Processing, QString(), ACTOR)
                    .ok());

        auto today = m_signals->listPendingBuy({ QStringLiteral("2025-03-14"), std::nullopt, std::nullopt, 100 });
        QCOMPARE(today.value().size(), 2);
        QCOMPARE(today.value().at(0).stockCode, QStringLiteral("A")); // oldest first
        auto pendingToday
            = m_signals->listPendingBuy({ QStringLiteral("2025-03-14"), SignalStatus::Pending, std::nullopt, 100 });
        QCOMPARE(pendingToday.value().size(), 1);
        auto pendingAll = m_signals->listPendingBuy({ std::nullopt, SignalStatus::Pending, std::nullopt, 100 });
        QCOMPARE(pendingAll.value().size(), 2);
        auto byStock = m_signals->listPendingBuy({ std::nullopt, std::nullopt, QStringLiteral("C"), 100 });
        QCOMPARE(byStock.value().size(), 1);
        QCOMPARE(m_signals->listPendingBuy({ std::nullopt, std::nullopt, std::nullopt, 2 }).value().size(), 2);
    }

    // The midnight cleanup expires yesterday's PENDING signals of both kinds, and only those.
    void expirePending()
    {
        const qint64 oldPending
            = m_signals->insertPendingBuy(buySignal(m_conditionId, QStringLiteral("A")), ACTOR).value().id;
        const qint64 oldOrdered
            = m_signals->insertPendingBuy(buySignal(m_conditionId, QStringLiteral("B")), ACTOR).value().id;
        QVERIFY(
            m_signals
                ->updatePendingBuyStatus(oldOrdered, SignalStatus::Pending, SignalStatus::Processing, QString(), ACTOR)
                .ok());
        QVERIFY(
            m_signals
                ->updatePendingBuyStatus(oldOrdered, SignalStatus::Processing, SignalStatus::Ordered, QString(), ACTOR)
                .ok());
        const qint64 oldProcessing
            = m_signals->insertPendingBuy(buySignal(m_conditionId, QStringLiteral("D")), ACTOR).value().id;
        QVERIFY(m_signals
                    ->updatePendingBuyStatus(
                        oldProcessing, SignalStatus::Pending, SignalStatus::Processing, QString(), ACTOR)
                    .ok());
        const qint64 oldStrategy
            = m_signals->insertStrategySignal(strategySignal(m_strategyId, QStringLiteral("A")), ACTOR).value().id;
        m_clock.advanceMs(DAY_MS);
        const qint64 todays
            = m_signals->insertPendingBuy(buySignal(m_conditionId, QStringLiteral("C")), ACTOR).value().id;

        auto expired = m_signals->expirePending(QStringLiteral("2025-03-15"), QStringLiteral("service.midnight"));
        QVERIFY(expired.ok());
        QCOMPARE(expired.value(), 2);
        QCOMPARE(m_signals->findPendingBuy(oldPending).value()->status, SignalStatus::Expired);
        QCOMPARE(m_signals->findPendingBuy(oldOrdered).value()->status, SignalStatus::Ordered);
        QCOMPARE(m_signals->findPendingBuy(oldProcessing).value()->status, SignalStatus::Processing);
        QCOMPARE(m_signals->findPendingBuy(todays).value()->status, SignalStatus::Pending);
        QCOMPARE(m_signals->findStrategySignal(oldStrategy).value()->status, SignalStatus::Expired);
        QCOMPARE(
            countRows(m_db->connection(), QStringLiteral("audit_log"), QStringLiteral("actor = 'service.midnight'")),
            2);
        // Running it again finds nothing.
        QCOMPARE(m_signals->expirePending(QStringLiteral("2025-03-15"), QStringLiteral("service.midnight")).value(), 0);
        QCOMPARE(m_signals->expirePending(QStringLiteral("not a date"), ACTOR).error().code,
            QStringLiteral("storage.invalid_argument"));
    }

    // A manual/API buy carries what the user asked for; nonsense is refused before SQL.
    void manualBuyRequest()
    {
        PendingBuySignalRecord manual;
        manual.stockCode = QStringLiteral("005930");
        manual.signalType = QStringLiteral("MANUAL_BUY");
        manual.source = QStringLiteral("ui");
        manual.requestedQuantity = 7;
        manual.requestedAmount = 500000;
        manual.orderType = QStringLiteral("MARKET");
        manual.retryCount = 9; // ignored: a new signal starts fresh
        manual.nextAttemptAtMs = T0 + 1;
        const qint64 id = m_signals->insertPendingBuy(manual, QStringLiteral("ui")).value().id;
        const PendingBuySignalRecord stored = *m_signals->findPendingBuy(id).value();
        QVERIFY(stored.requestedQuantity == std::optional<qint64>(7));
        QVERIFY(stored.requestedAmount == std::optional<qint64>(500000));
        QCOMPARE(stored.orderType, QStringLiteral("MARKET"));
        QCOMPARE(stored.retryCount, 0);
        QVERIFY(!stored.nextAttemptAtMs);
        QVERIFY(!stored.conditionId);
        // A condition signal leaves them to the settings.
        const qint64 auto_
            = m_signals->insertPendingBuy(buySignal(m_conditionId, QStringLiteral("000660")), ACTOR).value().id;
        const PendingBuySignalRecord plain = *m_signals->findPendingBuy(auto_).value();
        QVERIFY(!plain.requestedQuantity && !plain.requestedAmount && plain.orderType.isEmpty());

        const QStringList before = dumpAll(m_db->connection());
        PendingBuySignalRecord bad = manual;
        bad.stockCode = QStringLiteral("035720");
        bad.orderType = QStringLiteral("STOP");
        QCOMPARE(m_signals->insertPendingBuy(bad, ACTOR).error().code, QStringLiteral("storage.invalid_argument"));
        bad.orderType = QStringLiteral("LIMIT");
        bad.requestedQuantity = 0;
        QCOMPARE(m_signals->insertPendingBuy(bad, ACTOR).error().code, QStringLiteral("storage.invalid_argument"));
        bad.requestedQuantity.reset();
        bad.requestedAmount = -5;
        QCOMPARE(m_signals->insertPendingBuy(bad, ACTOR).error().code, QStringLiteral("storage.invalid_argument"));
        QCOMPARE(dumpAll(m_db->connection()), before);
    }

    // PROCESSING → PENDING after a definite transient refusal: counted, and not actionable before
    // the time given; the executor's sweep (listActionable) sees it again when it is due.
    void retryAndActionable()
    {
        const qint64 a = m_signals->insertPendingBuy(buySignal(m_conditionId, QStringLiteral("A")), ACTOR).value().id;
        m_clock.advanceMs(1000);
        const qint64 b = m_signals->insertPendingBuy(buySignal(m_conditionId, QStringLiteral("B")), ACTOR).value().id;
        const qint64 s
            = m_signals->insertStrategySignal(strategySignal(m_strategyId, QStringLiteral("C")), ACTOR).value().id;
        auto ids = [](const Result<QList<SignalRecord>> &list) {
            QList<qint64> out;
            for (const SignalRecord &r : list.value())
                out << r.id();
            return out;
        };
        const QString today = QStringLiteral("2025-03-14");
        QCOMPARE(ids(m_signals->listActionable(SignalKind::PendingBuy, today, T0 + 2000)), (QList<qint64> { a, b }));
        QCOMPARE(ids(m_signals->listActionable(SignalKind::Strategy, today, T0 + 2000)), QList<qint64> { s });
        QVERIFY(m_signals->listActionable(SignalKind::PendingBuy, QStringLiteral("2025-03-13"), T0).value().isEmpty());

        auto claimed = m_signals->updateStatus(
            SignalKind::PendingBuy, a, SignalStatus::Pending, SignalStatus::Processing, QString(), ACTOR);
        QVERIFY(claimed.ok());
        QCOMPARE(claimed.value().kind(), SignalKind::PendingBuy);
        QCOMPARE(claimed.value().status(), SignalStatus::Processing);
        QVERIFY(claimed.value().pendingBuy() && !claimed.value().strategy());
        QCOMPARE(ids(m_signals->listActionable(SignalKind::PendingBuy, today, T0 + 2000)), QList<qint64> { b });

        m_clock.advanceMs(1000);
        const qint64 auditsBefore = audits(QStringLiteral("pending_buy_signals"));
        auto retried = m_signals->scheduleRetry(SignalKind::PendingBuy, a, SignalStatus::Processing, T0 + 32000,
            QStringLiteral("rate limited (1700)"), QStringLiteral("service.buy_executor"));
        QVERIFY2(retried.ok(), qPrintable(retried.ok() ? QString() : retried.error().message));
        QCOMPARE(retried.value().status(), SignalStatus::Pending);
        QCOMPARE(retried.value().retryCount(), 1);
        QVERIFY(retried.value().nextAttemptAtMs() == std::optional<qint64>(T0 + 32000));
        QCOMPARE(retried.value().pendingBuy()->statusReason, QStringLiteral("rate limited (1700)"));
        QCOMPARE(audits(QStringLiteral("pending_buy_signals")), auditsBefore + 1);
        auto entry = AuditLog(*m_db).forEntity(QStringLiteral("pending_buy_signals"), a, 1).value().first();
        QCOMPARE(entry.action, QStringLiteral("retry"));
        QCOMPARE(entry.actor, QStringLiteral("service.buy_executor"));
        QCOMPARE(entry.after.value(u"retry_count").toInt(), 1);

        // Not before its time; then again, oldest first.
        QCOMPARE(ids(m_signals->listActionable(SignalKind::PendingBuy, today, T0 + 31999)), QList<qint64> { b });
        QCOMPARE(ids(m_signals->listActionable(SignalKind::PendingBuy, today, T0 + 32000)), (QList<qint64> { a, b }));
        QCOMPARE(m_signals->listActionable(SignalKind::PendingBuy, today, T0 + 32000, 1).value().size(), 1);

        // From ORDERED too (the refusal arrived after the order was sent); the count goes on.
        QVERIFY(m_signals
                    ->updateStatus(
                        SignalKind::PendingBuy, a, SignalStatus::Pending, SignalStatus::Processing, QString(), ACTOR)
                    .ok());
        QVERIFY(m_signals
                    ->updateStatus(
                        SignalKind::PendingBuy, a, SignalStatus::Processing, SignalStatus::Ordered, QString(), ACTOR)
                    .ok());
        auto second
            = m_signals->scheduleRetry(SignalKind::PendingBuy, a, SignalStatus::Ordered, T0 + 64000, QString(), ACTOR);
        QVERIFY(second.ok());
        QCOMPARE(second.value().retryCount(), 2);
        QCOMPARE(second.value().pendingBuy()->statusReason, QStringLiteral("rate limited (1700)")); // kept

        // Compare-and-set, and only from PROCESSING or ORDERED.
        const QStringList before = dumpAll(m_db->connection());
        QCOMPARE(m_signals->scheduleRetry(SignalKind::PendingBuy, a, SignalStatus::Processing, T0, QString(), ACTOR)
                     .error()
                     .code,
            QStringLiteral("storage.conflict"));
        QCOMPARE(m_signals->scheduleRetry(SignalKind::PendingBuy, a, SignalStatus::Pending, T0, QString(), ACTOR)
                     .error()
                     .code,
            QStringLiteral("storage.invalid_transition"));
        QCOMPARE(m_signals->scheduleRetry(SignalKind::Strategy, 999, SignalStatus::Processing, T0, QString(), ACTOR)
                     .error()
                     .code,
            QStringLiteral("storage.not_found"));
        QCOMPARE(dumpAll(m_db->connection()), before);

        // Strategy signals the same way.
        QVERIFY(m_signals
                    ->updateStatus(
                        SignalKind::Strategy, s, SignalStatus::Pending, SignalStatus::Processing, QString(), ACTOR)
                    .ok());
        auto strategyRetry = m_signals->scheduleRetry(
            SignalKind::Strategy, s, SignalStatus::Processing, T0 + 40000, QStringLiteral("busy"), ACTOR);
        QVERIFY(strategyRetry.ok());
        QCOMPARE(strategyRetry.value().kind(), SignalKind::Strategy);
        QCOMPARE(strategyRetry.value().strategy()->retryCount, 1);
        QVERIFY(m_signals->listActionable(SignalKind::Strategy, today, T0 + 39999).value().isEmpty());
        QCOMPARE(ids(m_signals->listActionable(SignalKind::Strategy, today, T0 + 40000)), QList<qint64> { s });
        QVERIFY(m_signals->find(SignalKind::Strategy, s).value().has_value());
        QVERIFY(!m_signals->find(SignalKind::Strategy, 999).value().has_value());
    }

    // After a crash, a PROCESSING signal goes back to PENDING when nothing was sent for it, and to
    // ORDERED when an order of it exists (it must not be bought twice).
    void recoverProcessingAfterACrash()
    {
        auto claim = [&](SignalKind kind, qint64 id) {
            return m_signals->updateStatus(kind, id, SignalStatus::Pending, SignalStatus::Processing, QString(), ACTOR)
                .ok();
        };
        const qint64 unsent
            = m_signals->insertPendingBuy(buySignal(m_conditionId, QStringLiteral("A")), ACTOR).value().id;
        const qint64 sent
            = m_signals->insertPendingBuy(buySignal(m_conditionId, QStringLiteral("B")), ACTOR).value().id;
        const qint64 refused
            = m_signals->insertPendingBuy(buySignal(m_conditionId, QStringLiteral("C")), ACTOR).value().id;
        const qint64 strategy
            = m_signals->insertStrategySignal(strategySignal(m_strategyId, QStringLiteral("D")), ACTOR).value().id;
        const qint64 untouched
            = m_signals->insertPendingBuy(buySignal(m_conditionId, QStringLiteral("E")), ACTOR).value().id;
        QVERIFY(claim(SignalKind::PendingBuy, unsent) && claim(SignalKind::PendingBuy, sent)
            && claim(SignalKind::PendingBuy, refused) && claim(SignalKind::Strategy, strategy));

        OrderRepository orders(*m_db);
        auto order = [&](const QString &code, Origin origin, qint64 signalId) {
            NewOrder o;
            o.stockCode = code;
            o.quantity = 1;
            o.price = 1000;
            o.origin = origin;
            o.originSignalId = signalId;
            return orders.create(o, ACTOR).value();
        };
        order(QStringLiteral("B"), Origin::Condition, sent); // NEW: the app died before sending it
        const OrderRecord rejected = order(QStringLiteral("C"), Origin::Condition, refused);
        QVERIFY(orders.markRejected(rejected.id, OrderState::New, QStringLiteral("refused"), ACTOR).ok());
        order(QStringLiteral("D"), Origin::Scalping, strategy);
        // An order of another kind of signal with the same id does not count.
        order(QStringLiteral("A"), Origin::Strategy, unsent);

        auto recovered = m_signals->recoverProcessing(QStringLiteral("reconcile"));
        QVERIFY2(recovered.ok(), qPrintable(recovered.ok() ? QString() : recovered.error().message));
        QCOMPARE(recovered.value(), (SignalRecovery { 2, 2 }));
        QCOMPARE(m_signals->findPendingBuy(unsent).value()->status, SignalStatus::Pending);
        QCOMPARE(m_signals->findPendingBuy(sent).value()->status, SignalStatus::Ordered);
        QCOMPARE(m_signals->findPendingBuy(refused).value()->status, SignalStatus::Pending);
        QCOMPARE(m_signals->findStrategySignal(strategy).value()->status, SignalStatus::Ordered);
        QCOMPARE(m_signals->findPendingBuy(untouched).value()->status, SignalStatus::Pending);
        QCOMPARE(countRows(m_db->connection(), QStringLiteral("audit_log"), QStringLiteral("actor = 'reconcile'")), 4);
        QCOMPARE(m_signals->recoverProcessing(QStringLiteral("reconcile")).value(), (SignalRecovery { 0, 0 }));
    }

    // Signals are trading history: the schema refuses to delete them.
    void signalsAreNeverDeleted()
    {
        const qint64 id = m_signals->insertPendingBuy(buySignal(m_conditionId, QStringLiteral("A")), ACTOR).value().id;
        QVERIFY(m_signals->insertStrategySignal(strategySignal(m_strategyId, QStringLiteral("A")), ACTOR).ok());
        for (const char *table : { "pending_buy_signals", "strategy_signals" }) {
            auto deleted = Storage::run(m_db->connection(), QStringLiteral("DELETE FROM %1").arg(QLatin1String(table)));
            QCOMPARE(deleted.error().code, QStringLiteral("storage.rule"));
        }
        QVERIFY(m_signals->findPendingBuy(id).value().has_value());
    }

    void statistics()
    {
        QVERIFY(m_signals->insertPendingBuy(buySignal(m_conditionId, QStringLiteral("A")), ACTOR).ok());
        const qint64 b = m_signals->insertPendingBuy(buySignal(m_conditionId, QStringLiteral("B")), ACTOR).value().id;
        QVERIFY(m_signals
                    ->updateStatus(
                        SignalKind::PendingBuy, b, SignalStatus::Pending, SignalStatus::Processing, QString(), ACTOR)
                    .ok());
        QVERIFY(m_signals
                    ->updateStatus(
                        SignalKind::PendingBuy, b, SignalStatus::Processing, SignalStatus::Failed, QString(), ACTOR)
                    .ok());
        QVERIFY(m_signals->insertStrategySignal(strategySignal(m_strategyId, QStringLiteral("A")), ACTOR).ok());
        QVERIFY(m_signals->insertStrategySignal(strategySignal(m_strategyId, QStringLiteral("B")), ACTOR).ok());
        auto stats = m_signals->statistics(QStringLiteral("2025-03-01"), QStringLiteral("2025-03-31"));
        QVERIFY(stats.ok());
        const QList<SignalCount> expected = {
            { SignalKind::PendingBuy, QStringLiteral("REFERENCE_CANDLE"), SignalStatus::Failed, 1 },
            { SignalKind::PendingBuy, QStringLiteral("REFERENCE_CANDLE"), SignalStatus::Pending, 1 },
            { SignalKind::Strategy, QStringLiteral("BUY"), SignalStatus::Pending, 2 },
        };
        QCOMPARE(stats.value().size(), expected.size());
        for (int i = 0; i < expected.size(); ++i)
            QVERIFY(stats.value().at(i) == expected.at(i));
        QCOMPARE(m_signals->statistics(QStringLiteral("2025-04-01"), QStringLiteral("2025-04-30")).value().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSignalRepository)
#include "tst_signalrepository.moc"
