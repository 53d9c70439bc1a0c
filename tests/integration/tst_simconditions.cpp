// SPDX-License-Identifier: GPL-3.0-or-later
// Condition search over the simulator's WebSocket: CNSRLST pairs, CNSRREQ search_type 0 (9-char
// numbers, body cont_yn/next_key paging) and 1 (initial jmcode list + realtime 02 I/D hits that
// replay to the server's current result), CNSRCLR, the 10-condition limit, and that the formulas
// mean what their names say when checked against the REST quotes.
#include "common/clock.h"
#include "sim/simconditions.h"
#include "sim/simmarket.h"
#include "sim/simserver.h"
#include "simtestclient.h"
#include "simtestconfig.h"

#include <QRegularExpression>
#include <QSet>
#include <QtTest>

namespace {

struct Rig
{
    ManualClock clock { Krx::fromKst(QDate(2025, 3, 10), QTime(10, 0)) };
    SimServer server;
    std::unique_ptr<SimTestClient> client;
    std::unique_ptr<SimTestSocket> socket;

    bool start(SimConfig c)
    {
        c.clock = &clock;
        c.queryQuotaPerSecond = 0;
        c.totalQueryQuotaPerSecond = 0;
        if (!server.start(c))
            return false;
        client = std::make_unique<SimTestClient>(server.restBaseUrl());
        if (client->issueToken(SimTest::appKey(), SimTest::secretKey()).returnCode() != 0)
            return false;
        socket = std::make_unique<SimTestSocket>(server.webSocketUrl());
        if (!socket->open())
            return false;
        const auto ack = socket->login(client->token());
        return ack && ack->value(QStringLiteral("return_code")).toInt(-1) == 0;
    }
    std::optional<QJsonObject> request(const QJsonObject &message)
    {
        socket->send(message);
        return socket->waitForTrnm(message.value(QStringLiteral("trnm")).toString());
    }
    QJsonObject list()
    {
        return request({ { QStringLiteral("trnm"), QStringLiteral("CNSRLST") } }).value_or(QJsonObject());
    }
    QStringList memberCodes(const QString &seq)
    {
        QStringList codes;
        for (int i : server.conditions()->members(seq))
            codes.append(server.market()->info(i).code);
        return codes;
    }
};

qint64 absValue(const QString &text)
{
    QString t = text.trimmed();
    if (t.startsWith(QLatin1Char('+')) || t.startsWith(QLatin1Char('-')))
        t = t.mid(1);
    return t.toLongLong();
}

} // namespace

class TestSimConditions final : public QObject
{
    Q_OBJECT

private slots:
    void listPairs()
    {
        Rig rig;
        QVERIFY(rig.start(SimTest::config()));
        const QJsonObject reply = rig.list();
        QCOMPARE(reply.value(QStringLiteral("return_code")).toInt(-1), 0);
        const QJsonArray data = reply.value(QStringLiteral("data")).toArray();
        QVERIFY(data.size() >= 3);
        QStringList names;
        for (const QJsonValue &v : data) {
            const QJsonArray pair = v.toArray();
            QCOMPARE(pair.size(), 2);
            QVERIFY(pair.at(0).isString() && pair.at(1).isString());
            QVERIFY(QRegularExpression(QStringLiteral("^\\d+$")).match(pair.at(0).toString()).hasMatch());
            names.append(pair.at(1).toString());
        }
        QVERIFY(names.contains(QStringLiteral("거래량급증")));
        QVERIFY(names.contains(QStringLiteral("20일신고가")));
        QVERIFY(names.contains(QStringLiteral("골든크로스(5/20)")));
    }

