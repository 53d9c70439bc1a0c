// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chartdata.h"

#include "indicators/indicatorset.h"
#include "market/quote.h"

#include <QList>
#include <QLocale>
#include <QPointF>
#include <QWidget>

#include <array>
#include <vector>

class ChartPane;
class QFrame;
class QLabel;

// ChartView draws one stock's candles the way Korean traders read them (rising red, falling blue)
// in three panes that share one horizontal axis: price (candles with SMA/EMA/Bollinger overlays,
// fills, signals, condition hits, the reference candle (기준봉) and its target price line), volume
// bars, and one indicator (RSI, MACD, Chaikin, momentum or disparity). Every number it draws comes
// from core/indicators (IndicatorSet's batch lines); nothing is reimplemented here.
//
// The horizontal axis counts candles (index 0 = oldest), so nights, weekends and holidays leave no
// gaps. The panes paint with QPainter, only the visible candles: per-candle colours, indicator lines
// and marker positions are computed once per data change (recompute()), the value ranges once per
// view change (refresh()); a pane renders into a cached pixmap only when the view changed, and the
// crosshair is drawn over that pixmap, so moving the pointer never redraws the candles. When more
// candles than pixel columns are visible, each column draws one bar of their low..high (decimation).
// A chart of 10,000 candles therefore pans and zooms at the cost of the few hundred on screen
// (bench_chart).
// Input: wheel and +/- zoom (around the pointer / the right edge), drag and the arrow keys pan,
// Home/End jump to the oldest/newest; the crosshair follows the pointer and the read-out above the
// chart shows that candle's OHLCV and indicator values (the newest candle when the pointer is away).
// applyQuote() updates the newest candle from a realtime trade (or starts the next one).
// Numbers on the volume axis are short, in the widget's locale (350K / 1.2M; Korean: 350만 / 1.2억).
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
    enum class Pane
    {
        Price,
        Volume,
        Indicator,
    };
    QWidget *pane(Pane pane) const;
    // The candles drawn: [drawnFrom, drawnTo) (the visible ones).
    qsizetype drawnFrom() const { return m_drawFrom; }
    qsizetype drawnTo() const { return m_drawTo; }
    qsizetype drawnCount() const { return m_drawTo - m_drawFrom; }
    // The horizontal axis range in candle indices (a candle i spans i - 0.5 .. i + 0.5).
    double axisMin() const { return m_first - 0.5; }
    double axisMax() const { return m_first + m_count - 0.5; }
    // Names of the overlay and indicator lines that are shown and have points on screen.
    QStringList visibleOverlayLines() const;
    QStringList visibleIndicatorLines() const;
    // Marker positions (x = candle index, y = price) of a kind: all of them, not only the visible.
    const QList<QPointF> &markerPoints(ChartMarker::Kind kind) const { return m_markerPoints[size_t(kind)]; }
    int markerCount(ChartMarker::Kind kind) const;
    // The labels of a pane's value axis as drawn (the volume's are short: 350K, 1.2M / 350만, 1.2억).
    QStringList axisLabels(Pane pane) const;
    // How often a pane re-rendered its candles (not counting crosshair moves, which reuse the pixmap).
    int contentRenders(Pane pane) const;
    static QColor candleColor(const Candle &candle);
    // A short number in `locale`: 1.2M, 350K (English); 1.2억, 350만 (Korean).
    static QString shortNumber(double value, const QLocale &locale);
    // Renders the whole view (header and panes) into an image of the widget's size.
    QImage renderImage();

signals:
    void visibleRangeChanged(double first, double count);
    void crosshairMoved(int index);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    friend class ChartPane;

    struct Axis
    {
        double lo = 0.0;
        double hi = 1.0;
        QList<double> ticks;
        QStringList labels;
    };

    void buildPanes();
    void recompute(); // indicator lines, candle colours and marker points from m_data
    void mapMarkers();
    void refresh(); // drawn range, value axes, labels, repaint
    void updateAxes();
    void updateTimeLabels();
    void updateReadout();
    void placeOverlay();
    void invalidatePanes();
    double clampFirst(double first, double count) const;
    double maxCount() const;
    QString timeText(qint64 timeMs) const;
    Axis makeAxis(double lo, double hi, int ticks, Pane pane) const;

    ChartData m_data;
    Overlays m_overlays = Overlays(Sma) | Bollinger;
    ChartIndicator m_indicator = ChartIndicator::Rsi;
    Indicators::IndicatorSet::Params m_params;
    Indicators::IndicatorLines m_lines;
    std::vector<quint8> m_colours; // per candle: 0 rise, 1 fall, 2 flat
    std::array<QList<QPointF>, 6> m_markerPoints; // per ChartMarker::Kind, x = candle index
    qsizetype m_referenceIndex = -1; // the target line starts here
    qint64 m_lastCumVolume = -1;
    qint64 m_lastQuoteDay = 0;

    double m_first = 0.0;
    double m_count = 120.0;
    qsizetype m_drawFrom = 0;
    qsizetype m_drawTo = 0;
    int m_crossIndex = -1;
    double m_crossPrice = 0.0;
    bool m_loading = false;
    Axis m_priceAxis;
    Axis m_volumeAxis;
    Axis m_indicatorAxis;

    QLabel *m_title = nullptr;
    QLabel *m_readout = nullptr;
    QFrame *m_overlay = nullptr;
    QLabel *m_overlayText = nullptr;
    QWidget *m_busy = nullptr;
    ChartPane *m_pricePane = nullptr;
    ChartPane *m_volumePane = nullptr;
    ChartPane *m_indicatorPane = nullptr;
    QList<QPair<double, QString>> m_timeLabels; // candle index, text (drawn by the panes)
};

Q_DECLARE_OPERATORS_FOR_FLAGS(ChartView::Overlays)
