// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "simconfig.h"
#include "simtr.h"

class SimMarket;

// SimMarketTrs answers the market-data TRs from SimMarket: stock info (ka10001, ka10100), the
// listing (ka10099), order book (ka10004), quote table (ka10007), watchlist quotes (ka10095) and
// the tick/minute/daily charts (ka10079/ka10080/ka10081, newest first, paginated by time-keyed
// next-key). Field names and value formats follow kiwoom-protocol.md §3.1 and §4.1–4.3: every value
// is a string, quote prices carry the direction sign versus the base price, chart prices are
// signed only in minute charts. Stateless apart from the references; simulator thread only.
class SimMarketTrs
{
public:
    SimMarketTrs(const SimConfig &config, SimMarket &market);

    bool handles(const QString &apiId) const;
    SimTrReply handle(const SimTrRequest &request);

private:
    SimTrReply stockInfo(const SimTrRequest &request); // ka10001
    SimTrReply orderBook(const SimTrRequest &request); // ka10004
    SimTrReply quoteTable(const SimTrRequest &request); // ka10007
    SimTrReply watchlist(const SimTrRequest &request); // ka10095
    SimTrReply listing(const SimTrRequest &request); // ka10099
    SimTrReply listingOne(const SimTrRequest &request); // ka10100
    SimTrReply tickChart(const SimTrRequest &request); // ka10079
    SimTrReply minuteChart(const SimTrRequest &request); // ka10080
    SimTrReply dailyChart(const SimTrRequest &request); // ka10081

    QJsonObject listingRow(int index) const;
    int stockIndex(const SimTrRequest &request, SimTrReply *error) const;

    const SimConfig &m_config;
    SimMarket &m_market;
};
