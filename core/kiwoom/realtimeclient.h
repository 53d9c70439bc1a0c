// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kiwoomerror.h"
#include "realtimetypes.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QUrl>

#include <deque>

namespace Kiwoom {
struct ParsedRealFrame;
class WireTap;
} // namespace Kiwoom

class IClock;
class QWebSocket;
class TokenManager;

// RealtimeClient: Kiwoom's realtime WebSocket (protocol §5) on QWebSocket.
//
// Session: connect -> send {"trnm":"LOGIN","token":<raw token>} -> wait for the LOGIN ack
// (return_code 0). Nothing else is sent before the ack (Kiwoom rejects early REG/CNSR* with
// 100013). Server PINGs are echoed as the identical text frame at any time, also before the ack.
// A LOGIN failure with 8005/8031/8103 (also "[CODE=8005, ...]") drops the token so the next
// attempt logs in with a fresh one.
//
// Registrations: subscribe()/unsubscribe() send REG/REMOVE (grp_no, refresh, data item/type) and
// keep a registry per group. Calls made while not logged in only update the registry. After every
// (re)login the registry is re-sent, so subscriptions survive reconnects; a REG that the server
// refuses (return_code != 0) is dropped from the registry and reported. A call with many items is
// sent as several REG/REMOVE frames of at most MAX_ITEMS_PER_FRAME items each (the protocol names no
// per-frame limit; small frames keep a refusal to its own items and each log line readable); with
// keepExisting false only the first frame replaces (refresh "0"), the rest add to it.
//
// REAL frames are parsed (realtimeparse.h) into typed events, several per frame: straight from the
// text when the fast scanner reads it, else through QJsonDocument. A malformed frame or entry is
// logged and counted, never fatal. An order or balance notice (00/04) with unreadable fields is
// still delivered (OrderExecution::complete() false), logged and counted as incomplete. SYSTEM
// frames are reported; R10001 (another connection with the same app key took over) stops
// reconnecting, since two instances would otherwise evict each other forever.
//
// Reconnect: on any unexpected close, login failure or login timeout, reconnects after an
// exponential backoff with jitter (1 s doubling to 30 s, ±25%); the backoff resets once a login
// has stayed up for stableAfterMs.
//
// Liveness: a half-open connection (a laptop sleep, a Wi-Fi/VPN switch, a NAT forgetting the flow)
// raises no error; the socket looks connected while prices freeze and fill notices stop. While
// logged in, two detectors run, and either one drops the socket and reconnects at once (the state
// leaves LoggedIn, connectionLost() is emitted, and the next login emits loggedIn(true)):
//  * Idle watchdog (idleTimeoutMs, 0 = off): no frame at all from the server — text frame or
//    WebSocket pong — for that long. The server PINGs (§5.1) keep a healthy connection busy even
//    when the market is quiet or paused; the default is three times the simulator's PING interval.
//  * WebSocket ping (pingIntervalMs, 0 = off): a protocol-level ping (QWebSocket::ping) every
//    interval; when neither a pong nor any other frame has arrived pongTimeoutMs after it, the flow
//    is dead. This is enforced only on a connection that has answered a ping before: a server (or
//    proxy) that never answers pings is left to the idle watchdog rather than reconnected forever.
//    After the machine slept (wall time jumped past monotonic time) a ping is sent at once, so a
//    connection that died meanwhile is found within pongTimeoutMs of waking.
//
// Other replies (CNSRLST, CNSRREQ, CNSRCLR, ...) are passed on through responseReceived();
// ConditionSearch sends its requests with sendFrame() and re-issues its realtime conditions after
// loggedIn(true).
//
// Threading: one thread (the core's); not thread-safe. Ownership: owns its QWebSocket.
class RealtimeClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RealtimeClient)

