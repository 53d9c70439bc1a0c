// SPDX-License-Identifier: GPL-3.0-or-later
// Storage benchmark: prints figures, asserts nothing. Run build/bench/bench_storage [directory]
// (default: a temporary directory; the figures depend on that file system's fsync).
#include "common/clock.h"
#include "storage/candlerepository.h"
#include "storage/conditionrepository.h"
#include "storage/database.h"
#include "storage/orderrepository.h"
#include "storage/signalrepository.h"
#include "storage/sqlutil.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QStorageInfo>
#include <QTemporaryDir>

#include <cstdio>

namespace {

constexpr qint64 T0 = 1741914000000; // 2025-03-14 10:00 KST

void report(const char *what, qint64 count, qint64 elapsedNs)
{
    const double seconds = double(elapsedNs) / 1e9;
    std::printf("%-58s %9lld in %8.3f s  = %10.0f /s  (%8.1f us each)\n", what, static_cast<long long>(count), seconds,
        double(count) / seconds, seconds * 1e6 / double(count));
    std::fflush(stdout);
}

QList<Candle> bars(qint64 start, int count)
{
    QList<Candle> list;
    list.reserve(count);
    for (int i = 0; i < count; ++i) {
        const qint64 open = 70000 + (i % 50) * 100;
        list.append(Candle { start + qint64(i) * 60000, open, open + 300, open - 200, open + 100, 1000 + i });
    }
    return list;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTemporaryDir tmp;
    const QString dir = argc > 1 ? QString::fromLocal8Bit(argv[1]) : tmp.path();
    ManualClock clock(T0);
    std::printf("directory %s (%s)\n", qPrintable(dir), QStorageInfo(dir).fileSystemType().constData());

    auto opened = Database::open(dir, clock);
    if (!opened) {
        std::fprintf(stderr, "open failed: %s\n", qPrintable(opened.error().message));
        return 1;
    }
    Database &db = *opened.value();
    CandleRepository candles(db);
    OrderRepository orders(db);
    QElapsedTimer timer;

    // 1. 100k one-minute candles in batches of 1,000 (one transaction each).
    timer.start();
    for (int batch = 0; batch < 100; ++batch) {
        auto written = candles.upsert(
            QStringLiteral("005930"), CandleInterval::Minute1, bars(T0 + qint64(batch) * 1000 * 60000, 1000));
        if (!written) {
            std::fprintf(stderr, "candle batch failed: %s\n", qPrintable(written.error().message));
            return 1;
        }
    }
    report("candles inserted, batches of 1,000", 100000, timer.nsecsElapsed());

    // 2. The same 100k again: every row is an upsert hit (replace).
    timer.restart();
    auto again = candles.upsert(QStringLiteral("005930"), CandleInterval::Minute1, bars(T0, 100000));
    if (!again)
        return 1;
    report("candles upserted over existing rows, one batch", 100000, timer.nsecsElapsed());

    // 3. Another stock, one batch of 100k.
    timer.restart();
    if (!candles.upsert(QStringLiteral("000660"), CandleInterval::Minute1, bars(T0, 100000)))
        return 1;
    report("candles inserted, one batch of 100,000", 100000, timer.nsecsElapsed());

    // 4. Range reads: one trading day of minute bars (390).
    timer.restart();
    qint64 read = 0;
    for (int i = 0; i < 500; ++i) {
        auto range = candles.range(QStringLiteral("005930"), CandleInterval::Minute1, T0 + qint64(i) * 60000 * 100,
            T0 + qint64(i) * 60000 * 100 + 390LL * 60000);
        if (!range)
            return 1;
        read += range.value().size();
    }
    report("range queries of 390 bars", 500, timer.nsecsElapsed());
    std::printf("  (%lld bars read)\n", static_cast<long long>(read));

    // 5. Order life cycles, one transaction per step (synchronous as Database sets it: NORMAL).
    const int cycles = 300;
    QList<qint64> ids;
    timer.restart();
    for (int i = 0; i < cycles; ++i) {
        Storage::NewOrder o;
        o.side = Side::Buy;
        o.stockCode = QStringLiteral("005930");
        o.quantity = 10;
        o.price = 70000;
        o.origin = Storage::Origin::Strategy;
        auto created = orders.create(o, QStringLiteral("bench"));
        if (!created)
            return 1;
        ids.append(created.value().id);
    }
    report("orders created (NEW + audit row), one transaction each", cycles, timer.nsecsElapsed());
    timer.restart();
    for (int i = 0; i < cycles; ++i) {
        if (!orders.markSent(ids.at(i), QStringLiteral("bench")))
            return 1;
        if (!orders.markAccepted(
                ids.at(i), Storage::OrderState::Sent, QString::number(1000000 + i), QStringLiteral("bench")))
            return 1;
    }
    report("order transitions (compare-and-set + audit row)", 2 * cycles, timer.nsecsElapsed());
    timer.restart();
    for (int i = 0; i < cycles; ++i) {
        Storage::ExecutionRecord e;
        e.brokerExecutionNo = QStringLiteral("E%1").arg(i);
        e.price = 70000;
        e.quantity = 10;
        if (!orders.recordExecution(ids.at(i), e, QStringLiteral("bench")))
            return 1;
    }
    report("executions recorded (fill + order update + 2 audit rows)", cycles, timer.nsecsElapsed());
    timer.restart();
    for (int i = 0; i < cycles; ++i) {
        Storage::ExecutionRecord e;
        e.brokerExecutionNo = QStringLiteral("E%1").arg(i);
        e.price = 70000;
        e.quantity = 10;
        auto dup = orders.recordExecution(ids.at(i), e, QStringLiteral("bench"));
        if (!dup || !dup.value().duplicate)
            return 1;
    }
    report("duplicate executions detected (nothing written)", cycles, timer.nsecsElapsed());

    // 6. Signal dedupe inserts.
    ConditionRepository conditions(db);
    const qint64 conditionId
        = conditions.upsert(QStringLiteral("bench"), QStringLiteral("0"), QStringLiteral("bench")).value().id;
    SignalRepository signalRepo(db);
    timer.restart();
    for (int i = 0; i < cycles; ++i) {
        Storage::PendingBuySignalRecord s;
        s.conditionId = conditionId;
        s.stockCode = QStringLiteral("%1").arg(i % 100, 6, 10, QLatin1Char('0'));
        s.signalType = QStringLiteral("REF");
        if (!signalRepo.insertPendingBuy(s, QStringLiteral("bench")))
            return 1;
    }
    report("buy signal inserts (100 new, 200 duplicates)", cycles, timer.nsecsElapsed());

    // 7. Durability per order (plan item 8): the order row is written (create, NEW) and marked SENT
    // before the request leaves, one transaction each. synchronous=FULL fsyncs the WAL at every
    // commit; NORMAL (the app's setting) writes it without fsync, which survives an app crash.
    for (const int mode : { 2, 1 }) {
        const QString sub = dir + (mode == 2 ? QLatin1String("/sync-full") : QLatin1String("/sync-normal"));
        auto fresh = Database::open(sub, clock);
        if (!fresh) {
            std::fprintf(stderr, "open failed: %s\n", qPrintable(fresh.error().message));
            return 1;
        }
        if (!Storage::run(fresh.value()->connection(), QStringLiteral("PRAGMA synchronous = %1").arg(mode)))
            return 1;
        OrderRepository journal(*fresh.value());
        const int orderCount = 300;
        timer.restart();
        for (int i = 0; i < orderCount; ++i) {
            Storage::NewOrder o;
            o.side = Side::Buy;
            o.stockCode = QStringLiteral("005930");
            o.quantity = 10;
            o.price = 70000;
            o.origin = Storage::Origin::Condition;
            auto created = journal.create(o, QStringLiteral("bench"));
            if (!created || !journal.markSent(created.value().id, QStringLiteral("bench")))
                return 1;
        }
        report(
            mode == 2 ? "orders create + markSent, synchronous=FULL" : "orders create + markSent, synchronous=NORMAL",
            orderCount, timer.nsecsElapsed());
    }

    // 8. Re-open (read-only inspection with integrity_check, then migrations check).
    db.close();
    opened.value().reset();
    const qint64 size = QFileInfo(dir + QLatin1String("/kiwoom-trader.db")).size();
    timer.restart();
    auto reopened = Database::open(dir, clock);
    if (!reopened)
        return 1;
    report("open() incl. integrity_check", 1, timer.nsecsElapsed());
    std::printf("  (database file %.1f MiB)\n", double(size) / (1024.0 * 1024.0));
    return 0;
}
