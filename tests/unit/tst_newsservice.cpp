// SPDX-License-Identifier: GPL-3.0-or-later
// NewsService: base URLs and keys per broker mode (demo → the simulator with demo keys, a
// configured URL wins and gets the user's keys; mock/live without keys → Missing and
// naver_keys_missing without asking Naver), stock names, and the request-id signals.
#include "common/clock.h"
#include "common/settings.h"
#include "market/krx.h"
#include "news/newsservice.h"
#include "sim/simhttpserver.h"
#include "sim/simnaver.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

namespace {

const qint64 T0 = Krx::fromKst(QDate(2024, 5, 17), QTime(16, 0));

class NaverSim
{
public:
    NaverSim()
    {
        server.setHandler([this](const SimHttpRequest &r) {
            ++hits;
            lastClientId = r.header("x-naver-client-id");
            if (auto answer = SimNaver::handle(r, T0))
                return *answer;
            SimHttpResponse resp;
            resp.status = 404;
            return resp;
        });
        QVERIFY(server.listen(0).ok());
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.port())); }
    SimHttpServer server;
    int hits = 0;
    QByteArray lastClientId;
};

} // namespace

class TestNewsService final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        qunsetenv("KT_NAVER_NEWS_URL");
        qunsetenv("KT_NAVER_BOARD_URL");
        qunsetenv("NAVER_CLIENT_ID");
        qunsetenv("NAVER_CLIENT_SECRET");
    }

    void demoModePointsAtTheSimulatorWithDemoKeys()
    {
        QTemporaryDir dir;
        Settings settings(dir.filePath(QStringLiteral("kt.ini")));
        ManualClock clock(T0);
        NaverSim sim;
        qputenv("NAVER_CLIENT_ID", "real-id-never-for-the-simulator");
        qputenv("NAVER_CLIENT_SECRET", "real-secret-never-for-the-simulator");
        NewsService service(clock, settings);
        service.configure(QStringLiteral("demo"), sim.url(), nullptr);
        QCOMPARE(service.keysState(), NewsService::KeysState::Present);
        QCOMPARE(service.stockName(QStringLiteral("005930")), QStringLiteral("삼성전자"));
        QCOMPARE(service.stockName(QStringLiteral("999999")), QStringLiteral("999999"));

        QSignalSpy ready(&service, &NewsService::newsReady);
        QSignalSpy board(&service, &NewsService::discussionsReady);
        const quint64 id = NewsService::nextRequestId();
        service.requestNews(id, QStringLiteral("005930"));
        service.requestDiscussions(id + 1, QStringLiteral("005930"), 1);
        QVERIFY(ready.wait(5000));
        QCOMPARE(ready.first().at(0).toULongLong(), id);
        const auto result = ready.first().at(2).value<News::NewsResult>();
        QVERIFY(!result.items.isEmpty());
        QVERIFY(!sim.lastClientId.startsWith("real-id"));
        QTRY_COMPARE(board.size(), 1);
        QCOMPARE(board.first().at(2).value<News::BoardPage>().posts.size(), 20);
    }

    void aConfiguredUrlWinsAndGetsTheUsersKeys()
    {
        QTemporaryDir dir;
        Settings settings(dir.filePath(QStringLiteral("kt.ini")));
        ManualClock clock(T0);
        NaverSim configured;
        QVERIFY(settings.setValue(QStringLiteral("news/naverNewsUrl"), configured.url().toString()).ok());
        NewsService service(clock, settings);
        service.configure(QStringLiteral("demo"), QUrl(QStringLiteral("http://127.0.0.1:1")), nullptr);
        QTRY_COMPARE(service.keysState(), NewsService::KeysState::Missing);

        qputenv("NAVER_CLIENT_ID", "user-id");
        qputenv("NAVER_CLIENT_SECRET", "user-secret");
        service.configure(QStringLiteral("demo"), QUrl(QStringLiteral("http://127.0.0.1:1")), nullptr);
        QTRY_COMPARE(service.keysState(), NewsService::KeysState::Present);
        QSignalSpy ready(&service, &NewsService::newsReady);
        service.requestNews(NewsService::nextRequestId(), QStringLiteral("005930"));
        QVERIFY(ready.wait(5000));
        QCOMPARE(configured.lastClientId, QByteArray("user-id"));
    }

    void withoutKeysNaverIsNotAsked()
    {
        QTemporaryDir dir;
        Settings settings(dir.filePath(QStringLiteral("kt.ini")));
        ManualClock clock(T0);
        NaverSim sim;
        QVERIFY(settings.setValue(QStringLiteral("news/naverNewsUrl"), sim.url().toString()).ok());
        NewsService service(clock, settings);
        QSignalSpy state(&service, &NewsService::keysStateChanged);
        service.configure(QStringLiteral("live"), QUrl(), nullptr);
        QTRY_COMPARE(service.keysState(), NewsService::KeysState::Missing);
        QVERIFY(!state.isEmpty());
        QSignalSpy failed(&service, &NewsService::requestFailed);
        const quint64 id = NewsService::nextRequestId();
        service.requestNews(id, QStringLiteral("005930"));
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.first().at(0).toULongLong(), id);
        QCOMPARE(failed.first().at(2).toString(), QStringLiteral("news"));
        QCOMPARE(failed.first().at(3).toString(), QStringLiteral("naver_keys_missing"));
        QVERIFY(failed.first().at(4).toString().contains(QStringLiteral("NAVER_CLIENT_ID")));
        QCOMPARE(sim.hits, 0);
    }

    void requestIdsAreUnique()
    {
        const quint64 a = NewsService::nextRequestId();
        const quint64 b = NewsService::nextRequestId();
        QVERIFY(b > a);
    }
};

QTEST_GUILESS_MAIN(TestNewsService)
#include "tst_newsservice.moc"
