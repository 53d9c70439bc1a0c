// SPDX-License-Identifier: GPL-3.0-or-later
#include "simstatefile.h"

#include "simconfig.h"
#include "simuniverse.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <cmath>
#include <limits>

namespace {

const QString FORMAT = QStringLiteral("kiwoom-sim-state");

QString str(qint64 v)
{
    return QString::number(v);
}

QString isoDate(const QDate &d)
{
    return d.toString(Qt::ISODate);
}

QString sideName(SimSide side)
{
    return side == SimSide::Buy ? QStringLiteral("buy") : QStringLiteral("sell");
}

QString kindName(SimOrderKind kind)
{
    switch (kind) {
    case SimOrderKind::New:
        return QStringLiteral("new");
    case SimOrderKind::Modify:
        return QStringLiteral("modify");
    case SimOrderKind::Cancel:
        return QStringLiteral("cancel");
    }
    return {};
}

QString stateName(SimOrderState state)
{
    switch (state) {
    case SimOrderState::Open:
        return QStringLiteral("open");
    case SimOrderState::Filled:
        return QStringLiteral("filled");
    case SimOrderState::Cancelled:
        return QStringLiteral("cancelled");
    case SimOrderState::Replaced:
        return QStringLiteral("replaced");
    case SimOrderState::Done:
        return QStringLiteral("done");
    }
    return {};
}

thread_local const Sim::StockCodeScope *t_codes = nullptr;

QString codeOf(const QList<SimStockInfo> &u, int stock)
{
    if (t_codes)
        return t_codes->codeOf(stock);
    return stock >= 0 && stock < u.size() ? u.at(stock).code : QString();
}

// Strict field reader: remembers the first problem with its JSON path ("exchange.orders[3].qty")
// and returns a harmless default afterwards, so decoding reads straight through.
class Reader
{
public:
    QString error;
    // The configured universe (SimConfig::universeSize): codes outside it are unknown.
    const QList<SimStockInfo> *stocks = &Sim::universe();

    bool ok() const { return error.isEmpty(); }
    void fail(const QString &where, const QString &what)
    {
        if (error.isEmpty())
            error = where + QStringLiteral(": ") + what;
    }

    QJsonValue value(const QJsonObject &o, const QString &where, const char *key)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            fail(path(where, key), QStringLiteral("missing"));
        return v;
    }

    QJsonObject object(const QJsonObject &o, const QString &where, const char *key)
    {
        const QJsonValue v = value(o, where, key);
        if (!v.isUndefined() && !v.isNull() && !v.isObject())
            fail(path(where, key), QStringLiteral("not an object"));
        return v.toObject();
    }

    QJsonArray array(const QJsonObject &o, const QString &where, const char *key)
    {
        const QJsonValue v = value(o, where, key);
        if (!v.isUndefined() && !v.isNull() && !v.isArray())
            fail(path(where, key), QStringLiteral("not an array"));
        return v.toArray();
    }

    QJsonObject element(const QJsonArray &a, qsizetype i, const QString &where)
    {
        const QString at = where + QStringLiteral("[%1]").arg(i);
        if (!a.at(i).isObject())
            fail(at, QStringLiteral("not an object"));
        return a.at(i).toObject();
    }

    QString string(const QJsonObject &o, const QString &where, const char *key)
    {
        const QJsonValue v = value(o, where, key);
        if (!v.isUndefined() && !v.isNull() && !v.isString())
            fail(path(where, key), QStringLiteral("not a string"));
        return v.toString();
    }

    bool boolean(const QJsonObject &o, const QString &where, const char *key)
    {
        const QJsonValue v = value(o, where, key);
        if (!v.isUndefined() && !v.isNull() && !v.isBool())
            fail(path(where, key), QStringLiteral("not true/false"));
        return v.toBool();
    }

    // A 64-bit integer written as a decimal string.
    qint64 int64(const QJsonObject &o, const QString &where, const char *key, bool allowNegative = false)
    {
        const QString text = string(o, where, key);
        if (!ok())
            return 0;
        bool parsed = false;
        const qint64 v = text.toLongLong(&parsed);
        if (!parsed || text.trimmed() != text) {
            fail(path(where, key), QStringLiteral("\"%1\" is not an integer").arg(text));
            return 0;
        }
        if (v < 0 && !allowNegative) {
            fail(path(where, key), QStringLiteral("negative (%1)").arg(v));
            return 0;
        }
        return v;
    }

