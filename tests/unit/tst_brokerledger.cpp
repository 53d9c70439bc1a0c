// SPDX-License-Identifier: GPL-3.0-or-later
// Ledger::compare, the crash test's referee, on hand-made records: agreeing records give no
// discrepancy, and each rule names the order, number or stock that breaks it. Ledger::readAppDatabase
// reads the four tables of a real schema read-only.
#include "brokerledger.h"
#include "common/clock.h"
#include "storage/database.h"
#include "storagefixture.h"

#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QtTest>

using namespace Ledger;

namespace {

const QDate TODAY(2025, 3, 10);

BrokerOrder brokerOrder(
    const QString &no, Side side, const QString &code, qint64 qty, qint64 filled, qint64 avg, bool open = false)
{
    BrokerOrder b;
    b.orderNo = no;
    b.origOrderNo = QStringLiteral("0000000");
    b.code = code;
    b.side = side;
    b.kind = side == Side::Buy ? QStringLiteral("+매수") : QStringLiteral("-매도");
    b.quantity = qty;
    b.filledQuantity = filled;
    b.avgFillPrice = avg;
    b.openQuantity = open ? qty - filled : 0;
    b.open = open;
    return b;
}

AppOrder appOrder(qint64 id, const QString &no, Side side, const QString &code, qint64 qty, const QString &state,
    qint64 filled, qint64 amount)
{
    AppOrder o;
    o.id = id;
    o.clientOrderId = QStringLiteral("c%1").arg(id);
    o.brokerOrderNo = no;
    o.action = QStringLiteral("PLACE");
    o.side = side;
    o.code = code;
    o.quantity = qty;
    o.state = state;
    o.filledQuantity = filled;
    o.filledAmount = amount;
    o.origin = QStringLiteral("scalping");
    o.tradingDate = TODAY.toString(Qt::ISODate);
    return o;
}

// A consistent day: bought 10 × 70,000 of 005930 (two fills, fees 63 + 42), sold 4 at 71,000 (fee 42,
// tax 568; realized 284,000 − 280,000 − 42 − 42 − 568 = 3,348); a 000660 buy of 5 still open; the
// position holds 6 shares.
struct Day
{
    BrokerRecords broker;
    AppRecords app;

    Day()
    {
        broker.tradingDate = TODAY;
        broker.orders = { brokerOrder(QStringLiteral("0000001"), Side::Buy, QStringLiteral("005930"), 10, 10, 70000),
            brokerOrder(QStringLiteral("0000002"), Side::Sell, QStringLiteral("005930"), 4, 4, 71000),
            brokerOrder(QStringLiteral("0000003"), Side::Buy, QStringLiteral("000660"), 5, 0, 0, true) };
        broker.orders[0].fees = 105;
        broker.orders[1].fees = 42;
        broker.orders[1].taxes = 568;
        broker.holdings
            = { BrokerHolding { QStringLiteral("005930"), QStringLiteral("삼성전자"), 6, 70000, 420000, 63 } };
        broker.realized = 3348;
        broker.fees = 147;
        broker.taxes = 568;
        broker.realizedToday.insert(QStringLiteral("005930"), 3348);
        broker.d2Deposit = 100'000'000 - 700'000 - 105 + 284'000 - 42 - 568;

        app.orders = { appOrder(1, QStringLiteral("0000001"), Side::Buy, QStringLiteral("005930"), 10,
                           QStringLiteral("FILLED"), 10, 700000),
            appOrder(2, QStringLiteral("0000002"), Side::Sell, QStringLiteral("005930"), 4, QStringLiteral("FILLED"), 4,
                284000),
            appOrder(3, QStringLiteral("0000003"), Side::Buy, QStringLiteral("000660"), 5, QStringLiteral("ACCEPTED"),
                0, 0) };
        app.orders[0].originSignalId = 7;
        app.orders[2].originSignalId = 8;
        app.executions = { AppExecution { 1, 1, QStringLiteral("1"), 70000, 6, 63, 0 },
            AppExecution { 2, 1, QStringLiteral("2"), 70000, 4, 42, 0 },
            AppExecution { 3, 2, QStringLiteral("3"), 71000, 4, 42, 568 } };
        app.positions
            = { AppPosition { 1, QStringLiteral("005930"), QStringLiteral("OPEN"), 6, 70000, 10, 700000, 3348 } };
        app.sellOrders = { AppSellOrder { 1, 1, QStringLiteral("005930"), QStringLiteral("COMPLETED"), 2, 3348 } };
    }

    QStringList compare(const CompareOptions &options = full()) const { return Ledger::compare(broker, app, options); }

