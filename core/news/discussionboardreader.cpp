// SPDX-License-Identifier: GPL-3.0-or-later
#include "discussionboardreader.h"

#include "common/clock.h"
#include "common/logging.h"
#include "market/krx.h"
#include "newsconfig.h"
#include "newstext.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrlQuery>

#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>

#include <algorithm>
#include <memory>

using News::BoardPage;
using News::BoardPost;

namespace {

constexpr int MaxCacheEntries = 200;

Error boardError(const char *code, const QString &message)
{
    return Error { QString::fromLatin1(code), message };
}

Error layoutError(const QString &why)
{
    return boardError("naver_board_layout",
        DiscussionBoardReader::tr("Could not read the board: the page is not laid out as Naver's discussion "
                                  "board is known to be (%1).")
            .arg(why));
}

// --- libxml2 helpers -------------------------------------------------------------------------

struct DocDeleter
{
    void operator()(xmlDoc *d) const { xmlFreeDoc(d); }
};
struct XPathContextDeleter
{
    void operator()(xmlXPathContext *c) const { xmlXPathFreeContext(c); }
};
struct XPathObjectDeleter
{
    void operator()(xmlXPathObject *o) const { xmlXPathFreeObject(o); }
};

QString classAttr(xmlNode *node)
{
    xmlChar *v = xmlGetProp(node, BAD_CAST "class");
    if (!v)
        return {};
    const QString s = QString::fromUtf8(reinterpret_cast<const char *>(v));
    xmlFree(v);
    return s;
}

QString attr(xmlNode *node, const char *name)
{
    xmlChar *v = xmlGetProp(node, BAD_CAST name);
    if (!v)
        return {};
    const QString s = QString::fromUtf8(reinterpret_cast<const char *>(v));
    xmlFree(v);
    return s;
}

bool hasClass(xmlNode *node, const char *cls)
{
    return classAttr(node).split(u' ', Qt::SkipEmptyParts).contains(QLatin1String(cls));
}

bool isElement(xmlNode *node, const char *name)
{
    return node && node->type == XML_ELEMENT_NODE && xmlStrcasecmp(node->name, BAD_CAST name) == 0;
}

QString text(xmlNode *node)
{
    xmlChar *v = xmlNodeGetContent(node);
    if (!v)
        return {};
    const QString s = QString::fromUtf8(reinterpret_cast<const char *>(v)).simplified();
    xmlFree(v);
    return s;
}

QList<xmlNode *> childElements(xmlNode *node, const char *name)
{
    QList<xmlNode *> out;
    for (xmlNode *c = node ? node->children : nullptr; c; c = c->next) {
        if (isElement(c, name))
            out << c;
    }
    return out;
}

// Depth-first search for descendants (element name, optional class).
void collect(xmlNode *node, const char *name, const char *cls, QList<xmlNode *> &out)
{
    for (xmlNode *c = node ? node->children : nullptr; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if ((!name || isElement(c, name)) && (!cls || hasClass(c, cls)))
            out << c;
        collect(c, name, cls, out);
    }
}

QList<xmlNode *> descendants(xmlNode *node, const char *name, const char *cls = nullptr)
{
    QList<xmlNode *> out;
    collect(node, name, cls, out);
    return out;
}

QList<xmlNode *> xpathNodes(xmlXPathContext *ctx, const char *expr)
{
    QList<xmlNode *> out;
    std::unique_ptr<xmlXPathObject, XPathObjectDeleter> res(xmlXPathEvalExpression(BAD_CAST expr, ctx));
    if (res && res->nodesetval) {
        for (int i = 0; i < res->nodesetval->nodeNr; ++i)
            out << res->nodesetval->nodeTab[i];
    }
    return out;
}

std::optional<int> count(const QString &s)
{
    QString t = s;
    t.remove(u',');
    bool ok = false;
    const int v = t.trimmed().toInt(&ok);
    if (!ok || v < 0)
        return std::nullopt;
    return v;
}

// The rows of a post: date, title, author, views, likes, dislikes.
Result<BoardPost> readRow(const QList<xmlNode *> &cells, const QString &code, const QUrl &base, int rowNo)
{
    const auto fail = [rowNo](const QString &what) {
        return layoutError(DiscussionBoardReader::tr("post row %1: %2").arg(rowNo).arg(what));
    };
    BoardPost post;
    post.code = code;

    const QDateTime kst = QDateTime::fromString(text(cells.at(0)), QStringLiteral("yyyy.MM.dd HH:mm"));
    if (!kst.isValid())
        return fail(DiscussionBoardReader::tr("no date in the first cell"));
    post.postedMs = Krx::fromKst(kst.date(), kst.time());

    xmlNode *titleCell = cells.at(1);
    if (!hasClass(titleCell, "title"))
        return fail(DiscussionBoardReader::tr("the second cell is not the title"));
    post.hiddenByCleanBot = !descendants(titleCell, nullptr, "cleanbot_list_blind").isEmpty();
    xmlNode *link = nullptr;
    for (xmlNode *a : descendants(titleCell, "a")) {
        if (attr(a, "href").contains(QLatin1String("nid="))) {
            link = a;
            break;
        }
    }
    if (!link)
        return fail(DiscussionBoardReader::tr("no link to the post"));
    const QString href = attr(link, "href");
    post.url = base.resolved(QUrl(href));
    bool nidOk = false;
    post.nid = QUrlQuery(post.url).queryItemValue(QStringLiteral("nid")).toLongLong(&nidOk);
    if (!nidOk || post.nid <= 0)
        return fail(DiscussionBoardReader::tr("the post link has no post id"));
    post.title = attr(link, "title").simplified();
    if (post.title.isEmpty())
        post.title = text(link);
    for (xmlNode *span : descendants(titleCell, "span")) {
        const QString t = text(span);
        if (t.size() >= 3 && t.startsWith(u'[') && t.endsWith(u']')) {
            if (const auto n = count(t.mid(1, t.size() - 2)))
                post.replies = *n;
        }
    }
    if (post.hiddenByCleanBot && post.title.isEmpty())
        post.title = text(descendants(titleCell, nullptr, "cleanbot_list_blind").first());
    if (post.title.isEmpty())
        return fail(DiscussionBoardReader::tr("a post without a title"));

    post.author = text(cells.at(2));
    const auto views = count(text(cells.at(3)));
    const auto likes = count(text(cells.at(4)));
    const auto dislikes = count(text(cells.at(5)));
    if (!views || !likes || !dislikes)
        return fail(DiscussionBoardReader::tr("views, likes or dislikes are not numbers"));
    post.views = *views;
    post.likes = *likes;
    post.dislikes = *dislikes;
    return post;
}

int pageFromHref(const QString &href)
{
    const QUrl u(href);
    bool ok = false;
    const int p = QUrlQuery(u).queryItemValue(QStringLiteral("page")).toInt(&ok);
    return ok ? p : 0;
}

} // namespace

