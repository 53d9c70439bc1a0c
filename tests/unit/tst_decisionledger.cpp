// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/database.h"
#include "storage/decisionrepository.h"
#include "storagefixture.h"
#include "trading/decisionledger.h"

#include <QSignalSpy>
#include <QtTest>

using namespace Storage;
using namespace StorageTest;

class TestDecisionLedger final : public QObject
{
    Q_OBJECT

private:
    ManualClock m_clock { T0 };
    std::unique_ptr<Database> m_db;
    std::unique_ptr<DecisionLedger> m_ledger;

    DecisionRecord line(const QString &code, Decision decision, qint64 signalId = 1)
    {
        return DecisionLedger::line(DecisionKind::PendingBuy, signalId, code, QStringLiteral("condition:1"), decision,
            QStringLiteral("because"), QJsonObject { { QStringLiteral("price"), 70100 } });
    }

private slots:
    void init()
    {
        m_clock.setNowMs(T0);
        m_db = openMemory(m_clock);
        QVERIFY(m_db);
        m_ledger = std::make_unique<DecisionLedger>(*m_db, m_clock);
    }
    void cleanup()
    {
        m_ledger.reset();
        m_db.reset();
    }

    void recordStampsTimeAndDateFromTheMarketClock()
    {
        QSignalSpy recorded(m_ledger.get(), &DecisionLedger::decisionRecorded);
        DecisionRecord l = line(QStringLiteral("005930"), Decision::Created);
        l.rule = QStringLiteral("risk.cash");
        const qint64 id = m_ledger->record(l);
        QVERIFY(id > 0);
        QCOMPARE(recorded.count(), 1);
        const auto announced = recorded.at(0).at(0).value<DecisionRecord>();
        QCOMPARE(announced.id, id);
        QCOMPARE(announced.atMs, T0);
        QCOMPARE(announced.tradingDate, QStringLiteral("2025-03-14"));

        auto stored = m_ledger->forStock(QStringLiteral("005930"), QStringLiteral("2025-03-14"));
        QVERIFY(stored.ok());
        QCOMPARE(stored->size(), 1);
        QCOMPARE(stored->first(), announced);
        QCOMPARE(stored->first().data.value(QStringLiteral("price")).toInteger(), 70100);
        QCOMPARE(stored->first().rule, QStringLiteral("risk.cash"));
    }

    void queriesByStockAndDateNewestFirst()
    {
        m_ledger->record(line(QStringLiteral("005930"), Decision::Created));
        m_clock.advanceMs(1000);
        m_ledger->record(line(QStringLiteral("000660"), Decision::Created, 2));
        m_clock.advanceMs(1000);
        m_ledger->record(line(QStringLiteral("005930"), Decision::Ordered));
        m_clock.advanceMs(DAY_MS);
        m_ledger->record(line(QStringLiteral("005930"), Decision::Expired));

        auto today = m_ledger->forStock(QStringLiteral("005930"), QStringLiteral("2025-03-14"));
        QVERIFY(today.ok());
        QCOMPARE(today->size(), 2);
        QCOMPARE(today->at(0).decision, Decision::Ordered);
        QCOMPARE(today->at(1).decision, Decision::Created);
        auto next = m_ledger->forStock(QStringLiteral("005930"), QStringLiteral("2025-03-15"));
        QVERIFY(next.ok());
        QCOMPARE(next->size(), 1);
        QCOMPARE(next->first().decision, Decision::Expired);

        auto ofSignal = m_ledger->forSignal(DecisionKind::PendingBuy, 1);
        QVERIFY(ofSignal.ok());
        QCOMPARE(ofSignal->size(), 3);
        QCOMPARE(ofSignal->first().decision, Decision::Expired);
    }

    void aStorageErrorNeverReachesTheCaller()
    {
        QSignalSpy recorded(m_ledger.get(), &DecisionLedger::decisionRecorded);
        DecisionRecord l = line(QStringLiteral("005930"), Decision::Ordered);
        l.orderId = 424242; // no such order: the foreign key refuses the line
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("decision ledger: could not store")));
        QCOMPARE(m_ledger->record(l), 0);
        QCOMPARE(recorded.count(), 1); // still announced, with id 0
        QCOMPARE(recorded.at(0).at(0).value<DecisionRecord>().id, 0);
    }

    void kindOfASignal()
    {
        QCOMPARE(
            DecisionLedger::kindOf(SignalKind::PendingBuy, QStringLiteral("condition:3")), DecisionKind::PendingBuy);
        QCOMPARE(DecisionLedger::kindOf(SignalKind::PendingBuy, QStringLiteral("manual:abc")), DecisionKind::Manual);
        QCOMPARE(DecisionLedger::kindOf(SignalKind::PendingBuy, QStringLiteral("api:abc")), DecisionKind::Manual);
        QCOMPARE(DecisionLedger::kindOf(SignalKind::Strategy, QStringLiteral("scalping:2")), DecisionKind::Strategy);
    }
};

QTEST_GUILESS_MAIN(TestDecisionLedger)
#include "tst_decisionledger.moc"
