// SPDX-License-Identifier: GPL-3.0-or-later
#include "database.h"

#include "common/clock.h"
#include "common/logging.h"
#include "market/krx.h"
#include "migrations.h"
#include "sqlutil.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUuid>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QVersionNumber>

#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <system_error>

using namespace Storage;

namespace {

// STRICT tables need SQLite 3.37, the built-in JSON functions 3.38.
const QVersionNumber MIN_SQLITE_VERSION(3, 38, 0);

constexpr char UNTOUCHED_NOTE[]
    = " — the file was left untouched; trading is disabled until it is restored from a backup or moved away";

// Columns holding JSON text are embedded as JSON (not as a string) in row snapshots.
bool isJsonColumn(const QString &column)
{
    return column == QLatin1String("parameters") || column == QLatin1String("additional_data");
}

Result<QString> singleText(const QSqlDatabase &db, const QString &sql)
{
    auto query = Storage::exec(db, sql);
    if (!query)
        return query.error();
    if (!query.value().next())
        return makeError(Errc::Sql, QStringLiteral("%1 returned no row").arg(sql));
    return query.value().value(0).toString();
}

} // namespace

QString Database::fileName()
{
    return QStringLiteral("kiwoom-trader.db");
}

Database::Database(QString connectionName, QString filePath, bool inMemory, const IClock &clock)
    : m_connectionName(std::move(connectionName))
    , m_filePath(std::move(filePath))
    , m_inMemory(inMemory)
    , m_clock(clock)
    , m_thread(QThread::currentThread())
{
    m_db = QSqlDatabase::database(m_connectionName, false);
}

Database::~Database()
{
    close();
}

Result<std::unique_ptr<Database>> Database::open(const QString &dataDir, const IClock &clock)
{
    if (dataDir.isEmpty())
        return makeError(Errc::OpenFailed, QStringLiteral("no data directory given"));
    if (!QDir().mkpath(dataDir))
        return makeError(Errc::OpenFailed, QStringLiteral("cannot create the data directory %1").arg(dataDir));
    return openPath(QDir(dataDir).filePath(fileName()), false, clock);
}

Result<std::unique_ptr<Database>> Database::openFile(const QString &filePath, const IClock &clock)
{
    if (filePath.isEmpty())
        return makeError(Errc::OpenFailed, QStringLiteral("no database file given"));
    return openPath(QFileInfo(filePath).absoluteFilePath(), false, clock);
}

Result<std::unique_ptr<Database>> Database::openInMemory(const IClock &clock)
{
    return openPath(QString(), true, clock);
}

Result<std::unique_ptr<Database>> Database::openPath(const QString &filePath, bool inMemory, const IClock &clock)
{
    static std::atomic<quint64> s_counter { 0 };
    const QString name = QStringLiteral("kt.storage.%1").arg(++s_counter);

    // An existing file is inspected first through a read-only connection: integrity, owner and
    // schema version are checked before anything can write to it (journal_mode=WAL rewrites header
    // bytes, and the last read-write connection to close checkpoints the WAL into the file). A
    // file that fails is therefore left byte-for-byte as it was found.
    const bool inspect = !inMemory && QFileInfo(filePath).exists() && QFileInfo(filePath).size() > 0;
    if (inspect) {
        // The full integrity check reads every page (tens of seconds for millions of rows), so it
        // runs when the file was not closed cleanly by this program, or was changed since; a
        // clean close leaves a marker with the file's size and modification time, consumed here.
        const bool closedCleanly = takeCleanCloseMarker(filePath);
        qCInfo(lcStorage).noquote() << (closedCleanly ? "closed cleanly last time: integrity check skipped"
                                                      : "not closed cleanly last time: full integrity check");
        if (Status s = inspectFile(filePath, name + QLatin1String(".inspect"), !closedCleanly); !s) {
            qCCritical(lcStorage).noquote() << "refusing the database:" << s.error().code << s.error().message;
            return s.error();
        }
    }

    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        if (!db.isValid()) {
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            return makeError(Errc::OpenFailed, QStringLiteral("the Qt SQLite driver (QSQLITE) is not available"));
        }
        db.setDatabaseName(inMemory ? QStringLiteral(":memory:") : filePath);
        if (!db.open()) {
            const Error error = sqlError(db.lastError(), QStringLiteral("open %1").arg(filePath));
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            return Error { QString::fromLatin1(Errc::OpenFailed), error.message };
        }
    }
    // From here the destructor closes and removes the connection on every failure path.
    std::unique_ptr<Database> database(new Database(name, filePath, inMemory, clock));
    if (Status s = database->initialize(inspect); !s) {
        Error error = s.error();
        if (error.code == QLatin1String(Errc::Corrupt) && !error.message.contains(QLatin1String("untouched")))
            error.message += QString::fromUtf8(UNTOUCHED_NOTE);
        qCCritical(lcStorage).noquote() << "cannot use the database:" << error.code << error.message;
        return error;
    }
    database->m_openedCleanly = true;
    qCInfo(lcStorage).noquote() << "opened database" << (inMemory ? QStringLiteral(":memory:") : filePath)
                                << "schema version" << latestSchemaVersion();
    return database;
}

