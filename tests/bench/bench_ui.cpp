// SPDX-License-Identifier: GPL-3.0-or-later
// bench_ui: the desktop UI's two speed figures of issue 13, with the trading docks (positions,
// orders, signals, log) and the account bar in the main window over a real demo core on its own
// thread (CoreThread + CoreGateway, as the app runs).
//  1. Cold start over a database pre-filled with --rows signal and order rows on earlier trading
//     days (default 1,000,000: 40% orders, 30% buy signals, 30% strategy signals): the time from
//     starting the core to a painted main window, and to every dock's first rows; the time of each
//     dock query on the core's thread against the big tables; and EXPLAIN QUERY PLAN of those
//     queries (each must name an index — a "SCAN" of a big table is reported).
//  2. The GUI event loop's stall while the simulator streams ticks for every stock of its universe
//     at --speed (virtual ms per real ms): a 2 ms precise timer on the GUI thread, in a real event
//     loop (QEventLoop::exec, as the app runs), records how late each timeout fires; p50 / p99 / max of that lateness,
//     the ticks per second the quote book received, and the process's resident memory. With --universe N the simulator
//     lists N stocks (61 hand-written + synthetic) and the quote book subscribes all of them; --tick-intensity X
//     multiplies each stock's trades (issue 13's target: 2,000 symbols at 5,000 ticks/s, e.g. --universe 2000 --speed
//     10 --tick-intensity 2.5).
// Prints figures; not a test.
// Usage: bench_ui [--rows N] [--seconds S] [--speed X] [--universe N] [--tick-intensity X]
#include "coregateway.h"
#include "corethread.h"
#include "logdock.h"
#include "mainwindow.h"
#include "ordersdock.h"
#include "positionsdock.h"
#include "signalsdock.h"

#include "common/clock.h"
#include "market/krx.h"
#include "services/quotebook.h"
#include "sim/simuniverse.h"
#include "storage/database.h"
#include "storage/sqlutil.h"
#include "trading/tradingengine.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QSettings>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <QTextStream>
#include <QTimer>
#include <QtTest>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>

#include <unistd.h>

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

qint64 residentKb(const char *field = "VmRSS:")
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qsizetype(qstrlen(field))).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// CPU time (ms) of every thread of this process by name (/proc/self/task/*/stat, utime + stime).
QMap<QString, double> threadCpuMs()
{
    QMap<QString, double> out;
    const double tick = 1000.0 / double(sysconf(_SC_CLK_TCK));
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile f(tasks.filePath(tid + QStringLiteral("/stat")));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray stat = f.readAll();
        const qsizetype open = stat.indexOf('(');
        const qsizetype close = stat.lastIndexOf(')');
        if (open < 0 || close < open)
            continue;
        const QString name = QString::fromUtf8(stat.mid(open + 1, close - open - 1));
        const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
        // After the name: state (0), ..., utime (11), stime (12).
        if (fields.size() > 12)
            out[name] += (fields.at(11).toDouble() + fields.at(12).toDouble()) * tick;
    }
    return out;
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const size_t i = std::min(v.size() - 1, size_t(p / 100.0 * double(v.size() - 1) + 0.5));
    return v[i];
}

