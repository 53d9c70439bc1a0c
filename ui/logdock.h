// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDockWidget>
#include <QJsonArray>

#include <memory>

class CoreGateway;
class DockRefresh;
class JsonTableModel;
class QComboBox;
class QLineEdit;
class QTableView;
class RowFilterProxy;

// LogDock (objectName "logDock"): the user activity log — what the program did, in a trader's words
// (ActivityLog, the same entries as GET /logs) — with a level filter and a text filter.
//
// Reads only what is new: the entries after the last id it holds (ActivityLog::since), on the
// "log" topic (at most every 250 ms, one read at a time, 1000 entries a read and again while more
// wait). Keeps at most maxRows() rows (the oldest go). Newest at the bottom; it follows new entries
// unless the user scrolled up (then the view stays where it is). Threading: the GUI thread.
class LogDock final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogDock)

public:
    enum class LevelFilter
    {
        All,
        Trades,
        WarningsAndErrors,
        Errors,
    };

    explicit LogDock(CoreGateway *gateway, QWidget *parent = nullptr);
    ~LogDock() override;

    static int maxRows() { return 5000; }
    JsonTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    qint64 lastId() const { return m_lastId; }
    void setLevelFilter(LevelFilter filter);
    void setTextFilter(const QString &text);

public slots:
    void refresh();

signals:
    void refreshed();

private:
    void applyFilter();
    void append(const QJsonArray &entries, qint64 lastId);

    CoreGateway *m_gateway;
    JsonTableModel *m_model = nullptr;
    RowFilterProxy *m_proxy = nullptr;
    QTableView *m_view = nullptr;
    QComboBox *m_level = nullptr;
    QLineEdit *m_text = nullptr;
    QJsonArray m_rows;
    qint64 m_lastId = 0;
    std::unique_ptr<DockRefresh> m_refresh;
};