    // A small non-negative integer written as a JSON number.
    int number(const QJsonObject &o, const QString &where, const char *key)
    {
        const QJsonValue v = value(o, where, key);
        if (!ok())
            return 0;
        const double d = v.toDouble(-1);
        if (!v.isDouble() || d < 0 || d > double(std::numeric_limits<int>::max()) || std::floor(d) != d) {
            fail(path(where, key), QStringLiteral("not a non-negative integer"));
            return 0;
        }
        return int(d);
    }

    QDate date(const QJsonObject &o, const QString &where, const char *key)
    {
        const QString text = string(o, where, key);
        if (!ok())
            return {};
        const QDate d = QDate::fromString(text, Qt::ISODate);
        if (!d.isValid())
            fail(path(where, key), QStringLiteral("\"%1\" is not a date (yyyy-MM-dd)").arg(text));
        return d;
    }

    int stock(const QJsonObject &o, const QString &where, const char *key)
    {
        const QString code = string(o, where, key);
        if (!ok())
            return -1;
        if (t_codes) {
            const int i = t_codes->indexOf(code);
            if (i < 0)
                fail(path(where, key), QStringLiteral("unknown stock code \"%1\"").arg(code));
            return i;
        }
        const QList<SimStockInfo> &u = *stocks;
        for (int i = 0; i < u.size(); ++i) {
            if (u.at(i).code == code)
                return i;
        }
        fail(path(where, key), QStringLiteral("unknown stock code \"%1\"").arg(code));
        return -1;
    }

    template<typename E>
    E choice(const QJsonObject &o, const QString &where, const char *key, std::initializer_list<E> values,
        QString (*name)(E))
    {
        const QString text = string(o, where, key);
        for (E e : values) {
            if (name(e) == text)
                return e;
        }
        if (ok())
            fail(path(where, key), QStringLiteral("unknown value \"%1\"").arg(text));
        return *values.begin();
    }

private:
    static QString path(const QString &where, const char *key)
    {
        return where.isEmpty() ? QString::fromLatin1(key) : where + QLatin1Char('.') + QLatin1String(key);
    }
};

QJsonObject encodeAccount(const QList<SimStockInfo> &u, const SimAccount::State &a)
{
    QJsonArray pending;
    for (auto it = a.pending.cbegin(); it != a.pending.cend(); ++it)
        pending.append(QJsonObject {
            { QStringLiteral("date"), isoDate(it.key()) }, { QStringLiteral("amount"), str(it.value()) } });
    QJsonArray holdings;
    for (auto it = a.holdings.cbegin(); it != a.holdings.cend(); ++it) {
        holdings.append(QJsonObject { { QStringLiteral("code"), codeOf(u, it.key()) },
            { QStringLiteral("qty"), str(it->qty) }, { QStringLiteral("purchase_amount"), str(it->purchaseAmount) },
            { QStringLiteral("buy_fees"), str(it->buyFees) } });
    }
    QJsonArray days;
    for (auto it = a.days.cbegin(); it != a.days.cend(); ++it) {
        days.append(QJsonObject { { QStringLiteral("date"), isoDate(it.key()) },
            { QStringLiteral("bought"), str(it->bought) }, { QStringLiteral("sold"), str(it->sold) },
            { QStringLiteral("fees"), str(it->fees) }, { QStringLiteral("taxes"), str(it->taxes) },
            { QStringLiteral("realized"), str(it->realized) }, { QStringLiteral("sell_fills"), str(it->sellFills) } });
    }
    return QJsonObject { { QStringLiteral("deposit"), str(a.deposit) }, { QStringLiteral("pending"), pending },
        { QStringLiteral("holdings"), holdings }, { QStringLiteral("days"), days } };
}

QJsonObject encodeOrder(const QList<SimStockInfo> &u, const SimOrder &o)
{
    return QJsonObject { { QStringLiteral("ord_no"), o.ordNo }, { QStringLiteral("orig_ord_no"), o.origOrdNo },
        { QStringLiteral("root_ord_no"), o.rootOrdNo }, { QStringLiteral("code"), codeOf(u, o.stock) },
        { QStringLiteral("side"), sideName(o.side) }, { QStringLiteral("kind"), kindName(o.kind) },
        { QStringLiteral("market"), o.market }, { QStringLiteral("qty"), str(o.qty) },
        { QStringLiteral("price"), str(o.price) }, { QStringLiteral("open_qty"), str(o.openQty) },
        { QStringLiteral("filled_qty"), str(o.filledQty) }, { QStringLiteral("filled_amount"), str(o.filledAmount) },
        { QStringLiteral("fees"), str(o.fees) }, { QStringLiteral("taxes"), str(o.taxes) },
        { QStringLiteral("last_fill_price"), str(o.lastFillPrice) }, { QStringLiteral("state"), stateName(o.state) },
        { QStringLiteral("time_ms"), str(o.timeMs) }, { QStringLiteral("date"), isoDate(o.date) } };
}

