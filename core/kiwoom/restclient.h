// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kiwoomerror.h"
#include "ratelimiter.h"
#include "trcodec.h"
#include "types.h"
#include "wiretap.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>

class IClock;
class QNetworkAccessManager;
class QNetworkReply;
class SingleShotHttp;
class TokenManager;

namespace Kiwoom::Http {
struct Response;
}

// RestClient: the Kiwoom REST TRs on QNetworkAccessManager, typed (one method per TR, see
// trcodec.h for the wire codec) plus a raw call() for any other TR.
//
// Every request is POST <restBase><path> with headers api-id, authorization: Bearer <token>,
// Content-Type application/json;charset=UTF-8 and (queries) cont-yn / next-key. It passes the
// RateLimiter (priority from the TR catalogue), waits for a usable token, and is classified into a
// KiwoomError on failure (see kiwoomerror.h):
//  * 8005/8031/8103 or HTTP 401: the token is re-issued once and the request retried once; a
//    second token rejection is returned as an Auth error (no loop).
//  * Queries (not orders) retry transport errors, timeouts, HTTP 5xx and rate limits (429/1700,
//    1701, 1702) up to maxRetries times with backoff. 1634 (batch too large) and every other
//    return_code are returned at once.
//  * Orders (kt10000–kt10003) are never resent automatically after they may have reached the
//    server. A timeout, reset connection, HTTP 5xx, a status other than 200 below 400 (a gateway's
//    202, a redirect) or an unreadable reply is reported as OutcomeUnknown, so the order manager
//    reconciles (ka10075/ka10076) instead of resending. A refusal before execution (connection
//    refused, another 4xx, 429/1700, return_code 20) is a definite error.
//    Orders do not use QNetworkAccessManager at all: its HTTP/1.1 stack silently resends a POST
//    when the connection closes before the reply. They go through SingleShotHttp (one connection,
//    one write, never resent), which also tells a refused connection (definite) from a lost reply.
//  * Continuation: paged TRs follow cont-yn/next-key up to Paging::maxPages, each page a request
//    of its own through the limiter; the reply's PageInfo says whether more exists and the key to
//    resume with.
//
//  * Orders in flight: ordersInFlight() is the exact number of order requests (kt10000–kt10003)
//    handed to the network whose reply has not arrived; ordersInFlightChanged() tells every change.
//    An order callback is never dropped silently (unless its context object is gone): cancel() and
//    cancelAll() leave an order on the wire alone (its reply still arrives), cancel a queued one
//    with Cancelled (definite: it was never sent); abandonOrdersInFlight() and the destructor
//    complete every order on the wire with OutcomeUnknown, so the order manager records it as
//    UNKNOWN and reconciles. KiwoomSession::stop() waits (bounded) for ordersInFlight() to reach 0
//    before abandoning what is left.
//  * Server time: a reply carrying the simulator's x-sim-time / x-sim-speed headers is reported
//    through serverTimeAnnounced() before its callback runs (real Kiwoom never sends them); the
//    client only passes the announcement on, AnnouncedMarketClock follows it.
//
// Callbacks run on the client's thread from the event loop and are skipped when their context
// object is gone (the request itself is not cancelled by that). Validation failures are delivered
// the same way (queued) and return id 0. Exception: order callbacks still owed when the client is
// destroyed run inside the destructor (the event loop may never run again), as does the callback of
// a call made during destruction (Cancelled); such callbacks must not use the client.
// Threading: one thread (the core's), not thread-safe; TokenManager and RateLimiter must live on
// the same thread.
class RestClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RestClient)

