// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDockWidget>
#include <QJsonObject>

#include <functional>
#include <memory>

class CoreGateway;
class DockRefresh;
class JsonTableModel;
class QLabel;
class QPushButton;
class QTableView;
class RowFilterProxy;

// PositionsDock (objectName "positionsDock"): the live positions a trader holds — code, name,
// quantity, average price, the current price from the quote book, P&L and % against the purchase
// cost, the stop-loss and take-profit levels of the position's protection, status and origin.
//
// Why: the one place to see what is held and to get out of it. "Sell" (button, context menu,
// Ctrl+Shift+S in the table) asks for a confirmation that states the order in words ("Sell all 91
// shares of 032500 at market?") and then calls TradingCommands::sell through the gateway as actor
// "ui" — the same exit path, risk guard and audit row as every other sell; a refusal is shown in
// plain words on the dock's status line. Double-click (or Enter) emits stockActivated(code).
// Reads: PositionRepository::listActive() (an indexed query on the OPEN/SELLING rows) on the core's
// thread when "positions" or "quotes" changed (at most every 250 ms, one read at a time).
// Threading: the GUI thread; everything core-side goes through the CoreGateway.
class PositionsDock final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PositionsDock)

public:
    explicit PositionsDock(CoreGateway *gateway, QWidget *parent = nullptr);
    ~PositionsDock() override;

    JsonTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    // Tests answer the confirmation; the default shows a Yes/No question box.
    void setConfirmer(std::function<bool(const QString &question)> confirm) { m_confirm = std::move(confirm); }
    QString statusText() const;

public slots:
    void refresh();
    // Sells all shares of the selected position at market, after the confirmation.
    void sellSelected();

signals:
    void stockActivated(const QString &code);
    // After a read was applied (tests wait on it).
    void refreshed();

private:
    void onTopics(const QStringList &topics);
    void updateButtons();
    QJsonObject selectedRow() const;
    void setStatus(const QString &text, bool error);

    CoreGateway *m_gateway;
    JsonTableModel *m_model = nullptr;
    RowFilterProxy *m_proxy = nullptr;
    QTableView *m_view = nullptr;
    QPushButton *m_sell = nullptr;
    QLabel *m_status = nullptr;
    std::unique_ptr<DockRefresh> m_refresh;
    std::function<bool(const QString &)> m_confirm;
};
