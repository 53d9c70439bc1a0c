// SPDX-License-Identifier: GPL-3.0-or-later
#include "navernewsclient.h"

#include "common/clock.h"
#include "common/logging.h"
#include "market/krx.h"
#include "newstext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include <algorithm>

using News::NewsItem;
using News::NewsQuery;
using News::NewsResult;

namespace {

constexpr int MaxCacheEntries = 500;

Error newsError(const char *code, const QString &message)
{
    return Error { QString::fromLatin1(code), message };
}

} // namespace

NaverNewsClient::NaverNewsClient(const IClock &clock, const Options &options, QObject *parent)
    : QObject(parent), m_clock(clock), m_options(options), m_nam(new QNetworkAccessManager(this))
{
    if (m_options.baseUrl.isEmpty())
        m_options.baseUrl = NaverEndpoints::defaultNewsUrl();
}

NaverNewsClient::~NaverNewsClient() = default;

void NaverNewsClient::setKeys(const NaverKeys &keys)
{
    keys.registerSecrets();
    if (keys == m_keys)
        return;
    m_keys = keys;
    if (m_backoffError && (m_backoffError->code == u"naver_auth" || m_backoffError->code == u"naver_forbidden")) {
        m_backoffUntilMs = 0;
        m_backoffError.reset();
        m_failures = 0;
    }
    m_cache.clear();
}

void NaverNewsClient::setBaseUrl(const QUrl &baseUrl)
{
    m_options.baseUrl = baseUrl.isEmpty() ? NaverEndpoints::defaultNewsUrl() : baseUrl;
    m_cache.clear();
    m_backoffUntilMs = 0;
    m_backoffError.reset();
    m_failures = 0;
}

void NaverNewsClient::setCacheTtlSec(int seconds)
{
    m_options.cacheTtlSec = std::max(0, seconds);
}

int NaverNewsClient::callsToday() const
{
    return Krx::kstDate(m_clock.nowMs()) == m_quotaDate ? m_callsToday : 0;
}

int NaverNewsClient::quotaRemaining() const
{
    return std::max(0, m_options.dailyQuota - callsToday());
}

qint64 NaverNewsClient::backoffUntilMs() const
{
    return m_backoffUntilMs > m_clock.nowMs() ? m_backoffUntilMs : 0;
}

void NaverNewsClient::clearCache()
{
    m_cache.clear();
}

void NaverNewsClient::rollQuotaDate()
{
    const QDate today = Krx::kstDate(m_clock.nowMs());
    if (today != m_quotaDate) {
        m_quotaDate = today;
        m_callsToday = 0;
    }
}

QString NaverNewsClient::cacheKey(const NewsQuery &query) const
{
    return QStringLiteral("%1|%2|%3|%4")
        .arg(query.sort == News::NewsSort::Date ? QStringLiteral("date") : QStringLiteral("sim"))
        .arg(query.display)
        .arg(query.start)
        .arg(query.query.trimmed());
}

void NaverNewsClient::deliver(QObject *context, Callback done, Result<NewsResult> result)
{
    QPointer<QObject> guard(context ? context : this);
    QTimer::singleShot(0, this, [guard, done = std::move(done), result = std::move(result)] {
        if (guard && done)
            done(result);
    });
}

