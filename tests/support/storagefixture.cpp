// SPDX-License-Identifier: GPL-3.0-or-later
#include "storagefixture.h"

#include "storage/database.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include <atomic>

namespace StorageTest {

std::unique_ptr<Database> openMemory(const IClock &clock)
{
    auto opened = Database::openInMemory(clock);
    if (!opened) {
        qWarning() << "openInMemory failed:" << opened.error().code << opened.error().message;
        return nullptr;
    }
    return std::move(opened).value();
}

RawConnection::RawConnection(const QString &path, bool readOnly)
{
    static std::atomic<int> s_counter { 0 };
    m_name = QStringLiteral("storagetest.raw.%1").arg(++s_counter);
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    m_db.setDatabaseName(path);
    if (readOnly)
        m_db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    if (!m_db.open())
        m_lastError = m_db.lastError().text();
}

RawConnection::~RawConnection()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

bool RawConnection::isOpen() const
{
    return m_db.isOpen();
}

QSqlDatabase RawConnection::db() const
{
    return m_db;
}

bool RawConnection::exec(const QString &sql, const QVariantList &binds)
{
    QSqlQuery query(m_db);
    if (!query.prepare(sql)) {
        m_lastError = query.lastError().text();
        return false;
    }
    for (const QVariant &value : binds)
        query.addBindValue(value);
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return false;
    }
    return true;
}

QVariant RawConnection::scalar(const QString &sql, const QVariantList &binds)
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.prepare(sql)) {
        m_lastError = query.lastError().text();
        return {};
    }
    for (const QVariant &value : binds)
        query.addBindValue(value);
    if (!query.exec() || !query.next()) {
        m_lastError = query.lastError().text();
        return {};
    }
    return query.value(0);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(bytes) == bytes.size();
}

bool patchFile(const QString &path, qint64 offset, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite) || !file.seek(offset))
        return false;
    return file.write(bytes) == bytes.size();
}

static QList<QStringList> rows(const QSqlDatabase &db, const QString &sql)
{
    QList<QStringList> result;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(sql)) {
        result.append({ QStringLiteral("ERROR"), query.lastError().text() });
        return result;
    }
    while (query.next()) {
        QStringList row;
        for (int i = 0; i < query.record().count(); ++i)
            row << (query.value(i).isNull() ? QStringLiteral("NULL") : query.value(i).toString());
        result.append(row);
    }
    return result;
}

QStringList tableColumns(const QSqlDatabase &db, const QString &table)
{
    QStringList columns;
    for (const QStringList &row :
        rows(db, QStringLiteral("SELECT name FROM pragma_table_info('%1') ORDER BY cid").arg(table)))
        columns << row.value(0);
    return columns;
}

QStringList tableNames(const QSqlDatabase &db)
{
    QStringList names;
    for (const QStringList &row : rows(db,
             QStringLiteral(
                 "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")))
        names << row.value(0);
    return names;
}

QStringList dumpAll(const QSqlDatabase &db)
{
    QStringList dump;
    for (const QString &table : tableNames(db)) {
        for (const QStringList &row : rows(db, QStringLiteral("SELECT * FROM %1").arg(table)))
            dump << table + QLatin1Char(':') + row.join(u'|');
    }
    return dump;
}

qint64 countRows(const QSqlDatabase &db, const QString &table, const QString &where)
{
    QSqlQuery query(db);
    const QString sql = QStringLiteral("SELECT count(*) FROM %1").arg(table)
        + (where.isEmpty() ? QString() : QLatin1String(" WHERE ") + where);
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

QStringList schemaDescription(const QSqlDatabase &db)
{
    QStringList out;
    for (const QStringList &row : rows(db, QStringLiteral("PRAGMA user_version")))
        out << QStringLiteral("user_version ") + row.join(u'|');
    for (const QStringList &row : rows(db, QStringLiteral("PRAGMA application_id")))
        out << QStringLiteral("application_id ") + row.join(u'|');
    for (const QStringList &row : rows(db,
             QStringLiteral("SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema ORDER BY type, name"))) {
        out << QStringLiteral("object %1 %2 on %3: %4")
                   .arg(row.value(0), row.value(1), row.value(2), row.value(3).simplified());
    }
    for (const QString &table : tableNames(db)) {
        for (const QStringList &row : rows(db, QStringLiteral("PRAGMA table_xinfo('%1')").arg(table)))
            out << QStringLiteral("column %1: %2").arg(table, row.join(u'|'));
        for (const QStringList &row : rows(db, QStringLiteral("PRAGMA foreign_key_list('%1')").arg(table)))
            out << QStringLiteral("fk %1: %2").arg(table, row.join(u'|'));
        for (const QStringList &index : rows(db, QStringLiteral("PRAGMA index_list('%1')").arg(table))) {
            // seq (column 0) depends on creation order, which is not part of the schema's meaning.
            out << QStringLiteral("index %1: %2").arg(table, index.mid(1).join(u'|'));
            for (const QStringList &col : rows(db, QStringLiteral("PRAGMA index_xinfo('%1')").arg(index.value(1))))
                out << QStringLiteral("index column %1.%2: %3").arg(table, index.value(1), col.join(u'|'));
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

bool createAtVersion(const QString &path, int version, QString *error)
{
    RawConnection raw(path);
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (!raw.isOpen())
        return fail(raw.lastError());
    for (int step = 1; step <= version; ++step) {
        for (const QString &sql : frozenSchemaStep(step)) {
            if (!raw.exec(sql))
                return fail(QStringLiteral("step %1: %2 (%3)").arg(step).arg(raw.lastError(), sql.left(80)));
        }
    }
    if (!raw.exec(QStringLiteral("PRAGMA user_version = %1").arg(version)))
        return fail(raw.lastError());
    return true;
}

} // namespace StorageTest
