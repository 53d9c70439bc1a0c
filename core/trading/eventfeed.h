// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>

class ActivityLog;
class QuoteBook;
class TradingEngine;

// EventFeed is the one stream of "something happened" that leaves the core for its observers: the
// desktop UI's docks and the control API's /api/v1/events WebSocket. It exists so neither reaches
// into the engine's components: they connect here once (before the engine exists, and across engine
// restarts) and receive value types only.
//
// Two signals, both safe to connect across threads (queued; QJsonObject and QStringList are
// implicitly shared values):
// - event(): every notable event at once, in order, with a sequence number:
//     {"seq": 17, "type": "order"|"fill"|"signal"|"position"|"position_closed"|"kill_switch"|
//      "service"|"engine"|"broker"|"risk_refusal"|"command", "time": <UTC ms>, "data": {...}}
//   "order" carries the order row (recordjson), "fill" the order and the execution, "signal"
//   {"kind","id"}, "position" the position row, "kill_switch" {"mode","reason","actor"}, "service"
//   {"name","running"}, "engine" {"state","detail"}, "command" {"verb","actor","ok","message"}.
// - changed(): the topics whose views are stale, at most once per throttle period (default 250 ms),
//   for views that re-read state instead of applying events: "orders", "positions", "signals",
//   "account", "quotes", "services", "risk", "conditions", "strategies", "watchlist", "settings",
//   "log", "engine", "broker".
// Trading logic never waits on it: events are emitted after the state change is stored.
// Threading: the core's thread (TradingCore owns it from start() to stop()).
class EventFeed final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventFeed)

public:
    explicit EventFeed(QObject *parent = nullptr);
    ~EventFeed() override;

    // Connects to the engine's components (replacing an earlier engine); null detaches.
    void attachEngine(TradingEngine *engine);
    void attachQuotes(QuoteBook *quotes);
    void attachActivity(ActivityLog *activity);

    void setThrottleMs(int ms);
    qint64 lastSeq() const { return m_seq; }

    // Marks topics stale (also for components the feed does not know, e.g. the broker state).
    void touch(const QStringList &topics);
    // Emits an event (and marks the topics stale).
    void publish(const QString &type, const QJsonObject &data, const QStringList &topics = {});

signals:
    void event(const QJsonObject &event);
    void changed(const QStringList &topics);

private:
    void flush();

    qint64 m_seq = 0;
    QSet<QString> m_dirty;
    QTimer m_timer;
    QList<QMetaObject::Connection> m_engineConnections;
    QList<QMetaObject::Connection> m_quoteConnections;
    QList<QMetaObject::Connection> m_activityConnections;
};
