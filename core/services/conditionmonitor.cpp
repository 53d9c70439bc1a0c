// SPDX-License-Identifier: GPL-3.0-or-later
#include "conditionmonitor.h"

#include "common/activitylog.h"
#include "common/clock.h"
#include "common/logging.h"
#include "common/settings.h"
#include "market/candlecache.h"
#include "market/krx.h"
#include "strategy/referencecandlestrategy.h"
#include "trading/marketapi.h"
#include "trading/signalsink.h"

#include <algorithm>

using namespace Qt::StringLiterals;

ConditionMonitor::ConditionMonitor(IMarketApi &market, CandleCache &candles, Database &db, ISignalSink &sink,
    Settings &settings, const IClock &marketClock, ActivityLog *activity, QObject *parent)
    : TimedService(u"monitoring"_s, settings, u"services/conditionMonitorIntervalSec"_s, std::chrono::minutes(10),
        marketClock, parent)
    , m_market(market)
    , m_candles(candles)
    , m_conditions(db)
    , m_strategies(db)
    , m_sink(sink)
    , m_activity(activity)
{
}

ConditionMonitor::~ConditionMonitor() = default;

QStringList ConditionMonitor::realtimeConditions() const
{
    QStringList seqs(m_realtime.cbegin(), m_realtime.cend());
    std::sort(seqs.begin(), seqs.end());
    return seqs;
}

void ConditionMonitor::noteHits(qint64 conditionId, const QStringList &codes)
{
    Activity &a = m_activityOf[conditionId];
    const QString today = Krx::tradingDateString(nowMs());
    if (a.date != today) {
        a.date = today;
        a.hits.clear();
    }
    for (const QString &code : codes) {
        if (!code.isEmpty())
            a.hits.insert(code);
    }
}

QJsonObject ConditionMonitor::conditionActivity() const
{
    const QString today = Krx::tradingDateString(nowMs());
    QJsonObject out;
    for (auto it = m_activityOf.cbegin(); it != m_activityOf.cend(); ++it) {
        out.insert(QString::number(it.key()),
            QJsonObject { { u"last_run_ms"_s, it->lastRunMs }, { u"last_run_stocks"_s, it->lastRunStocks },
                { u"hits_today"_s, it->date == today ? int(it->hits.size()) : 0 } });
    }
    return out;
}

std::shared_ptr<const Strategies::ReferenceCandleStrategy> ConditionMonitor::loadStrategy()
{
    using Strategies::ReferenceCandleStrategy;
    const auto rows = m_strategies.list();
    if (!rows) {
        qCWarning(lcServices).noquote() << "condition monitor: strategies unreadable, reference-candle defaults:"
                                        << rows.error().message;
        return std::make_shared<const ReferenceCandleStrategy>();
    }
    std::optional<Storage::TradingStrategyRecord> chosen;
    for (const Storage::TradingStrategyRecord &r : *rows) {
        if (r.strategyType != ReferenceCandleStrategy::typeName())
            continue;
        if (!chosen || (r.enabled && !chosen->enabled) || (r.enabled == chosen->enabled && r.id < chosen->id))
            chosen = r;
    }
    if (!chosen)
        return std::make_shared<const ReferenceCandleStrategy>();
    const auto params = ReferenceCandleStrategy::Params::fromJson(chosen->parameters);
    if (!params) {
        qCWarning(lcServices).noquote() << "condition monitor: strategy" << chosen->strategyName
                                        << "has invalid parameters, reference-candle defaults:"
                                        << params.error().message;
        return std::make_shared<const ReferenceCandleStrategy>();
    }
    return std::make_shared<const ReferenceCandleStrategy>(*params);
}

bool ConditionMonitor::isListed(const Storage::ConditionRecord &condition) const
{
    // A seq the broker has since given to another condition is not this condition's any more.
    return m_listed.isEmpty() || m_listed.value(condition.apiConditionId) == condition.conditionName;
}

QString ConditionMonitor::memoKey(qint64 conditionId, const QString &code)
{
    const QString today = Krx::tradingDateString(nowMs());
    if (today != m_memoDate) {
        m_memoDate = today;
        m_signalled.clear();
    }
    return QString::number(conditionId) + u'|' + code;
}

// ---- the 10-minute run ---------------------------------------------------------------------------

void ConditionMonitor::run()
{
    auto state = std::make_shared<RunState>();
    state->token = runToken();
    state->strategy = loadStrategy();
    m_market.listConditions(this, [this, state](const KiwoomResult<QList<Kiwoom::ConditionInfo>> &r) {
        if (isCurrent(state->token))
            onListed(state, r);
    });
}

