// SPDX-License-Identifier: GPL-3.0-or-later
// The simulator's state file format: a round trip keeps every value exactly (64-bit money beyond
// 2^53 included), and the decoder refuses what does not fit; SimMarket's resume time never goes back.
#include "market/krx.h"
#include "sim/simconfig.h"
#include "sim/simmarket.h"
#include "sim/simstatefile.h"
#include "sim/simuniverse.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

namespace {

int stockIndex(const char *code)
{
    const QList<SimStockInfo> &u = Sim::universe();
    for (int i = 0; i < u.size(); ++i) {
        if (u.at(i).code == QLatin1String(code))
            return i;
    }
    return -1;
}

// A balanced ledger: D+2 deposit + holdings cost = initial cash + realized.
SimSavedState sample(qint64 initialCash)
{
    SimSavedState s;
    s.virtualMs = Krx::fromKst(QDate(2025, 3, 11), QTime(11, 0));
    const int samsung = stockIndex("005930");
    SimAccount::State &a = s.exchange.account;
    a.pending.insert(QDate(2025, 3, 12), -5'000'750); // bought 5,000,000 + fee 750 on Monday
    a.pending.insert(QDate(2025, 3, 13), 1'000'000 - 150 - 2000); // sold Tuesday
    a.holdings.insert(samsung, SimAccount::Holding { 80, 4'000'000, 600 });
    a.days.insert(QDate(2025, 3, 10), SimAccount::DayTotals { 5'000'000, 0, 750, 0, 0, 0 });
    const qint64 realized = 1'000'000 - 1'000'000 - 150 - 150 - 2000;
    a.days.insert(QDate(2025, 3, 11), SimAccount::DayTotals { 0, 1'000'000, 150, 2000, realized, 1 });
    // deposit + pending + cost = initial + realized
    a.deposit = initialCash + realized - (4'000'000 + 600) - (-5'000'750 + 1'000'000 - 150 - 2000);

    SimOrder buy;
    buy.ordNo = 7;
    buy.rootOrdNo = 7;
    buy.stock = samsung;
    buy.side = SimSide::Buy;
    buy.market = true;
    buy.qty = 100;
    buy.openQty = 0;
    buy.filledQty = 100;
    buy.filledAmount = 5'000'000;
    buy.fees = 750;
    buy.lastFillPrice = 50'000;
    buy.state = SimOrderState::Filled;
    buy.timeMs = Krx::fromKst(QDate(2025, 3, 10), QTime(10, 0));
    buy.date = QDate(2025, 3, 10);
    SimOrder sell = buy;
    sell.ordNo = 8;
    sell.rootOrdNo = 8;
    sell.side = SimSide::Sell;
    sell.market = false;
    sell.qty = 30;
    sell.price = 50'000;
    sell.openQty = 10;
    sell.filledQty = 20;
    sell.filledAmount = 1'000'000;
    sell.fees = 150;
    sell.taxes = 2000;
    sell.state = SimOrderState::Open;
    sell.timeMs = Krx::fromKst(QDate(2025, 3, 11), QTime(10, 30));
    sell.date = QDate(2025, 3, 11);
    SimOrder modify = sell;
    modify.ordNo = 9;
    modify.origOrdNo = 8;
    modify.kind = SimOrderKind::Modify;
    modify.qty = 5;
    modify.openQty = 0;
    modify.filledQty = 0;
    modify.filledAmount = 0;
    modify.fees = 0;
    modify.taxes = 0;
    modify.state = SimOrderState::Replaced;
    s.exchange.orders = { buy, sell, modify };
    s.exchange.nextOrderNo = 10;

    SimFill f;
    f.fillNo = 3;
    f.ordNo = 8;
    f.stock = samsung;
    f.side = SimSide::Sell;
    f.price = 50'000;
    f.qty = 20;
    f.fee = 150;
    f.tax = 2000;
    f.realized = realized;
    f.avgPriceMilli = 50'000'000;
    f.timeMs = sell.timeMs;
    f.date = sell.date;
    s.exchange.fills = { f };
    s.exchange.nextFillNo = 4;
    return s;
}

QByteArray mutate(const QByteArray &json, const std::function<void(QJsonObject &)> &change)
{
    QJsonObject root = QJsonDocument::fromJson(json).object();
    change(root);
    return QJsonDocument(root).toJson();
}

} // namespace

