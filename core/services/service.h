// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QtGlobal>

#include <chrono>
#include <optional>

// What one run of a timed service did: when (market clock), whether every call succeeded, a
// one-line summary and the counts behind it. The ServiceController reports the newest one per
// service (GET /services, the services dock). A plain value.
struct ServiceRun
{
    qint64 startedMs = 0; // market clock, UTC epoch ms
    qint64 finishedMs = 0; // 0 while the run is in flight
    bool ok = true; // false when a call failed (logged; the loop goes on)
    QString summary; // "3 conditions, 5 stocks, 1 signal"
    QJsonObject counts; // {"conditions": 3, "stocks": 5, "signals": 1, "failures": 0}

    // {"started_at", "finished_at" (null while running), "ok", "summary", "counts"}
    QJsonObject toJson() const;
    bool operator==(const ServiceRun &) const = default;
};
Q_DECLARE_METATYPE(ServiceRun)

// IService: what the ServiceController (and through it the command layer, the control API and the
// UI) may do with a timed service, whoever implemented it: the condition monitor, the strategy
// scanner, scalping, the watchlist sync, the midnight cleanup (core/services) and the lead's
// stop-loss sweep (core/trading). A non-QObject interface so a QObject of any base can implement it.
//
// Contract: start()/stop() are idempotent; runOnce() works whether or not the service is started
// (the controller's "run now" and the unit tests call it) and is skipped, never doubled, while a
// run is still in flight. Everything runs on the core thread.
class IService
{
public:
    virtual ~IService() = default;

    // The controller's key: "monitoring", "strategy", "scalping", "stoploss", "watchlist", "cleanup".
    virtual QString name() const = 0;
    virtual void start() = 0;
    virtual void stop() = 0;
    virtual bool isRunning() const = 0;
    virtual void runOnce() = 0;

    virtual std::chrono::milliseconds period() const = 0;
    // A run is in flight (its replies have not all come back).
    virtual bool isBusy() const = 0;
    // The newest finished run, if any.
    virtual std::optional<ServiceRun> lastRun() const = 0;
    // Real-time milliseconds until the timer fires next; -1 when stopped.
    virtual qint64 nextRunInMs() const = 0;
    // Timer ticks skipped because a run was still in flight.
    virtual int skippedRuns() const = 0;

protected:
    IService() = default;
    IService(const IService &) = default;
    IService &operator=(const IService &) = default;
};
