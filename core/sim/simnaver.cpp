// SPDX-License-Identifier: GPL-3.0-or-later
#include "simnaver.h"

#include "market/krx.h"
#include "news/newstext.h"
#include "simuniverse.h"

#include <QDateTime>
#include <QLocale>
#include <QUrlQuery>

namespace SimNaver {

namespace {

constexpr int BoardPages = 10;
constexpr int PostsPerPage = 20;
constexpr int NewsTotal = 120;

QString stockName(const QString &queryOrCode)
{
    const QString q = queryOrCode.trimmed();
    for (const SimStockInfo &s : Sim::universe()) {
        if (s.code == q || q.contains(s.name) || q.contains(s.code))
            return s.name;
    }
    return q;
}

QString rfc822(qint64 utcMs)
{
    const QDateTime kst = Krx::toKst(utcMs);
    return QLocale::c().toString(kst, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss")) + QStringLiteral(" +0900");
}

// JSON string with the real replies' escaping: quotes, backslashes, control characters and "/".
QString jsonString(const QString &s)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : s) {
        switch (c.unicode()) {
        case '"':
            out += QStringLiteral("\\\"");
            break;
        case '\\':
            out += QStringLiteral("\\\\");
            break;
        case '/':
            out += QStringLiteral("\\/");
            break;
        case '\n':
            out += QStringLiteral("\\n");
            break;
        case '\t':
            out += QStringLiteral("\\t");
            break;
        default:
            out += c;
        }
    }
    return out + QLatin1Char('"');
}

SimHttpResponse reply(int status, const QByteArray &contentType, const QByteArray &body)
{
    SimHttpResponse r;
    r.status = status;
    r.headers = { { QByteArrayLiteral("content-type"), contentType } };
    r.body = body;
    return r;
}

SimHttpResponse naverError(int status, const char *code, const char *message)
{
    const QByteArray body
        = QByteArray("{\n\t\"errorMessage\":\"") + message + "\",\n\t\"errorCode\":\"" + code + "\"\n}";
    return reply(status, "application/json;charset=utf-8", body);
}

} // namespace

QByteArray newsJson(const QString &query, int display, int start, bool byDate, qint64 nowMs)
{
    Q_UNUSED(byDate) // fixture items are always newest first
    const QString name = stockName(query);
    const QString b = QStringLiteral("<b>") + name.toHtmlEscaped() + QStringLiteral("</b>");
    static const char *const titles[] = {
        "%1, 2분기 실적 &quot;시장 예상 상회&quot;&hellip;목표가 상향",
        "[특징주] %1 강세, 외국인 &amp; 기관 동반 순매수",
        "%1 &lt;신사업&gt; 투자 확대 발표&middot;주주환원도 검토",
        "증권가 &quot;%1 하반기 똠방각하 아닌 실적 개선&quot;",
        "%1, 신제품 공개 &#39;글로벌 점유율 확대&#39; 기대",
    };
    static const char *const descriptions[] = {
        "%1의 2분기 영업이익이 전년 대비 크게 늘어 증권사들이 목표주가를 잇따라 올렸다. (모의 기사)",
        "%1 주가가 장 초반 오름세를 보이고 있다. 외국인과 기관이 함께 사들였다&hellip; (모의 기사)",
        "%1은 새 사업에 대한 투자를 늘리겠다고 밝혔다. &quot;중장기 성장 동력&quot;이라는 설명이다. (모의 기사)",
    };
    const int first = std::max(1, start);
    const int last = std::min(NewsTotal, first + std::max(1, display) - 1);
    QString out = QStringLiteral(
        "{\n\t\"lastBuildDate\":%1,\n\t\"total\":%2,\n\t\"start\":%3,\n\t\"display\":%4,\n\t\"items\":[\n")
                      .arg(jsonString(rfc822(nowMs)))
                      .arg(NewsTotal)
                      .arg(first)
                      .arg(first <= last ? last - first + 1 : 0);
    for (int i = first; i <= last; ++i) {
        const qint64 published = nowMs - qint64(i) * 37 * 60 * 1000;
        const QString title = QString::fromUtf8(titles[i % 5]).arg(b);
        const QString description = QString::fromUtf8(descriptions[i % 3]).arg(b);
        const QString original = QStringLiteral("https://news.example.com/sim/%1").arg(1000 + i);
        const QString link = QStringLiteral("https://n.news.naver.com/mnews/article/000/%1")
                                 .arg(1000000 + i, 10, 10, QLatin1Char('0'));
        out += QStringLiteral("\t\t{\n\t\t\t\"title\":%1,\n\t\t\t\"originallink\":%2,\n\t\t\t\"link\":%3,\n\t\t\t"
                              "\"description\":%4,\n\t\t\t\"pubDate\":%5\n\t\t}%6\n")
                   .arg(jsonString(title), jsonString(original), jsonString(link), jsonString(description),
                       jsonString(rfc822(published)), i < last ? QStringLiteral(",") : QString());
    }
    out += QStringLiteral("\t]\n}");
    return out.toUtf8();
}

