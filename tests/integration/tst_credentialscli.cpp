// SPDX-License-Identifier: GPL-3.0-or-later
// `kiwoom-trader credentials set|show|clear`, the real binary, on a machine without a keychain
// service (temp HOME and XDG dirs, no D-Bus session): the keys are read from stdin (not a tty),
// land in the owner-only (0600) file next to the settings, `show` prints fingerprints and never a
// secret, the headless trader in mock mode reads them from there (its log names the app key's
// fingerprint), `clear` removes them, and no secret appears in any output or log file.
// Also: the sample systemd user unit is well-formed (systemd-analyze verify when available).
#include "common/logging.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <sys/stat.h>

using namespace Qt::StringLiterals;

class TestCredentialsCli final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    const QByteArray m_appKey = "PSappKEY0123456789abcdefTEST";
    const QByteArray m_secret = "sEcReT9876543210zyxwvuTESTsecret";

    static QString binary()
    {
        const QString dir = qEnvironmentVariable("KT_BIN_DIR");
        return QDir(dir.isEmpty() ? QCoreApplication::applicationDirPath() + u"/../bin"_s : dir)
            .filePath(u"kiwoom-trader"_s);
    }

    QProcessEnvironment env() const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(u"HOME"_s, m_home.path());
        e.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s));
        e.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u"data"_s));
        e.insert(u"XDG_CACHE_HOME"_s, m_home.filePath(u"cache"_s));
        e.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        for (const QString &k : { u"DBUS_SESSION_BUS_ADDRESS"_s, u"XDG_RUNTIME_DIR"_s, u"DISPLAY"_s, u"KIWOOM_APPKEY"_s,
                 u"KIWOOM_SECRETKEY"_s })
            e.remove(k);
        return e;
    }

    struct Run
    {
        int code = -1;
        QByteArray out;
        QByteArray err;
    };

    Run run(const QStringList &args, const QByteArray &input = {}) const
    {
        QProcess p;
        p.setProcessEnvironment(env());
        p.start(binary(), args);
        if (!p.waitForStarted(10000))
            return {};
        p.write(input);
        p.closeWriteChannel();
        if (!p.waitForFinished(60000))
            p.kill();
        Run r;
        r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

    QString dataDir() const { return m_home.filePath(u"trader"_s); }
    QString secretsFile() const { return QDir(dataDir()).filePath(u"credentials.json"_s); }

    void verifyNoSecret(const QByteArray &text, const char *where) const
    {
        QVERIFY2(!text.contains(m_secret), where);
        QVERIFY2(!text.contains(m_appKey), where);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        QVERIFY2(QFile::exists(binary()), qPrintable(binary()));
    }

    void badUsageIsExit2()
    {
        QCOMPARE(run({ u"credentials"_s }).code, 2);
        QCOMPARE(run({ u"credentials"_s, u"set"_s, u"--mode"_s, u"demo"_s, u"--data-dir"_s, dataDir() }).code, 2);
        QCOMPARE(
            run({ u"credentials"_s, u"set"_s, u"--mode"_s, u"mock"_s, u"--data-dir"_s, dataDir() }, "onlyone\n").code,
            2);
        QVERIFY(!QFile::exists(secretsFile()));
    }

    void setStoresInAnOwnerOnlyFileWithAWarning()
    {
        const Run r = run({ u"credentials"_s, u"set"_s, u"--mode"_s, u"mock"_s, u"--data-dir"_s, dataDir() },
            m_appKey + '\n' + m_secret + '\n');
        QVERIFY2(r.code == 0, QByteArray(r.out + r.err).constData());
        QVERIFY2(r.err.contains("UNENCRYPTED") && r.err.contains(secretsFile().toUtf8()), r.err.constData());
        verifyNoSecret(r.out + r.err, "set output");
        QVERIFY(r.out.contains(Redaction::fingerprint(QString::fromLatin1(m_appKey)).toUtf8()));

        struct stat st
        {
        };
        QCOMPARE(::stat(QFile::encodeName(secretsFile()).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, mode_t(0600));
        QFile f(secretsFile());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray content = f.readAll();
        QVERIFY(content.contains(m_secret)); // the file is the store
    }

    void showPrintsFingerprintsOnly()
    {
        const Run r = run({ u"credentials"_s, u"show"_s, u"--data-dir"_s, dataDir() });
        QVERIFY2(r.code == 0, QByteArray(r.out + r.err).constData());
        verifyNoSecret(r.out + r.err, "show output");
        QVERIFY2(r.out.contains(Redaction::fingerprint(QString::fromLatin1(m_appKey)).toUtf8()), r.out.constData());
        QVERIFY(r.out.contains(Redaction::fingerprint(QString::fromLatin1(m_secret)).toUtf8()));
        QVERIFY(r.out.contains("live:"));
        QVERIFY(r.out.contains("not set")); // live
    }

    void headlessMockModeReadsThem()
    {
        // A closed loopback port: the session fails to connect, after the credentials were read.
        QProcess p;
        p.setProcessEnvironment(env());
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(binary(),
            { u"--headless"_s, u"--mode"_s, u"mock"_s, u"--data-dir"_s, dataDir(), u"--control-port"_s, u"0"_s,
                u"--rest-url"_s, u"http://127.0.0.1:9"_s, u"--ws-url"_s, u"ws://127.0.0.1:9/ws"_s });
        QVERIFY(p.waitForStarted(10000));
        QByteArray out;
        const QByteArray fingerprint = Redaction::fingerprint(QString::fromLatin1(m_appKey)).toUtf8();
        QTRY_VERIFY2_WITH_TIMEOUT(
            (out += p.readAll(), out.contains("credentials for mock loaded")), out.constData(), 30000);
        QVERIFY(out.contains(fingerprint));
        ::kill(pid_t(p.processId()), SIGTERM);
        QVERIFY(p.waitForFinished(30000));
        out += p.readAll();
        verifyNoSecret(out, "headless output");
    }

    void clearRemovesThem()
    {
        Run r = run({ u"credentials"_s, u"clear"_s, u"--mode"_s, u"mock"_s, u"--data-dir"_s, dataDir() });
        QVERIFY2(r.code == 0, QByteArray(r.out + r.err).constData());
        r = run({ u"credentials"_s, u"show"_s, u"--mode"_s, u"mock"_s, u"--data-dir"_s, dataDir() });
        QCOMPARE(r.code, 0);
        QVERIFY(!r.out.contains(Redaction::fingerprint(QString::fromLatin1(m_appKey)).toUtf8()));
        QFile f(secretsFile());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.readAll().contains(m_secret));
    }

    void noSecretInAnyLog()
    {
        QDirIterator it(m_home.path(), QDir::Files, QDirIterator::Subdirectories);
        int logs = 0;
        while (it.hasNext()) {
            const QString path = it.next();
            if (path == secretsFile())
                continue;
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray content = f.readAll();
            QVERIFY2(!content.contains(m_secret) && !content.contains(m_appKey), qPrintable(path));
            logs += path.endsWith(u".log"_s);
        }
        QVERIFY(logs > 0);
    }

    void systemdUnitIsWellFormed()
    {
        const QString unit = QFINDTESTDATA("../../packaging/kiwoom-trader.service");
        QVERIFY(!unit.isEmpty());
        QFile f(unit);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        for (const QByteArray &line : { "ExecStart=/usr/bin/kiwoom-trader --headless --start all"_ba,
                 "Restart=on-failure"_ba, "KillSignal=SIGTERM"_ba, "TimeoutStopSec="_ba, "WantedBy=default.target"_ba })
            QVERIFY2(text.contains(line), line.constData());
        const QString analyze = QStandardPaths::findExecutable(u"systemd-analyze"_s);
        if (analyze.isEmpty())
            QSKIP("systemd-analyze not installed; the file check passed");
        // ExecStart must exist for verify: the same unit with /bin/true.
        QTemporaryDir dir;
        QFile copy(dir.filePath(u"kiwoom-trader.service"_s));
        QVERIFY(copy.open(QIODevice::WriteOnly));
        copy.write(QByteArray(text).replace("/usr/bin/kiwoom-trader", "/bin/true"));
        copy.close();
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(analyze, { u"verify"_s, u"--man=no"_s, copy.fileName() });
        QVERIFY(p.waitForFinished(30000));
        const QByteArray out = p.readAll();
        if (p.exitCode() != 0 && out.contains("Failed to initialize manager"))
            QSKIP("systemd-analyze cannot run here");
        QVERIFY2(p.exitCode() == 0 && !out.contains(copy.fileName().toUtf8()), out.constData());
    }
};

QTEST_GUILESS_MAIN(TestCredentialsCli)
#include "tst_credentialscli.moc"
