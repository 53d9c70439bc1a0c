// SPDX-License-Identifier: GPL-3.0-or-later
// The order ticket: its price field walks the KRX tick ladder across band edges and stays inside
// the day's limits, an amount becomes a share count, the confirmation states the order in words,
// and against a real demo core a confirmed buy becomes an order row while a refused one (a bad code,
// a risk refusal) is shown in the ticket with nothing placed.
#include "uicorerig.h"

#include "mainwindow.h"
#include "orderticket.h"

#include "storage/orderrepository.h"
#include "storage/recordjson.h"
#include "trading/tradingcommands.h"

#include <QAction>
#include <QCompleter>
#include <QJsonArray>
#include <QMenu>
#include <QToolBar>
#include <QLabel>
#include <QLineEdit>

class TestOrderTicket final : public QObject
{
    Q_OBJECT

private:
    // The demo core's stock that the engine's own demo buys are least likely to touch: one the
    // broker lists that is not on the default watchlist.
    static QString quietStock(const OrderTicket &ticket)
    {
        const QStringList watched = TradingCore::defaultWatchCodes();
        QStringList codes = ticket.knownStocks().keys();
        codes.sort();
        for (const QString &c : codes) {
            if (!watched.contains(c))
                return c;
        }
        return codes.value(0);
    }

