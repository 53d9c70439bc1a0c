// SPDX-License-Identifier: GPL-3.0-or-later
#include "brokerledger.h"

#include "simtestclient.h"

#include <QJsonArray>
#include <QLocale>
#include <QMap>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <atomic>
#include <functional>

namespace {

// Kiwoom number fields: "000000017534", "-00000163958", "+74100", " 67300", "" (0).
qint64 number(const QJsonObject &o, const char *name)
{
    QString t = o.value(QLatin1String(name)).toString().trimmed();
    bool negative = false;
    if (t.startsWith(QLatin1Char('+')) || t.startsWith(QLatin1Char('-'))) {
        negative = t.startsWith(QLatin1Char('-'));
        t = t.mid(1);
    }
    return negative ? -t.toLongLong() : t.toLongLong();
}

QString text(const QJsonObject &o, const char *name)
{
    return o.value(QLatin1String(name)).toString().trimmed();
}

// Order numbers compare without their zero padding ("0000012" = "12").
QString orderKey(const QString &orderNo)
{
    QString t = orderNo.trimmed();
    while (t.size() > 1 && t.startsWith(QLatin1Char('0')))
        t.remove(0, 1);
    return t;
}

// 1,234,567 (the C locale, with group separators).
QString won(qint64 v)
{
    static const QLocale locale = [] {
        QLocale l = QLocale::c();
        l.setNumberOptions(l.numberOptions() & ~QLocale::OmitGroupSeparator);
        return l;
    }();
    return locale.toString(v);
}

QString sideText(Side side)
{
    return Sides::text(side);
}

bool appOpenState(const QString &state)
{
    static const QSet<QString> open = { QStringLiteral("NEW"), QStringLiteral("SENT"), QStringLiteral("ACCEPTED"),
        QStringLiteral("PARTIAL"), QStringLiteral("UNKNOWN") };
    return open.contains(state);
}

QString describe(const Ledger::AppOrder &o)
{
    return QStringLiteral("order #%1 (%2%3 %4 × %5%6, %7)")
        .arg(o.id)
        .arg(o.action == QLatin1String("PLACE") ? QString() : o.action + QLatin1Char(' '))
        .arg(sideText(o.side), o.code)
        .arg(o.quantity)
        .arg(o.brokerOrderNo.isEmpty() ? QString() : QStringLiteral(", broker %1").arg(o.brokerOrderNo))
        .arg(o.state);
}

QString describe(const Ledger::BrokerOrder &b)
{
    return QStringLiteral("broker order %1 (%2 %3 × %4, filled %5%6)")
        .arg(b.orderNo, b.kind.isEmpty() ? sideText(b.side) : b.kind, b.code)
        .arg(b.quantity)
        .arg(b.filledQuantity)
        .arg(b.open ? QStringLiteral(", %1 open").arg(b.openQuantity) : QString());
}

// --- the app's database ------------------------------------------------------------------------

class ReadOnlyConnection
{
public:
    explicit ReadOnlyConnection(const QString &file)
    {
        static std::atomic<int> counter { 0 };
        m_name = QStringLiteral("brokerledger.%1").arg(++counter);
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        m_db.setDatabaseName(file);
        m_db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        m_db.open();
    }
    ~ReadOnlyConnection()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    Q_DISABLE_COPY_MOVE(ReadOnlyConnection)

    QSqlDatabase &db() { return m_db; }

    // Runs sql and hands every row to onRow; an Error with SQLite's text on failure.
    Status each(const QString &sql, const std::function<void(const QSqlQuery &)> &onRow)
    {
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        if (!q.exec(sql))
            return Error { QStringLiteral("ledger.db_query"), QStringLiteral("%1: %2").arg(sql, q.lastError().text()) };
        while (q.next())
            onRow(q);
        return {};
    }

private:
    QString m_name;
    QSqlDatabase m_db;
};

std::optional<qint64> optionalInt(const QSqlQuery &q, int column)
{
    const QVariant v = q.value(column);
    if (v.isNull())
        return std::nullopt;
    return v.toLongLong();
}

} // namespace

