// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/orderrepository.h"
#include "storage/sqlutil.h"
#include "storagefixture.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace StorageTest;

namespace {

QString pragma(const Database &db, const QString &name)
{
    QSqlQuery query(db.connection());
    if (!query.exec(QStringLiteral("PRAGMA ") + name) || !query.next())
        return QStringLiteral("<error>");
    return query.value(0).toString();
}

qint64 count(const Database &db, const QString &sql)
{
    QSqlQuery query(db.connection());
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

Status insertCondition(Database &db, const QString &name)
{
    auto done = Storage::run(db.connection(),
        QStringLiteral("INSERT INTO auto_trade_conditions (condition_name, updated_at) VALUES (?, 0)"), { name });
    return done ? Status() : Status(done.error());
}

// Fills a table so the file has many pages (a damaged page then hits real data).
Status populate(Database &db, int rows)
{
    return db.transaction([&]() -> Status {
        for (int i = 0; i < rows; ++i) {
            auto done = Storage::run(db.connection(),
                QStringLiteral("INSERT INTO audit_log (at, actor, entity, entity_id, action, after) "
                               "VALUES (?, 'test', 'filler', ?, 'insert', ?)"),
                { qint64(i), qint64(i), QStringLiteral("{\"pad\":\"%1\"}").arg(QString(200, QChar(u'x'))) });
            if (!done)
                return done.error();
        }
        return {};
    });
}

} // namespace

class TestDatabase final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void openCreatesDirectoryAndFile()
    {
        QTemporaryDir dir;
        ManualClock clock(T0);
        const QString dataDir = dir.filePath(QStringLiteral("nested/data"));
        auto opened = Database::open(dataDir, clock);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
        const auto &db = opened.value();
        QVERIFY(db->isOpen());
        QCOMPARE(db->filePath(), QDir(dataDir).filePath(QStringLiteral("kiwoom-trader.db")));
        QVERIFY(QFile::exists(db->filePath()));
        QCOMPARE(db->schemaVersion().value(), Database::latestSchemaVersion());
        QVERIFY(Database::latestSchemaVersion() >= 2);
        QCOMPARE(pragma(*db, QStringLiteral("application_id")).toInt(), Storage::APPLICATION_ID);
    }

    void pragmasTakeEffect()
    {
        QTemporaryDir dir;
        ManualClock clock(T0);
        auto opened = Database::open(dir.path(), clock);
        QVERIFY(opened.ok());
        const auto &db = opened.value();
        QCOMPARE(pragma(*db, QStringLiteral("journal_mode")), QStringLiteral("wal"));
        QCOMPARE(pragma(*db, QStringLiteral("foreign_keys")), QStringLiteral("1"));
        QCOMPARE(pragma(*db, QStringLiteral("synchronous")), QStringLiteral("1")); // NORMAL (see database.h)
        QCOMPARE(pragma(*db, QStringLiteral("busy_timeout")), QString::number(Database::BUSY_TIMEOUT_MS));
        QCOMPARE(Database::BUSY_TIMEOUT_MS, 250);
        QVERIFY(db->checkIntegrity().ok());
        // journal_mode is persistent: a plain connection sees WAL too.
        db->close();
        RawConnection raw(dir.filePath(Database::fileName()));
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    }

    void inMemoryHasNewestSchema()
    {
        ManualClock clock(T0);
        auto db = openMemory(clock);
        QVERIFY(db);
        QVERIFY(db->filePath().isEmpty());
        QCOMPARE(db->schemaVersion().value(), Database::latestSchemaVersion());
        QCOMPARE(pragma(*db, QStringLiteral("foreign_keys")), QStringLiteral("1"));
        QCOMPARE(pragma(*db, QStringLiteral("synchronous")), QStringLiteral("1"));
    }

