// SPDX-License-Identifier: GPL-3.0-or-later
#include "slidingextremum.h"

#include "types.h"

#include <bit>

namespace Indicators {

SlidingMax::SlidingMax(int period)
    : m_n(clampPeriod(period)), m_mask(qint64(std::bit_ceil(unsigned(m_n) + 1)) - 1), m_ring(size_t(m_mask + 1))
{
}

void SlidingMax::append(double x)
{
    m_saved = m_s;
    push(x);
}

void SlidingMax::update(double x)
{
    if (m_s.count == 0) {
        append(x);
        return;
    }
    m_s = m_saved;
    m_ring[size_t(m_savedIndex)] = m_savedEntry;
    push(x);
}

void SlidingMax::reset()
{
    m_s = State {};
    m_saved = State {};
    m_savedIndex = 0;
    m_savedEntry = Entry {};
}

void SlidingMax::push(double x)
{
    State &s = m_s;
    const qint64 seq = s.count;
    // Drop older entries that can never be the max again (ties: the newer one stays).
    while (s.tail > s.head && m_ring[size_t((s.tail - 1) & m_mask)].value <= x)
        --s.tail;
    // The deque held at most n entries before this push and the ring has more than n slots, so
    // this write never lands on a live entry; remember what it overwrites for update().
    m_savedIndex = s.tail & m_mask;
    m_savedEntry = m_ring[size_t(m_savedIndex)];
    m_ring[size_t(m_savedIndex)] = Entry { x, seq };
    ++s.tail;
    while (m_ring[size_t(s.head & m_mask)].seq <= seq - m_n)
        ++s.head;
    ++s.count;
}

double SlidingMax::value() const
{
    Q_ASSERT(m_s.count > 0);
    return m_ring[size_t(m_s.head & m_mask)].value;
}

} // namespace Indicators
