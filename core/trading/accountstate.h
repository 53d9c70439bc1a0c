// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kiwoom/types.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>

#include <optional>

class Database;
class IClock;
class OrderManager;

// AccountState is the engine's running picture of the account for the risk guard and the account
// bar: the broker's deposit figures (kt00001, refreshed by every reconciliation) and, between
// refreshes, an estimate of the orderable cash that subtracts what this app committed since the
// snapshot was asked for (buy orders written after it: their open rest at its valuation price and
// their fills, each with the commission). The estimate errs on the safe side: sells add nothing
// until the next snapshot. Today's realized P&L comes from the completed sells, the unrealized
// P&L from the live positions marked at the last prices this object was told.
// Threading: the core's thread.
class AccountState final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountState)

public:
    AccountState(Database &db, const OrderManager &orders, const IClock &marketClock, QObject *parent = nullptr);
    ~AccountState() override;

    void setFeeRatePercent(double rate) { m_feeRate = rate; }

    // A fresh kt00001 reply; asOfMs = wall-clock ms the request was made (orders written before
    // it are part of the broker's figures).
    void setDeposit(const Kiwoom::Deposit &deposit, qint64 asOfMs);
    bool hasDeposit() const { return m_hasDeposit; }
    const Kiwoom::Deposit &deposit() const { return m_deposit; }

    // The broker's orderable cash minus what this app committed since the snapshot.
    qint64 orderableCash() const;

    // Last known price of a stock (ticks, sweeps): used for the unrealized P&L.
    void setPrice(const QString &code, qint64 price);
    std::optional<qint64> price(const QString &code) const;

    // Realized P&L of the trading day (completed sells), and unrealized of the live positions.
    qint64 realizedToday() const;
    qint64 unrealized() const;

    // {"deposit", "orderable", "d2_deposit", "realized_today", "unrealized", "positions",
    //  "evaluation", "as_of"} for the account bar and the control API.
    QJsonObject summary() const;

signals:
    void changed();

private:
    Database &m_db;
    const OrderManager &m_orders;
    const IClock &m_clock;
    double m_feeRate = 0.015;
    Kiwoom::Deposit m_deposit;
    bool m_hasDeposit = false;
    qint64 m_asOfMs = 0;
    QHash<QString, qint64> m_prices;
};
