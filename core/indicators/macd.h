// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ema.h"

namespace Indicators {

// MACD, default (12, 26, 9): line = EMA_fast − EMA_slow, both SMA-seeded (Ema with EmaSeed::Sma), from
// index max(fast, slow) − 1 (25); signal = SMA-seeded EMA_signal of the line, from 25 + signal − 1
// (33); histogram = line − signal, from 33.
class Macd
{
public:
    struct Params
    {
        int fast = 12;
        int slow = 26;
        int signal = 9;
    };
    struct Value
    {
        std::optional<double> line;
        std::optional<double> signal;
        std::optional<double> histogram;
        bool operator==(const Value &) const = default;
    };

    Macd();
    explicit Macd(const Params &params);

    Value append(double close)
    {
        step(close, false);
        return value();
    }
    Value update(double close)
    {
        step(close, true);
        return value();
    }
    Value value() const
    {
        const qint64 n = count();
        Value v;
        if (n > firstLine())
            v.line = m_line;
        if (n > firstSignal()) {
            v.signal = m_signalValue;
            v.histogram = m_histogram;
        }
        return v;
    }
    void reset();

    qint64 count() const { return m_fast.count(); }
    qsizetype firstLine() const { return m_firstLine; }
    qsizetype firstSignal() const { return m_firstLine + m_signal.period() - 1; }

private:
    void step(double close, bool revise);

    Ema m_fast;
    Ema m_slow;
    Ema m_signal;
    qsizetype m_firstLine;
    double m_line = 0.0;
    double m_signalValue = 0.0;
    double m_histogram = 0.0;
};

struct MacdLines
{
    Line line;
    Line signal;
    Line histogram;
};
MacdLines macd(std::span<const double> close, const Macd::Params &params = {});

} // namespace Indicators