void NaverNewsClient::search(const NewsQuery &query, QObject *context, Callback done)
{
    const QString text = query.query.trimmed();
    if (text.isEmpty())
        return deliver(context, std::move(done),
            newsError("naver_bad_request", tr("The news search needs a query (a stock name or code).")));
    if (query.display < 1 || query.display > 100 || query.start < 1 || query.start > 1000)
        return deliver(context, std::move(done),
            newsError("naver_bad_request",
                tr("News search paging out of range: display must be 1–100 and start 1–1000 (got %1 and %2).")
                    .arg(query.display)
                    .arg(query.start)));

    const qint64 now = m_clock.nowMs();
    const QString key = cacheKey(query);
    if (const auto it = m_cache.constFind(key); it != m_cache.constEnd()) {
        if (now - it->storedMs < qint64(m_options.cacheTtlSec) * 1000) {
            NewsResult cached = it->result;
            cached.fromCache = true;
            return deliver(context, std::move(done), cached);
        }
    }
    if (auto it = m_pending.find(key); it != m_pending.end()) {
        it->append(Waiter { QPointer<QObject>(context ? context : this), std::move(done) });
        return;
    }
    if (!m_keys.isComplete())
        return deliver(context, std::move(done),
            newsError("naver_auth",
                tr("Naver API keys missing: set the Naver client id and secret in Settings (or NAVER_CLIENT_ID / "
                   "NAVER_CLIENT_SECRET).")));
    if (m_backoffError && m_backoffUntilMs > now) {
        Error e = *m_backoffError;
        e.message
            += QLatin1Char(' ') + tr("Naver is not asked again for %1 s.").arg((m_backoffUntilMs - now + 999) / 1000);
        return deliver(context, std::move(done), e);
    }
    rollQuotaDate();
    if (m_callsToday >= m_options.dailyQuota)
        return deliver(context, std::move(done),
            newsError("naver_quota",
                tr("Naver's daily search quota (%1 calls) is used up; news is available again after midnight "
                   "(Korea time).")
                    .arg(m_options.dailyQuota)));

    QUrl url = m_options.baseUrl;
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + QStringLiteral("/v1/search/news.json"));
    const QByteArray q = "query=" + QUrl::toPercentEncoding(text) + "&display=" + QByteArray::number(query.display)
        + "&start=" + QByteArray::number(query.start)
        + "&sort=" + (query.sort == News::NewsSort::Date ? QByteArray("date") : QByteArray("sim"));
    url.setQuery(QString::fromLatin1(q), QUrl::StrictMode);

    QNetworkRequest request(url);
    request.setRawHeader("X-Naver-Client-Id", m_keys.clientId.toUtf8());
    request.setRawHeader("X-Naver-Client-Secret", m_keys.clientSecret.toUtf8());
    request.setRawHeader("Accept", "application/json");
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(m_options.timeoutMs);

    ++m_callsToday;
    emit callsTodayChanged(m_callsToday);
    m_pending[key].append(Waiter { QPointer<QObject>(context ? context : this), std::move(done) });
    qCDebug(lcNews).noquote() << "news search" << text << "call" << m_callsToday << "today";
    QNetworkReply *reply = m_nam->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, key, reply] { onFinished(key, reply); });
}

void NaverNewsClient::onFinished(const QString &key, QNetworkReply *reply)
{
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    const QNetworkReply::NetworkError netError = reply->error();

    std::optional<Result<NewsResult>> outcome;
    if (status == 0) {
        if (netError == QNetworkReply::OperationCanceledError || netError == QNetworkReply::TimeoutError)
            outcome.emplace(newsError("naver_timeout",
                tr("Naver news search did not answer within %1 s.").arg(m_options.timeoutMs / 1000.0, 0, 'g', 3)));
        else
            outcome.emplace(
                newsError("naver_network", tr("Could not reach Naver news search: %1.").arg(reply->errorString())));
    } else if (status == 200) {
        outcome.emplace(parseResponse(body));
    } else {
        outcome.emplace(errorFor(status, body));
    }

    if (outcome->ok()) {
        m_failures = 0;
        m_backoffUntilMs = 0;
        m_backoffError.reset();
        if (m_options.cacheTtlSec > 0) {
            if (m_cache.size() >= MaxCacheEntries)
                m_cache.clear();
            m_cache.insert(key, CacheEntry { m_clock.nowMs(), outcome->value() });
        }
    } else {
        qCWarning(lcNews).noquote() << "news search failed:" << outcome->error().code << outcome->error().message;
        applyBackoff(outcome->error());
    }

    const QList<Waiter> waiters = m_pending.take(key);
    for (const Waiter &w : waiters) {
        if (w.context)
            deliver(w.context, w.done, *outcome);
    }
}

void NaverNewsClient::applyBackoff(const Error &error)
{
    const qint64 now = m_clock.nowMs();
    if (error.code == u"naver_bad_request")
        return; // the query's fault; other queries may go on
    ++m_failures;
    qint64 until = 0;
    if (error.code == u"naver_quota") {
        // Until the next Asia/Seoul midnight.
        until = Krx::fromKst(Krx::kstDate(now).addDays(1), QTime(0, 0));
        rollQuotaDate();
        m_callsToday = std::max(m_callsToday, m_options.dailyQuota);
    } else if (error.code == u"naver_auth" || error.code == u"naver_forbidden") {
        until = now + m_options.backoffMaxMs;
    } else {
        const int shift = std::min(m_failures - 1, 20);
        until = now + std::min(m_options.backoffMaxMs, m_options.backoffInitialMs << shift);
    }
    m_backoffUntilMs = until;
    m_backoffError = error;
}

