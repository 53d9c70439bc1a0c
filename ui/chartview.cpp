// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartview.h"

#include <QCandlestickSeries>
#include <QCandlestickSet>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QFrame>
#include <QGraphicsLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QMouseEvent>
#include <QProgressBar>
#include <QScatterSeries>
#include <QTimeZone>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace {

constexpr double MIN_COUNT = 10.0;
constexpr double MAX_DEFAULT_COUNT = 150.0;
constexpr int PLOT_LEFT = 6;
constexpr int PLOT_RIGHT = 74; // the value axis on the right, as in Korean HTS charts
constexpr int PLOT_TOP = 6;
constexpr int PLOT_BOTTOM = 6;
constexpr int PLOT_BOTTOM_LABELS = 26;

// Korean convention: rising red, falling blue, unchanged grey.
const QColor RISE(0xd3, 0x2f, 0x2f);
const QColor FALL(0x15, 0x65, 0xc0);
const QColor FLAT(0x61, 0x61, 0x61);

QColor candleColor(const Candle &c)
{
    return c.close > c.open ? RISE : c.close < c.open ? FALL : FLAT;
}

QString number(double v, int decimals = 0)
{
    return QLocale(QLocale::English).toString(v, 'f', decimals);
}

QChart *newChart()
{
    auto *chart = new QChart();
    chart->legend()->hide();
    chart->setMargins(QMargins(0, 0, 0, 0));
    chart->setBackgroundRoundness(0);
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->setBackgroundVisible(false); // the pane draws the background and the time grid
    chart->setAnimationOptions(QChart::NoAnimation);
    return chart;
}

// The horizontal axis counts candles; the panes draw its time labels and grid themselves (the
// candlestick series accepts no QCategoryAxis).
QValueAxis *newTimeAxis()
{
    auto *axis = new QValueAxis();
    axis->setLabelsVisible(false);
    axis->setGridLineVisible(false);
    axis->setLineVisible(false);
    return axis;
}

QValueAxis *newValueAxis(int ticks, const QString &format)
{
    auto *axis = new QValueAxis();
    axis->setTickCount(ticks);
    axis->setLabelFormat(format);
    axis->setGridLineColor(QColor(0xee, 0xee, 0xee));
    axis->setLinePen(QPen(QColor(0xbd, 0xbd, 0xbd)));
    QFont f = axis->labelsFont();
    f.setPointSizeF(8);
    axis->setLabelsFont(f);
    return axis;
}

QLineSeries *newLine(const QColor &color, qreal width = 1.2, Qt::PenStyle style = Qt::SolidLine)
{
    auto *line = new QLineSeries();
    QPen pen(color, width, style);
    line->setPen(pen);
    return line;
}

QScatterSeries *newMarks(QScatterSeries::MarkerShape shape, const QColor &color, qreal size)
{
    auto *s = new QScatterSeries();
    s->setMarkerShape(shape);
    s->setMarkerSize(size);
    s->setColor(color);
    s->setBorderColor(color.darker(140));
    return s;
}

QCandlestickSeries *newCandles()
{
    auto *s = new QCandlestickSeries();
    s->setBodyWidth(0.7);
    s->setCapsVisible(false);
    s->setMinimumColumnWidth(1.0);
    s->setMaximumColumnWidth(40.0);
    s->setBodyOutlineVisible(true);
    s->setIncreasingColor(RISE);
    s->setDecreasingColor(FALL);
    return s;
}

struct SetSpec
{
    double open;
    double high;
    double low;
    double close;
    double time;
    QColor color;
};

// Brings a candlestick series to `specs`, reusing its sets when the count matches: a pan or a
// live revision then changes a few values instead of rebuilding every graphics item.
void syncSets(QCandlestickSeries *series, const std::vector<SetSpec> &specs)
{
    const QList<QCandlestickSet *> sets = series->sets();
    auto same = [](const QCandlestickSet *set, const SetSpec &p) {
        return set->timestamp() == p.time && set->open() == p.open && set->high() == p.high && set->low() == p.low
            && set->close() == p.close && set->brush().color() == p.color;
    };
    // Every changed value re-lays the whole series out, so reuse pays only for a few changed sets
    // (a live revision of the newest candle); a pan or zoom rebuilds.
    int changed = 0;
    if (sets.size() == qsizetype(specs.size())) {
        for (qsizetype i = 0; i < sets.size() && changed <= 2; ++i)
            changed += same(sets.at(i), specs[size_t(i)]) ? 0 : 1;
    }
    if (sets.size() != qsizetype(specs.size()) || changed > 2) {
        QList<QCandlestickSet *> fresh;
        fresh.reserve(qsizetype(specs.size()));
        for (const SetSpec &p : specs) {
            auto *set = new QCandlestickSet(p.open, p.high, p.low, p.close, p.time);
            set->setPen(QPen(p.color, 1));
            set->setBrush(p.color);
            fresh << set;
        }
        series->clear();
        if (!fresh.isEmpty())
            series->append(fresh);
        return;
    }
    for (qsizetype i = 0; i < sets.size(); ++i) {
        QCandlestickSet *set = sets.at(i);
        const SetSpec &p = specs[size_t(i)];
        if (same(set, p))
            continue;
        if (set->timestamp() != p.time)
            set->setTimestamp(p.time);
        if (set->high() != p.high)
            set->setHigh(p.high);
        if (set->low() != p.low)
            set->setLow(p.low);
        if (set->open() != p.open)
            set->setOpen(p.open);
        if (set->close() != p.close)
            set->setClose(p.close);
        if (set->brush().color() != p.color) {
            set->setPen(QPen(p.color, 1));
            set->setBrush(p.color);
        }
    }
}

} // namespace

