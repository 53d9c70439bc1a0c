// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QDate>
#include <QHash>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <type_traits>
#include <utility>

class IClock;
class QThread;

// Database is the app's SQLite store (QtSql QSQLITE): <dataDir>/kiwoom-trader.db, or an in-memory
// database for tests. open() either hands back a database that is safe to trade on or an Error:
// - PRAGMA integrity_check must say "ok". A file that is damaged or is not a database at all
//   fails with storage.corrupt and is left byte-for-byte untouched (never repaired, deleted or
//   overwritten); the app must then refuse to trade.
// - A SQLite file that is not ours (application_id) fails with storage.foreign_file; a schema newer
//   than this build knows fails with storage.schema_too_new. Both leave the file untouched.
// - Otherwise: journal_mode=WAL, synchronous=NORMAL, foreign_keys=ON and busy_timeout, each read
//   back to prove it took effect; then the versioned migrations (Storage::migrate) bring the schema
//   to the newest version.
//
// Durability: synchronous=NORMAL in WAL mode, chosen over FULL by measurement. Every committed
// transaction is in the WAL file (write()) before COMMIT returns, so it survives a crash or kill
// of the app: tests/integration/tst_storagecrash SIGKILLs a writer and finds every commit it
// reported. What NORMAL gives up is the fsync per commit: after a power loss or an OS crash the
// last transactions before it may be missing (the file stays consistent; checkpoints still
// fsync). An order row is therefore durable against an app crash before its request leaves, and
// a power loss is covered by start-up reconciliation with the broker (its orders, fills and
// holdings are the truth), which runs before anything may trade. Measured with
// tests/bench/bench_storage (ext4 on a virtual disk, shared machine, 3 runs): an order's
// create + markSent (two transactions) took 14.2–14.5 ms with FULL (~70 orders/s: an fsync each)
// and 1.4–2.7 ms with NORMAL (370–710 orders/s); FULL would put two fsyncs on the signal → order
// path of every order.
//
// Busy database: another program (a DB browser, a backup tool, a second writer) can hold SQLite's
// write lock. A write then waits at most BUSY_TIMEOUT_MS (250 ms) and fails with storage.busy
// (Storage::isTransient() is true); nothing of it was written (its transaction rolled back), and
// the same call may be made again later. Reads never wait on a writer in WAL mode. Retrying is the
// caller's job, off the hot path: a writer must not loop on storage.busy on the core thread, where
// PING echoes and order replies are handled; queue the work and retry on a timer (probeWrite()
// tells cheaply whether the lock is free again). open() and the migrations wait up to
// OPEN_BUSY_TIMEOUT_MS instead, since nothing trades before they are done. The health observer
// (setHealthObserver) hears busy = true when a transaction could not get the write lock and
// busy = false at the next one that did, so the UI can show "database busy" while it lasts.
//
// Threading: a QSqlDatabase connection may only be used by the thread that opened it. A Database,
// and every repository built on it, belongs to the thread that called open() (the core thread in
// the GUI app) and must be used and destroyed there; the health observer is called on that thread.
// Each instance has its own uniquely named connection, removed in the destructor, so several
// instances (tests, a tool) can coexist.
//
// Every SQL error becomes an Error (Storage::Errc codes in sqlutil.h) carrying SQLite's text.
// Repositories (core/storage/*repository.h) are the only users of connection(): no SQL outside
// core/storage.
class Database final
{
public:
    // How long a write waits for another connection's write lock before storage.busy.
    static constexpr int BUSY_TIMEOUT_MS = 250;
    // The same while opening and migrating (nothing trades yet).
    static constexpr int OPEN_BUSY_TIMEOUT_MS = 5000;
    // PRAGMA synchronous: 1 = NORMAL (see "Durability" above).
    static constexpr int SYNCHRONOUS = 1;
    // Daily backups kept by backupDaily().
    static constexpr int BACKUPS_KEPT = 7;
    static QString fileName(); // "kiwoom-trader.db"

    // Opens (creating the directory and the file if needed) <dataDir>/kiwoom-trader.db.
    static Result<std::unique_ptr<Database>> open(const QString &dataDir, const IClock &clock);
    // Same for an explicit file path.
    static Result<std::unique_ptr<Database>> openFile(const QString &filePath, const IClock &clock);
    // A private in-memory database with the newest schema (tests). journal_mode stays MEMORY.
    static Result<std::unique_ptr<Database>> openInMemory(const IClock &clock);

    ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    bool isOpen() const;
    // Rolls back an open transaction, closes the connection and removes it. Idempotent.
    void close();
    QString filePath() const; // empty for in-memory
    const IClock &clock() const { return m_clock; }

    // For repositories only. Must be used on the thread that opened the database.
    QSqlDatabase connection() const;

    Result<int> schemaVersion() const;
    static int latestSchemaVersion();
    // Runs PRAGMA integrity_check again (open() already did); storage.corrupt when not "ok".
    Status checkIntegrity() const;

