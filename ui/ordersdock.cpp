// SPDX-License-Identifier: GPL-3.0-or-later
#include "ordersdock.h"

#include "coregateway.h"
#include "docktable.h"
#include "jsontablemodel.h"

#include "market/krx.h"
#include "storage/database.h"
#include "storage/orderrepository.h"
#include "storage/recordjson.h"
#include "trading/tradingcommands.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace {

// Core thread: today's orders by the market clock ({"date", "rows"} or {"error"}).
QJsonObject readOrders(TradingCore &core)
{
    const QString date = Krx::tradingDateString(core.marketClock().nowMs());
    if (!core.database())
        return { { QStringLiteral("date"), date }, { QStringLiteral("rows"), QJsonArray() } };
    auto orders = OrderRepository(*core.database()).listForDate(date);
    if (!orders)
        return { { QStringLiteral("date"), date }, { QStringLiteral("error"), orders.error().message } };
    return { { QStringLiteral("date"), date }, { QStringLiteral("rows"), Storage::toJsonArray(orders.value()) } };
}

QString typeText(const QJsonObject &row)
{
    const QString action = row.value(QStringLiteral("action")).toString();
    if (action == u"CANCEL")
        return OrdersDock::tr("Cancel");
    if (action == u"MODIFY")
        return OrdersDock::tr("Modify");
    const QString tradeType = row.value(QStringLiteral("trade_type")).toString();
    if (tradeType == u"0")
        return OrdersDock::tr("Limit");
    if (tradeType == u"3")
        return OrdersDock::tr("Market");
    return tradeType;
}

} // namespace

bool OrdersDock::isOpenState(const QString &state)
{
    return state == u"NEW" || state == u"SENT" || state == u"ACCEPTED" || state == u"PARTIAL";
}

