// SPDX-License-Identifier: GPL-3.0-or-later
#include "positionsdock.h"

#include "coregateway.h"
#include "docktable.h"
#include "jsontablemodel.h"

#include "services/quotebook.h"
#include "storage/database.h"
#include "storage/positionrepository.h"
#include "storage/recordjson.h"
#include "trading/tradingcommands.h"

#include <QAction>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace {

// Runs on the core's thread: the live positions, each with the quote book's last price and the
// P&L at that price ({"rows": [...]} or {"error": "..."}).
QJsonObject readPositions(TradingCore &core)
{
    if (!core.database())
        return { { QStringLiteral("rows"), QJsonArray() } };
    auto live = PositionRepository(*core.database()).listActive();
    if (!live)
        return { { QStringLiteral("error"), live.error().message } };
    QuoteBook *quotes = core.quoteBook();
    QJsonArray rows;
    for (const Storage::PositionRecord &p : live.value()) {
        QJsonObject o = Storage::toJson(p);
        qint64 price = p.currentPrice.value_or(0);
        if (quotes) {
            if (auto q = quotes->quote(p.stockCode); q && q->price > 0)
                price = q->price;
        }
        if (price > 0) {
            const qint64 cost = p.buyAmount > 0 ? p.buyAmount : p.buyPrice * p.quantity;
            const qint64 pnl = price * p.quantity - cost;
            o.insert(QStringLiteral("price_now"), price);
            o.insert(QStringLiteral("pnl_now"), pnl);
            if (cost > 0)
                o.insert(QStringLiteral("pnl_rate_now"), double(pnl) * 100.0 / double(cost));
        }
        rows.append(o);
    }
    return { { QStringLiteral("rows"), rows } };
}

// The level of a protection: its price when set, else its rate ("−3.00%").
QJsonValue level(const QJsonObject &row, const QString &priceKey, const QString &rateKey, bool below)
{
    const QJsonValue price = row.value(priceKey);
    if (price.isDouble() && price.toDouble() > 0)
        return price;
    const QJsonValue rate = row.value(rateKey);
    if (rate.isDouble())
        return QStringLiteral("%1%2%").arg(
            below ? QStringLiteral("−") : QStringLiteral("+"), QLocale().toString(rate.toDouble(), 'f', 2));
    return QJsonValue::Null;
}

} // namespace

PositionsDock::PositionsDock(CoreGateway *gateway, QWidget *parent)
    : QDockWidget(tr("Positions"), parent), m_gateway(gateway)
{
    setObjectName(QStringLiteral("positionsDock"));
    setAccessibleName(tr("Positions"));
    setAccessibleDescription(tr("Live positions with current price, profit and loss, stop-loss and take-profit"));

    m_model = new JsonTableModel(QStringLiteral("id"), this);
    using K = JsonTableModel::Kind;
    m_model->setColumns({
        { QStringLiteral("stock_code"), tr("Code"), K::Text, {}, {} },
        { QStringLiteral("stock_name"), tr("Name"), K::Text, {}, {} },
        { QStringLiteral("quantity"), tr("Quantity"), K::Integer, {}, tr("Shares held") },
        { QStringLiteral("buy_price"), tr("Avg price"), K::Integer, {}, tr("Average purchase price (moving average)") },
        { QStringLiteral("price_now"), tr("Price"), K::Integer, {}, tr("Last trade price") },
        { QStringLiteral("pnl_now"), tr("P&L"), K::SignedInteger, {},
            tr("Value at the last price minus the purchase cost, before sell fees and tax") },
        { QStringLiteral("pnl_rate_now"), tr("P&L %"), K::Percent, {}, tr("P&L against the purchase cost") },
        { QString(), tr("Stop-loss"), K::Integer,
            [](const QJsonObject &r) {
                return level(r, QStringLiteral("stop_loss_price"), QStringLiteral("stop_loss_rate"), true);
            },
            tr("Stop-loss price (or rate below the average price)") },
        { QString(), tr("Take-profit"), K::Integer,
            [](const QJsonObject &r) {
                return level(r, QStringLiteral("take_profit_price"), QStringLiteral("take_profit_rate"), false);
            },
            tr("Take-profit price (or rate above the average price)") },
        { QStringLiteral("status"), tr("Status"), K::Text, {}, tr("OPEN, or SELLING while a sell order is out") },
        { QStringLiteral("origin"), tr("Origin"), K::Text, {}, tr("What opened the position") },
    });
    m_proxy = new RowFilterProxy(this);

    auto *body = new QWidget(this);
    body->setObjectName(QStringLiteral("positionsDockBody"));
    m_view = makeDockTable(
        body, m_model, m_proxy, QStringLiteral("positionsTable"), tr("Positions table"), QStringLiteral("positions"));
    m_view->setAccessibleDescription(tr("Double-click or Enter opens the stock's chart; Ctrl+Shift+S sells"));

    m_sell = new QPushButton(tr("&Sell…"), body);
    m_sell->setObjectName(QStringLiteral("positionsSellButton"));
    m_sell->setAccessibleName(tr("Sell the selected position"));
    m_sell->setAccessibleDescription(tr("Sells all shares of the selected position at market, after a confirmation"));
    m_sell->setToolTip(tr("Sell all shares of the selected position at market (Ctrl+Shift+S)"));
    m_status = new QLabel(body);
    m_status->setObjectName(QStringLiteral("positionsStatusLabel"));
    m_status->setAccessibleName(tr("Positions status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    auto *sellAction = new QAction(tr("Sell…"), m_view);
    sellAction->setObjectName(QStringLiteral("positionsSellAction"));
    sellAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    sellAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_view->insertAction(m_view->actions().value(0), sellAction);
    auto *chartAction = new QAction(tr("Open chart"), m_view);
    chartAction->setObjectName(QStringLiteral("positionsChartAction"));
    m_view->insertAction(sellAction, chartAction);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_sell);
    buttons->addWidget(m_status, 1);
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);
    setWidget(body);
    setFocusProxy(m_view);
    QWidget::setTabOrder(m_view, m_sell);

    connect(m_sell, &QPushButton::clicked, this, &PositionsDock::sellSelected);
    connect(sellAction, &QAction::triggered, this, &PositionsDock::sellSelected);
    connectChartOpening(
        m_view, m_proxy, chartAction, [this] { return selectedRow(); },
        [this](const QString &code) { emit stockActivated(code); });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &PositionsDock::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &PositionsDock::updateButtons);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &PositionsDock::updateButtons);

    m_refresh = std::make_unique<DockRefresh>([this] {
        m_gateway->read(this, readPositions, [this](const QJsonObject &answer) {
            if (answer.contains(QStringLiteral("error")))
                setStatus(
                    tr("Could not read the positions: %1").arg(answer.value(QStringLiteral("error")).toString()), true);
            else
                setRowsKeepingSelection(
                    m_view, m_model, m_proxy, answer.value(QStringLiteral("rows")).toArray(), QStringLiteral("id"));
            m_refresh->finished();
            emit refreshed();
        });
    });
    if (m_gateway) {
        connect(m_gateway, &CoreGateway::changed, this, &PositionsDock::onTopics);
        refresh();
    }
    updateButtons();
}

