// SPDX-License-Identifier: GPL-3.0-or-later
// Simulator figures: market build time, ticks generated per second (bare market and with the
// exchange, conditions and realtime hub attached), REST requests served per second over loopback.
#include "market/krx.h"
#include "sim/simhost.h"
#include "sim/simmarket.h"
#include "sim/simserver.h"
#include "simtestclient.h"
#include "simtestconfig.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QNetworkReply>
#include <QTextStream>

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

SimConfig demoLike()
{
    SimConfig c = SimTest::config(20250310);
    c.historyDays = 260;
    c.minuteHistoryDays = 5;
    c.queryQuotaPerSecond = 0;
    c.totalQueryQuotaPerSecond = 0;
    return c;
}

void marketFigures()
{
    QElapsedTimer timer;
    timer.start();
    SimMarket market(demoLike());
    out() << "market build (61 stocks, 260 daily + 5 tick-simulated days): " << timer.elapsed() << " ms\n";
    qint64 ticks = 0;
    QObject::connect(&market, &SimMarket::traded, &market, [&ticks](int, const SimTick &) { ++ticks; });
    timer.restart();
    market.advance(5LL * 6 * 3600 * 1000 + 5LL * 30 * 60 * 1000); // five full sessions
    const qint64 ms = std::max<qint64>(1, timer.elapsed());
    out() << "bare market: " << ticks << " ticks in " << ms << " ms = " << ticks * 1000 / ms << " ticks/s\n";
}

void serverFigures()
{
    SimServer server;
    if (!server.start(demoLike()))
        return;
    qint64 ticks = 0;
    QObject::connect(server.market(), &SimMarket::traded, &server, [&ticks](int, const SimTick &) { ++ticks; });
    QElapsedTimer timer;
    timer.start();
    const qint64 virtualMs = 2LL * 6 * 3600 * 1000 + 2LL * 30 * 60 * 1000; // two full sessions
    server.advanceClock(virtualMs);
    const qint64 ms = std::max<qint64>(1, timer.elapsed());
    out() << "with exchange + conditions + hub: " << ticks << " ticks in " << ms << " ms = " << ticks * 1000 / ms
          << " ticks/s, i.e. the market can run " << virtualMs / ms << "x faster than real time\n";
}

void restFigures()
{
    SimHost host;
    const auto started = host.start(demoLike());
    if (!started)
        return;
    SimTestClient client(host.restBaseUrl());
    client.issueToken(SimTest::appKey(), SimTest::secretKey());
    const QJsonObject body { { QStringLiteral("stk_cd"), QStringLiteral("005930") } };
    for (int i = 0; i < 50; ++i)
        client.tr(QStringLiteral("ka10001"), body);
    const int n = 2000;
    QElapsedTimer timer;
    timer.start();
    int ok = 0;
    for (int i = 0; i < n; ++i)
        ok += client.tr(QStringLiteral("ka10001"), body).returnCode() == 0 ? 1 : 0;
    qint64 ms = std::max<qint64>(1, timer.elapsed());
    out() << "REST ka10001 sequential: " << ok << "/" << n << " in " << ms << " ms = " << qint64(n) * 1000 / ms
          << " req/s\n";

    const QJsonObject chart { { QStringLiteral("stk_cd"), QStringLiteral("005930") },
        { QStringLiteral("tic_scope"), QStringLiteral("1") }, { QStringLiteral("upd_stkpc_tp"), QStringLiteral("1") } };
    timer.restart();
    int pages = 0;
    const QList<QJsonObject> rows
        = client.allPages(QStringLiteral("ka10080"), chart, QStringLiteral("stk_min_pole_chart_qry"), &pages);
    ms = std::max<qint64>(1, timer.elapsed());
    out() << "REST ka10080 1-minute chart, all pages: " << rows.size() << " rows in " << pages << " pages, " << ms
          << " ms\n";
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    marketFigures();
    serverFigures();
    restFigures();
    out().flush();
    return 0;
}
