// SPDX-License-Identifier: GPL-3.0-or-later
// The Debian package, as a user installs it: cpack builds the .deb from this build tree, it is
// unpacked into a temporary root (dpkg-deb -x), and the unpacked kiwoom-trader runs (--version, a
// --headless start stopped by SIGTERM); the desktop entry and the AppStream metainfo validate; the
// dependencies were computed (shlibdeps) and name the run-time Qt plugins; lintian reports no
// error. Tools missing from the machine skip their check with a message (install-deps installs
// them all).
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

namespace {
struct Run
{
    int code = -1;
    QByteArray out;
};

Run run(const QString &program, const QStringList &args, int timeoutMs = 300000, const QString &cwd = {})
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    if (!cwd.isEmpty())
        p.setWorkingDirectory(cwd);
    p.start(program, args);
    if (!p.waitForStarted(10000))
        return { -1, p.errorString().toUtf8() };
    p.waitForFinished(timeoutMs);
    return { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2, p.readAll() };
}
} // namespace

class TestPackage final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_work;
    QString m_deb;
    QString m_root;

private slots:
    void initTestCase()
    {
        const QString buildDir = QFileInfo(qEnvironmentVariable("KT_BIN_DIR")).absolutePath();
        QVERIFY2(QFileInfo::exists(buildDir + QStringLiteral("/CPackConfig.cmake")), qPrintable(buildDir));
        if (QStandardPaths::findExecutable(QStringLiteral("dpkg-deb")).isEmpty())
            QSKIP("dpkg-deb is not installed");
        // The man pages and changelog are compressed by a build target that ctest does not run.
        const Run docs = run(QStringLiteral("cmake"),
            { QStringLiteral("--build"), buildDir, QStringLiteral("--target"), QStringLiteral("kt_packaging_docs") });
        QVERIFY2(docs.code == 0, docs.out.constData());
        const Run cpack = run(QStringLiteral("cpack"),
            { QStringLiteral("--config"), buildDir + QStringLiteral("/CPackConfig.cmake"), QStringLiteral("-G"),
                QStringLiteral("DEB"), QStringLiteral("-B"), m_work.path() },
            600000, buildDir);
        QVERIFY2(cpack.code == 0, cpack.out.constData());
        const QStringList debs = QDir(m_work.path()).entryList({ QStringLiteral("kiwoom-trader_*.deb") });
        QCOMPARE(debs.size(), 1);
        m_deb = QDir(m_work.path()).filePath(debs.first());
        m_root = m_work.filePath(QStringLiteral("root"));
        const Run x = run(QStringLiteral("dpkg-deb"), { QStringLiteral("-x"), m_deb, m_root });
        QVERIFY2(x.code == 0, x.out.constData());
    }

    void installsTheFilesOfADesktopProgram()
    {
        for (const char *path :
            { "usr/bin/kiwoom-trader", "usr/bin/kiwoom-sim", "usr/share/applications/kiwoom-trader.desktop",
                "usr/share/metainfo/io.github.kiwoom_trader.KiwoomTrader.metainfo.xml",
                "usr/share/icons/hicolor/scalable/apps/kiwoom-trader.svg",
                "usr/share/icons/hicolor/48x48/apps/kiwoom-trader.png",
                "usr/share/icons/hicolor/256x256/apps/kiwoom-trader.png", "usr/share/man/man1/kiwoom-trader.1.gz",
                "usr/share/man/man1/kiwoom-sim.1.gz", "usr/share/doc/kiwoom-trader/copyright" }) {
            QVERIFY2(QFileInfo::exists(QDir(m_root).filePath(QString::fromLatin1(path))), path);
        }
        QVERIFY(QFileInfo(QDir(m_root).filePath(QStringLiteral("usr/bin/kiwoom-trader"))).isExecutable());
    }

    void dependenciesAreComputedAndNameThePlugins()
    {
        const Run f = run(QStringLiteral("dpkg-deb"), { QStringLiteral("-f"), m_deb, QStringLiteral("Depends") });
        QCOMPARE(f.code, 0);
        QVERIFY2(f.out.contains("libqt6core6"), f.out.constData()); // from dpkg-shlibdeps
        QVERIFY2(f.out.contains("libqt6widgets6"), f.out.constData());
        QVERIFY2(f.out.contains("libqt6sql6-sqlite"), f.out.constData());
        QVERIFY2(f.out.contains("libqt6svg6"), f.out.constData());
        QVERIFY2(!f.out.contains("-dev"), f.out.constData());
    }

    void theUnpackedProgramRuns()
    {
        const QString bin = QDir(m_root).filePath(QStringLiteral("usr/bin/kiwoom-trader"));
        const Run v = run(bin, { QStringLiteral("--version") }, 30000);
        QCOMPARE(v.code, 0);
        QVERIFY2(v.out.contains(KT_VERSION), v.out.constData());

        QTemporaryDir data;
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(bin,
            { QStringLiteral("--headless"), QStringLiteral("--data-dir"), data.path(), QStringLiteral("--control-port"),
                QStringLiteral("0") });
        QVERIFY(p.waitForStarted(10000));
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((out += p.readAll(), out.contains("control API listening on")), 30000);
        p.terminate();
        QVERIFY(p.waitForFinished(30000));
        out += p.readAll();
        QCOMPARE(p.exitCode(), 0);
        QVERIFY2(out.contains("stopped cleanly"), out.constData());
    }

    void desktopEntryAndMetainfoValidate()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("desktop-file-validate")).isEmpty())
            QSKIP("desktop-file-validate is not installed");
        const Run d = run(QStringLiteral("desktop-file-validate"),
            { QDir(m_root).filePath(QStringLiteral("usr/share/applications/kiwoom-trader.desktop")) });
        QVERIFY2(d.code == 0 && d.out.trimmed().isEmpty(), d.out.constData());
        if (QStandardPaths::findExecutable(QStringLiteral("appstreamcli")).isEmpty())
            QSKIP("appstreamcli is not installed");
        const Run a = run(QStringLiteral("appstreamcli"),
            { QStringLiteral("validate"), QStringLiteral("--no-net"),
                QDir(m_root).filePath(
                    QStringLiteral("usr/share/metainfo/io.github.kiwoom_trader.KiwoomTrader.metainfo.xml")) });
        QVERIFY2(a.code == 0, a.out.constData());
    }

    void lintianFindsNoError()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("lintian")).isEmpty())
            QSKIP("lintian is not installed");
        const Run l = run(QStringLiteral("lintian"), { QStringLiteral("--fail-on"), QStringLiteral("error"), m_deb });
        QVERIFY2(l.code == 0, l.out.constData());
        qInfo().noquote() << "lintian:" << (l.out.trimmed().isEmpty() ? QByteArray("clean") : l.out.trimmed());
    }
};

QTEST_GUILESS_MAIN(TestPackage)
#include "tst_package.moc"
