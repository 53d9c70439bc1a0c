// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "storage/records.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>

class QTextStream;
class TradingCore;

// LockstepDriver moves a lockstep TradingCore (Options::lockstep, demo mode: the in-process
// simulator paused) through market time so that what the engine does depends only on what the
// market did, never on how fast this machine is: step() advances the simulator's virtual clock,
// then settle() lets the core run until it is quiet — every realtime entry the simulator sent has
// been read, no REST call, REG acknowledgement or condition request is outstanding, and the event
// loop has gone around a few times with nothing new — then the market pulse fires the engine's due
// periodic work (MarketTimer) and it settles again. Queued requests start one at a time, each only
// once the core is idle (KiwoomSession::grantLockstep()), so the order in which they go out does
// not depend on when a reply or a frame happened to arrive. Runs on the core's thread (it spins that
// thread's event loop); blocking.
class LockstepDriver
{
public:
    explicit LockstepDriver(TradingCore &core, int settleTimeoutMs = 60'000);

    // Settles until the engine exists and has reconciled (Ready). Error replay.not_ready with the
    // broker's or engine's detail.
    Status waitReady(int timeoutMs = 60'000);
    // One step of stepMs virtual ms. Error replay.stuck when the core does not settle in time.
    Status step(qint64 stepMs);
    // A step to an absolute market instant (a step grid shared with the run that made a
    // recording); nothing moves when it is not in the future, but the core still settles.
    Status stepTo(qint64 targetMs);
    Status settle();
    qint64 nowMs() const;
    bool replayFinished() const { return m_replayFinished; }
    int steps() const { return m_steps; }

private:
    // Passes with nothing on the wire before the core counts as idle (its zero-timer and queued
    // work done); only then does the next request start, or the core count as settled.
    static constexpr int IDLE_PASSES = 4;
    enum class Pass
    {
        Busy, // something is on the wire or still running, or a request was just started
        Quiet, // idle, and nothing queued
    };
    // Nothing on the wire: no REST call or condition request answered yet, no REG ack pending,
    // every realtime entry the simulator sent read.
    bool idle();
    // One event-loop pass; starts the next queued request once the core has been idle long enough.
    Pass pass();

    TradingCore &m_core;
    int m_settleTimeoutMs;
    bool m_replayFinished = false;
    int m_steps = 0;
    int m_idlePasses = 0;
};

// The result of a lockstep run, read back from the run's database: the orders and their fills,
// each sell as a closed trade (net of the fees and tax of both sides, average-cost basis), and
// statistics over them — what `kiwoom-trader backtest --replay` prints.
struct ReplayReport
{
    struct Fill
    {
        qint64 orderId = 0;
        QString code;
        QString name;
        Side side = Side::Buy;
        qint64 timeMs = 0;
        qint64 price = 0;
        qint64 quantity = 0;
        qint64 fee = 0;
        qint64 tax = 0;
    };
    struct Trade // one sell order's fills against the position's average cost
    {
        QString code;
        QString name;
        qint64 exitTimeMs = 0;
        qint64 quantity = 0;
        qint64 entryPrice = 0; // average cost per share (buy fees excluded)
        qint64 exitPrice = 0; // average sell price
        qint64 pnl = 0; // net: proceeds - cost - fees and tax of both sides
        double pnlPercent = 0;
        qint64 fees = 0;
        qint64 tax = 0;
        QString origin; // the sell order's origin (stop_loss, take_profit, strategy, ...)
    };

    QString recording;
    QDate date;
    qint64 fromMs = 0;
    qint64 toMs = 0;
    int steps = 0;
    qint64 realMs = 0;
    quint64 realtimeEntries = 0; // REAL entries the engine read
    qint64 initialCash = 0;
    QList<Storage::OrderRecord> orders;
    QList<Fill> fills;
    QList<Trade> trades;
    // Statistics.
    qint64 realizedPnl = 0;
    qint64 fees = 0;
    qint64 tax = 0;
    int wins = 0;
    double winRatePercent = 0;
    double returnPercent = 0;
    double maxDrawdownPercent = 0; // of the realized equity curve
    qint64 openQuantity = 0; // shares still held at the end
    qint64 brokerCash = -1; // the simulator account's deposit at the end (-1 unknown)

    // Computes fills/trades/statistics from orders + executions (sorted by time).
    void compute(const QList<QPair<Storage::OrderRecord, QList<Storage::ExecutionRecord>>> &ordersWithFills);
    QJsonObject toJson() const;
    void print(QTextStream &out) const;
};

// ReplayBacktest runs the whole trading engine — condition monitoring, reference candles,
// strategies, stops, risk guard, the same code as live — over a market recording: a TradingCore in
// demo mode whose built-in simulator plays the recording (SimReplaySource), in lockstep
// (LockstepDriver), with a fresh database in its own data directory. Same recording + same
// settings = same orders, fills and P&L. Blocking; call from a thread with no other core on it.
class ReplayBacktest
{
public:
    struct Options
    {
        QString recording; // a *.ktrec file
        QString settingsFile; // INI to start from (copied, never modified); empty = defaults
        QString dataDir; // where the run's database goes; empty = a temporary directory
        int from = -1; // KST HHMM on the recorded day, -1 = the first event
        int to = -1;
        qint64 stepMs = 1000;
        qint64 tailMs = 10'000; // market time run after the last event (late fills, exits)
        std::function<void(double fraction)> progress;
    };

    // Errors: recording.* / replay.* (bad file, empty range), replay.not_ready, replay.stuck,
    // settings.* (the settings file), storage.* (reading the result).
    static Result<ReplayReport> run(const Options &options);
};
