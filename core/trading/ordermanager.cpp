// SPDX-License-Identifier: GPL-3.0-or-later
#include "ordermanager.h"

#include "brokerapi.h"
#include "orderevents.h"
#include "positionkeeper.h"

#include "common/clock.h"
#include "common/logging.h"
#include "kiwoom/types.h"
#include "market/krx.h"
#include "storage/database.h"
#include "storage/orderrepository.h"
#include "storage/sqlutil.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>

#include <algorithm>
#include <cmath>

using namespace Storage;

namespace {

QString tradeTypeFor(Trading::OrderType type)
{
    return Kiwoom::tradeTypeCode(
        type == Trading::OrderType::Market ? Kiwoom::TradeType::Market : Kiwoom::TradeType::Limit);
}

bool isMarketTradeType(const QString &code)
{
    return code == Kiwoom::tradeTypeCode(Kiwoom::TradeType::Market);
}

// "005930" from "A005930" / "005930_NX".
QString cleanCode(QString code)
{
    code = code.trimmed();
    if (code.size() == 7 && (code.at(0) == u'A' || code.at(0) == u'J' || code.at(0) == u'Q'))
        code = code.mid(1);
    const qsizetype underscore = code.indexOf(u'_');
    if (underscore > 0)
        code = code.left(underscore);
    return code;
}

// A cancel notice: 905 주문구분 says 취소 (매수취소 / 매도취소).
bool isCancelKind(const Kiwoom::OrderExecution &e)
{
    return e.orderKindText.contains(QStringLiteral("취소"));
}

// A modify notice (매수정정 / 매도정정).
bool isModifyKind(const Kiwoom::OrderExecution &e)
{
    return e.orderKindText.contains(QStringLiteral("정정"));
}

QString brokerActor()
{
    return QStringLiteral("broker");
}

} // namespace

OrderManager::OrderManager(Database &db, IBrokerApi &broker, OrderEvents &events, PositionKeeper &keeper,
    const IClock &marketClock, QObject *parent)
    : QObject(parent), m_db(db), m_broker(broker), m_events(events), m_keeper(keeper), m_clock(marketClock)
{
    qRegisterMetaType<Storage::OrderRecord>();
    qRegisterMetaType<Storage::ExecutionRecord>();
    qRegisterMetaType<KiwoomError>();
    qRegisterMetaType<Trading::OrderIntent>();
    qRegisterMetaType<Trading::RiskVerdict>();
    m_unmatchedTimer.setInterval(500);
    connect(&m_unmatchedTimer, &QTimer::timeout, this, &OrderManager::onUnmatchedTimer);
    connect(&m_periodic, &MarketTimer::timeout, this, &OrderManager::onPeriodic);
    m_unknownTimer.setSingleShot(true);
    connect(&m_unknownTimer, &QTimer::timeout, this,
        [this] { emit reconcileRequested(QStringLiteral("order outcome unknown")); });
}

OrderManager::~OrderManager() = default;

void OrderManager::setConfig(const Config &config)
{
    m_config = config;
    if (m_running)
        m_periodic.start(std::max(1000, std::min(m_config.openOrderReconcileMs, 5000)));
}

QString OrderManager::today() const
{
    return Krx::tradingDateString(m_clock.nowMs());
}

Status OrderManager::start()
{
    OrderRepository orders(m_db);
    auto open = orders.listOpen();
    if (!open)
        return open.error();
    m_open.clear();
    m_unknownByCode.clear();
    for (OrderRecord o : open.value()) {
        if (o.state == OrderState::New || o.state == OrderState::Sent) {
            // The app stopped (or died) with this request possibly on the wire: only the broker knows.
            auto moved = orders.transition(o.id, o.state, OrderState::Unknown, {}, actor());
            if (!moved)
                return moved.error();
            qCWarning(lcOrders).noquote() << "order" << o.id << o.clientOrderId << "was" << enumText(o.state)
                                          << "at start-up: outcome unknown until reconciled";
            o = moved.value();
        }
        track(o);
    }
    m_running = true;
    // The periodic check itself is cheap; it asks for a reconciliation only every openOrderReconcileMs.
    m_periodic.start(std::max(1000, std::min(m_config.openOrderReconcileMs, 5000)));
    return {};
}

void OrderManager::track(const OrderRecord &order)
{
    const auto previous = m_open.constFind(order.id);
    const bool wasUnknown = previous != m_open.cend() && previous->state == OrderState::Unknown;
    const bool isUnknown = order.state == OrderState::Unknown;
    if (wasUnknown && !isUnknown) {
        if (--m_unknownByCode[order.stockCode] <= 0)
            m_unknownByCode.remove(order.stockCode);
    } else if (!wasUnknown && isUnknown) {
        ++m_unknownByCode[order.stockCode];
    }
    if (isOpen(order.state)) {
        m_open.insert(order.id, order);
    } else {
        m_open.remove(order.id);
        m_lastWire.remove(order.id);
    }
}

void OrderManager::publish(const OrderRecord &order)
{
    track(order);
    emit m_events.orderUpdated(order);
    if (isTerminal(order.state))
        emit m_events.orderFinished(order);
}

void OrderManager::setInFlight(qint64 orderId, bool inFlight)
{
    const int before = int(m_inFlight.size());
    m_lastWire.insert(orderId, ++m_wireSequence);
    if (inFlight)
        m_inFlight.insert(orderId);
    else
        m_inFlight.remove(orderId);
    if (int(m_inFlight.size()) != before)
        emit requestsInFlightChanged(int(m_inFlight.size()));
}

QStringList OrderManager::blockedStocks() const
{
    QStringList codes = m_unknownByCode.keys();
    codes.sort();
    return codes;
}

bool OrderManager::hasOpenOrder(const QString &code, Side side) const
{
    for (const OrderRecord &o : m_open) {
        if (o.action == OrderAction::Place && o.side == side && o.stockCode == code)
            return true;
    }
    return false;
}

