// SPDX-License-Identifier: GPL-3.0-or-later
#include "simmarket.h"

#include "common/clock.h"
#include "common/logging.h"
#include "simuniverse.h"

#include <QDateTime>
#include <QTime>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

constexpr qint64 MINUTE_MS = 60'000;

enum EventKind
{
    EvRoll = 0,
    EvOpen = 1,
    EvMinute = 2, // before a tick at the same instant: the tick belongs to the next minute
    EvTick = 3,
    EvContEnd = 4,
    EvClose = 5,
    EvSource = 6, // a fed market's next event (after the phase events of the same instant)
};

// Intraday activity: busy after the open and before the end of continuous trading (minutes since
// the open; a session is 380 minutes on a normal day and a CSAT day, 320 on the first trading day).
double uShape(double minutes, double sessionMinutes)
{
    return 1.0 + 1.5 * std::exp(-minutes / 25.0) + 1.0 * std::exp(-(sessionMinutes - minutes) / 25.0);
}

// Integral of uShape() over a session: L + 37.5·(1 − e^(−L/25)) + 25·(1 − e^(−L/25)), where the
// e^(−L/25) terms (below 3e-6 for any real session) are left out: 442.5 for 380 minutes.
double uShapeNorm(double sessionMinutes)
{
    return sessionMinutes + 62.5;
}

// The timetable the simulator runs on a date: Krx::schedule(), or a normal day's times for a date
// without trading (callers ask only for trading days; this keeps the instants defined anyway).
Krx::DaySchedule sessionDay(const QDate &date)
{
    const Krx::DaySchedule day = Krx::schedule(date);
    return day.isTradingDay() ? day : Krx::timetable(date, Krx::DayKind::Normal);
}

qint64 clampToLimits(qint64 price, const Krx::PriceLimits &limits)
{
    return std::clamp(price, limits.lower, limits.upper);
}

} // namespace

SimMarket::SimMarket(const SimConfig &config, QObject *parent) : QObject(parent)
{
    build(config);
}

SimMarket::SimMarket(const SimConfig &config, SimPriceSource *source, QObject *parent)
    : QObject(parent), m_source(source)
{
    if (m_source)
        buildFromSource(config);
    else
        build(config);
}

void SimMarket::buildFromSource(const SimConfig &config)
{
    m_seed = config.seed;
    // A recording plays the real timetable of its day; a live feed's market follows the sessions
    // when configured (real Kiwoom), else it is always open like the feed simulator it mirrors.
    m_follow = m_source->isLive() ? config.followSessionHours : true;
    m_minuteDaysKept = 1;
    const QDate day = m_source->date();
    const QList<SimStockInfo> list = m_source->stocks();
    m_stocks.resize(size_t(list.size()));
    for (int i = 0; i < int(list.size()); ++i) {
        Stock &s = m_stocks[size_t(i)];
        s.info = list.at(i);
        s.codeKey = s.info.code.toULongLong();
        s.expectedTicks = 2000;
        s.initialBase = std::max<qint64>(1, s.info.refPrice);
        m_byCode.insert(s.info.code, i);
    }
    m_now = rollMs(day);
    rollTo(day);
    // Just before the start: events at the start instant are served, not consumed while building.
    const qint64 start = config.startTimeMs > 0 ? config.startTimeMs : m_source->peekTimeMs();
    advanceTo(std::max(start - 1, m_now + 1));
    // Condition results at the start instant are state, not frames: apply them now, so a client's
    // condition search while the replay waits for it already finds the members.
    while (!m_source->atEnd() && m_source->peekTimeMs() <= start
        && m_source->peek().kind == SimSourceEvent::Kind::ConditionResult)
        processSource();
    qCInfo(lcSim) << (m_source->isLive() ? "paper market ready:" : "replay market ready:") << m_stocks.size()
                  << "stocks, day" << day.toString(Qt::ISODate) << "now"
                  << Krx::toKst(m_now).toString(QStringLiteral("HH:mm:ss")) << "KST";
}

void SimMarket::processSource()
{
    const SimSourceEvent e = m_source->take();
    int index = e.code.isEmpty() ? -1 : indexOf(e.code);
    if (e.kind == SimSourceEvent::Kind::Trade && m_source->isLive() && e.basePrice > 0) {
        // A live feed's stock joins the universe at its first trade (or gets its real base price
        // when it was added without one, e.g. restored from the paper account's state).
        SimStockInfo info;
        info.code = e.code;
        info.name = e.code;
        info.refPrice = e.basePrice;
        index = ensureStock(info);
    }
    switch (e.kind) {
    case SimSourceEvent::Kind::Trade:
        if (index >= 0) {
            Stock &s = m_stocks[size_t(index)];
            record(s, e.tick);
            emit traded(index, e.tick);
        }
        break;
    case SimSourceEvent::Kind::Book:
        if (index >= 0) {
            Stock &s = m_stocks[size_t(index)];
            s.prevBook = book(index);
            s.book = e.book;
            s.recordedBook = true;
            std::fill(std::begin(s.consumedAsk), std::end(s.consumedAsk), 0);
            std::fill(std::begin(s.consumedBid), std::end(s.consumedBid), 0);
        }
        break;
    case SimSourceEvent::Kind::Realtime:
    case SimSourceEvent::Kind::ConditionHit:
    case SimSourceEvent::Kind::ConditionResult:
        break;
    }
    emit sourceEvent(e);
}

