// SPDX-License-Identifier: GPL-3.0-or-later
#include "docktable.h"
#include "strategiesdock.h"

#include "checkabletablemodel.h"
#include "coregateway.h"
#include "tableexport.h"

#include "market/krx.h"
#include "storage/recordjson.h"
#include "storage/signalrepository.h"
#include "storage/strategyrepository.h"
#include "strategy/strategyregistry.h"
#include "trading/tradingcommands.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <cmath>

namespace {

constexpr int SIGNALS_SHOWN = 50;

QString trading(TradingCore &core)
{
    return Krx::tradingDateString(core.marketClock().nowMs());
}

// Runs on the core's thread: one row per registry type, merged with the configured row that
// configureStrategy() updates (the first of that type), and today's signal counts.
QJsonObject readStrategies(TradingCore &core)
{
    QJsonObject out;
    Database *db = core.database();
    if (!db)
        return out;
    const auto rows = StrategyRepository(*db).list();
    if (!rows) {
        out.insert(QStringLiteral("error"), rows.error().message);
        return out;
    }
    Storage::SignalFilter filter;
    filter.detectedDate = trading(core);
    filter.limit = 5000;
    const auto today = SignalRepository(*db).listStrategySignals(filter);
    QHash<qint64, int> counts;
    QHash<qint64, qint64> last;
    if (today) {
        for (const Storage::StrategySignalRecord &s : today.value()) {
            ++counts[s.strategyId];
            last[s.strategyId] = std::max(last.value(s.strategyId), s.detectedAtMs);
        }
    }
    QJsonArray list;
    for (const Strategies::StrategyRegistry::Info &info : Strategies::StrategyRegistry::types()) {
        const QJsonObject spec = info.toJson();
        QJsonObject row {
            { QStringLiteral("strategy_type"), info.type },
            { QStringLiteral("description"), info.description },
            { QStringLiteral("accepts_quotes"), info.quotes },
            { QStringLiteral("spec"), spec.value(QStringLiteral("parameters")) },
            { QStringLiteral("defaults"), info.defaults() },
            { QStringLiteral("configured"), false },
            { QStringLiteral("is_enabled"), false },
            { QStringLiteral("parameters"), info.defaults() },
            { QStringLiteral("signals_today"), 0 },
            { QStringLiteral("last_signal_ms"), 0 },
        };
        QJsonArray ids;
        int signalsToday = 0;
        qint64 lastMs = 0;
        bool first = true;
        for (const Storage::TradingStrategyRecord &r : rows.value()) {
            if (r.strategyType != info.type)
                continue;
            if (first) {
                const QJsonObject stored = Storage::toJson(r);
                row.insert(QStringLiteral("id"), stored.value(QStringLiteral("id")));
                row.insert(QStringLiteral("strategy_name"), stored.value(QStringLiteral("strategy_name")));
                row.insert(QStringLiteral("parameters"), r.parameters);
                row.insert(QStringLiteral("configured"), true);
                first = false;
            }
            // The type is on when any of its rows is (setStrategyEnabled(type) switches them all).
            if (r.enabled)
                row.insert(QStringLiteral("is_enabled"), true);
            ids.append(r.id);
            signalsToday += counts.value(r.id);
            lastMs = std::max(lastMs, last.value(r.id));
        }
        row.insert(QStringLiteral("strategy_ids"), ids);
        row.insert(QStringLiteral("signals_today"), signalsToday);
        row.insert(QStringLiteral("last_signal_ms"), double(lastMs));
        list.append(row);
    }
    out.insert(QStringLiteral("strategies"), list);
    return out;
}

int decimalsFor(const QJsonObject &spec)
{
    // Enough decimals for the default and the bounds (at most 4), at least 1.
    int decimals = 1;
    for (const QString &key : { QStringLiteral("default"), QStringLiteral("min"), QStringLiteral("max") }) {
        const double v = std::abs(spec.value(key).toDouble());
        for (int d = 1; d <= 4; ++d) {
            const double scaled = v * std::pow(10.0, d);
            if (std::abs(scaled - std::round(scaled)) < 1e-6) {
                decimals = std::max(decimals, d);
                break;
            }
            if (d == 4)
                decimals = 4;
        }
    }
    return decimals;
}

} // namespace

