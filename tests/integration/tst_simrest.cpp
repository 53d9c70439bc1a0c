// SPDX-License-Identifier: GPL-3.0-or-later
// The simulator's REST surface over real loopback HTTP: tokens, envelopes, error forms, quotas,
// every market-data TR's reply shape and value formats, and paging. Expectations are written from
// kiwoom-protocol.md, not from the simulator's code.
#include "common/clock.h"
#include "sim/simmarket.h"
#include "sim/simserver.h"
#include "simtestclient.h"
#include "simtestconfig.h"

#include <QRegularExpression>
#include <QSet>
#include <QtTest>

namespace {

// Real-time clock of the rig: a fixed instant so expires_dt and quotas are deterministic.
const qint64 REAL_START = Krx::fromKst(QDate(2025, 3, 10), QTime(10, 0));

struct Rig
{
    ManualClock clock { REAL_START };
    SimServer server;
    std::unique_ptr<SimTestClient> client;

    bool start(SimConfig c)
    {
        c.clock = &clock;
        if (!server.start(c))
            return false;
        client = std::make_unique<SimTestClient>(server.restBaseUrl());
        return client->issueToken(SimTest::appKey(), SimTest::secretKey()).returnCode() == 0;
    }
};

SimConfig unlimited(quint64 seed = 42)
{
    SimConfig c = SimTest::config(seed);
    c.queryQuotaPerSecond = 0;
    c.orderQuotaPerSecond = 0;
    c.totalQueryQuotaPerSecond = 0;
    c.totalOrderQuotaPerSecond = 0;
    return c;
}

qint64 absValue(const QString &text)
{
    QString t = text.trimmed();
    if (t.startsWith(QLatin1Char('+')) || t.startsWith(QLatin1Char('-')))
        t = t.mid(1);
    return t.toLongLong();
}

qint64 signedValue(const QString &text)
{
    return text.trimmed().startsWith(QLatin1Char('-')) ? -absValue(text) : absValue(text);
}

bool onlyStrings(const QJsonObject &o, QString *bad)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key() == QLatin1String("return_code"))
            continue;
        if (it.value().isArray()) {
            for (const QJsonValue &row : it.value().toArray()) {
                if (!row.isObject() || !onlyStrings(row.toObject(), bad))
                    return false;
            }
        } else if (!it.value().isString()) {
            *bad = it.key();
            return false;
        }
    }
    return true;
}

// The sign of a quote price versus pred_pre/pre_sig (kiwoom-protocol.md §3.1).
void checkSignConsistency(const QString &price, const QString &change, const QString &sign)
{
    const QChar first = price.isEmpty() ? QChar() : price.at(0);
    if (sign == QLatin1String("1") || sign == QLatin1String("2")) {
        QCOMPARE(first, QLatin1Char('+'));
        QVERIFY(change.startsWith(QLatin1Char('+')));
    } else if (sign == QLatin1String("4") || sign == QLatin1String("5")) {
        QCOMPARE(first, QLatin1Char('-'));
        QVERIFY(change.startsWith(QLatin1Char('-')));
    } else {
        QCOMPARE(sign, QStringLiteral("3"));
        QVERIFY(first.isDigit());
        QCOMPARE(change, QStringLiteral("0"));
    }
}

} // namespace

