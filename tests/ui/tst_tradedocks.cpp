// SPDX-License-Identifier: GPL-3.0-or-later
// The trading-state docks (positions, orders, signals, log) and the account bar against a real demo
// core on its own thread: a manual buy placed through the gateway shows up as a signal with its
// decision ledger, an order and a position; the positions dock's Sell (confirmation answered yes)
// places a sell through the command layer; the orders dock cancels an open limit order; the log
// dock reads the activity log; the account bar shows the account's figures; every dock, table and
// button has an accessible name.
#include "uicorerig.h"

#include "accountbar.h"
#include "docktable.h"
#include "jsontablemodel.h"
#include "logdock.h"
#include "mainwindow.h"
#include "ordersdock.h"
#include "positionsdock.h"
#include "signalsdock.h"

#include "market/krx.h"
#include "services/quotebook.h"
#include "trading/tradingcommands.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>

namespace {

const QString kCode = QStringLiteral("032500");

// The first row of a model the predicate accepts (empty when none).
QJsonObject findRow(const JsonTableModel *model, const std::function<bool(const QJsonObject &)> &accept)
{
    for (const QJsonObject &row : model->rows()) {
        if (accept(row))
            return row;
    }
    return {};
}

int proxyRowOf(const QTableView *view, const QString &key, const QJsonValue &value)
{
    const QAbstractItemModel *m = view->model();
    for (int r = 0; r < m->rowCount(); ++r) {
        if (m->index(r, 0).data(JsonTableModel::RowRole).toJsonObject().value(key) == value)
            return r;
    }
    return -1;
}

Result<QJsonObject> runCommand(UiCoreRig &rig, CoreGateway::CommandFn fn)
{
    std::optional<Result<QJsonObject>> result;
    rig.gw()->command(rig.gw(), std::move(fn), [&](const Result<QJsonObject> &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000))
        return Error { QStringLiteral("test.timeout"), QStringLiteral("no answer") };
    return *result;
}

} // namespace

class TestTradeDocks final : public QObject
{
    Q_OBJECT

private slots:
    void init() { qputenv("TZ", "UTC"); }

    void manualBuyShowsSignalOrderPositionAndTheSellButtonSells()
    {
        UiCoreRig rig;
        QVERIFY2(rig.ok(), qPrintable(rig.startStatus.ok() ? QString() : rig.startStatus.error().message));
        QVERIFY(rig.waitReady());
        PositionsDock positions(rig.gw());
        OrdersDock orders(rig.gw());
        SignalsDock signalsDock(rig.gw());
        positions.show();
        orders.show();
        signalsDock.show();

        // The demo's tight stops could sell the position before the test does: loosen them.
        const auto loosened = runCommand(rig, [](TradingCommands &c) {
            return c.updateTradingSettings(
                { { QStringLiteral("stop_loss_rate"), 20.0 }, { QStringLiteral("take_profit_rate"), 50.0 } },
                CoreGateway::actor());
        });
        QVERIFY2(loosened.ok(), qPrintable(loosened.ok() ? QString() : loosened.error().message));
        TradingCommands::BuyCommand buy;
        buy.code = kCode;
        buy.quantity = 3;
        buy.type = Trading::OrderType::Market;
        const auto bought = runCommand(rig, [buy](TradingCommands &c) { return c.buy(buy, CoreGateway::actor()); });
        QVERIFY2(bought.ok(), qPrintable(bought.ok() ? QString() : bought.error().message));

        // The position row: code, quantity, current price and P&L once a quote arrived.
        const auto isMine = [](const QJsonObject &r) { return r.value(QStringLiteral("stock_code")) == kCode; };
        QTRY_VERIFY_WITH_TIMEOUT(!findRow(positions.model(), isMine).isEmpty(), 30000);
        QJsonObject position = findRow(positions.model(), isMine);
        QVERIFY(position.value(QStringLiteral("quantity")).toDouble() >= 3);
        QVERIFY(position.value(QStringLiteral("buy_price")).toDouble() > 0);
        QCOMPARE(positions.model()->columnCount(), 11);
        QTRY_VERIFY_WITH_TIMEOUT(
            findRow(positions.model(), isMine).value(QStringLiteral("price_now")).toDouble() > 0, 20000);
        position = findRow(positions.model(), isMine);
        const int pnlColumn = 5;
        QCOMPARE(positions.model()->headerData(pnlColumn, Qt::Horizontal).toString(), QStringLiteral("P&L"));
        const int positionRow = positions.model()->rowOfId(position.value(QStringLiteral("id")));
        QVERIFY(!positions.model()->index(positionRow, pnlColumn).data().toString().isEmpty());

        // The order row: a filled BUY of the code.
        const auto isMyBuy = [](const QJsonObject &r) {
            return r.value(QStringLiteral("stock_code")) == kCode
                && r.value(QStringLiteral("side")).toString() == u"BUY"
                && r.value(QStringLiteral("origin")).toString() == u"manual";
        };
        QTRY_VERIFY_WITH_TIMEOUT(
            findRow(orders.model(), isMyBuy).value(QStringLiteral("state")).toString() == u"FILLED", 20000);
        QCOMPARE(orders.model()->columnCount(), 13);
        QVERIFY(!orders.tradingDate().isEmpty());
        QVERIFY(findRow(orders.model(), isMyBuy).value(QStringLiteral("avg_fill_price")).toDouble() > 0);

        // Enter or double-click on an order: its stock is activated (the chart opens it).
        QSignalSpy activated(&orders, &OrdersDock::stockActivated);
        const int buyRow = proxyRowOf(
            orders.view(), QStringLiteral("id"), findRow(orders.model(), isMyBuy).value(QStringLiteral("id")));
        QVERIFY(buyRow >= 0);
        emit orders.view()->activated(orders.view()->model()->index(buyRow, 0));
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.at(0).at(0).toString(), kCode);

