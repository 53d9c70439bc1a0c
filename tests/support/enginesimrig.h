// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "brokerledger.h"
#include "clientsimfixture.h"
#include "common/result.h"
#include "sim/simtypes.h"
#include "storage/records.h"

#include <QObject>
#include <QStringList>
#include <QTemporaryDir>

#include <functional>
#include <memory>
#include <optional>

class ActivityLog;
class Database;
class QuoteBook;
class Settings;
class TradingEngine;

// EngineSimRig: the whole trading engine (TradingEngine, as TradingCore::startEngine builds it)
// over a KiwoomSession against the in-process simulator on loopback (ClientSimFixture: paused
// market, Monday 2025-03-10 10:00 KST). The market clock of the engine and of the database is the
// fixture's ManualClock, kept equal to the simulator's virtual time by advance(); prices move only
// when a test steps the market or shocks a stock, so a flow is deterministic for a seed.
//
// Settings live in a temporary INI file (services/autostart off, so nothing runs on a real-time
// timer unless a test starts it); the database is a file in the same temporary directory, so the
// broker referee (BrokerLedger: raw HTTP of its own) and Ledger::readAppDatabase can compare it
// with the simulator's account TRs. Test thread only.
class EngineSimRig final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EngineSimRig)

public:
    struct Options
    {
        quint64 seed = 42;
        // Called with the settings before the engine is built (defaults: autostart off).
        std::function<void(Settings &)> configure;
        // TradingEngine::setStartupRequests.
        QStringList startServices;
        QStringList enableConditions;
    };

    explicit EngineSimRig(QObject *parent = nullptr);
    ~EngineSimRig() override;

    // Simulator, session, database, engine; waits until the engine is Ready (reconciled).
    bool start(const Options &options);
    bool start();
    QString error() const { return m_error; }

    ClientSimFixture &sim() { return *m_sim; }
    TradingEngine &engine() { return *m_engine; }
    Database &db() { return *m_db; }
    Settings &settings() { return *m_settings; }
    QuoteBook &quotes() { return *m_quotes; }
    ActivityLog &activity() { return *m_activity; }

    // Steps the simulated market by ms in steps of stepMs, letting the app handle what each step
    // sends (ticks, condition hits, fills) before the next.
    void advance(qint64 ms, qint64 stepMs = 1000);
    // The simulator's price hook (POST /_sim/market/shock in process), then a short event-loop turn.
    Result<SimShock> shock(const QString &code, double percent);
    // Runs the event loop until pred() holds; false after timeoutMs.
    static bool waitFor(const std::function<bool()> &pred, int timeoutMs = 10000);
    // Steps the market a second at a time until pred() holds (at most maxVirtualMs).
    bool advanceUntil(const std::function<bool()> &pred, qint64 maxVirtualMs = 120'000, qint64 stepMs = 1000);

    // The live (OPEN/SELLING) position of a stock, if any; a position by id.
    std::optional<Storage::PositionRecord> livePosition(const QString &code) const;
    std::optional<Storage::PositionRecord> position(qint64 id) const;
    QList<Storage::SellOrderRecord> sellOrders(qint64 positionId) const;
    QList<Storage::OrderRecord> ordersFor(const QString &code) const;
    QList<Storage::ExecutionRecord> executionsFor(const QString &code) const;

    // Until the stop-loss manager has armed the stock and seen a 0B tick of it (subscription live).
    bool waitUntilWatched(const QString &code, qint64 maxVirtualMs = 60'000);

    // The broker's records today (BrokerLedger: its own token and HTTP), and the referee's list of
    // disagreements between them and the database (money compared).
    Result<Ledger::BrokerRecords> broker(const QStringList &realizedCodes = {});
    QStringList compareWithBroker(const QStringList &realizedCodes = {});
    QDate tradingDate() const;

    void stop();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ClientSimFixture> m_sim;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<ActivityLog> m_activity;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<QuoteBook> m_quotes;
    std::unique_ptr<TradingEngine> m_engine;
    std::unique_ptr<BrokerLedger> m_ledger;
    QString m_error;
};
