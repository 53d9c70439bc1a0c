// SPDX-License-Identifier: GPL-3.0-or-later
#include "coregateway.h"

#include "trading/eventfeed.h"
#include "trading/tradingcommands.h"
#include "trading/tradingengine.h"

CoreGateway::CoreGateway(TradingCore *core, QObject *parent) : QObject(parent), m_core(core)
{
    Q_ASSERT(core);
    connect(core->eventFeed(), &EventFeed::changed, this, &CoreGateway::changed, Qt::QueuedConnection);
    connect(core->eventFeed(), &EventFeed::event, this, &CoreGateway::event, Qt::QueuedConnection);
    connect(core, &TradingCore::brokerStateChanged, this, &CoreGateway::brokerStateChanged, Qt::QueuedConnection);
}

CoreGateway::~CoreGateway() = default;

Error CoreGateway::notReadyError()
{
    return Error { QStringLiteral("command.not_ready"),
        tr("The trading engine is not ready yet: it is connecting to the broker or reconciling.") };
}

void CoreGateway::command(QObject *context, CommandFn fn, CommandDone done)
{
    QPointer<CoreGateway> self(this);
    read(
        context ? context : this,
        [fn = std::move(fn)](TradingCore &core) -> Result<QJsonObject> {
            TradingEngine *engine = core.engine();
            if (!engine)
                return notReadyError();
            return fn(engine->commands());
        },
        [self, done = std::move(done)](const Result<QJsonObject> &result) {
            if (self)
                emit self->commandFinished(result.ok(), result.ok() ? QString() : result.error().message);
            if (done)
                done(result);
        });
}
