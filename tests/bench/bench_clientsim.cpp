// SPDX-License-Identifier: GPL-3.0-or-later
// The app's Kiwoom client against the built-in simulator, end to end over loopback (the simulator
// on its own thread, as in demo mode):
//  * REST round-trip latency of ka10001 through the whole client stack (RateLimiter, TokenManager,
//    RestClient, QNetworkAccessManager, the codec) — p50/p90/p99/max, one request at a time — and
//    the throughput with 8 in flight;
//  * realtime 0B ticks per second delivered as typed TradeTicks with every stock registered and the
//    market running fast, plus a continuity check (cumulative volume without gaps = nothing lost).
// Quotas are off on both sides: this measures the machinery, not Kiwoom's 5/s.
#include "common/clock.h"
#include "kiwoom/kiwoomsession.h"
#include "market/krx.h"
#include "sim/simhost.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QSignalSpy>
#include <QTest>
#include <QTextStream>

#include <algorithm>
#include <functional>
#include <optional>

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

SimConfig simConfig()
{
    SimConfig c;
    c.seed = 20250310;
    c.speed = 0;
    c.startTimeMs = Krx::fromKst(QDate(2025, 3, 10), QTime(9, 30));
    c.historyDays = 60;
    c.minuteHistoryDays = 1;
    c.queryQuotaPerSecond = 0;
    c.orderQuotaPerSecond = 0;
    c.totalQueryQuotaPerSecond = 0;
    c.totalOrderQuotaPerSecond = 0;
    c.stepIntervalMs = 20;
    return c;
}

KiwoomSession::Config clientConfig(const SimEndpoints &endpoints)
{
    KiwoomSession::Config c;
    c.mode = QStringLiteral("demo");
    c.endpoints.restBase = endpoints.restBaseUrl;
    c.endpoints.wsUrl = endpoints.webSocketUrl;
    c.credentials.appKey = QString::fromLatin1(Sim::DEMO_APP_KEY);
    c.credentials.secretKey = QString::fromLatin1(Sim::DEMO_SECRET_KEY);
    c.rate.queriesPerSecond = 100'000;
    c.rate.ordersPerSecond = 100'000;
    c.rate.maxInFlight = 16;
    return c;
}

// Runs the event loop until done() (QTest::qWaitFor would sleep 10 ms between polls and measure
// its own granularity instead of the client).
bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 50);
    return done();
}

qint64 percentile(QList<qint64> sorted, double p)
{
    if (sorted.isEmpty())
        return 0;
    const int index = std::clamp(int(std::ceil(p / 100.0 * double(sorted.size()))) - 1, 0, int(sorted.size()) - 1);
    return sorted.at(index);
}

QString us(qint64 nanoseconds)
{
    return QString::number(double(nanoseconds) / 1000.0, 'f', 0) + QStringLiteral(" us");
}

void restLatency(KiwoomSession &session, const QStringList &codes)
{
    const int warmup = 30;
    const int n = 1000;
    QList<qint64> samples;
    samples.reserve(n);
    int failures = 0;
    QElapsedTimer total;
    for (int i = 0; i < warmup + n; ++i) {
        if (i == warmup)
            total.start();
        std::optional<bool> ok;
        QElapsedTimer t;
        t.start();
        QObject ctx;
        session.rest().stockInfo(
            codes.at(i % codes.size()), &ctx, [&ok](const KiwoomResult<Kiwoom::StockInfo> &r) { ok = r.ok(); });
        if (!waitUntil([&ok] { return ok.has_value(); }, 10000))
            ok = false;
        if (i >= warmup) {
            samples << t.nsecsElapsed();
            failures += *ok ? 0 : 1;
        }
    }
    const qint64 wall = std::max<qint64>(1, total.elapsed());
    std::sort(samples.begin(), samples.end());
    out() << "REST ka10001 round trip, sequential, " << n << " calls (" << failures << " failed): p50 "
          << us(percentile(samples, 50)) << ", p90 " << us(percentile(samples, 90)) << ", p99 "
          << us(percentile(samples, 99)) << ", max " << us(samples.last()) << "; " << (n * 1000 / wall) << " calls/s\n";

    // Eight in flight at a time.
    const int m = 2000;
    int done = 0;
    int sent = 0;
    int failed = 0;
    QObject ctx;
    std::function<void()> next = [&] {
        if (sent >= m)
            return;
        ++sent;
        session.rest().stockInfo(codes.at(sent % codes.size()), &ctx, [&](const KiwoomResult<Kiwoom::StockInfo> &r) {
            ++done;
            failed += r ? 0 : 1;
            next();
        });
    };
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < 8; ++i)
        next();
    (void)waitUntil([&] { return done >= m; }, 120000);
    const qint64 ms = std::max<qint64>(1, t.elapsed());
    out() << "REST ka10001, 8 in flight: " << done << " calls (" << failed << " failed) in " << ms
          << " ms = " << (qint64(done) * 1000 / ms) << " calls/s\n";
}

