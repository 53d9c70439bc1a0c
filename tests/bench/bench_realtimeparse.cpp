// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmarks of the Kiwoom client, printed as figures (not a timed test):
//  1. REAL 0B frame parse throughput on one core, JSON text of a realistic frame (one entry, ~40
//     FIDs as in the protocol example; and five entries) -> typed TradeTick: the old way
//     (QJsonDocument + parseRealFrame) against the fast path (parseRealFrameFast), in entries per
//     second of thread CPU time (and of wall time), median of several rounds. Also the client's
//     way (QString from QWebSocket -> toUtf8 -> fast path) and the typed step alone.
//  2. REST round-trip latency against the scripted fake server on loopback (p50 / p90 / p99),
//     through the full client path (rate limiter, token, QNetworkAccessManager, envelope, parser),
//     for a query and for an order (orders use SingleShotHttp: one connection per request).
#include "common/clock.h"
#include "kiwoom/realtimeparse.h"
#include "kiwoom/restclient.h"
#include "kiwoom/tokenmanager.h"
#include "kiwoomfakeserver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QLoggingCategory>

#include <cstdio>
#include <ctime>

namespace {

QByteArray tradeFrame(int entries, int i)
{
    QByteArray data;
    for (int e = 0; e < entries; ++e) {
        if (e)
            data += ',';
        const QByteArray price = QByteArray::number(70000 + (i + e) % 500 * 100);
        data += R"({"type":"0B","name":"주식체결","item":"005930","values":{"20":"165208","10":"-)" + price
            + R"(","11":"-50","12":"-0.24","27":"-)" + price
            + R"(","28":"-20700","15":"+82","13":"30379732","14":"632640",)"
              R"("16":"-20850","17":"+20900","18":"-20700","25":"5","26":"-9036","29":"-148","30":"-0.03","31":"0.18","32":"4",)"
              R"("228":"87.74","311":"4120","290":"2","691":"0","567":"000000","568":"000000","851":"","1890":"","1891":"",)"
              R"("1892":"","1030":"","1031":"","1032":"","1071":"","1072":"","1313":"","1315":"","1316":"","1314":"","620":"20817",)"
              R"("732":"","852":"","9081":"1"}})";
    }
    return R"({"data":[)" + data + R"(],"trnm":"REAL"})";
}

// Thread CPU time: the figure that survives a busy machine (wall time is printed as well).
qint64 cpuNs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

struct Rate
{
    double wallPerS = 0; // entries per second of wall time
    double cpuPerS = 0; // entries per second of thread CPU time
};

