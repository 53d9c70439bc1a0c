// SPDX-License-Identifier: GPL-3.0-or-later
#include "tradedocks.h"

#include "accountbar.h"
#include "logdock.h"
#include "mainwindow.h"
#include "ordersdock.h"
#include "positionsdock.h"
#include "signalsdock.h"

#include <QAction>
#include <QMenu>

namespace TradeDocks {

void install(MainWindow *window, CoreGateway *gateway)
{
    auto *positions = new PositionsDock(gateway, window);
    auto *orders = new OrdersDock(gateway, window);
    auto *signalsDock = new SignalsDock(gateway, window);
    auto *log = new LogDock(gateway, window);
    window->addDock(
        positions, Qt::BottomDockWidgetArea, MainWindow::tr("&Positions"), QKeySequence(Qt::ALT | Qt::Key_1));
    window->addDock(orders, Qt::BottomDockWidgetArea, MainWindow::tr("&Orders"), QKeySequence(Qt::ALT | Qt::Key_2));
    window->addDock(
        signalsDock, Qt::RightDockWidgetArea, MainWindow::tr("S&ignals"), QKeySequence(Qt::ALT | Qt::Key_3));
    window->addDock(log, Qt::BottomDockWidgetArea, MainWindow::tr("&Log"), QKeySequence(Qt::ALT | Qt::Key_4));
    window->splitDockWidget(positions, orders, Qt::Horizontal);
    window->tabifyDockWidget(orders, log);
    orders->raise();
    QObject::connect(positions, &PositionsDock::stockActivated, window, &MainWindow::stockActivated);
    QObject::connect(orders, &OrdersDock::stockActivated, window, &MainWindow::stockActivated);
    QObject::connect(signalsDock, &SignalsDock::stockActivated, window, &MainWindow::stockActivated);

    auto *bar = new AccountBar(gateway, window);
    window->addToolBarBreak(Qt::TopToolBarArea);
    window->addToolBar(Qt::TopToolBarArea, bar);
    QAction *toggle = bar->toggleViewAction();
    toggle->setObjectName(QStringLiteral("action_accountBar"));
    toggle->setText(MainWindow::tr("&Account Bar"));
    window->viewMenu()->addAction(toggle);
}

} // namespace TradeDocks
