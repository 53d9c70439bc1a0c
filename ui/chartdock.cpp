// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartdock.h"

#include "chartview.h"
#include "coregateway.h"

#include "services/quotebook.h"
#include "tradingcore.h"

#include <QAction>
#include <QComboBox>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

constexpr int BARS = 400;

QString intervalLabel(CandleInterval interval)
{
    switch (interval) {
    case CandleInterval::Day:
        return QObject::tr("Daily");
    default:
        return QObject::tr("%1 min").arg(Candles::minutes(interval));
    }
}

QString indicatorLabel(ChartIndicator indicator)
{
    switch (indicator) {
    case ChartIndicator::None:
        return QObject::tr("None");
    case ChartIndicator::Rsi:
        return QObject::tr("RSI");
    case ChartIndicator::Macd:
        return QObject::tr("MACD");
    case ChartIndicator::Chaikin:
        return QObject::tr("Chaikin oscillator");
    case ChartIndicator::Momentum:
        return QObject::tr("Momentum");
    case ChartIndicator::Disparity:
        return QObject::tr("Disparity (이격도)");
    }
    return {};
}

QToolButton *toggle(QWidget *parent, const QString &name, const QString &text, const QString &tip, bool on)
{
    auto *b = new QToolButton(parent);
    b->setObjectName(name);
    b->setText(text);
    b->setToolTip(tip);
    b->setAccessibleName(tip);
    b->setCheckable(true);
    b->setChecked(on);
    b->setFocusPolicy(Qt::StrongFocus);
    return b;
}

QToolButton *button(QWidget *parent, const QString &name, const QString &text, const QString &tip)
{
    auto *b = new QToolButton(parent);
    b->setObjectName(name);
    b->setText(text);
    b->setToolTip(tip);
    b->setAccessibleName(tip);
    b->setFocusPolicy(Qt::StrongFocus);
    return b;
}

} // namespace