class TestSimStateFile final : public QObject
{
    Q_OBJECT

private slots:
    void roundTripIsExact()
    {
        SimConfig config;
        config.seed = 18'446'744'073'709'551'557ULL; // beyond qint64 and 2^53
        config.initialCash = 9'007'199'254'740'993LL; // 2^53 + 1: a double would round it
        const SimSavedState in = sample(config.initialCash);
        const QByteArray json = Sim::encodeState(config, in);
        QVERIFY(json.contains("\"initial_cash\": \"9007199254740993\""));
        QVERIFY(json.contains("\"seed\": \"18446744073709551557\""));
        QVERIFY(json.contains("\"code\": \"005930\""));
        const auto out = Sim::decodeState(json, config);
        QVERIFY2(out.ok(), out.ok() ? "" : qPrintable(out.error().message));
        QCOMPARE(out->virtualMs, in.virtualMs);
        const SimAccount::State &a = out->exchange.account;
        QCOMPARE(a.deposit, in.exchange.account.deposit);
        QCOMPARE(a.pending, in.exchange.account.pending);
        QCOMPARE(a.holdings.keys(), in.exchange.account.holdings.keys());
        const SimAccount::Holding h = a.holdings.first();
        QCOMPARE(h.qty, qint64(80));
        QCOMPARE(h.purchaseAmount, qint64(4'000'000));
        QCOMPARE(h.buyFees, qint64(600));
        QCOMPARE(a.days.keys(), in.exchange.account.days.keys());
        QCOMPARE(a.days.last().realized, in.exchange.account.days.last().realized);
        QCOMPARE(a.days.last().sellFills, qint64(1));
        QCOMPARE(out->exchange.nextOrderNo, 10);
        QCOMPARE(out->exchange.nextFillNo, 4);
        QCOMPARE(out->exchange.orders.size(), 3);
        for (int i = 0; i < 3; ++i) {
            const SimOrder &x = out->exchange.orders.at(i);
            const SimOrder &y = in.exchange.orders.at(i);
            QCOMPARE(x.ordNo, y.ordNo);
            QCOMPARE(x.origOrdNo, y.origOrdNo);
            QCOMPARE(x.rootOrdNo, y.rootOrdNo);
            QCOMPARE(x.stock, y.stock);
            QCOMPARE(x.side, y.side);
            QCOMPARE(x.kind, y.kind);
            QCOMPARE(x.market, y.market);
            QCOMPARE(x.qty, y.qty);
            QCOMPARE(x.price, y.price);
            QCOMPARE(x.openQty, y.openQty);
            QCOMPARE(x.filledQty, y.filledQty);
            QCOMPARE(x.filledAmount, y.filledAmount);
            QCOMPARE(x.fees, y.fees);
            QCOMPARE(x.taxes, y.taxes);
            QCOMPARE(x.lastFillPrice, y.lastFillPrice);
            QCOMPARE(x.state, y.state);
            QCOMPARE(x.timeMs, y.timeMs);
            QCOMPARE(x.date, y.date);
        }
        const SimFill &f = out->exchange.fills.first();
        QCOMPARE(f.fillNo, 3);
        QCOMPARE(f.ordNo, 8);
        QCOMPARE(f.realized, in.exchange.fills.first().realized);
        QCOMPARE(f.avgPriceMilli, qint64(50'000'000));
        QCOMPARE(f.tax, qint64(2000));
        // Encoding is stable: the decoded state encodes to the same bytes.
        QCOMPARE(Sim::encodeState(config, out.value()), json);
    }

