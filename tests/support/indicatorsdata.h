// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "indicators/types.h"

#include <QString>

#include <optional>
#include <random>
#include <vector>

// Test data for the indicator suites and benchmark: reproducible random candle series with the
// awkward cases mixed in (flat stretches with H = L, constant closes longer than every window,
// zero-volume runs, gaps, Asia/Seoul day changes), and exact/ulp comparison helpers.
namespace IndicatorsData {

enum class Prices
{
    KrwTicks, // integer prices on a 10-won tick, integer volumes (what Candle carries)
    Decimals, // prices with two decimals around 100, fractional volumes (CSV input)
};

// n one-minute bars from 2024-01-02 09:00 KST, 390 a day (09:00–15:29), then the next day.
std::vector<Indicators::Bar> randomWalk(qsizetype n, quint64 seed, Prices prices = Prices::KrwTicks);

// A plausible intermediate state of a still-forming bar: same time and open, other high/low/close/
// volume (drawn around `bar`). Used to revise a bar before its final value arrives.
Indicators::Bar formingVariant(const Indicators::Bar &bar, std::mt19937_64 &rng);

// Bar with the given prices at minute `index` of the random-walk timeline.
Indicators::Bar bar(qsizetype index, double open, double high, double low, double close, double volume);

// Bit equality (distinguishes -0 from 0); two nullopts are equal.
bool sameBits(double a, double b);
bool sameBits(const std::optional<double> &a, const std::optional<double> &b);

// Distance in units in the last place (0 when equal; huge across signs).
quint64 ulpsApart(double a, double b);

// |actual − expected| <= ulps · eps · max(|expected|, scale): "equal to the last few ulps" of the
// magnitudes involved (scale covers results that cancel, like MACD = EMA12 − EMA26).
bool closeTo(double actual, double expected, double ulps = 4, double scale = 0.0);

QString describe(const std::optional<double> &v);

} // namespace IndicatorsData
