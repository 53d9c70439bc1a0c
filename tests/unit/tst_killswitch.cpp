// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/auditlog.h"
#include "storage/database.h"
#include "storage/enginestaterepository.h"
#include "storagefixture.h"
#include "trading/killswitch.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace StorageTest;
using Trading::KillSwitchMode;
using Trading::KillSwitchState;

namespace {

// What a KillSwitch emitted, in order: "mode:<MODE>:<actor>", "cancelAll", "flatten".
struct Recorder
{
    QStringList events;
    void attach(KillSwitch &ks, QObject *context)
    {
        QObject::connect(
            &ks, &KillSwitch::modeChanged, context, [this](KillSwitchMode mode, const QString &, const QString &actor) {
                events << QStringLiteral("mode:%1:%2").arg(Trading::killSwitchModeText(mode), actor);
            });
        QObject::connect(
            &ks, &KillSwitch::cancelAllRequested, context, [this] { events << QStringLiteral("cancelAll"); });
        QObject::connect(&ks, &KillSwitch::flattenRequested, context, [this] { events << QStringLiteral("flatten"); });
    }
    QStringList take() { return std::exchange(events, {}); }
};

} // namespace

class TestKillSwitch final : public QObject
{
    Q_OBJECT

private:
    ManualClock m_clock { T0 };
    std::unique_ptr<Database> m_db;

    QList<Storage::AuditRecord> riskAudit()
    {
        auto rows = AuditLog(*m_db).forEntity(QStringLiteral("risk"));
        return rows.ok() ? rows.value() : QList<Storage::AuditRecord> {};
    }
    std::optional<QJsonValue> stored()
    {
        auto v = EngineStateRepository(*m_db).get(KillSwitch::stateKey());
        return v.ok() ? v.value() : std::nullopt;
    }

private slots:
    void init()
    {
        m_clock.setNowMs(T0);
        m_db = openMemory(m_clock);
        QVERIFY(m_db);
    }
    void cleanup() { m_db.reset(); }

    void failsClosedUntilLoaded()
    {
        KillSwitch ks(*m_db);
        QCOMPARE(ks.mode(), KillSwitchMode::NoNewEntries);
        QCOMPARE(ks.actor(), QStringLiteral("engine"));
        QVERIFY(!Trading::allowsEntries(ks.mode()));

        Recorder rec;
        rec.attach(ks, this);
        QVERIFY(ks.load().ok());
        QCOMPARE(ks.mode(), KillSwitchMode::Off); // nothing stored: a fresh install trades
        QCOMPARE(rec.take(), QStringList { QStringLiteral("mode:OFF:") });
        QVERIFY(riskAudit().isEmpty()); // loading is not a change
        QVERIFY(!stored());
    }

