// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartdata.h"

#include "coregateway.h"

#include "common/side.h"
#include "market/candlecache.h"
#include "services/quotebook.h"
#include "storage/conditionrepository.h"
#include "storage/orderrepository.h"
#include "storage/signalrepository.h"
#include "storage/strategyrepository.h"
#include "trading/instrumentcache.h"
#include "trading/tradingengine.h"
#include "tradingcore.h"

#include <QLocale>
#include <QPointer>
#include <QRegularExpression>

#include <algorithm>

namespace ChartText {

QString indicatorName(ChartIndicator indicator)
{
    switch (indicator) {
    case ChartIndicator::None:
        return QStringLiteral("none");
    case ChartIndicator::Rsi:
        return QStringLiteral("rsi");
    case ChartIndicator::Macd:
        return QStringLiteral("macd");
    case ChartIndicator::Chaikin:
        return QStringLiteral("chaikin");
    case ChartIndicator::Momentum:
        return QStringLiteral("momentum");
    case ChartIndicator::Disparity:
        return QStringLiteral("disparity");
    }
    return {};
}

std::optional<ChartIndicator> indicatorFromName(const QString &name)
{
    for (ChartIndicator i : { ChartIndicator::None, ChartIndicator::Rsi, ChartIndicator::Macd, ChartIndicator::Chaikin,
             ChartIndicator::Momentum, ChartIndicator::Disparity }) {
        if (indicatorName(i) == name)
            return i;
    }
    return std::nullopt;
}

QList<CandleInterval> intervals()
{
    return { CandleInterval::Minute1, CandleInterval::Minute5, CandleInterval::Minute15, CandleInterval::Minute60,
        CandleInterval::Day };
}

} // namespace ChartText

namespace ChartMath {

qint64 bucketStart(qint64 timeMs, CandleInterval interval)
{
    constexpr qint64 DAY = 86'400'000;
    constexpr qint64 KST = 9 * 3'600'000;
    const int minutes = Candles::minutes(interval);
    if (minutes > 0) {
        // KST is a whole-hour offset, so minute buckets of up to 60 align the same in UTC.
        const qint64 span = qint64(minutes) * 60'000;
        return timeMs - ((timeMs % span) + span) % span;
    }
    // Daily bars open at 09:00 KST = 00:00 UTC of the KST trading day.
    const qint64 kst = timeMs + KST;
    const qint64 day = kst - ((kst % DAY) + DAY) % DAY;
    return day; // 00:00 UTC of the KST date (09:00 KST)
}

qsizetype indexAt(const QList<Candle> &candles, qint64 timeMs)
{
    auto it = std::upper_bound(
        candles.cbegin(), candles.cend(), timeMs, [](qint64 t, const Candle &c) { return t < c.timeMs; });
    return qsizetype(it - candles.cbegin()) - 1;
}

} // namespace ChartMath

namespace {

QString won(qint64 v)
{
    return QLocale(QLocale::English).toString(v);
}

QString originText(Storage::Origin origin)
{
    return Storage::enumText(origin);
}

// Markers and the reference candle of `code` from fromMs on, read on the core thread.
Status addMarkers(TradingCore &core, const QString &code, qint64 fromMs, const QString &strategyType, ChartData &data)
{
    Database *db = core.database();
    if (!db)
        return Error { QStringLiteral("command.not_ready"), QStringLiteral("the database is not open") };
    auto fills = OrderRepository(*db).fillsForStock(code, fromMs);
    if (!fills)
        return fills.error();
    if (strategyType.isEmpty()) {
        for (const Storage::StockFill &f : fills.value()) {
            ChartMarker m;
            m.kind = f.side == Side::Buy ? ChartMarker::Kind::Buy : ChartMarker::Kind::Sell;
            m.timeMs = f.executedAtMs;
            m.price = double(f.price);
            m.text = QStringLiteral("%1 %2 @ %3 (%4)")
                         .arg(f.side == Side::Buy ? QObject::tr("Buy") : QObject::tr("Sell"))
                         .arg(f.quantity)
                         .arg(won(f.price), originText(f.origin));
            data.markers << m;
        }
    }

    Storage::SignalFilter filter;
    filter.stockCode = code;
    filter.limit = 1000;
    StrategyRepository strategies(*db);
    std::optional<qint64> strategyId;
    if (!strategyType.isEmpty()) {
        auto list = strategies.list();
        if (!list)
            return list.error();
        for (const Storage::TradingStrategyRecord &s : list.value()) {
            if (s.strategyType == strategyType) {
                strategyId = s.id;
                data.strategyParameters = s.parameters;
                break;
            }
        }
    }
    auto stored = SignalRepository(*db).listStrategySignals(filter, strategyId);
    if (!stored)
        return stored.error();
    if (strategyType.isEmpty() || strategyId) {
        for (const Storage::StrategySignalRecord &s : stored.value()) {
            if (s.detectedAtMs < fromMs)
                continue;
            ChartMarker m;
            m.kind = s.signalType == u"SELL" ? ChartMarker::Kind::SellSignal : ChartMarker::Kind::BuySignal;
            m.timeMs = s.detectedAtMs;
            m.text = QObject::tr("Signal %1 (%2)").arg(s.signalType, Storage::enumText(s.status));
            data.markers << m;
        }
    }
    auto pending = SignalRepository(*db).listPendingBuy(filter);
    if (!pending)
        return pending.error();
    for (const Storage::PendingBuySignalRecord &p : pending.value()) {
        if (p.targetPrice && p.referenceCandleTimeMs) {
            // The newest reference candle wins (the list is oldest first).
            data.targetPrice = p.targetPrice;
            data.referenceTimeMs = *p.referenceCandleTimeMs;
        }
        if (p.detectedAtMs < fromMs)
            continue;
        if (!strategyType.isEmpty() && strategyType != u"reference_candle")
            continue;
        ChartMarker m;
        m.kind = p.conditionId ? ChartMarker::Kind::ConditionHit : ChartMarker::Kind::BuySignal;
        m.timeMs = p.detectedAtMs;
        m.text = p.conditionId ? QObject::tr("Condition hit: %1 (%2)").arg(p.source, Storage::enumText(p.status))
                               : QObject::tr("Buy request (%1, %2)").arg(p.signalType, Storage::enumText(p.status));
        data.markers << m;
    }
    if (data.targetPrice && data.referenceTimeMs >= fromMs) {
        ChartMarker m;
        m.kind = ChartMarker::Kind::Reference;
        m.timeMs = data.referenceTimeMs;
        m.text = QObject::tr("Reference candle (target %1)").arg(won(*data.targetPrice));
        data.markers << m;
    }
    if (strategyType.isEmpty()) {
        auto hits = ConditionRepository(*db).syncEntriesForStock(code);
        if (!hits)
            return hits.error();
        for (const Storage::ConditionSyncRecord &h : hits.value()) {
            if (h.lastSyncAtMs < fromMs || h.lastSyncAtMs <= 0)
                continue;
            ChartMarker m;
            m.kind = ChartMarker::Kind::ConditionHit;
            m.timeMs = h.lastSyncAtMs;
            m.text = QObject::tr("Condition: %1").arg(h.conditionName);
            data.markers << m;
        }
    }
    std::stable_sort(data.markers.begin(), data.markers.end(),
        [](const ChartMarker &a, const ChartMarker &b) { return a.timeMs < b.timeMs; });
    if (data.name.isEmpty()) {
        if (TradingEngine *engine = core.engine()) {
            if (auto info = engine->instruments().get(code))
                data.name = info->name;
        }
    }
    return {};
}

} // namespace

