// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "simconfig.h"
#include "simexchange.h"
#include "simpricesource.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>
#include <optional>

class QWebSocket;
class SimConditions;
class SimFaults;
class SimMarket;
class SimPaperFeed;
class SimTokenStore;

// SimRealtimeHub is the Kiwoom WebSocket endpoint (/api/dostk/websocket) of the simulator
// (kiwoom-protocol.md §5):
// - LOGIN with the raw REST token → {"trnm":"LOGIN","return_code":0,"return_msg":""}; a bad token →
//   return_code 805004 "[CODE=8005, ...]" and the connection is closed. No LOGIN within
//   loginTimeoutMs → SYSTEM R10004 and close. Anything but LOGIN/PING before the ack →
//   return_code 100013.
// - {"trnm":"PING"} every pingIntervalMs; the client must echo it, or the connection is dropped
//   after pingTimeoutMs.
// - REG/REMOVE with grp_no and refresh ("1" keep, "0" replace the group's registrations) for
//   0B (trade), 0C (best quote), 0D (10-level book), 0s (session), 00 (orders/fills) and 04
//   (balance); pushes REAL frames with several entries per frame.
// - CNSRLST / CNSRREQ (search_type 0 with body cont_yn/next_key paging, 1 with realtime type-02
//   I/D hits) / CNSRCLR; at most maxRealtimeConditions realtime conditions per session, and
//   CNSRLST must come first.
// On a replayed market (SimMarket::source()) the realtime entries are the recording's, passed on
// verbatim to the sessions registered for their (type, item) or condition; orders and balances are
// the simulator account's own.
// Paper trading (setPaperFeed()): the stocks are the live feed's, so REG accepts any item and the
// union of the sessions' market registrations is kept registered at the feed; CNSRLST/CNSRREQ/
// CNSRCLR go to the feed and its reply comes back to the asking session (a realtime CNSRREQ then
// receives the feed's 02 hits). Orders and balances (00, 04) stay the local account's.
// Per-frame faults (drop, duplicate, reorder, malformed) come from SimFaults. Takes ownership of the
// sockets.
// Simulator thread only.
class SimRealtimeHub final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimRealtimeHub)

public:
    SimRealtimeHub(const SimConfig &config, SimMarket &market, SimExchange &exchange, SimConditions &conditions,
        SimTokenStore &tokens, SimFaults &faults, QObject *parent = nullptr);
    ~SimRealtimeHub() override;

    void addConnection(QWebSocket *socket);
    // Paper trading: relay registrations and condition requests to feed (not owned; nullptr = off).
    void setPaperFeed(SimPaperFeed *feed) { m_feed = feed; }
    int sessionCount() const { return int(m_sessions.size()); }
    // (type, item) registrations and realtime conditions over all sessions (for /_sim/state).
    int registrationCount() const;
    int realtimeConditionCount() const;
    // ws-drop moment: reset every connection without a close frame.
    void dropAll();
    void closeAll();
    // Sends the queued REAL entries now (normally done from the event loop right after they queue).
    void flush();
    // REAL entries handed to sockets so far, over all sessions (tests wait for a client to read them).
    quint64 entriesSent() const { return m_entriesSent; }

private:
    struct Session
    {
        QWebSocket *socket = nullptr;
        bool loggedIn = false;
        bool listed = false; // CNSRLST seen
        QHash<QString, QSet<QString>> groups; // grp_no -> "type|item"
        QSet<QString> keys; // union of all groups
        QSet<QString> conditions; // realtime condition seqs
        QJsonArray pending;
        std::optional<QByteArray> held; // ws-reorder: a frame waiting for the next one
        QElapsedTimer age;
        qint64 lastPingMs = 0;
        qint64 awaitingSinceMs = -1;
    };

    void onMessage(QWebSocket *socket, const QString &text);
    void onDisconnected(QWebSocket *socket);
    void onTimer();
    void reply(Session &s, const QJsonObject &o);
    void handleLogin(Session &s, const QJsonObject &msg);
    void handleReg(Session &s, const QJsonObject &msg, bool remove);
    void handleConditionList(Session &s);
    void handleConditionRequest(Session &s, const QJsonObject &msg);
    void handleConditionClear(Session &s, const QJsonObject &msg);
    void forwardCondition(Session &s, const QJsonObject &msg);
    void syncFeedSubscriptions();
    void queue(Session &s, const QJsonObject &entry);
    void queueFor(const QString &key, const std::function<QJsonObject()> &make);
    void sendFrame(Session &s, const QByteArray &frame);
    void drop(Session &s);
    void rebuildKeys(Session &s);

    void onTraded(int stock, const SimTick &tick);
    void onPhaseChanged(SimPhase phase, qint64 atMs);
    void onOrderEvent(const SimOrderEvent &event);
    void onBalanceChanged(int stock, SimSide side);
    void onConditionHit(const QString &seq, int stock, bool entered, qint64 atMs);
    void onSourceEvent(const SimSourceEvent &event);

    QJsonObject tradeEntry(int stock, const SimTick &tick) const;
    QJsonObject quoteEntry(int stock) const;
    QJsonObject bookEntry(int stock) const;
    QJsonObject orderEntry(const SimOrderEvent &event) const;
    QJsonObject balanceEntry(int stock, SimSide side) const;

    const SimConfig &m_config;
    SimMarket &m_market;
    SimExchange &m_exchange;
    SimConditions &m_conditions;
    SimTokenStore &m_tokens;
    SimFaults &m_faults;
    SimPaperFeed *m_feed = nullptr;
    QHash<QWebSocket *, Session> m_sessions;
    QTimer m_timer;
    QElapsedTimer m_clock;
    bool m_flushScheduled = false;
    quint64 m_entriesSent = 0;
};
