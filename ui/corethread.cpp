// SPDX-License-Identifier: GPL-3.0-or-later
#include "corethread.h"

CoreThread::CoreThread(TradingCore::Options options, QObject *parent) : QObject(parent), m_options(std::move(options))
{
    m_thread.setObjectName(QStringLiteral("core"));
}

CoreThread::~CoreThread()
{
    stop();
}

Status CoreThread::start()
{
    m_thread.start();
    Status result;
    // A context object living on the core thread makes invokeMethod run the lambda there.
    QObject context;
    context.moveToThread(&m_thread);
    QMetaObject::invokeMethod(
        &context,
        [this, &result] {
            m_core = new TradingCore(m_options);
            result = m_core->start();
        },
        Qt::BlockingQueuedConnection);
    return result;
}

void CoreThread::stop()
{
    if (!m_thread.isRunning())
        return;
    if (m_core) {
        QMetaObject::invokeMethod(
            m_core,
            [this] {
                m_core->stop();
                delete m_core;
            },
            Qt::BlockingQueuedConnection);
        m_core = nullptr;
    }
    m_thread.quit();
    m_thread.wait();
}
