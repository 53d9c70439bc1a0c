// SPDX-License-Identifier: GPL-3.0-or-later
#include "tradingcommands.h"

#include "killswitch.h"
#include "ordermanager.h"
#include "reconciler.h"
#include "signalmanager.h"
#include "stoplossmanager.h"
#include "tradingengine.h"

#include "common/logging.h"
#include "common/settings.h"
#include "market/krx.h"
#include "services/conditionmonitor.h"
#include "services/servicecontroller.h"
#include "services/watchlistsync.h"
#include "storage/auditlog.h"
#include "storage/autotradesettingsrepository.h"
#include "storage/conditionrepository.h"
#include "storage/database.h"
#include "storage/orderrepository.h"
#include "storage/positionrepository.h"
#include "storage/recordjson.h"
#include "storage/strategyrepository.h"
#include "storage/watchlistrepository.h"
#include "strategy/strategyregistry.h"

#include <QJsonArray>
#include <QUuid>

using namespace Storage;

namespace {

Error invalid(const QString &message)
{
    return Error { QStringLiteral("command.invalid"), message };
}

Error notFound(const QString &message)
{
    return Error { QStringLiteral("command.not_found"), message };
}

bool isStockCode(const QString &code)
{
    if (code.size() != 6)
        return false;
    for (const QChar c : code) {
        if (!c.isDigit() && !(c >= u'A' && c <= u'Z'))
            return false;
    }
    return true;
}

QJsonObject statusJson(const Status &st)
{
    return st ? QJsonObject {} : QJsonObject { { QStringLiteral("error"), st.error().code } };
}

} // namespace

TradingCommands::TradingCommands(TradingEngine &engine, Database &db, Settings &settings, QObject *parent)
    : QObject(parent), m_engine(engine), m_db(db), m_settings(settings)
{
}

TradingCommands::~TradingCommands() = default;

bool TradingCommands::isUserActor(const QString &actor)
{
    return KillSwitch::isUserActor(actor);
}

Result<QJsonObject> TradingCommands::finish(
    const QString &verb, const QString &actor, const QJsonObject &arguments, Result<QJsonObject> result)
{
    // Every verb leaves its audit_log row, refused ones too: who asked what, and the answer.
    QJsonObject after = result ? result.value()
                               : QJsonObject { { QStringLiteral("error"),
                                   QJsonObject { { QStringLiteral("code"), result.error().code },
                                       { QStringLiteral("message"), result.error().message } } } };
    if (auto audited = AuditLog(m_db).append(actor.isEmpty() ? QStringLiteral("unknown") : actor,
            QStringLiteral("command"), std::nullopt, verb, arguments, after);
        !audited) {
        qCWarning(lcTrading).noquote() << "command" << verb << "not audited:" << audited.error().message;
    }
    qCInfo(lcTrading).noquote() << "command" << verb << "by" << actor << (result ? "done" : "refused:")
                                << (result ? QString() : result.error().message);
    emit commandExecuted(verb, actor, result.ok(), result ? QString() : result.error().message);
    return result;
}

// ---- services ----------------------------------------------------------------------------------

Result<QJsonObject> TradingCommands::startService(const QString &name, const QString &actor)
{
    const QJsonObject args { { QStringLiteral("service"), name } };
    if (!m_engine.isReady())
        return finish(QStringLiteral("service.start"), actor, args,
            Error { QStringLiteral("command.not_ready"),
                tr("Services start once the account is reconciled with the broker; it is not yet.") });
    Status st = m_engine.services().startList(name);
    if (!st)
        return finish(QStringLiteral("service.start"), actor, args, st.error());
    return finish(QStringLiteral("service.start"), actor, args, serviceStatus());
}

Result<QJsonObject> TradingCommands::stopService(const QString &name, const QString &actor)
{
    const QJsonObject args { { QStringLiteral("service"), name } };
    Status st = name == u"all" ? (m_engine.services().stopAll(), Status {}) : m_engine.services().stop(name);
    if (!st)
        return finish(QStringLiteral("service.stop"), actor, args, st.error());
    return finish(QStringLiteral("service.stop"), actor, args, serviceStatus());
}

QJsonObject TradingCommands::serviceStatus() const
{
    return QJsonObject { { QStringLiteral("services"), m_engine.services().status() },
        { QStringLiteral("engine"), m_engine.status() } };
}

// ---- orders ------------------------------------------------------------------------------------