QSet<QString> OrderManager::stocksWithOpenBuys() const
{
    QSet<QString> codes;
    for (const OrderRecord &o : m_open) {
        if (o.action == OrderAction::Place && o.side == Side::Buy)
            codes.insert(o.stockCode);
    }
    return codes;
}

Result<std::optional<OrderRecord>> OrderManager::byNumber(const QString &brokerOrderNo) const
{
    return OrderRepository(m_db).findByBrokerOrderNo(brokerOrderNo, today());
}

// ---- placing --------------------------------------------------------------------------------

Result<OrderRecord> OrderManager::submit(const Trading::OrderIntent &intentIn)
{
    Trading::OrderIntent intent = intentIn;
    intent.code = cleanCode(intent.code);
    if (intent.code.size() != 6 || intent.quantity <= 0
        || (intent.type == Trading::OrderType::Limit && intent.price <= 0)
        || (intent.type == Trading::OrderType::Market && intent.price != 0)) {
        return Error { QStringLiteral("order.invalid"),
            tr("Not a valid order: %1 %2 × %3 at %4.")
                .arg(Sides::text(intent.side), intent.code)
                .arg(intent.quantity)
                .arg(intent.price) };
    }
    if (!m_running)
        return Error { QStringLiteral("order.not_running"), tr("The order manager is not running.") };
    OrderRepository orders(m_db);
    if (!intent.clientOrderId.isEmpty()) {
        // Idempotency: the same client order id places one order; a repeat returns it.
        auto existing = orders.findByClientId(intent.clientOrderId);
        if (!existing)
            return existing.error();
        if (*existing)
            return existing->value();
    }
    const Trading::RiskVerdict verdict = m_riskCheck ? m_riskCheck(intent) : Trading::RiskVerdict::allow();
    if (!verdict.allowed) {
        qCInfo(lcOrders).noquote() << "refused" << Sides::text(intent.side) << intent.code << intent.quantity << "×"
                                   << intent.price << "by" << verdict.rule << ":" << verdict.message;
        emit intentRefused(intent, verdict);
        return Error { verdict.rule, verdict.message };
    }

    NewOrder n;
    n.clientOrderId = intent.clientOrderId;
    n.side = intent.side;
    n.stockCode = intent.code;
    n.stockName = intent.name;
    n.quantity = intent.quantity;
    n.price = intent.type == Trading::OrderType::Market ? 0 : intent.price;
    n.tradeType = tradeTypeFor(intent.type);
    n.exchange = m_config.exchange;
    n.origin = intent.origin;
    n.originSignalId = intent.signalId;
    n.positionId = intent.positionId;
    n.valuationPrice = intent.valuationPrice;
    if (n.valuationPrice <= 0 && intent.type == Trading::OrderType::Market && intent.side == Side::Buy && m_upperLimit)
        n.valuationPrice = m_upperLimit(intent.code);
    if (n.valuationPrice <= 0)
        n.valuationPrice = n.price;
    const QString who = intent.actor.isEmpty() ? actor() : intent.actor;

    // Written and marked SENT in one transaction, committed before the request is handed to the
    // socket: after a crash an order is either absent (never sent) or SENT (maybe sent), which the
    // start-up reconciliation resolves without sending it again. One commit instead of two keeps
    // the exit path short (bench_engine).
    auto sent = m_db.transaction([&]() -> Result<OrderRecord> {
        auto row = orders.create(n, who);
        if (!row)
            return row;
        if (Status linked = m_keeper.onOrderCreated(row.value(), intent); !linked)
            return linked.error();
        return orders.markSent(row->id, who);
    });
    if (!sent) {
        m_keeper.discard();
        qCWarning(lcOrders).noquote() << "order not written, nothing sent:" << sent.error().message;
        return sent.error();
    }
    m_keeper.publish();
    publish(sent.value());
    sendPlace(sent.value());
    return sent.value();
}

void OrderManager::sendPlace(const OrderRecord &order)
{
    Kiwoom::OrderRequest request;
    request.side = order.side;
    request.exchange = order.exchange == u"NXT" ? Kiwoom::Exchange::Nxt
        : order.exchange == u"SOR"              ? Kiwoom::Exchange::Sor
                                                : Kiwoom::Exchange::Krx;
    request.code = order.stockCode;
    request.quantity = order.quantity;
    request.price = order.price;
    request.tradeType = isMarketTradeType(order.tradeType) ? Kiwoom::TradeType::Market : Kiwoom::TradeType::Limit;
    setInFlight(order.id, true);
    qCInfo(lcOrders).noquote() << "sending" << order.clientOrderId << Sides::text(order.side) << order.stockCode
                               << order.quantity << "×"
                               << (order.price ? QString::number(order.price) : QStringLiteral("market"));
    const qint64 id = order.id;
    m_broker.placeOrder(request, this, [this, id](const KiwoomResult<Kiwoom::OrderAck> &r) { onPlaceReply(id, r); });
}

