// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "records.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <QVariantList>

#include <optional>

class QSqlError;

// Small helpers shared by Database and the repositories: error codes, SQL error mapping,
// prepare/bind/exec with a Result, and conversions for nullable columns. Nothing outside
// core/storage needs them except to compare Error::code with the constants below.
namespace Storage {

// Error::code values reported by the store.
namespace Errc {
inline constexpr char OpenFailed[] = "storage.open_failed"; // cannot create the directory or open the file
inline constexpr char Corrupt[] = "storage.corrupt"; // integrity_check failed / not a database
inline constexpr char ForeignFile[] = "storage.foreign_file"; // a SQLite file that is not ours
inline constexpr char SchemaTooNew[] = "storage.schema_too_new"; // written by a newer app version
inline constexpr char Migration[] = "storage.migration"; // a migration step failed (rolled back)
inline constexpr char Pragma[] = "storage.pragma"; // a required PRAGMA did not take effect
inline constexpr char SqliteTooOld[] = "storage.sqlite_too_old"; // the SQLite library lacks STRICT/JSON
inline constexpr char Closed[] = "storage.closed"; // the database is not open
inline constexpr char Sql[] = "storage.sql"; // any other SQL error (driver text in the message)
inline constexpr char Busy[] = "storage.busy"; // locked by another connection beyond busy_timeout (transient)
inline constexpr char Io[] = "storage.io"; // disk I/O error, disk full, read-only
inline constexpr char Unique[] = "storage.unique"; // UNIQUE / PRIMARY KEY violated
inline constexpr char ForeignKey[] = "storage.foreign_key"; // FOREIGN KEY violated
inline constexpr char Check[]
    = "storage.check"; // CHECK or STRICT type violated (bad status, negative money, text in a price)
inline constexpr char NotNull[] = "storage.not_null"; // NOT NULL violated
inline constexpr char Rule[] = "storage.rule"; // a schema trigger refused the change
inline constexpr char NotFound[] = "storage.not_found"; // no row with that id / key
inline constexpr char Conflict[] = "storage.conflict"; // compare-and-set lost: the row is not in the expected state
inline constexpr char InvalidTransition[] = "storage.invalid_transition"; // the state machine forbids it
inline constexpr char InvalidArgument[] = "storage.invalid_argument"; // rejected before touching SQL
} // namespace Errc

Error makeError(const char *code, const QString &message);
// True for errors that say nothing about the data and go away by themselves: storage.busy (another
// program holds the write lock). The call changed nothing and may be made again later (see
// Database, "Busy database"). Everything else is definite: retrying the same call fails the same way.
bool isTransient(const Error &error);
// Maps a QtSql error (SQLite result code + message) to an Error; context says what was being done.
Error sqlError(const QSqlError &error, const QString &context);

// Prepares sql on db, binds the positional ('?') values in order, executes it. The query is
// forward-only; read it and let it go out of scope before the transaction commits. Row
// statements (SELECT/INSERT/UPDATE/DELETE/WITH) are prepared once per connection and reused: the
// query returned is valid until the next exec() of the same text on the same connection, so read
// its rows before running that text again (no nesting of one statement inside its own loop).
Result<QSqlQuery> exec(const QSqlDatabase &db, const QString &sql, const QVariantList &binds = {});
// Resets every reused statement of db (ends their reads): before COMMIT/ROLLBACK, VACUUM, close.
void finishStatements(const QSqlDatabase &db);
// Drops the reused statements of a connection; before QSqlDatabase::removeDatabase().
void releaseStatements(const QString &connectionName);
// exec() for statements whose result is not needed; also returns the number of rows changed.
Result<int> run(const QSqlDatabase &db, const QString &sql, const QVariantList &binds = {});

// NULL for nullopt / empty, the value otherwise.
QVariant nullable(const std::optional<qint64> &value);
QVariant nullable(const std::optional<double> &value);
QVariant nullableText(const QString &value);
std::optional<qint64> optionalInt(const QVariant &value);
std::optional<double> optionalReal(const QVariant &value);

// An enum column's value. The schema's CHECK constraints make the fallback unreachable for rows
// written by this app; it is logged if it ever happens (a hand-edited file).
void warnUnknownEnum(const QString &text);
template<typename E> E enumValue(const QVariant &value, E fallback)
{
    const QString text = value.toString();
    if (auto parsed = enumFromText<E>(text))
        return *parsed;
    warnUnknownEnum(text);
    return fallback;
}

// Reads every row of an executed query with read(const QSqlQuery &) -> T.
template<typename T, typename Reader> Result<QList<T>> readList(Result<QSqlQuery> query, Reader read)
{
    if (!query)
        return query.error();
    QList<T> rows;
    while (query.value().next())
        rows.append(read(query.value()));
    query.value().finish(); // ends the read (the statement is reused)
    return rows;
}

// Reads the first row, if any.
template<typename T, typename Reader> Result<std::optional<T>> readOne(Result<QSqlQuery> query, Reader read)
{
    if (!query)
        return query.error();
    if (!query.value().next()) {
        query.value().finish();
        return std::optional<T>();
    }
    std::optional<T> row(read(query.value()));
    query.value().finish(); // ends the read (the statement is reused)
    return row;
}

// Compact JSON text of an object (the form JSON columns hold), and back; invalid text gives {}.
QString jsonText(const QJsonObject &object);
QJsonObject jsonObject(const QString &text);

} // namespace Storage
