// SPDX-License-Identifier: GPL-3.0-or-later
// LayoutManager: the window's arrangement survives a restart (save → a new window → restore),
// named workspaces switch the arrangement, "Reset layout" returns to the default, and a corrupt,
// foreign or all-hidden saved state falls back to the default without crashing.
#include "layoutmanager.h"

#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QToolBar>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

namespace {

// A main window like the app's: three docks by objectName, a toolbar.
std::unique_ptr<QMainWindow> makeWindow()
{
    auto w = std::make_unique<QMainWindow>();
    w->setObjectName(QStringLiteral("MainWindow"));
    w->setCentralWidget(new QLabel(QStringLiteral("centre")));
    w->addToolBar(QStringLiteral("main"))->setObjectName(QStringLiteral("mainToolBar"));
    const QList<QPair<QString, Qt::DockWidgetArea>> docks { { QStringLiteral("alphaDock"), Qt::LeftDockWidgetArea },
        { QStringLiteral("betaDock"), Qt::RightDockWidgetArea },
        { QStringLiteral("gammaDock"), Qt::BottomDockWidgetArea } };
    for (const auto &[name, area] : docks) {
        auto *d = new QDockWidget(name, w.get());
        d->setObjectName(name);
        d->setWidget(new QLabel(name));
        w->addDockWidget(area, d);
    }
    w->resize(900, 600);
    return w;
}

QDockWidget *dock(QMainWindow &w, const QString &name)
{
    return w.findChild<QDockWidget *>(name);
}

} // namespace