    // Runs body inside a transaction: BEGIN IMMEDIATE … COMMIT when it returns success, ROLLBACK
    // when it returns an Error (or throws). Nested calls become SAVEPOINTs, so a repository method
    // is atomic on its own and also composes into a caller's larger transaction. body returns
    // Status or Result<T>; transaction() returns the same type.
    template<typename Body> auto transaction(Body &&body) -> std::invoke_result_t<Body &>;
    bool inTransaction() const { return m_depth > 0; }

    // JSON text of one row as SQLite's json_object() over all its columns (the audit log's
    // before/after), or a null QString when there is no such row.
    Result<QString> rowSnapshot(const QString &table, qint64 id);

    // Busy database (see the class comment). The observer is called on this database's thread
    // whenever the state changes: busy after a transaction failed to get the write lock
    // (storage.busy; detail is SQLite's message), not busy after the next one that got it.
    using HealthObserver = std::function<void(bool busy, const QString &detail)>;
    void setHealthObserver(HealthObserver observer);
    bool isBusy() const { return m_busy; }
    // Takes and releases the write lock (BEGIN IMMEDIATE; COMMIT of nothing): storage.busy while
    // another connection holds it. Writes nothing; reports to the health observer like any write.
    Status probeWrite();

    // Backups. backupTo() writes a consistent snapshot of the whole database to filePath (VACUUM
    // INTO a temporary file beside it, then renamed over filePath, so a reader never sees half a
    // file); the live database is not changed. It reads the whole file on the calling thread
    // (seconds for a large file): run it when nothing trades, e.g. the midnight cleanup. Refused
    // inside a transaction (storage.invalid_argument).
    Status backupTo(const QString &filePath);
    // <directory of the database>/backups; empty for an in-memory database.
    QString backupDirectory() const;
    // "kiwoom-trader-YYYYMMDD.db".
    static QString backupFileName(const QDate &date);
    // The daily backup: backupTo(backupDirectory()/backupFileName(date)) — date defaults to the
    // Asia/Seoul date of the clock's now; a second backup the same day replaces the first — then
    // pruneBackups(backupDirectory(), keep). Returns the file written.
    Result<QString> backupDaily(const QDate &date = QDate(), int keep = BACKUPS_KEPT);
    // Deletes the oldest kiwoom-trader-YYYYMMDD.db files in directory beyond the newest `keep`
    // (by the date in the name); no other file is touched. Returns the files deleted.
    static Result<QStringList> pruneBackups(const QString &directory, int keep);

private:
    Database(QString connectionName, QString filePath, bool inMemory, const IClock &clock);
    static Result<std::unique_ptr<Database>> openPath(const QString &filePath, bool inMemory, const IClock &clock);
    static Status inspectFile(const QString &filePath, const QString &connectionName, bool runIntegrityCheck);
    // The clean-close marker (<file>.clean): written by close(), consumed by the next open; true
    // when it matches the file as found (then the full integrity check is skipped).
    static bool takeCleanCloseMarker(const QString &filePath);
    static void writeCleanCloseMarker(const QString &filePath);
    static Status checkFile(const QSqlDatabase &db, const QString &where, bool runIntegrityCheck);
    static Status integrityCheck(const QSqlDatabase &db, const QString &where);
    Status initialize(bool inspected);
    Status verifyPragmas() const;
    Status begin();
    Status commit();
    void rollback();
    // Records whether the outermost transaction got the write lock (see setHealthObserver).
    void noteLock(const Status &attempt);

    QString m_connectionName;
    QString m_filePath;
    bool m_inMemory = false;
    bool m_openedCleanly = false; // opened, checked and migrated: close() may mark it clean
    const IClock &m_clock;
    QThread *m_thread = nullptr;
    QSqlDatabase m_db;
    int m_depth = 0;
    QHash<QString, QString> m_snapshotSql;
    bool m_busy = false;
    HealthObserver m_healthObserver;
};

template<typename Body> auto Database::transaction(Body &&body) -> std::invoke_result_t<Body &>
{
    using R = std::invoke_result_t<Body &>;
    const bool outermost = m_depth == 0;
    if (Status started = begin(); !started) {
        if (outermost)
            noteLock(started);
        return R(started.error());
    }
    // Rolls back if body throws: no exception may leave a transaction open behind it.
    struct Guard
    {
        Database *db;
        bool done = false;
        ~Guard()
        {
            if (!done)
                db->rollback();
        }
    } guard { this };
    R result = body();
    guard.done = true;
    if (!result.ok()) {
        rollback();
        if (outermost)
            noteLock(Status());
        return result;
    }
    if (Status committed = commit(); !committed) {
        rollback();
        if (outermost)
            noteLock(committed);
        return R(committed.error());
    }
    if (outermost)
        noteLock(Status());
    return result;
}
