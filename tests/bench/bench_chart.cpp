// SPDX-License-Identifier: GPL-3.0-or-later
// bench_chart: a ChartView with 10,000 five-minute candles (SMA, Bollinger, RSI, markers) in a
// 1400x900 window; the time from a pan or zoom step to the repainted window (the step itself, the
// value ranges of the visible candles, and a synchronous repaint of all panes), p50/p99 over a few
// hundred steps; a crosshair move (drawn over the cached panes); setData() of the 10,000 candles and
// a live quote.
// Run: QT_QPA_PLATFORM=offscreen build/bench/bench_chart [steps]
#include "chartview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <algorithm>
#include <vector>

namespace {

ChartData candles(int n)
{
    ChartData d;
    d.code = QStringLiteral("005930");
    d.name = QStringLiteral("삼성전자");
    d.interval = CandleInterval::Minute5;
    qint64 price = 70000;
    quint32 seed = 12345;
    for (int i = 0; i < n; ++i) {
        seed = seed * 1664525u + 1013904223u;
        Candle c;
        c.timeMs = 1'765'000'800'000 + qint64(i) * 300'000;
        c.open = price;
        price = std::max<qint64>(1000, price + (qint64(seed >> 24) - 128) * 10);
        c.close = price;
        c.high = std::max(c.open, c.close) + qint64((seed >> 8) & 0xff) * 5;
        c.low = std::min(c.open, c.close) - qint64((seed >> 16) & 0xff) * 5;
        c.volume = 1000 + qint64(seed & 0xffff);
        d.candles << c;
    }
    for (int i = 0; i < n; i += 97) {
        ChartMarker m;
        m.kind = (i / 97) % 2 ? ChartMarker::Kind::Sell : ChartMarker::Kind::Buy;
        m.timeMs = d.candles.at(i).timeMs;
        m.price = double(d.candles.at(i).close);
        d.markers << m;
    }
    return d;
}

struct Stats
{
    double p50 = 0;
    double p99 = 0;
    double max = 0;
};

Stats stats(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    auto at = [&](double q) { return v[std::min(v.size() - 1, size_t(q * double(v.size())))]; };
    return { at(0.50), at(0.99), v.back() };
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int steps = argc > 1 ? std::max(10, atoi(argv[1])) : 300;
    QTextStream out(stdout);

    ChartView view;
    view.resize(1400, 900);
    view.setIndicator(ChartIndicator::Rsi);
    view.show();
    QApplication::processEvents();

    const ChartData data = candles(10000);
    QElapsedTimer t;
    t.start();
    view.setData(data);
    view.repaint();
    const double loadMs = double(t.nsecsElapsed()) / 1e6;

    auto measure = [&](auto step) {
        std::vector<double> ms;
        for (int i = 0; i < steps; ++i) {
            t.restart();
            step(i);
            QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
            view.repaint();
            ms.push_back(double(t.nsecsElapsed()) / 1e6);
        }
        return stats(ms);
    };

    // Pan: 200 candles on screen, 5 candles a step (the arrow keys move a tenth of the view: 20).
    view.setVisibleRange(9800, 200);
    const Stats pan = measure([&](int i) { view.panBy((i / 100) % 2 ? 5.0 : -5.0); });
    // Pan in large steps: every step shows candles none of the panes drew before.
    view.setVisibleRange(5000, 200);
    const Stats jump = measure([&](int i) { view.panBy((i / 10) % 2 ? 400.0 : -400.0); });
    // Zoom: wheel steps (x0.8 / x1.25) between ~50 and ~1,300 candles on screen.
    view.setVisibleRange(9000, 200);
    const Stats zoom = measure([&](int i) { view.zoomBy((i / 15) % 2 ? 1.25 : 0.8, 0.5); });
    // The crosshair following the pointer: drawn over the panes' cached pixmaps.
    view.setVisibleRange(9000, 200);
    const Stats cross = measure([&](int i) { view.setCrosshair(9000 + (i * 7) % 200, 0.0); });
    // A live quote on the newest candle (recomputes the indicators over all 10,000 candles).
    view.scrollToLatest();
    Quote q;
    q.code = data.code;
    q.timeMs = data.candles.last().timeMs + 1000;
    q.price = data.candles.last().close;
    const Stats quote = measure([&](int i) {
        q.price += (i % 2) ? 10 : -10;
        q.cumVolume += 10;
        view.applyQuote(q);
    });

    out << "bench_chart: 10,000 candles, 1400x900, SMA+Bollinger+RSI, " << steps << " steps each\n";
    out << QStringLiteral("  setData + first paint        %1 ms\n").arg(loadMs, 0, 'f', 1);
    auto line = [&](const char *what, const Stats &s) {
        out << QStringLiteral("  %1 p50 %2 ms  p99 %3 ms  max %4 ms\n")
                   .arg(QString::fromLatin1(what).leftJustified(28), QString::number(s.p50, 'f', 2),
                       QString::number(s.p99, 'f', 2), QString::number(s.max, 'f', 2));
    };
    line("pan step (5 candles)", pan);
    line("pan jump (400 candles)", jump);
    line("zoom step (wheel)", zoom);
    line("crosshair move", cross);
    line("live quote (newest candle)", quote);
    return 0;
}
