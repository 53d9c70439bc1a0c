// SPDX-License-Identifier: GPL-3.0-or-later
#include "enginestaterepository.h"

#include "auditlog.h"
#include "common/clock.h"
#include "database.h"
#include "sqlutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Storage;

namespace {

const QString ENGINE_STATE = QStringLiteral("engine_state");

// Compact JSON text of any JSON value (QJsonDocument only writes objects and arrays).
QString valueText(const QJsonValue &value)
{
    const QByteArray array = QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

std::optional<QJsonValue> valueFromText(const QString &text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray("[") + text.toUtf8() + ']', &error);
    if (error.error != QJsonParseError::NoError || !document.isArray() || document.array().size() != 1)
        return std::nullopt;
    return document.array().at(0);
}

struct StoredValue
{
    QString text;
    qint64 updatedAtMs = 0;
};

QString auditText(const QString &key, const std::optional<StoredValue> &stored)
{
    if (!stored)
        return QString();
    QJsonObject entry { { QStringLiteral("key"), key },
        { QStringLiteral("value"), valueFromText(stored->text).value_or(QJsonValue(stored->text)) },
        { QStringLiteral("updated_at"), stored->updatedAtMs } };
    return jsonText(entry);
}

} // namespace

EngineStateRepository::EngineStateRepository(Database &db) : m_db(db) { }

Result<std::optional<QJsonValue>> EngineStateRepository::get(const QString &key) const
{
    auto query
        = Storage::exec(m_db.connection(), QStringLiteral("SELECT value FROM engine_state WHERE key = ?"), { key });
    if (!query)
        return query.error();
    if (!query.value().next())
        return std::optional<QJsonValue>();
    const QString text = query.value().value(0).toString();
    auto value = valueFromText(text);
    if (!value)
        return makeError(Errc::Sql, QStringLiteral("engine_state %1 holds no JSON value: %2").arg(key, text));
    return std::optional<QJsonValue>(*value);
}

Status EngineStateRepository::set(const QString &key, const QJsonValue &value, const QString &actor)
{
    if (key.isEmpty())
        return makeError(Errc::InvalidArgument, QStringLiteral("an engine state needs a key"));
    if (value.isUndefined())
        return makeError(Errc::InvalidArgument, QStringLiteral("engine state %1: no value given").arg(key));
    if (actor.isEmpty())
        return makeError(Errc::InvalidArgument, QStringLiteral("an audited change needs an actor"));
    const QString text = valueText(value);
    return m_db.transaction([&]() -> Status {
        auto query = Storage::exec(
            m_db.connection(), QStringLiteral("SELECT value, updated_at FROM engine_state WHERE key = ?"), { key });
        if (!query)
            return query.error();
        std::optional<StoredValue> before;
        if (query.value().next())
            before = StoredValue { query.value().value(0).toString(), query.value().value(1).toLongLong() };
        if (before && valueFromText(before->text) == std::optional<QJsonValue>(value))
            return {};
        const qint64 now = m_db.clock().nowMs();
        auto done = Storage::run(m_db.connection(),
            QStringLiteral("INSERT INTO engine_state (key, value, updated_at) VALUES (?, ?, ?) "
                           "ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at"),
            { key, text, now });
        if (!done)
            return done.error();
        auto audited = AuditLog::appendRaw(m_db, actor, ENGINE_STATE, std::nullopt,
            before ? QStringLiteral("update") : QStringLiteral("insert"), auditText(key, before),
            auditText(key, StoredValue { text, now }));
        if (!audited)
            return audited.error();
        return {};
    });
}
