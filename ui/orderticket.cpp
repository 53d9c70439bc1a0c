// SPDX-License-Identifier: GPL-3.0-or-later
#include "orderticket.h"

#include "coreasync.h"
#include "coregateway.h"
#include "mainwindow.h"

#include "kiwoom/kiwoomsession.h"
#include "kiwoom/restclient.h"
#include "storage/orderrepository.h"
#include "storage/recordjson.h"
#include "storage/signalrepository.h"
#include "storage/watchlistrepository.h"
#include "trading/instrumentcache.h"
#include "trading/tradingcommands.h"
#include "trading/tradingengine.h"

#include <QAction>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QStringListModel>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

namespace {

// Money with thousands separators in the UI's locale (English digits where the locale is "C").
QString won(qint64 value)
{
    QLocale locale;
    if (locale.language() == QLocale::C)
        locale = QLocale(QLocale::English);
    locale.setNumberOptions(QLocale::DefaultNumberOptions);
    return locale.toString(value);
}

QString kindText(Krx::Instrument kind)
{
    return kind == Krx::Instrument::Etf ? QStringLiteral("etf") : QStringLiteral("stock");
}

constexpr int kMaxSpin = 2'000'000'000;

} // namespace

// ---------------------------------------------------------------------------------------------
// TickSpinBox

TickSpinBox::TickSpinBox(QWidget *parent) : QSpinBox(parent)
{
    setRange(0, kMaxSpin);
    setGroupSeparatorShown(true);
    setSuffix(tr(" KRW"));
    setAccelerated(true);
    connect(this, &QSpinBox::editingFinished, this, [this] {
        const qint64 v = normalized(value());
        if (v != value())
            setValue(int(v));
    });
}

TickSpinBox::~TickSpinBox() = default;

void TickSpinBox::setKind(Krx::Instrument kind)
{
    m_kind = kind;
}

void TickSpinBox::setDayLimits(qint64 lower, qint64 upper)
{
    m_lower = lower > 0 && upper >= lower ? lower : 0;
    m_upper = lower > 0 && upper >= lower ? upper : 0;
}

qint64 TickSpinBox::normalized(qint64 price) const
{
    if (price <= 0)
        return m_lower > 0 ? m_lower : 0;
    qint64 p = Krx::snapNearest(price, m_kind);
    if (m_upper > 0) {
        // The limits are on the ladder by the KRX rule, so clamping keeps the price on a tick.
        p = std::clamp(p, m_lower, m_upper);
    }
    return p;
}

void TickSpinBox::stepBy(int steps)
{
    if (steps == 0)
        return;
    qint64 v = value();
    // An off-tick price first moves to the tick on the side of the step (that is one step).
    if (!Krx::isOnTick(v, m_kind) || v <= 0) {
        v = steps > 0 ? Krx::snapUp(std::max<qint64>(v, 1), m_kind) : Krx::snapDown(std::max<qint64>(v, 1), m_kind);
        steps += steps > 0 ? -1 : 1;
    }
    v = Krx::addTicks(v, steps, m_kind);
    if (m_upper > 0)
        v = std::clamp(v, m_lower, m_upper);
    v = std::clamp<qint64>(v, 1, kMaxSpin);
    setValue(int(v));
    selectAll();
}

QAbstractSpinBox::StepEnabled TickSpinBox::stepEnabled() const
{
    StepEnabled e = StepUpEnabled | StepDownEnabled;
    const qint64 v = value();
    if (m_upper > 0 && v >= m_upper)
        e &= ~StepUpEnabled;
    if ((m_lower > 0 && v <= m_lower) || v <= 1)
        e &= ~StepDownEnabled;
    return e;
}

// ---------------------------------------------------------------------------------------------
// OrderTicket

