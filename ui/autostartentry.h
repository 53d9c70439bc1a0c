// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QString>

// AutostartEntry: "start with the desktop session" as the XDG Autostart spec has it, a desktop entry
// $XDG_CONFIG_HOME/autostart/kiwoom-trader.desktop (~/.config when XDG_CONFIG_HOME is unset or not
// absolute) that runs the app with --minimized, so it starts hidden in the tray.
// Guarantees: setEnabled(true) writes the whole entry atomically (an older one is replaced);
// setEnabled(false) removes it; a failure changes nothing and says why. Stateless; any thread.
namespace AutostartEntry {
QString path();
bool isEnabled();
// program: the executable to start (empty = this process's QCoreApplication::applicationFilePath()).
Status setEnabled(bool enabled, const QString &program = QString());
// The entry's text for program.
QByteArray contents(const QString &program);
} // namespace AutostartEntry
