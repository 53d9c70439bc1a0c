// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiwoom/fieldreader.h"

#include <QJsonDocument>
#include <QtTest>

using Need = FieldReader::Need;

namespace {

QJsonObject obj(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

} // namespace

class TestFieldReader final : public QObject
{
    Q_OBJECT

private slots:
    void readsTypedValues()
    {
        FieldReader r(obj(R"({"cur_prc":"-78800","pred_pre":"-600","flu_rt":"+0.94","dt":"20250908",
                               "cntr_tm":"20250917132000","stk_cd":"A005930","pre_sig":"5","stk_nm":" 삼성전자 "})"),
            QStringLiteral("ka10080"), QStringLiteral("ka10080 stk_min_pole_chart_qry[0]"));
        Kiwoom::Direction dir = Kiwoom::Direction::Unchanged;
        QCOMPARE(r.price(QLatin1String("cur_prc"), Need::Required, &dir), qint64(78800));
        QCOMPARE(dir, Kiwoom::Direction::Down);
        QCOMPARE(r.integer(QLatin1String("pred_pre")), qint64(-600));
        QCOMPARE(r.decimal(QLatin1String("flu_rt")), 0.94);
        QCOMPARE(r.date(QLatin1String("dt")), QDate(2025, 9, 8));
        QCOMPARE(r.dateTimeMs(QLatin1String("cntr_tm")),
            QDateTime(QDate(2025, 9, 17), QTime(4, 20), Qt::UTC).toMSecsSinceEpoch());
        QCOMPARE(r.code(QLatin1String("stk_cd")), QStringLiteral("005930"));
        QCOMPARE(r.changeSign(QLatin1String("pre_sig")), Kiwoom::ChangeSign::Down);
        QCOMPARE(r.text(QLatin1String("stk_nm")).trimmed(), QStringLiteral("삼성전자"));
        QVERIFY(r.ok());
    }

    void malformedNumberNamesTrAndField()
    {
        FieldReader r(
            obj(R"({"cur_prc":"12a"})"), QStringLiteral("ka10081"), QStringLiteral("ka10081 stk_dt_pole_chart_qry[3]"));
        QCOMPARE(r.price(QLatin1String("cur_prc"), Need::Required), qint64(0));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, KiwoomError::Kind::Parse);
        QCOMPARE(r.error().apiId, QStringLiteral("ka10081"));
        QCOMPARE(r.error().message, QStringLiteral("ka10081 stk_dt_pole_chart_qry[3].cur_prc: not a number: \"12a\""));
        QCOMPARE(r.error().toError().code, QStringLiteral("kiwoom.parse"));
    }

    void wrongJsonTypeIsAnError_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("got");
        QTest::newRow("number") << QByteArray(R"({"cur_prc":70100})") << "number";
        QTest::newRow("bool") << QByteArray(R"({"cur_prc":true})") << "bool";
        QTest::newRow("null") << QByteArray(R"({"cur_prc":null})") << "null";
        QTest::newRow("object") << QByteArray(R"({"cur_prc":{}})") << "object";
        QTest::newRow("array") << QByteArray(R"({"cur_prc":["1"]})") << "array";
    }
    void wrongJsonTypeIsAnError()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, got);
        FieldReader r(QJsonDocument::fromJson(json).object(), QStringLiteral("ka10001"), QStringLiteral("ka10001"));
        r.price(QLatin1String("cur_prc"), Need::Optional);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().message, QStringLiteral("ka10001.cur_prc: expected a string, got ") + got);
    }

    void missingAndEmpty()
    {
        {
            FieldReader r(obj(R"({"a":""})"), QStringLiteral("ka10001"), QStringLiteral("ka10001"));
            QCOMPARE(r.integer(QLatin1String("a")), qint64(0)); // optional empty -> default
            QCOMPARE(r.integer(QLatin1String("b")), qint64(0)); // optional missing -> default
            QVERIFY(r.ok());
        }
        {
            FieldReader r(obj(R"({"a":""})"), QStringLiteral("ka10001"), QStringLiteral("ka10001"));
            r.integer(QLatin1String("a"), Need::Required);
            QVERIFY(!r.ok());
            QCOMPARE(r.error().message, QStringLiteral("ka10001.a: empty"));
        }
        {
            FieldReader r(obj(R"({})"), QStringLiteral("ka10001"), QStringLiteral("ka10001"));
            r.integer(QLatin1String("cur_prc"), Need::Required);
            QCOMPARE(r.error().message, QStringLiteral("ka10001.cur_prc: missing"));
        }
    }

    void lenientFieldsWarnInsteadOfFailing()
    {
        FieldReader r(obj(R"({"per":"N/A","roe":"12.5","cur_prc":"+100"})"), QStringLiteral("ka10001"),
            QStringLiteral("ka10001"));
        QCOMPARE(r.decimal(QLatin1String("per"), Need::Lenient), 0.0);
        QCOMPARE(r.decimal(QLatin1String("roe"), Need::Lenient), 12.5);
        QCOMPARE(r.price(QLatin1String("cur_prc"), Need::Required), qint64(100));
        QVERIFY(r.ok());
        QCOMPARE(r.warnings().size(), 1);
        QVERIFY(r.warnings().first().startsWith(QStringLiteral("ka10001.per: ")));
    }

    void firstErrorWins()
    {
        FieldReader r(obj(R"({"a":"x","b":"y"})"), QStringLiteral("ka10001"), QStringLiteral("ka10001"));
        r.integer(QLatin1String("a"));
        r.integer(QLatin1String("b"));
        QVERIFY(r.error().message.startsWith(QStringLiteral("ka10001.a:")));
        // later getters return defaults without touching the error
        QCOMPARE(r.text(QLatin1String("b")), QString());
        QVERIFY(r.error().message.startsWith(QStringLiteral("ka10001.a:")));
    }
};

QTEST_GUILESS_MAIN(TestFieldReader)
#include "tst_fieldreader.moc"