SimMarket::~SimMarket() = default;

qint64 SimMarket::openMs(const QDate &date)
{
    const Krx::DaySchedule day = sessionDay(date);
    return day.utcMs(day.continuousStart);
}

qint64 SimMarket::continuousEndMs(const QDate &date)
{
    const Krx::DaySchedule day = sessionDay(date);
    return day.utcMs(day.continuousEnd);
}

qint64 SimMarket::closeMs(const QDate &date)
{
    const Krx::DaySchedule day = sessionDay(date);
    return day.utcMs(day.close);
}

qint64 SimMarket::rollMs(const QDate &date)
{
    return Krx::fromKst(date, QTime(8, 30));
}

qint64 SimMarket::startTimeFor(const SimConfig &config)
{
    qint64 start = config.startTimeMs > 0
        ? config.startTimeMs
        : (config.clock ? config.clock->nowMs() : QDateTime::currentMSecsSinceEpoch());
    if (config.followSessionHours)
        return start;
    // Always open: put the start inside the session of the latest trading day.
    const QDate startDate = Krx::kstDate(start);
    if (!Krx::isTradingDay(startDate))
        return openMs(Krx::previousTradingDay(startDate));
    if (start < openMs(startDate) || start >= closeMs(startDate))
        return openMs(startDate);
    return start;
}

qint64 SimMarket::resumeTimeAfter(qint64 savedMs, bool followSessionHours)
{
    if (followSessionHours)
        return savedMs;
    // Always open: the market time only ever lies inside a session, and after the close it goes
    // on with the next session (never back to this day's open).
    const QDate date = Krx::kstDate(savedMs);
    if (Krx::isTradingDay(date)) {
        if (savedMs < openMs(date))
            return openMs(date);
        if (savedMs < closeMs(date))
            return savedMs;
    }
    return openMs(Krx::nextTradingDay(date));
}

void SimMarket::build(const SimConfig &config)
{
    m_seed = config.seed;
    m_intradayVolatility = std::clamp(config.intradayVolatility, 0.01, 100.0);
    m_tickIntensity = std::clamp(config.tickIntensity, 0.01, 1000.0);
    m_follow = config.followSessionHours;
    m_minuteDaysKept = std::max(config.minuteHistoryDays, 1) + 10;

    const qint64 start = startTimeFor(config);
    const QDate startDate = Krx::kstDate(start);
    QDate day0 = startDate;
    if (!Krx::isTradingDay(day0) || start < rollMs(day0))
        day0 = Krx::previousTradingDay(startDate);

    // The history: historyDays trading days before day0, oldest first.
    QList<QDate> days;
    {
        QDate d = day0;
        for (int i = 0; i < std::max(0, config.historyDays); ++i) {
            d = Krx::previousTradingDay(d);
            days.prepend(d);
        }
    }
    const int tickDaysFrom = int(days.size()) - std::clamp(config.minuteHistoryDays, 0, int(days.size()));

    const QList<SimStockInfo> &list = Sim::universe(config.universeSize);
    m_stocks.resize(list.size());
    for (int i = 0; i < int(list.size()); ++i) {
        Stock &s = m_stocks[size_t(i)];
        s.info = list.at(i);
        s.codeKey = s.info.code.toULongLong();
        s.sigma = s.info.dailyVolPercent / 100.0;
        const double turnover = double(s.info.avgVolume) * double(s.info.refPrice);
        s.expectedTicks = std::clamp(1000.0 * std::log10(std::max(turnover, 1e8) / 1e8), 1200.0, 5000.0);
        m_byCode.insert(s.info.code, i);

        SimRandom init(SimRandom::hash({ m_seed, s.codeKey, 0x1A17 }));
        s.trend = init.normal() * 0.06 * s.sigma / std::sqrt(1.0 - 0.85 * 0.85);

        // Plans first, so the walk can be anchored: the start day's base lands near refPrice.
        QVector<DayPlan> plans;
        plans.reserve(days.size());
        double sum = 0;
        for (const QDate &d : std::as_const(days)) {
            plans.append(nextPlan(s, d));
            sum += std::clamp(plans.last().ret, std::log(0.7), std::log(1.3));
        }
        qint64 base
            = std::max<qint64>(50, Krx::snapNearest(qint64(std::llround(double(s.info.refPrice) * std::exp(-sum)))));
        s.history = true;
        s.keepMinutes = false;
        s.daily.reserve(days.size() + 8);
        for (int k = 0; k < int(days.size()); ++k) {
            if (k < tickDaysFrom) {
                finishDailyOnlyDay(s, days.at(k), base, plans.at(k));
            } else {
                beginDay(s, days.at(k), base, plans.at(k));
                simulateWholeDay(s);
                finishDay(s);
                s.historyPlans.insert(days.at(k), plans.at(k));
                trimMinuteDays(s);
            }
            base = s.daily.last().candle.close;
        }
        s.history = false;
        s.keepMinutes = true;
        s.initialBase = base;
    }

    m_now = rollMs(day0);
    rollTo(day0);
    advanceTo(start);
    qCInfo(lcSim) << "market ready:" << m_stocks.size() << "stocks," << days.size() << "history days, now"
                  << Krx::toKst(m_now).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) << "KST";
}

