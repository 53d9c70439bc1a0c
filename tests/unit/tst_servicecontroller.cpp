// SPDX-License-Identifier: GPL-3.0-or-later
// ServiceController and TimedService: services started and stopped by name, lists checked before
// anything starts, status as JSON, the autostart setting; a TimedService runs at once on start,
// skips ticks while a run is in flight and follows its period setting.
#include "common/clock.h"
#include "common/settings.h"
#include "services/servicecontroller.h"
#include "services/timedservice.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

// A TimedService whose run ends when the test says so.
class ProbeService final : public TimedService
{
public:
    ProbeService(const QString &name, Settings &settings, const QString &periodKey, const IClock &clock)
        : TimedService(name, settings, periodKey, std::chrono::seconds(42), clock, nullptr)
    {
    }
    int runs = 0;
    bool finishAtOnce = true;
    void finishNow(bool ok = true) { finishRun(m_token, ok, u"done"_s, { { u"n"_s, runs } }); }

private:
    void run() override
    {
        ++runs;
        m_token = runToken();
        if (finishAtOnce)
            finishNow();
    }
    quint64 m_token = 0;
};

// An IService that is not a TimedService (as the StopLossManager's sweep may be).
class PlainService final : public IService
{
public:
    QString name() const override { return u"stoploss"_s; }
    void start() override { running = true; }
    void stop() override { running = false; }
    bool isRunning() const override { return running; }
    void runOnce() override { ++runs; }
    std::chrono::milliseconds period() const override { return std::chrono::seconds(30); }
    bool isBusy() const override { return false; }
    std::optional<ServiceRun> lastRun() const override { return std::nullopt; }
    qint64 nextRunInMs() const override { return running ? 30'000 : -1; }
    int skippedRuns() const override { return 0; }
    bool running = false;
    int runs = 0;
};

} // namespace

class TestServiceController final : public QObject
{
    Q_OBJECT

private:
    ManualClock m_clock { 1'741'568'400'000 };
    QTemporaryDir m_dir;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<ProbeService> m_monitoring, m_strategy, m_cleanup;
    std::unique_ptr<PlainService> m_stoploss;
    std::unique_ptr<ServiceController> m_controller;

private slots:
    void init()
    {
        m_settings
            = std::make_unique<Settings>(m_dir.filePath(u"kt-%1.ini"_s.arg(QDateTime::currentMSecsSinceEpoch())));
        m_monitoring = std::make_unique<ProbeService>(
            u"monitoring"_s, *m_settings, u"services/conditionMonitorIntervalSec"_s, m_clock);
        m_strategy = std::make_unique<ProbeService>(
            u"strategy"_s, *m_settings, u"services/strategyScanIntervalSec"_s, m_clock);
        m_cleanup = std::make_unique<ProbeService>(u"cleanup"_s, *m_settings, QString(), m_clock);
        m_stoploss = std::make_unique<PlainService>();
        m_controller = std::make_unique<ServiceController>(*m_settings);
        for (IService *s : std::initializer_list<IService *> {
                 m_monitoring.get(), m_strategy.get(), m_stoploss.get(), m_cleanup.get() })
            QVERIFY(m_controller->add(*s).ok());
    }
    void cleanup()
    {
        m_controller.reset();
        m_monitoring.reset();
        m_strategy.reset();
        m_cleanup.reset();
        m_stoploss.reset();
        m_settings.reset();
    }

    void startAndStopByName()
    {
        QCOMPARE(m_controller->names(), (QStringList { u"monitoring"_s, u"strategy"_s, u"stoploss"_s, u"cleanup"_s }));
        QSignalSpy changed(m_controller.get(), &ServiceController::serviceStateChanged);
        QVERIFY(m_controller->start(u"monitoring"_s).ok());
        QVERIFY(m_monitoring->isRunning());
        QVERIFY(!m_strategy->isRunning());
        QTRY_COMPARE(m_monitoring->runs, 1); // runs at once
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toString(), u"monitoring"_s);
        QCOMPARE(changed.first().at(1).toBool(), true);
        QVERIFY(m_controller->start(u"monitoring"_s).ok()); // idempotent
        QCOMPARE(changed.size(), 1);

        QVERIFY(m_controller->start(u"stoploss"_s).ok());
        QVERIFY(m_stoploss->running);
        QVERIFY(m_controller->stop(u"monitoring"_s).ok());
        QVERIFY(!m_monitoring->isRunning());
        QCOMPARE(changed.size(), 3);