QJsonObject encodeFill(const QList<SimStockInfo> &u, const SimFill &f)
{
    return QJsonObject { { QStringLiteral("fill_no"), f.fillNo }, { QStringLiteral("ord_no"), f.ordNo },
        { QStringLiteral("code"), codeOf(u, f.stock) }, { QStringLiteral("side"), sideName(f.side) },
        { QStringLiteral("price"), str(f.price) }, { QStringLiteral("qty"), str(f.qty) },
        { QStringLiteral("fee"), str(f.fee) }, { QStringLiteral("tax"), str(f.tax) },
        { QStringLiteral("realized"), str(f.realized) }, { QStringLiteral("avg_price_milli"), str(f.avgPriceMilli) },
        { QStringLiteral("time_ms"), str(f.timeMs) }, { QStringLiteral("date"), isoDate(f.date) } };
}

SimAccount::State decodeAccount(Reader &r, const QJsonObject &o)
{
    SimAccount::State a;
    const QString where = QStringLiteral("account");
    a.deposit = r.int64(o, where, "deposit");
    const QJsonArray pending = r.array(o, where, "pending");
    for (qsizetype i = 0; r.ok() && i < pending.size(); ++i) {
        const QString at = QStringLiteral("account.pending[%1]").arg(i);
        const QJsonObject p = r.element(pending, i, QStringLiteral("account.pending"));
        const QDate date = r.date(p, at, "date");
        const qint64 amount = r.int64(p, at, "amount", true);
        if (r.ok() && a.pending.contains(date))
            r.fail(at, QStringLiteral("date %1 listed twice").arg(isoDate(date)));
        a.pending.insert(date, amount);
    }
    const QJsonArray holdings = r.array(o, where, "holdings");
    for (qsizetype i = 0; r.ok() && i < holdings.size(); ++i) {
        const QString at = QStringLiteral("account.holdings[%1]").arg(i);
        const QJsonObject h = r.element(holdings, i, QStringLiteral("account.holdings"));
        const int stock = r.stock(h, at, "code");
        SimAccount::Holding holding;
        holding.qty = r.int64(h, at, "qty");
        holding.purchaseAmount = r.int64(h, at, "purchase_amount");
        holding.buyFees = r.int64(h, at, "buy_fees");
        if (r.ok() && holding.qty == 0)
            r.fail(at + QStringLiteral(".qty"), QStringLiteral("zero"));
        if (r.ok() && a.holdings.contains(stock))
            r.fail(at, QStringLiteral("stock %1 listed twice").arg(codeOf(*r.stocks, stock)));
        a.holdings.insert(stock, holding);
    }
    const QJsonArray days = r.array(o, where, "days");
    for (qsizetype i = 0; r.ok() && i < days.size(); ++i) {
        const QString at = QStringLiteral("account.days[%1]").arg(i);
        const QJsonObject d = r.element(days, i, QStringLiteral("account.days"));
        const QDate date = r.date(d, at, "date");
        SimAccount::DayTotals t;
        t.bought = r.int64(d, at, "bought");
        t.sold = r.int64(d, at, "sold");
        t.fees = r.int64(d, at, "fees");
        t.taxes = r.int64(d, at, "taxes");
        t.realized = r.int64(d, at, "realized", true);
        t.sellFills = r.int64(d, at, "sell_fills");
        if (r.ok() && a.days.contains(date))
            r.fail(at, QStringLiteral("date %1 listed twice").arg(isoDate(date)));
        a.days.insert(date, t);
    }
    return a;
}

