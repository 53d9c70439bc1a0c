// SPDX-License-Identifier: GPL-3.0-or-later
#include "sim/simformat.h"

#include <QtTest>

// Value formats of kiwoom-protocol.md §3.1 and §5.4, as the simulator writes them.
class TestSimFormat final : public QObject
{
    Q_OBJECT

private slots:
    void signedPrices_data()
    {
        QTest::addColumn<qint64>("price");
        QTest::addColumn<qint64>("base");
        QTest::addColumn<QString>("text");
        QTest::newRow("up") << qint64(53500) << qint64(53000) << "+53500";
        QTest::newRow("down") << qint64(20800) << qint64(20850) << "-20800";
        QTest::newRow("unchanged") << qint64(70100) << qint64(70100) << "70100";
    }
    void signedPrices()
    {
        QFETCH(qint64, price);
        QFETCH(qint64, base);
        QFETCH(QString, text);
        QCOMPARE(Sim::signedPrice(price, base), text);
    }

    void numbersAndRates()
    {
        QCOMPARE(Sim::signedNumber(600), QStringLiteral("+600"));
        QCOMPARE(Sim::signedNumber(-50), QStringLiteral("-50"));
        QCOMPARE(Sim::signedNumber(0), QStringLiteral("0"));
        QCOMPARE(Sim::signedRate(0.94), QStringLiteral("+0.94"));
        QCOMPARE(Sim::signedRate(-30.0), QStringLiteral("-30.00"));
        QCOMPARE(Sim::signedRate(0.001), QStringLiteral("0.00"));
        QCOMPARE(Sim::changeRate(20800, 20850), QStringLiteral("-0.24"));
        QCOMPARE(Sim::decimal(46.254, 2), QStringLiteral("46.25"));
        QCOMPARE(Sim::decimal(-0.001, 2), QStringLiteral("0.00"));
    }

    void changeSigns()
    {
        const Krx::PriceLimits limits = Krx::priceLimits(10000);
        QCOMPARE(Sim::changeSign(limits.upper, 10000, limits), QStringLiteral("1"));
        QCOMPARE(Sim::changeSign(10010, 10000, limits), QStringLiteral("2"));
        QCOMPARE(Sim::changeSign(10000, 10000, limits), QStringLiteral("3"));
        QCOMPARE(Sim::changeSign(limits.lower, 10000, limits), QStringLiteral("4"));
        QCOMPARE(Sim::changeSign(9990, 10000, limits), QStringLiteral("5"));
    }

    void paddedAccountFields()
    {
        QCOMPARE(Sim::padded(17534, 12), QStringLiteral("000000017534"));
        QCOMPARE(Sim::padded(-163958, 12), QStringLiteral("-00000163958"));
        QCOMPARE(Sim::padded(17598258, 15), QStringLiteral("000000017598258"));
        QCOMPARE(Sim::padded(-84, 15), QStringLiteral("-00000000000084"));
        QCOMPARE(Sim::padded(-84, 15).size(), 15);
        QCOMPARE(Sim::cnsrNumber(75000), QStringLiteral("000075000"));
        QCOMPARE(Sim::cnsrNumber(-100), QStringLiteral("-00000100"));
        QCOMPARE(Sim::orderNo(138), QStringLiteral("0000138"));
        QCOMPARE(Sim::kst(Krx::fromKst(QDate(2024, 11, 7), QTime(8, 37, 13)), QStringLiteral("yyyyMMddHHmmss")),
            QStringLiteral("20241107083713"));
    }
};

QTEST_GUILESS_MAIN(TestSimFormat)
#include "tst_simformat.moc"
