// SPDX-License-Identifier: GPL-3.0-or-later
// TrayIcon against a real demo core (UiCoreRig). The offscreen platform has no system tray, so the
// menu is driven directly: its actions exist without an icon. Start/Stop monitoring change the
// service status the core reports, the kill switch engages CANCEL_ALL in the risk status, Quit asks
// when positions or orders are open, and the core's events become notifications that the ui/notify*
// settings switch off. The main window has Tools > Settings… (Ctrl+,) and opens the dialog.
#include "uicorerig.h"

#include "mainwindow.h"
#include "settingsdialog.h"
#include "trayicon.h"

#include "common/settings.h"
#include "storage/positionrepository.h"
#include "trading/eventfeed.h"
#include "trading/killswitch.h"
#include "trading/ordermanager.h"
#include "trading/tradingcommands.h"

#include <QAction>
#include <QJsonArray>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>

#include <optional>

namespace {

template<typename Fn> auto readNow(CoreGateway *gw, Fn fn)
{
    using R = std::invoke_result_t<Fn, TradingCore &>;
    std::optional<R> out;
    gw->read(gw, std::move(fn), [&](R r) { out = std::move(r); });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 10000))
        qWarning("no answer from the core");
    return out.value_or(R {});
}

bool monitoringRunning(CoreGateway *gw)
{
    return readNow(gw, [](TradingCore &c) {
        if (!c.engine())
            return false;
        const QJsonArray services = c.engine()->commands().serviceStatus().value(QStringLiteral("services")).toArray();
        for (const QJsonValue &v : services) {
            if (v.toObject().value(QStringLiteral("name")).toString() == u"monitoring")
                return v.toObject().value(QStringLiteral("running")).toBool();
        }
        return false;
    });
}

QString killSwitchMode(CoreGateway *gw)
{
    return readNow(gw, [](TradingCore &c) {
        return c.engine() ? c.engine()->status().value(QStringLiteral("kill_switch")).toString() : QString();
    });
}

QJsonObject coreEvent(const QString &type, const QJsonObject &data)
{
    return QJsonObject { { QStringLiteral("seq"), 1 }, { QStringLiteral("type"), type }, { QStringLiteral("time"), 0 },
        { QStringLiteral("data"), data } };
}

} // namespace

