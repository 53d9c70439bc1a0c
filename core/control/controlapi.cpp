// SPDX-License-Identifier: GPL-3.0-or-later
// The controllers of the control API: thin functions over the one command layer
// (TradingCommands, actor "api") and the repositories. Registered into ControlServer's RouteTable.
#include "controlserver.h"

#include "common/activitylog.h"
#include "common/clock.h"
#include "market/krx.h"
#include "storage/database.h"
#include "storage/decisionrepository.h"
#include "storage/orderrepository.h"
#include "storage/positionrepository.h"
#include "storage/recordjson.h"
#include "storage/signalrepository.h"
#include "storage/strategyrepository.h"
#include "storage/watchlistrepository.h"
#include "strategy/strategyregistry.h"
#include "trading/accountstate.h"
#include "trading/killswitch.h"
#include "trading/tradingcommands.h"
#include "trading/tradingengine.h"
#include "services/servicecontroller.h"
#include "news/newsservice.h"
#include "recorder/recordercontrol.h"
#include "trading/eventfeed.h"
#include "trading/instrumentcache.h"
#include "kiwoom/restclient.h"
#include "trading/kiwoombrokerapi.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QRegularExpression>

using namespace Control;

namespace {

// ---- schemas -----------------------------------------------------------------------------------

QJsonObject type(const char *t, const QString &description = {})
{
    QJsonObject o { { QStringLiteral("type"), QString::fromLatin1(t) } };
    if (!description.isEmpty())
        o.insert(QStringLiteral("description"), description);
    return o;
}

QJsonObject object(const QJsonObject &properties, const QStringList &required = {}, bool closed = true)
{
    QJsonObject o { { QStringLiteral("type"), QStringLiteral("object") },
        { QStringLiteral("properties"), properties } };
    if (!required.isEmpty())
        o.insert(QStringLiteral("required"), QJsonArray::fromStringList(required));
    if (closed)
        o.insert(QStringLiteral("additionalProperties"), false);
    return o;
}

QJsonObject openObject(const QString &description)
{
    return type("object", description);
}

QJsonObject arrayOf(const QString &key, const QString &description)
{
    return object(
        { { key,
            QJsonObject { { QStringLiteral("type"), QStringLiteral("array") },
                { QStringLiteral("items"), type("object") }, { QStringLiteral("description"), description } } } },
        { key }, false);
}

QJsonObject codeSchema()
{
    return QJsonObject { { QStringLiteral("type"), QStringLiteral("string") },
        { QStringLiteral("pattern"), QStringLiteral("^[0-9A-Z]{6}$") },
        { QStringLiteral("description"), QStringLiteral("KRX stock code, e.g. 005930") } };
}

QJsonObject positiveInt(const QString &description)
{
    return QJsonObject { { QStringLiteral("type"), QStringLiteral("integer") }, { QStringLiteral("minimum"), 1 },
        { QStringLiteral("description"), description } };
}

// ---- validation --------------------------------------------------------------------------------

constexpr qint64 MAX_INTEGER = 1'000'000'000'000; // 1 trillion: above any quantity or KRW amount

Reply invalidField(const QString &field, const QString &message)
{
    Reply r = Reply::error(422, QStringLiteral("invalid_field"), QStringLiteral("%1: %2").arg(field, message));
    QJsonObject error = r.body.value(QStringLiteral("error")).toObject();
    error.insert(QStringLiteral("field"), field);
    r.body.insert(QStringLiteral("error"), error);
    return r;
}

bool isStockCode(const QString &code)
{
    static const QRegularExpression re(QStringLiteral("^[0-9A-Z]{6}$"));
    return re.match(code).hasMatch();
}

// Every check returns the reply to send when the input is bad.
std::optional<Reply> onlyFields(const QJsonObject &body, const QStringList &allowed)
{
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (!allowed.contains(it.key()))
            return invalidField(it.key(),
                QCoreApplication::translate("ControlServer", "unknown field (allowed: %1)")
                    .arg(allowed.join(QStringLiteral(", "))));
    }
    return std::nullopt;
}

std::optional<Reply> code(const QJsonValue &value, const QString &field, QString *out)
{
    if (!value.isString() || !isStockCode(value.toString()))
        return invalidField(field,
            QCoreApplication::translate("ControlServer", "a stock code of six digits (e.g. 005930) is required"));
    *out = value.toString();
    return std::nullopt;
}

std::optional<Reply> positive(const QJsonValue &value, const QString &field, std::optional<qint64> *out, bool required)
{
    if (value.isUndefined() || value.isNull()) {
        if (required)
            return invalidField(field, QCoreApplication::translate("ControlServer", "required"));
        out->reset();
        return std::nullopt;
    }
    const double d = value.toDouble(-1);
    if (!value.isDouble() || d != std::floor(d) || d < 1 || d > double(MAX_INTEGER))
        return invalidField(field,
            QCoreApplication::translate("ControlServer", "a positive integer (at most %1) is required")
                .arg(MAX_INTEGER));
    *out = qint64(d);
    return std::nullopt;
}

std::optional<Reply> positiveText(const QString &text, const QString &field, qint64 *out)
{
    bool ok = false;
    const qint64 v = text.toLongLong(&ok);
    if (!ok || v < 1 || v > MAX_INTEGER)
        return invalidField(field, QCoreApplication::translate("ControlServer", "a positive integer is required"));
    *out = v;
    return std::nullopt;
}

std::optional<Reply> dateText(const QString &text, const QString &field, QString *out)
{
    const QDate d = QDate::fromString(text, QStringLiteral("yyyy-MM-dd"));
    if (!d.isValid())
        return invalidField(field, QCoreApplication::translate("ControlServer", "a date YYYY-MM-DD is required"));
    *out = d.toString(QStringLiteral("yyyy-MM-dd"));
    return std::nullopt;
}

std::optional<Reply> orderType(const QJsonValue &value, Trading::OrderType fallback, Trading::OrderType *out)
{
    if (value.isUndefined() || value.isNull()) {
        *out = fallback;
        return std::nullopt;
    }
    const auto t = value.isString() ? Trading::orderTypeFromText(value.toString().toUpper()) : std::nullopt;
    if (!t)
        return invalidField(
            QStringLiteral("order_type"), QCoreApplication::translate("ControlServer", "\"limit\" or \"market\""));
    *out = *t;
    return std::nullopt;
}

// [from, to] trading dates (default: today) from the query, as "YYYY-MM-DD".
std::optional<Reply> dateRange(const QUrlQuery &query, const QString &today, QString *from, QString *to)
{
    *from = today;
    *to = today;
    if (query.hasQueryItem(QStringLiteral("from"))) {
        if (auto bad = dateText(query.queryItemValue(QStringLiteral("from")), QStringLiteral("from"), from))
            return bad;
        if (!query.hasQueryItem(QStringLiteral("to")))
            *to = std::max(*from, today);
    }
    if (query.hasQueryItem(QStringLiteral("to"))) {
        if (auto bad = dateText(query.queryItemValue(QStringLiteral("to")), QStringLiteral("to"), to))
            return bad;
    }
    if (*from > *to)
        return invalidField(QStringLiteral("from"), QCoreApplication::translate("ControlServer", "after \"to\""));
    return std::nullopt;
}

// UTC epoch ms of 00:00 KST of a "YYYY-MM-DD" date.
qint64 kstMidnightMs(const QString &date)
{
    return QDateTime(QDate::fromString(date, QStringLiteral("yyyy-MM-dd")), QTime(0, 0), Qt::OffsetFromUTC, 9 * 3600)
        .toMSecsSinceEpoch();
}

// ---- results of the core -----------------------------------------------------------------------

