// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "simpricesource.h"

#include <QHash>
#include <QVector>

#include <memory>

// SimReplaySource plays a market recording (core/recorder, one day's file) as SimMarket's price
// source (`kiwoom-sim --replay FILE`): the realtime frames become events at their recorded receive
// times — 0B trades (price |FID 10|, volume |FID 15|, buy-initiated unless FID 15 is negative),
// 0D books (FIDs 41–80), 02 condition hits (841 seq, 9001 code, 843 I/D), every other entry passed
// on verbatim — and the recorder's condition results (CNSRREQ with the name CNSRLST gave) set the
// members of each condition. Order and balance notices of the recording's account (00, 04) are
// dropped: the simulator's own account makes its own. The universe is every stock seen; its base
// price is the first 0B's price minus its FID 11 change (a stock only ever seen in a condition
// result gets the price found there, else 1,000).
//
// fromHhmm/toHhmm (KST on the recording's day, -1 = open-ended): events after `to` are dropped;
// those before `from` are kept (they build the day's state) and startMs() is `from`, where the
// server starts serving. A damaged tail (tailDamaged()) is replayed up to the last intact block.
class SimReplaySource final : public SimPriceSource
{
public:
    // Errors: recording.io, recording.not_a_recording, replay.empty (no realtime event in range),
    // replay.bad_time (from/to not HHMM or from >= to).
    static Result<std::unique_ptr<SimReplaySource>> load(const QString &path, int fromHhmm = -1, int toHhmm = -1);

    QDate date() const override { return m_date; }
    QList<SimStockInfo> stocks() const override { return m_stocks; }
    QList<QPair<QString, QString>> conditions() const override { return m_conditions; }
    QHash<QString, QStringList> initialConditionMembers() const override { return m_initialMembers; }
    // Chart TRs (ka10079/ka10080/ka10081) with the same request body as a recorded one: the
    // latest recorded reply at or before nowMs (else the first one when it came within 60 s after
    // nowMs: the recording's first look at the history), page by page (next-key "rec-<i>-<page>").
    // ka10001 likewise, but only a reply recorded within a second of nowMs (what a lockstep run
    // saw at that instant); otherwise the replayed market answers with its live price.
    std::optional<SimTrReply> recordedReply(
        const QString &apiId, const QJsonObject &body, const QString &continueKey, qint64 nowMs) const override;
    int recordedReplyCount() const { return int(m_rest.size()); }
    bool atEnd() const override { return m_next >= m_events.size(); }
    qint64 peekTimeMs(int ahead = 0) const override;
    const SimSourceEvent &peek() const override { return m_events.at(m_next); }
    SimSourceEvent take() override;

    qint64 startMs() const { return m_startMs; }
    qint64 firstTimeMs() const { return m_events.isEmpty() ? 0 : m_events.first().timeMs; }
    qint64 lastTimeMs() const { return m_events.isEmpty() ? 0 : m_events.last().timeMs; }
    int eventCount() const { return int(m_events.size()); }
    int tradeCount() const { return m_trades; }
    bool tailDamaged() const { return m_tailDamaged; }

private:
    SimReplaySource() = default;

    QDate m_date;
    QList<SimStockInfo> m_stocks;
    QList<QPair<QString, QString>> m_conditions;
    QHash<QString, QStringList> m_initialMembers; // first result of each condition
    struct RecordedRest
    {
        qint64 timeMs = 0;
        QString apiId;
        QByteArray requestKey; // compact JSON of the request body (keys sorted)
        QList<QByteArray> pages; // compact JSON, parsed when served (a parsed chart page is large)
    };
    QVector<RecordedRest> m_rest; // in time order
    QVector<SimSourceEvent> m_events;
    int m_next = 0;
    int m_trades = 0;
    qint64 m_startMs = 0;
    bool m_tailDamaged = false;
};
