// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QStringList>

class CoreGateway;
class QAction;
class QMenu;
#include <QMessageBox>
class QSystemTrayIcon;
class QWidget;

// TrayIcon: the app in the system tray (qBittorrent's DesktopIntegration is the model). It owns
// the tray menu — Show/Hide window, Start/Stop monitoring, Kill switch (cancel all), Quit — and the
// QSystemTrayIcon, which exists only where QSystemTrayIcon::isSystemTrayAvailable(); the menu and
// its actions exist either way, so they are reachable (and testable) without a visible icon.
// - Verbs go through the CoreGateway (TradingCommands as actor "ui"): the menu never touches a core
//   object; the monitoring actions follow the service status the core reports.
// - requestQuit() reads the open positions and orders through the gateway and asks for a
//   confirmation (quitDialog()) when there are any; quitConfirmed() then says to quit.
// - Notifications (showMessage) for the core's events: fills ("fill"), exits ("position_closed",
//   with the stop-loss / take-profit reason of the closing sell), rejections ("order" in state
//   REJECTED), the kill switch ("kill_switch") and a broker disconnect ("broker"); each kind is
//   switched by a Settings key (ui/notify*) read through the gateway. notified() fires for every
//   notification shown (or that would be, without an icon).
// - keepsRunningOnClose(): the window's close hides it (ui/closeToTray, with an icon only);
//   showCloseHint() tells the user once (ui/trayHintShown).
// Threading: the GUI thread.
class TrayIcon final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayIcon)

public:
    enum class Kind
    {
        Fill,
        Exit,
        Rejection,
        KillSwitch,
        Broker,
    };
    Q_ENUM(Kind)

    // window: shown/hidden by the menu; gateway may be null (no core: the verbs are disabled).
    TrayIcon(CoreGateway *gateway, QWidget *window, QObject *parent = nullptr);
    ~TrayIcon() override;

    QMenu *menu() const { return m_menu; }
    QAction *showHideAction() const { return m_showHide; }
    QAction *startMonitoringAction() const { return m_startMonitoring; }
    QAction *stopMonitoringAction() const { return m_stopMonitoring; }
    QAction *killSwitchAction() const { return m_killSwitch; }
    QAction *quitAction() const { return m_quit; }
    // The icon, or null where the desktop has no system tray.
    QSystemTrayIcon *systemTrayIcon() const { return m_icon; }
    bool hasIcon() const { return m_icon != nullptr; }

    bool keepsRunningOnClose() const;
    // Shows the "still running in the tray" message once per installation; true when shown now.
    bool showCloseHint();

    bool notificationEnabled(Kind kind) const { return m_enabled.value(int(kind), true); }
    void setNotificationEnabled(Kind kind, bool on) { m_enabled.insert(int(kind), on); }
    static QString settingsKey(Kind kind);

    // The confirmation asked by requestQuit() while it is open, else null.
    QMessageBox *quitDialog() const { return m_quitDialog; }

public slots:
    void toggleWindow();
    void startMonitoring();
    void stopMonitoring();
    void engageKillSwitch();
    void requestQuit();
    // Applies one core event (CoreGateway::event) to the notifications.
    void handleEvent(const QJsonObject &event);

signals:
    void notified(TrayIcon::Kind kind, const QString &title, const QString &message);
    void quitConfirmed();
    // A verb's answer (ok, and the refusal's message).
    void commandDone(bool ok, const QString &message);

private:
    void createActions();
    void readSettings();
    void readServices();
    void updateShowHideText();
    void notify(Kind kind, const QString &title, const QString &message);
    void confirmQuit(int positions, int orders);
    bool eventFilter(QObject *watched, QEvent *event) override;

    CoreGateway *m_gateway;
    QPointer<QWidget> m_window;
    QMenu *m_menu = nullptr; // owned (a QMenu cannot be a QObject child of a non-widget)
    QSystemTrayIcon *m_icon = nullptr;
    QAction *m_showHide = nullptr;
    QAction *m_startMonitoring = nullptr;
    QAction *m_stopMonitoring = nullptr;
    QAction *m_killSwitch = nullptr;
    QAction *m_quit = nullptr;
    QPointer<QMessageBox> m_quitDialog;
    QHash<int, bool> m_enabled;
    bool m_closeToTray = true;
    bool m_hintShown = false;
    bool m_brokerDown = false;
    QHash<QString, QString> m_lastSellOrigin; // stock code → origin of its latest sell fill
    qint64 m_lastRejectedOrder = -1;
};
