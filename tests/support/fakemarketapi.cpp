// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakemarketapi.h"

#include "market/krx.h"

#include <QTimer>

#include <utility>

namespace {

QList<Candle> newest(const QList<Candle> &bars, int count)
{
    return count > 0 && bars.size() > count ? bars.mid(bars.size() - count) : bars;
}

} // namespace

void FakeMarketApi::setStockInfo(const QString &code, const KiwoomResult<Kiwoom::StockInfo> &reply)
{
    m_stockInfo.insert(code, reply);
}

void FakeMarketApi::setWatchQuote(const Kiwoom::WatchQuote &quote)
{
    m_watchQuotes.insert(quote.code, quote);
}

void FakeMarketApi::setDailyCandles(const QString &code, const QList<Candle> &candles)
{
    m_daily.insert(code, candles);
}

void FakeMarketApi::setMinuteCandles(const QString &code, const QList<Candle> &candles)
{
    m_minute.insert(code, candles);
}

void FakeMarketApi::setConditions(const QList<Kiwoom::ConditionInfo> &conditions)
{
    m_conditions = conditions;
}

void FakeMarketApi::setConditionResult(const QString &seq, const QList<Kiwoom::ConditionRow> &rows)
{
    m_conditionRows.insert(seq, rows);
}

void FakeMarketApi::setError(const QString &method, const std::optional<KiwoomError> &error)
{
    if (error)
        m_errors.insert(method, *error);
    else
        m_errors.remove(method);
}

void FakeMarketApi::failNext(const QString &method, const KiwoomError &error, int times)
{
    for (int i = 0; i < times; ++i)
        m_failNext[method].append(error);
}

std::optional<KiwoomError> FakeMarketApi::failure(const QString &method)
{
    if (auto it = m_failNext.find(method); it != m_failNext.end() && !it->isEmpty())
        return it->takeFirst();
    if (m_errors.contains(method))
        return m_errors.value(method);
    return std::nullopt;
}

int FakeMarketApi::calls(const QString &method, const QString &key) const
{
    return m_calls.value(key.isEmpty() ? method : method + QLatin1Char(':') + key);
}

QList<FakeMarketApi::Request> FakeMarketApi::requests(const QString &method) const
{
    QList<Request> out;
    for (const Request &r : m_requests) {
        if (r.method == method)
            out.append(r);
    }
    return out;
}

void FakeMarketApi::clearCalls()
{
    m_calls.clear();
    m_requests.clear();
}

void FakeMarketApi::release()
{
    const QList<Held> held = std::exchange(m_held, {});
    for (const Held &h : held) {
        if (h.context)
            h.run();
    }
}

FakeMarketApi::Request &FakeMarketApi::count(const QString &method, const QString &key)
{
    ++m_calls[method];
    if (!key.isEmpty())
        ++m_calls[method + QLatin1Char(':') + key];
    Request r;
    r.method = method;
    r.key = key;
    m_requests.append(r);
    return m_requests.last();
}

KiwoomError FakeMarketApi::noReply(const QString &method, const QString &key)
{
    return KiwoomError::make(
        KiwoomError::Kind::Api, method, QStringLiteral("FakeMarketApi: no canned reply for %1 %2").arg(method, key));
}

template<typename T> void FakeMarketApi::complete(QObject *context, Callback<T> done, const KiwoomResult<T> &result)
{
    Q_ASSERT(context);
    auto run = [done = std::move(done), result] { done(result); };
    if (m_hold)
        m_held.append({ context, std::move(run) });
    else
        QTimer::singleShot(0, context, std::move(run));
}

void FakeMarketApi::stockInfo(const QString &code, QObject *context, Callback<Kiwoom::StockInfo> done)
{
    const QString method = QStringLiteral("stockInfo");
    count(method, code);
    if (const auto e = failure(method))
        return complete<Kiwoom::StockInfo>(context, std::move(done), *e);
    const auto it = m_stockInfo.constFind(code);
    complete<Kiwoom::StockInfo>(context, std::move(done),
        it != m_stockInfo.cend() ? *it : KiwoomResult<Kiwoom::StockInfo>(noReply(method, code)));
}