QString boardHtml(const QString &code, int page, qint64 nowMs)
{
    const QString name = stockName(code).toHtmlEscaped();
    static const char *const titles[] = {
        "%1 오늘 분위기 어떤가요",
        "내일은 반등 쓔웅 갑니다",
        "똠양꿍 먹으면서 %1 차트 보는 중",
        "외인 매수세 &quot;심상치 않다&quot;",
        "장기 보유 3년째 후기 (길어요) 실적 발표 전후로 어떻게 움직였는지 정리해 봤습니다",
        "%1 배당 언제 들어오나요?",
        "물타기 vs 손절 고민 중입니다",
        "거래량 터졌네요",
    };
    QString rows;
    for (int i = 0; i < PostsPerPage; ++i) {
        const int seq = (page - 1) * PostsPerPage + i;
        const qint64 nid = 300000000 - qint64(seq) * 7;
        const QDateTime kst = Krx::toKst(nowMs - qint64(seq) * 11 * 60 * 1000);
        QString title = QString::fromUtf8(titles[seq % 8]);
        if (title.contains(u"%1"))
            title = title.arg(name);
        const QString shown = title.size() > 24 ? title.left(22) + QStringLiteral("..") : title;
        const int replies = seq % 4;
        const bool hidden = seq % PostsPerPage == 13;
        const QString author
            = QStringLiteral("user%1****").arg(seq % 97, 2, 10, QLatin1Char('0')).left(4) + QStringLiteral("****");
        const int views = 10 + (seq * 37) % 400;
        const int likes = (seq * 3) % 7;
        const int dislikes = (seq * 5) % 3;
        const auto strongClass
            = [](int n, const char *cls) { return n > 0 ? QString::fromLatin1(cls) : QStringLiteral("gray03"); };
        if (i > 0 && i % 5 == 0)
            rows += QStringLiteral("<tr><td colspan=\"6\" class=\"division_line\"></td></tr>\n");
        const QString href
            = QStringLiteral("/item/board_read.naver?code=%1&nid=%2&st=&sw=&page=%3").arg(code).arg(nid).arg(page);
        QString titleCell;
        if (hidden)
            titleCell = QStringLiteral(
                "<span class=\"cleanbot_list_blind\">클린봇이 부적절한 표현을 감지한 글입니다.</span>\n"
                "\t\t<a href=\"%1\" title=\"클린봇이 부적절한 표현을 감지한 글입니다.\"></a>")
                            .arg(href);
        else
            titleCell = QStringLiteral("<a href=\"%1\" title=\"%2\">%3</a>").arg(href, title, shown);
        if (replies > 0)
            titleCell
                += QStringLiteral("\n\t\t<span class=\"tah p9\" style=\"color:#E33F3F\">[%1]</span>").arg(replies);
        rows += QStringLiteral("<tr onMouseOver=\"mouseOver(this)\" onMouseOut=\"mouseOut(this)\">\n"
                               "\t<td><span class=\"tah p10 gray03\">%1</span></td>\n"
                               "\t<td class=\"title\">\n\t\t%2\n\t</td>\n"
                               "\t<td class=\"p11\">\n\t\t\t%3\n\t\t</td>\n"
                               "\t<td><span class=\"tah p10 gray03\">%4</span></td>\n"
                               "\t<td><strong class=\"tah p10 %5\">%6</strong></td>\n"
                               "\t<td><strong class=\"tah p10 %7\">%8</strong></td>\n</tr>\n")
                    .arg(kst.toString(QStringLiteral("yyyy.MM.dd HH:mm")), titleCell, author)
                    .arg(views)
                    .arg(strongClass(likes, "red01"))
                    .arg(likes)
                    .arg(strongClass(dislikes, "blue01"))
                    .arg(dislikes);
    }
    QString navi;
    for (int p = 1; p <= BoardPages; ++p) {
        navi += p == page
            ? QStringLiteral("<td class=\"on\"><a href=\"/item/board.naver?code=%1&page=%2\">%2</a></td>")
                  .arg(code)
                  .arg(p)
            : QStringLiteral("<td><a href=\"/item/board.naver?code=%1&page=%2\">%2</a></td>").arg(code).arg(p);
    }
    navi += QStringLiteral("<td class=\"pgRR\"><a href=\"/item/board.naver?code=%1&page=%2\">맨뒤</a></td>")
                .arg(code)
                .arg(BoardPages);
    return QStringLiteral(
        "<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\">\n<html lang=\"ko\">\n<head>\n"
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=euc-kr\">\n"
        "<title>%1 : 네이버 증권 종목토론실 (모의)</title>\n</head>\n<body>\n"
        "<div id=\"content\"><div class=\"section inner_sub\">\n"
        "<table class=\"type2\" summary=\"종목토론 게시판 리스트\">\n<caption>종목토론 게시판</caption>\n"
        "<tbody>\n<tr>\n<th scope=\"col\">날짜</th><th scope=\"col\">제목</th><th scope=\"col\">글쓴이</th>"
        "<th scope=\"col\">조회</th><th scope=\"col\">공감</th><th scope=\"col\">비공감</th>\n</tr>\n"
        "<tr><td colspan=\"6\" class=\"blank_07\"></td></tr>\n%2"
        "</tbody>\n</table>\n"
        "<table summary=\"페이지 네비게이션 리스트\" class=\"Nnavi\" align=\"center\"><tr>%3</tr></table>\n"
        "</div></div>\n</body>\n</html>\n")
        .arg(name, rows, navi);
}

