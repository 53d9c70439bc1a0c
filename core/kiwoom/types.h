// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "wirevalue.h"

#include "common/side.h"

#include <QDate>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>

// Typed requests and replies of the Kiwoom REST TRs the app uses (protocol §4). Conventions:
//  * Prices are absolute integer KRW (qint64, never negative). Where the wire value carries a
//    +/- sign (direction against the base price) it is kept next to the price as a Direction.
//  * Changes against the previous close (pred_pre), account money and P&L are signed qint64.
//  * Rates are percent as double ("+0.94" -> 0.94).
//  * Stock codes are the clean 6-character code ("A005930" -> "005930").
//  * Dates are QDate (the KST calendar date); instants are UTC epoch ms (KST on the wire).
//    Time-only fields (HHmmss) are placed on the KST date of the moment the reply was received
//    (by the market clock: in demo mode the simulator's virtual time).
//  * Units are KRW and shares unless a name says otherwise (…Million = 백만원, …Eok = 억원).
//  * Optional fields that are absent or "" read as 0 / empty; required ones fail the parse.
namespace Kiwoom {

// ---------------------------------------------------------------------------------------------
// Common enumerations

// Which quota a request counts against (terms of use: 5 queries/s and 5 orders/s).
enum class RequestPool
{
    Query,
    Order,
};

// Scheduling order when requests wait for quota: smaller runs first.
enum class RequestPriority
{
    Order = 0,
    Account = 1,
    Quote = 2,
    Chart = 3,
    List = 4,
};
QString priorityName(RequestPriority priority);

// Buy (매수) / sell (매도): the app-wide Side (common/side.h).
using ::Side;

// dmst_stex_tp of orders and account TRs.
enum class Exchange
{
    Krx,
    Nxt,
    Sor, // orders only
};
QString exchangeCode(Exchange exchange); // "KRX" / "NXT" / "SOR"

// trde_tp (매매구분) of kt10000/kt10001.
enum class TradeType
{
    Limit, // 0 보통 (지정가)
    Market, // 3 시장가
    ConditionalLimit, // 5 조건부지정가
    BestLimit, // 6 최유리지정가
    FirstLimit, // 7 최우선지정가
    LimitIoc, // 10 보통(IOC)
    MarketIoc, // 13 시장가(IOC)
    BestIoc, // 16 최유리(IOC)
    LimitFok, // 20 보통(FOK)
    MarketFok, // 23 시장가(FOK)
    BestFok, // 26 최유리(FOK)
    StopLimit, // 28 스톱지정가
    MidPrice, // 29 중간가
    MidPriceIoc, // 30 중간가(IOC)
    MidPriceFok, // 31 중간가(FOK)
    PreMarketClose, // 61 장시작전시간외
    AfterHoursSingle, // 62 시간외단일가
    AfterHoursClose, // 81 장마감후시간외
};
QString tradeTypeCode(TradeType type);
// Types that must carry a price (ord_uv) / must not carry one ("" on the wire).
bool tradeTypeNeedsPrice(TradeType type);
bool tradeTypeForbidsPrice(TradeType type);

// Continuation (cont-yn / next-key): how many pages to fetch at most, and where to resume.
struct Paging
{
    int maxPages = 1;
    QString nextKey; // non-empty: start with cont-yn Y and this key (resume an earlier reply)
};

// Where a paged reply stopped: hasMore is the last page's cont-yn; nextKey resumes it.
struct PageInfo
{
    int pages = 0;
    bool hasMore = false;
    QString nextKey;
};

// ---------------------------------------------------------------------------------------------
// ka10001 주식기본정보요청 (stock basic info), /api/dostk/stkinfo

struct StockInfo
{
    QString code;
    QString name;
    QString settlementMonth; // setl_mm
    qint64 faceValue = 0; // fav
    qint64 capitalEok = 0; // cap (억원)
    qint64 floatingShares = 0; // flo_stk
    double creditRate = 0; // crd_rt
    qint64 yearHigh = 0; // oyr_hgst
    qint64 yearLow = 0; // oyr_lwst
    qint64 marketCapEok = 0; // mac (억원)
    double foreignRate = 0; // for_exh_rt
    qint64 substitutePrice = 0; // repl_pric
    double per = 0; // lenient: format varies
    double eps = 0;
    double roe = 0;
    double pbr = 0;
    double ev = 0;
    double bps = 0;
    qint64 high250 = 0; // 250hgst
    qint64 low250 = 0; // 250lwst
    QDate high250Date; // 250hgst_pric_dt
    QDate low250Date; // 250lwst_pric_dt
    qint64 open = 0;
    qint64 high = 0;
    qint64 low = 0;
    qint64 upperLimit = 0; // upl_pric 상한가
    qint64 lowerLimit = 0; // lst_pric 하한가
    qint64 basePrice = 0; // base_pric 기준가
    qint64 expectedPrice = 0; // exp_cntr_pric
    qint64 expectedQty = 0; // exp_cntr_qty
    qint64 price = 0; // cur_prc (absolute)
    Direction direction = Direction::Unchanged; // sign of cur_prc
    ChangeSign changeSign = ChangeSign::None; // pre_sig
    qint64 change = 0; // pred_pre (signed)
    double changeRate = 0; // flu_rt (%)
    qint64 volume = 0; // trde_qty
    qint64 distributedShares = 0; // dstr_stk
    double distributionRate = 0; // dstr_rt
    QStringList warnings; // lenient fields that could not be read
};

// ---------------------------------------------------------------------------------------------
// ka10004 주식호가요청 (order book), /api/dostk/mrkcond

struct BookLevel
{
    qint64 price = 0;
    qint64 quantity = 0;
    qint64 quantityChange = 0; // signed change against the previous snapshot (…_req_pre)
};

struct OrderBook
{
    QString code; // from the request (the reply has none)
    qint64 timeMs = 0; // bid_req_base_tm (HHmmss KST, today)
    std::array<BookLevel, 10> asks; // [0] = best ask (매도 1차)
    std::array<BookLevel, 10> bids; // [0] = best bid (매수 1차)
    qint64 totalAskQty = 0; // tot_sel_req
    qint64 totalBidQty = 0; // tot_buy_req
    qint64 totalAskQtyChange = 0; // tot_sel_req_jub_pre
    qint64 totalBidQtyChange = 0; // tot_buy_req_jub_pre
    qint64 afterHoursAskQty = 0; // ovt_sel_req
    qint64 afterHoursBidQty = 0; // ovt_buy_req
};

// ---------------------------------------------------------------------------------------------
// ka10007 시세표성정보요청 (quote sheet), /api/dostk/mrkcond

struct QuoteLevel
{
    qint64 price = 0;
    qint64 quantity = 0;
};

struct QuoteSheet
{
    QString code;
    QString name;
    qint64 timeMs = 0; // date + tm (KST)
    qint64 prevClose = 0; // pred_close_pric
    qint64 prevVolume = 0; // pred_trde_qty
    qint64 upperLimit = 0;
    qint64 lowerLimit = 0;
    qint64 price = 0; // cur_prc
    Direction direction = Direction::Unchanged;
    ChangeSign changeSign = ChangeSign::None; // smbol
    double changeRate = 0; // flu_rt
    qint64 open = 0;
    qint64 high = 0;
    qint64 low = 0;
    qint64 volume = 0; // trde_qty
    qint64 tradeValue = 0; // trde_prica
    std::array<QuoteLevel, 10> asks; // sel_1bid.. / sel_1bid_req..
    std::array<QuoteLevel, 10> bids; // buy_1bid.. / buy_1bid_req..
    qint64 totalAskQty = 0;
    qint64 totalBidQty = 0;
};

// ---------------------------------------------------------------------------------------------
// Charts, /api/dostk/chart: ka10079 tick, ka10080 minute, ka10081 daily

struct TickChartRequest
{
    QString code;
    int tickScope = 1; // tic_scope: 1, 3, 5, 10, 30
    bool adjusted = true; // upd_stkpc_tp "1"
    Paging paging;
};

struct MinuteChartRequest
{
    QString code;
    int tickScope = 1; // tic_scope (minutes): 1, 3, 5, 10, 15, 30, 45, 60
    bool adjusted = true;
    QDate baseDate; // base_dt, optional (newer spec); sent only when valid
    Paging paging;
};

struct DailyChartRequest
{
    QString code;
    QDate baseDate; // base_dt (required): rows up to this date
    bool adjusted = true;
    Paging paging;
};

// One chart row. Prices are absolute (minute rows are signed on the wire).
struct ChartBar
{
    qint64 timeMs = 0; // tick/minute: cntr_tm (KST) -> UTC; daily: 09:00 KST of date
    QDate date; // KST trading date
    qint64 open = 0;
    qint64 high = 0;
    qint64 low = 0;
    qint64 close = 0; // cur_prc
    qint64 volume = 0; // trde_qty
    qint64 change = 0; // pred_pre (signed)
    ChangeSign changeSign = ChangeSign::None;
    qint64 cumVolume = 0; // minute: acc_trde_qty (optional)
    qint64 tradeValueMillion = 0; // daily: trde_prica (백만원)
    double turnoverRate = 0; // daily: trde_tern_rt
};

struct ChartReply
{
    QString code;
    QList<ChartBar> bars; // wire order: newest first, pages appended (older after newer)
    QString lastTickCount; // ka10079 last_tic_cnt
    PageInfo page;
};

// ---------------------------------------------------------------------------------------------
// ka10095 관심종목정보요청 (watchlist quotes), /api/dostk/stkinfo

struct WatchQuote
{
    QString code;
    QString name;
    qint64 price = 0;
    Direction direction = Direction::Unchanged;
    qint64 basePrice = 0;
    qint64 change = 0;
    ChangeSign changeSign = ChangeSign::None;
    double changeRate = 0;
    qint64 volume = 0;
    qint64 tradeValue = 0; // trde_prica
    qint64 lastFillQty = 0; // cntr_qty
    double strength = 0; // cntr_str 체결강도
    qint64 bestAsk = 0; // sel_bid
    qint64 bestBid = 0; // buy_bid
    qint64 upperLimit = 0;
    qint64 lowerLimit = 0;
    qint64 open = 0;
    qint64 high = 0;
    qint64 low = 0;
    qint64 close = 0; // close_pric
    qint64 timeMs = 0; // dt + cntr_tm (KST)
    qint64 totalAskQty = 0;
    qint64 totalBidQty = 0;
};

// ---------------------------------------------------------------------------------------------
// ka10099 종목정보 리스트 / ka10100 종목정보 조회, /api/dostk/stkinfo

enum class Market
{
    Kospi, // 0
    Kosdaq, // 10
    Elw, // 3
    Etf, // 8
    KOtc, // 30
    Konex, // 50
    Warrant, // 5 신주인수권
    MutualFund, // 4
    Reits, // 6
    HighYield, // 9
};
QString marketCode(Market market);

struct StockListing
{
    QString code;
    QString name;
    qint64 listedShares = 0; // listCount
    QString auditInfo; // "정상", "투자주의환기종목", ...
    QDate listedDate; // regDay
    qint64 lastPrice = 0; // lastPrice
    QStringList state; // state split at '|'
    QString marketCode; // "0", "10"
    QString marketName;
    QString sectorName; // upName
    QString sizeName; // upSizeName
    QString companyClass; // companyClassName
    int orderWarning = 0; // 0 none, 1 ETF caution, 2 정리매매, 3 단기과열, 4 투자위험, 5 투자경고
    bool nxtEnabled = false; // nxtEnable == "Y"
};

struct StockListReply
{
    QList<StockListing> stocks;
    PageInfo page;
};

// ---------------------------------------------------------------------------------------------
// Orders, /api/dostk/ordr: kt10000 buy, kt10001 sell, kt10002 modify, kt10003 cancel

struct OrderRequest
{
    Side side = Side::Buy;
    Exchange exchange = Exchange::Krx;
    QString code;
    qint64 quantity = 0;
    qint64 price = 0; // ord_uv; 0 sends "" (market-type orders)
    TradeType tradeType = TradeType::Limit;
    qint64 conditionPrice = 0; // cond_uv; 0 sends ""
};

struct OrderAck
{
    QString orderNo; // ord_no
    QString exchange; // dmst_stex_tp
    QString message; // return_msg
};

struct ModifyRequest
{
    Exchange exchange = Exchange::Krx;
    QString origOrderNo;
    QString code;
    qint64 quantity = 0; // mdfy_qty; 0 = all remaining
    qint64 price = 0; // mdfy_uv (required)
    qint64 conditionPrice = 0; // mdfy_cond_uv; 0 sends ""
};

struct ModifyAck
{
    QString orderNo; // the new order number
    QString baseOrigOrderNo; // base_orig_ord_no
    qint64 quantity = 0; // mdfy_qty
    QString exchange;
    QString message;
};

struct CancelRequest
{
    Exchange exchange = Exchange::Krx;
    QString origOrderNo;
    QString code;
    qint64 quantity = 0; // cncl_qty; 0 = all remaining
};

struct CancelAck
{
    QString orderNo;
    QString baseOrigOrderNo; // the root of a modify chain
    qint64 quantity = 0; // cncl_qty
    QString exchange;
    QString message;
};

// ---------------------------------------------------------------------------------------------
// Account, /api/dostk/acnt

// ka00001 계좌번호조회
struct AccountNumber
{
    QString accountNo; // acctNo, 10 digits
};

// kt00001 예수금상세현황요청
struct DepositRequest
{
    bool estimated = true; // qry_tp "3" 추정조회, "2" 일반조회
};

struct Deposit
{
    qint64 deposit = 0; // entr 예수금
    qint64 d1Deposit = 0; // d1_entra
    qint64 d2Deposit = 0; // d2_entra (D+2 추정예수금)
    qint64 orderable = 0; // ord_alow_amt 주문가능금액
    qint64 withdrawable = 0; // pymn_alow_amt
    qint64 orderable20 = 0; // 20stk_ord_alow_amt (by margin rate)
    qint64 orderable30 = 0;
    qint64 orderable40 = 0;
    qint64 orderable50 = 0;
    qint64 orderable60 = 0;
    qint64 orderable100 = 0;
    qint64 marginCash = 0; // profa_ch
    qint64 substituteAmount = 0; // repl_amt
    qint64 cashUnpaid = 0; // ch_uncla 현금미수금
};

// kt00004 계좌평가현황요청
struct AccountEvaluationRequest
{
    bool excludeDelisted = false; // qry_tp "1" / "0"
    Exchange exchange = Exchange::Krx; // dmst_stex_tp KRX | NXT
    Paging paging;
};

struct EvaluatedStock
{
    QString code;
    QString name;
    qint64 quantity = 0; // rmnd_qty
    qint64 avgPrice = 0; // avg_prc
    qint64 price = 0; // cur_prc
    qint64 evaluation = 0; // evlt_amt
    qint64 pnl = 0; // pl_amt (signed)
    double pnlRate = 0; // pl_rt
    qint64 purchaseAmount = 0; // pur_amt
    qint64 todayBuyQty = 0; // tdy_buyq
    qint64 todaySellQty = 0; // tdy_sellq
};

struct AccountEvaluation
{
    QString accountName; // acnt_nm
    QString branchName; // brch_nm
    qint64 deposit = 0; // entr
    qint64 d2Deposit = 0; // d2_entra
    qint64 totalEstimate = 0; // tot_est_amt
    qint64 assetEvaluation = 0; // aset_evlt_amt
    qint64 totalPurchase = 0; // tot_pur_amt
    qint64 estimatedDepositAsset = 0; // prsm_dpst_aset_amt
    qint64 todayPnl = 0; // tdy_lspft
    double todayPnlRate = 0; // lspft_rt
    QList<EvaluatedStock> stocks; // stk_acnt_evlt_prst
    PageInfo page;
};

// kt00018 계좌평가잔고내역요청 (holdings)
struct HoldingsRequest
{
    bool summed = true; // qry_tp "1" 합산, "2" 개별
    Exchange exchange = Exchange::Krx;
    Paging paging;
};

struct Holding
{
    QString code;
    QString name;
    qint64 pnl = 0; // evltv_prft (signed)
    double returnRate = 0; // prft_rt
    qint64 purchasePrice = 0; // pur_pric
    qint64 prevClose = 0; // pred_close_pric
    qint64 quantity = 0; // rmnd_qty
    qint64 sellableQty = 0; // trde_able_qty
    qint64 price = 0; // cur_prc
    qint64 purchaseAmount = 0; // pur_amt
    qint64 purchaseFee = 0; // pur_cmsn
    qint64 evaluation = 0; // evlt_amt
    qint64 sellFee = 0; // sell_cmsn
    qint64 tax = 0;
    qint64 totalFee = 0; // sum_cmsn
    double weight = 0; // poss_rt (%)
    QString creditType; // crd_tp ("00" = cash)
    QString creditTypeName;
    QDate loanDate; // crd_loan_dt
};

struct Holdings
{
    qint64 totalPurchase = 0; // tot_pur_amt
    qint64 totalEvaluation = 0; // tot_evlt_amt
    qint64 totalPnl = 0; // tot_evlt_pl
    double totalReturnRate = 0; // tot_prft_rt
    qint64 estimatedDepositAsset = 0; // prsm_dpst_aset_amt
    qint64 totalLoan = 0; // tot_loan_amt
    qint64 totalCreditLoan = 0; // tot_crd_loan_amt
    qint64 totalCreditLease = 0; // tot_crd_ls_amt
    QList<Holding> holdings; // acnt_evlt_remn_indv_tot, all pages
    PageInfo page;
};

// ka10075 미체결요청 (open orders)
enum class SideFilter
{
    All, // "0"
    Sell, // "1"
    Buy, // "2"
};

// stex_tp of ka10075/ka10076: "0" 통합, "1" KRX, "2" NXT.
enum class VenueFilter
{
    All,
    Krx,
    Nxt,
};

struct OpenOrdersRequest
{
    QString code; // empty = all stocks (all_stk_tp "0")
    SideFilter side = SideFilter::All;
    VenueFilter venue = VenueFilter::All;
    Paging paging;
};

struct OpenOrder
{
    QString accountNo; // acnt_no
    QString orderNo; // ord_no
    QString code;
    QString name;
    QString status; // ord_stt ("접수", ...)
    qint64 orderQty = 0;
    qint64 orderPrice = 0;
    qint64 unfilledQty = 0; // oso_qty
    qint64 filledAmount = 0; // cntr_tot_amt
    QString origOrderNo; // "0000000" when none
    QString sideText; // io_tp_nm ("+매수", "-매도", ...)
    std::optional<Side> side; // from sideText
    QString tradeTypeText; // trde_tp ("시장가", "보통", ...)
    qint64 timeMs = 0; // tm (KST, today)
    qint64 fillPrice = 0; // cntr_pric
    qint64 fillQty = 0; // cntr_qty
    qint64 price = 0; // cur_prc
    qint64 bestAsk = 0; // sel_bid
    qint64 bestBid = 0; // buy_bid
    qint64 todayFee = 0; // tdy_trde_cmsn
    qint64 todayTax = 0; // tdy_trde_tax
    QString venueCode; // stex_tp
    QString venueText; // stex_tp_txt
    bool sor = false; // sor_yn
    qint64 stopPrice = 0; // stop_pric
};

struct OpenOrders
{
    QList<OpenOrder> orders;
    PageInfo page;
};

// ka10076 체결요청 (fills)
struct FillsRequest
{
    QString code; // empty = all (qry_tp "0")
    SideFilter side = SideFilter::All; // sell_tp
    QString beforeOrderNo; // ord_no: fills older than this order ("" = newest first)
    VenueFilter venue = VenueFilter::All;
    Paging paging;
};

struct Fill
{
    QString orderNo;
    QString code;
    QString name;
    QString sideText; // io_tp_nm
    std::optional<Side> side;
    qint64 orderPrice = 0;
    qint64 orderQty = 0;
    qint64 fillPrice = 0; // cntr_pric
    qint64 fillQty = 0; // cntr_qty
    qint64 unfilledQty = 0; // oso_qty
    qint64 todayFee = 0;
    qint64 todayTax = 0;
    QString status; // ord_stt
    QString tradeTypeText; // trde_tp
    QString origOrderNo;
    qint64 timeMs = 0; // ord_tm (KST, today)
    QString venueCode;
    QString venueText;
    bool sor = false;
};

struct Fills
{
    QList<Fill> fills;
    PageInfo page;
};

// ka10074 일자별실현손익요청
struct RealizedPnlRequest
{
    QDate startDate; // strt_dt
    QDate endDate; // end_dt
    Paging paging;
};

struct RealizedDay
{
    QDate date; // dt
    qint64 buyAmount = 0; // buy_amt
    qint64 sellAmount = 0; // sell_amt
    qint64 pnl = 0; // tdy_sel_pl
    qint64 fee = 0; // tdy_trde_cmsn
    qint64 tax = 0; // tdy_trde_tax
};

struct RealizedPnl
{
    qint64 totalBuy = 0; // tot_buy_amt
    qint64 totalSell = 0; // tot_sell_amt
    qint64 pnl = 0; // rlzt_pl
    qint64 fees = 0; // trde_cmsn
    qint64 taxes = 0; // trde_tax
    QList<RealizedDay> days; // dt_rlzt_pl (only days with realized P&L)
    PageInfo page;
};

// ka10077 당일실현손익상세요청
struct TodayRealizedRow
{
    QString code;
    QString name;
    qint64 quantity = 0; // cntr_qty
    double buyPrice = 0; // buy_uv — unpadded decimal ("97602.9573459")
    qint64 sellPrice = 0; // cntr_pric
    double pnl = 0; // tdy_sel_pl — decimal on the wire ("59813.0426541")
    double pnlRate = 0; // pl_rt
    qint64 fee = 0; // tdy_trde_cmsn
    qint64 tax = 0; // tdy_trde_tax
};

struct TodayRealized
{
    qint64 pnl = 0; // tdy_rlzt_pl
    QList<TodayRealizedRow> rows; // tdy_rlzt_pl_dtl
    PageInfo page;
};

// "+매수", "-매도", "매수정정", "매도취소" ... -> Side (nullopt when neither word appears).
std::optional<Side> sideFromText(const QString &text);

} // namespace Kiwoom

Q_DECLARE_METATYPE(Kiwoom::StockInfo)
Q_DECLARE_METATYPE(Kiwoom::ChartReply)