Result<QJsonObject> TradingCommands::buy(const BuyCommand &c, const QString &actor)
{
    QJsonObject args { { QStringLiteral("code"), c.code }, { QStringLiteral("type"), Trading::orderTypeText(c.type) } };
    if (c.quantity)
        args.insert(QStringLiteral("quantity"), *c.quantity);
    if (c.amount)
        args.insert(QStringLiteral("amount"), *c.amount);
    if (c.price)
        args.insert(QStringLiteral("price"), *c.price);
    if (!c.clientOrderId.isEmpty())
        args.insert(QStringLiteral("client_order_id"), c.clientOrderId);
    const QString verb = QStringLiteral("order.buy");
    if (!isStockCode(c.code))
        return finish(
            verb, actor, args, invalid(tr("\"%1\" is not a stock code (six characters, e.g. 005930).").arg(c.code)));
    if (c.quantity.has_value() == c.amount.has_value())
        return finish(verb, actor, args, invalid(tr("Give either a quantity or an amount.")));
    if ((c.quantity && *c.quantity <= 0) || (c.amount && *c.amount <= 0))
        return finish(verb, actor, args, invalid(tr("Quantity and amount must be positive.")));
    if (c.type == Trading::OrderType::Market && c.price)
        return finish(verb, actor, args, invalid(tr("A market order takes no price.")));
    if (c.price && (*c.price <= 0 || !Krx::isOnTick(*c.price)))
        return finish(verb, actor, args,
            invalid(tr("%1 KRW is not on the KRX tick ladder (tick %2).").arg(*c.price).arg(Krx::tickSize(*c.price))));
    if (!m_engine.isReady())
        return finish(verb, actor, args,
            Error { QStringLiteral("command.not_ready"),
                tr("Not reconciled with the broker yet: no order is placed until it is.") });
    Trading::SignalRequest r;
    r.kind = SignalKind::PendingBuy;
    const QString who = actor == u"api" || actor == u"cli" ? actor : QStringLiteral("manual");
    // The same client order id is the same signal (deduped): one order, however often it is sent.
    r.source = who + u':'
        + (c.clientOrderId.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : c.clientOrderId);
    r.side = Side::Buy;
    r.code = c.code;
    r.signalType = QStringLiteral("manual");
    r.quantity = c.quantity;
    r.amount = c.amount;
    r.orderType = c.type;
    r.limitPrice = c.price;
    r.actor = actor;
    r.signal.side = Side::Buy;
    r.signal.strategyType = QStringLiteral("manual");
    r.signal.reasonCode = QStringLiteral("manual.buy");
    r.signal.reason = QStringLiteral("%1 buy").arg(actor);
    auto outcome = m_engine.signalManager().submit(r);
    if (!outcome)
        return finish(verb, actor, args, outcome.error());
    auto stored = SignalRepository(m_db).findPendingBuy(outcome->id);
    QJsonObject result { { QStringLiteral("signal_id"), outcome->id },
        { QStringLiteral("duplicate"), outcome->duplicate } };
    if (stored && *stored)
        result.insert(QStringLiteral("signal"), toJson(stored->value()));
    return finish(verb, actor, args, result);
}

Result<QJsonObject> TradingCommands::sell(const SellCommand &c, const QString &actor)
{
    QJsonObject args { { QStringLiteral("code"), c.code }, { QStringLiteral("quantity"), c.quantity },
        { QStringLiteral("type"), Trading::orderTypeText(c.type) } };
    if (c.price)
        args.insert(QStringLiteral("price"), *c.price);
    const QString verb = QStringLiteral("order.sell");
    if (!isStockCode(c.code))
        return finish(verb, actor, args, invalid(tr("\"%1\" is not a stock code.").arg(c.code)));
    if (c.quantity < 0)
        return finish(verb, actor, args, invalid(tr("The quantity must not be negative.")));
    if ((c.type == Trading::OrderType::Limit) != c.price.has_value())
        return finish(verb, actor, args, invalid(tr("A limit sell needs a price; a market sell takes none.")));
    if (c.price && (*c.price <= 0 || !Krx::isOnTick(*c.price)))
        return finish(verb, actor, args, invalid(tr("%1 KRW is not on the KRX tick ladder.").arg(*c.price)));
    if (!m_engine.isReady())
        return finish(verb, actor, args,
            Error { QStringLiteral("command.not_ready"), tr("Not reconciled with the broker yet.") });
    auto live = PositionRepository(m_db).findActiveByCode(c.code);
    if (!live)
        return finish(verb, actor, args, live.error());
    if (!*live)
        return finish(verb, actor, args, notFound(tr("%1 is not held.").arg(c.code)));
    if (c.quantity > live->value().quantity)
        return finish(
            verb, actor, args, invalid(tr("Only %1 shares of %2 are held.").arg(live->value().quantity).arg(c.code)));
    auto sold = m_engine.stops().exitPosition(
        live->value().id, SellReason::Manual, tr("sold by %1").arg(actor), actor, c.quantity, c.price);
    if (!sold)
        return finish(verb, actor, args, sold.error());
    return finish(verb, actor, args, QJsonObject { { QStringLiteral("sell_order"), toJson(sold.value()) } });
}

