// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QObject>

#include <functional>
#include <memory>

class DockRefresh;
class CoreGateway;
class QAction;
class QActionGroup;
class QLabel;
class QMainWindow;
class QMenu;
class QToolBar;
class QToolButton;

// ServiceControls: the start/stop switches of the timed services — condition monitoring, the
// strategy scanner, scalping, the stop-loss sweep, the watchlist sync — and the kill switch with
// its modes (no new entries, reduce only, cancel all, flatten all) and Resume, as actions in a
// menu and on a toolbar, each with a keyboard shortcut.
// Every switch is a TradingCommands verb said as actor "ui" (startService / stopService /
// engageKillSwitch / resume), so it passes the same checks and leaves the same audit row as the
// control API. Actions never show a state the core does not have: a toggled action goes back to
// what the core reports (serviceStatus, the kill switch's state), re-read on the "services",
// "risk" and "engine" topics and after every verb; a refusal is shown in the status bar. Cancel
// all and flatten all ask for confirmation first (setConfirmer() replaces the dialog in tests).
// The kill switch's state is also a permanent status-bar label, red while engaged, and the
// toolbar's kill-switch button is red. Before the engine is ready the actions are disabled.
// Threading: the GUI thread.
class ServiceControls final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServiceControls)

public:
    // Adds the menus' entries to `menu` and the buttons to `toolBar` (either may be null).
    ServiceControls(CoreGateway *gateway, QMainWindow *window, QMenu *menu, QToolBar *toolBar);
    ~ServiceControls() override;

    // The service names in the order shown: monitoring, strategy, scalping, stoploss, watchlist.
    static QStringList serviceNames();
    QAction *serviceAction(const QString &name) const { return m_serviceActions.value(name); }
    // "NO_NEW_ENTRIES", "REDUCE_ONLY", "CANCEL_ALL", "FLATTEN_ALL".
    QAction *killSwitchAction(const QString &mode) const { return m_killActions.value(mode); }
    QAction *resumeAction() const { return m_resume; }
    QToolButton *killSwitchButton() const { return m_killButton; }
    // The kill switch's mode as last read ("OFF", ...), "" before the first read.
    QString killSwitchMode() const { return m_mode; }
    // Whether a service runs, as last read.
    bool isRunning(const QString &name) const { return m_running.value(name); }

    // Asked before cancel all / flatten all: title, text → proceed?
    using Confirmer = std::function<bool(const QString &title, const QString &text)>;
    void setConfirmer(Confirmer confirmer) { m_confirm = std::move(confirmer); }

public slots:
    void refresh();
    void setServiceRunning(const QString &name, bool running);
    // mode: as killSwitchAction(); asks for confirmation where the mode needs it.
    void engageKillSwitch(const QString &mode);
    void resume();

signals:
    void refreshed();
    // After every verb: ok, and the refusal's message.
    void commandAnswered(bool ok, const QString &message);

private:
    void apply(const QJsonObject &state);
    void showMessage(const QString &text);

    CoreGateway *m_gateway;
    QMainWindow *m_window;
    QHash<QString, QAction *> m_serviceActions;
    QHash<QString, QAction *> m_killActions;
    QHash<QString, bool> m_running;
    QAction *m_startAll = nullptr;
    QAction *m_stopAll = nullptr;
    QAction *m_resume = nullptr;
    QActionGroup *m_killGroup = nullptr;
    QToolButton *m_killButton = nullptr;
    QLabel *m_killLabel = nullptr;
    QString m_mode;
    Confirmer m_confirm;
    std::unique_ptr<DockRefresh> m_refresh; // one read at a time, one more after it
};
