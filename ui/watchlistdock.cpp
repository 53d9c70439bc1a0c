// SPDX-License-Identifier: GPL-3.0-or-later
#include "watchlistdock.h"

#include "coregateway.h"
#include "jsontablemodel.h"
#include "tableexport.h"

#include "services/quotebook.h"
#include "storage/recordjson.h"
#include "storage/watchlistrepository.h"
#include "trading/instrumentcache.h"
#include "trading/tradingcommands.h"
#include "trading/tradingengine.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QSet>
#include <QTableView>
#include <QVBoxLayout>

namespace {

const QRegularExpression &codePattern()
{
    static const QRegularExpression re(QStringLiteral("^[0-9A-Z]{6}$"));
    return re;
}

// Runs on the core's thread: live figures of a stock, from the quote book, else today's instrument
// entry (its last price), else nothing.
void addQuote(TradingCore &core, QJsonObject &row, bool fetchUnknown)
{
    const QString code = row.value(QStringLiteral("stock_code")).toString();
    if (QuoteBook *book = core.quoteBook()) {
        if (const std::optional<Quote> q = book->quote(code); q && q->price > 0) {
            row.insert(QStringLiteral("price"), q->price);
            row.insert(QStringLiteral("change_rate"), q->changeRate);
            row.insert(QStringLiteral("change"), q->change);
            row.insert(QStringLiteral("volume"), q->cumVolume);
            row.insert(QStringLiteral("quote_ms"), q->timeMs);
        }
    }
    if (TradingEngine *engine = core.engine()) {
        if (const auto info = engine->instruments().get(code)) {
            if (row.value(QStringLiteral("stock_name")).toString().isEmpty())
                row.insert(QStringLiteral("stock_name"), info->name);
            if (!row.contains(QStringLiteral("price")) && info->price > 0)
                row.insert(QStringLiteral("price"), info->price);
        } else if (fetchUnknown && row.value(QStringLiteral("stock_name")).toString().isEmpty()) {
            // A stock added without its name (the demo's seed, a script): ask the broker once
            // (ka10001); the cache answers the next read.
            engine->instruments().fetch(code, &core, [](const auto &) {});
        }
    }
}

} // namespace

