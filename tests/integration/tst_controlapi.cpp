// SPDX-License-Identifier: GPL-3.0-or-later
// The control API against the simulator-backed engine (EngineSimRig: TradingEngine over a
// KiwoomSession against the in-process simulator on loopback), over real HTTP on 127.0.0.1:
//  * read routes answer from the engine and the database (health, positions, orders, watchlist,
//    strategies, balance, risk, signals, ledger, logs, service status);
//  * validation: bad stock codes, non-positive or non-integer numbers, unknown fields → 422 naming
//    the field, and no state change (every trading table and the broker's orders compared
//    before/after; refused commands only leave their audit row, by design);
//  * Idempotency-Key: two identical buys place one order and get the same answer; the key with
//    another body is 409;
//  * changes through the one command layer with actor "api": watchlist add/remove, kill switch and
//    resume, trading settings, services start/stop, cancel of an unknown order (404);
//  * stock codes the broker does not know (well-formed, not listed) are 422 naming the field on
//    the order and watchlist routes; GET /stocks/{code}/info answers ka10001's figures;
//  * the CSV exports (RFC 4180, text/csv) and their date validation;
//  * the /events WebSocket: refused without a key or with a foreign Host (HTTP 401/403 before any
//    upgrade), and with the key it greets and then pushes the order events of a buy.
#include "common/activitylog.h"
#include "common/settings.h"
#include "control/controlserver.h"
#include "recorder/marketrecorder.h"
#include "controlclient.h"
#include "enginesimrig.h"
#include "sim/simmarket.h"
#include "sim/simserver.h"
#include "storage/database.h"
#include "trading/eventfeed.h"
#include "trading/killswitch.h"
#include "trading/tradingengine.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

using namespace Qt::StringLiterals;