SimMarket::DayPlan SimMarket::nextPlan(Stock &s, const QDate &date)
{
    SimRandom r(SimRandom::hash({ m_seed, s.codeKey, quint64(date.toJulianDay()), 0x504C414E }));
    const double sg = s.sigma;
    s.trend = 0.85 * s.trend + r.normal() * 0.06 * sg;
    DayPlan p;
    double ret = s.trend + r.normal() * 0.9 * sg;
    if (r.chance(0.03))
        ret += (r.chance(0.5) ? 1.0 : -1.0) * sg * (1.5 + 2.5 * r.uniform());
    double gap = r.normal() * 0.25 * sg;
    if (r.chance(0.04))
        gap = (r.chance(0.5) ? 1.0 : -1.0) * (0.02 + 0.04 * r.uniform());
    const double pLimit = s.info.market == 10 ? 0.0025 : 0.001;
    const double u = r.uniform();
    if (u < pLimit) {
        ret = 0.40; // drives into the upper limit (상한가)
        gap = std::abs(gap);
    } else if (u < 1.5 * pLimit) {
        ret = -0.40; // into the lower limit (하한가)
        gap = -std::abs(gap);
    }
    p.gap = std::clamp(gap, -0.2, 0.2);
    p.ret = ret;
    p.volMult = std::min(8.0, std::exp(0.35 * r.normal()) * (1.0 + 12.0 * std::min(0.3, std::abs(ret))));
    if (r.chance(0.06)) {
        p.surgeMinute = int(r.between(10, 350));
        p.surgeUp = r.chance(0.7);
        p.volMult *= 1.3;
    }
    return p;
}

void SimMarket::finishDailyOnlyDay(Stock &s, const QDate &date, qint64 base, const DayPlan &plan)
{
    const Krx::PriceLimits limits = Krx::priceLimits(base);
    SimRandom r(SimRandom::hash({ m_seed, s.codeKey, quint64(date.toJulianDay()), 0xDA11 }));
    const double sg = s.sigma;
    const qint64 open
        = clampToLimits(Krx::snapNearest(qint64(std::llround(double(base) * std::exp(plan.gap)))), limits);
    const qint64 close
        = clampToLimits(Krx::snapNearest(qint64(std::llround(double(base) * std::exp(plan.ret)))), limits);
    const double hiExt = std::abs(r.normal()) * 0.5 * sg;
    const double loExt = std::abs(r.normal()) * 0.5 * sg;
    qint64 high
        = clampToLimits(Krx::snapUp(qint64(std::llround(double(std::max(open, close)) * std::exp(hiExt)))), limits);
    qint64 low
        = clampToLimits(Krx::snapDown(qint64(std::llround(double(std::min(open, close)) * std::exp(-loExt)))), limits);
    high = std::max({ high, open, close });
    low = std::min({ low, open, close });
    const qint64 volume = std::max<qint64>(1, qint64(std::llround(double(s.info.avgVolume) * plan.volMult)));

    SimDayBar bar;
    bar.date = date;
    bar.candle = Candle { openMs(date), open, high, low, close, volume };
    bar.value = volume * ((open + high + low + close) / 4);
    bar.basePrice = base;
    s.daily.append(bar);
}

void SimMarket::beginDay(Stock &s, const QDate &date, qint64 base, const DayPlan &plan) const
{
    s.plan = plan;
    s.rng.reseed(SimRandom::hash({ m_seed, s.codeKey, quint64(date.toJulianDay()), 0x7143 }));
    s.q = SimQuote {};
    s.q.index = m_byCode.value(s.info.code, -1);
    s.q.date = date;
    const Krx::DaySchedule day = sessionDay(date);
    s.dayOpenMs = day.utcMs(day.continuousStart);
    s.dayContEndMs = day.utcMs(day.continuousEnd);
    s.q.basePrice = base;
    s.q.price = base;
    s.q.limits = Krx::priceLimits(base);
    s.q.lastBuyInitiated = false;
    if (!s.daily.isEmpty()) {
        s.q.prevVolume = s.daily.last().candle.volume;
        s.q.prevValue = s.daily.last().value;
    }
    s.dayVolume = std::max<qint64>(100, qint64(std::llround(double(s.info.avgVolume) * plan.volMult)));
    s.intensity = s.history ? 1.0 : m_tickIntensity;
    s.perTickVolume = double(s.dayVolume) * 0.92 / (s.expectedTicks * s.intensity);
    s.minutes.clear();
    s.ticks.clear();
    s.nextTickMs = 0;
    std::fill(std::begin(s.consumedAsk), std::end(s.consumedAsk), 0);
    std::fill(std::begin(s.consumedBid), std::end(s.consumedBid), 0);
    if (!s.history)
        rebuildBook(s);
}

void SimMarket::simulateWholeDay(Stock &s) const
{
    printOpen(s);
    while (s.nextTickMs > 0)
        printTick(s, s.nextTickMs);
    printClose(s);
}

double SimMarket::tickRatePerMs(const Stock &s, qint64 t) const
{
    const double minutes = double(t - s.dayOpenMs) / double(MINUTE_MS);
    const double sessionMinutes = double(s.dayContEndMs - s.dayOpenMs) / double(MINUTE_MS);
    double rate = s.expectedTicks * s.intensity * uShape(minutes, sessionMinutes)
        / (uShapeNorm(sessionMinutes) * double(MINUTE_MS));
    if (s.plan.surgeMinute >= 0 && minutes >= s.plan.surgeMinute && minutes < s.plan.surgeMinute + 20)
        rate *= 3.0;
    return rate;
}

