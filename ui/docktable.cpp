// SPDX-License-Identifier: GPL-3.0-or-later
#include "docktable.h"

#include "jsontablemodel.h"
#include "tableexport.h"

#include <QAbstractButton>
#include <QAction>
#include <QCoreApplication>
#include <QHeaderView>
#include <QScrollBar>
#include <QTableView>

RowFilterProxy::RowFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(JsonTableModel::SortRole);
    setDynamicSortFilter(true);
}

RowFilterProxy::~RowFilterProxy() = default;

void RowFilterProxy::setPredicate(Predicate predicate)
{
    m_predicate = std::move(predicate);
    invalidateFilter();
}

QJsonObject RowFilterProxy::rowAt(int proxyRow) const
{
    if (proxyRow < 0 || proxyRow >= rowCount())
        return {};
    return index(proxyRow, 0).data(JsonTableModel::RowRole).toJsonObject();
}

bool RowFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_predicate)
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    return m_predicate(index.data(JsonTableModel::RowRole).toJsonObject());
}

QTableView *makeDockTable(QWidget *parent, JsonTableModel *model, RowFilterProxy *proxy, const QString &objectName,
    const QString &accessibleName, const QString &csvBaseName)
{
    proxy->setSourceModel(model);
    auto *view = new QTableView(parent);
    view->setObjectName(objectName);
    view->setAccessibleName(accessibleName);
    view->setModel(proxy);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setSortingEnabled(true);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setTabKeyNavigation(false); // Tab leaves the table for the dock's buttons
    view->verticalHeader()->setVisible(false);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    view->horizontalHeader()->setAccessibleName(
        accessibleName + QStringLiteral(" — ") + QCoreApplication::translate("DockTable", "columns"));
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    view->setCornerButtonEnabled(false);
    if (auto *corner = view->findChild<QAbstractButton *>()) {
        corner->setObjectName(objectName + QStringLiteral("CornerButton"));
        corner->setAccessibleName(QCoreApplication::translate("DockTable", "Select all"));
    }
    TableExport::install(view, csvBaseName);
    return view;
}

void setRowsKeepingSelection(
    QTableView *view, JsonTableModel *model, RowFilterProxy *proxy, const QJsonArray &rows, const QString &idKey)
{
    const QModelIndexList selected = view->selectionModel()->selectedRows();
    const QJsonValue id = selected.isEmpty() ? QJsonValue() : proxy->rowAt(selected.first().row()).value(idKey);
    QScrollBar *bar = view->verticalScrollBar();
    const int scroll = bar->value();
    model->setRows(rows);
    if (!id.isUndefined() && view->selectionModel()->selectedRows().isEmpty()) {
        for (int r = 0; r < proxy->rowCount(); ++r) {
            if (proxy->rowAt(r).value(idKey) == id) {
                view->selectionModel()->select(
                    proxy->index(r, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
                view->selectionModel()->setCurrentIndex(proxy->index(r, 0), QItemSelectionModel::NoUpdate);
                break;
            }
        }
    }
    bar->setValue(scroll);
}

void connectChartOpening(QTableView *view, RowFilterProxy *proxy, QAction *chartAction,
    std::function<QJsonObject()> selected, std::function<void(const QString &code)> open)
{
    const auto openRow = [open](const QJsonObject &row) {
        const QString code = row.value(QStringLiteral("stock_code")).toString();
        if (!code.isEmpty())
            open(code);
    };
    QObject::connect(chartAction, &QAction::triggered, view, [openRow, selected] { openRow(selected()); });
    QObject::connect(view, &QTableView::activated, view,
        [openRow, proxy](const QModelIndex &index) { openRow(proxy->rowAt(index.row())); });
}
