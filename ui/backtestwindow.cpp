// SPDX-License-Identifier: GPL-3.0-or-later
#include "backtestwindow.h"

#include "coreasync.h"
#include "coregateway.h"
#include "jsontablemodel.h"
#include "mainwindow.h"
#include "tableexport.h"

#include "backtest/backtester.h"
#include "common/settings.h"
#include "indicators/types.h"
#include "market/candlecache.h"
#include "market/krx.h"
#include "storage/watchlistrepository.h"
#include "strategy/strategyregistry.h"
#include "trading/tradingengine.h"

#include <QAction>
#include <QCandlestickSeries>
#include <QCandlestickSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTimeAxis>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QLocale>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QScatterSeries>
#include <QScrollArea>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <vector>

namespace {

QString won(qint64 value)
{
    QLocale locale;
    if (locale.language() == QLocale::C)
        locale = QLocale(QLocale::English);
    locale.setNumberOptions(QLocale::DefaultNumberOptions);
    return locale.toString(value);
}

QString pct(double value)
{
    return QString::number(value, 'f', 2) + u'%';
}

struct CandleLoad
{
    QString error;
    QList<Candle> candles;
    QDate marketToday;
};

// The candles shown on the candle chart at most (the newest; the run uses all of them).
constexpr int kMaxChartCandles = 3000;

} // namespace

struct BacktestWindow::Job
{
    std::atomic<bool> cancel { false };
    std::atomic<int> percent { 0 };
    std::shared_ptr<const Strategies::Strategy> strategy;
    Backtest::Config config;
    std::vector<Indicators::Bar> bars;
    std::optional<Result<Backtest::Report>> result;
};

BacktestWindow::BacktestWindow(CoreGateway *gateway, QWidget *parent) : QWidget(parent, Qt::Window), m_gateway(gateway)
{
    setObjectName(QStringLiteral("backtestWindow"));
    setWindowTitle(tr("Backtest"));
    setAccessibleName(tr("Backtest"));
    setAccessibleDescription(tr("Runs a strategy over a stock's past candles"));
    m_progressTimer = new QTimer(this);
    m_progressTimer->setInterval(50);
    connect(m_progressTimer, &QTimer::timeout, this, &BacktestWindow::pollProgress);
    buildUi();
    loadDefaults();
    resize(1200, 780);
}

BacktestWindow::~BacktestWindow()
{
    if (m_worker) {
        m_job->cancel = true;
        m_worker->wait();
        delete m_worker;
    }
}

