// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "parameters.h"
#include "strategy.h"

namespace Strategies {

// Scalping (스캘핑) strategy, buy only, for the 30-second loop. It reads a stream of observations —
// Quotes (onQuote: price, the day's cumulative volume, best bid/ask) or bars (onCandle: close and
// the bar's volume) — and buys when, on observation t,
//   momentum:  (P_t − P_{t−k}) × 100 >= min_momentum_pct × P_{t−k}, P_{t−k} > 0
//              (the price rose at least x % over the last k = momentum_lookback observations;
//              P_t − P_{t−k} is Indicators::Momentum(k)),
//   volume:    V_t >= volume_multiplier × SMA_w(V)(t−1)
//              (this observation's volume — the increase of the cumulative volume since the previous
//              quote, or the bar's volume — is at least m times the simple average of the w =
//              volume_window observations before it),
//   spread:    ask − bid spans at most max_spread_ticks KRX ticks (counted along the tick ladder from
//              the bid), ask >= bid > 0. Bars carry no bid/ask, so on candles (the backtest) the
//              spread rule is not evaluated; a quote without a bid or ask (<= 0) does not fire.
// Thresholds inclusive (>=, <=). Reason "scalping.momentum_volume_surge", values {momentum_pct,
// price, price_ago, volume, volume_avg[, spread_ticks, bid, ask]}.
//
// Quotes: the first quote of the stream only sets the volume baseline; a cumulative volume below the
// previous one means a new trading day and restarts the stream (yesterday's observations are not
// mixed into today's). Feed one symbol's stream either as quotes or as bars, not both.
//
// Its own exits (exitRules()): take_profit_pct, stop_loss_pct and max_holding_sec replace the
// settings' stop-loss / take-profit for its positions.
class ScalpingStrategy final : public Strategy
{
public:
    struct Params
    {
        int momentumLookback = 5; // "momentum_lookback", 1..1000 observations
        double minMomentumPct = 0.5; // "min_momentum_pct", 0..100
        int volumeWindow = 10; // "volume_window", 1..1000 observations
        double volumeMultiplier = 2.0; // "volume_multiplier", 0..1000
        int maxSpreadTicks = 2; // "max_spread_ticks", 0..100
        double takeProfitPct = 1.0; // "take_profit_pct", 0.1..100
        double stopLossPct = 0.5; // "stop_loss_pct", 0.1..99
        int maxHoldingSec = 300; // "max_holding_sec", 1..86400

        QJsonObject toJson() const;
        static Result<Params> fromJson(const QJsonObject &json);
        Status validate() const;
    };

    static QString typeName();
    static QString description();
    static const QList<ParamSpec> &parameterSpecs();
    static Result<std::shared_ptr<const Strategy>> create(const QJsonObject &json);

    ScalpingStrategy();
    explicit ScalpingStrategy(const Params &params);
    const Params &params() const { return m_p; }

    QString type() const override { return typeName(); }
    QJsonObject parameters() const override { return m_p.toJson(); }
    qsizetype minimumBars() const override { return std::max(m_p.momentumLookback, m_p.volumeWindow) + 1; }
    std::unique_ptr<StrategyState> newState() const override;
    std::optional<Signal> onCandle(const CandleContext &ctx) const override;
    bool acceptsQuotes() const override { return true; }
    std::optional<Signal> onQuote(const Quote &quote, StrategyState &state) const override;
    std::optional<ExitRules> exitRules() const override;

    // Ticks between bid and ask along the KRX stock ladder (0 when equal); -1 when bid or ask is
    // not positive or ask < bid. Counting stops past `limit`.
    static int spreadTicks(qint64 bid, qint64 ask, int limit = 1000);

private:
    Params m_p;
};

} // namespace Strategies
