// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "market/quote.h"

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <optional>

class IClock;
class RealtimeClient;
namespace Kiwoom {
struct TradeTick;
}

// QuoteBook keeps the newest quote of every stock someone watches and owns the realtime trade
// (0B) subscription for them. Several owners ("watchlist", "positions", "ui", ...) each declare the
// codes they need; the book subscribes the union on one REG group and removes codes nobody needs.
// Trading logic connects to tickReceived (every tick, at once); views connect to quotesUpdated,
// which batches changes at most every throttleMs (STYLE §6.3). Subscriptions survive reconnects
// because RealtimeClient re-sends its registry. Lives on the core's thread.
class QuoteBook final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QuoteBook)

public:
    static constexpr auto GROUP = "1";

    QuoteBook(RealtimeClient &realtime, const IClock &clock, QObject *parent = nullptr);
    ~QuoteBook() override;

    void watch(const QString &owner, const QStringList &codes);
    QStringList watchedCodes() const;
    std::optional<Quote> quote(const QString &code) const;
    QList<Quote> quotes() const;
    quint64 ticksReceived() const { return m_ticks; }

    void setThrottleMs(int ms);
    // Every summaryMs the developer log gets one line: ticks in the period and a few prices.
    void setSummaryIntervalMs(int ms);

signals:
    void tickReceived(const Quote &quote);
    void quotesUpdated(const QList<Quote> &quotes);

private:
    void onTradeTick(const Kiwoom::TradeTick &tick);
    void flush();
    void logSummary();
    void resubscribe();

    RealtimeClient &m_realtime;
    const IClock &m_clock;
    QHash<QString, QStringList> m_owners;
    QStringList m_subscribed;
    QSet<QString> m_subscribedSet; // m_subscribed, for the per-tick lookup
    QHash<QString, Quote> m_quotes;
    QSet<QString> m_dirty;
    quint64 m_ticks = 0;
    quint64 m_ticksAtLastSummary = 0;
    QTimer m_throttle;
    QTimer m_summary;
};