void BacktestWindow::buildUi()
{
    // Inputs (left).
    auto *inputs = new QWidget(this);
    auto *form = new QFormLayout(inputs);

    m_stock = new QComboBox(inputs);
    m_stock->setObjectName(QStringLiteral("backtestStock"));
    m_stock->setEditable(true);
    m_stock->setInsertPolicy(QComboBox::NoInsert);
    m_stock->setAccessibleName(tr("Stock"));
    m_stock->setAccessibleDescription(tr("Six-character stock code"));
    m_stock->lineEdit()->setPlaceholderText(tr("e.g. 005930"));
    auto *stockLabel = new QLabel(tr("&Stock:"), inputs);
    stockLabel->setBuddy(m_stock);
    form->addRow(stockLabel, m_stock);

    m_interval = new QComboBox(inputs);
    m_interval->setObjectName(QStringLiteral("backtestInterval"));
    m_interval->setAccessibleName(tr("Candle interval"));
    m_interval->addItem(tr("Daily"), int(CandleInterval::Day));
    m_interval->addItem(tr("60 minutes"), int(CandleInterval::Minute60));
    m_interval->addItem(tr("30 minutes"), int(CandleInterval::Minute30));
    m_interval->addItem(tr("15 minutes"), int(CandleInterval::Minute15));
    m_interval->addItem(tr("5 minutes"), int(CandleInterval::Minute5));
    m_interval->addItem(tr("1 minute"), int(CandleInterval::Minute1));
    auto *intervalLabel = new QLabel(tr("&Candles:"), inputs);
    intervalLabel->setBuddy(m_interval);
    form->addRow(intervalLabel, m_interval);

    m_from = new QDateEdit(inputs);
    m_from->setObjectName(QStringLiteral("backtestFrom"));
    m_from->setAccessibleName(tr("From date"));
    m_from->setCalendarPopup(true);
    m_from->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_to = new QDateEdit(inputs);
    m_to->setObjectName(QStringLiteral("backtestTo"));
    m_to->setAccessibleName(tr("To date"));
    m_to->setCalendarPopup(true);
    m_to->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    const QDate today = QDate::currentDate();
    m_from->setDate(today.addYears(-1));
    m_to->setDate(today);
    auto *fromLabel = new QLabel(tr("&From:"), inputs);
    fromLabel->setBuddy(m_from);
    form->addRow(fromLabel, m_from);
    auto *toLabel = new QLabel(tr("T&o:"), inputs);
    toLabel->setBuddy(m_to);
    form->addRow(toLabel, m_to);

    m_strategy = new QComboBox(inputs);
    m_strategy->setObjectName(QStringLiteral("backtestStrategy"));
    m_strategy->setAccessibleName(tr("Strategy"));
    for (const Strategies::StrategyRegistry::Info &i : Strategies::StrategyRegistry::types()) {
        m_strategy->addItem(i.type, i.type);
        m_strategy->setItemData(m_strategy->count() - 1, i.description, Qt::ToolTipRole);
    }
    auto *strategyLabel = new QLabel(tr("S&trategy:"), inputs);
    strategyLabel->setBuddy(m_strategy);
    form->addRow(strategyLabel, m_strategy);
    connect(m_strategy, &QComboBox::currentIndexChanged, this, &BacktestWindow::rebuildParameterFields);

    m_paramsBox = new QGroupBox(tr("Parameters"), inputs);
    m_paramsBox->setObjectName(QStringLiteral("backtestParameters"));
    m_paramsBox->setAccessibleName(tr("Strategy parameters"));
    m_paramsForm = new QFormLayout(m_paramsBox);
    form->addRow(m_paramsBox);

    const auto percentBox = [inputs](const QString &name, const QString &accessible, double max) {
        auto *box = new QDoubleSpinBox(inputs);
        box->setObjectName(name);
        box->setAccessibleName(accessible);
        box->setDecimals(3);
        box->setRange(0.0, max);
        box->setSingleStep(0.1);
        box->setSuffix(QStringLiteral(" %"));
        return box;
    };
    m_cash = new QDoubleSpinBox(inputs);
    m_cash->setObjectName(QStringLiteral("backtestCash"));
    m_cash->setAccessibleName(tr("Starting cash in KRW"));
    m_cash->setDecimals(0);
    m_cash->setRange(1, 1e15);
    m_cash->setSingleStep(1'000'000);
    m_cash->setGroupSeparatorShown(true);
    m_cash->setSuffix(tr(" KRW"));
    auto *cashLabel = new QLabel(tr("C&ash:"), inputs);
    cashLabel->setBuddy(m_cash);
    form->addRow(cashLabel, m_cash);
    m_fee = percentBox(QStringLiteral("backtestFee"), tr("Commission per side, percent"), 5.0);
    m_tax = percentBox(QStringLiteral("backtestTax"), tr("Sell tax, percent"), 5.0);
    m_stopLoss = percentBox(QStringLiteral("backtestStopLoss"), tr("Stop-loss, percent below the buy price"), 99.0);
    m_takeProfit
        = percentBox(QStringLiteral("backtestTakeProfit"), tr("Take-profit, percent above the buy price"), 1000.0);
    const std::pair<QString, QDoubleSpinBox *> rows[] = {
        { tr("F&ee:"), m_fee },
        { tr("Sell ta&x:"), m_tax },
        { tr("Stop-&loss (손절):"), m_stopLoss },
        { tr("Take-&profit (익절):"), m_takeProfit },
    };
    for (const auto &[text, box] : rows) {
        auto *label = new QLabel(text, inputs);
        label->setBuddy(box);
        form->addRow(label, box);
    }

    m_run = new QPushButton(tr("&Run"), inputs);
    m_run->setObjectName(QStringLiteral("backtestRun"));
    m_run->setAccessibleName(tr("Run backtest"));
    m_run->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_run->setToolTip(tr("Run the backtest (Ctrl+Enter)"));
    m_cancel = new QPushButton(tr("Ca&ncel"), inputs);
    m_cancel->setObjectName(QStringLiteral("backtestCancel"));
    m_cancel->setAccessibleName(tr("Cancel backtest"));
    m_cancel->setEnabled(false);
    connect(m_run, &QPushButton::clicked, this, &BacktestWindow::run);
    connect(m_cancel, &QPushButton::clicked, this, &BacktestWindow::cancel);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_run);
    buttons->addWidget(m_cancel);
    form->addRow(buttons);

    m_progress = new QProgressBar(inputs);
    m_progress->setObjectName(QStringLiteral("backtestProgress"));
    m_progress->setAccessibleName(tr("Backtest progress"));
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    form->addRow(m_progress);
    m_status = new QLabel(inputs);
    m_status->setObjectName(QStringLiteral("backtestStatus"));
    m_status->setAccessibleName(tr("Backtest status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(m_status);

    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("backtestInputs"));
    scroll->setAccessibleName(tr("Backtest inputs"));
    scroll->setWidgetResizable(true);
    scroll->setWidget(inputs);
    scroll->setMinimumWidth(340);

    // Results (right).
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("backtestResults"));
    m_tabs->setAccessibleName(tr("Backtest results"));

    m_statsPage = new QWidget(m_tabs);
    m_statsPage->setObjectName(QStringLiteral("backtestStatistics"));
    m_statsPage->setAccessibleName(tr("Statistics"));
    m_statsForm = new QFormLayout(m_statsPage);
    const std::pair<const char *, QString> stats[] = {
        { "total_return", tr("Total return") },
        { "net_profit", tr("Net profit") },
        { "final_equity", tr("Final equity") },
        { "max_drawdown", tr("Max drawdown") },
        { "trades", tr("Trades") },
        { "win_rate", tr("Win rate") },
        { "fees", tr("Fees paid") },
        { "taxes", tr("Taxes paid") },
        { "buy_and_hold", tr("Buy and hold") },
        { "candles", tr("Candles") },
        { "signals", tr("Signals") },
    };
    for (const auto &[key, text] : stats) {
        auto *value = new QLabel(QStringLiteral("–"), m_statsPage);
        value->setObjectName(QStringLiteral("stat_") + QLatin1String(key));
        value->setAccessibleName(text);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        value->setFocusPolicy(Qt::TabFocus);
        m_statsForm->addRow(text + u':', value);
    }
    m_tabs->addTab(m_statsPage, tr("Stat&istics"));

    m_equityView = new QChartView(new QChart, m_tabs);
    m_equityView->setObjectName(QStringLiteral("backtestEquityChart"));
    m_equityView->setAccessibleName(tr("Equity curve"));
    m_equityView->setRenderHint(QPainter::Antialiasing);
    m_equityView->setFocusPolicy(Qt::TabFocus);
    m_tabs->addTab(m_equityView, tr("E&quity curve"));

    m_candleView = new QChartView(new QChart, m_tabs);
    m_candleView->setObjectName(QStringLiteral("backtestCandleChart"));
    m_candleView->setAccessibleName(tr("Candles with trades"));
    m_candleView->setRubberBand(QChartView::HorizontalRubberBand);
    m_candleView->setFocusPolicy(Qt::TabFocus);
    m_tabs->addTab(m_candleView, tr("C&hart"));

    auto *tradesPage = new QWidget(m_tabs);
    auto *tradesLayout = new QVBoxLayout(tradesPage);
    m_trades = new JsonTableModel(QStringLiteral("n"), this);
    using K = JsonTableModel::Kind;
    m_trades->setColumns({
        { QStringLiteral("n"), tr("#"), K::Integer, {}, {} },
        { QStringLiteral("entry_time"), tr("Entry time"), K::Text, {}, {} },
        { QStringLiteral("entry_price"), tr("Buy price"), K::Integer, {}, {} },
        { QStringLiteral("quantity"), tr("Quantity"), K::Integer, {}, {} },
        { QStringLiteral("entry_fee"), tr("Buy fee"), K::Integer, {}, {} },
        { QStringLiteral("exit_time"), tr("Exit time"), K::Text, {}, {} },
        { QStringLiteral("exit_price"), tr("Sell price"), K::Integer, {}, {} },
        { QStringLiteral("exit_fee"), tr("Sell fee"), K::Integer, {}, {} },
        { QStringLiteral("exit_tax"), tr("Tax"), K::Integer, {}, {} },
        { QStringLiteral("exit_reason"), tr("Exit reason"), K::Text, {}, {} },
        { QStringLiteral("profit"), tr("Profit"), K::SignedInteger, {}, {} },
        { QStringLiteral("return_pct"), tr("Return"), K::Percent, {}, {} },
    });
    m_tradesView = new QTableView(tradesPage);
    m_tradesView->setObjectName(QStringLiteral("backtestTrades"));
    m_tradesView->setAccessibleName(tr("Backtest trades"));
    m_tradesView->setModel(m_trades);
    m_tradesView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tradesView->horizontalHeader()->setAccessibleName(tr("Trade columns"));
    m_tradesView->verticalHeader()->hide();
    TableExport::install(m_tradesView, QStringLiteral("backtest-trades"));
    m_export = new QPushButton(tr("Export to CS&V…"), tradesPage);
    m_export->setObjectName(QStringLiteral("backtestExport"));
    m_export->setAccessibleName(tr("Export trades to CSV"));
    m_export->setEnabled(false);
    connect(m_export, &QPushButton::clicked, this, &BacktestWindow::exportTradesAs);
    tradesLayout->addWidget(m_tradesView);
    auto *exportRow = new QHBoxLayout;
    exportRow->addStretch();
    exportRow->addWidget(m_export);
    tradesLayout->addLayout(exportRow);
    m_tabs->addTab(tradesPage, tr("Tra&des"));

    auto *splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("backtestSplitter"));
    splitter->addWidget(scroll);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    auto *esc = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    connect(esc, &QShortcut::activated, this, [this] {
        if (isRunning())
            cancel();
        else
            close();
    });

    rebuildParameterFields();
    setConfig(Backtest::Config {});
}

