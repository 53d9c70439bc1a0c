// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/database.h"
#include "storage/decisionrepository.h"
#include "storage/orderrepository.h"
#include "storage/sqlutil.h"
#include "storagefixture.h"

#include <QtTest>

using namespace Storage;
using namespace StorageTest;

namespace {

DecisionRecord decision(const QString &code, DecisionKind kind, std::optional<qint64> signalId, Decision what)
{
    DecisionRecord d;
    d.stockCode = code;
    d.kind = kind;
    d.signalId = signalId;
    d.source = QStringLiteral("condition:1");
    d.decision = what;
    d.message = QStringLiteral("%1 %2").arg(code, enumText(what));
    return d;
}

} // namespace

class TestDecisionRepository final : public QObject
{
    Q_OBJECT

private:
    ManualClock m_clock { T0 };
    std::unique_ptr<Database> m_db;
    std::unique_ptr<DecisionRepository> m_ledger;

private slots:
    void init()
    {
        m_clock.setNowMs(T0);
        m_db = openMemory(m_clock);
        QVERIFY(m_db);
        m_ledger = std::make_unique<DecisionRepository>(*m_db);
    }
    void cleanup()
    {
        m_ledger.reset();
        m_db.reset();
    }

    void appendStoresEveryField()
    {
        NewOrder o;
        o.stockCode = QStringLiteral("005930");
        o.quantity = 1;
        o.price = 70000;
        const qint64 orderId = OrderRepository(*m_db).create(o, QStringLiteral("engine")).value().id;

        DecisionRecord blocked = decision(QStringLiteral("005930"), DecisionKind::PendingBuy, 7, Decision::Blocked);
        blocked.rule = QStringLiteral("risk.daily_buy_amount");
        blocked.message = QStringLiteral("오늘 매수 5,100,000원 > 한도 5,000,000원");
        blocked.data = QJsonObject { { QStringLiteral("amount"), 5100000 }, { QStringLiteral("limit"), 5000000 } };
        auto id = m_ledger->append(blocked);
        QVERIFY2(id.ok(), qPrintable(id.ok() ? QString() : id.error().message));

        DecisionRecord ordered = decision(QStringLiteral("005930"), DecisionKind::PendingBuy, 7, Decision::Ordered);
        ordered.orderId = orderId;
        ordered.atMs = T0 - 5000; // given: kept
        ordered.tradingDate = QStringLiteral("2025-03-13"); // the market clock's date (demo mode): kept
        QVERIFY(m_ledger->append(ordered).ok());

        const auto lines = m_ledger->list({}).value();
        QCOMPARE(lines.size(), 2);
        const DecisionRecord &newest = lines.at(0);
        QVERIFY(newest.orderId == std::optional<qint64>(orderId));
        QCOMPARE(newest.atMs, T0 - 5000);
        QCOMPARE(newest.tradingDate, QStringLiteral("2025-03-13"));
        DecisionRecord stored = lines.at(1);
        QCOMPARE(stored.id, id.value());
        QCOMPARE(stored.atMs, T0); // 0 = now
        QCOMPARE(stored.tradingDate, QStringLiteral("2025-03-14")); // derived (Asia/Seoul)
        stored.id = 0;
        stored.atMs = 0;
        stored.tradingDate.clear();
        QCOMPARE(stored, blocked);
        // The ledger is its own journal: no audit rows.
        QCOMPARE(
            countRows(m_db->connection(), QStringLiteral("audit_log"), QStringLiteral("entity = 'signal_decisions'")),
            0);
    }

    void everyKindAndDecisionRoundTrips()
    {
        for (DecisionKind kind : allValues<DecisionKind>()) {
            for (Decision what : allValues<Decision>())
                QVERIFY(m_ledger->append(decision(QStringLiteral("A"), kind, 1, what)).ok());
        }
        const auto lines = m_ledger->list({ std::nullopt, std::nullopt, std::nullopt, std::nullopt, 1000 }).value();
        QCOMPARE(lines.size(), allValues<DecisionKind>().size() * allValues<Decision>().size());
        QCOMPARE(lines.first().kind, DecisionKind::Manual);
        QCOMPARE(lines.first().decision, Decision::Unknown);
        QCOMPARE(lines.last().kind, DecisionKind::PendingBuy);
        QCOMPARE(lines.last().decision, Decision::Created);
    }

