// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakesignalsink.h"

#include "common/clock.h"
#include "market/krx.h"

using namespace Qt::StringLiterals;

Result<Trading::SignalOutcome> FakeSignalSink::submit(const Trading::SignalRequest &request)
{
    requests.append(request);
    if (failNext > 0) {
        --failNext;
        return Error { u"signals.fake"_s, u"injected failure"_s };
    }
    const QString date = m_clock ? Krx::tradingDateString(m_clock->nowMs()) : QString();
    const QString key = request.code + u'|' + date + u'|' + request.signalType + u'|' + request.source;
    Trading::SignalOutcome outcome;
    outcome.kind = request.kind;
    if (m_keys.contains(key)) {
        outcome.duplicate = true;
        return outcome;
    }
    m_keys.insert(key);
    m_created.append(requests.size() - 1);
    outcome.id = m_nextId++;
    return outcome;
}

QList<Trading::SignalRequest> FakeSignalSink::created() const
{
    QList<Trading::SignalRequest> out;
    for (qsizetype i : m_created)
        out.append(requests.at(i));
    return out;
}

void FakeSignalSink::clear()
{
    requests.clear();
    m_keys.clear();
    m_created.clear();
}
