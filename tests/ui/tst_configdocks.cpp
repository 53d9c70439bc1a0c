// SPDX-License-Identifier: GPL-3.0-or-later
// The docks that configure automated trading, against a real demo core (UiCoreRig): the
// Conditions dock lists the simulator's conditions and its checkbox changes them in the core; the
// Strategies dock's parameter editor refuses a bad value (message next to the field, nothing
// stored) and stores a good one; the Watchlist dock's add/remove reach the core and show; the
// service actions start and stop services; the kill switch engages (with confirmation where
// asked) and resumes. Every value is read back through the gateway, as the UI would.
#include "uicorerig.h"

#include "checkabletablemodel.h"
#include "conditionsdock.h"
#include "mainwindow.h"
#include "servicecontrols.h"
#include "strategiesdock.h"
#include "watchlistdock.h"

#include "services/servicecontroller.h"
#include "storage/conditionrepository.h"
#include "storage/strategyrepository.h"
#include "storage/watchlistrepository.h"
#include "trading/killswitch.h"
#include "trading/tradingengine.h"

#include <QAbstractButton>
#include <QAction>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QSpinBox>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>

namespace {

// Reads a value on the core's thread and waits for it (the test's own read, as a dock's).
template<typename Fn> auto readCore(CoreGateway *gw, Fn fn)
{
    using R = std::invoke_result_t<Fn, TradingCore &>;
    std::optional<R> value;
    gw->read(gw, std::move(fn), [&](R r) { value = std::move(r); });
    if (!QTest::qWaitFor([&] { return value.has_value(); }, 10000))
        qFatal("core read timed out");
    return *value;
}

int rowOf(const JsonTableModel *model, const QString &key, const QString &value)
{
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->row(r).value(key).toString() == value)
            return r;
    }
    return -1;
}

} // namespace

