// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <QTime>
#include <QtGlobal>

#include <optional>

// KRX market rules shared by the trading engine, the strategies and the simulator: the tick ladder
// (호가가격단위, unified for KOSPI/KOSDAQ/KONEX since 2023-01-25), the daily price limits
// (상한가/하한가, ±30% of the base price), the session timetable (KST) with its special days, and the
// trading calendar. Korea has no daylight saving time, so KST is a fixed UTC+9 and no tz database is
// needed. Every function is thread-safe (the calendar's run-time additions are behind a mutex).
namespace Krx {

enum class Instrument
{
    Stock, // KOSPI/KOSDAQ/KONEX shares: 1/5/10/50/100/500/1,000 won (tickSize())
    Etf, // ETF and ETN: 1 won below 2,000 KRW, 5 won from 2,000 KRW (KRX rule since 2023-12-18)
    // ELW (a flat 5-won tick) is not modelled: the engine does not trade warrants, and Etf must not
    // be used for them (an ELW below 2,000 KRW would get the ETF's 1-won tick).
};

// Tick size for a price (KRW), on the ladder of kind. Prices below 1 have tick 1.
qint64 tickSize(qint64 price, Instrument kind = Instrument::Stock);
bool isOnTick(qint64 price, Instrument kind = Instrument::Stock);
// Largest on-tick price <= price, smallest on-tick price >= price, and the nearest (ties go down).
qint64 snapDown(qint64 price, Instrument kind = Instrument::Stock);
qint64 snapUp(qint64 price, Instrument kind = Instrument::Stock);
qint64 snapNearest(qint64 price, Instrument kind = Instrument::Stock);
// n ticks above (n > 0) or below (n < 0) an on-tick price, walking the ladder across band edges.
qint64 addTicks(qint64 price, int n, Instrument kind = Instrument::Stock);

struct PriceLimits
{
    qint64 upper = 0; // 상한가
    qint64 lower = 0; // 하한가
};
// KRX rule: width = base × rate truncated to the tick of the base; upper = base + width snapped
// down to its tick; lower = base − width snapped up to its tick (so both stay inside ±rate).
PriceLimits priceLimits(qint64 basePrice, double ratePercent = 30.0, Instrument kind = Instrument::Stock);

// KST helpers. Times are UTC epoch milliseconds everywhere else in the code base.
constexpr qint64 KST_OFFSET_MS = 9LL * 3600 * 1000;
QDateTime toKst(qint64 utcMs);
qint64 fromKst(const QDate &date, const QTime &time);
// The Asia/Seoul calendar date of an instant, and its "YYYY-MM-DD" form (detected_date).
QDate kstDate(qint64 utcMs);
QString tradingDateString(qint64 utcMs);

// Sessions of a trading day; the times are those of a normal day (DaySchedule has each day's).
enum class Session
{
    Closed,
    PreMarketOffHours, // 08:30–08:40 장전 시간외 종가 (regular orders already queue for the opening auction)
    OpeningAuction, // 08:40–09:00 동시호가 (orders queue for the 09:00 single price)
    Continuous, // 09:00–15:20 정규장
    ClosingAuction, // 15:20–15:30 동시호가
    PostCloseBreak, // 15:30–15:40 no trading
    AfterHoursClose, // 15:40–16:00 장후 시간외 종가
    AfterHoursSingle, // 16:00–18:00 시간외 단일가
};
QString sessionName(Session session);

// What kind of timetable a date has. Sources and certainty: the comment above timetable() in krx.cpp.
enum class DayKind
{
    Closed, // weekend or KRX holiday: no session
    Normal, // the timetable of Session
    LateOpen, // 증시 개장일, the first trading day of a year: pre-market and open one hour late
              // (09:30 / 10:00), closing auction and after-hours as usual
    Csat, // 대학수학능력시험일: pre-market, open, continuous end and close one hour late (09:30, 10:00,
          // 16:20, 16:30), after-hours close 16:40–17:00, single price 17:00–18:00 (ends as usual)
};
QString dayKindName(DayKind kind); // "closed", "normal", "late_open", "csat"

// The timetable of one date: each field is the KST wall-clock start of a session, which ends where
// the next field begins. On a Closed day every time is null and sessionAt() is always Closed.
struct DaySchedule
{
    QDate date;
    DayKind kind = DayKind::Closed;
    QTime preMarketStart; // PreMarketOffHours; regular orders are accepted from here to close
    QTime preMarketEnd; // OpeningAuction
    QTime continuousStart; // the opening single price; Continuous
    QTime continuousEnd; // ClosingAuction
    QTime close; // the closing single price; PostCloseBreak
    QTime afterHoursCloseStart; // AfterHoursClose
    QTime afterHoursSingleStart; // AfterHoursSingle
    QTime afterHoursEnd; // Closed