// One pane: a QChartView whose plot area is pinned to the same left and right edges as its
// siblings, so the three panes line up candle for candle; it forwards the pointer to the ChartView
// (zoom, pan, crosshair) and draws the crosshair over the chart.
class ChartPane final : public QChartView
{
public:
    ChartPane(ChartView *owner, QChart *chart) : QChartView(chart, owner), m_owner(owner)
    {
        setRenderHint(QPainter::Antialiasing, false);
        setFocusPolicy(Qt::NoFocus);
        setMouseTracking(true);
        setFrameShape(QFrame::NoFrame);
        setRubberBand(QChartView::NoRubberBand);
        setViewportUpdateMode(QGraphicsView::FullViewportUpdate);
    }

    void setTimeAxis(bool on)
    {
        m_timeAxis = on;
        layoutPlot();
    }
    bool timeAxis() const { return m_timeAxis; }

    void layoutPlot()
    {
        const QSizeF s = chart()->size();
        const qreal bottom = m_timeAxis ? PLOT_BOTTOM_LABELS : PLOT_BOTTOM;
        chart()->setPlotArea(QRectF(PLOT_LEFT, PLOT_TOP, std::max<qreal>(10, s.width() - PLOT_LEFT - PLOT_RIGHT),
            std::max<qreal>(10, s.height() - PLOT_TOP - bottom)));
    }

    double candleAt(const QPointF &pos) const
    {
        const QRectF plot = chart()->plotArea();
        return m_owner->m_first - 0.5 + (pos.x() - plot.left()) / plot.width() * m_owner->m_count;
    }

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        QChartView::resizeEvent(event);
        layoutPlot();
    }

    void wheelEvent(QWheelEvent *event) override
    {
        const QRectF plot = chart()->plotArea();
        const double anchor = std::clamp((event->position().x() - plot.left()) / plot.width(), 0.0, 1.0);
        const int delta = event->angleDelta().y();
        if (delta != 0)
            m_owner->zoomBy(delta > 0 ? 0.8 : 1.25, anchor);
        event->accept();
    }

    void mousePressEvent(QMouseEvent *event) override
    {
        m_owner->setFocus(Qt::MouseFocusReason);
        if (event->button() == Qt::LeftButton) {
            m_dragX = event->position().x();
            m_dragFirst = m_owner->m_first;
            m_dragging = true;
            setCursor(Qt::ClosedHandCursor);
        }
        event->accept();
    }

    void mouseMoveEvent(QMouseEvent *event) override
    {
        const QPointF pos = event->position();
        if (m_dragging && (event->buttons() & Qt::LeftButton)) {
            const QRectF plot = chart()->plotArea();
            const double candles = -(pos.x() - m_dragX) / plot.width() * m_owner->m_count;
            m_owner->setVisibleRange(m_dragFirst + candles, m_owner->m_count);
        }
        const QRectF plot = chart()->plotArea();
        if (plot.contains(pos)) {
            m_hoverY = pos.y();
            const QPointF value = chart()->mapToValue(pos, chart()->series().value(0));
            m_owner->setCrosshair(int(std::lround(candleAt(pos) + 0.0)), value.y());
        } else {
            m_hoverY = -1;
            m_owner->setCrosshair(-1);
        }
        event->accept();
    }

    void mouseReleaseEvent(QMouseEvent *event) override
    {
        m_dragging = false;
        unsetCursor();
        event->accept();
    }

    void leaveEvent(QEvent *event) override
    {
        m_hoverY = -1;
        m_owner->setCrosshair(-1);
        QChartView::leaveEvent(event);
    }

    double xOf(double index) const
    {
        const QRectF plot = chart()->plotArea();
        return plot.left() + (index - (m_owner->m_first - 0.5)) / m_owner->m_count * plot.width();
    }

    void drawBackground(QPainter *painter, const QRectF &rect) override
    {
        painter->fillRect(rect, Qt::white);
        const QRectF plot = chart()->plotArea();
        painter->save();
        painter->setPen(QPen(QColor(0xee, 0xee, 0xee), 1));
        for (const auto &label : std::as_const(m_owner->m_timeLabels)) {
            const double x = xOf(label.first);
            if (x >= plot.left() && x <= plot.right())
                painter->drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        }
        painter->setPen(QPen(QColor(0xbd, 0xbd, 0xbd), 1));
        painter->drawRect(plot);
        painter->restore();
    }

    void drawForeground(QPainter *painter, const QRectF &rect) override
    {
        QChartView::drawForeground(painter, rect);
        if (m_timeAxis) {
            const QRectF plot = chart()->plotArea();
            painter->save();
            QFont f = font();
            f.setPointSizeF(8);
            painter->setFont(f);
            painter->setPen(QColor(0x42, 0x42, 0x42));
            for (const auto &label : std::as_const(m_owner->m_timeLabels)) {
                const double x = xOf(label.first);
                if (x < plot.left() || x > plot.right())
                    continue;
                painter->drawText(QRectF(x - 60, plot.bottom() + 3, 120, PLOT_BOTTOM_LABELS - 4),
                    Qt::AlignHCenter | Qt::AlignTop, label.second);
            }
            painter->restore();
        }
        const int index = m_owner->m_crossIndex;
        if (index < 0)
            return;
        const QRectF plot = chart()->plotArea();
        const double x = xOf(index);
        painter->save();
        painter->setPen(QPen(QColor(0x42, 0x42, 0x42), 1, Qt::DashLine));
        if (x >= plot.left() && x <= plot.right())
            painter->drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        if (m_hoverY >= plot.top() && m_hoverY <= plot.bottom()) {
            painter->drawLine(QPointF(plot.left(), m_hoverY), QPointF(plot.right(), m_hoverY));
            const QPointF value = chart()->mapToValue(QPointF(plot.left(), m_hoverY), chart()->series().value(0));
            const QString text = number(value.y(), std::abs(value.y()) < 1000 ? 2 : 0);
            const QRectF box(plot.right() + 1, m_hoverY - 8, PLOT_RIGHT - 2, 16);
            painter->fillRect(box, QColor(0x42, 0x42, 0x42));
            painter->setPen(Qt::white);
            painter->drawText(box, Qt::AlignCenter, text);
        }
        painter->restore();
    }

