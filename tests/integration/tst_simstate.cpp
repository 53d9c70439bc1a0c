// SPDX-License-Identifier: GPL-3.0-or-later
// The simulator's account survives a restart (SimConfig::stateFile), checked over real loopback
// HTTP: the account TRs report the same after a stop and start, open orders of the day rest again,
// order numbers go on; a bad state file refuses the start and stays byte-identical; a restart on a
// later trading day expires yesterday's open orders, releases their cash and settles what is due;
// SimHost saves by itself (on the simulator thread) shortly after an order.
#include "common/clock.h"
#include "sim/simexchange.h"
#include "sim/simhost.h"
#include "sim/simmarket.h"
#include "sim/simserver.h"
#include "simtestclient.h"
#include "simtestconfig.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

namespace {

struct Rig
{
    ManualClock clock { Krx::fromKst(QDate(2025, 3, 10), QTime(10, 0)) };
    SimServer server;
    std::unique_ptr<SimTestClient> client;

    Status start(SimConfig c)
    {
        c.clock = &clock;
        c.queryQuotaPerSecond = 0;
        c.orderQuotaPerSecond = 0;
        c.totalQueryQuotaPerSecond = 0;
        c.totalOrderQuotaPerSecond = 0;
        if (Status s = server.start(c); !s)
            return s;
        client = std::make_unique<SimTestClient>(server.restBaseUrl());
        if (client->issueToken(SimTest::appKey(), SimTest::secretKey()).returnCode() != 0)
            return Error { QStringLiteral("test"), QStringLiteral("no token") };
        return {};
    }

    SimTestClient::Reply order(const QString &apiId, const QString &code, qint64 qty, qint64 price)
    {
        return client->tr(apiId,
            { { QStringLiteral("dmst_stex_tp"), QStringLiteral("KRX") }, { QStringLiteral("stk_cd"), code },
                { QStringLiteral("ord_qty"), QString::number(qty) },
                { QStringLiteral("ord_uv"), price > 0 ? QString::number(price) : QString() },
                { QStringLiteral("trde_tp"), price > 0 ? QStringLiteral("0") : QStringLiteral("3") },
                { QStringLiteral("cond_uv"), QString() } });
    }
    SimTestClient::Reply buy(const QString &code, qint64 qty, qint64 price = 0)
    {
        return order(QStringLiteral("kt10000"), code, qty, price);
    }
    SimTestClient::Reply sell(const QString &code, qint64 qty, qint64 price = 0)
    {
        return order(QStringLiteral("kt10001"), code, qty, price);
    }
    QList<QJsonObject> openOrders()
    {
        return client->allPages(QStringLiteral("ka10075"),
            { { QStringLiteral("all_stk_tp"), QStringLiteral("0") }, { QStringLiteral("trde_tp"), QStringLiteral("0") },
                { QStringLiteral("stk_cd"), QString() }, { QStringLiteral("stex_tp"), QStringLiteral("0") } },
            QStringLiteral("oso"));
    }
    QList<QJsonObject> fills()
    {
        return client->allPages(QStringLiteral("ka10076"),
            { { QStringLiteral("stk_cd"), QString() }, { QStringLiteral("qry_tp"), QStringLiteral("0") },
                { QStringLiteral("sell_tp"), QStringLiteral("0") }, { QStringLiteral("ord_no"), QString() },
                { QStringLiteral("stex_tp"), QStringLiteral("0") } },
            QStringLiteral("cntr"));
    }
    QList<QJsonObject> holdings()
    {
        return client->allPages(QStringLiteral("kt00018"),
            { { QStringLiteral("qry_tp"), QStringLiteral("1") },
                { QStringLiteral("dmst_stex_tp"), QStringLiteral("KRX") } },
            QStringLiteral("acnt_evlt_remn_indv_tot"));
    }
    QJsonObject deposit()
    {
        return client->tr(QStringLiteral("kt00001"), { { QStringLiteral("qry_tp"), QStringLiteral("3") } }).json;
    }
    QJsonObject realizedByDay()
    {
        return client
            ->tr(QStringLiteral("ka10074"),
                { { QStringLiteral("strt_dt"), QStringLiteral("20250301") },
                    { QStringLiteral("end_dt"), QStringLiteral("20250331") } })
            .json;
    }
    QList<QJsonObject> realizedToday(const QString &code)
    {
        return client->allPages(
            QStringLiteral("ka10077"), { { QStringLiteral("stk_cd"), code } }, QStringLiteral("tdy_rlzt_pl_dtl"));
    }
    qint64 lowerLimit(const QString &code)
    {
        return std::abs(
            number(client->tr(QStringLiteral("ka10001"), { { QStringLiteral("stk_cd"), code } }).json, "lst_pric"));
    }
    qint64 upperLimit(const QString &code)
    {
        return std::abs(
            number(client->tr(QStringLiteral("ka10001"), { { QStringLiteral("stk_cd"), code } }).json, "upl_pric"));
    }

