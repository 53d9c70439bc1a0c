// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakemarketapi.h"

#include <QTimer>

#include <utility>

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

int FakeMarketApi::calls(const QString &method, const QString &key) const
{
    return m_calls.value(key.isEmpty() ? method : method + QLatin1Char(':') + key);
}

void FakeMarketApi::release()
{
    const QList<Held> held = std::exchange(m_held, {});
    for (const Held &h : held) {
        if (h.context)
            h.run();
    }
}

void FakeMarketApi::count(const QString &method, const QString &key)
{
    ++m_calls[method];
    if (!key.isEmpty())
        ++m_calls[method + QLatin1Char(':') + key];
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
    if (m_errors.contains(method))
        return complete<Kiwoom::StockInfo>(context, std::move(done), m_errors.value(method));
    const auto it = m_stockInfo.constFind(code);
    complete<Kiwoom::StockInfo>(context, std::move(done),
        it != m_stockInfo.cend() ? *it : KiwoomResult<Kiwoom::StockInfo>(noReply(method, code)));
}

void FakeMarketApi::watchQuotes(const QStringList &codes, QObject *context, Callback<QList<Kiwoom::WatchQuote>> done)
{
    const QString method = QStringLiteral("watchQuotes");
    count(method, codes.join(QLatin1Char('|')));
    if (m_errors.contains(method))
        return complete<QList<Kiwoom::WatchQuote>>(context, std::move(done), m_errors.value(method));
    QList<Kiwoom::WatchQuote> quotes;
    for (const QString &code : codes) {
        if (m_watchQuotes.contains(code))
            quotes.append(m_watchQuotes.value(code));
    }
    complete<QList<Kiwoom::WatchQuote>>(context, std::move(done), quotes);
}

void FakeMarketApi::dailyCandles(
    const QString &code, const QDate &, int, QObject *context, Callback<QList<Candle>> done)
{
    const QString method = QStringLiteral("dailyCandles");
    count(method, code);
    if (m_errors.contains(method))
        return complete<QList<Candle>>(context, std::move(done), m_errors.value(method));
    const auto it = m_daily.constFind(code);
    complete<QList<Candle>>(
        context, std::move(done), it != m_daily.cend() ? KiwoomResult<QList<Candle>>(*it) : noReply(method, code));
}

void FakeMarketApi::minuteCandles(const QString &code, int, int, QObject *context, Callback<QList<Candle>> done)
{
    const QString method = QStringLiteral("minuteCandles");
    count(method, code);
    if (m_errors.contains(method))
        return complete<QList<Candle>>(context, std::move(done), m_errors.value(method));
    const auto it = m_minute.constFind(code);
    complete<QList<Candle>>(
        context, std::move(done), it != m_minute.cend() ? KiwoomResult<QList<Candle>>(*it) : noReply(method, code));
}

void FakeMarketApi::listConditions(QObject *context, Callback<QList<Kiwoom::ConditionInfo>> done)
{
    const QString method = QStringLiteral("listConditions");
    count(method, QString());
    if (m_errors.contains(method))
        return complete<QList<Kiwoom::ConditionInfo>>(context, std::move(done), m_errors.value(method));
    complete<QList<Kiwoom::ConditionInfo>>(context, std::move(done),
        m_conditions ? KiwoomResult<QList<Kiwoom::ConditionInfo>>(*m_conditions) : noReply(method, QString()));
}

void FakeMarketApi::searchCondition(const QString &seq, QObject *context, Callback<QList<Kiwoom::ConditionRow>> done)
{
    const QString method = QStringLiteral("searchCondition");
    count(method, seq);
    if (m_errors.contains(method))
        return complete<QList<Kiwoom::ConditionRow>>(context, std::move(done), m_errors.value(method));
    const auto it = m_conditionRows.constFind(seq);
    complete<QList<Kiwoom::ConditionRow>>(context, std::move(done),
        it != m_conditionRows.cend() ? KiwoomResult<QList<Kiwoom::ConditionRow>>(*it) : noReply(method, seq));
}

void FakeMarketApi::startRealtimeCondition(const QString &seq, QObject *context, Callback<QStringList> done)
{
    const QString method = QStringLiteral("startRealtimeCondition");
    count(method, seq);
    if (m_errors.contains(method))
        return complete<QStringList>(context, std::move(done), m_errors.value(method));
    const auto it = m_conditionRows.constFind(seq);
    if (it == m_conditionRows.cend())
        return complete<QStringList>(context, std::move(done), noReply(method, seq));
    QStringList codes;
    for (const Kiwoom::ConditionRow &row : *it)
        codes.append(row.code);
    complete<QStringList>(context, std::move(done), codes);
}

void FakeMarketApi::stopRealtimeCondition(const QString &seq, QObject *context, Callback<bool> done)
{
    const QString method = QStringLiteral("stopRealtimeCondition");
    count(method, seq);
    if (m_errors.contains(method))
        return complete<bool>(context, std::move(done), m_errors.value(method));
    complete<bool>(context, std::move(done), true);
}
