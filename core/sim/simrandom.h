// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <cmath>
#include <initializer_list>

// SimRandom is the simulator's only source of randomness: xoshiro256** seeded through splitmix64.
// It is deliberately not std::mt19937 + std::normal_distribution, whose outputs differ between
// standard libraries; the market must be the same for a seed on every build. Not thread-safe.
class SimRandom
{
public:
    explicit SimRandom(quint64 seed = 0) { reseed(seed); }

    void reseed(quint64 seed)
    {
        quint64 x = seed;
        for (quint64 &word : m_s)
            word = splitmix(x);
        m_hasSpare = false;
    }

    quint64 next()
    {
        const quint64 result = rotl(m_s[1] * 5, 7) * 9;
        const quint64 t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }

    // Uniform in [0, 1).
    double uniform() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
    bool chance(double probability) { return uniform() < probability; }
    // Uniform integer in [lo, hi].
    qint64 between(qint64 lo, qint64 hi) { return lo + qint64(next() % quint64(hi - lo + 1)); }

    // Standard normal (Marsaglia polar method).
    double normal()
    {
        if (m_hasSpare) {
            m_hasSpare = false;
            return m_spare;
        }
        double u = 0;
        double v = 0;
        double s = 0;
        do {
            u = uniform() * 2.0 - 1.0;
            v = uniform() * 2.0 - 1.0;
            s = u * u + v * v;
        } while (s >= 1.0 || s == 0.0);
        const double f = std::sqrt(-2.0 * std::log(s) / s);
        m_spare = v * f;
        m_hasSpare = true;
        return u * f;
    }

    // Exponential with the given mean.
    double exponential(double mean) { return -mean * std::log(1.0 - uniform()); }

    // A stable 64-bit hash of a few integers, used to derive independent streams
    // (seed, stock, day, ...) so one stock's prices never depend on another's.
    static quint64 hash(std::initializer_list<quint64> parts)
    {
        quint64 h = 0x9E3779B97F4A7C15ULL;
        for (quint64 p : parts) {
            quint64 x = h ^ (p + 0x632BE59BD9B4E019ULL);
            h = splitmix(x);
        }
        return h;
    }

private:
    static quint64 rotl(quint64 x, int k) { return (x << k) | (x >> (64 - k)); }
    static quint64 splitmix(quint64 &x)
    {
        quint64 z = (x += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

    quint64 m_s[4] = {};
    double m_spare = 0;
    bool m_hasSpare = false;
};
