// SPDX-License-Identifier: GPL-3.0-or-later
#include "restclient.h"

#include "wiretap.h"

#include "common/clock.h"
#include "common/logging.h"
#include "kiwoomhttp.h"
#include "singleshothttp.h"
#include "tokenmanager.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>

#include <algorithm>
#include <chrono>

using Kiwoom::Paging;
using Kiwoom::RequestPool;

struct RestClient::Call
{
    RequestId id = 0;
    Kiwoom::Tr::Spec spec;
    QByteArray body;
    int maxPages = 1;
    QString nextKey; // key for the next page to fetch; empty = first page
    QList<QJsonObject> pages;
    int retries = 0; // retries used for the current page
    bool authRetried = false;
    QPointer<QObject> context;
    bool guarded = false;
    Callback<RawReply> done;
    RateLimiter::Ticket ticket = 0;
    bool waitingForSlot = false;
    QPointer<QNetworkReply> reply;
    QPointer<SingleShotHttp> order; // orders: the one-shot exchange in flight
    bool abandoned = false; // orders: taken off the wire without a reply, outcome unknown
    QPointer<QTimer> timer;
    QString tokenUsed;
    qint64 submittedMs = 0; // steady clock
    qint64 sentMs = 0;
    bool isOrder() const { return spec.pool == RequestPool::Order; }
};

RestClient::RestClient(QNetworkAccessManager &network, const QUrl &restBase, TokenManager &tokens, RateLimiter &limiter,
    const IClock &clock, QObject *parent)
    : QObject(parent), m_network(network), m_restBase(restBase), m_tokens(tokens), m_limiter(limiter), m_clock(clock)
{
    // Nothing is granted while there is no usable token, so a burst never piles up behind a
    // token issue and then leaves all at once.
    m_limiter.setGate([this] { return m_tokens.hasUsableToken() && (!m_extraGate || m_extraGate()); });
    connect(&m_tokens, &TokenManager::tokenIssued, this, [this] { m_limiter.wake(); });
    connect(&m_tokens, &TokenManager::tokenFailed, this, [this](const KiwoomError &error) {
        if (!m_tokens.hasUsableToken())
            failAllWaitingForToken(error);
    });
}

int RestClient::inFlightCount() const
{
    return m_limiter.inFlightCount();
}

void RestClient::setExtraGate(std::function<bool()> gate)
{
    m_extraGate = std::move(gate);
    m_limiter.wake();
}

void RestClient::wakeLimiter()
{
    m_limiter.wake();
}

RestClient::~RestClient()
{
    m_destroying = true;
    // Nobody hears from a client being destroyed (its receivers may be going away too); the order
    // callbacks below still run.
    blockSignals(true);
    m_limiter.setGate({});
    QList<CallPtr> calls = m_calls.values();
    std::sort(calls.begin(), calls.end(), [](const CallPtr &a, const CallPtr &b) { return a->id < b->id; });
    QList<QPair<CallPtr, bool>> orders; // order, was on the wire
    for (const CallPtr &call : std::as_const(calls)) {
        if (call->waitingForSlot)
            m_limiter.cancel(call->ticket);
        if (call->reply) {
            call->reply->disconnect(this);
            call->reply->abort();
            call->reply->deleteLater();
        }
        const bool onTheWire = call->order != nullptr || call->abandoned;
        if (call->order) {
            call->order->disconnect(this);
            call->order->abort();
            call->order->deleteLater();
            call->order = nullptr;
            --m_ordersInFlight;
        }
        if (call->isOrder())
            orders.append({ call, onTheWire });
    }
    // An order's outcome is never dropped silently: one on the wire may have been placed (unknown),
    // one still queued never left (definite). Queries are dropped as before.
    for (const auto &[call, onTheWire] : std::as_const(orders)) {
        const KiwoomError e = onTheWire
            ? KiwoomError::make(KiwoomError::Kind::OutcomeUnknown, call->spec.apiId,
                QStringLiteral("the client was shut down before the reply to the order arrived; it may or may "
                               "not have been placed — reconcile with open orders / fills"))
            : KiwoomError::make(KiwoomError::Kind::Cancelled, call->spec.apiId,
                QStringLiteral("not sent: the client was shut down while the order waited for its turn"));
        complete(call, e);
    }
    m_calls.clear();
    // Order results already decided (cancelled, refused by validation) but not yet delivered.
    while (!m_mustRun.isEmpty()) {
        const std::function<void()> fn = m_mustRun.take(m_mustRun.firstKey());
        fn();
    }
}