namespace {
// "<size> <mtime seconds> <mtime nanoseconds>" of a file; empty when it cannot be read.
QByteArray fileStamp(const QString &filePath)
{
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(filePath).constData(), &st) != 0)
        return {};
    return QByteArray::number(qint64(st.st_size)) + ' ' + QByteArray::number(qint64(st.st_mtim.tv_sec)) + ' '
        + QByteArray::number(qint64(st.st_mtim.tv_nsec));
}
QString cleanMarkerPath(const QString &filePath)
{
    return filePath + QStringLiteral(".clean");
}
} // namespace

bool Database::takeCleanCloseMarker(const QString &filePath)
{
    QFile marker(cleanMarkerPath(filePath));
    if (!marker.open(QIODevice::ReadOnly))
        return false;
    const QByteArray stamp = marker.readAll().trimmed();
    marker.close();
    QFile::remove(marker.fileName());
    // A write-ahead log with content means the last connection did not checkpoint it at close.
    const QFileInfo wal(filePath + QStringLiteral("-wal"));
    if (wal.exists() && wal.size() > 0)
        return false;
    return !stamp.isEmpty() && stamp == fileStamp(filePath);
}

void Database::writeCleanCloseMarker(const QString &filePath)
{
    const QByteArray stamp = fileStamp(filePath);
    QFile marker(cleanMarkerPath(filePath));
    if (stamp.isEmpty() || !marker.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return;
    marker.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    marker.write(stamp + '\n');
}

Status Database::inspectFile(const QString &filePath, const QString &connectionName, bool runIntegrityCheck)
{
    Status result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
        db.setDatabaseName(filePath);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=%1").arg(OPEN_BUSY_TIMEOUT_MS));
        if (!db.isValid()) {
            result = makeError(Errc::OpenFailed, QStringLiteral("the Qt SQLite driver (QSQLITE) is not available"));
        } else if (!db.open()) {
            const Error error = sqlError(db.lastError(), QStringLiteral("open %1 read-only").arg(filePath));
            result = Error { QString::fromLatin1(Errc::OpenFailed), error.message };
        } else {
            result = checkFile(db, filePath, runIntegrityCheck);
            Storage::finishStatements(db);
            Storage::releaseStatements(connectionName);
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connectionName);
    return result;
}

Status Database::checkFile(const QSqlDatabase &db, const QString &where, bool runIntegrityCheck)
{
    if (runIntegrityCheck) {
        if (Status s = integrityCheck(db, where); !s)
            return s;
    }
    auto appId = singleText(db, QStringLiteral("PRAGMA application_id"));
    if (!appId)
        return appId.error();
    auto userVersion = Storage::userVersion(db);
    if (!userVersion)
        return userVersion.error();
    auto objects = singleText(db, QStringLiteral("SELECT count(*) FROM sqlite_schema"));
    if (!objects)
        return objects.error();
    const bool empty = userVersion.value() == 0 && objects.value().toInt() == 0 && appId.value().toInt() == 0;
    if (appId.value().toInt() != APPLICATION_ID && !empty) {
        return makeError(Errc::ForeignFile,
            QStringLiteral("%1 is not a Kiwoom Trader database (application_id %2, %3 schema objects); "
                           "it was left untouched")
                .arg(where, appId.value(), objects.value()));
    }
    if (userVersion.value() > latestSchemaVersion()) {
        return makeError(Errc::SchemaTooNew,
            QStringLiteral("%1 has schema version %2 but this version of Kiwoom Trader knows only up to "
                           "%3; it was written by a newer version and is left untouched")
                .arg(where)
                .arg(userVersion.value())
                .arg(latestSchemaVersion()));
    }
    return {};
}

Status Database::initialize(bool inspected)
{
    const QString where = m_inMemory ? QStringLiteral(":memory:") : m_filePath;

    auto version = singleText(m_db, QStringLiteral("SELECT sqlite_version()"));
    if (!version)
        return version.error();
    if (QVersionNumber::fromString(version.value()) < MIN_SQLITE_VERSION) {
        return makeError(Errc::SqliteTooOld,
            QStringLiteral("SQLite %1 is too old; Kiwoom Trader needs %2 or newer")
                .arg(version.value(), MIN_SQLITE_VERSION.toString()));
    }

    // While opening and migrating, wait longer for a lock another program holds: nothing trades yet.
    for (const QString &sql : { QStringLiteral("PRAGMA busy_timeout = %1").arg(OPEN_BUSY_TIMEOUT_MS),
             QStringLiteral("PRAGMA foreign_keys = ON"), QStringLiteral("PRAGMA synchronous = %1").arg(SYNCHRONOUS) }) {
        auto done = Storage::exec(m_db, sql);
        if (!done)
            return done.error();
    }

    // An existing file was inspected read-only before this connection opened; the owner and version
    // checks are repeated (they are cheap) for a file created in between, the full integrity check
    // only when nothing was inspected.
    if (Status s = checkFile(m_db, where, !inspected); !s)
        return s;

    if (!m_inMemory) {
        auto mode = singleText(m_db, QStringLiteral("PRAGMA journal_mode = WAL"));
        if (!mode)
            return mode.error();
        if (mode.value().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
            return makeError(
                Errc::Pragma, QStringLiteral("journal_mode is %1 instead of wal (%2)").arg(mode.value(), where));
        }
    }

    if (Status s = migrate(m_db, migrations()); !s)
        return s;
    if (auto done = Storage::exec(m_db, QStringLiteral("PRAGMA busy_timeout = %1").arg(BUSY_TIMEOUT_MS)); !done)
        return done.error();
    return verifyPragmas();
}

Status Database::verifyPragmas() const
{
    struct Expected
    {
        QString pragma;
        QString value;
    };
    QList<Expected> expected = {
        { QStringLiteral("foreign_keys"), QStringLiteral("1") },
        { QStringLiteral("synchronous"), QString::number(SYNCHRONOUS) },
        { QStringLiteral("busy_timeout"), QString::number(BUSY_TIMEOUT_MS) },
    };
    if (!m_inMemory)
        expected.append({ QStringLiteral("journal_mode"), QStringLiteral("wal") });
    for (const Expected &e : std::as_const(expected)) {
        auto actual = singleText(m_db, QStringLiteral("PRAGMA ") + e.pragma);
        if (!actual)
            return actual.error();
        if (actual.value().compare(e.value, Qt::CaseInsensitive) != 0) {
            return makeError(
                Errc::Pragma, QStringLiteral("PRAGMA %1 is %2, expected %3").arg(e.pragma, actual.value(), e.value));
        }
    }
    return {};
}

Status Database::checkIntegrity() const
{
    return integrityCheck(m_db, m_inMemory ? QStringLiteral(":memory:") : m_filePath);
}

Status Database::integrityCheck(const QSqlDatabase &db, const QString &where)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("PRAGMA integrity_check"))) {
        Error error = sqlError(query.lastError(), QStringLiteral("integrity check of %1").arg(where));
        if (error.code == QLatin1String(Errc::Corrupt))
            error.message += QString::fromUtf8(UNTOUCHED_NOTE);
        return error;
    }
    QStringList problems;
    while (query.next()) {
        const QString line = query.value(0).toString();
        if (line != QLatin1String("ok"))
            problems << line.simplified();
        if (problems.size() >= 5)
            break;
    }
    // A query that stops with an error part-way (a damaged page found while stepping) also fails.
    if (query.lastError().isValid())
        problems << query.lastError().text();
    if (!problems.isEmpty()) {
        return makeError(Errc::Corrupt,
            QStringLiteral("%1 failed its integrity check (%2)").arg(where, problems.join(QLatin1String("; ")))
                + QString::fromUtf8(UNTOUCHED_NOTE));
    }
    return {};
}

