// SPDX-License-Identifier: GPL-3.0-or-later
// The real kiwoom-trader binary, started headless, runs until SIGTERM/SIGINT and then exits 0
// after closing everything.

#include "controlclient.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

class TestHeadless final : public QObject
{
    Q_OBJECT

private:
    static QString binary()
    {
        const QString dir = qEnvironmentVariable("KT_BIN_DIR");
        return QDir(dir.isEmpty() ? QCoreApplication::applicationDirPath() + QStringLiteral("/../bin") : dir)
            .filePath(QStringLiteral("kiwoom-trader"));
    }

    void runUntilSignal(int sig)
    {
        QTemporaryDir data;
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(binary(),
            { QStringLiteral("--headless"), QStringLiteral("--data-dir"), data.path(), QStringLiteral("--control-port"),
                QStringLiteral("0") });
        QVERIFY2(p.waitForStarted(10000), qPrintable(p.errorString()));
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((out += p.readAll(), out.contains("trading core started")), 20000);
        // The control API's address and key file are printed; the API answers with the key.
        QTRY_VERIFY_WITH_TIMEOUT((out += p.readAll(), out.contains("control API listening on")), 20000);
        static const QRegularExpression url(
            QStringLiteral("control API listening on http://127\\.0\\.0\\.1:(\\d+)/api/v1"));
        const auto m = url.match(QString::fromUtf8(out));
        QVERIFY2(m.hasMatch(), out.constData());
        const QString keyFile = data.filePath(QStringLiteral("control-api-keys.json"));
        QVERIFY(out.contains(keyFile.toUtf8()));
        QFile keys(keyFile);
        QVERIFY(keys.open(QIODevice::ReadOnly));
        ControlClient client(quint16(m.captured(1).toUInt()));
        client.setKey(
            QJsonDocument::fromJson(keys.readAll()).object().value(QStringLiteral("read_key")).toString().toLatin1());
        QCOMPARE(client.get("/api/v1/app/version").status, 200);
        if (sig == SIGTERM) {
            // The chart PNGs are drawn headless too (offscreen platform), once the engine is ready.
            ControlClient::Response png;
            QTRY_VERIFY_WITH_TIMEOUT(
                (png = client.get("/api/v1/chart/image/005930?width=640&height=400"), png.status == 200), 60000);
            QVERIFY2(png.body.startsWith("\x89PNG\r\n"), png.body.left(200).constData());
            const auto strategy = client.get("/api/v1/chart/strategy/005930/rsi");
            QCOMPARE(strategy.status, 200);
            QVERIFY(strategy.body.startsWith("\x89PNG"));
            // A well-formed code the broker does not know: 422 naming the field, like every route.
            const auto unknown = client.get("/api/v1/chart/image/999999");
            QCOMPARE(unknown.status, 422);
            QCOMPARE(unknown.errorCode(), QStringLiteral("invalid_field"));
            QCOMPARE(client.get("/api/v1/chart/strategy/005930/no_such_strategy").status, 404);
        }
        ::kill(pid_t(p.processId()), sig);
        QVERIFY(p.waitForFinished(20000));
        out += p.readAll();
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);
        QVERIFY2(out.contains("stopped cleanly"), out.constData());
        QVERIFY(out.contains("database closed"));
        QVERIFY(QFile::exists(data.filePath(QStringLiteral("logs/kiwoom-trader.log"))));
        const QString db = data.filePath(QStringLiteral("demo/kiwoom-trader.db"));
        QVERIFY(QFile::exists(db));
        QCOMPARE(
            QFile(db).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
    }

private slots:
    // The default run: demo mode against the built-in simulator, through the real client code.
    void demoSessionLogsInListsConditionsAndReceivesTicks()
    {
        QTemporaryDir data;
        {
            QFile ini(data.filePath(QStringLiteral("kiwoom-trader.ini")));
            QVERIFY(ini.open(QIODevice::WriteOnly));
            ini.write("[sim]\nspeed=30\n");
        }
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(binary(),
            { QStringLiteral("--headless"), QStringLiteral("--data-dir"), data.path(), QStringLiteral("--control-port"),
                QStringLiteral("0") });
        QVERIFY(p.waitForStarted(10000));
        QByteArray out;
        const QList<QByteArray> steps = { "demo simulator listening", "token issued", "websocket logged in",
            "conditions: ", "REG 0B for ", "first realtime tick" };
        for (const QByteArray &step : steps)
            QTRY_VERIFY2_WITH_TIMEOUT((out += p.readAll(), out.contains(step)), step.constData(), 30000);
        ::kill(pid_t(p.processId()), SIGTERM);
        QVERIFY(p.waitForFinished(20000));
        out += p.readAll();
        QCOMPARE(p.exitCode(), 0);
        QVERIFY2(out.contains("revoked"), out.constData());
        QVERIFY(out.contains("demo simulator stopped"));

        // Neither the demo keys nor any token reach the log.
        QFile log(data.filePath(QStringLiteral("logs/kiwoom-trader.log")));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QByteArray text = log.readAll();
        QVERIFY(text.contains("first realtime tick"));
        QVERIFY(!text.contains("SIMDEMOappkey"));
        QVERIFY(!text.contains("SIMDEMOsecret"));
        QVERIFY(!out.contains("SIMDEMOsecret"));
        const QRegularExpression tokenField(QStringLiteral("\"token\"\\s*:\\s*\"[^*]"));
        QVERIFY(!tokenField.match(QString::fromUtf8(text)).hasMatch());
    }