void RestClient::post(std::function<void()> fn, bool mustRun)
{
    if (m_destroying) {
        fn(); // no event loop pass is left for this client
        return;
    }
    if (!mustRun) {
        QTimer::singleShot(0, this, std::move(fn));
        return;
    }
    const quint64 id = ++m_nextPost;
    m_mustRun.insert(id, std::move(fn));
    QTimer::singleShot(0, this, [this, id] {
        if (const auto it = m_mustRun.find(id); it != m_mustRun.end()) {
            const std::function<void()> fn = it.value();
            m_mustRun.erase(it);
            fn();
        }
    });
}

void RestClient::orderOffTheWire(const CallPtr &call)
{
    SingleShotHttp *exchange = call->order;
    call->order = nullptr;
    exchange->disconnect(this);
    exchange->deleteLater();
    m_limiter.finished(call->ticket);
    --m_ordersInFlight;
}

qint64 RestClient::steadyMs() const
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

RestClient::RequestId RestClient::call(
    const QString &apiId, const QJsonObject &body, const Paging &paging, QObject *context, Callback<RawReply> done)
{
    const auto spec = Kiwoom::Tr::spec(apiId);
    if (!spec) {
        // (An unknown TR is no order: nothing is owed when the client goes away first.)
        deliverLater<RawReply>(context, std::move(done),
            KiwoomError::make(KiwoomError::Kind::Invalid, apiId, QStringLiteral("unknown TR; pass an explicit spec")));
        return 0;
    }
    return call(*spec, body, paging, context, std::move(done));
}

RestClient::RequestId RestClient::call(const Kiwoom::Tr::Spec &spec, const QJsonObject &body, const Paging &paging,
    QObject *context, Callback<RawReply> done)
{
    if (m_destroying) {
        // A callback run by the destructor asked for more: there is no later for this client.
        if (done)
            done(KiwoomError::make(
                KiwoomError::Kind::Cancelled, spec.apiId, QStringLiteral("not sent: the client is shutting down")));
        return 0;
    }
    auto c = std::make_shared<Call>();
    c->id = ++m_nextId;
    c->spec = spec;
    c->body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    c->maxPages = std::clamp(paging.maxPages, 1, std::max(1, m_config.maxPages));
    c->nextKey = paging.nextKey;
    c->context = context;
    c->guarded = context != nullptr;
    c->done = std::move(done);
    c->submittedMs = steadyMs();
    if (c->isOrder() && c->maxPages != 1)
        c->maxPages = 1;
    submit(c);
    return c->id;
}

void RestClient::submit(const CallPtr &call)
{
    m_calls.insert(call->id, call);
    m_tokens.checkRefresh();
    acquireSlot(call);
}

void RestClient::acquireSlot(const CallPtr &call)
{
    if (!m_tokens.hasUsableToken())
        m_tokens.ensureToken(); // or, while it backs off, re-reports the failure to waiting calls
    call->waitingForSlot = true;
    const RequestId id = call->id;
    call->ticket
        = m_limiter.acquire(call->spec.apiId, call->spec.pool, call->spec.priority, [this, id] { onGranted(id); });
}

void RestClient::onGranted(RequestId id)
{
    const CallPtr call = m_calls.value(id);
    if (!call)
        return;
    call->waitingForSlot = false;
    if (!m_tokens.hasUsableToken()) {
        // The gate let it through and the token expired in the same instant: give the slot back
        // (it counts as used, which only errs on the safe side) and wait for a new token.
        m_limiter.finished(call->ticket);
        m_tokens.ensureToken();
        acquireSlot(call);
        return;
    }
    send(call, m_tokens.token());
}