    // Orders stored for a manual buy signal.
    static QJsonArray ordersOf(UiCoreRig &rig, qint64 signalId)
    {
        QJsonArray rows;
        bool done = false;
        rig.gw()->read(
            rig.gw(),
            [signalId](TradingCore &core) {
                QJsonArray out;
                const auto orders = OrderRepository(*core.database()).listForSignal(Storage::Origin::Manual, signalId);
                if (orders) {
                    for (const auto &o : *orders)
                        out.append(Storage::toJson(o));
                }
                return out;
            },
            [&](const QJsonArray &a) {
                rows = a;
                done = true;
            });
        if (!QTest::qWaitFor([&] { return done; }, 10000))
            return {};
        return rows;
    }

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English)); }

    void tickLadderSteps_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("steps");
        QTest::addColumn<int>("expected");
        const int stock = int(Krx::Instrument::Stock);
        const int etf = int(Krx::Instrument::Etf);
        QTest::newRow("1,999 up to the 5-won band") << stock << 1999 << 1 << 2000;
        QTest::newRow("2,000 down to the 1-won band") << stock << 2000 << -1 << 1999;
        QTest::newRow("2,000 up one 5-won tick") << stock << 2000 << 1 << 2005;
        QTest::newRow("4,995 up to 5,000") << stock << 4995 << 1 << 5000;
        QTest::newRow("5,000 down to 4,995") << stock << 5000 << -1 << 4995;
        QTest::newRow("5,000 up one 10-won tick") << stock << 5000 << 1 << 5010;
        QTest::newRow("20,000 down to 19,990") << stock << 20000 << -1 << 19990;
        QTest::newRow("20,000 up one 50-won tick") << stock << 20000 << 1 << 20050;
        QTest::newRow("49,950 up to 50,000") << stock << 49950 << 1 << 50000;
        QTest::newRow("50,000 up one 100-won tick") << stock << 50000 << 1 << 50100;
        QTest::newRow("200,000 down to 199,900") << stock << 200000 << -1 << 199900;
        QTest::newRow("200,000 up one 500-won tick") << stock << 200000 << 1 << 200500;
        QTest::newRow("500,000 down to 499,500") << stock << 500000 << -1 << 499500;
        QTest::newRow("500,000 up one 1,000-won tick") << stock << 500000 << 1 << 501000;
        QTest::newRow("three ticks across 5,000") << stock << 4990 << 3 << 5010;
        QTest::newRow("off-tick 2,003 up snaps to 2,005") << stock << 2003 << 1 << 2005;
        QTest::newRow("off-tick 2,003 down snaps to 2,000") << stock << 2003 << -1 << 2000;
        QTest::newRow("ETF 1,999 up to 2,000") << etf << 1999 << 1 << 2000;
        QTest::newRow("ETF 2,000 up one 5-won tick") << etf << 2000 << 1 << 2005;
        QTest::newRow("ETF 5,000 up stays 5-won") << etf << 5000 << 1 << 5005;
        QTest::newRow("ETF 50,000 down stays 5-won") << etf << 50000 << -1 << 49995;
    }

    void tickLadderSteps()
    {
        QFETCH(int, kind);
        QFETCH(int, from);
        QFETCH(int, steps);
        QFETCH(int, expected);
        TickSpinBox box;
        box.setKind(Krx::Instrument(kind));
        box.setValue(from);
        box.stepBy(steps);
        QCOMPARE(box.value(), expected);
    }

    void limitPriceStaysInsideTheDayLimits()
    {
        // Base 71,000: ±30 % → upper 92,300, lower 49,700 (KRX rule, Krx::priceLimits).
        const Krx::PriceLimits limits = Krx::priceLimits(71000);
        QCOMPARE(limits.upper, 92300);
        QCOMPARE(limits.lower, 49700);
        TickSpinBox box;
        box.setDayLimits(limits.lower, limits.upper);
        box.setValue(92200);
        box.stepBy(1);
        QCOMPARE(box.value(), 92300);
        box.stepBy(1);
        QCOMPARE(box.value(), 92300); // no step above the upper limit
        box.stepBy(10);
        QCOMPARE(box.value(), 92300);
        box.setValue(49800);
        box.stepBy(-5);
        QCOMPARE(box.value(), 49700); // clamped to the lower limit
        QCOMPARE(box.normalized(1'000'000), 92300);
        QCOMPARE(box.normalized(100), 49700);
        QCOMPARE(box.normalized(71033), 71000); // nearest tick (100 won)
        QCOMPARE(box.normalized(71070), 71100);
        // A typed price is normalised when editing ends.
        box.setValue(95000);
        emit box.editingFinished();
        QCOMPARE(box.value(), 92300);
    }

    void amountBecomesQuantity()
    {
        QCOMPARE(OrderTicket::quantityForAmount(710'000, 71'000), 10);
        QCOMPARE(OrderTicket::quantityForAmount(1'000'000, 71'000), 14);
        QCOMPARE(OrderTicket::quantityForAmount(70'999, 71'000), 0);
        QCOMPARE(OrderTicket::quantityForAmount(1'000'000, 0), 0);

        OrderTicket ticket(nullptr);
        ticket.setPrice(71000);
        ticket.setAmount(1'000'000);
        const OrderTicket::Order o = ticket.order();
        QVERIFY(o.byAmount);
        QCOMPARE(o.price, 71000);
        QCOMPARE(o.amount, 1'000'000);
        QCOMPARE(o.quantity, 14);
        ticket.setQuantity(3);
        QCOMPARE(ticket.order().amount, 213'000);
    }

    void confirmationStatesTheOrder()
    {
        OrderTicket::Order o;
        o.side = Side::Buy;
        o.code = QStringLiteral("005930");
        o.name = QStringLiteral("삼성전자");
        o.type = Trading::OrderType::Limit;
        o.price = 71000;
        o.quantity = 10;
        QCOMPARE(OrderTicket::describe(o),
            QStringLiteral("Buy 10 shares of 005930 삼성전자 at 71,000 KRW limit — about 710,000 KRW plus fees?"));
        o.quantity = 1;
        QCOMPARE(OrderTicket::describe(o),
            QStringLiteral("Buy 1 share of 005930 삼성전자 at 71,000 KRW limit — about 71,000 KRW plus fees?"));
        o.side = Side::Sell;
        o.type = Trading::OrderType::Market;
        o.quantity = 1200;
        QCOMPARE(OrderTicket::describe(o),
            QStringLiteral("Sell 1,200 shares of 005930 삼성전자 at market — about 85,200,000 KRW at the last price, "
                           "before fees and tax?"));
        o.side = Side::Buy;
        o.type = Trading::OrderType::Limit;
        o.byAmount = true;
        o.amount = 1'000'000;
        o.quantity = 14;
        QCOMPARE(OrderTicket::describe(o),
            QStringLiteral("Buy 1,000,000 KRW of 005930 삼성전자 at 71,000 KRW limit (about 14 shares) plus fees?"));

        // The ticket's own text is the description of its fields.
        OrderTicket ticket(nullptr);
        ticket.findChild<QLineEdit *>(QStringLiteral("ticketStock"))->setText(QStringLiteral("005930"));
        ticket.setPrice(71000);
        ticket.setQuantity(10);
        QCOMPARE(ticket.confirmationText(),
            QStringLiteral("Buy 10 shares of 005930 at 71,000 KRW limit — about 710,000 KRW plus fees?"));
    }

    void everyFieldHasAnAccessibleName()
    {
        OrderTicket ticket(nullptr);
        QCOMPARE(ticket.objectName(), QStringLiteral("orderTicket"));
        const QStringList fields { QStringLiteral("ticketStock"), QStringLiteral("ticketBuy"),
            QStringLiteral("ticketSell"), QStringLiteral("ticketOrderType"), QStringLiteral("ticketPrice"),
            QStringLiteral("ticketSizeMode"), QStringLiteral("ticketQuantity"), QStringLiteral("ticketAmount"),
            QStringLiteral("ticketSubmit"), QStringLiteral("ticketClose"), QStringLiteral("ticketMessage") };
        for (const QString &name : fields) {
            auto *w = ticket.findChild<QWidget *>(name);
            QVERIFY2(w, qPrintable(name));
            QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(name));
        }
        // Tab order: stock → buy → sell → type → price.
        auto *stock = ticket.findChild<QWidget *>(QStringLiteral("ticketStock"));
        QCOMPARE(stock->nextInFocusChain(), ticket.findChild<QWidget *>(QStringLiteral("ticketBuy")));
    }

    void instrumentDayComesFromTheCore()
    {
        UiCoreRig rig;
        QVERIFY(rig.ok());
        QVERIFY(rig.waitReady());
        OrderTicket ticket(rig.gw());
        QSignalSpy stocks(&ticket, &OrderTicket::stocksLoaded);
        ticket.showTicket();
        QTRY_VERIFY_WITH_TIMEOUT(ticket.knownStocks().size() > 10, 20000);
        const QString code = quietStock(ticket);
        QSignalSpy loaded(&ticket, &OrderTicket::instrumentLoaded);
        ticket.setStock(code);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 20000);
        QVERIFY2(loaded.at(0).at(1).toBool(),
            qPrintable(ticket.findChild<QLabel *>(QStringLiteral("ticketDayInfo"))->text()));
        const QJsonObject i = ticket.instrument();
        const qint64 base = qint64(i.value(QStringLiteral("base_price")).toDouble());
        const qint64 upper = qint64(i.value(QStringLiteral("upper_limit")).toDouble());
        const qint64 lower = qint64(i.value(QStringLiteral("lower_limit")).toDouble());
        QVERIFY(base > 0);
        QCOMPARE(upper, Krx::priceLimits(base).upper);
        QCOMPARE(lower, Krx::priceLimits(base).lower);
        QCOMPARE(i.value(QStringLiteral("name")).toString(), ticket.knownStocks().value(code));
        auto *price = ticket.findChild<TickSpinBox *>(QStringLiteral("ticketPrice"));
        QCOMPARE(price->upperLimit(), upper);
        QCOMPARE(price->lowerLimit(), lower);
        QVERIFY(Krx::isOnTick(price->value()));
        ticket.setPrice(upper * 2);
        QCOMPARE(price->value(), upper);
        ticket.setPrice(1);
        QCOMPARE(price->value(), lower);
        // KT_UI_SHOTS=DIR keeps a picture of the ticket (for looking at it, not checked).
        if (const QString shots = qEnvironmentVariable("KT_UI_SHOTS"); !shots.isEmpty())
            ticket.grab().save(QDir(shots).filePath(QStringLiteral("orderticket.png")));
        // Searching: part of the Korean name offers "code name" completions.
        const QString name = ticket.knownStocks().value(code);
        auto *completer = ticket.findChild<QCompleter *>(QStringLiteral("ticketStockCompleter"));
        QVERIFY(completer);
        completer->setCompletionPrefix(name.right(std::max<qsizetype>(1, name.size() - 1)));
        QVERIFY(completer->completionCount() >= 1);
        QStringList offered;
        for (int k = 0; completer->setCurrentRow(k); ++k)
            offered << completer->currentCompletion();
        QVERIFY2(offered.contains(code + u' ' + name), qPrintable(offered.join(u", ")));
        completer->setCompletionPrefix(code.left(4));
        QVERIFY(completer->completionCount() >= 1);
        // Searching by name: the full Korean name finds the code.
        auto *field = ticket.findChild<QLineEdit *>(QStringLiteral("ticketStock"));
        field->setText(ticket.knownStocks().value(code));
        QCOMPARE(ticket.order().code, code);
    }

    void mainWindowOpensTheTicketWithF2AndTheBacktestWithCtrlB()
    {
        UiCoreRig rig;
        QVERIFY(rig.ok());
        MainWindow w(rig.gw());
        auto *ticketAction = w.findChild<QAction *>(QStringLiteral("actionOrderTicket"));
        QVERIFY(ticketAction);
        QCOMPARE(ticketAction->shortcut(), QKeySequence(Qt::Key_F2));
        QVERIFY(w.tradingMenu()->actions().contains(ticketAction));
        QVERIFY(w.mainToolBar()->actions().contains(ticketAction));
        auto *backtestAction = w.findChild<QAction *>(QStringLiteral("actionBacktest"));
        QVERIFY(backtestAction);
        QCOMPARE(backtestAction->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_B));
        QVERIFY(w.toolsMenu()->actions().contains(backtestAction));
        auto *ticket = w.findChild<OrderTicket *>(QStringLiteral("orderTicket"));
        QVERIFY(ticket);
        QVERIFY(!ticket->isVisible());
        ticketAction->trigger();
        QVERIFY(ticket->isVisible());
        QTest::keyClick(ticket, Qt::Key_Escape); // Esc closes
        QVERIFY(!ticket->isVisible());
        auto *backtest = w.findChild<QWidget *>(QStringLiteral("backtestWindow"));
        QVERIFY(backtest);
        backtestAction->trigger();
        QVERIFY(backtest->isVisible());
        backtest->close();
    }

    void aConfirmedBuyBecomesAnOrder()
    {
        UiCoreRig rig;
        QVERIFY(rig.ok());
        QVERIFY(rig.waitReady());
        OrderTicket ticket(rig.gw());
        QStringList asked;
        ticket.setConfirmer([&](const QString &text) {
            asked << text;
            return true;
        });
        ticket.showTicket();
        QTRY_VERIFY_WITH_TIMEOUT(ticket.knownStocks().size() > 10, 20000);
        const QString code = quietStock(ticket);
        QSignalSpy loaded(&ticket, &OrderTicket::instrumentLoaded);
        ticket.setStock(code);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 20000);
        QVERIFY(loaded.at(0).at(1).toBool());
        // A limit at the upper limit crosses the book: the order is placed (and likely filled).
        const qint64 upper = qint64(ticket.instrument().value(QStringLiteral("upper_limit")).toDouble());
        ticket.setSide(Side::Buy);
        ticket.setOrderType(Trading::OrderType::Limit);
        ticket.setPrice(upper);
        ticket.setQuantity(1);
        const QString expected = ticket.confirmationText();
        QVERIFY(expected.startsWith(QStringLiteral("Buy 1 share of ") + code));

        QSignalSpy answered(&ticket, &OrderTicket::commandAnswered);
        QSignalSpy resolved(&ticket, &OrderTicket::buyResolved);
        QTest::keyClick(&ticket, Qt::Key_Return); // Enter submits
        QTRY_COMPARE_WITH_TIMEOUT(answered.count(), 1, 10000);
        QCOMPARE(asked, QStringList { expected });
        QVERIFY2(answered.at(0).at(0).toBool(), qPrintable(ticket.message()));
        QVERIFY(ticket.lastSignalId() > 0);
        QTRY_VERIFY_WITH_TIMEOUT(resolved.count() >= 1, 30000);
        QVERIFY2(resolved.at(0).at(0).toBool(), qPrintable(ticket.message()));
        QVERIFY2(ticket.message().contains(code), qPrintable(ticket.message()));

        const QJsonArray orders = ordersOf(rig, ticket.lastSignalId());
        QCOMPARE(orders.size(), 1);
        const QJsonObject order = orders.at(0).toObject();
        QCOMPARE(order.value(QStringLiteral("stock_code")).toString(), code);
        QCOMPARE(order.value(QStringLiteral("side")).toString(), QStringLiteral("BUY"));
        QCOMPARE(qint64(order.value(QStringLiteral("quantity")).toDouble()), 1);
        QCOMPARE(qint64(order.value(QStringLiteral("price")).toDouble()), upper);
        QCOMPARE(order.value(QStringLiteral("origin")).toString(), QStringLiteral("manual"));

        // Once filled, the share is sold at market through the ticket (the exit path).
        QTRY_VERIFY_WITH_TIMEOUT(
            ordersOf(rig, ticket.lastSignalId()).at(0).toObject().value(QStringLiteral("state")).toString()
                == u"FILLED",
            30000);
        ticket.setSide(Side::Sell);
        ticket.setOrderType(Trading::OrderType::Market);
        ticket.setQuantity(1);
        QVERIFY(ticket.confirmationText().startsWith(QStringLiteral("Sell 1 share of ") + code));
        ticket.submit();
        QTRY_COMPARE_WITH_TIMEOUT(answered.count(), 2, 10000);
        QVERIFY2(answered.at(1).at(0).toBool(), qPrintable(ticket.message()));
        QVERIFY2(ticket.message().startsWith(QStringLiteral("Sell order #")), qPrintable(ticket.message()));
    }

    void refusalsAreShownAndNothingIsPlaced()
    {
        UiCoreRig rig;
        QVERIFY(rig.ok());
        QVERIFY(rig.waitReady());
        OrderTicket ticket(rig.gw());
        ticket.setConfirmer([](const QString &) { return true; });
        QSignalSpy events(rig.gw(), &CoreGateway::event);

        // 1. Not a stock code: the command layer refuses at once.
        QSignalSpy answered(&ticket, &OrderTicket::commandAnswered);
        ticket.findChild<QLineEdit *>(QStringLiteral("ticketStock"))->setText(QStringLiteral("12345"));
        ticket.setPrice(10000);
        ticket.setQuantity(1);
        // The first Enter reads the stock's day (it cannot be read: the broker knows no such stock).
        QSignalSpy unknown(&ticket, &OrderTicket::instrumentLoaded);
        ticket.submit();
        QVERIFY(ticket.message().startsWith(QStringLiteral("Reading 12345")));
        QTRY_COMPARE_WITH_TIMEOUT(unknown.count(), 1, 10000);
        QCOMPARE(unknown.at(0).at(1).toBool(), false);
        QCOMPARE(answered.count(), 0);
        ticket.submit();
        QTRY_COMPARE_WITH_TIMEOUT(answered.count(), 1, 10000);
        QCOMPARE(answered.at(0).at(0).toBool(), false);
        QVERIFY2(ticket.message().contains(QStringLiteral("is not a stock code")), qPrintable(ticket.message()));
        QVERIFY(ticket.message().contains(QStringLiteral("Nothing was placed")));
        QCOMPARE(ticket.lastSignalId(), 0);

        // 2. More than the account can pay: the risk guard refuses the order.
        ticket.showTicket();
        QTRY_VERIFY_WITH_TIMEOUT(ticket.knownStocks().size() > 10, 20000);
        const QString code = quietStock(ticket);
        QSignalSpy loaded(&ticket, &OrderTicket::instrumentLoaded);
        ticket.setStock(code);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 20000);
        const qint64 upper = qint64(ticket.instrument().value(QStringLiteral("upper_limit")).toDouble());
        ticket.setPrice(upper);
        ticket.setQuantity(1'000'000'000 / std::max<qint64>(1, upper) * 100); // far beyond the demo cash
        QSignalSpy resolved(&ticket, &OrderTicket::buyResolved);
        ticket.submit();
        QTRY_COMPARE_WITH_TIMEOUT(answered.count(), 2, 10000);
        QVERIFY2(answered.at(1).at(0).toBool(), qPrintable(ticket.message())); // the signal was accepted
        QTRY_VERIFY_WITH_TIMEOUT(resolved.count() >= 1, 30000);
        QCOMPARE(resolved.last().at(0).toBool(), false);
        QVERIFY2(ticket.message().startsWith(QStringLiteral("Not placed")), qPrintable(ticket.message()));
        QVERIFY(ordersOf(rig, ticket.lastSignalId()).isEmpty());
        // No order event named either stock.
        for (const auto &args : events) {
            const QJsonObject e = args.at(0).toJsonObject();
            if (e.value(QStringLiteral("type")).toString() != u"order")
                continue;
            const QJsonObject d = e.value(QStringLiteral("data")).toObject();
            QVERIFY(d.value(QStringLiteral("origin_signal_id")).toDouble() != double(ticket.lastSignalId()));
            QVERIFY(d.value(QStringLiteral("stock_code")).toString() != u"12345");
        }
    }
};

QTEST_MAIN(TestOrderTicket)
#include "tst_orderticket.moc"
