// SPDX-License-Identifier: GPL-3.0-or-later
// ControlServer's asynchronous routes and the news routes over them:
//  * addAsyncRoute() from another thread, before and after listening: the route is served, checked
//    like any (401 without a key, 403 for the read key on a change) and listed in openapi.json;
//  * respond() from another thread is marshalled back; a second respond() is dropped; a
//    controller that never answers gets 504 after the timeout, and its late answer goes nowhere;
//  * binary replies (image/png, text/csv) keep their bytes and content type, with the security headers;
//  * GET /stocks/{code}/news and /discussions against the simulator's Naver fixtures (demo keys):
//    ISO 8601 times with +09:00, counts as numbers, Korean intact; display/page validated (422);
//  * against an error server: Naver's 401 → 502 naver_auth, 429 "010" → 429 naver_quota, a changed
//    board layout → 502 naver_board_layout, and mock mode without keys → 409 naver_keys_missing.
#include "common/activitylog.h"
#include "common/clock.h"
#include "common/settings.h"
#include "control/controlserver.h"
#include "controlclient.h"
#include "market/krx.h"
#include "news/newsservice.h"
#include "sim/simhttpserver.h"
#include "sim/simnaver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using Control::Reply;
using Control::Request;
using Control::Respond;
using Control::Route;
using Control::Scope;

namespace {

const qint64 T0 = Krx::fromKst(QDate(2024, 5, 17), QTime(16, 0));

class NaverServer
{
public:
    enum class Fault
    {
        None,
        Auth,
        Quota,
        Layout,
    };
    NaverServer()
    {
        server.setHandler([this](const SimHttpRequest &r) {
            ++hits;
            SimHttpResponse resp;
            resp.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json; charset=utf-8")));
            if (fault == Fault::Auth && r.path.startsWith("/v1/search")) {
                resp.status = 401;
                resp.body = R"x({"errorMessage":"Authentication failed (인증에 실패했습니다.)","errorCode":"024"})x";
                return resp;
            }
            if (fault == Fault::Quota && r.path.startsWith("/v1/search")) {
                resp.status = 429;
                resp.body
                    = R"x({"errorMessage":"Query limit exceeded (호출 한도를 초과했습니다.)","errorCode":"010"})x";
                return resp;
            }
            if (fault == Fault::Layout && r.path.startsWith("/item/board")) {
                resp.headers = { qMakePair(QByteArray("Content-Type"), QByteArray("text/html; charset=utf-8")) };
                resp.body = "<html><body><div class=\"new-board\"><p>redesigned</p></div></body></html>";
                return resp;
            }
            if (auto answer = SimNaver::handle(r, T0))
                return *answer;
            resp.status = 404;
            return resp;
        });
        QVERIFY(server.listen(0).ok());
    }
    QUrl url() const { return QUrl(u"http://127.0.0.1:%1"_s.arg(server.port())); }
    SimHttpServer server;
    Fault fault = Fault::None;
    int hits = 0;
};

} // namespace

class TestControlAsync final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<ActivityLog> m_activity;
    ManualClock m_clock { T0 };
    std::unique_ptr<NewsService> m_news;
    std::unique_ptr<ControlServer> m_server;
    QByteArray m_readKey, m_tradeKey;

    ControlClient client(const QByteArray &key) const
    {
        ControlClient c(m_server->port());
        c.setKey(key);
        return c;
    }

    void startServer(int asyncTimeoutMs = 2000)
    {
        ControlServer::Deps deps;
        deps.settings = m_settings.get();
        deps.activity = m_activity.get();
        deps.clock = &m_clock;
        deps.news = [this] { return m_news.get(); };
        m_server = std::make_unique<ControlServer>(deps);
        ControlServer::Options o;
        o.keyFile = m_dir->filePath(u"keys.json"_s);
        o.asyncTimeoutMs = asyncTimeoutMs;
        auto port = m_server->start(o);
        QVERIFY2(port.ok(), port ? "" : qPrintable(port.error().message));
        QFile f(o.keyFile);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject keys = QJsonDocument::fromJson(f.readAll()).object();
        m_readKey = keys.value(u"read_key"_s).toString().toLatin1();
        m_tradeKey = keys.value(u"trade_key"_s).toString().toLatin1();
    }

    static Route route(const QString &method, const QString &pattern)
    {
        Route r;
        r.method = method;
        r.pattern = pattern;
        r.scope = Scope::Read;
        r.summary = u"test route"_s;
        return r;
    }

    static void verifyError(const ControlClient::Response &r, int status, const QString &code)
    {
        QVERIFY2(r.status == status, QByteArray(QByteArray::number(r.status) + ' ' + r.body).constData());
        QCOMPARE(r.errorCode(), code);
        QVERIFY(!r.json().value(u"error"_s).toObject().value(u"message"_s).toString().isEmpty());
    }

