// SPDX-License-Identifier: GPL-3.0-or-later
// DiscussionBoardReader: charset choice and CP949 decoding, the libxml2 parse of a full board page,
// changed layouts (a clear error, never garbage or an empty list), and the reader against a local
// server on 127.0.0.1: cache hits, 0.5 s spacing, a stalled page, back-off. Also the simulator's
// Naver fixtures (SimNaver), which demo mode points both clients at.
#include "common/clock.h"
#include "market/krx.h"
#include "news/discussionboardreader.h"
#include "news/navernewsclient.h"
#include "news/newstext.h"
#include "sim/simhttpserver.h"
#include "sim/simnaver.h"

#include <QElapsedTimer>
#include <QTest>

using News::BoardPage;

namespace {

const qint64 T0 = Krx::fromKst(QDate(2024, 5, 17), QTime(16, 0));

QString row(const QString &date, const QString &titleCell, const QString &author, int views, int likes, int dislikes)
{
    return QStringLiteral("<tr onMouseOver=\"mouseOver(this)\">\n<td><span class=\"tah p10 gray03\">%1</span></td>\n"
                          "<td class=\"title\">\n%2\n</td>\n<td class=\"p11\">\n\t\t%3\n\t</td>\n"
                          "<td><span class=\"tah p10 gray03\">%4</span></td>\n"
                          "<td><strong class=\"tah p10 red01\">%5</strong></td>\n"
                          "<td><strong class=\"tah p10 gray03\">%6</strong></td>\n</tr>\n")
        .arg(date, titleCell, author)
        .arg(views)
        .arg(likes)
        .arg(dislikes);
}

// A board page in the real layout (protocol §8.2), with CP949-only syllables (똠, 쓔, 햏).
QString boardPage(
    const QString &metaCharset = QStringLiteral("euc-kr"), const QString &tableClass = QStringLiteral("type2"))
{
    QString rows;
    rows += row(QStringLiteral("2024.05.17 15:32"),
        QStringLiteral(
            "<a href=\"/item/board_read.naver?code=005930&nid=287654321&st=&sw=&page=1\" "
            "title=\"똠양꿍 먹으며 보는 삼성전자 &quot;실적&quot; 정리, 길게 썼습니다\">똠양꿍 먹으며 보는 삼성..</a>\n"
            "<span class=\"tah p9\" style=\"color:#E33F3F\">[12]</span>"),
        QStringLiteral("abcd****"), 1523, 7, 0);
    rows += row(QStringLiteral("2024.05.17 15:30"),
        QStringLiteral("<a href=\"/item/board_read.naver?code=005930&nid=287654300&st=&sw=&page=1\" "
                       "title=\"내일 쓔웅 갑니다 햏\">내일 쓔웅 갑니다 햏</a>"),
        QStringLiteral("zz12****"), 42, 0, 3);
    rows += QStringLiteral("<tr><td colspan=\"6\" class=\"division_line\"></td></tr>\n");
    rows += row(QStringLiteral("2024.05.17 15:01"),
        QStringLiteral("<span class=\"cleanbot_list_blind\">클린봇이 부적절한 표현을 감지한 글입니다.</span>\n"
                       "<a href=\"/item/board_read.naver?code=005930&nid=287654111&st=&sw=&page=1\" title=\"\"></a>"),
        QStringLiteral("qwer****"), 1, 0, 0);
    return QStringLiteral(
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=%1\">"
        "<title>삼성전자 : 네이버 증권</title></head><body>\n"
        "<div class=\"section inner_sub\">\n<table class=\"%2\" summary=\"게시판\">\n<tbody>\n"
        "<tr><th scope=\"col\">날짜</th><th>제목</th><th>글쓴이</th><th>조회</th><th>공감</th><th>비공감</th></tr>\n"
        "<tr><td colspan=\"6\" class=\"blank_07\"></td></tr>\n%3</tbody></table>\n"
        "<table class=\"Nnavi\"><tr><td class=\"on\"><a href=\"/item/board.naver?code=005930&page=1\">1</a></td>"
        "<td class=\"pgR\"><a href=\"/item/board.naver?code=005930&page=2\">다음</a></td>"
        "<td class=\"pgRR\"><a href=\"/item/board.naver?code=005930&page=4321\">맨뒤</a></td></tr></table>\n"
        "</div></body></html>\n")
        .arg(metaCharset, tableClass, rows);
}

QByteArray cp949(const QString &text)
{
    const auto bytes = NewsText::encode(text, "euc-kr");
    return bytes.ok() ? bytes.value() : QByteArray();
}

class FakeBoard
{
public:
    FakeBoard()
    {
        clock.start();
        server.setHandler([this](const SimHttpRequest &r) {
            ++hits;
            last = r;
            arrivals << clock.elapsed();
            SimHttpResponse resp;
            if (hold) {
                resp.mode = SimHttpResponse::Mode::Hold;
                return resp;
            }
            resp.status = status;
            resp.headers = { { "content-type", contentType } };
            resp.body = body;
            return resp;
        });
        QVERIFY(server.listen(0).ok());
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.port())); }

    SimHttpServer server;
    QElapsedTimer clock;
    QList<qint64> arrivals;
    int hits = 0;
    SimHttpRequest last;
    int status = 200;
    QByteArray contentType = "text/html;charset=EUC-KR";
    QByteArray body = cp949(boardPage());
    bool hold = false;
};