std::optional<SimHttpResponse> handle(const SimHttpRequest &request, qint64 nowMs)
{
    const QByteArray path = request.path;
    const bool news = path == "/v1/search/news.json";
    const bool board = path == "/item/board.naver" || path == "/item/board.nhn";
    if (!news && !board)
        return std::nullopt;
    if (request.method != "GET")
        return naverError(405, "SE05", "Method not allowed.");
    const QUrlQuery q(QString::fromUtf8(request.query));
    if (news) {
        const QString query = q.queryItemValue(QStringLiteral("query"), QUrl::FullyDecoded);
        if (query.trimmed().isEmpty())
            return naverError(400, "SE01", "Incorrect query request (잘못된 쿼리요청입니다.)");
        bool ok = true;
        const QString d = q.queryItemValue(QStringLiteral("display"));
        const QString s = q.queryItemValue(QStringLiteral("start"));
        const int display = d.isEmpty() ? 10 : d.toInt(&ok);
        if (!ok || display < 1 || display > 100)
            return naverError(400, "SE02", "Invalid display value (부적절한 display 값입니다.)");
        const int start = s.isEmpty() ? 1 : s.toInt(&ok);
        if (!ok || start < 1 || start > 1000)
            return naverError(400, "SE03", "Invalid start value (부적절한 start 값입니다.)");
        const QString sort = q.queryItemValue(QStringLiteral("sort"));
        if (!sort.isEmpty() && sort != u"date" && sort != u"sim")
            return naverError(400, "SE04", "Invalid sort value (부적절한 sort 값입니다.)");
        return reply(200, "application/json;charset=utf-8", newsJson(query, display, start, sort != u"sim", nowMs));
    }
    const QString code = q.queryItemValue(QStringLiteral("code"));
    bool ok = true;
    const QString p = q.queryItemValue(QStringLiteral("page"));
    const int page = p.isEmpty() ? 1 : p.toInt(&ok);
    if (code.isEmpty() || !ok || page < 1)
        return reply(404, "text/html;charset=EUC-KR", QByteArray());
    const QString html = boardHtml(code, std::min(page, BoardPages), nowMs);
    const Result<QByteArray> bytes = NewsText::encode(html, "cp949");
    if (!bytes.ok())
        return reply(500, "text/plain", bytes.error().message.toUtf8());
    return reply(200, "text/html;charset=EUC-KR", bytes.value());
}

} // namespace SimNaver
