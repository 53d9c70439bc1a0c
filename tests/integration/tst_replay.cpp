// SPDX-License-Identifier: GPL-3.0-or-later
// Record and replay (issue 12): the app's Kiwoom client records a session of the built-in simulator
// over loopback (MarketRecorder on the client's WireTap: 0B, 0D, condition list, results and hits);
// a second simulator replays that recording (SimReplaySource behind SimMarket) and a second client
// gets the same ticks and condition hits at the same virtual times. Orders against the replay match
// the recorded prices (a market buy at the recorded best ask, a limit buy only once recorded trades
// reach its price), and the same recording with the same orders gives the same fills, twice.
#include "clientsimfixture.h"
#include "recorder/marketrecorder.h"
#include "recorder/recordingreader.h"
#include "recorder/recordingwriter.h"
#include "sim/simexchange.h"
#include "sim/simmarket.h"
#include "sim/simrealtimehub.h"
#include "sim/simreplaysource.h"
#include "sim/simserver.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

namespace {

constexpr int STEP_MS = 1000;
constexpr int STEPS = 8 * 60; // eight virtual minutes

struct Seen
{
    QList<Kiwoom::TradeTick> ticks;
    QList<Kiwoom::ConditionHit> hits;
    QList<Kiwoom::OrderBookUpdate> books;
};

// Sends what the step queued and lets the client read all of it, so receive times are the step's.
void drain(ClientSimFixture &f)
{
    SimRealtimeHub &hub = *f.server().realtime();
    hub.flush();
    // Loopback frames need a few event loop passes on both ends: wait until the client has read
    // every entry the hub sent (by count, not by time: the machine may be busy).
    QElapsedTimer timer;
    timer.start();
    while (f.realtime().stats().realEntries < hub.entriesSent() && timer.elapsed() < 10'000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
}

// Registers codes for 0B/0D, lists the conditions and starts the first `conditions` of them as
// realtime conditions, then steps the market STEPS × STEP_MS, letting every frame arrive.
bool drive(ClientSimFixture &f, const QStringList &codes, Seen &seen, int conditions, QString *error)
{
    // Receive times on the simulator's virtual time (the fixture's clock follows every step), as
    // demo mode stamps them with the simulator's virtual clock.
    f.realtime().setMarketClock(&f.clientClock());
    QObject::connect(&f.realtime(), &RealtimeClient::tradeTickReceived, &f,
        [&seen](const Kiwoom::TradeTick &t) { seen.ticks << t; });
    QObject::connect(&f.realtime(), &RealtimeClient::orderBookReceived, &f,
        [&seen](const Kiwoom::OrderBookUpdate &b) { seen.books << b; });
    QObject::connect(&f.conditions(), &ConditionSearch::conditionHitReceived, &f,
        [&seen](const Kiwoom::ConditionHit &h) { seen.hits << h; });
    f.realtime().subscribe(QStringLiteral("1"), codes, { QStringLiteral("0B"), QStringLiteral("0D") });
    if (!f.waitForSimRegistrations(int(codes.size()) * 2)) {
        *error = QStringLiteral("registrations did not reach the simulator");
        return false;
    }
    const auto listed = ClientSimFixture::await<QList<Kiwoom::ConditionInfo>>(
        [&f](QObject *ctx, auto done) { f.conditions().listConditions(ctx, done); });
    if (!listed) {
        *error = listed.error().describe();
        return false;
    }
    for (int i = 0; i < std::min(conditions, int(listed->size())); ++i) {
        const QString seq = listed->at(i).seq;
        const auto started = ClientSimFixture::await<QStringList>(
            [&f, seq](QObject *ctx, auto done) { f.conditions().startRealtime(seq, ctx, done); });
        if (!started) {
            *error = started.error().describe();
            return false;
        }
    }
    for (int i = 0; i < STEPS; ++i) {
        f.advance(STEP_MS);
        drain(f);
    }
    QTest::qWait(200);
    return true;
}

QString describe(const Kiwoom::TradeTick &t)
{
    return QStringLiteral("%1 %2 %3x%4").arg(t.code).arg(t.timeMs).arg(t.price).arg(t.volume);
}

QString describe(const Kiwoom::ConditionHit &h)
{
    return QStringLiteral("%1 %2 %3 %4").arg(h.conditionSeq, h.code, h.entered ? "I" : "D").arg(h.timeMs);
}

} // namespace

class TestReplay final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_recording;
    Seen m_recorded;
    QStringList m_codes;

