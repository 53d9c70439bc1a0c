// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <QTime>
#include <QtGlobal>

// KRX market rules shared by the trading engine, the strategies and the simulator: the tick ladder
// (호가가격단위, unified for KOSPI/KOSDAQ/KONEX since 2023-01-25), the daily price limits
// (상한가/하한가, ±30% of the base price), the session timetable (KST) and the trading calendar.
// Korea has no daylight saving time, so KST is a fixed UTC+9 and no tz database is needed.
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

enum class Session
{
    Closed,
    PreMarketOffHours, // 08:30–08:40 장전 시간외 종가 (inside the opening auction window)
    OpeningAuction, // 08:40–09:00 동시호가 (orders queue for the 09:00 single price)
    Continuous, // 09:00–15:20 정규장
    ClosingAuction, // 15:20–15:30 동시호가
    PostCloseBreak, // 15:30–15:40 no trading
    AfterHoursClose, // 15:40–16:00 장후 시간외 종가
    AfterHoursSingle, // 16:00–18:00 시간외 단일가
};
QString sessionName(Session session);

// Session by KST wall-clock time, ignoring the calendar.
Session sessionAt(const QTime &kstTime);
// Session for an instant, Closed on weekends and KRX holidays.
Session sessionAt(qint64 utcMs);
// True while regular limit/market orders are accepted (08:30–15:30 on a trading day).
bool acceptsRegularOrders(qint64 utcMs);
// True while continuous matching runs (09:00–15:20 on a trading day).
bool isContinuous(qint64 utcMs);

// Trading calendar: weekends and KRX holidays are closed. The built-in holiday list covers
// 2025–2027 (from the published KRX calendars); extra dates can be added at run time.
bool isTradingDay(const QDate &date);
bool isHoliday(const QDate &date);
void addHoliday(const QDate &date);
QList<QDate> holidays();
QDate nextTradingDay(const QDate &date);
QDate previousTradingDay(const QDate &date);

} // namespace Krx