void OrderManager::onPlaceReply(qint64 orderId, const KiwoomResult<Kiwoom::OrderAck> &reply)
{
    setInFlight(orderId, false);
    OrderRepository orders(m_db);
    auto found = orders.find(orderId);
    if (!found || !*found) {
        qCCritical(lcOrders) << "reply for order" << orderId << "which cannot be read back";
        emit reconcileRequested(QStringLiteral("order row unreadable after its reply"));
        return;
    }
    OrderRecord order = found->value();
    if (reply) {
        accepted(order, reply->orderNo);
        return;
    }
    const KiwoomError &error = reply.error();
    if (!error.isDefinite()) {
        markUnknown(orderId, error);
        return;
    }
    // Definitely refused: not placed.
    if (order.state != OrderState::Sent) {
        // A notice already moved it (accepted/filled): the refusal cannot be right; ask the broker.
        qCWarning(lcOrders).noquote() << "order" << orderId << "refused by REST but already" << enumText(order.state);
        emit reconcileRequested(QStringLiteral("contradicting order reply"));
        return;
    }
    auto rejected = orders.markRejected(orderId, OrderState::Sent, error.message, actor());
    if (!rejected) {
        qCCritical(lcOrders).noquote() << "cannot record the refusal of order" << orderId << rejected.error().message;
        emit reconcileRequested(QStringLiteral("refusal not recorded"));
        return;
    }
    qCInfo(lcOrders).noquote() << "order" << order.clientOrderId << "refused:" << error.describe();
    if (Status settled = m_db.transaction([&]() -> Status { return m_keeper.onOrderFinished(rejected.value()); });
        settled) {
        m_keeper.publish();
    } else {
        m_keeper.discard();
        qCWarning(lcOrders).noquote() << "exit of order" << orderId << "not settled:" << settled.error().message;
    }
    publish(rejected.value());
    emit m_events.orderRejected(rejected.value(), error);
    m_cancelWhenNumbered.remove(orderId);
}

void OrderManager::markUnknown(qint64 orderId, const KiwoomError &error)
{
    OrderRepository orders(m_db);
    auto found = orders.find(orderId);
    if (!found || !*found)
        return;
    const OrderRecord order = found->value();
    if (order.state != OrderState::Sent && order.state != OrderState::New) {
        // A notice already told us what happened; nothing is unknown.
        return;
    }
    auto moved = orders.transition(orderId, order.state, OrderState::Unknown, {}, actor());
    if (!moved) {
        qCCritical(lcOrders).noquote() << "cannot mark order" << orderId << "UNKNOWN:" << moved.error().message;
        return;
    }
    qCWarning(lcOrders).noquote() << "order" << order.clientOrderId << order.stockCode
                                  << "outcome unknown:" << error.describe() << "- reconciling, never resending";
    publish(moved.value());
    emit m_events.orderOutcomeUnknown(moved.value(), error);
    m_unknownTimer.start(m_config.unknownReconcileDelayMs);
}

void OrderManager::accepted(OrderRecord order, const QString &brokerOrderNo)
{
    OrderRepository orders(m_db);
    const QString number = brokerOrderNo.trimmed();
    if (number.isEmpty()) {
        // return_code 0 without a number: placed, but we cannot follow it by notices.
        markUnknown(order.id,
            KiwoomError::make(KiwoomError::Kind::OutcomeUnknown, QStringLiteral("kt10000"),
                QStringLiteral("accepted without an order number")));
        return;
    }
    Result<OrderRecord> updated = order;
    if (order.state == OrderState::Sent || order.state == OrderState::Unknown) {
        updated = orders.markAccepted(order.id, order.state, number, actor());
    } else if (order.brokerOrderNo.isEmpty()) {
        updated = orders.assignBrokerOrderNo(order.id, number, actor());
    } else if (order.brokerOrderNo == number) {
        return; // a notice that overtook the reply has already recorded it
    } else {
        qCCritical(lcOrders).noquote() << "order" << order.id << "has number" << order.brokerOrderNo
                                       << "but the reply says" << number;
        emit reconcileRequested(QStringLiteral("order number mismatch"));
        return;
    }
    if (!updated) {
        qCCritical(lcOrders).noquote() << "cannot record the number of order" << order.id << updated.error().message;
        emit reconcileRequested(QStringLiteral("order number not recorded"));
        return;
    }
    order = updated.value();
    qCInfo(lcOrders).noquote() << "order" << order.clientOrderId << "accepted as" << number;
    publish(order);
    replayUnmatched(number);
    if (m_cancelWhenNumbered.remove(order.id)) {
        if (Status st = cancel(order.id, actor()); !st)
            qCWarning(lcOrders).noquote() << "deferred cancel of order" << order.id << "failed:" << st.error().message;
    }
}

// ---- cancelling -------------------------------------------------------------------------------

Status OrderManager::cancel(qint64 orderId, const QString &who)
{
    OrderRepository orders(m_db);
    auto found = orders.find(orderId);
    if (!found)
        return found.error();
    if (!*found)
        return Error { QStringLiteral("order.not_found"), tr("There is no order %1.").arg(orderId) };
    const OrderRecord order = found->value();
    if (order.action != OrderAction::Place || !isOpen(order.state))
        return Error { QStringLiteral("order.not_open"),
            tr("Order %1 is %2: there is nothing to cancel.").arg(orderId).arg(enumText(order.state)) };
    if (order.brokerOrderNo.isEmpty()) {
        // Its number is not known yet (the reply is on the way, or it is being reconciled).
        m_cancelWhenNumbered.insert(order.id);
        qCInfo(lcOrders) << "cancel of order" << orderId << "waits for its broker number";
        return {};
    }
    for (const OrderRecord &o : std::as_const(m_open)) {
        if (o.action == OrderAction::Cancel && o.origOrderId && *o.origOrderId == order.id)
            return {}; // a cancel is already on its way
    }
    NewOrder n;
    n.action = OrderAction::Cancel;
    n.side = order.side;
    n.stockCode = order.stockCode;
    n.stockName = order.stockName;
    n.quantity = 0; // all that is left
    n.price = 0;
    n.tradeType = order.tradeType;
    n.exchange = order.exchange;
    n.origin = order.origin;
    n.originSignalId = order.originSignalId;
    n.positionId = order.positionId;
    n.origOrderId = order.id;
    n.origBrokerOrderNo = order.brokerOrderNo;
    const QString by = who.isEmpty() ? actor() : who;
    // Written and marked SENT in one commit before it leaves (as submit()).
    auto sent = m_db.transaction([&]() -> Result<OrderRecord> {
        auto row = orders.create(n, by);
        if (!row)
            return row;
        return orders.markSent(row->id, by);
    });
    if (!sent)
        return sent.error();
    publish(sent.value());
    sendCancel(sent.value(), order);
    return {};
}