// Fills the tables with `rows` rows on trading days before today (terminal states only, so the
// engine has nothing to act on): one INSERT ... SELECT over a recursive counter per table.
bool prefill(const QString &databaseDir, qint64 rows)
{
    SystemClock clock;
    auto db = Database::open(databaseDir, clock);
    if (!db) {
        out() << "prefill: " << db.error().message << Qt::endl;
        return false;
    }
    const qint64 orders = rows * 4 / 10;
    const qint64 buys = rows * 3 / 10;
    const qint64 strategy = rows - orders - buys;
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    const QSqlDatabase c = (*db)->connection();
    // Day d (1..1500) before today; 60 stocks.
    const QString counter
        = QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %1) ");
    const QString day = QStringLiteral("date(%1 / 1000 - (1 + i % 1500) * 86400, 'unixepoch', '+9 hours')").arg(nowMs);
    const QString at = QStringLiteral("(%1 - (1 + i % 1500) * 86400000)").arg(nowMs);
    const QString code = QStringLiteral("printf('%06d', 100000 + i % 60)");
    const QStringList sql {
        QStringLiteral("BEGIN"),
        QStringLiteral("INSERT INTO trading_strategies (strategy_name, strategy_type, is_enabled, parameters, "
                       "updated_at) VALUES ('bench history', 'momentum', 0, '{}', %1)")
            .arg(nowMs),
        counter.arg(orders)
            + QStringLiteral("INSERT INTO orders (client_order_id, action, side, stock_code, quantity, price, "
                             "trade_type, state, filled_quantity, filled_amount, avg_fill_price, created_at, "
                             "updated_at, origin, trading_date) SELECT 'bench-' || i, 'PLACE', "
                             "CASE i % 2 WHEN 0 THEN 'BUY' ELSE 'SELL' END, %1, 10, 10000, '0', "
                             "CASE i % 3 WHEN 0 THEN 'CANCELLED' ELSE 'FILLED' END, "
                             "CASE i % 3 WHEN 0 THEN 0 ELSE 10 END, CASE i % 3 WHEN 0 THEN 0 ELSE 100000 END, "
                             "CASE i % 3 WHEN 0 THEN 0 ELSE 10000 END, %2, %2, 'condition', %3 FROM n")
                  .arg(code, at, day),
        counter.arg(buys)
            + QStringLiteral("INSERT INTO pending_buy_signals (stock_code, detected_at, detected_date, status, "
                             "signal_type, source, updated_at) SELECT %1, %2, %3, "
                             "CASE i % 2 WHEN 0 THEN 'COMPLETED' ELSE 'EXPIRED' END, 'reference_candle', "
                             "'bench:' || i, %2 FROM n")
                  .arg(code, at, day),
        counter.arg(strategy)
            + QStringLiteral("INSERT INTO strategy_signals (strategy_id, stock_code, signal_type, detected_at, "
                             "detected_date, status, updated_at) SELECT (SELECT id FROM trading_strategies WHERE "
                             "strategy_name = 'bench history'), %1, 'buy_' || i, %2, %3, "
                             "CASE i % 2 WHEN 0 THEN 'COMPLETED' ELSE 'SKIPPED' END, %2 FROM n")
                  .arg(code, at, day),
        QStringLiteral("COMMIT"),
        QStringLiteral("ANALYZE"),
    };
    for (const QString &s : sql) {
        auto r = Storage::run(c, s);
        if (!r) {
            out() << "prefill failed: " << r.error().message << "\n  " << s.left(200) << Qt::endl;
            return false;
        }
    }
    return true;
}

// Core thread: times each dock query and explains its plan.
QStringList measureQueries(TradingCore &core)
{
    QStringList lines;
    Database *db = core.database();
    if (!db)
        return { QStringLiteral("no database") };
    const QString date = Krx::tradingDateString(core.marketClock().nowMs());
    const QList<QPair<QString, QString>> queries {
        { QStringLiteral("orders of today (orders dock)"),
            QStringLiteral("SELECT * FROM orders WHERE trading_date = '%1' ORDER BY id").arg(date) },
        { QStringLiteral("pending buy signals (signals dock)"),
            QStringLiteral(
                "SELECT * FROM pending_buy_signals WHERE status = 'PENDING' ORDER BY detected_at, id LIMIT 500") },
        { QStringLiteral("today's buy signals of a status (signals dock, x8)"),
            QStringLiteral("SELECT * FROM pending_buy_signals WHERE detected_date = '%1' AND status = 'COMPLETED' "
                           "ORDER BY detected_at, id LIMIT 500")
                .arg(date) },
        { QStringLiteral("today's strategy signals of a status (signals dock, x8)"),
            QStringLiteral("SELECT * FROM strategy_signals WHERE detected_date = '%1' AND status = 'SKIPPED' "
                           "ORDER BY detected_at, id LIMIT 500")
                .arg(date) },
        { QStringLiteral("decisions of a signal (signals dock ledger)"),
            QStringLiteral("SELECT * FROM signal_decisions WHERE stock_code = '005930' AND signal_kind = 'PENDING_BUY' "
                           "AND signal_id = 1 ORDER BY id DESC LIMIT 200") },
        { QStringLiteral("live positions (positions dock, account bar)"),
            QStringLiteral("SELECT * FROM positions WHERE status IN ('OPEN', 'SELLING')") },
    };
    for (const auto &[what, sql] : queries) {
        QElapsedTimer t;
        t.start();
        int n = 0;
        if (auto r = Storage::exec(db->connection(), sql)) {
            QSqlQuery q = std::move(r).value();
            while (q.next())
                ++n;
        }
        const double ms = double(t.nsecsElapsed()) / 1e6;
        QStringList plan;
        if (auto r = Storage::exec(db->connection(), QStringLiteral("EXPLAIN QUERY PLAN ") + sql)) {
            QSqlQuery q = std::move(r).value();
            while (q.next())
                plan << q.value(3).toString();
        }
        lines << QStringLiteral("  %1: %2 rows, %3 ms; plan: %4")
                     .arg(what)
                     .arg(n)
                     .arg(ms, 0, 'f', 2)
                     .arg(plan.join(QStringLiteral(" | ")));
    }
    return lines;
}

