// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tradingcore.h"

#include <QThread>

// Runs the TradingCore on its own QThread so painting never delays an order. The core object is
// created, started, stopped and destroyed on that thread; the GUI reaches it only through queued
// signal/slot connections. start() and stop() block the caller until the core thread has done it.
class CoreThread final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CoreThread)

public:
    explicit CoreThread(TradingCore::Options options, QObject *parent = nullptr);
    ~CoreThread() override;

    Status start();
    void stop();
    // Only for queued connections and read-only values that are set before start() returns.
    TradingCore *core() const { return m_core; }

private:
    TradingCore::Options m_options;
    QThread m_thread;
    TradingCore *m_core = nullptr;
};
