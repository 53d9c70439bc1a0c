// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/settings.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

class TestSettings final : public QObject
{
    Q_OBJECT

private:
    QString writeIni(const QByteArray &content)
    {
        const QString path = m_dir->filePath(QStringLiteral("kt.ini"));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write %s", qPrintable(path));
        f.write(content);
        return path;
    }

    std::unique_ptr<QTemporaryDir> m_dir;

private slots:
    void init() { m_dir = std::make_unique<QTemporaryDir>(); }
    void cleanup() { m_dir.reset(); }

    void defaultsFromTheSeed()
    {
        Settings s(m_dir->filePath(QStringLiteral("fresh.ini")));
        QCOMPARE(s.conditionMonitorIntervalSec(), 600);
        QCOMPARE(s.strategyScanIntervalSec(), 60);
        QCOMPARE(s.scalpingIntervalSec(), 30);
        QCOMPARE(s.stopLossIntervalSec(), 30);
        QCOMPARE(s.watchlistSyncIntervalSec(), 300);
        QCOMPARE(s.buyRetryDelaySec(), 30);
        QCOMPARE(s.buyMaxRetries(), 3);
        QCOMPARE(s.buySweepIntervalSec(), 5);
        QCOMPARE(s.buyOrderType(), QStringLiteral("limit"));
        QVERIFY(!s.setValue(QStringLiteral("trading/buyOrderType"), QStringLiteral("stop")).ok());
        QCOMPARE(s.buyOrderType(), QStringLiteral("limit"));
        QCOMPARE(s.mode(), QStringLiteral("demo"));
        QCOMPARE(s.stopLossRate(), 3.0);
        QCOMPARE(s.takeProfitRate(), 5.0);
        QCOMPARE(s.maxInvestAmount(), qint64(1000000));
        QCOMPARE(s.feeRate(), 0.015);
        QCOMPARE(s.queriesPerSecond(), 5);
        QCOMPARE(s.ordersPerSecond(), 5);
        QVERIFY(!s.autoTradeEnabled());
        QVERIFY(s.problems().isEmpty());
        // Every spec's default passes its own validation.
        for (const Settings::Spec &spec : Settings::specs())
            QVERIFY2(s.validate(spec.key, spec.defaultValue).ok(), qPrintable(spec.key));
    }

    void paperModeAndItsKeys()
    {
        Settings s(m_dir->filePath(QStringLiteral("paper.ini")));
        QCOMPARE(s.paperFeed(), QStringLiteral("mock"));
        QCOMPARE(s.paperInitialCash(), qint64(100'000'000));
        QVERIFY(s.setValue(QStringLiteral("broker/mode"), QStringLiteral("paper")).ok());
        QCOMPARE(s.mode(), QStringLiteral("paper"));
        QVERIFY(s.setValue(QStringLiteral("paper/feed"), QStringLiteral("live")).ok());
        QCOMPARE(s.paperFeed(), QStringLiteral("live"));
        QVERIFY(!s.setValue(QStringLiteral("paper/feed"), QStringLiteral("demo")).ok()); // a feed is Kiwoom
        QVERIFY(s.setValue(QStringLiteral("paper/initialCash"), 30'000'000).ok());
        QCOMPARE(s.paperInitialCash(), qint64(30'000'000));
        QVERIFY(!s.setValue(QStringLiteral("paper/initialCash"), 0).ok());
    }

    void roundTripThroughTheFile()
    {
        const QString path = m_dir->filePath(QStringLiteral("rt.ini"));
        {
            Settings s(path);
            QVERIFY(s.setValue(QStringLiteral("services/strategyScanIntervalSec"), 90).ok());
            QVERIFY(s.setValue(QStringLiteral("trading/stopLossRate"), 2.5).ok());
            QVERIFY(s.setValue(QStringLiteral("trading/autoTradeEnabled"), true).ok());
            QVERIFY(s.setValue(QStringLiteral("trading/maxInvestAmount"), qint64(3500000)).ok());
            QVERIFY(s.setValue(QStringLiteral("broker/mode"), QStringLiteral("mock")).ok());
            QVERIFY(s.setValue(QStringLiteral("ui/language"), QStringLiteral("ko")).ok());
        }
        Settings again(path);
        QCOMPARE(again.strategyScanIntervalSec(), 90);
        QCOMPARE(again.stopLossRate(), 2.5);
        QVERIFY(again.autoTradeEnabled());
        QCOMPARE(again.maxInvestAmount(), qint64(3500000));
        QCOMPARE(again.mode(), QStringLiteral("mock"));
        QCOMPARE(again.language(), QStringLiteral("ko"));
        QVERIFY(again.problems().isEmpty());
    }