    void instancesHaveTheirOwnConnections()
    {
        ManualClock clock(T0);
        const QStringList before = QSqlDatabase::connectionNames();
        auto a = openMemory(clock);
        auto b = openMemory(clock);
        QVERIFY(a && b);
        QVERIFY(a->connection().connectionName() != b->connection().connectionName());
        QCOMPARE(QSqlDatabase::connectionNames().size(), before.size() + 2);
        QVERIFY(insertCondition(*a, QStringLiteral("only in a")).ok());
        QCOMPARE(count(*a, QStringLiteral("SELECT count(*) FROM auto_trade_conditions")), 1);
        QCOMPARE(count(*b, QStringLiteral("SELECT count(*) FROM auto_trade_conditions")), 0);
        a.reset();
        QCOMPARE(QSqlDatabase::connectionNames().size(), before.size() + 1);
        QVERIFY(insertCondition(*b, QStringLiteral("b still works")).ok());
        b->close();
        b->close(); // idempotent
        QVERIFY(!b->isOpen());
        auto afterClose = insertCondition(*b, QStringLiteral("closed"));
        QVERIFY(!afterClose.ok());
        QCOMPARE(afterClose.error().code, QStringLiteral("storage.closed"));
        b.reset();
        QCOMPARE(QSqlDatabase::connectionNames(), before);
    }

    void reopenIsIdempotent()
    {
        QTemporaryDir dir;
        ManualClock clock(T0);
        QStringList firstSchema;
        {
            auto opened = Database::open(dir.path(), clock);
            QVERIFY(opened.ok());
            QVERIFY(insertCondition(*opened.value(), QStringLiteral("kept")).ok());
            firstSchema = schemaDescription(opened.value()->connection());
        }
        for (int i = 0; i < 3; ++i) {
            auto opened = Database::open(dir.path(), clock);
            QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
            QCOMPARE(schemaDescription(opened.value()->connection()), firstSchema);
            QCOMPARE(count(*opened.value(), QStringLiteral("SELECT count(*) FROM auto_trade_conditions")), 1);
        }
    }

