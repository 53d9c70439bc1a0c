// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "records.h"

#include <QJsonArray>
#include <QJsonObject>

// JSON of the stored records, for the command layer's answers, the control API and the UI: one
// function per record, snake_case keys named after the columns, money as integers (KRW), times as
// UTC epoch ms ("*_ms") and, for people, ISO 8601 with the +09:00 offset ("*_at"), enums as the
// strings stored in SQL. Absent optional values are null, never invented.
namespace Storage {

QJsonObject toJson(const OrderRecord &order);
QJsonObject toJson(const ExecutionRecord &execution);
QJsonObject toJson(const PositionRecord &position);
QJsonObject toJson(const SellOrderRecord &sell);
QJsonObject toJson(const ConditionRecord &condition);
QJsonObject toJson(const TradingStrategyRecord &strategy);
QJsonObject toJson(const WatchlistStockRecord &stock);
QJsonObject toJson(const PendingBuySignalRecord &signal);
QJsonObject toJson(const StrategySignalRecord &signal);
QJsonObject toJson(const DecisionRecord &decision);
QJsonObject toJson(const AuditRecord &entry);

// "2025-03-10T10:00:00.000+09:00" for an epoch ms; null for 0.
QJsonValue kstTimestamp(qint64 utcMs);

template<typename T> QJsonArray toJsonArray(const QList<T> &records)
{
    QJsonArray a;
    for (const T &r : records)
        a.append(toJson(r));
    return a;
}

} // namespace Storage
