// SPDX-License-Identifier: GPL-3.0-or-later
#include "strategyrepository.h"

#include "auditlog.h"
#include "common/clock.h"
#include "database.h"
#include "sqlutil.h"

using namespace Storage;

namespace {

const QString TABLE = QStringLiteral("trading_strategies");
const QString COLUMNS = QStringLiteral(
    "SELECT id, strategy_name, strategy_type, is_enabled, parameters, updated_at FROM trading_strategies ");

TradingStrategyRecord readStrategy(const QSqlQuery &q)
{
    TradingStrategyRecord r;
    r.id = q.value(0).toLongLong();
    r.strategyName = q.value(1).toString();
    r.strategyType = q.value(2).toString();
    r.enabled = q.value(3).toLongLong() != 0;
    r.parameters = jsonObject(q.value(4).toString());
    r.updatedAtMs = q.value(5).toLongLong();
    return r;
}

Error notFound(qint64 id)
{
    return makeError(Errc::NotFound, QStringLiteral("no strategy with id %1").arg(id));
}

} // namespace

StrategyRepository::StrategyRepository(Database &db) : m_db(db) { }

Result<TradingStrategyRecord> StrategyRepository::create(
    const QString &name, const QString &type, const QJsonObject &parameters, bool enabled, const QString &actor)
{
    if (name.trimmed().isEmpty() || type.isEmpty())
        return makeError(Errc::InvalidArgument, QStringLiteral("a strategy needs a name and a type"));
    return m_db.transaction([&]() -> Result<TradingStrategyRecord> {
        auto inserted = Storage::exec(m_db.connection(),
            QStringLiteral("INSERT INTO trading_strategies (strategy_name, strategy_type, is_enabled, "
                           "parameters, updated_at) VALUES (?, ?, ?, ?, ?)"),
            { name, type, enabled ? 1 : 0, jsonText(parameters), m_db.clock().nowMs() });
        if (!inserted)
            return inserted.error();
        const qint64 id = inserted.value().lastInsertId().toLongLong();
        if (Status s = AuditLog::recordInsert(m_db, actor, TABLE, id); !s)
            return s.error();
        auto stored = find(id);
        if (!stored)
            return stored.error();
        if (!stored.value())
            return notFound(id);
        return *stored.value();
    });
}

Result<TradingStrategyRecord> StrategyRepository::change(
    qint64 id, const QString &sql, const QVariantList &binds, const QString &actor)
{
    return m_db.transaction([&]() -> Result<TradingStrategyRecord> {
        Status s = AuditLog::recordChange(m_db, actor, TABLE, id, QStringLiteral("update"), [&]() -> Status {
            auto done = Storage::run(m_db.connection(), sql, binds);
            if (!done)
                return done.error();
            if (done.value() == 0)
                return notFound(id);
            return {};
        });
        if (!s)
            return s.error();
        auto stored = find(id);
        if (!stored)
            return stored.error();
        if (!stored.value())
            return notFound(id);
        return *stored.value();
    });
}

Result<TradingStrategyRecord> StrategyRepository::update(const TradingStrategyRecord &strategy, const QString &actor)
{
    if (strategy.strategyName.trimmed().isEmpty() || strategy.strategyType.isEmpty())
        return makeError(Errc::InvalidArgument, QStringLiteral("a strategy needs a name and a type"));
    return change(strategy.id,
        QStringLiteral("UPDATE trading_strategies SET strategy_name = ?, strategy_type = ?, is_enabled = ?, "
                       "parameters = ?, updated_at = ? WHERE id = ?"),
        { strategy.strategyName, strategy.strategyType, strategy.enabled ? 1 : 0, jsonText(strategy.parameters),
            m_db.clock().nowMs(), strategy.id },
        actor);
}

Result<TradingStrategyRecord> StrategyRepository::setEnabled(qint64 id, bool enabled, const QString &actor)
{
    return change(id, QStringLiteral("UPDATE trading_strategies SET is_enabled = ?, updated_at = ? WHERE id = ?"),
        { enabled ? 1 : 0, m_db.clock().nowMs(), id }, actor);
}

Result<TradingStrategyRecord> StrategyRepository::setParameters(
    qint64 id, const QJsonObject &parameters, const QString &actor)
{
    return change(id, QStringLiteral("UPDATE trading_strategies SET parameters = ?, updated_at = ? WHERE id = ?"),
        { jsonText(parameters), m_db.clock().nowMs(), id }, actor);
}

Status StrategyRepository::remove(qint64 id, const QString &actor)
{
    return m_db.transaction([&]() -> Status {
        return AuditLog::recordChange(m_db, actor, TABLE, id, QStringLiteral("delete"), [&]() -> Status {
            auto done = Storage::run(
                m_db.connection(), QStringLiteral("DELETE FROM trading_strategies WHERE id = ?"), { id });
            if (!done) {
                if (done.error().code == QLatin1String(Errc::ForeignKey)) {
                    return makeError(Errc::ForeignKey,
                        QStringLiteral("strategy %1 has signals and cannot be deleted; "
                                       "disable it instead (%2)")
                            .arg(id)
                            .arg(done.error().message));
                }
                return done.error();
            }
            if (done.value() == 0)
                return notFound(id);
            return {};
        });
    });
}

Result<std::optional<TradingStrategyRecord>> StrategyRepository::find(qint64 id) const
{
    return readOne<TradingStrategyRecord>(
        Storage::exec(m_db.connection(), COLUMNS + QLatin1String("WHERE id = ?"), { id }), readStrategy);
}

Result<std::optional<TradingStrategyRecord>> StrategyRepository::findByName(const QString &name) const
{
    return readOne<TradingStrategyRecord>(
        Storage::exec(m_db.connection(), COLUMNS + QLatin1String("WHERE strategy_name = ?"), { name }), readStrategy);
}

Result<QList<TradingStrategyRecord>> StrategyRepository::list() const
{
    return readList<TradingStrategyRecord>(
        Storage::exec(m_db.connection(), COLUMNS + QLatin1String("ORDER BY id")), readStrategy);
}

Result<QList<TradingStrategyRecord>> StrategyRepository::listEnabled() const
{
    return readList<TradingStrategyRecord>(
        Storage::exec(m_db.connection(), COLUMNS + QLatin1String("WHERE is_enabled = 1 ORDER BY id")), readStrategy);
}
