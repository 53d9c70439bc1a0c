// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trading/signalsink.h"

#include <QList>
#include <QSet>
#include <QString>

class IClock;

// FakeSignalSink: ISignalSink for the producers' unit tests. It records every request and answers
// like the SignalManager's dedupe: the same (stock, trading date, signal type, source) twice is a
// duplicate (the trading date from `clock`, or one date for all when no clock is given). failNext
// makes the next submits fail with signals.fake. Single thread.
class FakeSignalSink final : public ISignalSink
{
public:
    explicit FakeSignalSink(const IClock *clock = nullptr) : m_clock(clock) { }

    Result<Trading::SignalOutcome> submit(const Trading::SignalRequest &request) override;

    // Every request, duplicates included, in order.
    QList<Trading::SignalRequest> requests;
    // The requests recorded as new signals.
    QList<Trading::SignalRequest> created() const;
    int failNext = 0;
    void clear();

private:
    const IClock *m_clock = nullptr;
    QSet<QString> m_keys;
    QList<qsizetype> m_created;
    qint64 m_nextId = 1;
};