void RestClient::send(const CallPtr &call, const QString &token)
{
    const bool query = !call->isOrder();
    const bool continuation = !call->nextKey.isEmpty();
    const QNetworkRequest request = Kiwoom::Http::makeRequest(m_restBase, call->spec.path, call->spec.apiId, token,
        continuation ? QStringLiteral("Y") : QStringLiteral("N"), call->nextKey, query);
    call->tokenUsed = token;
    call->sentMs = steadyMs();
    const RequestId id = call->id;
    if (call->isOrder()) {
        QList<QPair<QByteArray, QByteArray>> headers;
        const QList<QByteArray> names = request.rawHeaderList();
        for (const QByteArray &name : names)
            headers.append({ name, request.rawHeader(name) });
        auto *exchange = new SingleShotHttp(request.url(), headers, call->body, m_config.timeoutMs, this);
        call->order = exchange;
        connect(exchange, &SingleShotHttp::finished, this, [this, id] { onOrderReply(id); });
        ++m_ordersInFlight;
        exchange->start();
        qCInfo(lcRest).noquote() << call->spec.apiId << "sent" << call->spec.title;
        emit ordersInFlightChanged(m_ordersInFlight);
        return;
    }
    QNetworkReply *reply = m_network.post(request, call->body);
    call->reply = reply;
    auto *timer = new QTimer(reply);
    timer->setSingleShot(true);
    call->timer = timer;
    connect(timer, &QTimer::timeout, this, [this, id] { onNetworkReply(id, true); });
    connect(reply, &QNetworkReply::finished, this, [this, id] { onNetworkReply(id, false); });
    timer->start(m_config.timeoutMs);
    qCDebug(lcRest).noquote() << call->spec.apiId << "page" << (call->pages.size() + 1) << "sent";
}

void RestClient::onOrderReply(RequestId id)
{
    const CallPtr call = m_calls.value(id);
    if (!call || !call->order)
        return;
    const SingleShotHttp::Outcome o = call->order->outcome();
    orderOffTheWire(call);
    Kiwoom::Http::Response response;
    response.httpStatus = o.status;
    response.timedOut = o.timedOut;
    response.definitelyNotSent = !o.connected || !o.requestWritten;
    response.networkErrorText = o.error;
    if (o.status > 0) {
        response.body = o.body;
        response.contYn = QString::fromLatin1(o.headers.value("cont-yn")).trimmed();
        response.nextKey = QString::fromLatin1(o.headers.value("next-key")).trimmed();
        response.serverTime
            = Kiwoom::Http::parseServerTime(o.headers.value("x-sim-time"), o.headers.value("x-sim-speed"));
    }
    const QPointer<RestClient> self(this); // a callback may delete the client
    handleResponse(call, response);
    if (self)
        emit ordersInFlightChanged(m_ordersInFlight); // after the callback: at 0 every outcome is delivered
}

int RestClient::abandonOrdersInFlight(const QString &why)
{
    QList<CallPtr> onTheWire;
    for (const CallPtr &call : std::as_const(m_calls)) {
        if (call->order)
            onTheWire << call;
    }
    if (onTheWire.isEmpty())
        return 0;
    std::sort(onTheWire.begin(), onTheWire.end(), [](const CallPtr &a, const CallPtr &b) { return a->id < b->id; });
    for (const CallPtr &call : std::as_const(onTheWire)) {
        call->order->abort();
        orderOffTheWire(call);
        call->abandoned = true;
    }
    const QPointer<RestClient> self(this); // a callback may delete the client
    for (const CallPtr &call : std::as_const(onTheWire)) {
        if (!self)
            return int(onTheWire.size());
        complete(call,
            KiwoomError::make(KiwoomError::Kind::OutcomeUnknown, call->spec.apiId,
                QStringLiteral("no reply to the order before %1; it may or may not have been placed — reconcile "
                               "with open orders / fills before doing anything else")
                    .arg(why)));
    }
    if (self)
        emit ordersInFlightChanged(m_ordersInFlight);
    return int(onTheWire.size());
}