    static qint64 number(const QJsonObject &o, const char *name)
    {
        QString t = o.value(QLatin1String(name)).toString().trimmed();
        const bool negative = t.startsWith(QLatin1Char('-'));
        if (t.startsWith(QLatin1Char('+')) || negative)
            t = t.mid(1);
        return negative ? -t.toLongLong() : t.toLongLong();
    }
};

QString ordNoOf(const SimTestClient::Reply &r)
{
    return r.json.value(QStringLiteral("ord_no")).toString();
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

// The figures the app's reconciliation reads, minus what moves with the price.
QStringList ledgerView(Rig &rig)
{
    QStringList out;
    const QJsonObject dep = rig.deposit();
    for (const char *f : { "entr", "d1_entra", "d2_entra", "ord_alow_amt", "pymn_alow_amt" })
        out << QStringLiteral("%1=%2").arg(QLatin1String(f)).arg(Rig::number(dep, f));
    for (const QJsonObject &h : rig.holdings()) {
        out << QStringLiteral("%1 qty=%2 pur_pric=%3 pur_amt=%4")
                   .arg(h.value(QStringLiteral("stk_cd")).toString())
                   .arg(Rig::number(h, "rmnd_qty"))
                   .arg(Rig::number(h, "pur_pric"))
                   .arg(Rig::number(h, "pur_amt"));
    }
    const QJsonObject pl = rig.realizedByDay();
    for (const char *f : { "tot_buy_amt", "tot_sell_amt", "rlzt_pl", "trde_cmsn", "trde_tax" })
        out << QStringLiteral("%1=%2").arg(QLatin1String(f)).arg(Rig::number(pl, f));
    return out;
}

QStringList rowsView(const QList<QJsonObject> &rows, const QStringList &fields)
{
    QStringList out;
    for (const QJsonObject &row : rows) {
        QStringList parts;
        for (const QString &f : fields)
            parts << row.value(f).toString();
        out << parts.join(QLatin1Char('|'));
    }
    return out;
}

const QStringList OPEN_FIELDS { QStringLiteral("ord_no"), QStringLiteral("stk_cd"), QStringLiteral("ord_qty"),
    QStringLiteral("ord_pric"), QStringLiteral("oso_qty"), QStringLiteral("cntr_qty"), QStringLiteral("io_tp_nm"),
    QStringLiteral("tm") };
const QStringList FILL_FIELDS { QStringLiteral("ord_no"), QStringLiteral("stk_cd"), QStringLiteral("cntr_pric"),
    QStringLiteral("cntr_qty"), QStringLiteral("tdy_trde_cmsn"), QStringLiteral("tdy_trde_tax") };
const QStringList REALIZED_FIELDS { QStringLiteral("cntr_qty"), QStringLiteral("buy_uv"), QStringLiteral("cntr_pric"),
    QStringLiteral("tdy_sel_pl"), QStringLiteral("tdy_trde_cmsn") };

} // namespace

class TestSimState final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_validFile; // a state after a buy, a partial sell and a resting buy (seed 42)

