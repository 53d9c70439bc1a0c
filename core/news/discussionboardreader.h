// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <optional>

class IClock;
class QNetworkAccessManager;
class QNetworkReply;

namespace News {

// One row of the Naver Finance discussion board (종목토론실) list.
struct BoardPost
{
    qint64 nid = 0; // the post id
    QString code; // stock code
    QString title; // full title (the link's title attribute; the visible text may be cut)
    QUrl url; // absolute post URL
    QString author; // masked id as Naver shows it ("abcd****")
    qint64 postedMs = 0; // UTC epoch ms (the board shows Asia/Seoul minutes)
    int views = 0;
    int likes = 0; // 공감
    int dislikes = 0; // 비공감
    int replies = 0; // the "[N]" after the visible title; 0 when none
    bool hiddenByCleanBot = false; // Naver's clean bot hides the text; the row is still listed
};

struct BoardPage
{
    QString code;
    int page = 1;
    int lastPage = 1; // from the pager; page itself when the pager shows none
    QList<BoardPost> posts; // newest first, as on the page
    QByteArray charset; // the charset the page was decoded with ("cp949", "utf-8")
    bool fromCache = false; // answered from the reader's cache; Naver was not asked
};

} // namespace News

// DiscussionBoardReader: reads the list page item/board.naver?code=XXXXXX&page=N of the Naver
// Finance discussion board (protocol §8.2). It is HTML, not an API: parsed with libxml2's HTML
// parser, never with regular expressions.
//
// Why it exists: the news dock shows what retail investors say about a stock. It guarantees:
//   * Korean text intact: the page is decoded as its HTTP header states (EUC-KR pages as CP949,
//     which has the syllables strict EUC-KR lacks), the header winning over the page's meta tag;
//     without a header charset the meta tag, then UTF-8;
//   * rows are either read completely or not at all: a page whose layout is not the one known
//     (no board table, no header row, a post row without date/link/counts) fails with
//     naver_board_layout "could not read the board" — never garbage rows, never a silent empty
//     list. A board with no posts (header only) is an empty page. Clean-bot hidden posts are kept,
//     flagged hiddenByCleanBot;
//   * politeness: one request at a time, at least minSpacingMs (real time) between the end of one
//     request and the start of the next, a browser User-Agent and a Referer, per-page caching for
//     cacheTtlSec (a repeat does not reach Naver), and after any failure no request for a back-off
//     (exponential) — requests in that time fail at once with the error that caused it;
//   * a stalled page fails with naver_board_timeout after timeoutMs.
// Error codes: naver_board_layout, naver_board_encoding, naver_board_http, naver_board_network,
// naver_board_timeout, naver_board_bad_request.
// Callbacks run later on the reader's thread and are skipped when their context is gone. Cache age
// and back-off use the injected clock. Threading: the thread it was created on.
class DiscussionBoardReader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiscussionBoardReader)

public:
    using Callback = std::function<void(const Result<News::BoardPage> &)>;

    struct Options
    {
        QUrl baseUrl; // empty = https://finance.naver.com
        int cacheTtlSec = 120;
        int timeoutMs = 10000;
        int minSpacingMs = 500;
        qint64 backoffInitialMs = 60 * 1000;
        qint64 backoffMaxMs = 15 * 60 * 1000;
    };

    DiscussionBoardReader(const IClock &clock, const Options &options, QObject *parent = nullptr);
    ~DiscussionBoardReader() override;

    void setBaseUrl(const QUrl &baseUrl);
    void setCacheTtlSec(int seconds);
    // page >= 1; code is a 6-character stock code.
    void fetch(const QString &code, int page, QObject *context, Callback done);
    qint64 backoffUntilMs() const;
    void clearCache();
    int queuedRequests() const { return int(m_queue.size()); }

    // The pure parts, public for tests. decodePage picks the charset as described above.
    static Result<QString> decodePage(const QByteArray &body, const QByteArray &contentType, QByteArray *charsetUsed);
    static Result<News::BoardPage> parsePage(
        const QString &html, const QString &code, int page, const QUrl &baseUrl = QUrl());
    static QByteArray userAgent();

private:
    struct Waiter
    {
        QPointer<QObject> context;
        Callback done;
    };
    struct Job
    {
        QString key;
        QString code;
        int page = 1;
        QList<Waiter> waiters;
    };
    struct CacheEntry
    {
        qint64 storedMs = 0;
        News::BoardPage page;
    };

    void deliver(const Waiter &waiter, const Result<News::BoardPage> &result);
    void pump();
    void send(Job job);
    void onFinished(QNetworkReply *reply);
    void applyBackoff(const Error &error);
    std::optional<News::BoardPage> cached(const QString &key) const;

    const IClock &m_clock;
    Options m_options;
    QNetworkAccessManager *m_nam = nullptr;
    QList<Job> m_queue;
    std::optional<Job> m_active;
    QElapsedTimer m_sinceLast; // since the end of the last request (invalid: none yet)
    QTimer m_spacing;
    QHash<QString, CacheEntry> m_cache;
    int m_failures = 0;
    qint64 m_backoffUntilMs = 0;
    std::optional<Error> m_backoffError;
};