namespace Ledger {

Result<AppRecords> readAppDatabase(const QString &dbFile)
{
    ReadOnlyConnection c(dbFile);
    if (!c.db().isOpen()) {
        return Error { QStringLiteral("ledger.db_open"),
            QStringLiteral("cannot open %1 read-only: %2").arg(dbFile, c.db().lastError().text()) };
    }
    AppRecords r;
    Status s = c.each(QStringLiteral("SELECT id, client_order_id, COALESCE(broker_order_no, ''), "
                                     "COALESCE(orig_broker_order_no, ''), action, side, stock_code, quantity, price, "
                                     "state, filled_quantity, filled_amount, origin, origin_signal_id, trading_date "
                                     "FROM orders ORDER BY id"),
        [&](const QSqlQuery &q) {
            AppOrder o;
            o.id = q.value(0).toLongLong();
            o.clientOrderId = q.value(1).toString();
            o.brokerOrderNo = q.value(2).toString();
            o.origBrokerOrderNo = q.value(3).toString();
            o.action = q.value(4).toString();
            o.side = Sides::fromText(q.value(5).toString()).value_or(Side::Buy);
            o.code = q.value(6).toString();
            o.quantity = q.value(7).toLongLong();
            o.price = q.value(8).toLongLong();
            o.state = q.value(9).toString();
            o.filledQuantity = q.value(10).toLongLong();
            o.filledAmount = q.value(11).toLongLong();
            o.origin = q.value(12).toString();
            o.originSignalId = optionalInt(q, 13);
            o.tradingDate = q.value(14).toString();
            r.orders.append(o);
        });
    if (!s)
        return s.error();
    s = c.each(QStringLiteral("SELECT id, order_id, broker_execution_no, price, quantity, fee, tax FROM executions "
                              "ORDER BY id"),
        [&](const QSqlQuery &q) {
            r.executions.append(AppExecution { q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
                q.value(3).toLongLong(), q.value(4).toLongLong(), q.value(5).toLongLong(), q.value(6).toLongLong() });
        });
    if (!s)
        return s.error();
    s = c.each(QStringLiteral("SELECT id, stock_code, status, quantity, buy_price, buy_quantity, buy_amount, "
                              "realized_profit_loss FROM positions ORDER BY id"),
        [&](const QSqlQuery &q) {
            r.positions.append(AppPosition { q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                q.value(3).toLongLong(), q.value(4).toLongLong(), q.value(5).toLongLong(), q.value(6).toLongLong(),
                q.value(7).toLongLong() });
        });
    if (!s)
        return s.error();
    s = c.each(QStringLiteral("SELECT id, position_id, stock_code, status, order_id, profit_loss FROM sell_orders "
                              "ORDER BY id"),
        [&](const QSqlQuery &q) {
            r.sellOrders.append(AppSellOrder { q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
                q.value(3).toString(), optionalInt(q, 4), optionalInt(q, 5) });
        });
    if (!s)
        return s.error();
    return r;
}

QStringList compare(const BrokerRecords &broker, const AppRecords &app, const CompareOptions &options)
{
    QStringList out;
    const QString today = broker.tradingDate.toString(Qt::ISODate);

    QHash<QString, const BrokerOrder *> brokerByNo;
    for (const BrokerOrder &b : broker.orders)
        brokerByNo.insert(orderKey(b.orderNo), &b);

    // Executions per order: quantity, amount, money, and each execution number once.
    struct Sum
    {
        qint64 quantity = 0;
        qint64 amount = 0;
        qint64 fees = 0;
        qint64 taxes = 0;
    };
    QHash<qint64, Sum> sums;
    QSet<QPair<qint64, QString>> executionNos;
    QHash<qint64, const AppOrder *> orderById;
    for (const AppOrder &o : app.orders)
        orderById.insert(o.id, &o);
    for (const AppExecution &e : app.executions) {
        Sum &s = sums[e.orderId];
        s.quantity += e.quantity;
        s.amount += e.price * e.quantity;
        s.fees += e.fee;
        s.taxes += e.tax;
        if (executionNos.contains({ e.orderId, e.brokerExecutionNo })) {
            out << QStringLiteral("execution %1 of order #%2 is recorded twice (fill counted twice)")
                       .arg(e.brokerExecutionNo)
                       .arg(e.orderId);
        }
        executionNos.insert({ e.orderId, e.brokerExecutionNo });
        if (!orderById.contains(e.orderId))
            out << QStringLiteral("execution %1 (id %2) belongs to no order (#%3)")
                       .arg(e.brokerExecutionNo)
                       .arg(e.id)
                       .arg(e.orderId);
    }

    // Broker numbers: at most once per trading day.
    QMap<QPair<QString, QString>, QList<const AppOrder *>> byNumber;
    for (const AppOrder &o : app.orders) {
        if (!o.brokerOrderNo.isEmpty())
            byNumber[{ o.tradingDate, orderKey(o.brokerOrderNo) }].append(&o);
    }
    for (auto it = byNumber.cbegin(); it != byNumber.cend(); ++it) {
        if (it.value().size() > 1) {
            QStringList ids;
            for (const AppOrder *o : it.value())
                ids << QStringLiteral("#%1").arg(o->id);
            out << QStringLiteral("broker order number %1 appears %2 times in orders on %3 (%4)")
                       .arg(it.value().constFirst()->brokerOrderNo)
                       .arg(it.value().size())
                       .arg(it.key().first, ids.join(QStringLiteral(", ")));
        }
    }

    // Each order of ours.
    QSet<QString> knownToday;
    for (const AppOrder &o : app.orders) {
        const Sum s = sums.value(o.id);
        if (s.quantity != o.filledQuantity) {
            out << QStringLiteral("%1: its executions add up to %2 shares but orders.filled_quantity says %3")
                       .arg(describe(o))
                       .arg(s.quantity)
                       .arg(o.filledQuantity);
        }
        if (o.tradingDate != today)
            continue; // the broker's TRs report today only
        if (o.brokerOrderNo.isEmpty()) {
            if (o.state == QLatin1String("NEW") || o.state == QLatin1String("SENT")
                || o.state == QLatin1String("UNKNOWN")) {
                out << QStringLiteral("%1 has no broker number and is still %2: its outcome was never settled with "
                                      "the broker")
                           .arg(describe(o), o.state);
            } else if (o.filledQuantity > 0) {
                out << QStringLiteral("%1 has fills but no broker number").arg(describe(o));
            }
            continue;
        }
        knownToday.insert(orderKey(o.brokerOrderNo));
        const BrokerOrder *b = brokerByNo.value(orderKey(o.brokerOrderNo));
        if (o.action == QLatin1String("CANCEL")) {
            // A cancel order is neither open nor filled at the broker; only its number can be checked.
            if (b) {
                out << QStringLiteral("%1 is a cancel, but the broker reports that number as %2")
                           .arg(describe(o), describe(*b));
            }
            continue;
        }
        if (!b) {
            // The broker lists an order only while it is open or once it has fills.
            if (o.filledQuantity > 0 || s.quantity > 0) {
                out << QStringLiteral("%1 has %2 shares filled, but the broker reports no fill for that number")
                           .arg(describe(o))
                           .arg(std::max(o.filledQuantity, s.quantity));
            } else if (appOpenState(o.state)) {
                out << QStringLiteral("%1 is open in the app but the broker has no open order with that number")
                           .arg(describe(o));
            }
            continue;
        }
        if (b->code != o.code || b->side != o.side) {
            out << QStringLiteral("%1 is %2 at the broker: stock or side differ").arg(describe(o), describe(*b));
        }
        if (s.quantity != b->filledQuantity) {
            out << QStringLiteral("%1: %2 shares in executions, the broker filled %3")
                       .arg(describe(o))
                       .arg(s.quantity)
                       .arg(b->filledQuantity);
        }
        if (s.quantity > 0 && s.quantity == b->filledQuantity
            && std::abs(s.amount / s.quantity - b->avgFillPrice) > 1) {
            out << QStringLiteral("%1: average fill price %2 in executions, %3 at the broker")
                       .arg(describe(o))
                       .arg(s.amount / s.quantity)
                       .arg(b->avgFillPrice);
        }
        if (b->open && !appOpenState(o.state)) {
            out << QStringLiteral("%1 is %2 in the app but still open at the broker (%3 shares)")
                       .arg(describe(o), o.state)
                       .arg(b->openQuantity);
        } else if (!b->open && appOpenState(o.state)) {
            out << QStringLiteral("%1 is still %2 in the app but done at the broker (filled %3 of %4)")
                       .arg(describe(o), o.state)
                       .arg(b->filledQuantity)
                       .arg(b->quantity);
        }
        if (options.compareMoney && b->filledQuantity > 0) {
            if (s.fees != b->fees || s.taxes != b->taxes) {
                out << QStringLiteral("%1: fees %2 / tax %3 in executions, %4 / %5 at the broker")
                           .arg(describe(o), won(s.fees), won(s.taxes), won(b->fees), won(b->taxes));
            }
        }
    }

    if (options.requireEveryBrokerOrderKnown) {
        for (const BrokerOrder &b : broker.orders) {
            if (!knownToday.contains(orderKey(b.orderNo)))
                out << QStringLiteral("%1 is not in orders (sent and lost, or sent twice)").arg(describe(b));
        }
    }

    if (options.oneBrokerOrderPerSignal) {
        QMap<QPair<QString, qint64>, QList<qint64>> bySignal;
        for (const AppOrder &o : app.orders) {
            if (o.action != QLatin1String("PLACE") || !o.originSignalId)
                continue;
            if (o.brokerOrderNo.isEmpty() && o.filledQuantity == 0)
                continue; // never reached the broker
            bySignal[{ o.origin, *o.originSignalId }].append(o.id);
        }
        for (auto it = bySignal.cbegin(); it != bySignal.cend(); ++it) {
            if (it.value().size() <= 1)
                continue;
            QStringList ids;
            for (qint64 id : it.value())
                ids << QStringLiteral("#%1").arg(id);
            out << QStringLiteral("signal %1 #%2 reached the broker %3 times (orders %4)")
                       .arg(it.key().first)
                       .arg(it.key().second)
                       .arg(it.value().size())
                       .arg(ids.join(QStringLiteral(", ")));
        }
    }

    // Positions versus holdings.
    QMap<QString, QList<const AppPosition *>> live;
    for (const AppPosition &p : app.positions) {
        if (p.status == QLatin1String("OPEN") || p.status == QLatin1String("SELLING"))
            live[p.code].append(&p);
    }
    QMap<QString, const BrokerHolding *> held;
    for (const BrokerHolding &h : broker.holdings)
        held.insert(h.code, &h);
    for (auto it = live.cbegin(); it != live.cend(); ++it) {
        qint64 quantity = 0;
        for (const AppPosition *p : it.value())
            quantity += p->quantity;
        if (it.value().size() > 1) {
            out << QStringLiteral("%1 live positions for %2 (at most one per stock)")
                       .arg(it.value().size())
                       .arg(it.key());
        }
        const BrokerHolding *h = held.value(it.key());
        if (!h) {
            out << QStringLiteral("position %1: the app holds %2 shares, the broker holds none")
                       .arg(it.key())
                       .arg(quantity);
            continue;
        }
        if (h->quantity != quantity) {
            out << QStringLiteral("position %1: the app holds %2 shares, the broker %3")
                       .arg(it.key())
                       .arg(quantity)
                       .arg(h->quantity);
        }
        const AppPosition *p = it.value().constFirst();
        if (it.value().size() == 1 && std::abs(p->buyPrice - h->avgPrice) > 1) {
            out << QStringLiteral("position %1: average price %2 in the app, %3 at the broker")
                       .arg(it.key(), won(p->buyPrice), won(h->avgPrice));
        }
    }
    for (const BrokerHolding &h : broker.holdings) {
        if (h.quantity > 0 && !live.contains(h.code))
            out << QStringLiteral("holding %1: the broker holds %2 shares, the app no live position")
                       .arg(h.code)
                       .arg(h.quantity);
    }

    // Money.
    if (options.compareMoney) {
        qint64 realized = 0;
        for (const AppPosition &p : app.positions)
            realized += p.realizedProfitLoss;
        qint64 fees = 0;
        qint64 taxes = 0;
        const QString from
            = (broker.periodStart.isValid() ? broker.periodStart : broker.tradingDate).toString(Qt::ISODate);
        for (const AppExecution &e : app.executions) {
            const AppOrder *o = orderById.value(e.orderId);
            if (o && o->tradingDate >= from && o->tradingDate <= today) {
                fees += e.fee;
                taxes += e.tax;
            }
        }
        if (realized != broker.realized) {
            out << QStringLiteral("realized P&L: %1 KRW in positions, %2 KRW at the broker (ka10074 since %3)")
                       .arg(won(realized), won(broker.realized), from);
        }
        if (fees != broker.fees)
            out << QStringLiteral("fees: %1 KRW in executions, %2 KRW at the broker since %3")
                       .arg(won(fees), won(broker.fees), from);
        if (taxes != broker.taxes)
            out << QStringLiteral("tax: %1 KRW in executions, %2 KRW at the broker since %3")
                       .arg(won(taxes), won(broker.taxes), from);
        QHash<QString, qint64> realizedToday;
        for (const AppSellOrder &s : app.sellOrders) {
            const AppOrder *o = s.orderId ? orderById.value(*s.orderId) : nullptr;
            if (o && o->tradingDate == today && s.profitLoss)
                realizedToday[s.code] += *s.profitLoss;
        }
        for (auto it = broker.realizedToday.cbegin(); it != broker.realizedToday.cend(); ++it) {
            if (realizedToday.value(it.key()) != it.value()) {
                out << QStringLiteral("realized P&L of %1 today: %2 KRW in sell_orders, %3 KRW at the broker (ka10077)")
                           .arg(it.key(), won(realizedToday.value(it.key())), won(it.value()));
            }
        }
    }
    if (options.initialCash) {
        qint64 cash = *options.initialCash;
        for (const AppExecution &e : app.executions) {
            const AppOrder *o = orderById.value(e.orderId);
            if (!o)
                continue;
            const qint64 amount = e.price * e.quantity;
            cash += (o->side == Side::Sell ? amount : -amount) - e.fee - e.tax;
        }
        if (cash != broker.d2Deposit) {
            out << QStringLiteral("cash: initial %1 + executions = %2 KRW, the broker's D+2 deposit is %3 KRW")
                       .arg(won(*options.initialCash), won(cash), won(broker.d2Deposit));
        }
    }
    return out;
}

} // namespace Ledger