void SimMarket::scheduleNext(Stock &s, qint64 from) const
{
    const double mean = 1.0 / tickRatePerMs(s, from);
    const qint64 gap = std::max<qint64>(20, qint64(std::llround(s.rng.exponential(mean))));
    const qint64 next = from + gap;
    s.nextTickMs = next < s.dayContEndMs ? next : 0;
}

SimTick SimMarket::printOpen(Stock &s) const
{
    const qint64 t = s.dayOpenMs;
    const qint64 base = s.q.basePrice;
    const qint64 price
        = clampToLimits(Krx::snapNearest(qint64(std::llround(double(base) * std::exp(s.plan.gap)))), s.q.limits);
    const qint64 volume
        = std::max<qint64>(1, qint64(std::llround(double(s.dayVolume) * 0.015 * std::exp(0.3 * s.rng.normal()))));
    s.latent = std::log(double(price));
    s.latentMs = t;
    const double span = double(s.dayContEndMs - t);
    s.mu = (std::log(double(base)) + s.plan.ret - s.latent) / span;
    s.sig = 0.8 * s.sigma * m_intradayVolatility / std::sqrt(span);
    SimTick tick { t, price, volume, price >= base, true };
    record(s, tick);
    scheduleNext(s, t);
    return tick;
}

SimTick SimMarket::printTick(Stock &s, qint64 t) const
{
    const double dt = double(t - s.latentMs);
    const double minutes = double(t - s.dayOpenMs) / double(MINUTE_MS);
    const bool surge = s.plan.surgeMinute >= 0 && minutes >= s.plan.surgeMinute && minutes < s.plan.surgeMinute + 20;
    double drift = s.mu;
    if (surge)
        drift += (s.plan.surgeUp ? 1.0 : -1.0) * 0.8 * s.sigma / (20.0 * double(MINUTE_MS));
    double d = drift * dt + s.sig * std::sqrt(dt) * s.rng.normal();
    if (s.rng.chance(0.0008))
        d += (s.rng.chance(0.5) ? 1.0 : -1.0) * s.sigma * 0.3;
    if (s.pushPerMs != 0) {
        // setDrift(): the push covers the part of (latentMs, t] after it began and before its end.
        const qint64 from = std::max(s.latentMs, s.pushFromMs);
        const qint64 end = s.pushUntilMs > 0 ? std::min(t, s.pushUntilMs) : t;
        if (end > from)
            d += s.pushPerMs * double(end - from);
        if (s.pushUntilMs > 0 && t >= s.pushUntilMs) {
            s.pushPerMs = 0;
            s.pushUntilMs = 0;
            s.pushPercentPerMinute = 0;
        }
    }
    const Krx::PriceLimits &limits = s.q.limits;
    s.latent = std::clamp(s.latent + d, std::log(double(limits.lower)) - 0.002, std::log(double(limits.upper)) + 0.002);
    s.latentMs = t;
    const bool buy = s.rng.chance(d > 0 ? 0.62 : 0.38);
    const qint64 fair = qint64(std::llround(std::exp(s.latent)));
    const qint64 price = clampToLimits(buy ? Krx::snapUp(fair) : Krx::snapDown(fair), limits);
    const double volNoise = std::exp(0.9 * s.rng.normal() - 0.405);
    const qint64 volume = std::max<qint64>(1, qint64(std::llround(s.perTickVolume * volNoise * (surge ? 2.5 : 1.0))));
    SimTick tick { t, price, volume, buy, false };
    record(s, tick);
    scheduleNext(s, t);
    return tick;
}

SimTick SimMarket::printClose(Stock &s) const
{
    const qint64 t = closeMs(s.q.date);
    const double noise = 0.1 * s.sig * std::sqrt(10.0 * double(MINUTE_MS)) * s.rng.normal();
    const qint64 price = clampToLimits(Krx::snapNearest(qint64(std::llround(std::exp(s.latent + noise)))), s.q.limits);
    const qint64 volume
        = std::max<qint64>(1, qint64(std::llround(double(s.dayVolume) * 0.03 * std::exp(0.3 * s.rng.normal()))));
    SimTick tick { t, price, volume, price >= s.q.price, true };
    s.nextTickMs = 0;
    record(s, tick);
    return tick;
}

