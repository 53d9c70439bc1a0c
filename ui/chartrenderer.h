// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chartdata.h"
#include "chartview.h"

#include "common/result.h"

#include <QByteArray>
#include <QImage>
#include <QObject>
#include <QSize>
#include <QUrlQuery>

#include <functional>

// What a chart PNG shows: GET /api/v1/chart/image/{code} (candles, overlays, an indicator, trade
// markers) or GET /api/v1/chart/strategy/{code}/{type} (that strategy's indicator and signals).
struct ChartImageRequest
{
    QString code;
    CandleInterval interval = CandleInterval::Day;
    QSize size { 1200, 800 };
    int count = 200; // candles shown (the newest)
    ChartIndicator indicator = ChartIndicator::Rsi;
    ChartView::Overlays overlays = ChartView::Overlays(ChartView::Sma) | ChartView::Bollinger;
    QString strategyType; // empty: the plain chart
};

// ChartRenderer renders the Chart dock's ChartView offscreen to PNG: the same drawing as on screen,
// for the control API's chart routes and for docs. It loads the data through ChartDataLoader (the
// core thread; never blocks) and draws on its own (GUI) thread, in a widget that is never shown on
// screen, so it also works headless on the "offscreen" platform.
// For a strategy chart it shows the indicator that strategy reads, with the periods of its stored
// parameters (the defaults when it has none), and the signals it gives over the shown candles
// (Strategies::SymbolRunner, decided on close), beside the signals the engine stored.
// Errors: the loader's, "chart.invalid" (a bad parameter; the message names it; HTTP 422) and
// "strategy.unknown" (HTTP 404). `done` runs once, later, on the renderer's thread.
// Threading: the GUI thread (it creates widgets); callers elsewhere post to it.
class ChartRenderer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartRenderer)

public:
    using Done = std::function<void(const Result<QByteArray> &png)>;

    explicit ChartRenderer(CoreGateway *gateway, QObject *parent = nullptr);
    ~ChartRenderer() override;

    void render(const ChartImageRequest &request, Done done);

    // The routes' parameters: interval (1m|5m|15m|60m|1d), width (200-4000), height (150-3000),
    // count (20-2000), indicator (none|rsi|macd|chaikin|momentum|disparity), overlays (sma,ema,bb
    // or none). Strategy charts default to the interval the strategy trades on (reference_candle:
    // daily, the others: 5-minute) and to its own indicator.
    static Result<ChartImageRequest> parseImageRequest(const QString &code, const QUrlQuery &query);
    static Result<ChartImageRequest> parseStrategyRequest(
        const QString &code, const QString &strategyType, const QUrlQuery &query);

    // Draws loaded data as the request says (synchronously; tests and the bench call it directly).
    static Result<QImage> renderImage(const ChartData &data, const ChartImageRequest &request);
    static QByteArray toPng(const QImage &image);

    qint64 rendered() const { return m_rendered; }

private:
    ChartDataLoader *m_loader;
    qint64 m_rendered = 0;
};
