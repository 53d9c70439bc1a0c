// SPDX-License-Identifier: GPL-3.0-or-later
#include "signalmanager.h"

#include "decisionledger.h"

#include "common/clock.h"
#include "common/logging.h"
#include "storage/database.h"

#include <QJsonObject>
#include <QUuid>

using Storage::Decision;
using Storage::SignalKind;
using Storage::SignalStatus;

namespace {

Error invalid(const QString &message)
{
    return Error { QStringLiteral("signal.invalid"), message };
}

// The numbers of a request for its CREATED line.
QJsonObject requestData(const Trading::SignalRequest &r, const QString &signalType)
{
    QJsonObject data = r.signal.toJson();
    data.remove(QStringLiteral("code"));
    data.insert(QStringLiteral("signal_type"), signalType);
    data.insert(QStringLiteral("side"), Sides::text(r.side));
    if (r.conditionId)
        data.insert(QStringLiteral("condition_id"), *r.conditionId);
    if (r.strategyId)
        data.insert(QStringLiteral("strategy_id"), *r.strategyId);
    if (r.quantity)
        data.insert(QStringLiteral("requested_quantity"), *r.quantity);
    if (r.amount)
        data.insert(QStringLiteral("requested_amount"), *r.amount);
    if (r.orderType)
        data.insert(QStringLiteral("order_type"), Trading::orderTypeText(*r.orderType));
    if (r.limitPrice)
        data.insert(QStringLiteral("limit_price"), *r.limitPrice);
    if (!r.actor.isEmpty())
        data.insert(QStringLiteral("actor"), r.actor);
    return data;
}

QString reasonOf(const Trading::SignalRequest &r)
{
    if (!r.signal.reason.isEmpty())
        return r.signal.reason;
    if (!r.signal.reasonCode.isEmpty())
        return r.signal.reasonCode;
    return r.signalType;
}

} // namespace

SignalManager::SignalManager(Database &db, const IClock &marketClock, DecisionLedger &ledger, QObject *parent)
    : QObject(parent), m_clock(marketClock), m_ledger(ledger), m_signals(db), m_positions(db)
{
}

SignalManager::~SignalManager() = default;

bool SignalManager::isManualSource(const QString &source)
{
    for (QLatin1StringView prefix :
        { QLatin1StringView("manual"), QLatin1StringView("api"), QLatin1StringView("cli") }) {
        if (source == prefix || (source.startsWith(prefix) && source.mid(prefix.size()).startsWith(u':')))
            return true;
    }
    return false;
}

Result<Trading::SignalOutcome> SignalManager::submit(const Trading::SignalRequest &request)
{
    if (request.code.trimmed().isEmpty())
        return invalid(tr("A signal needs a stock code."));
    QString source = request.source.trimmed();
    if (source.isEmpty() && request.kind == SignalKind::PendingBuy && request.conditionId)
        source = QStringLiteral("condition:%1").arg(*request.conditionId);
    if (source.isEmpty() && request.kind == SignalKind::Strategy && request.strategyId)
        source = QStringLiteral("strategy:%1").arg(*request.strategyId);
    if (source.isEmpty())
        return invalid(tr("A signal of %1 needs a source.").arg(request.code));
    // A user's buy is its own signal: "manual" alone would dedupe two clicks on the same stock.
    if (source == QLatin1String("manual") || source == QLatin1String("api"))
        source += u':' + QUuid::createUuid().toString(QUuid::WithoutBraces);

    if (request.kind == SignalKind::Strategy && request.strategyId.value_or(0) <= 0)
        return invalid(tr("A strategy signal of %1 needs its strategy.").arg(request.code));
    if (request.side == Side::Sell) {
        if (request.kind != SignalKind::Strategy)
            return invalid(tr("Only strategies raise sell signals (%1, %2).").arg(request.code, source));
        return submitSell(request, source);
    }
    if (request.quantity && *request.quantity <= 0)
        return invalid(tr("The quantity to buy must be at least 1 (%1).").arg(*request.quantity));
    if (request.amount && *request.amount <= 0)
        return invalid(tr("The amount to buy must be positive (%1).").arg(*request.amount));
    if (request.quantity && request.amount)
        return invalid(tr("Give either a quantity or an amount to buy, not both."));
    if (request.limitPrice && *request.limitPrice <= 0)
        return invalid(tr("The limit price must be positive (%1).").arg(*request.limitPrice));
    return submitBuy(request, source);
}

