// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiwoom/realtimeparse.h"
#include "market/krx.h"

#include <QJsonDocument>
#include <QtTest>

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
        quint64 seq = 0;
        const ParsedRealFrame parsed = parseRealFrame(obj(text), RECEIVED, &seq);
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

    void noticeWithoutOrderNumberIsReportedNotDropped()
    {
        const QByteArray text = R"({"trnm":"REAL","data":[
            {"type":"00","item":"","values":{"913":"체결","909":"00012","910":"70100","911":"6"}},
            {"type":"00","item":"","values":{"9203":"  ","913":"접수"}},
            {"type":"00","item":"","values":{"9203":"0000140","913":12}},
            {"type":"0B","item":"005930","values":{"20":"090000","10":"+70100"}}]})";
        quint64 seq = 0;
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
        quint64 seq = 0;
        const ParsedRealFrame parsed = parseRealFrame(obj(text), RECEIVED, &seq);
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
};

QTEST_GUILESS_MAIN(TestRealtimeParse)
#include "tst_realtimeparse.moc"
