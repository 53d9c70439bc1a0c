// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "types.h"

#include <QJsonObject>
#include <QMetaType>
#include <QStringList>

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
// operator== compares every member (tests; the fast and the JSON parse paths give equal events).
namespace Kiwoom {

struct RealtimeMeta
{
    quint64 seq = 0;
    qint64 receivedMs = 0;
    QString type; // "0B", "0D", ...
    QString item; // the raw item ("005930", "005930_NX", "" for account types)

    bool operator==(const RealtimeMeta &) const = default;
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

    bool operator==(const TradeTick &) const = default;
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

    bool operator==(const OrderBookUpdate &other) const;
};

inline bool OrderBookUpdate::operator==(const OrderBookUpdate &o) const
{
    const auto sameLevels = [](const std::array<BookLevel, 10> &a, const std::array<BookLevel, 10> &b) {
        for (size_t i = 0; i < a.size(); ++i) {
            if (a[i].price != b[i].price || a[i].quantity != b[i].quantity
                || a[i].quantityChange != b[i].quantityChange)
                return false;
        }
        return true;
    };
    return meta == o.meta && code == o.code && timeMs == o.timeMs && sameLevels(asks, o.asks)
        && sameLevels(bids, o.bids) && totalAskQty == o.totalAskQty && totalBidQty == o.totalBidQty
        && expectedPrice == o.expectedPrice && expectedQty == o.expectedQty;
}

// 00 주문체결 (order / fill notice for the token's account)
//
// A notice is never dropped because a field cannot be read: a fill the app does not hear about
// is a position it does not know. The parser reads every field it can and lists the others in
// unreadableFields; their members keep the defaults (0, "", nullopt, Status::Unknown), never a
// guess. Only two FIDs are required for a notice to mean anything on its own (identified()):
// 9203 the order number (which order) and 913 the status (what happened to it); all others are
// optional on the wire, and a missing optional FID is not unreadable (a 접수 notice has no fill
// number). So:
//   complete()                  apply the notice as it stands (for a 체결: 909 fill number and
//                               911/915 quantity, 910/914 price as sent; absent means absent)
//   !complete(), identified()   the order is known but a field of it is not (a fill price, a
//                               quantity, the fee...): do not trust the notice alone, reconcile
//                               the order with the broker's lists (ka10075 / ka10076)
//   !identified()               nothing can be matched (orderNo may be empty): reconcile all
//                               open orders
// The client delivers every such notice through orderExecutionReceived and counts it
// (RealtimeClient::Stats::incompleteEntries).
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

    // The FIDs that could not be read, in the order read: "938", "910" (malformed: not a string,
    // not a number, not a time, not a code), "9203" / "913" (required and missing or empty);
    // "item" when the entry's item is not a string (the values are still read), "values" when
    // they are not an object (then nothing else could be read).
    QStringList unreadableFields;
    // Why, for the log: "938: not a number: \"abc\"; 910: not a number: \"1,2\"".
    QString unreadableDetail;

    bool complete() const { return unreadableFields.isEmpty(); }
    bool identified() const { return !orderNo.isEmpty() && !statusText.isEmpty(); }

    bool operator==(const OrderExecution &) const = default;
};

// 04 잔고 (balance)
//
// Same policy as OrderExecution: never dropped for an unreadable field. The one required FID is
// 9001, the stock (identified()); the others are optional. !complete(): do not trust the line
// alone, reconcile holdings (kt00018).
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

    // As in OrderExecution: "9001" (required), "930", ... ; "values" / "item" for a malformed entry.
    QStringList unreadableFields;
    QString unreadableDetail;

    bool complete() const { return unreadableFields.isEmpty(); }
    bool identified() const { return !code.isEmpty(); }

    bool operator==(const BalanceUpdate &) const = default;
};

// 0s 장시작시간 (market operation)
struct MarketStatusEvent
{
    RealtimeMeta meta;
    QString operation; // 215: 0 KRX 장전, 3 KRX 장시작, P..W NXT events (raw code)
    qint64 timeMs = 0; // 20
    QString remaining; // 214 장시작예상잔여시간 (raw)

    bool operator==(const MarketStatusEvent &) const = default;
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

    bool operator==(const ViEvent &) const = default;
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

    bool operator==(const ConditionHit &) const = default;
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

    bool operator==(const RawRealtime &) const = default;
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
