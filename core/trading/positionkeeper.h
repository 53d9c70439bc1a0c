// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tradingtypes.h"

#include "common/result.h"
#include "storage/positionrepository.h"
#include "storage/records.h"

#include <QList>
#include <QObject>

#include <functional>

class Database;
class IClock;

// PositionKeeper turns fills into positions (DESIGN.md "Orders are money": positions are created
// and changed by fills, not by orders). The OrderManager calls it inside the very transaction that
// records a fill or finishes an order, so an execution and the position it changes commit together
// or not at all — a crash can never leave a fill without its shares or shares without their fill:
//   onOrderCreated()   an exit's order row is linked to its sell_orders row (PENDING → ORDERED)
//   onExecution()      a buy fill opens the stock's position or adds to it (moving-average cost,
//                      the fill's commission in buy_fees) and re-arms its stop-loss / take-profit
//                      prices; sell fills wait for the order's end
//   onOrderFinished()  a sell order's end settles its sell_orders row: the filled quantity is sold
//                      (P&L realized; CLOSED or OPEN with the rest), nothing filled → the sell failed
//                      and the position is OPEN again
// Changes are collected and announced by publish() after the caller's commit (discard() after a
// rollback), so no listener ever sees a change that did not happen.
// Threading: the core's thread (the Database's).
class PositionKeeper final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PositionKeeper)

public:
    // The stop-loss / take-profit / trailing / deadline rules for a position of `origin` bought at
    // `buyPrice` (average): from the trading settings, or a strategy's own exit rules (scalping).
    using ProtectionPolicy
        = std::function<Storage::Protection(Storage::Origin origin, qint64 buyPrice, qint64 buyTimeMs)>;

    PositionKeeper(Database &db, const IClock &marketClock, QObject *parent = nullptr);
    ~PositionKeeper() override;

    void setProtectionPolicy(ProtectionPolicy policy) { m_policy = std::move(policy); }
    // The protection for a position under the current policy (no policy: unprotected).
    Storage::Protection protectionFor(Storage::Origin origin, qint64 buyPrice, qint64 buyTimeMs) const;

    // Inside the caller's transaction:
    Status onOrderCreated(const Storage::OrderRecord &order, const Trading::OrderIntent &intent);
    Status onExecution(const Storage::OrderRecord &order, const Storage::ExecutionRecord &execution);
    Status onOrderFinished(const Storage::OrderRecord &order);

    // After the caller's commit / rollback.
    void publish();
    void discard() { m_pending.clear(); }

    // Re-applies the protection policy to a live position (settings changed, external adopted).
    Result<Storage::PositionRecord> rearm(qint64 positionId, const QString &actor);

    static QString actor() { return QStringLiteral("engine"); }

signals:
    // A live position changed (opened, bought more, protection re-armed, sell started/failed).
    void positionChanged(const Storage::PositionRecord &position);
    // A position was sold down to zero.
    void positionClosed(const Storage::PositionRecord &position);
    // A sell order's outcome was settled (COMPLETED with P&L, FAILED or CANCELLED).
    void sellSettled(const Storage::SellOrderRecord &sell, const Storage::PositionRecord &position);

private:
    struct Pending
    {
        enum class Kind
        {
            Changed,
            Closed,
            Settled,
        } kind;
        Storage::PositionRecord position;
        Storage::SellOrderRecord sell;
    };

    Status applyBuy(const Storage::OrderRecord &order, const Storage::ExecutionRecord &execution);
    Status settleSell(const Storage::OrderRecord &order);
    void changed(const Storage::PositionRecord &position);

    Database &m_db;
    const IClock &m_clock;
    ProtectionPolicy m_policy;
    QList<Pending> m_pending;
};