public:
    struct Config
    {
        int timeoutMs = 10000;
        int maxRetries = 3; // queries only
        int retryBaseDelayMs = 250; // doubles per retry, with jitter
        int maxPages = 100; // upper bound for any Paging::maxPages
    };

    using RequestId = quint64;
    template<typename T> using Callback = std::function<void(const KiwoomResult<T> &)>;

    // A successful call: the body of every page, first page first.
    struct RawReply
    {
        QString apiId;
        QList<QJsonObject> pages;
        Kiwoom::PageInfo page;
        qint64 receivedMs = 0; // IClock time of the last page
    };

    RestClient(QNetworkAccessManager &network, const QUrl &restBase, TokenManager &tokens, RateLimiter &limiter,
        const IClock &clock, QObject *parent = nullptr);
    ~RestClient() override;

    void setConfig(const Config &config) { m_config = config; }
    const Config &config() const { return m_config; }
    // The clock that places time-only reply fields (HHmmss) on a day: the session clock unless set
    // (demo mode: the simulator's virtual market time). Must outlive the client.
    void setMarketClock(const IClock *clock) { m_marketClock = clock; }
    // The market recorder's tap (nullptr = none): sees every successful quote/chart reply
    // (wiretap.h). Must outlive the client or be reset first.
    void setWireTap(Kiwoom::WireTap *tap) { m_tap = tap; }

    // Raw call of a catalogued TR (or with an explicit spec for others).
    RequestId call(const QString &apiId, const QJsonObject &body, const Kiwoom::Paging &paging, QObject *context,
        Callback<RawReply> done);
    RequestId call(const Kiwoom::Tr::Spec &spec, const QJsonObject &body, const Kiwoom::Paging &paging,
        QObject *context, Callback<RawReply> done);

    // Quotes
    RequestId stockInfo(const QString &code, QObject *context, Callback<Kiwoom::StockInfo> done); // ka10001
    RequestId orderBook(const QString &code, QObject *context, Callback<Kiwoom::OrderBook> done); // ka10004
    RequestId quoteSheet(const QString &code, QObject *context, Callback<Kiwoom::QuoteSheet> done); // ka10007
    RequestId watchlistQuotes(const QStringList &codes, QObject *context,
        Callback<QList<Kiwoom::WatchQuote>> done); // ka10095
    // Charts
    RequestId tickChart(const Kiwoom::TickChartRequest &request, QObject *context,
        Callback<Kiwoom::ChartReply> done); // ka10079
    RequestId minuteChart(const Kiwoom::MinuteChartRequest &request, QObject *context,
        Callback<Kiwoom::ChartReply> done); // ka10080
    RequestId dailyChart(const Kiwoom::DailyChartRequest &request, QObject *context,
        Callback<Kiwoom::ChartReply> done); // ka10081
    // Lists
    RequestId stockList(Kiwoom::Market market, const Kiwoom::Paging &paging, QObject *context,
        Callback<Kiwoom::StockListReply> done); // ka10099
    RequestId stockListing(const QString &code, QObject *context, Callback<Kiwoom::StockListing> done); // ka10100
    // Orders
    RequestId placeOrder(const Kiwoom::OrderRequest &request, QObject *context,
        Callback<Kiwoom::OrderAck> done); // kt10000 / kt10001
    RequestId modifyOrder(const Kiwoom::ModifyRequest &request, QObject *context,
        Callback<Kiwoom::ModifyAck> done); // kt10002
    RequestId cancelOrder(const Kiwoom::CancelRequest &request, QObject *context,
        Callback<Kiwoom::CancelAck> done); // kt10003
    // Account
    RequestId accountNumber(QObject *context, Callback<Kiwoom::AccountNumber> done); // ka00001
    RequestId deposit(const Kiwoom::DepositRequest &request, QObject *context,
        Callback<Kiwoom::Deposit> done); // kt00001
    RequestId accountEvaluation(const Kiwoom::AccountEvaluationRequest &request, QObject *context,
        Callback<Kiwoom::AccountEvaluation> done); // kt00004
    RequestId holdings(const Kiwoom::HoldingsRequest &request, QObject *context,
        Callback<Kiwoom::Holdings> done); // kt00018
    RequestId openOrders(const Kiwoom::OpenOrdersRequest &request, QObject *context,
        Callback<Kiwoom::OpenOrders> done); // ka10075
    RequestId fills(const Kiwoom::FillsRequest &request, QObject *context, Callback<Kiwoom::Fills> done); // ka10076
    RequestId realizedPnl(const Kiwoom::RealizedPnlRequest &request, QObject *context,
        Callback<Kiwoom::RealizedPnl> done); // ka10074
    RequestId todayRealized(const QString &code, const Kiwoom::Paging &paging, QObject *context,
        Callback<Kiwoom::TodayRealized> done); // ka10077

    // Cancels a request that has not been sent yet, or a query in flight (its callback gets a
    // Cancelled error). An order already sent cannot be cancelled here: returns false.
    bool cancel(RequestId id);
    // Cancels everything cancel() can (shutdown).
    void cancelAll();
    int pendingCount() const { return int(m_calls.size()); }
    // Calls granted by the rate limiter and not yet answered.
    int inFlightCount() const;
    // Lockstep runs: a second condition on every grant (besides a usable token); call
    // wakeLimiter() when it may have turned true. Empty = none.
    void setExtraGate(std::function<bool()> gate);
    void wakeLimiter();

    // Order requests (kt10000–kt10003) on the wire: handed to the network, reply not yet arrived.
    int ordersInFlight() const { return m_ordersInFlight; }
    // Gives up waiting for every order on the wire: each completes now with OutcomeUnknown (its
    // callback runs before this returns) and its connection is closed. `why` goes into the error
    // message ("the session is stopping"). Returns how many orders were abandoned.
    int abandonOrdersInFlight(const QString &why);

