// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartrenderer.h"

#include "strategy/referencecandlestrategy.h"
#include "strategy/strategyregistry.h"
#include "strategy/symbolrunner.h"

#include <QApplication>
#include <QBuffer>
#include <QLayout>
#include <QPointer>

namespace {

Error invalid(const QString &message)
{
    return Error { QStringLiteral("chart.invalid"), message };
}

Result<int> intParam(const QUrlQuery &query, const QString &name, int fallback, int lo, int hi)
{
    if (!query.hasQueryItem(name))
        return fallback;
    bool ok = false;
    const int v = query.queryItemValue(name).toInt(&ok);
    if (!ok || v < lo || v > hi)
        return invalid(QObject::tr("%1 must be a whole number from %2 to %3").arg(name).arg(lo).arg(hi));
    return v;
}

// The parameters both routes share; `defaults` carries the route's own defaults.
Result<ChartImageRequest> parseCommon(const QString &code, const QUrlQuery &query, ChartImageRequest r)
{
    if (!ChartDataLoader::isValidCode(code))
        return invalid(QObject::tr("code must be a six-character stock code, e.g. 005930 (got \"%1\")").arg(code));
    r.code = code;
    static const QStringList known = { QStringLiteral("interval"), QStringLiteral("width"), QStringLiteral("height"),
        QStringLiteral("count"), QStringLiteral("indicator"), QStringLiteral("overlays") };
    for (const auto &item : query.queryItems()) {
        if (!known.contains(item.first))
            return invalid(QObject::tr("unknown parameter %1 (known: %2)").arg(item.first, known.join(u", ")));
    }
    if (query.hasQueryItem(QStringLiteral("interval"))) {
        const QString text = query.queryItemValue(QStringLiteral("interval"));
        const auto interval = Candles::fromString(text);
        if (!interval || !ChartText::intervals().contains(*interval))
            return invalid(QObject::tr("interval must be one of 1m, 5m, 15m, 60m, 1d (got \"%1\")").arg(text));
        r.interval = *interval;
    }
    auto width = intParam(query, QStringLiteral("width"), r.size.width(), 200, 4000);
    if (!width)
        return width.error();
    auto height = intParam(query, QStringLiteral("height"), r.size.height(), 150, 3000);
    if (!height)
        return height.error();
    r.size = QSize(width.value(), height.value());
    auto count = intParam(query, QStringLiteral("count"), r.count, 20, 2000);
    if (!count)
        return count.error();
    r.count = count.value();
    if (query.hasQueryItem(QStringLiteral("indicator"))) {
        const QString text = query.queryItemValue(QStringLiteral("indicator"));
        const auto indicator = ChartText::indicatorFromName(text);
        if (!indicator)
            return invalid(QObject::tr("indicator must be none, rsi, macd, chaikin, momentum or disparity (got \"%1\")")
                               .arg(text));
        r.indicator = *indicator;
    }
    if (query.hasQueryItem(QStringLiteral("overlays"))) {
        ChartView::Overlays overlays;
        for (const QString &part : query.queryItemValue(QStringLiteral("overlays")).split(u',', Qt::SkipEmptyParts)) {
            if (part == u"sma")
                overlays |= ChartView::Sma;
            else if (part == u"ema")
                overlays |= ChartView::Ema;
            else if (part == u"bb")
                overlays |= ChartView::Bollinger;
            else if (part != u"none")
                return invalid(QObject::tr("overlays must list sma, ema, bb or be none (got \"%1\")").arg(part));
        }
        r.overlays = overlays;
    }
    return r;
}

// The view settings and markers of a strategy chart.
Status applyStrategy(ChartData &data, const ChartImageRequest &request, ChartView &view)
{
    auto created = Strategies::StrategyRegistry::create(request.strategyType, data.strategyParameters);
    if (!created)
        created = Strategies::StrategyRegistry::create(request.strategyType); // stored parameters no longer valid
    if (!created)
        return created.error();
    const std::shared_ptr<const Strategies::Strategy> strategy = created.value();
    if (strategy->usesIndicatorSet())
        view.setIndicatorParams(strategy->indicatorParams());
    if (const auto *reference = dynamic_cast<const Strategies::ReferenceCandleStrategy *>(strategy.get())) {
        if (auto found = reference->findReference(data.candles); found && found->targetPrice > 0) {
            data.targetPrice = found->targetPrice;
            data.referenceTimeMs = found->candle.timeMs;
            ChartMarker m;
            m.kind = ChartMarker::Kind::Reference;
            m.timeMs = found->candle.timeMs;
            m.text = QObject::tr("Reference candle (+%1%)").arg(found->risePct, 0, 'f', 1);
            data.markers << m;
        }
    }
    {
        Strategies::SymbolRunner runner(data.code, { strategy });
        QList<Strategies::Signal> signalList;
        for (const Candle &c : std::as_const(data.candles)) {
            if (!runner.onCandle(Indicators::toBar(c), Strategies::SymbolRunner::BarStatus::Closed, signalList))
                break;
        }
        for (const Strategies::Signal &s : std::as_const(signalList)) {
            ChartMarker m;
            m.kind = s.side == Side::Buy ? ChartMarker::Kind::BuySignal : ChartMarker::Kind::SellSignal;
            m.timeMs = s.timeMs;
            m.price = s.price;
            m.text = s.reason;
            data.markers << m;
        }
    }
    return {};
}

} // namespace