void RestClient::onNetworkReply(RequestId id, bool timedOut)
{
    const CallPtr call = m_calls.value(id);
    if (!call || !call->reply)
        return;
    QNetworkReply *reply = call->reply;
    call->reply = nullptr;
    if (call->timer)
        call->timer->stop();
    call->timer = nullptr;
    reply->disconnect(this);
    if (timedOut)
        reply->abort();
    m_limiter.finished(call->ticket);
    const Kiwoom::Http::Response response = Kiwoom::Http::read(reply, timedOut);
    reply->deleteLater();
    handleResponse(call, response);
}

void RestClient::handleResponse(const CallPtr &call, const Kiwoom::Http::Response &response)
{
    const QString &apiId = call->spec.apiId;
    const qint64 latency = steadyMs() - call->sentMs;
    qCDebug(lcRest).noquote() << apiId << "reply HTTP" << response.httpStatus << "in" << latency << "ms";
    if (response.serverTime)
        emit serverTimeAnnounced(response.serverTime->virtualMs, response.serverTime->speed);

    // No HTTP response at all.
    if (response.httpStatus == 0) {
        const KiwoomError error = Kiwoom::Http::transportError(apiId, response);
        if (call->isOrder()) {
            if (Kiwoom::Http::mayHaveReachedServer(response)) {
                KiwoomError unknown = error;
                unknown.kind = KiwoomError::Kind::OutcomeUnknown;
                unknown.message = QStringLiteral("no reply to the order (%1); it may or may not have been placed — "
                                                 "reconcile with open orders / fills before doing anything else")
                                      .arg(error.message);
                complete(call, unknown);
            } else {
                complete(call, error); // never reached the server: a definite failure
            }
            return;
        }
        retryOrFail(call, error, false);
        return;
    }

    const auto envelope = Kiwoom::Http::parseEnvelope(apiId, response.body);
    if (response.httpStatus == 401) {
        KiwoomError e = envelope && envelope->returnCode != 0
            ? Kiwoom::classifyEnvelope(apiId, 401, envelope->returnCode, envelope->returnMsg)
            : KiwoomError::make(KiwoomError::Kind::Auth, apiId, QStringLiteral("HTTP 401 Unauthorized"));
        e.kind = KiwoomError::Kind::Auth;
        e.httpStatus = 401;
        handleAuthFailure(call, e);
        return;
    }
    if (response.httpStatus == 429) {
        KiwoomError e = envelope && envelope->returnCode != 0
            ? Kiwoom::classifyEnvelope(apiId, 429, envelope->returnCode, envelope->returnMsg)
            : KiwoomError::make(KiwoomError::Kind::RateLimited, apiId, QStringLiteral("HTTP 429 Too Many Requests"));
        e.httpStatus = 429;
        handleApiError(call, e);
        return;
    }
    if (response.httpStatus >= 500) {
        KiwoomError e = KiwoomError::make(KiwoomError::Kind::Http, apiId, QStringLiteral("server error"));
        e.httpStatus = response.httpStatus;
        if (envelope) {
            e.returnCode = envelope->returnCode;
            e.code = Kiwoom::innerCode(envelope->returnMsg);
            e.message = envelope->returnMsg.trimmed();
        }
        if (call->isOrder()) {
            e.kind = KiwoomError::Kind::OutcomeUnknown;
            e.message = QStringLiteral("HTTP %1 in reply to the order; it may or may not have been placed — "
                                       "reconcile before doing anything else")
                            .arg(response.httpStatus);
            complete(call, e);
            return;
        }
        retryOrFail(call, e, false);
        return;
    }
    if (response.httpStatus != 200) {
        const bool refused = envelope && envelope->returnCode != 0;
        KiwoomError e = refused
            ? Kiwoom::classifyEnvelope(apiId, response.httpStatus, envelope->returnCode, envelope->returnMsg)
            : KiwoomError::make(KiwoomError::Kind::Http, apiId, QStringLiteral("unexpected HTTP status"));
        if (e.kind == KiwoomError::Kind::Api)
            e.kind = KiwoomError::Kind::Http;
        e.httpStatus = response.httpStatus;
        if (call->isOrder() && !refused && response.httpStatus < 400) {
            // A 2xx other than 200 (or a redirect) from a gateway is no refusal: the order may have
            // been taken. Only a 4xx or an explicit return_code says it was not.
            e.kind = KiwoomError::Kind::OutcomeUnknown;
            e.message = QStringLiteral("HTTP %1 in reply to the order; it may or may not have been placed — "
                                       "reconcile before doing anything else")
                            .arg(response.httpStatus);
        }
        complete(call, e);
        return;
    }

    // HTTP 200
    if (!envelope) {
        if (call->isOrder()) {
            KiwoomError e = envelope.error();
            e.kind = KiwoomError::Kind::OutcomeUnknown;
            e.message = QStringLiteral("unreadable reply to the order (%1); it may or may not have been placed")
                            .arg(e.message);
            complete(call, e);
        } else {
            complete(call, envelope.error());
        }
        return;
    }
    if (envelope->returnCode != 0) {
        handleApiError(call, Kiwoom::classifyEnvelope(apiId, 200, envelope->returnCode, envelope->returnMsg));
        return;
    }

    // A good page.
    m_limiter.reportSuccess(apiId, call->spec.pool);
    call->pages << envelope->body;
    call->retries = 0;
    const bool more = response.contYn.compare(u"Y", Qt::CaseInsensitive) == 0;
    if (more && call->pages.size() < call->maxPages) {
        if (response.nextKey.isEmpty() || response.nextKey == call->nextKey) {
            complete(call,
                KiwoomError::make(KiwoomError::Kind::Parse, apiId,
                    QStringLiteral("%1: cont-yn Y with %2 next-key")
                        .arg(apiId,
                            response.nextKey.isEmpty() ? QStringLiteral("an empty") : QStringLiteral("an unchanged"))));
            return;
        }
        call->nextKey = response.nextKey;
        acquireSlot(call);
        return;
    }
    RawReply raw;
    raw.apiId = apiId;
    raw.pages = call->pages;
    raw.page.pages = int(call->pages.size());
    raw.page.hasMore = more;
    raw.page.nextKey = more ? response.nextKey : QString();
    raw.receivedMs = (m_marketClock ? *m_marketClock : m_clock).nowMs();
    if (call->isOrder())
        qCInfo(lcRest).noquote() << apiId << "accepted:" << envelope->returnMsg.trimmed();
    complete(call, raw);
}