public:
    struct Config
    {
        int loginTimeoutMs = 10000;
        int backoffInitialMs = 1000;
        int backoffMaxMs = 30000;
        double jitter = 0.25;
        int stableAfterMs = 30000;
        // Kiwoom's server sends {"trnm":"PING"} "periodically" (kiwoom-protocol.md §5.1); the
        // interval is not documented and was not measured here. It is believed to be about ten
        // seconds, like the simulator's (SimConfig::pingIntervalMs = 10 s), hence three of those.
        // Should Kiwoom's be longer on a quiet connection, the pongs to our pings still keep a
        // healthy connection alive (any frame counts, see Liveness above).
        int idleTimeoutMs = 30000;
        int pingIntervalMs = 10000;
        int pongTimeoutMs = 10000;
    };

    enum class State
    {
        Stopped,
        Connecting, // waiting for a token or the TCP/WebSocket handshake
        LoggingIn, // LOGIN sent, waiting for the ack
        LoggedIn,
        WaitingToReconnect,
    };
    Q_ENUM(State)

    struct Subscription
    {
        QString group;
        QString item;
        QStringList types;
    };

    struct Stats
    {
        quint64 framesReceived = 0;
        quint64 realEntries = 0;
        quint64 malformedFrames = 0; // unparseable frames and malformed REAL entries (dropped)
        // 00/04 notices delivered with unreadable fields (in realEntries too; the consumer reconciles).
        quint64 incompleteEntries = 0;
        quint64 pingsEchoed = 0;
        quint64 logins = 0;
        quint64 reconnects = 0; // logins after the first
        quint64 pingsSent = 0; // WebSocket-level pings
        quint64 pongsReceived = 0;
        quint64 livenessFailures = 0; // connections dropped by the idle watchdog or a missing pong
    };

    RealtimeClient(TokenManager &tokens, const QUrl &url, const IClock &clock, QObject *parent = nullptr);
    ~RealtimeClient() override;

    void setConfig(const Config &config) { m_config = config; }
    const Config &config() const { return m_config; }
    // The clock that places HHmmss FIDs on a day (receivedMs of events): the session clock unless
    // set (demo mode: the simulator's virtual market time). Must outlive the client.
    void setMarketClock(const IClock *clock) { m_marketClock = clock; }
    // The market recorder's tap (nullptr = none): sees every text frame as received, with its
    // market time, before it is parsed. It must return at once (wiretap.h). Must outlive the client
    // or be reset first.
    void setWireTap(Kiwoom::WireTap *tap) { m_tap = tap; }

    void start();
    void stop();
    State state() const { return m_state; }
    bool isLoggedIn() const { return m_state == State::LoggedIn; }

    // REG: registers items x types in group (grp_no). keepExisting = refresh "1"; false = "0"
    // (replace the group's registrations). Account types 00/04 take the item "".
    static constexpr int MAX_ITEMS_PER_FRAME = 100;
    void subscribe(const QString &group, const QStringList &items, const QStringList &types, bool keepExisting = true);
    // REMOVE of items x types from group.
    void unsubscribe(const QString &group, const QStringList &items, const QStringList &types);
    // What is registered (and re-sent after a reconnect), one entry per (group, item).
    QList<Subscription> subscriptions() const;

    // Sends a request frame now; false (nothing sent) unless logged in.
    bool sendFrame(const QJsonObject &frame);

    Stats stats() const { return m_stats; }
    // REG/REMOVE requests sent and not yet acknowledged (lockstep drivers wait for none).
    int pendingAcks() const { return int(m_pendingAcks.size()); }

signals:
    void stateChanged(RealtimeClient::State state);
    void loggedIn(bool reconnected);
    void connectionLost(const QString &reason);
    void loginFailed(const KiwoomError &error);
    void systemMessage(const QString &code, const QString &message);
    void registrationFailed(const QString &group, int returnCode, const QString &message);
    // Replies that are not REAL/PING/LOGIN/SYSTEM/REG/REMOVE (condition search and others).
    void responseReceived(const QString &trnm, const QJsonObject &frame);
    void tradeTickReceived(const Kiwoom::TradeTick &tick);
    void orderBookReceived(const Kiwoom::OrderBookUpdate &book);
    void orderExecutionReceived(const Kiwoom::OrderExecution &execution);
    void balanceReceived(const Kiwoom::BalanceUpdate &balance);
    void marketStatusReceived(const Kiwoom::MarketStatusEvent &status);
    void viReceived(const Kiwoom::ViEvent &vi);
    void conditionHitReceived(const Kiwoom::ConditionHit &hit);
    void otherRealtimeReceived(const Kiwoom::RawRealtime &entry);
    void malformedFrameReceived(const QString &reason);

private:
    struct PendingAck
    {
        QString trnm; // REG or REMOVE
        QString group;
        QStringList items;
        QStringList types;
    };

    void setState(State state);
    void connectNow();
    void openSocket(const QString &token);
    void onConnected();
    void onDisconnected();
    void onTextMessage(const QString &message);
    void onLoginReply(const QJsonObject &frame);
    void onRegistrationAck(const QString &trnm, const QJsonObject &frame);
    void onReal(const QJsonObject &frame);
    void deliverReal(const Kiwoom::ParsedRealFrame &parsed);
    qint64 marketNowMs() const;
    void onSystem(const QJsonObject &frame);
    void scheduleReconnect(const QString &reason, bool soon = false);
    void dropSocket();
    void startLiveness();
    void checkLiveness();
    void noteInbound();
    void onPong();
    void sendPing(qint64 nowMs);
    void connectionDead(const QString &reason);
    void resendRegistrations();
    void sendRegistration(const QString &trnm, const QString &group, const QStringList &items, const QStringList &types,
        const QString &refresh);
    void malformed(const QString &reason);

    TokenManager &m_tokens;
    QUrl m_url;
    const IClock &m_clock;
    const IClock *m_marketClock = nullptr;
    Kiwoom::WireTap *m_tap = nullptr;
    Config m_config;
    State m_state = State::Stopped;
    bool m_running = false;
    bool m_noReconnect = false;

    QPointer<QWebSocket> m_socket;
    QString m_loginToken;
    int m_attempt = 0;
    qint64 m_loggedInAtMs = 0;
    QTimer m_reconnectTimer;
    QTimer m_loginTimer;

    // Liveness, in m_monotonic milliseconds.
    QTimer m_livenessTimer;
    QElapsedTimer m_monotonic;
    qint64 m_lastInboundMs = 0; // last frame of any kind from the server
    qint64 m_lastPingMs = 0;
    qint64 m_pingOutstandingSinceMs = -1; // a ping with nothing received since
    bool m_pongSeen = false; // this connection has answered a ping
    bool m_pongsIgnoredLogged = false;
    qint64 m_lastTickWallMs = 0;
    qint64 m_lastTickMonotonicMs = 0;

    // group -> item -> types
    QMap<QString, QMap<QString, QSet<QString>>> m_registry;
    std::deque<PendingAck> m_pendingAcks;
    quint64 m_seq = 0;
    Stats m_stats;
};