void SimMarket::record(Stock &s, const SimTick &tick) const
{
    SimQuote &q = s.q;
    q.timeMs = tick.timeMs;
    q.price = tick.price;
    if (q.open == 0) {
        q.open = q.high = q.low = tick.price;
        q.openTimeMs = q.highTimeMs = q.lowTimeMs = tick.timeMs;
    }
    if (tick.price > q.high) {
        q.high = tick.price;
        q.highTimeMs = tick.timeMs;
    }
    if (tick.price < q.low) {
        q.low = tick.price;
        q.lowTimeMs = tick.timeMs;
    }
    q.volume += tick.volume;
    q.value += tick.volume * tick.price;
    q.lastVolume = tick.volume;
    q.lastBuyInitiated = tick.buyInitiated;
    (tick.buyInitiated ? q.buyVolume : q.sellVolume) += tick.volume;
    if (tick.price == q.limits.upper && q.upperHitMs == 0)
        q.upperHitMs = tick.timeMs;
    if (tick.price == q.limits.lower && q.lowerHitMs == 0)
        q.lowerHitMs = tick.timeMs;
    ++q.tickCount;

    const qint64 open = s.dayOpenMs;
    const qint64 minuteStart = open + ((tick.timeMs - open) / MINUTE_MS) * MINUTE_MS;
    if (!s.keepMinutes) {
        // Building the history: the day's bars come from the quote; minutes are made on demand.
    } else if (s.minutes.isEmpty() || s.minutes.last().timeMs != minuteStart) {
        s.minutes.append(Candle { minuteStart, tick.price, tick.price, tick.price, tick.price, tick.volume });
    } else {
        Candle &c = s.minutes.last();
        c.high = std::max(c.high, tick.price);
        c.low = std::min(c.low, tick.price);
        c.close = tick.price;
        c.volume += tick.volume;
    }
    if (!s.history) {
        s.ticks.append(tick);
        if (!s.recordedBook) {
            s.prevBook = book(q.index >= 0 ? q.index : 0);
            std::fill(std::begin(s.consumedAsk), std::end(s.consumedAsk), 0);
            std::fill(std::begin(s.consumedBid), std::end(s.consumedBid), 0);
            rebuildBook(s);
        }
    }
}

void SimMarket::rebuildBook(Stock &s) const
{
    const SimQuote &q = s.q;
    const Krx::PriceLimits &limits = q.limits;
    const qint64 last = q.price;
    qint64 ask1 = 0;
    qint64 bid1 = 0;
    if (last >= limits.upper) {
        bid1 = limits.upper; // 상한가: nobody sells below the limit, the ask side is empty
    } else if (last <= limits.lower) {
        ask1 = limits.lower;
    } else if (q.tickCount > 0 && q.lastBuyInitiated) {
        ask1 = last;
        bid1 = Krx::addTicks(last, -1);
    } else {
        bid1 = last;
        ask1 = Krx::addTicks(last, 1);
    }
    SimRandom r(SimRandom::hash({ m_seed, s.codeKey, quint64(q.date.toJulianDay()), quint64(q.tickCount), 0xB00C }));
    const double depth = std::max(1.0, double(s.info.avgVolume) / 600.0);
    qint64 askPrice = ask1;
    qint64 bidPrice = bid1;
    for (int k = 0; k < 10; ++k) {
        if (k > 0) {
            askPrice = askPrice > 0 ? Krx::addTicks(askPrice, 1) : 0;
            const qint64 below = bidPrice > 0 ? Krx::addTicks(bidPrice, -1) : 0;
            bidPrice = below < bidPrice ? below : 0;
        }
        if (askPrice > limits.upper)
            askPrice = 0;
        if (bidPrice < limits.lower)
            bidPrice = 0;
        const double scale = 0.6 + 0.12 * k;
        const qint64 askQty = std::max<qint64>(1, qint64(std::llround(depth * std::exp(0.6 * r.normal()) * scale)));
        const qint64 bidQty = std::max<qint64>(1, qint64(std::llround(depth * std::exp(0.6 * r.normal()) * scale)));
        s.book.asks[k] = SimBookLevel { askPrice, askPrice > 0 ? askQty : 0 };
        s.book.bids[k] = SimBookLevel { bidPrice, bidPrice > 0 ? bidQty : 0 };
    }
    s.book.timeMs = q.timeMs > 0 ? q.timeMs : m_now;
}

void SimMarket::finishDay(Stock &s)
{
    const SimQuote &q = s.q;
    if (q.open > 0) {
        SimDayBar bar;
        bar.date = q.date;
        bar.candle = Candle { s.dayOpenMs, q.open, q.high, q.low, q.price, q.volume };
        bar.value = q.value;
        bar.basePrice = q.basePrice;
        s.daily.append(bar);
        if (!s.minutes.isEmpty() && !s.history)
            s.minuteHistory.insert(q.date, s.minutes);
        trimMinuteDays(s);
    }
    // Released, not cleared: clear() keeps the capacity (and a list shared with minuteHistory would
    // allocate it again), a day's worth per stock, which for thousands of stocks is tens of MB.
    s.minutes = QVector<Candle>();
    s.ticks = QVector<SimTick>();
    s.q.date = QDate(); // finished: the next rollTo() must not record it again
}

void SimMarket::trimMinuteDays(Stock &s) const
{
    // History days are all older than live ones: they go first.
    while (s.historyPlans.size() + s.minuteHistory.size() > m_minuteDaysKept) {
        if (!s.historyPlans.isEmpty())
            s.historyPlans.erase(s.historyPlans.begin());
        else
            s.minuteHistory.erase(s.minuteHistory.begin());
    }
}

QVector<Candle> SimMarket::replayHistoryDay(const Stock &s, const QDate &date) const
{
    const auto plan = s.historyPlans.constFind(date);
    if (plan == s.historyPlans.cend())
        return {};
    qint64 base = 0;
    for (auto it = s.daily.crbegin(); it != s.daily.crend(); ++it) {
        if (it->date == date) {
            base = it->basePrice;
            break;
        }
    }
    if (base <= 0)
        return {};
    Stock copy;
    copy.info = s.info;
    copy.codeKey = s.codeKey;
    copy.sigma = s.sigma;
    copy.expectedTicks = s.expectedTicks;
    copy.history = true;
    beginDay(copy, date, base, *plan);
    simulateWholeDay(copy);
    return copy.minutes;
}

