// SPDX-License-Identifier: GPL-3.0-or-later
// The chart: ChartView on synthetic candles (zoom, pan, crosshair read-out, overlays, markers, live
// update), the Chart dock against a real demo core (candles load through the engine's candle cache,
// interval switch, a marker after a demo buy fills), and ChartRenderer's PNGs.
#include "uicorerig.h"

#include "chartdock.h"
#include "chartrenderer.h"
#include "chartroutes.h"
#include "chartview.h"

#include "market/candlecache.h"
#include "trading/tradingcommands.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QSet>

namespace {

constexpr qint64 T0 = 1'765'000'800'000; // a 5-minute boundary

ChartData synthetic(int n, CandleInterval interval = CandleInterval::Minute5)
{
    ChartData d;
    d.code = QStringLiteral("005930");
    d.name = QStringLiteral("삼성전자");
    d.interval = interval;
    qint64 price = 70000;
    const qint64 step = qint64(std::max(1, Candles::minutes(interval))) * 60'000;
    for (int i = 0; i < n; ++i) {
        Candle c;
        c.timeMs = T0 + i * step;
        c.open = price;
        price += ((i * 7919) % 11 - 5) * 100;
        c.close = price;
        c.high = std::max(c.open, c.close) + 200;
        c.low = std::min(c.open, c.close) - 200;
        c.volume = 1000 + (i * 37) % 500;
        d.candles << c;
    }
    return d;
}

// Distinct colours in a grid of samples: a blank image has one or two.
int colourCount(const QImage &image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7) {
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    }
    return int(colours.size());
}

} // namespace

