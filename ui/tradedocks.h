// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class CoreGateway;
class MainWindow;

// The trading-state room of the main window: the Positions, Orders, Signals and Log docks and the
// account bar, placed (positions and orders at the bottom, the log tabbed with the orders, signals
// on the right, the account bar as a toolbar of its own row) with View-menu toggles Alt+1..Alt+4
// and a View entry for the account bar. Every dock's stockActivated(code) becomes the window's.
namespace TradeDocks {
void install(MainWindow *window, CoreGateway *gateway);
}
