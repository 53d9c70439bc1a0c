// SPDX-License-Identifier: GPL-3.0-or-later
#include "apprunner.h"

#include "signalwatcher.h"

#include "chartrenderer.h"
#include "chartroutes.h"
#include "common/logging.h"
#include "common/settings.h"
#include "coregateway.h"
#include "corethread.h"
#include "mainwindow.h"
#include "singleinstance.h"
#include "common/filesecretstore.h"
#include "keychainsecretstore.h"
#include "mainwindow.h"
#include "trayicon.h"
#include "tradingcore.h"

#include <QApplication>
#include <QFileInfo>
#include <QImage>
#include <QTextStream>
#include <QTimer>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QTranslator>

namespace AppRunner {

QList<QTranslator *> installTranslators(QCoreApplication &app, const QString &language)
{
    QList<QTranslator *> installed;
    const QLocale locale = language == u"system" ? QLocale::system() : QLocale(language);
    // Numbers follow the UI language too (the chart's short volumes: 350K in English, 350만 in Korean).
    QLocale::setDefault(locale);
    auto *own = new QTranslator(&app);
    if (own->load(locale, QStringLiteral("kiwoom-trader"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        app.installTranslator(own);
        installed << own;
    } else {
        delete own;
    }
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        app.installTranslator(qt);
        installed << qt;
    } else {
        delete qt;
    }
    return installed;
}

TradingCore::Options coreOptions(const AppOptions &options)
{
    TradingCore::Options o;
    o.dataDir = options.dataDir;
    o.configFile = options.configFile;
    o.mode = options.mode;
    o.restUrl = options.restUrl;
    o.wsUrl = options.wsUrl;
    o.simPort = options.simPort;
    o.controlPort = options.controlPort;
    o.startServices = options.startServices;
    o.enableConditions = options.enableConditions;
    o.marketClock = options.marketClock;
    // The system keychain, or the owner-only file where no keychain service runs (the settings
    // dialog writes through the same kind of store, to the same file).
    const QString fallback = FileSecretStore::pathIn(
        QFileInfo(options.configFile.isEmpty() ? Settings::defaultPath() : options.configFile).absolutePath());
    o.secretStoreFactory = [fallback](QObject *parent) -> SecretStore * {
        return new KeychainSecretStore(fallback, KeychainSecretStore::defaultBackend(), parent);
    };
    return o;
}

int runHeadless(const AppOptions &options)
{
    // Installed first, so a SIGTERM during start-up is handled by the event loop, not the default action.
    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, qApp, [](int sig) {
        qCInfo(lcApp) << "signal" << sig << "received, shutting down";
        QCoreApplication::exit(0);
    });
    qCInfo(lcApp).noquote() << "Kiwoom Trader" << KT_VERSION << "headless; data dir" << options.dataDir;
    {
        const Settings settings(options.configFile);
        installTranslators(*qApp, settings.language()); // the activity log's messages
    }
    TradingCore core(coreOptions(options));
    if (Status st = core.start(); !st) {
        qCCritical(lcApp).noquote() << st.error().message;
        return 3;
    }
    qCInfo(lcApp).noquote() << "settings" << core.settings().fileName();
    // The chart PNGs of the control API are drawn here too (QApplication on "offscreen").
    CoreGateway gateway(&core);
    ChartRenderer renderer(&gateway);
    if (ControlServer *server = core.controlServer())
        registerChartRoutes(*server, renderer);
    const int rc = QCoreApplication::exec();
    core.stop();
    qCInfo(lcApp) << "stopped cleanly";
    return rc;
}

int runGui(const AppOptions &options)
{
    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, qApp, [](int) { QCoreApplication::quit(); });
    bool startMinimized = options.startMinimized;
    {
        const Settings settings(options.configFile);
        installTranslators(*qApp, settings.language());
        startMinimized = startMinimized || settings.value(QStringLiteral("ui/startMinimized")).toBool();
    }
    qCInfo(lcApp).noquote() << "Kiwoom Trader" << KT_VERSION << "data dir" << options.dataDir;

    // One window per data directory: a second start raises the running one and exits.
    SingleInstance instance(options.dataDir);
    if (!instance.claim()) {
        qCInfo(lcApp).noquote() << "Kiwoom Trader is already running for" << options.dataDir << "- raised its window";
        return 0;
    }

    CoreThread coreThread(coreOptions(options));
    if (Status st = coreThread.start(); !st) {
        qCCritical(lcApp).noquote() << st.error().message;
        QMessageBox::critical(nullptr, QCoreApplication::translate("AppRunner", "Kiwoom Trader"), st.error().message);
        return 3;
    }

    TradingCore *core = coreThread.core();
    // Declared after the core thread and stopped before it is destroyed: the gateway outlives every
    // call it posted to the core (see CoreGateway).
    CoreGateway gateway(core);
    MainWindow window(&gateway);
    window.showMode(core->mode());
    // Set in TradingCore::start(), which has returned; the dock reaches it only through queued calls.
    window.addNewsDock(core->news());
    // The broker state changes on the core thread at any time (the session starts asynchronously):
    // read it there, after connecting, so no change is missed and no QString is shared unguarded.
    TradingCore::BrokerState brokerState = TradingCore::BrokerState::Offline;
    QString brokerDetail;
    QMetaObject::invokeMethod(
        core,
        [&] {
            brokerState = core->brokerState();
            brokerDetail = core->brokerDetail();
        },
        Qt::BlockingQueuedConnection);
    window.showBrokerState(brokerState, brokerDetail);
    QObject::connect(&instance, &SingleInstance::messageReceived, &window, [&window](const QByteArray &message) {
        if (message != "raise")
            return;
        qCInfo(lcApp) << "a second start asked to raise the window";
        window.setWindowState((window.windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
        window.show();
        window.raise();
        window.activateWindow();
    });
    // The control API's chart PNGs, drawn on this thread (the server posts to it).
    ChartRenderer renderer(&gateway);
    if (ControlServer *server = core->controlServer())
        registerChartRoutes(*server, renderer);
    // With a tray icon the app lives on while its window is hidden: it quits from the tray or
    // File > Quit only (a dialog closing while the window is hidden must not end it). Without one,
    // closing the window quits as usual, and --minimized has nothing to hide into.
    const bool tray = window.trayIcon() && window.trayIcon()->hasIcon();
    QApplication::setQuitOnLastWindowClosed(!tray);
    if (!(startMinimized && tray))
        window.show();
    else
        qCInfo(lcApp) << "started minimised to the tray";
    if (!options.screenshotFile.isEmpty()) {
        // For docs, bug reports and tests: let the data flow, draw the whole window, leave.
        QTimer::singleShot(options.screenshotDelayMs, &window, [&window, file = options.screenshotFile] {
            const QImage image = window.grab().toImage();
            if (image.isNull() || !image.save(file, "PNG")) {
                QTextStream(stderr) << "kiwoom-trader: could not write the screenshot " << file << '\n';
                QCoreApplication::exit(4);
                return;
            }
            QTextStream(stdout) << "screenshot " << file << ' ' << image.width() << 'x' << image.height() << '\n';
            QCoreApplication::exit(0);
        });
    }
    const int rc = QApplication::exec();
    coreThread.stop();
    qCInfo(lcApp) << "stopped cleanly";
    return rc;
}

} // namespace AppRunner