        const Status unknown = m_controller->start(u"bogus"_s);
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().code, u"services.unknown"_s);
        QVERIFY(unknown.error().message.contains(u"monitoring, strategy, stoploss, cleanup"_s));
        QCOMPARE(m_controller->stop(u"bogus"_s).error().code, u"services.unknown"_s);
        QCOMPARE(m_controller->add(*m_stoploss).error().code, u"services.duplicate"_s);

        QVERIFY(m_controller->runNow(u"strategy"_s).ok());
        QCOMPARE(m_strategy->runs, 1);
        QVERIFY(!m_strategy->isRunning());
        m_controller->stopAll();
        QVERIFY(!m_stoploss->running);
    }

    void aListIsCheckedBeforeAnythingStarts()
    {
        const Status bad = m_controller->startList(u"monitoring, nope"_s);
        QVERIFY(!bad.ok());
        QVERIFY(!m_monitoring->isRunning());
        QVERIFY(m_controller->startList(u"monitoring,strategy"_s).ok());
        QVERIFY(m_monitoring->isRunning() && m_strategy->isRunning() && !m_stoploss->running);
        m_controller->stopAll();
        QVERIFY(m_controller->startList(u"all"_s).ok());
        QVERIFY(m_monitoring->isRunning() && m_strategy->isRunning() && m_stoploss->running && m_cleanup->isRunning());
        m_controller->stopAll();
        QVERIFY(!m_monitoring->isRunning() && !m_cleanup->isRunning());
    }

    void autostartFollowsTheSetting()
    {
        QCOMPARE(m_controller->autostartNames(), (QStringList { u"stoploss"_s, u"cleanup"_s })); // the default
        QVERIFY(m_settings->setValue(u"services/autostart"_s, u"strategy, unknown ,monitoring"_s).ok());
        QCOMPARE(m_controller->autostartNames(), (QStringList { u"strategy"_s, u"monitoring"_s }));
        m_controller->startAutostart();
        QVERIFY(m_strategy->isRunning() && m_monitoring->isRunning() && !m_stoploss->running);
        m_controller->stopAll();
        QVERIFY(m_settings->setValue(u"services/autostart"_s, u"all"_s).ok());
        QCOMPARE(m_controller->autostartNames(), m_controller->names());
        QVERIFY(m_settings->setValue(u"services/autostart"_s, QString()).ok());
        QVERIFY(m_controller->autostartNames().isEmpty());
    }

    void statusAsJson()
    {
        QJsonObject s = m_controller->status(u"monitoring"_s).value();
        QCOMPARE(s.value(u"name"_s).toString(), u"monitoring"_s);
        QCOMPARE(s.value(u"running"_s).toBool(), false);
        QCOMPARE(s.value(u"period_sec"_s).toDouble(), 600.0);
        QVERIFY(s.value(u"next_run_in_ms"_s).isNull());
        QVERIFY(s.value(u"last_run"_s).isNull());
        QCOMPARE(s.value(u"autostart"_s).toBool(), false);

        QVERIFY(m_controller->start(u"monitoring"_s).ok());
        QTRY_COMPARE(m_monitoring->runs, 1);
        m_clock.advanceMs(1000);
        s = m_controller->status(u"monitoring"_s).value();
        QCOMPARE(s.value(u"running"_s).toBool(), true);
        QVERIFY(s.value(u"next_run_in_ms"_s).toDouble() > 590'000);
        const QJsonObject last = s.value(u"last_run"_s).toObject();
        QCOMPARE(last.value(u"ok"_s).toBool(), true);
        QCOMPARE(last.value(u"summary"_s).toString(), u"done"_s);
        QCOMPARE(qint64(last.value(u"started_at"_s).toDouble()), m_clock.nowMs() - 1000);
        QCOMPARE(last.value(u"counts"_s).toObject().value(u"n"_s).toInt(), 1);

        const QJsonArray all = m_controller->status();
        QCOMPARE(all.size(), 4);
        QCOMPARE(all.at(2).toObject().value(u"name"_s).toString(), u"stoploss"_s);
        QCOMPARE(all.at(2).toObject().value(u"autostart"_s).toBool(), true);
        QCOMPARE(all.at(3).toObject().value(u"period_sec"_s).toDouble(), 42.0); // a fixed period
        QCOMPARE(m_controller->status(u"x"_s).error().code, u"services.unknown"_s);
        m_controller->stopAll();
    }

    void aTickDuringARunIsSkipped()
    {
        m_strategy->finishAtOnce = false;
        m_strategy->runOnce();
        QVERIFY(m_strategy->isBusy());
        m_strategy->runOnce();
        m_strategy->runOnce();
        QCOMPARE(m_strategy->runs, 1);
        QCOMPARE(m_strategy->skippedRuns(), 2);
        QCOMPARE(m_controller->status(u"strategy"_s).value().value(u"skipped_runs"_s).toInt(), 2);
        m_strategy->finishNow(false);
        QVERIFY(!m_strategy->isBusy());
        QVERIFY(!m_strategy->lastRun()->ok);
        m_strategy->runOnce();
        QCOMPARE(m_strategy->runs, 2);
    }

    void aStalledRunIsAbandonedNotWaitedForForever()
    {
        QCOMPARE(m_strategy->stallTimeout(), std::chrono::milliseconds(300'000)); // five minutes at least
        m_strategy->setStallTimeout(std::chrono::milliseconds(50));
        m_strategy->finishAtOnce = false;
        m_strategy->runOnce(); // its reply never comes
        m_strategy->runOnce();
        QCOMPARE(m_strategy->runs, 1);
        QTest::qWait(80);
        m_strategy->runOnce();
        QCOMPARE(m_strategy->runs, 2);
        QVERIFY(m_strategy->isBusy());
        m_strategy->finishNow();
        QVERIFY(!m_strategy->isBusy());
        QCOMPARE(m_strategy->skippedRuns(), 1);
    }

    void thePeriodFollowsItsSetting()
    {
        QCOMPARE(m_strategy->period(), std::chrono::milliseconds(60'000));
        QVERIFY(m_settings->setValue(u"services/strategyScanIntervalSec"_s, 15).ok());
        QCOMPARE(m_strategy->period(), std::chrono::milliseconds(15'000));
        QCOMPARE(m_cleanup->period(), std::chrono::milliseconds(42'000));
    }
};

QTEST_GUILESS_MAIN(TestServiceController)
#include "tst_servicecontroller.moc"
