// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QtTest>

class TestMainWindow final : public QObject
{
    Q_OBJECT

private slots:
    void shellHasTitleMenusAndStatusBar()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.windowTitle(), QStringLiteral("Kiwoom Trader"));
        QStringList menus;
        for (QAction *a : w.menuBar()->actions())
            menus << a->text();
        QCOMPARE(menus, QStringList({ QStringLiteral("&File"), QStringLiteral("&View"), QStringLiteral("&Help") }));
        QVERIFY(w.statusBar()->isVisible());
        w.setModeText(QStringLiteral("Demo"));
        QCOMPARE(w.findChild<QLabel *>(QStringLiteral("modeLabel"))->text(), QStringLiteral("Demo"));

        auto *statusToggle = w.findChild<QAction *>(QStringLiteral("actionStatusBar"));
        QVERIFY(statusToggle);
        statusToggle->trigger();
        QVERIFY(!w.statusBar()->isVisible());
    }

    void aboutDialogShowsTheVersion()
    {
        MainWindow w;
        w.show();
        w.findChild<QAction *>(QStringLiteral("actionAbout"))->trigger();
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = w.findChild<QMessageBox *>(QStringLiteral("aboutDialog"))) != nullptr);
        QVERIFY(box->text().contains(QStringLiteral(KT_VERSION)));
        box->accept();
    }

    void quitClosesTheWindow()
    {
        MainWindow w;
        w.show();
        w.findChild<QAction *>(QStringLiteral("actionQuit"))->trigger();
        QVERIFY(!w.isVisible());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
