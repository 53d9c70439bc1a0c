// SPDX-License-Identifier: GPL-3.0-or-later
#include "scalpingservice.h"

#include "common/activitylog.h"
#include "common/clock.h"
#include "common/logging.h"
#include "common/settings.h"
#include "strategy/scalpingstrategy.h"
#include "strategy/strategyregistry.h"
#include "trading/marketapi.h"
#include "trading/signalsink.h"

#include <QJsonDocument>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

ScalpingService::ScalpingService(IMarketApi &market, Database &db, ISignalSink &sink, Settings &settings,
    const IClock &marketClock, QuoteSource latestQuote, ActivityLog *activity, QObject *parent)
    : TimedService(
        u"scalping"_s, settings, u"services/scalpingIntervalSec"_s, std::chrono::seconds(30), marketClock, parent)
    , m_market(market)
    , m_strategies(db)
    , m_watchlist(db)
    , m_sink(sink)
    , m_latestQuote(std::move(latestQuote))
    , m_activity(activity)
{
}

ScalpingService::~ScalpingService() = default;

qint64 ScalpingService::staleAfterMs() const
{
    return std::max<qint64>(60'000, 2 * period().count());
}

Result<QStringList> ScalpingService::activeCodes() const
{
    const QStringList own = settings().scalpingCodes();
    if (!own.isEmpty())
        return own;
    const auto stocks = m_watchlist.listActive();
    if (!stocks)
        return stocks.error();
    QStringList codes;
    for (const Storage::WatchlistStockRecord &s : *stocks)
        codes.append(s.stockCode);
    return codes;
}

bool ScalpingService::loadStrategies(int &failures)
{
    const auto enabled = m_strategies.listEnabled();
    if (!enabled) {
        ++failures;
        qCWarning(lcServices).noquote() << "scalping: strategies unreadable:" << enabled.error().message;
        return false;
    }
    QList<Storage::TradingStrategyRecord> rows;
    for (const Storage::TradingStrategyRecord &r : *enabled) {
        if (r.strategyType == Strategies::ScalpingStrategy::typeName())
            rows.append(r);
    }
    std::sort(rows.begin(), rows.end(),
        [](const Storage::TradingStrategyRecord &a, const Storage::TradingStrategyRecord &b) { return a.id < b.id; });
    QString fingerprint = u""_s;
    for (const Storage::TradingStrategyRecord &r : std::as_const(rows)) {
        fingerprint += QString::number(r.id) + u':'
            + QString::fromUtf8(QJsonDocument(r.parameters).toJson(QJsonDocument::Compact)) + u';';
    }
    if (fingerprint == m_fingerprint && !m_fingerprint.isNull())
        return true;
    m_fingerprint = fingerprint;
    m_members.clear();
    m_runners.clear();
    for (const Storage::TradingStrategyRecord &r : std::as_const(rows)) {
        auto strategy = Strategies::StrategyRegistry::create(r.strategyType, r.parameters);
        if (!strategy) {
            ++failures;
            qCWarning(lcServices).noquote()
                << "scalping: strategy" << r.strategyName << "(" << r.id << ") cannot run:" << strategy.error().message;
            continue;
        }
        m_members.append(Member { r.id, r.strategyName, *strategy });
    }
    qCInfo(lcServices).noquote() << "scalping:" << m_members.size() << "enabled scalping strategies";
    return true;
}

Quote ScalpingService::toQuote(const Kiwoom::WatchQuote &w, qint64 receivedMs)
{
    Quote q;
    q.code = w.code;
    q.timeMs = w.timeMs;
    q.price = w.price;
    q.change = w.change;
    q.changeRate = w.changeRate;
    q.open = w.open;
    q.high = w.high;
    q.low = w.low;
    q.cumVolume = w.volume;
    q.bestBid = w.bestBid;
    q.bestAsk = w.bestAsk;
    q.receivedMs = receivedMs;
    return q;
}

void ScalpingService::run()
{
    const quint64 token = runToken();
    int failures = 0;
    if (!loadStrategies(failures) || m_members.isEmpty()) {
        observe(token, {}, {}, 0, 0, failures);
        return;
    }
    const auto codes = activeCodes();
    if (!codes) {
        ++failures;
        qCWarning(lcServices).noquote() << "scalping: stocks unreadable:" << codes.error().message;
        observe(token, {}, {}, 0, 0, failures);
        return;
    }
    if (const auto stocks = m_watchlist.listActive(); stocks) {
        for (const Storage::WatchlistStockRecord &s : *stocks)
            m_names.insert(s.stockCode, s.stockName);
    }
    const QSet<QString> wanted(codes->cbegin(), codes->cend());
    for (auto it = m_runners.begin(); it != m_runners.end();) {
        if (wanted.contains(it->first.second))
            ++it;
        else
            it = m_runners.erase(it);
    }

    const qint64 now = nowMs();
    QHash<QString, Quote> quotes;
    QStringList missing;
    for (const QString &code : *codes) {
        std::optional<Quote> q = m_latestQuote ? m_latestQuote(code) : std::nullopt;
        if (q && q->price > 0 && q->timeMs > 0 && now - q->timeMs <= staleAfterMs())
            quotes.insert(code, *q);
        else
            missing.append(code);
    }
    const int bookQuotes = int(quotes.size());
    if (missing.isEmpty()) {
        observe(token, *codes, quotes, bookQuotes, 0, failures);
        return;
    }
    m_market.watchQuotes(missing, this,
        [this, token, codeList = *codes, quotes, bookQuotes, failures](
            const KiwoomResult<QList<Kiwoom::WatchQuote>> &r) mutable {
            if (!isCurrent(token))
                return;
            int fetched = 0;
            if (!r) {
                ++failures;
                qCWarning(lcServices).noquote() << "scalping: current prices failed:" << r.error().describe();
            } else {
                const qint64 received = nowMs();
                for (const Kiwoom::WatchQuote &w : *r) {
                    if (w.price <= 0 || w.code.isEmpty())
                        continue;
                    Quote q = toQuote(w, received);
                    if (q.timeMs <= 0)
                        q.timeMs = received;
                    if (!w.name.isEmpty())
                        m_names.insert(w.code, w.name);
                    quotes.insert(w.code, q);
                    ++fetched;
                }
            }
            observe(token, codeList, quotes, bookQuotes, fetched, failures);
        });
}

void ScalpingService::observe(quint64 token, const QStringList &codes, const QHash<QString, Quote> &quotes,
    int bookQuotes, int fetched, int failures)
{
    int observed = 0;
    int created = 0;
    for (const QString &code : codes) {
        const auto q = quotes.constFind(code);
        if (q == quotes.constEnd())
            continue;
        ++observed;
        for (const Member &m : std::as_const(m_members)) {
            auto [runner, inserted] = m_runners.try_emplace(
                std::make_pair(m.id, code), code, QList<std::shared_ptr<const Strategies::Strategy>> { m.strategy });
            Q_UNUSED(inserted)
            for (const Strategies::Signal &signal : runner->second.onQuote(*q)) {
                if (signal.side != Side::Buy)
                    continue; // scalping enters only; its exits belong to the StopLossManager
                Trading::SignalRequest request;
                request.kind = Storage::SignalKind::Strategy;
                request.source = u"scalping:%1"_s.arg(m.id);
                request.side = Side::Buy;
                request.code = code;
                request.name = m_names.value(code);
                request.signalType = Sides::text(Side::Buy);
                request.strategyId = m.id;
                request.signal = signal;
                request.actor = ACTOR;
                const auto outcome = m_sink.submit(request);
                if (!outcome) {
                    ++failures;
                    qCWarning(lcServices).noquote()
                        << "scalping: signal for" << code << "not recorded:" << outcome.error().message;
                    continue;
                }
                if (outcome->duplicate)
                    continue;
                ++created;
                qCInfo(lcServices).noquote() << "scalping: buy" << code << "from" << m.name << "-" << signal.reason;
                if (m_activity) {
                    m_activity->add(ActivityLog::Level::Info, u"scalping"_s,
                        tr("Scalping %1: buy signal for %2 %3 at %L4 KRW (%5).")
                            .arg(m.name, code, request.name)
                            .arg(q->price)
                            .arg(signal.reason),
                        nowMs());
                }
            }
        }
    }
    const QString summary = u"%1 stocks (%2 quotes from ticks, %3 fetched), %4 signals, %5 failures"_s.arg(observed)
                                .arg(bookQuotes)
                                .arg(fetched)
                                .arg(created)
                                .arg(failures);
    qCDebug(lcServices).noquote() << "scalping:" << summary;
    emit runFinished(observed, bookQuotes, fetched, created, failures);
    finishRun(token, failures == 0, summary,
        { { u"stocks"_s, observed }, { u"book_quotes"_s, bookQuotes }, { u"fetched_quotes"_s, fetched },
            { u"signals"_s, created }, { u"failures"_s, failures } });
}