OrderTicket::OrderTicket(CoreGateway *gateway, QWidget *parent) : QDialog(parent), m_gateway(gateway)
{
    setObjectName(QStringLiteral("orderTicket"));
    setWindowTitle(tr("Order Ticket"));
    setAccessibleName(tr("Order ticket"));
    setAccessibleDescription(tr("Buy or sell a stock by hand, through the same risk checks as automated trading"));
    setModal(false);
    buildUi();
    m_confirm = [this](const QString &text) {
        QMessageBox box(QMessageBox::Question, tr("Confirm Order"), text, QMessageBox::Yes | QMessageBox::No, this);
        box.setObjectName(QStringLiteral("orderConfirmation"));
        box.setAccessibleName(tr("Confirm order"));
        box.setDefaultButton(QMessageBox::No);
        box.button(QMessageBox::Yes)->setText(tr("&Send order"));
        box.button(QMessageBox::No)->setText(tr("&Don't send"));
        return box.exec() == QMessageBox::Yes;
    };
    if (m_gateway) {
        connect(m_gateway, &CoreGateway::changed, this, [this](const QStringList &topics) {
            if (m_trackedSignal > 0
                && (topics.contains(QStringLiteral("signals")) || topics.contains(QStringLiteral("orders"))))
                followSignal();
        });
        connect(m_gateway, &CoreGateway::event, this, [this](const QJsonObject &e) {
            if (m_trackedSignal <= 0 || e.value(QStringLiteral("type")).toString() != u"risk_refusal")
                return;
            const QJsonObject d = e.value(QStringLiteral("data")).toObject();
            if (d.value(QStringLiteral("code")).toString() == m_trackedCode
                && d.value(QStringLiteral("side")).toString() == u"BUY") {
                showMessage(tr("Refused by the risk guard: %1 Nothing was placed.")
                                .arg(d.value(QStringLiteral("message")).toString()),
                    true);
            }
        });
    }
    updateForm();
}

OrderTicket::~OrderTicket()
{
    // ~QDialog hides the window, which ends editing in the fields: their signals must not reach
    // this half-destroyed object.
    for (QObject *child : findChildren<QObject *>())
        disconnect(child, nullptr, this, nullptr);
}

OrderTicket *OrderTicket::install(MainWindow *window)
{
    auto *ticket = new OrderTicket(window->gateway(), window);
    auto *action = new QAction(tr("&Order Ticket…"), window);
    action->setObjectName(QStringLiteral("actionOrderTicket"));
    action->setShortcut(QKeySequence(Qt::Key_F2));
    action->setShortcutContext(Qt::ApplicationShortcut);
    action->setToolTip(tr("Buy or sell a stock by hand (F2)"));
    action->setIconText(tr("Order"));
    connect(action, &QAction::triggered, ticket, &OrderTicket::showTicket);
    window->tradingMenu()->addAction(action);
    window->mainToolBar()->addAction(action);
    // A stock chosen anywhere (double-click) is the one the ticket opens with next.
    connect(window, &MainWindow::stockActivated, ticket, [ticket](const QString &code) {
        if (!ticket->isVisible())
            ticket->setStock(code);
    });
    return ticket;
}