BacktestWindow *BacktestWindow::install(MainWindow *window)
{
    auto *backtest = new BacktestWindow(window->gateway(), window);
    auto *action = new QAction(tr("&Backtest…"), window);
    action->setObjectName(QStringLiteral("actionBacktest"));
    action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    action->setToolTip(tr("Run a strategy over a stock's past candles (Ctrl+B)"));
    connect(action, &QAction::triggered, backtest, &BacktestWindow::showWindow);
    window->toolsMenu()->addAction(action);
    // A stock chosen anywhere becomes the backtest's stock while no run is going on.
    connect(window, &MainWindow::stockActivated, backtest, [backtest](const QString &code) {
        if (!backtest->isRunning())
            backtest->setStock(code);
    });
    return backtest;
}

void BacktestWindow::loadDefaults()
{
    if (!m_gateway)
        return;
    // The user's trading settings as defaults, and the market's date (the simulator's in demo).
    m_gateway->read(
        this,
        [](TradingCore &core) {
            const Settings &s = core.settings();
            return QJsonObject {
                { QStringLiteral("fee"), s.feeRate() },
                { QStringLiteral("tax"), s.sellTaxRate() },
                { QStringLiteral("stop_loss"), s.stopLossRate() },
                { QStringLiteral("take_profit"), s.takeProfitRate() },
                { QStringLiteral("today"), Krx::kstDate(core.marketClock().nowMs()).toString(Qt::ISODate) },
            };
        },
        [this](const QJsonObject &o) {
            if (isRunning())
                return;
            m_fee->setValue(o.value(QStringLiteral("fee")).toDouble());
            m_tax->setValue(o.value(QStringLiteral("tax")).toDouble());
            m_stopLoss->setValue(o.value(QStringLiteral("stop_loss")).toDouble());
            m_takeProfit->setValue(o.value(QStringLiteral("take_profit")).toDouble());
            const QDate today = QDate::fromString(o.value(QStringLiteral("today")).toString(), Qt::ISODate);
            if (today.isValid()) {
                m_to->setDate(today);
                m_from->setDate(today.addYears(-1));
            }
        });
    loadStocks();
}

