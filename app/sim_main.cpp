// SPDX-License-Identifier: GPL-3.0-or-later
// kiwoom-sim: the built-in Kiwoom simulator as a standalone program, for scripts, demos and tests.
// Prints its REST base URL and WebSocket URL on start and stops cleanly on SIGINT/SIGTERM.

#include "signalwatcher.h"

#include "common/logging.h"
#include "market/krx.h"
#include "sim/simconfig.h"
#include "sim/simfaults.h"
#include "sim/simserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QTextStream>

#include <cstdio>

namespace {

int fail(const QString &message)
{
    QTextStream(stderr) << "kiwoom-sim: " << message << '\n';
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("kiwoom-trader"));
    QCoreApplication::setApplicationName(QStringLiteral("kiwoom-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KT_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Kiwoom REST + WebSocket simulator: a seeded synthetic KRX market, order matching, an account\n"
        "and fault injection on one loopback port. With no --appkey/--secretkey it accepts the demo\n"
        "credentials of kiwoom-trader's demo mode.\n\n"
        "Fault spec (--faults, also POST /_sim/faults): rules separated by ';', each\n"
        "  KIND[,rate=P][,count=N][,after=N][,at=HHMM|HHMMSS|YYYYMMDDHHmmss][,api=ID|ID][,status=5xx][,ms=N]\n"
        "      [,when=before|after]\n"
        "KIND: http5xx, timeout, delay, ratelimit, token-expiry, malformed, ws-drop, ws-duplicate,\n"
        "ws-reorder, ws-malformed. when=after (http5xx, timeout): the request is carried out, then its\n"
        "reply is lost. delay,ms=N: the request is carried out, its reply comes N ms late.\n"
        "Every reply carries the market time: x-sim-time (virtual UTC epoch ms), x-sim-speed.\n"
        "Example: --faults \"http5xx,rate=0.05;ws-drop,at=1030\""));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption portOption(QStringLiteral("port"), QStringLiteral("Loopback port (0 = any free port)."),
        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("Market seed (same seed, same prices)."),
        QStringLiteral("S"), QStringLiteral("20250310"));
    const QCommandLineOption appKeyOption(
        QStringLiteral("appkey"), QStringLiteral("App key au10001 accepts."), QStringLiteral("K"));
    const QCommandLineOption secretOption(
        QStringLiteral("secretkey"), QStringLiteral("Secret key au10001 accepts."), QStringLiteral("S"));
    const QCommandLineOption speedOption(QStringLiteral("speed"),
        QStringLiteral("Market clock speed (1 = real time, 60 = a minute per second, "
                       "0 = paused; step it with POST /_sim/clock/advance)."),
        QStringLiteral("X"), QStringLiteral("1"));
    const QCommandLineOption faultsOption(
        QStringLiteral("faults"), QStringLiteral("Fault injection spec (see above)."), QStringLiteral("SPEC"));
    const QCommandLineOption followOption(QStringLiteral("follow-session-hours"),
        QStringLiteral("Follow the real KRX timetable instead of an always-open market."));
    const QCommandLineOption startOption(QStringLiteral("start"),
        QStringLiteral("Virtual start time, KST yyyyMMddHHmmss (default: now)."), QStringLiteral("TIME"));
    const QCommandLineOption cashOption(QStringLiteral("cash"), QStringLiteral("Initial cash in KRW."),
        QStringLiteral("KRW"), QStringLiteral("100000000"));
    const QCommandLineOption stateOption(QStringLiteral("state"),
        QStringLiteral("Keep the account (cash, holdings, orders, fills) and the virtual time in FILE across restarts "
                       "(default: in memory only). A file saved with another seed or cash is refused, never "
                       "overwritten."),
        QStringLiteral("FILE"));
    const QCommandLineOption replayOption(QStringLiteral("replay"),
        QStringLiteral("Serve a recorded day (a kiwoom-trader recording, <data-dir>/recordings/*.ktrec) instead of "
                       "the random walk: its realtime frames at their recorded times, its condition results and "
                       "hits; orders match against its trades and books. --speed 0 = as fast as possible."),
        QStringLiteral("FILE"));
    const QCommandLineOption fromOption(QStringLiteral("from"),
        QStringLiteral("Replay: start serving at HHMM (KST; earlier events only build the state)."),
        QStringLiteral("HHMM"));
    const QCommandLineOption toOption(
        QStringLiteral("to"), QStringLiteral("Replay: stop at HHMM (KST)."), QStringLiteral("HHMM"));
    const QCommandLineOption universeOption(QStringLiteral("universe"),
        QStringLiteral("Stocks listed: the 61 hand-written ones and, beyond them, deterministic synthetic KOSPI/KOSDAQ "
                       "stocks (at most 10000)."),
        QStringLiteral("N"), QString::number(Sim::BASE_UNIVERSE_SIZE));
    const QCommandLineOption intensityOption(QStringLiteral("tick-intensity"),
        QStringLiteral("Trades per stock versus the calibrated pace (the day's volume in more, smaller trades; "
                       "for load tests)."),
        QStringLiteral("X"), QStringLiteral("1"));
    const QCommandLineOption maxItemsOption(QStringLiteral("max-realtime-items"),
        QStringLiteral("Realtime (type, item) registrations allowed per WebSocket session."), QStringLiteral("N"),
        QString::number(SimConfig().maxRealtimeItems));
    parser.addOptions({ portOption, seedOption, appKeyOption, secretOption, speedOption, faultsOption, followOption,
        startOption, cashOption, stateOption, replayOption, fromOption, toOption, universeOption, intensityOption,
        maxItemsOption });
    parser.process(app);

