// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QObject>
#include <QString>

#include <memory>

class ActivityLog;
class Database;
class IClock;
class SecretStore;
class Settings;

// TradingCore is the composition root: the one place that builds and wires every core service
// (settings, database, broker session, simulator in demo mode, and, as they arrive, the trading
// services, the control API). Everything else talks through signals and small interfaces.
//
// Lifecycle: construct, start() (synchronous part: settings and database; a corrupt database or an
// unusable configuration fails here and nothing trades), then the asynchronous broker start-up
// reports through brokerStateChanged(); stop() shuts down in reverse order and emits stopped().
// Threading: lives on one thread (the main thread headless, a dedicated core thread in the GUI).
class TradingCore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TradingCore)

public:
    struct Options
    {
        QString dataDir;      // required: logs live here, the database in <dataDir>/<mode>/
        QString configFile;   // empty = Settings::defaultPath()
        QString mode;         // demo | mock | live; empty = Settings
        QString restUrl;      // overrides of the broker endpoints (empty = from mode/Settings)
        QString wsUrl;
        int simPort = 0;      // demo: simulator port, 0 = any free port
        int controlPort = -1; // -1 = Settings
        SecretStore *secrets = nullptr; // credentials for mock/live (nullptr = environment only)
        const IClock *clock = nullptr;  // nullptr = SystemClock
    };

    explicit TradingCore(Options options, QObject *parent = nullptr);
    ~TradingCore() override;

    Status start();
    void stop();
    bool isRunning() const { return m_running; }

    QString mode() const { return m_mode; }
    QString databaseDir() const;
    Settings &settings() { return *m_settings; }
    ActivityLog &activity() { return *m_activity; }
    Database *database() { return m_database.get(); }
    const IClock &clock() const { return *m_clock; }

signals:
    void started();
    void stopped();

private:
    Options m_options;
    const IClock *m_clock;
    QString m_mode;
    bool m_running = false;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<ActivityLog> m_activity;
    std::unique_ptr<Database> m_database;
};