ChartDock::ChartDock(CoreGateway *gateway, QWidget *parent)
    : QDockWidget(tr("Chart"), parent), m_gateway(gateway), m_loader(new ChartDataLoader(gateway, this))
{
    setObjectName(QStringLiteral("chartDock"));
    setAccessibleName(tr("Chart"));
    setAccessibleDescription(tr("Candle chart of one stock with volume, indicators and trade markers"));

    auto *content = new QWidget(this);
    content->setObjectName(QStringLiteral("chartDockContent"));
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->setSpacing(2);
    auto *bar = new QHBoxLayout();
    bar->setSpacing(4);

    auto *codeLabel = new QLabel(tr("&Code:"), content);
    m_codeCombo = new QComboBox(content);
    m_codeCombo->setObjectName(QStringLiteral("chartCodeCombo"));
    m_codeCombo->setAccessibleName(tr("Stock code"));
    m_codeCombo->setEditable(true);
    m_codeCombo->setInsertPolicy(QComboBox::NoInsert);
    m_codeCombo->setMinimumContentsLength(8);
    m_codeCombo->lineEdit()->setMaxLength(6);
    m_codeCombo->setToolTip(tr("Six-digit stock code; Enter shows it"));
    m_codeCombo->addItems(TradingCore::defaultWatchCodes());
    m_codeCombo->setCurrentIndex(-1);
    codeLabel->setBuddy(m_codeCombo);

    auto *intervalLabelWidget = new QLabel(tr("&Interval:"), content);
    m_intervalCombo = new QComboBox(content);
    m_intervalCombo->setObjectName(QStringLiteral("chartIntervalCombo"));
    m_intervalCombo->setAccessibleName(tr("Candle interval"));
    for (CandleInterval i : ChartText::intervals())
        m_intervalCombo->addItem(intervalLabel(i), Candles::toString(i));
    m_intervalCombo->setCurrentIndex(m_intervalCombo->findData(Candles::toString(m_interval)));
    intervalLabelWidget->setBuddy(m_intervalCombo);

    auto *indicatorLabelWidget = new QLabel(tr("In&dicator:"), content);
    m_indicatorCombo = new QComboBox(content);
    m_indicatorCombo->setObjectName(QStringLiteral("chartIndicatorCombo"));
    m_indicatorCombo->setAccessibleName(tr("Indicator pane"));
    for (ChartIndicator i : { ChartIndicator::Rsi, ChartIndicator::Macd, ChartIndicator::Chaikin,
             ChartIndicator::Momentum, ChartIndicator::Disparity, ChartIndicator::None })
        m_indicatorCombo->addItem(indicatorLabel(i), ChartText::indicatorName(i));
    indicatorLabelWidget->setBuddy(m_indicatorCombo);

    m_smaButton = toggle(content, QStringLiteral("chartSmaButton"), tr("SMA"), tr("Simple moving average (20)"), true);
    m_emaButton
        = toggle(content, QStringLiteral("chartEmaButton"), tr("EMA"), tr("Exponential moving average (20)"), false);
    m_bollingerButton
        = toggle(content, QStringLiteral("chartBollingerButton"), tr("BB"), tr("Bollinger bands (20, 2)"), true);
    auto *zoomIn = button(content, QStringLiteral("chartZoomInButton"), QStringLiteral("+"), tr("Zoom in (+)"));
    auto *zoomOut = button(content, QStringLiteral("chartZoomOutButton"), QStringLiteral("−"), tr("Zoom out (−)"));
    auto *latest
        = button(content, QStringLiteral("chartLatestButton"), tr("Latest"), tr("Show the newest candles (End)"));
    auto *reloadButton = button(content, QStringLiteral("chartReloadButton"), tr("Reload"), tr("Load again (F5)"));

    bar->addWidget(codeLabel);
    bar->addWidget(m_codeCombo);
    bar->addWidget(intervalLabelWidget);
    bar->addWidget(m_intervalCombo);
    bar->addWidget(indicatorLabelWidget);
    bar->addWidget(m_indicatorCombo);
    bar->addSpacing(8);
    bar->addWidget(m_smaButton);
    bar->addWidget(m_emaButton);
    bar->addWidget(m_bollingerButton);
    bar->addSpacing(8);
    bar->addWidget(zoomIn);
    bar->addWidget(zoomOut);
    bar->addWidget(latest);
    bar->addWidget(reloadButton);
    bar->addStretch(1);
    layout->addLayout(bar);

    m_view = new ChartView(content);
    layout->addWidget(m_view, 1);
    setWidget(content);
    setFocusProxy(m_codeCombo);

    setTabOrder(m_codeCombo, m_intervalCombo);
    setTabOrder(m_intervalCombo, m_indicatorCombo);
    setTabOrder(m_indicatorCombo, m_smaButton);
    setTabOrder(m_smaButton, m_emaButton);
    setTabOrder(m_emaButton, m_bollingerButton);
    setTabOrder(m_bollingerButton, zoomIn);
    setTabOrder(zoomIn, zoomOut);
    setTabOrder(zoomOut, latest);
    setTabOrder(latest, reloadButton);
    setTabOrder(reloadButton, m_view);

    auto *reloadAction = new QAction(tr("Reload chart"), this);
    reloadAction->setObjectName(QStringLiteral("actionChartReload"));
    reloadAction->setShortcut(QKeySequence::Refresh);
    reloadAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(reloadAction);
    connect(reloadAction, &QAction::triggered, this, &ChartDock::reload);

    connect(
        m_codeCombo->lineEdit(), &QLineEdit::returnPressed, this, [this] { showStock(m_codeCombo->currentText()); });
    connect(m_codeCombo, &QComboBox::activated, this, [this](int index) {
        // An editable combo box also "activates" its text when it loses focus: only a change reloads.
        const QString code = m_codeCombo->itemText(index).trimmed().toUpper();
        if (code != m_code || !m_loaded)
            showStock(code);
    });
    connect(m_intervalCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (auto i = Candles::fromString(m_intervalCombo->itemData(index).toString()))
            setInterval(*i);
    });
    connect(m_indicatorCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (auto i = ChartText::indicatorFromName(m_indicatorCombo->itemData(index).toString()))
            m_view->setIndicator(*i);
    });
    for (QToolButton *b : { m_smaButton, m_emaButton, m_bollingerButton })
        connect(b, &QToolButton::toggled, this, &ChartDock::applyOverlays);
    connect(zoomIn, &QToolButton::clicked, m_view, &ChartView::zoomIn);
    connect(zoomOut, &QToolButton::clicked, m_view, &ChartView::zoomOut);
    connect(latest, &QToolButton::clicked, m_view, &ChartView::scrollToLatest);
    connect(reloadButton, &QToolButton::clicked, this, &ChartDock::reload);
    applyOverlays();

    m_retry.setSingleShot(true);
    m_retry.setInterval(1000);
    connect(&m_retry, &QTimer::timeout, this, &ChartDock::reload);
    if (m_gateway)
        connect(m_gateway, &CoreGateway::changed, this, &ChartDock::onChanged);
    // The core stops after the event loop ends and before the window goes: no reads from then on.
    connect(qApp, &QCoreApplication::aboutToQuit, this, [this] {
        m_quitting = true;
        m_retry.stop();
    });
    // The window is never empty: the first of the demo's liquid names until the user picks one.
    showStock(TradingCore::defaultWatchCodes().value(0));
}

