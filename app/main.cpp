// SPDX-License-Identifier: GPL-3.0-or-later
// kiwoom-trader: the GUI (default), --headless for no window, and command-line tools
// (kiwoom-trader indicators ..., kiwoom-trader backtest ...).

#include "apprunner.h"
#include "keychainsecretstore.h"

#include "common/logging.h"
#include "common/settings.h"
#include "tools/clitools.h"
#include "tools/credentialscli.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTranslator>
#include <QTextStream>
#include <QUrl>

#include <cstdio>
#include <cstring>
#include <sys/stat.h>

namespace {

bool hasArg(int argc, char **argv, const char *name)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], name) == 0)
            return true;
    }
    return false;
}

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("kiwoom-trader"));
    QCoreApplication::setApplicationName(QStringLiteral("kiwoom-trader"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KT_VERSION));
}

int fail(const QString &message)
{
    QTextStream(stderr) << "kiwoom-trader: " << message << '\n';
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    // Everything this process writes (database, WAL, logs, settings, token file) is owner-only.
    ::umask(077);

    // Credentials for mock/live mode: the keychain, or an owner-only file where none runs.
    if (argc >= 2 && std::strcmp(argv[1], "credentials") == 0) {
        QCoreApplication app(argc, argv);
        setIdentity();
        QStringList args = app.arguments().mid(2);
        QTextStream out(stdout);
        QTextStream err(stderr);
        KeychainSecretStore keychain;
        CredentialsCli::Env env;
        env.keychain = &keychain;
        return CredentialsCli::run(args, env, out, err);
    }

    // Command-line tools run without any window system.
    if (argc >= 2 && CliTools::isTool(QString::fromLocal8Bit(argv[1]))) {
        QCoreApplication app(argc, argv);
        setIdentity();
        QStringList args = app.arguments();
        args.removeFirst();
        const QString tool = args.takeFirst();
        QTextStream out(stdout);
        QTextStream err(stderr);
        return CliTools::run(tool, args, out, err);
    }

    const bool noGui = hasArg(argc, argv, "--help") || hasArg(argc, argv, "-h") || hasArg(argc, argv, "--version")
        || hasArg(argc, argv, "-v");
    // Headless still draws (the control API's chart PNGs), on the window-less "offscreen" platform
    // unless the caller chose one.
    if (hasArg(argc, argv, "--headless") && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> app;
    if (noGui)
        app = std::make_unique<QCoreApplication>(argc, argv);
    else
        app = std::make_unique<QApplication>(argc, argv);
    setIdentity();

    // --help in the user's language; the run itself then follows Settings' language.
    const QList<QTranslator *> helpTranslators = AppRunner::installTranslators(*app, QStringLiteral("system"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main",
        "Kiwoom Trader - automated trading terminal for Kiwoom Securities.\n"
        "With no configuration it runs in demo mode against its built-in simulator.\n\n"
        "Tools:\n"
        "  kiwoom-trader indicators --csv IN.csv --out OUT.csv\n"
        "  kiwoom-trader backtest --strategy TYPE --csv IN.csv [--params JSON] [--cash KRW] [--json]\n\n"
        "  kiwoom-trader credentials set|clear --mode mock|live, kiwoom-trader credentials show\n\n"
        "Credentials for mock/live mode come from Settings (the keychain), `kiwoom-trader credentials set`\n"
        "or the environment variables KIWOOM_APPKEY and KIWOOM_SECRETKEY, never from the command line."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption headlessOpt(
        QStringLiteral("headless"), QCoreApplication::translate("main", "Run the trading core without a window."));
    const QCommandLineOption dataDirOpt(QStringLiteral("data-dir"),
        QCoreApplication::translate("main", "Directory for the database, logs and settings."), QStringLiteral("DIR"));
    const QCommandLineOption configOpt(
        QStringLiteral("config"), QCoreApplication::translate("main", "Settings file (INI)."), QStringLiteral("FILE"));
    const QCommandLineOption modeOpt(QStringLiteral("mode"),
        QCoreApplication::translate(
            "main", "Broker: demo (built-in simulator), mock, live, or paper (Kiwoom quotes, local orders)."),
        QStringLiteral("MODE"));
    const QCommandLineOption restUrlOpt(QStringLiteral("rest-url"),
        QCoreApplication::translate("main", "Kiwoom-compatible REST base URL."), QStringLiteral("URL"));
    const QCommandLineOption wsUrlOpt(QStringLiteral("ws-url"),
        QCoreApplication::translate("main", "Kiwoom-compatible WebSocket URL."), QStringLiteral("URL"));
    const QCommandLineOption simPortOpt(QStringLiteral("sim-port"),
        QCoreApplication::translate("main", "Demo mode: port of the built-in simulator (default: any free port)."),
        QStringLiteral("PORT"));
    const QCommandLineOption controlPortOpt(QStringLiteral("control-port"),
        QCoreApplication::translate("main", "Port of the local control API (0 = any free port)."),
        QStringLiteral("PORT"));
    const QCommandLineOption startOpt(QStringLiteral("start"),
        QCoreApplication::translate(
            "main", "Services to start once reconciled: monitoring,strategy,scalping,stoploss,watchlist or all."),
        QStringLiteral("LIST"));
    const QCommandLineOption enableConditionsOpt(QStringLiteral("enable-conditions"),
        QCoreApplication::translate("main", "Conditions to enable for auto-trading: all or NAME,..."),
        QStringLiteral("LIST"));
    const QCommandLineOption marketClockOpt(QStringLiteral("market-clock"),
        QCoreApplication::translate("main",
            "Where the trading date and session come from: sim (the simulator's announced virtual time) or "
            "system (the KST wall clock; the default for non-loopback hosts)."),
        QStringLiteral("sim|system"));
    const QCommandLineOption screenshotOpt(QStringLiteral("screenshot"),
        QCoreApplication::translate(
            "main", "Start normally, let the data flow for the delay, save the whole main window as a PNG and exit."),
        QStringLiteral("FILE.png"));
    const QCommandLineOption screenshotDelayOpt(QStringLiteral("screenshot-delay"),
        QCoreApplication::translate("main", "Seconds to wait before --screenshot (default 8)."),
        QStringLiteral("SECONDS"));
    const QCommandLineOption minimizedOpt(QStringLiteral("minimized"),
        QCoreApplication::translate("main", "Start hidden in the system tray (where the desktop has one)."));
    parser.addOptions({ headlessOpt, dataDirOpt, configOpt, modeOpt, restUrlOpt, wsUrlOpt, simPortOpt, controlPortOpt,
        startOpt, enableConditionsOpt, marketClockOpt, screenshotOpt, screenshotDelayOpt, minimizedOpt });
    parser.process(*app); // handles --help/--version and unknown options (exit 0 / 1)
    for (QTranslator *t : helpTranslators) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }

    AppOptions options;
    options.headless = parser.isSet(headlessOpt);
    if (parser.isSet(screenshotOpt)) {
        if (options.headless)
            return fail(QStringLiteral("--screenshot needs the window; it cannot be combined with --headless"));
        options.screenshotFile = QDir::current().absoluteFilePath(parser.value(screenshotOpt));
        if (!QFileInfo(options.screenshotFile).absoluteDir().exists())
            return fail(QStringLiteral("--screenshot: no such directory for %1").arg(options.screenshotFile));
    }
    if (parser.isSet(screenshotDelayOpt)) {
        bool ok = false;
        const double delay = parser.value(screenshotDelayOpt).toDouble(&ok);
        if (!ok || delay < 0 || delay > 3600)
            return fail(QStringLiteral("--screenshot-delay must be a number of seconds from 0 to 3600"));
        if (!parser.isSet(screenshotOpt))
            return fail(QStringLiteral("--screenshot-delay needs --screenshot FILE.png"));
        options.screenshotDelayMs = int(delay * 1000);
    }
    options.startMinimized = parser.isSet(minimizedOpt);

    QString dataDir = parser.value(dataDirOpt);
    if (dataDir.isEmpty())
        dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (dataDir.isEmpty())
        return fail(QStringLiteral("no writable data directory; pass --data-dir DIR"));
    if (!QDir().mkpath(dataDir))
        return fail(QStringLiteral("cannot create data directory %1").arg(dataDir));
    options.dataDir = QDir(dataDir).absolutePath();
    QFile::setPermissions(options.dataDir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    if (parser.isSet(configOpt))
        options.configFile = parser.value(configOpt);
    else if (parser.isSet(dataDirOpt))
        options.configFile = QDir(options.dataDir).filePath(QStringLiteral("kiwoom-trader.ini"));

    if (parser.isSet(modeOpt)) {
        options.mode = parser.value(modeOpt);
        if (options.mode != u"demo" && options.mode != u"mock" && options.mode != u"live" && options.mode != u"paper")
            return fail(QStringLiteral("--mode must be demo, mock, live or paper (got \"%1\")").arg(options.mode));
    }
    for (const auto &[opt, target] :
        { std::pair { &restUrlOpt, &options.restUrl }, std::pair { &wsUrlOpt, &options.wsUrl } }) {
        if (!parser.isSet(*opt))
            continue;
        const QUrl url(parser.value(*opt), QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty())
            return fail(QStringLiteral("--%1: not a valid URL: %2").arg(opt->names().constFirst(), parser.value(*opt)));
        *target = url.toString();
    }
    auto portValue = [&](const QCommandLineOption &opt, int *target) -> bool {
        if (!parser.isSet(opt))
            return true;
        bool ok = false;
        const int port = parser.value(opt).toInt(&ok);
        if (!ok || port < 0 || port > 65535)
            return false;
        *target = port;
        return true;
    };
    if (!portValue(simPortOpt, &options.simPort))
        return fail(QStringLiteral("--sim-port must be a port number 0-65535"));
    if (!portValue(controlPortOpt, &options.controlPort))
        return fail(QStringLiteral("--control-port must be a port number 0-65535"));

    auto list = [&](const QCommandLineOption &opt) {
        QStringList items;
        for (const QString &value : parser.values(opt)) {
            for (const QString &item : value.split(u',', Qt::SkipEmptyParts))
                items << item.trimmed();
        }
        return items;
    };
    options.startServices = list(startOpt);
    static const QStringList SERVICES
        = { QStringLiteral("all"), QStringLiteral("monitoring"), QStringLiteral("strategy"), QStringLiteral("scalping"),
              QStringLiteral("stoploss"), QStringLiteral("watchlist") };
    for (const QString &name : std::as_const(options.startServices)) {
        if (!SERVICES.contains(name))
            return fail(QStringLiteral("--start: unknown service \"%1\" (known: %2)").arg(name, SERVICES.join(u", ")));
    }
    options.enableConditions = list(enableConditionsOpt);
    if (parser.isSet(marketClockOpt)) {
        options.marketClock = parser.value(marketClockOpt);
        if (options.marketClock != u"sim" && options.marketClock != u"system")
            return fail(QStringLiteral("--market-clock must be sim or system (got \"%1\")").arg(options.marketClock));
    }

    Logging::Options logOptions;
    logOptions.logDir = QDir(options.dataDir).filePath(QStringLiteral("logs"));
    Logging::install(logOptions);

    return options.headless ? AppRunner::runHeadless(options) : AppRunner::runGui(options);
}