    // A clean close leaves <file>.clean with the file's stamp; the next open consumes it (and may
    // skip the full integrity check); a crash leaves no marker, so the next open checks every page.
    void cleanCloseMarkerIsWrittenAtCloseAndConsumedAtOpen()
    {
        QTemporaryDir dir;
        ManualClock clock(T0);
        const QString marker = dir.filePath(Database::fileName()) + QStringLiteral(".clean");
        {
            auto opened = Database::open(dir.path(), clock);
            QVERIFY(opened.ok());
            QVERIFY(populate(*opened.value(), 50).ok());
            QVERIFY(!QFile::exists(marker));
        }
        QVERIFY(QFile::exists(marker));
        QCOMPARE(QFileInfo(marker).permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
            QFileDevice::Permissions());
        {
            auto opened = Database::open(dir.path(), clock);
            QVERIFY(opened.ok());
            QVERIFY(!QFile::exists(marker)); // consumed: a crash from here on means a full check
            QCOMPARE(
                count(*opened.value(), QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'filler'")), 50);
        }
        QVERIFY(QFile::exists(marker));
    }

    void emptyExistingFileIsAFreshDatabase()
    {
        QTemporaryDir dir;
        ManualClock clock(T0);
        const QString path = dir.filePath(Database::fileName());
        QVERIFY(writeFile(path, QByteArray()));
        auto opened = Database::open(dir.path(), clock);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
        QCOMPARE(opened.value()->schemaVersion().value(), Database::latestSchemaVersion());
    }

    void unusableDataDirectoryFails()
    {
        QTemporaryDir dir;
        ManualClock clock(T0);
        const QString notADir = dir.filePath(QStringLiteral("a-file"));
        QVERIFY(writeFile(notADir, "x"));
        auto opened = Database::open(notADir, clock);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, QStringLiteral("storage.open_failed"));
        auto noDir = Database::open(QString(), clock);
        QVERIFY(!noDir.ok());
        QCOMPARE(noDir.error().code, QStringLiteral("storage.open_failed"));
    }

    // Damaged files: open() fails with storage.corrupt and the file keeps every byte.
    void corruptFileIsRefusedAndKept_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::newRow("random bytes, one page") << QStringLiteral("random4096");
        QTest::newRow("random bytes, tiny") << QStringLiteral("random50");
        QTest::newRow("random bytes, many pages") << QStringLiteral("random65536");
        QTest::newRow("text file") << QStringLiteral("text");
        QTest::newRow("truncated to half") << QStringLiteral("truncate");
        QTest::newRow("table page overwritten") << QStringLiteral("page");
        QTest::newRow("header magic damaged") << QStringLiteral("magic");
        QTest::newRow("page damaged with a hot WAL beside it") << QStringLiteral("wal");
    }
    void corruptFileIsRefusedAndKept()
    {
        QFETCH(QString, damage);
        QTemporaryDir dir;
        ManualClock clock(T0);
        const QString path = dir.filePath(Database::fileName());
        QRandomGenerator random(42);
        auto randomBytes = [&](int size) {
            QByteArray bytes(size, Qt::Uninitialized);
            for (char &b : bytes)
                b = char(random.bounded(256));
            return bytes;
        };

        if (damage.startsWith(QLatin1String("random"))) {
            QVERIFY(writeFile(path, randomBytes(damage.mid(6).toInt())));
        } else if (damage == QLatin1String("text")) {
            QVERIFY(writeFile(path, QByteArray("this is not a database\n").repeated(200)));
        } else {
            {
                auto opened = Database::open(dir.path(), clock);
                QVERIFY(opened.ok());
                QVERIFY(populate(*opened.value(), 600).ok());
                if (damage == QLatin1String("wal")) {
                    // Keep a writer open and copy the files while its WAL holds committed frames:
                    // exactly what a crash leaves behind.
                    QVERIFY(
                        Storage::run(opened.value()->connection(), QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"))
                            .ok());
                    for (int i = 0; i < 20; ++i)
                        QVERIFY(insertCondition(*opened.value(), QStringLiteral("wal %1").arg(i)).ok());
                    const QString copy = dir.filePath(QStringLiteral("copy.db"));
                    QVERIFY(QFile::copy(path, copy));
                    QVERIFY(QFile::copy(path + QLatin1String("-wal"), copy + QLatin1String("-wal")));
                    QVERIFY(QFileInfo(copy + QLatin1String("-wal")).size() > 0);
                }
            }
            if (damage == QLatin1String("wal")) {
                QVERIFY(QFile::remove(path));
                QVERIFY(QFile::rename(dir.filePath(QStringLiteral("copy.db")), path));
                QVERIFY(QFile::rename(dir.filePath(QStringLiteral("copy.db-wal")), path + QLatin1String("-wal")));
            }
            QVERIFY(!QFile::exists(path + QLatin1String("-shm")) || damage == QLatin1String("wal"));
            int rootPage = 0;
            {
                RawConnection raw(path, true);
                rootPage
                    = raw.scalar(QStringLiteral("SELECT rootpage FROM sqlite_schema WHERE name = 'audit_log'")).toInt();
            }
            QVERIFY(rootPage > 1);
            const QByteArray original = readFile(path);
            QVERIFY(original.size() > 8 * 4096);
            if (damage == QLatin1String("truncate")) {
                QVERIFY(writeFile(path, original.left(original.size() / 2)));
            } else if (damage == QLatin1String("magic")) {
                QVERIFY(patchFile(path, 0, QByteArray("SQLite format 2\0", 16)));
            } else {
                // The audit_log table's root page (an interior page: it points at the others).
                QVERIFY(patchFile(path, qint64(rootPage - 1) * 4096, randomBytes(4096)));
            }
        }

        const QByteArray before = readFile(path);
        const QByteArray walBefore = readFile(path + QLatin1String("-wal"));
        auto opened = Database::open(dir.path(), clock);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, QStringLiteral("storage.corrupt"));
        QVERIFY(opened.error().message.contains(QLatin1String("untouched")));
        QCOMPARE(readFile(path), before);
        if (damage == QLatin1String("wal"))
            QCOMPARE(readFile(path + QLatin1String("-wal")), walBefore);

        // A second attempt fails the same way: nothing was "repaired" in between.
        auto again = Database::open(dir.path(), clock);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, QStringLiteral("storage.corrupt"));
        QCOMPARE(readFile(path), before);
    }

    void newerSchemaIsRefusedAndKept()
    {
        QTemporaryDir dir;
        ManualClock clock(T0);
        const QString path = dir.filePath(Database::fileName());
        QString error;
        QVERIFY2(createAtVersion(path, frozenVersionCount(), &error), qPrintable(error));
        {
            RawConnection raw(path);
            QVERIFY(raw.exec(QStringLiteral("PRAGMA user_version = %1").arg(Database::latestSchemaVersion() + 1)));
        }
        const QByteArray before = readFile(path);
        auto opened = Database::open(dir.path(), clock);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, QStringLiteral("storage.schema_too_new"));
        QVERIFY(opened.error().message.contains(QString::number(Database::latestSchemaVersion() + 1)));
        QCOMPARE(readFile(path), before);
        RawConnection raw(path);
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), Database::latestSchemaVersion() + 1);
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("delete"));
    }

    void foreignDatabaseIsRefusedAndKept()
    {
        QTemporaryDir dir;
        ManualClock clock(T0);
        const QString path = dir.filePath(Database::fileName());
        {
            RawConnection raw(path);
            QVERIFY(raw.exec(QStringLiteral("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")));
            QVERIFY(raw.exec(QStringLiteral("INSERT INTO photos (name) VALUES ('cat')")));
        }
        const QByteArray before = readFile(path);
        auto opened = Database::open(dir.path(), clock);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, QStringLiteral("storage.foreign_file"));
        QCOMPARE(readFile(path), before);
    }

    void transactionCommitsOrRollsBack()
    {
        ManualClock clock(T0);
        auto db = openMemory(clock);
        QVERIFY(db);
        const QString countSql = QStringLiteral("SELECT count(*) FROM auto_trade_conditions");

        Status committed = db->transaction([&]() -> Status { return insertCondition(*db, QStringLiteral("a")); });
        QVERIFY(committed.ok());
        QCOMPARE(count(*db, countSql), 1);
        QVERIFY(!db->inTransaction());

        Status failed = db->transaction([&]() -> Status {
            if (Status s = insertCondition(*db, QStringLiteral("b")); !s)
                return s;
            return Error { QStringLiteral("test.fail"), QStringLiteral("the body failed") };
        });
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().code, QStringLiteral("test.fail"));
        QCOMPARE(count(*db, countSql), 1);

        // An SQL error inside the body: the whole body is undone.
        Status sqlFailed = db->transaction([&]() -> Status {
            if (Status s = insertCondition(*db, QStringLiteral("c")); !s)
                return s;
            return insertCondition(*db, QStringLiteral("a")); // duplicate name
        });
        QVERIFY(!sqlFailed.ok());
        QCOMPARE(sqlFailed.error().code, QStringLiteral("storage.unique"));
        QVERIFY(sqlFailed.error().message.contains(QLatin1String("condition_name")));
        QCOMPARE(count(*db, countSql), 1);

        // A value comes through.
        Result<int> value = db->transaction([&]() -> Result<int> { return 7; });
        QCOMPARE(value.value(), 7);
    }

    void nestedTransactionsAreSavepoints()
    {
        ManualClock clock(T0);
        auto db = openMemory(clock);
        QVERIFY(db);
        const QString countSql = QStringLiteral("SELECT count(*) FROM auto_trade_conditions");
        Status outer = db->transaction([&]() -> Status {
            if (Status s = insertCondition(*db, QStringLiteral("outer")); !s)
                return s;
            Status inner = db->transaction([&]() -> Status {
                if (Status s = insertCondition(*db, QStringLiteral("inner")); !s)
                    return s;
                return Error { QStringLiteral("test.inner"), QStringLiteral("inner failed") };
            });
            if (inner.ok())
                return Error { QStringLiteral("test.unexpected"), QStringLiteral("inner should fail") };
            // The inner work is gone, the outer work is still there and goes on.
            if (count(*db, countSql) != 1)
                return Error { QStringLiteral("test.unexpected"), QStringLiteral("inner insert not rolled back") };
            return db->transaction([&]() -> Status { return insertCondition(*db, QStringLiteral("inner 2")); });
        });
        QVERIFY2(outer.ok(), qPrintable(outer.ok() ? QString() : outer.error().message));
        QCOMPARE(count(*db, countSql), 2);

        // An outer failure undoes committed inner savepoints too.
        Status rolledBack = db->transaction([&]() -> Status {
            if (Status s = db->transaction([&]() -> Status { return insertCondition(*db, QStringLiteral("x")); }); !s)
                return s;
            return Error { QStringLiteral("test.outer"), QStringLiteral("outer failed") };
        });
        QVERIFY(!rolledBack.ok());
        QCOMPARE(count(*db, countSql), 2);
        QVERIFY(!db->inTransaction());
    }

    void exceptionInBodyRollsBack()
    {
        ManualClock clock(T0);
        auto db = openMemory(clock);
        QVERIFY(db);
        bool thrown = false;
        try {
            (void)db->transaction([&]() -> Status {
                (void)insertCondition(*db, QStringLiteral("doomed"));
                throw std::runtime_error("boom");
            });
        } catch (const std::runtime_error &) {
            thrown = true;
        }
        QVERIFY(thrown);
        QVERIFY(!db->inTransaction());
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM auto_trade_conditions")), 0);
    }

    void writeLockIsTakenAtBegin()
    {
        // BEGIN IMMEDIATE: a second connection cannot start writing while a transaction is open,
        // and gets storage.busy after its busy timeout rather than a deadlock later.
        QTemporaryDir dir;
        ManualClock clock(T0);
        auto a = Database::open(dir.path(), clock);
        QVERIFY(a.ok());
        RawConnection other(a.value()->filePath());
        QVERIFY(other.exec(QStringLiteral("PRAGMA busy_timeout = 50")));
        Status held = a.value()->transaction([&]() -> Status {
            if (other.exec(QStringLiteral("BEGIN IMMEDIATE")))
                return Error { QStringLiteral("test.unexpected"), QStringLiteral("second writer got the lock") };
            if (!other.lastError().contains(QLatin1String("locked")))
                return Error { QStringLiteral("test.unexpected"), other.lastError() };
            return {};
        });
        QVERIFY2(held.ok(), qPrintable(held.ok() ? QString() : held.error().message));
        QVERIFY(other.exec(QStringLiteral("BEGIN IMMEDIATE")));
        QVERIFY(other.exec(QStringLiteral("ROLLBACK")));

        // And the mapping of SQLITE_BUSY for the Database side.
        QVERIFY(other.exec(QStringLiteral("BEGIN IMMEDIATE")));
        QVERIFY(Storage::run(a.value()->connection(), QStringLiteral("PRAGMA busy_timeout = 50")).ok());
        Status busy = a.value()->transaction([]() -> Status { return {}; });
        QVERIFY(!busy.ok());
        QCOMPARE(busy.error().code, QStringLiteral("storage.busy"));
        QVERIFY(other.exec(QStringLiteral("ROLLBACK")));
    }

    // Issue 8: another program holding the write lock blocked the core thread for 5 s per write.
    // Now a write fails within about BUSY_TIMEOUT_MS with storage.busy (transient: nothing was
    // written, the call may be repeated), the health observer hears "busy" once, reads go on, and
    // when the lock is released writes work again and the observer hears "healthy".
    void busyDatabaseFailsFastAndIsReported()
    {
        QTemporaryDir dir;
        ManualClock clock(T0);
        auto opened = Database::open(dir.path(), clock);
        QVERIFY(opened.ok());
        Database &db = *opened.value();
        QList<QPair<bool, QString>> reports;
        db.setHealthObserver([&](bool busy, const QString &detail) { reports.append({ busy, detail }); });
        OrderRepository orders(db);
        Storage::NewOrder order;
        order.stockCode = QStringLiteral("005930");
        order.quantity = 1;
        order.price = 70000;
        QVERIFY(orders.create(order, QStringLiteral("test")).ok());
        QVERIFY(reports.isEmpty()); // healthy from the start: nothing to report

        // Another program (here: a connection of its own) starts writing and keeps its transaction open.
        RawConnection other(db.filePath());
        QVERIFY(other.exec(QStringLiteral("BEGIN IMMEDIATE")));
        QVERIFY(other.exec(QStringLiteral("INSERT INTO auto_trade_conditions (condition_name, updated_at) "
                                          "VALUES ('held by another program', 0)")));

        QElapsedTimer timer;
        timer.start();
        auto refused = orders.create(order, QStringLiteral("test"));
        const qint64 waitedMs = timer.elapsed();
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QStringLiteral("storage.busy"));
        QVERIFY(Storage::isTransient(refused.error()));
        QVERIFY2(waitedMs >= Database::BUSY_TIMEOUT_MS * 8 / 10, qPrintable(QString::number(waitedMs)));
        QVERIFY2(waitedMs < 2500, qPrintable(QString::number(waitedMs))); // was 5,000 ms
        QCOMPARE(reports.size(), 1);
        QCOMPARE(reports.at(0).first, true);
        QVERIFY(reports.at(0).second.contains(QLatin1String("locked")));
        QVERIFY(db.isBusy());

        // Reads go on (WAL); another write and a probe fail the same way, reported once.
        QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM orders")), 1);
        QCOMPARE(db.probeWrite().error().code, QStringLiteral("storage.busy"));
        Status mark = db.transaction([&]() -> Status {
            auto done = Storage::run(db.connection(), QStringLiteral("UPDATE orders SET stock_name = 'x'"));
            return done ? Status() : Status(done.error());
        });
        QCOMPARE(mark.error().code, QStringLiteral("storage.busy"));
        QCOMPARE(reports.size(), 1);
        // Errors that are not about the lock do not say "busy" or "healthy".
        QVERIFY(!Storage::isTransient(Error { QStringLiteral("storage.check"), QString() }));

        // The other program commits and lets go: writes work again, the observer hears it.
        QVERIFY(other.exec(QStringLiteral("COMMIT")));
        QVERIFY(db.probeWrite().ok());
        QCOMPARE(reports.size(), 2);
        QCOMPARE(reports.at(1).first, false);
        QVERIFY(!db.isBusy());
        auto again = orders.create(order, QStringLiteral("test"));
        QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().message));
        QCOMPARE(reports.size(), 2);
        // Nothing of the refused writes was stored: the first order and the retried one.
        QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM orders")), 2);
        QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM orders WHERE stock_name = 'x'")), 0);
        QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'orders'")), 2);
        QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM auto_trade_conditions")), 1);
    }

    // A busy write that is part of an outer transaction is reported once, by the outer one.
    void busyIsReportedByTheOutermostTransaction()
    {
        QTemporaryDir dir;
        ManualClock clock(T0);
        auto opened = Database::open(dir.path(), clock);
        QVERIFY(opened.ok());
        Database &db = *opened.value();
        int reports = 0;
        db.setHealthObserver([&](bool, const QString &) { ++reports; });
        RawConnection other(db.filePath());
        QVERIFY(other.exec(QStringLiteral("BEGIN IMMEDIATE")));
        Status outer = db.transaction([&]() -> Status { return db.transaction([]() -> Status { return {}; }); });
        QCOMPARE(outer.error().code, QStringLiteral("storage.busy"));
        QCOMPARE(reports, 1);
        QVERIFY(!db.inTransaction());
        QVERIFY(other.exec(QStringLiteral("ROLLBACK")));
        QVERIFY(db.transaction([&]() -> Status { return db.transaction([]() -> Status { return {}; }); }).ok());
        QCOMPARE(reports, 2);
        QVERIFY(!db.isBusy());
    }

    // backupTo() writes a consistent copy that opens as a database of its own; the live database
    // is unchanged and a reader never sees half a backup.
    void backupToWritesAUsableCopy()
    {
        QTemporaryDir dir;
        ManualClock clock(T0);
        auto opened = Database::open(dir.filePath(QStringLiteral("data")), clock);
        QVERIFY(opened.ok());
        Database &db = *opened.value();
        QVERIFY(populate(db, 500).ok());
        QVERIFY(insertCondition(db, QStringLiteral("급등주")).ok());
        const QStringList live = dumpAll(db.connection());

        const QString target = dir.filePath(QStringLiteral("elsewhere/copy.db"));
        QVERIFY2(db.backupTo(target).ok(), "backupTo");
        QCOMPARE(dumpAll(db.connection()), live);
        QVERIFY(!QFile::exists(target + QLatin1String(".tmp")));
        QCOMPARE(QDir(dir.filePath(QStringLiteral("elsewhere"))).entryList(QDir::Files), QStringList { "copy.db" });
        {
            auto copy = Database::openFile(target, clock);
            QVERIFY2(copy.ok(), qPrintable(copy.ok() ? QString() : copy.error().message));
            QCOMPARE(copy.value()->schemaVersion().value(), Database::latestSchemaVersion());
            QCOMPARE(dumpAll(copy.value()->connection()), live);
        }

        // A later backup replaces the file; the original keeps changing independently.
        QVERIFY(insertCondition(db, QStringLiteral("second")).ok());
        QVERIFY(db.backupTo(target).ok());
        {
            RawConnection copy(target, true);
            QCOMPARE(copy.scalar(QStringLiteral("SELECT count(*) FROM auto_trade_conditions")).toInt(), 2);
        }

        // Refused: inside a transaction (VACUUM cannot), over the database itself, no path.
        Status inside = db.transaction([&]() -> Status { return db.backupTo(dir.filePath(QStringLiteral("x.db"))); });
        QCOMPARE(inside.error().code, QStringLiteral("storage.invalid_argument"));
        QCOMPARE(db.backupTo(db.filePath()).error().code, QStringLiteral("storage.invalid_argument"));
        QCOMPARE(db.backupTo(QString()).error().code, QStringLiteral("storage.invalid_argument"));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("x.db"))));

        // An in-memory database can be copied to a file too.
        auto memory = openMemory(clock);
        QVERIFY(insertCondition(*memory, QStringLiteral("in memory")).ok());
        QVERIFY(memory->backupTo(dir.filePath(QStringLiteral("memory.db"))).ok());
        RawConnection fromMemory(dir.filePath(QStringLiteral("memory.db")), true);
        QCOMPARE(fromMemory.scalar(QStringLiteral("SELECT condition_name FROM auto_trade_conditions")).toString(),
            QStringLiteral("in memory"));
        QCOMPARE(memory->backupDaily().error().code, QStringLiteral("storage.invalid_argument"));
    }

    // The daily backup goes to <dbdir>/backups/kiwoom-trader-YYYYMMDD.db; the newest 7 are kept.
    void dailyBackupsRotate()
    {
        QTemporaryDir dir;
        ManualClock clock(T0);
        auto opened = Database::open(dir.path(), clock);
        QVERIFY(opened.ok());
        Database &db = *opened.value();
        const QString backups = dir.filePath(QStringLiteral("backups"));
        QCOMPARE(db.backupDirectory(), backups);
        QCOMPARE(Database::backupFileName(QDate(2025, 3, 14)), QStringLiteral("kiwoom-trader-20250314.db"));

        // Today (Asia/Seoul) by default.
        auto first = db.backupDaily();
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().message));
        QCOMPARE(first.value(), QDir(backups).filePath(QStringLiteral("kiwoom-trader-20250314.db")));
        QVERIFY(QFile::exists(first.value()));
        // Files that are not daily backups are never touched.
        for (const char *other : { "notes.txt", "kiwoom-trader-2025.db", "kiwoom-trader-20000101.db.keep" })
            QVERIFY(writeFile(QDir(backups).filePath(QLatin1String(other)), "keep"));

        for (int day = 1; day <= 9; ++day) {
            clock.setNowMs(T0 + day * DAY_MS);
            QVERIFY(insertCondition(db, QStringLiteral("day %1").arg(day)).ok());
            QVERIFY(db.backupDaily().ok());
        }
        // A second backup the same day replaces that day's file.
        QVERIFY(db.backupDaily().ok());
        QStringList names = QDir(backups).entryList(QDir::Files);
        std::sort(names.begin(), names.end());
        QCOMPARE(names,
            (QStringList { "kiwoom-trader-20000101.db.keep", "kiwoom-trader-2025.db", "kiwoom-trader-20250317.db",
                "kiwoom-trader-20250318.db", "kiwoom-trader-20250319.db", "kiwoom-trader-20250320.db",
                "kiwoom-trader-20250321.db", "kiwoom-trader-20250322.db", "kiwoom-trader-20250323.db", "notes.txt" }));
        {
            RawConnection newest(QDir(backups).filePath(QStringLiteral("kiwoom-trader-20250323.db")), true);
            QCOMPARE(newest.scalar(QStringLiteral("SELECT count(*) FROM auto_trade_conditions")).toInt(), 9);
        }

        // An explicit date and keep; pruning alone.
        QVERIFY(db.backupDaily(QDate(2025, 1, 2), 3).ok()); // the oldest by name: kept only while in the newest 3
        names = QDir(backups).entryList({ QStringLiteral("kiwoom-trader-2*.db") }, QDir::Files);
        std::sort(names.begin(), names.end());
        QCOMPARE(names,
            (QStringList { "kiwoom-trader-2025.db", "kiwoom-trader-20250321.db", "kiwoom-trader-20250322.db",
                "kiwoom-trader-20250323.db" }));
        auto removed = Database::pruneBackups(backups, 1);
        QCOMPARE(removed.value().size(), 2);
        QCOMPARE(Database::pruneBackups(backups, 0).error().code, QStringLiteral("storage.invalid_argument"));
        QCOMPARE(db.backupDaily(QDate(), 0).error().code, QStringLiteral("storage.invalid_argument"));
    }

    void sqlErrorsCarryTheDriverText()
    {
        ManualClock clock(T0);
        auto db = openMemory(clock);
        QVERIFY(db);
        auto bad = Storage::exec(db->connection(), QStringLiteral("SELECT nope FROM nowhere"));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code, QStringLiteral("storage.sql"));
        QVERIFY(bad.error().message.contains(QLatin1String("no such table")));
    }

    void rowSnapshotIsTheRowAsJson()
    {
        ManualClock clock(T0);
        auto db = openMemory(clock);
        QVERIFY(db);
        QVERIFY(insertCondition(*db, QStringLiteral("snap")).ok());
        auto snapshot = db->rowSnapshot(QStringLiteral("auto_trade_conditions"), 1);
        QVERIFY(snapshot.ok());
        const QJsonObject row = QJsonDocument::fromJson(snapshot.value().toUtf8()).object();
        QCOMPARE(row.value(u"condition_name").toString(), QStringLiteral("snap"));
        QCOMPARE(row.value(u"is_enabled").toInt(), 0);
        QVERIFY(row.contains(u"api_condition_id"));
        QVERIFY(db->rowSnapshot(QStringLiteral("auto_trade_conditions"), 99).value().isNull());
        QCOMPARE(db->rowSnapshot(QStringLiteral("x; DROP TABLE orders"), 1).error().code,
            QStringLiteral("storage.invalid_argument"));
        QCOMPARE(db->rowSnapshot(QStringLiteral("no_such_table"), 1).error().code,
            QStringLiteral("storage.invalid_argument"));
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
