// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "newsconfig.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <functional>
#include <optional>

class IClock;
class QNetworkAccessManager;
class QNetworkReply;

namespace News {

// One article of a Naver news search, as a reader sees it: tags removed, entities decoded.
struct NewsItem
{
    QString title;
    QString description;
    QString link; // the Naver News URL when there is one, else the original
    QString originalLink;
    qint64 publishedMs = 0; // UTC epoch ms (pubDate); 0 when Naver sent none or an unreadable one
    QDateTime published() const { return QDateTime::fromMSecsSinceEpoch(publishedMs, Qt::UTC); }
};

struct NewsResult
{
    qint64 total = 0;
    int start = 0;
    int display = 0;
    qint64 lastBuildMs = 0; // UTC epoch ms (lastBuildDate)
    QList<NewsItem> items;
    bool fromCache = false; // answered from the client's cache; Naver was not asked
};

enum class NewsSort
{
    Date, // sort=date: newest first
    Similarity, // sort=sim: relevance
};

struct NewsQuery
{
    QString query; // stock name, optionally with its code
    int display = 10; // 1–100
    int start = 1; // 1–1000
    NewsSort sort = NewsSort::Date;
};

} // namespace News

// NaverNewsClient: Naver's news search (GET /v1/search/news.json, protocol §8.1).
//
// Why it exists: the news dock and the control API show news per stock, and Naver's search API
// has a daily quota (25,000 calls for the whole Search API) and per-second limits. This client
// guarantees:
//   * errors are values with stable codes and a clear message: naver_auth (keys missing or wrong,
//     401), naver_forbidden (403), naver_bad_request (400 SE01–SE06 and queries refused before
//     sending), naver_not_found (404), naver_rate_limit (429 012), naver_quota (429 010, or the
//     local daily counter at its limit), naver_server (5xx), naver_http (other statuses),
//     naver_network, naver_timeout, naver_bad_response (a 200 whose body is not the news JSON);
//   * it never hammers: every call sent is counted per Asia/Seoul date; identical queries share one
//     request; answers are cached per query for cacheTtlSec; after an error Naver is not asked again
//     for a back-off (exponential for transient errors, backoffMaxMs after naver_auth/forbidden until
//     new keys are set, the next Seoul midnight after naver_quota) — calls in that time fail at once
//     with the error that caused it;
//   * the client id and secret are registered with Redaction and never logged;
//   * callbacks run later on the client's thread (never inside search()) and are skipped when
//     their context object is gone.
// "Now" (quota date, cache age, back-off) comes from the injected clock; the request timeout is
// real time. Threading: the thread it was created on (the core's thread).
class NaverNewsClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NaverNewsClient)

public:
    using Callback = std::function<void(const Result<News::NewsResult> &)>;

    struct Options
    {
        QUrl baseUrl; // empty = https://openapi.naver.com
        int cacheTtlSec = 300; // 0 = no caching
        int timeoutMs = 10000; // a request without a complete reply by then fails with naver_timeout
        int dailyQuota = 25000;
        qint64 backoffInitialMs = 30 * 1000;
        qint64 backoffMaxMs = 15 * 60 * 1000;
    };

    NaverNewsClient(const IClock &clock, const Options &options, QObject *parent = nullptr);
    ~NaverNewsClient() override;

    // New keys clear an auth back-off. The values are registered with Redaction.
    void setKeys(const NaverKeys &keys);
    bool hasKeys() const { return m_keys.isComplete(); }
    void setBaseUrl(const QUrl &baseUrl);
    void setCacheTtlSec(int seconds);

    void search(const News::NewsQuery &query, QObject *context, Callback done);

    // Calls sent to Naver on today's Asia/Seoul date (by the injected clock), and what is left.
    int callsToday() const;
    int quotaRemaining() const;
    // UTC epoch ms until which Naver is not asked (0 = no back-off).
    qint64 backoffUntilMs() const;
    void clearCache();

    // The pure parts, public for tests.
    static Result<News::NewsResult> parseResponse(const QByteArray &json);
    static Error errorFor(int httpStatus, const QByteArray &body);
    // RFC 822 / 2822 ("Mon, 26 Sep 2016 11:01:35 +0900") to UTC epoch ms.
    static std::optional<qint64> parseRfc822(const QString &text);

signals:
    // After each call sent to Naver.
    void callsTodayChanged(int calls);

private:
    struct Waiter
    {
        QPointer<QObject> context;
        Callback done;
    };
    struct CacheEntry
    {
        qint64 storedMs = 0;
        News::NewsResult result;
    };

    QString cacheKey(const News::NewsQuery &query) const;
    void deliver(QObject *context, Callback done, Result<News::NewsResult> result);
    void onFinished(const QString &key, QNetworkReply *reply);
    void applyBackoff(const Error &error);
    void rollQuotaDate();

    const IClock &m_clock;
    Options m_options;
    NaverKeys m_keys;
    QNetworkAccessManager *m_nam = nullptr;
    QHash<QString, CacheEntry> m_cache;
    QHash<QString, QList<Waiter>> m_pending;
    QDate m_quotaDate;
    int m_callsToday = 0;
    int m_failures = 0;
    qint64 m_backoffUntilMs = 0;
    std::optional<Error> m_backoffError;
};