int OrderManager::cancelAll(const QString &who, std::optional<Side> side)
{
    QList<qint64> ids;
    for (const OrderRecord &o : std::as_const(m_open)) {
        if (o.action == OrderAction::Place && (!side || o.side == *side))
            ids << o.id;
    }
    std::sort(ids.begin(), ids.end());
    int asked = 0;
    for (qint64 id : ids) {
        if (cancel(id, who))
            ++asked;
    }
    return asked;
}

void OrderManager::sendCancel(const OrderRecord &cancelRow, const OrderRecord &original)
{
    Kiwoom::CancelRequest request;
    request.exchange = original.exchange == u"NXT" ? Kiwoom::Exchange::Nxt
        : original.exchange == u"SOR"              ? Kiwoom::Exchange::Sor
                                                   : Kiwoom::Exchange::Krx;
    request.origOrderNo = original.brokerOrderNo;
    request.code = original.stockCode;
    request.quantity = 0;
    setInFlight(cancelRow.id, true);
    const qint64 cancelId = cancelRow.id;
    const qint64 originalId = original.id;
    qCInfo(lcOrders).noquote() << "cancelling order" << original.brokerOrderNo << original.stockCode;
    m_broker.cancelOrder(request, this, [this, cancelId, originalId](const KiwoomResult<Kiwoom::CancelAck> &r) {
        onCancelReply(cancelId, originalId, r);
    });
}

void OrderManager::onCancelReply(qint64 cancelId, qint64 originalId, const KiwoomResult<Kiwoom::CancelAck> &reply)
{
    setInFlight(cancelId, false);
    OrderRepository orders(m_db);
    auto found = orders.find(cancelId);
    if (!found || !*found)
        return;
    const OrderRecord cancelRow = found->value();
    if (reply) {
        Result<OrderRecord> updated = cancelRow;
        if (cancelRow.state == OrderState::Sent || cancelRow.state == OrderState::Unknown)
            updated = orders.markAccepted(cancelId, cancelRow.state, reply->orderNo, actor());
        if (updated)
            publish(updated.value());
        replayUnmatched(reply->orderNo);
        // The confirmation (확인) settles the original; if it never comes, the lists will.
        QTimer::singleShot(std::max(2000, m_config.unmatchedNoticeHoldMs), this, [this, originalId] {
            if (m_open.contains(originalId))
                emit reconcileRequested(QStringLiteral("cancel not confirmed yet"));
        });
        return;
    }
    const KiwoomError &error = reply.error();
    if (!error.isDefinite()) {
        markUnknown(cancelId, error);
        return;
    }
    auto rejected = orders.markRejected(cancelId, cancelRow.state, error.message, actor());
    if (rejected)
        publish(rejected.value());
    qCInfo(lcOrders).noquote() << "cancel of order" << originalId << "refused:" << error.describe();
    // "No such order to cancel": it may have filled or ended meanwhile.
    emit reconcileRequested(QStringLiteral("cancel refused"));
}

// ---- notices -----------------------------------------------------------------------------------

void OrderManager::onExecution(const Kiwoom::OrderExecution &eIn)
{
    Kiwoom::OrderExecution e = eIn;
    e.code = cleanCode(e.code);
    const QString number = e.orderNo.trimmed();
    if (!e.identified() || number.isEmpty()) {
        // Which order, or what happened to it, cannot be read: only the broker's lists can say.
        qCWarning(lcOrders).noquote() << "order notice without a readable order number or status ("
                                      << e.unreadableDetail << "); reconciling";
        emit reconcileRequested(QStringLiteral("unreadable order notice"));
        return;
    }
    if (!e.complete() && e.status != Kiwoom::OrderExecution::Status::Filled) {
        // Applied as far as it can be read (a fill is never guessed: see applyFill), then checked.
        QTimer::singleShot(0, this, [this] { emit reconcileRequested(QStringLiteral("incomplete order notice")); });
    }
    auto found = byNumber(number);
    if (!found) {
        qCWarning(lcOrders).noquote() << "cannot look up order" << number << found.error().message;
        holdUnmatched(e);
        return;
    }
    std::optional<OrderRecord> order = *found;
    if (!order && isCancelKind(e) && e.status != Kiwoom::OrderExecution::Status::Rejected) {
        // The confirmation of a cancel whose REST reply has not arrived yet: 904 names the original.
        if (e.status == Kiwoom::OrderExecution::Status::Confirmed) {
            auto original = byNumber(e.origOrderNo.trimmed());
            if (original && *original) {
                applyCancelConfirmed(original->value(), number, e.orderQty);
                return;
            }
        }
        holdUnmatched(e);
        return;
    }
    if (!order) {
        if (isModifyKind(e)) {
            // A modify made outside the app (HTS): the lists settle what it changed.
            emit reconcileRequested(QStringLiteral("order modified outside the app"));
            return;
        }
        order = matchUnnumbered(e);
        if (!order) {
            holdUnmatched(e);
            return;
        }
        // The notice overtook the REST reply: its number is the order's.
        accepted(*order, number);
        auto again = byNumber(number);
        if (!again || !*again)
            return;
        order = again->value();
    }
    using S = Kiwoom::OrderExecution::Status;
    if (order->action == OrderAction::Cancel) {
        if (e.status == S::Confirmed || e.status == S::Accepted) {
            if (e.status == S::Confirmed && order->origOrderId) {
                auto original = OrderRepository(m_db).find(*order->origOrderId);
                if (original && *original)
                    applyCancelConfirmed(original->value(), number, e.orderQty);
            }
        } else if (e.status == S::Rejected) {
            finishWith(*order, OrderState::Rejected, e.rejectReason);
            emit reconcileRequested(QStringLiteral("cancel rejected"));
        }
        return;
    }
    switch (e.status) {
    case S::Accepted:
        if (order->state == OrderState::Sent || order->state == OrderState::Unknown)
            accepted(*order, number);
        break;
    case S::Filled:
        applyFill(*order, e);
        break;
    case S::Rejected:
        finishWith(*order, OrderState::Rejected, e.rejectReason.isEmpty() ? e.statusText : e.rejectReason);
        break;
    case S::Cancelled:
        // The broker ended the order (expired at the close, or cancelled by the exchange).
        if (order->filledQuantity >= order->quantity)
            break;
        finishWith(*order, OrderState::Cancelled, e.statusText);
        break;
    case S::Confirmed:
    case S::Unknown:
        break;
    }
}

