// SPDX-License-Identifier: GPL-3.0-or-later
#include "market/krx.h"
#include "sim/simfaults.h"

#include <QtTest>

namespace {
const qint64 TEN_AM = Krx::fromKst(QDate(2025, 3, 10), QTime(10, 0));
}

class TestSimFaults final : public QObject
{
    Q_OBJECT

private slots:
    void parsesTheGrammar()
    {
        const auto rules = SimFaults::parse(
            QStringLiteral(" http5xx , rate=0.25 , api=ka10081|KA10080 , status=503 ; timeout,after=3,ms=250;"
                           "429,count=2;expire,at=1030;malformed;drop;dup,rate=1;reorder,at=20250310103000"),
            TEN_AM);
        QVERIFY2(rules.ok(), rules.ok() ? "" : qPrintable(rules.error().message));
        QCOMPARE(rules->size(), 8);
        const SimFaults::Rule &http = rules->at(0);
        QCOMPARE(http.kind, SimFaults::Kind::Http5xx);
        QCOMPARE(http.rate, 0.25);
        QCOMPARE(http.count, -1); // unlimited with a rate
        QCOMPARE(http.apis, QStringList({ QStringLiteral("ka10081"), QStringLiteral("ka10080") }));
        QCOMPARE(http.status, 503);
        QCOMPARE(rules->at(1).kind, SimFaults::Kind::Timeout);
        QCOMPARE(rules->at(1).after, 3);
        QCOMPARE(rules->at(1).holdMs, 250);
        QCOMPARE(rules->at(1).count, 1);
        QCOMPARE(rules->at(2).kind, SimFaults::Kind::RateLimit);
        QCOMPARE(rules->at(2).count, 2);
        QCOMPARE(rules->at(3).kind, SimFaults::Kind::TokenExpiry);
        QCOMPARE(rules->at(3).atMs, Krx::fromKst(QDate(2025, 3, 10), QTime(10, 30)));
        QVERIFY(rules->at(3).isMoment());
        QCOMPARE(rules->at(4).kind, SimFaults::Kind::Malformed);
        QCOMPARE(rules->at(5).kind, SimFaults::Kind::WsDrop);
        QCOMPARE(rules->at(6).kind, SimFaults::Kind::WsDuplicate);
        QCOMPARE(rules->at(7).kind, SimFaults::Kind::WsReorder);
        QCOMPARE(rules->at(7).atMs, Krx::fromKst(QDate(2025, 3, 10), QTime(10, 30)));
    }

    void delayRule()
    {
        const auto rules = SimFaults::parse(QStringLiteral("delay,api=kt10000,ms=3000;slow"), TEN_AM);
        QVERIFY2(rules.ok(), rules.ok() ? "" : qPrintable(rules.error().message));
        QCOMPARE(rules->size(), 2);
        QCOMPARE(rules->at(0).kind, SimFaults::Kind::Delay);
        QCOMPARE(rules->at(0).holdMs, 3000);
        QCOMPARE(rules->at(0).apis, QStringList({ QStringLiteral("kt10000") }));
        QCOMPARE(rules->at(1).kind, SimFaults::Kind::Delay);
        QCOMPARE(rules->at(1).holdMs, 1000); // default
        QCOMPARE(SimFaults::kindName(SimFaults::Kind::Delay), QStringLiteral("delay"));
        SimFaults faults(1);
        QVERIFY(faults.add(QStringLiteral("delay,api=kt10000,ms=50"), TEN_AM).ok());
        QVERIFY(!faults.onRestRequest(QStringLiteral("ka10001"), TEN_AM));
        QCOMPARE(faults.onRestRequest(QStringLiteral("kt10000"), TEN_AM)->kind, SimFaults::Kind::Delay);
        QVERIFY(!faults.onRestRequest(QStringLiteral("kt10000"), TEN_AM)); // count 1
    }