void SimMarket::rollTo(const QDate &date)
{
    for (Stock &s : m_stocks) {
        if (s.q.date.isValid())
            finishDay(s);
        const qint64 base = s.daily.isEmpty() ? s.initialBase : s.daily.last().candle.close;
        const DayPlan plan = nextPlan(s, date);
        beginDay(s, date, base, plan);
    }
    m_date = date;
    m_openMs = openMs(date);
    m_continuousEndMs = continuousEndMs(date);
    m_closeMs = closeMs(date);
    m_phase = SimPhase::PreOpen;
    m_heap = {};
    emit dayStarted(date);
    emit phaseChanged(m_phase, m_now);
}

SimMarket::Event SimMarket::nextEvent() const
{
    if (m_source) {
        // Fed: the phase events of the day (no roll after the close) and the source's next event.
        Event phase { std::numeric_limits<qint64>::max(), EvRoll, -1 };
        switch (m_phase) {
        case SimPhase::PreOpen:
            phase = Event { m_openMs, EvOpen, -1 };
            break;
        case SimPhase::Continuous:
            phase = m_nextMinuteMs <= m_continuousEndMs ? Event { m_nextMinuteMs, EvMinute, -1 }
                                                        : Event { m_continuousEndMs, EvContEnd, -1 };
            break;
        case SimPhase::ClosingAuction:
            phase = Event { m_closeMs, EvClose, -1 };
            break;
        case SimPhase::Closed:
            if (m_source->isLive())
                phase = Event { rollMs(Krx::nextTradingDay(m_date)), EvRoll, -1 };
            break;
        }
        if (!m_source->atEnd() && m_source->peekTimeMs() < phase.timeMs)
            return Event { m_source->peekTimeMs(), EvSource, -1 };
        return phase;
    }
    switch (m_phase) {
    case SimPhase::PreOpen:
        return Event { m_openMs, EvOpen, -1 };
    case SimPhase::Continuous: {
        Event best { m_continuousEndMs, EvContEnd, -1 };
        auto better = [](const Event &a, const Event &b) {
            return a.timeMs < b.timeMs || (a.timeMs == b.timeMs && a.kind < b.kind);
        };
        const Event minute { m_nextMinuteMs, EvMinute, -1 };
        if (better(minute, best))
            best = minute;
        if (!m_heap.empty()) {
            const Event tick { m_heap.top().first, EvTick, m_heap.top().second };
            if (better(tick, best))
                best = tick;
        }
        return best;
    }
    case SimPhase::ClosingAuction:
        return Event { m_closeMs, EvClose, -1 };
    case SimPhase::Closed:
        break;
    }
    return Event { rollMs(Krx::nextTradingDay(m_date)), EvRoll, -1 };
}

void SimMarket::process(const Event &e)
{
    switch (e.kind) {
    case EvRoll:
        rollTo(Krx::nextTradingDay(m_date));
        break;
    case EvSource:
        processSource();
        break;
    case EvOpen:
        m_phase = SimPhase::Continuous;
        m_nextMinuteMs = m_openMs + MINUTE_MS;
        emit phaseChanged(m_phase, m_now);
        if (m_source)
            break; // the recording has the opening print
        for (int i = 0; i < stockCount(); ++i) {
            Stock &s = m_stocks[size_t(i)];
            const SimTick tick = printOpen(s);
            if (s.nextTickMs > 0)
                m_heap.emplace(s.nextTickMs, i);
            emit traded(i, tick);
        }
        break;
    case EvMinute: {
        const qint64 boundary = m_nextMinuteMs;
        m_nextMinuteMs += MINUTE_MS;
        emit minuteElapsed(boundary);
        break;
    }
    case EvTick: {
        m_heap.pop();
        Stock &s = m_stocks[size_t(e.index)];
        if (s.nextTickMs != e.timeMs)
            break;
        const SimTick tick = printTick(s, e.timeMs);
        if (s.nextTickMs > 0)
            m_heap.emplace(s.nextTickMs, e.index);
        emit traded(e.index, tick);
        break;
    }
    case EvContEnd:
        m_phase = SimPhase::ClosingAuction;
        m_heap = {};
        emit phaseChanged(m_phase, m_now);
        break;
    case EvClose:
        for (int i = 0; i < stockCount() && !m_source; ++i) {
            const SimTick tick = printClose(m_stocks[size_t(i)]);
            emit traded(i, tick);
        }
        m_phase = SimPhase::Closed;
        emit minuteElapsed(m_closeMs + MINUTE_MS);
        emit dayClosed(m_date);
        emit phaseChanged(m_phase, m_now);
        break;
    }
}

void SimMarket::advanceTo(qint64 utcMs)
{
    if (utcMs <= m_now)
        return;
    for (;;) {
        const Event e = nextEvent();
        if (e.timeMs > utcMs)
            break;
        m_now = std::max(m_now, e.timeMs);
        process(e);
    }
    m_now = utcMs;
}