void BacktestWindow::loadStocks()
{
    m_gateway->read(
        this,
        [](TradingCore &core) {
            QJsonArray out;
            QStringList seen;
            if (core.database()) {
                const auto rows = WatchlistRepository(*core.database()).listAll();
                if (rows) {
                    for (const auto &w : *rows) {
                        out.append(QJsonObject {
                            { QStringLiteral("code"), w.stockCode }, { QStringLiteral("name"), w.stockName } });
                        seen << w.stockCode;
                    }
                }
            }
            for (const QString &code : TradingCore::defaultWatchCodes()) {
                if (!seen.contains(code))
                    out.append(QJsonObject { { QStringLiteral("code"), code } });
            }
            return out;
        },
        [this](const QJsonArray &stocks) {
            const QString typed = m_stock->currentText();
            for (const QJsonValue &v : stocks) {
                const QString code = v[QStringLiteral("code")].toString();
                const QString name = v[QStringLiteral("name")].toString();
                if (m_stock->findData(code) < 0)
                    m_stock->addItem(name.isEmpty() ? code : code + u' ' + name, code);
            }
            if (!typed.isEmpty())
                m_stock->setEditText(typed);
        });
}

void BacktestWindow::showWindow()
{
    show();
    raise();
    activateWindow();
    m_stock->setFocus(Qt::ShortcutFocusReason);
}