std::optional<qint64> NaverNewsClient::parseRfc822(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return std::nullopt;
    const QDateTime dt = QDateTime::fromString(t, Qt::RFC2822Date);
    if (!dt.isValid())
        return std::nullopt;
    return dt.toMSecsSinceEpoch();
}

Result<NewsResult> NaverNewsClient::parseResponse(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    const auto bad = [](const QString &why) {
        return newsError("naver_bad_response", tr("Naver news search sent an unreadable reply: %1.").arg(why));
    };
    if (parseError.error != QJsonParseError::NoError)
        return bad(parseError.errorString());
    if (!doc.isObject())
        return bad(QStringLiteral("not a JSON object"));
    const QJsonObject o = doc.object();
    if (!o.value(QLatin1String("items")).isArray())
        return bad(QStringLiteral("no items array"));
    NewsResult result;
    result.total = qint64(o.value(QLatin1String("total")).toDouble());
    result.start = o.value(QLatin1String("start")).toInt();
    result.display = o.value(QLatin1String("display")).toInt();
    result.lastBuildMs = parseRfc822(o.value(QLatin1String("lastBuildDate")).toString()).value_or(0);
    for (const QJsonValue &v : o.value(QLatin1String("items")).toArray()) {
        if (!v.isObject())
            return bad(QStringLiteral("an item is not an object"));
        const QJsonObject it = v.toObject();
        NewsItem item;
        item.title = NewsText::plainText(it.value(QLatin1String("title")).toString());
        item.description = NewsText::plainText(it.value(QLatin1String("description")).toString());
        item.originalLink = it.value(QLatin1String("originallink")).toString().trimmed();
        item.link = it.value(QLatin1String("link")).toString().trimmed();
        if (item.link.isEmpty())
            item.link = item.originalLink;
        item.publishedMs = parseRfc822(it.value(QLatin1String("pubDate")).toString()).value_or(0);
        if (item.title.isEmpty() && item.link.isEmpty())
            return bad(QStringLiteral("an item has neither title nor link"));
        result.items.append(item);
    }
    return result;
}

Error NaverNewsClient::errorFor(int httpStatus, const QByteArray &body)
{
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    const QString code = o.value(QLatin1String("errorCode")).toString();
    const QString naverMessage = o.value(QLatin1String("errorMessage")).toString().trimmed();
    const QString detail = naverMessage.isEmpty() && code.isEmpty()
        ? QStringLiteral("HTTP %1").arg(httpStatus)
        : QStringLiteral("HTTP %1, %2%3")
              .arg(httpStatus)
              .arg(code.isEmpty() ? QString() : code + QStringLiteral(": "), naverMessage);
    switch (httpStatus) {
    case 400:
        return newsError("naver_bad_request", tr("Naver refused the news search request (%1).").arg(detail));
    case 401:
        if (naverMessage.contains(QLatin1String("Scope Status Invalid"), Qt::CaseInsensitive))
            return newsError("naver_auth",
                tr("The Naver application lacks the Search API permission: enable \"검색\" for it on "
                   "developers.naver.com (%1).")
                    .arg(detail));
        return newsError("naver_auth", tr("Naver API keys missing or wrong (%1).").arg(detail));
    case 403:
        return newsError("naver_forbidden",
            tr("Naver refused the news search: HTTPS is required and the application needs the Search API "
               "permission (%1).")
                .arg(detail));
    case 404:
        return newsError("naver_not_found",
            tr("Naver does not know this API address; check the news URL setting (%1).").arg(detail));
    case 429:
        if (code == u"010" || naverMessage.contains(QLatin1String("Query limit"), Qt::CaseInsensitive))
            return newsError("naver_quota",
                tr("Naver's daily search quota is used up; news is available again after midnight (Korea time) "
                   "(%1).")
                    .arg(detail));
        return newsError("naver_rate_limit", tr("Naver's per-second rate limit was exceeded (%1).").arg(detail));
    default:
        break;
    }
    if (httpStatus >= 500)
        return newsError("naver_server", tr("Naver news search failed on Naver's side (%1).").arg(detail));
    return newsError("naver_http", tr("Naver news search answered with an unexpected status (%1).").arg(detail));
}
