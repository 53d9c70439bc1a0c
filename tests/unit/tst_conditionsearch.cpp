// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiwoom/conditionsearch.h"

#include "common/clock.h"
#include "kiwoom/realtimeclient.h"
#include "kiwoom/tokenmanager.h"
#include "kiwoomfakeserver.h"

#include <QJsonArray>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QtTest>

#include <optional>

using namespace Kiwoom;
using Kind = KiwoomError::Kind;

namespace {

const Credentials CREDS { QStringLiteral("cond-test-app-key"), QStringLiteral("cond-test-secret-key") };

QJsonObject obj(const QString &json)
{
    return QJsonDocument::fromJson(json.toUtf8()).object();
}

QJsonArray arr(const QString &json)
{
    return QJsonDocument::fromJson(json.toUtf8()).array();
}

} // namespace

class TestConditionSearch final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<KiwoomFakeServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<TokenManager> m_tokens;
    std::unique_ptr<RealtimeClient> m_ws;
    std::unique_ptr<ConditionSearch> m_conditions;

    template<typename T, typename Invoke> KiwoomResult<T> run(Invoke invoke, int timeoutMs = 5000)
    {
        std::optional<KiwoomResult<T>> result;
        invoke([&](const KiwoomResult<T> &r) { result = r; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, timeoutMs))
            return KiwoomError::make(Kind::Cancelled, QString(), QStringLiteral("test: no callback"));
        return *result;
    }

    // Frames of one connection in order, as trnm (+ search_type for CNSRREQ).
    QStringList sequence(int connection) const
    {
        QStringList out;
        for (const QString &t : m_server->wsTexts(connection)) {
            const QJsonObject o = obj(t);
            QString name = o.value(QStringLiteral("trnm")).toString();
            if (name == u"CNSRREQ")
                name += QLatin1Char(':') + o.value(QStringLiteral("search_type")).toString() + QLatin1Char(':')
                    + o.value(QStringLiteral("seq")).toString();
            out << name;
        }
        return out;
    }

