// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlutil.h"

#include "common/logging.h"

#include <QHash>
#include <QJsonDocument>
#include <QMutex>
#include <QSqlError>

namespace Storage {

namespace {

// SQLite primary result codes (sqlite3.h); QtSql reports them in QSqlError::nativeErrorCode().
constexpr int SQLITE_BUSY_CODE = 5;
constexpr int SQLITE_LOCKED_CODE = 6;
constexpr int SQLITE_READONLY_CODE = 8;
constexpr int SQLITE_IOERR_CODE = 10;
constexpr int SQLITE_CORRUPT_CODE = 11;
constexpr int SQLITE_FULL_CODE = 13;
constexpr int SQLITE_CANTOPEN_CODE = 14;
constexpr int SQLITE_CONSTRAINT_CODE = 19;
constexpr int SQLITE_NOTADB_CODE = 26;

const char *constraintCode(const QString &text)
{
    if (text.contains(QLatin1String("UNIQUE constraint failed")) || text.contains(QLatin1String("PRIMARY KEY")))
        return Errc::Unique;
    if (text.contains(QLatin1String("FOREIGN KEY constraint failed")))
        return Errc::ForeignKey;
    if (text.contains(QLatin1String("CHECK constraint failed")))
        return Errc::Check;
    if (text.contains(QLatin1String("NOT NULL constraint failed")))
        return Errc::NotNull;
    // STRICT tables: "cannot store TEXT value in INTEGER column orders.price".
    if (text.contains(QLatin1String("cannot store")))
        return Errc::Check;
    // RAISE(ABORT, ...) from a schema trigger, and anything SQLite adds later.
    return Errc::Rule;
}

} // namespace

Error makeError(const char *code, const QString &message)
{
    return Error { QString::fromLatin1(code), message };
}

bool isTransient(const Error &error)
{
    return error.code == QLatin1String(Errc::Busy);
}

Error sqlError(const QSqlError &error, const QString &context)
{
    const QString databaseText = error.databaseText();
    const QString text = databaseText.isEmpty() ? error.driverText() : databaseText;
    bool ok = false;
    // Mask off extended result codes in case the driver ever turns them on.
    const int native = error.nativeErrorCode().toInt(&ok) & 0xff;
    const char *code = Errc::Sql;
    if (ok) {
        switch (native) {
        case SQLITE_CONSTRAINT_CODE:
            code = constraintCode(text);
            break;
        case SQLITE_BUSY_CODE:
        case SQLITE_LOCKED_CODE:
            code = Errc::Busy;
            break;
        case SQLITE_CORRUPT_CODE:
        case SQLITE_NOTADB_CODE:
            code = Errc::Corrupt;
            break;
        case SQLITE_IOERR_CODE:
        case SQLITE_FULL_CODE:
        case SQLITE_CANTOPEN_CODE:
        case SQLITE_READONLY_CODE:
            code = Errc::Io;
            break;
        default:
            break;
        }
    }
    if (!ok && text.contains(QLatin1String("constraint failed")))
        code = constraintCode(text);
    return makeError(code, context.isEmpty() ? text : context + QLatin1String(": ") + text);
}

namespace {

// Prepared statements, per connection and SQL text. Parsing a statement costs more than running
// it (most statements here touch one row by its key), so each text is prepared once per
// connection. Each Database is used on one thread; the mutex only guards the map itself.
struct StatementCache
{
    QMutex mutex;
    QHash<QString, QHash<QString, QSqlQuery>> byConnection;
};

StatementCache &statementCache()
{
    static StatementCache cache;
    return cache;
}

constexpr qsizetype MAX_CACHED_STATEMENTS = 512; // per connection; texts built from data could grow it

bool cacheable(const QString &sql)
{
    // Row statements only: transaction control, PRAGMAs, VACUUM and DDL are prepared each time
    // (they are rare, and some refuse to run while another statement is pending).
    static const QLatin1String kinds[] = { QLatin1String("SELECT"), QLatin1String("INSERT"), QLatin1String("UPDATE"),
        QLatin1String("DELETE"), QLatin1String("WITH") };
    for (const QLatin1String &kind : kinds) {
        if (sql.startsWith(kind, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace

// A reused statement is shared between the cache and the caller: QSqlQuery copies share one
// result (Qt 6 deprecates the copy, but keeps its meaning).
QT_WARNING_PUSH
QT_WARNING_DISABLE_DEPRECATED
Result<QSqlQuery> exec(const QSqlDatabase &db, const QString &sql, const QVariantList &binds)
{
    if (!db.isOpen())
        return makeError(Errc::Closed, QStringLiteral("the database is not open"));
    std::optional<QSqlQuery> cached;
    const bool cache = cacheable(sql);
    if (!cache) {
        // PRAGMAs, DDL, VACUUM and transaction control refuse to run beside a statement that is
        // still reading ("table is locked", "within a transaction"): end the reused ones first.
        finishStatements(db);
    } else {
        StatementCache &c = statementCache();
        QMutexLocker lock(&c.mutex);
        auto &statements = c.byConnection[db.connectionName()];
        if (auto it = statements.constFind(sql); it != statements.cend())
            cached = *it;
    }
    QSqlQuery query = cached ? *cached : QSqlQuery(db);
    if (cached) {
        // The previous use is over (its rows were read): reset the statement for this one.
        query.finish();
    } else {
        query.setForwardOnly(true);
        if (!query.prepare(sql))
            return sqlError(query.lastError(), QStringLiteral("prepare \"%1\"").arg(sql.simplified().left(120)));
        if (cache) {
            StatementCache &c = statementCache();
            QMutexLocker lock(&c.mutex);
            auto &statements = c.byConnection[db.connectionName()];
            if (statements.size() >= MAX_CACHED_STATEMENTS)
                statements.clear();
            statements.insert(sql, query);
        }
    }
    int position = 0;
    for (const QVariant &value : binds) {
        // QtSql binds a null QString as SQL NULL; a QString value always means text here (NULL is
        // spelled QVariant(), see nullable()), so a default-constructed name is stored as ''.
        if (value.typeId() == QMetaType::QString && value.toString().isNull())
            query.bindValue(position++, QStringLiteral(""));
        else
            query.bindValue(position++, value);
    }
    if (!query.exec())
        return sqlError(query.lastError(), QStringLiteral("execute \"%1\"").arg(sql.simplified().left(120)));
    return query;
}
QT_WARNING_POP

void finishStatements(const QSqlDatabase &db)
{
    StatementCache &c = statementCache();
    QMutexLocker lock(&c.mutex);
    auto it = c.byConnection.find(db.connectionName());
    if (it == c.byConnection.end())
        return;
    for (QSqlQuery &query : *it)
        query.finish();
}

void releaseStatements(const QString &connectionName)
{
    StatementCache &c = statementCache();
    QMutexLocker lock(&c.mutex);
    c.byConnection.remove(connectionName);
}

Result<int> run(const QSqlDatabase &db, const QString &sql, const QVariantList &binds)
{
    auto query = exec(db, sql, binds);
    if (!query)
        return query.error();
    const int changed = query.value().numRowsAffected();
    query.value().finish();
    return changed;
}

QVariant nullable(const std::optional<qint64> &value)
{
    return value ? QVariant(*value) : QVariant();
}

QVariant nullable(const std::optional<double> &value)
{
    return value ? QVariant(*value) : QVariant();
}

QVariant nullableText(const QString &value)
{
    return value.isEmpty() ? QVariant() : QVariant(value);
}

std::optional<qint64> optionalInt(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toLongLong();
}

std::optional<double> optionalReal(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toDouble();
}

void warnUnknownEnum(const QString &text)
{
    qCWarning(lcStorage) << "unknown value in an enum column:" << text;
}

QString jsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject jsonObject(const QString &text)
{
    if (text.isEmpty())
        return {};
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

} // namespace Storage
