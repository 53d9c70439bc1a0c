// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "common/side.h"

#include <QDate>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>
#include <optional>

// The crash test's referee: what the broker says (read over the Kiwoom REST protocol), what the
// app's database says (read by SQL), and the list of every way they disagree, in plain words.
namespace Ledger {

// One order the broker reports for the trading day: open (ka10075 oso[]) and/or with fills
// (ka10076 cntr[], cumulative per order). Orders that ended with no fill (cancelled, expired) and
// cancel orders appear in neither TR, so the broker cannot vouch for them.
struct BrokerOrder
{
    QString orderNo; // as the broker prints it, "0000012"
    QString origOrderNo; // modify/cancel: the order it refers to ("0000000" = none)
    QString code; // "005930"
    Side side = Side::Buy;
    QString kind; // io_tp_nm: "+매수", "-매도", "+매수정정", ...
    qint64 quantity = 0;
    qint64 price = 0; // limit price, 0 for market
    qint64 filledQuantity = 0;
    qint64 avgFillPrice = 0; // ka10076 cntr_pric (rounded down by the broker)
    qint64 openQuantity = 0;
    qint64 fees = 0; // today's commission of the order
    qint64 taxes = 0;
    bool open = false; // listed by ka10075
};

// One holding (kt00018 acnt_evlt_remn_indv_tot[]).
struct BrokerHolding
{
    QString code; // without the "A" prefix
    QString name;
    qint64 quantity = 0; // rmnd_qty
    qint64 avgPrice = 0; // pur_pric (매입단가)
    qint64 purchaseAmount = 0; // pur_amt
    qint64 buyFees = 0; // pur_cmsn
};

// Everything the broker says, for one trading day (and realized totals since periodStart).
struct BrokerRecords
{
    QDate tradingDate;
    QList<BrokerOrder> orders;
    QList<BrokerHolding> holdings;
    qint64 deposit = 0; // kt00001 entr
    qint64 d2Deposit = 0; // kt00001 d2_entra: cash once every trade so far has settled
    qint64 orderable = 0; // kt00001 ord_alow_amt
    // ka10074 from periodStart to tradingDate.
    QDate periodStart;
    qint64 realized = 0; // rlzt_pl
    qint64 fees = 0; // trde_cmsn (buys and sells)
    qint64 taxes = 0; // trde_tax
    qint64 bought = 0; // tot_buy_amt
    qint64 sold = 0; // tot_sell_amt
    // ka10077: today's realized P&L per stock, for the codes asked.
    QHash<QString, qint64> realizedToday;
};

// The app's side: rows of orders, executions, positions and sell_orders.
struct AppOrder
{
    qint64 id = 0;
    QString clientOrderId;
    QString brokerOrderNo; // empty until accepted
    QString origBrokerOrderNo;
    QString action; // PLACE | MODIFY | CANCEL
    Side side = Side::Buy;
    QString code;
    qint64 quantity = 0;
    qint64 price = 0;
    QString state; // NEW, SENT, ACCEPTED, PARTIAL, FILLED, REJECTED, CANCELLED, UNKNOWN
    qint64 filledQuantity = 0;
    qint64 filledAmount = 0;
    QString origin; // condition, strategy, scalping, stop_loss, ...
    std::optional<qint64> originSignalId;
    QString tradingDate; // "YYYY-MM-DD"
};

struct AppExecution
{
    qint64 id = 0;
    qint64 orderId = 0;
    QString brokerExecutionNo;
    qint64 price = 0;
    qint64 quantity = 0;
    qint64 fee = 0;
    qint64 tax = 0;
};

struct AppPosition
{
    qint64 id = 0;
    QString code;
    QString status; // OPEN | SELLING | CLOSED
    qint64 quantity = 0;
    qint64 buyPrice = 0;
    qint64 buyQuantity = 0;
    qint64 buyAmount = 0;
    qint64 realizedProfitLoss = 0;
};

struct AppSellOrder
{
    qint64 id = 0;
    qint64 positionId = 0;
    QString code;
    QString status; // PENDING | ORDERED | COMPLETED | FAILED | CANCELLED
    std::optional<qint64> orderId;
    std::optional<qint64> profitLoss;
};

struct AppRecords
{
    QList<AppOrder> orders;
    QList<AppExecution> executions;
    QList<AppPosition> positions;
    QList<AppSellOrder> sellOrders;
};

// Opens the app's SQLite file read-only (QSqlDatabase, QSQLITE_OPEN_READONLY: nothing is written,
// not even a checkpoint) and reads the four tables. Works on a database left by a killed app (its
// WAL is read, never replayed into the file). Error ledger.db_open / ledger.db_query with SQLite's
// text.
Result<AppRecords> readAppDatabase(const QString &dbFile);

struct CompareOptions
{
    // A broker order of the day that no orders row carries (by number) is a discrepancy: in the
    // crash test nobody else trades, so it can only be an order the app sent and lost track of, or
    // sent twice.
    bool requireEveryBrokerOrderKnown = true;
    // At most one PLACE order per (origin, origin signal) reached the broker (got a number or a
    // fill): a signal traded twice is an order sent twice.
    bool oneBrokerOrderPerSignal = true;
    // Money to the won: realized P&L (Σ positions.realized_profit_loss vs ka10074 rlzt_pl since
    // periodStart; per stock, Σ sell_orders.profit_loss of the day vs ka10077), fees and taxes
    // (Σ executions vs ka10074 trde_cmsn / trde_tax, and per order vs ka10076).
    bool compareMoney = false;
    // With the account's initial cash: initial + Σ sells − Σ buys − fees − taxes over executions
    // must equal the broker's D+2 deposit (every fill of every day counted once).
    std::optional<qint64> initialCash;
};

// Compares; returns one sentence per discrepancy (empty = the records agree). Pure: no I/O.
// Rules (records.tradingDate is "today"):
// - every broker order number appears at most once in orders per trading day;
// - every order of ours with a broker number exists at the broker when the broker can vouch for it
//   (it is open or has fills there), with the same stock and side; an order the app still calls
//   open (SENT, ACCEPTED, PARTIAL, UNKNOWN) must be open at the broker, and one the broker has open
//   must not be terminal in the app; orders of ours left without a broker number must not be
//   open (NEW, SENT, UNKNOWN) after a reconciliation;
// - every broker order of the day is in orders (requireEveryBrokerOrderKnown);
// - per order: Σ executions.quantity == orders.filled_quantity == the broker's filled quantity,
//   each execution number once per order, average fill price within a won;
// - live positions (OPEN/SELLING) == holdings: the same stocks, quantities equal, average price
//   within one won;
// - money as CompareOptions says.
QStringList compare(const BrokerRecords &broker, const AppRecords &app, const CompareOptions &options);

} // namespace Ledger

