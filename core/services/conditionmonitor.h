// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "timedservice.h"

#include "kiwoom/kiwoomerror.h"
#include "kiwoom/realtimetypes.h"
#include "market/candle.h"
#include "storage/conditionrepository.h"
#include "storage/records.h"
#include "storage/strategyrepository.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

#include <deque>
#include <memory>

class ActivityLog;
class CandleCache;
class Database;
class IMarketApi;
class ISignalSink;

namespace Strategies {
class ReferenceCandleStrategy;
}

// ConditionMonitor (조건식 모니터링, the seed's 10-minute loop): turns condition-search (조건검색)
// hits into pending buy signals through the reference-candle (기준봉) strategy.
//
// A run: CNSRLST → every listed condition upserted into auto_trade_conditions (a new one starts
// disabled) → each ENABLED condition still listed is run once (CNSRREQ 0) → for each hit, the
// stock's daily candles through the CandleCache → ReferenceCandleStrategy::evaluate → a signal is
// handed to ISignalSink::submit({PendingBuy, source "condition:<id>", conditionId, signal}).
// The strategy's parameters are those of the trading_strategies row of type "reference_candle"
// (an enabled one first, the lowest id), or its defaults when there is none. Today's forming daily
// candle counts (a surge today can be the reference). A stock that already gave a condition a
// signal today is not evaluated again for that condition until the KST date changes.
//
// Realtime: while started, the enabled conditions (the first MAX_REALTIME by id) also run as
// realtime conditions (CNSRREQ 1); each entered hit (onConditionHit, 02 "I") is handled at once the
// same way; left hits (D) are ignored. They are stopped with stop(), started again by start(), and
// follow enable/disable at the next run or at once through refreshRealtime().
//
// Failures (a listing, a search, a candle fetch, a submit) are logged under kt.services and
// counted; the run and the loop go on. Candle fetches run at most MAX_CONCURRENT at a time.
// ActivityLog gets one line per searched condition ("Condition 거래량급증: 3 stocks, 1 buy signal").
// Threading: the core thread.
class ConditionMonitor final : public TimedService
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConditionMonitor)

public:
    static constexpr int MAX_REALTIME = 10; // Kiwoom's realtime conditions per login
    static constexpr int MAX_CONCURRENT = 3; // candle fetches in flight
    static inline const QString ACTOR = QStringLiteral("service.condition_monitor");

    ConditionMonitor(IMarketApi &market, CandleCache &candles, Database &db, ISignalSink &sink, Settings &settings,
        const IClock &marketClock, ActivityLog *activity = nullptr, QObject *parent = nullptr);
    ~ConditionMonitor() override;

    // A realtime condition hit (ConditionSearch::conditionHitReceived). Ignored while stopped.
    void onConditionHit(const Kiwoom::ConditionHit &hit);
    // Re-reads the enabled conditions and starts / stops realtime conditions to match (call after
    // a condition was enabled or disabled). Does nothing while stopped.
    void refreshRealtime();
    // Condition seqs running as realtime conditions now.
    QStringList realtimeConditions() const;
    // What each condition did, for the Conditions dock (kept in memory, since the process started):
    // {"<condition id>": {"last_run_ms": when it was last searched (0 = not yet), "last_run_stocks":
    // how many stocks that search returned, "hits_today": distinct stocks it returned today (KST
    // trading date; searches and realtime entries)}}. Conditions not searched yet are absent.
    QJsonObject conditionActivity() const;

signals:
    // One run: conditions searched, stocks they returned, new signals (not duplicates), failed calls.
    void runFinished(int conditions, int stocks, int signalsCreated, int failures);
    // One realtime hit handled: whether it created a new signal.
    void realtimeHitHandled(qint64 conditionId, const QString &code, bool signalCreated);

private:
    struct PerCondition
    {
        QString name;
        int stocks = 0;
        int signalsCreated = 0;
        bool failed = false;
    };
    struct RunState;
    struct Job
    {
        qint64 conditionId = 0;
        QString conditionName;
        QString code;
        QString name;
        std::shared_ptr<const Strategies::ReferenceCandleStrategy> strategy;
        std::shared_ptr<RunState> run; // null for a realtime hit
    };
    struct RunState
    {
        quint64 token = 0;
        std::shared_ptr<const Strategies::ReferenceCandleStrategy> strategy;
        QList<Storage::ConditionRecord> conditions;
        int next = 0;
        bool searching = true;
        bool finished = false;
        int jobsPending = 0;
        int stocks = 0;
        int signalsCreated = 0;
        int duplicates = 0;
        int failures = 0;
        QList<qint64> order;
        QHash<qint64, PerCondition> per;
        // Daily candles of this run: a stock two conditions return is fetched once (a second job
        // waits in m_waiting for the first one's fetch).
        QHash<QString, QList<Candle>> candles;
        QSet<QString> fetching;
    };

    void run() override;
    void onStopped() override;
    void onAbandoned() override;

    void onListed(const std::shared_ptr<RunState> &state, const KiwoomResult<QList<Kiwoom::ConditionInfo>> &listed);
    void searchNext(const std::shared_ptr<RunState> &state);
    void onSearched(const std::shared_ptr<RunState> &state, const Storage::ConditionRecord &condition,
        const KiwoomResult<QList<Kiwoom::ConditionRow>> &rows);
    void enqueue(Job job);
    void pump();
    void evaluate(const Job &job);
    void onCandles(const Job &job, const Result<QList<Candle>> &candles);
    void jobDone(const Job &job, bool created);
    void maybeFinish(const std::shared_ptr<RunState> &state);
    bool jobAlive(const Job &job) const;

    void reconcileRealtime(const QList<Storage::ConditionRecord> &enabled);
    std::shared_ptr<const Strategies::ReferenceCandleStrategy> loadStrategy();
    QString memoKey(qint64 conditionId, const QString &code);
    bool isListed(const Storage::ConditionRecord &condition) const;

    IMarketApi &m_market;
    CandleCache &m_candles;
    ConditionRepository m_conditions;
    StrategyRepository m_strategies;
    ISignalSink &m_sink;
    ActivityLog *m_activity = nullptr;

    std::deque<Job> m_queue;
    QHash<QString, QList<Job>> m_waiting; // "<run token>|<code>": jobs waiting for their run's fetch
    int m_jobsRunning = 0; // candle fetches in flight (of m_slotEpoch)
    quint64 m_slotEpoch = 0; // bumped when a run is abandoned: late replies no longer free a slot
    QHash<QString, QString> m_names; // stock code → name, from search rows
    QHash<QString, QString> m_listed; // seq → condition name, from the last successful CNSRLST
    QString m_memoDate;
    QSet<QString> m_signalled; // "conditionId|code" that gave a signal on m_memoDate
    QSet<QString> m_realtime; // seqs started
    QSet<QString> m_realtimePending; // seqs being started
    QSet<QString> m_desired; // seqs that should run in realtime (the last reconcile)
    QSet<QString> m_overflow; // enabled beyond MAX_REALTIME (logged once)

    struct Activity
    {
        qint64 lastRunMs = 0;
        int lastRunStocks = 0;
        QString date; // trading date of hits
        QSet<QString> hits;
    };
    void noteHits(qint64 conditionId, const QStringList &codes);
    QHash<qint64, Activity> m_activityOf; // condition id → what it did (conditionActivity())
};
