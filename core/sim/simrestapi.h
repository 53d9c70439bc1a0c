// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "simaccounttrs.h"
#include "simhttpserver.h"
#include "simmarkettrs.h"

#include <functional>

class SimExchange;
class SimFaults;
class SimMarket;
class SimQuota;
class SimTokenStore;

// SimRestApi is the Kiwoom REST surface of the simulator: every call is a POST with a JSON body,
// routed by path + api-id header, checked the way Kiwoom checks it, and answered in Kiwoom's
// envelope. Order of checks (first failure wins):
//   unknown path → HTTP 404; method other than POST → HTTP 405;
//   api-id missing → 1501; api-id not a Kiwoom id → 1505; a Kiwoom id this simulator does not
//   serve → 8104; api-id served on another path → 1504;
//   REST faults (SimFaults) for this api-id (http5xx/timeout with when=after: only once the TR
//   has run, so an order is placed and its reply is then lost);
//   authorization missing → 1513, not "Bearer ..." → 1514, empty token → 1516, unknown/expired/
//   revoked token → 8005 (au10001/au10002 need no authorization);
//   quota → HTTP 429 + return_code 5 + 1700 (per api-id) / 1701 (total);
//   body not a JSON object → 1517; then the TR's own checks (1511 required fields, 1902 unknown
//   stock code, return_code 20 order rejections, ...).
// Errors are HTTP 200 with a small return_code and the 4-digit code in brackets, e.g.
// "인증에 실패했습니다[8005:Token이 유효하지 않습니다]". Response headers: api-id, cont-yn, next-key.
// Simulator thread only.
class SimRestApi
{
public:
    SimRestApi(const SimConfig &config, SimMarket &market, SimExchange &exchange, SimTokenStore &tokens,
        SimQuota &quota, SimFaults &faults);

    SimHttpResponse handle(const SimHttpRequest &request);

    // Paper trading: TRs for which accepts(apiId) is true are not run here but handed to forward()
    // after the token and quota checks (the paper simulator relays them to its live feed); every
    // other TR (orders, account) is still this simulator's own.
    struct Forwarder
    {
        std::function<bool(const QString &apiId)> accepts;
        std::function<SimHttpResponse(const QString &apiId, const SimTrRequest &request)> forward;
    };
    void setForwarder(Forwarder forwarder) { m_forwarder = std::move(forwarder); }
    qint64 requestsServed() const { return m_requests; }
    // Requests per api-id (after the path/api-id check; every request that names a served TR).
    const QHash<QString, qint64> &requestsByApi() const { return m_requestsByApi; }
    // Quota rejections sent (HTTP 429): per-api-id 1700 and total 1701; fault-injected ones apart.
    qint64 quotaRejections1700() const { return m_quota1700; }
    qint64 quotaRejections1701() const { return m_quota1701; }
    qint64 faultRateLimited() const { return m_faultRateLimited; }

    // The paths Kiwoom serves (for 404 vs 1504) and the path of each api-id the simulator serves.
    static QString pathOf(const QString &apiId);

private:
    SimHttpResponse envelope(const QString &apiId, const SimTrReply &reply) const;
    SimTrReply issueToken(const SimTrRequest &request);
    SimTrReply revokeToken(const SimTrRequest &request);
    std::optional<SimTrReply> checkKeys(const QJsonObject &body) const;

    const SimConfig &m_config;
    SimMarket &m_market;
    SimTokenStore &m_tokens;
    SimQuota &m_quota;
    SimFaults &m_faults;
    Forwarder m_forwarder;
    SimMarketTrs m_marketTrs;
    SimAccountTrs m_accountTrs;
    qint64 m_requests = 0;
    QHash<QString, qint64> m_requestsByApi;
    qint64 m_quota1700 = 0;
    qint64 m_quota1701 = 0;
    qint64 m_faultRateLimited = 0;
};