class TestLayoutManager final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_file = m_dir->filePath(QStringLiteral("kiwoom-trader-layout.ini"));
    }

    void theFileLivesNextToTheSettings()
    {
        QCOMPARE(LayoutManager::layoutFileFor(QStringLiteral("/x/y/kiwoom-trader.ini")),
            QStringLiteral("/x/y/kiwoom-trader-layout.ini"));
        QVERIFY(LayoutManager::layoutFileFor(QString()).endsWith(QStringLiteral("kiwoom-trader-layout.ini")));
    }

    void saveAndRestoreRoundTrip()
    {
        {
            auto w = makeWindow();
            LayoutManager layouts(w.get(), m_file);
            layouts.watch();
            w->show(); // restores: nothing saved yet
            QVERIFY(QTest::qWaitForWindowExposed(w.get()));
            QCOMPARE(w->dockWidgetArea(dock(*w, QStringLiteral("betaDock"))), Qt::RightDockWidgetArea);
            w->addDockWidget(Qt::LeftDockWidgetArea, dock(*w, QStringLiteral("betaDock")));
            dock(*w, QStringLiteral("gammaDock"))->hide();
            w->resize(1000, 700);
            w->close(); // saves
        }
        QVERIFY(QFile::exists(m_file));

        auto w = makeWindow();
        LayoutManager layouts(w.get(), m_file);
        QSignalSpy applied(&layouts, &LayoutManager::layoutApplied);
        layouts.watch();
        w->show();
        QCOMPARE(applied.count(), 1);
        QCOMPARE(applied.at(0).at(0).toBool(), true);
        QCOMPARE(w->dockWidgetArea(dock(*w, QStringLiteral("betaDock"))), Qt::LeftDockWidgetArea);
        QVERIFY(dock(*w, QStringLiteral("gammaDock"))->isHidden());
        QVERIFY(!dock(*w, QStringLiteral("alphaDock"))->isHidden());
        QCOMPARE(w->size(), QSize(1000, 700));

        // Reset: the arrangement the window had before the restore.
        layouts.resetLayout();
        QCOMPARE(w->dockWidgetArea(dock(*w, QStringLiteral("betaDock"))), Qt::RightDockWidgetArea);
        QVERIFY(!dock(*w, QStringLiteral("gammaDock"))->isHidden());
    }

    void namedWorkspacesSwitch()
    {
        auto w = makeWindow();
        LayoutManager layouts(w.get(), m_file);
        QMenu view(QStringLiteral("View"));
        layouts.installMenu(&view);
        w->show();
        layouts.restore();

        dock(*w, QStringLiteral("gammaDock"))->hide();
        QVERIFY(layouts.saveWorkspace(QStringLiteral("Quiet")));
        dock(*w, QStringLiteral("gammaDock"))->show();
        w->addDockWidget(Qt::LeftDockWidgetArea, dock(*w, QStringLiteral("betaDock")));
        QVERIFY(layouts.saveWorkspace(QStringLiteral("Busy / charts")));
        QCOMPARE(layouts.workspaceNames(), QStringList({ QStringLiteral("Busy / charts"), QStringLiteral("Quiet") }));
        QCOMPARE(layouts.currentWorkspace(), QStringLiteral("Busy / charts"));
        QVERIFY(!layouts.saveWorkspace(QStringLiteral("  ")));

        QVERIFY(layouts.loadWorkspace(QStringLiteral("Quiet")));
        QVERIFY(dock(*w, QStringLiteral("gammaDock"))->isHidden());
        QCOMPARE(w->dockWidgetArea(dock(*w, QStringLiteral("betaDock"))), Qt::RightDockWidgetArea);
        QVERIFY(layouts.loadWorkspace(QStringLiteral("Busy / charts")));
        QVERIFY(!dock(*w, QStringLiteral("gammaDock"))->isHidden());
        QCOMPARE(w->dockWidgetArea(dock(*w, QStringLiteral("betaDock"))), Qt::LeftDockWidgetArea);
        QVERIFY(!layouts.loadWorkspace(QStringLiteral("nope")));

        // The menu lists them (rebuilt on the next event-loop turn) and switches by its actions.
        QAction *quiet = nullptr;
        QTRY_VERIFY((quiet = view.findChild<QAction *>(QStringLiteral("actionWorkspace_Quiet"))) != nullptr);
        quiet->trigger();
        QVERIFY(dock(*w, QStringLiteral("gammaDock"))->isHidden());
        QVERIFY(view.findChild<QAction *>(QStringLiteral("actionResetLayout")));
        view.findChild<QAction *>(QStringLiteral("actionResetLayout"))->trigger();
        QVERIFY(!dock(*w, QStringLiteral("gammaDock"))->isHidden());

        // Saved names survive a new manager; Delete forgets one.
        LayoutManager again(w.get(), m_file);
        QCOMPARE(again.workspaceNames().size(), 2);
        QVERIFY(again.deleteWorkspace(QStringLiteral("Quiet")));
        QVERIFY(!again.deleteWorkspace(QStringLiteral("Quiet")));
        QCOMPARE(again.workspaceNames(), QStringList({ QStringLiteral("Busy / charts") }));

        // Save as… asks for the name.
        layouts.setNamePrompt([](const QString &) { return QStringLiteral("Evening"); });
        QAction *saveAs = nullptr;
        QTRY_VERIFY((saveAs = view.findChild<QAction *>(QStringLiteral("actionWorkspaceSaveAs"))) != nullptr);
        saveAs->trigger();
        QVERIFY(layouts.workspaceNames().contains(QStringLiteral("Evening")));
    }

    void aCorruptStateFallsBackToTheDefault_data()
    {
        QTest::addColumn<QByteArray>("state");
        QTest::addColumn<int>("version");
        QTest::newRow("garbage") << QByteArray::fromHex("00ff6e6f742061207374617465000000ff1337") << 1;
        QTest::newRow("truncated") << QByteArray() << 1;
        QTest::newRow("another layout version") << QByteArray() << 99;
        QTest::newRow("every dock hidden") << QByteArray() << 1;
    }
    void aCorruptStateFallsBackToTheDefault()
    {
        QFETCH(QByteArray, state);
        QFETCH(int, version);
        const QString row = QString::fromLatin1(QTest::currentDataTag());
        {
            // A real state to start from (for the truncated, version and hidden rows).
            auto w = makeWindow();
            w->show();
            if (row == u"every dock hidden") {
                for (QDockWidget *d : w->findChildren<QDockWidget *>())
                    d->hide();
            }
            const QByteArray real = w->saveState(LayoutManager::STATE_VERSION);
            if (row == u"truncated")
                state = real.left(real.size() / 2);
            else if (state.isEmpty())
                state = real;
            QSettings s(m_file, QSettings::IniFormat);
            s.setValue(QStringLiteral("window/state"), state);
            s.setValue(QStringLiteral("window/version"), version);
            s.setValue(QStringLiteral("window/geometry"), QByteArray("broken geometry"));
        }
        auto w = makeWindow();
        LayoutManager layouts(w.get(), m_file);
        layouts.watch();
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w.get()));
        for (const QString &name :
            { QStringLiteral("alphaDock"), QStringLiteral("betaDock"), QStringLiteral("gammaDock") })
            QVERIFY2(!dock(*w, name)->isHidden(), qPrintable(name));
        QCOMPARE(w->dockWidgetArea(dock(*w, QStringLiteral("betaDock"))), Qt::RightDockWidgetArea);
        // The next close writes a good state over the bad one.
        w->close();
        auto w2 = makeWindow();
        LayoutManager again(w2.get(), m_file);
        QVERIFY(again.restore());
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_file;
};

QTEST_MAIN(TestLayoutManager)
#include "tst_layoutmanager.moc"
