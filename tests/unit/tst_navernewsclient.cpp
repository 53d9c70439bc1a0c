// SPDX-License-Identifier: GPL-3.0-or-later
// NaverNewsClient: JSON parsing (tags, entities, RFC 822 dates), every Naver error form, and the
// client against a local HTTP server on 127.0.0.1: keys in headers, quota counting per Seoul date,
// cache hits, shared identical requests, back-off, a stalled server, secrets never logged.
#include "common/clock.h"
#include "common/logging.h"
#include "market/krx.h"
#include "news/navernewsclient.h"
#include "sim/simhttpserver.h"

#include <QLoggingCategory>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using News::NewsQuery;
using News::NewsResult;

namespace {

// 2024-05-17 10:00 KST
const qint64 T0 = Krx::fromKst(QDate(2024, 5, 17), QTime(10, 0));

const QByteArray SampleJson = QByteArrayLiteral(
    "{\n\t\"lastBuildDate\":\"Fri, 17 May 2024 10:00:01 +0900\",\n\t\"total\":2,\n\t\"start\":1,\n\t\"display\":2,\n"
    "\t\"items\":[\n\t\t{\n"
    "\t\t\t\"title\":\"<b>\xec\x82\xbc\xec\x84\xb1<\\/b><b>\xec\xa0\x84\xec\x9e\x90<\\/b> &quot;HBM&quot; "
    "\xec\x88\x98\xec"
    "\xa3\xbc &amp; \xec\x8b\xa4\xec\xa0\x81 &lt;\xec\x86\x8d\xeb\xb3\xb4&gt; &#39;A&#x27;\",\n"
    "\t\t\t\"originallink\":\"https:\\/\\/example.com\\/a\\/1\",\n"
    "\t\t\t\"link\":\"https:\\/\\/n.news.naver.com\\/mnews\\/article\\/001\\/0000000001\",\n"
    "\t\t\t\"description\":\"\xec\x98\xa4\xeb\x8a\x98 <b>\xeb\x98\xa0<\\/b> \xeb\xb0\x9c\xed\x91\x9c&hellip; 3 &lt; "
    "4\",\n"
    "\t\t\t\"pubDate\":\"Fri, 17 May 2024 09:41:00 +0900\"\n\t\t},\n\t\t{\n"
    "\t\t\t\"title\":\"no link item\",\n\t\t\t\"originallink\":\"https:\\/\\/example.com\\/b\",\n"
    "\t\t\t\"link\":\"\",\n\t\t\t\"description\":\"\",\n\t\t\t\"pubDate\":\"garbage\"\n\t\t}\n\t]\n}");

// A local Naver stand-in: counts hits, remembers the last request, answers with what the test set.
class FakeNaver
{
public:
    FakeNaver()
    {
        server.setHandler([this](const SimHttpRequest &r) {
            ++hits;
            last = r;
            if (hold) {
                SimHttpResponse h;
                h.mode = SimHttpResponse::Mode::Hold;
                return h;
            }
            SimHttpResponse resp;
            resp.status = status;
            resp.headers = { { "content-type", "application/json;charset=utf-8" } };
            resp.body = body;
            return resp;
        });
        QVERIFY(server.listen(0).ok());
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.port())); }

    SimHttpServer server;
    int hits = 0;
    SimHttpRequest last;
    int status = 200;
    QByteArray body = SampleJson;
    bool hold = false;
};

NaverKeys keys()
{
    return NaverKeys { QStringLiteral("idAbc123XYZ"), QStringLiteral("SecretQwerty789") };
}

Result<NewsResult> runSearch(NaverNewsClient &client, const NewsQuery &q)
{
    std::optional<Result<NewsResult>> out;
    QObject context;
    client.search(q, &context, [&](const Result<NewsResult> &r) { out.emplace(r); });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 5000))
        return Error { QStringLiteral("test.timeout"), QStringLiteral("no callback") };
    return *out;
}

NewsQuery query(const QString &text = QStringLiteral("삼성전자"))
{
    NewsQuery q;
    q.query = text;
    q.display = 20;
    return q;
}