void BacktestWindow::rebuildParameterFields()
{
    while (m_paramsForm->rowCount() > 0)
        m_paramsForm->removeRow(0);
    m_paramFields.clear();
    const Strategies::StrategyRegistry::Info *info = Strategies::StrategyRegistry::info(strategyType());
    if (!info)
        return;
    m_paramsBox->setToolTip(info->description);
    for (const Strategies::ParamSpec &p : info->parameters) {
        QWidget *field = nullptr;
        if (p.type == Strategies::ParamType::Int) {
            auto *box = new QSpinBox(m_paramsBox);
            box->setRange(int(std::max(p.min, -2e9)), int(std::min(p.max, 2e9)));
            box->setValue(int(p.defaultValue));
            field = box;
        } else {
            auto *box = new QDoubleSpinBox(m_paramsBox);
            box->setDecimals(4);
            box->setRange(p.min, p.max);
            box->setSingleStep(std::max(0.0001, (p.max - p.min) / 100.0));
            box->setValue(p.defaultValue);
            field = box;
        }
        field->setObjectName(QStringLiteral("param_") + p.name);
        field->setProperty("paramName", p.name);
        field->setAccessibleName(p.name);
        field->setAccessibleDescription(p.description);
        field->setToolTip(tr("%1 (%2 to %3)").arg(p.description).arg(p.min).arg(p.max));
        auto *label = new QLabel(p.name + u':', m_paramsBox);
        label->setBuddy(field);
        m_paramsForm->addRow(label, field);
        m_paramFields << field;
    }
    // A strategy with its own exits (scalping) ignores the stop-loss / take-profit fields.
    const auto strategy = Strategies::StrategyRegistry::create(strategyType(), {});
    const bool ownExits = strategy && (*strategy)->exitRules().has_value();
    m_stopLoss->setEnabled(!ownExits);
    m_takeProfit->setEnabled(!ownExits);
    const QString note = ownExits ? tr("This strategy brings its own exits (see its parameters).") : QString();
    m_stopLoss->setToolTip(note);
    m_takeProfit->setToolTip(note);
}

void BacktestWindow::setStock(const QString &code)
{
    const int i = m_stock->findData(code);
    if (i >= 0)
        m_stock->setCurrentIndex(i);
    else
        m_stock->setEditText(code);
}

QString BacktestWindow::stockCode() const
{
    return m_stock->currentText().trimmed().section(u' ', 0, 0).toUpper();
}

void BacktestWindow::setInterval(CandleInterval interval)
{
    const int i = m_interval->findData(int(interval));
    if (i >= 0)
        m_interval->setCurrentIndex(i);
}

CandleInterval BacktestWindow::interval() const
{
    return CandleInterval(m_interval->currentData().toInt());
}

void BacktestWindow::setDateRange(const QDate &from, const QDate &to)
{
    m_from->setDate(from);
    m_to->setDate(to);
}

bool BacktestWindow::setStrategy(const QString &type)
{
    const int i = m_strategy->findData(type);
    if (i < 0)
        return false;
    m_strategy->setCurrentIndex(i);
    return true;
}

QString BacktestWindow::strategyType() const
{
    return m_strategy->currentData().toString();
}

void BacktestWindow::setParameters(const QJsonObject &parameters)
{
    for (QWidget *field : std::as_const(m_paramFields)) {
        const QString name = field->property("paramName").toString();
        if (!parameters.contains(name))
            continue;
        if (auto *i = qobject_cast<QSpinBox *>(field))
            i->setValue(parameters.value(name).toInt());
        else if (auto *d = qobject_cast<QDoubleSpinBox *>(field))
            d->setValue(parameters.value(name).toDouble());
    }
}

QJsonObject BacktestWindow::parameters() const
{
    QJsonObject o;
    for (QWidget *field : m_paramFields) {
        const QString name = field->property("paramName").toString();
        if (auto *i = qobject_cast<QSpinBox *>(field))
            o.insert(name, i->value());
        else if (auto *d = qobject_cast<QDoubleSpinBox *>(field))
            o.insert(name, d->value());
    }
    return o;
}

Backtest::Config BacktestWindow::config() const
{
    Backtest::Config c;
    c.initialCash = qint64(std::llround(m_cash->value()));
    c.feePct = m_fee->value();
    c.sellTaxPct = m_tax->value();
    c.stopLossPct = m_stopLoss->value();
    c.takeProfitPct = m_takeProfit->value();
    c.recordEquity = true;
    return c;
}

void BacktestWindow::setConfig(const Backtest::Config &c)
{
    m_cash->setValue(double(c.initialCash));
    m_fee->setValue(c.feePct);
    m_tax->setValue(c.sellTaxPct);
    m_stopLoss->setValue(c.stopLossPct);
    m_takeProfit->setValue(c.takeProfitPct);
}

bool BacktestWindow::isRunning() const
{
    return m_loading || m_worker != nullptr;
}

int BacktestWindow::progress() const
{
    return m_progress->value();
}

QString BacktestWindow::statusText() const
{
    return m_status->text();
}

void BacktestWindow::setBusy(bool busy, const QString &status)
{
    m_run->setEnabled(!busy);
    m_cancel->setEnabled(busy);
    m_status->setText(status);
    m_status->setStyleSheet(QString());
    if (busy)
        m_cancel->setFocus();
}

