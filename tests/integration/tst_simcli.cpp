// SPDX-License-Identifier: GPL-3.0-or-later
// The standalone kiwoom-sim program: prints its URLs, serves the demo or given credentials, honours
// --faults, never prints the secret key, and exits 0 on SIGTERM/SIGINT.
#include "sim/simconfig.h"
#include "simtestclient.h"

#include <QProcess>
#include <QRegularExpression>
#include <QtTest>

#include <csignal>

namespace {

QString simBinary()
{
    return qEnvironmentVariable("KT_BIN_DIR") + QStringLiteral("/kiwoom-sim");
}

struct Running
{
    QProcess process;
    QUrl rest;
    QUrl ws;
    QByteArray out;

    bool start(const QStringList &extra)
    {
        process.start(simBinary(),
            QStringList { QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--speed"), QStringLiteral("0"),
                QStringLiteral("--start"), QStringLiteral("20250310100000") }
                + extra);
        if (!process.waitForStarted(5000))
            return false;
        QElapsedTimer timer;
        timer.start();
        while (!out.contains("WebSocket ") || !out.endsWith('\n')) {
            if (timer.elapsed() > 15000 || process.state() != QProcess::Running)
                return false;
            process.waitForReadyRead(200);
            out += process.readAllStandardOutput();
        }
        const QRegularExpression restLine(
            QStringLiteral("^REST (http://127\\.0\\.0\\.1:\\d+)$"), QRegularExpression::MultilineOption);
        const QRegularExpression wsLine(QStringLiteral("^WebSocket (ws://127\\.0\\.0\\.1:\\d+/api/dostk/websocket)$"),
            QRegularExpression::MultilineOption);
        const auto r = restLine.match(QString::fromUtf8(out));
        const auto w = wsLine.match(QString::fromUtf8(out));
        if (!r.hasMatch() || !w.hasMatch())
            return false;
        rest = QUrl(r.captured(1));
        ws = QUrl(w.captured(1));
        return rest.port() == ws.port();
    }
    int stop(int signal)
    {
        ::kill(pid_t(process.processId()), signal);
        if (!process.waitForFinished(10000))
            return -1;
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    }
};

} // namespace

class TestSimCli final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (!QFile::exists(simBinary()))
            QSKIP("kiwoom-sim is not built (KT_BIN_DIR)");
    }

    void servesDemoCredentialsAndStopsOnSigterm()
    {
        Running sim;
        QVERIFY2(sim.start({ QStringLiteral("--seed"), QStringLiteral("7") }), sim.out.constData());
        SimTestClient client(sim.rest);
        const auto token
            = client.issueToken(QString::fromLatin1(Sim::DEMO_APP_KEY), QString::fromLatin1(Sim::DEMO_SECRET_KEY));
        QCOMPARE(token.returnCode(), 0);
        const auto quote
            = client.tr(QStringLiteral("ka10001"), { { QStringLiteral("stk_cd"), QStringLiteral("005930") } });
        QCOMPARE(quote.returnCode(), 0);
        SimTestSocket socket(sim.ws);
        QVERIFY(socket.open());
        QCOMPARE(socket.login(client.token())->value(QStringLiteral("return_code")).toInt(-1), 0);
        QCOMPARE(sim.stop(SIGTERM), 0);
    }

    void sameSeedSamePrices()
    {
        QString prices[2];
        for (QString &p : prices) {
            Running sim;
            QVERIFY(sim.start({ QStringLiteral("--seed"), QStringLiteral("99") }));
            SimTestClient client(sim.rest);
            QCOMPARE(
                client.issueToken(QString::fromLatin1(Sim::DEMO_APP_KEY), QString::fromLatin1(Sim::DEMO_SECRET_KEY))
                    .returnCode(),
                0);
            const auto chart = client.tr(QStringLiteral("ka10081"),
                { { QStringLiteral("stk_cd"), QStringLiteral("000660") },
                    { QStringLiteral("base_dt"), QStringLiteral("20250310") },
                    { QStringLiteral("upd_stkpc_tp"), QStringLiteral("1") } });
            p = QString::fromUtf8(
                QJsonDocument(chart.json.value(QStringLiteral("stk_dt_pole_chart_qry")).toArray()).toJson());
            QCOMPARE(sim.stop(SIGINT), 0);
        }
        QVERIFY(prices[0].size() > 1000);
        QCOMPARE(prices[0], prices[1]);
    }

    void customCredentialsAndNoSecretInOutput()
    {
        Running sim;
        const QString secret = QStringLiteral("MySecretKey-0123456789-abcdefghij");
        QVERIFY(sim.start({ QStringLiteral("--appkey"), QStringLiteral("MyAppKey-0123456789"),
            QStringLiteral("--secretkey"), secret }));
        SimTestClient client(sim.rest);
        QCOMPARE(client.issueToken(QString::fromLatin1(Sim::DEMO_APP_KEY), QString::fromLatin1(Sim::DEMO_SECRET_KEY))
                     .returnCode(),
            3);
        QCOMPARE(client.issueToken(QStringLiteral("MyAppKey-0123456789"), secret).returnCode(), 0);
        QCOMPARE(sim.stop(SIGTERM), 0);
        const QByteArray all = sim.out + sim.process.readAllStandardOutput() + sim.process.readAllStandardError();
        QVERIFY(!all.contains(secret.toUtf8()));
        QVERIFY(!all.contains(client.token().toUtf8()));
    }

    void faultsFlag()
    {
        Running sim;
        QVERIFY(sim.start({ QStringLiteral("--faults"), QStringLiteral("http5xx,count=1,api=ka10001") }));
        SimTestClient client(sim.rest);
        QCOMPARE(client.issueToken(QString::fromLatin1(Sim::DEMO_APP_KEY), QString::fromLatin1(Sim::DEMO_SECRET_KEY))
                     .returnCode(),
            0);
        QCOMPARE(
            client.tr(QStringLiteral("ka10001"), { { QStringLiteral("stk_cd"), QStringLiteral("005930") } }).status,
            500);
        QCOMPARE(client.tr(QStringLiteral("ka10001"), { { QStringLiteral("stk_cd"), QStringLiteral("005930") } })
                     .returnCode(),
            0);
        QCOMPARE(sim.stop(SIGTERM), 0);
    }

    void helpAndBadArguments_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("mention");
        QTest::newRow("help") << QStringList { QStringLiteral("--help") } << 0 << "--follow-session-hours";
        QTest::newRow("bad faults") << QStringList { QStringLiteral("--faults"), QStringLiteral("explode") } << 2
                                    << "explode";
        QTest::newRow("bad port") << QStringList { QStringLiteral("--port"), QStringLiteral("abc") } << 2 << "--port";
        QTest::newRow("bad speed") << QStringList { QStringLiteral("--speed"), QStringLiteral("-1") } << 2 << "--speed";
        QTest::newRow("key without secret")
            << QStringList { QStringLiteral("--appkey"), QStringLiteral("x") } << 2 << "--secretkey";
    }
    void helpAndBadArguments()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, mention);
        QProcess process;
        process.start(simBinary(), args);
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), exitCode);
        const QString text = QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
        QVERIFY2(text.contains(mention), qPrintable(text));
    }
};

QTEST_GUILESS_MAIN(TestSimCli)
#include "tst_simcli.moc"