    void searchOncePagesWithNineCharNumbers()
    {
        Rig rig;
        SimConfig c = SimTest::config();
        c.conditionPageSize = 2;
        QVERIFY(rig.start(c));
        // The condition with the most members right now.
        QString seq;
        int best = 0;
        for (const SimConditions::Formula &f : rig.server.conditions()->formulas()) {
            const int n = int(rig.server.conditions()->members(f.seq).size());
            if (n > best) {
                best = n;
                seq = f.seq;
            }
        }
        QVERIFY2(best >= 3, "no condition with three members at 10:00");
        QStringList codes;
        QString nextKey;
        bool cont = false;
        int pages = 0;
        for (;;) {
            const auto reply = rig.request({ { QStringLiteral("trnm"), QStringLiteral("CNSRREQ") },
                { QStringLiteral("seq"), seq }, { QStringLiteral("search_type"), QStringLiteral("0") },
                { QStringLiteral("stex_tp"), QStringLiteral("K") },
                { QStringLiteral("cont_yn"), cont ? QStringLiteral("Y") : QStringLiteral("N") },
                { QStringLiteral("next_key"), nextKey } });
            QVERIFY(reply);
            ++pages;
            QCOMPARE(reply->value(QStringLiteral("return_code")).toInt(-1), 0);
            QCOMPARE(reply->value(QStringLiteral("seq")).toString(), seq);
            for (const QJsonValue &v : reply->value(QStringLiteral("data")).toArray()) {
                const QJsonObject row = v.toObject();
                const QString code = row.value(QStringLiteral("9001")).toString();
                QVERIFY(QRegularExpression(QStringLiteral("^A\\d{6}$")).match(code).hasMatch());
                codes.append(code.mid(1));
                for (const char *fid : { "10", "13", "16", "17", "18" })
                    QVERIFY2(QRegularExpression(QStringLiteral("^\\d{9}$"))
                                 .match(row.value(QLatin1String(fid)).toString())
                                 .hasMatch(),
                        fid);
                for (const char *fid : { "11", "12" })
                    QVERIFY2(QRegularExpression(QStringLiteral("^(\\d{9}|-\\d{8})$"))
                                 .match(row.value(QLatin1String(fid)).toString())
                                 .hasMatch(),
                        fid);
                QVERIFY(!row.value(QStringLiteral("302")).toString().isEmpty());
                const QJsonObject quote
                    = rig.client->tr(QStringLiteral("ka10001"), { { QStringLiteral("stk_cd"), code.mid(1) } }).json;
                QCOMPARE(row.value(QStringLiteral("10")).toString().toLongLong(),
                    absValue(quote.value(QStringLiteral("cur_prc")).toString()));
                QCOMPARE(row.value(QStringLiteral("25")).toString(), quote.value(QStringLiteral("pre_sig")).toString());
            }
            if (reply->value(QStringLiteral("cont_yn")).toString() != QLatin1String("Y"))
                break;
            cont = true;
            nextKey = reply->value(QStringLiteral("next_key")).toString();
            QVERIFY(!nextKey.isEmpty() && nextKey.size() <= 20);
        }
        QCOMPARE(pages, (best + 1) / 2);
        QCOMPARE(codes, rig.memberCodes(seq));
    }