QStringList captured;
void captureHandler(QtMsgType, const QMessageLogContext &, const QString &message)
{
    captured << message;
}

} // namespace

class TestNaverNewsClient : public QObject
{
    Q_OBJECT

private slots:
    void parsesItemsTagsEntitiesAndDates()
    {
        const Result<NewsResult> r = NaverNewsClient::parseResponse(SampleJson);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r->total, 2);
        QCOMPARE(r->items.size(), 2);
        const News::NewsItem &a = r->items.at(0);
        // Split highlights keep the word whole; entities decoded after the tags are gone.
        QCOMPARE(a.title, QStringLiteral("삼성전자 \"HBM\" 수주 & 실적 <속보> 'A'"));
        QCOMPARE(a.description, QStringLiteral("오늘 똠 발표… 3 < 4"));
        QCOMPARE(a.link, QStringLiteral("https://n.news.naver.com/mnews/article/001/0000000001"));
        QCOMPARE(a.originalLink, QStringLiteral("https://example.com/a/1"));
        QCOMPARE(a.publishedMs, Krx::fromKst(QDate(2024, 5, 17), QTime(9, 41)));
        QCOMPARE(a.published().toString(Qt::ISODate), QStringLiteral("2024-05-17T00:41:00Z"));
        QCOMPARE(r->lastBuildMs, Krx::fromKst(QDate(2024, 5, 17), QTime(10, 0, 1)));
        const News::NewsItem &b = r->items.at(1);
        QCOMPARE(b.link, QStringLiteral("https://example.com/b")); // no Naver link: the original
        QCOMPARE(b.publishedMs, 0); // unreadable date
    }

    void rejectsBodiesThatAreNotNews()
    {
        for (const QByteArray &body :
            { QByteArray("<html>"), QByteArray("[]"), QByteArray("{\"total\":1}"), QByteArray("{\"items\":[1]}") }) {
            const auto r = NaverNewsClient::parseResponse(body);
            QVERIFY(!r.ok());
            QCOMPARE(r.error().code, QStringLiteral("naver_bad_response"));
        }
    }

    void parsesRfc822()
    {
        QCOMPARE(NaverNewsClient::parseRfc822(QStringLiteral("Mon, 26 Sep 2016 11:01:35 +0900")).value(),
            QDateTime(QDate(2016, 9, 26), QTime(2, 1, 35), Qt::UTC).toMSecsSinceEpoch());
        QVERIFY(!NaverNewsClient::parseRfc822(QStringLiteral("yesterday")).has_value());
        QVERIFY(!NaverNewsClient::parseRfc822(QString()).has_value());
    }

    void mapsEveryNaverErrorForm_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("mentions");
        const auto e = [](const char *code, const char *msg) -> QByteArray {
            return QByteArray("{\n\t\"errorMessage\":\"") + msg + "\",\n\t\"errorCode\":\"" + code + "\"\n}";
        };
        QTest::newRow("SE01") << 400 << e("SE01", "Incorrect query request (잘못된 쿼리요청입니다.)")
                              << QStringLiteral("naver_bad_request") << QStringLiteral("SE01");
        QTest::newRow("SE02") << 400 << e("SE02", "Invalid display value") << QStringLiteral("naver_bad_request")
                              << QStringLiteral("SE02");
        QTest::newRow("SE03") << 400 << e("SE03", "Invalid start value") << QStringLiteral("naver_bad_request")
                              << QStringLiteral("SE03");
        QTest::newRow("SE04") << 400 << e("SE04", "Invalid sort value") << QStringLiteral("naver_bad_request")
                              << QStringLiteral("SE04");
        QTest::newRow("SE06") << 400 << e("SE06", "Malformed encoding") << QStringLiteral("naver_bad_request")
                              << QStringLiteral("SE06");
        QTest::newRow("SE05") << 404 << e("SE05", "Invalid search api") << QStringLiteral("naver_not_found")
                              << QStringLiteral("SE05");
        QTest::newRow("SE99") << 500 << e("SE99", "System Error") << QStringLiteral("naver_server")
                              << QStringLiteral("SE99");
        QTest::newRow("auth") << 401 << e("024", "Not Exist Client ID : Authentication failed. (인증에 실패했습니다.)")
                              << QStringLiteral("naver_auth") << QStringLiteral("keys missing or wrong");
        QTest::newRow("scope") << 401 << e("024", "Scope Status Invalid : Authentication failed.")
                               << QStringLiteral("naver_auth") << QStringLiteral("permission");
        QTest::newRow("403") << 403 << QByteArray() << QStringLiteral("naver_forbidden") << QStringLiteral("HTTPS");
        QTest::newRow("rate") << 429 << e("012", "Rate limit exceeded. (속도 제한을 초과했습니다.)")
                              << QStringLiteral("naver_rate_limit") << QStringLiteral("012");
        QTest::newRow("quota") << 429 << e("010", "Query limit exceeded.") << QStringLiteral("naver_quota")
                               << QStringLiteral("quota");
        QTest::newRow("502 html") << 502 << QByteArray("<html>bad gateway</html>") << QStringLiteral("naver_server")
                                  << QStringLiteral("HTTP 502");
        QTest::newRow("418") << 418 << QByteArray() << QStringLiteral("naver_http") << QStringLiteral("418");
    }
    void mapsEveryNaverErrorForm()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        QFETCH(QString, mentions);
        const Error e = NaverNewsClient::errorFor(status, body);
        QCOMPARE(e.code, code);
        QVERIFY2(e.message.contains(mentions, Qt::CaseInsensitive), qPrintable(e.message));
    }

    void sendsKeysAndQuery()
    {
        FakeNaver naver;
        ManualClock clock(T0);
        NaverNewsClient client(clock, { naver.url() });
        client.setKeys(keys());
        NewsQuery q = query(QStringLiteral("삼성전자 005930 & co"));
        q.sort = News::NewsSort::Similarity;
        const auto r = runSearch(client, q);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QVERIFY(!r->fromCache);
        QCOMPARE(naver.last.method, QByteArray("GET"));
        QCOMPARE(naver.last.path, QByteArray("/v1/search/news.json"));
        QCOMPARE(naver.last.header("x-naver-client-id"), QByteArray("idAbc123XYZ"));
        QCOMPARE(naver.last.header("x-naver-client-secret"), QByteArray("SecretQwerty789"));
        const QUrlQuery sent(QString::fromLatin1(naver.last.query));
        QCOMPARE(
            sent.queryItemValue(QStringLiteral("query"), QUrl::FullyDecoded), QStringLiteral("삼성전자 005930 & co"));
        QCOMPARE(sent.queryItemValue(QStringLiteral("display")), QStringLiteral("20"));
        QCOMPARE(sent.queryItemValue(QStringLiteral("start")), QStringLiteral("1"));
        QCOMPARE(sent.queryItemValue(QStringLiteral("sort")), QStringLiteral("sim"));
    }

    void missingKeysAndBadQueriesNeverReachNaver()
    {
        FakeNaver naver;
        ManualClock clock(T0);
        NaverNewsClient client(clock, { naver.url() });
        auto r = runSearch(client, query());
        QCOMPARE(r.error().code, QStringLiteral("naver_auth"));
        QVERIFY(r.error().message.contains(QStringLiteral("missing")));
        client.setKeys(keys());
        r = runSearch(client, query(QStringLiteral("  ")));
        QCOMPARE(r.error().code, QStringLiteral("naver_bad_request"));
        NewsQuery q = query();
        q.display = 101;
        r = runSearch(client, q);
        QCOMPARE(r.error().code, QStringLiteral("naver_bad_request"));
        QCOMPARE(naver.hits, 0);
        QCOMPARE(client.callsToday(), 0);
    }

    void cacheHitDoesNotReachTheServer()
    {
        FakeNaver naver;
        ManualClock clock(T0);
        NaverNewsClient::Options o { naver.url() };
        o.cacheTtlSec = 60;
        NaverNewsClient client(clock, o);
        client.setKeys(keys());
        QVERIFY(runSearch(client, query()).ok());
        const auto again = runSearch(client, query());
        QVERIFY(again.ok());
        QVERIFY(again->fromCache);
        QCOMPARE(again->items.size(), 2);
        QCOMPARE(naver.hits, 1);
        QCOMPARE(client.callsToday(), 1);
        // Another query is not the cached one.
        QVERIFY(runSearch(client, query(QStringLiteral("SK하이닉스"))).ok());
        QCOMPARE(naver.hits, 2);
        // Expired: asked again.
        clock.advanceMs(60 * 1000);
        const auto fresh = runSearch(client, query());
        QVERIFY(fresh.ok());
        QVERIFY(!fresh->fromCache);
        QCOMPARE(naver.hits, 3);
    }

    void identicalConcurrentQueriesShareOneCall()
    {
        FakeNaver naver;
        ManualClock clock(T0);
        NaverNewsClient client(clock, { naver.url() });
        client.setKeys(keys());
        int answers = 0;
        QObject context;
        for (int i = 0; i < 3; ++i)
            client.search(query(), &context, [&](const Result<NewsResult> &r) { answers += r.ok() ? 1 : 0; });
        QTRY_COMPARE_WITH_TIMEOUT(answers, 3, 5000);
        QCOMPARE(naver.hits, 1);
    }

    void countsCallsPerSeoulDateAndStopsAtTheQuota()
    {
        FakeNaver naver;
        // 23:59 KST: the quota day ends a minute later.
        ManualClock clock(Krx::fromKst(QDate(2024, 5, 17), QTime(23, 59)));
        NaverNewsClient::Options o { naver.url() };
        o.cacheTtlSec = 0;
        o.dailyQuota = 3;
        NaverNewsClient client(clock, o);
        client.setKeys(keys());
        QSignalSpy spy(&client, &NaverNewsClient::callsTodayChanged);
        for (int i = 0; i < 3; ++i)
            QVERIFY(runSearch(client, query()).ok());
        QCOMPARE(client.callsToday(), 3);
        QCOMPARE(client.quotaRemaining(), 0);
        QCOMPARE(spy.count(), 3);
        const auto refused = runSearch(client, query());
        QCOMPARE(refused.error().code, QStringLiteral("naver_quota"));
        QCOMPARE(naver.hits, 3);
        // Midnight in Seoul (15:00 UTC): a new quota day.
        clock.advanceMs(60 * 1000);
        QCOMPARE(client.callsToday(), 0);
        QVERIFY(runSearch(client, query()).ok());
        QCOMPARE(client.callsToday(), 1);
        QCOMPARE(naver.hits, 4);
    }

    void quotaErrorFromNaverHoldsUntilSeoulMidnight()
    {
        FakeNaver naver;
        naver.status = 429;
        naver.body = "{\"errorMessage\":\"Query limit exceeded.\",\"errorCode\":\"010\"}";
        ManualClock clock(T0);
        NaverNewsClient client(clock, { naver.url() });
        client.setKeys(keys());
        QCOMPARE(runSearch(client, query()).error().code, QStringLiteral("naver_quota"));
        naver.status = 200;
        naver.body = SampleJson;
        QCOMPARE(runSearch(client, query(QStringLiteral("다른 종목"))).error().code, QStringLiteral("naver_quota"));
        QCOMPARE(naver.hits, 1);
        QCOMPARE(client.backoffUntilMs(), Krx::fromKst(QDate(2024, 5, 18), QTime(0, 0)));
        clock.setNowMs(Krx::fromKst(QDate(2024, 5, 18), QTime(0, 0, 1)));
        QVERIFY(runSearch(client, query()).ok());
        QCOMPARE(naver.hits, 2);
    }

    void backsOffAfterErrorsAndNeverHammers()
    {
        FakeNaver naver;
        naver.status = 500;
        naver.body = "{\"errorMessage\":\"System Error\",\"errorCode\":\"SE99\"}";
        ManualClock clock(T0);
        NaverNewsClient::Options o { naver.url() };
        o.backoffInitialMs = 10 * 1000;
        o.backoffMaxMs = 60 * 1000;
        NaverNewsClient client(clock, o);
        client.setKeys(keys());
        QCOMPARE(runSearch(client, query()).error().code, QStringLiteral("naver_server"));
        QCOMPARE(client.backoffUntilMs(), T0 + 10 * 1000);
        // During the back-off: the same error at once, Naver not asked.
        for (int i = 0; i < 5; ++i) {
            const auto r = runSearch(client, query(QStringLiteral("q%1").arg(i)));
            QCOMPARE(r.error().code, QStringLiteral("naver_server"));
            QVERIFY(r.error().message.contains(QStringLiteral("not asked again")));
        }
        QCOMPARE(naver.hits, 1);
        // After it: one try, which fails again and doubles the wait.
        clock.advanceMs(10 * 1000);
        QCOMPARE(runSearch(client, query()).error().code, QStringLiteral("naver_server"));
        QCOMPARE(naver.hits, 2);
        QCOMPARE(client.backoffUntilMs(), clock.nowMs() + 20 * 1000);
        // Success resets it.
        naver.status = 200;
        naver.body = SampleJson;
        clock.advanceMs(20 * 1000);
        QVERIFY(runSearch(client, query()).ok());
        QCOMPARE(client.backoffUntilMs(), 0);
    }

    void authErrorHoldsUntilNewKeys()
    {
        FakeNaver naver;
        naver.status = 401;
        naver.body = "{\"errorMessage\":\"Not Exist Client ID : Authentication failed.\",\"errorCode\":\"024\"}";
        ManualClock clock(T0);
        NaverNewsClient client(clock, { naver.url() });
        client.setKeys(keys());
        QCOMPARE(runSearch(client, query()).error().code, QStringLiteral("naver_auth"));
        QCOMPARE(runSearch(client, query()).error().code, QStringLiteral("naver_auth"));
        QCOMPARE(naver.hits, 1);
        naver.status = 200;
        naver.body = SampleJson;
        client.setKeys(NaverKeys { QStringLiteral("newId12345"), QStringLiteral("newSecret12345") });
        QVERIFY(runSearch(client, query()).ok());
        QCOMPARE(naver.hits, 2);
    }

    void stalledServerTimesOut()
    {
        FakeNaver naver;
        naver.hold = true;
        ManualClock clock(T0);
        NaverNewsClient::Options o { naver.url() };
        o.timeoutMs = 300;
        NaverNewsClient client(clock, o);
        client.setKeys(keys());
        QElapsedTimer t;
        t.start();
        const auto r = runSearch(client, query());
        QCOMPARE(r.error().code, QStringLiteral("naver_timeout"));
        QVERIFY(t.elapsed() < 3000);
    }

    void unreachableServerIsANetworkError()
    {
        FakeNaver naver;
        const QUrl url = naver.url();
        naver.server.close();
        ManualClock clock(T0);
        NaverNewsClient client(clock, { url });
        client.setKeys(keys());
        QCOMPARE(runSearch(client, query()).error().code, QStringLiteral("naver_network"));
    }

    void secretsNeverReachTheLog()
    {
        FakeNaver naver;
        naver.status = 401;
        naver.body = "{\"errorMessage\":\"Not Exist Client ID : Authentication failed.\",\"errorCode\":\"024\"}";
        ManualClock clock(T0);
        QLoggingCategory::setFilterRules(QStringLiteral("kt.news.debug=true"));
        captured.clear();
        const auto previous = qInstallMessageHandler(captureHandler);
        {
            NaverNewsClient client(clock, { naver.url() });
            client.setKeys(keys());
            (void)runSearch(client, query());
        }
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());
        QVERIFY(!captured.isEmpty());
        for (const QString &line : std::as_const(captured)) {
            QVERIFY2(!line.contains(QStringLiteral("SecretQwerty789")), qPrintable(line));
            QVERIFY2(!line.contains(QStringLiteral("idAbc123XYZ")), qPrintable(line));
        }
        // And if one ever did, the sink's redaction would mask it.
        QVERIFY(!Redaction::redact(QStringLiteral("x SecretQwerty789 y")).contains(QStringLiteral("SecretQwerty789")));
    }
};

QTEST_GUILESS_MAIN(TestNaverNewsClient)
#include "tst_navernewsclient.moc"
