// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/auditlog.h"
#include "storage/database.h"
#include "storage/signalrepository.h"
#include "storage/strategyrepository.h"
#include "storagefixture.h"

#include <QJsonArray>
#include <QtTest>

using namespace Storage;
using namespace StorageTest;

namespace {
const QString ACTOR = QStringLiteral("ui");

QJsonObject rsiParameters()
{
    return QJsonObject { { QStringLiteral("period"), 14 }, { QStringLiteral("oversold"), 30.5 },
        { QStringLiteral("volume"),
            QJsonObject { { QStringLiteral("ratio"), 2.0 }, { QStringLiteral("window"), 20 } } },
        { QStringLiteral("codes"), QJsonArray { QStringLiteral("005930"), QStringLiteral("000660") } } };
}
} // namespace

class TestStrategyRepository final : public QObject
{
    Q_OBJECT

private:
    ManualClock m_clock { T0 };
    std::unique_ptr<Database> m_db;
    std::unique_ptr<StrategyRepository> m_strategies;

private slots:
    void init()
    {
        m_clock.setNowMs(T0);
        m_db = openMemory(m_clock);
        QVERIFY(m_db);
        m_strategies = std::make_unique<StrategyRepository>(*m_db);
    }
    void cleanup()
    {
        m_strategies.reset();
        m_db.reset();
    }

    void createAndRead()
    {
        auto created
            = m_strategies->create(QStringLiteral("RSI 과매도"), QStringLiteral("rsi"), rsiParameters(), true, ACTOR);
        QVERIFY(created.ok());
        QCOMPARE(created.value().strategyName, QStringLiteral("RSI 과매도"));
        QCOMPARE(created.value().strategyType, QStringLiteral("rsi"));
        QVERIFY(created.value().enabled);
        QCOMPARE(created.value().parameters, rsiParameters());
        QCOMPARE(created.value().updatedAtMs, T0);
        QVERIFY(m_strategies->findByName(QStringLiteral("RSI 과매도")).value()
            == std::optional<TradingStrategyRecord>(created.value()));
        QCOMPARE(countRows(m_db->connection(), QStringLiteral("audit_log")), 1);

        const QStringList before = dumpAll(m_db->connection());
        QCOMPARE(m_strategies->create(QStringLiteral("RSI 과매도"), QStringLiteral("momentum"), {}, false, ACTOR)
                     .error()
                     .code,
            QStringLiteral("storage.unique"));
        QCOMPARE(m_strategies->create(QString(), QStringLiteral("rsi"), {}, false, ACTOR).error().code,
            QStringLiteral("storage.invalid_argument"));
        QCOMPARE(dumpAll(m_db->connection()), before);
    }

    void changes()
    {
        const qint64 id
            = m_strategies->create(QStringLiteral("모멘텀"), QStringLiteral("momentum"), {}, false, ACTOR).value().id;
        QVERIFY(m_strategies->create(QStringLiteral("볼린저"), QStringLiteral("bollinger"), {}, true, ACTOR).ok());
        QCOMPARE(m_strategies->listEnabled().value().size(), 1);
        m_clock.advanceMs(1000);
        auto enabled = m_strategies->setEnabled(id, true, ACTOR);
        QVERIFY(enabled.ok());
        QVERIFY(enabled.value().enabled);
        QCOMPARE(enabled.value().updatedAtMs, T0 + 1000);
        QCOMPARE(m_strategies->listEnabled().value().size(), 2);

        auto tuned = m_strategies->setParameters(id, QJsonObject { { QStringLiteral("lookback"), 10 } }, ACTOR);
        QCOMPARE(tuned.value().parameters.value(u"lookback").toInt(), 10);
        auto entry = AuditLog(*m_db).forEntity(QStringLiteral("trading_strategies"), id, 1).value().first();
        QVERIFY(entry.before.value(u"parameters").toObject().isEmpty());
        QCOMPARE(entry.after.value(u"parameters").toObject().value(u"lookback").toInt(), 10); // JSON, not a string

        TradingStrategyRecord renamed = tuned.value();
        renamed.strategyName = QStringLiteral("모멘텀 10");
        renamed.enabled = false;
        auto updated = m_strategies->update(renamed, ACTOR);
        QVERIFY(updated.ok());
        QCOMPARE(updated.value().strategyName, QStringLiteral("모멘텀 10"));
        QVERIFY(!updated.value().enabled);
        QCOMPARE(m_strategies->list().value().size(), 2);

        renamed.strategyName = QStringLiteral("볼린저");
        QCOMPARE(m_strategies->update(renamed, ACTOR).error().code, QStringLiteral("storage.unique"));
        QCOMPARE(m_strategies->setEnabled(999, true, ACTOR).error().code, QStringLiteral("storage.not_found"));
    }

    void strategiesWithSignalsAreKept()
    {
        const qint64 id
            = m_strategies->create(QStringLiteral("RSI"), QStringLiteral("rsi"), {}, true, ACTOR).value().id;
        StrategySignalRecord signal;
        signal.strategyId = id;
        signal.stockCode = QStringLiteral("005930");
        signal.signalType = QStringLiteral("BUY");
        QVERIFY(SignalRepository(*m_db).insertStrategySignal(signal, ACTOR).ok());
        QCOMPARE(m_strategies->remove(id, ACTOR).error().code, QStringLiteral("storage.foreign_key"));
        QVERIFY(m_strategies->find(id).value());

        const qint64 unused
            = m_strategies->create(QStringLiteral("unused"), QStringLiteral("rsi"), {}, false, ACTOR).value().id;
        QVERIFY(m_strategies->remove(unused, ACTOR).ok());
        QVERIFY(!m_strategies->find(unused).value());
        QCOMPARE(m_strategies->remove(unused, ACTOR).error().code, QStringLiteral("storage.not_found"));
    }
};

QTEST_GUILESS_MAIN(TestStrategyRepository)
#include "tst_strategyrepository.moc"