QByteArray DiscussionBoardReader::userAgent()
{
    return QByteArrayLiteral("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                             "Chrome/124.0.0.0 Safari/537.36");
}

Result<QString> DiscussionBoardReader::decodePage(
    const QByteArray &body, const QByteArray &contentType, QByteArray *charsetUsed)
{
    QByteArray charset = NewsText::charsetFromContentType(contentType);
    if (charset.isEmpty())
        charset = NewsText::charsetFromMeta(body);
    if (charset.isEmpty())
        charset = "utf-8";
    const QByteArray effective = NewsText::isKoreanCharset(charset) ? QByteArray("cp949") : charset;
    Result<QString> decoded = NewsText::decode(body, effective);
    if (!decoded.ok())
        return boardError("naver_board_encoding",
            tr("Could not read the board: the page is not valid %1 (%2).")
                .arg(QString::fromLatin1(effective), decoded.error().message));
    if (charsetUsed)
        *charsetUsed = effective;
    return decoded;
}

Result<BoardPage> DiscussionBoardReader::parsePage(
    const QString &html, const QString &code, int page, const QUrl &baseUrl)
{
    const QUrl base = baseUrl.isEmpty() ? NaverEndpoints::defaultBoardUrl() : baseUrl;
    const QByteArray utf8 = html.toUtf8();
    std::unique_ptr<xmlDoc, DocDeleter> doc(htmlReadMemory(utf8.constData(), int(utf8.size()), nullptr, "UTF-8",
        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC));
    if (!doc)
        return layoutError(tr("not an HTML page"));
    std::unique_ptr<xmlXPathContext, XPathContextDeleter> ctx(xmlXPathNewContext(doc.get()));
    if (!ctx)
        return layoutError(tr("the page could not be searched"));

    const QList<xmlNode *> tables = xpathNodes(ctx.get(),
        "//div[contains(concat(' ', normalize-space(@class), ' '), ' section ')"
        " and contains(concat(' ', normalize-space(@class), ' '), ' inner_sub ')]"
        "//table[contains(concat(' ', normalize-space(@class), ' '), ' type2 ')]");
    if (tables.isEmpty())
        return layoutError(tr("no board table"));
    xmlNode *table = tables.first();

    BoardPage result;
    result.code = code;
    result.page = page;
    result.lastPage = page;
    bool header = false;
    int rowNo = 0;
    for (xmlNode *rowNode : descendants(table, "tr")) {
        const QList<xmlNode *> th = childElements(rowNode, "th");
        if (th.size() >= 6) {
            header = true;
            continue;
        }
        const QList<xmlNode *> cells = childElements(rowNode, "td");
        if (cells.size() < 6)
            continue; // blank and separator rows
        if (!header)
            return layoutError(tr("post rows before the header row"));
        ++rowNo;
        Result<BoardPost> post = readRow(cells, code, base, rowNo);
        if (!post.ok())
            return post.error();
        result.posts.append(post.value());
    }
    if (!header)
        return layoutError(tr("no header row"));

    for (xmlNode *navi :
        xpathNodes(ctx.get(), "//table[contains(concat(' ', normalize-space(@class), ' '), ' Nnavi ')]")) {
        int last = page;
        for (xmlNode *a : descendants(navi, "a"))
            last = std::max(last, pageFromHref(attr(a, "href")));
        result.lastPage = std::max(result.lastPage, last);
    }
    return result;
}

DiscussionBoardReader::DiscussionBoardReader(const IClock &clock, const Options &options, QObject *parent)
    : QObject(parent), m_clock(clock), m_options(options), m_nam(new QNetworkAccessManager(this))
{
    if (m_options.baseUrl.isEmpty())
        m_options.baseUrl = NaverEndpoints::defaultBoardUrl();
    m_spacing.setSingleShot(true);
    connect(&m_spacing, &QTimer::timeout, this, &DiscussionBoardReader::pump);
}

DiscussionBoardReader::~DiscussionBoardReader() = default;

void DiscussionBoardReader::setBaseUrl(const QUrl &baseUrl)
{
    m_options.baseUrl = baseUrl.isEmpty() ? NaverEndpoints::defaultBoardUrl() : baseUrl;
    m_cache.clear();
    m_failures = 0;
    m_backoffUntilMs = 0;
    m_backoffError.reset();
}

void DiscussionBoardReader::setCacheTtlSec(int seconds)
{
    m_options.cacheTtlSec = std::max(0, seconds);
}

qint64 DiscussionBoardReader::backoffUntilMs() const
{
    return m_backoffUntilMs > m_clock.nowMs() ? m_backoffUntilMs : 0;
}

void DiscussionBoardReader::clearCache()
{
    m_cache.clear();
}

std::optional<BoardPage> DiscussionBoardReader::cached(const QString &key) const
{
    const auto it = m_cache.constFind(key);
    if (it == m_cache.constEnd() || m_clock.nowMs() - it->storedMs >= qint64(m_options.cacheTtlSec) * 1000)
        return std::nullopt;
    BoardPage p = it->page;
    p.fromCache = true;
    return p;
}

void DiscussionBoardReader::deliver(const Waiter &waiter, const Result<BoardPage> &result)
{
    QPointer<QObject> guard = waiter.context;
    Callback done = waiter.done;
    QTimer::singleShot(0, this, [guard, done, result] {
        if (guard && done)
            done(result);
    });
}

void DiscussionBoardReader::fetch(const QString &code, int page, QObject *context, Callback done)
{
    const Waiter waiter { QPointer<QObject>(context ? context : this), std::move(done) };
    const QString c = code.trimmed();
    if (c.isEmpty() || c.size() > 12 || page < 1
        || !std::all_of(c.begin(), c.end(), [](QChar ch) { return ch.isLetterOrNumber() && ch.unicode() < 128; }))
        return deliver(waiter,
            boardError("naver_board_bad_request",
                tr("The discussion board needs a stock code and a page >= 1 (got \"%1\", %2).").arg(code).arg(page)));
    const QString key = c + QLatin1Char('|') + QString::number(page);
    if (const auto hit = cached(key))
        return deliver(waiter, *hit);
    if (m_active && m_active->key == key) {
        m_active->waiters.append(waiter);
        return;
    }
    for (Job &job : m_queue) {
        if (job.key == key) {
            job.waiters.append(waiter);
            return;
        }
    }
    m_queue.append(Job { key, c, page, { waiter } });
    pump();
}

void DiscussionBoardReader::pump()
{
    if (m_active || m_queue.isEmpty())
        return;
    const qint64 now = m_clock.nowMs();
    if (m_backoffError && m_backoffUntilMs > now) {
        Error e = *m_backoffError;
        e.message
            += QLatin1Char(' ') + tr("Naver is not asked again for %1 s.").arg((m_backoffUntilMs - now + 999) / 1000);
        const QList<Job> failed = std::exchange(m_queue, {});
        for (const Job &job : failed) {
            for (const Waiter &w : job.waiters)
                deliver(w, e);
        }
        return;
    }
    if (m_sinceLast.isValid()) {
        const qint64 wait = m_options.minSpacingMs - m_sinceLast.elapsed();
        if (wait > 0) {
            if (!m_spacing.isActive())
                m_spacing.start(int(wait));
            return;
        }
    }
    Job job = m_queue.takeFirst();
    if (const auto hit = cached(job.key)) {
        for (const Waiter &w : job.waiters)
            deliver(w, *hit);
        return pump();
    }
    send(std::move(job));
}

void DiscussionBoardReader::send(Job job)
{
    QUrl url = m_options.baseUrl;
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + QStringLiteral("/item/board.naver"));
    url.setQuery(QStringLiteral("code=%1&page=%2").arg(job.code).arg(job.page));
    QUrl referer = m_options.baseUrl;
    referer.setPath(path + QStringLiteral("/item/main.naver"));
    referer.setQuery(QStringLiteral("code=%1").arg(job.code));

    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    request.setRawHeader("Referer", referer.toEncoded());
    request.setRawHeader("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
    request.setRawHeader("Accept-Language", "ko-KR,ko;q=0.9,en;q=0.5");
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(m_options.timeoutMs);
    qCDebug(lcNews).noquote() << "board" << job.code << "page" << job.page;
    m_active = std::move(job);
    QNetworkReply *reply = m_nam->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onFinished(reply); });
}

