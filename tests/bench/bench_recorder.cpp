// SPDX-License-Identifier: GPL-3.0-or-later
// Figures of the market recorder and replay (issue 12), printed (not a timed test):
//  1. Bytes per recorded 0B tick: the app's Kiwoom client records a session of the built-in
//     simulator over loopback (20 stocks, 0B only, 30 virtual minutes; then 0B + 0D), file size on
//     disk / realtime entries received. Goal: <= 40 bytes per 0B tick on average.
//  2. Added latency per frame on the realtime path: the WireTap call (what RealtimeClient does
//     before parsing) timed one by one for the recorded frames, replayed in bursts while the writer
//     thread compresses and writes; p50 / p99 / p99.9 / max.
//  3. Replay speed at --speed 0: a SimServer replaying the recording as fast as possible, no client
//     and with one client registered for every stock; trades per second of wall time.
#include "clientsimfixture.h"
#include "recorder/marketrecorder.h"
#include "recorder/recordingreader.h"
#include "sim/simrealtimehub.h"
#include "sim/simreplaysource.h"
#include "sim/simserver.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <cstdio>

namespace {

struct Recorded
{
    QString file;
    qint64 entries = 0;
    qint64 ticks = 0;
    qint64 bytes = 0;
};

Recorded record(const QString &dir, const QStringList &types, int minutes, int level)
{
    ClientSimFixture f;
    if (!f.start()) {
        std::fprintf(stderr, "fixture: %s\n", qPrintable(f.error()));
        std::exit(1);
    }
    QStringList codes;
    for (int i = 0; i < 20; ++i)
        codes << f.code(i);
    MarketRecorder::Config rc;
    rc.directory = dir;
    rc.compressionLevel = level;
    MarketRecorder recorder(rc);
    (void)recorder.start();
    f.realtime().setWireTap(&recorder);
    f.realtime().setMarketClock(&f.clientClock()); // stamps on the simulator's virtual time
    Recorded r;
    QObject::connect(&f.realtime(), &RealtimeClient::tradeTickReceived, &f, [&r](const Kiwoom::TradeTick &) {
        ++r.ticks;
        ++r.entries;
    });
    QObject::connect(
        &f.realtime(), &RealtimeClient::orderBookReceived, &f, [&r](const Kiwoom::OrderBookUpdate &) { ++r.entries; });
    f.realtime().subscribe(QStringLiteral("1"), codes, types);
    f.waitForSimRegistrations(int(codes.size() * types.size()));
    for (int s = 0; s < minutes * 60; ++s) {
        f.advance(1000);
        f.server().realtime()->flush();
        while (f.realtime().stats().realEntries < f.server().realtime()->entriesSent())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
    }
    QTest::qWait(100);
    f.realtime().setWireTap(nullptr);
    recorder.stop();
    f.stop();
    const QStringList files = QDir(dir).entryList({ QStringLiteral("*.ktrec") });
    r.file = QDir(dir).filePath(files.value(0));
    r.bytes = QFileInfo(r.file).size();
    return r;
}

double percentile(std::vector<qint64> &v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return double(v[std::min(v.size() - 1, size_t(p / 100.0 * double(v.size())))]);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("*.info=false\n*.debug=false\nkt.*.warning=false"));
    QTemporaryDir tmp;

    // 1. bytes per tick
    for (int level : { 3, 9, 12, 19 }) {
        const Recorded r
            = record(tmp.filePath(QStringLiteral("0b-%1").arg(level)), { QStringLiteral("0B") }, 30, level);
        std::printf("recorder: 0B only, zstd level %d: %lld ticks, %lld bytes on disk = %.1f bytes per 0B tick\n",
            level, r.ticks, r.bytes, double(r.bytes) / double(std::max<qint64>(1, r.ticks)));
    }
    const Recorded both = record(tmp.filePath(QStringLiteral("0b0d")), { QStringLiteral("0B"), QStringLiteral("0D") },
        30, MarketRecorder::Config().compressionLevel);
    std::printf("recorder: 0B + 0D, default zstd level: %lld entries (%lld ticks), %lld bytes = %.1f bytes per entry, "
                "%.1f bytes per 0B tick with its book\n",
        both.entries, both.ticks, both.bytes, double(both.bytes) / double(std::max<qint64>(1, both.entries)),
        double(both.bytes) / double(std::max<qint64>(1, both.ticks)));

