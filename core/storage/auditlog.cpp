// SPDX-License-Identifier: GPL-3.0-or-later
#include "auditlog.h"

#include "common/clock.h"
#include "database.h"
#include "sqlutil.h"

using namespace Storage;

namespace {

const QString SELECT_COLUMNS
    = QStringLiteral("SELECT id, at, actor, entity, entity_id, action, before, after FROM audit_log ");

AuditRecord readAudit(const QSqlQuery &q)
{
    AuditRecord r;
    r.id = q.value(0).toLongLong();
    r.atMs = q.value(1).toLongLong();
    r.actor = q.value(2).toString();
    r.entity = q.value(3).toString();
    r.entityId = optionalInt(q.value(4));
    r.action = q.value(5).toString();
    r.before = jsonObject(q.value(6).toString());
    r.after = jsonObject(q.value(7).toString());
    return r;
}

Result<QList<AuditRecord>> readAll(Result<QSqlQuery> query)
{
    if (!query)
        return query.error();
    QList<AuditRecord> list;
    while (query.value().next())
        list.append(readAudit(query.value()));
    return list;
}

} // namespace

AuditLog::AuditLog(Database &db) : m_db(db) { }

Result<qint64> AuditLog::append(const QString &actor, const QString &entity, std::optional<qint64> entityId,
    const QString &action, const QJsonObject &before, const QJsonObject &after)
{
    return appendRaw(m_db, actor, entity, entityId, action, before.isEmpty() ? QString() : jsonText(before),
        after.isEmpty() ? QString() : jsonText(after));
}

Result<QList<AuditRecord>> AuditLog::forEntity(const QString &entity, std::optional<qint64> entityId, int limit) const
{
    if (entityId) {
        return readAll(Storage::exec(m_db.connection(),
            SELECT_COLUMNS + QLatin1String("WHERE entity = ? AND entity_id = ? ORDER BY id DESC LIMIT ?"),
            { entity, *entityId, limit }));
    }
    return readAll(Storage::exec(m_db.connection(),
        SELECT_COLUMNS + QLatin1String("WHERE entity = ? ORDER BY id DESC LIMIT ?"), { entity, limit }));
}

Result<QList<AuditRecord>> AuditLog::since(qint64 afterId, int limit) const
{
    return readAll(Storage::exec(
        m_db.connection(), SELECT_COLUMNS + QLatin1String("WHERE id > ? ORDER BY id LIMIT ?"), { afterId, limit }));
}

Result<qint64> AuditLog::appendRaw(Database &db, const QString &actor, const QString &entity,
    std::optional<qint64> entityId, const QString &action, const QString &beforeJson, const QString &afterJson)
{
    if (actor.isEmpty())
        return makeError(Errc::InvalidArgument, QStringLiteral("an audited change needs an actor"));
    auto query = Storage::exec(db.connection(),
        QStringLiteral("INSERT INTO audit_log (at, actor, entity, entity_id, action, before, after) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?)"),
        { db.clock().nowMs(), actor, entity, nullable(entityId), action, nullableText(beforeJson),
            nullableText(afterJson) });
    if (!query)
        return query.error();
    return query.value().lastInsertId().toLongLong();
}

Status AuditLog::recordInsert(
    Database &db, const QString &actor, const QString &table, qint64 id, const QString &action)
{
    auto after = db.rowSnapshot(table, id);
    if (!after)
        return after.error();
    auto appended = appendRaw(db, actor, table, id, action, QString(), after.value());
    if (!appended)
        return appended.error();
    return {};
}

Status AuditLog::recordChange(Database &db, const QString &actor, const QString &table, qint64 id,
    const QString &action, const std::function<Status()> &mutate)
{
    if (actor.isEmpty())
        return makeError(Errc::InvalidArgument, QStringLiteral("an audited change needs an actor"));
    auto before = db.rowSnapshot(table, id);
    if (!before)
        return before.error();
    if (Status s = mutate(); !s)
        return s;
    auto after = db.rowSnapshot(table, id);
    if (!after)
        return after.error();
    auto appended = appendRaw(db, actor, table, id, action, before.value(), after.value());
    if (!appended)
        return appended.error();
    return {};
}

Result<int> AuditLog::pruneBefore(qint64 beforeMs, const QString &actor)
{
    if (actor.isEmpty())
        return makeError(Errc::InvalidArgument, QStringLiteral("an audited change needs an actor"));
    if (beforeMs > m_db.clock().nowMs())
        return makeError(Errc::InvalidArgument,
            QStringLiteral("refusing to prune the audit log up to %1, which is in the future").arg(beforeMs));
    return m_db.transaction([&]() -> Result<int> {
        auto deleted
            = Storage::run(m_db.connection(), QStringLiteral("DELETE FROM audit_log WHERE at < ?"), { beforeMs });
        if (!deleted)
            return deleted.error();
        const QJsonObject after { { QStringLiteral("before_ms"), beforeMs },
            { QStringLiteral("deleted"), deleted.value() } };
        auto appended = appendRaw(m_db, actor, QStringLiteral("audit_log"), std::nullopt, QStringLiteral("prune"),
            QString(), jsonText(after));
        if (!appended)
            return appended.error();
        return deleted.value();
    });
}