void OrderTicket::buildUi()
{
    auto *form = new QFormLayout;

    m_stock = new QLineEdit(this);
    m_stock->setObjectName(QStringLiteral("ticketStock"));
    m_stock->setPlaceholderText(tr("Code or name, e.g. 005930 or 삼성전자"));
    m_stock->setAccessibleName(tr("Stock"));
    m_stock->setAccessibleDescription(tr("Six-character stock code or part of the Korean name"));
    m_completions = new QStringListModel(this);
    m_completer = new QCompleter(m_completions, this);
    m_completer->setObjectName(QStringLiteral("ticketStockCompleter"));
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_completer->setMaxVisibleItems(12);
    m_stock->setCompleter(m_completer);
    connect(m_stock, &QLineEdit::editingFinished, this, &OrderTicket::onStockEdited);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this, [this](const QString &text) {
        m_stock->setText(text);
        onStockEdited();
    });
    auto *stockLabel = new QLabel(tr("&Stock:"), this);
    stockLabel->setBuddy(m_stock);
    form->addRow(stockLabel, m_stock);

    m_stockName = new QLabel(this);
    m_stockName->setObjectName(QStringLiteral("ticketStockName"));
    m_stockName->setAccessibleName(tr("Stock name"));
    m_dayInfo = new QLabel(this);
    m_dayInfo->setObjectName(QStringLiteral("ticketDayInfo"));
    m_dayInfo->setAccessibleName(tr("Base price and today's limits"));
    m_dayInfo->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_dayInfo->setWordWrap(true);
    form->addRow(m_stockName);
    form->addRow(m_dayInfo);

    m_buy = new QRadioButton(tr("&Buy"), this);
    m_buy->setObjectName(QStringLiteral("ticketBuy"));
    m_buy->setAccessibleName(tr("Buy"));
    m_buy->setStyleSheet(QStringLiteral("QRadioButton { color: #d32f2f; font-weight: bold; }"));
    m_sell = new QRadioButton(tr("S&ell"), this);
    m_sell->setObjectName(QStringLiteral("ticketSell"));
    m_sell->setAccessibleName(tr("Sell"));
    m_sell->setStyleSheet(QStringLiteral("QRadioButton { color: #1565c0; font-weight: bold; }"));
    m_buy->setChecked(true);
    auto *sides = new QHBoxLayout;
    sides->addWidget(m_buy);
    sides->addWidget(m_sell);
    sides->addStretch();
    auto *sideLabel = new QLabel(tr("Side:"), this);
    form->addRow(sideLabel, sides);
    connect(m_buy, &QRadioButton::toggled, this, [this] { updateForm(); });

    m_type = new QComboBox(this);
    m_type->setObjectName(QStringLiteral("ticketOrderType"));
    m_type->setAccessibleName(tr("Order type"));
    m_type->addItem(tr("Limit (지정가)"), int(Trading::OrderType::Limit));
    m_type->addItem(tr("Market (시장가)"), int(Trading::OrderType::Market));
    auto *typeLabel = new QLabel(tr("Order &type:"), this);
    typeLabel->setBuddy(m_type);
    form->addRow(typeLabel, m_type);
    connect(m_type, &QComboBox::currentIndexChanged, this, [this] { updateForm(); });

    m_price = new TickSpinBox(this);
    m_price->setObjectName(QStringLiteral("ticketPrice"));
    m_price->setAccessibleName(tr("Limit price"));
    m_price->setAccessibleDescription(
        tr("Up and down step by one tick of the KRX price ladder, inside today's upper and lower limits"));
    auto *priceLabel = new QLabel(tr("&Price:"), this);
    priceLabel->setBuddy(m_price);
    form->addRow(priceLabel, m_price);
    connect(m_price, &QSpinBox::valueChanged, this, [this] { updateEstimate(); });

    m_sizeMode = new QComboBox(this);
    m_sizeMode->setObjectName(QStringLiteral("ticketSizeMode"));
    m_sizeMode->setAccessibleName(tr("Size by"));
    m_sizeMode->addItem(tr("Quantity (shares)"));
    m_sizeMode->addItem(tr("Amount (KRW)"));
    auto *sizeModeLabel = new QLabel(tr("Si&ze by:"), this);
    sizeModeLabel->setBuddy(m_sizeMode);
    form->addRow(sizeModeLabel, m_sizeMode);
    connect(m_sizeMode, &QComboBox::currentIndexChanged, this, [this] { updateForm(); });

    m_quantity = new QSpinBox(this);
    m_quantity->setObjectName(QStringLiteral("ticketQuantity"));
    m_quantity->setAccessibleName(tr("Quantity in shares"));
    m_quantity->setRange(0, kMaxSpin);
    m_quantity->setGroupSeparatorShown(true);
    m_quantity->setSuffix(tr(" shares"));
    m_quantity->setValue(1);
    m_amount = new QSpinBox(this);
    m_amount->setObjectName(QStringLiteral("ticketAmount"));
    m_amount->setAccessibleName(tr("Amount in KRW"));
    m_amount->setRange(0, kMaxSpin);
    m_amount->setSingleStep(100'000);
    m_amount->setGroupSeparatorShown(true);
    m_amount->setSuffix(tr(" KRW"));
    auto *sizeBox = new QHBoxLayout;
    sizeBox->addWidget(m_quantity);
    sizeBox->addWidget(m_amount);
    auto *sizeLabel = new QLabel(tr("&Quantity:"), this);
    sizeLabel->setObjectName(QStringLiteral("ticketSizeLabel"));
    sizeLabel->setBuddy(m_quantity);
    form->addRow(sizeLabel, sizeBox);
    connect(m_quantity, &QSpinBox::valueChanged, this, [this] { updateEstimate(); });
    connect(m_amount, &QSpinBox::valueChanged, this, [this] { updateEstimate(); });

    m_estimate = new QLabel(this);
    m_estimate->setObjectName(QStringLiteral("ticketEstimate"));
    m_estimate->setAccessibleName(tr("Order estimate"));
    form->addRow(m_estimate);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("ticketMessage"));
    m_message->setAccessibleName(tr("Order result"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QDialogButtonBox(this);
    m_submit = buttons->addButton(tr("Buy…"), QDialogButtonBox::AcceptRole);
    m_submit->setObjectName(QStringLiteral("ticketSubmit"));
    m_submit->setDefault(true);
    m_submit->setAutoDefault(true);
    m_close = buttons->addButton(QDialogButtonBox::Close);
    m_close->setObjectName(QStringLiteral("ticketClose"));
    m_close->setAccessibleName(tr("Close"));
    m_close->setAutoDefault(false);
    connect(m_submit, &QPushButton::clicked, this, &OrderTicket::submit);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addStretch();
    layout->addWidget(buttons);

    setTabOrder(m_stock, m_buy);
    setTabOrder(m_buy, m_sell);
    setTabOrder(m_sell, m_type);
    setTabOrder(m_type, m_price);
    setTabOrder(m_price, m_sizeMode);
    setTabOrder(m_sizeMode, m_quantity);
    setTabOrder(m_quantity, m_amount);
    setTabOrder(m_amount, m_submit);
    setTabOrder(m_submit, m_close);
    resize(460, 0);
}

void OrderTicket::showTicket()
{
    loadStocks();
    show();
    raise();
    activateWindow();
    m_stock->setFocus(Qt::ShortcutFocusReason);
    m_stock->selectAll();
}

void OrderTicket::loadStocks()
{
    if (!m_gateway || m_stocksRequested)
        return;
    m_stocksRequested = true;
    // The watchlist first (at once, from the database), then the broker's lists (ka10099).
    m_gateway->read(
        this,
        [](TradingCore &core) {
            QJsonArray out;
            if (!core.database())
                return out;
            const auto rows = WatchlistRepository(*core.database()).listAll();
            if (rows) {
                for (const auto &w : *rows)
                    out.append(QJsonObject {
                        { QStringLiteral("code"), w.stockCode }, { QStringLiteral("name"), w.stockName } });
            }
            return out;
        },
        [this](const QJsonArray &stocks) { addStocks(stocks); });
    for (const Kiwoom::Market market : { Kiwoom::Market::Kospi, Kiwoom::Market::Kosdaq, Kiwoom::Market::Etf }) {
        CoreAsync::read<QJsonArray>(
            m_gateway, this,
            [market](TradingCore &core, std::function<void(QJsonArray)> reply) {
                KiwoomSession *session = core.session();
                if (!session) {
                    reply({});
                    return;
                }
                Kiwoom::Paging paging;
                paging.maxPages = 100;
                TradingCore *corePtr = &core;
                session->rest().stockList(
                    market, paging, session, [reply, market, corePtr](const KiwoomResult<Kiwoom::StockListReply> &r) {
                        QJsonArray out;
                        if (r) {
                            TradingEngine *engine = corePtr->engine();
                            for (const Kiwoom::StockListing &s : r->stocks) {
                                out.append(QJsonObject {
                                    { QStringLiteral("code"), s.code }, { QStringLiteral("name"), s.name } });
                                // The ETF list is how the engine learns an ETF's tick ladder.
                                if (market == Kiwoom::Market::Etf && engine)
                                    engine->instruments().setKind(s.code, Krx::Instrument::Etf);
                            }
                        }
                        reply(out);
                    });
            },
            [this](const QJsonArray &stocks) {
                addStocks(stocks);
                if (stocks.isEmpty() && m_names.isEmpty())
                    m_stocksRequested = false; // not connected yet: ask again next time
            });
    }
}

void OrderTicket::addStocks(const QJsonArray &stocks)
{
    bool added = false;
    for (const QJsonValue &v : stocks) {
        const QJsonObject o = v.toObject();
        const QString code = o.value(QStringLiteral("code")).toString().trimmed();
        const QString name = o.value(QStringLiteral("name")).toString().trimmed();
        if (code.isEmpty())
            continue;
        if (!m_names.contains(code) || (m_names.value(code).isEmpty() && !name.isEmpty())) {
            m_names.insert(code, name);
            added = true;
        }
    }
    if (!added)
        return;
    QStringList entries;
    entries.reserve(m_names.size());
    for (auto it = m_names.cbegin(); it != m_names.cend(); ++it)
        entries << (it.value().isEmpty() ? it.key() : it.key() + u' ' + it.value());
    entries.sort();
    m_completions->setStringList(entries);
    emit stocksLoaded(int(m_names.size()));
}

QString OrderTicket::parseCode(const QString &text) const
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return {};
    const QString first = t.section(u' ', 0, 0).toUpper();
    if (first.size() == 6 && (m_names.contains(first) || first.at(0).isDigit()))
        return first;
    // A name typed in full (or a name with its code after it).
    for (auto it = m_names.cbegin(); it != m_names.cend(); ++it) {
        if (!it.value().isEmpty() && it.value().compare(t, Qt::CaseInsensitive) == 0)
            return it.key();
    }
    // Anything else goes to the command layer as typed: its refusal says why.
    return first;
}