void FakeMarketApi::watchQuotes(const QStringList &codes, QObject *context, Callback<QList<Kiwoom::WatchQuote>> done)
{
    const QString method = QStringLiteral("watchQuotes");
    count(method, codes.join(QLatin1Char('|')));
    if (const auto e = failure(method))
        return complete<QList<Kiwoom::WatchQuote>>(context, std::move(done), *e);
    QList<Kiwoom::WatchQuote> quotes;
    for (const QString &code : codes) {
        if (m_watchQuotes.contains(code))
            quotes.append(m_watchQuotes.value(code));
    }
    complete<QList<Kiwoom::WatchQuote>>(context, std::move(done), quotes);
}

void FakeMarketApi::dailyCandles(
    const QString &code, const QDate &baseDate, int bars, QObject *context, Callback<QList<Candle>> done)
{
    const QString method = QStringLiteral("dailyCandles");
    Request &r = count(method, code);
    r.count = bars;
    r.baseDate = baseDate;
    if (const auto e = failure(method))
        return complete<QList<Candle>>(context, std::move(done), *e);
    const auto it = m_daily.constFind(code);
    if (it == m_daily.cend())
        return complete<QList<Candle>>(context, std::move(done), noReply(method, code));
    QList<Candle> upTo;
    for (const Candle &c : *it) {
        if (!baseDate.isValid() || Krx::kstDate(c.timeMs) <= baseDate)
            upTo.append(c);
    }
    complete<QList<Candle>>(context, std::move(done), newest(upTo, bars));
}

void FakeMarketApi::minuteCandles(
    const QString &code, int minutes, int bars, QObject *context, Callback<QList<Candle>> done)
{
    const QString method = QStringLiteral("minuteCandles");
    Request &r = count(method, code);
    r.count = bars;
    r.minutes = minutes;
    if (const auto e = failure(method))
        return complete<QList<Candle>>(context, std::move(done), *e);
    const auto it = m_minute.constFind(code);
    complete<QList<Candle>>(context, std::move(done),
        it != m_minute.cend() ? KiwoomResult<QList<Candle>>(newest(*it, bars)) : noReply(method, code));
}

void FakeMarketApi::listConditions(QObject *context, Callback<QList<Kiwoom::ConditionInfo>> done)
{
    const QString method = QStringLiteral("listConditions");
    count(method, QString());
    if (const auto e = failure(method))
        return complete<QList<Kiwoom::ConditionInfo>>(context, std::move(done), *e);
    complete<QList<Kiwoom::ConditionInfo>>(context, std::move(done),
        m_conditions ? KiwoomResult<QList<Kiwoom::ConditionInfo>>(*m_conditions) : noReply(method, QString()));
}

void FakeMarketApi::searchCondition(const QString &seq, QObject *context, Callback<QList<Kiwoom::ConditionRow>> done)
{
    const QString method = QStringLiteral("searchCondition");
    count(method, seq);
    if (const auto e = failure(method))
        return complete<QList<Kiwoom::ConditionRow>>(context, std::move(done), *e);
    const auto it = m_conditionRows.constFind(seq);
    complete<QList<Kiwoom::ConditionRow>>(context, std::move(done),
        it != m_conditionRows.cend() ? KiwoomResult<QList<Kiwoom::ConditionRow>>(*it) : noReply(method, seq));
}

void FakeMarketApi::startRealtimeCondition(const QString &seq, QObject *context, Callback<QStringList> done)
{
    const QString method = QStringLiteral("startRealtimeCondition");
    count(method, seq);
    if (const auto e = failure(method))
        return complete<QStringList>(context, std::move(done), *e);
    const auto it = m_conditionRows.constFind(seq);
    if (it == m_conditionRows.cend())
        return complete<QStringList>(context, std::move(done), noReply(method, seq));
    if (m_realtime.size() >= 10 && !m_realtime.contains(seq)) {
        return complete<QStringList>(context, std::move(done),
            KiwoomError::make(KiwoomError::Kind::Invalid, method, QStringLiteral("at most 10 realtime conditions")));
    }
    m_realtime.insert(seq);
    QStringList codes;
    for (const Kiwoom::ConditionRow &row : *it)
        codes.append(row.code);
    complete<QStringList>(context, std::move(done), codes);
}

void FakeMarketApi::stopRealtimeCondition(const QString &seq, QObject *context, Callback<bool> done)
{
    const QString method = QStringLiteral("stopRealtimeCondition");
    count(method, seq);
    if (const auto e = failure(method))
        return complete<bool>(context, std::move(done), *e);
    m_realtime.remove(seq);
    complete<bool>(context, std::move(done), true);
}