std::optional<OrderRecord> OrderManager::matchUnnumbered(const Kiwoom::OrderExecution &e) const
{
    // Exactly one order of ours without a number fits the notice: stock, side, quantity, price.
    std::optional<OrderRecord> match;
    for (const OrderRecord &o : m_open) {
        if (o.action != OrderAction::Place || !o.brokerOrderNo.isEmpty())
            continue;
        if (o.stockCode != e.code || (e.side && *e.side != o.side) || (e.orderQty > 0 && e.orderQty != o.quantity))
            continue;
        if (!isMarketTradeType(o.tradeType) && e.orderPrice > 0 && e.orderPrice != o.price)
            continue;
        if (match)
            return std::nullopt; // ambiguous: wait for the replies
        match = o;
    }
    return match;
}

void OrderManager::holdUnmatched(const Kiwoom::OrderExecution &e)
{
    m_unmatched[e.orderNo.trimmed()].append({ e, QDateTime::currentMSecsSinceEpoch() });
    if (!m_unmatchedTimer.isActive())
        m_unmatchedTimer.start();
}

void OrderManager::replayUnmatched(const QString &brokerOrderNo)
{
    const QList<Held> held = m_unmatched.take(brokerOrderNo.trimmed());
    for (const Held &h : held)
        onExecution(h.notice);
}

void OrderManager::onUnmatchedTimer()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    bool expired = false;
    for (auto it = m_unmatched.begin(); it != m_unmatched.end();) {
        QList<Held> &list = it.value();
        list.erase(std::remove_if(list.begin(), list.end(),
                       [&](const Held &h) {
                           if (now - h.sinceMs < m_config.unmatchedNoticeHoldMs)
                               return false;
                           expired = true;
                           qCInfo(lcOrders).noquote() << "notice for order" << h.notice.orderNo << h.notice.code
                                                      << "matches no order of ours (placed outside the app?)";
                           return true;
                       }),
            list.end());
        it = list.isEmpty() ? m_unmatched.erase(it) : std::next(it);
    }
    if (m_unmatched.isEmpty())
        m_unmatchedTimer.stop();
    if (expired)
        emit reconcileRequested(QStringLiteral("order notice without an order of ours"));
}

Result<OrderManager::Counts> OrderManager::counts(qint64 orderId) const
{
    auto executions = OrderRepository(m_db).executions(orderId);
    if (!executions)
        return executions.error();
    Counts c;
    for (const ExecutionRecord &x : executions.value()) {
        c.filledQuantity += x.quantity;
        c.fees += x.fee;
        c.taxes += x.tax;
    }
    return c;
}

void OrderManager::applyFill(const OrderRecord &order, const Kiwoom::OrderExecution &e)
{
    const qint64 qty = e.unitFillQty > 0 ? e.unitFillQty : e.fillQty;
    const qint64 price = e.unitFillPrice > 0 ? e.unitFillPrice : e.fillPrice;
    if (!e.unreadableFields.isEmpty() || e.fillNo.trimmed().isEmpty() || qty <= 0 || price <= 0) {
        // Part of the notice could not be read: never guess a fill. The lists will say.
        qCWarning(lcOrders).noquote() << "fill notice for order" << order.brokerOrderNo
                                      << "is incomplete; reconciling (unreadable:" << e.unreadableFields.join(u',')
                                      << ")";
        emit reconcileRequested(QStringLiteral("incomplete fill notice"));
        return;
    }
    // The broker's cumulative filled quantity after this fill, as the notice states it.
    const qint64 noticeCum = e.orderQty > 0 ? e.orderQty - e.unfilledQty : 0;
    qint64 &known = m_brokerCum[order.id];
    known = std::max(known, noticeCum);
    auto c = counts(order.id);
    if (!c) {
        qCCritical(lcOrders).noquote() << "cannot read the fills of order" << order.id << c.error().message;
        emit reconcileRequested(QStringLiteral("fills unreadable"));
        return;
    }
    // A fill the lists already recovered (its notice came late): counting it again would exceed
    // what the broker ever reported as filled.
    if (known > 0 && order.filledQuantity + qty > known) {
        auto executions = OrderRepository(m_db).executions(order.id);
        const bool sameNumber = executions
            && std::any_of(executions->cbegin(), executions->cend(),
                [&](const ExecutionRecord &x) { return x.brokerExecutionNo == e.fillNo.trimmed(); });
        if (!sameNumber) {
            qCInfo(lcOrders).noquote() << "fill" << e.fillNo << "of order" << order.brokerOrderNo
                                       << "already counted (recovered from the broker's lists)";
            return;
        }
    }
    ExecutionRecord x;
    x.brokerExecutionNo = e.fillNo.trimmed();
    x.price = price;
    x.quantity = qty;
    // 938/939 are the order's cumulative commission and tax: this fill's share is the difference.
    x.fee = std::max<qint64>(0, e.todayFee - c->fees);
    x.tax = std::max<qint64>(0, e.todayTax - c->taxes);
    x.executedAtMs = e.timeMs > 0 ? e.timeMs : m_clock.nowMs();
    bool recorded = false;
    if (Status st = recordFill(order, x, &recorded); !st) {
        qCCritical(lcOrders).noquote() << "fill" << x.brokerExecutionNo << "of order" << order.brokerOrderNo
                                       << "not recorded:" << st.error().message << "- reconciling";
        emit reconcileRequested(QStringLiteral("fill not recorded"));
    }
}

