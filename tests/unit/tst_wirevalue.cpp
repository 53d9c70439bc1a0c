// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiwoom/wirevalue.h"
#include "market/krx.h"

#include <QtTest>

using Kiwoom::Direction;

// Every value format of protocol §3.1 (and the condition-search / list padding) through the one
// parser, plus the malformed inputs that must be errors rather than numbers.
class TestWireValue final : public QObject
{
    Q_OBJECT

private slots:
    void integers_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("value");
        QTest::addColumn<qint64>("magnitude");
        QTest::addColumn<int>("direction");
        QTest::newRow("signed up price +53500") << "+53500" << qint64(53500) << qint64(53500) << int(Direction::Up);
        QTest::newRow("signed down price -20800")
            << "-20800" << qint64(-20800) << qint64(20800) << int(Direction::Down);
        QTest::newRow("minus zero -0") << "-0" << qint64(0) << qint64(0) << int(Direction::Down);
        QTest::newRow("plus zero +0") << "+0" << qint64(0) << qint64(0) << int(Direction::Up);
        QTest::newRow("leading space ' 67300'")
            << " 67300" << qint64(67300) << qint64(67300) << int(Direction::Unchanged);
        QTest::newRow("unsigned 70100") << "70100" << qint64(70100) << qint64(70100) << int(Direction::Unchanged);
        QTest::newRow("12-wide padded 000000017534")
            << "000000017534" << qint64(17534) << qint64(17534) << int(Direction::Unchanged);
        QTest::newRow("12-wide sign inside -00000163958")
            << "-00000163958" << qint64(-163958) << qint64(163958) << int(Direction::Down);
        QTest::newRow("15-wide padded 000000017598258")
            << "000000017598258" << qint64(17598258) << qint64(17598258) << int(Direction::Unchanged);
        QTest::newRow("15-wide negative -00000000000084")
            << "-00000000000084" << qint64(-84) << qint64(84) << int(Direction::Down);
        QTest::newRow("15-wide P&L -00000000196888")
            << "-00000000196888" << qint64(-196888) << qint64(196888) << int(Direction::Down);
        QTest::newRow("15-wide qty 000000000000003")
            << "000000000000003" << qint64(3) << qint64(3) << int(Direction::Unchanged);
        QTest::newRow("12-wide price 000000059000")
            << "000000059000" << qint64(59000) << qint64(59000) << int(Direction::Unchanged);
        QTest::newRow("9-char condition price 000075000")
            << "000075000" << qint64(75000) << qint64(75000) << int(Direction::Unchanged);
        QTest::newRow("9-char condition change -00000100")
            << "-00000100" << qint64(-100) << qint64(100) << int(Direction::Down);
        QTest::newRow("9-char condition volume 010386116")
            << "010386116" << qint64(10386116) << qint64(10386116) << int(Direction::Unchanged);
        QTest::newRow("16-digit listCount 0000000123759593")
            << "0000000123759593" << qint64(123759593) << qint64(123759593) << int(Direction::Unchanged);
        QTest::newRow("8-digit lastPrice 00000197")
            << "00000197" << qint64(197) << qint64(197) << int(Direction::Unchanged);
        QTest::newRow("signed volume +82") << "+82" << qint64(82) << qint64(82) << int(Direction::Up);
        QTest::newRow("trailing space") << "123 " << qint64(123) << qint64(123) << int(Direction::Unchanged);
        QTest::newRow("leading space before the sign ' -0050'")
            << " -0050" << qint64(-50) << qint64(50) << int(Direction::Down);
        QTest::newRow("largest qint64") << "9223372036854775807" << qint64(9223372036854775807LL)
                                        << qint64(9223372036854775807LL) << int(Direction::Unchanged);
    }
    void integers()
    {
        QFETCH(QString, text);
        QFETCH(qint64, value);
        QFETCH(qint64, magnitude);
        QFETCH(int, direction);
        const auto v = Kiwoom::parseInteger(text);
        QVERIFY2(v.ok(), qPrintable(v.ok() ? QString() : v.error().message));
        QCOMPARE(*v, value);
        const auto m = Kiwoom::parseSignedMagnitude(text);
        QVERIFY(m.ok());
        QCOMPARE(m->magnitude, magnitude);
        QCOMPARE(int(m->direction), direction);
        QVERIFY(m->magnitude >= 0);
    }

    void integerErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << "";
        QTest::newRow("spaces only") << "   ";
        QTest::newRow("lone minus") << "-";
        QTest::newRow("lone plus") << "+";
        QTest::newRow("letters") << "12a";
        QTest::newRow("garbage") << "abc";
        QTest::newRow("double sign") << "--5";
        QTest::newRow("plus minus") << "+-5";
        QTest::newRow("sign after digits") << "000-123";
        QTest::newRow("inner space") << "1 2";
        QTest::newRow("space after sign") << "- 5";
        QTest::newRow("decimal for an integer") << "1.5";
        QTest::newRow("comma grouping") << "1,234";
        QTest::newRow("exponent") << "1e5";
        QTest::newRow("hex") << "0x10";
        QTest::newRow("overflow") << "9223372036854775808";
        QTest::newRow("way too long") << "123456789012345678901234567890";
        QTest::newRow("full-width digits") << QString::fromUtf8("１２３");
        QTest::newRow("nan") << "nan";
    }
    void integerErrors()
    {
        QFETCH(QString, text);
        const auto v = Kiwoom::parseInteger(text);
        QVERIFY(!v.ok());
        QCOMPARE(v.error().code, QStringLiteral("kiwoom.parse"));
        QVERIFY(v.error().message.contains(QLatin1Char('"') + text + QLatin1Char('"')));
        QVERIFY(!Kiwoom::parseSignedMagnitude(text).ok());
    }

    void decimals_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("value");
        QTest::newRow("+0.94") << "+0.94" << 0.94;
        QTest::newRow("-30.00") << "-30.00" << -30.0;
        QTest::newRow("+30.00") << "+30.00" << 30.0;
        QTest::newRow("97602.9573459") << "97602.9573459" << 97602.9573459;
        QTest::newRow("97602.96") << "97602.96" << 97602.96;
        QTest::newRow("-43.8977") << "-43.8977" << -43.8977;
        QTest::newRow("46.25") << "46.25" << 46.25;
        QTest::newRow("-0.24") << "-0.24" << -0.24;
        QTest::newRow("+0.16") << "+0.16" << 0.16;
        QTest::newRow("-52.71") << "-52.71" << -52.71;
        QTest::newRow("integer 5") << "5" << 5.0;
        QTest::newRow("-0 is zero") << "-0" << 0.0;
        QTest::newRow("-0.00 is zero") << "-0.00" << 0.0;
        QTest::newRow("padded -00000043.89") << "-00000043.89" << -43.89;
        QTest::newRow("leading space") << " 1.5" << 1.5;
        QTest::newRow("59813.0426541") << "59813.0426541" << 59813.0426541;
    }
    void decimals()
    {
        QFETCH(QString, text);
        QFETCH(double, value);
        const auto v = Kiwoom::parseDecimal(text);
        QVERIFY2(v.ok(), qPrintable(v.ok() ? QString() : v.error().message));
        QCOMPARE(*v, value);
        QVERIFY(!std::signbit(*v) || *v != 0); // never negative zero
    }

    void decimalErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << "";
        QTest::newRow("dot only") << ".";
        QTest::newRow("no integer part") << ".5";
        QTest::newRow("no fraction") << "1.";
        QTest::newRow("two dots") << "1.2.3";
        QTest::newRow("letters") << "1.2a";
        QTest::newRow("exponent") << "1e5";
        QTest::newRow("comma decimal") << "1,5";
        QTest::newRow("nan") << "nan";
        QTest::newRow("inf") << "inf";
        QTest::newRow("percent sign") << "0.94%";
        QTest::newRow("double sign") << "--1.0";
        QTest::newRow("lone sign") << "-";
    }
    void decimalErrors()
    {
        QFETCH(QString, text);
        const auto v = Kiwoom::parseDecimal(text);
        QVERIFY(!v.ok());
        QCOMPARE(v.error().code, QStringLiteral("kiwoom.parse"));
    }

    void changeSign()
    {
        QCOMPARE(*Kiwoom::parseChangeSign(u"1"), Kiwoom::ChangeSign::UpperLimit);
        QCOMPARE(*Kiwoom::parseChangeSign(u"2"), Kiwoom::ChangeSign::Up);
        QCOMPARE(*Kiwoom::parseChangeSign(u"3"), Kiwoom::ChangeSign::Unchanged);
        QCOMPARE(*Kiwoom::parseChangeSign(u"4"), Kiwoom::ChangeSign::LowerLimit);
        QCOMPARE(*Kiwoom::parseChangeSign(u"5"), Kiwoom::ChangeSign::Down);
        QCOMPARE(*Kiwoom::parseChangeSign(u"0"), Kiwoom::ChangeSign::None);
        QVERIFY(!Kiwoom::parseChangeSign(u"6").ok());
        QVERIFY(!Kiwoom::parseChangeSign(u"+2").ok());
        QVERIFY(!Kiwoom::parseChangeSign(u"").ok());
    }

    void datesAndTimes()
    {
        QCOMPARE(*Kiwoom::parseDate(u"20250908"), QDate(2025, 9, 8));
        QVERIFY(!Kiwoom::parseDate(u"20250231").ok()); // 31 February
        QVERIFY(!Kiwoom::parseDate(u"2025098").ok());
        QVERIFY(!Kiwoom::parseDate(u"2025-09-08").ok());
        QCOMPARE(*Kiwoom::parseTime(u"130429"), QTime(13, 4, 29));
        QVERIFY(!Kiwoom::parseTime(u"246000").ok());
        QVERIFY(!Kiwoom::parseTime(u"13042").ok());
        // cntr_tm "20250917132000" is KST: 04:20 UTC.
        const auto ms = Kiwoom::parseKstDateTime(u"20250917132000");
        QVERIFY(ms.ok());
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC), QDateTime(QDate(2025, 9, 17), QTime(4, 20), Qt::UTC));
        // expires_dt of the au10001 example
        const auto exp = Kiwoom::parseKstDateTime(u"20241107083713");
        QCOMPARE(
            QDateTime::fromMSecsSinceEpoch(*exp, Qt::UTC), QDateTime(QDate(2024, 11, 6), QTime(23, 37, 13), Qt::UTC));
        QVERIFY(!Kiwoom::parseKstDateTime(u"2024110708371").ok());
        QVERIFY(!Kiwoom::parseKstDateTime(u"20241107083760").ok());
    }

    void timeNearReference()
    {
        // Received 2025-09-17 10:00 KST: "095959" is the same day.
        const qint64 ref = Krx::fromKst(QDate(2025, 9, 17), QTime(10, 0));
        QCOMPARE(*Kiwoom::parseKstTimeNear(u"095959", ref), Krx::fromKst(QDate(2025, 9, 17), QTime(9, 59, 59)));
        // Received just after midnight KST: "235959" belongs to the previous day.
        const qint64 afterMidnight = Krx::fromKst(QDate(2025, 9, 18), QTime(0, 0, 5));
        QCOMPARE(
            *Kiwoom::parseKstTimeNear(u"235959", afterMidnight), Krx::fromKst(QDate(2025, 9, 17), QTime(23, 59, 59)));
        // Received just before midnight: "000001" belongs to the next day.
        const qint64 beforeMidnight = Krx::fromKst(QDate(2025, 9, 17), QTime(23, 59, 58));
        QCOMPARE(
            *Kiwoom::parseKstTimeNear(u"000001", beforeMidnight), Krx::fromKst(QDate(2025, 9, 18), QTime(0, 0, 1)));
    }

    void codes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("code");
        QTest::newRow("plain") << "005930"
                               << "005930";
        QTest::newRow("A prefix (stock)") << "A005930"
                                          << "005930";
        QTest::newRow("J prefix (ELW)") << "J550001"
                                        << "550001";
        QTest::newRow("Q prefix (ETN)") << "Q500001"
                                        << "500001";
        QTest::newRow("NXT suffix") << "005930_NX"
                                    << "005930";
        QTest::newRow("SOR suffix") << "005930_AL"
                                    << "005930";
        QTest::newRow("alphanumeric code") << "0126Z0"
                                           << "0126Z0";
        QTest::newRow("spaces") << " A005930 "
                                << "005930";
    }
    void codes()
    {
        QFETCH(QString, text);
        QFETCH(QString, code);
        const auto c = Kiwoom::normalizeCode(text);
        QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().message));
        QCOMPARE(*c, code);
    }

    void codeErrors()
    {
        QVERIFY(!Kiwoom::normalizeCode(u"").ok());
        QVERIFY(!Kiwoom::normalizeCode(u"59300").ok());
        QVERIFY(!Kiwoom::normalizeCode(u"B005930").ok());
        QVERIFY(!Kiwoom::normalizeCode(u"00593O!").ok());
        QVERIFY(!Kiwoom::normalizeCode(u"삼성전자").ok());
    }
};

QTEST_GUILESS_MAIN(TestWireValue)
#include "tst_wirevalue.moc"