OrdersDock::OrdersDock(CoreGateway *gateway, QWidget *parent) : QDockWidget(tr("Orders"), parent), m_gateway(gateway)
{
    setObjectName(QStringLiteral("ordersDock"));
    setAccessibleName(tr("Orders"));
    setAccessibleDescription(tr("Today's orders, their state and fills"));

    m_model = new JsonTableModel(QStringLiteral("id"), this);
    using K = JsonTableModel::Kind;
    m_model->setColumns({
        { QStringLiteral("created_ms"), tr("Time"), K::Time, {}, tr("When the order was written (KST)") },
        { QStringLiteral("stock_code"), tr("Code"), K::Text, {}, {} },
        { QStringLiteral("stock_name"), tr("Name"), K::Text, {}, {} },
        { QStringLiteral("side"), tr("Side"), K::Text, {}, {} },
        { QString(), tr("Type"), K::Text, [](const QJsonObject &r) { return QJsonValue(typeText(r)); }, {} },
        { QStringLiteral("quantity"), tr("Quantity"), K::Integer, {}, {} },
        { QStringLiteral("price"), tr("Price"), K::Integer, {}, tr("Limit price; 0 for a market order") },
        { QStringLiteral("filled_quantity"), tr("Filled"), K::Integer, {}, {} },
        { QStringLiteral("avg_fill_price"), tr("Avg fill"), K::Integer, {}, tr("Average fill price") },
        { QStringLiteral("state"), tr("State"), K::Text, {}, {} },
        { QStringLiteral("broker_order_no"), tr("Order no."), K::Text, {}, tr("The broker's order number") },
        { QStringLiteral("origin"), tr("Origin"), K::Text, {}, tr("Who wanted the order") },
        { QStringLiteral("reject_reason"), tr("Reason"), K::Text, {}, tr("Why it was rejected") },
    });
    m_proxy = new RowFilterProxy(this);

    auto *body = new QWidget(this);
    body->setObjectName(QStringLiteral("ordersDockBody"));
    m_view = makeDockTable(
        body, m_model, m_proxy, QStringLiteral("ordersTable"), tr("Orders table"), QStringLiteral("orders"));
    m_view->setAccessibleDescription(tr("Double-click or Enter opens the stock's chart; Delete cancels an open order"));
    m_view->sortByColumn(0, Qt::DescendingOrder);

    auto *filterLabel = new QLabel(tr("Sho&w:"), body);
    m_filter = new QComboBox(body);
    m_filter->setObjectName(QStringLiteral("ordersFilterCombo"));
    m_filter->setAccessibleName(tr("Order state filter"));
    m_filter->addItem(tr("All"), int(Filter::All));
    m_filter->addItem(tr("Open"), int(Filter::Open));
    m_filter->addItem(tr("Filled"), int(Filter::Filled));
    m_filter->addItem(tr("Rejected / cancelled"), int(Filter::RejectedOrCancelled));
    m_filter->addItem(tr("Unknown"), int(Filter::Unknown));
    filterLabel->setBuddy(m_filter);

    m_cancel = new QPushButton(tr("&Cancel order…"), body);
    m_cancel->setObjectName(QStringLiteral("ordersCancelButton"));
    m_cancel->setAccessibleName(tr("Cancel the selected order"));
    m_cancel->setAccessibleDescription(tr("Cancels the rest of the selected open order, after a confirmation"));
    m_status = new QLabel(body);
    m_status->setObjectName(QStringLiteral("ordersStatusLabel"));
    m_status->setAccessibleName(tr("Orders status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    auto *cancelAction = new QAction(tr("Cancel order…"), m_view);
    cancelAction->setObjectName(QStringLiteral("ordersCancelAction"));
    cancelAction->setShortcut(QKeySequence::Delete);
    cancelAction->setShortcutContext(Qt::WidgetShortcut);
    m_view->insertAction(m_view->actions().value(0), cancelAction);
    auto *chartAction = new QAction(tr("Open chart"), m_view);
    chartAction->setObjectName(QStringLiteral("ordersChartAction"));
    m_view->insertAction(cancelAction, chartAction);

    auto *top = new QHBoxLayout;
    top->addWidget(filterLabel);
    top->addWidget(m_filter);
    m_dateLabel = new QLabel(body);
    m_dateLabel->setObjectName(QStringLiteral("ordersDateLabel"));
    m_dateLabel->setAccessibleName(tr("Trading date of the orders shown"));
    top->addWidget(m_dateLabel);
    top->addStretch(1);
    top->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);
    setWidget(body);
    setFocusProxy(m_view);
    QWidget::setTabOrder(m_filter, m_cancel);
    QWidget::setTabOrder(m_cancel, m_view);

    connect(m_filter, &QComboBox::currentIndexChanged, this,
        [this](int index) { setFilter(Filter(m_filter->itemData(index).toInt())); });
    connect(m_cancel, &QPushButton::clicked, this, &OrdersDock::cancelSelected);
    connect(cancelAction, &QAction::triggered, this, &OrdersDock::cancelSelected);
    connectChartOpening(
        m_view, m_proxy, chartAction, [this] { return selectedRow(); },
        [this](const QString &code) { emit stockActivated(code); });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &OrdersDock::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &OrdersDock::updateButtons);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &OrdersDock::updateButtons);

    m_refresh = std::make_unique<DockRefresh>([this] {
        m_gateway->read(this, readOrders, [this](const QJsonObject &answer) {
            m_date = answer.value(QStringLiteral("date")).toString();
            m_dateLabel->setText(tr("Trading date %1").arg(m_date));
            if (answer.contains(QStringLiteral("error")))
                setStatus(
                    tr("Could not read the orders: %1").arg(answer.value(QStringLiteral("error")).toString()), true);
            else
                setRowsKeepingSelection(
                    m_view, m_model, m_proxy, answer.value(QStringLiteral("rows")).toArray(), QStringLiteral("id"));
            m_refresh->finished();
            emit refreshed();
        });
    });
    if (m_gateway) {
        connect(m_gateway, &CoreGateway::changed, this, [this](const QStringList &topics) {
            if (topics.contains(QStringLiteral("orders")) || topics.contains(QStringLiteral("engine")))
                refresh();
        });
        refresh();
    }
    updateButtons();
}

OrdersDock::~OrdersDock() = default;

void OrdersDock::refresh()
{
    if (m_gateway)
        m_refresh->request();
}

