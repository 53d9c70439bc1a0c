// SPDX-License-Identifier: GPL-3.0-or-later
#include "trcodec.h"

#include "fieldreader.h"
#include "market/krx.h"

#include <QJsonArray>

using Need = FieldReader::Need;

namespace Kiwoom::Tr {

namespace {

const QString PATH_ACNT = QStringLiteral("/api/dostk/acnt");
const QString PATH_STKINFO = QStringLiteral("/api/dostk/stkinfo");
const QString PATH_MRKCOND = QStringLiteral("/api/dostk/mrkcond");
const QString PATH_CHART = QStringLiteral("/api/dostk/chart");
const QString PATH_ORDR = QStringLiteral("/api/dostk/ordr");

const QList<Spec> &specs()
{
    using P = RequestPriority;
    static const QList<Spec> list = {
        { QStringLiteral("au10001"), QStringLiteral("/oauth2/token"), RequestPool::Query, P::Account,
            QStringLiteral("접근토큰 발급") },
        { QStringLiteral("au10002"), QStringLiteral("/oauth2/revoke"), RequestPool::Query, P::Account,
            QStringLiteral("접근토큰 폐기") },
        { QStringLiteral("ka00001"), PATH_ACNT, RequestPool::Query, P::Account, QStringLiteral("계좌번호조회") },
        { QStringLiteral("ka10001"), PATH_STKINFO, RequestPool::Query, P::Quote, QStringLiteral("주식기본정보요청") },
        { QStringLiteral("ka10003"), PATH_STKINFO, RequestPool::Query, P::Quote, QStringLiteral("체결정보요청") },
        { QStringLiteral("ka10004"), PATH_MRKCOND, RequestPool::Query, P::Quote, QStringLiteral("주식호가요청") },
        { QStringLiteral("ka10007"), PATH_MRKCOND, RequestPool::Query, P::Quote, QStringLiteral("시세표성정보요청") },
        { QStringLiteral("ka10079"), PATH_CHART, RequestPool::Query, P::Chart, QStringLiteral("주식틱차트조회요청") },
        { QStringLiteral("ka10080"), PATH_CHART, RequestPool::Query, P::Chart, QStringLiteral("주식분봉차트조회요청") },
        { QStringLiteral("ka10081"), PATH_CHART, RequestPool::Query, P::Chart, QStringLiteral("주식일봉차트조회요청") },
        { QStringLiteral("ka10082"), PATH_CHART, RequestPool::Query, P::Chart, QStringLiteral("주식주봉차트조회요청") },
        { QStringLiteral("ka10083"), PATH_CHART, RequestPool::Query, P::Chart, QStringLiteral("주식월봉차트조회요청") },
        { QStringLiteral("ka10095"), PATH_STKINFO, RequestPool::Query, P::Quote, QStringLiteral("관심종목정보요청") },
        { QStringLiteral("ka10099"), PATH_STKINFO, RequestPool::Query, P::List, QStringLiteral("종목정보 리스트") },
        { QStringLiteral("ka10100"), PATH_STKINFO, RequestPool::Query, P::List, QStringLiteral("종목정보 조회") },
        { QStringLiteral("kt10000"), PATH_ORDR, RequestPool::Order, P::Order, QStringLiteral("주식 매수주문") },
        { QStringLiteral("kt10001"), PATH_ORDR, RequestPool::Order, P::Order, QStringLiteral("주식 매도주문") },
        { QStringLiteral("kt10002"), PATH_ORDR, RequestPool::Order, P::Order, QStringLiteral("주식 정정주문") },
        { QStringLiteral("kt10003"), PATH_ORDR, RequestPool::Order, P::Order, QStringLiteral("주식 취소주문") },
        { QStringLiteral("kt00001"), PATH_ACNT, RequestPool::Query, P::Account, QStringLiteral("예수금상세현황요청") },
        { QStringLiteral("kt00004"), PATH_ACNT, RequestPool::Query, P::Account, QStringLiteral("계좌평가현황요청") },
        { QStringLiteral("kt00018"), PATH_ACNT, RequestPool::Query, P::Account,
            QStringLiteral("계좌평가잔고내역요청") },
        { QStringLiteral("ka10074"), PATH_ACNT, RequestPool::Query, P::Account, QStringLiteral("일자별실현손익요청") },
        { QStringLiteral("ka10075"), PATH_ACNT, RequestPool::Query, P::Account, QStringLiteral("미체결요청") },
        { QStringLiteral("ka10076"), PATH_ACNT, RequestPool::Query, P::Account, QStringLiteral("체결요청") },
        { QStringLiteral("ka10077"), PATH_ACNT, RequestPool::Query, P::Account,
            QStringLiteral("당일실현손익상세요청") },
    };
    return list;
}

KiwoomError invalid(const QString &apiId, const QString &message)
{
    return KiwoomError::make(KiwoomError::Kind::Invalid, apiId, message);
}

bool isValidCode(const QString &code)
{
    if (code.size() != 6)
        return false;
    return std::all_of(
        code.begin(), code.end(), [](QChar c) { return (c >= u'0' && c <= u'9') || (c >= u'A' && c <= u'Z'); });
}

// A request code: "005930", or with the exchange suffix "005930_NX" / "005930_AL".
bool isValidRequestCode(const QString &code)
{
    if (code.size() == 9 && (code.endsWith(u"_NX") || code.endsWith(u"_AL")))
        return isValidCode(code.left(6));
    return isValidCode(code);
}

bool isValidOrderNo(const QString &no)
{
    return !no.isEmpty() && no.size() <= 10
        && std::all_of(no.begin(), no.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

QString num(qint64 v)
{
    return QString::number(v);
}

QString numOrEmpty(qint64 v)
{
    return v > 0 ? QString::number(v) : QString();
}

QString ymd(const QDate &d)
{
    return d.toString(QStringLiteral("yyyyMMdd"));
}

QString sideFilterCode(SideFilter f)
{
    switch (f) {
    case SideFilter::All:
        return QStringLiteral("0");
    case SideFilter::Sell:
        return QStringLiteral("1");
    case SideFilter::Buy:
        return QStringLiteral("2");
    }
    return QStringLiteral("0");
}

QString venueFilterCode(VenueFilter f)
{
    switch (f) {
    case VenueFilter::All:
        return QStringLiteral("0");
    case VenueFilter::Krx:
        return QStringLiteral("1");
    case VenueFilter::Nxt:
        return QStringLiteral("2");
    }
    return QStringLiteral("0");
}

// Calls fn(reader) for every row of the list `key` over all pages. A page without the key adds no
// rows; a key that is not an array, or a row that is not an object, is a parse error.
template<typename Fn>
std::optional<KiwoomError> forEachRow(const QString &apiId, const QList<QJsonObject> &pages, QLatin1String key, Fn fn)
{
    int index = 0;
    for (const QJsonObject &page : pages) {
        const QJsonValue list = page.value(key);
        if (list.isUndefined())
            continue;
        if (!list.isArray()) {
            return KiwoomError::make(
                KiwoomError::Kind::Parse, apiId, QStringLiteral("%1 %2: expected an array").arg(apiId, QString(key)));
        }
        const QJsonArray rows = list.toArray();
        for (const QJsonValue &row : rows) {
            const QString context = QStringLiteral("%1 %2[%3]").arg(apiId, QString(key)).arg(index);
            if (!row.isObject()) {
                return KiwoomError::make(
                    KiwoomError::Kind::Parse, apiId, context + QStringLiteral(": expected an object"));
            }
            FieldReader r(row.toObject(), apiId, context);
            fn(r);
            if (!r.ok())
                return r.error();
            ++index;
        }
    }
    return std::nullopt;
}

QJsonObject firstPage(const QList<QJsonObject> &pages)
{
    return pages.isEmpty() ? QJsonObject() : pages.first();
}

template<typename T> KiwoomResult<T> finish(const FieldReader &r, T &&value)
{
    if (!r.ok())
        return r.error();
    return std::move(value);
}

QString chartListKey(const QString &apiId)
{
    if (apiId == u"ka10079")
        return QStringLiteral("stk_tic_chart_qry");
    if (apiId == u"ka10080")
        return QStringLiteral("stk_min_pole_chart_qry");
    if (apiId == u"ka10081")
        return QStringLiteral("stk_dt_pole_chart_qry");
    if (apiId == u"ka10082")
        return QStringLiteral("stk_stk_pole_chart_qry");
    if (apiId == u"ka10083")
        return QStringLiteral("stk_mth_pole_chart_qry");
    return {};
}

} // namespace

std::optional<Spec> spec(const QString &apiId)
{
    for (const Spec &s : specs()) {
        if (s.apiId == apiId)
            return s;
    }
    return std::nullopt;
}

QList<Spec> catalogue()
{
    return specs();
}

bool isOrderTr(const QString &apiId)
{
    const auto s = spec(apiId);
    return s && s->pool == RequestPool::Order;
}

// ---- request bodies ------------------------------------------------------------------------------

KiwoomResult<QJsonObject> stockCodeBody(const QString &apiId, const QString &code)
{
    if (!isValidRequestCode(code))
        return invalid(apiId, QStringLiteral("not a stock code: \"%1\"").arg(code));
    return QJsonObject { { QStringLiteral("stk_cd"), code } };
}

KiwoomResult<QJsonObject> tickChartBody(const TickChartRequest &request)
{
    static const QList<int> scopes = { 1, 3, 5, 10, 30 };
    if (!isValidRequestCode(request.code))
        return invalid(QStringLiteral("ka10079"), QStringLiteral("not a stock code: \"%1\"").arg(request.code));
    if (!scopes.contains(request.tickScope))
        return invalid(QStringLiteral("ka10079"),
            QStringLiteral("tic_scope must be 1, 3, 5, 10 or 30 (got %1)").arg(request.tickScope));
    return QJsonObject {
        { QStringLiteral("stk_cd"), request.code },
        { QStringLiteral("tic_scope"), num(request.tickScope) },
        { QStringLiteral("upd_stkpc_tp"), request.adjusted ? QStringLiteral("1") : QStringLiteral("0") },
    };
}

KiwoomResult<QJsonObject> minuteChartBody(const MinuteChartRequest &request)
{
    static const QList<int> scopes = { 1, 3, 5, 10, 15, 30, 45, 60 };
    if (!isValidRequestCode(request.code))
        return invalid(QStringLiteral("ka10080"), QStringLiteral("not a stock code: \"%1\"").arg(request.code));
    if (!scopes.contains(request.tickScope))
        return invalid(QStringLiteral("ka10080"),
            QStringLiteral("tic_scope must be 1, 3, 5, 10, 15, 30, 45 or 60 (got %1)").arg(request.tickScope));
    QJsonObject body {
        { QStringLiteral("stk_cd"), request.code },
        { QStringLiteral("tic_scope"), num(request.tickScope) },
        { QStringLiteral("upd_stkpc_tp"), request.adjusted ? QStringLiteral("1") : QStringLiteral("0") },
    };
    if (request.baseDate.isValid())
        body.insert(QStringLiteral("base_dt"), ymd(request.baseDate));
    return body;
}

KiwoomResult<QJsonObject> dailyChartBody(const DailyChartRequest &request)
{
    if (!isValidRequestCode(request.code))
        return invalid(QStringLiteral("ka10081"), QStringLiteral("not a stock code: \"%1\"").arg(request.code));
    if (!request.baseDate.isValid())
        return invalid(QStringLiteral("ka10081"), QStringLiteral("base_dt is required"));
    return QJsonObject {
        { QStringLiteral("stk_cd"), request.code },
        { QStringLiteral("base_dt"), ymd(request.baseDate) },
        { QStringLiteral("upd_stkpc_tp"), request.adjusted ? QStringLiteral("1") : QStringLiteral("0") },
    };
}

KiwoomResult<QJsonObject> watchlistBody(const QStringList &codes)
{
    if (codes.isEmpty())
        return invalid(QStringLiteral("ka10095"), QStringLiteral("no stock codes"));
    for (const QString &c : codes) {
        if (!isValidRequestCode(c))
            return invalid(QStringLiteral("ka10095"), QStringLiteral("not a stock code: \"%1\"").arg(c));
    }
    return QJsonObject { { QStringLiteral("stk_cd"), codes.join(QLatin1Char('|')) } };
}

QJsonObject stockListBody(Market market)
{
    return QJsonObject { { QStringLiteral("mrkt_tp"), marketCode(market) } };
}

KiwoomResult<QJsonObject> orderBody(const OrderRequest &r)
{
    const QString apiId = r.side == Side::Buy ? QStringLiteral("kt10000") : QStringLiteral("kt10001");
    if (!isValidCode(r.code))
        return invalid(apiId, QStringLiteral("not a stock code: \"%1\"").arg(r.code));
    if (r.quantity <= 0)
        return invalid(apiId, QStringLiteral("quantity must be positive (got %1)").arg(r.quantity));
    if (r.price < 0 || r.conditionPrice < 0)
        return invalid(apiId, QStringLiteral("negative price"));
    if (tradeTypeNeedsPrice(r.tradeType) && r.price == 0)
        return invalid(apiId, QStringLiteral("trade type %1 needs a price").arg(tradeTypeCode(r.tradeType)));
    if (tradeTypeForbidsPrice(r.tradeType) && r.price != 0)
        return invalid(apiId, QStringLiteral("trade type %1 takes no price").arg(tradeTypeCode(r.tradeType)));
    if (r.tradeType == TradeType::StopLimit && r.conditionPrice == 0)
        return invalid(apiId, QStringLiteral("a stop-limit order needs a condition price"));
    if (r.tradeType != TradeType::StopLimit && r.conditionPrice != 0)
        return invalid(apiId, QStringLiteral("only stop-limit orders take a condition price"));
    return QJsonObject {
        { QStringLiteral("dmst_stex_tp"), exchangeCode(r.exchange) },
        { QStringLiteral("stk_cd"), r.code },
        { QStringLiteral("ord_qty"), num(r.quantity) },
        { QStringLiteral("ord_uv"), numOrEmpty(r.price) },
        { QStringLiteral("trde_tp"), tradeTypeCode(r.tradeType) },
        { QStringLiteral("cond_uv"), numOrEmpty(r.conditionPrice) },
    };
}

KiwoomResult<QJsonObject> modifyBody(const ModifyRequest &r)
{
    const QString apiId = QStringLiteral("kt10002");
    if (!isValidCode(r.code))
        return invalid(apiId, QStringLiteral("not a stock code: \"%1\"").arg(r.code));
    if (!isValidOrderNo(r.origOrderNo))
        return invalid(apiId, QStringLiteral("not an order number: \"%1\"").arg(r.origOrderNo));
    if (r.quantity < 0)
        return invalid(apiId, QStringLiteral("negative quantity"));
    if (r.price <= 0)
        return invalid(apiId, QStringLiteral("mdfy_uv (the new price) is required"));
    if (r.conditionPrice < 0)
        return invalid(apiId, QStringLiteral("negative condition price"));
    return QJsonObject {
        { QStringLiteral("dmst_stex_tp"), exchangeCode(r.exchange) },
        { QStringLiteral("orig_ord_no"), r.origOrderNo },
        { QStringLiteral("stk_cd"), r.code },
        { QStringLiteral("mdfy_qty"), num(r.quantity) },
        { QStringLiteral("mdfy_uv"), num(r.price) },
        { QStringLiteral("mdfy_cond_uv"), numOrEmpty(r.conditionPrice) },
    };
}

KiwoomResult<QJsonObject> cancelBody(const CancelRequest &r)
{
    const QString apiId = QStringLiteral("kt10003");
    if (!isValidCode(r.code))
        return invalid(apiId, QStringLiteral("not a stock code: \"%1\"").arg(r.code));
    if (!isValidOrderNo(r.origOrderNo))
        return invalid(apiId, QStringLiteral("not an order number: \"%1\"").arg(r.origOrderNo));
    if (r.quantity < 0)
        return invalid(apiId, QStringLiteral("negative quantity"));
    return QJsonObject {
        { QStringLiteral("dmst_stex_tp"), exchangeCode(r.exchange) },
        { QStringLiteral("orig_ord_no"), r.origOrderNo },
        { QStringLiteral("stk_cd"), r.code },
        { QStringLiteral("cncl_qty"), num(r.quantity) },
    };
}

QJsonObject depositBody(const DepositRequest &request)
{
    return QJsonObject { { QStringLiteral("qry_tp"), request.estimated ? QStringLiteral("3") : QStringLiteral("2") } };
}

KiwoomResult<QJsonObject> accountEvaluationBody(const AccountEvaluationRequest &request)
{
    if (request.exchange == Exchange::Sor)
        return invalid(QStringLiteral("kt00004"), QStringLiteral("dmst_stex_tp must be KRX or NXT"));
    return QJsonObject {
        { QStringLiteral("qry_tp"), request.excludeDelisted ? QStringLiteral("1") : QStringLiteral("0") },
        { QStringLiteral("dmst_stex_tp"), exchangeCode(request.exchange) },
    };
}

KiwoomResult<QJsonObject> holdingsBody(const HoldingsRequest &request)
{
    if (request.exchange == Exchange::Sor)
        return invalid(QStringLiteral("kt00018"), QStringLiteral("dmst_stex_tp must be KRX or NXT"));
    return QJsonObject {
        { QStringLiteral("qry_tp"), request.summed ? QStringLiteral("1") : QStringLiteral("2") },
        { QStringLiteral("dmst_stex_tp"), exchangeCode(request.exchange) },
    };
}

KiwoomResult<QJsonObject> openOrdersBody(const OpenOrdersRequest &request)
{
    if (!request.code.isEmpty() && !isValidCode(request.code))
        return invalid(QStringLiteral("ka10075"), QStringLiteral("not a stock code: \"%1\"").arg(request.code));
    return QJsonObject {
        { QStringLiteral("all_stk_tp"), request.code.isEmpty() ? QStringLiteral("0") : QStringLiteral("1") },
        { QStringLiteral("trde_tp"), sideFilterCode(request.side) },
        { QStringLiteral("stk_cd"), request.code },
        { QStringLiteral("stex_tp"), venueFilterCode(request.venue) },
    };
}

KiwoomResult<QJsonObject> fillsBody(const FillsRequest &request)
{
    if (!request.code.isEmpty() && !isValidCode(request.code))
        return invalid(QStringLiteral("ka10076"), QStringLiteral("not a stock code: \"%1\"").arg(request.code));
    if (!request.beforeOrderNo.isEmpty() && !isValidOrderNo(request.beforeOrderNo))
        return invalid(
            QStringLiteral("ka10076"), QStringLiteral("not an order number: \"%1\"").arg(request.beforeOrderNo));
    return QJsonObject {
        { QStringLiteral("stk_cd"), request.code },
        { QStringLiteral("qry_tp"), request.code.isEmpty() ? QStringLiteral("0") : QStringLiteral("1") },
        { QStringLiteral("sell_tp"), sideFilterCode(request.side) },
        { QStringLiteral("ord_no"), request.beforeOrderNo },
        { QStringLiteral("stex_tp"), venueFilterCode(request.venue) },
    };
}

KiwoomResult<QJsonObject> realizedPnlBody(const RealizedPnlRequest &request)
{
    if (!request.startDate.isValid() || !request.endDate.isValid() || request.startDate > request.endDate)
        return invalid(QStringLiteral("ka10074"), QStringLiteral("needs a valid start date <= end date"));
    return QJsonObject {
        { QStringLiteral("strt_dt"), ymd(request.startDate) },
        { QStringLiteral("end_dt"), ymd(request.endDate) },
    };
}

// ---- reply parsers ---------------------------------------------------------------------------------

KiwoomResult<StockInfo> parseStockInfo(const QJsonObject &body)
{
    FieldReader r(body, QStringLiteral("ka10001"), QStringLiteral("ka10001"));
    StockInfo s;
    s.code = r.code(QLatin1String("stk_cd"), Need::Required);
    s.name = r.text(QLatin1String("stk_nm")).trimmed();
    s.settlementMonth = r.text(QLatin1String("setl_mm")).trimmed();
    s.faceValue = qint64(r.decimal(QLatin1String("fav"), Need::Lenient));
    s.capitalEok = r.integer(QLatin1String("cap"), Need::Lenient);
    s.floatingShares = r.integer(QLatin1String("flo_stk"), Need::Lenient);
    s.creditRate = r.decimal(QLatin1String("crd_rt"), Need::Lenient);
    s.yearHigh = r.price(QLatin1String("oyr_hgst"));
    s.yearLow = r.price(QLatin1String("oyr_lwst"));
    s.marketCapEok = r.integer(QLatin1String("mac"), Need::Lenient);
    s.foreignRate = r.decimal(QLatin1String("for_exh_rt"), Need::Lenient);
    s.substitutePrice = r.price(QLatin1String("repl_pric"));
    s.per = r.decimal(QLatin1String("per"), Need::Lenient);
    s.eps = r.decimal(QLatin1String("eps"), Need::Lenient);
    s.roe = r.decimal(QLatin1String("roe"), Need::Lenient);
    s.pbr = r.decimal(QLatin1String("pbr"), Need::Lenient);
    s.ev = r.decimal(QLatin1String("ev"), Need::Lenient);
    s.bps = r.decimal(QLatin1String("bps"), Need::Lenient);
    s.high250 = r.price(QLatin1String("250hgst"));
    s.low250 = r.price(QLatin1String("250lwst"));
    s.high250Date = r.date(QLatin1String("250hgst_pric_dt"), Need::Lenient);
    s.low250Date = r.date(QLatin1String("250lwst_pric_dt"), Need::Lenient);
    s.open = r.price(QLatin1String("open_pric"));
    s.high = r.price(QLatin1String("high_pric"));
    s.low = r.price(QLatin1String("low_pric"));
    s.upperLimit = r.price(QLatin1String("upl_pric"));
    s.lowerLimit = r.price(QLatin1String("lst_pric"));
    s.basePrice = r.price(QLatin1String("base_pric"));
    s.expectedPrice = r.price(QLatin1String("exp_cntr_pric"));
    s.expectedQty = r.integer(QLatin1String("exp_cntr_qty"));
    s.price = r.price(QLatin1String("cur_prc"), Need::Required, &s.direction);
    s.changeSign = r.changeSign(QLatin1String("pre_sig"));
    s.change = r.integer(QLatin1String("pred_pre"));
    s.changeRate = r.decimal(QLatin1String("flu_rt"));
    s.volume = r.integer(QLatin1String("trde_qty"));
    s.distributedShares = r.integer(QLatin1String("dstr_stk"), Need::Lenient);
    s.distributionRate = r.decimal(QLatin1String("dstr_rt"), Need::Lenient);
    s.warnings = r.warnings();
    return finish(r, std::move(s));
}

KiwoomResult<OrderBook> parseOrderBook(const QJsonObject &body, const QString &code, qint64 receivedMs)
{
    FieldReader r(body, QStringLiteral("ka10004"), QStringLiteral("ka10004"));
    OrderBook b;
    b.code = code;
    b.timeMs = r.timeNearMs(QLatin1String("bid_req_base_tm"), receivedMs, Need::Required);
    for (int level = 1; level <= 10; ++level) {
        // Level 1 is "fpr" (sel_fpr_bid / sel_fpr_req) with its change under sel_1th_pre_req_pre;
        // levels 2..10 are literally "sel_2th_pre_bid", "sel_3th_pre_req", ...
        for (const bool ask : { true, false }) {
            const QString side = ask ? QStringLiteral("sel") : QStringLiteral("buy");
            const QByteArray priceKey = (level == 1 ? QStringLiteral("%1_fpr_bid").arg(side)
                                                    : QStringLiteral("%1_%2th_pre_bid").arg(side).arg(level))
                                            .toLatin1();
            const QByteArray qtyKey = (level == 1 ? QStringLiteral("%1_fpr_req").arg(side)
                                                  : QStringLiteral("%1_%2th_pre_req").arg(side).arg(level))
                                          .toLatin1();
            const QByteArray changeKey = QStringLiteral("%1_%2th_pre_req_pre").arg(side).arg(level).toLatin1();
            BookLevel &l = ask ? b.asks[level - 1] : b.bids[level - 1];
            l.price = r.price(QLatin1String(priceKey));
            l.quantity = r.integer(QLatin1String(qtyKey));
            l.quantityChange = r.integer(QLatin1String(changeKey));
        }
    }
    b.totalAskQty = r.integer(QLatin1String("tot_sel_req"));
    b.totalBidQty = r.integer(QLatin1String("tot_buy_req"));
    b.totalAskQtyChange = r.integer(QLatin1String("tot_sel_req_jub_pre"));
    b.totalBidQtyChange = r.integer(QLatin1String("tot_buy_req_jub_pre"));
    b.afterHoursAskQty = r.integer(QLatin1String("ovt_sel_req"));
    b.afterHoursBidQty = r.integer(QLatin1String("ovt_buy_req"));
    return finish(r, std::move(b));
}

KiwoomResult<QuoteSheet> parseQuoteSheet(const QJsonObject &body)
{
    FieldReader r(body, QStringLiteral("ka10007"), QStringLiteral("ka10007"));
    QuoteSheet q;
    q.code = r.code(QLatin1String("stk_cd"), Need::Required);
    q.name = r.text(QLatin1String("stk_nm")).trimmed();
    const QDate date = r.date(QLatin1String("date"));
    const QString tm = r.text(QLatin1String("tm"));
    if (date.isValid() && !tm.isEmpty()) {
        const auto t = parseTime(tm);
        if (t)
            q.timeMs = Krx::fromKst(date, *t);
        else
            r.fail(QStringLiteral("tm"), t.error().message);
    }
    q.prevClose = r.price(QLatin1String("pred_close_pric"));
    q.prevVolume = r.integer(QLatin1String("pred_trde_qty"));
    q.upperLimit = r.price(QLatin1String("upl_pric"));
    q.lowerLimit = r.price(QLatin1String("lst_pric"));
    q.price = r.price(QLatin1String("cur_prc"), Need::Required, &q.direction);
    q.changeSign = r.changeSign(QLatin1String("smbol"));
    q.changeRate = r.decimal(QLatin1String("flu_rt"));
    q.open = r.price(QLatin1String("open_pric"));
    q.high = r.price(QLatin1String("high_pric"));
    q.low = r.price(QLatin1String("low_pric"));
    q.volume = r.integer(QLatin1String("trde_qty"));
    q.tradeValue = r.integer(QLatin1String("trde_prica"));
    for (int i = 1; i <= 10; ++i) {
        const QByteArray askPrice = QStringLiteral("sel_%1bid").arg(i).toLatin1();
        const QByteArray askQty = QStringLiteral("sel_%1bid_req").arg(i).toLatin1();
        const QByteArray bidPrice = QStringLiteral("buy_%1bid").arg(i).toLatin1();
        const QByteArray bidQty = QStringLiteral("buy_%1bid_req").arg(i).toLatin1();
        q.asks[i - 1].price = r.price(QLatin1String(askPrice));
        q.asks[i - 1].quantity = r.integer(QLatin1String(askQty));
        q.bids[i - 1].price = r.price(QLatin1String(bidPrice));
        q.bids[i - 1].quantity = r.integer(QLatin1String(bidQty));
    }
    q.totalAskQty = r.integer(QLatin1String("tot_sel_req"));
    q.totalBidQty = r.integer(QLatin1String("tot_buy_req"));
    return finish(r, std::move(q));
}

KiwoomResult<ChartReply> parseChart(const QString &apiId, const QList<QJsonObject> &pages)
{
    const QString listKey = chartListKey(apiId);
    if (listKey.isEmpty())
        return invalid(apiId, QStringLiteral("not a chart TR"));
    const bool intraday = apiId == u"ka10079" || apiId == u"ka10080";
    const bool tick = apiId == u"ka10079";
    const QByteArray key = listKey.toLatin1();

    ChartReply reply;
    {
        FieldReader top(firstPage(pages), apiId, apiId);
        reply.code = top.code(QLatin1String("stk_cd"));
        reply.lastTickCount = top.text(QLatin1String("last_tic_cnt")).trimmed();
        if (!top.ok())
            return top.error();
    }
    const auto err = forEachRow(apiId, pages, QLatin1String(key), [&](FieldReader &r) {
        ChartBar bar;
        bar.close = r.price(QLatin1String("cur_prc"), Need::Required);
        bar.volume = r.integer(QLatin1String("trde_qty"), Need::Required);
        const Need ohl = tick ? Need::Optional : Need::Required;
        bar.open = r.price(QLatin1String("open_pric"), ohl);
        bar.high = r.price(QLatin1String("high_pric"), ohl);
        bar.low = r.price(QLatin1String("low_pric"), ohl);
        bar.change = r.integer(QLatin1String("pred_pre"));
        bar.changeSign = r.changeSign(QLatin1String("pred_pre_sig"));
        if (intraday) {
            bar.timeMs = r.dateTimeMs(QLatin1String("cntr_tm"), Need::Required);
            bar.date = Krx::kstDate(bar.timeMs);
            bar.cumVolume = r.integer(QLatin1String("acc_trde_qty"));
        } else {
            bar.date = r.date(QLatin1String("dt"), Need::Required);
            bar.timeMs = bar.date.isValid() ? Krx::fromKst(bar.date, QTime(9, 0)) : 0;
            bar.tradeValueMillion = r.integer(QLatin1String("trde_prica"));
            bar.turnoverRate = r.decimal(QLatin1String("trde_tern_rt"));
        }
        if (tick && bar.open == 0) {
            // Tick rows are single trades; without OHL the trade price is all four.
            bar.open = bar.high = bar.low = bar.close;
        }
        // A bar whose low/high do not bracket its close is a wrong number, not a quirk; zeros
        // (no trade that period) are left alone.
        if (r.ok() && bar.low > 0 && bar.high > 0
            && (bar.low > bar.high || bar.close > bar.high || bar.close < bar.low))
            r.fail(QString(),
                QStringLiteral("inconsistent bar: low %1 high %2 close %3").arg(bar.low).arg(bar.high).arg(bar.close));
        reply.bars << bar;
    });
    if (err)
        return *err;
    return reply;
}

KiwoomResult<QList<WatchQuote>> parseWatchlist(const QList<QJsonObject> &pages, qint64 receivedMs)
{
    const QString apiId = QStringLiteral("ka10095");
    QList<WatchQuote> quotes;
    const auto err = forEachRow(apiId, pages, QLatin1String("atn_stk_infr"), [&](FieldReader &r) {
        WatchQuote q;
        q.code = r.code(QLatin1String("stk_cd"), Need::Required);
        q.name = r.text(QLatin1String("stk_nm")).trimmed();
        q.price = r.price(QLatin1String("cur_prc"), Need::Required, &q.direction);
        q.basePrice = r.price(QLatin1String("base_pric"));
        q.change = r.integer(QLatin1String("pred_pre"));
        q.changeSign = r.changeSign(QLatin1String("pred_pre_sig"));
        q.changeRate = r.decimal(QLatin1String("flu_rt"));
        q.volume = r.integer(QLatin1String("trde_qty"));
        q.tradeValue = r.integer(QLatin1String("trde_prica"));
        q.lastFillQty = r.integer(QLatin1String("cntr_qty"));
        q.strength = r.decimal(QLatin1String("cntr_str"), Need::Lenient);
        q.bestAsk = r.price(QLatin1String("sel_bid"));
        q.bestBid = r.price(QLatin1String("buy_bid"));
        q.upperLimit = r.price(QLatin1String("upl_pric"));
        q.lowerLimit = r.price(QLatin1String("lst_pric"));
        q.open = r.price(QLatin1String("open_pric"));
        q.high = r.price(QLatin1String("high_pric"));
        q.low = r.price(QLatin1String("low_pric"));
        q.close = r.price(QLatin1String("close_pric"));
        const QDate dt = r.date(QLatin1String("dt"));
        if (dt.isValid()) {
            const QString tm = r.text(QLatin1String("cntr_tm"));
            const auto t = tm.isEmpty() ? Result<QTime>(QTime(0, 0)) : parseTime(tm);
            if (t)
                q.timeMs = Krx::fromKst(dt, *t);
            else
                r.fail(QStringLiteral("cntr_tm"), t.error().message);
        } else {
            q.timeMs = r.timeNearMs(QLatin1String("cntr_tm"), receivedMs);
        }
        q.totalAskQty = r.integer(QLatin1String("tot_sel_req"));
        q.totalBidQty = r.integer(QLatin1String("tot_buy_req"));
        quotes << q;
    });
    if (err)
        return *err;
    return quotes;
}

namespace {

void readListing(FieldReader &r, StockListing &s)
{
    s.code = r.code(QLatin1String("code"), Need::Required);
    s.name = r.text(QLatin1String("name"), Need::Required).trimmed();
    s.listedShares = r.integer(QLatin1String("listCount"));
    s.auditInfo = r.text(QLatin1String("auditInfo")).trimmed();
    s.listedDate = r.date(QLatin1String("regDay"));
    s.lastPrice = r.price(QLatin1String("lastPrice"));
    const QString state = r.text(QLatin1String("state")).trimmed();
    s.state = state.isEmpty() ? QStringList() : state.split(QLatin1Char('|'), Qt::SkipEmptyParts);
    s.marketCode = r.text(QLatin1String("marketCode")).trimmed();
    s.marketName = r.text(QLatin1String("marketName")).trimmed();
    s.sectorName = r.text(QLatin1String("upName")).trimmed();
    s.sizeName = r.text(QLatin1String("upSizeName")).trimmed();
    s.companyClass = r.text(QLatin1String("companyClassName")).trimmed();
    s.orderWarning = int(r.integer(QLatin1String("orderWarning")));
    s.nxtEnabled = r.text(QLatin1String("nxtEnable")).trimmed() == u"Y";
}

} // namespace

KiwoomResult<StockListReply> parseStockList(const QList<QJsonObject> &pages)
{
    StockListReply reply;
    const auto err = forEachRow(QStringLiteral("ka10099"), pages, QLatin1String("list"), [&](FieldReader &r) {
        StockListing s;
        readListing(r, s);
        reply.stocks << s;
    });
    if (err)
        return *err;
    return reply;
}

KiwoomResult<StockListing> parseStockListing(const QJsonObject &body)
{
    FieldReader r(body, QStringLiteral("ka10100"), QStringLiteral("ka10100"));
    StockListing s;
    readListing(r, s);
    return finish(r, std::move(s));
}

KiwoomResult<OrderAck> parseOrderAck(const QString &apiId, const QJsonObject &body)
{
    FieldReader r(body, apiId, apiId);
    OrderAck a;
    a.orderNo = r.text(QLatin1String("ord_no"), Need::Required).trimmed();
    if (r.ok() && !isValidOrderNo(a.orderNo))
        r.fail(QStringLiteral("ord_no"), QStringLiteral("not an order number: \"%1\"").arg(a.orderNo));
    a.exchange = r.text(QLatin1String("dmst_stex_tp")).trimmed();
    a.message = r.text(QLatin1String("return_msg")).trimmed();
    return finish(r, std::move(a));
}

KiwoomResult<ModifyAck> parseModifyAck(const QJsonObject &body)
{
    const QString apiId = QStringLiteral("kt10002");
    FieldReader r(body, apiId, apiId);
    ModifyAck a;
    a.orderNo = r.text(QLatin1String("ord_no"), Need::Required).trimmed();
    if (r.ok() && !isValidOrderNo(a.orderNo))
        r.fail(QStringLiteral("ord_no"), QStringLiteral("not an order number: \"%1\"").arg(a.orderNo));
    a.baseOrigOrderNo = r.text(QLatin1String("base_orig_ord_no")).trimmed();
    a.quantity = r.integer(QLatin1String("mdfy_qty"));
    a.exchange = r.text(QLatin1String("dmst_stex_tp")).trimmed();
    a.message = r.text(QLatin1String("return_msg")).trimmed();
    return finish(r, std::move(a));
}

KiwoomResult<CancelAck> parseCancelAck(const QJsonObject &body)
{
    const QString apiId = QStringLiteral("kt10003");
    FieldReader r(body, apiId, apiId);
    CancelAck a;
    a.orderNo = r.text(QLatin1String("ord_no"), Need::Required).trimmed();
    if (r.ok() && !isValidOrderNo(a.orderNo))
        r.fail(QStringLiteral("ord_no"), QStringLiteral("not an order number: \"%1\"").arg(a.orderNo));
    a.baseOrigOrderNo = r.text(QLatin1String("base_orig_ord_no")).trimmed();
    a.quantity = r.integer(QLatin1String("cncl_qty"));
    a.exchange = r.text(QLatin1String("dmst_stex_tp")).trimmed();
    a.message = r.text(QLatin1String("return_msg")).trimmed();
    return finish(r, std::move(a));
}

KiwoomResult<AccountNumber> parseAccountNumber(const QJsonObject &body)
{
    FieldReader r(body, QStringLiteral("ka00001"), QStringLiteral("ka00001"));
    AccountNumber a;
    a.accountNo = r.text(QLatin1String("acctNo"), Need::Required).trimmed();
    if (r.ok() && !std::all_of(a.accountNo.begin(), a.accountNo.end(), [](QChar c) { return c >= u'0' && c <= u'9'; }))
        r.fail(QStringLiteral("acctNo"), QStringLiteral("not an account number: \"%1\"").arg(a.accountNo));
    return finish(r, std::move(a));
}

KiwoomResult<Deposit> parseDeposit(const QJsonObject &body)
{
    FieldReader r(body, QStringLiteral("kt00001"), QStringLiteral("kt00001"));
    Deposit d;
    d.deposit = r.integer(QLatin1String("entr"), Need::Required);
    d.d1Deposit = r.integer(QLatin1String("d1_entra"));
    d.d2Deposit = r.integer(QLatin1String("d2_entra"));
    d.orderable = r.integer(QLatin1String("ord_alow_amt"), Need::Required);
    d.withdrawable = r.integer(QLatin1String("pymn_alow_amt"));
    d.orderable20 = r.integer(QLatin1String("20stk_ord_alow_amt"));
    d.orderable30 = r.integer(QLatin1String("30stk_ord_alow_amt"));
    d.orderable40 = r.integer(QLatin1String("40stk_ord_alow_amt"));
    d.orderable50 = r.integer(QLatin1String("50stk_ord_alow_amt"));
    d.orderable60 = r.integer(QLatin1String("60stk_ord_alow_amt"));
    d.orderable100 = r.integer(QLatin1String("100stk_ord_alow_amt"));
    d.marginCash = r.integer(QLatin1String("profa_ch"));
    d.substituteAmount = r.integer(QLatin1String("repl_amt"));
    d.cashUnpaid = r.integer(QLatin1String("ch_uncla"));
    return finish(r, std::move(d));
}

KiwoomResult<AccountEvaluation> parseAccountEvaluation(const QList<QJsonObject> &pages)
{
    const QString apiId = QStringLiteral("kt00004");
    AccountEvaluation a;
    {
        FieldReader r(firstPage(pages), apiId, apiId);
        a.accountName = r.text(QLatin1String("acnt_nm")).trimmed();
        a.branchName = r.text(QLatin1String("brch_nm")).trimmed();
        a.deposit = r.integer(QLatin1String("entr"), Need::Required);
        a.d2Deposit = r.integer(QLatin1String("d2_entra"));
        a.totalEstimate = r.integer(QLatin1String("tot_est_amt"));
        a.assetEvaluation = r.integer(QLatin1String("aset_evlt_amt"));
        a.totalPurchase = r.integer(QLatin1String("tot_pur_amt"));
        a.estimatedDepositAsset = r.integer(QLatin1String("prsm_dpst_aset_amt"));
        a.todayPnl = r.integer(QLatin1String("tdy_lspft"));
        a.todayPnlRate = r.decimal(QLatin1String("lspft_rt"));
        if (!r.ok())
            return r.error();
    }
    const auto err = forEachRow(apiId, pages, QLatin1String("stk_acnt_evlt_prst"), [&](FieldReader &r) {
        EvaluatedStock s;
        s.code = r.code(QLatin1String("stk_cd"), Need::Required);
        s.name = r.text(QLatin1String("stk_nm")).trimmed();
        s.quantity = r.integer(QLatin1String("rmnd_qty"), Need::Required);
        s.avgPrice = r.price(QLatin1String("avg_prc"));
        s.price = r.price(QLatin1String("cur_prc"));
        s.evaluation = r.integer(QLatin1String("evlt_amt"));
        s.pnl = r.integer(QLatin1String("pl_amt"));
        s.pnlRate = r.decimal(QLatin1String("pl_rt"));
        s.purchaseAmount = r.integer(QLatin1String("pur_amt"));
        s.todayBuyQty = r.integer(QLatin1String("tdy_buyq"));
        s.todaySellQty = r.integer(QLatin1String("tdy_sellq"));
        a.stocks << s;
    });
    if (err)
        return *err;
    return a;
}

KiwoomResult<Holdings> parseHoldings(const QList<QJsonObject> &pages)
{
    const QString apiId = QStringLiteral("kt00018");
    Holdings h;
    {
        FieldReader r(firstPage(pages), apiId, apiId);
        h.totalPurchase = r.integer(QLatin1String("tot_pur_amt"), Need::Required);
        h.totalEvaluation = r.integer(QLatin1String("tot_evlt_amt"), Need::Required);
        h.totalPnl = r.integer(QLatin1String("tot_evlt_pl"));
        h.totalReturnRate = r.decimal(QLatin1String("tot_prft_rt"));
        h.estimatedDepositAsset = r.integer(QLatin1String("prsm_dpst_aset_amt"));
        h.totalLoan = r.integer(QLatin1String("tot_loan_amt"));
        h.totalCreditLoan = r.integer(QLatin1String("tot_crd_loan_amt"));
        h.totalCreditLease = r.integer(QLatin1String("tot_crd_ls_amt"));
        if (!r.ok())
            return r.error();
    }
    const auto err = forEachRow(apiId, pages, QLatin1String("acnt_evlt_remn_indv_tot"), [&](FieldReader &r) {
        Holding x;
        x.code = r.code(QLatin1String("stk_cd"), Need::Required);
        x.name = r.text(QLatin1String("stk_nm")).trimmed();
        x.pnl = r.integer(QLatin1String("evltv_prft"));
        x.returnRate = r.decimal(QLatin1String("prft_rt"));
        x.purchasePrice = r.price(QLatin1String("pur_pric"));
        x.prevClose = r.price(QLatin1String("pred_close_pric"));
        x.quantity = r.integer(QLatin1String("rmnd_qty"), Need::Required);
        x.sellableQty = r.integer(QLatin1String("trde_able_qty"));
        x.price = r.price(QLatin1String("cur_prc"), Need::Required);
        x.purchaseAmount = r.integer(QLatin1String("pur_amt"));
        x.purchaseFee = r.integer(QLatin1String("pur_cmsn"));
        x.evaluation = r.integer(QLatin1String("evlt_amt"));
        x.sellFee = r.integer(QLatin1String("sell_cmsn"));
        x.tax = r.integer(QLatin1String("tax"));
        x.totalFee = r.integer(QLatin1String("sum_cmsn"));
        x.weight = r.decimal(QLatin1String("poss_rt"));
        x.creditType = r.text(QLatin1String("crd_tp")).trimmed();
        x.creditTypeName = r.text(QLatin1String("crd_tp_nm")).trimmed();
        x.loanDate = r.date(QLatin1String("crd_loan_dt"), Need::Lenient);
        h.holdings << x;
    });
    if (err)
        return *err;
    return h;
}

KiwoomResult<OpenOrders> parseOpenOrders(const QList<QJsonObject> &pages, qint64 receivedMs)
{
    OpenOrders out;
    const auto err = forEachRow(QStringLiteral("ka10075"), pages, QLatin1String("oso"), [&](FieldReader &r) {
        OpenOrder o;
        o.accountNo = r.text(QLatin1String("acnt_no")).trimmed();
        o.orderNo = r.text(QLatin1String("ord_no"), Need::Required).trimmed();
        o.code = r.code(QLatin1String("stk_cd"), Need::Required);
        o.name = r.text(QLatin1String("stk_nm")).trimmed();
        o.status = r.text(QLatin1String("ord_stt")).trimmed();
        o.orderQty = r.integer(QLatin1String("ord_qty"), Need::Required);
        o.orderPrice = r.price(QLatin1String("ord_pric"));
        o.unfilledQty = r.integer(QLatin1String("oso_qty"), Need::Required);
        o.filledAmount = r.integer(QLatin1String("cntr_tot_amt"));
        o.origOrderNo = r.text(QLatin1String("orig_ord_no")).trimmed();
        o.sideText = r.text(QLatin1String("io_tp_nm")).trimmed();
        o.side = sideFromText(o.sideText);
        o.tradeTypeText = r.text(QLatin1String("trde_tp")).trimmed();
        o.timeMs = r.timeNearMs(QLatin1String("tm"), receivedMs);
        o.fillPrice = r.price(QLatin1String("cntr_pric"));
        o.fillQty = r.integer(QLatin1String("cntr_qty"));
        o.price = r.price(QLatin1String("cur_prc"));
        o.bestAsk = r.price(QLatin1String("sel_bid"));
        o.bestBid = r.price(QLatin1String("buy_bid"));
        o.todayFee = r.integer(QLatin1String("tdy_trde_cmsn"));
        o.todayTax = r.integer(QLatin1String("tdy_trde_tax"));
        o.venueCode = r.text(QLatin1String("stex_tp")).trimmed();
        o.venueText = r.text(QLatin1String("stex_tp_txt")).trimmed();
        o.sor = r.text(QLatin1String("sor_yn")).trimmed() == u"Y";
        o.stopPrice = r.price(QLatin1String("stop_pric"));
        out.orders << o;
    });
    if (err)
        return *err;
    return out;
}

KiwoomResult<Fills> parseFills(const QList<QJsonObject> &pages, qint64 receivedMs)
{
    Fills out;
    const auto err = forEachRow(QStringLiteral("ka10076"), pages, QLatin1String("cntr"), [&](FieldReader &r) {
        Fill f;
        f.orderNo = r.text(QLatin1String("ord_no"), Need::Required).trimmed();
        f.code = r.code(QLatin1String("stk_cd"), Need::Required);
        f.name = r.text(QLatin1String("stk_nm")).trimmed();
        f.sideText = r.text(QLatin1String("io_tp_nm")).trimmed();
        f.side = sideFromText(f.sideText);
        f.orderPrice = r.price(QLatin1String("ord_pric"));
        f.orderQty = r.integer(QLatin1String("ord_qty"));
        f.fillPrice = r.price(QLatin1String("cntr_pric"));
        f.fillQty = r.integer(QLatin1String("cntr_qty"));
        f.unfilledQty = r.integer(QLatin1String("oso_qty"));
        f.todayFee = r.integer(QLatin1String("tdy_trde_cmsn"));
        f.todayTax = r.integer(QLatin1String("tdy_trde_tax"));
        f.status = r.text(QLatin1String("ord_stt")).trimmed();
        f.tradeTypeText = r.text(QLatin1String("trde_tp")).trimmed();
        f.origOrderNo = r.text(QLatin1String("orig_ord_no")).trimmed();
        f.timeMs = r.timeNearMs(QLatin1String("ord_tm"), receivedMs);
        f.venueCode = r.text(QLatin1String("stex_tp")).trimmed();
        f.venueText = r.text(QLatin1String("stex_tp_txt")).trimmed();
        f.sor = r.text(QLatin1String("sor_yn")).trimmed() == u"Y";
        out.fills << f;
    });
    if (err)
        return *err;
    return out;
}

KiwoomResult<RealizedPnl> parseRealizedPnl(const QList<QJsonObject> &pages)
{
    const QString apiId = QStringLiteral("ka10074");
    RealizedPnl p;
    {
        FieldReader r(firstPage(pages), apiId, apiId);
        p.totalBuy = r.integer(QLatin1String("tot_buy_amt"));
        p.totalSell = r.integer(QLatin1String("tot_sell_amt"));
        p.pnl = r.integer(QLatin1String("rlzt_pl"));
        p.fees = r.integer(QLatin1String("trde_cmsn"));
        p.taxes = r.integer(QLatin1String("trde_tax"));
        if (!r.ok())
            return r.error();
    }
    const auto err = forEachRow(apiId, pages, QLatin1String("dt_rlzt_pl"), [&](FieldReader &r) {
        RealizedDay d;
        d.date = r.date(QLatin1String("dt"), Need::Required);
        d.buyAmount = r.integer(QLatin1String("buy_amt"));
        d.sellAmount = r.integer(QLatin1String("sell_amt"));
        d.pnl = r.integer(QLatin1String("tdy_sel_pl"));
        d.fee = r.integer(QLatin1String("tdy_trde_cmsn"));
        d.tax = r.integer(QLatin1String("tdy_trde_tax"));
        p.days << d;
    });
    if (err)
        return *err;
    return p;
}

KiwoomResult<TodayRealized> parseTodayRealized(const QList<QJsonObject> &pages)
{
    const QString apiId = QStringLiteral("ka10077");
    TodayRealized t;
    {
        FieldReader r(firstPage(pages), apiId, apiId);
        t.pnl = r.integer(QLatin1String("tdy_rlzt_pl"));
        if (!r.ok())
            return r.error();
    }
    const auto err = forEachRow(apiId, pages, QLatin1String("tdy_rlzt_pl_dtl"), [&](FieldReader &r) {
        TodayRealizedRow row;
        row.code = r.code(QLatin1String("stk_cd"), Need::Required);
        row.name = r.text(QLatin1String("stk_nm")).trimmed();
        row.quantity = r.integer(QLatin1String("cntr_qty"));
        row.buyPrice = r.decimal(QLatin1String("buy_uv"));
        row.sellPrice = r.price(QLatin1String("cntr_pric"));
        row.pnl = r.decimal(QLatin1String("tdy_sel_pl"));
        row.pnlRate = r.decimal(QLatin1String("pl_rt"));
        row.fee = r.integer(QLatin1String("tdy_trde_cmsn"));
        row.tax = r.integer(QLatin1String("tdy_trde_tax"));
        t.rows << row;
    });
    if (err)
        return *err;
    return t;
}

QList<Candle> toCandles(const QList<ChartBar> &bars)
{
    QList<Candle> out;
    out.reserve(bars.size());
    for (auto it = bars.crbegin(); it != bars.crend(); ++it)
        out << Candle { it->timeMs, it->open, it->high, it->low, it->close, it->volume };
    return out;
}

} // namespace Kiwoom::Tr