    void engageIsSavedAuditedAndSurvivesARestart()
    {
        {
            KillSwitch ks(*m_db);
            QVERIFY(ks.load().ok());
            Recorder rec;
            rec.attach(ks, this);
            QSignalSpy spy(&ks, &KillSwitch::modeChanged);
            m_clock.advanceMs(5'000);
            QVERIFY(ks.engage(KillSwitchMode::ReduceOnly, QStringLiteral("daily loss limit"),
                          QStringLiteral("service.risk"))
                        .ok());
            QCOMPARE(ks.mode(), KillSwitchMode::ReduceOnly);
            QCOMPARE(ks.reason(), QStringLiteral("daily loss limit"));
            QCOMPARE(ks.actor(), QStringLiteral("service.risk"));
            QCOMPARE(ks.sinceMs(), T0 + 5'000);
            QCOMPARE(spy.count(), 1);
            QCOMPARE(spy.first().at(0).value<KillSwitchMode>(), KillSwitchMode::ReduceOnly);
            QCOMPARE(spy.first().at(1).toString(), QStringLiteral("daily loss limit"));
            QCOMPARE(spy.first().at(2).toString(), QStringLiteral("service.risk"));
            QCOMPARE(rec.take(), QStringList { QStringLiteral("mode:REDUCE_ONLY:service.risk") });

            const auto audit = riskAudit();
            QCOMPARE(audit.size(), 1);
            QCOMPARE(audit.first().action, QStringLiteral("kill_switch"));
            QCOMPARE(audit.first().actor, QStringLiteral("service.risk"));
            QCOMPARE(audit.first().atMs, T0 + 5'000);
            QCOMPARE(audit.first().before.value(u"mode").toString(), QStringLiteral("OFF"));
            QCOMPARE(audit.first().after.value(u"mode").toString(), QStringLiteral("REDUCE_ONLY"));
            QCOMPARE(audit.first().after.value(u"reason").toString(), QStringLiteral("daily loss limit"));

            const auto value = stored();
            QVERIFY(value);
            QCOMPARE(value->toObject(), ks.state().toJson());
            QCOMPARE(value->toObject().value(u"since").toInteger(), T0 + 5'000);
        }
        // A restart: a new KillSwitch on the same database comes back in the same mode.
        KillSwitch again(*m_db);
        QVERIFY(again.load().ok());
        QCOMPARE(again.mode(), KillSwitchMode::ReduceOnly);
        QCOMPARE(again.reason(), QStringLiteral("daily loss limit"));
        QCOMPARE(again.actor(), QStringLiteral("service.risk"));
        QCOMPARE(again.sinceMs(), T0 + 5'000);
    }

    void onlyUsersLowerOrResume()
    {
        KillSwitch ks(*m_db);
        QVERIFY(ks.load().ok());
        QVERIFY(ks.engage(KillSwitchMode::CancelAll, QStringLiteral("broker outage"), QStringLiteral("engine")).ok());
        Recorder rec;
        rec.attach(ks, this);
        const int auditRows = riskAudit().size();

        for (const QString &service : { QStringLiteral("service.stop_loss"), QStringLiteral("engine"),
                 QStringLiteral("reconcile"), QStringLiteral("UI"), QStringLiteral(" ui") }) {
            Status lowered = ks.engage(KillSwitchMode::NoNewEntries, QStringLiteral("lower"), service);
            QVERIFY(!lowered.ok());
            QCOMPARE(lowered.error().code, QStringLiteral("risk.kill_switch_forbidden"));
            QVERIFY(lowered.error().message.contains(service));
            Status resumed = ks.resume(service);
            QVERIFY(!resumed.ok());
            QCOMPARE(resumed.error().code, QStringLiteral("risk.kill_switch_forbidden"));
            Status off = ks.engage(KillSwitchMode::Off, QStringLiteral("off"), service);
            QCOMPARE(off.error().code, QStringLiteral("risk.kill_switch_forbidden"));
        }
        QCOMPARE(ks.mode(), KillSwitchMode::CancelAll);
        QVERIFY(rec.take().isEmpty());
        QCOMPARE(riskAudit().size(), auditRows);
        QCOMPARE(stored()->toObject().value(u"mode").toString(), QStringLiteral("CANCEL_ALL"));

        // A service may still raise it.
        QVERIFY(ks.engage(KillSwitchMode::FlattenAll, QStringLiteral("loss"), QStringLiteral("service.risk")).ok());
        QCOMPARE(ks.mode(), KillSwitchMode::FlattenAll);
        rec.take();

        // A user lowers it step by step, and resumes; lowering never repeats the one-shot actions.
        QVERIFY(ks.engage(KillSwitchMode::CancelAll, QStringLiteral("stop selling"), QStringLiteral("ui")).ok());
        QVERIFY(ks.engage(KillSwitchMode::NoNewEntries, QStringLiteral("keep exits"), QStringLiteral("api")).ok());
        QVERIFY(ks.resume(QStringLiteral("cli")).ok());
        QCOMPARE(ks.mode(), KillSwitchMode::Off);
        QCOMPARE(ks.actor(), QStringLiteral("cli"));
        QCOMPARE(rec.take(),
            (QStringList { QStringLiteral("mode:CANCEL_ALL:ui"), QStringLiteral("mode:NO_NEW_ENTRIES:api"),
                QStringLiteral("mode:OFF:cli") }));
        QCOMPARE(riskAudit().size(), auditRows + 4);
        QCOMPARE(riskAudit().first().after.value(u"mode").toString(), QStringLiteral("OFF")); // newest first
        QCOMPARE(riskAudit().first().before.value(u"mode").toString(), QStringLiteral("NO_NEW_ENTRIES"));

        // Resuming when already Off changes nothing.
        QVERIFY(ks.resume(QStringLiteral("ui")).ok());
        QVERIFY(rec.take().isEmpty());
        QCOMPARE(riskAudit().size(), auditRows + 4);
    }

    void engagingTheSameModeChangesNothing()
    {
        KillSwitch ks(*m_db);
        QVERIFY(ks.load().ok());
        QVERIFY(ks.engage(KillSwitchMode::CancelAll, QStringLiteral("first"), QStringLiteral("ui")).ok());
        Recorder rec;
        rec.attach(ks, this);
        m_clock.advanceMs(1'000);
        QVERIFY(ks.engage(KillSwitchMode::CancelAll, QStringLiteral("second"), QStringLiteral("api")).ok());
        QCOMPARE(ks.reason(), QStringLiteral("first"));
        QCOMPARE(ks.sinceMs(), T0);
        QVERIFY(rec.take().isEmpty());
        QCOMPARE(riskAudit().size(), 1);
    }

    void oneShotActionsOncePerEntry_data()
    {
        QTest::addColumn<KillSwitchMode>("from");
        QTest::addColumn<KillSwitchMode>("to");
        QTest::addColumn<QStringList>("actions");
        const QStringList none;
        const QStringList cancel { QStringLiteral("cancelAll") };
        const QStringList flatten { QStringLiteral("flatten") };
        const QStringList both { QStringLiteral("cancelAll"), QStringLiteral("flatten") };
        QTest::newRow("Off → NoNewEntries") << KillSwitchMode::Off << KillSwitchMode::NoNewEntries << none;
        QTest::newRow("Off → ReduceOnly") << KillSwitchMode::Off << KillSwitchMode::ReduceOnly << none;
        QTest::newRow("Off → CancelAll") << KillSwitchMode::Off << KillSwitchMode::CancelAll << cancel;
        QTest::newRow("Off → FlattenAll") << KillSwitchMode::Off << KillSwitchMode::FlattenAll << both;
        QTest::newRow("NoNewEntries → ReduceOnly")
            << KillSwitchMode::NoNewEntries << KillSwitchMode::ReduceOnly << none;
        QTest::newRow("ReduceOnly → CancelAll") << KillSwitchMode::ReduceOnly << KillSwitchMode::CancelAll << cancel;
        QTest::newRow("ReduceOnly → FlattenAll") << KillSwitchMode::ReduceOnly << KillSwitchMode::FlattenAll << both;
        QTest::newRow("CancelAll → FlattenAll") << KillSwitchMode::CancelAll << KillSwitchMode::FlattenAll << flatten;
        QTest::newRow("FlattenAll → CancelAll (user)")
            << KillSwitchMode::FlattenAll << KillSwitchMode::CancelAll << none;
        QTest::newRow("CancelAll → ReduceOnly (user)")
            << KillSwitchMode::CancelAll << KillSwitchMode::ReduceOnly << none;
        QTest::newRow("FlattenAll → Off (user)") << KillSwitchMode::FlattenAll << KillSwitchMode::Off << none;
    }
    void oneShotActionsOncePerEntry()
    {
        QFETCH(KillSwitchMode, from);
        QFETCH(KillSwitchMode, to);
        QFETCH(QStringList, actions);
        KillSwitch ks(*m_db);
        QVERIFY(ks.load().ok());
        if (from != KillSwitchMode::Off)
            QVERIFY(ks.engage(from, QStringLiteral("setup"), QStringLiteral("ui")).ok());
        Recorder rec;
        rec.attach(ks, this);
        QVERIFY(ks.engage(to, QStringLiteral("test"), QStringLiteral("ui")).ok());
        QCOMPARE(ks.mode(), to);
        QStringList expected { QStringLiteral("mode:%1:ui").arg(Trading::killSwitchModeText(to)) };
        expected += actions; // after modeChanged, cancel before flatten
        QCOMPARE(rec.take(), expected);
        // Engaging it again is no new entry.
        QVERIFY(ks.engage(to, QStringLiteral("again"), QStringLiteral("service.risk")).ok());
        QVERIFY(rec.take().isEmpty());
    }

    void reEntryRepeatsTheActions()
    {
        KillSwitch ks(*m_db);
        QVERIFY(ks.load().ok());
        Recorder rec;
        rec.attach(ks, this);
        QVERIFY(ks.engage(KillSwitchMode::FlattenAll, QStringLiteral("panic"), QStringLiteral("ui")).ok());
        QVERIFY(ks.resume(QStringLiteral("ui")).ok());
        QVERIFY(ks.engage(KillSwitchMode::FlattenAll, QStringLiteral("panic again"), QStringLiteral("api")).ok());
        QCOMPARE(rec.take(),
            (QStringList { QStringLiteral("mode:FLATTEN_ALL:ui"), QStringLiteral("cancelAll"),
                QStringLiteral("flatten"), QStringLiteral("mode:OFF:ui"), QStringLiteral("mode:FLATTEN_ALL:api"),
                QStringLiteral("cancelAll"), QStringLiteral("flatten") }));
    }

    void restartDoesNotRepeatActionsUntilAsked()
    {
        {
            KillSwitch ks(*m_db);
            QVERIFY(ks.load().ok());
            QVERIFY(ks.engage(KillSwitchMode::FlattenAll, QStringLiteral("panic"), QStringLiteral("ui")).ok());
        }
        KillSwitch ks(*m_db);
        Recorder rec;
        rec.attach(ks, this);
        QVERIFY(ks.load().ok());
        QCOMPARE(rec.take(), QStringList { QStringLiteral("mode:FLATTEN_ALL:ui") });
        ks.requestActions(); // the engine, once reconciled
        QCOMPARE(rec.take(), (QStringList { QStringLiteral("cancelAll"), QStringLiteral("flatten") }));

        QVERIFY(ks.engage(KillSwitchMode::CancelAll, QStringLiteral("stop selling"), QStringLiteral("ui")).ok());
        rec.take();
        ks.requestActions();
        QCOMPARE(rec.take(), QStringList { QStringLiteral("cancelAll") });
        QVERIFY(ks.engage(KillSwitchMode::ReduceOnly, QStringLiteral("r"), QStringLiteral("ui")).ok());
        rec.take();
        ks.requestActions();
        QVERIFY(rec.take().isEmpty());
    }

    void actorIsRequired()
    {
        KillSwitch ks(*m_db);
        QVERIFY(ks.load().ok());
        Status st = ks.engage(KillSwitchMode::NoNewEntries, QStringLiteral("x"), QString());
        QVERIFY(!st.ok());
        QCOMPARE(st.error().code, QStringLiteral("risk.invalid_actor"));
        QCOMPARE(ks.mode(), KillSwitchMode::Off);
        st = ks.engage(KillSwitchMode::NoNewEntries, QStringLiteral("x"), QStringLiteral("  "));
        QCOMPARE(st.error().code, QStringLiteral("risk.invalid_actor"));
        QVERIFY(riskAudit().isEmpty());
    }

    void unreadableStoredStateFailsClosed_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("unknown mode") << QJsonValue(
            QJsonObject { { QStringLiteral("mode"), QStringLiteral("BOGUS") } });
        QTest::newRow("no mode") << QJsonValue(QJsonObject { { QStringLiteral("reason"), QStringLiteral("x") } });
        QTest::newRow("a string") << QJsonValue(QStringLiteral("OFF"));
        QTest::newRow("null") << QJsonValue(QJsonValue::Null);
        QTest::newRow("since not a number")
            << QJsonValue(QJsonObject { { QStringLiteral("mode"), QStringLiteral("OFF") },
                   { QStringLiteral("since"), QStringLiteral("yesterday") } });
    }
    void unreadableStoredStateFailsClosed()
    {
        QFETCH(QJsonValue, value);
        QVERIFY(EngineStateRepository(*m_db).set(KillSwitch::stateKey(), value, QStringLiteral("test")).ok());
        KillSwitch ks(*m_db);
        Recorder rec;
        rec.attach(ks, this);
        Status st = ks.load();
        QVERIFY(!st.ok());
        QCOMPARE(st.error().code, QStringLiteral("risk.kill_switch_state"));
        QCOMPARE(ks.mode(), KillSwitchMode::NoNewEntries);
        QCOMPARE(rec.take(), QStringList { QStringLiteral("mode:NO_NEW_ENTRIES:engine") });
        // A user can still decide.
        QVERIFY(ks.resume(QStringLiteral("ui")).ok());
        QCOMPARE(ks.mode(), KillSwitchMode::Off);
    }

    void aRaiseThatCannotBeSavedStillHolds()
    {
        KillSwitch ks(*m_db);
        QVERIFY(ks.load().ok());
        QVERIFY(ks.engage(KillSwitchMode::NoNewEntries, QStringLiteral("setup"), QStringLiteral("ui")).ok());
        Recorder rec;
        rec.attach(ks, this);
        m_db->close(); // every write fails from here on

        Status st = ks.engage(KillSwitchMode::CancelAll, QStringLiteral("disk trouble"), QStringLiteral("ui"));
        QVERIFY(!st.ok());
        QVERIFY(st.error().code.startsWith(u"storage."));
        QCOMPARE(ks.mode(), KillSwitchMode::CancelAll); // the stop holds in memory
        QCOMPARE(rec.take(), (QStringList { QStringLiteral("mode:CANCEL_ALL:ui"), QStringLiteral("cancelAll") }));

        // A lowering that cannot be saved does not happen.
        st = ks.resume(QStringLiteral("ui"));
        QVERIFY(!st.ok());
        QCOMPARE(ks.mode(), KillSwitchMode::CancelAll);
        QVERIFY(rec.take().isEmpty());
    }

    // storage.busy (another program holds the write lock): the raise holds in memory, isSaved()
    // says it is not on disk, and saveNow() stores it once the lock is gone.
    void aRaiseRefusedByABusyDatabaseIsSavedLater()
    {
        QTemporaryDir dir;
        auto opened = Database::open(dir.path(), m_clock);
        QVERIFY(opened.ok());
        Database &db = *opened.value();
        {
            KillSwitch ks(db);
            QVERIFY(ks.load().ok());
            QVERIFY(ks.isSaved());
            RawConnection other(db.filePath());
            QVERIFY(other.exec(QStringLiteral("BEGIN IMMEDIATE")));
            QVERIFY(other.exec(QStringLiteral("INSERT INTO auto_trade_conditions (condition_name, updated_at) "
                                              "VALUES ('held by another program', 0)")));
            Status st = ks.engage(KillSwitchMode::FlattenAll, QStringLiteral("panic"), QStringLiteral("ui"));
            QVERIFY(!st.ok());
            QCOMPARE(st.error().code, QStringLiteral("storage.busy"));
            QCOMPARE(ks.mode(), KillSwitchMode::FlattenAll);
            QVERIFY(!ks.isSaved());
            QCOMPARE(ks.saveNow().error().code, QStringLiteral("storage.busy"));
            QVERIFY(other.exec(QStringLiteral("ROLLBACK")));

            m_clock.advanceMs(1'000);
            QVERIFY(ks.saveNow().ok());
            QVERIFY(ks.isSaved());
            QVERIFY(ks.saveNow().ok()); // nothing left to do
            const auto audit = AuditLog(db).forEntity(QStringLiteral("risk"));
            QVERIFY(audit.ok());
            QCOMPARE(audit.value().size(), 1);
            QCOMPARE(audit.value().first().actor, QStringLiteral("ui"));
            QCOMPARE(audit.value().first().before.value(u"mode").toString(), QStringLiteral("OFF"));
            QCOMPARE(audit.value().first().after.value(u"mode").toString(), QStringLiteral("FLATTEN_ALL"));
            QCOMPARE(audit.value().first().after.value(u"since").toInteger(), T0); // when it was engaged
        }
        KillSwitch again(db);
        QVERIFY(again.load().ok());
        QCOMPARE(again.mode(), KillSwitchMode::FlattenAll);
        QCOMPARE(again.reason(), QStringLiteral("panic"));
    }

    void unreadableStateIsNotOverwritten()
    {
        const QJsonValue bad(QJsonObject { { QStringLiteral("mode"), QStringLiteral("BOGUS") } });
        QVERIFY(EngineStateRepository(*m_db).set(KillSwitch::stateKey(), bad, QStringLiteral("test")).ok());
        KillSwitch ks(*m_db);
        QVERIFY(!ks.load().ok());
        QVERIFY(ks.isSaved()); // the fail-closed mode is not written over what is stored
        QVERIFY(ks.saveNow().ok());
        QCOMPARE(*stored(), bad);
    }

    void stateJson()
    {
        const KillSwitchState s { KillSwitchMode::FlattenAll, QStringLiteral("panic"), T0, QStringLiteral("api") };
        const QJsonObject o = s.toJson();
        QCOMPARE(o.value(u"mode").toString(), QStringLiteral("FLATTEN_ALL"));
        QCOMPARE(o.value(u"reason").toString(), QStringLiteral("panic"));
        QCOMPARE(o.value(u"since").toInteger(), T0);
        QCOMPARE(o.value(u"actor").toString(), QStringLiteral("api"));
        QCOMPARE(KillSwitchState::fromJson(o), std::optional<KillSwitchState>(s));
        QVERIFY(KillSwitch::isUserActor(QStringLiteral("ui")));
        QVERIFY(KillSwitch::isUserActor(QStringLiteral("api")));
        QVERIFY(KillSwitch::isUserActor(QStringLiteral("cli")));
        QVERIFY(!KillSwitch::isUserActor(QStringLiteral("service.api")));
        QVERIFY(!KillSwitch::isUserActor(QString()));
    }
};

QTEST_GUILESS_MAIN(TestKillSwitch)
#include "tst_killswitch.moc"