    static CompareOptions full()
    {
        CompareOptions o;
        o.compareMoney = true;
        o.initialCash = 100'000'000;
        return o;
    }
};

bool mentions(const QStringList &found, const QString &what)
{
    for (const QString &line : found) {
        if (line.contains(what))
            return true;
    }
    return false;
}

} // namespace

class TestBrokerLedger final : public QObject
{
    Q_OBJECT

private slots:
    void agreeingRecordsHaveNoDiscrepancy()
    {
        const Day day;
        const QStringList found = day.compare();
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
    }

    void orderNumbersPadOrNot()
    {
        Day day;
        day.app.orders[0].brokerOrderNo = QStringLiteral("1"); // stored unpadded: still the same order
        QVERIFY(day.compare().isEmpty());
    }

    void brokerNumberTwiceInOneDay()
    {
        Day day;
        AppOrder copy = day.app.orders[2];
        copy.id = 4;
        copy.clientOrderId = QStringLiteral("c4");
        copy.originSignalId = 9;
        day.app.orders.append(copy);
        const QStringList found = day.compare();
        QCOMPARE(found.size(), 1);
        QVERIFY2(found[0].contains(QStringLiteral("0000003 appears 2 times")), qPrintable(found[0]));
        QVERIFY(found[0].contains(QStringLiteral("#3, #4")));

        // The same number on another day is another order.
        day.app.orders.last().tradingDate = QStringLiteral("2025-03-07");
        day.app.orders.last().state = QStringLiteral("CANCELLED");
        QVERIFY2(day.compare().isEmpty(), qPrintable(day.compare().join(QLatin1Char('\n'))));
    }

    void ourFilledOrderUnknownToTheBroker()
    {
        Day day;
        day.broker.orders.removeAt(1); // the broker never saw the sell
        const QStringList found = day.compare(CompareOptions {});
        QVERIFY(
            mentions(found, QStringLiteral("order #2 (SELL 005930 × 4, broker 0000002, FILLED) has 4 shares filled")));
    }

    void ourOpenOrderNotOpenAtTheBroker()
    {
        Day day;
        day.broker.orders.removeAt(2);
        const QStringList found = day.compare(CompareOptions {});
        QCOMPARE(found.size(), 1);
        QVERIFY(found[0].contains(QStringLiteral("open in the app but the broker has no open order")));

        // Cancelled without a fill: the broker no longer lists it, and that is fine.
        day.app.orders[2].state = QStringLiteral("CANCELLED");
        QVERIFY(day.compare(CompareOptions {}).isEmpty());
    }

    void openStatesDisagree()
    {
        Day day;
        day.app.orders[2].state = QStringLiteral("CANCELLED");
        QVERIFY(
            mentions(day.compare(), QStringLiteral("is CANCELLED in the app but still open at the broker (5 shares)")));
        Day done;
        done.app.orders[0].state = QStringLiteral("PARTIAL");
        done.app.orders[0].quantity = 12;
        QVERIFY(mentions(done.compare(), QStringLiteral("is still PARTIAL in the app but done at the broker")));
    }

    void brokerOrderNotInOrders()
    {
        Day day;
        day.broker.orders.append(
            brokerOrder(QStringLiteral("0000004"), Side::Buy, QStringLiteral("005930"), 10, 0, 0, true));
        const QStringList found = day.compare();
        QCOMPARE(found.size(), 1);
        QVERIFY2(found[0].contains(
                     QStringLiteral("broker order 0000004 (+매수 005930 × 10, filled 0, 10 open) is not in orders")),
            qPrintable(found[0]));
        CompareOptions lenient = Day::full();
        lenient.requireEveryBrokerOrderKnown = false;
        QVERIFY(day.compare(lenient).isEmpty());
    }

    void aSignalOrderedTwice()
    {
        Day day;
        day.app.orders[2].originSignalId = 7;
        day.app.orders[2].origin = day.app.orders[0].origin;
        const QStringList found = day.compare();
        QCOMPARE(found.size(), 1);
        QVERIFY(found[0].contains(QStringLiteral("signal scalping #7 reached the broker 2 times (orders #1, #3)")));
        // A retry whose first attempt never reached the broker is fine.
        day.app.orders[2].brokerOrderNo.clear();
        day.app.orders[2].state = QStringLiteral("REJECTED");
        day.broker.orders.removeAt(2);
        QVERIFY(day.compare().isEmpty());
    }

