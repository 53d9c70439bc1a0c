// SPDX-License-Identifier: GPL-3.0-or-later
#include "signalsdock.h"

#include "coregateway.h"
#include "docktable.h"
#include "jsontablemodel.h"

#include "market/krx.h"
#include "storage/database.h"
#include "storage/decisionrepository.h"
#include "storage/recordjson.h"
#include "storage/signalrepository.h"

#include <QAction>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QSet>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace {

QString uidOf(const QJsonObject &row)
{
    return row.value(QStringLiteral("kind")).toString() + u':'
        + QString::number(qint64(row.value(QStringLiteral("id")).toDouble()));
}

// Core thread: pending signals of any day and today's signals of every status, both kinds.
// One indexed query per (table, status): (status, detected_date) is the tables' index.
QJsonObject readSignals(TradingCore &core)
{
    const QString date = Krx::tradingDateString(core.marketClock().nowMs());
    QJsonArray rows;
    if (!core.database())
        return { { QStringLiteral("date"), date }, { QStringLiteral("rows"), rows } };
    SignalRepository repo(*core.database());
    QSet<QString> seen;
    const auto add = [&](QJsonObject o) {
        const QString uid = uidOf(o);
        if (seen.contains(uid))
            return;
        seen.insert(uid);
        o.insert(QStringLiteral("uid"), uid);
        rows.append(o);
    };
    QString error;
    const auto collect = [&](const Storage::SignalFilter &filter) {
        auto buys = repo.listPendingBuy(filter);
        if (buys) {
            for (const auto &s : buys.value())
                add(Storage::toJson(s));
        } else {
            error = buys.error().message;
        }
        auto strategy = repo.listStrategySignals(filter);
        if (strategy) {
            for (const auto &s : strategy.value())
                add(Storage::toJson(s));
        } else {
            error = strategy.error().message;
        }
    };
    Storage::SignalFilter pending;
    pending.status = Storage::SignalStatus::Pending;
    pending.limit = 500;
    collect(pending);
    for (Storage::SignalStatus status : Storage::allValues<Storage::SignalStatus>()) {
        Storage::SignalFilter today;
        today.status = status;
        today.detectedDate = date;
        today.limit = 500;
        collect(today);
    }
    QJsonObject answer { { QStringLiteral("date"), date }, { QStringLiteral("rows"), rows } };
    if (!error.isEmpty())
        answer.insert(QStringLiteral("error"), error);
    return answer;
}

QJsonValue sourceOf(const QJsonObject &row)
{
    if (row.value(QStringLiteral("kind")).toString() == u"STRATEGY")
        return SignalsDock::tr("strategy %1").arg(qint64(row.value(QStringLiteral("strategy_id")).toDouble()));
    return row.value(QStringLiteral("source"));
}

} // namespace

