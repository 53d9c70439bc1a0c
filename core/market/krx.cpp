// SPDX-License-Identifier: GPL-3.0-or-later
#include "krx.h"

#include <QDateTime>
#include <QHash>
#include <QMutex>
#include <QSet>

#include <algorithm>

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

// Guards holidaySet() and specialDaySet(): both are read together by dayKind().
QMutex &calendarMutex()
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

// Dates whose kind is not computed from the calendar: the built-in CSAT days, then whatever
// addSpecialDay() set (replacing a built-in entry).
QHash<QDate, DayKind> &specialDaySet()
{
    // 대학수학능력시험 dates as announced by the Ministry of Education, all Thursdays: 2026학년도
    // 2025-11-13 (edaily.co.kr, news.tf.co.kr, news.sbs.co.kr on the day), 2027학년도 2026-11-19
    // (news1.kr/amp/society/education/5511338, sisamirae.com no=254371), 2028학년도 2027-11-18
    // (asiae.co.kr 2025082815372127141 on KCUE's 2028 admission rules; rankmore.kr quoting MBC).
    // Later years are not published yet: add them with addSpecialDay(date, DayKind::Csat).
    static QHash<QDate, DayKind> set = [] {
        QHash<QDate, DayKind> s;
        for (const QDate &d : { QDate(2025, 11, 13), QDate(2026, 11, 19), QDate(2027, 11, 18) })
            s.insert(d, DayKind::Csat);
        return s;
    }();
    return set;
}

bool isTradingDayLocked(const QDate &date)
{
    return date.isValid() && date.dayOfWeek() < 6 && !holidaySet().contains(date);
}

// A trading day is the first of its year when no trading day lies between 1 January and it.
// Walks back over the closed days before it (a few at most), never over the whole year.
bool isFirstTradingDayOfYearLocked(const QDate &date)
{
    for (QDate d = date.addDays(-1); d.year() == date.year(); d = d.addDays(-1)) {
        if (isTradingDayLocked(d))
            return false;
    }
    return true;
}