    void fillsCountedTwiceOrMissed()
    {
        Day twice;
        twice.app.executions.append(AppExecution { 4, 1, QStringLiteral("2"), 70000, 4, 42, 0 });
        QStringList found = twice.compare(CompareOptions {});
        QVERIFY(mentions(found, QStringLiteral("execution 2 of order #1 is recorded twice")));
        QVERIFY(
            mentions(found, QStringLiteral("its executions add up to 14 shares but orders.filled_quantity says 10")));
        QVERIFY(mentions(found, QStringLiteral("14 shares in executions, the broker filled 10")));

        Day missed;
        missed.app.executions.removeAt(1);
        missed.app.orders[0].filledQuantity = 6;
        missed.app.orders[0].state = QStringLiteral("PARTIAL");
        found = missed.compare(CompareOptions {});
        QVERIFY(mentions(found, QStringLiteral("6 shares in executions, the broker filled 10")));
        QVERIFY(mentions(found, QStringLiteral("still PARTIAL in the app but done at the broker")));
    }

    void averageFillPriceWithinAWon()
    {
        Day day;
        day.broker.orders[0].avgFillPrice = 69999; // the broker rounds down, we may not
        QVERIFY(day.compare().isEmpty());
        day.broker.orders[0].avgFillPrice = 69990;
        QVERIFY(mentions(day.compare(), QStringLiteral("average fill price 70000 in executions, 69990 at the broker")));
    }

    void unsettledOrdersWithoutANumber()
    {
        Day day;
        AppOrder lost = appOrder(4, QString(), Side::Buy, QStringLiteral("035420"), 3, QStringLiteral("UNKNOWN"), 0, 0);
        day.app.orders.append(lost);
        QVERIFY(mentions(day.compare(), QStringLiteral("has no broker number and is still UNKNOWN")));
        day.app.orders.last().state = QStringLiteral("REJECTED"); // refused: never reached the broker
        QVERIFY(day.compare().isEmpty());
    }

    void cancelOrdersOnlyByNumber()
    {
        Day day;
        AppOrder cancel = appOrder(
            4, QStringLiteral("0000005"), Side::Buy, QStringLiteral("000660"), 5, QStringLiteral("ACCEPTED"), 0, 0);
        cancel.action = QStringLiteral("CANCEL");
        day.app.orders.append(cancel);
        QVERIFY(day.compare().isEmpty()); // the broker lists no cancel orders: nothing to check
        cancel.brokerOrderNo = QStringLiteral("0000001");
        day.app.orders.last() = cancel;
        const QStringList found = day.compare();
        QVERIFY(mentions(found, QStringLiteral("is a cancel, but the broker reports that number")));
        QVERIFY(mentions(found, QStringLiteral("0000001 appears 2 times")));
    }

    void positionsAgainstHoldings()
    {
        Day more;
        more.broker.holdings[0].quantity = 7;
        QStringList found = more.compare(CompareOptions {});
        QCOMPARE(found.size(), 1);
        QCOMPARE(found[0], QStringLiteral("position 005930: the app holds 6 shares, the broker 7"));

        Day price;
        price.broker.holdings[0].avgPrice = 70001; // rounding
        QVERIFY(price.compare(CompareOptions {}).isEmpty());
        price.broker.holdings[0].avgPrice = 70002;
        QVERIFY(mentions(price.compare(CompareOptions {}), QStringLiteral("average price 70,000 in the app, 70,002")));

        Day gone;
        gone.broker.holdings.clear();
        QVERIFY(
            mentions(gone.compare(CompareOptions {}), QStringLiteral("the app holds 6 shares, the broker holds none")));

        Day extra;
        extra.broker.holdings.append(
            BrokerHolding { QStringLiteral("000660"), QStringLiteral("SK하이닉스"), 5, 180000, 900000, 135 });
        QVERIFY(
            mentions(extra.compare(CompareOptions {}), QStringLiteral("holding 000660: the broker holds 5 shares")));

        Day closed;
        closed.app.positions[0].status = QStringLiteral("CLOSED");
        QVERIFY(mentions(closed.compare(CompareOptions {}), QStringLiteral("holding 005930")));
        closed.app.positions[0].status = QStringLiteral("SELLING"); // live
        QVERIFY(closed.compare(CompareOptions {}).isEmpty());

        Day two;
        two.app.positions.append(
            AppPosition { 2, QStringLiteral("005930"), QStringLiteral("OPEN"), 1, 70000, 1, 70000, 0 });
        found = two.compare(CompareOptions {});
        QVERIFY(mentions(found, QStringLiteral("2 live positions for 005930")));
        QVERIFY(mentions(found, QStringLiteral("the app holds 7 shares, the broker 6")));
    }