int statusFor(const QString &code)
{
    if (code == u"command.invalid" || code.endsWith(u".params") || code.endsWith(u".invalid")
        || code == u"settings.invalid")
        return 422;
    if (code == u"command.not_found" || code.endsWith(u".unknown") || code.endsWith(u".not_found"))
        return 404;
    if (code.startsWith(u"storage."))
        return 500;
    return 409; // not ready, a risk rule, a state that does not allow it
}

Reply fromResult(const Result<QJsonObject> &result)
{
    if (result)
        return Reply::ok(*result);
    return Reply::error(statusFor(result.error().code), result.error().code, result.error().message);
}

template<typename T> Reply listReply(const QString &key, const Result<QList<T>> &rows)
{
    if (!rows)
        return Reply::error(500, rows.error().code, rows.error().message);
    return Reply::ok(QJsonObject { { key, Storage::toJsonArray(*rows) } });
}

Reply notReady()
{
    return Reply::error(409, QStringLiteral("command.not_ready"),
        QCoreApplication::translate(
            "ControlServer", "The trading engine is not running yet (the broker session is not ready)."));
}

} // namespace

void ControlServer::registerRoutes()
{
    const QString v1 = QStringLiteral("/api/v1");
    auto engineOf = [this]() -> TradingEngine * { return m_deps.engine ? m_deps.engine() : nullptr; };
    // A controller that needs the engine (and with it the database).
    auto withEngine = [engineOf](std::function<Reply(TradingEngine &, const Request &)> fn) {
        return [engineOf, fn](const Request &r) -> Reply {
            TradingEngine *e = engineOf();
            return e ? fn(*e, r) : notReady();
        };
    };
    auto withDb = [this](std::function<Reply(Database &, const Request &)> fn) {
        return [this, fn](const Request &r) -> Reply { return m_deps.database ? fn(*m_deps.database, r) : notReady(); };
    };
    auto add = [this, v1](Route route) {
        route.pattern = v1 + route.pattern;
        [[maybe_unused]] const bool added = addRoute(std::move(route));
        Q_ASSERT(added);
    };
    const QString api = actor();

    // ---- meta ---------------------------------------------------------------------------------
    add({ QStringLiteral("GET"), QStringLiteral("/openapi.json"), Scope::Read,
        QStringLiteral("This document (OpenAPI 3.0), generated from the route table"), {},
        openObject(QStringLiteral("OpenAPI document")), {}, false, [this](const Request &) {
            QJsonObject doc = m_routes.openApi(QStringLiteral("Kiwoom Trader control API"),
                QCoreApplication::applicationVersion().isEmpty() ? QStringLiteral("0")
                                                                 : QCoreApplication::applicationVersion());
            // The WebSocket event stream is not an HTTP operation: its URL is an extension field.
            QJsonObject info = doc.value(QStringLiteral("info")).toObject();
            info.insert(QStringLiteral("description"),
                QStringLiteral("Local control API of Kiwoom Trader. Events: a WebSocket at x-events-url (same "
                               "Bearer key), one {\"seq\",\"type\",\"time\",\"data\"} message per event; "
                               "GET /api/v1/events names it too."));
            info.insert(QStringLiteral("x-events-url"), eventsUrl().isEmpty() ? QJsonValue() : QJsonValue(eventsUrl()));
            doc.insert(QStringLiteral("info"), info);
            return Reply::ok(doc);
        } });
    add({ QStringLiteral("GET"), QStringLiteral("/app/version"), Scope::Read,
        QStringLiteral("Program name and version"), {},
        object({ { QStringLiteral("name"), type("string") }, { QStringLiteral("version"), type("string") },
                   { QStringLiteral("api"), type("string") }, { QStringLiteral("qt"), type("string") } },
            {}, false),
        {}, false, [](const Request &) {
            return Reply::ok(QJsonObject { { QStringLiteral("name"), QStringLiteral("kiwoom-trader") },
                { QStringLiteral("version"), QCoreApplication::applicationVersion() },
                { QStringLiteral("api"), QStringLiteral("v1") },
                { QStringLiteral("qt"), QString::fromLatin1(qVersion()) } });
        } });
    add({ QStringLiteral("GET"), QStringLiteral("/health"), Scope::Read,
        QStringLiteral("Broker connection, engine and reconciliation state, services"), {},
        object({ { QStringLiteral("engine"), openObject(QStringLiteral("TradingEngine::status(); null before start")) },
                   { QStringLiteral("services"), type("array") }, { QStringLiteral("broker"), type("object") } },
            {}, false),
        {}, false, [this, engineOf](const Request &) {
            QJsonObject o = m_deps.health ? m_deps.health() : QJsonObject();
            TradingEngine *e = engineOf();
            o.insert(QStringLiteral("engine"), e ? QJsonValue(e->status()) : QJsonValue());
            o.insert(QStringLiteral("services"), e ? e->services().status() : QJsonArray());
            o.insert(QStringLiteral("ready"), e && e->isReady());
            o.insert(QStringLiteral("events_url"), eventsUrl().isEmpty() ? QJsonValue() : QJsonValue(eventsUrl()));
            return Reply::ok(o);
        } });
    add({ QStringLiteral("GET"), QStringLiteral("/logs"), Scope::Read,
        QStringLiteral("Activity log entries after an id, oldest first"), {},
        object({ { QStringLiteral("entries"), type("array") }, { QStringLiteral("last_id"), type("integer") } }, {},
            false),
        { { QStringLiteral("since"), QStringLiteral("entries with a larger id (default 0)") },
            { QStringLiteral("limit"), QStringLiteral("at most this many (default 500, at most 1000)") } },
        false, [this](const Request &r) {
            if (!m_deps.activity)
                return notReady();
            qint64 since = 0;
            qint64 limit = 500;
            if (r.query.hasQueryItem(QStringLiteral("since"))) {
                bool ok = false;
                since = r.query.queryItemValue(QStringLiteral("since")).toLongLong(&ok);
                if (!ok || since < 0)
                    return invalidField(QStringLiteral("since"), tr("a non-negative integer is required"));
            }
            if (r.query.hasQueryItem(QStringLiteral("limit"))) {
                if (auto bad
                    = positiveText(r.query.queryItemValue(QStringLiteral("limit")), QStringLiteral("limit"), &limit))
                    return *bad;
            }
            QJsonArray entries;
            for (const ActivityLog::Entry &e : m_deps.activity->since(since, int(std::min<qint64>(limit, 1000)))) {
                entries.append(QJsonObject { { QStringLiteral("id"), e.id }, { QStringLiteral("time_ms"), e.timeMs },
                    { QStringLiteral("time_at"), Storage::kstTimestamp(e.timeMs) },
                    { QStringLiteral("level"), ActivityLog::levelName(e.level) },
                    { QStringLiteral("source"), e.source }, { QStringLiteral("message"), e.message } });
            }
            return Reply::ok(QJsonObject {
                { QStringLiteral("entries"), entries }, { QStringLiteral("last_id"), m_deps.activity->lastId() } });
        } });

    // ---- services -----------------------------------------------------------------------------
    for (const QString &service :
        { QStringLiteral("monitoring"), QStringLiteral("strategy"), QStringLiteral("scalping") }) {
        add({ QStringLiteral("POST"), u'/' + service + QStringLiteral("/start"), Scope::Trade,
            QStringLiteral("Start the %1 service").arg(service), {}, openObject(QStringLiteral("service status")), {},
            false, withEngine([service, api](TradingEngine &e, const Request &r) {
                if (auto bad = onlyFields(r.body, {}))
                    return *bad;
                return fromResult(e.commands().startService(service, api));
            }) });
        add({ QStringLiteral("POST"), u'/' + service + QStringLiteral("/stop"), Scope::Trade,
            QStringLiteral("Stop the %1 service").arg(service), {}, openObject(QStringLiteral("service status")), {},
            false, withEngine([service, api](TradingEngine &e, const Request &r) {
                if (auto bad = onlyFields(r.body, {}))
                    return *bad;
                return fromResult(e.commands().stopService(service, api));
            }) });
        add({ QStringLiteral("GET"), u'/' + service + QStringLiteral("/status"), Scope::Read,
            QStringLiteral("Status of the %1 service").arg(service), {},
            openObject(QStringLiteral("{name, running, busy, period_sec, next_run_in_ms, last_run, ...}")), {}, false,
            withEngine(
                [service](TradingEngine &e, const Request &) { return fromResult(e.services().status(service)); }) });
    }

    // ---- strategies ---------------------------------------------------------------------------
    add({ QStringLiteral("GET"), QStringLiteral("/strategies"), Scope::Read,
        QStringLiteral("Strategy types (with their parameters) and the configured strategies"), {},
        object(
            { { QStringLiteral("types"), type("array") }, { QStringLiteral("strategies"), type("array") } }, {}, false),
        {}, false, withDb([](Database &db, const Request &) {
            QJsonArray types;
            for (const auto &info : Strategies::StrategyRegistry::types())
                types.append(info.toJson());
            auto rows = StrategyRepository(db).list();
            if (!rows)
                return Reply::error(500, rows.error().code, rows.error().message);
            return Reply::ok(QJsonObject {
                { QStringLiteral("types"), types }, { QStringLiteral("strategies"), Storage::toJsonArray(*rows) } });
        }) });
    add({ QStringLiteral("POST"), QStringLiteral("/strategies/{type}/configure"), Scope::Trade,
        QStringLiteral("Set a strategy type's parameters (validated; creates the strategy if there is none)"),
        object({ { QStringLiteral("parameters"), openObject(QStringLiteral("{name: value}, see GET /strategies")) } },
            { QStringLiteral("parameters") }),
        openObject(QStringLiteral("the strategy")), {}, false, withEngine([api](TradingEngine &e, const Request &r) {
            if (auto bad = onlyFields(r.body, { QStringLiteral("parameters") }))
                return *bad;
            if (!r.body.value(QStringLiteral("parameters")).isObject())
                return invalidField(QStringLiteral("parameters"), tr("an object {name: value} is required"));
            return fromResult(e.commands().configureStrategy(
                r.params.value(QStringLiteral("type")), r.body.value(QStringLiteral("parameters")).toObject(), api));
        }) });

    // ---- watchlist ----------------------------------------------------------------------------
    add({ QStringLiteral("GET"), QStringLiteral("/watchlist"), Scope::Read, QStringLiteral("The active watchlist"), {},
        arrayOf(QStringLiteral("stocks"), QStringLiteral("watchlist rows")), {}, false,
        withDb([](Database &db, const Request &) {
            return listReply(QStringLiteral("stocks"), WatchlistRepository(db).listActive());
        }) });
    add({ QStringLiteral("POST"), QStringLiteral("/watchlist/add"), Scope::Trade,
        QStringLiteral("Add a stock to the watchlist"),
        object({ { QStringLiteral("code"), codeSchema() }, { QStringLiteral("name"), type("string") } },
            { QStringLiteral("code") }),
        openObject(QStringLiteral("the watchlist row")), {}, false,
        withEngine([api](TradingEngine &e, const Request &r) {
            if (auto bad = onlyFields(r.body, { QStringLiteral("code"), QStringLiteral("name") }))
                return *bad;
            QString c;
            if (auto bad = code(r.body.value(QStringLiteral("code")), QStringLiteral("code"), &c))
                return *bad;
            const QJsonValue name = r.body.value(QStringLiteral("name"));
            if (!name.isUndefined() && !name.isString())
                return invalidField(QStringLiteral("name"), tr("a string is required"));
            return fromResult(e.commands().addToWatchlist(c, name.toString(), api));
        }) });
    add({ QStringLiteral("DELETE"), QStringLiteral("/watchlist/{code}"), Scope::Trade,
        QStringLiteral("Remove a stock from the watchlist"), {}, openObject(QStringLiteral("the removed row")), {},
        false, withEngine([api](TradingEngine &e, const Request &r) {
            QString c;
            if (auto bad = code(r.params.value(QStringLiteral("code")), QStringLiteral("code"), &c))
                return *bad;
            return fromResult(e.commands().removeFromWatchlist(c, api));
        }) });
    m_routes.setKnownCode(QStringLiteral("POST"), v1 + QStringLiteral("/watchlist/add"), QStringLiteral("body:code"));
    add({ QStringLiteral("POST"), QStringLiteral("/watchlist/sync/start"), Scope::Trade,
        QStringLiteral("Synchronise the watchlist with the condition results now"), {},
        openObject(QStringLiteral("sync result")), {}, false, withEngine([api](TradingEngine &e, const Request &r) {
            if (auto bad = onlyFields(r.body, {}))
                return *bad;
            return fromResult(e.commands().syncWatchlistNow(api));
        }) });

    // ---- trading ------------------------------------------------------------------------------
    add({ QStringLiteral("POST"), QStringLiteral("/trading/buy"), Scope::Trade,
        QStringLiteral("Manual buy: a signal that goes through the risk guard to an order, like the UI's"),
        object({ { QStringLiteral("code"), codeSchema() },
                   { QStringLiteral("quantity"), positiveInt(QStringLiteral("shares (or amount)")) },
                   { QStringLiteral("amount"), positiveInt(QStringLiteral("KRW (or quantity)")) },
                   { QStringLiteral("order_type"),
                       QJsonObject { { QStringLiteral("type"), QStringLiteral("string") },
                           { QStringLiteral("enum"),
                               QJsonArray { QStringLiteral("limit"), QStringLiteral("market") } } } },
                   { QStringLiteral("price"),
                       positiveInt(QStringLiteral("limit price on the KRX tick; default best ask")) } },
            { QStringLiteral("code") }),
        object({ { QStringLiteral("signal_id"), type("integer") }, { QStringLiteral("duplicate"), type("boolean") },
                   { QStringLiteral("signal"), type("object") } },
            {}, false),
        {}, true, withEngine([api](TradingEngine &e, const Request &r) {
            if (auto bad = onlyFields(r.body,
                    { QStringLiteral("code"), QStringLiteral("quantity"), QStringLiteral("amount"),
                        QStringLiteral("order_type"), QStringLiteral("price") }))
                return *bad;
            TradingCommands::BuyCommand c;
            if (auto bad = code(r.body.value(QStringLiteral("code")), QStringLiteral("code"), &c.code))
                return *bad;
            if (auto bad
                = positive(r.body.value(QStringLiteral("quantity")), QStringLiteral("quantity"), &c.quantity, false))
                return *bad;
            if (auto bad = positive(r.body.value(QStringLiteral("amount")), QStringLiteral("amount"), &c.amount, false))
                return *bad;
            if (c.quantity.has_value() == c.amount.has_value())
                return invalidField(QStringLiteral("quantity"), tr("give either quantity or amount"));
            if (auto bad = orderType(r.body.value(QStringLiteral("order_type")), Trading::OrderType::Limit, &c.type))
                return *bad;
            if (auto bad = positive(r.body.value(QStringLiteral("price")), QStringLiteral("price"), &c.price, false))
                return *bad;
            c.clientOrderId = QString::fromUtf8(r.idempotencyKey);
            return fromResult(e.commands().buy(c, api));
        }) });
    add({ QStringLiteral("POST"), QStringLiteral("/trading/sell"), Scope::Trade,
        QStringLiteral("Manual sell of a held stock through the exit path"),
        object({ { QStringLiteral("code"), codeSchema() },
                   { QStringLiteral("quantity"), positiveInt(QStringLiteral("shares; omitted = all held")) },
                   { QStringLiteral("order_type"),
                       QJsonObject { { QStringLiteral("type"), QStringLiteral("string") },
                           { QStringLiteral("enum"),
                               QJsonArray { QStringLiteral("limit"), QStringLiteral("market") } } } },
                   { QStringLiteral("price"), positiveInt(QStringLiteral("limit price (limit orders only)")) } },
            { QStringLiteral("code") }),
        openObject(QStringLiteral("{sell_order}")), {}, true, withEngine([api](TradingEngine &e, const Request &r) {
            if (auto bad = onlyFields(r.body,
                    { QStringLiteral("code"), QStringLiteral("quantity"), QStringLiteral("order_type"),
                        QStringLiteral("price") }))
                return *bad;
            TradingCommands::SellCommand c;
            if (auto bad = code(r.body.value(QStringLiteral("code")), QStringLiteral("code"), &c.code))
                return *bad;
            std::optional<qint64> quantity;
            if (auto bad
                = positive(r.body.value(QStringLiteral("quantity")), QStringLiteral("quantity"), &quantity, false))
                return *bad;
            c.quantity = quantity.value_or(0);
            if (auto bad = orderType(r.body.value(QStringLiteral("order_type")), Trading::OrderType::Market, &c.type))
                return *bad;
            if (auto bad = positive(r.body.value(QStringLiteral("price")), QStringLiteral("price"), &c.price, false))
                return *bad;
            return fromResult(e.commands().sell(c, api));
        }) });
    m_routes.setKnownCode(QStringLiteral("POST"), v1 + QStringLiteral("/trading/buy"), QStringLiteral("body:code"));
    m_routes.setKnownCode(QStringLiteral("POST"), v1 + QStringLiteral("/trading/sell"), QStringLiteral("body:code"));
    add({ QStringLiteral("GET"), QStringLiteral("/trading/settings"), Scope::Read,
        QStringLiteral("The automated-trading settings"), {}, openObject(QStringLiteral("settings")), {}, false,
        withEngine([](TradingEngine &e, const Request &) { return Reply::ok(e.commands().tradingSettings()); }) });
    add({ QStringLiteral("POST"), QStringLiteral("/trading/settings"), Scope::Trade,
        QStringLiteral("Change automated-trading settings (validated, all or nothing)"),
        openObject(QStringLiteral("{auto_trade_enabled, max_invest_amount, stop_loss_rate, ...}")),
        openObject(QStringLiteral("the settings after the change")), {}, false,
        withEngine([api](TradingEngine &e, const Request &r) {
            if (r.body.isEmpty())
                return invalidField(QStringLiteral("body"), tr("at least one setting is required"));
            return fromResult(e.commands().updateTradingSettings(r.body, api));
        }) });
    add({ QStringLiteral("GET"), QStringLiteral("/positions"), Scope::Read, QStringLiteral("Live positions"), {},
        arrayOf(QStringLiteral("positions"), QStringLiteral("position rows")), {}, false,
        withDb([](Database &db, const Request &) {
            return listReply(QStringLiteral("positions"), PositionRepository(db).listActive());
        }) });

    // ---- orders -------------------------------------------------------------------------------
    add({ QStringLiteral("GET"), QStringLiteral("/orders"), Scope::Read,
        QStringLiteral("Orders of a trading date (default today), or in a state"), {},
        arrayOf(QStringLiteral("orders"), QStringLiteral("order rows")),
        { { QStringLiteral("state"), QStringLiteral("an order state, e.g. ACCEPTED, FILLED, UNKNOWN") },
            { QStringLiteral("date"), QStringLiteral("trading date YYYY-MM-DD (default today)") } },
        false, withDb([this](Database &db, const Request &r) {
            OrderRepository orders(db);
            if (r.query.hasQueryItem(QStringLiteral("state"))) {
                const auto state = Storage::enumFromText<Storage::OrderState>(
                    r.query.queryItemValue(QStringLiteral("state")).toUpper());
                if (!state)
                    return invalidField(QStringLiteral("state"), tr("not an order state"));
                return listReply(QStringLiteral("orders"), orders.listByState(*state));
            }
            QString date = Krx::tradingDateString(m_deps.marketClock->nowMs());
            if (r.query.hasQueryItem(QStringLiteral("date"))) {
                if (auto bad = dateText(r.query.queryItemValue(QStringLiteral("date")), QStringLiteral("date"), &date))
                    return *bad;
            }
            return listReply(QStringLiteral("orders"), orders.listForDate(date));
        }) });
    add({ QStringLiteral("POST"), QStringLiteral("/orders/{id}/cancel"), Scope::Trade,
        QStringLiteral("Cancel an open order"), {}, openObject(QStringLiteral("{order}")), {}, false,
        withEngine([api](TradingEngine &e, const Request &r) {
            qint64 id = 0;
            if (auto bad = positiveText(r.params.value(QStringLiteral("id")), QStringLiteral("id"), &id))
                return *bad;
            return fromResult(e.commands().cancelOrder(id, api));
        }) });

    // ---- risk ---------------------------------------------------------------------------------
    add({ QStringLiteral("GET"), QStringLiteral("/risk/status"), Scope::Read,
        QStringLiteral("Kill switch, engine state and today's account figures"), {},
        object({ { QStringLiteral("kill_switch"), type("object") }, { QStringLiteral("engine"), type("object") },
                   { QStringLiteral("account"), type("object") } },
            {}, false),
        {}, false, withEngine([](TradingEngine &e, const Request &) {
            return Reply::ok(QJsonObject { { QStringLiteral("kill_switch"), e.killSwitch().state().toJson() },
                { QStringLiteral("engine"), e.status() }, { QStringLiteral("account"), e.account().summary() } });
        }) });
    add({ QStringLiteral("POST"), QStringLiteral("/risk/kill-switch"), Scope::Trade,
        QStringLiteral("Engage the kill switch"),
        object({ { QStringLiteral("mode"),
                     QJsonObject { { QStringLiteral("type"), QStringLiteral("string") },
                         { QStringLiteral("enum"),
                             QJsonArray { QStringLiteral("NO_NEW_ENTRIES"), QStringLiteral("REDUCE_ONLY"),
                                 QStringLiteral("CANCEL_ALL"), QStringLiteral("FLATTEN_ALL") } } } },
                   { QStringLiteral("reason"), type("string") } },
            { QStringLiteral("mode") }),
        openObject(QStringLiteral("the kill switch")), {}, false, withEngine([api](TradingEngine &e, const Request &r) {
            if (auto bad = onlyFields(r.body, { QStringLiteral("mode"), QStringLiteral("reason") }))
                return *bad;
            const QJsonValue m = r.body.value(QStringLiteral("mode"));
            const auto mode = m.isString() ? Trading::killSwitchModeFromText(m.toString().toUpper()) : std::nullopt;
            if (!mode || *mode == Trading::KillSwitchMode::Off)
                return invalidField(QStringLiteral("mode"),
                    tr("NO_NEW_ENTRIES, REDUCE_ONLY, CANCEL_ALL or FLATTEN_ALL (POST /risk/resume turns it off)"));
            const QJsonValue reason = r.body.value(QStringLiteral("reason"));
            if (!reason.isUndefined() && !reason.isString())
                return invalidField(QStringLiteral("reason"), tr("a string is required"));
            return fromResult(e.commands().engageKillSwitch(
                *mode, reason.isString() ? reason.toString() : tr("engaged through the control API"), api));
        }) });
    add({ QStringLiteral("POST"), QStringLiteral("/risk/resume"), Scope::Trade,
        QStringLiteral("Turn the kill switch off"), {}, openObject(QStringLiteral("the kill switch")), {}, false,
        withEngine([api](TradingEngine &e, const Request &r) {
            if (auto bad = onlyFields(r.body, {}))
                return *bad;
            return fromResult(e.commands().resume(api));
        }) });

    // ---- market recorder (issue 12) -----------------------------------------------------------
    // The same path as the desktop UI's Record toggle (RecorderControl): record/enabled is written as
    // the settings are, the core's recorder follows it, and the switch is audited with the actor.
    auto recorderControl = [this] {
        RecorderControl::Deps d;
        d.settings = m_deps.settings;
        d.database = m_deps.database;
        d.activity = m_deps.activity;
        d.events = m_deps.events;
        d.recorder = m_deps.recorder;
        d.directory = m_deps.recordingsDir;
        return RecorderControl(d);
    };
    const QJsonObject recorderSchema = object(
        { { QStringLiteral("enabled"), type("boolean", QStringLiteral("the setting record/enabled")) },
            { QStringLiteral("recording"),
                type("boolean", QStringLiteral("the recorder runs (enabled and a broker session exists)")) },
            { QStringLiteral("file"), type("string", QStringLiteral("the day's file; null before the first write")) },
            { QStringLiteral("directory"), type("string") },
            { QStringLiteral("cap_bytes"), type("integer", QStringLiteral("the oldest files go beyond this")) },
            { QStringLiteral("frames"), type("integer", QStringLiteral("realtime frames handed in")) },
            { QStringLiteral("records"), type("integer") }, { QStringLiteral("blocks"), type("integer") },
            { QStringLiteral("bytes_written"), type("integer", QStringLiteral("compressed bytes written to files")) },
            { QStringLiteral("raw_bytes"), type("integer") }, { QStringLiteral("files_deleted"), type("integer") },
            { QStringLiteral("errors"), type("integer") }, { QStringLiteral("last_error"), type("string") } },
        {}, false);
    add({ QStringLiteral("GET"), QStringLiteral("/recorder"), Scope::Read,
        QStringLiteral("The market recorder: whether it is on and records, its file and counters"), {}, recorderSchema,
        {}, false, [recorderControl](const Request &) { return Reply::ok(recorderControl().status()); } });
    add({ QStringLiteral("PUT"), QStringLiteral("/recorder"), Scope::Trade,
        QStringLiteral("Switch market data recording on or off (the setting record/enabled; audited)"),
        object({ { QStringLiteral("enabled"), type("boolean") } }, { QStringLiteral("enabled") }), recorderSchema, {},
        false, [recorderControl, api](const Request &r) {
            if (auto bad = onlyFields(r.body, { QStringLiteral("enabled") }))
                return *bad;
            const QJsonValue enabled = r.body.value(QStringLiteral("enabled"));
            if (!enabled.isBool())
                return invalidField(QStringLiteral("enabled"), tr("true or false is required"));
            return fromResult(recorderControl().setEnabled(enabled.toBool(), api));
        } });

    // ---- account and signals ------------------------------------------------------------------
    add({ QStringLiteral("GET"), QStringLiteral("/account/balance"), Scope::Read,
        QStringLiteral("Deposit, orderable cash, today's realized and unrealized P&L"), {},
        openObject(QStringLiteral("{deposit, orderable, d2_deposit, realized_today, unrealized, ...}")), {}, false,
        withEngine([](TradingEngine &e, const Request &) { return Reply::ok(e.account().summary()); }) });
    add({ QStringLiteral("GET"), QStringLiteral("/signals/pending"), Scope::Read,
        QStringLiteral("Buy and strategy signals waiting to be acted on"), {},
        object(
            { { QStringLiteral("buy_signals"), type("array") }, { QStringLiteral("strategy_signals"), type("array") } },
            {}, false),
        {}, false, withDb([](Database &db, const Request &) {
            Storage::SignalFilter filter;
            filter.status = Storage::SignalStatus::Pending;
            SignalRepository repo(db);
            auto buys = repo.listPendingBuy(filter);
            if (!buys)
                return Reply::error(500, buys.error().code, buys.error().message);
            auto strategy = repo.listStrategySignals(filter);
            if (!strategy)
                return Reply::error(500, strategy.error().code, strategy.error().message);
            return Reply::ok(QJsonObject { { QStringLiteral("buy_signals"), Storage::toJsonArray(*buys) },
                { QStringLiteral("strategy_signals"), Storage::toJsonArray(*strategy) } });
        }) });
    add({ QStringLiteral("GET"), QStringLiteral("/signals/ledger"), Scope::Read,
        QStringLiteral("The decision ledger: why each signal was or was not traded"), {},
        arrayOf(QStringLiteral("decisions"), QStringLiteral("decision rows, oldest first")),
        { { QStringLiteral("code"), QStringLiteral("stock code") },
            { QStringLiteral("date"), QStringLiteral("trading date YYYY-MM-DD") },
            { QStringLiteral("limit"), QStringLiteral("at most this many (default 500)") } },
        false, withDb([](Database &db, const Request &r) {
            Storage::DecisionFilter filter;
            if (r.query.hasQueryItem(QStringLiteral("code"))) {
                QString c;
                if (auto bad = code(r.query.queryItemValue(QStringLiteral("code")), QStringLiteral("code"), &c))
                    return *bad;
                filter.code = c;
            }
            if (r.query.hasQueryItem(QStringLiteral("date"))) {
                QString d;
                if (auto bad = dateText(r.query.queryItemValue(QStringLiteral("date")), QStringLiteral("date"), &d))
                    return *bad;
                filter.tradingDate = d;
            }
            if (r.query.hasQueryItem(QStringLiteral("limit"))) {
                qint64 limit = 0;
                if (auto bad
                    = positiveText(r.query.queryItemValue(QStringLiteral("limit")), QStringLiteral("limit"), &limit))
                    return *bad;
                filter.limit = int(std::min<qint64>(limit, 5000));
            }
            return listReply(QStringLiteral("decisions"), DecisionRepository(db).list(filter));
        }) });

    add({ QStringLiteral("GET"), QStringLiteral("/account/holdings"), Scope::Read,
        QStringLiteral("Live positions with their current price and P&L, and the account summary"), {},
        object({ { QStringLiteral("holdings"), type("array") }, { QStringLiteral("summary"), type("object") } }, {},
            false),
        {}, false, withEngine([this](TradingEngine &e, const Request &) {
            auto rows = PositionRepository(*m_deps.database).listActive();
            if (!rows)
                return Reply::error(500, rows.error().code, rows.error().message);
            return Reply::ok(QJsonObject { { QStringLiteral("holdings"), Storage::toJsonArray(*rows) },
                { QStringLiteral("summary"), e.account().summary() } });
        }) });
    add({ QStringLiteral("GET"), QStringLiteral("/account/profit"), Scope::Read,
        QStringLiteral("Realized P&L over trading dates (default today) and the positions closed in them"), {},
        object({ { QStringLiteral("from"), type("string") }, { QStringLiteral("to"), type("string") },
                   { QStringLiteral("realized"), type("integer") },
                   { QStringLiteral("closed_positions"), type("array") } },
            {}, false),
        { { QStringLiteral("from"), QStringLiteral("first trading date YYYY-MM-DD (default today)") },
            { QStringLiteral("to"), QStringLiteral("last trading date YYYY-MM-DD (default today)") } },
        false, withDb([this](Database &db, const Request &r) {
            QString from, to;
            if (auto bad = dateRange(r.query, Krx::tradingDateString(m_deps.marketClock->nowMs()), &from, &to))
                return *bad;
            const qint64 fromMs = kstMidnightMs(from);
            const qint64 toMs = kstMidnightMs(to) + 24LL * 60 * 60 * 1000;
            PositionRepository positions(db);
            auto realized = positions.realizedBetween(fromMs, toMs);
            if (!realized)
                return Reply::error(500, realized.error().code, realized.error().message);
            auto closed = positions.listClosed(fromMs, 5000);
            if (!closed)
                return Reply::error(500, closed.error().code, closed.error().message);
            QJsonArray rows;
            for (const auto &p : *closed) {
                if (!p.sellTimeMs || *p.sellTimeMs < toMs)
                    rows.append(Storage::toJson(p));
            }
            return Reply::ok(QJsonObject { { QStringLiteral("from"), from }, { QStringLiteral("to"), to },
                { QStringLiteral("realized"), *realized }, { QStringLiteral("closed_positions"), rows } });
        }) });
    add({ QStringLiteral("GET"), QStringLiteral("/signals/statistics"), Scope::Read,
        QStringLiteral("Signal counts by kind, type and status over trading dates (default today)"), {},
        arrayOf(QStringLiteral("counts"), QStringLiteral("{kind, signal_type, status, count}")),
        { { QStringLiteral("from"), QStringLiteral("first date YYYY-MM-DD (default today)") },
            { QStringLiteral("to"), QStringLiteral("last date YYYY-MM-DD (default today)") } },
        false, withDb([this](Database &db, const Request &r) {
            QString from, to;
            if (auto bad = dateRange(r.query, Krx::tradingDateString(m_deps.marketClock->nowMs()), &from, &to))
                return *bad;
            auto counts = SignalRepository(db).statistics(from, to);
            if (!counts)
                return Reply::error(500, counts.error().code, counts.error().message);
            QJsonArray rows;
            for (const auto &c : *counts) {
                rows.append(QJsonObject { { QStringLiteral("kind"),
                                              c.kind == Storage::SignalKind::PendingBuy ? QStringLiteral("pending_buy")
                                                                                        : QStringLiteral("strategy") },
                    { QStringLiteral("signal_type"), c.signalType },
                    { QStringLiteral("status"), Storage::enumText(c.status) }, { QStringLiteral("count"), c.count } });
            }
            return Reply::ok(QJsonObject {
                { QStringLiteral("from"), from }, { QStringLiteral("to"), to }, { QStringLiteral("counts"), rows } });
        }) });
    add({ QStringLiteral("GET"), QStringLiteral("/signals/by-strategy/{id}"), Scope::Read,
        QStringLiteral("The signals of one strategy (newest limit, default 1000)"), {},
        arrayOf(QStringLiteral("signals"), QStringLiteral("strategy signal rows")),
        { { QStringLiteral("date"), QStringLiteral("detected date YYYY-MM-DD") } }, false,
        withDb([](Database &db, const Request &r) {
            qint64 id = 0;
            if (auto bad = positiveText(r.params.value(QStringLiteral("id")), QStringLiteral("id"), &id))
                return *bad;
            Storage::SignalFilter filter;
            if (r.query.hasQueryItem(QStringLiteral("date"))) {
                QString d;
                if (auto bad = dateText(r.query.queryItemValue(QStringLiteral("date")), QStringLiteral("date"), &d))
                    return *bad;
                filter.detectedDate = d;
            }
            return listReply(QStringLiteral("signals"), SignalRepository(db).listStrategySignals(filter, id));
        }) });

    registerDataRoutes();
}