    void formulasMeanWhatTheySay()
    {
        Rig rig;
        QVERIFY(rig.start(SimTest::config(11)));
        rig.server.advanceClock(3 * 3600 * 1000); // 13:00, plenty of movement
        const QList<SimConditions::Formula> &formulas = rig.server.conditions()->formulas();
        auto seqOf = [&](const QString &name) {
            for (const SimConditions::Formula &f : formulas) {
                if (f.name == name)
                    return f.seq;
            }
            return QString();
        };
        int checked = 0;
        for (const QString &code : rig.memberCodes(seqOf(QStringLiteral("상승률5%이상")))) {
            const QJsonObject q
                = rig.client->tr(QStringLiteral("ka10001"), { { QStringLiteral("stk_cd"), code } }).json;
            QVERIFY(q.value(QStringLiteral("flu_rt")).toString().toDouble() >= 5.0);
            ++checked;
        }
        for (const QString &code : rig.memberCodes(seqOf(QStringLiteral("하락률5%이상")))) {
            const QJsonObject q
                = rig.client->tr(QStringLiteral("ka10001"), { { QStringLiteral("stk_cd"), code } }).json;
            QVERIFY(q.value(QStringLiteral("flu_rt")).toString().toDouble() <= -5.0);
            ++checked;
        }
        const QStringList highs = rig.memberCodes(seqOf(QStringLiteral("20일신고가")));
        for (const QString &code : highs) {
            const QJsonArray bars = rig.client
                                        ->tr(QStringLiteral("ka10081"),
                                            { { QStringLiteral("stk_cd"), code },
                                                { QStringLiteral("base_dt"), QStringLiteral("20250310") },
                                                { QStringLiteral("upd_stkpc_tp"), QStringLiteral("1") } })
                                        .json.value(QStringLiteral("stk_dt_pole_chart_qry"))
                                        .toArray();
            const qint64 price = bars.at(0).toObject().value(QStringLiteral("cur_prc")).toString().toLongLong();
            qint64 high20 = 0;
            for (int k = 1; k <= 20; ++k)
                high20 = std::max(
                    high20, bars.at(k).toObject().value(QStringLiteral("high_pric")).toString().toLongLong());
            QVERIFY(price > high20);
            ++checked;
        }
        // And the converse for 20-day highs: no stock above its 20-day high is missing.
        for (int i = 0; i < rig.server.market()->stockCount(); ++i) {
            const QString code = rig.server.market()->info(i).code;
            if (highs.contains(code))
                continue;
            const QVector<SimDayBar> bars = rig.server.market()->dailyBars(i);
            qint64 high20 = 0;
            for (int k = int(bars.size()) - 21; k < bars.size() - 1; ++k)
                high20 = std::max(high20, bars.at(k).candle.high);
            QVERIFY2(bars.last().candle.close <= high20, qPrintable(code));
        }
        QVERIFY(checked > 0);
    }

