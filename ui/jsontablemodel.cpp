// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsontablemodel.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

namespace {
const QColor kRise(0xc6, 0x28, 0x28); // Korean convention: up is red
const QColor kFall(0x15, 0x65, 0xc0); // down is blue

QTimeZone seoul()
{
    static const QTimeZone zone("Asia/Seoul");
    return zone.isValid() ? zone : QTimeZone(9 * 3600);
}
} // namespace

JsonTableModel::JsonTableModel(QString idKey, QObject *parent) : QAbstractTableModel(parent), m_idKey(std::move(idKey))
{
}

JsonTableModel::~JsonTableModel() = default;

void JsonTableModel::setColumns(QList<Column> columns)
{
    beginResetModel();
    m_columns = std::move(columns);
    endResetModel();
}

void JsonTableModel::setRows(const QJsonArray &rows)
{
    QList<QJsonObject> next;
    next.reserve(rows.size());
    for (const QJsonValue &v : rows)
        next.append(v.toObject());
    bool sameIds = next.size() == m_rows.size() && !m_idKey.isEmpty();
    for (qsizetype i = 0; sameIds && i < next.size(); ++i)
        sameIds = next.at(i).value(m_idKey) == m_rows.at(i).value(m_idKey);
    if (!sameIds) {
        beginResetModel();
        m_rows = std::move(next);
        endResetModel();
        return;
    }
    for (qsizetype i = 0; i < next.size(); ++i) {
        if (next.at(i) == m_rows.at(i))
            continue;
        m_rows[i] = next.at(i);
        emit dataChanged(index(int(i), 0), index(int(i), columnCount() - 1));
    }
}

QJsonObject JsonTableModel::row(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row) : QJsonObject();
}

int JsonTableModel::rowOfId(const QJsonValue &id) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).value(m_idKey) == id)
            return int(i);
    }
    return -1;
}

int JsonTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int JsonTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QJsonValue JsonTableModel::cell(int row, int column) const
{
    const Column &c = m_columns.at(column);
    const QJsonObject &r = m_rows.at(row);
    return c.value ? c.value(r) : r.value(c.key);
}

QString JsonTableModel::formatTimeMs(qint64 utcMs, bool withDate)
{
    if (utcMs <= 0)
        return {};
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(utcMs, seoul());
    return t.toString(withDate ? QStringLiteral("yyyy-MM-dd HH:mm:ss") : QStringLiteral("HH:mm:ss"));
}

QString JsonTableModel::format(const QJsonValue &value, Kind kind)
{
    if (value.isNull() || value.isUndefined())
        return {};
    const QLocale locale;
    switch (kind) {
    case Kind::Text:
        return value.isString() ? value.toString() : value.toVariant().toString();
    case Kind::Integer:
        return value.isDouble() ? locale.toString(qint64(value.toDouble())) : value.toString();
    case Kind::SignedInteger: {
        if (!value.isDouble())
            return value.toString();
        const qint64 v = qint64(value.toDouble());
        return (v > 0 ? QStringLiteral("+") : QString()) + locale.toString(v);
    }
    case Kind::Percent: {
        if (!value.isDouble())
            return value.toString();
        const double v = value.toDouble();
        return (v > 0 ? QStringLiteral("+") : QString()) + locale.toString(v, 'f', 2) + QLatin1Char('%');
    }
    case Kind::Time:
        return formatTimeMs(qint64(value.toDouble()), false);
    case Kind::DateTime:
        return formatTimeMs(qint64(value.toDouble()), true);
    case Kind::Bool:
        return value.toBool() ? QStringLiteral("✓") : QString();
    }
    return {};
}

QVariant JsonTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size() || index.column() >= m_columns.size())
        return {};
    const Kind kind = m_columns.at(index.column()).kind;
    switch (role) {
    case Qt::DisplayRole:
        return format(cell(index.row(), index.column()), kind);
    case Qt::AccessibleTextRole:
        return format(cell(index.row(), index.column()), kind);
    case SortRole:
        return cell(index.row(), index.column()).toVariant();
    case RowRole:
        return m_rows.at(index.row());
    case Qt::TextAlignmentRole:
        return kind == Kind::Text || kind == Kind::Bool ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                                        : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ForegroundRole: {
        if (kind != Kind::SignedInteger && kind != Kind::Percent)
            return {};
        const double v = cell(index.row(), index.column()).toDouble();
        if (v > 0)
            return QBrush(kRise);
        if (v < 0)
            return QBrush(kFall);
        return {};
    }
    default:
        return {};
    }
}

QVariant JsonTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= m_columns.size())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole)
        return m_columns.at(section).header;
    if (role == Qt::ToolTipRole && !m_columns.at(section).toolTip.isEmpty())
        return m_columns.at(section).toolTip;
    return {};
}