Result<QJsonObject> TradingCommands::cancelOrder(qint64 orderId, const QString &actor)
{
    const QJsonObject args { { QStringLiteral("order_id"), orderId } };
    Status st = m_engine.orders().cancel(orderId, actor);
    if (!st)
        return finish(QStringLiteral("order.cancel"), actor, args, st.error());
    auto order = OrderRepository(m_db).find(orderId);
    QJsonObject result;
    if (order && *order)
        result.insert(QStringLiteral("order"), toJson(order->value()));
    return finish(QStringLiteral("order.cancel"), actor, args, result);
}

Result<QJsonObject> TradingCommands::cancelAllOrders(const QString &actor)
{
    const int asked = m_engine.orders().cancelAll(actor);
    return finish(
        QStringLiteral("order.cancel_all"), actor, {}, QJsonObject { { QStringLiteral("cancelling"), asked } });
}

// ---- conditions and strategies ------------------------------------------------------------------

Result<QJsonObject> TradingCommands::setConditionEnabled(const QString &condition, bool enabled, const QString &actor)
{
    const QJsonObject args { { QStringLiteral("condition"), condition }, { QStringLiteral("enabled"), enabled } };
    const QString verb = enabled ? QStringLiteral("condition.enable") : QStringLiteral("condition.disable");
    ConditionRepository conditions(m_db);
    auto all = conditions.list();
    if (!all)
        return finish(verb, actor, args, all.error());
    QList<ConditionRecord> chosen;
    bool numeric = false;
    const qint64 id = condition.toLongLong(&numeric);
    for (const ConditionRecord &c : all.value()) {
        if (condition == u"all" || (numeric && c.id == id) || c.conditionName == condition)
            chosen << c;
    }
    if (chosen.isEmpty())
        return finish(verb, actor, args,
            notFound(all->isEmpty() ? tr("No conditions are known yet (they are listed once the broker is connected).")
                                    : tr("There is no condition \"%1\".").arg(condition)));
    QJsonArray changed;
    Status st = m_db.transaction([&]() -> Status {
        for (ConditionRecord c : chosen) {
            if (c.enabled == enabled)
                continue;
            if (Status s = conditions.setEnabled(c.id, enabled, actor); !s)
                return s;
            c.enabled = enabled;
            changed.append(toJson(c));
        }
        return {};
    });
    if (!st)
        return finish(verb, actor, args, st.error());
    m_engine.conditionMonitor().refreshRealtime();
    return finish(verb, actor, args, QJsonObject { { QStringLiteral("changed"), changed } });
}

Result<QJsonObject> TradingCommands::setStrategyEnabled(const QString &strategy, bool enabled, const QString &actor)
{
    const QJsonObject args { { QStringLiteral("strategy"), strategy }, { QStringLiteral("enabled"), enabled } };
    const QString verb = enabled ? QStringLiteral("strategy.enable") : QStringLiteral("strategy.disable");
    StrategyRepository strategies(m_db);
    auto all = strategies.list();
    if (!all)
        return finish(verb, actor, args, all.error());
    bool numeric = false;
    const qint64 id = strategy.toLongLong(&numeric);
    QList<TradingStrategyRecord> chosen;
    for (const TradingStrategyRecord &s : all.value()) {
        if (strategy == u"all" || (numeric && s.id == id) || s.strategyName == strategy || s.strategyType == strategy)
            chosen << s;
    }
    if (chosen.isEmpty() && !numeric && Strategies::StrategyRegistry::info(strategy) && enabled) {
        // A known type without a row yet: create it with its defaults.
        auto created = strategies.create(
            strategy, strategy, Strategies::StrategyRegistry::info(strategy)->defaults(), true, actor);
        if (!created)
            return finish(verb, actor, args, created.error());
        return finish(
            verb, actor, args, QJsonObject { { QStringLiteral("changed"), QJsonArray { toJson(created.value()) } } });
    }
    if (chosen.isEmpty())
        return finish(verb, actor, args, notFound(tr("There is no strategy \"%1\".").arg(strategy)));
    QJsonArray changed;
    Status st = m_db.transaction([&]() -> Status {
        for (const TradingStrategyRecord &s : std::as_const(chosen)) {
            if (s.enabled == enabled)
                continue;
            auto r = strategies.setEnabled(s.id, enabled, actor);
            if (!r)
                return r.error();
            changed.append(toJson(r.value()));
        }
        return {};
    });
    if (!st)
        return finish(verb, actor, args, st.error());
    return finish(verb, actor, args, QJsonObject { { QStringLiteral("changed"), changed } });
}

