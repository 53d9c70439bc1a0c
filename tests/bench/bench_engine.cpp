// SPDX-License-Identifier: GPL-3.0-or-later
// Engine latency benchmark (issue 8 "Speed"): prints figures, asserts nothing.
//   bench_engine [seconds=3] [positions=2000] [ticks-per-second=10000] [signals=500]
//
// 1. Tick → stop-loss decision → sell request handed to the broker adapter: the real
//    StopLossManager, PositionKeeper and OrderManager (risk check as the engine runs it for a sell,
//    RiskGuard included) over a SQLite file in a temporary directory (WAL, synchronous=NORMAL: the
//    order row is durable against an app crash before the request leaves), `positions` open
//    positions with stop-loss / take-profit / trailing stops, and ticks paced at
//    `ticks-per-second`. The broker adapter is a stub that stamps the time placeOrder() is called
//    (where KiwoomBrokerApi would hand the request to the HTTP client). Figures: per tick, from its
//    scheduled arrival (queueing behind earlier ticks included) and from the call; per exit, from
//    the tick's arrival to placeOrder().
// 2. Signal → buy request: SignalManager::submit (dedupe + persist + ledger) → signalCreated →
//    BuyOrderExecutor (queued, next event-loop pass; checks, price from the quote source, sizing) →
//    OrderManager::submit (risk check as the engine runs it for a buy: positions, open buys, the
//    day's totals, RiskGuard) → placeOrder().
// KT_BENCH_MEMORY=1 runs both on an in-memory database (the SQL work without the file system).
// The figures depend on the machine's load: run it on a quiet machine.
#include "common/clock.h"
#include "market/krx.h"
#include "market/quote.h"
#include "storage/conditionrepository.h"
#include "storage/database.h"
#include "storage/orderrepository.h"
#include "storage/positionrepository.h"
#include "trading/brokerapi.h"
#include "trading/buyorderexecutor.h"
#include "trading/decisionledger.h"
#include "trading/marketapi.h"
#include "trading/orderevents.h"
#include "trading/ordermanager.h"
#include "trading/positionkeeper.h"
#include "trading/riskguard.h"
#include "trading/signalmanager.h"
#include "trading/stoplossmanager.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <thread>
#include <vector>

using namespace Storage;

namespace {

constexpr qint64 T0 = 1741914000000; // 2025-03-14 10:00 KST, a Friday

qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// The broker adapter as far as the benchmark needs it: placeOrder() stamps the time and is never
// answered (the requests stay in flight, as they would for the first milliseconds).
class StampingBroker final : public IBrokerApi
{
public:
    void placeOrder(const Kiwoom::OrderRequest &, QObject *, Callback<Kiwoom::OrderAck>) override
    {
        lastPlaceNs = nowNs();
        ++placed;
    }
    void cancelOrder(const Kiwoom::CancelRequest &, QObject *, Callback<Kiwoom::CancelAck>) override { }
    void openOrders(QObject *, Callback<Kiwoom::OpenOrders>) override { }
    void fills(QObject *, Callback<Kiwoom::Fills>) override { }
    void holdings(QObject *, Callback<Kiwoom::Holdings>) override { }
    void deposit(QObject *, Callback<Kiwoom::Deposit>) override { }
    int ordersInFlight() const override { return 0; }

