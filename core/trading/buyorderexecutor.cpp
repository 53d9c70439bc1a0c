// SPDX-License-Identifier: GPL-3.0-or-later
#include "buyorderexecutor.h"

#include "decisionledger.h"
#include "marketapi.h"
#include "orderevents.h"
#include "ordersubmitter.h"
#include "signalmanager.h"

#include "common/clock.h"
#include "common/logging.h"
#include "common/settings.h"
#include "market/krx.h"
#include "storage/database.h"
#include "storage/sqlutil.h"

#include <QLocale>
#include "common/markettimer.h"

#include <QTimer>

#include <algorithm>

using Storage::Decision;
using Storage::OrderState;
using Storage::Origin;
using Storage::SignalKind;
using Storage::SignalStatus;
using Trading::OrderType;

namespace {

// A REJECTED order whose row the periodic sweep finds before its orderRejected event is left this
// long to the event (which knows whether the refusal was transient); start-up recovery does not wait.
constexpr qint64 REJECTED_GRACE_MS = 60'000;

// "1,234,000": the numbers a trader reads in ledger lines.
QString won(qint64 amount)
{
    return QLocale(QLocale::English, QLocale::UnitedStates).toString(amount);
}

// Refused before it reached the exchange, and worth another try later.
bool isTransient(const KiwoomError &error)
{
    return error.isDefinite()
        && (error.kind == KiwoomError::Kind::RateLimited || error.kind == KiwoomError::Kind::Transport);
}

QString kindTag(SignalKind kind)
{
    return kind == SignalKind::PendingBuy ? QStringLiteral("p") : QStringLiteral("s");
}

QString timeText(qint64 utcMs)
{
    return Krx::toKst(utcMs).toString(QStringLiteral("HH:mm:ss"));
}

QJsonObject orderData(const Storage::OrderRecord &order)
{
    return QJsonObject {
        { QStringLiteral("order_id"), order.id },
        { QStringLiteral("order_state"), Storage::enumText(order.state) },
        { QStringLiteral("quantity"), order.quantity },
        { QStringLiteral("price"), order.price },
        { QStringLiteral("filled_quantity"), order.filledQuantity },
        { QStringLiteral("filled_amount"), order.filledAmount },
        { QStringLiteral("avg_fill_price"), order.avgFillPrice },
    };
}

} // namespace

BuyExecutorConfig BuyExecutorConfig::fromSettings(const Settings &settings)
{
    BuyExecutorConfig c;
    c.autoTradeEnabled = settings.autoTradeEnabled();
    c.maxInvestAmount = settings.maxInvestAmount();
    c.orderType = settings.buyOrderType() == QLatin1String("market") ? OrderType::Market : OrderType::Limit;
    c.retryDelaySec = settings.buyRetryDelaySec();
    c.maxRetries = settings.buyMaxRetries();
    c.sweepIntervalSec = settings.buySweepIntervalSec();
    return c;
}