void realtimeThroughput(SimHost &host, KiwoomSession &session, const QStringList &codes, double speed, int seconds)
{
    RealtimeClient &rt = session.realtime();
    qint64 ticks = 0;
    qint64 gaps = 0;
    qint64 lastTickMs = 0;
    QElapsedTimer clock;
    QHash<QString, qint64> cum;
    const auto connection
        = QObject::connect(&rt, &RealtimeClient::tradeTickReceived, &rt, [&](const Kiwoom::TradeTick &t) {
              ++ticks;
              lastTickMs = clock.elapsed();
              const auto it = cum.constFind(t.code);
              // The day's first trade restarts the cumulative volume (a day roll at high speed).
              if (it != cum.cend() && t.cumVolume != *it + t.volume && t.cumVolume != t.volume)
                  ++gaps;
              cum.insert(t.code, t.cumVolume);
          });
    const quint64 framesBefore = rt.stats().framesReceived;
    const qint64 virtualBefore = qint64(host.state().value(QStringLiteral("virtual_ms")).toDouble());
    clock.start();
    host.setSpeed(speed);
    QTest::qWait(seconds * 1000);
    host.setSpeed(0);
    // Drain: whatever the simulator produced is counted, until the stream has been quiet for 500 ms
    // (if the client or the simulator fell behind, the backlog still arrives and the rate drops).
    qint64 seen = -1;
    while (seen != ticks) {
        seen = ticks;
        QTest::qWait(500);
    }
    const qint64 ms = std::max<qint64>(1, lastTickMs);
    const qint64 virtualMs = qint64(host.state().value(QStringLiteral("virtual_ms")).toDouble()) - virtualBefore;
    QObject::disconnect(connection);
    out() << "realtime 0B, " << codes.size() << " stocks, speed " << speed << "x: " << ticks << " ticks in "
          << (rt.stats().framesReceived - framesBefore) << " frames, last one " << ms
          << " ms after the start = " << (ticks * 1000 / ms) << " ticks/s delivered (" << (virtualMs / 1000)
          << " s of market in " << seconds << " s); continuity gaps " << gaps << ", malformed "
          << rt.stats().malformedFrames << ", reconnects " << rt.stats().reconnects << "\n";
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
            QLoggingCategory::setFilterRules(QStringLiteral("kt.*.info=false\nkt.*.debug=false"));

    SimHost host;
    const auto endpoints = host.start(simConfig());
    if (!endpoints) {
        out() << "simulator failed: " << endpoints.error().message << "\n";
        return 1;
    }
    KiwoomSession session(clientConfig(*endpoints), SystemClock::instance());
    QSignalSpy ready(&session, &KiwoomSession::ready);
    session.start();
    if (!QTest::qWaitFor([&] { return !ready.isEmpty(); }, 20000)) {
        out() << "session not ready\n";
        return 1;
    }
    QStringList codes;
    {
        std::optional<QStringList> list;
        QObject ctx;
        for (const Kiwoom::Market market : { Kiwoom::Market::Kospi, Kiwoom::Market::Kosdaq }) {
            list.reset();
            session.rest().stockList(
                market, Kiwoom::Paging { 100, {} }, &ctx, [&](const KiwoomResult<Kiwoom::StockListReply> &r) {
                    QStringList c;
                    if (r) {
                        for (const Kiwoom::StockListing &s : r->stocks)
                            c << s.code;
                    }
                    list = c;
                });
            (void)QTest::qWaitFor([&] { return list.has_value(); }, 10000);
            codes += list.value_or(QStringList());
        }
    }
    out() << "client against simulator on " << endpoints->restBaseUrl.toString() << " (" << codes.size()
          << " stocks)\n";
    if (codes.isEmpty())
        return 1;

    restLatency(session, codes);

    session.realtime().subscribe(QStringLiteral("1"), codes, { QStringLiteral("0B") });
    (void)QTest::qWaitFor(
        [&] { return host.state().value(QStringLiteral("ws_registrations")).toInt() == codes.size(); }, 10000);
    for (const double speed : { 200.0, 1000.0, 5000.0, 10000.0 })
        realtimeThroughput(host, session, codes, speed, 3);

    QSignalSpy stopped(&session, &KiwoomSession::stopped);
    session.stop();
    (void)QTest::qWaitFor([&] { return !stopped.isEmpty(); }, 5000);
    host.stop();
    return 0;
}