private:
    ChartView *m_owner;
    bool m_timeAxis = false;
    bool m_dragging = false;
    double m_dragX = 0.0;
    double m_dragFirst = 0.0;
    double m_hoverY = -1;
};

ChartView::ChartView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("chartView"));
    setAccessibleName(tr("Candle chart"));
    setAccessibleDescription(tr("Candles with volume and an indicator. Plus and minus zoom, the arrow keys pan, "
                                "Home and End jump to the oldest and the newest candle."));
    setFocusPolicy(Qt::StrongFocus);
    setAutoFillBackground(true);
    QPalette pal = palette();
    pal.setColor(QPalette::Window, Qt::white);
    setPalette(pal);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto *header = new QHBoxLayout();
    header->setContentsMargins(6, 2, 6, 2);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("chartTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_readout = new QLabel(this);
    m_readout->setObjectName(QStringLiteral("chartReadout"));
    m_readout->setAccessibleName(tr("Candle read-out"));
    m_readout->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A long read-out is cut at the window's edge; it never widens the chart.
    m_readout->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_readout->setMinimumWidth(40);
    header->addWidget(m_title);
    header->addSpacing(12);
    header->addWidget(m_readout, 1);
    layout->addLayout(header);

    buildPanes();
    layout->addWidget(m_pricePane, 6);
    layout->addWidget(m_volumePane, 2);
    layout->addWidget(m_indicatorPane, 2);

    m_overlay = new QFrame(this);
    m_overlay->setObjectName(QStringLiteral("chartLoading"));
    m_overlay->setFrameShape(QFrame::StyledPanel);
    m_overlay->setAutoFillBackground(true);
    auto *overlayLayout = new QVBoxLayout(m_overlay);
    m_overlayText = new QLabel(m_overlay);
    m_overlayText->setObjectName(QStringLiteral("chartLoadingText"));
    m_overlayText->setAlignment(Qt::AlignCenter);
    m_overlayText->setWordWrap(true);
    auto *busy = new QProgressBar(m_overlay);
    busy->setObjectName(QStringLiteral("chartLoadingProgress"));
    busy->setAccessibleName(tr("Loading the chart"));
    busy->setRange(0, 0);
    busy->setTextVisible(false);
    m_busy = busy;
    overlayLayout->addWidget(m_overlayText);
    overlayLayout->addWidget(busy);
    m_overlay->hide();

    setIndicator(m_indicator);
    refresh(true);
}

ChartView::~ChartView() = default;

