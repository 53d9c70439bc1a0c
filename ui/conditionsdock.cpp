// SPDX-License-Identifier: GPL-3.0-or-later
#include "docktable.h"
#include "conditionsdock.h"

#include "checkabletablemodel.h"
#include "coregateway.h"
#include "tableexport.h"

#include "services/conditionmonitor.h"
#include "services/servicecontroller.h"
#include "storage/conditionrepository.h"
#include "storage/recordjson.h"
#include "trading/tradingcommands.h"
#include "trading/tradingengine.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QTableView>
#include <QVBoxLayout>

namespace {

// Runs on the core's thread: the stored conditions with what the monitor knows of each.
QJsonObject readConditions(TradingCore &core)
{
    QJsonObject out;
    Database *db = core.database();
    if (!db)
        return out;
    const auto rows = ConditionRepository(*db).list();
    if (!rows) {
        out.insert(QStringLiteral("error"), rows.error().message);
        return out;
    }
    QJsonObject activity;
    QSet<QString> realtime;
    bool monitoring = false;
    if (TradingEngine *engine = core.engine()) {
        activity = engine->conditionMonitor().conditionActivity();
        const QStringList seqs = engine->conditionMonitor().realtimeConditions();
        realtime = QSet<QString>(seqs.cbegin(), seqs.cend());
        monitoring = engine->conditionMonitor().isRunning();
    }
    QJsonArray list;
    for (const Storage::ConditionRecord &c : rows.value()) {
        QJsonObject row = Storage::toJson(c);
        const QJsonObject a = activity.value(QString::number(c.id)).toObject();
        row.insert(QStringLiteral("last_run_ms"), a.value(QStringLiteral("last_run_ms")).toDouble());
        row.insert(QStringLiteral("last_run_stocks"), a.value(QStringLiteral("last_run_stocks")));
        row.insert(QStringLiteral("hits_today"), a.value(QStringLiteral("hits_today")).toInt());
        row.insert(QStringLiteral("realtime"), !c.apiConditionId.isEmpty() && realtime.contains(c.apiConditionId));
        list.append(row);
    }
    out.insert(QStringLiteral("conditions"), list);
    out.insert(QStringLiteral("monitoring"), monitoring);
    return out;
}

} // namespace

