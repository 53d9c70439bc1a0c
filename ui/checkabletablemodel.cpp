// SPDX-License-Identifier: GPL-3.0-or-later
#include "checkabletablemodel.h"

CheckableTableModel::CheckableTableModel(QString idKey, QObject *parent) : JsonTableModel(std::move(idKey), parent) { }

CheckableTableModel::~CheckableTableModel() = default;

void CheckableTableModel::setCheckColumn(int column)
{
    m_checkColumn = column;
}

Qt::ItemFlags CheckableTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = JsonTableModel::flags(index);
    if (index.isValid() && index.column() == m_checkColumn)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant CheckableTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.column() != m_checkColumn || index.row() >= rowCount())
        return JsonTableModel::data(index, role);
    const bool on = row(index.row()).value(columns().at(m_checkColumn).key).toBool();
    switch (role) {
    case Qt::CheckStateRole:
        return on ? Qt::Checked : Qt::Unchecked;
    case Qt::DisplayRole:
        return QString(); // the checkbox says it
    case Qt::AccessibleTextRole:
    case Qt::ToolTipRole:
        return on ? tr("On") : tr("Off");
    default:
        return JsonTableModel::data(index, role);
    }
}

bool CheckableTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || index.column() != m_checkColumn || role != Qt::CheckStateRole)
        return false;
    const bool checked = value.toInt() == Qt::Checked;
    const QJsonObject r = row(index.row());
    if (r.value(columns().at(m_checkColumn).key).toBool() == checked)
        return false;
    emit toggleRequested(r, checked);
    return false; // the core decides; the next read shows its answer
}