void BacktestWindow::fail(const QString &message)
{
    setBusy(false, message);
    m_status->setStyleSheet(QStringLiteral("QLabel { color: #b71c1c; }"));
    m_progress->setRange(0, 100);
    emit finished(false, message);
}

void BacktestWindow::run()
{
    if (isRunning())
        return;
    const QString code = stockCode();
    if (code.size() != 6) {
        fail(tr("\"%1\" is not a stock code (six characters, e.g. 005930).").arg(m_stock->currentText()));
        m_stock->setFocus();
        return;
    }
    const QDate from = m_from->date();
    const QDate to = m_to->date();
    if (from > to) {
        fail(tr("The start date %1 is after the end date %2.")
                 .arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate)));
        m_from->setFocus();
        return;
    }
    const auto strategy = Strategies::StrategyRegistry::create(strategyType(), parameters());
    if (!strategy) {
        fail(strategy.error().message);
        return;
    }
    if (const Status s = config().validate(); !s) {
        fail(s.error().message);
        return;
    }
    if (!m_gateway) {
        fail(CoreGateway::notReadyError().message);
        return;
    }
    m_loading = true;
    const quint64 id = ++m_loadId;
    m_progress->setRange(0, 0); // busy until the candles are in
    setBusy(true, tr("Reading the candles of %1…").arg(code));
    const CandleInterval iv = interval();
    CoreAsync::read<CandleLoad>(
        m_gateway, this,
        [code, iv, from](TradingCore &core, std::function<void(CandleLoad)> reply) {
            TradingEngine *engine = core.engine();
            CandleLoad load;
            load.marketToday = Krx::kstDate(core.marketClock().nowMs());
            if (!engine) {
                load.error = CoreGateway::notReadyError().message;
                reply(load);
                return;
            }
            // How many bars reach back to `from`: trading days since then × bars per day.
            int days = 0;
            for (QDate d = from; d <= load.marketToday && days < 20000; d = d.addDays(1))
                days += Krx::isTradingDay(d) ? 1 : 0;
            const int minutes = Candles::minutes(iv);
            const int perDay = minutes > 0 ? (390 + minutes - 1) / minutes + 1 : 1;
            const int count = std::clamp(days * perDay + perDay, 1, 100'000);
            engine->candles().candles(code, iv, count, engine, [reply, load](const Result<QList<Candle>> &r) mutable {
                if (!r)
                    load.error = r.error().message;
                else
                    load.candles = r.value();
                reply(load);
            });
        },
        [this, id, code, from, to](const CandleLoad &load) {
            if (id != m_loadId || !m_loading)
                return; // cancelled
            m_loading = false;
            m_progress->setRange(0, 100);
            if (!load.error.isEmpty()) {
                fail(tr("Could not read the candles of %1: %2").arg(code, load.error));
                return;
            }
            QList<Candle> bars;
            for (const Candle &c : load.candles) {
                const QDate d = Krx::kstDate(c.timeMs);
                if (d >= from && d <= to)
                    bars << c;
            }
            if (bars.isEmpty()) {
                fail(tr("No candles of %1 between %2 and %3 (the market's date is %4).")
                         .arg(code, from.toString(Qt::ISODate), to.toString(Qt::ISODate),
                             load.marketToday.toString(Qt::ISODate)));
                return;
            }
            runOnCandles(bars);
        });
}

void BacktestWindow::runOnCandles(const QList<Candle> &candles)
{
    if (m_worker)
        return;
    auto strategy = Strategies::StrategyRegistry::create(strategyType(), parameters());
    if (!strategy) {
        fail(strategy.error().message);
        return;
    }
    const Backtest::Config cfg = config();
    if (const Status s = cfg.validate(); !s) {
        fail(s.error().message);
        return;
    }
    m_report.reset();
    m_candles = candles;
    m_job = std::make_shared<Job>();
    m_job->strategy = *strategy;
    m_job->config = cfg;
    m_job->bars.reserve(size_t(candles.size()));
    for (const Candle &c : candles)
        m_job->bars.push_back(Indicators::toBar(c));
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    setBusy(true, tr("Running %1 over %2 candles…").arg(strategyType()).arg(candles.size()));
    std::shared_ptr<Job> job = m_job;
    m_worker = QThread::create([job] {
        const Backtest::Backtester backtester(job->strategy, job->config);
        job->result = backtester.run(job->bars, [job](qsizetype done, qsizetype total) {
            job->percent = total > 0 ? int(done * 100 / total) : 100;
            return !job->cancel.load();
        });
    });
    m_worker->setObjectName(QStringLiteral("backtestWorker"));
    connect(m_worker, &QThread::finished, this, &BacktestWindow::onWorkerDone);
    m_progressTimer->start();
    m_worker->start(QThread::LowPriority);
}

