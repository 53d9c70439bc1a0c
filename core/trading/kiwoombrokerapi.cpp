// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiwoombrokerapi.h"

#include "kiwoom/conditionsearch.h"
#include "kiwoom/restclient.h"
#include "kiwoom/trcodec.h"

#include <QPointer>

#include <algorithm>
#include <memory>

namespace {

// Every page of a paged account TR: the client's own upper bound.
constexpr int ALL_PAGES = 100;

// Keeps the newest `count` candles (the list is oldest first).
QList<Candle> newest(QList<Candle> candles, int count)
{
    if (count > 0 && candles.size() > count)
        candles.erase(candles.begin(), candles.end() - count);
    return candles;
}

} // namespace

KiwoomBrokerApi::KiwoomBrokerApi(RestClient &rest, ConditionSearch &conditions, QObject *parent)
    : QObject(parent), m_rest(rest), m_conditions(conditions)
{
}

KiwoomBrokerApi::~KiwoomBrokerApi() = default;

int KiwoomBrokerApi::ordersInFlight() const
{
    return m_rest.ordersInFlight();
}

void KiwoomBrokerApi::placeOrder(const Kiwoom::OrderRequest &request, QObject *context, Callback<Kiwoom::OrderAck> done)
{
    m_rest.placeOrder(request, context, std::move(done));
}

void KiwoomBrokerApi::cancelOrder(
    const Kiwoom::CancelRequest &request, QObject *context, Callback<Kiwoom::CancelAck> done)
{
    m_rest.cancelOrder(request, context, std::move(done));
}

void KiwoomBrokerApi::openOrders(QObject *context, Callback<Kiwoom::OpenOrders> done)
{
    Kiwoom::OpenOrdersRequest request;
    request.paging.maxPages = ALL_PAGES;
    m_rest.openOrders(request, context, std::move(done));
}

void KiwoomBrokerApi::fills(QObject *context, Callback<Kiwoom::Fills> done)
{
    Kiwoom::FillsRequest request;
    request.paging.maxPages = ALL_PAGES;
    m_rest.fills(request, context, std::move(done));
}

void KiwoomBrokerApi::holdings(QObject *context, Callback<Kiwoom::Holdings> done)
{
    Kiwoom::HoldingsRequest request;
    request.paging.maxPages = ALL_PAGES;
    m_rest.holdings(request, context, std::move(done));
}

void KiwoomBrokerApi::deposit(QObject *context, Callback<Kiwoom::Deposit> done)
{
    m_rest.deposit(Kiwoom::DepositRequest {}, context, std::move(done));
}

void KiwoomBrokerApi::stockInfo(const QString &code, QObject *context, Callback<Kiwoom::StockInfo> done)
{
    QPointer<QObject> guard(context);
    const bool guarded = context != nullptr;
    m_rest.stockInfo(
        code, this, [this, guard, guarded, done = std::move(done)](const KiwoomResult<Kiwoom::StockInfo> &r) {
            if (r && m_stockInfoObserver)
                m_stockInfoObserver(r.value());
            if (!guarded || guard)
                done(r);
        });
}

void KiwoomBrokerApi::watchQuotes(const QStringList &codes, QObject *context, Callback<QList<Kiwoom::WatchQuote>> done)
{
    if (codes.size() <= WATCH_BATCH) {
        m_rest.watchlistQuotes(codes, context, std::move(done));
        return;
    }
    // Several calls, one after the other; the first failure ends the whole request.
    struct State
    {
        QStringList rest;
        QList<Kiwoom::WatchQuote> quotes;
        Callback<QList<Kiwoom::WatchQuote>> done;
        std::function<void()> next;
    };
    auto state = std::make_shared<State>();
    state->rest = codes;
    state->done = std::move(done);
    QPointer<QObject> guard(context);
    state->next = [this, state, guard, context] {
        const QStringList batch = state->rest.mid(0, WATCH_BATCH);
        state->rest = state->rest.mid(WATCH_BATCH);
        m_rest.watchlistQuotes(batch, context, [state, guard](const KiwoomResult<QList<Kiwoom::WatchQuote>> &r) {
            if (!r) {
                auto done = std::move(state->done);
                state->next = nullptr; // breaks the cycle
                done(r.error());
                return;
            }
            state->quotes += r.value();
            if (state->rest.isEmpty() || !guard) {
                auto done = std::move(state->done);
                state->next = nullptr;
                done(state->quotes);
                return;
            }
            state->next();
        });
    };
    state->next();
}

