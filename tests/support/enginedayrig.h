// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "brokerledger.h"
#include "clientsimfixture.h"

#include "common/result.h"
#include "sim/simexchange.h"
#include "storage/records.h"

#include <QList>
#include <QMap>
#include <QObject>
#include <QStringList>
#include <QTemporaryDir>
#include <QVariant>

#include <functional>
#include <memory>

class ActivityLog;
class Database;
class QuoteBook;
class Settings;
class TradingCommands;
class TradingEngine;

// EngineDayRig: the whole trading engine (TradingEngine over a KiwoomSession, a QuoteBook, a real
// SQLite database in a temporary directory and a Settings INI) against the in-process simulator
// (ClientSimFixture: paused market, advance() moves the virtual clock), the way TradingCore wires
// them (core/tradingcore.cpp startEngine), for the engine's day and fault tests.
//
// It also keeps the simulator's side of the story, read in process and never through the app:
// every order event of the simulated exchange (accepted orders with the prices sent, and every
// rejection with its reason), so a test can say "the broker never refused anything" and "every
// order the broker holds belongs to exactly one orders row".
//
// settled() compares the app's orders with the exchange's (filled quantity, open or not, no order
// of ours without its broker number, no request on the wire, no signal waiting to be worked on);
// with the market paused nothing changes at the broker unless the app sends something, so a
// settled engine is a fixed point the ledger comparison can be run on.
// Single thread (the test's); not copyable.
class EngineDayRig final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EngineDayRig)

public:
    struct Options
    {
        ClientSimFixture::Options fixture;
        // INI keys ("group/key") on top of the rig's defaults (see defaultSettings()).
        QMap<QString, QVariant> settings;
        Options();
    };
    // Manual trading only: automatic trading off, no service autostarted, stops far away, generous
    // risk limits, retries after 1 s, no automatic cancel of unfilled buys.
    static QMap<QString, QVariant> defaultSettings();

    explicit EngineDayRig(QObject *parent = nullptr);
    ~EngineDayRig() override;

    // Simulator + session, database, settings, engine; waits until the engine is Ready (its first
    // reconciliation succeeded). false with error() on failure.
    bool start(const Options &options = Options());
    QString error() const { return m_error; }

    ClientSimFixture &sim() { return m_fixture; }
    TradingEngine &engine() { return *m_engine; }
    TradingCommands &commands();
    Database &db() { return *m_db; }
    Settings &settings() { return *m_settings; }
    QuoteBook &quotes() { return *m_quotes; }
    QString dbFile() const;
    QString tradingDate() const; // the simulated trading day, "YYYY-MM-DD"

    // Steps the market by virtualMs in steps of stepMs, letting the event loop run between steps
    // (notices and ticks are delivered while the market moves).
    void advance(qint64 virtualMs, qint64 stepMs = 5000);
    // Runs the event loop until pred() holds (true) or timeoutMs passed (false).
    static bool waitUntil(const std::function<bool()> &pred, int timeoutMs);

    // Empty when the app agrees with the exchange and nothing is under way; else why not.
    // allowPending: PENDING signals (e.g. waiting for a retry) do not count as work under way.
    QString unsettled(bool allowPending = false) const;
    bool waitSettled(int timeoutMs, bool allowPending = false);
    // Asks for a reconciliation through the command layer and waits for a successful run.
    bool reconcile(int timeoutMs = 15000);

    // The simulator's order events so far (every accepted, filled, confirmed, cancelled and
    // rejected order), and the rejections among them as "side code qty@price: reason".
    const QList<SimOrderEvent> &simEvents() const { return m_simEvents; }
    QStringList simRejections() const;
    // The exchange's orders of today that are new orders (not modify/cancel), and the app's orders.
    QList<SimOrder> simOrdersToday(bool placeOnly = true) const;
    Result<QList<Storage::OrderRecord>> appOrdersToday() const;
    // Problems of "one broker order ↔ one orders row": a broker order (of ours: ignoreOrdNos
    // excluded) no row carries, a number two rows carry, filled quantities that differ from the
    // exchange's, executions that do not add up to the exchange's fills of the order.
    QStringList orderMappingProblems(const QSet<int> &ignoreOrdNos = {}) const;

    // BrokerLedger read of today (ka10074/ka10077 for codes) and its comparison with the database.
    Result<Ledger::BrokerRecords> brokerRecords(const QStringList &codes) const;
    QStringList compareWithBroker(const QStringList &codes, const Ledger::CompareOptions &options) const;

    // Stops the engine (bounded wait for requests on the wire) and the session.
    void stop();

private:
    QTemporaryDir m_dir;
    ClientSimFixture m_fixture;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<ActivityLog> m_activity;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<QuoteBook> m_quotes;
    std::unique_ptr<TradingEngine> m_engine;
    QList<SimOrderEvent> m_simEvents;
    QString m_error;
};