void OrderTicket::onStockEdited()
{
    const QString code = parseCode(m_stock->text());
    if (code.isEmpty() || code == m_instrument.value(QStringLiteral("code")).toString() || code == m_loadingCode)
        return;
    loadInstrument(code);
}

void OrderTicket::setStock(const QString &code)
{
    const QString c = code.trimmed().toUpper();
    const QString name = m_names.value(c);
    m_stock->setText(name.isEmpty() ? c : c + u' ' + name);
    loadInstrument(c);
}

void OrderTicket::loadInstrument(const QString &code)
{
    m_instrument = {};
    m_loadingCode = code;
    m_stockName->setText(m_names.value(code));
    m_dayInfo->setText(tr("Reading %1's day…").arg(code));
    m_price->setDayLimits(0, 0);
    m_price->setKind(Krx::Instrument::Stock);
    if (!m_gateway)
        return;
    CoreAsync::read<QJsonObject>(
        m_gateway, this,
        [code](TradingCore &core, std::function<void(QJsonObject)> reply) {
            TradingEngine *engine = core.engine();
            if (!engine) {
                reply(QJsonObject { { QStringLiteral("code"), code },
                    { QStringLiteral("error"), CoreGateway::notReadyError().message } });
                return;
            }
            engine->instruments().fetch(code, engine, [code, reply](const KiwoomResult<Trading::InstrumentInfo> &r) {
                if (!r) {
                    reply(QJsonObject {
                        { QStringLiteral("code"), code }, { QStringLiteral("error"), r.error().message } });
                    return;
                }
                const Trading::InstrumentInfo &i = r.value();
                reply(QJsonObject { { QStringLiteral("code"), i.code }, { QStringLiteral("name"), i.name },
                    { QStringLiteral("trading_date"), i.tradingDate }, { QStringLiteral("base_price"), i.basePrice },
                    { QStringLiteral("upper_limit"), i.upperLimit }, { QStringLiteral("lower_limit"), i.lowerLimit },
                    { QStringLiteral("price"), i.price }, { QStringLiteral("kind"), kindText(i.kind) } });
            });
        },
        [this, code](const QJsonObject &info) {
            if (code != m_loadingCode)
                return; // another stock was asked for since
            m_loadingCode.clear();
            if (info.contains(QStringLiteral("error"))) {
                m_instrument = {};
                m_failedCode = code;
                m_dayInfo->setText(tr("%1: %2").arg(code, info.value(QStringLiteral("error")).toString()));
                emit instrumentLoaded(code, false);
                updateEstimate();
                return;
            }
            m_instrument = info;
            m_failedCode.clear();
            const QString name = info.value(QStringLiteral("name")).toString();
            if (!name.isEmpty() && m_names.value(code).isEmpty())
                addStocks(
                    QJsonArray { QJsonObject { { QStringLiteral("code"), code }, { QStringLiteral("name"), name } } });
            showInstrument();
            emit instrumentLoaded(code, true);
        });
}