namespace {

// Follows a chart TR page by page (each page a request of its own through the limiter) until
// `count` bars are there or the broker has no more.
template<typename Request, typename Issue>
void fetchCandles(Request request, int count, QObject *context, IMarketApi::Callback<QList<Candle>> done, Issue issue)
{
    struct State
    {
        Request request;
        QList<Kiwoom::ChartBar> bars; // newest first, as received
        int pages = 0;
        IMarketApi::Callback<QList<Candle>> done;
        std::function<void()> next;
    };
    auto state = std::make_shared<State>();
    state->request = std::move(request);
    state->request.paging.maxPages = 1;
    state->done = std::move(done);
    state->next = [state, count, context, issue] {
        issue(state->request, context, [state, count](const KiwoomResult<Kiwoom::ChartReply> &r) {
            auto finish = [state](const KiwoomResult<QList<Candle>> &result) {
                auto done = std::move(state->done);
                state->next = nullptr; // breaks the cycle
                done(result);
            };
            if (!r) {
                finish(r.error());
                return;
            }
            state->bars += r->bars;
            ++state->pages;
            if (state->bars.size() >= count || !r->page.hasMore || r->page.nextKey.isEmpty()
                || state->pages >= KiwoomBrokerApi::MAX_CHART_PAGES) {
                finish(newest(Kiwoom::Tr::toCandles(state->bars), count));
                return;
            }
            state->request.paging.nextKey = r->page.nextKey;
            state->next();
        });
    };
    state->next();
}

} // namespace

void KiwoomBrokerApi::dailyCandles(
    const QString &code, const QDate &baseDate, int count, QObject *context, Callback<QList<Candle>> done)
{
    Kiwoom::DailyChartRequest request;
    request.code = code;
    request.baseDate = baseDate;
    fetchCandles(std::move(request), count, context, std::move(done),
        [this](const Kiwoom::DailyChartRequest &r, QObject *ctx, RestClient::Callback<Kiwoom::ChartReply> cb) {
            m_rest.dailyChart(r, ctx, std::move(cb));
        });
}

void KiwoomBrokerApi::minuteCandles(
    const QString &code, int minutes, int count, QObject *context, Callback<QList<Candle>> done)
{
    Kiwoom::MinuteChartRequest request;
    request.code = code;
    request.tickScope = minutes;
    fetchCandles(std::move(request), count, context, std::move(done),
        [this](const Kiwoom::MinuteChartRequest &r, QObject *ctx, RestClient::Callback<Kiwoom::ChartReply> cb) {
            m_rest.minuteChart(r, ctx, std::move(cb));
        });
}

void KiwoomBrokerApi::listConditions(QObject *context, Callback<QList<Kiwoom::ConditionInfo>> done)
{
    m_conditions.listConditions(context, std::move(done));
}

void KiwoomBrokerApi::searchCondition(const QString &seq, QObject *context, Callback<QList<Kiwoom::ConditionRow>> done)
{
    Kiwoom::Paging paging;
    paging.maxPages = ALL_PAGES;
    m_conditions.search(seq, paging, context, [done = std::move(done)](const auto &r) {
        if (!r)
            done(r.error());
        else
            done(r->rows);
    });
}

void KiwoomBrokerApi::startRealtimeCondition(const QString &seq, QObject *context, Callback<QStringList> done)
{
    m_conditions.startRealtime(seq, context, std::move(done));
}

void KiwoomBrokerApi::stopRealtimeCondition(const QString &seq, QObject *context, Callback<bool> done)
{
    m_conditions.stopRealtime(seq, context, std::move(done));
}