void DiscussionBoardReader::onFinished(QNetworkReply *reply)
{
    reply->deleteLater();
    m_sinceLast.start();
    Job job = std::move(*m_active);
    m_active.reset();

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    const QNetworkReply::NetworkError netError = reply->error();
    std::optional<Result<BoardPage>> outcome;
    if (status == 0) {
        if (netError == QNetworkReply::OperationCanceledError || netError == QNetworkReply::TimeoutError)
            outcome.emplace(boardError("naver_board_timeout",
                tr("Could not read the board: Naver did not send the page within %1 s.")
                    .arg(m_options.timeoutMs / 1000.0, 0, 'g', 3)));
        else
            outcome.emplace(boardError("naver_board_network",
                tr("Could not reach the Naver discussion board: %1.").arg(reply->errorString())));
    } else if (status != 200) {
        outcome.emplace(
            boardError("naver_board_http", tr("Could not read the board: Naver answered HTTP %1.").arg(status)));
    } else {
        QByteArray charset;
        const Result<QString> html
            = decodePage(body, reply->header(QNetworkRequest::ContentTypeHeader).toByteArray(), &charset);
        if (!html.ok()) {
            outcome.emplace(html.error());
        } else {
            Result<BoardPage> page = parsePage(html.value(), job.code, job.page, m_options.baseUrl);
            if (page.ok())
                page.value().charset = charset;
            outcome.emplace(std::move(page));
        }
    }

    if (outcome->ok()) {
        m_failures = 0;
        m_backoffUntilMs = 0;
        m_backoffError.reset();
        if (m_options.cacheTtlSec > 0) {
            if (m_cache.size() >= MaxCacheEntries)
                m_cache.clear();
            m_cache.insert(job.key, CacheEntry { m_clock.nowMs(), outcome->value() });
        }
    } else {
        qCWarning(lcNews).noquote() << "discussion board" << job.code << "page" << job.page
                                    << "failed:" << outcome->error().code << outcome->error().message;
        applyBackoff(outcome->error());
    }
    for (const Waiter &w : std::as_const(job.waiters))
        deliver(w, *outcome);
    pump();
}

void DiscussionBoardReader::applyBackoff(const Error &error)
{
    ++m_failures;
    const int shift = std::min(m_failures - 1, 20);
    m_backoffUntilMs = m_clock.nowMs() + std::min(m_options.backoffMaxMs, m_options.backoffInitialMs << shift);
    m_backoffError = error;
}