void ChartView::buildPanes()
{
    QChart *price = newChart();
    QChart *volume = newChart();
    QChart *indicator = newChart();
    for (int i = 0; i < 3; ++i)
        m_x[size_t(i)] = newTimeAxis();

    m_candles = newCandles();
    m_candles->setName(tr("Candles"));
    m_sma = newLine(QColor(0xef, 0x6c, 0x00));
    m_ema = newLine(QColor(0x8e, 0x24, 0xaa));
    m_bbUpper = newLine(QColor(0x00, 0x89, 0x7b), 1.0);
    m_bbMiddle = newLine(QColor(0x00, 0x89, 0x7b), 1.0, Qt::DashLine);
    m_bbLower = newLine(QColor(0x00, 0x89, 0x7b), 1.0);
    m_target = newLine(QColor(0xf9, 0xa8, 0x25), 1.6, Qt::DashLine);
    m_target->setName(tr("Target price"));
    using K = ChartMarker::Kind;
    m_marks[size_t(K::Buy)] = newMarks(QScatterSeries::MarkerShapeTriangle, RISE, 13);
    m_marks[size_t(K::Sell)] = newMarks(QScatterSeries::MarkerShapeTriangle, FALL, 13);
    m_marks[size_t(K::BuySignal)] = newMarks(QScatterSeries::MarkerShapeStar, QColor(0xff, 0x8f, 0x00), 14);
    m_marks[size_t(K::SellSignal)] = newMarks(QScatterSeries::MarkerShapeStar, QColor(0x00, 0x83, 0x8f), 14);
    m_marks[size_t(K::ConditionHit)] = newMarks(QScatterSeries::MarkerShapeCircle, QColor(0x7b, 0x1f, 0xa2), 9);
    m_marks[size_t(K::Reference)] = newMarks(QScatterSeries::MarkerShapeRotatedRectangle, QColor(0xf9, 0xa8, 0x25), 15);
    m_marks[size_t(K::Buy)]->setName(tr("Buys"));
    m_marks[size_t(K::Sell)]->setName(tr("Sells"));
    m_marks[size_t(K::BuySignal)]->setName(tr("Buy signals"));
    m_marks[size_t(K::SellSignal)]->setName(tr("Sell signals"));
    m_marks[size_t(K::ConditionHit)]->setName(tr("Condition hits"));
    m_marks[size_t(K::Reference)]->setName(tr("Reference candle"));

    m_priceY = newValueAxis(6, QStringLiteral("%.0f"));
    price->addAxis(m_x[0], Qt::AlignBottom);
    price->addAxis(m_priceY, Qt::AlignRight);
    QList<QAbstractSeries *> priceSeries { m_candles, m_sma, m_ema, m_bbUpper, m_bbMiddle, m_bbLower, m_target };
    for (QScatterSeries *s : m_marks)
        priceSeries << s;
    for (QAbstractSeries *s : priceSeries) {
        price->addSeries(s);
        s->attachAxis(m_x[0]);
        s->attachAxis(m_priceY);
    }

    m_volume = newCandles();
    m_volume->setName(tr("Volume"));
    m_volumeY = newValueAxis(3, QStringLiteral("%.0f"));
    volume->addAxis(m_x[1], Qt::AlignBottom);
    volume->addAxis(m_volumeY, Qt::AlignRight);
    volume->addSeries(m_volume);
    m_volume->attachAxis(m_x[1]);
    m_volume->attachAxis(m_volumeY);

    m_ind1 = newLine(QColor(0xc6, 0x28, 0x28), 1.3);
    m_ind2 = newLine(QColor(0x15, 0x65, 0xc0), 1.1);
    m_levelHigh = newLine(QColor(0x9e, 0x9e, 0x9e), 1.0, Qt::DotLine);
    m_levelLow = newLine(QColor(0x9e, 0x9e, 0x9e), 1.0, Qt::DotLine);
    m_histogram = newCandles();
    m_indicatorY = newValueAxis(3, QStringLiteral("%.1f"));
    indicator->addAxis(m_x[2], Qt::AlignBottom);
    indicator->addAxis(m_indicatorY, Qt::AlignRight);
    for (QAbstractSeries *s :
        std::initializer_list<QAbstractSeries *> { m_ind1, m_histogram, m_ind2, m_levelHigh, m_levelLow }) {
        indicator->addSeries(s);
        s->attachAxis(m_x[2]);
        s->attachAxis(m_indicatorY);
    }

    m_pricePane = new ChartPane(this, price);
    m_pricePane->setObjectName(QStringLiteral("chartPricePane"));
    m_pricePane->setAccessibleName(tr("Price"));
    m_volumePane = new ChartPane(this, volume);
    m_volumePane->setObjectName(QStringLiteral("chartVolumePane"));
    m_volumePane->setAccessibleName(tr("Volume"));
    m_indicatorPane = new ChartPane(this, indicator);
    m_indicatorPane->setObjectName(QStringLiteral("chartIndicatorPane"));
    m_indicatorPane->setAccessibleName(tr("Indicator"));
}

QChart *ChartView::priceChart() const
{
    return m_pricePane->chart();
}

QChart *ChartView::volumeChart() const
{
    return m_volumePane->chart();
}

QChart *ChartView::indicatorChart() const
{
    return m_indicatorPane->chart();
}

QValueAxis *ChartView::horizontalAxis() const
{
    return m_x[0];
}

QScatterSeries *ChartView::markerSeries(ChartMarker::Kind kind) const
{
    return m_marks[size_t(kind)];
}

int ChartView::markerCount(ChartMarker::Kind kind) const
{
    return int(m_markerPoints[size_t(kind)].size());
}

QList<QLineSeries *> ChartView::visibleOverlayLines() const
{
    QList<QLineSeries *> out;
    for (QLineSeries *s : { m_sma, m_ema, m_bbUpper, m_bbMiddle, m_bbLower, m_target }) {
        if (s->isVisible() && s->count() > 0)
            out << s;
    }
    return out;
}

QList<QLineSeries *> ChartView::visibleIndicatorLines() const
{
    QList<QLineSeries *> out;
    if (!m_indicatorPane->isVisible())
        return out;
    for (QLineSeries *s : { m_ind1, m_ind2 }) {
        if (s->isVisible() && s->count() > 0)
            out << s;
    }
    return out;
}

void ChartView::clear()
{
    setData(ChartData {});
}

void ChartView::setData(const ChartData &data)
{
    m_data = data;
    m_lastCumVolume = -1;
    m_lastQuoteDay = 0;
    m_crossIndex = -1;
    recompute();
    const double n = double(m_data.candles.size());
    m_count = std::clamp(n + 2.0, MIN_COUNT, MAX_DEFAULT_COUNT);
    m_first = clampFirst(n - m_count + 2.0, m_count);
    m_windowDirty = true;
    m_title->setText(titleText());
    refresh(true);
    emit visibleRangeChanged(m_first, m_count);
}

void ChartView::setMarkers(const QList<ChartMarker> &markers, std::optional<qint64> targetPrice, qint64 referenceTimeMs)
{
    m_data.markers = markers;
    m_data.targetPrice = targetPrice;
    m_data.referenceTimeMs = referenceTimeMs;
    mapMarkers();
    m_windowDirty = true;
    refresh(true);
}

void ChartView::setOverlays(Overlays overlays)
{
    if (overlays == m_overlays)
        return;
    m_overlays = overlays;
    m_windowDirty = true;
    refresh(true);
}

