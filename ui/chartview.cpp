// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartview.h"

#include <QDateTime>
#include <QFrame>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QPixmap>
#include <QProgressBar>
#include <QTimeZone>
#include <QVBoxLayout>
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
const QColor GRID(0xee, 0xee, 0xee);
const QColor FRAME(0xbd, 0xbd, 0xbd);
const QColor TEXT(0x42, 0x42, 0x42);
const QColor SMA_COLOUR(0xef, 0x6c, 0x00);
const QColor EMA_COLOUR(0x8e, 0x24, 0xaa);
const QColor BB_COLOUR(0x00, 0x89, 0x7b);
const QColor TARGET_COLOUR(0xf9, 0xa8, 0x25);
const QColor IND1_COLOUR(0xc6, 0x28, 0x28);
const QColor IND2_COLOUR(0x15, 0x65, 0xc0);
const QColor LEVEL_COLOUR(0x9e, 0x9e, 0x9e);

quint8 colourIndex(const Candle &c)
{
    return c.close > c.open ? 0 : c.close < c.open ? 1 : 2;
}

QColor colourOf(quint8 index, int alpha = 255)
{
    QColor c = index == 0 ? RISE : index == 1 ? FALL : FLAT;
    c.setAlpha(alpha);
    return c;
}

QString number(double v, int decimals = 0)
{
    return QLocale(QLocale::English).toString(v, 'f', decimals);
}

// A "nice" tick step (1, 2, 2.5 or 5 times a power of ten) for about `ticks` intervals over span.
double niceStep(double span, int ticks)
{
    const double raw = span / std::max(1, ticks);
    if (!(raw > 0.0) || !std::isfinite(raw))
        return 1.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (double f : { 1.0, 2.0, 2.5, 5.0, 10.0 }) {
        if (f * magnitude >= raw)
            return f * magnitude;
    }
    return 10.0 * magnitude;
}

struct MarkStyle
{
    QColor colour;
    double size;
};

MarkStyle markStyle(ChartMarker::Kind kind)
{
    using K = ChartMarker::Kind;
    switch (kind) {
    case K::Buy:
        return { RISE, 13 };
    case K::Sell:
        return { FALL, 13 };
    case K::BuySignal:
        return { QColor(0xff, 0x8f, 0x00), 14 };
    case K::SellSignal:
        return { QColor(0x00, 0x83, 0x8f), 14 };
    case K::ConditionHit:
        return { QColor(0x7b, 0x1f, 0xa2), 9 };
    case K::Reference:
        return { TARGET_COLOUR, 15 };
    }
    return { FLAT, 10 };
}

// The marker shapes (triangles for fills, stars for signals, a dot for a condition hit, a diamond
// for the reference candle), built once around (0, 0).
const QPolygonF &markShape(ChartMarker::Kind kind)
{
    static const std::array<QPolygonF, 6> shapes = [] {
        std::array<QPolygonF, 6> out;
        using K = ChartMarker::Kind;
        auto scaled = [](ChartMarker::Kind k, const QPolygonF &unit) {
            QPolygonF p;
            const double r = markStyle(k).size / 2.0;
            for (const QPointF &q : unit)
                p << q * r;
            return p;
        };
        const QPolygonF up { QPointF(0, -1), QPointF(0.9, 0.7), QPointF(-0.9, 0.7) };
        QPolygonF star;
        for (int i = 0; i < 10; ++i) {
            const double a = -M_PI / 2 + i * M_PI / 5;
            const double r = i % 2 ? 0.45 : 1.0;
            star << QPointF(r * std::cos(a), r * std::sin(a));
        }
        QPolygonF circle;
        for (int i = 0; i < 12; ++i)
            circle << QPointF(std::cos(i * M_PI / 6), std::sin(i * M_PI / 6));
        const QPolygonF diamond { QPointF(0, -1), QPointF(1, 0), QPointF(0, 1), QPointF(-1, 0) };
        out[size_t(K::Buy)] = scaled(K::Buy, up);
        out[size_t(K::Sell)] = scaled(K::Sell, up); // ▲ in blue, as the README shows them
        out[size_t(K::BuySignal)] = scaled(K::BuySignal, star);
        out[size_t(K::SellSignal)] = scaled(K::SellSignal, star);
        out[size_t(K::ConditionHit)] = scaled(K::ConditionHit, circle);
        out[size_t(K::Reference)] = scaled(K::Reference, diamond);
        return out;
    }();
    return shapes[size_t(kind)];
}

} // namespace

