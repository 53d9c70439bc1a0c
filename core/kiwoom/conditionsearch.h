// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kiwoomerror.h"
#include "realtimetypes.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>
#include <QTimer>

#include <deque>
#include <functional>
#include <memory>

class RealtimeClient;

// ConditionSearch: Kiwoom's condition search (조건검색) over the realtime WebSocket (protocol §5.4).
//  * listConditions(): CNSRLST -> [seq, name] pairs.
//  * search(): CNSRREQ search_type "0" (one-shot), paginated by the body's cont_yn / next_key up to
//    Paging::maxPages.
//  * startRealtime(): CNSRREQ search_type "1": the initial list, then I/D hits (REAL type 02)
//    forwarded as conditionHitReceived() and tracked in members(). At most maxRealtimeConditions
//    (10, Kiwoom's per-login limit) are active; an 11th is refused locally with Invalid.
//  * stopRealtime(): CNSRCLR.
// Requests run one at a time (replies carry no request id) and wait while the socket is not logged
// in. CNSRLST is sent on each login session before the first realtime CNSRREQ, as Kiwoom requires.
// After a reconnect (RealtimeClient::loggedIn(true)) every active realtime condition is requested
// again (CNSRLST first) and realtimeStarted(seq, codes, true) reports the fresh member list. A
// request in flight when the connection drops is sent again after the next login (a CNSRCLR simply
// completes: the server forgot the condition with the connection).
// Threading: one thread (the core's); not thread-safe.
class ConditionSearch final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConditionSearch)

public:
    struct Config
    {
        int requestTimeoutMs = 15000; // sent, no reply
        // A caller's request still unsent after this long (the WebSocket is down or reconnecting)
        // fails with Timeout instead of waiting for ever; 0 = wait. Restores after a reconnect
        // (internal) never expire.
        int queueTimeoutMs = 60000;
        int maxRealtimeConditions = 10;
    };

    template<typename T> using Callback = std::function<void(const KiwoomResult<T> &)>;

    explicit ConditionSearch(RealtimeClient &realtime, QObject *parent = nullptr);
    ~ConditionSearch() override;

    void setConfig(const Config &config) { m_config = config; }
    const Config &config() const { return m_config; }

    void listConditions(QObject *context, Callback<QList<Kiwoom::ConditionInfo>> done);
    void search(const QString &seq, const Kiwoom::Paging &paging, QObject *context,
        Callback<Kiwoom::ConditionSearchResult> done);
    void startRealtime(const QString &seq, QObject *context, Callback<QStringList> done);
    void stopRealtime(const QString &seq, QObject *context, Callback<bool> done);
    // Fails every queued or running request with Cancelled and forgets the realtime conditions
    // (session stop). Nothing is sent.
    void cancelAll();

    QList<Kiwoom::ConditionInfo> conditions() const { return m_conditions; }
    QStringList activeRealtime() const;
    QSet<QString> members(const QString &seq) const { return m_members.value(seq); }
    int queuedRequests() const { return int(m_queue.size()) + (m_current ? 1 : 0); }
    // A request sent (or being sent) and not yet answered.
    bool requestInFlight() const { return m_current != nullptr; }
    // Lockstep runs: the next request is sent only while gate() holds; call wake() when it may
    // have turned true. Empty = no gate.
    void setSendGate(std::function<bool()> gate) { m_sendGate = std::move(gate); }
    void wake() { pump(); }

signals:
    void conditionsListed(const QList<Kiwoom::ConditionInfo> &conditions);
    // Initial member list of a realtime condition; restored = after a reconnect.
    void realtimeStarted(const QString &seq, const QStringList &codes, bool restored);
    void realtimeStopped(const QString &seq);
    void conditionHitReceived(const Kiwoom::ConditionHit &hit);

private:
    struct Op;
    using OpPtr = std::shared_ptr<Op>;

    void enqueue(const OpPtr &op, bool front = false);
    void pump();
    bool sendCurrent();
    void onResponse(const QString &trnm, const QJsonObject &frame);
    void onLoggedIn(bool reconnected);
    void onConnectionLost();
    void onTimeout();
    void armQueueTimer();
    void expireQueued();
    void onHit(const Kiwoom::ConditionHit &hit);
    void finish(const OpPtr &op, const KiwoomError *error);
    void fail(const OpPtr &op, const KiwoomError &error);

    RealtimeClient &m_realtime;
    Config m_config;
    std::function<bool()> m_sendGate;
    std::deque<OpPtr> m_queue;
    OpPtr m_current;
    QTimer m_timeout;
    QTimer m_queueTimer; // the earliest queue deadline
    bool m_listedThisSession = false;
    QList<Kiwoom::ConditionInfo> m_conditions;
    QStringList m_active; // realtime conditions requested or running, in request order
    QHash<QString, QSet<QString>> m_members;
};
