// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "types.h"

#include <QJsonObject>
#include <QMetaType>

#include <array>

// Typed realtime events parsed from WebSocket REAL frames (protocol §5.2–5.4). Conventions as in
// types.h (absolute prices + Direction, signed changes, UTC epoch ms). HHmmss times are placed on
// the KST calendar day nearest to the moment the frame arrived (by the market clock: in demo mode
// the simulator's virtual time, see KiwoomSession::Config::marketClock).
//
// Every event carries `seq` (a per-RealtimeClient counter, strictly increasing in arrival order,
// one number per data entry) and `receivedMs`. Kiwoom may resend or reorder entries after a
// reconnect; the client delivers every entry it receives and consumers that care dedupe on their
// own key (e.g. order number + fill number for 00, code + timeMs + cumVolume for 0B).
namespace Kiwoom {

struct RealtimeMeta
{
    quint64 seq = 0;
    qint64 receivedMs = 0;
    QString type; // "0B", "0D", ...
    QString item; // the raw item ("005930", "005930_NX", "" for account types)
};

// 0B 주식체결 (trade)
struct TradeTick
{
    RealtimeMeta meta;
    QString code;
    qint64 timeMs = 0; // FID 20
    qint64 price = 0; // FID 10 (absolute)
    Direction direction = Direction::Unchanged; // sign of FID 10
    qint64 change = 0; // FID 11 (signed)
    double changeRate = 0; // FID 12
    qint64 volume = 0; // FID 15 (absolute)
    std::optional<Side> aggressor; // sign of FID 15: + buy-initiated, - sell-initiated
    qint64 cumVolume = 0; // FID 13
    qint64 cumValueMillion = 0; // FID 14 (백만원)
    qint64 open = 0; // FID 16
    qint64 high = 0; // FID 17
    qint64 low = 0; // FID 18
    qint64 bestAsk = 0; // FID 27
    qint64 bestBid = 0; // FID 28
    ChangeSign changeSign = ChangeSign::None; // FID 25
    double strength = 0; // FID 228 체결강도
    QString sessionCode; // FID 290 (1 pre, 2 regular, 3 after)
    QString exchangeCode; // FID 9081
};

// 0D 주식호가잔량 (10-level book)
struct OrderBookUpdate
{
    RealtimeMeta meta;
    QString code;
    qint64 timeMs = 0; // FID 21
    std::array<BookLevel, 10> asks; // price 41.., qty 61.., change 81..
    std::array<BookLevel, 10> bids; // price 51.., qty 71.., change 91..
    qint64 totalAskQty = 0; // FID 121
    qint64 totalBidQty = 0; // FID 125
    qint64 expectedPrice = 0; // FID 23
    qint64 expectedQty = 0; // FID 24
};

// 00 주문체결 (order / fill notice for the token's account)
struct OrderExecution
{
    enum class Status
    {
        Unknown,
        Accepted, // 접수
        Filled, // 체결
        Confirmed, // 확인 (modify/cancel confirmed)
        Cancelled, // 취소
        Rejected, // 거부
    };

