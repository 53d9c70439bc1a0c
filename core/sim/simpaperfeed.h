// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "kiwoom/wiretap.h"
#include "simconfig.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QStringList>

#include <deque>
#include <functional>
#include <memory>

class IClock;
class KiwoomSession;
class SimLiveSource;

// SimPaperFeed is the paper simulator's one connection to the live feed (`--mode paper`): Kiwoom's
// mock or live host with the user's real credentials, or a standalone kiwoom-sim in tests. It is a
// KiwoomSession (the app's own client code) living on the simulator thread, and it relays only
// market data:
//  * REST: forwardRest() sends a query TR upstream and hands back the first page's body with its
//    cont-yn/next-key. Only the api-ids of isForwardable() — quote, chart and stock-list TRs — are
//    ever sent; any other id (orders kt10000–kt10003, account TRs, token calls) is answered locally
//    with an error and never leaves the machine. This check is here, in the only object that holds
//    the feed's credentials, so no caller can get an order through by mistake.
//  * WebSocket: setSubscriptions() keeps the upstream realtime registrations (market types only:
//    0B, 0C, 0D, 0s, ... never 00/04) equal to what the app sessions asked the paper simulator for;
//    forwardCondition() sends CNSRLST/CNSRREQ/CNSRCLR upstream and hands back the reply (FIFO per
//    trnm, as the feed answers in order). Every REAL frame the feed sends is pushed into the
//    SimLiveSource: trades and books drive the local market and exchange, and the hub passes the
//    entries on to the app verbatim.
// nowMs() is the feed's market time: the time a simulator feed announces on its replies, else the
// system clock (Kiwoom's hosts announce nothing and run on KST wall time).
// Threading: simulator thread only. start() runs a nested event loop until the feed is ready.
class SimPaperFeed final : public QObject, private Kiwoom::WireTap
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimPaperFeed)

public:
    using Config = SimPaperFeedConfig;

    SimPaperFeed(const Config &config, const IClock &clock, QObject *parent = nullptr);
    ~SimPaperFeed() override;

    // Connects (token, WebSocket LOGIN) and waits for it. Errors: paper.feed (the feed refused the
    // credentials, is unreachable, or did not get ready within startTimeoutMs).
    Status start();
    void stop();
    qint64 nowMs() const;
    // Where REAL frames go (nullptr = nowhere); not owned.
    void setSource(SimLiveSource *source) { m_source = source; }

    // The query TRs a paper simulator may relay to the feed. Orders and account TRs are never in it.
    static bool isForwardable(const QString &apiId);
    static QStringList forwardableApiIds();

    // httpStatus 200 with Kiwoom's envelope (return_code 0 and the data, or the feed's error), or a
    // 5xx when the feed could not be reached. A non-forwardable id gets return_code 2 (8104) at once.
    using RestDone = std::function<void(int httpStatus, const QJsonObject &body, bool more, const QString &nextKey)>;
    void forwardRest(const QString &apiId, const QJsonObject &body, const QString &nextKey, RestDone done);
    // "type|item" keys (market types only; account types are ignored).
    void setSubscriptions(const QSet<QString> &keys);
    QSet<QString> subscriptions() const { return m_subscribed; }
    // CNSRLST / CNSRREQ / CNSRCLR: the feed's reply frame (or an error frame when the feed is down).
    void forwardCondition(const QJsonObject &frame, std::function<void(const QJsonObject &reply)> done);

    qint64 restForwarded() const { return m_restForwarded; }
    qint64 framesReceived() const { return m_framesReceived; }

signals:
    // The feed's WebSocket came back after a drop: its registrations are restored by the client,
    // but condition searches the app started through the paper simulator are gone there.
    void reconnected();

private:
    void realtimeFrame(qint64 receivedMs, const QByteArray &utf8) override;
    void restReply(qint64, const QString &, const QByteArray &, const QList<QJsonObject> &) override { }
    void onResponse(const QString &trnm, const QJsonObject &frame);

    Config m_config;
    const IClock &m_clock;
    std::unique_ptr<KiwoomSession> m_session;
    SimLiveSource *m_source = nullptr;
    QSet<QString> m_subscribed;
    QHash<QString, std::deque<std::function<void(const QJsonObject &)>>> m_pendingConditions; // by trnm
    qint64 m_restForwarded = 0;
    qint64 m_framesReceived = 0;
};