void OrderTicket::showInstrument()
{
    const QJsonObject &i = m_instrument;
    const qint64 base = qint64(i.value(QStringLiteral("base_price")).toDouble());
    const qint64 upper = qint64(i.value(QStringLiteral("upper_limit")).toDouble());
    const qint64 lower = qint64(i.value(QStringLiteral("lower_limit")).toDouble());
    const qint64 last = qint64(i.value(QStringLiteral("price")).toDouble());
    const bool etf = i.value(QStringLiteral("kind")).toString() == u"etf";
    m_stockName->setText(i.value(QStringLiteral("name")).toString() + (etf ? tr(" (ETF/ETN tick ladder)") : QString()));
    // Korean colours: the upper limit red, the lower blue.
    m_dayInfo->setText(tr("Base %1 · <span style=\"color:#d32f2f\">Upper %2</span> · "
                          "<span style=\"color:#1565c0\">Lower %3</span> · Last %4 KRW")
                           .arg(won(base), won(upper), won(lower), won(last)));
    m_dayInfo->setAccessibleDescription(tr("Base price %1, upper limit %2, lower limit %3, last price %4 won")
                                            .arg(won(base), won(upper), won(lower), won(last)));
    m_price->setKind(etf ? Krx::Instrument::Etf : Krx::Instrument::Stock);
    m_price->setDayLimits(lower, upper);
    m_price->setRange(int(std::max<qint64>(1, lower)), int(std::min<qint64>(kMaxSpin, upper)));
    m_price->setValue(int(m_price->normalized(last > 0 ? last : base)));
    updateEstimate();
}