// ---- news, stock info, exports, events -------------------------------------------------------------

namespace {

QString csvField(const QJsonValue &v)
{
    QString s;
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return {};
    case QJsonValue::Bool:
        s = v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        break;
    case QJsonValue::Double: {
        const double d = v.toDouble();
        s = d == std::floor(d) && std::abs(d) < 1e15 ? QString::number(qint64(d)) : QString::number(d, 'g', 15);
        break;
    }
    case QJsonValue::String:
        s = v.toString();
        break;
    default:
        s = QString::fromUtf8(v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                                          : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    }
    // RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. A leading
    // = + - @ is kept as it is (the file is data; spreadsheet users import it as text).
    if (s.contains(u',') || s.contains(u'"') || s.contains(u'\n') || s.contains(u'\r'))
        return u'"' + QString(s).replace(u'"', QStringLiteral("\"\"")) + u'"';
    return s;
}

// RFC 4180 text: a header line of `columns`, then one line per row, CRLF line ends, UTF-8.
QByteArray toCsv(const QStringList &columns, const QList<QJsonObject> &rows)
{
    QString out;
    QStringList header;
    for (const QString &c : columns)
        header << csvField(c);
    out += header.join(u',') + QStringLiteral("\r\n");
    for (const QJsonObject &row : rows) {
        QStringList fields;
        for (const QString &c : columns)
            fields << csvField(row.value(c));
        out += fields.join(u',') + QStringLiteral("\r\n");
    }
    return out.toUtf8();
}

// Column order of a record's JSON (the keys of a default record; QJsonObject sorts them).
template<typename Record> QStringList columnsOf(const QStringList &leading = {})
{
    QStringList columns = leading;
    for (const QString &k : Storage::toJson(Record {}).keys()) {
        if (!columns.contains(k))
            columns << k;
    }
    return columns;
}

QJsonValue kstTime(qint64 ms)
{
    return Storage::kstTimestamp(ms);
}

int newsStatus(const QString &code)
{
    if (code == u"naver_quota" || code == u"naver_rate_limit")
        return 429;
    if (code == u"naver_keys_missing")
        return 409;
    if (code.endsWith(u"_timeout"))
        return 504;
    return 502; // Naver answered wrongly or not at all
}

Reply newsError(const Error &e)
{
    return Reply::error(newsStatus(e.code), e.code, e.message);
}

// An optional integer query item in [min, max].
std::optional<Reply> intQuery(const QUrlQuery &query, const QString &name, int min, int max, int *out)
{
    if (!query.hasQueryItem(name))
        return std::nullopt;
    bool ok = false;
    const int v = query.queryItemValue(name).toInt(&ok);
    if (!ok || v < min || v > max)
        return invalidField(name,
            QCoreApplication::translate("ControlServer", "an integer from %1 to %2 is required").arg(min).arg(max));
    *out = v;
    return std::nullopt;
}

} // namespace

