// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jsontablemodel.h"

// CheckableTableModel is a JsonTableModel with one column shown as a checkbox of a boolean key
// (a condition's or a strategy's "is_enabled"). Why: the docks let a trader switch a row on and off
// in place, but the core decides — so toggling emits toggleRequested() and changes nothing here;
// the row changes when the next read of the core shows the new value (a refusal leaves it as it is).
// The checkbox is reachable by the keyboard (Space on the selected cell) and reads "On"/"Off" to a
// screen reader. Threading: the GUI thread.
class CheckableTableModel final : public JsonTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CheckableTableModel)

public:
    explicit CheckableTableModel(QString idKey, QObject *parent = nullptr);
    ~CheckableTableModel() override;

    // The column (an index into columns()) whose key is shown as a checkbox; -1 = none.
    void setCheckColumn(int column);
    int checkColumn() const { return m_checkColumn; }

    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

signals:
    // The user asked to switch the row on (checked) or off.
    void toggleRequested(const QJsonObject &row, bool checked);

private:
    int m_checkColumn = -1;
};