void OrderTicket::updateForm()
{
    const bool buy = m_buy->isChecked();
    const bool limit = m_type->currentData().toInt() == int(Trading::OrderType::Limit);
    const bool byAmount = m_sizeMode->currentIndex() == 1;
    m_price->setEnabled(limit);
    m_quantity->setVisible(!byAmount);
    m_amount->setVisible(byAmount);
    if (auto *sizeLabel = findChild<QLabel *>(QStringLiteral("ticketSizeLabel"))) {
        sizeLabel->setText(byAmount ? tr("&Amount:") : tr("&Quantity:"));
        sizeLabel->setBuddy(byAmount ? static_cast<QWidget *>(m_amount) : m_quantity);
    }
    m_submit->setText(buy ? tr("Buy…") : tr("Sell…"));
    m_submit->setAccessibleName(buy ? tr("Buy") : tr("Sell"));
    m_submit->setStyleSheet(buy ? QStringLiteral("QPushButton { color: #d32f2f; font-weight: bold; }")
                                : QStringLiteral("QPushButton { color: #1565c0; font-weight: bold; }"));
    updateEstimate();
}

qint64 OrderTicket::quantityForAmount(qint64 amount, qint64 price)
{
    if (amount <= 0 || price <= 0)
        return 0;
    return amount / price;
}

OrderTicket::Order OrderTicket::order() const
{
    Order o;
    o.side = m_buy->isChecked() ? Side::Buy : Side::Sell;
    o.code = parseCode(m_stock->text());
    o.name = m_names.value(o.code);
    if (o.name.isEmpty() && m_instrument.value(QStringLiteral("code")).toString() == o.code)
        o.name = m_instrument.value(QStringLiteral("name")).toString();
    o.type = Trading::OrderType(m_type->currentData().toInt());
    const qint64 last = qint64(m_instrument.value(QStringLiteral("price")).toDouble());
    o.price = o.type == Trading::OrderType::Limit ? qint64(m_price->value()) : last;
    o.byAmount = m_sizeMode->currentIndex() == 1;
    if (o.byAmount) {
        o.amount = m_amount->value();
        o.quantity = quantityForAmount(o.amount, o.price);
    } else {
        o.quantity = m_quantity->value();
        o.amount = o.quantity * o.price;
    }
    return o;
}

QString OrderTicket::sharesText(qint64 quantity)
{
    return quantity == 1 ? tr("1 share") : tr("%1 shares").arg(won(quantity));
}

QString OrderTicket::describe(const Order &o)
{
    const QString stock = o.name.isEmpty() ? o.code : o.code + u' ' + o.name;
    const bool limit = o.type == Trading::OrderType::Limit;
    const bool buy = o.side == Side::Buy;
    QString what;
    if (o.byAmount && buy) {
        // The engine sizes an amount buy at its own price: the share count is an estimate.
        what = limit ? tr("Buy %1 KRW of %2 at %3 KRW limit (about %4 shares) plus fees?")
                           .arg(won(o.amount), stock, won(o.price), won(o.quantity))
                     : tr("Buy %1 KRW of %2 at market (about %3 shares at the last price %4 KRW) plus fees?")
                           .arg(won(o.amount), stock, won(o.quantity), won(o.price));
        return what;
    }
    const qint64 value = o.quantity * o.price;
    const QString shares = sharesText(o.quantity);
    if (buy) {
        what = limit
            ? tr("Buy %1 of %2 at %3 KRW limit — about %4 KRW plus fees?").arg(shares, stock, won(o.price), won(value))
            : tr("Buy %1 of %2 at market — about %3 KRW at the last price, plus fees?").arg(shares, stock, won(value));
    } else {
        what = limit ? tr("Sell %1 of %2 at %3 KRW limit — about %4 KRW before fees and tax?")
                           .arg(shares, stock, won(o.price), won(value))
                     : tr("Sell %1 of %2 at market — about %3 KRW at the last price, before fees and tax?")
                           .arg(shares, stock, won(value));
    }
    return what;
}