Result<Trading::SignalOutcome> SignalManager::submitBuy(const Trading::SignalRequest &request, const QString &source)
{
    const bool manual = isManualSource(source);
    QString signalType = request.signalType;
    if (signalType.isEmpty())
        signalType = manual ? QStringLiteral("manual") : Sides::text(request.side);
    const QString actor = request.actor.isEmpty() ? QString::fromLatin1(ACTOR) : request.actor;
    const qint64 now = m_clock.nowMs();

    Result<Storage::SignalInsert> inserted = Storage::SignalInsert {};
    if (request.kind == SignalKind::PendingBuy) {
        Storage::PendingBuySignalRecord row;
        row.conditionId = request.conditionId;
        row.stockCode = request.code;
        row.stockName = request.name;
        row.detectedAtMs = now;
        row.status = SignalStatus::Pending;
        row.signalType = signalType;
        row.referenceCandleHigh = request.signal.referenceCandleHigh;
        row.referenceCandleTimeMs = request.signal.referenceCandleTimeMs;
        // A manual limit price is the price to buy at or below, as a reference candle's target.
        row.targetPrice = request.limitPrice ? request.limitPrice : request.signal.targetPrice;
        row.source = source;
        row.requestedQuantity = request.quantity;
        row.requestedAmount = request.amount;
        if (request.orderType)
            row.orderType = Trading::orderTypeText(*request.orderType);
        inserted = m_signals.insertPendingBuy(row, actor);
    } else {
        Storage::StrategySignalRecord row;
        row.strategyId = *request.strategyId;
        row.stockCode = request.code;
        row.stockName = request.name;
        row.signalType = signalType;
        if (!request.signal.values.isEmpty())
            row.signalValue = request.signal.primaryValue();
        row.detectedAtMs = now;
        row.status = SignalStatus::Pending;
        row.additionalData = request.signal.toJson();
        row.additionalData.insert(QStringLiteral("source"), source);
        row.additionalData.insert(QStringLiteral("side"), Sides::text(request.side));
        inserted = m_signals.insertStrategySignal(row, actor);
    }
    if (!inserted) {
        qCWarning(lcTrading).noquote() << "signal of" << request.code << "from" << source
                                       << "not stored:" << inserted.error().message;
        return inserted.error();
    }

    const Trading::SignalOutcome outcome { request.kind, inserted->id, inserted->duplicate };
    const Storage::DecisionKind ledgerKind = DecisionLedger::kindOf(request.kind, source);
    QJsonObject data = requestData(request, signalType);
    if (outcome.duplicate) {
        m_ledger.record(DecisionLedger::line(ledgerKind, outcome.id, request.code, source, Decision::Deduped,
            tr("Duplicate of signal #%1: the same stock, date, type and source is traded once a day.").arg(outcome.id),
            data));
        return outcome;
    }
    m_ledger.record(DecisionLedger::line(ledgerKind, outcome.id, request.code, source, Decision::Created,
        tr("Buy signal recorded: %1").arg(reasonOf(request)), data));
    qCInfo(lcTrading).noquote() << "buy signal" << outcome.id << request.code << source << signalType;
    emit signalCreated(request.kind, outcome.id);
    return outcome;
}

Result<Trading::SignalOutcome> SignalManager::submitSell(const Trading::SignalRequest &request, const QString &source)
{
    const QString signalType = request.signalType.isEmpty() ? Sides::text(Side::Sell) : request.signalType;
    const QString actor = request.actor.isEmpty() ? QString::fromLatin1(ACTOR) : request.actor;

    auto position = m_positions.findActiveByCode(request.code);
    if (!position) {
        qCWarning(lcTrading).noquote() << "sell signal of" << request.code
                                       << "not stored: positions unreadable:" << position.error().message;
        return position.error();
    }
    const bool held = position->has_value();

    Storage::StrategySignalRecord row;
    row.strategyId = *request.strategyId;
    row.stockCode = request.code;
    row.stockName = request.name;
    row.signalType = signalType;
    if (!request.signal.values.isEmpty())
        row.signalValue = request.signal.primaryValue();
    row.detectedAtMs = m_clock.nowMs();
    row.additionalData = request.signal.toJson();
    row.additionalData.insert(QStringLiteral("source"), source);
    row.additionalData.insert(QStringLiteral("side"), Sides::text(Side::Sell));
    row.status = held ? SignalStatus::Pending : SignalStatus::Skipped;
    const QString notHeld = tr("not held");
    if (!held)
        row.statusReason = notHeld;
    auto inserted = m_signals.insertStrategySignal(row, actor);
    if (!inserted) {
        qCWarning(lcTrading).noquote() << "sell signal of" << request.code << "from" << source
                                       << "not stored:" << inserted.error().message;
        return inserted.error();
    }

    const Trading::SignalOutcome outcome { SignalKind::Strategy, inserted->id, inserted->duplicate };
    QJsonObject data = requestData(request, signalType);
    if (held) {
        data.insert(QStringLiteral("position_id"), position->value().id);
        data.insert(QStringLiteral("position_quantity"), position->value().quantity);
        data.insert(QStringLiteral("position_status"), Storage::enumText(position->value().status));
    }
    const auto kind = Storage::DecisionKind::Strategy;
    if (outcome.duplicate) {
        m_ledger.record(DecisionLedger::line(kind, outcome.id, request.code, source, Decision::Deduped,
            tr("Duplicate of sell signal #%1: the same stock, date, type and strategy is acted on once a day.")
                .arg(outcome.id),
            data));
        return outcome;
    }
    if (!held) {
        m_ledger.record(DecisionLedger::line(kind, outcome.id, request.code, source, Decision::Created,
            tr("Sell signal recorded: %1").arg(reasonOf(request)), data));
        m_ledger.record(DecisionLedger::line(kind, outcome.id, request.code, source, Decision::Skipped,
            tr("Sell signal skipped: %1 is not held.").arg(request.code), data));
        return outcome;
    }
    m_ledger.record(DecisionLedger::line(kind, outcome.id, request.code, source, Decision::Created,
        tr("Sell signal recorded: %1; exit requested for position #%2 (%3 shares).")
            .arg(reasonOf(request))
            .arg(position->value().id)
            .arg(position->value().quantity),
        data));
    qCInfo(lcTrading).noquote() << "sell signal" << outcome.id << request.code << source << "→ exit of position"
                                << position->value().id;
    Trading::ExitRequest exit;
    exit.code = request.code;
    exit.reason = Storage::SellReason::Strategy;
    exit.detail = reasonOf(request);
    if (!request.signal.reasonCode.isEmpty() && exit.detail != request.signal.reasonCode)
        exit.detail = request.signal.reasonCode + QStringLiteral(": ") + exit.detail;
    exit.signalKind = SignalKind::Strategy;
    exit.signalId = outcome.id;
    exit.actor = actor;
    emit exitRequested(exit);
    return outcome;
}