// One pane of the chart: its plot area is pinned to the same left and right edges as its siblings,
// so the three panes line up candle for candle. It paints the visible candles (or bars, lines and
// markers) into a cached pixmap when the view changed, and the crosshair over that pixmap; it
// forwards the pointer to the ChartView (zoom, pan, crosshair).
class ChartPane final : public QWidget
{
public:
    ChartPane(ChartView *owner, ChartView::Pane kind) : QWidget(owner), m_owner(owner), m_kind(kind)
    {
        setFocusPolicy(Qt::NoFocus);
        setMouseTracking(true);
        setAttribute(Qt::WA_OpaquePaintEvent);
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
        setMinimumHeight(40);
    }

    void setTimeAxis(bool on)
    {
        m_timeAxis = on;
        invalidate();
    }
    bool timeAxis() const { return m_timeAxis; }

    void invalidate()
    {
        m_valid = false;
        update();
    }
    // Only the crosshair moved: the cached pixmap stays.
    void overlayChanged() { update(); }
    int renders() const { return m_renders; }

    QRectF plot() const
    {
        const qreal bottom = m_timeAxis ? PLOT_BOTTOM_LABELS : PLOT_BOTTOM;
        return QRectF(PLOT_LEFT, PLOT_TOP, std::max<qreal>(10, width() - PLOT_LEFT - PLOT_RIGHT),
            std::max<qreal>(10, height() - PLOT_TOP - bottom));
    }

    double candleAt(double x) const
    {
        const QRectF p = plot();
        return m_owner->m_first - 0.5 + (x - p.left()) / p.width() * m_owner->m_count;
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        const qreal dpr = devicePixelRatioF();
        const QSize pixels = size() * dpr;
        if (!m_valid || m_cache.size() != pixels) {
            if (m_cache.size() != pixels) {
                m_cache = QPixmap(pixels);
                m_cache.setDevicePixelRatio(dpr);
            }
            QPainter painter(&m_cache);
            render(painter);
            m_valid = true;
            ++m_renders;
        }
        QPainter painter(this);
        painter.drawPixmap(0, 0, m_cache);
        drawCrosshair(painter);
    }

    void resizeEvent(QResizeEvent *event) override
    {
        QWidget::resizeEvent(event);
        m_valid = false;
    }

