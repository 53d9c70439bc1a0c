// SPDX-License-Identifier: GPL-3.0-or-later
#include "activitylog.h"

#include "logging.h"

#include <QDateTime>

ActivityLog::ActivityLog(int capacity, QObject *parent) : QObject(parent), m_capacity(std::max(1, capacity))
{
    qRegisterMetaType<ActivityLog::Entry>();
}

qint64 ActivityLog::add(Level level, const QString &source, const QString &message, qint64 timeMs)
{
    Entry e;
    e.id = m_nextId++;
    e.timeMs = timeMs >= 0 ? timeMs : QDateTime::currentMSecsSinceEpoch();
    e.level = level;
    e.source = source;
    e.message = Redaction::redact(message);
    m_entries.push_back(e);
    while (int(m_entries.size()) > m_capacity)
        m_entries.pop_front();
    emit entryAdded(e);
    return e.id;
}

QList<ActivityLog::Entry> ActivityLog::since(qint64 sinceId, int limit) const
{
    QList<Entry> out;
    // Ids are dense and increasing, so the first wanted entry's position is computable.
    if (m_entries.empty() || limit <= 0)
        return out;
    const qint64 firstId = m_entries.front().id;
    size_t start = sinceId < firstId ? 0 : size_t(sinceId - firstId + 1);
    for (size_t i = start; i < m_entries.size() && out.size() < limit; ++i)
        out.append(m_entries[i]);
    return out;
}

QString ActivityLog::levelName(Level level)
{
    switch (level) {
    case Level::Info:
        return QStringLiteral("info");
    case Level::Warning:
        return QStringLiteral("warning");
    case Level::Error:
        return QStringLiteral("error");
    case Level::Trade:
        return QStringLiteral("trade");
    }
    return {};
}