Status OrderManager::recordFill(const OrderRecord &order, const ExecutionRecord &execution, bool *recorded)
{
    OrderRepository orders(m_db);
    std::optional<ExecutionOutcome> outcome;
    Status st = m_db.transaction([&]() -> Status {
        auto r = orders.recordExecution(order.id, execution, brokerActor());
        if (!r)
            return r.error();
        outcome = r.value();
        if (r->duplicate)
            return {};
        if (Status s = m_keeper.onExecution(r->order, r->execution); !s)
            return s;
        if (isTerminal(r->order.state))
            return m_keeper.onOrderFinished(r->order);
        return {};
    });
    if (!st) {
        m_keeper.discard();
        return st;
    }
    m_keeper.publish();
    *recorded = outcome && !outcome->duplicate;
    if (*recorded) {
        qCInfo(lcOrders).noquote() << "fill" << outcome->execution.brokerExecutionNo << Sides::text(order.side)
                                   << order.stockCode << outcome->execution.quantity << "@" << outcome->execution.price
                                   << "→" << enumText(outcome->order.state);
        track(outcome->order);
        emit m_events.executionRecorded(outcome->order, outcome->execution);
        publish(outcome->order);
    }
    return {};
}

bool OrderManager::finishWith(const OrderRecord &order, OrderState next, const QString &reason)
{
    if (!canTransition(order.state, next))
        return false;
    OrderRepository orders(m_db);
    OrderUpdate update;
    update.rejectReason = reason;
    std::optional<OrderRecord> done;
    Status st = m_db.transaction([&]() -> Status {
        auto moved = orders.transition(order.id, order.state, next, update, brokerActor());
        if (!moved)
            return moved.error();
        done = moved.value();
        return m_keeper.onOrderFinished(moved.value());
    });
    if (!st) {
        m_keeper.discard();
        qCWarning(lcOrders).noquote() << "order" << order.id << "→" << enumText(next)
                                      << "not recorded:" << st.error().message;
        return false;
    }
    m_keeper.publish();
    qCInfo(lcOrders).noquote() << "order" << order.clientOrderId << order.brokerOrderNo << "→" << enumText(next)
                               << reason;
    publish(*done);
    if (next == OrderState::Rejected)
        emit m_events.orderRejected(
            *done, KiwoomError::make(KiwoomError::Kind::Rejected, QStringLiteral("00"), reason));
    return true;
}

void OrderManager::applyCancelConfirmed(const OrderRecord &original, const QString &cancelOrderNo, qint64 quantity)
{
    // The cancel row of ours (if the reply came first it has the number; else the only open one).
    for (const OrderRecord &o : std::as_const(m_open)) {
        if (o.action == OrderAction::Cancel && o.origOrderId && *o.origOrderId == original.id) {
            OrderRecord row = o;
            OrderRepository orders(m_db);
            if (row.brokerOrderNo.isEmpty() && (row.state == OrderState::Sent || row.state == OrderState::Unknown)) {
                if (auto a = orders.markAccepted(row.id, row.state, cancelOrderNo, actor()))
                    row = a.value();
            }
            if (auto done = orders.transition(row.id, row.state, OrderState::Cancelled, {}, brokerActor()))
                publish(done.value());
        }
    }
    auto fresh = OrderRepository(m_db).find(original.id);
    if (!fresh || !*fresh)
        return;
    const OrderRecord current = fresh->value();
    if (!isOpen(current.state))
        return;
    if (quantity > 0 && current.filledQuantity + quantity < current.quantity) {
        // A partial cancel (not one of ours): the rest stays open.
        return;
    }
    finishWith(current, OrderState::Cancelled, QStringLiteral("cancelled"));
}

// ---- reconciliation ---------------------------------------------------------------------------