class TestConfigDocks final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_rig = std::make_unique<UiCoreRig>();
        QVERIFY2(m_rig->ok(), qPrintable(m_rig->ok() ? QString() : m_rig->startStatus.error().message));
        QVERIFY(m_rig->waitReady());
    }
    void cleanupTestCase() { m_rig.reset(); }

    void conditionsAreListedFromTheSimulator()
    {
        ConditionsDock dock(m_rig->gw());
        QCOMPARE(dock.objectName(), QStringLiteral("conditionsDock"));
        QTRY_VERIFY_WITH_TIMEOUT(dock.model()->rowCount() >= 3, 30000);
        for (const QString &name : { QStringLiteral("거래량급증"), QStringLiteral("상승률5%이상") })
            QVERIFY2(rowOf(dock.model(), QStringLiteral("condition_name"), name) >= 0, qPrintable(name));
        // Columns: id, name, auto-trade checkbox, last run, stocks, hits today, realtime.
        QCOMPARE(dock.model()->columnCount(), 7);
        QVERIFY(dock.model()->flags(dock.model()->index(0, 2)) & Qt::ItemIsUserCheckable);
        QVERIFY(!dock.view()->accessibleName().isEmpty());
    }

    void togglingAConditionChangesItInTheCore()
    {
        ConditionsDock dock(m_rig->gw());
        QTRY_VERIFY_WITH_TIMEOUT(dock.model()->rowCount() >= 3, 30000);
        const QString name = QStringLiteral("시가돌파양봉");
        const int r = rowOf(dock.model(), QStringLiteral("condition_name"), name);
        QVERIFY(r >= 0);
        const bool before = dock.model()->row(r).value(QStringLiteral("is_enabled")).toBool();
        const QModelIndex box = dock.model()->index(r, dock.model()->checkColumn());
        QCOMPARE(box.data(Qt::CheckStateRole).toInt(), int(before ? Qt::Checked : Qt::Unchecked));

        auto storedEnabled = [&] {
            return readCore(m_rig->gw(), [name](TradingCore &core) {
                const auto c = ConditionRepository(*core.database()).findByName(name);
                return c && *c ? int(c->value().enabled) : -1;
            });
        };
        QCOMPARE(storedEnabled(), int(before));
        QVERIFY(!dock.model()->setData(box, before ? Qt::Unchecked : Qt::Checked, Qt::CheckStateRole));
        QTRY_COMPARE_WITH_TIMEOUT(storedEnabled(), int(!before), 10000);
        // The dock shows what the core now holds.
        QTRY_COMPARE_WITH_TIMEOUT(dock.model()
                                      ->row(rowOf(dock.model(), QStringLiteral("condition_name"), name))
                                      .value(QStringLiteral("is_enabled"))
                                      .toBool(),
            !before, 10000);
        // And back.
        QVERIFY(!dock.model()->setData(dock.model()->index(rowOf(dock.model(), QStringLiteral("condition_name"), name),
                                           dock.model()->checkColumn()),
            before ? Qt::Checked : Qt::Unchecked, Qt::CheckStateRole));
        QTRY_COMPARE_WITH_TIMEOUT(storedEnabled(), int(before), 10000);
    }

    void strategyParametersAreValidated()
    {
        StrategiesDock dock(m_rig->gw());
        QCOMPARE(dock.objectName(), QStringLiteral("strategiesDock"));
        QTRY_VERIFY_WITH_TIMEOUT(dock.model()->rowCount() >= 7, 20000);
        dock.selectType(QStringLiteral("rsi"));
        QCOMPARE(dock.currentType(), QStringLiteral("rsi"));
        auto stored = [&] {
            return readCore(m_rig->gw(), [](TradingCore &core) {
                const auto rows = StrategyRepository(*core.database()).list();
                for (const Storage::TradingStrategyRecord &r : rows.value()) {
                    if (r.strategyType == u"rsi")
                        return r.parameters;
                }
                return QJsonObject();
            });
        };
        const QJsonObject before = stored();
        QVERIFY(!before.isEmpty());

        auto *period = qobject_cast<QSpinBox *>(dock.field(QStringLiteral("period")));
        auto *oversold = qobject_cast<QDoubleSpinBox *>(dock.field(QStringLiteral("oversold")));
        auto *overbought = qobject_cast<QDoubleSpinBox *>(dock.field(QStringLiteral("overbought")));
        QVERIFY(period && oversold && overbought);
        // The spin boxes carry the valid ranges of the specs.
        QCOMPARE(period->minimum(), 2);
        QCOMPARE(period->maximum(), 1000);
        QCOMPARE(period->value(), before.value(QStringLiteral("period")).toInt());

        // Bad: oversold above overbought. A message next to the field; Apply is refused by the core.
        overbought->setValue(60);
        oversold->setValue(80);
        QVERIFY(!dock.fieldMessage(QStringLiteral("oversold")).isEmpty());
        QSignalSpy applied(&dock, &StrategiesDock::applied);
        dock.findChild<QAbstractButton *>(QStringLiteral("strategyApply"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(applied.count(), 1, 10000);
        QCOMPARE(applied.at(0).at(0).toBool(), false);
        QVERIFY(applied.at(0).at(1).toString().contains(QStringLiteral("oversold")));
        QVERIFY(!dock.fieldMessage(QStringLiteral("oversold")).isEmpty());
        QVERIFY(!dock.statusText().isEmpty());
        QCOMPARE(stored(), before);

        // Good: stored, and the editor shows it.
        oversold->setValue(25);
        overbought->setValue(75);
        period->setValue(21);
        QVERIFY(dock.fieldMessage(QStringLiteral("oversold")).isEmpty());
        dock.apply();
        QTRY_COMPARE_WITH_TIMEOUT(applied.count(), 2, 10000);
        QVERIFY2(applied.at(1).at(0).toBool(), qPrintable(applied.at(1).at(1).toString()));
        const QJsonObject after = stored();
        QCOMPARE(after.value(QStringLiteral("period")).toInt(), 21);
        QCOMPARE(after.value(QStringLiteral("oversold")).toDouble(), 25.0);
        QCOMPARE(after.value(QStringLiteral("overbought")).toDouble(), 75.0);
    }

    void strategyEnabledCheckboxReachesTheCore()
    {
        StrategiesDock dock(m_rig->gw());
        QTRY_VERIFY_WITH_TIMEOUT(dock.model()->rowCount() >= 7, 20000);
        const int r = dock.model()->rowOfId(QStringLiteral("momentum"));
        QVERIFY(r >= 0);
        const bool before = dock.model()->row(r).value(QStringLiteral("is_enabled")).toBool();
        auto enabled = [&] {
            return readCore(m_rig->gw(), [](TradingCore &core) {
                const auto rows = StrategyRepository(*core.database()).list();
                for (const Storage::TradingStrategyRecord &s : rows.value()) {
                    if (s.strategyType == u"momentum")
                        return int(s.enabled);
                }
                return -1;
            });
        };
        dock.model()->setData(dock.model()->index(r, dock.model()->checkColumn()), before ? Qt::Unchecked : Qt::Checked,
            Qt::CheckStateRole);
        QTRY_COMPARE_WITH_TIMEOUT(enabled(), int(!before), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(dock.model()
                                      ->row(dock.model()->rowOfId(QStringLiteral("momentum")))
                                      .value(QStringLiteral("is_enabled"))
                                      .toBool(),
            !before, 10000);
    }

    void watchlistAddAndRemoveReachTheCore()
    {
        WatchlistDock dock(m_rig->gw());
        QCOMPARE(dock.objectName(), QStringLiteral("watchlistDock"));
        QTRY_VERIFY_WITH_TIMEOUT(dock.model()->rowCount() > 0, 20000);
        const QString code = QStringLiteral("035720");
        auto active = [&] {
            return readCore(m_rig->gw(), [code](TradingCore &core) {
                const auto w = WatchlistRepository(*core.database()).findByCode(code);
                return w && *w && w->value().active;
            });
        };
        QVERIFY(!active());
        // A bad code is refused in the dock, nothing is sent.
        dock.addCode(QStringLiteral("12AB"));
        QVERIFY(dock.statusText().contains(QStringLiteral("12AB")));

        QSignalSpy answered(&dock, &WatchlistDock::commandAnswered);
        QTest::keyClicks(dock.codeField(), code);
        // The name, once the core has looked it up (ka10001 from the simulator).
        auto *name = dock.findChild<QLabel *>(QStringLiteral("watchlistCodeName"));
        QTRY_COMPARE_WITH_TIMEOUT(name->text(), QStringLiteral("카카오"), 10000);
        QTest::keyClick(dock.codeField(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(answered.count(), 1, 10000);
        QVERIFY(answered.at(0).at(0).toBool());
        QVERIFY(active());
        QTRY_VERIFY_WITH_TIMEOUT(dock.model()->rowOfId(code) >= 0, 10000);
        QCOMPARE(dock.model()->row(dock.model()->rowOfId(code)).value(QStringLiteral("stock_name")).toString(),
            QStringLiteral("카카오"));

        // Live prices arrive for the watched stocks.
        QTRY_VERIFY_WITH_TIMEOUT(dock.model()->row(0).value(QStringLiteral("price")).toDouble() > 0, 20000);

        // Double-click → stockActivated.
        QSignalSpy activated(&dock, &WatchlistDock::stockActivated);
        const QModelIndex cell = dock.model()->index(dock.model()->rowOfId(code), 0);
        emit dock.view()->activated(cell);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.at(0).at(0).toString(), code);

        // Remove the selected row.
        dock.view()->selectRow(dock.model()->rowOfId(code));
        dock.findChild<QAbstractButton *>(QStringLiteral("watchlistRemove"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(answered.count(), 2, 10000);
        QVERIFY(answered.at(1).at(0).toBool());
        QVERIFY(!active());
        QTRY_COMPARE_WITH_TIMEOUT(dock.model()->rowOfId(code), -1, 10000);
    }

    void serviceActionsStartAndStopServices()
    {
        QMainWindow window;
        auto *menu = window.menuBar()->addMenu(QStringLiteral("Trading"));
        auto *bar = window.addToolBar(QStringLiteral("main"));
        ServiceControls controls(m_rig->gw(), &window, menu, bar);
        QAction *scalping = controls.serviceAction(QStringLiteral("scalping"));
        QVERIFY(scalping);
        QTRY_VERIFY_WITH_TIMEOUT(scalping->isEnabled(), 10000);
        auto running = [&] {
            return readCore(m_rig->gw(), [](TradingCore &core) {
                return core.engine()->services().status(QStringLiteral("scalping")).value().value(u"running").toBool();
            });
        };
        const bool before = running();
        QCOMPARE(scalping->isChecked(), before);
        scalping->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(running(), !before, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(scalping->isChecked(), !before, 10000);
        scalping->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(running(), before, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(scalping->isChecked(), before, 10000);
        // Each has a shortcut and shows on the toolbar with an accessible name.
        for (const QString &name : ServiceControls::serviceNames()) {
            QAction *a = controls.serviceAction(name);
            QVERIFY2(a && !a->shortcut().isEmpty(), qPrintable(name));
            QWidget *button = bar->widgetForAction(a);
            QVERIFY2(button && !button->accessibleName().isEmpty(), qPrintable(name));
        }
    }

    void killSwitchEngagesAndResumes()
    {
        QMainWindow window;
        auto *menu = window.menuBar()->addMenu(QStringLiteral("Trading"));
        auto *bar = window.addToolBar(QStringLiteral("main"));
        ServiceControls controls(m_rig->gw(), &window, menu, bar);
        QTRY_COMPARE_WITH_TIMEOUT(controls.killSwitchMode(), QStringLiteral("OFF"), 10000);
        auto mode = [&] {
            return readCore(m_rig->gw(),
                [](TradingCore &core) { return Trading::killSwitchModeText(core.engine()->killSwitch().mode()); });
        };
        QStringList asked;
        bool answer = false;
        controls.setConfirmer([&](const QString &title, const QString &) {
            asked << title;
            return answer;
        });

        // Flatten all asks; "no" changes nothing.
        controls.killSwitchAction(QStringLiteral("FLATTEN_ALL"))->trigger();
        QCOMPARE(asked.size(), 1);
        QTest::qWait(300);
        QCOMPARE(mode(), QStringLiteral("OFF"));
        QTRY_VERIFY(!controls.killSwitchAction(QStringLiteral("FLATTEN_ALL"))->isChecked());

        // No new entries: the red button, without a question.
        QToolButton *button = controls.killSwitchButton();
        QVERIFY(button);
        QCOMPARE(button->objectName(), QStringLiteral("killSwitchButton"));
        QVERIFY(!button->accessibleName().isEmpty());
        button->click();
        QCOMPARE(asked.size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(mode(), QStringLiteral("NO_NEW_ENTRIES"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(controls.killSwitchMode(), QStringLiteral("NO_NEW_ENTRIES"), 10000);
        QVERIFY(controls.killSwitchAction(QStringLiteral("NO_NEW_ENTRIES"))->isChecked());
        QVERIFY(controls.resumeAction()->isEnabled());
        auto *label = window.findChild<QLabel *>(QStringLiteral("killSwitchLabel"));
        QVERIFY(label && label->text().contains(QStringLiteral("KILL SWITCH")));

        // Cancel all asks; "yes" engages it.
        answer = true;
        controls.killSwitchAction(QStringLiteral("CANCEL_ALL"))->trigger();
        QCOMPARE(asked.size(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(mode(), QStringLiteral("CANCEL_ALL"), 10000);

        controls.resumeAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(mode(), QStringLiteral("OFF"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(controls.killSwitchMode(), QStringLiteral("OFF"), 10000);
        QVERIFY(!controls.resumeAction()->isEnabled());
        QCOMPARE(controls.resumeAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
        QCOMPARE(controls.killSwitchAction(QStringLiteral("NO_NEW_ENTRIES"))->shortcut(),
            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    }

    void mainWindowHasTheDocksAndControlsWithAccessibleNames()
    {
        MainWindow window(m_rig->gw());
        window.show();
        for (const QString &name :
            { QStringLiteral("conditionsDock"), QStringLiteral("strategiesDock"), QStringLiteral("watchlistDock") }) {
            auto *dock = window.findChild<QDockWidget *>(name);
            QVERIFY2(dock, qPrintable(name));
            QVERIFY2(!dock->accessibleName().isEmpty(), qPrintable(name));
            QAction *toggle = window.findChild<QAction *>(QStringLiteral("action_") + name);
            QVERIFY2(toggle && !toggle->shortcut().isEmpty(), qPrintable(name));
        }
        QCOMPARE(window.findChild<QAction *>(QStringLiteral("action_conditionsDock"))->shortcut(),
            QKeySequence(Qt::ALT | Qt::Key_5));
        QCOMPARE(window.findChild<QAction *>(QStringLiteral("action_watchlistDock"))->shortcut(),
            QKeySequence(Qt::ALT | Qt::Key_7));
        const QList<QDockWidget *> mine { window.findChild<QDockWidget *>(QStringLiteral("conditionsDock")),
            window.findChild<QDockWidget *>(QStringLiteral("strategiesDock")),
            window.findChild<QDockWidget *>(QStringLiteral("watchlistDock")) };
        for (QDockWidget *dock : mine) {
            for (QTableView *t : dock->findChildren<QTableView *>())
                QVERIFY2(!t->accessibleName().isEmpty(), qPrintable(t->objectName()));
            for (QAbstractButton *b : dock->findChildren<QAbstractButton *>()) {
                if (b->isVisibleTo(dock) && !b->objectName().isEmpty())
                    QVERIFY2(!b->accessibleName().isEmpty(), qPrintable(b->objectName()));
            }
        }
        QVERIFY(window.findChild<QToolButton *>(QStringLiteral("killSwitchButton")));
        QVERIFY(window.findChild<QMenu *>(QStringLiteral("workspacesMenu")));
        QVERIFY(window.findChild<QAction *>(QStringLiteral("actionResetLayout")));
        // The watchlist's double-click reaches the window's stockActivated.
        QSignalSpy activated(&window, &MainWindow::stockActivated);
        auto *watchlist = window.findChild<WatchlistDock *>(QStringLiteral("watchlistDock"));
        QTRY_VERIFY_WITH_TIMEOUT(watchlist->model()->rowCount() > 0, 20000);
        emit watchlist->view()->activated(watchlist->model()->index(0, 0));
        QCOMPARE(activated.count(), 1);
    }

private:
    std::unique_ptr<UiCoreRig> m_rig;
};

QTEST_MAIN(TestConfigDocks)
#include "tst_configdocks.moc"
