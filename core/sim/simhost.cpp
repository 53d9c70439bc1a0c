// SPDX-License-Identifier: GPL-3.0-or-later
#include "simhost.h"

#include "simrealtimehub.h"
#include "simserver.h"

#include <QThread>

SimHost::SimHost(QObject *parent) : QObject(parent) { }

SimHost::~SimHost()
{
    stop();
}

Result<SimEndpoints> SimHost::start(const SimConfig &config)
{
    if (m_thread)
        return Error { QStringLiteral("sim.running"), QStringLiteral("the simulator is already running") };
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("kiwoom-sim"));
    m_anchor = new QObject;
    m_anchor->moveToThread(m_thread);
    m_thread->start();

    Result<SimEndpoints> result = Error { QStringLiteral("sim.start"), QStringLiteral("the simulator did not start") };
    QMetaObject::invokeMethod(
        m_anchor,
        [&] {
            auto *server = new SimServer; // created here, so it belongs to the simulator thread
            server->setVirtualClock(&m_virtualClock);
            if (Status s = server->start(config); !s) {
                delete server;
                result = s.error();
                return;
            }
            m_server = server;
            result = SimEndpoints { server->restBaseUrl(), server->webSocketUrl(), server->port() };
        },
        Qt::BlockingQueuedConnection);

    if (!result) {
        stop();
        return result;
    }
    m_endpoints = result.value();
    return result;
}

void SimHost::stop()
{
    if (!m_thread)
        return;
    QMetaObject::invokeMethod(
        m_anchor,
        [this] {
            delete m_server; // stops the server and closes its sockets on its own thread
            m_server = nullptr;
        },
        Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_anchor;
    m_anchor = nullptr;
    delete m_thread;
    m_thread = nullptr;
    m_endpoints = {};
}

Status SimHost::addFaults(const QString &spec)
{
    if (!m_server)
        return Error { QStringLiteral("sim.stopped"), QStringLiteral("the simulator is not running") };
    Status status;
    QMetaObject::invokeMethod(
        m_anchor, [&] { status = m_server->addFaults(spec); }, Qt::BlockingQueuedConnection);
    return status;
}

void SimHost::advanceClock(qint64 virtualMs)
{
    if (!m_server)
        return;
    QMetaObject::invokeMethod(
        m_anchor, [&] { m_server->advanceClock(virtualMs); }, Qt::BlockingQueuedConnection);
}

void SimHost::setSpeed(double speed)
{
    if (!m_server)
        return;
    QMetaObject::invokeMethod(
        m_anchor, [&] { m_server->setSpeed(speed); }, Qt::BlockingQueuedConnection);
}

Result<SimShock> SimHost::shock(const QString &code, double percent)
{
    if (!m_server)
        return Error { QStringLiteral("sim.stopped"), QStringLiteral("the simulator is not running") };
    Result<SimShock> result = Error { QStringLiteral("sim.stopped"), QStringLiteral("the simulator is not running") };
    QMetaObject::invokeMethod(
        m_anchor, [&] { result = m_server->shock(code, percent); }, Qt::BlockingQueuedConnection);
    return result;
}

Status SimHost::setDrift(const QString &code, double percentPerMinute, double minutes)
{
    if (!m_server)
        return Error { QStringLiteral("sim.stopped"), QStringLiteral("the simulator is not running") };
    Status status;
    QMetaObject::invokeMethod(
        m_anchor, [&] { status = m_server->setDrift(code, percentPerMinute, minutes); }, Qt::BlockingQueuedConnection);
    return status;
}

SimHost::LockstepState SimHost::lockstepState()
{
    LockstepState s;
    if (!m_server)
        return s;
    QMetaObject::invokeMethod(
        m_anchor,
        [&] {
            SimRealtimeHub *hub = m_server->realtime();
            if (hub) {
                hub->flush();
                s.realtimeEntriesSent = hub->entriesSent();
            }
            s.nowMs = m_virtualClock.nowMs();
            s.replayFinished = m_server->replayFinished();
        },
        Qt::BlockingQueuedConnection);
    return s;
}

QJsonObject SimHost::state() const
{
    if (!m_server)
        return {};
    QJsonObject state;
    QMetaObject::invokeMethod(
        m_anchor, [&] { state = m_server->state(); }, Qt::BlockingQueuedConnection);
    return state;
}

void SimHost::withServer(const std::function<void(SimServer &)> &fn)
{
    if (!m_server)
        return;
    QMetaObject::invokeMethod(
        m_anchor, [&] { fn(*m_server); }, Qt::BlockingQueuedConnection);
}