Result<OrderManager::ReconcileReport> OrderManager::applyBrokerView(const BrokerView &view)
{
    ReconcileReport report;
    OrderRepository orders(m_db);
    const QString date = today();

    // What the broker knows, by order number.
    struct Broker
    {
        const Kiwoom::OpenOrder *open = nullptr;
        const Kiwoom::Fill *fill = nullptr;
    };
    QHash<QString, Broker> broker;
    for (const Kiwoom::OpenOrder &o : view.open)
        broker[o.orderNo.trimmed()].open = &o;
    for (const Kiwoom::Fill &f : view.fills)
        broker[f.orderNo.trimmed()].fill = &f;

    // Stocks with a request on the wire are left alone this time: the broker may not list it yet.
    QSet<QString> busy;
    for (qint64 id : std::as_const(m_inFlight)) {
        if (const auto it = m_open.constFind(id); it != m_open.cend())
            busy.insert(it->stockCode);
    }
    // Numbers already taken by an order of ours today.
    auto todays = orders.listForDate(date);
    if (!todays)
        return todays.error();
    QSet<QString> claimed;
    for (const OrderRecord &o : todays.value()) {
        if (!o.brokerOrderNo.isEmpty())
            claimed.insert(o.brokerOrderNo);
    }

    const QList<OrderRecord> open = m_open.values();
    for (OrderRecord order : open) {
        if (busy.contains(order.stockCode) || (view.asOfMs > 0 && order.createdAtMs >= view.asOfMs - 1000)
            || (view.wireSequenceAtStart > 0 && m_lastWire.value(order.id) > view.wireSequenceAtStart))
            continue;
        ++report.checked;
        if (order.tradingDate != date) {
            // An order of an earlier trading day: the broker expired whatever was left at its close
            // (today's lists do not cover it; the holdings settle the shares).
            if (order.state == OrderState::Partial || order.state == OrderState::Accepted
                || order.state == OrderState::Unknown || order.state == OrderState::Sent
                || order.state == OrderState::New) {
                const OrderState next
                    = order.brokerOrderNo.isEmpty() && order.filledQuantity == 0 && order.state != OrderState::Partial
                    ? OrderState::Rejected
                    : OrderState::Cancelled;
                Result<OrderRecord> moved = order;
                if (order.state == OrderState::New || order.state == OrderState::Sent) {
                    moved = orders.transition(order.id, order.state, OrderState::Unknown, {}, actor());
                    if (moved)
                        order = moved.value();
                }
                if (finishWith(order, next, QStringLiteral("expired at the close of %1").arg(order.tradingDate)))
                    ++report.settled;
            }
            continue;
        }
        if (order.action == OrderAction::Cancel) {
            // A cancel request: done once its original is no longer open at the broker.
            const OrderRecord *orig = nullptr;
            if (order.origOrderId && m_open.contains(*order.origOrderId))
                orig = &m_open[*order.origOrderId];
            if (!orig || !broker.value(orig->brokerOrderNo).open) {
                const OrderState next = order.state == OrderState::Sent || order.state == OrderState::New
                    ? OrderState::Unknown
                    : order.state;
                Result<OrderRecord> moved = order;
                if (next != order.state)
                    moved = orders.transition(order.id, order.state, next, {}, actor());
                if (moved && canTransition(moved->state, OrderState::Cancelled)) {
                    if (auto done = orders.transition(moved->id, moved->state, OrderState::Cancelled, {}, actor())) {
                        publish(done.value());
                        ++report.settled;
                    }
                }
            } else if (order.brokerOrderNo.isEmpty()
                && (order.state == OrderState::Unknown || order.state == OrderState::Sent
                    || order.state == OrderState::New)) {
                // The original is still open at the broker and this cancel has no number: it never
                // arrived (the app stopped before the request left, or it was lost on the way). It
                // took no effect; the original stays open and may be cancelled again.
                Result<OrderRecord> moved = order;
                if (order.state != OrderState::Unknown)
                    moved = orders.transition(order.id, order.state, OrderState::Unknown, {}, actor());
                if (moved && canTransition(moved->state, OrderState::Rejected)) {
                    OrderUpdate why;
                    why.rejectReason = QStringLiteral("cancel not in effect: order %1 is still open at the broker")
                                           .arg(orig->brokerOrderNo);
                    if (auto done = orders.transition(moved->id, moved->state, OrderState::Rejected, why, actor())) {
                        publish(done.value());
                        ++report.settled;
                        report.notes << QStringLiteral("cancel %1 never reached the broker").arg(order.clientOrderId);
                    }
                }
            }
            continue;
        }

        // Find the broker's record of this order.
        QString number = order.brokerOrderNo;
        if (number.isEmpty()) {
            // Lost reply (or the app died before it): look for an unclaimed broker order that fits.
            QString best;
            qint64 bestTime = std::numeric_limits<qint64>::max();
            auto consider = [&](const QString &no, const QString &code, std::optional<Side> side, qint64 qty,
                                qint64 price, const QString &tradeTypeText, qint64 timeMs) {
                if (claimed.contains(no) || code != order.stockCode || (side && *side != order.side)
                    || qty != order.quantity)
                    return;
                const bool market = tradeTypeText.contains(QStringLiteral("시장가"));
                if (market != isMarketTradeType(order.tradeType))
                    return;
                if (!market && price != order.price)
                    return;
                // Placed at or after the order was written (a minute of clock skew allowed).
                if (timeMs > 0 && timeMs + 60000 < order.createdAtMs)
                    return;
                if (timeMs < bestTime) {
                    bestTime = timeMs;
                    best = no;
                }
            };
            for (const Kiwoom::OpenOrder &o : view.open)
                consider(o.orderNo.trimmed(), cleanCode(o.code), o.side, o.orderQty, o.orderPrice, o.tradeTypeText,
                    o.timeMs);
            for (const Kiwoom::Fill &f : view.fills)
                consider(f.orderNo.trimmed(), cleanCode(f.code), f.side, f.orderQty, f.orderPrice, f.tradeTypeText,
                    f.timeMs);
            if (best.isEmpty()) {
                // The broker has no such order: it never arrived.
                Result<OrderRecord> moved = order;
                if (order.state == OrderState::New || order.state == OrderState::Sent)
                    moved = orders.transition(order.id, order.state, OrderState::Unknown, {}, actor());
                if (moved
                    && finishWith(
                        moved.value(), OrderState::Rejected, QStringLiteral("not found at the broker: never placed"))) {
                    ++report.settled;
                    report.notes << QStringLiteral("order %1 was never placed").arg(order.clientOrderId);
                }
                continue;
            }
            number = best;
            claimed.insert(number);
            auto numbered = order.state == OrderState::Unknown || order.state == OrderState::Sent
                ? orders.markAccepted(order.id, order.state, number, actor())
                : orders.assignBrokerOrderNo(order.id, number, actor());
            if (!numbered) {
                report.notes << numbered.error().message;
                ++report.stillUnknown;
                continue;
            }
            order = numbered.value();
            publish(order);
            ++report.settled;
            report.notes << QStringLiteral("order %1 found at the broker as %2").arg(order.clientOrderId, number);
        } else if (order.state == OrderState::Unknown) {
            if (auto a = orders.markAccepted(order.id, OrderState::Unknown, number, actor())) {
                order = a.value();
                publish(order);
                ++report.settled;
            }
        }

        const Broker b = broker.value(number);
        qint64 brokerCum = 0;
        qint64 brokerAmount = -1; // exact when the open list has it
        qint64 brokerFees = 0;
        qint64 brokerTaxes = 0;
        qint64 avgPrice = 0;
        if (b.open) {
            brokerCum = b.open->fillQty;
            brokerAmount = b.open->filledAmount;
            brokerFees = b.open->todayFee;
            brokerTaxes = b.open->todayTax;
            avgPrice = brokerCum > 0 ? brokerAmount / brokerCum : 0;
        }
        if (b.fill) {
            brokerCum = std::max(brokerCum, b.fill->fillQty);
            brokerFees = std::max(brokerFees, b.fill->todayFee);
            brokerTaxes = std::max(brokerTaxes, b.fill->todayTax);
            if (avgPrice == 0)
                avgPrice = b.fill->fillPrice;
        }
        m_brokerCum[order.id] = std::max(m_brokerCum.value(order.id), brokerCum);

        // Fills the notices missed.
        if (brokerCum > order.filledQuantity) {
            const qint64 missing = brokerCum - order.filledQuantity;
            qint64 amount
                = brokerAmount >= 0 ? brokerAmount - order.filledAmount : avgPrice * brokerCum - order.filledAmount;
            qint64 price = amount > 0 ? qint64(std::llround(double(amount) / double(missing))) : avgPrice;
            if (price <= 0)
                price = avgPrice > 0 ? avgPrice : std::max<qint64>(1, order.price);
            auto c = counts(order.id);
            ExecutionRecord x;
            // Synthetic, and unique per order: "R" + the cumulative quantity it brings the order to.
            x.brokerExecutionNo = QStringLiteral("R%1").arg(brokerCum);
            x.price = price;
            x.quantity = missing;
            x.fee = c ? std::max<qint64>(0, brokerFees - c->fees) : 0;
            x.tax = c ? std::max<qint64>(0, brokerTaxes - c->taxes) : 0;
            x.executedAtMs = m_clock.nowMs();
            bool recorded = false;
            if (Status st = recordFill(order, x, &recorded); !st) {
                report.notes << st.error().message;
                ++report.stillUnknown;
                continue;
            }
            if (recorded) {
                ++report.recoveredFills;
                report.recoveredQuantity += missing;
                qCWarning(lcOrders).noquote() << "recovered" << missing << "filled shares of order" << number
                                              << order.stockCode << "@" << price << "from the broker's lists";
            }
            auto fresh = orders.find(order.id);
            if (fresh && *fresh)
                order = fresh->value();
        }
        if (!isOpen(order.state))
            continue;
        const bool stillOpen = b.open || (b.fill && b.fill->unfilledQty > 0);
        if (!stillOpen) {
            // Ended at the broker with what it filled: the rest was cancelled or expired.
            if (order.filledQuantity < order.quantity
                && finishWith(order, OrderState::Cancelled,
                    order.filledQuantity > 0 ? QStringLiteral("rest cancelled at the broker")
                                             : QStringLiteral("not open at the broker")))
                ++report.settled;
        }
    }
    if (report.settled || report.recoveredFills)
        qCInfo(lcOrders).noquote() << "reconciled orders:" << report.checked << "checked," << report.settled
                                   << "settled," << report.recoveredFills << "fills recovered";
    return report;
}