    void listFiltersNewestFirst()
    {
        QVERIFY(m_ledger->append(decision(QStringLiteral("A"), DecisionKind::PendingBuy, 1, Decision::Created)).ok());
        QVERIFY(m_ledger->append(decision(QStringLiteral("A"), DecisionKind::PendingBuy, 1, Decision::Ordered)).ok());
        QVERIFY(m_ledger->append(decision(QStringLiteral("B"), DecisionKind::Strategy, 1, Decision::Deduped)).ok());
        QVERIFY(
            m_ledger->append(decision(QStringLiteral("A"), DecisionKind::Exit, std::nullopt, Decision::Ordered)).ok());
        m_clock.advanceMs(DAY_MS);
        QVERIFY(m_ledger->append(decision(QStringLiteral("A"), DecisionKind::PendingBuy, 2, Decision::Created)).ok());

        auto decisions = [](const Result<QList<DecisionRecord>> &list) {
            QStringList out;
            for (const DecisionRecord &d : list.value())
                out << d.stockCode + QLatin1Char(':') + enumText(d.decision);
            return out;
        };
        DecisionFilter byStockAndDay;
        byStockAndDay.code = QStringLiteral("A");
        byStockAndDay.tradingDate = QStringLiteral("2025-03-14");
        QCOMPARE(decisions(m_ledger->list(byStockAndDay)), (QStringList { "A:ORDERED", "A:ORDERED", "A:CREATED" }));
        DecisionFilter bySignal;
        bySignal.kind = DecisionKind::PendingBuy;
        bySignal.signalId = 1;
        QCOMPARE(decisions(m_ledger->list(bySignal)), (QStringList { "A:ORDERED", "A:CREATED" }));
        DecisionFilter strategy;
        strategy.kind = DecisionKind::Strategy;
        QCOMPARE(decisions(m_ledger->list(strategy)), QStringList { "B:DEDUPED" });
        DecisionFilter limited;
        limited.limit = 2;
        QCOMPARE(decisions(m_ledger->list(limited)), (QStringList { "A:CREATED", "A:ORDERED" }));
        DecisionFilter nextDay;
        nextDay.tradingDate = QStringLiteral("2025-03-15");
        QCOMPARE(m_ledger->list(nextDay).value().size(), 1);
    }

    void invalidLinesChangeNothing()
    {
        const QStringList before = dumpAll(m_db->connection());
        DecisionRecord noCode = decision(QString(), DecisionKind::PendingBuy, 1, Decision::Created);
        QCOMPARE(m_ledger->append(noCode).error().code, QStringLiteral("storage.invalid_argument"));
        DecisionRecord noMessage = decision(QStringLiteral("A"), DecisionKind::PendingBuy, 1, Decision::Created);
        noMessage.message.clear();
        QCOMPARE(m_ledger->append(noMessage).error().code, QStringLiteral("storage.invalid_argument"));
        DecisionRecord badDate = decision(QStringLiteral("A"), DecisionKind::PendingBuy, 1, Decision::Created);
        badDate.tradingDate = QStringLiteral("14/03/2025");
        QCOMPARE(m_ledger->append(badDate).error().code, QStringLiteral("storage.invalid_argument"));
        DecisionRecord unknownOrder = decision(QStringLiteral("A"), DecisionKind::PendingBuy, 1, Decision::Ordered);
        unknownOrder.orderId = 99;
        QCOMPARE(m_ledger->append(unknownOrder).error().code, QStringLiteral("storage.foreign_key"));
        QCOMPARE(dumpAll(m_db->connection()), before);
    }

    // Append-only: the schema refuses to change or remove a line.
    void linesAreAppendOnly()
    {
        QVERIFY(m_ledger->append(decision(QStringLiteral("A"), DecisionKind::PendingBuy, 1, Decision::Created)).ok());
        const QStringList before = dumpAll(m_db->connection());
        QCOMPARE(Storage::run(m_db->connection(), QStringLiteral("UPDATE signal_decisions SET decision = 'FILLED'"))
                     .error()
                     .code,
            QStringLiteral("storage.rule"));
        QCOMPARE(Storage::run(m_db->connection(), QStringLiteral("DELETE FROM signal_decisions")).error().code,
            QStringLiteral("storage.rule"));
        QCOMPARE(dumpAll(m_db->connection()), before);
    }
};

QTEST_GUILESS_MAIN(TestDecisionRepository)
#include "tst_decisionrepository.moc"
