// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordjson.h"

#include <QDateTime>
#include <QTimeZone>

namespace Storage {

namespace {

QJsonValue opt(const std::optional<qint64> &v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

QJsonValue opt(const std::optional<double> &v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

QJsonValue text(const QString &v)
{
    return v.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(v);
}

} // namespace

QJsonValue kstTimestamp(qint64 utcMs)
{
    if (utcMs <= 0)
        return QJsonValue::Null;
    static const QTimeZone KST(9 * 3600);
    return QDateTime::fromMSecsSinceEpoch(utcMs, KST).toString(Qt::ISODateWithMs);
}

QJsonObject toJson(const OrderRecord &o)
{
    return QJsonObject {
        { QStringLiteral("id"), o.id },
        { QStringLiteral("client_order_id"), o.clientOrderId },
        { QStringLiteral("broker_order_no"), text(o.brokerOrderNo) },
        { QStringLiteral("orig_order_id"), opt(o.origOrderId) },
        { QStringLiteral("orig_broker_order_no"), text(o.origBrokerOrderNo) },
        { QStringLiteral("action"), enumText(o.action) },
        { QStringLiteral("side"), enumText(o.side) },
        { QStringLiteral("stock_code"), o.stockCode },
        { QStringLiteral("stock_name"), o.stockName },
        { QStringLiteral("quantity"), o.quantity },
        { QStringLiteral("price"), o.price },
        { QStringLiteral("trade_type"), o.tradeType },
        { QStringLiteral("exchange"), o.exchange },
        { QStringLiteral("state"), enumText(o.state) },
        { QStringLiteral("filled_quantity"), o.filledQuantity },
        { QStringLiteral("filled_amount"), o.filledAmount },
        { QStringLiteral("avg_fill_price"), o.avgFillPrice },
        { QStringLiteral("valuation_price"), o.valuationPrice },
        { QStringLiteral("created_ms"), o.createdAtMs },
        { QStringLiteral("created_at"), kstTimestamp(o.createdAtMs) },
        { QStringLiteral("sent_ms"), opt(o.sentAtMs) },
        { QStringLiteral("updated_ms"), o.updatedAtMs },
        { QStringLiteral("reject_reason"), text(o.rejectReason) },
        { QStringLiteral("origin"), enumText(o.origin) },
        { QStringLiteral("origin_signal_id"), opt(o.originSignalId) },
        { QStringLiteral("position_id"), opt(o.positionId) },
        { QStringLiteral("trading_date"), o.tradingDate },
    };
}

QJsonObject toJson(const ExecutionRecord &x)
{
    return QJsonObject {
        { QStringLiteral("id"), x.id },
        { QStringLiteral("order_id"), x.orderId },
        { QStringLiteral("broker_execution_no"), x.brokerExecutionNo },
        { QStringLiteral("price"), x.price },
        { QStringLiteral("quantity"), x.quantity },
        { QStringLiteral("fee"), x.fee },
        { QStringLiteral("tax"), x.tax },
        { QStringLiteral("executed_ms"), x.executedAtMs },
        { QStringLiteral("executed_at"), kstTimestamp(x.executedAtMs) },
        { QStringLiteral("recorded_ms"), x.recordedAtMs },
    };
}

QJsonObject toJson(const PositionRecord &p)
{
    return QJsonObject {
        { QStringLiteral("id"), p.id },
        { QStringLiteral("stock_code"), p.stockCode },
        { QStringLiteral("stock_name"), p.stockName },
        { QStringLiteral("status"), enumText(p.status) },
        { QStringLiteral("quantity"), p.quantity },
        { QStringLiteral("buy_price"), p.buyPrice },
        { QStringLiteral("buy_quantity"), p.buyQuantity },
        { QStringLiteral("buy_amount"), p.buyAmount },
        { QStringLiteral("buy_fees"), p.buyFees },
        { QStringLiteral("stop_loss_rate"), opt(p.stopLossRate) },
        { QStringLiteral("take_profit_rate"), opt(p.takeProfitRate) },
        { QStringLiteral("trailing_stop_rate"), opt(p.trailingStopRate) },
        { QStringLiteral("stop_loss_price"), opt(p.stopLossPrice) },
        { QStringLiteral("take_profit_price"), opt(p.takeProfitPrice) },
        { QStringLiteral("exit_deadline_ms"), opt(p.exitDeadlineMs) },
        { QStringLiteral("current_price"), opt(p.currentPrice) },
        { QStringLiteral("current_profit_loss"), opt(p.currentProfitLoss) },
        { QStringLiteral("current_profit_loss_rate"), opt(p.currentProfitLossRate) },
        { QStringLiteral("highest_price"), opt(p.highestPrice) },
        { QStringLiteral("realized_profit_loss"), p.realizedProfitLoss },
        { QStringLiteral("origin"), enumText(p.origin) },
        { QStringLiteral("pending_signal_id"), opt(p.pendingSignalId) },
        { QStringLiteral("strategy_signal_id"), opt(p.strategySignalId) },
        { QStringLiteral("buy_ms"), p.buyTimeMs },
        { QStringLiteral("buy_at"), kstTimestamp(p.buyTimeMs) },
        { QStringLiteral("sell_ms"), opt(p.sellTimeMs) },
        { QStringLiteral("last_monitored_ms"), opt(p.lastMonitoredMs) },
        { QStringLiteral("updated_ms"), p.updatedAtMs },
    };
}

QJsonObject toJson(const SellOrderRecord &s)
{
    return QJsonObject {
        { QStringLiteral("id"), s.id },
        { QStringLiteral("position_id"), s.positionId },
        { QStringLiteral("stock_code"), s.stockCode },
        { QStringLiteral("stock_name"), s.stockName },
        { QStringLiteral("sell_price"), opt(s.sellPrice) },
        { QStringLiteral("sell_quantity"), s.sellQuantity },
        { QStringLiteral("sell_amount"), opt(s.sellAmount) },
        { QStringLiteral("sell_reason"), enumText(s.sellReason) },
        { QStringLiteral("sell_reason_detail"), text(s.sellReasonDetail) },
        { QStringLiteral("profit_loss"), opt(s.profitLoss) },
        { QStringLiteral("profit_loss_rate"), opt(s.profitLossRate) },
        { QStringLiteral("status"), enumText(s.status) },
        { QStringLiteral("created_ms"), s.createdAtMs },
        { QStringLiteral("ordered_ms"), opt(s.orderedAtMs) },
        { QStringLiteral("completed_ms"), opt(s.completedAtMs) },
        { QStringLiteral("order_id"), opt(s.orderId) },
    };
}

QJsonObject toJson(const ConditionRecord &c)
{
    return QJsonObject {
        { QStringLiteral("id"), c.id },
        { QStringLiteral("condition_name"), c.conditionName },
        { QStringLiteral("api_condition_id"), text(c.apiConditionId) },
        { QStringLiteral("is_enabled"), c.enabled },
        { QStringLiteral("updated_ms"), c.updatedAtMs },
    };
}

QJsonObject toJson(const TradingStrategyRecord &s)
{
    return QJsonObject {
        { QStringLiteral("id"), s.id },
        { QStringLiteral("strategy_name"), s.strategyName },
        { QStringLiteral("strategy_type"), s.strategyType },
        { QStringLiteral("is_enabled"), s.enabled },
        { QStringLiteral("parameters"), s.parameters },
        { QStringLiteral("updated_ms"), s.updatedAtMs },
    };
}

QJsonObject toJson(const WatchlistStockRecord &w)
{
    return QJsonObject {
        { QStringLiteral("id"), w.id },
        { QStringLiteral("stock_code"), w.stockCode },
        { QStringLiteral("stock_name"), w.stockName },
        { QStringLiteral("added_ms"), w.addedAtMs },
        { QStringLiteral("is_active"), w.active },
        { QStringLiteral("source_type"), enumText(w.sourceType) },
        { QStringLiteral("condition_id"), opt(w.conditionId) },
        { QStringLiteral("condition_name"), text(w.conditionName) },
    };
}

QJsonObject toJson(const PendingBuySignalRecord &s)
{
    return QJsonObject {
        { QStringLiteral("id"), s.id },
        { QStringLiteral("kind"), QStringLiteral("PENDING_BUY") },
        { QStringLiteral("condition_id"), opt(s.conditionId) },
        { QStringLiteral("stock_code"), s.stockCode },
        { QStringLiteral("stock_name"), s.stockName },
        { QStringLiteral("detected_ms"), s.detectedAtMs },
        { QStringLiteral("detected_at"), kstTimestamp(s.detectedAtMs) },
        { QStringLiteral("detected_date"), s.detectedDate },
        { QStringLiteral("status"), enumText(s.status) },
        { QStringLiteral("signal_type"), s.signalType },
        { QStringLiteral("reference_candle_high"), opt(s.referenceCandleHigh) },
        { QStringLiteral("reference_candle_ms"), opt(s.referenceCandleTimeMs) },
        { QStringLiteral("target_price"), opt(s.targetPrice) },
        { QStringLiteral("source"), s.source },
        { QStringLiteral("status_reason"), text(s.statusReason) },
        { QStringLiteral("retry_count"), s.retryCount },
        { QStringLiteral("requested_quantity"), opt(s.requestedQuantity) },
        { QStringLiteral("requested_amount"), opt(s.requestedAmount) },
        { QStringLiteral("order_type"), text(s.orderType) },
    };
}

QJsonObject toJson(const StrategySignalRecord &s)
{
    return QJsonObject {
        { QStringLiteral("id"), s.id },
        { QStringLiteral("kind"), QStringLiteral("STRATEGY") },
        { QStringLiteral("strategy_id"), s.strategyId },
        { QStringLiteral("stock_code"), s.stockCode },
        { QStringLiteral("stock_name"), s.stockName },
        { QStringLiteral("signal_type"), s.signalType },
        { QStringLiteral("signal_value"), opt(s.signalValue) },
        { QStringLiteral("detected_ms"), s.detectedAtMs },
        { QStringLiteral("detected_at"), kstTimestamp(s.detectedAtMs) },
        { QStringLiteral("detected_date"), s.detectedDate },
        { QStringLiteral("status"), enumText(s.status) },
        { QStringLiteral("additional_data"), s.additionalData },
        { QStringLiteral("status_reason"), text(s.statusReason) },
        { QStringLiteral("retry_count"), s.retryCount },
    };
}

QJsonObject toJson(const DecisionRecord &d)
{
    return QJsonObject {
        { QStringLiteral("id"), d.id },
        { QStringLiteral("at_ms"), d.atMs },
        { QStringLiteral("at"), kstTimestamp(d.atMs) },
        { QStringLiteral("trading_date"), d.tradingDate },
        { QStringLiteral("stock_code"), d.stockCode },
        { QStringLiteral("signal_kind"), enumText(d.kind) },
        { QStringLiteral("signal_id"), opt(d.signalId) },
        { QStringLiteral("source"), d.source },
        { QStringLiteral("decision"), enumText(d.decision) },
        { QStringLiteral("rule"), text(d.rule) },
        { QStringLiteral("message"), d.message },
        { QStringLiteral("data"), d.data },
        { QStringLiteral("order_id"), opt(d.orderId) },
    };
}

QJsonObject toJson(const AuditRecord &a)
{
    return QJsonObject {
        { QStringLiteral("id"), a.id },
        { QStringLiteral("at_ms"), a.atMs },
        { QStringLiteral("at"), kstTimestamp(a.atMs) },
        { QStringLiteral("actor"), a.actor },
        { QStringLiteral("entity"), a.entity },
        { QStringLiteral("entity_id"), opt(a.entityId) },
        { QStringLiteral("action"), a.action },
        { QStringLiteral("before"), a.before },
        { QStringLiteral("after"), a.after },
    };
}

} // namespace Storage