ChartDock::~ChartDock() = default;

void ChartDock::applyOverlays()
{
    ChartView::Overlays o;
    if (m_smaButton->isChecked())
        o |= ChartView::Sma;
    if (m_emaButton->isChecked())
        o |= ChartView::Ema;
    if (m_bollingerButton->isChecked())
        o |= ChartView::Bollinger;
    m_view->setOverlays(o);
}

void ChartDock::setIndicator(ChartIndicator indicator)
{
    m_indicatorCombo->setCurrentIndex(m_indicatorCombo->findData(ChartText::indicatorName(indicator)));
}

void ChartDock::showStock(const QString &code)
{
    const QString c = code.trimmed().toUpper();
    if (!ChartDataLoader::isValidCode(c)) {
        m_view->setMessage(tr("\"%1\" is not a stock code: enter six digits, e.g. 005930.").arg(code.trimmed()));
        return;
    }
    m_code = c;
    if (m_codeCombo->findText(c) < 0)
        m_codeCombo->insertItem(0, c);
    m_codeCombo->setCurrentText(c);
    reload();
}

void ChartDock::setInterval(CandleInterval interval)
{
    const int index = m_intervalCombo->findData(Candles::toString(interval));
    if (index >= 0 && m_intervalCombo->currentIndex() != index) {
        m_intervalCombo->setCurrentIndex(index); // comes back here through the signal
        return;
    }
    if (interval == m_interval && m_loaded)
        return;
    m_interval = interval;
    reload();
}

void ChartDock::reload()
{
    if (m_code.isEmpty() || !m_gateway || m_quitting)
        return;
    m_retry.stop();
    const quint64 request = ++m_request;
    m_view->setLoading(true, tr("Loading %1 (%2)…").arg(m_code, intervalLabel(m_interval)));
    ChartDataLoader::Query q;
    q.code = m_code;
    q.interval = m_interval;
    q.count = BARS;
    q.watch = true;
    m_loader->load(q, [this, request](const Result<ChartData> &result) {
        if (request != m_request)
            return; // superseded by a newer request
        if (!result) {
            m_loaded = false;
            if (result.error().code == u"command.not_ready") {
                m_view->setLoading(true, tr("Waiting for the broker connection…"));
                m_retry.start();
            } else {
                m_view->setMessage(tr("Could not load %1: %2").arg(m_code, result.error().message));
            }
            emit loaded(false);
            return;
        }
        m_loaded = true;
        m_view->setLoading(false);
        m_view->setData(result.value());
        emit loaded(true);
    });
}

void ChartDock::onChanged(const QStringList &topics)
{
    if (!m_loaded)
        return;
    if (topics.contains(QStringLiteral("quotes")))
        refreshQuote();
    if (topics.contains(QStringLiteral("orders")) || topics.contains(QStringLiteral("signals"))
        || topics.contains(QStringLiteral("conditions")))
        refreshMarkers();
}

void ChartDock::refreshQuote()
{
    if (m_quoteInFlight || m_quitting)
        return;
    m_quoteInFlight = true;
    const QString code = m_code;
    m_gateway->read(
        this,
        [code](TradingCore &core) -> std::optional<Quote> {
            return core.quoteBook() ? core.quoteBook()->quote(code) : std::nullopt;
        },
        [this](const std::optional<Quote> &quote) {
            m_quoteInFlight = false;
            if (quote && m_loaded)
                m_view->applyQuote(*quote);
        });
}

void ChartDock::refreshMarkers()
{
    if (m_markersInFlight || m_quitting || m_view->data().candles.isEmpty())
        return;
    m_markersInFlight = true;
    ChartDataLoader::Query q;
    q.code = m_code;
    q.interval = m_interval;
    const quint64 request = m_request;
    m_loader->loadMarkers(q, m_view->data().candles.first().timeMs, [this, request](const Result<ChartData> &r) {
        m_markersInFlight = false;
        if (request != m_request || !r || !m_loaded)
            return;
        m_view->setMarkers(r.value().markers, r.value().targetPrice, r.value().referenceTimeMs);
    });
}
