// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiwoom/realtimeparse.h"
#include "market/krx.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QtTest>

#include <algorithm>

using namespace Kiwoom;

namespace {

QJsonObject obj(const QByteArray &json)
{
    QJsonParseError e {};
    const QJsonDocument d = QJsonDocument::fromJson(json, &e);
    if (e.error != QJsonParseError::NoError)
        qFatal("fixture is not JSON: %s", qPrintable(e.errorString()));
    return d.object();
}

qint64 kst(int h, int mi, int s)
{
    return Krx::fromKst(QDate(2025, 9, 17), QTime(h, mi, s));
}

// Received at 16:52:10 KST on 2025-09-17.
const qint64 RECEIVED = Krx::fromKst(QDate(2025, 9, 17), QTime(16, 52, 10));

// ---- differential test support: the JSON path (QJsonDocument + parseRealFrame) against the fast
// path (parseRealFrameFast) over a corpus of frame texts ----------------------------------------

using Members = QList<QPair<QByteArray, QByteArray>>; // key (as written), value (JSON text)

struct EntrySpec
{
    QByteArray type; // JSON text of the value, e.g. "\"0B\""
    QByteArray name;
    QByteArray item;
    Members values;
};

QByteArray q(const QByteArray &s)
{
    return '"' + s + '"';
}

Members members(std::initializer_list<std::pair<const char *, const char *>> list)
{
    Members m;
    for (const auto &[k, v] : list)
        m << qMakePair(QByteArray(k), q(v));
    return m;
}

enum class Style
{
    Compact,
    Spaced, // whitespace of every kind around every token
    DataFirst, // live order: data before trnm
    Shuffled, // every object's members in a random order
};

QByteArray renderObject(QList<QPair<QByteArray, QByteArray>> m, Style style, QRandomGenerator &rng)
{
    if (style == Style::Shuffled)
        std::shuffle(m.begin(), m.end(), rng);
    const QByteArray sp = style == Style::Spaced ? QByteArray(" \r\n\t ") : QByteArray();
    QByteArray out = "{" + sp;
    for (int i = 0; i < m.size(); ++i) {
        if (i)
            out += sp + "," + sp;
        out += q(m[i].first) + sp + ":" + sp + m[i].second;
    }
    return out + sp + "}";
}

QByteArray renderFrame(const QList<EntrySpec> &entries, Style style, quint32 seed = 1)
{
    QRandomGenerator rng(seed);
    QByteArray data = "[";
    const QByteArray sp = style == Style::Spaced ? QByteArray("\n  ") : QByteArray();
    for (int i = 0; i < entries.size(); ++i) {
        const EntrySpec &e = entries[i];
        QList<QPair<QByteArray, QByteArray>> m;
        m << qMakePair(QByteArray("type"), e.type);
        if (!e.name.isNull())
            m << qMakePair(QByteArray("name"), e.name);
        if (!e.item.isNull())
            m << qMakePair(QByteArray("item"), e.item);
        m << qMakePair(QByteArray("values"), renderObject(e.values, style, rng));
        data += (i ? "," + sp : sp) + renderObject(m, style, rng);
    }
    data += sp + "]";
    QList<QPair<QByteArray, QByteArray>> top { { "trnm", q("REAL") }, { "data", data } };
    if (style == Style::DataFirst)
        std::swap(top[0], top[1]);
    return (style == Style::Spaced ? QByteArray(" \n") : QByteArray()) + renderObject(top, style, rng)
        + (style == Style::Spaced ? QByteArray("\r\n") : QByteArray());
}

EntrySpec tradeEntry(const QByteArray &item = "005930", const QByteArray &price = "-20800")
{
    return { q("0B"), q("주식체결"), q(item),
        members({ { "20", "165208" }, { "10", price.constData() }, { "11", "-50" }, { "12", "-0.24" },
            { "27", "-20800" }, { "28", "-20700" }, { "15", "+82" }, { "13", "30379732" }, { "14", "632640" },
            { "16", "-20850" }, { "17", "+20900" }, { "18", "-20700" }, { "25", "5" }, { "26", "-9036" },
            { "29", "-148" }, { "30", "-0.03" }, { "31", "0.18" }, { "32", "4" }, { "228", "87.74" }, { "311", "4120" },
            { "290", "2" }, { "691", "0" }, { "567", "000000" }, { "568", "000000" }, { "851", "" }, { "1890", "" },
            { "1891", "" }, { "1892", "" }, { "1030", "" }, { "1031", "" }, { "1032", "" }, { "1071", "" },
            { "1072", "" }, { "1313", "" }, { "1315", "" }, { "1316", "" }, { "1314", "" }, { "620", "20817" },
            { "732", "" }, { "852", "" }, { "9081", "1" } }) };
}

EntrySpec bookEntry()
{
    EntrySpec e { q("0D"), q("주식호가잔량"), q("005930_NX"), members({ { "21", "165209" } }) };
    for (int k = 0; k < 10; ++k) {
        const auto n = [](int v) { return QByteArray::number(v); };
        e.values << qMakePair(n(41 + k), q("-" + n(20800 + 100 * k))) << qMakePair(n(61 + k), q(n(82 + k)))
                 << qMakePair(n(81 + k), q(k % 2 ? "-" + n(k) : "+" + n(k)))
                 << qMakePair(n(51 + k), q("-" + n(20700 - 100 * k))) << qMakePair(n(71 + k), q(n(23847 + k)))
                 << qMakePair(n(91 + k), q("0"));
    }
    e.values << members({ { "121", "1000" }, { "122", "+5" }, { "125", "2000" }, { "126", "-3" }, { "23", "20750" },
        { "24", "100" }, { "128", "1000" }, { "13", "30379732" }, { "215", "2" }, { "6044", "0" }, { "6100", "" } });
    return e;
}

EntrySpec executionEntry()
{
    return { q("00"), q("주문체결"), q(""),
        members({ { "9201", "1234567890" }, { "9203", "0000138" }, { "9205", "" }, { "9001", "A005930" },
            { "912", "JJ" }, { "913", "체결" }, { "302", "삼성전자" }, { "900", "10" }, { "901", "70100" },
            { "902", "4" }, { "903", "420600" }, { "904", "0000000" }, { "905", "+매수" }, { "906", "보통" },
            { "907", "2" }, { "908", "090512" }, { "909", "00012" }, { "910", "70100" }, { "911", "6" },
            { "10", "+70100" }, { "27", "+70200" }, { "28", "+70100" }, { "914", "70100" }, { "915", "6" },
            { "938", "63" }, { "939", "0" }, { "919", "" }, { "920", "" }, { "921", "" }, { "922", "" }, { "923", "" },
            { "10010", "" }, { "2134", "1" }, { "2135", "KRX" }, { "2136", "N" } }) };
}

EntrySpec balanceEntry()
{
    return { q("04"), q("잔고"), q(""),
        members({ { "9201", "1234567890" }, { "9001", "005930" }, { "917", "00" }, { "916", "00000000" },
            { "302", "삼성전자" }, { "10", "-20800" }, { "930", "102" }, { "931", "154116" }, { "932", "15719832" },
            { "933", "102" }, { "945", "0" }, { "946", "2" }, { "950", "0" }, { "27", "-20800" }, { "28", "-20700" },
            { "307", "20850" }, { "8019", "-86.50" } }) };
}

QList<EntrySpec> everyType()
{
    return { tradeEntry(), bookEntry(), executionEntry(), balanceEntry(),
        { q("0s"), q("장시작시간"), q(""), members({ { "215", "3" }, { "20", "090000" }, { "214", "000000" } }) },
        { q("1h"), q("VI발동/해제"), q("005930"),
            members({ { "9001", "005930" }, { "302", "삼성전자" }, { "13", "1000" }, { "14", "70" }, { "9068", "1" },
                { "1221", "+77000" }, { "1223", "101500" }, { "1224", "" }, { "1225", "동적" } }) },
        { q("02"), q("조건검색"), q("005930"),
            members({ { "841", "4" }, { "9001", "005930" }, { "843", "I" }, { "20", "152028" }, { "907", "2" } }) },
        { q("02"), q("조건검색"), q("000660"),
            members({ { "841", "4" }, { "9001", "A000660" }, { "843", "D" }, { "20", "152029" }, { "907", "1" } }) },
        { q("0A"), q("주식기세"), q("005930"), members({ { "10", "+70100" }, { "11", "+100" } }) },
        { q("0C"), q("주식우선호가"), q("005930"), members({ { "27", "-20800" }, { "28", "-20700" } }) },
        { q("0H"), QByteArray(), q("005930"), members({}) } };
}

// Replaces the value of FID key in the entry (JSON text), or appends it.
EntrySpec with(EntrySpec e, const QByteArray &key, const QByteArray &json)
{
    for (auto &m : e.values) {
        if (m.first == key) {
            m.second = json;
            return e;
        }
    }
    e.values << qMakePair(key, json);
    return e;
}

EntrySpec without(EntrySpec e, const QByteArray &key)
{
    e.values.removeIf([&](const auto &m) { return m.first == key; });
    return e;
}

QString describe(const ParsedRealFrame &f)
{
    QStringList out;
    for (const RealtimeEvent &e : f.events) {
        const RealtimeMeta &m = metaOf(e);
        QString line = QStringLiteral("#%1 %2 %3").arg(m.seq).arg(m.type, m.item);
        if (const auto *t = std::get_if<TradeTick>(&e))
            line += QStringLiteral(" code=%1 t=%2 p=%3 d=%4 v=%5 cum=%6 rate=%7 s=%8 x=%9")
                        .arg(t->code)
                        .arg(t->timeMs)
                        .arg(t->price)
                        .arg(int(t->direction))
                        .arg(t->volume)
                        .arg(t->cumVolume)
                        .arg(t->changeRate)
                        .arg(t->sessionCode, t->exchangeCode);
        else if (const auto *x = std::get_if<OrderExecution>(&e))
            line += QStringLiteral(" order=%1 status=%2 fill=%3 %4x%5 unreadable=%6")
                        .arg(x->orderNo, x->statusText, x->fillNo)
                        .arg(x->fillPrice)
                        .arg(x->fillQty)
                        .arg(x->unreadableFields.join(u','));
        else if (const auto *r = std::get_if<RawRealtime>(&e))
            line += QStringLiteral(" name=%1 values=%2")
                        .arg(r->name, QString::fromUtf8(QJsonDocument(r->values).toJson(QJsonDocument::Compact)));
        out << line;
    }
    for (const KiwoomError &e : f.errors)
        out << QStringLiteral("error: ") + e.message;
    for (const KiwoomError &e : f.incomplete)
        out << QStringLiteral("incomplete: ") + e.message;
    return out.join(u'\n');
}

struct DiffCounts
{
    int fast = 0; // read by the fast path (compared)
    int fallback = 0; // REAL frames handed to the JSON path
    int notReal = 0; // not JSON / not a REAL frame: both paths refuse
};

// Compares both paths on one text; *usedFast says whether the fast path read it.
void compareOne(const QByteArray &text, DiffCounts *counts, bool *usedFast = nullptr)
{
    const QString shown = QString::fromUtf8(text.left(300).toPercentEncoding(" {}[]\":,+-._"));
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    const bool isReal = error.error == QJsonParseError::NoError && doc.isObject()
        && doc.object().value(QLatin1String("trnm")) == QJsonValue(QStringLiteral("REAL"));
    quint64 fastSeq = 41;
    const std::optional<ParsedRealFrame> fast = parseRealFrameFast(text, RECEIVED, &fastSeq);
    if (usedFast)
        *usedFast = fast.has_value();
    quint64 textSeq = 41;
    const ParsedRealFrame viaText = parseRealFrameText(text, RECEIVED, &textSeq);
    if (!isReal) {
        QVERIFY2(!fast, qPrintable(QStringLiteral("fast path read a frame QJsonDocument refuses: ") + shown));
        QCOMPARE(fastSeq, quint64(41));
        QVERIFY(viaText.events.isEmpty());
        QCOMPARE(viaText.errors.size(), 1);
        ++counts->notReal;
        return;
    }
    quint64 oldSeq = 41;
    const ParsedRealFrame old = parseRealFrame(doc.object(), RECEIVED, &oldSeq);
    QVERIFY2(viaText == old, qPrintable(shown));
    QCOMPARE(textSeq, oldSeq);
    if (!fast) {
        QCOMPARE(fastSeq, quint64(41)); // untouched
        ++counts->fallback;
        return;
    }
    if (!(*fast == old)) {
        QCOMPARE(describe(*fast), describe(old)); // shows the first difference
        QFAIL(qPrintable(QStringLiteral("events differ in a member not shown: ") + shown));
    }
    QCOMPARE(fastSeq, oldSeq);
    ++counts->fast;
}

} // namespace

