// SPDX-License-Identifier: GPL-3.0-or-later
#include "layoutmanager.h"

#include "coregateway.h"

#include "common/settings.h"

#include <QAction>
#include <QCoreApplication>
#include <QDir>
#include <QDockWidget>
#include <QEvent>
#include <QFileInfo>
#include <QInputDialog>
#include <QMainWindow>
#include <QMenu>
#include <QSettings>
#include <QStandardPaths>
#include <QThread>

namespace {

const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
const QString kVersion = QStringLiteral("window/version");
const QString kWorkspaces = QStringLiteral("workspaces/states");
const QString kCurrent = QStringLiteral("workspaces/current");

} // namespace

LayoutManager::LayoutManager(QMainWindow *window, QString fileName)
    : QObject(window), m_window(window), m_fileName(std::move(fileName)), m_prompt([window](const QString &suggestion) {
        bool ok = false;
        const QString name = QInputDialog::getText(window, tr("Save workspace"),
            tr("Name of the workspace (the docks' arrangement):"), QLineEdit::Normal, suggestion, &ok);
        return ok ? name.trimmed() : QString();
    })
{
    setObjectName(QStringLiteral("layoutManager"));
    m_current = QSettings(m_fileName, QSettings::IniFormat).value(kCurrent).toString();
}

LayoutManager::~LayoutManager() = default;

QString LayoutManager::layoutFileFor(const QString &settingsFile)
{
    const QString dir = settingsFile.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)
                                               : QFileInfo(settingsFile).absolutePath();
    return QDir(dir).filePath(QStringLiteral("kiwoom-trader-layout.ini"));
}

QString LayoutManager::settingsFileOf(CoreGateway *gateway)
{
    if (!gateway || !gateway->core())
        return {};
    TradingCore *core = gateway->core();
    QString path;
    const auto read = [core, &path] { path = core->settings().fileName(); };
    if (core->thread() == QThread::currentThread())
        read();
    else
        QMetaObject::invokeMethod(core, read, Qt::BlockingQueuedConnection);
    return path;
}

void LayoutManager::watch()
{
    m_window->installEventFilter(this);
    connect(qApp, &QCoreApplication::aboutToQuit, this, [this] {
        if (m_restored)
            save();
    });
}

bool LayoutManager::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window) {
        // The show event comes before the window is mapped: restoring here does not make it jump,
        // and every dock (also those added after createDocks) exists by now.
        if (event->type() == QEvent::Show && !m_restored)
            restore();
        else if (event->type() == QEvent::Close && m_restored)
            save();
    }
    return QObject::eventFilter(watched, event);
}

void LayoutManager::captureDefault()
{
    if (m_haveDefault || !m_window)
        return;
    m_defaultState = m_window->saveState(STATE_VERSION);
    m_defaultGeometry = m_window->saveGeometry();
    m_haveDefault = true;
}

bool LayoutManager::anyDockShown() const
{
    const QList<QDockWidget *> docks = m_window->findChildren<QDockWidget *>(QString(), Qt::FindDirectChildrenOnly);
    if (docks.isEmpty())
        return true; // nothing to lose
    for (const QDockWidget *d : docks) {
        if (!d->isHidden())
            return true;
    }
    return false;
}

bool LayoutManager::applyState(const QByteArray &state)
{
    if (!state.isEmpty() && m_window->restoreState(state, STATE_VERSION) && anyDockShown())
        return true;
    m_window->restoreState(m_defaultState, STATE_VERSION);
    return false;
}

bool LayoutManager::restore()
{
    if (!m_window)
        return false;
    captureDefault();
    m_restored = true;
    const QSettings s(m_fileName, QSettings::IniFormat);
    const QByteArray geometry = s.value(kGeometry).toByteArray();
    const QByteArray state = s.value(kState).toByteArray();
    if (!geometry.isEmpty() && !m_window->restoreGeometry(geometry))
        m_window->restoreGeometry(m_defaultGeometry);
    // A state of another layout version is someone else's: the default.
    const bool applied = applyState(s.value(kVersion).toInt() == STATE_VERSION ? state : QByteArray());
    emit layoutApplied(applied);
    return applied;
}

void LayoutManager::save()
{
    if (!m_window)
        return;
    QSettings s(m_fileName, QSettings::IniFormat);
    s.setValue(kGeometry, m_window->saveGeometry());
    s.setValue(kState, m_window->saveState(STATE_VERSION));
    s.setValue(kVersion, STATE_VERSION);
    s.setValue(kCurrent, m_current);
    s.sync();
}

void LayoutManager::resetLayout()
{
    if (!m_window)
        return;
    captureDefault();
    m_window->restoreState(m_defaultState, STATE_VERSION);
    // Docks the default shows are shown again even when a state had closed them.
    m_current.clear();
    scheduleMenuRebuild();
    emit layoutApplied(false);
}