    bool isTradingDay() const { return kind != DayKind::Closed; }
    // The session at a KST wall-clock time of this day (Closed before preMarketStart, after
    // afterHoursEnd and all day on a Closed day). Boundaries belong to the session they start.
    Session sessionAt(const QTime &kstTime) const;
    // The UTC instant of a KST wall-clock time on this date (one of the fields above).
    qint64 utcMs(const QTime &kstTime) const;
};

// The timetable of a kind, placed on date (which may be null for the bare rule). Pure: it does not
// consult the calendar, so timetable(d, DayKind::Normal) is a normal day's times even on a holiday.
DaySchedule timetable(const QDate &date, DayKind kind);
// The kind of a date, in this order: weekends and holidays are Closed; then a kind set with
// addSpecialDay(); then the built-in CSAT dates (2025-11-13, 2026-11-19, 2027-11-18) are Csat; then
// the first trading day of its year (computed from the calendar, so a holiday added on 2 January
// moves it) is LateOpen; every other day is Normal. An invalid date is Closed.
DayKind dayKind(const QDate &date);
// The timetable that applies on date: timetable(date, dayKind(date)).
DaySchedule schedule(const QDate &date);
// Sets the kind of a date at run time, replacing a built-in or computed one: Csat for a CSAT day
// not in the built-in list or a postponed one (2017's moved by a week), Normal for a built-in or
// computed special day that KRX does not hold, LateOpen for another late opening, Closed is the
// same as addHoliday(date). It cannot open a weekend or a holiday: those stay Closed.
void addSpecialDay(const QDate &date, DayKind kind);

// Session by KST wall-clock time on a normal day, ignoring the calendar and special days.
Session sessionAt(const QTime &kstTime);
// Session for an instant: its KST date's schedule() at its KST time (Closed on weekends and KRX
// holidays, shifted on special days).
Session sessionAt(qint64 utcMs);
// True while regular limit/market orders are accepted: from preMarketStart until close of a trading
// day (08:30–15:30 on a normal day, 09:30–15:30 on the first trading day, 09:30–16:30 on a CSAT day).
bool acceptsRegularOrders(qint64 utcMs);
// True while continuous matching runs (09:00–15:20 normally, 10:00–15:20 on the first trading day,
// 10:00–16:20 on a CSAT day).
bool isContinuous(qint64 utcMs);
// The UTC instant continuous trading ends on date (the closing auction starts), honouring special
// days; nullopt when date is not a trading day.
std::optional<qint64> continuousEnd(const QDate &date);
// Milliseconds from utcMs until continuous trading ends on utcMs's KST date: positive before that
// end (also before the open: check isContinuous() too), 0 from that end on and on days without
// trading. Never negative.
qint64 msUntilContinuousEnd(qint64 utcMs);

// Trading calendar: weekends and KRX holidays are closed. The built-in holiday list covers
// 2025–2027 (from the published KRX calendars); extra dates can be added at run time. Outside
// 2025–2027 only weekends are known to be closed: add that year's holidays before relying on it.
bool isTradingDay(const QDate &date);
bool isHoliday(const QDate &date);
void addHoliday(const QDate &date);
QList<QDate> holidays();
QDate nextTradingDay(const QDate &date);
QDate previousTradingDay(const QDate &date);

} // namespace Krx
