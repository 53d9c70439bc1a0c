// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDockWidget>
#include <QJsonObject>

#include <memory>

class CoreGateway;
class DockRefresh;
class JsonTableModel;
class QLabel;
class QTableView;
class RowFilterProxy;

// SignalsDock (objectName "signalsDock"): the buy signals (condition hits, manual and API buys) and
// strategy signals that are pending (of any day) or were detected today, and below them the
// decision ledger's "why / why not" for the selected signal: each step (created, blocked by which
// rule, no cash, ordered, rejected, filled...) with its message and the numbers compared.
//
// Why: "why did (or didn't) it buy?" is the question a trader asks most; the ledger answers it
// with the numbers, the same rows GET /signals/ledger returns.
// Reads (core thread, through the gateway): SignalRepository with a status and a date — one query
// per status and table, each on the (status, detected_date) index, so a table of a million old
// signals costs what today's rows cost; DecisionRepository::list() by code, kind and signal id
// (the (signal_kind, signal_id) index). Re-read on "signals" (at most every 250 ms, one read at a
// time); the ledger also on "orders", while a signal is selected.
// Double-click (or Enter) emits stockActivated(code). Threading: the GUI thread.
class SignalsDock final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignalsDock)

public:
    explicit SignalsDock(CoreGateway *gateway, QWidget *parent = nullptr);
    ~SignalsDock() override;

    JsonTableModel *model() const { return m_model; }
    JsonTableModel *decisionModel() const { return m_decisions; }
    QTableView *view() const { return m_view; }
    QTableView *decisionView() const { return m_decisionView; }
    // Selects a signal by its "uid" ("PENDING_BUY:12", "STRATEGY:3"); false when not shown.
    bool selectSignal(const QString &uid);

public slots:
    void refresh();

signals:
    void stockActivated(const QString &code);
    void refreshed();
    void decisionsRefreshed();

private:
    void showSelected();
    void refreshDecisions();
    QJsonObject selectedRow() const;

    CoreGateway *m_gateway;
    JsonTableModel *m_model = nullptr;
    RowFilterProxy *m_proxy = nullptr;
    QTableView *m_view = nullptr;
    JsonTableModel *m_decisions = nullptr;
    RowFilterProxy *m_decisionProxy = nullptr;
    QTableView *m_decisionView = nullptr;
    QLabel *m_detail = nullptr;
    QLabel *m_status = nullptr;
    QJsonObject m_shown; // the signal whose ledger is shown
    std::unique_ptr<DockRefresh> m_refresh;
    std::unique_ptr<DockRefresh> m_refreshDecisions;
};
