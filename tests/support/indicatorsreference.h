// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "indicators/indicatorset.h"

#include <span>

// Naive, independent implementation of the indicator set, written straight from the textbook
// definitions (issue #4) without sharing any code with core/indicators: every call recomputes every
// indicator for bar t from scratch over bars[0..t] — two-pass mean/σ over the window, HH/LL by
// scanning, EMAs/RSI/ATR/MACD replayed from the first bar, cumulative sums re-added from bar 0 (or
// from the day's first bar). O(t) per call.
// Used twice: as the reference the fast kernels must agree with (to ~1e-9 relative), and as the
// honest "recompute over the full window on each candle" baseline of bench_indicators.
namespace IndicatorsReference {

Indicators::IndicatorSet::Values valuesAt(
    std::span<const Indicators::Bar> bars, qsizetype t, const Indicators::IndicatorSet::Params &p = {});

} // namespace IndicatorsReference
