// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ordermanager.h"

#include "kiwoom/types.h"

#include <QObject>
#include <QTimer>

class AccountState;
class Database;
class IBrokerApi;
class PositionKeeper;

// Reconciler makes the database agree with the broker — fail closed: until its first run
// succeeds, the engine is "not reconciled" and places no order.
//
// One run: open orders (ka10075) and today's fills (ka10076) settle every local order
// (OrderManager::applyBrokerView: lost replies, missed fills, orders that ended at the broker);
// then the holdings (kt00018) settle the positions: a holding without a position (bought in the
// HTS/MTS, or a fill we never saw) is adopted as an "external" position (protected by stops only
// when adoptExternalProtected), a position without a holding is closed, a different quantity is
// adjusted to the broker's — stocks with an order of ours still working are left for the next run,
// since their holdings may be mid-change; finally the deposit (kt00001) refreshes the orderable cash.
// Runs are coalesced: a request while a run is going schedules exactly one more. A failed run is
// retried with backoff (2 s doubling to 60 s) until one succeeds.
// Triggers: start-up, every WebSocket re-login, a lost order reply, an unreadable or unmatched
// notice, and periodically while orders are open (OrderManager::reconcileRequested).
// Threading: the core's thread.
class Reconciler final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Reconciler)

public:
    struct Report
    {
        OrderManager::ReconcileReport orders;
        int holdings = 0;
        int adopted = 0; // external positions adopted
        int closed = 0; // positions the broker no longer holds
        int adjusted = 0; // quantities set to the broker's
        qint64 orderableCash = 0;
        QStringList notes; // one line per discrepancy, for the activity log
        qint64 finishedMs = 0;
    };

    Reconciler(Database &db, IBrokerApi &broker, OrderManager &orders, PositionKeeper &keeper, AccountState &account,
        QObject *parent = nullptr);
    ~Reconciler() override;

    void setAdoptExternalProtected(bool protect) { m_protectExternal = protect; }

    // Asks for a run (now, or after the current one).
    void request(const QString &reason);
    bool isReconciled() const { return m_reconciled; }
    bool isRunning() const { return m_running; }
    const Report &lastReport() const { return m_last; }
    QString lastError() const { return m_lastError; }
    // Stops retrying; a run in flight completes but nothing new starts.
    void stop();

    static QString actor() { return QStringLiteral("reconcile"); }

signals:
    void started(const QString &reason);
    // After every successful run; first = the first since start-up (the engine may now trade).
    void finished(const Reconciler::Report &report, bool first);
    void failed(const QString &message);

private:
    void runNow();
    void onOpenOrders(const KiwoomResult<Kiwoom::OpenOrders> &r);
    void onFills(const KiwoomResult<Kiwoom::Fills> &r);
    void onHoldings(const KiwoomResult<Kiwoom::Holdings> &r);
    void onDeposit(const KiwoomResult<Kiwoom::Deposit> &r);
    Status settlePositions(const Kiwoom::Holdings &holdings, Report &report);
    void fail(const QString &message);
    void done();

    Database &m_db;
    IBrokerApi &m_broker;
    OrderManager &m_orders;
    PositionKeeper &m_keeper;
    AccountState &m_account;
    bool m_protectExternal = false;
    bool m_reconciled = false;
    bool m_running = false;
    bool m_again = false;
    bool m_stopped = false;
    int m_failures = 0;
    QString m_reason;
    QString m_lastError;
    OrderManager::BrokerView m_view;
    Report m_current;
    Report m_last;
    QTimer m_retry;
    QObject *m_context = nullptr; // callbacks of a run die with it (stop())
};

Q_DECLARE_METATYPE(Reconciler::Report)