Result<BoardPage> runFetch(DiscussionBoardReader &reader, const QString &code, int page)
{
    std::optional<Result<BoardPage>> out;
    QObject context;
    reader.fetch(code, page, &context, [&](const Result<BoardPage> &r) { out.emplace(r); });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 5000))
        return Error { QStringLiteral("test.timeout"), QStringLiteral("no callback") };
    return *out;
}

} // namespace

class TestDiscussionBoardReader : public QObject
{
    Q_OBJECT

private slots:
    void decodesCp949SyllablesThatEucKrLacks()
    {
        const QString text = QStringLiteral("똠 쓔 햏 뷁 삼성전자");
        const QByteArray bytes = cp949(text);
        QVERIFY(!bytes.isEmpty());
        QByteArray used;
        const auto decoded = DiscussionBoardReader::decodePage(bytes, "text/html; charset=EUC-KR", &used);
        QVERIFY(decoded.ok());
        QCOMPARE(decoded.value(), text);
        QCOMPARE(used, QByteArray("cp949"));
    }

    void headerCharsetWinsOverTheMetaTag()
    {
        // An EUC-KR page whose meta tag claims utf-8.
        const QByteArray bytes = cp949(boardPage(QStringLiteral("utf-8")));
        QByteArray used;
        const auto decoded = DiscussionBoardReader::decodePage(bytes, "text/html;charset=euc-kr", &used);
        QVERIFY(decoded.ok());
        QCOMPARE(used, QByteArray("cp949"));
        QVERIFY(decoded.value().contains(QStringLiteral("똠양꿍")));
        // Without a header charset the meta tag decides.
        const auto byMeta = DiscussionBoardReader::decodePage(cp949(boardPage()), "text/html", &used);
        QVERIFY(byMeta.ok());
        QCOMPARE(used, QByteArray("cp949"));
        QVERIFY(byMeta.value().contains(QStringLiteral("쓔웅")));
        // Bytes that are not what the header says: an encoding error, not mojibake.
        const auto wrong = DiscussionBoardReader::decodePage(bytes, "text/html; charset=utf-8", &used);
        QCOMPARE(wrong.error().code, QStringLiteral("naver_board_encoding"));
    }

    void parsesAFullBoardPage()
    {
        const auto page = DiscussionBoardReader::parsePage(boardPage(), QStringLiteral("005930"), 1);
        QVERIFY2(page.ok(), qPrintable(page.ok() ? QString() : page.error().message));
        QCOMPARE(page->posts.size(), 3);
        QCOMPARE(page->lastPage, 4321);
        const News::BoardPost &a = page->posts.at(0);
        QCOMPARE(a.nid, 287654321);
        QCOMPARE(a.code, QStringLiteral("005930"));
        QCOMPARE(a.title, QStringLiteral("똠양꿍 먹으며 보는 삼성전자 \"실적\" 정리, 길게 썼습니다"));
        QCOMPARE(a.url.toString(),
            QStringLiteral("https://finance.naver.com/item/board_read.naver?code=005930&nid=287654321&st=&sw=&page=1"));
        QCOMPARE(a.author, QStringLiteral("abcd****"));
        QCOMPARE(a.postedMs, Krx::fromKst(QDate(2024, 5, 17), QTime(15, 32)));
        QCOMPARE(a.views, 1523);
        QCOMPARE(a.likes, 7);
        QCOMPARE(a.dislikes, 0);
        QCOMPARE(a.replies, 12);
        QVERIFY(!a.hiddenByCleanBot);
        QCOMPARE(page->posts.at(1).title, QStringLiteral("내일 쓔웅 갑니다 햏"));
        QCOMPARE(page->posts.at(1).dislikes, 3);
        const News::BoardPost &hidden = page->posts.at(2);
        QVERIFY(hidden.hiddenByCleanBot);
        QCOMPARE(hidden.nid, 287654111);
        QVERIFY(hidden.title.contains(QStringLiteral("클린봇")));
    }