SignalsDock::SignalsDock(CoreGateway *gateway, QWidget *parent) : QDockWidget(tr("Signals"), parent), m_gateway(gateway)
{
    setObjectName(QStringLiteral("signalsDock"));
    setAccessibleName(tr("Signals"));
    setAccessibleDescription(tr("Pending and today's signals, and why each was or was not traded"));

    using K = JsonTableModel::Kind;
    m_model = new JsonTableModel(QStringLiteral("uid"), this);
    m_model->setColumns({
        { QStringLiteral("detected_ms"), tr("Detected"), K::DateTime, {}, tr("When the signal was detected (KST)") },
        { QString(), tr("Kind"), K::Text,
            [](const QJsonObject &r) {
                return QJsonValue(
                    r.value(QStringLiteral("kind")).toString() == u"STRATEGY" ? tr("Strategy") : tr("Buy"));
            },
            {} },
        { QStringLiteral("stock_code"), tr("Code"), K::Text, {}, {} },
        { QStringLiteral("stock_name"), tr("Name"), K::Text, {}, {} },
        { QStringLiteral("signal_type"), tr("Type"), K::Text, {}, {} },
        { QStringLiteral("status"), tr("Status"), K::Text, {}, {} },
        { QStringLiteral("target_price"), tr("Target"), K::Integer, {}, tr("Target price of a reference-candle buy") },
        { QString(), tr("Source"), K::Text, sourceOf, {} },
        { QStringLiteral("status_reason"), tr("Reason"), K::Text, {}, {} },
    });
    m_proxy = new RowFilterProxy(this);

    m_decisions = new JsonTableModel(QStringLiteral("id"), this);
    m_decisions->setColumns({
        { QStringLiteral("at_ms"), tr("Time"), K::Time, {}, {} },
        { QStringLiteral("decision"), tr("Decision"), K::Text, {}, {} },
        { QStringLiteral("rule"), tr("Rule"), K::Text, {}, tr("The rule that decided (risk, cash, settings...)") },
        { QStringLiteral("message"), tr("Why"), K::Text, {}, {} },
        { QString(), tr("Numbers"), K::Text,
            [](const QJsonObject &r) {
                const QJsonObject data = r.value(QStringLiteral("data")).toObject();
                if (data.isEmpty())
                    return QJsonValue(QJsonValue::Null);
                return QJsonValue(QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact)));
            },
            tr("The numbers compared") },
        { QStringLiteral("source"), tr("By"), K::Text, {}, {} },
    });
    m_decisionProxy = new RowFilterProxy(this);

    auto *body = new QWidget(this);
    body->setObjectName(QStringLiteral("signalsDockBody"));
    auto *split = new QSplitter(Qt::Vertical, body);
    split->setObjectName(QStringLiteral("signalsSplitter"));
    split->setAccessibleName(tr("Signals and decisions"));
    m_view = makeDockTable(
        split, m_model, m_proxy, QStringLiteral("signalsTable"), tr("Signals table"), QStringLiteral("signals"));
    m_view->setAccessibleDescription(tr("Select a signal to see why it was or was not traded; Enter opens the chart"));
    m_view->sortByColumn(0, Qt::DescendingOrder);

    auto *lower = new QWidget(split);
    lower->setObjectName(QStringLiteral("signalsDetailPane"));
    m_detail = new QLabel(tr("Select a signal to see why it was or was not traded."), lower);
    m_detail->setObjectName(QStringLiteral("signalsDetailLabel"));
    m_detail->setAccessibleName(tr("Selected signal"));
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_decisionView = makeDockTable(lower, m_decisions, m_decisionProxy, QStringLiteral("signalDecisionsTable"),
        tr("Decision ledger of the selected signal"), QStringLiteral("decisions"));
    m_decisionView->sortByColumn(0, Qt::AscendingOrder);
    auto *lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    lowerLayout->addWidget(m_detail);
    lowerLayout->addWidget(m_decisionView, 1);
    split->addWidget(m_view);
    split->addWidget(lower);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    m_status = new QLabel(body);
    m_status->setObjectName(QStringLiteral("signalsStatusLabel"));
    m_status->setAccessibleName(tr("Signals status"));
    m_status->setWordWrap(true);
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(split, 1);
    layout->addWidget(m_status);
    setWidget(body);
    setFocusProxy(m_view);
    QWidget::setTabOrder(m_view, m_decisionView);

    auto *chartAction = new QAction(tr("Open chart"), m_view);
    chartAction->setObjectName(QStringLiteral("signalsChartAction"));
    m_view->insertAction(m_view->actions().value(0), chartAction);
    connectChartOpening(
        m_view, m_proxy, chartAction, [this] { return selectedRow(); },
        [this](const QString &code) { emit stockActivated(code); });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &SignalsDock::showSelected);

    m_refresh = std::make_unique<DockRefresh>([this] {
        m_gateway->read(this, readSignals, [this](const QJsonObject &answer) {
            const QString date = answer.value(QStringLiteral("date")).toString();
            setRowsKeepingSelection(
                m_view, m_model, m_proxy, answer.value(QStringLiteral("rows")).toArray(), QStringLiteral("uid"));
            m_status->setText(answer.contains(QStringLiteral("error"))
                    ? tr("Could not read all signals: %1").arg(answer.value(QStringLiteral("error")).toString())
                    : tr("%n signal(s): pending, and detected on %1", nullptr, m_model->rowCount()).arg(date));
            m_refresh->finished();
            emit refreshed();
        });
    });
    m_refreshDecisions = std::make_unique<DockRefresh>([this] {
        const QJsonObject signal = m_shown;
        // A buy signal's lines are PENDING_BUY, or MANUAL for the user's and scripts' buys
        // (DecisionLedger::kindOf); a strategy signal's are STRATEGY. One indexed query per kind.
        QList<Storage::DecisionKind> kinds;
        if (signal.value(QStringLiteral("kind")).toString() == u"STRATEGY")
            kinds = { Storage::DecisionKind::Strategy };
        else
            kinds = { Storage::DecisionKind::PendingBuy, Storage::DecisionKind::Manual };
        Storage::DecisionFilter filter;
        filter.code = signal.value(QStringLiteral("stock_code")).toString();
        filter.signalId = qint64(signal.value(QStringLiteral("id")).toDouble());
        filter.limit = 200;
        const QString uid = signal.value(QStringLiteral("uid")).toString();
        m_gateway->read(
            this,
            [filter, kinds](TradingCore &core) -> QJsonObject {
                QJsonArray rows;
                if (!core.database())
                    return { { QStringLiteral("rows"), rows } };
                DecisionRepository repo(*core.database());
                for (Storage::DecisionKind kind : kinds) {
                    Storage::DecisionFilter f = filter;
                    f.kind = kind;
                    auto lines = repo.list(f);
                    if (!lines)
                        return { { QStringLiteral("error"), lines.error().message } };
                    for (const auto &d : lines.value())
                        rows.append(Storage::toJson(d));
                }
                return { { QStringLiteral("rows"), rows } };
            },
            [this, uid](const QJsonObject &answer) {
                if (m_shown.value(QStringLiteral("uid")).toString() == uid) {
                    if (answer.contains(QStringLiteral("error")))
                        m_status->setText(tr("Could not read the decision ledger: %1")
                                              .arg(answer.value(QStringLiteral("error")).toString()));
                    m_decisions->setRows(answer.value(QStringLiteral("rows")).toArray());
                }
                m_refreshDecisions->finished();
                emit decisionsRefreshed();
            });
    });

    if (m_gateway) {
        connect(m_gateway, &CoreGateway::changed, this, [this](const QStringList &topics) {
            if (topics.contains(QStringLiteral("signals")))
                refresh();
            if (!m_shown.isEmpty()
                && (topics.contains(QStringLiteral("signals")) || topics.contains(QStringLiteral("orders"))))
                refreshDecisions();
        });
        refresh();
    }
}