void ControlServer::registerDataRoutes()
{
    const QString v1 = QStringLiteral("/api/v1");
    auto engineOf = [this]() -> TradingEngine * { return m_deps.engine ? m_deps.engine() : nullptr; };
    auto add = [this, v1](Route route) {
        route.pattern = v1 + route.pattern;
        [[maybe_unused]] const bool added = addRoute(std::move(route));
        Q_ASSERT(added);
    };
    auto addAsync = [this, v1](Route route, AsyncHandler handler) {
        route.pattern = v1 + route.pattern;
        [[maybe_unused]] const bool added = addAsyncRoute(std::move(route), std::move(handler));
        Q_ASSERT(added);
    };

    // ---- news and the discussion board (NewsService: one Naver client for the whole app) -------
    addAsync({ QStringLiteral("GET"), QStringLiteral("/stocks/{code}/news"), Scope::Read,
                 QStringLiteral("Naver news about a stock, newest first (times ISO 8601, +09:00)"), {},
                 object({ { QStringLiteral("code"), type("string") }, { QStringLiteral("query"), type("string") },
                            { QStringLiteral("total"), type("integer") }, { QStringLiteral("start"), type("integer") },
                            { QStringLiteral("display"), type("integer") },
                            { QStringLiteral("from_cache"), type("boolean") },
                            { QStringLiteral("items"),
                                type("array",
                                    QStringLiteral("{title, description, link, "
                                                   "original_link, published_at}")) } },
                     {}, false),
                 { { QStringLiteral("display"), QStringLiteral("items per page, 1-100 (default 10)") },
                     { QStringLiteral("page"), QStringLiteral("page, 1-100 (default 1)") } },
                 false, {} },
        [this](const Request &r, Respond respond) {
            QString c;
            if (auto bad = code(r.params.value(QStringLiteral("code")), QStringLiteral("code"), &c))
                return respond(*bad);
            int display = 10;
            int page = 1;
            if (auto bad = intQuery(r.query, QStringLiteral("display"), 1, 100, &display))
                return respond(*bad);
            if (auto bad = intQuery(r.query, QStringLiteral("page"), 1, 100, &page))
                return respond(*bad);
            if ((page - 1) * display + 1 > 1000)
                return respond(invalidField(QStringLiteral("page"), tr("Naver serves the first 1000 results only")));
            NewsService *news = m_deps.news ? m_deps.news() : nullptr;
            if (!news)
                return respond(notReady());
            const QString query = news->stockName(c);
            news->news(
                c, display, this,
                [respond, c, query](const Result<News::NewsResult> &result) {
                    if (!result)
                        return respond(newsError(result.error()));
                    QJsonArray items;
                    for (const News::NewsItem &i : result->items) {
                        items.append(QJsonObject { { QStringLiteral("title"), i.title },
                            { QStringLiteral("description"), i.description }, { QStringLiteral("link"), i.link },
                            { QStringLiteral("original_link"), i.originalLink },
                            { QStringLiteral("published_at"), kstTime(i.publishedMs) } });
                    }
                    respond(Reply::ok(QJsonObject { { QStringLiteral("code"), c }, { QStringLiteral("query"), query },
                        { QStringLiteral("total"), result->total }, { QStringLiteral("start"), result->start },
                        { QStringLiteral("display"), result->display },
                        { QStringLiteral("last_build_at"), kstTime(result->lastBuildMs) },
                        { QStringLiteral("from_cache"), result->fromCache }, { QStringLiteral("items"), items } }));
                },
                (page - 1) * display + 1);
        });
    addAsync({ QStringLiteral("GET"), QStringLiteral("/stocks/{code}/discussions"), Scope::Read,
                 QStringLiteral("A page of the Naver Finance discussion board (종목토론실), newest first"), {},
                 object({ { QStringLiteral("code"), type("string") }, { QStringLiteral("page"), type("integer") },
                            { QStringLiteral("last_page"), type("integer") },
                            { QStringLiteral("from_cache"), type("boolean") },
                            { QStringLiteral("posts"),
                                type("array",
                                    QStringLiteral("{nid, title, url, author, posted_at, "
                                                   "views, likes, dislikes, replies, "
                                                   "hidden_by_clean_bot}")) } },
                     {}, false),
                 { { QStringLiteral("page"), QStringLiteral("board page, 1-1000 (default 1)") } }, false, {} },
        [this](const Request &r, Respond respond) {
            QString c;
            if (auto bad = code(r.params.value(QStringLiteral("code")), QStringLiteral("code"), &c))
                return respond(*bad);
            int page = 1;
            if (auto bad = intQuery(r.query, QStringLiteral("page"), 1, 1000, &page))
                return respond(*bad);
            NewsService *news = m_deps.news ? m_deps.news() : nullptr;
            if (!news)
                return respond(notReady());
            news->discussions(c, page, this, [respond, c](const Result<News::BoardPage> &result) {
                if (!result)
                    return respond(newsError(result.error()));
                QJsonArray posts;
                for (const News::BoardPost &p : result->posts) {
                    posts.append(QJsonObject { { QStringLiteral("nid"), p.nid }, { QStringLiteral("title"), p.title },
                        { QStringLiteral("url"), p.url.toString() }, { QStringLiteral("author"), p.author },
                        { QStringLiteral("posted_at"), kstTime(p.postedMs) }, { QStringLiteral("views"), p.views },
                        { QStringLiteral("likes"), p.likes }, { QStringLiteral("dislikes"), p.dislikes },
                        { QStringLiteral("replies"), p.replies },
                        { QStringLiteral("hidden_by_clean_bot"), p.hiddenByCleanBot } });
                }
                respond(Reply::ok(QJsonObject { { QStringLiteral("code"), c }, { QStringLiteral("page"), result->page },
                    { QStringLiteral("last_page"), result->lastPage },
                    { QStringLiteral("from_cache"), result->fromCache }, { QStringLiteral("posts"), posts } }));
            });
        });

    // ---- stock info (ka10001 through the engine; feeds the InstrumentCache) --------------------
    addAsync({ QStringLiteral("GET"), QStringLiteral("/stocks/{code}/info"), Scope::Read,
                 QStringLiteral("Name, last price, change, today's limits and base price, and company figures "
                                "(broker TR ka10001)"),
                 {},
                 object({ { QStringLiteral("code"), type("string") }, { QStringLiteral("name"), type("string") },
                            { QStringLiteral("price"), type("integer") }, { QStringLiteral("change"), type("integer") },
                            { QStringLiteral("upper_limit"), type("integer") },
                            { QStringLiteral("lower_limit"), type("integer") },
                            { QStringLiteral("base_price"), type("integer") } },
                     {}, false),
                 {}, false, {} },
        [this, engineOf](const Request &r, Respond respond) {
            QString c;
            if (auto bad = code(r.params.value(QStringLiteral("code")), QStringLiteral("code"), &c))
                return respond(*bad);
            TradingEngine *e = engineOf();
            if (!e)
                return respond(notReady());
            QPointer<TradingEngine> engine(e);
            QPointer<ControlServer> self(this);
            e->api().stockInfo(c, this, [self, respond, c, engine](const KiwoomResult<Kiwoom::StockInfo> &result) {
                if (!result) {
                    const KiwoomError &err = result.error();
                    if (err.kind == KiwoomError::Kind::Api || err.kind == KiwoomError::Kind::Invalid)
                        return respond(invalidField(QStringLiteral("code"),
                            tr("%1 is not a stock code the broker knows (%2)").arg(c, err.message)));
                    return respond(Reply::error(err.kind == KiwoomError::Kind::RateLimited ? 429 : 409,
                        QStringLiteral("broker_unavailable"), err.describe()));
                }
                const Kiwoom::StockInfo &i = *result;
                QString kind = QStringLiteral("stock");
                QString tradingDate;
                if (engine) {
                    if (const auto cached = engine->instruments().get(c)) {
                        kind = cached->kind == Krx::Instrument::Stock ? QStringLiteral("stock") : QStringLiteral("etf");
                        tradingDate = cached->tradingDate;
                    }
                }
                QJsonObject info { { QStringLiteral("code"), c }, { QStringLiteral("name"), i.name },
                    { QStringLiteral("kind"), kind },
                    { QStringLiteral("trading_date"), tradingDate.isEmpty() ? QJsonValue() : QJsonValue(tradingDate) },
                    { QStringLiteral("price"), i.price }, { QStringLiteral("change"), i.change },
                    { QStringLiteral("change_rate"), i.changeRate }, { QStringLiteral("volume"), i.volume },
                    { QStringLiteral("open"), i.open }, { QStringLiteral("high"), i.high },
                    { QStringLiteral("low"), i.low }, { QStringLiteral("base_price"), i.basePrice },
                    { QStringLiteral("upper_limit"), i.upperLimit }, { QStringLiteral("lower_limit"), i.lowerLimit },
                    { QStringLiteral("face_value"), i.faceValue }, { QStringLiteral("market_cap_eok"), i.marketCapEok },
                    { QStringLiteral("floating_shares"), i.floatingShares },
                    { QStringLiteral("foreign_rate"), i.foreignRate }, { QStringLiteral("per"), i.per },
                    { QStringLiteral("pbr"), i.pbr }, { QStringLiteral("eps"), i.eps },
                    { QStringLiteral("roe"), i.roe }, { QStringLiteral("high_250"), i.high250 },
                    { QStringLiteral("low_250"), i.low250 }, { QStringLiteral("year_high"), i.yearHigh },
                    { QStringLiteral("year_low"), i.yearLow },
                    { QStringLiteral("settlement_month"), i.settlementMonth } };
                // The market (KOSPI, KOSDAQ, ...) and listing state come from ka10100; without it the
                // figures are answered with market null.
                RestClient *rest = self && self->m_deps.rest ? self->m_deps.rest() : nullptr;
                if (!rest) {
                    info.insert(QStringLiteral("market"), QJsonValue());
                    return respond(Reply::ok(info));
                }
                rest->stockListing(c, self, [respond, info](const KiwoomResult<Kiwoom::StockListing> &listing) mutable {
                    if (listing) {
                        info.insert(QStringLiteral("market"), listing->marketName);
                        info.insert(QStringLiteral("market_code"), listing->marketCode);
                        info.insert(QStringLiteral("sector"), listing->sectorName);
                        info.insert(QStringLiteral("listed_shares"), listing->listedShares);
                        info.insert(QStringLiteral("audit_info"), listing->auditInfo);
                        info.insert(QStringLiteral("order_warning"), listing->orderWarning);
                        info.insert(QStringLiteral("state"), QJsonArray::fromStringList(listing->state));
                    } else {
                        info.insert(QStringLiteral("market"), QJsonValue());
                    }
                    respond(Reply::ok(info));
                });
            });
        });

    // ---- CSV exports ---------------------------------------------------------------------------
    const QList<QPair<QString, QString>> rangeQuery {
        { QStringLiteral("from"), QStringLiteral("first trading date YYYY-MM-DD (default today)") },
        { QStringLiteral("to"), QStringLiteral("last trading date YYYY-MM-DD (default today; at most 366 days)") }
    };
    auto csvRoute = [this, add, rangeQuery](const QString &what, const QString &summary,
                        std::function<Reply(Database &, const QString &from, const QString &to)> fn) {
        Route route { QStringLiteral("GET"), QStringLiteral("/export/%1.csv").arg(what), Scope::Read, summary, {}, {},
            rangeQuery, false, [this, fn](const Request &r) -> Reply {
                if (!m_deps.database)
                    return notReady();
                QString from, to;
                if (auto bad = dateRange(r.query, Krx::tradingDateString(m_deps.marketClock->nowMs()), &from, &to))
                    return *bad;
                if (QDate::fromString(from, Qt::ISODate).daysTo(QDate::fromString(to, Qt::ISODate)) > 366)
                    return invalidField(QStringLiteral("from"), tr("at most 366 days per export"));
                return fn(*m_deps.database, from, to);
            } };
        route.contentType = QByteArrayLiteral("text/csv; charset=utf-8");
        add(std::move(route));
    };
    auto dates = [](const QString &from, const QString &to) {
        QStringList out;
        for (QDate d = QDate::fromString(from, Qt::ISODate); d <= QDate::fromString(to, Qt::ISODate); d = d.addDays(1))
            out << d.toString(Qt::ISODate);
        return out;
    };
    auto csvReply = [](const QStringList &columns, const QList<QJsonObject> &rows) {
        return Reply::binary(toCsv(columns, rows), QByteArrayLiteral("text/csv; charset=utf-8"));
    };
    csvRoute(QStringLiteral("orders"), QStringLiteral("Orders of trading dates as CSV (RFC 4180, UTF-8)"),
        [dates, csvReply](Database &db, const QString &from, const QString &to) {
            OrderRepository orders(db);
            QList<QJsonObject> rows;
            for (const QString &d : dates(from, to)) {
                auto list = orders.listForDate(d);
                if (!list)
                    return Reply::error(500, list.error().code, list.error().message);
                for (const auto &o : *list)
                    rows << Storage::toJson(o);
            }
            return csvReply(columnsOf<Storage::OrderRecord>({ QStringLiteral("id"), QStringLiteral("created_at"),
                                QStringLiteral("stock_code"), QStringLiteral("side"), QStringLiteral("quantity"),
                                QStringLiteral("price"), QStringLiteral("state") }),
                rows);
        });
    csvRoute(QStringLiteral("trades"),
        QStringLiteral("Fills (executions) of the orders of trading dates as CSV, with the order's stock and side"),
        [dates, csvReply](Database &db, const QString &from, const QString &to) {
            OrderRepository orders(db);
            QList<QJsonObject> rows;
            for (const QString &d : dates(from, to)) {
                auto list = orders.listForDate(d);
                if (!list)
                    return Reply::error(500, list.error().code, list.error().message);
                for (const auto &o : *list) {
                    if (o.filledQuantity <= 0)
                        continue;
                    auto fills = orders.executions(o.id);
                    if (!fills)
                        return Reply::error(500, fills.error().code, fills.error().message);
                    for (const auto &x : *fills) {
                        QJsonObject row = Storage::toJson(x);
                        row.insert(QStringLiteral("stock_code"), o.stockCode);
                        row.insert(QStringLiteral("stock_name"), o.stockName);
                        row.insert(QStringLiteral("side"), Storage::enumText(o.side));
                        row.insert(QStringLiteral("origin"), Storage::enumText(o.origin));
                        rows << row;
                    }
                }
            }
            std::sort(rows.begin(), rows.end(), [](const QJsonObject &a, const QJsonObject &b) {
                return a.value(QStringLiteral("executed_ms")).toDouble()
                    < b.value(QStringLiteral("executed_ms")).toDouble();
            });
            return csvReply(columnsOf<Storage::ExecutionRecord>({ QStringLiteral("id"), QStringLiteral("executed_at"),
                                QStringLiteral("stock_code"), QStringLiteral("stock_name"), QStringLiteral("side"),
                                QStringLiteral("quantity"), QStringLiteral("price"), QStringLiteral("fee"),
                                QStringLiteral("tax"), QStringLiteral("order_id"), QStringLiteral("origin") }),
                rows);
        });
    csvRoute(QStringLiteral("signals"),
        QStringLiteral("Buy and strategy signals detected on dates as CSV (kind column: pending_buy, strategy)"),
        [dates, csvReply](Database &db, const QString &from, const QString &to) {
            SignalRepository repo(db);
            QList<QJsonObject> rows;
            QStringList columns { QStringLiteral("kind") };
            for (const QString &c :
                columnsOf<Storage::PendingBuySignalRecord>() + columnsOf<Storage::StrategySignalRecord>()) {
                if (!columns.contains(c))
                    columns << c;
            }
            for (const QString &d : dates(from, to)) {
                Storage::SignalFilter filter;
                filter.detectedDate = d;
                filter.limit = 100000;
                auto buys = repo.listPendingBuy(filter);
                if (!buys)
                    return Reply::error(500, buys.error().code, buys.error().message);
                for (const auto &s : *buys) {
                    QJsonObject row = Storage::toJson(s);
                    row.insert(QStringLiteral("kind"), QStringLiteral("pending_buy"));
                    rows << row;
                }
                auto strategy = repo.listStrategySignals(filter);
                if (!strategy)
                    return Reply::error(500, strategy.error().code, strategy.error().message);
                for (const auto &s : *strategy) {
                    QJsonObject row = Storage::toJson(s);
                    row.insert(QStringLiteral("kind"), QStringLiteral("strategy"));
                    rows << row;
                }
            }
            return csvReply(columns, rows);
        });

    // ---- the event stream's address ------------------------------------------------------------
    add({ QStringLiteral("GET"), QStringLiteral("/events"), Scope::Read,
        QStringLiteral("Where the WebSocket event stream is: open \"websocket\" (same Bearer key; browsers may "
                       "pass ?token=KEY) to receive {\"seq\",\"type\",\"time\",\"data\"} events: order, fill, "
                       "signal, position, position_closed, kill_switch, service, engine, broker, risk_refusal, "
                       "command"),
        {},
        object({ { QStringLiteral("websocket"), type("string", QStringLiteral("ws://127.0.0.1:PORT/api/v1/events")) },
                   { QStringLiteral("last_seq"), type("integer") } },
            {}, false),
        {}, false, [this](const Request &) {
            if (eventsUrl().isEmpty())
                return Reply::error(409, QStringLiteral("events_unavailable"), tr("The event stream is not running."));
            return Reply::ok(QJsonObject { { QStringLiteral("websocket"), eventsUrl() },
                { QStringLiteral("last_seq"), m_deps.events ? m_deps.events->lastSeq() : 0 } });
        } });
}
