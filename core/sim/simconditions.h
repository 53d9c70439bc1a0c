// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "simpricesource.h"
#include "simtypes.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QVector>

class SimMarket;

// SimConditions plays the part of the HTTS condition formulas (조건식) a Kiwoom user writes in
// 영웅문: a fixed list of named screens (volume surge, new 20-day high, 5/20 golden cross, ...)
// evaluated on the simulated market at every minute boundary and at each day roll. members() is
// the result as of the last evaluation, ordered by stock code; hit() reports each stock that
// entered (편입, I) or left (이탈, D) a condition. On a market fed by a recording (replay) the
// formulas are the recorded day's (seq and name), the members those of its recorded CNSRREQ results
// changed by its recorded 02 hits, and hit() fires for each recorded hit at its time; nothing is
// evaluated. Simulator thread only.
class SimConditions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimConditions)

public:
    struct Formula
    {
        QString seq; // "0", "1", ... as CNSRLST reports it
        QString name; // Korean display name
    };

    explicit SimConditions(SimMarket &market, QObject *parent = nullptr);

    const QList<Formula> &formulas() const { return m_formulas; }
    bool exists(const QString &seq) const;
    // Stock indices matching the condition now (ordered by code).
    QList<int> members(const QString &seq);
    // Re-evaluates every formula now and emits hit() for each change.
    void evaluate();

signals:
    void hit(const QString &seq, int stock, bool entered, qint64 atMs);

private:
    void onSourceEvent(const SimSourceEvent &event);

    struct History
    {
        QVector<qint64> closes; // previous days, oldest first (up to 250)
        qint64 high20 = 0;
        qint64 high250 = 0;
        double avgVolume20 = 0;
        double ma5Yesterday = 0;
        double ma20Yesterday = 0;
        bool valid = false;
    };
    void refreshHistory();
    bool matches(int formula, int stock, const SimQuote &q, const History &h) const;
    double movingAverage(const History &h, qint64 price, int n) const;
    double rsi14(const History &h, qint64 price) const;

    SimMarket &m_market;
    QList<Formula> m_formulas;
    QVector<History> m_history;
    QVector<QSet<int>> m_members;
    QDate m_historyDate;
    bool m_evaluated = false;
    bool m_replay = false;
    QHash<QString, QSet<int>> m_replayMembers; // replay: seq -> members
};