void BacktestWindow::cancel()
{
    if (m_loading) {
        m_loading = false;
        ++m_loadId;
        m_progress->setRange(0, 100);
        m_progress->setValue(0);
        setBusy(false, tr("Cancelled."));
        emit finished(false, tr("Cancelled."));
        return;
    }
    if (m_job)
        m_job->cancel = true;
}

void BacktestWindow::pollProgress()
{
    if (m_job)
        m_progress->setValue(m_job->percent.load());
}

void BacktestWindow::onWorkerDone()
{
    m_progressTimer->stop();
    m_worker->wait();
    m_worker->deleteLater();
    m_worker = nullptr;
    std::shared_ptr<Job> job = std::move(m_job);
    if (!job || !job->result) {
        fail(tr("The backtest stopped without a result."));
        return;
    }
    const Result<Backtest::Report> &result = *job->result;
    if (!result) {
        if (result.error().code == u"backtest.cancelled") {
            m_progress->setValue(job->percent.load());
            setBusy(false, tr("Cancelled."));
            emit finished(false, tr("Cancelled."));
            return;
        }
        fail(result.error().message);
        return;
    }
    m_progress->setValue(100);
    m_report = result.value();
    showReport();
    const Backtest::Summary &s = m_report->summary;
    const QString trades = s.trades == 1 ? tr("1 trade") : tr("%1 trades").arg(s.trades);
    const QString text
        = tr("Done: %1, total return %2, max drawdown %3.").arg(trades, pct(s.totalReturnPct), pct(s.maxDrawdownPct));
    setBusy(false, text);
    emit finished(true, text);
}

void BacktestWindow::showReport()
{
    showStatistics();
    QJsonArray rows;
    for (qsizetype i = 0; i < m_report->trades.size(); ++i) {
        QJsonObject o = m_report->trades.at(i).toJson();
        o.insert(QStringLiteral("n"), i + 1);
        rows.append(o);
    }
    m_trades->setRows(rows);
    m_tradesView->resizeColumnsToContents();
    m_export->setEnabled(!rows.isEmpty());
    showEquity();
    showCandles();
}

void BacktestWindow::showStatistics()
{
    const Backtest::Summary &s = m_report->summary;
    const auto set = [this](const char *key, const QString &text) {
        if (auto *l = m_statsPage->findChild<QLabel *>(QStringLiteral("stat_") + QLatin1String(key)))
            l->setText(text);
    };
    const QString red = QStringLiteral("#d32f2f");
    const QString blue = QStringLiteral("#1565c0");
    const auto coloured = [&](double v, const QString &text) {
        return v > 0 ? QStringLiteral("<span style=\"color:%1\">%2</span>").arg(red, text)
            : v < 0  ? QStringLiteral("<span style=\"color:%1\">%2</span>").arg(blue, text)
                     : text;
    };
    set("total_return",
        coloured(s.totalReturnPct, (s.totalReturnPct > 0 ? QStringLiteral("+") : QString()) + pct(s.totalReturnPct)));
    set("net_profit",
        coloured(
            double(s.netProfit), (s.netProfit > 0 ? QStringLiteral("+") : QString()) + won(s.netProfit) + tr(" KRW")));
    set("final_equity", won(s.finalEquity) + tr(" KRW"));
    set("max_drawdown", pct(s.maxDrawdownPct));
    set("trades",
        tr("%1 (%2 won, %3 lost)%4")
            .arg(s.trades)
            .arg(s.wins)
            .arg(s.losses)
            .arg(s.closedAtEnd ? tr(", the last closed at the final candle") : QString()));
    set("win_rate", pct(s.winRatePct));
    set("fees", won(s.feesPaid) + tr(" KRW"));
    set("taxes", won(s.taxesPaid) + tr(" KRW"));
    set("buy_and_hold", pct(s.buyAndHoldReturnPct));
    set("candles", won(s.candles));
    QString signalText = tr("%1 buy, %2 sell").arg(s.buySignals).arg(s.sellSignals);
    if (s.unaffordableBuys > 0 || s.unfilledLimitBuys > 0)
        signalText += tr("; %1 unaffordable, %2 target-price buys not filled")
                          .arg(s.unaffordableBuys)
                          .arg(s.unfilledLimitBuys);
    set("signals", signalText);
}