class TestControlApi final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<EngineSimRig> m_rig;
    std::unique_ptr<EventFeed> m_feed;
    std::unique_ptr<ControlServer> m_server;
    std::unique_ptr<MarketRecorder> m_recorder; // follows record/enabled, as TradingCore's does
    QTemporaryDir m_keyDir;
    QByteArray m_readKey, m_tradeKey;

    ControlClient trade() const
    {
        ControlClient c(m_server->port());
        c.setKey(m_tradeKey);
        return c;
    }
    ControlClient read() const
    {
        ControlClient c(m_server->port());
        c.setKey(m_readKey);
        return c;
    }

    // A liquid stock between 10,000 and 60,000 KRW.
    QString quietStock() const
    {
        const SimMarket &market = *m_rig->sim().server().market();
        for (int i = 0; i < market.stockCount(); ++i) {
            const SimQuote q = market.quote(i);
            if (market.info(i).avgVolume >= 100'000 && q.price >= 10'000 && q.price <= 60'000)
                return market.info(i).code;
        }
        return {};
    }

    // Every trading table's rows (audit rows of refused commands excepted) and the broker's orders.
    QByteArray snapshot()
    {
        QCryptographicHash h(QCryptographicHash::Sha256);
        const QSqlDatabase db = m_rig->db().connection();
        for (const QString &table : { u"auto_trade_conditions"_s, u"auto_trade_settings"_s, u"watchlist_stocks"_s,
                 u"pending_buy_signals"_s, u"trading_strategies"_s, u"strategy_signals"_s, u"positions"_s,
                 u"sell_orders"_s, u"orders"_s, u"executions"_s, u"signal_decisions"_s, u"engine_state"_s }) {
            QSqlQuery q(db);
            if (!q.exec(u"SELECT * FROM %1 ORDER BY rowid"_s.arg(table)))
                qFatal("snapshot: %s", qPrintable(table));
            while (q.next()) {
                for (int i = 0; i < q.record().count(); ++i)
                    h.addData(QByteArray(q.value(i).toString().toUtf8() + '\x1f'));
                h.addData(QByteArrayView("\n"));
            }
        }
        QSqlQuery q(db);
        q.exec(u"SELECT count(*) FROM audit_log WHERE entity <> 'command'"_s);
        q.next();
        h.addData(q.value(0).toString().toUtf8());
        auto broker = m_rig->broker();
        if (!broker)
            qFatal("broker records: %s", qPrintable(broker.error().message));
        h.addData(QByteArray::number(broker->orders.size()));
        return h.result().toHex();
    }

    static QByteArray describe(const ControlClient::Response &r) { return QByteArray::number(r.status) + ' ' + r.body; }

private slots:
    void initTestCase()
    {
        QVERIFY(m_keyDir.isValid());
        m_rig = std::make_unique<EngineSimRig>();
        EngineSimRig::Options o;
        o.configure = [](Settings &s) {
            (void)s.setValue(u"trading/autoTradeEnabled"_s, true);
            (void)s.setValue(u"trading/maxInvestAmount"_s, 1'000'000);
        };
        QVERIFY2(m_rig->start(o), qPrintable(m_rig->error()));

        ControlServer::Deps deps;
        deps.settings = &m_rig->settings();
        deps.database = &m_rig->db();
        deps.activity = &m_rig->activity();
        deps.marketClock = &m_rig->sim().clientClock();
        deps.engine = [this] { return &m_rig->engine(); };
        deps.health = [] { return QJsonObject { { u"mode"_s, u"demo"_s } }; };
        m_feed = std::make_unique<EventFeed>();
        m_feed->attachEngine(&m_rig->engine());
        deps.events = m_feed.get();
        deps.rest = [this] { return &m_rig->sim().rest(); };
        deps.recorder = [this] { return m_recorder.get(); };
        deps.recordingsDir = m_keyDir.filePath(u"recordings"_s);
        connect(&m_rig->settings(), &Settings::changed, this, [this](const QString &key) {
            if (key != u"record/enabled")
                return;
            if (!m_rig->settings().recordEnabled()) {
                m_recorder.reset();
                return;
            }
            MarketRecorder::Config config;
            config.directory = m_keyDir.filePath(u"recordings"_s);
            m_recorder = std::make_unique<MarketRecorder>(config);
            if (!m_recorder->start())
                m_recorder.reset();
        });
        m_server = std::make_unique<ControlServer>(deps);
        ControlServer::Options so;
        so.keyFile = m_keyDir.filePath(u"control-api-keys.json"_s);
        auto port = m_server->start(so);
        QVERIFY2(port.ok(), port ? "" : qPrintable(port.error().message));
        QFile f(so.keyFile);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject keys = QJsonDocument::fromJson(f.readAll()).object();
        m_readKey = keys.value(u"read_key"_s).toString().toLatin1();
        m_tradeKey = keys.value(u"trade_key"_s).toString().toLatin1();
    }

    void cleanupTestCase()
    {
        m_server.reset();
        m_recorder.reset();
        if (m_feed)
            m_feed->attachEngine(nullptr);
        if (m_rig)
            m_rig->stop();
        m_rig.reset();
    }

    void readRoutes()
    {
        auto r = read().get("/api/v1/health");
        QVERIFY2(r.status == 200, describe(r).constData());
        QVERIFY(r.json().value(u"ready"_s).toBool());
        QCOMPARE(r.json().value(u"mode"_s).toString(), u"demo"_s);
        QVERIFY(r.json().value(u"engine"_s).toObject().contains(u"state"_s));
        QVERIFY(!r.json().value(u"services"_s).toArray().isEmpty());

        for (const QByteArray &path : QList<QByteArray> { "/api/v1/positions/", "/api/v1/orders/", "/api/v1/watchlist/",
                 "/api/v1/strategies/", "/api/v1/account/balance", "/api/v1/risk/status", "/api/v1/signals/pending",
                 "/api/v1/signals/ledger?code=005930&date=2025-03-10", "/api/v1/logs?since=0",
                 "/api/v1/monitoring/status", "/api/v1/strategy/status", "/api/v1/scalping/status",
                 "/api/v1/trading/settings", "/api/v1/orders/?state=FILLED", "/api/v1/orders/?date=2025-03-10",
                 "/api/v1/account/holdings", "/api/v1/account/profit", "/api/v1/account/profit?from=2025-03-01",
                 "/api/v1/signals/statistics", "/api/v1/signals/statistics?from=2025-03-01&to=2025-03-10",
                 "/api/v1/signals/by-strategy/1" }) {
            r = read().get(path);
            QVERIFY2(r.status == 200, QByteArray(path + ": " + describe(r)).constData());
        }
        QVERIFY(read().get("/api/v1/strategies/").json().value(u"types"_s).toArray().size() > 0);
        QCOMPARE(
            read().get("/api/v1/risk/status").json().value(u"kill_switch"_s).toObject().value(u"mode"_s).toString(),
            u"OFF"_s);
        QVERIFY(read().get("/api/v1/account/balance").json().contains(u"orderable"_s));
        QCOMPARE(read().get("/api/v1/monitoring/status").json().value(u"name"_s).toString(), u"monitoring"_s);
        const QJsonArray logs = read().get("/api/v1/logs?since=0").json().value(u"entries"_s).toArray();
        QVERIFY(!logs.isEmpty());
        const qint64 last = logs.last().toObject().value(u"id"_s).toInteger();
        QVERIFY(read()
                    .get("/api/v1/logs?since=" + QByteArray::number(last))
                    .json()
                    .value(u"entries"_s)
                    .toArray()
                    .isEmpty());

        // Query validation.
        for (const QByteArray &path : QList<QByteArray> { "/api/v1/orders/?state=NOPE",
                 "/api/v1/orders/?date=2025-13-40", "/api/v1/signals/ledger?code=59", "/api/v1/logs?since=x" }) {
            r = read().get(path);
            QVERIFY2(r.status == 422, QByteArray(path + ": " + describe(r)).constData());
            QCOMPARE(r.errorCode(), u"invalid_field"_s);
        }
    }

    void invalidRequestsChangeNothing_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("field");
        const QByteArray buy = "/api/v1/trading/buy";
        QTest::newRow("no code") << "POST"_ba << buy << "{}"_ba << 422 << u"code"_s;
        QTest::newRow("short code") << "POST"_ba << buy << R"({"code":"12345","quantity":1})"_ba << 422 << u"code"_s;
        QTest::newRow("numeric code") << "POST"_ba << buy << R"({"code":5930,"quantity":1})"_ba << 422 << u"code"_s;
        QTest::newRow("no quantity") << "POST"_ba << buy << R"({"code":"005930"})"_ba << 422 << u"quantity"_s;
        QTest::newRow("negative") << "POST"_ba << buy << R"({"code":"005930","quantity":-1})"_ba << 422
                                  << u"quantity"_s;
        QTest::newRow("zero") << "POST"_ba << buy << R"({"code":"005930","quantity":0})"_ba << 422 << u"quantity"_s;
        QTest::newRow("fraction") << "POST"_ba << buy << R"({"code":"005930","quantity":1.5})"_ba << 422
                                  << u"quantity"_s;
        QTest::newRow("string number") << "POST"_ba << buy << R"({"code":"005930","quantity":"10"})"_ba << 422
                                       << u"quantity"_s;
        QTest::newRow("both") << "POST"_ba << buy << R"({"code":"005930","quantity":1,"amount":100000})"_ba << 422
                              << u"quantity"_s;
        QTest::newRow("huge") << "POST"_ba << buy << R"({"code":"005930","quantity":1e300})"_ba << 422 << u"quantity"_s;
        QTest::newRow("bad type") << "POST"_ba << buy << R"({"code":"005930","quantity":1,"order_type":"stop"})"_ba
                                  << 422 << u"order_type"_s;
        QTest::newRow("zero price") << "POST"_ba << buy << R"({"code":"005930","quantity":1,"price":0})"_ba << 422
                                    << u"price"_s;
        QTest::newRow("unknown field") << "POST"_ba << buy << R"({"code":"005930","qty":1})"_ba << 422 << u"qty"_s;
        QTest::newRow("market with price")
            << "POST"_ba << buy << R"({"code":"005930","quantity":1,"order_type":"market","price":70000})"_ba << 422
            << QString();
        QTest::newRow("off the tick") << "POST"_ba << buy << R"({"code":"005930","quantity":1,"price":70001})"_ba << 422
                                      << QString();
        QTest::newRow("malformed") << "POST"_ba << buy << R"({"code":"005930",)"_ba << 400 << QString();
        QTest::newRow("unknown code") << "POST"_ba << buy << R"({"code":"999999","quantity":1})"_ba << 422 << u"code"_s;
        QTest::newRow("sell unknown code") << "POST"_ba
                                           << "/api/v1/trading/sell"_ba
                                           << R"({"code":"999998"})"_ba << 422 << u"code"_s;
        QTest::newRow("watchlist unknown code") << "POST"_ba
                                                << "/api/v1/watchlist/add"_ba
                                                << R"({"code":"999997"})"_ba << 422 << u"code"_s;
        QTest::newRow("watchlist code") << "POST"_ba
                                        << "/api/v1/watchlist/add"_ba
                                        << R"({"code":"ABC"})"_ba << 422 << u"code"_s;
        QTest::newRow("watchlist delete") << "DELETE"_ba
                                          << "/api/v1/watchlist/12"_ba << QByteArray() << 422 << u"code"_s;
        QTest::newRow("cancel id") << "POST"_ba
                                   << "/api/v1/orders/abc/cancel"_ba << QByteArray() << 422 << u"id"_s;
        QTest::newRow("cancel unknown") << "POST"_ba
                                        << "/api/v1/orders/999999/cancel"_ba << QByteArray() << 404 << QString();
        QTest::newRow("kill mode") << "POST"_ba
                                   << "/api/v1/risk/kill-switch"_ba
                                   << R"({"mode":"PANIC"})"_ba << 422 << u"mode"_s;
        QTest::newRow("kill off") << "POST"_ba
                                  << "/api/v1/risk/kill-switch"_ba
                                  << R"({"mode":"OFF"})"_ba << 422 << u"mode"_s;
        QTest::newRow("settings value") << "POST"_ba
                                        << "/api/v1/trading/settings"_ba
                                        << R"({"stop_loss_rate":-5})"_ba << 422 << QString();
        QTest::newRow("settings unknown") << "POST"_ba
                                          << "/api/v1/trading/settings"_ba
                                          << R"({"nope":1})"_ba << 422 << QString();
        QTest::newRow("strategy unknown") << "POST"_ba
                                          << "/api/v1/strategies/nope/configure"_ba
                                          << R"({"parameters":{}})"_ba << 404 << QString();
        QTest::newRow("strategy params") << "POST"_ba
                                         << "/api/v1/strategies/rsi/configure"_ba
                                         << R"({"parameters":[]})"_ba << 422 << u"parameters"_s;
        QTest::newRow("service extra") << "POST"_ba
                                       << "/api/v1/monitoring/start"_ba
                                       << R"({"now":true})"_ba << 422 << u"now"_s;
    }

    void invalidRequestsChangeNothing()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, field);
        const QByteArray before = snapshot();
        const auto r = trade().send(method, path, body, { { "Content-Type", "application/json" } });
        QVERIFY2(r.status == status, describe(r).constData());
        const QJsonObject error = r.json().value(u"error"_s).toObject();
        QVERIFY(!error.value(u"code"_s).toString().isEmpty());
        QVERIFY(!error.value(u"message"_s).toString().isEmpty());
        if (!field.isEmpty())
            QCOMPARE(error.value(u"field"_s).toString(), field);
        QCOMPARE(snapshot(), before);
    }

    // Thousands of random and malformed requests: every one is answered, none with a 5xx, and
    // nothing changes (writes only ever reach a controller with a body that cannot be a command).
    void fuzzNoCrashNo5xxNoStateChange()
    {
        const QByteArray before = snapshot();
        QRandomGenerator rng(20251207);
        const QList<Control::Route> routes = m_server->routes().routes();
        const QList<QByteArray> params { "", "0", "-1", "abc", "005930", "99999999999999999999", "%00", "..", "%2F",
            "1e3", "%EA%B0%80", "null", "{}" };
        const QList<QByteArray> methods { "GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS" };
        const QByteArray port = QByteArray::number(m_server->port());
        auto garbage = [&rng](int maxLen) {
            QByteArray b(rng.bounded(1, maxLen), Qt::Uninitialized);
            for (char &c : b)
                c = char(rng.bounded(256));
            return b;
        };
        QElapsedTimer timer;
        timer.start();
        int answered = 0;
        const int total = 1500;
        QMap<int, int> byStatus;
        for (int i = 0; i < total; ++i) {
            const Control::Route &route = routes[rng.bounded(int(routes.size()))];
            QByteArray path;
            for (const QString &seg : route.pattern.split(u'/', Qt::SkipEmptyParts)) {
                path += '/';
                path += seg.startsWith(u'{') ? params[rng.bounded(int(params.size()))] : seg.toLatin1();
            }
            if (rng.bounded(4) == 0)
                path += "?" + garbage(40).toPercentEncoding("=&");
            if (rng.bounded(10) == 0)
                path += "/extra";
            const bool writeMethod = rng.bounded(3) == 0;
            QByteArray method = writeMethod ? methods[rng.bounded(int(methods.size()))] : route.method.toLatin1();
            ControlClient c(m_server->port());
            QList<QPair<QByteArray, QByteArray>> headers;
            QByteArray body;
            if (method == "GET") {
                c.setKey(rng.bounded(2) ? m_readKey : m_tradeKey);
            } else if (rng.bounded(2)) {
                c.setKey(m_readKey); // 403 whatever the body
                body = rng.bounded(2) ? garbage(200) : QByteArray(R"({"code":"005930","quantity":1})");
            } else {
                c.setKey(m_tradeKey);
                body = '#' + garbage(300); // never a JSON object: 400 before any controller
            }
            switch (rng.bounded(12)) {
            case 0:
                c.setHost("evil.example:" + port);
                break;
            case 1:
                headers.append(qMakePair(QByteArray("Origin"), QByteArray("https://evil.example")));
                break;
            case 2:
                headers.append(qMakePair(QByteArray("Idempotency-Key"), garbage(30).toHex()));
                break;
            default:
                break;
            }
            const auto r = c.send(method, path, body, headers);
            QVERIFY2(r.status >= 200 && r.status < 500,
                QByteArray(method + ' ' + path + " → " + QByteArray::number(r.status) + ' ' + r.body).constData());
            if (r.status >= 400)
                QVERIFY(!r.errorCode().isEmpty());
            ++answered;
            ++byStatus[r.status];
        }
        QCOMPARE(answered, total);
        qInfo() << total << "fuzz requests in" << timer.elapsed() << "ms; by status:" << byStatus;
        QVERIFY(byStatus.value(200) > 100); // the reads got through
        QVERIFY(byStatus.value(400) > 50); // the writes reached the JSON check
        QCOMPARE(snapshot(), before);
    }

    void idempotentBuyPlacesOneOrder()
    {
        const QString code = quietStock();
        QVERIFY(!code.isEmpty());
        const QJsonObject body { { u"code"_s, code }, { u"quantity"_s, 3 }, { u"order_type"_s, u"market"_s } };
        const QList<QPair<QByteArray, QByteArray>> key { { "Idempotency-Key", "test-buy-1" } };
        const auto first = trade().post("/api/v1/trading/buy", body, key);
        QVERIFY2(first.status == 200, describe(first).constData());
        const qint64 signalId = first.json().value(u"signal_id"_s).toInteger();
        QVERIFY(signalId > 0);
        const auto second = trade().post("/api/v1/trading/buy", body, key);
        QVERIFY2(second.status == 200, describe(second).constData());
        QCOMPARE(second.body, first.body);
        // The same key for another request is a conflict, and places nothing.
        QJsonObject other = body;
        other.insert(u"quantity"_s, 4);
        const auto conflict = trade().post("/api/v1/trading/buy", other, key);
        QVERIFY2(conflict.status == 409, describe(conflict).constData());
        QCOMPARE(conflict.errorCode(), u"idempotency_conflict"_s);

        QVERIFY(m_rig->advanceUntil([&] { return !m_rig->ordersFor(code).isEmpty(); }, 60'000));
        m_rig->advance(5000);
        const auto orders = m_rig->ordersFor(code);
        QCOMPARE(orders.size(), 1);
        QCOMPARE(orders.first().quantity, 3);
        auto broker = m_rig->broker();
        QVERIFY(broker.ok());
        int atBroker = 0;
        for (const auto &o : broker->orders)
            atBroker += o.code == code ? 1 : 0;
        QCOMPARE(atBroker, 1);

        // Visible through the read routes, audited with actor "api".
        const auto listed = read().get("/api/v1/orders/");
        QVERIFY(QJsonDocument(listed.json()).toJson().contains(code.toLatin1()));
        QSqlQuery q(m_rig->db().connection());
        QVERIFY(q.exec(u"SELECT count(*) FROM audit_log WHERE actor = 'api' AND action = 'order.buy'"_s));
        QVERIFY(q.next());
        QVERIFY(q.value(0).toInt() >= 1);
    }

    void watchlistAddAndRemove()
    {
        const QString code = u"035720"_s;
        auto r = trade().post("/api/v1/watchlist/add", { { u"code"_s, code }, { u"name"_s, u"Kakao"_s } });
        QVERIFY2(r.status == 200, describe(r).constData());
        QVERIFY(QJsonDocument(read().get("/api/v1/watchlist/").json()).toJson().contains(code.toLatin1()));
        r = trade().send("DELETE", "/api/v1/watchlist/" + code.toLatin1());
        QVERIFY2(r.status == 200, describe(r).constData());
        QVERIFY(!QJsonDocument(read().get("/api/v1/watchlist/").json()).toJson().contains(code.toLatin1()));
    }

    void killSwitchAndResume()
    {
        auto r
            = trade().post("/api/v1/risk/kill-switch", { { u"mode"_s, u"no_new_entries"_s }, { u"reason"_s, u"t"_s } });
        QVERIFY2(r.status == 200, describe(r).constData());
        QCOMPARE(m_rig->engine().killSwitch().mode(), Trading::KillSwitchMode::NoNewEntries);
        QCOMPARE(m_rig->engine().killSwitch().actor(), u"api"_s);
        r = trade().post("/api/v1/risk/resume", {});
        QVERIFY2(r.status == 200, describe(r).constData());
        QCOMPARE(m_rig->engine().killSwitch().mode(), Trading::KillSwitchMode::Off);
    }

    void tradingSettingsRoundTrip()
    {
        const QJsonObject before = read().get("/api/v1/trading/settings").json();
        QVERIFY(before.contains(u"stop_loss_rate"_s));
        auto r = trade().post("/api/v1/trading/settings", { { u"stop_loss_rate"_s, 2.5 } });
        QVERIFY2(r.status == 200, describe(r).constData());
        QCOMPARE(read().get("/api/v1/trading/settings").json().value(u"stop_loss_rate"_s).toDouble(), 2.5);
    }

    void recorderToggle()
    {
        auto r = read().get("/api/v1/recorder");
        QVERIFY2(r.status == 200, describe(r).constData());
        QCOMPARE(r.json().value(u"enabled"_s).toBool(), false);
        QCOMPARE(r.json().value(u"recording"_s).toBool(), false);
        QVERIFY(r.json().value(u"directory"_s).toString().endsWith(u"recordings"_s));
        QVERIFY(r.json().value(u"cap_bytes"_s).toDouble() > 0);

        // Bad bodies: named, and nothing changes (no setting, no recorder, no audit row).
        auto audits = [this] {
            QSqlQuery q(m_rig->db().connection());
            q.exec(u"SELECT count(*) FROM audit_log WHERE action LIKE 'recorder.%'"_s);
            q.next();
            return q.value(0).toInt();
        };
        for (const auto &[body, field] : QList<QPair<QByteArray, QString>> { { R"({})"_ba, u"enabled"_s },
                 { R"({"enabled":"yes"})"_ba, u"enabled"_s }, { R"({"enabled":1})"_ba, u"enabled"_s },
                 { R"({"enabled":true,"file":"x"})"_ba, u"file"_s } }) {
            r = trade().send("PUT", "/api/v1/recorder", body);
            QVERIFY2(r.status == 422, QByteArray(body + ": " + describe(r)).constData());
            QCOMPARE(r.errorCode(), u"invalid_field"_s);
            QVERIFY2(r.body.contains(field.toLatin1()), describe(r).constData());
        }
        r = trade().send("PUT", "/api/v1/recorder", R"({"enabled":)"_ba);
        QCOMPARE(r.status, 400);
        r = read().send("PUT", "/api/v1/recorder", R"({"enabled":true})"_ba); // the read key may not
        QCOMPARE(r.status, 403);
        QVERIFY(!m_rig->settings().recordEnabled());
        QVERIFY(!m_recorder);
        QCOMPARE(audits(), 0);

        // On: the setting, the recorder, the answer and an audit row with the actor.
        r = trade().send("PUT", "/api/v1/recorder", R"({"enabled":true})"_ba);
        QVERIFY2(r.status == 200, describe(r).constData());
        QVERIFY(r.json().value(u"enabled"_s).toBool());
        QVERIFY(r.json().value(u"recording"_s).toBool());
        QVERIFY(m_rig->settings().recordEnabled());
        QVERIFY(m_recorder);
        QCOMPARE(audits(), 1);
        QSqlQuery q(m_rig->db().connection());
        QVERIFY(q.exec(u"SELECT actor, action FROM audit_log WHERE action LIKE 'recorder.%'"_s));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), u"api"_s);
        QCOMPARE(q.value(1).toString(), u"recorder.enable"_s);
        // What it writes shows in the counters.
        m_recorder->realtimeFrame(1'765'000'800'000, R"({"trnm":"REAL","data":[]})"_ba);
        m_recorder->flush();
        r = read().get("/api/v1/recorder");
        QCOMPARE(r.json().value(u"frames"_s).toInt(), 1);
        QVERIFY(r.json().value(u"bytes_written"_s).toDouble() > 0);
        QVERIFY(r.json().value(u"blocks"_s).toInt() >= 1);
        QVERIFY(QFile::exists(r.json().value(u"file"_s).toString()));

        // Off again.
        r = trade().send("PUT", "/api/v1/recorder", R"({"enabled":false})"_ba);
        QVERIFY2(r.status == 200, describe(r).constData());
        QVERIFY(!r.json().value(u"enabled"_s).toBool());
        QVERIFY(!r.json().value(u"recording"_s).toBool());
        QVERIFY(!m_rig->settings().recordEnabled());
        QCOMPARE(audits(), 2);

        // Both are in the OpenAPI document.
        const QJsonObject paths = read()
                                      .get("/api/v1/openapi.json")
                                      .json()
                                      .value(u"paths"_s)
                                      .toObject()
                                      .value(u"/api/v1/recorder"_s)
                                      .toObject();
        QVERIFY(paths.contains(u"get"_s));
        QVERIFY(paths.contains(u"put"_s));
    }

    void servicesStartAndStop()
    {
        auto r = trade().post("/api/v1/scalping/start", {});
        QVERIFY2(r.status == 200, describe(r).constData());
        QVERIFY(read().get("/api/v1/scalping/status").json().value(u"running"_s).toBool());
        r = trade().post("/api/v1/scalping/stop", {});
        QVERIFY2(r.status == 200, describe(r).constData());
        QVERIFY(!read().get("/api/v1/scalping/status").json().value(u"running"_s).toBool());
    }

    void stockInfo()
    {
        const QString code = quietStock();
        auto r = read().get("/api/v1/stocks/" + code.toLatin1() + "/info");
        QVERIFY2(r.status == 200, describe(r).constData());
        const QJsonObject o = r.json();
        QCOMPARE(o.value(u"code"_s).toString(), code);
        QVERIFY(!o.value(u"name"_s).toString().isEmpty());
        QVERIFY(o.value(u"price"_s).toInteger() > 0);
        QVERIFY(o.value(u"base_price"_s).toInteger() > 0);
        QVERIFY(o.value(u"upper_limit"_s).toInteger() > o.value(u"lower_limit"_s).toInteger());
        QVERIFY(o.value(u"change"_s).isDouble());
        QVERIFY2(!o.value(u"market"_s).toString().isEmpty(), QJsonDocument(o).toJson().constData()); // ka10100
        const QByteArray before = snapshot();
        r = read().get("/api/v1/stocks/999999/info");
        QVERIFY2(r.status == 422, describe(r).constData());
        QCOMPARE(r.json().value(u"error"_s).toObject().value(u"field"_s).toString(), u"code"_s);
        r = read().get("/api/v1/stocks/12/info");
        QCOMPARE(r.status, 422);
        QCOMPARE(snapshot(), before);
    }

    void csvExports()
    {
        auto r = read().get("/api/v1/export/orders.csv");
        QVERIFY2(r.status == 200, describe(r).constData());
        QCOMPARE(r.header("Content-Type"), QByteArray("text/csv; charset=utf-8"));
        QCOMPARE(r.header("Cache-Control"), QByteArray("no-store"));
        QVERIFY(r.body.endsWith("\r\n"));
        QList<QByteArray> lines = r.body.split('\n');
        lines.removeLast();
        for (const QByteArray &l : lines)
            QVERIFY(l.endsWith('\r'));
        QVERIFY2(
            lines.first().startsWith("id,created_at,stock_code,side,quantity,price,state,"), lines.first().constData());
        const int orders = int(read().get("/api/v1/orders/").json().value(u"orders"_s).toArray().size());
        QVERIFY(orders > 0); // the buys of the tests above
        QCOMPARE(int(lines.size()) - 1, orders);

        r = read().get("/api/v1/export/trades.csv");
        QVERIFY2(r.status == 200, describe(r).constData());
        QVERIFY(r.body.startsWith("id,executed_at,stock_code,stock_name,side,quantity,price,fee,tax,order_id,origin"));
        QVERIFY(r.body.count("\r\n") >= 2); // the header and at least the fill of the idempotent buy

        r = read().get("/api/v1/export/signals.csv");
        QVERIFY2(r.status == 200, describe(r).constData());
        QVERIFY(r.body.startsWith("kind,"));
        QVERIFY(r.body.contains("\r\npending_buy,") || r.body.contains("\r\nstrategy,"));

        for (const QByteArray &bad :
            { "/api/v1/export/orders.csv?from=2025-13-01"_ba,
                "/api/v1/export/trades.csv?from=2025-03-10&to=2025-03-01"_ba,
                "/api/v1/export/signals.csv?from=2020-01-01&to=2025-01-01"_ba, "/api/v1/export/signals.csv?to=x"_ba }) {
            r = read().get(bad);
            QVERIFY2(r.status == 422, QByteArray(bad + ": " + describe(r)).constData());
            QCOMPARE(r.errorCode(), u"invalid_field"_s);
        }
        QCOMPARE(read().get("/api/v1/export/positions.csv").status, 404);
    }

    void eventStream()
    {
        const QString url = m_server->eventsUrl();
        QVERIFY(url.startsWith(u"ws://127.0.0.1:"_s));
        QVERIFY(url.endsWith(u"/api/v1/events"_s));
        QCOMPARE(read().get("/api/v1/health").json().value(u"events_url"_s).toString(), url);
        QCOMPARE(read().get("/api/v1/events").json().value(u"websocket"_s).toString(), url);
        QCOMPARE(
            read().get("/api/v1/openapi.json").json().value(u"info"_s).toObject().value(u"x-events-url"_s).toString(),
            url);

        // Refused as plain HTTP before any upgrade.
        const QList<QPair<QByteArray, QByteArray>> upgrade { { "Upgrade", "websocket" }, { "Connection", "Upgrade" },
            { "Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==" }, { "Sec-WebSocket-Version", "13" } };
        ControlClient raw(m_server->eventsPort());
        auto r = raw.send("GET", "/api/v1/events", {}, upgrade);
        QVERIFY2(r.status == 401, describe(r).constData());
        QCOMPARE(r.errorCode(), u"unauthorized"_s);
        raw.setKey(m_readKey);
        raw.setHost("evil.example:" + QByteArray::number(m_server->eventsPort()));
        r = raw.send("GET", "/api/v1/events", {}, upgrade);
        QCOMPARE(r.status, 403);
        QCOMPARE(r.errorCode(), u"host_forbidden"_s);
        ControlClient plain(m_server->eventsPort());
        plain.setKey(m_readKey);
        QCOMPARE(plain.send("GET", "/api/v1/events").status, 426);

        // A real WebSocket client without the key does not get in.
        QWebSocket refused;
        QSignalSpy refusedConnected(&refused, &QWebSocket::connected);
        refused.open(QUrl(url));
        QTest::qWait(500);
        QCOMPARE(refusedConnected.size(), 0);

        // With the read key (header), and with ?token= (browsers).
        QWebSocket ws;
        QList<QJsonObject> events;
        connect(&ws, &QWebSocket::textMessageReceived, this,
            [&events](const QString &text) { events << QJsonDocument::fromJson(text.toUtf8()).object(); });
        QNetworkRequest request { QUrl(url) };
        request.setRawHeader("Authorization", "Bearer " + m_readKey);
        ws.open(request);
        QTRY_VERIFY_WITH_TIMEOUT(!events.isEmpty(), 10000);
        QCOMPARE(events.first().value(u"type"_s).toString(), u"hello"_s);
        QWebSocket byToken;
        QSignalSpy tokenConnected(&byToken, &QWebSocket::connected);
        byToken.open(QUrl(url + u"?token="_s + QString::fromLatin1(m_readKey)));
        QTRY_COMPARE_WITH_TIMEOUT(tokenConnected.size(), 1, 10000);

        // A demo buy: its order events arrive, in sequence.
        QString code;
        const SimMarket &market = *m_rig->sim().server().market();
        for (int i = market.stockCount() - 1; i >= 0 && code.isEmpty(); --i) {
            const SimQuote q = market.quote(i);
            if (market.info(i).avgVolume >= 100'000 && q.price >= 5'000 && q.price <= 100'000
                && m_rig->ordersFor(market.info(i).code).isEmpty())
                code = market.info(i).code;
        }
        QVERIFY(!code.isEmpty());
        r = trade().post(
            "/api/v1/trading/buy", { { u"code"_s, code }, { u"quantity"_s, 1 }, { u"order_type"_s, u"market"_s } });
        QVERIFY2(r.status == 200, describe(r).constData());
        QVERIFY(m_rig->advanceUntil([&] { return !m_rig->ordersFor(code).isEmpty(); }, 60'000));
        auto hasOrderEvent = [&] {
            for (const QJsonObject &e : events) {
                if (e.value(u"type"_s).toString() == u"order"
                    && QJsonDocument(e.value(u"data"_s).toObject()).toJson().contains(code.toLatin1()))
                    return true;
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(hasOrderEvent(), 15000);
        qint64 seq = 0;
        for (const QJsonObject &e : events.mid(1)) {
            QVERIFY(e.value(u"seq"_s).toInteger() > seq);
            seq = e.value(u"seq"_s).toInteger();
            QVERIFY(e.value(u"time"_s).toInteger() > 0);
            QVERIFY(e.value(u"data"_s).isObject());
        }
        ws.close();
        byToken.close();
    }
};

QTEST_GUILESS_MAIN(TestControlApi)
#include "tst_controlapi.moc"
