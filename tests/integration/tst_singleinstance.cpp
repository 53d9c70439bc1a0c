// SPDX-License-Identifier: GPL-3.0-or-later
// Single instance, between two real processes: the desktop app (offscreen platform) runs on a
// data directory; a second start on the same directory hands "raise" to the first and exits 0
// without starting a second trader; a start on another directory runs on its own.
#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

class TestSingleInstance final : public QObject
{
    Q_OBJECT

    QString bin() const { return QDir(qEnvironmentVariable("KT_BIN_DIR")).filePath(QStringLiteral("kiwoom-trader")); }

    void startGui(QProcess &p, const QString &dataDir)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        p.setProcessEnvironment(env);
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(
            bin(), { QStringLiteral("--data-dir"), dataDir, QStringLiteral("--control-port"), QStringLiteral("0") });
    }

private slots:
    void secondStartRaisesTheFirstAndExits()
    {
        QTemporaryDir dir;
        QProcess first;
        startGui(first, dir.path());
        QVERIFY2(first.waitForStarted(10000), qPrintable(first.errorString()));
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((out += first.readAll(), out.contains("trading core started")), 30000);

        QProcess second;
        startGui(second, dir.path());
        QVERIFY(second.waitForStarted(10000));
        QVERIFY(second.waitForFinished(30000));
        const QByteArray secondOut = second.readAll();
        QCOMPARE(second.exitStatus(), QProcess::NormalExit);
        QCOMPARE(second.exitCode(), 0);
        QVERIFY2(secondOut.contains("already running"), secondOut.constData());
        QVERIFY2(!secondOut.contains("trading core started"), secondOut.constData());
        QTRY_VERIFY_WITH_TIMEOUT((out += first.readAll(), out.contains("asked to raise the window")), 10000);
        QCOMPARE(first.state(), QProcess::Running);

        // Another data directory is another trader.
        QTemporaryDir other;
        QProcess third;
        startGui(third, other.path());
        QVERIFY(third.waitForStarted(10000));
        QByteArray thirdOut;
        QTRY_VERIFY_WITH_TIMEOUT((thirdOut += third.readAll(), thirdOut.contains("trading core started")), 30000);
        third.terminate();
        QVERIFY(third.waitForFinished(30000));

        first.terminate();
        QVERIFY(first.waitForFinished(30000));
        QCOMPARE(first.exitCode(), 0);
    }

    void aCrashedPrimaryDoesNotBlockTheNextStart()
    {
        QTemporaryDir dir;
        QProcess first;
        startGui(first, dir.path());
        QVERIFY(first.waitForStarted(10000));
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((out += first.readAll(), out.contains("trading core started")), 30000);
        first.kill(); // SIGKILL: its socket file stays behind
        QVERIFY(first.waitForFinished(10000));

        QProcess next;
        startGui(next, dir.path());
        QVERIFY(next.waitForStarted(10000));
        QByteArray nextOut;
        QTRY_VERIFY_WITH_TIMEOUT((nextOut += next.readAll(), nextOut.contains("trading core started")), 30000);
        next.terminate();
        QVERIFY(next.waitForFinished(30000));
    }
};

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
