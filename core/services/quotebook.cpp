// SPDX-License-Identifier: GPL-3.0-or-later
#include "quotebook.h"

#include "common/clock.h"
#include "common/logging.h"
#include "kiwoom/realtimeclient.h"
#include "kiwoom/realtimetypes.h"

#include <QLocale>

QuoteBook::QuoteBook(RealtimeClient &realtime, const IClock &clock, QObject *parent)
    : QObject(parent), m_realtime(realtime), m_clock(clock)
{
    qRegisterMetaType<Quote>();
    qRegisterMetaType<QList<Quote>>();
    m_throttle.setSingleShot(true);
    m_throttle.setInterval(250);
    connect(&m_throttle, &QTimer::timeout, this, &QuoteBook::flush);
    m_summary.setInterval(30000);
    connect(&m_summary, &QTimer::timeout, this, &QuoteBook::logSummary);
    connect(&m_realtime, &RealtimeClient::tradeTickReceived, this, &QuoteBook::onTradeTick);
}

QuoteBook::~QuoteBook() = default;

void QuoteBook::setThrottleMs(int ms)
{
    m_throttle.setInterval(std::max(0, ms));
}

void QuoteBook::setSummaryIntervalMs(int ms)
{
    m_summary.setInterval(std::max(1000, ms));
    if (m_summary.isActive())
        m_summary.start();
}

void QuoteBook::watch(const QString &owner, const QStringList &codes)
{
    QStringList clean;
    QSet<QString> seen;
    for (const QString &c : codes) {
        const QString code = c.trimmed();
        if (!code.isEmpty() && !seen.contains(code)) {
            seen.insert(code);
            clean.append(code);
        }
    }
    if (clean.isEmpty())
        m_owners.remove(owner);
    else
        m_owners.insert(owner, clean);
    resubscribe();
}

QStringList QuoteBook::watchedCodes() const
{
    return m_subscribed;
}

void QuoteBook::resubscribe()
{
    // Sets, not list searches: a watch of thousands of codes stays linear.
    QSet<QString> wantedSet;
    for (const QStringList &codes : std::as_const(m_owners)) {
        for (const QString &code : codes)
            wantedSet.insert(code);
    }
    QStringList wanted(wantedSet.cbegin(), wantedSet.cend());
    std::sort(wanted.begin(), wanted.end());
    if (wanted == m_subscribed)
        return;
    QStringList removed;
    for (const QString &code : std::as_const(m_subscribed)) {
        if (!wantedSet.contains(code))
            removed.append(code);
    }
    QStringList added;
    for (const QString &code : std::as_const(wanted)) {
        if (!m_subscribedSet.contains(code))
            added.append(code);
    }
    const QString group = QString::fromLatin1(GROUP);
    if (!removed.isEmpty()) {
        m_realtime.unsubscribe(group, removed, { QStringLiteral("0B") });
        for (const QString &code : std::as_const(removed))
            m_quotes.remove(code);
    }
    if (!added.isEmpty())
        m_realtime.subscribe(group, added, { QStringLiteral("0B") }, true);
    m_subscribed = wanted;
    m_subscribedSet = wantedSet;
    if (!m_subscribed.isEmpty() && !m_summary.isActive())
        m_summary.start();
    if (m_subscribed.isEmpty())
        m_summary.stop();
    constexpr int LOGGED = 20; // a watch of thousands of codes is not one huge log line
    qCInfo(lcServices).noquote() << "quote book watches" << m_subscribed.size() << "codes:"
                                 << m_subscribed.mid(0, LOGGED).join(QLatin1Char(','))
            + (m_subscribed.size() > LOGGED ? QStringLiteral(",…") : QString());
}

std::optional<Quote> QuoteBook::quote(const QString &code) const
{
    const auto it = m_quotes.constFind(code);
    if (it == m_quotes.cend())
        return std::nullopt;
    return *it;
}

QList<Quote> QuoteBook::quotes() const
{
    QList<Quote> list = m_quotes.values();
    std::sort(list.begin(), list.end(), [](const Quote &a, const Quote &b) { return a.code < b.code; });
    return list;
}

void QuoteBook::onTradeTick(const Kiwoom::TradeTick &tick)
{
    if (!m_subscribedSet.contains(tick.code) || tick.price <= 0)
        return;
    Quote &q = m_quotes[tick.code];
    // Realtime frames can repeat or arrive out of order after a reconnect: never move a quote back
    // in time (same trade time with more cumulative volume is newer).
    if (q.timeMs > tick.timeMs || (q.timeMs == tick.timeMs && q.cumVolume > tick.cumVolume))
        return;
    const bool first = q.code.isEmpty();
    q.code = tick.code;
    q.price = tick.price;
    q.change = tick.change;
    q.changeRate = tick.changeRate;
    q.open = tick.open;
    q.high = tick.high;
    q.low = tick.low;
    q.cumVolume = tick.cumVolume;
    q.bestAsk = tick.bestAsk;
    q.bestBid = tick.bestBid;
    q.timeMs = tick.timeMs;
    q.receivedMs = m_clock.nowMs();
    ++m_ticks;
    if (first) {
        qCInfo(lcServices).noquote() << "first realtime tick" << q.code << QLocale::c().toString(q.price) << "KRW"
                                     << QString::asprintf("%+.2f%%", q.changeRate);
    }
    m_dirty.insert(q.code);
    emit tickReceived(q);
    if (!m_throttle.isActive())
        m_throttle.start();
}

void QuoteBook::flush()
{
    if (m_dirty.isEmpty())
        return;
    QList<Quote> changed;
    changed.reserve(m_dirty.size());
    for (const QString &code : std::as_const(m_dirty)) {
        const auto it = m_quotes.constFind(code);
        if (it != m_quotes.cend())
            changed.append(*it);
    }
    m_dirty.clear();
    std::sort(changed.begin(), changed.end(), [](const Quote &a, const Quote &b) { return a.code < b.code; });
    emit quotesUpdated(changed);
}

void QuoteBook::logSummary()
{
    const quint64 n = m_ticks - m_ticksAtLastSummary;
    m_ticksAtLastSummary = m_ticks;
    QStringList sample;
    for (const Quote &q : quotes()) {
        if (sample.size() == 3)
            break;
        sample << QStringLiteral("%1 %2").arg(q.code, QLocale::c().toString(q.price));
    }
    qCInfo(lcServices).noquote() << "realtime:" << n << "ticks in the last" << m_summary.interval() / 1000 << "s,"
                                 << m_ticks << "in total;" << sample.join(QStringLiteral(", "));
}