// Runs parse over frames (round robin) `count` times; entries per second.
template<typename Text, typename Parse>
Rate measure(const QList<Text> &frames, int entriesPerFrame, int count, Parse parse)
{
    QElapsedTimer wall;
    wall.start();
    const qint64 cpu0 = cpuNs();
    for (int i = 0; i < count; ++i)
        parse(frames[i % frames.size()]);
    const double cpuS = double(cpuNs() - cpu0) / 1e9;
    const double wallS = double(wall.nsecsElapsed()) / 1e9;
    return { count * entriesPerFrame / wallS, count * entriesPerFrame / cpuS };
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

void benchParse(int rounds)
{
    QList<QByteArray> single;
    for (int i = 0; i < 1000; ++i)
        single << tradeFrame(1, i);
    QList<QByteArray> multi;
    for (int i = 0; i < 200; ++i)
        multi << tradeFrame(5, i);
    QList<QString> singleText; // what the client holds: QWebSocket hands over a QString
    for (const QByteArray &f : single)
        singleText << QString::fromUtf8(f);
    std::printf("0B frame: %lld bytes, %lld FIDs; %d rounds, median\n", qint64(single.first().size()),
        qint64(QJsonDocument::fromJson(single.first())
                   .object()
                   .value(QStringLiteral("data"))
                   .toArray()
                   .first()
                   .toObject()
                   .value(QStringLiteral("values"))
                   .toObject()
                   .size()),
        rounds);

    quint64 seq = 0;
    qint64 checksum = 0;
    const auto viaJson = [&](const QByteArray &text) {
        const QJsonObject frame = QJsonDocument::fromJson(text).object();
        const Kiwoom::ParsedRealFrame parsed = Kiwoom::parseRealFrame(frame, 1726559528000, &seq);
        checksum += std::get<Kiwoom::TradeTick>(parsed.events.first()).price;
    };
    const auto viaFast = [&](const QByteArray &text) {
        const auto parsed = Kiwoom::parseRealFrameFast(text, 1726559528000, &seq);
        checksum += std::get<Kiwoom::TradeTick>(parsed->events.first()).price;
    };
    const auto viaClient = [&](const QString &text) {
        const auto parsed = Kiwoom::parseRealFrameFast(text.toUtf8(), 1726559528000, &seq);
        checksum += std::get<Kiwoom::TradeTick>(parsed->events.first()).price;
    };
    // The fast path must read these frames (else it would be measuring the fallback).
    if (!Kiwoom::parseRealFrameFast(single.first(), 0, &seq) || !Kiwoom::parseRealFrameFast(multi.first(), 0, &seq)) {
        std::printf("the fast path does not read the benchmark frames\n");
        return;
    }
    struct Row
    {
        const char *label;
        QList<double> wall, cpu;
    };
    Row rows[] = {
        { "old  QJsonDocument + parseRealFrame, 1 entry/frame ", {}, {} },
        { "new  parseRealFrameFast,             1 entry/frame ", {}, {} },
        { "new  QString -> toUtf8 -> fast (the client's way)  ", {}, {} },
        { "old  QJsonDocument + parseRealFrame, 5 entries/frame", {}, {} },
        { "new  parseRealFrameFast,             5 entries/frame", {}, {} },
    };
    const auto add = [](Row &row, const Rate &r) {
        row.wall << r.wallPerS;
        row.cpu << r.cpuPerS;
    };
    for (int round = 0; round < rounds; ++round) {
        add(rows[0], measure(single, 1, 100000, viaJson));
        add(rows[1], measure(single, 1, 400000, viaFast));
        add(rows[2], measure(singleText, 1, 400000, viaClient));
        add(rows[3], measure(multi, 5, 20000, viaJson));
        add(rows[4], measure(multi, 5, 80000, viaFast));
    }
    for (const Row &row : rows)
        std::printf("REAL 0B %s: %9.0f entries/s CPU (%9.0f wall)\n", row.label, median(row.cpu), median(row.wall));
    std::printf("speed-up (CPU): 1 entry/frame %.2fx, 5 entries/frame %.2fx [checksum %lld]\n",
        median(rows[1].cpu) / median(rows[0].cpu), median(rows[4].cpu) / median(rows[3].cpu), checksum);

    // The typed step alone (JSON already parsed).
    const QJsonObject values = QJsonDocument::fromJson(single.first())
                                   .object()
                                   .value(QStringLiteral("data"))
                                   .toArray()
                                   .first()
                                   .toObject()
                                   .value(QStringLiteral("values"))
                                   .toObject();
    constexpr int TYPED = 200000;
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < TYPED; ++i)
        checksum += Kiwoom::parseTradeTick(values, QStringLiteral("005930"), 1726559528000)->price;
    const double st = double(t.nsecsElapsed()) / 1e9;
    std::printf("typed TradeTick from parsed values only: %.0f entries/s (%.2f us)\n", TYPED / st, st / TYPED * 1e6);
}

struct Percentiles
{
    double p50, p90, p99, max;
};

Percentiles percentiles(QList<qint64> ns)
{
    std::sort(ns.begin(), ns.end());
    const auto at = [&](double q) { return double(ns[qsizetype(q * (ns.size() - 1))]) / 1e6; };
    return { at(0.5), at(0.9), at(0.99), double(ns.last()) / 1e6 };
}

