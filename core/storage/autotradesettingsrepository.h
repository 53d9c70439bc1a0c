// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "records.h"

#include <optional>

class Database;

// AutoTradeSettingsRepository stores the single row of auto_trade_settings (the automated-trading
// switch, the per-buy amount and the default stop-loss/take-profit rates). There is no row until
// the first save(): load() then returns std::nullopt and the caller applies its defaults — the
// store does not invent money limits. Every save writes an audit_log row in the same transaction.
// Same thread rules as Database.
class AutoTradeSettingsRepository final
{
public:
    explicit AutoTradeSettingsRepository(Database &db);

    Result<std::optional<Storage::AutoTradeSettingsRecord>> load() const;
    // Inserts or replaces the row; updated_at is the clock's now. Returns the stored settings.
    // Negative amounts or rates fail with storage.check and change nothing.
    Result<Storage::AutoTradeSettingsRecord> save(
        const Storage::AutoTradeSettingsRecord &settings, const QString &actor);
    // Flips only the switch; storage.not_found before the first save().
    Result<Storage::AutoTradeSettingsRecord> setEnabled(bool enabled, const QString &actor);

private:
    Database &m_db;
};
