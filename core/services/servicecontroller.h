// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "service.h"

#include "common/result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

class Settings;

// ServiceController: the one place that knows the timed services by name — "monitoring"
// (ConditionMonitor), "strategy" (StrategyScanner), "scalping" (ScalpingService), "stoploss" (the
// StopLossManager's sweep), "watchlist" (WatchlistSync), "cleanup" (CleanupScheduler) — so the
// command layer, the control API (/monitoring/start, /strategy/status, ...), the command line
// (--start monitoring,strategy or all) and the UI start, stop and show them the same way.
//
// It owns nothing: services are registered by reference and must outlive it (the TradingEngine owns
// both). Unknown names are refused with services.unknown and a list of the known ones; a list
// naming one unknown service starts none. Autostart: the names in services/autostart ("all" = every
// registered service), started by startAutostart() — which the engine calls only once the account
// is reconciled. Threading: the core thread.
class ServiceController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServiceController)

public:
    explicit ServiceController(Settings &settings, QObject *parent = nullptr);
    ~ServiceController() override;

    // Registers a service under its name(); services.duplicate if the name is taken.
    Status add(IService &service);
    QStringList names() const; // in registration order
    IService *service(const QString &name) const;

    Status start(const QString &name);
    Status stop(const QString &name);
    // Runs the service once now (whether or not it is started; skipped if a run is in flight).
    Status runNow(const QString &name);
    // "all", or comma-separated names ("monitoring,strategy"): every name is checked first.
    Status startList(const QString &spec);
    void startAll();
    void stopAll();
    // The names services/autostart selects (unknown ones are logged and left out).
    QStringList autostartNames() const;
    void startAutostart();

    // {"name", "running", "busy", "period_sec", "next_run_in_ms" (null when stopped),
    //  "skipped_runs", "last_run" (ServiceRun::toJson(), null before the first run),
    //  "autostart"}; services.unknown for a name not registered.
    Result<QJsonObject> status(const QString &name) const;
    // Every service's status, in registration order.
    QJsonArray status() const;

signals:
    void serviceStateChanged(const QString &name, bool running);

private:
    Result<QStringList> resolve(const QString &spec) const;
    Error unknown(const QString &name) const;

    Settings &m_settings;
    QList<IService *> m_services;
};
