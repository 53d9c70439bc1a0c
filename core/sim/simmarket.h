// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "simconfig.h"
#include "simpricesource.h"
#include "simrandom.h"
#include "simtypes.h"

#include <QHash>
#include <QMap>
#include <QObject>
#include <QVector>

#include <functional>
#include <queue>
#include <vector>

// SimMarket is the simulator's synthetic exchange feed: a universe of stocks whose prices follow a
// seeded random walk on the KRX tick ladder, inside the daily price limits of each day's base price,
// with U-shaped intraday volume, multi-day trends, opening gaps, volume surges and occasional limit
// moves. It keeps daily bars (historyDays before the start day), minute bars (the last
// minuteHistoryDays days are simulated tick by tick, exactly like the live market) and today's
// ticks, and synthesises a 10-level order book around the last trade. The minute bars of those
// history days are not kept: minuteBars() simulates the day again when asked (a few ms; the same
// bars, since a day depends only on its base price, its plan and the seed), so a universe of
// thousands of stocks starts without hundreds of MB of minute bars.
//
// Time is virtual KST market time and only moves through advance()/advanceTo(); nothing here reads
// a wall clock, so the same seed and start time always give the same prices, however the time is
// stepped. Each trading day follows Krx::schedule() as it stands at that day's roll: roll at 08:30
// (new base price = previous close), opening print at the open (09:00; 10:00 on the first trading
// day of a year and on a CSAT day), continuous ticks until the continuous end (15:20; 16:20 on a
// CSAT day), closing print at the close (15:30; 16:30 on a CSAT day). Orders are accepted when
// Krx::acceptsRegularOrders() says so. When followSessionHours is false, advance() skips from a
// close straight to the next trading day's open ("always open").
//
// Two test hooks move prices on purpose (the admin API's /_sim/market/shock and /_sim/market/drift):
// shock() jumps a stock's price at once, printing one trade at the new level; setDrift() adds a
// steady push to a stock's walk. Without them the market is the seed's, tick for tick; with them it
// is still deterministic for the same hooks at the same virtual instants. Neither is part of the
// state file: a restarted simulator regenerates the seed's market.
//
// Fed by a SimPriceSource (replay of a recording, `kiwoom-sim --replay`), the market has no random
// walk: the universe, base prices and the day come from the source; no history is generated; the
// session follows the real timetable of the source's day; every trade, book and entry the source
// holds happens at its time (trades update quotes and minute bars and reach the exchange through
// traded(), exactly as simulated ones; a recorded book replaces the synthesised one until the next
// recorded book), with no opening or closing print of its own (the recording has them), and no day
// roll after the close. sourceEvent() reports each event as it happens (the hub passes realtime
// entries on verbatim; SimConditions plays the condition events).
//
// Single-threaded (lives on the simulator thread). Emits traded() for every trade in time order,
// minuteElapsed() at every minute boundary of the session, phaseChanged()/dayStarted()/dayClosed().
class SimMarket final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimMarket)