void RestClient::handleApiError(const CallPtr &call, KiwoomError error)
{
    const QString &apiId = call->spec.apiId;
    switch (error.kind) {
    case KiwoomError::Kind::Auth:
        if (Kiwoom::isTokenCode(error.code)) {
            handleAuthFailure(call, error);
            return;
        }
        break;
    case KiwoomError::Kind::RateLimited:
        m_limiter.reportRateLimited(apiId, call->spec.pool, error.code > 0 ? error.code : 1700, error.message);
        if (!call->isOrder()) {
            retryOrFail(call, error, true);
            return;
        }
        break; // a definite refusal; the order manager decides whether to try again
    default:
        break;
    }
    complete(call, error);
}

void RestClient::handleAuthFailure(const CallPtr &call, const KiwoomError &error)
{
    if (call->authRetried) {
        qCWarning(lcRest).noquote() << call->spec.apiId << "token rejected again after a re-issue:" << error.describe();
        complete(call, error);
        return;
    }
    call->authRetried = true;
    qCInfo(lcRest).noquote() << call->spec.apiId
                             << "token rejected (" + QString::number(error.code > 0 ? error.code : error.httpStatus)
            + ") - re-issuing the token and retrying once";
    m_tokens.invalidate(call->tokenUsed);
    m_tokens.ensureToken();
    acquireSlot(call);
}

void RestClient::retryOrFail(const CallPtr &call, const KiwoomError &error, bool immediate)
{
    Q_ASSERT(!call->isOrder());
    if (call->retries >= m_config.maxRetries) {
        qCWarning(lcRest).noquote() << "giving up after" << call->retries << "retries:" << error.describe();
        complete(call, error);
        return;
    }
    ++call->retries;
    // Rate limits are paced by the limiter's pause; other failures back off here.
    const int base = m_config.retryBaseDelayMs << (call->retries - 1);
    const int delay = immediate ? 0 : base + int(QRandomGenerator::global()->bounded(std::max(1, base / 2)));
    qCInfo(lcRest).noquote() << call->spec.apiId << "retry" << call->retries << "of" << m_config.maxRetries << "in"
                             << delay << "ms after:" << error.describe();
    const RequestId id = call->id;
    QTimer::singleShot(delay, this, [this, id] {
        if (const CallPtr c = m_calls.value(id))
            acquireSlot(c);
    });
}