void OrderTicket::updateEstimate()
{
    const Order o = order();
    if (o.price <= 0) {
        m_estimate->setText(
            o.type == Trading::OrderType::Market ? tr("Market order: priced by the exchange") : QString());
        return;
    }
    if (o.byAmount)
        m_estimate->setText(tr("≈ %1 at %2 KRW").arg(sharesText(o.quantity), won(o.price)));
    else
        m_estimate->setText(tr("≈ %1 KRW").arg(won(o.quantity * o.price)));
}

void OrderTicket::setSide(Side side)
{
    (side == Side::Buy ? m_buy : m_sell)->setChecked(true);
}

void OrderTicket::setOrderType(Trading::OrderType type)
{
    m_type->setCurrentIndex(m_type->findData(int(type)));
}

void OrderTicket::setPrice(qint64 price)
{
    m_price->setValue(int(m_price->normalized(price)));
}

void OrderTicket::setQuantity(qint64 quantity)
{
    m_sizeMode->setCurrentIndex(0);
    m_quantity->setValue(int(std::clamp<qint64>(quantity, 0, kMaxSpin)));
}

void OrderTicket::setAmount(qint64 amount)
{
    m_sizeMode->setCurrentIndex(1);
    m_amount->setValue(int(std::clamp<qint64>(amount, 0, kMaxSpin)));
}

QString OrderTicket::message() const
{
    return m_message->text();
}

void OrderTicket::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("QLabel { color: #b71c1c; }") : QString());
    m_message->setAccessibleDescription(text);
}

void OrderTicket::submit()
{
    if (!m_gateway || m_sending)
        return;
    const Order o = order();
    if (o.code.isEmpty()) {
        showMessage(tr("Choose a stock: type its code or part of its name."), true);
        m_stock->setFocus();
        return;
    }
    // A stock typed and submitted at once (Enter in the stock field): read its day first, so the
    // price and the confirmation are about this stock. A stock whose day cannot be read goes on
    // to the command layer, whose refusal says why.
    if (m_instrument.value(QStringLiteral("code")).toString() != o.code && o.code != m_failedCode) {
        if (m_loadingCode != o.code)
            loadInstrument(o.code);
        showMessage(tr("Reading %1's day first: check the price, then press Enter again.").arg(o.code), false);
        return;
    }
    if (o.type == Trading::OrderType::Limit && o.price <= 0) {
        showMessage(tr("Enter a limit price."), true);
        m_price->setFocus();
        return;
    }
    if (o.byAmount && o.amount <= 0) {
        showMessage(tr("Enter an amount in KRW."), true);
        m_amount->setFocus();
        return;
    }
    if (o.quantity <= 0 && !(o.byAmount && o.side == Side::Buy && o.price <= 0)) {
        showMessage(o.byAmount ? tr("%1 KRW does not buy a single share at %2 KRW.").arg(won(o.amount), won(o.price))
                               : tr("Enter a quantity of at least one share."),
            true);
        (o.byAmount ? static_cast<QWidget *>(m_amount) : m_quantity)->setFocus();
        return;
    }
    if (!m_confirm(describe(o))) {
        showMessage(tr("Not sent."), false);
        return;
    }
    m_sending = true;
    m_submit->setEnabled(false);
    m_trackedSignal = 0;
    showMessage(tr("Sending…"), false);
    CoreGateway::CommandFn fn;
    if (o.side == Side::Buy) {
        TradingCommands::BuyCommand c;
        c.code = o.code;
        if (o.byAmount)
            c.amount = o.amount;
        else
            c.quantity = o.quantity;
        c.type = o.type;
        if (o.type == Trading::OrderType::Limit)
            c.price = o.price;
        fn = [c](TradingCommands &commands) { return commands.buy(c, CoreGateway::actor()); };
    } else {
        TradingCommands::SellCommand c;
        c.code = o.code;
        c.quantity = o.quantity;
        c.type = o.type;
        if (o.type == Trading::OrderType::Limit)
            c.price = o.price;
        fn = [c](TradingCommands &commands) { return commands.sell(c, CoreGateway::actor()); };
    }
    m_gateway->command(this, fn, [this, o](const Result<QJsonObject> &r) {
        m_sending = false;
        m_submit->setEnabled(true);
        if (!r) {
            const QString text = tr("Refused: %1 Nothing was placed.").arg(r.error().message);
            showMessage(text, true);
            emit commandAnswered(false, r.error().message);
            return;
        }
        onCommandDone(o, r.value());
    });
}