void ChartView::setIndicator(ChartIndicator indicator)
{
    m_indicator = indicator;
    const bool shown = indicator != ChartIndicator::None;
    m_indicatorPane->setVisible(shown);
    m_indicatorPane->setTimeAxis(shown);
    m_volumePane->setTimeAxis(!shown);
    m_windowDirty = true;
    refresh(true);
}

void ChartView::setIndicatorParams(const Indicators::IndicatorSet::Params &params)
{
    m_params = params;
    recompute();
    m_windowDirty = true;
    refresh(true);
}

void ChartView::recompute()
{
    const std::vector<Indicators::Bar> bars = Indicators::toBars(m_data.candles);
    m_lines = Indicators::computeAll(bars, m_params);
    mapMarkers();
}

void ChartView::mapMarkers()
{
    for (auto &points : m_markerPoints)
        points.clear();
    const QList<Candle> &candles = m_data.candles;
    if (candles.isEmpty())
        return;
    for (const ChartMarker &m : std::as_const(m_data.markers)) {
        const qsizetype i = ChartMath::indexAt(candles, m.timeMs);
        if (i < 0)
            continue;
        const Candle &c = candles.at(i);
        double y = m.price;
        if (y <= 0) {
            switch (m.kind) {
            case ChartMarker::Kind::ConditionHit:
            case ChartMarker::Kind::Buy:
                y = double(c.low);
                break;
            case ChartMarker::Kind::Reference:
            case ChartMarker::Kind::Sell:
                y = double(c.high);
                break;
            case ChartMarker::Kind::BuySignal:
            case ChartMarker::Kind::SellSignal:
                y = double(c.close);
                break;
            }
        }
        m_markerPoints[size_t(m.kind)] << QPointF(double(i), y);
    }
}

double ChartView::clampFirst(double first, double count) const
{
    const double n = double(m_data.candles.size());
    const double lo = -count * 0.5;
    const double hi = std::max(lo, n - count * 0.5);
    return std::clamp(first, lo, hi);
}

double ChartView::maxCount() const
{
    // More candles than pixels draw nothing more, only slower: at most one candle per pixel.
    const double n = double(m_data.candles.size());
    const double pixels = std::max(200.0, double(m_pricePane->width() - PLOT_LEFT - PLOT_RIGHT));
    return std::max(MIN_COUNT, std::min(n + 20.0, pixels));
}

void ChartView::setVisibleRange(double first, double count)
{
    count = std::clamp(count, MIN_COUNT, maxCount());
    first = clampFirst(first, count);
    if (qFuzzyCompare(first + 1.0, m_first + 1.0) && qFuzzyCompare(count, m_count))
        return;
    m_first = first;
    m_count = count;
    refresh(false);
    emit visibleRangeChanged(m_first, m_count);
}

void ChartView::zoomBy(double factor, double anchor)
{
    anchor = std::clamp(anchor, 0.0, 1.0);
    const double count = std::clamp(m_count * factor, MIN_COUNT, maxCount());
    const double pivot = m_first + anchor * m_count;
    setVisibleRange(pivot - anchor * count, count);
}

void ChartView::zoomIn()
{
    zoomBy(0.8, 1.0);
}

void ChartView::zoomOut()
{
    zoomBy(1.25, 1.0);
}

void ChartView::panBy(double candles)
{
    setVisibleRange(m_first + candles, m_count);
}

void ChartView::scrollToLatest()
{
    setVisibleRange(double(m_data.candles.size()) - m_count + 2.0, m_count);
}

void ChartView::setCrosshair(int index, double price)
{
    if (index >= m_data.candles.size())
        index = -1;
    if (index == m_crossIndex && price == m_crossPrice)
        return;
    const bool moved = index != m_crossIndex;
    m_crossIndex = index;
    m_crossPrice = price;
    updateReadout();
    for (ChartPane *pane : { m_pricePane, m_volumePane, m_indicatorPane })
        pane->viewport()->update();
    if (moved)
        emit crosshairMoved(index);
}

bool ChartView::applyQuote(const Quote &quote)
{
    QList<Candle> &candles = m_data.candles;
    if (quote.code != m_data.code || quote.price <= 0 || candles.isEmpty())
        return false;
    const qint64 bucket = ChartMath::bucketStart(quote.timeMs, m_data.interval);
    const qint64 day = ChartMath::bucketStart(quote.timeMs, CandleInterval::Day);
    qint64 volumeDelta = 0;
    if (m_lastCumVolume >= 0 && day == m_lastQuoteDay && quote.cumVolume >= m_lastCumVolume)
        volumeDelta = quote.cumVolume - m_lastCumVolume;
    m_lastCumVolume = quote.cumVolume;
    m_lastQuoteDay = day;

    const bool daily = !Candles::isIntraday(m_data.interval);
    const double n = double(candles.size());
    const bool following = m_first + m_count >= n - 0.5;
    Candle &last = candles.last();
    if (bucket == last.timeMs) {
        last.close = quote.price;
        last.high = std::max({ last.high, quote.price, daily ? quote.high : 0 });
        last.low = std::min(last.low, quote.price);
        if (daily && quote.low > 0)
            last.low = std::min(last.low, quote.low);
        last.volume = daily ? std::max(last.volume, quote.cumVolume) : last.volume + volumeDelta;
    } else if (bucket > last.timeMs) {
        Candle next;
        next.timeMs = bucket;
        next.open = daily && quote.open > 0 ? quote.open : quote.price;
        next.high = std::max(next.open, daily && quote.high > 0 ? std::max(quote.high, quote.price) : quote.price);
        next.low = std::min(next.open, daily && quote.low > 0 ? std::min(quote.low, quote.price) : quote.price);
        next.close = quote.price;
        next.volume = daily ? quote.cumVolume : volumeDelta;
        candles.append(next);
        if (following)
            m_first += 1.0;
    } else {
        return false;
    }
    recompute();
    m_windowDirty = true;
    refresh(true);
    return true;
}

