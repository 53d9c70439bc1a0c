// SPDX-License-Identifier: GPL-3.0-or-later
// CoreGateway against a real demo core on its own thread: reads run on the core's thread and
// come back to the GUI thread, commands go through TradingCommands as actor "ui" (a refusal comes
// back as an error and changes nothing), and the EventFeed's topics arrive as changed().
#include "uicorerig.h"

#include "storage/auditlog.h"
#include "trading/tradingcommands.h"

#include <QJsonArray>
#include <QThread>

class TestCoreGateway final : public QObject
{
    Q_OBJECT

private slots:
    void readsRunOnTheCoreThreadAndAnswerOnTheGuiThread()
    {
        UiCoreRig rig;
        QVERIFY2(rig.ok(), qPrintable(rig.startStatus.ok() ? QString() : rig.startStatus.error().message));
        QThread *coreThread = nullptr;
        QThread *answerThread = nullptr;
        QString mode;
        rig.gw()->read(
            rig.gw(),
            [&](TradingCore &core) {
                coreThread = QThread::currentThread();
                return core.mode();
            },
            [&](const QString &m) {
                answerThread = QThread::currentThread();
                mode = m;
            });
        QTRY_COMPARE(mode, QStringLiteral("demo"));
        QVERIFY(coreThread != QThread::currentThread());
        QCOMPARE(answerThread, QThread::currentThread());
    }

    void aDestroyedContextGetsNoAnswer()
    {
        UiCoreRig rig;
        QVERIFY(rig.ok());
        bool called = false;
        auto *context = new QObject;
        rig.gw()->read(
            context, [](TradingCore &) { return 1; }, [&](int) { called = true; });
        delete context;
        bool second = false;
        rig.gw()->read(
            rig.gw(), [](TradingCore &) { return 2; }, [&](int) { second = true; });
        QTRY_VERIFY(second); // the queue has passed the first call
        QVERIFY(!called);
    }

    void commandsGoThroughTheCommandLayerAsUi()
    {
        UiCoreRig rig;
        QVERIFY(rig.ok());
        QVERIFY(rig.waitReady());
        QSignalSpy finished(rig.gw(), &CoreGateway::commandFinished);
        std::optional<Result<QJsonObject>> refused;
        rig.gw()->command(
            rig.gw(), [](TradingCommands &c) { return c.cancelOrder(987654, CoreGateway::actor()); },
            [&](const Result<QJsonObject> &r) { refused = r; });
        QTRY_VERIFY(refused.has_value());
        QVERIFY(!refused->ok());
        QVERIFY(!refused->error().message.isEmpty());
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(0).toBool(), false);

        std::optional<Result<QJsonObject>> added;
        rig.gw()->command(
            rig.gw(),
            [](TradingCommands &c) { return c.addToWatchlist(QStringLiteral("000660"), {}, CoreGateway::actor()); },
            [&](const Result<QJsonObject> &r) { added = r; });
        QTRY_VERIFY(added.has_value());
        QVERIFY2(added->ok(), qPrintable(added->ok() ? QString() : added->error().message));
        // The audit row names the UI as the actor.
        int uiRows = 0;
        bool read = false;
        rig.gw()->read(
            rig.gw(),
            [](TradingCore &core) {
                auto rows = AuditLog(*core.database()).since(0, 5000);
                int n = 0;
                if (rows) {
                    for (const auto &row : *rows)
                        n += row.actor == u"ui" ? 1 : 0;
                }
                return n;
            },
            [&](int n) {
                uiRows = n;
                read = true;
            });
        QTRY_VERIFY(read);
        QVERIFY(uiRows >= 1);
    }

    void changedTopicsArrive()
    {
        UiCoreRig rig;
        QVERIFY(rig.ok());
        QSignalSpy changed(rig.gw(), &CoreGateway::changed);
        QVERIFY(rig.waitReady());
        QStringList topics;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const auto &args : changed)
                    topics << args.at(0).toStringList();
                return topics.contains(QStringLiteral("positions")) && topics.contains(QStringLiteral("quotes"));
            }(),
            20000);
    }
};

QTEST_MAIN(TestCoreGateway)
#include "tst_coregateway.moc"