class TestSimRest final : public QObject
{
    Q_OBJECT

private slots:
    void tokenIssue()
    {
        Rig rig;
        QVERIFY(rig.start(unlimited()));
        const auto reply = rig.client->issueToken(SimTest::appKey(), SimTest::secretKey());
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.json.value(QStringLiteral("return_code")).isDouble()); // a JSON integer
        QCOMPARE(reply.returnCode(), 0);
        QCOMPARE(reply.returnMsg(), QStringLiteral("정상적으로 처리되었습니다"));
        const QString token = reply.json.value(QStringLiteral("token")).toString();
        QCOMPARE(token.size(), 86);
        QVERIFY(QRegularExpression(QStringLiteral("^[A-Za-z0-9_-]{86}$")).match(token).hasMatch());
        QCOMPARE(reply.json.value(QStringLiteral("token_type")).toString().toLower(), QStringLiteral("bearer"));
        // KST YYYYMMDDHHmmss, 24 h after issue (the real clock says 2025-03-10 10:00 KST).
        QCOMPARE(reply.json.value(QStringLiteral("expires_dt")).toString(), QStringLiteral("20250311100000"));
        QCOMPARE(reply.header("api-id"), QByteArray("au10001"));
        // Kiwoom's own client sends no api-id for the token call: accepted too.
        const auto bare = rig.client->post(QStringLiteral("/oauth2/token"),
            { { QStringLiteral("grant_type"), QStringLiteral("client_credentials") },
                { QStringLiteral("appkey"), SimTest::appKey() },
                { QStringLiteral("secretkey"), SimTest::secretKey() } },
            {});
        QCOMPARE(bare.returnCode(), 0);
        QVERIFY(bare.json.value(QStringLiteral("token")).toString() != token);
    }

    void tokenRejections_data()
    {
        QTest::addColumn<QString>("grant");
        QTest::addColumn<QString>("appkey");
        QTest::addColumn<QString>("secretkey");
        QTest::addColumn<int>("returnCode");
        QTest::addColumn<QString>("inner");
        const QString k = SimTest::appKey();
        const QString s = SimTest::secretKey();
        QTest::newRow("wrong app key") << "client_credentials"
                                       << "NOTTHEKEY" << s << 3 << "[8001:";
        QTest::newRow("wrong secret") << "client_credentials" << k << "NOTTHESECRET" << 3 << "[8002:";
        QTest::newRow("no grant_type") << "" << k << s << 2 << "[8011:";
        QTest::newRow("wrong grant_type") << "password" << k << s << 2 << "[8012:";
        QTest::newRow("no keys") << "client_credentials"
                                 << ""
                                 << "" << 2 << "[8020:";
    }
    void tokenRejections()
    {
        QFETCH(QString, grant);
        QFETCH(QString, appkey);
        QFETCH(QString, secretkey);
        QFETCH(int, returnCode);
        QFETCH(QString, inner);
        Rig rig;
        QVERIFY(rig.start(unlimited()));
        QJsonObject body;
        if (!grant.isEmpty())
            body.insert(QStringLiteral("grant_type"), grant);
        if (!appkey.isEmpty())
            body.insert(QStringLiteral("appkey"), appkey);
        if (!secretkey.isEmpty())
            body.insert(QStringLiteral("secretkey"), secretkey);
        const auto reply = rig.client->post(QStringLiteral("/oauth2/token"), body, { { "api-id", "au10001" } });
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.returnCode(), returnCode);
        QVERIFY2(reply.returnMsg().contains(inner), qPrintable(reply.returnMsg()));
        QVERIFY(!reply.json.contains(QStringLiteral("token")));
    }

    void tokenRevokeAndExpiry()
    {
        Rig rig;
        SimConfig c = unlimited();
        c.tokenLifetimeMs = 60'000;
        QVERIFY(rig.start(c));
        const QJsonObject body { { QStringLiteral("stk_cd"), QStringLiteral("005930") } };
        QCOMPARE(rig.client->tr(QStringLiteral("ka10001"), body).returnCode(), 0);

        // Expiry: one minute of real time later the token is refused with the observed 8005 form.
        rig.clock.advanceMs(60'000);
        auto expired = rig.client->tr(QStringLiteral("ka10001"), body);
        QCOMPARE(expired.status, 200);
        QCOMPARE(expired.returnCode(), 3);
        QCOMPARE(expired.returnMsg(), QStringLiteral("인증에 실패했습니다[8005:Token이 유효하지 않습니다]"));

        // Revoke: a fresh token works, au10002 revokes it, then it is refused; revoking twice fails.
        QCOMPARE(rig.client->issueToken(SimTest::appKey(), SimTest::secretKey()).returnCode(), 0);
        const QString token = rig.client->token();
        QCOMPARE(rig.client->tr(QStringLiteral("ka10001"), body).returnCode(), 0);
        const QJsonObject revoke { { QStringLiteral("appkey"), SimTest::appKey() },
            { QStringLiteral("secretkey"), SimTest::secretKey() }, { QStringLiteral("token"), token } };
        const auto revoked = rig.client->post(QStringLiteral("/oauth2/revoke"), revoke, { { "api-id", "au10002" } });
        QCOMPARE(revoked.returnCode(), 0);
        QCOMPARE(revoked.returnMsg(), QStringLiteral("정상적으로 처리되었습니다"));
        QCOMPARE(rig.client->tr(QStringLiteral("ka10001"), body).returnCode(), 3);
        const auto again = rig.client->post(QStringLiteral("/oauth2/revoke"), revoke, { { "api-id", "au10002" } });
        QCOMPARE(again.returnCode(), 3);
        QVERIFY(again.returnMsg().contains(QStringLiteral("[8015:")));
    }

    void headerAndRoutingErrors()
    {
        Rig rig;
        QVERIFY(rig.start(unlimited()));
        const QJsonObject body { { QStringLiteral("stk_cd"), QStringLiteral("005930") } };
        const QString path = QStringLiteral("/api/dostk/stkinfo");
        const QByteArray bearer = "Bearer " + rig.client->token().toLatin1();

        auto noAuth = rig.client->post(path, body, { { "api-id", "ka10001" } });
        QCOMPARE(noAuth.status, 200);
        QCOMPARE(noAuth.returnCode(), 2);
        QCOMPARE(noAuth.returnMsg(),
            QStringLiteral("입력 값 오류입니다[1513:Http Header에 authorization 필드가 설정되어 있어야 합니다]"));

        auto basic = rig.client->post(path, body, { { "api-id", "ka10001" }, { "authorization", "Basic abc" } });
        QVERIFY2(basic.returnMsg().contains(QStringLiteral("[1514:")), qPrintable(basic.returnMsg()));
        auto empty = rig.client->post(path, body, { { "api-id", "ka10001" }, { "authorization", "Bearer " } });
        QVERIFY2(empty.returnMsg().contains(QStringLiteral("[1516:")), qPrintable(empty.returnMsg()));
        auto unknown = rig.client->post(path, body, { { "api-id", "ka10001" }, { "authorization", "Bearer nope" } });
        QCOMPARE(unknown.returnMsg(), QStringLiteral("인증에 실패했습니다[8005:Token이 유효하지 않습니다]"));

        auto noApiId = rig.client->post(path, body, { { "authorization", bearer } });
        QCOMPARE(noApiId.returnCode(), 2);
        QVERIFY(noApiId.returnMsg().contains(QStringLiteral("[1501:")));

        // ka10081 lives on /api/dostk/chart: asking /stkinfo for it is 1504.
        auto wrongPath = rig.client->post(path, body, { { "api-id", "ka10081" }, { "authorization", bearer } });
        QCOMPARE(wrongPath.status, 200);
        QCOMPARE(wrongPath.returnCode(), 3);
        QVERIFY2(wrongPath.returnMsg().startsWith(QStringLiteral("잘못된 요청입니다[1504:")),
            qPrintable(wrongPath.returnMsg()));
        QCOMPARE(wrongPath.header("api-id"), QByteArray("ka10081"));

        auto notServed = rig.client->post(path, body, { { "api-id", "ka10003" }, { "authorization", bearer } });
        QCOMPARE(
            notServed.returnMsg(), QStringLiteral("입력 값 오류입니다[8104:모의투자에서 지원하지 않는 API 입니다.]"));
        auto bogus = rig.client->post(path, body, { { "api-id", "zz" }, { "authorization", bearer } });
        QVERIFY(bogus.returnMsg().contains(QStringLiteral("[1505:")));

        auto notJson = rig.client->rawPost(path, "{not json", { { "api-id", "ka10001" }, { "authorization", bearer } });
        QVERIFY(notJson.returnMsg().contains(QStringLiteral("[1517:")));

        QCOMPARE(rig.client->post(QStringLiteral("/api/nothing"), body, {}).status, 404);
        QCOMPARE(rig.client->get(path).status, 405);
    }

    void requiredFieldsAndUnknownCodes()
    {
        Rig rig;
        QVERIFY(rig.start(unlimited()));
        auto missing = rig.client->tr(QStringLiteral("ka10081"),
            { { QStringLiteral("stk_cd"), QStringLiteral("005930") },
                { QStringLiteral("upd_stkpc_tp"), QStringLiteral("1") } });
        QCOMPARE(missing.returnCode(), 2);
        QCOMPARE(missing.returnMsg(), QStringLiteral("입력 값 오류입니다[1511:필수입력 파라미터=base_dt]"));
        auto noCode = rig.client->tr(QStringLiteral("ka10001"), {});
        QCOMPARE(noCode.returnMsg(), QStringLiteral("입력 값 오류입니다[1511:필수입력 파라미터=stk_cd]"));
        auto unknown
            = rig.client->tr(QStringLiteral("ka10001"), { { QStringLiteral("stk_cd"), QStringLiteral("999999") } });
        QCOMPARE(unknown.status, 200);
        QVERIFY(unknown.returnCode() != 0);
        QVERIFY2(unknown.returnMsg().contains(QStringLiteral("[1902:")), qPrintable(unknown.returnMsg()));
        auto nxt
            = rig.client->tr(QStringLiteral("ka10001"), { { QStringLiteral("stk_cd"), QStringLiteral("005930_NX") } });
        QVERIFY(nxt.returnCode() != 0);
        auto badScope = rig.client->tr(QStringLiteral("ka10080"),
            { { QStringLiteral("stk_cd"), QStringLiteral("005930") },
                { QStringLiteral("tic_scope"), QStringLiteral("7") },
                { QStringLiteral("upd_stkpc_tp"), QStringLiteral("1") } });
        QVERIFY(badScope.returnMsg().contains(QStringLiteral("[1517:")));
    }

    void stockInfoShape()
    {
        Rig rig;
        QVERIFY(rig.start(unlimited()));
        const auto reply
            = rig.client->tr(QStringLiteral("ka10001"), { { QStringLiteral("stk_cd"), QStringLiteral("005930") } });
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.returnCode(), 0);
        QCOMPARE(reply.header("api-id"), QByteArray("ka10001"));
        QCOMPARE(reply.header("cont-yn"), QByteArray("N"));
        QVERIFY(reply.header("next-key").isEmpty()); // sent empty (QNetworkReply drops empty headers)
        QString bad;
        QVERIFY2(onlyStrings(reply.json, &bad), qPrintable(bad));
        const char *fields[] = { "stk_cd", "stk_nm", "setl_mm", "fav", "cap", "flo_stk", "crd_rt", "oyr_hgst",
            "oyr_lwst", "mac", "mac_wght", "for_exh_rt", "repl_pric", "per", "eps", "roe", "pbr", "ev", "bps",
            "sale_amt", "bus_pro", "cup_nga", "250hgst", "250lwst", "open_pric", "high_pric", "low_pric", "upl_pric",
            "lst_pric", "base_pric", "exp_cntr_pric", "exp_cntr_qty", "250hgst_pric_dt", "250hgst_pric_pre_rt",
            "250lwst_pric_dt", "250lwst_pric_pre_rt", "cur_prc", "pre_sig", "pred_pre", "flu_rt", "trde_qty",
            "trde_pre", "fav_unit", "dstr_stk", "dstr_rt" };
        for (const char *f : fields)
            QVERIFY2(reply.json.contains(QLatin1String(f)), f);
        const QJsonObject &o = reply.json;
        QCOMPARE(o.value(QStringLiteral("stk_cd")).toString(), QStringLiteral("005930"));
        QCOMPARE(o.value(QStringLiteral("stk_nm")).toString(), QStringLiteral("삼성전자"));
        const qint64 base = o.value(QStringLiteral("base_pric")).toString().toLongLong();
        QVERIFY(base > 0);
        const QString cur = o.value(QStringLiteral("cur_prc")).toString();
        checkSignConsistency(
            cur, o.value(QStringLiteral("pred_pre")).toString(), o.value(QStringLiteral("pre_sig")).toString());
        QCOMPARE(absValue(cur) - base, signedValue(o.value(QStringLiteral("pred_pre")).toString()));
        QVERIFY(Krx::isOnTick(absValue(cur)));
        const Krx::PriceLimits limits = Krx::priceLimits(base);
        QCOMPARE(absValue(o.value(QStringLiteral("upl_pric")).toString()), limits.upper);
        QCOMPARE(absValue(o.value(QStringLiteral("lst_pric")).toString()), limits.lower);
        const double rate = double(absValue(cur) - base) * 100.0 / double(base);
        QCOMPARE(o.value(QStringLiteral("flu_rt")).toString().toDouble(), std::round(rate * 100) / 100);
        QVERIFY(QRegularExpression(QStringLiteral("^[+-]?\\d+\\.\\d\\d$"))
                    .match(o.value(QStringLiteral("flu_rt")).toString())
                    .hasMatch());
        const qint64 high = absValue(o.value(QStringLiteral("high_pric")).toString());
        const qint64 low = absValue(o.value(QStringLiteral("low_pric")).toString());
        QVERIFY(low <= absValue(cur) && absValue(cur) <= high);
        QVERIFY(o.value(QStringLiteral("trde_qty")).toString().toLongLong() > 0);
    }

    void orderBookShape()
    {
        Rig rig;
        QVERIFY(rig.start(unlimited()));
        const auto reply
            = rig.client->tr(QStringLiteral("ka10004"), { { QStringLiteral("stk_cd"), QStringLiteral("000660") } });
        QCOMPARE(reply.returnCode(), 0);
        QString bad;
        QVERIFY2(onlyStrings(reply.json, &bad), qPrintable(bad));
        const QJsonObject &o = reply.json;
        QVERIFY(QRegularExpression(QStringLiteral("^\\d{6}$"))
                    .match(o.value(QStringLiteral("bid_req_base_tm")).toString())
                    .hasMatch());
        QList<qint64> asks { absValue(o.value(QStringLiteral("sel_fpr_bid")).toString()) };
        QList<qint64> bids { absValue(o.value(QStringLiteral("buy_fpr_bid")).toString()) };
        qint64 askQty = o.value(QStringLiteral("sel_fpr_req")).toString().toLongLong();
        qint64 bidQty = o.value(QStringLiteral("buy_fpr_req")).toString().toLongLong();
        QVERIFY(o.contains(QStringLiteral("sel_1th_pre_req_pre")));
        QVERIFY(o.contains(QStringLiteral("buy_1th_pre_req_pre")));
        for (int n = 2; n <= 10; ++n) {
            for (const QString &side : { QStringLiteral("sel"), QStringLiteral("buy") }) {
                for (const QString &suffix :
                    { QStringLiteral("bid"), QStringLiteral("req"), QStringLiteral("req_pre") })
                    QVERIFY(o.contains(QStringLiteral("%1_%2th_pre_%3").arg(side).arg(n).arg(suffix)));
            }
            asks.append(absValue(o.value(QStringLiteral("sel_%1th_pre_bid").arg(n)).toString()));
            bids.append(absValue(o.value(QStringLiteral("buy_%1th_pre_bid").arg(n)).toString()));
            askQty += o.value(QStringLiteral("sel_%1th_pre_req").arg(n)).toString().toLongLong();
            bidQty += o.value(QStringLiteral("buy_%1th_pre_req").arg(n)).toString().toLongLong();
        }
        QVERIFY(asks.first() > bids.first());
        for (int k = 0; k < 10; ++k) {
            QVERIFY(Krx::isOnTick(asks.at(k)) && Krx::isOnTick(bids.at(k)));
            if (k > 0) {
                QCOMPARE(asks.at(k), Krx::addTicks(asks.at(k - 1), 1));
                QCOMPARE(bids.at(k), Krx::addTicks(bids.at(k - 1), -1));
            }
        }
        QCOMPARE(o.value(QStringLiteral("tot_sel_req")).toString().toLongLong(), askQty);
        QCOMPARE(o.value(QStringLiteral("tot_buy_req")).toString().toLongLong(), bidQty);
        for (const char *f : { "tot_sel_req_jub_pre", "tot_buy_req_jub_pre", "ovt_sel_req", "ovt_buy_req",
                 "ovt_sel_req_pre", "ovt_buy_req_pre" })
            QVERIFY2(o.contains(QLatin1String(f)), f);
    }

    void quoteTableAndWatchlist()
    {
        Rig rig;
        QVERIFY(rig.start(unlimited()));
        const auto table
            = rig.client->tr(QStringLiteral("ka10007"), { { QStringLiteral("stk_cd"), QStringLiteral("035720") } });
        QCOMPARE(table.returnCode(), 0);
        for (const char *f :
            { "stk_nm", "stk_cd", "date", "tm", "pred_close_pric", "pred_trde_qty", "upl_pric", "lst_pric", "cur_prc",
                "smbol", "flu_rt", "open_pric", "high_pric", "low_pric", "trde_qty", "trde_prica", "sel_1bid",
                "sel_10bid", "buy_1bid", "buy_10bid", "sel_1bid_req", "buy_10bid_req", "tot_buy_req", "tot_sel_req" })
            QVERIFY2(table.json.contains(QLatin1String(f)), f);
        QCOMPARE(table.json.value(QStringLiteral("date")).toString(), QStringLiteral("20250310"));

        const auto watch = rig.client->tr(
            QStringLiteral("ka10095"), { { QStringLiteral("stk_cd"), QStringLiteral("005930|000660|999999") } });
        QCOMPARE(watch.returnCode(), 0);
        const QJsonArray rows = watch.json.value(QStringLiteral("atn_stk_infr")).toArray();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).toObject().value(QStringLiteral("stk_cd")).toString(), QStringLiteral("005930"));
        QCOMPARE(rows.at(1).toObject().value(QStringLiteral("stk_cd")).toString(), QStringLiteral("000660"));
        for (const char *f : { "cur_prc", "base_pric", "pred_pre", "pred_pre_sig", "flu_rt", "trde_qty", "sel_bid",
                 "buy_bid", "sel_1th_bid", "buy_5th_bid", "upl_pric", "lst_pric", "cntr_tm", "dt" })
            QVERIFY2(rows.at(0).toObject().contains(QLatin1String(f)), f);
        QStringList many;
        for (int i = 0; i < 101; ++i)
            many.append(QStringLiteral("005930"));
        const auto tooMany
            = rig.client->tr(QStringLiteral("ka10095"), { { QStringLiteral("stk_cd"), many.join(QLatin1Char('|')) } });
        QCOMPARE(tooMany.returnCode(), 5);
        QVERIFY(tooMany.returnMsg().contains(QStringLiteral("[1634:")));
    }

    void listingPages()
    {
        Rig rig;
        SimConfig c = unlimited();
        c.listPageSize = 7;
        QVERIFY(rig.start(c));
        int pages = 0;
        const QList<QJsonObject> kospi = rig.client->allPages(QStringLiteral("ka10099"),
            { { QStringLiteral("mrkt_tp"), QStringLiteral("0") } }, QStringLiteral("list"), &pages);
        QVERIFY(kospi.size() >= 25);
        QCOMPARE(pages, int((kospi.size() + 6) / 7));
        QSet<QString> codes;
        for (const QJsonObject &row : kospi) {
            QCOMPARE(row.value(QStringLiteral("marketCode")).toString(), QStringLiteral("0"));
            QCOMPARE(row.value(QStringLiteral("marketName")).toString(), QStringLiteral("거래소"));
            QVERIFY(QRegularExpression(QStringLiteral("^\\d{16}$"))
                        .match(row.value(QStringLiteral("listCount")).toString())
                        .hasMatch());
            QVERIFY(QRegularExpression(QStringLiteral("^\\d{8}$"))
                        .match(row.value(QStringLiteral("lastPrice")).toString())
                        .hasMatch());
            QVERIFY(QRegularExpression(QStringLiteral("^\\d{6}$"))
                        .match(row.value(QStringLiteral("code")).toString())
                        .hasMatch());
            codes.insert(row.value(QStringLiteral("code")).toString());
        }
        QCOMPARE(codes.size(), kospi.size()); // no row twice across pages
        const QList<QJsonObject> kosdaq = rig.client->allPages(
            QStringLiteral("ka10099"), { { QStringLiteral("mrkt_tp"), QStringLiteral("10") } }, QStringLiteral("list"));
        QVERIFY(kosdaq.size() >= 15);
        QVERIFY(kospi.size() + kosdaq.size() >= 50);
        const auto one
            = rig.client->tr(QStringLiteral("ka10100"), { { QStringLiteral("stk_cd"), QStringLiteral("247540") } });
        QCOMPARE(one.json.value(QStringLiteral("name")).toString(), QStringLiteral("에코프로비엠"));
        QCOMPARE(one.json.value(QStringLiteral("marketCode")).toString(), QStringLiteral("10"));
    }

    void dailyChartPagesAndFormats()
    {
        Rig rig;
        SimConfig c = unlimited();
        c.dailyPageSize = 25;
        QVERIFY(rig.start(c));
        int pages = 0;
        const QJsonObject body { { QStringLiteral("stk_cd"), QStringLiteral("005930") },
            { QStringLiteral("base_dt"), QStringLiteral("20250310") },
            { QStringLiteral("upd_stkpc_tp"), QStringLiteral("1") } };
        const QList<QJsonObject> rows
            = rig.client->allPages(QStringLiteral("ka10081"), body, QStringLiteral("stk_dt_pole_chart_qry"), &pages);
        QCOMPARE(rows.size(), c.historyDays + 1); // history + today's running bar
        QCOMPARE(pages, 3);
        QString previous = QStringLiteral("99999999");
        for (int k = 0; k < rows.size(); ++k) {
            const QJsonObject &row = rows.at(k);
            const QString dt = row.value(QStringLiteral("dt")).toString();
            QVERIFY2(dt < previous, qPrintable(dt)); // newest first, no duplicate across pages
            previous = dt;
            for (const char *f : { "cur_prc", "open_pric", "high_pric", "low_pric" }) {
                const QString v = row.value(QLatin1String(f)).toString();
                QVERIFY2(!v.isEmpty() && v.at(0).isDigit(), f); // daily prices are unsigned
                QVERIFY(Krx::isOnTick(v.toLongLong()));
            }
            QVERIFY(row.value(QStringLiteral("low_pric")).toString().toLongLong()
                <= row.value(QStringLiteral("high_pric")).toString().toLongLong());
            QVERIFY(QRegularExpression(QStringLiteral("^[+-]?\\d+$"))
                        .match(row.value(QStringLiteral("pred_pre")).toString())
                        .hasMatch());
            if (k + 1 < rows.size()) {
                // pred_pre = close - previous close.
                const qint64 close = row.value(QStringLiteral("cur_prc")).toString().toLongLong();
                const qint64 prevClose = rows.at(k + 1).value(QStringLiteral("cur_prc")).toString().toLongLong();
                QCOMPARE(signedValue(row.value(QStringLiteral("pred_pre")).toString()), close - prevClose);
            }
            QVERIFY(row.contains(QStringLiteral("trde_prica")) && row.contains(QStringLiteral("trde_tern_rt")));
        }
        QCOMPARE(rows.first().value(QStringLiteral("dt")).toString(), QStringLiteral("20250310"));
        // base_dt in the past: nothing newer than it.
        QJsonObject older = body;
        older.insert(QStringLiteral("base_dt"), QStringLiteral("20250228"));
        const auto reply = rig.client->tr(QStringLiteral("ka10081"), older);
        QCOMPARE(reply.json.value(QStringLiteral("stk_dt_pole_chart_qry"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("dt"))
                     .toString(),
            QStringLiteral("20250228"));
    }

    void minuteChartMatchesDailyBar()
    {
        Rig rig;
        SimConfig c = unlimited();
        c.minutePageSize = 100;
        QVERIFY(rig.start(c));
        rig.server.advanceClock(2 * 3600 * 1000); // 12:00
        const QJsonObject body { { QStringLiteral("stk_cd"), QStringLiteral("035420") },
            { QStringLiteral("tic_scope"), QStringLiteral("1") },
            { QStringLiteral("upd_stkpc_tp"), QStringLiteral("1") } };
        int pages = 0;
        const QList<QJsonObject> rows
            = rig.client->allPages(QStringLiteral("ka10080"), body, QStringLiteral("stk_min_pole_chart_qry"), &pages);
        QVERIFY(pages > 3);
        QString previous = QStringLiteral("99999999999999");
        qint64 todayVolume = 0;
        qint64 todayHigh = 0;
        qint64 todayLow = std::numeric_limits<qint64>::max();
        QString todayOpen;
        QString todayClose;
        bool signedSeen = false;
        for (const QJsonObject &row : rows) {
            const QString tm = row.value(QStringLiteral("cntr_tm")).toString();
            QCOMPARE(tm.size(), 14);
            QVERIFY2(tm < previous, qPrintable(tm));
            previous = tm;
            const QString cur = row.value(QStringLiteral("cur_prc")).toString();
            signedSeen |= cur.startsWith(QLatin1Char('+')) || cur.startsWith(QLatin1Char('-'));
            QVERIFY(row.contains(QStringLiteral("acc_trde_qty")));
            if (tm.startsWith(QLatin1String("20250310"))) {
                if (todayClose.isEmpty())
                    todayClose = cur;
                todayOpen = row.value(QStringLiteral("open_pric")).toString();
                todayVolume += row.value(QStringLiteral("trde_qty")).toString().toLongLong();
                todayHigh = std::max(todayHigh, absValue(row.value(QStringLiteral("high_pric")).toString()));
                todayLow = std::min(todayLow, absValue(row.value(QStringLiteral("low_pric")).toString()));
            }
        }
        QVERIFY(signedSeen); // minute-chart prices carry the direction sign
        QVERIFY(rows.last().value(QStringLiteral("cntr_tm")).toString() < QStringLiteral("20250310"));
        // The daily bar of today is the aggregate of today's minute bars.
        const auto daily = rig.client->tr(QStringLiteral("ka10081"),
            { { QStringLiteral("stk_cd"), QStringLiteral("035420") },
                { QStringLiteral("base_dt"), QStringLiteral("20250310") },
                { QStringLiteral("upd_stkpc_tp"), QStringLiteral("1") } });
        const QJsonObject today
            = daily.json.value(QStringLiteral("stk_dt_pole_chart_qry")).toArray().first().toObject();
        QCOMPARE(today.value(QStringLiteral("trde_qty")).toString().toLongLong(), todayVolume);
        QCOMPARE(today.value(QStringLiteral("high_pric")).toString().toLongLong(), todayHigh);
        QCOMPARE(today.value(QStringLiteral("low_pric")).toString().toLongLong(), todayLow);
        QCOMPARE(today.value(QStringLiteral("open_pric")).toString().toLongLong(), absValue(todayOpen));
        QCOMPARE(today.value(QStringLiteral("cur_prc")).toString().toLongLong(), absValue(todayClose));
        // The newest minute row's acc_trde_qty is today's volume; 5-minute bars carry the same volume.
        QCOMPARE(rows.first().value(QStringLiteral("acc_trde_qty")).toString().toLongLong(), todayVolume);
        QJsonObject five = body;
        five.insert(QStringLiteral("tic_scope"), QStringLiteral("5"));
        qint64 fiveVolume = 0;
        for (const QJsonObject &row :
            rig.client->allPages(QStringLiteral("ka10080"), five, QStringLiteral("stk_min_pole_chart_qry"))) {
            if (row.value(QStringLiteral("cntr_tm")).toString().startsWith(QLatin1String("20250310"))) {
                fiveVolume += row.value(QStringLiteral("trde_qty")).toString().toLongLong();
                QCOMPARE(row.value(QStringLiteral("cntr_tm")).toString().mid(10, 2).toInt() % 5, 0);
            }
        }
        QCOMPARE(fiveVolume, todayVolume);
    }

    void tickChart()
    {
        Rig rig;
        SimConfig c = unlimited();
        c.tickPageSize = 200;
        QVERIFY(rig.start(c));
        const int index = rig.server.market()->indexOf(QStringLiteral("005930"));
        const int ticks = int(rig.server.market()->ticksToday(index).size());
        QVERIFY(ticks > 100);
        int pages = 0;
        const QJsonObject body { { QStringLiteral("stk_cd"), QStringLiteral("005930") },
            { QStringLiteral("tic_scope"), QStringLiteral("1") },
            { QStringLiteral("upd_stkpc_tp"), QStringLiteral("1") } };
        const QList<QJsonObject> rows
            = rig.client->allPages(QStringLiteral("ka10079"), body, QStringLiteral("stk_tic_chart_qry"), &pages);
        QCOMPARE(rows.size(), ticks);
        QCOMPARE(pages, (ticks + 199) / 200);
        for (const QJsonObject &row : rows) {
            const QString cur = row.value(QStringLiteral("cur_prc")).toString();
            QVERIFY(cur.at(0).isDigit()); // tick-chart prices are unsigned
            QVERIFY(Krx::isOnTick(cur.toLongLong()));
        }
        QJsonObject three = body;
        three.insert(QStringLiteral("tic_scope"), QStringLiteral("3"));
        const auto reply = rig.client->tr(QStringLiteral("ka10079"), three);
        const int expectedLast = ticks % 3 == 0 ? 3 : ticks % 3;
        QCOMPARE(reply.json.value(QStringLiteral("last_tic_cnt")).toString().toInt(), expectedLast);
    }

    void quotas()
    {
        Rig rig;
        SimConfig c = SimTest::config();
        c.queryQuotaPerSecond = 5;
        c.totalQueryQuotaPerSecond = 8;
        QVERIFY(rig.start(c));
        const QJsonObject body { { QStringLiteral("stk_cd"), QStringLiteral("005930") } };
        for (int i = 0; i < 5; ++i)
            QCOMPARE(rig.client->tr(QStringLiteral("ka10001"), body).returnCode(), 0);
        const auto limited = rig.client->tr(QStringLiteral("ka10001"), body);
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.returnCode(), 5);
        QCOMPARE(limited.returnMsg(),
            QStringLiteral(
                "허용된 요청 개수를 초과하였습니다[1700:허용된 요청 개수를 초과하였습니다. 유량=5, API ID=ka10001]"));
        // Another api-id has its own bucket, until the total (8 in any second) is used up: 1701.
        QCOMPARE(rig.client->tr(QStringLiteral("ka10004"), body).returnCode(), 0);
        QCOMPARE(rig.client->tr(QStringLiteral("ka10004"), body).returnCode(), 0);
        QCOMPARE(rig.client->tr(QStringLiteral("ka10004"), body).returnCode(), 0);
        const auto total = rig.client->tr(QStringLiteral("ka10007"), body);
        QCOMPARE(total.status, 429);
        QCOMPARE(total.returnCode(), 5);
        QVERIFY(total.returnMsg().contains(QStringLiteral("[1701:")));
        // A sliding window: 999 ms later still refused, 1000 ms later admitted again.
        rig.clock.advanceMs(999);
        QCOMPARE(rig.client->tr(QStringLiteral("ka10001"), body).status, 429);
        rig.clock.advanceMs(1);
        QCOMPARE(rig.client->tr(QStringLiteral("ka10001"), body).returnCode(), 0);
    }

    // Every reply announces the market's time (x-sim-time: virtual UTC epoch ms) and speed, also
    // errors and admin replies; /_sim/state agrees. Real Kiwoom sends neither header.
    void repliesAnnounceTheMarketTime()
    {
        Rig rig;
        SimConfig c = unlimited();
        QVERIFY(rig.start(c));
        const auto state = rig.client->get(QStringLiteral("/_sim/state"));
        const qint64 virtualMs = qint64(state.json.value(QStringLiteral("virtual_ms")).toDouble());
        QCOMPARE(virtualMs, Krx::fromKst(QDate(2025, 3, 10), QTime(10, 0)));
        QCOMPARE(state.json.value(QStringLiteral("speed")).toDouble(), 0.0);
        QCOMPARE(state.header("x-sim-time"), QByteArray::number(virtualMs));
        QCOMPARE(state.header("x-sim-speed"), QByteArray("0"));

        const auto quote
            = rig.client->tr(QStringLiteral("ka10001"), { { QStringLiteral("stk_cd"), QStringLiteral("005930") } });
        QCOMPARE(quote.returnCode(), 0);
        QCOMPARE(quote.header("x-sim-time"), QByteArray::number(virtualMs));
        const auto refused
            = rig.client->tr(QStringLiteral("ka10001"), { { QStringLiteral("stk_cd"), QStringLiteral("999999") } });
        QVERIFY(refused.returnCode() != 0);
        QCOMPARE(refused.header("x-sim-time"), QByteArray::number(virtualMs));

        rig.server.advanceClock(90'000);
        rig.server.setSpeed(30);
        const auto later
            = rig.client->tr(QStringLiteral("ka10001"), { { QStringLiteral("stk_cd"), QStringLiteral("005930") } });
        QVERIFY(later.header("x-sim-time").toLongLong() >= virtualMs + 90'000);
        QCOMPARE(later.header("x-sim-speed"), QByteArray("30"));
        rig.server.setSpeed(1.5);
        QCOMPARE(rig.client->get(QStringLiteral("/_sim/state")).header("x-sim-speed"), QByteArray("1.5"));
    }

    void adminEndpoints()
    {
        Rig rig;
        QVERIFY(rig.start(unlimited()));
        const auto state = rig.client->get(QStringLiteral("/_sim/state"));
        QCOMPARE(state.status, 200);
        QCOMPARE(state.json.value(QStringLiteral("trading_date")).toString(), QStringLiteral("2025-03-10"));
        QCOMPARE(state.json.value(QStringLiteral("phase")).toString(), QStringLiteral("continuous"));
        const double before = state.json.value(QStringLiteral("virtual_ms")).toDouble();
        const auto advanced
            = rig.client->admin(QStringLiteral("/_sim/clock/advance"), { { QStringLiteral("ms"), 60000 } });
        QCOMPARE(advanced.status, 200);
        QCOMPARE(advanced.json.value(QStringLiteral("virtual_ms")).toDouble(), before + 60000);
        QCOMPARE(rig.client->admin(QStringLiteral("/_sim/clock/advance"), {}).status, 400);
        QCOMPARE(rig.client->admin(QStringLiteral("/_sim/nothing"), {}).status, 404);
        const auto faults = rig.client->admin(
            QStringLiteral("/_sim/faults"), { { QStringLiteral("spec"), QStringLiteral("bogus") } });
        QCOMPARE(faults.status, 400);
        QVERIFY(faults.json.value(QStringLiteral("error")).toString().contains(QStringLiteral("bogus")));
    }
};

QTEST_GUILESS_MAIN(TestSimRest)
#include "tst_simrest.moc"
