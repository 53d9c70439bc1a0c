// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QStringList>

class Database;

// DemoShowcase: what a fresh demo database starts with, so a newcomer's first run shows the whole
// loop (condition hit → signal → order → fill → position → stop-loss or take-profit exit) in the
// log within a couple of minutes: automatic trading on with a modest amount per buy and tight
// stops, the default strategies enabled (the reference candle (기준봉) with looser thresholds the
// simulated market meets, scalping with a short holding time), a few liquid stocks on the
// watchlist, and a few of the simulator's conditions to enable once they are listed.
// It seeds once per database (engine_state "demo_seeded"); a later start changes nothing, so what
// the user changed stays changed. Mock and live never call it: they start with everything off.
// Threading: the Database's thread.
class DemoShowcase final
{
public:
    struct Plan
    {
        bool seededNow = false; // this call seeded the database (a first run)
        QStringList conditions; // names to enable once listed (first run only)
    };

    static QString stateKey(); // "demo_seeded"
    // The simulator's conditions the showcase enables.
    static QStringList conditionNames();

    static Result<Plan> seed(Database &db, const QStringList &watchCodes, const QString &actor);
};