void RestClient::complete(const CallPtr &call, const KiwoomResult<RawReply> &result)
{
    if (!m_calls.remove(call->id))
        return;
    const qint64 latency = steadyMs() - call->submittedMs;
    if (!result) {
        const KiwoomError &e = result.error();
        if (e.kind == KiwoomError::Kind::OutcomeUnknown)
            qCCritical(lcRest).noquote() << e.describe();
        else if (e.kind != KiwoomError::Kind::Cancelled)
            qCWarning(lcRest).noquote() << e.describe();
    }
    emit callFinished(call->spec.apiId, result.ok(), latency);
    if (m_tap && result && !call->isOrder()
        && (call->spec.priority == Kiwoom::RequestPriority::Quote
            || call->spec.priority == Kiwoom::RequestPriority::Chart))
        m_tap->restReply(result->receivedMs, call->spec.apiId, call->body, result->pages);
    if (call->guarded && !call->context)
        return;
    if (call->done)
        call->done(result);
}

void RestClient::failAllWaitingForToken(const KiwoomError &error)
{
    QList<CallPtr> waiting;
    for (const CallPtr &call : std::as_const(m_calls)) {
        if (call->waitingForSlot)
            waiting << call;
    }
    for (const CallPtr &call : std::as_const(waiting)) {
        m_limiter.cancel(call->ticket);
        call->waitingForSlot = false;
        KiwoomError e = error;
        e.apiId = call->spec.apiId;
        e.message = QStringLiteral("no access token: ") + error.message;
        complete(call, e);
    }
}

bool RestClient::cancel(RequestId id)
{
    const CallPtr call = m_calls.value(id);
    if (!call)
        return false;
    if (call->order)
        return false; // an order on the wire must report its outcome
    if (call->waitingForSlot)
        m_limiter.cancel(call->ticket);
    if (call->reply) {
        QNetworkReply *reply = call->reply;
        call->reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
        m_limiter.finished(call->ticket);
    }
    m_calls.remove(id);
    const KiwoomError e
        = KiwoomError::make(KiwoomError::Kind::Cancelled, call->spec.apiId, QStringLiteral("cancelled"));
    emit callFinished(call->spec.apiId, false, steadyMs() - call->submittedMs);
    if (call->done && (!call->guarded || call->context))
        deliverLater<RawReply>(call->guarded ? call->context.data() : nullptr, call->done, e, call->isOrder());
    return true;
}

void RestClient::cancelAll()
{
    const QList<RequestId> ids = m_calls.keys();
    for (const RequestId id : ids)
        cancel(id);
}

// ---- typed TRs ---------------------------------------------------------------------------------

namespace Tr = Kiwoom::Tr;

RestClient::RequestId RestClient::stockInfo(const QString &code, QObject *context, Callback<Kiwoom::StockInfo> done)
{
    return typed<Kiwoom::StockInfo>(QStringLiteral("ka10001"), Tr::stockCodeBody(QStringLiteral("ka10001"), code),
        Paging(), context, std::move(done), [](const RawReply &r) { return Tr::parseStockInfo(r.pages.first()); });
}

RestClient::RequestId RestClient::orderBook(const QString &code, QObject *context, Callback<Kiwoom::OrderBook> done)
{
    return typed<Kiwoom::OrderBook>(QStringLiteral("ka10004"), Tr::stockCodeBody(QStringLiteral("ka10004"), code),
        Paging(), context, std::move(done),
        [code](const RawReply &r) { return Tr::parseOrderBook(r.pages.first(), code, r.receivedMs); });
}

RestClient::RequestId RestClient::quoteSheet(const QString &code, QObject *context, Callback<Kiwoom::QuoteSheet> done)
{
    return typed<Kiwoom::QuoteSheet>(QStringLiteral("ka10007"), Tr::stockCodeBody(QStringLiteral("ka10007"), code),
        Paging(), context, std::move(done), [](const RawReply &r) { return Tr::parseQuoteSheet(r.pages.first()); });
}

