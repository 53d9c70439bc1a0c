// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "market/candle.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

class CoreGateway;

// What the chart can show in its indicator pane (below the volume bars).
enum class ChartIndicator
{
    None,
    Rsi,
    Macd,
    Chaikin,
    Momentum,
    Disparity,
};

namespace ChartText {
// "none", "rsi", "macd", "chaikin", "momentum", "disparity" (the control API's query values).
QString indicatorName(ChartIndicator indicator);
std::optional<ChartIndicator> indicatorFromName(const QString &name);
// The chart's intervals: 1/5/15/60-minute and daily ("1m", "5m", "15m", "60m", "1d").
QList<CandleInterval> intervals();
} // namespace ChartText

// A mark on a candle: a fill, a signal, a condition hit (조건검색 편입) or the reference candle (기준봉).
struct ChartMarker
{
    enum class Kind
    {
        Buy, // a buy fill (price = fill price)
        Sell, // a sell fill
        BuySignal, // a strategy's or condition's buy signal (price = the candle's close or the signal price)
        SellSignal,
        ConditionHit, // the stock entered a condition (price: the candle's low)
        Reference, // the reference candle (price: its high)
    };
    Kind kind = Kind::Buy;
    qint64 timeMs = 0; // UTC epoch ms; the chart puts it on the candle that contains it
    double price = 0.0; // 0 = place it on the candle (low for hits, close for signals)
    QString text; // tool tip: "Buy 10 @ 71,200 (condition)"

    bool operator==(const ChartMarker &) const = default;
};

// Everything one chart shows, as plain values (built on the core thread, drawn on the GUI thread).
struct ChartData
{
    QString code;
    QString name;
    CandleInterval interval = CandleInterval::Day;
    QList<Candle> candles; // oldest first
    QList<ChartMarker> markers;
    // The reference candle strategy's target price (매수 목표가) for this stock, when it has one.
    std::optional<qint64> targetPrice;
    qint64 referenceTimeMs = 0;
    // /chart/strategy: the strategy's stored parameters (empty = its defaults).
    QString strategyType;
    QJsonObject strategyParameters;
};

// ChartDataLoader loads a ChartData without blocking the GUI thread: the candles come from the
// engine's CandleCache on the core thread (which fetches from the broker, ka10080/ka10081, only what
// the candles table lacks), the markers from the orders, signals and condition tables there too.
// Contract: `done` is called exactly once, later, on the loader's (GUI) thread, unless the loader
// is destroyed first. Errors: "command.not_ready" (no engine yet), "chart.invalid" (bad code or
// count), the market's ("kiwoom.<kind>") and storage errors.
// Threading: lives on the GUI thread; its functions run on the core's through the gateway.
class ChartDataLoader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartDataLoader)

public:
    struct Query
    {
        QString code;
        CandleInterval interval = CandleInterval::Day;
        int count = 300; // bars, 1..5000
        bool watch = false; // also subscribe the stock's realtime trades (the dock)
        QString strategyType; // also read this strategy's stored parameters and its signals only
    };
    using Done = std::function<void(const Result<ChartData> &)>;

    explicit ChartDataLoader(CoreGateway *gateway, QObject *parent = nullptr);
    ~ChartDataLoader() override;

    void load(const Query &query, Done done);
    // Only the markers (and the target price) of a stock from fromMs on: after new orders or signals.
    void loadMarkers(const Query &query, qint64 fromMs, Done done);

    static bool isValidCode(const QString &code);
    // Owner name of the QuoteBook subscription the dock makes.
    static QString quoteOwner() { return QStringLiteral("ui.chart"); }

private:
    CoreGateway *m_gateway;
};

// Candle arithmetic the chart view shares with the live update and the tests.
namespace ChartMath {
// The open time of the bar of `interval` that contains timeMs (daily: 00:00 UTC = 09:00 KST).
qint64 bucketStart(qint64 timeMs, CandleInterval interval);
// The index of the candle containing timeMs (the last candle whose open <= timeMs), -1 if before the first.
qsizetype indexAt(const QList<Candle> &candles, qint64 timeMs);
} // namespace ChartMath
