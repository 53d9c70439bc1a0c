// SPDX-License-Identifier: GPL-3.0-or-later
#include "candlerepository.h"

#include "database.h"
#include "sqlutil.h"

#include <QSqlError>

using namespace Storage;

namespace {

const QString COLUMNS = QStringLiteral("SELECT open_time, open, high, low, close, volume FROM candles ");

Candle readCandle(const QSqlQuery &q)
{
    Candle c;
    c.timeMs = q.value(0).toLongLong();
    c.open = q.value(1).toLongLong();
    c.high = q.value(2).toLongLong();
    c.low = q.value(3).toLongLong();
    c.close = q.value(4).toLongLong();
    c.volume = q.value(5).toLongLong();
    return c;
}

} // namespace

CandleRepository::CandleRepository(Database &db) : m_db(db) { }

Result<int> CandleRepository::upsert(const QString &stockCode, CandleInterval interval, const QList<Candle> &candles)
{
    if (stockCode.isEmpty())
        return makeError(Errc::InvalidArgument, QStringLiteral("candles need a stock code"));
    if (candles.isEmpty())
        return 0;
    const QString intervalText = Candles::toString(interval);
    return m_db.transaction([&]() -> Result<int> {
        // One prepared statement for the whole batch.
        QSqlQuery query(m_db.connection());
        if (!query.prepare(
                QStringLiteral("INSERT INTO candles (stock_code, interval, open_time, open, high, low, close, volume) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                               "ON CONFLICT (stock_code, interval, open_time) DO UPDATE SET "
                               "open = excluded.open, high = excluded.high, low = excluded.low, "
                               "close = excluded.close, volume = excluded.volume"))) {
            return sqlError(query.lastError(), QStringLiteral("prepare candle upsert"));
        }
        for (const Candle &c : candles) {
            query.bindValue(0, stockCode);
            query.bindValue(1, intervalText);
            query.bindValue(2, c.timeMs);
            query.bindValue(3, c.open);
            query.bindValue(4, c.high);
            query.bindValue(5, c.low);
            query.bindValue(6, c.close);
            query.bindValue(7, c.volume);
            if (!query.exec()) {
                return sqlError(query.lastError(),
                    QStringLiteral("store %1 %2 candle at %3 (o %4 h %5 l %6 c %7 v %8)")
                        .arg(stockCode, intervalText)
                        .arg(c.timeMs)
                        .arg(c.open)
                        .arg(c.high)
                        .arg(c.low)
                        .arg(c.close)
                        .arg(c.volume));
            }
        }
        return int(candles.size());
    });
}

Result<QList<Candle>> CandleRepository::range(
    const QString &stockCode, CandleInterval interval, qint64 fromMs, qint64 toMs, int limit) const
{
    return readList<Candle>(Storage::exec(m_db.connection(),
                                COLUMNS
                                    + QLatin1String("WHERE stock_code = ? AND interval = ? AND open_time >= ? "
                                                    "AND open_time < ? ORDER BY open_time LIMIT ?"),
                                { stockCode, Candles::toString(interval), fromMs, toMs, limit > 0 ? limit : -1 }),
        readCandle);
}

Result<QList<Candle>> CandleRepository::latest(const QString &stockCode, CandleInterval interval, int count) const
{
    auto newestFirst = readList<Candle>(
        Storage::exec(m_db.connection(),
            COLUMNS + QLatin1String("WHERE stock_code = ? AND interval = ? ORDER BY open_time DESC LIMIT ?"),
            { stockCode, Candles::toString(interval), count }),
        readCandle);
    if (!newestFirst)
        return newestFirst.error();
    QList<Candle> candles = std::move(newestFirst.value());
    std::reverse(candles.begin(), candles.end());
    return candles;
}

Result<std::optional<Candle>> CandleRepository::last(const QString &stockCode, CandleInterval interval) const
{
    return readOne<Candle>(Storage::exec(m_db.connection(),
                               COLUMNS
                                   + QLatin1String("WHERE stock_code = ? AND interval = ? ORDER BY open_time DESC "
                                                   "LIMIT 1"),
                               { stockCode, Candles::toString(interval) }),
        readCandle);
}

Result<int> CandleRepository::prune(const QString &stockCode, CandleInterval interval, qint64 beforeMs)
{
    // In a transaction of its own so a busy database reaches the health observer like any write.
    return m_db.transaction([&]() -> Result<int> {
        return Storage::run(m_db.connection(),
            QStringLiteral("DELETE FROM candles WHERE stock_code = ? AND interval = ? AND open_time < ?"),
            { stockCode, Candles::toString(interval), beforeMs });
    });
}
