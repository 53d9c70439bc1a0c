// SPDX-License-Identifier: GPL-3.0-or-later
#include "indicatorsreference.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace IndicatorsReference {

using Indicators::Bar;
using Opt = std::optional<double>;

namespace {

constexpr qint64 DAY_MS = 86400000;
constexpr qint64 KST_MS = 9LL * 3600 * 1000;

Opt smaAt(std::span<const Bar> b, qsizetype t, int n)
{
    if (t < n - 1)
        return std::nullopt;
    double sum = 0.0;
    for (qsizetype i = t - n + 1; i <= t; ++i)
        sum += b[size_t(i)].close;
    return sum / n;
}

// SMA-seeded EMA of values[0..t] in the textbook form α·x + (1−α)·E.
Opt emaSeries(const std::vector<double> &values, qsizetype t, int n)
{
    if (t < n - 1)
        return std::nullopt;
    double e = 0.0;
    for (int i = 0; i < n; ++i)
        e += values[size_t(i)];
    e /= n;
    const double a = 2.0 / (n + 1);
    for (qsizetype i = n; i <= t; ++i)
        e = a * values[size_t(i)] + (1.0 - a) * e;
    return e;
}

std::vector<double> closesUpTo(std::span<const Bar> b, qsizetype t)
{
    std::vector<double> c(size_t(t + 1));
    for (qsizetype i = 0; i <= t; ++i)
        c[size_t(i)] = b[size_t(i)].close;
    return c;
}

// Wilder average of the values x(1..t) (index 0 unused), seeded with the mean of x(1..n).
template<typename F> Opt wilder(F x, qsizetype t, int n)
{
    if (t < n)
        return std::nullopt;
    double avg = 0.0;
    for (qsizetype i = 1; i <= n; ++i)
        avg += x(i);
    avg /= n;
    for (qsizetype i = n + 1; i <= t; ++i)
        avg = (avg * (n - 1) + x(i)) / n;
    return avg;
}

Opt rsiAt(std::span<const Bar> b, qsizetype t, int n)
{
    auto up = [&](qsizetype i) { return std::max(0.0, b[size_t(i)].close - b[size_t(i - 1)].close); };
    auto down = [&](qsizetype i) { return std::max(0.0, b[size_t(i - 1)].close - b[size_t(i)].close); };
    const Opt ag = wilder(up, t, n);
    const Opt al = wilder(down, t, n);
    if (!ag)
        return std::nullopt;
    if (*al == 0.0)
        return 100.0;
    return 100.0 - 100.0 / (1.0 + *ag / *al);
}

Opt percentKAt(std::span<const Bar> b, qsizetype t, int k)
{
    if (t < k - 1)
        return std::nullopt;
    double hh = b[size_t(t)].high;
    double ll = b[size_t(t)].low;
    for (qsizetype i = t - k + 1; i <= t; ++i) {
        hh = std::max(hh, b[size_t(i)].high);
        ll = std::min(ll, b[size_t(i)].low);
    }
    if (hh == ll)
        return 0.0;
    return 100.0 * (b[size_t(t)].close - ll) / (hh - ll);
}

// Mean of f(t−n+1..t), or nullopt when any of them is missing.
template<typename F> Opt meanOf(F f, qsizetype t, int n)
{
    if (t - n + 1 < 0)
        return std::nullopt;
    double sum = 0.0;
    for (qsizetype i = t - n + 1; i <= t; ++i) {
        const Opt v = f(i);
        if (!v)
            return std::nullopt;
        sum += *v;
    }
    return sum / n;
}

} // namespace