signals:
    // After every finished call (for statistics and the UI): latency from submit to result.
    void callFinished(const QString &apiId, bool ok, qint64 latencyMs);
    // ordersInFlight() changed; emitted after the callbacks of the replies concerned have run.
    // Receivers must not delete the client from this signal (use a queued connection for that).
    void ordersInFlightChanged(int count);
    // A reply announced the server's market time (x-sim-time, virtual UTC epoch ms; x-sim-speed,
    // virtual ms per real ms, 1 when absent). Emitted before the reply's callback runs.
    void serverTimeAnnounced(qint64 virtualMs, double speed);

private:
    struct Call;
    using CallPtr = std::shared_ptr<Call>;

    template<typename T, typename Parse>
    RequestId typed(const QString &apiId, const KiwoomResult<QJsonObject> &body, const Kiwoom::Paging &paging,
        QObject *context, Callback<T> done, Parse parse);
    // Runs done(error) from the event loop unless context is gone. mustRun (orders): if the client is
    // destroyed first, the destructor runs it.
    template<typename T>
    void deliverLater(QObject *context, Callback<T> done, const KiwoomError &error, bool mustRun = false);
    void post(std::function<void()> fn, bool mustRun);
    void orderOffTheWire(const CallPtr &call);

    void submit(const CallPtr &call);
    void acquireSlot(const CallPtr &call);
    void onGranted(RequestId id);
    void send(const CallPtr &call, const QString &token);
    void onNetworkReply(RequestId id, bool timedOut);
    void onOrderReply(RequestId id);
    void handleResponse(const CallPtr &call, const Kiwoom::Http::Response &response);
    void handleApiError(const CallPtr &call, KiwoomError error);
    void handleAuthFailure(const CallPtr &call, const KiwoomError &error);
    void retryOrFail(const CallPtr &call, const KiwoomError &error, bool immediate);
    void complete(const CallPtr &call, const KiwoomResult<RawReply> &result);
    void failAllWaitingForToken(const KiwoomError &error);
    qint64 steadyMs() const;

    QNetworkAccessManager &m_network;
    QUrl m_restBase;
    TokenManager &m_tokens;
    RateLimiter &m_limiter;
    std::function<bool()> m_extraGate;
    const IClock &m_clock;
    const IClock *m_marketClock = nullptr;
    Kiwoom::WireTap *m_tap = nullptr;
    Config m_config;
    QHash<RequestId, CallPtr> m_calls;
    RequestId m_nextId = 0;
    int m_ordersInFlight = 0;
    bool m_destroying = false;
    QMap<quint64, std::function<void()>> m_mustRun; // posted order callbacks not yet run, by post id
    quint64 m_nextPost = 0;
};

template<typename T>
void RestClient::deliverLater(QObject *context, Callback<T> done, const KiwoomError &error, bool mustRun)
{
    QPointer<QObject> guard(context);
    const bool guarded = context != nullptr;
    post(
        [guard, guarded, done = std::move(done), error] {
            if (!guarded || guard)
                done(error);
        },
        mustRun);
}

template<typename T, typename Parse>
RestClient::RequestId RestClient::typed(const QString &apiId, const KiwoomResult<QJsonObject> &body,
    const Kiwoom::Paging &paging, QObject *context, Callback<T> done, Parse parse)
{
    const bool isOrder = Kiwoom::Tr::isOrderTr(apiId);
    if (!body) {
        deliverLater<T>(context, std::move(done), body.error(), isOrder);
        return 0;
    }
    return call(
        apiId, *body, paging, context, [done = std::move(done), parse, isOrder](const KiwoomResult<RawReply> &raw) {
            if (!raw) {
                done(raw.error());
                return;
            }
            KiwoomResult<T> result = parse(*raw);
            if (!result && isOrder) {
                // return_code 0 but the acknowledgement is unreadable: the order was probably placed
                // and we do not know its number. Never report that as a failure to retry.
                KiwoomError e = result.error();
                e.kind = KiwoomError::Kind::OutcomeUnknown;
                e.message = QStringLiteral("order accepted (return_code 0) but the reply is unreadable: ") + e.message;
                done(e);
                return;
            }
            if constexpr (requires(T t) { t.page; }) {
                if (result)
                    result.value().page = raw->page;
            }
            done(result);
        });
}