class TestTrayIcon final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qputenv("KT_NO_KEYCHAIN", "1"); // the settings dialog opened from the menu: never the user's keychain
    }

    void menuActionsCallTheCore()
    {
        UiCoreRig rig;
        QVERIFY(rig.ok());
        QVERIFY(rig.waitReady());
        QWidget window;
        TrayIcon tray(rig.gw(), &window);
        QVERIFY(tray.menu()->actions().contains(tray.startMonitoringAction()));
        QVERIFY(tray.menu()->actions().contains(tray.killSwitchAction()));
        QVERIFY(tray.menu()->actions().contains(tray.quitAction()));

        // The demo starts every service: Stop is offered, Start is not.
        QTRY_VERIFY_WITH_TIMEOUT(monitoringRunning(rig.gw()), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(tray.stopMonitoringAction()->isEnabled(), 10000);
        QVERIFY(!tray.startMonitoringAction()->isEnabled());

        QSignalSpy done(&tray, &TrayIcon::commandDone);
        tray.stopMonitoringAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 10000);
        QVERIFY2(done.at(0).at(0).toBool(), qPrintable(done.at(0).at(1).toString()));
        QVERIFY(!monitoringRunning(rig.gw()));
        QTRY_VERIFY(tray.startMonitoringAction()->isEnabled());

        tray.startMonitoringAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 2, 10000);
        QVERIFY(done.at(1).at(0).toBool());
        QVERIFY(monitoringRunning(rig.gw()));

        // The kill switch: the core's risk status says CANCEL_ALL, and a notification follows the
        // core's own kill_switch event.
        QSignalSpy notified(&tray, &TrayIcon::notified);
        tray.killSwitchAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 3, 10000);
        QVERIFY2(done.at(2).at(0).toBool(), qPrintable(done.at(2).at(1).toString()));
        QCOMPARE(killSwitchMode(rig.gw()), QStringLiteral("CANCEL_ALL"));
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const auto &args : notified) {
                    if (args.at(0).value<TrayIcon::Kind>() == TrayIcon::Kind::KillSwitch)
                        return true;
                }
                return false;
            }(),
            10000);
    }

    void showHideTogglesTheWindow()
    {
        QWidget window;
        TrayIcon tray(nullptr, &window);
        QVERIFY(!tray.startMonitoringAction()->isEnabled()); // no core, no verbs
        tray.showHideAction()->trigger();
        QVERIFY(window.isVisible());
        QVERIFY(tray.showHideAction()->text().contains(QStringLiteral("Hide")));
        tray.showHideAction()->trigger();
        QVERIFY(!window.isVisible());
        QVERIFY(tray.showHideAction()->text().contains(QStringLiteral("Show")));
    }

    void quitAsksWhileOrdersOrPositionsAreOpen()
    {
        UiCoreRig rig;
        QVERIFY(rig.ok());
        QVERIFY(rig.waitReady());
        QWidget window;
        TrayIcon tray(rig.gw(), &window);
        QSignalSpy quit(&tray, &TrayIcon::quitConfirmed);

        // A manual buy: the position (or the working order) must stop a plain quit.
        std::optional<Result<QJsonObject>> bought;
        rig.gw()->command(
            rig.gw(),
            [](TradingCommands &c) {
                TradingCommands::BuyCommand b;
                b.code = TradingCore::defaultWatchCodes().value(0);
                b.quantity = 1;
                b.type = Trading::OrderType::Market;
                return c.buy(b, CoreGateway::actor());
            },
            [&](const Result<QJsonObject> &r) { bought = r; });
        QTRY_VERIFY_WITH_TIMEOUT(bought.has_value(), 10000);
        QVERIFY2(bought->ok(), qPrintable(bought->ok() ? QString() : bought->error().message));

        // Once the buy is an order or a position, Quit asks.
        const auto openCount = [&] {
            return readNow(rig.gw(), [](TradingCore &c) {
                auto active = PositionRepository(*c.database()).listActive();
                const int positions = active ? int(active->size()) : 0;
                return positions + (c.engine() ? int(c.engine()->orders().openOrders().size()) : 0);
            });
        };
        QTRY_VERIFY_WITH_TIMEOUT(openCount() > 0, 30000);
        tray.requestQuit();
        QTRY_VERIFY_WITH_TIMEOUT(tray.quitDialog(), 10000);
        QCOMPARE(quit.count(), 0);
        QVERIFY(tray.quitDialog()->text().contains(QStringLiteral("open")));
        tray.quitDialog()->findChild<QPushButton *>(QStringLiteral("quitCancelButton"))->click();
        QTRY_VERIFY(!tray.quitDialog());
        QCOMPARE(quit.count(), 0);

        tray.quitAction()->trigger();
        QTRY_VERIFY(tray.quitDialog());
        tray.quitDialog()->findChild<QPushButton *>(QStringLiteral("quitConfirmButton"))->click();
        QTRY_COMPARE(quit.count(), 1);
    }

    void quitWithNothingOpenNeedsNoConfirmation()
    {
        UiCoreRig rig({ { QStringLiteral("sim/speed"), 1 } }, { QStringLiteral("stoploss") });
        QVERIFY(rig.ok());
        QWidget window;
        TrayIcon tray(rig.gw(), &window);
        // Before the engine has traded anything there is nothing open.
        const int open = readNow(
            rig.gw(), [](TradingCore &c) { return c.engine() ? int(c.engine()->orders().openOrders().size()) : 0; });
        if (open > 0)
            QSKIP("the demo already has open orders");
        QSignalSpy quit(&tray, &TrayIcon::quitConfirmed);
        tray.requestQuit();
        QTRY_VERIFY_WITH_TIMEOUT(quit.count() == 1 || tray.quitDialog(), 10000);
        if (tray.quitDialog())
            QSKIP("the demo account holds positions from its seed");
        QCOMPARE(quit.count(), 1);
    }

    void eventsBecomeNotificationsPerKind()
    {
        UiCoreRig rig;
        QVERIFY(rig.ok());
        QWidget window;
        TrayIcon tray(rig.gw(), &window);
        QSignalSpy notified(&tray, &TrayIcon::notified);
        const QJsonObject sell { { QStringLiteral("id"), 41 }, { QStringLiteral("side"), QStringLiteral("SELL") },
            { QStringLiteral("stock_code"), QStringLiteral("005930") },
            { QStringLiteral("stock_name"), QStringLiteral("삼성전자") },
            { QStringLiteral("origin"), QStringLiteral("stop_loss") },
            { QStringLiteral("state"), QStringLiteral("FILLED") } };
        tray.handleEvent(coreEvent(QStringLiteral("fill"),
            { { QStringLiteral("order"), sell },
                { QStringLiteral("execution"),
                    QJsonObject { { QStringLiteral("quantity"), 10 }, { QStringLiteral("price"), 70000 } } } }));
        tray.handleEvent(coreEvent(QStringLiteral("position_closed"),
            { { QStringLiteral("stock_code"), QStringLiteral("005930") },
                { QStringLiteral("stock_name"), QStringLiteral("삼성전자") },
                { QStringLiteral("realized_profit_loss"), -21000 } }));
        QJsonObject rejected = sell;
        rejected.insert(QStringLiteral("id"), 42);
        rejected.insert(QStringLiteral("side"), QStringLiteral("BUY"));
        rejected.insert(QStringLiteral("state"), QStringLiteral("REJECTED"));
        rejected.insert(QStringLiteral("reject_reason"), QStringLiteral("주문가능금액 부족"));
        tray.handleEvent(coreEvent(QStringLiteral("order"), rejected));
        tray.handleEvent(coreEvent(QStringLiteral("order"), rejected)); // the same rejection once
        tray.handleEvent(coreEvent(QStringLiteral("order"), sell)); // not a rejection
        tray.handleEvent(coreEvent(QStringLiteral("broker"),
            { { QStringLiteral("state"), QStringLiteral("Degraded") },
                { QStringLiteral("detail"), QStringLiteral("realtime reconnecting") } }));
        tray.handleEvent(coreEvent(QStringLiteral("broker"), { { QStringLiteral("state"), QStringLiteral("Ready") } }));

        QCOMPARE(notified.count(), 5);
        QCOMPARE(notified.at(0).at(0).value<TrayIcon::Kind>(), TrayIcon::Kind::Fill);
        QVERIFY(notified.at(0).at(1).toString().contains(QStringLiteral("삼성전자")));
        QCOMPARE(notified.at(1).at(0).value<TrayIcon::Kind>(), TrayIcon::Kind::Exit);
        QVERIFY2(notified.at(1).at(1).toString().contains(QStringLiteral("Stop-loss")),
            qPrintable(notified.at(1).at(1).toString()));
        QVERIFY(notified.at(1).at(2).toString().contains(QStringLiteral("-21,000")));
        QCOMPARE(notified.at(2).at(0).value<TrayIcon::Kind>(), TrayIcon::Kind::Rejection);
        QVERIFY(notified.at(2).at(2).toString().contains(QStringLiteral("주문가능금액")));
        QCOMPARE(notified.at(3).at(0).value<TrayIcon::Kind>(), TrayIcon::Kind::Broker);
        QCOMPARE(notified.at(4).at(0).value<TrayIcon::Kind>(), TrayIcon::Kind::Broker);

        // Switched off in Settings (as the dialog saves it: on the core's thread, then "settings").
        readNow(rig.gw(), [](TradingCore &c) {
            const bool ok = c.settings().setValue(QStringLiteral("ui/notifyFills"), false).ok();
            c.eventFeed()->touch({ QStringLiteral("settings") });
            return ok;
        });
        QTRY_VERIFY_WITH_TIMEOUT(!tray.notificationEnabled(TrayIcon::Kind::Fill), 10000);
        notified.clear();
        tray.handleEvent(coreEvent(QStringLiteral("fill"),
            { { QStringLiteral("order"), sell },
                { QStringLiteral("execution"),
                    QJsonObject { { QStringLiteral("quantity"), 1 }, { QStringLiteral("price"), 70000 } } } }));
        QCOMPARE(notified.count(), 0);
    }

    void closeHintOnceAndNoIconMeansCloseQuits()
    {
        UiCoreRig rig;
        QVERIFY(rig.ok());
        QWidget window;
        TrayIcon tray(rig.gw(), &window);
        if (!tray.hasIcon())
            QVERIFY(!tray.keepsRunningOnClose()); // no tray: closing the window quits as usual
        QTRY_VERIFY(readNow(rig.gw(), [](TradingCore &) { return true; }));
        QVERIFY(tray.showCloseHint());
        QVERIFY(!tray.showCloseHint());
        QTRY_VERIFY_WITH_TIMEOUT(
            readNow(rig.gw(),
                [](TradingCore &c) { return c.settings().value(QStringLiteral("ui/trayHintShown")).toBool(); }),
            10000);
        // A second tray (the next start) does not show it again.
        TrayIcon next(rig.gw(), &window);
        QTRY_VERIFY_WITH_TIMEOUT(!next.showCloseHint(), 10000);
    }

    void mainWindowHasTheSettingsEntryAndTheTray()
    {
        UiCoreRig rig;
        QVERIFY(rig.ok());
        MainWindow window(rig.gw());
        QVERIFY(window.trayIcon());
        auto *settings = window.findChild<QAction *>(QStringLiteral("actionSettings"));
        QVERIFY(settings);
        QVERIFY(window.toolsMenu()->actions().contains(settings));
        QCOMPARE(settings->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Comma));
        window.show();
        settings->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(window.findChild<SettingsDialog *>(QStringLiteral("settingsDialog")), 10000);
        auto *dialog = window.findChild<SettingsDialog *>(QStringLiteral("settingsDialog"));
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isLoaded(), 15000);
        dialog->reject();
        // Without a system tray (offscreen) closing the window closes it.
        if (!window.trayIcon()->hasIcon()) {
            QVERIFY(window.close());
            QVERIFY(!window.isVisible());
        }
    }
};

QTEST_MAIN(TestTrayIcon)
#include "tst_trayicon.moc"