void ConditionMonitor::onListed(
    const std::shared_ptr<RunState> &state, const KiwoomResult<QList<Kiwoom::ConditionInfo>> &listed)
{
    QSet<QString> listedNames;
    if (listed) {
        m_listed.clear();
        for (const Kiwoom::ConditionInfo &info : *listed) {
            m_listed.insert(info.seq, info.name);
            if (info.name.isEmpty())
                continue;
            listedNames.insert(info.name);
            if (const auto up = m_conditions.upsert(info.name, info.seq, ACTOR); !up) {
                ++state->failures;
                qCWarning(lcServices).noquote()
                    << "condition monitor: could not store condition" << info.name << up.error().message;
            }
        }
    } else {
        ++state->failures;
        qCWarning(lcServices).noquote() << "condition monitor: listing conditions failed:" << listed.error().describe()
                                        << "- searching the stored ones";
    }

    const auto enabled = m_conditions.listEnabled();
    if (!enabled) {
        ++state->failures;
        qCWarning(lcServices).noquote() << "condition monitor: enabled conditions unreadable:"
                                        << enabled.error().message;
        state->searching = false;
        maybeFinish(state);
        return;
    }
    for (const Storage::ConditionRecord &c : *enabled) {
        if (c.apiConditionId.isEmpty())
            continue;
        if (listed && !listedNames.contains(c.conditionName)) {
            qCInfo(lcServices).noquote() << "condition monitor: condition" << c.conditionName
                                         << "is enabled but no longer listed by the broker; skipped";
            continue;
        }
        state->conditions.append(c);
    }
    if (isRunning())
        reconcileRealtime(state->conditions);
    searchNext(state);
}

void ConditionMonitor::searchNext(const std::shared_ptr<RunState> &state)
{
    if (state->next >= state->conditions.size()) {
        state->searching = false;
        maybeFinish(state);
        return;
    }
    const Storage::ConditionRecord condition = state->conditions.at(state->next++);
    state->order.append(condition.id);
    state->per[condition.id].name = condition.conditionName;
    m_market.searchCondition(condition.apiConditionId, this,
        [this, state, condition](const KiwoomResult<QList<Kiwoom::ConditionRow>> &rows) {
            if (!isCurrent(state->token))
                return;
            onSearched(state, condition, rows);
            searchNext(state);
        });
}

void ConditionMonitor::onSearched(const std::shared_ptr<RunState> &state, const Storage::ConditionRecord &condition,
    const KiwoomResult<QList<Kiwoom::ConditionRow>> &rows)
{
    PerCondition &per = state->per[condition.id];
    if (!rows) {
        ++state->failures;
        per.failed = true;
        qCWarning(lcServices).noquote() << "condition monitor: search of" << condition.conditionName
                                        << "failed:" << rows.error().describe();
        return;
    }
    per.stocks = int(rows->size());
    state->stocks += int(rows->size());
    QStringList codes;
    for (const Kiwoom::ConditionRow &row : *rows)
        codes << row.code;
    noteHits(condition.id, codes);
    m_activityOf[condition.id].lastRunMs = nowMs();
    m_activityOf[condition.id].lastRunStocks = int(rows->size());
    for (const Kiwoom::ConditionRow &row : *rows) {
        const QString &code = row.code; // FieldReader strips the "A" prefix
        if (code.isEmpty())
            continue;
        if (!row.name.isEmpty())
            m_names.insert(code, row.name);
        ++state->jobsPending;
        enqueue(Job { condition.id, condition.conditionName, code, row.name, state->strategy, state });
    }
}

void ConditionMonitor::maybeFinish(const std::shared_ptr<RunState> &state)
{
    if (state->finished || state->searching || state->jobsPending > 0 || !isCurrent(state->token))
        return;
    state->finished = true;
    for (qint64 id : std::as_const(state->order)) {
        const PerCondition &per = state->per.value(id);
        if (!m_activity)
            break;
        if (per.failed) {
            m_activity->add(ActivityLog::Level::Warning, u"condition"_s,
                tr("Condition %1: the search failed; trying again at the next run.").arg(per.name), nowMs());
        } else {
            m_activity->add(ActivityLog::Level::Info, u"condition"_s,
                tr("Condition %1: %2, %3")
                    .arg(per.name, tr("%n stock(s)", nullptr, per.stocks),
                        tr("%n buy signal(s)", nullptr, per.signalsCreated)),
                nowMs());
        }
    }
    const int conditions = int(state->order.size());
    const QString summary = u"%1 conditions, %2 stocks, %3 signals (%4 duplicates), %5 failures"_s.arg(conditions)
                                .arg(state->stocks)
                                .arg(state->signalsCreated)
                                .arg(state->duplicates)
                                .arg(state->failures);
    qCInfo(lcServices).noquote() << "condition monitor:" << summary;
    emit runFinished(conditions, state->stocks, state->signalsCreated, state->failures);
    finishRun(state->token, state->failures == 0, summary,
        { { u"conditions"_s, conditions }, { u"stocks"_s, state->stocks }, { u"signals"_s, state->signalsCreated },
            { u"duplicates"_s, state->duplicates }, { u"failures"_s, state->failures } });
}