// Runs this thread's event loop for ms, as QApplication::exec() does: blocked in the dispatcher
// until an event or a timer is due. (QTest::qWait is no stand-in: it sleeps 10 ms between rounds of
// processEvents(), which alone makes a 2 ms timer 8-10 ms late.) onTick, if given, runs every 500 ms.
void runEventLoop(int ms, const std::function<void()> &onTick = {})
{
    QEventLoop loop;
    QTimer tick;
    if (onTick) {
        QObject::connect(&tick, &QTimer::timeout, onTick);
        tick.start(500);
    }
    QTimer::singleShot(ms, Qt::PreciseTimer, &loop, &QEventLoop::quit); // a coarse one may fire 5% early
    loop.exec();
}

// Lateness of a 2 ms precise timer on this (the GUI) thread over `ms`: the samples, in ms.
std::vector<double> probeLateness(int ms)
{
    std::vector<double> lateness;
    QElapsedTimer clock;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(2);
    qint64 last = 0;
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        if (last > 0)
            lateness.push_back(std::max(0.0, double(now - last) / 1e6 - 2.0));
        last = now;
    });
    clock.start();
    probe.start();
    runEventLoop(ms);
    probe.stop();
    return lateness;
}

QString describe(const std::vector<double> &lateness)
{
    return QStringLiteral("p50 %1 ms, p99 %2 ms, max %3 ms (%4 samples)")
        .arg(percentile(lateness, 50), 0, 'f', 2)
        .arg(percentile(lateness, 99), 0, 'f', 2)
        .arg(lateness.empty() ? 0.0 : *std::max_element(lateness.begin(), lateness.end()), 0, 'f', 2)
        .arg(lateness.size());
}

qint64 threadCpuNs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

