// SPDX-License-Identifier: GPL-3.0-or-later
#include "tableexport.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDate>
#include <QDir>
#include <QFileDialog>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QMessageBox>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTableView>

namespace {
QString quoted(QString text)
{
    if (text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"')) || text.contains(QLatin1Char('\n'))
        || text.contains(QLatin1Char('\r'))) {
        text.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        return QLatin1Char('"') + text + QLatin1Char('"');
    }
    return text;
}
} // namespace

namespace TableExport {

QString toCsv(const QAbstractItemModel &model)
{
    QString csv;
    QStringList cells;
    for (int c = 0; c < model.columnCount(); ++c)
        cells << quoted(model.headerData(c, Qt::Horizontal).toString());
    csv += cells.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    for (int r = 0; r < model.rowCount(); ++r) {
        cells.clear();
        for (int c = 0; c < model.columnCount(); ++c)
            cells << quoted(model.data(model.index(r, c)).toString());
        csv += cells.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return csv;
}

bool writeCsv(const QAbstractItemModel &model, QIODevice &out)
{
    const QByteArray bytes = QByteArray("\xEF\xBB\xBF") + toCsv(model).toUtf8();
    return out.write(bytes) == bytes.size();
}

void install(QTableView *view, const QString &baseName)
{
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *copy = new QAction(QApplication::translate("TableExport", "&Copy"), view);
    copy->setObjectName(view->objectName() + QStringLiteral("CopyAction"));
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    QObject::connect(copy, &QAction::triggered, view, [view] {
        const QModelIndexList rows
            = view->selectionModel() ? view->selectionModel()->selectedRows() : QModelIndexList();
        QStringList lines;
        for (const QModelIndex &r : rows) {
            QStringList cells;
            for (int c = 0; c < view->model()->columnCount(); ++c)
                cells << view->model()->index(r.row(), c).data().toString();
            lines << cells.join(QLatin1Char('\t'));
        }
        if (!lines.isEmpty())
            QApplication::clipboard()->setText(lines.join(QLatin1Char('\n')));
    });
    auto *exportCsv = new QAction(QApplication::translate("TableExport", "&Export to CSV…"), view);
    exportCsv->setObjectName(view->objectName() + QStringLiteral("ExportCsvAction"));
    QObject::connect(exportCsv, &QAction::triggered, view, [view, baseName] {
        const QString suggested
            = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                  .filePath(QStringLiteral("%1-%2.csv").arg(baseName, QDate::currentDate().toString(Qt::ISODate)));
        const QString file = QFileDialog::getSaveFileName(view, QApplication::translate("TableExport", "Export to CSV"),
            suggested, QApplication::translate("TableExport", "CSV files (*.csv)"));
        if (file.isEmpty() || !view->model())
            return;
        QSaveFile out(file);
        if (!out.open(QIODevice::WriteOnly) || !writeCsv(*view->model(), out) || !out.commit()) {
            QMessageBox::warning(view, QApplication::translate("TableExport", "Export to CSV"),
                QApplication::translate("TableExport", "Could not write %1: %2")
                    .arg(QDir::toNativeSeparators(file), out.errorString()));
        }
    });
    view->addAction(copy);
    view->addAction(exportCsv);
}

} // namespace TableExport
