// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>

#include <functional>

// JsonTableModel is the table model behind the docks: rows are the JSON objects the core reads
// produce (storage/recordjson.h, TradingCommands, the same shapes the control API returns), so a
// dock and an API call show one truth. Columns say which key they show and how (money with
// thousands separators, signed percent coloured the Korean way — rises red, falls blue — times in
// KST). setRows() keeps selections and scroll positions: rows with the same id that changed only
// emit dataChanged; only a different set or order of ids resets the model.
// Qt::DisplayRole is the formatted text, SortRole (Qt::UserRole) the raw value for sorting,
// RowRole (Qt::UserRole + 1) the whole row as a QJsonObject.
// Threading: the GUI thread.
class JsonTableModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JsonTableModel)

public:
    static constexpr int SortRole = Qt::UserRole;
    static constexpr int RowRole = Qt::UserRole + 1;

    enum class Kind
    {
        Text,
        Integer, // quantities, money (KRW), prices: 1,234,500
        SignedInteger, // P&L: +12,300 / -4,500, coloured
        Percent, // rates: +1.25% / -0.80%, coloured
        Time, // UTC epoch ms → HH:mm:ss (KST)
        DateTime, // UTC epoch ms → yyyy-MM-dd HH:mm:ss (KST)
        Bool, // ✓ / empty
    };

    struct Column
    {
        QString key; // JSON key of the row ("" when display computes the text)
        QString header; // translated
        Kind kind = Kind::Text;
        // Optional: the shown value computed from the whole row (else row[key]).
        std::function<QJsonValue(const QJsonObject &row)> value;
        QString toolTip; // header tool tip
    };

    explicit JsonTableModel(QString idKey, QObject *parent = nullptr);
    ~JsonTableModel() override;

    void setColumns(QList<Column> columns);
    const QList<Column> &columns() const { return m_columns; }
    void setRows(const QJsonArray &rows);
    QJsonObject row(int row) const;
    const QList<QJsonObject> &rows() const { return m_rows; }
    // -1 when no row has this id.
    int rowOfId(const QJsonValue &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The formatted text of a value of a kind (also for labels outside tables).
    static QString format(const QJsonValue &value, Kind kind);
    static QString formatTimeMs(qint64 utcMs, bool withDate);

private:
    QJsonValue cell(int row, int column) const;

    QString m_idKey;
    QList<Column> m_columns;
    QList<QJsonObject> m_rows;
};