    void changedSignalFiresOncePerRealChange()
    {
        Settings s(m_dir->filePath(QStringLiteral("sig.ini")));
        QSignalSpy spy(&s, &Settings::changed);
        QVERIFY(s.setValue(QStringLiteral("services/scalpingIntervalSec"), 45).ok());
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("services/scalpingIntervalSec"));
        QVERIFY(s.setValue(QStringLiteral("services/scalpingIntervalSec"), 45).ok());
        QCOMPARE(spy.count(), 1); // same value: no signal
        s.reset(QStringLiteral("services/scalpingIntervalSec"));
        QCOMPARE(spy.count(), 2);
        QCOMPARE(s.scalpingIntervalSec(), 30);
    }

    void invalidValuesAreRefusedAndChangeNothing_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<QString>("code");
        QTest::newRow("unknown key") << QStringLiteral("nope/key") << QVariant(1)
                                     << QStringLiteral("settings.unknown_key");
        QTest::newRow("interval below minimum")
            << QStringLiteral("services/stopLossIntervalSec") << QVariant(0) << QStringLiteral("settings.invalid");
        QTest::newRow("text for an integer") << QStringLiteral("services/stopLossIntervalSec")
                                             << QVariant(QStringLiteral("soon")) << QStringLiteral("settings.invalid");
        QTest::newRow("fraction for an integer")
            << QStringLiteral("trading/maxInvestAmount") << QVariant(10.5) << QStringLiteral("settings.invalid");
        QTest::newRow("bad mode") << QStringLiteral("broker/mode") << QVariant(QStringLiteral("papertrade"))
                                  << QStringLiteral("settings.invalid");
        QTest::newRow("negative rate") << QStringLiteral("trading/stopLossRate") << QVariant(-3.0)
                                       << QStringLiteral("settings.invalid");
        QTest::newRow("bool gibberish") << QStringLiteral("trading/autoTradeEnabled")
                                        << QVariant(QStringLiteral("maybe")) << QStringLiteral("settings.invalid");
    }
    void invalidValuesAreRefusedAndChangeNothing()
    {
        QFETCH(QString, key);
        QFETCH(QVariant, value);
        QFETCH(QString, code);
        const QString path = m_dir->filePath(QStringLiteral("bad.ini"));
        Settings s(path);
        QSignalSpy spy(&s, &Settings::changed);
        const QVariant before = s.value(key);
        const Status st = s.setValue(key, value);
        QVERIFY(!st.ok());
        QCOMPARE(st.error().code, code);
        QVERIFY(st.error().message.contains(key));
        QCOMPARE(spy.count(), 0);
        QCOMPARE(s.value(key), before);
        QVERIFY(!QFile::exists(path) || !QSettings(path, QSettings::IniFormat).contains(key));
    }

    void brokenFileGivesDefaultsAndWarnings()
    {
        const QString path = writeIni("[services]\n"
                                      "strategyScanIntervalSec=banana\n"
                                      "stopLossIntervalSec=-5\n"
                                      "scalpingIntervalSec=12\n"
                                      "[trading]\n"
                                      "autoTradeEnabled=perhaps\n"
                                      "stopLossRate=1e999\n"
                                      "takeProfitRate=7.5\n"
                                      "[broker]\n"
                                      "mode=papertrade\n");
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("strategyScanIntervalSec")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("stopLossIntervalSec")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("autoTradeEnabled")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("stopLossRate")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("broker/mode")));
        Settings s(path);
        QCOMPARE(s.strategyScanIntervalSec(), 60);
        QCOMPARE(s.stopLossIntervalSec(), 30);
        QCOMPARE(s.scalpingIntervalSec(), 12); // valid keys keep their values
        QVERIFY(!s.autoTradeEnabled());
        QCOMPARE(s.stopLossRate(), 3.0);
        QCOMPARE(s.takeProfitRate(), 7.5);
        QCOMPARE(s.mode(), QStringLiteral("demo"));
        QCOMPARE(s.problems().size(), 5);
        // A valid write repairs the key and clears its problem.
        QVERIFY(s.setValue(QStringLiteral("broker/mode"), QStringLiteral("live")).ok());
        QCOMPARE(s.problems().size(), 4);
    }

    void garbageFileNeverCrashes()
    {
        QByteArray junk;
        for (int i = 0; i < 4096; ++i)
            junk.append(char((i * 7919) % 256));
        const QString path = writeIni(junk);
        Settings s(path);
        for (const Settings::Spec &spec : Settings::specs())
            QVERIFY2(s.validate(spec.key, s.value(spec.key)).ok(), qPrintable(spec.key));
    }
};

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
