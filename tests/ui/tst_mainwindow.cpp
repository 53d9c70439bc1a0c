// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"
#include "newsdock.h"

#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTranslator>
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
        QCOMPARE(menus,
            QStringList({ QStringLiteral("&File"), QStringLiteral("&View"), QStringLiteral("&Trading"),
                QStringLiteral("T&ools"), QStringLiteral("&Help") }));
        QVERIFY(w.statusBar()->isVisible());
        w.setModeText(QStringLiteral("Demo"));
        QCOMPARE(w.findChild<QLabel *>(QStringLiteral("modeLabel"))->text(), QStringLiteral("Demo"));

        auto *statusToggle = w.findChild<QAction *>(QStringLiteral("actionStatusBar"));
        QVERIFY(statusToggle);
        statusToggle->trigger();
        QVERIFY(!w.statusBar()->isVisible());
    }

    void statusBarShowsModeAndBrokerState()
    {
        MainWindow w;
        auto *mode = w.findChild<QLabel *>(QStringLiteral("modeLabel"));
        auto *conn = w.findChild<QLabel *>(QStringLiteral("connectionLabel"));
        w.showMode(QStringLiteral("demo"));
        QCOMPARE(mode->text(), QStringLiteral("Demo (simulator)"));
        QVERIFY(mode->styleSheet().isEmpty());
        w.showMode(QStringLiteral("live"));
        QCOMPARE(mode->text(), QStringLiteral("LIVE"));
        QVERIFY(mode->styleSheet().contains(QStringLiteral("background")));
        w.showBrokerState(TradingCore::BrokerState::Ready, QStringLiteral("REST and websocket up"));
        QCOMPARE(conn->text(), QStringLiteral("Connected"));
        QCOMPARE(conn->toolTip(), QStringLiteral("REST and websocket up"));
        w.showBrokerState(TradingCore::BrokerState::Failed, QStringLiteral("8001 bad app key"));
        QCOMPARE(conn->text(), QStringLiteral("Connection failed"));
        QCOMPARE(w.statusBar()->currentMessage(), QStringLiteral("8001 bad app key"));
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

    void koreanTranslationIsCompiledIn()
    {
        QTranslator ko;
        QVERIFY(ko.load(QStringLiteral(":/i18n/kiwoom-trader_ko.qm")));
        QCoreApplication::installTranslator(&ko);
        {
            MainWindow w;
            QCOMPARE(w.windowTitle(), QStringLiteral("키움 트레이더"));
            QCOMPARE(w.menuBar()->actions().first()->text(), QStringLiteral("파일(&F)"));
        }
        QCoreApplication::removeTranslator(&ko);
        MainWindow english;
        QCOMPARE(english.windowTitle(), QStringLiteral("Kiwoom Trader"));
    }

    void newsDockIsToggledFromTheViewMenu()
    {
        MainWindow w;
        NewsDock *dock = w.addNewsDock(nullptr);
        QVERIFY(dock);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto *toggle = w.findChild<QAction *>(QStringLiteral("actionNewsDock"));
        QVERIFY(toggle);
        QVERIFY(w.viewMenu()->actions().contains(toggle));
        QCOMPARE(toggle->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
        QVERIFY(dock->isVisible());
        toggle->trigger();
        QVERIFY(!dock->isVisible());
        toggle->trigger();
        QVERIFY(dock->isVisible());
        QVERIFY(!dock->accessibleName().isEmpty());
        // Without a core the dock says so instead of failing silently.
        QVERIFY(dock->findChild<QLabel *>(QStringLiteral("newsStatusLabel"))
                    ->text()
                    .contains(QStringLiteral("not available")));
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
