// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ordersubmitter.h"
#include "tradingtypes.h"

#include "common/markettimer.h"
#include "kiwoom/kiwoomerror.h"
#include "kiwoom/realtimetypes.h"
#include "storage/records.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>

class Database;
class IBrokerApi;
class IClock;
class OrderEvents;
class PositionKeeper;

// OrderManager owns the order state machine of DESIGN.md "Orders are money":
//   NEW → SENT → ACCEPTED → PARTIAL → FILLED | REJECTED | CANCELLED, and UNKNOWN when a reply is lost.
//
// Guarantees:
// - Every order passes the risk check (setRiskCheck) and is written to `orders` (NEW, then SENT)
//   before its request leaves; a refusal or a failed write sends nothing.
// - Never a blind re-send: a request whose reply was lost makes the order UNKNOWN, blocks its stock
//   (isStockBlocked) and asks for a reconciliation (reconcileRequested); only the broker's own lists
//   (applyBrokerView) settle it.
// - Fills come from the realtime 00 notices (onExecution) and, when notices were missed, from the
//   broker's lists; each share is counted exactly once: a fill number is recorded once (a duplicated
//   frame changes nothing), and a late notice for quantity already recovered from the lists is
//   ignored (see applyFill). Fills and the positions they change commit in one transaction
//   (PositionKeeper).
// - A cancel of an order whose number is not known yet waits for it; a CANCEL row ends CANCELLED
//   once the broker confirmed the cancellation (확인), REJECTED if it was refused.
// - shutdown() waits (bounded) for requests on the wire and records any still unanswered as UNKNOWN.
// The outcome of every order is announced through OrderEvents after the change committed.
// Threading: the core's thread (the Database's); not thread-safe.
class OrderManager final : public QObject, public IOrderSubmitter
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrderManager)

public:
    struct Config
    {
        // A 00 notice for an order number not known yet (its REST reply still on the way) waits this
        // long before a reconciliation is asked for.
        int unmatchedNoticeHoldMs = 5000;
        // While orders are open, the broker's lists are consulted this often (notices can be missed).
        int openOrderReconcileMs = 30000;
        // After a lost reply, the first reconciliation.
        int unknownReconcileDelayMs = 1500;
        // Automatic limit buys still unfilled after this long are cancelled (0 = never).
        int cancelUnfilledBuyAfterSec = 0;
        QString exchange = QStringLiteral("KRX");
    };
    using RiskCheck = std::function<Trading::RiskVerdict(const Trading::OrderIntent &)>;
    // The day's upper price limit of a stock (0 = not known): what an open market buy is valued at.
    using UpperLimitLookup = std::function<qint64(const QString &code)>;

    // What the broker's lists say about today's orders (ka10075 open orders, ka10076 fills).
    struct BrokerView
    {
        QList<Kiwoom::OpenOrder> open;
        QList<Kiwoom::Fill> fills;
        // When the first list was asked for (the Database clock, as orders.created_at): orders written after it may be
        // missing from the lists and are left for the next time.
        qint64 asOfMs = 0;
        // wireSequence() when the first list was asked for: an order whose request or reply
        // crossed the wire after it may be missing from the lists (the request can have been
        // queued behind them) and is left for the next time.
        quint64 wireSequenceAtStart = 0;
    };
    struct ReconcileReport
    {
        int checked = 0;
        int settled = 0; // orders whose state changed
        int recoveredFills = 0; // fills taken from the lists because no notice had come
        qint64 recoveredQuantity = 0;
        int stillUnknown = 0;
        QStringList notes;
    };

    OrderManager(Database &db, IBrokerApi &broker, OrderEvents &events, PositionKeeper &keeper,
        const IClock &marketClock, QObject *parent = nullptr);
    ~OrderManager() override;

    void setConfig(const Config &config);
    // Lockstep runs: the open-order sweep (stale buys, periodic reconcile) follows market time.
    void setPulse(MarketPulse *pulse) { m_periodic.setPulse(pulse); }
    const Config &config() const { return m_config; }
    void setRiskCheck(RiskCheck check) { m_riskCheck = std::move(check); }
    void setUpperLimitLookup(UpperLimitLookup lookup) { m_upperLimit = std::move(lookup); }

    // Loads the open orders from the database (start-up): UNKNOWN ones block their stocks, NEW and
    // SENT ones (the app died with them on the wire) become UNKNOWN. Starts the timers.
    Status start();

    // IOrderSubmitter
    Result<Storage::OrderRecord> submit(const Trading::OrderIntent &intent) override;
    bool hasOpenOrder(const QString &code, Side side) const override;

    // Cancels the unfilled rest of an order (kt10003). An order without a broker number yet is
    // cancelled as soon as its number arrives.
    Status cancel(qint64 orderId, const QString &actor);
    // Cancels every open PLACE order (optionally one side only). Returns how many were asked.
    int cancelAll(const QString &actor, std::optional<Side> side = std::nullopt);

    // A realtime 00 notice (order accepted / filled / confirmed / cancelled / rejected).
    void onExecution(const Kiwoom::OrderExecution &execution);
    // Settles today's open orders against the broker's lists. Orders whose request is on the wire,
    // and every order of a stock with a request on the wire, are left for the next time.
    Result<ReconcileReport> applyBrokerView(const BrokerView &view);

    bool isStockBlocked(const QString &code) const { return m_unknownByCode.value(code) > 0; }
    QStringList blockedStocks() const;
    int requestsInFlight() const { return int(m_inFlight.size()); }
    QList<Storage::OrderRecord> openOrders() const { return m_open.values(); }
    // Counts every request sent and every reply received (see BrokerView::wireSequenceAtStart).
    quint64 wireSequence() const { return m_wireSequence; }
    // Stocks with an open buy order (for the risk guard's open-positions count).
    QSet<QString> stocksWithOpenBuys() const;

    // Waits up to waitMs for the requests on the wire, then records those still unanswered as
    // UNKNOWN (their outcome will be reconciled at the next start) and stops the timers.
    void shutdown(int waitMs);

    static QString actor() { return QStringLiteral("engine"); }

