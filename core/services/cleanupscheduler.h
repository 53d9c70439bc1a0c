// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "timedservice.h"

#include "common/result.h"
#include "storage/signalrepository.h"

#include <QString>

#include <functional>

class ActivityLog;
class Database;

// CleanupScheduler (자정 정리, midnight cleanup): the once-a-day housekeeping at the Asia/Seoul date
// change. It wakes every minute and compares the market clock's KST date with the one it saw last
// (STYLE §6.4: robust to clock changes, sleep and a virtual demo clock; a UTC midnight is nothing).
//
// At each date change it, in order:
// 1. expires every PENDING signal detected before the new trading date (SignalRepository::
//    expirePending; ORDERED ones are left to their orders);
// 2. emits dayRolled(newTradingDate), on which the engine resets its daily counters;
// 3. backs up the database (Maintenance::backup: Database::backupTo + the keep-7 rotation), unless
//    maintenance/backupEnabled is off;
// 4. prunes audit_log older than maintenance/auditRetentionDays (Maintenance::pruneAudit:
//    AuditLog::pruneBefore; 0 days = keep everything).
// The first check after start-up does 1, 3 and 4 as a catch-up (the app may have been closed at
// midnight) but does not emit dayRolled: nothing rolled while it watched.
// The backup and pruning are injected functions because they live in the storage layer (and tests
// count their calls); empty ones are skipped. Each step's failure is logged and the others still run.
// Threading: the core thread (the Database's).
class CleanupScheduler final : public TimedService
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CleanupScheduler)

public:
    struct Maintenance
    {
        // Backs the database up as the copy of tradingDate ("YYYY-MM-DD") and rotates old copies.
        std::function<Status(const QString &tradingDate)> backup;
        // Deletes audit_log rows older than beforeMs; returns how many.
        std::function<Result<int>(qint64 beforeMs)> pruneAudit;
    };
    static constexpr auto CHECK_INTERVAL = std::chrono::minutes(1);
    static inline const QString ACTOR = QStringLiteral("service.cleanup");

    CleanupScheduler(Database &db, Settings &settings, const IClock &marketClock, Maintenance maintenance = {},
        ActivityLog *activity = nullptr, QObject *parent = nullptr);
    ~CleanupScheduler() override;

    // The KST trading date of the last check ("" before the first).
    QString currentDate() const { return m_date; }

signals:
    void dayRolled(const QString &newTradingDate);
    // One housekeeping pass (at start-up or at a date change): signals expired, whether a backup was
    // written, audit rows pruned, failed steps.
    void cleanupFinished(const QString &tradingDate, int expired, bool backedUp, int pruned, int failures);

private:
    void run() override;
    void housekeeping(quint64 token, const QString &date, bool rolled);

    SignalRepository m_signals;
    Maintenance m_maintenance;
    ActivityLog *m_activity = nullptr;
    QString m_date;
};
