// SPDX-License-Identifier: GPL-3.0-or-later
#include "logdock.h"

#include "coregateway.h"
#include "docktable.h"
#include "jsontablemodel.h"

#include "common/activitylog.h"

#include <QAbstractButton>
#include <QBrush>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

namespace {

constexpr int kReadLimit = 1000;

QJsonObject readLog(TradingCore &core, qint64 since)
{
    ActivityLog &log = core.activity();
    QJsonArray entries;
    for (const ActivityLog::Entry &e : log.since(since, kReadLimit)) {
        entries.append(QJsonObject { { QStringLiteral("id"), e.id }, { QStringLiteral("time_ms"), e.timeMs },
            { QStringLiteral("level"), ActivityLog::levelName(e.level) }, { QStringLiteral("source"), e.source },
            { QStringLiteral("message"), e.message } });
    }
    return { { QStringLiteral("entries"), entries }, { QStringLiteral("last_id"), log.lastId() } };
}

QString levelText(const QString &level)
{
    if (level == u"info")
        return LogDock::tr("Info");
    if (level == u"warning")
        return LogDock::tr("Warning");
    if (level == u"error")
        return LogDock::tr("Error");
    if (level == u"trade")
        return LogDock::tr("Trade");
    return level;
}

} // namespace

LogDock::LogDock(CoreGateway *gateway, QWidget *parent) : QDockWidget(tr("Log"), parent), m_gateway(gateway)
{
    setObjectName(QStringLiteral("logDock"));
    setAccessibleName(tr("Activity log"));
    setAccessibleDescription(tr("What the program did, newest at the bottom"));

    using K = JsonTableModel::Kind;
    m_model = new JsonTableModel(QStringLiteral("id"), this);
    m_model->setColumns({
        { QStringLiteral("time_ms"), tr("Time"), K::Time, {}, tr("KST") },
        { QString(), tr("Level"), K::Text,
            [](const QJsonObject &r) { return QJsonValue(levelText(r.value(QStringLiteral("level")).toString())); },
            {} },
        { QStringLiteral("source"), tr("Source"), K::Text, {}, {} },
        { QStringLiteral("message"), tr("Message"), K::Text, {}, {} },
    });
    m_proxy = new RowFilterProxy(this);

    auto *body = new QWidget(this);
    body->setObjectName(QStringLiteral("logDockBody"));
    m_view = makeDockTable(
        body, m_model, m_proxy, QStringLiteral("logTable"), tr("Activity log table"), QStringLiteral("activity-log"));
    m_view->setSortingEnabled(false); // newest at the bottom, always in order
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);

    auto *levelLabel = new QLabel(tr("&Level:"), body);
    m_level = new QComboBox(body);
    m_level->setObjectName(QStringLiteral("logLevelCombo"));
    m_level->setAccessibleName(tr("Log level filter"));
    m_level->addItem(tr("All"), int(LevelFilter::All));
    m_level->addItem(tr("Trades"), int(LevelFilter::Trades));
    m_level->addItem(tr("Warnings and errors"), int(LevelFilter::WarningsAndErrors));
    m_level->addItem(tr("Errors"), int(LevelFilter::Errors));
    levelLabel->setBuddy(m_level);
    auto *textLabel = new QLabel(tr("Te&xt:"), body);
    m_text = new QLineEdit(body);
    m_text->setObjectName(QStringLiteral("logTextFilter"));
    m_text->setAccessibleName(tr("Log text filter"));
    m_text->setPlaceholderText(tr("Text in the message or source"));
    m_text->setClearButtonEnabled(true);
    for (auto *button : m_text->findChildren<QAbstractButton *>()) {
        button->setObjectName(QStringLiteral("logTextFilterClear"));
        button->setAccessibleName(tr("Clear the text filter"));
    }
    textLabel->setBuddy(m_text);

    auto *top = new QHBoxLayout;
    top->addWidget(levelLabel);
    top->addWidget(m_level);
    top->addWidget(textLabel);
    top->addWidget(m_text, 1);
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    setWidget(body);
    setFocusProxy(m_view);
    QWidget::setTabOrder(m_level, m_text);
    QWidget::setTabOrder(m_text, m_view);

    connect(m_level, &QComboBox::currentIndexChanged, this, &LogDock::applyFilter);
    connect(m_text, &QLineEdit::textChanged, this, &LogDock::applyFilter);

    m_refresh = std::make_unique<DockRefresh>([this] {
        const qint64 since = m_lastId;
        m_gateway->read(
            this, [since](TradingCore &core) { return readLog(core, since); },
            [this](const QJsonObject &answer) {
                const QJsonArray entries = answer.value(QStringLiteral("entries")).toArray();
                append(entries, qint64(answer.value(QStringLiteral("last_id")).toDouble()));
                m_refresh->finished();
                if (entries.size() >= kReadLimit)
                    refresh(); // more are waiting
                emit refreshed();
            });
    });
    if (m_gateway) {
        connect(m_gateway, &CoreGateway::changed, this, [this](const QStringList &topics) {
            if (topics.contains(QStringLiteral("log")))
                refresh();
        });
        refresh();
    }
}

LogDock::~LogDock() = default;

void LogDock::refresh()
{
    if (m_gateway)
        m_refresh->request();
}

void LogDock::append(const QJsonArray &entries, qint64 lastId)
{
    if (lastId < m_lastId) {
        // A new core (restart) numbers from 1 again: start over.
        m_rows = {};
        m_lastId = 0;
    }
    if (entries.isEmpty()) {
        return;
    }
    for (const QJsonValue &e : entries) {
        m_rows.append(e);
        m_lastId = std::max(m_lastId, qint64(e.toObject().value(QStringLiteral("id")).toDouble()));
    }
    while (m_rows.size() > maxRows())
        m_rows.removeFirst();
    QScrollBar *bar = m_view->verticalScrollBar();
    const bool follow = bar->value() >= bar->maximum() - 2;
    setRowsKeepingSelection(m_view, m_model, m_proxy, m_rows, QStringLiteral("id"));
    if (follow)
        m_view->scrollToBottom();
}

void LogDock::setLevelFilter(LevelFilter filter)
{
    m_level->setCurrentIndex(std::max(0, m_level->findData(int(filter))));
}

void LogDock::setTextFilter(const QString &text)
{
    m_text->setText(text);
}

void LogDock::applyFilter()
{
    const auto level = LevelFilter(m_level->currentData().toInt());
    const QString text = m_text->text().trimmed();
    if (level == LevelFilter::All && text.isEmpty()) {
        m_proxy->setPredicate({});
        return;
    }
    m_proxy->setPredicate([level, text](const QJsonObject &r) {
        const QString l = r.value(QStringLiteral("level")).toString();
        switch (level) {
        case LevelFilter::All:
            break;
        case LevelFilter::Trades:
            if (l != u"trade")
                return false;
            break;
        case LevelFilter::WarningsAndErrors:
            if (l != u"warning" && l != u"error")
                return false;
            break;
        case LevelFilter::Errors:
            if (l != u"error")
                return false;
            break;
        }
        return text.isEmpty() || r.value(QStringLiteral("message")).toString().contains(text, Qt::CaseInsensitive)
            || r.value(QStringLiteral("source")).toString().contains(text, Qt::CaseInsensitive);
    });
}
