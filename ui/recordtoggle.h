// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QObject>

class CoreGateway;
class QAction;
class QMainWindow;
class QMenu;
class QToolBar;

// RecordToggle: the "Record market data" switch (issue 12) — one checkable action in a menu and on
// a toolbar (Ctrl+Alt+R wherever the focus is) that turns the market recorder on or off. It says
// the same thing as the control API's PUT /api/v1/recorder: TradingCore::setRecordEnabled (the
// setting record/enabled, audited with actor "ui") on the core's thread through the gateway; it
// never touches a core object itself.
// Guarantee: the action shows what the core has, not what was clicked: after every switch and on
// the "recorder" and "settings" topics (a change from the API or the Settings dialog) it re-reads
// TradingCore::recorderStatus(); a refusal goes back to the core's state and shows in the status bar.
// Threading: the GUI thread.
class RecordToggle final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordToggle)

public:
    // Adds the action to `menu` and `toolBar` (either may be null) and to `window` for the shortcut.
    RecordToggle(CoreGateway *gateway, QMainWindow *window, QMenu *menu, QToolBar *toolBar);
    ~RecordToggle() override;

    QAction *action() const { return m_action; }
    // The last status read (TradingCore::recorderStatus(): "enabled", "recording", "file", ...).
    QJsonObject status() const { return m_status; }

public slots:
    void refresh();
    void setEnabled(bool enabled);

signals:
    void statusChanged(const QJsonObject &status);

private:
    void apply(const QJsonObject &status);

    CoreGateway *m_gateway;
    QMainWindow *m_window;
    QAction *m_action = nullptr;
    QJsonObject m_status;
};
