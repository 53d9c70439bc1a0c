// SPDX-License-Identifier: GPL-3.0-or-later
#include "simlivesource.h"

#include "simsourceparse.h"

#include <QJsonArray>
#include <QJsonDocument>

QString SimLiveSource::stockCode(QString code)
{
    return Sim::sourceStockCode(std::move(code));
}

qint64 SimLiveSource::peekTimeMs(int ahead) const
{
    if (m_events.empty())
        return -1;
    const size_t i = std::min(m_events.size() - 1, size_t(std::max(0, ahead)));
    return m_events[i].timeMs;
}

SimSourceEvent SimLiveSource::take()
{
    SimSourceEvent e = std::move(m_events.front());
    m_events.pop_front();
    return e;
}

int SimLiveSource::pushFrame(qint64 receivedMs, const QByteArray &utf8)
{
    const QJsonObject frame = QJsonDocument::fromJson(utf8).object();
    if (frame.value(u"trnm").toString() != u"REAL")
        return 0;
    // Events stay in time order even when the feed's clock steps back a little.
    const qint64 timeMs = std::max(receivedMs, m_lastMs);
    m_lastMs = timeMs;
    int queued = 0;
    for (const QJsonValue &v : frame.value(u"data").toArray()) {
        std::optional<SimSourceEvent> e = Sim::sourceEventOf(v.toObject(), timeMs);
        if (!e)
            continue;
        m_events.push_back(std::move(*e));
        ++queued;
    }
    if (queued > 0 && m_pushed)
        m_pushed();
    return queued;
}