    SimConfig replayConfig() const
    {
        SimConfig c = ClientSimFixture::defaultSimConfig();
        c.replayFile = m_recording;
        c.speed = 0;
        c.replayEventsPerStep = 0; // paused: the test steps the clock
        c.replayWaitForClientMs = -1;
        return c;
    }

    struct Outcome
    {
        QList<SimFill> fills;
        QList<SimOrder> orders;
        qint64 deposit = 0;
        bool operator==(const Outcome &o) const
        {
            if (fills.size() != o.fills.size() || orders.size() != o.orders.size() || deposit != o.deposit)
                return false;
            for (int i = 0; i < fills.size(); ++i) {
                const SimFill &a = fills.at(i);
                const SimFill &b = o.fills.at(i);
                if (a.ordNo != b.ordNo || a.price != b.price || a.qty != b.qty || a.timeMs != b.timeMs || a.fee != b.fee
                    || a.tax != b.tax)
                    return false;
            }
            return true;
        }
    };

    // A replay server with a fixed set of orders: a market buy and a limit buy two ticks under the
    // price a minute in, a sell of what the market buy got three minutes in; run to the end.
    Outcome tradeTheReplay(
        QString *error, qint64 *limitPrice = nullptr, SimBook *bookAtBuy = nullptr, qint64 *buyTime = nullptr)
    {
        SimServer server;
        if (const Status s = server.start(replayConfig()); !s) {
            *error = s.error().message;
            return {};
        }
        SimMarket &m = *server.market();
        SimExchange &x = *server.exchange();
        server.advanceClock(60'000);
        const int a = m.indexOf(m_codes.at(0));
        const int b = m.indexOf(m_codes.at(1));
        if (bookAtBuy)
            *bookAtBuy = m.book(a);
        if (buyTime)
            *buyTime = m.nowMs();
        const auto market = x.submit(SimSide::Buy, a, 10, 0, 3);
        const qint64 limit = Krx::addTicks(m.quote(b).price, -2);
        if (limitPrice)
            *limitPrice = limit;
        const auto limitBuy = x.submit(SimSide::Buy, b, 7, limit, 0);
        if (!market || !limitBuy) {
            *error = QStringLiteral("orders refused: %1 %2")
                         .arg(market ? QString() : market.error().message,
                             limitBuy ? QString() : limitBuy.error().message);
            return {};
        }
        server.advanceClock(120'000);
        const qint64 held = x.sellableQty(a);
        if (held > 0)
            (void)x.submit(SimSide::Sell, a, held, 0, 3);
        server.advanceClock(qint64(STEPS) * STEP_MS);
        Outcome out;
        out.fills = x.fills();
        out.orders = x.orders();
        out.deposit = x.account().deposit();
        server.stop();
        return out;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        ClientSimFixture f;
        QVERIFY2(f.start(), qPrintable(f.error()));
        for (int i = 0; i < 8; ++i)
            m_codes << f.code(i);
        MarketRecorder::Config rc;
        rc.directory = m_dir.filePath(QStringLiteral("recordings"));
        rc.flushIntervalMs = 10;
        rc.blockBytes = 4096; // many blocks: a torn tail must cost only the last
        MarketRecorder recorder(rc);
        QVERIFY(recorder.start());
        f.realtime().setWireTap(&recorder);
        f.rest().setWireTap(&recorder);
        QString error;
        QVERIFY2(drive(f, m_codes, m_recorded, 10, &error), qPrintable(error));
        f.realtime().setWireTap(nullptr);
        f.rest().setWireTap(nullptr);
        recorder.flush();
        const MarketRecorder::Stats stats = recorder.stats();
        recorder.stop();
        f.stop();
        QCOMPARE(stats.errors, quint64(0));
        const QStringList files = QDir(rc.directory).entryList({ QStringLiteral("*.ktrec") });
        QCOMPARE(files.size(), 1);
        m_recording = QDir(rc.directory).filePath(files.first());
        QVERIFY(m_recorded.ticks.size() > 100);
        QVERIFY2(!m_recorded.hits.isEmpty(), "the recorded session had no condition hit");
        qInfo() << "recorded" << m_recorded.ticks.size() << "ticks," << m_recorded.books.size() << "books,"
                << m_recorded.hits.size() << "condition hits," << QFileInfo(m_recording).size() << "bytes,"
                << double(QFileInfo(m_recording).size()) / double(m_recorded.ticks.size() + m_recorded.books.size())
                << "bytes per realtime entry";
    }

    void replayServesTheSameTicksAndHitsAtTheSameTimes()
    {
        ClientSimFixture::Options o;
        o.sim = replayConfig();
        ClientSimFixture f;
        QVERIFY2(f.start(o), qPrintable(f.error()));
        // The replay starts just before the first recorded event.
        const qint64 start = f.server().replaySource()->startMs();
        QVERIFY(start > 0);
        QCOMPARE(f.virtualNowMs(), start - 1);
        f.advance(1); // the recording's first instant, as when it was recorded
        Seen replayed;
        QString error;
        QVERIFY2(drive(f, m_codes, replayed, 10, &error), qPrintable(error));
        QVERIFY(f.server().replayFinished());
        QCOMPARE(replayed.ticks.size(), m_recorded.ticks.size());
        if (qEnvironmentVariableIsSet("KT_REPLAY_DEBUG")) {
            for (int i = 0; i < replayed.ticks.size(); i += 10)
                qInfo() << i << describe(replayed.ticks.at(i))
                        << replayed.ticks.at(i).meta.receivedMs - m_recorded.ticks.at(i).meta.receivedMs;
        }
        for (int i = 0; i < replayed.ticks.size(); ++i) {
            const Kiwoom::TradeTick &r = replayed.ticks.at(i);
            const Kiwoom::TradeTick &e = m_recorded.ticks.at(i);
            QCOMPARE(describe(r), describe(e));
            // Served at its recorded time: the client receives it at the same virtual instant.
            QVERIFY2(r.meta.receivedMs == e.meta.receivedMs,
                qPrintable(QStringLiteral("%1: received %2 vs %3")
                               .arg(describe(r))
                               .arg(r.meta.receivedMs)
                               .arg(e.meta.receivedMs)));
        }
        QCOMPARE(replayed.books.size(), m_recorded.books.size());
        QCOMPARE(replayed.hits.size(), m_recorded.hits.size());
        for (int i = 0; i < replayed.hits.size(); ++i) {
            QCOMPARE(describe(replayed.hits.at(i)), describe(m_recorded.hits.at(i)));
            QCOMPARE(replayed.hits.at(i).meta.receivedMs, m_recorded.hits.at(i).meta.receivedMs);
        }
        // The simulator's own condition list is the recorded one.
        const auto listed = ClientSimFixture::await<QList<Kiwoom::ConditionInfo>>(
            [&f](QObject *ctx, auto done) { f.conditions().listConditions(ctx, done); });
        QVERIFY(listed.ok());
        QVERIFY(listed->size() >= 10);
    }

    void replayEventsHappenAtTheirRecordedTimes()
    {
        SimServer server;
        QVERIFY(server.start(replayConfig()));
        SimMarket &m = *server.market();
        int events = 0;
        int late = 0;
        connect(&m, &SimMarket::sourceEvent, this, [&](const SimSourceEvent &e) {
            ++events;
            if (e.timeMs != m.nowMs())
                ++late;
        });
        server.advanceClock(qint64(STEPS + 10) * STEP_MS);
        QVERIFY(server.replayFinished());
        QVERIFY(events > m_recorded.ticks.size());
        QCOMPARE(late, 0);
        // Quotes and minute bars follow the recorded trades.
        const int a = m.indexOf(m_codes.at(0));
        QCOMPARE(m.quote(a).price, [&] {
            qint64 last = 0;
            for (const auto &t : m_recorded.ticks)
                if (t.code == m_codes.at(0))
                    last = t.price;
            return last;
        }());
        QVERIFY(!m.minuteBars(a, m.currentDate()).isEmpty());
    }

    void ordersMatchTheRecordedPricesTheSameEveryTime()
    {
        QString error;
        qint64 limit = 0;
        SimBook book;
        qint64 buyTime = 0;
        const Outcome first = tradeTheReplay(&error, &limit, &book, &buyTime);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const Outcome second = tradeTheReplay(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(first == second);
        QVERIFY(!first.fills.isEmpty());
        // The market buy took the recorded best ask.
        const SimFill &marketFill = first.fills.first();
        QCOMPARE(marketFill.ordNo, 1);
        QCOMPARE(marketFill.price, book.asks[0].price);
        QCOMPARE(marketFill.timeMs, buyTime);
        // The limit buy filled (if at all) only after a recorded trade at or under its price.
        for (const SimFill &fill : first.fills) {
            if (fill.ordNo != 2)
                continue;
            QVERIFY(fill.price <= limit);
            bool reached = false;
            for (const auto &t : m_recorded.ticks) {
                if (t.code == m_codes.at(1) && t.meta.receivedMs <= fill.timeMs + STEP_MS && t.meta.receivedMs > buyTime
                    && t.price <= limit)
                    reached = true;
            }
            QVERIFY2(reached, "the limit buy filled before any recorded trade reached its price");
        }
        qInfo() << "replayed orders:" << first.orders.size() << "fills:" << first.fills.size()
                << "deposit after:" << first.deposit;
    }

    void aDamagedTailStillReplays()
    {
        // The recording rewritten in blocks of 50 records (how many blocks the recorder wrote
        // depends on timing), then its last block torn.
        const auto records = RecordingReader::readAll(m_recording);
        QVERIFY(records.ok());
        const QString copy = m_dir.filePath(QStringLiteral("torn.ktrec"));
        {
            RecordingWriter w;
            QVERIFY(w.open(copy));
            for (qsizetype i = 0; i < records->size(); i += 50)
                QVERIFY(w.writeBlock(records->mid(i, 50)));
        }
        const auto whole = SimReplaySource::load(copy);
        QVERIFY(whole.ok());
        QVERIFY(!whole.value()->tailDamaged());
        QFile f(copy);
        QVERIFY(f.resize(f.size() - 5));
        const auto source = SimReplaySource::load(copy);
        QVERIFY(source.ok());
        QVERIFY(source.value()->tailDamaged());
        QVERIFY(source.value()->tradeCount() > 0);
        QVERIFY(source.value()->tradeCount() < whole.value()->tradeCount());
        bool damaged = false;
        const auto left = RecordingReader::readAll(copy, &damaged);
        QVERIFY(damaged);
        QCOMPARE(left->size(), (records->size() - 1) / 50 * 50); // only the last block is lost
    }

    void badReplayInputIsRefused()
    {
        QCOMPARE(SimReplaySource::load(m_dir.filePath(QStringLiteral("missing.ktrec"))).error().code,
            QStringLiteral("recording.io"));
        QCOMPARE(SimReplaySource::load(m_recording, 1000, 930).error().code, QStringLiteral("replay.bad_time"));
        QCOMPARE(SimReplaySource::load(m_recording, 1561).error().code, QStringLiteral("replay.bad_time"));
        QCOMPARE(SimReplaySource::load(m_recording, 1500, 1510).error().code, QStringLiteral("replay.empty"));
    }
};

QTEST_GUILESS_MAIN(TestReplay)
#include "tst_replay.moc"
