// SPDX-License-Identifier: GPL-3.0-or-later
// Crash safety of the SQLite store. The test starts its own executable as a writer child (an
// environment variable selects that role), lets it commit orders and report each committed id on
// stdout, and kills it with SIGKILL — either in the middle of an open transaction whose pages have
// already spilled into the WAL, or while it is committing as fast as it can. The parent then
// reopens the database: it must open (integrity_check ok), hold every order the child reported as
// committed, each with its audit row, and nothing of the transaction that never committed.
//
// This covers a process crash (the kernel keeps what was written), which is what the app's
// synchronous=NORMAL in WAL mode guarantees: a committed transaction is in the WAL before COMMIT
// returns. A power loss may lose the last commits (no fsync per commit); start-up reconciliation
// with the broker covers that (see Database). It cannot be simulated here.
#include "common/clock.h"
#include "storage/auditlog.h"
#include "storage/database.h"
#include "storage/orderrepository.h"
#include "storage/sqlutil.h"
#include "storagefixture.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <cstdio>

namespace {

const char WRITER_DIR_ENV[] = "KT_STORAGE_CRASH_WRITER_DIR";
const char WRITER_MODE_ENV[] = "KT_STORAGE_CRASH_WRITER_MODE"; // "hang" or "loop"
const char WRITER_COMMITS_ENV[] = "KT_STORAGE_CRASH_WRITER_COMMITS"; // commits before hanging
const char WRITER_ROUND_ENV[] = "KT_STORAGE_CRASH_WRITER_ROUND";

void say(const QByteArray &line)
{
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

Storage::NewOrder order(const QString &clientId, int i)
{
    Storage::NewOrder o;
    o.clientOrderId = clientId;
    o.side = Side::Buy;
    o.stockCode = QStringLiteral("005930");
    o.stockName = QStringLiteral("삼성전자");
    o.quantity = 1 + i % 10;
    o.price = 70000 + (i % 20) * 100;
    o.origin = Storage::Origin::Strategy;
    return o;
}

// The child: commits orders one transaction each and reports them; in "hang" mode it then opens a
// big transaction, reports that, and sleeps inside it until it is killed.
int runWriter()
{
    const QString dir = qEnvironmentVariable(WRITER_DIR_ENV);
    const QString mode = qEnvironmentVariable(WRITER_MODE_ENV);
    const int commits = qEnvironmentVariableIntValue(WRITER_COMMITS_ENV);
    const QString round = qEnvironmentVariable(WRITER_ROUND_ENV);
    auto opened = Database::open(dir, SystemClock::instance());
    if (!opened) {
        say("OPEN_FAILED " + opened.error().message.toUtf8());
        return 2;
    }
    Database &db = *opened.value();
    OrderRepository orders(db);
    say("READY");
    for (int i = 0; mode == QLatin1String("loop") || i < commits; ++i) {
        const QString clientId = QStringLiteral("committed-%1-%2").arg(round).arg(i);
        auto created = orders.create(order(clientId, i), QStringLiteral("crash-writer"));
        if (!created) {
            say("ERROR " + created.error().message.toUtf8());
            return 3;
        }
        say("COMMITTED " + QByteArray::number(created.value().id) + ' ' + clientId.toUtf8());
    }
    // A tiny page cache makes the open transaction spill its dirty pages into the WAL as
    // uncommitted frames: the crash then leaves real uncommitted data on disk.
    if (auto s = Storage::run(db.connection(), QStringLiteral("PRAGMA cache_size = 8")); !s) {
        say("ERROR " + s.error().message.toUtf8());
        return 4;
    }
    Status never = db.transaction([&]() -> Status {
        for (int j = 0; j < 3000; ++j) {
            auto created = orders.create(
                order(QStringLiteral("uncommitted-%1-%2").arg(round).arg(j), j), QStringLiteral("crash-writer"));
            if (!created)
                return created.error();
        }
        say("IN_TRANSACTION");
        for (;;)
            QThread::sleep(1);
    });
    say("ERROR transaction ended: " + (never.ok() ? QByteArray("ok") : never.error().message.toUtf8()));
    return 5;
}

struct WriterRun
{
    QList<qint64> committedIds;
    QStringList committedClientIds;
    bool sawTransaction = false;
    QString failure;
};

} // namespace

class TestStorageCrash final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // Starts the writer, reads its reports until `until` returns true, kills it with SIGKILL.
    WriterRun runAndKill(
        const QString &mode, int commits, int round, const std::function<bool(const WriterRun &)> &until)
    {
        WriterRun run;
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QString::fromLatin1(WRITER_DIR_ENV), m_dir.path());
        env.insert(QString::fromLatin1(WRITER_MODE_ENV), mode);
        env.insert(QString::fromLatin1(WRITER_COMMITS_ENV), QString::number(commits));
        env.insert(QString::fromLatin1(WRITER_ROUND_ENV), QString::number(round));
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::SeparateChannels);
        child.start(QCoreApplication::applicationFilePath(), {});
        if (!child.waitForStarted(10000)) {
            run.failure = QStringLiteral("writer did not start: ") + child.errorString();
            return run;
        }
        auto parse = [&](const QByteArray &line) {
            if (line.startsWith("COMMITTED ")) {
                const QList<QByteArray> parts = line.split(' ');
                run.committedIds.append(parts.value(1).toLongLong());
                run.committedClientIds.append(QString::fromUtf8(parts.value(2)));
            } else if (line == "IN_TRANSACTION") {
                run.sawTransaction = true;
            } else if (line.startsWith("ERROR") || line.startsWith("OPEN_FAILED")) {
                run.failure = QString::fromUtf8(line);
            }
        };
        QElapsedTimer timer;
        timer.start();
        while (!until(run) && run.failure.isEmpty()) {
            if (timer.elapsed() > 60000) {
                run.failure = QStringLiteral("timed out waiting for the writer; stderr: ")
                    + QString::fromUtf8(child.readAllStandardError().right(2000));
                break;
            }
            if (child.state() == QProcess::NotRunning) {
                run.failure = QStringLiteral("writer exited early (%1): %2")
                                  .arg(child.exitCode())
                                  .arg(QString::fromUtf8(child.readAllStandardError().right(2000)));
                break;
            }
            if (!child.canReadLine())
                child.waitForReadyRead(100);
            while (child.canReadLine())
                parse(child.readLine().trimmed());
        }
        child.kill(); // SIGKILL: no destructor, no rollback, no checkpoint
        child.waitForFinished(10000);
        // Lines still in the pipe were printed after their commit: they count too.
        const QList<QByteArray> rest = child.readAllStandardOutput().split('\n');
        for (const QByteArray &line : rest)
            parse(line.trimmed());
        if (run.failure.isEmpty() && child.exitStatus() != QProcess::CrashExit)
            run.failure = QStringLiteral("the writer was not killed but exited with %1").arg(child.exitCode());
        return run;
    }

    // The database opens, passes its integrity check, holds every reported order with its audit
    // row, and holds no order of a transaction that never committed.
    void verifyAfterCrash(const QList<WriterRun> &runs, int maxUnreported)
    {
        ManualClock clock(StorageTest::T0);
        auto opened = Database::open(m_dir.path(), clock);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
        Database &db = *opened.value();
        QVERIFY(db.checkIntegrity().ok());
        OrderRepository orders(db);

        int reported = 0;
        for (const WriterRun &run : runs) {
            for (int i = 0; i < run.committedIds.size(); ++i) {
                auto found = orders.find(run.committedIds.at(i));
                QVERIFY(found.ok());
                QVERIFY2(found.value(),
                    qPrintable(QStringLiteral("committed order %1 is missing").arg(run.committedIds.at(i))));
                QCOMPARE(found.value()->clientOrderId, run.committedClientIds.at(i));
                QCOMPARE(found.value()->state, Storage::OrderState::New);
                ++reported;
            }
        }
        const QSqlDatabase c = db.connection();
        QCOMPARE(
            StorageTest::countRows(c, QStringLiteral("orders"), QStringLiteral("client_order_id LIKE 'uncommitted-%'")),
            0);
        const qint64 stored = StorageTest::countRows(c, QStringLiteral("orders"));
        QVERIFY2(stored >= reported && stored <= reported + maxUnreported,
            qPrintable(QStringLiteral("%1 orders stored, %2 reported").arg(stored).arg(reported)));
        // Atomicity: every order came with its audit row, and no audit row without its order.
        QCOMPARE(StorageTest::countRows(
                     c, QStringLiteral("audit_log"), QStringLiteral("entity = 'orders' AND action = 'create'")),
            stored);
        QCOMPARE(StorageTest::countRows(c, QStringLiteral("audit_log"),
                     QStringLiteral("entity = 'orders' AND entity_id NOT IN (SELECT id FROM orders)")),
            0);
        // The database is usable: a new order goes in.
        QVERIFY(orders.create(order(QStringLiteral("after-crash-%1").arg(stored), 0), QStringLiteral("test")).ok());
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // Killed inside an open transaction whose uncommitted pages are already in the WAL.
    void killInsideOpenTransaction()
    {
        const QString wal = m_dir.filePath(Database::fileName()) + QLatin1String("-wal");
        WriterRun run = runAndKill(QStringLiteral("hang"), 60, 1, [](const WriterRun &r) { return r.sawTransaction; });
        QVERIFY2(run.failure.isEmpty(), qPrintable(run.failure));
        QCOMPARE(run.committedIds.size(), 60);
        // The uncommitted transaction really reached the disk (spilled pages in the WAL).
        QVERIFY2(QFileInfo(wal).size() > 512 * 1024, qPrintable(QString::number(QFileInfo(wal).size())));
        verifyAfterCrash({ run }, 0);
    }

    // Killed at an arbitrary moment while committing as fast as it can, three times on the same
    // file: each restart recovers what the previous crash left.
    void killWhileCommitting()
    {
        QList<WriterRun> runs;
        // The file already holds the previous test's rows; count them as reported.
        WriterRun previous;
        {
            ManualClock clock(StorageTest::T0);
            auto opened = Database::open(m_dir.path(), clock);
            QVERIFY(opened.ok());
            QSqlQuery q(opened.value()->connection());
            QVERIFY(q.exec(QStringLiteral("SELECT id, client_order_id FROM orders")));
            while (q.next()) {
                previous.committedIds.append(q.value(0).toLongLong());
                previous.committedClientIds.append(q.value(1).toString());
            }
        }
        runs.append(previous);
        for (int round = 2; round <= 4; ++round) {
            const int target = 40 * (round - 1);
            WriterRun run = runAndKill(QStringLiteral("loop"), 0, round,
                [target](const WriterRun &r) { return r.committedIds.size() >= target; });
            QVERIFY2(run.failure.isEmpty(), qPrintable(run.failure));
            QVERIFY(run.committedIds.size() >= target);
            runs.append(run);
            // At most one order per crash can be committed but not yet reported.
            verifyAfterCrash(runs, round - 1);
            // verifyAfterCrash added one order of its own; count it as reported.
            WriterRun added;
            ManualClock clock(StorageTest::T0);
            auto opened = Database::open(m_dir.path(), clock);
            QVERIFY(opened.ok());
            QSqlQuery q(opened.value()->connection());
            QVERIFY(q.exec(
                QStringLiteral("SELECT id, client_order_id FROM orders WHERE client_order_id LIKE 'after-crash-%' "
                               "ORDER BY id DESC LIMIT 1")));
            QVERIFY(q.next());
            added.committedIds.append(q.value(0).toLongLong());
            added.committedClientIds.append(q.value(1).toString());
            runs.append(added);
        }
    }
};

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsSet(WRITER_DIR_ENV))
        return runWriter();
    TestStorageCrash test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_storagecrash.moc"
