// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QHash>
#include <QSqlDatabase>
#include <QString>

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
// - Otherwise: journal_mode=WAL, synchronous=FULL (a committed transaction survives power loss),
//   foreign_keys=ON and busy_timeout, each read back to prove it took effect; then the versioned
//   migrations (Storage::migrate) bring the schema to the newest version.
//
// Threading: a QSqlDatabase connection may only be used by the thread that opened it. A Database,
// and every repository built on it, belongs to the thread that called open() (the core thread in
// the GUI app) and must be used and destroyed there. Each instance has its own uniquely named
// connection, removed in the destructor, so several instances (tests, a tool) can coexist.
//
// Every SQL error becomes an Error (Storage::Errc codes in sqlutil.h) carrying SQLite's text.
// Repositories (core/storage/*repository.h) are the only users of connection(): no SQL outside
// core/storage.
class Database final
{
public:
    static constexpr int BUSY_TIMEOUT_MS = 5000;
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

private:
    Database(QString connectionName, QString filePath, bool inMemory, const IClock &clock);
    static Result<std::unique_ptr<Database>> openPath(const QString &filePath, bool inMemory, const IClock &clock);
    static Status inspectFile(const QString &filePath, const QString &connectionName);
    static Status checkFile(const QSqlDatabase &db, const QString &where, bool runIntegrityCheck);
    static Status integrityCheck(const QSqlDatabase &db, const QString &where);
    Status initialize(bool inspected);
    Status verifyPragmas() const;
    Status begin();
    Status commit();
    void rollback();

    QString m_connectionName;
    QString m_filePath;
    bool m_inMemory = false;
    const IClock &m_clock;
    QThread *m_thread = nullptr;
    QSqlDatabase m_db;
    int m_depth = 0;
    QHash<QString, QString> m_snapshotSql;
};

template<typename Body> auto Database::transaction(Body &&body) -> std::invoke_result_t<Body &>
{
    using R = std::invoke_result_t<Body &>;
    if (Status started = begin(); !started)
        return R(started.error());
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
        return result;
    }
    if (Status committed = commit(); !committed) {
        rollback();
        return R(committed.error());
    }
    return result;
}