ChartDataLoader::ChartDataLoader(CoreGateway *gateway, QObject *parent) : QObject(parent), m_gateway(gateway) { }

ChartDataLoader::~ChartDataLoader() = default;

bool ChartDataLoader::isValidCode(const QString &code)
{
    static const QRegularExpression re(QStringLiteral("^[0-9A-Z]{6}$"));
    return re.match(code).hasMatch();
}

void ChartDataLoader::load(const Query &query, Done done)
{
    if (!isValidCode(query.code) || query.count < 1 || query.count > 5000) {
        const Error e { QStringLiteral("chart.invalid"),
            tr("\"%1\" is not a stock code (six digits) or the bar count is outside 1-5000").arg(query.code) };
        QMetaObject::invokeMethod(
            this, [done, e] { done(e); }, Qt::QueuedConnection);
        return;
    }
    QPointer<QObject> guard(this);
    CoreGateway *gw = m_gateway;
    m_gateway->read(
        this,
        [query, guard, gw, done](TradingCore &core) -> bool {
            TradingEngine *engine = core.engine();
            if (!engine)
                return false;
            if (query.watch && core.quoteBook())
                core.quoteBook()->watch(quoteOwner(), { query.code });
            TradingCore *corePtr = &core;
            engine->candles().candles(query.code, query.interval, query.count, engine,
                [query, guard, gw, done, corePtr](const Result<QList<Candle>> &candles) {
                    Result<ChartData> out = [&]() -> Result<ChartData> {
                        if (!candles)
                            return candles.error();
                        ChartData data;
                        data.code = query.code;
                        data.interval = query.interval;
                        data.strategyType = query.strategyType;
                        data.candles = candles.value();
                        const qint64 from = data.candles.isEmpty() ? 0 : data.candles.first().timeMs;
                        if (Status st = addMarkers(*corePtr, query.code, from, query.strategyType, data); !st)
                            return st.error();
                        return data;
                    }();
                    // The gateway outlives the core, so posting to it is safe; the guard is read on
                    // the GUI thread, where the loader lives.
                    auto post = [guard, gw, done](const Result<ChartData> &result) {
                        QMetaObject::invokeMethod(
                            gw,
                            [guard, done, result] {
                                if (guard)
                                    done(result);
                            },
                            Qt::QueuedConnection);
                    };
                    TradingEngine *engine = corePtr->engine();
                    if (!out || !out.value().name.isEmpty() || !engine) {
                        post(out);
                        return;
                    }
                    // The title names the stock: ask the instrument cache (ka10001 when not cached);
                    // without an answer the chart shows the code alone.
                    ChartData data = out.value();
                    engine->instruments().fetch(
                        query.code, engine, [data, post](const KiwoomResult<Trading::InstrumentInfo> &info) mutable {
                            if (info)
                                data.name = info.value().name;
                            post(data);
                        });
                });
            return true;
        },
        [done](bool started) {
            if (!started)
                done(CoreGateway::notReadyError());
        });
}

void ChartDataLoader::loadMarkers(const Query &query, qint64 fromMs, Done done)
{
    m_gateway->read(
        this,
        [query, fromMs](TradingCore &core) -> Result<ChartData> {
            if (!core.engine())
                return CoreGateway::notReadyError();
            ChartData data;
            data.code = query.code;
            data.interval = query.interval;
            data.strategyType = query.strategyType;
            if (Status st = addMarkers(core, query.code, fromMs, query.strategyType, data); !st)
                return st.error();
            return data;
        },
        std::move(done));
}
