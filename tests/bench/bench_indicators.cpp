// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark of core/indicators (not a ctest; prints its figures):
//  1. every indicator, batch (computeAll), over 1,000,000 candles, plus a per-indicator breakdown;
//  2. the incremental IndicatorSet: append and update (revising the forming bar) per candle, and one
//     candle for 2,000 symbols (the strategy engine's load);
//  3. the naive baseline (tests/support/indicatorsreference: every indicator recomputed from scratch
//     over the whole history on each candle), timed on the first N candles and extrapolated to 1M
//     with its measured O(N²) growth; and the ratio.
// Usage: bench_indicators [candles]   (default 1000000)
#include "indicators/indicatorset.h"
#include "indicatorsdata.h"
#include "indicatorsreference.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cmath>
#include <cstdio>
#include <functional>

using namespace Indicators;

namespace {

volatile double g_sink = 0.0; // keeps the optimiser from dropping the work

// Best of `runs` wall-clock times of fn(), in nanoseconds.
qint64 bestOf(int runs, const std::function<void()> &fn)
{
    qint64 best = std::numeric_limits<qint64>::max();
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        fn();
        best = std::min(best, t.nsecsElapsed());
    }
    return best;
}

void sinkLine(const Line &l)
{
    if (!l.values.empty())
        g_sink = g_sink + l.values.back();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const qsizetype n = argc > 1 ? QByteArray(argv[1]).toLongLong() : 1000000;
    std::printf(
        "bench_indicators: %lld candles (random walk, KRW ticks, flat stretches, zero volume)\n\n", (long long)n);
    const std::vector<Bar> bars = IndicatorsData::randomWalk(n, 2024);
    const std::vector<double> close = closes(bars);
    const std::vector<double> volume = volumes(bars);

    // 1. Batch.
    const qint64 batchNs = bestOf(3, [&] {
        const IndicatorLines lines = computeAll(bars);
        sinkLine(lines.macdHist);
    });
    std::printf("1. Batch, all indicators (computeAll, 22 lines):\n");
    std::printf("   %.1f ms for %lld candles = %.2f M candles/s = %.1f ns/candle\n\n", batchNs / 1e6, (long long)n,
        n / (batchNs / 1e9) / 1e6, double(batchNs) / n);

    std::printf("   breakdown (best of 3):\n");
    const std::pair<const char *, std::function<void()>> parts[] = {
        { "sma 20", [&] { sinkLine(sma(close, 20)); } },
        { "ema 20", [&] { sinkLine(ema(close, 20)); } },
        { "rsi 14", [&] { sinkLine(rsi(close, 14)); } },
        { "bollinger 20,2", [&] { sinkLine(bollinger(close).upper); } },
        { "momentum 10", [&] { sinkLine(momentum(close, 10)); } },
        { "disparity 20", [&] { sinkLine(disparity(close, 20)); } },
        { "adl", [&] { sinkLine(adl(bars)); } },
        { "chaikin 3,10", [&] { sinkLine(chaikin(bars)); } },
        { "stochastic 14,3,3,3", [&] { sinkLine(stochastic(bars).slowD); } },
        { "macd 12,26,9", [&] { sinkLine(macd(close).histogram); } },
        { "atr 14", [&] { sinkLine(atr(bars)); } },
        { "obv", [&] { sinkLine(obv(bars)); } },
        { "vwap", [&] { sinkLine(vwap(bars)); } },
        { "vwap daily", [&] { sinkLine(vwap(bars, VwapAnchor::KstDay)); } },
        { "volume wma 20", [&] { sinkLine(wma(volume, 20)); } },
    };
    for (const auto &[name, fn] : parts) {
        const qint64 ns = bestOf(3, fn);
        std::printf("   %-22s %8.1f ms  %6.1f ns/candle\n", name, ns / 1e6, double(ns) / n);
    }

    // 2. Incremental.
    std::printf("\n2. Incremental IndicatorSet (default periods):\n");
    const qint64 appendNs = bestOf(3, [&] {
        IndicatorSet set;
        for (const Bar &b : bars)
            set.append(b);
        g_sink = g_sink + set.current().rsi.value_or(0);
    });
    std::printf("   append:                 %.1f ns/candle (%.1f ms for %lld)\n", double(appendNs) / n, appendNs / 1e6,
        (long long)n);
    std::mt19937_64 rng(1);
    std::vector<Bar> forming(bars.size());
    for (size_t i = 0; i < bars.size(); ++i)
        forming[i] = IndicatorsData::formingVariant(bars[i], rng);
    const qint64 appendUpdateNs = bestOf(3, [&] {
        IndicatorSet set;
        for (size_t i = 0; i < bars.size(); ++i) {
            set.append(forming[i]);
            set.update(bars[i]);
        }
        g_sink = g_sink + set.current().rsi.value_or(0);
    });
    std::printf("   update (revise forming): %.1f ns/revision (append+update %.1f ns)\n",
        double(appendUpdateNs - appendNs) / n, double(appendUpdateNs) / n);

    const int symbols = 2000;
    const int warm = 300;
    const int rounds = 200;
    std::vector<IndicatorSet> sets(symbols);
    std::vector<std::vector<Bar>> streams(symbols);
    for (int s = 0; s < symbols; ++s) {
        streams[size_t(s)] = IndicatorsData::randomWalk(warm + rounds, quint64(s) + 100);
        for (int i = 0; i < warm; ++i)
            sets[size_t(s)].append(streams[size_t(s)][size_t(i)]);
    }
    QElapsedTimer t;
    t.start();
    for (int r = 0; r < rounds; ++r) {
        for (int s = 0; s < symbols; ++s)
            g_sink = g_sink + sets[size_t(s)].append(streams[size_t(s)][size_t(warm + r)]).sma.value_or(0);
    }
    const double perRoundUs = t.nsecsElapsed() / 1e3 / rounds;
    std::printf("   %d symbols, one new candle each: %.1f us per round (%.1f ns per symbol; %zu bytes per set)\n",
        symbols, perRoundUs, perRoundUs * 1e3 / symbols, sizeof(IndicatorSet));

    // 3. Naive baseline.
    std::printf("\n3. Naive baseline (every indicator recomputed from bar 0 for each new candle):\n");
    const qsizetype m1 = std::min<qsizetype>(n, 5000);
    const qsizetype m2 = std::min<qsizetype>(n, 10000);
    auto naive = [&](qsizetype m) {
        return bestOf(1, [&] {
            for (qsizetype i = 0; i < m; ++i)
                g_sink = g_sink + IndicatorsReference::valuesAt(bars, i).vwap.value_or(0);
        });
    };
    const qint64 naive1 = naive(m1);
    const qint64 naive2 = naive(m2);
    const double exponent = std::log(double(naive2) / double(naive1)) / std::log(double(m2) / double(m1));
    const double naiveFullNs = double(naive2) * std::pow(double(n) / double(m2), 2.0);
    std::printf("   first %lld candles: %.1f ms; first %lld: %.1f ms (grows as N^%.2f)\n", (long long)m1, naive1 / 1e6,
        (long long)m2, naive2 / 1e6, exponent);
    std::printf(
        "   extrapolated to %lld candles (x (N/%lld)^2): %.0f s\n", (long long)n, (long long)m2, naiveFullNs / 1e9);
    std::printf("   ratio naive / batch over %lld candles: %.0fx\n", (long long)n, naiveFullNs / double(batchNs));
    // Over the same measured span, no extrapolation.
    IndicatorSet probe;
    const qint64 fastSpanNs = bestOf(3, [&] {
        IndicatorSet set;
        for (qsizetype i = 0; i < m2; ++i)
            set.append(bars[size_t(i)]);
        g_sink = g_sink + set.current().sma.value_or(0);
    });
    std::printf("   measured on the first %lld candles: naive %.1f ms vs incremental %.3f ms = %.0fx\n", (long long)m2,
        naive2 / 1e6, fastSpanNs / 1e6, double(naive2) / double(fastSpanNs));
    // Per candle at a given history length: what a strategy scan pays per symbol.
    for (qsizetype history : { qsizetype(200), qsizetype(1000), qsizetype(10000) }) {
        if (history > n)
            break;
        const int reps = history >= 10000 ? 20 : 200;
        const qint64 ns = bestOf(3, [&] {
            for (int r = 0; r < reps; ++r)
                g_sink = g_sink + IndicatorsReference::valuesAt(bars, history - 1).sma.value_or(0);
        });
        std::printf("   one candle with %5lld bars of history: naive %8.1f us vs incremental %.3f us = %.0fx\n",
            (long long)history, ns / 1e3 / reps, appendNs / 1e3 / n, (ns / double(reps)) / (double(appendNs) / n));
    }
    return 0;
}
