// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/clock.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVariantList>

#include <memory>

class Database;

// Helpers for the storage tests: a fixed clock start, raw SQLite access that bypasses Database
// (to build old-version files, corrupt files, or test constraints with hand-written SQL), file
// byte helpers and a schema description for comparing two databases.
namespace StorageTest {

// 2025-03-14 10:00:00 KST (Friday, a KRX trading day) = 01:00 UTC.
inline constexpr qint64 T0 = 1741914000000;
// 2025-03-14 01:00:00 KST: early morning, still trading date 2025-03-14.
inline constexpr qint64 T0_EARLY = 1741881600000;
inline constexpr qint64 DAY_MS = 24LL * 3600 * 1000;

// A fresh in-memory database, or nullptr (the reason is logged with qWarning).
std::unique_ptr<Database> openMemory(const IClock &clock);

// A QtSql connection of its own to a file, removed on destruction.
class RawConnection
{
public:
    explicit RawConnection(const QString &path, bool readOnly = false);
    ~RawConnection();
    Q_DISABLE_COPY_MOVE(RawConnection)

    bool isOpen() const;
    QSqlDatabase db() const;
    // Runs one statement; false (and lastError()) on failure.
    bool exec(const QString &sql, const QVariantList &binds = {});
    // First column of the first row, or an invalid QVariant.
    QVariant scalar(const QString &sql, const QVariantList &binds = {});
    QString lastError() const { return m_lastError; }

private:
    QString m_name;
    QSqlDatabase m_db;
    QString m_lastError;
};

QByteArray readFile(const QString &path);
bool writeFile(const QString &path, const QByteArray &bytes);
// Overwrites bytes at offset in place.
bool patchFile(const QString &path, qint64 offset, const QByteArray &bytes);

// Column names of a table, in order (PRAGMA table_info).
QStringList tableColumns(const QSqlDatabase &db, const QString &table);
// Names of all tables (not sqlite_* internals).
QStringList tableNames(const QSqlDatabase &db);
// Every row of every table as text, for "nothing changed" comparisons.
QStringList dumpAll(const QSqlDatabase &db);
// Rows in a table (optionally WHERE ...), -1 on error.
qint64 countRows(const QSqlDatabase &db, const QString &table, const QString &where = QString());

// Every schema object (type, name, whitespace-normalised SQL) and, per table, its columns
// (table_xinfo), indexes (index_list + index_xinfo) and foreign keys; plus user_version and
// application_id. Two databases with equal descriptions have the same schema.
QStringList schemaDescription(const QSqlDatabase &db);

// The frozen statements of schema step `version` (1..frozenVersionCount()), exactly as shipped.
QStringList frozenSchemaStep(int version);
int frozenVersionCount();
// Creates (or extends) the file at path with frozen steps 1..version and sets user_version.
bool createAtVersion(const QString &path, int version, QString *error = nullptr);

} // namespace StorageTest