bool Database::isOpen() const
{
    return m_db.isOpen();
}

void Database::close()
{
    Q_ASSERT_X(
        QThread::currentThread() == m_thread, "Database::close", "a database is closed on the thread that opened it");
    if (m_connectionName.isEmpty())
        return;
    while (m_depth > 0)
        rollback();
    Storage::finishStatements(m_db);
    Storage::releaseStatements(m_connectionName);
    if (m_db.isOpen())
        m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
    // The last connection checkpointed the log into the file: the next open may trust it.
    if (!m_inMemory && !m_filePath.isEmpty() && m_openedCleanly)
        writeCleanCloseMarker(m_filePath);
}

QString Database::filePath() const
{
    return m_filePath;
}

QSqlDatabase Database::connection() const
{
    Q_ASSERT_X(QThread::currentThread() == m_thread, "Database::connection",
        "a database is used only on the thread that opened it");
    return m_db;
}

Result<int> Database::schemaVersion() const
{
    return Storage::userVersion(m_db);
}

int Database::latestSchemaVersion()
{
    return Storage::latestVersion();
}

Status Database::begin()
{
    const QString sql
        = m_depth == 0 ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("SAVEPOINT kt_sp_%1").arg(m_depth);
    if (m_depth == 0)
        Storage::finishStatements(m_db);
    auto done = Storage::run(m_db, sql);
    if (!done)
        return done.error();
    ++m_depth;
    return {};
}