BuyOrderExecutor::BuyOrderExecutor(Database &db, const IClock &marketClock, IOrderSubmitter &orders,
    OrderEvents &events, DecisionLedger &ledger, IMarketApi *market, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_clock(marketClock)
    , m_orders(orders)
    , m_ledger(ledger)
    , m_market(market)
    , m_signals(db)
    , m_positions(db)
    , m_orderRepository(db)
    , m_timer(new MarketTimer(this))
{
    connect(&events, &OrderEvents::orderRejected, this, &BuyOrderExecutor::onOrderRejected);
    connect(&events, &OrderEvents::orderFinished, this, &BuyOrderExecutor::onOrderFinished);
    connect(&events, &OrderEvents::orderOutcomeUnknown, this, &BuyOrderExecutor::onOrderOutcomeUnknown);
    connect(m_timer, &MarketTimer::timeout, this, [this] {
        m_timer->setInterval(std::max(1, config().sweepIntervalSec) * 1000);
        runOnce();
    });
}

BuyOrderExecutor::~BuyOrderExecutor() = default;

void BuyOrderExecutor::setQuoteSource(QuoteSource source)
{
    m_quoteSource = std::move(source);
}

void BuyOrderExecutor::setKillSwitchSource(KillSwitchSource source)
{
    m_killSwitch = std::move(source);
}

void BuyOrderExecutor::setConfigSource(ConfigSource source)
{
    m_config = std::move(source);
}

void BuyOrderExecutor::setPulse(MarketPulse *pulse)
{
    m_timer->setPulse(pulse);
}

void BuyOrderExecutor::setConfig(const BuyExecutorConfig &config)
{
    m_config = [config] { return config; };
}

BuyExecutorConfig BuyOrderExecutor::config() const
{
    return m_config ? m_config() : BuyExecutorConfig {};
}

void BuyOrderExecutor::start()
{
    if (m_running)
        return;
    m_running = true;
    qCInfo(lcTrading) << "buy executor started";
    recover();
    runOnce();
    m_timer->start(std::max(1, config().sweepIntervalSec) * 1000);
}

void BuyOrderExecutor::stop()
{
    if (!m_running)
        return;
    m_running = false;
    m_timer->stop();
    m_queue.clear();
    qCInfo(lcTrading) << "buy executor stopped";
}

Origin BuyOrderExecutor::originOf(SignalKind kind, const QString &source)
{
    if (kind == SignalKind::Strategy)
        return source.startsWith(QLatin1String("scalping:")) ? Origin::Scalping : Origin::Strategy;
    if (source == QLatin1String("api") || source.startsWith(QLatin1String("api:")))
        return Origin::Api;
    if (SignalManager::isManualSource(source))
        return Origin::Manual;
    return Origin::Condition;
}

std::optional<BuyOrderExecutor::Key> BuyOrderExecutor::keyOf(const Storage::OrderRecord &order)
{
    if (order.side != Side::Buy || order.action != Storage::OrderAction::Place || !order.originSignalId)
        return std::nullopt;
    switch (order.origin) {
    case Origin::Condition:
    case Origin::Manual:
    case Origin::Api:
        return keyOf(SignalKind::PendingBuy, *order.originSignalId);
    case Origin::Strategy:
    case Origin::Scalping:
        return keyOf(SignalKind::Strategy, *order.originSignalId);
    default:
        return std::nullopt;
    }
}

// ---------------------------------------------------------------------------------------------
// Reading signals and orders

BuyOrderExecutor::Work BuyOrderExecutor::workOf(const Storage::PendingBuySignalRecord &r)
{
    Work w;
    w.kind = SignalKind::PendingBuy;
    w.id = r.id;
    w.code = r.stockCode;
    w.name = r.stockName;
    w.source = r.source;
    w.signalType = r.signalType;
    w.detectedDate = r.detectedDate;
    w.status = r.status;
    w.buy = true;
    w.manual = SignalManager::isManualSource(r.source);
    w.origin = originOf(w.kind, r.source);
    w.targetPrice = r.targetPrice;
    w.retryCount = r.retryCount;
    w.nextAttemptMs = r.nextAttemptAtMs;
    w.requestedQuantity = r.requestedQuantity;
    w.requestedAmount = r.requestedAmount;
    if (!r.orderType.isEmpty())
        w.orderType = Trading::orderTypeFromText(r.orderType);
    return w;
}

BuyOrderExecutor::Work BuyOrderExecutor::workOf(const Storage::StrategySignalRecord &r)
{
    Work w;
    w.kind = SignalKind::Strategy;
    w.id = r.id;
    w.code = r.stockCode;
    w.name = r.stockName;
    // The SignalManager keeps the source ("strategy:<id>", "scalping:<id>") and the side in additional_data.
    w.source = r.additionalData.value(QStringLiteral("source")).toString();
    if (w.source.isEmpty())
        w.source = QStringLiteral("strategy:%1").arg(r.strategyId);
    w.signalType = r.signalType;
    w.detectedDate = r.detectedDate;
    w.status = r.status;
    // A sell by either mark is the exit path's, never bought.
    const QString sell = Sides::text(Side::Sell);
    w.buy = r.signalType.compare(sell, Qt::CaseInsensitive) != 0
        && r.additionalData.value(QStringLiteral("side")).toString() != sell;
    w.manual = false;
    w.origin = originOf(w.kind, w.source);
    w.retryCount = r.retryCount;
    w.nextAttemptMs = r.nextAttemptAtMs;
    return w;
}

Result<std::optional<BuyOrderExecutor::Work>> BuyOrderExecutor::load(SignalKind kind, qint64 id) const
{
    if (kind == SignalKind::PendingBuy) {
        auto row = m_signals.findPendingBuy(id);
        if (!row)
            return row.error();
        if (!row->has_value())
            return std::optional<Work> {};
        return std::optional<Work>(workOf(row->value()));
    }
    auto row = m_signals.findStrategySignal(id);
    if (!row)
        return row.error();
    if (!row->has_value())
        return std::optional<Work> {};
    return std::optional<Work>(workOf(row->value()));
}

Result<QList<BuyOrderExecutor::Work>> BuyOrderExecutor::listByStatus(SignalKind kind, SignalStatus status) const
{
    Storage::SignalFilter filter;
    filter.status = status;
    QList<Work> works;
    if (kind == SignalKind::PendingBuy) {
        auto rows = m_signals.listPendingBuy(filter);
        if (!rows)
            return rows.error();
        for (const Storage::PendingBuySignalRecord &r : std::as_const(rows.value()))
            works.append(workOf(r));
    } else {
        auto rows = m_signals.listStrategySignals(filter);
        if (!rows)
            return rows.error();
        for (const Storage::StrategySignalRecord &r : std::as_const(rows.value()))
            works.append(workOf(r));
    }
    return works;
}

Result<QList<qint64>> BuyOrderExecutor::actionable(SignalKind kind, const QString &tradingDate, qint64 nowMs) const
{
    auto rows = m_signals.listActionable(kind, tradingDate, nowMs);
    if (!rows)
        return rows.error();
    QList<qint64> ids;
    ids.reserve(rows->size());
    for (const Storage::SignalRecord &r : std::as_const(rows.value()))
        ids.append(r.id());
    return ids;
}

Result<std::optional<Storage::OrderRecord>> BuyOrderExecutor::newestOrder(Origin origin, qint64 signalId) const
{
    auto orders = m_orderRepository.listForSignal(origin, signalId);
    if (!orders)
        return orders.error();
    std::optional<Storage::OrderRecord> newest;
    for (const Storage::OrderRecord &o : std::as_const(orders.value())) {
        if (o.action != Storage::OrderAction::Place || o.side != Side::Buy)
            continue;
        if (!newest || o.id > newest->id)
            newest = o;
    }
    return newest;
}

Status BuyOrderExecutor::setStatus(const Work &w, SignalStatus expected, SignalStatus next, const QString &reason)
{
    const QString actor = QString::fromLatin1(ACTOR);
    if (w.kind == SignalKind::PendingBuy) {
        auto r = m_signals.updatePendingBuyStatus(w.id, expected, next, reason, actor);
        if (!r)
            return r.error();
        return {};
    }
    auto r = m_signals.updateStrategySignalStatus(w.id, expected, next, reason, actor);
    if (!r)
        return r.error();
    return {};
}

void BuyOrderExecutor::record(const Work &w, Decision decision, const QString &message, const QString &rule,
    QJsonObject data, std::optional<qint64> orderId)
{
    if (!w.name.isEmpty() && !data.contains(QStringLiteral("name")))
        data.insert(QStringLiteral("name"), w.name);
    Storage::DecisionRecord line = DecisionLedger::line(
        DecisionLedger::kindOf(w.kind, w.source), w.id, w.code, w.source, decision, message, data);
    line.rule = rule;
    line.orderId = orderId;
    m_ledger.record(line);
}

// ---------------------------------------------------------------------------------------------
// The sweep and recovery

void BuyOrderExecutor::runOnce()
{
    const qint64 now = m_clock.nowMs();
    const QString today = Krx::tradingDateString(now);
    repairProcessing();
    settleOrdered(REJECTED_GRACE_MS);
    expireStale(today);
    for (SignalKind kind : { SignalKind::PendingBuy, SignalKind::Strategy }) {
        auto ids = actionable(kind, today, now);
        if (!ids) {
            qCWarning(lcTrading).noquote() << "buy executor: cannot list waiting signals:" << ids.error().message;
            continue;
        }
        for (qint64 id : std::as_const(ids.value()))
            process(kind, id);
    }
}

int BuyOrderExecutor::recover()
{
    return repairProcessing() + settleOrdered(0);
}

int BuyOrderExecutor::repairProcessing()
{
    int changed = 0;
    for (SignalKind kind : { SignalKind::PendingBuy, SignalKind::Strategy }) {
        auto rows = listByStatus(kind, SignalStatus::Processing);
        if (!rows) {
            qCWarning(lcTrading).noquote() << "buy executor: cannot list PROCESSING signals:" << rows.error().message;
            continue;
        }
        for (const Work &w : std::as_const(rows.value())) {
            if (!w.buy || m_working.contains(keyOf(w)))
                continue; // a sell (the exit path's), or being worked on right now (its price is on the way)
            auto newest = newestOrder(w.origin, w.id);
            if (!newest) {
                qCWarning(lcTrading).noquote()
                    << "buy executor: orders of signal" << w.id << "unreadable:" << newest.error().message;
                continue;
            }
            if (!newest->has_value()) {
                if (Status s = setStatus(w, SignalStatus::Processing, SignalStatus::Pending,
                        tr("back to PENDING: no order had been placed when its processing stopped"));
                    !s) {
                    qCWarning(lcTrading).noquote()
                        << "buy executor: signal" << w.id << "stays PROCESSING:" << s.error().message;
                    continue;
                }
                record(w, Decision::Retry,
                    tr("Signal #%1 was interrupted before an order was placed (restart); it is tried again.")
                        .arg(w.id));
                ++changed;
                continue;
            }
            const Storage::OrderRecord order = newest->value();
            if (Status s = setStatus(w, SignalStatus::Processing, SignalStatus::Ordered, tr("order #%1").arg(order.id));
                !s) {
                qCWarning(lcTrading).noquote()
                    << "buy executor: signal" << w.id << "stays PROCESSING:" << s.error().message;
                continue;
            }
            record(w, Decision::Ordered,
                tr("Signal #%1 was interrupted after its order #%2 was placed; the order stands.")
                    .arg(w.id)
                    .arg(order.id),
                QString(), orderData(order), order.id);
            ++changed;
            if (Storage::isTerminal(order.state)) {
                Work ordered = w;
                ordered.status = SignalStatus::Ordered;
                settleFinished(ordered, order);
            }
        }
    }
    return changed;
}

int BuyOrderExecutor::settleOrdered(qint64 rejectedGraceMs)
{
    int changed = 0;
    for (SignalKind kind : { SignalKind::PendingBuy, SignalKind::Strategy }) {
        auto rows = listByStatus(kind, SignalStatus::Ordered);
        if (!rows) {
            qCWarning(lcTrading).noquote() << "buy executor: cannot list ORDERED signals:" << rows.error().message;
            continue;
        }
        for (const Work &w : std::as_const(rows.value())) {
            if (!w.buy)
                continue; // the exit path's
            auto newest = newestOrder(w.origin, w.id);
            if (!newest || !newest->has_value())
                continue;
            const Storage::OrderRecord order = newest->value();
            if (!Storage::isTerminal(order.state))
                continue;
            if (order.state == OrderState::Rejected && m_db.clock().nowMs() - order.updatedAtMs < rejectedGraceMs)
                continue; // its orderRejected event (transient or not) decides
            settleFinished(w, order);
            ++changed;
        }
    }
    return changed;
}

void BuyOrderExecutor::expire(const Work &w)
{
    const QString today = Krx::tradingDateString(m_clock.nowMs());
    const QString message = tr("Signal of %1 expired: it is not valid after its trading date.").arg(w.detectedDate);
    if (Status s = setStatus(w, SignalStatus::Pending, SignalStatus::Expired, message); !s) {
        qCDebug(lcTrading).noquote() << "buy executor: signal" << w.id << "not expired:" << s.error().message;
        return;
    }
    record(w, Decision::Expired, message, QString(),
        QJsonObject { { QStringLiteral("detected_date"), w.detectedDate }, { QStringLiteral("trading_date"), today } });
}

void BuyOrderExecutor::expireStale(const QString &today)
{
    for (SignalKind kind : { SignalKind::PendingBuy, SignalKind::Strategy }) {
        auto rows = listByStatus(kind, SignalStatus::Pending);
        if (!rows) {
            qCWarning(lcTrading).noquote() << "buy executor: cannot list PENDING signals:" << rows.error().message;
            continue;
        }
        for (const Work &w : std::as_const(rows.value())) {
            if (w.buy && w.detectedDate < today)
                expire(w);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// One signal: checks, price, order

void BuyOrderExecutor::onSignalCreated(SignalKind kind, qint64 id)
{
    if (!m_running)
        return; // the sweep at start() picks it up
    m_queue.append(keyOf(kind, id));
    if (m_drainScheduled)
        return;
    m_drainScheduled = true;
    QTimer::singleShot(0, this, [this] { drainQueue(); });
}

void BuyOrderExecutor::drainQueue()
{
    m_drainScheduled = false;
    const QList<Key> queue = std::exchange(m_queue, {});
    for (const Key &key : queue)
        process(SignalKind(key.first), key.second);
}

void BuyOrderExecutor::process(SignalKind kind, qint64 id)
{
    if (m_working.contains(keyOf(kind, id)))
        return;
    auto loaded = load(kind, id);
    if (!loaded) {
        qCWarning(lcTrading).noquote() << "buy executor: signal" << id << "unreadable:" << loaded.error().message;
        return;
    }
    if (!loaded->has_value())
        return;
    Work w = loaded->value();
    if (w.status != SignalStatus::Pending || !w.buy)
        return;
    const qint64 now = m_clock.nowMs();
    if (w.nextAttemptMs && *w.nextAttemptMs > now)
        return;
    const QString today = Krx::tradingDateString(now);
    if (w.detectedDate < today) {
        expire(w);
        return;
    }
    if (w.detectedDate > today) {
        qCWarning(lcTrading).noquote() << "buy executor: signal" << w.id << "is dated" << w.detectedDate
                                       << "after the market clock's" << today << "; left alone";
        return;
    }
    if (Status s = setStatus(w, SignalStatus::Pending, SignalStatus::Processing, QString()); !s) {
        // Another path took it (storage.conflict) or the write failed; either way not ours now.
        qCDebug(lcTrading).noquote() << "buy executor: signal" << w.id << "not taken:" << s.error().message;
        return;
    }
    w.status = SignalStatus::Processing;
    m_working.insert(keyOf(w), {});
    if (!passesChecks(w, config()))
        return;
    fetchPrice(w);
}

bool BuyOrderExecutor::passesChecks(const Work &w, const BuyExecutorConfig &cfg)
{
    const SignalStatus from = SignalStatus::Processing;
    if (!w.manual && !cfg.autoTradeEnabled) {
        end(w, from, SignalStatus::Skipped, Decision::Skipped, tr("Automatic trading is off."),
            QStringLiteral("auto_trade.disabled"));
        return false;
    }
    const Trading::KillSwitchMode mode = m_killSwitch ? m_killSwitch() : Trading::KillSwitchMode::Off;
    if (!Trading::allowsEntries(mode)) {
        end(w, from, SignalStatus::Skipped, Decision::Blocked,
            tr("The kill switch (%1) allows no new buys.").arg(Trading::killSwitchModeText(mode)),
            QStringLiteral("risk.kill_switch"),
            QJsonObject { { QStringLiteral("kill_switch"), Trading::killSwitchModeText(mode) } });
        return false;
    }
    // A user may add to a position on purpose; an automatic signal never buys a stock held.
    if (!w.manual) {
        auto position = m_positions.findActiveByCode(w.code);
        if (!position) {
            retryLater(w, from, tr("Positions could not be read: %1").arg(position.error().message), {});
            return false;
        }
        if (position->has_value()) {
            const Storage::PositionRecord &p = position->value();
            end(w, from, SignalStatus::Skipped, Decision::Skipped,
                tr("%1 is already held (position #%2, %3 shares).").arg(w.code).arg(p.id).arg(won(p.quantity)),
                QStringLiteral("signal.held"),
                QJsonObject {
                    { QStringLiteral("position_id"), p.id }, { QStringLiteral("position_quantity"), p.quantity } });
            return false;
        }
    }
    if (m_orders.hasOpenOrder(w.code, Side::Buy)) {
        end(w, from, SignalStatus::Skipped, Decision::Skipped,
            tr("A buy order for %1 is already working (or its outcome is unknown).").arg(w.code),
            QStringLiteral("signal.open_buy"));
        return false;
    }
    return true;
}

void BuyOrderExecutor::fetchPrice(const Work &w)
{
    const QString today = Krx::tradingDateString(m_clock.nowMs());
    if (m_quoteSource) {
        const std::optional<Quote> quote = m_quoteSource(w.code);
        if (quote && quote->price > 0 && (quote->timeMs <= 0 || Krx::tradingDateString(quote->timeMs) == today)) {
            qCDebug(lcTrading).noquote() << "buy executor: signal" << w.id << w.code << "priced from the quote book";
            priced(w, *quote, false);
            return;
        }
    }
    if (!m_market) {
        retryLater(w, SignalStatus::Processing, tr("No current price for %1.").arg(w.code), {});
        return;
    }
    qCDebug(lcTrading).noquote() << "buy executor: signal" << w.id << w.code << "asks ka10001 for a price";
    m_market->stockInfo(w.code, this, [this, w](const KiwoomResult<Kiwoom::StockInfo> &info) {
        if (!m_working.contains(keyOf(w)))
            return; // settled meanwhile (cannot happen: nothing else ends a signal being worked on)
        if (!info) {
            retryLater(w, SignalStatus::Processing,
                tr("No current price for %1: %2").arg(w.code, info.error().describe()), {});
            return;
        }
        if (info->price <= 0) {
            retryLater(w, SignalStatus::Processing, tr("No current price for %1 yet.").arg(w.code), {});
            return;
        }
        Quote quote;
        quote.code = w.code;
        quote.timeMs = m_clock.nowMs();
        quote.price = info->price;
        quote.open = info->open;
        quote.high = info->high;
        quote.low = info->low;
        priced(w, quote, true);
    });
}

void BuyOrderExecutor::priced(const Work &w, const Quote &quote, bool recheck)
{
    const BuyExecutorConfig cfg = config();
    // The price came later: the kill switch or an order may have changed meanwhile.
    if (recheck && !passesChecks(w, cfg))
        return;
    QString why;
    QJsonObject whyData;
    const std::optional<Plan> p = plan(w, quote, cfg, &why, &whyData);
    if (!p) {
        end(w, SignalStatus::Processing, SignalStatus::Skipped, Decision::ZeroQuantity, why, QString(), whyData);
        return;
    }
    submit(w, *p);
}

std::optional<BuyOrderExecutor::Plan> BuyOrderExecutor::plan(
    const Work &w, const Quote &quote, const BuyExecutorConfig &cfg, QString *why, QJsonObject *whyData) const
{
    Plan p;
    const qint64 reference = quote.bestAsk > 0 ? quote.bestAsk : quote.price;
    p.data.insert(QStringLiteral("last_price"), quote.price);
    if (quote.bestAsk > 0)
        p.data.insert(QStringLiteral("best_ask"), quote.bestAsk);

    OrderType type = w.manual && w.orderType ? *w.orderType : cfg.orderType;
    if (w.targetPrice && *w.targetPrice > 0 && (!w.manual || type == OrderType::Limit)) {
        // Reference candle: buy at or below the target. A user's limit price is taken as given.
        type = OrderType::Limit;
        p.price = w.manual ? Krx::snapDown(*w.targetPrice) : Krx::snapDown(std::min(*w.targetPrice, reference));
        p.data.insert(QStringLiteral("target_price"), *w.targetPrice);
    } else if (type == OrderType::Limit) {
        p.price = Krx::snapUp(reference);
    } else {
        p.price = 0;
    }
    p.type = type;
    // What one share costs as ordered: the limit price, or the current price for a market order.
    const qint64 sharePrice = type == OrderType::Limit ? p.price : reference;
    p.data.insert(QStringLiteral("order_type"), Trading::orderTypeText(type));
    p.data.insert(QStringLiteral("price"), p.price);
    p.data.insert(QStringLiteral("share_price"), sharePrice);

    QString budgetName;
    qint64 budget = 0;
    if (w.manual && w.requestedQuantity) {
        p.quantity = *w.requestedQuantity;
        p.data.insert(QStringLiteral("requested_quantity"), *w.requestedQuantity);
    } else {
        const bool byAmount = w.manual && w.requestedAmount;
        budget = byAmount ? *w.requestedAmount : cfg.maxInvestAmount;
        budgetName = byAmount ? QStringLiteral("requested_amount") : QStringLiteral("max_invest_amount");
        p.data.insert(budgetName, budget);
        p.quantity = sharePrice > 0 ? budget / sharePrice : 0;
    }
    p.data.insert(QStringLiteral("quantity"), p.quantity);
    p.data.insert(QStringLiteral("amount"), p.quantity * sharePrice);
    if (p.quantity > 0 && sharePrice > 0)
        return p;
    *whyData = p.data;
    if (sharePrice <= 0)
        *why = tr("quantity 0: no usable price for %1").arg(w.code);
    else if (budgetName == QLatin1String("requested_amount"))
        *why = tr("quantity 0: price %1 > amount %2").arg(won(sharePrice), won(budget));
    else
        *why = tr("quantity 0: price %1 > max invest %2").arg(won(sharePrice), won(budget));
    return std::nullopt;
}

void BuyOrderExecutor::submit(const Work &w, const Plan &p)
{
    Trading::OrderIntent intent;
    intent.side = Side::Buy;
    intent.code = w.code;
    intent.name = w.name;
    intent.quantity = p.quantity;
    intent.type = p.type;
    intent.price = p.price;
    intent.origin = w.origin;
    intent.signalId = w.id;
    // A user's buy keeps its user as the order's actor: "ui", "api" or "cli" (the source's prefix).
    intent.actor = w.origin == Origin::Api ? QStringLiteral("api")
        : w.origin == Origin::Manual
        ? (w.source.startsWith(QLatin1String("cli:")) ? QStringLiteral("cli") : QStringLiteral("ui"))
        : QString::fromLatin1(ACTOR);
    // One id per attempt: a repeated submit of the same attempt can only ever place one order.
    intent.clientOrderId = QStringLiteral("kt-sig-%1%2-%3").arg(kindTag(w.kind)).arg(w.id).arg(w.retryCount);

    QJsonObject data = p.data;
    data.insert(QStringLiteral("attempt"), w.retryCount + 1);
    const Result<Storage::OrderRecord> placed = m_orders.submit(intent);
    if (!placed) {
        const Error &e = placed.error();
        if (e.code.startsWith(QLatin1String("risk."))) {
            const Decision decision = e.code == QLatin1String("risk.cash") ? Decision::NoCash : Decision::Blocked;
            end(w, SignalStatus::Processing, SignalStatus::Skipped, decision,
                tr("Refused by the risk guard: %1").arg(e.message), e.code, data);
        } else if (Storage::isTransient(e)) { // storage.busy: nothing was written or sent
            retryLater(w, SignalStatus::Processing, tr("The order could not be stored: %1").arg(e.message), data);
        } else {
            end(w, SignalStatus::Processing, SignalStatus::Failed, Decision::Failed,
                tr("The order could not be placed: %1").arg(e.message), e.code, data);
        }
        return;
    }
    const Storage::OrderRecord &order = placed.value();
    data.insert(QStringLiteral("order_id"), order.id);
    if (Status s = setStatus(w, SignalStatus::Processing, SignalStatus::Ordered, tr("order #%1").arg(order.id)); !s) {
        // The order is out; the next sweep's recovery finds it and marks the signal ORDERED.
        qCWarning(lcTrading).noquote() << "buy executor: signal" << w.id << "ordered (order" << order.id
                                       << ") but not marked:" << s.error().message;
        release(w);
        return;
    }
    const QString how = p.type == OrderType::Market ? tr("market") : tr("limit %1").arg(won(p.price));
    record(w, Decision::Ordered,
        tr("Buy order #%1 placed: %2 × %3 (%4).").arg(order.id).arg(won(p.quantity)).arg(w.code, how), QString(), data,
        order.id);
    qCInfo(lcTrading).noquote() << "buy executor: signal" << w.id << w.code << "→ order" << order.id << p.quantity
                                << "@" << (p.type == OrderType::Market ? QStringLiteral("market") : won(p.price));
    Work ordered = w;
    ordered.status = SignalStatus::Ordered;
    release(ordered);
}

// ---------------------------------------------------------------------------------------------
// Endings

void BuyOrderExecutor::end(const Work &w, SignalStatus from, SignalStatus to, Decision decision, const QString &message,
    const QString &rule, const QJsonObject &data, std::optional<qint64> orderId)
{
    // A risk rule leads the reason ("risk.cash: ..."); other rules are for queries, the message says it.
    const QString reason = rule.startsWith(QLatin1String("risk.")) ? rule + QStringLiteral(": ") + message : message;
    if (Status s = setStatus(w, from, to, reason); !s) {
        qCWarning(lcTrading).noquote() << "buy executor: signal" << w.id << Storage::enumText(from) << "→"
                                       << Storage::enumText(to) << "failed:" << s.error().message;
    } else {
        record(w, decision, message, rule, data, orderId);
        qCInfo(lcTrading).noquote() << "buy executor: signal" << w.id << w.code << Storage::enumText(to) << "-"
                                    << reason;
    }
    if (from == SignalStatus::Processing)
        release(w);
}

void BuyOrderExecutor::retryLater(
    const Work &w, SignalStatus from, const QString &why, const QJsonObject &data, std::optional<qint64> orderId)
{
    const BuyExecutorConfig cfg = config();
    QJsonObject numbers = data;
    numbers.insert(QStringLiteral("retry_count"), w.retryCount);
    numbers.insert(QStringLiteral("max_retries"), cfg.maxRetries);
    if (w.retryCount >= cfg.maxRetries) {
        end(w, from, SignalStatus::Failed, Decision::Failed,
            tr("%1 Gave up after %2 retries.").arg(why).arg(w.retryCount), QString(), numbers, orderId);
        return;
    }
    const qint64 next = m_clock.nowMs() + qint64(std::max(0, cfg.retryDelaySec)) * 1000;
    numbers.insert(QStringLiteral("attempt"), w.retryCount + 2);
    numbers.insert(QStringLiteral("next_attempt_at"), next);
    auto scheduled = m_signals.scheduleRetry(w.kind, w.id, from, next, why, QString::fromLatin1(ACTOR));
    if (!scheduled) {
        qCWarning(lcTrading).noquote() << "buy executor: retry of signal" << w.id
                                       << "not scheduled:" << scheduled.error().message;
    } else {
        record(w, Decision::Retry,
            tr("%1 Retry %2 of %3 at %4.").arg(why).arg(w.retryCount + 1).arg(cfg.maxRetries).arg(timeText(next)),
            QString(), numbers, orderId);
        qCInfo(lcTrading).noquote() << "buy executor: signal" << w.id << w.code << "retry" << w.retryCount + 1 << "of"
                                    << cfg.maxRetries << "-" << why;
    }
    if (from == SignalStatus::Processing)
        release(w);
}

void BuyOrderExecutor::release(const Work &w)
{
    const QList<Event> waiting = m_working.take(keyOf(w));
    for (const Event &event : waiting)
        handle(event);
}

// ---------------------------------------------------------------------------------------------
// Order events

void BuyOrderExecutor::onOrderRejected(const Storage::OrderRecord &order, const KiwoomError &error)
{
    handle(Event { EventKind::Rejected, order, error });
}

void BuyOrderExecutor::onOrderFinished(const Storage::OrderRecord &order)
{
    if (order.state == OrderState::Rejected) {
        // orderRejected (emitted around the same time, in either order) knows whether the refusal
        // was transient; this is only the fallback when it never comes.
        QTimer::singleShot(0, this, [this, order] { handle(Event { EventKind::Finished, order, {} }); });
        return;
    }
    handle(Event { EventKind::Finished, order, {} });
}

void BuyOrderExecutor::onOrderOutcomeUnknown(const Storage::OrderRecord &order, const KiwoomError &error)
{
    handle(Event { EventKind::Unknown, order, error });
}

std::optional<BuyOrderExecutor::Work> BuyOrderExecutor::orderedSignalOf(const Storage::OrderRecord &order) const
{
    const std::optional<Key> key = keyOf(order);
    if (!key)
        return std::nullopt;
    auto loaded = load(SignalKind(key->first), key->second);
    if (!loaded) {
        qCWarning(lcTrading).noquote() << "buy executor: signal of order" << order.id
                                       << "unreadable:" << loaded.error().message;
        return std::nullopt;
    }
    if (!loaded->has_value() || loaded->value().status != SignalStatus::Ordered)
        return std::nullopt;
    // Only the signal's newest order speaks for it (a late event of an earlier, retried attempt does not).
    auto newest = newestOrder(order.origin, key->second);
    if (newest && newest->has_value() && newest->value().id != order.id)
        return std::nullopt;
    return loaded->value();
}

void BuyOrderExecutor::handle(const Event &event)
{
    const std::optional<Key> key = keyOf(event.order);
    if (!key)
        return;
    if (auto working = m_working.find(*key); working != m_working.end()) {
        working->append(event); // its submit() has not returned yet
        return;
    }
    const std::optional<Work> w = orderedSignalOf(event.order);
    if (!w)
        return;
    const Storage::OrderRecord &order = event.order;
    QJsonObject data = orderData(order);
    switch (event.kind) {
    case EventKind::Rejected:
        data.insert(QStringLiteral("error_kind"), Kiwoom::kindName(event.error.kind));
        if (event.error.code != 0)
            data.insert(QStringLiteral("error_code"), event.error.code);
        if (isTransient(event.error)) {
            retryLater(*w, SignalStatus::Ordered,
                tr("Order #%1 was refused before it reached the exchange (%2).").arg(order.id).arg(event.error.message),
                data, order.id);
        } else {
            end(*w, SignalStatus::Ordered, SignalStatus::Failed, Decision::Rejected,
                tr("Order #%1 was rejected by the broker: %2").arg(order.id).arg(event.error.message),
                event.error.toError().code, data, order.id);
        }
        return;
    case EventKind::Finished:
        settleFinished(*w, order);
        return;
    case EventKind::Unknown:
        record(*w, Decision::Unknown,
            tr("The outcome of order #%1 is unknown (%2); it is being reconciled and no other order is placed "
               "for this signal.")
                .arg(order.id)
                .arg(event.error.message),
            event.error.toError().code, data, order.id);
        return;
    }
}

void BuyOrderExecutor::settleFinished(const Work &w, const Storage::OrderRecord &order)
{
    const QJsonObject data = orderData(order);
    switch (order.state) {
    case OrderState::Filled:
        end(w, SignalStatus::Ordered, SignalStatus::Completed, Decision::Filled,
            tr("Bought %1 × %2 at %3 (order #%4).")
                .arg(won(order.filledQuantity), w.code, won(order.avgFillPrice))
                .arg(order.id),
            QString(), data, order.id);
        return;
    case OrderState::Cancelled:
        if (order.filledQuantity > 0) {
            end(w, SignalStatus::Ordered, SignalStatus::Completed, Decision::Partial,
                tr("Order #%1 ended with %2 of %3 shares bought at %4; the rest was cancelled.")
                    .arg(order.id)
                    .arg(won(order.filledQuantity), won(order.quantity), won(order.avgFillPrice)),
                QString(), data, order.id);
        } else {
            end(w, SignalStatus::Ordered, SignalStatus::Cancelled, Decision::Cancelled,
                tr("Order #%1 was cancelled without a fill.").arg(order.id), QString(), data, order.id);
        }
        return;
    case OrderState::Rejected:
        end(w, SignalStatus::Ordered, SignalStatus::Failed, Decision::Rejected,
            tr("Order #%1 was rejected: %2")
                .arg(order.id)
                .arg(order.rejectReason.isEmpty() ? tr("no reason given") : order.rejectReason),
            QStringLiteral("order.rejected"), data, order.id);
        return;
    default:
        return; // not finished
    }
}
