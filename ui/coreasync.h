// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "coregateway.h"

#include <QMetaObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <utility>

// CoreAsync::read: CoreGateway::read for core calls that answer later (the instrument cache's
// ka10001, the candle cache's ka10081/ka10080, the stock list ka10099). `fn(core, reply)` runs on
// the core's thread and calls `reply(value)` once, then or later, on that thread; `done(value)` runs
// on the GUI thread if `context` still exists. A reply called more than once is delivered once.
// Lifetime: as CoreGateway::read (the gateway outlives the core's calls). Threading: call from the
// GUI thread.
namespace CoreAsync {

template<typename R, typename Fn, typename Done> void read(CoreGateway *gateway, QObject *context, Fn fn, Done done)
{
    QPointer<QObject> guard(context);
    QPointer<CoreGateway> self(gateway);
    TradingCore *core = gateway->core();
    QMetaObject::invokeMethod(
        core,
        [self, guard, core, fn = std::move(fn), done = std::move(done)]() mutable {
            auto once = std::make_shared<bool>(false);
            std::function<void(R)> reply = [self, guard, done, once](R value) {
                if (*once)
                    return;
                *once = true;
                QMetaObject::invokeMethod(
                    self.data(),
                    [guard, done, value = std::move(value)]() mutable {
                        if (guard)
                            done(std::move(value));
                    },
                    Qt::QueuedConnection);
            };
            fn(*core, std::move(reply));
        },
        Qt::QueuedConnection);
}

} // namespace CoreAsync