    void aChangedLayoutIsAClearError_data()
    {
        QTest::addColumn<QString>("html");
        QTest::newRow("table class renamed") << boardPage(QStringLiteral("euc-kr"), QStringLiteral("board_list"));
        QString noDate = boardPage();
        noDate.replace(QStringLiteral("2024.05.17 15:30"), QStringLiteral("어제"));
        QTest::newRow("row without a date") << noDate;
        QString noLink = boardPage();
        noLink.replace(QStringLiteral("nid=287654300"), QStringLiteral("id=287654300"));
        QTest::newRow("row without a post id") << noLink;
        QString noHeader = boardPage();
        noHeader.replace(QStringLiteral("<th>비공감</th>"), QString());
        QTest::newRow("no header row") << noHeader;
        QTest::newRow("challenge page") << QStringLiteral(
            "<html><body><p>자동입력 방지를 위해 확인해 주세요</p></body></html>");
        QTest::newRow("empty body") << QString();
    }
    void aChangedLayoutIsAClearError()
    {
        QFETCH(QString, html);
        const auto page = DiscussionBoardReader::parsePage(html, QStringLiteral("005930"), 1);
        QVERIFY(!page.ok());
        QCOMPARE(page.error().code, QStringLiteral("naver_board_layout"));
        QVERIFY2(page.error().message.startsWith(QStringLiteral("Could not read the board")),
            qPrintable(page.error().message));
    }

    void aBoardWithoutPostsIsEmptyNotAnError()
    {
        QString html = boardPage();
        const qsizetype from = html.indexOf(QStringLiteral("<tr onMouseOver"));
        const qsizetype to = html.indexOf(QStringLiteral("</tbody>"));
        html.remove(from, to - from);
        const auto page = DiscussionBoardReader::parsePage(html, QStringLiteral("005930"), 1);
        QVERIFY(page.ok());
        QVERIFY(page->posts.isEmpty());
    }