StrategiesDock::StrategiesDock(CoreGateway *gateway, QWidget *parent)
    : QDockWidget(tr("Strategies"), parent), m_gateway(gateway)
{
    setObjectName(QStringLiteral("strategiesDock"));
    setAccessibleName(tr("Strategies"));
    setAccessibleDescription(tr("Strategy types, whether each is enabled, their parameters and last signals"));

    using Kind = JsonTableModel::Kind;
    m_model = new CheckableTableModel(QStringLiteral("strategy_type"), this);
    m_model->setColumns({
        { QStringLiteral("strategy_type"), tr("Strategy"), Kind::Text, {}, tr("The strategy type") },
        { QStringLiteral("is_enabled"), tr("Enabled"), Kind::Bool, {}, tr("Checked: it scans and gives signals") },
        { QStringLiteral("signals_today"), tr("Signals today"), Kind::Integer, {}, tr("Signals it gave today") },
        { QStringLiteral("last_signal_ms"), tr("Last signal"), Kind::Time, {}, tr("When it last gave a signal") },
        { QStringLiteral("description"), tr("Description"), Kind::Text, {}, {} },
    });
    m_model->setCheckColumn(1);
    connect(m_model, &CheckableTableModel::toggleRequested, this, [this](const QJsonObject &row, bool checked) {
        setStrategyEnabled(row.value(QStringLiteral("strategy_type")).toString(), checked);
    });

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("strategiesSplitter"));
    splitter->setChildrenCollapsible(false);

    m_view = new QTableView(splitter);
    m_view->setObjectName(QStringLiteral("strategiesTable"));
    m_view->setAccessibleName(tr("Strategies table"));
    m_view->setAccessibleDescription(tr("One row per strategy type; Space on Enabled switches it on or off"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setTabKeyNavigation(false);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setAccessibleName(tr("Strategies columns"));
    TableExport::install(m_view, QStringLiteral("strategies"));
    connect(
        m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
            if (current.isValid())
                selectType(m_model->row(current.row()).value(QStringLiteral("strategy_type")).toString());
        });

    // The parameter editor.
    m_editorBox = new QGroupBox(tr("Parameters"), splitter);
    m_editorBox->setObjectName(QStringLiteral("strategyParameters"));
    m_editorBox->setAccessibleName(tr("Strategy parameters"));
    auto *editorLayout = new QVBoxLayout(m_editorBox);
    m_description = new QLabel(m_editorBox);
    m_description->setObjectName(QStringLiteral("strategyDescription"));
    m_description->setAccessibleName(tr("Strategy description"));
    m_description->setWordWrap(true);
    editorLayout->addWidget(m_description);
    auto *scroll = new QScrollArea(m_editorBox);
    scroll->setObjectName(QStringLiteral("strategyParametersScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *formHost = new QWidget(scroll);
    formHost->setObjectName(QStringLiteral("strategyParametersForm"));
    m_form = new QFormLayout(formHost);
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    scroll->setWidget(formHost);
    editorLayout->addWidget(scroll, 1);
    auto *buttons = new QHBoxLayout;
    m_apply = new QPushButton(tr("&Apply"), m_editorBox);
    m_apply->setObjectName(QStringLiteral("strategyApply"));
    m_apply->setAccessibleName(tr("Apply strategy parameters"));
    m_apply->setToolTip(tr("Store these parameters (the core checks them first)"));
    m_defaults = new QPushButton(tr("De&faults"), m_editorBox);
    m_defaults->setObjectName(QStringLiteral("strategyDefaults"));
    m_defaults->setAccessibleName(tr("Fill in the default parameters"));
    m_defaults->setToolTip(tr("Fill in the strategy's default parameters (Apply stores them)"));
    m_revert = new QPushButton(tr("Re&vert"), m_editorBox);
    m_revert->setObjectName(QStringLiteral("strategyRevert"));
    m_revert->setAccessibleName(tr("Revert to the stored parameters"));
    connect(m_apply, &QPushButton::clicked, this, &StrategiesDock::apply);
    connect(m_defaults, &QPushButton::clicked, this, &StrategiesDock::fillDefaults);
    connect(m_revert, &QPushButton::clicked, this, [this] {
        setEditorValues(m_editorStored);
        clearMessages();
    });
    buttons->addWidget(m_apply);
    buttons->addWidget(m_defaults);
    buttons->addWidget(m_revert);
    buttons->addStretch(1);
    editorLayout->addLayout(buttons);
    m_status = new QLabel(m_editorBox);
    m_status->setObjectName(QStringLiteral("strategyStatus"));
    m_status->setAccessibleName(tr("Strategy status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    editorLayout->addWidget(m_status);

    // Today's last signals of the selected strategy.
    m_signalsModel = new JsonTableModel(QStringLiteral("id"), this);
    m_signalsModel->setColumns({
        { QStringLiteral("detected_ms"), tr("Time"), Kind::Time, {}, {} },
        { QStringLiteral("stock_code"), tr("Code"), Kind::Text, {}, {} },
        { QStringLiteral("stock_name"), tr("Name"), Kind::Text, {}, {} },
        { QStringLiteral("signal_type"), tr("Signal"), Kind::Text, {}, {} },
        { QStringLiteral("signal_value"), tr("Value"), Kind::Text, {}, {} },
        { QStringLiteral("status"), tr("Status"), Kind::Text, {}, {} },
        { QStringLiteral("status_reason"), tr("Reason"), Kind::Text, {}, {} },
    });
    m_signalsView = new QTableView(splitter);
    m_signalsView->setObjectName(QStringLiteral("strategySignalsTable"));
    m_signalsView->setAccessibleName(tr("Last signals of the strategy"));
    m_signalsView->setModel(m_signalsModel);
    m_signalsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_signalsView->setAlternatingRowColors(true);
    m_signalsView->setTabKeyNavigation(false);
    m_signalsView->verticalHeader()->hide();
    m_signalsView->horizontalHeader()->setStretchLastSection(true);
    m_signalsView->horizontalHeader()->setAccessibleName(tr("Signal columns"));
    TableExport::install(m_signalsView, QStringLiteral("strategy-signals"));

    splitter->addWidget(m_view);
    splitter->addWidget(m_editorBox);
    splitter->addWidget(m_signalsView);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 2);
    setWidget(splitter);
    setFocusProxy(m_view);
    m_editorBox->setEnabled(false);

    if (m_gateway) {
        // New signals arrive in bursts on a busy day: their counts are re-read at most once a second.
        m_signalsTimer.setSingleShot(true);
        m_signalsTimer.setInterval(1000);
        connect(&m_signalsTimer, &QTimer::timeout, this, &StrategiesDock::refresh);
        connect(m_gateway, &CoreGateway::changed, this, [this](const QStringList &topics) {
            if (topics.contains(QStringLiteral("strategies")))
                refresh();
            else if (topics.contains(QStringLiteral("signals")) && !m_signalsTimer.isActive())
                m_signalsTimer.start();
        });
        refresh();
    }
}

StrategiesDock::~StrategiesDock() = default;

QString StrategiesDock::fieldMessage(const QString &parameter) const
{
    const QLabel *l = m_messages.value(parameter);
    return l ? l->text() : QString();
}

QString StrategiesDock::statusText() const
{
    return m_status->text();
}

void StrategiesDock::refresh()
{
    if (!m_gateway)
        return;
    if (!m_refresh) {
        m_refresh = std::make_unique<DockRefresh>([this] {
            m_gateway->read(this, readStrategies, [this](const QJsonObject &answer) {
                onRead(answer);
                m_refresh->finished();
            });
        });
    }
    m_refresh->request();
}

void StrategiesDock::onRead(const QJsonObject &answer)
{
    if (answer.contains(QStringLiteral("error"))) {
        m_status->setText(tr("Strategies could not be read: %1").arg(answer.value(QStringLiteral("error")).toString()));
        emit refreshed();
        return;
    }
    const QJsonArray rows = answer.value(QStringLiteral("strategies")).toArray();
    m_rows.clear();
    for (const QJsonValue &v : rows)
        m_rows.insert(v.toObject().value(QStringLiteral("strategy_type")).toString(), v.toObject());
    m_model->setRows(rows);
    if (m_editorType.isEmpty() && !rows.isEmpty()) {
        selectType(rows.first().toObject().value(QStringLiteral("strategy_type")).toString());
    } else if (m_rows.contains(m_editorType)) {
        // Stored parameters changed elsewhere (the API, another window): follow them unless the
        // user has edits of their own in the editor.
        const QJsonObject stored = m_rows.value(m_editorType).value(QStringLiteral("parameters")).toObject();
        if (stored != m_editorStored) {
            const bool dirty = editorValues() != m_editorStored;
            m_editorStored = stored;
            if (!dirty)
                setEditorValues(stored);
        }
        readSignals();
    }
    emit refreshed();
}

void StrategiesDock::selectType(const QString &type)
{
    if (!m_rows.contains(type))
        return;
    const int r = m_model->rowOfId(type);
    if (r >= 0 && m_view->currentIndex().row() != r)
        m_view->setCurrentIndex(m_model->index(r, 0));
    if (type == m_editorType)
        return;
    m_editorType = type;
    buildEditor(m_rows.value(type));
    readSignals();
}

void StrategiesDock::buildEditor(const QJsonObject &row)
{
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    m_fields.clear();
    m_messages.clear();
    m_status->clear();
    m_editorBox->setTitle(tr("Parameters: %1").arg(m_editorType));
    m_description->setText(row.value(QStringLiteral("description")).toString());
    QWidget *host = m_form->parentWidget();
    QWidget *previous = m_view;
    for (const QJsonValue &v : row.value(QStringLiteral("spec")).toArray()) {
        const QJsonObject spec = v.toObject();
        const QString name = spec.value(QStringLiteral("name")).toString();
        const bool integer = spec.value(QStringLiteral("type")).toString() == u"integer";
        const double min = spec.value(QStringLiteral("min")).toDouble();
        const double max = spec.value(QStringLiteral("max")).toDouble();
        const QString range = integer ? tr("%1 to %2").arg(qint64(min)).arg(qint64(max))
                                      : tr("%1 to %2").arg(QLocale().toString(min), QLocale().toString(max));
        const QString tip = spec.value(QStringLiteral("description")).toString() + u'\n'
            + tr("Valid: %1; default %2.")
                  .arg(range, QLocale().toString(spec.value(QStringLiteral("default")).toDouble()));
        QAbstractSpinBox *box = nullptr;
        if (integer) {
            auto *s = new QSpinBox(host);
            s->setRange(int(std::max(min, double(std::numeric_limits<int>::min()))),
                int(std::min(max, double(std::numeric_limits<int>::max()))));
            connect(s, &QSpinBox::valueChanged, this, [this] {
                clearMessages();
                const auto checked = Strategies::StrategyRegistry::create(m_editorType, editorValues());
                if (!checked)
                    showRefusal(checked.error().message);
            });
            box = s;
        } else {
            auto *s = new QDoubleSpinBox(host);
            s->setDecimals(decimalsFor(spec));
            s->setRange(min, max);
            s->setSingleStep(max - min > 20 ? 1.0 : 0.1);
            connect(s, &QDoubleSpinBox::valueChanged, this, [this] {
                clearMessages();
                const auto checked = Strategies::StrategyRegistry::create(m_editorType, editorValues());
                if (!checked)
                    showRefusal(checked.error().message);
            });
            box = s;
        }
        box->setObjectName(QStringLiteral("param_") + name);
        box->setAccessibleName(name);
        box->setAccessibleDescription(tip);
        box->setToolTip(tip);
        box->setKeyboardTracking(false);
        auto *message = new QLabel(host);
        message->setObjectName(QStringLiteral("paramMessage_") + name);
        message->setAccessibleName(tr("%1 message").arg(name));
        message->setStyleSheet(QStringLiteral("color: #c62828;"));
        message->setWordWrap(true);
        auto *field = new QWidget(host);
        auto *fieldLayout = new QHBoxLayout(field);
        fieldLayout->setContentsMargins(0, 0, 0, 0);
        fieldLayout->addWidget(box);
        fieldLayout->addWidget(message, 1);
        auto *label = new QLabel(name, host);
        label->setBuddy(box);
        label->setToolTip(tip);
        m_form->addRow(label, field);
        m_fields.insert(name, box);
        m_messages.insert(name, message);
        setTabOrder(previous, box);
        previous = box;
    }
    setTabOrder(previous, m_apply);
    setTabOrder(m_apply, m_defaults);
    setTabOrder(m_defaults, m_revert);
    m_editorStored = row.value(QStringLiteral("parameters")).toObject();
    setEditorValues(m_editorStored);
    clearMessages();
    m_editorBox->setEnabled(true);
}

void StrategiesDock::setEditorValues(const QJsonObject &values)
{
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        if (!values.contains(it.key()))
            continue;
        const QSignalBlocker block(it.value());
        if (auto *i = qobject_cast<QSpinBox *>(it.value()))
            i->setValue(int(values.value(it.key()).toDouble()));
        else if (auto *d = qobject_cast<QDoubleSpinBox *>(it.value()))
            d->setValue(values.value(it.key()).toDouble());
    }
}

QJsonObject StrategiesDock::editorValues() const
{
    QJsonObject values;
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        if (auto *i = qobject_cast<QSpinBox *>(it.value()))
            values.insert(it.key(), qint64(i->value()));
        else if (auto *d = qobject_cast<QDoubleSpinBox *>(it.value()))
            values.insert(it.key(), d->value());
    }
    return values;
}

void StrategiesDock::clearMessages()
{
    for (QLabel *l : std::as_const(m_messages))
        l->clear();
    m_status->clear();
}

void StrategiesDock::showRefusal(const QString &message)
{
    m_status->setText(message);
    // The core's messages name the parameter: rsi: parameter "oversold" (80) must be below ...
    static const QRegularExpression named(QStringLiteral("parameter \"([A-Za-z0-9_]+)\""));
    const QRegularExpressionMatch m = named.match(message);
    if (m.hasMatch()) {
        if (QLabel *l = m_messages.value(m.captured(1))) {
            QString text = message;
            const int colon = text.indexOf(QStringLiteral(": "));
            if (colon > 0 && colon < 24)
                text = text.mid(colon + 2);
            l->setText(text);
        }
    }
}

void StrategiesDock::apply()
{
    if (!m_gateway || m_editorType.isEmpty())
        return;
    const QString type = m_editorType;
    const QJsonObject values = editorValues();
    clearMessages();
    m_apply->setEnabled(false);
    m_gateway->command(
        this, [type, values](TradingCommands &c) { return c.configureStrategy(type, values, CoreGateway::actor()); },
        [this, type](const Result<QJsonObject> &r) {
            m_apply->setEnabled(true);
            if (!r) {
                if (type == m_editorType)
                    showRefusal(r.error().message);
                emit applied(false, r.error().message);
                return;
            }
            if (type == m_editorType) {
                m_editorStored = r.value()
                                     .value(QStringLiteral("strategy"))
                                     .toObject()
                                     .value(QStringLiteral("parameters"))
                                     .toObject();
                setEditorValues(m_editorStored);
                m_status->setText(tr("Parameters of %1 stored.").arg(type));
            }
            emit applied(true, QString());
            refresh();
        });
}

void StrategiesDock::fillDefaults()
{
    if (!m_rows.contains(m_editorType))
        return;
    setEditorValues(m_rows.value(m_editorType).value(QStringLiteral("defaults")).toObject());
    clearMessages();
    m_status->setText(tr("Defaults filled in; Apply stores them."));
}

void StrategiesDock::setStrategyEnabled(const QString &type, bool enabled)
{
    if (!m_gateway)
        return;
    m_gateway->command(
        this, [type, enabled](TradingCommands &c) { return c.setStrategyEnabled(type, enabled, CoreGateway::actor()); },
        [this](const Result<QJsonObject> &r) {
            if (!r)
                m_status->setText(r.error().message);
            refresh();
        });
}

void StrategiesDock::readSignals()
{
    if (!m_gateway || !m_rows.contains(m_editorType))
        return;
    QList<qint64> ids;
    for (const QJsonValue &v : m_rows.value(m_editorType).value(QStringLiteral("strategy_ids")).toArray())
        ids << qint64(v.toDouble());
    const QString type = m_editorType;
    m_gateway->read(
        this,
        [ids](TradingCore &core) {
            QList<QJsonObject> found;
            Database *db = core.database();
            if (!db)
                return QJsonArray();
            Storage::SignalFilter filter;
            filter.detectedDate = trading(core);
            filter.limit = 5000;
            SignalRepository repo(*db);
            for (qint64 id : ids) {
                const auto rows = repo.listStrategySignals(filter, id);
                if (!rows)
                    continue;
                for (const Storage::StrategySignalRecord &s : rows.value())
                    found << Storage::toJson(s);
            }
            std::sort(found.begin(), found.end(), [](const QJsonObject &a, const QJsonObject &b) {
                return a.value(QStringLiteral("detected_ms")).toDouble()
                    > b.value(QStringLiteral("detected_ms")).toDouble();
            });
            QJsonArray out;
            for (int i = 0; i < found.size() && i < SIGNALS_SHOWN; ++i)
                out.append(found.at(i));
            return out;
        },
        [this, type](const QJsonArray &rows) {
            if (type == m_editorType)
                m_signalsModel->setRows(rows);
        });
}
