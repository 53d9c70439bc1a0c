// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/logging.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

class TestLogging final : public QObject
{
    Q_OBJECT

private:
    static QByteArray readAll(const QString &path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return f.readAll();
    }

private slots:
    void cleanup() { Logging::uninstall(); }

    void registeredSecretsAreMasked()
    {
        const QString key = QStringLiteral("AxserEsdcredcaKEY1234567890");
        Redaction::addSecret(key);
        const QString out = Redaction::redact(QStringLiteral("using app key %1 for login").arg(key));
        QVERIFY(!out.contains(key));
        QVERIFY(out.contains(QStringLiteral("***")));
        Redaction::removeSecret(key);
        QVERIFY(Redaction::redact(key).contains(key));
    }

    void credentialShapesAreMaskedUnregistered_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("secret");
        QTest::newRow("bearer header") << QStringLiteral("authorization: Bearer WQJCwyqInphKnR3bSRtB9NE1lv")
                                       << QStringLiteral("WQJCwyqInphKnR3bSRtB9NE1lv");
        QTest::newRow("json token") << QStringLiteral(R"({"expires_dt":"20241107083713","token":"WQJCwyqIn-_x"})")
                                    << QStringLiteral("WQJCwyqIn-_x");
        QTest::newRow("json appkey") << QStringLiteral(R"({"grant_type":"client_credentials","appkey": "AxserEsd"})")
                                     << QStringLiteral("AxserEsd");
        QTest::newRow("json secretkey") << QStringLiteral(R"({"secretkey":"SEefdcwcforehDre2fdvc"})")
                                        << QStringLiteral("SEefdcwcforehDre2fdvc");
        QTest::newRow("ws login") << QStringLiteral(R"({"trnm":"LOGIN","token":"abcDEF123_-xyz"})")
                                  << QStringLiteral("abcDEF123_-xyz");
        QTest::newRow("query string") << QStringLiteral("GET /x?appkey=ZZZ999&y=1") << QStringLiteral("ZZZ999");
    }
    void credentialShapesAreMaskedUnregistered()
    {
        QFETCH(QString, text);
        QFETCH(QString, secret);
        const QString out = Redaction::redact(text);
        QVERIFY2(!out.contains(secret), qPrintable(out));
        QVERIFY(out.contains(QStringLiteral("***")));
    }

    void ordinaryTextIsUntouched()
    {
        const QString text = QStringLiteral("ka10081 005930 page 2 of 3, cont-yn=Y, price -78800");
        QCOMPARE(Redaction::redact(text), text);
    }

    void fingerprintNeverContainsTheSecret()
    {
        const QString secret = QStringLiteral("SEefdcwcforehDre2fdvc");
        const QString fp = Redaction::fingerprint(secret);
        QVERIFY(!fp.contains(secret));
        QCOMPARE(fp, Redaction::fingerprint(secret));
        QVERIFY(fp != Redaction::fingerprint(secret + QLatin1Char('x')));
    }

    void fileSinkRedactsAndRotates()
    {
        QTemporaryDir dir;
        Logging::Options o;
        o.logDir = dir.filePath(QStringLiteral("logs"));
        o.maxBytes = 2000;
        o.keepFiles = 3;
        o.echoToStderr = false;
        Logging::install(o);
        const QString token = QStringLiteral("TOKENabcdefghijklmnop0123456789");
        Redaction::addSecret(token);
        for (int i = 0; i < 200; ++i)
            qCInfo(lcRest).noquote() << "request" << i << "with token" << token;
        const QString base = QDir(o.logDir).filePath(QStringLiteral("kiwoom-trader.log"));
        QCOMPARE(Logging::currentLogFile(), base);
        QVERIFY(QFile::exists(base));
        QVERIFY(QFile::exists(base + QStringLiteral(".1")));
        QVERIFY(QFile::exists(base + QStringLiteral(".3")));
        QVERIFY(!QFile::exists(base + QStringLiteral(".4")));
        QByteArray all;
        const QStringList files
            = { base, base + QStringLiteral(".1"), base + QStringLiteral(".2"), base + QStringLiteral(".3") };
        for (const QString &p : files) {
            const QByteArray bytes = readAll(p);
            QVERIFY(bytes.size() <= o.maxBytes);
            all += bytes;
        }
        QVERIFY(!all.contains(token.toUtf8()));
        QVERIFY(all.contains("[kt.kiwoom.rest] request 199 with token ***"));
        QVERIFY(QFile(base).permissions().testFlag(QFileDevice::ReadOwner));
        QVERIFY(!QFile(base).permissions().testFlag(QFileDevice::ReadOther));
        Redaction::removeSecret(token);
    }
};

QTEST_GUILESS_MAIN(TestLogging)
#include "tst_logging.moc"