    SimConfig configWith(const QString &file, quint64 seed = 42)
    {
        SimConfig c = SimTest::config(seed);
        c.stateFile = file;
        return c;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_validFile = m_dir.filePath(QStringLiteral("valid.json"));
        Rig rig;
        const Status s = rig.start(configWith(m_validFile));
        QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message));
        QCOMPARE(rig.buy(QStringLiteral("005930"), 50).returnCode(), 0);
        QCOMPARE(rig.sell(QStringLiteral("005930"), 20).returnCode(), 0);
        const qint64 lower = rig.lowerLimit(QStringLiteral("035720"));
        QCOMPARE(rig.buy(QStringLiteral("035720"), 5, Krx::addTicks(lower, 1)).returnCode(), 0);
        rig.server.stop();
        QVERIFY(QFile::exists(m_validFile));
        const QFileDevice::Permissions mode = QFile::permissions(m_validFile);
        QCOMPARE(mode & QFileDevice::Permissions(0x7077), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }

    void restartKeepsTheAccount()
    {
        const QString file = m_dir.filePath(QStringLiteral("restart.json"));
        const QString samsung = QStringLiteral("005930");
        QStringList ledger;
        QStringList open;
        QStringList fills;
        QStringList realized;
        QList<int> numbers;
        qint64 savedAt = 0;
        {
            Rig rig;
            const Status s = rig.start(configWith(file));
            QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message));
            const auto bought = rig.buy(samsung, 100);
            QCOMPARE(bought.returnCode(), 0);
            rig.server.advanceClock(60'000);
            const auto sold = rig.sell(samsung, 40); // partial sell
            QCOMPARE(sold.returnCode(), 0);
            const qint64 lower = rig.lowerLimit(QStringLiteral("000660"));
            const auto resting = rig.buy(QStringLiteral("000660"), 7, Krx::addTicks(lower, 1));
            QCOMPARE(resting.returnCode(), 0);
            const auto restingSell = rig.sell(samsung, 10, Krx::addTicks(rig.upperLimit(samsung), -1));
            QCOMPARE(restingSell.returnCode(), 0);
            rig.server.advanceClock(1000);
            for (const auto *r : { &bought, &sold, &resting, &restingSell })
                numbers << ordNoOf(*r).toInt();
            ledger = ledgerView(rig);
            open = rowsView(rig.openOrders(), OPEN_FIELDS);
            fills = rowsView(rig.fills(), FILL_FIELDS);
            realized = rowsView(rig.realizedToday(samsung), REALIZED_FIELDS);
            QVERIFY(open.size() >= 1);
            QVERIFY(open.join(QLatin1Char(' ')).contains(ordNoOf(resting)));
            QVERIFY(!fills.isEmpty());
            QVERIFY(!realized.isEmpty());
            QCOMPARE(Rig::number(rig.deposit(), "entr"), qint64(100'000'000));
            savedAt = rig.server.market()->nowMs();
        } // ~SimServer: stop() saves

        Rig rig;
        const Status s = rig.start(configWith(file));
        QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message));
        QVERIFY(rig.server.market()->nowMs() >= savedAt); // never backwards
        QCOMPARE(rig.server.market()->currentDate(), QDate(2025, 3, 10));
        QCOMPARE(ledgerView(rig), ledger);
        QCOMPARE(rowsView(rig.openOrders(), OPEN_FIELDS), open);
        QCOMPARE(rowsView(rig.fills(), FILL_FIELDS), fills);
        QCOMPARE(rowsView(rig.realizedToday(samsung), REALIZED_FIELDS), realized);
        // The next order number is greater than every earlier one (unique per trading date).
        const auto next = rig.buy(samsung, 1);
        QCOMPARE(next.returnCode(), 0);
        for (int n : numbers)
            QVERIFY2(ordNoOf(next).toInt() > n, qPrintable(ordNoOf(next)));
        // The restored sell order still holds its shares: only 100 - 40 - 10 (+1) are sellable.
        QCOMPARE(rig.sell(samsung, 52).returnCode(), 20);
        QCOMPARE(rig.sell(samsung, 51).returnCode(), 0);
    }

    void badStateFileRefusesToStart_data()
    {
        QTest::addColumn<QByteArray>("mutation"); // applied to the valid file's JSON
        QTest::addColumn<quint64>("seed");
        QTest::addColumn<QString>("problem");
        QTest::newRow("corrupt") << QByteArray("truncate") << quint64(42) << QStringLiteral("not valid JSON");
        QTest::newRow("empty") << QByteArray("empty") << quint64(42) << QStringLiteral("not valid JSON");
        QTest::newRow("wrong version") << QByteArray("version=99") << quint64(42)
                                       << QStringLiteral("format version 99, this build reads version 1");
        QTest::newRow("seed mismatch") << QByteArray() << quint64(43)
                                       << QStringLiteral(
                                              "saved for market seed 42, the simulator is configured with seed 43");
        QTest::newRow("account mismatch")
            << QByteArray("account_no=1234567890") << quint64(42) << QStringLiteral("saved for account 1234567890");
        QTest::newRow("cash mismatch") << QByteArray("initial_cash=5") << quint64(42)
                                       << QStringLiteral("saved for initial cash 5");
        QTest::newRow("negative deposit")
            << QByteArray("deposit=-1") << quint64(42) << QStringLiteral("account.deposit: negative");
        QTest::newRow("missing deposit") << QByteArray("deposit=") << quint64(42)
                                         << QStringLiteral("account.deposit: missing");
        QTest::newRow("ledger off by a won")
            << QByteArray("deposit+1") << quint64(42) << QStringLiteral("the ledger does not balance");
        QTest::newRow("unknown stock") << QByteArray("code=999999") << quint64(42)
                                       << QStringLiteral("unknown stock code");
        QTest::newRow("order numbers") << QByteArray("next_order_no=9") << quint64(42)
                                       << QStringLiteral("out of sequence");
    }

    void badStateFileRefusesToStart()
    {
        QFETCH(QByteArray, mutation);
        QFETCH(quint64, seed);
        QFETCH(QString, problem);
        const QString file = m_dir.filePath(
            QStringLiteral("bad-%1.json")
                .arg(QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-'))));
        QByteArray bytes = readAll(m_validFile);
        QVERIFY(!bytes.isEmpty());
        if (mutation == "truncate") {
            bytes.chop(bytes.size() / 3);
        } else if (mutation == "empty") {
            bytes.clear();
        } else if (!mutation.isEmpty()) {
            QJsonObject root = QJsonDocument::fromJson(bytes).object();
            QJsonObject config = root.value(QStringLiteral("config")).toObject();
            QJsonObject account = root.value(QStringLiteral("account")).toObject();
            QJsonObject exchange = root.value(QStringLiteral("exchange")).toObject();
            if (mutation == "version=99") {
                root.insert(QStringLiteral("version"), 99);
            } else if (mutation.startsWith("account_no=")) {
                config.insert(QStringLiteral("account_no"), QString::fromLatin1(mutation.mid(11)));
            } else if (mutation.startsWith("initial_cash=")) {
                config.insert(QStringLiteral("initial_cash"), QString::fromLatin1(mutation.mid(13)));
            } else if (mutation == "deposit=") {
                account.remove(QStringLiteral("deposit"));
            } else if (mutation.startsWith("deposit=")) {
                account.insert(QStringLiteral("deposit"), QString::fromLatin1(mutation.mid(8)));
            } else if (mutation == "deposit+1") {
                account.insert(QStringLiteral("deposit"),
                    QString::number(account.value(QStringLiteral("deposit")).toString().toLongLong() + 1));
            } else if (mutation.startsWith("code=")) {
                QJsonArray holdings = account.value(QStringLiteral("holdings")).toArray();
                QJsonObject h = holdings.at(0).toObject();
                h.insert(QStringLiteral("code"), QString::fromLatin1(mutation.mid(5)));
                holdings.replace(0, h);
                account.insert(QStringLiteral("holdings"), holdings);
            } else if (mutation.startsWith("next_order_no=")) {
                exchange.insert(QStringLiteral("next_order_no"), mutation.mid(14).toInt());
            }
            root.insert(QStringLiteral("config"), config);
            root.insert(QStringLiteral("account"), account);
            root.insert(QStringLiteral("exchange"), exchange);
            bytes = QJsonDocument(root).toJson();
        }
        QVERIFY(writeAll(file, bytes));
        const QDateTime modified = QFileInfo(file).lastModified();

        Rig rig;
        const Status s = rig.start(configWith(file, seed));
        QVERIFY(!s.ok());
        QVERIFY(!rig.server.isRunning());
        QVERIFY2(s.error().message.contains(QDir::toNativeSeparators(file)), qPrintable(s.error().message));
        QVERIFY2(s.error().message.contains(problem), qPrintable(s.error().message));
        QCOMPARE(readAll(file), bytes); // byte-identical
        QCOMPARE(QFileInfo(file).lastModified(), modified);
        rig.server.stop(); // no effect: never started
        QCOMPARE(readAll(file), bytes);
    }

    void validFileStillStarts()
    {
        // The control for the refusals above: the unmodified file is accepted.
        const QString file = m_dir.filePath(QStringLiteral("copy.json"));
        QVERIFY(writeAll(file, readAll(m_validFile)));
        Rig rig;
        const Status s = rig.start(configWith(file));
        QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message));
        QCOMPARE(rig.holdings().size(), 1);
        QCOMPARE(rig.openOrders().size(), 1);
    }

    void laterTradingDayExpiresOpenOrders()
    {
        const QString file = m_dir.filePath(QStringLiteral("later.json"));
        const QString code = QStringLiteral("105560");
        qint64 d2 = 0;
        QString restingNo;
        {
            Rig rig;
            QVERIFY(rig.start(configWith(file)).ok());
            const qint64 lower = rig.lowerLimit(code);
            const auto resting = rig.buy(code, 3, Krx::addTicks(lower, 1)); // never fills today
            QCOMPARE(resting.returnCode(), 0);
            restingNo = ordNoOf(resting);
            QCOMPARE(rig.buy(code, 10).returnCode(), 0);
            const QJsonObject dep = rig.deposit();
            d2 = Rig::number(dep, "d2_entra");
            QVERIFY(d2 < 100'000'000);
            // The resting order's reservation is not orderable.
            QVERIFY(Rig::number(dep, "ord_alow_amt") < d2);
            QCOMPARE(rig.openOrders().size(), 1);
        }

        {
            // Tuesday: yesterday's day order expired at its close, its cash is free again; the buy
            // settles on Wednesday (T+2).
            Rig rig;
            SimConfig c = configWith(file);
            c.startTimeMs = Krx::fromKst(QDate(2025, 3, 11), QTime(10, 0));
            QVERIFY(rig.start(c).ok());
            QCOMPARE(rig.server.market()->currentDate(), QDate(2025, 3, 11));
            QVERIFY(rig.openOrders().isEmpty());
            const QJsonObject dep = rig.deposit();
            QCOMPARE(Rig::number(dep, "entr"), qint64(100'000'000));
            QCOMPARE(Rig::number(dep, "d1_entra"), d2);
            QCOMPARE(Rig::number(dep, "ord_alow_amt"), d2);
            QVERIFY(rig.fills().isEmpty()); // ka10076 reports today's fills only
            QCOMPARE(rig.holdings().size(), 1);
            const SimOrder *expired = rig.server.exchange()->order(restingNo.toInt());
            QVERIFY(expired);
            QCOMPARE(expired->state, SimOrderState::Cancelled);
            QCOMPARE(expired->openQty, qint64(0));
            QCOMPARE(rig.server.exchange()->account().reserved(), qint64(0));
        }

        {
            // Wednesday: the settlement due by then has settled.
            Rig rig;
            SimConfig c = configWith(file);
            c.startTimeMs = Krx::fromKst(QDate(2025, 3, 12), QTime(9, 30));
            QVERIFY(rig.start(c).ok());
            const QJsonObject dep = rig.deposit();
            QCOMPARE(Rig::number(dep, "entr"), d2);
            QCOMPARE(Rig::number(dep, "d2_entra"), d2);
        }

        {
            // An automatic start earlier than the saved time goes on at the saved time instead.
            Rig rig;
            SimConfig c = configWith(file);
            c.startTimeMs = Krx::fromKst(QDate(2025, 3, 10), QTime(9, 10));
            QVERIFY(rig.start(c).ok());
            QCOMPARE(rig.server.market()->currentDate(), QDate(2025, 3, 12));
            QVERIFY(rig.server.market()->nowMs() >= Krx::fromKst(QDate(2025, 3, 12), QTime(9, 30)));
        }
    }

    void oldOrdersAreDroppedNumbersGoOn()
    {
        // A state whose first order and fill are from long ago: they are dropped on restore, and
        // the numbering continues after the highest number ever given.
        QJsonObject root = QJsonDocument::fromJson(readAll(m_validFile)).object();
        QJsonObject exchange = root.value(QStringLiteral("exchange")).toObject();
        QJsonArray orders = exchange.value(QStringLiteral("orders")).toArray();
        QJsonArray fills = exchange.value(QStringLiteral("fills")).toArray();
        QVERIFY(orders.size() == 3 && !fills.isEmpty());
        QJsonObject first = orders.at(0).toObject();
        QCOMPARE(first.value(QStringLiteral("state")).toString(), QStringLiteral("filled"));
        first.insert(QStringLiteral("date"), QStringLiteral("2025-01-02"));
        orders.replace(0, first);
        QJsonObject firstFill = fills.at(0).toObject();
        QCOMPARE(firstFill.value(QStringLiteral("ord_no")).toInt(), 1);
        firstFill.insert(QStringLiteral("date"), QStringLiteral("2025-01-02"));
        fills.replace(0, firstFill);
        exchange.insert(QStringLiteral("orders"), orders);
        exchange.insert(QStringLiteral("fills"), fills);
        root.insert(QStringLiteral("exchange"), exchange);
        const QString file = m_dir.filePath(QStringLiteral("old.json"));
        QVERIFY(writeAll(file, QJsonDocument(root).toJson()));

        Rig rig;
        const Status s = rig.start(configWith(file));
        QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message));
        const SimExchange &ex = *rig.server.exchange();
        QCOMPARE(ex.orders().size(), 2);
        QCOMPARE(ex.orders().first().ordNo, 2);
        QVERIFY(!ex.order(1));
        QVERIFY(ex.order(3));
        QCOMPARE(ex.fills().first().fillNo, firstFill.value(QStringLiteral("fill_no")).toInt() + 1);
        const auto next = rig.buy(QStringLiteral("005930"), 1);
        QCOMPARE(next.returnCode(), 0);
        QCOMPARE(ordNoOf(next), QStringLiteral("0000004"));
        QCOMPARE(ex.order(4)->qty, qint64(1));
        rig.server.stop();
        const QJsonObject saved = QJsonDocument::fromJson(readAll(file)).object();
        QCOMPARE(saved.value(QStringLiteral("exchange")).toObject().value(QStringLiteral("next_order_no")).toInt(), 5);
        QCOMPARE(
            saved.value(QStringLiteral("exchange")).toObject().value(QStringLiteral("orders")).toArray().size(), 3);
    }

    void hostSavesShortlyAfterAnOrder()
    {
        const QString file = m_dir.filePath(QStringLiteral("host.json"));
        SimHost host;
        SimConfig c = configWith(file);
        c.queryQuotaPerSecond = 0;
        c.orderQuotaPerSecond = 0;
        const auto started = host.start(c);
        QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().message));
        QVERIFY(QFile::exists(file)); // written at start
        auto nextOrderNo = [&] {
            return QJsonDocument::fromJson(readAll(file))
                .object()
                .value(QStringLiteral("exchange"))
                .toObject()
                .value(QStringLiteral("next_order_no"))
                .toInt();
        };
        QCOMPARE(nextOrderNo(), 1);
        SimTestClient client(host.restBaseUrl());
        QCOMPARE(client.issueToken(SimTest::appKey(), SimTest::secretKey()).returnCode(), 0);
        const auto r = client.tr(QStringLiteral("kt10000"),
            { { QStringLiteral("dmst_stex_tp"), QStringLiteral("KRX") },
                { QStringLiteral("stk_cd"), QStringLiteral("005930") },
                { QStringLiteral("ord_qty"), QStringLiteral("3") }, { QStringLiteral("ord_uv"), QString() },
                { QStringLiteral("trde_tp"), QStringLiteral("3") }, { QStringLiteral("cond_uv"), QString() } });
        QCOMPARE(r.returnCode(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(nextOrderNo(), 2, 3000); // without a stop
        host.stop();
        QCOMPARE(nextOrderNo(), 2);

        // And it goes on from there.
        QVERIFY(host.start(c).ok());
        QCOMPARE(host.state().value(QStringLiteral("orders")).toInt(), 1);
        QCOMPARE(host.state().value(QStringLiteral("account")).toObject().value(QStringLiteral("holdings")).toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(TestSimState)
#include "tst_simstate.moc"