void SimMarket::advance(qint64 ms)
{
    if (ms <= 0)
        return;
    if (m_follow) {
        advanceTo(m_now + ms);
        return;
    }
    qint64 left = ms;
    while (left > 0) {
        if (m_phase == SimPhase::Closed) {
            advanceTo(openMs(Krx::nextTradingDay(m_date)));
            continue;
        }
        if (m_phase == SimPhase::PreOpen && m_now < m_openMs)
            advanceTo(m_openMs);
        const qint64 toClose = m_closeMs - m_now;
        if (left < toClose) {
            advanceTo(m_now + left);
            left = 0;
        } else {
            advanceTo(m_closeMs);
            left -= toClose;
            advanceTo(openMs(Krx::nextTradingDay(m_date)));
        }
    }
}

bool SimMarket::acceptsOrders() const
{
    return !m_follow || Krx::acceptsRegularOrders(m_now);
}

QString SimMarket::closedReason() const
{
    const QDateTime kst = Krx::toKst(m_now);
    const Krx::DaySchedule day = Krx::schedule(kst.date());
    if (day.isTradingDay() && kst.time() < day.preMarketStart)
        return QStringLiteral("장시작전");
    return QStringLiteral("장종료");
}

const SimStockInfo &SimMarket::info(int index) const
{
    Q_ASSERT(index >= 0 && index < stockCount());
    return m_stocks[size_t(index)].info;
}

int SimMarket::indexOf(const QString &code) const
{
    return m_byCode.value(code, -1);
}

int SimMarket::ensureStock(const SimStockInfo &info)
{
    const qint64 base = std::max<qint64>(0, info.refPrice);
    if (const int existing = indexOf(info.code); existing >= 0) {
        Stock &s = m_stocks[size_t(existing)];
        if (!info.name.isEmpty() && info.name != info.code)
            s.info.name = info.name;
        // Added without its real base price (a placeholder) and not traded yet: take the real one.
        if (base > 0 && s.q.tickCount == 0 && s.q.basePrice != base && m_date.isValid()) {
            s.info.refPrice = base;
            s.initialBase = base;
            beginDay(s, m_date, base, s.plan);
        }
        return existing;
    }
    if (info.code.isEmpty())
        return -1;
    Stock s;
    s.info = info;
    if (s.info.name.isEmpty())
        s.info.name = info.code;
    if (s.info.refPrice <= 0)
        s.info.refPrice = 1000; // a placeholder until the feed names the real base price
    if (s.info.avgVolume <= 0)
        s.info.avgVolume = 100'000;
    if (s.info.listedShares <= 0)
        s.info.listedShares = s.info.avgVolume * 100;
    if (s.info.regDay.isEmpty())
        s.info.regDay = QStringLiteral("20000101");
    s.codeKey = info.code.toULongLong();
    s.expectedTicks = 2000;
    s.initialBase = s.info.refPrice;
    const int index = int(m_stocks.size());
    m_stocks.push_back(std::move(s));
    m_byCode.insert(info.code, index);
    if (m_date.isValid()) {
        Stock &added = m_stocks.back();
        beginDay(added, m_date, added.initialBase, DayPlan {});
    }
    return index;
}

SimQuote SimMarket::quote(int index) const
{
    Q_ASSERT(index >= 0 && index < stockCount());
    SimQuote q = m_stocks[size_t(index)].q;
    q.phase = m_phase;
    return q;
}

SimBook SimMarket::book(int index) const
{
    Q_ASSERT(index >= 0 && index < stockCount());
    const Stock &s = m_stocks[size_t(index)];
    SimBook b = s.book;
    for (int k = 0; k < 10; ++k) {
        b.asks[k].qty = std::max<qint64>(0, b.asks[k].qty - s.consumedAsk[k]);
        b.bids[k].qty = std::max<qint64>(0, b.bids[k].qty - s.consumedBid[k]);
    }
    return b;
}

SimBook SimMarket::previousBook(int index) const
{
    Q_ASSERT(index >= 0 && index < stockCount());
    return m_stocks[size_t(index)].prevBook;
}

QVector<SimDayBar> SimMarket::dailyBars(int index) const
{
    Q_ASSERT(index >= 0 && index < stockCount());
    const Stock &s = m_stocks[size_t(index)];
    QVector<SimDayBar> bars = s.daily;
    if (s.q.open > 0) {
        SimDayBar bar;
        bar.date = s.q.date;
        bar.candle = Candle { s.dayOpenMs, s.q.open, s.q.high, s.q.low, s.q.price, s.q.volume };
        bar.value = s.q.value;
        bar.basePrice = s.q.basePrice;
        bars.append(bar);
    }
    return bars;
}

QList<QDate> SimMarket::minuteDates() const
{
    if (m_stocks.empty())
        return {};
    const Stock &s = m_stocks.front();
    QList<QDate> dates = s.historyPlans.keys() + s.minuteHistory.keys();
    if (!s.minutes.isEmpty())
        dates.append(s.q.date);
    return dates;
}

QVector<Candle> SimMarket::minuteBars(int index, const QDate &date) const
{
    Q_ASSERT(index >= 0 && index < stockCount());
    const Stock &s = m_stocks[size_t(index)];
    if (date == s.q.date)
        return s.minutes;
    if (const auto it = s.minuteHistory.constFind(date); it != s.minuteHistory.cend())
        return *it;
    return replayHistoryDay(s, date);
}

