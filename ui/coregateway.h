// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tradingcore.h"

#include "common/result.h"

#include <QJsonObject>
#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>
#include <utility>

class TradingCommands;
class TradingEngine;

// CoreGateway is the desktop UI's one door to the trading core, which runs on its own thread
// (DESIGN.md "Data flow"): views read state and say verbs only through it, never by touching a core
// object from the GUI thread.
// - read(): runs a function on the core's thread and hands its result (a value type: QJsonObject,
//   QJsonArray, a list of records...) back to the GUI thread, to `done`, if `context` still exists.
// - command(): runs a verb of the one command layer (TradingCommands) as actor "ui"; a verb while
//   the engine does not exist yet fails with "command.not_ready" and changes nothing.
// - changed() / event(): the core's EventFeed relayed to the GUI thread (queued). Views re-read the
//   topics that changed; at most every 250 ms by the feed's throttle, so trading never waits on
//   painting.
// Lifetime: must outlive every pending call, so it is destroyed after the core has stopped (the
// app keeps it beside the CoreThread). Works as well with a core on the GUI thread (tests).
// Threading: lives on the GUI thread.
class CoreGateway final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CoreGateway)

public:
    explicit CoreGateway(TradingCore *core, QObject *parent = nullptr);
    ~CoreGateway() override;

    TradingCore *core() const { return m_core; }
    static QString actor() { return QStringLiteral("ui"); }

    // fn: R(TradingCore &) on the core's thread; done: void(R) on this thread.
    template<typename Fn, typename Done> void read(QObject *context, Fn fn, Done done)
    {
        using R = std::invoke_result_t<Fn, TradingCore &>;
        QPointer<QObject> guard(context);
        QPointer<CoreGateway> self(this);
        TradingCore *core = m_core;
        QMetaObject::invokeMethod(
            m_core,
            [self, guard, core, fn = std::move(fn), done = std::move(done)]() mutable {
                R value = fn(*core);
                // The gateway outlives the core (see above), so posting to it is safe; the context
                // is checked on the GUI thread, where it lives.
                QMetaObject::invokeMethod(
                    self.data(),
                    [guard, done = std::move(done), value = std::move(value)]() mutable {
                        if (guard)
                            done(std::move(value));
                    },
                    Qt::QueuedConnection);
            },
            Qt::QueuedConnection);
    }

    // Like read(), with the engine; `fallback` is delivered while there is no engine.
    template<typename Fn, typename R, typename Done> void readEngine(QObject *context, Fn fn, R fallback, Done done)
    {
        read(
            context,
            [fn = std::move(fn), fallback = std::move(fallback)](TradingCore &core) mutable -> R {
                TradingEngine *engine = core.engine();
                return engine ? R(fn(*engine)) : fallback;
            },
            std::move(done));
    }

    using CommandFn = std::function<Result<QJsonObject>(TradingCommands &)>;
    using CommandDone = std::function<void(const Result<QJsonObject> &)>;
    void command(QObject *context, CommandFn fn, CommandDone done = {});

    // The engine's absence as the error command() reports.
    static Error notReadyError();

signals:
    void changed(const QStringList &topics);
    void event(const QJsonObject &event);
    void brokerStateChanged(TradingCore::BrokerState state, const QString &detail);
    // After every UI command, for the status bar: ok, and the refusal's message a trader reads.
    void commandFinished(bool ok, const QString &message);

private:
    TradingCore *m_core;
};
