// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QSortFilterProxyModel>

#include <functional>

class JsonTableModel;
class QAction;
class QTableView;
class QWidget;

// Shared pieces of the trading docks (positions, orders, signals, log).
//
// RowFilterProxy: the sorting and filtering proxy over a JsonTableModel — sorts on
// JsonTableModel::SortRole (raw numbers, not formatted text) and keeps the rows a predicate over
// the whole JSON row accepts (state filters, level + text filters). Without a predicate it keeps
// every row.
// makeDockTable(): a QTableView over such a proxy with the docks' common settings (whole-row
// single selection, sorting, alternating rows, no word wrap, compact rows), an objectName and
// accessible name, and TableExport's Copy / Export to CSV… context menu.
// DockRefresh: re-reads a view's state through the gateway without piling up requests: at most one
// read in flight; a request while one runs is remembered and done once after it (so a burst of
// "changed" topics every 250 ms costs at most one read at a time, and the GUI thread never waits).
// Threading: the GUI thread.
class RowFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RowFilterProxy)

public:
    using Predicate = std::function<bool(const QJsonObject &row)>;
    explicit RowFilterProxy(QObject *parent = nullptr);
    ~RowFilterProxy() override;

    void setPredicate(Predicate predicate);
    // The source row behind a proxy row (empty when out of range).
    QJsonObject rowAt(int proxyRow) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    Predicate m_predicate;
};

QTableView *makeDockTable(QWidget *parent, JsonTableModel *model, RowFilterProxy *proxy, const QString &objectName,
    const QString &accessibleName, const QString &csvBaseName);

// model->setRows(rows), and when that reset the model (a row came or went), selects again the row
// whose `idKey` was selected before and keeps the vertical scroll position.
void setRowsKeepingSelection(
    QTableView *view, JsonTableModel *model, RowFilterProxy *proxy, const QJsonArray &rows, const QString &idKey);

// Opens a row's stock in the chart: activating a row of `view` (double-click, Enter) and triggering
// `chartAction` (on the `selected()` row) call `open(code)` with the row's stock_code; rows without
// one are ignored.
void connectChartOpening(QTableView *view, RowFilterProxy *proxy, QAction *chartAction,
    std::function<QJsonObject()> selected, std::function<void(const QString &code)> open);

class DockRefresh final
{
public:
    // `start` begins a read and must call finished() when its answer arrived (or failed).
    explicit DockRefresh(std::function<void()> start) : m_start(std::move(start)) { }
    void request()
    {
        if (m_busy) {
            m_again = true;
            return;
        }
        m_busy = true;
        m_start();
    }
    void finished()
    {
        m_busy = false;
        if (m_again) {
            m_again = false;
            request();
        }
    }
    bool busy() const { return m_busy; }

private:
    std::function<void()> m_start;
    bool m_busy = false;
    bool m_again = false;
};
