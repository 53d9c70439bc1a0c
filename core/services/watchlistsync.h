// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "timedservice.h"

#include "kiwoom/kiwoomerror.h"
#include "kiwoom/realtimetypes.h"
#include "storage/conditionrepository.h"
#include "storage/records.h"
#include "storage/watchlistrepository.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class ActivityLog;
class Database;
class IMarketApi;

// WatchlistSync (관심종목 동기화, the seed's 5-minute loop): the results of the enabled conditions
// become the local watchlist (watchlist_stocks, source CONDITION) and their per-condition record
// (condition_watchlist_sync); the watchlist drives the strategy scanner, scalping and the realtime
// 0B subscriptions. Kiwoom has no REST call to edit the HTS 관심종목 groups, so the local watchlist is
// the truth and nothing is written to Kiwoom.
//
// A run, per enabled condition (sequentially; one CNSRREQ 0 each), in one transaction:
// - every stock it returns is recorded ACTIVE and, unless already watched, added (or reactivated)
//   with source CONDITION and this condition as its owner; a stock already watched keeps its row —
//   a MANUAL one stays MANUAL, another condition's stays that condition's — so shared stocks are
//   not rewritten every run; a stock that cannot be added is recorded FAILED;
// - its ACTIVE stocks it no longer returns are marked REMOVED (markRemovedExcept), and each is
//   deactivated unless another condition still yields it (that condition then owns it) — never
//   when it is MANUAL.
// Conditions no longer enabled lose their ACTIVE stocks the same way. A condition whose search
// fails is left exactly as it was (logged and counted; the loop goes on).
// After a run (and on refreshWatchlist()) watchlistChanged(codes) is emitted when the active set
// differs from the one last announced (always the first time), so the TradingEngine can hand it to
// QuoteBook::watch("watchlist", codes).
// Threading: the core thread.
class WatchlistSync final : public TimedService
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WatchlistSync)

public:
    static inline const QString ACTOR = QStringLiteral("service.watchlist_sync");

    WatchlistSync(IMarketApi &market, Database &db, Settings &settings, const IClock &marketClock,
        ActivityLog *activity = nullptr, QObject *parent = nullptr);
    ~WatchlistSync() override;

    // Announces the active watchlist if it changed (call after a manual add or removal).
    void refreshWatchlist();
    // The codes last announced, sorted.
    QStringList announcedCodes() const { return m_announced; }

signals:
    // One run: conditions synced, stocks newly on the watchlist, stocks taken off, failed calls.
    void runFinished(int conditions, int added, int removed, int failures);
    // The active watchlist, sorted; emitted when it changed.
    void watchlistChanged(const QStringList &codes);

private:
    struct Counts
    {
        int added = 0;
        int removed = 0;
        int failures = 0;
    };
    struct RunState
    {
        quint64 token = 0;
        QList<Storage::ConditionRecord> conditions;
        int next = 0;
        int synced = 0;
        Counts counts;
    };

    void run() override;
    void syncNext(const std::shared_ptr<RunState> &state);
    // Each runs inside one transaction; counts are merged only when it commits.
    void inTransaction(RunState &state, const QString &what, const std::function<Status(Counts &)> &body);
    Status apply(Counts &counts, const Storage::ConditionRecord &condition, const QList<Kiwoom::ConditionRow> &rows);
    Status release(Counts &counts, const QList<Storage::ConditionSyncRecord> &removedRows);
    void finish(const std::shared_ptr<RunState> &state);

    IMarketApi &m_market;
    Database &m_db;
    ConditionRepository m_conditions;
    WatchlistRepository m_watchlist;
    ActivityLog *m_activity = nullptr;
    QStringList m_announced;
    bool m_announcedOnce = false;
};