ConditionsDock::ConditionsDock(CoreGateway *gateway, QWidget *parent)
    : QDockWidget(tr("Conditions"), parent), m_gateway(gateway)
{
    setObjectName(QStringLiteral("conditionsDock"));
    setAccessibleName(tr("Conditions"));
    setAccessibleDescription(tr("Kiwoom conditions (조건식) and whether each feeds automated trading"));

    m_model = new CheckableTableModel(QStringLiteral("id"), this);
    using Kind = JsonTableModel::Kind;
    m_model->setColumns({
        { QStringLiteral("id"), tr("ID"), Kind::Integer, {}, tr("The condition's number in this program") },
        { QStringLiteral("condition_name"), tr("Condition"), Kind::Text, {}, tr("The condition's name in the HTS") },
        { QStringLiteral("is_enabled"), tr("Auto-trade"), Kind::Bool, {},
            tr("Checked: its hits become buy signals (through the reference-candle strategy)") },
        { QStringLiteral("last_run_ms"), tr("Last run"), Kind::Time, {},
            tr("When the condition monitor last searched it") },
        { QStringLiteral("last_run_stocks"), tr("Stocks"), Kind::Integer, {}, tr("Stocks that last search returned") },
        { QStringLiteral("hits_today"), tr("Hits today"), Kind::Integer, {},
            tr("Distinct stocks it returned today (searches and realtime entries)") },
        { QString(), tr("Realtime"), Kind::Text,
            [](const QJsonObject &row) {
                return QJsonValue(row.value(QStringLiteral("realtime")).toBool() ? tr("On") : tr("Off"));
            },
            tr("Whether it runs as a realtime condition (entries are handled at once)") },
    });
    m_model->setCheckColumn(2);
    connect(m_model, &CheckableTableModel::toggleRequested, this, [this](const QJsonObject &row, bool checked) {
        setConditionEnabled(qint64(row.value(QStringLiteral("id")).toDouble()), checked);
    });

    auto *body = new QWidget(this);
    body->setObjectName(QStringLiteral("conditionsBody"));
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);

    m_view = new QTableView(body);
    m_view->setObjectName(QStringLiteral("conditionsTable"));
    m_view->setAccessibleName(tr("Conditions table"));
    m_view->setAccessibleDescription(tr("One row per condition; Space on the Auto-trade cell switches it on or off"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setAccessibleName(tr("Conditions columns"));
    m_view->setTabKeyNavigation(false);
    TableExport::install(m_view, QStringLiteral("conditions"));
    layout->addWidget(m_view);

    auto *buttons = new QHBoxLayout;
    m_enableAll = new QPushButton(tr("&Enable all"), body);
    m_enableAll->setObjectName(QStringLiteral("conditionsEnableAll"));
    m_enableAll->setAccessibleName(tr("Enable all conditions"));
    m_enableAll->setToolTip(tr("Let every condition feed automated trading"));
    m_disableAll = new QPushButton(tr("&Disable all"), body);
    m_disableAll->setObjectName(QStringLiteral("conditionsDisableAll"));
    m_disableAll->setAccessibleName(tr("Disable all conditions"));
    m_disableAll->setToolTip(tr("Stop every condition from feeding automated trading"));
    connect(m_enableAll, &QPushButton::clicked, this, [this] { setAll(true); });
    connect(m_disableAll, &QPushButton::clicked, this, [this] { setAll(false); });
    m_status = new QLabel(body);
    m_status->setObjectName(QStringLiteral("conditionsStatus"));
    m_status->setAccessibleName(tr("Conditions status"));
    m_status->setWordWrap(true);
    buttons->addWidget(m_enableAll);
    buttons->addWidget(m_disableAll);
    buttons->addWidget(m_status, 1);
    layout->addLayout(buttons);
    setWidget(body);
    setFocusProxy(m_view);
    setTabOrder(m_view, m_enableAll);
    setTabOrder(m_enableAll, m_disableAll);

    if (m_gateway) {
        m_refresh = std::make_unique<DockRefresh>([this] {
            m_gateway->read(this, readConditions, [this](const QJsonObject &answer) {
                apply(answer);
                m_refresh->finished();
            });
        });
        connect(m_gateway, &CoreGateway::changed, this, [this](const QStringList &topics) {
            if (topics.contains(QStringLiteral("conditions")) || topics.contains(QStringLiteral("services"))
                || topics.contains(QStringLiteral("engine")))
                refresh();
        });
        refresh();
    }
}

ConditionsDock::~ConditionsDock() = default;

void ConditionsDock::refresh()
{
    if (!m_gateway)
        return;
    // One read at a time; notices that arrive meanwhile cause one more read after it.
    m_refresh->request();
}

void ConditionsDock::apply(const QJsonObject &answer)
{
    if (answer.contains(QStringLiteral("error"))) {
        m_status->setText(tr("Conditions could not be read: %1").arg(answer.value(QStringLiteral("error")).toString()));
        emit refreshed();
        return;
    }
    const QJsonArray rows = answer.value(QStringLiteral("conditions")).toArray();
    m_model->setRows(rows);
    int enabled = 0;
    for (const QJsonValue &r : rows)
        enabled += r.toObject().value(QStringLiteral("is_enabled")).toBool() ? 1 : 0;
    if (rows.isEmpty()) {
        m_status->setText(tr("No conditions yet: they are listed once the broker is connected."));
    } else {
        const QString monitoring = answer.value(QStringLiteral("monitoring")).toBool()
            ? tr("condition monitoring is running")
            : tr("condition monitoring is stopped");
        m_status->setText(tr("%1 of %2 enabled; %3.").arg(enabled).arg(rows.size()).arg(monitoring));
    }
    m_enableAll->setEnabled(!rows.isEmpty());
    m_disableAll->setEnabled(!rows.isEmpty());
    emit refreshed();
}

void ConditionsDock::setConditionEnabled(qint64 id, bool enabled)
{
    if (!m_gateway)
        return;
    const QString which = QString::number(id);
    m_gateway->command(
        this,
        [which, enabled](TradingCommands &c) { return c.setConditionEnabled(which, enabled, CoreGateway::actor()); },
        [this](const Result<QJsonObject> &r) {
            if (!r)
                m_status->setText(r.error().message);
            refresh();
        });
}

void ConditionsDock::setAll(bool enabled)
{
    if (!m_gateway)
        return;
    m_gateway->command(
        this,
        [enabled](
            TradingCommands &c) { return c.setConditionEnabled(QStringLiteral("all"), enabled, CoreGateway::actor()); },
        [this](const Result<QJsonObject> &r) {
            if (!r)
                m_status->setText(r.error().message);
            refresh();
        });
}