    void wheelEvent(QWheelEvent *event) override
    {
        const QRectF p = plot();
        const double anchor = std::clamp((event->position().x() - p.left()) / p.width(), 0.0, 1.0);
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
        const QRectF p = plot();
        if (m_dragging && (event->buttons() & Qt::LeftButton)) {
            const double candles = -(pos.x() - m_dragX) / p.width() * m_owner->m_count;
            m_owner->setVisibleRange(m_dragFirst + candles, m_owner->m_count);
        }
        if (p.contains(pos)) {
            m_hoverY = pos.y();
            m_owner->setCrosshair(int(std::lround(candleAt(pos.x()))), valueAt(pos.y()));
            update(); // the horizontal line follows even on the same candle
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
        QWidget::leaveEvent(event);
    }

private:
    const ChartView::Axis &axis() const
    {
        return m_kind == ChartView::Pane::Price ? m_owner->m_priceAxis
            : m_kind == ChartView::Pane::Volume ? m_owner->m_volumeAxis
                                                : m_owner->m_indicatorAxis;
    }

    double xOf(double index) const
    {
        const QRectF p = plot();
        return p.left() + (index - (m_owner->m_first - 0.5)) / m_owner->m_count * p.width();
    }

    double yOf(double value) const
    {
        const QRectF p = plot();
        const ChartView::Axis &a = axis();
        return p.bottom() - (value - a.lo) / (a.hi - a.lo) * p.height();
    }

    double valueAt(double y) const
    {
        const QRectF p = plot();
        const ChartView::Axis &a = axis();
        return a.lo + (p.bottom() - y) / p.height() * (a.hi - a.lo);
    }

    void render(QPainter &painter)
    {
        const QRectF p = plot();
        painter.fillRect(rect(), Qt::white);
        painter.setRenderHint(QPainter::Antialiasing, false);
        // The grid: time lines and value ticks.
        m_lines.resize(0);
        for (const auto &label : std::as_const(m_owner->m_timeLabels)) {
            const double x = std::round(xOf(label.first)) + 0.5;
            if (x >= p.left() && x <= p.right())
                m_lines.append(QLineF(x, p.top(), x, p.bottom()));
        }
        for (double tick : axis().ticks) {
            const double y = std::round(yOf(tick)) + 0.5;
            m_lines.append(QLineF(p.left(), y, p.right(), y));
        }
        painter.setPen(QPen(GRID, 1));
        painter.drawLines(m_lines);

        painter.save();
        painter.setClipRect(p);
        switch (m_kind) {
        case ChartView::Pane::Price:
            drawCandles(painter);
            drawOverlays(painter);
            drawMarkers(painter);
            break;
        case ChartView::Pane::Volume:
            drawVolume(painter);
            break;
        case ChartView::Pane::Indicator:
            drawIndicator(painter);
            break;
        }
        painter.restore();

        painter.setPen(QPen(FRAME, 1));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(p);
        QFont f = font();
        f.setPointSizeF(8);
        painter.setFont(f);
        painter.setPen(TEXT);
        const ChartView::Axis &a = axis();
        for (qsizetype i = 0; i < a.ticks.size(); ++i) {
            const double y = yOf(a.ticks.at(i));
            painter.drawText(
                QRectF(p.right() + 4, y - 8, PLOT_RIGHT - 6, 16), Qt::AlignLeft | Qt::AlignVCenter, a.labels.value(i));
        }
        if (m_timeAxis) {
            for (const auto &label : std::as_const(m_owner->m_timeLabels)) {
                const double x = xOf(label.first);
                if (x < p.left() || x > p.right())
                    continue;
                painter.drawText(QRectF(x - 60, p.bottom() + 3, 120, PLOT_BOTTOM_LABELS - 4),
                    Qt::AlignHCenter | Qt::AlignTop, label.second);
            }
        }
    }

    // Bars from `base` to a value per candle: volume or the MACD histogram. `value(i)` and `colour(i)`.
    template<typename Value, typename Colour>
    void drawBars(QPainter &painter, qsizetype from, qsizetype to, double base, Value value, Colour colour, int alpha)
    {
        const QRectF p = plot();
        const double step = p.width() / m_owner->m_count;
        const double yBase = yOf(base);
        for (auto &r : m_rects)
            r.resize(0);
        if (step >= 2.0) {
            const double w = std::max(1.0, std::floor(step * 0.7));
            for (qsizetype i = from; i < to; ++i) {
                const double x = std::round(xOf(double(i)) - w / 2);
                const double y = yOf(value(i));
                m_rects[colour(i)].append(QRectF(x, std::min(y, yBase), w, std::max(1.0, std::abs(yBase - y))));
            }
        } else {
            // More candles than pixel columns: one bar per column, the largest value in it.
            qsizetype i = from;
            while (i < to) {
                const int column = int(std::floor(xOf(double(i))));
                double best = value(i);
                quint8 c = colour(i);
                for (++i; i < to && int(std::floor(xOf(double(i)))) == column; ++i) {
                    if (std::abs(value(i) - base) > std::abs(best - base)) {
                        best = value(i);
                        c = colour(i);
                    }
                }
                const double y = yOf(best);
                m_rects[c].append(QRectF(column, std::min(y, yBase), 1, std::max(1.0, std::abs(yBase - y))));
            }
        }
        painter.setPen(Qt::NoPen);
        for (quint8 c = 0; c < 3; ++c) {
            if (m_rects[c].isEmpty())
                continue;
            painter.setBrush(colourOf(c, alpha));
            painter.drawRects(m_rects[c]);
        }
    }

    void drawCandles(QPainter &painter)
    {
        const QList<Candle> &candles = m_owner->m_data.candles;
        const std::vector<quint8> &colours = m_owner->m_colours;
        const qsizetype from = m_owner->m_drawFrom;
        const qsizetype to = m_owner->m_drawTo;
        const double step = plot().width() / m_owner->m_count;
        for (int c = 0; c < 3; ++c) {
            m_wicks[c].resize(0);
            m_rects[c].resize(0);
        }
        if (step >= 3.0) {
            const double w = std::max(1.0, std::floor(step * 0.7));
            for (qsizetype i = from; i < to; ++i) {
                const Candle &k = candles.at(i);
                const quint8 c = colours[size_t(i)];
                const double x = std::round(xOf(double(i)));
                m_wicks[c].append(QLineF(x + 0.5, yOf(double(k.high)), x + 0.5, yOf(double(k.low))));
                const double yOpen = yOf(double(k.open));
                const double yClose = yOf(double(k.close));
                const double top = std::round(std::min(yOpen, yClose));
                const double height = std::max(0.0, std::round(std::max(yOpen, yClose)) - top);
                m_rects[c].append(QRectF(x - std::floor(w / 2), top, w, height));
            }
        } else {
            // Thin candles (or more candles than pixel columns): one low..high bar per column, in
            // the colour of the column's net move.
            qsizetype i = from;
            while (i < to) {
                const int column = int(std::floor(xOf(double(i))));
                const qint64 open = candles.at(i).open;
                qint64 high = candles.at(i).high;
                qint64 low = candles.at(i).low;
                qint64 close = candles.at(i).close;
                for (++i; i < to && int(std::floor(xOf(double(i)))) == column; ++i) {
                    high = std::max(high, candles.at(i).high);
                    low = std::min(low, candles.at(i).low);
                    close = candles.at(i).close;
                }
                const quint8 c = close > open ? 0 : close < open ? 1 : 2;
                m_wicks[c].append(QLineF(column + 0.5, yOf(double(high)), column + 0.5, yOf(double(low))));
            }
        }
        for (quint8 c = 0; c < 3; ++c) {
            const QColor colour = colourOf(c);
            if (!m_wicks[c].isEmpty()) {
                painter.setPen(QPen(colour, 1));
                painter.drawLines(m_wicks[c]);
            }
            if (!m_rects[c].isEmpty()) {
                painter.setPen(QPen(colour, 1));
                painter.setBrush(colour);
                painter.drawRects(m_rects[c]);
            }
        }
    }

    void drawLine(QPainter &painter, const Indicators::Line &line, const QPen &pen)
    {
        // One candle beyond each edge, so the line runs to the plot's border.
        const qsizetype from = std::max<qsizetype>(std::max<qsizetype>(0, m_owner->m_drawFrom - 1), line.first);
        const qsizetype to = std::min<qsizetype>(m_owner->m_drawTo + 1, line.size());
        if (to - from < 1)
            return;
        m_polyline.resize(0);
        for (qsizetype i = from; i < to; ++i)
            m_polyline.append(QPointF(xOf(double(i)), yOf(line.values[size_t(i)])));
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        if (m_polyline.size() == 1)
            painter.drawPoint(m_polyline.first());
        else
            painter.drawPolyline(m_polyline);
    }

    void drawLevel(QPainter &painter, double value)
    {
        const QRectF p = plot();
        const double y = std::round(yOf(value)) + 0.5;
        painter.setPen(QPen(LEVEL_COLOUR, 1, Qt::DotLine));
        painter.drawLine(QLineF(p.left(), y, p.right(), y));
    }

    void drawOverlays(QPainter &painter)
    {
        const Indicators::IndicatorLines &lines = m_owner->m_lines;
        const ChartView::Overlays overlays = m_owner->m_overlays;
        if (overlays.testFlag(ChartView::Bollinger)) {
            drawLine(painter, lines.bbUpper, QPen(BB_COLOUR, 1));
            drawLine(painter, lines.bbMiddle, QPen(BB_COLOUR, 1, Qt::DashLine));
            drawLine(painter, lines.bbLower, QPen(BB_COLOUR, 1));
        }
        if (overlays.testFlag(ChartView::Sma))
            drawLine(painter, lines.sma, QPen(SMA_COLOUR, 1.2));
        if (overlays.testFlag(ChartView::Ema))
            drawLine(painter, lines.ema, QPen(EMA_COLOUR, 1.2));
        const ChartData &data = m_owner->m_data;
        if (data.targetPrice && !data.candles.isEmpty()) {
            const qsizetype start = std::max<qsizetype>(0, m_owner->m_referenceIndex);
            const double y = yOf(double(*data.targetPrice));
            painter.setPen(QPen(TARGET_COLOUR, 1.6, Qt::DashLine));
            painter.drawLine(
                QLineF(xOf(double(start)), y, xOf(double(std::max<qsizetype>(data.candles.size() - 1, start + 1))), y));
        }
    }

    void drawMarkers(QPainter &painter)
    {
        const double from = double(m_owner->m_drawFrom);
        const double to = double(m_owner->m_drawTo);
        painter.setRenderHint(QPainter::Antialiasing, true);
        for (size_t k = 0; k < m_owner->m_markerPoints.size(); ++k) {
            const auto kind = ChartMarker::Kind(k);
            const MarkStyle style = markStyle(kind);
            painter.setPen(QPen(style.colour.darker(140), 1));
            painter.setBrush(style.colour);
            const QPolygonF &shape = markShape(kind);
            for (const QPointF &point : m_owner->m_markerPoints[k]) {
                if (point.x() < from || point.x() >= to)
                    continue;
                painter.drawPolygon(shape.translated(xOf(point.x()), yOf(point.y())));
            }
        }
        painter.setRenderHint(QPainter::Antialiasing, false);
    }

    void drawVolume(QPainter &painter)
    {
        const QList<Candle> &candles = m_owner->m_data.candles;
        const std::vector<quint8> &colours = m_owner->m_colours;
        drawBars(
            painter, m_owner->m_drawFrom, m_owner->m_drawTo, 0.0,
            [&](qsizetype i) { return double(candles.at(i).volume); }, [&](qsizetype i) { return colours[size_t(i)]; },
            170);
    }

    void drawIndicator(QPainter &painter)
    {
        const Indicators::IndicatorLines &lines = m_owner->m_lines;
        switch (m_owner->m_indicator) {
        case ChartIndicator::None:
            return;
        case ChartIndicator::Rsi:
            drawLevel(painter, 70.0);
            drawLevel(painter, 30.0);
            drawLine(painter, lines.rsi, QPen(IND1_COLOUR, 1.3));
            return;
        case ChartIndicator::Macd: {
            drawLevel(painter, 0.0);
            const Indicators::Line &hist = lines.macdHist;
            const qsizetype from = std::max(m_owner->m_drawFrom, hist.first);
            const qsizetype to = std::min(m_owner->m_drawTo, hist.size());
            if (to > from) {
                drawBars(
                    painter, from, to, 0.0, [&](qsizetype i) { return hist.values[size_t(i)]; },
                    [&](qsizetype i) { return quint8(hist.values[size_t(i)] >= 0 ? 0 : 1); }, 150);
            }
            drawLine(painter, lines.macd, QPen(IND1_COLOUR, 1.3));
            drawLine(painter, lines.macdSignal, QPen(IND2_COLOUR, 1.1));
            return;
        }
        case ChartIndicator::Chaikin:
            drawLevel(painter, 0.0);
            drawLine(painter, lines.chaikin, QPen(IND1_COLOUR, 1.3));
            return;
        case ChartIndicator::Momentum:
            drawLevel(painter, 0.0);
            drawLine(painter, lines.momentum, QPen(IND1_COLOUR, 1.3));
            return;
        case ChartIndicator::Disparity:
            drawLevel(painter, 100.0);
            drawLine(painter, lines.disparity, QPen(IND1_COLOUR, 1.3));
            return;
        }
    }

    void drawCrosshair(QPainter &painter)
    {
        const int index = m_owner->m_crossIndex;
        if (index < 0)
            return;
        const QRectF p = plot();
        const double x = std::round(xOf(index)) + 0.5;
        painter.setPen(QPen(TEXT, 1, Qt::DashLine));
        if (x >= p.left() && x <= p.right())
            painter.drawLine(QPointF(x, p.top()), QPointF(x, p.bottom()));
        if (m_hoverY >= p.top() && m_hoverY <= p.bottom()) {
            painter.drawLine(QPointF(p.left(), m_hoverY), QPointF(p.right(), m_hoverY));
            const double value = valueAt(m_hoverY);
            const QString text = m_kind == ChartView::Pane::Volume ? ChartView::shortNumber(value, m_owner->locale())
                                                                   : number(value, std::abs(value) < 1000 ? 2 : 0);
            const QRectF box(p.right() + 1, m_hoverY - 8, PLOT_RIGHT - 2, 16);
            painter.fillRect(box, TEXT);
            QFont f = font();
            f.setPointSizeF(8);
            painter.setFont(f);
            painter.setPen(Qt::white);
            painter.drawText(box, Qt::AlignCenter, text);
        }
    }

    ChartView *m_owner;
    ChartView::Pane m_kind;
    bool m_timeAxis = false;
    bool m_valid = false;
    int m_renders = 0;
    bool m_dragging = false;
    double m_dragX = 0.0;
    double m_dragFirst = 0.0;
    double m_hoverY = -1;
    QPixmap m_cache;
    // Reused from frame to frame (no allocation once they have grown).
    QList<QLineF> m_lines;
    std::array<QList<QLineF>, 3> m_wicks;
    std::array<QList<QRectF>, 3> m_rects;
    QPolygonF m_polyline;
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
    refresh();
}

ChartView::~ChartView() = default;

void ChartView::buildPanes()
{
    m_pricePane = new ChartPane(this, Pane::Price);
    m_pricePane->setObjectName(QStringLiteral("chartPricePane"));
    m_pricePane->setAccessibleName(tr("Price"));
    m_volumePane = new ChartPane(this, Pane::Volume);
    m_volumePane->setObjectName(QStringLiteral("chartVolumePane"));
    m_volumePane->setAccessibleName(tr("Volume"));
    m_indicatorPane = new ChartPane(this, Pane::Indicator);
    m_indicatorPane->setObjectName(QStringLiteral("chartIndicatorPane"));
    m_indicatorPane->setAccessibleName(tr("Indicator"));
}

QWidget *ChartView::pane(Pane pane) const
{
    return pane == Pane::Price ? m_pricePane : pane == Pane::Volume ? m_volumePane : m_indicatorPane;
}

int ChartView::contentRenders(Pane which) const
{
    return static_cast<ChartPane *>(pane(which))->renders();
}

QStringList ChartView::axisLabels(Pane pane) const
{
    return pane == Pane::Price ? m_priceAxis.labels
        : pane == Pane::Volume ? m_volumeAxis.labels
                               : m_indicatorAxis.labels;
}

QColor ChartView::candleColor(const Candle &candle)
{
    return colourOf(colourIndex(candle));
}

QString ChartView::shortNumber(double value, const QLocale &locale)
{
    struct Unit
    {
        double size;
        QString suffix;
    };
    // Korean traders count in 만 (10^4), 억 (10^8) and 조 (10^12); elsewhere K, M, B.
    const bool korean = locale.language() == QLocale::Korean;
    const std::array<Unit, 3> units = korean
        ? std::array<Unit, 3> { Unit { 1e12, QStringLiteral("조") }, Unit { 1e8, QStringLiteral("억") },
              Unit { 1e4, QStringLiteral("만") } }
        : std::array<Unit, 3> { Unit { 1e9, QStringLiteral("B") }, Unit { 1e6, QStringLiteral("M") },
              Unit { 1e3, QStringLiteral("K") } };
    const double magnitude = std::abs(value);
    for (const Unit &unit : units) {
        if (magnitude >= unit.size) {
            const double scaled = value / unit.size;
            // One decimal below 10 (1.2M, 1.2억), none above (350K, 1,500만); no trailing ".0".
            const bool whole = std::abs(scaled) >= 10 || std::abs(scaled - std::round(scaled)) < 0.05;
            return locale.toString(scaled, 'f', whole ? 0 : 1) + unit.suffix;
        }
    }
    return locale.toString(value, 'f', magnitude > 0 && magnitude < 10 && value != std::round(value) ? 1 : 0);
}

int ChartView::markerCount(ChartMarker::Kind kind) const
{
    return int(m_markerPoints[size_t(kind)].size());
}

QStringList ChartView::visibleOverlayLines() const
{
    QStringList out;
    auto add = [&](bool on, const Indicators::Line &line, const QString &name) {
        if (on && line.size() > std::max(line.first, m_drawFrom) && m_drawTo > line.first)
            out << name;
    };
    add(m_overlays.testFlag(Sma), m_lines.sma, tr("SMA %1").arg(m_params.smaPeriod));
    add(m_overlays.testFlag(Ema), m_lines.ema, tr("EMA %1").arg(m_params.emaPeriod));
    const bool bb = m_overlays.testFlag(Bollinger);
    add(bb, m_lines.bbUpper, tr("Bollinger upper"));
    add(bb, m_lines.bbMiddle, tr("Bollinger middle"));
    add(bb, m_lines.bbLower, tr("Bollinger lower"));
    if (m_data.targetPrice && m_drawTo > m_drawFrom)
        out << tr("Target price");
    return out;
}

QStringList ChartView::visibleIndicatorLines() const
{
    QStringList out;
    if (!m_indicatorPane->isVisibleTo(this))
        return out;
    auto add = [&](const Indicators::Line &line, const QString &name) {
        if (line.size() > std::max(line.first, m_drawFrom) && m_drawTo > line.first)
            out << name;
    };
    switch (m_indicator) {
    case ChartIndicator::None:
        break;
    case ChartIndicator::Rsi:
        add(m_lines.rsi, tr("RSI %1").arg(m_params.rsiPeriod));
        break;
    case ChartIndicator::Macd:
        add(m_lines.macd, tr("MACD"));
        add(m_lines.macdSignal, tr("Signal"));
        break;
    case ChartIndicator::Chaikin:
        add(m_lines.chaikin, tr("Chaikin %1/%2").arg(m_params.chaikinFast).arg(m_params.chaikinSlow));
        break;
    case ChartIndicator::Momentum:
        add(m_lines.momentum, tr("Momentum %1").arg(m_params.momentumPeriod));
        break;
    case ChartIndicator::Disparity:
        add(m_lines.disparity, tr("Disparity %1").arg(m_params.disparityPeriod));
        break;
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
    m_title->setText(titleText());
    refresh();
    emit visibleRangeChanged(m_first, m_count);
}

void ChartView::setMarkers(const QList<ChartMarker> &markers, std::optional<qint64> targetPrice, qint64 referenceTimeMs)
{
    m_data.markers = markers;
    m_data.targetPrice = targetPrice;
    m_data.referenceTimeMs = referenceTimeMs;
    mapMarkers();
    refresh();
}

void ChartView::setOverlays(Overlays overlays)
{
    if (overlays == m_overlays)
        return;
    m_overlays = overlays;
    refresh();
}

void ChartView::setIndicator(ChartIndicator indicator)
{
    m_indicator = indicator;
    const bool shown = indicator != ChartIndicator::None;
    m_indicatorPane->setVisible(shown);
    m_indicatorPane->setTimeAxis(shown);
    m_volumePane->setTimeAxis(!shown);
    refresh();
}

void ChartView::setIndicatorParams(const Indicators::IndicatorSet::Params &params)
{
    m_params = params;
    recompute();
    refresh();
}

void ChartView::recompute()
{
    const std::vector<Indicators::Bar> bars = Indicators::toBars(m_data.candles);
    m_lines = Indicators::computeAll(bars, m_params);
    m_colours.resize(size_t(m_data.candles.size()));
    for (qsizetype i = 0; i < m_data.candles.size(); ++i)
        m_colours[size_t(i)] = colourIndex(m_data.candles.at(i));
    mapMarkers();
}

void ChartView::mapMarkers()
{
    for (auto &points : m_markerPoints)
        points.clear();
    const QList<Candle> &candles = m_data.candles;
    m_referenceIndex = m_data.targetPrice ? ChartMath::indexAt(candles, m_data.referenceTimeMs) : -1;
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
    refresh();
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
        pane->overlayChanged(); // the candles stay in the panes' pixmaps
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
    refresh();
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

void ChartView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LocaleChange)
        refresh(); // the volume axis's short numbers are the locale's
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

void ChartView::refresh()
{
    const qsizetype n = m_data.candles.size();
    m_drawFrom = std::clamp<qsizetype>(qsizetype(std::floor(m_first)), 0, n);
    m_drawTo = std::clamp<qsizetype>(qsizetype(std::ceil(m_first + m_count)), 0, n);
    updateAxes();
    updateTimeLabels();
    updateReadout();
    invalidatePanes();
}

void ChartView::invalidatePanes()
{
    for (ChartPane *pane : { m_pricePane, m_volumePane, m_indicatorPane })
        pane->invalidate();
}

ChartView::Axis ChartView::makeAxis(double lo, double hi, int ticks, Pane pane) const
{
    Axis axis;
    axis.lo = lo;
    axis.hi = hi > lo ? hi : lo + 1.0;
    const double step = niceStep(axis.hi - axis.lo, ticks);
    const int decimals = step >= 1.0 ? 0 : std::min(4, int(std::ceil(-std::log10(step) - 1e-9)));
    for (double v = std::ceil(axis.lo / step) * step; v <= axis.hi + step * 1e-9; v += step) {
        const double tick = std::abs(v) < step * 1e-9 ? 0.0 : v;
        axis.ticks << tick;
        axis.labels << (pane == Pane::Volume ? shortNumber(tick, locale()) : number(tick, decimals));
    }
    return axis;
}

void ChartView::updateAxes()
{
    const QList<Candle> &candles = m_data.candles;
    const qsizetype a = m_drawFrom;
    const qsizetype b = m_drawTo;
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
    m_priceAxis = makeAxis(low - pad, high + pad, 5, Pane::Price);
    m_volumeAxis = makeAxis(0, std::max(1.0, maxVolume * 1.12), 2, Pane::Volume);

    if (m_indicator == ChartIndicator::Rsi) {
        m_indicatorAxis = makeAxis(0, 100, 2, Pane::Indicator);
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
        m_indicatorAxis = makeAxis(ilo - ipad, ihi + ipad, 3, Pane::Indicator);
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
    // "005930 삼성전자 · 일봉", as Korean HTS titles read.
    const QString stock = m_data.name.isEmpty() ? m_data.code : QStringLiteral("%1 %2").arg(m_data.code, m_data.name);
    return QStringLiteral("%1 · %2").arg(stock, interval);
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
