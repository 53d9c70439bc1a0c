// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "types.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QTimer>

#include <deque>
#include <functional>

// RateLimiter paces REST requests so Kiwoom never has a reason to answer 429/1700/1701.
//
// Model (protocol §6.3): Kiwoom counts requests per api-id within any sliding 1000 ms window and
// also caps the total of queries and of orders (terms of use: 5 queries/s, 5 orders/s). The
// limiter therefore keeps the send times of the last requests per api-id and per pool (Query,
// Order) and grants a request only while fewer than quota sends fall within the last
// windowMs + safetyMarginMs. The margin absorbs network jitter between our send time and the
// server's arrival time; with the defaults (1000 + 60 ms) a burst runs at 5 / 1.06 s = 94% of the
// quota. Every continuation page and every retry is a request of its own.
//
// Waiting requests are granted in priority order — orders > account > quotes > charts > lists —
// and first-come-first-served within a priority; a request blocked by its own api-id quota does
// not hold up others. In-flight requests are capped (maxInFlight, one slot kept for orders) so
// the network stack never queues a granted request behind others, which would shift its real send
// time past the recorded one.
//
// Feedback: reportRateLimited() after a 429/1700 pauses that api-id (1701/1702: the whole pool)
// with exponential backoff (1 s doubling to 8 s; refusals that arrive during a pause answer
// requests sent before it and do not escalate it) and lowers the api-id's quota when the message
// names a smaller one ("유량=1"); reportSuccess() resets the backoff. A gate (setGate) can hold all
// grants, e.g. while no usable token exists; call wake() when it opens.
//
// Threading: single thread (the core's), not thread-safe. Grants are delivered from the event
// loop (a zero/precise timer), never from inside acquire().
class RateLimiter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RateLimiter)

public:
    struct Config
    {
        int queriesPerSecond = 5;
        int ordersPerSecond = 5;
        QHash<QString, int> perApiQuota; // api-id -> requests per window (default: its pool's quota)
        int windowMs = 1000;
        int safetyMarginMs = 60;
        int maxInFlight = 6;
        // One request at a time, orders included (lockstep runs: replies then come back in the
        // order the requests were granted, so a replay decides the same way every time), strictly
        // in priority order and without the per-second quotas: those count wall-clock time, and a
        // request held back by its quota would let a later one of lower priority overtake it
        // depending on how fast the machine is (the backoff after a refusal still applies).
        bool serial = false;
        int backoffInitialMs = 1000;
        int backoffMaxMs = 8000;
    };

    // What the UI and the control API show.
    struct Budget
    {
        int queryQuota = 0;
        int queriesInWindow = 0; // sends of the Query pool within the current window
        int orderQuota = 0;
        int ordersInWindow = 0;
        int queued = 0; // waiting for quota
        QMap<Kiwoom::RequestPriority, int> queuedByPriority;
        int inFlight = 0;
        qint64 queryPausedForMs = 0; // > 0 while backing off after 1701/1702
        qint64 orderPausedForMs = 0;
        quint64 granted = 0; // totals since construction
        quint64 rateLimitedReplies = 0;
    };

    using Ticket = quint64;
    using MonotonicClock = std::function<qint64()>;

    explicit RateLimiter(QObject *parent = nullptr);
    // Tests pass a fake monotonic clock (ms); the default is a steady clock.
    RateLimiter(const Config &config, MonotonicClock clock, QObject *parent = nullptr);
    ~RateLimiter() override;

    void setConfig(const Config &config);
    const Config &config() const { return m_config; }

    // Queues a request; `granted` runs once (from the event loop) when it may be sent. The caller
    // must call finished(ticket) when its reply arrived (frees the in-flight slot).
    Ticket acquire(const QString &apiId, Kiwoom::RequestPool pool, Kiwoom::RequestPriority priority,
        std::function<void()> granted);
    // Removes a queued request (returns false if it was already granted or unknown).
    bool cancel(Ticket ticket);
    // The granted request completed (reply or error).
    void finished(Ticket ticket);

    void reportRateLimited(const QString &apiId, Kiwoom::RequestPool pool, int code, const QString &message);
    void reportSuccess(const QString &apiId, Kiwoom::RequestPool pool);

    void setGate(std::function<bool()> gate);
    // Re-evaluates the queue now (after the gate opened, or after a fake clock moved).
    void wake();
    // Grants everything grantable at the current (possibly fake) time; tests call it directly.
    void pump();

    Budget budget() const;
    int queueDepth() const { return int(m_waiting.size()); }
    // Requests granted and not yet finished.
    int inFlightCount() const { return int(m_inFlight.size()); }
    int quotaFor(const QString &apiId, Kiwoom::RequestPool pool) const;

signals:
    void budgetChanged();

private:
    struct Waiting
    {
        Ticket ticket;
        QString apiId;
        Kiwoom::RequestPool pool;
        Kiwoom::RequestPriority priority;
        std::function<void()> granted;
    };
    struct Backoff
    {
        int hits = 0;
        qint64 pausedUntil = 0;
    };

    // Earliest time this request may be sent (<= now: now); also checks pauses.
    qint64 earliestStart(const Waiting &w, qint64 now) const;
    void trim(std::deque<qint64> &sends, qint64 now) const;
    int inWindow(const std::deque<qint64> &sends, qint64 now) const;
    void schedule(qint64 atMs, qint64 now);
    qint64 window() const { return qint64(m_config.windowMs) + m_config.safetyMarginMs; }
    int poolQuota(Kiwoom::RequestPool pool) const;

    Config m_config;
    MonotonicClock m_clock;
    std::function<bool()> m_gate;
    std::deque<Waiting> m_waiting; // kept sorted by (priority, ticket)
    mutable QHash<QString, std::deque<qint64>> m_apiSends;
    mutable std::deque<qint64> m_querySends;
    mutable std::deque<qint64> m_orderSends;
    QHash<QString, Backoff> m_apiBackoff;
    Backoff m_queryBackoff;
    Backoff m_orderBackoff;
    QHash<Ticket, Kiwoom::RequestPool> m_inFlight;
    Ticket m_nextTicket = 0;
    quint64 m_granted = 0;
    quint64 m_rateLimited = 0;
    QTimer m_timer;
    bool m_pumping = false;
};