public:
    explicit SimMarket(const SimConfig &config, QObject *parent = nullptr);
    // Fed by source (not owned; must outlive the market) instead of the random walk.
    SimMarket(const SimConfig &config, SimPriceSource *source, QObject *parent = nullptr);
    SimPriceSource *source() const { return m_source; }
    ~SimMarket() override;

    // --- time
    qint64 nowMs() const { return m_now; }
    QDate currentDate() const { return m_date; } // the trading day quotes refer to
    SimPhase phase() const { return m_phase; }
    bool followsSessionHours() const { return m_follow; }
    // Whether orders are accepted now, and the rejection text when they are not.
    bool acceptsOrders() const;
    QString closedReason() const;
    // Moves virtual time forward by ms of *market* time (skipping closed hours when always open).
    void advance(qint64 ms);
    // Moves to an absolute instant (no skipping); ignored when not in the future.
    void advanceTo(qint64 utcMs);
    // Instants of the session of a trading date, from Krx::schedule() (special days included; a
    // date without trading gets a normal day's times).
    static qint64 openMs(const QDate &date);
    static qint64 continuousEndMs(const QDate &date);
    static qint64 closeMs(const QDate &date);
    static qint64 rollMs(const QDate &date);
    // The instant a market built from config starts at (startTimeMs or the clock's now; when
    // always open, moved into the session of the latest trading day).
    static qint64 startTimeFor(const SimConfig &config);
    // Where a market saved at savedMs goes on: the same instant, or (always open) the next session
    // open when savedMs lies outside a session. Never earlier than savedMs.
    static qint64 resumeTimeAfter(qint64 savedMs, bool followSessionHours);

    // --- reference data
    int stockCount() const { return int(m_stocks.size()); }
    const SimStockInfo &info(int index) const;
    int indexOf(const QString &code) const; // -1 when unknown
    // A live feed (paper trading) names its stocks as it goes: adds info's stock to the universe
    // (refPrice = today's base price; 0 = unknown, a placeholder until the first trade names it) and
    // returns its index; a known stock keeps its index (and takes the real base price if it has not
    // traded yet). -1 for an empty code.
    int ensureStock(const SimStockInfo &info);

    // --- market data
    SimQuote quote(int index) const;
    // The displayed book now, minus liquidity already taken by orders since the last trade.
    SimBook book(int index) const;
    // The book as it was before the last trade (for 직전대비 quantity changes).
    SimBook previousBook(int index) const;
    // Daily bars oldest first; the running day is included once it has traded.
    QVector<SimDayBar> dailyBars(int index) const;
    // Days that have minute bars, oldest first (the current day included once it has traded).
    QList<QDate> minuteDates() const;
    // 1-minute bars (open time = bar start) of one day; minutes without trades have no bar.
    QVector<Candle> minuteBars(int index, const QDate &date) const;
    // Today's trades in time order.
    const QVector<SimTick> &ticksToday(int index) const;

    // --- liquidity for the matching engine
    struct Fill
    {
        qint64 price = 0;
        qint64 qty = 0;
    };
    // Takes up to qty shares from the opposite side of the displayed book (asks for a buy),
    // best level first, never beyond limitPrice (0 = any price). The taken quantity stays consumed
    // until the next trade of that stock refreshes the book.
    QVector<Fill> takeLiquidity(int index, bool buy, qint64 limitPrice, qint64 qty);
    // Displayed opposite-side quantity at prices at or better than limitPrice (ask <= limit for a buy).
    qint64 liquidityWithin(int index, bool buy, qint64 limitPrice) const;

    // --- test hooks
    // Moves the stock's price now by percent: last × (1 + percent/100), snapped to the nearest tick
    // and kept inside today's price limits, is printed as one trade (traded(): a 0B tick, and resting
    // orders the new price crosses or touches fill against it, as against any trade). The random walk
    // goes on from the new price with the day's trend unchanged (it does not pull back). The trade is
    // sell-initiated for a fall, buy-initiated otherwise; its volume is about 20 ordinary ticks.
    // Errors: sim.bad_number (percent not finite or outside (-100, 100]), sim.not_continuous (no
    // trading now: before the open, in the closing auction or after the close).
    Result<SimShock> shock(int index, double percent);
    // A steady push on the stock's walk: percentPerMinute per virtual minute (compounded; the walk's
    // noise and the price limits still apply) until untilMs (0 = until cleared), across day rolls.
    // percentPerMinute 0 clears it. Error sim.bad_number when not finite or outside [-10, 10].
    Status setDrift(int index, double percentPerMinute, qint64 untilMs = 0);
    // The pushes in effect now, by stock index order.
    QList<SimDrift> drifts() const;

signals:
    void traded(int index, const SimTick &tick);
    void minuteElapsed(qint64 boundaryMs);
    void phaseChanged(SimPhase phase, qint64 atMs);
    void dayStarted(const QDate &date);
    void dayClosed(const QDate &date);
    // A fed market's event, after the market applied it (after traded() for a trade).
    void sourceEvent(const SimSourceEvent &event);