    // 2. tap latency
    {
        const auto records = RecordingReader::readAll(both.file);
        QVector<QByteArray> frames;
        for (const auto &rec : *records)
            if (rec.kind == Recording::Kind::RealtimeFrame)
                frames << rec.data;
        MarketRecorder::Config rc;
        rc.directory = tmp.filePath(QStringLiteral("latency"));
        MarketRecorder recorder(rc);
        (void)recorder.start();
        std::vector<qint64> ns;
        ns.reserve(size_t(frames.size()) * 4);
        QElapsedTimer t;
        qint64 ms = 1'700'000'000'000;
        for (int round = 0; round < 4; ++round) {
            for (int i = 0; i < frames.size(); ++i) {
                t.start();
                recorder.realtimeFrame(ms + i, frames.at(i));
                ns.push_back(t.nsecsElapsed());
                if (i % 200 == 199)
                    QThread::usleep(2000); // bursts, as the feed comes; the writer runs meanwhile
            }
        }
        recorder.stop();
        const auto stats = recorder.stats();
        std::printf("recorder: tap latency per frame over %zu frames (writer thread running, %llu blocks): "
                    "p50 %.0f ns, p99 %.0f ns, p99.9 %.0f ns, max %.0f ns\n",
            ns.size(), stats.blocksWritten, percentile(ns, 50), percentile(ns, 99), percentile(ns, 99.9),
            percentile(ns, 100));
    }

    // 3. replay speed
    for (bool withClient : { false, true }) {
        SimConfig c = ClientSimFixture::defaultSimConfig();
        c.replayFile = both.file;
        c.speed = 0;
        c.replayWaitForClientMs = -1;
        c.replayEventsPerStep = withClient ? 0 : 2000; // with a client: start once it listens
        ClientSimFixture f;
        ClientSimFixture::Options o;
        o.sim = c;
        o.startSession = withClient;
        if (!f.start(o)) {
            std::fprintf(stderr, "replay: %s\n", qPrintable(f.error()));
            return 1;
        }
        qint64 received = 0;
        if (withClient) {
            QObject::connect(
                &f.realtime(), &RealtimeClient::tradeTickReceived, &f, [&](const Kiwoom::TradeTick &) { ++received; });
            QStringList codes;
            for (const auto &s : f.server().replaySource()->stocks())
                codes << s.code;
            f.realtime().subscribe(QStringLiteral("1"), codes, { QStringLiteral("0B"), QStringLiteral("0D") });
            f.waitForSimRegistrations(int(codes.size()) * 2);
        }
        const int trades = f.server().replaySource()->tradeCount();
        SimServer &server = f.server();
        QElapsedTimer wall;
        wall.start();
        if (withClient) {
            // The server's own fast stepping, now that the client listens.
            SimConfig fast = c;
            Q_UNUSED(fast)
            while (!server.replayFinished()) {
                server.advanceClock(5000);
                QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
            }
            while (received < both.ticks && wall.elapsed() < 60'000)
                QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        } else {
            while (!server.replayFinished() && wall.elapsed() < 60'000)
                QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        }
        const double s = double(wall.nsecsElapsed()) / 1e9;
        std::printf("replay --speed 0%s: %d trades (%d events) in %.2f s = %.0f ticks/s%s\n",
            withClient ? ", one client registered for 0B+0D of every stock" : ", no client", trades,
            server.replaySource()->eventCount(), s, double(trades) / s,
            withClient ? qPrintable(QStringLiteral(" (%1 ticks received)").arg(received)) : "");
        f.stop();
    }
    return 0;
}
