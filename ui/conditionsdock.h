// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDockWidget>
#include <QJsonArray>

#include <memory>

class DockRefresh;
class CheckableTableModel;
class CoreGateway;
class QLabel;
class QPushButton;
class QTableView;

// ConditionsDock lists the Kiwoom conditions (조건식, the HTS-defined stock screens) the core knows
// — the auto_trade_conditions rows — with, for each: whether it feeds automated trading (a
// checkbox: TradingCommands::setConditionEnabled as actor "ui"; a refusal is shown and changes
// nothing), when the condition monitor last searched it and how many stocks that returned, today's
// hits (distinct stocks, scans and realtime entries) and whether it runs as a realtime condition.
// The rows are read through the CoreGateway (on the core's thread) when the "conditions" or
// "services" topic changes, so the dock never blocks and never touches a core object.
// Threading: the GUI thread.
class ConditionsDock final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConditionsDock)

public:
    explicit ConditionsDock(CoreGateway *gateway, QWidget *parent = nullptr);
    ~ConditionsDock() override;

    CheckableTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

public slots:
    // Re-reads the conditions now (also done on the core's change notices).
    void refresh();
    // Asks the core to enable or disable a condition by id for automated trading.
    void setConditionEnabled(qint64 id, bool enabled);

signals:
    // After every read has been applied (tests, the status line).
    void refreshed();

private:
    void apply(const QJsonObject &answer);
    void setAll(bool enabled);

    CoreGateway *m_gateway;
    CheckableTableModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_enableAll = nullptr;
    QPushButton *m_disableAll = nullptr;
    std::unique_ptr<DockRefresh> m_refresh; // one read at a time, one more after it
};