Status Database::commit()
{
    Q_ASSERT(m_depth > 0);
    const QString sql = m_depth == 1 ? QStringLiteral("COMMIT") : QStringLiteral("RELEASE kt_sp_%1").arg(m_depth - 1);
    if (m_depth == 1)
        Storage::finishStatements(m_db);
    auto done = Storage::run(m_db, sql);
    if (!done)
        return done.error();
    --m_depth;
    return {};
}

void Database::rollback()
{
    if (m_depth == 0)
        return;
    if (m_depth == 1) {
        Storage::finishStatements(m_db);
        if (auto done = Storage::run(m_db, QStringLiteral("ROLLBACK")); !done)
            qCWarning(lcStorage).noquote() << "rollback:" << done.error().message;
    } else {
        const QString savepoint = QStringLiteral("kt_sp_%1").arg(m_depth - 1);
        if (auto done = Storage::run(m_db, QStringLiteral("ROLLBACK TO ") + savepoint); !done)
            qCWarning(lcStorage).noquote() << "rollback to savepoint:" << done.error().message;
        if (auto done = Storage::run(m_db, QStringLiteral("RELEASE ") + savepoint); !done)
            qCWarning(lcStorage).noquote() << "release savepoint:" << done.error().message;
    }
    --m_depth;
}

Result<QString> Database::rowSnapshot(const QString &table, qint64 id)
{
    auto it = m_snapshotSql.constFind(table);
    if (it == m_snapshotSql.constEnd()) {
        static const QRegularExpression identifier(QStringLiteral("^[a-z_][a-z0-9_]*$"));
        if (!identifier.match(table).hasMatch())
            return makeError(Errc::InvalidArgument, QStringLiteral("not a table name: %1").arg(table));
        auto columns
            = Storage::exec(m_db, QStringLiteral("SELECT name FROM pragma_table_info(?) ORDER BY cid"), { table });
        if (!columns)
            return columns.error();
        QStringList pairs;
        while (columns.value().next()) {
            const QString column = columns.value().value(0).toString();
            pairs << QStringLiteral("'%1', %2")
                         .arg(column,
                             isJsonColumn(column) ? QStringLiteral("json(\"%1\")").arg(column)
                                                  : QStringLiteral("\"%1\"").arg(column));
        }
        if (pairs.isEmpty())
            return makeError(Errc::InvalidArgument, QStringLiteral("no such table: %1").arg(table));
        it = m_snapshotSql.insert(table,
            QStringLiteral("SELECT json_object(%1) FROM \"%2\" WHERE id = ?")
                .arg(pairs.join(QLatin1String(", ")), table));
    }
    auto query = Storage::exec(m_db, it.value(), { id });
    if (!query)
        return query.error();
    if (!query.value().next())
        return QString();
    return query.value().value(0).toString();
}

void Database::setHealthObserver(HealthObserver observer)
{
    m_healthObserver = std::move(observer);
}

void Database::noteLock(const Status &attempt)
{
    bool busy = false;
    QString detail;
    if (!attempt.ok()) {
        // Only a lock that could not be had says anything about "busy"; other errors leave the state.
        if (!isTransient(attempt.error()))
            return;
        busy = true;
        detail = attempt.error().message;
    }
    if (busy == m_busy)
        return;
    m_busy = busy;
    if (busy)
        qCWarning(lcStorage).noquote() << "database busy: another connection holds the write lock:" << detail;
    else
        qCInfo(lcStorage) << "database writable again";
    if (m_healthObserver)
        m_healthObserver(busy, detail);
}