        // The signal of the manual buy and its decision ledger.
        const auto isMySignal = [](const QJsonObject &r) {
            return r.value(QStringLiteral("stock_code")) == kCode
                && r.value(QStringLiteral("kind")).toString() == u"PENDING_BUY";
        };
        QTRY_VERIFY_WITH_TIMEOUT(!findRow(signalsDock.model(), isMySignal).isEmpty(), 20000);
        const QString uid = findRow(signalsDock.model(), isMySignal).value(QStringLiteral("uid")).toString();
        QVERIFY(signalsDock.selectSignal(uid));
        QTRY_VERIFY_WITH_TIMEOUT(signalsDock.decisionModel()->rowCount() >= 2, 20000);
        QStringList decisions;
        for (const QJsonObject &d : signalsDock.decisionModel()->rows()) {
            decisions << d.value(QStringLiteral("decision")).toString();
            QVERIFY(!d.value(QStringLiteral("message")).toString().isEmpty());
        }
        QVERIFY2(decisions.contains(QStringLiteral("ORDERED")), qPrintable(decisions.join(u',')));

        // Sell: the confirmation states the order in words; answered yes, a SELL order appears.
        auto *sell = positions.findChild<QPushButton *>(QStringLiteral("positionsSellButton"));
        QVERIFY(sell);
        QTRY_VERIFY(findRow(positions.model(), isMine).value(QStringLiteral("status")).toString() == u"OPEN");
        const int viewRow = proxyRowOf(positions.view(), QStringLiteral("stock_code"), kCode);
        QVERIFY(viewRow >= 0);
        positions.view()->selectRow(viewRow);
        QVERIFY(sell->isEnabled());
        QString question;
        positions.setConfirmer([&](const QString &q) {
            question = q;
            return true;
        });
        const qint64 held = qint64(findRow(positions.model(), isMine).value(QStringLiteral("quantity")).toDouble());
        sell->click();
        // "Sell all 91 shares of 032500 at market?" (the English plural comes from the translation).
        QVERIFY2(question.startsWith(QStringLiteral("Sell all %1 share").arg(QLocale().toString(held)))
                && question.contains(QStringLiteral(" of %1").arg(kCode)),
            qPrintable(question));
        QVERIFY(question.contains(QStringLiteral("at market?")));
        const auto isMySell = [](const QJsonObject &r) {
            return r.value(QStringLiteral("stock_code")) == kCode
                && r.value(QStringLiteral("side")).toString() == u"SELL";
        };
        QTRY_VERIFY_WITH_TIMEOUT(!findRow(orders.model(), isMySell).isEmpty(), 20000);
        QVERIFY2(!positions.statusText().contains(QStringLiteral("refused")), qPrintable(positions.statusText()));
        // Sold: the position leaves the dock.
        QTRY_VERIFY_WITH_TIMEOUT(findRow(positions.model(), isMine).isEmpty(), 30000);