class SimTestClient;

// BrokerLedger reads the broker's records through the Kiwoom REST protocol, over loopback, with a
// client of its own (SimTestClient: raw HTTP written from kiwoom-protocol.md, sharing no code with
// the app's RestClient or the simulator), so the crash test's reading of the broker is independent
// of what it checks. It issues its own token (au10001), follows cont-yn/next-key paging, waits out
// rate-limit refusals (HTTP 429) and reports any other failure as an Error (ledger.http,
// ledger.tr) rather than a partial picture. Test thread only (it spins the event loop while it waits).
class BrokerLedger
{
public:
    BrokerLedger(const QUrl &restBaseUrl, const QString &appKey, const QString &secretKey);
    ~BrokerLedger();
    Q_DISABLE_COPY_MOVE(BrokerLedger)

    // kt00018, ka10075, ka10076, kt00001, ka10074 (periodStart..tradingDate; periodStart invalid =
    // tradingDate) and ka10077 for each of realizedCodes.
    Result<Ledger::BrokerRecords> read(
        const QDate &tradingDate, const QStringList &realizedCodes = {}, const QDate &periodStart = {});

private:
    Status ensureToken();
    Result<QList<QJsonObject>> pages(
        const QString &apiId, const QJsonObject &body, const QString &listName, QJsonObject *first = nullptr);

    std::unique_ptr<SimTestClient> m_client;
    QString m_appKey;
    QString m_secretKey;
};