SignalsDock::~SignalsDock() = default;

void SignalsDock::refresh()
{
    if (m_gateway)
        m_refresh->request();
}

QJsonObject SignalsDock::selectedRow() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? QJsonObject() : m_proxy->rowAt(rows.first().row());
}

bool SignalsDock::selectSignal(const QString &uid)
{
    for (int r = 0; r < m_proxy->rowCount(); ++r) {
        if (m_proxy->rowAt(r).value(QStringLiteral("uid")).toString() == uid) {
            m_view->selectRow(r);
            return true;
        }
    }
    return false;
}

void SignalsDock::showSelected()
{
    const QJsonObject row = selectedRow();
    if (row.value(QStringLiteral("uid")) == m_shown.value(QStringLiteral("uid")))
        return;
    m_shown = row;
    m_decisions->setRows({});
    if (row.isEmpty()) {
        m_detail->setText(tr("Select a signal to see why it was or was not traded."));
        return;
    }
    const QString name = row.value(QStringLiteral("stock_name")).toString();
    m_detail->setText(
        tr("%1 %2 — %3 signal, %4%5")
            .arg(row.value(QStringLiteral("stock_code")).toString(), name,
                row.value(QStringLiteral("signal_type")).toString(), row.value(QStringLiteral("status")).toString(),
                row.value(QStringLiteral("status_reason")).isString()
                    ? QStringLiteral(": ") + row.value(QStringLiteral("status_reason")).toString()
                    : QString()));
    refreshDecisions();
}

void SignalsDock::refreshDecisions()
{
    if (m_gateway && !m_shown.isEmpty())
        m_refreshDecisions->request();
}
