// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>
#include <QString>

#include <deque>

// ActivityLog is the user-facing log (the log dock, GET /logs?since=<id>): what the program did,
// in words a trader reads — "Bought 10 005930 at 70,100", "Stop-loss sold ...". Entries have
// increasing ids and live in a bounded ring buffer; the developer log (QLoggingCategory) is separate.
// Every message passes through Redaction before it is stored. Lives on the core's thread.
class ActivityLog final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActivityLog)

public:
    enum class Level
    {
        Info,
        Warning,
        Error,
        Trade,
    };
    Q_ENUM(Level)

    struct Entry
    {
        qint64 id = 0;
        qint64 timeMs = 0;
        Level level = Level::Info;
        QString source; // "orders", "condition", "strategy", "stop-loss", "api", ...
        QString message; // already translated
    };

    explicit ActivityLog(int capacity = 5000, QObject *parent = nullptr);

    qint64 add(Level level, const QString &source, const QString &message, qint64 timeMs = -1);
    // Entries with id > sinceId, oldest first, at most limit.
    QList<Entry> since(qint64 sinceId, int limit = 1000) const;
    qint64 lastId() const { return m_nextId - 1; }
    int size() const { return int(m_entries.size()); }

    static QString levelName(Level level);

signals:
    void entryAdded(const ActivityLog::Entry &entry);

private:
    int m_capacity;
    qint64 m_nextId = 1;
    std::deque<Entry> m_entries;
};
Q_DECLARE_METATYPE(ActivityLog::Entry)
