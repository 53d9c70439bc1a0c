// SPDX-License-Identifier: GPL-3.0-or-later
// The README's "Scripting" examples (curl and Python) run as written against a headless demo
// trader: a user who copies them gets what the README says, and a change of the control API that
// breaks them fails here.
#include "controlclient.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

class TestReadmeScripts final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_data;
    QProcess m_app;
    QString m_api;
    QStringList m_shell;
    QStringList m_python;

    static QString binary()
    {
        const QString dir = qEnvironmentVariable("KT_BIN_DIR");
        return QDir(dir.isEmpty() ? QCoreApplication::applicationDirPath() + QStringLiteral("/../bin") : dir)
            .filePath(QStringLiteral("kiwoom-trader"));
    }

    // Runs program with the script's environment; returns its output, fails the test on exit != 0.
    QString run(const QString &program, const QStringList &args)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DATA_DIR"), m_data.path());
        env.insert(QStringLiteral("API"), m_api);
        p.setProcessEnvironment(env);
        p.start(program, args);
        if (!p.waitForStarted(10000)) {
            qWarning().noquote() << program << "did not start:" << p.errorString();
            return QString();
        }
        if (!p.waitForFinished(60000)) {
            p.kill();
            p.waitForFinished(5000);
        }
        const QString out = QString::fromUtf8(p.readAll());
        if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
            qWarning().noquote() << program << "failed with" << p.exitCode() << ":\n" << out;
            return QString();
        }
        return out;
    }

private slots:
    void initTestCase()
    {
        // The examples, as the README prints them.
        const QString readme = QFINDTESTDATA("../../README.md");
        QVERIFY2(!readme.isEmpty(), "README.md not found");
        QFile f(readme);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        const qsizetype from = text.indexOf(QStringLiteral("\n## Scripting\n"));
        QVERIFY2(from >= 0, "the README has no Scripting section");
        const qsizetype to = text.indexOf(QStringLiteral("\n## "), from + 5);
        const QString section = text.mid(from, to < 0 ? -1 : to - from);
        static const QRegularExpression block(
            QStringLiteral("```(sh|python)\\n(.*?)```"), QRegularExpression::DotMatchesEverythingOption);
        for (auto it = block.globalMatch(section); it.hasNext();) {
            const auto m = it.next();
            if (m.captured(2).contains(QStringLiteral("kiwoom-trader --headless")))
                continue; // how to start the trader: done below
            (m.captured(1) == u"sh" ? m_shell : m_python) << m.captured(2);
        }
        QVERIFY2(!m_shell.isEmpty() && !m_python.isEmpty(), "expected a shell and a Python example");

        for (const char *tool : { "bash", "curl", "python3" })
            QVERIFY2(!QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty(),
                qPrintable(QStringLiteral("%1 is needed (packaging/install-deps.sh installs it)").arg(tool)));

        // The trader, headless in demo mode, as the README starts it (on a free port here).
        QVERIFY(m_data.isValid());
        m_app.setProcessChannelMode(QProcess::MergedChannels);
        m_app.start(binary(),
            { QStringLiteral("--headless"), QStringLiteral("--data-dir"), m_data.path(),
                QStringLiteral("--control-port"), QStringLiteral("0") });
        QVERIFY2(m_app.waitForStarted(10000), qPrintable(m_app.errorString()));
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((out += m_app.readAll(), out.contains("control API listening on")), 30000);
        static const QRegularExpression url(
            QStringLiteral("control API listening on (http://127\\.0\\.0\\.1:(\\d+)/api/v1)"));
        const auto m = url.match(QString::fromUtf8(out));
        QVERIFY2(m.hasMatch(), out.constData());
        m_api = m.captured(1);

        // Ready to trade (reconciled with the simulator) before the examples engage the kill switch.
        QFile keys(m_data.filePath(QStringLiteral("control-api-keys.json")));
        QVERIFY(keys.open(QIODevice::ReadOnly));
        ControlClient client(quint16(m.captured(2).toUInt()));
        client.setKey(
            QJsonDocument::fromJson(keys.readAll()).object().value(QStringLiteral("read_key")).toString().toLatin1());
        QTRY_VERIFY_WITH_TIMEOUT(client.get("/api/v1/health").json().value(QStringLiteral("ready")).toBool(), 30000);
    }

    void cleanupTestCase()
    {
        if (m_app.state() == QProcess::NotRunning)
            return;
        ::kill(pid_t(m_app.processId()), SIGTERM);
        QVERIFY(m_app.waitForFinished(30000));
        QCOMPARE(m_app.exitCode(), 0);
    }

    void shellExample()
    {
        for (const QString &script : std::as_const(m_shell)) {
            const QString out = run(QStringLiteral("bash"), { QStringLiteral("-e"), QStringLiteral("-c"), script });
            QVERIFY2(!out.isEmpty(), "the shell example failed (see the warning above)");
            QVERIFY2(out.contains(QStringLiteral("\"ready\":true")), qPrintable(out));
            QVERIFY2(out.contains(QStringLiteral("\"positions\":")), qPrintable(out));
            QVERIFY2(out.contains(QStringLiteral("\"mode\":\"NO_NEW_ENTRIES\"")), qPrintable(out));
            QVERIFY2(out.contains(QStringLiteral("\"mode\":\"OFF\"")), qPrintable(out));
            QVERIFY2(out.contains(QStringLiteral("\"upper_limit\":")), qPrintable(out));
            QVERIFY2(
                out.contains(QStringLiteral("id,created_at,stock_code,side,quantity,price,state,")), qPrintable(out));
        }
    }

    void pythonExample()
    {
        for (const QString &script : std::as_const(m_python)) {
            const QString out = run(QStringLiteral("python3"), { QStringLiteral("-c"), script });
            QVERIFY2(!out.isEmpty(), "the Python example failed (see the warning above)");
            QVERIFY2(out.contains(QStringLiteral("health 200 ready")), qPrintable(out));
            QVERIFY2(out.contains(QStringLiteral("version 200 ")), qPrintable(out));
            QVERIFY2(out.contains(QStringLiteral("read key on a POST 403 ")), qPrintable(out));
            QVERIFY2(out.contains(QStringLiteral("bad code 422 code")), qPrintable(out));
            QVERIFY2(out.contains(QStringLiteral("ledger 200 ")), qPrintable(out));
            QVERIFY2(out.contains(QStringLiteral("news 200 3 items")), qPrintable(out));
            QVERIFY2(out.contains(QStringLiteral("events at ws://127.0.0.1:")), qPrintable(out));
        }
    }
};

QTEST_GUILESS_MAIN(TestReadmeScripts)
#include "tst_readmescripts.moc"
