// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/activitylog.h"
#include "common/logging.h"

#include <QSignalSpy>
#include <QtTest>

class TestActivityLog final : public QObject
{
    Q_OBJECT

private slots:
    void idsIncreaseAndSinceReturnsNewerEntries()
    {
        ActivityLog log(100);
        QSignalSpy spy(&log, &ActivityLog::entryAdded);
        const qint64 a = log.add(ActivityLog::Level::Info, QStringLiteral("app"), QStringLiteral("started"), 1000);
        const qint64 b = log.add(ActivityLog::Level::Trade, QStringLiteral("orders"), QStringLiteral("bought"), 2000);
        QCOMPARE(b, a + 1);
        QCOMPARE(spy.count(), 2);
        const auto newer = log.since(a);
        QCOMPARE(newer.size(), 1);
        QCOMPARE(newer.first().message, QStringLiteral("bought"));
        QCOMPARE(newer.first().level, ActivityLog::Level::Trade);
        QCOMPARE(log.since(0).size(), 2);
        QCOMPARE(log.since(b).size(), 0);
        QCOMPARE(log.lastId(), b);
    }

    void ringBufferKeepsTheNewest()
    {
        ActivityLog log(10);
        for (int i = 0; i < 25; ++i)
            log.add(ActivityLog::Level::Info, QStringLiteral("t"), QString::number(i));
        QCOMPARE(log.size(), 10);
        const auto all = log.since(0);
        QCOMPARE(all.size(), 10);
        QCOMPARE(all.first().message, QStringLiteral("15"));
        QCOMPARE(all.last().message, QStringLiteral("24"));
        QCOMPARE(log.since(20).size(), 5); // ids 21..25
        QCOMPARE(log.since(0, 3).size(), 3);
    }

    void secretsNeverStored()
    {
        ActivityLog log;
        const QString token = QStringLiteral("tok_ABCDEFGHIJKLMNOP");
        Redaction::addSecret(token);
        log.add(ActivityLog::Level::Error, QStringLiteral("kiwoom"), QStringLiteral("login failed for ") + token);
        QVERIFY(!log.since(0).first().message.contains(token));
        Redaction::removeSecret(token);
    }
};

QTEST_GUILESS_MAIN(TestActivityLog)
#include "tst_activitylog.moc"