    void signalDuringStartupStillStopsCleanly()
    {
        QTemporaryDir data;
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(binary(),
            { QStringLiteral("--headless"), QStringLiteral("--data-dir"), data.path(), QStringLiteral("--control-port"),
                QStringLiteral("0") });
        QVERIFY(p.waitForStarted(10000));
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((out += p.readAll(), out.contains("headless; data dir")), 20000);
        ::kill(pid_t(p.processId()), SIGTERM);
        QVERIFY(p.waitForFinished(20000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);
    }

    void corruptDatabaseRefusesToStartAndIsKept()
    {
        QTemporaryDir data;
        QDir(data.path()).mkpath(QStringLiteral("demo"));
        const QString db = data.filePath(QStringLiteral("demo/kiwoom-trader.db"));
        QByteArray junk("SQLite format 3");
        junk.append(QByteArray(8192, 'x'));
        {
            QFile f(db);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(junk);
        }
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(binary(),
            { QStringLiteral("--headless"), QStringLiteral("--data-dir"), data.path(), QStringLiteral("--control-port"),
                QStringLiteral("0") });
        QVERIFY(p.waitForFinished(20000));
        QCOMPARE(p.exitCode(), 3);
        QVERIFY(p.readAll().contains("nothing will trade"));
        QFile f(db);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), junk);
    }

    // Two instances on one data directory would place every automatic order twice: the second
    // refuses to start and leaves the first (and its database) alone. A crashed instance's lock
    // does not block the next start.
    void secondInstanceRefusesAndACrashedOnesLockIsTakenOver()
    {
        QTemporaryDir data;
        const QStringList args { QStringLiteral("--headless"), QStringLiteral("--data-dir"), data.path(),
            QStringLiteral("--control-port"), QStringLiteral("0") };
        QProcess first;
        first.setProcessChannelMode(QProcess::MergedChannels);
        first.start(binary(), args);
        QVERIFY(first.waitForStarted(10000));
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((out += first.readAll(), out.contains("trading core started")), 20000);

        QProcess second;
        second.setProcessChannelMode(QProcess::MergedChannels);
        second.start(binary(), args);
        QVERIFY(second.waitForFinished(20000));
        const QByteArray refused = second.readAll();
        QCOMPARE(second.exitCode(), 3);
        QVERIFY2(refused.contains("already running"), refused.constData());
        QVERIFY(refused.contains(QByteArray::number(first.processId())));
        QCOMPARE(first.state(), QProcess::Running);

        // A crash (no clean stop) leaves the lock file behind; its process is gone, so it is stale.
        ::kill(pid_t(first.processId()), SIGKILL);
        QVERIFY(first.waitForFinished(20000));
        QVERIFY(QFile::exists(data.filePath(QStringLiteral("demo/kiwoom-trader.lock"))));
        QProcess third;
        third.setProcessChannelMode(QProcess::MergedChannels);
        third.start(binary(), args);
        QVERIFY(third.waitForStarted(10000));
        out.clear();
        QTRY_VERIFY2_WITH_TIMEOUT(
            (out += third.readAll(), out.contains("trading core started")), out.constData(), 20000);
        ::kill(pid_t(third.processId()), SIGTERM);
        QVERIFY(third.waitForFinished(20000));
        QCOMPARE(third.exitCode(), 0);
    }

    void stopsCleanlyOnSigterm() { runUntilSignal(SIGTERM); }
    void stopsCleanlyOnSigint() { runUntilSignal(SIGINT); }

    void versionAndHelp()
    {
        QProcess p;
        p.start(binary(), { QStringLiteral("--version") });
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(p.readAllStandardOutput().startsWith("kiwoom-trader "));
        p.start(binary(), { QStringLiteral("--help") });
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 0);
        const QByteArray help = p.readAllStandardOutput();
        for (const char *opt : { "--headless", "--data-dir", "--mode", "--rest-url", "--ws-url" })
            QVERIFY2(help.contains(opt), opt);
        QVERIFY(help.contains("demo mode"));

        // In the user's language (Korean here), options and all.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("ko_KR.UTF-8"));
        env.insert(QStringLiteral("LANG"), QStringLiteral("ko_KR.UTF-8"));
        p.setProcessEnvironment(env);
        p.start(binary(), { QStringLiteral("--help") });
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 0);
        const QString korean = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(korean.contains(QStringLiteral("데모 모드")), qPrintable(korean));
        QVERIFY(korean.contains(QStringLiteral("--headless")));
    }

    void badArgumentsAreRefused()
    {
        QTemporaryDir data;
        QProcess p;
        p.start(binary(),
            { QStringLiteral("--headless"), QStringLiteral("--data-dir"), data.path(), QStringLiteral("--mode"),
                QStringLiteral("papertrade") });
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardError().contains("--mode must be demo, mock, live or paper"));
    }
};

QTEST_GUILESS_MAIN(TestHeadless)
#include "tst_headless.moc"