        // Filters: "Filled" shows only filled orders, "Open" only open ones.
        orders.setFilter(OrdersDock::Filter::Filled);
        for (int r = 0; r < orders.view()->model()->rowCount(); ++r) {
            QCOMPARE(orders.view()
                         ->model()
                         ->index(r, 0)
                         .data(JsonTableModel::RowRole)
                         .toJsonObject()
                         .value(QStringLiteral("state")),
                QJsonValue(QStringLiteral("FILLED")));
        }
        QVERIFY(orders.view()->model()->rowCount() >= 1);
        orders.setFilter(OrdersDock::Filter::All);
        QCOMPARE(orders.view()->model()->rowCount(), orders.model()->rowCount());
    }

    void aRefusedSellIsShownInPlainWords()
    {
        UiCoreRig rig;
        QVERIFY(rig.ok());
        QVERIFY(rig.waitReady());
        PositionsDock positions(rig.gw());
        // No position selected: the dock says what to do and sends nothing.
        positions.sellSelected();
        QCOMPARE(positions.statusText(), QStringLiteral("Select a position to sell."));
        // A declined confirmation sends nothing either: nothing to select without a position, so the
        // refusal path is checked through the command directly (what the dock shows).
        const auto refused = runCommand(rig, [](TradingCommands &c) {
            TradingCommands::SellCommand s;
            s.code = QStringLiteral("000000");
            return c.sell(s, CoreGateway::actor());
        });
        QVERIFY(!refused.ok());
        QVERIFY(!refused.error().message.isEmpty());
    }

    void cancelsAnOpenLimitOrder()
    {
        UiCoreRig rig;
        QVERIFY(rig.ok());
        QVERIFY(rig.waitReady());
        OrdersDock orders(rig.gw());
        orders.show();
        // The current price of the code, from the quote book.
        qint64 price = 0;
        QElapsedTimer t;
        t.start();
        while (price <= 0 && t.elapsed() < 20000) {
            bool done = false;
            rig.gw()->read(
                rig.gw(),
                [](TradingCore &core) -> qint64 {
                    if (!core.quoteBook())
                        return 0;
                    core.quoteBook()->watch(QStringLiteral("test"), { kCode });
                    const auto q = core.quoteBook()->quote(kCode);
                    return q ? q->price : 0;
                },
                [&](qint64 p) {
                    price = p;
                    done = true;
                });
            QVERIFY(QTest::qWaitFor([&] { return done; }, 5000));
            if (price <= 0)
                QTest::qWait(200);
        }
        QVERIFY(price > 0);
        const qint64 limit = Krx::snapUp(price * 85 / 100);
        TradingCommands::BuyCommand buy;
        buy.code = kCode;
        buy.quantity = 1;
        buy.type = Trading::OrderType::Limit;
        buy.price = limit;
        const auto placed = runCommand(rig, [buy](TradingCommands &c) { return c.buy(buy, CoreGateway::actor()); });
        QVERIFY2(placed.ok(), qPrintable(placed.ok() ? QString() : placed.error().message));
        const auto isMine = [limit](const QJsonObject &r) {
            return r.value(QStringLiteral("stock_code")) == kCode
                && r.value(QStringLiteral("side")).toString() == u"BUY"
                && qint64(r.value(QStringLiteral("price")).toDouble()) == limit;
        };
        QTRY_VERIFY_WITH_TIMEOUT(
            findRow(orders.model(), isMine).value(QStringLiteral("state")).toString() == u"ACCEPTED", 30000);
        const qint64 id = qint64(findRow(orders.model(), isMine).value(QStringLiteral("id")).toDouble());
        orders.setFilter(OrdersDock::Filter::Open);
        QVERIFY(orders.selectOrder(id));
        auto *cancel = orders.findChild<QPushButton *>(QStringLiteral("ordersCancelButton"));
        QVERIFY(cancel->isEnabled());
        QString question;
        orders.setConfirmer([&](const QString &q) {
            question = q;
            return true;
        });
        cancel->click();
        QVERIFY2(question.contains(kCode) && question.contains(QStringLiteral("1 share")), qPrintable(question));
        QTRY_VERIFY_WITH_TIMEOUT(
            findRow(orders.model(), isMine).value(QStringLiteral("state")).toString() == u"CANCELLED", 30000);
        QVERIFY2(!orders.statusText().contains(QStringLiteral("refused")), qPrintable(orders.statusText()));
        // The open filter no longer shows it; the rejected/cancelled one does.
        QTRY_COMPARE(proxyRowOf(orders.view(), QStringLiteral("id"), id), -1);
        orders.setFilter(OrdersDock::Filter::RejectedOrCancelled);
        QVERIFY(proxyRowOf(orders.view(), QStringLiteral("id"), id) >= 0);
    }

    void logDockAndAccountBarAndAccessibleNames()
    {
        UiCoreRig rig;
        QVERIFY(rig.ok());
        MainWindow w(rig.gw());
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(rig.waitReady());

        // Every dock of this room, with its View-menu shortcut.
        const QStringList names { QStringLiteral("positionsDock"), QStringLiteral("ordersDock"),
            QStringLiteral("signalsDock"), QStringLiteral("logDock") };
        for (int i = 0; i < names.size(); ++i) {
            auto *dock = w.findChild<QDockWidget *>(names.at(i));
            QVERIFY2(dock, qPrintable(names.at(i)));
            QVERIFY(!dock->accessibleName().isEmpty());
            QAction *toggle = w.findChild<QAction *>(QStringLiteral("action_") + names.at(i));
            QVERIFY(toggle);
            QCOMPARE(toggle->shortcut(), QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + i)));
            const auto widgets = dock->findChildren<QWidget *>();
            for (QWidget *child : widgets) {
                if (qobject_cast<QTableView *>(child) || qobject_cast<QAbstractButton *>(child)
                    || qobject_cast<QComboBox *>(child) || qobject_cast<QLineEdit *>(child)) {
                    if (child->parent() && qobject_cast<QComboBox *>(child->parent()))
                        continue; // a combo box's own line edit
                    if (qobject_cast<QAbstractButton *>(child) && child->objectName().startsWith(QStringLiteral("qt_")))
                        continue; // the dock's own float/close buttons
                    QVERIFY2(!child->accessibleName().isEmpty(),
                        qPrintable(names.at(i) + QStringLiteral(": ") + child->objectName() + QStringLiteral(" ")
                            + QString::fromLatin1(child->metaObject()->className())));
                    QVERIFY2(!child->objectName().isEmpty(), qPrintable(child->accessibleName()));
                }
            }
        }

        // The log dock reads the activity log ("Started in demo mode." at least).
        auto *log = w.findChild<LogDock *>(QStringLiteral("logDock"));
        QTRY_VERIFY_WITH_TIMEOUT(log->model()->rowCount() > 0, 20000);
        QVERIFY(log->lastId() > 0);
        const int all = log->view()->model()->rowCount();
        log->setTextFilter(QStringLiteral("demo mode"));
        QVERIFY(log->view()->model()->rowCount() >= 1);
        QVERIFY(log->view()->model()->rowCount() <= all);
        log->setTextFilter(QString());
        log->setLevelFilter(LogDock::LevelFilter::Errors);
        for (int r = 0; r < log->view()->model()->rowCount(); ++r) {
            QCOMPARE(log->view()
                         ->model()
                         ->index(r, 0)
                         .data(JsonTableModel::RowRole)
                         .toJsonObject()
                         .value(QStringLiteral("level")),
                QJsonValue(QStringLiteral("error")));
        }
        log->setLevelFilter(LogDock::LevelFilter::All);
        // New entries arrive incrementally: a command leaves one.
        const qint64 before = log->lastId();
        const auto added = runCommand(rig,
            [](TradingCommands &c) { return c.addToWatchlist(QStringLiteral("000660"), {}, CoreGateway::actor()); });
        Q_UNUSED(added);
        TradingCommands::SellCommand bad;
        bad.code = QStringLiteral("999999");
        const auto refused = runCommand(rig, [bad](TradingCommands &c) { return c.sell(bad, CoreGateway::actor()); });
        QVERIFY(!refused.ok());
        QTRY_VERIFY_WITH_TIMEOUT(log->lastId() > before, 20000);

        // The docks keep their menu texts (a dock's title change would rename its View action).
        QTRY_VERIFY(!w.findChild<OrdersDock *>(QStringLiteral("ordersDock"))->tradingDate().isEmpty());
        QCOMPARE(w.findChild<QAction *>(QStringLiteral("action_ordersDock"))->text(), QStringLiteral("&Orders"));
        QCOMPARE(w.findChild<QAction *>(QStringLiteral("action_signalsDock"))->text(), QStringLiteral("S&ignals"));

        // The account bar: the DEMO badge, connection, figures and the request budget.
        auto *bar = w.findChild<AccountBar *>(QStringLiteral("accountBar"));
        QVERIFY(bar);
        QVERIFY(!bar->accessibleName().isEmpty());
        QTRY_COMPARE(bar->modeText(), QStringLiteral("DEMO"));
        QTRY_VERIFY_WITH_TIMEOUT(
            bar->figures().value(QStringLiteral("account")).toObject().value(QStringLiteral("known")).toBool(), 20000);
        auto *deposit = bar->findChild<QLabel *>(QStringLiteral("accountDeposit"));
        QVERIFY(deposit->text().contains(QLatin1Char(','))); // 100,000,000-ish
        QVERIFY(!bar->findChild<QLabel *>(QStringLiteral("accountOrderable"))->text().startsWith(u'—'));
        QCOMPARE(bar->findChild<QLabel *>(QStringLiteral("accountConnection"))->text(), QStringLiteral("Connected"));
        QTRY_VERIFY(
            bar->findChild<QLabel *>(QStringLiteral("accountBudget"))->text().contains(QStringLiteral("queries")));
        QTRY_COMPARE(
            bar->findChild<QLabel *>(QStringLiteral("accountReconcile"))->text(), QStringLiteral("Reconciled"));
        for (const QString &field :
            { QStringLiteral("accountModeBadge"), QStringLiteral("accountDeposit"), QStringLiteral("accountOrderable"),
                QStringLiteral("accountEvaluation"), QStringLiteral("accountRealized"), QStringLiteral("accountBudget"),
                QStringLiteral("accountConnection"), QStringLiteral("accountReconcile") })
            QVERIFY2(!bar->findChild<QLabel *>(field)->accessibleName().isEmpty(), qPrintable(field));

        // Double-click on a stock anywhere: the window's stockActivated.
        QSignalSpy activated(&w, &MainWindow::stockActivated);
        auto *positions = w.findChild<PositionsDock *>(QStringLiteral("positionsDock"));
        emit positions->stockActivated(QStringLiteral("005930"));
        QCOMPARE(activated.count(), 1);
    }

    void theLiveBadgeIsRed()
    {
        // Without a gateway the bar shows nothing; a snapshot as the core sends it in live mode shows
        // the badge white on red.
        AccountBar bar(nullptr);
        QCOMPARE(bar.modeText(), QStringLiteral("—"));
        bar.showFigures({ { QStringLiteral("mode"), QStringLiteral("live") } });
        QCOMPARE(bar.modeText(), QStringLiteral("LIVE"));
        auto *badge = bar.findChild<QLabel *>(QStringLiteral("accountModeBadge"));
        QVERIFY(badge->styleSheet().contains(QStringLiteral("#c62828")));
        bar.showFigures({ { QStringLiteral("mode"), QStringLiteral("mock") } });
        QCOMPARE(bar.modeText(), QStringLiteral("MOCK"));
        QVERIFY(!badge->styleSheet().contains(QStringLiteral("#c62828")));
    }
};

QTEST_MAIN(TestTradeDocks)
#include "tst_tradedocks.moc"