// ---- evaluation jobs (run hits and realtime hits) -------------------------------------------------

bool ConditionMonitor::jobAlive(const Job &job) const
{
    return job.run ? isCurrent(job.run->token) : isRunning();
}

void ConditionMonitor::enqueue(Job job)
{
    m_queue.push_back(std::move(job));
    pump();
}

void ConditionMonitor::pump()
{
    while (m_jobsRunning < MAX_CONCURRENT && !m_queue.empty()) {
        Job job = std::move(m_queue.front());
        m_queue.pop_front();
        if (!jobAlive(job))
            continue; // its run was abandoned, or the service stopped (realtime)
        if (m_signalled.contains(memoKey(job.conditionId, job.code))) {
            jobDone(job, false);
            continue;
        }
        evaluate(job);
    }
}

void ConditionMonitor::evaluate(const Job &job)
{
    if (job.run) {
        if (const auto it = job.run->candles.constFind(job.code); it != job.run->candles.constEnd()) {
            onCandles(job, *it);
            return;
        }
        if (job.run->fetching.contains(job.code)) {
            m_waiting[QString::number(job.run->token) + u'|' + job.code].append(job);
            return;
        }
        job.run->fetching.insert(job.code);
    }
    ++m_jobsRunning;
    const auto &p = job.strategy->params();
    const int window = p.lookbackDays + p.volumeAvgDays + 1;
    m_candles.daily(job.code, window, this, [this, job, epoch = m_slotEpoch](const Result<QList<Candle>> &candles) {
        if (epoch == m_slotEpoch)
            --m_jobsRunning;
        onCandles(job, candles);
        if (job.run) {
            job.run->fetching.remove(job.code);
            const QList<Job> waiting = m_waiting.take(QString::number(job.run->token) + u'|' + job.code);
            for (const Job &w : waiting)
                onCandles(w, candles);
        }
        pump();
    });
}

void ConditionMonitor::onCandles(const Job &job, const Result<QList<Candle>> &candles)
{
    if (!jobAlive(job))
        return;
    if (!candles) {
        if (job.run)
            ++job.run->failures;
        qCWarning(lcServices).noquote() << "condition monitor: daily candles of" << job.code
                                        << "failed:" << candles.error().message;
        jobDone(job, false);
        return;
    }
    if (job.run)
        job.run->candles.insert(job.code, *candles);
    std::optional<Strategies::Signal> signal = job.strategy->evaluate(*candles);
    if (!signal) {
        jobDone(job, false);
        return;
    }
    signal->stockCode = job.code;
    Trading::SignalRequest request;
    request.kind = Storage::SignalKind::PendingBuy;
    request.source = u"condition:%1"_s.arg(job.conditionId);
    request.side = Side::Buy;
    request.code = job.code;
    request.name = job.name.isEmpty() ? m_names.value(job.code) : job.name;
    request.signalType = signal->strategyType;
    request.conditionId = job.conditionId;
    request.signal = *signal;
    request.actor = ACTOR;
    const auto outcome = m_sink.submit(request);
    if (!outcome) {
        if (job.run)
            ++job.run->failures;
        qCWarning(lcServices).noquote() << "condition monitor: signal for" << job.code << "from" << job.conditionName
                                        << "not recorded:" << outcome.error().message;
        jobDone(job, false);
        return;
    }
    m_signalled.insert(memoKey(job.conditionId, job.code));
    const bool created = !outcome->duplicate;
    if (job.run) {
        if (created) {
            ++job.run->signalsCreated;
            ++job.run->per[job.conditionId].signalsCreated;
        } else {
            ++job.run->duplicates;
        }
    }
    if (created && !job.run && m_activity) {
        m_activity->add(ActivityLog::Level::Info, u"condition"_s,
            tr("Condition %1: %2 %3 entered; buy signal at or below %L4 KRW.")
                .arg(job.conditionName, job.code, request.name)
                .arg(signal->targetPrice.value_or(0)),
            nowMs());
    }
    qCInfo(lcServices).noquote() << "condition monitor:" << (created ? "signal" : "duplicate signal") << job.code
                                 << "from" << job.conditionName << (job.run ? "(scan)" : "(realtime)");
    jobDone(job, created);
}

void ConditionMonitor::jobDone(const Job &job, bool created)
{
    if (job.run) {
        --job.run->jobsPending;
        maybeFinish(job.run);
    } else {
        emit realtimeHitHandled(job.conditionId, job.code, created);
    }
}

// ---- realtime conditions ---------------------------------------------------------------------------

