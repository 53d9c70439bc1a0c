// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QJsonValue>
#include <QString>

#include <optional>

class Database;

// EngineStateRepository keeps the trading engine's small state that must survive a restart
// (engine_state: one JSON value per key), e.g. "kill_switch" → {"mode", "reason", "since",
// "actor"}. The values are the engine's to define; this class guarantees that set() is atomic and
// audited in the same transaction (audit_log entity "engine_state", entity_id NULL, before/after
// {"key", "value", "updated_at"}), and that setting the value already stored changes nothing and
// writes no audit row. Same thread rules as Database.
class EngineStateRepository final
{
public:
    explicit EngineStateRepository(Database &db);

    // The stored value, or nullopt when the key was never set.
    Result<std::optional<QJsonValue>> get(const QString &key) const;
    // Stores value under key (any JSON: object, array, string, number, bool or null; an undefined
    // QJsonValue is storage.invalid_argument, as is an empty key).
    Status set(const QString &key, const QJsonValue &value, const QString &actor);

private:
    Database &m_db;
};