void benchRest()
{
    KiwoomFakeServer server;
    if (!server.listen()) {
        std::printf("fake server did not start\n");
        return;
    }
    server.setHandler(QStringLiteral("ka10001"), [](const auto &) {
        return KiwoomFakeServer::Response::ok(QJsonObject { { QStringLiteral("stk_cd"), QStringLiteral("005930") },
            { QStringLiteral("cur_prc"), QStringLiteral("+70100") } });
    });
    server.setHandler(QStringLiteral("kt10000"), [](const auto &) {
        return KiwoomFakeServer::Response::raw(
            R"({"ord_no":"0000138","dmst_stex_tp":"KRX","return_code":0,"return_msg":"ok"})");
    });
    QNetworkAccessManager network;
    TokenManager tokens(network, KiwoomEndpoints { server.restUrl(), server.wsUrl() },
        Credentials { QStringLiteral("bench-app-key"), QStringLiteral("bench-secret") }, SystemClock::instance());
    RateLimiter::Config rate;
    rate.queriesPerSecond = 100000; // measure the client, not the pacing
    rate.ordersPerSecond = 100000;
    RateLimiter limiter(rate, RateLimiter::MonotonicClock());
    RestClient rest(network, server.restUrl(), tokens, limiter, SystemClock::instance());
    QObject context;

    const auto measure = [&](const char *label, int n, auto issue) {
        QList<qint64> samples;
        QElapsedTimer total;
        total.start();
        for (int i = 0; i < n; ++i) {
            QElapsedTimer t;
            t.start();
            bool done = false;
            bool ok = false;
            issue([&](bool success) {
                ok = success;
                done = true;
            });
            while (!done)
                QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
            if (!ok) {
                std::printf("%s: request failed\n", label);
                return;
            }
            samples << t.nsecsElapsed();
        }
        const Percentiles p = percentiles(samples);
        std::printf("%s, %d sequential round trips: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms (%.0f req/s)\n",
            label, n, p.p50, p.p90, p.p99, p.max, n / (double(total.nsecsElapsed()) / 1e9));
    };

    // Warm up: token + connections.
    measure("warm-up", 20, [&](auto done) {
        rest.stockInfo(QStringLiteral("005930"), &context, [done](const auto &r) { done(r.ok()); });
    });
    measure("REST ka10001 (query, QNetworkAccessManager keep-alive)", 2000, [&](auto done) {
        rest.stockInfo(QStringLiteral("005930"), &context, [done](const auto &r) { done(r.ok()); });
    });
    {
        // Concurrent: 25 at once (the limiter keeps 5 in flight).
        for (int round = 0; round < 3; ++round) {
            QElapsedTimer t;
            t.start();
            int done = 0;
            for (int i = 0; i < 25; ++i)
                rest.stockInfo(QStringLiteral("005930"), &context, [&](const auto &) { ++done; });
            while (done < 25)
                QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
            std::printf("25 concurrent ka10001 (5 in flight): %.1f ms\n", double(t.nsecsElapsed()) / 1e6);
        }
    }
    const Kiwoom::OrderRequest order { Side::Buy, Kiwoom::Exchange::Krx, QStringLiteral("005930"), 1, 70100,
        Kiwoom::TradeType::Limit, 0 };
    measure("REST kt10000 (order, SingleShotHttp: new connection each)", 1000,
        [&](auto done) { rest.placeOrder(order, &context, [done](const auto &r) { done(r.ok()); }); });
}

} // namespace

// bench_realtimeparse [parse|rest] [rounds]: both parts by default, 5 rounds of the parse part.
int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("kt.*.info=false\nkt.*.warning=true"));
    const QStringList args = app.arguments().mid(1);
    const QString only = args.value(0);
    const int rounds = std::max(1, args.value(1, QStringLiteral("5")).toInt());
    std::printf("Kiwoom client benchmarks (Qt %s, one thread)\n", qVersion());
    if (only.isEmpty() || only == u"parse")
        benchParse(rounds);
    if (only.isEmpty() || only == u"rest")
        benchRest();
    return 0;
}
