// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDockWidget>
#include <QJsonArray>
#include <QJsonObject>

class CoreGateway;
class JsonTableModel;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

// WatchlistDock shows the active watchlist (관심종목: watchlist_stocks) with each stock's live
// price, change % (rises red, falls blue) and the day's volume from the realtime QuoteBook, and
// where the stock came from (added by hand, or by which condition). Add (a 6-character code, with
// the stock's name once the core knows it), Remove (the selected rows) and "Sync now" (the
// watchlist sync service's run) are TradingCommands verbs said as actor "ui"; a refusal is shown
// and changes nothing. Double-clicking (or Enter on) a row emits stockActivated(code).
// Reads go through the CoreGateway: the rows when "watchlist" changes, only the quotes (no SQL)
// when "quotes" changes — at most one read in flight, and the EventFeed's 250 ms throttle batches
// the ticks, so a busy market never floods the GUI thread. Threading: GUI thread.
class WatchlistDock final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WatchlistDock)

public:
    explicit WatchlistDock(CoreGateway *gateway, QWidget *parent = nullptr);
    ~WatchlistDock() override;

    JsonTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QLineEdit *codeField() const { return m_code; }
    QString statusText() const;

public slots:
    void refresh();
    // Adds the code (as typed in the field when empty); the name is the one looked up, if any.
    void addCode(const QString &code = QString());
    // Removes the selected stocks (or `code`).
    void removeCode(const QString &code = QString());
    void syncNow();

signals:
    void stockActivated(const QString &code);
    void refreshed();
    // After an add/remove/sync answered.
    void commandAnswered(bool ok, const QString &message);

private:
    void readRows(bool withWatchlist);
    void onRows(const QJsonObject &answer);
    void lookUpName(const QString &code);
    void showNameHint(const QString &code, const QString &name);
    void updateButtons();

    CoreGateway *m_gateway;
    JsonTableModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QLineEdit *m_code = nullptr;
    QLabel *m_name = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_sync = nullptr;
    QJsonArray m_stocks; // the watchlist rows of the last full read
    QString m_nameFor; // the code m_name belongs to
    bool m_reading = false;
    bool m_pendingFull = false;
    bool m_pendingQuotes = false;
};
