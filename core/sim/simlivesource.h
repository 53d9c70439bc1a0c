// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "simpricesource.h"

#include <QByteArray>
#include <QDate>
#include <QVector>

#include <deque>
#include <functional>

// SimLiveSource is SimMarket's price source in paper trading (`--mode paper`): the realtime frames
// the paper simulator receives from the live feed (Kiwoom, or a standalone kiwoom-sim in tests) are
// pushed in as they arrive and taken by the market as its virtual time reaches them. Entries are
// read as SimReplaySource reads a recording: 0B trades (price |FID 10|, volume |FID 15|,
// buy-initiated unless FID 15 is negative, base price = price − FID 11), 0D books (FIDs 41–80),
// 02 condition hits (841 seq, 9001 code, 843 I/D), any other entry passed on verbatim. Order and
// balance notices of the feed's account (00, 04) are dropped: paper orders never reach that
// account, and the paper account makes its own notices.
//
// The universe is not known upfront (stocks() is empty): the market adds a stock at its first trade
// (isLive()). The day is the feed's day at construction; the market rolls days itself.
// Simulator thread only. pushed() runs after every pushFrame() that queued at least one event.
class SimLiveSource final : public SimPriceSource
{
public:
    explicit SimLiveSource(const QDate &date) : m_date(date) { }

    QDate date() const override { return m_date; }
    QList<SimStockInfo> stocks() const override { return {}; }
    QList<QPair<QString, QString>> conditions() const override { return {}; }
    bool atEnd() const override { return m_events.empty(); }
    qint64 peekTimeMs(int ahead = 0) const override;
    const SimSourceEvent &peek() const override { return m_events.front(); }
    SimSourceEvent take() override;
    bool isLive() const override { return true; }

    // A text frame of the feed's WebSocket, received at feed market time receivedMs. Frames other
    // than REAL (acks, PING, condition replies) are ignored. Returns the number of events queued.
    int pushFrame(qint64 receivedMs, const QByteArray &utf8);
    void setPushed(std::function<void()> pushed) { m_pushed = std::move(pushed); }

    // "A005930", "005930_NX" -> "005930".
    static QString stockCode(QString code);

private:
    QDate m_date;
    std::deque<SimSourceEvent> m_events;
    qint64 m_lastMs = 0;
    std::function<void()> m_pushed;
};