void BacktestWindow::showEquity()
{
    auto *chart = new QChart;
    chart->setTitle(tr("Equity (KRW)"));
    chart->legend()->hide();
    auto *series = new QLineSeries(chart);
    series->setName(tr("Equity"));
    const QList<double> &equity = m_report->equity;
    QList<QPointF> points;
    points.reserve(equity.size());
    double lo = double(m_report->summary.initialCash);
    double hi = lo;
    for (qsizetype i = 0; i < equity.size() && i < m_candles.size(); ++i) {
        points.append(QPointF(double(m_candles.at(i).timeMs), equity.at(i)));
        lo = std::min(lo, equity.at(i));
        hi = std::max(hi, equity.at(i));
    }
    series->replace(points);
    chart->addSeries(series);
    auto *x = new QDateTimeAxis(chart);
    x->setFormat(Candles::isIntraday(interval()) ? QStringLiteral("MM-dd HH:mm") : QStringLiteral("yyyy-MM-dd"));
    auto *y = new QValueAxis(chart);
    y->setLabelFormat(QStringLiteral("%.0f"));
    const double pad = std::max(1.0, (hi - lo) * 0.05);
    y->setRange(lo - pad, hi + pad);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    if (!points.isEmpty())
        x->setRange(QDateTime::fromMSecsSinceEpoch(qint64(points.first().x())),
            QDateTime::fromMSecsSinceEpoch(qint64(std::max(points.last().x(), points.first().x() + 1))));
    QChart *old = m_equityView->chart();
    m_equityView->setChart(chart);
    delete old;
}

void BacktestWindow::showCandles()
{
    auto *chart = new QChart;
    chart->legend()->setVisible(true);
    chart->legend()->setAlignment(Qt::AlignBottom);
    const qsizetype n = m_candles.size();
    const qsizetype first = std::max<qsizetype>(0, n - kMaxChartCandles);
    chart->setTitle(first > 0
            ? tr("%1 — the last %2 of %3 candles; x = candle number").arg(stockCode()).arg(n - first).arg(n)
            : tr("%1 — %2 candles; x = candle number").arg(stockCode()).arg(n));
    auto *candles = new QCandlestickSeries(chart);
    candles->setName(tr("Candles"));
    // Rises red, falls blue (the Korean convention).
    candles->setIncreasingColor(QColor(0xd3, 0x2f, 0x2f));
    candles->setDecreasingColor(QColor(0x15, 0x65, 0xc0));
    candles->setBodyOutlineVisible(false);
    double lo = 0;
    double hi = 0;
    for (qsizetype i = first; i < n; ++i) {
        const Candle &c = m_candles.at(i);
        candles->append(new QCandlestickSet(double(c.open), double(c.high), double(c.low), double(c.close), double(i)));
        lo = i == first ? double(c.low) : std::min(lo, double(c.low));
        hi = std::max(hi, double(c.high));
    }
    auto *buys = new QScatterSeries(chart);
    buys->setName(tr("Buys"));
    buys->setMarkerShape(QScatterSeries::MarkerShapeCircle);
    buys->setMarkerSize(9);
    buys->setColor(QColor(0xff, 0x6f, 0x00));
    auto *sells = new QScatterSeries(chart);
    sells->setName(tr("Sells"));
    sells->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    sells->setMarkerSize(9);
    sells->setColor(QColor(0x2e, 0x7d, 0x32));
    for (const Backtest::Trade &t : m_report->trades) {
        if (t.entryIndex >= first)
            buys->append(double(t.entryIndex), double(t.entryPrice));
        if (t.exitIndex >= first)
            sells->append(double(t.exitIndex), double(t.exitPrice));
    }
    chart->addSeries(candles);
    chart->addSeries(buys);
    chart->addSeries(sells);
    auto *x = new QValueAxis(chart);
    x->setLabelFormat(QStringLiteral("%d"));
    x->setRange(double(first) - 0.5, double(std::max(first, n - 1)) + 0.5);
    auto *y = new QValueAxis(chart);
    y->setLabelFormat(QStringLiteral("%.0f"));
    const double pad = std::max(1.0, (hi - lo) * 0.03);
    y->setRange(lo - pad, hi + pad);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries *s : chart->series()) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
    QChart *old = m_candleView->chart();
    m_candleView->setChart(chart);
    delete old;
}

bool BacktestWindow::exportTrades(const QString &path) const
{
    if (!m_report || m_trades->rowCount() == 0)
        return false;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return TableExport::writeCsv(*m_trades, file) && file.flush();
}

void BacktestWindow::exportTradesAs()
{
    if (!m_report)
        return;
    const QString suggested = QStringLiteral("backtest-%1-%2-%3.csv")
                                  .arg(stockCode(), strategyType(), QDate::currentDate().toString(Qt::ISODate));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Trades"), suggested, tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (!exportTrades(path)) {
        m_status->setText(tr("Could not write %1.").arg(path));
        m_status->setStyleSheet(QStringLiteral("QLabel { color: #b71c1c; }"));
        return;
    }
    m_status->setText(tr("Trades written to %1.").arg(path));
}