private:
    struct DayPlan
    {
        double gap = 0; // log gap of the opening print versus the base price
        double ret = 0; // target log return close/base for the day
        double volMult = 1; // day's volume versus the stock's average
        int surgeMinute = -1; // start (minutes after the open) of a 20-minute volume surge, -1 = none
        bool surgeUp = true;
    };
    struct Stock
    {
        SimStockInfo info;
        quint64 codeKey = 0;
        double sigma = 0.02; // daily σ of log returns
        double expectedTicks = 2000;
        double trend = 0; // AR(1) trend state feeding the next day's plan
        qint64 initialBase = 0; // base price of the first simulated day
        double pushPerMs = 0; // setDrift(): extra log drift per ms (0 = none)
        qint64 pushFromMs = 0;
        qint64 pushUntilMs = 0; // 0 = until cleared
        double pushPercentPerMinute = 0; // as asked, for drifts()
        QVector<SimDayBar> daily; // finished days, oldest first
        QMap<QDate, QVector<Candle>> minuteHistory; // finished live days with minute bars
        QMap<QDate, DayPlan> historyPlans; // history days with minute bars, simulated again on demand
        bool history = false; // simulating a past day: no ticks kept, no book, intensity 1
        bool keepMinutes = true; // false while building the history (its minutes are made on demand)
        double intensity = 1; // SimConfig::tickIntensity on live days

        // the running day
        DayPlan plan;
        SimRandom rng;
        SimQuote q;
        qint64 dayOpenMs = 0; // the open of q.date (09:00 KST on a normal day)
        qint64 dayContEndMs = 0; // the end of continuous trading of q.date (15:20 KST normally)
        qint64 dayVolume = 0; // target volume of the day
        double perTickVolume = 1;
        double latent = 0; // log of the "fair" price
        qint64 latentMs = 0;
        double mu = 0; // drift per ms
        double sig = 0; // σ per sqrt(ms)
        qint64 nextTickMs = 0; // 0 = no more ticks today
        QVector<Candle> minutes;
        QVector<SimTick> ticks;
        SimBook book;
        SimBook prevBook;
        qint64 consumedAsk[10] = {};
        qint64 consumedBid[10] = {};
        bool recordedBook = false; // fed: the book is the source's, not synthesised
    };
    struct Event
    {
        qint64 timeMs;
        int kind; // lower value wins ties
        int index; // stock for ticks
    };

    void build(const SimConfig &config);
    void buildFromSource(const SimConfig &config);
    void processSource();
    DayPlan nextPlan(Stock &s, const QDate &date);
    void finishDailyOnlyDay(Stock &s, const QDate &date, qint64 base, const DayPlan &plan);
    // These change only the Stock they are given (so minuteBars() can replay a day on a copy).
    void beginDay(Stock &s, const QDate &date, qint64 base, const DayPlan &plan) const;
    void simulateWholeDay(Stock &s) const; // history days: same process as live, no signals
    SimTick printOpen(Stock &s) const;
    SimTick printTick(Stock &s, qint64 t) const;
    SimTick printClose(Stock &s) const;
    void record(Stock &s, const SimTick &tick) const;
    void rebuildBook(Stock &s) const;
    void scheduleNext(Stock &s, qint64 from) const;
    void finishDay(Stock &s);
    void trimMinuteDays(Stock &s) const;
    QVector<Candle> replayHistoryDay(const Stock &s, const QDate &date) const;
    double tickRatePerMs(const Stock &s, qint64 t) const;

    Event nextEvent() const;
    void process(const Event &e);
    void rollTo(const QDate &date);

    SimPriceSource *m_source = nullptr;
    quint64 m_seed = 0;
    double m_intradayVolatility = 1.0; // SimConfig::intradayVolatility
    bool m_follow = false;
    double m_tickIntensity = 1.0; // SimConfig::tickIntensity
    int m_minuteDaysKept = 5;
    qint64 m_now = 0;
    QDate m_date;
    qint64 m_openMs = 0; // openMs(m_date), continuousEndMs(m_date), closeMs(m_date), kept per day
    qint64 m_continuousEndMs = 0;
    qint64 m_closeMs = 0;
    SimPhase m_phase = SimPhase::Closed;
    qint64 m_nextMinuteMs = 0;
    bool m_closingMinuteDone = false;
    std::vector<Stock> m_stocks;
    QHash<QString, int> m_byCode;
    using HeapItem = std::pair<qint64, int>;
    std::priority_queue<HeapItem, std::vector<HeapItem>, std::greater<HeapItem>> m_heap;
};