Result<QJsonObject> TradingCommands::configureStrategy(
    const QString &type, const QJsonObject &parameters, const QString &actor)
{
    const QJsonObject args { { QStringLiteral("type"), type }, { QStringLiteral("parameters"), parameters } };
    const QString verb = QStringLiteral("strategy.configure");
    auto strategy = Strategies::StrategyRegistry::create(type, parameters);
    if (!strategy)
        return finish(verb, actor, args, strategy.error());
    const QJsonObject full = strategy.value()->parameters(); // with the defaults filled in
    StrategyRepository strategies(m_db);
    auto all = strategies.list();
    if (!all)
        return finish(verb, actor, args, all.error());
    for (const TradingStrategyRecord &s : all.value()) {
        if (s.strategyType != type)
            continue;
        auto updated = strategies.setParameters(s.id, full, actor);
        if (!updated)
            return finish(verb, actor, args, updated.error());
        return finish(verb, actor, args, QJsonObject { { QStringLiteral("strategy"), toJson(updated.value()) } });
    }
    auto created = strategies.create(type, type, full, false, actor);
    if (!created)
        return finish(verb, actor, args, created.error());
    return finish(verb, actor, args, QJsonObject { { QStringLiteral("strategy"), toJson(created.value()) } });
}

// ---- trading settings ----------------------------------------------------------------------------

QJsonObject TradingCommands::tradingSettings() const
{
    const Trading::TradingSettings t = m_engine.tradingSettings();
    return QJsonObject {
        { QStringLiteral("auto_trade_enabled"), t.autoTradeEnabled },
        { QStringLiteral("max_invest_amount"), t.maxInvestAmount },
        { QStringLiteral("stop_loss_rate"), t.stopLossRate },
        { QStringLiteral("take_profit_rate"), t.takeProfitRate },
        { QStringLiteral("trailing_stop_rate"), t.trailingStopRate },
        { QStringLiteral("buy_order_type"), m_settings.value(QStringLiteral("trading/buyOrderType")).toString() },
        { QStringLiteral("cancel_unfilled_buy_after_sec"), m_settings.cancelUnfilledBuyAfterSec() },
        { QStringLiteral("fee_rate"), m_settings.feeRate() },
        { QStringLiteral("sell_tax_rate"), m_settings.sellTaxRate() },
    };
}

Result<QJsonObject> TradingCommands::updateTradingSettings(const QJsonObject &changes, const QString &actor)
{
    const QString verb = QStringLiteral("settings.trading");
    Trading::TradingSettings t = m_engine.tradingSettings();
    // Settings keys set through this verb, validated with their specs before anything is written.
    QList<QPair<QString, QVariant>> keys;
    for (auto it = changes.constBegin(); it != changes.constEnd(); ++it) {
        const QString k = it.key();
        const QJsonValue v = it.value();
        auto number = [&](double min, double max, double *out) -> Status {
            if (!v.isDouble() || v.toDouble() < min || v.toDouble() > max)
                return invalid(tr("%1 must be a number from %2 to %3.").arg(k).arg(min).arg(max));
            *out = v.toDouble();
            return {};
        };
        Status st;
        double d = 0;
        if (k == u"auto_trade_enabled") {
            if (!v.isBool())
                st = invalid(tr("auto_trade_enabled must be true or false."));
            else
                t.autoTradeEnabled = v.toBool();
        } else if (k == u"max_invest_amount") {
            st = number(1000, 1e12, &d);
            if (st && d != std::floor(d))
                st = invalid(tr("max_invest_amount is whole won."));
            t.maxInvestAmount = qint64(d);
        } else if (k == u"stop_loss_rate") {
            st = number(0, 99, &d);
            t.stopLossRate = d;
        } else if (k == u"take_profit_rate") {
            st = number(0, 1000, &d);
            t.takeProfitRate = d;
        } else if (k == u"trailing_stop_rate") {
            keys << qMakePair(QStringLiteral("trading/trailingStopRate"), v.toVariant());
        } else if (k == u"buy_order_type") {
            keys << qMakePair(QStringLiteral("trading/buyOrderType"), v.toVariant());
        } else if (k == u"cancel_unfilled_buy_after_sec") {
            keys << qMakePair(QStringLiteral("trading/cancelUnfilledBuyAfterSec"), v.toVariant());
        } else {
            st = invalid(tr("Unknown trading setting \"%1\".").arg(k));
        }
        if (!st)
            return finish(verb, actor, changes, st.error());
    }
    for (const auto &[key, value] : keys) {
        if (Status st = m_settings.validate(key, value); !st)
            return finish(verb, actor, changes, st.error());
    }
    AutoTradeSettingsRecord row;
    row.enabled = t.autoTradeEnabled;
    row.maxInvestAmount = t.maxInvestAmount;
    row.stopLossRate = t.stopLossRate;
    row.takeProfitRate = t.takeProfitRate;
    auto saved = AutoTradeSettingsRepository(m_db).save(row, actor);
    if (!saved)
        return finish(verb, actor, changes, saved.error());
    for (const auto &[key, value] : keys) {
        if (Status st = m_settings.setValue(key, value); !st) // validated above: cannot fail but by I/O
            qCWarning(lcTrading).noquote() << "trading setting" << key << "not saved:" << st.error().message;
    }
    m_engine.reloadTradingSettings();
    return finish(verb, actor, changes, tradingSettings());
}