    void realtimeHitsReplayToTheCurrentResult()
    {
        Rig rig;
        QVERIFY(rig.start(SimTest::config()));
        const QStringList watched { QStringLiteral("0"), QStringLiteral("8") };
        // Realtime search before CNSRLST is refused.
        auto early = rig.request({ { QStringLiteral("trnm"), QStringLiteral("CNSRREQ") },
            { QStringLiteral("seq"), watched.first() }, { QStringLiteral("search_type"), QStringLiteral("1") },
            { QStringLiteral("stex_tp"), QStringLiteral("K") } });
        QVERIFY(early);
        QVERIFY(early->value(QStringLiteral("return_code")).toInt() != 0);
        rig.list();
        QHash<QString, QSet<QString>> sets;
        for (const QString &seq : watched) {
            const auto reply = rig.request({ { QStringLiteral("trnm"), QStringLiteral("CNSRREQ") },
                { QStringLiteral("seq"), seq }, { QStringLiteral("search_type"), QStringLiteral("1") },
                { QStringLiteral("stex_tp"), QStringLiteral("K") } });
            QVERIFY(reply);
            QCOMPARE(reply->value(QStringLiteral("return_code")).toInt(-1), 0);
            QCOMPARE(reply->value(QStringLiteral("seq")).toString(), seq);
            QStringList initial;
            for (const QJsonValue &v : reply->value(QStringLiteral("data")).toArray()) {
                const QString jm = v.toObject().value(QStringLiteral("jmcode")).toString();
                QVERIFY(jm.startsWith(QLatin1Char('A')));
                initial.append(jm.mid(1));
            }
            QCOMPARE(initial, rig.memberCodes(seq));
            sets.insert(seq, QSet<QString>(initial.cbegin(), initial.cend()));
        }
        for (int minute = 0; minute < 120; ++minute)
            rig.server.advanceClock(60'000);
        QTest::qWait(50);
        QTRY_VERIFY(!rig.socket->realEntries(QStringLiteral("02")).isEmpty());
        int hits = 0;
        for (const QJsonObject &e : rig.socket->realEntries(QStringLiteral("02"))) {
            QCOMPARE(e.value(QStringLiteral("name")).toString(), QStringLiteral("조건검색"));
            const QJsonObject v = e.value(QStringLiteral("values")).toObject();
            const QString seq = v.value(QStringLiteral("841")).toString();
            QVERIFY2(watched.contains(seq), qPrintable(seq));
            const QString code = v.value(QStringLiteral("9001")).toString();
            QCOMPARE(e.value(QStringLiteral("item")).toString(), code);
            QVERIFY(QRegularExpression(QStringLiteral("^\\d{6}$"))
                        .match(v.value(QStringLiteral("20")).toString())
                        .hasMatch());
            QCOMPARE(v.value(QStringLiteral("907")).toString(), QStringLiteral("2"));
            const QString io = v.value(QStringLiteral("843")).toString();
            QSet<QString> &set = sets[seq];
            if (io == QLatin1String("I")) {
                QVERIFY2(!set.contains(code), "entered twice");
                set.insert(code);
            } else {
                QCOMPARE(io, QStringLiteral("D"));
                QVERIFY2(set.contains(code), "left without entering");
                set.remove(code);
            }
            ++hits;
        }
        QVERIFY(hits > 0);
        for (const QString &seq : watched) {
            const QStringList now = rig.memberCodes(seq);
            QCOMPARE(sets.value(seq), QSet<QString>(now.cbegin(), now.cend()));
        }

        // CNSRCLR stops one condition's hits.
        const auto cleared = rig.request(
            { { QStringLiteral("trnm"), QStringLiteral("CNSRCLR") }, { QStringLiteral("seq"), QStringLiteral("0") } });
        QVERIFY(cleared);
        QCOMPARE(cleared->value(QStringLiteral("return_code")).toInt(-1), 0);
        QCOMPARE(cleared->value(QStringLiteral("seq")).toString(), QStringLiteral("0"));
        rig.socket->frames.clear();
        rig.socket->cursor = 0;
        for (int minute = 0; minute < 60; ++minute)
            rig.server.advanceClock(60'000);
        QTest::qWait(100);
        for (const QJsonObject &e : rig.socket->realEntries(QStringLiteral("02")))
            QCOMPARE(e.value(QStringLiteral("values")).toObject().value(QStringLiteral("841")).toString(),
                QStringLiteral("8"));
    }

    void atMostTenRealtimeConditions()
    {
        Rig rig;
        QVERIFY(rig.start(SimTest::config()));
        QVERIFY(rig.server.conditions()->formulas().size() > 10);
        rig.list();
        auto realtime = [&](int seq) {
            return rig
                .request({ { QStringLiteral("trnm"), QStringLiteral("CNSRREQ") },
                    { QStringLiteral("seq"), QString::number(seq) },
                    { QStringLiteral("search_type"), QStringLiteral("1") },
                    { QStringLiteral("stex_tp"), QStringLiteral("K") } })
                .value_or(QJsonObject())
                .value(QStringLiteral("return_code"))
                .toInt(-1);
        };
        for (int seq = 0; seq < 10; ++seq)
            QCOMPARE(realtime(seq), 0);
        QCOMPARE(realtime(10), 1);
        QCOMPARE(realtime(3), 0); // already registered: fine
        const auto unknown = rig.request({ { QStringLiteral("trnm"), QStringLiteral("CNSRREQ") },
            { QStringLiteral("seq"), QStringLiteral("99") }, { QStringLiteral("search_type"), QStringLiteral("0") } });
        QCOMPARE(unknown->value(QStringLiteral("return_code")).toInt(-1), 1);
    }
};

QTEST_GUILESS_MAIN(TestSimConditions)
#include "tst_simconditions.moc"