RestClient::RequestId RestClient::watchlistQuotes(
    const QStringList &codes, QObject *context, Callback<QList<Kiwoom::WatchQuote>> done)
{
    return typed<QList<Kiwoom::WatchQuote>>(QStringLiteral("ka10095"), Tr::watchlistBody(codes), Paging(), context,
        std::move(done), [](const RawReply &r) { return Tr::parseWatchlist(r.pages, r.receivedMs); });
}

RestClient::RequestId RestClient::tickChart(
    const Kiwoom::TickChartRequest &request, QObject *context, Callback<Kiwoom::ChartReply> done)
{
    return typed<Kiwoom::ChartReply>(QStringLiteral("ka10079"), Tr::tickChartBody(request), request.paging, context,
        std::move(done), [](const RawReply &r) { return Tr::parseChart(QStringLiteral("ka10079"), r.pages); });
}

RestClient::RequestId RestClient::minuteChart(
    const Kiwoom::MinuteChartRequest &request, QObject *context, Callback<Kiwoom::ChartReply> done)
{
    return typed<Kiwoom::ChartReply>(QStringLiteral("ka10080"), Tr::minuteChartBody(request), request.paging, context,
        std::move(done), [](const RawReply &r) { return Tr::parseChart(QStringLiteral("ka10080"), r.pages); });
}

RestClient::RequestId RestClient::dailyChart(
    const Kiwoom::DailyChartRequest &request, QObject *context, Callback<Kiwoom::ChartReply> done)
{
    return typed<Kiwoom::ChartReply>(QStringLiteral("ka10081"), Tr::dailyChartBody(request), request.paging, context,
        std::move(done), [](const RawReply &r) { return Tr::parseChart(QStringLiteral("ka10081"), r.pages); });
}

RestClient::RequestId RestClient::stockList(
    Kiwoom::Market market, const Paging &paging, QObject *context, Callback<Kiwoom::StockListReply> done)
{
    return typed<Kiwoom::StockListReply>(QStringLiteral("ka10099"),
        KiwoomResult<QJsonObject>(Tr::stockListBody(market)), paging, context, std::move(done),
        [](const RawReply &r) { return Tr::parseStockList(r.pages); });
}

RestClient::RequestId RestClient::stockListing(
    const QString &code, QObject *context, Callback<Kiwoom::StockListing> done)
{
    return typed<Kiwoom::StockListing>(QStringLiteral("ka10100"), Tr::stockCodeBody(QStringLiteral("ka10100"), code),
        Paging(), context, std::move(done), [](const RawReply &r) { return Tr::parseStockListing(r.pages.first()); });
}

RestClient::RequestId RestClient::placeOrder(
    const Kiwoom::OrderRequest &request, QObject *context, Callback<Kiwoom::OrderAck> done)
{
    const QString apiId = request.side == Side::Buy ? QStringLiteral("kt10000") : QStringLiteral("kt10001");
    const auto body = Tr::orderBody(request);
    if (body) {
        qCInfo(lcOrders).noquote() << apiId << (request.side == Side::Buy ? "buy" : "sell") << request.code << "x"
                                   << request.quantity << "@"
                                   << (request.price > 0 ? QString::number(request.price) : QStringLiteral("market"))
                                   << "trde_tp" << Kiwoom::tradeTypeCode(request.tradeType)
                                   << Kiwoom::exchangeCode(request.exchange);
    }
    return typed<Kiwoom::OrderAck>(apiId, body, Paging(), context, std::move(done),
        [apiId](const RawReply &r) { return Tr::parseOrderAck(apiId, r.pages.first()); });
}

RestClient::RequestId RestClient::modifyOrder(
    const Kiwoom::ModifyRequest &request, QObject *context, Callback<Kiwoom::ModifyAck> done)
{
    const auto body = Tr::modifyBody(request);
    if (body) {
        qCInfo(lcOrders).noquote() << "kt10002 modify" << request.origOrderNo << request.code << "qty"
                                   << request.quantity << "@" << request.price;
    }
    return typed<Kiwoom::ModifyAck>(QStringLiteral("kt10002"), body, Paging(), context, std::move(done),
        [](const RawReply &r) { return Tr::parseModifyAck(r.pages.first()); });
}

