// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <vector>

namespace Indicators {

// Highest input of the last n, O(1) amortised per input: a monotonic deque (decreasing values)
// kept in a ring of capacity > n. Used for the stochastic's highest high (HH).
//
// Revision in O(1): a push only moves the head/tail counters and writes one slot (elements popped
// from the back stay in memory untouched), so update() restores the two counters and that one slot
// and pushes again.
class SlidingMax
{
public:
    explicit SlidingMax(int period);

    void append(double x);
    void update(double x);
    void reset();

    int period() const { return m_n; }
    qint64 count() const { return m_s.count; }
    bool ready() const { return m_s.count >= m_n; }
    // Max of the last min(count, n) inputs; requires count() > 0.
    double value() const;

private:
    struct Entry
    {
        double value = 0.0;
        qint64 seq = 0;
    };
    struct State
    {
        qint64 head = 0;
        qint64 tail = 0;
        qint64 count = 0;
    };
    void push(double x);

    int m_n;
    qint64 m_mask;
    std::vector<Entry> m_ring;
    State m_s;
    State m_saved;
    qint64 m_savedIndex = 0;
    Entry m_savedEntry;
};

// Lowest input of the last n (the stochastic's lowest low): SlidingMax over negated inputs;
// negation is exact, so no rounding is involved.
class SlidingMin
{
public:
    explicit SlidingMin(int period) : m_max(period) { }

    void append(double x) { m_max.append(-x); }
    void update(double x) { m_max.update(-x); }
    void reset() { m_max.reset(); }

    int period() const { return m_max.period(); }
    qint64 count() const { return m_max.count(); }
    bool ready() const { return m_max.ready(); }
    double value() const { return -m_max.value(); }

private:
    SlidingMax m_max;
};

} // namespace Indicators