class TestChartView final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<UiCoreRig> m_rig;

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void cleanupTestCase() { m_rig.reset(); }

    void bucketsAndIndices()
    {
        QCOMPARE(ChartMath::bucketStart(T0 + 299'999, CandleInterval::Minute5), T0);
        QCOMPARE(ChartMath::bucketStart(T0 + 300'000, CandleInterval::Minute5), T0 + 300'000);
        // 2025-12-06 14:59 KST = 05:59 UTC → the daily bar opens at 09:00 KST = 00:00 UTC.
        const qint64 day = QDateTime(QDate(2025, 12, 6), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        QCOMPARE(ChartMath::bucketStart(day + 5 * 3'600'000 + 59 * 60'000, CandleInterval::Day), day);
        // 23:30 UTC is already the next KST day.
        QCOMPARE(ChartMath::bucketStart(day + 23 * 3'600'000 + 30 * 60'000, CandleInterval::Day), day + 86'400'000);
        const ChartData d = synthetic(10);
        QCOMPARE(ChartMath::indexAt(d.candles, T0 - 1), qsizetype(-1));
        QCOMPARE(ChartMath::indexAt(d.candles, T0 + 301'000), qsizetype(1));
        QCOMPARE(ChartMath::indexAt(d.candles, T0 + 100 * 300'000), qsizetype(9));
    }

    void viewZoomPanCrosshair()
    {
        ChartView view;
        view.resize(1000, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        ChartData d = synthetic(500);
        ChartMarker buy;
        buy.kind = ChartMarker::Kind::Buy;
        buy.timeMs = d.candles.at(480).timeMs + 10'000;
        buy.price = double(d.candles.at(480).close);
        ChartMarker sell;
        sell.kind = ChartMarker::Kind::Sell;
        sell.timeMs = d.candles.at(490).timeMs;
        sell.price = double(d.candles.at(490).close);
        ChartMarker early; // before the first candle: not drawn
        early.kind = ChartMarker::Kind::Buy;
        early.timeMs = T0 - 10;
        d.markers = { early, buy, sell };
        d.targetPrice = 71000;
        d.referenceTimeMs = d.candles.at(470).timeMs;
        view.setData(d);

        // The newest candles are shown, in Korean colours.
        QVERIFY(view.drawnCount() > 0);
        QVERIFY(view.firstVisible() + view.visibleCount() >= 500);
        QCOMPARE(view.drawnTo(), qsizetype(500));
        const Candle &lastCandle = d.candles.last();
        if (lastCandle.close > lastCandle.open)
            QCOMPARE(ChartView::candleColor(lastCandle), QColor(0xd3, 0x2f, 0x2f));
        else if (lastCandle.close < lastCandle.open)
            QCOMPARE(ChartView::candleColor(lastCandle), QColor(0x15, 0x65, 0xc0));
        // The pixels agree: the newest candle's body is drawn in its colour.
        {
            const QImage shot = view.pane(ChartView::Pane::Price)->grab().toImage();
            QSet<QRgb> colours;
            for (int y = 0; y < shot.height(); ++y) {
                for (int x = shot.width() - 130; x < shot.width() - 74; ++x)
                    colours.insert(shot.pixel(x, y) & 0xffffff);
            }
            QVERIFY(colours.contains(ChartView::candleColor(lastCandle).rgb() & 0xffffff));
        }

        // Overlays (SMA and Bollinger by default; EMA on request) and the target line.
        QCOMPARE(view.visibleOverlayLines().size(), 5); // SMA, BB x3, target
        view.setOverlays(ChartView::Overlays(ChartView::Sma) | ChartView::Ema);
        QCOMPARE(view.visibleOverlayLines().size(), 3);
        QVERIFY(view.visibleOverlayLines().contains(QStringLiteral("Target price")));
        view.setIndicator(ChartIndicator::Macd);
        QCOMPARE(view.visibleIndicatorLines().size(), 2);
        view.setIndicator(ChartIndicator::Rsi);
        QCOMPARE(view.visibleIndicatorLines().size(), 1);

        QCOMPARE(view.markerCount(ChartMarker::Kind::Buy), 1);
        QCOMPARE(view.markerCount(ChartMarker::Kind::Sell), 1);
        QCOMPARE(view.markerPoints(ChartMarker::Kind::Buy).at(0), QPointF(480, double(d.candles.at(480).close)));

        // Zoom in and out (keys and API) change the horizontal axis.
        const double min0 = view.axisMin();
        const double max0 = view.axisMax();
        view.setFocus();
        QTest::keyClick(&view, Qt::Key_Plus);
        QVERIFY(view.axisMax() - view.axisMin() < max0 - min0);
        QCOMPARE(view.axisMax(), max0); // zoomed around the right edge
        QTest::keyClick(&view, Qt::Key_Minus);
        QTest::keyClick(&view, Qt::Key_Minus);
        QVERIFY(view.axisMax() - view.axisMin() > max0 - min0);
        // Pan left with the keys and back with End.
        const double before = view.axisMin();
        QTest::keyClick(&view, Qt::Key_Left);
        QVERIFY(view.axisMin() < before);
        QTest::keyClick(&view, Qt::Key_End);
        QVERIFY(view.firstVisible() + view.visibleCount() >= 500);
        // Far to the left: only the candles there are drawn, not all 500.
        view.setVisibleRange(10, 50);
        QCOMPARE(view.axisMin(), 9.5);
        QVERIFY(view.drawnCount() <= 51);
        QCOMPARE(view.drawnFrom(), qsizetype(10));
        // Wheel zoom on the price pane.
        auto *pane = view.findChild<QWidget *>(QStringLiteral("chartPricePane"));
        QVERIFY(pane);
        const double count = view.visibleCount();
        QWheelEvent wheel(QPointF(300, 100), pane->mapToGlobal(QPointF(300, 100)), QPoint(), QPoint(0, 120),
            Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(pane, &wheel);
        QVERIFY(view.visibleCount() < count);
        // Drag pans.
        const double first = view.firstVisible();
        QTest::mousePress(pane, Qt::LeftButton, {}, QPoint(400, 100));
        QMouseEvent move(QEvent::MouseMove, QPointF(600, 100), pane->mapToGlobal(QPointF(600, 100)), Qt::NoButton,
            Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(pane, &move);
        QTest::mouseRelease(pane, Qt::LeftButton, {}, QPoint(600, 100));
        QVERIFY(view.firstVisible() < first); // dragged right: older candles come in

        // The crosshair's read-out.
        view.setVisibleRange(400, 100);
        view.setCrosshair(450);
        const Candle &c = d.candles.at(450);
        const QString text = view.findChild<QLabel *>(QStringLiteral("chartReadout"))->text();
        QVERIFY2(text.contains(QLocale(QLocale::English).toString(c.open)), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("H %1").arg(QLocale(QLocale::English).toString(c.high))));
        QVERIFY(text.contains(QStringLiteral("V %1").arg(QLocale(QLocale::English).toString(c.volume))));
        QVERIFY(text.contains(QStringLiteral("RSI")));
        // The pointer over the pane moves it.
        QMouseEvent hover(QEvent::MouseMove, QPointF(500, 100), pane->mapToGlobal(QPointF(500, 100)), Qt::NoButton,
            Qt::NoButton, Qt::NoModifier);
        QApplication::sendEvent(pane, &hover);
        QVERIFY(view.crosshairIndex() >= 400 && view.crosshairIndex() < 500);
        // The crosshair is drawn over the panes' cached pixmaps: moving it repaints no candles.
        pane->repaint();
        const int renders = view.contentRenders(ChartView::Pane::Price);
        view.setCrosshair(420);
        pane->repaint();
        view.setCrosshair(430);
        pane->repaint();
        QCOMPARE(view.contentRenders(ChartView::Pane::Price), renders);
        view.panBy(1);
        pane->repaint();
        QCOMPARE(view.contentRenders(ChartView::Pane::Price), renders + 1);
        view.setCrosshair(-1);
        QVERIFY(view.readoutText().contains(QLocale(QLocale::English).toString(d.candles.last().close)));
    }

    void titleAndShortVolumeLabels()
    {
        // Short numbers the way traders read them: K/M in English, 만/억 in Korean.
        const QLocale en(QLocale::English, QLocale::UnitedStates);
        const QLocale ko(QLocale::Korean, QLocale::SouthKorea);
        QCOMPARE(ChartView::shortNumber(1'200'000, en), QStringLiteral("1.2M"));
        QCOMPARE(ChartView::shortNumber(350'000, en), QStringLiteral("350K"));
        QCOMPARE(ChartView::shortNumber(2'000'000'000, en), QStringLiteral("2B"));
        QCOMPARE(ChartView::shortNumber(950, en), QStringLiteral("950"));
        QCOMPARE(ChartView::shortNumber(120'000'000, ko), QStringLiteral("1.2억"));
        QCOMPARE(ChartView::shortNumber(3'500'000, ko), QStringLiteral("350만"));
        QCOMPARE(ChartView::shortNumber(15'000'000, ko), QStringLiteral("1,500만"));
        QCOMPARE(ChartView::shortNumber(0, ko), QStringLiteral("0"));

        ChartData d = synthetic(200, CandleInterval::Day);
        for (qsizetype i = 0; i < d.candles.size(); ++i)
            d.candles[i].volume = 8'000'000 + (i * 7919 % 13) * 1'000'000; // 8M-20M shares a day
        for (const QLocale &locale : { en, ko }) {
            ChartView view;
            view.setLocale(locale);
            view.resize(900, 600);
            view.show();
            QVERIFY(QTest::qWaitForWindowExposed(&view));
            view.setData(d);
            // The title names the stock: "005930 삼성전자 · Daily".
            const QString title = view.findChild<QLabel *>(QStringLiteral("chartTitle"))->text();
            QVERIFY2(title.startsWith(QStringLiteral("005930 삼성전자 · ")), qPrintable(title));
            const QStringList labels = view.axisLabels(ChartView::Pane::Volume);
            QVERIFY2(labels.size() >= 2, qPrintable(labels.join(u'|')));
            for (const QString &label : labels) {
                QVERIFY2(label.size() <= 6, qPrintable(label));
                if (label == u"0")
                    continue;
                const QString unit = locale == ko ? QStringLiteral("만") : QStringLiteral("M");
                QVERIFY2(label.endsWith(unit), qPrintable(label));
            }
            // Switching the locale re-labels the axis.
            view.setLocale(locale == ko ? en : ko);
            const QString other = locale == ko ? QStringLiteral("M") : QStringLiteral("만");
            QVERIFY2(view.axisLabels(ChartView::Pane::Volume).last().endsWith(other),
                qPrintable(view.axisLabels(ChartView::Pane::Volume).join(u'|')));
            // The price axis keeps full prices.
            QVERIFY(!view.axisLabels(ChartView::Pane::Price).isEmpty());
            QVERIFY(view.axisLabels(ChartView::Pane::Price).first().remove(u',').toDouble() > 1000);
        }
    }

    void thinCandlesAreDecimatedPerPixelColumn()
    {
        // 3,000 candles, as many on screen as the plot has pixels: one bar per pixel column.
        ChartView view;
        view.resize(700, 500);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setData(synthetic(3000));
        view.setVisibleRange(0, 3000);
        QVERIFY(view.visibleCount() <= 700); // at most one candle per pixel
        view.setVisibleRange(2000, 600);
        QCOMPARE(view.drawnCount(), qsizetype(600));
        QWidget *pane = view.pane(ChartView::Pane::Price);
        const QImage image = pane->grab().toImage();
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x)
                colours.insert(image.pixel(x, y) & 0xffffff);
        }
        QVERIFY(colours.contains(QColor(0xd3, 0x2f, 0x2f).rgb() & 0xffffff));
        QVERIFY(colours.contains(QColor(0x15, 0x65, 0xc0).rgb() & 0xffffff));
        // The same view, zoomed in, draws bodies again; both paths render.
        const int renders = view.contentRenders(ChartView::Pane::Price);
        view.setVisibleRange(2500, 40);
        pane->repaint();
        QCOMPARE(view.contentRenders(ChartView::Pane::Price), renders + 1);
        QCOMPARE(view.drawnCount(), qsizetype(40));
    }

    void liveQuotesReviseTheNewestCandle()
    {
        ChartView view;
        view.resize(800, 600);
        ChartData d = synthetic(50);
        view.setData(d);
        const Candle last = d.candles.last();
        Quote q;
        q.code = QStringLiteral("000660"); // another stock
        q.price = 1;
        q.timeMs = last.timeMs;
        QVERIFY(!view.applyQuote(q));
        q.code = d.code;
        q.timeMs = last.timeMs + 60'000;
        q.price = last.high + 500;
        q.cumVolume = 10'000;
        QVERIFY(view.applyQuote(q));
        QCOMPARE(view.data().candles.size(), 50);
        QCOMPARE(view.data().candles.last().close, last.high + 500);
        QCOMPARE(view.data().candles.last().high, last.high + 500);
        q.cumVolume = 10'300;
        q.price = last.low - 100;
        QVERIFY(view.applyQuote(q));
        QCOMPARE(view.data().candles.last().low, last.low - 100);
        QCOMPARE(view.data().candles.last().volume, last.volume + 300);
        // The next bar starts a new candle and the view follows it.
        q.timeMs = last.timeMs + 300'000;
        q.cumVolume = 10'350;
        QVERIFY(view.applyQuote(q));
        QCOMPARE(view.data().candles.size(), 51);
        QCOMPARE(view.data().candles.last().open, q.price);
        QCOMPARE(view.data().candles.last().volume, qint64(50));
        QVERIFY(view.firstVisible() + view.visibleCount() >= 51);
        // An older trade changes nothing.
        q.timeMs = T0;
        QVERIFY(!view.applyQuote(q));
    }

    void requestsAreValidated()
    {
        QUrlQuery ok(QStringLiteral("interval=5m&width=640&height=480&indicator=macd&overlays=ema,bb&count=100"));
        auto r = ChartRenderer::parseImageRequest(QStringLiteral("005930"), ok);
        QVERIFY(r.ok());
        QCOMPARE(r.value().interval, CandleInterval::Minute5);
        QCOMPARE(r.value().size, QSize(640, 480));
        QCOMPARE(r.value().indicator, ChartIndicator::Macd);
        QCOMPARE(r.value().overlays, ChartView::Overlays(ChartView::Ema) | ChartView::Bollinger);
        QCOMPARE(r.value().count, 100);
        for (const QString &bad : { QStringLiteral("interval=2m"), QStringLiteral("width=10"),
                 QStringLiteral("height=abc"), QStringLiteral("indicator=foo"), QStringLiteral("overlays=sma,xx"),
                 QStringLiteral("count=5"), QStringLiteral("colour=red") }) {
            auto e = ChartRenderer::parseImageRequest(QStringLiteral("005930"), QUrlQuery(bad));
            QVERIFY2(!e.ok(), qPrintable(bad));
            QCOMPARE(e.error().code, QStringLiteral("chart.invalid"));
            QCOMPARE(ChartRoutes::statusFor(e.error().code), 422);
            QVERIFY2(e.error().message.contains(bad.section(u'=', 0, 0)), qPrintable(e.error().message));
        }
        QCOMPARE(
            ChartRenderer::parseImageRequest(QStringLiteral("5930"), {}).error().code, QStringLiteral("chart.invalid"));
        auto unknown = ChartRenderer::parseStrategyRequest(QStringLiteral("005930"), QStringLiteral("nope"), {});
        QCOMPARE(unknown.error().code, QStringLiteral("strategy.unknown"));
        QCOMPARE(ChartRoutes::statusFor(unknown.error().code), 404);
        auto rsi = ChartRenderer::parseStrategyRequest(QStringLiteral("005930"), QStringLiteral("rsi"), {});
        QCOMPARE(rsi.value().indicator, ChartIndicator::Rsi);
        QCOMPARE(rsi.value().interval, CandleInterval::Minute5);
        auto ref
            = ChartRenderer::parseStrategyRequest(QStringLiteral("005930"), QStringLiteral("reference_candle"), {});
        QCOMPARE(ref.value().interval, CandleInterval::Day);
        // Not registered against a server without asynchronous routes (the control API adds them).
        QCOMPARE(ChartRoutes::specs().size(), 2);
    }

    void rendersSyntheticPng()
    {
        ChartImageRequest request;
        request.code = QStringLiteral("005930");
        request.size = QSize(640, 420);
        request.indicator = ChartIndicator::Macd;
        auto image = ChartRenderer::renderImage(synthetic(300), request);
        QVERIFY(image.ok());
        QCOMPARE(image.value().size(), QSize(640, 420));
        QVERIFY(colourCount(image.value()) > 10);
        const QByteArray png = ChartRenderer::toPng(image.value());
        QVERIFY(png.startsWith("\x89PNG"));
        image.value().save(QCoreApplication::applicationDirPath() + QStringLiteral("/chart-synthetic.png"));
        // A strategy chart runs the strategy over the candles.
        request.strategyType = QStringLiteral("rsi");
        request.indicator = ChartIndicator::Rsi;
        QVERIFY(ChartRenderer::renderImage(synthetic(300), request).ok());
    }

    // --- against the real demo core ---

    void dockLoadsDemoCandles()
    {
        m_rig = std::make_unique<UiCoreRig>();
        QVERIFY(m_rig->ok());
        QVERIFY(m_rig->waitReady());
        ChartDock dock(m_rig->gw());
        dock.resize(1100, 700);
        dock.show();
        QCOMPARE(dock.objectName(), QStringLiteral("chartDock"));
        QCOMPARE(dock.code(), QStringLiteral("005930")); // never empty
        QTRY_VERIFY_WITH_TIMEOUT(!dock.view()->data().candles.isEmpty(), 30000);
        QVERIFY(!dock.view()->isLoading());
        QCOMPARE(dock.view()->data().interval, CandleInterval::Day);
        QVERIFY(dock.view()->drawnCount() > 0);
        QVERIFY(!dock.view()->visibleOverlayLines().isEmpty());
        QVERIFY(dock.view()->titleText().contains(QStringLiteral("005930")));
        // The stock's name comes from the engine's instrument cache (fetched when not cached).
        QVERIFY(!dock.view()->data().name.isEmpty());
        QVERIFY2(dock.view()->titleText().startsWith(QStringLiteral("005930 %1 · ").arg(dock.view()->data().name)),
            qPrintable(dock.view()->titleText()));

        // The engine's candle cache served them (the accessor the chart reads through).
        qint64 fetches = -1;
        m_rig->gw()->readEngine(
            &dock, [](TradingEngine &e) { return e.candles().fetchCount(); }, qint64(-1),
            [&](qint64 n) { fetches = n; });
        QTRY_VERIFY(fetches >= 1);

        // Interval switch through the combo box.
        QSignalSpy loaded(&dock, &ChartDock::loaded);
        auto *interval = dock.findChild<QComboBox *>(QStringLiteral("chartIntervalCombo"));
        interval->setCurrentIndex(interval->findData(QStringLiteral("5m")));
        QVERIFY(dock.view()->isLoading());
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1, 30000);
        QVERIFY(loaded.last().at(0).toBool());
        QCOMPARE(dock.view()->data().interval, CandleInterval::Minute5);
        QVERIFY(!dock.view()->data().candles.isEmpty());
        const QList<Candle> &c = dock.view()->data().candles;
        QCOMPARE(c.at(1).timeMs - c.at(0).timeMs >= 300'000, true);

        // Indicator selection.
        auto *indicator = dock.findChild<QComboBox *>(QStringLiteral("chartIndicatorCombo"));
        indicator->setCurrentIndex(indicator->findData(QStringLiteral("chaikin")));
        QCOMPARE(dock.view()->indicator(), ChartIndicator::Chaikin);

        // A bad code: a message, nothing else changes.
        dock.showStock(QStringLiteral("12"));
        QCOMPARE(dock.code(), QStringLiteral("005930"));
        QVERIFY(!dock.view()->message().isEmpty());

        // A demo buy of the shown stock: its fill appears as a marker.
        dock.showStock(QStringLiteral("000660"));
        QTRY_VERIFY_WITH_TIMEOUT(dock.view()->data().code == u"000660" && !dock.view()->isLoading(), 30000);
        const int before = dock.view()->markerCount(ChartMarker::Kind::Buy);
        std::optional<Result<QJsonObject>> bought;
        m_rig->gw()->command(
            &dock,
            [](TradingCommands &cmd) {
                TradingCommands::BuyCommand b;
                b.code = QStringLiteral("000660");
                b.quantity = 1;
                b.type = Trading::OrderType::Market;
                return cmd.buy(b, CoreGateway::actor());
            },
            [&](const Result<QJsonObject> &r) { bought = r; });
        QTRY_VERIFY_WITH_TIMEOUT(bought.has_value(), 15000);
        QVERIFY2(bought->ok(), qPrintable(bought->ok() ? QString() : bought->error().message));
        QTRY_VERIFY_WITH_TIMEOUT(dock.view()->markerCount(ChartMarker::Kind::Buy) > before, 60000);
        QCOMPARE(dock.view()->markerPoints(ChartMarker::Kind::Buy).size() >= 1, true);
    }

    void rendererDrawsDemoPng()
    {
        if (!m_rig) {
            m_rig = std::make_unique<UiCoreRig>();
            QVERIFY(m_rig->waitReady());
        }
        ChartRenderer renderer(m_rig->gw());
        std::optional<Result<QByteArray>> png;
        auto request = ChartRenderer::parseImageRequest(
            QStringLiteral("005930"), QUrlQuery(QStringLiteral("width=800&height=500&indicator=rsi")));
        QVERIFY(request.ok());
        renderer.render(request.value(), [&](const Result<QByteArray> &r) { png = r; });
        QTRY_VERIFY_WITH_TIMEOUT(png.has_value(), 30000);
        QVERIFY2(png->ok(), qPrintable(png->ok() ? QString() : png->error().message));
        QImage image;
        QVERIFY(image.loadFromData(png->value(), "PNG"));
        QCOMPARE(image.size(), QSize(800, 500));
        QVERIFY(colourCount(image) > 10);
        image.save(QCoreApplication::applicationDirPath() + QStringLiteral("/chart-image-005930.png"));

        // The strategy route's rendering, through ChartRoutes::serve as the control API calls it.
        std::optional<ChartRoutes::Answer> answer;
        ChartRoutes::serve(renderer, ChartRoutes::Kind::Strategy,
            { { QStringLiteral("code"), QStringLiteral("005930") }, { QStringLiteral("type"), QStringLiteral("rsi") } },
            QUrlQuery(QStringLiteral("width=600&height=400")), [&](const ChartRoutes::Answer &a) { answer = a; });
        QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 30000);
        QCOMPARE(answer->status, 200);
        QVERIFY(image.loadFromData(answer->png, "PNG"));
        QCOMPARE(image.size(), QSize(600, 400));
        image.save(QCoreApplication::applicationDirPath() + QStringLiteral("/chart-strategy-rsi-005930.png"));
        answer.reset();
        ChartRoutes::serve(renderer, ChartRoutes::Kind::Image, { { QStringLiteral("code"), QStringLiteral("00593X") } },
            QUrlQuery(QStringLiteral("interval=7m")), [&](const ChartRoutes::Answer &a) { answer = a; });
        QTRY_VERIFY(answer.has_value());
        QCOMPARE(answer->status, 422);
        QCOMPARE(renderer.rendered(), qint64(2));
    }
};

QTEST_MAIN(TestChartView)
#include "tst_chartview.moc"