QStringList LayoutManager::workspaceNames() const
{
    QStringList names = QSettings(m_fileName, QSettings::IniFormat).value(kWorkspaces).toMap().keys();
    names.sort(Qt::CaseInsensitive);
    return names;
}

bool LayoutManager::saveWorkspace(const QString &name)
{
    const QString n = name.trimmed();
    if (n.isEmpty() || !m_window)
        return false;
    QSettings s(m_fileName, QSettings::IniFormat);
    QVariantMap map = s.value(kWorkspaces).toMap();
    map.insert(n, m_window->saveState(STATE_VERSION));
    s.setValue(kWorkspaces, map);
    m_current = n;
    s.setValue(kCurrent, m_current);
    s.sync();
    scheduleMenuRebuild();
    emit workspacesChanged();
    return s.status() == QSettings::NoError;
}

bool LayoutManager::loadWorkspace(const QString &name)
{
    if (!m_window)
        return false;
    const QVariantMap map = QSettings(m_fileName, QSettings::IniFormat).value(kWorkspaces).toMap();
    if (!map.contains(name))
        return false;
    captureDefault();
    const QByteArray before = m_window->saveState(STATE_VERSION);
    const QByteArray state = map.value(name).toByteArray();
    if (!state.isEmpty() && m_window->restoreState(state, STATE_VERSION) && anyDockShown()) {
        m_current = name;
        scheduleMenuRebuild();
        emit layoutApplied(true);
        return true;
    }
    // Refused: the arrangement stays as it was.
    m_window->restoreState(before, STATE_VERSION);
    if (!anyDockShown())
        m_window->restoreState(m_defaultState, STATE_VERSION);
    emit layoutApplied(false);
    return false;
}

bool LayoutManager::deleteWorkspace(const QString &name)
{
    QSettings s(m_fileName, QSettings::IniFormat);
    QVariantMap map = s.value(kWorkspaces).toMap();
    if (!map.remove(name))
        return false;
    s.setValue(kWorkspaces, map);
    if (m_current == name) {
        m_current.clear();
        s.setValue(kCurrent, m_current);
    }
    s.sync();
    scheduleMenuRebuild();
    emit workspacesChanged();
    return true;
}

void LayoutManager::installMenu(QMenu *viewMenu)
{
    viewMenu->addSeparator();
    m_workspacesMenu = viewMenu->addMenu(tr("&Workspaces"));
    m_workspacesMenu->setObjectName(QStringLiteral("workspacesMenu"));
    m_workspacesMenu->setAccessibleName(tr("Workspaces"));
    m_reset = viewMenu->addAction(tr("&Reset layout"));
    m_reset->setObjectName(QStringLiteral("actionResetLayout"));
    m_reset->setStatusTip(tr("Put every dock back where it was at first start"));
    connect(m_reset, &QAction::triggered, this, &LayoutManager::resetLayout);
    rebuildMenu();
}

void LayoutManager::scheduleMenuRebuild()
{
    // Later: the action that asked may be the one a rebuild deletes.
    QMetaObject::invokeMethod(this, &LayoutManager::rebuildMenu, Qt::QueuedConnection);
}

void LayoutManager::rebuildMenu()
{
    if (!m_workspacesMenu)
        return;
    m_workspacesMenu->clear();
    QAction *saveAs = m_workspacesMenu->addAction(tr("&Save as…"));
    saveAs->setObjectName(QStringLiteral("actionWorkspaceSaveAs"));
    saveAs->setStatusTip(tr("Keep the docks' arrangement under a name"));
    connect(saveAs, &QAction::triggered, this, [this] {
        const QString name = m_prompt(m_current);
        if (!name.isEmpty())
            saveWorkspace(name);
    });
    const QStringList names = workspaceNames();
    if (!names.isEmpty())
        m_workspacesMenu->addSeparator();
    int index = 0;
    for (const QString &name : names) {
        // The first nine get a number mnemonic.
        const QString text = ++index <= 9 ? QStringLiteral("&%1 %2").arg(index).arg(name) : name;
        QAction *a = m_workspacesMenu->addAction(text);
        a->setObjectName(QStringLiteral("actionWorkspace_") + name);
        a->setCheckable(true);
        a->setChecked(name == m_current);
        a->setStatusTip(tr("Switch to the workspace %1").arg(name));
        connect(a, &QAction::triggered, this, [this, name] { loadWorkspace(name); });
    }
    if (!names.isEmpty()) {
        m_workspacesMenu->addSeparator();
        QMenu *del = m_workspacesMenu->addMenu(tr("&Delete"));
        del->setObjectName(QStringLiteral("workspacesDeleteMenu"));
        for (const QString &name : names) {
            QAction *a = del->addAction(name);
            a->setObjectName(QStringLiteral("actionWorkspaceDelete_") + name);
            a->setStatusTip(tr("Forget the workspace %1").arg(name));
            connect(a, &QAction::triggered, this, [this, name] { deleteWorkspace(name); });
        }
    }
}
