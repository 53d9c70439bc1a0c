// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "market/candle.h"

#include <QList>
#include <QString>

#include <optional>

class Database;

// CandleRepository is the chart cache (candles): bars keyed by (stock code, interval, open time).
// upsert() writes a batch in one transaction (a bar already cached is replaced: the last bar of a
// day keeps changing until the close). Bars must be consistent (low ≤ open/close ≤ high, low ≥ 0,
// volume ≥ 0); one bad bar fails the whole batch with storage.check and nothing is written.
// Candles are market data: not audited. Same thread rules as Database.
class CandleRepository final
{
public:
    explicit CandleRepository(Database &db);

    // Returns the number of bars written.
    Result<int> upsert(const QString &stockCode, CandleInterval interval, const QList<Candle> &candles);
    // Bars with fromMs <= open time < toMs, oldest first, at most limit (0 = no limit).
    Result<QList<Candle>> range(
        const QString &stockCode, CandleInterval interval, qint64 fromMs, qint64 toMs, int limit = 0) const;
    // The newest `count` bars, oldest first.
    Result<QList<Candle>> latest(const QString &stockCode, CandleInterval interval, int count) const;
    Result<std::optional<Candle>> last(const QString &stockCode, CandleInterval interval) const;
    // Deletes bars older than beforeMs (cache trimming). Returns how many.
    Result<int> prune(const QString &stockCode, CandleInterval interval, qint64 beforeMs);

private:
    Database &m_db;
};