void ChartView::setLoading(bool loading, const QString &text)
{
    m_loading = loading;
    m_busy->setVisible(loading);
    m_overlayText->setText(text);
    m_overlay->setVisible(loading || !text.isEmpty());
    placeOverlay();
}

void ChartView::setMessage(const QString &text)
{
    setLoading(false, text);
}

QString ChartView::message() const
{
    return m_overlay->isVisible() ? m_overlayText->text() : QString();
}

void ChartView::placeOverlay()
{
    if (!m_overlay->isVisible())
        return;
    const QSize hint = m_overlay->sizeHint().expandedTo(QSize(260, 60));
    const QSize size(std::min(width() - 20, std::max(hint.width(), 260)), hint.height());
    m_overlay->setGeometry(QRect(QPoint((width() - size.width()) / 2, (height() - size.height()) / 3), size));
    m_overlay->raise();
}

void ChartView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    placeOverlay();
    updateTimeLabels();
}

void ChartView::keyPressEvent(QKeyEvent *event)
{
    const double step = std::max(1.0, std::round(m_count / 10.0));
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        break;
    case Qt::Key_Minus:
    case Qt::Key_Underscore:
        zoomOut();
        break;
    case Qt::Key_Left:
        panBy(-step);
        break;
    case Qt::Key_Right:
        panBy(step);
        break;
    case Qt::Key_PageUp:
        panBy(-m_count);
        break;
    case Qt::Key_PageDown:
        panBy(m_count);
        break;
    case Qt::Key_Home:
        setVisibleRange(-2.0, m_count);
        break;
    case Qt::Key_End:
        scrollToLatest();
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void ChartView::refresh(bool force)
{
    const qsizetype n = m_data.candles.size();
    const qsizetype a = std::clamp<qsizetype>(qsizetype(std::floor(m_first)) - 1, 0, n);
    const qsizetype b = std::clamp<qsizetype>(qsizetype(std::ceil(m_first + m_count)) + 1, 0, n);
    const qsizetype span = std::max<qsizetype>(qsizetype(m_count), 20);
    if (force || m_windowDirty || a < m_winFrom || b > m_winTo || (m_winTo - m_winFrom) > 3 * span) {
        const qsizetype margin = qsizetype(std::ceil(m_count / 2));
        fillWindow(std::max<qsizetype>(0, a - margin), std::min(n, b + margin));
    }
    updateAxes();
    updateTimeLabels();
    updateReadout();
    for (ChartPane *pane : { m_pricePane, m_volumePane, m_indicatorPane })
        pane->viewport()->update(); // the time grid and labels are the panes' own drawing
}

void ChartView::fillWindow(qsizetype from, qsizetype to)
{
    const QList<Candle> &candles = m_data.candles;
    std::vector<SetSpec> sets;
    std::vector<SetSpec> volumes;
    sets.reserve(size_t(to - from));
    volumes.reserve(size_t(to - from));
    for (qsizetype i = from; i < to; ++i) {
        const Candle &c = candles.at(i);
        const QColor color = candleColor(c);
        sets.push_back({ double(c.open), double(c.high), double(c.low), double(c.close), double(i), color });
        QColor light = color;
        light.setAlpha(170);
        volumes.push_back({ 0.0, double(c.volume), 0.0, double(c.volume), double(i), light });
    }
    syncSets(m_candles, sets);
    syncSets(m_volume, volumes);

    auto linePoints = [from, to](const Indicators::Line &line) {
        QList<QPointF> points;
        points.reserve(to - from);
        for (qsizetype i = std::max(from, line.first); i < to && i < line.size(); ++i)
            points << QPointF(double(i), line.values[size_t(i)]);
        return points;
    };
    auto show = [&](QLineSeries *series, bool on, const Indicators::Line &line) {
        series->setVisible(on);
        series->replace(on ? linePoints(line) : QList<QPointF> {});
    };
    show(m_sma, m_overlays.testFlag(Sma), m_lines.sma);
    show(m_ema, m_overlays.testFlag(Ema), m_lines.ema);
    const bool bb = m_overlays.testFlag(Bollinger);
    show(m_bbUpper, bb, m_lines.bbUpper);
    show(m_bbMiddle, bb, m_lines.bbMiddle);
    show(m_bbLower, bb, m_lines.bbLower);
    m_sma->setName(tr("SMA %1").arg(m_params.smaPeriod));
    m_ema->setName(tr("EMA %1").arg(m_params.emaPeriod));

    // The reference candle's target price, from the reference candle on.
    QList<QPointF> target;
    if (m_data.targetPrice && to > from) {
        const qsizetype ref = ChartMath::indexAt(candles, m_data.referenceTimeMs);
        const qsizetype start = std::max(from, ref < 0 ? from : ref);
        if (start < to)
            target = { QPointF(double(start), double(*m_data.targetPrice)),
                QPointF(double(std::max(to - 1, start + 1)), double(*m_data.targetPrice)) };
    }
    m_target->replace(target);
    m_target->setVisible(!target.isEmpty());

    for (size_t k = 0; k < m_marks.size(); ++k) {
        QList<QPointF> points;
        for (const QPointF &p : std::as_const(m_markerPoints[k])) {
            if (p.x() >= double(from) && p.x() < double(to))
                points << p;
        }
        m_marks[k]->replace(points);
    }

    // The indicator pane.
    auto level = [from, to](QLineSeries *series, std::optional<double> value) {
        series->setVisible(value.has_value() && to > from);
        series->replace(value && to > from
                ? QList<QPointF> { QPointF(double(from), *value), QPointF(double(std::max(to - 1, from + 1)), *value) }
                : QList<QPointF> {});
    };
    const Indicators::Line empty;
    std::vector<SetSpec> hist;
    switch (m_indicator) {
    case ChartIndicator::None:
        show(m_ind1, false, empty);
        show(m_ind2, false, empty);
        level(m_levelHigh, std::nullopt);
        level(m_levelLow, std::nullopt);
        break;
    case ChartIndicator::Rsi:
        show(m_ind1, true, m_lines.rsi);
        show(m_ind2, false, empty);
        level(m_levelHigh, 70.0);
        level(m_levelLow, 30.0);
        m_ind1->setName(tr("RSI %1").arg(m_params.rsiPeriod));
        break;
    case ChartIndicator::Macd:
        show(m_ind1, true, m_lines.macd);
        show(m_ind2, true, m_lines.macdSignal);
        level(m_levelHigh, std::nullopt);
        level(m_levelLow, 0.0);
        m_ind1->setName(tr("MACD"));
        m_ind2->setName(tr("Signal"));
        for (qsizetype i = std::max(from, m_lines.macdHist.first); i < to && i < m_lines.macdHist.size(); ++i) {
            const double h = m_lines.macdHist.values[size_t(i)];
            QColor color = h >= 0 ? RISE : FALL;
            color.setAlpha(150);
            hist.push_back({ 0.0, std::max(h, 0.0), std::min(h, 0.0), h, double(i), color });
        }
        break;
    case ChartIndicator::Chaikin:
        show(m_ind1, true, m_lines.chaikin);
        show(m_ind2, false, empty);
        level(m_levelHigh, std::nullopt);
        level(m_levelLow, 0.0);
        m_ind1->setName(tr("Chaikin %1/%2").arg(m_params.chaikinFast).arg(m_params.chaikinSlow));
        break;
    case ChartIndicator::Momentum:
        show(m_ind1, true, m_lines.momentum);
        show(m_ind2, false, empty);
        level(m_levelHigh, std::nullopt);
        level(m_levelLow, 0.0);
        m_ind1->setName(tr("Momentum %1").arg(m_params.momentumPeriod));
        break;
    case ChartIndicator::Disparity:
        show(m_ind1, true, m_lines.disparity);
        show(m_ind2, false, empty);
        level(m_levelHigh, std::nullopt);
        level(m_levelLow, 100.0);
        m_ind1->setName(tr("Disparity %1").arg(m_params.disparityPeriod));
        break;
    }
    syncSets(m_histogram, hist);

    m_winFrom = from;
    m_winTo = to;
    m_windowDirty = false;
}

void ChartView::updateAxes()
{
    const double lo = m_first - 0.5;
    const double hi = m_first + m_count - 0.5;
    for (QValueAxis *axis : m_x)
        axis->setRange(lo, hi);
    const QList<Candle> &candles = m_data.candles;
    const qsizetype n = candles.size();
    const qsizetype a = std::clamp<qsizetype>(qsizetype(std::floor(m_first)), 0, n);
    const qsizetype b = std::clamp<qsizetype>(qsizetype(std::ceil(m_first + m_count)), 0, n);
    double low = 0;
    double high = 0;
    double maxVolume = 0;
    bool any = false;
    for (qsizetype i = a; i < b; ++i) {
        const Candle &c = candles.at(i);
        low = any ? std::min(low, double(c.low)) : double(c.low);
        high = any ? std::max(high, double(c.high)) : double(c.high);
        maxVolume = std::max(maxVolume, double(c.volume));
        any = true;
    }
    if (any && m_overlays.testFlag(Bollinger)) {
        for (qsizetype i = std::max(a, m_lines.bbUpper.first); i < b && i < m_lines.bbUpper.size(); ++i) {
            high = std::max(high, m_lines.bbUpper.values[size_t(i)]);
            low = std::min(low, m_lines.bbLower.values[size_t(i)]);
        }
    }
    if (!any) {
        low = 0;
        high = 1;
    }
    const double pad = std::max((high - low) * 0.06, std::max(1.0, high * 0.002));
    m_priceY->setRange(low - pad, high + pad);
    m_volumeY->setRange(0, std::max(1.0, maxVolume * 1.12));

    if (m_indicator == ChartIndicator::Rsi) {
        m_indicatorY->setRange(0, 100);
    } else if (m_indicator != ChartIndicator::None) {
        double ilo = 0;
        double ihi = 0;
        bool has = false;
        auto scan = [&](const Indicators::Line &line) {
            for (qsizetype i = std::max(a, line.first); i < b && i < line.size(); ++i) {
                const double v = line.values[size_t(i)];
                ilo = has ? std::min(ilo, v) : v;
                ihi = has ? std::max(ihi, v) : v;
                has = true;
            }
        };
        switch (m_indicator) {
        case ChartIndicator::Macd:
            scan(m_lines.macd);
            scan(m_lines.macdSignal);
            scan(m_lines.macdHist);
            break;
        case ChartIndicator::Chaikin:
            scan(m_lines.chaikin);
            break;
        case ChartIndicator::Momentum:
            scan(m_lines.momentum);
            break;
        case ChartIndicator::Disparity:
            scan(m_lines.disparity);
            break;
        default:
            break;
        }
        if (!has) {
            ilo = -1;
            ihi = 1;
        }
        const double ipad = std::max((ihi - ilo) * 0.1, 1e-6);
        m_indicatorY->setRange(ilo - ipad, ihi + ipad);
        m_indicatorY->setLabelFormat(
            std::max(std::abs(ilo), std::abs(ihi)) >= 1000 ? QStringLiteral("%.0f") : QStringLiteral("%.1f"));
    }
}

QString ChartView::timeText(qint64 timeMs) const
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(timeMs, QTimeZone(9 * 3600));
    return Candles::isIntraday(m_data.interval) ? t.toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                                                : t.toString(QStringLiteral("yyyy-MM-dd"));
}

