// SPDX-License-Identifier: GPL-3.0-or-later
// SimPaperFeed's allowlist (paper trading, issue 12): only market-data query TRs may be relayed to
// the live feed; orders, account TRs and token calls never are, and a refused id is answered
// locally without touching the network.
#include "common/clock.h"
#include "kiwoom/trcodec.h"
#include "sim/simpaperfeed.h"

#include <QtTest>

class TestSimPaperFeed final : public QObject
{
    Q_OBJECT

private slots:
    void ordersAndAccountTrsAreNeverForwarded_data()
    {
        QTest::addColumn<QString>("apiId");
        for (const char *id : { "kt10000", "kt10001", "kt10002", "kt10003", "kt10006", "kt10007", "kt10008", "kt10009",
                 "kt00001", "kt00004", "kt00018", "ka00001", "ka10074", "ka10075", "ka10076", "ka10077", "au10001",
                 "au10002", "", "KT10000", "kt10000 " })
            QTest::addRow("%s", id) << QString::fromLatin1(id);
    }

    void ordersAndAccountTrsAreNeverForwarded()
    {
        QFETCH(QString, apiId);
        QVERIFY(!SimPaperFeed::isForwardable(apiId));
    }

    void theAllowlistIsMarketDataOnly()
    {
        const QStringList ids = SimPaperFeed::forwardableApiIds();
        QVERIFY(ids.contains(QStringLiteral("ka10001")));
        QVERIFY(ids.contains(QStringLiteral("ka10081")));
        for (const QString &id : ids) {
            QVERIFY(SimPaperFeed::isForwardable(id));
            const auto spec = Kiwoom::Tr::spec(id);
            QVERIFY2(spec, qPrintable(id)); // the client knows it
            QVERIFY2(spec->pool == Kiwoom::RequestPool::Query, qPrintable(id));
            QVERIFY2(spec->path != QStringLiteral("/api/dostk/acnt"), qPrintable(id));
            QVERIFY2(!spec->path.contains(QStringLiteral("ordr")), qPrintable(id));
        }
    }

    void aRefusedTrIsAnsweredLocally()
    {
        SimPaperFeed feed(SimPaperFeed::Config {}, SystemClock::instance()); // never started: no network
        int status = 0;
        QJsonObject body;
        feed.forwardRest(QStringLiteral("kt10000"),
            QJsonObject { { QStringLiteral("stk_cd"), QStringLiteral("005930") } }, QString(),
            [&](int s, const QJsonObject &b, bool, const QString &) {
                status = s;
                body = b;
            });
        QCOMPARE(status, 200);
        QCOMPARE(body.value(QStringLiteral("return_code")).toInt(), 2);
        QVERIFY(body.value(QStringLiteral("return_msg")).toString().contains(QStringLiteral("8104")));
        QCOMPARE(feed.restForwarded(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSimPaperFeed)
#include "tst_simpaperfeed.moc"
