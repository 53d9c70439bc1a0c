// SPDX-License-Identifier: GPL-3.0-or-later
// SimLiveSource and the paper market's dynamic universe (paper trading, issue 12): the feed's REAL
// frames become source events (0B trades with their base price, 0D books, 02 hits, other entries
// verbatim; the feed account's 00/04 dropped), and a SimMarket fed by it adds a stock at its first
// trade, takes the real base price for a stock added without one, and plays the trade as a quote.
#include "market/krx.h"
#include "sim/simconfig.h"
#include "sim/simlivesource.h"
#include "sim/simmarket.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

namespace {

QByteArray real(const QJsonArray &entries)
{
    return QJsonDocument(
        QJsonObject { { QStringLiteral("trnm"), QStringLiteral("REAL") }, { QStringLiteral("data"), entries } })
        .toJson(QJsonDocument::Compact);
}

QJsonObject entry(const QString &type, const QString &item, const QJsonObject &values)
{
    return QJsonObject { { QStringLiteral("type"), type }, { QStringLiteral("name"), QString() },
        { QStringLiteral("item"), item }, { QStringLiteral("values"), values } };
}

QJsonObject trade(const QString &price, const QString &change, const QString &volume)
{
    return QJsonObject { { QStringLiteral("20"), QStringLiteral("100000") }, { QStringLiteral("10"), price },
        { QStringLiteral("11"), change }, { QStringLiteral("15"), volume } };
}

const qint64 T0 = Krx::fromKst(QDate(2025, 3, 10), QTime(10, 0));

} // namespace

class TestSimLiveSource final : public QObject
{
    Q_OBJECT

private slots:
    void framesBecomeEvents()
    {
        SimLiveSource source(QDate(2025, 3, 10));
        int pushed = 0;
        source.setPushed([&] { ++pushed; });
        QCOMPARE(source.pushFrame(T0, QByteArrayLiteral("{\"trnm\":\"PING\"}")), 0);
        QJsonObject book;
        book.insert(QStringLiteral("41"), QStringLiteral("-70100"));
        book.insert(QStringLiteral("61"), QStringLiteral("120"));
        book.insert(QStringLiteral("51"), QStringLiteral("-70000"));
        book.insert(QStringLiteral("71"), QStringLiteral("80"));
        const QJsonArray entries {
            entry(QStringLiteral("0B"), QStringLiteral("005930"),
                trade(QStringLiteral("-70000"), QStringLiteral("-500"), QStringLiteral("-12"))),
            entry(QStringLiteral("0D"), QStringLiteral("005930"), book),
            entry(QStringLiteral("00"), QString(), QJsonObject { { QStringLiteral("9203"), QStringLiteral("1") } }),
            entry(QStringLiteral("04"), QString(), QJsonObject {}),
            entry(QStringLiteral("02"), QStringLiteral("005930"),
                QJsonObject { { QStringLiteral("841"), QStringLiteral("3") },
                    { QStringLiteral("9001"), QStringLiteral("A005930") },
                    { QStringLiteral("843"), QStringLiteral("D") } }),
            entry(QStringLiteral("0s"), QString(), QJsonObject { { QStringLiteral("215"), QStringLiteral("3") } }),
        };
        QCOMPARE(source.pushFrame(T0, real(entries)), 4);
        QCOMPARE(pushed, 1);

        SimSourceEvent e = source.take();
        QCOMPARE(e.kind, SimSourceEvent::Kind::Trade);
        QCOMPARE(e.code, QStringLiteral("005930"));
        QCOMPARE(e.tick.price, qint64(70000));
        QCOMPARE(e.tick.volume, qint64(12));
        QVERIFY(!e.tick.buyInitiated);
        QCOMPARE(e.basePrice, qint64(70500));
        QCOMPARE(e.entry.value(QStringLiteral("type")).toString(), QStringLiteral("0B")); // verbatim
        e = source.take();
        QCOMPARE(e.kind, SimSourceEvent::Kind::Book);
        QCOMPARE(e.book.asks[0].price, qint64(70100));
        QCOMPARE(e.book.bids[0].qty, qint64(80));
        e = source.take();
        QCOMPARE(e.kind, SimSourceEvent::Kind::ConditionHit);
        QCOMPARE(e.seq, QStringLiteral("3"));
        QCOMPARE(e.code, QStringLiteral("005930"));
        QVERIFY(!e.entered);
        e = source.take();
        QCOMPARE(e.kind, SimSourceEvent::Kind::Realtime);
        QVERIFY(source.atEnd());

        // Time never runs backwards inside the source, even when the feed's clock does.
        source.pushFrame(T0 + 5000, real({ entry(QStringLiteral("0s"), QString(), {}) }));
        source.pushFrame(T0 + 4000, real({ entry(QStringLiteral("0s"), QString(), {}) }));
        QCOMPARE(source.take().timeMs, T0 + 5000);
        QCOMPARE(source.take().timeMs, T0 + 5000);
    }

    void theMarketLearnsStocksFromTheFeed()
    {
        SimLiveSource source(QDate(2025, 3, 10));
        SimConfig config;
        config.startTimeMs = T0;
        config.followSessionHours = false;
        SimMarket market(config, &source);
        QCOMPARE(market.stockCount(), 0);
        QVERIFY(market.acceptsOrders()); // always open, like the simulator feed it mirrors

        // Added without a base price (a restored holding): a placeholder until the feed trades it.
        SimStockInfo held;
        held.code = QStringLiteral("000660");
        QCOMPARE(market.ensureStock(held), 0);
        QVERIFY(market.quote(0).basePrice > 0);

        source.pushFrame(T0 + 1000,
            real({ entry(QStringLiteral("0B"), QStringLiteral("005930"),
                       trade(QStringLiteral("+71000"), QStringLiteral("+500"), QStringLiteral("+30"))),
                entry(QStringLiteral("0B"), QStringLiteral("000660"),
                    trade(QStringLiteral("-200000"), QStringLiteral("-1000"), QStringLiteral("-5"))) }));
        market.advanceTo(T0 + 1000);
        QCOMPARE(market.stockCount(), 2);
        const int samsung = market.indexOf(QStringLiteral("005930"));
        QCOMPARE(samsung, 1);
        QCOMPARE(market.quote(samsung).basePrice, qint64(70500));
        QCOMPARE(market.quote(samsung).price, qint64(71000));
        QCOMPARE(market.ticksToday(samsung).size(), 1);
        QCOMPARE(market.quote(0).basePrice, qint64(201000)); // the real base replaced the placeholder
        QCOMPARE(market.quote(0).price, qint64(200000));
    }
};

QTEST_GUILESS_MAIN(TestSimLiveSource)
#include "tst_simlivesource.moc"
