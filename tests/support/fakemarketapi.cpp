// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakemarketapi.h"

#include "market/krx.h"

#include <QMetaObject>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace {

FakeMarketApi::Request request(FakeMarketApi::Call call, const QString &arg = QString())
{
    FakeMarketApi::Request r;
    r.call = call;
    r.arg = arg;
    return r;
}

QList<Candle> newest(const QList<Candle> &bars, int count)
{
    if (count <= 0 || bars.size() <= count)
        return bars;
    return bars.mid(bars.size() - count);
}

} // namespace

FakeMarketApi::FakeMarketApi(QObject *parent) : QObject(parent) { }

FakeMarketApi::~FakeMarketApi() = default;

QList<Candle> &FakeMarketApi::minuteBars(const QString &code, int minutes)
{
    return m_minuteBars[code + u'|' + QString::number(minutes)];
}

Kiwoom::ConditionRow FakeMarketApi::row(const QString &code, const QString &name)
{
    Kiwoom::ConditionRow r;
    r.code = code;
    r.name = name.isEmpty() ? u"Stock %1"_s.arg(code) : name;
    return r;
}

KiwoomError FakeMarketApi::error(KiwoomError::Kind kind, const QString &message)
{
    return KiwoomError::make(kind, u"fake"_s, message.isEmpty() ? u"injected failure"_s : message);
}

void FakeMarketApi::failNext(Call call, const KiwoomError &error, int times)
{
    for (int i = 0; i < times; ++i)
        m_failures[call].append(error);
}

std::optional<KiwoomError> FakeMarketApi::takeFailure(Call call)
{
    auto it = m_failures.find(call);
    if (it == m_failures.end() || it->isEmpty())
        return std::nullopt;
    return it->takeFirst();
}

void FakeMarketApi::release()
{
    const QList<std::function<void()>> held = std::exchange(m_held, {});
    for (const auto &fire : held)
        fire();
}

QList<FakeMarketApi::Request> FakeMarketApi::requestsOf(Call call) const
{
    QList<Request> out;
    for (const Request &r : m_requests) {
        if (r.call == call)
            out.append(r);
    }
    return out;
}

int FakeMarketApi::count(Call call) const
{
    return int(requestsOf(call).size());
}

int FakeMarketApi::count(Call call, const QString &arg) const
{
    int n = 0;
    for (const Request &r : m_requests)
        n += r.call == call && r.arg == arg ? 1 : 0;
    return n;
}

template<typename T>
void FakeMarketApi::reply(
    Call call, QObject *context, const Callback<T> &done, const std::function<KiwoomResult<T>()> &make)
{
    const std::optional<KiwoomError> failure = takeFailure(call);
    const KiwoomResult<T> result = failure ? KiwoomResult<T>(*failure) : make();
    QPointer<QObject> ctx(context);
    auto fire = [ctx, done, result]() {
        if (ctx)
            done(result);
    };
    if (m_hold)
        m_held.append(fire);
    else
        QMetaObject::invokeMethod(context, fire, Qt::QueuedConnection);
}

void FakeMarketApi::stockInfo(const QString &code, QObject *context, Callback<Kiwoom::StockInfo> done)
{
    m_requests.append(request(Call::StockInfo, code));
    reply<Kiwoom::StockInfo>(Call::StockInfo, context, done, [this, code]() -> KiwoomResult<Kiwoom::StockInfo> {
        if (!stockInfos.contains(code))
            return error(KiwoomError::Kind::Api, u"no such stock %1"_s.arg(code));
        return stockInfos.value(code);
    });
}

void FakeMarketApi::watchQuotes(const QStringList &codes, QObject *context, Callback<QList<Kiwoom::WatchQuote>> done)
{
    Request r = request(Call::WatchQuotes);
    r.codes = codes;
    m_requests.append(r);
    reply<QList<Kiwoom::WatchQuote>>(Call::WatchQuotes, context, done, [this, codes]() {
        QList<Kiwoom::WatchQuote> out;
        for (const QString &c : codes) {
            if (quotes.contains(c))
                out.append(quotes.value(c));
        }
        return KiwoomResult<QList<Kiwoom::WatchQuote>>(out);
    });
}

void FakeMarketApi::dailyCandles(
    const QString &code, const QDate &baseDate, int count, QObject *context, Callback<QList<Candle>> done)
{
    Request r = request(Call::DailyCandles, code);
    r.count = count;
    r.baseDate = baseDate;
    m_requests.append(r);
    reply<QList<Candle>>(Call::DailyCandles, context, done, [this, code, baseDate, count]() {
        QList<Candle> upTo;
        for (const Candle &c : dailyBars.value(code)) {
            if (!baseDate.isValid() || Krx::kstDate(c.timeMs) <= baseDate)
                upTo.append(c);
        }
        return KiwoomResult<QList<Candle>>(newest(upTo, count));
    });
}

void FakeMarketApi::minuteCandles(
    const QString &code, int minutes, int count, QObject *context, Callback<QList<Candle>> done)
{
    Request r = request(Call::MinuteCandles, code);
    r.count = count;
    r.minutes = minutes;
    m_requests.append(r);
    reply<QList<Candle>>(Call::MinuteCandles, context, done, [this, code, minutes, count]() {
        return KiwoomResult<QList<Candle>>(newest(minuteBars(code, minutes), count));
    });
}

void FakeMarketApi::listConditions(QObject *context, Callback<QList<Kiwoom::ConditionInfo>> done)
{
    m_requests.append(request(Call::ListConditions));
    reply<QList<Kiwoom::ConditionInfo>>(Call::ListConditions, context, done,
        [this]() { return KiwoomResult<QList<Kiwoom::ConditionInfo>>(conditions); });
}

void FakeMarketApi::searchCondition(const QString &seq, QObject *context, Callback<QList<Kiwoom::ConditionRow>> done)
{
    m_requests.append(request(Call::SearchCondition, seq));
    reply<QList<Kiwoom::ConditionRow>>(Call::SearchCondition, context, done,
        [this, seq]() { return KiwoomResult<QList<Kiwoom::ConditionRow>>(conditionRows.value(seq)); });
}

void FakeMarketApi::startRealtimeCondition(const QString &seq, QObject *context, Callback<QStringList> done)
{
    m_requests.append(request(Call::StartRealtime, seq));
    reply<QStringList>(Call::StartRealtime, context, done, [this, seq]() -> KiwoomResult<QStringList> {
        if (realtimeRunning.size() >= 10 && !realtimeRunning.contains(seq))
            return error(KiwoomError::Kind::Invalid, u"more than 10 realtime conditions"_s);
        realtimeRunning.insert(seq);
        return realtimeMembers.value(seq);
    });
}

void FakeMarketApi::stopRealtimeCondition(const QString &seq, QObject *context, Callback<bool> done)
{
    m_requests.append(request(Call::StopRealtime, seq));
    reply<bool>(Call::StopRealtime, context, done, [this, seq]() {
        realtimeRunning.remove(seq);
        return KiwoomResult<bool>(true);
    });
}