SimOrder decodeOrder(Reader &r, const QJsonObject &o, const QString &at)
{
    SimOrder order;
    order.ordNo = r.number(o, at, "ord_no");
    order.origOrdNo = r.number(o, at, "orig_ord_no");
    order.rootOrdNo = r.number(o, at, "root_ord_no");
    order.stock = r.stock(o, at, "code");
    order.side = r.choice(o, at, "side", { SimSide::Buy, SimSide::Sell }, &sideName);
    order.kind = r.choice(o, at, "kind", { SimOrderKind::New, SimOrderKind::Modify, SimOrderKind::Cancel }, &kindName);
    order.market = r.boolean(o, at, "market");
    order.qty = r.int64(o, at, "qty");
    order.price = r.int64(o, at, "price");
    order.openQty = r.int64(o, at, "open_qty");
    order.filledQty = r.int64(o, at, "filled_qty");
    order.filledAmount = r.int64(o, at, "filled_amount");
    order.fees = r.int64(o, at, "fees");
    order.taxes = r.int64(o, at, "taxes");
    order.lastFillPrice = r.int64(o, at, "last_fill_price");
    order.state = r.choice(o, at, "state",
        { SimOrderState::Open, SimOrderState::Filled, SimOrderState::Cancelled, SimOrderState::Replaced,
            SimOrderState::Done },
        &stateName);
    order.timeMs = r.int64(o, at, "time_ms");
    order.date = r.date(o, at, "date");
    if (!r.ok())
        return order;
    if (order.qty <= 0)
        r.fail(at + QStringLiteral(".qty"), QStringLiteral("not positive"));
    else if (order.openQty + order.filledQty > order.qty)
        r.fail(at, QStringLiteral("open plus filled quantity exceeds the order quantity"));
    else if (order.rootOrdNo < 1 || order.rootOrdNo > order.ordNo || order.origOrdNo >= order.ordNo)
        r.fail(at, QStringLiteral("inconsistent original/root order numbers"));
    else if ((order.kind == SimOrderKind::New) != (order.origOrdNo == 0))
        r.fail(at, QStringLiteral("orig_ord_no does not match the order kind"));
    else if (order.state == SimOrderState::Open && (order.openQty == 0 || order.kind == SimOrderKind::Cancel))
        r.fail(at, QStringLiteral("open order without open quantity"));
    else if (order.state != SimOrderState::Open && order.openQty != 0)
        r.fail(at, QStringLiteral("closed order with open quantity"));
    return order;
}

SimFill decodeFill(Reader &r, const QJsonObject &o, const QString &at)
{
    SimFill f;
    f.fillNo = r.number(o, at, "fill_no");
    f.ordNo = r.number(o, at, "ord_no");
    f.stock = r.stock(o, at, "code");
    f.side = r.choice(o, at, "side", { SimSide::Buy, SimSide::Sell }, &sideName);
    f.price = r.int64(o, at, "price");
    f.qty = r.int64(o, at, "qty");
    f.fee = r.int64(o, at, "fee");
    f.tax = r.int64(o, at, "tax");
    f.realized = r.int64(o, at, "realized", true);
    f.avgPriceMilli = r.int64(o, at, "avg_price_milli");
    f.timeMs = r.int64(o, at, "time_ms");
    f.date = r.date(o, at, "date");
    if (r.ok() && (f.qty <= 0 || f.price <= 0))
        r.fail(at, QStringLiteral("fill without price or quantity"));
    return f;
}

SimExchange::State decodeExchange(Reader &r, const QJsonObject &o, qint64 virtualMs)
{
    SimExchange::State s;
    const QString where = QStringLiteral("exchange");
    s.nextOrderNo = r.number(o, where, "next_order_no");
    s.nextFillNo = r.number(o, where, "next_fill_no");
    if (r.ok() && (s.nextOrderNo < 1 || s.nextFillNo < 1))
        r.fail(where, QStringLiteral("next_order_no and next_fill_no start at 1"));
    const QJsonArray orders = r.array(o, where, "orders");
    const int firstOrder = s.nextOrderNo - int(orders.size());
    if (r.ok() && firstOrder < 1)
        r.fail(QStringLiteral("exchange.orders"), QStringLiteral("more orders than next_order_no allows"));
    for (qsizetype i = 0; r.ok() && i < orders.size(); ++i) {
        const QString at = QStringLiteral("exchange.orders[%1]").arg(i);
        const SimOrder order = decodeOrder(r, r.element(orders, i, QStringLiteral("exchange.orders")), at);
        if (!r.ok())
            break;
        if (order.ordNo != firstOrder + i)
            r.fail(at,
                QStringLiteral("order number %1 out of sequence (expected %2)").arg(order.ordNo).arg(firstOrder + i));
        else if (!s.orders.isEmpty() && order.date < s.orders.last().date)
            r.fail(at, QStringLiteral("date before the previous order's"));
        else if (order.timeMs > virtualMs)
            r.fail(at, QStringLiteral("placed after the state was saved"));
        s.orders.append(order);
    }
    const QJsonArray fills = r.array(o, where, "fills");
    const int firstFill = s.nextFillNo - int(fills.size());
    if (r.ok() && firstFill < 1)
        r.fail(QStringLiteral("exchange.fills"), QStringLiteral("more fills than next_fill_no allows"));
    for (qsizetype i = 0; r.ok() && i < fills.size(); ++i) {
        const QString at = QStringLiteral("exchange.fills[%1]").arg(i);
        const SimFill fill = decodeFill(r, r.element(fills, i, QStringLiteral("exchange.fills")), at);
        if (!r.ok())
            break;
        if (fill.fillNo != firstFill + i)
            r.fail(
                at, QStringLiteral("fill number %1 out of sequence (expected %2)").arg(fill.fillNo).arg(firstFill + i));
        else if (fill.ordNo < 1 || fill.ordNo >= s.nextOrderNo)
            r.fail(at, QStringLiteral("refers to an unknown order %1").arg(fill.ordNo));
        else if (!s.fills.isEmpty() && fill.date < s.fills.last().date)
            r.fail(at, QStringLiteral("date before the previous fill's"));
        else if (fill.timeMs > virtualMs)
            r.fail(at, QStringLiteral("executed after the state was saved"));
        s.fills.append(fill);
    }
    return s;
}

