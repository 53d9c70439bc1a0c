// SPDX-License-Identifier: GPL-3.0-or-later
#include "cleanupscheduler.h"

#include "common/activitylog.h"
#include "common/clock.h"
#include "common/logging.h"
#include "common/settings.h"
#include "market/krx.h"

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 DAY_MS = 24LL * 3600 * 1000;
}

CleanupScheduler::CleanupScheduler(Database &db, Settings &settings, const IClock &marketClock, Maintenance maintenance,
    ActivityLog *activity, QObject *parent)
    : TimedService(u"cleanup"_s, settings, QString(), CHECK_INTERVAL, marketClock, parent)
    , m_signals(db)
    , m_maintenance(std::move(maintenance))
    , m_activity(activity)
{
}

CleanupScheduler::~CleanupScheduler() = default;

void CleanupScheduler::run()
{
    const quint64 token = runToken();
    const QString today = Krx::tradingDateString(nowMs());
    if (m_date == today) {
        finishRun(token, true, u"%1, nothing to do"_s.arg(today), { { u"date"_s, today } });
        return;
    }
    const bool rolled = !m_date.isEmpty();
    // A clock that went back (a resumed demo, a corrected system clock) is not a new day.
    if (rolled && today < m_date) {
        qCWarning(lcServices).noquote() << "cleanup: the market clock went back from" << m_date << "to" << today
                                        << "- waiting for a later date";
        finishRun(token, true, u"clock went back to %1"_s.arg(today), { { u"date"_s, today } });
        return;
    }
    const QString previous = m_date;
    m_date = today;
    if (rolled)
        qCInfo(lcServices).noquote() << "cleanup: trading date" << previous << "->" << today;
    housekeeping(token, today, rolled);
}

void CleanupScheduler::housekeeping(quint64 token, const QString &date, bool rolled)
{
    int failures = 0;

    int expired = 0;
    if (const auto r = m_signals.expirePending(date, ACTOR); r) {
        expired = *r;
    } else {
        ++failures;
        qCWarning(lcServices).noquote() << "cleanup: expiring old signals failed:" << r.error().message;
    }

    if (rolled)
        emit dayRolled(date);

    bool backedUp = false;
    if (settings().backupEnabled() && m_maintenance.backup) {
        if (const Status s = m_maintenance.backup(date); s) {
            backedUp = true;
        } else {
            ++failures;
            qCWarning(lcServices).noquote() << "cleanup: database backup failed:" << s.error().message;
        }
    }

    int pruned = 0;
    const int days = settings().auditRetentionDays();
    if (days > 0 && m_maintenance.pruneAudit) {
        if (const auto r = m_maintenance.pruneAudit(nowMs() - qint64(days) * DAY_MS); r) {
            pruned = *r;
        } else {
            ++failures;
            qCWarning(lcServices).noquote() << "cleanup: pruning the audit log failed:" << r.error().message;
        }
    }

    const QString summary = u"%1: %2 signals expired, backup %3, %4 audit rows pruned, %5 failures"_s.arg(date)
                                .arg(expired)
                                .arg(backedUp ? u"written"_s : u"skipped"_s)
                                .arg(pruned)
                                .arg(failures);
    qCInfo(lcServices).noquote() << "cleanup:" << summary;
    if (m_activity && (rolled || expired > 0)) {
        m_activity->add(failures ? ActivityLog::Level::Warning : ActivityLog::Level::Info, u"cleanup"_s,
            tr("New trading day %1: %n old signal(s) expired.", nullptr, expired).arg(date), nowMs());
    }
    emit cleanupFinished(date, expired, backedUp, pruned, failures);
    finishRun(token, failures == 0, summary,
        { { u"date"_s, date }, { u"rolled"_s, rolled }, { u"expired"_s, expired }, { u"backed_up"_s, backedUp },
            { u"pruned"_s, pruned }, { u"failures"_s, failures } });
}