// --- the broker ----------------------------------------------------------------------------------

BrokerLedger::BrokerLedger(const QUrl &restBaseUrl, const QString &appKey, const QString &secretKey)
    : m_client(std::make_unique<SimTestClient>(restBaseUrl)), m_appKey(appKey), m_secretKey(secretKey)
{
}

BrokerLedger::~BrokerLedger() = default;

Status BrokerLedger::ensureToken()
{
    if (!m_client->token().isEmpty())
        return {};
    for (int attempt = 0; attempt < 40; ++attempt) {
        const SimTestClient::Reply r = m_client->issueToken(m_appKey, m_secretKey);
        if (r.finished && r.status == 429) {
            QTest::qWait(250);
            continue;
        }
        if (r.returnCode() == 0 && !m_client->token().isEmpty())
            return {};
        return Error { QStringLiteral("ledger.token"),
            QStringLiteral("au10001 refused: HTTP %1 %2").arg(r.status).arg(QString::fromUtf8(r.body.left(300))) };
    }
    return Error { QStringLiteral("ledger.token"), QStringLiteral("au10001 stayed rate-limited") };
}

Result<QList<QJsonObject>> BrokerLedger::pages(
    const QString &apiId, const QJsonObject &body, const QString &listName, QJsonObject *first)
{
    QList<QJsonObject> rows;
    bool cont = false;
    QString nextKey;
    for (int page = 0; page < 1000; ++page) {
        SimTestClient::Reply r;
        bool renewed = false;
        for (int attempt = 0;; ++attempt) {
            if (Status s = ensureToken(); !s)
                return s.error();
            r = m_client->tr(apiId, body, cont, nextKey);
            if (r.finished && r.status == 429 && attempt < 200) {
                QTest::qWait(250); // the broker's per-second quota: wait it out
                continue;
            }
            if (r.finished && (r.status == 401 || r.returnCode() == 3) && !renewed) {
                m_client->setToken(QString()); // expired or revoked: a new one, once
                renewed = true;
                continue;
            }
            break;
        }
        if (!r.finished) {
            return Error { QStringLiteral("ledger.http"),
                QStringLiteral("%1: no reply (%2)")
                    .arg(apiId, r.networkError.isEmpty() ? QStringLiteral("timeout") : r.networkError) };
        }
        if (r.status != 200 || !r.jsonOk) {
            return Error { QStringLiteral("ledger.http"),
                QStringLiteral("%1: HTTP %2 %3").arg(apiId).arg(r.status).arg(QString::fromUtf8(r.body.left(300))) };
        }
        if (r.returnCode() != 0) {
            return Error { QStringLiteral("ledger.tr"),
                QStringLiteral("%1: return_code %2 %3").arg(apiId).arg(r.returnCode()).arg(r.returnMsg()) };
        }
        if (page == 0 && first)
            *first = r.json;
        for (const QJsonValue &v : r.json.value(listName).toArray())
            rows.append(v.toObject());
        if (r.header("cont-yn") != "Y")
            return rows;
        cont = true;
        nextKey = QString::fromUtf8(r.header("next-key"));
    }
    return Error { QStringLiteral("ledger.tr"), QStringLiteral("%1: more than 1000 pages").arg(apiId) };
}

