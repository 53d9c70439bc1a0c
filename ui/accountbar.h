// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QToolBar>

#include <memory>

class CoreGateway;
class QAction;
class DockRefresh;
class QLabel;
class QTimer;

// AccountBar (objectName "accountBar"): the account at a glance — deposit, orderable cash, total
// evaluation of the positions, today's realized P&L (AccountState::summary()), the mode badge
// (DEMO / MOCK / LIVE — LIVE white on red, never mistaken for a rehearsal), the broker connection
// and reconciliation state (TradingEngine::status()), a red REC while the market recorder writes
// (TradingCore::recorderStatus()), and the REST rate-limit budget (queries and
// orders sent in the current window against their quota) with the queue depth (RateLimiter::budget()).
//
// Reads everything in one gateway read on the topics account, positions, orders, engine, broker,
// risk, recorder and settings (at most every 250 ms) and once a second for the rate budget, which moves without events;
// one read at a time. Threading: the GUI thread.
class AccountBar final : public QToolBar
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountBar)

public:
    explicit AccountBar(CoreGateway *gateway, QWidget *parent = nullptr);
    ~AccountBar() override;

    // The last figures read ({"mode", "broker", "engine", "account", "budget"}).
    QJsonObject figures() const { return m_figures; }
    QString modeText() const;

    // Shows a snapshot of figures (what the read returns; tests pass their own).
    void showFigures(const QJsonObject &figures);

public slots:
    void refresh();

signals:
    void refreshed();

private:
    QLabel *addField(
        const QString &objectName, const QString &caption, const QString &accessibleName, const QString &toolTip);

    CoreGateway *m_gateway;
    QLabel *m_mode = nullptr;
    QLabel *m_rec = nullptr; // "REC" while the market recorder writes
    QAction *m_recAction = nullptr; // its place on the bar (hidden while not recording)
    QLabel *m_connection = nullptr;
    QLabel *m_reconcile = nullptr;
    QLabel *m_deposit = nullptr;
    QLabel *m_orderable = nullptr;
    QLabel *m_evaluation = nullptr;
    QLabel *m_realized = nullptr;
    QLabel *m_budget = nullptr;
    QTimer *m_timer = nullptr;
    QJsonObject m_figures;
    std::unique_ptr<DockRefresh> m_refresh;
};
