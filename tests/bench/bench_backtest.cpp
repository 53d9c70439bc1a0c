// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark of core/backtest (not a ctest; prints its figures): backtest throughput in candles per
// second for each strategy over N random-walk candles (default 1,000,000), and the naive baseline —
// the same strategy re-run over a 200-bar window for every candle (indicators rebuilt from
// scratch each time) — measured on a prefix and compared per candle.
// Usage: bench_backtest [candles]   (default 1000000)
#include "backtest/backtester.h"
#include "indicatorsdata.h"
#include "strategy/strategyregistry.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>

using namespace Strategies;
using Indicators::Bar;

namespace {

volatile qint64 g_sink = 0;

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const qsizetype n = argc > 1 ? QByteArray(argv[1]).toLongLong() : 1000000;
    const int window = 200;
    std::printf(
        "bench_backtest: %lld candles (random walk, KRW ticks), default parameters, best of 3\n\n", (long long)n);
    const std::vector<Bar> bars = IndicatorsData::randomWalk(n, 2024);
    Backtest::Config config;
    config.initialCash = 100'000'000;

    std::printf("%-18s %10s %14s %10s %10s\n", "strategy", "ms", "candles/s", "ns/candle", "trades");
    double rsiNsPerCandle = 0;
    for (const QString &type : StrategyRegistry::typeNames()) {
        const auto strategy = *StrategyRegistry::create(type);
        const Backtest::Backtester backtester(strategy, config);
        qint64 best = std::numeric_limits<qint64>::max();
        int trades = 0;
        for (int rep = 0; rep < 3; ++rep) {
            QElapsedTimer t;
            t.start();
            const Result<Backtest::Report> r = backtester.run(bars);
            best = std::min(best, t.nsecsElapsed());
            if (!r)
                return 1;
            trades = r->summary.trades;
            g_sink = g_sink + r->summary.finalEquity;
        }
        const double nsPerCandle = double(best) / double(n);
        if (type == u"rsi")
            rsiNsPerCandle = nsPerCandle;
        std::printf(
            "%-18s %10.1f %14.0f %10.1f %10d\n", qPrintable(type), best / 1e6, n / (best / 1e9), nsPerCandle, trades);
    }

    // Naive: for every candle, the strategy rebuilds its indicators over the last `window` bars.
    const auto rsi = *StrategyRegistry::create(u"rsi");
    const qsizetype m = std::min<qsizetype>(n, 20000);
    QElapsedTimer t;
    t.start();
    qint64 naiveSignals = 0;
    for (qsizetype i = window - 1; i < m; ++i) {
        const std::span<const Bar> win(bars.data() + i + 1 - window, size_t(window));
        Indicators::IndicatorSet set(rsi->indicatorParams());
        for (const Bar &b : win)
            set.append(b);
        if (rsi->onCandle(CandleContext { win.back(), &set, nullptr }))
            ++naiveSignals;
    }
    const double naiveNs = double(t.nsecsElapsed()) / double(m - window + 1);
    std::printf("\nnaive rsi (indicators rebuilt over %d bars per candle, first %lld candles): %.0f ns/candle = "
                "%.0f candles/s\n",
        window, (long long)m, naiveNs, 1e9 / naiveNs);
    std::printf("ratio naive / incremental backtest (rsi, per candle): %.0fx\n", naiveNs / rsiNsPerCandle);
    std::printf("\nsink %lld %lld\n", (long long)g_sink, (long long)naiveSignals);
    return 0;
}
