// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDockWidget>
#include <QJsonObject>

#include <functional>
#include <memory>

class CoreGateway;
class DockRefresh;
class JsonTableModel;
class QComboBox;
class QLabel;
class QPushButton;
class QTableView;
class RowFilterProxy;

// OrdersDock (objectName "ordersDock"): today's orders — time, code, side, type, quantity, price,
// filled, average fill price, state, broker order number, origin — with a state filter (all /
// open / filled / rejected or cancelled / unknown) and "Cancel" for an open order.
//
// Why: what was sent, what the broker did with it, and a way to take back what is still open.
// "Today" is the market clock's trading date (the simulator's virtual day in demo mode), as the
// control API's GET /orders reads it: OrderRepository::listForDate(), an indexed query
// (idx_orders_trading_date) — never the whole table. Cancel (button, context menu, Delete in the
// table) asks for a confirmation in words and calls TradingCommands::cancelOrder as actor "ui";
// refusals show on the dock's status line. Double-click (or Enter) emits stockActivated(code).
// Re-read when "orders" changed (at most every 250 ms, one read at a time). Threading: GUI thread.
class OrdersDock final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrdersDock)

public:
    enum class Filter
    {
        All,
        Open, // NEW, SENT, ACCEPTED, PARTIAL
        Filled,
        RejectedOrCancelled,
        Unknown,
    };

    explicit OrdersDock(CoreGateway *gateway, QWidget *parent = nullptr);
    ~OrdersDock() override;

    JsonTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    void setFilter(Filter filter);
    void setConfirmer(std::function<bool(const QString &question)> confirm) { m_confirm = std::move(confirm); }
    QString statusText() const;
    QString tradingDate() const { return m_date; }
    // Selects the row of an order id in the view; false when it is not shown.
    bool selectOrder(qint64 id);

    static bool isOpenState(const QString &state);

public slots:
    void refresh();
    void cancelSelected();

signals:
    void stockActivated(const QString &code);
    void refreshed();

private:
    void updateButtons();
    QJsonObject selectedRow() const;
    void setStatus(const QString &text, bool error);

    CoreGateway *m_gateway;
    JsonTableModel *m_model = nullptr;
    RowFilterProxy *m_proxy = nullptr;
    QTableView *m_view = nullptr;
    QComboBox *m_filter = nullptr;
    QPushButton *m_cancel = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_dateLabel = nullptr;
    QString m_date;
    std::unique_ptr<DockRefresh> m_refresh;
    std::function<bool(const QString &)> m_confirm;
};
