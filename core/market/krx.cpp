// SPDX-License-Identifier: GPL-3.0-or-later
#include "krx.h"

#include <QDateTime>
#include <QMutex>
#include <QSet>

#include <cmath>

namespace Krx {

namespace {

struct Band
{
    qint64 below; // band applies to prices < below
    qint64 tick;
};

constexpr Band STOCK_LADDER[] = {
    { 2000, 1 },
    { 5000, 5 },
    { 20000, 10 },
    { 50000, 50 },
    { 200000, 100 },
    { 500000, 500 },
};
constexpr qint64 TOP_TICK = 1000;

QMutex &holidayMutex()
{
    static QMutex m;
    return m;
}

QSet<QDate> &holidaySet()
{
    // KRX closing days other than weekends (including 31 December, the year-end closing day).
    static QSet<QDate> set = [] {
        const char *const days[] = {
            // 2025
            "2025-01-01",
            "2025-01-27",
            "2025-01-28",
            "2025-01-29",
            "2025-01-30",
            "2025-03-03",
            "2025-05-01",
            "2025-05-05",
            "2025-05-06",
            "2025-06-03",
            "2025-06-06",
            "2025-08-15",
            "2025-10-03",
            "2025-10-06",
            "2025-10-07",
            "2025-10-08",
            "2025-10-09",
            "2025-12-25",
            "2025-12-31",
            // 2026
            "2026-01-01",
            "2026-02-16",
            "2026-02-17",
            "2026-02-18",
            "2026-03-02",
            "2026-05-01",
            "2026-05-05",
            "2026-05-25",
            "2026-06-03",
            "2026-08-17",
            "2026-09-24",
            "2026-09-25",
            "2026-09-28",
            "2026-10-05",
            "2026-10-09",
            "2026-12-25",
            "2026-12-31",
            // 2027
            "2027-01-01",
            "2027-02-08",
            "2027-02-09",
            "2027-03-01",
            "2027-05-05",
            "2027-05-13",
            "2027-08-16",
            "2027-09-14",
            "2027-09-15",
            "2027-09-16",
            "2027-10-04",
            "2027-10-11",
            "2027-12-27",
            "2027-12-31",
        };
        QSet<QDate> s;
        for (const char *d : days)
            s.insert(QDate::fromString(QLatin1String(d), Qt::ISODate));
        return s;
    }();
    return set;
}

} // namespace

qint64 tickSize(qint64 price, Instrument kind)
{
    // ETF/ETN: KRX split the former flat 5-won tick on 2023-12-18 (업무규정시행세칙 revision
    // announced 2023-10-05; mediapen.com/news/view/860330, news.bizwatch.co.kr 2023-10-05, the
    // 2022-10-31 plan in hankyung.com/article/2022103169051; eugenefn.com's ETF rules page lists
    // "2천원 미만: 1원, 2천원 이상: 5원").
    if (kind == Instrument::Etf)
        return price < 2000 ? 1 : 5;
    for (const Band &band : STOCK_LADDER) {
        if (price < band.below)
            return band.tick;
    }
    return TOP_TICK;
}

bool isOnTick(qint64 price, Instrument kind)
{
    return price > 0 && price % tickSize(price, kind) == 0;
}

qint64 snapDown(qint64 price, Instrument kind)
{
    if (price <= 0)
        return 0;
    const qint64 tick = tickSize(price, kind);
    return price - price % tick;
}

qint64 snapUp(qint64 price, Instrument kind)
{
    if (price <= 0)
        return tickSize(1, kind);
    const qint64 tick = tickSize(price, kind);
    const qint64 rem = price % tick;
    return rem == 0 ? price : price + (tick - rem);
}

qint64 snapNearest(qint64 price, Instrument kind)
{
    const qint64 down = snapDown(price, kind);
    const qint64 up = snapUp(price, kind);
    if (down <= 0)
        return up;
    return (price - down) <= (up - price) ? down : up;
}

qint64 addTicks(qint64 price, int n, Instrument kind)
{
    qint64 p = snapNearest(price, kind);
    for (; n > 0; --n)
        p += tickSize(p, kind);
    for (; n < 0; ++n) {
        // The tick below a band edge belongs to the lower band (e.g. 2000 - 1 tick = 1999).
        const qint64 tick = tickSize(p - 1, kind);
        p = std::max<qint64>(tick, p - tick);
    }
    return p;
}

PriceLimits priceLimits(qint64 basePrice, double ratePercent, Instrument kind)
{
    PriceLimits limits;
    if (basePrice <= 0)
        return limits;
    const qint64 baseTick = tickSize(basePrice, kind);
    qint64 width = qint64(std::floor(double(basePrice) * ratePercent / 100.0 + 1e-9));
    width -= width % baseTick;
    limits.upper = snapDown(basePrice + width, kind);
    limits.lower = std::max<qint64>(1, snapUp(basePrice - width, kind));
    return limits;
}

QDateTime toKst(qint64 utcMs)
{
    return QDateTime::fromMSecsSinceEpoch(utcMs, Qt::OffsetFromUTC, 9 * 3600);
}

qint64 fromKst(const QDate &date, const QTime &time)
{
    return QDateTime(date, time, Qt::OffsetFromUTC, 9 * 3600).toMSecsSinceEpoch();
}

QDate kstDate(qint64 utcMs)
{
    return toKst(utcMs).date();
}

QString tradingDateString(qint64 utcMs)
{
    return kstDate(utcMs).toString(Qt::ISODate);
}

QString sessionName(Session session)
{
    switch (session) {
    case Session::Closed:
        return QStringLiteral("closed");
    case Session::PreMarketOffHours:
        return QStringLiteral("pre_market_off_hours");
    case Session::OpeningAuction:
        return QStringLiteral("opening_auction");
    case Session::Continuous:
        return QStringLiteral("continuous");
    case Session::ClosingAuction:
        return QStringLiteral("closing_auction");
    case Session::PostCloseBreak:
        return QStringLiteral("post_close_break");
    case Session::AfterHoursClose:
        return QStringLiteral("after_hours_close");
    case Session::AfterHoursSingle:
        return QStringLiteral("after_hours_single");
    }
    return {};
}

Session sessionAt(const QTime &t)
{
    const int m = t.hour() * 60 + t.minute();
    auto at = [](int h, int min) { return h * 60 + min; };
    if (m < at(8, 30))
        return Session::Closed;
    if (m < at(8, 40))
        return Session::PreMarketOffHours;
    if (m < at(9, 0))
        return Session::OpeningAuction;
    if (m < at(15, 20))
        return Session::Continuous;
    if (m < at(15, 30))
        return Session::ClosingAuction;
    if (m < at(15, 40))
        return Session::PostCloseBreak;
    if (m < at(16, 0))
        return Session::AfterHoursClose;
    if (m < at(18, 0))
        return Session::AfterHoursSingle;
    return Session::Closed;
}

Session sessionAt(qint64 utcMs)
{
    const QDateTime kst = toKst(utcMs);
    if (!isTradingDay(kst.date()))
        return Session::Closed;
    return sessionAt(kst.time());
}

bool acceptsRegularOrders(qint64 utcMs)
{
    switch (sessionAt(utcMs)) {
    case Session::PreMarketOffHours:
    case Session::OpeningAuction:
    case Session::Continuous:
    case Session::ClosingAuction:
        return true;
    default:
        return false;
    }
}

bool isContinuous(qint64 utcMs)
{
    return sessionAt(utcMs) == Session::Continuous;
}

bool isHoliday(const QDate &date)
{
    QMutexLocker lock(&holidayMutex());
    return holidaySet().contains(date);
}

bool isTradingDay(const QDate &date)
{
    if (!date.isValid() || date.dayOfWeek() >= 6)
        return false;
    return !isHoliday(date);
}

void addHoliday(const QDate &date)
{
    QMutexLocker lock(&holidayMutex());
    holidaySet().insert(date);
}

QList<QDate> holidays()
{
    QMutexLocker lock(&holidayMutex());
    QList<QDate> list(holidaySet().cbegin(), holidaySet().cend());
    std::sort(list.begin(), list.end());
    return list;
}

QDate nextTradingDay(const QDate &date)
{
    QDate d = date.addDays(1);
    while (!isTradingDay(d))
        d = d.addDays(1);
    return d;
}

QDate previousTradingDay(const QDate &date)
{
    QDate d = date.addDays(-1);
    while (!isTradingDay(d))
        d = d.addDays(-1);
    return d;
}

} // namespace Krx