// ---- kill switch ---------------------------------------------------------------------------------

Result<QJsonObject> TradingCommands::engageKillSwitch(
    Trading::KillSwitchMode mode, const QString &reason, const QString &actor)
{
    const QJsonObject args { { QStringLiteral("mode"), Trading::killSwitchModeText(mode) },
        { QStringLiteral("reason"), reason } };
    Status st = m_engine.killSwitch().engage(mode, reason, actor);
    QJsonObject state = m_engine.killSwitch().state().toJson();
    if (!st && m_engine.killSwitch().mode() != mode)
        return finish(QStringLiteral("kill_switch.engage"), actor, args, st.error());
    state.insert(QStringLiteral("saved"), m_engine.killSwitch().isSaved());
    return finish(QStringLiteral("kill_switch.engage"), actor, args, state);
}

Result<QJsonObject> TradingCommands::resume(const QString &actor)
{
    Status st = m_engine.killSwitch().resume(actor);
    if (!st)
        return finish(QStringLiteral("kill_switch.resume"), actor, {}, st.error());
    return finish(QStringLiteral("kill_switch.resume"), actor, {}, m_engine.killSwitch().state().toJson());
}

// ---- watchlist -----------------------------------------------------------------------------------

Result<QJsonObject> TradingCommands::addToWatchlist(const QString &code, const QString &name, const QString &actor)
{
    const QJsonObject args { { QStringLiteral("code"), code }, { QStringLiteral("name"), name } };
    if (!isStockCode(code))
        return finish(
            QStringLiteral("watchlist.add"), actor, args, invalid(tr("\"%1\" is not a stock code.").arg(code)));
    auto added = WatchlistRepository(m_db).add(code, name, WatchlistSource::Manual, std::nullopt, QString(), actor);
    if (!added)
        return finish(QStringLiteral("watchlist.add"), actor, args, added.error());
    m_engine.watchlistSync().refreshWatchlist();
    return finish(QStringLiteral("watchlist.add"), actor, args,
        QJsonObject {
            { QStringLiteral("stock"), toJson(added->stock) }, { QStringLiteral("changed"), added->changed } });
}

Result<QJsonObject> TradingCommands::removeFromWatchlist(const QString &code, const QString &actor)
{
    const QJsonObject args { { QStringLiteral("code"), code } };
    auto removed = WatchlistRepository(m_db).deactivate(code, actor);
    if (!removed)
        return finish(QStringLiteral("watchlist.remove"), actor, args, removed.error());
    if (!removed.value())
        return finish(
            QStringLiteral("watchlist.remove"), actor, args, notFound(tr("%1 is not on the watchlist.").arg(code)));
    m_engine.watchlistSync().refreshWatchlist();
    return finish(QStringLiteral("watchlist.remove"), actor, args, QJsonObject { { QStringLiteral("removed"), code } });
}

Result<QJsonObject> TradingCommands::syncWatchlistNow(const QString &actor)
{
    Status st = m_engine.services().runNow(QStringLiteral("watchlist"));
    if (!st)
        return finish(QStringLiteral("watchlist.sync"), actor, {}, st.error());
    return finish(QStringLiteral("watchlist.sync"), actor, {}, statusJson(st));
}

Result<QJsonObject> TradingCommands::reconcileNow(const QString &actor)
{
    m_engine.reconciler().request(QStringLiteral("asked by %1").arg(actor));
    return finish(QStringLiteral("reconcile"), actor, {}, QJsonObject { { QStringLiteral("requested"), true } });
}