void ChartView::updateTimeLabels()
{
    m_timeLabels.clear();
    const QList<Candle> &candles = m_data.candles;
    if (candles.isEmpty())
        return;
    const int labels = std::max(2, (m_pricePane->width() - PLOT_LEFT - PLOT_RIGHT) / 120);
    const qsizetype step = std::max<qsizetype>(1, qsizetype(std::ceil(m_count / labels)));
    const bool intraday = Candles::isIntraday(m_data.interval);
    QString previousDate;
    for (qsizetype i = qsizetype(std::ceil(std::max(0.0, m_first) / double(step))) * step;
         i < candles.size() && double(i) <= m_first + m_count - 1; i += step) {
        const QDateTime t = QDateTime::fromMSecsSinceEpoch(candles.at(i).timeMs, QTimeZone(9 * 3600));
        const QString date = t.toString(QStringLiteral("MM-dd"));
        QString label;
        if (intraday)
            label = date != previousDate ? t.toString(QStringLiteral("MM-dd HH:mm"))
                                         : t.toString(QStringLiteral("HH:mm"));
        else
            label = t.toString(QStringLiteral("yy-MM-dd"));
        previousDate = date;
        m_timeLabels.append({ double(i), label });
    }
}

QString ChartView::titleText() const
{
    if (m_data.code.isEmpty())
        return tr("No stock");
    QString interval;
    switch (m_data.interval) {
    case CandleInterval::Day:
        interval = tr("Daily");
        break;
    case CandleInterval::Week:
        interval = tr("Weekly");
        break;
    case CandleInterval::Month:
        interval = tr("Monthly");
        break;
    default:
        interval = tr("%1 min").arg(Candles::minutes(m_data.interval));
        break;
    }
    const QString name = m_data.name.isEmpty() ? m_data.code : QStringLiteral("%1 (%2)").arg(m_data.name, m_data.code);
    return QStringLiteral("%1 · %2").arg(name, interval);
}

