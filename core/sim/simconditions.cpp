// SPDX-License-Identifier: GPL-3.0-or-later
#include "simconditions.h"

#include "simformat.h"
#include "simmarket.h"

#include <algorithm>

namespace {

constexpr qint64 MINUTE_MS = 60'000;

enum FormulaId
{
    VolumeSurge = 0,
    High20,
    GoldenCross,
    UpFivePercent,
    DownFivePercent,
    GapUp,
    NearUpperLimit,
    MaAligned,
    AboveOpen,
    Near52WeekHigh,
    RsiOversold,
    LargeValue,
    CheapRunner,
    FormulaCount,
};

} // namespace

SimConditions::SimConditions(SimMarket &market, QObject *parent) : QObject(parent), m_market(market)
{
    const char *names[FormulaCount] = {
        "거래량급증", // last 5 minutes' volume >= 4x the 20-day average pace
        "20일신고가", // price above the highest high of the previous 20 days
        "골든크로스(5/20)", // 5-day MA crossed above the 20-day MA today
        "상승률5%이상", // up 5% or more
        "하락률5%이상", // down 5% or more
        "갭상승3%", // opened 3%+ above the base and holds above the open
        "상한가근접", // up 25% or more
        "이평정배열(5>20>60)", // 5 > 20 > 60-day moving averages
        "시가돌파양봉", // above the open and up more than 1%
        "52주신고가근접", // within 5% of the 250-day high
        "RSI과매도(14<30)", // daily RSI(14) below 30
        "거래대금100억이상", // traded value today >= 10 billion KRW
        "저가주급등(5천원미만)", // price below 5,000 and up 3% or more
    };
    if (SimPriceSource *source = m_market.source()) {
        // Replay: the recorded day's conditions, members and hits; no formula is evaluated.
        m_replay = true;
        const QHash<QString, QStringList> initial = source->initialConditionMembers();
        for (const auto &[seq, name] : source->conditions()) {
            m_formulas.append(Formula { seq, name });
            QSet<int> members;
            for (const QString &code : initial.value(seq)) {
                if (const int i = m_market.indexOf(code); i >= 0)
                    members.insert(i);
            }
            m_replayMembers.insert(seq, members);
        }
        connect(&m_market, &SimMarket::sourceEvent, this, &SimConditions::onSourceEvent);
        return;
    }
    for (int i = 0; i < FormulaCount; ++i)
        m_formulas.append(Formula { QString::number(i), QString::fromUtf8(names[i]) });
    m_members.resize(FormulaCount);

    connect(&m_market, &SimMarket::minuteElapsed, this, [this](qint64) { evaluate(); });
    connect(&m_market, &SimMarket::dayStarted, this, [this](const QDate &) { evaluate(); });
}

void SimConditions::onSourceEvent(const SimSourceEvent &e)
{
    if (e.kind == SimSourceEvent::Kind::ConditionResult) {
        QSet<int> next;
        for (const QString &code : e.codes) {
            if (const int i = m_market.indexOf(code); i >= 0)
                next.insert(i);
        }
        m_replayMembers.insert(e.seq, next);
        return;
    }
    if (e.kind != SimSourceEvent::Kind::ConditionHit)
        return;
    const int i = m_market.indexOf(e.code);
    if (i < 0)
        return;
    QSet<int> &members = m_replayMembers[e.seq];
    if (e.entered)
        members.insert(i);
    else
        members.remove(i);
    emit hit(e.seq, i, e.entered, e.timeMs);
}

bool SimConditions::exists(const QString &seq) const
{
    if (m_replay)
        return m_replayMembers.contains(seq);
    bool ok = false;
    const int i = seq.toInt(&ok);
    return ok && i >= 0 && i < FormulaCount && QString::number(i) == seq;
}

QList<int> SimConditions::members(const QString &seq)
{
    if (!exists(seq))
        return {};
    if (m_replay) {
        const QSet<int> &set = m_replayMembers[seq];
        QList<int> list(set.cbegin(), set.cend());
        std::sort(
            list.begin(), list.end(), [this](int a, int b) { return m_market.info(a).code < m_market.info(b).code; });
        return list;
    }
    if (!m_evaluated)
        evaluate();
    QList<int> list(m_members.at(seq.toInt()).cbegin(), m_members.at(seq.toInt()).cend());
    std::sort(list.begin(), list.end(), [this](int a, int b) { return m_market.info(a).code < m_market.info(b).code; });
    return list;
}

