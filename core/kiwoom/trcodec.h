// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kiwoomerror.h"
#include "market/candle.h"
#include "types.h"

#include <QJsonObject>
#include <QList>

#include <optional>

// The TR catalogue (api-id -> URL path, quota pool, priority) and the wire codec of each TR the
// app uses: request bodies (every value a JSON string, field names exactly as in the protocol
// document) and reply parsers (typed structs, or a KiwoomError of kind Parse naming TR and field).
// Pure functions: RestClient does the I/O; tests call these directly with the document's examples.
namespace Kiwoom::Tr {

struct Spec
{
    QString apiId;
    QString path; // "/api/dostk/chart"
    RequestPool pool = RequestPool::Query;
    RequestPriority priority = RequestPriority::List;
    QString title; // Korean TR name, for logs
};

// Known TRs; nullopt for anything else (RestClient::call() then needs an explicit spec).
std::optional<Spec> spec(const QString &apiId);
QList<Spec> catalogue();
bool isOrderTr(const QString &apiId);

// ---- request bodies ------------------------------------------------------------------------
// Validation failures (bad code, quantity, price for the trade type ...) are Invalid errors:
// nothing is sent.
KiwoomResult<QJsonObject> stockCodeBody(const QString &apiId, const QString &code); // ka10001/4/7/100, ka10077
KiwoomResult<QJsonObject> tickChartBody(const TickChartRequest &request);
KiwoomResult<QJsonObject> minuteChartBody(const MinuteChartRequest &request);
KiwoomResult<QJsonObject> dailyChartBody(const DailyChartRequest &request);
KiwoomResult<QJsonObject> watchlistBody(const QStringList &codes);
QJsonObject stockListBody(Market market);
KiwoomResult<QJsonObject> orderBody(const OrderRequest &request);
KiwoomResult<QJsonObject> modifyBody(const ModifyRequest &request);
KiwoomResult<QJsonObject> cancelBody(const CancelRequest &request);
QJsonObject depositBody(const DepositRequest &request);
KiwoomResult<QJsonObject> accountEvaluationBody(const AccountEvaluationRequest &request);
KiwoomResult<QJsonObject> holdingsBody(const HoldingsRequest &request);
KiwoomResult<QJsonObject> openOrdersBody(const OpenOrdersRequest &request);
KiwoomResult<QJsonObject> fillsBody(const FillsRequest &request);
KiwoomResult<QJsonObject> realizedPnlBody(const RealizedPnlRequest &request);

// ---- reply parsers -----------------------------------------------------------------------------
// `pages` are the JSON bodies of every page in order (first page first); flat TRs take one body.
// receivedMs places time-only (HHmmss) fields on a KST calendar day.
KiwoomResult<StockInfo> parseStockInfo(const QJsonObject &body);
KiwoomResult<OrderBook> parseOrderBook(const QJsonObject &body, const QString &code, qint64 receivedMs);
KiwoomResult<QuoteSheet> parseQuoteSheet(const QJsonObject &body);
KiwoomResult<ChartReply> parseChart(const QString &apiId, const QList<QJsonObject> &pages);
KiwoomResult<QList<WatchQuote>> parseWatchlist(const QList<QJsonObject> &pages, qint64 receivedMs);
KiwoomResult<StockListReply> parseStockList(const QList<QJsonObject> &pages);
KiwoomResult<StockListing> parseStockListing(const QJsonObject &body);
KiwoomResult<OrderAck> parseOrderAck(const QString &apiId, const QJsonObject &body);
KiwoomResult<ModifyAck> parseModifyAck(const QJsonObject &body);
KiwoomResult<CancelAck> parseCancelAck(const QJsonObject &body);
KiwoomResult<AccountNumber> parseAccountNumber(const QJsonObject &body);
KiwoomResult<Deposit> parseDeposit(const QJsonObject &body);
KiwoomResult<AccountEvaluation> parseAccountEvaluation(const QList<QJsonObject> &pages);
KiwoomResult<Holdings> parseHoldings(const QList<QJsonObject> &pages);
KiwoomResult<OpenOrders> parseOpenOrders(const QList<QJsonObject> &pages, qint64 receivedMs);
KiwoomResult<Fills> parseFills(const QList<QJsonObject> &pages, qint64 receivedMs);
KiwoomResult<RealizedPnl> parseRealizedPnl(const QList<QJsonObject> &pages);
KiwoomResult<TodayRealized> parseTodayRealized(const QList<QJsonObject> &pages);

// Chart rows (newest first, as received) -> Candles oldest first. Daily bars open at 09:00 KST of
// their date; tick/minute bars take cntr_tm as their time (the protocol does not say whether
// Kiwoom labels a minute bar by its first or last minute).
QList<Candle> toCandles(const QList<ChartBar> &bars);

} // namespace Kiwoom::Tr