QString ChartView::readoutText() const
{
    const QList<Candle> &candles = m_data.candles;
    if (candles.isEmpty())
        return QString();
    const qsizetype i = m_crossIndex >= 0 && m_crossIndex < candles.size() ? m_crossIndex : candles.size() - 1;
    const Candle &c = candles.at(i);
    const double prev = i > 0 ? double(candles.at(i - 1).close) : double(c.open);
    const double change = prev > 0 ? (double(c.close) - prev) / prev * 100.0 : 0.0;
    QString text = tr("%1  O %2  H %3  L %4  C %5 (%6%)  V %7")
                       .arg(timeText(c.timeMs), number(double(c.open)), number(double(c.high)), number(double(c.low)),
                           number(double(c.close)), (change > 0 ? QStringLiteral("+") : QString()) + number(change, 2),
                           number(double(c.volume)));
    auto value = [i](const Indicators::Line &line, int decimals) {
        return line.has(i) ? number(line.values[size_t(i)], decimals) : QStringLiteral("-");
    };
    if (m_overlays.testFlag(Sma))
        text += tr("  SMA%1 %2").arg(m_params.smaPeriod).arg(value(m_lines.sma, 0));
    if (m_overlays.testFlag(Ema))
        text += tr("  EMA%1 %2").arg(m_params.emaPeriod).arg(value(m_lines.ema, 0));
    if (m_overlays.testFlag(Bollinger))
        text += tr("  BB %1/%2/%3")
                    .arg(value(m_lines.bbUpper, 0), value(m_lines.bbMiddle, 0), value(m_lines.bbLower, 0));
    switch (m_indicator) {
    case ChartIndicator::None:
        break;
    case ChartIndicator::Rsi:
        text += tr("  RSI %1").arg(value(m_lines.rsi, 1));
        break;
    case ChartIndicator::Macd:
        text += tr("  MACD %1/%2").arg(value(m_lines.macd, 1), value(m_lines.macdSignal, 1));
        break;
    case ChartIndicator::Chaikin:
        text += tr("  Chaikin %1").arg(value(m_lines.chaikin, 0));
        break;
    case ChartIndicator::Momentum:
        text += tr("  Momentum %1").arg(value(m_lines.momentum, 0));
        break;
    case ChartIndicator::Disparity:
        text += tr("  Disparity %1").arg(value(m_lines.disparity, 1));
        break;
    }
    if (m_data.targetPrice)
        text += tr("  Target %1").arg(number(double(*m_data.targetPrice)));
    return text;
}

void ChartView::updateReadout()
{
    m_readout->setText(readoutText());
}

QImage ChartView::renderImage()
{
    return grab().toImage();
}