PositionsDock::~PositionsDock() = default;

void PositionsDock::onTopics(const QStringList &topics)
{
    if (topics.contains(QStringLiteral("positions")) || topics.contains(QStringLiteral("quotes")))
        refresh();
}

void PositionsDock::refresh()
{
    if (m_gateway)
        m_refresh->request();
}

QString PositionsDock::statusText() const
{
    return m_status->text();
}

QJsonObject PositionsDock::selectedRow() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return {};
    return m_proxy->rowAt(rows.first().row());
}

void PositionsDock::updateButtons()
{
    const QJsonObject row = selectedRow();
    const bool canSell = !row.isEmpty() && row.value(QStringLiteral("status")).toString() == u"OPEN";
    m_sell->setEnabled(canSell);
    if (QAction *a = m_view->findChild<QAction *>(QStringLiteral("positionsSellAction")))
        a->setEnabled(canSell);
}

void PositionsDock::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QString());
}

void PositionsDock::sellSelected()
{
    const QJsonObject row = selectedRow();
    if (row.isEmpty() || !m_gateway) {
        setStatus(tr("Select a position to sell."), true);
        return;
    }
    const QString code = row.value(QStringLiteral("stock_code")).toString();
    const QString name = row.value(QStringLiteral("stock_name")).toString();
    const qint64 quantity = qint64(row.value(QStringLiteral("quantity")).toDouble());
    const QString question = name.isEmpty()
        ? tr("Sell all %Ln share(s) of %1 at market?", nullptr, int(quantity)).arg(code)
        : tr("Sell all %Ln share(s) of %1 (%2) at market?", nullptr, int(quantity)).arg(code, name);
    bool yes = false;
    if (m_confirm) {
        yes = m_confirm(question);
    } else {
        QMessageBox box(QMessageBox::Question, tr("Confirm sell"), question, QMessageBox::Yes | QMessageBox::No, this);
        box.setObjectName(QStringLiteral("positionsSellConfirm"));
        box.setDefaultButton(QMessageBox::No);
        box.setInformativeText(tr("The order goes through the risk guard like every other sell."));
        yes = box.exec() == QMessageBox::Yes;
    }
    if (!yes) {
        setStatus(tr("Sell of %1 not sent.").arg(code), false);
        return;
    }
    setStatus(tr("Selling %1…").arg(code), false);
    TradingCommands::SellCommand command;
    command.code = code;
    command.quantity = 0; // all held
    command.type = Trading::OrderType::Market;
    m_gateway->command(
        this, [command](TradingCommands &c) { return c.sell(command, CoreGateway::actor()); },
        [this, code](const Result<QJsonObject> &r) {
            if (r.ok())
                setStatus(tr("Sell order for %1 sent.").arg(code), false);
            else
                setStatus(tr("Sell of %1 refused: %2").arg(code, r.error().message), true);
            refresh();
        });
}