ChartRenderer::ChartRenderer(CoreGateway *gateway, QObject *parent)
    : QObject(parent), m_loader(new ChartDataLoader(gateway, this))
{
}

ChartRenderer::~ChartRenderer() = default;

Result<ChartImageRequest> ChartRenderer::parseImageRequest(const QString &code, const QUrlQuery &query)
{
    return parseCommon(code, query, ChartImageRequest {});
}

Result<ChartImageRequest> ChartRenderer::parseStrategyRequest(
    const QString &code, const QString &strategyType, const QUrlQuery &query)
{
    if (!Strategies::StrategyRegistry::info(strategyType)) {
        return Error { QStringLiteral("strategy.unknown"),
            QObject::tr("unknown strategy type \"%1\" (known: %2)")
                .arg(strategyType, Strategies::StrategyRegistry::typeNames().join(u", ")) };
    }
    ChartImageRequest r;
    r.strategyType = strategyType;
    r.overlays = ChartView::NoOverlay;
    r.interval = strategyType == u"reference_candle" ? CandleInterval::Day : CandleInterval::Minute5;
    if (strategyType == u"rsi")
        r.indicator = ChartIndicator::Rsi;
    else if (strategyType == u"chaikin")
        r.indicator = ChartIndicator::Chaikin;
    else if (strategyType == u"momentum")
        r.indicator = ChartIndicator::Momentum;
    else if (strategyType == u"disparity")
        r.indicator = ChartIndicator::Disparity;
    else
        r.indicator = ChartIndicator::None;
    if (strategyType == u"bollinger")
        r.overlays = ChartView::Bollinger;
    return parseCommon(code, query, r);
}

Result<QImage> ChartRenderer::renderImage(const ChartData &loaded, const ChartImageRequest &request)
{
    ChartData data = loaded;
    if (data.candles.size() > request.count)
        data.candles = data.candles.mid(data.candles.size() - request.count);
    ChartView view;
    view.setAttribute(Qt::WA_DontShowOnScreen);
    view.resize(request.size);
    view.setOverlays(request.overlays);
    view.setIndicator(request.indicator);
    if (!request.strategyType.isEmpty()) {
        if (Status st = applyStrategy(data, request, view); !st)
            return st.error();
    }
    view.show();
    if (view.layout())
        view.layout()->activate();
    // Chart items lay out on posted LayoutRequest events; deliver them before drawing.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    view.setData(data);
    if (data.candles.isEmpty())
        view.setMessage(QObject::tr("No candles for %1").arg(data.code));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QImage image = view.grab().toImage();
    view.hide();
    if (image.size() != request.size)
        image = image.scaled(request.size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    return image;
}

QByteArray ChartRenderer::toPng(const QImage &image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

void ChartRenderer::render(const ChartImageRequest &request, Done done)
{
    ChartDataLoader::Query q;
    q.code = request.code;
    q.interval = request.interval;
    q.count = request.count;
    q.strategyType = request.strategyType;
    QPointer<ChartRenderer> self(this);
    m_loader->load(q, [self, request, done](const Result<ChartData> &data) {
        if (!self)
            return;
        if (!data) {
            done(data.error());
            return;
        }
        auto image = renderImage(data.value(), request);
        if (!image) {
            done(image.error());
            return;
        }
        ++self->m_rendered;
        done(toPng(image.value()));
    });
}
