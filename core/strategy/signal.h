// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "types.h"

#include <QJsonObject>
#include <QLatin1StringView>
#include <QString>

#include <array>
#include <optional>

namespace Strategies {

// The numbers that made a strategy fire, by name ("rsi", "rsi_prev", "volume", ...), in the order
// the strategy added them; the first one is the strategy's primary value (the signal_value column
// of strategy_signals). Names are string literals with static storage (no allocation on the hot
// path: the scanner evaluates thousands of symbols a minute); toJson() gives the QJsonObject the
// storage layer and the control API want. Every value is a finite number.
class SignalValues
{
public:
    static constexpr int CAPACITY = 12;

    SignalValues() = default;
    // Copies only the used entries: the rest of the storage is left uninitialised on purpose (a
    // zeroed 400-byte array per evaluation showed up in the scanner's profile).
    SignalValues(const SignalValues &other) : m_size(other.m_size) { copyFrom(other); }
    SignalValues &operator=(const SignalValues &other)
    {
        m_size = other.m_size;
        copyFrom(other);
        return *this;
    }

    // name must be a string literal (static storage); value must be finite.
    void add(QLatin1StringView name, double value);
    int size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    QLatin1StringView name(int i) const
    {
        return QLatin1StringView(m_items[size_t(i)].name, m_items[size_t(i)].nameSize);
    }
    double value(int i) const { return m_items[size_t(i)].value; }
    std::optional<double> value(QLatin1StringView name) const;
    QJsonObject toJson() const;

    bool operator==(const SignalValues &other) const;

private:
    struct Item // trivial, so the array needs no initialisation
    {
        const char *name;
        qsizetype nameSize;
        double value;
    };
    void copyFrom(const SignalValues &other)
    {
        for (int i = 0; i < m_size; ++i)
            m_items[size_t(i)] = other.m_items[size_t(i)];
    }

    int m_size = 0;
    std::array<Item, CAPACITY> m_items;
};

// A strategy's request to buy or sell one symbol: what the strategies emit, what the signal
// manager persists (strategy_signals; pending_buy_signals for the reference candle) and what the
// backtest trades on. A plain value type.
struct Signal
{
    Side side = Side::Buy;
    QString strategyType; // registry name: "rsi", "reference_candle", ...
    QString stockCode; // empty in backtests
    qint64 timeMs = 0; // open time of the candle it was decided on (or the quote's time), UTC epoch ms
    double price = 0.0; // reference price: that candle's close (the quote's price); CSV input may carry decimals
    QString reasonCode; // machine-stable: "<type>.<rule>", e.g. "rsi.oversold_turning_up"
    QString reason; // English, for logs and the activity log
    SignalValues values;
    // Reference candle (기준봉) signals only: the fields of pending_buy_signals.
    std::optional<qint64> referenceCandleHigh; // KRW
    std::optional<qint64> referenceCandleTimeMs; // the reference candle's open time (reference_candle_date)
    std::optional<qint64> targetPrice; // KRW, on the KRX tick: buy at or below this price

    // The primary value (values' first entry; 0 when there is none).
    double primaryValue() const { return values.isEmpty() ? 0.0 : values.value(0); }
    // {"side", "strategy", "code", "time_ms", "price", "reason_code", "reason", "values" {...},
    //  and for reference-candle signals "reference_candle_high", "reference_candle_time_ms", "target_price"}
    QJsonObject toJson() const;

    bool operator==(const Signal &) const = default;
};

} // namespace Strategies