void ConditionMonitor::onConditionHit(const Kiwoom::ConditionHit &hit)
{
    if (!isRunning() || !hit.entered)
        return;
    const auto enabled = m_conditions.listEnabled();
    if (!enabled) {
        qCWarning(lcServices).noquote() << "condition monitor: realtime hit on" << hit.conditionSeq
                                        << "not handled, conditions unreadable:" << enabled.error().message;
        return;
    }
    const auto it = std::find_if(enabled->cbegin(), enabled->cend(),
        [&](const Storage::ConditionRecord &c) { return c.apiConditionId == hit.conditionSeq && isListed(c); });
    if (it == enabled->cend())
        return; // not (or no longer) enabled
    const QString &code = hit.code;
    if (code.isEmpty())
        return;
    qCDebug(lcServices).noquote() << "condition monitor: realtime hit" << code << "entered" << it->conditionName;
    noteHits(it->id, { code });
    enqueue(Job { it->id, it->conditionName, code, m_names.value(code), loadStrategy(), nullptr });
}

void ConditionMonitor::refreshRealtime()
{
    if (!isRunning())
        return;
    const auto enabled = m_conditions.listEnabled();
    if (!enabled) {
        qCWarning(lcServices).noquote() << "condition monitor: enabled conditions unreadable:"
                                        << enabled.error().message;
        return;
    }
    QList<Storage::ConditionRecord> withSeq;
    for (const Storage::ConditionRecord &c : *enabled) {
        if (!c.apiConditionId.isEmpty() && isListed(c))
            withSeq.append(c);
    }
    reconcileRealtime(withSeq);
}

void ConditionMonitor::reconcileRealtime(const QList<Storage::ConditionRecord> &enabled)
{
    QList<Storage::ConditionRecord> sorted = enabled;
    std::sort(sorted.begin(), sorted.end(),
        [](const Storage::ConditionRecord &a, const Storage::ConditionRecord &b) { return a.id < b.id; });
    QSet<QString> desired;
    QSet<QString> overflow;
    for (const Storage::ConditionRecord &c : std::as_const(sorted)) {
        if (desired.size() < MAX_REALTIME) {
            desired.insert(c.apiConditionId);
            continue;
        }
        overflow.insert(c.apiConditionId);
        if (!m_overflow.contains(c.apiConditionId)) {
            qCInfo(lcServices).noquote() << "condition monitor: condition" << c.conditionName
                                         << "runs every period only: Kiwoom allows" << MAX_REALTIME
                                         << "realtime conditions";
        }
    }
    m_overflow = overflow;
    m_desired = desired;

    const QSet<QString> running = m_realtime;
    for (const QString &seq : running) {
        if (desired.contains(seq))
            continue;
        m_realtime.remove(seq);
        m_market.stopRealtimeCondition(seq, this, [seq](const KiwoomResult<bool> &r) {
            if (!r)
                qCWarning(lcServices).noquote()
                    << "condition monitor: stopping realtime condition" << seq << "failed:" << r.error().describe();
            else
                qCInfo(lcServices).noquote() << "condition monitor: realtime condition" << seq << "stopped";
        });
    }
    for (const QString &seq : std::as_const(desired)) {
        if (m_realtime.contains(seq) || m_realtimePending.contains(seq))
            continue;
        m_realtimePending.insert(seq);
        m_market.startRealtimeCondition(seq, this, [this, seq](const KiwoomResult<QStringList> &r) {
            m_realtimePending.remove(seq);
            if (!r) {
                qCWarning(lcServices).noquote() << "condition monitor: starting realtime condition" << seq
                                                << "failed:" << r.error().describe() << "- retried at the next run";
                return;
            }
            m_realtime.insert(seq);
            qCInfo(lcServices).noquote() << "condition monitor: realtime condition" << seq << "started with"
                                         << r->size() << "stocks";
            // Stopped, or disabled, while the start was on its way.
            if (!isRunning() || !m_desired.contains(seq)) {
                m_realtime.remove(seq);
                m_market.stopRealtimeCondition(seq, this, [](const KiwoomResult<bool> &) {});
            }
        });
    }
}

void ConditionMonitor::onAbandoned()
{
    ++m_slotEpoch;
    m_jobsRunning = 0;
    m_waiting.clear();
}

void ConditionMonitor::onStopped()
{
    const QSet<QString> running = m_realtime;
    m_realtime.clear();
    m_desired.clear();
    for (const QString &seq : running) {
        m_market.stopRealtimeCondition(seq, this, [seq](const KiwoomResult<bool> &r) {
            if (!r)
                qCWarning(lcServices).noquote()
                    << "condition monitor: stopping realtime condition" << seq << "failed:" << r.error().describe();
        });
    }
    // Realtime hits queued but not yet evaluated die with the service.
    m_queue.erase(std::remove_if(m_queue.begin(), m_queue.end(), [](const Job &j) { return !j.run; }), m_queue.end());
}
