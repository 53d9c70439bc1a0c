// SPDX-License-Identifier: GPL-3.0-or-later
#include "realtimeparse.h"

#include "fieldreader.h"

#include <QJsonArray>

using Need = FieldReader::Need;

namespace Kiwoom {

namespace {

const QString REAL = QStringLiteral("REAL");

QString contextFor(const QString &type, const QString &item)
{
    return item.isEmpty() ? QStringLiteral("REAL %1").arg(type) : QStringLiteral("REAL %1 %2").arg(type, item);
}

RealtimeMeta metaFor(const QString &type, const QString &item, qint64 receivedMs)
{
    RealtimeMeta m;
    m.receivedMs = receivedMs;
    m.type = type;
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

// A 00/04 entry whose values cannot even be opened: delivered all the same, with nothing read but
// the type, so the consumer reconciles.
template<typename Notice>
RealtimeEvent unopenedNotice(const QString &type, const QString &item, qint64 receivedMs, bool badItem, bool badValues)
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
    FieldReader r(values, REAL, contextFor(QStringLiteral("0B"), item));
    TradeTick t;
    t.meta = metaFor(QStringLiteral("0B"), item, receivedMs);
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
    return finish(r, std::move(t));
}

KiwoomResult<OrderBookUpdate> parseOrderBookUpdate(const QJsonObject &values, const QString &item, qint64 receivedMs)
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
    FieldReader r(values, REAL, contextFor(QStringLiteral("0D"), item));
    OrderBookUpdate b;
    b.meta = metaFor(QStringLiteral("0D"), item, receivedMs);
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
    return finish(r, std::move(b));
}

KiwoomResult<OrderExecution> parseOrderExecution(const QJsonObject &values, const QString &item, qint64 receivedMs)
{
    FieldReader r(values, REAL, contextFor(QStringLiteral("00"), item));
    // A notice is read to the end whatever fails: the bad fields are listed, the rest delivered.
    r.setReadAll(true);
    OrderExecution e;
    e.meta = metaFor(QStringLiteral("00"), item, receivedMs);
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
    noteUnreadable(r, &e);
    return e;
}

KiwoomResult<BalanceUpdate> parseBalanceUpdate(const QJsonObject &values, const QString &item, qint64 receivedMs)
{
    FieldReader r(values, REAL, contextFor(QStringLiteral("04"), item));
    r.setReadAll(true);
    BalanceUpdate b;
    b.meta = metaFor(QStringLiteral("04"), item, receivedMs);
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
    noteUnreadable(r, &b);
    return b;
}

KiwoomResult<MarketStatusEvent> parseMarketStatus(const QJsonObject &values, const QString &item, qint64 receivedMs)
{
    FieldReader r(values, REAL, contextFor(QStringLiteral("0s"), item));
    MarketStatusEvent m;
    m.meta = metaFor(QStringLiteral("0s"), item, receivedMs);
    m.operation = r.text(QLatin1String("215"), Need::Required).trimmed();
    m.timeMs = r.timeNearMs(QLatin1String("20"), receivedMs);
    m.remaining = r.text(QLatin1String("214")).trimmed();
    return finish(r, std::move(m));
}

KiwoomResult<ViEvent> parseViEvent(const QJsonObject &values, const QString &item, qint64 receivedMs)
{
    FieldReader r(values, REAL, contextFor(QStringLiteral("1h"), item));
    ViEvent v;
    v.meta = metaFor(QStringLiteral("1h"), item, receivedMs);
    v.code = entryCode(r, item, true);
    v.name = r.text(QLatin1String("302")).trimmed();
    v.cumVolume = r.integer(QLatin1String("13"));
    v.cumValueMillion = r.integer(QLatin1String("14"));
    v.viType = r.text(QLatin1String("9068")).trimmed();
    v.viPrice = r.price(QLatin1String("1221"));
    v.triggeredMs = r.timeNearMs(QLatin1String("1223"), receivedMs);
    v.releasedMs = r.timeNearMs(QLatin1String("1224"), receivedMs);
    v.staticDynamic = r.text(QLatin1String("1225")).trimmed();
    return finish(r, std::move(v));
}

KiwoomResult<ConditionHit> parseConditionHit(const QJsonObject &values, const QString &item, qint64 receivedMs)
{
    FieldReader r(values, REAL, contextFor(QStringLiteral("02"), item));
    ConditionHit h;
    h.meta = metaFor(QStringLiteral("02"), item, receivedMs);
    h.conditionSeq = r.text(QLatin1String("841"), Need::Required).trimmed();
    h.code = entryCode(r, item, true);
    const QString io = r.text(QLatin1String("843"), Need::Required).trimmed();
    if (r.ok() && io != u"I" && io != u"D")
        r.fail(QStringLiteral("843"), QStringLiteral("expected I or D: \"%1\"").arg(io));
    h.entered = io == u"I";
    h.timeMs = r.timeNearMs(QLatin1String("20"), receivedMs);
    h.sideCode = r.text(QLatin1String("907")).trimmed();
    return finish(r, std::move(h));
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
    const auto wrap = [](auto &&result) -> KiwoomResult<RealtimeEvent> {
        if (!result)
            return result.error();
        return RealtimeEvent(std::move(result).value());
    };
    const bool badItem = !itemValue.isUndefined() && !itemValue.isString();
    const bool badValues = !valuesValue.isObject();
    if ((badItem || badValues) && (type == u"00" || type == u"04")) {
        // An order or balance notice is never dropped: what can be read is delivered, the
        // consumer reconciles.
        const QString item = itemValue.toString(); // "" when not a string
        if (badValues) {
            return type == u"00" ? unopenedNotice<OrderExecution>(type, item, receivedMs, badItem, badValues)
                                 : unopenedNotice<BalanceUpdate>(type, item, receivedMs, badItem, badValues);
        }
        auto parsed = type == u"00" ? wrap(parseOrderExecution(valuesValue.toObject(), item, receivedMs))
                                    : wrap(parseBalanceUpdate(valuesValue.toObject(), item, receivedMs));
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

    if (type == u"0B")
        return wrap(parseTradeTick(values, item, receivedMs));
    if (type == u"0D")
        return wrap(parseOrderBookUpdate(values, item, receivedMs));
    if (type == u"00")
        return wrap(parseOrderExecution(values, item, receivedMs));
    if (type == u"04")
        return wrap(parseBalanceUpdate(values, item, receivedMs));
    if (type == u"0s")
        return wrap(parseMarketStatus(values, item, receivedMs));
    if (type == u"1h")
        return wrap(parseViEvent(values, item, receivedMs));
    if (type == u"02")
        return wrap(parseConditionHit(values, item, receivedMs));

    RawRealtime raw;
    raw.meta = metaFor(type, item, receivedMs);
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

const RealtimeMeta &metaOf(const RealtimeEvent &event)
{
    return std::visit([](const auto &e) -> const RealtimeMeta & { return e.meta; }, event);
}

RealtimeMeta &metaOf(RealtimeEvent &event)
{
    return std::visit([](auto &e) -> RealtimeMeta & { return e.meta; }, event);
}

} // namespace Kiwoom