Indicators::IndicatorSet::Values valuesAt(
    std::span<const Bar> b, qsizetype t, const Indicators::IndicatorSet::Params &p)
{
    Indicators::IndicatorSet::Values v;
    const Bar &bar = b[size_t(t)];
    const std::vector<double> close = closesUpTo(b, t);

    v.sma = smaAt(b, t, p.smaPeriod);
    v.ema = emaSeries(close, t, p.emaPeriod);
    v.rsi = rsiAt(b, t, p.rsiPeriod);

    if (const Opt mid = smaAt(b, t, p.bollingerPeriod)) {
        double ss = 0.0;
        for (qsizetype i = t - p.bollingerPeriod + 1; i <= t; ++i)
            ss += (close[size_t(i)] - *mid) * (close[size_t(i)] - *mid);
        const double sd = std::sqrt(ss / p.bollingerPeriod);
        v.bbMiddle = *mid;
        v.bbUpper = *mid + p.bollingerWidth * sd;
        v.bbLower = *mid - p.bollingerWidth * sd;
    }
    if (t >= p.momentumPeriod)
        v.momentum = bar.close - close[size_t(t - p.momentumPeriod)];
    if (const Opt s = smaAt(b, t, p.disparityPeriod))
        v.disparity = *s == 0.0 ? 100.0 : bar.close / *s * 100.0;

    // A/D line and Chaikin: EMAs seeded with ADL_0, replayed from bar 0.
    {
        double adl = 0.0;
        double fast = 0.0;
        double slow = 0.0;
        const double af = 2.0 / (p.chaikinFast + 1);
        const double as = 2.0 / (p.chaikinSlow + 1);
        for (qsizetype i = 0; i <= t; ++i) {
            const Bar &x = b[size_t(i)];
            const double mfm = x.high == x.low ? 0.0 : ((x.close - x.low) - (x.high - x.close)) / (x.high - x.low);
            adl += mfm * x.volume;
            fast = i == 0 ? adl : af * adl + (1.0 - af) * fast;
            slow = i == 0 ? adl : as * adl + (1.0 - as) * slow;
        }
        v.adl = adl;
        if (t >= std::max(p.chaikinFast, p.chaikinSlow) - 1)
            v.chaikin = fast - slow;
    }

    // Stochastic: every %K recomputed by scanning its window.
    const Indicators::Stochastic::Params &sp = p.stochastic;
    auto k = [&](qsizetype i) { return percentKAt(b, i, sp.k); };
    auto slowK = [&](qsizetype i) { return meanOf(k, i, sp.slowK); };
    v.stochK = k(t);
    v.stochD = meanOf(k, t, sp.d);
    v.stochSlowK = slowK(t);
    v.stochSlowD = meanOf(slowK, t, sp.slowD);

    // MACD: both EMA series replayed, then the signal EMA over the line series.
    {
        const int first = std::max(p.macd.fast, p.macd.slow) - 1;
        if (t >= first) {
            std::vector<double> line;
            line.reserve(size_t(t - first + 1));
            const double af = 2.0 / (p.macd.fast + 1);
            const double as = 2.0 / (p.macd.slow + 1);
            double ef = 0.0;
            double es = 0.0;
            for (qsizetype i = 0; i <= t; ++i) {
                const double x = close[size_t(i)];
                ef = i < p.macd.fast ? ef + x : af * x + (1.0 - af) * ef;
                if (i == p.macd.fast - 1)
                    ef /= p.macd.fast;
                es = i < p.macd.slow ? es + x : as * x + (1.0 - as) * es;
                if (i == p.macd.slow - 1)
                    es /= p.macd.slow;
                if (i >= first)
                    line.push_back(ef - es);
            }
            v.macd = line.back();
            v.macdSignal = emaSeries(line, qsizetype(line.size()) - 1, p.macd.signal);
            if (v.macdSignal)
                v.macdHist = *v.macd - *v.macdSignal;
        }
    }

    auto trueRange = [&](qsizetype i) {
        const Bar &x = b[size_t(i)];
        const double pc = b[size_t(i - 1)].close;
        return std::max({ x.high - x.low, std::fabs(x.high - pc), std::fabs(x.low - pc) });
    };
    v.atr = wilder(trueRange, t, p.atrPeriod);

    {
        double obv = 0.0;
        for (qsizetype i = 1; i <= t; ++i) {
            if (close[size_t(i)] > close[size_t(i - 1)])
                obv += b[size_t(i)].volume;
            else if (close[size_t(i)] < close[size_t(i - 1)])
                obv -= b[size_t(i)].volume;
        }
        v.obv = obv;
    }

    auto vwapFrom = [&](qsizetype from) {
        double pv = 0.0;
        double vol = 0.0;
        for (qsizetype i = from; i <= t; ++i) {
            const Bar &x = b[size_t(i)];
            pv += (x.high + x.low + x.close) / 3.0 * x.volume;
            vol += x.volume;
        }
        return vol > 0.0 ? pv / vol : (bar.high + bar.low + bar.close) / 3.0;
    };
    v.vwap = vwapFrom(0);
    auto dayOf = [](qint64 ms) { return (ms + KST_MS) / DAY_MS; }; // test data is after 1970
    qsizetype dayStart = t;
    while (dayStart > 0 && dayOf(b[size_t(dayStart - 1)].timeMs) == dayOf(bar.timeMs))
        --dayStart;
    v.vwapDaily = vwapFrom(dayStart);

    if (t >= p.volumeWmaPeriod - 1) {
        const int n = p.volumeWmaPeriod;
        double num = 0.0;
        for (int i = 1; i <= n; ++i)
            num += i * b[size_t(t - n + i)].volume;
        v.volumeWma = num / (n * (n + 1) / 2.0);
    }
    return v;
}

} // namespace IndicatorsReference