    qint64 lastPlaceNs = 0;
    qint64 placed = 0;
};

// No market data by REST: every quote comes from ticks (the sweep is not part of the hot path).
class NoMarket final : public IMarketApi
{
public:
    template<typename T> static void fail(QObject *context, Callback<T> done)
    {
        QTimer::singleShot(0, context,
            [done] { done(KiwoomError::make(KiwoomError::Kind::Invalid, QString(), QStringLiteral("bench"))); });
    }
    void stockInfo(const QString &, QObject *c, Callback<Kiwoom::StockInfo> d) override { fail(c, d); }
    void watchQuotes(const QStringList &, QObject *c, Callback<QList<Kiwoom::WatchQuote>> d) override { fail(c, d); }
    void dailyCandles(const QString &, const QDate &, int, QObject *c, Callback<QList<Candle>> d) override
    {
        fail(c, d);
    }
    void minuteCandles(const QString &, int, int, QObject *c, Callback<QList<Candle>> d) override { fail(c, d); }
    void listConditions(QObject *c, Callback<QList<Kiwoom::ConditionInfo>> d) override { fail(c, d); }
    void searchCondition(const QString &, QObject *c, Callback<QList<Kiwoom::ConditionRow>> d) override { fail(c, d); }
    void startRealtimeCondition(const QString &, QObject *c, Callback<QStringList> d) override { fail(c, d); }
    void stopRealtimeCondition(const QString &, QObject *c, Callback<bool> d) override { fail(c, d); }
};

struct Percentiles
{
    qint64 count = 0;
    double p50 = 0, p90 = 0, p99 = 0, p999 = 0, max = 0, mean = 0; // microseconds
};

Percentiles percentiles(std::vector<qint64> ns)
{
    Percentiles p;
    if (ns.empty())
        return p;
    std::sort(ns.begin(), ns.end());
    auto at = [&](double q) {
        const size_t i = std::min(ns.size() - 1, size_t(q * double(ns.size())));
        return double(ns[i]) / 1000.0;
    };
    p.count = qint64(ns.size());
    p.p50 = at(0.50);
    p.p90 = at(0.90);
    p.p99 = at(0.99);
    p.p999 = at(0.999);
    p.max = double(ns.back()) / 1000.0;
    double sum = 0;
    for (qint64 v : ns)
        sum += double(v);
    p.mean = sum / double(ns.size()) / 1000.0;
    return p;
}

void print(const char *what, const Percentiles &p)
{
    std::printf(
        "%-46s n=%7lld  p50 %8.1f us  p90 %8.1f us  p99 %8.1f us  p99.9 %8.1f us  max %9.1f us  mean %7.1f us\n", what,
        static_cast<long long>(p.count), p.p50, p.p90, p.p99, p.p999, p.max, p.mean);
    std::fflush(stdout);
}

QString codeOf(int i)
{
    return QStringLiteral("%1").arg(100000 + i * 7, 6, 10, QLatin1Char('0')).right(6);
}

Trading::InstrumentInfo instrument(const QString &code, qint64 base)
{
    Trading::InstrumentInfo info;
    info.code = code;
    info.tradingDate = Krx::tradingDateString(T0);
    info.basePrice = base;
    const Krx::PriceLimits limits = Krx::priceLimits(base);
    info.upperLimit = limits.upper;
    info.lowerLimit = limits.lower;
    info.price = base;
    return info;
}

// The engine's risk check (TradingEngine::checkRisk), with the account figures stubbed.
Trading::RiskVerdict engineRiskCheck(Database &db, const OrderManager &orders, const RiskGuard &guard,
    const Trading::RiskLimits &limits, const IClock &clock, const Trading::OrderIntent &intent, qint64 basePrice)
{
    Trading::RiskContext c;
    c.nowMs = clock.nowMs();
    c.reconciled = true;
    c.stockBlocked = orders.isStockBlocked(intent.code);
    c.instrument = instrument(intent.code, basePrice);
    PositionRepository positions(db);
    if (intent.side == Side::Sell) {
        auto live = positions.findActiveByCode(intent.code);
        if (live && *live) {
            qint64 sellable = live->value().quantity;
            for (const OrderRecord &o : orders.openOrders()) {
                if (o.action == OrderAction::Place && o.side == Side::Sell && o.stockCode == intent.code)
                    sellable -= o.remainingQuantity();
            }
            c.sellableQuantity = std::max<qint64>(0, sellable);
            c.holdsStock = true;
        }
        return guard.check(intent, c, limits);
    }
    c.orderableCash = 1'000'000'000'000;
    QSet<QString> taken = orders.stocksWithOpenBuys();
    if (auto live = positions.listActive()) {
        for (const PositionRecord &p : live.value())
            taken.insert(p.stockCode);
    }
    c.holdsStock = taken.contains(intent.code);
    c.openPositions = int(taken.size());
    if (auto totals = OrderRepository(db).totalsForDate(Krx::tradingDateString(c.nowMs))) {
        c.buyFilledToday = totals->buyFilledAmount;
        c.buyOpenAmount = totals->buyOpenAmount;
    }
    return guard.check(intent, c, limits);
}

Trading::RiskLimits wideLimits()
{
    Trading::RiskLimits limits;
    limits.maxOrderAmount = 1'000'000'000;
    limits.maxDailyBuyAmount = 1'000'000'000'000;
    limits.maxOpenPositions = 100000;
    limits.dailyLossLimit = 0;
    return limits;
}

// KT_BENCH_MEMORY=1: an in-memory database, to tell the SQL work from the file system's.
bool inMemory()
{
    return qEnvironmentVariableIntValue("KT_BENCH_MEMORY") == 1;
}

Result<std::unique_ptr<Database>> openDatabase(const QString &dir, const IClock &clock)
{
    return inMemory() ? Database::openInMemory(clock) : Database::open(dir, clock);
}

int stopLossBench(const QString &dir, double seconds, int positionCount, int ticksPerSecond)
{
    ManualClock clock(T0);
    auto opened = openDatabase(dir + QStringLiteral("/stops"), clock);
    if (!opened) {
        std::fprintf(stderr, "open failed: %s\n", qPrintable(opened.error().message));
        return 1;
    }
    Database &db = *opened.value();
    StampingBroker broker;
    NoMarket market;
    OrderEvents events;
    PositionKeeper keeper(db, clock);
    OrderManager orders(db, broker, events, keeper, clock);
    RiskGuard guard;
    const Trading::RiskLimits limits = wideLimits();
    QHash<QString, qint64> basePrice;
    orders.setRiskCheck([&](const Trading::OrderIntent &intent) {
        return engineRiskCheck(db, orders, guard, limits, clock, intent, basePrice.value(intent.code, 10000));
    });
    if (Status st = orders.start(); !st) {
        std::fprintf(stderr, "order manager: %s\n", qPrintable(st.error().message));
        return 1;
    }
    StopLossManager stops(db, orders, keeper, market, clock);
    stops.setTradingGate([] { return true; });

    // Positions: buy prices from 5,000 to 60,000, stop −3 %, take +5 %, every third with a 2 %
    // trailing stop.
    std::mt19937_64 rng(42);
    QStringList codes;
    std::vector<qint64> price(static_cast<size_t>(positionCount), 0);
    PositionRepository positions(db);
    const qint64 setupStart = nowNs();
    Status setup = db.transaction([&]() -> Status {
        for (int i = 0; i < positionCount; ++i) {
            PositionRecord p;
            p.stockCode = codeOf(i);
            p.stockName = QStringLiteral("BENCH %1").arg(i);
            p.buyPrice = Krx::snapDown(5000 + qint64(rng() % 55000));
            p.buyQuantity = 10 + qint64(rng() % 90);
            p.buyAmount = p.buyPrice * p.buyQuantity;
            p.buyFees = p.buyAmount * 15 / 100000;
            p.origin = Origin::Condition;
            p.buyTimeMs = T0 - 3600000;
            p.stopLossRate = 3.0;
            p.takeProfitRate = 5.0;
            p.stopLossPrice = StopLossManager::priceBelow(p.buyPrice, 3.0);
            p.takeProfitPrice = StopLossManager::priceAbove(p.buyPrice, 5.0);
            if (i % 3 == 0)
                p.trailingStopRate = 2.0;
            p.highestPrice = p.buyPrice;
            auto r = positions.open(p, QStringLiteral("bench"));
            if (!r)
                return r.error();
            codes << p.stockCode;
            basePrice.insert(p.stockCode, p.buyPrice);
            // One in ten starts two ticks above its stop, the rest at the buy price.
            price[size_t(i)] = i % 10 == 0 ? Krx::addTicks(Krx::snapUp(*p.stopLossPrice), 2) : p.buyPrice;
        }
        return {};
    });
    if (!setup) {
        std::fprintf(stderr, "setup failed: %s\n", qPrintable(setup.error().message));
        return 1;
    }
    auto armed = stops.load();
    std::printf("tick -> stop-loss -> sell request: %d positions armed (set up in %.2f s), %d ticks/s for %.1f s\n",
        armed ? armed.value() : -1, double(nowNs() - setupStart) / 1e9, ticksPerSecond, seconds);

    const qint64 total = qint64(seconds * ticksPerSecond);
    const qint64 intervalNs = 1'000'000'000LL / ticksPerSecond;
    std::vector<qint64> fromArrival;
    std::vector<qint64> serviceTime;
    std::vector<qint64> exitFromArrival;
    std::vector<qint64> exitService;
    fromArrival.reserve(size_t(total));
    serviceTime.reserve(size_t(total));
    Quote q;
    const qint64 start = nowNs();
    for (qint64 n = 0; n < total; ++n) {
        const qint64 arrival = start + n * intervalNs;
        while (nowNs() < arrival) { } // pace: the tick "arrives" at its scheduled time
        const size_t i = size_t(rng() % uint64_t(positionCount));
        // A random walk of ±1 tick, drifting down for the stocks near their stop.
        qint64 &p = price[i];
        const int r = int(rng() % 100);
        p = Krx::addTicks(p, r < (i % 10 == 0 ? 60 : 50) ? -1 : 1);
        q.code = codes.at(qsizetype(i));
        q.price = p;
        q.timeMs = T0 + (n * 1000) / ticksPerSecond;
        clock.setNowMs(q.timeMs);
        const qint64 placedBefore = broker.placed;
        const qint64 t0 = nowNs();
        stops.onTick(q);
        const qint64 t1 = nowNs();
        fromArrival.push_back(t1 - arrival);
        serviceTime.push_back(t1 - t0);
        if (broker.placed != placedBefore) {
            exitFromArrival.push_back(broker.lastPlaceNs - arrival);
            exitService.push_back(broker.lastPlaceNs - t0);
        }
    }
    const double wall = double(nowNs() - start) / 1e9;
    std::printf("  %lld ticks in %.2f s (%.0f ticks/s offered), %lld exits sent\n", static_cast<long long>(total), wall,
        double(total) / wall, static_cast<long long>(broker.placed));
    print("  every tick, from its arrival", percentiles(fromArrival));
    print("  every tick, onTick() call", percentiles(serviceTime));
    print("  exits: tick arrival -> placeOrder()", percentiles(exitFromArrival));
    print("  exits: onTick() -> placeOrder()", percentiles(exitService));
    const Percentiles all = percentiles(fromArrival);
    const Percentiles exits = percentiles(exitFromArrival);
    std::printf("  goal p99 < 1 ms: every tick %s (%.1f us), exits %s (%.1f us)\n", all.p99 < 1000 ? "met" : "NOT met",
        all.p99, exits.p99 < 1000 ? "met" : "NOT met", exits.p99);
    std::fflush(stdout);
    return 0;
}

int signalBench(const QString &dir, int signalCount)
{
    ManualClock clock(T0);
    auto opened = openDatabase(dir + QStringLiteral("/signals"), clock);
    if (!opened) {
        std::fprintf(stderr, "open failed: %s\n", qPrintable(opened.error().message));
        return 1;
    }
    Database &db = *opened.value();
    StampingBroker broker;
    NoMarket market;
    OrderEvents events;
    PositionKeeper keeper(db, clock);
    OrderManager orders(db, broker, events, keeper, clock);
    RiskGuard guard;
    const Trading::RiskLimits limits = wideLimits();
    orders.setRiskCheck([&](const Trading::OrderIntent &intent) {
        return engineRiskCheck(db, orders, guard, limits, clock, intent, 20000);
    });
    if (Status st = orders.start(); !st) {
        std::fprintf(stderr, "order manager: %s\n", qPrintable(st.error().message));
        return 1;
    }
    DecisionLedger ledger(db, clock);
    SignalManager manager(db, clock, ledger);
    BuyOrderExecutor executor(db, clock, orders, events, ledger, &market);
    BuyExecutorConfig config;
    config.autoTradeEnabled = true;
    config.maxInvestAmount = 1'000'000;
    config.orderType = Trading::OrderType::Limit;
    config.sweepIntervalSec = 3600;
    executor.setConfig(config);
    executor.setKillSwitchSource([] { return Trading::KillSwitchMode::Off; });
    executor.setQuoteSource([&clock](const QString &code) -> std::optional<Quote> {
        Quote q;
        q.code = code;
        q.price = 20000;
        q.bestAsk = 20050;
        q.bestBid = 20000;
        q.timeMs = clock.nowMs();
        return q;
    });
    QObject::connect(&manager, &SignalManager::signalCreated, &executor, &BuyOrderExecutor::onSignalCreated);
    executor.start();

    auto condition
        = ConditionRepository(db).upsert(QStringLiteral("bench"), QStringLiteral("0"), QStringLiteral("bench"));
    if (!condition) {
        std::fprintf(stderr, "condition: %s\n", qPrintable(condition.error().message));
        return 1;
    }
    std::vector<qint64> latency;
    std::vector<qint64> submitTime;
    int refused = 0;
    for (int i = 0; i < signalCount; ++i) {
        Trading::SignalRequest r;
        r.kind = SignalKind::PendingBuy;
        r.source = QStringLiteral("condition:%1").arg(condition->id);
        r.conditionId = condition->id;
        r.side = Side::Buy;
        r.code = codeOf(i);
        r.name = QStringLiteral("BENCH %1").arg(i);
        r.signalType = QStringLiteral("reference_candle");
        r.signal.side = Side::Buy;
        r.signal.strategyType = QStringLiteral("reference_candle");
        r.signal.reasonCode = QStringLiteral("bench");
        r.signal.reason = QStringLiteral("bench");
        r.signal.targetPrice = 20100;
        r.actor = QStringLiteral("service.condition_monitor");
        const qint64 placedBefore = broker.placed;
        const qint64 t0 = nowNs();
        auto outcome = manager.submit(r);
        const qint64 t1 = nowNs();
        if (!outcome) {
            ++refused;
            continue;
        }
        submitTime.push_back(t1 - t0);
        // The executor acts on the next event-loop pass.
        const qint64 deadline = nowNs() + 2'000'000'000LL;
        while (broker.placed == placedBefore && nowNs() < deadline)
            QCoreApplication::processEvents(QEventLoop::AllEvents);
        if (broker.placed == placedBefore) {
            ++refused;
            continue;
        }
        latency.push_back(broker.lastPlaceNs - t0);
    }
    std::printf("signal -> buy request: %d signals, %lld buy requests, %d not ordered\n", signalCount,
        static_cast<long long>(broker.placed), refused);
    print("  SignalManager::submit() (dedupe+persist+ledger)", percentiles(submitTime));
    print("  signal submit -> placeOrder()", percentiles(latency));
    std::fflush(stdout);
    executor.stop();
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const double seconds = argc > 1 ? QString::fromLocal8Bit(argv[1]).toDouble() : 3.0;
    const int positions = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 2000;
    const int rate = argc > 3 ? QString::fromLocal8Bit(argv[3]).toInt() : 10000;
    const int signalCount = argc > 4 ? QString::fromLocal8Bit(argv[4]).toInt() : 500;
    QTemporaryDir tmp;
    if (inMemory())
        std::printf("in-memory SQLite (KT_BENCH_MEMORY=1)\n");
    else
        std::printf("directory %s (%s), SQLite WAL synchronous=NORMAL\n", qPrintable(tmp.path()),
            QStorageInfo(tmp.path()).fileSystemType().constData());
    if (int rc = stopLossBench(
            tmp.path(), seconds > 0 ? seconds : 3.0, positions > 0 ? positions : 2000, rate > 0 ? rate : 10000);
        rc != 0)
        return rc;
    return signalBench(tmp.path(), signalCount > 0 ? signalCount : 500);
}
