// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionmarketapi.h"

#include "kiwoom/kiwoomsession.h"
#include "kiwoom/trcodec.h"

namespace {

QList<Candle> newest(const QList<Candle> &bars, int count)
{
    return count > 0 && bars.size() > count ? bars.mid(bars.size() - count) : bars;
}

} // namespace

SessionMarketApi::SessionMarketApi(KiwoomSession &session, QObject *parent) : QObject(parent), m_session(session) { }

SessionMarketApi::~SessionMarketApi() = default;

void SessionMarketApi::stockInfo(const QString &code, QObject *context, Callback<Kiwoom::StockInfo> done)
{
    m_session.rest().stockInfo(code, context, std::move(done));
}

void SessionMarketApi::watchQuotes(const QStringList &codes, QObject *context, Callback<QList<Kiwoom::WatchQuote>> done)
{
    m_session.rest().watchlistQuotes(codes, context, std::move(done));
}

void SessionMarketApi::dailyCandles(
    const QString &code, const QDate &baseDate, int count, QObject *context, Callback<QList<Candle>> done)
{
    Kiwoom::DailyChartRequest request;
    request.code = code;
    request.baseDate = baseDate;
    request.paging.maxPages = MAX_PAGES;
    m_session.rest().dailyChart(request, context, [done, count](const KiwoomResult<Kiwoom::ChartReply> &r) {
        if (!r)
            done(r.error());
        else
            done(newest(Kiwoom::Tr::toCandles(r->bars), count));
    });
}

void SessionMarketApi::minuteCandles(
    const QString &code, int minutes, int count, QObject *context, Callback<QList<Candle>> done)
{
    Kiwoom::MinuteChartRequest request;
    request.code = code;
    request.tickScope = minutes;
    request.paging.maxPages = MAX_PAGES;
    m_session.rest().minuteChart(request, context, [done, count](const KiwoomResult<Kiwoom::ChartReply> &r) {
        if (!r)
            done(r.error());
        else
            done(newest(Kiwoom::Tr::toCandles(r->bars), count));
    });
}

void SessionMarketApi::listConditions(QObject *context, Callback<QList<Kiwoom::ConditionInfo>> done)
{
    m_session.conditions().listConditions(context, std::move(done));
}

void SessionMarketApi::searchCondition(const QString &seq, QObject *context, Callback<QList<Kiwoom::ConditionRow>> done)
{
    Kiwoom::Paging paging;
    paging.maxPages = MAX_PAGES;
    m_session.conditions().search(seq, paging, context, [done](const KiwoomResult<Kiwoom::ConditionSearchResult> &r) {
        if (!r)
            done(r.error());
        else
            done(r->rows);
    });
}

void SessionMarketApi::startRealtimeCondition(const QString &seq, QObject *context, Callback<QStringList> done)
{
    m_session.conditions().startRealtime(seq, context, std::move(done));
}

void SessionMarketApi::stopRealtimeCondition(const QString &seq, QObject *context, Callback<bool> done)
{
    m_session.conditions().stopRealtime(seq, context, std::move(done));
}