RestClient::RequestId RestClient::cancelOrder(
    const Kiwoom::CancelRequest &request, QObject *context, Callback<Kiwoom::CancelAck> done)
{
    const auto body = Tr::cancelBody(request);
    if (body)
        qCInfo(lcOrders).noquote() << "kt10003 cancel" << request.origOrderNo << request.code << "qty"
                                   << request.quantity;
    return typed<Kiwoom::CancelAck>(QStringLiteral("kt10003"), body, Paging(), context, std::move(done),
        [](const RawReply &r) { return Tr::parseCancelAck(r.pages.first()); });
}

RestClient::RequestId RestClient::accountNumber(QObject *context, Callback<Kiwoom::AccountNumber> done)
{
    return typed<Kiwoom::AccountNumber>(QStringLiteral("ka00001"), KiwoomResult<QJsonObject>(QJsonObject()), Paging(),
        context, std::move(done), [](const RawReply &r) { return Tr::parseAccountNumber(r.pages.first()); });
}

RestClient::RequestId RestClient::deposit(
    const Kiwoom::DepositRequest &request, QObject *context, Callback<Kiwoom::Deposit> done)
{
    return typed<Kiwoom::Deposit>(QStringLiteral("kt00001"), KiwoomResult<QJsonObject>(Tr::depositBody(request)),
        Paging(), context, std::move(done), [](const RawReply &r) { return Tr::parseDeposit(r.pages.first()); });
}

RestClient::RequestId RestClient::accountEvaluation(
    const Kiwoom::AccountEvaluationRequest &request, QObject *context, Callback<Kiwoom::AccountEvaluation> done)
{
    return typed<Kiwoom::AccountEvaluation>(QStringLiteral("kt00004"), Tr::accountEvaluationBody(request),
        request.paging, context, std::move(done),
        [](const RawReply &r) { return Tr::parseAccountEvaluation(r.pages); });
}

RestClient::RequestId RestClient::holdings(
    const Kiwoom::HoldingsRequest &request, QObject *context, Callback<Kiwoom::Holdings> done)
{
    return typed<Kiwoom::Holdings>(QStringLiteral("kt00018"), Tr::holdingsBody(request), request.paging, context,
        std::move(done), [](const RawReply &r) { return Tr::parseHoldings(r.pages); });
}

RestClient::RequestId RestClient::openOrders(
    const Kiwoom::OpenOrdersRequest &request, QObject *context, Callback<Kiwoom::OpenOrders> done)
{
    return typed<Kiwoom::OpenOrders>(QStringLiteral("ka10075"), Tr::openOrdersBody(request), request.paging, context,
        std::move(done), [](const RawReply &r) { return Tr::parseOpenOrders(r.pages, r.receivedMs); });
}

RestClient::RequestId RestClient::fills(
    const Kiwoom::FillsRequest &request, QObject *context, Callback<Kiwoom::Fills> done)
{
    return typed<Kiwoom::Fills>(QStringLiteral("ka10076"), Tr::fillsBody(request), request.paging, context,
        std::move(done), [](const RawReply &r) { return Tr::parseFills(r.pages, r.receivedMs); });
}

RestClient::RequestId RestClient::realizedPnl(
    const Kiwoom::RealizedPnlRequest &request, QObject *context, Callback<Kiwoom::RealizedPnl> done)
{
    return typed<Kiwoom::RealizedPnl>(QStringLiteral("ka10074"), Tr::realizedPnlBody(request), request.paging, context,
        std::move(done), [](const RawReply &r) { return Tr::parseRealizedPnl(r.pages); });
}

RestClient::RequestId RestClient::todayRealized(
    const QString &code, const Paging &paging, QObject *context, Callback<Kiwoom::TodayRealized> done)
{
    return typed<Kiwoom::TodayRealized>(QStringLiteral("ka10077"), Tr::stockCodeBody(QStringLiteral("ka10077"), code),
        paging, context, std::move(done), [](const RawReply &r) { return Tr::parseTodayRealized(r.pages); });
}
