// SPDX-License-Identifier: GPL-3.0-or-later
#include "autotradesettingsrepository.h"

#include "auditlog.h"
#include "common/clock.h"
#include "database.h"
#include "sqlutil.h"

using namespace Storage;

namespace {

const QString TABLE = QStringLiteral("auto_trade_settings");
constexpr qint64 ROW_ID = 1;

AutoTradeSettingsRecord readSettings(const QSqlQuery &q)
{
    AutoTradeSettingsRecord r;
    r.enabled = q.value(0).toLongLong() != 0;
    r.maxInvestAmount = q.value(1).toLongLong();
    r.stopLossRate = q.value(2).toDouble();
    r.takeProfitRate = q.value(3).toDouble();
    r.updatedAtMs = q.value(4).toLongLong();
    return r;
}

} // namespace

AutoTradeSettingsRepository::AutoTradeSettingsRepository(Database &db) : m_db(db) { }

Result<std::optional<AutoTradeSettingsRecord>> AutoTradeSettingsRepository::load() const
{
    return readOne<AutoTradeSettingsRecord>(
        Storage::exec(m_db.connection(),
            QStringLiteral("SELECT is_enabled, max_invest_amount, stop_loss_rate, take_profit_rate, updated_at "
                           "FROM auto_trade_settings WHERE id = ?"),
            { ROW_ID }),
        readSettings);
}

Result<AutoTradeSettingsRecord> AutoTradeSettingsRepository::save(
    const AutoTradeSettingsRecord &settings, const QString &actor)
{
    return m_db.transaction([&]() -> Result<AutoTradeSettingsRecord> {
        auto existing = load();
        if (!existing)
            return existing.error();
        const QVariantList values = { settings.enabled ? 1 : 0, settings.maxInvestAmount, settings.stopLossRate,
            settings.takeProfitRate, m_db.clock().nowMs(), ROW_ID };
        if (!existing.value()) {
            auto done = Storage::run(m_db.connection(),
                QStringLiteral("INSERT INTO auto_trade_settings (is_enabled, max_invest_amount, "
                               "stop_loss_rate, take_profit_rate, updated_at, id) VALUES (?, ?, ?, ?, ?, ?)"),
                values);
            if (!done)
                return done.error();
            if (Status s = AuditLog::recordInsert(m_db, actor, TABLE, ROW_ID); !s)
                return s.error();
        } else {
            Status s = AuditLog::recordChange(m_db, actor, TABLE, ROW_ID, QStringLiteral("update"), [&]() -> Status {
                auto done = Storage::run(m_db.connection(),
                    QStringLiteral("UPDATE auto_trade_settings SET is_enabled = ?, max_invest_amount = ?, "
                                   "stop_loss_rate = ?, take_profit_rate = ?, updated_at = ? WHERE id = ?"),
                    values);
                return done ? Status() : Status(done.error());
            });
            if (!s)
                return s.error();
        }
        auto stored = load();
        if (!stored)
            return stored.error();
        return stored.value().value_or(AutoTradeSettingsRecord {});
    });
}

Result<AutoTradeSettingsRecord> AutoTradeSettingsRepository::setEnabled(bool enabled, const QString &actor)
{
    return m_db.transaction([&]() -> Result<AutoTradeSettingsRecord> {
        auto existing = load();
        if (!existing)
            return existing.error();
        if (!existing.value())
            return makeError(Errc::NotFound, QStringLiteral("the auto-trade settings have never been saved"));
        AutoTradeSettingsRecord changed = *existing.value();
        changed.enabled = enabled;
        return save(changed, actor);
    });
}