private slots:
    void init()
    {
        m_server = std::make_unique<KiwoomFakeServer>();
        QVERIFY(m_server->listen());
        m_server->setConditions({ { QStringLiteral("0"), QStringLiteral("조건1") },
            { QStringLiteral("1"), QStringLiteral("조건2") }, { QStringLiteral("4"), QStringLiteral("급등주") } });
        m_network = std::make_unique<QNetworkAccessManager>();
        m_tokens = std::make_unique<TokenManager>(
            *m_network, KiwoomEndpoints { m_server->restUrl(), m_server->wsUrl() }, CREDS, SystemClock::instance());
        m_ws = std::make_unique<RealtimeClient>(*m_tokens, m_server->wsUrl(), SystemClock::instance());
        RealtimeClient::Config config;
        config.backoffInitialMs = 50;
        config.backoffMaxMs = 200;
        m_ws->setConfig(config);
        m_conditions = std::make_unique<ConditionSearch>(*m_ws);
    }

    void cleanup()
    {
        m_conditions.reset();
        m_ws.reset();
        m_tokens.reset();
        m_network.reset();
        m_server.reset();
    }

    void listWaitsForLogin()
    {
        m_server->setLoginAckDelayMs(200);
        QSignalSpy listed(m_conditions.get(), &ConditionSearch::conditionsListed);
        std::optional<KiwoomResult<QList<ConditionInfo>>> result;
        m_conditions->listConditions(this, [&](const auto &r) { result = r; });
        m_ws->start(); // requested before the socket even connected
        QTRY_VERIFY(result.has_value());
        QVERIFY(result->ok());
        QCOMPARE(result->value().size(), 3);
        QCOMPARE(result->value().at(2).seq, QStringLiteral("4"));
        QCOMPARE(result->value().at(2).name, QStringLiteral("급등주"));
        QCOMPARE(listed.size(), 1);
        QCOMPARE(m_server->earlyRequests(), 0);
        QCOMPARE(m_server->wsRequests(QStringLiteral("CNSRLST")).first(), obj(QStringLiteral(R"({"trnm":"CNSRLST"})")));
        QCOMPARE(m_conditions->conditions().size(), 3);
    }

    void oneShotSearchPaginates()
    {
        // The document's run-once row, then two more pages.
        m_server->setSearchPages(QStringLiteral("4"),
            {
                arr(QStringLiteral(
                    R"([{"9001":"A005930","302":"삼성전자","10":"000075000","25":"5","11":"-00000100","12":"-00000130","13":"010386116","16":"000075100","17":"000075600","18":"000074700"}])")),
                arr(QStringLiteral(
                    R"([{"9001":"A000660","302":"SK하이닉스","10":"000120000","25":"2","11":"000001000","12":"000000840","13":"000001000","16":"000119000","17":"000121000","18":"000118000"}])")),
                arr(QStringLiteral(
                    R"([{"9001":"A035420","302":"NAVER","10":"000200000","25":"3","11":"000000000","12":"000000000","13":"000000010","16":"000200000","17":"000200000","18":"000200000"}])")),
            });
        m_ws->start();
        const auto r = run<ConditionSearchResult>([&](auto done) {
            m_conditions->search(QStringLiteral("4"), Paging { 2, QString() }, this, done);
        });
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().describe()));
        QCOMPARE(r->seq, QStringLiteral("4"));
        QCOMPARE(r->rows.size(), 2);
        QCOMPARE(r->page.pages, 2);
        QVERIFY(r->page.hasMore);
        QCOMPARE(r->page.nextKey, QStringLiteral("p3"));
        const ConditionRow &row = r->rows.first();
        QCOMPARE(row.code, QStringLiteral("005930"));
        QCOMPARE(row.name, QStringLiteral("삼성전자"));
        QCOMPARE(row.price, qint64(75000));
        QCOMPARE(row.change, qint64(-100));
        QCOMPARE(row.changeRateRaw, qint64(-130));
        QCOMPARE(row.changeSign, ChangeSign::Down);
        QCOMPARE(row.cumVolume, qint64(10386116));
        QCOMPARE(row.open, qint64(75100));
        QCOMPARE(row.high, qint64(75600));
        QCOMPARE(row.low, qint64(74700));
        QCOMPARE(r->rows.at(1).change, qint64(1000));

        const auto requests = m_server->wsRequests(QStringLiteral("CNSRREQ"));
        QCOMPARE(requests.size(), 2);
        QCOMPARE(requests[0],
            obj(QStringLiteral(
                R"({"trnm":"CNSRREQ","seq":"4","search_type":"0","stex_tp":"K","cont_yn":"N","next_key":""})")));
        QCOMPARE(requests[1],
            obj(QStringLiteral(
                R"({"trnm":"CNSRREQ","seq":"4","search_type":"0","stex_tp":"K","cont_yn":"Y","next_key":"p2"})")));

        // Resume from the key.
        const auto rest = run<ConditionSearchResult>([&](auto done) {
            m_conditions->search(QStringLiteral("4"), Paging { 5, r->page.nextKey }, this, done);
        });
        QVERIFY(rest.ok());
        QCOMPARE(rest->rows.size(), 1);
        QCOMPARE(rest->rows.first().code, QStringLiteral("035420"));
        QVERIFY(!rest->page.hasMore);
    }

    void malformedSearchRowIsAParseError()
    {
        m_server->setSearchPages(
            QStringLiteral("1"), { arr(QStringLiteral(R"([{"9001":"A005930","10":"00007500O"}])")) });
        m_ws->start();
        const auto r = run<ConditionSearchResult>(
            [&](auto done) { m_conditions->search(QStringLiteral("1"), Paging(), this, done); });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Kind::Parse);
        QCOMPARE(r.error().message, QStringLiteral("CNSRREQ 1 data[0].10: not a number: \"00007500O\""));
    }

    void errorReplies()
    {
        m_server->setWsHandler([](int, const QJsonObject &frame) -> QStringList {
            if (frame.value(QStringLiteral("trnm")).toString() == u"CNSRREQ")
                return {
                    QStringLiteral(
                        R"({"trnm":"CNSRREQ","seq":"7","return_code":1,"return_msg":"조건검색 요청 실패[1902:종목 정보가 없습니다]"})")
                };
            return {};
        });
        m_ws->start();
        const auto r = run<ConditionSearchResult>(
            [&](auto done) { m_conditions->search(QStringLiteral("7"), Paging(), this, done); });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Kind::Api);
        QCOMPARE(r.error().code, 1902);
    }

    void realtimeListsFirstThenTracksHits()
    {
        m_server->setRealtimeMembers(QStringLiteral("4"), { QStringLiteral("A005930"), QStringLiteral("A000660") });
        m_ws->start();
        QSignalSpy started(m_conditions.get(), &ConditionSearch::realtimeStarted);
        const auto codes
            = run<QStringList>([&](auto done) { m_conditions->startRealtime(QStringLiteral("4"), this, done); });
        QVERIFY2(codes.ok(), qPrintable(codes.ok() ? QString() : codes.error().describe()));
        QCOMPARE(*codes, (QStringList { QStringLiteral("005930"), QStringLiteral("000660") }));
        QCOMPARE(started.size(), 1);
        QCOMPARE(started.first().at(2).toBool(), false);
        // CNSRLST must precede a realtime CNSRREQ on the session.
        QCOMPARE(sequence(1),
            (QStringList { QStringLiteral("LOGIN"), QStringLiteral("CNSRLST"), QStringLiteral("CNSRREQ:1:4") }));
        QCOMPARE(m_server->realtimeRequestsBeforeList(), 0);
        QCOMPARE(m_server->wsRequests(QStringLiteral("CNSRREQ")).first(),
            obj(QStringLiteral(R"({"trnm":"CNSRREQ","seq":"4","search_type":"1","stex_tp":"K"})")));
        QCOMPARE(m_conditions->activeRealtime(), QStringList { QStringLiteral("4") });

        QSignalSpy hits(m_conditions.get(), &ConditionSearch::conditionHitReceived);
        m_server->wsSend(QStringLiteral(
            R"({"trnm":"REAL","data":[{"type":"02","name":"조건검색","item":"035420","values":{"841":"4","9001":"035420","843":"I","20":"152028","907":"2"}},
                                                                 {"type":"02","name":"조건검색","item":"000660","values":{"841":"4","9001":"000660","843":"D","20":"152029","907":"2"}}]})"));
        QTRY_COMPARE(hits.size(), 2);
        QCOMPARE(hits.at(0).at(0).value<ConditionHit>().code, QStringLiteral("035420"));
        QVERIFY(hits.at(0).at(0).value<ConditionHit>().entered);
        QVERIFY(!hits.at(1).at(0).value<ConditionHit>().entered);
        QCOMPARE(m_conditions->members(QStringLiteral("4")),
            (QSet<QString> { QStringLiteral("005930"), QStringLiteral("035420") }));

        // Stop: CNSRCLR.
        bool stopped = false;
        m_conditions->stopRealtime(QStringLiteral("4"), this, [&](const KiwoomResult<bool> &r) { stopped = r.ok(); });
        QTRY_VERIFY(stopped);
        QCOMPARE(m_server->wsRequests(QStringLiteral("CNSRCLR")).first(),
            obj(QStringLiteral(R"({"trnm":"CNSRCLR","seq":"4"})")));
        QVERIFY(m_conditions->activeRealtime().isEmpty());
    }

    void atMostTenRealtimeConditions()
    {
        m_ws->start();
        for (int i = 0; i < 10; ++i) {
            m_server->setRealtimeMembers(QString::number(i), { QStringLiteral("A005930") });
            m_conditions->startRealtime(QString::number(i), this, [](const auto &) {});
        }
        const auto eleventh
            = run<QStringList>([&](auto done) { m_conditions->startRealtime(QStringLiteral("10"), this, done); });
        QVERIFY(!eleventh.ok());
        QCOMPARE(eleventh.error().kind, Kind::Invalid);
        QTRY_COMPARE(m_server->wsRequests(QStringLiteral("CNSRREQ")).size(), 10);
        QTest::qWait(100);
        QCOMPARE(m_server->wsRequests(QStringLiteral("CNSRREQ")).size(), 10); // the 11th was never sent
        // Re-starting an active one does not count twice; stopping one frees a place.
        QVERIFY(
            run<QStringList>([&](auto done) { m_conditions->startRealtime(QStringLiteral("3"), this, done); }).ok());
        QVERIFY(run<bool>([&](auto done) { m_conditions->stopRealtime(QStringLiteral("0"), this, done); }).ok());
        QVERIFY(
            run<QStringList>([&](auto done) { m_conditions->startRealtime(QStringLiteral("10"), this, done); }).ok());
        QCOMPARE(m_conditions->activeRealtime().size(), 10);
    }

    void reconnectRestoresRealtimeConditions()
    {
        m_server->setRealtimeMembers(QStringLiteral("4"), { QStringLiteral("A005930") });
        m_server->setRealtimeMembers(QStringLiteral("1"), { QStringLiteral("A000660") });
        m_ws->start();
        QVERIFY(
            run<QStringList>([&](auto done) { m_conditions->startRealtime(QStringLiteral("4"), this, done); }).ok());
        QVERIFY(
            run<QStringList>([&](auto done) { m_conditions->startRealtime(QStringLiteral("1"), this, done); }).ok());

        // While disconnected the server's membership changed.
        m_server->setRealtimeMembers(QStringLiteral("4"), { QStringLiteral("A005930"), QStringLiteral("A035420") });
        QSignalSpy started(m_conditions.get(), &ConditionSearch::realtimeStarted);
        m_server->wsDropAll();
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 2, 5000);
        for (const auto &s : started)
            QVERIFY(s.at(2).toBool()); // restored
        QCOMPARE(sequence(2),
            (QStringList { QStringLiteral("LOGIN"), QStringLiteral("CNSRLST"), QStringLiteral("CNSRREQ:1:4"),
                QStringLiteral("CNSRREQ:1:1") }));
        QCOMPARE(m_server->realtimeRequestsBeforeList(), 0);
        QCOMPARE(m_conditions->members(QStringLiteral("4")),
            (QSet<QString> { QStringLiteral("005930"), QStringLiteral("035420") }));
    }

    void requestInFlightSurvivesADrop()
    {
        m_server->setConditionReplyDelayMs(300);
        m_ws->start();
        QTRY_VERIFY(m_ws->isLoggedIn());
        std::optional<KiwoomResult<QList<ConditionInfo>>> result;
        m_conditions->listConditions(this, [&](const auto &r) { result = r; });
        QTRY_COMPARE(m_server->wsRequests(QStringLiteral("CNSRLST")).size(), 1);
        m_server->wsDropAll(); // the reply to that CNSRLST is lost with the connection
        m_server->setConditionReplyDelayMs(0);
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 5000);
        QVERIFY(result->ok());
        QCOMPARE(m_server->wsRequests(QStringLiteral("CNSRLST"), 2).size(), 1); // sent again after the new login
    }

    void cancelAllFailsWhatIsPending()
    {
        m_server->setLoginAckDelayMs(5000); // nothing can be sent
        m_ws->start();
        std::optional<KiwoomResult<QList<ConditionInfo>>> list;
        std::optional<KiwoomResult<QStringList>> realtime;
        m_conditions->listConditions(this, [&](const auto &r) { list = r; });
        m_conditions->startRealtime(QStringLiteral("4"), this, [&](const auto &r) { realtime = r; });
        QTest::qWait(50);
        m_conditions->cancelAll();
        QVERIFY(list.has_value() && realtime.has_value());
        QCOMPARE(list->error().kind, Kind::Cancelled);
        QCOMPARE(realtime->error().kind, Kind::Cancelled);
        QVERIFY(m_conditions->activeRealtime().isEmpty());
        QCOMPARE(m_conditions->queuedRequests(), 0);
    }

    // While the WebSocket cannot log in, a caller's request does not wait for ever: it fails with
    // Timeout after queueTimeoutMs, unsent, frees its realtime slot, and the next one still works.
    void unsentRequestsExpire()
    {
        m_server->setLoginAckDelayMs(60000); // logged out for the whole test
        ConditionSearch::Config config;
        config.queueTimeoutMs = 300;
        m_conditions->setConfig(config);
        m_ws->start();
        QElapsedTimer t;
        t.start();
        std::optional<KiwoomResult<QList<ConditionInfo>>> list;
        std::optional<KiwoomResult<QStringList>> realtime;
        m_conditions->listConditions(this, [&](const auto &r) { list = r; });
        QTest::qWait(100);
        m_conditions->startRealtime(QStringLiteral("4"), this, [&](const auto &r) { realtime = r; });
        QCOMPARE(m_conditions->activeRealtime(), QStringList { QStringLiteral("4") });
        QTRY_VERIFY_WITH_TIMEOUT(list.has_value(), 3000);
        QCOMPARE(list->error().kind, Kind::Timeout);
        QVERIFY(t.elapsed() >= 250);
        QVERIFY(!realtime.has_value()); // queued 100 ms later: its own deadline
        QTRY_VERIFY_WITH_TIMEOUT(realtime.has_value(), 3000);
        QCOMPARE(realtime->error().kind, Kind::Timeout);
        QVERIFY(m_conditions->activeRealtime().isEmpty());
        QCOMPARE(m_conditions->queuedRequests(), 0);
        QCOMPARE(m_server->wsRequests(QStringLiteral("CNSRLST")).size(), 0);
        QCOMPARE(m_server->wsRequests(QStringLiteral("CNSRREQ")).size(), 0);
    }

    void timeout()
    {
        m_server->setWsHandler([](int, const QJsonObject &frame) -> QStringList {
            if (frame.value(QStringLiteral("trnm")).toString() == u"CNSRLST")
                return { QStringLiteral(R"({"trnm":"IGNORED"})") }; // swallow it
            return {};
        });
        ConditionSearch::Config config;
        config.requestTimeoutMs = 200;
        m_conditions->setConfig(config);
        m_ws->start();
        const auto r = run<QList<ConditionInfo>>([&](auto done) { m_conditions->listConditions(this, done); });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Kind::Timeout);
        // The queue moves on.
        m_server->setWsHandler({});
        QVERIFY(run<QList<ConditionInfo>>([&](auto done) { m_conditions->listConditions(this, done); }).ok());
    }
};

QTEST_GUILESS_MAIN(TestConditionSearch)
#include "tst_conditionsearch.moc"
