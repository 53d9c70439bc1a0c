// SPDX-License-Identifier: GPL-3.0-or-later
// The Record toggle (issue 12) in the main window against a real demo core: the "Record market
// data" action (Tools menu, toolbar, Ctrl+Alt+R, no other action on that shortcut) switches
// record/enabled through the gateway, the recorder starts and a day file appears in the data
// folder's recordings, the account bar shows REC; a switch from elsewhere (the control API's path,
// actor "api") is reflected in the action and the REC indicator.
#include "uicorerig.h"

#include "mainwindow.h"
#include "recordtoggle.h"

#include "chartdata.h"
#include "common/settings.h"
#include "recorder/marketrecorder.h"

#include <QAction>
#include <QDir>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QToolBar>

class TestRecordToggle final : public QObject
{
    Q_OBJECT

private:
    // record/enabled as the core has it (read on the core's thread).
    static bool settingOn(UiCoreRig &rig)
    {
        std::optional<bool> on;
        rig.gw()->read(
            rig.gw(), [](TradingCore &core) { return core.settings().recordEnabled(); }, [&](bool v) { on = v; });
        if (!QTest::qWaitFor([&] { return on.has_value(); }, 10000))
            return false;
        return *on;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void toggleRecordsIntoTheDataFolder()
    {
        UiCoreRig rig;
        QVERIFY(rig.ok());
        QVERIFY(rig.waitReady());
        MainWindow window(rig.gw());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        auto *toggle = window.findChild<RecordToggle *>(QStringLiteral("recordToggle"));
        QVERIFY(toggle);
        QAction *action = toggle->action();
        QCOMPARE(action, window.findChild<QAction *>(QStringLiteral("actionRecordMarketData")));
        QVERIFY(action->isCheckable());
        QVERIFY(!action->statusTip().isEmpty());
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_R));
        for (QAction *other : window.findChildren<QAction *>()) {
            if (other != action)
                QVERIFY2(other->shortcut() != action->shortcut(), qPrintable(other->objectName()));
        }
        auto *tools = window.menuBar()->findChild<QMenu *>(QStringLiteral("toolsMenu"));
        QVERIFY(tools && tools->actions().contains(action));
        auto *toolBar = window.findChild<QToolBar *>(QStringLiteral("mainToolBar"));
        QWidget *button = toolBar->widgetForAction(action);
        QVERIFY(button);
        QVERIFY(!button->accessibleName().isEmpty());

        // Off at first (the setting's default), and no REC.
        QTRY_VERIFY(!toggle->status().isEmpty());
        QVERIFY(!action->isChecked());
        auto *rec = window.findChild<QLabel *>(QStringLiteral("accountRecording"));
        QVERIFY(rec);
        QVERIFY(!rec->isVisible());

        // On: the setting, the recorder and REC.
        action->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(toggle->status().value(QStringLiteral("recording")).toBool(), 10000);
        QVERIFY(action->isChecked());
        QVERIFY(settingOn(rig));
        QTRY_VERIFY_WITH_TIMEOUT(rec->isVisible(), 10000);
        QVERIFY(!rec->accessibleName().isEmpty());

        // What the broker sends lands in <data-dir>/recordings/<day>.ktrec: a chart load asks for
        // candles (ka10081), and the demo's realtime frames flow too.
        ChartDataLoader loader(rig.gw());
        bool loaded = false;
        loader.load({ QStringLiteral("000660"), CandleInterval::Day, 50 }, [&](const auto &) { loaded = true; });
        QTRY_VERIFY_WITH_TIMEOUT(loaded, 30000);
        bool flushed = false;
        rig.gw()->read(
            rig.gw(),
            [](TradingCore &core) {
                if (core.recorder())
                    core.recorder()->flush();
                return true;
            },
            [&](bool) { flushed = true; });
        QTRY_VERIFY_WITH_TIMEOUT(flushed, 10000);
        const QDir recordings(rig.dir.filePath(QStringLiteral("recordings")));
        QTRY_VERIFY_WITH_TIMEOUT(!recordings.entryList({ QStringLiteral("*.ktrec") }, QDir::Files).isEmpty(), 10000);
        const QString file = recordings.filePath(recordings.entryList({ QStringLiteral("*.ktrec") }).first());
        QVERIFY(QFileInfo(file).size() > 0);

        // Off from elsewhere (the control API's path): the action and REC follow.
        std::optional<bool> switched;
        rig.gw()->read(
            rig.gw(), [](TradingCore &core) { return core.setRecordEnabled(false, QStringLiteral("api")).ok(); },
            [&](bool ok) { switched = ok; });
        QTRY_VERIFY(switched.has_value());
        QVERIFY(*switched);
        QTRY_VERIFY_WITH_TIMEOUT(!action->isChecked(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!rec->isVisible(), 10000);
        QVERIFY(!settingOn(rig));

        // And on again with the keyboard.
        window.activateWindow();
        QTest::keyClick(&window, Qt::Key_R, Qt::ControlModifier | Qt::AltModifier);
        QTRY_VERIFY_WITH_TIMEOUT(action->isChecked(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(settingOn(rig), 10000);
    }
};

QTEST_MAIN(TestRecordToggle)
#include "tst_recordtoggle.moc"
