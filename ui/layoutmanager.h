// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>

class CoreGateway;
class QAction;
class QMainWindow;
class QMenu;

// LayoutManager keeps the main window's arrangement — which docks are shown, where, their sizes,
// the toolbars and the window geometry — across runs, and lets the user keep named arrangements
// (workspaces: "Morning", "Charts"...) and switch between them (vn.py's saveState on close).
// Storage: a GUI-only INI file next to the app's settings file (kiwoom-trader-layout.ini), so it
// never mixes with the trading settings and deleting it is a safe way back to the default.
// Guarantees:
// - The default arrangement is what the window looks like before the first restore (the docks as
//   MainWindow::createDocks placed them); resetLayout() returns to it.
// - A saved state that Qt refuses (corrupt, of another version) or that would leave no dock visible
//   is ignored: the default stays, nothing crashes, and the bad state is replaced at the next save.
// - With watch(): restores once when the window is first shown (after every dock exists, and before
//   it is mapped, so nothing jumps) and saves when the window closes or the application quits.
// Threading: the GUI thread.
class LayoutManager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LayoutManager)

public:
    static constexpr int STATE_VERSION = 1;

    LayoutManager(QMainWindow *window, QString fileName);
    ~LayoutManager() override;

    // <the settings file's directory>/kiwoom-trader-layout.ini (the platform's config location for "").
    static QString layoutFileFor(const QString &settingsFile);
    // The app's settings file path, asked on the core's thread (a short blocking call; the core
    // must be running, or live on this thread).
    static QString settingsFileOf(CoreGateway *gateway);

    QString fileName() const { return m_fileName; }

    // Restore on first show, save on close and on quit.
    void watch();
    // Adds View > Workspaces (Save as…, the saved names, Delete) and View > Reset layout.
    void installMenu(QMenu *viewMenu);

    // Remembers the window's current arrangement as the default (once; restore() calls it).
    void captureDefault();
    // Applies the saved arrangement; false when there is none or it was refused (the default stays).
    bool restore();
    // Writes the arrangement and geometry now.
    void save();
    void resetLayout();

    QStringList workspaceNames() const;
    // false (and nothing stored) for an empty name.
    bool saveWorkspace(const QString &name);
    // false when there is no such workspace or its state was refused (the arrangement stays).
    bool loadWorkspace(const QString &name);
    bool deleteWorkspace(const QString &name);
    QString currentWorkspace() const { return m_current; }

    // Asks the name for "Save as…"; empty = cancelled (tests replace the dialog).
    using NamePrompt = std::function<QString(const QString &suggestion)>;
    void setNamePrompt(NamePrompt prompt) { m_prompt = std::move(prompt); }

signals:
    void workspacesChanged();
    // After restore(), loadWorkspace() and resetLayout(): whether a stored state was applied.
    void layoutApplied(bool fromStore);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // Applies a state; falls back to the default when Qt refuses it or it hides every dock.
    bool applyState(const QByteArray &state);
    bool anyDockShown() const;
    void rebuildMenu();
    void scheduleMenuRebuild();

    QPointer<QMainWindow> m_window;
    QString m_fileName;
    QByteArray m_defaultState;
    QByteArray m_defaultGeometry;
    bool m_haveDefault = false;
    bool m_restored = false;
    QString m_current;
    QMenu *m_workspacesMenu = nullptr;
    QAction *m_reset = nullptr;
    NamePrompt m_prompt;
};
