// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

class QCoreApplication;
class QTranslator;

// What the command line asked for, after parsing and validation.
struct AppOptions
{
    bool headless = false;
    QString dataDir; // resolved, existing, owner-only
    QString configFile; // INI settings file
    QString mode; // demo | mock | live (empty = from Settings)
    QString restUrl; // overrides (empty = from Settings / mode)
    QString wsUrl;
    int simPort = 0; // demo mode: simulator port (0 = any free port)
    int controlPort = -1; // -1 = from Settings
    // --start monitoring,strategy,... | all: services started once the core is reconciled.
    QStringList startServices;
    // --enable-conditions all | NAME,...: conditions marked enabled for auto-trading.
    QStringList enableConditions;
    QString marketClock; // --market-clock sim | system (empty = automatic)
    // --screenshot FILE.png [--screenshot-delay SECONDS]: grab the main window after the delay, exit.
    QString screenshotFile; // absolute; empty = run normally
    int screenshotDelayMs = 8000;
    bool startMinimized = false; // --minimized: start hidden in the tray (where there is one)
};

// Runs the application once the QCoreApplication/QApplication exists: builds the core, and either
// the main window or, headless, nothing visible; returns the process exit code.
namespace AppRunner {
// Installs Kiwoom Trader's and Qt's translators for language ("system", "ko", "en", ...); returns
// them (owned by app) so a caller can remove them again.
QList<QTranslator *> installTranslators(QCoreApplication &app, const QString &language);
int runHeadless(const AppOptions &options);
int runGui(const AppOptions &options);
} // namespace AppRunner