const QVector<SimTick> &SimMarket::ticksToday(int index) const
{
    Q_ASSERT(index >= 0 && index < stockCount());
    return m_stocks[size_t(index)].ticks;
}

QVector<SimMarket::Fill> SimMarket::takeLiquidity(int index, bool buy, qint64 limitPrice, qint64 qty)
{
    Q_ASSERT(index >= 0 && index < stockCount());
    Stock &s = m_stocks[size_t(index)];
    QVector<Fill> fills;
    qint64 remaining = qty;
    for (int k = 0; k < 10 && remaining > 0; ++k) {
        const SimBookLevel &level = buy ? s.book.asks[k] : s.book.bids[k];
        if (level.price <= 0)
            break;
        if (limitPrice > 0 && (buy ? level.price > limitPrice : level.price < limitPrice))
            break;
        qint64 &consumed = buy ? s.consumedAsk[k] : s.consumedBid[k];
        const qint64 available = level.qty - consumed;
        if (available <= 0)
            continue;
        const qint64 take = std::min(available, remaining);
        consumed += take;
        remaining -= take;
        fills.append(Fill { level.price, take });
    }
    return fills;
}

qint64 SimMarket::liquidityWithin(int index, bool buy, qint64 limitPrice) const
{
    const SimBook b = book(index);
    qint64 total = 0;
    for (int k = 0; k < 10; ++k) {
        const SimBookLevel &level = buy ? b.asks[k] : b.bids[k];
        if (level.price <= 0)
            break;
        if (limitPrice > 0 && (buy ? level.price > limitPrice : level.price < limitPrice))
            break;
        total += level.qty;
    }
    return total;
}

Result<SimShock> SimMarket::shock(int index, double percent)
{
    Q_ASSERT(index >= 0 && index < stockCount());
    if (!std::isfinite(percent) || percent <= -100.0 || percent > 100.0) {
        return Error { QStringLiteral("sim.bad_number"),
            QStringLiteral("percent must be a number in (-100, 100], not %1").arg(percent) };
    }
    if (m_phase != SimPhase::Continuous) {
        return Error { QStringLiteral("sim.not_continuous"),
            QStringLiteral("no trading now (%1 KST): a shock prints a trade, which only happens in the continuous "
                           "session")
                .arg(Krx::toKst(m_now).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))) };
    }
    Stock &s = m_stocks[size_t(index)];
    const qint64 before = s.q.price;
    const double wanted = double(before) * (1.0 + percent / 100.0);
    const qint64 snapped = std::max<qint64>(1, Krx::snapNearest(std::max<qint64>(1, qint64(std::llround(wanted)))));
    const qint64 price = clampToLimits(snapped, s.q.limits);
    // The walk goes on from the new level: the latent price moves with it, while the drift toward
    // the day's planned close (per ms, fixed at the open) stays, so the trend is kept, not undone.
    s.latent = std::log(double(price));
    s.latentMs = m_now;
    const qint64 volume = std::max<qint64>(1, qint64(std::llround(s.perTickVolume * 20.0)));
    const SimTick tick { m_now, price, volume, percent >= 0, false };
    record(s, tick);
    emit traded(index, tick);

    SimShock out;
    out.code = s.info.code;
    out.previousPrice = before;
    out.price = price;
    out.percentAsked = percent;
    out.limited = price != snapped;
    out.volume = volume;
    out.timeMs = m_now;
    qCInfo(lcSim).noquote() << QStringLiteral("shock %1 %2%: %3 -> %4%5")
                                   .arg(out.code)
                                   .arg(percent)
                                   .arg(before)
                                   .arg(price)
                                   .arg(out.limited ? QStringLiteral(" (at the price limit)") : QString());
    return out;
}

Status SimMarket::setDrift(int index, double percentPerMinute, qint64 untilMs)
{
    Q_ASSERT(index >= 0 && index < stockCount());
    if (!std::isfinite(percentPerMinute) || percentPerMinute < -10.0 || percentPerMinute > 10.0) {
        return Error { QStringLiteral("sim.bad_number"),
            QStringLiteral("percent_per_minute must be a number in [-10, 10], not %1").arg(percentPerMinute) };
    }
    Stock &s = m_stocks[size_t(index)];
    if (percentPerMinute == 0 || (untilMs > 0 && untilMs <= m_now)) {
        s.pushPerMs = 0;
        s.pushUntilMs = 0;
        s.pushPercentPerMinute = 0;
        return {};
    }
    s.pushFromMs = m_now; // not back to the last trade
    s.pushPerMs = std::log1p(percentPerMinute / 100.0) / double(MINUTE_MS);
    s.pushUntilMs = untilMs;
    s.pushPercentPerMinute = percentPerMinute;
    qCInfo(lcSim).noquote()
        << "drift" << s.info.code << percentPerMinute << "% per minute"
        << (untilMs > 0 ? QStringLiteral("until %1 KST").arg(Krx::toKst(untilMs).toString(QStringLiteral("HH:mm:ss")))
                        : QStringLiteral("until cleared"));
    return {};
}

QList<SimDrift> SimMarket::drifts() const
{
    QList<SimDrift> out;
    for (const Stock &s : m_stocks) {
        if (s.pushPerMs != 0 && (s.pushUntilMs == 0 || s.pushUntilMs > m_now))
            out.append(SimDrift { s.info.code, s.pushPercentPerMinute, s.pushUntilMs });
    }
    return out;
}
