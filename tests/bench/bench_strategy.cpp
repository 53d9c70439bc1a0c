// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark of core/strategy (not a ctest; prints its figures): the strategy scanner's load,
// 2,000 symbols × all seven strategies (default parameters), one new candle each.
//  1. SymbolRunner per symbol (one shared IndicatorSet per symbol + the reference-candle and
//     scalping states): one closed candle per symbol per round; and the live pattern of the scanner
//     (the forming candle revised, then closed) — goal < 2 ms per round;
//  2. for context, the IndicatorSet update alone for 2,000 symbols;
//  3. the naive baseline: for every symbol and every strategy, rebuild that strategy's indicators
//     from scratch over a 200-bar window on each new candle (no sharing, no incremental state),
//     then evaluate — what a "fetch the chart, compute everything, look at the last row" loop does;
//     and the ratio.
// Usage: bench_strategy [symbols] [rounds]   (default 2000 200)
#include "indicators/indicatorset.h"
#include "indicatorsdata.h"
#include "strategy/strategyregistry.h"
#include "strategy/symbolrunner.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <random>

using namespace Strategies;
using Indicators::Bar;

namespace {

volatile double g_sink = 0.0;

struct Stats
{
    double best = 0, median = 0, mean = 0, worst = 0;
};

Stats stats(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    Stats s;
    s.best = v.front();
    s.worst = v.back();
    s.median = v[v.size() / 2];
    double sum = 0;
    for (double x : v)
        sum += x;
    s.mean = sum / double(v.size());
    return s;
}

void print(const char *what, const Stats &s)
{
    std::printf(
        "   %-44s median %7.3f ms  best %7.3f  mean %7.3f  worst %7.3f\n", what, s.median, s.best, s.mean, s.worst);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int symbols = argc > 1 ? QByteArray(argv[1]).toInt() : 2000;
    const int rounds = argc > 2 ? QByteArray(argv[2]).toInt() : 200;
    const int warm = 300;
    const int window = 200;

    QList<std::shared_ptr<const Strategy>> strategies;
    for (const QString &type : StrategyRegistry::typeNames())
        strategies.append(*StrategyRegistry::create(type));
    std::printf("bench_strategy: %d symbols x %lld strategies (%s), %d warm-up candles, %d rounds\n\n", symbols,
        (long long)strategies.size(), qPrintable(StrategyRegistry::typeNames().join(u", ")), warm, rounds);

    std::vector<std::vector<Bar>> streams(static_cast<size_t>(symbols));
    for (int s = 0; s < symbols; ++s)
        streams[size_t(s)] = IndicatorsData::randomWalk(warm + rounds, quint64(s) + 100);
    // The candles of one round side by side, as a scan's replies arrive together (reading them
    // from 2,000 separate histories would time the benchmark's own cache misses).
    std::vector<Bar> next(size_t(rounds) * size_t(symbols));
    for (int r = 0; r < rounds; ++r)
        for (int s = 0; s < symbols; ++s)
            next[size_t(r) * size_t(symbols) + size_t(s)] = streams[size_t(s)][size_t(warm + r)];
    const auto nextBar = [&](int r, int s) -> const Bar & { return next[size_t(r) * size_t(symbols) + size_t(s)]; };

    // 1. SymbolRunner.
    std::vector<SymbolRunner> runners;
    runners.reserve(size_t(symbols));
    for (int s = 0; s < symbols; ++s) {
        runners.emplace_back(QString::number(100000 + s), strategies);
        if (!runners.back().warmUp(std::span(streams[size_t(s)]).first(warm)))
            return 1;
    }
    std::printf("1. Incremental, SymbolRunner per symbol (%lld IndicatorSet per symbol):\n",
        (long long)runners.front().indicatorSetCount());
    QList<Signal> out;
    out.reserve(20000);
    std::vector<double> perRound;
    qint64 fired = 0;
    for (int r = 0; r < rounds; ++r) {
        out.clear();
        QElapsedTimer t;
        t.start();
        for (int s = 0; s < symbols; ++s)
            (void)runners[size_t(s)].onCandle(nextBar(r, s), SymbolRunner::BarStatus::Closed, out);
        perRound.push_back(t.nsecsElapsed() / 1e6);
        fired += out.size();
    }
    const Stats closed = stats(perRound);
    print("one closed candle per symbol, per round:", closed);
    std::printf("   %.0f ns per symbol, %.0f ns per symbol-strategy; %.1f signals per round\n",
        closed.median * 1e6 / symbols, closed.median * 1e6 / symbols / double(strategies.size()),
        double(fired) / rounds);
    std::printf("   goal < 2 ms per round: %s\n", closed.median < 2.0 ? "met" : "NOT met");

    // The scanner's live pattern: the newest candle arrives forming, is revised, then closes.
    std::vector<SymbolRunner> live;
    live.reserve(size_t(symbols));
    for (int s = 0; s < symbols; ++s) {
        live.emplace_back(QString::number(100000 + s), strategies);
        (void)live.back().warmUp(std::span(streams[size_t(s)]).first(warm));
    }
    std::mt19937_64 rng(3);
    std::vector<Bar> forming(next.size());
    for (size_t i = 0; i < next.size(); ++i)
        forming[i] = IndicatorsData::formingVariant(next[i], rng);
    perRound.clear();
    for (int r = 0; r < rounds; ++r) {
        out.clear();
        QElapsedTimer t;
        t.start();
        for (int s = 0; s < symbols; ++s) {
            SymbolRunner &runner = live[size_t(s)];
            (void)runner.onCandle(
                forming[size_t(r) * size_t(symbols) + size_t(s)], SymbolRunner::BarStatus::Forming, out);
            (void)runner.onCandle(nextBar(r, s), SymbolRunner::BarStatus::Closed, out);
        }
        perRound.push_back(t.nsecsElapsed() / 1e6);
    }
    print("forming revision + close per symbol, per round:", stats(perRound));

    // 2. Indicator update alone, for context.
    std::printf("\n2. For context, the IndicatorSet update alone:\n");
    std::vector<Indicators::IndicatorSet> sets(static_cast<size_t>(symbols));
    for (int s = 0; s < symbols; ++s)
        for (int i = 0; i < warm; ++i)
            sets[size_t(s)].append(streams[size_t(s)][size_t(i)]);
    perRound.clear();
    for (int r = 0; r < rounds; ++r) {
        QElapsedTimer t;
        t.start();
        for (int s = 0; s < symbols; ++s)
            g_sink = g_sink + sets[size_t(s)].append(nextBar(r, s)).sma.value_or(0);
        perRound.push_back(t.nsecsElapsed() / 1e6);
    }
    const Stats setOnly = stats(perRound);
    print("IndicatorSet::append for every symbol, per round:", setOnly);
    std::printf("   strategies and bookkeeping on top: %.3f ms per round\n", closed.median - setOnly.median);

    // 3. Naive baseline.
    std::printf(
        "\n3. Naive baseline: per symbol and strategy, indicators rebuilt over a %d-bar window each candle\n", window);
    const int naiveRounds = std::min(rounds, 5);
    perRound.clear();
    qint64 naiveFired = 0;
    for (int r = 0; r < naiveRounds; ++r) {
        QElapsedTimer t;
        t.start();
        for (int s = 0; s < symbols; ++s) {
            const std::span<const Bar> win(streams[size_t(s)].data() + warm + r + 1 - window, size_t(window));
            for (const auto &strategy : strategies) {
                // Fresh state every candle: no sharing between strategies, nothing carried over.
                std::optional<Indicators::IndicatorSet> set;
                if (strategy->usesIndicatorSet())
                    set.emplace(strategy->indicatorParams());
                std::unique_ptr<StrategyState> state = strategy->newState();
                for (const Bar &b : win) {
                    if (set)
                        set->append(b);
                    if (state)
                        state->append(b);
                }
                const CandleContext ctx { win.back(), set ? &*set : nullptr, state.get() };
                if (strategy->onCandle(ctx))
                    ++naiveFired;
            }
        }
        perRound.push_back(t.nsecsElapsed() / 1e6);
    }
    const Stats naive = stats(perRound);
    print("naive, per round:", naive);
    std::printf("   %.1f signals per round (incremental: %.1f; EMA-based indicators differ slightly\n"
                "   over a truncated window, so the counts need not match exactly)\n",
        double(naiveFired) / naiveRounds, double(fired) / rounds);
    std::printf("   ratio naive / incremental (median): %.0fx\n", naive.median / closed.median);
    std::printf("\nsink %g\n", double(g_sink));
    return 0;
}