    SimConfig config;
    bool ok = false;
    const uint port = parser.value(portOption).toUInt(&ok);
    if (!ok || port > 65535)
        return fail(QStringLiteral("--port must be 0..65535"));
    config.port = quint16(port);
    config.seed = parser.value(seedOption).toULongLong(&ok);
    if (!ok)
        return fail(QStringLiteral("--seed must be a non-negative integer"));
    config.speed = parser.value(speedOption).toDouble(&ok);
    if (!ok || config.speed < 0)
        return fail(QStringLiteral("--speed must be a non-negative number"));
    config.universeSize = parser.value(universeOption).toInt(&ok);
    if (!ok || config.universeSize < Sim::BASE_UNIVERSE_SIZE || config.universeSize > Sim::MAX_UNIVERSE_SIZE)
        return fail(
            QStringLiteral("--universe must be %1..%2").arg(Sim::BASE_UNIVERSE_SIZE).arg(Sim::MAX_UNIVERSE_SIZE));
    config.tickIntensity = parser.value(intensityOption).toDouble(&ok);
    if (!ok || !(config.tickIntensity >= 0.01 && config.tickIntensity <= 1000))
        return fail(QStringLiteral("--tick-intensity must be a number in 0.01..1000"));
    config.maxRealtimeItems = parser.value(maxItemsOption).toInt(&ok);
    if (!ok || config.maxRealtimeItems < 1)
        return fail(QStringLiteral("--max-realtime-items must be a positive integer"));
    config.initialCash = parser.value(cashOption).toLongLong(&ok);
    if (!ok || config.initialCash < 0)
        return fail(QStringLiteral("--cash must be a non-negative integer"));
    if (parser.isSet(appKeyOption) != parser.isSet(secretOption))
        return fail(QStringLiteral("--appkey and --secretkey go together"));
    config.appKey = parser.value(appKeyOption);
    config.secretKey = parser.value(secretOption);
    config.followSessionHours = parser.isSet(followOption);
    if (parser.isSet(startOption)) {
        const QDateTime start = QDateTime::fromString(parser.value(startOption), QStringLiteral("yyyyMMddHHmmss"));
        if (!start.isValid())
            return fail(QStringLiteral("--start must be yyyyMMddHHmmss (KST)"));
        config.startTimeMs = Krx::fromKst(start.date(), start.time());
    }
    config.stateFile = parser.value(stateOption);
    config.faults = parser.value(faultsOption);
    if (!config.faults.isEmpty()) {
        if (auto parsed = SimFaults::parse(config.faults, 0); !parsed)
            return fail(parsed.error().message);
    }

    config.replayFile = parser.value(replayOption);
    for (const auto &[option, target] :
        { std::pair { &fromOption, &config.replayFrom }, std::pair { &toOption, &config.replayTo } }) {
        if (!parser.isSet(*option))
            continue;
        if (config.replayFile.isEmpty())
            return fail(QStringLiteral("--from and --to go with --replay"));
        const QString text = parser.value(*option);
        const int hhmm = text.toInt(&ok);
        if (!ok || text.size() != 4 || hhmm / 100 > 23 || hhmm % 100 > 59)
            return fail(QStringLiteral("--from/--to must be HHMM (KST)"));
        *target = hhmm;
    }
    if (!config.replayFile.isEmpty() && (parser.isSet(stateOption) || parser.isSet(startOption)))
        return fail(QStringLiteral("--replay takes neither --state nor --start"));

    SimServer server;
    if (Status s = server.start(config); !s)
        return fail(s.error().message);

    {
        QTextStream out(stdout);
        out << "REST " << server.restBaseUrl().toString() << '\n';
        out << "WebSocket " << server.webSocketUrl().toString() << '\n';
        out << "Account " << config.accountNo << '\n';
        if (!config.replayFile.isEmpty())
            out << "Replay " << config.replayFile << '\n';
        out.flush();
    }
    std::fflush(stdout);

    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, &app, [&server](int) {
        server.stop();
        QCoreApplication::quit();
    });
    return app.exec();
}
