// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "simconfig.h"
#include "simtr.h"

class SimExchange;
class SimMarket;

// SimAccountTrs answers the order TRs (kt10000 buy, kt10001 sell, kt10002 modify, kt10003 cancel)
// through SimExchange and the account TRs from its ledger: ka00001 (account number), kt00001
// (deposit detail, 15-wide padded), kt00004 (account evaluation, 12-wide), kt00018 (holdings,
// 15-wide amounts/12-wide prices, paginated), ka10075 (open orders), ka10076 (fills), ka10074
// (realized P&L by day), ka10077 (today's realized P&L detail). Every figure is computed from the
// same ledger, so the TRs agree with each other to the won. Simulator thread only.
class SimAccountTrs
{
public:
    SimAccountTrs(const SimConfig &config, SimMarket &market, SimExchange &exchange);

    bool handles(const QString &apiId) const;
    SimTrReply handle(const SimTrRequest &request);

private:
    SimTrReply order(const SimTrRequest &request, bool buy); // kt10000 / kt10001
    SimTrReply modify(const SimTrRequest &request); // kt10002
    SimTrReply cancel(const SimTrRequest &request); // kt10003
    SimTrReply accountNo(const SimTrRequest &request); // ka00001
    SimTrReply deposit(const SimTrRequest &request); // kt00001
    SimTrReply evaluation(const SimTrRequest &request); // kt00004
    SimTrReply holdings(const SimTrRequest &request); // kt00018
    SimTrReply openOrders(const SimTrRequest &request); // ka10075
    SimTrReply fills(const SimTrRequest &request); // ka10076
    SimTrReply realizedByDay(const SimTrRequest &request); // ka10074
    SimTrReply realizedToday(const SimTrRequest &request); // ka10077

    std::optional<SimTrReply> checkExchange(const QJsonObject &body, const char *name) const;
    int stockIndex(const QString &code, SimTrReply *error) const;
    // The filter ka10075/ka10076 share: scopeField "0" all stocks or "1" only stk_cd (→ *onlyStock,
    // else -1), sideField "0" both, "1" sell, "2" buy (→ *side). A reply when the request is wrong.
    std::optional<SimTrReply> readStockSideFilter(
        const QJsonObject &body, const char *scopeField, const char *sideField, int *onlyStock, QString *side) const;

    const SimConfig &m_config;
    SimMarket &m_market;
    SimExchange &m_exchange;
};
