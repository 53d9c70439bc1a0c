// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "parameters.h"
#include "strategy.h"

#include <QList>

#include <span>

struct Candle;

namespace Strategies {

// Reference candle (기준봉) strategy, buy only, for condition-search (조건검색) hits: run on DAILY
// candles (ka10081; on other intervals read "day" as "bar").
//
// The reference candle is the most recent of the last `lookback_days` candles (default 20, the
// newest candle included) that
//   - rose at least `min_rise_pct` (default 5) percent against the PREVIOUS candle's close
//     (전일대비 상승률, how Korean quotes state a day's rise: (C_i − C_{i−1}) / C_{i−1} × 100 >= X,
//     compared as (C_i − C_{i−1}) × 100 >= X × C_{i−1} so exact thresholds are exact), and
//   - traded at least `volume_multiplier` (default 3) times its average volume, the simple
//     average of the `volume_avg_days` (default 20) candles BEFORE it (Indicators::Sma over volume;
//     a candle without that many predecessors cannot qualify): V_i >= K × SMA_20(V)(i−1).
// Both thresholds are inclusive (exactly 5 % / exactly 3× qualify; one won less does not).
//
// While a reference exists, every bar emits a pending buy signal (reason "reference_candle.found")
// carrying the fields of pending_buy_signals:
//   referenceCandleHigh   = the reference's high (KRW, rounded to an integer),
//   referenceCandleTimeMs = the reference's open time,
//   targetPrice           = a point in its body: body_low + target_body_ratio × (body_high − body_low)
//                           (default 0.5: the body's midpoint (open + close) / 2), floored to a won
//                           and snapped DOWN to the KRX stock tick (Krx::snapDown: never above the
//                           computed level).
// The strategy does not wait for the price to reach the target: the signal says "buy at or below
// target_price", and the buy executor (or the backtest, as a limit order) does that.
// Values {rise_pct, volume, volume_avg, reference_high, target_price, bars_ago, close}.
class ReferenceCandleStrategy final : public Strategy
{
public:
    struct Params
    {
        int lookbackDays = 20; // "lookback_days", 1..250
        double minRisePct = 5.0; // "min_rise_pct", 0..100
        double volumeMultiplier = 3.0; // "volume_multiplier", 0..1000
        int volumeAvgDays = 20; // "volume_avg_days", 1..250
        double targetBodyRatio = 0.5; // "target_body_ratio", 0..1 (0 = body low, 0.5 = midpoint, 1 = body high)

        QJsonObject toJson() const;
        static Result<Params> fromJson(const QJsonObject &json);
        Status validate() const;
    };

    // A reference candle found in a history.
    struct Reference
    {
        Indicators::Bar candle;
        qsizetype barsAgo = 0; // 0 = the newest bar
        double risePct = 0.0; // against the previous close
        double volumeAverage = 0.0; // of the volume_avg_days candles before it
        qint64 targetPrice = 0; // on the tick; 0 when the body is below 1 KRW (then no signal)
    };

    static QString typeName();
    static QString description();
    static const QList<ParamSpec> &parameterSpecs();
    static Result<std::shared_ptr<const Strategy>> create(const QJsonObject &json);

    ReferenceCandleStrategy();
    explicit ReferenceCandleStrategy(const Params &params);
    const Params &params() const { return m_p; }

    QString type() const override { return typeName(); }
    QJsonObject parameters() const override { return m_p.toJson(); }
    qsizetype minimumBars() const override { return m_p.volumeAvgDays + 1; }
    std::unique_ptr<StrategyState> newState() const override;
    std::optional<Signal> onCandle(const CandleContext &ctx) const override;

    // For the condition monitor: the reference candle of a daily history (oldest first, the newest
    // last; pass today's forming candle only if it should count) and the signal for its newest
    // candle. Same code path as onCandle() over the history.
    std::optional<Reference> findReference(std::span<const Indicators::Bar> daily) const;
    std::optional<Reference> findReference(const QList<Candle> &daily) const;
    std::optional<Signal> evaluate(std::span<const Indicators::Bar> daily) const;
    std::optional<Signal> evaluate(const QList<Candle> &daily) const;

    // The target price for a reference candle under these parameters.
    qint64 targetPrice(const Indicators::Bar &candle) const;

private:
    std::optional<Reference> reference(const StrategyState &state) const;
    std::optional<Signal> signalFor(const Indicators::Bar &bar, const Reference &ref) const;

    Params m_p;
};

} // namespace Strategies
