// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "simrandom.h"

#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringList>

// SimFaults holds the fault-injection rules of a simulator (`kiwoom-sim --faults SPEC`,
// SimConfig::faults, POST /_sim/faults) and decides, event by event, whether one fires.
//
// Grammar (whitespace around separators is ignored, names are case-insensitive):
//
//   spec   := rule { ";" rule }
//   rule   := kind { "," option }
//   kind   := "http5xx"        reply with an HTTP 5xx status and a non-JSON body
//           | "timeout"        never answer the request (the connection stays open), or close it
//                              after ms=N without a reply
//           | "delay"          run the TR at once but send its reply ms=N real ms later (default
//                              1000; alias "slow"): an order is placed, its reply is late
//           | "ratelimit"      HTTP 429 + return_code 5 + [1700:...] although the quota is not used up
//                              (alias "429")
//           | "token-expiry"   every token issued so far becomes invalid (→ 8005 on the next call)
//                              (alias "expire")
//           | "malformed"      HTTP 200 with a truncated, unparsable JSON body
//           | "ws-drop"        the WebSocket connection is reset without a close frame (alias "drop")
//           | "ws-duplicate"   a REAL frame is sent twice (alias "duplicate", "dup")
//           | "ws-reorder"     a REAL frame is held back and sent after the next one (alias "reorder")
//           | "ws-malformed"   a REAL frame is sent cut in half: not parseable JSON (alias "ws-garbage")
//   option := "rate=" P        fire on each eligible event with probability P (0 < P <= 1), drawn
//                              from a generator seeded by the simulator seed (reproducible)
//           | "count=" N       fire at most N times (default 1; unlimited when rate= is given)
//           | "after=" N       let the first N eligible events pass, then fire
//           | "at=" TIME       arm at a virtual KST time: HHMM, HHMMSS (today) or YYYYMMDDHHmmss
//           | "api=" ID{"|"ID} only REST requests with one of these api-ids
//           | "status=" CODE   http5xx: 500 (default), 502, 503 or 504
//           | "ms=" N          timeout: close the connection after N real ms (default: never answer);
//                              delay: how late the reply is
//           | "when=" W        http5xx, timeout: "before" (default) the TR runs — nothing happens;
//                              "after" it ran — an order is placed and then its reply is lost
//
// Eligible events: every Kiwoom REST request (after the path/api-id check, before authentication)
// for http5xx, timeout, delay, ratelimit, malformed and token-expiry; every REAL frame to a session for
// ws-drop, ws-duplicate, ws-reorder and ws-malformed. A ws-drop or token-expiry rule without
// rate=, after= and api= is a moment, not an event filter: it fires at at=TIME, or immediately when
// installed ("now"), and then hits every WebSocket session / every token at once. With api= a
// token-expiry rule waits for the next request of that api-id (count= of them).
//
// Examples:  "http5xx,rate=0.1,api=ka10081"      10% of daily-chart requests fail with 500
//            "timeout,after=3"                    the 4th REST request is never answered
//            "ratelimit,count=2,api=kt10000"      the next two buy orders get 429
//            "token-expiry,at=1030"               tokens die at 10:30 virtual time
//            "ws-drop"                            every WebSocket is reset now
//            "ws-duplicate,rate=0.05;ws-reorder,rate=0.05"
//            "timeout,api=kt10000,when=after"     the next buy order is placed, its reply never comes
//            "delay,api=kt10000,ms=3000"          the next buy order is placed, its reply comes 3 s late
//
// Not thread-safe (simulator thread).
class SimFaults
{
public:
    enum class Kind
    {
        Http5xx,
        Timeout,
        Delay,
        RateLimit,
        TokenExpiry,
        Malformed,
        WsDrop,
        WsDuplicate,
        WsReorder,
        WsMalformed,
    };
    struct Rule
    {
        Kind kind = Kind::Http5xx;
        QString text; // the rule as written
        double rate = 0; // 0 = every eligible event
        int count = 1; // -1 = unlimited
        int after = 0;
        qint64 atMs = 0; // 0 = armed from the start
        QStringList apis; // empty = any api-id
        int status = 500;
        int holdMs = -1; // timeout: close after; delay: reply after (ms=)
        bool afterTr = false; // when=after: the TR runs before the fault replaces its reply
        int seen = 0; // eligible events observed while armed
        int fired = 0;
        bool exhausted() const { return count >= 0 && fired >= count; }
        // ws-drop / token-expiry without rate/after/api: fires at a moment, not on events.
        bool isMoment() const
        {
            return (kind == Kind::WsDrop || kind == Kind::TokenExpiry) && rate <= 0 && after == 0 && apis.isEmpty();
        }
    };

    explicit SimFaults(quint64 seed);

    // Parses a spec; virtualNowMs resolves at=HHMM to today's KST date.
    static Result<QList<Rule>> parse(const QString &spec, qint64 virtualNowMs);
    static QString kindName(Kind kind);

    Status add(const QString &spec, qint64 virtualNowMs);
    void clear() { m_rules.clear(); }
    const QList<Rule> &rules() const { return m_rules; }
    bool isEmpty() const { return m_rules.isEmpty(); }

    // The REST fault that fires for this request, if any (its fired counter is advanced).
    std::optional<Rule> onRestRequest(const QString &apiId, qint64 virtualNowMs);
    // Whether a per-frame WebSocket fault of this kind fires for one REAL frame.
    bool onFrame(Kind kind, qint64 virtualNowMs);
    // Moment rules (ws-drop, token-expiry) due now; each is returned once per firing.
    QList<Kind> dueMoments(qint64 virtualNowMs);

    QJsonArray describe() const;

private:
    bool consider(Rule &rule, qint64 virtualNowMs);

    QList<Rule> m_rules;
    SimRandom m_rng;
};
