// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "records.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

class Database;

// StrategyRepository stores the configured strategies (trading_strategies): a unique name, the
// registry type ("momentum", "bollinger", ...), the on/off switch and the parameters as a JSON
// object. A strategy that has produced signals is history and cannot be deleted, only disabled.
// Every change writes its audit_log row in the same transaction. Same thread rules as Database.
class StrategyRepository final
{
public:
    explicit StrategyRepository(Database &db);

    // storage.unique when the name is taken.
    Result<Storage::TradingStrategyRecord> create(
        const QString &name, const QString &type, const QJsonObject &parameters, bool enabled, const QString &actor);
    // Replaces name, type, parameters and the switch of the strategy with strategy.id.
    Result<Storage::TradingStrategyRecord> update(const Storage::TradingStrategyRecord &strategy, const QString &actor);
    Result<Storage::TradingStrategyRecord> setEnabled(qint64 id, bool enabled, const QString &actor);
    Result<Storage::TradingStrategyRecord> setParameters(
        qint64 id, const QJsonObject &parameters, const QString &actor);
    // storage.foreign_key when signals refer to it.
    Status remove(qint64 id, const QString &actor);

    Result<std::optional<Storage::TradingStrategyRecord>> find(qint64 id) const;
    Result<std::optional<Storage::TradingStrategyRecord>> findByName(const QString &name) const;
    Result<QList<Storage::TradingStrategyRecord>> list() const;
    Result<QList<Storage::TradingStrategyRecord>> listEnabled() const;

private:
    Result<Storage::TradingStrategyRecord> change(
        qint64 id, const QString &sql, const QVariantList &binds, const QString &actor);

    Database &m_db;
};