Status Database::probeWrite()
{
    return transaction([]() -> Status { return {}; });
}

QString Database::backupDirectory() const
{
    if (m_inMemory || m_filePath.isEmpty())
        return QString();
    return QFileInfo(m_filePath).absoluteDir().filePath(QStringLiteral("backups"));
}

QString Database::backupFileName(const QDate &date)
{
    return QStringLiteral("kiwoom-trader-%1.db").arg(date.toString(QStringLiteral("yyyyMMdd")));
}

Status Database::backupTo(const QString &filePath)
{
    if (filePath.isEmpty())
        return makeError(Errc::InvalidArgument, QStringLiteral("no backup file given"));
    if (inTransaction())
        return makeError(Errc::InvalidArgument, QStringLiteral("a backup cannot be taken inside a transaction"));
    const QFileInfo target(filePath);
    if (!m_inMemory && target.absoluteFilePath() == QFileInfo(m_filePath).absoluteFilePath())
        return makeError(Errc::InvalidArgument, QStringLiteral("a backup cannot overwrite the database itself"));
    if (!QDir().mkpath(target.absolutePath()))
        return makeError(Errc::Io, QStringLiteral("cannot create the backup directory %1").arg(target.absolutePath()));
    // VACUUM INTO refuses an existing file, and a reader must never find half a backup: write a
    // temporary file beside the target and rename it over the target when it is complete.
    const QString temporary
        = target.absoluteFilePath() + QLatin1String(".tmp-") + QUuid::createUuid().toString(QUuid::Id128).left(12);
    Storage::finishStatements(m_db); // VACUUM refuses to run beside a pending statement
    auto done = Storage::run(m_db, QStringLiteral("VACUUM INTO ?"), { temporary });
    if (!done) {
        QFile::remove(temporary);
        Error error = done.error();
        error.message = QStringLiteral("backup to %1 failed: %2").arg(filePath, error.message);
        return error;
    }
    std::error_code ec;
    std::filesystem::rename(std::filesystem::path(temporary.toStdU16String()),
        std::filesystem::path(target.absoluteFilePath().toStdU16String()), ec);
    if (ec) {
        QFile::remove(temporary);
        return makeError(Errc::Io,
            QStringLiteral("backup to %1 failed: cannot rename %2 (%3)")
                .arg(filePath, temporary, QString::fromLocal8Bit(ec.message().c_str())));
    }
    qCInfo(lcStorage).noquote() << "database backed up to" << target.absoluteFilePath();
    return {};
}

Result<QString> Database::backupDaily(const QDate &date, int keep)
{
    const QString directory = backupDirectory();
    if (directory.isEmpty())
        return makeError(Errc::InvalidArgument, QStringLiteral("an in-memory database has no backup directory"));
    if (keep < 1)
        return makeError(Errc::InvalidArgument, QStringLiteral("at least one backup must be kept"));
    const QDate day = date.isValid() ? date : Krx::kstDate(m_clock.nowMs());
    const QString path = QDir(directory).filePath(backupFileName(day));
    if (Status s = backupTo(path); !s)
        return s.error();
    if (auto pruned = pruneBackups(directory, keep); !pruned)
        return pruned.error();
    return path;
}

Result<QStringList> Database::pruneBackups(const QString &directory, int keep)
{
    if (keep < 1)
        return makeError(Errc::InvalidArgument, QStringLiteral("at least one backup must be kept"));
    static const QRegularExpression pattern(QStringLiteral("^kiwoom-trader-[0-9]{8}\\.db$"));
    QStringList backups;
    const QStringList names = QDir(directory).entryList({ QStringLiteral("kiwoom-trader-*.db") }, QDir::Files);
    for (const QString &name : names) {
        if (pattern.match(name).hasMatch())
            backups << name;
    }
    // YYYYMMDD sorts by date; newest first.
    std::sort(backups.begin(), backups.end(), std::greater<QString>());
    QStringList removed;
    for (qsizetype i = keep; i < backups.size(); ++i) {
        const QString path = QDir(directory).filePath(backups.at(i));
        if (!QFile::remove(path))
            return makeError(Errc::Io, QStringLiteral("cannot delete the old backup %1").arg(path));
        removed << path;
    }
    return removed;
}
