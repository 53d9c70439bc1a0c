// SPDX-License-Identifier: GPL-3.0-or-later
#include "strategyscanner.h"

#include "common/activitylog.h"
#include "common/clock.h"
#include "common/logging.h"
#include "market/candlecache.h"
#include "strategy/referencecandlestrategy.h"
#include "strategy/scalpingstrategy.h"
#include "strategy/strategyregistry.h"
#include "trading/signalsink.h"

#include <QJsonDocument>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 MINUTE_MS = 60'000;

bool scannedType(const QString &type)
{
    return type != Strategies::ScalpingStrategy::typeName() && type != Strategies::ReferenceCandleStrategy::typeName();
}

} // namespace

StrategyScanner::StrategyScanner(CandleCache &candles, Database &db, ISignalSink &sink, Settings &settings,
    const IClock &marketClock, ActivityLog *activity, QObject *parent)
    : TimedService(
        u"strategy"_s, settings, u"services/strategyScanIntervalSec"_s, std::chrono::minutes(1), marketClock, parent)
    , m_candles(candles)
    , m_strategies(db)
    , m_watchlist(db)
    , m_sink(sink)
    , m_activity(activity)
{
}

StrategyScanner::~StrategyScanner() = default;

QList<qint64> StrategyScanner::strategyIds() const
{
    QList<qint64> ids;
    for (const Group &g : m_groups) {
        for (const Member &m : g.byType)
            ids.append(m.id);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

bool StrategyScanner::loadStrategies(RunState &state)
{
    auto enabled = m_strategies.listEnabled();
    if (!enabled) {
        ++state.failures;
        qCWarning(lcServices).noquote() << "strategy scanner: strategies unreadable:" << enabled.error().message;
        return false;
    }
    QList<Storage::TradingStrategyRecord> rows;
    for (const Storage::TradingStrategyRecord &r : *enabled) {
        if (scannedType(r.strategyType))
            rows.append(r);
    }
    std::sort(rows.begin(), rows.end(),
        [](const Storage::TradingStrategyRecord &a, const Storage::TradingStrategyRecord &b) { return a.id < b.id; });
    QString fingerprint;
    for (const Storage::TradingStrategyRecord &r : std::as_const(rows)) {
        fingerprint += QString::number(r.id) + u':' + r.strategyType + u':'
            + QString::fromUtf8(QJsonDocument(r.parameters).toJson(QJsonDocument::Compact)) + u';';
    }
    if (fingerprint == m_fingerprint && !m_fingerprint.isNull())
        return true;

    // The enabled set or a parameter changed: new strategies, new runners (warmed up again).
    m_groups.clear();
    m_runners.clear();
    m_fingerprint = fingerprint.isNull() ? u""_s : fingerprint;
    qsizetype needed = 0;
    for (const Storage::TradingStrategyRecord &r : std::as_const(rows)) {
        auto strategy = Strategies::StrategyRegistry::create(r.strategyType, r.parameters);
        if (!strategy) {
            ++state.failures;
            qCWarning(lcServices).noquote() << "strategy scanner: strategy" << r.strategyName << "(" << r.id
                                            << ") cannot run:" << strategy.error().message;
            continue;
        }
        needed = std::max(needed, (*strategy)->minimumBars());
        auto group = std::find_if(
            m_groups.begin(), m_groups.end(), [&](const Group &g) { return !g.byType.contains(r.strategyType); });
        if (group == m_groups.end()) {
            m_groups.append(Group {});
            group = m_groups.end() - 1;
        }
        group->strategies.append(*strategy);
        group->byType.insert(r.strategyType, Member { r.id, r.strategyName });
    }
    // Indicators with exponential memory (EMA, Wilder RSI) settle after a few times their period.
    m_window = int(std::clamp<qsizetype>(needed * 3, MIN_WINDOW, 1000));
    qCInfo(lcServices).noquote() << "strategy scanner: scanning with strategies" << strategyIds() << "window"
                                 << m_window << "bars";
    return true;
}

void StrategyScanner::run()
{
    auto state = std::make_shared<RunState>();
    state->token = runToken();
    if (!loadStrategies(*state) || m_groups.isEmpty()) {
        maybeFinish(state);
        return;
    }
    const auto stocks = m_watchlist.listActive();
    if (!stocks) {
        ++state->failures;
        qCWarning(lcServices).noquote() << "strategy scanner: watchlist unreadable:" << stocks.error().message;
        maybeFinish(state);
        return;
    }
    QSet<QString> codes;
    for (const Storage::WatchlistStockRecord &s : *stocks) {
        codes.insert(s.stockCode);
        state->stocks.push_back(s);
    }
    for (auto it = m_runners.begin(); it != m_runners.end();) {
        if (codes.contains(it->first))
            ++it;
        else
            it = m_runners.erase(it);
    }
    pump(state);
}

void StrategyScanner::pump(const std::shared_ptr<RunState> &state)
{
    while (state->inFlight < MAX_CONCURRENT && !state->stocks.empty()) {
        const Storage::WatchlistStockRecord stock = state->stocks.front();
        state->stocks.pop_front();
        ++state->inFlight;
        m_candles.minutes(stock.stockCode, CANDLE_MINUTES, m_window, this,
            [this, state, stock](const Result<QList<Candle>> &candles) {
                --state->inFlight;
                if (!isCurrent(state->token))
                    return;
                onCandles(state, stock, candles);
                pump(state);
            });
    }
    maybeFinish(state);
}

QList<Strategies::Signal> StrategyScanner::feed(
    const QString &code, Strategies::SymbolRunner &runner, const QList<Candle> &candles, bool &failed)
{
    using Strategies::SymbolRunner;
    QList<Strategies::Signal> out;
    if (candles.isEmpty())
        return out;
    const qint64 now = nowMs();
    const qint64 step = CANDLE_MINUTES * MINUTE_MS;
    qsizetype start = 0;
    if (runner.barCount() == 0 || candles.first().timeMs > runner.newestTimeMs()) {
        // First sight of the stock, or a gap the window does not bridge: history is history; only
        // the bar that closed within the last interval (and the forming one) are still decided.
        runner.reset();
        while (start < candles.size() && now >= candles.at(start).timeMs + 2 * step)
            ++start;
        const std::vector<Indicators::Bar> history = Indicators::toBars(candles.mid(0, start));
        if (const Status s = runner.warmUp(history); !s) {
            failed = true;
            qCWarning(lcServices).noquote() << "strategy scanner:" << code << "warm-up failed:" << s.error().message;
            runner.reset();
            return out;
        }
    } else {
        while (start < candles.size() && candles.at(start).timeMs < runner.newestTimeMs())
            ++start;
    }
    for (qsizetype i = start; i < candles.size(); ++i) {
        const Candle &c = candles.at(i);
        const auto status = now >= c.timeMs + step ? SymbolRunner::BarStatus::Closed : SymbolRunner::BarStatus::Forming;
        if (const Status s = runner.onCandle(Indicators::toBar(c), status, out); !s) {
            failed = true;
            qCWarning(lcServices).noquote() << "strategy scanner:" << code << s.error().message;
            break;
        }
    }
    return out;
}

void StrategyScanner::onCandles(const std::shared_ptr<RunState> &state, const Storage::WatchlistStockRecord &stock,
    const Result<QList<Candle>> &candles)
{
    if (!candles) {
        ++state->failures;
        qCWarning(lcServices).noquote() << "strategy scanner: candles of" << stock.stockCode
                                        << "failed:" << candles.error().message;
        return;
    }
    ++state->scanned;
    StockRunners &entry = m_runners[stock.stockCode];
    if (entry.runners.size() != size_t(m_groups.size())) {
        entry.runners.clear();
        for (const Group &g : std::as_const(m_groups))
            entry.runners.emplace_back(stock.stockCode, g.strategies, Strategies::SymbolRunner::EmitPolicy::OnClose);
    }
    for (size_t i = 0; i < entry.runners.size(); ++i) {
        bool failed = false;
        const QList<Strategies::Signal> signalList = feed(stock.stockCode, entry.runners[i], *candles, failed);
        if (failed)
            ++state->failures;
        for (const Strategies::Signal &signal : signalList) {
            ++state->emitted;
            const Member member = m_groups.at(qsizetype(i)).byType.value(signal.strategyType);
            Trading::SignalRequest request;
            request.kind = Storage::SignalKind::Strategy;
            request.source = u"strategy:%1"_s.arg(member.id);
            request.side = signal.side;
            request.code = stock.stockCode;
            request.name = stock.stockName;
            request.signalType = Sides::text(signal.side);
            request.strategyId = member.id;
            request.signal = signal;
            request.actor = ACTOR;
            const auto outcome = m_sink.submit(request);
            if (!outcome) {
                ++state->failures;
                qCWarning(lcServices).noquote() << "strategy scanner: signal of" << member.name << "for"
                                                << stock.stockCode << "not recorded:" << outcome.error().message;
                continue;
            }
            if (outcome->duplicate)
                continue;
            ++state->created;
            qCInfo(lcServices).noquote() << "strategy scanner:" << Sides::text(signal.side) << stock.stockCode << "from"
                                         << member.name << "-" << signal.reason;
            if (m_activity) {
                m_activity->add(ActivityLog::Level::Info, u"strategy"_s,
                    tr("Strategy %1: %2 signal for %3 %4 (%5).")
                        .arg(member.name, signal.side == Side::Buy ? tr("buy") : tr("sell"), stock.stockCode,
                            stock.stockName, signal.reason),
                    nowMs());
            }
        }
    }
}

void StrategyScanner::maybeFinish(const std::shared_ptr<RunState> &state)
{
    if (state->finished || !state->stocks.empty() || state->inFlight > 0 || !isCurrent(state->token))
        return;
    state->finished = true;
    const QString summary = u"%1 stocks, %2 signals emitted, %3 recorded, %4 failures"_s.arg(state->scanned)
                                .arg(state->emitted)
                                .arg(state->created)
                                .arg(state->failures);
    qCDebug(lcServices).noquote() << "strategy scanner:" << summary;
    emit runFinished(state->scanned, state->emitted, state->created, state->failures);
    finishRun(state->token, state->failures == 0, summary,
        { { u"stocks"_s, state->scanned }, { u"emitted"_s, state->emitted }, { u"signals"_s, state->created },
            { u"failures"_s, state->failures } });
}
