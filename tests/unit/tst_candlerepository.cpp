// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/candlerepository.h"
#include "storage/database.h"
#include "storagefixture.h"

#include <QtTest>

using namespace StorageTest;

namespace {

constexpr qint64 MINUTE_MS = 60 * 1000;

QList<Candle> minuteBars(qint64 startMs, int count, qint64 basePrice)
{
    QList<Candle> bars;
    for (int i = 0; i < count; ++i) {
        const qint64 open = basePrice + i * 100;
        bars.append(Candle { startMs + i * MINUTE_MS, open, open + 200, open - 100, open + 100, 1000 + i });
    }
    return bars;
}

} // namespace

class TestCandleRepository final : public QObject
{
    Q_OBJECT

private:
    ManualClock m_clock { T0 };
    std::unique_ptr<Database> m_db;
    std::unique_ptr<CandleRepository> m_candles;

private slots:
    void init()
    {
        m_db = openMemory(m_clock);
        QVERIFY(m_db);
        m_candles = std::make_unique<CandleRepository>(*m_db);
    }
    void cleanup()
    {
        m_candles.reset();
        m_db.reset();
    }

    void upsertAndRange()
    {
        const QList<Candle> bars = minuteBars(T0, 100, 70000);
        auto written = m_candles->upsert(QStringLiteral("005930"), CandleInterval::Minute1, bars);
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().message));
        QCOMPARE(written.value(), 100);

        auto range = m_candles->range(
            QStringLiteral("005930"), CandleInterval::Minute1, T0 + 10 * MINUTE_MS, T0 + 20 * MINUTE_MS);
        QVERIFY(range.ok());
        QCOMPARE(range.value(), bars.mid(10, 10)); // [from, to), oldest first
        QCOMPARE(
            m_candles->range(QStringLiteral("005930"), CandleInterval::Minute1, T0, T0 + 100 * MINUTE_MS, 5).value(),
            bars.mid(0, 5));
        QVERIFY(m_candles->range(QStringLiteral("005930"), CandleInterval::Minute5, T0, T0 + 100 * MINUTE_MS)
                    .value()
                    .isEmpty());
        QVERIFY(m_candles->range(QStringLiteral("000660"), CandleInterval::Minute1, T0, T0 + 100 * MINUTE_MS)
                    .value()
                    .isEmpty());

        auto latest = m_candles->latest(QStringLiteral("005930"), CandleInterval::Minute1, 3);
        QCOMPARE(latest.value(), bars.mid(97, 3));
        auto last = m_candles->last(QStringLiteral("005930"), CandleInterval::Minute1);
        QVERIFY(last.value() == std::optional<Candle>(bars.last()));
        QVERIFY(!m_candles->last(QStringLiteral("005930"), CandleInterval::Day).value());
        QCOMPARE(countRows(m_db->connection(), QStringLiteral("audit_log")), 0); // market data is not audited
    }

    // The last bar keeps changing until it closes: a second write replaces it.
    void upsertReplaces()
    {
        QList<Candle> bars = minuteBars(T0, 10, 70000);
        QVERIFY(m_candles->upsert(QStringLiteral("005930"), CandleInterval::Minute1, bars).ok());
        bars.last().close = bars.last().high;
        bars.last().volume += 500;
        QList<Candle> update = bars.mid(8);
        update.append(Candle { T0 + 10 * MINUTE_MS, 80000, 80000, 80000, 80000, 1 });
        QCOMPARE(m_candles->upsert(QStringLiteral("005930"), CandleInterval::Minute1, update).value(), 3);
        QCOMPARE(countRows(m_db->connection(), QStringLiteral("candles")), 11);
        QCOMPARE(m_candles->latest(QStringLiteral("005930"), CandleInterval::Minute1, 2).value().first(), bars.last());
        QCOMPARE(m_candles->upsert(QStringLiteral("005930"), CandleInterval::Minute1, {}).value(), 0);
    }

    // One inconsistent bar fails the whole batch: nothing of it is written.
    void badBarFailsTheBatch_data()
    {
        QTest::addColumn<Candle>("bad");
        QTest::newRow("high below low") << Candle { T0 + 5 * MINUTE_MS, 100, 90, 95, 92, 1 };
        QTest::newRow("close above high") << Candle { T0 + 5 * MINUTE_MS, 100, 110, 90, 120, 1 };
        QTest::newRow("negative volume") << Candle { T0 + 5 * MINUTE_MS, 100, 110, 90, 100, -1 };
        QTest::newRow("negative low") << Candle { T0 + 5 * MINUTE_MS, 0, 10, -10, 0, 1 };
    }
    void badBarFailsTheBatch()
    {
        QFETCH(Candle, bad);
        QVERIFY(
            m_candles->upsert(QStringLiteral("005930"), CandleInterval::Day, minuteBars(T0 - DAY_MS, 3, 1000)).ok());
        const QStringList before = dumpAll(m_db->connection());
        QList<Candle> batch = minuteBars(T0, 10, 70000);
        batch[5] = bad;
        auto written = m_candles->upsert(QStringLiteral("005930"), CandleInterval::Minute1, batch);
        QVERIFY(!written.ok());
        QCOMPARE(written.error().code, QStringLiteral("storage.check"));
        QVERIFY(written.error().message.contains(QString::number(bad.timeMs)));
        QCOMPARE(dumpAll(m_db->connection()), before);
        QCOMPARE(m_candles->upsert(QString(), CandleInterval::Minute1, batch).error().code,
            QStringLiteral("storage.invalid_argument"));
    }

    void everyIntervalIsAccepted()
    {
        for (int i = int(CandleInterval::Minute1); i <= int(CandleInterval::Month); ++i) {
            const auto interval = CandleInterval(i);
            QVERIFY2(m_candles->upsert(QStringLiteral("005930"), interval, minuteBars(T0, 2, 1000)).ok(),
                qPrintable(Candles::toString(interval)));
        }
        QCOMPARE(countRows(m_db->connection(), QStringLiteral("candles")), 22);
    }

    void prune()
    {
        QVERIFY(m_candles->upsert(QStringLiteral("005930"), CandleInterval::Minute1, minuteBars(T0, 10, 70000)).ok());
        QVERIFY(m_candles->upsert(QStringLiteral("005930"), CandleInterval::Day, minuteBars(T0, 10, 70000)).ok());
        auto pruned = m_candles->prune(QStringLiteral("005930"), CandleInterval::Minute1, T0 + 4 * MINUTE_MS);
        QCOMPARE(pruned.value(), 4);
        QCOMPARE(countRows(m_db->connection(), QStringLiteral("candles")), 16);
    }
};

QTEST_GUILESS_MAIN(TestCandleRepository)
#include "tst_candlerepository.moc"