signals:
    // A reconciliation with the broker is needed (lost reply, unreadable notice, unmatched notice,
    // periodic while orders are open).
    void reconcileRequested(const QString &reason);
    // The risk check refused an intent (nothing was written or sent).
    void intentRefused(const Trading::OrderIntent &intent, const Trading::RiskVerdict &verdict);
    void requestsInFlightChanged(int count);

private:
    struct Counts
    {
        qint64 filledQuantity = 0;
        qint64 fees = 0;
        qint64 taxes = 0;
    };

    void sendPlace(const Storage::OrderRecord &order);
    void sendCancel(const Storage::OrderRecord &cancelRow, const Storage::OrderRecord &original);
    void onPlaceReply(qint64 orderId, const KiwoomResult<Kiwoom::OrderAck> &reply);
    void onCancelReply(qint64 cancelId, qint64 originalId, const KiwoomResult<Kiwoom::CancelAck> &reply);
    void markUnknown(qint64 orderId, const KiwoomError &error);
    void accepted(Storage::OrderRecord order, const QString &brokerOrderNo);
    void applyFill(const Storage::OrderRecord &order, const Kiwoom::OrderExecution &e);
    void applyCancelConfirmed(const Storage::OrderRecord &original, const QString &cancelOrderNo, qint64 quantity);
    bool finishWith(const Storage::OrderRecord &order, Storage::OrderState next, const QString &reason);
    Status recordFill(const Storage::OrderRecord &order, const Storage::ExecutionRecord &execution, bool *recorded);
    Result<Counts> counts(qint64 orderId) const;
    std::optional<Storage::OrderRecord> matchUnnumbered(const Kiwoom::OrderExecution &e) const;
    void holdUnmatched(const Kiwoom::OrderExecution &e);
    void replayUnmatched(const QString &brokerOrderNo);
    void onUnmatchedTimer();
    void onPeriodic();
    void cancelStaleBuys();
    void track(const Storage::OrderRecord &order);
    void publish(const Storage::OrderRecord &order);
    void setInFlight(qint64 orderId, bool inFlight);
    QString today() const;
    Result<std::optional<Storage::OrderRecord>> byNumber(const QString &brokerOrderNo) const;

    Database &m_db;
    IBrokerApi &m_broker;
    OrderEvents &m_events;
    PositionKeeper &m_keeper;
    const IClock &m_clock;
    Config m_config;
    RiskCheck m_riskCheck;
    UpperLimitLookup m_upperLimit;
    qint64 m_lastPeriodicReconcileMs = 0;

    QHash<qint64, Storage::OrderRecord> m_open; // open orders (PLACE and CANCEL rows), by id
    QHash<QString, int> m_unknownByCode; // UNKNOWN orders per stock
    QSet<qint64> m_inFlight; // order ids whose request is on the wire
    quint64 m_wireSequence = 1; // +1 per request sent and per reply received (0 = a view not taken by the reconciler)
    QHash<qint64, quint64> m_lastWire; // order id → m_wireSequence of its last request/reply
    QHash<qint64, qint64> m_brokerCum; // highest cumulative filled quantity the broker reported
    QSet<qint64> m_cancelWhenNumbered; // cancel asked before the number was known
    struct Held
    {
        Kiwoom::OrderExecution notice;
        qint64 sinceMs = 0;
    };
    QHash<QString, QList<Held>> m_unmatched; // broker order number → notices waiting for their order
    QTimer m_unmatchedTimer;
    MarketTimer m_periodic; // market time under a pulse
    QTimer m_unknownTimer;
    bool m_running = false;
};