WatchlistDock::WatchlistDock(CoreGateway *gateway, QWidget *parent)
    : QDockWidget(tr("Watchlist"), parent), m_gateway(gateway)
{
    setObjectName(QStringLiteral("watchlistDock"));
    setAccessibleName(tr("Watchlist"));
    setAccessibleDescription(tr("Watched stocks with live prices; add, remove and synchronise"));

    using Kind = JsonTableModel::Kind;
    m_model = new JsonTableModel(QStringLiteral("stock_code"), this);
    m_model->setColumns({
        { QStringLiteral("stock_code"), tr("Code"), Kind::Text, {}, {} },
        { QStringLiteral("stock_name"), tr("Name"), Kind::Text, {}, {} },
        { QStringLiteral("price"), tr("Price"), Kind::Integer, {}, tr("Last trade price (KRW)") },
        { QStringLiteral("change_rate"), tr("Change %"), Kind::Percent, {}, tr("Against the previous close") },
        { QStringLiteral("volume"), tr("Volume"), Kind::Integer, {}, tr("The day's volume so far") },
        { QString(), tr("Source"), Kind::Text,
            [](const QJsonObject &row) {
                if (row.value(QStringLiteral("source_type")).toString() == u"CONDITION") {
                    const QString name = row.value(QStringLiteral("condition_name")).toString();
                    return QJsonValue(name.isEmpty() ? tr("Condition") : tr("Condition: %1").arg(name));
                }
                return QJsonValue(tr("Manual"));
            },
            tr("Added by hand, or by which condition") },
        { QStringLiteral("added_ms"), tr("Added"), Kind::DateTime, {}, {} },
    });

    auto *body = new QWidget(this);
    body->setObjectName(QStringLiteral("watchlistBody"));
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);

    auto *addRow = new QHBoxLayout;
    auto *codeLabel = new QLabel(tr("C&ode:"), body);
    m_code = new QLineEdit(body);
    m_code->setObjectName(QStringLiteral("watchlistCode"));
    m_code->setAccessibleName(tr("Stock code to add"));
    m_code->setAccessibleDescription(tr("Six characters, e.g. 005930; Enter adds it"));
    m_code->setPlaceholderText(tr("005930"));
    m_code->setMaxLength(6);
    m_code->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9A-Za-z]{0,6}")), m_code));
    m_code->setClearButtonEnabled(true);
    codeLabel->setBuddy(m_code);
    m_name = new QLabel(body);
    m_name->setObjectName(QStringLiteral("watchlistCodeName"));
    m_name->setAccessibleName(tr("Name of the stock to add"));
    m_name->setMinimumWidth(120);
    m_add = new QPushButton(tr("&Add"), body);
    m_add->setObjectName(QStringLiteral("watchlistAdd"));
    m_add->setAccessibleName(tr("Add to the watchlist"));
    m_add->setToolTip(tr("Add the stock to the watchlist"));
    m_remove = new QPushButton(tr("&Remove"), body);
    m_remove->setObjectName(QStringLiteral("watchlistRemove"));
    m_remove->setAccessibleName(tr("Remove from the watchlist"));
    m_remove->setToolTip(tr("Remove the selected stocks from the watchlist (Delete)"));
    m_sync = new QPushButton(tr("S&ync now"), body);
    m_sync->setObjectName(QStringLiteral("watchlistSync"));
    m_sync->setAccessibleName(tr("Synchronise the watchlist now"));
    m_sync->setToolTip(tr("Run the watchlist sync with the conditions' results now"));
    addRow->addWidget(codeLabel);
    addRow->addWidget(m_code);
    addRow->addWidget(m_name, 1);
    addRow->addWidget(m_add);
    addRow->addWidget(m_remove);
    addRow->addWidget(m_sync);
    layout->addLayout(addRow);

    m_view = new QTableView(body);
    m_view->setObjectName(QStringLiteral("watchlistTable"));
    m_view->setAccessibleName(tr("Watchlist table"));
    m_view->setAccessibleDescription(tr("Enter or double-click shows the stock's chart; Delete removes it"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setTabKeyNavigation(false);
    m_view->setSortingEnabled(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setAccessibleName(tr("Watchlist columns"));
    TableExport::install(m_view, QStringLiteral("watchlist"));
    layout->addWidget(m_view, 1);

    m_status = new QLabel(body);
    m_status->setObjectName(QStringLiteral("watchlistStatus"));
    m_status->setAccessibleName(tr("Watchlist status"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    setWidget(body);
    setFocusProxy(m_view);
    setTabOrder(m_view, m_code);
    setTabOrder(m_code, m_add);
    setTabOrder(m_add, m_remove);
    setTabOrder(m_remove, m_sync);

    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) {
        // A double-click, or Enter on the row.
        if (index.isValid())
            emit stockActivated(m_model->row(index.row()).value(QStringLiteral("stock_code")).toString());
    });
    auto *removeShortcut = new QAction(tr("Remove from the watchlist"), m_view);
    removeShortcut->setObjectName(QStringLiteral("actionWatchlistRemove"));
    removeShortcut->setShortcut(QKeySequence::Delete);
    removeShortcut->setShortcutContext(Qt::WidgetShortcut);
    m_view->addAction(removeShortcut);
    connect(removeShortcut, &QAction::triggered, this, [this] { removeCode(); });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &WatchlistDock::updateButtons);
    connect(m_code, &QLineEdit::textEdited, this, [this](const QString &text) {
        const QString upper = text.toUpper();
        if (upper != text) {
            const int pos = m_code->cursorPosition();
            m_code->setText(upper);
            m_code->setCursorPosition(pos);
        }
        updateButtons();
        m_name->clear();
        if (codePattern().match(upper).hasMatch())
            lookUpName(upper);
    });
    connect(m_code, &QLineEdit::returnPressed, this, [this] { addCode(); });
    connect(m_add, &QPushButton::clicked, this, [this] { addCode(); });
    connect(m_remove, &QPushButton::clicked, this, [this] { removeCode(); });
    connect(m_sync, &QPushButton::clicked, this, &WatchlistDock::syncNow);
    updateButtons();

    if (m_gateway) {
        connect(m_gateway, &CoreGateway::changed, this, [this](const QStringList &topics) {
            if (topics.contains(QStringLiteral("watchlist")) || topics.contains(QStringLiteral("engine")))
                readRows(true);
            else if (topics.contains(QStringLiteral("quotes")))
                readRows(false);
        });
        refresh();
    }
}

WatchlistDock::~WatchlistDock() = default;

QString WatchlistDock::statusText() const
{
    return m_status->text();
}

void WatchlistDock::refresh()
{
    readRows(true);
}

void WatchlistDock::readRows(bool withWatchlist)
{
    if (!m_gateway)
        return;
    if (m_reading) {
        // One read in flight; what arrives meanwhile is folded into one more.
        (withWatchlist ? m_pendingFull : m_pendingQuotes) = true;
        return;
    }
    m_reading = true;
    const QJsonArray known = m_stocks;
    m_gateway->read(
        this,
        [withWatchlist, known](TradingCore &core) {
            QJsonObject out;
            QJsonArray stocks = known;
            if (withWatchlist) {
                Database *db = core.database();
                if (!db)
                    return out;
                const auto rows = WatchlistRepository(*db).listActive();
                if (!rows) {
                    out.insert(QStringLiteral("error"), rows.error().message);
                    return out;
                }
                stocks = Storage::toJsonArray(rows.value());
                out.insert(QStringLiteral("stocks"), stocks);
            }
            QJsonArray shown;
            for (const QJsonValue &v : std::as_const(stocks)) {
                QJsonObject row = v.toObject();
                addQuote(core, row, withWatchlist);
                shown.append(row);
            }
            out.insert(QStringLiteral("rows"), shown);
            return out;
        },
        [this](const QJsonObject &answer) {
            m_reading = false;
            onRows(answer);
            if (m_pendingFull || m_pendingQuotes) {
                const bool full = m_pendingFull;
                m_pendingFull = m_pendingQuotes = false;
                readRows(full);
            }
        });
}

void WatchlistDock::onRows(const QJsonObject &answer)
{
    if (answer.contains(QStringLiteral("error"))) {
        m_status->setText(
            tr("The watchlist could not be read: %1").arg(answer.value(QStringLiteral("error")).toString()));
        emit refreshed();
        return;
    }
    if (answer.contains(QStringLiteral("stocks")))
        m_stocks = answer.value(QStringLiteral("stocks")).toArray();
    const QJsonArray rows = answer.value(QStringLiteral("rows")).toArray();
    m_model->setRows(rows);
    if (m_status->text().isEmpty() || m_status->property("count").toBool()) {
        m_status->setText(rows.isEmpty() ? tr("The watchlist is empty: type a code and press Enter to add one.")
                                         : tr("%n stock(s) watched.", nullptr, int(rows.size())));
        m_status->setProperty("count", true);
    }
    updateButtons();
    emit refreshed();
}

void WatchlistDock::lookUpName(const QString &code)
{
    if (!m_gateway)
        return;
    m_nameFor = code;
    QPointer<WatchlistDock> self(this);
    CoreGateway *gw = m_gateway;
    m_gateway->read(
        this,
        [code, self, gw](TradingCore &core) {
            TradingEngine *engine = core.engine();
            if (!engine)
                return QString();
            if (const auto info = engine->instruments().get(code))
                return info->name;
            // Not cached: ask the broker (ka10001); the answer comes back later.
            engine->instruments().fetch(code, &core, [code, self, gw](const auto &r) {
                if (!r || r->name.isEmpty())
                    return;
                const QString name = r->name;
                QMetaObject::invokeMethod(
                    gw,
                    [self, code, name] {
                        if (self)
                            self->showNameHint(code, name);
                    },
                    Qt::QueuedConnection);
            });
            return QString();
        },
        [this, code](const QString &name) {
            if (!name.isEmpty())
                showNameHint(code, name);
        });
}

void WatchlistDock::showNameHint(const QString &code, const QString &name)
{
    if (code != m_nameFor || m_code->text() != code)
        return;
    m_name->setText(name);
}

void WatchlistDock::addCode(const QString &given)
{
    const QString code = (given.isEmpty() ? m_code->text() : given).trimmed().toUpper();
    if (!codePattern().match(code).hasMatch()) {
        m_status->setProperty("count", false);
        m_status->setText(tr("\"%1\" is not a stock code: six characters, e.g. 005930.").arg(code));
        emit commandAnswered(false, m_status->text());
        return;
    }
    if (!m_gateway)
        return;
    const QString name = code == m_nameFor ? m_name->text() : QString();
    m_gateway->command(
        this, [code, name](TradingCommands &c) { return c.addToWatchlist(code, name, CoreGateway::actor()); },
        [this, code](const Result<QJsonObject> &r) {
            m_status->setProperty("count", false);
            if (!r) {
                m_status->setText(r.error().message);
                emit commandAnswered(false, r.error().message);
                return;
            }
            m_status->setText(tr("%1 added to the watchlist.").arg(code));
            if (m_code->text().toUpper() == code) {
                m_code->clear();
                m_name->clear();
            }
            emit commandAnswered(true, QString());
            refresh();
        });
}

void WatchlistDock::removeCode(const QString &given)
{
    QStringList codes;
    if (!given.isEmpty()) {
        codes << given;
    } else {
        const QModelIndexList rows = m_view->selectionModel()->selectedRows();
        for (const QModelIndex &i : rows)
            codes << m_model->row(i.row()).value(QStringLiteral("stock_code")).toString();
    }
    if (codes.isEmpty() || !m_gateway)
        return;
    for (const QString &code : std::as_const(codes)) {
        m_gateway->command(
            this, [code](TradingCommands &c) { return c.removeFromWatchlist(code, CoreGateway::actor()); },
            [this, code](const Result<QJsonObject> &r) {
                m_status->setProperty("count", false);
                if (!r) {
                    m_status->setText(r.error().message);
                    emit commandAnswered(false, r.error().message);
                    return;
                }
                m_status->setText(tr("%1 removed from the watchlist.").arg(code));
                emit commandAnswered(true, QString());
                refresh();
            });
    }
}

void WatchlistDock::syncNow()
{
    if (!m_gateway)
        return;
    m_sync->setEnabled(false);
    m_gateway->command(
        this, [](TradingCommands &c) { return c.syncWatchlistNow(CoreGateway::actor()); },
        [this](const Result<QJsonObject> &r) {
            m_sync->setEnabled(true);
            m_status->setProperty("count", false);
            m_status->setText(r ? tr("Watchlist sync started.") : r.error().message);
            emit commandAnswered(r.ok(), r ? QString() : r.error().message);
            refresh();
        });
}

void WatchlistDock::updateButtons()
{
    m_add->setEnabled(codePattern().match(m_code->text().toUpper()).hasMatch());
    m_remove->setEnabled(m_view->selectionModel() && m_view->selectionModel()->hasSelection());
}