// The cross-checks no single field shows: open sells covered by holdings, and the ledger identity
// of SimAccount (D+2 deposit + Σ cost of holdings = initial cash + Σ realized P&L).
void checkConsistency(Reader &r, const SimExchange::State &s, qint64 initialCash)
{
    QHash<int, qint64> openSells;
    for (const SimOrder &o : s.orders) {
        if (o.state == SimOrderState::Open && o.side == SimSide::Sell)
            openSells[o.stock] += o.openQty;
    }
    for (auto it = openSells.cbegin(); it != openSells.cend(); ++it) {
        const qint64 held = s.account.holdings.value(it.key()).qty;
        if (it.value() > held) {
            r.fail(QStringLiteral("exchange.orders"),
                QStringLiteral("open sell orders of %1 for %2 shares, but %3 held")
                    .arg(codeOf(*r.stocks, it.key()))
                    .arg(it.value())
                    .arg(held));
            return;
        }
    }
    qint64 d2 = s.account.deposit;
    for (qint64 v : s.account.pending)
        d2 += v;
    qint64 cost = 0;
    for (const SimAccount::Holding &h : s.account.holdings)
        cost += h.purchaseAmount + h.buyFees;
    qint64 realized = 0;
    for (const SimAccount::DayTotals &d : s.account.days)
        realized += d.realized;
    if (d2 < 0)
        r.fail(QStringLiteral("account"), QStringLiteral("negative D+2 deposit (%1)").arg(d2));
    else if (d2 + cost != initialCash + realized) {
        r.fail(QStringLiteral("account"),
            QStringLiteral("the ledger does not balance (D+2 deposit %1 + holdings cost %2 ≠ initial cash %3 + "
                           "realized P&L %4)")
                .arg(d2)
                .arg(cost)
                .arg(initialCash)
                .arg(realized));
    }
}

} // namespace