    void fetchesAnEucKrPageFromTheServer()
    {
        FakeBoard board;
        ManualClock clock(T0);
        DiscussionBoardReader reader(clock, { board.url() });
        const auto page = runFetch(reader, QStringLiteral("005930"), 1);
        QVERIFY2(page.ok(), qPrintable(page.ok() ? QString() : page.error().message));
        QCOMPARE(page->posts.size(), 3);
        QCOMPARE(page->charset, QByteArray("cp949"));
        QCOMPARE(page->posts.at(1).title, QStringLiteral("내일 쓔웅 갑니다 햏"));
        QCOMPARE(page->posts.at(0).url.host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(board.last.path, QByteArray("/item/board.naver"));
        QCOMPARE(board.last.query, QByteArray("code=005930&page=1"));
        QVERIFY(board.last.header("user-agent").startsWith("Mozilla/5.0"));
        QVERIFY(board.last.header("referer").contains("/item/main.naver?code=005930"));
    }

    void fetchesAUtf8Page()
    {
        FakeBoard board;
        board.contentType = "text/html; charset=UTF-8";
        board.body = boardPage(QStringLiteral("utf-8")).toUtf8();
        ManualClock clock(T0);
        DiscussionBoardReader reader(clock, { board.url() });
        const auto page = runFetch(reader, QStringLiteral("005930"), 1);
        QVERIFY(page.ok());
        QCOMPARE(page->charset, QByteArray("utf-8"));
        QVERIFY(page->posts.at(0).title.startsWith(QStringLiteral("똠양꿍")));
    }

    void repeatsComeFromTheCache()
    {
        FakeBoard board;
        ManualClock clock(T0);
        DiscussionBoardReader::Options o { board.url() };
        o.cacheTtlSec = 30;
        DiscussionBoardReader reader(clock, o);
        QVERIFY(runFetch(reader, QStringLiteral("005930"), 1).ok());
        const auto again = runFetch(reader, QStringLiteral("005930"), 1);
        QVERIFY(again.ok());
        QVERIFY(again->fromCache);
        QCOMPARE(board.hits, 1);
        clock.advanceMs(30 * 1000);
        QVERIFY(!runFetch(reader, QStringLiteral("005930"), 1)->fromCache);
        QCOMPARE(board.hits, 2);
    }

    void oneRequestAtATimeHalfASecondApart()
    {
        FakeBoard board;
        ManualClock clock(T0);
        DiscussionBoardReader reader(clock, { board.url() });
        int done = 0;
        QObject context;
        for (int p = 1; p <= 3; ++p)
            reader.fetch(
                QStringLiteral("005930"), p, &context, [&](const Result<BoardPage> &r) { done += r.ok() ? 1 : 0; });
        QCOMPARE(reader.queuedRequests(), 2); // the first is on the wire
        QTRY_COMPARE_WITH_TIMEOUT(done, 3, 5000);
        QCOMPARE(board.arrivals.size(), 3);
        QVERIFY2(board.arrivals.at(1) - board.arrivals.at(0) >= 495,
            qPrintable(QString::number(board.arrivals.at(1) - board.arrivals.at(0))));
        QVERIFY(board.arrivals.at(2) - board.arrivals.at(1) >= 495);
    }

    void aStalledPageTimesOut()
    {
        FakeBoard board;
        board.hold = true;
        ManualClock clock(T0);
        DiscussionBoardReader::Options o { board.url() };
        o.timeoutMs = 300;
        DiscussionBoardReader reader(clock, o);
        QElapsedTimer t;
        t.start();
        const auto page = runFetch(reader, QStringLiteral("005930"), 1);
        QCOMPARE(page.error().code, QStringLiteral("naver_board_timeout"));
        QVERIFY(t.elapsed() < 3000);
    }

    void stopsAfterAnErrorUntilTheBackoffEnds()
    {
        FakeBoard board;
        board.body = cp949(boardPage(QStringLiteral("euc-kr"), QStringLiteral("changed")));
        ManualClock clock(T0);
        DiscussionBoardReader::Options o { board.url() };
        o.backoffInitialMs = 60 * 1000;
        DiscussionBoardReader reader(clock, o);
        QCOMPARE(runFetch(reader, QStringLiteral("005930"), 1).error().code, QStringLiteral("naver_board_layout"));
        QCOMPARE(reader.backoffUntilMs(), T0 + 60 * 1000);
        const auto refused = runFetch(reader, QStringLiteral("000660"), 1);
        QCOMPARE(refused.error().code, QStringLiteral("naver_board_layout"));
        QVERIFY(refused.error().message.contains(QStringLiteral("not asked again")));
        QCOMPARE(board.hits, 1);
        board.status = 503;
        clock.advanceMs(60 * 1000);
        QCOMPARE(runFetch(reader, QStringLiteral("005930"), 1).error().code, QStringLiteral("naver_board_http"));
        QCOMPARE(board.hits, 2);
        QCOMPARE(reader.backoffUntilMs(), clock.nowMs() + 120 * 1000);
    }

    void simulatorServesNaverFormats()
    {
        SimHttpRequest board;
        board.method = "GET";
        board.path = "/item/board.naver";
        board.query = "code=005930&page=2";
        const auto reply = SimNaver::handle(board, T0);
        QVERIFY(reply.has_value());
        QCOMPARE(reply->status, 200);
        QVERIFY(reply->headers.first().second.contains("EUC-KR"));
        QByteArray used;
        const auto html = DiscussionBoardReader::decodePage(reply->body, reply->headers.first().second, &used);
        QVERIFY(html.ok());
        QVERIFY(html->contains(QStringLiteral("똠양꿍")));
        const auto page = DiscussionBoardReader::parsePage(html.value(), QStringLiteral("005930"), 2);
        QVERIFY2(page.ok(), qPrintable(page.ok() ? QString() : page.error().message));
        QCOMPARE(page->posts.size(), 20);
        QCOMPARE(page->lastPage, 10);
        QCOMPARE(
            std::count_if(page->posts.begin(), page->posts.end(), [](const auto &p) { return p.hiddenByCleanBot; }), 1);

        SimHttpRequest news;
        news.method = "GET";
        news.path = "/v1/search/news.json";
        news.query = "query=" + QUrl::toPercentEncoding(QStringLiteral("삼성전자")) + "&display=5&start=1&sort=date";
        const auto newsReply = SimNaver::handle(news, T0);
        QVERIFY(newsReply.has_value());
        QVERIFY(newsReply->body.contains("<\\/b>"));
        const auto parsed = NaverNewsClient::parseResponse(newsReply->body);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->items.size(), 5);
        QVERIFY(parsed->items.first().title.contains(QStringLiteral("삼성전자")));
        QVERIFY(!parsed->items.first().title.contains(u'<'));
        QVERIFY(parsed->items.first().publishedMs < T0);

        news.query = "display=5";
        QCOMPARE(SimNaver::handle(news, T0)->status, 400);
        SimHttpRequest other;
        other.method = "GET";
        other.path = "/api/dostk/stkinfo";
        QVERIFY(!SimNaver::handle(other, T0).has_value());
    }
};

QTEST_GUILESS_MAIN(TestDiscussionBoardReader)
#include "tst_discussionboardreader.moc"
