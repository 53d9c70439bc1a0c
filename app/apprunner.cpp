// SPDX-License-Identifier: GPL-3.0-or-later
#include "apprunner.h"

#include "signalwatcher.h"

#include "common/logging.h"
#include "common/settings.h"
#include "mainwindow.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace {

void installTranslators(QCoreApplication &app, const QString &language)
{
    const QLocale locale = language == u"system" ? QLocale::system() : QLocale(language);
    auto *own = new QTranslator(&app);
    if (own->load(locale, QStringLiteral("kiwoom-trader"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        app.installTranslator(own);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qt);
}

} // namespace

namespace AppRunner {

int runHeadless(const AppOptions &options)
{
    Settings settings(options.configFile);
    qCInfo(lcApp).noquote() << "Kiwoom Trader" << KT_VERSION << "headless; data dir" << options.dataDir
                            << "settings" << settings.fileName();

    SignalWatcher watcher;
    int exitCode = 0;
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, qApp, [&](int sig) {
        qCInfo(lcApp) << "signal" << sig << "received, shutting down";
        QCoreApplication::exit(exitCode);
    });
    const int rc = QCoreApplication::exec();
    qCInfo(lcApp) << "stopped cleanly";
    return rc;
}

int runGui(const AppOptions &options)
{
    Settings settings(options.configFile);
    installTranslators(*qApp, settings.language());
    qCInfo(lcApp).noquote() << "Kiwoom Trader" << KT_VERSION << "data dir" << options.dataDir;

    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, qApp, [](int) { QCoreApplication::quit(); });

    MainWindow window;
    window.show();
    return QApplication::exec();
}

} // namespace AppRunner