// Times the GUI thread's own work per top-level event: wall time and this thread's CPU time (the
// CPU time is what the window costs; the wall time adds waiting for a core on a busy machine).
class TimedApplication final : public QApplication
{
public:
    using QApplication::QApplication;
    bool notify(QObject *receiver, QEvent *event) override
    {
        if (!recording || depth > 0 || QThread::currentThread() != thread()) {
            ++depth;
            const bool r = QApplication::notify(receiver, event);
            --depth;
            return r;
        }
        ++depth;
        QElapsedTimer wall;
        wall.start();
        const qint64 cpu0 = threadCpuNs();
        const bool r = QApplication::notify(receiver, event);
        cpuMs.push_back(double(threadCpuNs() - cpu0) / 1e6);
        wallMs.push_back(double(wall.nsecsElapsed()) / 1e6);
        --depth;
        return r;
    }
    bool recording = false;
    int depth = 0;
    std::vector<double> cpuMs;
    std::vector<double> wallMs;
};

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    TimedApplication app(argc, argv);
    qint64 rows = 1'000'000;
    int seconds = 20;
    double speed = 10.0;
    int universe = Sim::BASE_UNIVERSE_SIZE;
    double intensity = 1.0;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args.at(i) == u"--rows")
            rows = args.at(i + 1).toLongLong();
        else if (args.at(i) == u"--seconds")
            seconds = args.at(i + 1).toInt();
        else if (args.at(i) == u"--speed")
            speed = args.at(i + 1).toDouble();
        else if (args.at(i) == u"--universe")
            universe = args.at(i + 1).toInt();
        else if (args.at(i) == u"--tick-intensity")
            intensity = args.at(i + 1).toDouble();
    }

    QTemporaryDir dir;
    const QString databaseDir = QDir(dir.path()).filePath(QStringLiteral("demo"));
    QDir().mkpath(databaseDir);
    QElapsedTimer fill;
    fill.start();
    if (!prefill(databaseDir, rows))
        return 1;
    out() << "prefill: " << rows << " signal/order rows on earlier days in " << fill.elapsed() << " ms ("
          << QFileInfo(QDir(databaseDir).filePath(Database::fileName())).size() / (1024 * 1024) << " MB)" << Qt::endl;

    {
        // What the core's start pays for the big file: Database::open (PRAGMA integrity_check and the
        // migrations' checks) and, for comparison, PRAGMA quick_check (warm page cache: just written).
        SystemClock clock;
        QElapsedTimer t;
        t.start();
        auto db = Database::open(databaseDir, clock);
        const qint64 openMs = t.elapsed();
        t.restart();
        if (db)
            (void)Storage::exec((*db)->connection(), QStringLiteral("PRAGMA quick_check"));
        out() << "Database::open (integrity_check) of the pre-filled file: " << openMs
              << " ms; PRAGMA quick_check alone: " << t.elapsed() << " ms" << Qt::endl;
    }

    const QString ini = dir.filePath(QStringLiteral("kiwoom-trader.ini"));
    {
        QSettings s(ini, QSettings::IniFormat);
        s.setValue(QStringLiteral("control/enabled"), false);
        s.setValue(QStringLiteral("sim/speed"), speed);
        s.setValue(QStringLiteral("sim/universeSize"), universe);
        s.setValue(QStringLiteral("sim/tickIntensity"), intensity);
        s.setValue(QStringLiteral("sim/maxRealtimeItems"), std::max(200, universe + 100));
    }
    TradingCore::Options o;
    o.dataDir = dir.path();
    o.configFile = ini;
    o.mode = QStringLiteral("demo");

    // The machine's own noise: the same probe with nothing running yet.
    out() << "baseline (no core, no window) 2 ms probe lateness: " << describe(probeLateness(3000)) << Qt::endl;

    // ---- 1. cold start --------------------------------------------------------------------------
    QElapsedTimer start;
    start.start();
    CoreThread thread(o);
    const Status started = thread.start();
    if (!started) {
        out() << "core did not start: " << started.error().message << Qt::endl;
        return 1;
    }
    const qint64 coreStartedMs = start.elapsed();
    CoreGateway gateway(thread.core());
    const qint64 windowStartMs = start.elapsed();
    auto *window = new MainWindow(&gateway);
    bool positionsLoaded = false, ordersLoaded = false, signalsLoaded = false, logLoaded = false;
    qint64 loadedMs = -1;
    const auto loaded = [&] {
        if (loadedMs < 0 && positionsLoaded && ordersLoaded && signalsLoaded && logLoaded)
            loadedMs = start.elapsed();
    };
    QObject::connect(
        window->findChild<PositionsDock *>(QStringLiteral("positionsDock")), &PositionsDock::refreshed, [&] {
            positionsLoaded = true;
            loaded();
        });
    QObject::connect(window->findChild<OrdersDock *>(QStringLiteral("ordersDock")), &OrdersDock::refreshed, [&] {
        ordersLoaded = true;
        loaded();
    });
    QObject::connect(window->findChild<SignalsDock *>(QStringLiteral("signalsDock")), &SignalsDock::refreshed, [&] {
        signalsLoaded = true;
        loaded();
    });
    QObject::connect(window->findChild<LogDock *>(QStringLiteral("logDock")), &LogDock::refreshed, [&] {
        logLoaded = true;
        loaded();
    });
    window->show();
    if (!QTest::qWaitForWindowExposed(window)) {
        out() << "window not exposed" << Qt::endl;
        return 1;
    }
    window->repaint();
    const qint64 paintedMs = start.elapsed();
    (void)QTest::qWaitFor([&] { return loadedMs >= 0; }, 30000);
    out() << "cold start (demo core + main window with the trading docks, " << rows << " rows):" << Qt::endl;
    out() << "  core started (settings, database, simulator up): " << coreStartedMs << " ms" << Qt::endl;
    out() << "  main window painted: " << paintedMs << " ms (" << (paintedMs - windowStartMs)
          << " ms from constructing the window)" << Qt::endl;
    out() << "  every dock's first rows shown: " << loadedMs << " ms (" << (loadedMs - windowStartMs)
          << " ms from constructing the window)" << Qt::endl;

    QStringList queryLines;
    bool measured = false;
    gateway.read(&gateway, measureQueries, [&](const QStringList &l) {
        queryLines = l;
        measured = true;
    });
    (void)QTest::qWaitFor([&] { return measured; }, 30000);
    out() << "dock queries on the core thread over the big tables:" << Qt::endl;
    for (const QString &l : queryLines)
        out() << l << Qt::endl;

    // ---- 2. GUI stall while ticks stream ----------------------------------------------------------
    bool ready = false;
    QElapsedTimer wait;
    wait.start();
    while (!ready && wait.elapsed() < 60000) {
        bool done = false;
        gateway.read(
            &gateway, [](TradingCore &core) { return core.engine() && core.engine()->isReady(); },
            [&](bool r) {
                ready = r;
                done = true;
            });
        (void)QTest::qWaitFor([&] { return done; }, 5000);
        if (!ready)
            QTest::qWait(200);
    }
    out() << "engine ready after " << start.elapsed() << " ms" << Qt::endl;
    QStringList codes;
    for (const auto &s : Sim::universe(universe))
        codes << s.code;
    quint64 ticksBefore = 0;
    bool watched = false;
    gateway.read(
        &gateway,
        [codes](TradingCore &core) -> quint64 {
            if (!core.quoteBook())
                return 0;
            core.quoteBook()->watch(QStringLiteral("bench"), codes);
            return core.quoteBook()->ticksReceived();
        },
        [&](quint64 t) {
            ticksBefore = t;
            watched = true;
        });
    (void)QTest::qWaitFor([&] { return watched; }, 5000);
    // Subscriptions settle: every watched code has had a tick (or 30 s passed).
    QElapsedTimer settle;
    settle.start();
    int quoted = 0;
    while (settle.elapsed() < 30000) {
        bool done = false;
        gateway.read(
            &gateway, [](TradingCore &core) { return core.quoteBook() ? int(core.quoteBook()->quotes().size()) : 0; },
            [&](int n) {
                quoted = n;
                done = true;
            });
        (void)QTest::qWaitFor([&] { return done; }, 5000);
        if (quoted >= codes.size())
            break;
        QTest::qWait(500);
    }
    out() << "quotes of " << quoted << " of " << codes.size() << " watched codes after " << settle.elapsed()
          << " ms; resident memory " << residentKb() / 1024 << " MB" << Qt::endl;

    std::vector<double> lateness;
    lateness.reserve(size_t(seconds) * 600);
    QElapsedTimer clock;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(2);
    qint64 last = 0;
    clock.start();
    quint64 ticksStart = 0;
    bool gotStart = false;
    gateway.read(
        &gateway, [](TradingCore &core) { return core.quoteBook() ? core.quoteBook()->ticksReceived() : quint64(0); },
        [&](quint64 t) {
            ticksStart = t;
            gotStart = true;
        });
    (void)QTest::qWaitFor([&] { return gotStart; }, 5000);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        if (last > 0)
            lateness.push_back(std::max(0.0, double(now - last) / 1e6 - 2.0));
        last = now;
    });
    const qint64 peakBefore = residentKb();
    app.cpuMs.clear();
    app.wallMs.clear();
    app.recording = true;
    const QMap<QString, double> threadsBefore = threadCpuMs();
    const qint64 guiCpu0 = threadCpuNs();
    clock.restart();
    probe.start();
    qint64 peakKb = peakBefore;
    QElapsedTimer run;
    run.start();
    runEventLoop(seconds * 1000, [&] { peakKb = std::max(peakKb, residentKb()); });
    peakKb = std::max(peakKb, residentKb());
    probe.stop();
    app.recording = false;
    const double guiCpuMs = double(threadCpuNs() - guiCpu0) / 1e6;
    const QMap<QString, double> threadsAfter = threadCpuMs();
    const double elapsedS = double(run.elapsed()) / 1000.0;
    quint64 ticksEnd = 0;
    bool gotEnd = false;
    gateway.read(
        &gateway, [](TradingCore &core) { return core.quoteBook() ? core.quoteBook()->ticksReceived() : quint64(0); },
        [&](quint64 t) {
            ticksEnd = t;
            gotEnd = true;
        });
    (void)QTest::qWaitFor([&] { return gotEnd; }, 5000);
    Q_UNUSED(ticksBefore);
    out() << "GUI event-loop stall, " << codes.size()
          << " subscribed symbols (the simulator's whole universe), sim speed " << speed << ", tick intensity "
          << intensity << ", " << seconds << " s:" << Qt::endl;
    out() << "  ticks received: " << (ticksEnd - ticksStart) << " ("
          << QString::number(double(ticksEnd - ticksStart) / elapsedS, 'f', 0) << "/s)" << Qt::endl;
    out() << "  2 ms probe lateness: p50 " << QString::number(percentile(lateness, 50), 'f', 2) << " ms, p99 "
          << QString::number(percentile(lateness, 99), 'f', 2) << " ms, max "
          << QString::number(lateness.empty() ? 0.0 : *std::max_element(lateness.begin(), lateness.end()), 'f', 2)
          << " ms (" << lateness.size() << " samples)" << Qt::endl;
    int over16 = 0;
    for (double l : lateness)
        over16 += l > 16.0 ? 1 : 0;
    out() << "  stalls over 16 ms: " << over16 << Qt::endl;
    out() << "  GUI thread work per event (" << app.cpuMs.size() << " events): CPU p99 "
          << QString::number(percentile(app.cpuMs, 99), 'f', 2) << " ms, max "
          << QString::number(app.cpuMs.empty() ? 0.0 : *std::max_element(app.cpuMs.begin(), app.cpuMs.end()), 'f', 2)
          << " ms; wall p99 " << QString::number(percentile(app.wallMs, 99), 'f', 2) << " ms, max "
          << QString::number(app.wallMs.empty() ? 0.0 : *std::max_element(app.wallMs.begin(), app.wallMs.end()), 'f', 2)
          << " ms; GUI thread CPU " << QString::number(guiCpuMs / (elapsedS * 10.0), 'f', 1) << "% of one core"
          << Qt::endl;
    {
        QStringList busy;
        double total = 0;
        for (auto it = threadsAfter.cbegin(); it != threadsAfter.cend(); ++it) {
            const double ms = it.value() - threadsBefore.value(it.key());
            total += ms;
            if (ms / (elapsedS * 10.0) >= 1.0)
                busy << QStringLiteral("%1 %2%").arg(it.key()).arg(ms / (elapsedS * 10.0), 0, 'f', 0);
        }
        out() << "  process CPU " << QString::number(total / (elapsedS * 10.0), 'f', 0)
              << "% of one core (threads at 1% or more: " << busy.join(QStringLiteral(", ")) << ")" << Qt::endl;
    }
    out() << "  resident memory: " << peakKb / 1024 << " MB peak during the run; " << residentKb("VmHWM:") / 1024
          << " MB high-water mark of the whole process (start-up and the database prefill included)" << Qt::endl;

    delete window;
    thread.stop();
    return 0;
}