    void moneyToTheWon()
    {
        Day realized;
        realized.app.positions[0].realizedProfitLoss = 3347;
        QStringList found = realized.compare();
        QVERIFY(mentions(found, QStringLiteral("realized P&L: 3,347 KRW in positions, 3,348 KRW at the broker")));
        QVERIFY(realized.compare(CompareOptions {}).isEmpty()); // only when asked

        Day perStock;
        perStock.app.sellOrders[0].profitLoss = 2000;
        QVERIFY(mentions(perStock.compare(), QStringLiteral("realized P&L of 005930 today: 2,000 KRW in sell_orders")));

        Day fee;
        fee.app.executions[0].fee = 64;
        found = fee.compare();
        QVERIFY(mentions(found, QStringLiteral("fees: 148 KRW in executions, 147 KRW at the broker")));
        QVERIFY(mentions(found, QStringLiteral("fees 106 / tax 0 in executions, 105 / 0 at the broker")));
        QVERIFY(mentions(found, QStringLiteral("cash: initial 100,000,000 + executions = 99,583,284 KRW")));

        Day tax;
        tax.app.executions[2].tax = 0;
        QVERIFY(mentions(tax.compare(), QStringLiteral("tax: 0 KRW in executions, 568 KRW")));
    }

    void readsTheAppDatabaseReadOnly()
    {
        QTemporaryDir dir;
        ManualClock clock(StorageTest::T0);
        {
            auto db = Database::open(dir.path(), clock);
            QVERIFY2(db.ok(), db.ok() ? "" : qPrintable(db.error().message));
        }
        const QString file = QDir(dir.path()).filePath(Database::fileName());
        {
            StorageTest::RawConnection raw(file);
            QVERIFY(raw.isOpen());
            QVERIFY2(raw.exec(QStringLiteral(
                         "INSERT INTO orders (id, client_order_id, broker_order_no, side, stock_code, quantity, price, "
                         "trade_type, state, filled_quantity, filled_amount, created_at, updated_at, origin, "
                         "origin_signal_id, trading_date) VALUES (1, 'c1', '0000001', 'BUY', '005930', 10, 70000, '0', "
                         "'FILLED', 10, 700000, 1, 1, 'scalping', 7, '2025-03-10')")),
                qPrintable(raw.lastError()));
            QVERIFY2(
                raw.exec(QStringLiteral("INSERT INTO executions (order_id, broker_execution_no, price, quantity, fee, "
                                        "tax, executed_at, recorded_at) VALUES (1, '12', 70000, 10, 105, 0, 1, 1)")),
                qPrintable(raw.lastError()));
            QVERIFY2(
                raw.exec(QStringLiteral("INSERT INTO positions (id, stock_code, buy_price, buy_quantity, buy_amount, "
                                        "status, buy_time, quantity, origin, updated_at) VALUES (1, '005930', 70000, "
                                        "10, 700000, 'OPEN', 1, 10, 'scalping', 1)")),
                qPrintable(raw.lastError()));
            QVERIFY2(
                raw.exec(QStringLiteral("INSERT INTO sell_orders (position_id, stock_code, sell_quantity, sell_reason, "
                                        "status, created_at, updated_at) VALUES (1, '005930', 10, 'STOP_LOSS', "
                                        "'PENDING', 1, 1)")),
                qPrintable(raw.lastError()));
        }
        const QByteArray before = QCryptographicHash::hash(StorageTest::readFile(file), QCryptographicHash::Sha256);
        const Result<AppRecords> read = readAppDatabase(file);
        QVERIFY2(read.ok(), read.ok() ? "" : qPrintable(read.error().message));
        QCOMPARE(read->orders.size(), 1);
        const AppOrder &o = read->orders[0];
        QCOMPARE(o.brokerOrderNo, QStringLiteral("0000001"));
        QCOMPARE(o.side, Side::Buy);
        QCOMPARE(o.state, QStringLiteral("FILLED"));
        QCOMPARE(o.filledAmount, 700000);
        QCOMPARE(o.originSignalId, std::optional<qint64>(7));
        QCOMPARE(o.tradingDate, QStringLiteral("2025-03-10"));
        QCOMPARE(read->executions.size(), 1);
        QCOMPARE(read->executions[0].brokerExecutionNo, QStringLiteral("12"));
        QCOMPARE(read->executions[0].fee, 105);
        QCOMPARE(read->positions.size(), 1);
        QCOMPARE(read->positions[0].status, QStringLiteral("OPEN"));
        QCOMPARE(read->positions[0].quantity, 10);
        QCOMPARE(read->sellOrders.size(), 1);
        QVERIFY(!read->sellOrders[0].orderId);
        QVERIFY(!read->sellOrders[0].profitLoss);
        QCOMPARE(QCryptographicHash::hash(StorageTest::readFile(file), QCryptographicHash::Sha256), before);

        const Result<AppRecords> missing = readAppDatabase(dir.filePath(QStringLiteral("nothing.db")));
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, QStringLiteral("ledger.db_open"));
    }
};

QTEST_GUILESS_MAIN(TestBrokerLedger)
#include "tst_brokerledger.moc"