// ---- timers and shutdown -------------------------------------------------------------------------

void OrderManager::onPeriodic()
{
    cancelStaleBuys();
    bool anyOpen = false;
    for (const OrderRecord &o : std::as_const(m_open)) {
        if (o.action == OrderAction::Place) {
            anyOpen = true;
            break;
        }
    }
    if (!anyOpen)
        return;
    const qint64 now = m_periodic.pulse() ? m_clock.nowMs() : QDateTime::currentMSecsSinceEpoch();
    if (now - m_lastPeriodicReconcileMs >= m_config.openOrderReconcileMs) {
        m_lastPeriodicReconcileMs = now;
        emit reconcileRequested(QStringLiteral("orders open"));
    }
}

void OrderManager::cancelStaleBuys()
{
    if (m_config.cancelUnfilledBuyAfterSec <= 0)
        return;
    const qint64 cutoff = m_clock.nowMs() - qint64(m_config.cancelUnfilledBuyAfterSec) * 1000;
    QList<qint64> stale;
    for (const OrderRecord &o : std::as_const(m_open)) {
        const bool automatic
            = o.origin == Origin::Condition || o.origin == Origin::Strategy || o.origin == Origin::Scalping;
        if (automatic && o.action == OrderAction::Place && o.side == Side::Buy && !isMarketTradeType(o.tradeType)
            && (o.state == OrderState::Accepted || o.state == OrderState::Partial) && o.createdAtMs <= cutoff)
            stale << o.id;
    }
    // Oldest first (the hash's order is arbitrary): the cancels reach the broker in a fixed order.
    std::sort(stale.begin(), stale.end());
    for (qint64 id : std::as_const(stale)) {
        qCInfo(lcOrders) << "cancelling unfilled buy" << id << "after" << m_config.cancelUnfilledBuyAfterSec << "s";
        if (Status st = cancel(id, QStringLiteral("service.order_timeout")); !st)
            qCWarning(lcOrders).noquote() << "cancel of stale buy" << id << "failed:" << st.error().message;
    }
}

void OrderManager::shutdown(int waitMs)
{
    m_running = false;
    m_periodic.stop();
    m_unknownTimer.stop();
    m_unmatchedTimer.stop();
    if (!m_inFlight.isEmpty() && waitMs > 0) {
        qCInfo(lcOrders) << "waiting up to" << waitMs << "ms for" << m_inFlight.size()
                         << "order request(s) on the wire";
        QEventLoop loop;
        QTimer deadline;
        deadline.setSingleShot(true);
        connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
        const auto conn = connect(this, &OrderManager::requestsInFlightChanged, &loop, [&loop](int n) {
            if (n == 0)
                loop.quit();
        });
        deadline.start(waitMs);
        loop.exec();
        disconnect(conn);
    }
    // Still no answer: record them as UNKNOWN; the next start reconciles them with the broker.
    const QList<qint64> left = m_inFlight.values();
    for (qint64 id : left) {
        markUnknown(id,
            KiwoomError::make(KiwoomError::Kind::OutcomeUnknown, QStringLiteral("kt10000"),
                QStringLiteral("the app stopped before the broker answered")));
        setInFlight(id, false);
    }
    m_unmatched.clear();
}
