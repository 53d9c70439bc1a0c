// SPDX-License-Identifier: GPL-3.0-or-later
#include "symbolrunner.h"

using namespace Qt::StringLiterals;

namespace Strategies {

namespace {

bool sameParams(const Indicators::IndicatorSet::Params &a, const Indicators::IndicatorSet::Params &b)
{
    return a.smaPeriod == b.smaPeriod && a.emaPeriod == b.emaPeriod && a.rsiPeriod == b.rsiPeriod
        && a.bollingerPeriod == b.bollingerPeriod && a.bollingerWidth == b.bollingerWidth
        && a.momentumPeriod == b.momentumPeriod && a.disparityPeriod == b.disparityPeriod
        && a.chaikinFast == b.chaikinFast && a.chaikinSlow == b.chaikinSlow && a.stochastic.k == b.stochastic.k
        && a.stochastic.d == b.stochastic.d && a.stochastic.slowK == b.stochastic.slowK
        && a.stochastic.slowD == b.stochastic.slowD && a.macd.fast == b.macd.fast && a.macd.slow == b.macd.slow
        && a.macd.signal == b.macd.signal && a.atrPeriod == b.atrPeriod && a.volumeWmaPeriod == b.volumeWmaPeriod;
}

unsigned sideBit(Side side)
{
    return side == Side::Buy ? 1u : 2u;
}

} // namespace

SymbolRunner::SymbolRunner(
    const QString &stockCode, const QList<std::shared_ptr<const Strategy>> &strategies, EmitPolicy policy)
    : m_code(stockCode), m_policy(policy)
{
    m_slots.reserve(size_t(strategies.size()));
    for (const std::shared_ptr<const Strategy> &s : strategies) {
        Q_ASSERT(s);
        Slot slot;
        slot.strategy = s;
        if (s->usesIndicatorSet()) {
            const Indicators::IndicatorSet::Params p = s->indicatorParams();
            Q_ASSERT(p.validate().ok());
            for (size_t i = 0; i < m_sets.size() && slot.setIndex < 0; ++i) {
                if (sameParams(m_sets[i].params(), p))
                    slot.setIndex = int(i);
            }
            if (slot.setIndex < 0) {
                slot.setIndex = int(m_sets.size());
                m_sets.emplace_back(p);
            }
        }
        slot.state = s->newState();
        m_slots.push_back(std::move(slot));
    }
}

SymbolRunner::SymbolRunner(SymbolRunner &&) noexcept = default;
SymbolRunner &SymbolRunner::operator=(SymbolRunner &&) noexcept = default;
SymbolRunner::~SymbolRunner() = default;

const Indicators::IndicatorSet *SymbolRunner::indicators(qsizetype i) const
{
    const int set = m_slots[size_t(i)].setIndex;
    return set >= 0 ? &m_sets[size_t(set)] : nullptr;
}

void SymbolRunner::feed(const Indicators::Bar &bar, bool revise)
{
    for (Indicators::IndicatorSet &set : m_sets) {
        if (revise)
            set.update(bar);
        else
            set.append(bar);
    }
    for (Slot &slot : m_slots) {
        if (slot.state) {
            if (revise)
                slot.state->update(bar);
            else
                slot.state->append(bar);
        }
        if (!revise)
            slot.emitted = 0;
    }
    m_newest = bar;
    if (!revise)
        ++m_count;
}

void SymbolRunner::evaluate(QList<Signal> &out)
{
    for (Slot &slot : m_slots) {
        const CandleContext ctx { m_newest, slot.setIndex >= 0 ? &m_sets[size_t(slot.setIndex)] : nullptr,
            slot.state.get() };
        std::optional<Signal> s = slot.strategy->onCandle(ctx);
        if (!s)
            continue;
        const unsigned bit = sideBit(s->side);
        if (slot.emitted & bit)
            continue;
        slot.emitted |= bit;
        s->stockCode = m_code;
        out.append(std::move(*s));
    }
}

Status SymbolRunner::onCandle(const Indicators::Bar &bar, BarStatus status, QList<Signal> &out)
{
    if (m_count > 0 && bar.timeMs < m_newest.timeMs) {
        return Error { u"strategy.order"_s,
            u"%1bar at %2 is older than the newest bar at %3"_s.arg(m_code.isEmpty() ? QString() : m_code + u": "_s,
                QString::number(bar.timeMs), QString::number(m_newest.timeMs)) };
    }
    const bool revise = m_count > 0 && bar.timeMs == m_newest.timeMs;
    if (!revise && m_count > 0 && !m_decided)
        evaluate(out); // a newer bar closes the forming one with its last revision
    feed(bar, revise);
    if (!revise)
        m_decided = false;
    if (m_decided)
        return {};
    if (status == BarStatus::Closed) {
        evaluate(out);
        m_decided = true;
    } else if (m_policy == EmitPolicy::OnRevision) {
        evaluate(out);
    }
    return {};
}

Result<QList<Signal>> SymbolRunner::onCandle(const Indicators::Bar &bar, BarStatus status)
{
    QList<Signal> out;
    const Status s = onCandle(bar, status, out);
    if (!s)
        return s.error();
    return out;
}

Status SymbolRunner::warmUp(std::span<const Indicators::Bar> history)
{
    for (const Indicators::Bar &bar : history) {
        if (m_count > 0 && bar.timeMs < m_newest.timeMs) {
            return Error { u"strategy.order"_s,
                u"%1history bar at %2 is older than the newest bar at %3"_s.arg(
                    m_code.isEmpty() ? QString() : m_code + u": "_s, QString::number(bar.timeMs),
                    QString::number(m_newest.timeMs)) };
        }
        feed(bar, m_count > 0 && bar.timeMs == m_newest.timeMs);
        m_decided = true;
    }
    return {};
}

void SymbolRunner::onQuote(const Quote &quote, QList<Signal> &out)
{
    for (Slot &slot : m_slots) {
        if (!slot.state || !slot.strategy->acceptsQuotes())
            continue;
        std::optional<Signal> s = slot.strategy->onQuote(quote, *slot.state);
        if (!s)
            continue;
        s->stockCode = m_code;
        out.append(std::move(*s));
    }
}

QList<Signal> SymbolRunner::onQuote(const Quote &quote)
{
    QList<Signal> out;
    onQuote(quote, out);
    return out;
}

void SymbolRunner::reset()
{
    for (Indicators::IndicatorSet &set : m_sets)
        set.reset();
    for (Slot &slot : m_slots) {
        if (slot.state)
            slot.state->reset();
        slot.emitted = 0;
    }
    m_count = 0;
    m_newest = Indicators::Bar {};
    m_decided = false;
}

} // namespace Strategies