void OrderTicket::onCommandDone(const Order &sent, const QJsonObject &result)
{
    if (sent.side == Side::Sell) {
        const QJsonObject order = result.value(QStringLiteral("sell_order")).toObject();
        const QString text = tr("Sell order #%1 for %2: %3.")
                                 .arg(qint64(order.value(QStringLiteral("id")).toDouble()))
                                 .arg(sent.code, order.value(QStringLiteral("state")).toString());
        showMessage(text, false);
        emit commandAnswered(true, text);
        return;
    }
    m_trackedSignal = qint64(result.value(QStringLiteral("signal_id")).toDouble());
    m_lastSignal = m_trackedSignal;
    m_trackedCode = sent.code;
    const QString text = result.value(QStringLiteral("duplicate")).toBool()
        ? tr("This buy was already sent (signal #%1).").arg(m_trackedSignal)
        : tr("Buy of %1 accepted (signal #%2); placing the order…").arg(sent.code).arg(m_trackedSignal);
    showMessage(text, false);
    emit commandAnswered(true, text);
    followSignal();
}

void OrderTicket::followSignal()
{
    const qint64 id = m_trackedSignal;
    if (id <= 0 || !m_gateway)
        return;
    m_gateway->read(
        this,
        [id](TradingCore &core) {
            QJsonObject o;
            if (!core.database())
                return o;
            const auto signal = SignalRepository(*core.database()).findPendingBuy(id);
            if (signal && *signal) {
                o.insert(QStringLiteral("status"), Storage::enumText((*signal)->status));
                o.insert(QStringLiteral("reason"), (*signal)->statusReason);
            }
            for (const Storage::Origin origin : { Storage::Origin::Manual, Storage::Origin::Api }) {
                const auto orders = OrderRepository(*core.database()).listForSignal(origin, id);
                if (orders && !orders->isEmpty())
                    o.insert(QStringLiteral("order"), Storage::toJson(orders->last()));
            }
            return o;
        },
        [this, id](const QJsonObject &o) {
            if (id != m_trackedSignal)
                return;
            const QString status = o.value(QStringLiteral("status")).toString();
            const QString reason = o.value(QStringLiteral("reason")).toString();
            const QJsonObject order = o.value(QStringLiteral("order")).toObject();
            if (!order.isEmpty()) {
                const QString text = tr("Buy order #%1 for %2: %3, %4 of %5 shares filled.")
                                         .arg(qint64(order.value(QStringLiteral("id")).toDouble()))
                                         .arg(order.value(QStringLiteral("stock_code")).toString(),
                                             order.value(QStringLiteral("state")).toString(),
                                             won(qint64(order.value(QStringLiteral("filled_quantity")).toDouble())),
                                             won(qint64(order.value(QStringLiteral("quantity")).toDouble())));
                const QString rejected = order.value(QStringLiteral("reject_reason")).toString();
                const bool bad = !rejected.isEmpty() || order.value(QStringLiteral("state")).toString() == u"REJECTED";
                showMessage(bad ? text + u' ' + tr("The broker refused it: %1").arg(rejected) : text, bad);
                emit buyResolved(!bad, m_message->text());
                const QString state = order.value(QStringLiteral("state")).toString();
                if (status == u"COMPLETED" || status == u"FAILED" || status == u"CANCELLED" || state == u"FILLED")
                    m_trackedSignal = 0;
                return;
            }
            if (status == u"SKIPPED" || status == u"FAILED" || status == u"EXPIRED" || status == u"CANCELLED") {
                showMessage(
                    tr("Not placed (%1): %2").arg(status, reason.isEmpty() ? tr("no reason given") : reason), true);
                m_trackedSignal = 0;
                emit buyResolved(false, m_message->text());
            }
        });
}