namespace Sim {

StockCodeScope::StockCodeScope(std::function<QString(int)> codeOf, std::function<int(const QString &)> indexOf)
    : m_codeOf(std::move(codeOf)), m_indexOf(std::move(indexOf)), m_previous(t_codes)
{
    t_codes = this;
}

StockCodeScope::~StockCodeScope()
{
    t_codes = m_previous;
}

QByteArray encodeState(const SimConfig &config, const SimSavedState &state)
{
    const QList<SimStockInfo> &u = Sim::universe(config.universeSize);
    QJsonArray orders;
    for (const SimOrder &o : state.exchange.orders)
        orders.append(encodeOrder(u, o));
    QJsonArray fills;
    for (const SimFill &f : state.exchange.fills)
        fills.append(encodeFill(u, f));
    const QJsonObject root { { QStringLiteral("format"), FORMAT }, { QStringLiteral("version"), STATE_FORMAT_VERSION },
        { QStringLiteral("virtual_ms"), str(state.virtualMs) },
        { QStringLiteral("config"),
            QJsonObject { { QStringLiteral("account_no"), config.accountNo },
                { QStringLiteral("seed"), QString::number(config.seed) },
                { QStringLiteral("initial_cash"), str(config.initialCash) } } },
        { QStringLiteral("account"), encodeAccount(u, state.exchange.account) },
        { QStringLiteral("exchange"),
            QJsonObject { { QStringLiteral("next_order_no"), state.exchange.nextOrderNo },
                { QStringLiteral("next_fill_no"), state.exchange.nextFillNo }, { QStringLiteral("orders"), orders },
                { QStringLiteral("fills"), fills } } } };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Result<SimSavedState> decodeState(const QByteArray &json, const SimConfig &config)
{
    auto error = [](const QString &message) { return Error { QStringLiteral("sim.state"), message }; };
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return error(
            QStringLiteral("not valid JSON (%1 at offset %2)").arg(parseError.errorString()).arg(parseError.offset));
    if (!doc.isObject())
        return error(QStringLiteral("not a JSON object"));
    const QJsonObject root = doc.object();
    Reader r;
    r.stocks = &Sim::universe(config.universeSize);
    if (r.string(root, QString(), "format") != FORMAT && r.ok())
        r.fail(QStringLiteral("format"), QStringLiteral("not a kiwoom-sim state file"));
    if (!r.ok())
        return error(r.error);
    const int version = r.number(root, QString(), "version");
    if (!r.ok())
        return error(r.error);
    if (version != STATE_FORMAT_VERSION) {
        return error(
            QStringLiteral("format version %1, this build reads version %2").arg(version).arg(STATE_FORMAT_VERSION));
    }

    const QJsonObject saved = r.object(root, QString(), "config");
    const QString accountNo = r.string(saved, QStringLiteral("config"), "account_no");
    const QString seed = r.string(saved, QStringLiteral("config"), "seed");
    const qint64 initialCash = r.int64(saved, QStringLiteral("config"), "initial_cash");
    if (!r.ok())
        return error(r.error);
    if (accountNo != config.accountNo) {
        return error(QStringLiteral("saved for account %1, the simulator is configured with account %2")
                         .arg(accountNo, config.accountNo));
    }
    if (seed != QString::number(config.seed)) {
        return error(QStringLiteral("saved for market seed %1, the simulator is configured with seed %2")
                         .arg(seed, QString::number(config.seed)));
    }
    if (initialCash != config.initialCash) {
        return error(QStringLiteral("saved for initial cash %1, the simulator is configured with %2")
                         .arg(initialCash)
                         .arg(config.initialCash));
    }

    SimSavedState state;
    state.virtualMs = r.int64(root, QString(), "virtual_ms");
    if (r.ok() && state.virtualMs == 0)
        r.fail(QStringLiteral("virtual_ms"), QStringLiteral("zero"));
    const SimAccount::State account = decodeAccount(r, r.object(root, QString(), "account"));
    if (r.ok())
        state.exchange = decodeExchange(r, r.object(root, QString(), "exchange"), state.virtualMs);
    state.exchange.account = account;
    if (r.ok())
        checkConsistency(r, state.exchange, config.initialCash);
    if (!r.ok())
        return error(r.error);
    return state;
}

Result<SimSavedState> loadState(const QString &path, const SimConfig &config)
{
    const QString name = QDir::toNativeSeparators(path);
    auto unusable = [&](const QString &problem) {
        return Error { QStringLiteral("sim.state"),
            QStringLiteral("simulator state file %1 is unusable: %2. It was left as it is; move it away to start "
                           "with a fresh simulated account.")
                .arg(name, problem) };
    };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return unusable(QStringLiteral("cannot read it (%1)").arg(file.errorString()));
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return unusable(QStringLiteral("cannot read it (%1)").arg(file.errorString()));
    auto state = decodeState(bytes, config);
    if (!state)
        return unusable(state.error().message);
    return state;
}

Status saveState(const QString &path, const SimConfig &config, const SimSavedState &state)
{
    const QString name = QDir::toNativeSeparators(path);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Error { QStringLiteral("sim.state"),
            QStringLiteral("cannot write simulator state file %1: %2").arg(name, file.errorString()) };
    }
    // The account is nobody else's business (like the database).
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QByteArray bytes = encodeState(config, state);
    // Not committed, the QSaveFile discards its temporary file and the old state stays.
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        const QString why = file.errorString();
        return Error { QStringLiteral("sim.state"),
            QStringLiteral("cannot write simulator state file %1: %2").arg(name, why) };
    }
    return {};
}

} // namespace Sim