DayKind dayKindLocked(const QDate &date)
{
    if (!isTradingDayLocked(date))
        return DayKind::Closed;
    const auto special = specialDaySet().constFind(date);
    if (special != specialDaySet().cend())
        return special.value();
    if (isFirstTradingDayOfYearLocked(date))
        return DayKind::LateOpen;
    return DayKind::Normal;
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

QString dayKindName(DayKind kind)
{
    switch (kind) {
    case DayKind::Closed:
        return QStringLiteral("closed");
    case DayKind::Normal:
        return QStringLiteral("normal");
    case DayKind::LateOpen:
        return QStringLiteral("late_open");
    case DayKind::Csat:
        return QStringLiteral("csat");
    }
    return {};
}

Session DaySchedule::sessionAt(const QTime &t) const
{
    if (kind == DayKind::Closed || !t.isValid() || t < preMarketStart)
        return Session::Closed;
    if (t < preMarketEnd)
        return Session::PreMarketOffHours;
    if (t < continuousStart)
        return Session::OpeningAuction;
    if (t < continuousEnd)
        return Session::Continuous;
    if (t < close)
        return Session::ClosingAuction;
    if (t < afterHoursCloseStart)
        return Session::PostCloseBreak;
    if (t < afterHoursSingleStart)
        return Session::AfterHoursClose;
    if (t < afterHoursEnd)
        return Session::AfterHoursSingle;
    return Session::Closed;
}

qint64 DaySchedule::utcMs(const QTime &kstTime) const
{
    return fromKst(date, kstTime);
}

// The special days, as reported by the Korean press from KRX's notices (found with a search of
// stored public pages; KRX's own notices were not among them):
//
// First trading day of the year (증시 개장일), because of the 개장식 ceremony: the regular market
// opens at 10:00 instead of 09:00 and still closes at 15:30; the pre-market off-hours session moves
// one hour (장전 시간외 종가 09:30–09:40); the after-hours sessions do not change. Sources:
// news1.kr/amp/finance/general-stock/6024101 and kuk.kode.co.kr kuk202601020012 (2026-01-02: open
// 10:00, close 15:30 as usual), kollo.kr (2025-01-02: the same), wowtv.co.kr 2021010424766
// (2021-01-04: 장전 시간외 종가 09:30–09:40, after-hours as usual), newspim.com 20220103000022 and
// m.sedaily.com 260PZ9EMKT (2022-01-03: pre-market one hour later, after-hours 15:40–18:00 as
// usual). KRX has done this for many years (already in the 증권선물거래소 era before 2009,
// m.sedaily.com 1HTI8MMOCL), but it is a custom announced each December, not a written rule: certain
// for 2025 and 2026, assumed for later years (addSpecialDay(date, DayKind::Normal) undoes it).
// Not spelled out by any source, inferred from the shift: the opening auction takes orders from
// 09:30 (30 minutes before the open, as on a normal day) and the closing auction stays 15:20–15:30
// (the close is unchanged).
//
// CSAT day (대학수학능력시험일): the regular market runs 10:00–16:30 and the pre-market session moves
// one hour; after the close, the after-hours sessions start one hour late but still end at 18:00
// (장후 시간외 종가 16:40–17:00, 시간외 단일가 17:00–18:00, an hour shorter). Sources for 2025-11-13:
// edaily.co.kr 05520246642365064 and news.tf.co.kr 2261781 (the single-price and block sessions
// start one hour late, their end stays 18:00), liveissue.kr ?p=49160 (the explicit 09:30–09:40,
// 16:40–17:00, 17:00–18:00); the same pattern in 2024 (m.khan.co.kr 202410311029001), 2022
// (m.khan.co.kr 202211161242001, biz.newdaily.co.kr 2022110300074) and 2021 (donga.com 110076830).
// Certain for the open, the close and the 18:00 end; the opening auction's 09:30 and the closing
// auction's 16:20–16:30 follow from the one-hour shift (not spelled out); 16:40 and 17:00 rest on
// one page plus the other sources' "start one hour late".
//
// The normal day (protocol reference section 7) is the one Session lists. KRX's planned
// pre-/after-market extension (2026) is not modelled.
DaySchedule timetable(const QDate &date, DayKind kind)
{
    DaySchedule s;
    s.date = date;
    s.kind = kind;
    switch (kind) {
    case DayKind::Closed:
        return s;
    case DayKind::Normal:
        s.preMarketStart = QTime(8, 30);
        s.preMarketEnd = QTime(8, 40);
        s.continuousStart = QTime(9, 0);
        s.continuousEnd = QTime(15, 20);
        s.close = QTime(15, 30);
        s.afterHoursCloseStart = QTime(15, 40);
        s.afterHoursSingleStart = QTime(16, 0);
        s.afterHoursEnd = QTime(18, 0);
        return s;
    case DayKind::LateOpen:
        s.preMarketStart = QTime(9, 30);
        s.preMarketEnd = QTime(9, 40);
        s.continuousStart = QTime(10, 0);
        s.continuousEnd = QTime(15, 20);
        s.close = QTime(15, 30);
        s.afterHoursCloseStart = QTime(15, 40);
        s.afterHoursSingleStart = QTime(16, 0);
        s.afterHoursEnd = QTime(18, 0);
        return s;
    case DayKind::Csat:
        s.preMarketStart = QTime(9, 30);
        s.preMarketEnd = QTime(9, 40);
        s.continuousStart = QTime(10, 0);
        s.continuousEnd = QTime(16, 20);
        s.close = QTime(16, 30);
        s.afterHoursCloseStart = QTime(16, 40);
        s.afterHoursSingleStart = QTime(17, 0);
        s.afterHoursEnd = QTime(18, 0);
        return s;
    }
    return s;
}

DayKind dayKind(const QDate &date)
{
    QMutexLocker lock(&calendarMutex());
    return dayKindLocked(date);
}

DaySchedule schedule(const QDate &date)
{
    return timetable(date, dayKind(date));
}

void addSpecialDay(const QDate &date, DayKind kind)
{
    if (!date.isValid())
        return;
    QMutexLocker lock(&calendarMutex());
    if (kind == DayKind::Closed)
        holidaySet().insert(date);
    else
        specialDaySet().insert(date, kind);
}

Session sessionAt(const QTime &t)
{
    return timetable(QDate(), DayKind::Normal).sessionAt(t);
}

Session sessionAt(qint64 utcMs)
{
    const QDateTime kst = toKst(utcMs);
    return schedule(kst.date()).sessionAt(kst.time());
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

std::optional<qint64> continuousEnd(const QDate &date)
{
    const DaySchedule s = schedule(date);
    if (!s.isTradingDay())
        return std::nullopt;
    return s.utcMs(s.continuousEnd);
}

qint64 msUntilContinuousEnd(qint64 utcMs)
{
    const std::optional<qint64> end = continuousEnd(kstDate(utcMs));
    return end ? std::max<qint64>(0, *end - utcMs) : 0;
}

bool isHoliday(const QDate &date)
{
    QMutexLocker lock(&calendarMutex());
    return holidaySet().contains(date);
}

bool isTradingDay(const QDate &date)
{
    QMutexLocker lock(&calendarMutex());
    return isTradingDayLocked(date);
}

void addHoliday(const QDate &date)
{
    QMutexLocker lock(&calendarMutex());
    holidaySet().insert(date);
}

QList<QDate> holidays()
{
    QMutexLocker lock(&calendarMutex());
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