    void rejectsBadSpecs_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::newRow("unknown kind") << "explode";
        QTest::newRow("rate zero") << "http5xx,rate=0";
        QTest::newRow("rate above one") << "http5xx,rate=1.5";
        QTest::newRow("count zero") << "timeout,count=0";
        QTest::newRow("bad at") << "ws-drop,at=25";
        QTest::newRow("bad time") << "ws-drop,at=2561";
        QTest::newRow("api on ws fault") << "ws-drop,api=ka10001";
        QTest::newRow("status on timeout") << "timeout,status=503";
        QTest::newRow("non-5xx status") << "http5xx,status=404";
        QTest::newRow("ms on 5xx") << "http5xx,ms=10";
        QTest::newRow("negative delay") << "delay,ms=-1";
        QTest::newRow("when on delay") << "delay,when=after";
        QTest::newRow("unknown option") << "http5xx,sometimes=1";
        QTest::newRow("not name=value") << "http5xx,often";
    }
    void rejectsBadSpecs()
    {
        QFETCH(QString, spec);
        const auto rules = SimFaults::parse(spec, TEN_AM);
        QVERIFY(!rules.ok());
        QVERIFY(rules.error().message.contains(spec.section(QLatin1Char(','), 0, 0)));
    }

    void countAfterAndApiFilter()
    {
        SimFaults faults(1);
        QVERIFY(faults.add(QStringLiteral("http5xx,after=2,count=2,api=ka10001"), TEN_AM).ok());
        QVERIFY(!faults.onRestRequest(QStringLiteral("ka10081"), TEN_AM)); // other api-ids are not eligible
        QVERIFY(!faults.onRestRequest(QStringLiteral("ka10001"), TEN_AM));
        QVERIFY(!faults.onRestRequest(QStringLiteral("ka10001"), TEN_AM));
        QVERIFY(faults.onRestRequest(QStringLiteral("ka10001"), TEN_AM));
        QVERIFY(faults.onRestRequest(QStringLiteral("KA10001"), TEN_AM));
        QVERIFY(!faults.onRestRequest(QStringLiteral("ka10001"), TEN_AM)); // count exhausted
        QCOMPARE(faults.rules().first().fired, 2);
        QVERIFY(!faults.onFrame(SimFaults::Kind::WsDrop, TEN_AM));
    }

    void ratesAreSeededAndReproducible()
    {
        auto pattern = [](quint64 seed) {
            SimFaults faults(seed);
            if (!faults.add(QStringLiteral("ws-duplicate,rate=0.3"), TEN_AM).ok())
                return QString();
            QString bits;
            for (int i = 0; i < 400; ++i)
                bits += faults.onFrame(SimFaults::Kind::WsDuplicate, TEN_AM) ? QLatin1Char('1') : QLatin1Char('0');
            return bits;
        };
        const QString a = pattern(5);
        QCOMPARE(a, pattern(5));
        QVERIFY(a != pattern(6));
        const int fired = int(a.count(QLatin1Char('1')));
        QVERIFY2(fired > 80 && fired < 160, qPrintable(QString::number(fired))); // ~120 expected
    }

    void momentsFireOnceAtTheirTime()
    {
        SimFaults faults(1);
        QVERIFY(faults.add(QStringLiteral("token-expiry,at=1030;ws-drop"), TEN_AM).ok());
        QCOMPARE(faults.dueMoments(TEN_AM), QList<SimFaults::Kind>({ SimFaults::Kind::WsDrop })); // "now"
        QVERIFY(faults.dueMoments(TEN_AM + 1000).isEmpty());
        const qint64 half = Krx::fromKst(QDate(2025, 3, 10), QTime(10, 30));
        QVERIFY(faults.dueMoments(half - 1).isEmpty());
        QCOMPARE(faults.dueMoments(half), QList<SimFaults::Kind>({ SimFaults::Kind::TokenExpiry }));
        QVERIFY(faults.dueMoments(half + 60'000).isEmpty());
        // A moment is not an event filter.
        QVERIFY(!faults.onRestRequest(QStringLiteral("ka10001"), half));
        // An at= on an event fault arms it from that time on.
        QVERIFY(faults.add(QStringLiteral("malformed,at=1100"), TEN_AM).ok());
        QVERIFY(!faults.onRestRequest(QStringLiteral("ka10001"), half));
        QVERIFY(faults.onRestRequest(QStringLiteral("ka10001"), Krx::fromKst(QDate(2025, 3, 10), QTime(11, 0))));
        QCOMPARE(faults.describe().size(), 3);
    }

    void tokenExpiryWithAnApiWaitsForThatRequest()
    {
        // "token-expiry,api=kt10000" reads as "on the next buy order", not "now".
        SimFaults faults(1);
        QVERIFY(faults.add(QStringLiteral("token-expiry,count=2,api=kt10000"), TEN_AM).ok());
        QVERIFY(!faults.rules().first().isMoment());
        QVERIFY(faults.dueMoments(TEN_AM).isEmpty());
        QVERIFY(!faults.onRestRequest(QStringLiteral("ka10001"), TEN_AM));
        QCOMPARE(faults.onRestRequest(QStringLiteral("kt10000"), TEN_AM)->kind, SimFaults::Kind::TokenExpiry);
        QVERIFY(faults.onRestRequest(QStringLiteral("kt10000"), TEN_AM));
        QVERIFY(!faults.onRestRequest(QStringLiteral("kt10000"), TEN_AM)); // count=2 spent
    }

    void lostReplyAndMalformedFrameRules()
    {
        const auto rules = SimFaults::parse(
            QStringLiteral("timeout,api=kt10000,when=after;http5xx,when=before;ws-malformed,count=2"), TEN_AM);
        QVERIFY(rules.ok());
        QVERIFY(rules->at(0).afterTr);
        QVERIFY(!rules->at(1).afterTr);
        QCOMPARE(rules->at(2).kind, SimFaults::Kind::WsMalformed);
        QCOMPARE(rules->at(2).count, 2);
        QVERIFY(!SimFaults::parse(QStringLiteral("ratelimit,when=after"), TEN_AM).ok());
        QVERIFY(!SimFaults::parse(QStringLiteral("timeout,when=later"), TEN_AM).ok());
        SimFaults faults(1);
        QVERIFY(faults.add(QStringLiteral("ws-garbage"), TEN_AM).ok());
        QVERIFY(faults.onFrame(SimFaults::Kind::WsMalformed, TEN_AM));
        QVERIFY(!faults.onFrame(SimFaults::Kind::WsMalformed, TEN_AM));
    }
};

QTEST_GUILESS_MAIN(TestSimFaults)
#include "tst_simfaults.moc"