private slots:
    void init()
    {
        qunsetenv("KT_NAVER_NEWS_URL");
        qunsetenv("KT_NAVER_BOARD_URL");
        qunsetenv("NAVER_CLIENT_ID");
        qunsetenv("NAVER_CLIENT_SECRET");
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_settings = std::make_unique<Settings>(m_dir->filePath(u"kt.ini"_s));
        m_activity = std::make_unique<ActivityLog>();
        m_news = std::make_unique<NewsService>(m_clock, *m_settings);
    }

    void cleanup()
    {
        m_server.reset();
        m_news.reset();
        m_settings.reset();
        m_dir.reset();
    }

    void asyncRoutesFromAnotherThread()
    {
        startServer();
        // Registered from a worker thread after listening; answered from yet another thread.
        QThread worker;
        worker.start();
        QObject *onWorker = new QObject;
        onWorker->moveToThread(&worker);
        bool added = false;
        QMetaObject::invokeMethod(
            onWorker,
            [this, &added] {
                added = m_server->addAsyncRoute(
                    route(u"GET"_s, u"/api/v1/test/slow/{n}"_s), [](const Request &r, Respond respond) {
                        const QString n = r.params.value(u"n"_s);
                        QThread *t = QThread::create([respond, n] {
                            QThread::msleep(50);
                            respond(Reply::ok(QJsonObject { { u"n"_s, n } }));
                            respond(Reply::error(409, u"second"_s, u"dropped"_s)); // only once
                        });
                        QObject::connect(t, &QThread::finished, t, &QObject::deleteLater);
                        t->start();
                    });
                added = added
                    && m_server->addAsyncRoute(route(u"POST"_s, u"/api/v1/test/change"_s),
                        [](const Request &, Respond respond) { respond(Reply::ok({})); });
            },
            Qt::BlockingQueuedConnection);
        QVERIFY(added);
        QTRY_VERIFY(m_server->routes().routes().size() > 2
            && std::any_of(m_server->routes().routes().cbegin(), m_server->routes().routes().cend(),
                [](const Route &r) { return r.pattern == u"/api/v1/test/change"; }));

        auto r = client(m_readKey).get("/api/v1/test/slow/7");
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE(r.json().value(u"n"_s).toString(), u"7"_s);
        QCOMPARE(r.header("Cache-Control"), QByteArray("no-store"));
        // Same checks as any route.
        verifyError(client({}).get("/api/v1/test/slow/7"), 401, u"unauthorized"_s);
        verifyError(client(m_readKey).post("/api/v1/test/change", {}), 403, u"forbidden_scope"_s);
        QCOMPARE(client(m_tradeKey).post("/api/v1/test/change", {}).status, 200);
        // Listed in openapi.json like any route.
        const QJsonObject paths = client(m_readKey).get("/api/v1/openapi.json").json().value(u"paths"_s).toObject();
        QVERIFY(paths.value(u"/api/v1/test/slow/{n}"_s).toObject().contains(u"get"_s));
        QCOMPARE(paths.value(u"/api/v1/test/change"_s).toObject().value(u"post"_s).toObject().value(u"x-scope"_s),
            QJsonValue(u"trade"_s));

        // A duplicate from another thread is dropped (logged), the first stays.
        QMetaObject::invokeMethod(
            onWorker,
            [this] {
                m_server->addAsyncRoute(route(u"POST"_s, u"/api/v1/test/change"_s),
                    [](const Request &, Respond respond) { respond(Reply::error(409, u"dup"_s, u"dup"_s)); });
            },
            Qt::BlockingQueuedConnection);
        QTest::qWait(50);
        QCOMPARE(client(m_tradeKey).post("/api/v1/test/change", {}).status, 200);
        onWorker->deleteLater();
        worker.quit();
        worker.wait();
    }

    void unansweredIs504AndLateAnswersGoNowhere()
    {
        startServer(300);
        Respond kept;
        QVERIFY(m_server->addAsyncRoute(
            route(u"GET"_s, u"/api/v1/test/never"_s), [&kept](const Request &, Respond respond) { kept = respond; }));
        const auto r = client(m_readKey).get("/api/v1/test/never");
        verifyError(r, 504, u"timeout"_s);
        QVERIFY(kept);
        kept(Reply::ok({})); // after the 504: dropped, no crash
        QTest::qWait(20);
        // The server still answers.
        QCOMPARE(client(m_readKey).get("/api/v1/app/version").status, 200);
        // And a respond() after the server is gone is harmless.
        m_server.reset();
        kept(Reply::ok({}));
    }

    void binaryRepliesKeepTheirType()
    {
        startServer();
        const QByteArray png = QByteArray::fromHex("89504e470d0a1a0a0000000d49484452") + QByteArray(100, '\0');
        Route img = route(u"GET"_s, u"/api/v1/test/image/{code}"_s);
        img.contentType = "image/png";
        QVERIFY(m_server->addAsyncRoute(
            img, [png](const Request &, Respond respond) { respond(Reply::binary(png, "image/png")); }));
        const auto r = client(m_readKey).get("/api/v1/test/image/005930");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Content-Type"), QByteArray("image/png"));
        QCOMPARE(r.header("X-Content-Type-Options"), QByteArray("nosniff"));
        QCOMPARE(r.body, png);
        const QJsonObject op = client(m_readKey)
                                   .get("/api/v1/openapi.json")
                                   .json()
                                   .value(u"paths"_s)
                                   .toObject()
                                   .value(u"/api/v1/test/image/{code}"_s)
                                   .toObject()
                                   .value(u"get"_s)
                                   .toObject();
        QVERIFY(op.value(u"responses"_s)
                    .toObject()
                    .value(u"200"_s)
                    .toObject()
                    .value(u"content"_s)
                    .toObject()
                    .contains(u"image/png"_s));
        // The CSV exports are documented as text/csv.
        const QJsonObject csv = client(m_readKey)
                                    .get("/api/v1/openapi.json")
                                    .json()
                                    .value(u"paths"_s)
                                    .toObject()
                                    .value(u"/api/v1/export/orders.csv"_s)
                                    .toObject();
        QVERIFY(csv.value(u"get"_s)
                    .toObject()
                    .value(u"responses"_s)
                    .toObject()
                    .value(u"200"_s)
                    .toObject()
                    .value(u"content"_s)
                    .toObject()
                    .contains(u"text/csv"_s));
    }

    void newsAndDiscussionsFromTheDemoFixtures()
    {
        NaverServer naver;
        m_news->configure(u"demo"_s, naver.url(), nullptr);
        startServer(10000);
        auto r = client(m_readKey).get("/api/v1/stocks/005930/news?display=5");
        QVERIFY2(r.status == 200, r.body.constData());
        QJsonObject o = r.json();
        QCOMPARE(o.value(u"code"_s).toString(), u"005930"_s);
        QCOMPARE(o.value(u"query"_s).toString(), u"삼성전자"_s);
        QVERIFY(o.value(u"total"_s).isDouble());
        QCOMPARE(o.value(u"display"_s).toInt(), 5);
        const QJsonArray items = o.value(u"items"_s).toArray();
        QVERIFY(!items.isEmpty() && items.size() <= 5);
        static const QRegularExpression iso(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{3})?\\+09:00$"_s);
        for (const QJsonValue &v : items) {
            const QJsonObject i = v.toObject();
            QVERIFY(!i.value(u"title"_s).toString().contains(u"<b>"_s));
            QVERIFY2(iso.match(i.value(u"published_at"_s).toString()).hasMatch(),
                qPrintable(i.value(u"published_at"_s).toString()));
            QVERIFY(i.value(u"link"_s).toString().startsWith(u"http"_s));
        }
        // Page 2 starts after page 1.
        r = client(m_readKey).get("/api/v1/stocks/005930/news?display=5&page=2");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(u"start"_s).toInt(), 6);

        r = client(m_readKey).get("/api/v1/stocks/005930/discussions?page=1");
        QVERIFY2(r.status == 200, r.body.constData());
        o = r.json();
        QCOMPARE(o.value(u"page"_s).toInt(), 1);
        QVERIFY(o.value(u"last_page"_s).toInt() >= 1);
        const QJsonArray posts = o.value(u"posts"_s).toArray();
        QCOMPARE(posts.size(), 20);
        bool korean = false;
        for (const QJsonValue &v : posts) {
            const QJsonObject p = v.toObject();
            QVERIFY(p.value(u"nid"_s).isDouble());
            QVERIFY(p.value(u"views"_s).isDouble());
            QVERIFY(p.value(u"likes"_s).isDouble());
            QVERIFY(p.value(u"hidden_by_clean_bot"_s).isBool());
            QVERIFY2(iso.match(p.value(u"posted_at"_s).toString()).hasMatch(),
                qPrintable(p.value(u"posted_at"_s).toString()));
            static const QRegularExpression hangul(u"[\\x{AC00}-\\x{D7A3}]"_s);
            korean = korean || hangul.match(p.value(u"title"_s).toString()).hasMatch();
        }
        QVERIFY(korean);

        // Validation: nothing reaches Naver.
        const int hits = naver.hits;
        for (const QByteArray &bad : { "/api/v1/stocks/5930/news"_ba, "/api/v1/stocks/005930/news?display=0"_ba,
                 "/api/v1/stocks/005930/news?display=101"_ba, "/api/v1/stocks/005930/news?page=x"_ba,
                 "/api/v1/stocks/005930/news?display=100&page=11"_ba, "/api/v1/stocks/00593X!/discussions"_ba,
                 "/api/v1/stocks/005930/discussions?page=0"_ba })
            QCOMPARE(client(m_readKey).get(bad).status, 422);
        QCOMPARE(naver.hits, hits);
    }

    void naverErrorsInTheApiErrorForm()
    {
        NaverServer naver;
        QVERIFY(m_settings->setValue(u"news/naverNewsUrl"_s, naver.url().toString()).ok());
        QVERIFY(m_settings->setValue(u"news/naverBoardUrl"_s, naver.url().toString()).ok());
        startServer(10000);

        // Mock mode without keys: Naver is not asked.
        m_news->configure(u"mock"_s, QUrl(), nullptr);
        QTRY_COMPARE(m_news->keysState(), NewsService::KeysState::Missing);
        verifyError(client(m_readKey).get("/api/v1/stocks/005930/news"), 409, u"naver_keys_missing"_s);
        QCOMPARE(naver.hits, 0);

        qputenv("NAVER_CLIENT_ID", "wrong-id");
        qputenv("NAVER_CLIENT_SECRET", "wrong-secret");
        m_news->configure(u"mock"_s, QUrl(), nullptr);
        QTRY_COMPARE(m_news->keysState(), NewsService::KeysState::Present);
        naver.fault = NaverServer::Fault::Auth;
        const auto auth = client(m_readKey).get("/api/v1/stocks/005930/news");
        verifyError(auth, 502, u"naver_auth"_s);
        QVERIFY(!auth.body.contains("wrong-secret"));

        m_news->newsClient()->clearCache();
        m_news->configure(u"mock"_s, QUrl(), nullptr); // a fresh start after the auth back-off
        QTRY_COMPARE(m_news->keysState(), NewsService::KeysState::Present);
        naver.fault = NaverServer::Fault::Quota;
        verifyError(client(m_readKey).get("/api/v1/stocks/000660/news"), 429, u"naver_quota"_s);

        naver.fault = NaverServer::Fault::Layout;
        verifyError(client(m_readKey).get("/api/v1/stocks/005930/discussions"), 502, u"naver_board_layout"_s);
    }
};

QTEST_GUILESS_MAIN(TestControlAsync)
#include "tst_controlasync.moc"
