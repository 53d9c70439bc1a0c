// SPDX-License-Identifier: GPL-3.0-or-later
#include "realtimeparse.h"

#include "fieldreader.h"
#include "realtimescan.h"

#include <QJsonArray>
#include <QJsonDocument>

using Need = FieldReader::Need;

namespace Kiwoom {

namespace {

const QString REAL = QStringLiteral("REAL");

// The types parsed into typed events; every other type stays raw.
enum class EntryType
{
    Trade, // 0B
    Book, // 0D
    Execution, // 00
    Balance, // 04
    MarketStatus, // 0s
    Vi, // 1h
    ConditionHit, // 02
    Other,
};

template<typename View> EntryType entryTypeOf(View type)
{
    if (type.size() != 2)
        return EntryType::Other;
    const char16_t a = type[0].unicode();
    const char16_t b = type[1].unicode();
    if (a == u'0') {
        switch (b) {
        case u'B':
            return EntryType::Trade;
        case u'D':
            return EntryType::Book;
        case u'0':
            return EntryType::Execution;
        case u'4':
            return EntryType::Balance;
        case u's':
            return EntryType::MarketStatus;
        case u'2':
            return EntryType::ConditionHit;
        default:
            return EntryType::Other;
        }
    }
    if (a == u'1' && b == u'h')
        return EntryType::Vi;
    return EntryType::Other;
}

// The type code of a typed event, as a literal (no allocation per event).
QString typeCode(EntryType type)
{
    switch (type) {
    case EntryType::Trade:
        return QStringLiteral("0B");
    case EntryType::Book:
        return QStringLiteral("0D");
    case EntryType::Execution:
        return QStringLiteral("00");
    case EntryType::Balance:
        return QStringLiteral("04");
    case EntryType::MarketStatus:
        return QStringLiteral("0s");
    case EntryType::Vi:
        return QStringLiteral("1h");
    case EntryType::ConditionHit:
        return QStringLiteral("02");
    case EntryType::Other:
        break;
    }
    return QString();
}

// "REAL 0B" ...: the head of a field reader's context (a literal, see FieldReader).
QLatin1StringView contextHead(EntryType type)
{
    switch (type) {
    case EntryType::Trade:
        return QLatin1StringView("REAL 0B");
    case EntryType::Book:
        return QLatin1StringView("REAL 0D");
    case EntryType::Execution:
        return QLatin1StringView("REAL 00");
    case EntryType::Balance:
        return QLatin1StringView("REAL 04");
    case EntryType::MarketStatus:
        return QLatin1StringView("REAL 0s");
    case EntryType::Vi:
        return QLatin1StringView("REAL 1h");
    case EntryType::ConditionHit:
        return QLatin1StringView("REAL 02");
    case EntryType::Other:
        break;
    }
    return QLatin1StringView("REAL");
}

QString contextFor(const QString &type, const QString &item)
{
    return item.isEmpty() ? QStringLiteral("REAL %1").arg(type) : QStringLiteral("REAL %1 %2").arg(type, item);
}

RealtimeMeta metaFor(EntryType type, const QString &item, qint64 receivedMs)
{
    RealtimeMeta m;
    m.receivedMs = receivedMs;
    m.type = typeCode(type);
    m.item = item;
    return m;
}

// The code of an entry: FID 9001 when present (account types, VI, condition hits), else the item.
QString entryCode(FieldReader &r, const QString &item, bool required)
{
    if (r.has(QLatin1String("9001")))
        return r.code(QLatin1String("9001"), required ? Need::Required : Need::Optional);
    if (item.isEmpty()) {
        if (required)
            r.fail(QStringLiteral("item"), QStringLiteral("missing"));
        return {};
    }
    const auto c = normalizeCode(item);
    if (!c) {
        if (required)
            r.fail(QStringLiteral("item"), c.error().message);
        return {};
    }
    return *c;
}

std::optional<Side> sideFromCode(const QString &code)
{
    if (code == u"1")
        return Side::Sell;
    if (code == u"2")
        return Side::Buy;
    return std::nullopt;
}

OrderExecution::Status statusFromText(const QString &text)
{
    const QString t = text.trimmed();
    if (t == u"접수")
        return OrderExecution::Status::Accepted;
    if (t == u"체결")
        return OrderExecution::Status::Filled;
    if (t == u"확인")
        return OrderExecution::Status::Confirmed;
    if (t == u"취소")
        return OrderExecution::Status::Cancelled;
    if (t == u"거부")
        return OrderExecution::Status::Rejected;
    return OrderExecution::Status::Unknown;
}

// ---- the per-type readers: one body for both sources (QJsonObject and the scanned text) --------

TradeTick readTradeTick(FieldReader &r, const QString &item, qint64 receivedMs)
{
    TradeTick t;
    t.meta = metaFor(EntryType::Trade, item, receivedMs);
    t.code = entryCode(r, item, true);
    t.timeMs = r.timeNearMs(QLatin1String("20"), receivedMs, Need::Required);
    t.price = r.price(QLatin1String("10"), Need::Required, &t.direction);
    t.change = r.integer(QLatin1String("11"));
    t.changeRate = r.decimal(QLatin1String("12"));
    Direction volumeSign = Direction::Unchanged;
    t.volume = r.price(QLatin1String("15"), Need::Optional, &volumeSign);
    if (volumeSign == Direction::Up)
        t.aggressor = Side::Buy;
    else if (volumeSign == Direction::Down)
        t.aggressor = Side::Sell;
    t.cumVolume = r.integer(QLatin1String("13"));
    t.cumValueMillion = r.integer(QLatin1String("14"));
    t.open = r.price(QLatin1String("16"));
    t.high = r.price(QLatin1String("17"));
    t.low = r.price(QLatin1String("18"));
    t.bestAsk = r.price(QLatin1String("27"));
    t.bestBid = r.price(QLatin1String("28"));
    t.changeSign = r.changeSign(QLatin1String("25"));
    t.strength = r.decimal(QLatin1String("228"));
    t.sessionCode = r.text(QLatin1String("290"));
    t.exchangeCode = r.text(QLatin1String("9081"));
    return t;
}

OrderBookUpdate readOrderBook(FieldReader &r, const QString &item, qint64 receivedMs)
{
    // FID numbers of level k (0-based): ask price 41+k, ask qty 61+k, ask change 81+k,
    // bid price 51+k, bid qty 71+k, bid change 91+k.
    static const auto keys = [] {
        std::array<std::array<QByteArray, 6>, 10> k;
        for (int i = 0; i < 10; ++i) {
            k[i] = { QByteArray::number(41 + i), QByteArray::number(61 + i), QByteArray::number(81 + i),
                QByteArray::number(51 + i), QByteArray::number(71 + i), QByteArray::number(91 + i) };
        }
        return k;
    }();
    OrderBookUpdate b;
    b.meta = metaFor(EntryType::Book, item, receivedMs);
    b.code = entryCode(r, item, true);
    b.timeMs = r.timeNearMs(QLatin1String("21"), receivedMs, Need::Required);
    for (int i = 0; i < 10; ++i) {
        const auto &k = keys[i];
        const auto key = [](const QByteArray &s) { return QLatin1String(s.constData(), s.size()); };
        b.asks[i].price = r.price(key(k[0]));
        b.asks[i].quantity = r.integer(key(k[1]));
        b.asks[i].quantityChange = r.integer(key(k[2]));
        b.bids[i].price = r.price(key(k[3]));
        b.bids[i].quantity = r.integer(key(k[4]));
        b.bids[i].quantityChange = r.integer(key(k[5]));
    }
    b.totalAskQty = r.integer(QLatin1String("121"));
    b.totalBidQty = r.integer(QLatin1String("125"));
    b.expectedPrice = r.price(QLatin1String("23"));
    b.expectedQty = r.integer(QLatin1String("24"));
    return b;
}

// A notice is read to the end whatever fails (FieldReader::setReadAll); the caller records what
// failed (noteUnreadable).
OrderExecution readOrderExecution(FieldReader &r, const QString &item, qint64 receivedMs)
{
    OrderExecution e;
    e.meta = metaFor(EntryType::Execution, item, receivedMs);
    e.accountNo = r.text(QLatin1String("9201"));
    // Required (OrderExecution::identified()): the order number says which order, the status what
    // happened to it.
    e.orderNo = r.text(QLatin1String("9203"), Need::Required).trimmed();
    // Optional on purpose: the order number identifies the notice.
    e.code = r.code(QLatin1String("9001"));
    e.orderGroup = r.text(QLatin1String("912"));
    e.statusText = r.text(QLatin1String("913"), Need::Required).trimmed();
    e.status = statusFromText(e.statusText);
    e.name = r.text(QLatin1String("302")).trimmed();
    e.orderQty = r.integer(QLatin1String("900"));
    e.orderPrice = r.price(QLatin1String("901"));
    e.unfilledQty = r.integer(QLatin1String("902"));
    e.filledAmount = r.integer(QLatin1String("903"));
    e.origOrderNo = r.text(QLatin1String("904")).trimmed();
    e.orderKindText = r.text(QLatin1String("905")).trimmed();
    e.tradeTypeText = r.text(QLatin1String("906")).trimmed();
    e.side = sideFromCode(r.text(QLatin1String("907")).trimmed());
    if (!e.side)
        e.side = sideFromText(e.orderKindText);
    e.timeMs = r.timeNearMs(QLatin1String("908"), receivedMs);
    e.fillNo = r.text(QLatin1String("909")).trimmed();
    e.fillPrice = r.price(QLatin1String("910"));
    e.fillQty = r.integer(QLatin1String("911"));
    e.unitFillPrice = r.price(QLatin1String("914"));
    e.unitFillQty = r.integer(QLatin1String("915"));
    e.todayFee = r.integer(QLatin1String("938"));
    e.todayTax = r.integer(QLatin1String("939"));
    e.rejectReason = r.text(QLatin1String("919")).trimmed();
    e.venueCode = r.text(QLatin1String("2134")).trimmed();
    e.venueText = r.text(QLatin1String("2135")).trimmed();
    e.sor = r.text(QLatin1String("2136")).trimmed() == u"Y";
    return e;
}

BalanceUpdate readBalance(FieldReader &r, const QString &item, qint64 receivedMs)
{
    BalanceUpdate b;
    b.meta = metaFor(EntryType::Balance, item, receivedMs);
    b.accountNo = r.text(QLatin1String("9201"));
    // Required (BalanceUpdate::identified()): which stock the line is about.
    b.code = r.code(QLatin1String("9001"), Need::Required);
    b.name = r.text(QLatin1String("302")).trimmed();
    b.price = r.price(QLatin1String("10"));
    b.quantity = r.integer(QLatin1String("930"));
    b.avgPrice = r.price(QLatin1String("931"));
    b.totalPurchase = r.integer(QLatin1String("932"));
    b.orderableQty = r.integer(QLatin1String("933"));
    b.todayNetBuyQty = r.integer(QLatin1String("945"));
    b.sideCode = r.text(QLatin1String("946")).trimmed();
    b.todaySellPnl = r.integer(QLatin1String("950"));
    b.basePrice = r.price(QLatin1String("307"));
    b.pnlRate = r.decimal(QLatin1String("8019"));
    b.bestAsk = r.price(QLatin1String("27"));
    b.bestBid = r.price(QLatin1String("28"));
    b.creditType = r.text(QLatin1String("917")).trimmed();
    b.loanDate = r.text(QLatin1String("916")).trimmed();
    return b;
}

MarketStatusEvent readMarketStatus(FieldReader &r, const QString &item, qint64 receivedMs)
{
    MarketStatusEvent m;
    m.meta = metaFor(EntryType::MarketStatus, item, receivedMs);
    m.operation = r.text(QLatin1String("215"), Need::Required).trimmed();
    m.timeMs = r.timeNearMs(QLatin1String("20"), receivedMs);
    m.remaining = r.text(QLatin1String("214")).trimmed();
    return m;
}

ViEvent readVi(FieldReader &r, const QString &item, qint64 receivedMs)
{
    ViEvent v;
    v.meta = metaFor(EntryType::Vi, item, receivedMs);
    v.code = entryCode(r, item, true);
    v.name = r.text(QLatin1String("302")).trimmed();
    v.cumVolume = r.integer(QLatin1String("13"));
    v.cumValueMillion = r.integer(QLatin1String("14"));
    v.viType = r.text(QLatin1String("9068")).trimmed();
    v.viPrice = r.price(QLatin1String("1221"));
    v.triggeredMs = r.timeNearMs(QLatin1String("1223"), receivedMs);
    v.releasedMs = r.timeNearMs(QLatin1String("1224"), receivedMs);
    v.staticDynamic = r.text(QLatin1String("1225")).trimmed();
    return v;
}

ConditionHit readConditionHit(FieldReader &r, const QString &item, qint64 receivedMs)
{
    ConditionHit h;
    h.meta = metaFor(EntryType::ConditionHit, item, receivedMs);
    h.conditionSeq = r.text(QLatin1String("841"), Need::Required).trimmed();
    h.code = entryCode(r, item, true);
    const QString io = r.text(QLatin1String("843"), Need::Required).trimmed();
    if (r.ok() && io != u"I" && io != u"D")
        r.fail(QStringLiteral("843"), QStringLiteral("expected I or D: \"%1\"").arg(io));
    h.entered = io == u"I";
    h.timeMs = r.timeNearMs(QLatin1String("20"), receivedMs);
    h.sideCode = r.text(QLatin1String("907")).trimmed();
    return h;
}

template<typename Notice> void noteUnreadable(const FieldReader &r, Notice *notice)
{
    notice->unreadableFields = r.failedFields();
    notice->unreadableDetail = r.problems().join(QStringLiteral("; "));
}

template<typename T> KiwoomResult<T> finish(const FieldReader &r, T &&value)
{
    if (!r.ok())
        return r.error();
    return std::move(value);
}

// One typed entry from either source (Values: QJsonObject or Scan::Object).
template<typename Values>
KiwoomResult<RealtimeEvent> parseTyped(EntryType type, const Values &values, const QString &item, qint64 receivedMs)
{
    FieldReader r(values, REAL, contextHead(type), item);
    const auto wrap = [](auto &&result) -> KiwoomResult<RealtimeEvent> {
        if (!result)
            return result.error();
        return RealtimeEvent(std::move(result).value());
    };
    switch (type) {
    case EntryType::Trade:
        return wrap(finish(r, readTradeTick(r, item, receivedMs)));
    case EntryType::Book:
        return wrap(finish(r, readOrderBook(r, item, receivedMs)));
    case EntryType::Execution: {
        r.setReadAll(true);
        OrderExecution e = readOrderExecution(r, item, receivedMs);
        noteUnreadable(r, &e);
        return RealtimeEvent(std::move(e));
    }
    case EntryType::Balance: {
        r.setReadAll(true);
        BalanceUpdate b = readBalance(r, item, receivedMs);
        noteUnreadable(r, &b);
        return RealtimeEvent(std::move(b));
    }
    case EntryType::MarketStatus:
        return wrap(finish(r, readMarketStatus(r, item, receivedMs)));
    case EntryType::Vi:
        return wrap(finish(r, readVi(r, item, receivedMs)));
    case EntryType::ConditionHit:
        return wrap(finish(r, readConditionHit(r, item, receivedMs)));
    case EntryType::Other:
        break;
    }
    Q_UNREACHABLE();
    return KiwoomError::make(KiwoomError::Kind::Parse, REAL, QStringLiteral("REAL: unexpected type"));
}

// A 00/04 entry whose values cannot even be opened: delivered all the same, with nothing read but
// the type, so the consumer reconciles.
template<typename Notice>
RealtimeEvent unopenedNotice(EntryType type, const QString &item, qint64 receivedMs, bool badItem, bool badValues)
{
    Notice n;
    n.meta = metaFor(type, item, receivedMs);
    QStringList problems;
    if (badItem) {
        n.unreadableFields << QStringLiteral("item");
        problems << QStringLiteral("item: not a string");
    }
    if (badValues) {
        n.unreadableFields << QStringLiteral("values");
        problems << QStringLiteral("values: missing or not an object");
    }
    n.unreadableDetail = problems.join(QStringLiteral("; "));
    return RealtimeEvent(std::move(n));
}

// Appends an entry's outcome to the frame: the event with the next sequence number (and a note
// when it is an incomplete notice), or the error.
void append(ParsedRealFrame &out, KiwoomResult<RealtimeEvent> &&parsed, quint64 *seq)
{
    if (!parsed) {
        out.errors << parsed.error();
        return;
    }
    RealtimeEvent event = std::move(parsed).value();
    metaOf(event).seq = ++*seq;
    const auto noteIncomplete = [&out](const auto &notice, const QString &what) {
        if (notice.complete())
            return;
        out.incomplete << KiwoomError::make(KiwoomError::Kind::Parse, REAL,
            QStringLiteral("%1 (%2): delivered incomplete: %3")
                .arg(contextFor(notice.meta.type, notice.meta.item), what, notice.unreadableDetail));
    };
    if (const auto *e = std::get_if<OrderExecution>(&event)) {
        noteIncomplete(
            *e, e->orderNo.isEmpty() ? QStringLiteral("no order number") : QStringLiteral("order %1").arg(e->orderNo));
    } else if (const auto *b = std::get_if<BalanceUpdate>(&event)) {
        noteIncomplete(
            *b, b->code.isEmpty() ? QStringLiteral("no stock code") : QStringLiteral("stock %1").arg(b->code));
    }
    out.events << std::move(event);
}

} // namespace

KiwoomResult<TradeTick> parseTradeTick(const QJsonObject &values, const QString &item, qint64 receivedMs)
{
    FieldReader r(values, REAL, contextHead(EntryType::Trade), item);
    return finish(r, readTradeTick(r, item, receivedMs));
}

KiwoomResult<OrderBookUpdate> parseOrderBookUpdate(const QJsonObject &values, const QString &item, qint64 receivedMs)
{
    FieldReader r(values, REAL, contextHead(EntryType::Book), item);
    return finish(r, readOrderBook(r, item, receivedMs));
}

KiwoomResult<OrderExecution> parseOrderExecution(const QJsonObject &values, const QString &item, qint64 receivedMs)
{
    FieldReader r(values, REAL, contextHead(EntryType::Execution), item);
    r.setReadAll(true);
    OrderExecution e = readOrderExecution(r, item, receivedMs);
    noteUnreadable(r, &e);
    return e;
}

KiwoomResult<BalanceUpdate> parseBalanceUpdate(const QJsonObject &values, const QString &item, qint64 receivedMs)
{
    FieldReader r(values, REAL, contextHead(EntryType::Balance), item);
    r.setReadAll(true);
    BalanceUpdate b = readBalance(r, item, receivedMs);
    noteUnreadable(r, &b);
    return b;
}

KiwoomResult<MarketStatusEvent> parseMarketStatus(const QJsonObject &values, const QString &item, qint64 receivedMs)
{
    FieldReader r(values, REAL, contextHead(EntryType::MarketStatus), item);
    return finish(r, readMarketStatus(r, item, receivedMs));
}

KiwoomResult<ViEvent> parseViEvent(const QJsonObject &values, const QString &item, qint64 receivedMs)
{
    FieldReader r(values, REAL, contextHead(EntryType::Vi), item);
    return finish(r, readVi(r, item, receivedMs));
}

KiwoomResult<ConditionHit> parseConditionHit(const QJsonObject &values, const QString &item, qint64 receivedMs)
{
    FieldReader r(values, REAL, contextHead(EntryType::ConditionHit), item);
    return finish(r, readConditionHit(r, item, receivedMs));
}

KiwoomResult<RealtimeEvent> parseRealEntry(const QJsonObject &entry, qint64 receivedMs)
{
    const QJsonValue typeValue = entry.value(QLatin1String("type"));
    const QJsonValue itemValue = entry.value(QLatin1String("item"));
    const QJsonValue valuesValue = entry.value(QLatin1String("values"));
    if (!typeValue.isString())
        return KiwoomError::make(
            KiwoomError::Kind::Parse, REAL, QStringLiteral("REAL entry: \"type\" missing or not a string"));
    const QString type = typeValue.toString();
    const EntryType kind = entryTypeOf(QStringView(type));
    const bool badItem = !itemValue.isUndefined() && !itemValue.isString();
    const bool badValues = !valuesValue.isObject();
    if ((badItem || badValues) && (kind == EntryType::Execution || kind == EntryType::Balance)) {
        // An order or balance notice is never dropped: what can be read is delivered, the
        // consumer reconciles.
        const QString item = itemValue.toString(); // "" when not a string
        if (badValues) {
            return kind == EntryType::Execution
                ? unopenedNotice<OrderExecution>(kind, item, receivedMs, badItem, badValues)
                : unopenedNotice<BalanceUpdate>(kind, item, receivedMs, badItem, badValues);
        }
        auto parsed = parseTyped(kind, valuesValue.toObject(), item, receivedMs);
        std::visit(
            [](auto &notice) {
                if constexpr (requires { notice.unreadableFields; }) {
                    notice.unreadableFields.prepend(QStringLiteral("item"));
                    notice.unreadableDetail = notice.unreadableDetail.isEmpty()
                        ? QStringLiteral("item: not a string")
                        : QStringLiteral("item: not a string; ") + notice.unreadableDetail;
                }
            },
            parsed.value());
        return parsed;
    }
    if (badItem)
        return KiwoomError::make(
            KiwoomError::Kind::Parse, REAL, QStringLiteral("REAL %1: \"item\" is not a string").arg(type));
    if (badValues)
        return KiwoomError::make(
            KiwoomError::Kind::Parse, REAL, QStringLiteral("REAL %1: \"values\" missing or not an object").arg(type));
    const QString item = itemValue.toString();
    const QJsonObject values = valuesValue.toObject();
    if (kind != EntryType::Other)
        return parseTyped(kind, values, item, receivedMs);

    RawRealtime raw;
    raw.meta.receivedMs = receivedMs;
    raw.meta.type = type;
    raw.meta.item = item;
    raw.name = entry.value(QLatin1String("name")).toString();
    raw.values = values;
    return RealtimeEvent(std::move(raw));
}

ParsedRealFrame parseRealFrame(const QJsonObject &frame, qint64 receivedMs, quint64 *seq)
{
    ParsedRealFrame out;
    const QJsonValue data = frame.value(QLatin1String("data"));
    if (!data.isArray()) {
        out.errors << KiwoomError::make(
            KiwoomError::Kind::Parse, REAL, QStringLiteral("REAL frame: \"data\" missing or not an array"));
        return out;
    }
    const QJsonArray entries = data.toArray();
    out.events.reserve(entries.size());
    for (const QJsonValue &v : entries) {
        if (!v.isObject()) {
            out.errors << KiwoomError::make(
                KiwoomError::Kind::Parse, REAL, QStringLiteral("REAL frame: data entry is not an object"));
            continue;
        }
        append(out, parseRealEntry(v.toObject(), receivedMs), seq);
    }
    return out;
}

std::optional<ParsedRealFrame> parseRealFrameFast(QByteArrayView utf8, qint64 receivedMs, quint64 *seq)
{
    Scan::Frame frame;
    if (!Scan::scanFrame(utf8, &frame) || !frame.trnm.plain || frame.trnm.latin1() != QLatin1StringView("REAL")
        || !frame.hasData)
        return std::nullopt;
    ParsedRealFrame out;
    out.events.reserve(frame.entries.size());
    quint64 next = *seq; // committed only when the whole frame was read here
    for (const Scan::Entry &e : frame.entries) {
        if (!e.type.plain)
            return std::nullopt;
        const Scan::Object values(frame.members.constData() + e.firstMember, e.memberCount);
        if (!values.unique())
            return std::nullopt;
        const EntryType kind = entryTypeOf(e.type.latin1());
        const QString item = e.item.toString();
        if (kind != EntryType::Other) {
            append(out, parseTyped(kind, values, item, receivedMs), &next);
            continue;
        }
        RawRealtime raw;
        raw.meta.receivedMs = receivedMs;
        raw.meta.type = e.type.toString();
        raw.meta.item = item;
        raw.name = e.name.toString();
        raw.values = values.toJsonObject();
        append(out, RealtimeEvent(std::move(raw)), &next);
    }
    *seq = next;
    return out;
}

ParsedRealFrame parseRealFrameText(QByteArrayView utf8, qint64 receivedMs, quint64 *seq)
{
    if (auto fast = parseRealFrameFast(utf8, receivedMs, seq))
        return std::move(*fast);
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(utf8.toByteArray(), &error);
    const QJsonObject frame = doc.object();
    if (error.error != QJsonParseError::NoError || !doc.isObject()
        || frame.value(QLatin1String("trnm")) != QJsonValue(REAL)) {
        ParsedRealFrame out;
        out.errors << KiwoomError::make(KiwoomError::Kind::Parse, REAL, QStringLiteral("not a REAL frame"));
        return out;
    }
    return parseRealFrame(frame, receivedMs, seq);
}

const RealtimeMeta &metaOf(const RealtimeEvent &event)
{
    return std::visit([](const auto &e) -> const RealtimeMeta & { return e.meta; }, event);
}

RealtimeMeta &metaOf(RealtimeEvent &event)
{
    return std::visit([](auto &e) -> RealtimeMeta & { return e.meta; }, event);
}

} // namespace Kiwoom