    RealtimeMeta meta;
    QString accountNo; // 9201
    QString orderNo; // 9203
    QString code; // 9001 ("A005930" or "005930")
    QString orderGroup; // 912
    Status status = Status::Unknown; // 913
    QString statusText;
    QString name; // 302
    qint64 orderQty = 0; // 900
    qint64 orderPrice = 0; // 901
    qint64 unfilledQty = 0; // 902
    qint64 filledAmount = 0; // 903
    QString origOrderNo; // 904
    QString orderKindText; // 905 (+매수, -매도, 매수취소, ...)
    QString tradeTypeText; // 906 (보통, 시장가, ...)
    std::optional<Side> side; // 907 (1 sell, 2 buy)
    qint64 timeMs = 0; // 908
    QString fillNo; // 909
    qint64 fillPrice = 0; // 910
    qint64 fillQty = 0; // 911
    qint64 unitFillPrice = 0; // 914
    qint64 unitFillQty = 0; // 915
    qint64 todayFee = 0; // 938
    qint64 todayTax = 0; // 939
    QString rejectReason; // 919
    QString venueCode; // 2134 (0 통합, 1 KRX, 2 NXT)
    QString venueText; // 2135
    bool sor = false; // 2136
};

// 04 잔고 (balance)
struct BalanceUpdate
{
    RealtimeMeta meta;
    QString accountNo; // 9201
    QString code; // 9001
    QString name; // 302
    qint64 price = 0; // 10
    qint64 quantity = 0; // 930
    qint64 avgPrice = 0; // 931
    qint64 totalPurchase = 0; // 932
    qint64 orderableQty = 0; // 933
    qint64 todayNetBuyQty = 0; // 945
    QString sideCode; // 946
    qint64 todaySellPnl = 0; // 950
    qint64 basePrice = 0; // 307
    double pnlRate = 0; // 8019
    qint64 bestAsk = 0; // 27
    qint64 bestBid = 0; // 28
    QString creditType; // 917
    QString loanDate; // 916
};

// 0s 장시작시간 (market operation)
struct MarketStatusEvent
{
    RealtimeMeta meta;
    QString operation; // 215: 0 KRX 장전, 3 KRX 장시작, P..W NXT events (raw code)
    qint64 timeMs = 0; // 20
    QString remaining; // 214 장시작예상잔여시간 (raw)
};

// 1h VI발동/해제 (volatility interruption)
struct ViEvent
{
    RealtimeMeta meta;
    QString code; // 9001
    QString name; // 302
    qint64 cumVolume = 0; // 13
    qint64 cumValueMillion = 0; // 14
    QString viType; // 9068 VI발동구분 (raw)
    qint64 viPrice = 0; // 1221
    qint64 triggeredMs = 0; // 1223 매매체결처리시각
    qint64 releasedMs = 0; // 1224 VI해제시각 (0 while active)
    QString staticDynamic; // 1225
};

// 02 조건검색 hit (a stock entered or left a realtime condition)
struct ConditionHit
{
    RealtimeMeta meta;
    QString conditionSeq; // 841
    QString code; // 9001
    bool entered = false; // 843: I entered (편입), D left (이탈)
    qint64 timeMs = 0; // 20
    QString sideCode; // 907
};

// A condition (조건식) defined in the HTS, as listed by CNSRLST.
struct ConditionInfo
{
    QString seq;
    QString name;
};

// One row of a one-shot condition search (CNSRREQ search_type 0). The numbers are 9-character,
// zero-padded and signed on the wire ("000075000", "-00000100").
struct ConditionRow
{
    QString code; // 9001 ("A005930" -> "005930")
    QString name; // 302
    qint64 price = 0; // 10 (absolute)
    Direction direction = Direction::Unchanged;
    ChangeSign changeSign = ChangeSign::None; // 25
    qint64 change = 0; // 11 (signed)
    // 12 등락율 exactly as sent: its scale is undocumented (the protocol example pairs a change of
    // -100 on 75,000 with "-00000130", i.e. apparently 0.001 %), so no percentage is invented here.
    qint64 changeRateRaw = 0;
    qint64 cumVolume = 0; // 13
    qint64 open = 0; // 16
    qint64 high = 0; // 17
    qint64 low = 0; // 18
};

struct ConditionSearchResult
{
    QString seq;
    QList<ConditionRow> rows;
    PageInfo page; // body cont_yn / next_key
};

// Any other type (0A, 0C, 0H, 0J, ...): the raw values, all strings.
struct RawRealtime
{
    RealtimeMeta meta;
    QString name;
    QJsonObject values;
};

} // namespace Kiwoom

Q_DECLARE_METATYPE(Kiwoom::TradeTick)
Q_DECLARE_METATYPE(Kiwoom::OrderBookUpdate)
Q_DECLARE_METATYPE(Kiwoom::OrderExecution)
Q_DECLARE_METATYPE(Kiwoom::BalanceUpdate)
Q_DECLARE_METATYPE(Kiwoom::MarketStatusEvent)
Q_DECLARE_METATYPE(Kiwoom::ViEvent)
Q_DECLARE_METATYPE(Kiwoom::ConditionHit)
Q_DECLARE_METATYPE(Kiwoom::RawRealtime)
Q_DECLARE_METATYPE(Kiwoom::ConditionInfo)
Q_DECLARE_METATYPE(Kiwoom::ConditionSearchResult)
