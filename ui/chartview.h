// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chartdata.h"

#include "indicators/indicatorset.h"
#include "market/quote.h"

#include <QHash>
#include <QList>
#include <QPointF>
#include <QWidget>

#include <array>

class ChartPane;
class QCandlestickSeries;
class QChart;
class QFrame;
class QLabel;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

// ChartView draws one stock's candles the way Korean traders read them (rising red, falling blue)
// in three panes that share one horizontal axis: price (QCandlestickSeries with SMA/EMA/Bollinger
// overlays, fills, signals, condition hits, the reference candle (기준봉) and its target price line),
// volume bars, and one indicator (RSI, MACD, Chaikin, momentum or disparity). Every number it draws
// comes from core/indicators (IndicatorSet's batch lines); nothing is reimplemented here.
//
// The horizontal axis counts candles (index 0 = oldest), so nights, weekends and holidays leave no
// gaps. Only the candles around the visible window are put into the series (a window of up to three
// times the visible count), so a chart of 10,000 candles pans and zooms at the cost of the few
// hundred on screen (bench_chart).
// Input: wheel and +/- zoom (around the pointer / the right edge), drag and the arrow keys pan,
// Home/End jump to the oldest/newest; the crosshair follows the pointer and the read-out above the
// chart shows that candle's OHLCV and indicator values (the newest candle when the pointer is away).
// applyQuote() updates the newest candle from a realtime trade (or starts the next one).
// It holds plain values (ChartData) and never talks to the core. Threading: the GUI thread.
class ChartView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartView)

public:
    enum Overlay
    {
        NoOverlay = 0,
        Sma = 1,
        Ema = 2,
        Bollinger = 4,
    };
    Q_DECLARE_FLAGS(Overlays, Overlay)

    explicit ChartView(QWidget *parent = nullptr);
    ~ChartView() override;

    // Replaces everything and shows the newest candles.
    void setData(const ChartData &data);
    const ChartData &data() const { return m_data; }
    void clear();
    // Replaces the markers (and the target price) and keeps the candles and the view.
    void setMarkers(const QList<ChartMarker> &markers, std::optional<qint64> targetPrice, qint64 referenceTimeMs);

    void setOverlays(Overlays overlays);
    Overlays overlays() const { return m_overlays; }
    void setIndicator(ChartIndicator indicator);
    ChartIndicator indicator() const { return m_indicator; }
    void setIndicatorParams(const Indicators::IndicatorSet::Params &params);

    // A realtime trade of the shown stock: revises the newest candle, or starts the next one when the
    // trade falls into a later bar. False when nothing changed (another stock, an older time).
    bool applyQuote(const Quote &quote);

    // A busy indicator over the chart while history loads; a message (an error) when not loading.
    void setLoading(bool loading, const QString &text = QString());
    bool isLoading() const { return m_loading; }
    void setMessage(const QString &text);
    QString message() const;

    // The visible window in candle indices: [first, first + count).
    double firstVisible() const { return m_first; }
    double visibleCount() const { return m_count; }
    void setVisibleRange(double first, double count);
    void zoomBy(double factor, double anchor = 1.0); // factor < 1 zooms in; anchor: 0 = left, 1 = right
    void zoomIn();
    void zoomOut();
    void panBy(double candles);
    void scrollToLatest();

    // The candle under the crosshair (-1: none; the read-out then shows the newest).
    void setCrosshair(int index, double price = 0.0);
    int crosshairIndex() const { return m_crossIndex; }
    QString readoutText() const;
    QString titleText() const;

    // For tests and the renderer.
    QChart *priceChart() const;
    QChart *volumeChart() const;
    QChart *indicatorChart() const;
    QCandlestickSeries *candleSeries() const { return m_candles; }
    QCandlestickSeries *volumeSeries() const { return m_volume; }
    // Overlay and indicator lines that are shown and have points.
    QList<QLineSeries *> visibleOverlayLines() const;
    QList<QLineSeries *> visibleIndicatorLines() const;
    QScatterSeries *markerSeries(ChartMarker::Kind kind) const;
    // Markers that fall on a candle (all of them, not only the visible ones).
    int markerCount(ChartMarker::Kind kind) const;
    QValueAxis *horizontalAxis() const;
    QLineSeries *targetLine() const { return m_target; }
    // Renders the whole view (header and panes) into an image of the widget's size.
    QImage renderImage();

signals:
    void visibleRangeChanged(double first, double count);
    void crosshairMoved(int index);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    friend class ChartPane;

    void buildPanes();
    void recompute(); // indicator lines and marker points from m_data
    void mapMarkers();
    void refresh(bool force); // window, series, axes
    void fillWindow(qsizetype from, qsizetype to);
    void updateAxes();
    void updateTimeLabels();
    void updateReadout();
    void placeOverlay();
    double clampFirst(double first, double count) const;
    double maxCount() const;
    QString timeText(qint64 timeMs) const;

    ChartData m_data;
    Overlays m_overlays = Overlays(Sma) | Bollinger;
    ChartIndicator m_indicator = ChartIndicator::Rsi;
    Indicators::IndicatorSet::Params m_params;
    Indicators::IndicatorLines m_lines;
    std::array<QList<QPointF>, 6> m_markerPoints; // per ChartMarker::Kind, x = candle index
    qint64 m_lastCumVolume = -1;
    qint64 m_lastQuoteDay = 0;

    double m_first = 0.0;
    double m_count = 120.0;
    qsizetype m_winFrom = 0; // candles in the series: [m_winFrom, m_winTo)
    qsizetype m_winTo = 0;
    bool m_windowDirty = true;
    int m_crossIndex = -1;
    double m_crossPrice = 0.0;
    bool m_loading = false;

    QLabel *m_title = nullptr;
    QLabel *m_readout = nullptr;
    QFrame *m_overlay = nullptr;
    QLabel *m_overlayText = nullptr;
    QWidget *m_busy = nullptr;
    ChartPane *m_pricePane = nullptr;
    ChartPane *m_volumePane = nullptr;
    ChartPane *m_indicatorPane = nullptr;

    QCandlestickSeries *m_candles = nullptr;
    QCandlestickSeries *m_volume = nullptr;
    QCandlestickSeries *m_histogram = nullptr;
    QLineSeries *m_sma = nullptr;
    QLineSeries *m_ema = nullptr;
    QLineSeries *m_bbUpper = nullptr;
    QLineSeries *m_bbMiddle = nullptr;
    QLineSeries *m_bbLower = nullptr;
    QLineSeries *m_target = nullptr;
    QLineSeries *m_ind1 = nullptr;
    QLineSeries *m_ind2 = nullptr;
    QLineSeries *m_levelHigh = nullptr;
    QLineSeries *m_levelLow = nullptr;
    std::array<QScatterSeries *, 6> m_marks {};
    QValueAxis *m_priceY = nullptr;
    QValueAxis *m_volumeY = nullptr;
    QValueAxis *m_indicatorY = nullptr;
    std::array<QValueAxis *, 3> m_x {};
    QList<QPair<double, QString>> m_timeLabels; // candle index, text (drawn by the panes)
};

Q_DECLARE_OPERATORS_FOR_FLAGS(ChartView::Overlays)
