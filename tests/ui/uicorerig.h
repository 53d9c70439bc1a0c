// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// UiCoreRig: a real demo-mode TradingCore (built-in simulator on loopback, SQLite in a temporary
// data directory) on its own CoreThread, with the CoreGateway the docks use — the same shape as
// the desktop app. Header-only, for the offscreen UI tests (tests/ui/tst_*.cpp).
#include "coregateway.h"
#include "corethread.h"
#include "trading/tradingengine.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

class UiCoreRig
{
public:
    // extraSettings: INI keys written before start (e.g. {"sim/speed", 5}); services: --start list
    // (empty = demo's defaults, which start them all).
    explicit UiCoreRig(const QVariantMap &extraSettings = {}, const QStringList &services = {})
    {
        const QString ini = dir.filePath(QStringLiteral("kiwoom-trader.ini"));
        {
            QSettings s(ini, QSettings::IniFormat);
            s.setValue(QStringLiteral("control/enabled"), false);
            for (auto it = extraSettings.begin(); it != extraSettings.end(); ++it)
                s.setValue(it.key(), it.value());
        }
        TradingCore::Options o;
        o.dataDir = dir.path();
        o.configFile = ini;
        o.mode = QStringLiteral("demo");
        o.startServices = services;
        thread = std::make_unique<CoreThread>(o);
        startStatus = thread->start();
        if (startStatus.ok())
            gateway = std::make_unique<CoreGateway>(thread->core());
    }
    ~UiCoreRig()
    {
        // The gateway outlives the core's calls: stop the core first.
        thread->stop();
        gateway.reset();
    }

    bool ok() const { return startStatus.ok(); }
    CoreGateway *gw() const { return gateway.get(); }

    // Waits (spinning the GUI event loop) until the engine is Ready; false on timeout.
    bool waitReady(int timeoutMs = 30000)
    {
        bool ready = false;
        QElapsedTimer t;
        t.start();
        while (!ready && t.elapsed() < timeoutMs) {
            bool done = false;
            gateway->read(
                gateway.get(), [](TradingCore &core) { return core.engine() && core.engine()->isReady(); },
                [&](bool r) {
                    ready = r;
                    done = true;
                });
            if (!QTest::qWaitFor([&] { return done; }, 5000))
                return false;
            if (!ready)
                QTest::qWait(100);
        }
        return ready;
    }

    QTemporaryDir dir;
    std::unique_ptr<CoreThread> thread;
    std::unique_ptr<CoreGateway> gateway;
    Status startStatus;
};