    void refuses_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("problem");
        QTest::newRow("not an object") << "array"
                                       << "not a JSON object";
        QTest::newRow("foreign format") << "format"
                                        << "not a kiwoom-sim state file";
        QTest::newRow("version as text") << "version-text"
                                         << "version: not a non-negative integer";
        QTest::newRow("money as number") << "deposit-number"
                                         << "account.deposit: not a string";
        QTest::newRow("money with decimals") << "deposit-decimal"
                                             << "account.deposit: \"1.5\" is not an integer";
        QTest::newRow("bad date") << "date"
                                  << "exchange.orders[1].date: \"2025-02-30\" is not a date";
        QTest::newRow("unknown side") << "side"
                                      << "exchange.orders[0].side: unknown value \"short\"";
        QTest::newRow("open without quantity") << "open0"
                                               << "exchange.orders[1].qty: not positive";
        QTest::newRow("oversold") << "oversell"
                                  << "open sell orders of 005930 for 100 shares, but 80 held";
        QTest::newRow("fill of unknown order") << "fill-order"
                                               << "refers to an unknown order 10";
        QTest::newRow("after save") << "future"
                                    << "placed after the state was saved";
        QTest::newRow("negative quantity") << "qty"
                                           << "account.holdings[0].qty: negative";
    }

    void refuses()
    {
        QFETCH(QString, what);
        QFETCH(QString, problem);
        SimConfig config;
        const QByteArray valid = Sim::encodeState(config, sample(config.initialCash));
        QVERIFY(Sim::decodeState(valid, config).ok());
        auto orderField = [](QJsonObject &root, int i, const char *key, const QJsonValue &v) {
            QJsonObject ex = root.value(QStringLiteral("exchange")).toObject();
            QJsonArray orders = ex.value(QStringLiteral("orders")).toArray();
            QJsonObject o = orders.at(i).toObject();
            o.insert(QLatin1String(key), v);
            orders.replace(i, o);
            ex.insert(QStringLiteral("orders"), orders);
            root.insert(QStringLiteral("exchange"), ex);
        };
        auto accountField = [](QJsonObject &root, const char *key, const QJsonValue &v) {
            QJsonObject a = root.value(QStringLiteral("account")).toObject();
            a.insert(QLatin1String(key), v);
            root.insert(QStringLiteral("account"), a);
        };
        QByteArray json;
        if (what == u"array") {
            json = "[1, 2]";
        } else {
            json = mutate(valid, [&](QJsonObject &root) {
                if (what == u"format")
                    root.insert(QStringLiteral("format"), QStringLiteral("something-else"));
                else if (what == u"version-text")
                    root.insert(QStringLiteral("version"), QStringLiteral("1"));
                else if (what == u"deposit-number")
                    accountField(root, "deposit", 1000);
                else if (what == u"deposit-decimal")
                    accountField(root, "deposit", QStringLiteral("1.5"));
                else if (what == u"date")
                    orderField(root, 1, "date", QStringLiteral("2025-02-30"));
                else if (what == u"side")
                    orderField(root, 0, "side", QStringLiteral("short"));
                else if (what == u"open0")
                    orderField(root, 1, "qty", QStringLiteral("0"));
                else if (what == u"oversell") {
                    orderField(root, 1, "qty", QStringLiteral("120"));
                    orderField(root, 1, "open_qty", QStringLiteral("100"));
                } else if (what == u"fill-order") {
                    QJsonObject ex = root.value(QStringLiteral("exchange")).toObject();
                    QJsonArray fills = ex.value(QStringLiteral("fills")).toArray();
                    QJsonObject f = fills.at(0).toObject();
                    f.insert(QStringLiteral("ord_no"), 10);
                    fills.replace(0, f);
                    ex.insert(QStringLiteral("fills"), fills);
                    root.insert(QStringLiteral("exchange"), ex);
                } else if (what == u"future") {
                    orderField(root, 2, "time_ms", QString::number(Krx::fromKst(QDate(2025, 3, 11), QTime(12, 0))));
                } else if (what == u"qty") {
                    QJsonObject a = root.value(QStringLiteral("account")).toObject();
                    QJsonArray hs = a.value(QStringLiteral("holdings")).toArray();
                    QJsonObject h = hs.at(0).toObject();
                    h.insert(QStringLiteral("qty"), QStringLiteral("-80"));
                    hs.replace(0, h);
                    a.insert(QStringLiteral("holdings"), hs);
                    root.insert(QStringLiteral("account"), a);
                }
            });
        }
        const auto decoded = Sim::decodeState(json, config);
        QVERIFY(!decoded.ok());
        QVERIFY2(decoded.error().message.contains(problem), qPrintable(decoded.error().message));
    }

    void saveIsOwnerOnlyAndLoadNamesTheFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("state.json"));
        SimConfig config;
        QVERIFY(Sim::saveState(path, config, sample(config.initialCash)).ok());
        QCOMPARE(QFile::permissions(path) & QFileDevice::Permissions(0x7077),
            QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QVERIFY(Sim::loadState(path, config).ok());
        config.seed += 1;
        const auto refused = Sim::loadState(path, config);
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().message.contains(path));
        QVERIFY(refused.error().message.contains(QStringLiteral("seed")));
        const auto missing = Sim::loadState(dir.filePath(QStringLiteral("nope.json")), config);
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().message.contains(QStringLiteral("nope.json")));
        // Writing into a directory that does not exist fails cleanly.
        QVERIFY(
            !Sim::saveState(dir.filePath(QStringLiteral("no/such/dir/state.json")), config, sample(config.initialCash))
                 .ok());
    }

    void resumeTimeNeverGoesBack_data()
    {
        QTest::addColumn<QDateTime>("saved"); // KST
        QTest::addColumn<bool>("follow");
        QTest::addColumn<QDateTime>("resume"); // KST
        const QDate mon(2025, 3, 10);
        const QDate tue(2025, 3, 11);
        const QDate sat(2025, 3, 15);
        const QDate nextMon(2025, 3, 17);
        QTest::newRow("in session") << QDateTime(mon, QTime(11, 5)) << false << QDateTime(mon, QTime(11, 5));
        QTest::newRow("at the close") << QDateTime(mon, QTime(15, 30)) << false << QDateTime(tue, QTime(9, 0));
        QTest::newRow("before the open") << QDateTime(tue, QTime(8, 0)) << false << QDateTime(tue, QTime(9, 0));
        QTest::newRow("weekend") << QDateTime(sat, QTime(12, 0)) << false << QDateTime(nextMon, QTime(9, 0));
        QTest::newRow("following hours") << QDateTime(mon, QTime(20, 0)) << true << QDateTime(mon, QTime(20, 0));
    }

    void resumeTimeNeverGoesBack()
    {
        QFETCH(QDateTime, saved);
        QFETCH(bool, follow);
        QFETCH(QDateTime, resume);
        const qint64 savedMs = Krx::fromKst(saved.date(), saved.time());
        const qint64 got = SimMarket::resumeTimeAfter(savedMs, follow);
        QCOMPARE(got, Krx::fromKst(resume.date(), resume.time()));
        QVERIFY(got >= savedMs);
    }
};

QTEST_GUILESS_MAIN(TestSimStateFile)
#include "tst_simstatefile.moc"
