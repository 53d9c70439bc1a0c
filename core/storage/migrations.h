// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

// The versioned schema of kiwoom-trader.db. PRAGMA user_version holds the version; each step
// moves it by one inside a single transaction (its DDL, its data changes and the new user_version
// commit together or not at all), so a crash mid-migration leaves the previous version intact.
//
// Rules for whoever adds a version:
// - Never edit a step that has shipped; add a new one. tests/unit/tst_migrations.cpp keeps frozen
//   copies of old versions and fails when a fresh database and a migrated one differ.
// - SQLite cannot ALTER a CHECK constraint: adding a value to a status set means the 12-step table
//   rebuild (https://sqlite.org/lang_altertable.html#otheralter); mark such a step foreignKeysOff.
// - A database whose user_version is newer than the last step is refused, never downgraded.
namespace Storage {

// PRAGMA application_id of our files ("KTRD"), so a foreign SQLite file is never migrated into.
inline constexpr int APPLICATION_ID = 0x4B545244;

struct Migration
{
    int version = 0; // user_version after this step
    QString description;
    QStringList statements; // one SQL statement each (QtSql runs one statement per exec)
    // Run the step with foreign_keys=OFF (required to rebuild a referenced table) and verify with
    // PRAGMA foreign_key_check before committing.
    bool foreignKeysOff = false;
};

// The app's migrations, ordered, versions 1..latestVersion().
const QList<Migration> &migrations();
int latestVersion();

// Reads user_version and applies every step of `steps` above it, in order, one transaction each.
// Refuses (storage.schema_too_new) when user_version is above the last step. Running it again on
// an up-to-date database does nothing. `db` must not be inside a transaction.
Status migrate(const QSqlDatabase &db, const QList<Migration> &steps);

Result<int> userVersion(const QSqlDatabase &db);

} // namespace Storage