void OrdersDock::setFilter(Filter filter)
{
    const int index = m_filter->findData(int(filter));
    if (index >= 0 && index != m_filter->currentIndex()) {
        m_filter->setCurrentIndex(index); // comes back here through currentIndexChanged
        return;
    }
    switch (filter) {
    case Filter::All:
        m_proxy->setPredicate({});
        break;
    case Filter::Open:
        m_proxy->setPredicate(
            [](const QJsonObject &r) { return isOpenState(r.value(QStringLiteral("state")).toString()); });
        break;
    case Filter::Filled:
        m_proxy->setPredicate(
            [](const QJsonObject &r) { return r.value(QStringLiteral("state")).toString() == u"FILLED"; });
        break;
    case Filter::RejectedOrCancelled:
        m_proxy->setPredicate([](const QJsonObject &r) {
            const QString s = r.value(QStringLiteral("state")).toString();
            return s == u"REJECTED" || s == u"CANCELLED";
        });
        break;
    case Filter::Unknown:
        m_proxy->setPredicate(
            [](const QJsonObject &r) { return r.value(QStringLiteral("state")).toString() == u"UNKNOWN"; });
        break;
    }
    updateButtons();
}

QString OrdersDock::statusText() const
{
    return m_status->text();
}

bool OrdersDock::selectOrder(qint64 id)
{
    for (int r = 0; r < m_proxy->rowCount(); ++r) {
        if (qint64(m_proxy->rowAt(r).value(QStringLiteral("id")).toDouble()) == id) {
            m_view->selectRow(r);
            return true;
        }
    }
    return false;
}

QJsonObject OrdersDock::selectedRow() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? QJsonObject() : m_proxy->rowAt(rows.first().row());
}

void OrdersDock::updateButtons()
{
    const QJsonObject row = selectedRow();
    const bool canCancel = !row.isEmpty() && row.value(QStringLiteral("action")).toString() == u"PLACE"
        && isOpenState(row.value(QStringLiteral("state")).toString());
    m_cancel->setEnabled(canCancel);
    if (QAction *a = m_view->findChild<QAction *>(QStringLiteral("ordersCancelAction")))
        a->setEnabled(canCancel);
}

void OrdersDock::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QString());
}

void OrdersDock::cancelSelected()
{
    const QJsonObject row = selectedRow();
    if (row.isEmpty() || !m_gateway) {
        setStatus(tr("Select an open order to cancel."), true);
        return;
    }
    const qint64 id = qint64(row.value(QStringLiteral("id")).toDouble());
    const QString code = row.value(QStringLiteral("stock_code")).toString();
    const qint64 rest = qint64(row.value(QStringLiteral("quantity")).toDouble())
        - qint64(row.value(QStringLiteral("filled_quantity")).toDouble());
    const QString side = row.value(QStringLiteral("side")).toString() == u"SELL" ? tr("sell") : tr("buy");
    const qint64 price = qint64(row.value(QStringLiteral("price")).toDouble());
    const QString question = price > 0
        ? tr("Cancel the %1 of %Ln share(s) of %2 at %3 KRW?", nullptr, int(rest))
              .arg(side, code, QLocale().toString(price))
        : tr("Cancel the market %1 of %Ln share(s) of %2?", nullptr, int(rest)).arg(side, code);
    bool yes = false;
    if (m_confirm) {
        yes = m_confirm(question);
    } else {
        QMessageBox box(
            QMessageBox::Question, tr("Confirm cancel"), question, QMessageBox::Yes | QMessageBox::No, this);
        box.setObjectName(QStringLiteral("ordersCancelConfirm"));
        box.setDefaultButton(QMessageBox::No);
        yes = box.exec() == QMessageBox::Yes;
    }
    if (!yes) {
        setStatus(tr("Order %1 left as it is.").arg(id), false);
        return;
    }
    setStatus(tr("Cancelling order %1…").arg(id), false);
    m_gateway->command(
        this, [id](TradingCommands &c) { return c.cancelOrder(id, CoreGateway::actor()); },
        [this, id](const Result<QJsonObject> &r) {
            if (r.ok())
                setStatus(tr("Cancel of order %1 sent.").arg(id), false);
            else
                setStatus(tr("Cancel of order %1 refused: %2").arg(id).arg(r.error().message), true);
            refresh();
        });
}
