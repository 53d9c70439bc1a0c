// SPDX-License-Identifier: GPL-3.0-or-later
#include "watchlistsync.h"

#include "common/activitylog.h"
#include "common/clock.h"
#include "common/logging.h"
#include "storage/database.h"
#include "trading/marketapi.h"

#include <algorithm>

using namespace Qt::StringLiterals;

WatchlistSync::WatchlistSync(IMarketApi &market, Database &db, Settings &settings, const IClock &marketClock,
    ActivityLog *activity, QObject *parent)
    : TimedService(
        u"watchlist"_s, settings, u"services/watchlistSyncIntervalSec"_s, std::chrono::minutes(5), marketClock, parent)
    , m_market(market)
    , m_db(db)
    , m_conditions(db)
    , m_watchlist(db)
    , m_activity(activity)
{
}

WatchlistSync::~WatchlistSync() = default;

void WatchlistSync::refreshWatchlist()
{
    const auto stocks = m_watchlist.listActive();
    if (!stocks) {
        qCWarning(lcServices).noquote() << "watchlist sync: watchlist unreadable:" << stocks.error().message;
        return;
    }
    QStringList codes;
    for (const Storage::WatchlistStockRecord &s : *stocks)
        codes.append(s.stockCode);
    std::sort(codes.begin(), codes.end());
    if (m_announcedOnce && codes == m_announced)
        return;
    m_announced = codes;
    m_announcedOnce = true;
    qCInfo(lcServices).noquote() << "watchlist sync: watchlist now" << codes.size() << "stocks";
    emit watchlistChanged(codes);
}

void WatchlistSync::inTransaction(RunState &state, const QString &what, const std::function<Status(Counts &)> &body)
{
    Counts delta;
    const Status st = m_db.transaction([&]() -> Status { return body(delta); });
    if (!st) {
        ++state.counts.failures;
        qCWarning(lcServices).noquote() << "watchlist sync:" << what
                                        << "not applied (rolled back):" << st.error().message;
        return;
    }
    state.counts.added += delta.added;
    state.counts.removed += delta.removed;
    state.counts.failures += delta.failures;
}

void WatchlistSync::run()
{
    auto state = std::make_shared<RunState>();
    state->token = runToken();
    const auto all = m_conditions.list();
    if (!all) {
        ++state->counts.failures;
        qCWarning(lcServices).noquote() << "watchlist sync: conditions unreadable:" << all.error().message;
        finish(state);
        return;
    }
    for (const Storage::ConditionRecord &c : *all) {
        if (c.enabled && !c.apiConditionId.isEmpty()) {
            state->conditions.append(c);
            continue;
        }
        if (c.enabled)
            continue; // never listed by the broker: nothing to search, nothing to drop
        // Disabled: its stocks leave the watchlist (unless another condition or the user keeps them).
        const auto active = m_conditions.syncEntries(c.id, Storage::SyncStatus::Active);
        if (!active) {
            ++state->counts.failures;
            qCWarning(lcServices).noquote() << "watchlist sync:" << c.conditionName << active.error().message;
            continue;
        }
        if (active->isEmpty())
            continue;
        inTransaction(*state, u"dropping the stocks of disabled condition %1"_s.arg(c.conditionName),
            [this, &c](Counts &counts) -> Status {
                const auto removed = m_conditions.markRemovedExcept(c.id, {}, ACTOR);
                if (!removed)
                    return removed.error();
                return release(counts, *removed);
            });
    }
    syncNext(state);
}

void WatchlistSync::syncNext(const std::shared_ptr<RunState> &state)
{
    if (state->next >= state->conditions.size()) {
        finish(state);
        return;
    }
    const Storage::ConditionRecord condition = state->conditions.at(state->next++);
    m_market.searchCondition(condition.apiConditionId, this,
        [this, state, condition](const KiwoomResult<QList<Kiwoom::ConditionRow>> &rows) {
            if (!isCurrent(state->token))
                return;
            if (!rows) {
                ++state->counts.failures;
                qCWarning(lcServices).noquote() << "watchlist sync: search of" << condition.conditionName
                                                << "failed:" << rows.error().describe() << "- left as it was";
            } else {
                ++state->synced;
                inTransaction(*state, u"sync of %1"_s.arg(condition.conditionName),
                    [&](Counts &counts) { return apply(counts, condition, *rows); });
            }
            syncNext(state);
        });
}

