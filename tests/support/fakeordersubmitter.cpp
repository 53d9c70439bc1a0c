// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakeordersubmitter.h"

#include "storage/database.h"

#include <QtGlobal>

namespace {
const QString ACTOR = QStringLiteral("test.fake_order_manager");
} // namespace

FakeOrderSubmitter::FakeOrderSubmitter(Database &db) : m_repository(db) { }

Result<Storage::OrderRecord> FakeOrderSubmitter::submit(const Trading::OrderIntent &intent)
{
    intents.append(intent);
    if (!m_refusals.isEmpty())
        return m_refusals.takeFirst();
    Storage::NewOrder order;
    order.clientOrderId = intent.clientOrderId;
    order.side = intent.side;
    order.stockCode = intent.code;
    order.stockName = intent.name;
    order.quantity = intent.quantity;
    order.price = intent.type == Trading::OrderType::Market ? 0 : intent.price;
    order.tradeType = intent.type == Trading::OrderType::Market ? QStringLiteral("3") : QStringLiteral("0");
    // A market buy is valued at the day's upper limit, which the OrderManager knows; a stand-in here.
    order.valuationPrice = intent.type == Trading::OrderType::Market ? marketValuationPrice : 0;
    order.origin = intent.origin;
    order.originSignalId = intent.signalId;
    order.positionId = intent.positionId;
    auto created = m_repository.create(order, intent.actor.isEmpty() ? ACTOR : intent.actor);
    if (!created)
        return created.error();
    auto sent = m_repository.markSent(created->id, ACTOR);
    if (!sent)
        return sent.error();
    placed.append(sent.value());
    if (whileSubmitting)
        whileSubmitting(sent.value());
    return sent.value();
}

bool FakeOrderSubmitter::hasOpenOrder(const QString &code, Side side) const
{
    if (side == Side::Buy && openBuys.contains(code))
        return true;
    auto open = m_repository.listOpen();
    if (!open)
        return true; // fail closed, as the OrderManager would
    for (const Storage::OrderRecord &o : std::as_const(open.value())) {
        if (o.stockCode == code && o.side == side && o.action == Storage::OrderAction::Place)
            return true;
    }
    return false;
}

Storage::OrderRecord FakeOrderSubmitter::order(qint64 orderId) const
{
    auto row = m_repository.find(orderId);
    if (!row || !row->has_value()) {
        qWarning("FakeOrderSubmitter: no order %lld", orderId);
        return {};
    }
    return row->value();
}

Storage::OrderRecord FakeOrderSubmitter::reject(qint64 orderId, const QString &reason)
{
    auto row = m_repository.markRejected(orderId, order(orderId).state, reason, ACTOR);
    if (!row) {
        qWarning("FakeOrderSubmitter: reject failed: %s", qPrintable(row.error().message));
        return {};
    }
    return row.value();
}

Storage::OrderRecord FakeOrderSubmitter::accept(qint64 orderId)
{
    const Storage::OrderRecord current = order(orderId);
    if (current.state != Storage::OrderState::Sent)
        return current;
    auto row = m_repository.markAccepted(
        orderId, Storage::OrderState::Sent, QStringLiteral("%1").arg(orderId, 7, 10, QLatin1Char('0')), ACTOR);
    if (!row) {
        qWarning("FakeOrderSubmitter: accept failed: %s", qPrintable(row.error().message));
        return current;
    }
    return row.value();
}

Storage::OrderRecord FakeOrderSubmitter::fill(qint64 orderId, qint64 price)
{
    const Storage::OrderRecord accepted = accept(orderId);
    Storage::ExecutionRecord execution;
    execution.brokerExecutionNo = QStringLiteral("E%1").arg(++m_executionNo);
    execution.price = price;
    execution.quantity = accepted.remainingQuantity();
    auto outcome = m_repository.recordExecution(orderId, execution, ACTOR);
    if (!outcome) {
        qWarning("FakeOrderSubmitter: fill failed: %s", qPrintable(outcome.error().message));
        return accepted;
    }
    return outcome->order;
}

Storage::OrderRecord FakeOrderSubmitter::cancel(qint64 orderId, qint64 filled, qint64 price)
{
    Storage::OrderRecord current = accept(orderId);
    if (filled > 0) {
        Storage::ExecutionRecord execution;
        execution.brokerExecutionNo = QStringLiteral("E%1").arg(++m_executionNo);
        execution.price = price;
        execution.quantity = filled;
        auto outcome = m_repository.recordExecution(orderId, execution, ACTOR);
        if (!outcome) {
            qWarning("FakeOrderSubmitter: partial fill failed: %s", qPrintable(outcome.error().message));
            return current;
        }
        current = outcome->order;
    }
    auto row = m_repository.transition(orderId, current.state, Storage::OrderState::Cancelled, {}, ACTOR);
    if (!row) {
        qWarning("FakeOrderSubmitter: cancel failed: %s", qPrintable(row.error().message));
        return current;
    }
    return row.value();
}

Storage::OrderRecord FakeOrderSubmitter::markUnknown(qint64 orderId)
{
    auto row = m_repository.transition(orderId, order(orderId).state, Storage::OrderState::Unknown, {}, ACTOR);
    if (!row) {
        qWarning("FakeOrderSubmitter: unknown failed: %s", qPrintable(row.error().message));
        return {};
    }
    return row.value();
}
