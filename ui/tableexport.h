// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QAbstractItemModel;
class QIODevice;
class QTableView;

// CSV export of any table dock (vn.py's monitors do the same): the visible columns' headers and
// display texts, RFC 4180 quoting, UTF-8 with a BOM so Excel (where most Kiwoom users open it)
// reads the Korean names correctly.
namespace TableExport {
// Writes the model as CSV; false when the device fails.
bool writeCsv(const QAbstractItemModel &model, QIODevice &out);
QString toCsv(const QAbstractItemModel &model);
// Gives the view a context menu (and the keyboard's menu key) with "Copy" and "Export to CSV…";
// `baseName` names the suggested file ("orders" → orders-2026-12-07.csv).
void install(QTableView *view, const QString &baseName);
} // namespace TableExport