Status WatchlistSync::apply(
    Counts &counts, const Storage::ConditionRecord &condition, const QList<Kiwoom::ConditionRow> &rows)
{
    QStringList present;
    for (const Kiwoom::ConditionRow &row : rows) {
        if (row.code.isEmpty() || present.contains(row.code))
            continue;
        present.append(row.code);
        // Already watched (the user's, or another condition's): leave the row and its owner alone,
        // so two conditions sharing a stock do not rewrite it every run.
        const auto existing = m_watchlist.findByCode(row.code);
        if (!existing)
            return existing.error();
        if (existing->has_value() && (*existing)->active) {
            if (const auto rec
                = m_conditions.recordSync(condition.id, row.code, row.name, Storage::SyncStatus::Active, true, ACTOR);
                !rec)
                return rec.error();
            continue;
        }
        const auto added = m_watchlist.add(
            row.code, row.name, Storage::WatchlistSource::Condition, condition.id, condition.conditionName, ACTOR);
        if (!added) {
            ++counts.failures;
            qCWarning(lcServices).noquote() << "watchlist sync:" << row.code << "from" << condition.conditionName
                                            << "could not be added:" << added.error().message;
            if (const auto rec
                = m_conditions.recordSync(condition.id, row.code, row.name, Storage::SyncStatus::Failed, false, ACTOR);
                !rec)
                return rec.error();
            continue;
        }
        if (added->changed && added->stock.active)
            ++counts.added;
        if (const auto rec
            = m_conditions.recordSync(condition.id, row.code, row.name, Storage::SyncStatus::Active, true, ACTOR);
            !rec)
            return rec.error();
    }
    const auto removed = m_conditions.markRemovedExcept(condition.id, present, ACTOR);
    if (!removed)
        return removed.error();
    return release(counts, *removed);
}

Status WatchlistSync::release(Counts &counts, const QList<Storage::ConditionSyncRecord> &removedRows)
{
    for (const Storage::ConditionSyncRecord &r : removedRows) {
        const auto entries = m_conditions.syncEntriesForStock(r.stockCode);
        if (!entries)
            return entries.error();
        const auto keeper = std::find_if(entries->cbegin(), entries->cend(),
            [](const Storage::ConditionSyncRecord &e) { return e.syncStatus == Storage::SyncStatus::Active; });
        if (keeper != entries->cend()) {
            // Another condition still yields it: it stays, owned by that condition from now on.
            const auto row = m_watchlist.findByCode(r.stockCode);
            if (!row)
                return row.error();
            if (row->has_value() && (*row)->sourceType == Storage::WatchlistSource::Condition
                && (*row)->conditionId == r.conditionId) {
                if (const auto moved = m_watchlist.add(r.stockCode, (*row)->stockName,
                        Storage::WatchlistSource::Condition, keeper->conditionId, keeper->conditionName, ACTOR);
                    !moved)
                    return moved.error();
            }
            continue;
        }
        // Only a CONDITION row is deactivated: a stock the user added stays.
        const auto deactivated = m_watchlist.deactivate(r.stockCode, ACTOR, Storage::WatchlistSource::Condition);
        if (!deactivated)
            return deactivated.error();
        if (*deactivated)
            ++counts.removed;
    }
    return {};
}

void WatchlistSync::finish(const std::shared_ptr<RunState> &state)
{
    if (!isCurrent(state->token))
        return;
    refreshWatchlist();
    const Counts &c = state->counts;
    if (m_activity && (c.added > 0 || c.removed > 0)) {
        m_activity->add(ActivityLog::Level::Info, u"watchlist"_s,
            tr("Watchlist: %1 added, %2 removed by the conditions (%n stock(s) watched).", nullptr,
                int(m_announced.size()))
                .arg(c.added)
                .arg(c.removed),
            nowMs());
    }
    const QString summary = u"%1 conditions, %2 added, %3 removed, %4 failures"_s.arg(state->synced)
                                .arg(c.added)
                                .arg(c.removed)
                                .arg(c.failures);
    qCDebug(lcServices).noquote() << "watchlist sync:" << summary;
    emit runFinished(state->synced, c.added, c.removed, c.failures);
    finishRun(state->token, c.failures == 0, summary,
        { { u"conditions"_s, state->synced }, { u"added"_s, c.added }, { u"removed"_s, c.removed },
            { u"failures"_s, c.failures }, { u"watched"_s, int(m_announced.size()) } });
}