Result<Ledger::BrokerRecords> BrokerLedger::read(
    const QDate &tradingDate, const QStringList &realizedCodes, const QDate &periodStart)
{
    using namespace Ledger;
    BrokerRecords r;
    r.tradingDate = tradingDate;
    r.periodStart = periodStart.isValid() ? periodStart : tradingDate;

    auto holdings = pages(QStringLiteral("kt00018"),
        { { QStringLiteral("qry_tp"), QStringLiteral("1") },
            { QStringLiteral("dmst_stex_tp"), QStringLiteral("KRX") } },
        QStringLiteral("acnt_evlt_remn_indv_tot"));
    if (!holdings)
        return holdings.error();
    for (const QJsonObject &o : holdings.value()) {
        BrokerHolding h;
        h.code = text(o, "stk_cd");
        if (h.code.startsWith(QLatin1Char('A')))
            h.code = h.code.mid(1);
        h.name = text(o, "stk_nm");
        h.quantity = number(o, "rmnd_qty");
        h.avgPrice = number(o, "pur_pric");
        h.purchaseAmount = number(o, "pur_amt");
        h.buyFees = number(o, "pur_cmsn");
        r.holdings.append(h);
    }

    QHash<QString, int> byNo;
    auto orderFor = [&](const QJsonObject &o) -> BrokerOrder & {
        const QString no = text(o, "ord_no");
        const auto it = byNo.constFind(no);
        if (it != byNo.cend())
            return r.orders[*it];
        BrokerOrder b;
        b.orderNo = no;
        b.origOrderNo = text(o, "orig_ord_no");
        b.code = text(o, "stk_cd");
        if (b.code.startsWith(QLatin1Char('A')))
            b.code = b.code.mid(1);
        b.kind = text(o, "io_tp_nm");
        b.side = b.kind.contains(QStringLiteral("매도")) ? Side::Sell : Side::Buy;
        b.quantity = number(o, "ord_qty");
        b.price = number(o, "ord_pric");
        byNo.insert(no, int(r.orders.size()));
        r.orders.append(b);
        return r.orders.last();
    };
    auto open = pages(QStringLiteral("ka10075"),
        { { QStringLiteral("all_stk_tp"), QStringLiteral("0") }, { QStringLiteral("trde_tp"), QStringLiteral("0") },
            { QStringLiteral("stk_cd"), QString() }, { QStringLiteral("stex_tp"), QStringLiteral("0") } },
        QStringLiteral("oso"));
    if (!open)
        return open.error();
    for (const QJsonObject &o : open.value()) {
        BrokerOrder &b = orderFor(o);
        b.open = true;
        b.openQuantity = number(o, "oso_qty");
        b.filledQuantity = number(o, "cntr_qty");
        b.fees = number(o, "tdy_trde_cmsn");
        b.taxes = number(o, "tdy_trde_tax");
        if (b.filledQuantity > 0)
            b.avgFillPrice = number(o, "cntr_tot_amt") / b.filledQuantity;
    }
    auto filled = pages(QStringLiteral("ka10076"),
        { { QStringLiteral("stk_cd"), QString() }, { QStringLiteral("qry_tp"), QStringLiteral("0") },
            { QStringLiteral("sell_tp"), QStringLiteral("0") }, { QStringLiteral("ord_no"), QString() },
            { QStringLiteral("stex_tp"), QStringLiteral("0") } },
        QStringLiteral("cntr"));
    if (!filled)
        return filled.error();
    for (const QJsonObject &o : filled.value()) {
        BrokerOrder &b = orderFor(o);
        // ka10076 is the fills TR: its cumulative quantity and fees are the ones that count.
        b.filledQuantity = number(o, "cntr_qty");
        b.avgFillPrice = number(o, "cntr_pric");
        b.openQuantity = number(o, "oso_qty");
        b.open = b.open || b.openQuantity > 0;
        b.fees = number(o, "tdy_trde_cmsn");
        b.taxes = number(o, "tdy_trde_tax");
    }

    QJsonObject deposit;
    auto dep = pages(QStringLiteral("kt00001"), { { QStringLiteral("qry_tp"), QStringLiteral("3") } },
        QStringLiteral("stk_entr_prst"), &deposit);
    if (!dep)
        return dep.error();
    r.deposit = number(deposit, "entr");
    r.d2Deposit = number(deposit, "d2_entra");
    r.orderable = number(deposit, "ord_alow_amt");

    QJsonObject totals;
    auto days = pages(QStringLiteral("ka10074"),
        { { QStringLiteral("strt_dt"), r.periodStart.toString(QStringLiteral("yyyyMMdd")) },
            { QStringLiteral("end_dt"), tradingDate.toString(QStringLiteral("yyyyMMdd")) } },
        QStringLiteral("dt_rlzt_pl"), &totals);
    if (!days)
        return days.error();
    r.realized = number(totals, "rlzt_pl");
    r.fees = number(totals, "trde_cmsn");
    r.taxes = number(totals, "trde_tax");
    r.bought = number(totals, "tot_buy_amt");
    r.sold = number(totals, "tot_sell_amt");

    for (const QString &code : realizedCodes) {
        QJsonObject top;
        auto detail = pages(
            QStringLiteral("ka10077"), { { QStringLiteral("stk_cd"), code } }, QStringLiteral("tdy_rlzt_pl_dtl"), &top);
        if (!detail)
            return detail.error();
        r.realizedToday.insert(code, number(top, "tdy_rlzt_pl"));
    }
    return r;
}