void SimConditions::refreshHistory()
{
    const QDate today = m_market.currentDate();
    if (m_historyDate == today && !m_history.isEmpty())
        return;
    m_historyDate = today;
    m_history.resize(m_market.stockCount());
    for (int i = 0; i < m_market.stockCount(); ++i) {
        QVector<SimDayBar> bars = m_market.dailyBars(i);
        if (!bars.isEmpty() && bars.last().date == today)
            bars.removeLast();
        History h;
        const int from = std::max(0, int(bars.size()) - 250);
        double volume20 = 0;
        int n20 = 0;
        for (int k = from; k < bars.size(); ++k) {
            const Candle &c = bars.at(k).candle;
            h.closes.append(c.close);
            h.high250 = std::max(h.high250, c.high);
            if (k >= int(bars.size()) - 20) {
                h.high20 = std::max(h.high20, c.high);
                volume20 += double(c.volume);
                ++n20;
            }
        }
        h.avgVolume20 = n20 > 0 ? volume20 / n20 : 0;
        auto mean = [&h](int n) {
            if (h.closes.size() < n)
                return 0.0;
            double sum = 0;
            for (int k = int(h.closes.size()) - n; k < h.closes.size(); ++k)
                sum += double(h.closes.at(k));
            return sum / n;
        };
        h.ma5Yesterday = mean(5);
        h.ma20Yesterday = mean(20);
        h.valid = h.closes.size() >= 20;
        m_history[i] = h;
    }
}

double SimConditions::movingAverage(const History &h, qint64 price, int n) const
{
    if (h.closes.size() < n - 1)
        return 0;
    double sum = double(price);
    for (int k = int(h.closes.size()) - (n - 1); k < h.closes.size(); ++k)
        sum += double(h.closes.at(k));
    return sum / n;
}

double SimConditions::rsi14(const History &h, qint64 price) const
{
    if (h.closes.size() < 14)
        return 50;
    double gains = 0;
    double losses = 0;
    qint64 prev = h.closes.at(h.closes.size() - 14);
    auto step = [&](qint64 close) {
        const qint64 d = close - prev;
        (d > 0 ? gains : losses) += double(std::abs(d));
        prev = close;
    };
    for (int k = int(h.closes.size()) - 13; k < h.closes.size(); ++k)
        step(h.closes.at(k));
    step(price);
    if (losses == 0)
        return 100;
    const double rs = gains / losses;
    return 100.0 - 100.0 / (1.0 + rs);
}

bool SimConditions::matches(int formula, int stock, const SimQuote &q, const History &h) const
{
    if (q.open <= 0 || !h.valid)
        return false; // nothing traded today yet
    const qint64 price = q.price;
    const double rate = Sim::changePercent(price, q.basePrice);
    switch (formula) {
    case VolumeSurge: {
        const QVector<Candle> minutes = m_market.minuteBars(stock, q.date);
        const qint64 since = m_market.nowMs() - 5 * MINUTE_MS;
        qint64 recent = 0;
        for (int k = int(minutes.size()) - 1; k >= 0 && minutes.at(k).timeMs >= since; --k)
            recent += minutes.at(k).volume;
        const double pace = h.avgVolume20 * 5.0 / 390.0;
        return pace > 0 && double(recent) >= 4.0 * pace;
    }
    case High20:
        return h.high20 > 0 && price > h.high20;
    case GoldenCross: {
        const double ma5 = movingAverage(h, price, 5);
        const double ma20 = movingAverage(h, price, 20);
        return ma5 > ma20 && h.ma5Yesterday > 0 && h.ma5Yesterday <= h.ma20Yesterday;
    }
    case UpFivePercent:
        return rate >= 5.0;
    case DownFivePercent:
        return rate <= -5.0;
    case GapUp:
        return q.open * 100 >= q.basePrice * 103 && price >= q.open;
    case NearUpperLimit:
        return rate >= 25.0;
    case MaAligned: {
        if (h.closes.size() < 59)
            return false;
        const double ma5 = movingAverage(h, price, 5);
        const double ma20 = movingAverage(h, price, 20);
        const double ma60 = movingAverage(h, price, 60);
        return ma5 > ma20 && ma20 > ma60;
    }
    case AboveOpen:
        return price > q.open && rate > 1.0;
    case Near52WeekHigh:
        return h.high250 > 0 && price * 100 >= h.high250 * 95;
    case RsiOversold:
        return rsi14(h, price) < 30.0;
    case LargeValue:
        return q.value >= 10'000'000'000LL;
    case CheapRunner:
        return price < 5000 && rate >= 3.0;
    default:
        return false;
    }
}

void SimConditions::evaluate()
{
    if (m_replay)
        return;
    refreshHistory();
    const qint64 now = m_market.nowMs();
    QVector<QSet<int>> next(FormulaCount);
    for (int i = 0; i < m_market.stockCount(); ++i) {
        const SimQuote q = m_market.quote(i);
        const History &h = m_history.at(i);
        for (int f = 0; f < FormulaCount; ++f) {
            if (matches(f, i, q, h))
                next[f].insert(i);
        }
    }
    const bool report = m_evaluated;
    m_evaluated = true;
    const QVector<QSet<int>> previous = m_members;
    m_members = next;
    if (!report)
        return;
    for (int f = 0; f < FormulaCount; ++f) {
        const QString seq = QString::number(f);
        QList<int> entered(next.at(f).cbegin(), next.at(f).cend());
        QList<int> left(previous.at(f).cbegin(), previous.at(f).cend());
        std::sort(entered.begin(), entered.end());
        std::sort(left.begin(), left.end());
        for (int i : std::as_const(entered)) {
            if (!previous.at(f).contains(i))
                emit hit(seq, i, true, now);
        }
        for (int i : std::as_const(left)) {
            if (!next.at(f).contains(i))
                emit hit(seq, i, false, now);
        }
    }
}
