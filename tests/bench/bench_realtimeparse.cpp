// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmarks of the Kiwoom client, printed as figures (not a timed test):
//  1. REAL 0B frame parse throughput on one core: JSON text of a realistic frame (one entry,
//     ~40 FIDs as in the protocol example) -> QJsonDocument -> typed TradeTick. Also a frame with
//     several entries, and the typed-parse step alone.
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

void benchParse()
{
    constexpr int FRAMES = 200000;
    QList<QByteArray> frames;
    for (int i = 0; i < 1000; ++i)
        frames << tradeFrame(1, i);
    std::printf("0B frame: %lld bytes, %lld FIDs\n", qint64(frames.first().size()),
        qint64(QJsonDocument::fromJson(frames.first())
                   .object()
                   .value(QStringLiteral("data"))
                   .toArray()
                   .first()
                   .toObject()
                   .value(QStringLiteral("values"))
                   .toObject()
                   .size()));

    quint64 seq = 0;
    qint64 checksum = 0;
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < FRAMES; ++i) {
        const QJsonObject frame = QJsonDocument::fromJson(frames[i % frames.size()]).object();
        const Kiwoom::ParsedRealFrame parsed = Kiwoom::parseRealFrame(frame, 1726559528000, &seq);
        checksum += std::get<Kiwoom::TradeTick>(parsed.events.first()).price;
    }
    const double s = double(t.nsecsElapsed()) / 1e9;
    std::printf(
        "REAL 0B parse (text -> typed TradeTick), 1 entry/frame: %.0f frames/s (%.2f us/frame) [checksum %lld]\n",
        FRAMES / s, s / FRAMES * 1e6, checksum);

    QList<QByteArray> multi;
    for (int i = 0; i < 100; ++i)
        multi << tradeFrame(5, i);
    t.restart();
    constexpr int MULTI = 40000;
    for (int i = 0; i < MULTI; ++i) {
        const QJsonObject frame = QJsonDocument::fromJson(multi[i % multi.size()]).object();
        checksum += Kiwoom::parseRealFrame(frame, 1726559528000, &seq).events.size();
    }
    const double sm = double(t.nsecsElapsed()) / 1e9;
    std::printf("REAL 0B parse, 5 entries/frame: %.0f frames/s = %.0f entries/s\n", MULTI / sm, MULTI * 5 / sm);

    // The typed step alone (JSON already parsed).
    const QJsonObject values = QJsonDocument::fromJson(frames.first())
                                   .object()
                                   .value(QStringLiteral("data"))
                                   .toArray()
                                   .first()
                                   .toObject()
                                   .value(QStringLiteral("values"))
                                   .toObject();
    t.restart();
    for (int i = 0; i < FRAMES; ++i)
        checksum += Kiwoom::parseTradeTick(values, QStringLiteral("005930"), 1726559528000)->price;
    const double st = double(t.nsecsElapsed()) / 1e9;
    std::printf("typed TradeTick from parsed values only: %.0f entries/s (%.2f us)\n", FRAMES / st, st / FRAMES * 1e6);
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

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("kt.*.info=false\nkt.*.warning=true"));
    std::printf("Kiwoom client benchmarks (Qt %s, one thread)\n", qVersion());
    benchParse();
    benchRest();
    return 0;
}