class TestRealtimeParse final : public QObject
{
    Q_OBJECT

private slots:
    void tradeTickFromDocumentExample()
    {
        // Protocol §5.2/§5.3: live key order (data before trnm), the 0B example values.
        const QJsonObject frame
            = obj(R"({"data":[{"type":"0B","name":"주식체결","item":"005930","values":{"20":"165208","10":"-20800",
            "11":"-50","12":"-0.24","27":"-20800","28":"-20700","15":"+82","13":"30379732","14":"632640","16":"-20850","17":"+20900",
            "18":"-20700","25":"5","26":"-9036","29":"-148","30":"-0.03","31":"0.18","32":"4","228":"87.74","311":"4120","290":"2",
            "691":"0","567":"000000","568":"000000","851":"","1890":"","1891":"","1892":"","1030":"","1031":"","1032":"","1071":"",
            "1072":"","1313":"","1315":"","1316":"","1314":"","620":"20817","732":"","852":"","9081":"1"}}],"trnm":"REAL"})");
        quint64 seq = 100;
        const ParsedRealFrame parsed = parseRealFrame(frame, RECEIVED, &seq);
        QVERIFY(parsed.errors.isEmpty());
        QCOMPARE(parsed.events.size(), 1);
        const auto &t = std::get<TradeTick>(parsed.events.first());
        QCOMPARE(t.meta.seq, quint64(101));
        QCOMPARE(seq, quint64(101));
        QCOMPARE(t.meta.type, QStringLiteral("0B"));
        QCOMPARE(t.meta.receivedMs, RECEIVED);
        QCOMPARE(t.code, QStringLiteral("005930"));
        QCOMPARE(t.timeMs, kst(16, 52, 8));
        QCOMPARE(t.price, qint64(20800)); // "-20800": down against the previous close, not negative
        QCOMPARE(t.direction, Direction::Down);
        QCOMPARE(t.change, qint64(-50));
        QCOMPARE(t.changeRate, -0.24);
        QCOMPARE(t.volume, qint64(82));
        QCOMPARE(t.aggressor, std::optional<Side>(Side::Buy)); // "+82": buy-initiated
        QCOMPARE(t.cumVolume, qint64(30379732));
        QCOMPARE(t.cumValueMillion, qint64(632640));
        QCOMPARE(t.open, qint64(20850));
        QCOMPARE(t.high, qint64(20900));
        QCOMPARE(t.low, qint64(20700));
        QCOMPARE(t.bestAsk, qint64(20800));
        QCOMPARE(t.bestBid, qint64(20700));
        QCOMPARE(t.changeSign, ChangeSign::Down);
        QCOMPARE(t.strength, 87.74);
        QCOMPARE(t.sessionCode, QStringLiteral("2"));
        QCOMPARE(t.exchangeCode, QStringLiteral("1"));
    }

    void severalEntriesBecomeSeveralEvents()
    {
        const QJsonObject frame = obj(R"({"trnm":"REAL","data":[
            {"type":"0B","name":"주식체결","item":"005930","values":{"20":"090000","10":"+70100","15":"-3"}},
            {"type":"0B","name":"주식체결","item":"000660_NX","values":{"20":"090001","10":"120000","15":"+1"}},
            {"type":"0D","name":"주식호가잔량","item":"005930","values":{"21":"090001","41":"-20800","61":"82","51":"-20700","71":"23847","121":"1000","125":"2000"}},
            {"type":"0A","name":"주식기세","item":"005930","values":{"10":"+70100"}}]})");
        quint64 seq = 0;
        const ParsedRealFrame parsed = parseRealFrame(frame, RECEIVED, &seq);
        QVERIFY(parsed.errors.isEmpty());
        QCOMPARE(parsed.events.size(), 4);
        QVERIFY(std::holds_alternative<TradeTick>(parsed.events[0]));
        QVERIFY(std::holds_alternative<TradeTick>(parsed.events[1]));
        QVERIFY(std::holds_alternative<OrderBookUpdate>(parsed.events[2]));
        QVERIFY(std::holds_alternative<RawRealtime>(parsed.events[3]));
        const auto &a = std::get<TradeTick>(parsed.events[0]);
        QCOMPARE(a.aggressor, std::optional<Side>(Side::Sell));
        QCOMPARE(a.volume, qint64(3));
        const auto &b = std::get<TradeTick>(parsed.events[1]);
        QCOMPARE(b.code, QStringLiteral("000660"));
        QCOMPARE(b.meta.item, QStringLiteral("000660_NX"));
        QCOMPARE(b.direction, Direction::Unchanged);
        const auto &book = std::get<OrderBookUpdate>(parsed.events[2]);
        QCOMPARE(book.asks[0].price, qint64(20800));
        QCOMPARE(book.asks[0].quantity, qint64(82));
        QCOMPARE(book.bids[0].price, qint64(20700));
        QCOMPARE(book.bids[0].quantity, qint64(23847));
        QCOMPARE(book.totalBidQty, qint64(2000));
        const auto &raw = std::get<RawRealtime>(parsed.events[3]);
        QCOMPARE(raw.meta.type, QStringLiteral("0A"));
        QCOMPARE(raw.values.value(QStringLiteral("10")).toString(), QStringLiteral("+70100"));
        // Sequence numbers increase with arrival order, one per entry.
        for (int i = 0; i < 4; ++i)
            QCOMPARE(metaOf(parsed.events[i]).seq, quint64(i + 1));
    }

    void malformedEntryDoesNotSpoilTheFrame()
    {
        const QJsonObject frame = obj(R"({"trnm":"REAL","data":[
            {"type":"0B","item":"005930","values":{"20":"090000","10":"+70100"}},
            {"type":"0B","item":"005930","values":{"20":"090000","10":"7O100"}},
            {"type":"0B","item":"005930","values":{"20":"090000","10":70100}},
            {"type":"0B","item":"005930"},
            "not an object",
            {"item":"005930","values":{}},
            {"type":"0B","item":"005930","values":{"10":"+70100"}},
            {"type":"0B","item":"005930","values":{"20":"090002","10":"+70200"}}]})");
        quint64 seq = 0;
        const ParsedRealFrame parsed = parseRealFrame(frame, RECEIVED, &seq);
        QCOMPARE(parsed.events.size(), 2);
        QCOMPARE(parsed.errors.size(), 6);
        QCOMPARE(parsed.errors[0].message, QStringLiteral("REAL 0B 005930.10: not a number: \"7O100\""));
        QCOMPARE(parsed.errors[1].message, QStringLiteral("REAL 0B 005930.10: expected a string, got number"));
        QCOMPARE(parsed.errors[2].message, QStringLiteral("REAL 0B: \"values\" missing or not an object"));
        QCOMPARE(parsed.errors[3].message, QStringLiteral("REAL frame: data entry is not an object"));
        QCOMPARE(parsed.errors[5].message, QStringLiteral("REAL 0B 005930.20: missing"));
        for (const KiwoomError &e : parsed.errors)
            QCOMPARE(e.kind, KiwoomError::Kind::Parse);
        QCOMPARE(std::get<TradeTick>(parsed.events[1]).price, qint64(70200));

        QCOMPARE(parseRealFrame(obj(R"({"trnm":"REAL"})"), RECEIVED, &seq).errors.size(), 1);
        QCOMPARE(parseRealFrame(obj(R"({"trnm":"REAL","data":{}})"), RECEIVED, &seq).errors.size(), 1);
    }

    void orderExecution()
    {
        const QJsonObject entry
            = obj(R"({"type":"00","name":"주문체결","item":"","values":{"9201":"1234567890","9203":"0000138",
            "9205":"","9001":"A005930","912":"JJ","913":"체결","302":"삼성전자","900":"10","901":"70100","902":"4","903":"420600",
            "904":"0000000","905":"+매수","906":"보통","907":"2","908":"090512","909":"00012","910":"70100","911":"6","10":"+70100",
            "27":"+70200","28":"+70100","914":"70100","915":"6","938":"63","939":"0","919":"","920":"","921":"","922":"","923":"",
            "2134":"1","2135":"KRX","2136":"N"}})");
        const auto r = parseRealEntry(entry, RECEIVED);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        const auto &e = std::get<OrderExecution>(*r);
        QCOMPARE(e.accountNo, QStringLiteral("1234567890"));
        QCOMPARE(e.orderNo, QStringLiteral("0000138"));
        QCOMPARE(e.code, QStringLiteral("005930")); // the A prefix seen live is stripped
        QCOMPARE(e.status, OrderExecution::Status::Filled);
        QCOMPARE(e.orderQty, qint64(10));
        QCOMPARE(e.orderPrice, qint64(70100));
        QCOMPARE(e.unfilledQty, qint64(4));
        QCOMPARE(e.filledAmount, qint64(420600));
        QCOMPARE(e.side, std::optional<Side>(Side::Buy));
        QCOMPARE(e.timeMs, kst(9, 5, 12));
        QCOMPARE(e.fillNo, QStringLiteral("00012"));
        QCOMPARE(e.fillPrice, qint64(70100));
        QCOMPARE(e.fillQty, qint64(6));
        QCOMPARE(e.unitFillQty, qint64(6));
        QCOMPARE(e.todayFee, qint64(63));
        QCOMPARE(e.venueText, QStringLiteral("KRX"));

        QJsonObject accepted = entry;
        QJsonObject values = accepted.value(QStringLiteral("values")).toObject();
        values.insert(QStringLiteral("913"), QStringLiteral("접수"));
        values.insert(QStringLiteral("9001"), QStringLiteral("005930"));
        values.insert(QStringLiteral("907"), QStringLiteral("1"));
        accepted.insert(QStringLiteral("values"), values);
        const auto a = parseRealEntry(accepted, RECEIVED);
        QVERIFY(a.ok());
        QCOMPARE(std::get<OrderExecution>(*a).status, OrderExecution::Status::Accepted);
        QCOMPARE(std::get<OrderExecution>(*a).side, std::optional<Side>(Side::Sell));
        QCOMPARE(std::get<OrderExecution>(*a).code, QStringLiteral("005930"));

        values.remove(QStringLiteral("9001"));
        accepted.insert(QStringLiteral("values"), values);
        QVERIFY(parseRealEntry(accepted, RECEIVED).ok()); // a notice without a code is still delivered

        values.remove(QStringLiteral("9203"));
        accepted.insert(QStringLiteral("values"), values);
        // No order number: the notice cannot be matched, but it is not lost either: delivered
        // with 9203 listed as unreadable, so the consumer reconciles.
        const auto unnumbered = parseRealEntry(accepted, RECEIVED);
        QVERIFY(unnumbered.ok());
        const auto &u = std::get<OrderExecution>(*unnumbered);
        QVERIFY(!u.complete());
        QVERIFY(!u.identified());
        QCOMPARE(u.unreadableFields, QStringList { QStringLiteral("9203") });
        QCOMPARE(u.status, OrderExecution::Status::Accepted);
    }

    // Issue 8: one malformed optional FID dropped the whole fill notice. Now the notice is
    // delivered with everything readable, the bad fields listed and left at their defaults.
    void fillNoticeWithUnreadableOptionalFidsIsKept()
    {
        const QByteArray text
            = R"({"trnm":"REAL","data":[{"type":"00","name":"주문체결","item":"","values":{"9201":"1234567890",
            "9203":"0000138","9001":"A005930","912":"JJ","913":"체결","302":"삼성전자","900":"10","901":"70100","902":"4",
            "903":"420600","904":"0000000","905":"+매수","906":"보통","907":"2","908":"090512","909":"00012","910":"1,2",
            "911":"6","914":"70100","915":"6","938":"abc","939":"0","2134":"1","2135":"KRX","2136":"N"}}]})";
        for (const bool fast : { false, true }) {
            quint64 seq = 0;
            const ParsedRealFrame parsed
                = fast ? parseRealFrameFast(text, RECEIVED, &seq).value() : parseRealFrame(obj(text), RECEIVED, &seq);
            QVERIFY(parsed.errors.isEmpty());
            QCOMPARE(parsed.events.size(), 1);
            const auto &e = std::get<OrderExecution>(parsed.events.first());
            QCOMPARE(e.meta.seq, quint64(1));
            QCOMPARE(e.orderNo, QStringLiteral("0000138"));
            QCOMPARE(e.fillNo, QStringLiteral("00012"));
            QCOMPARE(e.status, OrderExecution::Status::Filled);
            QCOMPARE(e.code, QStringLiteral("005930"));
            QCOMPARE(e.side, std::optional<Side>(Side::Buy));
            QCOMPARE(e.fillQty, qint64(6));
            QCOMPARE(e.unitFillPrice, qint64(70100));
            QCOMPARE(e.unitFillQty, qint64(6));
            QCOMPARE(e.unfilledQty, qint64(4));
            QCOMPARE(e.timeMs, kst(9, 5, 12));
            QCOMPARE(e.todayTax, qint64(0));
            QCOMPARE(e.fillPrice, qint64(0)); // unreadable: left at the default, never guessed
            QCOMPARE(e.todayFee, qint64(0));
            QVERIFY(!e.complete());
            QVERIFY(e.identified());
            QCOMPARE(e.unreadableFields, (QStringList { QStringLiteral("910"), QStringLiteral("938") }));
            QCOMPARE(e.unreadableDetail, QStringLiteral(R"(910: not a number: "1,2"; 938: not a number: "abc")"));
            QCOMPARE(parsed.incomplete.size(), 1);
            QCOMPARE(parsed.incomplete.first().kind, KiwoomError::Kind::Parse);
            QCOMPARE(parsed.incomplete.first().message,
                QStringLiteral(R"(REAL 00 (order 0000138): delivered incomplete: 910: not a number: "1,2"; )"
                               R"(938: not a number: "abc")"));
        }
    }

    void noticeWithoutOrderNumberIsReportedNotDropped()
    {
        const QByteArray text = R"({"trnm":"REAL","data":[
            {"type":"00","item":"","values":{"913":"체결","909":"00012","910":"70100","911":"6"}},
            {"type":"00","item":"","values":{"9203":"  ","913":"접수"}},
            {"type":"00","item":"","values":{"9203":"0000140","913":12}},
            {"type":"0B","item":"005930","values":{"20":"090000","10":"+70100"}}]})";
        quint64 seq = 0;
        // "913":12 is not a string: the fast path leaves the frame to QJsonDocument, untouched.
        QVERIFY(!parseRealFrameFast(text, RECEIVED, &seq));
        QCOMPARE(seq, quint64(0));
        const ParsedRealFrame parsed = parseRealFrame(obj(text), RECEIVED, &seq);
        QVERIFY(parsed.errors.isEmpty());
        QCOMPARE(parsed.events.size(), 4);
        QCOMPARE(parsed.incomplete.size(), 3);
        const auto &missing = std::get<OrderExecution>(parsed.events[0]);
        QVERIFY(missing.orderNo.isEmpty());
        QVERIFY(!missing.identified());
        QCOMPARE(missing.unreadableFields, QStringList { QStringLiteral("9203") });
        QCOMPARE(missing.fillNo, QStringLiteral("00012"));
        QCOMPARE(missing.fillQty, qint64(6));
        QCOMPARE(parsed.incomplete[0].message,
            QStringLiteral("REAL 00 (no order number): delivered incomplete: 9203: missing"));
        const auto &blank = std::get<OrderExecution>(parsed.events[1]);
        QCOMPARE(blank.unreadableFields, QStringList { QStringLiteral("9203") });
        QCOMPARE(parsed.incomplete[1].message,
            QStringLiteral("REAL 00 (no order number): delivered incomplete: 9203: empty"));
        const auto &noStatus = std::get<OrderExecution>(parsed.events[2]);
        QCOMPARE(noStatus.orderNo, QStringLiteral("0000140"));
        QCOMPARE(noStatus.status, OrderExecution::Status::Unknown);
        QVERIFY(!noStatus.identified());
        QCOMPARE(noStatus.unreadableFields, QStringList { QStringLiteral("913") });
        QCOMPARE(parsed.incomplete[2].message,
            QStringLiteral("REAL 00 (order 0000140): delivered incomplete: 913: expected a string, got number"));
        for (int i = 0; i < 4; ++i)
            QCOMPARE(metaOf(parsed.events[i]).seq, quint64(i + 1));

        // The same notice without an order number through the fast path.
        const QByteArray strings = R"({"trnm":"REAL","data":[{"type":"00","item":"","values":{"913":"체결"}}]})";
        const auto fast = parseRealFrameFast(strings, RECEIVED, &seq);
        QVERIFY(fast);
        QCOMPARE(fast->events.size(), 1);
        QCOMPARE(std::get<OrderExecution>(fast->events[0]).unreadableFields, QStringList { QStringLiteral("9203") });
        QCOMPARE(fast->incomplete.size(), 1);
    }

    void noticeThatCannotBeOpenedIsStillDelivered()
    {
        quint64 seq = 0;
        const ParsedRealFrame parsed = parseRealFrame(obj(R"({"trnm":"REAL","data":[
            {"type":"00","item":"","values":"9203=0000138"},
            {"type":"04","item":5,"values":{"9001":"005930","930":"10"}},
            {"type":"0B","item":"005930","values":[]}]})"),
            RECEIVED, &seq);
        QCOMPARE(parsed.events.size(), 2);
        QCOMPARE(parsed.errors.size(), 1); // the trade tick is dropped as before
        const auto &e = std::get<OrderExecution>(parsed.events[0]);
        QCOMPARE(e.meta.type, QStringLiteral("00"));
        QCOMPARE(e.unreadableFields, QStringList { QStringLiteral("values") });
        QVERIFY(!e.identified());
        const auto &b = std::get<BalanceUpdate>(parsed.events[1]);
        QCOMPARE(b.unreadableFields, QStringList { QStringLiteral("item") });
        QCOMPARE(b.code, QStringLiteral("005930")); // the values are read all the same
        QCOMPARE(b.quantity, qint64(10));
        QCOMPARE(parsed.incomplete.size(), 2);
        QCOMPARE(parsed.incomplete[0].message,
            QStringLiteral("REAL 00 (no order number): delivered incomplete: values: missing or not an object"));
    }

    void balanceWithUnreadableFieldIsKept()
    {
        const QByteArray text
            = R"({"trnm":"REAL","data":[{"type":"04","name":"잔고","item":"","values":{"9201":"1234567890",
            "9001":"005930","302":"삼성전자","10":"-20800","930":"102","931":"15411.6","933":"102","8019":"x"}},
            {"type":"04","item":"","values":{"930":"5"}}]})";
        for (const bool fast : { false, true }) {
            quint64 seq = 0;
            const ParsedRealFrame parsed
                = fast ? parseRealFrameFast(text, RECEIVED, &seq).value() : parseRealFrame(obj(text), RECEIVED, &seq);
            QCOMPARE(parsed.events.size(), 2);
            const auto &b = std::get<BalanceUpdate>(parsed.events[0]);
            QCOMPARE(b.code, QStringLiteral("005930"));
            QCOMPARE(b.quantity, qint64(102));
            QCOMPARE(b.orderableQty, qint64(102));
            QCOMPARE(b.avgPrice, qint64(0));
            QCOMPARE(b.unreadableFields, (QStringList { QStringLiteral("931"), QStringLiteral("8019") }));
            QVERIFY(b.identified());
            const auto &noCode = std::get<BalanceUpdate>(parsed.events[1]);
            QCOMPARE(noCode.unreadableFields, QStringList { QStringLiteral("9001") });
            QVERIFY(!noCode.identified());
            QCOMPARE(noCode.quantity, qint64(5));
            QCOMPARE(parsed.incomplete.size(), 2);
            QCOMPARE(parsed.incomplete[1].message,
                QStringLiteral("REAL 04 (no stock code): delivered incomplete: 9001: missing"));
        }
    }

    void balance()
    {
        const auto r
            = parseRealEntry(obj(R"({"type":"04","name":"잔고","item":"","values":{"9201":"1234567890","9001":"005930",
            "917":"00","916":"00000000","302":"삼성전자","10":"-20800","930":"102","931":"154116","932":"15719832","933":"102",
            "945":"0","946":"2","950":"0","27":"-20800","28":"-20700","307":"20850","8019":"-86.50"}})"),
                RECEIVED);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        const auto &b = std::get<BalanceUpdate>(*r);
        QCOMPARE(b.code, QStringLiteral("005930"));
        QCOMPARE(b.price, qint64(20800));
        QCOMPARE(b.quantity, qint64(102));
        QCOMPARE(b.avgPrice, qint64(154116));
        QCOMPARE(b.orderableQty, qint64(102));
        QCOMPARE(b.totalPurchase, qint64(15719832));
        QCOMPARE(b.pnlRate, -86.5);
        QCOMPARE(b.basePrice, qint64(20850));
    }

    void marketStatus()
    {
        const auto r = parseRealEntry(
            obj(R"({"type":"0s","name":"장시작시간","item":"","values":{"215":"3","20":"090000","214":"000000"}})"),
            Krx::fromKst(QDate(2025, 9, 17), QTime(9, 0, 1)));
        QVERIFY(r.ok());
        const auto &m = std::get<MarketStatusEvent>(*r);
        QCOMPARE(m.operation, QStringLiteral("3"));
        QCOMPARE(m.timeMs, kst(9, 0, 0));
        // The document's example code "b" is not in the list: kept raw, not rejected.
        QVERIFY(parseRealEntry(obj(R"({"type":"0s","item":"","values":{"215":"b","20":"085000"}})"), RECEIVED).ok());
    }

    void volatilityInterruption()
    {
        const auto r = parseRealEntry(
            obj(R"({"type":"1h","name":"VI발동/해제","item":"005930","values":{"9001":"005930","302":"삼성전자",
            "13":"1000","14":"70","9068":"1","1221":"+77000","1223":"101500","1224":"","1225":"동적","1489":"","1490":"","9069":""}})"),
            Krx::fromKst(QDate(2025, 9, 17), QTime(10, 15, 1)));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        const auto &v = std::get<ViEvent>(*r);
        QCOMPARE(v.code, QStringLiteral("005930"));
        QCOMPARE(v.viPrice, qint64(77000));
        QCOMPARE(v.triggeredMs, kst(10, 15, 0));
        QCOMPARE(v.releasedMs, qint64(0));
        QCOMPARE(v.staticDynamic, QStringLiteral("동적"));
    }

    void conditionHits()
    {
        // Protocol §5.4 example, verbatim.
        const QJsonObject frame
            = obj(R"({"trnm":"REAL","data":[{"type":"02","name":"조건검색","item":"005930","values":{"841":"4",
            "9001":"005930","843":"I","20":"152028","907":"2"}},{"type":"02","name":"조건검색","item":"000660","values":{"841":"4",
            "9001":"A000660","843":"D","20":"152029","907":"1"}}]})");
        quint64 seq = 0;
        const ParsedRealFrame parsed = parseRealFrame(frame, RECEIVED, &seq);
        QVERIFY(parsed.errors.isEmpty());
        const auto &in = std::get<ConditionHit>(parsed.events[0]);
        QCOMPARE(in.conditionSeq, QStringLiteral("4"));
        QCOMPARE(in.code, QStringLiteral("005930"));
        QVERIFY(in.entered);
        QCOMPARE(in.timeMs, kst(15, 20, 28));
        QCOMPARE(in.sideCode, QStringLiteral("2"));
        const auto &out = std::get<ConditionHit>(parsed.events[1]);
        QCOMPARE(out.code, QStringLiteral("000660"));
        QVERIFY(!out.entered);

        QVERIFY(!parseRealEntry(
            obj(R"({"type":"02","item":"005930","values":{"841":"4","9001":"005930","843":"X"}})"), RECEIVED)
                     .ok());
    }
    // ---- the fast path against the JSON path ---------------------------------------------------

    // Frames in the shape Kiwoom sends, in every key order and whitespace style, with escapes,
    // Korean text and errors inside values: the fast path reads every one of them and gives
    // exactly what QJsonDocument + parseRealFrame give.
    void fastPathEqualsJsonPathOnValidFrames()
    {
        QList<QList<EntrySpec>> frames;
        for (const EntrySpec &e : everyType())
            frames << QList<EntrySpec> { e };
        frames << everyType();
        frames << QList<EntrySpec>(5, tradeEntry());
        {
            QList<EntrySpec> many; // more entries and members than the scanner keeps on the stack
            for (int i = 0; i < 40; ++i)
                many << (i % 4 == 0 ? bookEntry() : tradeEntry(i % 3 ? "005930" : "A000660_AL"));
            frames << many;
        }
        frames << QList<EntrySpec> {};
        const EntrySpec t = tradeEntry();
        const EntrySpec x = executionEntry();
        frames << QList<EntrySpec> {
            // escapes in values, items and names; Korean; noncharacters; an emoji (a surrogate pair)
            with(t, "10", q(R"(\u002b70100)")),
            with(with(t, "20", q(R"(\u0031\u0036\u0035\u0032\u0030\u0038)")), "290", q(R"(\u0020)")),
            with(with(t, "9081", q(R"(\t1\/\\\"\b\f\n\r)")), "290", q("\xef\xbf\xbe\xef\xbf\xbf")),
            { q("0B"), q(R"(\uc8fc\uc2dd\uccb4\uacb0 \ud83d\ude00)"), q(R"(005\u0039\u0033\u0030)"), t.values },
            with(x, "302", q(R"(삼성\/전자 \"우\" \\ 🙂 \uD55C)")),
            with(with(x, "905", q(R"(\u002b\ub9e4\uc218)")), "9001", q(R"(\u0041005930)")),
            { q("0C"), q(R"(\u0000)"), q("005930"), members({ { "27", "\xea\xb0\x80" }, { "", "empty key" } }) },
        };
        // Errors inside values: the same messages from both paths (and the same incomplete notices).
        frames << QList<EntrySpec> {
            with(t, "10", q("7O100")),
            without(t, "20"),
            with(t, "20", q("250000")),
            with(t, "12", q("1e5")),
            with(t, "25", q("9")),
            with(t, "10", q("")),
            with(t, "10", q(R"(  \t)")),
            with(t, "10", q("99999999999999999999")),
            tradeEntry("00593O"),
            tradeEntry(""),
            { q("0B"), q("x"), QByteArray(), t.values },
            with(bookEntry(), "21", q("9999")),
            with(with(x, "938", q("abc")), "910", q("1,2")),
            with(with(x, "9001", q("A00593")), "908", q("25:00:00")),
            without(without(x, "9203"), "913"),
            with(x, "9203", q(R"(\u0020)")),
            with(balanceEntry(), "8019", q("-")),
            without(balanceEntry(), "9001"),
            { q("02"), q("조건검색"), q("005930"), members({ { "841", "4" }, { "9001", "005930" }, { "843", "X" } }) },
            { q("1h"), q("VI"), q(""), members({ { "1221", "+77000" } }) },
            { q("0s"), q(""), q(""), members({ { "20", "090000" } }) },
            { q("0B"), q(""), q("005930"), members({}) },
        };
        DiffCounts counts;
        int cases = 0;
        for (const auto &frame : frames) {
            for (const Style style : { Style::Compact, Style::Spaced, Style::DataFirst, Style::Shuffled }) {
                for (quint32 seed = 1; seed <= (style == Style::Shuffled ? 5u : 1u); ++seed) {
                    const QByteArray text = renderFrame(frame, style, seed);
                    bool usedFast = false;
                    compareOne(text, &counts, &usedFast);
                    if (QTest::currentTestFailed())
                        return;
                    QVERIFY2(usedFast, text.constData());
                    ++cases;
                }
            }
        }
        // Unknown members of the frame and of an entry (strings) are read past.
        compareOne(
            R"({"trnm":"REAL","extra":"x","data":[{"type":"0B","item":"005930","foo":"bar","values":{"20":"090000","10":"1"}}]})",
            &counts);
        QCOMPARE(counts.fast, cases + 1);
        qInfo("%d frames read by the fast path, equal to the JSON path", counts.fast);
    }

    // Frames the fast path must leave to QJsonDocument (it refuses them untouched) and texts both
    // refuse.
    void fastPathFallsBackOrRefuses()
    {
        const EntrySpec t = tradeEntry();
        const QByteArray good = renderFrame({ t }, Style::Compact);
        struct Case
        {
            const char *label;
            QByteArray text;
        };
        const QList<Case> fallbacks {
            // duplicate keys (QJsonDocument keeps the last one)
            { "duplicate FID", renderFrame({ with(t, "10", q("+1") + R"(,"10":"+2")") }, Style::Compact) },
            { "duplicate type",
                R"({"trnm":"REAL","data":[{"type":"0D","type":"0B","item":"005930","values":{"20":"090000","10":"1"}}]})" },
            { "duplicate values",
                R"({"trnm":"REAL","data":[{"type":"0B","item":"005930","values":{},"values":{"20":"090000","10":"1"}}]})" },
            { "duplicate data",
                R"({"trnm":"REAL","data":[],"data":[{"type":"0B","item":"005930","values":{"20":"090000","10":"1"}}]})" },
            { "duplicate trnm", R"({"trnm":"PING","trnm":"REAL","data":[]})" },
            // other JSON types where strings belong
            { "number value", renderFrame({ with(t, "10", "70100") }, Style::Compact) },
            { "null value", renderFrame({ with(t, "10", "null") }, Style::Compact) },
            { "bool value", renderFrame({ with(t, "15", "true") }, Style::Compact) },
            { "object value", renderFrame({ with(t, "15", "{}") }, Style::Compact) },
            { "array value", renderFrame({ with(t, "15", R"(["1"])") }, Style::Compact) },
            { "number in an 00", renderFrame({ with(executionEntry(), "938", "63") }, Style::Compact) },
            { "number member of the frame", R"({"trnm":"REAL","return_code":0,"data":[]})" },
            { "number member of an entry",
                R"({"trnm":"REAL","data":[{"type":"0B","x":1,"item":"005930","values":{"20":"090000","10":"1"}}]})" },
            { "item a number",
                R"({"trnm":"REAL","data":[{"type":"0B","item":5930,"values":{"20":"090000","10":"1"}}]})" },
            { "00 item a number",
                R"({"trnm":"REAL","data":[{"type":"00","item":5,"values":{"9203":"1","913":"접수"}}]})" },
            { "type a number", R"({"trnm":"REAL","data":[{"type":11,"item":"005930","values":{}}]})" },
            { "type escaped",
                R"({"trnm":"REAL","data":[{"type":"0\u0042","item":"005930","values":{"20":"090000","10":"1"}}]})" },
            { "trnm escaped", R"({"trnm":"RE\u0041L","data":[]})" },
            { "key escaped",
                R"({"trnm":"REAL","data":[{"type":"0B","item":"005930","values":{"\u0032\u0030":"090000","10":"1"}}]})" },
            { "key non-ASCII",
                R"({"trnm":"REAL","data":[{"type":"0B","item":"005930","values":{"가":"1","20":"090000","10":"1"}}]})" },
            { "key of 9 bytes",
                R"({"trnm":"REAL","data":[{"type":"0B","item":"005930","values":{"123456789":"1","20":"090000","10":"1"}}]})" },
            // REAL frames of another shape: the JSON path reports them
            { "no data", R"({"trnm":"REAL"})" },
            { "data an object", R"({"trnm":"REAL","data":{}})" },
            { "entry not an object",
                R"({"trnm":"REAL","data":["x",{"type":"0B","item":"005930","values":{"20":"090000","10":"1"}}]})" },
            { "entry without type", R"({"trnm":"REAL","data":[{"item":"005930","values":{}}]})" },
            { "entry without values", R"({"trnm":"REAL","data":[{"type":"0B","item":"005930"}]})" },
            { "values a string", R"({"trnm":"REAL","data":[{"type":"00","item":"","values":"x"}]})" },
            { "values an array", R"({"trnm":"REAL","data":[{"type":"0B","item":"005930","values":[]}]})" },
            // text QJsonDocument accepts leniently
            { "BOM", "\xef\xbb\xbf" + good },
            { "raw control character", renderFrame({ with(t, "290", q("2\x01")) }, Style::Compact) },
            { "raw tab in a string", renderFrame({ with(t, "9081", q("1\t")) }, Style::Compact) },
            { "unknown escape", renderFrame({ with(t, "9081", q(R"(\x1)")) }, Style::Compact) },
            { "lone high surrogate", renderFrame({ with(t, "9081", q(R"(\ud800)")) }, Style::Compact) },
            { "lone low surrogate", renderFrame({ with(t, "9081", q(R"(\udc00x)")) }, Style::Compact) },
            { "two high surrogates", renderFrame({ with(t, "9081", q(R"(\ud800\ud800)")) }, Style::Compact) },
        };
        const QList<Case> refusals {
            { "empty", "" },
            { "not JSON", "garbage {" },
            { "array", "[1,2,3]" },
            { "PING", R"({"trnm":"PING"})" },
            { "LOGIN", R"({"trnm":"LOGIN","return_code":0,"return_msg":""})" },
            { "condition list", R"({"trnm":"CNSRLST","return_code":0,"return_msg":"","data":[["0","조건1"]]})" },
            { "condition rows", R"({"trnm":"CNSRREQ","seq":"4","data":[{"jmcode":"A005930"}]})" },
            { "condition rows like entries",
                R"({"data":[{"type":"0B","item":"005930","values":{"20":"090000","10":"1"}}],"trnm":"CNSRREQ"})" },
            { "lower-case real", R"({"trnm":"real","data":[]})" },
            { "no trnm", R"({"data":[]})" },
            { "trailing garbage", good + "x" },
            { "trailing comma", R"({"trnm":"REAL","data":[],})" },
            { "trailing NUL", good + QByteArray(1, '\0') },
            { "two objects", good + good },
            { "unterminated string", good.left(good.indexOf("0B") + 2) },
            { "short \\u", renderFrame({ with(t, "9081", q(R"(\u12)")) }, Style::Compact) },
            { "overlong UTF-8", renderFrame({ with(t, "302", q("\xc0\xaf")) }, Style::Compact) },
            { "UTF-8 surrogate", renderFrame({ with(t, "302", q("\xed\xa0\x80")) }, Style::Compact) },
            { "UTF-8 beyond U+10FFFF", renderFrame({ with(t, "302", q("\xf4\x90\x80\x80")) }, Style::Compact) },
            { "truncated UTF-8", renderFrame({ with(t, "302", q("\xea\xb0")) }, Style::Compact) },
            { "Latin-1 byte", renderFrame({ with(t, "302", q("\xe9")) }, Style::Compact) },
            { "vertical tab as space", "{\v" + good.mid(1) },
        };
        DiffCounts counts;
        for (const Case &c : fallbacks) {
            bool usedFast = true;
            compareOne(c.text, &counts, &usedFast);
            if (QTest::currentTestFailed())
                QFAIL(c.label);
            QVERIFY2(!usedFast, c.label);
        }
        QCOMPARE(counts.fallback, int(fallbacks.size()));
        for (const Case &c : refusals) {
            compareOne(c.text, &counts);
            if (QTest::currentTestFailed())
                QFAIL(c.label);
        }
        QCOMPARE(counts.notReal, int(refusals.size()));
    }

    // Every prefix of real frames (a frame cut anywhere) and random damage to them: whatever the
    // fast path reads, it reads exactly as the JSON path; what QJsonDocument refuses, it refuses.
    void fastPathEqualsJsonPathOnDamagedFrames()
    {
        const QList<QByteArray> bases {
            renderFrame(everyType(), Style::DataFirst),
            renderFrame({ tradeEntry(), tradeEntry("000660", "+120000") }, Style::Spaced),
            renderFrame({ with(executionEntry(), "302", q(R"(삼성\/전자 \uD55C\ud83d\ude00)")) }, Style::Shuffled, 7),
        };
        DiffCounts counts;
        for (const QByteArray &base : bases) {
            for (qsizetype n = 0; n < base.size(); ++n) {
                compareOne(base.left(n), &counts);
                if (QTest::currentTestFailed())
                    return;
            }
        }

        // Seeded mutations: bytes replaced by, inserted as, or removed in favour of the characters
        // that matter to a JSON reader.
        static const QByteArray interesting = QByteArray("\"\\{}[]:,0123456789+-.ueE \t\n\r/abntfrAB")
            + QByteArray("\x00\x01\x1f\x7f\x80\xbf\xc0\xc2\xe0\xed\xef\xf0\xf4\xff", 14);
        QRandomGenerator rng(20250917);
        constexpr int MUTATIONS = 30000;
        for (int i = 0; i < MUTATIONS; ++i) {
            QByteArray text = bases[rng.bounded(int(bases.size()))];
            const int edits = 1 + rng.bounded(3);
            for (int k = 0; k < edits; ++k) {
                const int at = rng.bounded(int(text.size()));
                const char c = interesting[rng.bounded(int(interesting.size()))];
                switch (rng.bounded(3)) {
                case 0:
                    text[at] = c;
                    break;
                case 1:
                    text.insert(at, c);
                    break;
                default:
                    text.remove(at, 1);
                    break;
                }
            }
            compareOne(text, &counts);
            if (QTest::currentTestFailed())
                return;
        }
        qInfo("damaged frames: %d read by the fast path, %d handed to the JSON path, %d refused by both", counts.fast,
            counts.fallback, counts.notReal);
        QVERIFY(counts.fast > 1000); // the corpus does exercise the fast path
    }

    // The two overloads of every wire-value parser (UTF-16 and the fast path's ASCII bytes) agree
    // on every text, in value and in message; and the arithmetic KST day equals Krx's QDateTime.
    void wireValueViewsAgree()
    {
        static const QByteArray alphabet = "0123456789+- .\t_AJQNXZa";
        QRandomGenerator rng(8);
        QList<QByteArray> texts { "", " ", "+", "-0", "070100", "-20800", "+0.94", "1.", ".5", "235959", "240000",
            "20250917", "20250230", "20250917132000", "A005930", "005930_NX", "Q00593", "99999999999999999999" };
        for (int i = 0; i < 20000; ++i) {
            QByteArray s;
            const int n = rng.bounded(16);
            for (int k = 0; k < n; ++k)
                s += alphabet[rng.bounded(int(alphabet.size()))];
            texts << s;
        }
        const auto same = [](const auto &a, const auto &b) {
            if (a.ok() != b.ok())
                return false;
            return a.ok() ? *a == *b : a.error() == b.error();
        };
        for (const QByteArray &t : std::as_const(texts)) {
            const QString wide = QString::fromLatin1(t);
            const QLatin1StringView narrow(t);
            const auto sm1 = parseSignedMagnitude(QStringView(wide));
            const auto sm2 = parseSignedMagnitude(narrow);
            QCOMPARE(sm1.ok(), sm2.ok());
            if (sm1.ok())
                QVERIFY(sm1->magnitude == sm2->magnitude && sm1->direction == sm2->direction);
            else
                QCOMPARE(sm1.error(), sm2.error());
            QVERIFY2(same(parseInteger(QStringView(wide)), parseInteger(narrow)), t.constData());
            QVERIFY2(same(parseDecimal(QStringView(wide)), parseDecimal(narrow)), t.constData());
            QVERIFY2(same(parseChangeSign(QStringView(wide)), parseChangeSign(narrow)), t.constData());
            QVERIFY2(same(parseDate(QStringView(wide)), parseDate(narrow)), t.constData());
            QVERIFY2(same(parseTime(QStringView(wide)), parseTime(narrow)), t.constData());
            QVERIFY2(same(parseKstDateTime(QStringView(wide)), parseKstDateTime(narrow)), t.constData());
            QVERIFY2(
                same(parseKstTimeNear(QStringView(wide), RECEIVED), parseKstTimeNear(narrow, RECEIVED)), t.constData());
            QVERIFY2(same(normalizeCode(QStringView(wide)), normalizeCode(narrow)), t.constData());
            QVERIFY2(same(normalizeCode(wide), normalizeCode(narrow)), t.constData());
        }
        // parseKstTimeNear: the KST day by arithmetic equals the day Krx::kstDate gives.
        const qint64 DAY = 24LL * 3600 * 1000;
        for (int i = 0; i < 20000; ++i) {
            const qint64 reference = i < 10000 ? qint64(rng.generate64() % (400LL * 365 * DAY)) - 200LL * 365 * DAY
                                               : RECEIVED + (i - 15000) * 3600LL * 1000 + rng.bounded(3600 * 1000);
            const QTime time(rng.bounded(24), rng.bounded(60), rng.bounded(60));
            qint64 expected = Krx::fromKst(Krx::kstDate(reference), time);
            if (expected - reference > DAY / 2)
                expected -= DAY;
            else if (reference - expected > DAY / 2)
                expected += DAY;
            const auto got = parseKstTimeNear(time.toString(QStringLiteral("HHmmss")), reference);
            QVERIFY(got.ok());
            QCOMPARE(*got, expected);
        }
    }
};

QTEST_GUILESS_MAIN(TestRealtimeParse)
#include "tst_realtimeparse.moc"
